"""The domain core never imports textual (as Harlequin's import-hygiene test does)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import explorer.adventure
import explorer.core

CORE_MODULES = sorted(
    [f"explorer.core.{m.name}" for m in pkgutil.iter_modules(explorer.core.__path__)]
    + [f"explorer.adventure.{m.name}" for m in pkgutil.iter_modules(explorer.adventure.__path__)]
    + ["explorer.cli_support", "explorer.cli_query", "explorer.cli_coalition"]
)


def test_there_are_core_modules():
    assert "explorer.core.loader" in CORE_MODULES
    assert "explorer.core.coalition" in CORE_MODULES


def test_core_modules_do_not_import_textual():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"textual imported by the core: {out.stdout.strip()}"


def test_loading_a_pack_does_not_import_networkx_or_textual():
    code = (
        "import sys\n"
        "from explorer.core.loader import load_pack\n"
        "load_pack(None)\n"
        "print(any(m.startswith(('textual', 'networkx')) for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

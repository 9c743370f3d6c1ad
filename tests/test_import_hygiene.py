"""The domain core never imports textual (as Harlequin's import-hygiene test does)."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys

import explorer.adventure
import explorer.core

CORE_MODULES = sorted(
    [f"explorer.core.{m.name}" for m in pkgutil.iter_modules(explorer.core.__path__)]
    + [f"explorer.adventure.{m.name}" for m in pkgutil.iter_modules(explorer.adventure.__path__)]
    + ["explorer.cli.support", "explorer.cli.query", "explorer.cli.coalition"]
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


FIRST_FRAME_PROBE = """
import os, sys
from textual.app import App

_display = App._display

def display(self, screen, renderable):
    if renderable is not None and not getattr(self, "_probed", False):
        self._probed = True
        mods = sorted(m for m in sys.modules if m.startswith(("explorer", "networkx")))
        os.write(1, ("MODULES " + ",".join(mods) + chr(10)).encode())
        self.call_later(self.exit)
    return _display(self, screen, renderable)

App._display = display
from explorer.cli import main
raise SystemExit(main([]))
"""


def test_the_first_frame_waits_for_none_of_the_heavy_modules(tmp_path):
    """`explorer` draws its first frame before the loader, the coalition engine, networkx, the
    command parsers and the other screens are imported (the start-up budget depends on it)."""
    env = dict(os.environ, EXPLORER_DATA_DIR=str(tmp_path),
               TEXTUAL_DRIVER="textual.drivers.headless_driver:HeadlessDriver")
    env.pop("EXPLORER_CONTENT", None)
    seen = []
    for _ in range(2):  # the first start writes the pack cache, the second reads it
        out = subprocess.run([sys.executable, "-c", FIRST_FRAME_PROBE], capture_output=True,
                             text=True, env=env, timeout=120)
        line = next(x for x in out.stdout.splitlines() if x.startswith("MODULES "))
        seen.append(set(line.split()[1].split(",")))
    assert "explorer.core.loader" in seen[0]  # no cache yet: the TOML files were read
    loaded = seen[1]
    assert "explorer.tui.browse_screen" in loaded  # the probe did see the explore screen
    for heavy in ("explorer.core.loader", "explorer.core.validate", "explorer.core.coalition",
                  "explorer.core.power", "networkx", "explorer.cli.play",
                  "explorer.cli.classroom", "explorer.cli.coalition",
                  "explorer.tui.coalition_screen", "explorer.adventure"):
        assert heavy not in loaded, f"{heavy} is imported before the first frame"

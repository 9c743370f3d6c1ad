"""Drawing a DOT graph as SVG or PNG with Graphviz's `dot` command, when it is installed.

Graphviz is not a Python dependency: it is found on PATH at the moment of the export, run with
a time limit, and its absence is a clear message saying how to install it.
"""

from __future__ import annotations

import shutil
import subprocess

INSTALL_HINT = ("Drawing SVG or PNG needs Graphviz's `dot` command, which is not installed. "
                "Install Graphviz (Debian/Ubuntu: sudo apt install graphviz; macOS: brew "
                "install graphviz; Windows and others: https://graphviz.org/download/), or "
                "export --format dot and draw the file elsewhere.")
TIMEOUT_S = 120


class GraphvizError(Exception):
    """Graphviz is missing or failed; the message says what to do."""


def available() -> bool:
    return shutil.which("dot") is not None


def render(dot_text: str, fmt: str) -> bytes:
    """The DOT text drawn as `fmt` ('svg' or 'png')."""
    if fmt not in ("svg", "png"):
        raise ValueError(f"Graphviz draws svg or png here, not {fmt!r}")
    exe = shutil.which("dot")
    if exe is None:
        raise GraphvizError(INSTALL_HINT)
    try:
        done = subprocess.run([exe, f"-T{fmt}"], input=dot_text.encode("utf-8"),
                              capture_output=True, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise GraphvizError(f"Graphviz took more than {TIMEOUT_S} s; try a smaller graph "
                            "(--around ACTOR --depth 1, --no-places)") from None
    except OSError as exc:
        raise GraphvizError(f"cannot run Graphviz ({exe}): {exc.strerror or exc}") from None
    if done.returncode != 0 or not done.stdout:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GraphvizError("Graphviz could not draw the graph: "
                            + (reason[-1] if reason else f"exit status {done.returncode}"))
    return done.stdout

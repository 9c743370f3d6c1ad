"""Cold start to the first frame: the app on the bundled pack vs a bare Textual app, side by side.

Each run is a fresh interpreter that starts the app headless and exits as soon as the first frame
is ready (Textual's auto-pilot runs after the app's Ready); runs alternate between the two so both
see the same machine load. The figure is the ratio of the medians.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

BARE = """
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("Kingmaker")

async def stop(pilot):
    pilot.app.exit()

Bare().run(headless=True, auto_pilot=stop)
"""

OURS = """
from explorer.tui.app import make_app

async def stop(pilot):
    pilot.app.exit()

make_app().run(headless=True, auto_pilot=stop)
"""


def _once(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=60)
    return time.perf_counter() - start


def run(repeats: int = 7) -> dict:
    _once(BARE), _once(OURS)  # warm the .pyc caches
    bare, ours = [], []
    for _ in range(repeats):
        bare.append(_once(BARE))
        ours.append(_once(OURS))
    b, o = statistics.median(bare), statistics.median(ours)
    return {
        "startup_bare_s": round(b, 3),
        "startup_app_s": round(o, 3),
        "startup_ratio": round(o / b, 3),
    }


if __name__ == "__main__":
    print(run())

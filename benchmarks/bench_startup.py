"""Cold start to the first frame: `explorer` on the bundled pack vs a bare Textual app.

Each run is a fresh interpreter. Ours runs the real command line (`explorer` with no arguments:
argument parsing, loading and checking the pack, the app); the bare app shows one Label. Both run
on Textual's headless driver (TEXTUAL_DRIVER), so no terminal is needed and both do the same
output work. The clock runs from just before the parent spawns the child to the moment the
child's compositor hands its first frame to the driver (`App._display` with something to show);
the child writes the wall-clock time then and exits once it has started up. Both apps are timed
at that same point: the first frame, not Ready — a bare app reaches Ready before it has drawn
anything, ours after, so Ready would flatter the bare app.

Bytecode: both interpreters read compiled bytecode, as an installed program does. Textual's was
written by pip at install time; our package is installed editable and the environment may set
PYTHONDONTWRITEBYTECODE, which would make every run compile our modules from source (about
30 ms) and the bare app never. So the children run with a private PYTHONPYCACHEPREFIX under
benchmarks/_generated/ and PYTHONDONTWRITEBYTECODE removed, and one warm-up run of each fills it.

The pack cache: `explorer` keeps the checked pack in its data folder and reads it back on the
next start while no pack file has changed (explorer/core/pack_cache.py). The children get a
private EXPLORER_DATA_DIR. `startup_ratio` is a start with the cache written by the warm-up run
(every start but the first after an edit); `startup_ratio_first_run` deletes it before each run,
so the pack is parsed and checked from its TOML files as on the very first start.

Runs alternate so every variant sees the same machine load; the figures are ratios of medians.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HOOK = """
import os, time
from textual.app import App

_display, _ready = App._display, App._ready

def display(self, screen, renderable):
    if renderable is not None and not getattr(self, "_bench_full", False):
        now = time.time()
        if not getattr(self, "_bench_frame", False):
            self._bench_frame = True
            os.write(1, b"FRAME %r\\n" % now)
        if not self.screen.query("Lazy"):  # everything of the first screen is in this frame
            self._bench_full = True
            os.write(1, b"FULL %r\\n" % now)
            if getattr(self, "_bench_ready", False):
                self.call_later(self.exit)
    return _display(self, screen, renderable)

async def ready(self):
    await _ready(self)
    self._bench_ready = True
    if getattr(self, "_bench_full", False):
        self.call_later(self.exit)

App._display, App._ready = display, ready
"""

BARE = HOOK + """
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("Kingmaker")

Bare().run()
"""

OURS = HOOK + """
from explorer.cli import main

raise SystemExit(main([]))
"""

GENERATED = Path(__file__).parent / "_generated"


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(GENERATED / "pycache"),
               EXPLORER_DATA_DIR=str(GENERATED / "startup-data"),
               TEXTUAL_DRIVER="textual.drivers.headless_driver:HeadlessDriver")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("EXPLORER_CONTENT", None)
    return env


def _once(code: str, env: dict[str, str], fresh_cache: bool = False) -> tuple[float, float]:
    """Seconds from spawning to the first frame, and to the first frame with the whole screen."""
    if fresh_cache:
        shutil.rmtree(env["EXPLORER_DATA_DIR"], ignore_errors=True)
    start = time.time()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env=env)
    marks = dict(line.split()[:2] for line in done.stdout.splitlines()
                 if line.startswith(("FRAME ", "FULL ")))
    if done.returncode != 0 or len(marks) != 2:
        raise RuntimeError(f"exit {done.returncode}, frames not reported:\n{done.stdout}\n"
                           f"{done.stderr}")
    return float(marks["FRAME"]) - start, float(marks["FULL"]) - start


def run(repeats: int = 11) -> dict:
    env = _env()
    _once(BARE, env), _once(OURS, env, fresh_cache=True)  # bytecode and pack cache written
    bare, ours, first = [], [], []
    for _ in range(repeats):
        bare.append(_once(BARE, env))
        ours.append(_once(OURS, env))
        first.append(_once(OURS, env, fresh_cache=True))

    def median(runs, which):
        return statistics.median(r[which] for r in runs)

    b = median(bare, 0)
    o, o_full, f = median(ours, 0), median(ours, 1), median(first, 0)
    return {
        "startup_bare_s": round(b, 3),
        "startup_app_s": round(o, 3),
        "startup_ratio": round(o / b, 3),
        "startup_full_s": round(o_full, 3),
        "startup_ratio_full": round(o_full / b, 3),
        "startup_first_run_s": round(f, 3),
        "startup_ratio_first_run": round(f / b, 3),
    }


if __name__ == "__main__":
    print(run())

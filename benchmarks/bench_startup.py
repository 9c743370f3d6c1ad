"""Cold start to the first frame: `explorer` on the bundled pack vs a bare Textual app.

Each run is a fresh interpreter. Ours runs the real command line (`explorer` with no arguments:
argument parsing, loading and checking the pack, the app); the bare app shows one Label. Both run
on Textual's headless driver (TEXTUAL_DRIVER), so no terminal is needed and both do the same
output work. The clock runs from just before the parent spawns the child to the moment the
child's compositor hands its first frame to the driver (`App._display` with something to show,
outside Textual's start-up batch: a frame composed inside it is dropped, and an app whose first
screen is a mode's composes one there — measuring that one flattered ours by 50–160 ms);
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
    # A frame composed while Textual's start-up batch is open (_batch_count) is dropped, never
    # written to the terminal: the first frame is the first one the driver is given to write.
    if renderable is not None and not self._batch_count and not getattr(self, "_bench_full", False):
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
ROOT = Path(__file__).resolve().parent.parent


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


# -- a real terminal: tmux ---------------------------------------------------------------------

TTY_BARE = """
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("Kingmaker bare app")

Bare().run()
"""
TTY_VENV = GENERATED / "tty-venv"
TTY_SOCKET = f"kingmaker-bench-{os.getpid()}"


def _source_stamp() -> str:
    """What the installed copy was built from: every package file's path, size and mtime."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted([ROOT / "pyproject.toml", *(ROOT / "explorer").rglob("*"),
                        *(ROOT / "content").rglob("*")]):
        if path.is_file() and "__pycache__" not in path.parts:
            st = path.stat()
            digest.update(f"{path.relative_to(ROOT)} {st.st_size} {st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def installed_python() -> Path:
    """A venv with the package installed as the README installs it (`pip install .`), made
    under benchmarks/_generated/ and made again when the sources change."""
    python, stamp_file = TTY_VENV / "bin" / "python", TTY_VENV / "source-stamp"
    stamp = _source_stamp()
    if python.exists() and stamp_file.exists() and stamp_file.read_text() == stamp:
        return python
    shutil.rmtree(TTY_VENV, ignore_errors=True)
    subprocess.run(["python3", "-m", "venv", str(TTY_VENV)], check=True, timeout=300)
    subprocess.run([str(TTY_VENV / "bin" / "pip"), "install", "-q", str(ROOT)], check=True,
                   timeout=900, capture_output=True)
    stamp_file.write_text(stamp)
    return python


def _tmux(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["tmux", "-L", TTY_SOCKET, *args], capture_output=True, text=True,
                          timeout=30)


def _tty_once(command: str, marks: list[str], env: dict[str, str], timeout: float = 30) -> float:
    """Seconds from asking tmux for a new 120x40 window running `command` to the pane showing
    any of `marks` (polled every 5 ms through capture-pane)."""
    start = time.perf_counter()
    done = _tmux("new-session", "-d", "-s", "run", "-x", "120", "-y", "40", "-e",
                 f"EXPLORER_DATA_DIR={env['EXPLORER_DATA_DIR']}", command)
    if done.returncode != 0:
        raise RuntimeError(f"tmux: {done.stderr.strip()}")
    try:
        while time.perf_counter() - start < timeout:
            pane = _tmux("capture-pane", "-p", "-t", "run").stdout
            if any(mark in pane for mark in marks):
                return time.perf_counter() - start
            time.sleep(0.005)
        raise RuntimeError(f"{command!r}: nothing after {timeout} s:\n{pane}")
    finally:
        _tmux("kill-session", "-t", "run")


def run_tty(repeats: int = 11) -> dict:
    """`explorer` (installed, bundled pack, pack cache written) against a bare Textual app
    showing one line, both in a fresh tmux window of 120x40, alternating, medians of `repeats`."""
    if shutil.which("tmux") is None:
        return {"startup_tty_error": "tmux is not installed"}
    python = installed_python()
    explorer = python.parent / "explorer"
    bare = GENERATED / "tty_bare.py"
    bare.write_text(TTY_BARE)
    done = subprocess.run([str(python), "-c", "from explorer.core.pack_cache import "
                           "load_pack_cached as l; print('\\n'.join(a.name for a in "
                           "l(None).actors.values() if a.kind == 'list'))"],
                          capture_output=True, text=True, timeout=60)
    cast = [line for line in done.stdout.splitlines() if line.strip()]
    if not cast:
        raise RuntimeError(f"no list names from the pack: {done.stderr}")
    env = {"EXPLORER_DATA_DIR": str(GENERATED / "tty-data")}
    # With several bundled packs the first start asks which to open; a user who has answered
    # once is not asked again: answer for the bundled default, as `explorer packs --use` does.
    subprocess.run([str(explorer), "packs", "--use", "iraq-2010"], capture_output=True,
                   timeout=60, env={**os.environ, **env})
    ours_cmd, bare_cmd = shlex_join([str(explorer)]), shlex_join([str(python), str(bare)])
    _tmux("new-session", "-d", "-s", "hold", "sleep 900")  # keeps one tmux server for all runs
    try:
        _tty_once(ours_cmd, cast, env), _tty_once(bare_cmd, ["Kingmaker bare app"], env)
        ours, bares = [], []
        for _ in range(repeats):
            bares.append(_tty_once(bare_cmd, ["Kingmaker bare app"], env))
            ours.append(_tty_once(ours_cmd, cast, env))
    finally:
        _tmux("kill-server")
    b, o = statistics.median(bares), statistics.median(ours)
    return {"startup_tty_bare_s": round(b, 3), "startup_tty_app_s": round(o, 3),
            "startup_ratio_tty": round(o / b, 3)}


def shlex_join(parts: list[str]) -> str:
    import shlex

    return shlex.join(parts)


if __name__ == "__main__":
    import sys as _sys

    print(run_tty() if "--tty" in _sys.argv else run())

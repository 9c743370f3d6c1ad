"""Warm start for `explorer serve`: one warm parent forks every browser tab's app process.

textual-serve runs a shell command per browser tab and talks to that process over its standard
streams. Started plainly, each tab imports Textual and Kingmaker and reads the pack from scratch
(on the 2-core reference machine about 0.45 s of CPU before the app does anything, and 30 MB
each; benchmarks/README.md). With a warm start, `serve` first starts one warm parent
(`warm_parent.py`) that has done all of that once; the command given to textual-serve is then the
tiny `warm_launch.py`, which hands the tab's pipes to the parent, and the parent forks the app.

`WarmStart.begin(command)` takes the plain command (`python -m explorer ARG...`) and returns at
once with the command to serve — the launcher's, or the plain one where fork cannot be used —
and a note saying which and why. The warm parent is started by a watcher thread in the server,
so `serve` listens as soon as before; until the parent is ready (`wait_ready`), and whenever it
is being replaced, the launcher simply starts a plain process for the tab. The watcher restarts
a parent that died, a few times a minute at most, then gives up and says so on stderr (tabs then
start afresh for good). `stop()` ends the parent and removes its private folder.

Fork needs POSIX (`os.fork`, UNIX sockets, SCM_RIGHTS) and `EXPLORER_SERVE_FORK` not set to 0;
otherwise every tab is a plain process, as before.
"""

from __future__ import annotations

import os
import select
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

OFF_VAR = "EXPLORER_SERVE_FORK"
READY_TIMEOUT = 120.0  # preloading and the warm-up run take 1-2 s; far longer on a busy machine
RESTARTS_PER_MINUTE = 3
HERE = Path(__file__).resolve().parent
LAUNCHER = HERE / "warm_launch.py"

# What textual-serve's AppService sets for every tab, but the size: the warm parent imports
# Textual under the same environment, so its constants already match every tab's.
WEB_ENV = {
    "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
    "TEXTUAL_FPS": "60",
    "TEXTUAL_COLOR_SYSTEM": "truecolor",
    "TERM_PROGRAM": "textual",
}


def unavailable() -> str | None:
    """Why fork cannot be used here, or None when it can."""
    if os.environ.get(OFF_VAR, "").strip() in ("0", "no", "off", "false"):
        return f"{OFF_VAR}=0"
    import socket

    if not hasattr(os, "fork") or not hasattr(socket, "AF_UNIX") \
            or not hasattr(socket, "SCM_RIGHTS"):
        return "this platform has no fork or cannot pass descriptors"
    return None


def app_argv(command: str) -> list[str] | None:
    """The app's arguments in a plain command `python -m explorer ARG...`, else None."""
    try:
        parts = shlex.split(command)
    except ValueError:
        return None
    if parts[:3] != [sys.executable, "-m", "explorer"]:
        return None
    return parts[3:]


def _content(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--content" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--content="):
            return arg.split("=", 1)[1]
    return None


class WarmStart:
    """The warm parent of one `serve`, and the command textual-serve runs for each tab."""

    def __init__(self, plain_command: str):
        self.plain_command = plain_command
        self.command = plain_command
        self.note = ""
        self.folder: Path | None = None
        self.socket: Path | None = None
        self.process: subprocess.Popen | None = None
        self._argv: list[str] = []
        self._stopping = threading.Event()
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self._restarts: list[float] = []
        self._watcher: threading.Thread | None = None

    @classmethod
    def begin(cls, plain_command: str) -> WarmStart:
        warm = cls(plain_command)
        warm._begin()
        return warm

    @property
    def warm(self) -> bool:
        """True when tabs go through the launcher (to the warm parent once it is ready)."""
        return self.command != self.plain_command

    def wait_ready(self, timeout: float) -> bool:
        """Wait until a warm parent is ready to fork tabs; False if it is not by then."""
        return self.warm and self._ready.wait(timeout)

    def _begin(self) -> None:
        why = unavailable()
        argv = app_argv(self.plain_command)
        if why is None and argv is None:
            why = "the app command is not `python -m explorer`"
        if why is not None:
            self.note = f"Each browser tab starts the app afresh ({why})."
            return
        self._argv = argv
        self.folder = Path(tempfile.mkdtemp(prefix="kingmaker-serve-"))  # mode 0700
        self.socket = self.folder / "warm.sock"
        self.command = "exec " + shlex.join([sys.executable, "-I", "-S", str(LAUNCHER),
                                             str(self.socket), *argv])
        self.note = ("Browser tabs start from a warm copy of the app (forked: quick to open, "
                     "light on memory) once it is ready, in a few seconds.")
        self._watcher = threading.Thread(target=self._watch, name="kingmaker-warm-watch",
                                         daemon=True)
        self._watcher.start()

    def _spawn(self) -> str | None:
        """Start a warm parent and wait for its `ready`; an error message, or None."""
        env = dict(os.environ, **WEB_ENV)
        try:
            self.folder.mkdir(mode=0o700, exist_ok=True)  # a parent that ended removed it
        except OSError as exc:
            return exc.strerror or str(exc)
        command = [sys.executable, "-m", "explorer.tui.warm_parent", str(self.socket)]
        content = _content(self._argv)
        if content:
            command += ["--content", content]
        command += ["--warm-up", *self._argv]
        with self._lock:
            if self._stopping.is_set():
                return "stopping"
            try:
                process = subprocess.Popen(command, stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, env=env, close_fds=True)
            except OSError as exc:
                return exc.strerror or str(exc)
            self.process = process  # stop() ends it even while it is getting ready
        deadline = time.monotonic() + READY_TIMEOUT
        out = b""  # everything the parent printed; its last line is `ready` once it is
        while not (out == b"ready\n" or out.endswith(b"\nready\n")):
            left = deadline - time.monotonic()
            if left <= 0 or self._stopping.is_set():
                break
            ready, _, _ = select.select([process.stdout], [], [], min(0.25, left))
            if ready:
                chunk = os.read(process.stdout.fileno(), 64)
                if not chunk:
                    break
                out += chunk
        if not out.endswith(b"ready\n") or self._stopping.is_set():
            with self._lock:
                if self.process is process:
                    self.process = None
            self._end(process)
            return "stopping" if self._stopping.is_set() else "the warm parent did not start"
        return None

    def _watch(self) -> None:
        """Start the warm parent; restart it when it dies, a few times a minute at most."""
        while not self._stopping.is_set():
            error = self._spawn()
            if self._stopping.is_set():
                return
            if error is None:
                self._ready.set()
                process = self.process
                process.wait()
                self._ready.clear()
                if self._stopping.is_set():
                    return
                with self._lock:
                    if self.process is process:
                        self.process = None
                self._end(process)
            now = time.monotonic()
            self._restarts = [t for t in self._restarts if now - t < 60] + [now]
            if len(self._restarts) > RESTARTS_PER_MINUTE:
                reason = error or "the warm parent keeps stopping"
                print(f"kingmaker: no warm start ({reason}); browser tabs start the app "
                      "afresh", file=sys.stderr)
                return
            if error is not None:
                self._stopping.wait(1.0)

    @staticmethod
    def _end(process: subprocess.Popen) -> None:
        try:
            if process.stdin:
                process.stdin.close()  # the parent ends at EOF
            process.wait(timeout=3)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait(timeout=3)
        if process.stdout:
            process.stdout.close()

    def _remove_folder(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def stop(self) -> None:
        """End the warm parent (running sessions are not its to end) and remove its folder."""
        with self._lock:
            self._stopping.set()
            process, self.process = self.process, None
        if process is not None:
            self._end(process)
        if self._watcher is not None:
            self._watcher.join(timeout=10)
        self._remove_folder()

    def __enter__(self) -> WarmStart:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

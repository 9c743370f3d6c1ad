"""A browser tab without the browser: runs the command textual-serve runs for a tab, as it does.

`Tab(command)` starts the command through the shell with the environment textual-serve's
AppService gives a tab (web driver, size), reads the packets the app writes, and keeps the
screen they draw (a small terminal model: cursor moves, text, styles ignored). Keys and meta
packets go in as the server sends them. Every wait is bounded.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import threading
import time

from rich.cells import get_character_cell_size

from explorer.tui.warm_start import WEB_ENV

WAIT = 30.0
CSI = re.compile(rb"\x1b\[([0-9;?$<=>]*)([ -/]*)([@-~])")
OSC = re.compile(rb"\x1b\].*?(?:\x07|\x1b\\)", re.S)


def packet(kind: bytes, payload: bytes) -> bytes:
    return kind + len(payload).to_bytes(4, "big") + payload


class Screen:
    """The characters on a terminal of `width` x `height` after the bytes fed so far."""

    def __init__(self, width: int, height: int):
        self.width, self.height = width, height
        self.rows = [[" "] * width for _ in range(height)]
        self.row = self.col = 0

    def feed(self, data: bytes) -> None:
        data = OSC.sub(b"", data)
        pos = 0
        for match in CSI.finditer(data):
            self._text(data[pos:match.start()])
            params, final = match.group(1), match.group(3)
            if final == b"H" and b"?" not in params:
                parts = [int(p or 1) for p in params.split(b";")] if params else [1, 1]
                self.row, self.col = parts[0] - 1, (parts[1] if len(parts) > 1 else 1) - 1
            pos = match.end()
        self._text(data[pos:])

    def _text(self, chunk: bytes) -> None:
        for char in chunk.decode("utf-8", "replace"):
            if char == "\n":
                self.row, self.col = self.row + 1, 0
            elif char == "\r":
                self.col = 0
            elif char >= " ":
                if 0 <= self.row < self.height and 0 <= self.col < self.width:
                    self.rows[self.row][self.col] = char
                self.col += max(1, get_character_cell_size(char))

    def text(self) -> str:
        return "\n".join("".join(r).rstrip() for r in self.rows)


class Tab:
    def __init__(self, command: str, width: int = 100, height: int = 30,
                 env: dict[str, str] | None = None, cwd=None):
        environment = dict(os.environ if env is None else env, **WEB_ENV)
        environment.update(COLUMNS=str(width), ROWS=str(height))
        self.screen = Screen(width, height)
        self.raw = b""
        self._lock = threading.Lock()
        self._last = time.monotonic()
        self.closed = threading.Event()
        self.process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        env=environment, cwd=cwd)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        out = self.process.stdout
        buffer = b""
        while True:
            chunk = os.read(out.fileno(), 65536)
            if not chunk:
                break
            buffer += chunk
            if buffer.startswith(b"__GANGLION__\n"):
                buffer = buffer[len(b"__GANGLION__\n"):]
            while len(buffer) >= 5 and not buffer.startswith(b"__"):
                size = int.from_bytes(buffer[1:5], "big")
                if len(buffer) < 5 + size:
                    break
                kind, payload, buffer = buffer[:1], buffer[5:5 + size], buffer[5 + size:]
                if kind == b"D":
                    with self._lock:
                        self.raw += payload
                        self.screen.feed(payload)
                        self._last = time.monotonic()
        self.closed.set()

    def text(self) -> str:
        with self._lock:
            return self.screen.text()

    def wait_for(self, text: str, timeout: float = WAIT) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text in self.text():
                return True
            if self.closed.is_set():
                return text in self.text()
            time.sleep(0.05)
        return False

    def settle(self, quiet: float = 1.0, timeout: float = WAIT) -> str:
        """The screen once nothing has been drawn for `quiet` seconds."""
        end = time.monotonic() + timeout
        while time.monotonic() < end and time.monotonic() - self._last < quiet:
            time.sleep(0.05)
        return self.text()

    def send(self, data: bytes) -> None:
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def key(self, keys: str) -> None:
        self.send(packet(b"D", keys.encode("utf-8")))

    def quit(self, timeout: float = 10.0) -> int:
        """Ask the app to quit, as the server does when the tab closes; its exit status."""
        try:
            self.send(packet(b"M", json.dumps({"type": "quit"}).encode()))
            self.process.stdin.close()
        except (BrokenPipeError, OSError):
            pass
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait(timeout)
        finally:
            self._reader.join(timeout)
            for stream in (self.process.stdout, self.process.stderr):
                if stream:
                    stream.close()


def app_pid(tab: Tab, timeout: float = 10.0) -> int | None:
    """The pid of the app behind a tab: the launched process, or the child forked for it.

    Found as the process whose standard output is the tab's pipe (by its inode in /proc)."""
    want = os.fstat(tab.process.stdout.fileno()).st_ino
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                target = os.readlink(f"/proc/{entry}/fd/1")
            except OSError:
                continue
            if target == f"pipe:[{want}]" and int(entry) != os.getpid() and _is_app(entry):
                return int(entry)
        time.sleep(0.05)
    return None


def _is_app(pid: str) -> bool:
    """A Python process that is not the launcher (a shell or the launcher may hold the pipe)."""
    try:
        with open(f"/proc/{pid}/comm") as handle:
            comm = handle.read()
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            cmdline = handle.read()
    except OSError:
        return False
    return comm.startswith("python") and b"warm_launch" not in cmdline


def parent_of(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read()
    except OSError:
        return None
    return int(stat[stat.rfind(b")") + 2:].split()[1])


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read()
    except OSError:
        return False
    return stat[stat.rfind(b")") + 2:].split()[0] != b"Z"

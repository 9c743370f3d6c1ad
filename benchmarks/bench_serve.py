"""`explorer serve` under a class: N browser sessions opened at once, on loopback.

    python benchmarks/bench_serve.py                 # N = 1, 10, 30
    python benchmarks/bench_serve.py --sessions 30 --lesson who-won --present
    python benchmarks/bench_serve.py --plain         # no warm parent (EXPLORER_SERVE_FORK=0)
    python benchmarks/bench_serve.py --serial 200    # 200 sessions one after another

It starts the real `explorer serve` on a free 127.0.0.1 port and speaks the browser's protocol
(textual-serve's textual.js) over real websockets: connect to /ws?width=W&height=H, send
["resize", {...}] and a ping, then read the terminal bytes. For every session it measures:

- first frame: seconds from the websocket opening to the first bytes that contain the pack's
  title (the title bar of the first screen);
- memory: once every session shows its first frame, the PSS of every process the server started
  (the app processes, the warm parent, any launcher), summed from /proc/PID/smaps_rollup, and the
  server's own PSS reported apart;
- joined: every session joins the class at the same moment as a student does on the join
  screen (a name, Enter, Enter; no code on loopback); seconds from the keys to the first screen
  behind it (the footer's "F1 Help", which the join screen has not: the welcome notification is
  no mark, it can time out before a busy session draws it); the PSS again once all have settled
  (`pss_mb_joined`: a class at work, the figure the memory goal is judged by);
- redraw: once the welcome notifications are gone and every session is quiet, all sessions are
  sent a key at the same moment (↓, the first thing the first screen invites: the list cursor
  moves and the actor page beside it is redrawn for the next actor; with --lesson, →: the
  lesson's next step);
  seconds from the key to the last bytes that key caused (the last before QUIET seconds in
  which no session received anything);
  done ROUNDS times (↓ five times: five actors' pages; → five times: steps 2 to 6 of a
  lesson), each once all are quiet, so that every round draws a page for the first time (going
  back and forth would time pages drawn before); `key_redraw_max_s` is the slowest session's
  redraw, median over the rounds (one round is one draw of the scheduler), with every round's
  in `key_redraw_max_s_rounds` and the slowest round in `key_redraw_worst_s`;
  `key_redraw_p50_s` is the first round's median session; a round waits for every session's
  first bytes before silence can end it, and `key_unanswered` counts keys no redraw came for;
- closing: every websocket is closed; seconds until no process started by the server is left.

The benchmark makes itself a child subreaper (prctl), so a session orphaned by its parent's death
still counts as ours and is found. Bounded: at most 60 sessions, every wait has a timeout, the
server is stopped (SIGTERM, then SIGKILL) whatever happens, and a leftover process is reported and
killed. Linux only (/proc, prctl); needs the serve extras (textual-serve, aiohttp).
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_SESSIONS = 60
WIDTH, HEIGHT = 120, 40
KEY = "\x1b[B"  # ↓: the explore screen's list moves, the actor page beside it is redrawn
LESSON_KEY = "\x1b[C"  # →: a lesson's next step (with --lesson)
ROUNDS = 5  # the simultaneous key is sent this many times, each to a page not drawn before
QUIET = 1.0  # seconds with no bytes to any session: the class is done drawing
JOINED = b" Help"  # the footer's F1 Help: every screen has it but the join screen
TOAST_S = 5.5  # Textual's notification timeout (5 s) and a little: the welcome is gone by then
PR_SET_CHILD_SUBREAPER = 36


def _subreaper() -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # the parent-chain walk below still finds every session whose parent lives


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()
        if fields[0] == b"Z":
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def descendants(pid: int) -> list[int]:
    tree, out, todo = _children(), [], [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pack_title() -> bytes:
    sys.path.insert(0, str(ROOT))
    from explorer.core.pack_cache import load_pack_cached

    return load_pack_cached(None).title.encode("utf-8")


class Session:
    def __init__(self, index: int):
        self.index = index
        self.ws = None
        self.opened = 0.0
        self.first_frame: float | None = None
        self.joined: float | None = None
        self.redraw: float | None = None
        self.key_sent = 0.0
        self.last_data: float | None = None
        self.buffer = b""
        self.marks: dict[bytes, asyncio.Event] = {}


async def _reader(session: Session) -> None:
    from aiohttp import WSMsgType

    async for message in session.ws:
        if message.type == WSMsgType.BINARY:
            session.last_data = time.perf_counter()
            session.buffer = (session.buffer + message.data)[-200_000:]
            for mark, event in session.marks.items():
                if not event.is_set() and mark in session.buffer:
                    event.set()
        elif message.type in (WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.ERROR):
            break


async def _open(http, url: str, session: Session, title: bytes, timeout: float) -> None:
    seen = session.marks[title] = asyncio.Event()
    session.ws = await http.ws_connect(f"{url}/ws?width={WIDTH}&height={HEIGHT}",
                                       max_msg_size=0)
    session.opened = time.perf_counter()
    await session.ws.send_str(json.dumps(["resize", {"width": WIDTH, "height": HEIGHT}]))
    await session.ws.send_str(json.dumps(["ping", str(int(time.time() * 1000))]))
    session.task = asyncio.ensure_future(_reader(session))
    try:
        await asyncio.wait_for(seen.wait(), timeout)
        session.first_frame = time.perf_counter() - session.opened
    except TimeoutError:
        pass


async def _join(session: Session, timeout: float) -> None:
    """Join the class as a student would: a name, Enter, Enter (no code on loopback); the
    joined frame is the welcome the app shows with the first screen behind the join screen."""
    seen = session.marks[JOINED] = asyncio.Event()
    start = time.perf_counter()
    await session.ws.send_str(json.dumps(["stdin", f"student-{session.index}\r\r"]))
    try:
        await asyncio.wait_for(seen.wait(), timeout)
        session.joined = time.perf_counter() - start
    except TimeoutError:
        pass


async def _quiet(sessions: list[Session], timeout: float) -> None:
    """Wait until no session has received anything for QUIET seconds."""
    start = time.perf_counter()
    end = start + timeout
    while time.perf_counter() < end:
        last = max([start, *((s.last_data or 0.0) for s in sessions)])
        if time.perf_counter() - last >= QUIET:
            return
        await asyncio.sleep(0.05)


async def _keys(sessions: list[Session], timeout: float, key: str = KEY) -> None:
    """Send `key` to every session at once; each one's redraw is its last bytes after the key,
    once no session at all has received anything for QUIET seconds. (A session's own silence is
    no sign it is done: with 30 tabs to run on two cores, one can wait longer than QUIET for its
    turn between two frames of the same key. Until 1 Dec the benchmark stopped at a tab's own
    first silence and timed the list's frame, not the page drawn after it.)"""
    for session in sessions:
        session.last_data = None
        session.redraw = None
    for session in sessions:
        session.key_sent = time.perf_counter()
        await session.ws.send_str(json.dumps(["stdin", key]))
    end = time.perf_counter() + timeout
    while time.perf_counter() < end and any(s.last_data is None for s in sessions):
        await asyncio.sleep(0.05)  # every session answers first: silence before that is no end
    await _quiet(sessions, max(0.0, end - time.perf_counter()) + QUIET)
    for session in sessions:
        if session.last_data is not None:
            session.redraw = session.last_data - session.key_sent


def _wait_port(port: int, server: subprocess.Popen, timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if server.poll() is not None:
            raise RuntimeError(f"serve exited with {server.returncode}: "
                               f"{server.stderr.read().decode(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("serve did not listen within 30 s")


def _stat(pid: int) -> list[bytes]:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read()
    except OSError:
        return []
    return stat[stat.rfind(b")") + 2:].split()


def is_warm_parent(pid: int, server_pid: int) -> bool:
    """The warm parent: the server's child running warm_parent (its forks share the cmdline)."""
    fields = _stat(pid)
    if not fields or int(fields[1]) != server_pid:
        return False
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return b"explorer.tui.warm_parent" in handle.read()
    except OSError:
        return False


def warm_parent_ready(server_pid: int, timeout: float = 120) -> bool:
    """Wait until the server's warm parent listens (its socket, argv[3], exists)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for pid in descendants(server_pid):
            if is_warm_parent(pid, server_pid):
                try:
                    with open(f"/proc/{pid}/cmdline", "rb") as handle:
                        args = handle.read().split(b"\0")
                except OSError:
                    continue
                where = args.index(b"explorer.tui.warm_parent") + 1
                if where < len(args) and os.path.exists(args[where]):
                    return True
        time.sleep(0.1)
    return False


def cpu_s(pid: int) -> float:
    """User + system CPU seconds a process has used."""
    fields = _stat(pid)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") if fields else 0.0


def sessions_alive(server_pid: int) -> list[int]:
    """Our processes but the server and the warm parent: the tabs' app processes, launchers."""
    return [p for p in descendants(os.getpid())
            if p != server_pid and not is_warm_parent(p, server_pid)]


def load() -> float:
    return os.getloadavg()[0]


def _gone_within(server_pid: int, timeout: float) -> tuple[float | None, list[int]]:
    """Seconds until no tab's process is left, or None and what is left."""
    start = time.perf_counter()
    while True:
        left = sessions_alive(server_pid)
        if not left:
            return time.perf_counter() - start, []
        if time.perf_counter() - start > timeout:
            return None, left
        time.sleep(0.02)


def start_server(port: int, extra: list[str], env: dict[str, str]) -> subprocess.Popen:
    command = [sys.executable, "-m", "explorer", "serve", "--port", str(port), *extra]
    return subprocess.Popen(command, cwd=str(ROOT), env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def stop_server(server: subprocess.Popen) -> list[int]:
    """Stop the server; kill and return any process it left behind."""
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(5)
    time.sleep(0.3)
    left = [p for p in descendants(os.getpid()) if p != server.pid]
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for pid in left:  # reap the orphans we inherited as subreaper
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
    return left


def _env(plain: bool, data_dir: str) -> dict[str, str]:
    env = dict(os.environ, EXPLORER_DATA_DIR=data_dir)
    env.pop("EXPLORER_CONTENT", None)
    if plain:
        env["EXPLORER_SERVE_FORK"] = "0"
    return env


def _p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


async def _class(url: str, n: int, title: bytes, server_pid: int, timeout: float,
                 key: str = KEY) -> dict:
    import aiohttp

    sessions = [Session(i) for i in range(n)]
    async with aiohttp.ClientSession() as http:
        await asyncio.gather(*(_open(http, url, s, title, timeout) for s in sessions))
        frames = [s.first_frame for s in sessions if s.first_frame is not None]
        await asyncio.sleep(0.5)  # let every session settle before the memory figure
        procs = [p for p in descendants(os.getpid()) if p != server_pid]
        pss = sum(pss_kb(p) for p in procs) / 1024
        warm = [p for p in procs if is_warm_parent(p, server_pid)]
        warm_pss = sum(pss_kb(p) for p in warm) / 1024
        cpu = sum(cpu_s(p) for p in procs if p not in warm)
        server_pss = pss_kb(server_pid) / 1024
        drawn = [s for s in sessions if s.first_frame is not None]
        await asyncio.gather(*(_join(s, timeout) for s in drawn))
        joined_s = [s.joined for s in drawn if s.joined is not None]
        await asyncio.sleep(TOAST_S)
        await _quiet(drawn, timeout)
        joined_pss = sum(pss_kb(p) for p in descendants(os.getpid()) if p != server_pid) / 1024
        drawn = [s for s in drawn if s.joined is not None]
        rounds = []  # per round: every session's redraw after the key
        for _round in range(ROUNDS):
            await _keys(drawn, timeout, key)
            rounds.append([s.redraw for s in drawn if s.redraw is not None])
        redraws = rounds[0] if rounds else []
        round_max = [max(r) for r in rounds if r]
        unanswered = sum(len(drawn) - len(r) for r in rounds)  # a key no redraw came for
        for s in sessions:
            await s.ws.close()
        for s in sessions:
            s.task.cancel()
    gone_s, left = _gone_within(server_pid, 10)
    out = {
        "sessions": n,
        "first_frames": len(frames),
        "first_frame_p50_s": round(statistics.median(frames), 3) if frames else None,
        "first_frame_p95_s": round(_p(frames, 0.95), 3) if frames else None,
        "first_frame_max_s": round(max(frames), 3) if frames else None,
        "processes": len(procs),
        "pss_mb": round(pss, 1),
        "pss_mb_joined": round(joined_pss, 1),
        "warm_parent_pss_mb": round(warm_pss, 1),
        "server_pss_mb": round(server_pss, 1),
        "session_cpu_s_each": round(cpu / n, 3),
        "load_1min": round(load(), 1),
        "joined": len(joined_s),
        "joined_p50_s": round(statistics.median(joined_s), 3) if joined_s else None,
        "joined_p95_s": round(_p(joined_s, 0.95), 3) if joined_s else None,
        "joined_max_s": round(max(joined_s), 3) if joined_s else None,
        "redraws": len(redraws),
        "key_redraw_p50_s": round(statistics.median(redraws), 3) if redraws else None,
        # the last session's redraw, median over the rounds (each round's own in _rounds)
        "key_redraw_max_s": round(statistics.median(round_max), 3) if round_max else None,
        "key_redraw_max_s_rounds": [round(m, 3) for m in round_max],
        "key_redraw_worst_s": round(max(round_max), 3) if round_max else None,
        "key_unanswered": unanswered,
        "closed_all_gone_s": round(gone_s, 3) if gone_s is not None else None,
        "left_after_close": len(left),
    }
    return out


async def _serial(url: str, n: int, title: bytes, server_pid: int, timeout: float) -> dict:
    import aiohttp

    samples = []
    async with aiohttp.ClientSession() as http:
        for i in range(n):
            s = Session(i)
            await _open(http, url, s, title, timeout)
            await s.ws.close()
            s.task.cancel()
            if i in (9, n - 1):
                await asyncio.sleep(1.0)
                samples.append(pss_kb(server_pid) / 1024)
    gone_s, left = _gone_within(server_pid, 10)
    return {"serial_sessions": n, "server_pss_mb_after_10": round(samples[0], 1),
            f"server_pss_mb_after_{n}": round(samples[-1], 1),
            "serial_left_after_close": len(left)}


def measure(counts=(1, 10, 30), extra: list[str] | None = None, plain: bool = False,
            serial: int = 0, timeout: float = 30) -> list[dict]:
    counts = [c for c in counts if 0 < c <= MAX_SESSIONS]
    _subreaper()
    title = pack_title()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as data_dir:
        env = _env(plain, data_dir)
        runs = [("class", c) for c in counts] + ([("serial", serial)] if serial else [])
        for kind, n in runs:
            port = free_port()
            server = start_server(port, extra or [], env)
            try:
                _wait_port(port, server)
                if not plain and not warm_parent_ready(server.pid):
                    raise RuntimeError("the warm parent did not get ready in 120 s")
                url = f"http://127.0.0.1:{port}"
                key = LESSON_KEY if "--lesson" in (extra or []) else KEY
                job = _class(url, n, title, server.pid, timeout, key) if kind == "class" \
                    else _serial(url, n, title, server.pid, timeout)
                result = asyncio.run(asyncio.wait_for(job, timeout * (4 + ROUNDS) + n * 2))
            finally:
                left = stop_server(server)
            result["left_after_stop"] = len(left)
            results.append(result)
    return results


def run() -> dict:
    """The figures `benchmarks/run.py` reports (the fork path, N = 30)."""
    (r,) = measure(counts=(30,))
    return {"serve_first_frame_p95_s_30": r["first_frame_p95_s"],
            "serve_first_frame_max_s_30": r["first_frame_max_s"],
            "serve_pss_mb_30": r["pss_mb_joined"],
            "serve_joined_p95_s_30": r["joined_p95_s"],
            "serve_key_redraw_max_s_30": r["key_redraw_max_s"],
            "serve_closed_all_gone_s_30": r["closed_all_gone_s"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, action="append",
                        help=f"sessions opened at once (repeatable; default 1, 10, 30; "
                        f"at most {MAX_SESSIONS})")
    parser.add_argument("--lesson", help="serve --lesson ID")
    parser.add_argument("--present", action="store_true", help="serve --present")
    parser.add_argument("--plain", action="store_true", help="no warm parent: a process per tab")
    parser.add_argument("--serial", type=int, default=0,
                        help="also open this many sessions one after another (server memory)")
    args = parser.parse_args()
    extra = (["--lesson", args.lesson] if args.lesson else []) + \
        (["--present"] if args.present else [])
    for result in measure(args.sessions or (1, 10, 30), extra, args.plain, args.serial):
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The warm parent of `explorer serve`: imported and loaded once, it forks one app per browser tab.

    python -m explorer.tui.warm_parent SOCKET [--content DIR] [--warm-up ARG...]

Started by `explorer.tui.warm_start.WarmStart` (never by hand). It imports Textual, the web driver
and Kingmaker's command line, app and screens, reads the checked pack once, freezes what it holds
out of the garbage collector's reach, binds a UNIX socket and prints `ready`. For every tab the
launcher (`warm_launch.py`) sends the tab's pipes (SCM_RIGHTS), environment, folder and argv; the
parent forks, answers with the child's pid and goes back to waiting. Copy-on-write shares the
imported modules and the pack between all the children.

What fork requires, and where it is done:

- no thread and no event loop in the parent: nothing here starts one; before each fork the
  parent checks /proc/self/task and refuses (the launcher then starts a plain process) if a
  thread has appeared;
- the child: a session of its own (`setsid`), the tab's pipes on 0/1/2 and every other inherited
  descriptor closed (the listening socket included), default signal handlers, the tab's
  environment (its size, the driver) and folder, Textual's environment constants read again,
  fresh random state, then `explorer.cli.main(argv)` exactly as a fresh process would run it;
- the parent ignores SIGCHLD, so finished children are reaped by the kernel and never linger.

The parent ends when its standard input closes (the server stopped or died) and removes its
socket. Its own death never touches running sessions: they are not its process group, and the
pipes are theirs.
"""

from __future__ import annotations

import array
import gc
import os
import select
import signal
import socket
import struct
import sys

HEADER = struct.Struct("!I")
MAX_REQUEST = 1 << 20
MAX_FDS = 3
PRELOAD = (
    "textual.app", "textual.drivers.web_driver", "textual.widgets",
    "explorer.cli", "explorer.cli.support", "explorer.tui.app", "explorer.tui.browse_screen",
    "explorer.tui.help_screen", "explorer.tui.coalition_screen", "explorer.tui.lesson_screen",
    "explorer.tui.adventure_screen", "explorer.tui.timeline", "explorer.tui.search",
    "explorer.core.coalition", "explorer.core.pack_cache", "explorer.core.loader",
)


def preload(content: str | None) -> None:
    """Import what every session needs and read the checked pack, before any fork."""
    import importlib

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:  # a screen another version does not have: the child imports it
            pass
    from explorer.core import pack_cache

    pack_cache.keep_in_memory()  # the children share this copy (still checked per tab)
    pack_cache.load_pack_cached(content)


def warm_up(argv: list[str], width: int = 120, height: int = 40) -> None:
    """Run the served app once, headless, before any fork: every child then finds Textual's and
    Rich's caches (parsed styles, colours, cell widths, segments) filled, which halves its own
    start. The run is the tab's own command (`argv`): it joins the class as a student would (in a
    throwaway class folder), moves the cursor, opens and closes the help screen, writes only to a
    throwaway data folder, and leaves no thread or event loop behind (asyncio.run
    closes its loop; `handle` refuses to fork if a thread remains)."""
    import tempfile

    from textual.app import App

    from explorer.cli import main
    from explorer.tui.app import JOIN_MODE
    from explorer.tui.stylesheet import ReusingStylesheet

    ReusingStylesheet.share_parses()
    run = App.run

    def headless_run(app, *args, **kwargs):
        async def pilot(p) -> None:
            await p.pause()
            if app.current_mode == JOIN_MODE:  # a class: join it (in the scratch class folder)
                await p.press(*"warm-up", "enter", "enter")
                for _ in range(20):
                    await p.pause()
                    if app.current_mode != JOIN_MODE:
                        break
            await p.press("down")
            await p.pause()
            await p.press("f1")
            await p.pause()
            await p.press("escape")
            await p.pause()
            app.exit()

        return run(app, headless=True, size=(width, height), auto_pilot=pilot)

    saved, cwd = dict(os.environ), os.getcwd()  # joining moves into the student's folder
    stdout = os.dup(1)  # anything the run prints goes nowhere, not to the server's pipe
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    with tempfile.TemporaryDirectory(prefix="kingmaker-warm-") as scratch:
        os.environ["EXPLORER_DATA_DIR"] = scratch
        if os.environ.get("EXPLORER_CLASS_DIR"):  # it joins a class of its own, not the real one
            os.environ["EXPLORER_CLASS_DIR"] = os.path.join(scratch, "class")
        App.run = headless_run
        try:
            main(list(argv))
        except (Exception, SystemExit):  # noqa: BLE001 - a failed warm-up only costs speed
            pass
        finally:
            App.run = run
            os.chdir(cwd)
            os.environ.clear()
            os.environ.update(saved)
            sys.stdout.flush()
            os.dup2(stdout, 1)
            os.close(stdout)
            os.close(devnull)


def _threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        import threading

        return threading.active_count()


def _send(conn: socket.socket, answer: bytes) -> None:
    conn.sendall(HEADER.pack(len(answer)) + answer)


def decode(body: bytes) -> dict:
    """The launcher's request (see warm_launch.encode): folder, argv and environment."""
    fields, pos = [], 0
    while pos < len(body):
        if pos + 4 > len(body):
            raise ValueError("truncated field")
        size = int.from_bytes(body[pos:pos + 4], "big")
        fields.append(body[pos + 4:pos + 4 + size])
        pos += 4 + size
    if len(fields) < 2 or not fields[1].isdigit() or len(fields) < 2 + int(fields[1]):
        raise ValueError("no argument count")
    count = int(fields[1])
    env = {}
    for entry in fields[2 + count:]:
        name, eq, value = entry.partition(b"=")
        if not eq:
            raise ValueError("not NAME=value")
        env[os.fsdecode(name)] = os.fsdecode(value)
    return {"cwd": os.fsdecode(fields[0]), "argv": [os.fsdecode(a) for a in fields[2:2 + count]],
            "env": env}


def _receive(conn: socket.socket) -> tuple[dict, list[int]]:
    """One request: (its fields, the descriptors that came with it). ValueError if malformed."""
    fds = array.array("i")
    data, ancdata, _flags, _addr = conn.recvmsg(65536, socket.CMSG_SPACE(MAX_FDS * fds.itemsize))
    for level, kind, cdata in ancdata:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(cdata[: len(cdata) - len(cdata) % fds.itemsize])
    received = list(fds)
    try:
        if len(data) < HEADER.size:
            raise ValueError("short request")
        size = HEADER.unpack(data[: HEADER.size])[0]
        if size > MAX_REQUEST:
            raise ValueError("request too large")
        body = data[HEADER.size:]
        while len(body) < size:
            chunk = conn.recv(size - len(body))
            if not chunk:
                raise ValueError("truncated request")
            body += chunk
        if len(received) != MAX_FDS:
            raise ValueError("a request needs three descriptors")
        request = decode(body[:size])
    except (ValueError, OSError):
        for fd in received:
            os.close(fd)
        raise ValueError("malformed request") from None
    return request, received


def _same_user(conn: socket.socket) -> bool:
    try:
        creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    except (AttributeError, OSError):
        return True  # no SO_PEERCRED here: the socket's private folder is the guard
    _pid, uid, _gid = struct.unpack("3i", creds)
    return uid == os.getuid()


def run_child(request: dict, fds: list[int]) -> int:
    """In the forked child: become the tab's app process and run the app; its exit status."""
    import random

    os.setsid()
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
    os.closerange(3, 1 << 16)
    for sig in (signal.SIGCHLD, signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
    os.environ.clear()
    os.environ.update({str(k): str(v) for k, v in request.get("env", {}).items()})
    cwd = request.get("cwd")
    if cwd:
        try:
            os.chdir(cwd)
        except OSError:
            pass
    random.seed()  # os.register_at_fork reseeds too; this says it where it matters
    gc.enable()  # the parent froze its objects out of reach: collections here skip them
    import importlib

    import textual.constants

    importlib.reload(textual.constants)  # TEXTUAL_* as this tab's environment says
    argv = [str(a) for a in request["argv"]]
    sys.argv = ["explorer", *argv]
    from explorer.cli import main

    return main(argv)


def _fork(request: dict, fds: list[int]) -> int:
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = run_child(request, fds)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException:  # noqa: BLE001 - reported on the tab's stderr, never raised
            import traceback

            traceback.print_exc()
        finally:
            import atexit

            try:
                atexit._run_exitfuncs()
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code if isinstance(code, int) else 1)
    for fd in fds:
        os.close(fd)
    return pid


def handle(conn: socket.socket) -> None:
    conn.settimeout(2.0)  # a launcher sends at once; a silent client cannot hold tabs long
    try:
        request, fds = _receive(conn)
    except (ValueError, OSError):
        return
    if not _same_user(conn):
        for fd in fds:
            os.close(fd)
        _send(conn, b"error another user")
        return
    if _threads() > 1:
        for fd in fds:
            os.close(fd)
        _send(conn, b"error the warm parent has threads: fork is not safe")
        return
    pid = _fork(request, fds)
    try:
        _send(conn, b"pid %d" % pid)
    except OSError:
        pass


def _bind(path: str) -> socket.socket:
    """Listen on `path`, replacing a socket a dead parent left (bound aside, then renamed)."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    aside = f"{path}.{os.getpid()}"
    try:
        os.unlink(aside)
    except FileNotFoundError:
        pass
    listener.bind(aside)
    listener.listen(128)
    os.replace(aside, path)
    return listener


def serve_forever(listener: socket.socket, path: str) -> None:
    own = os.stat(path).st_ino
    try:
        while True:
            readable, _, _ = select.select([listener, 0], [], [])
            if 0 in readable and not os.read(0, 4096):
                return  # the server closed our stdin: it stopped or died
            if listener in readable:
                try:
                    conn, _ = listener.accept()
                except OSError:
                    continue
                with conn:
                    handle(conn)
    finally:
        listener.close()
        try:
            if os.stat(path).st_ino == own:  # not a successor's socket
                os.unlink(path)
                os.rmdir(os.path.dirname(path))  # the private folder, once empty
        except OSError:
            pass


def main(args: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m explorer.tui.warm_parent")
    parser.add_argument("socket")
    parser.add_argument("--content")
    parser.add_argument("--warm-up", nargs=argparse.REMAINDER, default=None, metavar="ARG",
                        help="the app's arguments: run it once headless before forking")
    ns = parser.parse_args(args)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children reaped by the kernel
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in the teacher's terminal: the server
    preload(ns.content)
    if ns.warm_up is not None:
        warm_up(ns.warm_up)
    gc.collect()
    gc.freeze()  # the imported modules and the pack stay shared, not touched by collections
    listener = _bind(ns.socket)
    os.write(1, b"ready\n")
    serve_forever(listener, ns.socket)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The launcher textual-serve runs for each browser tab when `explorer serve` has a warm parent.

Run as a script, `python -I -S warm_launch.py SOCKET ARG...`: no site, and only built-in modules
(`_socket`, not `socket`, whose enums take longer to import than the rest of this script takes
to run), so it costs a few milliseconds. It hands its standard input, output and error — the
pipes textual-serve talks to — with its environment, working folder and the app's arguments to
the warm parent over a UNIX socket (the descriptors travel as SCM_RIGHTS), and exits once the
parent answers with the pid of the forked session: the session keeps the pipes, and
textual-serve reads them until they close.

When there is no warm parent to talk to (it is not running, is being replaced, refuses, or this
platform cannot pass descriptors) the launcher turns itself into a plain app process
(`python -m explorer ARG...`, exec in place), so a tab always gets an app. The one case it cannot
decide — the parent vanished after taking the request but before answering — exits with status 3
rather than risk two apps on one tab's pipes; textual-serve then reports the tab as failed.

The message (see `encode`): 4-byte big-endian lengths, each followed by that many bytes — first
the whole body's, then in the body the folder, the number of arguments, the arguments and one
`NAME=value` per environment variable. The answer is one such item: `pid N` or `error TEXT`.
"""

import os
import sys

REPLY_TIMEOUT = 10.0
CONNECT_TIMEOUT = 2.0


def item(data):
    return len(data).to_bytes(4, "big") + data


def encode(argv, environ, cwd):
    """The request: folder, argument count, arguments, NAME=value environment entries."""
    fields = [os.fsencode(cwd), str(len(argv)).encode(), *map(os.fsencode, argv)]
    fields += [os.fsencode(k) + b"=" + os.fsencode(v) for k, v in environ.items()]
    return item(b"".join(item(f) for f in fields))


def _plain(argv):
    """Become a plain app process for this tab."""
    os.execv(sys.executable, [sys.executable, "-m", "explorer", *argv])


def _read_exactly(conn, size):
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def answer(conn):
    """The parent's answer, or None when it closed or timed out without one."""
    try:
        header = _read_exactly(conn, 4)
        return header and _read_exactly(conn, int.from_bytes(header, "big"))
    except OSError:
        return None


def main(args):
    try:
        import _socket
    except ImportError:
        _socket = None
    path, argv = args[0], args[1:]
    if _socket is None or not hasattr(_socket, "AF_UNIX") or not hasattr(_socket, "SCM_RIGHTS"):
        _plain(argv)
    conn = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    conn.settimeout(CONNECT_TIMEOUT)
    try:
        conn.connect(path)
    except OSError:  # no warm parent (yet, or any more): a plain process
        conn.close()
        _plain(argv)
    conn.settimeout(REPLY_TIMEOUT)
    message = encode(argv, os.environ, os.getcwd())
    fds = b"".join(fd.to_bytes(4, sys.byteorder, signed=True) for fd in (0, 1, 2))
    try:
        sent = conn.sendmsg([message], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, fds)])
        while sent < len(message):
            sent += conn.send(message[sent:])
    except OSError:  # the descriptors never left: nothing runs on our pipes
        conn.close()
        _plain(argv)
    reply = answer(conn)
    conn.close()
    if reply is None:
        print("kingmaker: the warm parent took this tab but did not answer", file=sys.stderr)
        return 3
    if not reply.startswith(b"pid "):  # refused before forking: nothing runs on our pipes
        _plain(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

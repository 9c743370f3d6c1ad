"""The launcher textual-serve runs for each browser tab when `explorer serve` has a warm parent.

Run as a script, `python -I -S warm_launch.py SOCKET ARG...` (standard library only, no site:
it starts in a few milliseconds). It hands its standard input, output and error — the pipes
textual-serve talks to — with its environment, working folder and the app's arguments to the warm
parent over a UNIX socket (the descriptors travel as SCM_RIGHTS), and exits once the parent
answers with the pid of the forked session: the session keeps the pipes, textual-serve reads
them until they close.

When there is no warm parent to talk to (it is not running, is being replaced, refuses, or this
platform cannot pass descriptors) the launcher turns itself into a plain app process
(`python -m explorer ARG...`, exec in place), so a tab always gets an app. The one case it cannot
decide — the parent vanished after taking the request but before answering — exits with status 3
rather than risk two apps on one tab's pipes; textual-serve then reports the tab as failed.
"""

import array
import json
import os
import socket
import struct
import sys

REPLY_TIMEOUT = 10.0
CONNECT_TIMEOUT = 2.0
HEADER = struct.Struct("!I")


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


def send(conn, argv):
    """Send this process's stdio, environment, folder and argv in one message."""
    payload = json.dumps({"argv": argv, "env": dict(os.environ), "cwd": os.getcwd()}).encode()
    fds = array.array("i", [0, 1, 2])
    message = HEADER.pack(len(payload)) + payload
    sent = conn.sendmsg([message], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, fds)])
    if sent < len(message):
        conn.sendall(message[sent:])


def answer(conn):
    """The parent's answer (a dict), or None when it closed or timed out without one."""
    try:
        header = _read_exactly(conn, HEADER.size)
        body = header and _read_exactly(conn, HEADER.unpack(header)[0])
        return json.loads(body) if body else None
    except (OSError, ValueError):
        return None


def main(args):
    path, argv = args[0], args[1:]
    if not hasattr(socket, "AF_UNIX") or not hasattr(socket, "SCM_RIGHTS"):
        _plain(argv)
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.settimeout(CONNECT_TIMEOUT)
    try:
        conn.connect(path)
    except OSError:  # no warm parent (yet, or any more): a plain process
        conn.close()
        _plain(argv)
    conn.settimeout(REPLY_TIMEOUT)
    try:
        send(conn, argv)
    except OSError:  # the descriptors never left: nothing runs on our pipes
        conn.close()
        _plain(argv)
    reply = answer(conn)
    conn.close()
    if reply is None:
        print("kingmaker: the warm parent took this tab but did not answer", file=sys.stderr)
        return 3
    if "pid" not in reply:  # refused before forking: nothing runs on our pipes
        _plain(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The warm start of `explorer serve`: forked tabs look and behave like fresh ones.

Tabs are run exactly as textual-serve runs them (the shell command, the web driver's pipes and
environment) through tests/tui/serve_tabs.py; a real warm parent forks them. Linux-only parts
(fork, /proc) are skipped elsewhere with the reason.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from serve_tabs import Tab, alive, app_pid, parent_of

from explorer.tui import warm_start
from explorer.tui.warm_start import WarmStart, app_argv

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "packs" / "mini"
TITLE = "A tiny parliament"
READY = 120  # seconds for the warm parent to preload and warm up, on a very busy machine

needs_fork = pytest.mark.skipif(
    warm_start.unavailable() is not None or not Path("/proc/self/stat").exists(),
    reason="fork, UNIX sockets with SCM_RIGHTS and /proc are needed")


def plain_command(*extra: str) -> str:
    return shlex.join([sys.executable, "-m", "explorer", "--content", str(MINI), *extra])


@pytest.fixture
def warm(monkeypatch):
    monkeypatch.delenv(warm_start.OFF_VAR, raising=False)
    started = WarmStart.begin(plain_command())
    try:
        assert started.wait_ready(READY), "the warm parent did not get ready"
        yield started
    finally:
        started.stop()


def test_app_argv_reads_only_a_plain_explorer_command():
    assert app_argv(plain_command("--present")) == ["--content", str(MINI), "--present"]
    assert app_argv("textual run something") is None
    assert app_argv("unbalanced 'quote") is None


def test_turned_off_it_serves_the_plain_command_and_says_so(monkeypatch):
    monkeypatch.setenv(warm_start.OFF_VAR, "0")
    with WarmStart.begin(plain_command()) as off:
        assert off.command == plain_command() and not off.warm
        assert "afresh" in off.note and warm_start.OFF_VAR in off.note
        assert off.process is None


def test_an_unknown_command_is_served_as_it_is(monkeypatch):
    monkeypatch.delenv(warm_start.OFF_VAR, raising=False)
    with WarmStart.begin("textual run --dev x.py") as other:
        assert other.command == "textual run --dev x.py" and "afresh" in other.note


@needs_fork
def test_a_forked_tab_draws_the_same_first_screen_as_a_fresh_one(warm):
    assert warm.warm and "warm" in warm.note
    fresh, forked = Tab(plain_command()), Tab(warm.command)
    try:
        assert fresh.wait_for(TITLE) and forked.wait_for(TITLE)
        fresh_screen, forked_screen = fresh.settle(), forked.settle()
        assert TITLE in forked_screen
        assert forked_screen == fresh_screen
        assert parent_of(app_pid(forked)) == warm.process.pid  # really forked
        assert parent_of(app_pid(fresh)) != warm.process.pid
    finally:
        assert fresh.quit() == 0
        assert forked.quit() == 0


@needs_fork
def test_forked_tabs_do_not_share_coalition_or_date(warm):
    untouched = Tab(warm.command)
    changed = Tab(warm.command)
    try:
        assert untouched.wait_for(TITLE) and changed.wait_for(TITLE)
        before = untouched.settle()
        assert changed.settle() == before
        changed.key("+")  # the selected list joins the coalition
        changed.key(".")  # the next event: another date
        deadline = time.monotonic() + 20
        while changed.settle(quiet=0.5) == before and time.monotonic() < deadline:
            time.sleep(0.1)
        after = changed.settle()
        assert after != before
        assert untouched.settle() == before
        later = Tab(warm.command)  # a tab opened after the change starts clean too
        try:
            assert later.wait_for(TITLE)
            assert later.settle() == before
        finally:
            later.quit()
    finally:
        untouched.quit()
        changed.quit()


TWO_STEPS = """\
[lesson]
id = "count"
title = "Counting seats"

[[step]]
title = "Step one: the count"
narration = "The Reds won the most seats."
date = "2020-01-10"

[[step]]
title = "Step two: the talks"
narration = "Now the lists talk."
date = "2020-01-10"
"""


@needs_fork
def test_each_forked_tab_uses_its_own_data_folder(tmp_path, monkeypatch):
    """A lesson resumes from the progress in the tab's data folder (EXPLORER_DATA_DIR of the
    tab's environment), not from the warm parent's or another tab's."""
    import json
    import shutil

    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    (pack / "lessons").mkdir()
    (pack / "lessons" / "count.toml").write_text(TWO_STEPS, encoding="utf-8")
    resumed, fresh = tmp_path / "resumed", tmp_path / "fresh"
    resumed.mkdir()
    (resumed / "lessons.json").write_text(json.dumps(
        {"version": 1, "lessons": {"mini/count": {"step": 1, "steps": 2}},
         "last": {"mini": "count"}}), encoding="utf-8")
    monkeypatch.delenv(warm_start.OFF_VAR, raising=False)
    command = shlex.join([sys.executable, "-m", "explorer", "lesson", "count",
                          "--content", str(pack)])
    with WarmStart.begin(command) as warm:
        assert warm.wait_ready(READY)
        one = Tab(warm.command, env=dict(os.environ, EXPLORER_DATA_DIR=str(resumed)))
        two = Tab(warm.command, env=dict(os.environ, EXPLORER_DATA_DIR=str(fresh)))
        try:
            assert one.wait_for("Step two: the talks"), one.text()
            assert two.wait_for("Step one: the count"), two.text()
            assert "Step two" not in two.settle()
        finally:
            one.quit()
            two.quit()


PROBE = textwrap.dedent("""
    import json, os, random, socket, sys
    from explorer.tui import warm_parent
    import explorer.cli

    def probe(argv):
        os.write(1, json.dumps({"random": random.random(), "argv": argv, "cwd": os.getcwd(),
                                "data": os.environ.get("EXPLORER_DATA_DIR"),
                                "columns": os.environ.get("COLUMNS"),
                                "fds": sorted(int(f) for f in os.listdir("/proc/self/fd"))
                                }).encode() + b"\\n")
        return 0

    explorer.cli.main = probe
    random.seed(1)
    listener = warm_parent._bind(sys.argv[1])
    os.write(1, b"ready\\n")
    for _ in range(2):
        conn, _ = listener.accept()
        with conn:
            warm_parent.handle(conn)
""")


@needs_fork
def test_forked_children_get_fresh_random_state_and_their_own_environment(tmp_path):
    """Two children of one parent: different random numbers, each its own env, folder and
    argv, and no descriptor of the parent's (the listening socket) left open."""
    sock = tmp_path / "w.sock"
    parent = subprocess.Popen([sys.executable, "-c", PROBE, str(sock)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout.readline().strip() == "ready"
        launcher = Path(warm_start.LAUNCHER)
        results = []
        for n in (1, 2):
            folder = tmp_path / f"d{n}"
            folder.mkdir()
            done = subprocess.run(
                [sys.executable, "-I", "-S", str(launcher), str(sock), "--tab", str(n)],
                cwd=folder, capture_output=True, text=True, timeout=30,
                env=dict(os.environ, EXPLORER_DATA_DIR=str(folder), COLUMNS=str(80 + n)))
            assert done.returncode == 0, done.stderr
            results.append((folder, __import__("json").loads(done.stdout)))
    finally:
        parent.wait(timeout=30)
    (one_dir, one), (two_dir, two) = results
    assert one["random"] != two["random"]
    import random

    random.seed(1)
    assert random.random() not in (one["random"], two["random"])  # not the parent's state
    for folder, child, n in ((one_dir, one, 1), (two_dir, two, 2)):
        assert child["argv"] == ["--tab", str(n)]
        assert child["cwd"] == str(folder) and child["data"] == str(folder)
        assert child["columns"] == str(80 + n)
        assert child["fds"][:3] == [0, 1, 2] and len(child["fds"]) <= 4  # + the listing's own


@needs_fork
def test_killing_the_warm_parent_spares_running_tabs_and_the_next_tab_works(warm):
    running = Tab(warm.command)
    try:
        assert running.wait_for(TITLE)
        session = app_pid(running)
        old = warm.process.pid
        assert parent_of(session) == old
        os.kill(old, signal.SIGKILL)
        deadline = time.monotonic() + 20
        while alive(old) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(old)
        assert alive(session)
        running.key("\x1bOP")  # F1: the orphaned tab still answers keys
        assert running.wait_for("closes this help")
        following = Tab(warm.command)  # a new parent if it is up already, else a plain process
        try:
            assert following.wait_for(TITLE)
        finally:
            following.quit()
        deadline = time.monotonic() + 30  # the server's watcher starts a new warm parent
        while (warm.process is None or warm.process.pid == old) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert warm.process is not None and warm.process.pid != old
        assert warm.wait_ready(READY)
        assert warm.process.poll() is None
        deadline = time.monotonic() + 30
        while not warm.socket.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        again = Tab(warm.command)
        try:
            assert again.wait_for(TITLE)
            assert parent_of(app_pid(again)) == warm.process.pid  # forked by the new parent
        finally:
            again.quit()
    finally:
        assert running.quit() == 0


@needs_fork
def test_stopping_ends_the_parent_and_leaves_no_file(monkeypatch):
    monkeypatch.delenv(warm_start.OFF_VAR, raising=False)
    started = WarmStart.begin(plain_command())
    assert started.wait_ready(READY)
    tab = Tab(started.command)
    try:
        assert tab.wait_for(TITLE)
        process, folder = started.process, started.folder
        assert folder.exists()
        started.stop()
        assert process.poll() is not None
        assert not folder.exists()
        assert tab.wait_for(TITLE)  # the tab outlives the parent
    finally:
        started.stop()
        assert tab.quit() == 0


def _served_screen(port: int, want: str) -> str:
    """The text a browser tab on `explorer serve` shows, over a real websocket."""
    import asyncio

    aiohttp = pytest.importorskip("aiohttp")
    from serve_tabs import Screen

    async def run() -> str:
        screen = Screen(100, 30)
        async with aiohttp.ClientSession() as http:
            url = f"http://127.0.0.1:{port}/ws?width=100&height=30"
            async with http.ws_connect(url) as ws:
                await ws.send_json(["resize", {"width": 100, "height": 30}])
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline and want not in screen.text():
                    try:
                        msg = await ws.receive(timeout=5)
                    except TimeoutError:
                        break
                    if msg.type != aiohttp.WSMsgType.BINARY:
                        break
                    screen.feed(msg.data)
        return screen.text()

    return asyncio.run(run())


@pytest.mark.parametrize("fork", ["1", "0"])
def test_serve_runs_tabs_with_and_without_the_warm_start(fork, tmp_path):
    pytest.importorskip("textual_serve")
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "serve.log"
    env = dict(os.environ, **{warm_start.OFF_VAR: fork}, PYTHONUNBUFFERED="1")
    with open(log, "w") as out:
        server = subprocess.Popen([sys.executable, "-m", "explorer", "serve", "--port", str(port),
                                   "--content", str(MINI)], cwd=ROOT, env=env, stdout=out,
                                  stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert server.poll() is None, log.read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        assert TITLE in _served_screen(port, TITLE)
    finally:
        server.terminate()
        server.wait(timeout=20)
    said = log.read_text()
    if fork == "0" or warm_start.unavailable():
        assert "starts the app afresh" in said
    else:
        assert "warm copy" in said


@needs_fork
def test_garbage_on_the_socket_does_not_stop_the_warm_parent(warm):
    import socket

    for junk in (b"", b"\x00\x00\x00\x05hello", b"\xff" * 64, b"\x00\x00\x00\x02\x00"):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(10)
            conn.connect(str(warm.socket))
            conn.sendall(junk)
            conn.shutdown(socket.SHUT_WR)
            assert b"pid" not in conn.recv(100)  # nothing forked for it
    assert warm.process.poll() is None
    tab = Tab(warm.command)
    try:
        assert tab.wait_for(TITLE)
        assert parent_of(app_pid(tab)) == warm.process.pid
    finally:
        tab.quit()


@needs_fork
def test_a_server_killed_outright_leaves_no_warm_parent_and_no_socket(tmp_path):
    """The warm parent follows its server: when the server dies (SIGKILL, no clean-up of its
    own), the parent sees its input close, ends and removes its socket and folder."""
    script = textwrap.dedent(f"""
        import sys, time
        from explorer.tui.warm_start import WarmStart
        warm = WarmStart.begin({plain_command()!r})
        assert warm.wait_ready({READY})
        print(warm.process.pid, warm.folder, flush=True)
        time.sleep(60)
    """)
    server = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True, env={k: v for k, v in os.environ.items()
                                              if k != warm_start.OFF_VAR})
    try:
        pid_text, folder = server.stdout.readline().split(maxsplit=1)
        parent, folder = int(pid_text), Path(folder.strip())
        assert alive(parent) and folder.exists()
    finally:
        server.kill()
        server.wait(timeout=10)
        server.stdout.close()
    deadline = time.monotonic() + 20
    while (alive(parent) or folder.exists()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(parent)
    assert not folder.exists()

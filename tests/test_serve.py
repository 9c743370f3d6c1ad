"""`explorer serve`: a real server on a free loopback port, the page, and the app behind the socket.

Every loop is bounded and the server is always stopped (terminate, then kill on timeout).
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from argparse import Namespace
from pathlib import Path

import pytest
from tests_support import copy_mini

from explorer.cli import main
from explorer.cli.classroom import SERVE_MISSING, app_command

pytest.importorskip("textual_serve")

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 60.0  # generous: the suite runs on a busy 2-core machine
LESSON = """\
[lesson]
id = "largest"
title = "Does the largest list win?"

[[step]]
title = "The count"
narration = "The Reds won the most seats."
date = "2020-01-10"
coalition = ["reds"]
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(*args: str):
    """Run `python -m explorer serve --port P ...` and yield (port, process); always stop it."""
    port = free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "explorer", "serve", "--port", str(port), *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                out = proc.stdout.read() if proc.stdout else ""
                pytest.fail(f"the server exited with {proc.returncode}:\n{out}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"the server did not answer on port {port} in {START_TIMEOUT}s")
                time.sleep(0.1)
        yield port, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()


def fetch(url: str) -> tuple[int, str]:
    deadline = time.monotonic() + 10
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_serve_answers_with_the_page():
    with serving() as (port, proc):
        status, page = fetch(f"http://127.0.0.1:{port}/")
        assert status == 200
        assert f"ws://127.0.0.1:{port}/ws" in page
        assert "Kingmaker" in page  # the title
        status, big = fetch(f"http://127.0.0.1:{port}/?fontsize=28")
        assert status == 200 and 'data-font-size="28"' in big
    assert proc.returncode is not None


def test_serve_runs_the_app_behind_the_websocket(tmp_path):
    """The command textual-serve runs really starts the app (in a lesson) for a browser tab."""
    aiohttp = pytest.importorskip("aiohttp")
    import asyncio

    pack = copy_mini(tmp_path, "pack")
    (pack / "lessons").mkdir()
    (pack / "lessons" / "largest.toml").write_text(LESSON, encoding="utf-8")

    async def first_screen(port: int) -> str:
        seen = ""
        async with aiohttp.ClientSession() as session:
            url = f"http://127.0.0.1:{port}/ws?width=100&height=30"
            async with session.ws_connect(url, timeout=aiohttp.ClientWSTimeout(ws_close=5)) as ws:
                deadline = time.monotonic() + START_TIMEOUT
                joined = False
                while time.monotonic() < deadline and "The count" not in seen:
                    if not joined and "e.g. amira" in seen:  # the join screen comes first
                        joined = True
                        await asyncio.sleep(0.5)
                        await ws.send_json(["stdin", "amira\r"])
                        await asyncio.sleep(1.0)
                        await ws.send_json(["stdin", "\r"])
                    try:
                        msg = await ws.receive(timeout=5)
                    except TimeoutError:
                        continue  # a busy machine: wait on, until the deadline
                    if msg.type == aiohttp.WSMsgType.BINARY:
                        seen += msg.data.decode("utf-8", "replace")
                    elif msg.type == aiohttp.WSMsgType.TEXT:
                        seen += msg.data
                    else:
                        break
                    seen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", seen)
        return seen

    with serving("--content", str(pack), "--lesson", "larg", "--present") as (port, _proc):
        screen = asyncio.run(first_screen(port))
    assert "The count" in screen


def test_serve_refuses_a_broken_pack_before_serving(tmp_path, capsys):
    (tmp_path / "pack.toml").write_text('[pack]\nid = "x"\n', encoding="utf-8")
    code = main(["serve", "--content", str(tmp_path), "--port", str(free_port())])
    err = capsys.readouterr().err
    assert code == 2
    assert re.search(rf"{re.escape(str(tmp_path / 'pack.toml'))}:\d+: ", err)


def test_serve_unknown_lesson_is_an_error(capsys):
    assert main(["serve", "--lesson", "no-such-lesson", "--port", str(free_port())]) == 2
    assert "no-such-lesson" in capsys.readouterr().err


def test_serve_without_textual_serve_says_how_to_install(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)  # import now fails
    assert main(["serve", "--port", str(free_port())]) == 2
    assert SERVE_MISSING in capsys.readouterr().err


def test_the_app_command_uses_this_interpreter_and_passes_the_options(tmp_path):
    folder = tmp_path / "my pack"
    args = Namespace(content=str(folder), date="2010-04-01", present=True)
    command = app_command(args)
    parts = shlex.split(command)
    assert parts[:3] == [sys.executable, "-m", "explorer"]
    assert parts[3:] == ["--content", str(folder.resolve()), "--date", "2010-04-01", "--present"]
    lesson = shlex.split(app_command(args, "who-won"))
    assert lesson[3:6] == ["lesson", "who-won", "--content"] and "--date" not in lesson


def test_every_tab_opens_the_pack_fixed_when_serve_starts(capsys):
    """A bundled id, or the pack chosen on this machine: never the tab's own question."""
    from explorer.core import bundled

    by_id = shlex.split(app_command(Namespace(content="belgium-2010", date=None, present=False)))
    assert by_id[3:] == ["--content", str(bundled.bundled_path("belgium-2010").resolve())]
    assert main(["packs", "--use", "belgium-2010"]) == 0
    capsys.readouterr()
    chosen = shlex.split(app_command(Namespace(content=None, date=None, present=False)))
    assert chosen[3:] == ["--content", str(bundled.bundled_path("belgium-2010").resolve())]

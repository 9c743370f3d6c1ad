"""A real `explorer serve` class on a loopback port: two websocket clients join, keep separate
progress and saves, get a download; a foreign Origin, a full class and a port in use are refused.

Every wait is bounded and the server is always stopped (see tests/test_serve.py).
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("textual_serve")
aiohttp = pytest.importorskip("aiohttp")

from test_serve import ROOT, fetch, free_port, serving  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent / "tui"))
from class_helpers import lesson_pack  # noqa: E402

WAIT = 25.0
RIGHT, F4, F12 = "\x1b[C", "\x1bOS", "\x1b[24~"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")
FORWARD = re.compile(r"\x1b\[(\d*)C")  # "move right N": blank cells between words


def plain(text: str) -> str:
    return ANSI.sub("", FORWARD.sub(lambda m: " " * int(m.group(1) or 1), text))


class Client:
    """One browser tab: a websocket to /ws, the text it has seen, the messages it was sent."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.screen = ""
        self.messages: list = []

    async def wait_for(self, needle: str, timeout: float = WAIT) -> bool:
        deadline = time.monotonic() + timeout
        while needle not in self.screen:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            try:
                msg = await self.ws.receive(timeout=left)
            except TimeoutError:
                return False
            if msg.type == aiohttp.WSMsgType.BINARY:
                self.screen = plain(self.screen + msg.data.decode("utf-8", "replace"))
            elif msg.type == aiohttp.WSMsgType.TEXT:
                self.messages.append(json.loads(msg.data))
                self.screen += "\n" + msg.data
            else:
                return False
        return True

    async def keys(self, *keys: str) -> None:
        for key in keys:
            await self.ws.send_json(["stdin", key])
            await asyncio.sleep(0.15)

    def forget(self) -> None:
        self.screen = ""


def origin(port: int) -> dict:
    return {"Origin": f"http://127.0.0.1:{port}"}


async def connect(session, port: int) -> Client:
    ws = await session.ws_connect(f"http://127.0.0.1:{port}/ws?width=110&height=34",
                                  headers=origin(port))
    return Client(ws)


async def join(client: Client, name: str, code: str = "") -> None:
    assert await client.wait_for("Join the class"), client.screen[-500:]
    assert await client.wait_for("e.g. amira"), client.screen[-500:]
    await asyncio.sleep(0.5)  # the first frame is drawn before the input has the keyboard
    await client.keys(name, "\r")
    await asyncio.sleep(1.0)  # the keyboard moves to the code field
    await client.keys(*(list(code) + ["\r"]))


def test_two_browser_tabs_keep_separate_progress_saves_and_get_downloads(tmp_path):
    pack = lesson_pack(tmp_path)
    folder = tmp_path / "class"

    async def scenario(port: int) -> dict:
        out = {}
        async with aiohttp.ClientSession() as session:
            a = await connect(session, port)
            await join(a, "amira")
            assert await a.wait_for("The count"), a.screen[-800:]
            a.forget()
            await a.keys(RIGHT, RIGHT)
            assert await a.wait_for("Step 3 of 3"), a.screen[-800:]
            b = await connect(session, port)
            await join(b, "bo")
            assert await b.wait_for("Step 1 of 3"), b.screen[-3000:]  # not amira's step
            for client in (a, b):
                await client.keys(F4)
                assert await client.wait_for("What now?"), client.screen[-800:]
                await client.keys("save plan", "\r")
                assert await client.wait_for("Saved as"), client.screen[-800:]
            out["screen"] = a.screen
            a.messages.clear()
            await a.keys(F12)
            assert await a.wait_for("deliver_file_start"), a.screen[-800:]
            kind, key = next(m for m in a.messages if m[0] == "deliver_file_start")
            async with session.get(f"http://127.0.0.1:{port}/download/{key}") as response:
                out["status"] = response.status
                out["disposition"] = response.headers.get("Content-Disposition", "")
                out["body"] = (await response.read())[:2000].decode("utf-8", "replace")
            a.messages.clear()
            for line in ("transcript on", "look", "transcript off"):
                await a.keys(line)
                await asyncio.sleep(0.3)
                await a.keys("\r")
                assert await a.wait_for(f"> {line}"), a.screen[-800:]
            assert await a.wait_for("deliver_file_start"), a.screen[-800:]
            kind, key = next(m for m in a.messages if m[0] == "deliver_file_start")
            async with session.get(f"http://127.0.0.1:{port}/download/{key}") as response:
                out["transcript_name"] = response.headers.get("Content-Disposition", "")
                out["transcript"] = (await response.read()).decode("utf-8", "replace")
            await a.ws.close()
            await b.ws.close()
        return out

    with serving("--content", str(pack), "--lesson", "largest", "--class-dir", str(folder),
                 "--teacher-code", "TEACH") as (port, _proc):
        out = asyncio.run(scenario(port))
    for name in ("amira", "bo"):
        assert (folder / name / "saves" / "plan.json").is_file()
    progress = {name: json.loads((folder / name / "lessons.json").read_text())
                for name in ("amira", "bo")}
    steps = {name: next(iter(p["lessons"].values()))["step"] for name, p in progress.items()}
    assert steps == {"amira": 2, "bo": 0}
    assert str(folder) not in out["screen"]  # no server path on a student's screen
    assert out["status"] == 200
    assert re.search(r"filename=amira-largest-screenshot-\d{4}-\d\d-\d\d\.svg",
                     out["disposition"]), out["disposition"]
    assert out["body"].lstrip().startswith("<svg")
    assert re.search(r"filename=amira-largest-transcript-\d{4}-\d\d-\d\d\.md",
                     out["transcript_name"]), out["transcript_name"]
    assert out["transcript"].startswith("# Kingmaker transcript") and "**\\> look**" in out[
        "transcript"]


def test_the_page_asks_nothing_of_other_servers_and_a_foreign_origin_is_refused(tmp_path):
    async def probe(port: int) -> tuple:
        async with aiohttp.ClientSession() as session:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(f"http://127.0.0.1:{port}/ws",
                                         headers={"Origin": "http://evil.example"})
            ws = await session.ws_connect(f"http://127.0.0.1:{port}/ws", headers=origin(port))
            client = Client(ws)
            joined = await client.wait_for("Join the class")
            await ws.close()
            return refused.value.status, joined

    with serving("--class-dir", str(tmp_path / "c")) as (port, _proc):
        status, page = fetch(f"http://127.0.0.1:{port}/")
        code, joined = asyncio.run(probe(port))
    assert status == 200
    urls = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", page)
    assert urls and all(u.startswith(f"http://127.0.0.1:{port}/") for u in urls), urls
    assert "googleapis" not in page and "@import" not in page
    assert code == 403 and joined


def test_max_sessions_refuses_the_next_tab_with_a_clear_page(tmp_path):
    async def probe(port: int) -> tuple:
        async with aiohttp.ClientSession() as session:
            first = Client(await session.ws_connect(f"http://127.0.0.1:{port}/ws",
                                                    headers=origin(port)))
            assert await first.wait_for("Join the class")
            async with session.get(f"http://127.0.0.1:{port}/") as response:
                page = (response.status, await response.text())
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(f"http://127.0.0.1:{port}/ws", headers=origin(port))
            await first.ws.close()
            return page, refused.value.status

    with serving("--class-dir", str(tmp_path / "c"), "--max-sessions", "1") as (port, _proc):
        (status, page), ws_status = asyncio.run(probe(port))
    assert status == 503 and "The class is full" in page and "at most 1 sessions" in page
    assert ws_status == 503


def test_a_port_in_use_is_reported_before_any_address(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "explorer", "serve", "--port", str(port), "--class-dir",
             str(tmp_path / "c")], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr
    assert "Open http" not in result.stdout and "Traceback" not in result.stderr


def test_beyond_loopback_a_class_code_is_made_up_and_printed(tmp_path):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "explorer", "serve", "--host", "0.0.0.0", "--port", str(port),
         "--class-dir", str(tmp_path / "c")], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, env={**__import__("os").environ,
                                                  "PYTHONUNBUFFERED": "1"})
    try:
        lines = []
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if line.startswith("Every browser tab"):
                break
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        proc.stdout.close()
    text = "".join(lines)
    assert re.search(r"^Class code: [A-Z2-9]{6} ", text, re.M), text
    assert re.search(r"^Teacher code: [A-Z2-9]{8} ", text, re.M), text


def test_step_and_theme_reach_the_sessions_and_bad_class_options_are_clear(tmp_path, capsys):
    import shlex
    from argparse import Namespace

    from explorer.cli import main
    from explorer.cli.classroom import app_command

    args = Namespace(content=None, date=None, present=False, step=3, theme="projector")
    from explorer.core.storage import resolve_pack_dir

    fixed = ["--content", str(resolve_pack_dir(None).resolve())]  # a tab never asks for a pack
    parts = shlex.split(app_command(args, "who-won"))
    assert parts[3:] == ["lesson", "who-won", "--step", "3", "--theme", "projector", *fixed]
    assert shlex.split(app_command(args))[3:] == ["--theme", "projector", *fixed]
    assert main(["serve", "--step", "2", "--port", str(free_port())]) == 2
    assert "--step N needs --lesson" in capsys.readouterr().err
    assert main(["serve", "--lesson", "who-won", "--step", "99", "--port",
                 str(free_port())]) == 2
    assert "has steps 1 to" in capsys.readouterr().err
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["serve", "--class-dir", str(blocker / "c"), "--port", str(free_port())]) == 2
    assert "Cannot use the class folder" in capsys.readouterr().err
    assert main(["serve", "--max-sessions", "0", "--port", str(free_port())]) == 2
    assert "at least one session" in capsys.readouterr().err

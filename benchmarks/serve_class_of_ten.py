"""A class of ten against one `explorer serve` on loopback, and screenshots in headless Chromium.

    python benchmarks/serve_class_of_ten.py [--out DIR] [--port P] [--students 10]

Starts `explorer serve --lesson who-won --follow` on a free loopback port with a fresh class
folder; ten scripted students (websocket clients, as the browser page is) join with their own
names, go to the adventure, invite a coalition and `submit` it; then headless Chromium (driven
over the DevTools protocol, no extra package) opens the class page twice: once as the teacher
(the teacher code, then B: the class board) and once as a student on the lesson. It prints the
time each join took, the board's hand-ins as the database has them, and where the PNGs are.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
COALITIONS = [  # some reach a feasible majority, some do not
    ["state of law", "iraqi national alliance", "kurdistan alliance"],
    ["iraqiya", "state of law"],
    ["iraqiya", "kurdistan alliance"],
    ["state of law", "iraqi national alliance"],
    ["iraqiya", "iraqi national alliance", "kurdistan alliance"],
    ["state of law", "kurdistan alliance", "gorran"],
    ["iraqiya", "gorran"],
    ["state of law", "iraqi national alliance", "kurdistan alliance", "gorran"],
    ["iraqi national alliance", "kurdistan alliance"],
    ["iraqiya", "state of law", "kurdistan alliance"],
]
F4 = "\x1bOS"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")
FORWARD = re.compile(r"\x1b\[(\d*)C")  # "move right N": blank cells between words


def plain(text: str) -> str:
    return ANSI.sub("", FORWARD.sub(lambda m: " " * int(m.group(1) or 1), text))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def student(session, port: int, name: str, members: list[str], delay: float) -> float:
    await asyncio.sleep(delay)  # a class arrives over a few seconds, not in one instant
    t0 = time.monotonic()
    ws = await session.ws_connect(f"http://127.0.0.1:{port}/ws?width=110&height=34",
                                  headers={"Origin": f"http://127.0.0.1:{port}"})
    seen = ""

    async def wait_for(needle: str, timeout: float = 60) -> None:
        nonlocal seen
        deadline = time.monotonic() + timeout
        while needle not in seen:
            try:
                msg = await ws.receive(timeout=max(0.1, deadline - time.monotonic()))
            except TimeoutError:
                Path(f"/tmp/seen-{name}.txt").write_text(seen)
                raise RuntimeError(f"{name}: no {needle!r} on screen; last seen:\n"
                                   f"{seen[-1500:]}") from None
            if msg.type == aiohttp.WSMsgType.BINARY:
                seen = plain(seen + msg.data.decode("utf-8", "replace"))
            elif msg.type != aiohttp.WSMsgType.TEXT:
                raise RuntimeError(f"{name}: the socket closed")
            seen = seen[-200000:]

    async def keys(*parts: str) -> None:
        for part in parts:
            await ws.send_json(["stdin", part])
            await asyncio.sleep(0.2)

    await wait_for("e.g. amira")
    await asyncio.sleep(0.5)
    await keys(name, "\r")
    await asyncio.sleep(1.0)  # the keyboard moves to the code field
    await keys("\r")
    await wait_for("Step ")
    joined = time.monotonic() - t0
    await keys(F4)
    await wait_for("What now?")
    await asyncio.sleep(1.0)  # the command line takes the keyboard
    async def command(line: str) -> None:
        """Type a command and wait for its echo (keys typed faster than a loaded server
        answers can overtake Enter: a person waits for the answer too)."""
        nonlocal seen
        seen = ""
        await keys(line)
        await asyncio.sleep(0.3)
        await keys("\r")
        await wait_for(f"> {line}")

    await command("dismiss all")  # the lesson's step put a coalition (and a PM) on the table
    await command("pm none")
    for member in members:
        await command(f"invite {member}")
    await command("submit")
    try:
        await wait_for("Handed in", timeout=30)
    except RuntimeError as exc:
        print(f"  {name}: the hand-in did not show: {str(exc)[:200]}")
    return joined, ws


class Chromium:
    """Headless Chromium over the DevTools protocol: open a page, type, take a screenshot."""

    def __init__(self, profile: Path) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
             f"--remote-debugging-port={self.port}", f"--user-data-dir={profile}",
             "--window-size=1400,900", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.next_id = 0

    async def page(self, session):
        for _ in range(100):
            try:
                async with session.get(f"http://127.0.0.1:{self.port}/json") as r:
                    targets = await r.json()
                break
            except aiohttp.ClientError:
                await asyncio.sleep(0.2)
        target = next(t for t in targets if t["type"] == "page")
        return await session.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0)

    async def call(self, ws, method: str, **params):
        self.next_id += 1
        await ws.send_json({"id": self.next_id, "method": method, "params": params})
        while True:
            msg = json.loads((await ws.receive(timeout=60)).data)
            if msg.get("id") == self.next_id:
                return msg.get("result", {})

    async def key(self, ws, key: str, code: str, vk: int, text: str = "") -> None:
        for kind in ("keyDown", "keyUp"):
            params = {"type": kind, "key": key, "code": code, "windowsVirtualKeyCode": vk}
            if text and kind == "keyDown":
                params["text"] = text
            await self.call(ws, "Input.dispatchKeyEvent", **params)
        await asyncio.sleep(0.2)

    async def type(self, ws, text: str) -> None:
        for ch in text:
            await self.call(ws, "Input.dispatchKeyEvent", type="keyDown", key=ch, text=ch)
            await self.call(ws, "Input.dispatchKeyEvent", type="keyUp", key=ch)
            await asyncio.sleep(0.05)

    async def shot(self, ws, path: Path) -> None:
        data = await self.call(ws, "Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(data["data"]))

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


async def browser_views(port: int, out: Path, tmp: Path) -> None:
    """The teacher leads in one Chromium; a student follows in another; then the board."""
    async with aiohttp.ClientSession() as session:
        teacher, student = Chromium(tmp / "chrome-teacher"), Chromium(tmp / "chrome-student")
        try:
            tws, sws = await teacher.page(session), await student.page(session)
            for chrome, ws, who, name, code in ((teacher, tws, "teacher", "ms-k", "TEACH"),
                                                (student, sws, "student", "amira", "")):
                await chrome.call(ws, "Page.navigate", url=f"http://127.0.0.1:{port}/")
                await asyncio.sleep(12)  # the page loads, the session starts
                await chrome.shot(ws, out / f"{who}-0-join.png")
                await chrome.type(ws, name)  # no click first: keys work from the first frame
                await chrome.key(ws, "Enter", "Enter", 13, "\r")
                await asyncio.sleep(1)
                await chrome.type(ws, code)
                await chrome.key(ws, "Enter", "Enter", 13, "\r")
                await asyncio.sleep(6)
                await chrome.shot(ws, out / f"{who}-1-lesson.png")
                if who == "teacher":
                    await chrome.key(ws, "ArrowRight", "ArrowRight", 39)  # the class follows
                    await asyncio.sleep(1)
            await asyncio.sleep(3)
            await student.shot(sws, out / "student-2-following.png")
            await teacher.type(tws, "B")  # the class board (B on a lesson step)
            await asyncio.sleep(4)
            await teacher.shot(tws, out / "teacher-2-board.png")
            await tws.close()
            await sws.close()
        finally:
            teacher.stop()
            student.stop()


async def main_async(args) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="class10-"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    port = args.port or free_port()
    folder = tmp / "class"
    env = dict(os.environ, PYTHONUNBUFFERED="1", EXPLORER_DATA_DIR=str(tmp / "data"))
    server = subprocess.Popen(
        [sys.executable, "-m", "explorer", "serve", "--port", str(port), "--lesson", "who-won",
         "--follow", "--class-dir", str(folder), "--teacher-code", "TEACH"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        async with aiohttp.ClientSession() as session:
            names = [f"group-{i + 1}" for i in range(args.students)]
            results = await asyncio.gather(*(
                student(session, port, name, COALITIONS[i % len(COALITIONS)], 2.0 * i)
                for i, name in enumerate(names)))
            joins = sorted(r[0] for r in results)
            print(f"{len(joins)} students joined: median {joins[len(joins) // 2]:.2f} s, "
                  f"slowest {joins[-1]:.2f} s from connect to the lesson on screen")

            async def drain(ws) -> None:  # a browser page reads its socket all the time
                async for _msg in ws:
                    pass

            drains = [asyncio.create_task(drain(ws)) for _, ws in results]
            await browser_views(port, out, tmp)
            for _, ws in results:
                await ws.close()
            for task in drains:
                task.cancel()
        sys.path.insert(0, str(ROOT))
        from explorer.core.classroom import ClassStore

        subs = ClassStore(folder).submissions()
        print(f"hand-ins in the class database: {len(subs)}")
        for sub in subs:
            print(f"  {sub.name}: {' + '.join(sub.members)}")
        print(f"screenshots in {out}:")
        for png in sorted(out.glob("*.png")):
            print(f"  {png.name}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="class-of-ten", help="folder for the screenshots")
    parser.add_argument("--port", type=int)
    parser.add_argument("--students", type=int, default=10)
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    raise SystemExit(main())

"""The web server for a class: textual-serve's Server with the checks a classroom needs.

- the page comes from this package (`serve_page/`): no font or script from anywhere but this
  server, keys reach the app from the first frame, a hint when the page has lost the keyboard;
- the websocket refuses an Origin other than the page's own (another web site cannot drive a
  session);
- `max_sessions` refuses the next tab with a clear page instead of slowing everyone down;
- it serves on a socket bound before anything is printed, so a port in use is reported first.

textual-serve (and aiohttp) are imported only when `explorer serve` runs.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

PAGE_DIR = Path(__file__).resolve().parent / "serve_page"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (OSError if the port is taken or the host unknown)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        if os.name == "posix":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6 and hasattr(socket, "IPPROTO_IPV6"):
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        sock.bind(address)
        sock.listen(128)
    except BaseException:
        sock.close()
        raise
    sock.setblocking(False)
    return sock


def default_max_sessions() -> int:
    """Sessions this machine can run side by side: 40 MiB of available memory each (a forked
    tab takes about 19 MB, a plain process about 50; benchmarks/README.md), two dozen per core
    at most."""
    per_core = 24 * (os.cpu_count() or 1)
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            info = dict(line.split(":", 1) for line in handle if ":" in line)
        available = int(info["MemAvailable"].split()[0]) * 1024
    except (OSError, KeyError, ValueError, IndexError):
        return min(per_core, 40)
    return max(4, min(per_core, available // (40 * 1024 * 1024)))


def _netloc(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc.lower()


class ClassServer(Server):
    """textual-serve's Server with an Origin check, a session limit and its own page."""

    def __init__(self, command: str, *, host: str, port: int, title: str,
                 public_url: str | None = None, max_sessions: int | None = None) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url,
                         templates_path=PAGE_DIR)
        self.max_sessions = max_sessions or default_max_sessions()
        self.sessions = 0
        self.refused = 0
        allowed = {_netloc(self.public_url)}
        allowed.update(f"{name}:{port}" for name in LOOPBACK_NAMES)
        self.allowed_origins = allowed

    # -- checks -----------------------------------------------------------------------------
    def origin_allowed(self, request: web.Request) -> bool:
        """A browser always sends Origin; it must be this server (as reached, or its URL)."""
        origin = request.headers.get("Origin")
        if origin is None:
            return True  # not a browser: nothing a foreign page could have started
        netloc = _netloc(origin)
        return bool(netloc) and (netloc in self.allowed_origins
                                 or netloc == (request.host or "").lower())

    def full(self) -> bool:
        return self.sessions >= self.max_sessions

    def _full_page(self) -> web.Response:
        from html import escape

        self.refused += 1
        page = (PAGE_DIR / "class_full.html").read_text(encoding="utf-8")
        page = page.replace("{{ limit }}", str(self.max_sessions)).replace(
            "{{ title }}", escape(self.title))
        return web.Response(text=page, status=503, content_type="text/html")

    # -- handlers ---------------------------------------------------------------------------
    async def handle_index(self, request: web.Request):
        if self.full():
            return self._full_page()
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request):
        if not self.origin_allowed(request):
            return web.Response(status=403, text="This session belongs to another page: "
                                "open the class address directly.\n")
        if self.full():
            return self._full_page()
        self.sessions += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions -= 1

    async def on_startup(self, app: web.Application) -> None:
        """`explorer serve` has printed the addresses already (no command lines, no paths)."""

    # -- serving ----------------------------------------------------------------------------
    def serve(self, debug: bool = False, sock: socket.socket | None = None) -> None:
        """Serve until Ctrl+C (on `sock` when given: bound before the banner was printed)."""
        if sock is None:
            return super().serve(debug=debug)
        import asyncio
        import signal

        self.debug = debug
        self.initialize_logging()
        try:
            loop = asyncio.get_event_loop()
        except Exception:
            loop = asyncio.new_event_loop()
        try:
            loop.add_signal_handler(signal.SIGINT, self.request_exit)
            loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        except NotImplementedError:
            pass
        web.run_app(self._make_app(), sock=sock, handle_signals=False, loop=loop,
                    print=lambda *args: None)

"""Serving the app to web browsers with textual-serve (an optional dependency)."""

from __future__ import annotations


class ServeUnavailable(RuntimeError):
    """textual-serve is not installed."""


def server_class():
    """The class server (textual-serve's Server with a classroom's checks, see serve_http), or
    ServeUnavailable when textual-serve is not installed."""
    try:
        import textual_serve.server  # noqa: F401  (first: a missing textual-serve fails here)

        from explorer.tui.serve_http import ClassServer
    except ImportError:
        raise ServeUnavailable from None
    return ClassServer

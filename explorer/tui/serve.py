"""Serving the app to web browsers with textual-serve (an optional dependency)."""

from __future__ import annotations


class ServeUnavailable(RuntimeError):
    """textual-serve is not installed."""


def server_class():
    """textual-serve's Server class, or ServeUnavailable when it is not installed."""
    try:
        from textual_serve.server import Server
    except ImportError:
        raise ServeUnavailable from None
    return Server

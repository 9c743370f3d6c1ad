"""The 'window too small' screen that covers the app below its minimum size."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from explorer.tui.textual_internals import OneFramePerLayout

MIN_WIDTH, MIN_HEIGHT = 60, 16


class TooSmallScreen(OneFramePerLayout, Screen):
    """Covers everything while the terminal is below MIN_WIDTH × MIN_HEIGHT."""

    def compose(self) -> ComposeResult:
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self.show_size()

    def on_resize(self) -> None:
        self.show_size()

    def show_size(self) -> None:
        width, height = self.app.size
        self.query_one("#too-small", Static).update(Text.assemble(
            (f"Window too small (need {MIN_WIDTH}×{MIN_HEIGHT}, have {width}×{height})", "bold"),
            "\n\n",
            ("Enlarge the window or make the font smaller. q quits.", "dim")))

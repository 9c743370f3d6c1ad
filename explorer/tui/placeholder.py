"""Stand-in screens: a mode whose module is not built yet, and 'window too small'."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static

from explorer.tui.footer import KeyFooter
from explorer.tui.statusbar import StatusBar, TitleBar

MIN_WIDTH, MIN_HEIGHT = 60, 16


class PlaceholderScreen(Screen):
    """Shown for a mode whose screen is not available in this build."""

    def __init__(self, title: str, message: str) -> None:
        super().__init__(classes="placeholder")
        self.HELP = message
        self.HELP_TITLE = title
        self.heading = title
        self.message = message

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Middle(), Center():
            yield Static(Text.assemble((self.heading, "bold"), "\n\n", self.message),
                         id="placeholder-text")
        yield StatusBar()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Kingmaker"
        self.sub_title = self.heading

    def sync(self) -> None:
        pass


class TooSmallScreen(Screen):
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

    def sync(self) -> None:
        self.show_size()

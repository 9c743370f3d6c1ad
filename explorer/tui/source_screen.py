"""The sources of what is on the page, each in full: read, copy or open a long URL."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from explorer.tui.textual_internals import OneFramePerLayout


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


class SourceScreen(OneFramePerLayout, ModalScreen[None]):
    """Every source of an actor (and of the relationship picked), never cut short."""

    HELP = (
        "The sources of the actor on the page and of the relationship you picked, each "
        "written out in full. Enter opens a web address in your browser (where there is "
        "one); Ctrl+C copies it. A source such as 000_abc.txt:12 is a line of one of the seed "
        "articles."
    )

    CSS_PATH = "source_screen.tcss"  # the screen's style, beside this module

    BINDINGS = [
        Binding("escape", "close", "Close", id="close"),
        Binding("enter", "open", "Open in browser", id="open-url"),
        Binding("ctrl+c", "copy", "Copy", id="copy"),
    ]

    def __init__(self, title: str, sources: list[tuple[str, str]],
                 quote=None) -> None:
        """`sources`: (what it backs, source) pairs; `quote(source)` gives a seed line or None."""
        super().__init__()
        self.heading = title
        self.sources = sources
        self.quote = quote

    def compose(self) -> ComposeResult:
        options = []
        for n, (what, source) in enumerate(self.sources):
            text = Text.assemble((what + "\n", "bold"), (source, "underline" if is_url(source)
                                                           else ""))
            quoted = self.quote(source) if self.quote else None
            if quoted:
                text.append("\n“" + quoted + "”", style="italic")
            options.append(Option(text, id=f"src-{n}"))
        with Vertical(id="source-dialog", classes="dialog"):
            yield Label(Text(self.heading, style="bold"), classes="title")
            yield OptionList(*options, id="source-list", markup=False)
            yield Label(Text("Enter: open · Ctrl+C: copy · Esc: close"), classes="hint")

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        if self.sources:
            listing.highlighted = 0
        listing.focus()

    @property
    def current(self) -> str | None:
        index = self.query_one(OptionList).highlighted
        return self.sources[index][1] if index is not None and self.sources else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        source = self.current
        if source is None:
            return
        if not is_url(source):
            self.notify(f"{source} is a line of a seed article, not a web page.", markup=False)
            return
        self.app.open_url(source)
        self.notify(f"Opening {source}", markup=False, timeout=3)

    def action_copy(self) -> None:
        source = self.current
        if source is not None:
            self.app.copy_to_clipboard(source)
            self.notify("Copied to the clipboard (where the terminal allows it).", timeout=3)

    def action_close(self) -> None:
        self.dismiss(None)

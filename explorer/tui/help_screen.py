"""Help for the screen you are on: its short HELP text and every key it (and the app) binds.

The rows are the key map's (explorer.tui.keymap), the same table as docs/keys.md but with the keys
in force, so a key rebound in keys.toml shows here as rebound.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label

from explorer.tui.keymap import live_rows
from explorer.tui.meaning import DrawnWhenPainted, MeaningStatic
from explorer.tui.textual_internals import OneFramePerLayout


def binding_rows(node) -> list[tuple[str, str]]:
    """(keys, description) of a node's own bindings, with the keys in force (keys.toml)."""
    return [(row.keys_text, row.description) for row in live_rows(node)]


APP_EXTRA = (("Ctrl+Q", "Quit at once"), ("Ctrl+P", "Command palette"))


class HelpScreen(OneFramePerLayout, Screen[None]):
    """A full screen of help for `target` (the screen under it)."""

    BINDINGS = [Binding("escape,f1,question_mark", "close", "Close help", id="close")]

    def __init__(self, target: Screen) -> None:
        super().__init__(classes="help")
        self.target = target

    def compose(self) -> ComposeResult:
        name = getattr(self.target, "HELP_TITLE", None) or _title(type(self.target).__name__)
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label(Text.assemble(("Help", "bold"), "  ·  ", (name, "bold")),
                        classes="title")
            with VerticalScroll(id="help-body"):
                self.body = DrawnWhenPainted(self._body)  # in the theme's colours when painted
                yield MeaningStatic(self.body, id="help-text")
            yield Label(Text("Esc, F1 or ? closes this help"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def _body(self) -> RenderableType:
        app, ink = self.app, self.query_one("#help-text", MeaningStatic).ink
        parts: list[RenderableType] = []
        about = getattr(self.target, "HELP", None) or type(self.target).__doc__ or ""
        if about:
            parts.append(Padding(Text(" ".join(about.split())), (0, 0, 1, 0)))
        sections = [("On this screen", _screen_rows(self.target)),
                    ("Everywhere", [*binding_rows(app), *APP_EXTRA])]
        for title, rows in sections:
            if not rows:
                continue
            parts.append(Text(title.upper(), style=ink("highlight", "bold")))
            grid = Table.grid(padding=(0, 3))
            widest = max(len(keys) for keys, _ in rows)
            grid.add_column(no_wrap=True, width=max(12, widest))
            grid.add_column(ratio=1)
            for keys, description in rows:
                grid.add_row(Text(keys, style=ink("title", "bold")), Text(description))
            parts.append(Padding(grid, (0, 0, 1, 0)))
        from explorer.tui.pack_chooser import can_switch

        more = ", open another content pack" if can_switch(app) else ""
        parts.append(Text.assemble(("Ctrl+P", ink("title", "bold")),
                                   "  opens the command palette: go to any actor, add a list to "
                                   f"the coalition, jump to an event, switch the theme{more} …"))
        return Group(*parts)

    def action_close(self) -> None:
        self.dismiss(None)


def _screen_rows(screen: Screen) -> list[tuple[str, str]]:
    """The screen's own bindings, then those of its focused widget chain."""
    rows = binding_rows(screen)
    seen = {d for _, d in rows}
    focused = screen.focused
    for node in list(focused.ancestors_with_self) if focused is not None else []:
        if node is screen or node is screen.app:
            continue
        for keys, description in binding_rows(node):
            if description not in seen:
                rows.append((keys, description))
                seen.add(description)
    return rows


def _title(class_name: str) -> str:
    name = class_name.removesuffix("Screen") or class_name
    return "".join(" " + ch if ch.isupper() and i else ch for i, ch in enumerate(name)).strip()

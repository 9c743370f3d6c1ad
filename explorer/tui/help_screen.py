"""Help for the screen you are on: its short HELP text and every key it (and the app) binds."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from explorer.tui.themes import palette


def _own_bindings(node) -> list[Binding]:
    """The bindings declared by the project's own classes in a node's MRO (not Textual's)."""
    out: list[Binding] = []
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("explorer."):
            continue
        for item in cls.__dict__.get("BINDINGS", []):
            out.append(item if isinstance(item, Binding) else Binding(*item))
    return out


def binding_rows(app, node, extra: tuple[Binding, ...] = ()) -> list[tuple[str, str]]:
    """(keys, description) for the described bindings of a node, keys of one action joined."""
    rows: dict[str, tuple[list[str], str]] = {}
    check = getattr(node, "check_action", None)
    for binding in (*_own_bindings(node), *extra):
        if not binding.description:
            continue
        if callable(check) and check(binding.action, ()) is False:
            continue  # a key that does nothing here (the class keys outside a class)
        keys, _ = rows.setdefault(binding.action, ([], binding.description))
        for key in binding.key.split(","):
            display = app.get_key_display(Binding(key.strip(), binding.action))
            if display not in keys:
                keys.append(display)
    return [(" ".join(keys), description) for keys, description in rows.values()]


APP_EXTRA = (Binding("ctrl+q", "quit", "Quit"), Binding("ctrl+p", "command_palette", "Palette"))


class HelpScreen(Screen[None]):
    """A full screen of help for `target` (the screen under it)."""

    BINDINGS = [Binding("escape,f1,question_mark,q", "close", "Close help")]

    def __init__(self, target: Screen) -> None:
        super().__init__(classes="help")
        self.target = target

    def compose(self) -> ComposeResult:
        name = getattr(self.target, "HELP_TITLE", None) or _title(type(self.target).__name__)
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label(Text.assemble(("Help", "bold"), "  ·  ", (name, "bold")),
                        classes="title")
            with VerticalScroll(id="help-body"):
                self.body = self._body()
                yield Static(self.body, id="help-text")
            yield Label(Text("Esc, F1 or ? closes this help"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def _body(self) -> RenderableType:
        app, c = self.app, palette(self.app)
        parts: list[RenderableType] = []
        about = getattr(self.target, "HELP", None) or type(self.target).__doc__ or ""
        if about:
            parts.append(Padding(Text(" ".join(about.split())), (0, 0, 1, 0)))
        sections = [("On this screen", _screen_rows(app, self.target)),
                    ("Everywhere", binding_rows(app, app, APP_EXTRA))]
        for title, rows in sections:
            if not rows:
                continue
            parts.append(Text(title.upper(), style=f"bold {c['accent']}"))
            grid = Table.grid(padding=(0, 3))
            grid.add_column(justify="right", no_wrap=True, min_width=12)
            grid.add_column(ratio=1)
            for keys, description in rows:
                grid.add_row(Text(keys, style=f"bold {c['primary']}"), Text(description))
            parts.append(Padding(grid, (0, 0, 1, 0)))
        parts.append(Text.assemble(("Ctrl+P", f"bold {c['primary']}"),
                                   "  opens the command palette: go to any actor, add a list to "
                                   "the coalition, jump to an event, switch the theme …"))
        return Group(*parts)

    def action_close(self) -> None:
        self.dismiss(None)


def _screen_rows(app, screen: Screen) -> list[tuple[str, str]]:
    """The screen's own bindings, then those of its focused widget chain."""
    rows = binding_rows(app, screen)
    seen = {d for _, d in rows}
    focused = screen.focused
    for node in list(focused.ancestors_with_self) if focused is not None else []:
        if node is screen or node is app:
            continue
        for keys, description in binding_rows(app, node):
            if description not in seen:
                rows.append((keys, description))
                seen.add(description)
    return rows


def _title(class_name: str) -> str:
    name = class_name.removesuffix("Screen") or class_name
    return "".join(" " + ch if ch.isupper() and i else ch for i, ch in enumerate(name)).strip()

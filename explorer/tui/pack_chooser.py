"""Which content pack to open: the app's first question when several packs are bundled and none
has been chosen yet, and 'Open another content pack' in the command palette.

Each pack is shown from its pack.toml alone (title, seats, dates, the description's first
sentence), so the question costs no pack load. The screen answers with a pack id (remembered in
the data folder by the app) or None (Esc: go on with the pack that is open)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from explorer.core.safe_text import clean
from explorer.tui.textual_internals import OneFramePerLayout


def _span(summary: dict) -> str:
    start, end = summary["start"], summary["end"]
    if start and end:
        return f"{start:%-d %B %Y} – {end:%-d %B %Y}"
    return ""


def pack_label(number: int, summary: dict, current: bool) -> Table:
    """One pack: its number, then title, seats and dates, the description's first sentence
    (a hanging indent, so a narrow screen wraps under the text, not under the number)."""
    text = Text(clean(summary["title"]), style="bold")
    if current:
        text.append("  (open now)", style="italic")
    facts = [f"{summary['seats']} seats" if summary["seats"] else "", _span(summary),
             summary["id"]]
    text.append("\n" + " · ".join(f for f in facts if f), style="dim")
    if summary["about"]:
        text.append("\n" + clean(summary["about"]), style="italic")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=len(str(number)) + 1, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(f"{number}.", style="bold"), text)
    return grid


class PackChooserScreen(OneFramePerLayout, ModalScreen[str | None]):
    """Choose the content pack: ↑↓ and Enter, or its number; Esc goes on with the open one."""

    HELP = ("Kingmaker comes with several content packs, each a parliament and its government "
            "formation. Enter (or the pack's number) opens the highlighted one and remembers "
            "it for next time; Esc goes on with the pack that is open. The command palette "
            "(Ctrl+P, 'Open another content pack') brings this back; `explorer packs` lists "
            "the packs on the command line.")
    CSS_PATH = "pack_chooser.tcss"

    BINDINGS = [
        Binding("enter", "open", "Open the highlighted pack (1-9: by its number)",
                id="open-pack"),
        Binding("escape", "keep", "Go on with the open pack", id="keep-pack"),
    ]

    def __init__(self, ids: list[str], current: str | None, first: bool = False) -> None:
        super().__init__()
        from explorer.core.bundled import pack_summary

        self.ids = list(ids)
        self.current = current
        self.first = first
        self.summaries = [pack_summary(pid) for pid in self.ids]

    def compose(self) -> ComposeResult:
        title = "Which content pack shall Kingmaker open?" if self.first else \
            "Open another content pack"
        esc = f"Esc: {self.current} for now" if self.current else "Esc: go on"
        with Vertical():
            yield Static(Text(title), classes="chooser-title")
            yield OptionList(*(Option(pack_label(i, s, s["id"] == self.current), id=s["id"])
                               for i, s in enumerate(self.summaries, 1)))
            yield Static(Text(f"↑↓ Enter or 1–{len(self.ids)}: open, remembered · {esc}"),
                         classes="chooser-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.current in self.ids:
            options.highlighted = self.ids.index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_key(self, event) -> None:
        if event.character and event.character in "123456789":
            event.stop()
            self.action_pick(int(event.character))

    def action_pick(self, number: int) -> None:
        if 1 <= number <= len(self.ids):
            self.dismiss(self.ids[number - 1])
        else:
            self.app.bell()

    def action_open(self) -> None:
        """Enter when the list itself does not take it (the list selects on Enter too)."""
        from textual.widgets import OptionList as _List

        at = self.query_one(_List).highlighted
        if at is not None:
            self.dismiss(self.ids[at])

    def action_keep(self) -> None:
        self.dismiss(None)


def can_switch(app) -> bool:
    """Another pack can be opened: several are bundled and this is not a served browser tab or a
    class session (`explorer serve` always has a fixed pack)."""
    from explorer.core.bundled import bundled_ids

    served = getattr(app, "is_web", False) or getattr(app, "classroom", None) is not None
    return not served and getattr(app, "class_session", None) is None and len(bundled_ids()) > 1


def open_chooser(app, first: bool = False, then=None) -> None:
    """Push the chooser. A pack other than the open one is remembered and the app exits with
    `app.switch_pack` set (the command line opens the app again on it, see cli/query.py);
    the open pack chosen is remembered too. `then()` runs when the app goes on as it is."""
    from explorer.core import bundled

    ids = bundled.bundled_ids()
    here = app.atlas.pack.id if app.atlas.pack.id in ids else None

    def answered(choice: str | None) -> None:
        if choice is not None:
            bundled.remember(choice)
        if choice is None or choice == here:
            if choice is not None and not first:
                app.notify(f"{clean(app.atlas.pack.title)} is open already.", markup=False,
                           timeout=3)
            if then is not None:
                then()
            return
        app.switch_pack = choice
        app.save_session(now=True)
        app.exit()

    app.push_screen(PackChooserScreen(ids, here, first=first), answered)

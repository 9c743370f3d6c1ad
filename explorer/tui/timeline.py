"""The timeline: every event in order, the current one marked; Enter jumps to its date."""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from explorer.core.timeline import current_event
from explorer.core.vocabulary import status_label
from explorer.tui.fmt import day
from explorer.tui.table_state import ShowsTheTable
from explorer.tui.themes import palette


class TimelineScreen(ShowsTheTable, ModalScreen[None]):
    """A modal list of the pack's events."""

    HELP = (
        "Every event of the story in order. The marked one is the latest event on or before "
        "the current date. Move with ↑ and ↓ and press Enter to stand on that event's date: "
        "the actor pages, the coalition and the status bar all change with it. "
        "An event known only to the month is shown as a month and opens on its first day."
    )

    BINDINGS = [
        Binding("escape", "close", "Close", id="close"),
        Binding("t", "close", "Close the timeline", show=False, id="timeline"),
        Binding("enter", "jump", "Go to this date", show=False, id="select"),
        Binding("f1,question_mark", "app.help", "Help", key_display="F1", id="help"),
        Binding("q", "app.quit_asking", "Quit", show=False, id="quit"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="timeline-dialog", classes="dialog"):
            yield Label(id="timeline-title", classes="title")
            yield OptionList(id="events", markup=False)
            yield Label(Text("Enter: go to this date · ↑↓: move · Esc: close"), classes="hint")

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#events").focus()

    def show_table(self) -> None:
        self.fill()

    def fill(self) -> None:
        app = self.app
        pack, on = app.atlas.pack, app.on
        colors = palette(app)
        now = current_event(pack, on) if on else None
        title = Text.assemble(("Timeline", "bold"), f"  ·  {len(pack.events)} events  ·  ",
                              ("standing on ", "dim"), (day(on), "bold"))
        self.query_one("#timeline-title", Label).update(title)
        options = []
        current_index = None
        for i, event in enumerate(pack.events):
            is_now = now is not None and event.id == now.id
            if is_now:
                current_index = i
            grid = Table.grid(padding=(0, 2))
            grid.add_column(width=2, no_wrap=True)
            grid.add_column(width=17, no_wrap=True)
            grid.add_column(ratio=1)
            marker = Text("▶", style=f"bold {colors['accent']}") if is_now else Text(" ")
            when = Text(str(event.date), style=f"bold {colors['accent']}" if is_now else "bold")
            title_text = Text(event.title, style="bold")
            if is_now:
                title_text.append("   NOW", style=f"bold {colors['accent']}")
            if status := status_label(event.status):
                title_text.append(f"   [{status}]", style=colors["warning"])
            body = Group(title_text, Text(event.summary, style=colors["muted"]))
            grid.add_row(marker, when, body)
            options.append(Option(Padding(grid, (0, 0, 1, 0)), id=f"event-{i}"))
        events = self.query_one("#events", OptionList)
        events.set_options(options)
        if options:
            events.highlighted = current_index if current_index is not None else 0
            self.call_after_refresh(events.scroll_to_highlight, True)

    @on(OptionList.OptionSelected, "#events")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._go(event.option_index)

    def action_jump(self) -> None:
        events = self.query_one("#events", OptionList)
        if events.highlighted is not None:
            self._go(events.highlighted)

    def _go(self, index: int) -> None:
        event = self.app.atlas.pack.events[index]
        self.app.set_date(event.date.start)
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

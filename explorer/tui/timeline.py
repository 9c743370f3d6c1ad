"""The timeline: every event in order, the current one marked; Enter jumps to its date."""

from __future__ import annotations

from functools import partial

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from explorer.core.story import story
from explorer.core.vocabulary import status_label
from explorer.tui.fmt import day
from explorer.tui.meaning import DrawnWhenPainted, MeaningOptionList
from explorer.tui.table_state import ShowsTheTable
from explorer.tui.textual_internals import OneFramePerLayout


def _event_row(ink, pack, event, is_now: bool) -> Padding:
    """One event: the Now marker, its date, title, status and summary (drawn when painted)."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(width=2, no_wrap=True)
    grid.add_column(width=17, no_wrap=True)
    grid.add_column(ratio=1)
    now = ink("highlight", "bold")
    marker = Text("▶", style=now) if is_now else Text(" ")
    when = Text(str(event.date), style=now if is_now else "bold")
    title_text = Text(event.title, style="bold")
    if event.after and event.date.precision != "day":
        title_text.append(f"  (after {_title(pack, event.after)})", style="dim")
    if is_now:
        title_text.append("   NOW", style=now)
    if status := status_label(event.status):
        title_text.append(f"   [{status}]", style=ink("caution"))
    body = Group(title_text, Text(event.summary, style=ink("note")))
    grid.add_row(marker, when, body)
    return Padding(grid, (0, 0, 1, 0))


class TimelineScreen(ShowsTheTable, OneFramePerLayout, ModalScreen[None]):
    """A modal list of the pack's events."""

    HELP = (
        "Every event of the story in order. The marked one is the latest event on or before "
        "the current date. Move with ↑ and ↓ and press Enter to stand on that event's date: "
        "the actor pages, the coalition and the status bar all change with it. "
        "An event known only to the month is shown as a month; it stands after the event it "
        "follows (or on the first day of its month). Type a date (2010-03-27) and press Enter "
        "to stand on any day."
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
            yield Input(placeholder="Type a date (YYYY-MM-DD) and Enter to stand on that day",
                        id="timeline-date", restrict=r"[0-9-]*", max_length=10,
                        select_on_focus=False)
            yield MeaningOptionList(id="events", markup=False)
            yield Label(Text("Enter: go to this event · ↑↓: move · digits: type a date · "
                             "Esc: close"), classes="hint")

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#events").focus()

    def show_table(self) -> None:
        self.fill()

    def fill(self) -> None:
        app = self.app
        pack, on = app.atlas.pack, app.on
        events = self.query_one("#events", MeaningOptionList)
        st = story(pack)
        now = st.current(on, getattr(app, "story_at", None)) if on else None
        title = Text.assemble(("Timeline", "bold"), f"  ·  {len(pack.events)} events  ·  ",
                              ("standing on ", "dim"), (day(on), "bold"))
        self.query_one("#timeline-title", Label).update(title)
        options = []
        current_index = None
        for i, event in enumerate(st.events):
            is_now = i == now
            if is_now:
                current_index = i
            draw = partial(_event_row, events.ink, pack, event, is_now)
            options.append(Option(DrawnWhenPainted(draw), id=f"event-{i}"))
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
        self.app.go_to_event(index)
        self.dismiss(None)

    def on_key(self, event) -> None:
        box = self.query_one("#timeline-date", Input)
        if event.character and event.character.isdigit() and not box.has_focus:
            event.stop()
            box.focus()
            box.insert_text_at_cursor(event.character)

    @on(Input.Submitted, "#timeline-date")
    def _typed(self, event: Input.Submitted) -> None:
        from explorer.core.dates import parse_day

        event.stop()
        pack = self.app.atlas.pack
        try:
            on = parse_day(event.value)
        except ValueError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        if (pack.start_date and on < pack.start_date) or (pack.end_date and on > pack.end_date):
            self.notify(f"{on} is outside the story ({pack.start_date} to {pack.end_date}).",
                        severity="warning", markup=False)
            return
        self.app.set_date(on)
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


def _title(pack, event_id: str) -> str:
    return next((e.title for e in pack.events if e.id == event_id), event_id)

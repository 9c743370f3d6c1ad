"""Pieces of the lesson screen: the answer card, the step's seat bar, and the lesson picker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from explorer.core.lessons import LessonRun, StepNumbers
from explorer.core.text import percent, range_text
from explorer.tui.seatbar import OUTSIDE, PALETTE, BarLine, BarModel, BarSegment

if TYPE_CHECKING:
    from explorer.core.graph import Atlas


def long_date(on) -> str:
    if on is None:
        return "any date"
    return f"{on.day} {on:%B %Y}"


def short_name(atlas: Atlas, actor_id: str, name: str, limit: int = 16) -> str:
    """The name if it fits in `limit` characters, else an alias that starts it ('State of Law'),
    else an acronym alias ('INA'), else the name (the table shortens it)."""
    actor = atlas.pack.actors.get(actor_id)
    if len(name) <= limit or actor is None:
        return name
    fits = [a for a in actor.aliases if 2 < len(a) <= limit]
    prefixes = [a for a in fits if name.casefold().startswith(a.casefold())]
    if prefixes:
        return max(prefixes, key=len)
    acronyms = [a for a in fits if a.isupper() and " " not in a]
    return acronyms[0] if acronyms else name


def answer_renderable(lesson_run: LessonRun, rows: int = 4) -> Group:
    """The written answer, the engine's verdicts, and seats against power for the top units."""
    step = lesson_run.step
    numbers = lesson_run.numbers()
    parts = []
    if step.answer:
        parts.append(Text(step.answer + "\n", style="bold"))
    facts = Text()
    for i, line in enumerate(numbers.facts(power=False)):
        facts.append(("\n" if i else "") + "• " + line)
    parts.append(facts)
    if numbers.power:
        table = Table(box=None, padding=(0, 1), pad_edge=False, expand=True,
                      title=f"\nSeats are not power (quota {numbers.quota})",
                      title_justify="left", title_style="bold", header_style="bold")
        table.add_column("", no_wrap=True, overflow="ellipsis", ratio=1)
        table.add_column("seats", justify="right", no_wrap=True, min_width=6)
        table.add_column("Banzhaf", justify="right", no_wrap=True, min_width=7)
        table.add_column("Shapley", justify="right", no_wrap=True, min_width=7)
        for row in sorted(numbers.power, key=lambda r: -r.seats)[:rows]:
            table.add_row(Text(short_name(lesson_run.atlas, row.id, row.name)),
                          percent(row.seat_share), percent(row.banzhaf),
                          percent(row.shapley_shubik))
        parts.append(table)
    return Group(*parts)


def bar_model(atlas: Atlas, numbers: StepNumbers) -> BarModel:
    """The step's coalition first (coloured), then every other unit on the table (grey)."""
    from explorer.core.coalition import seat_range
    from explorer.core.tensions import Cover

    picture = numbers.picture
    ev = numbers.evaluation
    total = ev.total if ev is not None else atlas.pack.parliament_size
    index = {u.id: i for i, u in enumerate(picture.units)}
    segments: list[BarSegment] = []
    members = list(ev.members) if ev is not None else []
    for m in members:
        low, high, _ = seat_range(atlas, picture, m)
        name = ev.names.get(m, m)
        actor = atlas.pack.actors.get(m)
        names = (name, *(a for a in (actor.aliases if actor else ()) if len(a) < len(name)))
        seats = range_text(low, high)
        color = PALETTE[index.get(m, len(segments)) % len(PALETTE)]
        segments.append(BarSegment(m, names, low, seats, color, True))
    low = ev.low if ev is not None else 0
    high = ev.high if ev is not None else 0
    if high > low:
        segments.append(BarSegment("~range", (), high - low, "", "#8a8a8a", True, hatch=True))
    cover = Cover(atlas, picture)
    inside: set[str] = set()
    for m in members:
        inside |= cover.cover(m)
    # units that overlap the coalition (a list holding a member faction) are not "outside"
    outside = [u for u in picture.units if not (cover.cover(u.id) & inside)]
    room = max(0, total - high)
    weights = [max(0, u.primary) for u in outside]
    scale = sum(weights) or 1
    shares = [room * w // scale for w in weights]
    for i in sorted(range(len(outside)), key=lambda i: -(room * weights[i] % scale)):
        if sum(shares) >= room:
            break
        shares[i] += 1
    for i, (u, seats) in enumerate(zip(outside, shares, strict=True)):
        segments.append(BarSegment(u.id, (u.name,), seats, u.seats_text, OUTSIDE[i % 2], False))
    lines: tuple[BarLine, ...] = ()
    if ev is not None:
        lines = tuple(BarLine(v.threshold.seats, v.threshold.name, v.status, v.short_by,
                              v.over_by) for v in ev.verdicts)
    else:
        lines = tuple(BarLine(t.seats, t.name, "not_reached", t.seats, 0)
                      for t in atlas.pack.thresholds)
    return BarModel(total, tuple(segments), lines, low, high)


class LessonPicker(ModalScreen[str | None]):
    """Choose a lesson: Enter opens it, Escape keeps the current one."""

    DEFAULT_CSS = """
    LessonPicker {
        align: center middle;
    }
    LessonPicker > OptionList {
        width: 80%;
        max-width: 90;
        height: auto;
        max-height: 80%;
        border: round $primary;
        padding: 0 1;
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, lessons, current: str | None):
        super().__init__()
        self.lessons = lessons
        self.current = current

    def compose(self) -> ComposeResult:
        options = []
        for lesson in self.lessons:
            label = Text.assemble((lesson.title, "bold"), f"  ({len(lesson.steps)} steps)")
            if lesson.summary:
                label.append("\n" + lesson.summary, style="italic")
            options.append(Option(label, id=lesson.id))
        yield OptionList(*options)

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        picker.border_title = "Lessons"
        ids = [le.id for le in self.lessons]
        if self.current in ids:
            picker.highlighted = ids.index(self.current)
        picker.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

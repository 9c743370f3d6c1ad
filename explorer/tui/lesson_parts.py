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
from explorer.core.text import percent
from explorer.tui.bar_model import bar_model as table_bar_model
from explorer.tui.seatbar import BarModel
from explorer.tui.textual_internals import OneFramePerLayout

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
    """The step's coalition (coloured) and every other unit on the table (grey): the builder's
    bar model; a step with no coalition shows an empty one against the thresholds."""
    from explorer.core.coalition import Coalition, evaluate

    ev = numbers.evaluation
    if ev is None:
        ev = evaluate(atlas, numbers.picture, Coalition(), completions=False)
    return table_bar_model(atlas, numbers.picture, ev)


class LessonPicker(OneFramePerLayout, ModalScreen[str | None]):
    """Choose a lesson: Enter opens it, Escape keeps the current one."""

    CSS_PATH = "lesson_parts.tcss"  # the screen's style, beside this module

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="close")]

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

"""The panels of the coalition screen: units, verdicts, tensions, completions, power, PM picker.

Panels only format what `CoalitionScreen.show_table()` hands them (the engine's results); they
compute nothing about coalitions. Content is drawn as rich `Text` (or Textual `Content` in the
option lists); colours with a meaning are the theme's, read while drawing (explorer/tui/
meaning.py), so a theme change repaints them without a redraw by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rich.console import Console, ConsoleOptions, Group
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from explorer.core.sources import quote
from explorer.core.vocabulary import RELATION_TYPES, status_label
from explorer.tui.bar_model import short_name
from explorer.tui.meaning import MEANING_CLASSES, MeaningStyles, ShownPanel, status_ink
from explorer.tui.power_panel import PowerPanel, PowerRow, pct, small_bar  # noqa: F401
from explorer.tui.seatbar import STATUS_MARK
from explorer.tui.textual_internals import OneFramePerLayout, OptionLinesOncePerPaint


# -- units --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class UnitRow:
    id: str
    names: tuple[str, ...]  # the full name first, then shorter forms
    seats_text: str
    color: str
    member: bool
    partial: bool = False  # holds a member (SoL inside the National Alliance)
    marked: bool = False  # marked for a merge
    pm: bool = False  # the PM candidate stands for it
    splittable: bool = False


@dataclass(frozen=True)
class StarredName:
    """The PM candidate's unit: its name and a star in the theme's colour of the moment (a
    DataTable keeps its cells, so the star's colour is looked up when the cell is painted)."""

    name: Text
    table: UnitTable = field(compare=False, repr=False)

    def __rich_console__(self, console: Console, options: ConsoleOptions):
        text = self.name.copy()
        text.append(" ★", style=self.table.ink("candidate", "bold"))
        yield text


class UnitTable(MeaningStyles, DataTable):
    """Every unit on the table, one row each, with its membership mark and seats."""

    COMPONENT_CLASSES = MEANING_CLASSES

    FIXED = 2 + 6 + 1 + 4 * 2 + 2  # mark, seats, flag, cell padding, a vertical scrollbar

    def __init__(self, **kwargs):
        super().__init__(cursor_type="row", zebra_stripes=False,
                         cursor_foreground_priority="renderable", **kwargs)
        self.rows_shown: tuple[UnitRow, ...] = ()
        self._name_width = 0

    def name_width(self) -> int:
        return max(8, (self.size.width or 40) - self.FIXED)

    def on_resize(self) -> None:
        self.show(self.rows_shown)

    def show(self, rows: tuple[UnitRow, ...]) -> None:
        width = self.name_width()
        if rows == self.rows_shown and width == self._name_width:
            return
        if [r.id for r in rows] == [r.id for r in self.rows_shown] and \
                width == self._name_width and self.columns:
            for row, old in zip(rows, self.rows_shown, strict=True):
                if row == old:  # same units: update the changed cells in place
                    continue
                for key, cell, was in zip(("mark", "unit", "seats", "flag"),
                                          self._cells(row, width), self._cells(old, width),
                                          strict=True):
                    if cell != was:
                        self.update_cell(row.id, key, cell)
            self.rows_shown = rows
            return
        keep_id, keep_row = self.highlighted_id(), self.cursor_row
        self.clear(columns=True)
        self.add_column(Text(" "), key="mark", width=2)
        self.add_column(Text("Unit"), key="unit", width=width)
        self.add_column(Text("Seats", justify="right"), key="seats", width=6)
        self.add_column(Text(""), key="flag", width=1)
        for row in rows:
            self.add_row(*self._cells(row, width), key=row.id)
        self.rows_shown, self._name_width = rows, width
        ids = [r.id for r in rows]
        if keep_id in ids:
            self.move_cursor(row=ids.index(keep_id), animate=False)
        elif rows:
            self.move_cursor(row=min(max(keep_row, 0), len(rows) - 1), animate=False)

    def _cells(self, row: UnitRow, width: int) -> tuple[Text, Text | StarredName, Text, Text]:
        mark = (Text("██", style=row.color) if row.member else
                Text("▐▌", style=row.color) if row.partial else Text("··", style="dim"))
        room = width - (2 if row.pm else 0)
        label = next((n for n in row.names if len(n) <= room), row.names[0])
        name = Text(label, style="bold" if row.member else "", no_wrap=True)
        name.truncate(room, overflow="ellipsis")
        seats = Text(row.seats_text, style="bold" if row.member else "", justify="right")
        flag = Text("◆", style="bold magenta") if row.marked else (
            Text("›", style="dim") if row.splittable else Text(""))
        return mark, StarredName(name, self) if row.pm else name, seats, flag

    def highlighted_id(self) -> str | None:
        if not self.rows_shown or not 0 <= self.cursor_row < len(self.rows_shown):
            return None
        return self.rows_shown[self.cursor_row].id


# -- verdicts -----------------------------------------------------------------------------------
class VerdictPanel(ShownPanel):
    """The verdict on each threshold, 'Feasible: yes/no' and the PM candidate (a
    `ShownPanel`: drawn from `shown` when painted)."""

    def show(self, ev, pm: str | None) -> None:
        hard = sum(1 for t in ev.tensions if t.hard)
        self.shown = (tuple(ev.verdicts), hard, len(ev.tensions) - hard, pm, bool(ev.members),
                      ev.feasibility.why_not)

    def _draw(self) -> Group:
        verdicts, hard, soft, pm, members, why = self.shown
        lines = []
        for v in verdicts:
            style = status_ink(self, v.status)
            lines.append(Text.assemble((STATUS_MARK.get(v.status, "·") + " ", style),
                                       (v.text, style if v.status == "reached" else "")))
        feas = Text.assemble(("Feasible: ", "bold"))
        if not why:
            feas.append("yes", self.ink("verdict-yes", "bold"))
            note = ("no members yet" if not members else
                    f"{soft} soft tension{'s' if soft != 1 else ''}" if soft else
                    "no hostile relations inside")
            feas.append(f"  ({note})", "dim")
        else:
            feas.append("no", self.ink("verdict-no", "bold"))
            feas.append(f"  ({why})", self.ink("verdict-no"))
        pm_line = Text.assemble(("PM candidate: ", "bold"))
        pm_line.append(*(pm, self.ink("candidate", "bold")) if pm else
                       ("none  (n chooses one)", "dim"))
        return Group(*lines, feas, pm_line)


# -- tensions -----------------------------------------------------------------------------------
class TensionPanel(ShownPanel):
    """Hard refusals first, then soft tensions, each with its reason and sources."""

    def show(self, tensions: list, members: int, name_of: Callable[[str], str],
             sources_dir=None) -> str:
        """Draw the engine's tensions; return a title for them ('Tensions · 1 hard, 3 soft')."""
        hard = sum(1 for t in tensions if t.hard)
        names = {i: name_of(i) for t in tensions
                 for i in (t.a, t.b, t.source_actor, t.target_actor)}
        self.shown = (tuple(tensions), min(members, 2), names, sources_dir)
        return (f"Tensions · {hard} hard, {len(tensions) - hard} soft" if tensions else
                "Tensions · none")

    def _draw(self) -> Text | Group:
        tensions, members, names, sources_dir = self.shown
        name_of = names.__getitem__
        if not tensions:
            return Text("Add two or more units to see the hostile relations inside the "
                        "coalition." if members < 2 else
                        "No hostile relations inside this coalition.", style="dim")
        parts: list[Text | Padding] = []
        for t in tensions:
            rtype = RELATION_TYPES[t.type]
            parts.extend([Text("")] if parts else [])
            parts.append(Text.assemble(
                ("✘ HARD  " if t.hard else "~ soft  ",
                 self.ink("verdict-no" if t.hard else "verdict-doubt", "bold")),
                (f"{name_of(t.source_actor)} {rtype.label} {name_of(t.target_actor)}", "bold"),
                (f"  [{status_label(t.status)}]" if t.status else "", self.ink("caution"))))
            lines = [(f"hard only if {name_of(t.target_actor)} is the PM candidate",
                      self.ink("caution")) if rtype.pm_only and not t.hard else None]
            if {t.a, t.b} != {t.source_actor, t.target_actor}:
                lines.append((f"{name_of(t.a)} and the PM candidate" if t.about_pm else
                              f"inside: {name_of(t.a)} ↔ {name_of(t.b)}", "italic"))
            lines.append((t.description, "dim"))
            parts.extend(Padding(Text(text, style=style), (0, 0, 0, 2))
                         for text, style in filter(None, lines) if text)
            for source in t.sources:
                parts.append(Text.assemble(("  ↳ ", "dim"), (source, "dim underline"),
                                           no_wrap=True, overflow="ellipsis"))
                if quoted := quote(source, sources_dir, limit=240):
                    parts.append(Text(f"    “{quoted}”", style="dim italic", no_wrap=True,
                                      overflow="ellipsis"))
        return Group(*parts)


# -- completions --------------------------------------------------------------------------------
class CompletionList(OptionLinesOncePerPaint, OptionList):
    """Ways to reach each threshold, feasible first; Enter (or the number key) applies one.

    Its scrollbar's gutter is always kept, as an actor page's is (MeaningOptionList): Textual
    keeps the options' heights measured before a scrollbar appeared, so a completion painted
    one column narrower lost its last line ("(2) → 218")."""

    DEFAULT_CSS = "CompletionList { scrollbar-gutter: stable; }"

    shown: reactive[tuple | None] = reactive(None, init=False, always_update=False, repaint=False)

    def show(self, ev, picture, name_of: Callable[[str], str]) -> list[int]:
        """List the evaluation's completions; return their indices in the order numbered."""
        order = [i for v in ev.verdicts for i, c in enumerate(ev.completions)
                 if c.threshold == v.threshold.id]
        units = {u: picture.unit(u) for c in ev.completions for u in c.add}
        names = {u: name_of(u) for u in units}
        self.shown = (tuple(ev.completions), tuple(ev.verdicts), tuple(order), units, names,
                      bool(picture.units))
        return order

    def watch_shown(self, shown: tuple) -> None:
        completions, verdicts, order, units, names, any_units = shown
        options: list[Option] = []
        for v in verdicts:
            if not any(completions[i].threshold == v.threshold.id for i in order):
                continue
            options.append(Option(Text(f"{v.threshold.name} ({v.threshold.seats}), "
                                       f"{v.short_by} short:", style="bold"), disabled=True))
            for number, i in enumerate(order, 1):
                c = completions[i]
                if c.threshold != v.threshold.id:
                    continue
                added = " + ".join(f"{short_name(names[u])} "
                                   f"({units[u].seats_text if units[u] else '?'})" for u in c.add)
                ok = "$verdict-yes" if c.feasible else "$verdict-no"  # Content: the theme's
                options.append(Option(Content.assemble(
                    (f"{number} " if number <= 9 else "  ", "bold $highlight"),
                    ("✔ " if c.feasible else "✘ ", f"bold {ok}"),
                    (f"add {added} → {c.seats}", "" if c.feasible else "dim"),
                    ("" if c.feasible else "  not feasible", ok)), id=f"c{i}"))
        if not options:
            empty = ("No seats on the table on this date." if not any_units else
                     "Every threshold is reached." if all(v.reached for v in verdicts) else
                     "No outside set of up to four units reaches the next threshold.")
            options.append(Option(Text(empty, style="dim"), disabled=True))
        highlighted = self.highlighted
        self.set_options(options)
        enabled = [i for i, o in enumerate(options) if not o.disabled]
        if enabled:
            self.highlighted = highlighted if highlighted in enabled else enabled[0]


# -- power: explorer/tui/power_panel.py (PowerPanel, PowerRow, pct, small_bar) -------------------


# -- PM picker ----------------------------------------------------------------------------------
def _seats(pack, actor_id: str) -> str:
    """Seats as shown everywhere else: a range where the sources disagree (39–40)."""
    from explorer.core.text import SeatRange

    return SeatRange(*(pack.seat_range(actor_id) or (0, 0))).seats()



class PmPicker(OneFramePerLayout, ModalScreen[str | None]):
    """Choose the PM candidate: a person who stands for a seat holder, or no PM."""

    CSS_PATH = "coalition_panels.tcss"  # the screen's style, beside this module

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="close")]
    NO_PM = "__none__"

    def __init__(self, pack, on, current: str | None, members: set[str],
                 name_of: Callable[[str], str]):
        super().__init__()
        self.current = current
        people = [a for a in pack.actors.values()
                  if a.kind == "person" and a.stands_for in pack.actors and a.exists_on(on)]
        seats = {a.id: pack.primary_seats(a.stands_for) or 0 for a in people}
        people.sort(key=lambda a: (-seats[a.id], a.name.casefold()))
        self.choices = [(a.id, Content.assemble(
            (a.name, "bold"), (f" — {name_of(a.stands_for)} ({_seats(pack, a.stands_for)})",
                               "dim"),
            ("  in the coalition" if a.stands_for in members else "", "$verdict-yes")))
            for a in people]

    def compose(self) -> ComposeResult:
        options = [Option(Text("No PM candidate", style="italic"), id=self.NO_PM)]
        options += [Option(label, id=pid) for pid, label in self.choices]
        with Vertical():
            yield Static(Text("Who should be prime minister?"), classes="pm-title")
            yield OptionList(*options, id="pm-options")
            yield Static(Text("↑↓ choose · Enter select · Esc cancel"), classes="pm-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        try:
            options.highlighted = options.get_option_index(self.current or self.NO_PM)
        except OptionDoesNotExist:  # an unknown current PM: start at the top
            options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

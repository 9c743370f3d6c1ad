"""The panels of the coalition screen: units, verdicts, tensions, completions, power, PM picker.

Panels only format what `CoalitionScreen.show_table()` hands them (the engine's results); they
compute nothing about coalitions. Meaning colours come from the theme; content is drawn as rich
`Text`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from explorer.core.sources import quote
from explorer.core.text import percent
from explorer.core.vocabulary import RELATION_TYPES, status_label
from explorer.tui.bar_model import short_name
from explorer.tui.seatbar import STATUS_MARK

#: meaning colours used when no theme palette is given
PLAIN = {"success": "green", "warning": "yellow", "error": "red", "muted": "grey62",
         "accent": "cyan", "primary": "blue"}


def tone(colors: dict[str, str], status: str) -> str:
    key = {"reached": "success", "top_of_range": "warning"}.get(status, "error")
    return f"bold {colors.get(key, PLAIN[key])}"


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
    star: str = "yellow"  # colour of the PM mark


class UnitTable(DataTable):
    """Every unit on the table, one row each, with its membership mark and seats."""

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

    def _cells(self, row: UnitRow, width: int) -> tuple[Text, Text, Text, Text]:
        mark = (Text("██", style=row.color) if row.member else
                Text("▐▌", style=row.color) if row.partial else Text("··", style="dim"))
        room = width - (2 if row.pm else 0)
        label = next((n for n in row.names if len(n) <= room), row.names[0])
        name = Text(label, style="bold" if row.member else "", no_wrap=True)
        name.truncate(room, overflow="ellipsis")
        if row.pm:
            name.append(" ★", style=f"bold {row.star}")
        seats = Text(row.seats_text, style="bold" if row.member else "", justify="right")
        flag = Text("◆", style="bold magenta") if row.marked else (
            Text("›", style="dim") if row.splittable else Text(""))
        return mark, name, seats, flag

    def highlighted_id(self) -> str | None:
        if not self.rows_shown or not 0 <= self.cursor_row < len(self.rows_shown):
            return None
        return self.rows_shown[self.cursor_row].id


# -- verdicts -----------------------------------------------------------------------------------
class VerdictPanel(Static):
    """The verdict on each threshold, 'Feasible: yes/no' and the PM candidate.

    Each panel keeps what it shows in a `shown` reactive: the same data again is no redraw
    (nor the layout pass a redraw causes)."""

    shown: reactive[tuple | None] = reactive(None, init=False, always_update=False, repaint=False)

    def show(self, ev, pm: str | None, colors: dict[str, str] = PLAIN) -> None:
        hard = sum(1 for t in ev.tensions if t.hard)
        self.shown = (tuple(ev.verdicts), hard, len(ev.tensions) - hard, pm, bool(ev.members),
                      colors)

    def watch_shown(self, shown: tuple) -> None:
        verdicts, hard, soft, pm, members, colors = shown
        lines = []
        for v in verdicts:
            style = tone(colors, v.status)
            lines.append(Text.assemble((STATUS_MARK.get(v.status, "·") + " ", style),
                                       (v.text, style if v.status == "reached" else "")))
        feas = Text.assemble(("Feasible: ", "bold"))
        if not hard:
            feas.append("yes", f"bold {colors['success']}")
            note = ("no members yet" if not members else
                    f"{soft} soft tension{'s' if soft != 1 else ''}" if soft else
                    "no hostile relations inside")
            feas.append(f"  ({note})", "dim")
        else:
            feas.append("no", f"bold {colors['error']}")
            feas.append(f"  ({hard} hard refusal{'s' if hard != 1 else ''})", colors["error"])
        pm_line = Text.assemble(("PM candidate: ", "bold"))
        pm_line.append(*(pm, f"bold {colors['warning']}") if pm else
                       ("none  (n chooses one)", "dim"))
        self.update(Group(*lines, feas, pm_line))


# -- tensions -----------------------------------------------------------------------------------
class TensionPanel(Static):
    """Hard refusals first, then soft tensions, each with its reason and sources."""

    shown: reactive[tuple | None] = reactive(None, init=False, always_update=False, repaint=False)

    def show(self, tensions: list, members: int, name_of: Callable[[str], str],
             sources_dir=None, colors: dict[str, str] = PLAIN) -> str:
        """Draw the engine's tensions; return a title for them ('Tensions · 1 hard, 3 soft')."""
        hard = sum(1 for t in tensions if t.hard)
        names = {i: name_of(i) for t in tensions
                 for i in (t.a, t.b, t.source_actor, t.target_actor)}
        self.shown = (tuple(tensions), min(members, 2), names, sources_dir, colors)
        return (f"Tensions · {hard} hard, {len(tensions) - hard} soft" if tensions else
                "Tensions · none")

    def watch_shown(self, shown: tuple) -> None:
        tensions, members, names, sources_dir, colors = shown
        name_of = names.__getitem__
        if not tensions:
            self.update(Text("Add two or more units to see the hostile relations inside the "
                             "coalition." if members < 2 else
                             "No hostile relations inside this coalition.", style="dim"))
            return
        parts: list[Text | Padding] = []
        for t in tensions:
            rtype = RELATION_TYPES[t.type]
            parts.extend([Text("")] if parts else [])
            parts.append(Text.assemble(
                ("✘ HARD  " if t.hard else "~ soft  ",
                 f"bold {colors['error' if t.hard else 'warning']}"),
                (f"{name_of(t.source_actor)} {rtype.label} {name_of(t.target_actor)}", "bold"),
                (f"  [{status_label(t.status)}]" if t.status else "", colors["warning"])))
            lines = [(f"hard only if {name_of(t.target_actor)} is the PM candidate",
                      colors["warning"]) if rtype.pm_only and not t.hard else None]
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
        self.update(Group(*parts))


# -- completions --------------------------------------------------------------------------------
class CompletionList(OptionList):
    """Ways to reach each threshold, feasible first; Enter (or the number key) applies one."""

    shown: reactive[tuple | None] = reactive(None, init=False, always_update=False, repaint=False)

    def show(self, ev, picture, name_of: Callable[[str], str],
             colors: dict[str, str] = PLAIN) -> list[int]:
        """List the evaluation's completions; return their indices in the order numbered."""
        order = [i for v in ev.verdicts for i, c in enumerate(ev.completions)
                 if c.threshold == v.threshold.id]
        units = {u: picture.unit(u) for c in ev.completions for u in c.add}
        names = {u: name_of(u) for u in units}
        self.shown = (tuple(ev.completions), tuple(ev.verdicts), tuple(order), units, names,
                      colors)
        return order

    def watch_shown(self, shown: tuple) -> None:
        completions, verdicts, order, units, names, colors = shown
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
                ok = colors["success" if c.feasible else "error"]
                options.append(Option(Text.assemble(
                    (f"{number} " if number <= 9 else "  ", f"bold {colors['accent']}"),
                    ("✔ " if c.feasible else "✘ ", f"bold {ok}"),
                    (f"add {added} → {c.seats}", "" if c.feasible else "dim"),
                    ("" if c.feasible else "  not feasible", ok)), id=f"c{i}"))
        if not options:
            options.append(Option(Text("Every threshold is reached.", style="dim"),
                                  disabled=True))
        highlighted = self.highlighted
        self.set_options(options)
        enabled = [i for i, o in enumerate(options) if not o.disabled]
        if enabled:
            self.highlighted = highlighted if highlighted in enabled else enabled[0]


# -- power --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PowerRow:
    names: tuple[str, ...]  # the full name first, then shorter forms
    color: str
    member: bool
    banzhaf: Fraction
    shapley: Fraction
    f_banzhaf: Fraction | None  # None: no feasible coalition wins at all
    f_shapley: Fraction | None


def pct(value: Fraction | None) -> str:
    return "—" if value is None else percent(value)


def small_bar(value: Fraction | None, width: int, top: Fraction | None = None) -> str:
    """A bar of eighth blocks, `width` cells long for `top` (default 100%)."""
    if value is None or width <= 0:
        return ""
    full, part = divmod(round(float(value / (top or 1)) * width * 8), 8)
    return ("█" * full + (" ▏▎▍▌▋▊▉"[part] if part else "")).ljust(width)[:width]


class PowerPanel(Static):
    """Banzhaf and Shapley–Shubik shares for all coalitions and for feasible ones only."""

    shown: reactive[tuple | None] = reactive(None, init=False, always_update=False, repaint=False)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.rows: list[PowerRow] = []

    def on_resize(self) -> None:
        if self.shown is not None:
            self.shown = (*self.shown[:-1], self.content_size.width or 60)

    def show(self, rows: list[PowerRow], threshold: str, pm: str | None,
             feasible_note: str | None, colors: dict[str, str] = PLAIN) -> None:
        self.rows = rows
        self.shown = (tuple(rows), threshold, pm, feasible_note, colors,
                      self.content_size.width or 60)

    def watch_shown(self, shown: tuple) -> None:
        rows, threshold, pm, feasible_note, colors, width = shown
        bars, wide = width >= 62, width >= 50
        room = max(6, width - (52 if bars else 34))
        table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
        longest = max((len(r.names[0]) for r in rows), default=4)
        table.add_column("Unit", width=min(room, longest), no_wrap=True, overflow="ellipsis")
        top = max((r.banzhaf for r in rows), default=None)
        f_top = max((r.f_banzhaf or 0 for r in rows), default=None)
        for title in ("Banzhaf", "S–S", "Banzhaf*", "S–S*"):
            table.add_column(title if wide else title.replace("Banzhaf", "B"), justify="right",
                             no_wrap=True)
            if bars and title.startswith("Banzhaf"):
                table.add_column("", no_wrap=True, width=6)
        for r in rows:
            label = next((n for n in r.names if len(n) <= room), min(r.names, key=len))
            cells: list[Text | str] = [Text(label, style="bold" if r.member else "")]
            for value, shap, most in ((r.banzhaf, r.shapley, top),
                                      (r.f_banzhaf, r.f_shapley, f_top)):
                cells.append(pct(value))
                if bars:
                    cells.append(Text(small_bar(value, 6, most), style=r.color))
                cells.append(pct(shap))
            table.add_row(*cells)
        title = Text(f"Voting power · {threshold}", style="bold")
        note = Text("Banzhaf: share of the swings. S–S (Shapley–Shubik): share of the orders in "
                    "which a unit is pivotal (bars: against the largest share). * feasible "
                    "coalitions only", style="dim")
        if pm:
            note.append(f", with {pm} as PM", "dim")
        if feasible_note:
            note.append(f" ({feasible_note})", colors["warning"])
        self.update(Group(title, table, Text(""), note))


# -- PM picker ----------------------------------------------------------------------------------
def _seats(pack, actor_id: str) -> str:
    """Seats as shown everywhere else: a range where the sources disagree (39–40)."""
    from explorer.core.text import SeatRange

    return SeatRange(*(pack.seat_range(actor_id) or (0, 0))).seats()



class PmPicker(ModalScreen[str | None]):
    """Choose the PM candidate: a person who stands for a seat holder, or no PM."""

    DEFAULT_CSS = """
    PmPicker { align: center middle; }
    PmPicker > Vertical {
        width: 76; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    PmPicker OptionList, PmPicker OptionList:focus {
        height: auto; max-height: 20; border: none; padding: 0;
    }
    PmPicker .pm-title { text-style: bold; padding: 0 0 1 0; }
    PmPicker .pm-hint { color: $text-muted; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="close")]
    NO_PM = "__none__"

    def __init__(self, pack, on, current: str | None, members: set[str],
                 name_of: Callable[[str], str], in_color: str = "green"):
        super().__init__()
        self.current = current
        people = [a for a in pack.actors.values()
                  if a.kind == "person" and a.stands_for in pack.actors and a.exists_on(on)]
        seats = {a.id: pack.primary_seats(a.stands_for) or 0 for a in people}
        people.sort(key=lambda a: (-seats[a.id], a.name.casefold()))
        self.choices = [(a.id, Text.assemble(
            (a.name, "bold"), (f" — {name_of(a.stands_for)} ({_seats(pack, a.stands_for)})",
                               "dim"),
            ("  in the coalition" if a.stands_for in members else "", in_color)))
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

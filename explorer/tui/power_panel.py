"""The power table of the coalition screen: Banzhaf and Shapley–Shubik shares, in all
coalitions and in feasible ones only. Focused, it has a cursor row; Enter or w asks why
(explorer/tui/why_screen.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.message import Message

from explorer.core.text import percent
from explorer.tui.meaning import ShownPanel


@dataclass(frozen=True)
class PowerRow:
    names: tuple[str, ...]  # the full name first, then shorter forms
    color: str
    member: bool
    banzhaf: Fraction
    shapley: Fraction
    f_banzhaf: Fraction | None  # None: no feasible coalition wins at all
    f_shapley: Fraction | None
    id: str = ""  # the unit (Enter or w on its row explains it)


def pct(value: Fraction | None) -> str:
    return "—" if value is None else percent(value)


def small_bar(value: Fraction | None, width: int, top: Fraction | None = None) -> str:
    """A bar of eighth blocks, `width` cells long for `top` (default 100%)."""
    if value is None or width <= 0:
        return ""
    full, part = divmod(round(float(value / (top or 1)) * width * 8), 8)
    return ("█" * full + (" ▏▎▍▌▋▊▉"[part] if part else "")).ljust(width)[:width]


class PowerPanel(ShownPanel, can_focus=True):
    """Banzhaf and Shapley–Shubik shares for all coalitions and for feasible ones only.

    Focused, it has a cursor row (up/down); Enter or w asks why (a `Why` message). It is drawn
    from `shown` when painted, in the theme's colours of the moment."""

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("enter,w", "why", "Why", tooltip="Why this unit has this power"),
    ]

    class Why(Message):
        def __init__(self, unit_id: str) -> None:
            super().__init__()
            self.unit_id = unit_id

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.rows: list[PowerRow] = []
        self.cursor = 0

    def on_resize(self) -> None:
        if self.shown is not None:
            self.shown = (*self.shown[:-2], self.content_size.width or 60, self.shown[-1])

    def _cursor_shown(self) -> int | None:
        return min(self.cursor, max(len(self.rows) - 1, 0)) if self.has_focus else None

    def _recursor(self) -> None:
        if self.shown is not None:
            self.shown = (*self.shown[:-1], self._cursor_shown())

    on_focus = on_blur = _recursor

    def action_move(self, step: int) -> None:
        if self.rows:
            self.cursor = (self.cursor + step) % len(self.rows)
            self._recursor()

    def highlighted_id(self) -> str | None:
        if not self.rows:
            return None
        return self.rows[min(self.cursor, len(self.rows) - 1)].id or None

    def action_why(self) -> None:
        unit = self.highlighted_id()
        if unit:
            self.post_message(self.Why(unit))

    def show(self, rows: list[PowerRow], threshold: str, pm: str | None,
             feasible_note: str | None) -> None:
        self.rows = rows
        self.shown = (tuple(rows), threshold, pm, feasible_note,
                      self.content_size.width or 60, self._cursor_shown())

    def _draw(self) -> Group:
        rows, threshold, pm, feasible_note, width, cursor = self.shown
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
        for k, r in enumerate(rows):
            label = next((n for n in r.names if len(n) <= room), min(r.names, key=len))
            style = ("reverse " if k == cursor else "") + ("bold" if r.member else "")
            cells: list[Text | str] = [Text(label, style=style.strip())]
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
            note.append(f" ({feasible_note})", self.ink("caution"))
        note.append(". Enter or w on a row: why.", "dim")
        return Group(title, table, Text(""), note)



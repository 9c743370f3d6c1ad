"""The hemicycle: the chamber as a half ring of seats, one coloured dot a seat.

It draws the same `BarModel` as the seat bar (members first, the disputed top of the coalition's
range, then the rest), over the seat positions of `explorer.core.chamber`: the coalition's seats
solid in their list's colour, the other lists' seats in a dimmed version of theirs, the disputed
seats as hollow dots, and each threshold as a marker over the ring with a dotted ray through
the well, coloured by the coalition's verdict on it. The verdict line under it is the bar's.
The verdicts' colours and the background the outside seats are dimmed towards are the current
theme's, read while drawing (explorer/tui/meaning.py).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from explorer.core.chamber import Chamber, fit
from explorer.core.text import range_text
from explorer.tui.meaning import MEANING_CLASSES, MeaningStyles, solid
from explorer.tui.seatbar import (
    RANGE_FG,
    TONES,
    BarModel,
    _Row,
    cell_style,
    status_style,
    summary_text,
    verdict_tones,
)

SEAT, DISPUTED = "●", "◌"
#: how much of its own colour an outside list's seat keeps (the rest is the background)
DIM = 0.4


@lru_cache(maxsize=256)
def blend(color: str, background: str, share: float = DIM) -> str:
    """`share` of `color` over `background` (both #rrggbb), as #rrggbb."""
    try:
        a = [int(color.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
        b = [int(background.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    except ValueError:
        return color
    mixed = (round(x * share + y * (1 - share)) for x, y in zip(a, b, strict=True))
    return "#" + "".join(f"{v:02x}" for v in mixed)


def render_hemicycle(model: BarModel, colors: tuple[tuple[str, str], ...], width: int,
                     max_rows: int, background: str = "#1e1e1e", tones: tuple = TONES) -> Text:
    """Marks, the ring of seats, the verdicts: `max_rows` lines at most (empty if too small)."""
    chamber = fit(model.total, width, max_rows - 1) if model.total > 0 else None
    if chamber is None:
        return Text("")
    own = dict(colors)
    rows = [_Row(width) for _ in range(chamber.rows + 1)]
    x0 = (width - chamber.width) // 2
    bounds = list(accumulate(seg.seats for seg in model.segments))
    for k, (col, row) in enumerate(chamber.cells):
        i = bisect_right(bounds, k)
        seg = model.segments[i] if i < len(model.segments) else None
        if seg is None:
            style, glyph = cell_style("#5e5e5e"), SEAT
        elif seg.hatch:
            style, glyph = cell_style(RANGE_FG, bold=True), DISPUTED
        elif seg.member:
            style, glyph = cell_style(seg.color, bold=True), SEAT
        else:
            style, glyph = cell_style(blend(own.get(seg.key, seg.color), background)), SEAT
        rows[row + 1].put(x0 + col, glyph, style)
    _draw_marks(model, chamber, rows, x0, tones)
    _draw_total(model, chamber, rows, x0)
    lines = [r.text() for r in rows]
    lines.append(summary_text(model, width, tones))
    return Text("\n", end="").join(lines)


def _draw_marks(model: BarModel, chamber: Chamber, rows: list[_Row], x0: int,
                tones: tuple) -> None:
    """A ▼ over the ring and a dotted ray through the well at each threshold's seat."""
    for line in model.lines:
        if not 0 < line.seats <= chamber.seats:
            continue
        style = status_style(line.status, tones)
        for col, row in chamber.ray_cells(line.seats):
            rows[row + 1].put(x0 + col, "·", style)
        out = 1.0
        col, row = chamber.mark_cell(line.seats, out)
        while row >= 0 and _seat_at(rows, x0 + col, row + 1):  # never over a seat
            out += 0.5
            col, row = chamber.mark_cell(line.seats, out)
        row = max(0, row + 1)
        target = rows[row]
        if not 0 <= x0 + col < len(target.chars) or target.chars[x0 + col] != " ":
            continue  # no room above the ring here: the verdict line still names it
        target.put(x0 + col, "▼", style)
        label = str(line.seats)
        left = chamber.seat_angle(line.seats) < 1.5707963
        start = x0 + col - 1 - len(label) if left else x0 + col + 2
        if target.free(start, len(label), gap=0):
            target.put(start, label, style)


def _seat_at(rows: list[_Row], col: int, row: int) -> bool:
    return 0 <= col < len(rows[row].chars) and rows[row].chars[col] != " "


def _draw_total(model: BarModel, chamber: Chamber, rows: list[_Row], x0: int) -> None:
    """The coalition's seats in the middle of the floor: '12 of 40'."""
    seats = range_text(model.low, model.high)
    text = f"{seats} of {model.total}"
    cx, cy = chamber.centre
    row = rows[cy]  # the floor row of the ring (rows are shifted down by the marks' row)
    start = x0 + cx - len(text) // 2
    for i in range(len(text)):
        if row.chars[start + i] not in (" ", "·"):
            return  # the well is too small for it
    row.put(start, seats, "bold")
    row.put(start + len(seats), f" of {model.total}", "dim")


class Hemicycle(MeaningStyles, Widget):
    """The chamber drawn as a half ring of seats (see the module's docstring)."""

    # its own sizing only (hidden until the screen shows it instead of the seat bar)
    DEFAULT_CSS = "Hemicycle { height: auto; padding: 0 1; display: none; }"
    COMPONENT_CLASSES = MEANING_CLASSES

    #: how many lines the widget may take (the screen sets it from its own height)
    max_rows: reactive[int] = reactive(14, layout=True)

    def __init__(self, *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.model = BarModel(total=0)
        self.seat_colors: tuple[tuple[str, str], ...] = ()
        self._rendered: tuple[tuple | None, Text] = (None, Text(""))

    def show(self, model: BarModel, colors: dict[str, str]) -> None:
        """Draw `model`; `colors` gives every unit's own colour (outside ones are dimmed)."""
        pairs = tuple(sorted(colors.items()))
        if (model, pairs) != (self.model, self.seat_colors):
            relayout = model.total != self.model.total  # the height depends on the total only
            self.model, self.seat_colors = model, pairs
            self.refresh(layout=relayout)

    def fits(self, width: int) -> bool:
        """Whether the chamber fits `width` columns and `max_rows` lines."""
        return self.model.total > 0 and fit(self.model.total, width, self.max_rows - 1) is not None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        chamber = fit(self.model.total, width, self.max_rows - 1) if self.model.total else None
        return chamber.rows + 2 if chamber else 1

    def render(self) -> Text:
        key = (self.model, self.seat_colors, self.content_size.width, self.max_rows,
               solid(self.app.theme_variables, "background", "#1e1e1e"), verdict_tones(self))
        if key != self._rendered[0]:
            self._rendered = (key, render_hemicycle(*key))
        return self._rendered[1]


#: the hemicycle needs this many lines of screen (smaller windows keep the seat bar)
HEMICYCLE_MIN_HEIGHT = 36


def show_chamber(screen, on: bool) -> bool:
    """Show a screen's Hemicycle (from its `_chamber` = (BarModel, Picture)) or its SeatBar;
    False when the window is too small for the hemicycle (the bar stays)."""
    from explorer.tui.seatbar import PALETTE, SeatBar

    height = screen.size.height
    room = height >= HEMICYCLE_MIN_HEIGHT
    hemicycle = screen.query_one(Hemicycle)
    shown = on and room and bool(screen._chamber)
    if shown:
        model, picture = screen._chamber
        colors = {u.id: PALETTE[i % len(PALETTE)] for i, u in enumerate(picture.units)}
        hemicycle.max_rows = max(0, min(19, height - 24))
        hemicycle.show(model, colors)
    hemicycle.display = shown
    screen.query_one(SeatBar).display = not shown
    return room

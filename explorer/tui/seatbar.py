"""The seat bar: the parliament as a two-row bar of block characters, coloured by member.

The widget only draws what it is given: a `BarModel` (segments in seat order, the thresholds
with their verdicts, the coalition's seat range), which `bar_model.bar_model()` builds from an
Evaluation for the builder and the lessons alike. The verdicts' colours are the theme's
(`meaning--verdict-*` component classes, explorer/tui/meaning.py), read while drawing.
Everything is drawn with rich `Text`, so names are never read as markup; the widget turns the
rows into strips itself, once per change (Textual's own route from `render()` to strips cost
~6 ms a paint of the 120-column bar, on every lesson step).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, groupby

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.color import Color, ColorParseError
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from explorer.core.handouts import UNIT_COLORS
from explorer.core.text import SeatRange, range_text
from explorer.tui.fmt import text_segments
from explorer.tui.meaning import MEANING_CLASSES, MeaningStyles, status_ink

#: member colours (Tableau 10), readable on dark and light themes (the hand-outs use the same)
PALETTE = UNIT_COLORS
#: seats outside the coalition alternate between two greys
OUTSIDE = ("#4a4a4a", "#5e5e5e")
#: the seats that are in the coalition only at the top of its range
RANGE_BG, RANGE_FG = "#8a8a8a", "#dcdcdc"
STATUSES = ("reached", "top_of_range", "not_reached")
STATUS_MARK = {"reached": "✔", "top_of_range": "≈", "not_reached": "✘"}
#: the styles of the three verdicts away from an app (the widgets draw with the theme's)
TONES = (Style(color="green", bold=True), Style(color="yellow", bold=True),
         Style(color="red", bold=True))


def status_style(status: str, tones: tuple[Style | str, ...] = TONES) -> Style | str:
    """The style of a verdict status (`tones`: reached, top of range, not reached)."""
    return tones[STATUSES.index(status)] if status in STATUSES else "bold"


def verdict_tones(widget: MeaningStyles) -> tuple[Style, Style, Style]:
    """The widget's styles for the three verdicts, from the current theme."""
    return tuple(status_ink(widget, status) for status in STATUSES)


@dataclass(frozen=True)
class BarSegment:
    key: str
    names: tuple[str, ...]  # label candidates, the most descriptive first
    seats: int
    seats_text: str
    color: str
    member: bool
    hatch: bool = False  # the uncertain part of the coalition's range


@dataclass(frozen=True)
class BarLine:
    """A threshold and the coalition's verdict on it."""

    seats: int
    name: str
    status: str  # reached | top_of_range | not_reached
    short_by: int
    over_by: int


@dataclass(frozen=True)
class BarModel:
    total: int
    segments: tuple[BarSegment, ...] = ()
    lines: tuple[BarLine, ...] = ()
    low: int = 0
    high: int = 0


@lru_cache(maxsize=512)
def cell_style(color: str | None = None, bgcolor: str | None = None, bold: bool = False,
               dim: bool = False) -> Style:
    """Styles are built once (parsing colours is the slow part of drawing the bar)."""
    return Style(color=color, bgcolor=bgcolor, bold=bold or None, dim=dim or None)


@lru_cache(maxsize=128)
def text_color(hex_color: str) -> str:
    """Black or white, whichever reads better on a background colour (Textual's own rule)."""
    try:
        return Color.parse(hex_color).get_contrast_text(alpha=1.0).hex
    except ColorParseError:
        return "white"


class _Row:
    """One line of cells: a character and a style per column."""

    def __init__(self, width: int):
        self.chars = [" "] * width
        self.styles: list[Style | str] = [""] * width

    def put(self, col: int, text: str, style: Style | str = "") -> None:
        for i, ch in enumerate(text):
            if 0 <= col + i < len(self.chars):
                self.chars[col + i] = ch
                self.styles[col + i] = style

    def free(self, start: int, length: int, gap: int = 1) -> bool:
        lo, hi = start - gap, start + length + gap
        if start < 0 or start + length > len(self.chars):
            return False
        return all(self.chars[i] == " " for i in range(max(0, lo), min(len(self.chars), hi)))

    def text(self) -> Text:
        """The row as Text, one span per run of cells in the same style."""
        out = Text(no_wrap=True, overflow="crop", end="")
        start = 0
        for i in range(1, len(self.chars) + 1):
            if i == len(self.chars) or self.styles[i] != self.styles[start]:
                out.append("".join(self.chars[start:i]), self.styles[start])
                start = i
        return out


class SeatLayout:
    """Which segment sits under each half column of a bar `width` cells wide."""

    def __init__(self, model: BarModel, width: int):
        self.model = model
        self.width = max(1, width)
        self.total = max(1, model.total)
        self.bounds = list(accumulate(seg.seats for seg in model.segments))

    def at_seat(self, seat: float) -> int | None:
        """The index of the segment holding a (fractional) seat position, or None."""
        i = bisect_right(self.bounds, seat)
        return i if i < len(self.bounds) else None

    def halves(self, col: int) -> tuple[int | None, int | None]:
        per = self.total / self.width
        return self.at_seat((col + 0.25) * per), self.at_seat((col + 0.75) * per)

    def col_of(self, seat: int) -> int:
        """The column holding seat number `seat` (1-based)."""
        return min(self.width - 1, max(0, int((seat - 0.5) * self.width / self.total)))


class SeatBar(MeaningStyles, Widget):
    """A horizontal bar of every seat, members first, with the thresholds marked."""

    # its own sizing only (the screens place it in their .tcss)
    DEFAULT_CSS = "SeatBar { height: auto; padding: 0 1; }"
    COMPONENT_CLASSES = MEANING_CLASSES

    #: compact: four lines, without the line pointing at the total under the bar
    compact: reactive[bool] = reactive(False, layout=True)

    def __init__(self, *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.model = BarModel(total=0)
        self._rendered: tuple[tuple | None, Text] = (None, Text(""))
        self._strips: tuple[tuple | None, list[Strip]] = (None, [])

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 4 if self.compact else 5

    def show(self, model: BarModel) -> None:
        if model != self.model:
            self.model = model
            self.refresh()

    def render(self) -> Text:
        key = (self.model, self.content_size.width, self.compact, verdict_tones(self))
        if key != self._rendered[0]:  # drawn once per change, not once per refresh
            self._rendered = (key, render_bar(*key))
        return self._rendered[1]

    def render_line(self, y: int) -> Strip:
        """Line `y` of the bar, from strips made once per change of what it shows (while text
        is selected on it, Textual's own route, which paints the selection)."""
        if self.text_selection is not None:
            return super().render_line(y)
        width = self.content_size.width
        base = self.visual_style.rich_style
        key = (self.model, width, self.compact, verdict_tones(self), base)
        if key != self._strips[0]:
            console = self.app.console
            lines = self.render().split("\n")  # render_bar draws nothing under 4 columns
            self._strips = (key, [text_strip(line, width, base, console) for line in lines])
        strips = self._strips[1]
        return strips[y] if 0 <= y < len(strips) else Strip.blank(width, base)


def text_strip(line: Text, width: int, base: Style, console: Console) -> Strip:
    """One line of rich Text as a strip exactly `width` cells wide, over the widget's style
    (cut short with an ellipsis if it is longer, which `summary_text` avoids)."""
    if line.cell_len > width:
        line = line.copy()
        line.truncate(width, overflow="ellipsis")
    segments = Segment.apply_style(text_segments(line, console), base)
    return Strip(segments).adjust_cell_length(width, base)


def _segment_style(seg: BarSegment | None) -> tuple[str, str]:
    """(background, foreground) of a segment's cells."""
    if seg is None:
        return OUTSIDE[0], "white"
    if seg.hatch:
        return RANGE_BG, RANGE_FG
    return seg.color, text_color(seg.color)


def _bar_rows(layout: SeatLayout, marks: set[int]) -> tuple[_Row, _Row]:
    segs = layout.model.segments
    top, bottom = _Row(layout.width), _Row(layout.width)
    for col in range(layout.width):
        left, right = layout.halves(col)
        lseg = segs[left] if left is not None else None
        rseg = segs[right] if right is not None else None
        lbg, _ = _segment_style(lseg)
        rbg, _ = _segment_style(rseg)
        if col in marks:
            for row in (top, bottom):
                row.put(col, "┃", cell_style("#ffffff", lbg, bold=True))
            continue
        if left == right:
            seg = lseg
            if seg is not None and seg.hatch:
                style = cell_style(RANGE_FG, RANGE_BG)
                top.put(col, "╱", style)
                bottom.put(col, "╱", style)
            else:
                top.put(col, " ", cell_style(bgcolor=lbg))
                bottom.put(col, " ", cell_style(bgcolor=lbg))
        else:
            style = cell_style(lbg, rbg)
            top.put(col, "▌", style)
            bottom.put(col, "▌", style)
    _label_segments(layout, bottom, marks)
    return top, bottom


def _label_segments(layout: SeatLayout, row: _Row, marks: set[int]) -> None:
    """Write each segment's name and seats inside it, where it fits."""
    segs = layout.model.segments
    cells = [(col, left) for col in range(layout.width) if col not in marks
             for left, right in [layout.halves(col)] if left is not None and left == right]
    best: dict[int, list[int]] = {}  # segment -> its longest run of whole, unmarked columns
    for (_, index), run in groupby(enumerate(cells), key=lambda c: (c[1][0] - c[0], c[1][1])):
        cols = [col for _, (col, _) in run]
        if len(cols) > len(best.get(index, [])):
            best[index] = cols
    for index, cols in best.items():
        seg = segs[index]
        candidates = [f"{n} {seg.seats_text}" for n in seg.names] + [seg.seats_text]
        label = next((c for c in candidates if len(c) <= len(cols) - 2), None)
        if label is None or seg.hatch:
            continue
        bg, fg = _segment_style(seg)
        style = cell_style(fg, bg, bold=seg.member, dim=not seg.member)
        row.put(cols[0] + (len(cols) - len(label)) // 2, label, style)


def _threshold_row(layout: SeatLayout, marks: dict[int, BarLine], tones: tuple) -> _Row:
    """'Absolute majority 163 ▼' over each threshold's column; labels never overlap."""
    row = _Row(layout.width)
    for col, line in marks.items():
        row.put(col, "▼", status_style(line.status, tones))
    ordered = sorted(marks.items())
    for i, (col, line) in enumerate(ordered):
        style = status_style(line.status, tones)
        full, short = f"{line.seats} {line.name}", str(line.seats)
        right = [(col + 2, full), (col + 2, short)]
        left = [(col - 1 - len(f"{line.name} {line.seats}"), f"{line.name} {line.seats}"),
                 (col - 1 - len(short), short)]
        # the first marker prefers its left side, so that the next one has room on its right
        variants = ([left[0], right[0]] if i < len(ordered) - 1 else [right[0], left[0]])
        variants += [right[1], left[1]]
        for start, label in variants:
            if row.free(start, len(label)):
                row.put(start, label, style)
                break
    return row


def _pointer_row(layout: SeatLayout, model: BarModel) -> _Row:
    row = _Row(layout.width)
    low, high = model.low, model.high
    end = layout.col_of(low) if low > 0 else 0
    if high > low:
        stop = layout.col_of(high)
        if stop > end:
            row.put(end, "├" + "─" * (stop - end - 1) + "┤", "bold")
        else:
            row.put(end, "┼", "bold")
        label = f"{low}–{high} seats"
        right = stop
    else:
        row.put(end, "▲", "bold")
        label = SeatRange(low, low).seats()
        right = end
    if row.free(right + 2, len(label), gap=0):
        row.put(right + 2, label, "bold")
    elif row.free(end - 1 - len(label), len(label), gap=0):
        row.put(end - 1 - len(label), label, "bold")
    total = str(model.total)
    if row.free(layout.width - len(total), len(total)):
        row.put(layout.width - len(total), total, "dim")
    if row.free(0, 1):
        row.put(0, "0", "dim")
    return row


def summary_text(model: BarModel, width: int, tones: tuple = TONES) -> Text:
    """'202 seats · ✔ Absolute majority 163: 39 over · ✘ 217: 15 short', shortened to fit."""
    seats = range_text(model.low, model.high)

    def build(long_names: bool, seats_word: bool) -> Text:
        out = Text(no_wrap=True, overflow="ellipsis", end="")
        out.append(SeatRange(model.low, model.high).seats() if seats_word else seats, "bold")
        for line in model.lines:
            out.append("  ·  " if long_names else " · ", "dim")
            style = status_style(line.status, tones)
            out.append(STATUS_MARK.get(line.status, "") + " ", style)
            label = f"{line.name} {line.seats}" if long_names else str(line.seats)
            out.append(label + ": ")
            if line.status == "reached":
                out.append(f"{line.over_by} over", style)
            elif line.status == "top_of_range":
                out.append("only at the top of the range", style)
            else:
                out.append(f"{line.short_by} short", style)
        return out

    for long_names, seats_word in ((True, True), (False, True), (False, False)):
        text = build(long_names, seats_word)
        if text.cell_len <= width:
            return text
    return build(False, False)


def render_bar(model: BarModel, width: int, compact: bool = False, tones: tuple = TONES) -> Text:
    """Labels of the thresholds, two rows of seats, the total's pointer, the verdicts."""
    if width < 4 or model.total <= 0:
        return Text("")
    layout = SeatLayout(model, width)
    marks = {layout.col_of(line.seats): line for line in model.lines}
    top, bottom = _bar_rows(layout, set(marks))
    rows = [_threshold_row(layout, marks, tones).text(), top.text(), bottom.text()]
    if not compact:
        rows.append(_pointer_row(layout, model).text())
    rows.append(summary_text(model, width, tones))
    return Text("\n", end="").join(rows)

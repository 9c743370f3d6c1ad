"""The geometry of a hemicycle: where each seat of a chamber sits, in terminal cells or in an SVG.

Plain Python (no textual): a `Chamber` places `seats` seats on a half ring, one seat per cell, in
the order a newspaper chart fills them — by angle from the left end to the right end, so that
consecutive seats (one list's, say) form a wedge. Terminal cells are about twice as tall as they
are wide; `spacing=2` puts seats on every other column so that they sit on a square grid (a seat,
a gap), `spacing=1` on every column (denser, for shorter windows).

`fit()` picks the largest chamber that fits a box of cells; `mark_cell()` gives the cell just
outside the ring on the ray through a seat, where the widget marks a threshold.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

#: the inner radius of the ring as a share of the outer one (the empty "well" of the chamber)
INNER = 0.38


@dataclass(frozen=True)
class Chamber:
    """`seats` seats on a half ring `rows` cells tall; `cells[k]` is seat k's (col, row)."""

    seats: int
    rows: int
    spacing: int
    cells: tuple[tuple[int, int], ...]

    @property
    def width(self) -> int:
        """Columns from the left end of the ring to the right end (inclusive)."""
        return 4 * self.rows + 1

    @property
    def height(self) -> int:
        return self.rows

    @property
    def centre(self) -> tuple[int, int]:
        """The cell at the middle of the floor (below the last row of seats)."""
        return 2 * self.rows, self.rows

    def seat_angle(self, seat: int) -> float:
        """The angle (0 = left end, pi = right end) of seat number `seat` (1-based)."""
        if self.seats <= 0:
            return 0.0
        return _angle(self, self.cells[min(self.seats, max(1, seat)) - 1])

    def mark_cell(self, seat: int, out: float = 1.0) -> tuple[int, int]:
        """The cell `out` rows beyond the outer ring, on the ray through seat `seat`."""
        theta = self.seat_angle(seat)
        radius = self.rows + out - 0.5
        cx, cy = self.centre
        return cx - round(2 * radius * math.cos(theta)), cy - round(radius * math.sin(theta))

    def ray_cells(self, seat: int) -> list[tuple[int, int]]:
        """The cells of the well (inside the inner ring) on the ray through seat `seat`."""
        theta = self.seat_angle(seat)
        cx, cy = self.centre
        inner = INNER * self.rows - 0.5
        out: list[tuple[int, int]] = []
        steps = max(2, int(inner * 3))
        taken = set(self.cells)
        for i in range(1, steps):
            r = inner * i / steps
            cell = (cx - round(2 * r * math.cos(theta)), cy - round(r * math.sin(theta) + 0.5))
            if cell not in out and cell not in taken and 0 <= cell[1] < self.rows:
                out.append(cell)
        return out


def _angle(chamber: Chamber, cell: tuple[int, int]) -> float:
    cx, cy = chamber.centre
    dx = (cx - cell[0]) / 2
    dy = cy - cell[1] - 0.5
    return math.atan2(dy, dx)


def _ring(rows: int, spacing: int) -> list[tuple[float, float, int, int]]:
    """Every cell of a half ring `rows` tall: (angle, radius, col, row)."""
    cx, cy = 2 * rows, rows
    inner = INNER * rows
    out = []
    for row in range(rows):
        dy = cy - row - 0.5
        for col in range(row % spacing if spacing == 2 else 0, 4 * rows + 1, spacing):
            dx = (cx - col) / 2
            r = math.hypot(dx, dy)
            if inner <= r <= rows:
                out.append((math.atan2(dy, dx), r, col, row))
    return out


@lru_cache(maxsize=256)
def capacity(rows: int, spacing: int) -> int:
    """How many seats a half ring `rows` tall holds."""
    return len(_ring(rows, spacing))


@lru_cache(maxsize=64)
def chamber(seats: int, rows: int, spacing: int = 2) -> Chamber:
    """`seats` seats on a half ring `rows` cells tall (ValueError if they do not fit).

    When the ring has more cells than seats, the innermost cells are left out (the well grows a
    little), so that the outer rows stay whole.
    """
    if seats < 0 or rows < 1 or spacing not in (1, 2):
        raise ValueError("a chamber needs seats >= 0, rows >= 1 and spacing 1 or 2")
    ring = _ring(rows, spacing)
    if len(ring) < seats:
        raise ValueError(f"{seats} seats do not fit in {rows} rows")
    spare = len(ring) - seats
    if spare:  # the innermost cells go: the well grows a little, the edge stays smooth
        by_radius = sorted(range(len(ring)), key=lambda i: (ring[i][1], abs(ring[i][0] - 1.5)))
        drop = set(by_radius[:spare])
        ring = [c for i, c in enumerate(ring) if i not in drop]
    # by angle from the left end; at equal angles the outer seat first
    ring.sort(key=lambda c: (round(c[0], 9), -c[1]))
    return Chamber(seats, rows, spacing, tuple((c[2], c[3]) for c in ring))


def fit(seats: int, max_cols: int, max_rows: int) -> Chamber | None:
    """The largest chamber for `seats` within a box of cells (spaced seats preferred), or None.

    The result leaves a row above and a column each side for the threshold marks.
    """
    best: Chamber | None = None
    for spacing in (2, 1):
        for rows in range(1, max_rows):  # one row kept for the marks above the ring
            if 4 * rows + 1 > max_cols - 2:
                break
            if capacity(rows, spacing) >= seats:
                best = chamber(seats, rows, spacing)
                break
        if best is not None:
            return best
    return None


@dataclass(frozen=True)
class SeatRun:
    """A run of consecutive seats drawn alike: `count` seats of `label` in `color`."""

    label: str
    count: int
    color: str
    member: bool
    disputed: bool = False


def chamber_svg(runs: list[SeatRun], title: str, marks: list[tuple[int, str]],
                outside_opacity: float = 0.35) -> str:
    """A hand-out SVG of the hemicycle: one circle per seat, the threshold lines, a legend.

    `marks` are (seats, label) pairs such as (21, "Majority 21"). Every text is
    escaped; the SVG needs no fonts beyond the viewer's sans-serif.
    """
    from xml.sax.saxutils import escape

    seats = sum(r.count for r in runs)
    rows = max(4, round(math.sqrt(seats / 1.6)))
    while seats and capacity(rows, 2) < seats:
        rows += 1
    ch = chamber(seats, rows, 2)
    unit = 14.0
    side = 170.0  # room for the threshold labels left and right of the ring
    ring_w = (ch.width + 4) * unit / 2
    width = max(ring_w + 2 * side, 9.0 * len(title) + 40)
    top = 60.0
    cx, cy = ch.centre
    height = top + (rows + 1) * unit + 30 + 18 * len(runs)
    x_left = (width - ring_w) / 2
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" '
             f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
             'font-family="sans-serif">',
             '<rect width="100%" height="100%" fill="#ffffff"/>',
             f'<text x="{width / 2:.1f}" y="28" font-size="16" text-anchor="middle">'
             f'{escape(title)}</text>']

    def xy(col: float, row: float) -> tuple[float, float]:
        return x_left + (col + 2) * unit / 2, top + (row + 0.5) * unit

    k = 0
    for run in runs:
        for _ in range(run.count):
            x, y = xy(*ch.cells[k])
            k += 1
            opacity = 1.0 if run.member else outside_opacity
            if run.disputed:
                parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{unit * 0.4:.1f}" '
                             f'fill="none" stroke="{run.color}" stroke-width="2" '
                             'stroke-dasharray="2,2"/>')
            else:
                parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{unit * 0.4:.1f}" '
                             f'fill="{run.color}" fill-opacity="{opacity}"/>')
    ox, oy = xy(cx, cy)
    for seat, label in marks:
        theta = ch.seat_angle(seat)
        r_out = (rows + 0.8) * unit
        x2 = ox - r_out * math.cos(theta)
        y2 = oy - r_out * math.sin(theta) - unit / 2
        parts.append(f'<line x1="{ox:.1f}" y1="{oy - unit / 2:.1f}" x2="{x2:.1f}" '
                     f'y2="{y2:.1f}" stroke="#222222" stroke-width="1.5" '
                     'stroke-dasharray="4,3"/>')
        anchor = "end" if theta < math.pi / 2 - 0.2 else "start" if theta > math.pi / 2 + 0.2 \
            else "middle"
        parts.append(f'<text x="{x2:.1f}" y="{y2 - 4:.1f}" font-size="12" '
                     f'text-anchor="{anchor}">{escape(label)}</text>')
    y = top + (rows + 1) * unit + 20
    for run in runs:
        if run.count <= 0:
            continue
        opacity = 1.0 if run.member else outside_opacity
        parts.append(f'<rect x="{x_left:.1f}" y="{y - 10:.1f}" width="12" height="12" '
                     f'fill="{run.color}" fill-opacity="{opacity}"/>')
        parts.append(f'<text x="{x_left + 20:.1f}" y="{y:.1f}" font-size="12">{escape(run.label)} '
                     f'({run.count})</text>')
        y += 18
    parts.append("</svg>")
    return "\n".join(parts) + "\n"

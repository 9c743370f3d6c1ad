"""A braille canvas: a grid of terminal cells, each 2 dots wide and 4 tall, one colour a cell.

Used by the power chart (step lines) and the actor map (edges). Drawing is plain Python; `rows()`
returns rich `Text` lines. Where two colours meet in one cell the one drawn last wins, so the
thing that should stand out is drawn last.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

#: the dot bit of column x (0-1), row y (0-3) inside a braille cell (Unicode's numbering)
_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))


class Canvas:
    """`width` × `height` cells; dots are addressed (x, y) from the top left, 2w × 4h of them."""

    def __init__(self, width: int, height: int):
        self.width, self.height = max(0, width), max(0, height)
        self.bits = [[0] * self.width for _ in range(self.height)]
        self.styles: list[list[Style | None]] = [[None] * self.width for _ in range(self.height)]
        self.text: dict[tuple[int, int], tuple[str, Style | str]] = {}
        self.back: dict[tuple[int, int], Style] = {}

    @property
    def dots(self) -> tuple[int, int]:
        return 2 * self.width, 4 * self.height

    def dot(self, x: int, y: int, style: Style) -> None:
        if 0 <= x < 2 * self.width and 0 <= y < 4 * self.height:
            col, row = x // 2, y // 4
            self.bits[row][col] |= _BITS[y % 4][x % 2]
            self.styles[row][col] = style

    def line(self, x0: int, y0: int, x1: int, y1: int, style: Style) -> None:
        """A straight line of dots (Bresenham)."""
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
        err = dx + dy
        while True:
            self.dot(x0, y0, style)
            if x0 == x1 and y0 == y1:
                return
            e2 = 2 * err
            if e2 >= dy:
                err += dy
                x0 += sx
            if e2 <= dx:
                err += dx
                y0 += sy

    def put(self, col: int, row: int, text: str, style: Style | str = "") -> None:
        """Text over the dots (labels, marks), one character a cell."""
        for i, ch in enumerate(text):
            if 0 <= col + i < self.width and 0 <= row < self.height:
                self.text[(col + i, row)] = (ch, style)

    def shade(self, col: int, row: int, style: Style) -> None:
        """A background for one cell (a highlighted column, say)."""
        if 0 <= col < self.width and 0 <= row < self.height:
            self.back[(col, row)] = style

    def rows(self) -> list[Text]:
        """The canvas as Text lines, one span per run of cells drawn alike."""
        out = []
        parsed: dict[str, Style] = {}
        for row in range(self.height):
            line = Text(no_wrap=True, overflow="crop", end="")
            run: list[str] = []
            run_style: Style | None = None
            bits, styles = self.bits[row], self.styles[row]
            for col in range(self.width):
                cell = (col, row)
                if cell in self.text:
                    ch, style = self.text[cell]
                    if isinstance(style, str):
                        style = parsed.setdefault(style, Style.parse(style))
                elif bits[col]:
                    ch, style = chr(0x2800 + bits[col]), styles[col]
                else:
                    ch, style = " ", None
                back = self.back.get(cell)
                if back is not None:
                    style = back + style if style else back
                if style != run_style and run:
                    line.append("".join(run), run_style)
                    run = []
                run_style = style
                run.append(ch)
            if run:
                line.append("".join(run), run_style)
            out.append(line)
        return out

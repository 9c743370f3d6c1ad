"""Words and numbers as every layer writes them: seat ranges, plurals, shares.

One place for each: the TUI, the CLI, the adventure, the report and the lessons all call these,
so a seat range reads "39–40" and a share "20.0%" everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class SeatRange:
    """A seat figure that sources may give as a range: `str()` is "91" or "39–40"."""

    low: int
    high: int

    def __str__(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def seats(self) -> str:
        """'1 seat', '91 seats', '39–40 seats'."""
        return f"{self} seat" + ("" if self.high == 1 else "s")


def range_text(low: int, high: int) -> str:
    """'91' or '39–40'."""
    return str(SeatRange(low, high))


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 challenge', '2 challenges' ('1 party', '2 parties' with many='parties')."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def percent(value: object) -> str:
    """A share as a percentage with one decimal: 0.2 -> '20.0%'."""
    return f"{float(value):.1%}"


def is_are(n: int) -> str:
    return "is" if n == 1 else "are"

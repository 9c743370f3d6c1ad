"""Dates with a precision: an event known only to the month is never shown as a day."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = (
    "January February March April May June July August September October November December"
).split()

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A date known to the day, the month or the year; ordered by its first day."""

    start: date
    precision: str = "day"  # day | month | year

    def __str__(self) -> str:
        if self.precision == "year":
            return str(self.start.year)
        if self.precision == "month":
            return f"{_MONTHS[self.start.month - 1]} {self.start.year}"
        return f"{self.start.day} {_MONTHS[self.start.month - 1]} {self.start.year}"

    @property
    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.start.year:04d}"
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()


def parse_fuzzy(text: object) -> FuzzyDate:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError with a readable reason."""
    if isinstance(text, date):
        return FuzzyDate(text, "day")
    if not isinstance(text, str):
        raise ValueError(f"a date must be a string like \"2010-03-07\", not {text!r}")
    m = _PATTERN.match(text.strip())
    if not m:
        raise ValueError(f"{text!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        if day:
            return FuzzyDate(date(int(year), int(month), int(day)), "day")
        if month:
            return FuzzyDate(date(int(year), int(month), 1), "month")
        return FuzzyDate(date(int(year), 1, 1), "year")
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a real date ({exc})") from None


def parse_day(text: object) -> date:
    """Parse a full YYYY-MM-DD date (for since/until and --date)."""
    fuzzy = parse_fuzzy(text)
    if fuzzy.precision != "day":
        raise ValueError(f"{text!r} needs a day: write YYYY-MM-DD")
    return fuzzy.start


def active(on: date | None, since: date | None, until: date | None) -> bool:
    """True when something that holds from `since` (inclusive) to `until` (exclusive) holds `on`."""
    if on is None:
        return True
    if since is not None and on < since:
        return False
    if until is not None and on >= until:
        return False
    return True

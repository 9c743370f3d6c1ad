"""Counting words: "1 challenge", "2 challenges", "(1 seat)". A stop-gap until the shared
text-helpers module lands; it holds only what the messages of the engine need."""

from __future__ import annotations

_IRREGULAR = {"person": "people", "city": "cities", "party": "parties", "ally": "allies"}


def plural(noun: str, n: int) -> str:
    """noun for n of it: 'seat' for 1, 'seats' otherwise."""
    if n == 1:
        return noun
    return _IRREGULAR.get(noun, noun + ("es" if noun.endswith(("s", "sh", "ch", "x")) else "s"))


def count(n: int, noun: str) -> str:
    """'1 challenge', '3 challenges', '1,200 seats'."""
    return f"{n:,} {plural(noun, n)}"


def seats(low: int | str, high: int | None = None) -> str:
    """'1 seat', '76 seats', '39–40 seats' (low may be a figure already written out)."""
    if isinstance(low, str):
        return f"{low} {'seat' if low == '1' else 'seats'}"
    if high is None or high == low:
        return count(low, "seat")
    return f"{low:,}–{high:,} seats"

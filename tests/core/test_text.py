"""The shared text helpers: seat ranges, plurals, shares."""

from __future__ import annotations

from fractions import Fraction

from explorer.core.text import SeatRange, is_are, percent, plural, range_text


def test_a_seat_range_reads_as_one_number_or_a_range():
    assert str(SeatRange(91, 91)) == "91" and SeatRange(91, 91).exact
    assert str(SeatRange(39, 40)) == "39–40" and not SeatRange(39, 40).exact
    assert range_text(8, 9) == "8–9"


def test_seats_agree_in_number():
    assert SeatRange(1, 1).seats() == "1 seat"
    assert SeatRange(0, 0).seats() == "0 seats"
    assert SeatRange(1, 2).seats() == "1–2 seats"


def test_plural_and_is_are():
    assert plural(1, "challenge") == "1 challenge"
    assert plural(2, "challenge") == "2 challenges"
    assert plural(0, "party", "parties") == "0 parties"
    assert (is_are(1), is_are(3)) == ("is", "are")


def test_percent_has_one_decimal():
    assert percent(Fraction(1, 5)) == "20.0%"
    assert percent(0) == "0.0%"
    assert percent(Fraction(2, 3)) == "66.7%"

"""The hemicycle's geometry: one cell per seat, filled by angle, fitted into a box."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest

from explorer.core.chamber import SeatRun, capacity, chamber, chamber_svg, fit


@pytest.mark.parametrize("spacing", [1, 2])
@pytest.mark.parametrize("seats", [1, 7, 150, 325])
def test_every_seat_has_its_own_cell_inside_the_chamber(seats, spacing):
    rows = next(r for r in range(1, 40) if capacity(r, spacing) >= seats)
    ch = chamber(seats, rows, spacing)
    assert len(ch.cells) == seats
    assert len(set(ch.cells)) == seats
    assert all(0 <= col < ch.width and 0 <= row < ch.rows for col, row in ch.cells)
    if spacing == 2:  # seats never touch sideways
        rows_of = {}
        for col, row in ch.cells:
            rows_of.setdefault(row, []).append(col)
        assert all(b - a >= 2 for cols in rows_of.values()
                   for a, b in zip(sorted(cols), sorted(cols)[1:], strict=False))


def test_seats_fill_from_the_left_end_to_the_right_end():
    ch = fit(325, 80, 14)
    angles = [ch.seat_angle(k) for k in range(1, 326)]
    assert all(b >= a - 1e-9 for a, b in zip(angles, angles[1:], strict=False))
    first, last = ch.cells[0], ch.cells[-1]
    assert first[0] < ch.width // 4 and last[0] > 3 * ch.width // 4
    # the middle seat sits near the top of the ring
    assert abs(ch.seat_angle(163) - math.pi / 2) < 0.1


def test_fit_stays_inside_the_box_and_prefers_spaced_seats():
    roomy = fit(325, 100, 20)
    assert roomy is not None and roomy.spacing == 2 and roomy.width <= 98 and roomy.rows < 20
    short = fit(325, 100, 13)
    assert short is not None and short.spacing == 1 and short.rows < 13
    assert fit(325, 30, 6) is None


def test_too_many_seats_for_the_rows_is_an_error():
    with pytest.raises(ValueError):
        chamber(325, 5, 2)
    with pytest.raises(ValueError):
        chamber(10, 3, 3)


def test_threshold_marks_sit_above_the_ring_and_rays_inside_the_well():
    ch = fit(325, 80, 14)
    col, row = ch.mark_cell(163)
    assert row < min(r for c, r in ch.cells if abs(c - col) <= 1)
    ray = ch.ray_cells(217)
    assert ray and not set(ray) & set(ch.cells)


def test_the_svg_hand_out_has_one_circle_per_seat_and_escaped_labels():
    runs = [SeatRun("A <&> list", 91, "#4e79a7", True), SeatRun("B", 70, "#f28e2b", True),
            SeatRun("disputed", 2, "#888888", True, disputed=True),
            SeatRun("C", 162, "#e15759", False)]
    text = chamber_svg(runs, "Title & more", [(163, "Absolute majority 163")])
    root = ET.fromstring(text)
    circles = root.findall("{http://www.w3.org/2000/svg}circle")
    assert len(circles) == 325
    assert sum(c.get("fill") == "none" for c in circles) == 2
    texts = "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "A <&> list (91)" in texts and "Absolute majority 163" in texts

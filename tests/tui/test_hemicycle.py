"""The hemicycle in the coalition builder: what it draws, the key that switches it, snapshots."""

from __future__ import annotations

from datetime import date

from tui_helpers import plain

from explorer.tui.app import make_app
from explorer.tui.coalition_screen import CoalitionScreen
from explorer.tui.hemicycle import DISPUTED, SEAT, Hemicycle, render_hemicycle
from explorer.tui.seatbar import BarLine, BarModel, BarSegment, SeatBar

APRIL = date(2010, 4, 1)


def model(members=((91, "a"), (70, "b")), disputed=0, total=325):
    segs = [BarSegment(k, (k,), s, str(s), "#4e79a7", True) for s, k in members]
    if disputed:
        segs.append(BarSegment("~range", (), disputed, "", "#8a8a8a", True, True))
    used = sum(s.seats for s in segs)
    segs.append(BarSegment("rest", ("rest",), total - used, "", "#4a4a4a", False))
    low = sum(s for s, _ in members)
    lines = (BarLine(163, "Absolute majority", "not_reached", 163 - low, 0),
             BarLine(217, "Two-thirds", "not_reached", 217 - low, 0))
    return BarModel(total, tuple(segs), lines, low, low + disputed)


def seats_in(text) -> tuple[int, int]:
    s = text.plain
    return s.count(SEAT), s.count(DISPUTED)


def test_every_seat_is_drawn_once_and_disputed_seats_are_hollow():
    text = render_hemicycle(model(disputed=2), (("rest", "#e15759"),), 100, 14)
    assert seats_in(text) == (323, 2)
    out = plain(text, 100)
    assert "163" in out and "217" in out and "161–163 of 325" in out
    assert "2 short" in out or "short" in out


def test_members_are_solid_and_the_others_dimmed_in_their_own_colour():
    text = render_hemicycle(model(), (("rest", "#e15759"),), 100, 14)
    colors = {}
    for span in text.spans:
        style = span.style
        if hasattr(style, "color") and style.color and text.plain[span.start] == SEAT:
            colors.setdefault(style.color.name, 0)
            colors[style.color.name] += span.end - span.start
    assert colors.get("#4e79a7") == 161  # the members, in their colour
    dimmed = [c for c in colors if c not in ("#4e79a7",)]
    assert dimmed and all(c != "#e15759" for c in dimmed)  # the rest: a dimmed red, not red
    assert sum(colors.values()) == 325


def test_too_small_a_box_draws_nothing():
    assert render_hemicycle(model(), (), 20, 5).plain == ""


async def _builder(pilot) -> CoalitionScreen:
    await pilot.app.switch_mode("coalition")
    for _ in range(50):
        if isinstance(pilot.app.screen, CoalitionScreen) and pilot.app.screen.evaluation:
            break
        await pilot.pause()
    return pilot.app.screen


async def test_h_switches_between_the_bar_and_the_hemicycle(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=APRIL)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _builder(pilot)
        assert screen.query_one(SeatBar).display and not screen.query_one(Hemicycle).display
        await pilot.press("h")
        await pilot.pause()
        hemi = screen.query_one(Hemicycle)
        assert hemi.display and not screen.query_one(SeatBar).display
        app.state.add("iraqiya")
        await pilot.pause()
        assert hemi.model.low == 91  # redrawn on every change
        await pilot.press("h")
        await pilot.pause()
        assert screen.query_one(SeatBar).display and not hemi.display


async def test_small_windows_keep_the_bar(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=APRIL)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _builder(pilot)
        said: list[str] = []
        screen.notify = lambda message, **_kw: said.append(message)  # notices expire
        await pilot.press("h")
        await pilot.pause()
        assert screen.query_one(SeatBar).display and not screen.query_one(Hemicycle).display
        assert any("hemicycle needs" in m for m in said)


def _hemicycle_app(bundled_atlas, *members, splits=()):
    async def run_before(pilot) -> None:
        await _builder(pilot)
        for unit in splits:
            pilot.app.state.split(unit)
        for member in members:
            pilot.app.state.add(member)
        await pilot.press("h")
        await pilot.pause()

    return make_app(atlas=bundled_atlas, on=APRIL), run_before


def test_snapshot_hemicycle_empty(snap_compare, bundled_atlas):
    app, run_before = _hemicycle_app(bundled_atlas)
    assert snap_compare(app, run_before=run_before, terminal_size=(120, 40))


def test_snapshot_hemicycle_161(snap_compare, bundled_atlas):
    app, run_before = _hemicycle_app(bundled_atlas, "iraqiya", "ina")
    assert snap_compare(app, run_before=run_before, terminal_size=(120, 40))


def test_snapshot_hemicycle_disputed(snap_compare, bundled_atlas):
    app, run_before = _hemicycle_app(bundled_atlas, "sol", "sadrists", "kdp", "puk",
                                     splits=("ina", "kurdistan_alliance"))
    assert snap_compare(app, run_before=run_before, terminal_size=(120, 40))


async def test_the_lesson_screen_switches_to_the_hemicycle_too(bundled_atlas):
    from explorer.tui.lesson_screen import LessonScreen

    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.switch_mode("lesson")
        for _ in range(50):
            if isinstance(app.screen, LessonScreen) and app.screen.run is not None:
                break
            await pilot.pause()
        screen = app.screen
        await pilot.press("h")
        await pilot.pause()
        hemi = screen.query_one(Hemicycle)
        assert hemi.display and not screen.query_one(SeatBar).display
        assert hemi.model.total == bundled_atlas.pack.parliament_size
        assert hemi.model == screen.query_one(SeatBar).model
        for _ in range(3):  # every step redraws the hemicycle with the step's coalition
            await pilot.press("n")
            await pilot.pause()
            assert hemi.display and hemi.model == screen.query_one(SeatBar).model

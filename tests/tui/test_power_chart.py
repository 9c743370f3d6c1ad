"""Power over time in the TUI: the chart screen opened from the builder, its keys, a snapshot."""

from __future__ import annotations

from datetime import date

from tui_helpers import plain

from explorer.core.power_series import power_series
from explorer.tui.app import make_app
from explorer.tui.coalition_screen import CoalitionScreen
from explorer.tui.power_chart import PowerChart, PowerOverTimeScreen, chart_rows

OCTOBER = date(2010, 10, 1)


def test_chart_rows_mark_every_event_date(bundled_atlas):
    series = power_series(bundled_atlas)
    rows = chart_rows(series, 110, 20, "iraqiya", 3, 3)
    assert len(rows) == 20
    axis = rows[-2].plain
    assert axis.count("┬") + axis.count("┼") == len(series.points)
    assert "┼" in axis  # the cursor's date
    assert "1.00" in rows[0].plain and "0.00" in rows[-3].plain
    assert "Aug 2009" in rows[-1].plain


async def _open_chart(pilot, pm: str | None = "maliki") -> PowerOverTimeScreen:
    app = pilot.app
    await app.switch_mode("coalition")
    for _ in range(50):
        if isinstance(app.screen, CoalitionScreen) and app.screen.evaluation:
            break
        await pilot.pause()
    if pm:
        app.state.set_pm(pm)
    await pilot.press("T")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, PowerOverTimeScreen)
    return app.screen


async def test_the_chart_opens_feasible_under_the_pm_and_enter_stands_on_a_date(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=OCTOBER)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_chart(pilot)
        chart = screen.query_one(PowerChart)
        series = chart.series
        assert series.feasible and series.pm == "maliki"
        assert series.points[chart.current].on == OCTOBER == series.points[chart.cursor].on
        await pilot.press("right", "right")
        target = series.points[chart.cursor].on
        assert target > OCTOBER
        await pilot.press("enter")
        await pilot.pause()
        assert app.state.on == target and chart.current == chart.cursor
        assert "(you are here)" in plain(screen.query_one("#pc-point").render())
        await pilot.press("f")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert chart.series is not None and not chart.series.feasible
        before = chart.selected
        await pilot.press("down")
        assert chart.selected != before
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CoalitionScreen)


def test_snapshot_power_over_time_feasible_under_maliki(snap_compare, bundled_atlas):
    async def run_before(pilot) -> None:
        screen = await _open_chart(pilot)
        chart = screen.query_one(PowerChart)
        while chart.selected != "national_alliance":
            await pilot.press("down")
        await pilot.pause()

    assert snap_compare(make_app(atlas=bundled_atlas, on=OCTOBER), run_before=run_before,
                        terminal_size=(120, 40))

"""The why panel of the power table: Enter or w on a row explains the unit's power."""

from __future__ import annotations

from datetime import date

from test_coalition_screen import choose_pm, go_to, open_builder
from tui_helpers import plain

from explorer.tui.app import make_app
from explorer.tui.coalition_panels import PowerPanel
from explorer.tui.coalition_screen import CoalitionScreen
from explorer.tui.why_screen import WhyScreen

OCT_2 = date(2010, 10, 2)


async def _focus_power(pilot, screen):
    await pilot.press("i")
    panel = screen.query_one(PowerPanel)
    for _ in range(12):
        if panel.has_focus:
            break
        await pilot.press("tab")
    assert panel.has_focus
    return panel


async def _why_text(pilot) -> str:
    for _ in range(50):
        if isinstance(pilot.app.screen, WhyScreen):
            break
        await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WhyScreen)
    return " ".join(plain(screen.query_one("#why-body").content, width=100).split())


async def test_enter_on_the_power_table_explains_a_zero(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=OCT_2)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_builder(pilot)
        await choose_pm(pilot, "maliki")
        panel = await _focus_power(pilot, screen)
        ids = [r.id for r in panel.rows]
        await pilot.press(*["down"] * ids.index("national_alliance"))
        assert panel.highlighted_id() == "national_alliance"
        await pilot.press("enter")
        text = await _why_text(pilot)
        assert "National Alliance holds 159 of 325 seats" in text
        assert "Islamic Supreme Council of Iraq refuses to serve under Nouri al-Maliki" in text
        assert "aawsat.com" in text  # the refusal's source
        assert "Smallest coalitions in which it is pivotal" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CoalitionScreen)


async def test_w_on_the_unit_table_explains_the_kurds(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=OCT_2)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_builder(pilot)
        await go_to(pilot, screen, "kurdish_coalition")
        await pilot.press("w")
        text = await _why_text(pilot)
        assert "Kurdish coalition holds 57 of 325 seats (17.5%)" in text
        assert "5.0% of the swings" in text
        assert "National Alliance + Kurdish coalition" in text


def test_snapshot_why_panel_100x30(snap_compare, bundled_atlas):
    async def run_before(pilot) -> None:
        screen = await open_builder(pilot)
        await choose_pm(pilot, "maliki")
        await go_to(pilot, screen, "national_alliance")
        await pilot.press("w")
        await _why_text(pilot)

    app = make_app(atlas=bundled_atlas, on=OCT_2, present=True)
    assert snap_compare(app, run_before=run_before, terminal_size=(100, 30))

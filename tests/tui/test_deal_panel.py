"""The builder's deal tab: posts by member, Gamson and Banzhaf shares, verdicts; the real
allocation one key away; and the terms made in the adventure showing up there."""

from __future__ import annotations

from datetime import date

from tui_helpers import plain

from explorer.tui.app import make_app
from explorer.tui.deal_panel import DealPanel

NOVEMBER = date(2010, 11, 13)


async def open_builder(pilot):
    from explorer.tui.coalition_screen import CoalitionScreen

    await pilot.app.switch_mode("coalition")
    for _ in range(50):
        if isinstance(pilot.app.screen, CoalitionScreen) and pilot.app.screen.evaluation:
            break
        await pilot.pause()
    return pilot.app.screen


def panel_text(screen) -> str:
    return plain(screen.query_one(DealPanel).render(), width=160)


async def test_d_shows_the_deal_and_shift_d_the_real_allocation(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=NOVEMBER)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_builder(pilot)
        app.state.add_many(["sol", "sadrists"])
        app.state.set_pm("maliki")
        await pilot.press("d")
        await pilot.pause()
        text = panel_text(screen)
        assert "Your deal on 2010-11-13" in text
        assert "State of Law Coalition" in text and "✓ accepts" in text
        assert "Sadrist movement" in text and "✗ refuses" in text
        assert "not promised the release of detainees" in text
        assert "The Erbil agreement" not in text
        await pilot.press("D")
        await pilot.pause()
        text = panel_text(screen)
        assert "The Erbil agreement and Maliki's second cabinet" in text
        assert "Osama al-Nujaifi" in text


async def test_terms_offered_in_the_adventure_reach_the_panel(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=NOVEMBER)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.app.switch_mode("adventure")
        for _ in range(50):
            if getattr(app, "deal_engine", None) is not None:
                break
            await pilot.pause()
        engine = app.deal_engine
        for line in ("pm maliki", "invite sol", "invite sadrists", "promise detainees to sadr",
                     "promise withdrawal to sadr", "offer president to sadr"):
            engine.handle(line)
        screen = await open_builder(pilot)
        await pilot.press("d")
        await pilot.pause()
        text = panel_text(screen)
        assert "president" in text and "promised the release of detainees" in text
        assert "Sadrist movement" in text

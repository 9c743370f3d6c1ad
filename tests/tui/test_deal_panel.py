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


async def test_the_deal_view_works_on_the_belgian_pack():
    """Another parliament's posts, red lines and real deal in the same panel."""
    from explorer.core.graph import Atlas
    from explorer.core.loader import load_pack
    from explorer.tui.coalition_screen import CoalitionScreen

    app = make_app(atlas=Atlas(load_pack("belgium-2010")), on=date(2011, 10, 14))
    async with app.run_test(size=(160, 50)) as pilot:
        await app.switch_mode("coalition")
        for _ in range(50):
            if isinstance(app.screen, CoalitionScreen) and app.screen.evaluation:
                break
            await pilot.pause()
        screen = app.screen
        app.state.add_many(["ps", "cd-v", "groen"])
        app.state.set_pm("di-rupo")
        await pilot.press("d")
        await pilot.pause()
        text = plain(screen.query_one(DealPanel).render(), width=160)
        assert "Your deal on 2011-10-14" in text and "PS" in text
        assert "CD&V will not sit with Groen!" in text
        await pilot.press("D")
        await pilot.pause()
        text = plain(screen.query_one(DealPanel).render(), width=160)
        assert "The butterfly agreement and Di Rupo's government" in text
        assert "(Laurette" in text and "Steven Vanackere" in text  # side by side, wrapped


async def test_the_deal_tab_brought_forward_shows_the_table_as_it_is_now(bundled_atlas):
    """With the deal tab behind, an edit does not evaluate the deal; bringing the tab forward
    (a click on it, not d) draws it from the coalition of that moment."""
    from textual.widgets import TabbedContent

    app = make_app(atlas=bundled_atlas, on=NOVEMBER)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_builder(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert "Sadrist movement" not in panel_text(screen)
        screen.query_one(TabbedContent).active = "cs-tab-tensions"
        await pilot.pause()
        app.state.add_many(["sol", "sadrists"])  # edits with the deal tab behind
        app.state.set_pm("maliki")
        await pilot.pause()
        screen.query_one(TabbedContent).active = "cs-tab-deal"
        for _ in range(20):
            await pilot.pause()
            if "Sadrist movement" in panel_text(screen):
                break
        text = panel_text(screen)
        assert "State of Law Coalition" in text and "Sadrist movement" in text

"""The story order in the app: stepping shows each event as Now once, the timeline takes a typed
date, and the palette goes to a typed date."""

from __future__ import annotations

from datetime import date

from tui_helpers import plain, settle, status_text

from explorer.core.story import story
from explorer.tui.app import make_app
from explorer.tui.timeline import TimelineScreen

SIZE = (120, 40)


async def test_stepping_from_mid_september_to_october_shows_each_event_once(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=date(2010, 9, 16))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Barzani" in status_text(app.screen, "event")
        await pilot.press("full_stop")
        assert app.on == date(2010, 10, 1)
        assert "The Sadrists back Maliki" in status_text(app.screen, "event")
        await pilot.press("full_stop")
        assert app.on == date(2010, 10, 1)
        assert "Allawi meets King Abdullah" in status_text(app.screen, "event")
        await pilot.press("full_stop")
        st = story(bundled_atlas.pack)
        after_allawi = [e.id for e in st.events].index("allawi-riyadh") + 1
        assert app.on == st.days[after_allawi] > date(2010, 10, 1)
        await pilot.press("comma", "comma")
        assert "The Sadrists back Maliki" in status_text(app.screen, "event")


async def test_every_event_is_now_once_by_full_stops(bundled_atlas):
    pack = bundled_atlas.pack
    app = make_app(atlas=bundled_atlas, on=date(2010, 3, 1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        st = story(pack)
        seen = []
        for _ in range(len(st.events) - st.current(app.on) - 1):
            await pilot.press("full_stop")
            seen.append(status_text(app.screen, "event"))
        expected = st.events[st.current(date(2010, 3, 1)) + 1:]
        assert len(seen) == len(expected)
        assert all(e.title in text for e, text in zip(expected, seen, strict=True))


async def test_the_timeline_opens_a_month_event_after_what_it_follows(bundled_atlas):
    pack = bundled_atlas.pack
    app = make_app(atlas=bundled_atlas, on=date(2010, 3, 1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        events = app.screen.query_one("#events")
        target = [e.id for e in pack.events].index("talabani-tehran")
        delta = target - events.highlighted
        await pilot.press(*["down"] * delta, "enter")
        await pilot.pause()
        assert app.on == date(2010, 3, 26)  # after the results, not on 1 March
        assert "Talabani and Abdul Mahdi in Tehran" in status_text(app.screen, "event")


async def test_typing_a_date_in_the_timeline(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=date(2010, 3, 1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"2010-03-27", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, TimelineScreen)
        assert app.on == date(2010, 3, 27) and app.state.on == date(2010, 3, 27)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"2010-02-30", "enter")  # not a date: a warning, still open
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen) and app.on == date(2010, 3, 27)


async def test_palette_goes_to_a_typed_date(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"go to 2010-03-27")
        await settle(pilot, app)
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause()
        assert app.on == date(2010, 3, 27)


async def test_the_builder_before_the_results_says_so(bundled_atlas):
    from test_coalition_screen import open_builder

    from explorer.tui.coalition_panels import UnitTable, VerdictPanel

    app = make_app(atlas=bundled_atlas, on=date(2010, 3, 1))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_builder(pilot)
        text = plain(screen.query_one(VerdictPanel).render())
        assert "No results yet" in text and "2010-03-26" in text
        assert screen.query_one(UnitTable).rows_shown == ()
        await pilot.press("full_stop")  # the election: still no results
        await pilot.press("full_stop", "full_stop", "full_stop")  # ... to the results
        assert app.on == date(2010, 3, 26)
        assert "No results yet" not in plain(screen.query_one(VerdictPanel).render())
        assert len(screen.query_one(UnitTable).rows_shown) == 10

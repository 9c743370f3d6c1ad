"""The pack chooser: the app's first question with several bundled packs, and 'Open another content
pack' in the palette. Choosing the open pack goes on; choosing another remembers it and ends
this app with `switch_pack` set (the command line opens the app again on it)."""

from __future__ import annotations

from tui_helpers import page_text

from explorer.core import bundled
from explorer.tui.app import make_app
from explorer.tui.pack_chooser import PackChooserScreen


async def _chooser(pilot) -> PackChooserScreen:
    for _ in range(50):
        if isinstance(pilot.app.screen, PackChooserScreen):
            return pilot.app.screen
        await pilot.pause()
    raise AssertionError(f"no chooser, the screen is {pilot.app.screen!r}")


def _text(screen: PackChooserScreen) -> str:
    from textual.widgets import OptionList

    return page_text(screen.query_one(OptionList))


async def test_first_start_asks_and_shows_each_pack(bundled_atlas):
    app = make_app(atlas=bundled_atlas, choose_pack=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _chooser(pilot)
        text = _text(screen)
        for pid in bundled.bundled_ids():
            summary = bundled.pack_summary(pid)
            assert summary["title"] in text and f"{summary['seats']} seats" in text
            assert summary["about"].split()[0] in text
        assert "1 July 2009 – 31 December 2011" in text  # the Iraqi pack's dates
        assert "(open now)" in text


async def test_a_number_opens_another_pack_and_remembers_it(bundled_atlas):
    ids = bundled.bundled_ids()
    other = next(pid for pid in ids if pid != bundled_atlas.pack.id)
    app = make_app(atlas=bundled_atlas, choose_pack=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await _chooser(pilot)
        await pilot.press(str(ids.index(other) + 1))
        await pilot.pause()
    assert app.switch_pack == other
    assert bundled.remembered() == other and not bundled.needs_choice()


async def test_enter_on_the_open_pack_goes_on_and_remembers(bundled_atlas):
    app = make_app(atlas=bundled_atlas, choose_pack=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await _chooser(pilot)
        await pilot.press("enter")  # the open pack is highlighted
        await pilot.pause()
        assert not isinstance(app.screen, PackChooserScreen) and app.is_running
        assert app.switch_pack is None
    assert bundled.remembered() == bundled_atlas.pack.id


async def test_arrows_move_and_escape_goes_on_without_remembering(bundled_atlas):
    app = make_app(atlas=bundled_atlas, choose_pack=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _chooser(pilot)
        from textual.widgets import OptionList

        options = screen.query_one(OptionList)
        before = options.highlighted
        await pilot.press("up")
        assert options.highlighted != before
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, PackChooserScreen)
    assert bundled.remembered() is None and bundled.needs_choice()  # asked again next time


async def test_the_palette_switches_pack_later(bundled_atlas):
    ids = bundled.bundled_ids()
    other = next(pid for pid in ids if pid != bundled_atlas.pack.id)
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"another content pack")
        await pilot.pause(0.3)
        await pilot.press("enter")
        screen = await _chooser(pilot)
        assert "Open another content pack" in str(screen.query_one(".chooser-title").render())
        await pilot.press(str(ids.index(bundled_atlas.pack.id) + 1))  # the open one: stay
        await pilot.pause()
        assert app.is_running and app.switch_pack is None
        app.action_choose_pack()
        await _chooser(pilot)
        await pilot.press(str(ids.index(other) + 1))
        await pilot.pause()
    assert app.switch_pack == other and bundled.remembered() == other


async def test_f1_names_the_way_to_another_pack(bundled_atlas):
    from tui_helpers import plain

    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert "open another content pack" in plain(app.screen.body, width=100)


async def test_the_chooser_fits_the_smallest_screen(bundled_atlas):
    app = make_app(atlas=bundled_atlas, choose_pack=True)
    async with app.run_test(size=(60, 16)) as pilot:
        screen = await _chooser(pilot)
        hint = screen.query_one(".chooser-hint")
        title = screen.query_one(".chooser-title")
        for widget in (hint, title):
            region = widget.region
            assert region.height >= 1 and region.bottom <= 16 and region.right <= 60

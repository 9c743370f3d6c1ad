"""What a first-time student meets (issue 18): each numbered problem, and nothing lost."""

from __future__ import annotations

from datetime import date

from tui_helpers import plain

from explorer.core import session
from explorer.tui.app import make_app
from explorer.tui.resume_screen import ResumeScreen

SIZE = (80, 24)


async def _open(pilot, app, mode_key):
    await pilot.press(mode_key)
    await pilot.pause()
    return app.screen


# 2. the narration re-wraps: never under the scroll bar, never a horizontal scroll, wide on wide
async def test_adventure_text_rewraps_on_resize(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, app, "a")
        log = screen.log_widget

        def widest() -> int:
            return max(strip.cell_length for strip in log.lines)

        for width, height in ((80, 24), (60, 16), (200, 60)):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            await pilot.pause()
            room = log.scrollable_content_region.width
            assert widest() <= room, (width, widest(), room)
            assert log.virtual_size.width <= room + 2  # no horizontal scrolling
        assert widest() > 120  # 200 columns: the text uses them


# 3. the focused pane is marked
async def test_the_focused_pane_has_an_accent_bar(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        actors, page = screen.actor_list, screen.page
        assert actors.has_focus
        assert actors.styles.border_left[0] == "thick"
        assert page.styles.border_left[0] != "thick"
        await pilot.press("right")
        assert page.has_focus and page.styles.border_left[0] == "thick"
        assert actors.styles.border_left[0] != "thick"


# 4. Home in the coalition table
async def test_home_and_end_move_in_the_coalition_table(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot, app, "c")
        table = screen.query_one("UnitTable")
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home")
        assert table.cursor_row == 0


# 4 and 5. q with a coalition asks first; a second q quits; the footer fits 80 columns
async def test_q_with_work_asks_first_then_quits(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app, "c")
        await pilot.press("space")
        await pilot.press("q")
        assert app.is_running and app._quit_armed
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running
    kept = session.load(bundled_atlas)
    assert kept is not None and kept.members and kept.mode == "coalition"


async def test_footer_fits_eighty_columns_and_starts_with_help(bundled_atlas):
    from explorer.tui.footer import KeyFooter

    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("e", "c"):
            await _open(pilot, app, key)
            footer = app.screen.query_one(KeyFooter)
            keys = list(footer.children)
            assert keys and "Help" in keys[0].description
            assert sum(k.size.width for k in keys) <= 80, [k.description for k in keys]
            assert all(k.region.right <= 80 for k in keys)


# 6. at 60×16 the tensions are reachable in the builder
async def test_tensions_reachable_at_60x16(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=(60, 16)) as pilot:
        screen = await _open(pilot, app, "c")
        await pilot.press("space", "down", "space")
        tabs = screen.query_one("#cs-tabs")
        await pilot.press("i")
        await pilot.pause()
        visible = tabs.region.intersection(screen.region)
        assert visible.height >= 3, (tabs.region, screen.region)
        assert screen.focused in list(tabs.query("VerticalScroll"))  # the keyboard is there
        body = screen.query_one("#cs-body")
        assert body.styles.layout.name == "vertical"  # one scrolling column under 80 columns


# 7. F12 works over a dialog and the notices do not pile up
async def test_f12_saves_over_the_timeline_and_the_palette(bundled_atlas, tmp_path,
                                                           monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.press("f12")
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()
        assert len(app._notifications) <= 1
    assert len(list((tmp_path / "screenshots").glob("*.svg"))) == 2


# 8. the palette offers only splits that work; s on a list without parts says so
async def test_split_offers_are_true_and_s_explains(bundled_atlas):
    from explorer.core.seats import splittable
    from explorer.tui.commands import ActionCommands

    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot, app, "c")
        provider = ActionCommands(app.screen)
        for title, _help, callback in provider._commands():
            if title.startswith("Split "):
                unit = callback.args[0]
                assert splittable(bundled_atlas.pack, app.state.picture, unit), title
        plain_unit = next(u.id for u in app.state.picture.units
                          if not splittable(bundled_atlas.pack, app.state.picture, u.id))
        seen = []
        screen.notify = lambda message, **kw: seen.append(message)
        rows = [u.id for u in app.state.picture.units]
        screen.query_one("UnitTable").move_cursor(row=rows.index(plain_unit))
        await pilot.press("s")
        assert seen and "no parts to split" in seen[0]


# 9. names by date
def test_names_do_not_find_actors_of_another_date(bundled_atlas):
    on = date(2010, 3, 26)
    found = bundled_atlas.names.candidates("kurds", on=on)
    assert all(a.exists_on(on) for a in found)
    absent = bundled_atlas.names.not_yet("Kurdistan Blocs Coalition", on)
    assert absent and not absent[0].exists_on(on)
    june = date(2010, 6, 14)
    for start in ("maliki", "allawi", "barzani"):
        for target in bundled_atlas.pack.actors:
            chain = bundled_atlas.path(start, target, june) or []
            assert "jeffrey" not in [link.other for link in chain]


async def test_the_adventure_says_an_actor_is_not_there_yet(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=date(2010, 3, 26))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot, app, "a")
        reply = screen.run_command("examine Kurdistan Blocs Coalition")
        assert "did not exist yet on 26 March 2010" in reply


# 10. a long URL can be read in full
async def test_sources_open_in_full(bundled_atlas):
    from explorer.tui.source_screen import SourceScreen

    pack = bundled_atlas.pack
    actor = next(a for a in pack.actors.values()
                 if any(s.startswith("http") and len(s) > 70 for s in a.sources))
    url = next(s for s in actor.sources if s.startswith("http") and len(s) > 70)
    app = make_app(atlas=bundled_atlas)
    opened = []
    app.open_url = lambda u, **kw: opened.append(u)
    async with app.run_test(size=(60, 16)) as pilot:
        app.go_to_actor(actor.id)
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SourceScreen)
        listing = screen.query_one("#source-list")
        whole = "".join(plain(listing.get_option_at_index(i).prompt, width=40).replace("\n", "")
                        for i in range(listing.option_count))
        assert url in whole
        listing.highlighted = next(i for i, (_w, s) in enumerate(screen.sources) if s == url)
        await pilot.press("enter")
        assert opened == [url]


# 11. the smaller ones
async def test_pm_picker_shows_ranges(bundled_atlas):
    from explorer.tui.coalition_panels import PmPicker

    pack = bundled_atlas.pack
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app, "c")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PmPicker)
        disputed = [a for a in pack.actors.values() if a.kind == "person" and a.stands_for
                    and (pack.seat_range(a.stands_for) or (0, 0))[0]
                    != (pack.seat_range(a.stands_for) or (0, 0))[1]]
        text = " ".join(label.plain for _id, label in app.screen.choices)
        for person in disputed:
            low, high = pack.seat_range(person.stands_for)
            if person.exists_on(app.on):
                assert f"{low}–{high} seats" in text


def test_ask_completes_about_after_a_name():
    from explorer.tui.adventure_screen import CommandSuggester

    s = CommandSuggester(["ask", "about"], ["Maliki", "government", "Allawi"])
    assert s.complete("ask Maliki a") == "ask Maliki about"
    assert s.complete("ask Maliki g") is None
    assert s.complete("ask Maliki about g") == "ask Maliki about government"


def test_hint_does_not_repeat_itself(bundled_atlas):
    from explorer.adventure import Engine

    engine = Engine(bundled_atlas)
    engine.handle("invite iraqiya")
    first, second = engine.handle("hint"), engine.handle("hint")
    assert first != second


async def test_lesson_help_is_for_students(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        await pilot.pause(0.2)
        await pilot.press("f1")
        await pilot.pause()
        text = plain(app.screen.body)
        assert "0-based" not in text and "None" not in text
        assert "Space" in text and "Answer" in text


async def test_path_dialog_says_when_nothing_matches_and_shows_sources(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=(120, 40)) as pilot:
        app.go_to_actor("maliki")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        field = app.screen.query_one("#path-input")
        field.value = "zzqqxx"
        await pilot.pause()
        choices = app.screen.query_one("#path-choices")
        assert choices.display
        assert "No actor is called" in plain(choices.get_option_at_index(0).prompt)
        field.value = "allawi"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.3)
        chain = app.screen.chain
        assert chain
        result = app.screen.query_one("#path-result")
        shown = plain(result.get_option_at_index(1).prompt, width=200)
        assert chain[0].relation.sources[0][:30] in shown


def test_the_notice_of_a_list_reads_well(bundled_atlas):
    import inspect

    from explorer.tui import app as app_module

    assert "joins the coalition" not in inspect.getsource(app_module)


# nothing lost: the session is offered back
async def test_the_next_start_offers_the_session_back(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        unit = app.state.picture.units[0].id
        app.add_member(unit)
        app.go_to_actor("maliki")
        await pilot.pause()
        await pilot.press("ctrl+q")
    again = make_app(atlas=bundled_atlas)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ResumeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert list(again.state.coalition.members) == [unit]
        assert again.screen.current == "maliki"
    fresh = make_app(atlas=bundled_atlas)
    async with fresh.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # start afresh
        await pilot.pause()
        assert not fresh.state.coalition.members


async def test_every_change_is_kept_without_quitting(bundled_atlas):
    """A terminal closed without q loses nothing: each change reaches the disk by itself."""
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        units = [u.id for u in app.state.picture.units[:3]]
        for unit in units:
            app.add_member(unit)
        await pilot.pause()
        await app.workers.wait_for_complete()
        kept = session.load(bundled_atlas)
        assert kept is not None and kept.members == units
        await pilot.press("full_stop")
        await app.workers.wait_for_complete()
        assert session.load(bundled_atlas).day == app.on != bundled_atlas.pack.default_date


async def test_leaving_a_lesson_goes_back_to_where_it_was_opened(bundled_atlas):
    from explorer.tui.coalition_screen import CoalitionScreen
    from explorer.tui.lesson_screen import LessonScreen

    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app, "c")
        await pilot.press("space")
        mine = app.state.coalition
        await pilot.press("l")
        await pilot.pause(0.2)
        assert isinstance(app.screen, LessonScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CoalitionScreen)
        assert app.state.coalition == mine

"""The app shell in Pilot: dates and the timeline, themes, help, screenshots, sizes, modes."""

from __future__ import annotations

import pytest
from tui_helpers import label_text, page_text, plain, settle, status_text

from explorer.core.timeline import current_event, next_event
from explorer.tui.app import make_app
from explorer.tui.browse_screen import ExploreScreen
from explorer.tui.help_screen import HelpScreen
from explorer.tui.timeline import TimelineScreen
from explorer.tui.too_small import TooSmallScreen

SIZE = (120, 40)


async def test_next_and_previous_event_change_the_status_bar(bundled_atlas):
    pack = bundled_atlas.pack
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = app.on
        before = status_text(app.screen, "event")
        assert current_event(pack, start).title in before
        upcoming = next_event(pack, start)
        await pilot.press("full_stop")
        assert app.on == upcoming.date.start
        assert app.state.on == upcoming.date.start
        after = status_text(app.screen, "event")
        assert upcoming.title in after and after != before
        assert status_text(app.screen, "date") == "29 March 2010"
        await pilot.press("comma")
        assert app.on < upcoming.date.start


async def test_a_month_precision_event_reads_as_a_month(bundled_atlas):
    pack = bundled_atlas.pack
    event = next(e for e in pack.events if e.date.precision == "month"
                 and current_event(pack, e.date.start) is e)
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        app.set_date(event.date.start)
        await pilot.pause()
        text = status_text(app.screen, "event")
        assert event.title in text
        assert f"({event.date})" in text and str(event.date).count(" ") == 1


async def test_set_date_rerenders_the_actor_page(bundled_atlas):
    pack = bundled_atlas.pack
    # a relation that starts after the default date: its page changes when we get there
    rel = next(r for r in bundled_atlas.relations
               if r.since and r.since > pack.default_date and r.source in pack.actors
               and pack.actors[r.source].exists_on(pack.default_date)
               and pack.actors[r.target].exists_on(r.since))
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        app.go_to_actor(rel.source)
        await pilot.pause()
        page = app.screen.page
        assert all(link.relation.id != rel.id for link in page.links.values())
        app.set_date(rel.since)
        await pilot.pause()
        assert page.on == rel.since
        assert any(link.relation.id == rel.id for link in page.links.values())


async def test_timeline_marks_the_current_event_and_jumps(bundled_atlas):
    pack = bundled_atlas.pack
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        events = screen.query_one("#events")
        now = current_event(pack, app.on)
        assert events.highlighted == pack.events.index(now)
        assert "NOW" in page_text(events)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        target = pack.events[pack.events.index(now) + 2]
        assert app.on == target.date.start
        assert isinstance(app.screen, ExploreScreen)
        assert target.title in status_text(app.screen, "event")


async def test_timeline_closes_with_escape_and_t(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExploreScreen)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ExploreScreen)


async def test_f9_cycles_the_theme_and_projector_is_registered(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        assert "projector" in app.available_themes
        first = app.theme
        await pilot.press("f9")
        assert app.theme != first
        app.theme = "projector"
        await pilot.pause()
        assert app.current_theme.name == "projector"


async def test_theme_option_and_unknown_theme(bundled_atlas):
    app = make_app(atlas=bundled_atlas, theme="nord")
    async with app.run_test(size=SIZE):
        assert app.theme == "nord"
    app = make_app(atlas=bundled_atlas, theme="no-such-theme")
    async with app.run_test(size=SIZE):
        assert app.theme == "textual-dark"


async def test_present_mode_uses_the_projector_and_hides_the_list(bundled_atlas):
    app = make_app(atlas=bundled_atlas, present=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "projector"
        assert app.screen.has_class("-present")
        assert not app.screen.query_one("#sidebar").display
        await pilot.press("f8")
        assert not app.present
        assert not app.screen.has_class("-present")
        assert app.theme != "projector"


async def test_help_lists_the_bindings_of_the_current_screen(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        text = plain(screen.body)
        for expected in ("Filter", "Back", "Forward", "Path", "Timeline", "Next event",
                         "Quit", "Ctrl+P", "relationships"):
            assert expected in text, expected
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExploreScreen)
        # on the timeline, help is about the timeline
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = plain(app.screen.body)
        assert "Go to this date" in text or "event" in text
        assert "Path to" not in text


async def test_screenshot_key_writes_an_svg(bundled_atlas, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        await pilot.pause()
    shots = list((tmp_path / "screenshots").glob("kingmaker_*.svg"))
    assert len(shots) == 1
    assert "Kingmaker" in shots[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (120, 40), (250, 80)])
async def test_sizes_do_not_crash(bundled_atlas, size):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.go_to_actor("maliki")
        await pilot.pause()
        for key in ("t", "escape", "f1", "escape", "full_stop", "slash", "a"):
            await pilot.press(key)
        await pilot.pause()
        too_small = isinstance(app.screen, TooSmallScreen)
        assert too_small == (size == (40, 12))
        if too_small:
            message = label_text(app.screen, "#too-small")
            assert "Window too small (need 60×16, have 40×12)" in message


async def test_too_small_goes_away_when_the_window_grows(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ExploreScreen)
        await pilot.resize_terminal(50, 30)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "have 50×30" in label_text(app.screen, "#too-small")


async def test_modes_switch_and_share_the_state(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert app.current_mode == "coalition"
        from explorer.tui.coalition_screen import CoalitionScreen

        assert isinstance(app.screen, CoalitionScreen)
        await pilot.press("e")
        await pilot.pause()
        assert app.current_mode == "explore"
        await pilot.press("f4")
        await pilot.pause()
        assert app.current_mode == "adventure"
        app.switch_to("explore")
        await pilot.pause()
        assert isinstance(app.screen, ExploreScreen)


async def test_date_change_reaches_a_mode_out_of_view(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        builder = app.screen
        drawn = builder.evaluation
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("full_stop")
        await pilot.pause()
        assert builder.evaluation is drawn  # out of view: not redrawn yet
        app.switch_to("coalition")
        await pilot.pause()
        assert builder.evaluation is not drawn  # redrawn on coming back


async def test_a_builder_edit_reaches_the_adventure(bundled_atlas):
    """Space in the builder is news in the adventure ("Meanwhile the table has changed")."""
    from explorer.tui.adventure_screen import AdventureScreen

    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        adventure = app.screen
        assert isinstance(adventure, AdventureScreen)
        await pilot.press("escape")  # leave the command line so that c switches mode
        app.switch_to("coalition")
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        app.switch_to("adventure")
        await pilot.pause()
        text = "\n".join(line.text for line in adventure.query_one("#narration").lines)
        assert "Meanwhile the table has changed" in text


async def test_one_undo_history_across_the_adventure_and_the_builder(bundled_atlas):
    """Invite Allawi, `undo` in the adventure, then `r` (redo) in the builder brings him back."""
    from explorer.tui.adventure_screen import AdventureScreen, CommandInput

    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=(120, 40)) as pilot:
        app.switch_to("adventure")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AdventureScreen)
        screen.run_command("invite allawi")
        assert "iraqiya" in app.state.coalition.members
        screen.run_command("undo")
        assert "iraqiya" not in app.state.coalition.members
        assert app.state.undo_stack == [] and app.state.redo_stack
        app.switch_to("coalition")
        await pilot.pause()
        await pilot.press("u")  # nothing left to undo: the table stays empty
        await pilot.pause()
        assert "iraqiya" not in app.state.coalition.members
        app.state.redo()
        assert "iraqiya" in app.state.coalition.members
        assert isinstance(screen.query_one(CommandInput), CommandInput)


async def test_palette_goes_to_an_actor(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"mooky")
        await settle(pilot, app)
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExploreScreen)
        assert app.screen.current == "sadr"


async def test_palette_adds_a_list_to_the_coalition(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"add iraqiya to")
        await settle(pilot, app)
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause()
        assert "iraqiya" in app.state.coalition.members


async def test_action_commands_cover_the_brief(bundled_atlas):
    from explorer.tui.commands import ActionCommands

    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        provider = ActionCommands(app.screen)
        titles = [title for title, _, _ in provider._commands()]
        assert "Add Iraqiya to coalition" in titles
        assert any(t.startswith("Split ") and t.endswith(" into factions") for t in titles)
        assert "Set PM Nouri al-Maliki" in titles
        assert any(t.startswith("Go to date of ") for t in titles)
        assert "Switch theme projector" in titles
        split = next(cb for title, _, cb in provider._commands()
                     if title == "Split Iraqi National Alliance into factions")
        split()
        await pilot.pause()
        assert "ina" not in app.state.picture.ids
        pm = next(cb for title, _, cb in provider._commands()
                  if title == "Set PM Nouri al-Maliki")
        pm()
        assert app.state.coalition.pm == "maliki"


async def test_quit_with_q(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running  # q ended the app
    assert app.return_code == 0


async def test_present_mode_filter_shows_the_list_while_searching(bundled_atlas):
    from textual.widgets import Input

    app = make_app(atlas=bundled_atlas, present=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.focused is screen.page
        await pilot.press("slash")
        assert screen.query_one("#sidebar").display
        screen.query_one("#filter", Input).value = "maliki"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current == "maliki"
        assert not screen.query_one("#sidebar").display
        assert screen.focused is screen.page


async def test_the_title_bar_follows_the_screen_and_opens_the_palette(bundled_atlas):
    from textual.command import CommandPalette

    from explorer.tui.statusbar import TitleBar

    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one(TitleBar).text.endswith(
            f"Kingmaker — {bundled_atlas.pack.title}")
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.query_one(TitleBar).text.endswith("Kingmaker — Coalition builder")
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_a_dismissed_page_is_freed_while_the_app_runs_on(bundled_atlas, monkeypatch):
    """A help page closed is garbage like any other: nothing the app does for its collector
    (explorer.core.bulk) keeps it alive, as a terminal app's (not headless) life goes on."""
    import gc
    import weakref

    from explorer.tui.app import KingmakerApp

    monkeypatch.setattr(KingmakerApp, "is_headless", property(lambda self: False))
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        page = weakref.ref(app.screen)
        await pilot.pause(0.7)  # a mode just shown, a page over it: a while for any timer
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert app.current_mode == "coalition" and not isinstance(app.screen, HelpScreen)
        gc.collect()
        assert page() is None

"""The Explore screen in Pilot, on the bundled pack: filter, walk, history, path, literal text."""

from __future__ import annotations

from textual.widgets import Input
from tui_helpers import markup_pack, page_text, settle

from explorer.tui.actor_list import ACTOR, ActorList
from explorer.tui.actor_page import ActorPage
from explorer.tui.app import make_app
from explorer.tui.browse_screen import ExploreScreen
from explorer.tui.path_screen import PathScreen

SIZE = (120, 40)


def first_actor(actor_list: ActorList) -> str:
    return next(row[1] for row in actor_list.rows if row[0] == ACTOR)


async def open_actor_by_typing(pilot, name: str) -> None:
    await pilot.press("slash", *name, "enter")


async def test_opens_on_the_overview_with_the_list_focused(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExploreScreen)
        assert isinstance(app.focused, ActorList)
        assert screen.current is None
        assert bundled_atlas.pack.title in page_text(screen.page)
        assert app.on == bundled_atlas.pack.default_date


async def test_walk_from_allawi_to_maliki_then_back_and_forward(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await open_actor_by_typing(pilot, "allawi")
        screen = app.screen
        page = screen.page
        assert page.actor_id == "allawi"
        assert isinstance(app.focused, ActorPage)
        assert "Ayad Allawi" in page_text(page)
        rival = next(oid for oid, link in page.links.items()
                     if link.relation.type == "rival_of" and link.other == "maliki")
        page.highlighted = page.get_option_index(rival)
        await pilot.press("enter")
        assert page.actor_id == "maliki"
        assert "Nouri al-Maliki" in page_text(page).splitlines()[1]
        await pilot.press("b")
        assert page.actor_id == "allawi"
        await pilot.press("f")
        assert page.actor_id == "maliki"
        await pilot.press("left_square_bracket")
        assert page.actor_id == "allawi"
        await pilot.press("right_square_bracket")
        assert page.actor_id == "maliki"
        # Esc clears the filter ("allawi") and the list shows where the page is
        await pilot.press("escape")
        assert screen.actor_list.current == "maliki"
        assert isinstance(app.focused, ActorList)


async def test_history_of_list_previews_collapses(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("down", "down", "down")
        previewed = screen.current
        assert previewed is not None
        assert screen.history == [None, previewed]
        await pilot.press("b")
        assert screen.current is None
        await pilot.press("b")  # nothing further back: a bell, no crash
        assert screen.position == 0


async def test_filter_ranks_names_and_aliases(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("slash", "m", "a", "l")
        assert screen.query_one("#filter", Input).value == "mal"
        assert first_actor(screen.actor_list) == "maliki"
        screen.query_one("#filter", Input).value = "Mooky"
        await pilot.pause()
        assert first_actor(screen.actor_list) == "sadr"
        row = next(r for r in screen.actor_list.rows if r[0] == ACTOR)
        assert row[3] == "Mooky"  # the alias that matched is shown beside the name
        await pilot.press("enter")
        assert screen.current == "sadr"
        await pilot.press("slash", "escape")
        assert screen.query_one("#filter", Input).value == ""
        assert len([r for r in screen.actor_list.rows if r[0] == ACTOR]) == len(
            [a for a in bundled_atlas.pack.actors.values() if a.exists_on(app.on)])


async def test_filter_with_no_match_says_so(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.query_one("#filter", Input).value = "qqqqzzz"
        await pilot.pause()
        assert screen.actor_list.current is None
        assert "No actor matches" in str(screen.actor_list.render_line(1).text)


async def test_list_groups_factions_under_their_list(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = app.screen.actor_list.rows
        ina = next(i for i, r in enumerate(rows) if r[0] == ACTOR and r[1] == "ina")
        sadrists = next(i for i, r in enumerate(rows) if r[0] == ACTOR and r[1] == "sadrists")
        assert ina < sadrists
        assert rows[sadrists][2].strip().startswith(("├", "└", "│"))
        kinds = [r[1] for r in rows if r[0] == "h"]
        assert kinds[0] == "ELECTORAL LISTS"
        assert "BLOCS" not in kinds  # on the opening date no bloc has been formed yet


async def test_path_from_allawi_to_sadr(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        app.go_to_actor("allawi")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PathScreen)
        dialog.query_one("#path-input", Input).value = "sadr"
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot, app)
        chain = dialog.chain
        assert chain, "Allawi and Sadr are linked on the default date"
        assert chain[0].this == "allawi" and chain[-1].other == "sadr"
        text = page_text(dialog.query_one("#path-result"))
        assert "Muqtada al-Sadr" in text and chain[0].label in text
        # Enter on the last step opens Sadr's page
        result = dialog.query_one("#path-result")
        result.highlighted = result.option_count - 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExploreScreen)
        assert app.screen.current == "sadr"


async def test_path_dialog_closes_with_escape(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        app.go_to_actor("maliki")
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PathScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExploreScreen)
        assert app.screen.current == "maliki"


async def test_path_needs_an_actor_on_the_page(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, ExploreScreen)


async def test_seat_claims_show_every_source(bundled_atlas):
    disputed = next(a for a in bundled_atlas.pack.actors.values() if a.disputed)
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        app.go_to_actor(disputed.id)
        await pilot.pause()
        text = page_text(app.screen.page)
        assert "sources disagree" in text
        for claim in disputed.seat_claims:
            assert claim.source[:40] in text.replace("\n", "")


async def test_sources_dir_quotes_the_cited_line(bundled_atlas, tmp_path):
    seed = next(s for r in bundled_atlas.relations for s in r.sources if ".txt:" in s
                and r.source == "allawi")
    file_name, line = seed.rsplit(":", 1)
    lines = [f"line {i}" for i in range(1, int(line))] + ["THE QUOTED SENTENCE ABOUT ALLAWI"]
    (tmp_path / file_name).write_text("\n".join(lines), encoding="utf-8")
    app = make_app(atlas=bundled_atlas, sources_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.go_to_actor("allawi")
        await pilot.pause()
        assert "THE QUOTED SENTENCE ABOUT ALLAWI" in page_text(app.screen.page)


async def test_markup_in_content_is_shown_literally(tmp_path):
    app = make_app(content=markup_pack(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        row = str(screen.actor_list.render_line(1).text)
        assert "Red [bold]List[/bold]" in row
        app.go_to_actor("reds")
        await pilot.pause()
        text = page_text(screen.page)
        assert "Red [bold]List[/bold]" in text
        assert "Click [@click=app.quit]here[/] or [red]there[/red]." in text
        # clicking on the would-be link does nothing: the app keeps running
        await pilot.click(ActorPage, offset=(10, 5))
        await pilot.pause()
        assert app.is_running
        svg = app.export_screenshot()
        assert "@click=app.quit" in svg
        # the blue list's relation to the red list shows the literal name too
        app.go_to_actor("blues")
        await pilot.pause()
        assert "Red [bold]List[/bold]" in page_text(screen.page)


async def test_plus_toggles_the_actor_in_the_coalition(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        app.go_to_actor("iraqiya")
        await pilot.pause()
        await pilot.press("plus")
        assert "iraqiya" in app.state.coalition.members
        await pilot.press("plus")
        assert "iraqiya" not in app.state.coalition.members


async def test_the_page_follows_the_list_cursor_in_the_same_handler(bundled_atlas):
    """The cursor and the page change together: no frame shows the cursor on one actor beside
    the page of the one before."""
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        actors = screen.actor_list
        for step in (1, 1, -1):
            actors.action_cursor(step)  # what ↓ and ↑ do
            assert actors.current is not None
            assert screen.page.actor_id == actors.current  # before any message is handled
        await pilot.pause()
        assert screen.page.actor_id == actors.current


async def test_a_list_without_a_follower_posts_highlighted(bundled_atlas):
    from textual.app import App

    seen: list[str] = []

    class Lone(App):
        def compose(self):
            yield ActorList(bundled_atlas.pack, lambda: None, bundled_atlas.pack.default_date)

        def on_actor_list_highlighted(self, event: ActorList.Highlighted) -> None:
            seen.append(event.actor_id)

    app = Lone()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        actors = app.query_one(ActorList)
        actors.action_cursor(1)
        await pilot.pause()
        assert seen and seen[-1] == actors.current


async def test_moving_the_cursor_unhighlights_the_line_it_left(bundled_atlas):
    """On screen, one line of the list has the cursor's colours after each move: the line the
    cursor left is painted again as an ordinary line (not only the line it lands on)."""
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        actors = app.screen.actor_list
        region = actors.content_region

        def cursor_rows() -> list[int]:
            ordinary = app.screen.get_style_at(region.x + 1, region.bottom - 1).bgcolor
            return [y - region.y for y in range(region.y, region.bottom)
                    if app.screen.get_style_at(region.x + 1, y).bgcolor != ordinary]

        for key in ["down", "down", "down", "up", "down", "down"]:
            await pilot.press(key)
            await pilot.pause()
            assert actors.scroll_offset.y == 0  # near the top: the list does not scroll
            assert cursor_rows() == [actors.cursor], key

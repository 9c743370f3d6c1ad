"""The map around an actor: opened from the explore screen, walked, snapshots."""

from __future__ import annotations

from datetime import date

from explorer.tui.actor_map import ActorMapScreen, ActorMapView, map_rows
from explorer.tui.app import make_app
from explorer.tui.browse_screen import ExploreScreen

APRIL = date(2010, 4, 1)


def neighbours(atlas, actor):
    return {k.other for k in atlas.links(actor, APRIL)
            if k.type.stance != "place" and atlas.pack.actors[k.other].kind != "place"}


async def _open_map(pilot, actor="sadr") -> ActorMapScreen:
    pilot.app.go_to_actor(actor)
    await pilot.pause()
    await pilot.press("M")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ActorMapScreen)
    return pilot.app.screen


async def test_the_map_shows_the_neighbours_and_walks_like_an_exit(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=APRIL)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_map(pilot)
        view = screen.query_one(ActorMapView)
        ids = {n.id for n in view.model.nodes}
        assert ids == {"sadr"} | neighbours(bundled_atlas, "sadr")
        drawn = "\n".join(r.plain for r in map_rows(bundled_atlas, view.model, 110, 30,
                                                    view.selected, {}, "#000000"))
        assert "Muqtada al-Sadr" in drawn and "Nouri al-Maliki" in drawn
        await pilot.press("l")  # places: Qom appears
        await pilot.pause()
        assert "qom" in {n.id for n in view.model.nodes}
        await pilot.press("l", "d")
        await pilot.pause()
        assert len(view.model.nodes) > len(ids) and view.model.depth == 2
        await pilot.press("d")
        while view.selected != "maliki":
            await pilot.press("tab")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.centre == "maliki" and view.model.centre == "maliki"
        assert {n.id for n in view.model.nodes} >= {"sadr", "sol"}
        await pilot.press("escape")
        await pilot.pause()
        browse = app.screen
        assert isinstance(browse, ExploreScreen) and browse.current == "maliki"


async def test_arrow_keys_move_to_a_neighbour_in_that_direction(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=APRIL)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_map(pilot)
        view = screen.query_one(ActorMapView)
        cells = view.cells()
        start = view.selected
        await pilot.press("down")
        assert view.selected != start and cells[view.selected][1] > cells[start][1]


async def test_the_map_needs_an_actor(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=APRIL)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("M")
        await pilot.pause()
        assert not isinstance(app.screen, ActorMapScreen)


def test_snapshot_map_around_sadr_120x40(snap_compare, bundled_atlas):
    assert snap_compare(make_app(atlas=bundled_atlas, on=APRIL), run_before=_open_map,
                        terminal_size=(120, 40))


def test_snapshot_map_around_sadr_presentation_100x30(snap_compare, bundled_atlas):
    assert snap_compare(make_app(atlas=bundled_atlas, on=APRIL, present=True),
                        run_before=_open_map, terminal_size=(100, 30))

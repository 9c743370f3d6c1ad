"""Snapshots of explore, the builder and the adventure at the four sizes of issue 18."""

from __future__ import annotations

import pytest

from explorer.tui.app import make_app

SIZES = [(60, 16), (80, 24), (120, 40), (200, 60)]


def _id(size):
    return f"{size[0]}x{size[1]}"


@pytest.mark.parametrize("size", SIZES, ids=_id)
def test_explore_at_size(snap_compare, bundled_atlas, size):
    async def open_page(pilot):
        pilot.app.go_to_actor("maliki")
        await pilot.pause()

    assert snap_compare(make_app(atlas=bundled_atlas), terminal_size=size, run_before=open_page)


@pytest.mark.parametrize("size", SIZES, ids=_id)
def test_builder_at_size(snap_compare, bundled_atlas, size):
    async def build(pilot):
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("space", "down", "space")
        await pilot.pause()

    assert snap_compare(make_app(atlas=bundled_atlas), terminal_size=size, run_before=build)


@pytest.mark.parametrize("size", SIZES, ids=_id)
def test_adventure_at_size(snap_compare, bundled_atlas, size):
    async def play(pilot):
        await pilot.press("a")
        await pilot.pause()
        pilot.app.screen.run_command("look")
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(make_app(atlas=bundled_atlas), terminal_size=size, run_before=play)

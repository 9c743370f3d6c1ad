"""SVG snapshots of the app shell on the bundled pack (sync tests: snap_compare runs its own loop).

Regenerate with `pytest tests/tui --snapshot-update` and look at the SVGs before committing.
"""

from __future__ import annotations

import pytest

from explorer.tui.app import make_app

SIZES = pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])


async def _open_maliki(pilot) -> None:
    pilot.app.go_to_actor("maliki")
    await pilot.pause()


@SIZES
def test_explore_screen(snap_compare, bundled_atlas, size):
    assert snap_compare(make_app(atlas=bundled_atlas), terminal_size=size)


@SIZES
def test_actor_page_of_maliki(snap_compare, bundled_atlas, size):
    assert snap_compare(make_app(atlas=bundled_atlas), terminal_size=size,
                        run_before=_open_maliki)


@SIZES
def test_timeline(snap_compare, bundled_atlas, size):
    assert snap_compare(make_app(atlas=bundled_atlas), terminal_size=size, press=["t"])


@SIZES
def test_help(snap_compare, bundled_atlas, size):
    assert snap_compare(make_app(atlas=bundled_atlas), terminal_size=size, press=["f1"])


def test_path_result(snap_compare, bundled_atlas):
    async def find_path(pilot) -> None:
        app = pilot.app
        app.go_to_actor("allawi")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#path-input").value = "sadr"
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(atlas=bundled_atlas), terminal_size=(120, 40),
                        run_before=find_path)


def test_too_small(snap_compare, bundled_atlas):
    assert snap_compare(make_app(atlas=bundled_atlas), terminal_size=(40, 12))

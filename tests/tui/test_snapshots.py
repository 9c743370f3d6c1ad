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


def test_presentation_mode_coalition_100x30(snap_compare, bundled_atlas):
    """Presentation mode on a projector-sized window: the builder with its seat bar."""
    from datetime import date

    async def build(pilot) -> None:
        state = pilot.app.state
        for member in ("sol", "ina", "kurdistan_alliance"):
            state.add(member)
        await pilot.press("c")
        await pilot.pause(0.2)

    app = make_app(atlas=bundled_atlas, on=date(2010, 4, 1), present=True)
    assert snap_compare(app, terminal_size=(100, 30), run_before=build)


def test_presentation_mode_explore_100x30(snap_compare, bundled_atlas):
    assert snap_compare(make_app(atlas=bundled_atlas, present=True), terminal_size=(100, 30),
                        run_before=_open_maliki)

"""The footer: recomposed when the keys it shows change, not on every refresh of the bindings;
a key only greyed out or back in changes in place."""

from __future__ import annotations

from explorer.tui.app import make_app
from explorer.tui.footer import KeyFooter

SIZE = (120, 40)


def _keys(screen) -> list:
    return list(screen.query_one(KeyFooter).children)


async def test_the_footer_keeps_its_keys_until_what_it_shows_changes(bundled_atlas):
    app = make_app(atlas=bundled_atlas, resume=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        before = _keys(screen)
        undo = [k for k in before if k.action == "undo"]
        assert undo and undo[0].has_class("-disabled")  # nothing to undo yet: shown greyed out
        for _ in range(3):
            screen.refresh_bindings()
            await pilot.pause()
        assert _keys(screen) == before  # the same widgets: nothing was recomposed
        await pilot.press("space")  # a member in: now there is something to undo
        await pilot.pause()
        await pilot.pause()
        after = _keys(screen)
        assert not [k for k in after if k.action == "undo"][0].has_class("-disabled")


async def test_a_key_greyed_out_or_back_in_changes_in_place(bundled_atlas):
    """A lesson's first step greys out Back; the next step brings it back without recomposing
    the footer (the same key widgets, Back no longer dim)."""
    app = make_app(atlas=bundled_atlas, resume=False, lesson="who-won")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = _keys(app.screen)
        back = [k for k in before if k.action.endswith("back") or k.description == "Back"]
        assert back and back[0].has_class("-disabled")
        await pilot.press("right")
        await pilot.pause()
        await pilot.pause()
        after = _keys(app.screen)
        assert after == before
        assert not back[0].has_class("-disabled")

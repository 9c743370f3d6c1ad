"""Leaving a lesson puts the keyboard on the explorer's list (its page when presenting), never in
the filter box, so that the next letter is a key (`c`, `q`), not typing."""

from __future__ import annotations

import pytest
from class_helpers import lesson_pack

from explorer.core.graph import Atlas
from explorer.core.loader import load_pack
from explorer.tui.app import make_app


@pytest.mark.parametrize("present,blurred", [(False, False), (True, False), (False, True),
                                              (True, True)])
async def test_escape_from_a_lesson_focuses_the_list_or_the_page(tmp_path, present, blurred):
    from textual import events
    from textual.widgets import Input

    atlas = Atlas(load_pack(lesson_pack(tmp_path)))
    app = make_app(atlas=atlas, lesson="largest", present=present)
    async with app.run_test(size=(110, 34)) as pilot:
        for _ in range(20):
            await pilot.pause()
            if app.current_mode == "lesson":
                break
        assert app.current_mode == "lesson"
        if blurred:  # a browser page without the keyboard: textual-serve sends blur, then focus
            app.post_message(events.AppBlur())
            await pilot.pause()
        await pilot.press("escape")
        for _ in range(5):
            await pilot.pause()
        if blurred:
            app.post_message(events.AppFocus())
            for _ in range(5):
                await pilot.pause()
        screen = app.screen
        assert app.current_mode == "explore"
        assert not isinstance(app.focused, Input)
        assert app.focused is (screen.page if present else screen.actor_list)
        await pilot.press("c")
        assert app.current_mode == "coalition"  # `c` is a key, not a letter typed somewhere

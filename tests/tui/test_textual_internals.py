"""The private Textual parts the app uses (explorer/tui/textual_internals.py) still exist and
still mean what the app takes them to mean. If this fails after a Textual upgrade, mend
textual_internals.py (and only it)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList

from explorer.tui.textual_internals import (
    css_variables,
    option_lines,
    screens_of_every_mode,
    screens_of_mode,
    set_footer_key_enabled,
)


class Options(App):
    def compose(self) -> ComposeResult:
        yield OptionList("one", "two lines that wrap " * 6, "three")


async def test_option_lines_are_each_options_first_line_and_height():
    app = Options()
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        options = app.query_one(OptionList)
        first, second, third = (option_lines(options, i) for i in range(3))
        assert first == (0, 1)
        assert second[0] == 1 and second[1] - second[0] > 1  # the long one wraps
        assert third == (second[1], second[1] + 1)


class Modes(App):
    MODES = {"a": lambda: Screen(id="screen-a"), "b": lambda: Screen(id="screen-b")}
    DEFAULT_MODE = "a"


async def test_screens_of_every_mode_include_those_out_of_view():
    app = Modes()
    async with app.run_test() as pilot:
        app.switch_mode("b")
        await pilot.pause()
        ids = {s.id for s in screens_of_every_mode(app)}
        assert {"screen-a", "screen-b"} <= ids
        assert [s.id for s in screens_of_mode(app, "a")] == ["screen-a"]
        assert screens_of_mode(app, "never-opened") == []


async def test_css_variables_are_the_themes():
    app = Options()
    async with app.run_test() as pilot:
        await pilot.pause()
        variables = css_variables(app)
        assert variables and "primary" in variables and variables["primary"].startswith("#")


def test_a_footer_key_keeps_its_greyed_state_where_set_footer_key_enabled_puts_it():
    from textual.widgets._footer import FooterKey

    key = FooterKey("u", "u", "Undo", "undo", disabled=True)
    assert key._disabled is True and key.has_class("-disabled")  # what Textual's __init__ does
    set_footer_key_enabled(key, True)
    assert key._disabled is False and not key.has_class("-disabled")
    set_footer_key_enabled(key, False)
    assert key._disabled is True and key.has_class("-disabled")

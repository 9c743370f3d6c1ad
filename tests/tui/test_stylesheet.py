"""The stylesheet that keeps its parses while the theme's variables stay the same."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.css.stylesheet import StylesheetParseError

from explorer.tui.stylesheet import ReusingStylesheet

SOURCE = ("test.tcss", "")


def sheet(colour: str) -> ReusingStylesheet:
    s = ReusingStylesheet(variables={"accent": colour})
    s.add_source("Screen { background: $accent; }", read_from=SOURCE)
    s.parse()
    return s


def background(s: ReusingStylesheet) -> Color:
    return s.rules[0].styles.background


def test_reparse_with_the_same_variables_reuses_the_parsed_rules():
    s = sheet("red")
    before = s.rules[0]
    s.set_variables({"accent": "red"})
    s.reparse()
    assert s.rules[0] is before  # not parsed again
    assert background(s) == Color.parse("red")


def test_new_variables_are_applied_on_reparse():
    s = sheet("red")
    s.set_variables({"accent": "blue"})
    s.reparse()
    assert background(s) == Color.parse("blue")
    s.set_variables({"accent": "red"})
    s.reparse()
    assert background(s) == Color.parse("red")


def test_a_new_source_is_parsed_and_the_old_ones_kept():
    s = sheet("red")
    before = s.rules[0]
    s.add_source("Label { color: $accent; }", read_from=("other.tcss", ""))
    s.reparse()
    assert len(s.rules) == 2 and s.rules[0] is before
    assert s.rules[1].styles.color == Color.parse("red")


def test_broken_css_raises_and_leaves_the_rules_in_force():
    s = sheet("red")
    s.add_source("Label { colour: nonsense; }", read_from=("bad.tcss", ""))
    with pytest.raises(StylesheetParseError):
        s.reparse()
    assert background(s) == Color.parse("red")


async def test_the_app_parses_its_stylesheet_once_at_start_up(bundled_atlas, monkeypatch):
    """Textual alone parses app.tcss three times before the first frame; we parse it once."""
    from textual.css.stylesheet import Stylesheet

    from explorer.tui.app import make_app

    parsed: list[str] = []
    original = Stylesheet._parse_rules

    def counting(self, css, read_from, *args, **kwargs):
        key = (css, read_from, *args, *kwargs.values())
        if read_from[0].endswith("app.tcss") and key not in self._parse_cache:
            parsed.append(read_from[0])
        return original(self, css, read_from, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "_parse_rules", counting)
    app = make_app(bundled_atlas)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert len(parsed) == 1
        app.action_cycle_theme()  # a real theme change parses again, with its colours
        await pilot.pause()
        assert len(parsed) == 2

"""Parsed CSS kept on disk between starts of the terminal app (explorer/tui/css_cache.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from textual.color import Color
from textual.css.stylesheet import Stylesheet

from explorer.tui.css_cache import ParseCache
from explorer.tui.stylesheet import ReusingStylesheet

SOURCE = ("test.tcss", "")
CSS = "Screen { background: $accent; } Label { color: red; }"


@pytest.fixture
def parses(monkeypatch):
    """How many sources Textual itself parsed (the cache's misses)."""
    seen: list[str] = []
    real = Stylesheet._parse_rules

    def counting(self, css, *args, **kwargs):
        seen.append(css)
        return real(self, css, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "_parse_rules", counting)
    yield seen
    ReusingStylesheet.keep_parses_on_disk(None)


def parse(cache: ParseCache, css: str = CSS, accent: str = "red") -> ReusingStylesheet:
    ReusingStylesheet.keep_parses_on_disk(cache)
    sheet = ReusingStylesheet(variables={"accent": accent})
    sheet.add_source(css, read_from=SOURCE)
    sheet.parse()
    return sheet


def test_a_second_start_reads_the_parse_instead_of_parsing(tmp_path, parses):
    path = tmp_path / "css.pickle"
    first = parse(ParseCache(path, "8.2.8"))
    ReusingStylesheet._disk.save()
    assert path.is_file() and len(parses) == 1
    second = parse(ParseCache(path, "8.2.8"))
    assert len(parses) == 1  # read back, not parsed
    assert [r.css for r in second.rules] == [r.css for r in first.rules]
    assert second.rules[0].styles.background == Color.parse("red")


def test_another_text_theme_or_textual_is_parsed_again(tmp_path, parses):
    path = tmp_path / "css.pickle"
    parse(ParseCache(path, "8.2.8"))
    ReusingStylesheet._disk.save()
    parse(ParseCache(path, "8.2.8"), css=CSS + " Button { color: blue; }")
    blue = parse(ParseCache(path, "8.2.8"), accent="blue")
    parse(ParseCache(path, "9.0.0"))
    assert len(parses) == 4
    assert blue.rules[0].styles.background == Color.parse("blue")


def test_a_sheet_given_another_theme_reads_that_themes_parse(tmp_path, parses):
    """The variables are hashed once per theme for the disk keys: a theme change on the same
    sheet (the palette's theme switch) finds the new theme's parse, never the old one's."""
    path = tmp_path / "css.pickle"
    parse(ParseCache(path, "8.2.8"), accent="blue")
    ReusingStylesheet._disk.save()
    sheet = parse(ParseCache(path, "8.2.8"), accent="red")
    assert len(parses) == 2
    sheet.set_variables({"accent": "blue"})
    sheet.reparse()
    assert len(parses) == 2  # blue was read back from the disk
    assert sheet.rules[0].styles.background == Color.parse("blue")


def test_a_damaged_cache_is_ignored_and_written_anew(tmp_path, parses):
    path = tmp_path / "css.pickle"
    path.write_bytes(b"\x80\x05 not a pickle at all")
    sheet = parse(ParseCache(path, "8.2.8"))
    assert len(parses) == 1 and sheet.rules[1].styles.color == Color.parse("red")
    ReusingStylesheet._disk.save()
    parse(ParseCache(path, "8.2.8"))
    assert len(parses) == 1


def test_broken_css_is_still_an_error_and_nothing_is_kept(tmp_path, parses):
    from textual.css.stylesheet import StylesheetParseError

    cache = ParseCache(tmp_path / "css.pickle", "8.2.8")
    with pytest.raises(StylesheetParseError):
        parse(cache, css="Label { colour: nonsense; }")
    cache.save()
    assert not (tmp_path / "css.pickle").exists()


PROBE = """
from textual.app import App
_display = App._display
def display(self, screen, renderable):
    if renderable is not None and not getattr(self, "_done", False):
        self._done = True
        self.call_later(self.exit)
    return _display(self, screen, renderable)
App._display = display
from explorer.cli import main
raise SystemExit(main([]))
"""


def test_the_terminal_app_keeps_its_parses_in_the_data_folder(tmp_path):
    env = dict(os.environ, EXPLORER_DATA_DIR=str(tmp_path),
               TEXTUAL_DRIVER="textual.drivers.headless_driver:HeadlessDriver")
    env.pop("EXPLORER_CONTENT", None)
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    kept = list((tmp_path / "cache").glob("css-*.pickle"))
    assert len(kept) == 1 and kept[0].stat().st_size > 1000


def test_explorer_no_cache_turns_the_css_cache_off_too(tmp_path):
    env = dict(os.environ, EXPLORER_DATA_DIR=str(tmp_path), EXPLORER_NO_CACHE="1",
               TEXTUAL_DRIVER="textual.drivers.headless_driver:HeadlessDriver")
    env.pop("EXPLORER_CONTENT", None)
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert list(tmp_path.glob("cache/css-*.pickle")) == []

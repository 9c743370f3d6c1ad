"""A screen is styled from a .tcss file (app.tcss, or its own beside its module through
CSS_PATH), not from DEFAULT_CSS; every CSS_PATH names a file that is there and parses."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from textual.css.stylesheet import Stylesheet
from textual.screen import Screen

import explorer.tui
from explorer.tui.app import make_app

SERVE_ONLY = {"serve", "serve_http", "warm_parent", "warm_launch", "warm_start"}


def screens() -> list[type[Screen]]:
    found = []
    for info in pkgutil.iter_modules(explorer.tui.__path__):
        if info.name in SERVE_ONLY:
            continue
        module = importlib.import_module(f"explorer.tui.{info.name}")
        found += [cls for _, cls in inspect.getmembers(module, inspect.isclass)
                  if issubclass(cls, Screen) and cls.__module__ == module.__name__]
    return found


def test_no_screen_carries_default_css():
    found = screens()
    assert len(found) >= 15
    assert [cls.__name__ for cls in found if "DEFAULT_CSS" in cls.__dict__] == []


def test_every_css_path_is_a_file_beside_its_module_that_parses(bundled_atlas):
    variables = make_app(atlas=bundled_atlas).get_css_variables()
    paths = {Path(inspect.getfile(cls)).parent / cls.CSS_PATH
             for cls in screens() if isinstance(cls.CSS_PATH, str)}
    assert len(paths) >= 10
    for path in sorted(paths):
        assert path.is_file(), path
        sheet = Stylesheet(variables=variables)
        sheet.read(path)
        sheet.parse()  # raises on a rule Textual cannot read
        assert sheet.rules, path

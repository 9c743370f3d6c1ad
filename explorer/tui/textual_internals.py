"""The few private parts of Textual (8.2) the app relies on, in one place.

Each has no public equivalent in Textual 8.2; tests/tui/test_textual_internals.py checks every
one of them, so a Textual upgrade that moves them fails there, loudly, and not in a screen.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual._context import active_app
from textual.app import App
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets._footer import FooterKey


def current_app() -> App:
    """The app running now (what a Visual, which is given no widget, renders for)."""
    return active_app.get()


def option_lines(options: OptionList, index: int) -> tuple[int, int]:
    """The first line of option `index` and the line after its last (its wrapped height)."""
    top = options._index_to_line[index]
    return top, top + options._heights[index]


def screens_of_mode(app: App, mode: str) -> list[Screen]:
    """The screen stack of one mode, current or not (empty if the mode was never opened)."""
    return list(app._screen_stacks.get(mode, []))


def screens_of_every_mode(app: App) -> Iterator[Screen]:
    """Every screen on the stack of every mode (App.screen_stack is the current mode's only)."""
    for stack in app._screen_stacks.values():
        yield from stack


def css_variables(app: App) -> dict[str, str]:
    """The CSS variables the app's stylesheet was made with (App.__init__ computed them)."""
    return app.stylesheet._variables


def set_footer_key_enabled(key: FooterKey, enabled: bool) -> None:
    """Grey a footer key out, or back in, where it is (Textual's FooterKey keeps the state in
    `_disabled`, which a click reads, and shows it with the `-disabled` class)."""
    key._disabled = not enabled
    key.set_class(not enabled, "-disabled")


class SettledStatic(Static):
    """A Static whose new size does not ask for a second layout of the screen.

    After laying a screen out, Textual gives every widget whose size changed its new virtual
    size as a layout-refreshing reactive (`Widget._size_updated(..., layout=True)`), so a text
    that grew or shrank lays the whole screen out again, with the same result: the size came
    from the layout that just ran. For a text that does not scroll, one layout is enough (a
    lesson step re-laid its screen out twice, ~8 ms of a step's CPU, for six such texts)."""

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size,
                      layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)

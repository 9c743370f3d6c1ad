"""OneFramePerLayout (explorer/tui/textual_internals.py) in small apps: no frame drawn twice
or drawn to be dropped, no repaint lost (what a terminal fed the bytes shows is the screen),
no screen styled twice on its first resume."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList
from tui_helpers import screen_text, terminal_shows

from explorer.tui.textual_internals import OneFramePerLayout


class Page(Screen):
    """A title and a list of options; `n` and `l` make it scroll (40 or 25 options), `s` short."""

    BINDINGS = [("n", "long(40)", ""), ("l", "long(25)", ""), ("s", "short", ""),
                ("m", "modal", ""), ("o", "other", ""), ("b", "back", "")]

    def compose(self) -> ComposeResult:
        from textual.widgets import Static

        yield Static("the title", id="title")
        yield OptionList(*[f"short {i}" for i in range(3)])

    def action_long(self, count: int) -> None:
        self.query_one(OptionList).set_options(
            [f"long {i} " + "wraps " * (i % 5) * 3 for i in range(count)])

    def action_short(self) -> None:
        self.query_one(OptionList).set_options([f"again {i}" for i in range(2)])

    def action_modal(self) -> None:
        from textual.screen import ModalScreen
        from textual.widgets import Static

        class Note(OneFramePerLayout, ModalScreen):
            BINDINGS = [("escape", "dismiss", "")]
            CSS = "Note { align: center middle; } Note Static { width: 20; height: 3; }"

            def compose(self) -> ComposeResult:
                yield Static("a note on top")

        self.app.push_screen(Note())

    def action_other(self) -> None:
        self.app.push_screen(type(self)())  # a whole screen over this one

    def action_back(self) -> None:
        self.app.pop_screen()


class OnePage(OneFramePerLayout, Page):
    pass


class Pages(App):
    """Keeps every frame it composes, and what a terminal fed their bytes would show."""

    CSS = "OptionList { height: 1fr; }"  # the screen itself never scrolls (as the app's)

    def __init__(self, screen_class: type[Screen]) -> None:
        super().__init__()
        self.screen_class = screen_class
        self.frames: list[str] = []

    def get_default_screen(self) -> Screen:
        return self.screen_class()

    def _display(self, screen, renderable) -> None:
        if renderable is not None:
            self.frames.append(renderable.render_segments(self.console))
        return super()._display(screen, renderable)



async def frames_for_each_key(screen_class, keys: list[str], size=(40, 12)):
    app = Pages(screen_class)
    counts = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.2)
        for key in keys:
            before = len(app.frames)
            await pilot.press(key)
            await pilot.pause(0.2)
            counts.append(len(app.frames) - before)
            assert terminal_shows(app.frames, size) == screen_text(app, size), key
    return counts


class StartsInMode(App):
    """An app whose first screen is a mode's (as Kingmaker's): Textual lays that screen out
    and composes a frame inside its start-up batch, and drops it. Keeps the frames it sends
    and counts those composed inside a batch."""

    DEFAULT_MODE = "main"

    def __init__(self, screen_class: type[Screen]) -> None:
        self.MODES = {"main": screen_class}
        super().__init__()
        self.sent: list[str] = []
        self.composed_in_batch = 0

    def _display(self, screen, renderable) -> None:
        if renderable is not None:
            if self._batch_count:
                self.composed_in_batch += 1
            else:
                self.sent.append(renderable.render_segments(self.console))
        return super()._display(screen, renderable)


@pytest.mark.parametrize("screen_class, composed", [(Page, 1), (OnePage, 0)])
async def test_no_frame_is_composed_to_be_dropped_at_start_up(screen_class, composed):
    """The first screen is drawn once, after the start-up batch, and the terminal shows it."""
    size = (40, 12)
    app = StartsInMode(screen_class)
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.2)
        assert app.composed_in_batch == composed
        shown = terminal_shows(app.sent, size)
        assert "the title" in shown and "short 2" in shown
        assert shown == screen_text(app, size)


def every_style(screen: Screen) -> list[tuple]:
    """Each node's styles and its component classes' styles, as CSS."""
    return [(type(node).__name__, node.styles.css,
             sorted((name, styles.css) for name, styles in node._component_styles.items()))
            for node in screen.walk_children(with_self=True)]


@pytest.mark.parametrize("screen_class", [Page, OnePage])
async def test_a_screens_first_resume_does_not_style_it_again(screen_class):
    """Textual styles every node as it mounts, and all of them again when the screen resumes;
    on a screen's first resume OneFramePerLayout skips the second pass, and the styles are
    what a full restyle gives."""
    from textual.widgets import Input

    class Focused(screen_class):  # an Input takes the focus at resume: its :focus styles
        def compose(self) -> ComposeResult:
            yield Input(placeholder="filter")
            yield from super().compose()

    app = StartsInMode(Focused)
    styled: list[str] = []
    apply = app.stylesheet.apply

    def counted(node, *args, **kwargs):
        styled.append(type(node).__name__)
        return apply(node, *args, **kwargs)

    app.stylesheet.apply = counted
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen.focused, Input)
        # each node styled once as it mounted (Textual: twice), the Input again on focus
        assert (styled.count("Static"), styled.count("Input")) == (
            (1, 2) if screen_class is OnePage else (2, 3))
        started = every_style(screen)
        app.update_styles(screen)
        assert every_style(screen) == started


async def test_a_layout_that_changes_a_lists_length_is_one_frame_not_two():
    """Textual refreshes a list's scroll bar while laying the screen out, paints it in that
    layout's frame and then once more, the same; OneFramePerLayout drops the second."""
    keys = ["n", "l", "n", "s", "l"]
    plain = await frames_for_each_key(Page, keys)
    one = await frames_for_each_key(OnePage, keys)
    # "n" first and "l" last show the scroll bar, "s" hides it: Textual lays out twice for these
    assert plain[1:] == [2, 2, 2, 3]
    assert one[1:] == [1, 1, 2, 2]


async def test_what_a_terminal_shows_stays_the_screen_through_modals_and_repaints():
    """No repaint is lost: after every key the bytes sent so far draw the screen Textual has
    (the list longer, shorter, scrolled; a modal over the page and back; a whole screen over it
    and back)."""
    keys = ["n", "m", "escape", "down", "o", "l", "b", "s", "m", "escape", "o", "b", "n", "end"]
    counts = await frames_for_each_key(OnePage, keys)
    assert all(count >= 1 for count in counts), counts


async def test_a_scroll_bar_drawn_but_not_sent_keeps_its_repaint():
    """A partial update draws whole lines of every widget inside the box around the regions it
    sends, but sends only the regions: a scroll bar drawn in that box and left out of them keeps
    its repaint, or the terminal would keep its old thumb."""
    from textual.geometry import Region
    from textual.scrollbar import ScrollBar

    size = (40, 12)
    app = Pages(OnePage)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")  # forty options: the list scrolls
        await pilot.pause(0.2)
        screen = app.screen
        bar = next(widget for widget in screen._compositor.visible_widgets
                   if isinstance(widget, ScrollBar) and widget.vertical)
        (bar_region, _clip) = screen._compositor.visible_widgets[bar]
        bar.position = bar.window_virtual_size // 2  # a new thumb, not yet repainted
        assert bar._repaint_required
        # the title's last cell and the list's text beside the bar: their box holds the bar
        screen._compositor._dirty_regions.update(
            {Region(bar_region.right - 1, 0, 1, 1),
             Region(0, bar_region.y, bar_region.x, bar_region.height)})
        screen._layout_required = True
        screen._refresh_layout()
        assert bar._repaint_required  # drawn in the box, not sent: it still asks for a frame
        await pilot.pause(0.3)
        assert terminal_shows(app.frames, size) == screen_text(app, size)

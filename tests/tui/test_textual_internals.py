"""The private Textual parts the app uses (explorer/tui/textual_internals.py) still exist and
still mean what the app takes them to mean. If this fails after a Textual upgrade, mend
textual_internals.py (and only it)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList

from explorer.tui.textual_internals import (
    OneFramePerLayout,
    SettledStatic,
    css_variables,
    option_lines,
    screens_of_every_mode,
    screens_of_mode,
    set_border_title,
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


class Texts(App):
    """Two auto-height texts in a column, and a line under them."""

    CSS = "Static { height: auto; }"

    def __init__(self, cls):
        super().__init__()
        self.cls = cls

    def compose(self) -> ComposeResult:
        from textual.containers import VerticalScroll
        from textual.widgets import Static

        with VerticalScroll():
            yield self.cls("one line", id="first")
            yield self.cls("another", id="second")
        yield Static("under", id="under")


async def layouts_after_growing(cls) -> tuple[int, list[int]]:
    """How often the screen is laid out after both texts change height, and where they end."""
    from textual.widgets import Static

    app = Texts(cls)
    async with app.run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        screen = app.screen
        passes = []
        original = screen._refresh_layout

        def counted(*args, **kwargs):
            passes.append(1)
            return original(*args, **kwargs)

        screen._refresh_layout = counted
        app.query_one("#first", Static).update("line\n" * 4 + "last")
        app.query_one("#second", Static).update("a\nb")
        await pilot.pause()
        await pilot.pause(0.1)
        first, second = app.query_one("#first"), app.query_one("#second")
        return len(passes), [first.region.y, first.region.height, second.region.y,
                             second.region.height]


async def test_a_settled_static_grows_in_one_layout_where_a_static_takes_two():
    """Textual lays the screen out again for each text whose size changed (the second pass
    repeats the first); SettledStatic relies on `Widget._size_updated(layout=False)`."""
    from textual.widgets import Static

    plain_passes, plain_where = await layouts_after_growing(Static)
    settled_passes, settled_where = await layouts_after_growing(SettledStatic)
    assert plain_passes >= 2 and settled_passes == 1
    assert settled_where == plain_where == [0, 5, 5, 2]  # the same places, from one pass


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


def terminal_shows(frames: list[str], size: tuple[int, int]) -> str:
    from serve_tabs import Screen as Terminal

    terminal = Terminal(*size)
    for frame in frames:
        terminal.feed(frame.encode())
    return terminal.text()


def screen_text(app: App, size: tuple[int, int]) -> str:
    """The whole screen as Textual has it now, composed afresh."""
    whole = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return terminal_shows([whole.render_segments(app.console)], size)


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


class Card(App):
    """A bordered, padded card holding a text; every frame kept, as `Pages` keeps them."""

    CSS = "#card { border: round red; padding: 0 1; height: 8; }"

    def __init__(self) -> None:
        super().__init__()
        self.frames: list[str] = []

    def compose(self) -> ComposeResult:
        from textual.containers import VerticalScroll
        from textual.widgets import Static

        with VerticalScroll(id="card"):
            yield Static("what the card says")

    def _display(self, screen, renderable) -> None:
        if renderable is not None:
            self.frames.append(renderable.render_segments(self.console))
        return super()._display(screen, renderable)


async def test_a_new_border_title_repaints_the_top_line_only_and_shows():
    from textual.containers import VerticalScroll

    app = Card()
    size = (40, 10)
    async with app.run_test(size=size) as pilot:
        card = app.query_one("#card", VerticalScroll)
        card.border_title = "First"
        await pilot.pause()
        painted = []
        original = card._styles_cache.render_line

        def counted(styles, y, *args, **kwargs):
            painted.append(y)
            return original(styles, y, *args, **kwargs)

        card._styles_cache.render_line = counted
        set_border_title(card, "Second name")
        await pilot.pause()
        shown = terminal_shows(app.frames, size)
        assert painted == [0]  # the top border line, not the card's other seven
        assert "Second name" in shown.splitlines()[0] and "First" not in shown
        assert card.border_title == "Second name"  # what Textual's getter reads back
        assert shown == screen_text(app, size)
        painted.clear()
        set_border_title(card, "Second name")  # the same again: nothing to paint
        await pilot.pause()
        assert painted == []


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

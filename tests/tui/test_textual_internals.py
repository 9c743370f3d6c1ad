"""The private Textual parts the app uses (explorer/tui/textual_internals.py) still exist and
still mean what the app takes them to mean. If this fails after a Textual upgrade, mend
textual_internals.py (and only it)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList
from tui_helpers import screen_text, terminal_shows

from explorer.tui.textual_internals import (
    OptionLinesOncePerPaint,
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


class OncePerPaint(OptionLinesOncePerPaint, OptionList):
    pass


class TwoLists(App):
    CSS = "OptionList { width: 30; height: 10; }"

    def compose(self) -> ComposeResult:
        from textual.containers import Horizontal

        options = [f"option {i} " + "wraps " * (i % 4) * 2 for i in range(12)]
        with Horizontal():
            yield OptionList(*options, id="plain")
            yield OncePerPaint(*options, id="once")


async def test_an_option_list_paints_the_same_lines_measuring_them_once():
    """Textual's OptionList brings its lines up to date once for each line it paints;
    OptionLinesOncePerPaint once per paint, and paints the same lines."""
    from textual.geometry import Region

    app = TwoLists()
    async with app.run_test(size=(70, 14)) as pilot:
        await pilot.pause()
        painted = {}
        for name in ("plain", "once"):
            listing = app.query_one(f"#{name}", OptionList)
            listing.scroll_to(y=3, animate=False)
            await pilot.pause()
            listing._styles_cache.clear()
            updates = []
            real = listing._update_lines

            def counted(real=real, updates=updates):
                updates.append(1)
                return real()

            listing._update_lines = counted
            region = Region(0, 0, listing.outer_size.width, listing.outer_size.height)
            painted[name] = ([strip.text for strip in listing.render_lines(region)],
                             len(updates))
        (plain, plain_updates), (once, once_updates) = painted["plain"], painted["once"]
        assert once == plain and "option 4" in " ".join(once)
        assert plain_updates > 5 and once_updates == 1


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

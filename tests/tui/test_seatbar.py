"""The seat bar widget (explorer/tui/seatbar.py): the lines it puts on screen are the bar that
`render_bar` draws, cell for cell, over the widget's own background, and follow its model."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region

from explorer.tui.seatbar import BarLine, BarModel, BarSegment, SeatBar, render_bar, text_strip

WIDTH = 100


def model(first: int = 91, second: int = 70, total: int = 325) -> BarModel:
    segs = (BarSegment("a", ("Alpha List",), first, str(first), "#4e79a7", True),
            BarSegment("b", ("Beta",), second, str(second), "#f28e2b", True),
            BarSegment("rest", ("others",), total - first - second, "", "#4a4a4a", False))
    low = first + second
    status = "reached" if low >= 163 else "not_reached"
    lines = (BarLine(163, "Absolute majority", status, max(0, 163 - low), max(0, low - 163)),)
    return BarModel(total, segs, lines, low, low)


class BarApp(App):
    CSS = "SeatBar { background: #102030; }"

    def compose(self) -> ComposeResult:
        yield SeatBar()


def strips(bar: SeatBar) -> list:
    width, height = bar.outer_size
    return bar.render_lines(Region(0, 0, width, height))


def screen_lines(bar: SeatBar) -> list[str]:
    return [strip.text for strip in strips(bar)]


async def bar_showing(pilot, app: BarApp) -> SeatBar:
    """The app's bar, showing `model()`, painted."""
    bar = app.query_one(SeatBar)
    bar.show(model())
    await pilot.pause()
    return bar


async def test_the_lines_on_screen_are_the_drawn_bar_over_the_widgets_background():
    app = BarApp()
    async with app.run_test(size=(WIDTH + 2, 10)) as pilot:
        bar = await bar_showing(pilot, app)
        content = bar.content_size.width
        drawn = render_bar(bar.model, content).plain.split("\n")
        shown = screen_lines(bar)
        assert len(shown) == 5 and all(len(line) == bar.outer_size.width for line in shown)
        assert [line[1:1 + content].rstrip() for line in shown] == [d.rstrip() for d in drawn]
        assert "161" in shown[-1] and "2 short" in shown[-1]
        for strip in strips(bar):
            for segment in strip:
                assert segment.style is not None and segment.style.bgcolor is not None


async def test_a_new_model_redraws_the_bar_and_the_same_model_keeps_it():
    app = BarApp()
    async with app.run_test(size=(WIDTH + 2, 10)) as pilot:
        bar = await bar_showing(pilot, app)
        before = screen_lines(bar)
        bar.show(model(first=120))  # 190 seats: the majority reached
        await pilot.pause()
        after = screen_lines(bar)
        assert after != before and "190" in after[-1] and "27 over" in after[-1]
        bar.show(model(first=120))
        await pilot.pause()
        assert screen_lines(bar) == after


def test_a_line_longer_than_the_bar_is_cut_with_an_ellipsis_to_the_width():
    from rich.console import Console

    base = Style(color="white", bgcolor="black")
    long = Text("x" * 30, style="bold")
    strip = text_strip(long, 12, base, Console())
    assert strip.cell_length == 12 and strip.text.endswith("…")
    short = text_strip(Text("ab"), 12, base, Console())
    assert short.cell_length == 12 and short.text == "ab" + " " * 10
    assert all(seg.style.bgcolor is not None for seg in short)


async def test_a_selection_on_the_bar_is_painted():
    from textual.geometry import Offset
    from textual.selection import Selection

    app = BarApp()
    async with app.run_test(size=(WIDTH + 2, 10)) as pilot:
        bar = await bar_showing(pilot, app)

        def backgrounds() -> list:
            return [seg.style.bgcolor for strip in strips(bar) for seg in strip
                    if seg.style is not None]

        plain = backgrounds()
        app.screen.selections = {bar: Selection(Offset(0, 4), Offset(20, 4))}  # the summary
        await pilot.pause()
        selected = backgrounds()
        assert selected != plain and set(selected) - set(plain)  # a colour only the selection has
        app.screen.selections = {}
        await pilot.pause()
        assert backgrounds() == plain

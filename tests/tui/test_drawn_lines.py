"""explorer/tui/drawn_lines.py: the lines put together from their parts are rich's own lines,
segment for segment, for every part of every page of the bundled packs and for the shapes
that are left to rich."""

from __future__ import annotations

import pytest
from rich.console import Console, Group
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from explorer.core.graph import Atlas
from explorer.core.loader import load_pack
from explorer.tui import drawn_lines
from explorer.tui.actor_page import ActorPage, Hanging
from explorer.tui.app import make_app
from explorer.tui.meaning import DrawnWhenPainted

WIDTHS = (1, 5, 9, 23, 40, 74, 117, 198)


def rich_lines(renderable, console: Console, width: int) -> list[list[Segment]]:
    """What DrawnWhenPainted cut rich's output into before drawn_lines."""
    options = console.options.update(highlight=False, height=None).update_width(width)
    return list(Segment.split_and_crop_lines(console.render(renderable, options), width,
                                             include_new_lines=False, pad=False))


def ours(renderable, console: Console, width: int) -> list[list[Segment]]:
    options = console.options.update(highlight=False, height=None).update_width(width)
    return drawn_lines.lines(renderable, console, options)


@pytest.mark.parametrize("pack_id", ["iraq-2010", "belgium-2010"])
async def test_every_part_of_every_page_is_drawn_as_rich_draws_it(pack_id):
    from explorer.core.bundled import bundled_path

    atlas = Atlas(load_pack(bundled_path(pack_id)))
    app = make_app(atlas=atlas, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        page = app.screen.query_one(ActorPage)
        drawings = []
        for actor_id in [None, *atlas.pack.actors]:
            page.show(actor_id, app.on)
            drawings += [o.prompt.draw() for o in page.options
                         if isinstance(o.prompt, DrawnWhenPainted)]
        kinds = {type(d).__name__ for d in drawings}
        assert {"Padding", "Hanging"} <= kinds and len(drawings) > 100
        for width in WIDTHS:
            for drawing in drawings:
                assert ours(drawing, app.console, width) == rich_lines(drawing, app.console,
                                                                       width), width


def shapes() -> list:
    """The shapes drawn_lines puts together, and those it leaves to rich, nested."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right")
    grid.add_column()
    grid.add_row("12", Text("a cell that wraps over more than one line " * 2))

    class NoNewLine:  # its last line runs on into whatever comes next
        def __rich_console__(self, console, options):
            yield Segment("runs on", None)

    mark = Text("→", style="bold red")
    long = Text("word " * 30, style="italic")
    return [
        Text("one line"), Text(""), Text("two\nlines"), Text("tab\there"), long,
        Text("centred " * 6, justify="center"), Text("left " * 6, justify="left"),
        Text("no end", end=""), Text("cut " * 20, no_wrap=True, overflow="ellipsis"),
        Text.assemble(("bold", "bold"), " plain ", ("link", "underline blue")),
        Padding(Group(Text("in a block", style="green"), long), (1, 2, 1, 3)),
        Padding(long, (0, 1), style="on blue"), Padding(long, 1, expand=False),
        Group(Text("a"), grid, Text("b")), Group(Text("a"), NoNewLine(), Text("b")),
        Padding(Group(Padding(long, (0, 0, 0, 2)), grid), (0, 1, 1, 1)),
        Hanging(mark, [Text("name", style="bold"), long, Text("source")]),
        Hanging(mark, []), Hanging(Text("wide mark"), [long], left=0, indent=3, right=0),
        Hanging(mark, [grid, Padding(long, (0, 0, 0, 2))]),
        "a plain string", Padding("a plain string in a block", (0, 1)),
    ]


@pytest.mark.parametrize("index", range(len(shapes())))
def test_each_shape_is_drawn_as_rich_draws_it(index):
    console = Console(width=80, color_system="truecolor", force_terminal=True)
    shape = shapes()[index]
    for width in (*WIDTHS, 2, 3, 4, 6, 7, 8):
        assert ours(shape, console, width) == rich_lines(shape, console, width), width


def test_render_lines_is_consoles_with_a_style_and_padding():
    console = Console(width=80, color_system="truecolor", force_terminal=True)
    block = Padding(Group(Text("one", style="bold"), Text("two " * 12)), (1, 1))
    for style in (None, console.get_style("on red")):
        for pad in (True, False):
            options = console.options.update_width(30)
            assert drawn_lines.render_lines(block, console, options, style=style, pad=pad) \
                == console.render_lines(block, options, style=style, pad=pad)

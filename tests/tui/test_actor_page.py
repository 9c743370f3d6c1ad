"""The actor page (explorer/tui/actor_page.py): a relationship row's hanging arrow, and the first
relationship highlighted in the frame that shows the page."""

from __future__ import annotations

import io

import pytest
from rich.console import Console, Group
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text

from explorer.tui.actor_page import ActorPage, Hanging
from explorer.tui.app import make_app
from explorer.tui.browse_screen import ExploreScreen

ARROW = Style(color="#ff8800", bold=True)


def body() -> list[Text]:
    return [Text.assemble(("State of Law", "bold"), "  ", ("electoral list", "dim"),
                          "  (since 1 Oct 2010)"),
            Text("Allied in the National Alliance after the merger in June; the Sadrists "
                 "refused to back Maliki until October. " * 2),
            Text("a-long-unbroken-citation-of-a-web-address-that-must-fold.example/" * 2,
                 overflow="fold")]


def grid_row() -> Padding:
    """The two-column table grid a relationship row was drawn with before `Hanging`."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=2, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text("→", style=ARROW), Group(*body()))
    return Padding(grid, (0, 1, 0, 2))


def lines(renderable, width: int) -> list[str]:
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(renderable)
    return console.export_text().splitlines()


@pytest.mark.parametrize("width", [24, 41, 61, 80, 118])
def test_a_hanging_row_lays_out_as_the_grid_it_replaces(width):
    assert lines(Hanging(Text("→", style=ARROW), body()), width) == lines(grid_row(), width)


def test_the_mark_keeps_its_own_style_and_every_line_fills_the_width():
    console = Console(width=50, file=io.StringIO(), color_system="truecolor")
    rendered = console.render_lines(Hanging(Text("→", style=ARROW), body()),
                                    console.options, pad=False)
    arrow = [seg for seg in rendered[0] if "→" in seg.text]
    assert arrow and arrow[0].style is not None and arrow[0].style.color.name == "#ff8800"
    assert all(sum(len(seg.text) for seg in line) == 50 for line in rendered)


async def test_the_first_relationship_is_highlighted_as_the_page_is_shown(bundled_atlas):
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExploreScreen)
        page = screen.query_one(ActorPage)
        page.show("allawi", app.on)
        # no refresh in between: the page's first frame has the cursor on a relationship
        assert page.highlighted is not None and page.current_link is not None
        first = min(i for i, o in enumerate(page.options) if not o.disabled)
        assert page.highlighted == first


@pytest.mark.parametrize("width", [20, 33, 61, 118])
def test_the_sources_hang_beside_their_label_as_the_grid_drew_them(width):
    cited = ["iraq.txt:12", "http://europe.chinadaily.com.cn/world/2010-12/21/content_1173.htm",
             "a citation with words that wrap over several lines when the page is narrow"]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for i, src in enumerate(cited):
        grid.add_row(Text("Sources") if i == 0 else Text(""), Text(src, overflow="fold"))
    hanging = Hanging(Text("Sources"), [Text(s, overflow="fold") for s in cited],
                      left=0, indent=len("Sources") + 2, right=0)
    # the grid is only as wide as its widest line; the rest of the line is blank either way
    assert [x.rstrip() for x in lines(hanging, width)] == [x.rstrip() for x in lines(grid, width)]


@pytest.mark.parametrize("size", [(200, 60), (120, 40), (80, 24)])
async def test_every_line_of_every_relationship_is_on_the_page(bundled_atlas, size):
    """Scrolled from top to bottom, the page shows every source of every relationship (a page
    measured at one width and painted at another, one column narrower once its scrollbar
    appeared, lost the last line of some relationships)."""
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.visit("maliki")
        await pilot.pause()
        await pilot.pause()
        page = screen.query_one(ActorPage)
        seen = []
        top = 0
        while True:
            page.scroll_to(y=top, animate=False, immediate=True)
            await pilot.pause()
            seen.extend(page.render_line(y).text for y in range(page.size.height))
            if top + page.size.height >= page.virtual_size.height:
                break
            top += page.size.height
        text = "".join("".join(seen).split())  # a long address folds over lines: no spaces
        sources = [s for link in page.links.values() for s in link.relation.sources]
        assert sources and [s for s in sources if s not in text] == []


def test_with_no_room_to_hang_the_mark_goes_above_and_nothing_is_lost():
    narrow = lines(Hanging(Text("→"), body()), 8)  # 2 + 3 + 1 margins leave 2 columns
    assert narrow[0].strip() == "→" and all(len(x) <= 8 for x in narrow)
    assert "State" in "".join(narrow)
    assert lines(Hanging(Text("Sources"), []), 40)[0].strip() == "Sources"  # an empty body

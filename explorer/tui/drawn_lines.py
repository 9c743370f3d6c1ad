"""The lines rich would draw a renderable as, without cutting its output into lines at each level.

rich renders a renderable to one stream of segments, and every container in it renders its
content to a stream again and cuts that into lines (`Console.render_lines`), pads and crops them
and streams them on: a relationship row of an actor page (a `Padding` around a `Group` of
`Text`s, or a `Hanging`) went through three such passes, each segment through every level's
generator. `lines(renderable, console, options)` gives the same lines, segment for segment, by
putting the lines of the parts together: a `Text` is still wrapped and rendered by rich (once;
one line that fits is not wrapped),
`Group`, `Padding` (expanding) and anything with a `rich_lines(console, options)` method (see
`actor_page.Hanging`) are put together here, and anything else is rendered by rich as before.
tests/tui/test_drawn_lines.py compares the two on every part of every page of the bundled packs.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import DEFAULT_JUSTIFY, Text

Line = list[Segment]


def lines(renderable: RenderableType, console: Console, options: ConsoleOptions) -> list[Line]:
    """`Segment.split_and_crop_lines(console.render(renderable, options), options.max_width,
    pad=False)`: the renderable's lines, cropped to the width, not padded."""
    found = part_lines(renderable, console, options)
    return found if found is not None else _cut(console.render(renderable, options), options)


def render_lines(renderable: RenderableType, console: Console, options: ConsoleOptions,
                 style: Style | None = None, pad: bool = True) -> list[Line]:
    """`console.render_lines(renderable, options, style=style, pad=pad)`, the same lines."""
    found = part_lines(renderable, console, options)
    if found is None:
        return console.render_lines(renderable, options, style=style, pad=pad)
    width = options.max_width
    adjust = Segment.adjust_line_length
    if style:
        return [adjust(list(Segment.apply_style(line, style)), width, style=style, pad=pad)
                for line in found]
    return [adjust(line, width, style=style, pad=pad) for line in found]


def _cut(segments, options: ConsoleOptions) -> list[Line]:
    return list(Segment.split_and_crop_lines(segments, options.max_width, pad=False,
                                             include_new_lines=False))


def part_lines(renderable, console: Console, options: ConsoleOptions) -> list[Line] | None:
    """The lines put together here (cropped, not padded), or None where rich is to render the
    whole of it (for a `rich_lines` method's parts)."""
    if options.max_width < 1 or options.height is not None:
        return None  # rich draws nothing, or fits a height: its own ways
    if isinstance(renderable, Text):
        return _cut(_text(renderable, console, options), options) if renderable.end == "\n" \
            else None
    if isinstance(renderable, Group):
        return _group(renderable.renderables, console, options)
    if isinstance(renderable, Padding):
        return _padding(renderable, console, options)
    own = getattr(type(renderable), "rich_lines", None)
    return own(renderable, console, options) if own is not None else None


def _text(text: Text, console: Console, options: ConsoleOptions):
    """rich's segments for `text`; one line that fits is not wrapped first (what `Text.wrap`
    gives back for it is the line itself, which `Text.__rich_console__` then joins and renders)."""
    plain = text.plain
    justify = text.justify or options.justify or DEFAULT_JUSTIFY
    if justify == "default" and "\n" not in plain and "\t" not in plain \
            and cell_len(plain) <= options.max_width:
        return Text("\n").join([text]).render(console, end="\n")
    return console.render(text, options)


def _group(parts, console: Console, options: ConsoleOptions) -> list[Line] | None:
    out: list[Line] = []
    for part in parts:
        found = part_lines(part, console, options)
        if found is None:  # rich's lines of the part, if they end where the next part starts
            segments = list(console.render(part, options))
            if segments and not segments[-1].text.endswith("\n"):
                return None  # its last line runs on into the next part's: rich joins them
            found = _cut(segments, options)
        out.extend(found)
    return out


def _padding(padding: Padding, console: Console, options: ConsoleOptions) -> list[Line] | None:
    width = options.max_width
    left, right = padding.left, padding.right
    if not padding.expand or width - left - right < 1:
        return None
    style = console.get_style(padding.style)
    inner = render_lines(padding.renderable, console,
                         options.update_width(width - left - right), style=style, pad=True)
    blank = [Segment(" " * width, style)]
    before = [Segment(" " * left, style)] if left else []
    after = [Segment(" " * right, style)] if right else []
    out: list[Line] = [list(blank) for _ in range(padding.top)]
    out.extend([*before, *line, *after] for line in inner)
    out.extend(list(blank) for _ in range(padding.bottom))
    return [Segment.adjust_line_length(line, width, pad=False) for line in out]

"""Colours with a meaning: one theme variable per meaning, one component class per variable.

A relation's stance (hostile, friendly ...), a verdict (reached, only at the top of the range,
missed), a highlight and a quiet note each have a colour variable made from the current theme
(`$stance-hostile`, `$verdict-yes` ...; see `MEANING_COLORS`). `TableApp.get_css_variables()`
adds them to Textual's own, so they change with the theme like `$primary` does; a theme may
set any of them itself in its `variables` (the projector theme's come from its own high-contrast
text colours).

Widgets use them in one of two ways, and neither redraws by hand on a theme change:

- `Content` (Textual's text) names the variable in its style: `("✔ ", "bold $verdict-yes")`.
  Textual resolves it when it paints, with the theme of that moment.
- A widget drawing with rich (tables, the seat bar, the braille canvases) mixes in
  `MeaningStyles` and asks `self.ink("verdict-yes")` while it renders: the component class
  `meaning--verdict-yes` is styled `color: $verdict-yes` (MEANING_CSS, TableApp's CSS). When
  the theme changes, Textual restyles the component classes and repaints the widget, which
  asks again. Where a widget keeps what it was given (an OptionList's prompts, a DataTable's
  cells), that is a `DrawnWhenPainted` that builds the rich renderable at paint time
  (`MeaningOptionList`, `MeaningStatic`, the class board's `BoardTable`).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console, ConsoleOptions, RenderableType
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.reactive import reactive
from textual.render import measure
from textual.strip import Strip
from textual.visual import Visual
from textual.widgets import OptionList, Static

from explorer.tui import drawn_lines
from explorer.tui.textual_internals import OptionLinesOncePerPaint, current_app

#: a meaning -> the theme colour it is made from (a theme's own `variables` may override it)
MEANING_COLORS: dict[str, str] = {
    # relation stances (explorer.core.vocabulary RelationType.stance)
    "stance-hostile": "text-error",
    "stance-friendly": "text-success",
    "stance-influence": "text-warning",
    "stance-neutral": "text-primary",
    "stance-structure": "text-secondary",
    "stance-place": "foreground-muted",
    # verdicts: reached / feasible / accepts; only at the top of a range, soft; missed, refused
    "verdict-yes": "text-success",
    "verdict-doubt": "text-warning",
    "verdict-no": "text-error",
    "caution": "text-warning",  # a report not confirmed, sources that disagree, gone actors
    "candidate": "text-warning",  # the prime-minister candidate
    # what the eye should find first: headings, Now, numbers to press; names, keys; quiet notes
    "highlight": "text-accent",
    "title": "text-primary",
    "note": "foreground-muted",
}

#: the component class of each meaning, and its one rule (TableApp's CSS)
MEANING_CLASSES = frozenset(f"meaning--{name}" for name in MEANING_COLORS)
MEANING_CSS = "\n".join(f".meaning--{name} {{ color: ${name}; }}" for name in MEANING_COLORS)

#: a verdict status (explorer.core.coalition) -> its meaning
STATUS_MEANING = {"reached": "verdict-yes", "top_of_range": "verdict-doubt",
                  "not_reached": "verdict-no"}


def status_ink(widget: MeaningStyles, status: str) -> Style:
    """The bold style of a verdict status in the widget's theme (an unknown status reads as
    missed)."""
    return widget.ink(STATUS_MEANING.get(status, "verdict-no"), "bold")


def stance_meaning(stance: str) -> str:
    """'hostile' -> 'stance-hostile' (an unknown stance is drawn as a note)."""
    name = f"stance-{stance}"
    return name if name in MEANING_COLORS else "note"


def solid(variables: dict[str, str], name: str, fallback: str = "#888888") -> str:
    """A theme variable as an opaque hex colour (translucent ones laid over the background)."""
    value = variables.get(name)
    if not value:
        return fallback
    try:
        color = Color.parse(value)
        if color.a < 1:
            color = Color.parse(variables.get("background", "#000000")) + color
    except Exception:  # noqa: BLE001 - a theme's odd value: the fallback reads everywhere
        return fallback
    return color.hex


def meaning_variables(variables: dict[str, str],
                      theme_variables: dict[str, str] | None = None) -> dict[str, str]:
    """The meaning colours for a theme's CSS variables: the theme's own where it sets one,
    else the solid colour of the variable it is made from."""
    own = theme_variables or {}
    return {name: own.get(name) or solid(variables, base)
            for name, base in MEANING_COLORS.items()}


_INKS: dict[tuple, Style] = {}


class MeaningStyles:
    """Mixin for a widget that draws with rich: `ink(meaning)` is the meaning's rich style now.

    The widget class also says `COMPONENT_CLASSES = MEANING_CLASSES` itself (Textual reads
    component classes from the widget classes only, not from a mixin). Call `ink` while
    rendering and never keep its result across a theme change: Textual clears the cache
    behind it and repaints the widget when the theme changes."""

    def _theme(self) -> str | None:
        try:
            return self.app.theme
        except (LookupError, RuntimeError):  # outside an app (NoActiveAppError): no theme
            return None

    def ink(self, meaning: str, extra: str = "") -> Style:
        # A meaning's style changes with the theme only (MEANING_CSS: one colour variable per
        # component class): kept per widget class and theme, since Textual clears its own cache
        # of component styles at every restyle and a builder toggle asks for six of them.
        key = (type(self), self._theme(), meaning, extra)
        style = _INKS.get(key)
        if style is None:
            style = self.get_component_rich_style(f"meaning--{meaning}", partial=True,
                                                  default=Style())
            styled = style.color is not None  # a widget not styled yet draws plain: not kept
            if extra:
                style += Style.parse(extra)
            if styled:
                _INKS[key] = style
            else:
                _UNSTYLED[0] += 1
        return style

    def drawn_once(self, key: object, draw: Callable[[], RenderableType]) -> RenderableType:
        """`draw()` once for `key` and the theme in force, not at every render (Textual
        renders a widget more than once per change: to measure it, then to paint it)."""
        # the meaning styles change with the theme only: the theme's name stands for them (asking
        # for all fifteen styles at every render cost more than drawing a small panel)
        full = (key, self._theme())
        kept = getattr(self, "_drawn_once", None)
        if kept is None or kept[0] != full:
            kept = self._drawn_once = (full, draw())
        return kept[1]

    def color_of(self, meaning: str, fallback: str = "#888888") -> str:
        """The meaning's colour now, as #rrggbb (for drawing that blends colours)."""
        color = self.ink(meaning).color
        return color.get_truecolor().hex if color is not None else fallback


class DrawnWhenPainted(Visual):
    """A rich renderable built by `draw()` in the theme in force, so the meaning styles it asks
    for are those of the theme of the moment (for a widget's kept content).

    To Textual it is a Visual that draws once per theme and width: Textual measures a rich
    renderable by rendering it, then renders it again to paint it, and again in another style
    (an option list's highlighted line) — for an actor page, three renders of every part of
    the page at each move of the list. Here the lines are rendered once and only the style under
    them changes. Away from Textual (a console printing it) it is a plain rich renderable."""

    __slots__ = ("draw", "_kept")

    def __init__(self, draw: Callable[[], RenderableType]) -> None:
        self.draw = draw
        self._kept: tuple[tuple, list[list[Segment]]] | None = None

    def __rich_console__(self, console: Console, options: ConsoleOptions):
        yield self.draw()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.draw())

    def _lines(self, width: int) -> list[list[Segment]]:
        """The drawing's lines at `width`, without the widget's style (kept per theme)."""
        app = current_app()
        key = (app.theme, width)
        if self._kept is not None and self._kept[0] == key:
            return self._kept[1]
        unstyled = _UNSTYLED[0]
        options = app.console_options.update(highlight=False, height=None).update_width(width)
        lines = drawn_lines.lines(self.draw(), app.console, options)
        if _UNSTYLED[0] == unstyled:  # drawn before its widget had styles: not kept
            self._kept = (key, lines)
        return lines

    def get_height(self, rules, width: int) -> int:
        return len(self._lines(width))

    def get_optimal_width(self, rules, container_width: int) -> int:
        app = current_app()
        return measure(app.console, self.draw(), container_width,
                       container_width=container_width)

    def render_strips(self, width: int, height: int | None, style, options) -> list[Strip]:
        under = style.rich_style
        lines = self._lines(width)
        return [Strip(Segment.apply_style(line, under)) for line in lines[:height]]


#: how many times `ink` answered for a widget that had no styles yet (such a drawing is not kept)
_UNSTYLED = [0]


class MeaningOptionList(MeaningStyles, OptionLinesOncePerPaint, OptionList):
    """An OptionList whose prompts may use `ink` (inside a `DrawnWhenPainted`).

    Its scrollbar's gutter is always kept: Textual measures the options' heights for the width
    at hand and keeps them when a scrollbar then appears, so that options painted one column
    narrower lost their last line (an actor page at 200x60 lost a citation)."""

    DEFAULT_CSS = "MeaningOptionList { scrollbar-gutter: stable; }"
    COMPONENT_CLASSES = MEANING_CLASSES


class MeaningStatic(MeaningStyles, Static):
    """A Static whose content may use `ink` (inside a `DrawnWhenPainted`)."""

    COMPONENT_CLASSES = MEANING_CLASSES


class ShownPanel(MeaningStatic):
    """A panel that keeps what it shows in its `shown` reactive (the same data again is no
    redraw, nor the layout pass a redraw causes) and is drawn from it by `_draw()` when
    painted, once per change and theme; with `shown` None it shows what `update()` was given."""

    shown: reactive[tuple | None] = reactive(None, init=False, always_update=False, layout=True)

    def render(self):
        if self.shown is None:
            return super().render()
        return self.drawn_once(self.shown, self._draw)

    def _draw(self) -> RenderableType:
        raise NotImplementedError

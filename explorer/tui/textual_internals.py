"""The few private parts of Textual (8.2) the app relies on, in one place.

Each has no public equivalent in Textual 8.2; tests/tui/test_textual_internals.py and
tests/tui/test_one_frame_per_layout.py check every one of them, so a Textual upgrade that moves
them fails there, loudly, and not in a screen.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual._context import active_app
from textual.app import App
from textual.events import ScreenResume
from textual.geometry import Region, Size
from textual.screen import Screen
from textual.scrollbar import ScrollBar
from textual.widget import Widget
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


def set_border_title(widget: Widget, title: str) -> None:
    """Give `widget` a new border title, repainting its top line only (Textual's setter
    repaints the whole widget: the lesson's side card, 33 bordered lines, ~5.5 ms a step).
    The title is made as Textual's setter makes it; the same title again repaints nothing."""
    made = widget.render_str(title).expand_tabs(4).split()[0]
    if widget._border_title == made:
        return
    widget._border_title = made
    offset = widget.content_offset  # refresh() takes regions inside the border
    widget.refresh(Region(-offset.x, -offset.y, widget.outer_size.width, 1))


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


class OptionLinesOncePerPaint:
    """Mixin for an OptionList: its lines are brought up to date once per paint.

    Textual's `OptionList.render_line` reads `_lines`, which runs `_update_lines()` (the
    content region, the gutter, the virtual size) again for every line it paints: ~40% of
    painting an actor page. `render_lines` brings them up to date first, once; inside it each
    line reads them as they are."""

    _painting = False

    def render_lines(self, crop: Region) -> list:
        self._painting = True
        try:
            return super().render_lines(crop)
        finally:
            self._painting = False

    @property
    def _lines(self):
        if self._painting:
            return self._line_cache.lines
        return super()._lines


class OneFramePerLayout:
    """Mixin for a Screen: a layout pass leaves no second, identical frame behind.

    While Textual lays a screen out it gives each scrolling widget its new size, which refreshes
    the widget's scroll bars; the frame the layout then composes often paints them with those
    values, yet the refresh is still pending and asks for one more frame, the same as the first
    (an actor page of another length: ~5 ms of the key's CPU, and one more message for a served
    tab). After a layout composed and sent at once, a vertical scroll bar still waiting for a
    repaint is let off it only if that frame wrote every cell of it (the regions the update
    sent cover it) and drew each of its lines after it asked (Textual's per-widget line cache
    holds them all and marks none as dirty). A partial update renders whole lines of every
    widget under the box around its regions but sends only the regions, so a bar drawn and
    not sent keeps its repaint. Other widgets repaint as before."""

    _sent_regions: list[Region] | None = None  # what the last composed frame sent, if one was
    _resumed_before = False

    def _on_screen_resume(self, event: ScreenResume) -> None:
        # Textual restyles every node of a screen each time it resumes (something may have
        # changed while it was away). On its first resume a screen has just been mounted and
        # each of its nodes styled, component classes and all (the explore screen: ~60 runs
        # of the stylesheet, ~10 ms of a start): that pass is skipped; the focus that resume
        # gives restyles its widget as before. Screen._on_screen_resume runs after this.
        if not self._resumed_before:
            self._resumed_before = True
            event.refresh_styles = False

    def _compositor_refresh(self) -> None:
        compositor = self._compositor
        app = self.app
        if self is app.screen and not app.is_inline and app._batch_count:
            # Textual's _display drops a frame composed in a batch (at start-up: the whole
            # first screen, ~25 ms of a terminal start, drawn and thrown away): compose none,
            # and paint the whole screen once at the first idle after the batch instead.
            self._repaint_required = True
            return
        sends = self is app.screen and not app.is_inline
        dirty = list(compositor._dirty_regions)
        super()._compositor_refresh()
        if sends:
            whole = compositor.size.region
            self._sent_regions = [whole] if whole in dirty else dirty

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        self._sent_regions = None
        super()._refresh_layout(size, scroll)
        sent, self._sent_regions = self._sent_regions, None
        if not sent:
            return
        spans: dict[int, list[tuple[int, int]]] = {}
        for y, x1, x2 in self._compositor._regions_to_spans(sent):
            spans.setdefault(y, []).append((x1, x2))
        for widget, (region, clip) in self._compositor.visible_widgets.items():
            if (isinstance(widget, ScrollBar) and widget.vertical and widget._repaint_required
                    and _sent_whole(region.intersection(clip), spans)
                    and _drawn_since_refresh(widget)):
                widget._repaint_required = False
                widget._exchange_repaint_regions()  # those regions were painted too


def _sent_whole(region: Region, spans: dict[int, list[tuple[int, int]]]) -> bool:
    """Every cell of `region` lies in one of the spans sent on its line (spans don't overlap)."""
    left, right = region.x, region.right
    return bool(region) and all(
        any(x1 <= left and right <= x2 for x1, x2 in spans.get(y, ()))
        for y in range(region.y, region.bottom))


def _drawn_since_refresh(widget: Widget) -> bool:
    lines = widget._styles_cache
    if lines._dirty_lines:
        return False
    kept = lines._cache
    return all(y in kept for y in range(widget.outer_size.height))

"""The actor list: a virtual list (one rendered line per visible row, never a widget per row).

Unfiltered, actors are grouped by kind, each list with its factions nested under it. Filtered, the
ranked matches of `explorer.tui.search` are shown (capped at MAX_MATCHES rows). Rows are plain
tuples; only the lines on screen are ever rendered, so 10,000 actors cost nothing to scroll.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from explorer.core.model import Pack
from explorer.tui.fmt import kind_heading, seats_short

if TYPE_CHECKING:
    from explorer.tui.search import ActorSearch  # built in a worker at start-up

MAX_MATCHES = 1000

HEADING, BLANK, ACTOR = "h", "b", "a"
Row = tuple  # (HEADING, title, count, right) | (BLANK,) | (ACTOR, actor_id, prefix, note)

GROUP_ORDER = ("list", "party", "bloc", "person", "faction", "militia", "state",
               "institution", "group", "place")  # seat holders first: lists or parties


def grouped_rows(pack: Pack, on: date | None = None) -> list[Row]:
    """Every actor that exists on the date (all of them for None), grouped by kind; anything
    with a `part_of` nested under its parent. The rule is `explorer actors --date`'s."""
    actors = {aid: a for aid, a in pack.actors.items() if a.exists_on(on)}
    children: dict[str, list[str]] = {}
    for actor in actors.values():
        if actor.part_of and actor.part_of in actors and actor.part_of != actor.id:
            children.setdefault(actor.part_of, []).append(actor.id)

    def seats_key(aid: str) -> tuple:
        return (-(pack.primary_seats(aid) or 0), actors[aid].name.casefold())

    for kids in children.values():
        kids.sort(key=seats_key)
    groups: dict[str, list[str]] = {}
    for actor in actors.values():
        if actor.part_of in actors and actor.part_of != actor.id:
            continue
        groups.setdefault(actor.kind, []).append(actor.id)
    rows: list[Row] = []
    seen: set[str] = set()

    def walk(aid: str, lead: str, branch: str) -> None:
        if aid in seen:  # a cycle of part_of: show it once
            return
        seen.add(aid)
        rows.append((ACTOR, aid, lead + branch, ""))
        kids = children.get(aid, [])
        lead = lead + ("   " if branch.startswith("└") else "│  " if branch else "")
        for i, kid in enumerate(kids):
            walk(kid, lead, "└─ " if i == len(kids) - 1 else "├─ ")

    kinds = [k for k in GROUP_ORDER if k in groups] + sorted(set(groups) - set(GROUP_ORDER))
    for kind in kinds:
        ids = groups[kind]
        ids.sort(key=seats_key if kind in ("list", "party", "bloc") else
                 (lambda aid: actors[aid].name.casefold()))
        if rows:
            rows.append((BLANK,))
        label = "seats" if kind in ("list", "party", "bloc") else ""
        rows.append((HEADING, kind_heading(kind).upper(), str(len(ids)), label))
        for aid in ids:
            walk(aid, "", "")
    return rows


class ActorList(ScrollView, can_focus=True):
    """A scrolling, filterable list of actors with a cursor."""

    COMPONENT_CLASSES = {
        "actor-list--heading",
        "actor-list--cursor",
        "actor-list--cursor-blurred",
        "actor-list--seats",
        "actor-list--absent",
        "actor-list--note",
        "actor-list--tree",
    }

    # a reusable widget's own look: its sizing and the defaults of its component classes stay
    # with it, as in Textual's own widgets (a screen places it from app.tcss)
    DEFAULT_CSS = """
    ActorList {
        overflow-x: hidden;
        & > .actor-list--heading { color: $text-accent; text-style: bold; }
        & > .actor-list--cursor {
            color: $block-cursor-foreground; background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .actor-list--cursor-blurred {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
        }
        & > .actor-list--seats { color: $text-muted; }
        & > .actor-list--absent { color: $text-disabled; }
        & > .actor-list--note { color: $text-muted; text-style: italic; }
        & > .actor-list--tree { color: $text-muted; }
    }
    """

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="up"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="page-down"),
        Binding("home,g", "edge(-1)", "First", show=False, id="first"),
        Binding("end,G", "edge(1)", "Last", show=False, id="last"),
        Binding("enter", "select", "Open", show=False, id="select"),
    ]

    cursor: reactive[int] = reactive(-1, always_update=True, repaint=False)  # watch_cursor paints

    class Highlighted(Message):
        def __init__(self, actor_list: ActorList, actor_id: str) -> None:
            super().__init__()
            self.actor_list = actor_list
            self.actor_id = actor_id

        @property
        def control(self) -> ActorList:
            return self.actor_list

    class Selected(Highlighted):
        pass

    def __init__(self, pack: Pack, search: Callable[[], ActorSearch], on: date | None = None,
                 *, moved: Callable[[str], None] | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        """`search` gives the name index (built on first use, or by a start-up worker).
        `moved(actor_id)`, if given, is called as the cursor lands on an actor, instead of
        posting `Highlighted`: what follows the cursor then changes in the cursor's own frame
        (a message is handled after the list's frame: the cursor on one actor beside the page
        of the one before, and a second frame for the page)."""
        super().__init__(id=id, classes=classes)
        self.pack = pack
        self._search = search
        self._moved = moved
        self.on = on
        self.query_text = ""
        self.all_rows = grouped_rows(pack, on)
        self.rows: list[Row] = self.all_rows
        self._cache: LRUCache[tuple, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._index: dict[str, int] = {}

    # -- data ------------------------------------------------------------------------------
    def on_mount(self) -> None:
        self._set_rows(self.all_rows)

    def _set_rows(self, rows: list[Row], keep: str | None = None) -> None:
        self.rows = rows
        self._index = {row[1]: i for i, row in enumerate(rows) if row[0] == ACTOR}
        self._cache.clear()
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, len(rows))
        target = self._index.get(keep) if keep else None
        if target is None:
            target = self._next_actor(-1, 1)
        self.set_reactive(ActorList.cursor, -1 if target is None else target)
        self.scroll_to(y=0, animate=False, immediate=True)
        self._scroll_cursor()
        self.refresh()

    def filter(self, text: str) -> int:
        """Show only the actors matching `text` (all, grouped, when empty); the match count."""
        self.query_text = text.strip()
        if not self.query_text:
            current = self.current
            self._set_rows(self.all_rows, keep=current)
            return sum(1 for row in self.all_rows if row[0] == ACTOR)
        matches = self._search().rank(self.query_text, limit=MAX_MATCHES)
        count = f"{len(matches)}" if len(matches) < MAX_MATCHES else f"first {MAX_MATCHES}"
        rows: list[Row] = [(HEADING, "MATCHES", count, "kind")]
        names = self.pack.actors
        for m in matches:
            note = "" if m.is_name or m.spelling == names[m.actor_id].name else m.spelling
            rows.append((ACTOR, m.actor_id, "", note))
        if not matches:
            rows.append((BLANK,))
        self._set_rows(rows)
        return len(matches)

    def set_date(self, on: date | None) -> None:
        """Stand on another date: the grouped list shows what exists then (matches of a
        filter stay, those absent on the date dimmed)."""
        if on == self.on:
            return
        self.on = on
        self.all_rows = grouped_rows(self.pack, on)
        if self.query_text:
            self._cache.clear()
            self.refresh()
        else:
            self._set_rows(self.all_rows, keep=self.current)

    @property
    def current(self) -> str | None:
        if 0 <= self.cursor < len(self.rows) and self.rows[self.cursor][0] == ACTOR:
            return self.rows[self.cursor][1]
        return None

    def highlight(self, actor_id: str) -> bool:
        """Put the cursor on an actor (no message); False if it is not in the list."""
        index = self._index.get(actor_id)
        if index is None:
            return False
        self.set_reactive(ActorList.cursor, index)
        self._cache.clear()
        self._scroll_cursor()
        self.refresh()
        return True

    # -- cursor ----------------------------------------------------------------------------
    def _next_actor(self, start: int, step: int) -> int | None:
        i = start + step
        while 0 <= i < len(self.rows):
            if self.rows[i][0] == ACTOR:
                return i
            i += step
        return None

    def _move_to(self, index: int | None) -> None:
        if index is None or index == self.cursor:
            return
        self.cursor = index

    def watch_cursor(self, old: int, new: int) -> None:
        # no cache to clear: a line's key holds whether it is the cursor's. Unscrolled, only
        # the old and the new cursor line are painted again (a whole refresh has Textual style
        # every line of the list again: ~3.5 ms of a key at 40 lines); scrolled, all of them.
        top = self.scroll_offset.y
        self._scroll_cursor()
        if self.scroll_offset.y == top:
            self.refresh_line(old)
            self.refresh_line(new)
        else:
            self.refresh()
        if self.current:
            if self._moved is not None:
                self._moved(self.current)
            else:
                self.post_message(self.Highlighted(self, self.current))

    def _scroll_cursor(self) -> None:
        if self.cursor < 0:
            return
        top = self.cursor
        if self.cursor and self.rows[self.cursor - 1][0] == HEADING:
            top -= 1  # keep a group's heading in view with its first actor
        self.scroll_to_region(Region(0, top, 1, self.cursor - top + 1), animate=False,
                              force=True, immediate=True)

    def action_cursor(self, step: int) -> None:
        self._move_to(self._next_actor(self.cursor, step))

    def action_page(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        target = min(max(self.cursor + direction * height, 0), max(len(self.rows) - 1, 0))
        found = self._next_actor(target - direction, direction)
        if found is None:
            found = self._next_actor(target + direction, -direction)
        self._move_to(found)

    def action_edge(self, direction: int) -> None:
        start = -1 if direction < 0 else len(self.rows)
        self._move_to(self._next_actor(start, -direction))

    def action_select(self) -> None:
        if self.current:
            self.post_message(self.Selected(self, self.current))

    def on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("row")
        if index is None or not (0 <= index < len(self.rows)):
            return
        if self.rows[index][0] != ACTOR:
            return
        if index == self.cursor:
            self.action_select()
        else:
            self.cursor = index

    def on_focus(self) -> None:
        self.refresh()  # the focus is in the lines' cache key

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))

    def notify_style_update(self) -> None:
        self._cache.clear()
        self._styles.clear()
        super().notify_style_update()

    # -- rendering -------------------------------------------------------------------------
    _painting: tuple[int, int, Style] | None = None  # scroll, width, style: one paint's

    def render_lines(self, crop: Region) -> list[Strip]:
        # what every line of a paint shares, found once (the style walks up the widget tree)
        self._painting = (self.scroll_offset.y, self.scrollable_content_region.width,
                          self.rich_style)
        try:
            return super().render_lines(crop)
        finally:
            self._painting = None

    def render_line(self, y: int) -> Strip:
        if self._painting is not None:
            top, width, base = self._painting
        else:
            top, width, base = (self.scroll_offset.y, self.scrollable_content_region.width,
                                self.rich_style)
        index = top + y
        key = (index, width, self.cursor == index, self.has_focus)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        if index >= len(self.rows):
            strip = Strip.blank(width, base)
        else:
            text = self._row_text(self.rows[index], width, index == self.cursor)
            segments = list(text.render(self.app.console))
            strip = Strip(Segment.apply_style(segments, base), width)
            strip = strip.adjust_cell_length(width, base).apply_meta({"row": index})
        self._cache[key] = strip
        return strip

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:  # resolving a component style is slow; keep it until styles change
            style = self._styles[name] = self.get_component_rich_style(name)
        return style

    def _row_text(self, row: Row, width: int, is_cursor: bool) -> Text:
        kind = row[0]
        if kind == BLANK:
            if self.query_text and len(self.rows) == 2:
                return Text(" No actor matches; Esc clears the filter.",
                            style=self._style("actor-list--note"))
            return Text(" " * width)
        if kind == HEADING:
            left = Text.assemble((" " + row[1], self._style("actor-list--heading")))
            if row[2]:
                left.append(f"  {row[2]}", style=self._style("actor-list--seats"))
            right = Text(row[3] if len(row) > 3 else "", style=self._style("actor-list--seats"))
            return _fit(left, right, width)
        _, aid, prefix, note = row
        actor = self.pack.actors[aid]
        left = Text(" ")
        if prefix:
            left.append(prefix, style=self._style("actor-list--tree"))
        present = actor.exists_on(self.on)
        left.append(actor.name, style=Style() if present else self._style("actor-list--absent"))
        if note:
            left.append("  ")
            left.append(note, style=self._style("actor-list--note"))
        if self.query_text:
            right = Text(actor.kind, style=self._style("actor-list--seats"))
        else:
            right = Text(seats_short(self.pack, aid), style=self._style("actor-list--seats"))
        text = _fit(left, right, width)
        if is_cursor:
            text.stylize(self._style("actor-list--cursor" if self.has_focus
                                     else "actor-list--cursor-blurred"))
        return text


def _fit(left: Text, right: Text, width: int) -> Text:
    """`left` cut with an ellipsis to leave room for `right`, which ends at `width` (+1 space)."""
    right_width = right.cell_len + 2 if right.plain else 0  # a space either side
    room = max(0, width - right_width)
    left = left.copy()
    left.truncate(room, overflow="ellipsis", pad=True)
    text = Text(no_wrap=True, end="")
    text.append_text(left)
    if right_width:
        text.append(" ")
        text.append_text(right)
        text.append(" ")
    text.truncate(width, pad=True)
    return text

"""The actor page: one OptionList holding the whole page.

The heading, description and seats are disabled options (read-only text); every relationship is a
selectable option, so the cursor moves from "exit" to "exit" like a text adventure and Enter
walks to the actor at the other end. With no actor the page shows the pack's overview.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from explorer.core.graph import Atlas, Link
from explorer.core.timeline import current_event
from explorer.core.vocabulary import status_label
from explorer.tui import drawn_lines
from explorer.tui.fmt import citation, day, kind_name, lifetime, seats_short, text_segments
from explorer.tui.meaning import DrawnWhenPainted, MeaningOptionList, stance_meaning
from explorer.tui.textual_internals import option_lines
from explorer.tui.themes import STANCE_LABEL


def _block(*parts: RenderableType, top: int = 0, bottom: int = 1) -> RenderableType:
    return Padding(Group(*parts), (top, 1, bottom, 1))


MIN_BODY = 4  # fewer columns beside the mark than this: the mark goes above the body instead


class Hanging:
    """`mark` hanging in the margin of `body` ("  →  the body, wrapped under itself"): what a
    two-column rich table grid drew for each relationship, at a third of its cost (a table
    measures every cell before it draws; a page has dozens of rows)."""

    def __init__(self, mark: Text, body: list[RenderableType], left: int = 2, indent: int = 3,
                 right: int = 1) -> None:
        self.mark, self.body = mark, body
        self.left, self.indent, self.right = left, indent, right

    def __rich_console__(self, console: Console, options: ConsoleOptions):
        margin = self.left + self.indent + self.right
        if not self.body or options.max_width - margin < MIN_BODY:
            yield Group(self.mark, *self.body)  # no room to hang (or nothing beside the mark)
            return
        width = options.max_width - margin
        lines = console.render_lines(Group(*self.body), options.update_width(width), pad=True)
        first = [Segment(" " * self.left), *text_segments(self.mark, console),
                 Segment(" " * max(0, self.indent - self.mark.cell_len))]
        under = [Segment(" " * (self.left + self.indent))]
        end = Segment(" " * self.right + "\n")
        for i, line in enumerate(lines):
            yield from first if i == 0 else under
            yield from line
            yield end

    def rich_lines(self, console: Console, options: ConsoleOptions):
        """The lines `__rich_console__` draws, put together from the body's (drawn_lines)."""
        margin = self.left + self.indent + self.right
        if not self.body or options.max_width - margin < MIN_BODY:
            return drawn_lines.part_lines(Group(self.mark, *self.body), console, options)
        width = options.max_width - margin
        body = drawn_lines.render_lines(Group(*self.body), console, options.update_width(width))
        first = [Segment(" " * self.left), *text_segments(self.mark, console),
                 Segment(" " * max(0, self.indent - self.mark.cell_len))]
        under = [Segment(" " * (self.left + self.indent))]
        end = [Segment(" " * self.right)] if self.right else []
        adjust = Segment.adjust_line_length
        return [adjust([*(under if i else first), *line, *end], options.max_width, pad=False)
                for i, line in enumerate(body)]

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        margin = self.left + self.indent + self.right
        inner = Measurement.get(console, options.update_width(max(1, options.max_width - margin)),
                                Group(*self.body))
        return Measurement(inner.minimum + margin, inner.maximum + margin)


def _heading(title: str, ink, right: str = "") -> Text:
    text = Text.assemble((title.upper(), ink("highlight", "bold")))
    if right:
        text.append("  " + right, style=ink("note"))
    return text


class ActorPage(MeaningOptionList):
    """The page of one actor (or of the pack when `actor_id` is None).

    Each part is drawn when painted (`DrawnWhenPainted`), so its colours with a meaning are
    the theme's of the moment: a theme change repaints the page without a redraw by hand."""

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False, id="up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="down"),
        Binding("enter", "select", "Walk there", show=False, id="select"),
    ]

    class Walk(Message):
        """Enter on a relationship: go to the actor at its other end."""

        def __init__(self, actor_id: str) -> None:
            super().__init__()
            self.actor_id = actor_id

    def __init__(self, atlas: Atlas, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.atlas = atlas
        self.actor_id: str | None = None
        self.on: date | None = None
        self.sources_dir: str | Path | None = None
        self.links: dict[str, Link] = {}

    # -- navigation over the disabled parts ------------------------------------------------
    def _enabled(self) -> list[int]:
        return [i for i, o in enumerate(self.options) if not o.disabled]

    def _fully_visible(self, index: int) -> bool:
        top, bottom = option_lines(self, index)
        height = self.scrollable_content_region.height
        return self.scroll_y <= top and bottom <= self.scroll_y + height

    def action_cursor_up(self) -> None:
        enabled = self._enabled()
        if not enabled or self.highlighted is None:
            self.scroll_up(animate=False)
        elif self.highlighted <= enabled[0]:
            self.highlighted = None  # back to reading the heading
            self.refresh()
            self.scroll_up(animate=False)
        else:
            super().action_cursor_up()

    def action_cursor_down(self) -> None:
        enabled = self._enabled()
        if not enabled:
            self.scroll_down(animate=False)
        elif self.highlighted is None:
            if self._fully_visible(enabled[0]):
                self.highlighted = enabled[0]
            else:
                self.scroll_down(animate=False)  # read on until the first relationship shows
        elif self.highlighted >= enabled[-1]:
            self.scroll_down(animate=False)  # no wrapping round to the top
        else:
            super().action_cursor_down()

    # -- content ---------------------------------------------------------------------------
    def show(self, actor_id: str | None, on: date | None, sources_dir=None,
             keep_cursor: bool = False) -> None:
        """Render a page; `keep_cursor` keeps the highlighted relationship and the scroll."""
        previous = self.highlighted_option.id if keep_cursor and self.highlighted_option else None
        scroll = self.scroll_y if keep_cursor else 0
        self.actor_id, self.on, self.sources_dir = actor_id, on, sources_dir
        self.links = {}
        options = self._overview() if actor_id is None else self._actor(actor_id)
        self.set_options(options)
        if previous and previous in self.links:
            self.highlighted = self.get_option_index(previous)
        else:
            self.scroll_to(y=scroll, animate=False, immediate=True)
            if self._option_lines_known():
                self._first_exit()  # in the frame that shows the page, not one frame later
            else:
                self.call_after_refresh(self._first_exit)

    def _option_lines_known(self) -> bool:
        """Whether the options' lines are laid out (the page has its width already)."""
        return bool(self.options) and self.scrollable_content_region.height > 0 and \
            option_lines(self, len(self.options) - 1)[1] > 0

    def _first_exit(self) -> None:
        """Highlight the first relationship if it shows without scrolling the heading away."""
        enabled = self._enabled()
        if self.highlighted is None and enabled and self._fully_visible(enabled[0]):
            self.highlighted = enabled[0]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        link = self.links.get(event.option_id or "")
        if link is not None:
            self.post_message(self.Walk(link.other))

    @property
    def current_link(self) -> Link | None:
        option = self.highlighted_option
        return self.links.get(option.id) if option and option.id else None

    # -- the pack overview -----------------------------------------------------------------
    def _drawn(self, draw, **option) -> Option:
        """An option drawn when painted, in the theme's colours of the moment."""
        return Option(DrawnWhenPainted(draw), **option)

    def _overview(self) -> list[Option]:
        return [self._drawn(self._overview_title, disabled=True),
                self._drawn(self._overview_numbers, disabled=True),
                self._drawn(self._overview_now, disabled=True)]

    def _overview_title(self) -> RenderableType:
        pack = self.atlas.pack
        title = Text(pack.title, style=self.ink("title", "bold"))
        return _block(title, Text(""), Text(pack.description), top=1)

    def _overview_numbers(self) -> RenderableType:
        pack = self.atlas.pack
        grid = Table.grid(padding=(0, 2))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column()
        grid.add_row(Text(str(pack.parliament_size), style="bold"), Text("seats in parliament"))
        for t in pack.thresholds:
            groups = "".join(f"; and {g.seats} of the {g.total} seats of {g.name}"
                             for g in t.groups)
            role = " (the line a government needs)" if t.government else ""
            grid.add_row(Text(str(t.seats), style="bold"),
                         Text.assemble((t.name, "bold"), role, groups, " — ", t.purpose))
        return _block(_heading("The numbers", self.ink), grid)

    def _overview_now(self) -> RenderableType:
        pack = self.atlas.pack
        event = current_event(pack, self.on) if self.on else None
        now = Text.assemble(("Standing on ", ""), (day(self.on), "bold"))
        if event:
            now.append_text(Text.assemble(". Latest event: ", (event.title, "bold"),
                                          f" ({event.date})."))
        how = Text.assemble(
            "Pick an actor on the left (", ("/", "bold"), " filters), then walk its "
            "relationships with ", ("Enter", "bold"), ". ", (",", "bold"), " and ", (".", "bold"),
            " step through the timeline; ", ("F1", "bold"), " lists every key.")
        return _block(_heading("Where you are", self.ink), now, Text(""), how)

    # -- one actor -------------------------------------------------------------------------
    def _actor(self, actor_id: str) -> list[Option]:
        atlas, on = self.atlas, self.on
        actor = atlas.pack.actors[actor_id]
        options = [self._drawn(lambda: self._actor_head(actor), disabled=True),
                   self._drawn(lambda: self._about(actor), disabled=True)]
        if self._seats(actor_id) is not None:
            options.append(self._drawn(lambda: self._seats(actor_id), disabled=True))
        groups = atlas.grouped_links(actor_id, on)
        total = sum(len(v) for v in groups.values())
        when = f"on {day(on)}" if on else ""
        if not groups:
            options.append(self._drawn(lambda: _block(
                _heading("Relationships", self.ink),
                Text(f"No relationship holds {when}.", style=self.ink("note"))), disabled=True))
            return options
        options.append(self._drawn(lambda: _block(
            _heading("Relationships", self.ink, f"{total} {when}"), bottom=0), disabled=True))
        n = 0
        for label, links in groups.items():
            options.append(self._drawn(partial(self._group_heading, label, links[0]),
                                       disabled=True))
            for i, link in enumerate(links):
                if i:
                    options.append(Option(Text(""), disabled=True))  # air between the rows
                option_id = f"rel-{n}"
                n += 1
                self.links[option_id] = link
                options.append(self._drawn(partial(self._link_row, link), id=option_id))
        return options

    def _actor_head(self, actor) -> RenderableType:
        pack, note = self.atlas.pack, self.ink("note")
        head = Text(actor.name, style=self.ink("title", "bold"))
        sub = Text(kind_name(actor.kind).upper(), style=self.ink("note", "bold"))
        if actor.part_of and actor.part_of in pack.actors:
            sub.append("  in ", style=note)
            sub.append(pack.actors[actor.part_of].name, style=note)
        if actor.kind == "bloc" and actor.members:
            sub.append("  of ", style=note)
            sub.append(", ".join(pack.actors[m].name for m in actor.members
                                 if m in pack.actors), style=note)
        parts: list[RenderableType] = [head, sub]
        if actor.aliases:
            parts.append(Text.assemble(("Also called ", note),
                                       (" · ".join(actor.aliases), "italic")))
        gone = lifetime(actor, self.on)
        if gone:
            parts.append(Text("⚠ " + gone[0].upper() + gone[1:],
                              style=self.ink("caution", "bold")))
        return _block(*parts, top=1)

    def _about(self, actor) -> RenderableType:
        about: list[RenderableType] = [Text(actor.description)]
        if actor.sources:
            about.append(Text(""))
            about.extend(self._sources(actor.sources))
        if actor.source_note:
            about.append(Text("Note on the sources: " + actor.source_note,
                              style=self.ink("note", "italic")))
        return _block(*about)

    def _sources(self, sources) -> list[RenderableType]:
        label = Text("Sources", style=self.ink("note", "bold"))
        cited = [citation(src, self.sources_dir, self.ink("note")) for src in sources]
        return [Hanging(label, cited, left=0, indent=label.cell_len + 2, right=0)]

    def _seats(self, actor_id: str) -> RenderableType | None:
        pack, note = self.atlas.pack, self.ink("note")
        actor = pack.actors[actor_id]
        short = seats_short(pack, actor_id)
        lines: list[RenderableType] = []
        if actor.kind == "bloc" and actor.members and short:
            heading = _heading("Seats", self.ink)
            heading.append(f"  {short}", style="bold")
            lines.append(heading)
            members = [Text.assemble((pack.actors[m].name, ""), "  ",
                                     (seats_short(pack, m) or "0", "bold"))
                       for m in actor.members if m in pack.actors]
            lines.append(Text("The sum of its members:", style=note))
            lines.extend(Padding(t, (0, 0, 0, 2)) for t in members)
        elif actor.seat_claims:
            heading = _heading("Seats", self.ink)
            heading.append(f"  {short}", style="bold")
            if actor.disputed:
                heading.append("   sources disagree", style=self.ink("caution", "bold"))
            lines.append(heading)
            grid = Table.grid(padding=(0, 2))
            grid.add_column(justify="right", no_wrap=True)
            grid.add_column()
            for claim in actor.seat_claims:
                body = citation(claim.source, self.sources_dir, note)
                if claim.note:
                    body = Text.assemble((claim.note, ""), "  ", body)
                grid.add_row(Text(claim.text, style="bold"), body)
            lines.append(Padding(grid, (0, 0, 0, 2)))
        elif actor.stands_for and actor.stands_for in pack.actors:
            target = pack.actors[actor.stands_for]
            lines.append(_heading("Seats", self.ink))
            lines.append(Text.assemble("Brings the seats of ", (target.name, "bold"),
                                       f" ({seats_short(pack, target.id) or '0'}) "
                                       "to a coalition."))
        else:
            return None
        return _block(*lines)

    def _group_heading(self, label: str, link: Link) -> RenderableType:
        rtype = link.type
        text = Text.assemble((label, self.ink(stance_meaning(rtype.stance), "bold")))
        note = STANCE_LABEL.get(rtype.stance, rtype.stance)
        if rtype.hard:
            note += " · hard: cannot sit together"
        elif rtype.pm_only:
            note += " · hard if the target is PM"
        text.append("  ·  " + note, style=self.ink("note"))
        return Padding(text, (1, 1, 0, 1))

    def _link_row(self, link: Link) -> RenderableType:
        pack, note = self.atlas.pack, self.ink("note")
        other = pack.actors[link.other]
        rel = link.relation
        name = Text.assemble((other.name, "bold"), "  ", (kind_name(other.kind), note))
        when = []
        if rel.since:
            when.append(f"since {day(rel.since)}")
        if rel.until:
            when.append(f"until {day(rel.until)}")
        if when:
            name.append("  (" + ", ".join(when) + ")", style=note)
        if status := status_label(rel.status):
            name.append(f"  [{status}]", style=self.ink("caution", "bold"))
        body: list[RenderableType] = [name, Text(rel.description)]
        body.extend(citation(s, self.sources_dir, note) for s in rel.sources)
        if rel.source_note:
            body.append(Text("Note on the sources: " + rel.source_note,
                             style=self.ink("note", "italic")))
        arrow = Text("→", style=self.ink(stance_meaning(link.type.stance), "bold"))
        return Hanging(arrow, body)

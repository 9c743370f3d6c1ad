"""Command palette (Ctrl+P) providers: go to any actor; coalition, timeline and theme actions.

The palette renders hit text and help as Textual markup, so every string taken from a content
pack is escaped (or wrapped in `Content`) before it gets there.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from explorer.core.seats import splittable
from explorer.core.text import SeatRange
from explorer.tui.fmt import kind_name, seats_short

ACTOR_HITS = 25


def _display(prefix: str, name: str, query: str = "") -> Content:
    """`prefix` + `name` (literal), the query's letters in the name highlighted."""
    content = Content(prefix + name)
    key = query.strip().casefold()
    if key:
        at = name.casefold().find(key)
        if at >= 0:
            start = len(prefix) + at
            content = content.stylize("bold underline", start, start + len(key))
    return content


def typed_date(query: str):
    """The day in "go to 2010-03-27" or "2010-03-27" (None if the query holds no full date)."""
    import re

    from explorer.core.dates import parse_day

    m = re.fullmatch(r"\s*(?:go\s*(?:to)?\s+)?(\d{4}-\d{2}-\d{2})\s*", query, re.IGNORECASE)
    if m is None:
        return None
    try:
        return parse_day(m.group(1))
    except ValueError:
        return None


class ActorCommands(Provider):
    """'Go to <actor>': every name and alias, ranked like the actor list's filter."""

    async def search(self, query: str) -> Hits:
        app = self.app
        pack = app.atlas.pack
        for i, match in enumerate(app.search.rank(query, limit=ACTOR_HITS)):
            actor = pack.actors[match.actor_id]
            help_text = kind_name(actor.kind)
            if not match.is_name and match.spelling != actor.name:
                help_text += f" · also called {match.spelling}"
            # above the action hits (matcher scores are at most 1): "Go to" comes first
            yield Hit(2.0 - i / 100, _display("Go to ", actor.name, query),
                      partial(app.go_to_actor, actor.id), text=f"Go to {actor.name}",
                      help=escape(help_text))

    async def discover(self) -> Hits:
        app = self.app
        for actor in app.atlas.pack.top_level_seat_holders():
            yield DiscoveryHit(_display("Go to ", actor.name), partial(app.go_to_actor, actor.id),
                               text=f"Go to {actor.name}", help=escape(kind_name(actor.kind)))


class ActionCommands(Provider):
    """Coalition edits, dates of events, views and themes."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = self.app
        pack, state = app.atlas.pack, app.state
        out: list[tuple[str, str, Callable[[], object]]] = []
        members = set(state.coalition.members)
        for unit in state.picture.units:
            seats = SeatRange(unit.low, unit.high).seats()
            if unit.id in members:
                out.append((f"Remove {unit.name} from coalition", seats,
                            partial(app.toggle_member, unit.id)))
            else:
                out.append((f"Add {unit.name} to coalition", seats,
                            partial(app.add_member, unit.id)))
            if splittable(pack, state.picture, unit.id):
                parts = ", ".join(a.name for a in pack.children(unit.id)
                                  if a.holds_seats and a.exists_on(state.on)) or "its parts"
                out.append((f"Split {unit.name} into factions", parts,
                            partial(app.split_unit, unit.id)))
        for actor in pack.actors.values():
            if actor.kind == "person":
                help_text = "PM candidate of the coalition"
                if actor.stands_for and actor.stands_for in pack.actors:
                    target = pack.actors[actor.stands_for]
                    help_text += f" · stands for {target.name} ({seats_short(pack, target.id)})"
                out.append((f"Set PM {actor.name}", help_text, partial(app.set_pm, actor.id)))
        from explorer.core.story import story

        st = story(pack)
        for i, (event, on) in enumerate(zip(st.events, st.days, strict=True)):
            when = str(event.date)
            if event.date.precision != "day" and on != event.date.start:
                when += f" · stands on {on.day} {on:%B %Y}, after what it follows"
            out.append((f"Go to date of {event.title}", when, partial(app.go_to_event, i)))
        for name in sorted(app.available_themes):
            out.append((f"Switch theme {name}", "colours", partial(setattr, app, "theme", name)))
        out.extend([
            ("Timeline", "every event; Enter jumps to its date", app.action_timeline),
            ("Explore actors", "the actor list and pages", partial(app.switch_to, "explore")),
            ("Coalition builder", "count seats toward the thresholds",
             partial(app.switch_to, "coalition")),
            ("Presentation mode", "on / off: projector theme, fewer panes",
             app.action_toggle_present),
            ("Save screenshot", "an SVG (a download in a browser)", app.action_screenshot),
            ("Download coalition report", "Markdown: seats, thresholds, tensions, power",
             partial(app.action_download, "report")),
            ("Download graph", "GraphML of the actors and relations on this date",
             partial(app.action_download, "graph")),
        ])
        from explorer.tui.pack_chooser import can_switch

        if can_switch(app):
            out.append(("Open another content pack", "another parliament; remembered for "
                        "next time", app.action_choose_pack))
        if getattr(app, "class_session", None) is not None:
            out.append(("Hand in this coalition", "to the teacher's class board",
                        app.action_hand_in))
            if app.class_session.teacher:
                out.append(("Class board", "every group's hand-in", app.action_class_board))
        return out

    async def search(self, query: str) -> Hits:
        day = typed_date(query)
        pack = self.app.atlas.pack
        if day is not None and pack.start_date and not pack.start_date <= day <= (
                pack.end_date or day):
            day = None  # outside the pack's dates
        if day is not None:  # "go to 2010-03-27", "2010-03-27": stand on that day
            yield Hit(3.0, Content(f"Go to {day.isoformat()}"),
                      partial(self.app.set_date, day), text=f"Go to {day.isoformat()}",
                      help="stand on this day")
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, _highlight(matcher, title), callback, text=title,
                          help=escape(help_text))

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            if not title.startswith(("Add ", "Remove ", "Set PM", "Go to date", "Switch theme")):
                yield DiscoveryHit(Content(title), callback, text=title, help=escape(help_text))


def _highlight(matcher, title: str) -> Content:
    """The matcher's highlighting, without reading the title as markup."""
    content = Content(title)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    style = matcher.match_style
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize(style, offset, offset + 1)
    return content

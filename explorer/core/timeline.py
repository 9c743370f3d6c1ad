"""The dated story: events in order, the event current on a date, and what changed between dates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from explorer.core.model import Actor, Event, Pack, Relation
from explorer.core.story import story


def events_until(pack: Pack, on: date) -> list[Event]:
    """The events of the story up to `on`, in story order."""
    st = story(pack)
    return [e for e, d in zip(st.events, st.days, strict=True) if d <= on]


def current_event(pack: Pack, on: date, at: int | None = None) -> Event | None:
    """The event shown as Now on `on` (`at`: a position in the story order, see story.py)."""
    st = story(pack)
    i = st.current(on, at)
    return st.events[i] if i is not None else None


def next_event(pack: Pack, on: date, at: int | None = None) -> Event | None:
    st = story(pack)
    i = st.next(on, at)
    return st.events[i] if i is not None else None


def previous_event(pack: Pack, on: date, at: int | None = None) -> Event | None:
    st = story(pack)
    i = st.previous(on, at)
    return st.events[i] if i is not None else None


def standing_day(pack: Pack, event: Event) -> date:
    """The day one stands on for an event (after what it follows; see story.py)."""
    return story(pack).day_of(event)




@dataclass
class Diff:
    start: date
    end: date
    relations_started: list[Relation] = field(default_factory=list)
    relations_ended: list[Relation] = field(default_factory=list)
    actors_appeared: list[Actor] = field(default_factory=list)
    actors_gone: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.relations_started or self.relations_ended or self.actors_appeared
                    or self.actors_gone or self.events)


def diff(pack: Pack, start: date, end: date) -> Diff:
    """What holds on `end` that did not on `start`, and the reverse; events in between."""
    if end < start:
        start, end = end, start
    out = Diff(start, end)
    for rel in pack.relations:
        before, after = rel.active_on(start), rel.active_on(end)
        if after and not before:
            out.relations_started.append(rel)
        elif before and not after:
            out.relations_ended.append(rel)
    for actor in pack.actors.values():
        before, after = actor.exists_on(start), actor.exists_on(end)
        if after and not before:
            out.actors_appeared.append(actor)
        elif before and not after:
            out.actors_gone.append(actor)
    st = story(pack)
    out.events = [e for e, d in zip(st.events, st.days, strict=True) if start < d <= end]
    return out

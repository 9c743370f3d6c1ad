"""The dated story: events in order, the event current on a date, and what changed between dates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from explorer.core.model import Actor, Event, Pack, Relation


def events_until(pack: Pack, on: date) -> list[Event]:
    return [e for e in pack.events if e.date.start <= on]


def current_event(pack: Pack, on: date) -> Event | None:
    """The latest event on or before `on`."""
    past = events_until(pack, on)
    return past[-1] if past else None


def next_event(pack: Pack, on: date) -> Event | None:
    return next((e for e in pack.events if e.date.start > on), None)


def previous_event(pack: Pack, on: date) -> Event | None:
    earlier = [e for e in pack.events if e.date.start < on]
    return earlier[-1] if earlier else None




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
    out.events = [e for e in pack.events if start < e.date.start <= end]
    return out

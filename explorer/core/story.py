"""The story order: the one order of events every screen and command shows.

An event known to the day stands on its day. An event known only to the month (or year) stands
on the first day of its month, unless it says what it follows (`after = "<event id>"`): then it
comes right after that event in the story and stands on the later of that event's day and the
first day of its own month, so that standing on it shows the state after what it follows (a
meeting "the weekend after the results" is not shown before the election).

The order: events by their standing day; on the same day an event comes after the one it
follows, and otherwise keeps the pack's order. A position in the story (an index) tells apart
events that stand on the same day, so stepping shows every event as Now exactly once.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from explorer.core.model import Event, Pack


@dataclass(frozen=True)
class Story:
    events: tuple[Event, ...]  # in story order
    days: tuple[date, ...]  # the day each event stands on (non-decreasing)

    def index_of(self, event_id: str) -> int | None:
        return next((i for i, e in enumerate(self.events) if e.id == event_id), None)

    def day_of(self, event: Event) -> date:
        i = self.index_of(event.id)
        return self.days[i] if i is not None else event.date.start

    def current(self, on: date, at: int | None = None) -> int | None:
        """The position of Now: `at` when it stands on `on`, else the last event on or before."""
        if at is not None and 0 <= at < len(self.events) and self.days[at] == on:
            return at
        i = bisect_right(self.days, on) - 1
        return i if i >= 0 else None

    def next(self, on: date, at: int | None = None) -> int | None:
        now = self.current(on, at)
        i = 0 if now is None else now + 1
        return i if i < len(self.events) else None

    def previous(self, on: date, at: int | None = None) -> int | None:
        now = self.current(on, at)
        if now is None:
            return None
        if self.days[now] < on:  # between two events: back to the one shown as Now
            return now
        return now - 1 if now > 0 else None


def follows_chain(pack: Pack, event: Event) -> list[str]:
    """The ids an event follows, nearest first (stops at an unknown id or a cycle)."""
    by_id = {e.id: e for e in pack.events}
    chain: list[str] = []
    cur = event
    while cur.after and cur.after in by_id and cur.after not in chain and cur.after != event.id:
        chain.append(cur.after)
        cur = by_id[cur.after]
    return chain


def story(pack: Pack) -> Story:
    """The pack's story order (worked out once per pack)."""
    cached = pack.__dict__.get("_story")
    if cached is not None and cached[0] == len(pack.events):
        return cached[1]
    by_id = {e.id: e for e in pack.events}
    days: dict[str, date] = {}

    def day(e: Event, seen: frozenset[str] = frozenset()) -> date:
        if e.id in days:
            return days[e.id]
        own = e.date.start
        anchor = by_id.get(e.after) if e.after else None
        if e.date.precision != "day" and anchor is not None and anchor.id not in seen | {e.id}:
            own = max(own, day(anchor, seen | {e.id}))
        days[e.id] = own
        return own

    # the pack's order (by date as written), with each follower moved right after its anchor
    base = sorted(pack.events, key=lambda e: e.date)
    followers: dict[str, list[Event]] = {}
    roots: list[Event] = []
    for e in base:
        if e.after and e.after in by_id and e.after != e.id and e.date.precision != "day":
            followers.setdefault(e.after, []).append(e)
        else:
            roots.append(e)
    sequence: list[Event] = []
    placed: set[int] = set()  # by object: a duplicate id (the checker reports it) is kept

    def place(e: Event) -> None:
        if id(e) in placed:
            return
        placed.add(id(e))
        sequence.append(e)
        for f in followers.get(e.id, ()):
            place(f)

    for e in roots:
        place(e)
    for e in base:  # followers caught in a cycle (the checker reports it): by their own date
        place(e)
    rank = {id(e): i for i, e in enumerate(sequence)}
    ordered = sorted(sequence, key=lambda e: (day(e), rank[id(e)]))
    result = Story(tuple(ordered), tuple(day(e) for e in ordered))
    pack.__dict__["_story"] = (len(pack.events), result)
    return result


def after_problems(pack: Pack) -> list[tuple[Event, str, str | None]]:
    """(event, message, hint) for each `after` naming an unknown event or making a cycle."""
    by_id = {e.id: e for e in pack.events}
    out: list[tuple[Event, str, str | None]] = []
    for e in pack.events:
        if not e.after:
            continue
        if e.after not in by_id:
            out.append((e, f"event {e.id!r}: 'after' names an unknown event {e.after!r}",
                        "give the id of an event in events.toml"))
            continue
        if e.after == e.id:
            out.append((e, f"event {e.id!r} cannot follow itself", None))
            continue
        if e.date.precision == "day":
            out.append((e, f"event {e.id!r} is dated to the day, so 'after' has no effect",
                        "use 'after' only for events known to the month or year"))
            continue
        anchor = by_id[e.after]
        if anchor.date.start > _period_end(e):
            out.append((e, f"event {e.id!r} ({e.date.iso}) cannot follow {anchor.id!r} "
                        f"({anchor.date.iso}), which comes after the whole of {e.date}", None))
        seen, cur = [e.id], anchor
        while True:
            if cur.id == e.id:
                if e.id == min(seen):  # one report per cycle
                    loop = " -> ".join([*seen, e.id])
                    out.append((e, f"'after' of event {e.id!r} goes round in a circle: {loop}",
                                "an event follows an earlier one, never itself"))
                break
            if cur.id in seen or not cur.after or cur.after not in by_id:
                break
            seen.append(cur.id)
            cur = by_id[cur.after]
    return out


def _period_end(e: Event) -> date:
    start = e.date.start
    if e.date.precision == "year":
        return date(start.year, 12, 31)
    if e.date.precision == "month":
        nxt = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return start

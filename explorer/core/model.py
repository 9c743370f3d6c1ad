"""Typed model objects of a content pack (plain dataclasses, no I/O)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from explorer.core.dates import FuzzyDate, active
from explorer.core.text import range_text
from explorer.core.vocabulary import SEAT_KINDS, pronoun_for

if TYPE_CHECKING:
    from explorer.core.deal_model import Negotiation


_UNPICKLING = threading.Lock()


class Later:
    """The value of a `deferred` field. Pickled, it keeps the value as bytes of its own, which
    are unpickled when the field is first read: a start from the pack cache then does not import
    the modules of what it does not show yet (the negotiation and the lessons' claims: about
    20 ms of class creation before the first frame). The value is pickled on its own: an object
    it shared with the rest of the pack would come back as a copy (the fields hold ids and
    value objects only)."""

    __slots__ = ("value", "data")

    def __init__(self, value: object = None, data: bytes | None = None) -> None:
        self.value, self.data = value, data

    def get(self) -> object:
        if self.data is not None:
            with _UNPICKLING:  # two threads reading it first get the same object
                if self.data is not None:
                    import pickle

                    self.value = pickle.loads(self.data)
                    self.data = None  # after the value: a reader that sees None finds it
        return self.value

    def __reduce__(self) -> tuple:
        if self.data is None:
            import pickle

            return (Later, (None, pickle.dumps(self.value, protocol=pickle.HIGHEST_PROTOCOL)))
        return (Later, (None, self.data))


class deferred:  # noqa: N801 - used like `field`
    """A dataclass field whose value is held in a `Later` (read as the value itself)."""

    def __init__(self, default: object) -> None:
        self.default = default  # immutable: shared by every instance that does not set it

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = f"_{name}_later"

    def __get__(self, obj: object, owner: type | None = None):
        if obj is None:
            return self.default  # what dataclass takes as the field's default
        later = obj.__dict__.get(self.key)
        return self.default if later is None else later.get()

    def __set__(self, obj: object, value: object) -> None:
        obj.__dict__[self.key] = Later(value)


class Origin(NamedTuple):
    """Where a thing was written: the file and the line of its table (a tuple: cheap to make)."""

    path: Path
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class SeatClaim:
    low: int
    high: int
    source: str
    note: str | None = None
    since: date | None = None  # the claim holds from this day (None: from the pack's results)
    until: date | None = None  # ... to the day before this one (a defection, a split)
    line: int = field(default=0, compare=False)  # where the claim is written (for problems)

    def holds_on(self, on: date | None) -> bool:
        return active(on, self.since, self.until)

    @property
    def text(self) -> str:
        return range_text(self.low, self.high)


@dataclass(frozen=True)
class ThresholdGroup:
    """One condition of a composite threshold: `seats` of the seats held by `members`."""

    name: str
    members: tuple[str, ...]  # seat holders (lists, parties); their factions count with them
    seats: int  # needed inside the group (by default a majority of the group's seats)
    total: int  # the seats the group holds


@dataclass(frozen=True)
class Threshold:
    id: str
    name: str
    seats: int
    purpose: str
    source: str
    government: bool = False  # the threshold a government needs (exactly one per pack)
    groups: tuple[ThresholdGroup, ...] = ()  # and, besides `seats`, a majority in each group

    @property
    def label(self) -> str:
        """How the line is named everywhere: its name and seats, and its group conditions."""
        if not self.groups:
            return f"{self.name} ({self.seats})"
        parts = ", ".join(f"{g.seats} of {g.total} in {g.name}" for g in self.groups)
        return f"{self.name} ({self.seats}; {parts})"


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    description: str
    sources: tuple[str, ...]
    origin: Origin
    aliases: tuple[str, ...] = ()
    pronoun_declared: str | None = None
    part_of: str | None = None
    seat_claims: tuple[SeatClaim, ...] = ()
    members: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    formed_by: str | None = None
    stands_for: str | None = None
    source_note: str | None = None  # e.g. "the source is a 2014 summary, written later"

    @property
    def pronoun(self) -> str:
        return pronoun_for(self.kind, self.pronoun_declared)

    @property
    def holds_seats(self) -> bool:
        """True for actors that hold seats directly (not blocs, which sum their members)."""
        return bool(self.seat_claims) and self.kind in SEAT_KINDS

    @property
    def primary_seats(self) -> int | None:
        return self.seat_claims[0].low if self.seat_claims else None

    def claims_on(self, on: date | None) -> tuple[SeatClaim, ...]:
        """The seat claims that hold on a date (all of them for no date)."""
        if on is None or not any(c.since or c.until for c in self.seat_claims):
            return self.seat_claims
        return tuple(c for c in self.seat_claims if c.holds_on(on))

    @property
    def claimed_range(self) -> tuple[int, int] | None:
        return self.range_on(None)

    def range_on(self, on: date | None) -> tuple[int, int] | None:
        claims = self.claims_on(on)
        if not claims:
            return None
        return (min(c.low for c in claims), max(c.high for c in claims))

    @property
    def disputed(self) -> bool:
        return len({(c.low, c.high) for c in self.seat_claims}) > 1

    def exists_on(self, on: date | None) -> bool:
        return active(on, self.since, self.until)

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(slots=True)
class Relation:
    id: str
    source: str
    target: str
    type: str
    description: str
    sources: tuple[str, ...]
    origin: Origin
    since: date | None = None
    until: date | None = None
    status: str | None = None  # a name in vocabulary.STATUSES; None: as the source states it
    source_note: str | None = None

    def active_on(self, on: date | None) -> bool:
        return active(on, self.since, self.until)


@dataclass
class Event:
    id: str
    date: FuzzyDate
    title: str
    summary: str
    sources: tuple[str, ...]
    origin: Origin
    place: str | None = None
    participants: tuple[str, ...] = ()
    after: str | None = None  # for a month- or year-dated event: the event it follows
    status: str | None = None
    source_note: str | None = None


@dataclass
class Goal:
    threshold: str | None = None  # None: the pack's government threshold
    feasible: bool = True
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    deal: bool = False  # won only by a deal every member accepts ('propose')
    demands_of: str | None = None  # ... that meets at least demands_met of this actor's demands
    demands_met: int = 0


@dataclass
class Challenge:
    id: str
    title: str
    role: str
    date: date
    intro: str
    goal: Goal
    origin: Origin
    start_coalition: tuple[str, ...] = ()
    pm: str | None = None
    must_travel: bool = False
    hints: tuple[str, ...] = ()
    history: str = ""
    sources: tuple[str, ...] = ()
    history_coalition: tuple[str, ...] = ()  # who history's own coalition held (empty: none)


@dataclass
class LessonStep:
    title: str
    narration: str
    origin: Origin
    date: date | None = None
    coalition: tuple[str, ...] = ()
    pm: str | None = None
    focus: str | None = None
    question: str | None = None
    answer: str | None = None
    #: explorer.core.claims.Claim: what the step says about its numbers
    claims: tuple = deferred(())


@dataclass
class Lesson:
    id: str
    title: str
    summary: str
    steps: tuple[LessonStep, ...]
    origin: Origin


@dataclass
class Pack:
    id: str
    title: str
    description: str
    parliament_size: int
    default_date: date
    path: Path
    thresholds: tuple[Threshold, ...]
    actors: dict[str, Actor]
    relations: list[Relation]
    events: list[Event]
    challenges: dict[str, Challenge] = field(default_factory=dict)
    lessons: dict[str, Lesson] = field(default_factory=dict)
    start_date: date | None = None
    end_date: date | None = None
    start_place: str | None = None
    sources: tuple[str, ...] = ()
    warnings: tuple = ()  # Problems that do not stop the pack loading (see `explorer check`)
    seats_from: date | None = None  # the day the seat figures hold from (results declared)
    #: posts, demands, red lines (deal_model.py)
    negotiation: Negotiation | None = deferred(None)

    def read_deferred(self) -> None:
        """Read every `deferred` field now (for a process that forks: pack_cache._keep)."""
        _ = self.negotiation, [step.claims for lesson in self.lessons.values()
                               for step in lesson.steps]

    # -- seats ---------------------------------------------------------------
    def has_results(self, on: date | None) -> bool:
        """Do seat figures exist on this date (from `seats_from`, the day results were declared)?"""
        return on is None or self.seats_from is None or on >= self.seats_from

    def seat_range(self, actor_id: str, on: date | None = None) -> tuple[int, int] | None:
        """The seat range of an actor (on a date: its claims holding then), or for a bloc the
        sum of its members."""
        actor = self.actors[actor_id]
        if actor.kind == "bloc" and actor.members:
            lows = highs = 0
            for member in actor.members:
                rng = self.seat_range(member, on)
                if rng is None:
                    continue
                lows += rng[0]
                highs += rng[1]
            return (lows, highs)
        return actor.range_on(on)

    def primary_seats(self, actor_id: str, on: date | None = None) -> int | None:
        actor = self.actors[actor_id]
        if actor.kind == "bloc" and actor.members:
            return sum(self.primary_seats(m, on) or 0 for m in actor.members)
        claims = actor.claims_on(on)
        return claims[0].low if claims else None

    def top_level_seat_holders(self) -> list[Actor]:
        """Lists that won seats in the election: their primary seats add up to the parliament."""
        return [a for a in self.actors.values() if a.holds_seats and a.part_of is None]

    def children(self, actor_id: str) -> list[Actor]:
        """The actors whose `part_of` is actor_id (indexed on first use, and again if the number
        of actors has changed since)."""
        index = self.__dict__.get("_children")
        if index is None or index[0] != len(self.actors):
            table: dict[str, list[Actor]] = {}
            for a in self.actors.values():
                if a.part_of:
                    table.setdefault(a.part_of, []).append(a)
            index = (len(self.actors), table)
            self.__dict__["_children"] = index
        return list(index[1].get(actor_id, ()))

    def threshold(self, threshold_id: str | None) -> Threshold | None:
        """The threshold of that id; None as the id means the government threshold."""
        if threshold_id is None:
            return self.government_threshold
        return next((t for t in self.thresholds if t.id == threshold_id), None)

    @property
    def government_threshold(self) -> Threshold | None:
        """The threshold a government needs: the one marked `government = true` (a checked pack
        has exactly one; with a single threshold, that one)."""
        marked = [t for t in self.thresholds if t.government]
        if marked:
            return marked[0]
        return self.thresholds[0] if self.thresholds else None

"""Typed model objects of a content pack (plain dataclasses, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from explorer.core.dates import FuzzyDate, active
from explorer.core.text import range_text
from explorer.core.vocabulary import SEAT_KINDS, pronoun_for

if TYPE_CHECKING:
    from explorer.core.deal_model import Negotiation


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

    @property
    def text(self) -> str:
        return range_text(self.low, self.high)


@dataclass(frozen=True)
class Threshold:
    id: str
    name: str
    seats: int
    purpose: str
    source: str


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

    @property
    def claimed_range(self) -> tuple[int, int] | None:
        if not self.seat_claims:
            return None
        return (min(c.low for c in self.seat_claims), max(c.high for c in self.seat_claims))

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
    status: str | None = None
    source_note: str | None = None


@dataclass
class Goal:
    threshold: str = "majority"
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
    negotiation: Negotiation | None = None  # posts, demands, red lines (deal_model.py)

    # -- seats ---------------------------------------------------------------
    def seat_range(self, actor_id: str) -> tuple[int, int] | None:
        """The seat range of an actor: its claims, or for a bloc the sum of its members."""
        actor = self.actors[actor_id]
        if actor.kind == "bloc" and actor.members:
            lows = highs = 0
            for member in actor.members:
                rng = self.seat_range(member)
                if rng is None:
                    continue
                lows += rng[0]
                highs += rng[1]
            return (lows, highs)
        return actor.claimed_range

    def primary_seats(self, actor_id: str) -> int | None:
        actor = self.actors[actor_id]
        if actor.kind == "bloc" and actor.members:
            return sum(self.primary_seats(m) or 0 for m in actor.members)
        return actor.primary_seats

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

    def threshold(self, threshold_id: str) -> Threshold | None:
        return next((t for t in self.thresholds if t.id == threshold_id), None)

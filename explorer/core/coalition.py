"""The coalition engine: tally against the thresholds, tensions, completions, power, undo/redo.

Pure Python over a loaded pack; the TUI, the CLI and the adventure all call `evaluate`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from explorer.core.errors import UnknownMember
from explorer.core.graph import Atlas
from explorer.core.model import Threshold
from explorer.core.seats import Picture, Unit, default_picture, merge, split
from explorer.core.tensions import Cover, Tension, cover_of, find_tensions

MAX_COMPLETION_SIZE = 4


@dataclass(frozen=True)
class Coalition:
    members: tuple[str, ...] = ()
    pm: str | None = None

    def with_member(self, member: str) -> Coalition:
        return self if member in self.members else Coalition((*self.members, member), self.pm)

    def without(self, member: str) -> Coalition:
        return Coalition(tuple(m for m in self.members if m != member), self.pm)

    def with_pm(self, pm: str | None) -> Coalition:
        return Coalition(self.members, pm)


@dataclass(frozen=True)
class Verdict:
    threshold: Threshold
    low: int
    high: int

    @property
    def reached(self) -> bool:
        return self.low >= self.threshold.seats

    @property
    def status(self) -> str:
        if self.reached:
            return "reached"
        if self.high >= self.threshold.seats:
            return "top_of_range"
        return "not_reached"

    @property
    def short_by(self) -> int:
        return max(0, self.threshold.seats - self.low)

    @property
    def over_by(self) -> int:
        return max(0, self.low - self.threshold.seats)

    @property
    def text(self) -> str:
        t = self.threshold
        if self.reached:
            return f"{t.name} ({t.seats}): reached, {self.over_by} over"
        if self.status == "top_of_range":
            return f"{t.name} ({t.seats}): reached only at the top of the range"
        return f"{t.name} ({t.seats}): {self.short_by} short"


@dataclass(frozen=True)
class Completion:
    threshold: str
    add: tuple[str, ...]
    names: tuple[str, ...]
    seats: int  # the coalition's low total after adding them
    wasted: int
    feasible: bool

    @property
    def text(self) -> str:
        return f"add {' + '.join(self.names)} → {self.seats}"


@dataclass
class Evaluation:
    coalition: Coalition
    members: list[str]  # normalized: none inside another
    names: dict[str, str]
    seats: int  # primary figures
    low: int
    high: int
    total: int
    verdicts: list[Verdict]
    tensions: list[Tension]
    completions: list[Completion] = field(default_factory=list)

    @property
    def feasible(self) -> bool:
        return not any(t.hard for t in self.tensions)

    def as_json(self) -> dict:
        return {
            "members": self.members,
            "pm": self.coalition.pm,
            "seats": self.seats,
            "seats_range": [self.low, self.high],
            "total": self.total,
            "thresholds": [
                {"name": v.threshold.name, "id": v.threshold.id, "seats": v.threshold.seats,
                 "reached": v.reached, "status": v.status, "short_by": v.short_by,
                 "over_by": v.over_by}
                for v in self.verdicts
            ],
            "tensions": [t.as_json() for t in self.tensions],
            "feasible": self.feasible,
            "completions": [
                {"threshold": c.threshold, "add": list(c.add), "seats": c.seats,
                 "wasted": c.wasted, "feasible": c.feasible, "text": c.text}
                for c in self.completions
            ],
        }


def member_id(atlas: Atlas, picture: Picture, item: str) -> str:
    """The seat holder an actor stands for in a coalition (a person stands for a list)."""
    if picture.unit(item) is not None:
        return item
    actor = atlas.pack.actors.get(item)
    if actor is None:
        raise UnknownMember(f"nobody called {item!r} is on the table or in this pack", item)
    if actor.stands_for:
        return actor.stands_for
    if atlas.pack.seat_range(item) is None:
        raise ValueError(f"{actor.name} holds no seats and stands for no list")
    return item


def seat_range(atlas: Atlas, picture: Picture, item: str) -> tuple[int, int, int]:
    unit = picture.unit(item)
    if unit is not None:
        return unit.low, unit.high, unit.primary
    low, high = atlas.pack.seat_range(item) or (0, 0)
    return low, high, atlas.pack.primary_seats(item) or 0


def name_of(atlas: Atlas, picture: Picture, item: str) -> str:
    unit = picture.unit(item)
    if unit is not None:
        return unit.name
    actor = atlas.pack.actors.get(item)
    return actor.name if actor else item


def evaluate(atlas: Atlas, picture: Picture, coalition: Coalition,
             completions: bool = True) -> Evaluation:
    cover = cover_of(atlas, picture)
    members = cover.normalize(member_id(atlas, picture, m) for m in coalition.members)
    low = high = seats = 0
    for m in members:
        lo, hi, pr = seat_range(atlas, picture, m)
        low, high, seats = low + lo, high + hi, seats + pr
    verdicts = [Verdict(t, low, high) for t in atlas.pack.thresholds]
    groups = {c: [c] for m in members for c in cover.constituents(m)}
    tensions = find_tensions(cover, groups, coalition.pm)
    result = Evaluation(coalition, members, {m: name_of(atlas, picture, m) for m in members},
                        seats, low, high, atlas.pack.parliament_size, verdicts, tensions)
    if completions:
        result.completions = complete(atlas, picture, cover, result)
    return result


def complete(atlas: Atlas, picture: Picture, cover: Cover, ev: Evaluation,
             per_threshold: int = 5) -> list[Completion]:
    """The smallest sets of outside units that carry the coalition over each threshold."""
    inside: set[str] = set()
    for m in ev.members:
        inside |= cover.cover(m)
    outside = [u for u in picture.units if not (cover.cover(u.id) & inside)]
    outside.sort(key=lambda u: -u.low)
    groups = {"__coalition__": [c for m in ev.members for c in cover.constituents(m)]}
    groups.update({u.id: cover.constituents(u.id) for u in outside})
    hard = find_tensions(cover, groups, ev.coalition.pm) if outside else []
    bad_pairs = {frozenset((t.a, t.b)) for t in hard if t.hard and not t.about_pm}
    bad_alone = {t.a for t in hard if t.hard and t.about_pm}
    base_ok = ev.feasible
    out: list[Completion] = []
    for verdict in ev.verdicts:
        if verdict.reached:
            continue
        need = verdict.threshold.seats - ev.low
        found: list[Completion] = []
        minimal: list[frozenset[str]] = []
        for size in range(1, min(MAX_COMPLETION_SIZE, len(outside)) + 1):
            for combo in itertools.combinations(outside, size):
                gain = sum(u.low for u in combo)
                if gain < need:
                    continue
                ids = frozenset(u.id for u in combo)
                if any(m <= ids for m in minimal):
                    continue
                minimal.append(ids)
                feasible = base_ok and not (ids & bad_alone) and not any(
                    frozenset(p) in bad_pairs
                    for p in itertools.combinations(["__coalition__", *ids], 2))
                found.append(Completion(
                    verdict.threshold.id, tuple(u.id for u in combo),
                    tuple(u.name for u in combo), ev.low + gain, gain - need, feasible))
            if len(found) >= 60:
                break
        found.sort(key=lambda c: (not c.feasible, len(c.add), c.wasted))
        out.extend(found[:per_threshold])
    return out


__all__ = ["Coalition", "CoalitionState", "Completion", "Evaluation", "Verdict", "evaluate"]


@dataclass
class CoalitionState:
    """A coalition and its seat picture on a date, with one undo and redo history of every edit.

    Whoever edits it (the builder, the adventure, a lesson, the palette), `revision` goes up and
    every listener (`listen(callback)`) is called with the state: that is how every view of it
    hears of a change, wherever it was made.
    """

    atlas: Atlas
    on: date | None
    coalition: Coalition = Coalition()
    picture: Picture | None = None
    undo_stack: list[tuple[Coalition, Picture]] = field(default_factory=list)
    redo_stack: list[tuple[Coalition, Picture]] = field(default_factory=list)
    revision: int = 0
    _listeners: list[Callable[[CoalitionState], object]] = field(
        default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.picture is None:
            self.picture = default_picture(self.atlas.pack, self.on)

    def listen(self, callback: Callable[[CoalitionState], object]) -> None:
        """Call `callback(state)` after every change of the coalition, the picture or the date."""
        self._listeners.append(callback)

    def _changed(self) -> None:
        self.revision += 1
        for callback in list(self._listeners):
            callback(self)

    def _push(self, coalition: Coalition, picture: Picture) -> None:
        self.undo_stack.append((self.coalition, self.picture))
        self.redo_stack.clear()
        self.coalition, self.picture = coalition, picture
        self.on = picture.on
        self._changed()

    def add(self, item: str) -> None:
        self._push(self.coalition.with_member(member_id(self.atlas, self.picture, item)),
                   self.picture)

    def remove(self, item: str) -> None:
        target = member_id(self.atlas, self.picture, item)
        if target not in self.coalition.members:
            raise ValueError(f"{name_of(self.atlas, self.picture, target)} is not in the coalition")
        self._push(self.coalition.without(target), self.picture)

    def toggle(self, item: str) -> bool:
        target = member_id(self.atlas, self.picture, item)
        if target in self.coalition.members:
            self._push(self.coalition.without(target), self.picture)
            return False
        self._push(self.coalition.with_member(target), self.picture)
        return True

    def set_pm(self, pm: str | None) -> None:
        self._push(self.coalition.with_pm(pm), self.picture)

    def clear(self) -> None:
        self._push(Coalition((), self.coalition.pm), self.picture)

    def split(self, unit_id: str) -> None:
        picture = split(self.atlas.pack, self.picture, unit_id)
        members = self.coalition.members
        if unit_id in members:  # a member that is split stays in as its parts
            parts = [u.id for u in picture.units if u not in self.picture.units]
            members = tuple(m for m in members if m != unit_id) + tuple(parts)
        self._push(Coalition(members, self.coalition.pm), picture)

    def merge(self, unit_ids: list[str], name: str | None = None) -> Unit:
        picture = merge(self.atlas.pack, self.picture, unit_ids, name=name)
        merged = next(u for u in picture.units if u not in self.picture.units)
        members = self.coalition.members
        if any(u in members for u in unit_ids):
            members = tuple(m for m in members if m not in unit_ids) + (merged.id,)
        self._push(Coalition(members, self.coalition.pm), picture)
        return merged

    def add_many(self, items: list[str]) -> None:
        """Add several members as one step (one undo takes them all out)."""
        coalition = self.coalition
        for item in items:
            coalition = coalition.with_member(member_id(self.atlas, self.picture, item))
        self._push(coalition, self.picture)

    def replace(self, coalition: Coalition, picture: Picture | None = None) -> None:
        """Put a whole coalition (and picture) on the table as one undoable step."""
        self._push(coalition, picture or self.picture)

    def set_date(self, on: date | None) -> None:
        """Stand on another date: the default picture of that date, members kept.

        Members made by a split or a merge (an ad-hoc bloc, a list's remainder) are not on the new
        picture's table; they are kept beside it so that they still count their own seats.
        """
        self.on = on
        picture = default_picture(self.atlas.pack, on)
        carried = {m: self.picture.unit(m) for m in self.coalition.members
                   if picture.unit(m) is None and self.picture.unit(m) is not None
                   and self.picture.unit(m).synthetic}
        for unit in list(carried.values()):
            for part in unit.members:  # the parts of an ad-hoc bloc
                if picture.unit(part) is None and self.picture.unit(part) is not None:
                    carried[part] = self.picture.unit(part)
        if carried:
            picture = Picture(picture.on, picture.units, {**picture.extra, **carried})
        self._push(self.coalition, picture)

    def undo(self) -> bool:
        if not self.undo_stack:
            return False
        self.redo_stack.append((self.coalition, self.picture))
        self.coalition, self.picture = self.undo_stack.pop()
        self.on = self.picture.on
        self._changed()
        return True

    def redo(self) -> bool:
        if not self.redo_stack:
            return False
        self.undo_stack.append((self.coalition, self.picture))
        self.coalition, self.picture = self.redo_stack.pop()
        self.on = self.picture.on
        self._changed()
        return True

    def evaluate(self, completions: bool = True) -> Evaluation:
        return evaluate(self.atlas, self.picture, self.coalition, completions)

"""Power over time: each unit's Banzhaf and Shapley–Shubik index at every event date of a pack.

Plain Python over the voting game (`explorer.core.game.power`): for every date on which an event
happens, the seat picture of that date (post-election blocs merged in as they form), the
threshold's quota, and — for the feasible game — the relations that hold on that date and the
PM candidate. Dates on which no seat-holding unit exists yet (before an election) have a point
with no units. The TUI computes a series in a worker; `explorer power --over-time` prints one.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from explorer.core.graph import Atlas
from explorer.core.model import Event


@dataclass(frozen=True)
class UnitPower:
    id: str
    name: str
    seats: int
    seats_text: str
    banzhaf: Fraction
    shapley_shubik: Fraction


@dataclass(frozen=True)
class SeriesPoint:
    """The indices of the units on the table on one event date."""

    on: date
    events: tuple[Event, ...]
    units: tuple[UnitPower, ...]

    def unit(self, unit_id: str) -> UnitPower | None:
        return next((u for u in self.units if u.id == unit_id), None)

    def as_json(self) -> dict:
        return {
            "date": self.on.isoformat(),
            "events": [{"id": e.id, "title": e.title} for e in self.events],
            "results": bool(self.units),  # before the results were declared: no units yet
            "units": [{"id": u.id, "name": u.name, "seats": u.seats, "seats_text": u.seats_text,
                       "banzhaf": float(u.banzhaf), "shapley_shubik": float(u.shapley_shubik),
                       "banzhaf_exact": str(u.banzhaf),
                       "shapley_shubik_exact": str(u.shapley_shubik)}
                      for u in self.units],
        }


@dataclass(frozen=True)
class PowerSeries:
    threshold: str
    quota: int
    feasible: bool
    pm: str | None
    points: tuple[SeriesPoint, ...]
    splits: tuple[str, ...] = ()

    def unit_ids(self) -> list[str]:
        """Every unit that appears on some date, in order of first appearance."""
        seen: dict[str, None] = {}
        for point in self.points:
            for u in point.units:
                seen.setdefault(u.id, None)
        return list(seen)

    def index_of(self, on: date) -> int | None:
        """The point of the latest event date on or before `on` (None before the first)."""
        found = None
        for i, point in enumerate(self.points):
            if point.on <= on:
                found = i
        return found

    def values(self, unit_id: str, index: str = "banzhaf") -> list[Fraction | None]:
        """One unit's index at every point (None where the unit is not on the table)."""
        out: list[Fraction | None] = []
        for point in self.points:
            u = point.unit(unit_id)
            out.append(None if u is None else getattr(u, index))
        return out

    def as_json(self) -> dict:
        return {"threshold": self.threshold, "quota": self.quota, "feasible_only": self.feasible,
                "pm": self.pm, "splits": list(self.splits),
                "points": [p.as_json() for p in self.points]}


def event_dates(atlas: Atlas) -> list[tuple[date, tuple[Event, ...]]]:
    """Each distinct event date with the events of that day, in order."""
    days: dict[date, list[Event]] = {}
    for event in atlas.pack.events:
        days.setdefault(event.date.start, []).append(event)
    return [(day, tuple(events)) for day, events in sorted(days.items())]


def change_days(atlas: Atlas) -> list[date]:
    """The days on which an actor or a relation starts or stops holding, in order.

    The voting game of a date depends only on which actors exist and which relations hold
    (seat claims are not dated), and those change only on these days; an event date with no
    such day since the previous event date has the previous date's game.
    """
    days: set[date] = set()
    for rel in atlas.relations:
        days.update(d for d in (rel.since, rel.until) if d is not None)
    for actor in atlas.pack.actors.values():
        days.update(d for d in (actor.since, actor.until) if d is not None)
    return sorted(days)


def picture_on(atlas: Atlas, on: date, splits: tuple[str, ...] = ()):
    """The default seat picture of a date with the `splits` applied, in order, wherever the
    unit is on the table and has parts on that date (a bloc that forms later is split then)."""
    from explorer.core.seats import default_picture, split, splittable

    picture = default_picture(atlas.pack, on)
    for unit_id in splits:
        if picture.unit(unit_id) is not None and splittable(atlas.pack, picture, unit_id):
            picture = split(atlas.pack, picture, unit_id)
    return picture


def power_series(atlas: Atlas, threshold: str | None = None, pm: str | None = None,
                 feasible: bool = False, splits: tuple[str, ...] = ()) -> PowerSeries:
    """The power indices of the seat picture at every event date (KeyError for an unknown
    threshold). `splits` are unit ids split into their parts wherever they are on the table."""
    from explorer.core.game import power

    th = atlas.pack.threshold(threshold)
    if th is None:
        raise KeyError(threshold)
    points: list[SeriesPoint] = []
    changes = change_days(atlas)
    for day, events in event_dates(atlas):
        if points and bisect_right(changes, points[-1].on) == bisect_right(changes, day):
            points.append(SeriesPoint(day, events, points[-1].units))  # nothing changed since
            continue
        picture = picture_on(atlas, day, tuple(splits))
        units: tuple[UnitPower, ...] = ()
        if picture.units and picture.total > 0:
            result = power(atlas, picture, th.id, pm=pm, feasible=feasible)
            units = tuple(
                UnitPower(u.id, u.name, u.primary, u.seats_text, Fraction(result.banzhaf[i]),
                          Fraction(result.shapley_shubik[i]))
                for i, u in enumerate(picture.units))
        points.append(SeriesPoint(day, events, units))
    return PowerSeries(th.id, th.seats, feasible, pm, tuple(points), tuple(splits))

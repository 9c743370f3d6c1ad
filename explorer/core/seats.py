"""The seat picture: which seat-holding units are on the table on a date.

By default the units are the lists that won seats, with the post-election blocs that exist on the
date merged in (on 15 June 2010 State of Law and the INA sit as the National Alliance, 159).
Lists can be split into their factions and units merged into blocs; both return a new Picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from explorer.core.model import Pack
from explorer.core.text import range_text

REST = "~rest"  # suffix of the synthetic unit holding a list's seats not given to a faction


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    low: int
    high: int
    primary: int
    synthetic: bool = False
    parent: str | None = None  # for a remainder unit: the list it comes from
    members: tuple[str, ...] = ()  # for an ad-hoc bloc

    @property
    def seats_text(self) -> str:
        return range_text(self.low, self.high)


@dataclass(frozen=True)
class Picture:
    on: date | None
    units: tuple[Unit, ...]
    extra: dict[str, Unit] = field(default_factory=dict, compare=False, hash=False)

    def unit(self, unit_id: str) -> Unit | None:
        return next((u for u in self.units if u.id == unit_id), None) or self.extra.get(unit_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(u.id for u in self.units)

    @property
    def total(self) -> int:
        return sum(u.primary for u in self.units)


def actor_unit(pack: Pack, actor_id: str, on: date | None = None) -> Unit:
    actor = pack.actors[actor_id]
    low, high = pack.seat_range(actor_id, on) or (0, 0)
    return Unit(actor.id, actor.name, low, high, pack.primary_seats(actor_id, on) or 0)


def default_picture(pack: Pack, on: date | None) -> Picture:
    """The units on the table on a date; none before the results (`Pack.has_results`)."""
    if not pack.has_results(on):
        return Picture(on, ())
    units = [actor_unit(pack, a.id, on) for a in pack.top_level_seat_holders()
             if a.exists_on(on) and a.claims_on(on)]
    picture = Picture(on, tuple(units))
    for bloc in pack.actors.values():
        if bloc.kind != "bloc" or not bloc.exists_on(on) or on is None:
            continue
        if all(picture.unit(m) for m in bloc.members):
            picture = merge(pack, picture, list(bloc.members), bloc_id=bloc.id)
    return picture


def splittable(pack: Pack, picture: Picture, unit_id: str) -> bool:
    unit = picture.unit(unit_id)
    if unit is None or unit.synthetic and not unit.members:
        return False
    if unit.members:
        return True
    actor = pack.actors.get(unit_id)
    if actor is None:
        return False
    if actor.kind == "bloc":
        return True
    return any(c.holds_seats and c.exists_on(picture.on) for c in pack.children(unit_id))


def split(pack: Pack, picture: Picture, unit_id: str) -> Picture:
    """Replace a list by its factions (and a remainder), or a bloc by its members."""
    unit = picture.unit(unit_id)
    if unit is None:
        raise ValueError(f"{unit_id!r} is not on the table")
    actor = pack.actors.get(unit_id)
    if unit.members or (actor is not None and actor.kind == "bloc"):
        members = unit.members or actor.members
        parts = [picture.extra.get(m) or actor_unit(pack, m, picture.on) for m in members]
    else:
        kids = [c for c in pack.children(unit_id) if c.holds_seats and c.exists_on(picture.on)]
        if not kids:
            raise ValueError(f"{unit.name} has no factions to split into")
        parts = [actor_unit(pack, c.id, picture.on) for c in kids]
        rest_low = max(0, unit.low - sum(p.high for p in parts))
        rest_high = max(0, unit.high - sum(p.low for p in parts))
        rest_primary = max(0, unit.primary - sum(p.primary for p in parts))
        if rest_high > 0:
            parts.append(Unit(unit_id + REST, f"{unit.name} (others)", rest_low, rest_high,
                              rest_primary, synthetic=True, parent=unit_id))
    units: list[Unit] = []
    for u in picture.units:
        units.extend(parts if u.id == unit_id else [u])
    extra = dict(picture.extra)
    extra.update({p.id: p for p in parts if p.synthetic})
    return Picture(picture.on, tuple(units), extra)


def merge(pack: Pack, picture: Picture, unit_ids: list[str], bloc_id: str | None = None,
          name: str | None = None) -> Picture:
    """Merge units into one bloc: a bloc of the pack when one matches, else an ad-hoc one."""
    on_table = set(picture.ids)
    if len(unit_ids) < 2 or len(set(unit_ids)) != len(unit_ids) or not on_table >= set(unit_ids):
        raise ValueError("merge needs two or more different units on the table")
    parts = [picture.unit(u) for u in unit_ids]
    if bloc_id is None:
        for bloc in pack.actors.values():
            if bloc.kind == "bloc" and set(bloc.members) == set(unit_ids):
                bloc_id = bloc.id
                break
    if bloc_id is not None and bloc_id in pack.actors:
        merged = Unit(bloc_id, pack.actors[bloc_id].name, sum(p.low for p in parts),
                      sum(p.high for p in parts), sum(p.primary for p in parts))
    else:
        merged = Unit("+".join(unit_ids), name or " + ".join(p.name for p in parts),
                      sum(p.low for p in parts), sum(p.high for p in parts),
                      sum(p.primary for p in parts), synthetic=True, members=tuple(unit_ids))
    units: list[Unit] = []
    placed = False
    for u in picture.units:
        if u.id in unit_ids:
            if not placed:
                units.append(merged)
                placed = True
        else:
            units.append(u)
    extra = dict(picture.extra)
    extra.update({p.id: p for p in parts if p.synthetic})
    if merged.synthetic:
        extra[merged.id] = merged
    return Picture(picture.on, tuple(units), extra)


def share_out(room: int, weights: list[int]) -> list[int]:
    """`room` seats shared in proportion to `weights` (largest remainders get the rest): how the
    seat bar and the hemicycle draw the units outside a coalition."""
    whole = sum(weights) or 1
    shares = [room * w // whole for w in weights]
    for i in sorted(range(len(weights)), key=lambda i: -(room * weights[i] % whole)):
        if sum(shares) >= room:
            break
        shares[i] += 1
    return shares

"""The weighted voting game of the units on the table: power indices and minimal winning
coalitions, for all coalitions or for feasible ones only (see unit_game)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from explorer.core.errors import unknown_threshold
from explorer.core.graph import Atlas
from explorer.core.seats import Picture, Unit
from explorer.core.tensions import cover_of, find_tensions


def unit_game(atlas: Atlas, picture: Picture,
              pm: str | None) -> tuple[list[tuple[int, int]], set[int]]:
    """The feasible game's constraints on the units on the table.

    Returns the pairs of units that cannot sit together (hard refusals between them, and units
    refusing the PM paired with the PM's own unit) and the units *blocked* outright: the PM's own
    unit when something inside it refuses the PM (the National Alliance under Maliki while ISCI
    refuses him) can sit in no feasible coalition.
    """
    cover = cover_of(atlas, picture)
    groups = {u.id: cover.constituents(u.id) for u in picture.units}
    index = {u.id: i for i, u in enumerate(picture.units)}
    pm_unit = None
    if pm:
        for u in picture.units:
            if pm in cover.circle(u.id):
                pm_unit = u.id
    pairs: set[tuple[int, int]] = set()
    blocked: set[int] = set()
    for t in find_tensions(cover, groups, pm):
        if not t.hard:
            continue
        other = pm_unit if t.about_pm else t.b
        if other is None or other not in index:
            continue
        if other == t.a:
            if t.about_pm:
                blocked.add(index[t.a])
            continue
        i, j = sorted((index[t.a], index[other]))
        pairs.add((i, j))
    return sorted(pairs), blocked


def unit_conflicts(atlas: Atlas, picture: Picture, pm: str | None) -> list[tuple[int, int]]:
    """Pairs of units that cannot sit together (see unit_game)."""
    return unit_game(atlas, picture, pm)[0]


def _feasible_game(atlas: Atlas, picture: Picture, pm: str | None):
    """Weights and conflicts of the feasible game: blocked units weigh nothing in it."""
    conflicts, blocked = unit_game(atlas, picture, pm)
    weights = tuple(0 if i in blocked else u.primary for i, u in enumerate(picture.units))
    return weights, tuple(conflicts)


@lru_cache(maxsize=256)
def _indices(weights: tuple[int, ...], quota: int, conflicts: tuple[tuple[int, int], ...]):
    from explorer.core.power import power_indices

    return power_indices(weights, quota, conflicts)


def power(atlas: Atlas, picture: Picture, threshold: str = "majority", pm: str | None = None,
          feasible: bool = False):
    """Exact Banzhaf and Shapley–Shubik indices of the units on the table."""
    th = atlas.pack.threshold(threshold)
    if th is None:
        raise unknown_threshold(atlas.pack, threshold)
    if not feasible:
        return _indices(tuple(u.primary for u in picture.units), th.seats, ())
    from dataclasses import replace

    weights, conflicts = _feasible_game(atlas, picture, pm)
    return replace(_indices(weights, th.seats, conflicts), feasible_only=True)


def minimal_winning(atlas: Atlas, picture: Picture, threshold: str = "majority",
                    pm: str | None = None, feasible: bool = False) -> list[list[Unit]]:
    """Minimal winning coalitions of the units on the table (every member needed)."""
    from explorer.core.power import minimal_winning as mwc

    th = atlas.pack.threshold(threshold)
    if th is None:
        raise unknown_threshold(atlas.pack, threshold)
    if feasible:
        weights, conflicts = _feasible_game(atlas, picture, pm)
    else:
        weights, conflicts = tuple(u.primary for u in picture.units), ()
    units = picture.units
    found = mwc(list(weights), th.seats, conflicts)
    return [[units[i] for i in sorted(c)] for c in found]


# -- the rows the report, the lessons and the screens show ----------------------------------

@dataclass(frozen=True)
class PowerRow:
    """One unit on the table and its power, as exact fractions and shares."""

    id: str
    name: str
    seats: int
    seat_share: Fraction
    banzhaf: Fraction
    shapley_shubik: Fraction
    banzhaf_feasible: Fraction | None = None
    shapley_shubik_feasible: Fraction | None = None


def power_rows(atlas: Atlas, picture: Picture, threshold: str = "majority",
               pm: str | None = None, feasible: bool = True) -> list[PowerRow]:
    """Banzhaf and Shapley–Shubik indices of the units on the table (and of the feasible game)."""
    result = power(atlas, picture, threshold)
    fresult = power(atlas, picture, threshold, pm=pm, feasible=True) if feasible else None
    total = sum(u.primary for u in picture.units) or 1
    rows = []
    for i, unit in enumerate(picture.units):
        rows.append(PowerRow(
            unit.id, unit.name, unit.primary, Fraction(unit.primary, total),
            Fraction(result.banzhaf[i]), Fraction(result.shapley_shubik[i]),
            Fraction(fresult.banzhaf[i]) if fresult else None,
            Fraction(fresult.shapley_shubik[i]) if fresult else None,
        ))
    return rows


def main_threshold(atlas: Atlas) -> str:
    ids = [t.id for t in atlas.pack.thresholds]
    return "majority" if "majority" in ids else ids[0]

"""The weighted voting game of the units on the table: power indices and minimal winning
coalitions, for all coalitions or for feasible ones only.

The feasible game takes its rules from explorer.core.feasibility (one meaning of feasible): units
that cannot sit together are conflicting pairs, a unit with a refusal inside it weighs nothing,
and when the PM candidate has an own unit every winning coalition must hold it. That last rule is
played as a weighted game too: the own unit gets a bonus weight B (more than all the seats) and the
quota grows by B, so a coalition reaches the quota exactly when it holds the own unit and the
seats. The own unit is then a veto player, as it is in a government its candidate leads.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from explorer.core.errors import unknown_threshold
from explorer.core.feasibility import GameConstraints, game_constraints
from explorer.core.graph import Atlas
from explorer.core.seats import Picture, Unit


def unit_game(atlas: Atlas, picture: Picture,
              pm: str | None) -> tuple[list[tuple[int, int]], set[int]]:
    """The pairs of units that cannot sit together and the units blocked outright."""
    rules = game_constraints(atlas, picture, pm)
    return list(rules.pairs), set(rules.blocked)


def unit_conflicts(atlas: Atlas, picture: Picture, pm: str | None) -> list[tuple[int, int]]:
    """Pairs of units that cannot sit together (see unit_game)."""
    return unit_game(atlas, picture, pm)[0]


def feasible_game(picture: Picture, rules: GameConstraints, quota: int):
    """The feasible game on the units that can sit somewhere (the blocked ones are left out).

    Returns (live unit indices, their weights, the quota, conflicting pairs as live positions),
    or None when no coalition can be feasible at all.
    """
    live = [i for i in range(len(picture.units)) if i not in rules.blocked]
    position = {i: k for k, i in enumerate(live)}
    weights = [picture.units[i].primary for i in live]
    pairs = tuple((position[i], position[j]) for i, j in rules.pairs
                  if i in position and j in position)
    if rules.pm_home is not None:
        home = [position[i] for i in rules.required if i in position]
        if not home:  # no own unit on the table, or it cannot sit anywhere
            return None
        if len(home) > 1:
            raise ValueError("the PM candidate stands for several units on the table; merge them")
        bonus = sum(weights) + 1
        weights[home[0]] += bonus
        quota += bonus
    return live, tuple(weights), quota, pairs


@lru_cache(maxsize=256)
def _indices(weights: tuple[int, ...], quota: int, conflicts: tuple[tuple[int, int], ...]):
    from explorer.core.power import power_indices

    return power_indices(weights, quota, conflicts)


def _groups(atlas: Atlas, picture: Picture, th, weights):
    """The group conditions of a composite threshold, as (weights per unit, quota)."""
    from explorer.core.thresholds import unit_group_weights

    rows = unit_group_weights(atlas.pack, picture, th)
    # a unit blocked in the feasible game weighs nothing inside its group either
    rows = [tuple(0 if weights[i] == 0 else w for i, w in enumerate(row)) for row in rows]
    return [(row, g.seats) for row, g in zip(rows, th.groups, strict=True)]


def power(atlas: Atlas, picture: Picture, threshold: str | None = None, pm: str | None = None,
          feasible: bool = False):
    """Exact Banzhaf and Shapley–Shubik indices of the units on the table (threshold None:
    the pack's government threshold)."""
    th = atlas.pack.threshold(threshold)
    if th is None:
        raise unknown_threshold(atlas.pack, threshold)
    plain = tuple(u.primary for u in picture.units)
    if not feasible:
        if th.groups:
            from explorer.core.composite import composite_power

            return composite_power(plain, th.seats, _groups(atlas, picture, th, plain), ())
        return _indices(plain, th.seats, ())
    rules = game_constraints(atlas, picture, pm)
    game = feasible_game(picture, rules, th.seats)
    if game is None:  # nobody can win: every index is zero
        game = [], (), 1, ()
    from explorer.core.power import PowerResult

    live, weights, quota, pairs = game
    if th.groups:  # the same feasible game, with each group's condition on the live units
        from explorer.core.composite import composite_power

        groups = [(tuple(row[i] for i in live), line)
                  for row, line in _groups(atlas, picture, th, plain)]
        sub = composite_power(weights, quota, groups, pairs)
    else:
        sub = _indices(weights, quota, pairs)
    n = len(plain)
    banzhaf, shapley, swings = [Fraction(0)] * n, [Fraction(0)] * n, [0] * n
    for k, i in enumerate(live):
        banzhaf[i], shapley[i], swings[i] = sub.banzhaf[k], sub.shapley_shubik[k], sub.swings[k]
    return PowerResult(th.seats, plain, tuple(banzhaf), tuple(shapley), tuple(swings), True)


def minimal_winning(atlas: Atlas, picture: Picture, threshold: str | None = None,
                    pm: str | None = None, feasible: bool = False) -> list[list[Unit]]:
    """Minimal winning coalitions of the units on the table (every member needed)."""
    from explorer.core.power import minimal_winning as mwc

    th = atlas.pack.threshold(threshold)
    if th is None:
        raise unknown_threshold(atlas.pack, threshold)
    weights, quota, conflicts = tuple(u.primary for u in picture.units), th.seats, ()
    units = picture.units
    live = list(range(len(units)))
    if feasible:
        rules = game_constraints(atlas, picture, pm)
        game = feasible_game(picture, rules, th.seats)
        if game is None:
            return []
        live, weights, quota, conflicts = game
        units = tuple(units[i] for i in live)
    if th.groups:
        from explorer.core.composite import composite_minimal

        plain = tuple(u.primary for u in picture.units)
        groups = [(tuple(row[i] for i in live), line)
                  for row, line in _groups(atlas, picture, th, plain)]
        found = composite_minimal(weights, quota, groups, conflicts)
    else:
        found = mwc(list(weights), quota, conflicts)
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


def power_rows(atlas: Atlas, picture: Picture, threshold: str | None = None,
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
    """The id of the pack's government threshold (the one marked `government = true`)."""
    return atlas.pack.government_threshold.id

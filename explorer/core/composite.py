"""Power indices and minimal winning coalitions of a composite threshold, by enumeration.

A composite line (two thirds overall AND a majority inside each language group) is not one
weighted game but the intersection of several, so the generating functions of power.py do not
apply. With the handful of units a table holds (a dozen lists: 4,096 coalitions) every
coalition is enumerated: the seat sums of all subsets are built one bit at a time, and a
coalition wins when every one of its sums reaches its quota. The definitions are those of
power.py (feasible games count only coalitions without a conflicting pair).
"""

from __future__ import annotations

from fractions import Fraction
from math import factorial

from explorer.core.power import MAX_ENUMERATION_PLAYERS, PowerResult


def _tables(weights, groups):
    """wins[s] for every subset s of the players (as a bytearray)."""
    n = len(weights)
    rows = [tuple(weights), *(tuple(g) for g, _ in groups)]
    quotas = [q for _, q in groups]
    sums = [[0] * (1 << n) for _ in rows]
    for s in range(1, 1 << n):
        low = s & -s
        i = low.bit_length() - 1
        for k, row in enumerate(rows):
            sums[k][s] = sums[k][s ^ low] + row[i]
    return sums, quotas


def _check(weights) -> int:
    n = len(weights)
    if n > MAX_ENUMERATION_PLAYERS:
        raise ValueError(f"a composite threshold enumerates coalitions; {n} units is more than "
                         f"{MAX_ENUMERATION_PLAYERS}")
    return n


def _winning(weights, quota, groups):
    n = _check(weights)
    sums, quotas = _tables(weights, groups)
    total = sums[0]
    wins = bytearray(1 << n)
    for s in range(1 << n):
        if total[s] >= quota and all(sums[k + 1][s] >= q for k, q in enumerate(quotas)):
            wins[s] = 1
    return n, wins


def _bad_masks(n, conflicts):
    bad = [0] * n
    for i, j in conflicts:
        bad[i] |= 1 << j
        bad[j] |= 1 << i
    return bad


def composite_power(weights, quota, groups, conflicts=()) -> PowerResult:
    """groups: [(weights inside the group per player, the group's quota)]."""
    n, wins = _winning(weights, quota, groups)
    bad = _bad_masks(n, conflicts)
    feasible = bytearray(1 << n)
    for s in range(1 << n):
        feasible[s] = not any(bad[i] & s for i in range(n) if s >> i & 1)
    swings = [0] * n
    phi = [Fraction(0)] * n
    weight_of = [Fraction(factorial(k) * factorial(n - k - 1), factorial(n)) for k in range(n)]
    for s in range(1 << n):
        if wins[s] or not feasible[s]:
            continue
        size = s.bit_count()
        for i in range(n):
            bit = 1 << i
            if s & bit or bad[i] & s or weights[i] == 0:
                continue
            if wins[s | bit]:
                swings[i] += 1
                phi[i] += weight_of[size]
    total_sw, total_phi = sum(swings), sum(phi)
    zero = Fraction(0)
    return PowerResult(
        quota=quota, weights=tuple(weights),
        banzhaf=tuple(Fraction(x, total_sw) if total_sw else zero for x in swings),
        shapley_shubik=tuple(p / total_phi if total_phi else zero for p in phi),
        swings=tuple(swings), feasible_only=bool(conflicts))


def composite_minimal(weights, quota, groups, conflicts=(), limit: int = 10000):
    """Minimal winning coalitions (every member needed), sorted by weight, size, members."""
    n, wins = _winning(weights, quota, groups)
    bad = _bad_masks(n, conflicts)
    found = []
    for s in range(1 << n):
        if not wins[s]:
            continue
        members = [i for i in range(n) if s >> i & 1]
        if any(bad[i] & s for i in members) or any(weights[i] == 0 for i in members):
            continue
        if all(not wins[s ^ (1 << i)] for i in members):
            found.append((sum(weights[i] for i in members), len(members), tuple(members)))
    found.sort()
    return [frozenset(m) for _w, _k, m in found[: max(limit, 0)]]

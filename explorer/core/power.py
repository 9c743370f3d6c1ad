"""Exact Banzhaf and Shapley-Shubik power indices for weighted voting games.

A game ``[q; w_0, ..., w_{n-1}]`` has non-negative integer weights and a positive integer
quota ``q``; a coalition ``S`` wins when ``w(S) >= q``.  Player ``i`` is *critical* (a swing)
for a coalition ``S`` not containing ``i`` when ``w(S) < q <= w(S) + w_i``.

* Banzhaf: ``swings_i`` is the number of such ``S``; the index is ``swings_i / sum(swings)``.
* Shapley-Shubik: ``phi_i = sum over those S of |S|! (n-|S|-1)! / n!``, the share of the
  ``n!`` orderings of all players in which ``i`` is the pivot.

Feasible games.  ``conflicts`` lists pairs of players who refuse to sit together.  When it is
non-empty only *feasible* coalitions (containing no conflicting pair) count:

* feasible Banzhaf: ``swings_i`` counts the feasible ``S`` not containing ``i`` such that
  ``S | {i}`` is feasible too and ``w(S) < q <= w(S) + w_i``; normalised over all players.
* feasible Shapley-Shubik: the same sum of ``|S|! (n-|S|-1)! / n!`` over ``S`` with ``S`` and
  ``S | {i}`` feasible, then normalised to sum to 1.  It is the share of the pivotal orderings
  whose pivot coalition (the pivot and the players before it) is feasible.

Everything is exact (``Fraction``).  If nobody is ever critical (for instance a quota above
the total weight) every index is zero.  Zero-weight players get zero power and leave the other
players' indices unchanged (they double every swing count, which normalisation removes).

Method: generating functions, no subset enumeration.  The players with ``0 < w < q`` are
multiplied into ``P(x, y) = prod(1 + y x^w)`` truncated below ``x^q`` (``y`` counts
coalition size); each coefficient column ``x^s`` is one Python integer holding the size
vector in fixed-width bit slots, so a player costs two big-integer operations per column.  A
player's own factor is removed by dividing by ``(1 + y x^w)``: the window sum it needs is an
alternating sum of prefix sums of ``P`` (``O(n)`` big-integer operations per distinct weight).
Players with ``w >= q`` are left out of ``P`` (their factor is 1 below ``x^q``).  In feasible
games the players occurring in conflicts (set ``C``, at most 22) are combined through the
independent sets of the conflict graph on ``C``, grouped by (size, weight); the other players
go through the table once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import accumulate, repeat
from math import comb, factorial, gcd
from operator import add, index, lshift

__all__ = [
    "MAX_CONFLICT_PLAYERS",
    "MAX_ENUMERATION_PLAYERS",
    "PowerResult",
    "banzhaf_bruteforce",
    "minimal_winning",
    "power_indices",
    "shapley_bruteforce",
]

MAX_CONFLICT_PLAYERS = 22
MAX_ENUMERATION_PLAYERS = 20

Poly = dict[tuple[int, int], int]  # (size, weight) -> number of coalitions


@dataclass(frozen=True)
class PowerResult:
    quota: int
    weights: tuple[int, ...]
    banzhaf: tuple[Fraction, ...]  # normalised, sums to 1 (all zero if no swings at all)
    shapley_shubik: tuple[Fraction, ...]  # sums to 1 (all zero if no one is ever pivotal)
    swings: tuple[int, ...]  # raw Banzhaf swing counts
    feasible_only: bool


def _validate(weights, quota, conflicts) -> tuple[tuple[int, ...], int, list[tuple[int, int]]]:
    ws = tuple(index(w) for w in weights)
    for i, w in enumerate(ws):
        if w < 0:
            raise ValueError(f"weight of player {i} is negative ({w}); weights must be >= 0")
    q = index(quota)
    if q < 1:
        raise ValueError(f"quota must be a positive integer, got {q}")
    pairs = []
    for pair in conflicts:
        i, j = (index(p) for p in pair)
        if not (0 <= i < len(ws) and 0 <= j < len(ws)):
            raise ValueError(f"conflict {pair!r} names a player outside 0..{len(ws) - 1}")
        if i == j:
            raise ValueError(f"conflict {pair!r} pairs a player with itself")
        pairs.append((i, j))
    return ws, q, pairs


def _prefix_table(ws: list[int], q: int, slot: int) -> list[int]:
    """Prefix sums over weight of the size vectors of ``prod(1 + y x^w)`` below ``x^q``.

    ``pre[t]`` packs, in ``slot``-bit fields, the number of coalitions of each size with
    weight ``< t`` (for ``t`` up to ``len(pre) - 1``, past which it stays constant).
    Column ``s`` is stored shifted down by ``ceil(s / max(ws))`` slots, a lower bound on
    the size of any coalition weighing ``s``.
    """
    if not ws:
        return [0, 1]
    ws = sorted(ws)
    wm = ws[-1]
    top = min(q, sum(ws) + 1)
    low = [-(-s // wm) for s in range(top)]
    cols = [1]
    shifts: dict[int, list[int]] = {}
    for w in ws:
        length = len(cols)
        if length < top:
            cols.extend(repeat(0, min(top, length + w) - length))
            length = len(cols)
        sh = shifts.get(w)
        if sh is None:  # slot shift 1 + low[s - w] - low[s] from column s - w to s, s >= w:
            # 0 when [s - w, s) holds a multiple of wm, else one slot; period wm from s = w
            period = [0, *repeat(slot, wm - w), *repeat(0, w - 1)]
            sh = shifts[w] = period * (-(-(top - w) // wm))
        cols[w:] = map(add, cols[w:], map(lshift, cols[: length - w], sh))
    return [0, *accumulate(map(lshift, cols, [m * slot for m in low]))]


def _poly_mul(a: Poly, b: Poly, q: int) -> Poly:
    out: Poly = {}
    for (k1, w1), c1 in a.items():
        for (k2, w2), c2 in b.items():
            if w1 + w2 < q:
                key = (k1 + k2, w1 + w2)
                out[key] = out.get(key, 0) + c1 * c2
    return out


def _independent_poly(
    vs: frozenset[int], nbr: dict[int, set[int]], ws: list[int], q: int, memo: dict
) -> Poly:
    """(size, weight) counts of the independent sets of ``vs`` that weigh less than ``q``.

    Splits into connected components and branches on a vertex of largest degree
    (``I(G) = I(G - v) + y x^w_v I(G - N[v])``), memoised on the vertex set.
    """
    if vs in memo:
        return memo[vs]
    one: Poly = {(0, 0): 1}
    comp: set[int] = set()
    stack = [min(vs)] if vs else []
    while stack:  # the component of the smallest vertex
        u = stack.pop()
        if u not in comp:
            comp.add(u)
            stack.extend(nbr.get(u, set()) & vs)
    if not vs:
        poly = one
    elif len(comp) < len(vs):
        rest = _independent_poly(vs - comp, nbr, ws, q, memo)
        poly = _poly_mul(_independent_poly(frozenset(comp), nbr, ws, q, memo), rest, q)
    elif len(vs) == 1:
        (v,) = vs
        poly = {(0, 0): 1, (1, ws[v]): 1} if ws[v] < q else one
    else:
        v = max(sorted(vs), key=lambda u: len(nbr[u] & vs))
        poly = dict(_independent_poly(vs - {v}, nbr, ws, q, memo))
        if ws[v] < q:
            for (k, w), c in _independent_poly(vs - nbr[v] - {v}, nbr, ws, q, memo).items():
                if w + ws[v] < q:
                    key = (k + 1, w + ws[v])
                    poly[key] = poly.get(key, 0) + c
    memo[vs] = poly
    return poly


def power_indices(
    weights: Sequence[int], quota: int, conflicts: Iterable[tuple[int, int]] = ()
) -> PowerResult:
    """Exact Banzhaf and Shapley-Shubik indices of ``[quota; weights]`` (see module doc)."""
    ws, q0, pairs = _validate(weights, quota, conflicts)
    n_all = len(ws)
    g = gcd(*ws)
    red = [w // g for w in ws] if g > 1 else list(ws)
    q = -(-q0 // g) if g > 1 else q0

    nbr: dict[int, set[int]] = {}
    for i, j in pairs:
        nbr.setdefault(i, set()).add(j)
        nbr.setdefault(j, set()).add(i)
    cset = sorted(nbr)
    if len(cset) > MAX_CONFLICT_PLAYERS:
        raise ValueError("too many conflicting players for an exact feasible game")
    free = [i for i in range(n_all) if i not in nbr]
    zero_free = [i for i in free if red[i] == 0]
    table = [red[i] for i in free if 0 < red[i] < q]
    n = n_all - len(zero_free)  # free null players change nobody's Shapley-Shubik value

    # bit-slot width: every packed count is at most comb(relevant players, size)
    relevant = sorted(table + [red[i] for i in cset])
    size_cap = 0
    for w in accumulate(relevant):
        if w >= q:
            break
        size_cap += 1
    slots = size_cap + 1
    slot = max(comb(len(relevant), m).bit_length() for m in range(slots))
    full = (1 << (slots * slot)) - 1
    pre = _prefix_table(table, q, slot)
    top = len(pre) - 1

    def pre_at(t: int) -> int:
        return pre[t] if 0 < t <= top else (pre[top] if t > top else 0)

    # independent sets of the conflicting players, grouped by (size, weight)
    memo: dict[frozenset[int], Poly] = {}
    terms = sorted(_independent_poly(frozenset(cset), nbr, red, q, memo).items())
    plain = terms == [((0, 0), 1)]
    cache: dict[int, int] = {}

    def pre_g(t: int) -> int:  # prefix sums of P_free * T
        if plain:
            return pre_at(t)
        val = cache.get(t)
        if val is None:
            val = sum(c * (pre_at(t - wt) << (k * slot)) for (k, wt), c in terms)
            cache[t] = val
        return val

    def free_vector(w: int) -> int:
        if w >= q:
            return pre_g(q)
        kmax = min(-(-q // w) - 1, slots)
        x = 0
        for k in range(kmax, 0, -1):
            x = (x << slot) + (-pre_g(q - k * w) if k & 1 else pre_g(q - k * w))
        return (pre_g(q) + x + (x << slot)) & full

    def conflict_vector(i: int) -> int:
        w = red[i]
        poly = _independent_poly(frozenset(cset) - nbr[i] - {i}, nbr, red, q, memo)
        return sum(
            c * ((pre_at(q - wt) - pre_at(q - wt - w)) << (k * slot)) for (k, wt), c in poly.items()
        )

    coef = [factorial(m) * factorial(n - 1 - m) if m < n else 0 for m in range(slots)]
    mask = (1 << slot) - 1
    by_weight: dict[int, tuple[int, int]] = {}
    raw_swings: list[int] = []
    raw_ss: list[int] = []
    for i in range(n_all):
        w = red[i]
        if w == 0:
            sw, num = 0, 0
        elif i in nbr or w not in by_weight:
            vec = conflict_vector(i) if i in nbr else free_vector(w)
            counts = [(vec >> (m * slot)) & mask for m in range(slots)]
            sw, num = sum(counts), sum(map(int.__mul__, coef, counts))
            if i not in nbr:
                by_weight[w] = (sw, num)
        else:
            sw, num = by_weight[w]
        raw_swings.append(sw << len(zero_free))
        raw_ss.append(num)

    total_sw, total_ss = sum(raw_swings), sum(raw_ss)
    zero = Fraction(0)
    return PowerResult(
        quota=q0,
        weights=ws,
        banzhaf=tuple(Fraction(s, total_sw) if total_sw else zero for s in raw_swings),
        shapley_shubik=tuple(Fraction(s, total_ss) if total_ss else zero for s in raw_ss),
        swings=tuple(raw_swings),
        feasible_only=bool(pairs),
    )


# --- reference implementations by enumeration (tests, n <= ~12) -----------------------------


def _enumerate(weights, quota, conflicts):
    ws, q, pairs = _validate(weights, quota, conflicts)
    n = len(ws)
    bad = [0] * n
    for i, j in pairs:
        bad[i] |= 1 << j
        bad[j] |= 1 << i
    for s in range(1 << n):
        members = [i for i in range(n) if s >> i & 1]
        if any(bad[i] & s for i in members):
            continue
        total = sum(ws[i] for i in members)
        if total >= q:
            continue
        for i in range(n):
            if not s >> i & 1 and not bad[i] & s and total + ws[i] >= q:
                yield i, len(members), n


def banzhaf_bruteforce(weights, quota, conflicts=(), *, raw: bool = False):
    """Normalised Banzhaf indices by enumeration (raw swing counts when ``raw``)."""
    swings = [0] * len(weights)
    for i, _size, _n in _enumerate(weights, quota, conflicts):
        swings[i] += 1
    if raw:
        return tuple(swings)
    total = sum(swings)
    return tuple(Fraction(s, total) if total else Fraction(0) for s in swings)


def shapley_bruteforce(weights, quota, conflicts=()):
    """(Feasible) Shapley-Shubik indices by enumeration, normalised to sum to 1."""
    phi = [Fraction(0)] * len(weights)
    for i, size, n in _enumerate(weights, quota, conflicts):
        phi[i] += Fraction(factorial(size) * factorial(n - size - 1), factorial(n))
    total = sum(phi)
    return tuple(p / total if total else Fraction(0) for p in phi)


def minimal_winning(
    weights: Sequence[int],
    quota: int,
    conflicts: Iterable[tuple[int, int]] = (),
    limit: int = 10000,
) -> list[frozenset[int]]:
    """Minimal winning coalitions (feasible ones only when ``conflicts`` is given).

    A coalition is minimal winning when it wins and loses as soon as any member leaves.
    Sorted by total weight, then size, then members; at most ``limit`` are returned (the
    first ``limit`` of that order).  Raises ValueError for more than 20 players.
    """
    ws, q, pairs = _validate(weights, quota, conflicts)
    n = len(ws)
    if n > MAX_ENUMERATION_PLAYERS:
        raise ValueError(f"minimal_winning enumerates coalitions; {n} players is more than 20")
    order = sorted(range(n), key=lambda i: -ws[i])  # heaviest first
    bad = [0] * n
    for i, j in pairs:
        bad[i] |= 1 << j
        bad[j] |= 1 << i
    rest = [0] * (n + 1)
    for t in range(n - 1, -1, -1):
        rest[t] = rest[t + 1] + ws[order[t]]
    found: list[tuple[int, int, tuple[int, ...]]] = []

    def walk(t: int, members: int, total: int) -> None:
        # total < q here; adding players in non-increasing weight order, the first one that
        # reaches q is the lightest member, so the coalition is minimal winning.
        for u in range(t, n):
            if total + rest[u] < q:
                return
            p = order[u]
            if bad[p] & members or ws[p] == 0:
                continue
            now = members | 1 << p
            if total + ws[p] >= q:
                group = tuple(i for i in range(n) if now >> i & 1)
                found.append((total + ws[p], len(group), group))
            else:
                walk(u + 1, now, total + ws[p])

    walk(0, 0, 0)
    found.sort()
    return [frozenset(group) for _w, _k, group in found[: max(limit, 0)]]

"""Exact power indices: hand-computed games, brute force, the powerindex package, feasibility."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.core.power import (
    PowerResult,
    banzhaf_bruteforce,
    minimal_winning,
    power_indices,
    shapley_bruteforce,
)

F = Fraction


def test_hand_computed_game():
    r = power_indices([3, 2, 1], 4)
    assert isinstance(r, PowerResult)
    assert r.banzhaf == (F(3, 5), F(1, 5), F(1, 5))
    assert r.shapley_shubik == (F(2, 3), F(1, 6), F(1, 6))
    assert r.swings == (3, 1, 1)
    assert (r.quota, r.weights, r.feasible_only) == (4, (3, 2, 1), False)


def test_zero_weight_player_has_no_power_and_changes_nothing():
    base = power_indices([3, 2, 1], 4)
    r = power_indices([3, 0, 2, 1, 0], 4)
    assert r.banzhaf[1] == r.banzhaf[4] == 0 and r.swings[1] == r.swings[4] == 0
    assert r.shapley_shubik[1] == r.shapley_shubik[4] == 0
    assert (r.banzhaf[0], r.banzhaf[2], r.banzhaf[3]) == base.banzhaf
    assert (r.shapley_shubik[0], r.shapley_shubik[2], r.shapley_shubik[3]) == base.shapley_shubik
    assert (r.swings[0], r.swings[2], r.swings[3]) == tuple(4 * s for s in base.swings)


def test_dictator():
    r = power_indices([10, 2, 3], 8)
    assert r.banzhaf == (1, 0, 0) and r.shapley_shubik == (1, 0, 0)
    assert r.swings == (4, 0, 0)


def test_quota_above_total_is_all_zero():
    r = power_indices([3, 2, 1], 7)
    assert r.banzhaf == r.shapley_shubik == (0, 0, 0) and r.swings == (0, 0, 0)
    assert power_indices([0, 0], 1).banzhaf == (0, 0)
    assert power_indices([], 1).shapley_shubik == ()


def test_common_factor_and_rounding_of_the_quota():
    assert power_indices([6, 4, 2], 7).shapley_shubik == power_indices([3, 2, 1], 4).shapley_shubik


@pytest.mark.parametrize(
    ("weights", "quota", "conflicts"),
    [([-1, 2], 2, ()), ([1, 2], 0, ()), ([1, 2], 2, [(0, 2)]), ([1, 2], 2, [(1, 1)])],
)
def test_bad_input(weights, quota, conflicts):
    with pytest.raises(ValueError):
        power_indices(weights, quota, conflicts)


def test_too_many_conflicting_players():
    with pytest.raises(ValueError, match="too many conflicting players"):
        power_indices([1] * 30, 10, [(i, i + 1) for i in range(23)])


def test_325_one_seat_players_exact():
    r = power_indices([1] * 325, 163)
    assert set(r.banzhaf) == {F(1, 325)} and set(r.shapley_shubik) == {F(1, 325)}
    assert sum(r.shapley_shubik) == 1


@st.composite
def games(draw, conflicts=True, max_n=9):
    n = draw(st.integers(1, max_n))
    weights = draw(st.lists(st.integers(0, 30), min_size=n, max_size=n))
    quota = draw(st.integers(1, sum(weights) + 5))
    pairs = []
    if conflicts and n > 1:
        pair = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(
            lambda p: p[0] != p[1]
        )
        pairs = draw(st.lists(pair, max_size=6))
    return weights, quota, pairs


@settings(max_examples=200, deadline=None)
@given(games(conflicts=False))
def test_dp_equals_bruteforce(game):
    weights, quota, _ = game
    r = power_indices(weights, quota)
    assert r.swings == banzhaf_bruteforce(weights, quota, raw=True)
    assert r.banzhaf == banzhaf_bruteforce(weights, quota)
    assert r.shapley_shubik == shapley_bruteforce(weights, quota)
    assert sum(r.shapley_shubik) in (0, 1) and sum(r.banzhaf) in (0, 1)


@settings(max_examples=200, deadline=None)
@given(games())
def test_feasible_dp_equals_bruteforce(game):
    weights, quota, pairs = game
    r = power_indices(weights, quota, pairs)
    assert r.feasible_only == bool(pairs)
    assert r.swings == banzhaf_bruteforce(weights, quota, pairs, raw=True)
    assert r.banzhaf == banzhaf_bruteforce(weights, quota, pairs)
    assert r.shapley_shubik == shapley_bruteforce(weights, quota, pairs)


@settings(max_examples=100, deadline=None)
@given(games(conflicts=False, max_n=7), st.integers(0, 2))
def test_zero_weight_players_change_nothing(game, zeros):
    weights, quota, _ = game
    base = power_indices(weights, quota)
    r = power_indices([0] * zeros + weights, quota)
    assert r.banzhaf[zeros:] == base.banzhaf and r.shapley_shubik[zeros:] == base.shapley_shubik
    assert set(r.banzhaf[:zeros]) <= {0} and set(r.shapley_shubik[:zeros]) <= {0}


def test_against_powerindex_package():
    px = pytest.importorskip("powerindex")
    rng = random.Random(2010)
    for _ in range(40):
        n = rng.randint(2, 20)
        weights = [rng.randint(1, 60) for _ in range(n)]
        # powerindex shortcuts any game with a weight >= quota (wrongly when others can
        # still win), divides by zero when nobody can win, and mishandles zero weights
        quota = rng.randint(max(weights) + 1, sum(weights)) if max(weights) < sum(weights) else 0
        if quota == 0:
            continue
        game = px.Game(quota, weights=weights)
        game.calc()
        r = power_indices(weights, quota)
        assert [float(b) for b in r.banzhaf] == pytest.approx(game.banzhaf, abs=1e-9)
        assert [float(s) for s in r.shapley_shubik] == pytest.approx(game.shapley_shubik, abs=1e-9)


def test_conflict_hand_checked():
    # [4; 3, 2, 2] with players 1 and 2 refusing to sit together: feasible coalitions are
    # {}, {0}, {1}, {2}, {0,1}, {0,2}.  Player 0 swings for {1} and {2}; 1 for {0}; 2 for {0}.
    plain = power_indices([3, 2, 2], 4)
    assert plain.banzhaf == (F(1, 3),) * 3
    r = power_indices([3, 2, 2], 4, [(1, 2)])
    assert r.feasible_only and r.swings == (2, 1, 1)
    assert r.banzhaf == (F(1, 2), F(1, 4), F(1, 4))
    # pivot weights 1!1!/3! each: 0 gets 2/6, 1 and 2 get 1/6; total 4/6, normalised
    assert r.shapley_shubik == (F(1, 2), F(1, 4), F(1, 4))


def test_conflict_can_leave_no_feasible_winner():
    r = power_indices([2, 2], 4, [(0, 1)])
    assert r.banzhaf == r.shapley_shubik == (0, 0) and r.swings == (0, 0)


def test_minimal_winning():
    assert minimal_winning([3, 2, 1], 4) == [frozenset({0, 2}), frozenset({0, 1})]
    assert minimal_winning([3, 2, 2], 4) == [
        frozenset({1, 2}),
        frozenset({0, 1}),
        frozenset({0, 2}),
    ]
    assert minimal_winning([3, 2, 2], 4, [(1, 2)]) == [frozenset({0, 1}), frozenset({0, 2})]
    assert minimal_winning([3, 2, 2, 0], 4, limit=1) == [frozenset({1, 2})]
    assert minimal_winning([1, 1], 3) == []
    with pytest.raises(ValueError):
        minimal_winning([1] * 21, 5)


@settings(max_examples=100, deadline=None)
@given(games(max_n=8))
def test_minimal_winning_matches_definition(game):
    weights, quota, pairs = game
    bad = {frozenset(p) for p in pairs}

    def feasible(s):
        return not any(frozenset((a, b)) in bad for a in s for b in s if a < b)

    def wins(s):
        return sum(weights[i] for i in s) >= quota

    n = len(weights)
    expected = set()
    for mask in range(1 << n):
        s = frozenset(i for i in range(n) if mask >> i & 1)
        if feasible(s) and wins(s) and all(not wins(s - {i}) for i in s):
            expected.add(s)
    got = minimal_winning(weights, quota, pairs)
    assert set(got) == expected and len(got) == len(expected)
    keys = [(sum(weights[i] for i in s), len(s)) for s in got]
    assert keys == sorted(keys)

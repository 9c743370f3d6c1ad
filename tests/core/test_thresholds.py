"""Composite thresholds (two thirds overall AND a majority inside each group) and the government
line: tallies, verdicts, completions, and power indices checked against brute force."""

from __future__ import annotations

import itertools
import shutil
from fractions import Fraction
from math import factorial
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.core.coalition import Coalition, CoalitionState, evaluate
from explorer.core.composite import composite_minimal, composite_power
from explorer.core.game import minimal_winning, power
from explorer.core.graph import Atlas
from explorer.core.loader import load_pack
from explorer.core.power import power_indices
from explorer.core.seats import default_picture

MINI = Path(__file__).resolve().parent.parent / "packs" / "mini"
TINY = Path(__file__).resolve().parent.parent / "packs" / "tiny"


def _brute(weights, quota, groups, conflicts=()):
    n = len(weights)

    def wins(s):
        return sum(weights[i] for i in s) >= quota and all(
            sum(g[i] for i in s) >= q for g, q in groups)

    def feasible(s):
        return not any(i in s and j in s for i, j in conflicts)

    swings, phi = [0] * n, [Fraction(0)] * n
    for k in range(n + 1):
        for s in itertools.combinations(range(n), k):
            s = set(s)
            if wins(s) or not feasible(s):
                continue
            for i in range(n):
                t = s | {i}
                if i not in s and weights[i] and feasible(t) and wins(t):
                    swings[i] += 1
                    phi[i] += Fraction(factorial(len(s)) * factorial(n - len(s) - 1),
                                       factorial(n))
    return swings, phi


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=1, max_size=7), st.data())
def test_composite_power_matches_brute_force(weights, data):
    n = len(weights)
    side = data.draw(st.lists(st.booleans(), min_size=n, max_size=n))
    north = tuple(w if s else 0 for w, s in zip(weights, side, strict=True))
    south = tuple(w if not s else 0 for w, s in zip(weights, side, strict=True))
    quota = data.draw(st.integers(1, max(1, sum(weights))))
    groups = [(north, data.draw(st.integers(0, sum(north)))),
              (south, data.draw(st.integers(0, sum(south))))]
    pairs = [p for p in itertools.combinations(range(n), 2)]
    conflicts = data.draw(st.lists(st.sampled_from(pairs), max_size=2)) if pairs else []
    result = composite_power(weights, quota, groups, conflicts)
    swings, phi = _brute(weights, quota, groups, conflicts)
    assert list(result.swings) == swings
    total = sum(phi)
    assert list(result.shapley_shubik) == [p / total if total else 0 for p in phi]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=1, max_size=7), st.integers(1, 40))
def test_without_groups_it_is_the_weighted_game(weights, quota):
    assert composite_power(weights, quota, []).banzhaf == power_indices(weights, quota).banzhaf
    assert composite_power(weights, quota, []).shapley_shubik == \
        power_indices(weights, quota).shapley_shubik


def test_composite_minimal_needs_every_member():
    weights, groups = (3, 2, 3, 1), [((3, 2, 0, 0), 3), ((0, 0, 3, 1), 3)]
    found = composite_minimal(weights, 6, groups)
    assert found == [frozenset({0, 2})]


@pytest.fixture(scope="module")
def belgium():
    return Atlas(load_pack("belgium-2010"))


def test_the_six_party_government_has_a_majority_but_not_the_special_one(belgium):
    from datetime import date

    picture = default_picture(belgium.pack, date(2011, 12, 6))
    six = Coalition(("ps", "mr", "cdh", "cd-v", "sp-a", "open-vld"), "di-rupo")
    ev = evaluate(belgium, picture, six)
    verdicts = {v.threshold.id: v for v in ev.verdicts}
    assert ev.seats == 96 and verdicts["absolute"].reached
    special = verdicts["special"]
    assert not special.reached and special.low >= 96 and special.short_by == 4
    assert special.groups_short == [("the Dutch-language group", 2)]  # 43 of 45
    # with Groen! the eight of the state reform pass both lines
    eight = evaluate(belgium, picture, Coalition((*six.members, "ecolo", "groen")))
    assert {v.threshold.id: v for v in eight.verdicts}["special"].reached
    # a completion for the special line fixes the Dutch-language shortfall too
    for c in ev.completions:
        if c.threshold == "special":
            after = evaluate(belgium, picture, Coalition((*six.members, *c.add)), False)
            assert {v.threshold.id: v for v in after.verdicts}["special"].reached


def test_the_special_line_in_power_and_minimal(belgium):
    from datetime import date

    picture = default_picture(belgium.pack, date(2011, 7, 22))
    found = minimal_winning(belgium, picture, "special")
    index = {u.id: u for u in picture.units}
    dutch = set(belgium.pack.threshold("special").groups[0].members)
    for coalition in found:
        assert sum(u.primary for u in coalition) >= 100
        assert sum(u.primary for u in coalition if u.id in dutch) >= 45
    result = power(belgium, picture, "special")
    assert abs(float(sum(result.banzhaf)) - 1) < 1e-9 and len(result.banzhaf) == len(index)


def test_a_split_list_still_counts_in_its_group(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    with open(root / "pack.toml", "a", encoding="utf-8") as handle:
        handle.write('\n[[threshold]]\nid = "both"\nname = "Both sides"\nseats = 6\n'
                     'source = "https://example.org/c"\n\n[[threshold.group]]\n'
                     'name = "the Greens side"\nmembers = ["greens"]\nseats = 3\n')
    atlas = Atlas(load_pack(root))
    state = CoalitionState(atlas, None)
    state.split("greens")
    parts = [u.id for u in state.picture.units if u.id.startswith(("light_greens", "greens"))]
    state.add_many(["reds", *parts])
    verdict = next(v for v in state.evaluate(False).verdicts if v.threshold.id == "both")
    (group, low, high), = verdict.groups
    units = [state.picture.unit(u) for u in parts]
    assert len(units) == 2 and group.total == 3  # the faction and the rest of the list
    assert (low, high) == (sum(u.low for u in units), sum(u.high for u in units))
    whole = CoalitionState(atlas, None)
    whole.add_many(["reds", "greens"])
    (_, low, high), = next(v for v in whole.evaluate(False).verdicts
                           if v.threshold.id == "both").groups
    assert (low, high) == (3, 3)  # the reds are outside the group: only the greens count


def test_the_tiny_pack_takes_its_government_line_from_the_flag():
    pack = load_pack(TINY)
    assert pack.government_threshold.id == "confidence"
    assert pack.threshold(None).id == "confidence"
    assert [g.total for g in pack.threshold("two_thirds_both").groups] == [5, 4]

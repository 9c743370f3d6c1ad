"""One meaning of feasible: `feasibility.check` is the oracle, and the coalition tally, the
completions, `minimal --feasible` and `power --feasible` must all agree with it, on random
coalitions, dates and PM candidates of the bundled pack and of a small test pack."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from fractions import Fraction
from itertools import combinations
from math import factorial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.core.coalition import Coalition, evaluate
from explorer.core.feasibility import check, game_constraints
from explorer.core.game import minimal_winning, power
from explorer.core.seats import default_picture, split
from tests.conftest import MINI

EXTRA = '''
[[relation]]
from = "blues"
to = "light_greens"
type = "refuses"
description = "The Blues will not sit with the Light Greens."
sources = ["https://example.org/refusal"]
since = "2020-02-01"

[[relation]]
from = "cid"
to = "greens"
type = "leads"
description = "Cid heads the Greens."
sources = ["https://example.org/cid"]

[[actor]]
id = "cid"
name = "Cid Green"
kind = "person"
description = "Leads the Greens; no stands_for: his list comes from the leads relation."
sources = ["https://example.org/cid"]

[[actor]]
id = "dot"
name = "Dot Nobody"
kind = "person"
description = "An independent candidate with no list."
sources = ["https://example.org/dot"]
'''


@pytest.fixture(scope="module")
def small_atlas(tmp_path_factory):
    """The mini pack plus a refusal between lists, a leader found by `leads` and a candidate
    with no list of her own."""
    from explorer.core.graph import Atlas
    from explorer.core.loader import load_pack

    root = tmp_path_factory.mktemp("packs") / "small"
    shutil.copytree(MINI, root)
    relations, actors = EXTRA.split("[[actor]]", 1)
    (root / "relations" / "extra.toml").write_text(relations)
    (root / "actors" / "extra.toml").write_text("[[actor]]" + actors)
    return Atlas(load_pack(root))


def _pictures(atlas, on):
    """The default picture and every picture one split away (factions and bloc members)."""
    base = default_picture(atlas.pack, on)
    out = [base]
    for unit in base.units:
        try:
            out.append(split(atlas.pack, base, unit.id))
        except ValueError:
            pass
    return [p for p in out if len(p.units) <= 11]  # every coalition is enumerated


def _feasible_sets(atlas, picture, pm) -> set[frozenset[int]]:
    """Every coalition of units on the table that check calls feasible (by brute force)."""
    from explorer.core.tensions import Cover

    cover = Cover(atlas, picture)
    units = picture.units
    n = len(units)
    return {frozenset(c) for k in range(1, n + 1) for c in combinations(range(n), k)
            if check(atlas, picture, [units[i].id for i in c], pm, cover).feasible}


def _scenario(atlas, data):
    pack = atlas.pack
    span = (pack.end_date - pack.start_date).days
    change_days = sorted({e.date.start for e in pack.events}
                         | {d for r in pack.relations for d in (r.since, r.until) if d})
    on = data.draw(st.one_of(
        st.sampled_from(change_days),
        st.integers(0, span).map(lambda k: pack.start_date + timedelta(days=k))))
    pictures = _pictures(atlas, on)
    picture = pictures[data.draw(st.integers(0, len(pictures) - 1))]
    people = sorted(a.id for a in pack.actors.values() if a.kind == "person")
    pm = data.draw(st.one_of(st.none(), st.sampled_from(people)))
    return on, picture, pm


def _cross_check(atlas, data):
    on, picture, pm = _scenario(atlas, data)
    units = picture.units
    if not units:  # before the results: nothing on the table, nothing to cross-check
        assert not atlas.pack.has_results(on)
        return
    rules = game_constraints(atlas, picture, pm)
    subset = data.draw(st.lists(st.integers(0, len(units) - 1), unique=True, max_size=len(units)))
    ids = [units[i].id for i in subset]
    verdict = check(atlas, picture, ids, pm)
    # the feasible game's constraints say what check says, for every coalition of units
    assert rules.admits(subset) == verdict.feasible, (on, pm, ids, verdict.reasons)
    # the tally says it, with a reason in words whenever it says no
    ev = evaluate(atlas, picture, Coalition(tuple(ids), pm))
    assert ev.feasible == verdict.feasible
    assert ev.feasible or ev.feasibility.reasons
    # every completion's flag is check's verdict on the coalition it makes
    for c in ev.completions:
        assert c.feasible == check(atlas, picture, [*ev.members, *c.add], pm).feasible, c
    feasible = _feasible_sets(atlas, picture, pm)
    for threshold in atlas.pack.thresholds:
        _game_agrees(atlas, picture, pm, threshold, feasible)


def _game_agrees(atlas, picture, pm, threshold, feasible):
    units = picture.units
    n, q = len(units), threshold.seats
    wins = {c for c in feasible if sum(units[i].primary for i in c) >= q}
    # minimal winning: winning, and no longer winning without any one member
    minimal = {c for c in wins if all(c - {i} not in wins for i in c)}
    listed = {frozenset(picture.ids.index(u.id) for u in c)
              for c in minimal_winning(atlas, picture, threshold.id, pm=pm, feasible=True)}
    assert listed == minimal
    # feasible power: a swing is a winning coalition that loses without the unit
    result = power(atlas, picture, threshold.id, pm=pm, feasible=True)
    rules = game_constraints(atlas, picture, pm)
    live = [i for i in range(n) if i not in rules.blocked]
    swings = [sum(1 for c in wins if i in c and c - {i} not in wins) for i in range(n)]
    assert list(result.swings) == swings
    total = sum(swings)
    assert list(result.banzhaf) == [Fraction(s, total) if total else 0 for s in swings]
    m = len(live)
    ss = [sum(Fraction(factorial(len(c) - 1) * factorial(m - len(c)), factorial(m))
              for c in wins if i in c and c - {i} not in wins) for i in range(n)]
    norm = sum(ss)
    assert list(result.shapley_shubik) == [s / norm if norm else 0 for s in ss]


@settings(max_examples=25, deadline=None, derandomize=True)
@given(data=st.data())
def test_one_meaning_of_feasible_on_the_bundled_pack(bundled_atlas, data):
    _cross_check(bundled_atlas, data)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(data=st.data())
def test_one_meaning_of_feasible_on_a_small_pack(small_atlas, data):
    _cross_check(small_atlas, data)


def test_a_pm_needs_his_own_list(bundled_atlas):
    picture = default_picture(bundled_atlas.pack, date(2010, 10, 2))
    members = ["iraqiya", "kurdish_coalition", "tawafuq", "unity_alliance", "minorities"]
    verdict = check(bundled_atlas, picture, members, "maliki")
    assert not verdict.feasible and not verdict.pm_home_in
    assert verdict.pm_home == "sol"
    assert any(r.kind == "pm_home" and "State of Law" in r.text for r in verdict.reasons)
    assert check(bundled_atlas, picture, members, "allawi").feasible


def test_a_candidate_with_no_list_needs_none(small_atlas):
    picture = default_picture(small_atlas.pack, date(2020, 1, 10))
    verdict = check(small_atlas, picture, ["reds", "blues"], "dot")
    assert verdict.feasible and verdict.pm_home is None
    led = check(small_atlas, picture, ["reds", "blues"], "cid")  # Cid leads the Greens
    assert not led.feasible and led.pm_home == "greens"


def test_a_refusal_inside_a_bloc_is_a_refusal_inside_the_coalition(small_atlas):
    april = date(2020, 4, 1)
    picture = split(small_atlas.pack, default_picture(small_atlas.pack, april), "blue_green")
    picture = split(small_atlas.pack, picture, "greens")
    verdict = check(small_atlas, picture, ["blues", "light_greens"], None)
    assert not verdict.feasible
    assert verdict.reasons[0].sources == ("https://example.org/refusal",)
    merged = default_picture(small_atlas.pack, april)
    assert not check(small_atlas, merged, ["blue_green"], None).feasible
    assert game_constraints(small_atlas, merged, None).blocked == {merged.ids.index("blue_green")}

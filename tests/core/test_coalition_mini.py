"""The coalition engine on the tiny pack: tally, tensions, completions, split/merge, undo."""

from __future__ import annotations

from datetime import date

import pytest

from explorer.core.coalition import Coalition, CoalitionState, evaluate
from explorer.core.game import unit_conflicts
from explorer.core.seats import default_picture, merge, split, splittable

JAN, APR, JUL = date(2020, 1, 10), date(2020, 4, 1), date(2020, 7, 1)


def test_default_picture_follows_the_blocs(mini_atlas):
    pack = mini_atlas.pack
    assert default_picture(pack, JAN).ids == ("reds", "blues", "greens")
    assert default_picture(pack, APR).ids == ("reds", "blue_green")
    assert default_picture(pack, APR).total == 10


def test_tally_and_verdicts(mini_atlas):
    ev = evaluate(mini_atlas, default_picture(mini_atlas.pack, JAN), Coalition(("reds", "blues")))
    assert (ev.seats, ev.low, ev.high) == (7, 7, 7)
    majority, two_thirds = ev.verdicts
    assert majority.reached and majority.over_by == 1
    assert two_thirds.reached and two_thirds.over_by == 0
    ev = evaluate(mini_atlas, default_picture(mini_atlas.pack, JAN), Coalition(("greens",)))
    assert ev.verdicts[0].short_by == 3 and not ev.verdicts[0].reached


def test_a_person_stands_for_a_list_and_members_are_not_counted_twice(mini_atlas):
    picture = default_picture(mini_atlas.pack, JAN)
    ev = evaluate(mini_atlas, picture, Coalition(("ann", "greens", "light_greens")))
    assert ev.members == ["reds", "greens"]
    assert ev.seats == 7


def test_range_totals_and_top_of_range(mini_atlas):
    picture = split(mini_atlas.pack, default_picture(mini_atlas.pack, JAN), "greens")
    ev = evaluate(mini_atlas, picture, Coalition(("reds", "light_greens")))
    assert (ev.low, ev.high) == (5, 6)
    assert ev.verdicts[0].status == "top_of_range"


def test_pm_refusal_is_hard_and_ends_on_its_date(mini_atlas):
    picture = default_picture(mini_atlas.pack, JAN)
    ev = evaluate(mini_atlas, picture, Coalition(("reds", "greens"), pm="ann"))
    hard = [t for t in ev.tensions if t.hard]
    assert hard and hard[0].type == "refuses_pm" and hard[0].about_pm
    assert not ev.feasible
    ev_no_pm = evaluate(mini_atlas, picture, Coalition(("reds", "greens")))
    assert ev_no_pm.feasible
    later = evaluate(mini_atlas, default_picture(mini_atlas.pack, JUL),
                     Coalition(("reds", "greens"), pm="ann"))
    assert later.feasible


def test_soft_tensions_carry_their_source(mini_atlas):
    ev = evaluate(mini_atlas, default_picture(mini_atlas.pack, JAN), Coalition(("reds", "blues")))
    assert [(t.type, t.hard) for t in ev.tensions] == [("rival_of", False)]
    assert ev.tensions[0].sources == ("https://example.org/rivals",)
    assert ev.feasible


def test_completions_smallest_first_and_feasible_first(mini_atlas):
    picture = default_picture(mini_atlas.pack, JAN)
    ev = evaluate(mini_atlas, picture, Coalition(("greens",), pm="ann"))
    majority = [c for c in ev.completions if c.threshold == "majority"]
    assert majority and all(len(c.add) == 1 for c in majority[:1])
    assert majority[0].seats >= 6
    ev2 = evaluate(mini_atlas, picture, Coalition(("reds",), pm="ann"))
    first = [c for c in ev2.completions if c.threshold == "majority"][0]
    assert first.add == ("blues",) and first.feasible  # the Greens refuse Ann
    assert any(c.add == ("greens",) and not c.feasible for c in ev2.completions)


def test_conflicts_for_the_feasible_game(mini_atlas):
    picture = default_picture(mini_atlas.pack, JAN)
    assert unit_conflicts(mini_atlas, picture, None) == []
    assert unit_conflicts(mini_atlas, picture, "ann") == [(0, 2)]


def test_split_and_merge(mini_atlas):
    pack = mini_atlas.pack
    picture = default_picture(pack, JAN)
    assert splittable(pack, picture, "greens")
    assert not splittable(pack, picture, "reds")
    parts = split(pack, picture, "greens")
    assert parts.ids == ("reds", "blues", "light_greens", "greens~rest")
    rest = parts.unit("greens~rest")
    assert (rest.low, rest.high, rest.primary) == (1, 2, 1)
    merged = merge(pack, picture, ["blues", "greens"])
    assert merged.ids == ("reds", "blue_green")
    adhoc = merge(pack, picture, ["reds", "blues"])
    assert adhoc.unit("reds+blues").primary == 7
    with pytest.raises(ValueError):
        merge(pack, picture, ["reds"])


def test_state_undo_redo(mini_atlas):
    state = CoalitionState(mini_atlas, JAN)
    state.add("reds")
    state.toggle("ann")  # Ann stands for the Reds: toggling removes them
    assert state.coalition.members == ()
    state.add("blues")
    state.set_pm("bob")
    state.split("greens")
    assert "light_greens" in state.picture.ids
    assert state.undo() and "light_greens" not in state.picture.ids
    assert state.undo() and state.coalition.pm is None
    assert state.redo() and state.coalition.pm == "bob"
    state.merge(["blues", "greens"])
    assert state.coalition.members == ("blue_green",)
    assert state.evaluate().seats == 6
    while state.undo():
        pass
    assert state.coalition == Coalition()


def test_date_change_keeps_split_and_merged_members(mini_atlas):
    state = CoalitionState(mini_atlas, JAN)
    state.add("reds")
    state.add("blues")
    merged = state.merge(["reds", "blues"])
    state.set_date(JUL)
    ev = state.evaluate()
    assert ev.members == [merged.id] and ev.seats == 7
    state = CoalitionState(mini_atlas, JAN)
    state.split("greens")
    state.add("greens~rest")
    state.set_date(APR)
    assert state.evaluate().seats == 1


def test_merge_refuses_units_no_longer_on_the_table(mini_atlas):
    pack = mini_atlas.pack
    parts = split(pack, default_picture(pack, JAN), "greens")
    merged = merge(pack, parts, ["light_greens", "greens~rest"])
    with pytest.raises(ValueError):
        merge(pack, merged, ["light_greens", "reds"])


def test_add_many_is_one_step(mini_atlas):
    state = CoalitionState(mini_atlas, JAN)
    state.add_many(["reds", "bob"])
    assert state.coalition.members == ("reds", "blues")
    assert state.undo() and state.coalition.members == ()

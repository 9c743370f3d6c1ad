"""Loader, names, graph and timeline on the tiny test pack."""

from __future__ import annotations

from datetime import date

import pytest

from explorer.core.dates import FuzzyDate, parse_day, parse_fuzzy
from explorer.core.names import AmbiguousName, UnknownName
from explorer.core.timeline import current_event, diff, next_event, previous_event


def test_pack_loads_with_typed_objects(mini_atlas):
    pack = mini_atlas.pack
    assert pack.parliament_size == 10
    assert [t.seats for t in pack.thresholds] == [6, 7]
    greens = pack.actors["light_greens"]
    assert greens.claimed_range == (1, 2)
    assert greens.primary_seats == 2
    assert greens.disputed
    assert pack.seat_range("blue_green") == (6, 6)


def test_month_precision_is_kept(mini_atlas):
    merger = next(e for e in mini_atlas.pack.events if e.id == "merger")
    assert merger.date.precision == "month"
    assert str(merger.date) == "March 2020"
    assert merger.date.iso == "2020-03"


@pytest.mark.parametrize("text", ["2010-02-30", "March 2010", "10-03-2010", "", "2010-13"])
def test_bad_dates_are_refused(text):
    with pytest.raises(ValueError):
        parse_fuzzy(text)


def test_parse_day_needs_a_day():
    assert parse_day("2010-03-07") == date(2010, 3, 7)
    with pytest.raises(ValueError):
        parse_day("2010-03")
    assert parse_fuzzy("2010") == FuzzyDate(date(2010, 1, 1), "year")


def test_names_resolve_by_id_name_alias_and_word(mini_atlas):
    assert mini_atlas.resolve("reds").id == "reds"
    assert mini_atlas.resolve("RED LIST").id == "reds"
    assert mini_atlas.resolve("Blues").id == "blues"
    assert mini_atlas.resolve("ann").id == "ann"
    assert mini_atlas.resolve("light").id == "light_greens"


def test_ambiguous_and_unknown_names(mini_atlas):
    with pytest.raises(AmbiguousName) as amb:
        mini_atlas.resolve("green")
    assert {a.id for a in amb.value.candidates} == {"greens", "blue_green"}
    assert "Which do you mean" in str(amb.value)
    with pytest.raises(UnknownName) as unk:
        mini_atlas.resolve("Bobb Blue")
    assert "Did you mean" in str(unk.value)
    assert unk.value.candidates[0].id == "bob"


def test_links_follow_the_date(mini_atlas):
    before = {k.relation.type for k in mini_atlas.links("greens", date(2020, 2, 1))}
    after = {k.relation.type for k in mini_atlas.links("greens", date(2020, 7, 1))}
    assert "refuses_pm" in before
    assert "refuses_pm" not in after
    assert "part_of" in after  # the bloc, formed in March


def test_graph_is_a_multidigraph_with_sourced_edges(mini_atlas):
    g = mini_atlas.graph(date(2020, 4, 1))
    assert g.is_multigraph() and g.is_directed()
    edges = [d for _, _, d in g.edges("reds", data=True) if d["type"] == "rival_of"]
    assert edges and edges[0]["sources"] == ["https://example.org/rivals"]
    assert "blue_green" in g
    assert "blue_green" not in mini_atlas.graph(date(2020, 1, 10))


def test_path_between_two_actors(mini_atlas):
    chain = mini_atlas.path("ann", "bob")
    assert chain is not None
    assert chain[0].this == "ann" and chain[-1].other == "bob"
    assert [k.relation.type for k in chain] == ["leads", "rival_of", "leads"]


def test_location(mini_atlas):
    assert mini_atlas.location("ann") == "capital"
    assert mini_atlas.location("capital") == "capital"
    assert mini_atlas.location("bob") is None


def test_timeline_steps_and_diff(mini_atlas):
    pack = mini_atlas.pack
    assert current_event(pack, date(2020, 1, 10)).id == "vote"
    assert next_event(pack, date(2020, 1, 10)).id == "merger"
    assert previous_event(pack, date(2020, 3, 1)).id == "vote"
    d = diff(pack, date(2020, 1, 10), date(2020, 7, 1))
    assert [r.type for r in d.relations_ended] == ["refuses_pm"]
    assert [a.id for a in d.actors_appeared] == ["blue_green"]
    assert [e.id for e in d.events] == ["merger"]

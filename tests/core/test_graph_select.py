"""Choosing the part of the graph a hand-out shows (explorer.core.graph_select)."""

from __future__ import annotations

from datetime import date

import pytest

from explorer.core.exports import export_graph
from explorer.core.graph_select import Selection, parse_kinds, parse_types, select
from explorer.core.vocabulary import RELATION_TYPES

ON = date(2010, 4, 1)


@pytest.fixture(scope="module")
def graph(bundled_atlas):
    return export_graph(bundled_atlas, ON)


def neighbours(bundled_atlas, actor, places=True):
    links = bundled_atlas.links(actor, ON)
    return {k.other for k in links
            if places or (k.type.stance != "place"
                          and bundled_atlas.pack.actors[k.other].kind != "place")}


def test_around_depth_one_is_the_actor_and_its_neighbours(bundled_atlas, graph):
    out = select(graph, Selection(around="sadr", depth=1))
    assert set(out) == {"sadr"} | neighbours(bundled_atlas, "sadr")
    assert out.graph["around"] == "sadr"


def test_no_places_drops_place_nodes_and_links(bundled_atlas, graph):
    out = select(graph, Selection(around="sadr", depth=1, places=False))
    assert set(out) == {"sadr"} | neighbours(bundled_atlas, "sadr", places=False)
    assert not any(d["kind"] == "place" for _n, d in out.nodes(data=True))
    assert not any(RELATION_TYPES[d["type"]].stance == "place"
                   for _u, _v, d in out.edges(data=True))
    assert "qom" in set(select(graph, Selection(around="sadr", depth=1)))


def test_depth_two_reaches_further_and_depth_zero_is_the_actor_alone(graph):
    one = select(graph, Selection(around="sadr", depth=1, places=False))
    two = select(graph, Selection(around="sadr", depth=2, places=False))
    assert set(one) < set(two)
    assert set(select(graph, Selection(around="sadr", depth=0))) == {"sadr"}


def test_types_keep_only_those_relations_and_the_actors_they_join(graph):
    out = select(graph, Selection(types=frozenset({"refuses", "refuses_pm"})))
    assert out.number_of_edges() > 0
    assert {d["type"] for _u, _v, d in out.edges(data=True)} <= {"refuses", "refuses_pm"}
    assert all(out.degree(n) > 0 for n in out)


def test_kinds_keep_the_centre(graph):
    out = select(graph, Selection(around="sadr", depth=1, kinds=frozenset({"list"})))
    kinds = {d["kind"] for n, d in out.nodes(data=True) if n != "sadr"}
    assert kinds == {"list"} and "sadr" in out


def test_bad_filters_are_errors_naming_the_known_values(graph):
    with pytest.raises(ValueError, match="person"):
        parse_kinds("person,persn")
    with pytest.raises(ValueError, match="refuses_pm"):
        parse_types("refuse")
    with pytest.raises(ValueError):
        select(graph, Selection(around="nobody"))
    with pytest.raises(ValueError):
        select(graph, Selection(around="sadr", depth=-1))
    assert parse_kinds(" person , list ") == {"person", "list"}

"""explorer.core.graph: an actor's relations on a date, paths, places and the networkx graph."""

from __future__ import annotations

from datetime import date

from tests_support import copy_mini

from explorer.core.graph import Atlas, build_graph, structural_relations
from explorer.core.loader import load_pack

JAN, APR, JUL = date(2020, 1, 10), date(2020, 4, 1), date(2020, 7, 1)


def test_structural_relations_come_from_part_of_and_bloc_members(mini_atlas):
    made = {(r.source, r.target, r.type): r for r in structural_relations(mini_atlas.pack)}
    assert set(made) == {("light_greens", "greens", "part_of"),
                         ("blues", "blue_green", "part_of"),
                         ("greens", "blue_green", "part_of")}
    faction = made[("light_greens", "greens", "part_of")]
    assert faction.description == "Light Greens is part of Green List."
    assert faction.sources == mini_atlas.pack.actors["light_greens"].sources
    joined = made[("blues", "blue_green", "part_of")]
    assert joined.since == date(2020, 3, 1)  # a bloc's membership holds from the bloc's date
    assert joined.description == "Blue List joined Blue-Green Bloc."


def test_links_are_seen_from_the_actor_with_the_inverse_label(mini_atlas):
    ann = {(k.label, k.other) for k in mini_atlas.links("ann", JAN)}
    assert ("leads", "reds") in ann
    assert ("is refused as PM by", "greens") in ann  # the Greens' refusal, seen from Ann
    assert ("lives in", "capital") in ann
    reds = {(k.label, k.other, k.outgoing) for k in mini_atlas.links("reds", JAN)}
    assert ("is led by", "ann", False) in reds
    assert ("is a rival of", "blues", True) in reds  # symmetric: the same label both ways
    blues = {(k.label, k.other) for k in mini_atlas.links("blues", JAN)}
    assert ("is a rival of", "reds") in blues


def test_links_hold_on_their_dates_only(mini_atlas):
    greens_jan = {(k.relation.type, k.other) for k in mini_atlas.links("greens", JAN)}
    greens_jul = {(k.relation.type, k.other) for k in mini_atlas.links("greens", JUL)}
    assert ("refuses_pm", "ann") in greens_jan and ("refuses_pm", "ann") not in greens_jul
    assert ("part_of", "blue_green") not in greens_jan  # the bloc does not exist yet
    assert ("part_of", "blue_green") in greens_jul


def test_links_without_a_date_are_every_link(mini_atlas):
    every = {(k.relation.type, k.other) for k in mini_atlas.links("greens")}
    assert {("refuses_pm", "ann"), ("part_of", "blue_green")} <= every


def test_links_are_ordered_by_type_then_outgoing_first(mini_atlas):
    types = [k.relation.type for k in mini_atlas.links("ann", JAN)]
    assert types == ["leads", "refuses_pm", "lives_in"]  # the vocabulary's order
    assert mini_atlas.links("nobody", JAN) == []


def test_grouped_links_by_label(mini_atlas):
    groups = mini_atlas.grouped_links("greens", JUL)
    assert [k.other for k in groups["contains"]] == ["light_greens"]
    assert [k.other for k in groups["is part of"]] == ["blue_green"]
    assert "refuses to serve under" not in groups
    assert "refuses to serve under" in mini_atlas.grouped_links("greens", JAN)


def test_path_follows_relations_either_way(mini_atlas):
    chain = mini_atlas.path("capital", "bob", JAN)
    assert [(k.this, k.other) for k in chain] == [
        ("capital", "ann"), ("ann", "reds"), ("reds", "blues"), ("blues", "bob")]
    assert chain[0].label == "is home to"


def test_path_depends_on_the_date(mini_atlas):
    before = mini_atlas.path("light_greens", "blues", JAN)  # no bloc yet: the long way round
    assert [k.other for k in before] == ["greens", "ann", "reds", "blues"]
    after = mini_atlas.path("light_greens", "blues", APR)  # through the bloc
    assert [k.other for k in after] == ["greens", "blue_green", "blues"]


def test_path_to_an_actor_not_on_the_date_or_unknown_is_none(mini_atlas):
    assert mini_atlas.path("reds", "blue_green", JAN) is None
    assert mini_atlas.path("reds", "nobody", JAN) is None


def test_location_on_a_date(tmp_path):
    pack = copy_mini(tmp_path)
    (pack / "actors" / "town.toml").write_text(
        '[[actor]]\nid = "town"\nname = "Small Town"\nkind = "place"\n'
        'description = "A town."\nsources = ["https://example.org/town"]\n', encoding="utf-8")
    (pack / "relations" / "moves.toml").write_text(
        '[[relation]]\nfrom = "bob"\nto = "town"\ntype = "based_in"\nsince = "2020-05-01"\n'
        'description = "Bob moves his office."\nsources = ["https://example.org/bob"]\n',
        encoding="utf-8")
    atlas = Atlas(load_pack(pack))
    assert atlas.location("bob", APR) is None
    assert atlas.location("bob", JUL) == "town"
    assert atlas.location("ann", JUL) == "capital"
    assert atlas.location("town", JAN) == "town"  # a place is its own location
    assert atlas.location("nobody", JAN) is None


def test_build_graph_on_a_date(mini_atlas):
    pack = mini_atlas.pack
    jan, jul = build_graph(pack, JAN), build_graph(pack, JUL)
    assert jan.graph == {"pack": "mini", "date": "2020-01-10"}
    assert "blue_green" not in jan and "blue_green" in jul
    assert jan.nodes["ann"] == {"name": "Ann Red", "kind": "person"}
    refusals = [d for _, _, d in jan.out_edges("greens", data=True) if d["type"] == "refuses_pm"]
    assert refusals == [{"type": "refuses_pm",
                         "description": "The Greens will not serve under Ann.",
                         "sources": ["https://example.org/greens"], "since": None,
                         "until": "2020-06-01", "status": None}]
    assert not any(d["type"] == "refuses_pm" for _, _, d in jul.edges(data=True))
    assert jul.has_edge("greens", "blue_green")


def test_build_graph_without_a_date_holds_everything(mini_atlas):
    graph = build_graph(mini_atlas.pack)
    assert graph.graph["date"] is None
    assert set(graph.nodes) == set(mini_atlas.pack.actors)
    assert graph.number_of_edges() == len(mini_atlas.relations)


def test_atlas_graph_is_the_same_object_while_nothing_changes(mini_atlas):
    assert mini_atlas.graph(date(2020, 1, 10)) is mini_atlas.graph(date(2020, 1, 20))
    assert mini_atlas.graph(JAN) is not mini_atlas.graph(JUL)

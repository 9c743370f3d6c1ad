"""Choosing the part of the actor graph a hand-out shows: around an actor, some kinds, some
relation types, places left out.

Plain Python over an exported networkx graph (see explorer.core.exports.export_graph). Every
filter returns a new graph; the order is: relation types and places first (they decide which
links count), then the neighbourhood of the actor (walked over those links only, in either
direction), then the actor kinds (the centre always stays).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from explorer.core.vocabulary import ACTOR_KINDS, RELATION_TYPES

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class Selection:
    """What to keep. Empty `kinds` / `types` keep every kind / type."""

    around: str | None = None
    depth: int = 1
    kinds: frozenset[str] = field(default_factory=frozenset)
    types: frozenset[str] = field(default_factory=frozenset)
    places: bool = True

    @property
    def everything(self) -> bool:
        return self.around is None and not self.kinds and not self.types and self.places


def parse_list(text: str | None, known, what: str) -> frozenset[str]:
    """'a,b' -> {'a', 'b'}; ValueError naming the unknown ones and the known ones."""
    if not text:
        return frozenset()
    items = [t.strip() for t in text.split(",") if t.strip()]
    unknown = [t for t in items if t not in known]
    if unknown:
        raise ValueError(f"unknown {what} {', '.join(map(repr, unknown))} "
                         f"(known: {', '.join(known)})")
    return frozenset(items)


def parse_kinds(text: str | None) -> frozenset[str]:
    return parse_list(text, ACTOR_KINDS, "kind")


def parse_types(text: str | None) -> frozenset[str]:
    return parse_list(text, tuple(RELATION_TYPES), "relation type")


def is_place_link(data: dict) -> bool:
    t = RELATION_TYPES.get(data.get("type", ""))
    return t is not None and t.stance == "place"


def select(graph: nx.MultiDiGraph, selection: Selection) -> nx.MultiDiGraph:
    """The part of `graph` that `selection` keeps (a copy; ValueError for an unknown centre or a
    negative depth)."""
    if selection.depth < 0:
        raise ValueError("--depth must be 0 or more")
    if selection.around is not None and selection.around not in graph:
        raise ValueError(f"{selection.around!r} is not in the graph on this date")
    out = graph.copy()
    if not selection.places:
        out.remove_nodes_from([n for n, d in graph.nodes(data=True) if d.get("kind") == "place"
                               and n != selection.around])
    drop = [(u, v, k) for u, v, k, d in out.edges(keys=True, data=True)
            if (selection.types and d.get("type") not in selection.types)
            or (not selection.places and is_place_link(d))]
    out.remove_edges_from(drop)
    if selection.types:  # actors left with no link of the chosen types are left out too
        out.remove_nodes_from([n for n in list(out) if out.degree(n) == 0
                               and n != selection.around])
    if selection.around is not None:
        keep = neighbourhood(out, selection.around, selection.depth)
        out.remove_nodes_from([n for n in list(out) if n not in keep])
    if selection.around is not None:
        out.graph["around"] = selection.around
        out.graph["depth"] = selection.depth
    if selection.kinds:
        out.remove_nodes_from([n for n, d in list(out.nodes(data=True))
                               if d.get("kind") not in selection.kinds
                               and n != selection.around])
    return out


def neighbourhood(graph: nx.MultiDiGraph, centre: str, depth: int) -> set[str]:
    """The actors at most `depth` links from `centre`, following links either way."""
    seen = {centre}
    frontier = {centre}
    for _ in range(depth):
        nxt = set()
        for node in frontier:
            nxt.update(graph.successors(node))
            nxt.update(graph.predecessors(node))
        frontier = nxt - seen
        seen |= frontier
    return seen

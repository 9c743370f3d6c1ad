"""The actor graph: a networkx MultiDiGraph of actors and typed relations, as of a date.

Plain functions and one small cache object over a loaded Pack. networkx is imported lazily so
that the first frame of the TUI does not wait for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from explorer.core.model import Actor, Pack, Relation
from explorer.core.names import NameIndex
from explorer.core.vocabulary import PLACE_TYPES, RELATION_TYPES

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class Link:
    """One relation seen from one of its ends."""

    relation: Relation
    this: str
    other: str
    outgoing: bool

    @property
    def type(self):
        return RELATION_TYPES[self.relation.type]

    @property
    def label(self) -> str:
        t = self.type
        return t.label if self.outgoing or t.symmetric else t.inverse


def structural_relations(pack: Pack) -> list[Relation]:
    """`part_of` edges made from the actors' `part_of` and the blocs' `members` fields."""
    out = []
    for actor in pack.actors.values():
        if actor.part_of and actor.part_of in pack.actors:
            parent = pack.actors[actor.part_of]
            out.append(Relation(f"auto-part-{actor.id}", actor.id, parent.id, "part_of",
                                f"{actor.name} is part of {parent.name}.", actor.sources,
                                actor.origin, actor.since, actor.until))
        if actor.kind == "bloc":
            for member in actor.members:
                if member in pack.actors:
                    m = pack.actors[member]
                    out.append(Relation(f"auto-bloc-{actor.id}-{member}", member, actor.id,
                                        "part_of", f"{m.name} joined {actor.name}.",
                                        actor.sources, actor.origin, actor.since, actor.until))
    return out


def all_relations(pack: Pack) -> list[Relation]:
    return [*structural_relations(pack), *pack.relations]


def build_graph(pack: Pack, on: date | None = None) -> nx.MultiDiGraph:
    """Nodes are actors existing on `on`; edges are relations holding on `on` (all if None)."""
    import networkx as nx

    from explorer.core.bulk import collector_paused

    with collector_paused():
        return _fill(nx.MultiDiGraph(pack=pack.id, date=on.isoformat() if on else None), pack, on)


def _fill(graph: nx.MultiDiGraph, pack: Pack, on: date | None) -> nx.MultiDiGraph:
    graph.add_nodes_from(
        (a.id, {"name": a.name, "kind": a.kind}) for a in pack.actors.values() if a.exists_on(on)
    )
    nodes = graph.nodes
    graph.add_edges_from(
        (rel.source, rel.target, rel.id, {
            "type": rel.type, "description": rel.description, "sources": list(rel.sources),
            "since": rel.since.isoformat() if rel.since else None,
            "until": rel.until.isoformat() if rel.until else None,
            "status": rel.status,
        })
        for rel in all_relations(pack)
        if rel.active_on(on) and rel.source in nodes and rel.target in nodes
    )
    return graph


class Atlas:
    """A loaded pack with its name index and per-date graphs (cached)."""

    def __init__(self, pack: Pack):
        self.pack = pack
        self._names: NameIndex | None = None
        self.relations = all_relations(pack)
        self._graphs: dict[tuple, nx.MultiDiGraph] = {}
        self._by_actor: dict[str, list[Relation]] = {}
        for rel in self.relations:
            self._by_actor.setdefault(rel.source, []).append(rel)
            self._by_actor.setdefault(rel.target, []).append(rel)

    @property
    def names(self) -> NameIndex:
        """The name index for resolving what people type (built on first use)."""
        if self._names is None:
            self._names = NameIndex(self.pack.actors)
        return self._names

    def actor(self, actor_id: str) -> Actor:
        return self.pack.actors[actor_id]

    def resolve(self, query: str, prefixes: bool = True, on: date | None = None) -> Actor:
        """The actor a name means (with `on`: among those existing on that date)."""
        return self.names.resolve(query, prefixes, on=on)

    def graph(self, on: date | None) -> nx.MultiDiGraph:
        key = (
            tuple(r.id for r in self.relations if r.active_on(on)),
            tuple(a.id for a in self.pack.actors.values() if a.exists_on(on)),
        )
        if key not in self._graphs:
            self._graphs[key] = build_graph(self.pack, on)
        return self._graphs[key]

    def links(self, actor_id: str, on: date | None = None) -> list[Link]:
        """Every relation of an actor that holds on `on`, seen from that actor."""
        out = []
        for rel in self._by_actor.get(actor_id, []):
            if not rel.active_on(on):
                continue
            other = rel.target if rel.source == actor_id else rel.source
            if other in self.pack.actors and self.pack.actors[other].exists_on(on):
                out.append(Link(rel, actor_id, other, rel.source == actor_id))
        order = {name: i for i, name in enumerate(RELATION_TYPES)}
        out.sort(key=lambda k: (order[k.relation.type], not k.outgoing,
                                self.pack.actors[k.other].name.casefold()))
        return out

    def grouped_links(self, actor_id: str, on: date | None = None) -> dict[str, list[Link]]:
        groups: dict[str, list[Link]] = {}
        for link in self.links(actor_id, on):
            groups.setdefault(link.label, []).append(link)
        return groups

    def path(self, a: str, b: str, on: date | None = None) -> list[Link] | None:
        """The shortest chain of relations from a to b (either direction), or None."""
        import networkx as nx

        graph = self.graph(on)
        if a not in graph or b not in graph:
            return None
        try:
            nodes = nx.shortest_path(graph.to_undirected(as_view=True), a, b)
        except nx.NetworkXNoPath:
            return None
        chain = []
        for x, y in zip(nodes, nodes[1:], strict=False):
            candidates = [k for k in self.links(x, on) if k.other == y]
            chain.append(candidates[0])
        return chain

    def location(self, actor_id: str, on: date | None = None) -> str | None:
        """The place where an actor lives or is based on `on`; a place is its own location."""
        actor = self.pack.actors.get(actor_id)
        if actor is None:
            return None
        if actor.kind == "place":
            return actor.id
        for link in self.links(actor_id, on):
            if link.outgoing and link.relation.type in PLACE_TYPES:
                if self.pack.actors[link.other].kind == "place":
                    return link.other
        return None

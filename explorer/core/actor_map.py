"""The map around an actor: its neighbourhood on a date, placed on rings around it.

Plain Python over the networkx graph of the date (`Atlas.graph`). The actor sits in the middle;
the actors one link away on a first ring, grouped by the meaning of their link to it (hostile,
friendly, influence, contact, structure) so that colours gather; at depth 2 the actors two
links away on an outer ring, each near the neighbour that brings it. Places and the lives-in /
based-in links are left out unless asked for.

Why rings and not a force layout: networkx's layouts (spring, Kamada–Kawai, even circular) need
numpy, which Kingmaker does not depend on; for an ego network of a few dozen actors a radial
layout is also easier to read (distance from the middle *is* the number of links) and the same
every time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from explorer.core.graph import Atlas
from explorer.core.vocabulary import RELATION_TYPES

#: the order in which the meanings of links gather round the ring
STANCE_ORDER = ("hostile", "influence", "friendly", "neutral", "structure", "place")


@dataclass(frozen=True)
class MapNode:
    id: str
    name: str
    kind: str
    ring: int  # 0 the actor, 1 its neighbours, 2 theirs
    angle: float  # radians, 0 at the right, counter-clockwise
    parent: str | None = None
    stance: str | None = None  # of the link that brings it onto the map


@dataclass(frozen=True)
class MapEdge:
    source: str
    target: str
    type: str
    stance: str
    label: str


@dataclass(frozen=True)
class ActorMap:
    centre: str
    on: date | None
    depth: int
    places: bool
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]

    def node(self, node_id: str) -> MapNode | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    def edges_of(self, node_id: str) -> list[MapEdge]:
        return [e for e in self.edges if node_id in (e.source, e.target)]


def _stance(rtype: str) -> str:
    t = RELATION_TYPES.get(rtype)
    return t.stance if t else "neutral"


def actor_map(atlas: Atlas, centre: str, on: date | None, depth: int = 1,
              places: bool = False) -> ActorMap:
    """The neighbourhood of `centre` on `on`, `depth` (1 or 2) links deep (KeyError if the actor
    is not in the graph of that date)."""
    graph = atlas.graph(on)
    if centre not in graph:
        raise KeyError(centre)
    actors = atlas.pack.actors

    def shown(node: str) -> bool:
        return places or actors[node].kind != "place" or node == centre

    def links(node: str):
        for _u, other, data in graph.out_edges(node, data=True):
            yield other, data["type"]
        for other, _v, data in graph.in_edges(node, data=True):
            yield other, data["type"]

    def ok(rtype: str) -> bool:
        return places or _stance(rtype) != "place"

    first: dict[str, str] = {}  # neighbour -> the stance of its strongest link to the centre
    for other, rtype in links(centre):
        if other == centre or not ok(rtype) or not shown(other):
            continue
        stance = _stance(rtype)
        if other not in first or STANCE_ORDER.index(stance) < STANCE_ORDER.index(first[other]):
            first[other] = stance
    ring1 = sorted(first, key=lambda n: (STANCE_ORDER.index(first[n]), actors[n].name.casefold()))
    nodes = [MapNode(centre, actors[centre].name, actors[centre].kind, 0, 0.0)]
    angles = {}
    for i, node in enumerate(ring1):
        angles[node] = math.pi / 2 - 2 * math.pi * i / max(1, len(ring1))
        nodes.append(MapNode(node, actors[node].name, actors[node].kind, 1, angles[node],
                             centre, first[node]))
    if depth >= 2:
        parent_of: dict[str, tuple[str, str]] = {}
        for parent in ring1:
            for other, rtype in links(parent):
                if other in first or other == centre or not ok(rtype) or not shown(other):
                    continue
                parent_of.setdefault(other, (parent, _stance(rtype)))
        ring2 = sorted(parent_of, key=lambda n: (ring1.index(parent_of[n][0]),
                                                 actors[n].name.casefold()))
        for i, node in enumerate(ring2):
            # spread evenly, in the order of their parents, starting level with the first parent
            start = angles[ring1[0]] if ring1 else math.pi / 2
            angle = start - 2 * math.pi * (i + 0.5) / max(1, len(ring2))
            nodes.append(MapNode(node, actors[node].name, actors[node].kind, 2, angle,
                                 parent_of[node][0], parent_of[node][1]))
    on_map = {n.id for n in nodes}
    edges = []
    seen = set()
    for u, v, data in graph.edges(data=True):
        if u in on_map and v in on_map and u != v and ok(data["type"]):
            key = (u, v, data["type"])
            if key in seen:
                continue
            seen.add(key)
            t = RELATION_TYPES.get(data["type"])
            edges.append(MapEdge(u, v, data["type"], _stance(data["type"]),
                                 t.label if t else data["type"]))
    return ActorMap(centre, on, depth, places, tuple(nodes), tuple(edges))


def place(model: ActorMap, width: int, height: int) -> dict[str, tuple[int, int]]:
    """Each node's cell (col, row) in a box of `width` × `height` terminal cells (cells are
    about twice as tall as wide, so x is stretched to keep the rings round)."""
    cx, cy = (width - 1) / 2, (height - 1) / 2
    ry = max(1.0, (height - 1) / 2 - 0.5)
    # wider than round (names are wide), leaving room for the labels at the sides
    rx = max(1.0, min((width - 1) / 2 - 10, 3.2 * ry))
    rings = {1: 1.0} if model.depth < 2 else {1: 0.5, 2: 1.0}
    if model.depth >= 2 and not any(n.ring == 2 for n in model.nodes):
        rings[1] = 1.0
    out = {}
    for node in model.nodes:
        if node.ring == 0:
            out[node.id] = (round(cx), round(cy))
            continue
        r = rings.get(node.ring, 1.0)
        out[node.id] = (round(cx + rx * r * math.cos(node.angle)),
                        round(cy - ry * r * math.sin(node.angle)))
    return out


def nearest(model: ActorMap, cells: dict[str, tuple[int, int]], from_id: str,
            direction: tuple[int, int]) -> str | None:
    """The node to move to from `from_id` with an arrow key: the closest one lying within 60°
    of `direction` ((1, 0) right, (0, 1) down ...), distances measured with rows doubled."""
    if from_id not in cells:
        return None
    x0, y0 = cells[from_id]
    best, best_d = None, math.inf
    dx0, dy0 = direction
    for node in model.nodes:
        if node.id == from_id or node.id not in cells:
            continue
        x, y = cells[node.id]
        vx, vy = (x - x0) / 2, (y - y0)
        dist = math.hypot(vx, vy)
        if dist == 0:
            continue
        cos = (vx * dx0 + vy * dy0) / dist
        if cos < 0.5:
            continue
        score = dist * (2 - cos)
        if score < best_d:
            best, best_d = node.id, score
    return best

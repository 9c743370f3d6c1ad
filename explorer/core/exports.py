"""Exports for the classroom: the actor graph as GraphML, GEXF, DOT or JSON (the coalition report
is in explorer.core.report).

Plain Python over the core (never textual). networkx is imported lazily. Every writer returns text;
`write_text_atomic` puts it on disk (a temporary file in the same folder, then `os.replace`), so
an interrupted export never leaves half a file behind.
"""

from __future__ import annotations

import json
import os
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

    from explorer.core.graph import Atlas

GRAPH_FORMATS = ("graphml", "gexf", "dot", "json")
#: file suffixes that name a graph format (for `-o atlas.gexf` without --format)
SUFFIXES = {".graphml": "graphml", ".xml": "graphml", ".gexf": "gexf", ".dot": "dot",
            ".gv": "dot", ".json": "json"}


# -- writing files --------------------------------------------------------------------------

def write_text_atomic(path: str | os.PathLike, text: str) -> Path:
    """Write `text` (UTF-8) to `path` atomically (see explorer.core.storage.write_atomic)."""
    from explorer.core.storage import write_atomic

    target = Path(path)
    write_atomic(target, text.encode("utf-8"))
    return target


def format_for(path: str | None, fmt: str | None) -> str:
    """The export format: --format if given, else guessed from the file's suffix."""
    if fmt:
        if fmt not in GRAPH_FORMATS:
            raise ValueError(f"unknown format {fmt!r} (known: {', '.join(GRAPH_FORMATS)})")
        return fmt
    if path and path != "-":
        guessed = SUFFIXES.get(Path(path).suffix.lower())
        if guessed:
            return guessed
    raise ValueError("say which format with --format (" + ", ".join(GRAPH_FORMATS) + ")")


# -- the graph --------------------------------------------------------------------------------

def export_graph(atlas: Atlas, on: date | None) -> nx.MultiDiGraph:
    """The actor graph on a date, for export: nodes carry name, kind and seats (if any), a label;
    edges carry type, description, sources, since, until, status (a copy: the atlas's cache is
    untouched).
    """
    pack = atlas.pack
    graph = atlas.graph(on).copy()
    graph.graph["name"] = pack.title
    graph.graph["pack"] = pack.id
    graph.graph["date"] = on.isoformat() if on else None
    for node, data in graph.nodes(data=True):
        data["label"] = data.get("name", node)
        rng = pack.seat_range(node)
        if rng is not None:
            data["seats"] = pack.primary_seats(node) or 0
            if rng[0] != rng[1]:
                data["seats_range"] = f"{rng[0]}–{rng[1]}"
    return graph


def _flat(value):
    if isinstance(value, (list, tuple, set, frozenset)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, (Fraction,)):
        return float(value)
    return value


def flatten(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy the XML writers accept: lists become '; '-joined strings, None values are dropped."""

    def clean(data: dict) -> dict:
        return {k: _flat(v) for k, v in data.items() if v is not None}

    out = graph.__class__()
    out.graph.update(clean(graph.graph))
    for node, data in graph.nodes(data=True):
        out.add_node(node, **clean(data))
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **clean(data))
    return out


def to_graphml(graph: nx.MultiDiGraph) -> str:
    import networkx as nx

    return "\n".join(nx.generate_graphml(flatten(graph))) + "\n"


def to_gexf(graph: nx.MultiDiGraph) -> str:
    """GEXF for Gephi. GEXF reserves an edge's `type` (directed/undirected), so the relation type
    is written as the edge's `relation` attribute and as its label (what Gephi shows)."""
    import networkx as nx

    flat = flatten(graph)
    for _u, _v, data in flat.edges(data=True):
        relation = data.pop("type", None)
        if relation is not None:
            data["relation"] = relation
            data["label"] = relation
    return "\n".join(nx.generate_gexf(flat)) + "\n"


def to_json(graph: nx.MultiDiGraph) -> str:
    import networkx as nx

    data = nx.node_link_data(graph, edges="links")
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def dot_quote(value) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, newlines as \\n."""
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{text}"'


def _dot_attrs(attrs: dict) -> str:
    items = [f"{k}={dot_quote(v)}" for k, v in attrs.items() if v is not None]
    return f" [{', '.join(items)}]" if items else ""


#: fill colours of the node kinds in the DOT output
DOT_COLORS = {
    "person": "#fde0c5", "list": "#c6dbef", "bloc": "#9ecae1", "faction": "#deebf7",
    "party": "#deebf7", "militia": "#fcbba1", "state": "#c7e9c0", "institution": "#e5e5e5",
    "place": "#f7f7f7", "group": "#efedf5",
}


def to_dot(graph: nx.MultiDiGraph) -> str:
    """Graphviz DOT, written by hand (networkx's write_dot needs pydot or pygraphviz).

    Every id and label is a quoted, escaped string; an edge's label is its relation type.
    """
    name = graph.graph.get("pack") or "actors"
    lines = [f"digraph {dot_quote(name)} {{"]
    title = graph.graph.get("name")
    if graph.graph.get("date"):
        title = f"{title} ({graph.graph['date']})"
    lines.append(f"  graph{_dot_attrs({'label': title, 'labelloc': 't', 'rankdir': 'LR'})};")
    lines.append('  node [shape="box", style="rounded,filled", fontname="Helvetica"];')
    lines.append('  edge [fontname="Helvetica", fontsize="10"];')
    for node, data in graph.nodes(data=True):
        attrs = {"label": data.get("name", node), "kind": data.get("kind"),
                 "fillcolor": DOT_COLORS.get(data.get("kind", ""), "#ffffff")}
        if data.get("seats") is not None:
            attrs["label"] = f"{attrs['label']}\n{data.get('seats_range') or data['seats']} seats"
            attrs["seats"] = data["seats"]
        lines.append(f"  {dot_quote(node)}{_dot_attrs(attrs)};")
    for u, v, key, data in graph.edges(keys=True, data=True):
        attrs = {"label": data.get("type"), "key": key,
                 "tooltip": data.get("description"),
                 "sources": _flat(data.get("sources")) or None,
                 "since": data.get("since"), "until": data.get("until")}
        lines.append(f"  {dot_quote(u)} -> {dot_quote(v)}{_dot_attrs(attrs)};")
    lines.append("}")
    return "\n".join(lines) + "\n"


WRITERS = {"graphml": to_graphml, "gexf": to_gexf, "dot": to_dot, "json": to_json}


def graph_text(atlas: Atlas, on: date | None, fmt: str) -> str:
    """The actor graph on a date in one of GRAPH_FORMATS."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(GRAPH_FORMATS)})")
    return WRITERS[fmt](export_graph(atlas, on))

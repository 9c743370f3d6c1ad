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

GRAPH_FORMATS = ("graphml", "gexf", "dot", "json", "svg", "png")
#: formats drawn by Graphviz from the DOT text (explorer.core.graphviz)
RENDERED = ("svg", "png")
#: file suffixes that name a graph format (for `-o atlas.gexf` without --format)
SUFFIXES = {".graphml": "graphml", ".xml": "graphml", ".gexf": "gexf", ".dot": "dot",
            ".gv": "dot", ".json": "json", ".svg": "svg", ".png": "png"}


# -- writing files --------------------------------------------------------------------------

def write_text_atomic(path: str | os.PathLike, text: str, durable: bool = True) -> Path:
    """Write `text` (UTF-8) to `path` atomically (see explorer.core.storage.write_atomic)."""
    from explorer.core.storage import write_atomic

    target = Path(path)
    write_atomic(target, text.encode("utf-8"), durable=durable)
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


#: edge colours by the meaning of the relation (explorer.core.vocabulary's stances)
STANCE_COLORS = {
    "hostile": "#c0392b", "friendly": "#2e8b57", "influence": "#e08e0b",
    "neutral": "#2f6db5", "structure": "#7f7f7f", "place": "#b0b0b0",
}
STANCE_NAMES = {"hostile": "hostile", "friendly": "friendly", "influence": "influence",
                "neutral": "contact", "structure": "structure", "place": "place"}


def seats_label(data: dict) -> str | None:
    """'39–40 seats', '1 seat', or None for a node holding no seats."""
    if data.get("seats") is None:
        return None
    from explorer.core.text import plural

    if data.get("seats_range"):
        return f"{data['seats_range']} seats"
    return plural(int(data["seats"]), "seat")


def _legend(title: str | None, stances: list[str]) -> str:
    """The graph's label: the title and a key to the edge colours (an HTML-like DOT label)."""
    from xml.sax.saxutils import escape

    key = " &nbsp; ".join(f'<font color="{STANCE_COLORS[s]}">&#9473;&#9473; '
                          f'{STANCE_NAMES[s]}</font>' for s in stances)
    head = f"<b>{escape(title)}</b><br/>" if title else ""
    return f"<{head}{key}>"


def to_dot(graph: nx.MultiDiGraph) -> str:
    """Graphviz DOT, written by hand (networkx's write_dot needs pydot or pygraphviz).

    Every id and label is a quoted, escaped string. An edge is labelled with its relation's
    readable label ("refuses to serve under"), coloured by its meaning (hostile red, friendly
    green, influence amber, contact blue, structure grey, place links light and dotted; a hard
    refusal drawn bold), and keeps its relation type as `type`. Seat-holding actors show their
    seats. The layout is left to neato (a network has no top and bottom).
    """
    from explorer.core.vocabulary import RELATION_TYPES

    name = graph.graph.get("pack") or "actors"
    lines = [f"digraph {dot_quote(name)} {{"]
    title = graph.graph.get("name")
    if graph.graph.get("date"):
        title = f"{title} ({graph.graph['date']})"
    stances = sorted({RELATION_TYPES[d["type"]].stance for _u, _v, d in graph.edges(data=True)
                      if d.get("type") in RELATION_TYPES}, key=list(STANCE_COLORS).index)
    lines.append(f"  graph [label={_legend(title, stances)}, "
                 'labelloc="t", layout="neato", overlap="false", splines="true", sep="+12", '
                 'fontname="Helvetica"];')
    lines.append('  node [shape="box", style="rounded,filled", fontname="Helvetica"];')
    lines.append('  edge [fontname="Helvetica", fontsize="9"];')
    for node, data in graph.nodes(data=True):
        attrs = {"label": data.get("name", node), "kind": data.get("kind"),
                 "fillcolor": DOT_COLORS.get(data.get("kind", ""), "#ffffff")}
        seats = seats_label(data)
        if seats:
            attrs["label"] = f"{attrs['label']}\n{seats}"
            attrs["seats"] = data["seats"]
            attrs["penwidth"] = "2"
        if node == graph.graph.get("around"):  # the actor a neighbourhood is drawn around
            attrs["penwidth"], attrs["peripheries"] = "3", "2"
        lines.append(f"  {dot_quote(node)}{_dot_attrs(attrs)};")
    for u, v, key, data in graph.edges(keys=True, data=True):
        rtype = RELATION_TYPES.get(data.get("type", ""))
        stance = rtype.stance if rtype else "neutral"
        attrs = {"label": rtype.label if rtype else data.get("type"), "type": data.get("type"),
                 "key": key, "color": STANCE_COLORS[stance], "fontcolor": STANCE_COLORS[stance],
                 "style": "dotted" if stance == "place" else "bold" if rtype and (
                     rtype.hard or rtype.pm_only) else None,
                 "dir": "both" if rtype and rtype.symmetric else None,
                 "tooltip": data.get("description"),
                 "sources": _flat(data.get("sources")) or None,
                 "since": data.get("since"), "until": data.get("until")}
        lines.append(f"  {dot_quote(u)} -> {dot_quote(v)}{_dot_attrs(attrs)};")
    lines.append("}")
    return "\n".join(lines) + "\n"


WRITERS = {"graphml": to_graphml, "gexf": to_gexf, "dot": to_dot, "json": to_json}


def graph_text(atlas: Atlas, on: date | None, fmt: str, selection=None) -> str:
    """The actor graph on a date in one of the text formats, optionally only the part a
    `graph_select.Selection` keeps (ValueError for an unknown format or centre)."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(WRITERS)})")
    graph = export_graph(atlas, on)
    if selection is not None and not selection.everything:
        from explorer.core.graph_select import select

        graph = select(graph, selection)
    return WRITERS[fmt](graph)

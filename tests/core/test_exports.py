"""Exports: the graph in four formats read back, and the Markdown coalition report."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import networkx as nx
import pytest
from tests_support import copy_mini

from explorer.cli import main
from explorer.core.exports import (
    dot_quote,
    flatten,
    format_for,
    graph_text,
    write_text_atomic,
)
from explorer.core.markdown_text import inline

ON = date(2010, 4, 1)


def rival_edge(graph, a: str, b: str, key: str = "type") -> bool:
    """An edge of type rival_of between a and b, in either direction."""
    for u, v, data in graph.edges(data=True):
        if {u, v} == {a, b} and data.get(key) == "rival_of":
            return True
    return False


# -- helpers --------------------------------------------------------------------------------------

def test_write_text_atomic_replaces_and_leaves_no_temp_files(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    write_text_atomic(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_format_from_suffix_or_flag():
    assert format_for("atlas.gexf", None) == "gexf"
    assert format_for("x.GV", None) == "dot"
    assert format_for("x.txt", "json") == "json"
    with pytest.raises(ValueError):
        format_for("-", None)
    with pytest.raises(ValueError):
        format_for("x.gexf", "pdf")


def test_flatten_joins_lists_and_drops_none():
    g = nx.MultiDiGraph(date=None, name="x")
    g.add_node("a", name="A", seats=None)
    g.add_edge("a", "a", key="k", sources=["s1", "s2"], until=None)
    flat = flatten(g)
    assert flat.graph == {"name": "x"}
    assert flat.nodes["a"] == {"name": "A"}
    assert flat.edges["a", "a", "k"] == {"sources": "s1; s2"}


def test_dot_quote_escapes():
    assert dot_quote('say "hi"\\ now\nthen') == '"say \\"hi\\"\\\\ now\\nthen"'


def test_md_escape_makes_content_inert():
    assert inline("a|b *c* [d](e) <f>") == r"a\|b \*c\* \[d\](e) \<f\>"


# -- graph formats on the bundled pack ------------------------------------------------------------

@pytest.fixture(scope="module")
def graph(bundled_atlas):
    return bundled_atlas.graph(ON)


def test_graphml_reads_back(bundled_atlas, graph):
    text = graph_text(bundled_atlas, ON, "graphml")
    back = nx.read_graphml(io.BytesIO(text.encode("utf-8")))
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    assert rival_edge(back, "allawi", "maliki")
    assert back.nodes["iraqiya"]["seats"] == 91
    assert back.nodes["iraqiya"]["kind"] == "list"
    some = next(d for _u, _v, d in back.edges(data=True) if d.get("type") == "rival_of")
    assert some["description"] and some["sources"]


def test_gexf_reads_back(bundled_atlas, graph):
    text = graph_text(bundled_atlas, ON, "gexf")
    back = nx.read_gexf(io.BytesIO(text.encode("utf-8")))
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    # GEXF reserves an edge's "type" for its direction: the relation type is "relation" + label
    assert rival_edge(back, "allawi", "maliki", key="relation")
    assert rival_edge(back, "allawi", "maliki", key="label")
    assert back.nodes["maliki"]["label"] == bundled_atlas.actor("maliki").name


def test_json_node_link(bundled_atlas, graph):
    data = json.loads(graph_text(bundled_atlas, ON, "json"))
    assert {"nodes", "links"} <= set(data)
    assert len(data["nodes"]) == graph.number_of_nodes()
    assert any({link["source"], link["target"]} == {"allawi", "maliki"}
               and link["type"] == "rival_of" for link in data["links"])
    assert all(isinstance(link["sources"], list) for link in data["links"])


DOT_NODE = re.compile(r'^\s*"((?:[^"\\]|\\.)*)"\s*\[', re.M)
DOT_EDGE = re.compile(r'^\s*"((?:[^"\\]|\\.)*)"\s*->\s*"((?:[^"\\]|\\.)*)"\s*\[(.*)\];$', re.M)


def test_dot_minimal_parse(bundled_atlas, graph):
    text = graph_text(bundled_atlas, ON, "dot")
    assert text.lstrip().startswith("digraph ")
    assert text.rstrip().endswith("}")
    assert text.count("{") == text.count("}")
    nodes = set(DOT_NODE.findall(text))
    actors = {a for a, d in graph.nodes(data=True) if d["kind"] == "person"}
    assert actors and actors <= nodes
    assert nodes == set(graph.nodes)
    edges = DOT_EDGE.findall(text)
    assert len(edges) == graph.number_of_edges()
    assert any({u, v} == {"allawi", "maliki"} and 'label="is a rival of"' in attrs
               and 'type="rival_of"' in attrs and 'color="#c0392b"' in attrs
               for u, v, attrs in edges)
    assert not re.search(r"\\n1 seats", text)


def test_cli_export_graph_files(tmp_path):
    for fmt in ("graphml", "gexf", "dot", "json"):
        out = tmp_path / f"atlas.{fmt}"
        assert main(["export", "graph", "--date", "2010-04-01", "-o", str(out)]) == 0
        assert out.stat().st_size > 100
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "atlas.dot", "atlas.gexf", "atlas.graphml", "atlas.json"]


def test_cli_export_graph_to_stdout(capsys):
    assert main(["export", "graph", "--format", "dot", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("digraph ")


def test_cli_export_graph_needs_a_format(capsys, tmp_path):
    assert main(["export", "graph", "-o", str(tmp_path / "atlas.txt")]) == 2
    assert "--format" in capsys.readouterr().err


# -- the coalition report -------------------------------------------------------------------------

def test_coalition_report_numbers_and_sources(tmp_path, bundled_atlas):
    out = tmp_path / "report.md"
    code = main(["export", "coalition", "sol", "ina", "--date", "2010-04-01", "-o", str(out)])
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Coalition report: ")
    assert "2010-04-01" in text
    assert "159" in text
    majority = next(line for line in text.splitlines() if line.startswith("| Absolute majority"))
    assert "| 163 |" in majority and "4 short" in majority
    for section in ("## Members", "## Seats against the thresholds",
                    "## Tensions inside the coalition", "## How it could be completed",
                    "## Power on the table", "## Sources"):
        assert section in text
    assert "Banzhaf" in text and "Shapley–Shubik" in text
    # every tension's source citation is listed in the Sources section
    from explorer.core.coalition import Coalition, evaluate
    from explorer.core.seats import default_picture

    ev = evaluate(bundled_atlas, default_picture(bundled_atlas.pack, ON),
                  Coalition(("sol", "ina")))
    assert ev.tensions, "SoL + INA should carry a tension (Sadr and Maliki)"
    sources = text.split("## Sources", 1)[1]
    for tension in ev.tensions:
        for source in tension.sources:
            assert source in sources
    # the tables are well formed: every row of a table has the same number of cells
    for block in re.findall(r"(?:^\|.*\|\n)+", text, re.M):
        counts = {len(re.findall(r"(?<!\\)\|", row)) for row in block.splitlines()}
        assert len(counts) == 1, block


def test_coalition_report_marks_hard_refusals(capsys):
    code = main(["export", "coalition", "sol", "ina", "--pm", "maliki", "--date", "2010-04-01"])
    out = capsys.readouterr().out
    assert code == 0
    if "Feasible:** no" in out:
        assert "**Hard refusal**" in out


def test_coalition_report_on_mini_with_disputed_claims_and_pipes(tmp_path):
    pack = copy_mini(tmp_path, "pack")
    actors = pack / "actors" / "all.toml"
    actors.write_text(actors.read_text().replace('name = "Green List"', 'name = "Green | List"'))
    out = tmp_path / "r.md"
    assert main(["export", "coalition", "reds", "light_greens", "--pm", "ann",
                 "--content", str(pack), "-o", str(out)]) == 0
    text = out.read_text()
    assert "Light Greens: 2 [" in text and "1–2 [" in text  # both claims, each cited
    assert "https://example.org/a" in text and "https://example.org/b" in text
    assert "Green \\| List" in text  # a pipe in a name does not break the power table


def test_unknown_member_is_a_clear_error(capsys):
    assert main(["export", "coalition", "nobody-at-all"]) == 2
    assert "nobody-at-all" in capsys.readouterr().err

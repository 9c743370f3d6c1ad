"""`explorer power --over-time` and `explorer export graph` with its filters, on the bundled
pack."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import date

import networkx as nx
import pytest

from explorer.cli import main


def run_json(capsys, *argv):
    code = main([*argv, "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def row(data, day):
    return next(p for p in data["points"] if p["date"] == day)


def unit(point, unit_id):
    return next((u for u in point["units"] if u["id"] == unit_id), None)


def test_power_over_time_has_one_row_per_event_date(capsys, bundled_atlas):
    data = run_json(capsys, "power", "--over-time")
    days = sorted({e.date.start.isoformat() for e in bundled_atlas.pack.events})
    assert [p["date"] for p in data["points"]] == days
    since = bundled_atlas.pack.seats_from.isoformat()
    before = [p for p in data["points"] if p["date"] < since]
    assert before and all(not p["results"] and p["units"] == [] for p in before)
    first = next(p for p in data["points"] if p["results"])
    assert first["date"] >= since
    assert first["events"] and {"id", "title"} <= set(first["events"][0])
    assert {"id", "name", "seats", "banzhaf", "shapley_shubik", "banzhaf_exact"} <= set(
        first["units"][0])


def test_the_national_alliance_appears_by_june(capsys):
    data = run_json(capsys, "power", "--over-time")
    assert unit(row(data, "2010-04-01"), "national_alliance") is None
    na = unit(row(data, "2010-06-14"), "national_alliance")
    assert na is not None and na["seats"] == 159
    assert unit(row(data, "2010-06-14"), "sol") is None


def test_the_sadrists_change_in_october(capsys):
    data = run_json(capsys, "power", "--over-time", "--feasible", "--pm", "maliki",
                    "--split", "national_alliance", "--split", "ina")
    assert data["feasible_only"] is True and data["pm"] == "maliki"
    september = unit(row(data, "2010-09-16"), "sadrists")
    october = unit(row(data, "2010-10-01"), "sadrists")
    assert october["banzhaf"] > september["banzhaf"]
    assert {e["id"] for e in row(data, "2010-10-01")["events"]} >= {"sadrists-endorse-maliki"}


def test_power_over_time_as_text(capsys):
    assert main(["power", "--over-time", "--feasible", "--pm", "maliki"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "2010-10-01" in out and "feasible coalitions only" in out and "Nouri" in out


def test_power_over_time_refuses_bad_input(capsys):
    assert main(["power", "--over-time", "--threshold", "nope"]) == 2
    assert "unknown threshold" in capsys.readouterr().err
    assert main(["power", "--over-time", "--weights", "1,2,3"]) == 2
    assert "--over-time" in capsys.readouterr().err
    assert main(["power", "--over-time", "--pm", "nobody-at-all"]) == 2


# -- export graph with filters --------------------------------------------------------------------

DOT_NODE = re.compile(r'^\s*"((?:[^"\\]|\\.)*)"\s*\[', re.M)


def sadr_neighbours(atlas, on):
    return {k.other for k in atlas.links("sadr", on)
            if k.type.stance != "place" and atlas.pack.actors[k.other].kind != "place"}


def test_export_around_sadr_reads_back_in_networkx(tmp_path, bundled_atlas):
    out = tmp_path / "sadr.graphml"
    assert main(["export", "graph", "--around", "Mooky", "--depth", "1", "--no-places",
                 "--date", "2010-04-01", "-o", str(out)]) == 0
    back = nx.read_graphml(out)
    assert set(back) == {"sadr"} | sadr_neighbours(bundled_atlas, date(2010, 4, 1))
    assert back.number_of_edges() > 0


def test_dot_around_sadr_has_only_his_neighbours(tmp_path, bundled_atlas):
    out = tmp_path / "sadr.dot"
    assert main(["export", "graph", "--around", "sadr", "--depth", "1", "--no-places",
                 "--date", "2010-04-01", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    nodes = {n for n in DOT_NODE.findall(text) if n not in ("graph", "node", "edge")}
    assert nodes == {"sadr"} | sadr_neighbours(bundled_atlas, date(2010, 4, 1))
    assert "qom" not in nodes and "lives in" not in text
    assert 'label="refuses to serve under"' in text and 'peripheries="2"' in text


def test_export_types_and_kinds(capsys):
    assert main(["export", "graph", "--format", "json", "--types", "refuses,refuses_pm",
                 "--kinds", "list,faction,person", "--date", "2010-04-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["links"] and {x["type"] for x in data["links"]} <= {"refuses", "refuses_pm"}
    assert {n["kind"] for n in data["nodes"]} <= {"list", "faction", "person"}


def test_export_filters_refuse_bad_values(capsys):
    assert main(["export", "graph", "--format", "dot", "--kinds", "persn"]) == 2
    assert "unknown kind" in capsys.readouterr().err
    assert main(["export", "graph", "--format", "dot", "--types", "hates"]) == 2
    assert "unknown relation type" in capsys.readouterr().err
    assert main(["export", "graph", "--format", "dot", "--around", "sadr",
                 "--depth", "-1"]) == 2
    assert main(["export", "graph", "--format", "dot", "--around", "nobody-at-all"]) == 2


def test_svg_without_graphviz_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no `dot` on this PATH
    out = tmp_path / "g.svg"
    assert main(["export", "graph", "--around", "sadr", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Graphviz" in err and "install" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_svg_and_png_through_graphviz(tmp_path):
    svg, png = tmp_path / "g.svg", tmp_path / "g.png"
    assert main(["export", "graph", "--around", "sadr", "--no-places", "-o", str(svg)]) == 0
    root = ET.fromstring(svg.read_text(encoding="utf-8"))
    assert root.tag.endswith("svg") and "Muqtada" in svg.read_text(encoding="utf-8")
    assert main(["export", "graph", "--around", "sadr", "--format", "png", "-o", str(png)]) == 0
    assert png.read_bytes().startswith(b"\x89PNG")


# -- SVG hand-outs of the hemicycle and the power chart -------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"


def test_export_hemicycle_svg(tmp_path):
    out = tmp_path / "chamber.svg"
    assert main(["export", "hemicycle", "sol", "sadrists", "kdp", "puk", "--split", "ina",
                 "--split", "kurdistan_alliance", "--date", "2010-04-01", "-o", str(out)]) == 0
    root = ET.fromstring(out.read_text(encoding="utf-8"))
    circles = root.findall(f"{SVG}circle")
    assert len(circles) == 325
    hollow = [c for c in circles if c.get("fill") == "none"]
    assert len(hollow) == 175 - 162  # the coalition's disputed seats
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "162–175 of 325" in texts and "Absolute majority 163" in texts
    assert "Sadrist movement (39)" in texts


def test_export_power_chart_svg(tmp_path, bundled_atlas):
    out = tmp_path / "power.svg"
    assert main(["export", "power", "--feasible", "--pm", "maliki", "--highlight",
                 "national_alliance", "--date", "2010-10-01", "-o", str(out)]) == 0
    root = ET.fromstring(out.read_text(encoding="utf-8"))
    lines = root.findall(f"{SVG}polyline")
    assert len(lines) >= 10
    assert sum(line.get("stroke-width") == "3.5" for line in lines) >= 1
    ticks = [t for t in root.iter(f"{SVG}title")]
    assert len(ticks) == len({e.date.start for e in bundled_atlas.pack.events})
    assert "feasible coalitions only" in (root.find(f"{SVG}text").text or "")


def test_export_pictures_refuse_bad_input(capsys):
    assert main(["export", "hemicycle", "nobody-at-all"]) == 2
    assert main(["export", "power", "--threshold", "nope"]) == 2
    assert "unknown threshold" in capsys.readouterr().err

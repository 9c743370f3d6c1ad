"""`explorer power --over-time` and `explorer export graph` with its filters, on the bundled
pack."""

from __future__ import annotations

import json

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
    first = data["points"][0]
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

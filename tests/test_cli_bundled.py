"""The CLI on the bundled pack: check, coalition, power and diff across dates."""

from __future__ import annotations

import json
import subprocess
import sys

from explorer.cli import main


def run_json(capsys, *argv):
    code = main([*argv, "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def test_check_passes_on_the_bundled_pack(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "OK" in out and "325 of 325" in out


def test_module_entry_point_runs():
    out = subprocess.run([sys.executable, "-m", "explorer", "check", "--json"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["seats"] == 325


def test_coalition_answers_differently_across_dates(capsys):
    args = ("coalition", "sol", "sadrists", "kurdistan_alliance", "--pm", "Maliki")
    march = run_json(capsys, *args, "--date", "2010-03-27")
    october = run_json(capsys, *args, "--date", "2010-10-02")
    assert march["seats"] == october["seats"] == 171
    assert march["feasible"] is False and october["feasible"] is True


def test_power_answers_differently_across_dates(capsys):
    march = run_json(capsys, "power", "--date", "2010-03-27")
    june = run_json(capsys, "power", "--date", "2010-06-15")
    assert march["quota"] == 163
    assert sum(p["seats"] for p in march["players"]) == 325
    assert abs(sum(p["banzhaf"] for p in march["players"]) - 1) < 1e-9
    assert [p["id"] for p in march["players"]] != [p["id"] for p in june["players"]]
    na = next(p for p in june["players"] if p["id"] == "national_alliance")
    assert na["seats"] == 159


def test_power_general_calculator(capsys):
    data = run_json(capsys, "power", "--weights", "3,2,1", "--quota", "4")
    assert [p["banzhaf_exact"] for p in data["players"]] == ["3/5", "1/5", "1/5"]
    assert [p["shapley_shubik_exact"] for p in data["players"]] == ["2/3", "1/6", "1/6"]


def test_diff_lists_the_october_turn_with_its_source(capsys):
    data = run_json(capsys, "diff", "2010-09-15", "2010-10-15")
    started = [r for r in data["relations_started"]
               if r["source"] == "sadrists" and r["target"] == "maliki"]
    ended = [r for r in data["relations_ended"]
             if r["source"] == "sadrists" and r["target"] == "maliki"]
    assert started and started[0]["type"] == "backs" and started[0]["sources"]
    assert ended and ended[0]["type"] == "refuses_pm"


def test_show_quotes_the_seed_line_when_sources_are_given(capsys, seeds_dir):
    assert main(["show", "sadr", "--sources", str(seeds_dir)]) == 0
    out = capsys.readouterr().out
    assert "“" in out  # a quoted seed line


def test_minimal_winning_coalitions(capsys):
    data = run_json(capsys, "minimal", "--date", "2010-04-01")
    coalitions = [set(c["members"]) for c in data["coalitions"]]
    assert {"iraqiya", "sol"} in coalitions
    assert {"iraqiya", "ina", "kig"} in coalitions
    for c in data["coalitions"]:
        assert c["seats"] >= 163  # winning ...
    feasible = run_json(capsys, "minimal", "--date", "2010-04-01", "--feasible", "--pm", "maliki")
    members = [set(c["members"]) for c in feasible["coalitions"]]
    assert not any({"sol", "ina"} <= m for m in members)  # the Sadrists refuse Maliki
    assert len(members) < len(coalitions)


def test_the_app_and_play_refuse_a_broken_pack(capsys):
    from conftest import PACKS

    bad = str(PACKS / "bad" / "relation_unknown_type")
    assert main(["--content", bad]) == 2
    app_err = capsys.readouterr().err
    assert main(["play", "--content", bad]) == 2
    play_err = capsys.readouterr().err
    assert main(["check", "--content", bad]) == 2
    check_err = capsys.readouterr().err
    assert app_err == play_err == check_err
    assert "relations/all.toml:" in check_err and "Traceback" not in check_err

"""The JSON contract of the query commands, on the tiny pack."""

from __future__ import annotations

import json

import pytest
from tests_support import MINI_ARGS

from explorer.cli import main


def run_json(capsys, *argv):
    code = main([*argv, *MINI_ARGS, "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def test_actors_json(capsys):
    data = run_json(capsys, "actors")
    by_id = {a["id"]: a for a in data}
    assert set(by_id["reds"]) >= {"id", "name", "kind", "aliases", "seats", "seats_range",
                                  "sources"}
    assert by_id["reds"]["seats"] == 4 and by_id["reds"]["seats_range"] == [4, 4]
    assert by_id["light_greens"]["seats_range"] == [1, 2]
    assert by_id["ann"]["seats"] is None and by_id["ann"]["seats_range"] is None
    assert "blue_green" not in by_id  # not formed on the default date


def test_relations_json_filtered_by_actor(capsys):
    data = run_json(capsys, "relations", "--actor", "Ann Red")
    assert {r["type"] for r in data} == {"leads", "refuses_pm", "lives_in"}
    assert all(set(r) >= {"source", "target", "type", "sources"} for r in data)


def test_coalition_json(capsys):
    data = run_json(capsys, "coalition", "reds", "greens", "--pm", "ann")
    assert data["members"] == ["reds", "greens"]
    assert data["seats"] == 7 and data["seats_range"] == [7, 7] and data["total"] == 10
    assert data["thresholds"][0] == {"name": "Majority", "id": "majority", "seats": 6,
                                     "reached": True, "status": "reached", "short_by": 0,
                                     "over_by": 1, "government": True, "groups": []}
    assert data["feasible"] is False
    assert data["tensions"][0]["type"] == "refuses_pm"


def test_coalition_differs_by_date(capsys):
    before = run_json(capsys, "coalition", "reds", "greens", "--pm", "ann")
    after = run_json(capsys, "coalition", "reds", "greens", "--pm", "ann", "--date", "2020-07-01")
    assert before["feasible"] is False and after["feasible"] is True


def test_diff_json(capsys):
    data = run_json(capsys, "diff", "2020-01-10", "2020-07-01")
    assert [r["type"] for r in data["relations_ended"]] == ["refuses_pm"]
    assert [a["id"] for a in data["blocs_formed"]] == ["blue_green"]


def test_path_json(capsys):
    data = run_json(capsys, "path", "ann", "bob")
    assert [p["type"] for p in data["path"]] == ["leads", "rival_of", "leads"]


@pytest.mark.parametrize("argv", [["show", "nobody"], ["show", "green"],
                                  ["coalition", "reds", "--date", "2020-02-30"],
                                  ["path", "ann", "zzz"]])
def test_bad_names_and_dates_exit_2(capsys, argv):
    assert main([*argv, *MINI_ARGS]) == 2
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err


def test_ambiguous_name_lists_candidates(capsys):
    assert main(["show", "green", *MINI_ARGS]) == 2
    err = capsys.readouterr().err
    assert "Which do you mean" in err and "blue_green" in err and "greens" in err


def test_show_renders_claims_and_relations(capsys):
    assert main(["show", "light", *MINI_ARGS]) == 0
    out = capsys.readouterr().out
    assert "1–2" in out and "https://example.org/b" in out and "disagree" in out


def test_check_summary(capsys):
    assert main(["check", *MINI_ARGS]) == 0
    assert "OK" in capsys.readouterr().out

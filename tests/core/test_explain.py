"""Why a unit has its power: the core explanation and `explorer power --explain ... --json`."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction

import pytest

from explorer.cli import main
from explorer.core.explain import explain
from explorer.core.feasibility import check
from explorer.core.game import power
from explorer.core.seats import default_picture, split

OCT_2, JUNE_20 = date(2010, 10, 2), date(2010, 6, 20)


def test_the_figures_are_the_power_tables(bundled_atlas):
    picture = default_picture(bundled_atlas.pack, OCT_2)
    plain = power(bundled_atlas, picture)
    for i, unit in enumerate(picture.units):
        ex = explain(bundled_atlas, picture, unit.id)
        assert ex.plain.banzhaf == plain.banzhaf[i] and ex.plain.swings == plain.swings[i]
        assert ex.shown is ex.plain and ex.feasible is None
        # every example is a winning coalition that loses without the unit, smallest first
        sizes = [len(c) for c in ex.examples]
        assert sizes == sorted(sizes)
        for c in ex.examples:
            seats = sum(picture.unit(u).primary for u in c)
            assert unit.id in c and seats >= 163 > seats - unit.primary


def test_a_kurdish_swing_count_and_its_share_of_seats(bundled_atlas):
    picture = default_picture(bundled_atlas.pack, OCT_2)
    ex = explain(bundled_atlas, picture, "kurdish_coalition")
    assert ex.plain.banzhaf == Fraction(1, 20) and ex.plain.swings == 2
    assert ex.seat_share == Fraction(57, 325)
    assert ex.examples[0] == ["national_alliance", "kurdish_coalition"]
    assert "17.5%" in ex.summary and "5.0%" in ex.summary


def test_a_zero_feasible_figure_says_why_with_sources(bundled_atlas):
    picture = default_picture(bundled_atlas.pack, OCT_2)
    ex = explain(bundled_atlas, picture, "national_alliance", pm="maliki", feasible=True)
    assert ex.shown.banzhaf == 0 and ex.plain.banzhaf > 0
    blocked = [r for r in ex.reasons if r.kind == "blocked"]
    assert blocked and "Islamic Supreme Council" in blocked[0].text
    assert blocked[0].sources and all(s.startswith("http") or ".txt:" in s
                                      for s in blocked[0].sources)
    # the reason is the one the feasibility check gives for the bloc on its own
    alone = check(bundled_atlas, picture, ["national_alliance"], "maliki")
    assert set(blocked[0].sources) <= {s for r in alone.reasons for s in r.sources}


def test_after_a_split_the_sadrists_have_feasible_power_under_maliki(bundled_atlas):
    picture = split(bundled_atlas.pack, default_picture(bundled_atlas.pack, OCT_2),
                    "national_alliance")
    picture = split(bundled_atlas.pack, picture, "ina")
    ex = explain(bundled_atlas, picture, "sadrists", pm="maliki", feasible=True)
    assert ex.shown.banzhaf > 0 and ex.examples
    assert all("sol" in c for c in ex.examples)  # Maliki's own list is in every one
    home = explain(bundled_atlas, picture, "sol", pm="maliki", feasible=True)
    assert any(r.kind == "pm_home" and "veto" in r.text for r in home.reasons)


def test_unknown_unit_or_threshold(bundled_atlas):
    picture = default_picture(bundled_atlas.pack, OCT_2)
    with pytest.raises(KeyError):
        explain(bundled_atlas, picture, "sol")  # inside the National Alliance on this date
    with pytest.raises(KeyError):
        explain(bundled_atlas, picture, "iraqiya", threshold="nope")


def _json(capsys, *argv):
    code = main([*argv, "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def test_cli_explain_json_contract(capsys):
    data = _json(capsys, "power", "--explain", "kurds", "--feasible", "--pm", "allawi",
                 "--date", JUNE_20.isoformat())
    for key in ("unit", "banzhaf", "shapley_shubik", "swings", "examples", "reasons"):
        assert key in data
    assert data["unit"] == "kurdish_coalition" and data["feasible_only"] is True
    assert data["banzhaf"] == 0.2 and data["plain"]["banzhaf"] == 0.05
    assert data["examples"] == [["iraqiya", "kurdish_coalition", "tawafuq", "unity_alliance",
                                 "minorities"]]
    listed = _json(capsys, "power", "--feasible", "--pm", "allawi", "--date", "2010-06-20")
    row = next(p for p in listed["players"] if p["id"] == "kurdish_coalition")
    assert row["banzhaf"] == data["banzhaf"] and row["swings"] == data["swings"]


def test_cli_explain_reasons_have_text_and_sources(capsys):
    data = _json(capsys, "power", "--explain", "national_alliance", "--feasible", "--pm",
                 "maliki", "--date", OCT_2.isoformat())
    assert data["banzhaf"] == 0
    assert data["reasons"] and all(set(r) >= {"text", "sources"} for r in data["reasons"])
    assert any(r["sources"] for r in data["reasons"])


@pytest.mark.parametrize("argv, message", [
    (["--explain", "state of law"], "sits inside National Alliance"),
    (["--explain", "nobody-at-all"], ""),
    (["--explain", "kurds", "--threshold", "half"], "unknown threshold"),
])
def test_cli_explain_bad_input(capsys, argv, message):
    code = main(["power", *argv, "--date", OCT_2.isoformat()])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err

"""Lesson claims: the grammar, the engine's verdicts, `explorer check` reporting a claim that does
not hold at its path:line, and `explorer lesson NAME --json` listing each claim's verdict."""

from __future__ import annotations

import json
import re
import shutil
from fractions import Fraction

import pytest

from explorer.cli import main
from explorer.core.claims import parse
from tests.conftest import MINI

LESSON = """\
[lesson]
id = "largest"
title = "Does the largest list win?"
summary = "Four seats are not six."

[[step]]
title = "The count"
narration = "The Reds won the most seats."
date = "2020-01-10"
coalition = ["reds"]
pm = "ann"
claims = [
    "seats < majority",
    "feasible",
    "rank reds == 1",
{extra}]

[[step]]
title = "A partner"
narration = "The Reds look for a partner."
coalition = ["reds", "greens"]
pm = "ann"
claims = ["not feasible", "seats >= majority", "power reds == greens", "banzhaf* greens == 0%"]
"""


def _pack(tmp_path, extra: str = ""):
    root = tmp_path / "pack"
    shutil.copytree(MINI, root)
    (root / "lessons").mkdir()
    (root / "lessons" / "largest.toml").write_text(LESSON.replace("{extra}", extra))
    return root


def test_the_grammar():
    assert parse("seats >= majority").kind == "seats"
    assert parse("Not  Feasible").negated
    share = parse("banzhaf* kurdish_coalition < 10%")
    assert (share.kind, share.feasible_only, share.value, share.op) == (
        "share", True, Fraction(1, 10), "<")
    assert parse("power a > b").other == "b"
    for bad in ("seats are many", "banzhaf x < ten", "power > b", ""):
        with pytest.raises(ValueError, match="claim grammar"):
            parse(bad)


def test_claims_that_hold_pass_the_check_and_show_in_json(tmp_path, capsys):
    root = _pack(tmp_path)
    assert main(["check", "--content", str(root)]) == 0
    capsys.readouterr()
    assert main(["lesson", "largest", "--json", "--content", str(root)]) == 0
    steps = json.loads(capsys.readouterr().out)["steps"]
    claims = [c for s in steps for c in s["claims"]]
    assert [c["claim"] for c in claims][:3] == ["seats < majority", "feasible", "rank reds == 1"]
    assert all(c["holds"] for c in claims), claims
    assert all(c["actual"] and isinstance(c["line"], int) for c in claims)


@pytest.mark.parametrize("extra, message", [
    ('    "seats >= majority",\n', "claim does not hold: 'seats >= majority': the coalition has 4"),
    ('    "banzhaf blues > 90%",\n', "claim does not hold: 'banzhaf blues > 90%'"),
    ('    "power blues > reds",\n', "claim does not hold"),
    ('    "banzhaf nobody < 5%",\n', "claim names an unknown unit 'nobody'"),
    ('    "seats >= half",\n', "claim names an unknown threshold 'half'"),
    ('    "the reds are strong",\n', "not in the claim grammar"),
])
def test_a_bad_claim_is_reported_at_its_line(tmp_path, capsys, extra, message):
    root = _pack(tmp_path, extra)
    code = main(["check", "--content", str(root)])
    out = capsys.readouterr()
    report = out.out + out.err
    assert code == 2 and "Traceback" not in report
    lines = (root / "lessons" / "largest.toml").read_text().splitlines()
    line = 1 + next(i for i, text in enumerate(lines) if text == extra.rstrip("\n"))
    assert re.search(rf"largest\.toml:{line}: .*{re.escape(message)}", report), report


def test_the_bundled_lessons_declare_claims_that_hold(capsys):
    for name in ("who-won", "how-maliki-kept-power"):
        assert main(["lesson", name, "--json"]) == 0
        steps = json.loads(capsys.readouterr().out)["steps"]
        assert all(s["claims"] for s in steps), name  # every step says something checkable
        assert all(c["holds"] for s in steps for c in s["claims"])
    assert main(["check"]) == 0


def test_the_kurdish_answer_agrees_with_its_table(capsys):
    assert main(["lesson", "how-maliki-kept-power", "--json"]) == 0
    steps = json.loads(capsys.readouterr().out)["steps"]
    kurds = next(s for s in steps if s["title"] == "The Kurds' price")
    share = next(p for p in kurds["power"] if p["id"] == "kurdish_coalition")["banzhaf"]
    assert "about 5%" in kurds["answer"] and abs(share - 0.05) < 0.005
    assert "decided the majority" not in kurds["answer"]

"""`explorer deal` and the deal in `explorer export coalition`: verdicts, shares, the real
allocation, and clear answers for bad input (exit 2, naming what exists)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.cli import main

DEALS = str(Path(__file__).resolve().parent / "packs" / "deals")
NOVEMBER = ["--date", "2010-11-13"]


@pytest.fixture(autouse=True)
def _wide(monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # no wrapping inside the sentences tested


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_november_deal_forms_with_every_verdict_explained(capsys):
    code, out, err = run(capsys, "deal", "sol", "sadrists", "iraqiya", "--pm", "maliki",
                         *NOVEMBER, "--give", "first deputy speaker=sadr",
                         "--give", "speaker=iraqiya", "--give", "strategic council=allawi",
                         "--promise", "detainees=sadrists", "--promise", "withdrawal=sadrists",
                         "--promise", "curbs=iraqiya", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["formed"] is True and data["seats"] == 219 and data["need"] == 163
    sadr = next(m for m in data["members"] if m["member"] == "sadrists")
    assert sadr["posts"] == ["deputy_speaker_1"] and sadr["accepts"]
    assert sadr["gamson_share"] == round(39 / 219, 4) and 0 < sadr["banzhaf_share"] < 1
    assert any("karama.huquq.com" in s for r in sadr["reasons"] for s in r["sources"])


def test_a_refusal_in_text_names_the_red_line_and_its_source(capsys):
    code, out, _ = run(capsys, "deal", "sol", "sadrists", "iraqiya", "--pm", "maliki",
                       *NOVEMBER, "--promise", "lifting the bans=iraqiya")
    assert code == 0
    assert "Sadrist movement: refuses" in out
    assert "will not accept lifting the de-Baathification bans" in out
    assert "001_0c37b88432f805b0.txt:21" in out and "does not form" in out


def test_the_real_allocation(capsys):
    code, out, err = run(capsys, "deal", "--actual", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["pm"] == "maliki" and data["date"] == "2010-12-21"
    speaker = next(a for a in data["allocations"] if a["post"] == "speaker")
    assert speaker["person"] == "Osama al-Nujaifi" and speaker["holder"] == "iraqiya"
    assert all(a["sources"] for a in data["allocations"] + data["promises"])
    judged = {m["member"]: m for m in data["evaluation"]["members"]}
    assert judged["iraqiya"]["posts"][0] == "speaker"
    code, text, _ = run(capsys, "deal", "--actual")
    assert code == 0 and "Osama al-Nujaifi" in text and "How the model judges it" in text


def test_bad_input_gets_a_clear_answer_naming_what_exists(capsys):
    base = ["deal", "reds", "blues", "--pm", "ann", "--content", DEALS]
    code, _, err = run(capsys, *base, "--give", "ministry of fun=blues")
    assert code == 2 and "no post called" in err and "Ministry of Culture" in err
    code, _, err = run(capsys, *base, "--give", "speaker=blues", "--give", "speaker=reds")
    assert code == 2 and "twice" in err and "Blue" in err
    code, _, err = run(capsys, *base, "--promise", "a tunnel=blues")
    assert code == 2 and "no policy called" in err and "The new bridge" in err
    code, _, err = run(capsys, *base, "--give", "speaker=greens")
    assert code == 2 and "not in the coalition" in err
    code, _, err = run(capsys, *base, "--give", "speaker")
    assert code == 2 and "--give wants POST=ACTOR" in err
    code, _, err = run(capsys, "deal", "reds", "--content", DEALS)
    assert code == 2 and "--pm" in err
    code, _, err = run(capsys, *base, "--give", "harbour council=blues")
    assert code == 2 and "does not exist" in err  # the default date is before it was created
    assert "Traceback" not in err


def test_a_deal_on_the_small_pack_and_its_dates(capsys):
    base = ["deal", "reds", "blues", "--pm", "ann", "--content", DEALS, "--json",
            "--give", "president=bob"]
    spring = json.loads(run(capsys, *base)[1])
    assert spring["formed"] is False  # the blues still want their tax cut before June
    summer = json.loads(run(capsys, *base, "--date", "2020-07-01")[1])
    assert summer["formed"] is True


def test_the_report_includes_the_deal_and_the_real_one(capsys, tmp_path):
    target = tmp_path / "report.md"
    code, _, err = run(capsys, "export", "coalition", "sol", "sadrists", "--pm", "maliki",
                       *NOVEMBER, "--give", "speaker=sadrists", "--promise",
                       "detainees=sadrists", "-o", str(target))
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    deal = text.split("## The deal")[1].split("## What happened")[0]
    assert "| Sadrist movement |" in deal and "speaker of parliament" in deal
    assert "the release of detainees" in deal and "seats short" in deal
    assert "## What happened: The Erbil agreement" in text
    assert "Osama al-Nujaifi" in text
    refs = text.split("## Sources")[1]
    assert "karama.huquq.com" in refs

"""Any parliament: the CLI contract and a TUI smoke test on both bundled packs and on a tiny pack
whose thresholds have other ids (the government line is `confidence`, a composite line has two
groups). Nothing here names a pack's actors: everything is read from the pack itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.core.loader import load_pack

TINY = Path(__file__).resolve().parent / "packs" / "tiny"
PACKS = ["iraq-2010", "belgium-2010", str(TINY)]


def run_json(capsys, *argv):
    code = main([*argv, "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


@pytest.fixture(scope="module", params=PACKS, ids=["iraq", "belgium", "tiny"])
def pack(request):
    return request.param, load_pack(request.param)


def _top(p, n):
    """The n largest seat holders of the opening date."""
    holders = sorted((a for a in p.top_level_seat_holders() if a.exists_on(p.default_date)),
                     key=lambda a: -(a.primary_seats or 0))
    return [a.id for a in holders[:n]]


def test_check_passes(capsys, pack):
    content, p = pack
    assert main(["check", "--content", content]) == 0
    out, err = capsys.readouterr()
    assert f"{p.parliament_size} of {p.parliament_size}" in out
    assert err == "" and not p.warnings  # a bundled pack has no file the loader ignores
    assert "1 challenges" not in out and "1 lessons" not in out


def test_exactly_one_government_threshold(pack):
    _, p = pack
    assert sum(t.government for t in p.thresholds) == 1
    assert p.government_threshold.government


def test_power_and_minimal_default_to_the_government_threshold(capsys, pack):
    content, p = pack
    gov = p.government_threshold
    power = run_json(capsys, "power", "--content", content)
    assert power["threshold"] == gov.id and power["quota"] == gov.seats
    assert abs(sum(x["banzhaf"] for x in power["players"]) - 1) < 1e-9
    minimal = run_json(capsys, "minimal", "--content", content)
    assert minimal["threshold"] == gov.id and minimal["coalitions"]
    assert all(c["seats"] >= gov.seats for c in minimal["coalitions"])


def test_every_threshold_works_in_power_and_minimal(capsys, pack):
    content, p = pack
    for th in p.thresholds:
        data = run_json(capsys, "power", "--content", content, "--threshold", th.id)
        assert data["threshold"] == th.id
        found = run_json(capsys, "minimal", "--content", content, "--threshold", th.id)
        assert all(c["seats"] >= th.seats for c in found["coalitions"])


def test_coalition_json_names_the_government_line(capsys, pack):
    content, p = pack
    members = _top(p, 2)
    data = run_json(capsys, "coalition", *members, "--content", content)
    assert data["members"] and data["total"] == p.parliament_size
    marked = [t for t in data["thresholds"] if t["government"]]
    assert [t["id"] for t in marked] == [p.government_threshold.id]
    for t in data["thresholds"]:
        th = p.threshold(t["id"])
        assert [g["name"] for g in t["groups"]] == [g.name for g in th.groups]


def test_query_commands_answer(capsys, pack):
    content, p = pack
    first = _top(p, 1)[0]
    for argv in (["actors"], ["relations"], ["events"], ["types"], ["show", first]):
        data = run_json(capsys, *argv, "--content", content)
        assert data
    start, end = p.start_date or p.default_date, p.end_date or p.default_date
    diff = run_json(capsys, "diff", start.isoformat(), end.isoformat(), "--content", content)
    assert isinstance(diff, dict)


def test_lessons_run(capsys, pack):
    content, p = pack
    for lesson in p.lessons:
        data = run_json(capsys, "lesson", lesson, "--content", content)
        assert len(data["steps"]) == len(p.lessons[lesson].steps)


def test_play_a_challenge_by_script(capsys, tmp_path, pack):
    content, p = pack
    challenge = next(iter(p.challenges))
    script = tmp_path / "s.txt"
    script.write_text("help\nlook\ntally\nhint\n", encoding="utf-8")
    assert main(["play", "--content", content, "--challenge", challenge,
                 "--script", str(script)]) == 0
    out = capsys.readouterr().out
    assert "Traceback" not in out and "> tally" in out
    gov = p.threshold(p.challenges[challenge].goal.threshold)
    assert gov.name in out


def test_help_texts_speak_of_this_pack(pack):
    from explorer.adventure import Engine
    from explorer.core.graph import Atlas

    _, p = pack
    engine = Engine(Atlas(p))
    text = engine.handle("help")
    for other in ("Maliki", "Wever"):
        names = {n for a in p.actors.values() for n in a.names()}
        if not any(other in n for n in names):
            assert other not in text


@pytest.mark.parametrize("content", PACKS, ids=["iraq", "belgium", "tiny"])
async def test_tui_smoke(content):
    from explorer.core.graph import Atlas
    from explorer.tui.app import make_app
    from explorer.tui.coalition_screen import CoalitionScreen

    p = load_pack(content)
    app = make_app(atlas=Atlas(p))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CoalitionScreen)
        await pilot.press("space", "down", "space")
        await pilot.pause()
        assert app.state.coalition.members
        help_text = app.screen.HELP
        for th in p.thresholds:
            assert th.label in help_text
        assert "163" not in help_text or p.parliament_size == 325
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.is_running


def test_power_over_time_defaults_to_the_government_threshold(capsys, tmp_path, pack):
    content, p = pack
    data = run_json(capsys, "power", "--over-time", "--content", content)
    assert data["threshold"] == p.government_threshold.id
    assert data["quota"] == p.government_threshold.seats
    out = tmp_path / "power.svg"
    assert main(["export", "power", "--content", content, "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").lstrip().startswith("<")

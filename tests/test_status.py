"""The `status` of relations and events (reported, confirmed, disputed, the pack's inference):
read from the pack, refused when unknown, and shown in the actor page, the tensions, `explorer
show`, the JSON, the events list and the Markdown report."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from tests_support import MINI, copy_mini

from explorer.cli import main
from explorer.core.coalition import Coalition, evaluate
from explorer.core.graph import Atlas
from explorer.core.loader import load_pack
from explorer.core.problems import PackError
from explorer.core.report import coalition_report
from explorer.core.seats import default_picture

RIVALS = 'description = "Old rivals."'


def plain(renderable) -> str:
    console = Console(width=120, file=io.StringIO(), record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def page_text(page) -> str:
    return "".join(plain(option.prompt) for option in page.options)


def marked_pack(tmp_path: Path, status: str = "reported") -> Path:
    """The mini pack with its Red–Blue rivalry marked as `status`, with a source note, and an
    event marked as the pack's inference."""
    target = copy_mini(tmp_path, "status-pack")
    relations = target / "relations" / "all.toml"
    text = relations.read_text(encoding="utf-8")
    assert RIVALS in text
    note = 'source_note = "A later memoir; not contemporary."'
    relations.write_text(text.replace(RIVALS, RIVALS + f'\nstatus = "{status}"\n{note}', 1),
                         encoding="utf-8")
    events = target / "events.toml"
    text = events.read_text(encoding="utf-8")
    first = text.index("[[event]]") + len("[[event]]")
    events.write_text(text[:first] + '\nstatus = "inference"' + text[first:], encoding="utf-8")
    return target


def rivalry(pack):
    return next(r for r in pack.relations if r.type == "rival_of" and r.source == "reds")


def test_status_and_source_note_are_read(tmp_path):
    pack = load_pack(marked_pack(tmp_path))
    rel = rivalry(pack)
    assert rel.status == "reported"
    assert rel.source_note == "A later memoir; not contemporary."
    assert [e.status for e in pack.events].count("inference") == 1
    assert rivalry(load_pack(MINI)).status is None  # absent: as the cited source states it


def test_an_unknown_status_is_refused_with_a_hint(tmp_path, capsys):
    folder = marked_pack(tmp_path, status="reportd")
    with pytest.raises(PackError) as err:
        load_pack(folder)
    assert "unknown status 'reportd'" in str(err.value)
    assert "did you mean 'reported'?" in str(err.value)
    assert main(["check", "--content", str(folder)]) == 2
    assert "all.toml:" in capsys.readouterr().err  # file:line of the bad status


def test_explorer_show_marks_the_reported_relation(tmp_path, capsys):
    folder = marked_pack(tmp_path)
    assert main(["show", "reds", "--content", str(folder)]) == 0
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if "Blue List" in ln and "Old rivals" in ln)
    assert "[reported]" in line
    assert "Note on the sources: A later memoir" in out
    assert main(["show", "ann", "--content", str(folder)]) == 0
    assert "[reported]" not in capsys.readouterr().out  # unmarked relations carry no badge


def test_json_carries_the_status(tmp_path, capsys):
    folder = marked_pack(tmp_path)
    assert main(["show", "reds", "--content", str(folder), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    rel = next(r for r in data["relations"] if r["type"] == "rival_of")
    assert rel["status"] == "reported" and rel["source_note"].startswith("A later memoir")
    assert main(["relations", "--content", str(folder), "--json"]) == 0
    statuses = {r["type"]: r["status"] for r in json.loads(capsys.readouterr().out)}
    assert statuses["rival_of"] == "reported" and statuses["leads"] is None
    assert main(["events", "--content", str(folder), "--json"]) == 0
    assert [e["status"] for e in json.loads(capsys.readouterr().out)].count("inference") == 1
    assert main(["events", "--content", str(folder)]) == 0
    assert "[the pack's inference]" in capsys.readouterr().out


def test_tensions_and_report_keep_the_status(tmp_path):
    atlas = Atlas(load_pack(marked_pack(tmp_path)))
    picture = default_picture(atlas.pack, None)
    ev = evaluate(atlas, picture, Coalition(("reds", "blues")))
    tension = next(t for t in ev.tensions if t.type == "rival_of")
    assert tension.status == "reported" and tension.as_json()["status"] == "reported"
    report = coalition_report(atlas, picture, ["reds", "blues"])
    line = next(ln for ln in report.splitlines() if "Old rivals" in ln)
    assert "*(reported)*" in line


async def test_actor_page_and_tension_panel_show_reported(tmp_path):
    from explorer.tui.app import make_app

    atlas = Atlas(load_pack(marked_pack(tmp_path)))
    app = make_app(atlas=atlas)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        page = app.screen.page
        page.show("reds", app.on)
        await pilot.pause()
        text = page_text(page)
        row = next(ln for ln in text.splitlines() if "Blue List" in ln)
        assert "[reported]" in row
        assert "Note on the sources: A later memoir" in text
        page.show("ann", app.on)
        await pilot.pause()
        assert "[reported]" not in page_text(page)

    from explorer.tui.coalition_panels import TensionPanel

    panel = TensionPanel()
    ev = evaluate(atlas, default_picture(atlas.pack, None), Coalition(("reds", "blues")))
    panel.show(ev.tensions, 2, lambda a: atlas.actor(a).name)
    assert "[reported]" in plain(panel.render())


def test_bundled_hedged_reports_stay_reports(bundled_atlas):
    """The seeds' hedges survive: Khamenei 'apparently' backed the pairing (004:9)."""
    pack = bundled_atlas.pack
    hedged = [r for r in pack.relations if r.source == "khamenei" and r.type == "backs"]
    assert hedged and all(r.status == "reported" for r in hedged)
    assert all(r.status in (None, "confirmed", "reported", "disputed", "inference")
               for r in pack.relations)


def test_types_lists_the_statuses(capsys):
    assert main(["types"]) == 0
    out = capsys.readouterr().out
    for name in ("confirmed", "reported", "disputed", "inference"):
        assert any(line.startswith(name + " ") for line in out.splitlines()), name


def test_coalition_command_marks_the_status(tmp_path, capsys):
    folder = marked_pack(tmp_path)
    assert main(["coalition", "reds", "blues", "--content", str(folder)]) == 0
    line = next(ln for ln in capsys.readouterr().out.splitlines() if "rival_of" in ln)
    assert "(reported)" in line


def test_graph_exports_carry_the_status(tmp_path, capsys):
    folder = marked_pack(tmp_path)
    assert main(["export", "graph", "--format", "json", "--content", str(folder)]) == 0
    links = json.loads(capsys.readouterr().out)["links"]
    assert [x["status"] for x in links if x["type"] == "rival_of"] == ["reported"]
    assert main(["export", "graph", "--format", "graphml", "--content", str(folder)]) == 0
    assert ">reported<" in capsys.readouterr().out


@pytest.mark.parametrize("value", ['["reported"]', "3", '""', '"Reported"'])
def test_a_status_of_the_wrong_type_or_case_is_a_message_not_a_traceback(tmp_path, value, capsys):
    target = copy_mini(tmp_path, "typed")
    relations = target / "relations" / "all.toml"
    text = relations.read_text(encoding="utf-8")
    relations.write_text(text.replace(RIVALS, RIVALS + f"\nstatus = {value}", 1), encoding="utf-8")
    assert main(["check", "--content", str(target)]) == 2
    err = capsys.readouterr().err
    assert "all.toml:" in err and "status" in err and "Traceback" not in err

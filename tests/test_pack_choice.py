"""Several bundled packs: `--content ID`, `explorer packs`, and when the app asks which to open
(the question itself is a screen of the app: tests/tui/test_pack_chooser.py)."""

from __future__ import annotations

import io
import json

import pytest

from explorer.cli import main
from explorer.cli.packs import should_ask
from explorer.core import bundled
from explorer.core.storage import resolve_pack_dir


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_both_packs_are_bundled_and_named_by_id():
    assert {"iraq-2010", "belgium-2010"} <= set(bundled.bundled_ids())
    assert resolve_pack_dir("belgium-2010") == bundled.bundled_path("belgium-2010")
    assert bundled.bundled_path("../iraq-2010") is None  # an id, never a path


def test_content_takes_a_bundled_id(capsys):
    assert main(["check", "--content", "belgium-2010"]) == 0
    assert "150 of 150" in capsys.readouterr().out


def test_a_folder_of_that_name_wins_over_the_id(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "belgium-2010").mkdir()
    assert main(["check", "--content", "belgium-2010"]) == 2  # the (empty) folder is meant
    assert "pack.toml" in capsys.readouterr().err


def test_the_app_asks_until_a_pack_is_chosen():
    assert bundled.needs_choice() and should_ask(Tty(), Tty())
    bundled.remember("belgium-2010")
    assert not bundled.needs_choice() and not should_ask(Tty(), Tty())  # asked once
    assert resolve_pack_dir(None) == bundled.bundled_path("belgium-2010")
    main(["packs", "--forget"])
    assert should_ask(Tty(), Tty())


def test_nothing_is_asked_without_a_terminal(monkeypatch):
    assert not should_ask(io.StringIO(), io.StringIO())  # a pipe or a script
    assert not should_ask(Tty(), io.StringIO())
    monkeypatch.setenv("EXPLORER_CONTENT", "belgium-2010")
    assert not should_ask(Tty(), Tty())
    assert bundled.remembered() is None


def test_a_closed_stream_is_not_asked():
    import os

    gone = open(os.devnull)  # noqa: SIM115 - closed at once: isatty() then raises
    gone.close()
    assert not should_ask(gone, Tty())


def test_the_chooser_reads_each_pack_toml_alone():
    rows = {pid: bundled.pack_summary(pid) for pid in bundled.bundled_ids()}
    be = rows["belgium-2010"]
    assert be["seats"] == 150 and be["title"].startswith("Belgium")
    assert be["start"].isoformat() == "2010-04-22" and be["end"].isoformat() == "2011-12-31"
    assert be["about"].endswith("150-seat Chamber.")  # the description's first sentence
    assert rows["iraq-2010"]["seats"] == 325


def test_a_broken_pack_toml_gives_an_empty_summary_not_an_error(tmp_path, monkeypatch):
    root = tmp_path / "content"
    for pid, text in (("iraq-2010", "[pack]\ntitle = 'x'\n"), ("broken", "[pack\n"),
                      ("odd", "[pack]\ntitle = 3\nparliament_size = true\n"
                              "start_date = 'soon'\ndescription = 'No full stop'\n")):
        (root / pid).mkdir(parents=True)
        (root / pid / "pack.toml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(bundled, "content_root", lambda: root)
    assert bundled.pack_summary("broken")["title"] == "broken"
    odd = bundled.pack_summary("odd")
    assert odd["title"] == "odd" and odd["seats"] is None and odd["start"] is None
    assert odd["about"] == "No full stop"


def test_packs_command_lists_uses_and_forgets(capsys):
    assert main(["packs", "--use", "belgium-2010", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["belgium-2010"]["chosen"] and not rows["iraq-2010"]["chosen"]
    assert main(["check", "--json"]) == 0  # no --content: the chosen pack
    assert json.loads(capsys.readouterr().out)["pack"] == "belgium-2010"
    assert main(["packs", "--forget"]) == 0
    capsys.readouterr()
    assert main(["check", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pack"] == bundled.DEFAULT_ID


@pytest.mark.parametrize("bad", ["nope", "../etc", "Belgium-2010"])
def test_packs_use_refuses_what_is_not_bundled(capsys, bad):
    assert main(["packs", "--use", bad]) == 2
    assert "no bundled pack" in capsys.readouterr().err


def test_a_damaged_choice_file_is_ignored():
    bundled._choice_file().parent.mkdir(parents=True, exist_ok=True)
    bundled._choice_file().write_bytes(b"\xff\xfe garbage")
    assert bundled.remembered() is None and bundled.needs_choice()


def test_choosing_another_pack_opens_the_app_again_on_it():
    """The command line's side of a switch: the next app is on the chosen pack, on its own
    default date (the first app's --date belongs to the first pack), and nothing is asked."""
    from argparse import Namespace

    from explorer.cli.query import cmd_tui

    seen = []

    def run(app):
        seen.append((app.atlas.pack.id, app.on, app.choose_pack))
        if len(seen) == 1:
            app.switch_pack = "belgium-2010"  # what the chooser sets before the app exits

    args = Namespace(content="iraq-2010", date="2010-11-11", sources=None, present=False,
                     theme=None)
    assert cmd_tui(args, run=run) == 0
    belgium = bundled.pack_summary("belgium-2010")
    assert [s[0] for s in seen] == ["iraq-2010", "belgium-2010"]
    assert seen[0][1].isoformat() == "2010-11-11" and seen[1][1] == belgium["opens"]
    assert not any(s[2] for s in seen)  # --content given: nothing asked


def test_the_app_runs_with_what_was_built_at_start_out_of_the_collectors_reach():
    """cmd_tui builds the pack and the app with the collector paused, then freezes them
    (explorer/core/bulk.py): the app runs with collections on, the first and the one after a
    pack switch alike; the app switched away from is collected, not kept frozen."""
    import gc
    import weakref
    from argparse import Namespace

    from explorer.cli.query import cmd_tui

    seen = []
    apps = []

    def run(app):
        seen.append((gc.isenabled(), gc.get_freeze_count(), [a() is not None for a in apps]))
        apps.append(weakref.ref(app))
        if len(seen) < 3:
            app.switch_pack = "belgium-2010" if len(seen) == 1 else "iraq-2010"

    args = Namespace(content="iraq-2010", date=None, sources=None, present=False, theme=None)
    try:
        assert cmd_tui(args, run=run) == 0
    finally:
        gc.unfreeze()
    assert all(enabled for enabled, _, _ in seen)
    assert all(frozen > 1000 for _, frozen, _ in seen)  # modules, the pack, the app
    assert [alive for _, _, alive in seen] == [[], [False], [False, False]]

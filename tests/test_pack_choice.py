"""Several bundled packs: `--content ID`, `explorer packs`, and the question the app asks once."""

from __future__ import annotations

import io
import json

import pytest

from explorer.cli import main
from explorer.cli.packs import ask_for_pack
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


def test_the_app_asks_once_and_remembers():
    assert bundled.needs_choice()
    out = Tty()
    assert ask_for_pack(Tty("x\n9\n1\n"), out) == bundled.bundled_ids()[0]
    text = out.getvalue()
    assert text.count("Please type a number") == 2 and "belgium-2010" in text
    assert bundled.remembered() == bundled.bundled_ids()[0]
    assert not bundled.needs_choice()
    assert ask_for_pack(Tty("2\n"), Tty()) is None  # not asked again
    assert resolve_pack_dir(None) == bundled.bundled_path(bundled.bundled_ids()[0])


def test_enter_opens_the_default_and_end_of_input_asks_again_later():
    assert ask_for_pack(Tty("\n"), Tty()) == bundled.DEFAULT_ID
    main(["packs", "--forget"])
    assert ask_for_pack(Tty(""), Tty()) is None and bundled.needs_choice()


def test_nothing_is_asked_without_a_terminal(monkeypatch):
    assert ask_for_pack(io.StringIO("1\n"), io.StringIO()) is None
    monkeypatch.setenv("EXPLORER_CONTENT", "belgium-2010")
    assert ask_for_pack(Tty("1\n"), Tty()) is None
    assert bundled.remembered() is None


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

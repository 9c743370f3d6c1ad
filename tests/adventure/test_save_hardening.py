"""Save input that cannot hurt: only regular files of a sane size are read, stale temporaries
are removed, a save that this pack cannot stand on says why, and names that collide elsewhere
are refused."""

from __future__ import annotations

import json
import os
import time

import pytest

from explorer.adventure import Engine, saves
from explorer.core.storage import write_atomic


def _state(game, **changes) -> bytes:
    path = saves.save_path("base")
    game.handle("save base")
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(changes)
    return json.dumps(data).encode("utf-8")


@pytest.fixture()
def game(bundled_atlas):
    return Engine(bundled_atlas)


def _restore(game, name: str, raw: bytes) -> str:
    path = saves.saves_dir() / f"{name}.json"
    path.write_bytes(raw)
    return game.handle(f"restore {name}")


def test_a_save_that_is_a_fifo_is_refused_without_waiting(game):
    saves.saves_dir().mkdir(parents=True, exist_ok=True)
    os.mkfifo(saves.saves_dir() / "pipe.json")
    answer = game.handle("restore pipe")  # would block forever if the FIFO were opened plainly
    assert "not a regular file" in answer


def test_a_save_linked_to_a_device_is_refused(game):
    saves.saves_dir().mkdir(parents=True, exist_ok=True)
    (saves.saves_dir() / "zero.json").symlink_to("/dev/zero")
    assert "not a regular file" in game.handle("restore zero")
    assert "cannot be read" in game.handle("save zero")  # and is not overwritten either


def test_a_huge_save_is_refused_unread(game):
    saves.saves_dir().mkdir(parents=True, exist_ok=True)
    with open(saves.saves_dir() / "huge.json", "wb") as handle:
        handle.truncate(saves.SAVE_LIMIT + 1)  # sparse: large without writing it
    assert "too large" in game.handle("restore huge")


def test_stale_temporaries_are_removed_and_fresh_ones_kept(game):
    folder = saves.saves_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stale, fresh = folder / ".monday.json.abc123.tmp", folder / ".monday.json.def456.tmp"
    for p in (stale, fresh):
        p.write_bytes(b"x" * 1000)
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    write_atomic(folder / "other.json", b"{}")
    assert not stale.exists() and fresh.exists()
    os.utime(fresh, (old, old))
    saves.list_saves()
    assert not fresh.exists()


@pytest.mark.parametrize("changes, message", [
    ({"date": "2030-01-01"}, "its date 2030-01-01 is outside this pack's dates"),
    ({"pm": "iraqiya"}, "is a list, not a person"),
    ({"history": ["look", "x", None]}, "its history holds null as command 3"),
    ({"hint": "two"}, "its hint counter is not a number"),
])
def test_a_save_this_pack_cannot_stand_on_says_why(game, changes, message):
    before = game.handle("score")
    answer = _restore(game, "odd", _state(game, **changes))
    assert "That save is damaged" in answer and message in answer
    assert "None" not in answer
    assert game.handle("score") == before  # nothing changed


def test_a_save_with_a_byte_order_mark_restores(game):
    answer = _restore(game, "bom", b"\xef\xbb\xbf" + _state(game))
    assert answer.startswith("Restored")


def test_a_save_an_editor_wrote_with_a_bom_restores_the_same_game(bundled_atlas):
    """Notepad-style: a byte-order mark and CRLF line ends; the game comes back as it was."""
    first = Engine(bundled_atlas)
    for line in ("date 2010-10-01", "invite sadrists", "invite sol", "pm maliki"):
        first.handle(line)
    assert "Saved as" in first.handle("save edited")
    path = saves.save_path("edited")
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(text.encode("utf-8-sig"))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    again = Engine(bundled_atlas)
    assert again.handle("restore edited").startswith("Restored")
    assert again.state.on == first.state.on
    assert again.state.coalition == first.state.coalition
    assert again.handle("coalition") == first.handle("coalition")


@pytest.mark.parametrize("encode, says", [
    (lambda t: t.encode("latin-1"), "it is not UTF-8 text (byte 0xE9 at position"),
    (lambda t: t.encode("utf-16"), "it is UTF-16 text, not UTF-8"),
    (lambda t: t.encode("utf-16-le"), "it is UTF-16 text, not UTF-8"),
    (lambda t: t.encode("utf-32"), "it is UTF-32 text, not UTF-8"),
    (lambda t: b"\x00\x01\x02\xff" * 10, "it is not text"),
])
def test_a_save_in_another_encoding_says_which_in_one_line(game, encode, says):
    before = game.handle("score")
    text = json.dumps(json.loads(_state(game, history=["x Hélène"])), ensure_ascii=False)
    answer = _restore(game, "foreign", encode(text))
    assert answer.startswith("That save is damaged") and says in answer
    assert "\n" not in answer and "utf-8-sig" not in answer and "codec" not in answer
    assert game.handle("score") == before  # nothing changed


def test_a_script_stops_with_a_non_zero_exit_when_a_restore_fails(bundled_atlas, tmp_path,
                                                                  capsys):
    from explorer.cli import main

    first = Engine(bundled_atlas)
    first.handle("x Hélène")  # kept in the saved history, as UTF-8
    first.handle("save base")
    raw = saves.save_path("base").read_text(encoding="utf-8")
    assert "Hélène" in raw
    (saves.saves_dir() / "latin.json").write_bytes(raw.encode("latin-1"))
    script = tmp_path / "s.txt"
    script.write_text("restore latin\ninvite sadrists\n", encoding="utf-8")
    assert main(["play", "--script", str(script)]) == 1
    out, err = capsys.readouterr()
    assert "not UTF-8 text" in out and "> invite sadrists" not in out  # it stopped there
    assert err.count("\n") == 1 and "not UTF-8 text" in err and "Traceback" not in err
    script.write_text("restore base\ninvite sadrists\n", encoding="utf-8")
    assert main(["play", "--script", str(script)]) == 0


def test_control_characters_in_a_saved_history_never_come_back(game):
    answer = _restore(game, "esc", _state(game, history=["look \x1b[2J", "bell\x07"]))
    assert answer.startswith("Restored")
    shown = game.handle("history")
    assert "\x1b" not in shown and "\x07" not in shown and "look [2J" in shown


@pytest.mark.parametrize("name", ["con", "NUL", "aux.txt", "com1", "lpt9.save"])
def test_names_reserved_elsewhere_are_refused(game, name):
    answer = game.handle(f"save {name}")
    assert "cannot be a save name" in answer
    assert not (saves.saves_dir() / f"{name}.json").exists()


def test_names_that_differ_only_in_case_are_refused(game):
    assert "Saved as" in game.handle("save Monday")
    answer = game.handle("save monday")
    assert "already a save called 'Monday'" in answer
    assert saves.list_saves() == ["Monday"]
    assert "Saved as" in game.handle("save Monday")  # the same name replaces it


def test_the_bad_name_hint_names_no_actor_of_a_pack(game):
    answer = game.handle("save ../x")
    assert "allawi" not in answer.lower() and "save monday" in answer

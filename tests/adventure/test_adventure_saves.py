"""Saved games: round trip, damaged files left untouched, names, and a writer killed mid-save."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from explorer.adventure import Engine, saves


def test_data_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(tmp_path / "a"))
    assert saves.data_dir() == tmp_path / "a"
    monkeypatch.delenv("EXPLORER_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert saves.data_dir() == tmp_path / "xdg" / "kingmaker"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert saves.data_dir() == tmp_path / "home" / ".local" / "share" / "kingmaker"


def test_save_and_restore_round_trip(bundled_atlas):
    game = Engine(bundled_atlas, challenge="win-back-sadrists")
    for line in ("go to qom", "invite sadr", "hint"):
        game.handle(line)
    text = game.handle("save monday")
    path = saves.save_path("monday")
    assert "Saved as “monday”" in text and path.exists()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "kingmaker-save" and data["version"] == 1
    assert data["pack"] == bundled_atlas.pack.id
    assert data["challenge"] == "win-back-sadrists" and data["location"] == "qom"
    assert "sadrists" in data["members"] and data["pm"] == "maliki"

    other = Engine(bundled_atlas)
    assert "monday" in other.handle("restore")
    text = other.handle("restore monday")
    assert text.startswith("Restored “monday”")
    assert other.location == "qom" and other.challenge.id == "win-back-sadrists"
    assert other.coalition == game.coalition and other.on == game.on
    assert other.hint_index == 1 and other.history == game.history
    assert other.handle("hint").startswith("Hint 2")
    assert other.handle("undo").startswith("Undone.")  # back to before the restore
    assert other.coalition.members == () and other.challenge is None


def test_save_names_are_checked(bundled_atlas):
    game = Engine(bundled_atlas)
    for bad in ("../evil", "a/b", "..", ".hidden", "x" * 80, "a\\b"):
        assert "A save name is one word" in game.handle(f"save {bad}")
        assert "A save name is one word" in game.handle(f"restore {bad}")
    assert not any(saves.data_dir().parent.glob("evil*"))
    assert "no save called 'nothing'" in game.handle("restore nothing")
    assert "Saved as “quicksave”" in game.handle("save")


DAMAGE = {
    "truncated": lambda good: good[: len(good) // 2],
    "empty": lambda good: b"",
    "not-json": lambda good: b"\x89PNG\r\n\x1a\n not a save at all",
    "foreign-format": lambda good: json.dumps({"format": "other-game", "version": 1}).encode(),
    "future-version": lambda good: good.replace(b'"version": 1', b'"version": 99'),
    "bad-fields": lambda good: good.replace(b'"location": "baghdad"', b'"location": "atlantis"'),
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_saves_are_reported_and_left_untouched(bundled_atlas, kind):
    game = Engine(bundled_atlas)
    game.handle("invite allawi")
    game.handle("save good")
    good = saves.save_path("good").read_bytes()
    path = saves.save_path(kind)
    path.write_bytes(DAMAGE[kind](good))
    before = path.read_bytes()
    other = Engine(bundled_atlas)
    state = (other.location, other.coalition, other.on)
    text = other.handle(f"restore {kind}")
    assert text.startswith("That save is damaged"), text
    if kind == "future-version":
        assert "version 99" in text
    assert path.read_bytes() == before  # never rewritten or deleted
    assert (other.location, other.coalition, other.on) == state  # nothing changed
    if kind != "bad-fields":  # saving over an unreadable file is refused: it stays as it is
        assert "cannot be read" in other.handle(f"save {kind}")
        assert path.read_bytes() == before


def test_a_save_of_another_pack_is_refused(bundled_atlas):
    Engine(bundled_atlas).handle("save mine")
    path = saves.save_path("mine")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["pack"] = "another-pack"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert "belongs to the content pack 'another-pack'" in Engine(bundled_atlas).handle(
        "restore mine")


WRITER = textwrap.dedent("""
    import sys
    from explorer.adventure import saves
    big = {"members": [], "location": None, "history": ["x" * 200] * 4000, "n": 0}  # ~0.8 MB
    n = 0
    while True:
        n += 1
        big["n"] = n
        saves.write_save("precious", big, "iraq-2010")
        if n == 1:
            print("ready", flush=True)
""")


def test_killing_the_writer_mid_save_keeps_a_good_save(bundled_atlas):
    game = Engine(bundled_atlas)
    game.handle("invite maliki")
    game.handle("save precious")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    rnd = random.Random(2010)
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", WRITER], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
            time.sleep(rnd.uniform(0.0, 0.25))
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
        data = saves.read_save("precious", bundled_atlas.pack.id)  # complete, valid JSON
        assert data["format"] == "kingmaker-save" and data.get("n", 0) >= 1
    # the saves folder may hold a stray temporary file, never a half-written save
    names = [p.name for p in saves.saves_dir().iterdir()]
    assert "precious.json" in names
    assert saves.list_saves() == ["precious"]

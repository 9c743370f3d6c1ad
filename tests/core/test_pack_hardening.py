"""Pack input that cannot hurt: warnings for files that are never read, control characters
removed from whatever the loader reads, did-you-mean that keeps the meaning, and a pack cache
that notices an edit keeping size and modification time. (The errors are in tests/packs/bad/.)"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.core.loader import load_pack
from explorer.core.pack_cache import load_pack_cached
from explorer.core.problems import Problem
from explorer.core.safe_text import CONTROL, clean, escaped
from explorer.core.suggest import suggest
from explorer.core.tomlfile import read_toml
from explorer.core.vocabulary import RELATION_TYPES

MINI = Path(__file__).resolve().parent.parent / "packs" / "mini"


@pytest.fixture()
def pack_dir(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    return root


def test_files_that_are_never_read_are_warnings_and_the_pack_still_loads(pack_dir, capsys):
    (pack_dir / "people.toml").write_text('[[actor]]\nid = "x"\n', encoding="utf-8")
    (pack_dir / "actors" / "sub").mkdir()
    (pack_dir / "actors" / "sub" / "more.toml").write_text("", encoding="utf-8")
    (pack_dir / "relations" / "notes.docx").write_bytes(b"PK")
    (pack_dir / "README.md").write_text("# my pack\n", encoding="utf-8")  # a document: quiet
    (pack_dir / "actors" / ".all.toml.swp").write_bytes(b"")  # an editor's file: quiet
    pack = load_pack(pack_dir)
    found = {Path(w.path).name: w for w in pack.warnings}
    assert set(found) == {"people.toml", "sub", "notes.docx"}
    assert all(w.warning for w in pack.warnings)
    assert main(["check", "--content", str(pack_dir)]) == 0
    out = capsys.readouterr()
    assert "OK (3 warnings above)" in out.out
    assert "people.toml:1: warning: people.toml is not read" in out.err
    assert "actors/sub/ is not read" in out.err
    assert "README" not in out.err and ".swp" not in out.err


def test_check_json_lists_the_warnings(pack_dir, capsys):
    (pack_dir / "people.toml").write_text("", encoding="utf-8")
    assert main(["check", "--json", "--content", str(pack_dir)]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert data["valid"] is True and len(data["warnings"]) == 1


def test_control_characters_are_reported_and_stripped_from_the_data(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text('a = "red \\u001b[31m"\nb = "fine"\nc = "bell \\u0007 and \u0085"\n'
                    'd = "tab\\tnewline\\n"\n', encoding="utf-8")
    problems: list[Problem] = []
    file = read_toml(path, problems)
    assert [(p.line, "U+001B" in p.message) for p in problems][:1] == [(1, True)]
    assert [p.line for p in problems] == [1, 3]
    assert not any(CONTROL.search(v) for v in file.data.values())
    assert file.data["a"] == "red [31m" and file.data["d"] == "tab\tnewline\n"


def test_an_escaped_backslash_is_not_a_control_character(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text('a = "C:\\\\u001b is a folder"\n', encoding="utf-8")
    problems: list[Problem] = []
    assert read_toml(path, problems).data["a"] == "C:\\u001b is a folder"
    assert problems == []


def test_clean_and_escaped():
    assert clean("a\x1b[2Jb\x07c\x9bd\te\n") == "a[2Jbcd\te\n"
    assert escaped("a\x1bb") == "a\\x1bb"


@pytest.mark.parametrize("typo, meant", [
    ("rivals_with", "rival_of"), ("rivals_of", "rival_of"), ("alied_with", "allied_with"),
    ("refuse_pm", "refuses_pm"), ("refused", "refuses"), ("backed", "backs"),
    ("enemy_of", "rival_of"), ("memberof", "member_of"),
])
def test_did_you_mean_keeps_the_meaning(typo, meant):
    assert suggest(typo, RELATION_TYPES) == meant


def test_did_you_mean_never_turns_a_rivalry_into_an_alliance():
    for typo in ("rivals_with", "rival_with", "rivalry_with", "enemies_with"):
        assert RELATION_TYPES[suggest(typo, RELATION_TYPES)].stance == "hostile"


def test_the_cache_notices_an_edit_that_keeps_size_and_mtime(pack_dir):
    first = load_pack_cached(pack_dir)
    meta = pack_dir / "pack.toml"
    st = meta.stat()
    text = meta.read_text(encoding="utf-8")
    edited = text.replace("A tiny parliament", "A tiny parliamenT")
    assert len(edited) == len(text) and edited != text
    meta.write_text(edited, encoding="utf-8")
    os.utime(meta, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert meta.stat().st_size == st.st_size and meta.stat().st_mtime_ns == st.st_mtime_ns
    assert first.title == "A tiny parliament"
    assert load_pack_cached(pack_dir).title == "A tiny parliamenT"

"""The loader holds under bad input: broken packs, each problem reported as `path:line: message`.

Every folder in tests/packs/bad/ is tests/packs/mini with one kind of defect, and an EXPECT file of
what `explorer check` must say about it, one line each:

    relative/file.toml:LINE: substring   a problem reported on that file and line
    substring                            a text somewhere in the report
    !substring                           a text that must NOT appear (a cascade of false problems)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests_support import MINI, copy_mini

from explorer.cli import main
from explorer.core import tomlfile
from explorer.core.loader import load_pack
from explorer.core.problems import PackError

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
BAD = TESTS / "packs" / "bad"
CASES = sorted(p.name for p in BAD.iterdir() if (p / "EXPECT").is_file())
LINE = re.compile(r"^(.+?):(\d+): (.+)$")


def expectations(pack: Path) -> list[str]:
    text = (pack / "EXPECT").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def located(err: str, pack: Path) -> list[tuple[str, int, str]]:
    """The `path:line: message` lines of a report, with paths relative to the pack."""
    out = []
    for line in err.splitlines():
        m = LINE.match(line)
        if m:
            path, root = os.path.abspath(m.group(1)), os.path.abspath(pack)
            rel = Path(os.path.relpath(path, root)).as_posix()
            out.append((rel, int(m.group(2)), m.group(3)))
    return out


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def assert_report(err: str, pack: Path, expect: list[str]) -> None:
    """err is a well-formed report that holds every expected problem at its place."""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert lines and re.fullmatch(r"[\d,]+ problems? found\.", lines[-1]), err
    for line in lines[:-1]:
        assert LINE.match(line) or line.startswith("... and "), f"not path:line: {line!r}"
    problems = located(err, pack)
    for want in expect:
        if want.startswith("!"):
            assert want[1:] not in err, f"unexpected {want[1:]!r} in:\n{err}"
            continue
        m = LINE.match(want)
        if m is None:
            assert want in err, f"{want!r} missing from:\n{err}"
            continue
        rel, number, text = m.group(1), int(m.group(2)), m.group(3)
        here = [p for p in problems if p[0] == rel and p[1] == number and text in p[2]]
        assert here, f"expected {want!r}; got:\n{err}"


# -- the corpus ------------------------------------------------------------------------------------
def test_the_corpus_is_large_and_every_pack_says_what_to_expect():
    assert len(CASES) >= 30
    for name in CASES:
        assert expectations(BAD / name), f"{name}/EXPECT is empty"
        assert any(LINE.match(e) for e in expectations(BAD / name)), f"{name}: no location"


@pytest.mark.parametrize("name", CASES)
def test_check_reports_the_defect_at_its_line(capsys, name):
    pack = BAD / name
    code, out, err = run_cli(capsys, "check", "--content", str(pack))
    assert code == 2, err
    assert out == "" and "Traceback" not in out
    assert_report(err, pack, expectations(pack))


@pytest.mark.parametrize("name", CASES)
def test_json_commands_refuse_a_bad_pack_the_same_way(capsys, name):
    pack = BAD / name
    _, _, check_err = run_cli(capsys, "check", "--content", str(pack))
    code, out, err = run_cli(capsys, "actors", "--json", "--content", str(pack))
    assert code == 2 and out == ""  # no half-valid JSON on stdout
    assert err == check_err


@pytest.mark.parametrize("name", ["toml_syntax", "bloc_member_is_bloc", "deep_nesting"])
def test_a_real_process_exits_2_without_a_traceback(name):
    pack = BAD / name
    env = {k: v for k, v in os.environ.items() if k != "EXPLORER_CONTENT"}
    proc = subprocess.run([sys.executable, "-m", "explorer", "check", "--content", str(pack)],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert_report(proc.stderr, pack, expectations(pack))


def test_several_problems_are_all_reported_in_one_run(capsys):
    pack = BAD / "several_problems"
    code, _, err = run_cli(capsys, "check", "--content", str(pack))
    assert code == 2
    files = {rel for rel, _, _ in located(err, pack)}
    assert {"actors/all.toml", "relations/all.toml", "events.toml", "pack.toml"} <= files
    assert len(located(err, pack)) >= len([e for e in expectations(pack) if LINE.match(e)])


def test_check_passes_the_mini_pack_with_a_one_line_summary(capsys):
    code, out, err = run_cli(capsys, "check", "--content", str(MINI))
    assert code == 0 and err == ""
    assert len(out.strip().splitlines()) == 1
    assert "OK" in out and "10 of 10" in out


# -- defects written at test time ------------------------------------------------------------------
def test_a_huge_file_is_refused_before_it_is_read(capsys, tmp_path):
    pack = copy_mini(tmp_path, "pack")
    line = "# " + "x" * 98 + "\n"
    (pack / "actors" / "huge.toml").write_text(
        line * (tomlfile.MAX_FILE_BYTES // len(line) + 1), encoding="utf-8")
    code, _, err = run_cli(capsys, "check", "--content", str(pack))
    assert code == 2
    assert_report(err, pack, ["actors/huge.toml:1: is too large", "split it into several files"])


def test_a_file_of_many_broken_tables_is_reported_quickly_and_briefly(capsys, tmp_path):
    pack = copy_mini(tmp_path, "pack")
    body = "".join(f'[[actor]]\nid = "a{i}"\n' for i in range(60_000))
    (pack / "actors" / "many.toml").write_text(body, encoding="utf-8")
    started = time.perf_counter()
    code, _, err = run_cli(capsys, "check", "--content", str(pack))
    assert time.perf_counter() - started < 30
    assert code == 2
    assert_report(err, pack, ["actors/many.toml:1: actor 'a0' is missing the required field",
                              "more; fix these first."])
    assert len(err.splitlines()) < 600


def test_line_numbers_survive_unicode_line_separators(capsys, tmp_path):
    pack = copy_mini(tmp_path, "pack")
    actors = pack / "actors" / "all.toml"
    text = actors.read_text(encoding="utf-8")
    text = text.replace('"The largest list."', '"The largest\u2028list,\u0085still one line."')
    text = text.replace('kind = "place"', 'kind = "city"')
    actors.write_text(text, encoding="utf-8")
    line = next(i for i, s in enumerate(text.split("\n"), 1) if "city" in s)
    code, _, err = run_cli(capsys, "check", "--content", str(pack))
    assert code == 2
    assert_report(err, pack, [f"actors/all.toml:{line}: unknown kind 'city'"])


def test_a_header_inside_a_multiline_string_does_not_shift_lines(capsys, tmp_path):
    pack = copy_mini(tmp_path, "pack")
    actors = pack / "actors" / "all.toml"
    text = actors.read_text(encoding="utf-8").replace(
        'description = "The largest list."', 'description = """The largest\n[[actor]]\nlist."""')
    text = text.replace('kind = "place"', 'kind = "city"')
    actors.write_text(text, encoding="utf-8")
    line = next(i for i, s in enumerate(text.split("\n"), 1) if "city" in s)
    code, _, err = run_cli(capsys, "check", "--content", str(pack))
    assert code == 2
    assert_report(err, pack, [f"actors/all.toml:{line}: unknown kind 'city'"])


def test_a_byte_order_mark_is_accepted(capsys, tmp_path):
    pack = copy_mini(tmp_path, "pack")
    path = pack / "pack.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    code, _, err = run_cli(capsys, "check", "--content", str(pack))
    assert code == 0, err


def test_a_missing_or_file_content_folder_is_reported(capsys, tmp_path):
    code, _, err = run_cli(capsys, "check", "--content", str(tmp_path / "nowhere"))
    assert code == 2 and "no such content pack folder" in err and "Traceback" not in err
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, _, err = run_cli(capsys, "check", "--content", str(tmp_path / "file"))
    assert code == 2 and "is not a folder" in err and "Traceback" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs symlinks and named pipes")
def test_links_to_nowhere_and_pipes_are_reported_not_read(capsys, tmp_path):
    pack = copy_mini(tmp_path, "pack")
    (pack / "actors" / "loop.toml").symlink_to("loop.toml")
    os.mkfifo(pack / "relations" / "pipe.toml")  # reading it would block for ever
    code, _, err = run_cli(capsys, "check", "--content", str(pack))
    assert code == 2
    assert_report(err, pack, ["actors/loop.toml:1: cannot be read",
                              "relations/pipe.toml:1: is not a regular file"])


# -- names on the command line -------------------------------------------------------------------
def test_show_an_unknown_name_suggests_close_ones(capsys):
    code, out, err = run_cli(capsys, "show", "Redd List", "--content", str(MINI))
    assert code == 2 and out == "" and "Traceback" not in err
    assert "No actor is called 'Redd List'" in err
    assert "Candidates: Red List (reds)" in err


def test_show_a_name_with_no_match_at_all(capsys):
    code, _, err = run_cli(capsys, "show", "zzzz", "--content", str(MINI))
    assert code == 2 and "No actor is called 'zzzz'." in err and "Traceback" not in err


def test_show_an_ambiguous_name_lists_every_candidate(capsys):
    code, out, err = run_cli(capsys, "show", "List", "--content", str(MINI))
    assert code == 2 and out == ""
    assert "Which do you mean: Blue List, Green List or Red List?" in err
    assert "Blue List (blues)" in err and "Green List (greens)" in err and "Red List (reds)" in err


# -- markup is text ------------------------------------------------------------------------------
MARKUP = ["[bold]x[/bold]", "[/]", "[link=file:///etc/passwd]x[/link]", "[@click=app.quit]q[/]"]


@pytest.fixture
def markup_pack(tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")  # rich would otherwise fold the table at 80 columns
    pack = copy_mini(tmp_path, "pack")
    actors = pack / "actors" / "all.toml"
    text = actors.read_text(encoding="utf-8")
    text = text.replace('name = "Red List"', 'name = "Red [bold]x[/bold] List"')
    text = text.replace('aliases = ["Reds"]', 'aliases = ["Reds", "[@click=app.quit]q[/]"]')
    text = text.replace('"The largest list."', '"Says [/] and [link=file:///etc/passwd]x[/link] '
                        'and [@click=app.quit]q[/]."')
    text = text.replace('name = "Bob Blue"', 'name = "Bob [/] Blue"')
    actors.write_text(text, encoding="utf-8")
    relations = pack / "relations" / "all.toml"
    relations.write_text(relations.read_text(encoding="utf-8").replace(
        '"Ann heads the Red List."', '"Ann heads [red]the[/red] [link=file:///etc/passwd]x[/link]."'),
        encoding="utf-8")
    return pack


def test_check_accepts_markup_as_text(capsys, markup_pack):
    code, out, err = run_cli(capsys, "check", "--content", str(markup_pack))
    assert code == 0, err


def test_show_prints_markup_literally(capsys, markup_pack):
    code, out, err = run_cli(capsys, "show", "reds", "--content", str(markup_pack))
    assert code == 0, err
    assert "Red [bold]x[/bold] List" in out
    for text in MARKUP:
        assert text in out, text
    code, out, err = run_cli(capsys, "show", "Ann Red", "--content", str(markup_pack))
    assert code == 0, err
    assert "[red]the[/red] [link=file:///etc/passwd]x[/link]" in out
    assert "Red [bold]x[/bold] List" in out


def test_a_markup_name_resolves_and_prints(capsys, markup_pack):
    code, out, err = run_cli(capsys, "show", "Bob [/] Blue", "--content", str(markup_pack))
    assert code == 0, err
    assert "Bob [/] Blue" in out


def test_actors_prints_markup_literally(capsys, markup_pack):
    code, out, err = run_cli(capsys, "actors", "--content", str(markup_pack))
    assert code == 0, err
    assert "Red [bold]x[/bold] List" in out and "Bob [/] Blue" in out
    assert "[@click=app.quit]q[/]" in out


def test_actors_json_keeps_markup_as_text(capsys, markup_pack):
    code, out, err = run_cli(capsys, "actors", "--json", "--content", str(markup_pack))
    assert code == 0, err
    reds = next(a for a in json.loads(out) if a["id"] == "reds")
    assert reds["name"] == "Red [bold]x[/bold] List"
    assert "[link=file:///etc/passwd]x[/link]" in reds["description"]


def test_relations_prints_markup_literally(capsys, markup_pack):
    code, out, err = run_cli(capsys, "relations", "--content", str(markup_pack))
    assert code == 0, err
    assert "[red]the[/red] [link=file:///etc/passwd]x[/link]" in out


# -- fuzzing: any edit of a valid pack loads or raises PackError, nothing else ---------------------
_VALUES = st.sampled_from([
    '"x"', "''", "-1", "2.5", "true", "[]", "[1, 2]", '["a", 3]', "{a = 1}", "2020-02-29",
    "2020-01-01T10:00:00", "12:00:00", '"2010-02-30"', '"March 2010"', '"reds"', '"nobody"',
    '"[bold]x[/]"', '"\u2028"', "[[[]]]", '"https://x.org"', '"a.txt:0"', "99999999999999999999",
])
_KEYS = st.sampled_from(["id", "name", "kind", "seats", "seats_source", "part_of", "members",
                         "sources", "aliases", "since", "until", "from", "to", "type", "date",
                         "place", "participants", "parliament_size", "default_date", "seat_claim",
                         "stands_for", "formed_by", "start_place", "actor", "relation", "x"])
_FILES = ["actors/all.toml", "relations/all.toml", "events.toml", "pack.toml"]


@st.composite
def _edits(draw):
    return draw(st.lists(st.tuples(st.sampled_from(_FILES), st.integers(0, 80),
                                   st.sampled_from(["set", "drop", "dup", "insert", "garbage"]),
                                   _KEYS, _VALUES), min_size=1, max_size=4))


def _apply(pack: Path, edits) -> None:
    for rel, index, op, key, value in edits:
        path = pack / rel
        lines = path.read_text(encoding="utf-8").split("\n")
        i = index % len(lines)
        if op == "set" and "=" in lines[i]:
            lines[i] = lines[i].split("=", 1)[0] + "= " + value
        elif op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "insert":
            lines.insert(i, f"{key} = {value}")
        elif op == "garbage":
            lines.insert(i, f"[[{key}]]" if index % 2 else f"[{key}")
        path.write_text("\n".join(lines), encoding="utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_edits())
def test_fuzzed_packs_load_or_raise_pack_error(edits):
    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp) / "pack"
        shutil.copytree(MINI, pack)
        _apply(pack, edits)
        try:
            load_pack(pack)
        except PackError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert problem.line >= 1
                assert "\n" not in str(problem)
                path = Path(problem.path)
                if path.is_file():
                    count = path.read_bytes().count(b"\n") + 1
                    assert problem.line <= count, str(problem)

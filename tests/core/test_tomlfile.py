"""explorer.core.tomlfile: reading TOML with `path:line` problems; the lines of tables and keys."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests_support import MINI

from explorer.core import tomlfile
from explorer.core.tomlfile import read_toml


def read(tmp_path: Path, content: str | bytes, name: str = "file.toml"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    problems: list = []
    return read_toml(path, problems), problems, path


def only_problem(tmp_path: Path, content: str | bytes):
    parsed, problems, path = read(tmp_path, content)
    assert parsed is None
    assert len(problems) == 1
    problem = problems[0]
    assert problem.path == path
    return problem


def test_a_good_file_is_parsed_with_no_problem(tmp_path):
    parsed, problems, path = read(tmp_path, 'a = 1\n[t]\nb = "x"\n')
    assert problems == []
    assert parsed.data == {"a": 1, "t": {"b": "x"}}
    assert parsed.path == path and parsed.stem == "file"


def test_a_byte_order_mark_is_read_past(tmp_path):
    parsed, problems, _ = read(tmp_path, b"\xef\xbb\xbfa = 1\n")
    assert problems == [] and parsed.data == {"a": 1}


@pytest.mark.parametrize(("content", "line", "message", "hint"), [
    ('a = 1\nb = "open\nc = 2\n', 2, "a string is not closed on its line", "triple quotes"),
    ('a = 1\nb = """\nmore\n', 2, "a string is never closed", 'add the closing """'),
    ("a = 1\na = 2\n", 2, "a key is set twice in the same table", "keep one of them"),
    ("[t]\n[t]\n", 2, "a table is declared twice", "[[name]] every time"),
    ("a = yes\n", 1, "a value is not valid TOML", "lower case"),
    ("x = [1, 2\ny = 3\n", 2, "an array is not closed", "closing ]"),
    ('a = "c:\\q"\n', 1, "a backslash in a string is not escaped", "single quotes"),
    ("a = 1 2\n", 1, "unexpected text after a value", "one key = value a line"),
    ("a = 1\nname = \u201cRed\u201d\n", 2, "a value is not valid TOML", "straight quotes"),
])
def test_syntax_errors_in_plain_words_on_their_line(tmp_path, content, line, message, hint):
    problem = only_problem(tmp_path, content)
    assert problem.line == line
    assert problem.message == f"is not valid TOML: {message}"
    assert hint in problem.hint
    assert str(problem).startswith(f"{problem.path}:{line}: is not valid TOML: {message}")


def test_nesting_too_deep_is_a_problem_on_its_line(tmp_path):
    problem = only_problem(tmp_path, "a = 1\nb = " + "[" * 3000 + "]" * 3000 + "\n")
    assert (problem.line, problem.message) == (2, "is nested too deeply to read")


def test_bytes_that_are_not_utf8_are_reported_on_their_line(tmp_path):
    problem = only_problem(tmp_path, b'a = 1\nb = 2\nc = "\xff"\n')
    assert (problem.line, problem.message) == (3, "is not valid UTF-8 text")
    assert problem.hint == "save the file as UTF-8"


def test_a_nul_byte_is_a_binary_file(tmp_path):
    problem = only_problem(tmp_path, 'a = 1\nb = "\x00"\n')
    assert problem.line == 2
    assert "NUL byte" in problem.message


def test_a_file_over_the_limit_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(tomlfile, "MAX_FILE_BYTES", 10)
    problem = only_problem(tmp_path, "a = 1\nb = 2\nc = 3\n")
    assert problem.line == 1
    assert problem.message == "is too large (18 bytes; the limit is 10)"
    assert problem.hint == "split it into several files"


def test_a_directory_a_missing_file_and_a_pipe(tmp_path):
    problems: list = []
    assert read_toml(tmp_path, problems) is None
    assert str(problems[-1]) == f"{tmp_path}:1: is a directory, expected a TOML file"
    assert read_toml(tmp_path / "absent.toml", problems) is None
    assert problems[-1].message.startswith("cannot be read: ")
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.toml"
        os.mkfifo(fifo)
        assert read_toml(fifo, problems) is None  # and does not block
        assert problems[-1].message == "is not a regular file"
    assert all(p.line == 1 for p in problems)


@pytest.fixture(scope="module")
def actors():
    problems: list = []
    parsed = read_toml(MINI / "actors" / "all.toml", problems)
    assert problems == []
    return parsed


def test_table_line_is_the_line_of_the_kth_header(actors):
    assert actors.table_line("actor") == 1
    assert actors.table_line("actor", 1) == 11
    assert actors.table_line("actor", 7) == 72
    assert actors.table_line("actor", 8) == 1  # past the end: the top of the file
    assert actors.table_line("nothing") == 1
    assert actors.table_line("actor.seat_claim", 1) == 42


def test_key_line_stays_inside_its_table(actors):
    assert actors.key_line(1, "seats") == 8
    assert actors.key_line(11, "seats") == 18
    assert actors.key_line(46, "members") == 50
    assert actors.key_line(55, "members") == 55  # not in this table: the table's own line


def test_child_and_sub_table_lines(actors):
    assert actors.sub_table_line("actor", 3, "seat_claim", 0) == 38
    assert actors.sub_table_line("actor", 3, "seat_claim", 1) == 42
    assert actors.sub_table_line("actor", 0, "seat_claim", 0) == 1  # none: the parent's line
    assert actors.child_line(30, "seat_claim") == 38
    assert actors.child_line(1, "seat_claim") == 1


LIST_OVER_LINES = '''\
[[bloc]]
id = "b"
members = [
  "one",
  "two",
]
note = "two"

[[bloc]]
id = "c"
text = """
[[bloc]]
a text that looks like a header
"""
members = ["three"]
'''


def test_value_line_finds_an_item_of_a_list_written_over_lines(tmp_path):
    parsed, problems, _ = read(tmp_path, LIST_OVER_LINES)
    assert problems == []
    first = parsed.table_line("bloc", 0)
    assert first == 1
    assert parsed.value_line(first, "members") == 3
    assert parsed.value_line(first, "members", "two") == 5
    assert parsed.value_line(first, "members", "absent") == 3  # falls back to the key
    assert parsed.value_line(first, "note", "two") == 7
    assert parsed.value_line(first, "absent", "two") == 1  # no such key: the table's line


def test_a_header_inside_a_multiline_string_is_not_a_table(tmp_path):
    parsed, _, _ = read(tmp_path, LIST_OVER_LINES)
    assert len(parsed.data["bloc"]) == 2
    second = parsed.table_line("bloc", 1)
    assert second == 9
    assert parsed.table_line("bloc", 2) == 1  # the "[[bloc]]" on line 12 is text
    assert parsed.value_line(second, "members", "three") == 15

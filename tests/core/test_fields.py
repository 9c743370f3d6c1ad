"""explorer.core.fields: typed getters over one TOML table, and the problems they report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from explorer.core.dates import FuzzyDate
from explorer.core.fields import Table, tables, unknown_tables
from explorer.core.tomlfile import read_toml

THING = '''\
[[thing]]
id = "Bad Id"
name = "A thing"
blank = "  "
count = "12"
ratio = 1.5
flag = "yes"
negative = -2
small = 1
truth = true
number = 7
names = "one"
mixed = ["a", 3]
good_names = ["a", "b"]
sources = [
  "https://example.org/ok",
  "not a source",
  "x.txt:0",
]
source = "nowhere"
when = 2020-01-05T10:00:00
day = "2020-01-05"
month = "2020-02"
bad_day = "2020-02-30"
status = "reportd"
nested = { a = 1 }
empty_sources = []
'''


def parse(tmp_path: Path, text: str, name: str = "things.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    problems: list = []
    parsed = read_toml(path, problems)
    assert problems == []
    return parsed


@pytest.fixture()
def thing(tmp_path) -> Table:
    file = parse(tmp_path, THING)
    return Table(file, file.data["thing"][0], file.table_line("thing"), "thing 'x'", [])


def said(table: Table) -> list[tuple[int, str, str | None]]:
    return [(p.line, p.message, p.hint) for p in table.problems]


def test_a_good_value_comes_back_with_no_problem(thing):
    assert thing.valid
    assert thing.text("name") == "A thing"
    assert thing.integer("number", minimum=0) == 7
    assert thing.boolean("truth", default=False) is True
    assert thing.strings("good_names") == ("a", "b")
    assert thing.day("day") == date(2020, 1, 5)
    assert thing.fuzzy("month") == FuzzyDate(date(2020, 2, 1), "month")
    assert thing.choice("name", ("A thing", "other")) == "A thing"
    assert thing.problems == []


def test_a_missing_field_is_reported_only_when_required(thing):
    assert thing.text("absent", required=False, default="d") == "d"
    assert thing.integer("absent", required=False) is None
    assert thing.boolean("absent", default=True) is True
    assert thing.strings("absent") == ()
    assert thing.day("absent") is None
    assert thing.problems == []
    assert thing.text("absent") is None
    assert said(thing) == [(1, "thing 'x' is missing the required field 'absent'", None)]


def test_text_must_be_a_non_empty_string(thing):
    assert thing.text("number") is None
    assert thing.text("blank") is None
    assert thing.text("good_names") is None
    assert said(thing) == [
        (11, "'number' must be a string, not a number", "put the text in double quotes"),
        (4, "'blank' is empty", None),
        (14, "'good_names' must be a string, not a list", None),
    ]


def test_an_id_must_be_lower_case_letters_digits_and_dashes(thing):
    assert thing.ident("id") is None
    assert said(thing) == [(2, "'id' = 'Bad Id' is not a valid id",
                            "use lower-case letters, digits, '-' and '_'")]


def test_a_choice_suggests_the_close_one(thing):
    assert thing.choice("status", ("reported", "disputed")) is None
    assert thing.choice("name", ("x", "y")) is None
    assert said(thing) == [(25, "unknown status 'reportd'", "did you mean 'reported'?"),
                           (3, "unknown name 'A thing'", "use one of: x, y")]


def test_integers_are_whole_unquoted_and_in_range(thing):
    assert thing.integer("count") is None
    assert thing.integer("ratio") is None
    assert thing.integer("truth") is None  # true is not 1
    assert thing.integer("negative", minimum=0) is None
    assert thing.integer("small", minimum=2) is None
    assert said(thing) == [
        (5, "'count' must be a whole number, not '12'", "write the number without quotes"),
        (6, "'ratio' must be a whole number, not 1.5", "only whole numbers are allowed"),
        (10, "'truth' must be a whole number, not True", None),
        (8, "'negative' cannot be negative (-2)", None),
        (9, "'small' must be at least 2, not 1", None),
    ]


def test_a_boolean_is_true_or_false(thing):
    assert thing.boolean("flag", default=False) is False
    assert said(thing) == [(7, "'flag' must be true or false, not 'yes'", None)]


def test_lists_of_strings(thing):
    assert thing.strings("names") == ()
    assert thing.strings("mixed") == ()
    assert thing.strings("nested") == ()
    assert thing.strings("absent", required=True) == ()
    assert said(thing) == [
        (12, "'names' must be a list of strings, not a single string", 'write names = ["one"]'),
        (13, "'mixed' must be a list of strings, but holds 3", "put each item in double quotes"),
        (26, "'nested' must be a list of strings, not a table", None),
        (1, "thing 'x' is missing the required field 'absent'", None),
    ]


def test_sources_keep_the_good_and_report_each_bad_one_on_its_line(thing):
    assert thing.sources() == ("https://example.org/ok",)
    assert said(thing) == [
        (17, "'not a source' is not a source: cite \"<seed file>.txt:<line>\" or an http(s) URL",
         None),
        (18, "seed line numbers start at 1", None),
    ]


def test_sources_missing_or_empty(thing):
    assert thing.sources("citations") == ()
    assert thing.sources("empty_sources") == ()
    assert thing.sources("citations", required=False) == ()
    assert said(thing) == [
        (1, "thing 'x' has no 'citations'", 'cite "<seed file>.txt:<line>" or a URL'),
        (27, "thing 'x' has an empty 'empty_sources' list", None),
    ]


def test_one_source(thing):
    assert thing.source() is None
    assert thing.source("day") is None
    assert said(thing)[0][:2] == (
        20, "'nowhere' is not a source: cite \"<seed file>.txt:<line>\" or an http(s) URL")
    assert said(thing)[1][0] == 22


def test_dates_without_a_time_and_real(thing):
    assert thing.day("when") is None
    assert thing.day("month") is None  # a day is needed
    assert thing.fuzzy("bad_day") is None
    assert thing.fuzzy("when") is None
    lines = [(line, message) for line, message, _ in said(thing)]
    assert lines == [
        (21, "'when' must be a date without a time of day, not 2020-01-05 10:00:00"),
        (23, "'month': '2020-02' needs a day: write YYYY-MM-DD"),
        (24, "'bad_day': '2020-02-30' is not a real date (day is out of range for month)"),
        (21, "'when' must be a date without a time of day, not 2020-01-05 10:00:00"),
    ]
    assert said(thing)[0][2] == 'write when = "2020-01-05"'


def test_unknown_keys_are_named_with_a_suggestion(tmp_path):
    file = parse(tmp_path, '[[actor]]\nid = "a"\nnmae = "x"\nzzz = 1\n')
    table = Table(file, file.data["actor"][0], 1, "actor 'a'", [])
    table.check_keys({"id", "name"})
    assert said(table) == [(3, "unknown field 'nmae' in actor 'a'", "did you mean 'name'?"),
                           (4, "unknown field 'zzz' in actor 'a'", "known: id, name")]


def test_a_table_that_is_not_a_table(tmp_path):
    file = parse(tmp_path, "thing = [1]\n")
    problems: list = []
    table = Table(file, 1, 1, "thing #1", problems)
    assert not table.valid
    assert [str(p) for p in problems] == [f"{file.path}:1: thing #1 must be a table, not a number"]
    assert table.text("id", required=False) is None  # reads as empty, with no second problem
    assert len(problems) == 1


def test_unknown_tables_and_keys_of_a_file(tmp_path):
    file = parse(tmp_path, '[[actor]]\nid = "a"\n\n[[relaton]]\nid = "r"\n\n[misc]\nx = 1\n',
                 "actors.toml")
    problems: list = []
    assert unknown_tables(file, ("actor", "relation"), problems) == 2
    assert [(p.line, p.message, p.hint) for p in problems] == [
        (4, "unknown table [[relaton]] in actors.toml", "did you mean [[relation]]?"),
        (7, "unknown table [misc] in actors.toml", "actors.toml holds [[actor]] and [[relation]]"),
    ]
    problems.clear()
    assert unknown_tables(file, ("actor",), problems, ignore={"relaton", "misc"}) == 0
    assert problems == []


def test_an_unknown_top_level_key_is_found_on_its_line(tmp_path):
    file = parse(tmp_path, 'title = "x"\n\n[[actor]]\nid = "a"\n', "actors.toml")
    problems: list = []
    assert unknown_tables(file, ("actor",), problems) == 1
    assert [(p.line, p.message) for p in problems] == [(1, "unknown key 'title' in actors.toml")]


def test_tables_gives_each_table_with_its_line(tmp_path):
    file = parse(tmp_path, '[[actor]]\nid = "a"\n\n[[actor]]\nid = "b"\n')
    problems: list = []
    assert tables(file, "actor", problems) == [({"id": "a"}, 1), ({"id": "b"}, 4)]
    assert problems == []


def test_tables_reports_a_file_without_them(tmp_path):
    file = parse(tmp_path, '[[Actor]]\nid = "a"\n')
    problems: list = []
    assert tables(file, "actor", problems) == []
    assert [(p.line, p.message, p.hint) for p in problems] == [
        (1, "unknown table [[Actor]] in things.toml", "did you mean [[actor]]?")]
    empty = parse(tmp_path, "# nothing yet\n", "empty.toml")
    problems.clear()
    assert tables(empty, "actor", problems) == []
    assert [(p.line, p.message) for p in problems] == [(1, "has no [[actor]] tables")]
    assert tables(empty, "actor", problems, only=False) == []  # a file that holds more
    assert len(problems) == 1


def test_tables_written_as_a_single_table(tmp_path):
    file = parse(tmp_path, '[actor]\nid = "a"\n')
    problems: list = []
    assert tables(file, "actor", problems) == []
    assert [(p.line, p.message) for p in problems] == [
        (1, "'actor' must be written as [[actor]]")]

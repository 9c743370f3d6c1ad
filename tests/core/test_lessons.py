"""Lessons: finding, stepping, resuming, and the engine's numbers in the answers."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from tests_support import copy_mini

from explorer.core.lessons import (
    PROGRESS_FILE,
    LessonRun,
    Progress,
    UnknownLesson,
    data_dir,
    find_lesson,
)

MINI_LESSON = """\
[lesson]
id = "largest"
title = "Does the largest list win?"
summary = "Four seats are not six."

[[step]]
title = "The count"
narration = "The Reds won the most seats."
date = "2020-01-10"
coalition = ["reds"]
pm = "ann"
focus = "ann"
question = "Does the largest list form the government?"
answer = "Not on its own."

[[step]]
title = "A partner"
narration = "The Reds look for a partner."
coalition = ["reds", "greens"]
pm = "ann"
focus = "greens"
question = "Can they govern?"

[[step]]
title = "The merger"
narration = "Blues and Greens merge."
date = "2020-04-01"
coalition = ["blue_green"]
focus = "blue_green"
"""


def mini_with_lessons(folder: Path) -> Path:
    """The tiny pack plus one lesson, in a temporary folder."""
    pack = copy_mini(folder, "mini-lessons")
    (pack / "lessons").mkdir()
    (pack / "lessons" / "largest.toml").write_text(MINI_LESSON, encoding="utf-8")
    return pack


@pytest.fixture(scope="module")
def lesson_atlas(tmp_path_factory):
    from explorer.core.graph import Atlas
    from explorer.core.loader import load_pack

    return Atlas(load_pack(mini_with_lessons(tmp_path_factory.mktemp("pack"))))


# -- finding --------------------------------------------------------------------------------------

def test_find_by_id_prefix_and_title_prefix(lesson_atlas):
    pack = lesson_atlas.pack
    assert find_lesson(pack, "largest").id == "largest"
    assert find_lesson(pack, "LARG").id == "largest"
    assert find_lesson(pack, "does the largest").id == "largest"


def test_unknown_lesson_lists_the_lessons(lesson_atlas):
    with pytest.raises(UnknownLesson) as info:
        find_lesson(lesson_atlas.pack, "who-lost")
    assert "largest" in str(info.value)
    assert [le.id for le in info.value.candidates] == ["largest"]


# -- stepping -------------------------------------------------------------------------------------

def test_stepping_next_previous_goto(lesson_atlas):
    run = LessonRun(lesson_atlas, "largest", resume=False)
    assert run.at_start and not run.at_end and run.counter == "Step 1 of 3"
    assert run.step.title == "The count"
    assert run.previous() is False and run.index == 0
    assert run.next() and run.step.title == "A partner"
    assert run.next() and run.at_end and run.step.title == "The merger"
    assert run.next() is False and run.index == 2
    assert run.previous() and run.current.title == "A partner"
    assert run.goto(99).title == "The merger"
    assert run.goto(-5).title == "The count"


def test_a_step_without_a_date_keeps_the_previous_date(lesson_atlas):
    run = LessonRun(lesson_atlas, "largest", resume=False)
    assert run.date_of(1).isoformat() == "2020-01-10"
    assert run.date_of(2).isoformat() == "2020-04-01"


def test_progress_is_saved_and_resumed(lesson_atlas, tmp_path, monkeypatch):
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(tmp_path / "data"))
    run = LessonRun(lesson_atlas, "largest", progress=Progress())
    run.next()
    run.next()
    saved = json.loads((tmp_path / "data" / PROGRESS_FILE).read_text())
    assert saved["lessons"]["mini/largest"] == {"step": 2, "steps": 3}
    again = LessonRun(lesson_atlas, "largest", progress=Progress())
    assert again.index == 2 and again.step.title == "The merger"
    # an explicit step wins over the saved one, and is saved in turn
    fresh = LessonRun(lesson_atlas, "largest", step=0, progress=Progress())
    assert fresh.index == 0
    assert Progress().get("mini", "largest") == 0
    # no temporary files are left behind by the atomic writes
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == [PROGRESS_FILE]


def test_a_broken_progress_file_starts_at_the_beginning(lesson_atlas, tmp_path, monkeypatch):
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(tmp_path))
    (tmp_path / PROGRESS_FILE).write_text("{not json", encoding="utf-8")
    run = LessonRun(lesson_atlas, "largest", progress=Progress())
    assert run.index == 0


def test_data_dir_order(monkeypatch, tmp_path):
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(tmp_path / "x"))
    assert data_dir() == tmp_path / "x"
    monkeypatch.delenv("EXPLORER_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / "kingmaker"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert data_dir() == tmp_path / "home" / ".local" / "share" / "kingmaker"


# -- numbers --------------------------------------------------------------------------------------

def test_numbers_of_the_mini_steps(lesson_atlas):
    run = LessonRun(lesson_atlas, "largest", resume=False)
    answer = run.answer()
    assert answer[0] == "Not on its own."
    assert "Red List: 4 seats of 10." in answer
    assert "Majority: 2 short of 6." in answer
    run.next()
    nums = run.numbers()
    assert nums.evaluation.low == 7 and not nums.evaluation.feasible
    assert any("hard refusal" in line for line in run.answer())
    run.next()
    # after the merger the bloc alone holds the majority: all the power
    rows = {r.id: r for r in run.numbers().power}
    assert rows["blue_green"].banzhaf == 1 and rows["reds"].banzhaf == 0


# -- the bundled pack -----------------------------------------------------------------------------

def test_bundled_who_won_answers_the_largest_list_question_with_numbers(bundled_atlas):
    lesson = find_lesson(bundled_atlas.pack, "who-won")
    run = LessonRun(bundled_atlas, lesson, resume=False)
    index = next(i for i, s in enumerate(run.steps)
                 if s.question and "largest" in s.question.casefold())
    run.goto(index)
    nums = run.numbers()
    largest = nums.largest()
    assert largest.id == "iraqiya" and largest.seats == 91
    text = "\n".join(run.answer())
    assert "91 seats" in text and "72 short of 163" in text
    # seats are not power: the Banzhaf share differs from the seat share
    assert "Banzhaf" in text
    assert largest.banzhaf != largest.seat_share


def test_bundled_seats_are_not_power(bundled_atlas):
    lesson = find_lesson(bundled_atlas.pack, "how-maliki")
    run = LessonRun(bundled_atlas, lesson, resume=False)
    index = next(i for i, s in enumerate(run.steps)
                 if s.question and "power" in s.question.casefold())
    rows = run.numbers(index).power
    assert sum(r.seats for r in rows) == bundled_atlas.pack.parliament_size
    assert sum(r.banzhaf for r in rows) == 1 and sum(r.shapley_shubik for r in rows) == 1
    # some unit's share of power is far from its share of seats
    assert max(abs(r.banzhaf - r.seat_share) for r in rows) > Fraction(1, 10)
    assert any(line.startswith("Seats are not power") for line in run.answer(index))


def test_bundled_lessons_load_and_every_step_has_numbers(bundled_atlas):
    pack = bundled_atlas.pack
    assert {"who-won", "how-maliki-kept-power"} <= set(pack.lessons)
    for lesson in pack.lessons.values():
        run = LessonRun(bundled_atlas, lesson, resume=False)
        for i in range(run.count):
            data = run.as_json(i)
            assert data["facts"], (lesson.id, i)
            json.dumps(data)


# -- the command ----------------------------------------------------------------------------------

def test_cli_lesson_list_and_json(tmp_path, capsys):
    from explorer.cli import main

    pack = str(mini_with_lessons(tmp_path))
    assert main(["lesson", "--list", "--content", pack]) == 0
    assert "largest" in capsys.readouterr().out
    assert main(["lesson", "--list", "--json", "--content", pack]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == [{"id": "largest", "title": "Does the largest list win?",
                       "summary": "Four seats are not six.", "steps": 3}]
    assert main(["lesson", "does the", "--json", "--content", pack]) == 0
    steps = json.loads(capsys.readouterr().out)["steps"]
    assert [s["title"] for s in steps] == ["The count", "A partner", "The merger"]
    assert "Majority: 2 short of 6." in steps[0]["facts"]


def test_cli_unknown_lesson_lists_the_lessons(tmp_path, capsys):
    from explorer.cli import main

    pack = str(mini_with_lessons(tmp_path))
    assert main(["lesson", "nope", "--content", pack]) == 2
    err = capsys.readouterr().err
    assert "no lesson called 'nope'" in err and "largest" in err
    assert main(["lesson", "largest", "--step", "9", "--content", pack]) == 2
    assert "steps 1 to 3" in capsys.readouterr().err

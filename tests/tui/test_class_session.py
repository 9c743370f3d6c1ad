"""Served class sessions in Pilot: joining, separate folders, follow mode, hand-ins, the board.

Each app is one student's (or the teacher's) process; they share only the class folder and its
database, as they do under `explorer serve`.
"""

from __future__ import annotations

import pytest
from class_helpers import class_app, join, lesson_pack
from tui_helpers import painted

from explorer.core.classroom import ClassStore
from explorer.tui.join_screen import JoinScreen
from explorer.tui.lesson_screen import LessonScreen

SIZE = (110, 34)


@pytest.fixture
def classroom(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a session moves into its student's folder: put cwd back after
    return lesson_pack(tmp_path), tmp_path / "class"


async def test_two_sessions_keep_separate_progress_and_saves(classroom):
    pack, folder = classroom
    app = class_app(pack, folder)
    async with app.run_test(size=SIZE) as pilot:
        await join(pilot, "amira")
        assert isinstance(app.screen, LessonScreen)
        await pilot.press("right", "right")
        assert app.screen.run.index == 2
        app.switch_mode("adventure")
        await pilot.pause()
        reply = app.screen.run_command("save plan")
        assert "plan" in reply and str(folder) not in reply  # no server path for the student
    assert (folder / "amira" / "saves" / "plan.json").is_file()

    other = class_app(pack, folder)
    async with other.run_test(size=SIZE) as pilot:
        await join(pilot, "bo")
        assert other.screen.run.index == 0  # bo starts at step 1, not at amira's step 3
        other.switch_mode("adventure")
        await pilot.pause()
        assert "no save called" in other.screen.run_command("restore plan").lower()
        other.screen.run_command("save plan")
    assert (folder / "bo" / "saves" / "plan.json").is_file()
    assert (folder / "amira" / "saves" / "plan.json").read_bytes() != b""

    again = class_app(pack, folder)
    async with again.run_test(size=SIZE) as pilot:
        await join(pilot, "amira")  # coming back with the same name resumes
        assert again.screen.run.index == 2


async def test_join_refuses_a_wrong_code_a_bad_name_and_a_name_in_use(classroom):
    pack, folder = classroom
    ClassStore(folder).join("taken", "another-tab")
    app = class_app(pack, folder, code="ROOM42")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, JoinScreen)
        for name, code, expected in [("amira", "", "Type the class code"),
                                     ("amira", "nope", "not the class code"),
                                     ("../etc", "ROOM42", "one word"),
                                     ("taken", "ROOM42", "already connected")]:
            screen.join(name, code)  # what the Join button does (join() below presses it)
            await pilot.pause()
            assert app.screen is screen
            assert expected in str(screen.query_one("#join-error").visual)
        await join(pilot, "amira", "room42")  # codes are not case-sensitive for students
        assert app.class_session.name == "amira" and not app.class_session.teacher


async def test_follow_mode_moves_the_student_and_lets_them_look_around(classroom):
    pack, folder = classroom
    teacher = ClassStore(folder)
    teacher.join("ms-k", "teacher-tab", role="teacher")
    teacher.set_follow(True)
    teacher.set_step("largest", 1, "ms-k")
    app = class_app(pack, folder)
    async with app.run_test(size=SIZE) as pilot:
        await join(pilot, "amira")
        screen = app.screen
        await pilot.pause(0.8)
        assert screen.run.index == 1  # moved to the teacher's step
        teacher.set_step("largest", 2, "ms-k")
        teacher.still_here("ms-k", "teacher-tab")
        await pilot.pause(0.8)
        assert screen.run.index == 2
        await pilot.press("left")  # look back on their own
        await pilot.pause(0.8)
        assert screen.run.index == 1 and not app.class_session.following
        teacher.set_step("largest", 0, "ms-k")
        await pilot.pause(0.8)
        assert screen.run.index == 1  # not dragged while looking around
        await pilot.press("R")  # back to the teacher
        await pilot.pause()
        assert screen.run.index == 0 and app.class_session.following
        teacher.leave("ms-k", "teacher-tab")  # the teacher leaves: the student keeps the step
        await pilot.pause(0.8)
        assert screen.run.index == 0


async def test_the_teacher_leads_and_the_board_shows_two_hand_ins(classroom):
    pack, folder = classroom
    student = class_app(pack, folder)
    async with student.run_test(size=SIZE) as pilot:
        await join(pilot, "group-1")
        await pilot.press("right")  # step 2 puts reds + blues on the table
        await pilot.press("S")
        await pilot.pause()
    subs = ClassStore(folder).submissions("largest")
    assert [(s.name, s.step, s.members) for s in subs] == [("group-1", 1, ("reds", "blues"))]

    other = class_app(pack, folder)
    async with other.run_test(size=SIZE) as pilot:
        await join(pilot, "group-2")
        other.switch_mode("adventure")
        await pilot.pause()
        other.screen.run_command("dismiss reds")  # the lesson's step put the reds on the table
        other.screen.run_command("invite greens")
        assert "Handed in" in other.screen.run_command("submit we tried")
    assert ClassStore(folder).submissions("largest")[1].members == ("greens",)

    app = class_app(pack, folder)
    async with app.run_test(size=SIZE) as pilot:
        await join(pilot, "ms-k", "TEACH")
        assert app.class_session.teacher
        await pilot.press("right")
        assert ClassStore(folder).lead().step == 1  # the teacher's step is the class's
        await pilot.press("B")
        await pilot.pause()
        from textual.widgets import DataTable

        from explorer.tui.board_screen import BoardScreen

        board = app.screen
        assert isinstance(board, BoardScreen)
        table = board.query_one(DataTable)
        assert table.row_count == 2
        groups = [str(table.get_row_at(i)[0]) for i in range(2)]
        assert groups == ["group-1", "group-2"]
        tally = str(board.query_one("#board-tally").visual)
        assert tally.startswith("1 group found a feasible majority, 1 group did not")
        for theme in ("projector", "textual-light"):  # the verdicts take the theme's colours
            app.theme = theme
            await pilot.pause()
            await pilot.pause()
            colors = app.theme_variables
            assert colors["verdict-yes"].lower() in painted(table, "y")  # "yes" (feasible)
            assert colors["verdict-no"].lower() in painted(table, "h")  # 'short'
        ClassStore(folder).submit(ClassStore(folder).submissions("largest")[1].__class__(
            "group-3", "largest", 2, "2020-01-10", ("reds", "greens"), None))
        await pilot.pause(1.3)  # live: the board reads the database every second
        assert table.row_count == 3
        await pilot.press("m")  # export: a file in the teacher's folder in a terminal
        await pilot.pause()
    exported = list((folder / "ms-k" / "exports").glob("ms-k-largest-board-*.md"))
    assert len(exported) == 1 and "| group-3 |" in exported[0].read_text(encoding="utf-8")


async def test_the_last_step_ends_the_lesson(classroom):
    pack, folder = classroom
    app = class_app(pack, folder)
    async with app.run_test(size=SIZE) as pilot:
        await join(pilot, "amira")
        await pilot.press("right", "right", "right")
        from explorer.tui.lesson_end import LessonEndScreen

        assert isinstance(app.screen, LessonEndScreen)
        assert "What to hand in" in str(app.screen.query_one("#end-text").visual)
        await pilot.press("escape")
        assert isinstance(app.screen, LessonScreen) and app.screen.run.index == 2


async def test_hand_outs_go_to_the_students_folder_named_after_them(classroom):
    """In a terminal (Pilot) the report, the graph and F12 are files in the student's folder;
    in a browser the same calls deliver downloads (tests/test_serve_class.py)."""
    pack, folder = classroom
    app = class_app(pack, folder)
    async with app.run_test(size=SIZE) as pilot:
        await join(pilot, "amira")
        app.action_download("report")
        app.action_download("graph")
        await pilot.press("f12")
        await pilot.pause()
    exports = sorted(p.name for p in (folder / "amira" / "exports").iterdir())
    assert [name.split("-2")[0] for name in exports] == [
        "amira-largest-coalition-report", "amira-largest-graph", "amira-largest-screenshot"]
    report = next((folder / "amira" / "exports").glob("*coalition-report*.md"))
    assert report.read_text(encoding="utf-8").startswith("#")


async def test_the_join_screen_comes_alone_and_nothing_opens_before_joining(classroom):
    """A served tab's first frame is the join screen only (the explorer is built once the
    student has joined), and no key opens another screen before that: a student cannot walk
    past the join screen with F2-F5 or the command keys."""
    from textual.app import UnknownModeError

    pack, folder = classroom
    app = class_app(pack, folder, lesson=None)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, JoinScreen)
        assert app.current_mode == "join"
        for key in ("f2", "f3", "f4", "f5", "t"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, JoinScreen), key
        assert app.class_session is None
        await join(pilot, "amira")
        assert app.current_mode == "explore" and app.class_session.name == "amira"
        with pytest.raises(UnknownModeError):  # the join mode is gone once joined
            app.switch_mode("join")
        await pilot.press("f3")
        await pilot.pause()
        assert app.current_mode == "coalition"  # and the keys work again

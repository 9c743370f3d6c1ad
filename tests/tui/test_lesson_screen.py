"""The lesson screen in Pilot: stepping, the answer, the app's state, resume, and one snapshot."""

from __future__ import annotations

import io

import pytest
from rich.text import Text

from explorer.core.lessons import Progress, find_lesson
from explorer.tui.lesson_screen import LessonScreen
from explorer.tui.table_state import TableApp

SIZE = (100, 30)


class LessonTestApp(TableApp):
    """The smallest app the lesson screen needs: the table state and a projector."""

    def __init__(self, atlas, lesson_id: str | None, step: int | None = None,
                 present: bool = False):
        super().__init__(atlas, atlas.pack.default_date)
        self.lesson_id = lesson_id
        self.step = step
        self.present = present
        if present:
            from explorer.tui.themes import PROJECTOR

            self.register_theme(PROJECTOR)
            self.theme = "projector"

    def on_mount(self) -> None:
        self.push_screen(LessonScreen(self.lesson_id, self.step))


def text_of(screen, selector: str) -> str:
    """The plain text a Static shows (rich renderables are rendered wide, without styles)."""
    from rich.console import Console
    from textual.widgets import Static

    content = screen.query_one(selector, Static).content
    if isinstance(content, str):
        return content
    if isinstance(content, Text):
        return content.plain
    console = Console(width=200, record=True, file=io.StringIO(), color_system=None)
    console.print(content)
    return console.export_text()


def who_won(atlas):
    return find_lesson(atlas.pack, "who-won")


async def test_step_with_arrows_and_letters(bundled_atlas):
    lesson = who_won(bundled_atlas)
    titles = [s.title for s in lesson.steps]
    assert len(titles) >= 3
    app = LessonTestApp(bundled_atlas, "who-won", step=0)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        assert text_of(screen, "#lesson-title") == titles[0]
        assert f"Step 1 of {len(titles)}" in text_of(screen, "#lesson-counter")
        await pilot.press("right")
        assert text_of(screen, "#lesson-title") == titles[1]
        await pilot.press("f")
        assert text_of(screen, "#lesson-title") == titles[2]
        assert f"Step 3 of {len(titles)}" in text_of(screen, "#lesson-counter")
        await pilot.press("left")
        assert text_of(screen, "#lesson-title") == titles[1]
        await pilot.press("b")
        assert text_of(screen, "#lesson-title") == titles[0]
        await pilot.press("b")  # nothing before the first step
        assert text_of(screen, "#lesson-title") == titles[0]


async def test_each_step_puts_its_picture_on_the_app(bundled_atlas):
    lesson = who_won(bundled_atlas)
    app = LessonTestApp(bundled_atlas, "who-won", step=0)
    async with app.run_test(size=SIZE) as pilot:
        for i, step in enumerate(lesson.steps):
            screen = app.screen
            assert screen.run.index == i
            assert app.state.on == screen.run.date_of()
            assert app.state.coalition.pm == step.pm
            if step.coalition:
                ev = app.state.evaluate(completions=False)
                assert ev.low == screen.run.numbers().evaluation.low
            await pilot.press("right")
        assert app.revision > 0  # the app heard of every step's change


async def test_answer_shows_the_engines_numbers(bundled_atlas):
    lesson = who_won(bundled_atlas)
    index = next(i for i, s in enumerate(lesson.steps)
                 if s.question and "largest" in s.question.casefold())
    app = LessonTestApp(bundled_atlas, "who-won", step=index)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert "largest" in text_of(screen, "#lesson-question").casefold()
        assert "72 short" not in text_of(screen, "#lesson-answer")
        await pilot.press("space")
        answer = text_of(screen, "#lesson-answer")
        assert "91 seats" in answer and "72 short of 163" in answer
        await pilot.press("right")  # a new step hides the answer again
        assert "72 short of 163" not in text_of(screen, "#lesson-answer")


async def test_leaving_and_coming_back_resumes(bundled_atlas):
    app = LessonTestApp(bundled_atlas, "who-won", step=0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "right")
        step_title = text_of(app.screen, "#lesson-title")
        await pilot.press("escape")
        assert not isinstance(app.screen, LessonScreen)
        assert Progress().get(bundled_atlas.pack.id, "who-won") == 2
        app.push_screen(LessonScreen("who-won"))  # no step: resume
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert text_of(app.screen, "#lesson-title") == step_title


async def test_no_lesson_id_opens_the_last_lesson_used(bundled_atlas):
    other = next(le.id for le in bundled_atlas.pack.lessons.values() if le.id != "who-won")
    Progress().set(bundled_atlas.pack.id, other, 1, len(bundled_atlas.pack.lessons[other].steps))
    app = LessonTestApp(bundled_atlas, None)
    async with app.run_test(size=SIZE):
        assert app.screen.lesson_id == other and app.screen.run.index == 1


async def test_the_real_app_opens_the_lesson_and_leaving_gives_the_students_work_back(
        bundled_atlas):
    from explorer.tui.app import make_app

    pack = bundled_atlas.pack
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        mine = [u.id for u in app.state.picture.units[:2]]
        for unit in mine:
            app.add_member(unit)
        own_date = app.on
        await pilot.press("l")  # the lessons
        for _ in range(40):
            if isinstance(app.screen, LessonScreen) and app.screen.run is not None:
                break
            await pilot.pause(0.05)
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        await pilot.press("right", "right")
        assert app.state.on == screen.run.date_of()  # the lesson shows its own picture
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LessonScreen)
        assert list(app.state.coalition.members) == mine
        assert app.on == own_date
        await pilot.press("c", "u")  # undo walks back through the student's own edits
        assert list(app.state.coalition.members) == mine[:1]
        assert pack.lessons  # the bundled pack has lessons


async def test_a_resumed_lesson_says_where_it_resumed(bundled_atlas):
    from explorer.tui.app import make_app

    lesson = who_won(bundled_atlas)
    Progress().set(bundled_atlas.pack.id, lesson.id, 2, len(lesson.steps))
    app = make_app(atlas=bundled_atlas)
    seen = []
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.notify = lambda message, **kw: seen.append(message)  # capture the notice
        await pilot.press("l")
        for _ in range(40):
            if isinstance(app.screen, LessonScreen) and app.screen.run is not None:
                break
            await pilot.pause(0.05)
        assert app.screen.run.index == 2
        assert any("step 3 of" in m and "where you left it" in m for m in seen), seen


def test_snapshot_lesson_screen(snap_compare, bundled_atlas):
    lesson = who_won(bundled_atlas)
    index = next((i for i, s in enumerate(lesson.steps) if s.question), 0)

    async def show_answer(pilot):
        await pilot.press("space")
        await pilot.pause()

    app = LessonTestApp(bundled_atlas, "who-won", step=index, present=True)
    assert snap_compare(app, terminal_size=SIZE, run_before=show_answer)


@pytest.fixture(autouse=True)
def _fresh_progress(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(tmp_path / "data"))

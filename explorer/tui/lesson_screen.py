"""The lesson screen: a narrated walk through a lesson, one step at a time.

Each step shows its narration and question in a large panel, a card on the focus actor beside it,
and the step's coalition on a seat bar with the thresholds. `a` turns the card into the answer:
the lesson's own words and the engine's numbers (seats against every threshold, feasibility, and
the power indices against the seat shares).
Every step puts its date and coalition on the app's state, which during a lesson is the lesson's
own copy (`app.begin_lesson()`): leaving the lesson gives the student's coalition and date back.
Progress is saved; opening the lesson again resumes there, and says so.

The screen needs a `TableApp` (table_state.py): `app.atlas`, `app.state` and `app.set_date(d)`.
Built with no lesson id (the app's
"lesson" mode does that), it opens `app.lesson` if the app names one, else the lesson used last,
else the pack's first lesson; `l` picks another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from explorer.core.lessons import (
    LessonRun,
    Progress,
    UnknownLesson,
    find_lesson,
)
from explorer.tui.class_actions import LessonClassActions
from explorer.tui.fmt import kind_name
from explorer.tui.footer import KeyFooter
from explorer.tui.hemicycle import Hemicycle, show_chamber
from explorer.tui.lesson_parts import LessonPicker, answer_renderable, bar_model, long_date
from explorer.tui.seatbar import SeatBar
from explorer.tui.textual_internals import OneFramePerLayout, SettledStatic, set_border_title

if TYPE_CHECKING:
    pass


class LessonScreen(LessonClassActions, OneFramePerLayout, Screen):  # styled in app.tcss
    """A lesson, step by step (`step` is 0-based; None resumes at the saved step)."""

    HELP_TITLE = "Lessons"
    HELP = (
        "A lesson walks through the crisis one step at a time: read the narration and the "
        "question, think, then press Space for the answer and the engine's numbers. → and ← "
        "(or f and b) move between steps, g goes back to the first step, l picks another "
        "lesson. A lesson uses its own coalition and date: yours are given back when you "
        "leave (Esc). Your place in each lesson is kept for next time."
    )

    BINDINGS = [
        Binding("right,f", "next", "Next", key_display="→", id="forward"),
        Binding("left,b", "previous", "Back", key_display="←", id="back"),
        Binding("space", "answer", "Answer", key_display="Space", id="answer"),
        Binding("l", "pick", "Lessons", id="lessons"),
        Binding("home,g", "first", "First step", show=False, id="first"),
        Binding("escape", "leave", "Leave", id="leave"),
        Binding("h", "toggle_chamber", "Hemicycle", show=False, id="hemicycle"),
        Binding("S", "hand_in", "Hand in", id="hand-in"),  # the class keys: only in a class
        Binding("R", "teacher_step", "Teacher's step", id="teacher-step"),
        Binding("B", "board", "Class board", id="class-board"),
    ]

    def __init__(self, lesson_id: str | None = None, step: int | None = None, *,
                 name: str | None = None, id: str | None = None, classes: str | None = None):
        super().__init__(name=name, id=id, classes=classes)
        self.lesson_id = lesson_id
        self.start_step = step
        self.run: LessonRun | None = None
        self.answer_shown = False
        self.focus_name = ""
        self._chamber_on = False  # h: the hemicycle instead of the seat bar (tall windows)
        self._chamber: tuple = ()

    # -- layout -----------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="lesson-head"):
            yield SettledStatic("", id="lesson-name", markup=False)
            yield SettledStatic("", id="lesson-counter", markup=False)
        with Horizontal(id="lesson-main"):
            with VerticalScroll(id="lesson-body"):
                yield SettledStatic("", id="lesson-title", markup=False)
                yield SettledStatic("", id="lesson-narration", markup=False)
                yield SettledStatic("", id="lesson-question", markup=False)
                yield SettledStatic("", id="lesson-hint", markup=False)
            with VerticalScroll(id="lesson-side"):
                yield SettledStatic("", id="lesson-focus", markup=False)
                yield SettledStatic("", id="lesson-answer", markup=False)
        yield SeatBar(id="lesson-bar")
        yield Hemicycle(id="lesson-hemicycle")
        yield KeyFooter()

    def action_toggle_chamber(self) -> None:
        self._chamber_on = not self._chamber_on
        if not show_chamber(self, self._chamber_on) and self._chamber_on:
            self.notify("The hemicycle needs a taller window; the seat bar stays.")

    def on_resize(self, _event) -> None:
        show_chamber(self, self._chamber_on)

    def on_mount(self) -> None:
        if getattr(self.app, "present", False):
            self.add_class("-present")
        self.open_lesson(self.lesson_id, self.start_step)
        if getattr(self.app, "class_session", None) is not None:
            from explorer.tui.class_hooks import attach_lesson

            attach_lesson(self)

    def open_lesson(self, lesson_id: str | None, step: int | None = None) -> None:
        """Open a lesson (None: the app's, else the last used, else the first); resume at its
        saved step when no step is given."""
        atlas = self.app.atlas
        pack = atlas.pack
        progress = Progress()
        if lesson_id is None:
            lesson_id = getattr(self.app, "lesson", None)
            if lesson_id is not None and step is None:
                step = getattr(self.app, "lesson_step", None)
        if lesson_id is None:
            last = progress.last(pack.id)
            lesson_id = last if last in pack.lessons else next(iter(pack.lessons), None)
        if lesson_id is None:
            self.run = None
            self._show_empty()
            return
        try:
            lesson = find_lesson(pack, lesson_id)
        except UnknownLesson as exc:
            if not pack.lessons:
                self.run = None
                self._show_empty()
                return
            self.notify(str(exc), severity="warning", markup=False)
            lesson = next(iter(pack.lessons.values()))
            step = None
        self.lesson_id = lesson.id
        self.run = LessonRun(atlas, lesson, step=step, progress=progress)
        if step is None and not self.run.at_start:
            self.notify(f"Back at step {self.run.index + 1} of {len(lesson.steps)} of "
                        f"“{lesson.title}”, where you left it; g goes to the first step.",
                        title="Lesson resumed", markup=False, timeout=6)
        self.query_one("#lesson-name", Static).update(
            Text(f"Lesson · {lesson.title}", no_wrap=True, overflow="ellipsis"))
        self.show_step()

    def _show_empty(self) -> None:
        pack = self.app.atlas.pack
        self.query_one("#lesson-name", Static).update(Text("Lessons"))
        self.query_one("#lesson-counter", Static).update(Text(""))
        self.query_one("#lesson-title", Static).update(Text(f"{pack.title} has no lessons."))
        self.query_one("#lesson-narration", Static).update(Text(
            "A lesson is a file in the pack's lessons/ folder: see content/README.md."))
        for wid in ("#lesson-question", "#lesson-hint", "#lesson-side"):
            self.query_one(wid).display = False
        self.refresh_bindings()

    def on_screen_resume(self) -> None:
        """Coming back to the lesson puts the step's picture back on the app."""
        if self.run is not None and self.is_mounted:
            self.call_after_refresh(self._apply_to_app)

    # -- drawing ----------------------------------------------------------------------------------
    @property
    def step_title(self) -> str:
        return self.run.step.title if self.run else ""

    def show_step(self) -> None:
        """Draw the current step and put its picture on the app."""
        lesson_run = self.run
        step = lesson_run.step
        on = lesson_run.date_of()
        self.answer_shown = False
        self.query_one("#lesson-counter", Static).update(
            Text(f"{lesson_run.counter} · {long_date(on)}", no_wrap=True))
        self.query_one("#lesson-title", Static).update(Text(step.title))
        self.query_one("#lesson-narration", Static).update(Text(step.narration))
        question = self.query_one("#lesson-question", Static)
        question.update(Text(f"? {step.question}") if step.question else Text(""))
        question.display = bool(step.question)
        hint = ("Press Space for the answer and the engine's numbers." if step.question
                else "Press Space for the engine's numbers.")
        self.query_one("#lesson-hint", Static).update(Text(hint))
        self._draw_focus(step.focus)
        self._draw_side()
        numbers = lesson_run.numbers()
        model = bar_model(self.app.atlas, numbers)
        self.query_one(SeatBar).show(model)
        self._chamber = (model, numbers.picture)
        show_chamber(self, self._chamber_on)
        self.query_one("#lesson-body", VerticalScroll).scroll_home(animate=False)
        self._apply_to_app()
        self.refresh_bindings()
        if getattr(self.app, "class_session", None) is not None:
            from explorer.tui.class_hooks import lesson_shown

            lesson_shown(self)

    def _draw_side(self) -> None:
        """The right-hand card: the focus actor, or (after `a`) the answer."""
        side = self.query_one("#lesson-side", VerticalScroll)
        answer = self.query_one("#lesson-answer", Static)
        focus = self.query_one("#lesson-focus", Static)
        side.set_class(self.answer_shown, "-answer")
        self.query_one("#lesson-hint", Static).display = not self.answer_shown
        if self.answer_shown:
            answer.update(answer_renderable(self.run))
            set_border_title(side, "Answer")
        else:
            answer.update("")
            set_border_title(side, self.focus_name)
        answer.display = self.answer_shown
        focus.display = not self.answer_shown and bool(self.focus_name)
        side.display = self.answer_shown or bool(self.focus_name)
        side.scroll_home(animate=False)

    def _draw_focus(self, focus_id: str | None) -> None:
        pack = self.app.atlas.pack
        actor = pack.actors.get(focus_id) if focus_id else None
        self.focus_name = actor.name if actor else ""
        widget = self.query_one("#lesson-focus", Static)
        if actor is None:
            widget.update("")
            return
        text = Text()
        facts = [kind_name(actor.kind)]
        rng = pack.seat_range(actor.id)
        if rng and rng != (0, 0):
            facts.append(f"{rng[0]} seats" if rng[0] == rng[1] else f"{rng[0]}–{rng[1]} seats")
        text.append(" · ".join(facts), style="bold")
        text.append("\n\n" + actor.description)
        widget.update(text)

    def _apply_to_app(self) -> None:
        """Put the step's date and coalition on the app, so the explorer shows this picture."""
        from explorer.core.coalition import Coalition, member_id

        app = self.app
        step = self.run.step
        on = self.run.date_of()
        begin = getattr(app, "begin_lesson", None)
        if callable(begin):
            begin()  # the lesson works on its own copy; the student's comes back on leaving
        state = app.state
        wanted = []
        for member in step.coalition:
            try:
                wanted.append(member_id(app.atlas, state.picture, member))
            except (LookupError, ValueError):
                continue
        target = Coalition(tuple(dict.fromkeys(wanted)), step.pm)
        if state.on == on and state.coalition == target:
            return  # already showing this step
        if state.coalition != target:
            state.replace(target)  # one step of the shared history
        app.set_date(on)  # every screen that shows the table follows

    # -- actions ----------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("hand_in", "teacher_step", "board"):
            session = getattr(self.app, "class_session", None)
            if session is None or self.run is None:
                return False
            return session.teacher if action == "board" else not session.teacher
        if self.run is None:
            return action not in ("next", "previous", "first", "answer")
        if action in ("previous", "first") and self.run.at_start:
            return None
        return True

    def action_next(self) -> None:
        if self.run.at_end:
            self._show_end()
        elif self.run.next():
            self.show_step()

    def action_previous(self) -> None:
        if self.run.previous():
            self.show_step()

    def action_first(self) -> None:
        if not self.run.at_start:
            self.run.restart()
            self.show_step()

    def action_answer(self) -> None:
        self.answer_shown = not self.answer_shown
        self._draw_side()

    def action_pick(self) -> None:
        lessons = list(self.app.atlas.pack.lessons.values())
        if not lessons:
            self.notify("This pack has no lessons.", markup=False)
            return

        def chosen(lesson_id: str | None) -> None:
            if lesson_id and lesson_id != self.lesson_id:
                self.open_lesson(lesson_id)

        self.app.push_screen(LessonPicker(lessons, self.lesson_id), chosen)

    def action_leave(self) -> None:
        """Back to the screen the lesson was opened from, with the student's own coalition
        and date."""
        app = self.app
        back = getattr(app, "mode_before_lesson", "explore")
        if len(app.screen_stack) > 1:
            app.pop_screen()
        elif back in getattr(app, "MODES", {}) and app.current_mode != back:
            switch = getattr(app, "switch_to", app.switch_mode)
            switch(back)
            app.call_after_refresh(_focus_explorer, app)
        else:
            app.exit()


def _focus_explorer(app) -> None:
    """The keyboard goes to the explorer's list (its page under presentation mode), never to
    the filter box, so that the next letter is a key, not typing."""
    screen = app.screen
    target = getattr(screen, "page", None) if getattr(app, "present", False) else \
        getattr(screen, "actor_list", None)
    if target is not None:
        target.focus()

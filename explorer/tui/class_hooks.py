"""What the app and its screens do differently in a served class (small hooks, one place).

When `explorer serve` set up a class, the app's first mode is the join screen alone
(`join_screen_for`); once joined, the student's folder, the heartbeat and the lesson. The
lesson screen calls `attach_lesson`, `lesson_shown`, `hand_in_from_lesson`, `back_to_teacher`
and `open_board`; the adventure gives its engine a `hand_in`. In a terminal
`app.class_session` is None and none of this runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from explorer.core.classroom import ClassError
from explorer.tui.class_session import FOLLOW_SECONDS, HEARTBEAT_SECONDS, ClassSession

if TYPE_CHECKING:
    from textual.screen import Screen

    from explorer.tui.app import KingmakerApp


def join_screen_for(app: KingmakerApp, then) -> Callable[[], Screen]:
    """The factory of the app's first mode in a served class: the join screen alone (the
    explorer and the rest are built once the student has joined); once joined, the student's
    folder, the heartbeat, the welcome, then `then()` (the lesson, or exploring)."""

    def joined(session: ClassSession) -> None:
        app.class_session = session
        app.set_interval(HEARTBEAT_SECONDS, session.still_here)
        then()
        who = "teacher" if session.teacher else "student"
        app.notify(f"Welcome, {session.name} ({who}). Your work is kept under your name.",
                   markup=False)
        for notice in session.notices:
            app.notify(notice, severity="warning", markup=False, timeout=10)
        session.notices.clear()

    def build() -> Screen:
        from explorer.tui.join_screen import JoinScreen

        return JoinScreen(app.classroom, app.atlas.pack.title, joined)

    return build


def stop(app: KingmakerApp) -> None:
    session = getattr(app, "class_session", None)
    if session is not None:
        session.close()


# -- the lesson -------------------------------------------------------------------------------
def attach_lesson(screen) -> None:
    """Give a lesson screen its follow-the-teacher poll (students) in a class session."""
    session = screen.app.class_session
    if session is not None and not session.teacher:
        screen.set_interval(FOLLOW_SECONDS, lambda: follow(screen))


def lesson_shown(screen) -> None:
    session = screen.app.class_session
    if session is not None and screen.run is not None:
        session.lesson_shown(screen.lesson_id, screen.run.index)


def follow(screen) -> None:
    session = screen.app.class_session
    if session is None or screen.run is None or not screen.is_current:
        return
    try:
        target, message = session.follow_target(screen.lesson_id, screen.run.index)
    except (ClassError, OSError) as exc:
        screen.notify(f"The class is out of reach: {exc}", severity="warning", markup=False)
        return
    if target is not None and target != screen.run.index:
        screen.run.goto(target)
        screen.show_step()
        screen.notify(f"Following the teacher: step {target + 1}.", timeout=2, markup=False)
    if message:
        screen.notify(message, markup=False, timeout=6)


def back_to_teacher(screen) -> None:
    session = screen.app.class_session
    step = session.rejoin_teacher()
    if step is None:
        screen.notify("No teacher is leading this lesson right now.", markup=False)
        return
    if step != screen.run.index:
        screen.run.goto(step)
        screen.show_step()
    screen.notify(f"Following the teacher: step {step + 1}.", timeout=2, markup=False)


# -- hand-ins ---------------------------------------------------------------------------------
def hand_in(app, coalition, on, note: str = "", lesson_id: str | None = None,
            step: int | None = None) -> str:
    """Put a coalition on the teacher's board; the sentence to show the student."""
    session = app.class_session
    if session is None:
        return "Handing in works in a class session (explorer serve)."
    if not coalition.members:
        return "Your coalition is empty: add members in the coalition builder (c) first."
    if lesson_id is None:
        lesson_id, step = current_lesson(app)
    try:
        session.hand_in(lesson_id, step, coalition, on, note)
    except ClassError as exc:
        return f"Could not hand in: {exc}"
    names = " + ".join(app.state.picture.unit(m).name if app.state.picture.unit(m) else m
                       for m in coalition.members)
    where = f" for step {step + 1}" if step is not None and step >= 0 else ""
    return f"Handed in{where}: {names}. Your teacher sees it on the board."


def current_lesson(app) -> tuple[str | None, int | None]:
    """The lesson and step this student is on (the lesson screen's, if one was opened)."""
    from explorer.tui.lesson_screen import LessonScreen

    for stack in app._screen_stacks.values():
        for screen in stack:
            if isinstance(screen, LessonScreen) and screen.run is not None:
                return screen.lesson_id, screen.run.index
    return getattr(app, "lesson", None), None


def hand_in_from_lesson(screen) -> None:
    """`s` on a lesson step: hand in the coalition built in the builder (else the step's)."""
    app = screen.app
    built = getattr(app, "built_coalition", None)
    coalition, on = built if built is not None else (app.state.coalition, app.state.on)
    message = hand_in(app, coalition, on, lesson_id=screen.lesson_id, step=screen.run.index)
    app.notify(message, markup=False)


def open_board(app) -> None:
    session = app.class_session
    if session is None or not session.teacher:
        app.notify("The class board is for the teacher's session.", markup=False)
        return
    from explorer.tui.board_screen import BoardScreen

    lesson_id, _ = current_lesson(app)
    app.push_screen(BoardScreen(lesson_id or app.classroom.lesson))

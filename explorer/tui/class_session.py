"""A served class session: who is at the keyboard, their folder, the teacher's lead, hand-ins.

`explorer serve` puts the class in the environment of every session's process
(`ClassConfig.from_env`); the app shows the join screen first, then `open_session` gives the
student (or group) their own folder in the class folder — saves, lesson progress, transcripts
and screenshots live there, and joining again with the same name resumes — and a connection to
the class database (explorer.core.classroom).

The lesson screen calls `lesson_shown` after every step (a teacher's step is written for the
class) and `follow` twice a second (a following student moves to the teacher's step).
Everything the screens need from a class goes through `app.class_session`; it is None in a
terminal, where nothing here runs.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.core.classroom import ClassError, ClassStore, Submission, check_member_name

if TYPE_CHECKING:
    from explorer.core.coalition import Coalition

FOLLOW_SECONDS = 0.5
HEARTBEAT_SECONDS = 4.0


@dataclass(frozen=True)
class ClassConfig:
    """What `explorer serve` set for the class."""

    folder: Path
    code: str = ""  # "" when students need no code (a class on this machine only)
    teacher_code: str = ""
    lesson: str | None = None

    @classmethod
    def from_env(cls, environ=None) -> ClassConfig | None:
        env = os.environ if environ is None else environ
        folder = env.get("EXPLORER_CLASS_DIR")
        if not folder:
            return None
        return cls(Path(folder), env.get("EXPLORER_CLASS_CODE", ""),
                   env.get("EXPLORER_TEACHER_CODE", ""), env.get("EXPLORER_CLASS_LESSON") or None)


@dataclass
class ClassSession:
    config: ClassConfig
    store: ClassStore
    name: str
    role: str
    session_id: str
    following: bool = True
    teacher_step: int | None = None  # the teacher's step last seen (students)
    placed_step: int | None = None  # the step this session last put the student on
    teacher_gone_told: bool = False
    notices: list[str] = field(default_factory=list)

    @property
    def teacher(self) -> bool:
        return self.role == "teacher"

    @property
    def folder(self) -> Path:
        return self.config.folder / self.name

    def download_name(self, what: str, ext: str, lesson: str | None = None) -> str:
        """e.g. amira-who-won-transcript-2026-12-01.md: who, which lesson, what, the day."""
        parts = [self.name, lesson or self.config.lesson or "kingmaker", what,
                 date.today().isoformat()]
        return "-".join(parts) + f".{ext}"

    def still_here(self) -> None:
        try:
            self.store.still_here(self.name, self.session_id)
        except ClassError:
            pass

    def close(self) -> None:
        try:
            self.store.leave(self.name, self.session_id)
            self.store.close()
        except (ClassError, Exception):  # the process is ending: never raise from here
            pass

    # -- the lesson ---------------------------------------------------------------------------
    def lesson_shown(self, lesson_id: str, index: int) -> None:
        if self.teacher:
            try:
                self.store.set_step(lesson_id, index, self.name)
            except ClassError as exc:
                self.notices.append(str(exc))

    def follow_target(self, lesson_id: str, index: int) -> tuple[int | None, str | None]:
        """(the step a following student should move to, or None; a message, or None)."""
        if self.teacher:
            return None, None
        lead = self.store.lead()
        if lead.teacher is None:
            if self.teacher_step is not None and not self.teacher_gone_told:
                self.teacher_gone_told = True
                return None, "The teacher has left: you stay on this step."
            return None, None
        self.teacher_gone_told = False
        if not lead.follow or lead.lesson != lesson_id or lead.step is None:
            return None, None
        if self.placed_step is not None and index != self.placed_step and self.following:
            self.following = False  # the student stepped away to look ahead or back
            self.teacher_step = lead.step
            return None, (f"You are looking around on your own; the teacher is on step "
                          f"{lead.step + 1}. Press f to go back there.")
        moved = lead.step != self.teacher_step
        self.teacher_step = lead.step
        if self.following and (moved or index != lead.step):
            self.placed_step = lead.step
            return (lead.step if index != lead.step else None), None
        if moved and not self.following:
            return None, f"The teacher moved to step {lead.step + 1}. Press f to follow."
        return None, None

    def rejoin_teacher(self) -> int | None:
        """Follow the teacher again; the step to go to (None: no teacher leading this)."""
        lead = self.store.lead()
        self.following = True
        if lead.teacher is None or lead.step is None:
            return None
        self.teacher_step = self.placed_step = lead.step
        return lead.step

    # -- hand-ins ---------------------------------------------------------------------------
    def hand_in(self, lesson_id: str | None, step: int | None, coalition: Coalition,
                on: date | None, note: str = "") -> Submission:
        sub = Submission(self.name, lesson_id or "free-play", step if step is not None else -1,
                         on.isoformat() if on else None, tuple(coalition.members),
                         coalition.pm, note.strip()[:500])
        return self.store.submit(sub)


def check_code(config: ClassConfig, code: str) -> str:
    """The role the code opens ("teacher" or "student"), or ClassError."""
    code = code.strip()
    if config.teacher_code and code == config.teacher_code:
        return "teacher"
    if config.code and code.upper() != config.code.upper():
        raise ClassError("That is not the class code. Look at the board, or ask your "
                         "teacher." if code else "Type the class code your teacher gave you.")
    return "student"


def open_session(config: ClassConfig, name: str, code: str) -> ClassSession:
    """Join the class: check the code and the name, take the name, move into its folder."""
    role = check_code(config, code)
    name = check_member_name(name)
    store = ClassStore(config.folder)
    session_id = uuid.uuid4().hex
    try:
        store.join(name, session_id, role=role)
        folder = config.folder / name
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        store.close()
        raise ClassError(f"Cannot make your folder in the class folder: "
                         f"{exc.strerror or exc}.") from None
    except ClassError:
        store.close()
        raise
    # This process serves one student: their files go in their folder, shown by relative paths.
    os.chdir(folder)
    os.environ["EXPLORER_DATA_DIR"] = "."
    session = ClassSession(config, store, name, role, session_id)
    if store.notice:
        session.notices.append(store.notice)
    return session

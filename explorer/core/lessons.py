"""Lessons: stepping through a pack's lessons with the engine's numbers, and saved progress.

A `LessonRun` walks the steps of one lesson (next / previous / goto). For every step it asks the
engine about the step's coalition on the step's date: the seats against each threshold, the
tensions, feasibility, and the power indices of every unit on the table, so that a question such
as "Does the largest list form the government?" is answered with numbers.

Progress (the last step seen in each lesson) is a small JSON file in the user's data folder:
$EXPLORER_DATA_DIR, else $XDG_DATA_HOME/kingmaker, else ~/.local/share/kingmaker. It is written
atomically. No textual here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.core.model import Lesson, LessonStep, Pack
from explorer.core.storage import data_dir
from explorer.core.text import SeatRange, percent, plural, range_text

if TYPE_CHECKING:
    from explorer.core.coalition import Evaluation
    from explorer.core.game import PowerRow
    from explorer.core.graph import Atlas
    from explorer.core.seats import Picture

PROGRESS_FILE = "lessons.json"


# -- finding a lesson --------------------------------------------------------------------------

class UnknownLesson(LookupError):
    """No lesson (or more than one) answers to a name; `candidates` are the lessons meant."""

    def __init__(self, message: str, candidates: list[Lesson]):
        super().__init__(message)
        self.candidates = candidates


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def find_lesson(pack: Pack, name: str) -> Lesson:
    """A lesson by id, id prefix or title prefix (case-insensitive); raise UnknownLesson."""
    lessons = list(pack.lessons.values())
    key = _fold(name)
    if not key:
        raise UnknownLesson("say which lesson", lessons)
    for lesson in lessons:
        if lesson.id.casefold() == key or _fold(lesson.title) == key:
            return lesson
    tiers = [
        [le for le in lessons if le.id.casefold().startswith(key)],
        [le for le in lessons if _fold(le.title).startswith(key)],
        [le for le in lessons
         if _fold(le.title).removeprefix("the ").startswith(key.removeprefix("the "))],
    ]
    for found in tiers:
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = ", ".join(f"{le.id} ({le.title})" for le in found)
            raise UnknownLesson(f"{name!r} could be several lessons: {names}", found)
    known = ", ".join(le.id for le in lessons) or "none in this pack"
    raise UnknownLesson(f"no lesson called {name!r} (lessons: {known})", lessons)


# -- saved progress ---------------------------------------------------------------------------

@dataclass
class Progress:
    """The last step seen in each lesson, and the last lesson used, per pack (a JSON file)."""

    path: Path = field(default_factory=lambda: data_dir() / PROGRESS_FILE)

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _section(self, data: dict, name: str) -> dict:
        section = data.get(name)
        return section if isinstance(section, dict) else {}

    def _write(self, data: dict) -> None:
        """Write atomically; a failure (a read-only home) never stops a lesson."""
        from explorer.core.exports import write_text_atomic

        data["version"] = 1
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.path, json.dumps(data, indent=2, sort_keys=True) + "\n",
                              durable=False)  # a bookmark written on every step: no fsync
        except OSError:
            pass

    @staticmethod
    def key(pack_id: str, lesson_id: str) -> str:
        return f"{pack_id}/{lesson_id}"

    def get(self, pack_id: str, lesson_id: str) -> int | None:
        entry = self._section(self._read(), "lessons").get(self.key(pack_id, lesson_id))
        if isinstance(entry, dict) and isinstance(entry.get("step"), int):
            return entry["step"]
        return None

    def last(self, pack_id: str) -> str | None:
        """The lesson of this pack used most recently."""
        value = self._section(self._read(), "last").get(pack_id)
        return value if isinstance(value, str) else None

    def set(self, pack_id: str, lesson_id: str, step: int, steps: int) -> None:
        data = self._read()
        lessons = self._section(data, "lessons")
        lessons[self.key(pack_id, lesson_id)] = {"step": step, "steps": steps}
        last = self._section(data, "last")
        last[pack_id] = lesson_id
        data.update(lessons=lessons, last=last)
        self._write(data)


# -- the engine's numbers for a step ----------------------------------------------------------



def verdict_phrase(v) -> str:
    """'72 short of 163', 'reached: 39 over 163', 'reached exactly (163)'."""
    seats = v.threshold.seats
    if v.reached:
        return f"reached: {v.over_by} over {seats}" if v.over_by else f"reached exactly ({seats})"
    if v.status == "top_of_range":
        return f"{v.short_by} short of {seats} (reached only at the top of the range)"
    return f"{v.short_by} short of {seats}"


@dataclass
class StepNumbers:
    """What the engine says about one step's picture."""

    on: date | None
    picture: Picture
    evaluation: Evaluation | None  # None when the step puts no coalition on the table
    power: list[PowerRow]
    threshold: str  # the threshold the power indices are computed for
    quota: int

    @property
    def seats(self) -> str:
        ev = self.evaluation
        if ev is None:
            return "0"
        return range_text(ev.low, ev.high)

    def largest(self) -> PowerRow | None:
        return max(self.power, key=lambda r: r.seats, default=None)

    def facts(self, power: bool = True) -> list[str]:
        """The numbers, one short sentence a line (power: end with seats against power)."""
        out: list[str] = []
        ev = self.evaluation
        if ev is not None and ev.members:
            names = " + ".join(ev.names[m] for m in ev.members)
            out.append(f"{names}: {SeatRange(ev.low, ev.high).seats()} of {ev.total}.")
            for v in ev.verdicts:
                out.append(f"{v.threshold.name}: {verdict_phrase(v)}.")
            hard = [t for t in ev.tensions if t.hard]
            soft = len(ev.tensions) - len(hard)
            if hard:
                out.append(f"Not feasible: {plural(len(hard), 'hard refusal')} inside "
                           f"({ev.feasibility.why_not}).")
            elif not ev.feasible:
                out.append(f"Not feasible: {ev.feasibility.why_not}.")
            elif soft:
                out.append(f"Feasible, with {plural(soft, 'tension')} inside.")
            else:
                out.append("Feasible: no hostile relation inside.")
        largest = self.largest()
        alone = ev is not None and list(ev.members) == [getattr(largest, "id", None)]
        if largest is not None and not alone:
            size = SeatRange(largest.seats, largest.seats).seats()
            head = f"Largest on the table: {largest.name}, {size}"
            if largest.seats >= self.quota:
                out.append(f"{head}, a majority of {self.quota} on its own.")
            else:
                out.append(f"{head}, {self.quota - largest.seats} short of {self.quota} alone.")
        ranked = sorted(self.power, key=lambda r: -r.seats)[:4] if power else []
        if ranked:
            parts = [f"{r.name} {percent(r.seat_share)} of seats → {percent(r.banzhaf)} Banzhaf, "
                     f"{percent(r.shapley_shubik)} Shapley–Shubik" for r in ranked]
            out.append("Seats are not power: " + "; ".join(parts) + ".")
        return out


def compute_numbers(atlas: Atlas, on: date | None, members: tuple[str, ...],
                    pm: str | None) -> StepNumbers:
    from explorer.core.coalition import Coalition, evaluate
    from explorer.core.game import main_threshold, power_rows
    from explorer.core.seats import default_picture

    picture = default_picture(atlas.pack, on)
    ev = evaluate(atlas, picture, Coalition(tuple(members), pm)) if members else None
    threshold = main_threshold(atlas)
    rows = power_rows(atlas, picture, threshold, pm=pm)
    quota = atlas.pack.threshold(threshold).seats
    return StepNumbers(on, picture, ev, rows, threshold, quota)


# -- stepping ---------------------------------------------------------------------------------

class LessonRun:
    """One lesson being taught: the current step, moves, the numbers, saved progress.

    `index` is 0-based; `position` (1-based) is what a reader sees ("step 2 of 6").
    With `resume=True` and no explicit `step`, the run starts at the saved step.
    """

    def __init__(self, atlas: Atlas, lesson: str | Lesson, step: int | None = None,
                 progress: Progress | None = None, resume: bool = True):
        self.atlas = atlas
        self.lesson = lesson if isinstance(lesson, Lesson) else find_lesson(atlas.pack, lesson)
        self.progress = progress
        self._numbers: dict[int, StepNumbers] = {}
        start = step
        if start is None and resume and progress is not None:
            start = progress.get(atlas.pack.id, self.lesson.id)
        self.index = self._clamp(start or 0)
        self._save()

    # -- where we are
    @property
    def steps(self) -> tuple[LessonStep, ...]:
        return self.lesson.steps

    @property
    def count(self) -> int:
        return len(self.lesson.steps)

    @property
    def step(self) -> LessonStep:
        return self.lesson.steps[self.index]

    current = step

    @property
    def position(self) -> int:
        return self.index + 1

    @property
    def at_start(self) -> bool:
        return self.index == 0

    @property
    def at_end(self) -> bool:
        return self.index >= self.count - 1

    @property
    def counter(self) -> str:
        return f"Step {self.position} of {self.count}"

    # -- moving
    def _clamp(self, index: int) -> int:
        return max(0, min(index, self.count - 1)) if self.count else 0

    def goto(self, index: int) -> LessonStep:
        self.index = self._clamp(index)
        self._save()
        return self.step

    def next(self) -> bool:
        """Move on; False (and no move) at the last step."""
        if self.at_end:
            return False
        self.goto(self.index + 1)
        return True

    def previous(self) -> bool:
        if self.at_start:
            return False
        self.goto(self.index - 1)
        return True

    def restart(self) -> LessonStep:
        return self.goto(0)

    def _save(self) -> None:
        if self.progress is not None and self.count:
            self.progress.set(self.atlas.pack.id, self.lesson.id, self.index, self.count)

    # -- what the step puts on the table
    def date_of(self, index: int | None = None) -> date | None:
        """The step's date; a step without one keeps the date of the last step that had one."""
        i = self.index if index is None else self._clamp(index)
        for step in reversed(self.steps[: i + 1]):
            if step.date is not None:
                return step.date
        return self.atlas.pack.default_date

    def numbers(self, index: int | None = None) -> StepNumbers:
        i = self.index if index is None else self._clamp(index)
        if i not in self._numbers:
            step = self.steps[i]
            self._numbers[i] = compute_numbers(self.atlas, self.date_of(i), step.coalition,
                                               step.pm)
        return self._numbers[i]

    def answer(self, index: int | None = None) -> list[str]:
        """The step's written answer (if any) followed by the engine's numbers."""
        i = self.index if index is None else self._clamp(index)
        step = self.steps[i]
        out = [step.answer] if step.answer else []
        nums = self.numbers(i)
        out += nums.facts()
        if step.focus and nums.picture.unit(step.focus) is not None:  # the same words as "why"
            from explorer.core.explain import explain

            out.append(explain(self.atlas, nums.picture, step.focus, nums.threshold,
                               pm=step.pm).summary)
        return out

    def as_json(self, index: int | None = None) -> dict:
        i = self.index if index is None else self._clamp(index)
        step = self.steps[i]
        nums = self.numbers(i)
        on = self.date_of(i)
        return {
            "lesson": self.lesson.id,
            "step": i + 1,
            "steps": self.count,
            "title": step.title,
            "date": on.isoformat() if on else None,
            "coalition": list(step.coalition),
            "pm": step.pm,
            "focus": step.focus,
            "question": step.question,
            "answer": step.answer,
            "evaluation": nums.evaluation.as_json() if nums.evaluation else None,
            "power": [
                {"id": r.id, "name": r.name, "seats": r.seats, "seat_share": float(r.seat_share),
                 "banzhaf": float(r.banzhaf), "shapley_shubik": float(r.shapley_shubik)}
                for r in nums.power
            ],
            "facts": nums.facts(),
        }


def lesson_summary(lesson: Lesson) -> dict:
    return {"id": lesson.id, "title": lesson.title, "summary": lesson.summary,
            "steps": len(lesson.steps)}

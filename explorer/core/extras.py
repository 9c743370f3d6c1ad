"""Loading the optional parts of a pack: challenges and lessons."""

from __future__ import annotations

from pathlib import Path

from explorer.core.fields import Table, item_what, tables, unknown_tables
from explorer.core.model import Challenge, Goal, Lesson, LessonStep, Origin, Pack
from explorer.core.problems import Problem
from explorer.core.tomlfile import TomlFile, read_toml

CHALLENGE_KEYS = {
    "id", "title", "role", "date", "intro", "start_coalition", "pm", "must_travel", "hints",
    "history", "sources", "goal",
}
LESSON_KEYS = {"id", "title", "summary"}
STEP_KEYS = {"title", "narration", "date", "coalition", "pm", "focus", "question", "answer"}


def load_challenges(root: Path, pack: Pack, problems: list[Problem],
                    files: dict[Path, TomlFile] | None = None) -> None:
    path = root / "challenges.toml"
    if not path.exists():
        return
    file = read_toml(path, problems)
    if file is None:
        return
    if files is not None:
        files[path] = file
    for i, (raw, line) in enumerate(tables(file, "challenge", problems)):
        what = item_what("challenge", i, raw)
        t = Table(file, raw, line, what, problems)
        if not t.valid:
            continue
        t.check_keys(CHALLENGE_KEYS)
        cid, title, role = t.ident("id"), t.text("title"), t.ident("role")
        when, intro = t.day("date", required=True), t.text("intro")
        start, pm = t.strings("start_coalition"), t.ident("pm", required=False)
        must_travel, hints = t.boolean("must_travel", False), t.strings("hints")
        history, sources = t.text("history", required=False) or "", t.sources(required=True)
        raw_goal = t.data.get("goal", {})
        goal_line = file.child_line(line, "goal") if "goal" in t.data else line
        g = Table(file, raw_goal, goal_line, f"the goal of {what}", problems)
        goal = Goal()
        if g.valid:
            g.check_keys({"threshold", "feasible", "include", "exclude", "deal", "demands_of",
                          "demands_met"})
            goal = Goal(
                threshold=g.ident("threshold", required=False) or "majority",
                feasible=g.boolean("feasible", True),
                include=g.strings("include"),
                exclude=g.strings("exclude"),
                deal=g.boolean("deal", False),
                demands_of=g.ident("demands_of", required=False),
                demands_met=g.integer("demands_met", required=False, minimum=0) or 0,
            )
        if None in (cid, title, role, when, intro):
            continue
        if cid in pack.challenges:
            t.problem(f"duplicate challenge id {cid!r}", "id")
            continue
        pack.challenges[cid] = Challenge(
            id=cid, title=title, role=role, date=when, intro=intro, goal=goal,
            origin=Origin(path, line), start_coalition=start, pm=pm, must_travel=must_travel,
            hints=hints, history=history, sources=sources,
        )


def load_lessons(root: Path, pack: Pack, problems: list[Problem],
                 files: dict[Path, TomlFile] | None = None) -> None:
    folder = root / "lessons"
    if not folder.exists():
        return
    if not folder.is_dir():
        problems.append(Problem(folder, 1, "should be a folder of lesson .toml files"))
        return
    for path in sorted(folder.glob("*.toml")):
        file = read_toml(path, problems)
        if file is None:
            continue
        if files is not None:
            files[path] = file
        head = file.data.get("lesson")
        outside = {k for k in file.data if k in LESSON_KEYS} if head is None else set()
        unknown_tables(file, ("lesson", "step"), problems, ignore=outside)
        t = Table(file, head if head is not None else {}, file.table_line("lesson"),
                  f"lesson {path.name}", problems)
        if head is None:
            t.problem("a lesson file needs a [lesson] table",
                      hint="put a [lesson] line above the lesson's id, title and summary")
            continue
        if not t.valid:
            continue
        t.check_keys(LESSON_KEYS)
        lid, title = t.ident("id"), t.text("title")
        summary = t.text("summary", required=False) or ""
        steps = []
        if "step" not in file.data:
            t.problem("a lesson needs at least one [[step]]")
        for j, (raw, line) in enumerate(tables(file, "step", problems, only=False)):
            s = Table(file, raw, line, f"step #{j + 1} of lesson {lid!r}", problems)
            if not s.valid:
                continue
            s.check_keys(STEP_KEYS)
            stitle, narration = s.text("title"), s.text("narration")
            fields = dict(date=s.day("date"), coalition=s.strings("coalition"),
                          pm=s.ident("pm", required=False), focus=s.ident("focus", required=False),
                          question=s.text("question", required=False),
                          answer=s.text("answer", required=False))
            if None in (stitle, narration):
                continue
            steps.append(LessonStep(title=stitle, narration=narration,
                                    origin=Origin(path, line), **fields))
        if None in (lid, title):
            continue
        if lid in pack.lessons:
            t.problem(f"duplicate lesson id {lid!r}", "id")
            continue
        pack.lessons[lid] = Lesson(lid, title, summary, tuple(steps), Origin(path, t.line))

"""Loading the optional parts of a pack: challenges and lessons."""

from __future__ import annotations

from pathlib import Path

from explorer.core.fields import Table
from explorer.core.model import Challenge, Goal, Lesson, LessonStep, Origin, Pack
from explorer.core.problems import Problem
from explorer.core.tomlfile import read_toml

CHALLENGE_KEYS = {
    "id", "title", "role", "date", "intro", "start_coalition", "pm", "must_travel", "hints",
    "history", "sources", "goal",
}
STEP_KEYS = {"title", "narration", "date", "coalition", "pm", "focus", "question", "answer"}


def load_challenges(root: Path, pack: Pack, problems: list[Problem]) -> None:
    path = root / "challenges.toml"
    if not path.exists():
        return
    file = read_toml(path, problems)
    if file is None:
        return
    items = file.data.get("challenge", [])
    if not isinstance(items, list):
        problems.append(Problem(path, 1, "'challenge' must be written as [[challenge]]"))
        return
    for i, raw in enumerate(items):
        line = file.table_line("challenge", i)
        t = Table(file, raw, line, f"challenge #{i + 1}", problems)
        if not t.valid:
            continue
        t.check_keys(CHALLENGE_KEYS)
        cid, title, role = t.ident("id"), t.text("title"), t.ident("role")
        when, intro = t.day("date", required=True), t.text("intro")
        raw_goal = t.data.get("goal", {})
        goal_line = file.sub_table_line("challenge", i, "goal", 0) if "goal" in t.data else line
        g = Table(file, raw_goal, goal_line, f"the goal of challenge {cid!r}", problems)
        goal = Goal()
        if g.valid:
            g.check_keys({"threshold", "feasible", "include", "exclude"})
            goal = Goal(
                threshold=g.ident("threshold", required=False) or "majority",
                feasible=g.boolean("feasible", True),
                include=g.strings("include"),
                exclude=g.strings("exclude"),
            )
        if None in (cid, title, role, when, intro):
            continue
        if cid in pack.challenges:
            t.problem(f"duplicate challenge id {cid!r}", "id")
            continue
        pack.challenges[cid] = Challenge(
            id=cid, title=title, role=role, date=when, intro=intro, goal=goal,
            origin=Origin(path, line), start_coalition=t.strings("start_coalition"),
            pm=t.ident("pm", required=False), must_travel=t.boolean("must_travel", False),
            hints=t.strings("hints"), history=t.text("history", required=False) or "",
            sources=t.sources(required=True),
        )


def load_lessons(root: Path, pack: Pack, problems: list[Problem]) -> None:
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
        head = file.data.get("lesson")
        t = Table(file, head if head is not None else {}, file.table_line("lesson"),
                  f"lesson {path.name}", problems)
        if head is None:
            t.problem("a lesson file needs a [lesson] table")
            continue
        t.check_keys({"id", "title", "summary"})
        lid, title = t.ident("id"), t.text("title")
        summary = t.text("summary", required=False) or ""
        steps = []
        raw_steps = file.data.get("step", [])
        if not isinstance(raw_steps, list) or not raw_steps:
            t.problem("a lesson needs at least one [[step]]")
            raw_steps = []
        for j, raw in enumerate(raw_steps):
            line = file.table_line("step", j)
            s = Table(file, raw, line, f"step #{j + 1} of lesson {lid!r}", problems)
            if not s.valid:
                continue
            s.check_keys(STEP_KEYS)
            stitle, narration = s.text("title"), s.text("narration")
            if None in (stitle, narration):
                continue
            steps.append(LessonStep(
                title=stitle, narration=narration, origin=Origin(path, line),
                date=s.day("date"), coalition=s.strings("coalition"),
                pm=s.ident("pm", required=False), focus=s.ident("focus", required=False),
                question=s.text("question", required=False),
                answer=s.text("answer", required=False),
            ))
        if None in (lid, title):
            continue
        if lid in pack.lessons:
            t.problem(f"duplicate lesson id {lid!r}", "id")
            continue
        pack.lessons[lid] = Lesson(lid, title, summary, tuple(steps), Origin(path, t.line))

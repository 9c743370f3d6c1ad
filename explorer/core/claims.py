"""Lesson claims: what a step says about its numbers, in a declared form the engine checks.

A lesson step may list `claims`, one short sentence of a small fixed grammar each:

    seats >= majority            the step coalition's seats (low end of any range) against a
    seats < 163                  threshold id or a number; operators >= > <= < ==
    feasible / not feasible      feasibility.check of the step coalition under the step's PM
    banzhaf UNIT < 10%           a unit's share of power among the units on the table on the
    shapley UNIT >= 20%          step's date, for the majority threshold (the first threshold);
    banzhaf* UNIT == 0%          a star: feasible coalitions only, under the step's PM
    rank UNIT == 1               its place by Banzhaf (1 = most power; ties share a place)
    power UNIT > UNIT            "more power than" by Banzhaf (also < and ==; power* too)

`parse` reads one (ValueError with the reason); `unknown_names` lists the units and thresholds a
claim names that the pack lacks (the loader reports them as path:line); `verify` answers with the
engine whether it holds. `explorer check` verifies every claim; `explorer lesson NAME --json`
shows each with its verdict.
"""

from __future__ import annotations

import functools
import operator
import re
from dataclasses import dataclass
from fractions import Fraction

OPS = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt,
       "==": operator.eq}
_OP = r"(>=|<=|==|>|<)"
_ID = r"([a-z0-9][a-z0-9_-]*)"
_FORMS = [
    ("seats", rf"^seats\s*{_OP}\s*([a-z0-9_-]+)$"),
    ("feasible", r"^(not\s+)?feasible$"),
    ("share", rf"^(banzhaf|shapley)(\*?)\s+{_ID}\s*{_OP}\s*(\d+(?:\.\d+)?)\s*%$"),
    ("rank", rf"^rank(\*?)\s+{_ID}\s*{_OP}\s*(\d+)$"),
    ("power", rf"^power(\*?)\s+{_ID}\s*{_OP}\s*{_ID}$"),
]


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    """The claim forms, compiled on first use (a run that checks no claim compiles none)."""
    return [(kind, re.compile(form)) for kind, form in _FORMS]


@dataclass(frozen=True)
class Claim:
    text: str
    line: int  # the line of the claim in its lesson file


@dataclass(frozen=True)
class Parsed:
    kind: str  # seats | feasible | share | rank | power
    op: str = "=="
    unit: str | None = None
    other: str | None = None  # the second unit of a power claim, or the threshold / number
    index: str = "banzhaf"  # banzhaf | shapley
    feasible_only: bool = False
    value: Fraction | None = None
    negated: bool = False


def parse(text: str) -> Parsed:
    t = " ".join(text.split()).casefold()
    for kind, pattern in _patterns():
        m = pattern.match(t)
        if m is None:
            continue
        if kind == "seats":
            return Parsed("seats", m.group(1), other=m.group(2))
        if kind == "feasible":
            return Parsed("feasible", negated=bool(m.group(1)))
        if kind == "share":
            return Parsed("share", m.group(4), unit=m.group(3), index=m.group(1),
                          feasible_only=bool(m.group(2)), value=Fraction(m.group(5)) / 100)
        if kind == "rank":
            return Parsed("rank", m.group(3), unit=m.group(2), feasible_only=bool(m.group(1)),
                          value=Fraction(int(m.group(4))))
        return Parsed("power", m.group(3), unit=m.group(2), other=m.group(4),
                      feasible_only=bool(m.group(1)))
    raise ValueError(f"claim {text!r} is not in the claim grammar (for example 'seats >= "
                     "majority', 'not feasible', 'banzhaf UNIT < 10%', 'power UNIT > UNIT')")


def unknown_names(pack, claim: Parsed) -> list[str]:
    """What the claim names that the pack does not have (messages)."""
    out = []
    for unit in (claim.unit, claim.other if claim.kind == "power" else None):
        if unit and unit not in pack.actors:
            out.append(f"claim names an unknown unit {unit!r}")
    if claim.kind == "seats" and not claim.other.isdigit() and pack.threshold(claim.other) is None:
        known = ", ".join(t.id for t in pack.thresholds)
        out.append(f"claim names an unknown threshold {claim.other!r} (known: {known})")
    return out


@dataclass(frozen=True)
class Verdict:
    holds: bool
    actual: str  # what the engine says, in words

    def as_json(self) -> dict:
        return {"holds": self.holds, "actual": self.actual}


def _pct(x: Fraction) -> str:
    return f"{float(x) * 100:.1f}%"


def verify(atlas, on, members: tuple[str, ...], pm: str | None, claim: Parsed) -> Verdict:
    """Does the claim hold for this coalition on this date? (ValueError: it cannot be judged,
    e.g. a unit that is not on the table on that date.)"""
    from explorer.core.coalition import Coalition, evaluate
    from explorer.core.game import power
    from explorer.core.seats import default_picture

    picture = default_picture(atlas.pack, on)
    if claim.kind in ("seats", "feasible"):
        ev = evaluate(atlas, picture, Coalition(tuple(members), pm), completions=False)
        if claim.kind == "feasible":
            holds = ev.feasible != claim.negated
            said = "feasible" if ev.feasible else f"not feasible ({ev.feasibility.why_not})"
            return Verdict(holds, f"the coalition is {said}")
        th = atlas.pack.threshold(claim.other)
        target = th.seats if th is not None else int(claim.other)
        return Verdict(OPS[claim.op](ev.low, target),
                       f"the coalition has {ev.low} seats against {target}")
    threshold = atlas.pack.thresholds[0].id
    result = power(atlas, picture, threshold, pm=pm, feasible=claim.feasible_only)
    ids = list(picture.ids)
    for unit in (claim.unit, claim.other if claim.kind == "power" else None):
        if unit is not None and unit not in ids:
            raise ValueError(f"{unit!r} is not on the table on {on} (units: {', '.join(ids)})")
    values = result.shapley_shubik if claim.index == "shapley" else result.banzhaf
    i = ids.index(claim.unit)
    name = picture.units[i].name
    star = " (feasible coalitions only)" if claim.feasible_only else ""
    if claim.kind == "share":
        return Verdict(OPS[claim.op](Fraction(values[i]), claim.value),
                       f"{name} has {_pct(values[i])} ({claim.index}{star})")
    if claim.kind == "rank":
        rank = 1 + sum(1 for v in result.banzhaf if v > result.banzhaf[i])
        return Verdict(OPS[claim.op](rank, int(claim.value)),
                       f"{name} ranks {rank} of {len(ids)} by Banzhaf{star}")
    j = ids.index(claim.other)
    other = picture.units[j].name
    return Verdict(OPS[claim.op](result.banzhaf[i], result.banzhaf[j]),
                   f"{name} has {_pct(result.banzhaf[i])} Banzhaf, {other} "
                   f"{_pct(result.banzhaf[j])}{star}")


def lesson_verdicts(atlas, run, index: int) -> list[dict]:
    """Each claim of a step of a LessonRun, with whether it holds (for --json)."""
    step = run.steps[index]
    out = []
    for claim in step.claims:
        row = {"claim": claim.text, "line": claim.line}
        try:
            row.update(verify(atlas, run.date_of(index), step.coalition, step.pm,
                              parse(claim.text)).as_json())
        except ValueError as exc:
            row.update(holds=False, actual=str(exc))
        out.append(row)
    return out


def claim_problems(atlas) -> list:
    """`path:line: claim does not hold: ...` for every claim of every lesson that fails."""
    from explorer.core.lessons import LessonRun
    from explorer.core.problems import Problem

    out = []
    for lesson in atlas.pack.lessons.values():
        run = LessonRun(atlas, lesson, step=0, resume=False)
        for i, step in enumerate(lesson.steps):
            for claim, row in zip(step.claims, lesson_verdicts(atlas, run, i), strict=True):
                if not row["holds"]:
                    out.append(Problem(step.origin.path, claim.line,
                                       f"claim does not hold: {claim.text!r}: {row['actual']}",
                                       f"step {i + 1}, {step.title!r}, on {run.date_of(i)}"))
    return out

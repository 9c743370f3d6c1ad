"""The class board: every group's submitted coalition, side by side, with the engine's numbers.

`board(atlas, submissions)` evaluates each submission on its own date (seats against every
threshold, feasible or not, the PM, each member's seats and Banzhaf power for the main
threshold); `tally(rows)` says how many groups found a feasible majority; `board_markdown`
is the hand-out a teacher exports. Plain Python, no textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from explorer.core.classroom import Submission
from explorer.core.graph import Atlas


@dataclass(frozen=True)
class BoardMember:
    name: str
    seats: str
    banzhaf: Fraction | None


@dataclass(frozen=True)
class BoardRow:
    group: str
    step: int
    on: date | None
    members: tuple[BoardMember, ...]
    seats: str
    low: int
    high: int
    verdicts: tuple[tuple[str, int, bool], ...]  # (threshold name, seats needed, reached)
    feasible: bool
    pm: str | None
    problems: tuple[str, ...]  # members the engine could not place on that date
    main_reached: bool
    note: str = ""

    @property
    def feasible_majority(self) -> bool:
        return self.feasible and self.main_reached and bool(self.members)


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def board(atlas: Atlas, submissions: list[Submission]) -> list[BoardRow]:
    from explorer.core.coalition import Coalition, evaluate, member_id, seat_range
    from explorer.core.game import main_threshold, power_rows
    from explorer.core.seats import default_picture

    pack = atlas.pack
    threshold = main_threshold(atlas)
    pictures: dict[date | None, object] = {}
    powers: dict[tuple, dict[str, Fraction]] = {}
    rows = []
    for sub in submissions:
        on = _date(sub.on) or pack.default_date
        picture = pictures.setdefault(on, default_picture(pack, on))
        ids, problems = [], []
        for item in sub.members:
            try:
                ids.append(member_id(atlas, picture, item))
            except (LookupError, ValueError):
                actor = pack.actors.get(item)
                problems.append(actor.name if actor else item)
        pm = sub.pm if sub.pm in pack.actors else None
        ev = evaluate(atlas, picture, Coalition(tuple(dict.fromkeys(ids)), pm),
                      completions=False)
        key = (on, pm)
        if key not in powers:
            powers[key] = {r.id: r.banzhaf for r in power_rows(atlas, picture, threshold, pm=pm,
                                                               feasible=False)}
        members = []
        for m in ev.members:
            lo, hi, _ = seat_range(atlas, picture, m)
            members.append(BoardMember(ev.names[m], str(lo) if lo == hi else f"{lo}–{hi}",
                                       powers[key].get(m)))
        verdicts = tuple((v.threshold.name, v.threshold.seats, v.reached) for v in ev.verdicts)
        main = next((v.reached for v in ev.verdicts if v.threshold.id == threshold), False)
        seats = str(ev.low) if ev.low == ev.high else f"{ev.low}–{ev.high}"
        pm_name = atlas.actor(pm).name if pm else None
        rows.append(BoardRow(sub.name, sub.step, on, tuple(members), seats, ev.low, ev.high,
                             verdicts, ev.feasible, pm_name, tuple(problems), main, sub.note))
    return rows


def latest_per_group(subs: list[Submission]) -> list[Submission]:
    """Each group's most recent hand-in, groups in name order."""
    latest: dict[str, Submission] = {}
    for sub in subs:
        if sub.name not in latest or sub.at >= latest[sub.name].at:
            latest[sub.name] = sub
    return sorted(latest.values(), key=lambda s: s.name.casefold())


def tally(rows: list[BoardRow]) -> str:
    if not rows:
        return "No group has handed in a coalition yet."
    found = sum(1 for r in rows if r.feasible_majority)
    missed = len(rows) - found
    noun = "group" if found == 1 else "groups"
    verb = "group did" if missed == 1 else "groups did"
    return f"{found} {noun} found a feasible majority, {missed} {verb} not."


def share(value: Fraction | None) -> str:
    return "—" if value is None else f"{float(value) * 100:.1f}%"


def _cell(text: str) -> str:
    """A Markdown table cell: what a group typed is shown, never interpreted."""
    from explorer.core.markdown_text import escape

    return escape(text, cell=True) or " "


def board_markdown(rows: list[BoardRow], title: str, lesson_title: str | None = None,
                   step_title: str | None = None) -> str:
    lines = [f"# Class board: {_cell(title)}", ""]
    if lesson_title:
        lines.append(f"Lesson: {_cell(lesson_title)}" + (f" — {_cell(step_title)}"
                                                          if step_title else ""))
        lines.append("")
    lines += [tally(rows), ""]
    if not rows:
        return "\n".join(lines)
    names = [name for name, _, _ in rows[0].verdicts]
    head = ["Group", "Step", "Members", "Seats", *[f"{_cell(n)}" for n in names],
            "Feasible", "PM", "Member power (Banzhaf)"]
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|" + "---|" * len(head))
    for r in rows:
        members = ", ".join(f"{m.name} ({m.seats})" for m in r.members) or "nobody"
        power = ", ".join(f"{m.name} {share(m.banzhaf)}" for m in r.members) or "—"
        marks = ["yes" if reached else "no" for _, _, reached in r.verdicts]
        cells = [_cell(r.group), str(r.step + 1), _cell(members), r.seats, *marks,
                 "yes" if r.feasible else "no", _cell(r.pm or "none"), _cell(power)]
        lines.append("| " + " | ".join(cells) + " |")
    problems = [r for r in rows if r.problems or r.note]
    if problems:
        lines += ["", "## Notes", ""]
        for r in problems:
            if r.problems:
                lines.append(f"- {_cell(r.group)}: not on the table that day: "
                             f"{_cell(', '.join(r.problems))}")
            if r.note:
                lines.append(f"- {_cell(r.group)} wrote: {_cell(r.note)}")
    return "\n".join(lines) + "\n"

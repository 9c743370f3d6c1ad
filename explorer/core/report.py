"""The coalition report: a Markdown hand-out of a coalition, with every number from the engine.

Members and their seats (disputed claims with sources), every threshold, the tensions with their
sources, feasibility, completions and the power indices, then a numbered list of the sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from explorer.core.game import main_threshold, power_rows
from explorer.core.markdown_text import escape, inline
from explorer.core.sources import is_seed
from explorer.core.text import SeatRange, percent, range_text
from explorer.core.vocabulary import status_label

if TYPE_CHECKING:
    from explorer.core.coalition import Evaluation
    from explorer.core.graph import Atlas
    from explorer.core.seats import Picture


# -- Markdown (escaping: explorer/core/markdown_text.py) -------------------------------------

def md_cell(text: str) -> str:
    """A table cell: escaped, on one line, never empty."""
    return escape(text, cell=True) or " "


def md_table(header: list[str], rows: list[list[str]], align: str | None = None) -> list[str]:
    """Rows are already-escaped cell text; align: one of 'l', 'r' per column."""
    align = align or "l" * len(header)
    rule = ["---:" if a == "r" else "---" for a in align]
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out


@dataclass
class Citations:
    """Numbered sources in the order first cited."""

    numbers: dict[str, int] = field(default_factory=dict)

    def ref(self, *sources: str) -> str:
        nums = []
        for source in sources:
            if source not in self.numbers:
                self.numbers[source] = len(self.numbers) + 1
            nums.append(self.numbers[source])
        return "".join(f"[{n}]" for n in sorted(set(nums)))

    def section(self) -> list[str]:
        out = []
        for source, n in self.numbers.items():
            shown = f"<{source}>" if source.startswith(("http://", "https://")) else (
                f"`{source}`" if is_seed(source) else inline(source))
            out.append(f"{n}. {shown}")
        return out


def verdict_text(v) -> str:
    if v.reached:
        return f"reached, {v.over_by} over" if v.over_by else "reached exactly"
    if v.status == "top_of_range":
        return f"{v.short_by} short (reached only at the top of the range)"
    return f"{v.short_by} short"


def coalition_report(atlas: Atlas, picture: Picture, members: list[str], pm: str | None = None,
                     evaluation: Evaluation | None = None, terms=None) -> str:
    """A Markdown report on a coalition, all numbers from the engine, every citation listed."""
    from explorer.core.coalition import Coalition, evaluate

    pack = atlas.pack
    on = picture.on
    ev = evaluation or evaluate(atlas, picture, Coalition(tuple(members), pm))
    cite = Citations()
    names = " + ".join(ev.names[m] for m in ev.members) or "nobody"
    seats = range_text(ev.low, ev.high)
    lines = [f"# Coalition report: {inline(names)}", ""]
    lines.append(f"- **Pack:** {inline(pack.title)}")
    lines.append(f"- **Date:** {on.isoformat() if on else 'any date'}")
    if pm:
        who = pack.actors[pm].name if pm in pack.actors else pm
        lines.append(f"- **Prime-minister candidate:** {inline(who)}")
    lines.append(f"- **Seats:** {seats} of {ev.total}")
    lines.append(f"- **Feasible:** {'yes' if ev.feasible else 'no: ' + ev.feasibility.why_not}")
    lines.append("")

    lines += ["## Members", ""]
    rows = []
    detail: list[str] = []
    for m in ev.members:
        lo, hi, primary = _member_seats(atlas, picture, m)
        text = str(lo) if lo == hi else f"{lo}–{hi}"
        rows.append([md_cell(ev.names[m]), md_cell(_kind(atlas, m)), text, str(primary),
                     _seat_citations(atlas, m, cite) or " "])
        detail += _claims(atlas, m, cite)
    lines += md_table(["member", "kind", "seats", "primary figure", "sources"], rows,
                      "llrrl")
    if detail:
        lines += ["", "Disputed seat figures (every claim is kept with its source):", ""]
        lines += detail
    lines.append("")

    lines += ["## Seats against the thresholds", ""]
    rows = []
    for v in ev.verdicts:
        t = v.threshold
        rows.append([md_cell(t.name), str(t.seats), seats, md_cell(verdict_text(v)),
                     md_cell(t.purpose), cite.ref(t.source)])
    lines += md_table(["threshold", "needs", "coalition", "verdict", "what it decides", "source"],
                      rows, "lrrlll")
    lines.append("")

    lines += ["## Tensions inside the coalition", ""]
    if not ev.tensions:
        lines += ["No hostile relation joins two members.", ""]
    for t in ev.tensions:
        a = _name(atlas, t.source_actor)
        b = _name(atlas, t.target_actor)
        mark = "**Hard refusal**" if t.hard else "Tension"
        pm_note = " (against the PM candidate)" if t.about_pm else ""
        if t.status:
            pm_note += f" *({status_label(t.status)})*"
        lines.append(f"- {mark}{pm_note}: {inline(a)} — `{t.type}` — {inline(b)}. "
                     f"{inline(t.description)} {cite.ref(*t.sources)}")
    if ev.tensions:
        lines.append("")
    verdict = ("**yes**: no hard refusal inside the coalition, and the candidate's own list is "
               "in it." if ev.feasible else
               "**no**: " + "; ".join(inline(r.text) for r in ev.feasibility.reasons) + ".")
    lines += [f"Feasible: {verdict}", ""]

    lines += ["## How it could be completed", ""]
    if ev.completions:
        th_names = {t.id: t.name for t in pack.thresholds}
        for c in ev.completions:
            flag = "" if c.feasible else " (not feasible)"
            spare = f"{c.wasted} more than needed" if c.wasted else "exactly enough"
            lines.append(f"- {inline(th_names.get(c.threshold, c.threshold))}: add "
                         f"{inline(' + '.join(c.names))} → "
                         f"{SeatRange(c.seats, c.seats).seats()}, "
                         f"{spare}{flag}")
    else:
        lines.append("Nothing to add: every threshold is reached, or no outside set of up to "
                     "four units reaches the next one.")
    lines.append("")

    threshold = main_threshold(atlas)
    th = pack.threshold(threshold)
    lines += [f"## Power on the table ({inline(th.name)}, {th.seats} seats)", ""]
    lines.append("Exact Banzhaf and Shapley–Shubik indices of every unit on the table, over all "
                 "coalitions and over the feasible ones only (no hard refusal"
                 + (f", {inline(_name(atlas, pm))} as PM" if pm else "") + ").")
    lines.append("")
    rows = []
    member_cover = set(ev.members)
    for r in power_rows(atlas, picture, threshold, pm=pm):
        mark = " ★" if r.id in member_cover else ""
        rows.append([md_cell(r.name) + mark, str(r.seats), percent(r.seat_share),
                     percent(r.banzhaf), percent(r.shapley_shubik),
                     percent(r.banzhaf_feasible), percent(r.shapley_shubik_feasible)])
    lines += md_table(["unit", "seats", "seat share", "Banzhaf", "Shapley–Shubik",
                       "Banzhaf (feasible)", "Shapley–Shubik (feasible)"], rows, "lrrrrrr")
    lines += ["", "★ a member of this coalition. Seats are not power: compare the seat share "
              "with the indices.", ""]
    lines += _why_lines(atlas, picture, threshold, pm, cite)

    if pack.negotiation is not None:  # posts, demands and the real deal (report_deal.py)
        from explorer.core.report_deal import deal_sections

        lines += deal_sections(atlas, picture, ev.coalition, terms, cite)

    lines += ["## Sources", ""]
    lines += cite.section() or ["(none)"]
    lines += ["", f"_Made with Kingmaker from the pack `{inline(pack.id)}`._", ""]
    return "\n".join(lines)


def _why_lines(atlas: Atlas, picture: Picture, threshold: str, pm: str | None, cite) -> list[str]:
    """Why each unit has its power (explorer.core.explain): the same words as the TUI's why
    panel and `explorer power --explain`."""
    from explorer.core.explain import explain

    out = ["### Why these figures", ""]
    for unit in picture.units:
        ex = explain(atlas, picture, unit.id, threshold, pm=pm, feasible=True)
        plain = explain(atlas, picture, unit.id, threshold, pm=pm)
        line = f"- {inline(plain.summary)}"
        if plain.examples:
            smallest = " + ".join(plain.names[u] for u in plain.examples[0])
            line += f" Smallest coalition in which it is pivotal: {inline(smallest)}."
        out.append(line)
        for r in ex.reasons:
            out.append(f"  - {inline(r.text)} {cite.ref(*r.sources) if r.sources else ''}"
                       .rstrip())
    return [*out, ""]


def _name(atlas: Atlas, actor_id: str | None) -> str:
    if actor_id is None:
        return ""
    actor = atlas.pack.actors.get(actor_id)
    return actor.name if actor else actor_id


def _kind(atlas: Atlas, unit_id: str) -> str:
    actor = atlas.pack.actors.get(unit_id)
    return actor.kind if actor else "group"


def _member_seats(atlas: Atlas, picture: Picture, unit_id: str) -> tuple[int, int, int]:
    from explorer.core.coalition import seat_range

    return seat_range(atlas, picture, unit_id)


def _seat_actors(atlas: Atlas, unit_id: str) -> list[str]:
    """The seat holders behind a member: itself, or a bloc's member lists."""
    actor = atlas.pack.actors.get(unit_id)
    if actor is None:
        return []
    if actor.kind == "bloc" and actor.members:
        return [m for mem in actor.members for m in _seat_actors(atlas, mem)]
    return [unit_id]


def _seat_citations(atlas: Atlas, unit_id: str, cite: Citations) -> str:
    sources = [c.source for a in _seat_actors(atlas, unit_id)
               for c in atlas.pack.actors[a].seat_claims]
    return cite.ref(*sources) if sources else ""


def _claims(atlas: Atlas, unit_id: str, cite: Citations) -> list[str]:
    out = []
    for a in _seat_actors(atlas, unit_id):
        actor = atlas.pack.actors[a]
        if not actor.disputed:
            continue
        claims = "; ".join(
            f"{c.text}{' (' + inline(c.note) + ')' if c.note else ''} {cite.ref(c.source)}"
            for c in actor.seat_claims)
        out.append(f"- {inline(actor.name)}: {claims}")
    return out

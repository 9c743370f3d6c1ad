"""The deal sections of the coalition report: the deal on the table and the real one."""

from __future__ import annotations

from explorer.core.coalition import Coalition
from explorer.core.deals import DealEvaluation, Terms, evaluate_deal
from explorer.core.graph import Atlas
from explorer.core.markdown_text import inline
from explorer.core.report import Citations, md_cell, md_table
from explorer.core.seats import Picture


def _rows(atlas: Atlas, result: DealEvaluation, cite: Citations, people=None) -> list[str]:
    neg = atlas.pack.negotiation

    def post(p: str) -> str:
        who = f" ({people[p]})" if people and p in people else ""
        return neg.posts[p].name + who

    rows = []
    for v in result.verdicts:
        rows.append([md_cell(v.name), f"{v.seat_share:.0%}", f"{v.weight_share:.0%}",
                     f"{v.banzhaf_share:.0%}", md_cell(", ".join(post(p) for p in v.posts)
                                                        or "none"),
                     md_cell(", ".join(neg.policies[p].name for p in v.promises) or "none"),
                     "accepts" if v.accepts else "**refuses**"])
    out = md_table(["member", "seat share (Gamson)", "posts' weight", "Banzhaf", "posts",
                    "promised", "verdict"], rows, "lrrrlll")
    reasons = [(v, r) for v in result.verdicts for r in v.reasons if r.kind != "share"
               and r.sources]
    if reasons:
        out.append("")
    for v, r in reasons:
        mark = "met" if r.ok else ("not met" if r.kind == "wish" else "**not met**"
                                   if r.kind == "demand" else "**crossed**")
        out.append(f"- {inline(v.name)}, {r.kind} {mark}: {inline(r.text)} "
                   f"{cite.ref(*r.sources)}")
    for v in result.verdicts:
        for r in v.refusals:
            if r.kind == "share":
                out.append(f"- {inline(v.name)}: {inline(r.text)}")
    return out


def deal_sections(atlas: Atlas, picture: Picture, coalition: Coalition, terms: Terms | None,
                  cite: Citations) -> list[str]:
    from explorer.core.deal_actual import judge_actual

    neg = atlas.pack.negotiation
    if neg is None:
        return []
    result = evaluate_deal(atlas, picture, coalition, terms or Terms())
    lines = ["## The deal", ""]
    lines.append(f"Each member wants a share of the posts' weight of at least "
                 f"{neg.tolerance:.0%} of its share of the coalition's seats (Gamson's law "
                 "would make the two equal), its must-have demands met and none of its red "
                 "lines crossed.")
    lines.append("")
    if result.verdicts:
        lines += _rows(atlas, result, cite)
        lines.append("")
    lines.append("The government " + ("**forms**." if result.formed else "does **not** form: "
                 + "; ".join([f"{v.name} refuses" for v in result.verdicts if not v.accepts]
                             + [p.text for p in result.problems]
                             + ([] if result.reached else
                                [f"{result.need - result.low} seats short"]))
                 + "."))
    lines.append("")
    actual = judge_actual(atlas)
    if actual is not None:
        real = neg.actual
        people = {a.post: a.person for a in real.allocations}
        lines += [f"## What happened: {inline(real.title)} ({real.date})", ""]
        lines += [f"{inline(' '.join(real.summary.split()))} {cite.ref(*real.sources)}", ""]
        lines += _rows(atlas, actual, cite, people)
        lines += ["", "Every post of the real allocation, with its source: "
                  + "; ".join(f"{inline(neg.posts[a.post].name)}: {inline(a.person)} "
                              f"{cite.ref(*a.sources)}" for a in real.allocations) + ".", ""]
    return lines

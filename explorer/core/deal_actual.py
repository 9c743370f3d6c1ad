"""The real deal of a pack (deal.toml) as a deal the model can judge beside the player's."""

from __future__ import annotations

from explorer.core.coalition import Coalition
from explorer.core.deals import DealError, DealEvaluation, Terms, evaluate_deal, resolve_member
from explorer.core.graph import Atlas
from explorer.core.seats import Picture, default_picture


def actual_deal(atlas: Atlas) -> tuple[Picture, Coalition, Terms] | None:
    """The picture on the real deal's date, its coalition and its terms (posts and promises
    credited to the member each holder sits in), or None when the pack has no real deal."""
    neg = atlas.pack.negotiation
    if neg is None or neg.actual is None:
        return None
    real = neg.actual
    picture = default_picture(atlas.pack, real.date)
    members = tuple(m for m in real.members if atlas.pack.actors[m].exists_on(real.date))
    coalition = Coalition(members, real.pm)
    terms = Terms()
    for a in real.allocations:
        try:
            terms = terms.give(a.post, resolve_member(atlas, picture, coalition, a.holder))
        except DealError:
            continue  # a holder outside the coalition (it never happens in a checked pack)
    for p in real.promises:
        try:
            terms = terms.promise(p.policy, resolve_member(atlas, picture, coalition, p.to))
        except DealError:
            continue
    return picture, coalition, terms


def judge_actual(atlas: Atlas) -> DealEvaluation | None:
    found = actual_deal(atlas)
    if found is None:
        return None
    picture, coalition, terms = found
    return evaluate_deal(atlas, picture, coalition, terms)


def actual_json(atlas: Atlas) -> dict:
    neg = atlas.pack.negotiation
    real = neg.actual
    result = judge_actual(atlas)
    return {
        "title": real.title, "date": real.date.isoformat(), "pm": real.pm,
        "members": list(real.members), "summary": " ".join(real.summary.split()),
        "sources": list(real.sources),
        "allocations": [{"post": a.post, "post_name": neg.posts[a.post].name,
                         "holder": a.holder, "person": a.person, "date": a.date.isoformat(),
                         "note": a.note, "sources": list(a.sources)} for a in real.allocations],
        "promises": [{"policy": p.policy, "policy_name": neg.policies[p.policy].name,
                      "to": p.to, "date": p.date.isoformat(), "note": p.note,
                      "sources": list(p.sources)} for p in real.promises],
        "evaluation": result.as_json() if result else None,
    }

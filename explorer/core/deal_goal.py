"""Which seat holders can never be in one accepted deal, and when bargaining is stuck.

Two seat holders *clash* when one side's must-have demand crosses the other side's red line (a
policy it must be promised that the other will not accept, a post it must hold that the other
will not see it hold), when both must hold the same post, or when one will not sit with the
other. A seat holder *cannot serve* under a PM candidate when it must hold the premiership
itself, or wants a premier from a camp he is not in.

The deal is *stuck* (a dead end until something is withdrawn, dismissed or undone) when members
of the coalition clash or one cannot serve under the candidate, or when the terms already cross
a member's red line or give a post one member must hold to another: no further offer, promise
or invitation can make such a deal acceptable.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.core.coalition import Coalition, evaluate
from explorer.core.deal_model import Demand, Negotiation, RedLine
from explorer.core.deals import Judge, Terms
from explorer.core.graph import Atlas
from explorer.core.seats import Picture


@dataclass(frozen=True)
class Clash:
    a: str
    b: str | None  # None: a cannot serve under the PM candidate
    text: str
    sources: tuple[str, ...]


class Sides:
    """Each seat holder's must-have demands and red lines on the picture's date, cached."""

    def __init__(self, atlas: Atlas, picture: Picture):
        neg = atlas.pack.negotiation or Negotiation()
        self.judge = Judge(atlas, picture, neg)
        self.neg = neg
        self._musts: dict[str, list[Demand]] = {}
        self._lines: dict[str, list[RedLine]] = {}

    def musts(self, unit: str) -> list[Demand]:
        if unit not in self._musts:
            on = self.judge.on
            self._musts[unit] = [d for a in self.judge.side(unit)
                                 for d in self.neg.demands_of(a, on) if d.must]
        return self._musts[unit]

    def lines(self, unit: str) -> list[RedLine]:
        if unit not in self._lines:
            on = self.judge.on
            self._lines[unit] = [r for a in self.judge.side(unit)
                                 for r in self.neg.red_lines_of(a, on)]
        return self._lines[unit]

    # -- clashes ---------------------------------------------------------------------------
    def clash(self, a: str, b: str, pm: str | None) -> Clash | None:
        return self._one_way(a, b, pm) or self._one_way(b, a, pm)

    def _one_way(self, a: str, b: str, pm: str | None) -> Clash | None:
        j = self.judge
        side_a, side_b = set(j.side(a)), set(j.side(b))
        for d in self.musts(a):
            for r in self.lines(b):
                if d.policy and r.policy == d.policy:
                    if r.own_pm and (pm is None or pm not in j.cover.circle(b)):
                        continue
                    return Clash(a, b, f"{j.name(d.actor)} must be promised {j.name(d.policy)}, "
                                 f"which {j.name(r.actor)} will not accept",
                                 d.sources + r.sources)
                if d.post and r.post == d.post and (
                        (r.holder and r.holder in side_a) or
                        (not r.holder and r.actor not in side_a)):
                    return Clash(a, b, f"{j.name(d.actor)} must hold {j.name(d.post)}, which "
                                 f"{j.name(r.actor)} will not see it hold", d.sources + r.sources)
            if d.post:
                other = next((e for e in self.musts(b) if e.post == d.post), None)
                if other is not None:
                    return Clash(a, b, f"{j.name(d.actor)} and {j.name(other.actor)} both "
                                 f"must hold {j.name(d.post)}", d.sources + other.sources)
        for r in self.lines(a):
            if r.partner and r.partner in side_b and r.partner not in side_a:
                return Clash(a, b, f"{j.name(r.actor)} will not sit with {j.name(r.partner)}",
                             r.sources)
        return None

    def cannot_serve(self, unit: str, pm: str | None) -> Clash | None:
        if pm is None:
            return None
        j = self.judge
        mine = pm in j.cover.circle(unit) or pm == unit
        for d in self.musts(unit):
            if d.post and d.post == self.neg.pm_post and not mine:
                return Clash(unit, None, f"{j.name(d.actor)} must hold {j.name(d.post)} itself",
                             d.sources)
        for r in self.lines(unit):
            if r.pm_from and not j.in_camp(pm, r.pm_from):
                camp = " or ".join(j.name(a) for a in r.pm_from)
                return Clash(unit, None, f"{j.name(r.actor)} wants a prime minister from {camp}",
                             r.sources)
        return None


def member_clashes(atlas: Atlas, picture: Picture, coalition: Coalition,
                   sides: Sides | None = None) -> list[Clash]:
    sides = sides or Sides(atlas, picture)
    members = list(evaluate(atlas, picture, coalition, completions=False).members)
    out = [c for m in members if (c := sides.cannot_serve(m, coalition.pm))]
    for i, a in enumerate(members):
        for b in members[i + 1:]:
            c = sides.clash(a, b, coalition.pm)
            if c is not None:
                out.append(c)
    return out


def stuck(atlas: Atlas, picture: Picture, coalition: Coalition, terms: Terms) -> Clash | None:
    """Why no further step but a withdrawal can make this deal acceptable, or None."""
    from explorer.core.deals import evaluate_deal

    sides = Sides(atlas, picture)
    clashes = member_clashes(atlas, picture, coalition, sides)
    if clashes:
        return clashes[0]
    result = evaluate_deal(atlas, picture, coalition, terms)
    for v in result.verdicts:
        for r in v.reasons:
            if r.final and not r.ok:
                return Clash(v.member, None, r.text, r.sources)
    return None


def outside_clashes(atlas: Atlas, picture: Picture, coalition: Coalition,
                    candidates: list[str]) -> tuple[set[str], set[frozenset[str]]]:
    """Candidates that clash with a member or cannot serve under the PM (to drop), and the
    pairs of candidates that clash with each other."""
    sides = Sides(atlas, picture)
    members = list(evaluate(atlas, picture, coalition, completions=False).members)
    drop = {c for c in candidates if sides.cannot_serve(c, coalition.pm) or any(
        sides.clash(c, m, coalition.pm) for m in members)}
    rest = [c for c in candidates if c not in drop]
    pairs = {frozenset((a, b)) for i, a in enumerate(rest) for b in rest[i + 1:]
             if sides.clash(a, b, coalition.pm)}
    return drop, pairs

"""A challenge's goal: is it won, and can it still be won from here (the dead-end rule)?

Dead end: keep the coalition as it stands and look at every seat holder still outside it (the
lists and blocs on the table, and the factions and parties inside lists that are not in). Drop
those the goal excludes and, when the goal must be feasible, those that hard-conflict with the
coalition or refuse its PM candidate. Two outsiders cannot both join if they share seats (a list
and its faction) or, for a feasible goal, if one refuses the other. The goal's required members
that are missing must come from the outsiders that contain them. If no allowed set lifts the
coalition's low seat total to the threshold, it is a dead end: a branch-and-bound search over a
few dozen candidates settles it exactly (a node budget guards it; an unsettled search never
reports a dead end).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from explorer.core.coalition import Coalition, Evaluation, evaluate, member_id, seat_range
from explorer.core.graph import Atlas
from explorer.core.model import Goal
from explorer.core.seats import Picture
from explorer.core.tensions import Cover, cover_of, find_tensions

NODE_BUDGET = 200_000
_COALITION = "__coalition__"


@dataclass
class Outlook:
    won: bool
    dead: bool
    cause: str  # "" | "excluded" | "refusal" | "seats" (why it is a dead end)
    need: int  # the threshold's seats
    low: int  # the coalition's low total now
    best: int | None  # the best low total still reachable (None when not searched)
    reasons: list[str] = field(default_factory=list)  # why the goal does not hold yet
    evaluation: Evaluation | None = None


def _names(atlas: Atlas, ids: list[str]) -> str:
    from explorer.adventure.prose import join, the

    return join([the(atlas.pack.actors[i]) if i in atlas.pack.actors else i for i in ids])


def _mid(atlas: Atlas, picture: Picture, item: str) -> str | None:
    try:
        return member_id(atlas, picture, item)
    except (LookupError, ValueError):
        return None


def is_present(atlas: Atlas, picture: Picture, cover: Cover, members: list[str],
               item: str) -> bool:
    """An actor is in the coalition when a member covers its seats (or, for a person without
    seats, when it is in a member's circle)."""
    mid = _mid(atlas, picture, item)
    if mid is not None:
        return any(mid in cover.cover(m) for m in members)
    return any(item in cover.circle(m) for m in members)


def overlaps(atlas: Atlas, picture: Picture, cover: Cover, members: list[str],
             item: str) -> bool:
    """Some of an actor's seats (or the actor, for a person) are in the coalition."""
    mid = _mid(atlas, picture, item)
    if mid is None:
        return any(item in cover.circle(m) for m in members)
    mine = cover.cover(mid)
    return any(mine & cover.cover(m) for m in members)


def assess(atlas: Atlas, picture: Picture, coalition: Coalition, goal: Goal,
           clashes=None) -> Outlook:
    """clashes(candidates) -> (candidates to drop, pairs that cannot join together): extra
    conflicts for the search (a deal goal's, see explorer/core/deal_goal.py)."""
    ev = evaluate(atlas, picture, coalition, completions=False)
    threshold = atlas.pack.threshold(goal.threshold) or atlas.pack.thresholds[0]
    need = threshold.seats
    cover = cover_of(atlas, picture)
    members = ev.members
    verdict = next(v for v in ev.verdicts if v.threshold.id == threshold.id)
    reasons = []
    if not verdict.reached:
        reasons.append(f"{need - ev.low} seats short of {need}")
    if goal.feasible and not ev.feasible:
        reasons.append("a hard refusal inside the coalition")
    missing = [i for i in goal.include if not is_present(atlas, picture, cover, members, i)]
    if missing:
        reasons.append("without " + _names(atlas, missing))
    banned = [x for x in goal.exclude if overlaps(atlas, picture, cover, members, x)]
    if banned:
        are, them = ("are", "them") if len(banned) > 1 else ("is", "it")
        reasons.append(f"{_names(atlas, banned)} {are} in it, and the goal rules {them} out")
    if not reasons:
        return Outlook(True, False, "", need, ev.low, ev.low, [], ev)
    if banned:
        return Outlook(False, True, "excluded", need, ev.low, None, reasons, ev)
    if goal.feasible and not ev.feasible:
        return Outlook(False, True, "refusal", need, ev.low, None, reasons, ev)
    best = best_reachable(atlas, picture, ev, goal, cover, missing, need, clashes)
    dead = best is not None and best < need
    return Outlook(False, dead, "seats" if dead else "", need, ev.low, best, reasons, ev)


def candidates(atlas: Atlas, picture: Picture, ev: Evaluation, goal: Goal,
               cover: Cover) -> dict[str, int]:
    """Outside seat holders that could still join, with the seats each would add (low)."""
    pack = atlas.pack
    on = picture.on
    ids = list(picture.ids)
    for actor in pack.actors.values():
        if actor.holds_seats and actor.exists_on(on) and actor.id not in ids:
            ids.append(actor.id)
    inside: set[str] = set()
    for m in ev.members:
        inside |= cover.cover(m)
    excluded = set()
    for x in goal.exclude:
        mid = _mid(atlas, picture, x)
        if mid is not None:
            excluded |= cover.cover(mid)
    out: dict[str, int] = {}
    for cid in ids:
        mine = cover.cover(cid)
        if cid in inside or mine & excluded:
            continue
        absorbed = [m for m in ev.members if m in mine]
        if any(m for m in ev.members if mine & cover.cover(m) and m not in absorbed):
            continue  # partly inside through a bigger member
        gain = seat_range(atlas, picture, cid)[0] - sum(
            seat_range(atlas, picture, m)[0] for m in absorbed)
        if gain > 0 or any(_covers(atlas, picture, cover, cid, i) for i in goal.include):
            out[cid] = gain
    return out


def _covers(atlas: Atlas, picture: Picture, cover: Cover, cid: str, item: str) -> bool:
    mid = _mid(atlas, picture, item)
    return mid is not None and mid in cover.cover(cid)


def best_reachable(atlas: Atlas, picture: Picture, ev: Evaluation, goal: Goal, cover: Cover,
                   missing: list[str], need: int, clashes=None) -> int | None:
    """The best low total reachable by adding allowed outsiders (exact, or None if unsettled)."""
    cands = candidates(atlas, picture, ev, goal, cover)
    pm = ev.coalition.pm
    conflicts: set[frozenset[str]] = set()
    if clashes is not None and cands:
        drop, pairs = clashes(list(cands))
        for c in drop:
            cands.pop(c, None)
        conflicts |= pairs
    if goal.feasible and cands:
        groups = {_COALITION: [c for m in ev.members for c in cover.constituents(m)]}
        groups.update({c: cover.constituents(c) for c in cands})
        for t in find_tensions(cover, groups, pm):
            if not t.hard:
                continue
            if t.about_pm or _COALITION in (t.a, t.b):
                other = t.a if t.b in (_COALITION, pm) else t.b
                cands.pop(other, None)
            else:
                conflicts.add(frozenset((t.a, t.b)))
    order = sorted(cands, key=lambda c: -cands[c])
    index = {c: i for i, c in enumerate(order)}
    n = len(order)
    clash = [0] * n
    for i, a in enumerate(order):
        ca = cover.cover(a)
        for j in range(i + 1, n):
            b = order[j]
            if ca & cover.cover(b) or frozenset((a, b)) in conflicts:
                clash[i] |= 1 << j
                clash[j] |= 1 << i
    weights = [cands[c] for c in order]
    options = []
    for item in missing:
        opts = [index[c] for c in order if _covers(atlas, picture, cover, c, item)]
        if not opts:
            return ev.low  # a required member can no longer join
        options.append(opts)
    best = -1
    budget = [NODE_BUDGET]
    for forced in itertools.product(*options) if options else [()]:
        chosen = 0
        ok = True
        for i in forced:
            if clash[i] & chosen:
                ok = False
                break
            chosen |= 1 << i
        if not ok:
            continue
        total = ev.low + sum(weights[i] for i in set(forced))
        blocked = chosen
        for i in set(forced):
            blocked |= clash[i]
        got = _search(weights, clash, 0, blocked, total, need, best, budget)
        if got is None:
            return None
        best = max(best, got)
        if best >= need:
            return best
    return best if best >= 0 else ev.low


def _search(weights: list[int], clash: list[int], i: int, blocked: int, total: int, need: int,
            best: int, budget: list[int]) -> int | None:
    """Branch and bound: the best total from items i.. not blocked (stops once need is met)."""
    budget[0] -= 1
    if budget[0] < 0:
        return None
    n = len(weights)
    while i < n and blocked >> i & 1:
        i += 1
    if i >= n or total >= need:
        return max(best, total)
    bound = total + sum(weights[j] for j in range(i, n) if not blocked >> j & 1)
    if bound <= best:
        return best
    got = _search(weights, clash, i + 1, blocked | (1 << i) | clash[i], total + weights[i],
                  need, best, budget)
    if got is None:
        return None
    best = max(best, got)
    if best >= need:
        return best
    return _search(weights, clash, i + 1, blocked | (1 << i), total, need, best, budget)

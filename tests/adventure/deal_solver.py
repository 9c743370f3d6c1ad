"""An exact solver for the bargaining challenges: the fewest commands that win one.

A win is a final table (the coalition, the PM candidate, the terms) on which `propose` forms the
government and the goal holds. Reaching a table costs one command per invitation, one for naming
a PM (when the challenge leaves it open), one per post offered and per policy promised, and one
`propose`. These steps commute (the verdicts depend only on the final table; an invitation that
a hard refusal would turn down leads to no feasible table), so the shortest win is the cheapest
winning table. The search enumerates every coalition the invitations can build, with the lower
bound `invitations + must-haves + one post for each member without one + propose` pruning it,
and for each the extra posts by weight class (posts of one weight are interchangeable unless a
red line names them, which the concrete choice checks), in increasing number, each candidate
judged by the game's own evaluate_deal. The caller replays the answer through the Engine.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from explorer.adventure import goals
from explorer.core.coalition import Coalition, evaluate
from explorer.core.deal_goal import Sides
from explorer.core.deals import Judge, Terms, evaluate_deal
from explorer.core.seats import default_picture
from explorer.core.tensions import Cover


@dataclass
class Win:  # noqa: D101
    commands: list[str]
    coalition: Coalition
    terms: Terms


def _names(atlas, item: str) -> str:
    return item.replace("_", " ") if item not in atlas.pack.actors else atlas.pack.actors[item].id


def solve(atlas, challenge_id: str, limit: int = 30, pms: list[str] | None = None) -> Win:
    """The cheapest win, by iterative deepening on its number of commands."""
    memo: dict = {}
    for cost in range(1, limit + 1):
        found = _solve_at(atlas, challenge_id, cost, pms, memo)
        if found is not None:
            return found
    raise AssertionError(f"no win for {challenge_id} within {limit} commands")


def _solve_at(atlas, challenge_id: str, cost: int, pms, memo: dict) -> Win | None:
    pack = atlas.pack
    ch = pack.challenges[challenge_id]
    goal = ch.goal
    neg = pack.negotiation
    picture = default_picture(pack, ch.date)
    need = (pack.threshold(goal.threshold) or pack.thresholds[0]).seats
    start = Coalition(tuple(ch.start_coalition), ch.pm)
    cover = Cover(atlas, picture)
    ev0 = evaluate(atlas, picture, start, completions=False)
    pool = sorted(goals.candidates(atlas, picture, ev0, goal, cover))
    pool = [c for c in pool if not (picture.unit(c) and picture.unit(c).synthetic)]
    pm_options = [(ch.pm, 0)] if ch.pm else [(p, 1) for p in (pms or [])]
    posts = neg.posts_on(ch.date)
    sides = memo.setdefault("sides", Sides(atlas, picture))
    judge = Judge(atlas, picture, neg)

    def tally(members, pm):
        key = (frozenset(members), pm)
        if key not in memo:
            ev = evaluate(atlas, picture, Coalition(tuple(members), pm), completions=False)
            memo[key] = (ev.feasible, ev.low)
        return memo[key]

    def clash(a, b, pm):
        key = ("clash", frozenset((a, b)), pm)
        if key not in memo:
            memo[key] = sides.clash(a, b, pm) is not None
        return memo[key]

    for pm, pm_cost in pm_options:
        start_members = list(evaluate(atlas, picture, start.with_pm(pm),
                                      completions=False).members)
        if any(sides.clash(a, b, pm) for a, b in itertools.combinations(start_members, 2)):
            continue

        def bound(members, invites, pm=pm, pm_cost=pm_cost):
            pm_member = judge.pm_member(pm, members)
            total = invites + pm_cost + 1
            for m in members:
                ms = [d for d in sides.musts(m) if d.target[0] != "partner"]
                mp = [d for d in ms if d.post and d.post != neg.pm_post]
                total += len(ms) - len(mp) + (len(mp) if m == pm_member else max(len(mp), 1))
            return total

        def visit(members, invites, i, pm=pm, pm_cost=pm_cost):
            if bound(members, invites) > cost:
                return None
            coalition = Coalition(tuple(members), pm)
            feasible, low = tally(members, pm)
            if feasible and low >= need and _goal_members_ok(atlas, picture, coalition, goal):
                found = _terms_search(atlas, picture, coalition, ch, sides, judge, posts,
                                      invites + pm_cost + 1, cost)
                if found is not None:
                    return Win(_commands(atlas, ch, coalition, found), coalition, found)
            for j in range(i, len(pool)):
                c = pool[j]
                if any(cover.cover(c) & cover.cover(m) for m in members):
                    continue
                if sides.cannot_serve(c, pm) or any(clash(c, m, pm) for m in members):
                    continue
                if not tally([*members, c], pm)[0]:
                    continue
                found = visit([*members, c], invites + 1, j + 1)
                if found is not None:
                    return found
            return None

        found = visit(start_members, 0, 0)
        if found is not None:
            return found
    return None


def _goal_members_ok(atlas, picture, coalition, goal) -> bool:
    cover = Cover(atlas, picture)
    members = list(evaluate(atlas, picture, coalition, completions=False).members)
    return all(goals.is_present(atlas, picture, cover, members, i) for i in goal.include) and \
        not any(goals.overlaps(atlas, picture, cover, members, x) for x in goal.exclude)


def _terms_search(atlas, picture, coalition, ch, sides, judge, posts, spent, cost):
    """Terms costing at most cost - spent commands under which the deal forms, or None."""
    neg = atlas.pack.negotiation
    members = list(evaluate(atlas, picture, coalition, completions=False).members)
    base = Terms()
    for m in members:
        for d in sides.musts(m):
            if d.post and d.post != neg.pm_post and base.holder(d.post) is None:
                base = base.give(d.post, m)
            elif d.policy and (d.policy, m) not in base.promises:
                base = base.promise(d.policy, m)
    goal = ch.goal
    wish_sets = [()]
    scored = None
    if goal.demands_of:
        scored = judge.owner(goal.demands_of, members)
        if scored is None:
            return None
        wishes = [d for a in judge.side(scored) for d in neg.demands_of(a, ch.date)
                  if not d.must and d.target[0] != "partner"]
        have = evaluate_deal(atlas, picture, coalition, base, power=False).verdict(scored).points
        k = max(0, goal.demands_met - have)
        wish_sets = list(itertools.combinations(wishes, k)) if k <= len(wishes) else []
    classes = sorted({p.weight for p in posts}, reverse=True)
    seats = {v.member: v.seat_share for v in
             evaluate_deal(atlas, picture, coalition, base, power=False).verdicts}
    for wish in wish_sets:
        terms = base
        for d in wish:
            if d.post:
                if terms.holder(d.post) is not None:
                    break
                terms = terms.give(d.post, scored)
            else:
                terms = terms.promise(d.policy, scored)
        else:
            budget = cost - spent - len(terms.posts) - len(terms.promises)
            if budget < 0:
                continue
            found = _extra(atlas, picture, coalition, terms, members, posts, classes, seats,
                           budget)
            if found is not None:
                return found
    return None


def _extra(atlas, picture, coalition, terms, members, posts, classes, seats, budget):
    """Depth-first: the first member short of its share must get a post (giving one to anyone
    else only raises the total weight), so branch over the weight of that post."""
    neg = atlas.pack.negotiation
    tol = neg.tolerance
    weight = dict.fromkeys(members, 0.0)
    pm_member = evaluate_deal(atlas, picture, coalition, terms, power=False).pm_member
    held = list(terms.posts)
    if neg.pm_post and pm_member and terms.holder(neg.pm_post) is None:
        held.append((neg.pm_post, pm_member))
    for p, m in held:
        weight[m] += neg.posts[p].weight
    total = sum(weight.values())
    short = [m for m in members if weight[m] / (total or 1) + 1e-9 < tol * seats[m]]
    if not short:
        result = evaluate_deal(atlas, picture, coalition, terms, power=False)
        return terms if result.formed else None
    if len(short) > budget:
        return None
    m = short[0]
    for w in classes:
        post = _pick(atlas, picture, coalition, terms, m, w, posts, neg)
        if post is None:
            continue
        found = _extra(atlas, picture, coalition, terms.give(post, m), members, posts, classes,
                       seats, budget - 1)
        if found is not None:
            return found
    return None


def _pick(atlas, picture, coalition, terms, member, weight, posts, neg):
    """A free post of that weight whose giving to member crosses no red line."""
    for p in posts:
        if p.weight != weight or terms.holder(p.id) is not None or p.id == neg.pm_post:
            continue
        trial = terms.give(p.id, member)
        result = evaluate_deal(atlas, picture, coalition, trial, power=False)
        if not any(r.kind == "red line" for v in result.verdicts for r in v.refusals):
            return p.id
    return None


def _commands(atlas, ch, coalition, terms) -> list[str]:
    neg = atlas.pack.negotiation
    lines = []
    if not ch.pm and coalition.pm:
        lines.append(f"pm {coalition.pm}")
    for m in coalition.members:
        if m not in ch.start_coalition:
            lines.append(f"invite {m}")
    for p, m in terms.posts:
        lines.append(f"offer {neg.posts[p].name} to {m}")
    for q, m in terms.promises:
        lines.append(f"promise {neg.policies[q].name} to {m}")
    lines.append("propose")
    return lines

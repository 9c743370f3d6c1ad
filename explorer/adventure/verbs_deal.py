"""Verbs of bargaining: demands, offer, promise, withdraw, deal, propose, posts.

The deal so far lives on the engine (`e.terms`, a frozen Terms) and in its snapshots, so `undo`
takes back a bargaining step like any other move. `propose` puts the deal to the members: when
every member accepts and the seats reach the threshold the government forms (`e.formed` keeps
what was agreed; a deal goal is won only while nothing has changed since).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.adventure import prose
from explorer.adventure.grammar import Answer, Reply, Verbs
from explorer.adventure.parser import Span
from explorer.core.deals import (
    DealError,
    Terms,
    evaluate_deal,
    find_policy,
    find_post,
    pct,
    resolve_member,
)

if TYPE_CHECKING:
    from explorer.adventure.engine import Engine
    from explorer.adventure.goals import Outlook
    from explorer.core.deals import DealEvaluation, MemberVerdict

verbs = Verbs("Bargaining")
when = verbs.when


def _negotiation(e: Engine):
    neg = e.pack.negotiation
    if neg is None or not neg.posts:
        raise Reply("This pack has no posts or demands to bargain over.")
    return neg


def deal_key(e: Engine) -> tuple:
    return (e.coalition, e.state.picture, e.terms)


def judge(e: Engine) -> DealEvaluation:
    th = e.challenge.goal.threshold if e.challenge else None
    return evaluate_deal(e.atlas, e.state.picture, e.coalition, e.terms, th)


def _member(e: Engine, span: Span) -> str:
    target = e.actor(span)
    try:
        return resolve_member(e.atlas, e.state.picture, e.coalition, target.id)
    except DealError as exc:
        raise Reply(str(exc) + " ('invite' them first.)") from None


def _name(e: Engine, item: str) -> str:
    neg = e.pack.negotiation
    if neg and item in neg.posts:
        return neg.posts[item].name
    if neg and item in neg.policies:
        return neg.policies[item].name
    if item in e.pack.actors:
        return e.world.name(item)
    unit = e.state.picture.unit(item)
    return unit.name if unit else item


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def verdict_line(e: Engine, v: MemberVerdict) -> str:
    mark = "accepts" if v.accepts else "refuses"
    why = "; ".join(r.text for r in v.refusals[:3])
    return f"{v.name} {mark}" + (f": {why}." if why else ".")


def _red_lines(result: DealEvaluation) -> dict[str, set[str]]:
    return {v.member: {r.text for r in v.reasons if r.kind == "red line"}
            for v in result.verdicts}


def _after(e: Engine, member: str, text: str, before: DealEvaluation | None = None) -> str:
    """The member's verdict after a step; with `before`, also every other member whose red
    line the step has just crossed (everyone hears of an offer or a promise)."""
    result = judge(e)
    v = result.verdict(member)
    lines = [text]
    if v is not None:
        lines.append(f"{verdict_line(e, v)} (Posts' weight {pct(v.weight_share)} for "
                     f"{pct(v.seat_share)} of the seats.)")
    if before is not None:
        old = _red_lines(before)
        for other in result.verdicts:
            crossed = [r.text for r in other.reasons if r.kind == "red line"
                       and r.text not in old.get(other.member, set())]
            if other.member != member and crossed:
                lines.append(f"{other.name} objects: {'; '.join(crossed)}.")
    return "\n".join(lines)


@when("demands ACTOR", help="what someone asks of a deal, and their "
      "red lines, with sources")
@when("demands of ACTOR")
@when("ask ACTOR what they want")
@when("what does ACTOR want")
@when("red lines ACTOR")
@when("price ACTOR")
def demands(e: Engine, actor: Span) -> str:
    from explorer.core.deals import Judge

    neg = _negotiation(e)
    target = e.actor(actor)
    j = Judge(e.atlas, e.state.picture, neg)
    try:
        from explorer.core.coalition import member_id

        unit = member_id(e.atlas, e.state.picture, target.id)
    except (KeyError, ValueError):
        unit = target.id
    side = j.side(unit) if unit in e.pack.actors or e.state.picture.unit(unit) else [target.id]
    on = e.on
    wants = [d for a in side for d in neg.demands_of(a, on)]
    lines_ = [r for a in side for r in neg.red_lines_of(a, on)]
    who_id = unit if unit in e.pack.actors else target.id
    who = e.world.name(who_id)
    if not wants and not lines_:
        return Answer(f"{e.world.name(who_id, True)} asks for nothing in particular on "
                      f"{prose.day(on)}, as far as the sources say: its price is a fair share "
                      "of the posts.", it=target.id)
    out = [f"What {who} wants on {prose.day(on)}:"]
    sources: list[str] = []
    grouped: dict[tuple, list] = {}
    for d in wants:  # one line per demand, naming every part of the side that makes it
        grouped.setdefault((d.target, d.must), []).append(d)
    for (wanted, must), ds in grouped.items():
        kind, item = wanted
        d = ds[0]
        tag = "must have" if must else "would like"
        what = {"post": f"the post of {_name(e, item)}",
                "policy": f"a promise of {_name(e, item)}",
                "partner": f"{_name(e, item)} as a partner"}[kind]
        note = f" ({d.note})" if d.note else ""
        who = prose.join([e.world.name(x.actor) for x in ds])
        srcs = [s for x in ds for s in x.sources]
        out.append(f"  {who[:1].upper()}{who[1:]} {tag} {what}{note}. "
                   f"{prose.cite(list(dict.fromkeys(srcs)))}")
        sources += srcs
    for r in lines_:
        if r.policy:
            what = f"{_name(e, r.policy)} promised to anyone" + (
                " by a prime minister of its own" if r.own_pm else "")
        elif r.post:
            what = f"{_name(e, r.post)} going to " + (
                e.world.name(r.holder) if r.holder else "anyone else")
        elif r.partner:
            what = f"sitting with {e.world.name(r.partner)}"
        else:
            what = "a prime minister from outside " + prose.join(
                [e.world.name(a) for a in r.pm_from], "or")
        note = f" ({r.note})" if r.note else ""
        out.append(f"  Red line: {e.world.name(r.actor)} will not accept {what}{note}. "
                   f"{prose.cite(r.sources)}")
        sources += r.sources
    if e.coalition.members:
        out.append(f"(Its verdict on your deal so far: 'deal'. Tolerance: a member wants at least "
                   f"{neg.tolerance:.0%} of its seat share in posts' weight.)")
    return Answer("\n".join(out), it=target.id).citing(sources, f"what {target.name} wants")



@when("offer POST to ACTOR", help="put a post in the deal for a member")
@when("give POST to ACTOR")
def offer(e: Engine, post: Span, actor: Span) -> str:
    neg = _negotiation(e)
    try:
        pid = find_post(neg, post.text, e.on)
    except DealError as exc:
        raise Reply(str(exc)) from None
    member = _member(e, actor)
    holder = e.terms.holder(pid)
    if holder == member:
        raise Reply(f"{_name(e, member)} already has {_name(e, pid)}.")
    if holder is not None:
        free = [p.name for p in neg.posts_on(e.on) if e.terms.holder(p.id) is None]
        raise Reply(f"{cap(_name(e, pid))} is already offered to {_name(e, holder)}: "
                    f"'withdraw {_name(e, pid).lower()}' first. Still free: {', '.join(free)}.")
    if neg.pm_post == pid:
        raise Reply(f"{cap(_name(e, pid))} goes with your candidate for prime minister "
                    "('pm X' to change the candidate).")
    before = judge(e)
    e.terms = e.terms.give(pid, member)
    return _after(e, member, f"You offer {_name(e, pid)} to {_name(e, member)}.", before)



@when("promise POLICY to ACTOR", help="promise a policy to a member (everyone hears of it)")
@when("promise ACTOR POLICY")
def promise(e: Engine, policy: Span, actor: Span) -> str:
    neg = _negotiation(e)
    try:
        pid = find_policy(neg, policy.text)
    except DealError as exc:
        raise Reply(str(exc)) from None
    member = _member(e, actor)
    if (pid, member) in e.terms.promises:
        raise Reply(f"{_name(e, member)} has already been promised {_name(e, pid)}.")
    before = judge(e)
    e.terms = e.terms.promise(pid, member)
    return _after(e, member, f"You promise {_name(e, pid)} to {_name(e, member)}.", before)



@when("withdraw ITEM", help="take a post or a promise out")
@when("take back ITEM")
@when("withdraw ITEM from ACTOR")
def withdraw(e: Engine, item: Span, actor: Span | None = None) -> str:
    neg = _negotiation(e)
    text = item.text
    given = {p for p, _ in e.terms.posts}
    promised = {p for p, _ in e.terms.promises}
    if not given and not promised:
        raise Reply("Your deal has nothing in it yet to withdraw.")
    for finder, pool in ((lambda t: find_post(neg, t, None), given),
                         (lambda t: find_policy(neg, t), promised)):
        try:
            found = finder(text)
        except DealError:
            continue
        if found in pool:
            break
    else:
        names = [_name(e, p) for p in list(given) + list(promised)]
        raise Reply(f"There is no “{text}” in your deal. It holds: {', '.join(names)}.")
    if found in given:
        member = e.terms.holder(found)
        e.terms = e.terms.take_back(found)
        return _after(e, member, f"You take {_name(e, found)} back from {_name(e, member)}.")
    member = _member(e, actor) if actor is not None else None
    before = e.terms
    e.terms = e.terms.withdraw(found, member)
    if e.terms == before:
        raise Reply(f"{cap(_name(e, found))} was not promised to {_name(e, member)}.")
    who = f" to {_name(e, member)}" if member else ""
    return f"You withdraw the promise of {_name(e, found)}{who}.\n{summary_line(e)}"



def summary_line(e: Engine) -> str:
    result = judge(e)
    yes = [v.name for v in result.verdicts if v.accepts]
    no = [v.name for v in result.verdicts if not v.accepts]
    bits = []
    if yes:
        bits.append(f"accepting: {', '.join(yes)}")
    if no:
        bits.append(f"refusing: {', '.join(no)}")
    return "The deal now: " + ("; ".join(bits) or "nobody at the table") + "."


@when("deal", help="the deal so far: posts, promises, each member's verdict and why")
@when("terms")
@when("the deal")
@when("show deal")
def deal(e: Engine) -> str:
    _negotiation(e)
    result = judge(e)
    if not result.verdicts:
        raise Reply("Nobody is at the table yet: 'invite' someone, then 'offer' posts.")
    lines = [f"The deal on {prose.day(e.on)} ({result.low} seats of the {result.need} needed; "
             f"a member wants at least {result.tolerance:.0%} of its seat share in posts):"]
    sources: list[str] = []
    for v in result.verdicts:
        posts = ", ".join(_name(e, p) for p in v.posts) or "no post"
        promises = ", ".join(_name(e, p) for p in v.promises)
        lines.append(f"  {v.name} ({v.seats} seats, {pct(v.seat_share)}; Banzhaf "
                     f"{pct(v.banzhaf_share)}): {posts}" + (f"; promised {promises}" if promises
                                                            else ""))
        lines.append(f"    weight {v.weight:g} = {pct(v.weight_share)} of the posts' weight "
                     f"(Gamson's law: {pct(v.seat_share)}). {verdict_line(e, v)}")
        for r in v.reasons:
            if r.kind in ("demand", "wish", "red line", "refusal") and r.sources:
                mark = "ok" if r.ok else ("wish" if r.kind == "wish" else "NO")
                lines.append(f"      [{mark}] {r.text} {prose.cite(r.sources)}")
                sources += list(r.sources)
    for p in result.problems:
        lines.append(f"  Problem: {p.text}.")
    lines.append("Ready: every member accepts — 'propose' it." if result.formed else
                 "Not ready yet: " + _not_ready(result))
    return Answer("\n".join(lines)).citing(sources, "the deal on the table")


def _not_ready(result: DealEvaluation) -> str:
    bits = [f"{v.name} refuses" for v in result.verdicts if not v.accepts]
    if not result.reached:
        bits.append(f"{result.need - result.low} seats short")
    bits += [p.text for p in result.problems]
    return "; ".join(bits) + "."



@when("propose", help="put the deal to the members: the government "
      "forms if all accept and the seats suffice")
@when("propose deal")
@when("propose the deal")
@when("put the deal to a vote")
@when("call the vote")
def propose_deal(e: Engine) -> str:
    _negotiation(e)
    result = judge(e)
    if not result.verdicts:
        raise Reply("There is nobody to put a deal to: 'invite' someone first.")
    if result.formed:
        e.formed = deal_key(e)
        posts = "; ".join(f"{_name(e, p)} to {_name(e, m)}" for p, m in result.terms.posts)
        text = (f"Every member accepts. With {result.low} seats (of {result.need} needed) the "
                f"government is formed on {prose.day(e.on)}: {posts}.")
        out = e.outlook()
        if out is not None and not out.won and out.reasons:
            text += f"\nBut the challenge asks for more: {'; '.join(out.reasons)}."
        return text
    lines = ["The deal does not carry:"]
    for v in result.verdicts:
        if not v.accepts:
            lines.append(f"  {verdict_line(e, v)}")
    if not result.reached:
        lines.append(f"  It has {result.low} seats; {result.need} are needed.")
    lines += [f"  {p.text[0].upper()}{p.text[1:]}." for p in result.problems]
    lines.append("(Nothing has changed. 'deal' shows every reason, 'demands X' what X wants.)")
    return Answer("\n".join(lines)).citing(
        [s for v in result.verdicts for r in v.refusals for s in r.sources],
        "why the deal does not carry")



@when("posts", help="the posts a deal hands out, their weights, and the policies")
@when("policies")
@when("offices")
def posts(e: Engine) -> str:
    neg = _negotiation(e)
    lines = [f"Posts on {prose.day(e.on)} (weight, post: its holder in your deal):"]
    for p in neg.posts_on(e.on):
        holder = e.terms.holder(p.id)
        if p.id == neg.pm_post and e.coalition.pm:
            holder = "your candidate's side"
        who = (_name(e, holder) if holder and holder in e.pack.actors or
               (holder and e.state.picture.unit(holder)) else holder or "free")
        lines.append(f"  {p.weight:>3g}  {cap(p.name)}: {who}")  # any length of name lines up
    lines.append("Policies one can promise: " + ", ".join(p.name for p in neg.policies.values())
                 + ".")
    return "\n".join(lines)



def deal_outlook(e: Engine, out: Outlook) -> Outlook:
    """A deal goal: won only by a proposed deal still on the table (and enough of the goal's
    demands met); a dead end also when the bargaining is stuck."""
    from dataclasses import replace

    from explorer.core.deal_goal import stuck

    goal = e.challenge.goal
    if out.dead:
        return out
    clash = stuck(e.atlas, e.state.picture, e.coalition, e.terms)
    if clash is not None:
        return replace(out, won=False, dead=True, cause="deal",
                       reasons=[*out.reasons, clash.text])
    if not out.won:
        return out
    reasons = []
    if e.formed != deal_key(e):
        reasons.append("no deal has been proposed and accepted yet ('propose')")
    if goal.demands_of:
        result = judge(e)
        from explorer.core.deals import Judge

        j = Judge(e.atlas, e.state.picture, e.pack.negotiation)
        owner = j.owner(goal.demands_of, [v.member for v in result.verdicts])
        v = result.verdict(owner) if owner else None
        got = v.points if v else 0
        if got < goal.demands_met:
            reasons.append(f"{got} of {e.world.name(goal.demands_of)}'s demands met, "
                           f"{goal.demands_met} wanted")
    if reasons:
        return replace(out, won=False, reasons=reasons)
    return out


def reset(e: Engine) -> None:
    e.terms = Terms()
    e.formed = None

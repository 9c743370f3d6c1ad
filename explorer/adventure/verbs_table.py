"""Verbs of the negotiating table: invite, dismiss, propose PM, coalition, power."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.adventure import prose
from explorer.adventure.grammar import Answer, Reply, Verbs
from explorer.adventure.parser import Span, fold
from explorer.core.coalition import evaluate, member_id, seat_range
from explorer.core.tensions import Cover, Tension, cover_of
from explorer.core.text import range_text
from explorer.core.vocabulary import status_label

if TYPE_CHECKING:
    from explorer.adventure.engine import Engine

verbs = Verbs("Building a coalition")
when = verbs.when

NOBODY = {"none", "nobody", "no one", "noone", "nothing"}


def threshold(e: Engine):
    goal = e.challenge.goal.threshold if e.challenge else None
    return (e.pack.threshold(goal) if goal else None) or e.pack.thresholds[0]


def tally(e: Engine) -> str:
    ev = e.state.evaluate(completions=False)
    th = threshold(e)
    verdict = next(v for v in ev.verdicts if v.threshold.id == th.id)
    names = " + ".join(ev.names[m] for m in ev.members) or "nobody yet"
    seats = range_text(ev.low, ev.high)
    return f"Your coalition: {names} = {seats} seats. {verdict.text}."


def tension_line(e: Engine, t: Tension) -> str:
    src, dst = e.atlas.actor(t.source_actor), e.atlas.actor(t.target_actor)
    label = prose.conjugate(_label(t.type), src)
    tail = ", your candidate for prime minister" if t.about_pm else ""
    if t.type == "refuses_pm" and not t.hard:
        tail = f" (binding only if {prose.pronoun(dst, 0)} is your candidate for PM)"
    if t.status:
        tail += f" [{status_label(t.status)}]"
    return (f"{e.world.name(src.id, True)} {label} {e.world.name(dst.id)}{tail}: "
            f"{prose.quote(t.description)} {prose.cite(t.sources)}")


def _label(rtype: str) -> str:
    from explorer.core.vocabulary import RELATION_TYPES

    return RELATION_TYPES[rtype].label


def _key(t: Tension) -> tuple:
    return (t.relation_id, t.about_pm)


def seat_holder(e: Engine, span: Span):
    """The actor named and the seat holder it brings to a coalition."""
    target = e.actor(span)
    if target.kind == "place":
        raise Reply(f"{target.name} is a place; places hold no seats.")
    if not target.exists_on(e.on):
        raise Reply(e.world.existence_note(target.id, e.on))
    try:
        mid = member_id(e.atlas, e.state.picture, target.id)
    except (LookupError, ValueError):
        raise Reply(f"{e.world.name(target.id, True)} holds no seats in parliament and speaks "
                    "for no list, so cannot sit in a coalition. (It may still matter: try 'ask "
                    f"{e._short(target).lower()} about' someone.)") from None
    holder = e.atlas.pack.actors.get(mid)
    if holder is not None and not holder.exists_on(e.on):
        raise Reply(e.world.existence_note(mid, e.on))
    return target, mid


@when("invite ACTOR", help="bring someone's seats into your coalition (a person brings a list)")
@when("recruit ACTOR")
@when("add ACTOR")
@when("bring in ACTOR")
@when("invite ACTOR to join")
def invite(e: Engine, actor: Span) -> Answer:
    from explorer.adventure.goals import is_present

    target, mid = seat_holder(e, actor)
    picture, coalition = e.state.picture, e.coalition
    cover = cover_of(e.atlas, picture)
    name = e.world.name(target.id, True)
    if is_present(e.atlas, picture, cover, list(evaluate(
            e.atlas, picture, coalition, completions=False).members), mid):
        raise Reply(f"{name} is already in your coalition.")
    places = e.world.reach(target.id, e.on)
    here = not places or any(w.place == e.location for w in places)
    if e.challenge is not None and e.challenge.must_travel and not here:
        raise Reply(f"{name} is in {e.world.name(places[0].place)}, and in this challenge you "
                    f"negotiate face to face: go to {e.world.name(places[0].place)} first.")
    before = evaluate(e.atlas, picture, coalition, completions=False)
    after = evaluate(e.atlas, picture, coalition.with_member(mid), completions=False)
    old = {_key(t) for t in before.tensions}
    new_hard = [t for t in after.tensions if t.hard and _key(t) not in old]
    if new_hard:
        mine = _circle_ids(e, target.id, mid, cover)
        theirs = [t for t in new_hard if t.source_actor in mine]
        if theirs:
            lines = [f"{name} turns the invitation down."]
        else:
            lines = [f"You cannot bring {e.world.name(target.id)} in: your side will not have "
                     f"{prose.pronoun(target, 1)}."]
        lines += [f"  {tension_line(e, t)}" for t in new_hard[:4]]
        lines.append("(Nothing has changed. 'coalition' shows where you stand.)")
        return Answer("\n".join(lines), sources=tuple(s for t in new_hard for s in t.sources),
                      topic=f"why {target.name} will not join", it=target.id)
    e.state.add(target.id)
    where = ""
    if places and not here:
        where = f"Word goes to {e.world.name(places[0].place)}. "
    seats = prose.seats_text(e.pack, mid)
    unit = picture.unit(mid)
    if unit is not None:
        seats = f"{unit.seats_text} seats"
    joined = e.world.name(mid, capital=mid == target.id) if mid in e.pack.actors else mid
    who = "" if mid == target.id else f"{name} agrees: "
    lines = [f"{where}{who}{joined}{f' ({seats})' if seats else ''} joins your coalition.",
             tally(e)]
    soft = [t for t in after.tensions if not t.hard and _key(t) not in old]
    if not soft:
        return Answer("\n".join(lines), it=target.id)
    lines.append("Expect friction:")
    lines += [f"  {tension_line(e, t)}" for t in soft[:3]]
    return Answer("\n".join(lines), sources=tuple(s for t in soft for s in t.sources),
                  topic=f"the friction {target.name} brings", it=target.id)


def _circle_ids(e: Engine, actor_id: str, mid: str, cover: Cover) -> set[str]:
    return {actor_id} | set(cover.circle(mid))


@when("dismiss ACTOR", help='send a member of your coalition away')
@when("expel ACTOR")
@when("drop ACTOR")
@when("remove ACTOR")
@when("kick out ACTOR")
def dismiss(e: Engine, actor: Span) -> str:
    from explorer.adventure.goals import is_present

    target, mid = seat_holder(e, actor)
    coalition = e.coalition
    members = list(coalition.members)
    if mid not in members:
        picture = e.state.picture
        cover = cover_of(e.atlas, picture)
        holders = [m for m in members if mid in cover.cover(m)]
        if holders:
            raise Reply(f"{e.world.name(mid, True)} sits inside "
                        f"{e.world.name(holders[0]) if holders[0] in e.pack.actors else holders[0]}"
                        ", which is in your coalition: dismiss that to let it go.")
        raise Reply(f"{e.world.name(target.id, True)} is not in your coalition.")
    if e.challenge is not None:
        cover = cover_of(e.atlas, e.state.picture)
        needed = [i for i in e.challenge.goal.include
                  if is_present(e.atlas, e.state.picture, cover, [mid], i)]
        if needed:
            raise Reply(f"This challenge needs {e.world.name(needed[0])} in the coalition; "
                        f"{e.world.name(mid)} stays.")
    e.set_table(coalition.without(mid))
    return Answer(f"{e.world.name(mid, True)} leaves your coalition.\n{tally(e)}", it=target.id)


@when("propose pm PERSON", help='name your candidate for prime minister')
@when("propose PERSON as pm")
@when("propose PERSON for pm")
@when("pm PERSON")
@when("nominate PERSON")
@when("propose PERSON")
def propose(e: Engine, person: Span) -> str | Answer:
    if e.challenge is not None and e.challenge.pm:
        raise Reply(f"In this challenge you carry the bid of "
                    f"{e.atlas.actor(e.challenge.pm).name}; the candidate is fixed.")
    if fold(person.text) in NOBODY:
        e.set_table(e.coalition.with_pm(None))
        return "You withdraw your candidate for prime minister.\n" + tally(e)
    target = e.actor(person)
    if target.kind != "person":
        raise Reply(f"Only a person can be prime minister; {e.world.name(target.id)} is a "
                    f"{target.kind}.")
    if not target.exists_on(e.on):
        raise Reply(e.world.existence_note(target.id, e.on))
    before = e.state.evaluate(completions=False)
    old = {_key(t) for t in before.tensions}
    e.set_table(e.coalition.with_pm(target.id))
    after = e.state.evaluate(completions=False)
    lines = [f"You put {target.name} forward as prime minister.", tally(e)]
    new_hard = [t for t in after.tensions if t.hard and _key(t) not in old]
    if new_hard:
        lines.append("But not everyone at your table will serve under "
                     f"{prose.pronoun(target, 1)}:")
        lines += [f"  {tension_line(e, t)}" for t in new_hard[:4]]
        return Answer("\n".join(lines), sources=tuple(s for t in new_hard for s in t.sources),
                      topic=f"who will not serve under {target.name}", it=target.id)
    return Answer("\n".join(lines), it=target.id)


@when("coalition", help='your coalition, its seats against the thresholds, tensions')
@when("inventory")
@when("i")
@when("inv")
@when("table")
@when("tally")
def coalition(e: Engine) -> str | Answer:
    ev = e.state.evaluate(completions=e.challenge is None)
    picture = e.state.picture
    pm = e.coalition.pm
    head = f"Your coalition on {prose.day(e.on)}"
    if pm:
        head += f", with {e.atlas.actor(pm).name} as candidate for prime minister"
    lines = [head + ":"]
    if not ev.members:
        lines.append("  (nobody yet: 'invite' someone)")
    width = max([len(n) for n in ev.names.values()] + [10])
    for m in ev.members:
        low, high, _ = seat_range(e.atlas, picture, m)
        seats = range_text(low, high)
        lines.append(f"  {ev.names[m]:<{width}}  {seats:>6}")
    total = range_text(ev.low, ev.high)
    lines.append(f"  {'Total':<{width}}  {total:>6} of {ev.total}")
    lines += [f"  {v.text}" for v in ev.verdicts]
    if ev.tensions:
        lines.append("Tensions:")
        for t in ev.tensions[:8]:
            mark = "refusal" if t.hard else "friction"
            lines.append(f"  {mark}: {tension_line(e, t)}")
    lines.append("Feasible: " + ("yes, nobody refuses anybody" if ev.feasible
                                 else "no, there is a hard refusal"))
    if e.challenge is not None:
        out = e.outlook()
        if out is not None and not out.won:
            lines.append(f"Goal: not yet ({'; '.join(out.reasons)}).")
        elif out is not None:
            lines.append("Goal: reached.")
    else:
        good = [c for c in ev.completions if c.feasible][:3]
        if good:
            names = {t.id: t.name for t in e.pack.thresholds}
            lines.append("To go further: " + "; ".join(
                f"{c.text} ({names.get(c.threshold, c.threshold)})" for c in good) + ".")
    if ev.tensions:
        return Answer("\n".join(lines), sources=tuple(s for t in ev.tensions for s in t.sources),
                      topic="the tensions in your coalition")
    return "\n".join(lines)


@when("power", help='Banzhaf and Shapley–Shubik power of the lists at the table')
@when("power FLAG")
def power_verb(e: Engine, flag: Span | None = None) -> str:
    from explorer.core.game import power

    feasible = flag is not None and fold(flag.text) in ("feasible", "f")
    if flag is not None and not feasible:
        raise Reply("Try 'power' or 'power feasible' (counting only coalitions with no refusal).")
    th = threshold(e)
    picture = e.state.picture
    try:
        result = power(e.atlas, picture, th.id, pm=e.coalition.pm, feasible=feasible)
    except (ImportError, LookupError, ValueError) as exc:
        raise Reply(f"The power indices cannot be computed here ({exc}).") from None
    ev = e.state.evaluate(completions=False)
    inside = set()
    cover = cover_of(e.atlas, picture)
    for m in ev.members:
        inside |= cover.cover(m)
    width = max(len(u.name) for u in picture.units)
    lines = [f"Voting power at the table for the {th.name} ({th.seats} of {e.pack.parliament_size})"
             + (", counting only coalitions with no refusal" if feasible else "") + ":",
             f"  {'':<2}{'unit':<{width}}  seats  Banzhaf  Shapley–Shubik"]
    rows = sorted(zip(picture.units, result.banzhaf, result.shapley_shubik, strict=False),
                  key=lambda r: -r[1])
    for unit, bz, ss in rows:
        star = "* " if cover.cover(unit.id) & inside else "  "
        lines.append(f"  {star}{unit.name:<{width}}  {unit.primary:>5}  {float(bz):>7.1%}  "
                     f"{float(ss):>14.1%}")
    lines.append("(* in your coalition, wholly or in part. Banzhaf: how often a unit's votes "
                 "swing a coalition; Shapley–Shubik: how often it is the pivot.)")
    return "\n".join(lines)



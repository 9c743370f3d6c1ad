"""Verbs of the story: challenges, hints and the date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.adventure import prose
from explorer.adventure.grammar import Reply, Verbs
from explorer.adventure.parser import Span, fold
from explorer.adventure.verbs_table import tally, threshold
from explorer.core.coalition import Coalition

if TYPE_CHECKING:
    from explorer.adventure.engine import Engine

verbs = Verbs("Challenges and time")
when = verbs.when


@when("hint", help='the next hint of the challenge')
@when("hints")
@when("help me")
def hint(e: Engine) -> str:
    ch = e.challenge
    if ch is None:
        ev = e.state.evaluate()
        good = [c for c in ev.completions if c.feasible]
        start = e.hint_index
        if start < len(good):  # each 'hint' shows the next suggestions, never the same twice
            e.hint_index += 2
            shown = good[start:start + 2]
            return ("No challenge is running, but the numbers suggest: "
                    + "; ".join(c.text for c in shown) + ". ('challenges' lists the goals.)")
        if good:
            e.hint_index = 0
            return ("That was every suggestion the numbers make for this coalition; 'hint' "
                    "again starts over. 'challenges' lists goals to play for.")
        return "No challenge is running. 'challenges' lists them; 'help' lists the verbs."
    if not ch.hints:
        return "This challenge has no hints. Try 'coalition' and 'power'."
    if e.hint_index >= len(ch.hints):
        return (f"You have seen all {len(ch.hints)} hints of this challenge. Try 'coalition', "
                "'power' and 'why'.")
    text = ch.hints[min(e.hint_index, len(ch.hints) - 1)]
    number = min(e.hint_index, len(ch.hints) - 1) + 1
    e.hint_index += 1
    last = " (That was the last hint.)" if number == len(ch.hints) else ""
    return f"Hint {number} of {len(ch.hints)}: {text}{last}"


def goal_text(e: Engine) -> str:
    ch = e.challenge
    th = threshold(e)
    parts = [f"reach {th.seats} seats ({th.name})"]
    if ch.goal.feasible:
        parts.append("with nobody at the table refusing anybody")
    if ch.goal.include:
        parts.append("with " + prose.join([e.world.name(i) for i in ch.goal.include
                                           if i in e.pack.actors]) + " in it")
    if ch.goal.exclude:
        parts.append("without " + prose.join([e.world.name(x) for x in ch.goal.exclude
                                              if x in e.pack.actors], "or"))
    return "Goal: " + ", ".join(parts) + "."


def challenge_text(e: Engine) -> str:
    ch = e.challenge
    role = e.atlas.actor(ch.role).name if ch.role in e.pack.actors else ch.role
    lines = [f"Challenge: {ch.title}", f"You are the envoy of {role}, on {prose.day(ch.date)}.",
             " ".join(ch.intro.split()), goal_text(e)]
    if ch.pm and ch.pm in e.pack.actors:
        lines.append(f"Your candidate for prime minister: {e.atlas.actor(ch.pm).name}.")
    if ch.must_travel:
        lines.append("You must meet people face to face: go where they are to invite them.")
    lines.append(tally(e))
    out = e.outlook()
    if out is not None and (out.won or out.dead):
        lines.append("This challenge is decided from the start.\n" + e.announcement(out))
    return "\n".join(lines)


@when("challenges")
@when("challenge")
def challenges(e: Engine) -> str:
    return e.challenge_list()


@when("challenge NAME", help='list the challenges, or start one')
@when("play NAME")
@when("start NAME")
def challenge(e: Engine, name: Span) -> str:
    from explorer.adventure.verbs_world import describe_place

    wanted = fold(name.text).replace(" ", "-")
    found = [c for c in e.pack.challenges.values()
             if c.id == wanted or fold(c.title) == fold(name.text)]
    if not found:
        found = [c for c in e.pack.challenges.values() if c.id.startswith(wanted)]
    if len(found) != 1:
        raise Reply(f"There is no challenge called “{name.text}”. " + e.challenge_list())
    e.start_challenge(found[0].id)
    return describe_place(e).after(challenge_text(e) + "\n\n").citing(
        found[0].sources, f"the challenge “{found[0].title}”")


@when("date DAY", help="show the date, or stand on another one ('date' alone shows it)")
@when("date")
@when("when")
@when("go to date DAY")
def date_verb(e: Engine, day: Span | None = None) -> str:
    from explorer.adventure.verbs_world import date_line
    from explorer.core.dates import parse_day
    from explorer.core.timeline import diff, next_event

    if day is None:
        nxt = next_event(e.pack, e.on) if e.on else None
        tail = f" Next: {nxt.title} ({nxt.date})." if nxt else ""
        return date_line(e) + tail
    if e.challenge is not None:
        raise Reply(f"This challenge is played on {prose.day(e.challenge.date)}; the date "
                    "cannot change. ('challenges' lists other goals.)")
    try:
        when_ = parse_day(day.text)
    except ValueError as exc:
        raise Reply(f"{exc}. For example: date 2010-10-01.") from None
    start, end = e.pack.start_date, e.pack.end_date
    if (start and when_ < start) or (end and when_ > end):
        raise Reply(f"The story runs from {prose.day(start)} to {prose.day(end)}.")
    old = e.on
    e.state.set_date(when_)
    gone = [m for m in e.coalition.members
            if m in e.pack.actors and not e.pack.actors[m].exists_on(when_)]
    if gone:
        keep = tuple(m for m in e.coalition.members if m not in gone)
        e.set_table(Coalition(keep, e.coalition.pm))
    lines = [f"You step to {prose.day(when_)}. " + date_line(e).split(". ", 1)[-1]
             if ". " in date_line(e) else f"You step to {prose.day(when_)}."]
    if old and old != when_:
        d = diff(e.pack, old, when_)
        bits = []
        if d.events:
            bits.append(prose.plural(len(d.events), "event"))
        if d.relations_started:
            bits.append(f"{prose.plural(len(d.relations_started), 'relationship')} began")
        if d.relations_ended:
            bits.append(f"{prose.plural(len(d.relations_ended), 'relationship')} ended")
        if bits:
            lines.append(f"Between the two dates: {prose.join(bits)}.")
    if gone:
        lines.append("No longer on the table: " + prose.join([e.world.name(g) for g in gone])
                     + ".")
    lines.append(tally(e))
    return "\n".join(lines)



"""Verbs of conversation and evidence: talk, ask, path, sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.adventure import prose
from explorer.adventure.grammar import Answer, Reply, Verbs
from explorer.adventure.parser import Span
from explorer.core.graph import Link

if TYPE_CHECKING:
    from explorer.adventure.engine import Engine

verbs = Verbs("Talking and evidence")
when = verbs.when


def line_for(e: Engine, link: Link) -> str:
    """'Muqtada al-Sadr refuses to serve under Nouri al-Maliki: “...” [source]'."""
    this = e.atlas.actor(link.this)
    text = (f"{e.world.name(link.this, True)} {prose.conjugate(link.label, this)} "
            f"{e.world.name(link.other)}")
    if link.relation.description:
        text += f": {prose.quote(link.relation.description)}"
    return f"{text} {prose.cite(link.relation.sources)}"


def circle(e: Engine, actor_id: str) -> set[str]:
    """An actor and those it speaks for or who speak for it (a leader and his list)."""
    actor = e.atlas.actor(actor_id)
    out = {actor_id}
    if actor.kind == "person":
        if actor.stands_for:
            out.add(actor.stands_for)
        out |= {k.other for k in e.atlas.links(actor_id, e.on)
                if k.relation.type == "leads" and k.outgoing}
    else:
        out |= set(e.world.spokesmen(actor_id, e.on))
    return out


def links_between(e: Engine, a: set[str], b: set[str]) -> list[Link]:
    seen: set[str] = set()
    out = []
    for x in sorted(a):
        for link in e.atlas.links(x, e.on):
            if link.other in b and link.other not in a and link.relation.id not in seen:
                seen.add(link.relation.id)
                out.append(link)
    return out


@when("talk to PERSON", help='hear where someone stands towards your side')
@when("talk with PERSON")
@when("talk PERSON")
@when("speak to PERSON")
@when("speak with PERSON")
@when("greet PERSON")
@when("meet PERSON")
def talk(e: Engine, person: Span) -> Answer:
    target = e.actor(person)
    if target.kind == "place":
        raise Reply(f"{target.name} is a place; 'go' there and 'talk to' someone.")
    if not target.exists_on(e.on):
        raise Reply(e.world.existence_note(target.id, e.on))
    name = e.world.name(target.id, True)
    if target.id == e.role:
        from explorer.adventure.verbs_table import tally

        return Answer(f"{name} is the one who sent you. {prose.pronoun(target, capital=True)} "
                      f"listens to your report.\n{tally(e)}", it=target.id)
    places = e.world.reach(target.id, e.on)
    if any(w.place == e.location for w in places) or not places:
        opening = f"You sit down with {e.world.name(target.id)}."
    else:
        opening = (f"{name} is in {e.world.name(places[0].place)}; you speak through an "
                   "intermediary.")
    yours = set()
    for who in filter(None, [e.role, e.coalition.pm, *e.coalition.members]):
        if who in e.pack.actors:
            yours |= circle(e, who)
    mine = circle(e, target.id)
    links = links_between(e, mine, yours - mine)
    links.sort(key=lambda k: (not k.type.hostile, not k.type.hard and not k.type.pm_only))
    lines = [opening]
    if not links:  # nothing about your side: what it stands for in general
        links = [k for k in e.atlas.links(target.id, e.on)
                 if k.type.stance in ("friendly", "hostile", "influence")][:3]
        if links:
            lines.append(f"{prose.pronoun(target, capital=True)} says nothing about your side, "
                         "but speaks freely about others:")
    elif links:
        lines.append(f"{prose.pronoun(target, capital=True)} makes "
                     f"{prose.pronoun(target, 2)} position plain:")
    if links:
        lines += [f"  {line_for(e, k)}" for k in links[:5]]
        sources = [s for k in links[:5] for s in k.relation.sources]
        topic = f"what {target.name} said"
    else:
        lines.append(f"{prose.pronoun(target, capital=True)} hears you out politely but "
                     "commits to nothing about your side.")
        sources, topic = list(target.sources), target.name
    pro = prose.pronoun(target, 1)
    lines.append(f"(You could 'ask {e._short(target).lower()} about' someone, or 'invite {pro}'.)")
    return Answer("\n".join(lines), sources=tuple(sources), topic=topic, it=target.id)


@when("ask PERSON about TOPIC", help='what X has to do with Y, with the sources')
@when("ask PERSON on TOPIC")
@when("question PERSON about TOPIC")
def ask(e: Engine, person: Span, topic: Span) -> Answer:
    speaker = e.actor(person)
    try:
        subject = e.actor(topic)
    except Reply:
        if e.question is not None or e.atlas.names.suggestions(topic.text):
            raise  # "Which do you mean" or "Did you mean"
        raise Reply(f"{e.world.name(speaker.id, True)} has nothing to say about "
                    f"“{topic.text}”.") from None
    about = f"{speaker.name} on {subject.name}"
    if subject.id == speaker.id:
        return talk(e, person)
    links = links_between(e, circle(e, speaker.id), circle(e, subject.id))
    name = e.world.name(speaker.id, True)
    places = e.world.reach(speaker.id, e.on)
    if places and all(w.place != e.location for w in places):
        name += f" (in {e.world.name(places[0].place)})"
    if links:
        lines = [f"{name} on {e.world.name(subject.id)}, as of {prose.day(e.on)}:"]
        lines += [f"  {line_for(e, k)}" for k in links[:8]]
        return Answer("\n".join(lines), sources=tuple(s for k in links for s in k.relation.sources),
                      topic=about, it=speaker.id)
    chain = e.atlas.path(speaker.id, subject.id, e.on)
    if chain:
        return Answer(f"{name} has no direct dealings with {e.world.name(subject.id)} on "
                      f"{prose.day(e.on)}, but a thread connects them:\n" + chain_text(e, chain),
                      sources=tuple(s for k in chain for s in k.relation.sources), topic=about,
                      it=speaker.id)
    return Answer(f"{name} has nothing to say about {e.world.name(subject.id)}.", sources=(),
                  topic=about, it=speaker.id)


def chain_text(e: Engine, chain: list[Link]) -> str:
    return "\n".join(f"  {i}. {line_for(e, k)}" for i, k in enumerate(chain, 1))


@when("path A to B", help='the shortest chain of relationships')
@when("path from A to B")
@when("path A B")
@when("connect A and B")
@when("connect A to B")
@when("path A and B")
def path(e: Engine, a: Span, b: Span) -> Answer:
    a, b = _split_pair(e, a, b)
    x, y = e.actor(a), e.actor(b)
    chain = e.atlas.path(x.id, y.id, e.on)
    if x.id == y.id:
        raise Reply("That is one and the same.")
    if not chain:
        return Answer(f"No chain of relationships links {e.world.name(x.id)} and "
                      f"{e.world.name(y.id)} on {prose.day(e.on)}.", sources=())
    return Answer(f"From {e.world.name(x.id)} to {e.world.name(y.id)} in {len(chain)} "
                  f"step{'s' if len(chain) != 1 else ''}:\n" + chain_text(e, chain),
                  sources=tuple(s for k in chain for s in k.relation.sources),
                  topic=f"the path from {x.name} to {y.name}")


def _split_pair(e: Engine, a: Span, b: Span) -> tuple[Span, Span]:
    """'path nouri al-maliki sadr': find the split where both halves name one actor."""
    if b.start != a.end:  # separated by 'to' / 'and': the pattern already split them
        return a, b
    words = list(a.words) + list(b.words)
    for k in range(1, len(words)):
        left, right = " ".join(words[:k]), " ".join(words[k:])
        if len(e.atlas.names.candidates(left)) == 1 and len(e.atlas.names.candidates(right)) == 1:
            return (Span(tuple(words[:k]), a.start, a.start + k),
                    Span(tuple(words[k:]), a.start + k, b.end))
    return a, b


@when("sources", help='cite the evidence behind the last answer')
@when("why")
@when("source")
@when("cite")
def sources(e: Engine) -> str:
    from explorer.core.sources import quote

    if not e.last_sources:
        return "The last answer rests on no particular source. Examine or ask something first."
    about = f" for {e.last_topic}" if e.last_topic else ""
    lines = [f"The evidence{about}:"]
    for src in dict.fromkeys(e.last_sources):
        text = quote(src, e.sources_dir) if e.sources_dir else None
        lines.append(f"  - {src}" + (f": {prose.quote(text)}" if text else ""))
    return "\n".join(lines)



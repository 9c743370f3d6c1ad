"""Verbs of the world: look, examine, go, follow, where, who."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.adventure import prose
from explorer.adventure.grammar import Answer, Reply, Verbs
from explorer.adventure.parser import Span, fold, number
from explorer.adventure.world import Thread
from explorer.core.timeline import current_event

if TYPE_CHECKING:
    from explorer.adventure.engine import Engine

verbs = Verbs("Looking and moving")
when = verbs.when

MAX_HERE = 14


def date_line(e: Engine) -> str:
    text = f"It is {prose.day(e.on)}."
    event = current_event(e.pack, e.on) if e.on else None
    if event is not None:
        text += f" The latest news: {event.title} ({event.date})."
    return text


def describe_place(e: Engine, place: str | None = None, numbered: bool = True) -> Answer:
    place = place or e.location
    if place is None:
        return Answer("You are nowhere in particular: this pack has no places. " + date_line(e))
    actor = e.atlas.actor(place)
    lines = [f"{actor.name}", " ".join(actor.description.split())]
    here = e.world.present(place, e.on)
    residents = [aid for aid, w in here if w.kind != "event"]
    events: dict[str, list[str]] = {}
    for aid, w in here:
        if w.kind == "event":
            events.setdefault(w.note, []).append(aid)
    if residents:
        names = [e.world.name(aid) for aid in residents[:MAX_HERE]]
        if len(residents) > MAX_HERE:
            names.append(f"{len(residents) - MAX_HERE} more ('who' lists everyone)")
        lines.append(f"Here: {prose.join(names)}.")
    for note, ids in events.items():
        names = [e.world.name(aid) for aid in ids[:MAX_HERE]]
        if len(ids) > MAX_HERE:
            names.append(f"{len(ids) - MAX_HERE} more")
        lines.append(f"Here {note}: {prose.join(names)}.")
    if not here:
        lines.append("Nobody you could negotiate with is here today.")
    exits = e.world.exits(place, e.on)
    if exits:
        lines.append("Threads lead from here to (go N):")
        lines += [f"  {i}. {t.text}" for i, t in enumerate(exits, 1)]
    else:
        others = [p.name for p in e.world.places if p.id != place][:8]
        if others:
            lines.append(f"No thread leads on from here, but you can go to any place by name: "
                         f"{prose.join(others)}.")
    lines.append(date_line(e))
    return Answer("\n".join(lines), sources=tuple(actor.sources),
                  threads=tuple(exits) if numbered else None)


def describe_actor(e: Engine, aid: str) -> Answer:
    actor = e.atlas.actor(aid)
    if actor.kind == "place":
        return describe_place(e, aid, numbered=False)
    world = e.world
    head = [world.existence_note(aid, e.on), world.where_sentence(aid, e.location, e.on),
            world.structure_sentence(aid, e.on)]
    if actor.exists_on(e.on):
        head += world.relation_sentences(aid, e.on)
    status = membership(e, aid)
    lines = [actor.name, " ".join(s for s in head if s), "",
             " ".join(actor.description.split()) + " " + prose.cite(actor.sources)]
    if status:
        lines.append(status)
    threads = world.threads_of(aid, e.on)
    if threads:
        lines += ["", "Threads (go N or follow a relation):"]
        lines += [f"  {i}. {t.text}" for i, t in enumerate(threads, 1)]
    return Answer("\n".join(lines), sources=tuple(actor.sources), topic=actor.name,
                  threads=tuple(threads))


def membership(e: Engine, aid: str) -> str:
    from explorer.adventure.goals import is_present
    from explorer.core.tensions import cover_of

    members = list(e.coalition.members)
    if not members:
        return ""
    if e.coalition.pm == aid:
        actor = e.atlas.actor(aid)
        be = "are" if actor.pronoun == "they" else "is"
        return f"{prose.pronoun(actor, capital=True)} {be} your candidate for prime minister."
    cover = cover_of(e.atlas, e.state.picture)
    if is_present(e.atlas, e.state.picture, cover, members, aid):
        return "Part of your coalition."
    return ""


def travel(e: Engine, place: str, why: str = "") -> Answer:
    if place == e.location:
        return describe_place(e).after(f"You are already in {e.world.name(place)}.\n\n")
    e.location = place
    return describe_place(e).after(f"You travel to {e.world.name(place)}{why}.\n\n")


def go_thread(e: Engine, thread: Thread) -> Answer:
    target = e.atlas.actor(thread.target)
    if target.kind == "place":
        return travel(e, target.id)
    places = e.world.reach(target.id, e.on)
    if not places or any(w.place == e.location for w in places):
        return describe_actor(e, target.id).about(target.id)
    e.location = places[0].place
    return describe_actor(e, target.id).about(target.id).after(
        f"You follow the thread to {e.world.name(places[0].place)}.\n\n")


@when("look", help='describe the place you are in, who is here and the threads leading on')
@when("l")
@when("look around")
def look(e: Engine) -> Answer:
    return describe_place(e)


@when("examine THING", help='describe someone or something, with numbered threads')
@when("x THING")
@when("look at THING")
@when("l THING")
@when("describe THING")
@when("read THING")
def examine(e: Engine, thing: Span) -> Answer:
    return describe_actor(e, e.actor(thing).id)


@when("go PLACE", help='travel to a place, to where someone is, or along thread N')
@when("go to PLACE")
@when("travel to PLACE")
@when("walk to PLACE")
@when("visit PLACE")
@when("fly to PLACE")
def go(e: Engine, place: Span) -> Answer:
    n = number(place.text)
    if n is not None:
        if not e.threads:
            raise Reply("There are no numbered threads yet: 'look' or 'examine' someone first.")
        if not 1 <= n <= len(e.threads):
            raise Reply(f"Choose a thread between 1 and {len(e.threads)}.")
        return go_thread(e, e.threads[n - 1])
    target = e.actor(place)
    if target.kind == "place":
        return travel(e, target.id)
    if not target.exists_on(e.on):
        raise Reply(e.world.existence_note(target.id, e.on))
    places = e.world.reach(target.id, e.on)
    if not places:
        raise Reply(f"Nobody can tell you where {e.world.name(target.id)} is. You can still "
                    f"'talk to' or 'invite' {prose.pronoun(target, 1)} from here.")
    dest = next((w for w in places if w.place == e.location), places[0])
    who = e.atlas.actor(dest.via or target.id)
    verb = {"lives": prose.conjugate("lives", who), "based": "is based", "visit": "is visiting",
            "event": f"is {dest.note}"}.get(dest.kind, "is")
    if who.pronoun == "they":
        verb = verb.replace("is ", "are ", 1)
    return travel(e, dest.place, f", where {e.world.name(who.id)} {verb}").about(target.id)


@when("follow THREAD", help="follow a thread of the last look or examine by its relation "
      "('follow rival') or number")
@when("follow the THREAD")
def follow(e: Engine, thread: Span) -> Answer:
    n = number(thread.text)
    if n is not None:
        return go(e, thread)
    if not e.threads:
        raise Reply("There are no threads to follow yet: 'look' or 'examine' someone first.")
    want = fold(thread.text).replace("_", " ")
    hits = [t for t in e.threads
            if want in t.text.casefold()
            or (t.link is not None and want in (t.link.relation.type.replace("_", " "),
                                                 t.link.type.label, t.link.type.inverse))]
    if not hits:
        raise Reply(f"No thread here matches “{thread.text}”. The threads are:\n"
                    + "\n".join(f"  {i}. {t.text}" for i, t in enumerate(e.threads, 1)))
    if len(hits) > 1:
        return Answer("Several threads match; go N to follow one:\n"
                      + "\n".join(f"  {i}. {t.text}" for i, t in enumerate(hits, 1)),
                      threads=tuple(hits))
    return go_thread(e, hits[0])


@when("where is THING", help='where someone is on this date')
@when("where THING")
@when("find THING")
@when("locate THING")
def where(e: Engine, thing: Span) -> str | Answer:
    target = e.actor(thing)
    if target.kind == "place":
        here = " You are here." if target.id == e.location else ""
        return f"{target.name} is a place: 'go to {target.name.lower()}'.{here}"
    text = e.world.where_sentence(target.id, e.location, e.on)
    if not text:
        note = e.world.existence_note(target.id, e.on)
        return Answer(note or f"Nobody knows where {e.world.name(target.id)} is on "
                      f"{prose.day(e.on)}.", it=target.id)
    spots = e.world.reach(target.id, e.on)
    if len(spots) > 1:
        text += " Also: " + prose.join([e.world.name(w.place) for w in spots[1:]]) + "."
    return Answer(text, sources=tuple(s for w in spots for s in w.sources),
                  topic=f"where {target.name} is", it=target.id)


@when("who", help='everyone in this place, and why they are here')
@when("who is here")
@when("people")
def who(e: Engine) -> str:
    if e.location is None:
        raise Reply("You are nowhere in particular.")
    here = e.world.present(e.location, e.on)
    if not here:
        return f"Nobody you could negotiate with is in {e.world.name(e.location)} today."
    rows = []
    for aid, w in sorted(here, key=lambda r: (e.atlas.actor(r[0]).kind != "person",
                                              e.atlas.actor(r[0]).name.casefold())):
        why = {"lives": "lives here", "based": "is based here", "visit": "is visiting"}.get(
            w.kind, w.note)
        rows.append(f"  {e.world.name(aid, True)} ({why})")
    return f"In {e.world.name(e.location)} on {prose.day(e.on)}:\n" + "\n".join(rows)



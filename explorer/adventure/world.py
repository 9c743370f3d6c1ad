"""The world model, derived from the pack: places are rooms, actors stand where the graph puts them.

An actor is where it lives or is based (`lives_in` / `based_in`), except on the days a dated
`visited` relation or a day-precision event it takes part in puts it elsewhere; a month-precision
event adds its place for the whole month. An organisation with no place of its own is reached
through the people who lead it or stand for it. Threads are the relationships of the graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from explorer.adventure import prose
from explorer.core.graph import Atlas, Link
from explorer.core.vocabulary import PLACE_TYPES

VISIT_DAYS = 3  # how long a visit with a start date and no end date lasts


@dataclass(frozen=True)
class Whereabout:
    place: str
    kind: str  # lives | based | event | visit | place
    note: str  # the event for kind "event"
    sources: tuple[str, ...]
    via: str | None = None  # reached through this actor (a leader)

    @property
    def home(self) -> bool:
        return self.kind in ("lives", "based", "place")


@dataclass(frozen=True)
class Thread:
    """A numbered way on from a look or an examine."""

    text: str
    target: str  # an actor id (a place or anyone else)
    link: Link | None = None


class World:
    def __init__(self, atlas: Atlas):
        self.atlas = atlas
        self.pack = atlas.pack
        self.places = sorted((a for a in self.pack.actors.values() if a.kind == "place"),
                             key=lambda a: a.name.casefold())
        self._present: dict[date | None, dict[str, list[tuple[str, Whereabout]]]] = {}

    def name(self, actor_id: str, capital: bool = False) -> str:
        return prose.the(self.atlas.actor(actor_id), capital)

    # -- where things are --------------------------------------------------------------------
    def whereabouts(self, actor_id: str, on: date | None) -> list[Whereabout]:
        """The places an actor stands in on a date, the main one first.

        A dated visit or a day-precision event it takes part in puts it there on those days
        (instead of at home); a month-precision event adds its place as a second whereabout.
        """
        pack = self.pack
        actor = pack.actors.get(actor_id)
        if actor is None or not actor.exists_on(on):
            return []
        if actor.kind == "place":
            return [Whereabout(actor_id, "place", "", actor.sources)]
        away: list[Whereabout] = []
        home: list[Whereabout] = []
        later: list[Whereabout] = []
        for link in self.atlas.links(actor_id, on):
            rel = link.relation
            if not link.outgoing or pack.actors[link.other].kind != "place":
                continue
            if rel.type in PLACE_TYPES:
                kind = "lives" if rel.type == "lives_in" else "based"
                home.append(Whereabout(link.other, kind, "", rel.sources))
            elif rel.type == "visited" and on is not None and rel.since and (
                    rel.until or on < rel.since + timedelta(days=VISIT_DAYS)):
                away.append(Whereabout(link.other, "visit", "", rel.sources))
        if on is not None:
            for event in pack.events:
                if not event.place or actor_id not in event.participants:
                    continue
                start, precision = event.date.start, event.date.precision
                w = Whereabout(event.place, "event", f"for “{event.title}” ({event.date})",
                               event.sources)
                if precision == "day" and start == on:
                    away.append(w)
                elif precision == "month" and (start.year, start.month) == (on.year, on.month):
                    later.append(w)
        out: list[Whereabout] = []
        for w in (away or home) + later:
            if w.place in pack.actors and all(o.place != w.place for o in out):
                out.append(w)
        return out

    def reach(self, actor_id: str, on: date | None) -> list[Whereabout]:
        """Where an actor can be met: its own places, else those of who leads or speaks for it."""
        own = self.whereabouts(actor_id, on)
        if own:
            return own
        out: list[Whereabout] = []
        for person in self.spokesmen(actor_id, on):
            for w in self.whereabouts(person, on):
                if all(o.place != w.place for o in out):
                    out.append(Whereabout(w.place, w.kind, w.note, w.sources, via=person))
        return out

    def spokesmen(self, actor_id: str, on: date | None) -> list[str]:
        """The people who lead an organisation or stand for it in a coalition."""
        out = [k.other for k in self.atlas.links(actor_id, on)
               if k.relation.type == "leads" and not k.outgoing]
        out += [a.id for a in self.pack.actors.values()
                if a.stands_for == actor_id and a.exists_on(on) and a.id not in out]
        return out

    def present(self, place: str, on: date | None) -> list[tuple[str, Whereabout]]:
        """Who is in a place on a date (directly, not through a leader)."""
        if on not in self._present:
            table: dict[str, list[tuple[str, Whereabout]]] = {}
            for actor in self.pack.actors.values():
                if actor.kind == "place":
                    continue
                for w in self.whereabouts(actor.id, on):
                    table.setdefault(w.place, []).append((actor.id, w))
            for rows in table.values():
                rows.sort(key=lambda r: (self.pack.actors[r[0]].kind != "person",
                                         self.pack.actors[r[0]].name.casefold()))
            if len(self._present) > 64:
                self._present.clear()
            self._present[on] = table
        return list(self._present[on].get(place, []))

    # -- threads -----------------------------------------------------------------------------
    def exits(self, place: str, on: date | None) -> list[Thread]:
        """Other places where actors related to those here are (one thread per place)."""
        found: dict[str, Thread] = {}
        here = [aid for aid, _ in self.present(place, on)]
        present_ids = set(here)
        for link in self.atlas.links(place, on):  # places linked to this place
            if self.pack.actors[link.other].kind == "place" and link.other not in found:
                found[link.other] = Thread(f"{self.name(link.other)} — {self.name(place)} "
                                           f"{link.label} {self.name(link.other)}", link.other,
                                           link)
        for aid in here:
            for link in self.atlas.links(aid, on):
                other = link.other
                if self.pack.actors[other].kind == "place":
                    if other != place and other not in found:
                        verb = prose.conjugate(link.label, self.atlas.actor(aid))
                        found[other] = Thread(f"{self.name(other)} — {self.name(aid)} {verb} "
                                              f"{self.name(other)}", other, link)
                    continue
                if other in present_ids:
                    continue
                for w in self.reach(other, on)[:1]:
                    if w.place == place or w.place in found or w.via in present_ids:
                        continue
                    who = self.name(other)
                    if w.via:
                        who = f"{self.name(w.via)} (for {self.name(other)})"
                    rel = prose.conjugate(link.label, self.atlas.actor(aid))
                    found[w.place] = Thread(
                        f"{self.name(w.place)} — {who}; {self.name(aid)} {rel} "
                        f"{self.name(other)}", w.place, link)
        return list(found.values())

    def threads_of(self, actor_id: str, on: date | None) -> list[Thread]:
        actor = self.atlas.actor(actor_id)
        return [Thread(f"{prose.conjugate(k.label, actor)} {self.name(k.other)}", k.other, k)
                for k in self.atlas.links(actor_id, on)]

    # -- descriptions ------------------------------------------------------------------------
    def where_sentence(self, actor_id: str, here: str | None, on: date | None) -> str:
        """'Muqtada al-Sadr is in Qom, where he lives.' (or 'is here', or through a leader)."""
        actor = self.atlas.actor(actor_id)
        name = self.name(actor_id, capital=True)
        places = self.reach(actor_id, on)
        if not places:
            return ""
        first = next((w for w in places if w.place == here), places[0])
        where = "here" if first.place == here else f"in {self.name(first.place)}"
        if first.via:
            who = self.atlas.actor(first.via)
            be = "are" if actor.pronoun == "they" else "is"
            return f"{name} {be} reached through {who.name}, who is {where}."
        return f"{name} {self._be(actor)} {where}{self._why(first, actor, here)}."

    @staticmethod
    def _be(actor) -> str:
        return "are" if actor.pronoun == "they" else "is"

    def _why(self, w: Whereabout, actor, here: str | None) -> str:
        if w.kind == "event":
            return f" {w.note}"
        if w.kind == "visit":
            return " on a visit"
        if w.place == here or w.kind == "place":
            return ""
        pro = prose.pronoun(actor)
        if w.kind == "lives":
            return f", where {pro} {prose.conjugate('lives', actor)}"
        return f", where {pro} {self._be(actor)} based"

    def structure_sentence(self, actor_id: str, on: date | None) -> str:
        pack = self.pack
        actor = pack.actors[actor_id]
        subj = prose.pronoun(actor, capital=True)
        be = "are" if actor.pronoun == "they" else "is"
        parts: list[str] = []
        if actor.kind == "person":
            led = [k.other for k in self.atlas.links(actor_id, on)
                   if k.relation.type == "leads" and k.outgoing]
            if actor.stands_for and actor.stands_for not in led:
                led.append(actor.stands_for)
            bits = [self._org_phrase(t) for t in led if t in pack.actors]
            if bits:
                verb = prose.conjugate("leads", actor)
                parts.append(f"{subj} {verb} {prose.join(bits)}.")
            return " ".join(parts)
        seats = prose.seats_text(pack, actor_id)
        if actor.kind == "bloc" and actor.members:
            members = prose.join([self.name(m) for m in actor.members if m in pack.actors])
            parts.append(f"{subj} brings together {members}"
                         + (f" ({seats})." if seats else "."))
        elif actor.part_of and actor.part_of in pack.actors:
            parts.append(f"{subj} {be} part of {self.name(actor.part_of)}"
                         + (f" and holds {seats}" if seats else "") + ".")
        elif seats:
            parts.append(f"{subj} holds {seats} of {pack.parliament_size}.")
        if actor.disputed:
            claims = "; ".join(f"{c.text} {prose.cite([c.source])}" for c in actor.seat_claims)
            parts.append(f"Sources differ on its seats: {claims}.")
        return " ".join(parts)

    def _org_phrase(self, org_id: str) -> str:
        org = self.pack.actors[org_id]
        text = self.name(org_id)
        if org.part_of and org.part_of in self.pack.actors:
            text += f", part of {self.name(org.part_of)}"
        seats = prose.seats_text(self.pack, org_id)
        return text + (f" ({seats})" if seats else "")

    def relation_sentences(self, actor_id: str, on: date | None, limit: int = 6) -> list[str]:
        actor = self.atlas.actor(actor_id)
        groups: dict[str, list[str]] = {}
        for k in self.atlas.links(actor_id, on):
            t = k.relation.type
            if t in PLACE_TYPES or (t in ("leads", "part_of") and k.outgoing):
                continue
            if t == "part_of" and actor.kind == "bloc":
                continue
            groups.setdefault(prose.conjugate(k.label, actor), []).append(self.name(k.other))
        subj = prose.pronoun(actor, capital=True)
        out = []
        for label, names in list(groups.items())[:limit]:
            shown = names[:5] + ([f"{len(names) - 5} more"] if len(names) > 5 else [])
            out.append(f"{subj} {label} {prose.join(shown)}.")
        return out

    def existence_note(self, actor_id: str, on: date | None) -> str:
        actor = self.atlas.actor(actor_id)
        if actor.exists_on(on) or on is None:
            return ""
        name = self.name(actor_id, capital=True)
        pro = prose.pronoun(actor, capital=True)
        if actor.since and on < actor.since:
            return (f"{name} is not yet part of the story on {prose.day(on)}: {pro.lower()} "
                    f"enters it on {prose.day(actor.since)}.")
        if actor.until:
            return (f"{name} is no longer part of the story on {prose.day(on)}: {pro.lower()} "
                    f"left it on {prose.day(actor.until)}.")
        return f"{name} is not part of the story on {prose.day(on)}."

"""Who covers whom, and the hostile relations inside a coalition.

A coalition member *covers* itself, its factions (and theirs), a bloc's member lists, and the
remainder unit of a split list. Its *circle* adds the people who lead anything it covers or stand
for it: the Sadrists' circle holds Muqtada al-Sadr, so his rivalry with Maliki is a tension
between the INA and State of Law.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from explorer.core.graph import Atlas
from explorer.core.seats import REST, Picture
from explorer.core.vocabulary import RELATION_TYPES


@dataclass(frozen=True)
class Tension:
    a: str  # the member (or group) on one side
    b: str  # the member on the other side, or the PM candidate
    type: str
    description: str
    sources: tuple[str, ...]
    hard: bool
    source_actor: str  # the relation's own ends
    target_actor: str
    relation_id: str
    about_pm: bool = False
    status: str | None = None  # the relation's status (reported, disputed ...), None if unmarked

    def as_json(self) -> dict:
        return {
            "a": self.a,
            "b": self.b,
            "type": self.type,
            "description": self.description,
            "sources": list(self.sources),
            "hard": self.hard,
            "between": [self.source_actor, self.target_actor],
            "about_pm": self.about_pm,
            "status": self.status,
        }


def cover_of(atlas: Atlas, picture: Picture) -> Cover:
    """The Cover of a picture, made once per picture (kept on the atlas, the last 16)."""
    covers: dict = atlas.__dict__.setdefault("_covers", {})
    key = (picture.on, picture.units, tuple(picture.extra.items()))
    found = covers.get(key)
    if found is None:
        if len(covers) >= 16:
            covers.pop(next(iter(covers)))
        found = covers[key] = Cover(atlas, picture)
    return found


class Cover:
    """Coverage and circles on one date, cached (get one with `cover_of`)."""

    def __init__(self, atlas: Atlas, picture: Picture):
        self.atlas = atlas
        self.pack = atlas.pack
        self.picture = picture
        self.on: date | None = picture.on
        self._cover: dict[str, frozenset[str]] = {}
        self._circle: dict[str, frozenset[str]] = {}
        self._leaders: dict[str, set[str]] = {}
        for rel in atlas.relations:
            if rel.type == "leads" and rel.active_on(self.on):
                self._leaders.setdefault(rel.target, set()).add(rel.source)
        for actor in self.pack.actors.values():
            if actor.stands_for and actor.exists_on(self.on):
                self._leaders.setdefault(actor.stands_for, set()).add(actor.id)

    @property
    def hostile(self) -> list:
        """The hostile relations that hold on the date (worked out once per Cover)."""
        found = self.__dict__.get("_hostile")
        if found is None:
            found = self.__dict__["_hostile"] = [
                rel for rel in self.atlas.relations
                if RELATION_TYPES[rel.type].hostile and rel.active_on(self.on)]
        return found

    def cover(self, item: str) -> frozenset[str]:
        if item in self._cover:
            return self._cover[item]
        out = {item}
        unit = self.picture.unit(item)
        if unit is not None and unit.members:
            for m in unit.members:
                out |= self.cover(m)
        actor = self.pack.actors.get(item)
        if actor is not None:
            out.add(item + REST)
            for m in actor.members if actor.kind == "bloc" else ():
                out |= self.cover(m)
            for child in self.pack.children(item):
                if child.exists_on(self.on):  # a faction that has left binds the list no more
                    out |= self.cover(child.id)
        self._cover[item] = frozenset(out)
        return self._cover[item]

    def constituents(self, item: str) -> list[str]:
        """A bloc stands for its member lists; anything else for itself."""
        unit = self.picture.unit(item)
        if unit is not None and unit.members:
            return [c for m in unit.members for c in self.constituents(m)]
        actor = self.pack.actors.get(item)
        if actor is not None and actor.kind == "bloc":
            return [c for m in actor.members for c in self.constituents(m)]
        return [item]

    def circle(self, item: str) -> frozenset[str]:
        if item not in self._circle:
            out = set(self.cover(item))
            for covered in list(out):
                out |= self._leaders.get(covered, set())
            self._circle[item] = frozenset(out)
        return self._circle[item]

    def normalize(self, members: Iterable[str]) -> list[str]:
        """Drop members that sit inside another member (no seat is counted twice)."""
        members = list(dict.fromkeys(members))
        return [m for m in members
                if not any(o != m and m in self.cover(o) for o in members)]


def find_tensions(cover: Cover, groups: dict[str, list[str]], pm: str | None) -> list[Tension]:
    """Hostile relations between different groups; each group is a list of constituents."""
    owners: dict[str, set[str]] = {}
    for group, parts in groups.items():
        for part in parts:
            for actor in cover.circle(part):
                owners.setdefault(actor, set()).add(group)
    found: dict[tuple, Tension] = {}
    for rel in cover.hostile:
        rtype = RELATION_TYPES[rel.type]
        sides = owners.get(rel.source)
        if not sides:
            continue
        if pm and rel.target == pm and (rtype.pm_only or rtype.hard):
            for a in sides:
                found[(rel.id, a, "pm")] = Tension(
                    a, pm, rel.type, rel.description, rel.sources, True, rel.source,
                    rel.target, rel.id, about_pm=True, status=rel.status)
            continue
        targets = owners.get(rel.target, set())
        for a in sides:
            for b in targets:
                if a == b or (rel.id, b, a) in found:
                    continue
                found[(rel.id, a, b)] = Tension(
                    a, b, rel.type, rel.description, rel.sources, rtype.hard, rel.source,
                    rel.target, rel.id, status=rel.status)
    return sorted(found.values(), key=lambda t: (not t.hard, t.a, t.b, t.relation_id))

"""One meaning of "feasible", used by every screen and command.

A coalition is *feasible* on a date, under a PM candidate (or none), when

1. the candidate's own seat holder is in it: some member's circle holds the candidate (the list he
   leads, the list the pack says he stands for, or a bloc containing it). A candidate who leads
   and stands for no seat holder on the table has no own list, and this rule does not apply;
2. no member refuses another member (a hard relation, `refuses`), counted between the lists a
   bloc is made of too: a refusal inside a bloc is a refusal inside the coalition;
3. no member (nor anything inside one) refuses to serve under the candidate (`refuses_pm`).

`check` answers that for one coalition, with the reasons in words and their sources.
`game_constraints` turns the same rules into the constraints of the weighted voting game of the
units on the table: pairs of units that cannot sit together (rule 2 and 3), units that can sit in
no feasible coalition at all (a refusal inside them), and the unit that every feasible coalition
must contain (rule 1). The coalition tally, completions, `minimal --feasible`, `power --feasible`,
the explanations, the adventure and the challenges all go through these two functions (a
property test cross-checks them on random coalitions, dates and candidates).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from explorer.core.graph import Atlas
from explorer.core.seats import Picture
from explorer.core.tensions import Cover, Tension, cover_of, find_tensions


@dataclass(frozen=True)
class Reason:
    """One reason in words, with the sources of the relations behind it."""

    text: str
    sources: tuple[str, ...] = ()
    kind: str = ""  # refusal | refuses_pm | pm_home | blocked | note

    def as_json(self) -> dict:
        return {"text": self.text, "sources": list(self.sources), "kind": self.kind}


@dataclass(frozen=True)
class Feasibility:
    feasible: bool
    pm: str | None
    pm_home: str | None  # the seat holder the candidate stands for (None: none on the table)
    pm_home_in: bool  # True also when the candidate has no own list (rule 1 does not apply)
    refusals: tuple[Tension, ...]  # the hard tensions inside the coalition
    reasons: tuple[Reason, ...] = field(default=())

    @property
    def why_not(self) -> str:
        """'' when feasible, else the first reason (and how many more there are)."""
        if self.feasible or not self.reasons:
            return ""
        more = len(self.reasons) - 1
        return self.reasons[0].text + (f" (and {more} more)" if more else "")

    def as_json(self) -> dict:
        return {"feasible": self.feasible, "pm": self.pm, "pm_home": self.pm_home,
                "pm_home_in": self.pm_home_in,
                "reasons": [r.as_json() for r in self.reasons]}


def _name(atlas: Atlas, picture: Picture, item: str | None) -> str:
    if item is None:
        return "nobody"
    unit = picture.unit(item)
    if unit is not None:
        return unit.name
    actor = atlas.pack.actors.get(item)
    return actor.name if actor else item


def pm_home(atlas: Atlas, cover: Cover, pm: str | None) -> str | None:
    """The seat holder a PM candidate stands for: declared `stands_for`, else a list he leads."""
    if not pm or pm not in atlas.pack.actors:
        return None
    actor = atlas.pack.actors[pm]
    if actor.stands_for and atlas.pack.actors.get(actor.stands_for):
        return actor.stands_for
    if atlas.pack.seat_range(pm) is not None:
        return pm
    led = sorted(r.target for r in atlas.relations
                 if r.type == "leads" and r.source == pm and r.active_on(cover.on)
                 and r.target in atlas.pack.actors and atlas.pack.seat_range(r.target))
    return led[0] if led else None


def _home_units(cover: Cover, units: Iterable[str], pm: str | None) -> list[str]:
    """The units among `units` whose circle holds the candidate."""
    if not pm:
        return []
    return [u for u in units if pm in cover.circle(u)]


def hard_refusals(cover: Cover, groups: dict[str, list[str]], pm: str | None) -> list[Tension]:
    """The hard tensions between the groups (rule 2) and towards the candidate (rule 3)."""
    return [t for t in find_tensions(cover, groups, pm) if t.hard]


def refusal_reason(atlas: Atlas, t: Tension) -> Reason:
    a = atlas.pack.actors.get(t.source_actor)
    b = atlas.pack.actors.get(t.target_actor)
    a_name = a.name if a else t.source_actor
    b_name = b.name if b else t.target_actor
    if t.about_pm:
        text = f"{a_name} refuses to serve under {b_name} as prime minister"
    else:
        text = f"{a_name} refuses to sit with {b_name}"
    return Reason(text, tuple(t.sources), "refuses_pm" if t.about_pm else "refusal")


def check(atlas: Atlas, picture: Picture, members: Iterable[str], pm: str | None,
          cover: Cover | None = None) -> Feasibility:
    """Is this coalition (normalized member ids) feasible under `pm` on the picture's date?"""
    cover = cover or cover_of(atlas, picture)
    members = list(members)
    groups = {c: [c] for m in members for c in cover.constituents(m)}
    refusals = tuple(hard_refusals(cover, groups, pm))
    home = pm_home(atlas, cover, pm)
    home_in = True
    reasons: list[Reason] = []
    if pm and home is not None:
        home_in = bool(_home_units(cover, members, pm))
        if not home_in:
            reasons.append(Reason(
                f"{_name(atlas, picture, pm)}'s own list, {_name(atlas, picture, home)}, is not "
                "in the coalition", (), "pm_home"))
    reasons.extend(refusal_reason(atlas, t) for t in refusals)
    return Feasibility(home_in and not refusals, pm, home, home_in, refusals, tuple(reasons))


@dataclass(frozen=True)
class GameConstraints:
    """The feasible game on the units of a picture (indices into picture.units)."""

    pairs: tuple[tuple[int, int], ...]  # units that cannot sit together
    blocked: frozenset[int]  # units in no feasible coalition (a refusal inside them)
    required: tuple[int, ...]  # a feasible coalition holds one of these (the PM's own unit)
    pm_home: str | None  # when set, a coalition without a `required` unit is not feasible
    pair_tensions: dict[tuple[int, int], tuple[Tension, ...]] = field(default_factory=dict)
    block_tensions: dict[int, tuple[Tension, ...]] = field(default_factory=dict)

    def admits(self, subset: Iterable[int]) -> bool:
        """The same answer `check` gives for the coalition of these units."""
        chosen = set(subset)
        if chosen & self.blocked:
            return False
        if self.pm_home is not None and not chosen & set(self.required):
            return False
        return not any(i in chosen and j in chosen for i, j in self.pairs)


def game_constraints(atlas: Atlas, picture: Picture, pm: str | None) -> GameConstraints:
    """The rules of `check`, as constraints on the units on the table."""
    cover = cover_of(atlas, picture)
    units = picture.units
    index = {u.id: i for i, u in enumerate(units)}
    owner: dict[str, int] = {}
    groups: dict[str, list[str]] = {}
    for i, u in enumerate(units):
        for c in cover.constituents(u.id):
            owner[c] = i
            groups[c] = [c]
    home = pm_home(atlas, cover, pm)
    required: tuple[int, ...] = ()
    if pm and home is not None:
        required = tuple(index[u] for u in _home_units(cover, index, pm))
    pairs: dict[tuple[int, int], list[Tension]] = {}
    blocked: dict[int, list[Tension]] = {}
    for t in hard_refusals(cover, groups, pm):
        i = owner[t.a]
        if t.about_pm:
            blocked.setdefault(i, []).append(t)
            continue
        j = owner[t.b]
        if i == j:
            blocked.setdefault(i, []).append(t)
        else:
            pairs.setdefault((min(i, j), max(i, j)), []).append(t)
    return GameConstraints(
        tuple(sorted(pairs)), frozenset(blocked), required, home,
        {k: tuple(v) for k, v in pairs.items()}, {k: tuple(v) for k, v in blocked.items()})

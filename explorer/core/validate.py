"""Cross-reference checks over a loaded pack: every problem, with its file and line.

The loader passes a Context: the parsed files (to put a problem on the line of the very key or list
item at fault) and what failed to load (so that one broken actor does not also surface as a dozen
"unknown actor" problems, and a seat figure that failed to load does not upset the seat total).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from explorer.core.model import Actor, Origin, Pack
from explorer.core.names import normalize
from explorer.core.problems import Problem
from explorer.core.tomlfile import TomlFile
from explorer.core.vocabulary import SEAT_KINDS


@dataclass
class Context:
    files: dict[Path, TomlFile] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)  # ids of actors that failed to load
    seats_broken: set[str] = field(default_factory=set)  # actors whose seat figures failed
    actors_complete: bool = True  # False when an actors file could not be read at all
    events_complete: bool = True


def validate(pack: Pack, ctx: Context | None = None) -> list[Problem]:
    v = _Validator(pack, ctx or Context())
    v.names()
    v.structure()
    v.seats()
    v.relations()
    v.events()
    v.dated_seats()
    v.challenges_and_lessons()
    return v.problems


def _did_you_mean(ref: str, known) -> str | None:
    close = difflib.get_close_matches(ref, list(known), n=1)
    return f"did you mean {close[0]!r}?" if close else None


class _Validator:
    def __init__(self, pack: Pack, ctx: Context):
        self.pack, self.ctx = pack, ctx
        self.problems: list[Problem] = []
        self.cyclic: set[str] = set()
        pack_path = pack.path / "pack.toml"
        pack_file = ctx.files.get(pack_path)
        self.pack_origin = Origin(pack_path, pack_file.table_line("pack") if pack_file else 1)

    # -- reporting -----------------------------------------------------------------------
    def add(self, origin: Origin, message: str, hint: str | None = None, key: str | None = None,
            value: str | None = None, child: str | None = None) -> None:
        """A problem on the line of `key` (or of `value` in its list) in the table at origin;
        with child, in the `[table.child]` sub-table of that table."""
        line = origin.line
        file = self.ctx.files.get(origin.path)
        if file is not None and key is not None:
            table = file.child_line(origin.line, child) if child else origin.line
            if not child or table != origin.line:
                line = file.value_line(table, key, value)
        self.problems.append(Problem(origin.path, line, message, hint))

    def unknown(self, ref: str, origin: Origin, what: str, key: str,
                child: str | None = None, as_list: bool = False) -> bool:
        """True when ref is not a loaded actor; reported unless it failed to load itself."""
        if ref in self.pack.actors:
            return False
        if ref not in self.ctx.broken and self.ctx.actors_complete:
            self.add(origin, f"{what} names an unknown actor {ref!r}",
                     _did_you_mean(ref, self.pack.actors), key, ref if as_list else None, child)
        return True

    def seat_range(self, actor_id: str) -> tuple[int, int] | None:
        """Pack.seat_range that never recurses (a bloc inside a bloc is reported, not summed)."""
        actor = self.pack.actors[actor_id]
        if actor.kind != "bloc" or not actor.members:
            return actor.claimed_range
        ranges = [self.pack.actors[m].claimed_range for m in actor.members
                  if m in self.pack.actors and self.pack.actors[m].kind != "bloc"]
        ranges = [r for r in ranges if r]
        return (sum(r[0] for r in ranges), sum(r[1] for r in ranges)) if ranges else None

    # -- checks --------------------------------------------------------------------------
    def names(self) -> None:
        owners: dict[str, str] = {}
        for actor in self.pack.actors.values():
            for name in {normalize(actor.id), normalize(actor.name)}:
                owners.setdefault(name, actor.id)
        for actor in self.pack.actors.values():
            for alias in actor.aliases:
                key = normalize(alias)
                if not key:
                    self.add(actor.origin, f"actor {actor.id!r} has an empty alias",
                             key="aliases", value=alias)
                    continue
                owner = owners.setdefault(key, actor.id)
                if owner != actor.id:
                    self.add(actor.origin,
                             f"alias {alias!r} of {actor.id!r} is already a name of {owner!r}",
                             "an alias may belong to one actor only", "aliases", alias)

    def _cycles(self) -> None:
        actors = self.pack.actors
        for actor in actors.values():
            path, cur = [], actor.id
            while cur in actors and cur not in path and cur not in self.cyclic:
                path.append(cur)
                cur = actors[cur].part_of
            if cur in path:
                cycle = path[path.index(cur):]
                self.cyclic.update(cycle)
                loop = " -> ".join([*cycle, cycle[0]])
                first = actors[cycle[0]]
                self.add(first.origin, f"'part_of' of {first.id!r} goes round in a circle: {loop}",
                         "a faction sits inside a list, never inside itself", "part_of")

    def structure(self) -> None:
        pack, ctx = self.pack, self.ctx
        event_ids = {e.id: e for e in pack.events}
        for actor in pack.actors.values():
            if actor.part_of:
                self.unknown(actor.part_of, actor.origin, f"'part_of' of {actor.id!r}", "part_of")
        self._cycles()
        for actor in pack.actors.values():
            o = actor.origin
            if actor.kind == "bloc":
                self._bloc(actor)
            elif actor.members:
                self.add(o, f"{actor.id!r} has 'members' but is a {actor.kind}, not a bloc",
                         key="members")
            if actor.seat_claims and actor.kind not in SEAT_KINDS and actor.kind != "bloc":
                self.add(o, f"a {actor.kind} cannot hold seats ({actor.id!r})",
                         "seats belong to lists, factions and parties", "seats")
            if actor.stands_for and not self.unknown(
                    actor.stands_for, o, f"'stands_for' of {actor.id!r}", "stands_for"):
                if (self.seat_range(actor.stands_for) is None
                        and actor.stands_for not in ctx.seats_broken):
                    self.add(o, f"{actor.id!r} stands for {actor.stands_for!r}, "
                             "which holds no seats", key="stands_for")
            if actor.formed_by:
                event = event_ids.get(actor.formed_by)
                if event is None and ctx.events_complete:
                    self.add(o, f"'formed_by' names an unknown event {actor.formed_by!r}",
                             _did_you_mean(actor.formed_by, event_ids), "formed_by")
                elif event is not None and actor.since is None:
                    actor.since = event.date.start
            if actor.since and actor.until and actor.until <= actor.since:
                self.add(o, f"{actor.id!r}: 'until' {actor.until} is not after "
                         f"'since' {actor.since}", key="until")

    def _bloc(self, actor: Actor) -> None:
        o = actor.origin
        if not actor.members:
            self.add(o, f"bloc {actor.id!r} has no 'members'",
                     "list the ids of the lists that merged")
        if actor.seat_claims:
            self.add(o, f"bloc {actor.id!r} declares seats; a bloc's seats are its members'",
                     "remove 'seats': they are added up from the members", "seats")
        for member in actor.members:
            if self.unknown(member, o, f"bloc {actor.id!r}", "members", as_list=True):
                continue
            m = self.pack.actors[member]
            if member == actor.id:
                self.add(o, f"bloc {actor.id!r} lists itself as a member", key="members",
                         value=member)
            elif m.kind == "bloc":
                self.add(o, f"bloc member {member!r} is a bloc",
                         "a bloc lists the lists that merged, not other blocs", "members", member)
            elif m.claimed_range is None and member not in self.ctx.seats_broken:
                self.add(o, f"bloc member {member!r} holds no seats", key="members", value=member)
            if m.part_of and m.kind != "bloc" and member not in self.cyclic:
                self.add(o, f"bloc member {member!r} is inside {m.part_of!r}",
                         "blocs join whole lists", "members", member)

    def seats(self) -> None:
        pack, ctx = self.pack, self.ctx
        holders = pack.top_level_seat_holders()
        if pack.parliament_size and holders and not ctx.seats_broken and not self.cyclic:
            total = sum(a.primary_seats or 0 for a in holders)
            if total != pack.parliament_size:
                detail = " + ".join(f"{a.id} {a.primary_seats}" for a in holders[:12])
                self.add(self.pack_origin,
                         f"the seats of the top-level lists add up to {total}, "
                         f"not the parliament's {pack.parliament_size}",
                         f"{detail}{' ...' if len(holders) > 12 else ''}", "parliament_size")
        for parent in pack.actors.values():
            if parent.kind == "bloc" or parent.id in self.cyclic:
                continue
            rng = parent.claimed_range
            if rng is None:
                continue
            kids = [c for c in pack.children(parent.id) if c.claimed_range]
            for kid in kids:
                if kid.claimed_range[0] > rng[1]:
                    self.add(kid.origin, f"faction {kid.id!r} claims {kid.claimed_range[0]} "
                             f"seats, more than its list {parent.id!r} has ({rng[1]})",
                             key="seats")
            need = sum(k.claimed_range[0] for k in kids)
            if len(kids) > 1 and need > rng[1]:
                names = " + ".join(f"{k.id} {k.claimed_range[0]}" for k in kids[:12])
                self.add(parent.origin, f"the factions of {parent.id!r} need at least {need} "
                         f"seats, more than its {rng[1]}", names, "seats")

    def relations(self) -> None:
        for rel in self.pack.relations:
            for end, ref in (("from", rel.source), ("to", rel.target)):
                self.unknown(ref, rel.origin, f"relation '{end}'", end)

    def _in_range(self, day) -> bool:
        pack = self.pack
        if pack.start_date and pack.end_date and pack.end_date < pack.start_date:
            return True  # the range itself is wrong, and reported on pack.toml
        return not ((pack.start_date and day < pack.start_date)
                    or (pack.end_date and day > pack.end_date))

    def events(self) -> None:
        pack = self.pack
        seen: set[str] = set()
        for event in pack.events:
            o, what = event.origin, f"event {event.id!r}"
            if event.id in seen:
                self.add(o, f"duplicate event id {event.id!r}", key="id")
            seen.add(event.id)
            if not self._in_range(event.date.start):
                self.add(o, f"{what} ({event.date.iso}) is outside the pack's dates "
                         f"({pack.start_date} to {pack.end_date})",
                         "change the date, or start_date/end_date in pack.toml", "date")
            if event.place:
                place = pack.actors.get(event.place)
                if place is None and event.place not in self.ctx.broken:
                    if self.ctx.actors_complete:
                        self.add(o, f"{what} names an unknown place {event.place!r}",
                                 _did_you_mean(event.place, pack.actors), "place")
                elif place is not None and place.kind != "place":
                    self.add(o, f"{what}: {event.place!r} is a {place.kind}, not a place",
                             key="place")
            for who in event.participants:
                self.unknown(who, o, what, "participants", as_list=True)
        if self.ctx.events_complete:
            from explorer.core.story import after_problems

            for event, message, hint in after_problems(pack):
                self.add(event.origin, message, hint, "after")
        if pack.start_place:
            place = pack.actors.get(pack.start_place)
            if place is None and pack.start_place not in self.ctx.broken:
                if self.ctx.actors_complete:
                    self.add(self.pack_origin,
                             f"start_place names an unknown actor {pack.start_place!r}",
                             _did_you_mean(pack.start_place, pack.actors), "start_place")
            elif place is not None and place.kind != "place":
                self.add(self.pack_origin, f"start_place {pack.start_place!r} is a "
                         f"{place.kind}, not a place", key="start_place")

    def _claim(self, origin, text: str) -> None:
        from explorer.core.claims import parse, unknown_names

        try:
            parsed = parse(text)
        except ValueError as exc:
            self.add(origin, str(exc), "see 'Lesson claims' in content/README.md", "claims",
                     value=text)
            return
        for message in unknown_names(self.pack, parsed):
            self.add(origin, message, key="claims", value=text)

    def dated_seats(self) -> None:
        """Seat claims dated outside the pack's dates (a typo in a year, usually)."""
        pack = self.pack
        for actor in pack.actors.values():
            for claim in actor.seat_claims:
                for key, day in (("since", claim.since), ("until", claim.until)):
                    if day and not self._in_range(day):
                        file = self.ctx.files.get(actor.origin.path)
                        line = claim.line or actor.origin.line
                        self.problems.append(Problem(
                            actor.origin.path, file.key_line(line, key) if file else line,
                            f"a seat claim of {actor.id!r} is dated outside the pack: {key} "
                            f"{day} (the pack runs {pack.start_date} to {pack.end_date})"))

    def challenges_and_lessons(self) -> None:
        pack = self.pack
        thresholds = {t.id for t in pack.thresholds}
        for ch in pack.challenges.values():
            o, what = ch.origin, f"challenge {ch.id!r}"
            self.unknown(ch.role, o, what, "role")
            if ch.pm:
                self.unknown(ch.pm, o, what, "pm")
            for ref in ch.start_coalition:
                self.unknown(ref, o, what, "start_coalition", as_list=True)
            for ref in ch.history_coalition:
                self.unknown(ref, o, what, "history_coalition", as_list=True)
            for key, refs in (("include", ch.goal.include), ("exclude", ch.goal.exclude)):
                for ref in refs:
                    self.unknown(ref, o, what, key, "goal", as_list=True)
            if ch.goal.threshold is not None and ch.goal.threshold not in thresholds \
                    and thresholds:
                self.add(o, f"{what}: unknown threshold {ch.goal.threshold!r}",
                         f"known: {', '.join(sorted(thresholds))}", "threshold", child="goal")
            if not self._in_range(ch.date):
                self.add(o, f"{what}: date {ch.date} is outside the pack's dates", key="date")
        for lesson in pack.lessons.values():
            for step in lesson.steps:
                o, what = step.origin, f"lesson {lesson.id!r} step {step.title!r}"
                for ref in step.coalition:
                    self.unknown(ref, o, what, "coalition", as_list=True)
                for key in ("pm", "focus"):
                    ref = getattr(step, key)
                    if ref:
                        self.unknown(ref, o, what, key)
                for claim in step.claims:
                    self._claim(o, claim.text)
                if step.date and not self._in_range(step.date):
                    self.add(o, f"{what}: date {step.date} is outside the pack's dates",
                             key="date")

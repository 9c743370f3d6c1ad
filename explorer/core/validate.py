"""Cross-reference checks over a loaded pack: every problem, with its file and line."""

from __future__ import annotations

from explorer.core.model import Pack
from explorer.core.names import normalize
from explorer.core.problems import Problem
from explorer.core.vocabulary import SEAT_KINDS


def validate(pack: Pack) -> list[Problem]:
    problems: list[Problem] = []
    _names(pack, problems)
    _structure(pack, problems)
    _seats(pack, problems)
    _relations(pack, problems)
    _events(pack, problems)
    _challenges_and_lessons(pack, problems)
    return problems


def _unknown(pack: Pack, ref: str, origin, what: str, problems: list[Problem]) -> bool:
    if ref in pack.actors:
        return False
    import difflib

    close = difflib.get_close_matches(ref, list(pack.actors), n=1)
    problems.append(Problem(origin.path, origin.line, f"{what} names an unknown actor {ref!r}",
                            f"did you mean {close[0]!r}?" if close else None))
    return True


def _names(pack: Pack, problems: list[Problem]) -> None:
    owners: dict[str, str] = {}
    for actor in pack.actors.values():
        for name in {normalize(actor.id), normalize(actor.name)}:
            owners.setdefault(name, actor.id)
    for actor in pack.actors.values():
        for alias in actor.aliases:
            key = normalize(alias)
            if not key:
                problems.append(Problem(actor.origin.path, actor.origin.line,
                                        f"actor {actor.id!r} has an empty alias"))
                continue
            owner = owners.setdefault(key, actor.id)
            if owner != actor.id:
                problems.append(Problem(
                    actor.origin.path, actor.origin.line,
                    f"alias {alias!r} of {actor.id!r} is already a name of {owner!r}",
                    "an alias may belong to one actor only"))
    seen_thresholds: set[str] = set()
    for th in pack.thresholds:
        if th.id in seen_thresholds:
            problems.append(Problem(pack.path / "pack.toml", 1, f"duplicate threshold {th.id!r}"))
        seen_thresholds.add(th.id)


def _structure(pack: Pack, problems: list[Problem]) -> None:
    event_ids = {e.id: e for e in pack.events}
    for actor in pack.actors.values():
        o = actor.origin
        if actor.part_of and not _unknown(pack, actor.part_of, o, f"'part_of' of {actor.id!r}",
                                          problems):
            # walk up to catch cycles
            seen, cur = {actor.id}, actor.part_of
            while cur:
                if cur in seen:
                    problems.append(Problem(o.path, o.line,
                                            f"'part_of' of {actor.id!r} goes round in a circle"))
                    break
                seen.add(cur)
                cur = pack.actors[cur].part_of if cur in pack.actors else None
        if actor.kind == "bloc":
            if not actor.members:
                problems.append(Problem(o.path, o.line, f"bloc {actor.id!r} has no 'members'"))
            if actor.seat_claims:
                problems.append(Problem(o.path, o.line,
                                        f"bloc {actor.id!r} declares seats; "
                                        "a bloc's seats are its members'"))
        elif actor.members:
            problems.append(Problem(o.path, o.line,
                                    f"{actor.id!r} has 'members' but is a {actor.kind}, "
                                    "not a bloc"))
        for member in actor.members:
            if not _unknown(pack, member, o, f"bloc {actor.id!r}", problems):
                m = pack.actors[member]
                if pack.seat_range(member) is None:
                    problems.append(Problem(o.path, o.line,
                                            f"bloc member {member!r} holds no seats"))
                if m.part_of:
                    problems.append(Problem(o.path, o.line,
                                            f"bloc member {member!r} is inside {m.part_of!r}",
                                            "blocs join whole lists"))
        if actor.seat_claims and actor.kind not in SEAT_KINDS:
            problems.append(Problem(o.path, o.line,
                                    f"a {actor.kind} cannot hold seats ({actor.id!r})",
                                    "seats belong to lists, factions and parties"))
        if actor.stands_for and not _unknown(pack, actor.stands_for, o,
                                             f"'stands_for' of {actor.id!r}", problems):
            if pack.seat_range(actor.stands_for) is None:
                problems.append(Problem(o.path, o.line,
                                        f"{actor.id!r} stands for {actor.stands_for!r}, "
                                        "which holds no seats"))
        if actor.formed_by:
            event = event_ids.get(actor.formed_by)
            if event is None:
                problems.append(Problem(o.path, o.line,
                                        f"'formed_by' names an unknown event {actor.formed_by!r}"))
            elif actor.since is None:
                actor.since = event.date.start
        if actor.since and actor.until and actor.until <= actor.since:
            problems.append(Problem(o.path, o.line,
                                    f"{actor.id!r}: 'until' {actor.until} is not after "
                                    f"'since' {actor.since}"))


def _seats(pack: Pack, problems: list[Problem]) -> None:
    holders = pack.top_level_seat_holders()
    if pack.parliament_size and holders:
        total = sum(a.primary_seats or 0 for a in holders)
        if total != pack.parliament_size:
            first = holders[0].origin
            detail = " + ".join(f"{a.id} {a.primary_seats}" for a in holders[:12])
            problems.append(Problem(
                first.path, first.line,
                f"the seats of the top-level lists add up to {total}, "
                f"not the parliament's {pack.parliament_size}",
                f"{detail}{' ...' if len(holders) > 12 else ''}"))
    for parent in pack.actors.values():
        rng = pack.seat_range(parent.id)
        if rng is None or parent.kind == "bloc":
            continue
        kids = [c for c in pack.children(parent.id) if c.claimed_range]
        for kid in kids:
            if kid.claimed_range[0] > rng[1]:
                problems.append(Problem(kid.origin.path, kid.origin.line,
                                        f"faction {kid.id!r} claims {kid.claimed_range[0]} seats, "
                                        f"more than its list {parent.id!r} has ({rng[1]})"))
        need = sum(k.claimed_range[0] for k in kids)
        if kids and need > rng[1]:
            o = kids[0].origin
            problems.append(Problem(o.path, o.line,
                                    f"the factions of {parent.id!r} need at least {need} seats, "
                                    f"more than its {rng[1]}"))


def _relations(pack: Pack, problems: list[Problem]) -> None:
    for rel in pack.relations:
        for end, ref in (("from", rel.source), ("to", rel.target)):
            _unknown(pack, ref, rel.origin, f"relation '{end}'", problems)


def _in_range(pack: Pack, day) -> bool:
    if pack.start_date and day < pack.start_date:
        return False
    if pack.end_date and day > pack.end_date:
        return False
    return True


def _events(pack: Pack, problems: list[Problem]) -> None:
    seen: dict[str, object] = {}
    if pack.start_date and pack.end_date and pack.end_date < pack.start_date:
        problems.append(Problem(pack.path / "pack.toml", 1,
                                "end_date comes before start_date"))
    for event in pack.events:
        o = event.origin
        if event.id in seen:
            problems.append(Problem(o.path, o.line, f"duplicate event id {event.id!r}"))
        seen[event.id] = event
        if not _in_range(pack, event.date.start):
            problems.append(Problem(o.path, o.line,
                                    f"event {event.id!r} ({event.date.iso}) is outside the pack's "
                                    f"dates ({pack.start_date} to {pack.end_date})"))
        if event.place and not _unknown(pack, event.place, o, f"event {event.id!r}", problems):
            if pack.actors[event.place].kind != "place":
                problems.append(Problem(o.path, o.line,
                                        f"event {event.id!r}: {event.place!r} is not a place"))
        for who in event.participants:
            _unknown(pack, who, o, f"event {event.id!r}", problems)
    if pack.start_place and pack.start_place not in pack.actors:
        problems.append(Problem(pack.path / "pack.toml", 1,
                                f"start_place names an unknown actor {pack.start_place!r}"))


def _challenges_and_lessons(pack: Pack, problems: list[Problem]) -> None:
    thresholds = {t.id for t in pack.thresholds}
    for ch in pack.challenges.values():
        o, what = ch.origin, f"challenge {ch.id!r}"
        refs = [ch.role, *ch.start_coalition, *ch.goal.include, *ch.goal.exclude]
        if ch.pm:
            refs.append(ch.pm)
        for ref in refs:
            _unknown(pack, ref, o, what, problems)
        if ch.goal.threshold not in thresholds:
            problems.append(Problem(o.path, o.line,
                                    f"{what}: unknown threshold {ch.goal.threshold!r}",
                                    f"known: {', '.join(sorted(thresholds))}"))
        if not _in_range(pack, ch.date):
            problems.append(Problem(o.path, o.line, f"{what}: date {ch.date} is outside the pack"))
    for lesson in pack.lessons.values():
        for step in lesson.steps:
            o, what = step.origin, f"lesson {lesson.id!r} step {step.title!r}"
            for ref in [*step.coalition, *(r for r in (step.pm, step.focus) if r)]:
                _unknown(pack, ref, o, what, problems)
            if step.date and not _in_range(pack, step.date):
                problems.append(Problem(o.path, o.line, f"{what}: date {step.date} is outside "
                                        "the pack"))

"""Load a content pack directory into model objects, reporting every problem in one run."""

from __future__ import annotations

import difflib
import os
from datetime import date
from pathlib import Path

from explorer.core import thresholds as threshold_tables
from explorer.core.fields import (
    ID_PATTERN,
    Table,
    item_what,
    source_problem,
    tables,
    unknown_tables,
)
from explorer.core.model import (
    Actor,
    Event,
    Origin,
    Pack,
    Relation,
    SeatClaim,
    Threshold,
)
from explorer.core.problems import PackError, Problem
from explorer.core.storage import resolve_pack_dir
from explorer.core.story import story
from explorer.core.tomlfile import TomlFile, read_toml
from explorer.core.validate import Context, validate
from explorer.core.validate_files import check_layout, check_more
from explorer.core.vocabulary import ACTOR_KINDS, RELATION_TYPES, STATUSES

ACTOR_KEYS = {
    "id", "name", "kind", "aliases", "description", "sources", "pronoun", "part_of", "seats",
    "seats_source", "seat_claim", "members", "since", "until", "formed_by", "stands_for",
    "source_note",
}
RELATION_KEYS = {"from", "to", "type", "description", "sources", "since", "until", "status",
                 "source_note"}
EVENT_KEYS = {"id", "date", "title", "summary", "place", "participants", "sources", "status",
              "source_note", "after"}
PACK_KEYS = {"id", "title", "description", "parliament_size", "default_date", "start_date",
             "end_date", "start_place", "sources", "seats_from"}


def _load_actor(file: TomlFile, raw: object, index: int, line: int, problems,
                ctx: Context) -> Actor | None:
    t = Table(file, raw, line, item_what("actor", index, raw), problems)
    if not t.valid:
        return None
    t.check_keys(ACTOR_KEYS)
    actor_id = t.ident("id")
    name = t.text("name")
    kind = t.text("kind")
    if kind is not None and kind not in ACTOR_KINDS:
        close = difflib.get_close_matches(kind, ACTOR_KINDS, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"use one of: {', '.join(ACTOR_KINDS)}"
        t.problem(f"unknown kind {kind!r}", "kind", hint)
        kind = None
    description = t.text("description")
    sources = t.sources()
    pronoun = t.text("pronoun", required=False)
    if pronoun is not None and pronoun not in ("he", "she", "it", "they"):
        t.problem(f"pronoun must be he, she, it or they, not {pronoun!r}", "pronoun")
        pronoun = None
    before = len(problems)
    claims = _seat_claims(file, t, index)
    seats_failed = len(problems) > before
    actor = Actor(
        id=actor_id or "",
        name=name or (actor_id or ""),
        kind=kind or "group",
        description=description or "",
        sources=sources,
        origin=Origin(file.path, line),
        aliases=t.strings("aliases"),
        pronoun_declared=pronoun,
        part_of=t.ident("part_of", required=False),
        seat_claims=claims,
        members=t.strings("members"),
        since=t.day("since"),
        until=t.day("until"),
        formed_by=t.ident("formed_by", required=False),
        stands_for=t.ident("stands_for", required=False),
        source_note=t.text("source_note", required=False),
    )
    # remember what failed, so that validate() reports no consequences of it
    raw_id = t.data.get("id") if isinstance(t.data.get("id"), str) else ""
    failed = actor_id is None or name is None or kind is None
    if failed and raw_id:
        ctx.broken.add(raw_id)
    if seats_failed or (failed and ("seats" in t.data or "seat_claim" in t.data)):
        ctx.seats_broken.add(raw_id)
    return None if failed else actor


def _seat_claims(file: TomlFile, t: Table, index: int) -> tuple[SeatClaim, ...]:
    claims: list[SeatClaim] = []
    if "seats" in t.data:
        seats = t.integer("seats", minimum=0)
        source = t.source("seats_source") if "seats_source" in t.data else None
        if "seats_source" not in t.data:
            t.problem(f"{t.what} gives seats without 'seats_source'", "seats",
                      "every seat figure needs a source")
        if seats is not None and source is not None:
            claims.append(SeatClaim(seats, seats, source))
    elif "seats_source" in t.data:
        t.problem("'seats_source' without 'seats'", "seats_source")
    raw_claims = t.data.get("seat_claim", [])
    if not isinstance(raw_claims, list):
        t.problem("'seat_claim' must be written as [[actor.seat_claim]]", "seat_claim")
        return tuple(claims)
    if raw_claims and "seats" in t.data:
        t.problem(f"{t.what} has both 'seats' and seat claims", "seats",
                  "move the figure into a [[actor.seat_claim]]")
    for j, raw in enumerate(raw_claims):
        line = file.sub_table_line("actor", index, "seat_claim", j)
        c = Table(file, raw, line, f"seat claim #{j + 1} of {t.what}", t.problems)
        if not c.valid:
            continue
        c.check_keys({"seats", "source", "note", "since", "until"})
        since, until = c.day("since"), c.day("until")
        if since and until and until <= since:
            c.problem(f"seat claim 'until' {until} is not after 'since' {since}", "until")
        value = c.data.get("seats")
        low = high = None
        if isinstance(value, list) and len(value) == 2 and all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            low, high = value
            if low > high:
                c.problem(f"seat range {value} runs backwards", "seats")
                low = high = None
        elif isinstance(value, int) and not isinstance(value, bool):
            low = high = value
        elif value is None:
            c.problem(f"{c.what} is missing 'seats'")
        else:
            c.problem(f"'seats' must be a whole number or [low, high], not {value!r}", "seats")
        if low is not None and low < 0:
            c.problem(f"seats cannot be negative ({low})", "seats")
            low = None
        source = c.source()
        note = c.text("note", required=False)
        if low is not None and high is not None and source is not None:
            claims.append(SeatClaim(low, high, source, note, since, until, line))
    return tuple(claims)


def _quick_relation(file: TomlFile, raw: object, index: int, line: int) -> Relation | None:
    """The common case, a relation with nothing to report, without the field-by-field checks
    (None whenever anything is unusual: the full checks then run and explain it)."""
    if type(raw) is not dict or not raw.keys() <= _QUICK_KEYS:
        return None
    source, target, rtype = raw.get("from"), raw.get("to"), raw.get("type")
    description, sources = raw.get("description"), raw.get("sources")
    if not (type(source) is str and type(target) is str and source != target
            and type(rtype) is str and rtype in RELATION_TYPES
            and type(description) is str and description.strip()
            and type(sources) is list and sources
            and ID_PATTERN.match(source) and ID_PATTERN.match(target)):
        return None
    for cite in sources:
        if type(cite) is not str or source_problem(cite) is not None:
            return None
    status, note = raw.get("status"), raw.get("source_note")
    if (status is not None and (type(status) is not str or status not in STATUSES)) or (
            note is not None and type(note) is not str):
        return None
    return Relation(f"{file.stem}-{index + 1}", source, target, rtype, description,
                    tuple(sources), Origin(file.path, line), status=status, source_note=note)


_QUICK_KEYS = frozenset({"from", "to", "type", "description", "sources", "status", "source_note"})


def _load_relation(file: TomlFile, raw: object, index: int, line: int, problems):
    quick = _quick_relation(file, raw, index, line)
    if quick is not None:
        return quick
    t = Table(file, raw, line, f"relation #{index + 1} in {file.path.name}", problems)
    if not t.valid:
        return None
    t.check_keys(RELATION_KEYS)
    source, target = t.ident("from"), t.ident("to")
    rtype = t.text("type")
    if rtype is not None and rtype not in RELATION_TYPES:
        from explorer.core.suggest import suggest

        close = suggest(rtype, RELATION_TYPES)
        t.problem(f"unknown relation type {rtype!r}", "type",
                  f"did you mean {close!r}?" if close else "run `explorer types`")
        rtype = None
    description = t.text("description")
    sources = t.sources()
    since, until = t.day("since"), t.day("until")
    if since and until and until <= since:
        t.problem(f"'until' ({until}) is not after 'since' ({since})", "until")
    status, note = t.choice("status", STATUSES), t.text("source_note", required=False)
    if source and target and source == target:
        t.problem(f"relation from {source!r} to itself", "to", "a relation needs two actors")
        return None
    if None in (source, target, rtype, description):
        return None
    return Relation(f"{file.stem}-{index + 1}", source, target, rtype, description,
                    sources, Origin(file.path, line), since, until, status, note)


def _load_event(file: TomlFile, raw: object, index: int, line: int, problems) -> Event | None:
    t = Table(file, raw, line, item_what("event", index, raw), problems)
    if not t.valid:
        return None
    t.check_keys(EVENT_KEYS)
    event_id, when = t.ident("id"), t.fuzzy("date")
    title, summary = t.text("title"), t.text("summary")
    sources = t.sources()
    place, participants = t.ident("place", required=False), t.strings("participants")
    status, note = t.choice("status", STATUSES), t.text("source_note", required=False)
    after = t.ident("after", required=False)
    if None in (event_id, when, title, summary):
        return None
    return Event(event_id, when, title, summary, sources, Origin(file.path, line),
                 place, participants, status=status, source_note=note, after=after)


def _files(folder: Path, problems: list[Problem], ctx: Context) -> tuple[list[TomlFile], bool]:
    """The parsed .toml files of a folder, and whether every one of them could be read."""
    if not folder.exists():
        return [], True
    if not folder.is_dir():
        problems.append(Problem(folder, 1, "should be a folder of .toml files",
                                f"make {folder.name}/ a folder and put the .toml files in it"))
        return [], False
    out, complete = [], True
    for path in sorted(folder.glob("*.toml")):
        parsed = read_toml(path, problems)
        if parsed is None:
            complete = False
        else:
            ctx.files[path] = parsed
            out.append(parsed)
    return out, complete


def _stray_ids(file: TomlFile, name: str) -> set[str]:
    """The ids in tables misnamed `[[actors]]` and the like: not loaded, yet not unknown."""
    ids = set()
    for key, value in file.data.items():
        items = value if isinstance(value, list) else [value]
        if key != name or isinstance(value, dict):
            ids.update(v["id"] for v in items if isinstance(v, dict)
                       and isinstance(v.get("id"), str))
    return ids


def _where(origin: Origin, root: Path) -> str:
    try:
        return f"{origin.path.relative_to(root)}:{origin.line}"
    except ValueError:
        return str(origin)


def load_pack(content: str | os.PathLike | None = None, check: bool = True) -> Pack:
    """Load and validate a pack; raise PackError listing every problem."""
    from explorer.core.bulk import collector_paused

    with collector_paused():
        return _load_pack(content, check)


def _load_pack(content: str | os.PathLike | None, check: bool) -> Pack:
    from explorer.core.extras import load_challenges, load_lessons

    root = resolve_pack_dir(content)
    problems: list[Problem] = []
    if not root.exists():
        raise PackError([Problem(root, 1, "no such content pack folder")])
    if not root.is_dir():
        raise PackError([Problem(root, 1, "is not a folder; --content needs a pack folder")])
    pack_file = root / "pack.toml"
    if not pack_file.exists():
        raise PackError([Problem(pack_file, 1, "missing: every pack needs a pack.toml",
                                 "see content/README.md")])
    parsed = read_toml(pack_file, problems)
    if parsed is None:
        raise PackError(problems)
    ctx = Context(files={pack_file: parsed})
    groups: dict = {}
    pack = _load_pack_meta(parsed, root, problems, groups)
    files, ctx.actors_complete = _files(root / "actors", problems, ctx)
    for file in files:
        ctx.broken.update(_stray_ids(file, "actor"))
        for i, (raw, line) in enumerate(tables(file, "actor", problems)):
            actor = _load_actor(file, raw, i, line, problems, ctx)
            if actor is None:
                continue
            if actor.id in pack.actors:
                first = _where(pack.actors[actor.id].origin, root)
                problems.append(Problem(file.path, file.key_line(line, "id"),
                                        f"duplicate actor id {actor.id!r}",
                                        f"first defined at {first}"))
                continue
            pack.actors[actor.id] = actor
    for file in _files(root / "relations", problems, ctx)[0]:
        for i, (raw, line) in enumerate(tables(file, "relation", problems)):
            relation = _load_relation(file, raw, i, line, problems)
            if relation is not None:
                pack.relations.append(relation)
    events_path = root / "events.toml"
    if events_path.exists():
        events_file = read_toml(events_path, problems)
        ctx.events_complete = events_file is not None
        if events_file is not None:
            ctx.files[events_path] = events_file
            for i, (raw, line) in enumerate(tables(events_file, "event", problems)):
                event = _load_event(events_file, raw, i, line, problems)
                if event is not None:
                    pack.events.append(event)
    pack.events.sort(key=lambda e: e.date)
    pack.events[:] = story(pack).events  # the story order (explorer/core/story.py)
    load_challenges(root, pack, problems, ctx.files)
    load_lessons(root, pack, problems, ctx.files)
    if pack.actors:
        from explorer.core.deal_content import load_negotiation

        pack.negotiation = load_negotiation(root, pack, problems, ctx.files)
    if not pack.actors:
        if not any(not p.warning for p in problems):
            problems.append(Problem(root, 1, "the pack has no actors",
                                    "add [[actor]] tables in actors/*.toml"))
        raise PackError(problems)  # every reference would be unknown: nothing more to check
    threshold_tables.finish(pack, parsed, groups, problems)
    if check:
        problems.extend(validate(pack, ctx))
        problems.extend(check_more(pack, ctx))
        problems.extend(check_layout(root))
    if any(not p.warning for p in problems):
        raise PackError(problems)
    pack.warnings = tuple(problems)
    return pack


def _load_pack_meta(file: TomlFile, root: Path, problems: list[Problem],
                    pack_groups: dict) -> Pack:
    meta = file.data.get("pack")
    fields_outside = {k for k in file.data if k in PACK_KEYS} if meta is None else set()
    unknown_tables(file, ("pack", "threshold"), problems, ignore=fields_outside)
    line = file.table_line("pack")
    t = Table(file, meta if meta is not None else {}, line, "[pack]", problems)
    if meta is None:
        hint = ("put a [pack] line above the pack's fields" if fields_outside
                else "start the file with [pack] and the pack's id, title, parliament_size, ...")
        t.problem("pack.toml has no [pack] table", hint=hint)
    thresholds, groups = threshold_tables.parse(file, problems)
    pack_groups.update(groups)
    if meta is None or not t.valid:  # its fields cannot be checked: do not list them all
        return _pack(root, thresholds)
    t.check_keys(PACK_KEYS)
    size = t.integer("parliament_size", minimum=1)
    default = t.day("default_date", required=True)
    start, end = t.day("start_date"), t.day("end_date")
    if start and end and end < start:
        t.problem(f"'end_date' {end} comes before 'start_date' {start}", "end_date")
    elif default and ((start and default < start) or (end and default > end)):
        t.problem(f"default_date {default} is outside the pack's dates ({start} to {end})",
                  "default_date")
    seats_from = t.day("seats_from")
    if seats_from and ((start and seats_from < start) or (end and seats_from > end)):
        t.problem(f"seats_from {seats_from} is outside the pack's dates ({start} to {end})",
                  "seats_from")
    for th_line, th in thresholds.values():
        if size and th.seats > size:
            file_line = file.key_line(th_line, "seats")
            problems.append(Problem(file.path, file_line, f"threshold {th.seats} is more than "
                                    f"the {size} seats of the parliament"))
    if not thresholds:
        t.problem("the pack defines no [[threshold]]",
                  hint="add the line a government needs, e.g. the absolute majority")
    return _pack(root, thresholds, id=t.ident("id") or "pack",
                 title=t.text("title") or "Untitled pack",
                 description=t.text("description", required=False, default="") or "",
                 parliament_size=size or 0, default_date=default or date(2000, 1, 1),
                 start_date=start, end_date=end,
                 start_place=t.ident("start_place", required=False),
                 sources=t.sources(required=False), seats_from=seats_from)


def _pack(root: Path, thresholds: dict[str, tuple[int, Threshold]], **fields) -> Pack:
    fields.setdefault("id", "pack")
    fields.setdefault("title", "Untitled pack")
    fields.setdefault("description", "")
    fields.setdefault("parliament_size", 0)
    fields.setdefault("default_date", date(2000, 1, 1))
    return Pack(path=root, thresholds=tuple(sorted((th for _, th in thresholds.values()),
                                                   key=lambda x: x.seats)),
                actors={}, relations=[], events=[], **fields)

"""The `[[threshold]]` tables of pack.toml: plain and composite lines, and the government line.

A threshold is a number of seats. It may also name groups of seat holders (a parliament's
language groups) with `[[threshold.group]]`: then it is reached only with its seats overall AND,
inside every group, the group's own line (by default a majority of the group's seats). Exactly
one threshold says `government = true`: the one a government needs (with a single threshold,
that one). Group members are checked once the actors are loaded (see `finish`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from explorer.core.fields import Table, tables
from explorer.core.model import Pack, Threshold, ThresholdGroup
from explorer.core.problems import Problem
from explorer.core.tomlfile import TomlFile

THRESHOLD_KEYS = {"id", "name", "seats", "purpose", "source", "government", "group"}
GROUP_KEYS = {"name", "members", "seats", "source"}


@dataclass
class GroupSpec:
    name: str
    members: tuple[str, ...]
    seats: int | None
    line: int


def parse(file: TomlFile, problems: list[Problem]):
    """{id: (line, Threshold without groups)} and {id: [GroupSpec]} of pack.toml."""
    out: dict[str, tuple[int, Threshold]] = {}
    groups: dict[str, list[GroupSpec]] = {}
    for i, (raw, line) in enumerate(tables(file, "threshold", problems, only=False)):
        th = Table(file, raw, line, f"threshold #{i + 1}", problems)
        if not th.valid:
            continue
        th.check_keys(THRESHOLD_KEYS)
        tid, name, seats = th.ident("id"), th.text("name"), th.integer("seats", minimum=1)
        purpose, source = th.text("purpose", required=False, default=""), th.source()
        government = th.boolean("government", False)
        specs = _groups(file, th, i)
        if tid in out:
            th.problem(f"duplicate threshold id {tid!r}", "id")
        elif None not in (tid, name, seats, source):
            out[tid] = (line, Threshold(tid, name, seats, purpose or "", source, government))
            groups[tid] = specs
    return out, groups


def _groups(file: TomlFile, th: Table, index: int) -> list[GroupSpec]:
    raw_groups = th.data.get("group", [])
    if not isinstance(raw_groups, list):
        th.problem("'group' must be written as [[threshold.group]]", "group")
        return []
    specs = []
    for j, raw in enumerate(raw_groups):
        line = file.sub_table_line("threshold", index, "group", j)
        g = Table(file, raw, line, f"group #{j + 1} of {th.what}", th.problems)
        if not g.valid:
            continue
        g.check_keys(GROUP_KEYS)
        name, members = g.text("name"), g.strings("members", required=True)
        seats = g.integer("seats", required=False, minimum=1)
        if "source" in g.data:
            g.source()
        if name is not None and members:
            specs.append(GroupSpec(name, members, seats, line))
    return specs


def finish(pack: Pack, file: TomlFile | None, specs: dict[str, list[GroupSpec]],
           problems: list[Problem]) -> None:
    """Resolve the groups against the loaded actors and check the government line."""
    path = pack.path / "pack.toml"
    done = []
    for th in pack.thresholds:
        groups = []
        seen: dict[str, str] = {}
        for spec in specs.get(th.id, ()):
            total, ok = 0, True
            for member in spec.members:
                line = file.value_line(spec.line, "members", member) if file else spec.line
                actor = pack.actors.get(member)
                if actor is None:
                    problems.append(Problem(path, line, f"group {spec.name!r} of threshold "
                                            f"{th.id!r} names an unknown actor {member!r}"))
                    ok = False
                elif not actor.holds_seats or actor.part_of:
                    problems.append(Problem(path, line, f"group {spec.name!r}: {member!r} is "
                                            "not a list or party that won seats",
                                            "a group lists the seat holders of the election"))
                    ok = False
                elif member in seen:
                    problems.append(Problem(path, line, f"{member!r} is in two groups of "
                                            f"threshold {th.id!r}: {seen[member]!r} and "
                                            f"{spec.name!r}"))
                    ok = False
                else:
                    seen[member] = spec.name
                    total += actor.primary_seats or 0
            if not ok:
                continue
            need = spec.seats if spec.seats is not None else total // 2 + 1
            if need > total:
                line = file.key_line(spec.line, "seats") if file else spec.line
                problems.append(Problem(path, line, f"group {spec.name!r} needs {need} seats, "
                                        f"more than its members hold ({total})"))
                continue
            groups.append(ThresholdGroup(spec.name, spec.members, need, total))
        done.append(replace(th, groups=tuple(groups)) if groups else th)
    pack.thresholds = tuple(done)
    marked = [t for t in pack.thresholds if t.government]
    line = file.table_line("threshold") if file else 1
    if len(marked) > 1:
        ids = ", ".join(t.id for t in marked)
        problems.append(Problem(path, file.table_line("threshold", _index(file, marked[1].id))
                                if file else line,
                                f"several thresholds say government = true ({ids})",
                                "exactly one threshold is the one a government needs"))
    elif not marked and len(pack.thresholds) > 1:
        problems.append(Problem(path, line, "no threshold says which one forms the government",
                                "add government = true to the threshold a government needs "
                                "(usually the absolute majority)"))


def _index(file: TomlFile, tid: str) -> int:
    items = file.data.get("threshold", [])
    for i, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict) and item.get("id") == tid:
            return i
    return 0


# -- the seats a coalition holds inside each group ---------------------------------------------
def _share(pack: Pack, picture, item: str, members: frozenset[str],
           depth: int = 0) -> tuple[int, int]:
    """(low, high) seats of the unit or actor `item` that belong to the group `members`."""
    unit = picture.unit(item) if picture is not None else None
    actor = pack.actors.get(item)
    if unit is not None:
        own = (unit.low, unit.high)
    else:
        own = pack.seat_range(item) or (0, 0) if actor is not None else (0, 0)
    if item in members:
        return own
    if depth > 8:
        return (0, 0)
    parts = unit.members if unit is not None and unit.members else ()
    if not parts and actor is not None and actor.kind == "bloc":
        parts = actor.members
    if parts:
        shares = [_share(pack, picture, p, members, depth + 1) for p in parts]
        return (sum(s[0] for s in shares), sum(s[1] for s in shares))
    cur = unit.parent if unit is not None and unit.parent else (actor.part_of if actor else None)
    while cur is not None and depth <= 8:
        if cur in members:
            return own
        parent = pack.actors.get(cur)
        cur = parent.part_of if parent is not None else None
        depth += 1
    return (0, 0)


def group_tallies(pack: Pack, picture, items, threshold: Threshold) -> tuple:
    """For each group of the threshold, (group, low, high): the seats `items` hold in it."""
    out = []
    for group in threshold.groups:
        members = frozenset(group.members)
        shares = [_share(pack, picture, item, members) for item in items]
        out.append((group, sum(s[0] for s in shares), sum(s[1] for s in shares)))
    return tuple(out)


def unit_group_weights(pack: Pack, picture, threshold: Threshold) -> list[tuple[int, ...]]:
    """For each group, the primary-like (low) seats each unit on the table holds in it."""
    return [tuple(_share(pack, picture, u.id, frozenset(g.members))[0] for u in picture.units)
            for g in threshold.groups]

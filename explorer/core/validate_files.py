"""Checks beside validate.py: files the loader would silently ignore, and values it used to accept.

- `check_layout`: a `people.toml` in the pack's root, `challenge.toml` for `challenges.toml`,
  `lessons/intro.tml`, a sub-folder of `actors/` ... are never read. Each is reported: an error
  with a did-you-mean when the name is a near miss of one that is read, a warning otherwise.
  Hidden files, editor backups (`x.toml~`) and documents (`README.md`) are left alone.
- `check_more`: a challenge whose `pm` is not a person, whose `include` and `exclude` overlap; a
  faction `part_of` a person, a place or a bloc; the same alias twice on one actor.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from explorer.core.model import Origin, Pack
from explorer.core.names import normalize
from explorer.core.problems import Problem

# every file the loaders read in a pack's root (deal_content.py reads the last three)
ROOT_FILES = ("pack.toml", "events.toml", "challenges.toml", "posts.toml", "demands.toml",
              "deal.toml")
FOLDERS = ("actors", "relations", "lessons")
_DOCUMENTS = (".md", ".txt", ".rst", ".html", ".pdf", ".png", ".jpg", ".svg", ".json", ".csv")


def _skipped(name: str) -> bool:
    """Files nobody expects to be read: hidden files, editor backups, caches."""
    return name.startswith((".", "_", "#")) or name.endswith(("~", ".bak", ".swp", ".orig"))


def _near(name: str, known) -> str | None:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.75)
    return close[0] if close else None


def _toml_like(suffix: str) -> bool:
    """A misspelt .toml extension (.tml, .TOML, .tom, .tmol) — not .txt or .md."""
    suffix = suffix.lower()
    return suffix == ".toml" or (
        len(suffix) > 2 and difflib.SequenceMatcher(None, suffix, ".toml").ratio() >= 0.75)


def _entries(folder: Path) -> list[tuple[Path, bool]]:
    """(path, is a folder) of a folder's entries, sorted; one scandir, no stat per file."""
    try:
        with os.scandir(folder) as it:
            found = [(Path(e.path), e.is_dir()) for e in it]
    except OSError:
        return []
    return sorted(found)


def check_layout(root: Path) -> list[Problem]:
    problems: list[Problem] = []
    for entry, is_dir in _entries(root):
        name = entry.name
        if name in ROOT_FILES or name in FOLDERS or _skipped(name):
            continue
        if is_dir:
            near = _near(name, FOLDERS)
            if near:
                problems.append(Problem(entry, 1, f"the folder {name}/ is not read",
                                        f"did you mean {near}/?"))
            else:
                problems.append(Problem(entry, 1, f"the folder {name}/ is not read",
                                        f"a pack reads only {', '.join(FOLDERS)}", warning=True))
            continue
        near = _near(name, ROOT_FILES)
        if near:
            problems.append(Problem(entry, 1, f"{name} is not read", f"did you mean {near}?"))
        elif _toml_like(entry.suffix):
            problems.append(Problem(
                entry, 1, f"{name} is not read: the pack's root holds only "
                f"{', '.join(ROOT_FILES)}", "actors go in actors/*.toml, relations in "
                "relations/*.toml, lessons in lessons/*.toml", warning=True))
    for folder in FOLDERS:
        problems.extend(_check_folder(root / folder))
    return problems


def _check_folder(folder: Path) -> list[Problem]:
    problems: list[Problem] = []
    where = folder.name
    for entry, is_dir in _entries(folder):
        name = entry.name
        if _skipped(name) or (entry.suffix == ".toml" and not is_dir):
            continue
        if is_dir:
            problems.append(Problem(
                entry, 1, f"the folder {where}/{name}/ is not read: {where}/ is read one level "
                "deep", f"move its files up into {where}/", warning=True))
        elif _toml_like(entry.suffix):
            fixed = entry.stem + ".toml"
            problems.append(Problem(entry, 1, f"{where}/{name} is not read",
                                    f"did you mean {fixed}?"))
        elif entry.suffix.lower() not in _DOCUMENTS:
            problems.append(Problem(entry, 1, f"{where}/{name} is not read: only .toml files are",
                                    warning=True))
    return problems


def _line(ctx, origin: Origin, key: str, value: str | None = None, child: str | None = None):
    file = ctx.files.get(origin.path) if ctx is not None else None
    if file is None:
        return origin.line
    table = file.child_line(origin.line, child) if child else origin.line
    return file.value_line(table, key, value)


def check_more(pack: Pack, ctx=None) -> list[Problem]:
    problems: list[Problem] = []
    actors = pack.actors

    def add(origin, message, hint=None, key=None, value=None, child=None):
        line = _line(ctx, origin, key, value, child) if key else origin.line
        problems.append(Problem(origin.path, line, message, hint))

    for actor in actors.values():
        parent = actors.get(actor.part_of) if actor.part_of else None
        if parent is not None and parent.kind in ("person", "bloc", "place"):
            hint = ("a bloc lists its members in 'members'" if parent.kind == "bloc"
                    else "'part_of' names the list or faction it sits inside")
            add(actor.origin, f"{actor.id!r} is 'part_of' {parent.id!r}, a {parent.kind}",
                hint, "part_of")
        seen: set[str] = set()
        for alias in actor.aliases:
            key = normalize(alias)
            if key and key in seen:
                add(actor.origin, f"actor {actor.id!r} lists the alias {alias!r} twice",
                    "keep one of them", "aliases", alias)
            seen.add(key)
    for ch in pack.challenges.values():
        what = f"challenge {ch.id!r}"
        pm = actors.get(ch.pm) if ch.pm else None
        if pm is not None and pm.kind != "person":
            hint = (f"name the person who would lead it, e.g. the one who leads {pm.id!r}"
                    if pm.kind in ("list", "party", "faction", "bloc") else None)
            add(ch.origin, f"{what}: the PM candidate {pm.id!r} is a {pm.kind}, not a person",
                hint, "pm")
        both = sorted(set(ch.goal.include) & set(ch.goal.exclude))
        for ref in both:
            add(ch.origin, f"{what}: {ref!r} is both in 'include' and in 'exclude'",
                "a goal cannot need an actor and forbid it", "exclude", ref, "goal")
    return problems

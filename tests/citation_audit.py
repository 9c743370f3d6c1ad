"""Maintainer tool: list every citation of a pack beside the text it cites, for a fact-check.

    python tests/citation_audit.py               # the bundled pack, seeds in ../shared/seeds
    python tests/citation_audit.py --seeds DIR --only relations/places.toml
    python tests/citation_audit.py --urls        # URL citations too
    python tests/citation_audit.py --summary     # only the counts

For each statement (an actor, a seat claim, a relation, an event, a challenge, a threshold) it
prints where it is written, what it says, its status and source note when it has them, and under
it each cited seed line in full, so the reader can judge whether the line supports the statement.
The exit status is 1 when a seed citation points at a file or line that does not exist (or a blank
line), 2 when the pack or the seeds cannot be read, else 0. Judging the support is the reader's
work; tests/core/test_citation_audit.py checks the listing itself.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from explorer.core.fields import SEED_SOURCE  # noqa: E402
from explorer.core.loader import load_pack  # noqa: E402
from explorer.core.problems import PackError  # noqa: E402

DEFAULT_SEEDS = HERE.parent.parent / "shared" / "seeds"


@dataclass(frozen=True)
class Statement:
    where: str  # "relations/places.toml:12"
    what: str  # "relation maliki lives_in baghdad"
    says: str  # the description, summary or seat figure
    sources: tuple[str, ...]
    status: str | None = None
    note: str | None = None


def _where(origin, root: Path) -> str:
    try:
        return f"{Path(origin.path).resolve().relative_to(root.resolve())}:{origin.line}"
    except ValueError:
        return f"{origin.path}:{origin.line}"


def statements(pack) -> Iterator[Statement]:
    """Every sourced statement of a pack, in file order within each kind."""
    root = pack.path
    for s in pack.sources:
        yield Statement("pack.toml", "pack", "the seat figures as a whole", (s,))
    for t in pack.thresholds:
        yield Statement("pack.toml", f"threshold {t.id}", f"{t.seats} seats: {t.purpose}",
                        (t.source,))
    for a in pack.actors.values():
        where = _where(a.origin, root)
        yield Statement(where, f"actor {a.id}", a.description, a.sources, note=a.source_note)
        for c in a.seat_claims:
            note = f" ({c.note})" if c.note else ""
            yield Statement(where, f"seats of {a.id}", f"{c.text} seats{note}", (c.source,))
    for r in pack.relations:
        when = "".join((f" since {r.since}" if r.since else "",
                        f" until {r.until}" if r.until else ""))
        yield Statement(_where(r.origin, root), f"relation {r.source} {r.type} {r.target}{when}",
                        r.description, r.sources, r.status, r.source_note)
    for e in pack.events:
        yield Statement(_where(e.origin, root), f"event {e.id} ({e.date})",
                        f"{e.title}: {e.summary}", e.sources, e.status, e.source_note)
    for c in pack.challenges.values():
        yield Statement(_where(c.origin, root), f"challenge {c.id}", c.history or c.intro,
                        c.sources)


class Seeds:
    """The seed articles, one paragraph a line; a missing file or line is None."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._files: dict[str, list[str] | None] = {}

    def line(self, source: str) -> str | None:
        m = SEED_SOURCE.match(source)
        if not m:
            return None
        name = m.group("file")
        if name not in self._files:
            try:
                text = (self.folder / name).read_text(encoding="utf-8", errors="replace")
                self._files[name] = text.splitlines()
            except OSError:
                self._files[name] = None
        lines, number = self._files[name], int(m.group("line"))
        if lines is None or not 1 <= number <= len(lines) or not lines[number - 1].strip():
            return None
        return lines[number - 1].strip()


def audit(pack, seeds: Seeds, only: str | None = None, urls: bool = False,
          out=None, summary: bool = False) -> tuple[int, int, int]:
    """Print the listing; return (seed citations, URL citations, broken seed citations)."""
    out = out or sys.stdout
    n_seed = n_url = broken = 0
    for st in statements(pack):
        if only and only not in st.where:
            continue
        cites = [s for s in st.sources if SEED_SOURCE.match(s)]
        links = [s for s in st.sources if not SEED_SOURCE.match(s)]
        n_seed += len(cites)
        n_url += len(links)
        if not cites and not urls:
            continue
        lines = []
        for source in cites:
            text = seeds.line(source)
            if text is None:
                broken += 1
                lines.append(f"    {source}  !! no such line")
            else:
                lines.append(f"    {source}\n      > {text}")
        lines.extend(f"    {link}" for link in (links if urls else ()))
        if summary:
            continue
        flags = "".join((f" [{st.status}]" if st.status else "",
                         f" (note: {st.note})" if st.note else ""))
        print(f"{st.where}  {st.what}{flags}\n  = {st.says}", file=out)
        print("\n".join(lines), file=out)
        print(file=out)
    print(f"{n_seed} seed citations, {n_url} URL citations, {broken} broken seed citations",
          file=out)
    return n_seed, n_url, broken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", help="the pack folder (default: the bundled pack)")
    parser.add_argument("--seeds", default=str(DEFAULT_SEEDS), help="the seed articles' folder")
    parser.add_argument("--only", help="only statements written in files whose path holds this")
    parser.add_argument("--urls", action="store_true", help="list URL citations too")
    parser.add_argument("--summary", action="store_true", help="print only the counts")
    args = parser.parse_args(argv)
    seeds = Path(args.seeds)
    if not seeds.is_dir():
        print(f"citation_audit: no seed folder at {seeds} (give --seeds DIR)", file=sys.stderr)
        return 2
    try:
        pack = load_pack(args.content)
    except PackError as exc:
        print(f"citation_audit: the pack does not load:\n{exc}", file=sys.stderr)
        return 2
    _, _, broken = audit(pack, Seeds(seeds), args.only, args.urls, summary=args.summary)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())

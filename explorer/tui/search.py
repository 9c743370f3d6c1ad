"""Type-to-filter search over actor names and aliases: ranked, fast on 10,000 actors.

Plain Python (no textual): the actor list, the command palette and the path dialog share it.

A query matches a spelling (name, alias or id, normalized by `explorer.core.names.normalize`)
in one of these tiers, best first:

0. the spelling is the query             "maliki"    -> Maliki
1. the spelling starts with the query    "mal"       -> Maliki
2. a word of the spelling starts with it "mal"       -> Nouri al-Maliki
3. the query occurs inside the spelling  "lik"       -> Maliki
4. every word of the query occurs        "nouri mal" -> Nouri al-Maliki
5. the letters occur in order            "nmlk"      -> Nouri al-Maliki

Within a tier shorter spellings rank first (the closer match), then names alphabetically.
Every spelling is kept, pre-sorted in that order, in one newline-joined string; each tier is a
`str.find` (or one regular expression) scan over it in C, met in rank order, so a search with a
`limit` stops as soon as it has enough hits.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from explorer.core.model import Actor
from explorer.core.names import normalize

_WORD_BREAKS = (" ", "-", "'", "(", ".", "/")


@dataclass(frozen=True, slots=True)
class Match:
    actor_id: str
    tier: int
    spelling: str  # the name, alias or id that matched, as written in the pack
    is_name: bool  # the match is on the actor's own name


class ActorSearch:
    """An index of every spelling of every actor, for ranked type-to-filter."""

    def __init__(self, actors: Iterable[Actor]):
        rows: list[tuple[int, str, str, str, bool]] = []
        self.ids: list[str] = []
        for actor in actors:
            seen: set[str] = set()
            for n, spelling in enumerate((actor.name, *actor.aliases, actor.id)):
                key = normalize(spelling).replace("\n", " ")
                if key and key not in seen:
                    seen.add(key)
                    rows.append((len(key), actor.name.casefold(), key, spelling, n == 0))
                    self.ids.append(actor.id)
        order = sorted(range(len(rows)), key=lambda i: rows[i][:3])
        self._owner = [self.ids[i] for i in order]
        self._spelling = [rows[i][3] for i in order]
        self._is_name = [rows[i][4] for i in order]
        keys = [rows[i][2] for i in order]
        self._exact: dict[str, list[int]] = {}
        for line, key in enumerate(keys):
            self._exact.setdefault(key, []).append(line)
        self._corpus = "\n" + "\n".join(keys) + "\n"
        self._starts: list[int] = []
        pos = 1
        for key in keys:
            self._starts.append(pos)
            pos += len(key) + 1
        self.size = len(set(self.ids))

    def __len__(self) -> int:
        return self.size

    def _find(self, needle: str, skip: int = 0) -> Iterator[int]:
        """The lines holding `needle`, in rank order (one per occurrence; `skip` its lead-in)."""
        starts, find = self._starts, self._corpus.find
        pos = find(needle)
        while pos >= 0:
            yield bisect.bisect_right(starts, pos + skip) - 1
            pos = find(needle, pos + 1)

    def rank(self, query: str, limit: int | None = None) -> list[Match]:
        """The actors the query matches, best first (at most `limit`)."""
        q = normalize(query).replace("\n", " ")
        if not q:
            return []
        tiers: list[tuple[int, Iterable[int]]] = [
            (0, self._exact.get(q, ())),
            (1, self._find("\n" + q, 1)),
            (2, heapq.merge(*(self._find(b + q, 1) for b in _WORD_BREAKS))),
            (3, self._find(q)),
        ]
        tokens = [t for t in re.split(r"[\s\-]+", q) if t]
        if len(tokens) > 1:
            longest = max(tokens, key=len)
            tiers.append((4, (line for line in self._find(longest)
                              if all(t in self._key(line) for t in tokens))))
        letters = q.replace(" ", "")
        if len(letters) > 1:
            pattern = re.escape(letters[0]) + "".join(
                f"[^\\n{re.escape(c)}]*{re.escape(c)}" for c in letters[1:])
            starts = self._starts
            tiers.append((5, (bisect.bisect_right(starts, m.start()) - 1
                              for m in re.finditer(pattern, self._corpus))))
        out: list[Match] = []
        seen: set[str] = set()
        for tier, lines in tiers:
            for line in lines:
                owner = self._owner[line]
                if owner in seen:
                    continue
                seen.add(owner)
                out.append(Match(owner, tier, self._spelling[line], self._is_name[line]))
                if limit is not None and len(out) >= limit:
                    return out
        return out

    def _key(self, line: int) -> str:
        start = self._starts[line]
        return self._corpus[start:self._corpus.index("\n", start)]

"""Resolving what a user types ("maliki", "Mooky", "INA") to an actor."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from explorer.core.model import Actor

_ARTICLE = re.compile(r"^(al|el|al-|el-)$")


def normalize(text: str) -> str:
    """Case-, accent-, quote- and space-insensitive form of a name."""
    if text.isascii():  # most names: no accents, curly quotes or dashes to fold
        text = text.replace("`", "'").strip().strip("\"'").casefold()
        return " ".join(text.split())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = text.strip().strip("\"'").casefold()
    return re.sub(r"\s+", " ", text)


def words(text: str) -> list[str]:
    """The significant words of a name: 'Nouri al-Maliki' -> ['nouri', 'maliki']."""
    out = []
    for part in re.split(r"[\s\-]+", normalize(text)):
        part = part.strip("'.,()")
        if part and not _ARTICLE.match(part):
            out.append(part)
    return out


class NameError_(LookupError):
    """Base for resolution failures; `candidates` are actors the user may have meant."""

    def __init__(self, query: str, candidates: list[Actor], message: str):
        super().__init__(message)
        self.query = query
        self.candidates = candidates


class UnknownName(NameError_):
    pass


class AmbiguousName(NameError_):
    pass


@dataclass
class NameIndex:
    """An index of every name, alias and id, built once per pack."""

    actors: dict[str, Actor]

    def __post_init__(self) -> None:
        self.exact: dict[str, set[str]] = {}
        self.by_word: dict[str, set[str]] = {}
        for actor in self.actors.values():
            for name in (actor.id, *actor.names()):
                self.exact.setdefault(normalize(name), set()).add(actor.id)
                for w in words(name):
                    self.by_word.setdefault(w, set()).add(actor.id)
        self._spellings = sorted(self.exact)

    def _sorted(self, ids: Iterable[str]) -> list[Actor]:
        return sorted((self.actors[i] for i in ids), key=lambda a: a.name.casefold())

    def candidates(self, query: str, prefixes: bool = True, on: date | None = None
                   ) -> list[Actor]:
        """Every actor the query could mean, best tier first (exact, word, prefix).

        With `on`, only actors that exist on that date: a tier whose actors all came later (or
        were gone) gives way to the next tier, and a name that fits only such actors finds
        nobody (`not_yet` then says who it would have been)."""
        if on is None:
            return self._candidates(query, prefixes, lambda ids: ids)
        actors = self.actors
        return self._candidates(query, prefixes,
                                lambda ids: {i for i in ids if actors[i].exists_on(on)})

    def not_yet(self, query: str, on: date | None) -> list[Actor]:
        """Actors the query names that do not exist on `on` (for 'not on this date' replies)."""
        if on is None:
            return []
        return [a for a in self.candidates(query, prefixes=False) if not a.exists_on(on)]

    def _candidates(self, query: str, prefixes: bool, keep) -> list[Actor]:
        key = normalize(query)
        if not key:
            return []
        if key in self.exact and keep(self.exact[key]):
            return self._sorted(keep(self.exact[key]))
        qwords = words(query)
        if qwords:
            sets = [self.by_word.get(w) for w in qwords]
            if all(sets):
                hit = keep(set.intersection(*sets))
                if hit:
                    return self._sorted(hit)
        if prefixes and len(key) >= 2:
            hits = keep({aid for name, ids in self.exact.items() if name.startswith(key)
                         for aid in ids})
            if not hits:
                hits = {
                    aid
                    for w, ids in self.by_word.items()
                    if w.startswith(key)
                    for aid in ids
                }
            return self._sorted(keep(hits))
        return []

    def suggestions(self, query: str, n: int = 3) -> list[Actor]:
        """Close misspellings: 'Malikki' -> Maliki."""
        key = normalize(query)
        seen: list[str] = []
        for spelling in difflib.get_close_matches(key, self._spellings, n=n * 2, cutoff=0.72):
            for aid in sorted(self.exact[spelling]):
                if aid not in seen:
                    seen.append(aid)
        if not seen:
            for w in difflib.get_close_matches(key, list(self.by_word), n=n, cutoff=0.75):
                for aid in sorted(self.by_word[w]):
                    if aid not in seen:
                        seen.append(aid)
        return [self.actors[a] for a in seen[:n]]

    def resolve(self, query: str, prefixes: bool = True, on: date | None = None) -> Actor:
        """One actor, or UnknownName / AmbiguousName with candidates and a readable message.

        With `on`, only actors existing on that date count; a name that only fits an actor of
        another time says so."""
        found = self.candidates(query, prefixes, on=on)
        if not found:
            absent = self.not_yet(query, on)
            if absent:
                raise UnknownName(query, absent, absent_message(absent[0], on))
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = _join([a.name for a in found[:8]])
            more = f" (and {len(found) - 8} more)" if len(found) > 8 else ""
            raise AmbiguousName(query, found, f"Which do you mean: {names}{more}?")
        close = self.suggestions(query)
        if close:
            raise UnknownName(query, close, f"No actor is called {query!r}. "
                              f"Did you mean {_join([a.name for a in close])}?")
        raise UnknownName(query, [], f"No actor is called {query!r}.")


def absent_message(actor: Actor, on: date) -> str:
    """'X did not exist yet on 26 March 2010 (from 18 April 2010).' and the like."""
    when = f"{on.day} {on:%B %Y}"
    if actor.since and on < actor.since:
        return (f"{actor.name} did not exist yet on {when} "
                f"(from {actor.since.day} {actor.since:%B %Y}).")
    if actor.until:
        return f"{actor.name} was gone by {when} (until {actor.until.day} {actor.until:%B %Y})."
    return f"{actor.name} does not exist on {when}."


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " or " + names[-1]

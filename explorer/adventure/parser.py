"""The command parser: cleaning what was typed, and adventurelib-style patterns.

A pattern is a string of words; upper-case words are slots that capture one or more words
("ask PERSON about TOPIC"). Several patterns may name the same handler (synonyms stack), and the
most specific pattern (most literal words) wins. Nothing here ever raises on user input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_LINE = 500
_BIDI = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_TRAILING = ".?!,;:"


def clean(line: object) -> str:
    """Printable text on one line: control and format characters dropped, spaces collapsed."""
    text = line if isinstance(line, str) else str(line)
    out = []
    for ch in text:
        if ch in "\t\n\r\x0b\x0c":
            out.append(" ")
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Co", "Cn") or ch in _BIDI or ch == "\ufeff":
            continue
        out.append(ch)
    return " ".join("".join(out).split())


def fold(word: str) -> str:
    """A word as literal pattern words are compared: case-folded, trailing punctuation off."""
    folded = word.casefold().strip(_TRAILING + "\"'")
    return folded or word.casefold()


@dataclass(frozen=True)
class Span:
    """The words a slot captured, and where they sit in the command."""

    words: tuple[str, ...]
    start: int
    end: int

    @property
    def raw(self) -> str:
        return " ".join(self.words)

    @property
    def text(self) -> str:
        return " ".join(self.words).strip(_TRAILING + " ")

    def __str__(self) -> str:
        return self.text


@dataclass
class Pattern:
    text: str
    handler: Callable
    kwargs: dict = field(default_factory=dict)
    order: int = 0

    def __post_init__(self) -> None:
        self.tokens = self.text.split()
        self.literals = sum(1 for t in self.tokens if not t.isupper())

    @property
    def verb(self) -> str:
        return self.tokens[0]

    def match(self, words: list[str]) -> dict[str, Span] | None:
        folded = [fold(w) for w in words]
        tokens = self.tokens

        def walk(i: int, j: int, binds: dict[str, Span]) -> dict[str, Span] | None:
            if i == len(tokens):
                return binds if j == len(words) else None
            tok = tokens[i]
            if tok.isupper():
                # a slot takes at least one word; the shortest capture that lets the rest match
                rest_literals = sum(1 for t in tokens[i + 1:] if not t.isupper())
                for k in range(j + 1, len(words) - rest_literals + 1):
                    found = walk(i + 1, k, {**binds, tok: Span(tuple(words[j:k]), j, k)})
                    if found is not None:
                        return found
                return None
            if j < len(words) and folded[j] == tok:
                return walk(i + 1, j + 1, binds)
            return None

        if len(words) > 200 or not self._literals_present(folded):
            return None
        return walk(0, 0, {})

    def _literals_present(self, folded: list[str]) -> bool:
        have = set(folded)
        return all(t in have for t in self.tokens if not t.isupper())


class Grammar:
    """The table of patterns; `when` registers one (decorators stack, as in adventurelib)."""

    def __init__(self) -> None:
        self.patterns: list[Pattern] = []

    def when(self, text: str, **kwargs) -> Callable[[Callable], Callable]:
        def register(handler: Callable) -> Callable:
            self.patterns.append(Pattern(text, handler, kwargs, len(self.patterns)))
            return handler

        return register

    def parse(self, words: list[str]) -> tuple[Pattern, dict[str, Span]] | None:
        """The most specific pattern that matches all the words, with its slots."""
        best = None
        for pattern in self.patterns:
            binds = pattern.match(words)
            if binds is None:
                continue
            key = (-pattern.literals, pattern.order)
            if best is None or key < best[0]:
                best = (key, pattern, binds)
        return (best[1], best[2]) if best else None

    def verbs(self) -> list[str]:
        """Every first word of a pattern, in table order (for completion and 'did you mean')."""
        seen: dict[str, None] = {}
        for pattern in self.patterns:
            if not pattern.verb.isupper():
                seen.setdefault(pattern.verb, None)
        return list(seen)

    def usages(self, verb: str) -> list[str]:
        """The patterns of a verb, the main one first (decorators register bottom-up)."""
        return [p.text for p in reversed(self.patterns) if p.verb == verb]


def words_of(line: str) -> list[str]:
    return line.split()


NUMBER = re.compile(r"^#?(\d{1,4})$")


def number(text: str) -> int | None:
    m = NUMBER.match(text.strip().strip(_TRAILING))
    return int(m.group(1)) if m else None

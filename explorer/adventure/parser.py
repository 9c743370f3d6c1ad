"""The command parser: cleaning what was typed, and adventurelib-style patterns.

A pattern is a string of words; upper-case words are slots that capture one or more words
("ask PERSON about TOPIC"). Several patterns may name the same handler (synonyms stack), and the
most specific pattern (most literal words) wins. Nothing here ever raises on user input.
"""

from __future__ import annotations

import inspect
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


class GrammarError(TypeError):
    """A pattern that cannot work with its function: found when it is registered, not played."""


@dataclass
class Pattern:
    text: str
    handler: Callable
    kwargs: dict = field(default_factory=dict)
    order: int = 0
    help: str = ""  # what the verb does: the pattern that has it is the verb's usage in `help`
    section: str = ""  # the heading of `help` it is listed under

    def __post_init__(self) -> None:
        self.tokens = self.text.split()
        self.literals = sum(1 for t in self.tokens if not t.isupper())
        self.slots = [t for t in self.tokens if t.isupper()]

    @property
    def verb(self) -> str:
        return self.tokens[0]

    @property
    def lead(self) -> str:
        """The literal words before the first slot ('look at' of 'look at THING')."""
        words = []
        for tok in self.tokens:
            if tok.isupper():
                break
            words.append(tok)
        return " ".join(words)

    def check(self) -> None:
        """Every slot is a parameter of the handler and every parameter without a default a
        slot (after the engine, which comes first); else GrammarError, at registration."""
        params = list(inspect.signature(self.handler).parameters.values())[1:]
        names = {p.name for p in params}
        required = {p.name for p in params if p.default is inspect.Parameter.empty}
        slots = {s.lower() for s in self.slots}
        where = f"pattern {self.text!r} of {self.handler.__name__}()"
        if len(slots) != len(self.slots):
            raise GrammarError(f"{where} names a slot twice")
        if slots - names:
            raise GrammarError(f"{where}: no parameter for slot(s) "
                               + ", ".join(sorted(s.upper() for s in slots - names)))
        if required - slots:
            raise GrammarError(f"{where}: parameter(s) {', '.join(sorted(required - slots))} "
                               "have no slot and no default")

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
    """The table of patterns (see grammar.py for how the verb modules fill it)."""

    def __init__(self) -> None:
        self.patterns: list[Pattern] = []

    def add(self, text: str, handler: Callable, help: str = "", section: str = "",
            **kwargs) -> Pattern:
        """Register a pattern; GrammarError if its slots do not fit the handler."""
        pattern = Pattern(text, handler, kwargs, len(self.patterns), help, section)
        pattern.check()
        self.patterns.append(pattern)
        return pattern

    def help_rows(self) -> dict[str, list[tuple[str, str, str]]]:
        """section -> [(usage, synonyms, what it does)] for every pattern that has help; the
        synonyms are the other patterns of the same verb, by their leading words."""
        rows: dict[str, list[tuple[str, str, str]]] = {}
        for main in self.patterns:
            if not main.help:
                continue
            others = [p.lead for p in reversed(self.patterns)
                      if p.handler is main.handler and p is not main and p.lead != main.lead]
            synonyms = ", ".join(dict.fromkeys(o for o in others if o))
            rows.setdefault(main.section, []).append((main.text, synonyms, main.help))
        return rows

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


NUMBER = re.compile(r"^#?(\d{1,4})$")


def number(text: str) -> int | None:
    m = NUMBER.match(text.strip().strip(_TRAILING))
    return int(m.group(1)) if m else None

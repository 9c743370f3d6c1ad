"""The adventure's command table: what a verb returns, and how the verb modules register.

Each verb module has its own `Verbs(section)` table and decorates its functions with
`verbs.when(pattern, help=...)` (decorators stack, as in adventurelib: the topmost pattern,
the one given `help`, is the verb's usage in `help`; the others are its synonyms). A pattern
whose slots do not fit its function is an error at import. `build_grammar()` puts the tables
together once; the engine is handed that grammar.

A verb returns an `Answer` (or just its text): the reply, and what the parser should remember
for the next command — the sources `why` cites, their topic, the numbered threads `go N`
follows, the actor `him`/`them` means. Verbs never write those into the engine themselves.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from explorer.adventure.parser import Grammar

if TYPE_CHECKING:
    from explorer.adventure.world import Thread

#: the verb modules, in the order `help` lists their sections
VERB_MODULES = ("verbs_world", "verbs_talk", "verbs_table", "verbs_deal", "verbs_story",
                "verbs_meta", "verbs_class")


class Reply(Exception):  # noqa: N818 - a control-flow signal, not an error
    """Raised by a verb to stop with a message for the player."""

    def __init__(self, text: str):
        super().__init__(text)
        self.text = text


@dataclass(frozen=True)
class Answer:
    """What a verb says, and what the next command may refer back to (None: unchanged)."""

    text: str
    sources: tuple[str, ...] | None = None  # what 'why' cites
    topic: str | None = None  # what 'why' says the sources are for
    threads: tuple[Thread, ...] | None = None  # what 'go N' and 'follow' choose from
    it: str | None = None  # the actor 'him', 'her', 'it', 'them' mean

    def after(self, text: str) -> Answer:
        """The same answer with `text` said first."""
        return replace(self, text=text + self.text)

    def about(self, actor_id: str) -> Answer:
        """The same answer, remembering `actor_id` for the pronouns."""
        return replace(self, it=actor_id)

    def citing(self, sources, topic: str = "") -> Answer:
        """The same answer, with these sources for 'why'."""
        return replace(self, sources=tuple(sources), topic=topic)


def answer(result: str | Answer) -> Answer:
    return result if isinstance(result, Answer) else Answer(result)


class Verbs:
    """The patterns of one verb module, listed under one heading of `help`."""

    def __init__(self, section: str) -> None:
        self.section = section
        self.table = Grammar()

    def when(self, text: str, help: str = "", **kwargs) -> Callable[[Callable], Callable]:
        def register(handler: Callable) -> Callable:
            self.table.add(text, handler, help=help, section=self.section, **kwargs)
            return handler

        return register


@cache
def build_grammar() -> Grammar:
    """Every verb module's patterns in one grammar (built once)."""
    grammar = Grammar()
    for name in VERB_MODULES:
        verbs: Verbs = importlib.import_module(f"explorer.adventure.{name}").verbs
        for p in verbs.table.patterns:
            grammar.add(p.text, p.handler, help=p.help, section=p.section, **p.kwargs)
    return grammar

"""The one command table of the adventure; the verb modules add their patterns to it."""

from __future__ import annotations

from explorer.adventure.parser import Grammar


class Reply(Exception):  # noqa: N818 - a control-flow signal, not an error
    """Raised by a verb to stop with a message for the player."""

    def __init__(self, text: str):
        super().__init__(text)
        self.text = text


GRAMMAR = Grammar()
when = GRAMMAR.when

SECTIONS = ("Looking and moving", "Talking and evidence", "Building a coalition",
            "Challenges and time", "The game")

#: section -> [(usage, abbreviations and synonyms, what it does)], in the order `help` shows them
HELP: dict[str, list[tuple[str, str, str]]] = {name: [] for name in SECTIONS}


def section(name: str):
    """A `helps(usage, synonyms, text)` function that files help lines under one heading."""

    def helps(usage: str, synonyms: str, text: str) -> None:
        HELP.setdefault(name, []).append((usage, synonyms, text))

    return helps

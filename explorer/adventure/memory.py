"""What the engine remembers between commands: where a move started, an open question."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from explorer.adventure.parser import Span
from explorer.core.coalition import Coalition
from explorer.core.model import Actor
from explorer.core.seats import Picture


@dataclass(frozen=True)
class Snapshot:
    """Where the game stood before a move. The table itself is not copied: it is a point in the
    coalition state's own undo history (`depth`), so that undoing a move here undoes it there
    too, whichever screen made it, and redo works from either."""

    location: str | None
    coalition: Coalition
    picture: Picture
    on: date | None
    challenge: str | None = None
    role: str | None = None
    depth: int = 0
    terms: object = None  # the deal so far (core.deals.Terms) and the deal agreed by 'propose'
    formed: object = None


@dataclass
class Question:
    """An open 'Which do you mean' question: the command and the words it was about."""

    words: list[str]
    span: Span
    candidates: list[Actor]

"""The classroom verb: `submit` hands the coalition on the table in to the class board.

The engine knows no class: a served class session gives it a `hand_in` callable (the coalition,
the date, a note → the answer to print); without one the verb says where it works.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.adventure.grammar import Reply, Verbs
from explorer.adventure.parser import Span

if TYPE_CHECKING:
    from explorer.adventure.engine import Engine

verbs = Verbs("The game")
when = verbs.when


@when("submit", meta=True,
      help="hand your coalition in to the class board (in a class session)")
@when("hand in", meta=True)
@when("submit NOTE", meta=True)
def submit(e: Engine, note: Span | None = None) -> str:
    hand_in = getattr(e, "hand_in", None)
    if hand_in is None:
        raise Reply("There is no class to hand in to: 'submit' works in a class session "
                    "(explorer serve), where it puts your coalition on the teacher's board.")
    if not e.coalition.members:
        raise Reply("Your coalition is empty: 'invite' someone first, then 'submit'.")
    return hand_in(e.coalition, e.on, note.raw if note is not None else "")

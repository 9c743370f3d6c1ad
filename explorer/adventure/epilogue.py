"""What the player did that history did not: the epilogue of a won challenge.

A challenge may say who history's own coalition held (`history_coalition`; empty when history
never reached the goal). On a win the epilogue compares the two coalitions by seats: who the
player brought in that history's coalition lacked, and who history had that the player did
without.
"""

from __future__ import annotations

from explorer.adventure.goals import is_present
from explorer.core.coalition import Coalition, evaluate
from explorer.core.graph import Atlas
from explorer.core.model import Challenge
from explorer.core.seats import Picture
from explorer.core.tensions import cover_of


def epilogue(atlas: Atlas, picture: Picture, coalition: Coalition, ch: Challenge) -> str:
    from explorer.adventure.prose import join, the

    pack = atlas.pack
    members = evaluate(atlas, picture, coalition, completions=False).members
    cover = cover_of(atlas, picture)

    def names(ids) -> str:
        return join([the(pack.actors[i]) if i in pack.actors else i for i in ids])

    if not ch.history_coalition:
        return (f"History never got here: no such coalition formed. You did what history did "
                f"not, with {names(members)} at one table.")
    history = [h for h in ch.history_coalition if h in pack.actors]
    extra = [m for m in members
             if not any(is_present(atlas, picture, cover, [m], h) or
                        is_present(atlas, picture, cover, [h], m) for h in history)]
    missing = [h for h in history if not is_present(atlas, picture, cover, members, h)]
    if not extra and not missing:
        return "Your coalition holds the same seats as the one history formed."
    parts = []
    if extra:
        parts.append(f"you brought in {names(extra)}, which history's coalition did not hold")
    if missing:
        parts.append(f"you did without {names(missing)}, which history's coalition held")
    return "Unlike history, " + "; and ".join(parts) + "."

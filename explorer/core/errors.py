"""The engine's lookup errors: each reads as a sentence, so a front end prints it as it is."""

from __future__ import annotations

from collections.abc import Iterable


class EngineLookupError(LookupError):
    """Something named that the pack or the table does not have; `known` lists what it has."""

    def __init__(self, message: str, name: str, known: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.name = name
        self.known = tuple(known)

    def __str__(self) -> str:  # no quotes around it, unlike KeyError's
        return str(self.args[0])


class UnknownMember(EngineLookupError):
    """A coalition member that is neither a unit on the table nor an actor of the pack."""


class UnknownThreshold(EngineLookupError):
    """A threshold id the pack does not define."""


def unknown_threshold(pack, threshold_id: str) -> UnknownThreshold:
    known = [t.id for t in pack.thresholds]
    return UnknownThreshold(f"no threshold {threshold_id!r} in this pack (thresholds: "
                            f"{', '.join(known) or 'none'})", threshold_id, known)

"""The fixed vocabulary of relationship types and actor kinds."""

from __future__ import annotations

from dataclasses import dataclass

ACTOR_KINDS = (
    "person",
    "list",
    "bloc",
    "faction",
    "party",
    "militia",
    "state",
    "institution",
    "place",
    "group",
)

#: kinds that may hold seats directly
SEAT_KINDS = frozenset({"list", "faction", "party"})

KIND_LABELS = {
    "person": "People",
    "list": "Electoral lists",
    "bloc": "Post-election blocs",
    "faction": "Factions",
    "party": "Parties",
    "militia": "Militias and armed groups",
    "state": "States",
    "institution": "Institutions",
    "place": "Places",
    "group": "Other groups",
}


@dataclass(frozen=True)
class RelationType:
    name: str
    label: str  # reads from the source: "Sadr leads the Sadrists"
    inverse: str  # reads from the target: "the Sadrists are led by Sadr"
    stance: str  # structure | friendly | neutral | influence | hostile | place
    symmetric: bool = False
    hard: bool = False  # a coalition holding both ends is not feasible
    pm_only: bool = False  # hard only when the target is the PM candidate

    @property
    def hostile(self) -> bool:
        return self.stance == "hostile"


_TYPES = [
    RelationType("leads", "leads", "is led by", "structure"),
    RelationType("member_of", "belongs to", "has as a member", "structure"),
    RelationType("part_of", "is part of", "contains", "structure"),
    RelationType("allied_with", "is allied with", "is allied with", "friendly", symmetric=True),
    RelationType("backs", "backs", "is backed by", "friendly"),
    RelationType("negotiates_with", "negotiates with", "negotiates with", "neutral", True),
    RelationType("met_with", "met", "met", "neutral", symmetric=True),
    RelationType("pressures", "pressures", "is pressed by", "influence"),
    RelationType("brokered", "brokered", "was brokered by", "influence"),
    RelationType("controls", "controls", "is controlled by", "influence"),
    RelationType("rival_of", "is a rival of", "is a rival of", "hostile", symmetric=True),
    RelationType("opposes", "opposes", "is opposed by", "hostile"),
    RelationType("cracked_down_on", "cracked down on", "suffered a crackdown by", "hostile"),
    RelationType("banned", "banned", "was banned by", "hostile"),
    RelationType("refuses", "refuses to sit with", "is refused by", "hostile", hard=True),
    RelationType(
        "refuses_pm", "refuses to serve under", "is refused as PM by", "hostile", pm_only=True
    ),
    RelationType("lives_in", "lives in", "is home to", "place"),
    RelationType("based_in", "is based in", "is the base of", "place"),
    RelationType("born_in", "was born in", "is the birthplace of", "place"),
    RelationType("visited", "visited", "was visited by", "place"),
    RelationType("succeeded", "succeeded", "was succeeded by", "structure"),
    RelationType("child_of", "is a child of", "is the parent of", "structure"),
]

RELATION_TYPES: dict[str, RelationType] = {t.name: t for t in _TYPES}

#: relation types that place an actor somewhere (used by the adventure)
PLACE_TYPES = frozenset({"lives_in", "based_in"})

DEFAULT_PRONOUNS = {"person": "he"}


def pronoun_for(kind: str, declared: str | None) -> str:
    if declared:
        return declared
    return DEFAULT_PRONOUNS.get(kind, "it")


@dataclass(frozen=True)
class Status:
    """How firm a relation or an event is: the pack says so in its `status` field."""

    name: str
    label: str  # shown next to the statement
    meaning: str  # one line for the content guide and `explorer types`


_STATUSES = [
    Status("confirmed", "confirmed",
           "stated as fact by the sources, or by an official record"),
    Status("reported", "reported",
           "a source reports it with a hedge (reportedly, according to ...); not confirmed"),
    Status("disputed", "disputed", "the sources disagree, or one side denied it"),
    Status("inference", "the pack's inference",
           "not stated by the sources cited: the pack infers it from them"),
]

#: the values of `status` on relations and events; absent means "as the cited source states it"
STATUSES: dict[str, Status] = {s.name: s for s in _STATUSES}


def status_label(status: str | None) -> str | None:
    """The words shown next to a relation or event with this status (None: show nothing)."""
    return STATUSES[status].label if status in STATUSES else None

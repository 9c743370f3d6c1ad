"""Small pieces of English for the narration: names with articles, pronouns, verbs, dates."""

from __future__ import annotations

import re
from datetime import date

from explorer.core import text
from explorer.core.dates import FuzzyDate
from explorer.core.model import Actor, Pack
from explorer.core.text import SeatRange

# head nouns that make an organisation's name take "the" ("the Sadrist movement")
_GENERIC = {
    "alliance", "army", "bloc", "coalition", "commission", "congress", "council", "court",
    "force", "forces", "front", "gathering", "group", "kingdom", "list", "members", "movement",
    "nations", "organisation", "organization", "party", "presidency", "seat", "seats", "states",
    "trend", "union", "committee", "assembly", "government", "ministry", "office", "people",
}
_HEAD_CUT = re.compile(r"\s+(?:of|for|in|on|at)\s+|\s*\(")
_PERSONAL = {"he": ("he", "him", "his"), "she": ("she", "her", "her"),
             "they": ("they", "them", "their"), "it": ("it", "it", "its")}


def needs_article(actor: Actor) -> bool:
    if actor.kind in ("person", "place"):
        return False
    name = actor.name.strip()
    if not name or name[0].islower() or name.lower().startswith("the "):
        return False
    if name.lower().startswith("united "):
        return True
    parts = _HEAD_CUT.split(name, maxsplit=1)
    head = parts[0].split()
    if not head:
        return False
    if len(parts) == 1 or name[len(parts[0]):].lstrip().startswith("("):
        # no 'of' phrase: one word is a proper name ("Iraqiya"), else look at the last word
        return len(head) > 1 and head[-1].lower() in _GENERIC
    whole = name.split("(")[0].split()
    return head[-1].lower() in _GENERIC or whole[-1].lower() in _GENERIC


def the(actor: Actor, capital: bool = False) -> str:
    """The actor's name as it reads inside a sentence."""
    if needs_article(actor):
        return ("The " if capital else "the ") + actor.name
    name = actor.name
    return name[0].upper() + name[1:] if capital and name else name


def pronoun(actor: Actor, case: int = 0, capital: bool = False) -> str:
    word = _PERSONAL.get(actor.pronoun, _PERSONAL["it"])[case]
    return word.capitalize() if capital else word


def conjugate(phrase: str, actor: Actor) -> str:
    """'leads' reads 'lead' after 'they'; labels are written for a singular subject."""
    if actor.pronoun != "they":
        return phrase
    first, _, rest = phrase.partition(" ")
    swap = {"is": "are", "was": "were", "has": "have"}
    if first in swap:
        first = swap[first]
    elif first.endswith("ies"):
        first = first[:-3] + "y"
    elif first.endswith(("sses", "shes", "ches")):
        first = first[:-2]
    elif first.endswith("s") and not first.endswith("ss"):
        first = first[:-1]
    return f"{first} {rest}".strip()


def join(items: list[str], word: str = "and") -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def day(on: date | None) -> str:
    return str(FuzzyDate(on)) if on else "no particular date"


def seats_text(pack: Pack, actor_id: str) -> str | None:
    rng = pack.seat_range(actor_id)
    if rng is None:
        return None
    return SeatRange(*rng).seats()


def cite(sources) -> str:
    sources = list(sources)
    return f"[{'; '.join(sources)}]" if sources else "[no source given]"


def quote(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text}”"


plural = text.plural  # (the verbs call it as prose.plural)

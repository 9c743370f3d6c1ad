"""Did-you-mean for relation types that never offers the opposite meaning.

Plain string similarity reads `rivals_with` as close to `allied_with` (they share "_with"), which
would turn a rivalry into an alliance. Here the words of the typo are matched first: a type whose
own words begin like the typo's ("rival" in `rivals_with`, "refus" in `refused`) wins; the
filler words (with, of, in, on, by, to) count for nothing. Only when no word matches does string
similarity decide, and then only among types with a word in common or a very close spelling.
"""

from __future__ import annotations

import difflib
import re

FILLER = frozenset({"with", "of", "in", "on", "by", "to", "at", "the", "a", "is"})
SYNONYMS = {  # words people write for a type whose name uses another word
    "ally": "allied_with", "allies": "allied_with", "alliance": "allied_with",
    "enemy": "rival_of", "enemies": "rival_of", "rivalry": "rival_of", "hostile": "opposes",
    "supports": "backs", "support": "backs", "leader": "leads", "led": "leads",
    "member": "member_of", "talks": "negotiates_with", "meets": "met_with",
    "veto": "refuses", "vetoes": "refuses", "rejects": "refuses",
}


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[_\-\s]+", name.lower()) if w and w not in FILLER]


def suggest(typo: str, known) -> str | None:
    """The relation type (of known) the typo most likely meant, or None."""
    known = list(known)
    words = _words(typo)
    for word in words:
        if word in SYNONYMS and SYNONYMS[word] in known:
            return SYNONYMS[word]
    best, best_score = None, 0
    for name in known:
        score = 0
        for word in words:
            score += max((_prefix(word, other) for other in _words(name)), default=0)
        if score > best_score:
            best, best_score = name, score
    if best is not None:
        return best
    close = difflib.get_close_matches(typo.lower(), known, n=1, cutoff=0.8)
    return close[0] if close else None


def _prefix(word: str, other: str) -> int:
    """The length of the common beginning of two words, when it says something (3 letters or
    more, or the whole of a short word)."""
    n = 0
    for a, b in zip(word, other, strict=False):
        if a != b:
            break
        n += 1
    return n if n >= 3 or (word == other) else 0

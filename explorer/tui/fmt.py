"""Small formatting helpers shared by the screens: dates, kinds, seats, citations.

Everything that comes from a content pack is put into rich `Text` as plain text (never parsed as
markup), so a name such as "[bold]" is shown as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.segment import Segment
from rich.text import Text

from explorer.core.dates import FuzzyDate
from explorer.core.model import Actor, Pack
from explorer.core.text import range_text
from explorer.core.vocabulary import KIND_LABELS

KIND_SINGULAR = {
    "person": "person",
    "list": "electoral list",
    "bloc": "post-election bloc",
    "faction": "faction",
    "party": "party",
    "militia": "armed group",
    "state": "state",
    "institution": "institution",
    "place": "place",
    "group": "group",
}


def day(d: date | None) -> str:
    """26 March 2010."""
    return str(FuzzyDate(d, "day")) if d else "any date"


def kind_name(kind: str) -> str:
    return KIND_SINGULAR.get(kind, kind)


def kind_heading(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.title())


def seats_short(pack: Pack, actor_id: str) -> str:
    """'91', '39–40' or '' for an actor without seats."""
    rng = pack.seat_range(actor_id)
    if rng is None or (pack.actors[actor_id].kind == "bloc" and rng == (0, 0)):
        return ""
    low, high = rng
    return range_text(low, high)


def lifetime(actor: Actor, on: date | None) -> str | None:
    """'formed 11 June 2010' when the actor does not exist on `on`, else None."""
    if actor.exists_on(on):
        return None
    if actor.since and on and on < actor.since:
        return f"not yet formed on {day(on)}; formed {day(actor.since)}"
    if actor.until:
        return f"gone by {day(on)}; until {day(actor.until)}"
    return f"does not exist on {day(on)}"


def citation(source: str, sources_dir: str | Path | None, style: str = "") -> Text:
    """A source: the quoted seed line when the texts are at hand, otherwise the citation."""
    quoted = None
    if sources_dir:
        from explorer.core.sources import quote  # citations parse with the loader's patterns

        quoted = quote(source, sources_dir)
    if quoted:
        return Text.assemble(("“", style), (quoted, f"{style} italic"), ("”  ", style),
                             (source, f"{style} dim"))
    return Text(source, style=style, overflow="fold")  # a long URL wraps, never cut short


def text_segments(text: Text, console: Console) -> Iterable[Segment]:
    """One line of Text as segments, its own style under its spans (`Text.render` leaves the
    style of a text without spans out)."""
    style = console.get_style(text.style, default=None) if text.style else None
    return Segment.apply_style(text.render(console), style)

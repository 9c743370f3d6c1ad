"""Building the seat bar's model from an evaluation: names that fit, colours, segments.

One model for every bar: the coalition builder and the lessons both call `bar_model()`.
"""

from __future__ import annotations

from explorer.core.coalition import Evaluation, seat_range
from explorer.core.graph import Atlas
from explorer.core.seats import REST, Picture, share_out
from explorer.core.tensions import cover_of
from explorer.core.text import range_text
from explorer.tui.seatbar import (
    OUTSIDE,
    PALETTE,
    RANGE_BG,
    BarLine,
    BarModel,
    BarSegment,
)


def short_name(name: str) -> str:
    """'Gorran (Movement for Change)' -> 'Gorran'."""
    return name.split(" (", 1)[0].strip() or name


def label_names(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """Names to try where room is short: the full name, shorter forms of it, acronyms.

    'Iraqi Accord Front (Tawafuq)' -> itself, 'Iraqi Accord Front', 'Tawafuq', 'IAF'.
    """
    folded = name.casefold()
    heads = {name[:len(a)].strip() for a in aliases
             if a != name and folded.startswith(a.casefold())}
    if short_name(name) != name:
        heads.add(short_name(name))
    inner = [name[name.index(" (") + 2:-1]] if name.endswith(")") and " (" in name else []
    acronyms = [a for a in aliases if len(a) <= 5 and sum(c.isupper() for c in a) >= 2]
    return tuple(dict.fromkeys([name, *sorted(heads, key=len, reverse=True), *inner, *acronyms]))


def names_of(atlas: Atlas, item: str, name: str) -> tuple[str, ...]:
    """Label candidates for a unit, including split remainders and ad-hoc blocs."""
    actors = atlas.pack.actors
    actor = actors.get(item)
    if actor is not None:
        return label_names(name, actor.aliases)
    if item.endswith(REST) and item[:-len(REST)] in actors:  # "INA (others)"
        parent = actors[item[:-len(REST)]]
        initials = "".join(w[0] for w in parent.name.split() if w[0].isupper())
        shorter = [*label_names(parent.name, parent.aliases)[1:], initials]
        return tuple(dict.fromkeys([name, *(f"{n} (others)" for n in shorter)]))
    parts = [actors[p] for p in item.split("+") if p in actors]
    if len(parts) > 1:  # an ad-hoc bloc: "Badr + ISCI"
        short = " + ".join(min(label_names(p.name, p.aliases), key=len) for p in parts)
        return (name, short) if short != name else (name,)
    return (name,)


def members_inside(atlas: Atlas, picture: Picture, ev: Evaluation) -> dict[str, str]:
    """Members that are not units on the table -> the unit holding them (after a date change
    a list stays a member while the table shows the bloc it joined)."""
    loose = [m for m in ev.members if m not in picture.ids]
    if not loose:
        return {}
    cover = cover_of(atlas, picture)
    return {m: u.id for m in loose for u in picture.units if m in cover.cover(u.id)}


def table_colors(picture: Picture, inside: dict[str, str]) -> dict[str, str]:
    """Each unit's colour by its place on the table; a member inside a unit takes the unit's."""
    colors = {u.id: PALETTE[i % len(PALETTE)] for i, u in enumerate(picture.units)}
    for member, unit in inside.items():
        colors[member] = colors[unit]
    return colors


def bar_model(atlas: Atlas, picture: Picture, ev: Evaluation,
              colors: dict[str, str] | None = None,
              inside: dict[str, str] | None = None) -> BarModel:
    """Members first (low figures), the disputed top of the range, then the rest (less the
    seats of members inside them). The one model of the builder's and the lessons' bars."""
    if inside is None:
        inside = members_inside(atlas, picture, ev)
    if colors is None:
        colors = table_colors(picture, inside)
    taken: dict[str, int] = {}
    for member, unit in inside.items():
        taken[unit] = taken.get(unit, 0) + seat_range(atlas, picture, member)[2]
    segments: list[BarSegment] = []
    for m in ev.members:
        low, high, _ = seat_range(atlas, picture, m)
        unit = picture.unit(m)
        text = unit.seats_text if unit else range_text(low, high)
        color = colors.get(m, PALETTE[len(segments) % len(PALETTE)])
        segments.append(BarSegment(m, names_of(atlas, m, ev.names.get(m, m)), low, text, color,
                                   True))
    if ev.high > ev.low:
        segments.append(BarSegment("~range", (), ev.high - ev.low, "", RANGE_BG, True, True))
    outside = [u for u in picture.units if u.id not in ev.members]
    room = max(0, ev.total - ev.high)
    weights = [max(0, u.primary - taken.get(u.id, 0)) for u in outside]
    shares = share_out(room, weights)  # the rest share the seats left, in proportion
    for i, (u, seats) in enumerate(zip(outside, shares, strict=True)):
        segments.append(BarSegment(u.id, names_of(atlas, u.id, u.name), seats, u.seats_text,
                                   OUTSIDE[i % 2], False))
    lines = tuple(BarLine(v.threshold.seats, v.threshold.name, v.status, v.short_by, v.over_by)
                  for v in ev.verdicts)
    return BarModel(ev.total, tuple(segments), lines, ev.low, ev.high)

"""Pictures for a hand-out, as SVG: the hemicycle of a coalition and the power chart over time.

Plain Python (no textual, no plotting library): the hemicycle reuses the chamber geometry of
explorer.core.chamber, the chart is a few polylines. Every text is XML-escaped. `explorer export
hemicycle` and `explorer export power` write them.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from explorer.core.chamber import SeatRun, chamber_svg

#: the units' colours (Tableau 10): the builder's seat bar and hemicycle use the same
UNIT_COLORS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#8cd17d",
)
#: more colours for charts with more units than UNIT_COLORS has (darker, distinct hues)
CHART_COLORS = UNIT_COLORS + (
    "#1f5f8b", "#b8560f", "#8e2a2c", "#3d7f7a", "#2f6b2a",
    "#a08a1c", "#6f4a66", "#c9607a", "#5e4432", "#4c8a3f",
)
DISPUTED_COLOR = "#8a8a8a"


def hemicycle_runs(atlas, picture, ev) -> list[SeatRun]:
    """The coalition's members first (their low figures), the disputed top of its range, then
    the other units, each in its own colour, sharing the seats left in proportion."""
    from explorer.core.coalition import seat_range
    from explorer.core.seats import share_out
    from explorer.core.tensions import cover_of

    colors = {u.id: UNIT_COLORS[i % len(UNIT_COLORS)] for i, u in enumerate(picture.units)}
    cover = cover_of(atlas, picture)
    taken: dict[str, int] = {}
    runs = []
    for m in ev.members:
        low, _high, primary = seat_range(atlas, picture, m)
        holder = m if m in colors else next(
            (u.id for u in picture.units if m in cover.cover(u.id)), None)
        if holder is not None and holder != m:
            taken[holder] = taken.get(holder, 0) + primary
        runs.append(SeatRun(ev.names.get(m, m), low, colors.get(holder or m, UNIT_COLORS[0]),
                            True))
    if ev.high > ev.low:
        runs.append(SeatRun("disputed seats", ev.high - ev.low, DISPUTED_COLOR, True, True))
    outside = [u for u in picture.units if u.id not in ev.members]
    room = max(0, ev.total - ev.high)
    weights = [max(0, u.primary - taken.get(u.id, 0)) for u in outside]
    shares = share_out(room, weights)
    runs.extend(SeatRun(u.name, n, colors[u.id], False) for u, n in zip(outside, shares,
                                                                        strict=True))
    return runs


def hemicycle_svg(atlas, picture, ev, title: str) -> str:
    marks = [(v.threshold.seats, f"{v.threshold.name} {v.threshold.seats}")
             for v in ev.verdicts if 0 < v.threshold.seats <= ev.total]
    return chamber_svg(hemicycle_runs(atlas, picture, ev), title, marks)


def power_chart_svg(series, title: str, index: str = "banzhaf",
                    highlight: str | None = None, current=None) -> str:
    """Step lines of each unit's index at every event date; ticks for the events, the
    `current` date marked, the `highlight` unit drawn thick."""
    ids_count = len(series.unit_ids())
    width, left, top, plot_h = 960, 60, 50, 320
    height = top + plot_h + 50 + 18 * ((ids_count + 3) // 4) + 20
    plot_w = width - left - 30
    points = series.points
    n = max(1, len(points))
    ids = series.unit_ids()
    colors = {u: CHART_COLORS[i % len(CHART_COLORS)] for i, u in enumerate(ids)}
    names = {}
    for p in points:
        for u in p.units:
            names.setdefault(u.id, u.name)

    def x(i: float) -> float:
        return left + plot_w * i / n

    def y(v: float) -> float:
        return top + plot_h * (1 - v)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif">',
           '<rect width="100%" height="100%" fill="#ffffff"/>',
           f'<text x="{width / 2}" y="28" font-size="16" text-anchor="middle">'
           f'{escape(title)}</text>']
    for v in (0, 0.25, 0.5, 0.75, 1):
        out.append(f'<line x1="{left}" y1="{y(v):.1f}" x2="{left + plot_w}" y2="{y(v):.1f}" '
                   'stroke="#e5e5e5"/>')
        out.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" font-size="11" '
                   f'text-anchor="end">{v:.2f}</text>')
    if current is not None and 0 <= current < len(points):
        out.append(f'<rect x="{x(current):.1f}" y="{top}" width="{x(1) - x(0):.1f}" '
                   f'height="{plot_h}" fill="#fff2b3"/>')
    last_month, last_x = None, -1e9
    for i, p in enumerate(points):
        out.append(f'<line x1="{x(i):.1f}" y1="{top + plot_h}" x2="{x(i):.1f}" '
                   f'y2="{top + plot_h + 5}" stroke="#555555"><title>'
                   f'{escape(p.on.isoformat())}: '
                   f'{escape("; ".join(e.title for e in p.events))}</title></line>')
        month = (p.on.year, p.on.month)
        if month != last_month and (i == 0 or p.on.month in (1, 4, 7, 10)) \
                and x(i) - last_x >= 70:
            last_x = x(i)
            out.append(f'<text x="{x(i):.1f}" y="{top + plot_h + 18}" font-size="10">'
                       f'{p.on.strftime("%b %Y")}</text>')
        last_month = month
    order = [u for u in ids if u != highlight] + ([highlight] if highlight in ids else [])
    for uid in order:
        path, prev = [], None
        for i, value in enumerate(series.values(uid, index)):
            if value is None:
                if path:
                    out.append(_polyline(path, colors[uid], uid == highlight))
                path, prev = [], None
                continue
            yy = y(float(value))
            if prev is not None:
                path.append((x(i), prev))
            path.extend([(x(i), yy), (x(i + 1), yy)])
            prev = yy
        if path:
            out.append(_polyline(path, colors[uid], uid == highlight))
    ly = top + plot_h + 40
    for k, uid in enumerate(ids):
        lx = left + (k % 4) * 230
        row = ly + (k // 4) * 18
        out.append(f'<rect x="{lx}" y="{row - 9}" width="14" height="4" fill="{colors[uid]}"/>')
        weight = ' font-weight="bold"' if uid == highlight else ""
        out.append(f'<text x="{lx + 20}" y="{row}" font-size="11"{weight}>'
                   f'{escape(names.get(uid, uid))}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _polyline(path, color: str, thick: bool) -> str:
    pts = " ".join(f"{a:.1f},{b:.1f}" for a, b in path)
    return (f'<polyline points="{pts}" fill="none" stroke="{color}" '
            f'stroke-width="{3.5 if thick else 1.5}" stroke-opacity="{1 if thick else 0.8}"/>')

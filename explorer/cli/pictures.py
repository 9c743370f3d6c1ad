"""Pictures on the command line: `explorer power --over-time` (power at every event date).

The graph hand-outs (`explorer export graph --around ... --format svg`) are in classroom.py's
export command, over explorer.core.graph_export.
"""

from __future__ import annotations

import sys

from explorer.cli.support import CliError, console, load_atlas, print_json, resolve


def short_codes(atlas, names: dict[str, str]) -> dict[str, str]:
    """A column heading of at most 4 characters per unit: its name if short enough, else its
    shortest alias of that length, else its initials (made unique with a digit)."""
    out: dict[str, str] = {}
    for uid, name in names.items():
        actor = atlas.pack.actors.get(uid)
        aliases = [a for a in (actor.aliases if actor else ()) if 2 <= len(a) <= 4]
        head = name.split(" (", 1)[0]
        if len(head) <= 4:
            code = head
        elif aliases:
            code = min(aliases, key=len)
        else:
            code = "".join(w[0] for w in head.split() if w[:1].isalpha()).upper()[:4] or uid[:4]
        base, n = code, 2
        while code in out.values():
            code, n = f"{base[:3]}{n}", n + 1
        out[uid] = code
    return out


def power_over_time(args) -> int:
    """One row per event date: the date, its events, each unit's Banzhaf and Shapley–Shubik."""
    from rich.table import Table
    from rich.text import Text

    from explorer.core.power_series import power_series

    if args.weights:
        raise CliError("--over-time works on the pack's seats, not on --weights")
    atlas = load_atlas(args)
    pm = resolve(atlas, args.pm).id if args.pm else None
    splits = tuple(resolve(atlas, name).id for name in args.split)
    if atlas.pack.threshold(args.threshold) is None:
        known = ", ".join(t.id for t in atlas.pack.thresholds)
        raise CliError(f"unknown threshold {args.threshold!r} (known: {known})")
    series = power_series(atlas, args.threshold, pm=pm, feasible=args.feasible, splits=splits)
    if args.json:
        return print_json(series.as_json())
    names = {}
    for point in series.points:
        for u in point.units:
            names.setdefault(u.id, u.name)
    ids = series.unit_ids()
    title = (f"Banzhaf index (%) at every event date (quota {series.quota}"
             f"{', feasible coalitions only' if series.feasible else ''}"
             f"{', PM ' + atlas.pack.actors[pm].name if pm else ''})")
    out = console()
    table = Table(box=None, title=title, pad_edge=False, padding=(0, 1, 0, 0))
    table.add_column("date", no_wrap=True, width=10)
    room = out.width - 12 - 5 * len(ids)
    if room >= 8:  # the event's title where the window has room for it (always in --json)
        table.add_column("event", no_wrap=True, overflow="ellipsis", width=room)
    codes = short_codes(atlas, {uid: names[uid] for uid in ids})
    for uid in ids:
        table.add_column(codes[uid], justify="right", no_wrap=True, width=4)
    previous: dict[str, float] = {}
    for point in series.points:
        cells = []
        for uid in ids:
            u = point.unit(uid)
            if u is None:
                cells.append(Text("·", style="dim"))
                continue
            value = float(u.banzhaf)
            changed = uid in previous and abs(previous[uid] - value) > 5e-4
            cells.append(Text(f"{100 * value:.0f}", style="bold" if changed else ""))
            previous[uid] = value
        event = "; ".join(e.title for e in point.events)
        title = [Text(event, overflow="ellipsis", no_wrap=True)] if room >= 8 else []
        table.add_row(point.on.isoformat(), *title, *cells)
    out.print(table)
    out.print(Text("  ".join(f"{codes[u]} {names[u]}" for u in ids), style="dim"))
    out.print(Text("Bold: changed since the previous date; · not on the table then. "
                         "--json gives both indices, also as exact fractions.", style="dim"))
    return 0


# -- graph hand-outs ------------------------------------------------------------------------------

def graph_selection(args, atlas):
    """The graph_select.Selection named by --around/--depth/--kinds/--types/--no-places."""
    from explorer.core.graph_select import Selection, parse_kinds, parse_types

    around = resolve(atlas, args.around).id if args.around else None
    if args.depth < 0:
        raise CliError("--depth must be 0 or more")
    try:
        return Selection(around=around, depth=args.depth, kinds=parse_kinds(args.kinds),
                         types=parse_types(args.types), places=not args.no_places)
    except ValueError as exc:
        raise CliError(str(exc)) from None


def write_rendered(output: str, dot_text: str, fmt: str, on) -> int:
    """Draw the DOT text with Graphviz and write it (never PNG bytes to a terminal)."""
    from explorer.core.exports import write_text_atomic
    from explorer.core.graphviz import GraphvizError, render
    from explorer.core.storage import write_atomic

    if output == "-" and fmt == "png" and sys.stdout.isatty():
        raise CliError("PNG is binary: give a file with -o, e.g. -o graph.png")
    try:
        data = render(dot_text, fmt)
    except GraphvizError as exc:
        raise CliError(str(exc)) from None
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    try:
        if fmt == "svg":
            path = write_text_atomic(output, data.decode("utf-8"))
        else:
            from pathlib import Path

            path = Path(output)
            write_atomic(path, data)
    except OSError as exc:
        raise CliError(f"cannot write {output}: {exc.strerror or exc}") from None
    print(f"Wrote the {fmt.upper()} graph of {on} to {path}", file=sys.stderr)
    return 0


# -- SVG hand-outs of the hemicycle and the power chart -------------------------------------------

def configure_picture_exports(sub) -> None:
    from explorer.cli.support import add_content, add_date

    h = sub.add_parser("hemicycle", help="the chamber with a coalition's seats, as SVG",
                       description="An SVG of the chamber: one dot a seat, the coalition's "
                       "seats in colour, the others pale, disputed seats hollow, the "
                       "thresholds marked.")
    h.add_argument("members", nargs="*", metavar="MEMBER", help="lists, blocs, factions, people")
    h.add_argument("--pm", metavar="PERSON", help="the PM candidate")
    h.add_argument("--split", action="append", default=[], metavar="LIST",
                   help="split a list into its factions first")
    add_date(h)
    add_content(h)
    h.add_argument("-o", "--output", metavar="FILE", default="-",
                   help="where to write, e.g. chamber.svg ('-' for standard output)")
    p = sub.add_parser("power", help="each unit's power at every event date, as an SVG chart",
                       description="An SVG chart of each unit's Banzhaf (or Shapley-Shubik) "
                       "index at every event date of the pack.")
    p.add_argument("--feasible", action="store_true", help="only coalitions with no hard refusal")
    p.add_argument("--pm", metavar="PERSON", help="PM candidate (for --feasible)")
    p.add_argument("--threshold", default=None,
                   help="threshold id (default: the one a government needs)")
    p.add_argument("--shapley", action="store_true", help="Shapley-Shubik instead of Banzhaf")
    p.add_argument("--highlight", metavar="UNIT", help="draw this unit's line thick")
    p.add_argument("--split", action="append", default=[], metavar="LIST",
                   help="split a list into its factions wherever it is on the table")
    add_date(p, "mark this date")
    add_content(p)
    p.add_argument("-o", "--output", metavar="FILE", default="-",
                   help="where to write, e.g. power.svg ('-' for standard output)")


def export_picture(args, write) -> int:
    if args.export_what == "hemicycle":
        return _export_hemicycle(args, write)
    return _export_power_chart(args, write)


def _export_hemicycle(args, write) -> int:
    from explorer.cli.coalition import members_on, table_setup
    from explorer.core.coalition import Coalition, evaluate
    from explorer.core.handouts import hemicycle_svg

    atlas, on, picture, pm = table_setup(args)
    members = members_on(atlas, args.members, on)
    try:
        ev = evaluate(atlas, picture, Coalition(tuple(members), pm))
    except (KeyError, ValueError) as exc:
        raise CliError(str(exc).strip("'\"")) from None
    from explorer.core.text import range_text

    seats = range_text(ev.low, ev.high)
    who = " + ".join(ev.names.get(m, m) for m in ev.members) or "no coalition yet"
    title = f"{who}: {seats} of {ev.total} seats ({on.isoformat()})"
    return write(args.output, hemicycle_svg(atlas, picture, ev, title), "the hemicycle")


def _export_power_chart(args, write) -> int:
    from explorer.cli.support import date_arg
    from explorer.core.handouts import power_chart_svg
    from explorer.core.power_series import power_series

    atlas = load_atlas(args)
    on = date_arg(args, atlas)
    pm = resolve(atlas, args.pm).id if args.pm else None
    splits = tuple(resolve(atlas, name).id for name in args.split)
    highlight = resolve(atlas, args.highlight).id if args.highlight else None
    th = atlas.pack.threshold(args.threshold)
    if th is None:
        known = ", ".join(t.id for t in atlas.pack.thresholds)
        raise CliError(f"unknown threshold {args.threshold!r} (known: {known})")
    series = power_series(atlas, th.id, pm=pm, feasible=args.feasible, splits=splits)
    index = "shapley_shubik" if args.shapley else "banzhaf"
    game = "feasible coalitions only" if args.feasible else "all coalitions"
    if pm:
        game += f", PM {atlas.pack.actors[pm].name}"
    title = (f"{'Shapley–Shubik' if args.shapley else 'Banzhaf'} index at every event date · "
             f"{th.name} ({th.seats}) · {game}")
    svg = power_chart_svg(series, title, index, highlight, series.index_of(on))
    return write(args.output, svg, "the power chart")

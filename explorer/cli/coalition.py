"""Coalition commands: `explorer coalition` and `explorer power`."""

from __future__ import annotations

from explorer.cli.support import (
    CliError,
    add_common,
    console,
    date_arg,
    load_atlas,
    print_json,
    resolve,
    run,
)
from explorer.core.text import range_text
from explorer.core.vocabulary import status_label


def _picture(atlas, on, splits):
    from explorer.core.seats import default_picture, split

    picture = default_picture(atlas.pack, on)
    for name in splits:
        actor = resolve(atlas, name)
        try:
            picture = split(atlas.pack, picture, actor.id)
        except ValueError as exc:
            raise CliError(str(exc)) from None
    return picture


def members_on(atlas, names, on) -> list[str]:
    """The actor ids of the named members, each existing on the date."""
    members = []
    for name in names:
        actor = resolve(atlas, name)
        if not actor.exists_on(on):
            raise CliError(f"{actor.name} does not exist on {on}.")
        members.append(actor.id)
    return members


def table_setup(args):
    """The pack, the date, the seat picture (after any --split) and the PM named by the args."""
    atlas = load_atlas(args)
    on = date_arg(args, atlas)
    if not atlas.pack.has_results(on):
        raise NoResults(atlas, on)
    picture = _picture(atlas, on, getattr(args, "split", []))
    pm = resolve(atlas, args.pm).id if getattr(args, "pm", None) else None
    return atlas, on, picture, pm


class NoResults(Exception):
    """The date is before the pack's results: there are no seats to count yet."""

    def __init__(self, atlas, on):
        super().__init__(str(on))
        self.atlas, self.on = atlas, on


def before_results(handler):
    """Answer 'no results yet' (exit 0) instead of seats on a date before the results."""

    def wrapped(args) -> int:
        try:
            return handler(args)
        except NoResults as exc:
            return no_results_answer(args, exc.atlas, exc.on)

    wrapped.__name__ = handler.__name__
    return wrapped


def no_results_answer(args, atlas, on) -> int:
    from rich.text import Text

    since = atlas.pack.seats_from
    message = (f"No results yet on {on}: the seat figures hold from {since} "
               f"(use --date {since} or later).")
    if getattr(args, "json", False):
        return print_json({"date": on.isoformat(), "results": False,
                           "results_from": since.isoformat(), "message": message})
    console().print(Text(message, style="bold yellow"))
    return 0


def _threshold(atlas, name: str | None):
    """The threshold of that id; no id: the pack's government threshold."""
    threshold = atlas.pack.threshold(name)
    if threshold is None:
        known = ", ".join(t.id for t in atlas.pack.thresholds)
        raise CliError(f"unknown threshold {name!r} (known: {known})")
    return threshold


@run
@before_results
def cmd_coalition(args) -> int:
    from rich.text import Text

    from explorer.core.coalition import Coalition, evaluate

    atlas, on, picture, pm = table_setup(args)
    members = members_on(atlas, args.members, on)
    try:
        ev = evaluate(atlas, picture, Coalition(tuple(members), pm))
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        data = ev.as_json()
        data["date"] = on.isoformat()
        return print_json(data)
    out = console()
    names = " + ".join(f"{ev.names[m]}" for m in ev.members) or "(nobody)"
    seats = range_text(ev.low, ev.high)
    pm_text = f", PM {atlas.actor(pm).name}" if pm else ""
    out.print(Text(f"On {on}: {names}{pm_text}", style="bold"))
    out.print(Text(f"Seats: {seats} of {ev.total}"))
    for v in ev.verdicts:
        style = "green" if v.reached else ("yellow" if v.status == "top_of_range" else "red")
        out.print(Text(f"  {v.text}", style=style))
    if ev.tensions:
        out.print(Text("Tensions:", style="bold"))
        for t in ev.tensions:
            mark = "✗ refusal" if t.hard else "! tension"
            a = atlas.actor(t.source_actor).name
            b = atlas.actor(t.target_actor).name
            status = f" ({status_label(t.status)})" if t.status else ""
            out.print(Text(f"  {mark}{status}: {a} — {t.type} — {b}: {t.description} "
                           f"[{'; '.join(t.sources)}]", style="red" if t.hard else "yellow"))
    out.print(Text("Feasible: " + ("yes" if ev.feasible else f"no: {ev.feasibility.why_not}"),
                   style="bold green" if ev.feasible else "bold red"))
    if ev.completions:
        out.print(Text("To go further:", style="bold"))
        for c in ev.completions:
            flag = "" if c.feasible else "  (not feasible)"
            line = atlas.pack.threshold(c.threshold)
            out.print(Text(f"  {line.name if line else c.threshold}: {c.text}{flag}"))
    return 0


@run
@before_results
def cmd_power(args) -> int:
    from rich.table import Table
    from rich.text import Text

    if getattr(args, "over_time", False):
        from explorer.cli.pictures import power_over_time

        return power_over_time(args)
    if args.weights:
        return _power_general(args)
    if args.explain:
        return _power_explain(args)
    from explorer.core.game import power

    atlas, on, picture, pm = table_setup(args)
    threshold = _threshold(atlas, args.threshold)
    try:
        result = power(atlas, picture, threshold.id, pm=pm, feasible=args.feasible)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    players = [
        {"id": u.id, "name": u.name, "seats": u.primary, "banzhaf": float(b),
         "shapley_shubik": float(s), "banzhaf_exact": str(b), "shapley_shubik_exact": str(s),
         "swings": w}
        for u, b, s, w in zip(picture.units, result.banzhaf, result.shapley_shubik,
                              result.swings, strict=True)
    ]
    if args.json:
        return print_json({"date": on.isoformat(), "quota": threshold.seats,
                           "threshold": threshold.id, "feasible_only": args.feasible,
                           "pm": pm, "total": sum(u.primary for u in picture.units),
                           "players": players})
    table = Table("player", "seats", "Banzhaf", "Shapley–Shubik", box=None,
                  title=f"Power on {on} ({threshold.label}"
                  f"{', feasible coalitions only' if args.feasible else ''})")
    for p in players:
        table.add_row(Text(p["name"]), str(p["seats"]), f"{p['banzhaf']:.3f}",
                      f"{p['shapley_shubik']:.3f}")
    console().print(table)
    return 0


@run
@before_results
def cmd_minimal(args) -> int:
    from rich.text import Text

    from explorer.core.game import minimal_winning

    atlas, on, picture, pm = table_setup(args)
    threshold = _threshold(atlas, args.threshold)
    try:
        found = minimal_winning(atlas, picture, threshold.id, pm=pm, feasible=args.feasible)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    rows = [{"members": [u.id for u in c], "seats": sum(u.primary for u in c)} for c in found]
    if args.json:
        return print_json({"date": on.isoformat(), "quota": threshold.seats,
                           "threshold": threshold.id, "feasible_only": args.feasible,
                           "pm": pm, "coalitions": rows})
    out = console()
    what = "feasible minimal" if args.feasible else "minimal"
    out.print(Text(f"{len(found)} {what} winning coalitions on {on} ({threshold.label}):",
                   style="bold"))
    for c in found:
        out.print(Text(f"  {sum(u.primary for u in c):>3}  " + " + ".join(u.name for u in c)))
    return 0


def _power_general(args) -> int:
    from rich.table import Table
    from rich.text import Text

    from explorer.core.power import power_indices

    try:
        weights = [int(w) for w in args.weights.split(",") if w.strip()]
    except ValueError:
        raise CliError("--weights must be whole numbers separated by commas") from None
    if not weights:
        raise CliError("--weights needs at least one weight")
    if any(w < 0 for w in weights):
        raise CliError("--weights cannot be negative")
    quota = args.quota if args.quota is not None else sum(weights) // 2 + 1
    if quota < 1:
        raise CliError("--quota must be at least 1")
    names = [n.strip() for n in args.names.split(",")] if args.names else []
    if names and len(names) != len(weights):
        raise CliError(f"--names gives {len(names)} names for {len(weights)} weights")
    names = names or [f"p{i + 1}" for i in range(len(weights))]
    result = power_indices(weights, quota)
    players = [
        {"id": n, "seats": w, "banzhaf": float(b), "shapley_shubik": float(s),
         "banzhaf_exact": str(b), "shapley_shubik_exact": str(s), "swings": sw}
        for n, w, b, s, sw in zip(names, weights, result.banzhaf, result.shapley_shubik,
                                  result.swings, strict=True)
    ]
    if args.json:
        return print_json({"quota": quota, "total": sum(weights), "players": players})
    table = Table("player", "weight", "Banzhaf", "Shapley–Shubik", box=None,
                  title=f"Quota {quota} of {sum(weights)}")
    for p in players:
        table.add_row(Text(p["id"]), str(p["seats"]), f"{p['banzhaf']:.4f}",
                      f"{p['shapley_shubik']:.4f}")
    console().print(table)
    return 0


def explained_unit(atlas, picture, on, name: str) -> str:
    """The unit on the table a name means (a person: the list they stand for)."""
    from explorer.core.coalition import member_id
    from explorer.core.tensions import cover_of

    actor = resolve(atlas, name)
    if picture.unit(actor.id) is not None:
        return actor.id
    try:
        mid = member_id(atlas, picture, actor.id)
    except (KeyError, ValueError):
        mid = actor.id
    if picture.unit(mid) is not None:
        return mid
    cover = cover_of(atlas, picture)
    holder = next((u for u in picture.units if mid in cover.cover(u.id)), None)
    if holder is not None:
        raise CliError(f"{atlas.actor(mid).name} is not on the table on {on}: it sits inside "
                       f"{holder.name} (explain {holder.id}, or add --split {holder.id})")
    raise CliError(f"{actor.name} holds no seats on the table on {on}")


def _power_explain(args) -> int:
    from rich.text import Text

    from explorer.core.explain import explain, pct

    atlas, on, picture, pm = table_setup(args)
    threshold = _threshold(atlas, args.threshold)
    unit = explained_unit(atlas, picture, on, args.explain)
    try:
        ex = explain(atlas, picture, unit, threshold.id, pm=pm, feasible=args.feasible)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        return print_json({"date": on.isoformat(), **ex.as_json()})
    out = console()
    out.print(Text(f"Why {ex.name} has this power on {on}", style="bold"))
    out.print(Text(ex.summary))
    if ex.feasible is not None and not args.feasible:
        f = ex.feasible
        out.print(Text(f"Feasible coalitions only: Banzhaf {pct(f.banzhaf)}, Shapley–Shubik "
                       f"{pct(f.shapley_shubik)}, {f.swings} swings."))
    if ex.examples:
        out.print(Text("Smallest coalitions in which it is pivotal:", style="bold"))
        for c in ex.examples:
            seats = sum(picture.unit(u).primary for u in c)
            out.print(Text(f"  {seats:>3}  " + " + ".join(ex.names[u] for u in c)))
    if ex.reasons:
        out.print(Text("Why:", style="bold"))
        for r in ex.reasons:
            cite = f" [{'; '.join(r.sources)}]" if r.sources else ""
            out.print(Text(f"  - {r.text}{cite}"))
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("coalition", help="tally a coalition against the thresholds")
    add_common(p)
    p.add_argument("members", nargs="*", metavar="MEMBER", help="lists, blocs, factions, people")
    p.add_argument("--pm", metavar="PERSON", help="the PM candidate")
    _split_option(p)
    p.set_defaults(handler=cmd_coalition)

    p = sub.add_parser("power", help="exact Banzhaf and Shapley-Shubik power indices")
    add_common(p)
    _game_options(p)
    p.add_argument("--weights", help="a general game: comma-separated weights, e.g. 91,89,70")
    p.add_argument("--quota", type=int, help="quota for --weights")
    p.add_argument("--names", help="comma-separated player names for --weights")
    p.add_argument("--over-time", action="store_true",
                   help="one row per event date of the pack (each unit's indices then)")
    p.add_argument("--explain", metavar="UNIT",
                   help="why this unit has its power: swings, pivotal coalitions, reasons")
    _split_option(p)
    p.set_defaults(handler=cmd_power)

    p = sub.add_parser("minimal", help="minimal winning coalitions (every member needed)")
    add_common(p)
    _game_options(p)
    _split_option(p)
    p.set_defaults(handler=cmd_minimal)


def _game_options(p) -> None:
    p.add_argument("--feasible", action="store_true",
                   help="only coalitions with no hard refusal")
    p.add_argument("--pm", metavar="PERSON", help="PM candidate (for --feasible)")
    p.add_argument("--threshold", metavar="ID", default=None,
                   help="threshold id (default: the one the pack says forms the government)")


def _split_option(p) -> None:
    p.add_argument("--split", action="append", default=[], metavar="LIST",
                   help="split a list into its factions first")

"""Query commands: check, actors, relations, show, path, types, events, diff (and the TUI)."""

from __future__ import annotations

import sys

from explorer.cli.support import (
    CliError,
    add_common,
    add_sources,
    citation_text,
    console,
    date_arg,
    fail,
    load_atlas,
    parse_date_text,
    print_json,
    resolve,
    run,
)
from explorer.core.safe_text import clean
from explorer.core.text import plural
from explorer.core.vocabulary import STATUSES, status_label


def actor_json(atlas, actor) -> dict:
    pack = atlas.pack
    rng = pack.seat_range(actor.id)
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "description": actor.description,
        "seats": pack.primary_seats(actor.id) if rng else None,
        "seats_range": list(rng) if rng else None,
        "seat_claims": [
            {"seats": [c.low, c.high], "source": c.source, "note": c.note}
            for c in actor.seat_claims
        ],
        "part_of": actor.part_of,
        "members": list(actor.members),
        "stands_for": actor.stands_for,
        "since": actor.since.isoformat() if actor.since else None,
        "until": actor.until.isoformat() if actor.until else None,
        "sources": list(actor.sources),
        "source_note": actor.source_note,
    }


def relation_json(rel) -> dict:
    return {
        "id": rel.id,
        "source": rel.source,
        "target": rel.target,
        "type": rel.type,
        "description": rel.description,
        "sources": list(rel.sources),
        "since": rel.since.isoformat() if rel.since else None,
        "until": rel.until.isoformat() if rel.until else None,
        "status": rel.status,
        "source_note": rel.source_note,
    }


@run
def cmd_check(args) -> int:
    atlas = load_atlas(args, cached=False)
    pack = atlas.pack
    on = date_arg(args, atlas)
    if (pack.start_date and on < pack.start_date) or (pack.end_date and on > pack.end_date):
        raise CliError(f"--date {on} is outside the pack's dates "
                       f"({pack.start_date} to {pack.end_date})")
    from explorer.core.claims import claim_problems

    failed = claim_problems(atlas)  # the lessons' claims, checked with the engine
    if failed:
        from explorer.core.problems import PackError

        print(PackError(failed).report(), file=sys.stderr)
        return 2
    seats = sum(a.primary_seats or 0 for a in pack.top_level_seat_holders())
    summary = {
        "pack": pack.id, "path": str(pack.path), "actors": len(pack.actors),
        "relations": len(pack.relations), "events": len(pack.events),
        "challenges": len(pack.challenges), "lessons": len(pack.lessons),
        "seats": seats, "parliament_size": pack.parliament_size, "valid": True,
        "warnings": [str(w) for w in pack.warnings],
    }
    if args.json:
        return print_json(summary)
    for warning in pack.warnings:
        print(warning, file=sys.stderr)
    parts = [plural(len(pack.actors), "actor"), plural(len(pack.relations), "relation"),
             plural(len(pack.events), "event"), plural(len(pack.challenges), "challenge"),
             plural(len(pack.lessons), "lesson")]
    noted = f" ({plural(len(pack.warnings), 'warning')} above)" if pack.warnings else ""
    print(f"{clean(pack.title)}: OK{noted} — {', '.join(parts)}; seats add up to {seats} of "
          f"{pack.parliament_size}.")
    return 0


@run
def cmd_actors(args) -> int:
    atlas = load_atlas(args)
    on = date_arg(args, atlas)
    from explorer.core.vocabulary import ACTOR_KINDS

    order = {k: i for i, k in enumerate(ACTOR_KINDS)}
    actors = sorted((a for a in atlas.pack.actors.values() if a.exists_on(on)),
                    key=lambda a: (order.get(a.kind, 99), -(atlas.pack.primary_seats(a.id) or 0),
                                   a.name.casefold()))
    if args.kind:
        actors = [a for a in actors if a.kind == args.kind]
    if args.json:
        return print_json([actor_json(atlas, a) for a in actors])
    from rich.table import Table
    from rich.text import Text

    table = Table("id", "name", "kind", "seats", "aliases", box=None, header_style="bold")
    for a in actors:
        rng = atlas.pack.seat_range(a.id)
        seats = "" if rng is None else (str(rng[0]) if rng[0] == rng[1] else f"{rng[0]}–{rng[1]}")
        table.add_row(*(Text(cell) for cell in (a.id, a.name, a.kind, seats,
                                                 ", ".join(a.aliases))))
    console().print(table)
    return 0


@run
def cmd_relations(args) -> int:
    atlas = load_atlas(args)
    on = date_arg(args, atlas) if args.date else None
    rels = [r for r in atlas.relations if r.active_on(on)]
    if args.actor:
        who = resolve(atlas, args.actor).id
        rels = [r for r in rels if who in (r.source, r.target)]
    if args.type:
        rels = [r for r in rels if r.type == args.type]
    if args.json:
        return print_json([relation_json(r) for r in rels])
    from rich.text import Text

    out = console()
    for r in rels:
        a, b = atlas.actor(r.source).name, atlas.actor(r.target).name
        out.print(Text.assemble((a, "bold"), f" {r.type} ", (b, "bold"), f" — {r.description} ",
                                ("[" + "; ".join(r.sources) + "]", "dim")))
    return 0


@run
def cmd_show(args) -> int:
    from rich.text import Text

    atlas = load_atlas(args)
    on = date_arg(args, atlas)
    actor = resolve(atlas, " ".join(args.name))
    sources_dir = getattr(args, "sources", None)
    if args.json:
        data = actor_json(atlas, actor)
        data["relations"] = [dict(relation_json(k.relation), label=k.label, other=k.other)
                             for k in atlas.links(actor.id, on)]
        return print_json(data)
    out = console()
    out.print(Text.assemble((actor.name, "bold underline"), f"  ({actor.kind}, id {actor.id})"))
    if actor.aliases:
        out.print(Text("Also called: " + ", ".join(actor.aliases), style="dim"))
    out.print(Text(actor.description))
    rng = atlas.pack.seat_range(actor.id)
    if rng:
        seats = str(rng[0]) if rng[0] == rng[1] else f"{rng[0]}–{rng[1]}"
        out.print(Text.assemble(("Seats: ", "bold"), seats))
        if actor.disputed:
            out.print(Text("  The sources disagree:", style="yellow"))
        for claim in actor.seat_claims:
            note = f" ({claim.note})" if claim.note else ""
            out.print(Text(f"  {claim.text}{note} — {citation_text(claim.source, sources_dir)}"))
    out.print(Text("Sources: " + "; ".join(citation_text(s, sources_dir) for s in actor.sources),
                   style="dim"))
    if actor.source_note:
        out.print(Text("Note on the sources: " + actor.source_note, style="dim italic"))
    out.print(Text(f"\nAs of {on.isoformat()}:", style="bold"))
    for label, links in atlas.grouped_links(actor.id, on).items():
        out.print(Text(label.capitalize(), style="bold cyan"))
        for k in links:
            other = atlas.actor(k.other).name
            status = status_label(k.relation.status)
            out.print(Text.assemble("  • ", (other, "bold"),
                                    (f" [{status}]" if status else "", "yellow"),
                                    f" — {k.relation.description}"))
            cites = "; ".join(citation_text(s, sources_dir) for s in k.relation.sources)
            out.print(Text(f"    {cites}", style="dim"))
            if k.relation.source_note:
                out.print(Text(f"    Note on the sources: {k.relation.source_note}",
                               style="dim italic"))
    return 0


@run
def cmd_path(args) -> int:
    from rich.text import Text

    atlas = load_atlas(args)
    on = date_arg(args, atlas)
    a, b = resolve(atlas, args.a), resolve(atlas, args.b)
    chain = atlas.path(a.id, b.id, on)
    if args.json:
        return print_json({
            "from": a.id, "to": b.id, "date": on.isoformat(),
            "path": None if chain is None else [
                {"from": k.this, "to": k.other, "type": k.relation.type, "label": k.label,
                 "sources": list(k.relation.sources)} for k in chain],
        })
    if chain is None:
        return fail(f"No chain of relationships joins {a.name} and {b.name} on {on}.", 1)
    out = console()
    if not chain:
        out.print(Text(f"{a.name} is {b.name}."))
    for k in chain:
        out.print(Text.assemble((atlas.actor(k.this).name, "bold"), f" {k.label} ",
                                (atlas.actor(k.other).name, "bold"),
                                (f"  [{k.relation.type}; {'; '.join(k.relation.sources)}]",
                                 "dim")))
    return 0


@run
def cmd_types(args) -> int:
    from explorer.core.vocabulary import RELATION_TYPES

    rows = [{"type": t.name, "label": t.label, "inverse": t.inverse, "stance": t.stance,
             "symmetric": t.symmetric, "hard": t.hard, "pm_only": t.pm_only}
            for t in RELATION_TYPES.values()]
    if args.json:
        return print_json(rows)
    for r in rows:
        flags = ", ".join(f for f in ("symmetric" if r["symmetric"] else "",
                                      "hard" if r["hard"] else "",
                                      "hard against the PM" if r["pm_only"] else "") if f)
        print(f"{r['type']:<16} {r['label']:<28} {r['stance']:<10} {flags}")
    print("\nstatus of a relation or event (optional; absent: as the cited source states it)")
    for s in STATUSES.values():
        print(f"{s.name:<16} {s.meaning}")
    return 0


def event_json(e, standing=None) -> dict:
    data = {"id": e.id, "date": e.date.iso, "precision": e.date.precision,
            "display_date": str(e.date), "title": e.title, "summary": e.summary,
            "place": e.place, "participants": list(e.participants), "sources": list(e.sources),
            "status": e.status, "source_note": e.source_note, "after": e.after}
    if standing is not None:
        data["standing_date"] = standing.isoformat()
    return data


@run
def cmd_events(args) -> int:
    from rich.text import Text

    from explorer.core.story import story
    from explorer.core.timeline import current_event

    atlas = load_atlas(args)
    on = date_arg(args, atlas)
    now = current_event(atlas.pack, on)
    st = story(atlas.pack)  # the story order: a month-dated event after what it follows
    if args.json:
        return print_json([dict(event_json(e, d), current=e is now, position=i)
                           for i, (e, d) in enumerate(zip(st.events, st.days, strict=True))])
    out = console()
    for e in st.events:
        mark = "▶ " if e is now else "  "
        status = status_label(e.status)
        out.print(Text.assemble(mark, (f"{str(e.date):>18}", "bold" if e is now else ""),
                                "  ", (e.title, "bold"),
                                (f" [{status}]" if status else "", "yellow"), f" — {e.summary}"))
    return 0


@run
def cmd_diff(args) -> int:
    from rich.text import Text

    from explorer.core.timeline import diff

    atlas = load_atlas(args)
    start = parse_date_text(args.start, "DATE1")
    end = parse_date_text(args.end, "DATE2")
    d = diff(atlas.pack, start, end)
    if args.json:
        return print_json({
            "from": d.start.isoformat(), "to": d.end.isoformat(),
            "relations_started": [relation_json(r) for r in d.relations_started],
            "relations_ended": [relation_json(r) for r in d.relations_ended],
            "blocs_formed": [actor_json(atlas, a) for a in d.actors_appeared],
            "actors_gone": [actor_json(atlas, a) for a in d.actors_gone],
            "events": [event_json(e) for e in d.events],
        })
    out = console()
    out.print(Text(f"From {d.start} to {d.end}:", style="bold"))
    if d.empty:
        out.print("Nothing changed.")
    for title, rels in (("Began", d.relations_started), ("Ended", d.relations_ended)):
        for r in rels:
            out.print(Text.assemble(f"{title}: ", (atlas.actor(r.source).name, "bold"),
                                    f" {r.type} ", (atlas.actor(r.target).name, "bold"),
                                    f" — {r.description} ", (f"[{'; '.join(r.sources)}]", "dim")))
    for a in d.actors_appeared:
        out.print(Text.assemble("Formed: ", (a.name, "bold"), f" — {a.description}"))
    for a in d.actors_gone:
        out.print(Text.assemble("Gone: ", (a.name, "bold")))
    for e in d.events:
        out.print(Text.assemble(f"Event {e.date}: ", (e.title, "bold")))
    return 0


def cmd_tui(args, run=None) -> int:
    """`explorer` with no command: the terminal app (refuses to start on a broken pack). With
    several bundled packs and none chosen yet, the app asks first which one to open; choosing
    another pack there (or later from the palette) opens the app again on it. `run(app)` runs
    each app (default: `app.run()`)."""
    import itertools
    import os

    from explorer.cli.packs import should_ask
    from explorer.core.bulk import kept_for_life, tune_for_an_app
    from explorer.core.bundled import bundled_path

    # A browser tab of `explorer serve` shares the data folder with every other tab: no other
    # student's session is offered back (textual-serve names the web driver), nothing asked.
    served = "web_driver" in os.environ.get("TEXTUAL_DRIVER", "")
    choose = not served and not getattr(args, "content", None) and should_ask()
    tune_for_an_app()  # before anything is built: the app is a long-lived interactive process
    for again in itertools.count():
        with kept_for_life(again=again > 0):
            try:
                atlas = load_atlas(args)
                on = date_arg(args, atlas)
            except CliError as exc:
                return fail(str(exc), exc.status)
            from explorer.tui import css_cache
            from explorer.tui.app import make_app

            app = make_app(atlas=atlas, on=on, sources_dir=args.sources, present=args.present,
                           theme=args.theme, resume=not served, choose_pack=choose)
            css = None if served or run is not None else css_cache.switch_on()
        try:
            app.run() if run is None else run(app)
        finally:
            if css is not None:
                css.save()
        if app.switch_pack is None or bundled_path(app.switch_pack) is None:
            return app.return_code or 0
        args.content, args.date, choose = str(bundled_path(app.switch_pack)), None, False
        app = atlas = css = None  # so that the next start collects this app (kept_for_life)


def add_commands(sub) -> None:
    p = sub.add_parser("check", help="validate a content pack")
    add_common(p)
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("actors", help="list actors")
    add_common(p)
    p.add_argument("--kind", help="only this kind (person, list, ...)")
    p.set_defaults(handler=cmd_actors)

    p = sub.add_parser("relations", help="list relationships")
    add_common(p)
    p.add_argument("--actor", metavar="NAME", help="only this actor's relationships")
    p.add_argument("--type", help="only this relation type")
    p.set_defaults(handler=cmd_relations)

    p = sub.add_parser("show", help="show one actor")
    add_common(p)
    p.add_argument("name", nargs="+", help="id, name or alias")
    add_sources(p, "folder of the cited source texts (shows the cited lines)")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("path", help="shortest chain of relationships between two actors")
    add_common(p)
    p.add_argument("a")
    p.add_argument("b")
    p.set_defaults(handler=cmd_path)

    p = sub.add_parser("types", help="the relationship vocabulary")
    add_common(p)
    p.set_defaults(handler=cmd_types)

    p = sub.add_parser("events", help="the timeline of events")
    add_common(p)
    p.set_defaults(handler=cmd_events)

    p = sub.add_parser("diff", help="what changed between two dates")
    add_common(p, date=False)
    p.add_argument("start", metavar="DATE1")
    p.add_argument("end", metavar="DATE2")
    p.set_defaults(handler=cmd_diff)

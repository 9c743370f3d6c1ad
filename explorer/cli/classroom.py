"""Classroom commands: `explorer serve`, `explorer export graph|coalition`, `explorer lesson`.

`add_commands(sub)` adds their parsers, each naming its handler with `set_defaults`.
"""

from __future__ import annotations

import argparse
import shlex
import sys

from explorer.cli.serve_class import (
    add_class_options,
    class_setup,
    cmd_board,
    configure_board,
    print_class_banner,
)
from explorer.cli.support import (
    CliError,
    add_content,
    add_date,
    add_present,
    add_theme,
    console,
    date_arg,
    load_atlas,
    print_json,
    run,
)

SERVE_MISSING = "textual-serve is not installed: pip install 'kingmaker-explorer[serve]'"
PROJECTOR_FONT = 28


# -- serve ----------------------------------------------------------------------------------------

def configure_serve(p: argparse.ArgumentParser) -> None:
    p.description = ("Serve the app to web browsers with textual-serve: every browser tab runs "
                     "its own copy. Binds 127.0.0.1 (this machine only) unless --host says "
                     "otherwise; for a classroom network use --host 0.0.0.0 --public-url "
                     "http://<this machine's address>:PORT.")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--public-url", metavar="URL",
                   help="the address browsers use, when it differs from http://HOST:PORT")
    p.add_argument("--title", metavar="T", help="browser tab title (default: the pack's title)")
    add_content(p)
    add_date(p, "open the app on this date")
    add_present(p)
    add_theme(p)
    p.add_argument("--lesson", metavar="ID", help="open this lesson (id or title prefix)")
    add_class_options(p)
    p.set_defaults(handler=cmd_serve)


def app_command(args: argparse.Namespace, lesson_id: str | None = None) -> str:
    """The shell command textual-serve runs per browser tab: this interpreter, `-m explorer`."""
    parts = [sys.executable, "-m", "explorer"]
    if lesson_id:
        parts += ["lesson", lesson_id]
        if getattr(args, "step", None):
            parts += ["--step", str(args.step)]
    if getattr(args, "theme", None):
        parts += ["--theme", args.theme]
    # Every tab opens the same pack, fixed when serve starts: --content (a folder or a bundled
    # id), else $EXPLORER_CONTENT, else the bundled pack chosen on this machine. A tab never asks.
    from explorer.core.storage import resolve_pack_dir

    parts += ["--content", str(resolve_pack_dir(args.content).resolve())]
    if args.date and not lesson_id:  # a lesson sets its own dates
        parts += ["--date", args.date]
    if args.present:
        parts.append("--present")
    return " ".join(shlex.quote(p) for p in parts)


def serve_urls(host: str, port: int, public_url: str | None) -> str:
    if public_url:
        return public_url.rstrip("/")
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


@run
def cmd_serve(args: argparse.Namespace) -> int:
    from explorer.tui.serve import ServeUnavailable, server_class

    try:
        server_type = server_class()
    except ServeUnavailable:
        raise CliError(SERVE_MISSING) from None
    atlas = load_atlas(args)  # a broken pack stops here: path:line messages, status 2
    if args.date:
        date_arg(args, atlas)
    lesson = _find_lesson(atlas, args.lesson) if args.lesson else None
    lesson_id = lesson.id if lesson else None
    if not 0 < args.port < 65536:
        raise CliError(f"--port {args.port}: not a port number (1-65535)")
    setup = class_setup(args, atlas, lesson)  # before the warm parent: it inherits the class
    from explorer.tui.warm_start import WarmStart

    warm = WarmStart.begin(app_command(args, lesson_id))  # a warm parent forks every tab's app
    try:
        sock = _bind(args.host, args.port)  # a port in use is reported before any address
    except CliError:
        warm.stop()
        raise
    url = serve_urls(args.host, args.port, args.public_url)
    title = args.title or f"Kingmaker: {atlas.pack.title}"
    out = sys.stdout
    print(f"Kingmaker: {atlas.pack.title}", file=out)
    join_url = print_class_banner(setup, url, args.host, args.port, args.public_url,
                                  qr=not args.no_qr, out=out)
    print(f"Open {join_url}/ in a web browser.", file=out)
    print(f"On a projector: {join_url}/?fontsize={PROJECTOR_FONT} for larger text.", file=out)
    print("Every browser tab runs its own copy of the app. Ctrl+C stops the server.", file=out)
    print(warm.note, file=out)
    out.flush()
    public = args.public_url.rstrip("/") if args.public_url else (
        join_url if join_url != url else None)
    server = server_type(warm.command, host=args.host, port=args.port, title=title,
                         public_url=public, max_sessions=args.max_sessions)
    try:
        server.serve(sock=sock)
    except OSError as exc:
        raise CliError(f"cannot serve on {args.host}:{args.port}: {exc.strerror or exc}") from None
    finally:
        warm.stop()
    return 0


def _bind(host: str, port: int):
    from explorer.tui.serve_http import bind_socket

    try:
        return bind_socket(host, port)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        hint = " (another server is using it: stop it, or pick another --port)" \
            if getattr(exc, "errno", None) in (98, 48, 10048) else ""
        raise CliError(f"cannot serve on {host}:{port}: {reason}{hint}") from None


# -- export ---------------------------------------------------------------------------------------

def configure_export(p: argparse.ArgumentParser) -> None:
    p.set_defaults(handler=cmd_export)
    sub = p.add_subparsers(dest="export_what", metavar="WHAT", required=True)
    g = sub.add_parser("graph", help="the actor graph for Gephi, Graphviz, yEd or a script",
                       description="Write the actors and their relationships on a date: GraphML "
                       "(yEd, Gephi), GEXF (Gephi), DOT (Graphviz) or node-link JSON.")
    g.add_argument("--format", choices=["graphml", "gexf", "dot", "json", "svg", "png"],
                   help="file format (default: from the -o suffix); svg and png are drawn "
                   "by Graphviz when it is installed")
    g.add_argument("--around", metavar="ACTOR",
                   help="only this actor and its neighbourhood (see --depth)")
    g.add_argument("--depth", type=int, default=1, metavar="N",
                   help="with --around: how many links away (default 1)")
    g.add_argument("--kinds", metavar="K,...", help="only actors of these kinds, e.g. person,list")
    g.add_argument("--types", metavar="T,...",
                   help="only relations of these types, e.g. refuses,refuses_pm,backs")
    g.add_argument("--no-places", action="store_true",
                   help="leave out places and the lives-in / based-in links")
    add_date(g)
    add_content(g)
    g.add_argument("-o", "--output", metavar="FILE", default="-",
                   help="where to write ('-' for standard output, the default)")
    from explorer.cli.pictures import configure_picture_exports

    configure_picture_exports(sub)
    c = sub.add_parser("coalition", help="a Markdown report on a coalition",
                       description="A Markdown report a student can hand in: seats, every "
                       "threshold, tensions, feasibility, completions, power, sources.")
    c.add_argument("members", nargs="+", metavar="MEMBER", help="lists, blocs, factions, people")
    c.add_argument("--pm", metavar="PERSON", help="the PM candidate")
    c.add_argument("--give", action="append", default=[], metavar="POST=ACTOR",
                   help="a post of the deal in the report (repeatable)")
    c.add_argument("--promise", action="append", default=[], metavar="POLICY=ACTOR",
                   help="a promise of the deal in the report (repeatable)")
    add_date(c)
    add_content(c)
    c.add_argument("-o", "--output", metavar="FILE", default="-",
                   help="where to write, e.g. report.md ('-' for standard output, the default)")


def _write(output: str, text: str, what: str) -> int:
    from explorer.core.exports import write_text_atomic

    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    try:
        path = write_text_atomic(output, text)
    except OSError as exc:
        raise CliError(f"cannot write {output}: {exc.strerror or exc}") from None
    print(f"Wrote {what} to {path}", file=sys.stderr)
    return 0


@run
def cmd_export(args: argparse.Namespace) -> int:
    if args.export_what == "graph":
        return _export_graph(args)
    if args.export_what in ("hemicycle", "power"):
        from explorer.cli.pictures import export_picture

        return export_picture(args, _write)
    return _export_coalition(args)


def _export_graph(args: argparse.Namespace) -> int:
    from explorer.cli.pictures import graph_selection, write_rendered
    from explorer.core.exports import RENDERED, format_for, graph_text

    try:
        fmt = format_for(args.output, args.format)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    atlas = load_atlas(args)
    on = date_arg(args, atlas)
    selection = graph_selection(args, atlas)
    try:
        text = graph_text(atlas, on, "dot" if fmt in RENDERED else fmt, selection)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if fmt in RENDERED:
        return write_rendered(args.output, text, fmt, on)
    return _write(args.output, text, f"the {fmt.upper()} graph of {on}")


def _export_coalition(args: argparse.Namespace) -> int:
    from explorer.cli.coalition import members_on, table_setup
    from explorer.core.coalition import Coalition, evaluate
    from explorer.core.report import coalition_report

    atlas, on, picture, pm = table_setup(args)
    members = members_on(atlas, args.members, on)
    try:
        ev = evaluate(atlas, picture, Coalition(tuple(members), pm))
    except (LookupError, ValueError) as exc:
        raise CliError(str(exc)) from None
    from explorer.cli.deal import terms_from_args

    terms = terms_from_args(atlas, picture, Coalition(tuple(members), pm), args.give,
                            args.promise)
    text = coalition_report(atlas, picture, members, pm, evaluation=ev, terms=terms)
    return _write(args.output, text, "the coalition report")


# -- lesson ---------------------------------------------------------------------------------------

def configure_lesson(p: argparse.ArgumentParser) -> None:
    p.description = ("Open a lesson in the app: narrated steps, each putting a coalition on the "
                     "table on a date, with questions the engine answers with numbers. "
                     "Progress is remembered; run it again to resume.")
    p.add_argument("name", nargs="?", metavar="NAME", help="lesson id or title prefix")
    p.add_argument("--list", action="store_true", help="list the lessons of the pack")
    p.add_argument("--json", action="store_true",
                   help="print JSON (with --list: the lessons; with NAME: every step and "
                   "the engine's numbers)")
    add_content(p)
    add_present(p)
    add_theme(p)
    p.add_argument("--step", type=int, metavar="N", help="start at step N (1 = the first)")
    p.set_defaults(handler=cmd_lesson)


def _find_lesson(atlas, name: str):
    from explorer.core.lessons import UnknownLesson, find_lesson

    try:
        return find_lesson(atlas.pack, name)
    except UnknownLesson as exc:
        lines = [str(exc)]
        if exc.candidates:
            lines.append("Lessons:")
            lines += [f"  {le.id:<24} {le.title}" for le in exc.candidates]
        raise CliError("\n".join(lines)) from None


@run
def cmd_lesson(args: argparse.Namespace) -> int:
    from explorer.core.lessons import LessonRun, lesson_summary

    atlas = load_atlas(args)
    lessons = list(atlas.pack.lessons.values())
    if args.list or not args.name:
        if args.json:
            return print_json([lesson_summary(le) for le in lessons])
        if not lessons:
            print(f"{atlas.pack.title} has no lessons.")
            return 0 if args.list else 2
        from rich.table import Table

        table = Table("id", "steps", "title", box=None, title=f"Lessons of {atlas.pack.title}",
                      title_justify="left")
        for le in lessons:
            table.add_row(le.id, str(len(le.steps)), le.title)
        console().print(table)
        if not args.list:
            print("Open one with: explorer lesson ID", file=sys.stderr)
            return 2
        return 0
    lesson = _find_lesson(atlas, args.name)
    if not lesson.steps:
        raise CliError(f"lesson {lesson.id!r} has no steps")
    step = None
    if args.step is not None:
        if not 1 <= args.step <= len(lesson.steps):
            raise CliError(f"--step {args.step}: lesson {lesson.id!r} has steps 1 to "
                           f"{len(lesson.steps)}")
        step = args.step - 1
    if args.json:
        lesson_run = LessonRun(atlas, lesson, step=0, resume=False)
        data = lesson_summary(lesson)
        from explorer.core.claims import lesson_verdicts

        data["steps"] = [dict(lesson_run.as_json(i), claims=lesson_verdicts(atlas, lesson_run, i))
                         for i in range(lesson_run.count)]
        return print_json(data)
    return _open_app(atlas, lesson.id, step, args)


def _open_app(atlas, lesson_id: str, step: int | None, args: argparse.Namespace) -> int:
    """Run the terminal app in the lesson."""
    from explorer.tui.app import make_app

    app = make_app(atlas=atlas, present=args.present, theme=args.theme, lesson=lesson_id,
                   lesson_step=step)
    app.run()
    return app.return_code or 0


# -- registration ---------------------------------------------------------------------------------

def add_commands(sub) -> None:
    configure_serve(sub.add_parser("serve", help="serve the app to web browsers (textual-serve)"))
    configure_export(sub.add_parser(
        "export", help="export the graph (GraphML, GEXF, DOT, JSON) or a coalition report"))
    configure_lesson(sub.add_parser("lesson", help="open a lesson (or --list them)"))
    board = sub.add_parser("board", help="a served class's board as Markdown")
    configure_board(board)
    board.set_defaults(handler=run(cmd_board))

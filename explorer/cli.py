"""The `explorer` command: argument parsing and dispatch.

Every query command prints readable text, or JSON with --json (a stable contract for other tools).
Content problems print `path:line: message` lines on stderr and exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

EXIT_USAGE = 2


def _common(p: argparse.ArgumentParser, date: bool = True, json: bool = True) -> None:
    p.add_argument("--content", metavar="DIR", help="content pack folder (default: bundled pack; "
                   "or $EXPLORER_CONTENT)")
    if date:
        p.add_argument("--date", metavar="YYYY-MM-DD", help="stand on this date")
    if json:
        p.add_argument("--json", action="store_true", help="print JSON")


def _top_parser() -> argparse.ArgumentParser:
    """The options of `explorer` itself (the app), without the commands."""
    parser = argparse.ArgumentParser(
        prog="explorer",
        description="Kingmaker: explore the 2010 Iraqi government-formation crisis. "
        "With no command, opens the terminal app.",
    )
    parser.add_argument("--content", metavar="DIR", help="content pack folder")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="open the app on this date")
    parser.add_argument("--sources", metavar="DIR", help="folder of the cited source texts")
    parser.add_argument("--present", action="store_true", help="presentation mode (projector)")
    parser.add_argument("--theme", help="colour theme, e.g. projector")
    parser.add_argument("--version", action="store_true", help="print the version")
    return parser


# Options of the app that take a value, and those that do not (see _opens_the_app).
APP_VALUE_OPTIONS = ("--content", "--date", "--sources", "--theme")
APP_FLAGS = ("--present", "--version")


def build_parser(commands: dict | None = None) -> argparse.ArgumentParser:
    parser = _top_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("check", help="validate a content pack")
    _common(p)

    p = sub.add_parser("actors", help="list actors")
    _common(p)
    p.add_argument("--kind", help="only this kind (person, list, ...)")

    p = sub.add_parser("relations", help="list relationships")
    _common(p)
    p.add_argument("--actor", metavar="NAME", help="only this actor's relationships")
    p.add_argument("--type", help="only this relation type")

    p = sub.add_parser("show", help="show one actor")
    _common(p)
    p.add_argument("name", nargs="+", help="id, name or alias")
    p.add_argument("--sources", metavar="DIR", dest="sources_dir",
                   help="folder of the cited source texts (shows the cited lines)")

    p = sub.add_parser("path", help="shortest chain of relationships between two actors")
    _common(p)
    p.add_argument("a")
    p.add_argument("b")

    p = sub.add_parser("types", help="the relationship vocabulary")
    _common(p)

    p = sub.add_parser("events", help="the timeline of events")
    _common(p)

    p = sub.add_parser("diff", help="what changed between two dates")
    _common(p, date=False)
    p.add_argument("start", metavar="DATE1")
    p.add_argument("end", metavar="DATE2")

    p = sub.add_parser("coalition", help="tally a coalition against the thresholds")
    _common(p)
    p.add_argument("members", nargs="*", metavar="MEMBER", help="lists, blocs, factions, people")
    p.add_argument("--pm", metavar="PERSON", help="the PM candidate")
    p.add_argument("--split", action="append", default=[], metavar="LIST",
                   help="split a list into its factions first")

    p = sub.add_parser("power", help="exact Banzhaf and Shapley-Shubik power indices")
    _common(p)
    p.add_argument("--feasible", action="store_true",
                   help="only coalitions with no hard refusal")
    p.add_argument("--pm", metavar="PERSON", help="PM candidate (for --feasible)")
    p.add_argument("--threshold", default="majority", help="threshold id (default: majority)")
    p.add_argument("--weights", help="a general game: comma-separated weights, e.g. 91,89,70")
    p.add_argument("--quota", type=int, help="quota for --weights")
    p.add_argument("--names", help="comma-separated player names for --weights")
    p.add_argument("--split", action="append", default=[], metavar="LIST",
                   help="split a list into its factions first")

    p = sub.add_parser("minimal", help="minimal winning coalitions (every member needed)")
    _common(p)
    p.add_argument("--feasible", action="store_true", help="only coalitions with no hard refusal")
    p.add_argument("--pm", metavar="PERSON", help="PM candidate (for --feasible)")
    p.add_argument("--threshold", default="majority", help="threshold id (default: majority)")
    p.add_argument("--split", action="append", default=[], metavar="LIST",
                   help="split a list into its factions first")

    for name, (help_text, configure) in (commands or {}).items():
        configure(sub.add_parser(name, help=help_text))
    return parser


EXTRA_MODULES = ("explorer.cli_play", "explorer.cli_classroom")


def _extra_commands() -> tuple[dict, dict[str, Callable[[argparse.Namespace], int]]]:
    """The commands that live in other modules (play, lesson, serve, export) and their handlers."""
    import importlib

    commands: dict = {}
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {}
    for name in EXTRA_MODULES:
        module = importlib.import_module(name)
        module.register(commands)
        handlers.update(module.HANDLERS)
    return commands, handlers


def _opens_the_app(argv: Sequence[str]) -> bool:
    """True when argv is only the app's own options, spelt in full (`explorer --present`).

    Then the commands' parsers (a dozen sub-parsers and two modules) are not built: that is
    about 20 ms of the app's start. Anything else — a command, help, an abbreviated option, a
    typo — goes through the full parser, so its messages are unchanged.
    """
    args = iter(argv)
    for arg in args:
        name, has_value, _ = arg.partition("=")
        if name in APP_FLAGS and not has_value:
            continue
        if name in APP_VALUE_OPTIONS and (has_value or next(args, None) is not None):
            continue
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if _opens_the_app(argv):
        parser, extra_handlers = _top_parser(), {}
    else:
        commands, extra_handlers = _extra_commands()
        parser = build_parser(commands)
    args = parser.parse_args(argv)
    args.command = getattr(args, "command", None)  # the top parser has no commands
    if args.version:
        from explorer import __version__

        print(f"explorer {__version__}")
        return 0
    from explorer import cli_query

    handler = cli_query.handler_for(args.command) or extra_handlers.get(args.command)
    if handler is None:
        parser.error(f"unknown command {args.command!r}")
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())

"""The `explorer` command: argument parsing and dispatch.

Every query command prints readable text, or JSON with --json (a stable contract for other tools).
Content problems print `path:line: message` lines on stderr and exit with status 2.

Adding a command: in one of COMMAND_MODULES (or a new module listed there), write an
`add_commands(sub)` that adds its sub-parser(s) with the shared options of `support`
(`add_common`, `add_content`, `add_date`, ...) and names its handler with
`p.set_defaults(handler=cmd_x)`. A handler takes the parsed arguments and returns the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# The modules whose `add_commands(sub)` add the commands, in the order `--help` lists them.
COMMAND_MODULES = ("query", "coalition", "deal", "play", "classroom")

# Options of `explorer` itself that a command may also take: typed before the command they apply
# to it (`explorer --content DIR check`); a command that has no such option refuses them.
SHARED_WITH_COMMANDS = ("content", "date", "sources", "present", "theme")


def _top_parser(add_help: bool = True, exit_on_error: bool = True) -> argparse.ArgumentParser:
    """The options of `explorer` itself (the app). The full parser adds the commands to it."""
    parser = argparse.ArgumentParser(
        prog="explorer",
        description="Kingmaker: explore a government-formation crisis from a content pack. "
        "With no command, opens the terminal app.",
        add_help=add_help, exit_on_error=exit_on_error,
    )
    parser.add_argument("--content", metavar="DIR", help="content pack folder (also before a "
                        "command: explorer --content DIR check)")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="open the app (or run the command) "
                        "on this date")
    parser.add_argument("--sources", metavar="DIR", help="folder of the cited source texts")
    parser.add_argument("--present", action="store_true", help="presentation mode (projector)")
    parser.add_argument("--theme", help="colour theme, e.g. projector")
    parser.add_argument("--version", action="store_true", help="print the version")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _top_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"explorer.cli.{name}").add_commands(sub)
    return parser


def _app_options_only(argv: Sequence[str]) -> argparse.Namespace | None:
    """The parsed options when argv holds only the app's own options, else None.

    Then the commands' parsers (a dozen sub-parsers and their modules) are not built: about
    20 ms of the app's start. It is the same top parser the full one starts from, without -h:
    anything it does not take whole — a command, help, an unknown option, a missing value —
    goes through the full parser, so every message is the full parser's.
    """
    try:
        args, rest = _top_parser(add_help=False, exit_on_error=False).parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    return None if rest else args


def _command_parser(parser: argparse.ArgumentParser, args: argparse.Namespace):
    """The (sub-)parser of the command that was typed, following nested commands."""
    found = parser
    while True:
        subs = [a for a in found._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs or getattr(args, subs[0].dest, None) is None:
            return found
        found = subs[0].choices[getattr(args, subs[0].dest)]


def _check_shared_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """A top-level option typed before a command that does not take it is refused."""
    if args.command is None:
        return
    command = _command_parser(parser, args)
    takes = {a.dest for a in command._actions}
    for dest in SHARED_WITH_COMMANDS:
        if getattr(args, dest, None) and dest not in takes:
            parser.error(f"--{dest} does not apply to `explorer {args.command}`")


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _app_options_only(argv)
    if args is None:
        parser = build_parser()
        args = parser.parse_args(argv)
        _check_shared_options(parser, args)
    else:
        args.command = None
    if args.version:
        from explorer import __version__

        print(f"explorer {__version__}")
        return 0
    handler = getattr(args, "handler", None)
    if handler is None:
        from explorer.cli.query import cmd_tui as handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())

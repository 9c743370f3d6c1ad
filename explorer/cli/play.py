"""`explorer play`: the text adventure on stdin/stdout, or a script of commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from explorer.cli.support import (
    CliError,
    add_content,
    add_date,
    add_sources,
    date_arg,
    load_atlas,
    resolve,
    run,
)


def add_commands(sub) -> None:
    p = sub.add_parser("play", help="play the text adventure (a REPL, or --script FILE)")
    add_content(p)
    add_date(p, "stand on this date (free play)")
    p.add_argument("--challenge", metavar="ID", help="play a challenge of the pack")
    p.add_argument("--role", metavar="ACTOR", help="play as this actor's envoy")
    p.add_argument("--script", metavar="FILE",
                   help="run the commands in FILE (one a line; '#' comments) and print the "
                        "transcript")
    add_sources(p, "folder of the cited source texts ('why' quotes them)")
    p.set_defaults(handler=cmd_play)


def make_engine(args: argparse.Namespace):
    from explorer.adventure import Engine

    atlas = load_atlas(args)
    challenge = getattr(args, "challenge", None)
    if challenge and challenge not in atlas.pack.challenges:
        known = ", ".join(atlas.pack.challenges) or "none"
        raise CliError(f"--challenge: no challenge {challenge!r} in this pack "
                       f"(challenges: {known})")
    on = date_arg(args, atlas) if getattr(args, "date", None) else None
    role = resolve(atlas, args.role).id if getattr(args, "role", None) else None
    return Engine(atlas, on=on, role=role, challenge=challenge,
                  sources_dir=getattr(args, "sources", None))


SCRIPT_LIMIT = 1_000_000  # bytes: a script is commands typed by hand, not a data file
LINE_LIMIT = 2_000  # characters in one command


def script_lines(path: str) -> list[str]:
    """The commands of a script file (a regular file, within the limits), comments dropped."""
    from explorer.core.safe_files import UnsafeFile, read_regular
    from explorer.core.safe_text import clean

    try:
        raw = read_regular(path, SCRIPT_LIMIT, "script")
    except FileNotFoundError:
        raise CliError(f"--script: cannot read {path}: there is no such file") from None
    except UnsafeFile as exc:
        raise CliError(f"--script: {exc}") from None
    text = raw.decode("utf-8", errors="replace").removeprefix("\ufeff")
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > LINE_LIMIT:
            raise CliError(f"--script: {path}:{number}: the line is longer than {LINE_LIMIT:,} "
                           "characters; one command a line")
        line = clean(line).strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def play_script(engine, lines: list[str], out=None, err=None) -> int:
    """Run the commands; 0, or 1 when a 'restore' fails (the rest would play another game)."""
    out, err = out or sys.stdout, err or sys.stderr
    out.write(engine.intro() + "\n")
    for line in lines:
        engine.restore_error = None
        out.write(f"\n> {line}\n{engine.handle(line)}\n")
        if engine.restore_error:
            out.flush()
            err.write(f"explorer: play --script stopped at {line!r}: {engine.restore_error}\n")
            return 1
        if engine.finished:
            break
    out.flush()
    return 0


def _history_file() -> Path | None:
    from explorer.adventure.saves import data_dir

    return data_dir() / "play_history"


def repl(engine, stdin=None, out=None) -> int:
    from explorer.core.safe_text import clean

    stdin = stdin or sys.stdin
    out = out or sys.stdout
    interactive = stdin.isatty()
    readline = None
    history = _history_file()
    if interactive:
        try:
            import readline  # noqa: F401 - line editing and history for input()
        except ImportError:
            readline = None
        if readline is not None and history is not None:
            try:
                readline.read_history_file(history)
            except OSError:
                pass
    out.write(engine.intro() + "\n")
    try:
        while not engine.finished:
            out.write("\n")
            try:
                if interactive:
                    line = input("> ")
                else:
                    out.write("> ")
                    out.flush()
                    line = stdin.readline(LINE_LIMIT + 1)
                    if not line:
                        raise EOFError
                    if len(line) > LINE_LIMIT and not line.endswith("\n"):
                        out.write(f"\nThat line is longer than {LINE_LIMIT:,} characters: "
                                  "stopping here.\n")
                        break
                    line = clean(line.rstrip("\n"))
                    out.write(line + "\n")
            except EOFError:
                out.write("\n")
                break
            out.write(engine.handle(line) + "\n")
            out.flush()
    finally:
        if readline is not None and history is not None:
            try:
                history.parent.mkdir(parents=True, exist_ok=True)
                readline.set_history_length(1000)
                readline.write_history_file(history)
            except OSError:
                pass
    return 0


@run
def cmd_play(args: argparse.Namespace) -> int:
    lines = script_lines(args.script) if args.script else None
    engine = make_engine(args)
    if lines is not None:
        return play_script(engine, lines)
    return repl(engine)


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


def script_lines(path: str) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise CliError(f"--script: cannot read {path}: {exc.strerror or exc}") from None
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.strip().startswith("#")]


def play_script(engine, lines: list[str], out=None) -> int:
    out = out or sys.stdout
    out.write(engine.intro() + "\n")
    for line in lines:
        out.write(f"\n> {line}\n{engine.handle(line)}\n")
        if engine.finished:
            break
    out.flush()
    return 0


def _history_file() -> Path | None:
    from explorer.adventure.saves import data_dir

    return data_dir() / "play_history"


def repl(engine, stdin=None, out=None) -> int:
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
                    line = stdin.readline()
                    if not line:
                        raise EOFError
                    line = line.rstrip("\n")
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


"""Shared helpers of the CLI commands: loading, dates, names, output."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date


class CliError(Exception):
    """A user-facing error: printed on stderr, exit status 2."""

    def __init__(self, message: str, status: int = 2):
        super().__init__(message)
        self.status = status


def fail(message: str, status: int = 2) -> int:
    print(message, file=sys.stderr)
    return status


def load_atlas(args: argparse.Namespace, cached: bool = True):
    """Load and validate the pack named by --content (or the bundled one).

    `cached`: read the pack cache while no pack file has changed (see core/pack_cache.py);
    `explorer check` passes False so that it always parses and checks every file.
    """
    from explorer.core.graph import Atlas
    from explorer.core.problems import PackError

    if cached:
        from explorer.core.pack_cache import load_pack_cached as load_pack
    else:
        from explorer.core.loader import load_pack
    try:
        pack = load_pack(getattr(args, "content", None))
    except PackError as exc:
        raise CliError(exc.report()) from None
    return Atlas(pack)


def date_arg(args: argparse.Namespace, atlas, name: str = "date") -> date:
    from explorer.core.dates import parse_day

    text = getattr(args, name, None)
    if not text:
        return atlas.pack.default_date
    try:
        return parse_day(text)
    except ValueError as exc:
        raise CliError(f"--{name}: {exc}") from None


def parse_date_text(text: str, what: str) -> date:
    from explorer.core.dates import parse_day

    try:
        return parse_day(text)
    except ValueError as exc:
        raise CliError(f"{what}: {exc}") from None


def resolve(atlas, query: str):
    from explorer.core.names import NameError_

    try:
        return atlas.resolve(query, prefixes=False)
    except NameError_ as exc:
        lines = [str(exc)]
        if exc.candidates:
            lines.append("Candidates: " + ", ".join(f"{a.name} ({a.id})" for a in exc.candidates))
        raise CliError("\n".join(lines)) from None


def print_json(data) -> int:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return 0


def console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def citation_text(source: str, sources_dir=None) -> str:
    """The cited seed line itself when the source texts are at hand, else the citation."""
    from explorer.core.sources import quote

    quoted = quote(source, sources_dir, limit=240) if sources_dir else None
    return f"{source}: “{quoted}”" if quoted else source


def run(handler):
    """Wrap a handler so CliError becomes a message and an exit status."""

    def wrapped(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except CliError as exc:
            return fail(str(exc), exc.status)

    wrapped.__name__ = handler.__name__
    return wrapped


# -- options shared by the commands ----------------------------------------------------------------
# `--content` and `--date` may also be typed before the command (`explorer --content DIR check`):
# the top parser keeps them, and a command's own copy has no default (SUPPRESS) so that it
# overrides the top-level value only when it is typed after the command.

def add_content(p: argparse.ArgumentParser) -> None:
    p.add_argument("--content", metavar="DIR", default=argparse.SUPPRESS,
                   help="content pack folder (default: the bundled pack; or $EXPLORER_CONTENT)")


def add_date(p: argparse.ArgumentParser, what: str = "stand on this date") -> None:
    p.add_argument("--date", metavar="YYYY-MM-DD", default=argparse.SUPPRESS, help=what)


def add_sources(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--sources", metavar="DIR", default=argparse.SUPPRESS, help=what)


def add_present(p: argparse.ArgumentParser) -> None:
    p.add_argument("--present", action="store_true", default=argparse.SUPPRESS,
                   help="presentation mode (projector)")


def add_theme(p: argparse.ArgumentParser) -> None:
    p.add_argument("--theme", default=argparse.SUPPRESS, help="colour theme, e.g. projector")


def add_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON")


def add_common(p: argparse.ArgumentParser, date: bool = True, json: bool = True) -> None:
    """--content, and --date and --json unless told otherwise."""
    add_content(p)
    if date:
        add_date(p)
    if json:
        add_json(p)

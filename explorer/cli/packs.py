"""Choosing among the bundled packs: `explorer packs` and the question the app asks first.

With several bundled packs and no choice remembered yet, `explorer` (the app, on a terminal)
asks which one to open (tui/pack_chooser.py) and remembers the answer in the data folder; every
command without --content then uses it too. `explorer packs` lists the packs, `explorer packs
--use ID` changes the choice, `--forget` makes the app ask again, and the palette's 'Open another
content pack' switches in the app. Without a terminal (a script, a test, `serve`) nothing is
asked and the default pack opens.
"""

from __future__ import annotations

import os
import sys

from explorer.cli.support import CliError, add_json, print_json, run


def _rows() -> list[dict]:
    from explorer.core import bundled

    chosen = bundled.remembered()
    return [{"id": pid, "title": bundled.bundled_title(pid),
             "path": str(bundled.bundled_path(pid)), "chosen": pid == chosen,
             "default": pid == bundled.DEFAULT_ID} for pid in bundled.bundled_ids()]


@run
def cmd_packs(args) -> int:
    from explorer.core import bundled
    from explorer.core.safe_text import clean

    if args.use:
        if bundled.bundled_path(args.use) is None:
            known = ", ".join(bundled.bundled_ids())
            raise CliError(f"--use: no bundled pack {args.use!r} (bundled: {known})")
        bundled.remember(args.use)
    elif args.forget:
        try:
            bundled._choice_file().unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise CliError(f"--forget: {exc.strerror or exc}") from None
    rows = _rows()
    if args.json:
        return print_json(rows)
    width = max((len(r["id"]) for r in rows), default=0)
    for r in rows:
        mark = "*" if r["chosen"] else " "
        note = "  (the default)" if r["default"] and not any(x["chosen"] for x in rows) else ""
        print(f"{mark} {r['id']:<{width}}  {clean(r['title'])}{note}")
    if any(r["chosen"] for r in rows):
        print("* opens when no --content is given; `explorer packs --forget` asks again.")
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("packs", help="the bundled content packs, and which one opens")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--use", metavar="ID", help="open this bundled pack from now on")
    group.add_argument("--forget", action="store_true",
                       help="forget the choice: the app asks again")
    add_json(p)
    p.set_defaults(handler=cmd_packs)


def should_ask(stdin=None, out=None) -> bool:
    """True when the app should ask first which bundled pack to open: several are bundled, none
    is remembered, no pack is named by $EXPLORER_CONTENT, and there is a terminal to ask on
    (a script, a pipe or a test opens the default pack and remembers nothing)."""
    from explorer.core import bundled
    from explorer.core.storage import ENV_VAR

    stdin, out = stdin or sys.stdin, out or sys.stdout
    if os.environ.get(ENV_VAR) or not bundled.needs_choice():
        return False
    try:
        return stdin.isatty() and out.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False

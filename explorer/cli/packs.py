"""Choosing among the bundled packs: `explorer packs` and the question the app asks first.

With several bundled packs and no choice remembered yet, `explorer` (the app, on a terminal)
asks which one to open and remembers the answer in the data folder; every command without
--content then uses it too. `explorer packs` lists the packs, `explorer packs --use ID` changes
the choice, `--forget` makes the app ask again. Without a terminal (a script, a test, `serve`)
nothing is asked and the default pack opens.
"""

from __future__ import annotations

import os
import sys

from explorer.cli.support import CliError, add_json, print_json, run

ASK_LIMIT = 3  # wrong answers before the default pack opens anyway


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


def ask_for_pack(stdin=None, out=None) -> str | None:
    """Ask on the terminal which bundled pack to open; remember and return its id.

    Returns None (open the default, remember nothing) when nothing should be asked: a pack is
    named, one is remembered, only one is bundled, or there is no terminal to ask on."""
    from explorer.core import bundled
    from explorer.core.safe_text import clean
    from explorer.core.storage import ENV_VAR

    stdin, out = stdin or sys.stdin, out or sys.stdout
    if os.environ.get(ENV_VAR) or not bundled.needs_choice():
        return None
    if not (stdin.isatty() and out.isatty()):
        return None
    ids = bundled.bundled_ids()
    default = ids.index(bundled.DEFAULT_ID) + 1 if bundled.DEFAULT_ID in ids else 1
    out.write(f"Kingmaker comes with {len(ids)} content packs:\n")
    for i, pid in enumerate(ids, 1):
        out.write(f"  {i}. {clean(bundled.bundled_title(pid))}  ({pid})\n")
    for _ in range(ASK_LIMIT):
        out.write(f"Which one shall I open? [1-{len(ids)}, Enter for {default}] ")
        out.flush()
        try:
            answer = stdin.readline(200)
        except (KeyboardInterrupt, EOFError):
            answer = ""
        if not answer:  # end of input: open the default, ask again next time
            out.write("\n")
            return None
        answer = answer.strip()
        if not answer:
            choice = ids[default - 1]
        elif answer.isdigit() and 1 <= int(answer) <= len(ids):
            choice = ids[int(answer) - 1]
        elif answer in ids:
            choice = answer
        else:
            out.write(f"Please type a number from 1 to {len(ids)}.\n")
            continue
        bundled.remember(choice)
        out.write(f"Opening {choice}; `explorer packs --use ID` changes this later.\n")
        return choice
    return None

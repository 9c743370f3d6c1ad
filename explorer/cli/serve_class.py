"""The classroom side of `explorer serve`: the class folder, the codes, the banner, the QR code.

`add_class_options(p)` adds the options; `class_setup(args, atlas, lesson)` checks them, opens
the class database (a folder that cannot be written stops here) and puts what every served
session needs in the environment its process inherits (`explorer.tui.class_session` reads it);
`print_class_banner` tells the teacher the codes and the address (with a QR code when `segno`
is installed: `pip install 'kingmaker-explorer[serve]'`).
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from explorer.cli.support import CliError

LOOPBACK = ("127.0.0.1", "localhost", "::1")
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def add_class_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--class-dir", metavar="DIR",
                   help="the class folder: one folder per student or group, and the class "
                   "database (default: classes/LESSON-DATE in the data folder)")
    p.add_argument("--code", metavar="CODE",
                   help="the class code students type to join (required beyond this machine: "
                   "made up and printed when not given)")
    p.add_argument("--teacher-code", metavar="CODE",
                   help="the code that opens a teacher's session (made up and printed when "
                   "not given)")
    p.add_argument("--follow", action="store_true",
                   help="students' lesson screens follow the teacher's step")
    p.add_argument("--max-sessions", type=int, metavar="N",
                   help="refuse more browser tabs than this (default: sized to this machine)")
    p.add_argument("--step", type=int, metavar="N", help="open the lesson at step N")
    p.add_argument("--no-qr", action="store_true", help="do not print the QR code")


def make_code(n: int = 6) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(n))


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")


def lan_address() -> str | None:
    """This machine's address on the local network (no packet is sent to find it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 9))  # UDP connect only picks a route
            address = probe.getsockname()[0]
        except OSError:
            address = None
    if address and not address.startswith("127."):
        return address
    try:
        address = socket.gethostbyname(socket.gethostname())
    except OSError:
        return None
    return None if address.startswith("127.") else address


@dataclass
class ClassSetup:
    folder: Path
    code: str
    teacher_code: str
    follow: bool
    notice: str | None


def _check_code(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value or len(value) > 40 or not value.isprintable() or " " in value:
        raise CliError(f"{what}: a code is one word of up to 40 characters")
    return value


def class_setup(args: argparse.Namespace, atlas, lesson) -> ClassSetup:
    """Check the class options, open the class database, export the session environment."""
    from explorer.core.classroom import ClassError, ClassStore
    from explorer.core.storage import data_dir

    if args.step is not None:
        if lesson is None:
            raise CliError("--step N needs --lesson: it is a step of a lesson")
        if not 1 <= args.step <= len(lesson.steps):
            raise CliError(f"--step {args.step}: lesson {lesson.id!r} has steps 1 to "
                           f"{len(lesson.steps)}")
    if args.max_sessions is not None and args.max_sessions < 1:
        raise CliError(f"--max-sessions {args.max_sessions}: at least one session")
    code = _check_code(args.code, "--code")
    if code is None and not is_loopback(args.host):
        code = make_code()  # beyond this machine, nobody joins without the code
    teacher = _check_code(args.teacher_code, "--teacher-code") or make_code(8)
    if code and teacher == code:
        raise CliError("--teacher-code must differ from the class code")
    if args.class_dir:
        folder = Path(args.class_dir).expanduser().resolve()
    else:
        name = f"{lesson.id if lesson else 'explore'}-{date.today().isoformat()}"
        folder = (data_dir() / "classes" / name).resolve()
    try:
        store = ClassStore(folder)
    except ClassError as exc:
        raise CliError(str(exc)) from None
    if not os.access(folder, os.W_OK):
        raise CliError(f"The class folder {folder} is not writable.")
    notice = store.notice
    store.set_follow(bool(args.follow))
    store.close()
    os.environ.update({
        "EXPLORER_CLASS_DIR": str(folder),
        "EXPLORER_CLASS_CODE": code or "",
        "EXPLORER_TEACHER_CODE": teacher,
        "EXPLORER_CLASS_LESSON": lesson.id if lesson else "",
    })
    return ClassSetup(folder, code or "", teacher, bool(args.follow), notice)


def print_class_banner(setup: ClassSetup, url: str, host: str, port: int, public_url: str | None,
                       qr: bool = True, out=None) -> str:
    """Tell the teacher how students join; returns the address students should open."""
    out = out or sys.stdout
    join_url = url
    if not is_loopback(host) and not public_url and host in ("0.0.0.0", "::", ""):
        lan = lan_address()
        if lan:
            join_url = f"http://{lan}:{port}"
    print(f"Class folder: {setup.folder}", file=out)
    if setup.notice:
        print(f"Note: {setup.notice}", file=out)
    if setup.code:
        print(f"Class code: {setup.code}   (students type it with their name)", file=out)
    else:
        print("Class code: none (this machine only; students type just their name)", file=out)
    print(f"Teacher code: {setup.teacher_code}   (type it instead of the class code to lead "
          "the class and see the board)", file=out)
    if setup.follow:
        print("Follow mode: students' lesson screens follow the teacher's step.", file=out)
    if join_url != url:
        print(f"Students join at {join_url}/", file=out)
    if qr and not is_loopback(host):
        _print_qr(f"{join_url}/", out)
    return join_url


def _print_qr(url: str, out) -> None:
    try:
        import segno
    except ImportError:
        print("(For a QR code of this address: pip install segno)", file=out)
        return
    print(f"Scan to join ({url}):", file=out)
    segno.make(url, error="m").terminal(out=out, compact=True)


# -- explorer board ---------------------------------------------------------------------------

def configure_board(p: argparse.ArgumentParser) -> None:
    from explorer.cli.support import add_content

    p.description = ("The class board from the class folder, as Markdown: every group's latest "
                     "hand-in, seats against the thresholds, feasible or not, the PM, member "
                     "power, and the tally. Works while `explorer serve` runs or after.")
    p.add_argument("--class-dir", metavar="DIR", required=True, help="the class folder")
    p.add_argument("--lesson", metavar="ID", help="only this lesson's hand-ins")
    add_content(p)
    p.add_argument("-o", "--output", metavar="FILE", default="-",
                   help="where to write ('-' for standard output, the default)")


def cmd_board(args: argparse.Namespace) -> int:
    from explorer.cli.support import load_atlas
    from explorer.core.class_board import board, board_markdown, latest_per_group
    from explorer.core.classroom import ClassError, ClassStore

    folder = Path(args.class_dir).expanduser()
    if not (folder / "class.sqlite3").exists():
        raise CliError(f"{folder} is not a class folder (no class.sqlite3 in it)")
    atlas = load_atlas(args)
    try:
        store = ClassStore(folder)
    except ClassError as exc:
        raise CliError(str(exc)) from None
    if store.notice:
        print(f"Note: {store.notice}", file=sys.stderr)
    subs = latest_per_group(store.submissions(args.lesson))
    store.close()
    lesson = atlas.pack.lessons.get(args.lesson) if args.lesson else None
    text = board_markdown(board(atlas, subs), atlas.pack.title, lesson.title if lesson else None)
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    from explorer.core.exports import write_text_atomic

    try:
        path = write_text_atomic(args.output, text)
    except OSError as exc:
        raise CliError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"Wrote the class board to {path}", file=sys.stderr)
    return 0

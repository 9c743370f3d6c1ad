"""The packs that come with Kingmaker, and which one the user chose.

Bundled packs are the folders with a pack.toml under `content/` (in a checkout) or
`explorer/content/` (in an installed package). `--content` takes a folder or a bundled pack's id
(`--content belgium-2010`). With no `--content` and no $EXPLORER_CONTENT, Kingmaker opens the
pack the user chose last (remembered in the data folder, file `pack`), else the default pack.
The app asks which pack to open when there are several and nothing is remembered yet.
"""

from __future__ import annotations

import re
from pathlib import Path

DEFAULT_ID = "iraq-2010"
CHOICE_FILE = "pack"
_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,63}$")


def content_root() -> Path:
    here = Path(__file__).resolve().parent.parent  # the explorer package
    for candidate in (here.parent / "content", here / "content"):
        if (candidate / DEFAULT_ID / "pack.toml").is_file():
            return candidate
    return here / "content"


def bundled_ids() -> list[str]:
    root = content_root()
    try:
        return sorted(p.name for p in root.iterdir() if (p / "pack.toml").is_file())
    except OSError:
        return []


def bundled_path(pack_id: str) -> Path | None:
    """The folder of the bundled pack of that id, or None."""
    if not _ID.match(pack_id):
        return None
    path = content_root() / pack_id
    return path if (path / "pack.toml").is_file() else None


def bundled_title(pack_id: str) -> str:
    """The pack's title, read from its pack.toml without loading it (`explorer packs`)."""
    return pack_summary(pack_id)["title"]


def _choice_file() -> Path:
    from explorer.core.storage import data_dir

    return data_dir() / CHOICE_FILE


def remembered() -> str | None:
    """The bundled pack the user chose last, if it is still bundled."""
    try:
        text = _choice_file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text if bundled_path(text) is not None else None


def remember(pack_id: str) -> None:
    from explorer.core.storage import write_atomic

    if bundled_path(pack_id) is None:
        raise ValueError(f"no bundled pack {pack_id!r}")
    try:
        write_atomic(_choice_file(), (pack_id + "\n").encode("utf-8"))
    except OSError:
        pass  # not remembered this time; the pack opens all the same


def default_dir() -> Path:
    """The pack to open when nothing names one: the remembered choice, else the default."""
    chosen = remembered()
    return content_root() / (chosen or DEFAULT_ID)


def needs_choice() -> bool:
    """True when several packs are bundled and the user has not chosen one yet."""
    return len(bundled_ids()) > 1 and remembered() is None


def pack_summary(pack_id: str) -> dict:
    """What the pack chooser shows of a bundled pack, read from its pack.toml alone (no actor
    file is read): title, seats, dates and the description's first sentence. Missing or broken
    fields are left empty; the chooser never fails on them."""
    import tomllib

    out = {"id": pack_id, "title": pack_id, "seats": None, "start": None, "end": None,
           "opens": None, "about": ""}
    path = bundled_path(pack_id)
    try:
        with open(path / "pack.toml", "rb") as fh:  # type: ignore[operator]
            head = tomllib.load(fh).get("pack", {})
    except (OSError, TypeError, ValueError):
        return out
    if not isinstance(head, dict):
        return out
    if isinstance(head.get("title"), str) and head["title"].strip():
        out["title"] = head["title"].strip()
    seats = head.get("parliament_size")
    if isinstance(seats, int) and not isinstance(seats, bool) and seats > 0:
        out["seats"] = seats
    for key, field in (("start", "start_date"), ("end", "end_date"), ("opens", "default_date")):
        out[key] = _day(head.get(field))
    about = head.get("description")
    if isinstance(about, str):
        out["about"] = first_sentence(" ".join(about.split()))
    return out


def first_sentence(text: str, limit: int = 160) -> str:
    """The first sentence of a text (a full stop followed by a space and a capital or a digit),
    cut at a word near `limit` characters."""
    m = re.search(r"[.!?](?=\s+[A-Z0-9\"'‘“(]|\s*$)", text)
    sentence = text[: m.end()] if m else text
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return sentence


def _day(value):
    """A date from a pack.toml field (a quoted "YYYY-MM-DD" or a TOML date), else None."""
    from explorer.core.dates import parse_day

    if hasattr(value, "hour"):  # a TOML date-time is not a day
        return None
    try:
        return parse_day(value)
    except ValueError:
        return None

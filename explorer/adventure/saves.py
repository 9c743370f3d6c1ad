"""Saved games and transcripts in the user's data directory.

A save is a small versioned JSON file written atomically (a temporary file in the same folder,
flushed and fsynced, then `os.replace`), so a crash mid-save leaves the previous save intact. A
file that cannot be read is reported and left exactly as it is.
"""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

from explorer.core.storage import data_dir, write_atomic

FORMAT = "kingmaker-save"
VERSION = 1
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
SAVE_LIMIT = 1_000_000  # bytes: a save is a few kilobytes; anything larger is not one
# names other systems reserve for devices, with or without an extension (`aux.txt`)
RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                      *(f"lpt{i}" for i in range(10))})


class SaveError(Exception):
    """A message for the player: no such save, a bad name, a damaged file ..."""


def saves_dir() -> Path:
    return data_dir() / "saves"


def check_name(name: str) -> str:
    name = name.strip()
    if name.lower().endswith(".json"):
        name = name[:-5]
    if not _NAME.match(name) or ".." in name:
        raise SaveError(
            "A save name is one word of letters, digits, '-', '_' or '.', up to 64 characters "
            "(no slashes): for example 'save monday' or 'save monday-2'.")
    if name.split(".")[0].lower() in RESERVED:
        raise SaveError(f"{name!r} cannot be a save name: other systems keep it for a device. "
                        "Choose another name, for example 'save monday'.")
    return name


def _case_twin(name: str) -> str | None:
    """An existing save whose name differs from name only in case (they collide elsewhere)."""
    folder = saves_dir()
    if not folder.is_dir():
        return None
    for p in folder.glob("*.json"):
        if p.stem != name and p.stem.lower() == name.lower():
            return p.stem
    return None


def _read(path: Path) -> bytes:
    from explorer.core.safe_files import UnsafeFile, read_regular

    try:
        return read_regular(path, SAVE_LIMIT, "save")
    except UnsafeFile as exc:
        raise SaveError(f"That save cannot be read: {exc}.") from None


def save_path(name: str) -> Path:
    return saves_dir() / f"{check_name(name)}.json"


def parse(raw: bytes, pack_id: str | None) -> dict:
    """The state in a save file's bytes, or SaveError saying what is wrong."""
    if not raw.strip():
        raise SaveError("That save is damaged: the file is empty.")
    try:
        data = json.loads(raw.decode("utf-8-sig"))  # a byte-order mark an editor added is fine
    except UnicodeDecodeError as exc:
        raise SaveError(_not_utf8(raw, exc)) from None
    except json.JSONDecodeError as exc:
        raise SaveError(f"That save is damaged: it is not valid JSON ({exc.msg} at line "
                        f"{exc.lineno}, column {exc.colno}); it may have been cut short.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SaveError("That save is damaged: it is not a Kingmaker save file "
                        f"(expected \"format\": \"{FORMAT}\").")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError("That save is damaged: its format version is missing or not a number.")
    if version > VERSION:
        raise SaveError(f"That save is damaged or too new: it was written in save format version "
                        f"{version}, and this Kingmaker reads version {VERSION}. Update Kingmaker "
                        "to restore it.")
    if version < 1:
        raise SaveError(f"That save is damaged: unknown save format version {version}.")
    if pack_id is not None and data.get("pack") != pack_id:
        raise SaveError(f"That save belongs to the content pack {data.get('pack')!r}, not to "
                        f"{pack_id!r}. Play it with --content pointing at that pack.")
    return data


def _not_utf8(raw: bytes, exc: UnicodeDecodeError) -> str:
    """Why bytes are not a UTF-8 save, in one line: UTF-16 or UTF-32 from an editor, other
    text (the first bad byte and where), or not text at all."""
    again = "open it in an editor and save it again as UTF-8"
    for marks, name in (((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE), "UTF-32"),
                        ((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), "UTF-16")):
        if raw.startswith(marks):
            return f"That save is damaged: it is {name} text, not UTF-8; {again}."
    if raw[:2] in (b"{\x00", b"\x00{"):  # UTF-16 without a byte-order mark
        return f"That save is damaged: it is UTF-16 text, not UTF-8; {again}."
    if b"\x00" in raw[:4096]:
        return "That save is damaged: it is not text (it holds NUL bytes)."
    return (f"That save is damaged: it is not UTF-8 text (byte 0x{raw[exc.start]:02X} at "
            f"position {exc.start + 1}); {again}.")


def write_save(name: str, state: dict, pack_id: str) -> Path:
    path = save_path(name)
    twin = _case_twin(check_name(name))
    if twin is not None:
        raise SaveError(f"There is already a save called {twin!r}; names that differ only in "
                        f"case are the same file on other systems. Save as {twin!r} to replace "
                        "it, or choose another name.")
    if path.exists():
        try:
            parse(_read(path), None)
        except SaveError:
            raise SaveError(f"There is already a save called {check_name(name)!r} that cannot be "
                            "read; it is kept as it is. Save under another name.") from None
        except OSError as exc:
            raise SaveError(f"Cannot read the old save {path}: {exc.strerror}.") from None
    payload = {"format": FORMAT, "version": VERSION, "pack": pack_id, **state}
    data = json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise SaveError(f"Could not save to {path}: {exc.strerror or exc}.") from None
    return path


def read_save(name: str, pack_id: str | None) -> dict:
    path = save_path(name)
    try:
        raw = _read(path)
    except FileNotFoundError:
        known = list_saves()
        hint = f" Saves: {', '.join(known)}." if known else " There are no saves yet."
        raise SaveError(f"There is no save called {check_name(name)!r}.{hint}") from None
    except OSError as exc:
        raise SaveError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    return parse(raw, pack_id)


def list_saves() -> list[str]:
    from explorer.core.safe_files import clean_stale_temps

    folder = saves_dir()
    if not folder.is_dir():
        return []
    clean_stale_temps(folder)
    return sorted(p.stem for p in folder.glob("*.json") if not p.name.startswith("."))


def transcripts_dir() -> Path:
    return data_dir() / "transcripts"


def check_state(data: dict, pack) -> None:
    """SaveError for what a save holds that this pack cannot stand on (checked before restoring):
    a date outside the pack, a PM candidate who is not a person, a history that is not commands."""
    from explorer.core.dates import parse_day

    def bad(why: str) -> SaveError:
        return SaveError(f"That save is damaged: {why}.")

    when = data.get("date")
    if when is not None:
        try:
            day = parse_day(when) if isinstance(when, str) else None
        except ValueError:
            day = None
        if day is None:
            raise bad("its date is not a date")
        if (pack.start_date and day < pack.start_date) or (pack.end_date and day > pack.end_date):
            raise bad(f"its date {day} is outside this pack's dates "
                      f"({pack.start_date} to {pack.end_date})")
    pm = data.get("pm")
    if pm is not None:
        actor = pack.actors.get(pm) if isinstance(pm, str) else None
        if actor is not None and actor.kind != "person":
            raise bad(f"its PM candidate {actor.name!r} is a {actor.kind}, not a person")
    history = data.get("history", [])
    if isinstance(history, list):
        for number, item in enumerate(history, start=1):
            if not isinstance(item, str):
                shown = "null" if item is None else type(item).__name__
                raise bad(f"its history holds {shown} as command {number}, not a command")
    hint = data.get("hint", 0)
    if isinstance(hint, bool) or (hint is not None and not isinstance(hint, int)):
        raise bad("its hint counter is not a number")

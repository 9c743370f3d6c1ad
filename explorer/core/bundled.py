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
_TITLE = re.compile(r'^\s*title\s*=\s*"([^"\\]*)"', re.M)


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
    """The pack's title, read from its pack.toml without loading it (for the chooser)."""
    path = bundled_path(pack_id)
    try:
        m = _TITLE.search((path / "pack.toml").read_text(encoding="utf-8")) if path else None
    except (OSError, UnicodeDecodeError):
        m = None
    return m.group(1) if m else pack_id


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

"""Where Kingmaker finds packs and keeps the user's files, and writing files atomically.

Saves, transcripts, lesson progress and exports all go through `write_atomic`: a temporary file
in the same folder, flushed (and, for saves and exports, fsynced), then `os.replace` over the
target.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from pathlib import Path


def data_dir() -> Path:
    """$EXPLORER_DATA_DIR, else $XDG_DATA_HOME/kingmaker, else ~/.local/share/kingmaker."""
    explicit = os.environ.get("EXPLORER_DATA_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg:
        return Path(xdg) / "kingmaker"
    return Path.home() / ".local" / "share" / "kingmaker"


_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process's umask (read from /proc where it can be, else set and put back)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Write `data` to `path` so that the file is always either the old or the new content.

    `durable` (saves, exports, the class's files): the data and the rename are on the disk when
    this returns (fsync). A bookmark rewritten on every step (lesson progress) passes False: it
    is still all old or all new after a crash, but a power cut may lose the last step, and a
    class of thirty pressing → together does not queue sixty fsyncs before it can redraw."""
    from explorer.core.safe_files import clean_stale_temps

    path.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temps(path.parent)  # what an earlier write killed mid-way left behind
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with contextlib.suppress(OSError, AttributeError):  # mkstemp makes 0600: use the umask
            os.fchmod(fd, 0o666 & ~current_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if not durable:
        return
    try:  # make the rename itself durable where the platform allows it
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


ENV_VAR = "EXPLORER_CONTENT"


def bundled_pack_dir() -> Path:
    """The pack opened when nothing names one (see core/bundled.py: the user's choice among the
    bundled packs, else the Iraq 2010 pack)."""
    from explorer.core.bundled import default_dir

    return default_dir()


def resolve_pack_dir(content: str | os.PathLike | None = None) -> Path:
    """--content (a folder, or a bundled pack's id), else $EXPLORER_CONTENT, else the bundled
    pack the user chose (or the default one)."""
    for given in (content, os.environ.get(ENV_VAR)):
        if given:
            path = Path(given)
            if not path.exists() and isinstance(given, str):
                from explorer.core.bundled import bundled_path

                return bundled_path(given) or path
            return path
    return bundled_pack_dir()

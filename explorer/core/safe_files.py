"""Reading the user's files so that no file can hang or flood Kingmaker, and tidying temporaries.

`read_regular` opens without blocking (a FIFO would otherwise wait for a writer forever), refuses
anything that is not a regular file once open (a link to /dev/zero, a device, a folder) and reads
at most `limit` bytes: a save or a script that is too large is refused, never read into memory.
`clean_stale_temps` removes the `.NAME.XXXX.tmp` files that `write_atomic` leaves behind when the
process is killed mid-write, once they are old enough to belong to no running writer.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

STALE_AFTER = 3600.0  # seconds: a temporary older than this belongs to no save in progress


class UnsafeFile(Exception):
    """Why a file was not read, in words for the user."""


def read_regular(path: Path | str, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most `limit` bytes, else UnsafeFile."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise UnsafeFile(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile(f"{path} is not a regular file (a device, a pipe or a folder); "
                             f"a {what} must be an ordinary file")
        if info.st_size > limit:
            raise UnsafeFile(f"{path} is too large for a {what} ({info.st_size:,} bytes; "
                             f"the limit is {limit:,})")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew while being read
            raise UnsafeFile(f"{path} is too large for a {what} (more than {limit:,} bytes)")
        return b"".join(chunks)
    except OSError as exc:
        raise UnsafeFile(f"cannot read {path}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def clean_stale_temps(folder: Path, older_than: float = STALE_AFTER) -> int:
    """Remove the stale `.*.tmp` temporaries of write_atomic in folder; how many went."""
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(".tmp")):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > older_than:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed

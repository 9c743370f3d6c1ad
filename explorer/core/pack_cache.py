"""A cache of checked packs, so that a start reads one file instead of parsing and checking TOML.

Loading the bundled pack from its TOML files and checking it takes about 25 ms, a sixth of the
app's start-up budget; reading it back from a pickle takes under 2 ms. The cache lives in the
data folder (`cache/pack-<hash of the pack folder>.pickle`) and is used only while its
fingerprint still matches:

- the format version, the Python version and the Kingmaker version;
- size, modification time (ns) and a CRC-32 of the bytes of every file in the pack folder, so
  an edited, added or removed content file means a full load, even an edit that keeps the size
  and the modification time;
- size and modification time of the modules of `explorer.core` that build a pack, so a changed
  loader never serves a pack it would now build differently.

Only packs that load without a single problem are cached; a broken pack raises `PackError` on
every start, exactly as without the cache. A cache that cannot be read (corrupt, truncated, from
an older version) is ignored and rewritten; a data folder that cannot be written just means no
cache. `explorer check` never uses it, and EXPLORER_NO_CACHE=1 turns it off.

The file is a pickle in the user's own data folder: whoever can write there can already change
the user's saves and settings, so reading it adds no new exposure. It is never read from the
pack folder or any other shared place.
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
import zlib
from pathlib import Path

from explorer.core.model import Pack
from explorer.core.storage import data_dir, resolve_pack_dir, write_atomic

FORMAT = 2
MAX_HASHED = 5_000_000  # larger files are refused by the loader anyway: not read to hash them
OFF_VAR = "EXPLORER_NO_CACHE"
CORE = Path(__file__).resolve().parent


def cache_file(root: Path) -> Path:
    """One file per pack folder (the full path is checked inside, so a clash only means a miss)."""
    digest = zlib.crc32(str(root.resolve()).encode("utf-8", "surrogateescape"))
    return data_dir() / "cache" / f"pack-{digest:08x}.pickle"


def _stats(folder: Path, recursive: bool, contents: bool = False) -> list[tuple]:
    """(relative path, size, mtime in ns) of every file; linked folders followed once each.
    With contents, a CRC-32 of each regular file's bytes as well: an edit that keeps the size
    and the modification time (a restored backup, a coarse clock) still means a new load."""
    out = []
    seen: set[str] = set()
    for top, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(top)
        if real in seen:  # a link back up the tree: do not walk it twice (or forever)
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        for name in sorted(files):
            path = Path(top, name)
            st = path.stat()
            row = (path.relative_to(folder).as_posix(), st.st_size, st.st_mtime_ns)
            if contents and stat.S_ISREG(st.st_mode) and st.st_size <= MAX_HASHED:
                with open(path, "rb") as handle:
                    row += (zlib.crc32(handle.read()),)
            out.append(row)
        if not recursive:
            break
    return out


def fingerprint(root: Path) -> tuple:
    """What the cached pack was built from; any difference means loading it again."""
    from explorer import __version__

    return (FORMAT, sys.version_info[:2], __version__, str(root.resolve()),
            tuple(_stats(root, recursive=True, contents=True)),
            tuple(_stats(CORE, recursive=False)))


def _read(path: Path, key: tuple) -> Pack | None:
    try:
        with open(path, "rb") as handle:
            stored_key, pack = pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, corrupt or old: the pack is loaded again
        return None
    if stored_key != key or not isinstance(pack, Pack):
        return None
    return pack


_kept: dict[tuple, Pack] | None = None


def keep_in_memory() -> None:
    """Also keep every pack loaded from now on in this process, by fingerprint.

    For the warm parent of `explorer serve` (explorer/tui/warm_parent.py): the children it forks
    then share its copy of the pack instead of each reading the cache file again. The
    fingerprint is still checked on every load, so an edited pack is read afresh."""
    global _kept
    if _kept is None:
        _kept = {}


def load_pack(content: str | os.PathLike | None) -> Pack:
    """The full load (parse and check the TOML files); imported only when the cache misses."""
    from explorer.core import loader

    return loader.load_pack(content)


def load_pack_cached(content: str | os.PathLike | None = None) -> Pack:
    """Like `load_pack(content)`, reading the cached result while the pack is unchanged."""
    if os.environ.get(OFF_VAR):
        return load_pack(content)
    root = resolve_pack_dir(content)
    try:
        key = fingerprint(root)
    except OSError:
        return load_pack(content)  # not a readable folder: the loader says what is wrong
    if _kept is not None and key in _kept:
        return _kept[key]
    path = cache_file(root)
    pack = _read(path, key)
    if pack is not None:
        return _keep(key, pack)
    pack = load_pack(content)  # raises PackError for a broken pack: never cached
    try:
        if fingerprint(root) == key:  # not edited while it was being read
            write_atomic(path, pickle.dumps((key, pack), protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError):
        pass  # no cache this time; the pack itself is fine
    return _keep(key, pack)


def _keep(key: tuple, pack: Pack) -> Pack:
    """With `keep_in_memory`: keep the pack whole, its deferred fields read (model.deferred),
    so that the children forked from this process share them instead of each reading its own."""
    if _kept is not None:
        pack.read_deferred()
        _kept[key] = pack
    return pack

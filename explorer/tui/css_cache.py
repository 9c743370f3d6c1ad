"""Parsed CSS kept on disk between starts of the terminal app (like the pack cache).

Parsing the app's stylesheets (app.tcss and every widget's default CSS, Textual's included) is
about a tenth of the work before the first frame; reading the parsed rules back from a pickle
takes a few milliseconds. `ReusingStylesheet` asks this cache before parsing a source. The key
of a parse is everything the result depends on: Textual's version, the theme's variables, the
CSS text, where it was read from, and its priority and scope; an edited file, another theme or
another Textual simply misses. The file (`cache/css-<stamp of the installed Textual>.pickle` in
the data folder) maps each key to its own pickle, so a start unpickles only the sources it uses.

Only the terminal app uses it (`explorer` with no command calls `switch_on`): tests and served
tabs do not (a served tab's parses come from its warm parent). A cache that cannot be read is
ignored and written anew; one that cannot be written costs the next start its parse, nothing
else. Like the pack cache, it is a pickle in the user's own data folder: whoever can write there
can already change what the program does.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

MAX_ENTRIES = 400  # a run uses ~60 sources; older parses beyond this are dropped on save


class ParseCache:
    """Parses by key, read from `path` on first use, written back by `save()`."""

    def __init__(self, path: Path, version: str) -> None:
        self.path = path
        self.version = version  # which Textual: part of every key
        self._stored: dict[str, bytes] | None = None
        self._used: dict[str, bytes] = {}
        self._changed = False

    def _load(self) -> dict[str, bytes]:
        if self._stored is None:
            try:
                with open(self.path, "rb") as handle:
                    data = pickle.load(handle)
                self._stored = data if isinstance(data, dict) else {}
            except Exception:  # noqa: BLE001 - missing, damaged, from another Python: start anew
                self._stored = {}
        return self._stored

    def key(self, parts: tuple) -> str:
        return hashlib.blake2b(repr((self.version, *parts)).encode("utf-8", "surrogatepass"),
                               digest_size=16).hexdigest()

    def get(self, key: str) -> list | None:
        blob = self._load().get(key)
        if blob is None:
            return None
        try:
            rules = pickle.loads(blob)
        except Exception:  # noqa: BLE001 - a damaged entry is parsed again
            return None
        self._used[key] = blob
        return rules if isinstance(rules, list) else None

    def put(self, key: str, rules: list) -> None:
        if any(getattr(rule, "errors", None) for rule in rules):
            return  # CSS with errors is reported as before, and parsed again each time
        try:
            blob = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - a rule that does not pickle is simply not kept
            return
        self._used[key] = blob
        self._changed = True

    def save(self) -> None:
        """Write what this run used (and older parses, up to MAX_ENTRIES) if anything is new."""
        if not self._changed:
            return
        from explorer.core.storage import write_atomic

        kept = dict(self._load())
        kept.update(self._used)
        if len(kept) > MAX_ENTRIES:
            kept = dict(self._used)
        try:
            write_atomic(self.path, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL),
                         durable=False)
        except OSError:
            return
        self._stored, self._changed = kept, False


def textual_stamp() -> str:
    """Which Textual is installed, cheaply: the size and modification time of its CSS parser's
    modules (an upgrade or a reinstall rewrites them). `textual.__version__` would be the
    obvious key, but Textual looks it up in the package metadata, ~30 ms at every start."""
    import textual.css.parse as parse
    import textual.css.styles as styles

    parts = []
    for module in (parse, styles):
        try:
            st = Path(module.__file__).stat()
            parts.append(f"{st.st_size}-{st.st_mtime_ns}")
        except (OSError, TypeError):
            parts.append("unknown")
    return "textual-" + "-".join(parts)


def terminal_cache() -> ParseCache:
    """The cache of the terminal app, in the data folder, for the installed Textual."""
    from explorer.core.storage import data_dir

    stamp = textual_stamp()
    name = hashlib.blake2b(stamp.encode(), digest_size=6).hexdigest()
    return ParseCache(data_dir() / "cache" / f"css-{name}.pickle", stamp)


def switch_on() -> ParseCache | None:
    """Make the app's stylesheets read and keep parses in the terminal cache; the cache, to be
    saved when the app ends (None with EXPLORER_NO_CACHE set, as for the pack cache)."""
    import os

    from explorer.core.pack_cache import OFF_VAR
    from explorer.tui.stylesheet import ReusingStylesheet

    if os.environ.get(OFF_VAR):
        return None
    cache = terminal_cache()
    ReusingStylesheet.keep_parses_on_disk(cache)
    return cache

"""A Textual stylesheet that parses each CSS source once per set of variables.

Textual 8.2 empties a stylesheet's parse cache whenever variables are set, even to the values it
already has, and `reparse()` parses every source again into a fresh stylesheet. Opening the first
mode does both, so before this class the app's CSS was tokenised three times before the first
frame (about 30 ms of a 110 ms start-up budget on the reference machine).

Here the cache is kept while the variables are unchanged, and re-parsing reuses it: a source is
only parsed again when it is new or when the variables (the theme) really changed. Errors in CSS
still raise as before; the rules in force are only replaced by a parse that succeeds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.css.stylesheet import Stylesheet

if TYPE_CHECKING:
    from explorer.tui.css_cache import ParseCache


class ReusingStylesheet(Stylesheet):
    """`Stylesheet` whose `reparse` only parses what changed since the last parse.

    `share_parses()` (used by the warm parent of `explorer serve`, see warm_parent.py) also keeps
    every parse in one process-wide table keyed by the variables, so an app forked after a first
    one has run finds its CSS already parsed. Off by default: one app per process gains nothing.
    `keep_parses_on_disk(cache)` (the terminal app) reads and keeps parses between starts.
    """

    _shared: dict[tuple, list] | None = None
    _disk: ParseCache | None = None

    @classmethod
    def share_parses(cls) -> None:
        if cls._shared is None:
            cls._shared = {}

    @classmethod
    def keep_parses_on_disk(cls, cache: ParseCache | None) -> None:
        """Read parses from `cache` and add new ones to it (the terminal app: css_cache.py);
        None stops. The caller saves the cache when the app ends."""
        cls._disk = cache

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._parses: dict[tuple, list] = {}  # this sheet's parses, by variables and source
        self._variables_key: tuple | None = None  # the variables, sorted (made when needed)
        self._variables_digest: str | None = None  # their hash, for the parses kept on disk

    def _parse_rules(self, css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
        shared, disk = ReusingStylesheet._shared, ReusingStylesheet._disk
        if shared is None and disk is None:
            return super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        if self._variables_key is None:
            self._variables_key = tuple(sorted(self._variables.items()))
            self._variables_digest = None
        key = (self._variables_key, css, read_from, is_default_rules, tie_breaker, scope)
        rules = self._parses.get(key)
        if rules is not None:  # parsed (or read) before by this sheet: the same rules
            return rules
        rules = shared.get(key) if shared is not None else None
        disk_key = None
        if rules is None and disk is not None:
            if self._variables_digest is None:  # the theme's ~150 variables: hashed once
                self._variables_digest = disk.key(self._variables_key)
            disk_key = disk.key((self._variables_digest, *key[1:]))
        if disk_key is not None:
            rules = disk.get(disk_key)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            if disk_key is not None:
                disk.put(disk_key, rules)
        if shared is not None:
            shared[key] = rules
        self._parses[key] = rules
        return rules

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables == self._variables:
            return  # same theme: every cached parse is still right
        self._variables_key = None
        super().set_variables(variables)

    def reparse(self) -> None:
        # The cache holds only parses made with the current variables (set_variables empties
        # it when they change), so parsing in place gives the result of a full re-parse.
        self.parse()

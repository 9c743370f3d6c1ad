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

from textual.css.stylesheet import Stylesheet


class ReusingStylesheet(Stylesheet):
    """`Stylesheet` whose `reparse` only parses what changed since the last parse.

    `share_parses()` (used by the warm parent of `explorer serve`, see warm_parent.py) also keeps
    every parse in one process-wide table keyed by the variables, so an app forked after a first
    one has run finds its CSS already parsed. Off by default: one app per process gains nothing.
    """

    _shared: dict[tuple, list] | None = None

    @classmethod
    def share_parses(cls) -> None:
        if cls._shared is None:
            cls._shared = {}

    def _parse_rules(self, css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
        shared = ReusingStylesheet._shared
        if shared is None:
            return super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        key = (tuple(sorted(self._variables.items())), css, read_from, is_default_rules,
               tie_breaker, scope)
        rules = shared.get(key)
        if rules is None:
            rules = shared[key] = super()._parse_rules(css, read_from, is_default_rules,
                                                       tie_breaker, scope)
        return rules

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables == self._variables:
            return  # same theme: every cached parse is still right
        super().set_variables(variables)

    def reparse(self) -> None:
        # The cache holds only parses made with the current variables (set_variables empties
        # it when they change), so parsing in place gives the result of a full re-parse.
        self.parse()

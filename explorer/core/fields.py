"""Typed access to the fields of one TOML table, collecting problems instead of raising."""

from __future__ import annotations

import difflib
import re
from datetime import date

from explorer.core.dates import FuzzyDate, parse_day, parse_fuzzy
from explorer.core.problems import Problem
from explorer.core.tomlfile import TomlFile

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
SEED_SOURCE = re.compile(r"^(?P<file>[^\s:/\\]+\.txt):(?P<line>\d+)$")
URL_SOURCE = re.compile(r"^https?://\S+$")

_MISSING = object()


def source_problem(text: object) -> str | None:
    """Why a source string is not a valid citation, or None when it is."""
    if not isinstance(text, str) or not text.strip():
        return "a source must be a non-empty string"
    m = SEED_SOURCE.match(text)
    if m:
        return None if int(m.group("line")) >= 1 else "seed line numbers start at 1"
    if URL_SOURCE.match(text):
        return None
    return f"{text!r} is not a source: cite \"<seed file>.txt:<line>\" or an http(s) URL"


class Table:
    """One table of a TOML file: `what` names it in messages, e.g. 'actor "sadr"'."""

    def __init__(self, file: TomlFile, data: object, line: int, what: str, problems: list):
        self.file = file
        self.data = data if isinstance(data, dict) else {}
        self.line = line
        self.what = what
        self.problems: list[Problem] = problems
        self.valid = isinstance(data, dict)
        if not self.valid:
            self.problem(f"{what} must be a table, not {type(data).__name__}")

    def problem(self, message: str, key: str | None = None, hint: str | None = None) -> None:
        line = self.file.key_line(self.line, key) if key else self.line
        self.problems.append(Problem(self.file.path, line, message, hint))

    def check_keys(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                close = difflib.get_close_matches(key, sorted(allowed), n=1)
                known = ", ".join(sorted(allowed))
                hint = f"did you mean {close[0]!r}?" if close else f"known: {known}"
                self.problem(f"unknown field {key!r} in {self.what}", key, hint)

    def _get(self, key: str, required: bool):
        value = self.data.get(key, _MISSING)
        if value is _MISSING and required:
            self.problem(f"{self.what} is missing the required field {key!r}")
        return value

    def text(self, key: str, required: bool = True, default: str | None = None) -> str | None:
        value = self._get(key, required)
        if value is _MISSING:
            return default
        if not isinstance(value, str):
            self.problem(f"{key!r} must be a string, not {type(value).__name__}", key)
            return default
        if required and not value.strip():
            self.problem(f"{key!r} is empty", key)
            return default
        return value

    def ident(self, key: str, required: bool = True) -> str | None:
        value = self.text(key, required)
        if value is not None and not ID_PATTERN.match(value):
            self.problem(
                f"{key!r} = {value!r} is not a valid id",
                key,
                "use lower-case letters, digits, '-' and '_'",
            )
            return None
        return value

    def integer(self, key: str, required: bool = True, minimum: int | None = None) -> int | None:
        value = self._get(key, required)
        if value is _MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(f"{key!r} must be a whole number, not {value!r}", key)
            return None
        if minimum is not None and value < minimum:
            self.problem(f"{key!r} must be at least {minimum}, not {value}", key)
            return None
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self._get(key, False)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.problem(f"{key!r} must be true or false, not {value!r}", key)
            return default
        return value

    def strings(self, key: str, required: bool = False) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is _MISSING:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(f"{key!r} must be a list of strings", key)
            return ()
        return tuple(value)

    def sources(self, key: str = "sources", required: bool = True) -> tuple[str, ...]:
        values = self.strings(key, required=False)
        if key not in self.data and required:
            self.problem(
                f"{self.what} has no {key!r}",
                hint='cite "<seed file>.txt:<line>" or a URL',
            )
        elif required and key in self.data and not values:
            self.problem(f"{self.what} has an empty {key!r} list", key)
        good = []
        for value in values:
            reason = source_problem(value)
            if reason:
                self.problem(reason, key)
            else:
                good.append(value)
        return tuple(good)

    def source(self, key: str = "source") -> str | None:
        value = self.text(key, required=True)
        if value is None:
            return None
        reason = source_problem(value)
        if reason:
            self.problem(reason, key)
            return None
        return value

    def day(self, key: str, required: bool = False) -> date | None:
        value = self._get(key, required)
        if value is _MISSING:
            return None
        try:
            return parse_day(value)
        except ValueError as exc:
            self.problem(f"{key!r}: {exc}", key)
            return None

    def fuzzy(self, key: str, required: bool = True) -> FuzzyDate | None:
        value = self._get(key, required)
        if value is _MISSING:
            return None
        try:
            return parse_fuzzy(value)
        except ValueError as exc:
            self.problem(f"{key!r}: {exc}", key)
            return None

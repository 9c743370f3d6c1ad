"""Typed access to the fields of one TOML table, collecting problems instead of raising."""

from __future__ import annotations

import difflib
import json
import re
from datetime import date, datetime, time

from explorer.core.dates import FuzzyDate, parse_day, parse_fuzzy
from explorer.core.problems import Problem
from explorer.core.tomlfile import TomlFile

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
SEED_SOURCE = re.compile(r"^(?P<file>[^\s:/\\]+\.txt):(?P<line>\d+)$")
URL_SOURCE = re.compile(r"^https?://\S+$")

_MISSING = object()


def shown(value: object, limit: int = 60) -> str:
    """repr() of a value for a message, cut short so one bad value never floods the report."""
    try:
        text = repr(value)
    except RecursionError:  # a value nested hundreds deep
        text = f"<deeply nested {type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 4] + " ..."


def type_name(value: object) -> str:
    """A plain-English name of a TOML value's type, for messages."""
    names = {str: "a string", bool: "true/false", int: "a number", float: "a decimal number",
             list: "a list", dict: "a table", datetime: "a date and time", date: "a date",
             time: "a time of day"}
    return names.get(type(value), type(value).__name__)


def source_problem(text: object) -> str | None:
    """Why a source string is not a valid citation, or None when it is."""
    if not isinstance(text, str) or not text.strip():
        return "a source must be a non-empty string"
    m = SEED_SOURCE.match(text)
    if m:
        return None if int(m.group("line")) >= 1 else "seed line numbers start at 1"
    if URL_SOURCE.match(text):
        return None
    return f"{shown(text)} is not a source: cite \"<seed file>.txt:<line>\" or an http(s) URL"


def item_what(kind: str, index: int, raw: object) -> str:
    """How messages name the index-th [[kind]] table: by its id when it has one."""
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return f"{kind} {raw['id']!r}"
    return f"{kind} #{index + 1}"


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
            self.problem(f"{what} must be a table, not {type_name(data)}")

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
            hint = None if isinstance(value, list | dict) else "put the text in double quotes"
            self.problem(f"{key!r} must be a string, not {type_name(value)}", key, hint)
            return default
        if required and not value.strip():
            self.problem(f"{key!r} is empty", key)
            return default
        return value

    def choice(self, key: str, allowed) -> str | None:
        """An optional string that must be one of `allowed` (e.g. a relation's status)."""
        value = self.text(key, required=False)
        if value is not None and value not in allowed:
            close = difflib.get_close_matches(value, list(allowed), n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"use one of: {', '.join(allowed)}"
            self.problem(f"unknown {key} {value!r}", key, hint)
            return None
        return value

    def ident(self, key: str, required: bool = True) -> str | None:
        value = self.text(key, required)
        if value is not None and not ID_PATTERN.match(value):
            self.problem(
                f"{key!r} = {shown(value)} is not a valid id",
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
            hint = None
            if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
                hint = "write the number without quotes"
            elif isinstance(value, float):
                hint = "only whole numbers are allowed"
            self.problem(f"{key!r} must be a whole number, not {shown(value)}", key, hint)
            return None
        if minimum == 0 and value < 0:
            self.problem(f"{key!r} cannot be negative ({value})", key)
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
            self.problem(f"{key!r} must be true or false, not {shown(value)}", key)
            return default
        return value

    def strings(self, key: str, required: bool = False) -> tuple[str, ...]:
        """A list of strings; () when it is absent or (with a problem) not a list of strings."""
        return self._strings(key, required) or ()

    def _strings(self, key: str, required: bool) -> tuple[str, ...] | None:
        value = self._get(key, required)
        if value is _MISSING:
            return ()
        if isinstance(value, str):
            self.problem(f"{key!r} must be a list of strings, not a single string", key,
                         f"write {key} = [{json.dumps(value)[:60]}]")
            return None
        if not isinstance(value, list):
            self.problem(f"{key!r} must be a list of strings, not {type_name(value)}", key)
            return None
        bad = [v for v in value if not isinstance(v, str)]
        if bad:
            self.problem(f"{key!r} must be a list of strings, but holds {shown(bad[0])}", key,
                         "put each item in double quotes")
            return None
        return tuple(value)

    def sources(self, key: str = "sources", required: bool = True) -> tuple[str, ...]:
        values = self._strings(key, required=False)
        if values is None:  # the wrong type, already reported
            return ()
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
            if reason:  # on the line of the bad item, in a list written over several lines
                line = self.file.value_line(self.line, key, value)
                self.problems.append(Problem(self.file.path, line, reason))
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

    def _no_time(self, key: str, value: object) -> bool:
        if isinstance(value, datetime):
            self.problem(f"{key!r} must be a date without a time of day, not {value}", key,
                         f'write {key} = "{value.date().isoformat()}"')
            return False
        return True

    def day(self, key: str, required: bool = False) -> date | None:
        value = self._get(key, required)
        if value is _MISSING or not self._no_time(key, value):
            return None
        try:
            return parse_day(value)
        except ValueError as exc:
            self.problem(f"{key!r}: {exc}", key)
            return None

    def fuzzy(self, key: str, required: bool = True) -> FuzzyDate | None:
        value = self._get(key, required)
        if value is _MISSING or not self._no_time(key, value):
            return None
        try:
            return parse_fuzzy(value)
        except ValueError as exc:
            self.problem(f"{key!r}: {exc}", key)
            return None


def _header_line(file: TomlFile, key: str) -> int:
    """The line of the first header `[key]`, `[[key]]` or `[key.x]`, else of `key = ...`."""
    for number, header, _ in file.headers:
        if header == key or header.startswith(key + "."):
            return number
    return file.key_line(0, key)


def _header(name: str) -> str:
    return f"[{name}]" if name in ("pack", "lesson") else f"[[{name}]]"


def unknown_tables(file: TomlFile, allowed: tuple[str, ...], problems: list[Problem],
                   ignore: frozenset[str] | set[str] = frozenset()) -> int:
    """Report top-level tables and keys this kind of file does not hold; return how many."""
    count = 0
    for key, value in file.data.items():
        if key in allowed or key in ignore:
            continue
        count += 1
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            what = f"table [[{key}]]"
        elif isinstance(value, dict):
            what = f"table [{key}]"
        else:
            what = f"key {key!r}"
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = (f"did you mean {_header(close[0])}?" if close
                else f"{file.path.name} holds {' and '.join(_header(a) for a in allowed)}")
        problems.append(Problem(file.path, _header_line(file, key),
                                f"unknown {what} in {file.path.name}", hint))
    return count


def tables(file: TomlFile, name: str, problems: list[Problem],
           only: bool = True) -> list[tuple[object, int]]:
    """The [[name]] tables of a file with their lines. With only (a file that holds nothing
    else), reports stray tables and a file with none (usually `[[Actor]]` or no header)."""
    stray = unknown_tables(file, (name,), problems) if only else 0
    if name not in file.data and only and not stray:
        problems.append(Problem(file.path, 1, f"has no [[{name}]] tables",
                                f"add [[{name}]] tables, or remove the file"))
    items = file.data.get(name, [])
    if not isinstance(items, list):
        problems.append(
            Problem(file.path, file.table_line(name), f"{name!r} must be written as [[{name}]]")
        )
        return []
    return [(item, file.table_line(name, i)) for i, item in enumerate(items)]

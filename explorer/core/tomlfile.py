"""Reading TOML files with readable errors, and finding the line of a table or a key.

`tomllib` gives no line numbers for values, so this module scans the raw text for the headers of
arrays of tables (`[[actor]]`) in order: the k-th parsed table sits under the k-th header.
"""

from __future__ import annotations

import bisect
import re
import stat

try:  # the compiled build of the parser the stdlib's tomllib comes from: 3x faster, same API
    import tomli as tomllib
except ImportError:  # pragma: no cover - the stdlib parser is the fallback
    import tomllib
from pathlib import Path

from explorer.core.problems import Problem
from explorer.core.safe_text import control_lines, might_hold_controls, scrub

MAX_FILE_BYTES = 5_000_000

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-]+)\s*\]\]?\s*(#.*)?$")
# the same header, found in the whole text at once (for files without multi-line strings)
_HEADER_IN_TEXT = re.compile(
    r"^[ \t]*(\[\[?)[ \t]*([A-Za-z0-9_.\-]+)[ \t]*\]\]?[ \t]*(#[^\n]*)?\r?$", re.M)
_LINE_IN_ERROR = re.compile(r"\(at line (\d+), column (\d+)\)")
_TRIPLE = re.compile("\"\"\"|'''")


class TomlFile:
    """One parsed TOML file and an index of where its tables start."""

    def __init__(self, path: Path, data: dict, text: str):
        self.path = path
        self.stem = path.stem
        self.data = data
        self._text = text
        self._lines: list[str] | None = None
        self.headers: list[tuple[int, str, bool]] = []  # (line, name, is_array)
        self._by_name: dict[str, list[int]] = {}
        if '"""' not in text and "'''" not in text:
            self._scan_fast(text)
        else:
            self._scan_lines()
        self._header_lines = [h[0] for h in self.headers]

    @property
    def lines(self) -> list[str]:
        """The file's lines (made on first use: only problems need them)."""
        if self._lines is None:
            # split on "\n" only, as TOML counts lines: str.splitlines() would also split on
            # U+2028, U+0085 ... that a string may hold, and shift every line number after it
            self._lines = [line.rstrip("\r") for line in self._text.split("\n")]
        return self._lines

    def _scan_fast(self, text: str) -> None:
        """Headers by one regular expression over the text (no multi-line strings to skip)."""
        number, pos = 1, 0
        for m in _HEADER_IN_TEXT.finditer(text):
            number += text.count("\n", pos, m.start())
            pos = m.start()
            self.headers.append((number, m.group(2), m.group(1) == "[["))
            self._by_name.setdefault(m.group(2), []).append(number)

    def _scan_lines(self) -> None:
        quote = None  # the delimiter of a multi-line string that is open
        for number, line in enumerate(self.lines, start=1):
            if quote is None:
                m = _HEADER.match(line) if "[" in line[:8] or line.lstrip()[:1] == "[" else None
            else:
                m = None  # text inside a multi-line string is never a header
            if '"""' in line or "'''" in line:
                quote = _multiline_state(line, quote)
            if m:
                self.headers.append((number, m.group(2), m.group(1) == "[["))
                self._by_name.setdefault(m.group(2), []).append(number)

    def table_line(self, name: str, index: int = 0) -> int:
        """The line of the index-th `[[name]]` (or `[name]`) header, or 1."""
        lines = self._by_name.get(name, [])
        return lines[index] if 0 <= index < len(lines) else 1

    def _block_end(self, start: int) -> int:
        i = bisect.bisect_right(self._header_lines, start)
        return self._header_lines[i] if i < len(self._header_lines) else len(self.lines) + 1

    def key_line(self, table_line: int, key: str) -> int:
        """The line where `key = ...` is written inside the table starting at table_line."""
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number in range(table_line + 1, self._block_end(table_line)):
            if pattern.match(self.lines[number - 1]):
                return number
        return table_line

    def value_line(self, table_line: int, key: str, value: str | None = None) -> int:
        """The line of `key = ...` in a table; with value, the line of that quoted string
        inside the key's (possibly multi-line) array. Falls back to the key's line."""
        start = self.key_line(table_line, key)
        if value is None or start == table_line:
            return start
        needles = (f'"{value}"', f"'{value}'")
        next_key = re.compile(r"^\s*[A-Za-z0-9_\-\"'.]+\s*=")
        for number in range(start, self._block_end(table_line)):
            line = self.lines[number - 1]
            if number > start and next_key.match(line):
                break
            if any(n in line for n in needles):
                return number
        return start

    def child_line(self, table_line: int, child: str) -> int:
        """The line of the `[parent.child]` header that belongs to the table at table_line."""
        i = bisect.bisect_left(self._header_lines, table_line)
        if i >= len(self.headers) or self.headers[i][0] != table_line:
            return table_line
        parent = self.headers[i][1]
        for number, header, _ in self.headers[i + 1:]:
            if header == f"{parent}.{child}":
                return number
            if not header.startswith(f"{parent}."):
                break
        return table_line

    def sub_table_line(self, parent: str, parent_index: int, child: str, index: int) -> int:
        """The line of the index-th `[[parent.child]]` under the parent_index-th `[[parent]]`."""
        start = self.table_line(parent, parent_index)
        seen = 0
        for number, header, _ in self.headers[bisect.bisect_right(self._header_lines, start):]:
            if header == parent:
                break
            if header == f"{parent}.{child}":
                if seen == index:
                    return number
                seen += 1
        return start


def _multiline_state(line: str, quote: str | None) -> str | None:
    """Whether a multi-line string is open after this line (None, or its delimiter)."""
    for m in _TRIPLE.finditer(line):
        if quote is None:
            quote = m.group(0)
        elif m.group(0) == quote:
            quote = None
    return quote


def _deepest_line(text: str) -> int:
    """The line that opens the most brackets: where a too-deep nesting is written."""
    lines = text.split("\n")
    best = max(range(len(lines)), key=lambda i: lines[i].count("[") + lines[i].count("{"))
    return best + 1


def read_toml(path: Path, problems: list[Problem]) -> TomlFile | None:
    """Parse a TOML file; on failure add a readable problem and return None."""
    if path.is_dir():
        problems.append(Problem(path, 1, "is a directory, expected a TOML file"))
        return None
    try:
        info = path.stat()
    except OSError as exc:
        problems.append(Problem(path, 1, f"cannot be read: {exc.strerror or exc}"))
        return None
    if not stat.S_ISREG(info.st_mode):  # a pipe or a device would block or never end
        problems.append(Problem(path, 1, "is not a regular file"))
        return None
    size = info.st_size
    if size > MAX_FILE_BYTES:
        problems.append(
            Problem(
                path,
                1,
                f"is too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})",
                "split it into several files",
            )
        )
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(path, 1, f"cannot be read: {exc.strerror or exc}"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(path, line, "is not valid UTF-8 text", "save the file as UTF-8")
        )
        return None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        problems.append(Problem(path, line, "contains a NUL byte; is it a binary file?"))
        return None
    text = text.removeprefix("\ufeff")  # a byte-order mark some editors write
    try:
        data = tomllib.loads(text)
    except RecursionError:
        problems.append(Problem(path, _deepest_line(text), "is nested too deeply to read",
                                "TOML allows arrays and tables inside each other, but not "
                                "hundreds deep"))
        return None
    except tomllib.TOMLDecodeError as exc:
        problems.append(_syntax_problem(path, str(exc), text))
        return None
    if might_hold_controls(text, raw):
        data = _without_controls(path, data, text, problems)
    return TomlFile(path, data, text)


def _without_controls(path: Path, data: dict, text: str, problems: list[Problem]) -> dict:
    """data with terminal control characters stripped, each line writing one reported."""
    data, removed = scrub(data)
    if removed:
        for line, code in control_lines(text) or [(1, "")]:
            problems.append(Problem(
                path, line, f"a string holds the terminal control character {code or ''}"
                .rstrip(), "write plain text: a terminal would act on it, changing colours, "
                "ringing a bell or moving the cursor"))
    return data


# the parser's wording, and plainer English with a hint for the mistakes people make
_SYNTAX = [
    (r"Illegal character '\\n'", "a string is not closed on its line",
     'add the closing " (a text over several lines goes in """triple quotes""")'),
    (r"Unterminated string", "a string is never closed", 'add the closing """ or "'),
    (r"Invalid value", "a value is not valid TOML",
     'put text in "double quotes"; write true and false in lower case'),
    (r"Cannot overwrite a value", "a key is set twice in the same table", "keep one of them"),
    (r"Cannot declare \((.*)\) twice", "a table is declared twice",
     "a [table] may appear once; a list of tables is written [[name]] every time"),
    (r"Unclosed array", "an array is not closed", "add the closing ]"),
    (r"Unescaped '\\' in a string", "a backslash in a string is not escaped",
     "write \\\\ or use 'single quotes' for the text"),
    (r"Expected newline or end of document", "unexpected text after a value",
     "one key = value a line; put lists in [brackets]"),
]


def _syntax_problem(path: Path, message: str, text: str) -> Problem:
    m = _LINE_IN_ERROR.search(message)
    lines = text.split("\n")
    if m:
        line = int(m.group(1))
    else:  # "at end of document": the last line written, or where an open string started
        line = max((i for i, t in enumerate(lines, 1) if t.strip()), default=1)
        quote, opened = None, line
        for number, t in enumerate(lines, 1):
            was, quote = quote, _multiline_state(t, quote)
            if was is None and quote is not None:
                opened = number
        if quote is not None:
            line = opened
    reason = _LINE_IN_ERROR.sub("", message).replace("(at end of document)", "").strip()
    hint = "check quotes, brackets and '='"
    for pattern, plain, plain_hint in _SYNTAX:
        if re.match(pattern, reason):
            reason, hint = plain, plain_hint
            break
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if any(q in source for q in "\u201c\u201d\u2018\u2019"):
        hint = 'use straight quotes " instead of curly ones'
    return Problem(path, line, f"is not valid TOML: {reason}", hint)

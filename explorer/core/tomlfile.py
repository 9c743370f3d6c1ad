"""Reading TOML files with readable errors, and finding the line of a table or a key.

`tomllib` gives no line numbers for values, so this module scans the raw text for the headers of
arrays of tables (`[[actor]]`) in order: the k-th parsed table sits under the k-th header.
"""

from __future__ import annotations

import bisect
import re

try:  # the compiled build of the parser the stdlib's tomllib comes from: 3x faster, same API
    import tomli as tomllib
except ImportError:  # pragma: no cover - the stdlib parser is the fallback
    import tomllib
from pathlib import Path

from explorer.core.problems import Problem

MAX_FILE_BYTES = 5_000_000

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-]+)\s*\]\]?\s*(#.*)?$")
_LINE_IN_ERROR = re.compile(r"\(at line (\d+), column (\d+)\)")


class TomlFile:
    """One parsed TOML file and an index of where its tables start."""

    def __init__(self, path: Path, data: dict, text: str):
        self.path = path
        self.stem = path.stem
        self.data = data
        self.lines = text.splitlines()
        self.headers: list[tuple[int, str, bool]] = []  # (line, name, is_array)
        self._by_name: dict[str, list[int]] = {}
        for number, line in enumerate(self.lines, start=1):
            m = _HEADER.match(line) if "[" in line[:8] or line.lstrip()[:1] == "[" else None
            if m:
                self.headers.append((number, m.group(2), m.group(1) == "[["))
                self._by_name.setdefault(m.group(2), []).append(number)
        self._header_lines = [h[0] for h in self.headers]

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


def read_toml(path: Path, problems: list[Problem]) -> TomlFile | None:
    """Parse a TOML file; on failure add a readable problem and return None."""
    if path.is_dir():
        problems.append(Problem(path, 1, "is a directory, expected a TOML file"))
        return None
    try:
        size = path.stat().st_size
    except OSError as exc:
        problems.append(Problem(path, 1, f"cannot be read: {exc.strerror or exc}"))
        return None
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
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _LINE_IN_ERROR.search(message)
        line = int(m.group(1)) if m else 1
        reason = _LINE_IN_ERROR.sub("", message).strip()
        problems.append(
            Problem(path, line, f"is not valid TOML: {reason}", "check quotes, brackets and '='")
        )
        return None
    return TomlFile(path, data, text)

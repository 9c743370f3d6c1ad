"""Plain text as Markdown that renders as it reads: escaped, with column blocks as tables.

`escape(text)` backslash-escapes everything Markdown or HTML could act on, so that what a player
typed ("<script>", "**bold**", "# title", "1. item") shows literally; `inline(text)` does the
same on one line, and `escape(text, cell=True)` for a table cell. Every Markdown export (the
coalition report, the transcript, the class board) escapes through here. `block(text)` turns
a reply of the text adventure (aligned columns, indented lists) into Markdown: runs of two or
more lines whose cells are separated by two or more spaces become a table; the other lines keep
their line breaks. Plain Python, no textual.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|~!&$^])")
_LINE_START = re.compile(r"^(\s*)([-+=>:]|\d+[.)])")
_COLUMNS = re.compile(r"\s{2,}")


def escape(text: str, cell: bool = False) -> str:
    """Text that Markdown and HTML show literally (line breaks kept as they are). A table
    `cell` is put on one line (a line break would end the row) and needs no escaping of list or
    heading markers at its start; `inline()` is for a heading or a list item."""
    if cell:
        return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    out = []
    for line in str(text).split("\n"):
        line = _SPECIAL.sub(r"\\\1", line)
        out.append(_LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), line))
    return "\n".join(out)


def inline(text: str) -> str:
    """Text on one line (runs of white space as one space), escaped: for a heading, a list
    item or a sentence of a report, where a line break would end the block."""
    return escape(" ".join(str(text).split()))


def _escape_marker(marker: str) -> str:
    if marker[-1] in ".)":
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def _cells(line: str) -> list[str]:
    return [c for c in _COLUMNS.split(line.strip()) if c]


def _is_row(line: str) -> bool:
    return line.startswith("  ") and len(_cells(line)) >= 2 or \
        (len(_cells(line)) >= 3 and not line.startswith(" "))


def _table(lines: list[str]) -> list[str]:
    rows = [_cells(line) for line in lines]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    first = rows[0]
    header = not any(any(ch.isdigit() for ch in c) for c in first)
    if header and len(rows) > 1:
        head, body = first, rows[1:]
    else:
        head, body = [" "] * width, rows
    out = ["| " + " | ".join(escape(c, cell=True) or " " for c in head) + " |",
           "|" + "---|" * width]
    out += ["| " + " | ".join(escape(c, cell=True) or " " for c in r) + " |" for r in body]
    return out


def block(text: str) -> str:
    """A reply as Markdown: tables for aligned columns, hard line breaks elsewhere."""
    lines = str(text).split("\n")
    out: list[str] = []
    para: list[str] = []

    def flush_para() -> None:
        if para:
            out.append(" \\\n".join(para))
            out.append("")
            para.clear()

    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _is_row(lines[j]):
            j += 1
        if j - i >= 2:
            flush_para()
            out += _table(lines[i:j])
            out.append("")
            i = j
            continue
        line = lines[i].strip()
        if line:
            para.append(escape(line))
        else:
            flush_para()
        i += 1
    flush_para()
    return "\n".join(out).rstrip("\n") + "\n"

"""Text that cannot hurt a terminal: terminal control characters found, reported and removed.

An ESC (U+001B) in a pack's description would start an escape sequence on the user's terminal, a
BEL would ring it, a C1 control (U+0080-U+009F) does the same on some terminals. Newline and tab are
the only controls text may carry. TOML itself refuses raw C0 controls in strings, but it accepts
them written as escapes ("\\u001b") and accepts raw C1 characters: the loader finds them in the
parsed data, reports each file line that writes one (an error: `explorer check` names the line),
and strips them from the data all the same. User input (typed commands, script lines, saves) goes
through `clean` before it is echoed or stored.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and the C1 controls
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# where a TOML text writes one: an escape (\u001b, \U0000001B, \e, \x1b) or a raw C1 character
_WRITTEN = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|e|x[0-9A-Fa-f]{2})|[\x80-\x9f]")
_ALLOWED = {0x09, 0x0A}


def clean(text: str) -> str:
    """text without terminal control characters (newline and tab kept; CRLF read as a newline)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return CONTROL.sub("", text) if CONTROL.search(text) else text


def escaped(text: str) -> str:
    """text with each control character shown as a visible escape, e.g. '\\x1b'."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def _is_control(code: int) -> bool:
    return code not in _ALLOWED and (code < 0x20 or 0x7F <= code <= 0x9F)


def scrub(data: object) -> tuple[object, int]:
    """(data with control characters removed from every string and key, how many were removed;
    a CRLF read as a newline is not counted)."""
    if isinstance(data, str):
        plain = data.replace("\r\n", "\n") if "\r" in data else data
        cleaned = clean(plain)
        return cleaned, len(plain) - len(cleaned)
    if isinstance(data, list):
        total, out = 0, []
        for item in data:
            value, n = scrub(item)
            out.append(value)
            total += n
        return out, total
    if isinstance(data, dict):
        total, table = 0, {}
        for key, item in data.items():
            value, n = scrub(item)
            new_key, m = scrub(key)
            table[new_key] = value
            total += n + m
        return table, total
    return data, 0


# bytes that are never a control character: printable ASCII, tab, newline, and every byte of
# a multi-byte UTF-8 character (C1 controls are looked for apart: 0xC2 then 0x80-0x9F)
_NOT_CONTROL = bytes(range(0x20, 0x7F)) + b"\t\n" + bytes(range(0x80, 0x100))
_C1_IN_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_ESCAPE = re.compile(rb"\\[uUex]")  # the TOML escapes that can write a control character


def might_hold_controls(text: str, raw: bytes | None = None) -> bool:
    """A fast test on a file (its text, or better its UTF-8 bytes): False means no string in it
    can hold a control character. It looks in the bytes for the escapes that write one and for
    a raw one; a regular expression over the text would cost ~30 ns a character (6-15 ms on the
    bundled pack), this well under a millisecond."""
    if raw is None:
        raw = text.encode("utf-8", "surrogatepass")
    if _ESCAPE.search(raw) is not None:
        return True
    rest = raw.translate(None, _NOT_CONTROL)  # C0 controls, DEL and CR are left
    if rest.strip(b"\r") or (rest and raw.count(b"\r") != raw.count(b"\r\n")):
        return True  # a control, or a CR that is not part of a CRLF
    return _C1_IN_UTF8.search(raw) is not None


def control_lines(text: str) -> list[tuple[int, str]]:
    """(line number, 'U+001B') of every line that writes a control character, in order."""
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        for m in _WRITTEN.finditer(line):
            token = m.group(0)
            if token.startswith("\\"):
                if m.start() > 0 and line[m.start() - 1] == "\\":
                    continue  # an escaped backslash, then ordinary letters
                body = token[1:]
                code = 0x1B if body == "e" else int(body[1:], 16)
            else:
                code = ord(token)
            if _is_control(code):
                out.append((number, f"U+{code:04X}"))
                break
        else:
            m = CONTROL.search(line.removesuffix("\r"))
            if m and _is_control(ord(m.group(0))):
                out.append((number, f"U+{ord(m.group(0)):04X}"))
    return out

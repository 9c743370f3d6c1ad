"""Citations: `<seed file>:<line>` or a URL; quoting the cited line when the texts are at hand."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from explorer.core.fields import SEED_SOURCE


def is_seed(source: str) -> bool:
    return bool(SEED_SOURCE.match(source))


@lru_cache(maxsize=64)
def _lines(path: str) -> tuple[str, ...] | None:
    try:
        return tuple(Path(path).read_text(encoding="utf-8", errors="replace").splitlines())
    except OSError:
        return None


def quote(source: str, sources_dir: str | Path | None, limit: int = 600) -> str | None:
    """The text of a cited seed line, shortened to `limit` characters, or None."""
    if not sources_dir:
        return None
    m = SEED_SOURCE.match(source)
    if not m:
        return None
    lines = _lines(str(Path(sources_dir) / m.group("file")))
    number = int(m.group("line"))
    if lines is None or not 1 <= number <= len(lines):
        return None
    text = lines[number - 1].strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text or None

"""The adventure's transcript: a Markdown file of every command and reply (player text escaped,
so nothing a player typed is read as Markdown or HTML)."""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from explorer.adventure import prose


def record(path: Path, line: str, reply: str) -> None:
    """Append one command (already cleaned and cut to length) and its reply."""
    from explorer.core.markdown_text import block, escape

    text = escape(line.strip()) or " "
    with contextlib.suppress(OSError):
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"**\\> {text}**\n\n{block(reply)}\n")


def start(engine, folder: Path) -> Path:
    """A new transcript file in `folder`, with its heading; returns its path."""
    from explorer.core.markdown_text import escape

    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"transcript-{stamp}.md"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"transcript-{stamp}-{n}.md"
    pack = engine.pack
    role = (f", as the envoy of {engine.atlas.actor(engine.role).name}"
            if engine.role in pack.actors else "")
    path.write_text(f"# {escape(f'Kingmaker transcript: {pack.title}')}\n\n"
                    + escape(f"Started {datetime.now():%Y-%m-%d %H:%M}, on "
                             f"{prose.day(engine.on)}{role}.") + "\n\n", encoding="utf-8")
    return path

"""The transcript is valid Markdown: the player's text escaped, the replies' columns as tables."""

from __future__ import annotations

from markdown_it import MarkdownIt

from explorer.adventure import Engine
from explorer.adventure.saves import transcripts_dir


def test_transcript_escapes_typed_text_and_renders_tables(bundled_atlas):
    game = Engine(bundled_atlas)
    game.handle("transcript on")
    game.handle("x <script>alert(1)</script>")
    game.handle("power")
    game.handle("transcript off")
    path = game.transcript or next(transcripts_dir().glob("*.md"))
    html = MarkdownIt("commonmark").enable("table").render(path.read_text(encoding="utf-8"))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.startswith("<h1>Kingmaker transcript")
    assert "<table>" in html and "<th>Banzhaf</th>" in html

"""Hand-outs as valid Markdown: typed text shown literally, aligned columns as tables."""

from __future__ import annotations

from markdown_it import MarkdownIt

from explorer.core.markdown_text import block, escape

MD = MarkdownIt("commonmark").enable("table")


def html(text: str) -> str:
    return MD.render(text)


def test_typed_html_and_markdown_are_shown_literally():
    typed = "<script>alert(1)</script> **bold** _it_ [a](http://x) `code` # h | pipe & amp;"
    out = html(escape(typed))
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<strong>" not in out and "<em>" not in out and "<a " not in out
    assert "<code>" not in out and "<h1>" not in out
    assert "**bold**" in out and "[a](http://x)" in out and "&amp; amp;" in out


def test_line_starts_that_markdown_would_read_as_blocks_are_escaped():
    for line in ("# title", "- item", "+ item", "1. first", "2) second", "> quote", "==="):
        out = html(escape(line))
        assert out.startswith("<p>"), (line, out)


def test_aligned_columns_become_a_table_and_other_lines_keep_their_breaks():
    reply = ("Voting power:\n"
             "    unit                 seats  Banzhaf\n"
             "  * Reds                    5    40.0%\n"
             "  * Blues <b>               4    30.0%\n"
             "(* in your coalition)\n"
             "  1. Harbour Town — Bob")
    out = html(block(reply))
    assert "<table>" in out and "<th>unit</th>" in out and "<td>* Reds</td>" in out
    assert "<td>* Blues &lt;b&gt;</td>" in out and "<td>40.0%</td>" in out
    assert "<br />" in out and "<ol>" not in out  # "1." stays text, not a list
    assert "(* in your coalition)" in out


def test_a_table_without_a_header_row_gets_an_empty_header():
    out = html(block("Seats:\n  Reds      5\n  Blues     4\n  Total     9 of 12"))
    assert out.count("<tr>") == 4 and "<td>Reds</td>" in out and "<td>9 of 12</td>" in out

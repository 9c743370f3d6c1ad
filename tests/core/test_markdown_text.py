"""Hand-outs as valid Markdown: typed text shown literally, aligned columns as tables."""

from __future__ import annotations

from markdown_it import MarkdownIt

from explorer.core.markdown_text import block, escape, inline

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


def test_inline_puts_a_report_line_on_one_line_and_keeps_it_literal():
    """The report's headings and list items (report.py, report_deal.py) use inline()."""
    name = "1. The  <b>Reds</b>\n- and *Blues*"
    assert "\n" not in inline(name)
    out = html(f"## {inline(name)}\n\n- {inline(name)}")
    assert "<h2>1. The &lt;b&gt;Reds&lt;/b&gt; - and *Blues*</h2>" in out
    assert "<li>1. The &lt;b&gt;Reds&lt;/b&gt; - and *Blues*</li>" in out
    assert "<ol>" not in out and "<em>" not in out


def test_a_cell_stays_one_cell_of_one_row():
    """The report's and the class board's tables: a pipe or a line break in a name must not
    split the cell or end the row."""
    cell = escape("Reds | Blues\n2. *x*", cell=True)
    out = html(f"| a | b |\n|---|---|\n| {cell} | 5 |")
    assert out.count("<tr>") == 2 and out.count("<td>") == 2
    assert "<td>Reds | Blues 2. *x*</td>" in out


def test_escape_keeps_the_line_breaks_of_a_transcript_reply():
    out = escape("# one\ntwo *2*")
    assert out.split("\n") == [r"\# one", r"two \*2\*"]

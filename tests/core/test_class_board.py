"""The class board: submissions evaluated side by side, the tally, the Markdown export."""

from __future__ import annotations

from markdown_it import MarkdownIt

from explorer.core.class_board import board, board_markdown, tally
from explorer.core.classroom import Submission


def subs():
    return [
        Submission("group-1", "l", 0, "2020-01-10", ("reds", "blues"), "ann"),
        Submission("group-2", "l", 0, "2020-01-10", ("greens",), None, note="<i>we tried</i>"),
    ]


def test_board_rows_have_the_engines_numbers(mini_atlas):
    rows = board(mini_atlas, subs())
    one, two = rows
    assert one.group == "group-1" and one.low == 7 and one.seats == "7"
    assert [(m.name, m.seats) for m in one.members] == [("Red List", "4"), ("Blue List", "3")]
    assert dict((n, r) for n, _, r in one.verdicts) == {"Majority": True, "Two-thirds": True}
    assert one.pm == "Ann Red" and one.feasible_majority
    assert all(m.banzhaf is not None for m in one.members)
    assert two.low == 3 and not two.main_reached and not two.feasible_majority
    assert tally(rows).startswith("1 group found a feasible majority, 1 group did not")
    assert tally([]) == "No group has handed in a coalition yet."


def test_board_markdown_is_a_table_and_escapes_what_groups_typed(mini_atlas):
    text = board_markdown(board(mini_atlas, subs()), "A tiny parliament", "Lesson <x>")
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<table>" in html and html.count("<tr>") == 3
    assert "<i>" not in html and "&lt;i&gt;we tried&lt;/i&gt;" in html
    assert "Lesson &lt;x&gt;" in html and "1 group found a feasible majority" in html


def test_explorer_board_prints_the_board_from_the_class_folder(tmp_path, capsys):
    from conftest import MINI

    from explorer.cli import main
    from explorer.core.classroom import ClassStore

    store = ClassStore(tmp_path / "class")
    for sub in subs():
        store.submit(sub)
    store.submit(Submission("group-1", "l", 1, "2020-01-10", ("greens",), None))  # the latest
    store.close()
    assert main(["board", "--class-dir", str(tmp_path / "class"), "--content", str(MINI)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Class board: A tiny parliament")
    assert "0 groups found a feasible majority, 2 groups did not." in out
    assert "| group-1 | 2 |" in out and "| group-2 | 1 |" in out
    assert main(["board", "--class-dir", str(tmp_path)]) == 2
    assert "not a class folder" in capsys.readouterr().err

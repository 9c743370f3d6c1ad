"""The teacher's class board: every group's hand-in side by side, live, with the tally.

Reads the class database every second (explorer.core.classroom) and lets the engine judge each
coalition (explorer.core.class_board). `m` exports the board as Markdown (a download in the
browser), `f` turns follow mode on or off for the class, Escape goes back.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from explorer.core.class_board import (
    BoardRow,
    board,
    board_markdown,
    latest_per_group,
    share,
    tally,
)
from explorer.tui.meaning import MEANING_CLASSES, DrawnWhenPainted, MeaningStyles
from explorer.tui.textual_internals import OneFramePerLayout

REFRESH_SECONDS = 1.0


class BoardTable(MeaningStyles, DataTable):
    """The hand-ins, one row a group; verdicts in the theme's colours of the moment."""

    COMPONENT_CLASSES = MEANING_CLASSES

    def verdict(self, text: str, ok: bool, bold_when_missed: bool = False) -> DrawnWhenPainted:
        """'reached' / 'short' (or 'yes' / 'no') in the verdict's colour, looked up when the
        cell is painted (a DataTable keeps its cells across a theme change)."""
        meaning = "verdict-yes" if ok else "verdict-no"
        style = "bold" if ok or bold_when_missed else ""
        return DrawnWhenPainted(lambda: Text(text, style=self.ink(meaning, style)))


class BoardScreen(OneFramePerLayout, Screen):
    """The class board (a teacher's session only)."""

    CSS_PATH = "board_screen.tcss"  # the screen's style, beside this module

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("m", "export", "Export Markdown"),
        Binding("f", "toggle_follow", "Follow mode"),
    ]

    def __init__(self, lesson_id: str | None = None) -> None:
        super().__init__()
        self.lesson_id = lesson_id
        self.rows: list[BoardRow] = []
        self._seen: tuple | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="board-head", markup=False)
        yield Static("", id="board-tally", markup=False)
        yield Static("", id="board-members", markup=False)
        yield BoardTable(id="board-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        names = [f"{t.name} ({t.seats})" for t in self.app.atlas.pack.thresholds]
        table.add_columns("Group", "Step", "Seats", *names, "Feasible", "PM",
                          "Members: seats (Banzhaf power)")
        self.refresh_board()
        self.set_interval(REFRESH_SECONDS, self.refresh_board)
        table.focus()

    @property
    def session(self):
        return self.app.class_session

    def refresh_board(self) -> None:
        store = self.session.store
        subs = latest_per_group(store.submissions(self.lesson_id))
        members = store.members()
        lead = store.lead()
        key = (tuple((s.name, s.step, s.at) for s in subs),
               tuple((m.name, m.connected) for m in members), lead)
        if key == self._seen:
            return
        self._seen = key
        self.rows = board(self.app.atlas, subs)
        pack = self.app.atlas.pack
        lesson = pack.lessons.get(self.lesson_id) if self.lesson_id else None
        where = f" · {lesson.title}" if lesson else ""
        step = f" · teacher on step {lead.step + 1}" if lead.step is not None and lesson else ""
        follow = " · follow mode on" if lead.follow else ""
        self.query_one("#board-head", Static).update(
            Text(f"Class board{where}{step}{follow}", no_wrap=True, overflow="ellipsis"))
        self.query_one("#board-tally", Static).update(Text(tally(self.rows)))
        here = [m.name for m in members if m.connected and m.role != "teacher"]
        self.query_one("#board-members", Static).update(Text(
            f"Connected ({len(here)}): {', '.join(here) or 'nobody yet'}"))
        self._fill(self.query_one(BoardTable))

    def _fill(self, table: BoardTable) -> None:
        table.clear()
        for r in self.rows:
            members = Text(" + ".join(f"{m.name} {m.seats} ({share(m.banzhaf)})"
                                      for m in r.members) or "nobody")
            marks = [table.verdict("reached" if ok else "short", ok) for _, _, ok in r.verdicts]
            feasible = table.verdict("yes" if r.feasible else "no", r.feasible,
                                     bold_when_missed=True)
            table.add_row(Text(r.group, style="bold"), str(r.step + 1) if r.step >= 0 else "—",
                          r.seats, *marks, feasible, Text(r.pm or "none"), members)

    def markdown(self) -> str:
        pack = self.app.atlas.pack
        lesson = pack.lessons.get(self.lesson_id) if self.lesson_id else None
        return board_markdown(self.rows, pack.title, lesson.title if lesson else None)

    def action_export(self) -> None:
        from explorer.tui.handouts import hand_out

        hand_out(self.app, self.markdown(), "board", "md", lesson=self.lesson_id)

    def action_toggle_follow(self) -> None:
        store = self.session.store
        follow = not store.lead().follow
        store.set_follow(follow)
        self.notify("Follow mode on: students' lessons follow your step." if follow
                    else "Follow mode off: students move on their own.", markup=False)
        self.refresh_board()

"""'Resume where you left off?': offered at start when a session of this pack was kept."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from explorer.tui.textual_internals import OneFramePerLayout


class ResumeScreen(OneFramePerLayout, ModalScreen[bool]):
    """Resume the last session (Enter) or start afresh (Esc)."""

    CSS_PATH = "resume_screen.tcss"  # the screen's style, beside this module

    BINDINGS = [
        Binding("enter", "answer(True)", "Resume", id="resume"),
        Binding("escape", "answer(False)", "Start afresh", id="afresh"),
    ]

    def __init__(self, summary: str) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Resume where you left off?"), classes="resume-title")
            yield Static(Text("Last time you had " + self.summary))
            yield Static(Text("Enter: resume · Esc: start afresh"),
                         classes="resume-hint")

    def action_answer(self, resume: bool) -> None:
        self.dismiss(resume)

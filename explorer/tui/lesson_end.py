"""The end of a lesson (→ on its last step): what it covered and what to hand in.

Dismissed with "restart" (back to step 1), "leave" (to the explorer) or None (stay on the last
step). Also `QuitScreen`: the question `q` asks in a served session before ending it.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from explorer.tui.textual_internals import OneFramePerLayout


def end_text(lesson, in_class: bool, served: bool) -> Text:
    text = Text()
    text.append(f"You have finished “{lesson.title}”.\n", style="bold")
    if lesson.summary:
        text.append(f"\n{lesson.summary}\n")
    text.append("\nThe steps:\n", style="bold")
    for i, step in enumerate(lesson.steps, 1):
        text.append(f"  {i}. {step.title}\n")
        if step.question:
            text.append(f"     ? {step.question}\n", style="italic")
    text.append("\nWhat to hand in:\n", style="bold")
    if in_class:
        text.append("  • Your coalition: build it in the coalition builder (c), then press s "
                    "on a lesson step (or type 'submit' in the adventure). It goes on your "
                    "teacher's board.\n")
    text.append("  • Your answers to the questions above, with the engine's numbers (Space on "
                "a step shows them).\n")
    if served:
        text.append("  • F12 downloads a picture of the screen; the command palette (Ctrl+P) "
                    "downloads the coalition report and the graph.\n")
    else:
        text.append("  • F12 saves a picture of the screen; 'explorer export coalition' writes "
                    "a Markdown report.\n")
    return text


class LessonEndScreen(OneFramePerLayout, ModalScreen[str | None]):
    CSS_PATH = "lesson_end.tcss"  # the screen's style, beside this module

    BINDINGS = [
        Binding("enter,q", "choose('leave')", "Explorer"),
        Binding("r,home", "choose('restart')", "Start again"),
        Binding("escape,left", "choose(None)", "Back to the last step"),
    ]

    def __init__(self, lesson, in_class: bool = False, served: bool = False) -> None:
        super().__init__()
        self.lesson, self.in_class, self.served = lesson, in_class, served

    def compose(self) -> ComposeResult:
        with Vertical(id="end-box"):
            with VerticalScroll():
                yield Static(end_text(self.lesson, self.in_class, self.served), id="end-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#end-box").border_title = "End of the lesson"

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)


class QuitScreen(OneFramePerLayout, ModalScreen[bool]):
    """End this browser session? (y / Enter: yes; n / Escape: no)."""

    CSS_PATH = "lesson_end.tcss"  # the screen's style, beside this module

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes, end it"),
        Binding("n,escape,q", "answer(False)", "No, go on"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-box"):
            yield Static(Text("End this session? Your progress and saves are kept: join again "
                              "with the same name to go on.\n\ny: end it    n: go on"))
        yield Footer()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

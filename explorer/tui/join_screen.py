"""The join screen of a served class: a name (a student or a group) and the class code.

The first screen of a served tab (the base of its own mode, so nothing else is built before
the student has joined): it hands the open `ClassSession` to `joined`. Every problem is said
on the screen and the student tries again: a bad name, a name another connected tab uses, a
wrong code, a class folder that cannot be written.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from explorer.core.classroom import ClassError
from explorer.tui.class_session import ClassConfig, ClassSession, open_session
from explorer.tui.textual_internals import OneFramePerLayout


class JoinScreen(OneFramePerLayout, Screen):
    """Who is at this keyboard?"""

    CSS_PATH = "join_screen.tcss"  # the screen's style, beside this module

    BINDINGS = [Binding("escape", "clear_error", "Clear", show=False)]
    AUTO_FOCUS = "#join-name"

    def __init__(self, config: ClassConfig, title: str,
                 joined: Callable[[ClassSession], None]) -> None:
        super().__init__()
        self.config = config
        self.joined = joined
        self.pack_title = title
        self._to_code = False

    def compose(self) -> ComposeResult:
        with Vertical(id="join-box"):
            yield Static(Text(f"Join the class: {self.pack_title}"), id="join-title")
            yield Static(Text("Your name, or your group's (one word: letters, digits, - or _). "
                              "Your work is kept under it: join again with the same name to go "
                              "on where you were."), classes="join-label")
            yield Input(placeholder="e.g. amira or group-3", id="join-name", max_length=40)
            label = ("Class code (from your teacher)" if self.config.code
                     else "Class code (leave empty; the teacher types the teacher code)")
            yield Static(Text(label), classes="join-label")
            yield Input(placeholder="code", id="join-code", password=False, max_length=40)
            yield Static("", id="join-error", markup=False)
            yield Button("Join", id="join-go", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#join-name", Input).focus()

    def on_key(self, event) -> None:
        """Keys that arrive before an input has the keyboard (the first frame of a browser
        session) are not lost: they go to the name, Enter to the next step."""
        if self.focused is not None:
            return
        name = self.query_one("#join-name", Input)
        name.focus()
        if event.key == "enter":
            event.stop()
            self._name_done()
        elif event.is_printable and event.character:
            event.stop()
            name.insert_text_at_cursor(event.character)

    @on(Input.Submitted, "#join-name")
    def _name_done(self) -> None:
        """Enter on the name goes to the code; a second Enter there joins (keys typed fast on a
        busy server reach the name before the keyboard has moved)."""
        if self._to_code:
            self._join()
            return
        self._to_code = True
        self.query_one("#join-code", Input).focus()

    @on(Input.Submitted, "#join-code")
    @on(Button.Pressed, "#join-go")
    def _join(self) -> None:
        self.join(self.query_one("#join-name", Input).value,
                  self.query_one("#join-code", Input).value)

    def join(self, name: str, code: str) -> None:
        error = self.query_one("#join-error", Static)
        if not name.strip():
            error.update(Text("Type your name (or your group's) first."))
            self.query_one("#join-name", Input).focus()
            return
        try:
            session = open_session(self.config, name, code)
        except ClassError as exc:
            error.update(Text(str(exc)))
            field = "#join-code" if "code" in str(exc) else "#join-name"
            self.query_one(field, Input).focus()
            return
        self.joined(session)

    def action_clear_error(self) -> None:
        self.query_one("#join-error", Static).update("")

"""The Adventure screen: the text adventure in a narration pane with a command line.

The engine (explorer.adventure) answers in plain strings; they are written as rich `Text`, so
whatever a pack or a player typed ("[bold]", "[@click=app.quit]") is shown literally. The
adventure plays on the app's shared `CoalitionState` (`app.state`, see table_state.py), so the
builder and the adventure show one coalition with one undo history; `show_table()` tells the
player of a change made elsewhere.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.suggester import Suggester
from textual.widgets import Input, RichLog

from explorer.tui.footer import KeyFooter
from explorer.tui.statusbar import StatusBar, TitleBar
from explorer.tui.table_state import ShowsTheTable
from explorer.tui.textual_internals import OneFramePerLayout


class CommandSuggester(Suggester):
    """Completes the last word: a verb first, then actor names and aliases (any case)."""

    def __init__(self, verbs: list[str], names: list[str]) -> None:
        super().__init__(use_cache=True, case_sensitive=True)
        self.verbs = [v for v in verbs if len(v) > 1]
        one_word = sorted((n for n in names if " " not in n), key=lambda n: (len(n), n))
        several = sorted((n for n in names if " " in n), key=lambda n: (len(n), n))
        self.names = one_word + several
        self._known = {n.casefold() for n in names}

    async def get_suggestion(self, value: str) -> str | None:
        return self.complete(value)

    def complete(self, value: str) -> str | None:
        if not value or value[-1].isspace():
            return None
        head, _, last = value.rpartition(" ")
        pool = self.names if head.strip() else self.verbs + self.names
        verb, _, named = head.strip().partition(" ")
        if verb.casefold() == "ask" and named.casefold() in self._known:
            pool = ["about"]  # 'ask NAME about NAME': after a whole name comes 'about'
        key = last.casefold()
        for word in pool:
            if len(word) > len(last) and word.casefold().startswith(key):
                return value[: len(value) - len(last)] + word
        return None


class NarrationLog(RichLog):
    """The narration: wrapped to the pane's width, and wrapped again whenever that changes.

    The vertical scroll bar is always there, so the text never runs under it when it appears;
    every paragraph is kept (up to KEEP) so a resize lays them all out again.
    """

    KEEP = 2000

    def __init__(self, **kwargs) -> None:
        super().__init__(wrap=True, markup=False, highlight=False, min_width=1, **kwargs)
        self.paragraphs: list[Text] = []
        self._laid_out_at = 0

    def say(self, text: Text) -> None:
        self.paragraphs.append(text)
        del self.paragraphs[:-self.KEEP]
        self.write(text, width=self._width())

    def _width(self) -> int | None:
        """The pane's own width (Textual would measure against the console's, which can
        lag behind a resize); None until the size is known."""
        width = self.scrollable_content_region.width
        return width if self._size_known and width > 0 else None

    def clear_all(self) -> None:
        self.paragraphs.clear()
        self.clear()

    def on_resize(self, event) -> None:
        if not self._size_known:
            super().on_resize(event)  # the first size: the writes waiting for it go out
            self._laid_out_at = 0  # and are laid out again at the pane's own width
        self.call_after_refresh(self._relayout)

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if width and width != self._laid_out_at:
            self._laid_out_at = width
            self.clear()
            for text in self.paragraphs:
                self.write(text, width=width, scroll_end=False)
            self.scroll_end(animate=False, immediate=True)


class CommandInput(Input):
    """The command line: Up and Down walk through the commands typed before."""

    BINDINGS = [
        Binding("up", "history(-1)", "Previous command", show=False, id="previous-command"),
        Binding("down", "history(1)", "Next command", show=False, id="next-command"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.history: list[str] = []
        self.position = 0
        self.draft = ""

    def remember(self, line: str) -> None:
        if line and (not self.history or self.history[-1] != line):
            self.history.append(line)
        self.position = len(self.history)
        self.draft = ""

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self.position == len(self.history):
            self.draft = self.value
        self.position = max(0, min(len(self.history), self.position + step))
        self.value = self.draft if self.position == len(self.history) else \
            self.history[self.position]
        self.cursor_position = len(self.value)


class AdventureScreen(ShowsTheTable, OneFramePerLayout, Screen):
    """Play the crisis as a text adventure: type commands, read the narration."""

    HELP = (
        "You are an envoy in the 2010 crisis. Type commands at the bottom and press Enter: "
        "look, examine NAME (x), go PLACE or go N, talk to NAME, ask NAME about NAME, invite "
        "NAME, dismiss NAME, propose pm NAME, coalition (i), power, why, undo, again (g), "
        "hint, challenges, save NAME, restore NAME, help. Right arrow accepts the grey "
        "completion; Up and Down recall earlier commands. The coalition is shared with the "
        "coalition builder."
    )

    CSS_PATH = "adventure_screen.tcss"  # the screen's style, beside this module

    BINDINGS = [
        Binding("ctrl+l", "clear_log", "Clear the narration", show=False, id="clear-log"),
        # letters go to the command line here: the way out is shown as function keys
        Binding("f2", "app.switch_to('explore')", "Explore", key_display="F2", id="explore"),
        Binding("f3", "app.switch_to('coalition')", "Coalition", key_display="F3",
                id="coalition"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.engine = None
        self._seen = None
        self._own_move = False

    def compose(self) -> ComposeResult:
        from explorer.adventure import Engine

        app = self.app
        self.engine = Engine(app.atlas, state=app.state, sources_dir=app.sources_dir)
        app.deal_engine = self.engine  # the builder's deal panel shows the terms made here
        if getattr(app, "class_session", None) is not None:  # 'submit' hands in to the board
            from explorer.tui.class_hooks import hand_in

            self.engine.hand_in = lambda coalition, on, note: hand_in(app, coalition, on, note)
        verbs, names = self.engine.vocabulary()
        yield TitleBar()
        yield NarrationLog(id="narration")
        command = CommandInput(placeholder="What now? (help lists the verbs)", id="command",
                               suggester=CommandSuggester(verbs, names))
        command.cursor_blink = getattr(app, "cursor_blink", True)
        yield command
        yield StatusBar()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Kingmaker"
        self.sub_title = "Adventure"
        self.say(self.engine.intro())
        self._seen = self.engine.snapshot()
        self.query_one(CommandInput).focus()

    @property
    def log_widget(self) -> NarrationLog:
        return self.query_one("#narration", NarrationLog)

    def say(self, text: str, style: str = "") -> None:
        self.log_widget.say(Text(text, style=style))

    @on(Input.Submitted, "#command")
    def submitted(self, event: Input.Submitted) -> None:
        command = self.query_one(CommandInput)
        line = event.value
        command.value = ""
        command.remember(line.strip())
        self.run_command(line)

    def run_command(self, line: str) -> str:
        engine = self.engine
        self.say("")
        self.say(f"> {line}", style="bold")
        recording = engine.transcript
        self._own_move = True  # its own moves are not news to it (see show_table)
        try:
            reply = engine.handle(line)
        finally:
            self._own_move = False
        self.say(reply)
        self._seen = engine.snapshot()
        if recording is not None and (engine.transcript is None or engine.finished):
            from explorer.tui.handouts import hand_out_file

            hand_out_file(self.app, recording, "transcript", "md")  # a download in a browser
        if engine.finished:
            engine.finished = False
            self.leave()
        return reply

    def leave(self) -> None:
        app = self.app
        switch = getattr(app, "switch_to", None)
        if callable(switch) and getattr(app, "current_mode", None) == "adventure":
            switch("explore")
        elif len(app.screen_stack) > 1 and app.screen is self:
            app.pop_screen()
        else:
            app.exit()

    def show_table(self) -> None:
        """Tell the player about a change made elsewhere (the builder, a lesson, the date keys)."""
        if self.engine is None or self._seen is None or self._own_move:
            return
        engine = self.engine
        now = engine.snapshot()
        if now == self._seen:
            return
        from explorer.adventure.verbs_table import tally

        self._seen = now
        self.say("")
        self.say(f"(Meanwhile the table has changed. It is now {_day(engine.on)}.)",
                 style="italic")
        self.say(tally(engine))

    def action_clear_log(self) -> None:
        self.log_widget.clear_all()


def _day(when) -> str:
    from explorer.adventure.prose import day

    return day(when)

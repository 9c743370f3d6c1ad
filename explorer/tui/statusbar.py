"""The status bar: the current date and the current event, on every screen that mounts one.

It follows the app's `date_changed` signal, so any screen (the coalition builder too) can simply
`yield StatusBar()` and stay in step with `app.set_date`.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from explorer.core.timeline import current_event, next_event
from explorer.tui.fmt import day


class StatusBar(Horizontal):
    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        background: $panel;
        color: $foreground;
        & > Label { height: 1; padding: 0 1; }
        & > #status-date { background: $primary; color: $text; text-style: bold; }
        & > #status-event { width: 1fr; }
        & > #status-next { color: $text-muted; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Label(id="status-date")
        yield Label(id="status-event")
        yield Label(id="status-next")

    def on_mount(self) -> None:
        signal = getattr(self.app, "date_changed", None)
        if signal is not None:
            signal.subscribe(self, self.show_date, immediate=True)
        self.show_date(getattr(self.app, "on", None))

    def on_resize(self) -> None:
        self.show_date(getattr(self.app, "on", None))

    def show_date(self, on: date | None) -> None:
        atlas = getattr(self.app, "atlas", None)
        if atlas is None:
            return
        pack = atlas.pack
        self.query_one("#status-date", Label).update(Text(day(on) if on else "All dates"))
        event = current_event(pack, on) if on else None
        wide = self.size.width >= 100
        if event is None:
            now = Text("Before the first event", style="italic")
        else:
            now = Text.assemble(("Now: ", "bold"), (event.title, ""))
            if wide and (event.date.start != on or event.date.precision != "day"):
                now.append(f"  ({event.date})", style="dim")
        now.no_wrap, now.overflow = True, "ellipsis"
        self.query_one("#status-event", Label).update(now)
        nxt = next_event(pack, on) if on else None
        hint = Text.assemble((",", "bold"), " prev  ", (".", "bold"), " next")
        if nxt is not None and wide:
            hint = Text.assemble(("Next: ", ""), (str(nxt.date), ""), "   ", hint)
        self.query_one("#status-next", Label).update(hint)

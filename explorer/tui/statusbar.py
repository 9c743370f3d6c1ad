"""The title bar and the status bar: one line each, drawn by one widget each.

Both are plain line renderers rather than containers of labels (a Textual Header is four widgets,
a row of labels four more), which keeps every screen's first frame cheaper.



"""

from __future__ import annotations

from datetime import date

from rich.style import Style
from rich.text import Text
from textual import events
from textual.strip import Strip
from textual.widget import Widget

from explorer.core.timeline import current_event, next_event
from explorer.tui.fmt import day


def _line(parts: list[Text], width: int, base: Style, console) -> Strip:
    """One row of a bar: `parts` side by side, cut or padded to `width`, on the base style."""
    text = Text(no_wrap=True, end="", overflow="ellipsis")
    for part in parts:
        text.append_text(part)
    text.truncate(width, overflow="ellipsis", pad=True)
    return Strip(text.render(console), width).apply_style(base)


class TitleBar(Widget):
    """◆ and the screen's title and subtitle, centred; clicking the ◆ opens the command palette."""

    # a reusable widget's own look (one line docked on every screen, its component classes)
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        & > .title-bar--sub { color: $foreground-muted; }
    }
    """
    COMPONENT_CLASSES = {"title-bar--sub"}
    ICON = "◆"

    def on_mount(self) -> None:
        self.watch(self.screen, "title", self._retitle, init=False)
        self.watch(self.screen, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    @property
    def text(self) -> str:
        return self.render_text().plain.strip()

    def render_text(self) -> Text:
        screen = self.screen
        title = screen.title or self.app.title
        sub = screen.sub_title or self.app.sub_title
        width = self.size.width
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        heading = Text(title, no_wrap=True, end="")
        if sub:
            heading.append(" — ")
            heading.append(sub, style=self.get_component_rich_style("title-bar--sub"))
        middle = max(0, (width - heading.cell_len) // 2)
        text.append(f" {self.ICON} ")
        text.pad_right(max(0, middle - text.cell_len))
        text.append_text(heading)
        return text

    def render_line(self, y: int) -> Strip:
        return _line([self.render_text()], self.size.width, self.rich_style, self.app.console)

    def on_click(self, event: events.Click) -> None:
        if event.x < 3:
            event.stop()
            self.app.action_command_palette()


class StatusBar(Widget):
    """The date, the event in force, and the next one (or the keys to step through them)."""

    # a reusable widget's own look (one line on every screen, its component classes)
    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        & > .status-bar--date { background: $primary; color: $text; text-style: bold; }
        & > .status-bar--next { color: $text-muted; }
    }
    """
    COMPONENT_CLASSES = {"status-bar--date", "status-bar--next"}

    def __init__(self) -> None:
        super().__init__()
        self.date_text = Text()
        self.event_text = Text()
        self.next_text = Text()

    def on_mount(self) -> None:
        self.watch(self.app, "on", self.show_date)  # the app's date (table_state.TableApp)
        self.watch(self.app, "story_at", lambda _at: self.show_date(self.app.on), init=False)

    def on_resize(self) -> None:
        self.show_date(self.app.on)

    def show_date(self, on: date | None) -> None:
        pack = self.app.atlas.pack
        self.date_text = Text(day(on) if on else "All dates")
        at = getattr(self.app, "story_at", None)
        event = current_event(pack, on, at) if on else None
        wide = self.size.width >= 100
        if event is None:
            now = Text("Before the first event", style="italic")
        else:
            now = Text.assemble(("Now: ", "bold"), (event.title, ""))
            if wide and (event.date.start != on or event.date.precision != "day"):
                now.append(f"  ({event.date})", style="dim")
        self.event_text = now
        nxt = next_event(pack, on, at) if on else None
        hint = Text.assemble((",", "bold"), " prev  ", (".", "bold"), " next")
        if nxt is not None and wide:
            hint = Text.assemble(("Next: ", ""), (str(nxt.date), ""), "   ", hint)
        self.next_text = hint
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        stamp = Text.assemble(" ", self.date_text, " ",
                              style=self.get_component_rich_style("status-bar--date"))
        hint = Text.assemble(" ", self.next_text, " ",
                             style=self.get_component_rich_style("status-bar--next"))
        room = max(0, width - stamp.cell_len - hint.cell_len - 2)
        now = self.event_text.copy()
        now.truncate(room, overflow="ellipsis", pad=True)
        return _line([stamp, Text(" "), now, Text(" "), hint], width, self.rich_style,
                     self.app.console)

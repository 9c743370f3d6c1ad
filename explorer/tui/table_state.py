"""The app state every screen watches: the date and the coalition on the table.

`TableApp` holds the atlas and one `CoalitionState` (made on first use: the first frame does not
need it). Whoever changes the state — the builder, the adventure, a lesson, the palette, the
date keys — the state tells its listeners, and the app turns that into two reactives:

    on        the current date
    revision  goes up by one on every change of the coalition, its picture or the date

A screen that draws them mixes in `ShowsTheTable` and implements `show_table()`: it is called
when they change while the screen is on the active stack, and when the screen comes back into
view after missing a change. No edit has to remember to re-render anyone.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.reactive import reactive, var

from explorer.tui.meaning import MEANING_CSS, meaning_variables

if TYPE_CHECKING:
    from explorer.core.coalition import CoalitionState
    from explorer.core.graph import Atlas


class TableApp(App):
    """An app with an atlas and the one coalition state its screens share and watch."""

    CSS = MEANING_CSS  # the component classes of the colours with a meaning (meaning.py)

    # State, not drawing: a change repaints nothing by itself (a `reactive` would repaint the
    # whole screen at every toggle, a full frame on top of the panels that show it); the
    # screens that draw the date or the table watch these and refresh what shows them.
    on: reactive[date | None] = var(None, init=False, always_update=False)
    revision: reactive[int] = var(0, init=False)
    #: the position of Now in the story order (explorer/core/story.py) when standing on an
    #: event, which tells apart the events of one day; None when standing on a day
    story_at: reactive[int | None] = var(None, init=False, always_update=False)

    def __init__(self, atlas: Atlas, on: date | None,
                 sources_dir: str | Path | None = None) -> None:
        super().__init__()
        self.atlas = atlas
        self.sources_dir = sources_dir
        self._state: CoalitionState | None = None
        self.set_reactive(TableApp.on, on)

    def get_css_variables(self) -> dict[str, str]:
        """Textual's variables and the colours with a meaning (`$stance-hostile`,
        `$verdict-yes` ...: explorer/tui/meaning.py), made from the current theme."""
        variables = super().get_css_variables()
        variables.update(meaning_variables(variables, self.current_theme.variables))
        self.theme_variables = variables
        return variables

    @property
    def state(self) -> CoalitionState:
        """The coalition being built (made on first use)."""
        if self._state is None:
            from explorer.core.coalition import CoalitionState

            self._state = CoalitionState(self.atlas, self.on)
            self._state.listen(self._table_changed)
        return self._state

    def _table_changed(self, state: CoalitionState) -> None:
        with self.batch_update():  # every screen that follows redraws in one frame
            self.on = state.on
            self.revision += 1

    def set_date(self, on: date | None, at: int | None = None) -> None:
        """Stand on another date (the coalition's members are kept); `at`: on that event."""
        self.story_at = at
        if self._state is not None:
            if on != self._state.on:
                self._state.set_date(on)
        elif on != self.on:
            with self.batch_update():
                self.on = on
                self.revision += 1


class ShowsTheTable:
    """Mixin for a Screen that draws the app's date or coalition (see the module docstring)."""

    _table_seen: int = -1

    def show_table(self) -> None:
        """Redraw from `self.app.on` and `self.app.state`."""

    def on_mount(self) -> None:
        self._table_seen = self.app.revision
        self.watch(self.app, "revision", self._table_changed, init=False)

    def _table_changed(self, revision: int) -> None:
        if self.is_mounted and self in self.app.screen_stack:
            self._table_seen = revision
            self.show_table()

    def on_screen_resume(self) -> None:
        if self._table_seen != self.app.revision:
            self._table_seen = self.app.revision
            self.show_table()

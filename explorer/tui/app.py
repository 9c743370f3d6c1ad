"""The Kingmaker app: holds the atlas, the coalition state and the current date.

`make_app` is the factory used by the CLI (`explorer` with no command) and by the tests. Screens
are Textual MODES (explore, coalition, adventure, lesson), each built lazily on first use. The
date and the coalition are app state the screens watch (`TableApp` in table_state.py): any edit,
wherever it is made, redraws every screen that shows them.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from explorer.core.text import SeatRange
from explorer.tui.app_session import SessionMixin
from explorer.tui.class_actions import AppClassActions
from explorer.tui.commands import ActionCommands, ActorCommands
from explorer.tui.stylesheet import ReusingStylesheet
from explorer.tui.table_state import TableApp
from explorer.tui.textual_internals import css_variables, screens_of_every_mode
from explorer.tui.themes import next_theme, register_themes
from explorer.tui.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen

if TYPE_CHECKING:
    from explorer.core.graph import Atlas
    from explorer.tui.class_session import ClassConfig, ClassSession
    from explorer.tui.search import ActorSearch

SCREENSHOT_DIR = "screenshots"
JOIN_MODE = "join"  # a served tab's first mode: the join screen alone, removed once joined


def _explore() -> Screen:
    from explorer.tui.browse_screen import ExploreScreen

    return ExploreScreen()


def _lazy(module: str, class_name: str) -> Callable[[], Screen]:
    """A MODES factory importing `module` on first use."""
    return lambda: getattr(importlib.import_module(module), class_name)()


class KingmakerApp(AppClassActions, SessionMixin, TableApp):
    """Explore the actors, build coalitions and travel through the timeline."""

    CSS_PATH = "app.tcss"
    TITLE = "Kingmaker"
    COMMANDS = App.COMMANDS | {ActorCommands, ActionCommands}
    MODES = {
        "explore": _explore,
        "coalition": _lazy("explorer.tui.coalition_screen", "CoalitionScreen"),
        "adventure": _lazy("explorer.tui.adventure_screen", "AdventureScreen"),
        "lesson": _lazy("explorer.tui.lesson_screen", "LessonScreen"),
    }
    DEFAULT_MODE = "explore"

    BINDINGS = [
        Binding("q", "quit_asking", "Quit", id="quit"),
        Binding("f1,question_mark", "help", "Help", key_display="F1", id="help"),
        Binding("comma,less_than_sign", "step_date(-1)", "Previous event", key_display=",",
                show=False, id="previous-event"),
        Binding("full_stop,greater_than_sign", "step_date(1)", "Next event", key_display=".",
                show=False, id="next-event"),
        Binding("t", "timeline", "Timeline", show=False, id="timeline"),
        Binding("e,f2", "switch_to('explore')", "Explore", show=False, id="explore"),
        Binding("c,f3", "switch_to('coalition')", "Coalition", show=False, id="coalition"),
        Binding("a,f4", "switch_to('adventure')", "Adventure", show=False, id="adventure"),
        Binding("l,f5", "switch_to('lesson')", "Lessons", show=False, id="lessons"),
        Binding("f8", "toggle_present", "Presentation mode", show=False, id="present"),
        Binding("f9", "cycle_theme", "Next theme", show=False, id="theme"),
        Binding("f12", "screenshot", "Screenshot", show=False, priority=True, id="screenshot"),
    ]

    present: reactive[bool] = reactive(False)
    mode_before_lesson = "explore"

    def __init__(self, atlas: Atlas, on: date | None, sources_dir: str | Path | None = None,
                 present: bool = False, theme: str | None = None, lesson: str | None = None,
                 lesson_step: int | None = None, resume: bool = True,
                 classroom: ClassConfig | None = None, choose_pack: bool = False) -> None:
        if classroom is not None:  # served: the join screen alone comes first (class_hooks)
            self.DEFAULT_MODE = JOIN_MODE
        super().__init__(atlas, on, sources_dir)
        self.choose_pack = choose_pack  # ask first which bundled pack to open (pack_chooser.py)
        self.switch_pack: str | None = None  # set when another pack was chosen: open it next
        self.classroom = classroom  # set by `explorer serve`
        if classroom is not None:
            from explorer.tui import class_hooks

            self.add_mode(JOIN_MODE, class_hooks.join_screen_for(self, self._open_lesson))
        self.class_session: ClassSession | None = None
        self.built_coalition = None  # (coalition, date) last left in the coalition builder
        self._last_mode: str | None = None
        self.stylesheet = ReusingStylesheet(variables=css_variables(self))
        self.lesson, self.lesson_step = lesson, lesson_step  # read by the lesson screen
        self._search: ActorSearch | None = None
        self._search_lock = threading.Lock()
        self._theme_before_present: str | None = None
        self._bad_theme: str | None = None
        self._offer_resume = resume and not lesson
        self._keeps_session = resume
        self._student = None  # during a lesson: the student's (state, date) put aside
        self._quit_armed = False
        from explorer.tui.keymap import load_keymap

        keymap, self._key_errors = load_keymap()
        if keymap:
            self.set_keymap(keymap)
        register_themes(self)
        if present:
            self._theme_before_present = self.theme
            self.set_reactive(KingmakerApp.present, True)
            self.theme = "projector"
        if theme:
            if theme in self.available_themes:
                self.theme = theme
            else:
                self._bad_theme = theme

    # -- state -----------------------------------------------------------------------------
    @property
    def search(self) -> ActorSearch:
        """The name index of the actor filter (built once, in a thread at start-up)."""
        with self._search_lock:
            if self._search is None:
                from explorer.tui.search import ActorSearch

                self._search = ActorSearch(self.atlas.pack.actors.values())
            return self._search

    @property
    def cursor_blink(self) -> bool:
        """Inputs blink, except headless (tests and snapshots need still frames)."""
        return not self.is_headless

    # -- lifecycle -------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._screen_changed)
        # the filter's name index: built in a thread once the first frame is out (a thread
        # started now would take the interpreter from the first frame's work)
        self.call_after_refresh(self.run_worker, lambda: self.search, thread=True,
                                name="search-index")
        self._screen_changed(self.screen)
        if self.classroom is None:
            self._open_lesson()
        for error in self._key_errors:
            self.notify(error, title="Your keys", severity="error", markup=False, timeout=10)
        if self.choose_pack and self.classroom is None:
            self.call_after_refresh(self._ask_pack_first)
        elif self._offer_resume and self.classroom is None:
            self._offer_session()
        if self._bad_theme:
            self.notify(f"No theme called {self._bad_theme!r}; try "
                        + ", ".join(sorted(self.available_themes)), severity="warning",
                        markup=False)

    def _ask_pack_first(self) -> None:
        from explorer.tui.pack_chooser import open_chooser

        resume = self._offer_session if self._offer_resume else None
        open_chooser(self, first=True, then=resume)

    def action_choose_pack(self) -> None:
        """The command palette's 'Open another content pack'."""
        from explorer.tui.pack_chooser import can_switch, open_chooser

        if can_switch(self):
            open_chooser(self)

    def _open_lesson(self) -> None:
        if self.current_mode == JOIN_MODE:  # joined: the class starts on its lesson or exploring
            self.switch_mode("lesson" if self.lesson else "explore")
            self.remove_mode(JOIN_MODE)
        elif self.lesson:
            self.call_after_refresh(self.switch_mode, "lesson")

    def on_unmount(self) -> None:
        if self.class_session is not None:
            from explorer.tui import class_hooks

            class_hooks.stop(self)

    def on_resize(self) -> None:
        self.call_after_refresh(self._check_size)

    def _screen_changed(self, screen: Screen) -> None:
        if self._last_mode == "coalition" and self.current_mode != "coalition" and self._state:
            self.built_coalition = (self._state.coalition, self._state.on)  # for a hand-in
        self._last_mode = self.current_mode
        screen.set_class(self.present, "-present")
        if self._student is not None and self.current_mode != "lesson":
            self.end_lesson()
        self._check_size()

    def _check_size(self) -> None:
        width, height = self.size
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        if small and not isinstance(self.screen, TooSmallScreen):
            self.push_screen(TooSmallScreen())
        elif not small and isinstance(self.screen, TooSmallScreen):
            self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if isinstance(self.screen, TooSmallScreen):
            return action in ("quit", "quit_asking", "screenshot", "command_palette")
        if self.current_mode == JOIN_MODE:  # nothing opens before the class is joined
            return action in ("quit", "quit_asking", "screenshot", "help", "cycle_theme",
                              "toggle_present")
        if action in ("hand_in", "class_board"):
            session = self.class_session
            return session is not None and (action == "hand_in" or session.teacher)
        return True

    def watch_present(self, present: bool) -> None:
        for screen in screens_of_every_mode(self):
            screen.set_class(present, "-present")
            hook = getattr(screen, "present_changed", None)
            if callable(hook) and screen.is_mounted:
                hook(present)
        if present:
            self._theme_before_present = self.theme
            self.theme = "projector"
        elif self.theme == "projector" and self._theme_before_present:
            self.theme = self._theme_before_present

    # -- navigation ------------------------------------------------------------------------
    def switch_to(self, mode: str) -> None:
        if mode != "lesson" and self._student is not None:
            self.end_lesson()  # before the next screen is built on the lesson's copy
        if mode == "lesson" and self.current_mode != "lesson":
            self.mode_before_lesson = self.current_mode  # Esc in the lesson goes back there
        if mode != self.current_mode:
            self.switch_mode(mode)

    def action_switch_to(self, mode: str) -> None:
        self.switch_to(mode)

    def go_to_actor(self, actor_id: str) -> None:
        """Open an actor's page on the Explore screen."""
        from explorer.tui.browse_screen import ExploreScreen

        self.switch_to("explore")
        while len(self.screen_stack) > 1 and not isinstance(self.screen, ExploreScreen):
            self.pop_screen()
        if isinstance(self.screen, ExploreScreen):
            self.screen.go_to(actor_id)

    def action_step_date(self, step: int) -> None:
        """Step to the next or previous event of the story (each one is Now once)."""
        from explorer.core.story import story

        on = self.on
        if on is None:
            return
        st = story(self.atlas.pack)
        at = st.next(on, self.story_at) if step > 0 else st.previous(on, self.story_at)
        if at is None:
            self.bell()
            self.notify("No later event." if step > 0 else "No earlier event.", timeout=2)
            return
        self.go_to_event(at)

    def go_to_event(self, at: int) -> None:
        """Stand on the event at this position of the story order."""
        from explorer.core.story import story

        self.set_date(story(self.atlas.pack).days[at], at)

    def action_timeline(self) -> None:
        from explorer.tui.timeline import TimelineScreen

        if isinstance(self.screen, TimelineScreen):
            self.pop_screen()
        else:
            self.push_screen(TimelineScreen())

    def action_help(self) -> None:
        from explorer.tui.help_screen import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        else:
            self.push_screen(HelpScreen(self.screen))

    # -- coalition edits (palette and keys) ------------------------------------------------
    def _edit(self, change: Callable[[], object], message: str | Callable[[], str]) -> None:
        try:
            change()
        except (LookupError, ValueError) as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        ev = self.state.evaluate(completions=False)
        government = self.atlas.pack.government_threshold
        verdict = next((v.text for v in ev.verdicts if v.threshold == government), "")
        text = message() if callable(message) else message
        self.notify(f"{text}. Coalition: {SeatRange(ev.low, ev.high).seats()}. {verdict}",
                    markup=False)

    def _unit_name(self, item: str) -> str:
        from explorer.core.coalition import name_of

        return name_of(self.atlas, self.state.picture, item)

    def add_member(self, item: str) -> None:
        self._edit(lambda: self.state.add(item), f"In the coalition: {self._unit_name(item)}")

    def toggle_member(self, item: str) -> None:
        joined: list[bool] = []
        name = self._unit_name(item)
        self._edit(lambda: joined.append(self.state.toggle(item)),
                   lambda: f"{'In' if joined[0] else 'Out of'} the coalition: {name}")

    def split_unit(self, unit_id: str) -> None:
        self._edit(lambda: self.state.split(unit_id), f"{self._unit_name(unit_id)} is split")

    def set_pm(self, person_id: str) -> None:
        self._edit(lambda: self.state.set_pm(person_id),
                   f"{self._unit_name(person_id)} is the PM candidate")

    # -- themes, presentation, screenshots -------------------------------------------------
    def action_cycle_theme(self) -> None:
        self.theme = next_theme(self.theme)
        self.notify(f"Theme: {self.theme}", timeout=2, markup=False)

    def action_toggle_present(self) -> None:
        self.present = not self.present

    def action_screenshot(self) -> None:
        if self.is_web or self.class_session is not None:
            from explorer.tui.handouts import hand_out

            hand_out(self, self.export_screenshot(), "screenshot", "svg")
            return
        folder = Path(SCREENSHOT_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y-%m-%d_%H-%M-%S_%f")
        self.clear_notifications()  # earlier notices are not part of the picture
        path = self.save_screenshot(filename=f"kingmaker_{stamp}.svg", path=str(folder))
        self.notify(f"Screenshot saved: {path}", markup=False, timeout=2)


def make_app(atlas: Atlas | None = None, on: date | None = None, sources_dir=None,
             present: bool = False, theme: str | None = None, content=None,
             lesson: str | None = None, lesson_step: int | None = None,
             resume: bool = True, classroom: ClassConfig | None = None,
             choose_pack: bool = False) -> KingmakerApp:
    """The app for an atlas (or the pack at `content`, or the bundled pack). Served by
    `explorer serve` (the web driver), the class it set up comes from the environment."""
    if atlas is None:
        from explorer.core.graph import Atlas
        from explorer.core.pack_cache import load_pack_cached

        atlas = Atlas(load_pack_cached(content))
    if on is None:
        on = atlas.pack.default_date
    if classroom is None and "web_driver" in os.environ.get("TEXTUAL_DRIVER", ""):
        from explorer.tui.class_session import ClassConfig

        classroom = ClassConfig.from_env()
    return KingmakerApp(atlas, on, sources_dir=sources_dir, present=present, theme=theme,
                        lesson=lesson, lesson_step=lesson_step, resume=resume,
                        classroom=classroom, choose_pack=choose_pack)

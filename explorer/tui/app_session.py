"""What the app keeps for the student: lessons on their own copy, the session, asking to quit.

A mixin of `KingmakerApp` (it uses the app's `_state`, `_on`, `atlas` and screen stacks):

- a lesson works on its own `CoalitionState`; the student's coalition and date are put aside when
  the lesson starts and given back when the student leaves the lesson screen;
- the session (coalition, date, screen, page history) is written on every change and on quitting,
  and offered back at the next start;
- `q` with a coalition built asks first; a second `q` quits.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from explorer.tui.textual_internals import screens_of_mode

if TYPE_CHECKING:
    from explorer.core.coalition import CoalitionState


class SessionMixin:
    # -- lessons work on their own copy ----------------------------------------------------
    def begin_lesson(self) -> None:
        """From now on `state` and `on` are the lesson's: the student's are put aside."""
        if self._student is not None:
            return
        from explorer.core.coalition import CoalitionState

        self.save_session()
        self._student = (self._state, self.on)
        lesson_state = CoalitionState(self.atlas, self.on)
        lesson_state.listen(self._table_changed)
        self._state = lesson_state

    def end_lesson(self) -> None:
        """Give the student's coalition and date back (and re-render everything)."""
        if self._student is None:
            return
        state, on = self._student
        self._student = None
        self._state = state
        with self.batch_update():
            self.on = state.on if state is not None else on
            self.revision += 1

    @property
    def in_lesson(self) -> bool:
        return self._student is not None

    # -- the session: kept on every change, offered back at the next start ---------------
    def watch_revision(self) -> None:
        """Every change of the table: the session is kept, a pending 'q again' is off."""
        self._quit_armed = False
        if self._student is None:
            self.save_session()

    def _student_view(self) -> tuple[CoalitionState | None, date | None]:
        if self._student is not None:
            return self._student
        return self._state, self.on

    def save_session(self, now: bool = False) -> None:
        """Keep the session: captured here (under a millisecond), written by a thread (the
        durable write takes ~16 ms), or at once with `now` (on quitting). An app that does not
        offer sessions back (a served browser tab) keeps none."""
        from explorer.core.session import capture

        if not self._keeps_session:
            return

        state, on = self._student_view()
        mode = self.current_mode if self._student is None else "explore"
        history, position = [None], 0
        explore = next((s for s in screens_of_mode(self, "explore")
                        if hasattr(s, "history")), None)
        if explore is not None:
            history, position = explore.history, explore.position
        session = capture(self.atlas.pack.id, state, on, mode, history, position)
        if session.is_empty(self.atlas.pack.default_date) and not self._saved_before():
            return
        with self._session_lock():
            self._session_seq += 1
            item = (self._session_seq, session)
            if now:
                self._pending_session = None
            else:
                self._pending_session = item
                start = not self._session_writer
                self._session_writer = True
        if now:
            self._write_one(item)
        elif start:
            self.run_worker(self._write_sessions, thread=True, group="session",
                            name="session-writer")

    _pending_session = None
    _session_writer = False
    _session_seq = 0
    _session_written = 0

    def _session_lock(self):
        """The lock of the pending session and the sequence numbers (held only briefly)."""
        lock = self.__dict__.get("_lock_of_session")
        if lock is None:
            import threading

            lock = self.__dict__.setdefault("_lock_of_session", threading.RLock())
        return lock

    def _write_one(self, item) -> None:
        """Write a session unless a newer one is already on disk."""
        from explorer.core.session import save

        seq, session = item
        with self._write_lock():  # one write at a time, newest last
            with self._session_lock():
                if seq <= self._session_written:
                    return
                self._session_written = seq
            save(session)  # outside the pending lock: the UI thread does not wait for it

    def _write_lock(self):
        lock = self.__dict__.get("_lock_of_writes")
        if lock is None:
            import threading

            lock = self.__dict__.setdefault("_lock_of_writes", threading.Lock())
        return lock

    def _write_sessions(self) -> None:
        """The writer thread: the newest pending session, until none is left."""
        while True:
            with self._session_lock():
                item, self._pending_session = self._pending_session, None
                if item is None:
                    self._session_writer = False
                    return
            self._write_one(item)

    def _saved_before(self) -> bool:
        from explorer.core.session import session_path

        return session_path(self.atlas.pack.id).exists()

    def _offer_session(self) -> None:
        """Read the kept session now; ask after the first frame unless work has begun."""
        from explorer.core.session import load

        session = load(self.atlas)
        if session is None or session.is_empty(self.atlas.pack.default_date):
            return
        start_on = self.on

        def ask() -> None:
            if self.unsaved_work() or self.on != start_on or self._student is not None:
                return  # the student (or a test) is already at work: do not interrupt
            from explorer.tui.resume_screen import ResumeScreen

            def answered(resume: bool | None) -> None:
                if resume:
                    self.resume_session(session)

            self.push_screen(ResumeScreen(session.summary(self.atlas)), answered)

        self.call_after_refresh(ask)

    def resume_session(self, session) -> None:
        """Put a saved session back: coalition, date, page history and screen."""
        from explorer.core.session import restore_state

        state = restore_state(self.atlas, session)
        state.listen(self._table_changed)
        self._state = state
        explore = next((s for s in screens_of_mode(self, "explore")
                        if hasattr(s, "history")), None)
        if explore is not None:
            explore.history = list(session.history)
            explore.position = session.position
        with self.batch_update():
            self.on = state.on
            self.revision += 1
        if explore is not None and explore.current is not None:
            explore.actor_list.highlight(explore.current)
        self.switch_to(session.mode)

    # -- quitting --------------------------------------------------------------------------
    def unsaved_work(self) -> bool:
        state, _on = self._student_view()
        return state is not None and bool(state.undo_stack)

    def action_quit_asking(self) -> None:
        """q: quit, but with a coalition built ask first (a second q quits)."""
        if self.unsaved_work() and not self._quit_armed:
            self._quit_armed = True
            self.notify("Press q again to quit. Your coalition and date are kept and offered "
                        "back next time.", title="Quit?", severity="warning", markup=False)
            return
        self.save_session(now=True)
        self.exit()

    async def action_quit(self) -> None:
        self.save_session(now=True)
        self.exit()


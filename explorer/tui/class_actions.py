"""The class actions of the app and of the lesson screen, as mixins (no import at start-up:
everything they need is imported when a key is pressed).

`AppClassActions`: hand in, open the board, the palette's
downloads. `LessonClassActions`: the end of a lesson, `s` hand in, `f` the teacher's step, `b`
the board (see explorer.tui.class_hooks).
"""

from __future__ import annotations


class AppClassActions:
    def action_hand_in(self) -> None:
        from explorer.tui.class_hooks import hand_in

        self.notify(hand_in(self, self.state.coalition, self.state.on), markup=False)

    def action_class_board(self) -> None:
        from explorer.tui.class_hooks import open_board

        open_board(self)

    def action_download(self, what: str) -> None:
        """The coalition report or the graph: a download in a browser, a file in a terminal."""
        from explorer.tui import handouts

        if what == "report":
            handouts.hand_out(self, handouts.coalition_report(self), "coalition-report", "md")
        else:
            handouts.hand_out(self, handouts.graph_export(self), "graph", "graphml")


class LessonClassActions:
    def _show_end(self) -> None:
        """After the last step: what the lesson covered and what to hand in."""
        from explorer.tui.lesson_end import LessonEndScreen

        def chosen(choice: str | None) -> None:
            if choice == "restart":
                self.action_first()
            elif choice == "leave":
                self.action_leave()

        in_class = getattr(self.app, "class_session", None) is not None
        self.app.push_screen(LessonEndScreen(self.run.lesson, in_class, self.app.is_web), chosen)

    def action_hand_in(self) -> None:
        from explorer.tui.class_hooks import hand_in_from_lesson

        hand_in_from_lesson(self)

    def action_teacher_step(self) -> None:
        from explorer.tui.class_hooks import back_to_teacher

        back_to_teacher(self)

    def action_board(self) -> None:
        from explorer.tui.class_hooks import open_board

        open_board(self.app)

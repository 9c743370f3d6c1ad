"""The coalition builder: assemble coalitions live against the pack's thresholds.

The screen is thin: every key calls the engine (`CoalitionState`, `power()`); the state tells
the app, and `show_table()` evaluates once and hands the results to the panels, which only
format them. The app owns `state`, `atlas`, `on` and `sources_dir` (see table_state.py), so an
edit made anywhere else (the adventure, a lesson, the palette, the date keys) redraws it too.
"""

from __future__ import annotations

from time import perf_counter

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, OptionList, TabbedContent, TabPane

from explorer.core.coalition import Evaluation, name_of
from explorer.core.seats import Picture, splittable
from explorer.core.tensions import cover_of
from explorer.tui import coalition_panels as ui
from explorer.tui.bar_model import bar_model, members_inside, names_of, table_colors
from explorer.tui.builder_views import BuilderViews
from explorer.tui.deal_panel import DealPanel
from explorer.tui.footer import KeyFooter
from explorer.tui.hemicycle import Hemicycle, show_chamber
from explorer.tui.seatbar import SeatBar
from explorer.tui.statusbar import StatusBar, TitleBar
from explorer.tui.table_state import ShowsTheTable
from explorer.tui.textual_internals import OneFramePerLayout


class CoalitionScreen(BuilderViews, ShowsTheTable, OneFramePerLayout, Screen):  # styled in app.tcss
    """Assemble a government against the pack's thresholds (the government line first)."""

    HELP_TITLE = "Coalition builder"
    HELP_TEXT = (
        "Every unit on the table is an electoral list (or a bloc, or a faction you split out) "
        "with its seats; disputed figures are ranges such as 39–40. Space or Enter puts the "
        "highlighted unit in or out of the coalition. The seat bar shows the coalition's seats "
        "in colour against {lines}; hatched seats "
        "count only at the top of a disputed range. Tensions are the hostile relations inside "
        "the coalition, with their sources: a hard refusal makes the coalition infeasible. "
        "n nominates the prime-minister candidate; lists that refuse to serve under that person "
        "become hard refusals. Completions are the smallest additions that reach each "
        "threshold, feasible ones first: 1-9 (or Enter on one) applies it. i shows the voting "
        "power of each unit (Banzhaf and Shapley-Shubik; starred columns count only coalitions "
        "without a hard refusal). s splits the highlighted list into its factions (› marks the "
        "units that can be split), v marks units and m merges the marked units (or else the "
        "members) into one bloc. u undoes, r redoes, x empties the coalition. , and . step "
        "through the events: the table follows the date. h draws the chamber as a hemicycle "
        "instead of the bar (in windows at least 36 lines tall); T shows each unit's power at "
        "every event date."
    )

    @property
    def HELP(self) -> str:  # noqa: N802 - the name the help screen reads
        """The help text with this pack's lines in it ('the 76 (Absolute majority) line')."""
        try:
            thresholds = self.atlas.pack.thresholds
        except Exception:  # noqa: BLE001 - no pack yet: speak of the lines in general
            thresholds = ()
        lines = [f"{t.label}" for t in thresholds]
        if not lines:
            text = "the pack's threshold lines"
        elif len(lines) == 1:
            text = f"the {lines[0]} line"
        else:
            text = f"the {', '.join(lines[:-1])} and {lines[-1]} lines"
        return self.HELP_TEXT.format(lines=text)

    BINDINGS = [
        Binding("space,plus", "toggle", "In/out", key_display="Space", id="toggle-member",
                tooltip="Put the highlighted unit in or out"),
        Binding("n", "pick_pm", "Nominate PM", id="pick-pm",
                tooltip="Choose the prime-minister candidate"),
        Binding("s", "split", "Split", id="split",
                tooltip="Split the highlighted unit into its parts"),
        Binding("v", "mark", "Mark", id="mark", show=False,
                tooltip="Mark the highlighted unit for a merge"),
        Binding("m", "merge", "Merge", id="merge", show=False,
                tooltip="Merge the marked units (or the members)"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("r", "redo", "Redo", id="redo", show=False),
        Binding("x", "clear", "Clear", id="clear", show=False, tooltip="Empty the coalition"),
        Binding("i", "switch_tab", "Tensions/Power", id="switch-pane",
                tooltip="Show the power indices or the tensions"),
        Binding("home,g", "edge(-1)", "First row", show=False, id="first", priority=True),
        Binding("end,G", "edge(1)", "Last row", show=False, id="last", priority=True),
        Binding("w", "why", "Why", id="why", show=False,
                tooltip="Why the highlighted unit has its power"),
        Binding("d", "deal", "Deal", id="deal", show=False,
                tooltip="Posts by member, shares and verdicts of the deal"),
        Binding("D", "real_deal", "Real deal", show=False, id="real-deal",
                tooltip="The pack's real allocation beside your deal"),
        Binding("h", "toggle_chamber", "Hemicycle", id="hemicycle", show=False,
                tooltip="Show the chamber as a hemicycle or as a bar"),
        Binding("T", "power_over_time", "Power over time", id="power-over-time", show=False,
                tooltip="Each unit's power at every event date"),
        Binding("1", "complete(1)", "Completion", key_display="1-9", show=False,
                tooltip="Apply completion 1 (2 … 9 apply the others)"),
        *(Binding(str(n), f"complete({n})", "", show=False)
          for n in range(2, 10)),
    ]

    def __init__(self, name: str | None = None, id: str | None = None,
                 classes: str | None = None):
        super().__init__(name=name, id=id, classes=classes)
        self.evaluation: Evaluation | None = None
        self.timings = {"evaluate": 0.0, "power": 0.0, "total": 0.0}  # ms, last redraw
        self.marked: list[str] = []  # units marked for a merge
        self._completion_ids: list[int] = []  # evaluation index of completion number n
        self._power_key: tuple | None = None
        self._power: tuple[list, str, str | None] = ([], "", None)
        self._keys_shown: dict[str, bool] = {}
        self.chamber_view = False  # the hemicycle instead of the bar (where the window allows)
        self._chamber: tuple = ()  # what the hemicycle was last given
        self.show_actual = False  # the real allocation beside the player's deal

    # -- layout ---------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SeatBar(id="cs-bar")
        yield Hemicycle(id="cs-hemicycle")
        with Horizontal(id="cs-body"):
            with Vertical(id="cs-left"):
                yield ui.UnitTable(id="cs-units")
                yield ui.CompletionList(id="cs-completions")
            with Vertical(id="cs-right"):
                yield ui.VerdictPanel(id="cs-verdicts")
                with TabbedContent(id="cs-tabs"):
                    with TabPane("Tensions", id="cs-tab-tensions"), VerticalScroll():
                        yield ui.TensionPanel(id="cs-tensions")
                    with TabPane("Power", id="cs-tab-power"), VerticalScroll(can_focus=False):
                        yield ui.PowerPanel(id="cs-power")
                    with TabPane("Deal", id="cs-tab-deal"), VerticalScroll():
                        yield DealPanel(id="cs-deal")
        yield StatusBar()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Kingmaker"
        self.sub_title = "Coalition builder"
        self.query_one(ui.UnitTable).border_title = "On the table"
        self.query_one(ui.CompletionList).border_title = "Completions"
        self.query_one(ui.VerdictPanel).border_title = "Verdict"
        self.show_table()
        self.query_one(ui.UnitTable).focus()

    def on_resize(self, event) -> None:
        short = event.size.height < 30  # 80×24: no table header, a four-line seat bar
        self.query_one(ui.UnitTable).show_header = not short
        self.query_one(SeatBar).compact = short
        self.set_class(event.size.height < 24, "-short")  # the side column scrolls
        self.set_class(event.size.width >= 150, "-wide")
        self.set_class(event.size.width < 80, "-narrow")  # one scrolling column
        show_chamber(self, self.chamber_view)

    # -- the one redraw -------------------------------------------------------------------------
    @property
    def state(self):
        return self.app.state

    @property
    def atlas(self):
        return self.app.atlas

    def show_table(self) -> None:
        """Evaluate the coalition once and redraw every panel (after any change)."""
        start = perf_counter()
        state = self.state
        try:
            ev = state.evaluate()
        except (LookupError, ValueError) as exc:  # a member the engine cannot place on this date
            self.notify(f"Cannot evaluate the coalition ({exc}); u undoes the last change.",
                        severity="error", markup=False)
            return
        evaluated = perf_counter()
        self.evaluation = ev
        picture = state.picture
        self.marked = [m for m in self.marked if m in picture.ids]
        partial = members_inside(self.atlas, picture, ev)
        units = table_colors(picture, partial)
        model = bar_model(self.atlas, picture, ev, units, partial)
        self.query_one(SeatBar).show(model)
        self._chamber = (model, picture)
        if self.chamber_view:
            show_chamber(self, True)
        self.query_one(ui.UnitTable).show(
            self._unit_rows(ev, picture, units, set(partial.values())))
        self._draw_verdicts(ev)  # and the tensions
        self._completion_ids = self.query_one(ui.CompletionList).show(ev, picture, self.name_of)
        before_power = perf_counter()
        self._draw_tabs(picture, units, set(ev.members))
        end = perf_counter()
        self._refresh_keys()
        self.timings = {"evaluate": (evaluated - start) * 1000,
                        "power": (end - before_power) * 1000,
                        "total": (perf_counter() - start) * 1000}

    def name_of(self, item: str) -> str:
        return name_of(self.atlas, self.state.picture, item)

    def _unit_rows(self, ev: Evaluation, picture: Picture, units: dict[str, str],
                   partial: set[str]) -> tuple[ui.UnitRow, ...]:
        pm = self.state.coalition.pm
        cover = cover_of(self.atlas, picture) if pm else None
        return tuple(
            ui.UnitRow(u.id, names_of(self.atlas, u.id, u.name), u.seats_text, units[u.id],
                       u.id in ev.members, partial=u.id in partial, marked=u.id in self.marked,
                       pm=bool(cover and pm in cover.circle(u.id)),
                       splittable=splittable(self.atlas.pack, picture, u.id))
            for u in picture.units)

    def _draw_verdicts(self, ev: Evaluation) -> None:
        pm = self.state.coalition.pm
        actor = self.atlas.pack.actors.get(pm) if pm else None
        pm_text = self.name_of(pm) if pm else None
        if actor is not None and actor.stands_for:
            pm_text += f" ({self.name_of(actor.stands_for)})"
        panel = self.query_one(ui.VerdictPanel)
        pack = self.atlas.pack
        if not pack.has_results(self.state.on):  # before the results: no seats to show
            panel.set_reactive(ui.VerdictPanel.shown, None)  # redraw when results come
            panel.update(f"No results yet on {self.state.on}: the seat figures hold from "
                         f"{pack.seats_from}. Step forward with '.' or pick a later date.")
        else:
            panel.show(ev, pm_text)
        title = self.query_one(ui.TensionPanel).show(
            ev.tensions, len(ev.members), self.name_of, getattr(self.app, "sources_dir", None))
        tab = self.query_one(TabbedContent).get_tab("cs-tab-tensions")
        if tab.label.plain != title:
            tab.label = title

    # -- events ---------------------------------------------------------------------------------
    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_toggle()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._refresh_keys()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "cs-completions" and event.option.id:
            event.stop()
            self._apply_completion(int(event.option.id[1:]))

    # -- actions --------------------------------------------------------------------------------
    def highlighted(self) -> str | None:
        return self.query_one(ui.UnitTable).highlighted_id()

    def _merge_candidates(self) -> list[str]:
        if len(self.marked) >= 2:
            return list(self.marked)
        members = self.evaluation.members if self.evaluation else []
        return [m for m in members if m in self.state.picture.ids]

    def _possible(self) -> dict[str, bool]:
        """Which of the greyable actions can be done now."""
        state = self.state
        return {
            "undo": bool(state.undo_stack),
            "redo": bool(state.redo_stack),
            "clear": bool(state.coalition.members),
            "merge": len(self._merge_candidates()) >= 2,
        }

    def _refresh_keys(self) -> None:
        """Refresh the footer only when a key changes state (the footer is slow to redraw)."""
        possible = self._possible()
        if possible != self._keys_shown:
            self._keys_shown = possible
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Grey out what cannot be done now (nothing to undo, nothing to split ...)."""
        if not self.is_mounted or action not in self._keys_shown:
            return True
        return True if self._possible()[action] else None

    def _attempt(self, change) -> None:
        try:
            change()
        except (LookupError, ValueError) as exc:
            self.notify(str(exc), severity="warning", markup=False)

    def action_toggle(self) -> None:
        unit = self.highlighted()
        if unit is not None:
            self._attempt(lambda: self.state.toggle(unit))

    def action_split(self) -> None:
        unit = self.highlighted()
        if unit is None:
            return
        if not splittable(self.atlas.pack, self.state.picture, unit):
            self.notify(f"{self.name_of(unit)} has no parts to split into on this date.",
                        markup=False)
            return
        self._attempt(lambda: self.state.split(unit))

    def action_mark(self) -> None:
        unit = self.highlighted()
        if unit is not None:
            if unit in self.marked:
                self.marked.remove(unit)
            else:
                self.marked.append(unit)
            self.show_table()

    def action_merge(self) -> None:
        units = self._merge_candidates()
        if len(units) < 2:
            self.notify("Mark two or more units with v (or put them in the coalition) first.")
            return
        self.marked = []
        self._attempt(lambda: self.state.merge(units))

    def action_undo(self) -> None:
        self.state.undo()

    def action_redo(self) -> None:
        self.state.redo()

    def action_clear(self) -> None:
        self._attempt(self.state.clear)

    def action_complete(self, number: int) -> None:
        if 1 <= number <= len(self._completion_ids):
            self._apply_completion(self._completion_ids[number - 1])

    def _apply_completion(self, index: int) -> None:
        ev, state = self.evaluation, self.state
        if ev is None or not 0 <= index < len(ev.completions):
            return
        self._attempt(lambda: state.add_many(list(ev.completions[index].add)))

    def action_pick_pm(self) -> None:
        members = set(self.evaluation.members) if self.evaluation else set()
        self.app.push_screen(ui.PmPicker(self.atlas.pack, self.state.on, self.state.coalition.pm,
                                         members, self.name_of),
                             self._pm_chosen)

    def _pm_chosen(self, choice: str | None) -> None:
        if choice is None:
            return
        pm = None if choice == ui.PmPicker.NO_PM else choice
        if pm != self.state.coalition.pm:
            self._attempt(lambda: self.state.set_pm(pm))

"""The coalition builder: assemble coalitions live against the pack's thresholds.

The screen is thin: every key calls the engine (`CoalitionState`, `power()`); the state tells
the app, and `show_table()` evaluates once and hands the results to the panels, which only
format them. The app owns `state`, `atlas`, `on` and `sources_dir` (see table_state.py), so an
edit made anywhere else (the adventure, a lesson, the palette, the date keys) redraws it too.
"""

from __future__ import annotations

from fractions import Fraction
from time import perf_counter

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, OptionList, TabbedContent, TabPane

from explorer.core.coalition import Evaluation, name_of
from explorer.core.game import power
from explorer.core.seats import Picture, splittable
from explorer.core.tensions import cover_of
from explorer.tui import coalition_panels as ui
from explorer.tui.bar_model import bar_model, members_inside, names_of, table_colors
from explorer.tui.deal_panel import DealPanel
from explorer.tui.footer import KeyFooter
from explorer.tui.seatbar import SeatBar
from explorer.tui.statusbar import StatusBar, TitleBar
from explorer.tui.table_state import ShowsTheTable
from explorer.tui.themes import palette

POWER_THRESHOLD = "majority"


class CoalitionScreen(ShowsTheTable, Screen):
    """Assemble a government against the 163-seat majority and the 217-seat two-thirds line."""

    HELP_TITLE = "Coalition builder"
    HELP = (
        "Every unit on the table is an electoral list (or a bloc, or a faction you split out) "
        "with its seats; disputed figures are ranges such as 39–40. Space or Enter puts the "
        "highlighted unit in or out of the coalition. The seat bar shows the coalition's seats "
        "in colour against the 163 (absolute majority) and 217 (two-thirds) lines; hatched seats "
        "count only at the top of a disputed range. Tensions are the hostile relations inside "
        "the coalition, with their sources: a hard refusal makes the coalition infeasible. "
        "n nominates the prime-minister candidate; lists that refuse to serve under that person "
        "become hard refusals. Completions are the smallest additions that reach each "
        "threshold, feasible ones first: 1-9 (or Enter on one) applies it. i shows the voting "
        "power of each unit (Banzhaf and Shapley-Shubik; starred columns count only coalitions "
        "without a hard refusal). s splits the highlighted list into its factions (› marks the "
        "units that can be split), v marks units and m merges the marked units (or else the "
        "members) into one bloc. u undoes, r redoes, x empties the coalition. , and . step "
        "through the events: the table follows the date."
    )

    DEFAULT_CSS = """
    CoalitionScreen #cs-body { height: 1fr; }
    CoalitionScreen #cs-left { width: 2fr; min-width: 34; max-width: 64; }
    CoalitionScreen #cs-right { width: 3fr; }
    CoalitionScreen #cs-tabs { height: 1fr; }
    CoalitionScreen #cs-tabs TabPane { padding: 0; }
    CoalitionScreen SeatBar { height: auto; padding: 0 1; }
    CoalitionScreen UnitTable, CoalitionScreen CompletionList, CoalitionScreen VerdictPanel {
        border: none;
        border-top: solid $primary 50%;
        border-title-color: $text;
        border-title-style: bold;
        padding: 0;
        scrollbar-size-vertical: 1;
    }
    CoalitionScreen UnitTable { height: auto; max-height: 70%; overflow-x: hidden; }
    CoalitionScreen CompletionList { height: 1fr; min-height: 4; }
    CoalitionScreen VerdictPanel { height: auto; padding: 0 1 1 1; }
    CoalitionScreen UnitTable:focus, CoalitionScreen CompletionList:focus {
        border-top: solid $primary;
    }
    CoalitionScreen TensionPanel, CoalitionScreen PowerPanel { height: auto; padding: 0 1; }
    CoalitionScreen VerticalScroll { scrollbar-size-vertical: 1; }
    """

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
        Binding("d", "deal", "Deal", id="deal",
                tooltip="Posts by member, shares and verdicts of the deal"),
        Binding("D", "real_deal", "Real deal", show=False, id="real-deal",
                tooltip="The pack's real allocation beside your deal"),
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
        self.show_actual = False  # the real allocation beside the player's deal

    # -- layout ---------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SeatBar(id="cs-bar")
        with Horizontal(id="cs-body"):
            with Vertical(id="cs-left"):
                yield ui.UnitTable(id="cs-units")
                yield ui.CompletionList(id="cs-completions")
            with Vertical(id="cs-right"):
                yield ui.VerdictPanel(id="cs-verdicts")
                with TabbedContent(id="cs-tabs"):
                    with TabPane("Tensions", id="cs-tab-tensions"), VerticalScroll():
                        yield ui.TensionPanel(id="cs-tensions")
                    with TabPane("Power", id="cs-tab-power"), VerticalScroll():
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
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show_table())
        self.show_table()
        self.query_one(ui.UnitTable).focus()

    def on_resize(self, event) -> None:
        short = event.size.height < 30  # 80×24: no table header, a four-line seat bar
        self.query_one(ui.UnitTable).show_header = not short
        self.query_one(SeatBar).compact = short
        self.set_class(event.size.height < 24, "-short")  # the side column scrolls
        self.set_class(event.size.width >= 150, "-wide")
        self.set_class(event.size.width < 80, "-narrow")  # one scrolling column

    # -- the one redraw -------------------------------------------------------------------------
    @property
    def state(self):
        return self.app.state

    @property
    def atlas(self):
        return self.app.atlas

    def colors(self) -> dict[str, str]:
        """Colours with a meaning (success, warning, error ...) from the current theme."""
        return {**ui.PLAIN, **palette(self.app)}

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
        colors = self.colors()
        tones = (colors["success"], colors["warning"], colors["error"])
        self.query_one(SeatBar).show(bar_model(self.atlas, picture, ev, units, tones, partial))
        self.query_one(ui.UnitTable).show(
            self._unit_rows(ev, picture, units, colors, set(partial.values())))
        self._draw_verdicts(ev, colors)  # and the tensions
        self._completion_ids = self.query_one(ui.CompletionList).show(ev, picture, self.name_of,
                                                                      colors)
        before_power = perf_counter()
        self._draw_power(picture, units, set(ev.members), colors)
        self._draw_deal(colors)
        end = perf_counter()
        self._refresh_keys()
        self.timings = {"evaluate": (evaluated - start) * 1000,
                        "power": (end - before_power) * 1000,
                        "total": (perf_counter() - start) * 1000}

    def name_of(self, item: str) -> str:
        return name_of(self.atlas, self.state.picture, item)

    def _unit_rows(self, ev: Evaluation, picture: Picture, units: dict[str, str],
                   colors: dict[str, str], partial: set[str]) -> tuple[ui.UnitRow, ...]:
        pm = self.state.coalition.pm
        cover = cover_of(self.atlas, picture) if pm else None
        return tuple(
            ui.UnitRow(u.id, names_of(self.atlas, u.id, u.name), u.seats_text, units[u.id],
                       u.id in ev.members, partial=u.id in partial, marked=u.id in self.marked,
                       pm=bool(cover and pm in cover.circle(u.id)),
                       splittable=splittable(self.atlas.pack, picture, u.id),
                       star=colors["warning"])
            for u in picture.units)

    def _draw_verdicts(self, ev: Evaluation, colors: dict[str, str]) -> None:
        pm = self.state.coalition.pm
        actor = self.atlas.pack.actors.get(pm) if pm else None
        pm_text = self.name_of(pm) if pm else None
        if actor is not None and actor.stands_for:
            pm_text += f" ({self.name_of(actor.stands_for)})"
        self.query_one(ui.VerdictPanel).show(ev, pm_text, colors)
        title = self.query_one(ui.TensionPanel).show(
            ev.tensions, len(ev.members), self.name_of, getattr(self.app, "sources_dir", None),
            colors)
        tab = self.query_one(TabbedContent).get_tab("cs-tab-tensions")
        if tab.label.plain != title:
            tab.label = title

    def _draw_power(self, picture: Picture, units: dict[str, str], members: set[str],
                    colors: dict[str, str]) -> None:
        pm = self.state.coalition.pm
        if (picture, pm) != self._power_key:  # the indices depend on the picture and the PM
            pack = self.atlas.pack
            threshold = pack.threshold(POWER_THRESHOLD) or pack.thresholds[0]
            every = power(self.atlas, picture, threshold.id)
            feasible = power(self.atlas, picture, threshold.id, pm=pm, feasible=True)
            any_feasible = sum(feasible.banzhaf) > 0

            def share(values, i):
                return Fraction(values[i]) if any_feasible else None

            rows = [(u.id, Fraction(every.banzhaf[i]), Fraction(every.shapley_shubik[i]),
                     share(feasible.banzhaf, i), share(feasible.shapley_shubik, i))
                    for i, u in enumerate(picture.units)]
            note = None if any_feasible else "no feasible coalition reaches the majority"
            self._power = (rows, f"{threshold.name} ({threshold.seats})", note)
            self._power_key = (picture, pm)
        rows, title, note = self._power
        shown = [ui.PowerRow(names_of(self.atlas, uid, self.name_of(uid)), units[uid],
                             uid in members, b, s, fb, fs) for uid, b, s, fb, fs in rows]
        self.query_one(ui.PowerPanel).show(shown, title, self.name_of(pm) if pm else None, note,
                                           colors)

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

    def _draw_deal(self, colors: dict[str, str]) -> None:
        from explorer.tui.deal_views import draw_deal

        draw_deal(self, colors)

    def action_deal(self) -> None:
        self.query_one(TabbedContent).active = "cs-tab-deal"
        self._draw_deal(self.colors())

    def action_real_deal(self) -> None:
        self.show_actual = not self.show_actual
        self.action_deal()

    def action_edge(self, step: int) -> None:
        """Home and End: the first or last row of the focused table or list."""
        focused = self.focused
        if isinstance(focused, DataTable) and focused.row_count:
            focused.move_cursor(row=0 if step < 0 else focused.row_count - 1)
        elif isinstance(focused, OptionList) and focused.option_count:
            if step < 0:
                focused.action_first()
            else:
                focused.action_last()

    def action_switch_tab(self) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = "cs-tab-power" if tabs.active == "cs-tab-tensions" else "cs-tab-tensions"
        tabs.scroll_visible(animate=False)  # on a small screen the panel is scrolled into view
        if self.has_class("-narrow") or self.has_class("-short"):
            pane = tabs.query_one(f"#{tabs.active} VerticalScroll")
            pane.focus()  # the keyboard follows (↑↓ read it; Tab goes back to the table)

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
                                         members, self.name_of, self.colors()["success"]),
                             self._pm_chosen)

    def _pm_chosen(self, choice: str | None) -> None:
        if choice is None:
            return
        pm = None if choice == ui.PmPicker.NO_PM else choice
        if pm != self.state.coalition.pm:
            self._attempt(lambda: self.state.set_pm(pm))

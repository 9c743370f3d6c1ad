"""The coalition builder's other views and moves: the hemicycle, power over time, the deal tab,
the power table and its why panel, Home/End. A mixin of `CoalitionScreen` (which has the
state and the panels), kept apart so that each module stays readable.
"""

from __future__ import annotations

from fractions import Fraction

from textual.widgets import DataTable, OptionList, TabbedContent

from explorer.core.game import power
from explorer.core.seats import Picture
from explorer.tui import coalition_panels as ui
from explorer.tui.bar_model import names_of, table_colors
from explorer.tui.hemicycle import HEMICYCLE_MIN_HEIGHT, show_chamber


class BuilderViews:
    _deal_due = False  # the deal tab is behind: drawn when it comes to the front

    def _draw_tabs(self, picture: Picture, units: dict[str, str], members: set[str]) -> None:
        """The power tab, and the deal tab when it is in front: a toggle with the deal behind
        does not evaluate the deal (a tenth of a toggle); it is drawn when it comes forward."""
        self._draw_power(picture, units, members)
        self._deal_due = self.query_one(TabbedContent).active != "cs-tab-deal"
        if not self._deal_due:
            self._draw_deal()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if self._deal_due and event.tabbed_content.active == "cs-tab-deal":
            self._deal_due = False
            self._draw_deal()

    def _draw_power(self, picture: Picture, units: dict[str, str], members: set[str]) -> None:
        pm = self.state.coalition.pm
        if (picture, pm) != self._power_key:  # the indices depend on the picture and the PM
            pack = self.atlas.pack
            threshold = pack.government_threshold
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
                             uid in members, b, s, fb, fs, uid) for uid, b, s, fb, fs in rows]
        self.query_one(ui.PowerPanel).show(shown, title, self.name_of(pm) if pm else None, note)

    # -- why ------------------------------------------------------------------------------------
    def action_why(self, unit: str | None = None) -> None:
        """Explain a unit's power: the power table's cursor row, else the highlighted unit."""
        from explorer.tui.why_screen import open_why

        panel = self.query_one(ui.PowerPanel)
        unit = unit or (panel.highlighted_id() if panel.has_focus else self.highlighted())
        open_why(self, unit, self.atlas.pack.government_threshold.id)

    def on_power_panel_why(self, event: ui.PowerPanel.Why) -> None:
        event.stop()
        self.action_why(event.unit_id)

    def action_toggle_chamber(self) -> None:
        self.chamber_view = not self.chamber_view
        if not show_chamber(self, self.chamber_view) and self.chamber_view:
            self.notify(f"The hemicycle needs a window at least {HEMICYCLE_MIN_HEIGHT} lines "
                        "tall; the seat bar stays.", markup=False)

    def action_power_over_time(self) -> None:
        from explorer.tui.power_chart import PowerOverTimeScreen

        colors = table_colors(self.state.picture, {})
        self.app.push_screen(PowerOverTimeScreen(feasible=bool(self.state.coalition.pm),
                                                 selected=self.highlighted(), colors=colors))

    def _draw_deal(self) -> None:
        from explorer.tui.deal_views import draw_deal

        draw_deal(self)

    def action_deal(self) -> None:
        self.query_one(TabbedContent).active = "cs-tab-deal"
        self._deal_due = False
        self._draw_deal()

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
        """Tensions or power; the power table takes the focus (its rows answer Enter and w)."""
        tabs = self.query_one(TabbedContent)
        tabs.active = "cs-tab-power" if tabs.active == "cs-tab-tensions" else "cs-tab-tensions"
        tabs.scroll_visible(animate=False)  # on a small screen the panel is scrolled into view
        if tabs.active == "cs-tab-power":
            self.query_one(ui.PowerPanel).focus()  # its rows answer Enter and w
        elif self.has_class("-narrow") or self.has_class("-short"):
            pane = tabs.query_one(f"#{tabs.active} VerticalScroll")
            pane.focus()  # the keyboard follows (↑↓ read it; Tab goes back to the table)
        elif self.query_one(ui.PowerPanel).has_focus:
            self.query_one(ui.UnitTable).focus()

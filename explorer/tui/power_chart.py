"""Power over time: each unit's index at every event date, as step lines in braille.

The screen asks the core for a `PowerSeries` (explorer.core.power_series) in a worker thread, so
the builder never waits; the chart draws it: one line per unit in its colour (the selected unit
bright and bold, the others dimmed), a tick on the time axis at every event date, the app's
current date as a shaded column, the cursor's date as a bright one. ←/→ move the cursor from date
to date, ↑/↓ pick the unit, Enter stands on the cursor's date, f switches between all
coalitions and feasible ones only (under the builder's PM), s between Banzhaf and
Shapley–Shubik, g between the pack's thresholds.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from explorer.core.handouts import CHART_COLORS as PALETTE
from explorer.tui.braille import Canvas
from explorer.tui.hemicycle import blend
from explorer.tui.meaning import solid
from explorer.tui.statusbar import StatusBar, TitleBar
from explorer.tui.table_state import ShowsTheTable
from explorer.tui.textual_internals import OneFramePerLayout

AXIS = 6  # columns of the y axis labels
INDEX_NAMES = {"banzhaf": "Banzhaf", "shapley_shubik": "Shapley–Shubik"}


def chart_rows(series, width: int, height: int, selected: str | None, cursor: int | None,
               current: int | None, index: str = "banzhaf",
               colors: dict[str, str] | None = None,
               background: str = "#1e1e1e") -> list[Text]:
    """The chart as `height` lines of `width` cells: the plot, the ticks, the month labels."""
    plot_w, plot_h = max(4, width - AXIS - 1), max(3, height - 2)
    canvas = Canvas(plot_w, plot_h)
    points = series.points
    n = len(points)
    if n == 0:
        return [Text("No events in this pack.")]
    dots_w, dots_h = canvas.dots
    xs = [round(i * dots_w / n) for i in range(n + 1)]  # point i spans xs[i] .. xs[i+1]-1
    colors = colors or {}
    ids = series.unit_ids()
    for col in (current, cursor):
        if col is None:
            continue
        tone = "#3a3a3a" if col == current else "#5a5a2a"
        for cx in range(xs[col] // 2, max(xs[col] // 2 + 1, (xs[col + 1] - 1) // 2 + 1)):
            for row in range(plot_h):
                canvas.shade(cx, row, Style(bgcolor=tone))
    order = [u for u in ids if u != selected] + ([selected] if selected in ids else [])
    for uid in order:
        color = colors.get(uid, PALETTE[ids.index(uid) % len(PALETTE)])
        style = (Style(color=color, bold=True) if uid == selected
                 else Style(color=blend(color, background, 0.55)))
        prev_y = None
        for i, value in enumerate(series.values(uid, index)):
            if value is None:
                prev_y = None
                continue
            y = round((1 - float(value)) * (dots_h - 1))
            if prev_y is not None and prev_y != y:
                canvas.line(xs[i], prev_y, xs[i], y, style)
            canvas.line(xs[i], y, max(xs[i], xs[i + 1] - 1), y, style)
            prev_y = y
    lines = []
    plot = canvas.rows()
    labelled = {round((1 - v) * (dots_h - 1)) // 4: v for v in (0.0, 0.5, 1.0)}
    for row, text in enumerate(plot):
        label = f"{labelled[row]:4.2f} ┤" if row in labelled else "     │"
        lines.append(Text(label.rjust(AXIS), style="dim", end="") + text)
    lines.extend(_time_axis(points, xs, plot_w, cursor, current))
    return lines


def _time_axis(points, xs, plot_w: int, cursor, current) -> list[Text]:
    """A tick under every event date (bold at the cursor) and the months under them."""
    ticks = ["─"] * plot_w
    styles = ["dim"] * plot_w
    for i in range(len(points)):
        col = min(plot_w - 1, xs[i] // 2)
        ticks[col] = "┼" if i == cursor else "┬"
        styles[col] = "bold" if i in (cursor, current) else "dim"
    axis = Text(" " * (AXIS - 1) + "└", style="dim", end="")
    for ch, style in zip(ticks, styles, strict=True):
        axis.append(ch, style)
    labels = [" "] * plot_w
    last_month, last_year = None, None
    for i, point in enumerate(points):
        month = (point.on.year, point.on.month)
        if month == last_month:
            continue
        last_month = month
        text = point.on.strftime("%b")
        if point.on.year != last_year:  # the year where it changes
            text = point.on.strftime("%b %Y")
        col = min(plot_w - 1, xs[i] // 2)
        if all(c == " " for c in labels[max(0, col - 1):col + len(text) + 1]) and \
                col + len(text) <= plot_w:
            labels[col:col + len(text)] = list(text)
            last_year = point.on.year
    return [axis, Text(" " * AXIS + "".join(labels), style="dim", end="")]


class PowerChart(Widget):
    """The chart itself (the screen around it holds the keys and the legend)."""

    # its own sizing only (the screen's style is in power_chart.tcss)
    DEFAULT_CSS = "PowerChart { height: 1fr; min-height: 8; }"

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self.series = None
        self.selected: str | None = None
        self.cursor: int | None = None
        self.current: int | None = None
        self.index = "banzhaf"
        self.line_colors: dict[str, str] = {}

    def render(self) -> Text:
        if self.series is None:
            return Text("Computing the power at every event date…", style="dim")
        size = self.content_size
        background = solid(self.app.theme_variables, "background", "#1e1e1e")  # the theme's now
        rows = chart_rows(self.series, size.width, size.height, self.selected, self.cursor,
                          self.current, self.index, self.line_colors, background)
        return Text("\n", end="").join(rows)


class PowerOverTimeScreen(ShowsTheTable, OneFramePerLayout, Screen):
    """Each unit's power at every event date of the pack (from the coalition builder)."""

    HELP_TITLE = "Power over time"
    HELP = (
        "Each line is one unit's share of voting power (Banzhaf, or Shapley-Shubik with s) at "
        "every event date of the pack, computed on that date's seats, blocs and refusals. The "
        "selected unit's line is bright; the shaded column is the date you stand on. ←/→ move "
        "from date to date, ↑/↓ choose the unit, Enter stands on the highlighted date. f counts "
        "all coalitions or only feasible ones (with the builder's PM candidate); g switches "
        "the threshold. F12 saves the screen as an SVG for a hand-out; Escape goes back."
    )

    CSS_PATH = "power_chart.tcss"  # the screen's style, beside this module

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("left", "move(-1)", "Earlier", key_display="←"),
        Binding("right", "move(1)", "Later", key_display="→"),
        Binding("up", "pick(-1)", "Unit", key_display="↑↓"),
        Binding("down", "pick(1)", "Next unit", show=False),
        Binding("enter", "stand", "Stand on date"),
        Binding("f", "toggle_feasible", "Feasible/all"),
        Binding("s", "toggle_index", "Banzhaf/S–S"),
        Binding("g", "next_threshold", "Threshold"),
    ]

    def __init__(self, feasible: bool = False, selected: str | None = None,
                 colors: dict[str, str] | None = None):
        super().__init__()
        self.feasible = feasible
        self.threshold: str | None = None
        self.initial = selected
        self.unit_colors = dict(colors or {})

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="pc-head")
        yield PowerChart(id="pc-chart")
        yield Static(id="pc-legend")
        yield Static(id="pc-point")
        yield StatusBar()
        yield Footer()

    def on_mount(self) -> None:
        self.title, self.sub_title = "Kingmaker", "Power over time"
        pack = self.app.atlas.pack
        self.threshold = pack.government_threshold.id
        self.compute()

    # -- the series, in a worker ------------------------------------------------------------
    def compute(self) -> None:
        chart = self.query_one(PowerChart)
        chart.series = None
        chart.refresh()
        atlas, pm = self.app.atlas, self.app.state.coalition.pm
        threshold, feasible = self.threshold, self.feasible

        def work():
            from explorer.core.power_series import power_series

            return power_series(atlas, threshold, pm=pm if feasible else None, feasible=feasible)

        self.run_worker(work, thread=True, exclusive=True, group="power-series",
                        name="power-series")

    def on_worker_state_changed(self, event) -> None:
        from textual.worker import WorkerState

        if event.worker.group != "power-series" or event.state != WorkerState.SUCCESS:
            return
        series = event.worker.result
        chart = self.query_one(PowerChart)
        chart.series = series
        ids = series.unit_ids()
        free = [c for c in PALETTE if c not in self.unit_colors.values()] or list(PALETTE)
        for i, uid in enumerate(u for u in ids if u not in self.unit_colors):
            self.unit_colors[uid] = free[i % len(free)]
        chart.line_colors = self.unit_colors
        if chart.selected not in ids:
            chart.selected = self.initial if self.initial in ids else (ids[0] if ids else None)
        chart.current = series.index_of(self.app.state.on) if self.app.state.on else None
        if chart.cursor is None:
            chart.cursor = chart.current if chart.current is not None else 0
        self.redraw()

    def show_table(self) -> None:
        """The app's date changed: move the shaded column (and the cursor with it)."""
        chart = self.query_one(PowerChart)
        if chart.series is not None:
            chart.current = chart.series.index_of(self.app.state.on)
            if chart.current is not None:
                chart.cursor = chart.current
            self.redraw()

    # -- drawing the text around the chart ---------------------------------------------------
    def redraw(self) -> None:
        chart = self.query_one(PowerChart)
        series = chart.series
        if series is None:
            return
        pack = self.app.atlas.pack
        th = pack.threshold(series.threshold)
        pm = pack.actors[series.pm].name if series.pm else None
        game = "feasible coalitions only" + (f", PM {pm}" if pm else "") if series.feasible \
            else "all coalitions"
        head = Text.assemble((f"{INDEX_NAMES[chart.index]} index", "bold"),
                             f" at every event date · {th.name} ({th.seats}) · {game}")
        self.query_one("#pc-head", Static).update(head)
        point = series.points[chart.cursor] if chart.cursor is not None else None
        legend = Text(no_wrap=False, end="")
        for uid in series.unit_ids():
            unit = point.unit(uid) if point else None
            name = unit.name if unit else self._unit_name(uid)
            if self.size.width < 110:  # a short name where room is short
                name = self._short_name(uid, name)
            value = f"{float(getattr(unit, chart.index)):.3f}" if unit else "—"
            mark = "▶ " if uid == chart.selected else "  "
            style = "bold reverse" if uid == chart.selected else ""
            legend.append(mark)
            legend.append("━━ ", Style(color=self.unit_colors.get(uid), bold=True))
            legend.append(f"{name} {value}", style)
            legend.append("   ")
        self.query_one("#pc-legend", Static).update(legend)
        if point is not None:
            events = " · ".join(e.title for e in point.events)
            here = " (you are here)" if chart.cursor == chart.current else " — Enter stands here"
            self.query_one("#pc-point", Static).update(Text.assemble(
                (point.on.strftime("%-d %B %Y"), "bold"), here, "\n", events))
        chart.refresh()

    def _short_name(self, unit_id: str, name: str) -> str:
        from explorer.tui.bar_model import label_names

        actor = self.app.atlas.pack.actors.get(unit_id)
        names = label_names(name, actor.aliases if actor else ())
        return min((n for n in names if len(n) >= 3), key=len, default=name)

    def _unit_name(self, unit_id: str) -> str:
        actor = self.app.atlas.pack.actors.get(unit_id)
        return actor.name if actor else unit_id

    # -- keys ---------------------------------------------------------------------------------
    def action_close(self) -> None:
        self.dismiss(None)

    def action_move(self, step: int) -> None:
        chart = self.query_one(PowerChart)
        if chart.series and chart.cursor is not None:
            chart.cursor = max(0, min(len(chart.series.points) - 1, chart.cursor + step))
            self.redraw()

    def action_pick(self, step: int) -> None:
        chart = self.query_one(PowerChart)
        if chart.series is None:
            return
        ids = chart.series.unit_ids()
        if ids:
            i = ids.index(chart.selected) if chart.selected in ids else 0
            chart.selected = ids[(i + step) % len(ids)]
            self.redraw()

    def action_stand(self) -> None:
        chart = self.query_one(PowerChart)
        if chart.series and chart.cursor is not None:
            self.app.set_date(chart.series.points[chart.cursor].on)

    def action_toggle_feasible(self) -> None:
        self.feasible = not self.feasible
        self.compute()

    def action_toggle_index(self) -> None:
        chart = self.query_one(PowerChart)
        chart.index = "shapley_shubik" if chart.index == "banzhaf" else "banzhaf"
        self.redraw()

    def action_next_threshold(self) -> None:
        ids = [t.id for t in self.app.atlas.pack.thresholds]
        self.threshold = ids[(ids.index(self.threshold) + 1) % len(ids)]
        self.compute()

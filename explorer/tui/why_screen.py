"""The why panel: one unit's power explained (explorer.core.explain), over the coalition screen.

Opened with Enter or w on a row of the power table (or w on a unit of the table on the left).
It only formats the engine's explanation: the figures in all coalitions and in feasible ones,
a few of the smallest coalitions in which the unit is pivotal, and the reasons with sources.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from explorer.core.explain import Explanation, pct
from explorer.tui.textual_internals import OneFramePerLayout


def render_explanation(plain: Explanation, feasible: Explanation,
                       cite=lambda s: s) -> Group:
    """The why panel's text: both games, the pivotal coalitions and the reasons."""
    parts: list[Text] = [Text(plain.summary)]
    f = feasible.shown
    under = f" under {feasible.pm_name}" if feasible.pm else ""
    parts.append(Text(f"Feasible coalitions only{under}: Banzhaf {pct(f.banzhaf)}, "
                      f"Shapley–Shubik {pct(f.shapley_shubik)}; {f.swings} of {f.total_swings} "
                      "swings."))
    for title, ex in (("Smallest coalitions in which it is pivotal", plain),
                      ("… counting feasible coalitions only", feasible)):
        if ex.examples:
            parts += [Text(""), Text(title + ":", style="bold")]
            for c in ex.examples:
                parts.append(Text("  " + " + ".join(ex.names[u] for u in c)))
    reasons = [*plain.reasons, *(r for r in feasible.reasons if r not in plain.reasons)]
    if reasons:
        parts += [Text(""), Text("Why:", style="bold")]
        for r in reasons:
            line = Text(f"• {r.text}")
            if r.sources:
                line.append("  [" + "; ".join(cite(s) for s in r.sources) + "]", style="dim")
            parts.append(line)
    return Group(*parts)


class WhyScreen(OneFramePerLayout, ModalScreen[None]):
    """Why a unit has the power it has."""

    CSS_PATH = "why_screen.tcss"  # the screen's style, beside this module

    BINDINGS = [Binding("escape,q,w,enter", "dismiss_why", "Close", show=False)]

    def __init__(self, plain: Explanation, feasible: Explanation, cite=lambda s: s):
        super().__init__()
        self.plain, self.feasible, self.cite = plain, feasible, cite

    def compose(self) -> ComposeResult:
        with Vertical(id="why-box"):
            yield Static(f"Why {self.plain.name} has this power", classes="why-title",
                         markup=False)
            with VerticalScroll():
                yield Static(render_explanation(self.plain, self.feasible, self.cite),
                             id="why-body")
            yield Static("Esc closes", classes="why-hint")

    def action_dismiss_why(self) -> None:
        self.dismiss(None)


def open_why(screen, unit: str | None, threshold_id: str) -> None:
    """Push the why panel for a unit of the screen's table (a warning when there is none)."""
    from explorer.core.explain import explain

    app = screen.app
    picture = app.state.picture
    if unit is None or picture.unit(unit) is None:
        screen.notify("Highlight a unit on the table first.", severity="warning")
        return
    pack, pm = app.atlas.pack, app.state.coalition.pm
    threshold = (pack.threshold(threshold_id) or pack.thresholds[0]).id
    try:
        plain = explain(app.atlas, picture, unit, threshold, pm=pm)
        feasible = explain(app.atlas, picture, unit, threshold, pm=pm, feasible=True)
    except ValueError as exc:
        screen.notify(str(exc), severity="warning", markup=False)
        return
    app.push_screen(WhyScreen(plain, feasible))

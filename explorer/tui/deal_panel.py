"""The coalition builder's deal panel: posts by member, their weight share against the seat
share (Gamson's law) and the Banzhaf share, each member's verdict; and, one key away, the
pack's real allocation judged the same way, side by side. It only formats a DealEvaluation,
when painted, in the theme's colours of the moment (explorer/tui/meaning.py)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from explorer.core.deals import DealEvaluation
from explorer.tui.meaning import MEANING_CLASSES, MeaningStyles


def _table(result: DealEvaluation, title: str, names, ink,
           people: dict[str, str] | None = None) -> Group:
    """One deal judged; `ink(meaning)` gives the style of a meaning."""
    neg_posts = names
    head = Text(title, style="bold")
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
    table.add_column("Member", no_wrap=True, overflow="ellipsis", max_width=22)
    for col in ("Seats", "Posts", "Banzhaf"):
        table.add_column(col, justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for v in result.verdicts:
        ok = v.accepts
        mark = Text("✓ accepts" if ok else "✗ refuses",
                    style=ink("verdict-yes" if ok else "verdict-no"))
        table.add_row(Text(v.name, style="bold"), f"{v.seat_share:.0%}",
                      Text(f"{v.weight_share:.0%}", style="" if v.weight_share + 1e-9 >= v.floor
                           else ink("verdict-no")),
                      f"{v.banzhaf_share:.0%}", mark)
    lines = [head, table, Text("Seats: the Gamson's-law share; Posts: share of the posts' "
                               f"weight (at least {result.tolerance:.0%} of the seat share "
                               "wanted).", style="dim")]
    for v in result.verdicts:
        posts = [neg_posts(p) + (f" ({people[p]})" if people and p in people else "")
                 for p in v.posts]
        lines.append(Text(f"{v.name}: " + (", ".join(posts) or "no post"), style="bold"))
        if v.promises:
            lines.append(Text("  promised " + ", ".join(neg_posts(p) for p in v.promises)))
        for r in v.refusals[:3]:
            lines.append(Text(f"  ✗ {r.text}", style=ink("verdict-no")))
    for p in result.problems:
        lines.append(Text(f"✗ {p.text}", style=ink("verdict-no")))
    verdict = ("The government forms." if result.formed else
               f"Not formed ({result.low} of {result.need} seats"
               + ("" if result.reached else ", short") + ").")
    lines.append(Text(verdict, style=ink("verdict-yes" if result.formed else "verdict-doubt")))
    return Group(*lines)


class DealPanel(MeaningStyles, Static):
    """The player's deal, and the real one beside it when asked."""

    COMPONENT_CLASSES = MEANING_CLASSES

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shown: tuple | None = None  # what show() was given, drawn when painted

    def show(self, mine: DealEvaluation | None, actual: DealEvaluation | None, names,
             actual_title: str = "", people=None) -> None:
        self.shown = (mine, actual, names, actual_title, people)
        self.refresh(layout=True)

    def render(self):
        if self.shown is None:
            return super().render()
        return self.drawn_once((self.shown, self.content_size.width), self._draw)

    def _draw(self):
        mine, actual, names, actual_title, people = self.shown
        if mine is None:
            return Text("This pack has no posts to bargain over (posts.toml).")
        left = _table(mine, f"Your deal on {mine.on}", names, self.ink) if mine.verdicts else \
            Text("Put members in the coalition to see their verdicts on a deal. The posts and "
                 "promises are made in the adventure ('offer', 'promise').")
        if actual is None:
            return Group(left, Text("D shows the real allocation beside it.", style="dim"))
        right = _table(actual, actual_title, names, self.ink, people)
        width = self.content_size.width or 80
        if width < 90:
            return Group(left, Text(""), right)
        grid = Table.grid(padding=(0, 2), expand=True)
        grid.add_column(ratio=1)
        grid.add_column(ratio=1)
        grid.add_row(left, right)
        return grid

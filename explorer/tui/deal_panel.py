"""The coalition builder's deal panel: posts by member, their weight share against the seat
share (Gamson's law) and the Banzhaf share, each member's verdict; and, one key away, the
pack's real allocation judged the same way, side by side. It only formats a DealEvaluation."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from explorer.core.deals import DealEvaluation


def _table(result: DealEvaluation, title: str, names, colors: dict[str, str],
           people: dict[str, str] | None = None) -> Group:
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
                    style=colors.get("success" if ok else "error", ""))
        table.add_row(Text(v.name, style="bold"), f"{v.seat_share:.0%}",
                      Text(f"{v.weight_share:.0%}", style="" if v.weight_share + 1e-9 >= v.floor
                           else colors.get("error", "")),
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
            lines.append(Text(f"  ✗ {r.text}", style=colors.get("error", "")))
    for p in result.problems:
        lines.append(Text(f"✗ {p.text}", style=colors.get("error", "")))
    verdict = ("The government forms." if result.formed else
               f"Not formed ({result.low} of {result.need} seats"
               + ("" if result.reached else ", short") + ").")
    lines.append(Text(verdict, style=colors.get("success" if result.formed else "warning", "")))
    return Group(*lines)


class DealPanel(Static):
    """The player's deal, and the real one beside it when asked."""

    def show(self, mine: DealEvaluation | None, actual: DealEvaluation | None, names,
             colors: dict[str, str], actual_title: str = "", people=None) -> None:
        if mine is None:
            self.update(Text("This pack has no posts to bargain over (posts.toml)."))
            return
        left = _table(mine, f"Your deal on {mine.on}", names, colors) if mine.verdicts else \
            Text("Put members in the coalition to see their verdicts on a deal. The posts and "
                 "promises are made in the adventure ('offer', 'promise').")
        if actual is None:
            self.update(Group(left, Text("D shows the real allocation beside it.", style="dim")))
            return
        right = _table(actual, actual_title, names, colors, people)
        width = self.content_size.width or 80
        if width < 90:
            self.update(Group(left, Text(""), right))
            return
        grid = Table.grid(padding=(0, 2), expand=True)
        grid.add_column(ratio=1)
        grid.add_column(ratio=1)
        grid.add_row(left, right)
        self.update(grid)

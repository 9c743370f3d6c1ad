"""The map around an actor, drawn: its neighbours on rings, links coloured by meaning.

The core (explorer.core.actor_map) chooses the actors and places them; this screen draws the
links as braille lines (hostile red, friendly green, influence amber, contact blue, structure
grey — the theme's colours of the moment, as on the actor page: explorer/tui/meaning.py), the
names over them, and the selected actor
highlighted with its links to the others bright. Arrow keys move the selection to the nearest
actor in that direction (Tab / Shift+Tab go round in order); Enter walks to the selected actor
as an exit does, and the map follows; d switches depth 1 / 2, l shows the places; Escape goes
back to the actor's page.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from explorer.core.actor_map import ActorMap, actor_map, nearest, place
from explorer.tui.braille import Canvas
from explorer.tui.hemicycle import blend
from explorer.tui.meaning import MEANING_CLASSES, MeaningStyles, solid, stance_meaning
from explorer.tui.statusbar import StatusBar, TitleBar
from explorer.tui.table_state import ShowsTheTable
from explorer.tui.textual_internals import OneFramePerLayout
from explorer.tui.themes import STANCE_LABEL

DIRECTIONS = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}


def short_names(atlas, node_id: str, name: str) -> list[str]:
    """Labels to try, longest first: the name, its head, the shortest alias."""
    head = name.split(" (", 1)[0]
    actor = atlas.pack.actors.get(node_id)
    aliases = sorted((a for a in (actor.aliases if actor else ()) if len(a) >= 2), key=len)
    out = [name, head, *(aliases[:1])]
    return list(dict.fromkeys(o for o in out if o))


def map_rows(atlas, model: ActorMap, width: int, height: int, selected: str | None,
             colors: dict[str, str], background: str) -> list[Text]:
    """The map as `height` lines of `width` cells."""
    canvas = Canvas(width, height)
    cells = place(model, width, height)
    muted = colors.get("muted", "#808080")
    for bright in (False, True):  # the selected actor's links last, on top
        for edge in model.edges:
            touches = selected in (edge.source, edge.target)
            if touches != bright:
                continue
            color = colors.get(edge.stance, muted)
            style = Style(color=color, bold=True) if bright else \
                Style(color=blend(color, background, 0.6))
            (x0, y0), (x1, y1) = cells[edge.source], cells[edge.target]
            canvas.line(2 * x0 + 1, 4 * y0 + 2, 2 * x1 + 1, 4 * y1 + 2, style)
    taken: set[tuple[int, int]] = set()
    order = sorted(model.nodes, key=lambda n: (n.id != selected, n.ring, n.id))
    for node in order:
        col, row = cells[node.id]
        if node.id == selected:
            style: Style | str = Style(color=background, bgcolor=colors.get("accent", "cyan"),
                                       bold=True)
        elif node.ring == 0:
            style = Style(bold=True, underline=True)
        else:
            style = Style(color=colors.get("foreground", "#ffffff"),
                          bgcolor=blend(colors.get(node.stance or "", muted), background, 0.3))
        for label in [*short_names(atlas, node.id, node.name), "•"]:
            text = f" {label} " if label != "•" else "•"
            start = max(0, min(width - len(text), col - len(text) // 2))
            span = {(c, row) for c in range(start - 1, start + len(text) + 1)}
            if label == "•":  # no room for a name: a dot, where the cell is free
                if (col, row) not in taken:
                    canvas.put(col, row, text, style)
                    taken.add((col, row))
                break
            if not span & taken or node.id == selected:
                canvas.put(start, row, text, style)
                taken |= span
                break
    return canvas.rows()


class ActorMapView(MeaningStyles, Widget):
    """The drawn map (the screen owns the keys and the text around it)."""

    # its own sizing only (the screen's style is in actor_map.tcss)
    DEFAULT_CSS = "ActorMapView { height: 1fr; min-height: 8; }"
    COMPONENT_CLASSES = MEANING_CLASSES

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self.model: ActorMap | None = None
        self.selected: str | None = None

    def cells(self) -> dict[str, tuple[int, int]]:
        size = self.content_size
        return place(self.model, size.width, size.height) if self.model else {}

    def render(self) -> Text:
        if self.model is None:
            return Text("")
        size = self.content_size
        variables = self.app.theme_variables  # the theme's colours of the moment
        colors = {stance: self.color_of(stance_meaning(stance)) for stance in STANCE_LABEL}
        colors.update(muted=self.color_of("note"), accent=self.color_of("highlight"),
                      foreground=solid(variables, "foreground", "#ffffff"))
        rows = map_rows(self.app.atlas, self.model, size.width, size.height, self.selected,
                        colors, solid(variables, "background", "#1e1e1e"))
        return Text("\n", end="").join(rows)


class ActorMapScreen(ShowsTheTable, OneFramePerLayout, Screen):
    """The neighbourhood of one actor on the current date, drawn as a network."""

    HELP_TITLE = "Map around an actor"
    HELP = (
        "The actor in the middle, the actors one link away around it (two with d), on the date "
        "you stand on. Links are coloured by meaning: hostile red, friendly green, influence "
        "amber, contact blue, structure grey; the highlighted actor's links are bright. The "
        "arrow keys move to the nearest actor in that direction, Tab goes round them in order; "
        "Enter walks there as an exit does and the map follows. l shows places and who lives "
        "or is based there. Escape goes back to the page; F12 saves the screen as an SVG."
    )

    CSS_PATH = "actor_map.tcss"  # the screen's style, beside this module

    BINDINGS = [
        Binding("escape", "close", "Back"),
        *(Binding(key, f"move('{key}')", key.title(), show=False) for key in DIRECTIONS),
        Binding("tab", "cycle(1)", "Next", show=False),
        Binding("shift+tab", "cycle(-1)", "Previous", show=False),
        Binding("enter", "walk", "Walk there"),
        Binding("d", "depth", "Depth 1/2"),
        Binding("l", "places", "Places"),
    ]

    def __init__(self, actor_id: str, depth: int = 1):
        super().__init__()
        self.centre = actor_id
        self.depth = depth
        self.places = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="am-head")
        yield ActorMapView(id="am-map")
        yield Static(id="am-info")
        yield StatusBar()
        yield Footer()

    def on_mount(self) -> None:
        self.title, self.sub_title = "Kingmaker", "Map"
        self.show_table()

    def on_resize(self, event) -> None:
        # short windows: the map keeps the room, the selected actor's links get three lines
        self.query_one("#am-info", Static).styles.max_height = 3 if event.size.height < 30 else 7
        self.query_one(ActorMapView).refresh()

    def show_table(self) -> None:
        """(Re)build the map for the centre, the depth and the app's date."""
        view = self.query_one(ActorMapView)
        atlas, on = self.app.atlas, self.app.state.on
        try:
            view.model = actor_map(atlas, self.centre, on, self.depth, self.places)
        except KeyError:
            view.model = None
            self.query_one("#am-head", Static).update(Text(
                f"{atlas.pack.actors[self.centre].name} is not on the map on this date.",
                style="bold"))
            view.refresh()
            return
        ids = [n.id for n in view.model.nodes]
        if view.selected not in ids:
            view.selected = ids[1] if len(ids) > 1 else ids[0]
        self.redraw()

    def redraw(self) -> None:
        view = self.query_one(ActorMapView)
        model = view.model
        if model is None:
            return
        name = model.node(model.centre).name
        head: list = [(name, "bold"), f" · {len(model.nodes) - 1} actors within "
                      f"{model.depth} link{'s' if model.depth > 1 else ''}",
                      " · places shown" if model.places else " · places hidden", "\n"]
        for stance in ("hostile", "friendly", "influence", "neutral", "structure"):
            head += [("━━ ", f"bold ${stance_meaning(stance)}"), (STANCE_LABEL[stance] + "  ",
                                                                  "dim")]
        self.query_one("#am-head", Static).update(Content.assemble(*head))  # $: the theme's
        info: list = []
        selected = model.node(view.selected) if view.selected else None
        if selected is not None:
            info += [(selected.name, "bold"),
                     (f"  ({selected.kind})" + ("" if selected.ring == 0 else
                                                "  — Enter walks there"), "dim")]
            for edge in model.edges_of(selected.id)[:5]:
                a, b = model.node(edge.source).name, model.node(edge.target).name
                info += ["\n  ", ("━ ", f"bold ${stance_meaning(edge.stance)}"),
                         f"{a} {edge.label} {b}"]
            more = len(model.edges_of(selected.id)) - 5
            if more > 0:
                info.append((f"\n  … and {more} more", "dim"))
        self.query_one("#am-info", Static).update(Content.assemble(*info))
        view.refresh()

    # -- keys ---------------------------------------------------------------------------------
    def action_close(self) -> None:
        """Back to the page of the actor in the middle now (where Enter walked to)."""
        self.dismiss(self.centre)

    def action_move(self, key: str) -> None:
        view = self.query_one(ActorMapView)
        if view.model and view.selected:
            target = nearest(view.model, view.cells(), view.selected, DIRECTIONS[key])
            if target:
                view.selected = target
                self.redraw()

    def action_cycle(self, step: int) -> None:
        view = self.query_one(ActorMapView)
        if view.model:
            ids = [n.id for n in view.model.nodes]
            i = ids.index(view.selected) if view.selected in ids else 0
            view.selected = ids[(i + step) % len(ids)]
            self.redraw()

    def action_walk(self) -> None:
        view = self.query_one(ActorMapView)
        if view.selected and view.selected != self.centre:
            self.centre, view.selected = view.selected, None
            self.show_table()

    def action_depth(self) -> None:
        self.depth = 2 if self.depth == 1 else 1
        self.show_table()

    def action_places(self) -> None:
        self.places = not self.places
        self.show_table()

"""The Explore screen: the actor list on the left, the actor page on the right, with history."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input

from explorer.tui.actor_list import ActorList
from explorer.tui.actor_page import ActorPage
from explorer.tui.footer import KeyFooter
from explorer.tui.statusbar import StatusBar, TitleBar
from explorer.tui.table_state import ShowsTheTable
from explorer.tui.textual_internals import OneFramePerLayout


class ExploreScreen(ShowsTheTable, OneFramePerLayout, Screen):
    """Browse the actors and walk their relationships like the exits of a text adventure."""

    HELP = (
        "The actors of the crisis are listed on the left, grouped by kind; factions sit under "
        "their list. Type / to filter by any name or alias (spelling does not need to be exact). "
        "The page on the right shows the actor picked: who it is, its seats with every source, "
        "and its relationships on the current date. Move onto a relationship and press Enter to "
        "walk to the actor at the other end; b and f go back and forward like a browser; + puts "
        "the actor in or out of the coalition; o lists the sources of the page in full (Enter "
        "opens a web address). p finds the chain of relationships linking the actor on the "
        "page to another one. The date matters: , and . step to the previous or next event and "
        "everything changes with it."
    )

    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", key_display="/", id="filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="clear-filter"),
        Binding("b,left_square_bracket,backspace", "back", "Back", key_display="b", id="back"),
        Binding("f,right_square_bracket", "forward", "Forward", key_display="f", show=False,
                id="forward"),
        Binding("p", "path", "Path", id="path"),
        Binding("o", "sources", "Sources", id="sources"),
        Binding("plus", "toggle_coalition", "In/out", key_display="+",
                id="toggle-member"),
        Binding("right", "focus_page", "To the page", show=False, id="focus-page"),
        Binding("left,down", "focus_list", "To the list", show=False, id="focus-list"),
        Binding("c", "app.switch_to('coalition')", "Coalition", id="coalition"),
        Binding("a", "app.switch_to('adventure')", "Adventure", id="adventure"),
        Binding("M", "map", "Map", id="map", show=False,
                tooltip="The actor's neighbourhood drawn as a network"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.history: list[str | None] = [None]
        self.position = 0
        self._previewing = False

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        app = self.app
        yield TitleBar()
        with Horizontal(id="explore"):
            with Vertical(id="sidebar"):
                filt = Input(placeholder="Filter: name or alias", id="filter")
                filt.cursor_blink = app.cursor_blink
                yield filt
                yield ActorList(app.atlas.pack, lambda: app.search, app.on, id="actors",
                                moved=self._list_moved_to)
            yield ActorPage(app.atlas, id="page")
        yield StatusBar()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Kingmaker"
        self.sub_title = self.app.atlas.pack.title
        self.render_page()
        self.query_one(ActorList).focus()
        self.present_changed(self.app.present)

    def on_resize(self, event) -> None:
        self.set_class(event.size.width >= 150, "-wide")

    def present_changed(self, present: bool) -> None:
        """Presentation mode hides the list: keep the keyboard on the page."""
        if present and self.focused is not None and self.focused.parent is not None \
                and self.focused.parent.id == "sidebar":
            self.page.focus()

    @property
    def actor_list(self) -> ActorList:
        return self.query_one(ActorList)

    @property
    def page(self) -> ActorPage:
        return self.query_one(ActorPage)

    @property
    def current(self) -> str | None:
        """The actor on the page (None: the overview)."""
        return self.history[self.position]

    # -- the date and the page -------------------------------------------------------------
    def show_table(self) -> None:
        """Re-render for the app's current date (and coalition)."""
        self.actor_list.set_date(self.app.on)
        self.render_page(keep_cursor=True)

    def render_page(self, keep_cursor: bool = False) -> None:
        app = self.app
        self.page.show(self.current, app.on, app.sources_dir, keep_cursor=keep_cursor)

    # -- history ---------------------------------------------------------------------------
    def visit(self, actor_id: str | None, preview: bool = False) -> None:
        """Show an actor and record it in the history (list previews replace each other)."""
        if actor_id == self.current:
            return
        if preview and self._previewing and self.position > 0:
            self.history[self.position] = actor_id
        else:
            del self.history[self.position + 1:]
            self.history.append(actor_id)
            self.position += 1
        self._previewing = preview
        self.render_page()
        if not preview and actor_id is not None:
            self.actor_list.highlight(actor_id)

    def go_to(self, actor_id: str) -> None:
        """Open an actor's page (from the palette, the path dialog, other screens)."""
        self.visit(actor_id)
        self.page.focus()

    def action_back(self) -> None:
        if self.position == 0:
            self.app.bell()
            return
        self.position -= 1
        self._after_history_move()

    def action_forward(self) -> None:
        if self.position >= len(self.history) - 1:
            self.app.bell()
            return
        self.position += 1
        self._after_history_move()

    def _after_history_move(self) -> None:
        self._previewing = False
        self.render_page()
        if self.current is not None:
            self.actor_list.highlight(self.current)

    # -- events ----------------------------------------------------------------------------
    def _list_moved_to(self, actor_id: str) -> None:
        """The list's cursor is on an actor: its page, as a preview (called by the list)."""
        self.visit(actor_id, preview=True)

    @on(ActorList.Selected)
    def _list_selected(self, event: ActorList.Selected) -> None:
        self._previewing = False
        if event.actor_id != self.current:
            self.visit(event.actor_id)
        self.page.focus()
        self._unpeek()

    @on(ActorPage.Walk)
    def _walk(self, event: ActorPage.Walk) -> None:
        self.visit(event.actor_id)
        self.page.focus()

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self.actor_list.filter(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        current = self.actor_list.current
        if current is None:
            self.app.bell()
            return
        self.visit(current)
        self.page.focus()
        self._unpeek()

    # -- actions ---------------------------------------------------------------------------
    def action_focus_filter(self) -> None:
        self.add_class("-peek")  # presentation mode shows the hidden list while you search
        self.query_one("#filter", Input).focus()

    def _unpeek(self) -> None:
        if self.has_class("-peek"):
            self.remove_class("-peek")
            if self.app.present:
                self.page.focus()

    def action_clear_filter(self) -> None:
        filt = self.query_one("#filter", Input)
        if filt.value:
            filt.value = ""
            self.actor_list.filter("")
        if self.current is not None:
            self.actor_list.highlight(self.current)
        self.actor_list.focus()
        self._unpeek()

    def action_focus_page(self) -> None:
        self.page.focus()

    def action_focus_list(self) -> None:
        self.actor_list.focus()

    def action_path(self) -> None:
        if self.current is None:
            self.notify("Open an actor first: the path starts from the actor on the page.",
                        severity="warning")
            return
        from explorer.tui.path_screen import PathScreen

        def done(target: str | None) -> None:
            if target:
                self.go_to(target)

        self.app.push_screen(PathScreen(self.current), done)

    def action_sources(self) -> None:
        """o: the sources of the page (and of the highlighted relationship) in full."""
        from explorer.tui.source_screen import SourceScreen

        pack = self.app.atlas.pack
        if self.current is None:
            items = [(pack.title, src) for src in getattr(pack, "sources", ())]
            title = f"Sources · {pack.title}"
        else:
            actor = pack.actors[self.current]
            items = [(actor.name, src) for src in actor.sources]
            for claim in actor.seat_claims:
                items.append((f"{actor.name}: {claim.text} seats", claim.source))
            link = self.page.current_link
            if link is not None:
                rel = link.relation
                items = [(rel.description, src) for src in rel.sources] + items
            title = f"Sources · {actor.name}"
        items = list(dict.fromkeys(items))
        if not items:
            self.notify("Nothing on this page has a source to show.", markup=False)
            return
        sources_dir = self.app.sources_dir

        def quote(source: str):
            if not sources_dir:
                return None
            from explorer.core.sources import quote as seed_quote

            return seed_quote(source, sources_dir)

        self.app.push_screen(SourceScreen(title, items, quote))

    def action_map(self) -> None:
        if self.current is None:
            self.notify("Open an actor first: the map is drawn around the actor on the page.",
                        severity="warning")
            return
        from explorer.tui.actor_map import ActorMapScreen

        def done(centre: str | None) -> None:
            if centre and centre != self.current:
                self.go_to(centre)  # Enter on the map walked there

        self.app.push_screen(ActorMapScreen(self.current), done)

    def action_toggle_coalition(self) -> None:
        if self.current is not None:
            self.app.toggle_member(self.current)

"""'Path to …': ask for a second actor, then show the chain of relationships linking the two."""

from __future__ import annotations

from functools import partial

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from explorer.core.graph import Link
from explorer.tui.fmt import citation, day, kind_name
from explorer.tui.meaning import DrawnWhenPainted, MeaningOptionList, stance_meaning
from explorer.tui.textual_internals import OneFramePerLayout

SUGGESTIONS = 8


def _step_row(ink, atlas, link: Link, number: int, sources_dir) -> Table:
    """One step of the chain, its relation coloured by its stance (drawn when painted)."""
    this, other = atlas.actor(link.this), atlas.actor(link.other)
    line = Text.assemble((this.name, "bold"), " ",
                         (link.label, ink(stance_meaning(link.type.stance), "bold")), " ",
                         (other.name, "bold"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    sources = [citation(src, sources_dir, ink("note")) for src in link.relation.sources]
    grid.add_row(Text(f"{number}.", style="bold"),
                 Group(line, Text(link.relation.description, style="dim"), *sources))
    return grid


class ActorSuggester(Suggester):
    """Completes the best-ranked name (inline ghost text, accepted with →)."""

    def __init__(self, search, names: dict[str, str]) -> None:
        super().__init__(use_cache=True, case_sensitive=False)
        self.search = search
        self.names = names

    async def get_suggestion(self, value: str) -> str | None:
        for match in self.search.rank(value, limit=SUGGESTIONS):
            if match.spelling.casefold().startswith(value.casefold()):
                return match.spelling
        return None


class PathScreen(OneFramePerLayout, ModalScreen[str | None]):
    """Pick a second actor; Enter on a step of the chain goes to that actor."""

    HELP = (
        "Type the name (or alias) of a second actor; ↑ and ↓ pick among the suggestions and "
        "Enter finds the shortest chain of relationships between the two on the current date. "
        "Then Enter on a step opens that actor's page. Esc closes."
    )

    BINDINGS = [
        Binding("escape", "close", "Close", id="close"),
        Binding("down", "choice(1)", "Next suggestion", show=False, id="down"),
        Binding("up", "choice(-1)", "Previous suggestion", show=False, id="up"),
        Binding("f1", "app.help", "Help", key_display="F1", id="help"),
    ]

    def __init__(self, start: str) -> None:
        super().__init__()
        self.start = start
        self.target: str | None = None
        self.chain: list[Link] | None = None
        self.steps: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        name = self.app.atlas.actor(self.start).name
        with Vertical(id="path-dialog", classes="dialog"):
            yield Label(Text.assemble("Path from ", (name, "bold"), " to …"), classes="title")
            names = {a.id: a.name for a in self.app.atlas.pack.actors.values()}
            field = Input(placeholder="Type a name or alias, then Enter", id="path-input",
                          suggester=ActorSuggester(self.app.search, names))
            field.cursor_blink = self.app.cursor_blink
            yield field
            yield OptionList(id="path-choices", markup=False, compact=True)
            yield MeaningOptionList(id="path-result", markup=False)
            yield Label(Text("Enter: find the path · ↑↓: choose · Esc: close"),
                        classes="hint", id="path-hint")

    def on_mount(self) -> None:
        self.query_one("#path-result").display = False
        self.query_one("#path-choices").display = False
        self.query_one("#path-input").focus()

    # -- choosing the second actor ---------------------------------------------------------
    @on(Input.Changed, "#path-input")
    def _typed(self, event: Input.Changed) -> None:
        choices = self.query_one("#path-choices", OptionList)
        pack = self.app.atlas.pack
        matches = [m for m in self.app.search.rank(event.value, limit=SUGGESTIONS + 1)
                   if m.actor_id != self.start][:SUGGESTIONS]
        on = self.app.on
        options = []
        for m in matches:
            actor = pack.actors[m.actor_id]
            text = Text.assemble((actor.name, "bold"), "  ", (kind_name(actor.kind), "dim"))
            if not m.is_name and m.spelling != actor.name:
                text.append(f"  ({m.spelling})", style="dim italic")
            absent = not actor.exists_on(on)
            if absent:
                text.append(f"  · not there on {day(on)}", style="dim italic")
            options.append(Option(text, id=m.actor_id, disabled=absent))
        if not options and event.value.strip():
            options = [Option(Text(f"No actor is called “{event.value.strip()}”.",
                                   style="italic"), disabled=True)]
        choices.set_options(options)
        choices.display = bool(options)
        enabled = [i for i, o in enumerate(options) if not o.disabled]
        if enabled:
            choices.highlighted = enabled[0]

    def action_choice(self, step: int) -> None:
        focused = self.focused
        if isinstance(focused, OptionList):  # the result list moves by itself
            getattr(focused, "action_cursor_down" if step > 0 else "action_cursor_up")()
            return
        choices = self.query_one("#path-choices", OptionList)
        if choices.option_count:
            if step > 0:
                choices.action_cursor_down()
            else:
                choices.action_cursor_up()

    @on(Input.Submitted, "#path-input")
    def _submitted(self, event: Input.Submitted) -> None:
        choices = self.query_one("#path-choices", OptionList)
        option = choices.highlighted_option if choices.option_count else None
        if option is None or option.id is None or option.disabled:
            self.app.bell()
            self.notify("No actor matches that name.", severity="warning", markup=False)
            return
        self.find_path(option.id)

    @on(OptionList.OptionSelected, "#path-choices")
    def _choice_clicked(self, event: OptionList.OptionSelected) -> None:
        if event.option_id:
            self.find_path(event.option_id)

    # -- the path --------------------------------------------------------------------------
    def find_path(self, target: str) -> None:
        self.target = target
        self.query_one("#path-choices").display = False
        result = self.query_one("#path-result", OptionList)
        result.set_options([Option(Text("Searching …", style="italic"), disabled=True)])
        result.display = True
        self._compute(self.start, target)

    @work(thread=True, exclusive=True, group="path")
    def _compute(self, start: str, target: str) -> None:
        chain = self.app.atlas.path(start, target, self.app.on)
        self.app.call_from_thread(self._show, target, chain)

    def _show(self, target: str, chain: list[Link] | None) -> None:
        self.chain = chain
        atlas, on = self.app.atlas, self.app.on
        a, b = atlas.actor(self.start).name, atlas.actor(target).name
        result = self.query_one("#path-result", MeaningOptionList)
        self.steps = {}
        if chain is None:
            text = Text.assemble("No chain of relationships links ", (a, "bold"), " and ",
                                 (b, "bold"), f" on {day(on)}.")
            result.set_options([Option(Padding(text, (0, 1)), disabled=True)])
            return
        steps = len(chain)
        head = Text.assemble((a, "bold"), " → ", (b, "bold"), ": ",
                             (f"{steps} step{'s' if steps != 1 else ''}", "bold"),
                             (f" on {day(on)}", "dim"))
        options = [Option(Padding(head, (0, 1, 1, 1)), disabled=True)]
        for i, link in enumerate(chain, 1):
            option_id = f"step-{i}"
            self.steps[option_id] = link.other
            draw = partial(_step_row, result.ink, atlas, link, i, self.app.sources_dir)
            options.append(Option(DrawnWhenPainted(draw), id=option_id))
        result.set_options(options)
        result.highlighted = 1
        result.focus()
        self.query_one("#path-hint", Label).update(
            Text("Enter: open that actor · Esc: close"))

    @on(OptionList.OptionSelected, "#path-result")
    def _step_selected(self, event: OptionList.OptionSelected) -> None:
        target = self.steps.get(event.option_id or "")
        if target:
            self.dismiss(target)

    def action_close(self) -> None:
        self.dismiss(None)

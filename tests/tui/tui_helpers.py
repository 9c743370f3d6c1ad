"""Helpers for the app-shell tests: page text, waiting, a markup pack and a 10,000-actor atlas."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from rich.console import Console
from tests_support import MINI, copy_mini


def plain(renderable, width: int = 100) -> str:
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def page_text(page) -> str:
    """Everything on an OptionList-based page, as plain text."""
    return "".join(plain(option.prompt) for option in page.options)


def label_text(screen, selector: str) -> str:
    from textual.widgets import Static

    return str(screen.query_one(selector, Static).visual)


def status_text(screen, part: str) -> str:
    """The plain text of the status bar's `date`, `event` or `next` part."""
    from explorer.tui.statusbar import StatusBar

    return getattr(screen.query_one(StatusBar), f"{part}_text").plain


async def settle(pilot, app) -> None:
    """Let workers finish and the screen catch up (polling, for loaded machines)."""
    await app.workers.wait_for_complete()
    await pilot.pause()


def markup_pack(tmp_path: Path) -> Path:
    """A copy of the mini pack whose Red List carries markup in its name and description."""
    target = copy_mini(tmp_path, "markup-pack")
    actors = target / "actors" / "all.toml"
    text = actors.read_text(encoding="utf-8")
    text = text.replace('name = "Red List"', 'name = "Red [bold]List[/bold]"', 1)
    text = text.replace('description = "The largest list."',
                        'description = "Click [@click=app.quit]here[/] or [red]there[/red]."', 1)
    actors.write_text(text, encoding="utf-8")
    return target


def big_atlas(n: int = 10_000):
    """The mini pack plus `n` synthetic people, institutions and places (built in memory)."""
    import random

    from explorer.core.graph import Atlas
    from explorer.core.loader import load_pack
    from explorer.core.model import Actor, Relation

    pack = load_pack(MINI)
    rnd = random.Random(7)
    syllables = "ka la ma ri no su ta be da fi go hu ja ke li mo nu pa ra sa te vi wa ya zu".split()

    def word() -> str:
        return "".join(rnd.choice(syllables) for _ in range(rnd.randint(2, 4))).capitalize()

    origin = next(iter(pack.actors.values())).origin
    actors = dict(pack.actors)
    kinds = ["person"] * 6 + ["institution", "group", "place", "state"]
    for i in range(n):
        kind = rnd.choice(kinds)
        name = f"{word()} {word()} {i}"
        actors[f"x{i}"] = Actor(f"x{i}", name, kind, f"Synthetic actor {i}.",
                                ("https://example.org/fake",), origin,
                                aliases=(f"{word()} {i}",))
    relations = list(pack.relations)
    for j in range(n):
        a, b = rnd.sample(range(n), 2)
        relations.append(Relation(f"fake-{j}", f"x{a}", f"x{b}", "met_with", "A meeting.",
                                  ("https://example.org/fake",), origin))
    return Atlas(replace(pack, actors=actors, relations=relations))


def painted(widget, char: str) -> set[str]:
    """The colours (#rrggbb) of the painted cells of `widget` that show `char`."""
    found = set()
    for y in range(widget.size.height):
        for segment in widget.render_line(y):
            style = segment.style
            if char in segment.text and style is not None and style.color is not None:
                found.add(style.color.triplet.hex)
    return found


def terminal_shows(frames: list[str], size: tuple[int, int]) -> str:
    from serve_tabs import Screen as Terminal

    terminal = Terminal(*size)
    for frame in frames:
        terminal.feed(frame.encode())
    return terminal.text()


def screen_text(app, size: tuple[int, int]) -> str:
    """The whole screen as Textual has it now, composed afresh."""
    whole = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return terminal_shows([whole.render_segments(app.console)], size)

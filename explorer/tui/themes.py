"""Colour themes: the high-contrast "projector" theme and the cycle order.

Colours that carry meaning (hostile red-ish, friendly green-ish ...) are theme variables made
from the current theme's text colours (explorer/tui/meaning.py), so they stay readable in every
theme; a theme may set them itself in its `variables` (`"stance-hostile": "#FF6B6B"`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.theme import Theme

if TYPE_CHECKING:
    from textual.app import App

PROJECTOR = Theme(
    name="projector",
    primary="#FFE000",
    secondary="#FFFFFF",
    accent="#FFE000",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#202020",
    boost="#FFFFFF14",
    success="#33FF77",
    warning="#FFB000",
    error="#FF5C5C",
    dark=True,
    variables={
        "text-primary": "#FFE000",
        "text-secondary": "#9FD8FF",
        "text-accent": "#FFE000",
        "text-success": "#33FF77",
        "text-warning": "#FFB000",
        "text-error": "#FF6B6B",
        "foreground-muted": "#D0D0D0",
        "block-cursor-background": "#FFE000",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": "#505050",
        "block-cursor-blurred-foreground": "#FFFFFF",
        "border": "#FFE000",
        "border-blurred": "#808080",
        "footer-key-foreground": "#FFE000",
        "footer-background": "#202020",
        "input-cursor-background": "#FFE000",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#FFE000 40%",
        "scrollbar": "#808080",
        "scrollbar-hover": "#FFE000",
        "scrollbar-active": "#FFE000",
    },
)

#: the themes F9 cycles through (the full list is in the command palette)
THEME_CYCLE = ("textual-dark", "textual-light", "projector", "nord", "gruvbox",
               "solarized-light", "dracula")

#: how each relation stance is named in legends (its colour: `$stance-<name>`, meaning.py)
STANCE_LABEL = {
    "hostile": "hostile",
    "friendly": "friendly",
    "influence": "influence",
    "neutral": "contact",
    "structure": "structure",
    "place": "place",
}


def register_themes(app: App) -> None:
    app.register_theme(PROJECTOR)


def next_theme(current: str) -> str:
    if current in THEME_CYCLE:
        return THEME_CYCLE[(THEME_CYCLE.index(current) + 1) % len(THEME_CYCLE)]
    return THEME_CYCLE[0]

"""Helpers of the adventure tests: engines, and a copy of the mini pack with a challenge."""

from __future__ import annotations

from pathlib import Path

from tests_support import copy_mini

MINI_CHALLENGE = """
[[challenge]]
id = "reds-to-seven"
title = "Reds to seven"
role = "ann"
date = "2020-01-10"
intro = "Take Ann's Reds to seven seats, face to face."
start_coalition = ["reds"]
pm = "ann"
must_travel = true
hints = ["The Blues are the way.", "Mind the Light Greens."]
history = "In the tiny parliament the Reds and the Blues made peace."
sources = ["https://example.org/history"]

[challenge.goal]
threshold = "two_thirds"
feasible = true
include = ["reds"]
exclude = []

[[challenge]]
id = "no-blues"
title = "Without the Blues"
role = "ann"
date = "2020-01-10"
intro = "Win without the Blues."
start_coalition = ["reds"]
pm = "ann"
hints = []
history = "It never happened."
sources = ["https://example.org/history"]

[challenge.goal]
threshold = "majority"
include = ["reds"]
exclude = ["blues"]
"""

EXTRA_ACTORS = """
[[actor]]
id = "harbour"
name = "Harbour Town"
kind = "place"
aliases = ["Harbour"]
description = "A port far from the capital."
sources = ["https://example.org/harbour"]
"""

EXTRA_RELATIONS = """
[[relation]]
from = "bob"
to = "harbour"
type = "lives_in"
description = "Bob lives by the sea."
sources = ["https://example.org/bob"]

[[relation]]
from = "blues"
to = "light_greens"
type = "refuses"
description = "The Blues will not sit with the Light Greens."
sources = ["https://example.org/feud"]
"""


def mini_with_challenges(tmp_path: Path) -> Path:
    """A copy of the mini pack with two challenges, a second place and a hard refusal."""
    target = copy_mini(tmp_path, "mini-adventure")
    (target / "challenges.toml").write_text(MINI_CHALLENGE, encoding="utf-8")
    (target / "actors" / "extra.toml").write_text(EXTRA_ACTORS, encoding="utf-8")
    (target / "relations" / "extra.toml").write_text(EXTRA_RELATIONS, encoding="utf-8")
    return target


def load_atlas(path: Path | None):
    from explorer.core.graph import Atlas
    from explorer.core.loader import load_pack

    return Atlas(load_pack(path))


def play(engine, *lines: str) -> list[str]:
    return [engine.handle(line) for line in lines]

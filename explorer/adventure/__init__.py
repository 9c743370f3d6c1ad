"""The text adventure: parser, world, verbs and saves over the core (never imports textual).

    from explorer.adventure import Engine
    engine = Engine(atlas, challenge="allawi-163")
    print(engine.intro())
    print(engine.handle("look"))
"""

from __future__ import annotations

from explorer.adventure.engine import Engine

__all__ = ["Engine"]

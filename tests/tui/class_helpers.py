"""A mini pack with a three-step lesson, and joining a class in Pilot."""

from __future__ import annotations

import shutil
from pathlib import Path

MINI = Path(__file__).resolve().parent.parent / "packs" / "mini"
LESSON = """\
[lesson]
id = "largest"
title = "Does the largest list win?"
summary = "Seats are not the same as a majority."

[[step]]
title = "The count"
narration = "The Reds won the most seats."
date = "2020-01-10"
coalition = ["reds"]
question = "Can the Reds govern alone?"

[[step]]
title = "A partner"
narration = "The Reds talk to the Blues."
date = "2020-01-10"
coalition = ["reds", "blues"]

[[step]]
title = "The other way"
narration = "The Blues and Greens count their seats."
date = "2020-01-10"
coalition = ["blues", "greens"]
question = "Who holds the balance?"
"""


def lesson_pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    (pack / "lessons").mkdir()
    (pack / "lessons" / "largest.toml").write_text(LESSON, encoding="utf-8")
    return pack


def class_app(pack: Path, folder: Path, code: str = "", teacher: str = "TEACH",
              lesson: str | None = "largest"):
    from explorer.core.graph import Atlas
    from explorer.core.loader import load_pack
    from explorer.tui.app import make_app
    from explorer.tui.class_session import ClassConfig

    atlas = Atlas(load_pack(pack))
    config = ClassConfig(folder, code, teacher, lesson)
    return make_app(atlas=atlas, lesson=lesson, classroom=config)


async def join(pilot, name: str, code: str = "") -> None:
    from explorer.tui.join_screen import JoinScreen

    screen = pilot.app.screen
    assert isinstance(screen, JoinScreen), screen
    screen.query_one("#join-name").value = name
    screen.query_one("#join-code").value = code
    await pilot.click("#join-go")
    for _ in range(50):
        await pilot.pause()
        if not isinstance(pilot.app.screen, JoinScreen) and pilot.app.current_mode == \
                ("lesson" if pilot.app.lesson else "explore"):
            break
    await pilot.pause()

"""Small helpers shared by test modules: the one definition of the mini pack and its copies."""

from __future__ import annotations

import shutil
from pathlib import Path

MINI = Path(__file__).resolve().parent / "packs" / "mini"
MINI_ARGS = ["--content", str(MINI)]


def copy_mini(tmp_path: Path, name: str = "mini") -> Path:
    """A copy of the mini pack at tmp_path/name, to edit for one test."""
    target = Path(tmp_path) / name
    shutil.copytree(MINI, target)
    return target

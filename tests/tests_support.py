"""Small helpers shared by test modules."""

from pathlib import Path

MINI = Path(__file__).resolve().parent / "packs" / "mini"
MINI_ARGS = ["--content", str(MINI)]

"""Shared fixtures. Animations are off before textual is imported, for stable snapshots."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

import pytest  # noqa: E402
from tests_support import MINI  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PACKS = Path(__file__).resolve().parent / "packs"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """Saves, lesson progress and transcripts never touch the real home directory."""
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("EXPLORER_CONTENT", raising=False)


@pytest.fixture(autouse=True)
def _nothing_left_frozen():
    """A test that starts the app through the command line (cmd_tui freezes what it built and
    tunes the collector, explorer/core/bulk.py) leaves nothing frozen, and the collector's
    thresholds as they were, for the tests after it."""
    import gc

    threshold = gc.get_threshold()
    yield
    if gc.get_freeze_count():
        gc.unfreeze()
    gc.set_threshold(*threshold)


SEEDS_MISSING = (f"needs the seed articles: put the shared/ folder beside the checkout "
                 f"(expected {SEEDS})")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The folder of the cited seed articles; tests that need it skip (with where to put it)."""
    if not SEEDS.is_dir():
        pytest.skip(SEEDS_MISSING)
    return SEEDS


@pytest.fixture(scope="session")
def bundled_atlas():
    from explorer.core.graph import Atlas
    from explorer.core.loader import load_pack

    return Atlas(load_pack(None))


@pytest.fixture(scope="session")
def mini_atlas():
    from explorer.core.graph import Atlas
    from explorer.core.loader import load_pack

    return Atlas(load_pack(MINI))

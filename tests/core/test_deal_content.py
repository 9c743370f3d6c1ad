"""The bundled pack's negotiation content: who has demands and red lines, every item sourced,
and every URL one the reference sheets hold (seed lines exist)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
REFERENCE = ROOT.parent / "shared" / "reference"


def test_the_main_blocs_have_demands_or_red_lines(bundled_atlas):
    neg = bundled_atlas.pack.negotiation
    actors = {d.actor for d in neg.demands} | {r.actor for r in neg.red_lines}
    for bloc in ("sol", "sadrists", "isci", "ina", "iraqiya", "hadba", "kurdistan_alliance",
                 "kdp", "puk", "gorran"):
        assert bloc in actors, bloc
    assert len(neg.posts) >= 30 and "strategic_council_chair" in neg.posts
    assert neg.posts["strategic_council_chair"].since is not None  # a post the deal invented
    real = neg.actual
    assert real.pm == "maliki" and {a.post for a in real.allocations} >= {
        "prime_minister", "president", "speaker", "foreign", "finance", "oil"}


def _items(neg):
    yield from neg.posts.values()
    yield from neg.policies.values()
    yield from neg.demands
    yield from neg.red_lines
    yield neg.actual
    yield from neg.actual.allocations
    yield from neg.actual.promises


def test_every_item_is_sourced(bundled_atlas):
    for item in _items(bundled_atlas.pack.negotiation):
        assert item.sources, item


def test_every_url_is_in_the_reference_sheets_and_seed_lines_exist(bundled_atlas, seeds_dir):
    if not REFERENCE.is_dir():
        pytest.skip(f"needs the reference sheets in {REFERENCE}")
    sheets = "".join(p.read_text(encoding="utf-8") for p in REFERENCE.glob("*.md"))
    pack_text = "".join(p.read_text(encoding="utf-8")
                        for p in bundled_atlas.pack.path.rglob("*.toml")
                        if p.name not in ("posts.toml", "demands.toml", "deal.toml"))
    for item in _items(bundled_atlas.pack.negotiation):
        for source in item.sources:
            m = re.match(r"^(.+\.txt):(\d+)$", source)
            if m:
                lines = (seeds_dir / m.group(1)).read_text(encoding="utf-8").splitlines()
                assert 1 <= int(m.group(2)) <= len(lines), source
            else:
                assert source in sheets or source in pack_text, source

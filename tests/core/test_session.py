"""The kept session: written atomically, read back checked, a damaged file ignored."""

from __future__ import annotations

import json

from explorer.core import session
from explorer.core.coalition import CoalitionState


def test_a_session_round_trips_with_its_split(bundled_atlas):
    pack = bundled_atlas.pack
    state = CoalitionState(bundled_atlas, pack.default_date)
    splittable = next(u.id for u in state.picture.units
                      if any(c.holds_seats for c in pack.children(u.id)))
    state.split(splittable)
    part = next(u.id for u in state.picture.units if u.id not in
                {x.id for x in CoalitionState(bundled_atlas, pack.default_date).picture.units})
    state.add(part)
    kept = session.capture(pack.id, state, state.on, "coalition", [None, "maliki"], 1)
    assert kept.splits == [splittable]
    session.save(kept)
    back = session.load(bundled_atlas)
    assert back == kept
    restored = session.restore_state(bundled_atlas, back)
    assert restored.coalition.members == (part,) and not restored.undo_stack
    assert "reading about Nouri al-Maliki" in back.summary(bundled_atlas)


def test_a_damaged_or_foreign_session_is_ignored(bundled_atlas):
    path = session.session_path(bundled_atlas.pack.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    for text in ("{not json", '{"version": 1, "pack": "other"}', "[1, 2]",
                 json.dumps({"version": 1, "pack": bundled_atlas.pack.id, "on": "not a date"})):
        path.write_text(text, encoding="utf-8")
        assert session.load(bundled_atlas) is None

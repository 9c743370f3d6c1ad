"""One coalition update on the bundled pack: tally + tensions + completions + power indices."""

from __future__ import annotations

import statistics
import time
from datetime import date


def run(repeats: int = 200) -> dict:
    from explorer.core import coalition as engine
    from explorer.core import game
    from explorer.core.graph import Atlas
    from explorer.core.loader import load_pack

    t0 = time.perf_counter()
    pack = load_pack(None)
    load_ms = (time.perf_counter() - t0) * 1000
    atlas = Atlas(pack)
    state = engine.CoalitionState(atlas, date(2010, 4, 1))
    members = ["sol", "ina", "kurdistan_alliance", "gorran", "iraqiya"]
    times = []
    for i in range(repeats):
        game._indices.cache_clear()  # no help from the cache: a full update each time
        state.toggle(members[i % len(members)])
        start = time.perf_counter()
        state.evaluate()
        game.power(atlas, state.picture)
        game.power(atlas, state.picture, feasible=True, pm=state.coalition.pm)
        times.append((time.perf_counter() - start) * 1000)
    return {
        "pack_load_ms": round(load_ms, 2),
        "coalition_update_ms": round(statistics.median(times), 3),
        "coalition_update_p95_ms": round(sorted(times)[int(len(times) * 0.95)], 3),
    }

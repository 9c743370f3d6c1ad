"""The pictures: power over time for the bundled pack, and key-to-frame with the hemicycle on."""

from __future__ import annotations

import asyncio
import statistics
import time


def _series_ms(runs: int = 21, **options) -> list[float]:
    """The whole series, cold: the power-index cache is cleared before every run."""
    from explorer.core import game
    from explorer.core.graph import Atlas
    from explorer.core.loader import load_pack
    from explorer.core.power_series import power_series

    atlas = Atlas(load_pack(None))
    power_series(atlas, **options)  # imports and the per-date graphs, as in the app
    times = []
    for _ in range(runs):
        game._indices.cache_clear()
        start = time.perf_counter()
        power_series(atlas, **options)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _hemicycle_render_ms(runs: int = 50) -> list[float]:
    """Drawing the chamber for a 161-seat coalition at 120 columns (the widget's own work)."""
    from datetime import date

    from explorer.core.coalition import CoalitionState
    from explorer.core.graph import Atlas
    from explorer.core.loader import load_pack
    from explorer.tui.bar_model import bar_model
    from explorer.tui.hemicycle import render_hemicycle
    from explorer.tui.seatbar import PALETTE

    atlas = Atlas(load_pack(None))
    state = CoalitionState(atlas, date(2010, 4, 1))
    state.add("iraqiya")
    state.add("ina")
    colors = {u.id: PALETTE[i % len(PALETTE)] for i, u in enumerate(state.picture.units)}
    model = bar_model(atlas, state.picture, state.evaluate(), colors)
    pairs = tuple(sorted(colors.items()))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_hemicycle(model, pairs, 118, 14)
        times.append((time.perf_counter() - start) * 1000)
    return times


def run() -> dict:
    from bench_tui import _key_to_frame

    plain = _series_ms()
    feasible = _series_ms(pm="maliki", feasible=True)
    cpu_hemicycle: list[float] = []
    cpu_bar: list[float] = []
    frames = asyncio.run(_key_to_frame(hemicycle=True, cpu=cpu_hemicycle))
    bar_frames = asyncio.run(_key_to_frame(cpu=cpu_bar))
    draw = _hemicycle_render_ms()
    return {
        "hemicycle_render_ms": round(statistics.median(draw), 2),
        "key_to_frame_bar_same_run_ms": round(statistics.median(bar_frames), 2),
        "key_to_frame_hemicycle_cpu_ms": round(statistics.median(cpu_hemicycle), 2),
        "key_to_frame_bar_cpu_ms": round(statistics.median(cpu_bar), 2),
        "power_series_ms": round(statistics.median(feasible), 2),
        "power_series_plain_ms": round(statistics.median(plain), 2),
        "power_series_max_ms": round(max(feasible), 2),
        "key_to_frame_hemicycle_ms": round(statistics.median(frames), 2),
        "key_to_frame_hemicycle_p95_ms": round(sorted(frames)[int(len(frames) * 0.95)], 2),
    }


if __name__ == "__main__":
    print(run())

"""A generated pack of 10,000 actors and 50,000 relations: load, memory, and the TUI filter.

The pack is written by gen_bigpack.py into benchmarks/_generated/ (not committed). Loading is
measured in a fresh interpreter, after the imports (networkx included), with the peak resident
memory of that process (VmHWM). The filter is measured in the real app under Pilot:
the time from a keystroke in the filter box to the list being redrawn.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACK = HERE / "_generated" / "bigpack"

LOAD = """
import json, resource, sys, time
import networkx  # imports are not part of the figure (as for the bundled pack's load time)
from explorer.core.graph import build_graph
from explorer.core.loader import load_pack
t = time.perf_counter()
pack = load_pack(sys.argv[1])
graph = build_graph(pack)
elapsed = time.perf_counter() - t
try:  # the high-water mark of this process's own memory (ru_maxrss survives exec on Linux)
    status = open("/proc/self/status").read()
    peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
except (OSError, IndexError, ValueError):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"s": elapsed, "mb": peak, "nodes": graph.number_of_nodes(),
                  "edges": graph.number_of_edges()}))
"""


def _load_once() -> dict:
    out = subprocess.run([sys.executable, "-c", LOAD, str(PACK)], check=True,
                         capture_output=True, text=True, timeout=300)
    return json.loads(out.stdout)


async def _filter_times(atlas, query: str = "kamosatel") -> list[float]:
    import time

    from frames import FrameClock

    from explorer.tui.app import make_app

    app = make_app(atlas=atlas)
    clock = FrameClock(app)
    times: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):  # wait for the search index built in a worker
            if app._search is not None:
                break
            await pilot.pause(0.05)
        await pilot.press("slash")
        for n in range(1, len(query) + 1):
            await pilot.pause(0.05)
            start = time.perf_counter()
            await pilot.press(query[n - 1])  # a keystroke: Changed -> filter -> list redrawn
            frame = clock.first_frame_after(start)
            if frame is not None:
                times.append((frame - start) * 1000)
    return times


def run() -> dict:
    import asyncio

    if not (PACK / "pack.toml").exists():
        sys.path.insert(0, str(HERE))
        from gen_bigpack import generate

        generate(PACK)
    loads = [_load_once() for _ in range(3)]
    from explorer.core.graph import Atlas
    from explorer.core.loader import load_pack

    atlas = Atlas(load_pack(PACK))
    times = asyncio.run(_filter_times(atlas))
    return {
        "bigpack_actors": loads[0]["nodes"],
        "bigpack_relations": loads[0]["edges"],
        "bigpack_load_s": round(statistics.median(x["s"] for x in loads), 3),
        "bigpack_peak_mb": round(max(x["mb"] for x in loads), 1),
        "bigpack_filter_ms": round(statistics.median(times), 2),
        "bigpack_filter_max_ms": round(max(times), 2),
    }


if __name__ == "__main__":
    print(run())

"""Key press to redrawn coalition in the real app (headless, bundled pack)."""

from __future__ import annotations

import asyncio
import statistics
import time

from frames import FrameClock


async def _key_to_frame(presses: int = 40, hemicycle: bool = False,
                        cpu: list[float] | None = None) -> list[float]:
    """Space on the builder, key to frame; with `hemicycle` the chamber is drawn instead of the
    seat bar (h), so every toggle redraws the hemicycle. `cpu` collects the CPU time the
    process spent from the key to the frame (less sensitive to a loaded machine)."""
    from explorer.tui.app import make_app

    app = make_app()
    clock = FrameClock(app)
    times: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")  # the coalition builder
        await pilot.pause(0.3)
        if hemicycle:
            await pilot.press("h")
            await pilot.pause(0.3)
        for i in range(presses):
            await pilot.press("down" if i % 4 == 0 else "j")  # move to another unit
            await pilot.pause(0.05)
            start, cpu_start = time.perf_counter(), time.process_time()
            await pilot.press("space")  # toggle it in or out of the coalition
            await pilot.pause(0.2)  # the redraw may come after the key's handler returned
            frame = clock.first_frame_after(start)
            if frame is not None:
                times.append((frame - start) * 1000)
                if cpu is not None:
                    cpu.append((clock.cpu_at_first_frame_after(start) - cpu_start) * 1000)
    return times


def run() -> dict:
    times = asyncio.run(_key_to_frame())
    return {
        "key_to_frame_ms": round(statistics.median(times), 2),
        "key_to_frame_p95_ms": round(sorted(times)[int(len(times) * 0.95)], 2),
        "key_to_frame_samples": len(times),
    }


if __name__ == "__main__":
    print(run())

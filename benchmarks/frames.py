"""Timing a key press to the next frame in a headless Textual app.

`App._display` receives every compositor update (even headless, where it just does not write);
wrapping it gives the moment a frame is ready. The wrapper also renders the update to terminal
escape sequences, so the cost of producing the bytes a real terminal would get is included.
"""

from __future__ import annotations

import time


class FrameClock:
    def __init__(self, app):
        self.app = app
        self.frames: list[float] = []
        self.cpu: list[float] = []  # the process's CPU time at each frame (time.process_time)
        original = app._display

        def display(screen, renderable):
            if renderable is not None:
                render = getattr(renderable, "render_segments", None)
                if render is not None:
                    render(app.console)
                self.frames.append(time.perf_counter())
                self.cpu.append(time.process_time())
            return original(screen, renderable)

        app._display = display

    def first_frame_after(self, start: float) -> float | None:
        later = [t for t in self.frames if t >= start]
        return min(later) if later else None

    def cpu_at_first_frame_after(self, start: float) -> float | None:
        """The process's CPU time when the first frame after `start` (wall clock) was ready."""
        later = [c for t, c in zip(self.frames, self.cpu, strict=True) if t >= start]
        return min(later) if later else None

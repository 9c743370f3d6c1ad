"""Building many objects at once without the cyclic garbage collector getting in the way.

Loading a large pack creates hundreds of thousands of small objects, none of them garbage; every
few hundred allocations the collector would walk the growing heap again. Pausing it for the
duration (and restoring its previous state) makes a 10,000-actor pack load about a third faster.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

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


@contextmanager
def kept_for_life(again: bool = False) -> Iterator[None]:
    """Build what lives as long as the process (the imported modules, the pack, the parsed
    styles, the app before it runs) with the collector paused, then freeze it: move it to
    the permanent generation, out of reach of every later collection.

    None of it is garbage, yet a full collection walks all of it: at a terminal start one of
    them fell before the first frame (about 28 ms of 140 on a 2-core machine), and every later
    one during the app's life walks the whole heap again. `again`: what an earlier start froze
    may since have become garbage (a previous app, once its caller dropped it): it is unfrozen
    and collected first, not frozen again for good."""
    with collector_paused():
        if again:
            gc.unfreeze()
            gc.collect()
        yield
        gc.freeze()


#: the youngest generation's threshold for an interactive app's life (CPython's default is 700).
#: A key in the explorer builds tens of thousands of short-lived containers (strips, segments,
#: styles), most freed at once by their reference counts; at 700 the collector still ran 13
#: young collections and one of the middle generation a key (~3 ms of ~50), at 10,000 one
#: young collection every other key (~2 ms in all). Cyclic garbage waits
#: a little longer for its collection; nothing else changes.
YOUNG_THRESHOLD = 10_000


def tune_for_an_app() -> None:
    """Collect the youngest objects less often (`YOUNG_THRESHOLD`)."""
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)


"""explorer/core/bulk.py: the collector paused while long-lived objects are built."""

from __future__ import annotations

import gc

import pytest

from explorer.core.bulk import (
    YOUNG_THRESHOLD,
    collector_paused,
    kept_for_life,
    tune_for_an_app,
)


@pytest.fixture(autouse=True)
def _collector_restored():
    was = gc.isenabled()
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.enable() if was else gc.disable()
    gc.set_threshold(*threshold)


def test_collector_paused_restores_the_previous_state():
    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_what_is_built_for_life_is_frozen_and_collections_go_on():
    gc.enable()
    before = gc.get_freeze_count()
    with kept_for_life():
        assert not gc.isenabled()  # no collection walks the objects being built
        kept = [{"n": i} for i in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before + len(kept)
    assert kept[0]["n"] == 0


def test_a_failed_start_freezes_nothing():
    gc.enable()
    before = gc.get_freeze_count()
    with pytest.raises(RuntimeError), kept_for_life():
        _made = [{} for _ in range(100)]
        raise RuntimeError("broken pack")
    assert gc.get_freeze_count() == before
    assert gc.isenabled()


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_again_collects_what_an_earlier_start_froze_and_has_since_been_dropped():
    import weakref

    gc.enable()
    with kept_for_life():
        app = _Cycle()  # a cycle: only the collector can free it
    ref = weakref.ref(app)
    del app  # the caller drops the previous app: frozen, it would be kept for good
    gc.collect()
    assert ref() is not None  # a plain collection does not look at frozen objects
    with kept_for_life(again=True):
        pass
    assert ref() is None


def test_an_app_collects_its_youngest_objects_less_often_and_the_older_as_before():
    gc.set_threshold(700, 10, 10)
    tune_for_an_app()
    assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
    assert YOUNG_THRESHOLD > 700

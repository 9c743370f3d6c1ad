"""The cache of checked packs: used while nothing changed, never for a broken pack or `check`."""

from __future__ import annotations

import json
import os
import pickle

import pytest
from tests_support import copy_mini

from explorer.core import loader
from explorer.core.pack_cache import cache_file, fingerprint, load_pack_cached
from explorer.core.problems import PackError


@pytest.fixture()
def pack_dir(tmp_path):
    return copy_mini(tmp_path, "mini")


def no_loading(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the TOML files were loaded again")

    monkeypatch.setattr(loader, "load_pack", refuse)


def touch_later(path):
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))


def test_the_second_load_reads_the_cache(pack_dir, monkeypatch):
    first = load_pack_cached(pack_dir)
    assert cache_file(pack_dir).is_file()
    no_loading(monkeypatch)
    second = load_pack_cached(pack_dir)
    assert second == first
    assert second is not first


def test_an_edited_file_is_loaded_again(pack_dir):
    load_pack_cached(pack_dir)
    meta = pack_dir / "pack.toml"
    text = meta.read_text(encoding="utf-8")
    title = loader.load_pack(pack_dir).title
    meta.write_text(text.replace(title, title + " (edited)", 1), encoding="utf-8")
    touch_later(meta)
    assert load_pack_cached(pack_dir).title == title + " (edited)"


def test_an_added_file_changes_the_fingerprint(pack_dir):
    before = fingerprint(pack_dir)
    (pack_dir / "actors" / "more.toml").write_text("", encoding="utf-8")
    assert fingerprint(pack_dir) != before


def test_a_corrupt_cache_is_ignored_and_rewritten(pack_dir):
    expected = load_pack_cached(pack_dir)
    path = cache_file(pack_dir)
    for garbage in (b"", b"not a pickle", path.read_bytes()[:40], pickle.dumps(("x", 1))):
        path.write_bytes(garbage)
        assert load_pack_cached(pack_dir) == expected
        key, pack = pickle.loads(path.read_bytes())
        assert key == fingerprint(pack_dir) and pack == expected


def test_a_broken_pack_is_never_cached(pack_dir):
    (pack_dir / "actors" / "all.toml").write_text("[[actor]]\nid = \n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(PackError, match="all.toml:2"):
            load_pack_cached(pack_dir)
    assert not cache_file(pack_dir).exists()


def test_a_pack_broken_after_caching_is_reported(pack_dir):
    load_pack_cached(pack_dir)
    actors = pack_dir / "actors" / "all.toml"
    actors.write_text(actors.read_text(encoding="utf-8") + "\n[[actor]]\nid = \n",
                      encoding="utf-8")
    touch_later(actors)
    with pytest.raises(PackError):
        load_pack_cached(pack_dir)


def test_the_cache_can_be_turned_off(pack_dir, monkeypatch):
    monkeypatch.setenv("EXPLORER_NO_CACHE", "1")
    load_pack_cached(pack_dir)
    assert not cache_file(pack_dir).exists()


def test_an_unwritable_data_folder_only_means_no_cache(pack_dir, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(blocker / "data"))
    assert load_pack_cached(pack_dir) == loader.load_pack(pack_dir)


def test_check_always_reads_the_files(pack_dir, capsys):
    from explorer.cli import main

    real = load_pack_cached(pack_dir)
    key, _ = pickle.loads(cache_file(pack_dir).read_bytes())
    planted = loader.load_pack(pack_dir)
    planted.id = "planted"
    cache_file(pack_dir).write_bytes(pickle.dumps((key, planted)))
    assert load_pack_cached(pack_dir).id == "planted"  # the other commands read the cache
    assert main(["check", "--json", "--content", str(pack_dir)]) == 0
    assert json.loads(capsys.readouterr().out)["pack"] == real.id


def test_linked_folders_are_fingerprinted_and_loops_walked_once(pack_dir, tmp_path):
    elsewhere = tmp_path / "shared-actors"
    (pack_dir / "actors").rename(elsewhere)
    (pack_dir / "actors").symlink_to(elsewhere, target_is_directory=True)
    (elsewhere / "loop").symlink_to(pack_dir, target_is_directory=True)  # a link back up
    first = load_pack_cached(pack_dir)
    actors = elsewhere / "all.toml"
    name = next(iter(first.actors.values())).name
    actors.write_text(actors.read_text(encoding="utf-8").replace(name, name + " II", 1),
                      encoding="utf-8")
    touch_later(actors)
    assert name + " II" in {a.name for a in load_pack_cached(pack_dir).actors.values()}


def test_kept_in_memory_the_same_pack_is_shared_until_a_file_changes(pack_dir, monkeypatch):
    """keep_in_memory (the warm parent of `serve`): later loads return the one copy, without
    reading the cache file, while the fingerprint still matches."""
    from explorer.core import pack_cache

    monkeypatch.setattr(pack_cache, "_kept", None)
    pack_cache.keep_in_memory()
    first = load_pack_cached(pack_dir)
    cache_file(pack_dir).unlink()  # not read again: the copy in memory answers
    no_loading(monkeypatch)
    assert load_pack_cached(pack_dir) is first
    monkeypatch.undo()
    monkeypatch.setattr(pack_cache, "_kept", {})
    kept = load_pack_cached(pack_dir)
    meta = pack_dir / "pack.toml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(kept.title, "Edited", 1),
                    encoding="utf-8")
    touch_later(meta)
    assert load_pack_cached(pack_dir).title == "Edited"


def test_the_negotiation_and_the_claims_are_unpickled_when_first_read(tmp_path):
    """A start from the cache does not import what it does not show yet (model.deferred);
    reading the fields later gives what a fresh load gives."""
    import subprocess
    import sys

    from explorer.core.bundled import bundled_path

    iraq = bundled_path("iraq-2010")
    env = dict(os.environ, EXPLORER_DATA_DIR=str(tmp_path / "data"))
    env.pop("EXPLORER_NO_CACHE", None)
    probe = (
        "import sys, json\n"
        "from explorer.core.pack_cache import load_pack_cached\n"
        f"p = load_pack_cached({str(iraq)!r})\n"
        "before = sorted(m for m in ('explorer.core.deal_model', 'explorer.core.claims')"
        " if m in sys.modules)\n"
        "posts = sorted(p.negotiation.posts)\n"
        "claims = [c.text for l in p.lessons.values() for s in l.steps for c in s.claims]\n"
        "print(json.dumps([before, posts, claims]))\n"
    )
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           env=env, timeout=120, check=True) for _ in range(2)]
    first, second = (json.loads(r.stdout) for r in runs)
    assert second[0] == []  # read from the cache: neither module imported yet
    fresh = loader.load_pack(iraq)
    assert second[1] == first[1] == sorted(fresh.negotiation.posts) != []
    assert second[2] == first[2] == [c.text for lesson in fresh.lessons.values()
                                     for s in lesson.steps for c in s.claims] != []


def test_a_deferred_field_reads_as_its_value():
    from explorer.core.model import Later

    pack = loader.load_pack(None)
    copy = pickle.loads(pickle.dumps(pack))
    assert copy == pack  # equality reads the deferred fields
    assert copy.negotiation.posts == pack.negotiation.posts
    assert isinstance(pickle.loads(pickle.dumps(Later([1, 2]))).get(), list)


def test_threads_reading_a_deferred_value_first_all_get_the_same_object():
    import sys
    import threading

    from explorer.core.model import Later

    blob = pickle.dumps(Later({"posts": list(range(200))}))
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as the interpreter can
    try:
        for _ in range(100):
            later = pickle.loads(blob)
            got = []
            threads = [threading.Thread(target=lambda g=got, v=later: g.append(v.get()))
                       for _ in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert len({id(v) for v in got}) == 1
    finally:
        sys.setswitchinterval(old)

"""Hand-outs and saves are written with the user's umask (atomic writes kept)."""

from __future__ import annotations

import os
import stat

import pytest

from explorer.core.exports import write_text_atomic
from explorer.core.storage import current_umask, write_atomic


@pytest.fixture
def umask():
    old = os.umask(0o022)
    os.umask(old)

    def set_mask(mask: int) -> None:
        os.umask(mask)

    yield set_mask
    os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_files_follow_the_umask(tmp_path, umask):
    umask(0o022)
    assert current_umask() == 0o022
    write_atomic(tmp_path / "shared.md", b"x")
    assert stat.S_IMODE((tmp_path / "shared.md").stat().st_mode) == 0o644
    umask(0o077)
    assert current_umask() == 0o077
    write_text_atomic(tmp_path / "private.md", "y")
    assert stat.S_IMODE((tmp_path / "private.md").stat().st_mode) == 0o600
    umask(0o002)
    write_text_atomic(tmp_path / "shared.md", "z")  # replacing keeps it atomic, mode from umask
    assert (tmp_path / "shared.md").read_text() == "z"
    assert stat.S_IMODE((tmp_path / "shared.md").stat().st_mode) == 0o664
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def _count_fsyncs(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = os.fsync

    def counting(fd):
        calls.append(fd)
        return real(fd)

    monkeypatch.setattr(os, "fsync", counting)
    return calls


def test_saves_are_durable_and_lesson_bookmarks_skip_the_fsync(tmp_path, monkeypatch):
    """A save or an export is on the disk when written (file and rename fsynced); the lesson
    bookmark, rewritten on every step, is atomic without an fsync (a class pressing → together
    would otherwise queue two fsyncs a student before redrawing)."""
    from explorer.core.lessons import Progress

    calls = _count_fsyncs(monkeypatch)
    write_atomic(tmp_path / "save.json", b"{}")
    assert len(calls) >= 1
    calls.clear()
    write_atomic(tmp_path / "mark.json", b"{}", durable=False)
    assert calls == [] and (tmp_path / "mark.json").read_bytes() == b"{}"
    progress = Progress(tmp_path / "progress.json")
    progress.set("pack", "lesson", 2, 5)
    assert calls == []
    assert Progress(tmp_path / "progress.json").get("pack", "lesson") == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []

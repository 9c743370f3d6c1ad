"""The class's shared state in SQLite: names, the teacher's step, submissions, a damaged file."""

from __future__ import annotations

import sqlite3
import stat

import pytest

from explorer.core.classroom import (
    PRESENCE_SECONDS,
    ClassError,
    ClassStore,
    NameTaken,
    Submission,
    check_member_name,
)


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_names_are_checked_like_save_names():
    assert check_member_name("  group-3 ") == "group-3"
    for bad in ("", "../x", "a/b", "two words", ".hidden", "x" * 41):
        with pytest.raises(ClassError):
            check_member_name(bad)


def test_a_name_in_use_by_a_connected_tab_is_refused_and_freed_after_leaving(tmp_path):
    clock = Clock()
    a, b = ClassStore(tmp_path, now=clock), ClassStore(tmp_path, now=clock)
    a.join("amira", "tab-1")
    with pytest.raises(NameTaken):
        b.join("amira", "tab-2")
    clock.t += PRESENCE_SECONDS + 1  # tab 1 went quiet: the name can be taken back
    assert b.join("amira", "tab-2").role == "student"
    a.join("bo", "tab-3")
    a.leave("bo", "tab-3")
    b.join("bo", "tab-4")  # left explicitly: free at once
    assert [(m.name, m.connected) for m in a.members()] == [("amira", True), ("bo", True)]


def test_wal_mode_and_the_teacher_lead_shared_between_connections(tmp_path):
    teacher, student = ClassStore(tmp_path), ClassStore(tmp_path)
    mode = sqlite3.connect(teacher.path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    assert student.lead().step is None and not student.lead().follow
    teacher.join("ms-k", "t", role="teacher")
    teacher.set_step("lesson-1", 3, "ms-k")
    teacher.set_follow(True)
    lead = student.lead()
    assert (lead.lesson, lead.step, lead.follow, lead.teacher) == ("lesson-1", 3, True, "ms-k")
    teacher.leave("ms-k", "t")
    assert student.lead().teacher is None and student.lead().step == 3  # the last step stays


def test_submissions_replace_per_group_and_step(tmp_path):
    store = ClassStore(tmp_path)
    store.submit(Submission("g1", "l", 0, "2020-01-10", ("reds", "blues"), "ann"))
    store.submit(Submission("g2", "l", 0, "2020-01-10", ("greens",), None, note="<b>hi</b>"))
    store.submit(Submission("g1", "l", 0, "2020-01-10", ("reds", "greens"), None))
    subs = ClassStore(tmp_path).submissions("l")
    assert [(s.name, s.members, s.pm) for s in subs] == [
        ("g1", ("reds", "greens"), None), ("g2", ("greens",), None)]
    assert subs[1].note == "<b>hi</b>"


def test_a_damaged_database_is_kept_and_a_new_one_started_beside_it(tmp_path):
    junk = b"this is not a database" * 100
    (tmp_path / "class.sqlite3").write_bytes(junk)
    store = ClassStore(tmp_path)
    assert store.path.name == "class-2.sqlite3"
    assert "class.sqlite3" in store.notice and "kept as it is" in store.notice
    assert (tmp_path / "class.sqlite3").read_bytes() == junk
    store.join("amira", "s")
    again = ClassStore(tmp_path)  # another session finds the same new file
    assert again.path == store.path and [m.name for m in again.members()] == ["amira"]


def test_a_class_folder_that_cannot_be_made_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ClassError, match="Cannot use the class folder"):
        ClassStore(blocker / "class")


def test_a_read_only_class_folder_is_a_clear_error(tmp_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root can write to a read-only folder")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(ClassError):
            ClassStore(folder)
    finally:
        folder.chmod(0o700)


def test_the_heartbeat_keeps_a_tab_present_and_leaves_the_other_writes_durable(tmp_path):
    """The heartbeat (every few seconds of every tab) commits without waiting for the disk;
    joining, the teacher's step and the hand-ins stay synchronous FULL."""
    clock = Clock()
    store, other = ClassStore(tmp_path, now=clock), ClassStore(tmp_path, now=clock)
    store.join("amira", "tab-1")
    clock.t += PRESENCE_SECONDS - 1
    store.still_here("amira", "tab-1")
    clock.t += PRESENCE_SECONDS - 1  # quiet since the heartbeat, not since joining: present
    assert [(m.name, m.connected) for m in other.members()] == [("amira", True)]
    with pytest.raises(NameTaken):
        other.join("amira", "tab-2")
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL again

"""A class's shared state in SQLite: who joined, the teacher's step, the groups' submissions.

Every served session is its own process; they all open the same database in the class folder
(`class.sqlite3`). WAL mode lets readers go on while one process writes; each write is one short
`BEGIN IMMEDIATE … COMMIT`, so a session that crashes loses nothing it committed. A database that
cannot be read is reported (`ClassStore.notice`) and kept exactly as it is: the class goes on in a
new file beside it (`class-2.sqlite3`, …), which every session finds the same way.

Plain Python (no textual): the TUI calls it, the tests call it directly.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

DB_NAME = "class"
PRESENCE_SECONDS = 30.0  # a session that has not said "still here" for this long has left
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")

SCHEMA = """
CREATE TABLE IF NOT EXISTS members (
    name TEXT PRIMARY KEY, role TEXT NOT NULL, session TEXT NOT NULL,
    joined REAL NOT NULL, seen REAL NOT NULL);
CREATE TABLE IF NOT EXISTS lead (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS submissions (
    name TEXT NOT NULL, lesson TEXT NOT NULL, step INTEGER NOT NULL, on_date TEXT,
    members TEXT NOT NULL, pm TEXT, note TEXT NOT NULL DEFAULT '', at REAL NOT NULL,
    PRIMARY KEY (name, lesson, step));
"""


class ClassError(Exception):
    """A message for the person at the keyboard (a bad name, a name in use, no class folder)."""


class NameTaken(ClassError):
    """Another connected session uses this name."""


def check_member_name(name: str) -> str:
    """A student's or group's name: one word, as for a save name (it names their folder)."""
    name = name.strip()
    if not _NAME.match(name) or ".." in name:
        raise ClassError("A name is one word of letters, digits, '-', '_' or '.', up to 40 "
                         "characters, starting with a letter or digit: for example 'amira' or "
                         "'group-3'.")
    return name


@dataclass(frozen=True)
class Lead:
    """Where the teacher is: the lesson, its 0-based step, and whether the class follows."""

    lesson: str | None
    step: int | None
    follow: bool
    teacher: str | None  # the teacher's name, None when no teacher is connected


@dataclass(frozen=True)
class Submission:
    name: str
    lesson: str
    step: int
    on: str | None  # ISO date of the picture the coalition was built on
    members: tuple[str, ...]
    pm: str | None
    note: str = ""
    at: float = 0.0


@dataclass(frozen=True)
class Member:
    name: str
    role: str
    connected: bool


class ClassStore:
    """The class database in `folder` (made if missing)."""

    def __init__(self, folder: str | Path, now=time.time) -> None:
        self.folder = Path(folder)
        self.now = now
        self.notice: str | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ClassError(f"Cannot use the class folder {self.folder}: "
                             f"{exc.strerror or exc}.") from None
        damaged: list[str] = []
        n = 1
        while True:
            path = self.folder / (f"{DB_NAME}.sqlite3" if n == 1 else f"{DB_NAME}-{n}.sqlite3")
            problem = self._open(path)
            if problem is None:
                break
            damaged.append(f"{path.name} ({problem})")
            n += 1
            if n > 50:
                raise ClassError("Cannot open a class database in "
                                 f"{self.folder}: {'; '.join(damaged)}.")
        self.path = path
        if damaged:
            self.notice = (f"The class database {', '.join(damaged)} could not be read; it is "
                           f"kept as it is, and the class goes on in {path.name}.")

    def _open(self, path: Path) -> str | None:
        """Open `path` as the class database; None when it works, else what is wrong."""
        try:
            conn = sqlite3.connect(path, timeout=10, isolation_level=None)
        except sqlite3.Error as exc:
            return str(exc)
        try:
            conn.execute("PRAGMA busy_timeout = 10000")
            check = conn.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                conn.close()
                return f"integrity check: {check[0] if check else 'no answer'}"
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                conn.close()
                return f"cannot use WAL mode ({mode})"
            conn.execute("PRAGMA synchronous = FULL")
            conn.executescript(SCHEMA)
        except sqlite3.OperationalError as exc:  # locked, busy, read-only: not damage
            conn.close()
            if "readonly" in str(exc).lower() or "read-only" in str(exc).lower():
                raise ClassError(f"The class folder {path.parent} is not writable.") from None
            raise ClassError(f"The class database {path.name} is busy: {exc}. Try again in a "
                             "moment.") from None
        except sqlite3.DatabaseError as exc:  # not a database, malformed: keep it, go on
            conn.close()
            return str(exc)
        self.conn = conn
        return None

    def close(self) -> None:
        self.conn.close()

    def _write(self, sql: str, params: tuple = (), durable: bool = True) -> None:
        """One short transaction. `durable=False` (the heartbeat every few seconds of every
        session) commits without waiting for the disk (WAL, synchronous NORMAL: still atomic,
        a power cut may lose the last heartbeats); everything else stays synchronous FULL."""
        try:
            if not durable:
                self.conn.execute("PRAGMA synchronous = NORMAL")
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    self.conn.execute(sql, params)
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
                self.conn.execute("COMMIT")
            finally:
                if not durable:
                    self.conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.OperationalError as exc:
            raise ClassError(f"The class database is busy or not writable: {exc}.") from None

    # -- members ----------------------------------------------------------------------------
    def join(self, name: str, session: str, role: str = "student") -> Member:
        """Take `name` for this session (or take it back after a disconnect)."""
        name = check_member_name(name)
        now = self.now()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            row = self.conn.execute("SELECT session, seen FROM members WHERE name = ?",
                                    (name,)).fetchone()
            if row and row[0] != session and now - row[1] < PRESENCE_SECONDS:
                self.conn.execute("ROLLBACK")
                raise NameTaken(f"{name!r} is already connected in another tab. Choose another "
                                "name, or close that tab and try again in a few seconds.")
            self.conn.execute(
                "INSERT INTO members (name, role, session, joined, seen) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET role = excluded.role, "
                "session = excluded.session, seen = excluded.seen", (name, role, session, now, now))
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            raise ClassError(f"The class database is busy or not writable: {exc}.") from None
        return Member(name, role, True)

    def still_here(self, name: str, session: str) -> None:
        self._write("UPDATE members SET seen = ? WHERE name = ? AND session = ?",
                    (self.now(), name, session), durable=False)

    def leave(self, name: str, session: str) -> None:
        self._write("UPDATE members SET seen = 0 WHERE name = ? AND session = ?", (name, session))

    def members(self) -> list[Member]:
        now = self.now()
        rows = self.conn.execute("SELECT name, role, seen FROM members ORDER BY name COLLATE "
                                 "NOCASE").fetchall()
        return [Member(n, r, now - seen < PRESENCE_SECONDS) for n, r, seen in rows]

    # -- the teacher's lead -----------------------------------------------------------------
    def _set(self, key: str, value: str) -> None:
        self._write("INSERT INTO lead (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                    "value = excluded.value", (key, value))

    def set_step(self, lesson: str, step: int, teacher: str) -> None:
        self._set("position", json.dumps({"lesson": lesson, "step": step, "teacher": teacher}))

    def set_follow(self, follow: bool) -> None:
        self._set("follow", "1" if follow else "0")

    def lead(self) -> Lead:
        values = dict(self.conn.execute("SELECT key, value FROM lead").fetchall())
        try:
            pos = json.loads(values.get("position", "{}"))
        except ValueError:
            pos = {}
        pos = pos if isinstance(pos, dict) else {}
        step = pos.get("step")
        teacher = pos.get("teacher")
        present = {m.name for m in self.members() if m.connected and m.role == "teacher"}
        return Lead(pos.get("lesson") if isinstance(pos.get("lesson"), str) else None,
                    step if isinstance(step, int) and not isinstance(step, bool) else None,
                    values.get("follow") == "1",
                    teacher if teacher in present else None)

    # -- submissions ------------------------------------------------------------------------
    def submit(self, sub: Submission) -> Submission:
        """Hand in a coalition (a new one for the same step replaces the old)."""
        at = self.now()
        self._write(
            "INSERT INTO submissions (name, lesson, step, on_date, members, pm, note, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name, lesson, step) DO UPDATE SET "
            "on_date = excluded.on_date, members = excluded.members, pm = excluded.pm, "
            "note = excluded.note, at = excluded.at",
            (sub.name, sub.lesson, sub.step, sub.on, json.dumps(list(sub.members)), sub.pm,
             sub.note, at))
        return Submission(sub.name, sub.lesson, sub.step, sub.on, sub.members, sub.pm,
                          sub.note, at)

    def submissions(self, lesson: str | None = None, step: int | None = None
                    ) -> list[Submission]:
        sql = "SELECT name, lesson, step, on_date, members, pm, note, at FROM submissions"
        where, params = [], []
        if lesson is not None:
            where.append("lesson = ?")
            params.append(lesson)
        if step is not None:
            where.append("step = ?")
            params.append(step)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY name COLLATE NOCASE, step"
        out = []
        for name, les, st, on, members, pm, note, at in self.conn.execute(sql, params):
            try:
                ids = json.loads(members)
            except ValueError:
                ids = []
            ids = tuple(str(m) for m in ids) if isinstance(ids, list) else ()
            out.append(Submission(name, les, st, on, ids, pm, note or "", at))
        return out

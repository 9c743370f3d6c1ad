"""The student's session: coalition, date, screen and page history, kept between runs.

The app writes it (atomically) whenever the work changes and on quitting; the next start offers
it back ("Resume where you left off?"). One file per pack in the user's data folder
(`session-<pack>.json` under $EXPLORER_DATA_DIR, else $XDG_DATA_HOME/kingmaker, else
~/.local/share/kingmaker). A damaged or foreign file is ignored, never fatal. No textual here.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.core.storage import data_dir, write_atomic

if TYPE_CHECKING:
    from explorer.core.coalition import CoalitionState
    from explorer.core.graph import Atlas

VERSION = 1
MAX_BYTES = 512 * 1024
MODES = ("explore", "coalition", "adventure")


@dataclass
class Session:
    """What the student had on screen: enough to put it back."""

    pack: str
    on: str | None = None  # ISO date
    members: list[str] = field(default_factory=list)
    pm: str | None = None
    splits: list[str] = field(default_factory=list)  # units split, in order
    mode: str = "explore"
    history: list[str | None] = field(default_factory=lambda: [None])
    position: int = 0

    @property
    def day(self) -> date | None:
        return date.fromisoformat(self.on) if self.on else None

    def is_empty(self, default_on: date | None) -> bool:
        """Nothing worth offering back: no coalition, the pack's own date, no page opened."""
        return (not self.members and self.pm is None and not self.splits
                and self.day == default_on and not any(self.history))

    def summary(self, atlas: Atlas) -> str:
        """One line a student recognises: the coalition, the date and the screen."""
        actors = atlas.pack.actors
        names = [actors[m].name if m in actors else m for m in self.members]
        parts = []
        if names:
            shown = names[:4] + ([f"{len(names) - 4} more"] if len(names) > 4 else [])
            listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
            parts.append(f"a coalition of {listed}")
        else:
            parts.append("no coalition yet")
        if self.pm and self.pm in actors:
            parts.append(f"with {actors[self.pm].name} as PM candidate")
        if self.day:
            parts.append(f"on {self.day.day} {self.day:%B %Y}")
        page = self.history[self.position] if 0 <= self.position < len(self.history) else None
        if page and page in actors:
            parts.append(f"reading about {actors[page].name}")
        where = {"coalition": "in the coalition builder", "adventure": "in the adventure"}
        if self.mode in where:
            parts.append(where[self.mode])
        return " ".join(parts) + "."


def session_path(pack_id: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", pack_id) or "pack"
    return data_dir() / f"session-{safe}.json"


def capture(pack_id: str, state: CoalitionState | None, on: date | None, mode: str,
            history: list[str | None], position: int) -> Session:
    """The session for the app's current state (`state` None: no coalition made yet)."""
    members: list[str] = []
    pm = None
    splits: list[str] = []
    if state is not None:
        members = list(state.coalition.members)
        pm = state.coalition.pm
        splits = _splits_of(state)
    return Session(pack=pack_id, on=on.isoformat() if on else None, members=members, pm=pm,
                   splits=splits, mode=mode if mode in MODES else "explore",
                   history=list(history) or [None],
                   position=max(0, min(position, len(history) - 1)))


def _splits_of(state: CoalitionState) -> list[str]:
    """The table's units that came from a split: the ids of the lists that were split."""
    from explorer.core.seats import default_picture

    pack = state.atlas.pack
    base = default_picture(pack, state.on).units
    base_ids = {u.id for u in base}
    out: list[str] = []
    for unit in state.picture.units:
        if unit.id in base_ids or unit.synthetic:
            continue
        actor = pack.actors.get(unit.id)
        holder = next((b.id for b in base if unit.id in b.members), None)
        parent = holder or (actor.part_of if actor is not None else None)
        chain = []
        while parent and parent not in base_ids and parent in pack.actors:
            chain.append(parent)  # a faction of a faction: split the outer one first
            parent = pack.actors[parent].part_of
        if parent:
            chain.append(parent)
        for item in reversed(chain):
            if item not in out:
                out.append(item)
    return out


def save(session: Session) -> Path | None:
    """Write atomically; a read-only home never stops the app (returns None then)."""
    data = {"version": VERSION, **asdict(session)}
    path = session_path(session.pack)
    try:
        write_atomic(path, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    except OSError:
        return None
    return path


def load(atlas: Atlas) -> Session | None:
    """The saved session of this pack, checked against it; None if absent or damaged."""
    path = session_path(atlas.pack.id)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return None
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != VERSION \
            or data.get("pack") != atlas.pack.id:
        return None
    actors = atlas.pack.actors
    try:
        on = data.get("on")
        if on is not None:
            date.fromisoformat(on)
        members = [m for m in data.get("members", []) if isinstance(m, str)]
        splits = [s for s in data.get("splits", []) if isinstance(s, str) and s in actors]
        pm = data.get("pm") if data.get("pm") in actors else None
        history = [h if isinstance(h, str) and h in actors else None
                   for h in data.get("history", [None])][:200] or [None]
        position = data.get("position", 0)
        position = position if isinstance(position, int) else 0
        mode = data.get("mode") if data.get("mode") in MODES else "explore"
    except (TypeError, ValueError, AttributeError):
        return None
    return Session(pack=atlas.pack.id, on=on, members=members, pm=pm, splits=splits, mode=mode,
                   history=history, position=max(0, min(position, len(history) - 1)))


def restore_state(atlas: Atlas, session: Session) -> CoalitionState:
    """A fresh coalition state holding the session's coalition (no undo history)."""
    from explorer.core.coalition import Coalition, CoalitionState

    state = CoalitionState(atlas, session.day)
    for unit_id in session.splits:
        if state.picture.unit(unit_id) is None:
            continue
        try:
            state.split(unit_id)
        except (KeyError, ValueError):
            continue
    known = set(state.picture.ids) | set(atlas.pack.actors)
    members = tuple(m for m in session.members if m in known)
    state.replace(Coalition(members, session.pm))
    state.undo_stack.clear()
    state.redo_stack.clear()
    return state


def forget(pack_id: str) -> None:
    try:
        session_path(pack_id).unlink()
    except OSError:
        pass

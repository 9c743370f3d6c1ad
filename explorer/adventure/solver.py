"""A solver for challenges: the fewest commands that win one, and a dead end one can walk into.

It plays the adventure's own rules on an abstract state (where the envoy is, who is in the
coalition): `invite X` for every seat holder and every person who stands for one, and, when the
challenge says you must travel, `go P` to every place where one of them can be met. An invite
that brings a hard refusal is turned down (nothing changes), as the `invite` verb does; a win and
a dead end are `goals.assess`. Breadth-first, so the first win found is a shortest one; a bound
(the seats still needed against the largest gains left) prunes paths that cannot finish in time.
The paths it returns are plain commands: the tests replay them through the real engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from explorer.adventure import goals
from explorer.adventure.world import World
from explorer.core.coalition import Coalition, member_id, seat_range
from explorer.core.feasibility import hard_refusals
from explorer.core.graph import Atlas
from explorer.core.model import Challenge
from explorer.core.seats import default_picture
from explorer.core.tensions import cover_of

State = tuple[str | None, frozenset[str]]


@dataclass
class Solution:
    win: list[str] | None  # the commands of a shortest win (None: none within the depth)
    dead_end: list[str] | None  # the commands of a shortest path into a dead end
    explored: int = 0
    depth: int = 0
    notes: list[str] = field(default_factory=list)


class _Game:
    def __init__(self, atlas: Atlas, ch: Challenge):
        self.atlas, self.ch = atlas, ch
        self.picture = default_picture(atlas.pack, ch.date)
        self.cover = cover_of(atlas, self.picture)
        self.world = World(atlas)
        on, pack = ch.date, atlas.pack
        targets = [a.id for a in pack.actors.values() if a.exists_on(on) and (
            a.holds_seats or (a.kind == "bloc" and self.picture.unit(a.id) is not None)
            or (a.kind == "person" and a.stands_for))]
        self.targets: dict[str, str] = {}  # invite target -> the member it brings
        for t in targets:
            try:
                self.targets[t] = member_id(atlas, self.picture, t)
            except (KeyError, ValueError):
                continue
        self.reach = {t: {w.place for w in self.world.reach(t, on)} for t in self.targets}
        banned: set[str] = set()
        for x in ch.goal.exclude:
            try:
                banned |= self.cover.cover(member_id(atlas, self.picture, x))
            except (KeyError, ValueError):
                continue
        # who can help: a target that brings excluded seats only leads into a dead end
        self.helpers = [t for t in self.targets if not self.cover.cover(self.targets[t]) & banned]
        places = set().union(*self.reach.values()) if ch.must_travel else set()
        self.places = sorted(places)
        self.need = (pack.threshold(ch.goal.threshold) or pack.thresholds[0]).seats
        self._eval: dict[frozenset[str], tuple] = {}
        self._won: dict[frozenset[str], bool] = {}
        self._low: dict[str, int] = {}

    def evaluation(self, members: frozenset[str]) -> tuple[frozenset[str], int, frozenset]:
        """(the members none of which sits inside another, their low seats, the hard refusals
        among them): what `evaluate` works out, on one shared Cover."""
        found = self._eval.get(members)
        if found is None:
            norm = self.cover.normalize(sorted(members))
            groups = {c: [c] for m in norm for c in self.cover.constituents(m)}
            hard = frozenset((t.relation_id, t.a, t.b)
                             for t in hard_refusals(self.cover, groups, self.ch.pm))
            found = self._eval[members] = (frozenset(norm), sum(self.low(m) for m in norm),
                                           hard)
        return found

    def invite(self, state: State, target: str) -> State | None:
        where, members = state
        if self.ch.must_travel and self.reach[target] and where not in self.reach[target]:
            return None
        mid = self.targets[target]
        if any(mid in self.cover.cover(m) for m in members):
            return None  # already in
        hard = self.evaluation(members)[2]
        after, _low, after_hard = self.evaluation(members | {mid})
        if after_hard - hard:
            return None  # turned down: a hard refusal
        return where, after

    def won(self, members: frozenset[str]) -> bool:
        if self.evaluation(members)[1] < self.need:
            return False  # short of seats: no need to ask the goal
        if members not in self._won:
            self._won[members] = goals.assess(
                self.atlas, self.picture, Coalition(tuple(sorted(members)), self.ch.pm),
                self.ch.goal, search=False).won
        return self._won[members]

    def dead(self, members: frozenset[str]) -> bool:
        out = goals.assess(self.atlas, self.picture, Coalition(tuple(sorted(members)),
                                                                self.ch.pm), self.ch.goal)
        return out.dead

    def low(self, member: str) -> int:
        found = self._low.get(member)
        if found is None:
            found = self._low[member] = seat_range(self.atlas, self.picture, member)[0]
        return found

    def gain(self, members: frozenset[str], target: str) -> int:
        mid = self.targets[target]
        inside = self.cover.cover(mid)
        return self.low(mid) - sum(self.low(m) for m in members if m in inside)


def solve(atlas: Atlas, ch: Challenge, max_depth: int = 9) -> Solution:
    """The shortest winning commands and a shortest path into a dead end (see module doc).

    Iterative deepening: a breadth-first search bounded by 1, 2, ... moves, each pruned by the
    seats still reachable within the bound, so that the first win found is a shortest one."""
    game = _Game(atlas, ch)
    start_members = game.evaluation(frozenset(
        member_id(atlas, game.picture, m) for m in ch.start_coalition if m in atlas.pack.actors)
    )[0]
    start: State = (atlas.pack.start_place, start_members)
    need = (atlas.pack.threshold(ch.goal.threshold) or atlas.pack.thresholds[0]).seats
    solution = Solution([] if game.won(start_members) else None, None)
    seen: dict[State, list[str]] = {start: []}
    for bound in range(1, max_depth + 1):
        if solution.win is not None:
            break
        solution.depth = bound
        solution.win = _bounded(game, start, need, bound, seen)
    solution.explored = len(seen)
    solution.dead_end = _find_dead(game, start)
    return solution


def _bounded(game: _Game, start: State, need: int, bound: int,
             seen: dict[State, list[str]]) -> list[str] | None:
    paths: dict[State, list[str]] = {start: []}
    frontier = [start]
    for depth in range(1, bound + 1):
        nxt: list[State] = []
        for state in frontier:
            for command, new in _moves(game, state):
                if new in paths:
                    continue
                path = [*paths[state], command]
                paths[new] = path
                if new not in seen or len(seen[new]) > len(path):
                    seen[new] = path
                if game.won(new[1]):
                    return path
                if depth < bound and not _hopeless(game, new, need, bound - depth):
                    nxt.append(new)
        frontier = nxt
    return None


def _moves(game: _Game, state: State, everyone: bool = False) -> Iterable[tuple[str, State]]:
    """The moves from a state: invites (of helpers only, unless `everyone`) and useful trips."""
    where, members = state
    targets = game.targets if everyone else game.helpers
    for place in game.places:  # a trip is useful when someone who can join is met there
        if place != where and any(place in game.reach[t] for t in targets):
            yield f"go {place}", (place, members)
    for target in targets:
        new = game.invite(state, target)
        if new is not None and new != state:
            yield f"invite {target}", new


def _hopeless(game: _Game, state: State, need: int, left: int) -> bool:
    """True when even the largest gains within the moves left cannot reach the threshold.

    Without a trip only those met here (or anywhere) can join; a trip costs one move."""
    where, members = state
    short = need - game.evaluation(members)[1]
    if short <= 0:
        return False
    gains = {t: game.gain(members, t) for t in game.helpers}
    every = sorted((g for g in gains.values() if g > 0), reverse=True)
    if not game.ch.must_travel:
        return sum(every[:left]) < short
    here = sorted((g for t, g in gains.items() if g > 0 and (not game.reach[t]
                                                           or where in game.reach[t])),
                  reverse=True)
    return max(sum(here[:left]), sum(every[:max(left - 1, 0)])) < short


def _find_dead(game: _Game, start: State, depth: int = 2) -> list[str] | None:
    """A shortest path (any invite, any trip) into a dead end, up to `depth` moves."""
    paths: dict[State, list[str]] = {start: []}
    frontier = [start]
    for _ in range(depth):
        nxt = []
        for state in frontier:
            for command, new in _moves(game, state, everyone=True):
                if new in paths:
                    continue
                paths[new] = [*paths[state], command]
                if command.startswith("invite") and game.dead(new[1]):
                    return paths[new]
                nxt.append(new)
        frontier = nxt
    return None

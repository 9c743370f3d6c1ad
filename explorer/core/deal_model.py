"""The negotiation part of a pack: posts, policies, demands, red lines and the real deal.

Plain dataclasses, no I/O (deal_content.py reads them from posts.toml, demands.toml and
deal.toml; deals.py judges a deal with them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from explorer.core.dates import active
from explorer.core.model import Origin


@dataclass(frozen=True)
class Post:
    """A post a deal hands out: one holder each, a weight for the share of the spoils."""

    id: str
    name: str
    weight: float
    kind: str  # "top", "deputy", "sovereign", "ministry", "council", ...
    description: str
    sources: tuple[str, ...]
    origin: Origin
    aliases: tuple[str, ...] = ()
    since: date | None = None  # a post the deal invented exists from then on
    until: date | None = None

    def exists_on(self, on: date | None) -> bool:
        return active(on, self.since, self.until)


@dataclass(frozen=True)
class Policy:
    """Something a deal can promise: a law, a reform, a timetable."""

    id: str
    name: str
    description: str
    sources: tuple[str, ...]
    origin: Origin
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Demand:
    """What an actor wants from a deal: a post for its own side, or a policy promised to it.
    A must-have demand that is not met makes the actor refuse; a wish only counts as a point."""

    actor: str
    note: str
    sources: tuple[str, ...]
    origin: Origin
    post: str | None = None
    policy: str | None = None
    partner: str | None = None  # an actor it wants inside the coalition
    must: bool = True
    since: date | None = None
    until: date | None = None

    @property
    def target(self) -> tuple[str, str]:
        if self.post:
            return ("post", self.post)
        if self.partner:
            return ("partner", self.partner)
        return ("policy", self.policy or "")

    def active_on(self, on: date | None) -> bool:
        return active(on, self.since, self.until)


@dataclass(frozen=True)
class RedLine:
    """What an actor will not accept. Exactly one of: a policy promised to anyone; a post given
    to `holder` (or, without a holder, to anyone outside the actor's own side); a partner in the
    coalition; a prime minister from outside the camp of `pm_from` (seat holders). With
    `own_pm`, a policy red line binds only when the PM candidate comes from the actor's side
    (it will not itself promise the policy, but tolerates a partner's PM doing so)."""

    actor: str
    note: str
    sources: tuple[str, ...]
    origin: Origin
    policy: str | None = None
    post: str | None = None
    holder: str | None = None
    partner: str | None = None
    pm_from: tuple[str, ...] = ()
    own_pm: bool = False
    since: date | None = None
    until: date | None = None

    @property
    def target(self) -> tuple[str, str]:
        if self.policy:
            return ("policy", self.policy)
        if self.post:
            return ("post", f"{self.post}>{self.holder or ''}")
        if self.partner:
            return ("partner", self.partner)
        return ("pm_from", ",".join(self.pm_from))

    def active_on(self, on: date | None) -> bool:
        return active(on, self.since, self.until)


@dataclass(frozen=True)
class Allocation:
    """One post as it was really handed out (who held it, from when)."""

    post: str
    holder: str  # an actor id: the list or faction that got it
    person: str  # the holder's name as the sources give it
    date: date
    sources: tuple[str, ...]
    origin: Origin
    note: str = ""


@dataclass(frozen=True)
class Promise:
    """A policy the real deal promised, and to whom."""

    policy: str
    to: str
    date: date
    note: str
    sources: tuple[str, ...]
    origin: Origin


@dataclass
class ActualDeal:
    title: str
    date: date
    pm: str | None
    members: tuple[str, ...]
    summary: str
    sources: tuple[str, ...]
    origin: Origin
    allocations: tuple[Allocation, ...] = ()
    promises: tuple[Promise, ...] = ()


@dataclass
class Negotiation:
    """Everything a pack says about bargaining."""

    tolerance: float = 0.5  # a member refuses below tolerance x its seat share of the weight
    pm_post: str | None = None  # the post the PM candidate's side holds automatically
    sources: tuple[str, ...] = ()
    posts: dict[str, Post] = field(default_factory=dict)
    policies: dict[str, Policy] = field(default_factory=dict)
    demands: list[Demand] = field(default_factory=list)
    red_lines: list[RedLine] = field(default_factory=list)
    actual: ActualDeal | None = None

    def demands_of(self, actor_id: str, on: date | None) -> list[Demand]:
        return [d for d in self.demands if d.actor == actor_id and d.active_on(on)]

    def red_lines_of(self, actor_id: str, on: date | None) -> list[RedLine]:
        return [r for r in self.red_lines if r.actor == actor_id and r.active_on(on)]

    def posts_on(self, on: date | None) -> list[Post]:
        return [p for p in self.posts.values() if p.exists_on(on)]

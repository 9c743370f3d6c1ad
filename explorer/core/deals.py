"""Judging a deal: posts handed to members, policies promised, each member's verdict and why.

A member of a coalition accepts a deal when
  - every must-have demand of its side (the member, its factions, the people who lead them) on
    the date is met: a post given to it, a policy promised to it;
  - no red line of its side is crossed by anything in the deal, including what was given or
    promised to someone else (a faction's red line binds the list it sits in, unless the faction
    is split off and is a member of its own), and nobody on its side hard-refuses a partner or
    the PM candidate (the pack's `refuses` / `refuses_pm` relations);
  - its share of the weight of the posts handed out is at least the pack's tolerance times its
    share of the coalition's seats (Gamson's law says the two shares are equal).
The government forms when every member accepts, there is a PM candidate from a member, and the
seats reach the threshold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from explorer.core.coalition import Coalition, evaluate, member_id, name_of, seat_range
from explorer.core.deal_model import Negotiation, RedLine
from explorer.core.graph import Atlas
from explorer.core.seats import Picture
from explorer.core.tensions import cover_of

EPSILON = 1e-9


class DealError(ValueError):
    """A bargaining step that cannot be taken; the message names what exists."""


@dataclass(frozen=True)
class Terms:
    """The deal so far: (post, member) and (policy, member) pairs, in the order they were made."""

    posts: tuple[tuple[str, str], ...] = ()
    promises: tuple[tuple[str, str], ...] = ()

    def holder(self, post: str) -> str | None:
        return next((m for p, m in self.posts if p == post), None)

    def give(self, post: str, member: str) -> Terms:
        if self.holder(post) is not None:
            raise DealError(f"already given to {self.holder(post)}")
        return Terms(self.posts + ((post, member),), self.promises)

    def take_back(self, post: str) -> Terms:
        return Terms(tuple(x for x in self.posts if x[0] != post), self.promises)

    def promise(self, policy: str, member: str) -> Terms:
        if (policy, member) in self.promises:
            raise DealError("already promised")
        return Terms(self.posts, self.promises + ((policy, member),))

    def withdraw(self, policy: str, member: str | None = None) -> Terms:
        return Terms(self.posts, tuple(x for x in self.promises
                                       if x[0] != policy or (member and x[1] != member)))

    def only(self, members: set[str]) -> Terms:
        """The terms that still concern members of the coalition."""
        return Terms(tuple(x for x in self.posts if x[1] in members),
                     tuple(x for x in self.promises if x[1] in members))


@dataclass(frozen=True)
class Reason:
    kind: str  # "demand", "wish", "red line", "refusal", "share", "pm"
    ok: bool
    text: str
    sources: tuple[str, ...] = ()
    final: bool = False  # only taking something back (withdraw, dismiss, undo) can mend it

    def as_json(self) -> dict:
        return {"kind": self.kind, "ok": self.ok, "text": self.text, "sources": list(self.sources)}


@dataclass
class MemberVerdict:
    member: str
    name: str
    seats: int
    seat_share: float
    weight: float
    weight_share: float
    banzhaf_share: float
    floor: float
    posts: list[str]
    promises: list[str]
    reasons: list[Reason] = field(default_factory=list)
    points: int = 0  # demands of its side met (must-haves and wishes)
    demands: int = 0

    @property
    def accepts(self) -> bool:
        return all(r.ok for r in self.reasons if r.kind != "wish")

    @property
    def refusals(self) -> list[Reason]:
        return [r for r in self.reasons if not r.ok and r.kind != "wish"]

    def as_json(self) -> dict:
        return {"member": self.member, "name": self.name, "seats": self.seats,
                "seat_share": round(self.seat_share, 4), "gamson_share": round(self.seat_share, 4),
                "weight": self.weight, "weight_share": round(self.weight_share, 4),
                "banzhaf_share": round(self.banzhaf_share, 4), "floor": round(self.floor, 4),
                "posts": self.posts, "promises": self.promises, "accepts": self.accepts,
                "points": self.points, "demands": self.demands,
                "reasons": [r.as_json() for r in self.reasons]}


@dataclass
class DealEvaluation:
    on: date | None
    pm: str | None
    pm_member: str | None
    verdicts: list[MemberVerdict]
    seats: int
    low: int
    need: int
    threshold: str
    total_weight: float
    tolerance: float
    terms: Terms
    problems: list[Reason] = field(default_factory=list)  # about the deal as a whole

    @property
    def reached(self) -> bool:
        return self.low >= self.need

    @property
    def formed(self) -> bool:
        return (self.reached and bool(self.verdicts) and not self.problems
                and all(v.accepts for v in self.verdicts))

    def verdict(self, member: str) -> MemberVerdict | None:
        return next((v for v in self.verdicts if v.member == member), None)

    def as_json(self) -> dict:
        return {"date": self.on.isoformat() if self.on else None, "pm": self.pm,
                "pm_member": self.pm_member, "seats": self.low, "need": self.need,
                "threshold": self.threshold, "reached": self.reached, "formed": self.formed,
                "tolerance": self.tolerance, "total_weight": self.total_weight,
                "posts": [{"post": p, "holder": m} for p, m in self.terms.posts],
                "promises": [{"policy": p, "to": m} for p, m in self.terms.promises],
                "problems": [r.as_json() for r in self.problems],
                "members": [v.as_json() for v in self.verdicts]}


def pct(x: float) -> str:
    return f"{x:.0%}"


class Judge:
    """The facts a verdict needs on one date: sides, names, the pack's demands and red lines."""

    def __init__(self, atlas: Atlas, picture: Picture, neg: Negotiation):
        self.atlas, self.picture, self.neg = atlas, picture, neg
        self.on = picture.on
        self.cover = cover_of(atlas, picture)

    def name(self, item: str) -> str:
        if item in self.neg.posts:
            return self.neg.posts[item].name
        if item in self.neg.policies:
            return self.neg.policies[item].name
        return name_of(self.atlas, self.picture, item)

    def side(self, member: str) -> list[str]:
        """The actors whose demands and red lines bind a member: itself, what it covers (its
        factions, a bloc's lists) and the people in its circle."""
        return sorted(set(self.cover.cover(member)) | set(self.cover.circle(member)) | {member})

    def owner(self, actor: str, members: list[str]) -> str | None:
        return next((m for m in members if actor in self.side(m)), None)

    def pm_member(self, pm: str | None, members: list[str]) -> str | None:
        if pm is None:
            return None
        return next((m for m in members if pm in self.cover.circle(m) or pm == m), None)

    def in_camp(self, pm: str, camp: tuple[str, ...]) -> bool:
        return any(pm in self.cover.circle(a) or pm == a for a in camp)

    def crossed(self, r: RedLine, member: str, members: list[str], terms: Terms,
                pm: str | None) -> str | None:
        """How the deal crosses a red line of member's side, or None."""
        who = self.name(r.actor)
        if r.policy:
            to = [m for p, m in terms.promises if p == r.policy]
            if r.own_pm and (pm is None or pm not in self.cover.circle(member)):
                return None
            if to:
                return (f"{who} will not accept {self.name(r.policy)}, promised to "
                        f"{self.name(to[0])}")
        elif r.post:
            holder = terms.holder(r.post)
            if holder is None:
                return None
            if r.holder and r.holder in self.side(holder):
                return f"{who} will not see {self.name(r.post)} go to {self.name(holder)}"
            if not r.holder and r.actor not in self.side(holder):
                return (f"{who} will not see {self.name(r.post)} go to anyone but its own side "
                        f"(it goes to {self.name(holder)})")
        elif r.partner:
            other = self.owner(r.partner, [m for m in members if m != member])
            if other is not None and r.partner not in self.side(member):
                return f"{who} will not sit with {self.name(r.partner)}"
        elif r.pm_from and pm and not self.in_camp(pm, r.pm_from):
            camp = " or ".join(self.name(a) for a in r.pm_from)
            return (f"{who} wants a prime minister from {camp}, not "
                    f"{self.atlas.pack.actors[pm].name if pm in self.atlas.pack.actors else pm}")
        return None


def _banzhaf_shares(judge: Judge, members: list[str], seats: dict[str, int],
                    quota: int) -> dict[str, float]:
    """Each member's Banzhaf power in the parliament, as a share of the members' total."""
    from explorer.core.power import power_indices

    weights = [seats[m] for m in members]
    inside = {a for m in members for a in judge.cover.cover(m)}
    for unit in judge.picture.units:
        if unit.id in members or judge.cover.cover(unit.id) <= inside:
            continue
        held = sum(seats[m] for m in members if m in judge.cover.cover(unit.id))
        rest = unit.primary - held
        if rest > 0:
            weights.append(rest)
    if quota <= 0 or sum(weights) < quota:
        return dict.fromkeys(members, 0.0)
    result = power_indices(weights, quota)
    mine = [float(b) for b in result.banzhaf[: len(members)]]
    total = sum(mine)
    return {m: (b / total if total else 0.0) for m, b in zip(members, mine, strict=True)}


def evaluate_deal(atlas: Atlas, picture: Picture, coalition: Coalition, terms: Terms,
                  threshold: str | None = None, power: bool = True) -> DealEvaluation:
    """Each member's verdict on the deal (power=False skips the Banzhaf shares)."""
    neg = atlas.pack.negotiation or Negotiation()
    judge = Judge(atlas, picture, neg)
    ev = evaluate(atlas, picture, coalition, completions=False)
    members = list(ev.members)
    th = atlas.pack.threshold(threshold) or atlas.pack.government_threshold  # None: government
    need = th.seats if th else 0
    terms = terms.only(set(members))
    pm = coalition.pm
    pm_member = judge.pm_member(pm, members)
    posts = list(terms.posts)
    if neg.pm_post and pm_member and terms.holder(neg.pm_post) is None:
        posts.insert(0, (neg.pm_post, pm_member))
    full = Terms(tuple(posts), terms.promises)
    seats = {m: seat_range(atlas, picture, m)[2] for m in members}
    total_seats = sum(seats.values()) or 1
    weight = {m: 0.0 for m in members}
    for p, m in posts:
        weight[m] += neg.posts[p].weight if p in neg.posts else 0.0
    total_weight = sum(weight.values())
    banzhaf = _banzhaf_shares(judge, members, seats, need) if members and power else {}
    problems = []
    if pm is None:
        problems.append(Reason("pm", False, "nobody is the candidate for prime minister"))
    elif pm_member is None:
        problems.append(Reason("pm", False, f"{judge.name(pm)}, the candidate for prime "
                               "minister, has no list in the coalition"))
    if neg.pm_post and pm_member and full.holder(neg.pm_post) not in (None, pm_member):
        problems.append(Reason("pm", False, f"{judge.name(neg.pm_post)} is given to "
                               f"{judge.name(full.holder(neg.pm_post))}, not to the candidate's "
                               "side"))
    verdicts = []
    for m in members:
        share = seats[m] / total_seats
        wshare = weight[m] / total_weight if total_weight else 0.0
        v = MemberVerdict(m, judge.name(m), seats[m], share, weight[m], wshare,
                          banzhaf.get(m, 0.0), neg.tolerance * share,
                          [p for p, h in posts if h == m],
                          [p for p, h in terms.promises if h == m])
        _judge_member(judge, v, members, full, pm)
        floor_text = (f"{pct(wshare)} of the posts' weight for {pct(share)} of the coalition's "
                      f"seats (Gamson's law: {pct(share)}; it wants at least {pct(v.floor)})")
        v.reasons.append(Reason("share", wshare + EPSILON >= v.floor, floor_text))
        verdicts.append(v)
    for t in ev.tensions:
        if not t.hard:
            continue
        owner = judge.owner(t.source_actor, members)
        v = next((x for x in verdicts if x.member == owner), None)
        if v is not None:
            what = "the candidate for prime minister" if t.about_pm else "a partner"
            v.reasons.append(Reason("refusal", False, f"{judge.name(t.source_actor)} refuses "
                                    f"{judge.name(t.target_actor)}, {what}: {t.description}",
                                    t.sources, final=True))
    return DealEvaluation(picture.on, pm, pm_member, verdicts, ev.seats, ev.low, need,
                          th.id if th else "", total_weight, neg.tolerance, full, problems)


def _judge_member(judge: Judge, v: MemberVerdict, members: list[str], terms: Terms,
                  pm: str | None) -> None:
    neg, on = judge.neg, judge.on
    seen: set[tuple[str, str]] = set()  # one demand of a side counts once (KDP and PUK alike)
    for actor in judge.side(v.member):
        for d in neg.demands_of(actor, on):
            if d.target in seen:
                continue
            seen.add(d.target)
            v.demands += 1
            kind, target = d.target
            if kind == "partner":
                ok = judge.owner(target, members) is not None
                text = (f"{judge.name(actor)} {'has' if ok else 'does not have'} "
                        f"{judge.name(target)} in the coalition")
            elif kind == "post":
                holder = terms.holder(target)
                ok = holder == v.member
                got = "gets" if ok else ("does not get" if holder is None else
                                         f"sees {judge.name(holder)} get")
                text = f"{judge.name(actor)} {got} {judge.name(target)}"
            else:
                ok = (target, v.member) in terms.promises
                text = (f"{judge.name(actor)} {'is' if ok else 'is not'} promised "
                        f"{judge.name(target)}")
            if d.note:
                text += f" ({d.note})"
            v.points += ok
            taken = kind == "post" and not ok and terms.holder(target) is not None
            v.reasons.append(Reason("demand" if d.must else "wish", ok, text, d.sources,
                                    final=taken and d.must))
        for r in neg.red_lines_of(actor, on):
            why = judge.crossed(r, v.member, members, terms, pm)
            if why is not None:
                v.reasons.append(Reason("red line", False, why + (f": {r.note}" if r.note
                                                                  else ""), r.sources,
                                        final=True))


# -- bargaining steps with clear answers -------------------------------------------------------

def find_post(neg: Negotiation, text: str, on: date | None) -> str:
    return _find(neg.posts, text, "post", on)


def find_policy(neg: Negotiation, text: str) -> str:
    return _find(neg.policies, text, "policy", None)


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").replace("_", " ").split())


def _find(table: dict, text: str, what: str, on: date | None) -> str:
    key = _fold(text.strip().strip("\"'"))
    if key.startswith("the "):
        key = key[4:]
    found = [i for i, x in table.items()
             if key in (_fold(i), _fold(x.name), *(_fold(a) for a in x.aliases))]
    if not found:
        found = [i for i, x in table.items()
                 if key and any(_fold(s).startswith(key) or f" {key}" in f" {_fold(s)}"
                                for s in (x.name, *x.aliases))]
    if len(found) == 1:
        item = table[found[0]]
        if on is not None and hasattr(item, "exists_on") and not item.exists_on(on):
            since = f" until {item.since:%-d %B %Y}" if item.since and on < item.since else ""
            name = item.name[:1].upper() + item.name[1:]
            raise DealError(f"{name} does not exist on {on:%-d %B %Y}{since}.")
        return found[0]
    names = sorted(table[i].name[:1].upper() + table[i].name[1:] for i in (found or table)
                   if on is None or not hasattr(table[i], "exists_on") or table[i].exists_on(on))
    if found:
        raise DealError(f"Which {what} do you mean: {', '.join(names)}?")
    raise DealError(f"There is no {what} called “{text}”. The {what}s are: {', '.join(names)}.")


def resolve_member(atlas: Atlas, picture: Picture, coalition: Coalition, actor: str) -> str:
    """The coalition member an actor belongs to (a person stands for a list), or DealError."""
    ev = evaluate(atlas, picture, coalition, completions=False)
    try:
        mid = member_id(atlas, picture, actor)
    except (KeyError, ValueError):
        mid = actor
    cover = cover_of(atlas, picture)
    for m in ev.members:
        if mid == m or mid in cover.cover(m) or actor in cover.circle(m):
            return m
    names = ", ".join(ev.names[m] for m in ev.members) or "nobody yet"
    who = atlas.pack.actors[actor].name if actor in atlas.pack.actors else actor
    raise DealError(f"{who} is not in the coalition; posts and promises go to its members "
                    f"({names}).")

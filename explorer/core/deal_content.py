"""Reading the negotiation files of a pack: posts.toml, demands.toml and deal.toml.

All three are optional; demands.toml and deal.toml need posts.toml. Every problem is reported
as `path:line: message` (unknown post, policy or actor; overlapping dates; weights that are not
positive numbers ...), like the rest of the pack.
"""

from __future__ import annotations

import difflib
import math
from pathlib import Path

from explorer.core.deal_model import (
    ActualDeal,
    Allocation,
    Demand,
    Negotiation,
    Policy,
    Post,
    Promise,
    RedLine,
)
from explorer.core.fields import Table, item_what, tables, unknown_tables
from explorer.core.model import Origin, Pack
from explorer.core.problems import Problem
from explorer.core.tomlfile import TomlFile, read_toml

POST_KEYS = {"id", "name", "weight", "kind", "description", "sources", "aliases", "since",
             "until"}
POLICY_KEYS = {"id", "name", "description", "sources", "aliases"}
DEMAND_KEYS = {"actor", "post", "policy", "partner", "must", "since", "until", "note", "sources"}
RED_LINE_KEYS = {"actor", "post", "holder", "policy", "partner", "pm_from", "own_pm", "since",
                 "until", "note", "sources"}
NEGOTIATION_KEYS = {"tolerance", "pm_post", "sources"}
DEAL_KEYS = {"title", "date", "pm", "members", "summary", "sources"}
ALLOCATION_KEYS = {"post", "holder", "person", "date", "note", "sources"}
PROMISE_KEYS = {"policy", "to", "date", "note", "sources"}


def load_negotiation(root: Path, pack: Pack, problems: list[Problem],
                     files: dict[Path, TomlFile] | None = None) -> Negotiation | None:
    """The pack's negotiation model, or None when the pack has no posts.toml."""
    posts_path = root / "posts.toml"
    others = [p for p in (root / "demands.toml", root / "deal.toml") if p.exists()]
    if not posts_path.exists():
        for path in others:
            problems.append(Problem(path, 1, f"{path.name} needs a posts.toml beside it",
                                    "posts.toml lists the posts and policies it names"))
        _check_deal_goals(pack, False, problems)
        return None
    reader = _Reader(pack, problems, files)
    neg = reader.posts(posts_path)
    if neg is None:
        return None
    if (root / "demands.toml").exists():
        reader.demands(root / "demands.toml", neg)
    if (root / "deal.toml").exists():
        reader.deal(root / "deal.toml", neg)
    _check_deal_goals(pack, True, problems)
    return neg


def _check_deal_goals(pack: Pack, has_posts: bool, problems: list[Problem]) -> None:
    """A challenge whose goal is a deal needs posts to bargain over, and names real actors."""
    for ch in pack.challenges.values():
        goal = ch.goal
        if goal.deal and not has_posts:
            problems.append(Problem(ch.origin.path, ch.origin.line, f"challenge {ch.id!r} asks "
                                    "for a deal, but the pack has no posts.toml"))
        if goal.demands_of and goal.demands_of not in pack.actors:
            problems.append(Problem(ch.origin.path, ch.origin.line, f"challenge {ch.id!r}: "
                                    f"unknown actor {goal.demands_of!r} in demands_of"))
        if goal.demands_met and not goal.demands_of:
            problems.append(Problem(ch.origin.path, ch.origin.line, f"challenge {ch.id!r}: "
                                    "demands_met needs demands_of (whose demands count)"))


class _Reader:
    def __init__(self, pack: Pack, problems: list[Problem], files):
        self.pack = pack
        self.problems = problems
        self.files = files
        self.broken: set[str] = set()  # ids of posts and policies already reported as broken

    def _read(self, path: Path) -> TomlFile | None:
        file = read_toml(path, self.problems)
        if file is not None and self.files is not None:
            self.files[path] = file
        return file

    # -- references ------------------------------------------------------------------------
    def _ref(self, t: Table, key: str, known, what: str, required: bool = False) -> str | None:
        value = t.ident(key, required=required)
        if value is None or value in known:
            return value
        if value in self.broken:
            return None
        close = difflib.get_close_matches(value, sorted(known), n=3)
        hint = ("did you mean " + " or ".join(repr(c) for c in close) + "?") if close else (
            f"known {what}s: {', '.join(sorted(known)[:12])}" if known else None)
        t.problem(f"unknown {what} {value!r} in {t.what}", key, hint)
        return None

    def _actor(self, t: Table, key: str, required: bool = True) -> str | None:
        return self._ref(t, key, self.pack.actors, "actor", required)

    def _weight(self, t: Table) -> float | None:
        value = t.data.get("weight")
        if value is None:
            t.problem(f"{t.what} is missing the required field 'weight'")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or \
                not math.isfinite(value) or value <= 0:
            t.problem(f"'weight' must be a positive number, not {value!r}", "weight")
            return None
        return float(value)

    # -- posts.toml ------------------------------------------------------------------------
    def posts(self, path: Path) -> Negotiation | None:
        file = self._read(path)
        if file is None:
            return None
        unknown_tables(file, ("negotiation", "post", "policy"), self.problems)
        neg = Negotiation()
        head = file.data.get("negotiation", {})
        t = Table(file, head, file.table_line("negotiation") if "negotiation" in file.data
                  else 1, "[negotiation]", self.problems)
        if t.valid:
            t.check_keys(NEGOTIATION_KEYS)
            tol = t.data.get("tolerance", 0.5)
            if isinstance(tol, bool) or not isinstance(tol, int | float) or \
                    not 0 <= tol <= 1:
                t.problem(f"'tolerance' must be a number from 0 to 1, not {tol!r}", "tolerance")
            else:
                neg.tolerance = float(tol)
            neg.sources = t.sources(required=False)
        for i, (raw, line) in enumerate(tables(file, "post", self.problems, only=False)):
            p = Table(file, raw, line, item_what("post", i, raw), self.problems)
            if not p.valid:
                continue
            p.check_keys(POST_KEYS)
            pid, name, weight = p.ident("id"), p.text("name"), self._weight(p)
            kind = p.ident("kind", required=False) or "post"
            desc = p.text("description", required=False) or ""
            sources, aliases = p.sources(required=True), p.strings("aliases")
            since, until = p.day("since"), p.day("until")
            if None in (pid, name, weight):
                if pid:
                    self.broken.add(pid)
                continue
            if pid in neg.posts:
                p.problem(f"duplicate post id {pid!r}", "id")
                continue
            neg.posts[pid] = Post(pid, name, weight, kind, desc, sources, Origin(path, line),
                                  aliases, since, until)
        for i, (raw, line) in enumerate(tables(file, "policy", self.problems, only=False)):
            p = Table(file, raw, line, item_what("policy", i, raw), self.problems)
            if not p.valid:
                continue
            p.check_keys(POLICY_KEYS)
            pid, name = p.ident("id"), p.text("name")
            desc = p.text("description", required=False) or ""
            sources, aliases = p.sources(required=True), p.strings("aliases")
            if None in (pid, name):
                if pid:
                    self.broken.add(pid)
                continue
            if pid in neg.policies or pid in neg.posts:
                p.problem(f"duplicate id {pid!r} (posts and policies share one set of ids)", "id")
                continue
            neg.policies[pid] = Policy(pid, name, desc, sources, Origin(path, line), aliases)
        if not neg.posts:
            self.problems.append(Problem(path, 1, "posts.toml has no [[post]] tables"))
        if t.valid:
            neg.pm_post = self._ref(t, "pm_post", neg.posts, "post")
        return neg

    # -- demands.toml ----------------------------------------------------------------------
    def demands(self, path: Path, neg: Negotiation) -> None:
        file = self._read(path)
        if file is None:
            return
        unknown_tables(file, ("demand", "red_line"), self.problems)
        seen: dict[tuple, list[tuple]] = {}
        for i, (raw, line) in enumerate(tables(file, "demand", self.problems, only=False)):
            t = Table(file, raw, line, f"demand #{i + 1}", self.problems)
            if not t.valid:
                continue
            t.check_keys(DEMAND_KEYS)
            actor = self._actor(t, "actor")
            post = self._ref(t, "post", neg.posts, "post")
            policy = self._ref(t, "policy", neg.policies, "policy")
            partner = self._actor(t, "partner", required=False)
            if sum(k in t.data for k in ("post", "policy", "partner")) != 1:
                t.problem(f"{t.what} names one post, policy or partner (exactly one)")
                continue
            since, until = self._dates(t)
            d = Demand(actor or "", t.text("note", required=False) or "",
                       t.sources(required=True), Origin(path, line), post, policy, partner,
                       t.boolean("must", True), since, until)
            if actor and (post or policy or partner) and self._no_overlap(t, seen, ("demand", actor,
                                                                        d.target), since, until):
                neg.demands.append(d)
        for i, (raw, line) in enumerate(tables(file, "red_line", self.problems, only=False)):
            t = Table(file, raw, line, f"red line #{i + 1}", self.problems)
            if not t.valid:
                continue
            t.check_keys(RED_LINE_KEYS)
            actor = self._actor(t, "actor")
            kinds = [k for k in ("policy", "post", "partner", "pm_from") if k in t.data]
            if len(kinds) != 1:
                t.problem(f"{t.what} names one of a policy, a post, a partner or pm_from",
                          hint=f"it names {', '.join(kinds) or 'none'}")
                continue
            policy = self._ref(t, "policy", neg.policies, "policy")
            post = self._ref(t, "post", neg.posts, "post")
            holder = self._actor(t, "holder", required=False)
            partner = self._actor(t, "partner", required=False)
            pm_from = t.strings("pm_from")
            bad = [a for a in pm_from if a not in self.pack.actors]
            if bad:
                t.problem(f"unknown actor {bad[0]!r} in {t.what}", "pm_from")
                continue
            if "holder" in t.data and "post" not in t.data:
                t.problem("'holder' only goes with a 'post'", "holder")
            if "own_pm" in t.data and "policy" not in t.data:
                t.problem("'own_pm' only goes with a 'policy'", "own_pm")
            since, until = self._dates(t)
            r = RedLine(actor or "", t.text("note", required=False) or "",
                        t.sources(required=True), Origin(path, line), policy, post, holder,
                        partner, pm_from, t.boolean("own_pm", False), since, until)
            if actor and (policy or post or partner or pm_from) and self._no_overlap(
                    t, seen, ("red line", actor, r.target), since, until):
                neg.red_lines.append(r)

    def _dates(self, t: Table):
        since, until = t.day("since"), t.day("until")
        if since and until and until <= since:
            t.problem(f"'until' {until} is not after 'since' {since}", "until")
            return since, None
        return since, until

    @staticmethod
    def _no_overlap(t: Table, seen: dict, key: tuple, since, until) -> bool:
        """The same actor's same demand (or red line) twice over overlapping dates is an error."""
        for line, (s2, u2) in seen.get(key, []):
            if (until is None or s2 is None or s2 < until) and (
                    u2 is None or since is None or since < u2):
                what = f"{key[0]} of {key[1]!r} on {key[2][0]} {key[2][1].rstrip('>')!r}"
                t.problem(f"this {what} overlaps the one at line {line} in its dates",
                          hint="give each its own since/until, one after the other")
                return False
        seen.setdefault(key, []).append((t.line, (since, until)))
        return True

    # -- deal.toml -------------------------------------------------------------------------
    def deal(self, path: Path, neg: Negotiation) -> None:
        file = self._read(path)
        if file is None:
            return
        unknown_tables(file, ("deal", "allocation", "promise"), self.problems)
        head = file.data.get("deal")
        t = Table(file, head if head is not None else {}, file.table_line("deal"), "[deal]",
                  self.problems)
        if head is None:
            t.problem("deal.toml has no [deal] table")
            return
        if not t.valid:
            return
        t.check_keys(DEAL_KEYS)
        title, when = t.text("title"), t.day("date", required=True)
        pm = self._actor(t, "pm", required=False)
        members = t.strings("members")
        for m in members:
            if m not in self.pack.actors:
                t.problem(f"unknown actor {m!r} in the deal's members", "members")
        actual = ActualDeal(title or "", when, pm, tuple(m for m in members
                                                         if m in self.pack.actors),
                            t.text("summary", required=False) or "", t.sources(required=True),
                            Origin(path, t.line))
        allocations, promises, given = [], [], {}
        for i, (raw, line) in enumerate(tables(file, "allocation", self.problems, only=False)):
            a = Table(file, raw, line, f"allocation #{i + 1}", self.problems)
            if not a.valid:
                continue
            a.check_keys(ALLOCATION_KEYS)
            post = self._ref(a, "post", neg.posts, "post", required=True)
            holder = self._actor(a, "holder")
            person, day = a.text("person", required=False) or "", a.day("date", required=True)
            note, sources = a.text("note", required=False) or "", a.sources(required=True)
            if None in (post, holder, day):
                continue
            if post in given:
                a.problem(f"post {post!r} is given twice (first at line {given[post]})", "post")
                continue
            given[post] = line
            allocations.append(Allocation(post, holder, person, day, sources,
                                          Origin(path, line), note))
        for i, (raw, line) in enumerate(tables(file, "promise", self.problems, only=False)):
            p = Table(file, raw, line, f"promise #{i + 1}", self.problems)
            if not p.valid:
                continue
            p.check_keys(PROMISE_KEYS)
            policy = self._ref(p, "policy", neg.policies, "policy", required=True)
            to, day = self._actor(p, "to"), p.day("date", required=True)
            note, sources = p.text("note", required=False) or "", p.sources(required=True)
            if None in (policy, to, day):
                continue
            promises.append(Promise(policy, to, day, note, sources, Origin(path, line)))
        if title and when:
            actual.allocations, actual.promises = tuple(allocations), tuple(promises)
            neg.actual = actual

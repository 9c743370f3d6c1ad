"""Why a unit has the power it has: swings, pivotal coalitions, power against seats, reasons.

`explain` answers for one unit of the seat picture on a date: its Banzhaf and Shapley–Shubik
shares (in all coalitions and, with a PM candidate or on request, in the feasible ones only),
its swing count, a few of the smallest coalitions in which it is pivotal, and, wherever its
feasible figure is zero or differs from the plain one, the reasons in words with the sources of
the relations that cause them (from explorer.core.feasibility). The CLI (`power --explain`),
the TUI's why panel, the Markdown report and the lessons all use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from explorer.core.feasibility import Reason, game_constraints, refusal_reason
from explorer.core.game import minimal_winning, power
from explorer.core.graph import Atlas
from explorer.core.seats import Picture

EXAMPLES = 3


@dataclass(frozen=True)
class Figures:
    banzhaf: Fraction
    shapley_shubik: Fraction
    swings: int
    total_swings: int


@dataclass
class Explanation:
    unit: str
    name: str
    seats: int
    total: int
    threshold: str
    quota: int
    pm: str | None
    feasible_only: bool
    plain: Figures
    feasible: Figures | None  # None when no feasible game was asked for
    examples: list[list[str]]  # the smallest coalitions in which the unit is pivotal (ids)
    names: dict[str, str]
    reasons: list[Reason] = field(default_factory=list)
    pm_name: str | None = None

    @property
    def shown(self) -> Figures:
        """The figures of the game asked for (feasible-only when asked)."""
        return self.feasible if self.feasible_only and self.feasible else self.plain

    @property
    def seat_share(self) -> Fraction:
        return Fraction(self.seats, self.total) if self.total else Fraction(0)

    @property
    def summary(self) -> str:
        f = self.shown
        game = "feasible coalitions only" if self.feasible_only else "all coalitions"
        share = (f"{pct(f.banzhaf)} of the swings (Banzhaf) and {pct(f.shapley_shubik)} of the "
                 "pivotal orders (Shapley–Shubik)")
        return (f"{self.name} holds {self.seats} of {self.total} seats ({pct(self.seat_share)}) "
                f"and {share}: {f.swings} of the {f.total_swings} swings are its own "
                f"({game}, quota {self.quota}).")

    def as_json(self) -> dict:
        def figures(f: Figures | None) -> dict | None:
            if f is None:
                return None
            return {"banzhaf": float(f.banzhaf), "shapley_shubik": float(f.shapley_shubik),
                    "banzhaf_exact": str(f.banzhaf),
                    "shapley_shubik_exact": str(f.shapley_shubik),
                    "swings": f.swings, "total_swings": f.total_swings}

        shown = self.shown
        return {
            "unit": self.unit, "name": self.name, "seats": self.seats, "total": self.total,
            "seat_share": float(self.seat_share), "threshold": self.threshold,
            "quota": self.quota, "pm": self.pm, "pm_name": self.pm_name,
            "feasible_only": self.feasible_only,
            "banzhaf": float(shown.banzhaf), "shapley_shubik": float(shown.shapley_shubik),
            "banzhaf_exact": str(shown.banzhaf),
            "shapley_shubik_exact": str(shown.shapley_shubik),
            "swings": shown.swings, "plain": figures(self.plain),
            "feasible": figures(self.feasible), "examples": self.examples,
            "example_names": [[self.names[u] for u in c] for c in self.examples],
            "summary": self.summary, "reasons": [r.as_json() for r in self.reasons],
        }


def pct(value: Fraction) -> str:
    return f"{float(value) * 100:.1f}%"


def _figures(result, i: int) -> Figures:
    return Figures(Fraction(result.banzhaf[i]), Fraction(result.shapley_shubik[i]),
                   result.swings[i], sum(result.swings))


def explain(atlas: Atlas, picture: Picture, unit_id: str, threshold: str | None = None,
            pm: str | None = None, feasible: bool = False) -> Explanation:
    """Explain one unit's power (KeyError for a unit not on the table or unknown threshold)."""
    ids = list(picture.ids)
    if unit_id not in ids:
        raise KeyError(unit_id)
    th = atlas.pack.threshold(threshold)
    if th is None:
        raise KeyError(threshold)
    i = ids.index(unit_id)
    unit = picture.units[i]
    plain = _figures(power(atlas, picture, th.id), i)
    with_feasible = feasible or pm is not None
    fig = _figures(power(atlas, picture, th.id, pm=pm, feasible=True), i) if with_feasible \
        else None
    names = {u.id: u.name for u in picture.units}
    found = minimal_winning(atlas, picture, th.id, pm=pm, feasible=feasible)
    mine = sorted((c for c in found if any(u.id == unit_id for u in c)),
                  key=lambda c: (len(c), sum(u.primary for u in c), [u.id for u in c]))
    examples = [[u.id for u in c] for c in mine[:EXAMPLES]]
    result = Explanation(unit_id, unit.name, unit.primary, picture.total, th.id, th.seats, pm,
                         feasible, plain, fig, examples, names)
    if pm:
        result.pm_name = atlas.pack.actors[pm].name if pm in atlas.pack.actors else pm
    result.reasons = _reasons(atlas, picture, result, i)
    return result


def _reasons(atlas: Atlas, picture: Picture, ex: Explanation, i: int) -> list[Reason]:
    out: list[Reason] = []
    shown = ex.shown
    rules = game_constraints(atlas, picture, ex.pm) if ex.feasible is not None else None
    blocked = rules is not None and i in rules.blocked
    if not ex.examples and shown.total_swings and not (ex.feasible_only and blocked):
        game = "feasible " if ex.feasible_only else ""
        out.append(Reason(f"{ex.name} is pivotal in no {game}winning coalition: no coalition "
                          f"reaching {ex.quota} needs its {ex.seats} seats.", (), "note"))
    if rules is None:
        return out
    differs = ex.feasible.banzhaf != ex.plain.banzhaf or ex.feasible.shapley_shubik != \
        ex.plain.shapley_shubik
    if not differs and ex.feasible.banzhaf:
        return out
    units = picture.units
    pm_name = atlas.pack.actors[ex.pm].name if ex.pm in atlas.pack.actors else ex.pm
    if ex.feasible.total_swings == 0:
        out.append(Reason(f"No feasible coalition reaches {ex.quota}"
                          + (f" under {pm_name}" if ex.pm else "") + ", so every "
                          "feasible-only figure is zero.", (), "note"))
    is_home = i in rules.required
    if blocked:
        for t in rules.block_tensions[i]:
            r = refusal_reason(atlas, t)
            own = f", {pm_name}'s own list," if is_home else ""
            hint = " Split it to see its parts." if not t.about_pm or is_home else ""
            out.append(Reason(f"{ex.name}{own} can sit in no feasible coalition: {r.text}."
                              + hint, r.sources, "blocked"))
    if rules.pm_home is not None:
        home = list(rules.required)
        if is_home and blocked:
            pass  # said above
        elif is_home:
            verb = "is" if ex.unit == rules.pm_home else "holds"
            out.append(Reason(f"{ex.name} {verb} {pm_name}'s own list, so every feasible "
                              "coalition under that candidate must contain it: it is a veto "
                              "player.", (), "pm_home"))
        elif not home:
            out.append(Reason(f"{pm_name}'s own list is not on the table on this date, so no "
                              "coalition under that candidate is feasible.", (), "pm_home"))
        elif all(j in rules.blocked for j in home) and not blocked:
            for j in home:
                for t in rules.block_tensions[j]:
                    r = refusal_reason(atlas, t)
                    out.append(Reason(
                        f"{pm_name}'s own unit, {units[j].name}, can sit in no feasible "
                        f"coalition: {r.text}. Split it to see its parts.", r.sources,
                        "pm_home"))
        elif not blocked:
            out.append(Reason(f"Every feasible coalition must hold {units[home[0]].name}, "
                              f"{pm_name}'s own list.", (), "pm_home"))
    for (a, b), tensions in sorted(rules.pair_tensions.items()):
        if i not in (a, b):
            continue
        other = units[b if a == i else a].name
        for t in tensions:
            r = refusal_reason(atlas, t)
            out.append(Reason(f"{ex.name} cannot sit with {other}: {r.text}.", r.sources,
                              "refusal"))
    if differs and not shown.banzhaf and ex.feasible_only and not out:
        out.append(Reason("The refusals between the other units leave it no swing.", (),
                          "note"))
    return out

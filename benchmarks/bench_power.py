"""Exact power indices (explorer.core.power) against the PyPI package powerindex.

    python benchmarks/bench_power.py          # prints the figures as JSON

Both are timed in the same run on the same seeded random games (weights 1..100, quota half
the total plus one), best of ``repeats``; ``run()`` returns the figures as a dict.  Ours
computes exact Banzhaf and Shapley-Shubik (Fractions); powerindex's ``Game.calc()``
computes float Banzhaf, Shapley-Shubik and contested garment.
"""

from __future__ import annotations

import json
import random
import sys
import time
from fractions import Fraction
from pathlib import Path

try:
    from explorer.core.power import power_indices
except ImportError:  # not installed: use the repository checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from explorer.core.power import power_indices


def _game(n: int, seed: int) -> tuple[list[int], int]:
    rng = random.Random(seed)
    weights = [rng.randint(1, 100) for _ in range(n)]
    return weights, sum(weights) // 2 + 1


def _best(fn, repeats: int):
    """(best wall time of ``repeats`` calls, the last result)."""
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def _powerindex_calc(weights: list[int], quota: int):
    import powerindex as px

    game = px.Game(quota, weights=weights)
    game.calc()
    return game


def _compare(n: int, repeats: int, seed: int = 2010) -> tuple[float, float]:
    """(our seconds, powerindex seconds) on one seeded game, checked to agree."""
    weights, quota = _game(n, seed)
    ours, res = _best(lambda: power_indices(weights, quota), repeats)
    theirs, game = _best(lambda: _powerindex_calc(weights, quota), repeats)
    pairs = zip(res.shapley_shubik, game.shapley_shubik, strict=True)
    worst = max(abs(float(a) - b) for a, b in pairs)
    if worst > 1e-9:
        raise AssertionError(f"n={n}: Shapley-Shubik differs from powerindex by {worst}")
    return ours, theirs


def run(repeats: int = 3) -> dict:
    out: dict = {}
    for n, reps in ((13, max(repeats, 20)), (60, repeats), (120, repeats)):
        ours, theirs = _compare(n, reps)
        out[f"power_speedup_n{n}"] = round(theirs / ours, 1)
        if n == 120:
            out["power_ours_n120_ms"] = round(ours * 1000, 1)
            out["power_powerindex_n120_s"] = round(theirs, 2)
    res = power_indices([1] * 325, 163)
    out["power_exact_n325"] = bool(
        all(isinstance(x, Fraction) and x == Fraction(1, 325) for x in res.shapley_shubik)
        and all(x == Fraction(1, 325) for x in res.banzhaf)
        and sum(res.shapley_shubik) == 1
        and sum(res.banzhaf) == 1
    )
    try:
        game = _powerindex_calc([1] * 325, 163)
        out["power_powerindex_n325"] = float(game.shapley_shubik[0])
    except Exception as exc:  # powerindex overflows float(factorial(325))
        out["power_powerindex_n325"] = f"{type(exc).__name__}: {exc}"
    return out


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))

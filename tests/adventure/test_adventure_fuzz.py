"""Property tests: the parser never raises, and the coalition engine adds up."""

from __future__ import annotations

import itertools
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.adventure import Engine
from explorer.adventure.parser import clean

MARKUP = ["[bold]", "[/]", "[link=file:///etc/passwd]x[/link]", "[@click=app.quit]", "[/bold]",
          "[red on blue]", "\x1b[31m", "\x00", "\r\n", "\u202e", "\ud7ff", "]]][[[", "\\[", "%s{}"]
VERBS = ["look", "l", "x", "examine", "go", "go to", "follow", "talk to", "ask", "about",
         "invite", "recruit", "dismiss", "pm", "propose pm", "i", "coalition", "power", "path",
         "why", "sources", "undo", "again", "g", "oops", "history", "hint", "date", "help",
         "who", "where is", "challenge", "challenges", "save", "restore", "transcript", "1", "2"]
NAMES = ["sadr", "maliki", "allawi", "hakim", "Ammar", "INA", "iraqiya", "kurdistan alliance",
         "barzani", "talabani", "gorran", "tehran", "qom", "erbil", "mal", "malikki", "him",
         "2010-10-01", "allawi-163", "none", "feasible"]

words = st.one_of(
    st.sampled_from(VERBS), st.sampled_from(NAMES), st.sampled_from(MARKUP),
    st.text(max_size=12),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=8),
)
sentences = st.lists(words, min_size=0, max_size=8).map(" ".join)
lines = st.one_of(
    sentences, sentences, sentences,
    st.text(max_size=80),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x3000), max_size=40),
    st.sampled_from(MARKUP).map(lambda m: f"x {m}maliki{m}"),
    st.integers(450, 10_000).map(lambda n: "look " + "x" * n),
    st.just("\x00\x01\x02\x1b[2J\x7f"),
)
SCRIPTS = st.lists(lines, min_size=50, max_size=50)


@settings(max_examples=200, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(script=SCRIPTS, challenge=st.sampled_from([None, "allawi-163", "allawi-narrow-road"]))
def test_the_engine_never_raises(bundled_atlas, script, challenge):
    game = Engine(bundled_atlas, challenge=challenge)
    for line in script:  # 200 examples x 50 lines = 10,000 lines
        reply = game.handle(line)
        assert isinstance(reply, str) and reply
        assert "Something went wrong" not in reply, (line, reply)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.text(max_size=600))
def test_clean_leaves_one_printable_line(text):
    out = clean(text)
    assert "\n" not in out and "\x1b" not in out and "\x00" not in out
    assert out == out.strip()


def _units_and_more(atlas, on):
    from explorer.core.seats import default_picture

    picture = default_picture(atlas.pack, on)
    holders = [a.id for a in atlas.pack.actors.values() if a.holds_seats and a.exists_on(on)]
    return picture, list(dict.fromkeys([*picture.ids, *holders]))


DATES = st.sampled_from(["2010-03-26", "2010-06-15", "2010-10-02", "2010-12-21"])


@settings(max_examples=120, deadline=None, derandomize=True)
@given(day=DATES, data=st.data())
def test_seats_are_the_sum_of_the_members(bundled_atlas, day, data):
    from datetime import date

    from explorer.core.coalition import Coalition, evaluate, seat_range
    from explorer.core.tensions import Cover

    on = date.fromisoformat(day)
    picture, items = _units_and_more(bundled_atlas, on)
    members = data.draw(st.lists(st.sampled_from(items), max_size=6, unique=True))
    people = [a.id for a in bundled_atlas.pack.actors.values()
              if a.kind == "person" and a.exists_on(on)]
    pm = data.draw(st.one_of(st.none(), st.sampled_from(people)))
    ev = evaluate(bundled_atlas, picture, Coalition(tuple(members), pm), completions=False)
    cover = Cover(bundled_atlas, picture)
    for a, b in itertools.permutations(ev.members, 2):
        assert a not in cover.cover(b)  # no seat counted twice
    assert ev.low == sum(seat_range(bundled_atlas, picture, m)[0] for m in ev.members)
    assert ev.high == sum(seat_range(bundled_atlas, picture, m)[1] for m in ev.members)
    assert ev.seats == sum(seat_range(bundled_atlas, picture, m)[2] for m in ev.members)
    assert ev.low <= ev.seats <= ev.high <= bundled_atlas.pack.parliament_size
    assert ev.feasible == (not any(t.hard for t in ev.tensions))
    if set(members) <= set(picture.ids) and len(set(members)) == len(members):
        assert ev.seats == sum(picture.unit(m).primary for m in members)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(day=DATES, feasible=st.booleans(), pm=st.sampled_from([None, "maliki", "allawi"]),
       threshold=st.sampled_from(["majority", "two_thirds"]))
def test_power_indices_sum_to_one(bundled_atlas, day, feasible, pm, threshold):
    from datetime import date

    from explorer.core.game import power
    from explorer.core.seats import default_picture

    picture = default_picture(bundled_atlas.pack, date.fromisoformat(day))
    result = power(bundled_atlas, picture, threshold, pm=pm, feasible=feasible)
    assert len(result.banzhaf) == len(picture.units)
    for index in (result.banzhaf, result.shapley_shubik):
        assert all(x >= 0 for x in index)
        assert sum(index) in (Fraction(1), Fraction(0))
    if not feasible:
        assert sum(result.banzhaf) == 1
        return
    assert result.feasible_only
    if sum(result.banzhaf) == 0:  # only when no feasible coalition reaches the quota at all
        from itertools import combinations

        pairs = {frozenset(p) for p in result_conflicts(bundled_atlas, picture, pm)}
        n = len(result.weights)
        for size in range(1, n + 1):
            for combo in combinations(range(n), size):
                if any(frozenset(p) in pairs for p in combinations(combo, 2)):
                    continue
                assert sum(result.weights[i] for i in combo) < result.quota


def result_conflicts(atlas, picture, pm):
    from explorer.core.game import unit_conflicts

    return unit_conflicts(atlas, picture, pm)


def test_engine_power_matches_the_core(bundled_atlas):
    game = Engine(bundled_atlas)
    text = game.handle("power")
    rows = [r for r in text.splitlines() if r.rstrip().endswith("%")]
    assert len(rows) == len(game.state.picture.units)
    total = sum(float(r.split()[-2].rstrip("%")) for r in rows)
    assert abs(total - 100) < 0.6  # rounded shares add up


@settings(max_examples=150, deadline=None, derandomize=True)
@given(weights=st.lists(st.integers(0, 60), min_size=0, max_size=11),
       edges=st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10)), max_size=25),
       base=st.integers(0, 100), need=st.integers(1, 250))
def test_the_dead_end_search_agrees_with_brute_force(weights, edges, base, need):
    from explorer.adventure.goals import _search

    n = len(weights)
    clash = [0] * n
    for a, b in edges:
        if a < n and b < n and a != b:
            clash[a] |= 1 << b
            clash[b] |= 1 << a
    brute = base
    for mask in range(1 << n):
        if all(not (mask >> i & 1) or not (clash[i] & mask) for i in range(n)):
            brute = max(brute, base + sum(w for i, w in enumerate(weights) if mask >> i & 1))
    got = _search(weights, clash, 0, 0, base, need, -1, [10**6])
    assert (got >= need) == (brute >= need)
    if brute < need:
        assert got == brute

"""The type-to-filter search: tiers, aliases, limits, and speed on 10,000 actors."""

from __future__ import annotations

from tui_helpers import big_atlas

from explorer.tui.actor_list import MAX_MATCHES
from explorer.tui.app import make_app
from explorer.tui.search import ActorSearch


def ids(search: ActorSearch, query: str, limit=None) -> list[str]:
    return [m.actor_id for m in search.rank(query, limit)]


def test_tiers_on_the_bundled_pack(bundled_atlas):
    search = ActorSearch(bundled_atlas.pack.actors.values())
    assert ids(search, "mal")[0] == "maliki"
    assert ids(search, "Mooky") == ["sadr"]
    assert ids(search, "maliki")[0] == "maliki"  # exact alias
    assert ids(search, "MALIKI")[0] == "maliki"
    assert "allawi" in ids(search, "ayad all")  # words of the query, in order
    assert "maliki" in ids(search, "nouri mal")
    assert "maliki" in ids(search, "nrmlk")  # letters in order
    assert ids(search, "") == []
    assert ids(search, "qqqqzzz") == []
    sadr = search.rank("mooky")[0]
    assert sadr.spelling == "Mooky" and not sadr.is_name and sadr.tier == 0


def test_accents_and_quotes_are_ignored(mini_atlas):
    search = ActorSearch(mini_atlas.pack.actors.values())
    assert ids(search, "RÉD")[0] in ("reds",)
    assert ids(search, "\"blues\"")[0] == "blues"


def test_every_actor_once_and_limit(mini_atlas):
    search = ActorSearch(mini_atlas.pack.actors.values())
    found = ids(search, "e")
    assert len(found) == len(set(found))
    assert len(ids(search, "e", limit=2)) == 2


def test_shorter_spelling_ranks_first():
    from explorer.core.model import Actor, Origin

    origin = Origin("x.toml", 1)
    actors = [Actor("long", "Malikiyya Council", "group", "d", ("s",), origin),
              Actor("short", "Nouri al-Maliki", "person", "d", ("s",), origin,
                    aliases=("Maliki",)),
              Actor("inner", "Kamal Ali", "person", "d", ("s",), origin)]
    search = ActorSearch(actors)
    assert ids(search, "mal") == ["short", "long", "inner"]
    assert [m.tier for m in search.rank("mal")] == [1, 1, 3]


def test_searching_10000_actors_caps_every_keystroke():
    """Each keystroke's search is capped as the list caps it (its speed: benchmarks/bench_scale)."""
    atlas = big_atlas(10_000)
    search = ActorSearch(atlas.pack.actors.values())
    assert len(search) == len(atlas.pack.actors)
    for word in ("maliki", "kalama", "zzq", "ka ri", "x99", "bob", "e", "a"):
        for i in range(1, len(word) + 1):
            assert len(search.rank(word[:i], limit=MAX_MATCHES)) <= MAX_MATCHES


async def test_the_app_filters_10000_actors():
    """The list and filter work at that size (timings: benchmarks/bench_scale.py)."""
    from textual.widgets import Input

    atlas = big_atlas(10_000)
    app = make_app(atlas=atlas)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        actor_list = screen.actor_list
        assert len(actor_list.rows) > 10_000
        await pilot.press("end")
        assert actor_list.current is not None
        field = screen.query_one("#filter", Input)
        for text in ("k", "ka", "kal", "kala", "zz"):
            field.value = text
        await pilot.pause()
        assert len(actor_list.rows) <= MAX_MATCHES + 2

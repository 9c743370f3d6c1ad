"""explorer.core.tensions: who covers whom, circles, and the hostile relations in a coalition."""

from __future__ import annotations

from datetime import date

import pytest
from tests_support import MINI, copy_mini

from explorer.core.graph import Atlas
from explorer.core.loader import load_pack
from explorer.core.seats import default_picture, merge, split
from explorer.core.tensions import cover_of, find_tensions

JAN, APR, JUL = date(2020, 1, 10), date(2020, 4, 1), date(2020, 7, 1)

HARD_REFUSAL = """
[[relation]]
from = "blues"
to = "light_greens"
type = "refuses"
description = "The Blues will not sit with the Light Greens."
sources = ["https://example.org/feud"]
status = "reported"
"""


@pytest.fixture(scope="module")
def feud_atlas(tmp_path_factory) -> Atlas:
    """The mini pack with a hard refusal between the Blues and the Light Greens."""
    pack = copy_mini(tmp_path_factory.mktemp("feud"))
    (pack / "relations" / "feud.toml").write_text(HARD_REFUSAL, encoding="utf-8")
    return Atlas(load_pack(pack))


def cover_on(atlas, on):
    return cover_of(atlas, default_picture(atlas.pack, on))


def test_a_list_covers_itself_its_factions_and_its_remainder(mini_atlas):
    cover = cover_on(mini_atlas, JAN)
    assert {"greens", "light_greens", "greens~rest"} <= cover.cover("greens")
    assert "reds" not in cover.cover("greens")
    assert "greens" not in cover.cover("light_greens")  # a faction does not cover its list


def test_a_bloc_covers_its_member_lists_and_their_factions(mini_atlas):
    cover = cover_on(mini_atlas, APR)
    assert {"blue_green", "blues", "greens", "light_greens"} <= cover.cover("blue_green")
    assert "reds" not in cover.cover("blue_green")


def test_an_ad_hoc_bloc_covers_its_members(mini_atlas):
    pack = mini_atlas.pack
    cover = cover_of(mini_atlas, merge(pack, default_picture(pack, JAN), ["reds", "greens"]))
    assert {"reds", "greens", "light_greens"} <= cover.cover("reds+greens")
    assert cover.constituents("reds+greens") == ["reds", "greens"]


def test_constituents_of_a_bloc_are_its_lists(mini_atlas):
    cover = cover_on(mini_atlas, APR)
    assert cover.constituents("blue_green") == ["blues", "greens"]
    assert cover.constituents("reds") == ["reds"]


def test_the_circle_adds_the_leaders_and_who_stands_for_a_list(mini_atlas):
    cover = cover_on(mini_atlas, JAN)
    assert "ann" in cover.circle("reds") and "bob" not in cover.circle("reds")
    assert "bob" in cover.circle("blues")
    assert cover.cover("reds") < cover.circle("reds")
    assert cover.circle("greens") == cover.cover("greens")  # nobody leads the Greens
    assert "bob" in cover_on(mini_atlas, APR).circle("blue_green")  # through the bloc's lists


def test_normalize_drops_members_inside_another_and_repeats(mini_atlas):
    cover = cover_on(mini_atlas, JAN)
    assert cover.normalize(["light_greens", "reds", "greens", "reds"]) == ["reds", "greens"]
    assert cover.normalize(["light_greens", "blues"]) == ["light_greens", "blues"]


def test_cover_of_is_made_once_per_picture(mini_atlas):
    pack = mini_atlas.pack
    first = cover_of(mini_atlas, default_picture(pack, JAN))
    assert first.picture == default_picture(pack, JAN) and first.on == JAN
    assert cover_of(mini_atlas, default_picture(pack, JAN)) is first  # an equal picture, again
    other = cover_of(mini_atlas, split(pack, default_picture(pack, JAN), "greens"))
    assert other is not first and other.picture.ids != first.picture.ids
    assert cover_of(mini_atlas, default_picture(pack, APR)) is not first


def test_cover_of_keeps_the_last_sixteen_pictures():
    atlas = Atlas(load_pack(MINI))
    days = [date(2020, 1, d) for d in range(1, 18)]
    first = cover_of(atlas, default_picture(atlas.pack, days[0]))
    for day in days[1:16]:
        cover_of(atlas, default_picture(atlas.pack, day))
    assert cover_of(atlas, default_picture(atlas.pack, days[0])) is first  # 16 kept
    cover_of(atlas, default_picture(atlas.pack, days[16]))  # the 17th pushes the oldest out
    recent = cover_of(atlas, default_picture(atlas.pack, days[1]))
    assert cover_of(atlas, default_picture(atlas.pack, days[1])) is recent
    assert cover_of(atlas, default_picture(atlas.pack, days[0])) is not first


def test_a_rivalry_is_a_soft_tension_reported_once(mini_atlas):
    found = find_tensions(cover_on(mini_atlas, JAN), {"reds": ["reds"], "blues": ["blues"]}, None)
    assert len(found) == 1
    t = found[0]
    assert (t.a, t.b, t.type, t.hard, t.about_pm) == ("reds", "blues", "rival_of", False, False)
    assert t.sources == ("https://example.org/rivals",)
    assert t.description == "Old rivals."
    assert (t.source_actor, t.target_actor) == ("reds", "blues")


def test_no_tension_inside_one_group(mini_atlas):
    assert find_tensions(cover_on(mini_atlas, JAN), {"all": ["reds", "blues"]}, None) == []


def test_a_refusal_of_the_pm_is_hard_only_when_that_person_is_the_pm(mini_atlas):
    cover = cover_on(mini_atlas, JAN)
    groups = {"reds": ["reds"], "greens": ["greens"]}
    with_pm = find_tensions(cover, groups, "ann")
    assert [(t.a, t.b, t.hard, t.about_pm) for t in with_pm] == [("greens", "ann", True, True)]
    without = find_tensions(cover, groups, None)  # Ann sits in the Reds' circle
    assert [(t.a, t.b, t.type, t.hard, t.about_pm) for t in without] == [
        ("greens", "reds", "refuses_pm", False, False)]
    other_pm = find_tensions(cover, groups, "bob")
    assert [(t.type, t.hard) for t in other_pm] == [("refuses_pm", False)]


def test_a_tension_ends_with_its_relation(mini_atlas):
    groups = {"reds": ["reds"], "greens": ["greens"]}
    assert find_tensions(cover_on(mini_atlas, JUL), groups, "ann") == []


def test_a_group_of_several_lists_answers_for_their_quarrels_under_its_name(mini_atlas):
    cover = cover_on(mini_atlas, APR)
    found = find_tensions(cover, {"reds": ["reds"], "blue_green": ["blues", "greens"]}, "ann")
    assert {(t.a, t.b, t.type) for t in found} == {
        ("blue_green", "ann", "refuses_pm"), ("reds", "blue_green", "rival_of")}


def test_a_hard_refusal_sorts_first_and_keeps_its_status(feud_atlas):
    cover = cover_on(feud_atlas, JAN)
    groups = {"blues": ["blues"], "greens": ["greens"], "reds": ["reds"]}
    found = find_tensions(cover, groups, None)
    assert [(t.a, t.b, t.type, t.hard) for t in found] == [
        ("blues", "greens", "refuses", True),  # the faction is covered by its list
        ("greens", "reds", "refuses_pm", False),
        ("reds", "blues", "rival_of", False),
    ]
    assert found[0].status == "reported" and found[1].status is None
    assert found[0].as_json()["between"] == ["blues", "light_greens"]
    assert found[0].as_json()["hard"] is True

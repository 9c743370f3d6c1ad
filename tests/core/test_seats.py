"""explorer.core.seats: the units on the table on a date, splitting lists and merging blocs."""

from __future__ import annotations

from datetime import date

import pytest
from tests_support import copy_mini

from explorer.core.loader import load_pack
from explorer.core.seats import REST, Unit, default_picture, merge, split, splittable

JAN, APR = date(2020, 1, 10), date(2020, 4, 1)


def figures(picture, unit_id: str) -> tuple[int, int, int]:
    unit = picture.unit(unit_id)
    return unit.low, unit.high, unit.primary


def test_the_lists_are_on_the_table_before_the_bloc(mini_atlas):
    picture = default_picture(mini_atlas.pack, JAN)
    assert picture.on == JAN
    assert picture.ids == ("reds", "blues", "greens")
    assert figures(picture, "reds") == (4, 4, 4)
    assert picture.unit("greens").name == "Green List"
    assert picture.total == 10


def test_a_bloc_that_exists_on_the_date_sits_as_one_unit(mini_atlas):
    picture = default_picture(mini_atlas.pack, APR)
    assert picture.ids == ("reds", "blue_green")
    bloc = picture.unit("blue_green")
    assert (bloc.name, bloc.low, bloc.high, bloc.primary) == ("Blue-Green Bloc", 6, 6, 6)
    assert not bloc.synthetic
    assert picture.total == 10


def test_without_a_date_no_bloc_is_merged(mini_atlas):
    assert default_picture(mini_atlas.pack, None).ids == ("reds", "blues", "greens")


def test_a_bloc_whose_member_is_not_on_the_table_stays_apart(tmp_path):
    pack_dir = copy_mini(tmp_path)
    actors = pack_dir / "actors" / "all.toml"
    text = actors.read_text(encoding="utf-8")
    # the Greens stand until the end of March: the bloc of April has lost a member
    actors.write_text(text.replace('description = "The third list."',
                                   'until = "2020-03-31"\ndescription = "The third list."', 1),
                      encoding="utf-8")
    pack = load_pack(pack_dir, check=False)
    assert default_picture(pack, APR).ids == ("reds", "blues")


def test_seats_text_is_a_number_or_a_range():
    assert Unit("a", "A", 4, 4, 4).seats_text == "4"
    assert Unit("b", "B", 1, 2, 1).seats_text == "1\u20132"


def test_what_can_be_split(mini_atlas):
    pack = mini_atlas.pack
    jan, apr = default_picture(pack, JAN), default_picture(pack, APR)
    assert splittable(pack, jan, "greens")  # it has a faction
    assert not splittable(pack, jan, "reds")  # it has none
    assert splittable(pack, apr, "blue_green")  # a bloc splits into its lists
    assert not splittable(pack, jan, "blue_green")  # not on the table in January
    assert not splittable(pack, jan, "nobody")
    parts = split(pack, jan, "greens")
    assert not splittable(pack, parts, "greens" + REST)  # a remainder is not split again
    assert splittable(pack, merge(pack, jan, ["reds", "blues"]), "reds+blues")


def test_a_list_splits_into_its_factions_and_a_remainder(mini_atlas):
    pack = mini_atlas.pack
    parts = split(pack, default_picture(pack, JAN), "greens")
    assert parts.ids == ("reds", "blues", "light_greens", "greens~rest")
    assert figures(parts, "light_greens") == (1, 2, 2)
    rest = parts.unit("greens~rest")
    assert (rest.low, rest.high, rest.primary) == (1, 2, 1)
    assert rest.synthetic and rest.parent == "greens"
    assert rest.name == "Green List (others)"
    assert rest.seats_text == "1\u20132"
    assert parts.total == 10


def test_no_remainder_when_the_factions_hold_every_seat(tmp_path):
    pack_dir = copy_mini(tmp_path)
    actors = pack_dir / "actors" / "all.toml"
    text = actors.read_text(encoding="utf-8")
    text = text.replace("seats = 2\n", "seats = 3\n", 1).replace("seats = [1, 2]", "seats = 3")
    actors.write_text(text, encoding="utf-8")
    pack = load_pack(pack_dir)
    parts = split(pack, default_picture(pack, JAN), "greens")
    assert parts.ids == ("reds", "blues", "light_greens")


def test_a_bloc_splits_into_its_lists(mini_atlas):
    pack = mini_atlas.pack
    parts = split(pack, default_picture(pack, APR), "blue_green")
    assert parts.ids == ("reds", "blues", "greens")
    assert parts.on == APR


def test_split_refuses_what_is_not_on_the_table_or_has_no_factions(mini_atlas):
    pack = mini_atlas.pack
    picture = default_picture(pack, JAN)
    with pytest.raises(ValueError, match="'nobody' is not on the table"):
        split(pack, picture, "nobody")
    with pytest.raises(ValueError, match="Red List has no factions to split into"):
        split(pack, picture, "reds")


def test_merging_the_members_of_a_pack_bloc_makes_that_bloc(mini_atlas):
    pack = mini_atlas.pack
    merged = merge(pack, default_picture(pack, JAN), ["greens", "blues"])
    assert merged.ids == ("reds", "blue_green")
    assert figures(merged, "blue_green") == (6, 6, 6)
    assert not merged.unit("blue_green").synthetic


def test_an_ad_hoc_merge_sums_its_units_where_the_first_of_them_sat(mini_atlas):
    pack = mini_atlas.pack
    picture = default_picture(pack, JAN)
    merged = merge(pack, picture, ["greens", "reds"])
    assert merged.ids == ("greens+reds", "blues")
    unit = merged.unit("greens+reds")
    assert unit.synthetic and unit.members == ("greens", "reds")
    assert unit.name == "Green List + Red List"
    assert (unit.low, unit.high, unit.primary) == (7, 7, 7)
    named = merge(pack, picture, ["reds", "blues"], name="Grand coalition")
    assert named.unit("reds+blues").name == "Grand coalition"


def test_split_parts_merged_and_split_again_come_back(mini_atlas):
    pack = mini_atlas.pack
    parts = split(pack, default_picture(pack, JAN), "greens")
    merged = merge(pack, parts, ["light_greens", "greens~rest"])
    assert merged.ids == ("reds", "blues", "light_greens+greens~rest")
    assert merged.unit("greens~rest") is not None  # the remainder is kept aside, not lost
    again = split(pack, merged, "light_greens+greens~rest")
    assert again.ids == parts.ids
    assert figures(again, "greens~rest") == figures(parts, "greens~rest")


@pytest.mark.parametrize("units", [["reds"], ["reds", "reds"], ["reds", "blue_green"], []])
def test_merge_refuses_fewer_than_two_repeated_or_absent_units(mini_atlas, units):
    pack = mini_atlas.pack
    with pytest.raises(ValueError, match="two or more different units on the table"):
        merge(pack, default_picture(pack, JAN), units)

"""explorer.core.names: normalising what people type, the tiers of candidates, and resolving."""

from __future__ import annotations

from dataclasses import replace

import pytest

from explorer.core.names import AmbiguousName, NameIndex, UnknownName, normalize, words


@pytest.fixture(scope="module")
def index(mini_atlas) -> NameIndex:
    return NameIndex(mini_atlas.pack.actors)


def ids(actors) -> list[str]:
    return [a.id for a in actors]


@pytest.mark.parametrize(("typed", "normal"), [
    ("  Red   LIST ", "red list"),
    ('"Reds"', "reds"),
    ("`Reds'", "reds"),
    ("R\u00e9d List", "red list"),  # an accent is folded
    ("Sadr\u2019s  men", "sadr's men"),  # a curly apostrophe is straightened
    ("al\u2010Maliki", "al-maliki"),  # a typographic hyphen is a plain one
    ("Blue\u00a0List", "blue list"),  # a no-break space is a space
])
def test_normalize_folds_case_accents_quotes_dashes_and_spaces(typed, normal):
    assert normalize(typed) == normal


def test_words_drop_articles_and_punctuation():
    assert words("Nouri al-Maliki") == ["nouri", "maliki"]
    assert words("El Baradei (acting).") == ["baradei", "acting"]
    assert words("Blue-Green Bloc") == ["blue", "green", "bloc"]


def test_an_exact_name_alias_or_id_is_the_first_tier(index):
    assert ids(index.candidates("Red List")) == ["reds"]
    assert ids(index.candidates("REDS")) == ["reds"]  # an alias
    assert ids(index.candidates("light_greens")) == ["light_greens"]  # an id
    assert ids(index.candidates("R\u00e9d list")) == ["reds"]


def test_a_word_matches_every_actor_whose_name_holds_it_sorted_by_name(index):
    assert ids(index.candidates("blue")) == ["blues", "blue_green", "bob"]
    assert ids(index.candidates("red")) == ["ann", "reds"]


def test_several_words_must_all_match(index):
    assert ids(index.candidates("blue bloc")) == ["blue_green"]
    assert ids(index.candidates("bloc blue")) == ["blue_green"]


def test_a_prefix_is_the_last_tier_and_can_be_turned_off(index):
    assert ids(index.candidates("capi")) == ["capital"]  # the start of a whole name
    assert ids(index.candidates("cit")) == ["capital"]  # the start of a word ("City")
    assert index.candidates("capi", prefixes=False) == []
    assert index.candidates("c") == []  # one letter is too short for a prefix


def test_empty_queries_have_no_candidates(index):
    assert index.candidates("") == []
    assert index.candidates("   ") == []
    assert index.candidates('""') == []


def test_suggestions_for_misspellings(index):
    assert ids(index.suggestions("Bobb Blue")) == ["bob"]
    assert ids(index.suggestions("Red Lisst"))[0] == "reds"
    assert ids(index.suggestions("Ligth")) == ["light_greens"]  # by a word of the name
    assert index.suggestions("zzzz") == []


def test_suggestions_are_at_most_n(index):
    assert len(index.suggestions("Blue Lis", n=1)) == 1
    assert len(index.suggestions("Blue Lis", n=3)) <= 3


def test_resolve_returns_the_one_actor(index):
    assert index.resolve("Ann Red").id == "ann"
    assert index.resolve("blue bloc").id == "blue_green"
    assert index.resolve("capi").id == "capital"


def test_resolve_without_prefixes_refuses_a_prefix(index):
    with pytest.raises(UnknownName):
        index.resolve("capi", prefixes=False)


def test_an_ambiguous_name_carries_its_candidates_and_asks_which(index):
    with pytest.raises(AmbiguousName) as caught:
        index.resolve("blue")
    err = caught.value
    assert isinstance(err, LookupError)
    assert err.query == "blue"
    assert ids(err.candidates) == ["blues", "blue_green", "bob"]
    assert str(err) == "Which do you mean: Blue List, Blue-Green Bloc or Bob Blue?"


def test_an_ambiguous_name_lists_eight_and_counts_the_rest(mini_atlas):
    ann = mini_atlas.pack.actors["ann"]
    many = {f"p{i}": replace(ann, id=f"p{i}", name=f"Person {i:02d}", aliases=())
            for i in range(11)}
    with pytest.raises(AmbiguousName) as caught:
        NameIndex(many).resolve("person")
    assert len(caught.value.candidates) == 11
    assert str(caught.value).endswith("Person 06 or Person 07 (and 3 more)?")


def test_an_unknown_name_suggests_close_spellings(index):
    with pytest.raises(UnknownName) as caught:
        index.resolve("Bobb Blue")
    err = caught.value
    assert isinstance(err, LookupError)
    assert ids(err.candidates) == ["bob"]
    assert str(err) == "No actor is called 'Bobb Blue'. Did you mean Bob Blue?"


def test_an_unknown_name_with_nothing_close(index):
    with pytest.raises(UnknownName) as caught:
        index.resolve("zzzz")
    assert caught.value.candidates == []
    assert str(caught.value) == "No actor is called 'zzzz'."

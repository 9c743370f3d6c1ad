"""explorer.core.validate: the cross-reference checks, each on the line of the key at fault.

Each test writes one defect into a copy of the mini pack and reads `path:line: message` back from
the loader's report (the loader hands validate() the parsed files, for the lines).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests_support import MINI, copy_mini

from explorer.core.loader import load_pack
from explorer.core.problems import PackError
from explorer.core.validate import validate


def report(pack: Path) -> list[str]:
    """Every problem as 'relative/path:line: message (hint: ...)'."""
    with pytest.raises(PackError) as caught:
        load_pack(pack)
    out = []
    for problem in caught.value.problems:
        rel = Path(os.path.relpath(problem.path, pack)).as_posix()
        out.append(str(problem).replace(str(problem.path), rel, 1))
    return out


def edit(pack: Path, rel: str, old: str, new: str) -> None:
    path = pack / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add(pack: Path, rel: str, text: str) -> None:
    path = pack / rel
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture()
def pack(tmp_path) -> Path:
    return copy_mini(tmp_path, "pack")


def actor(id_: str, kind: str = "list", extra: str = "") -> str:
    return (f'[[actor]]\nid = "{id_}"\nname = "{id_.title()}"\nkind = "{kind}"\n{extra}'
            f'description = "x."\nsources = ["https://example.org/{id_}"]\n')


def test_the_mini_pack_has_no_problem():
    assert validate(load_pack(MINI)) == []


def test_an_alias_that_is_already_another_actors_name(pack):
    edit(pack, "actors/all.toml", 'aliases = ["Blues"]', 'aliases = ["Blues", "Red List"]')
    assert report(pack) == [
        "actors/all.toml:15: alias 'Red List' of 'blues' is already a name of 'reds' "
        "(hint: an alias may belong to one actor only)"]


def test_an_alias_that_is_only_quotes_is_empty(pack):
    edit(pack, "actors/all.toml", 'aliases = ["Blues"]', "aliases = [\"Blues\", \"''\"]")
    assert report(pack) == ["actors/all.toml:15: actor 'blues' has an empty alias"]


def test_an_unknown_part_of_with_a_suggestion(pack):
    edit(pack, "actors/all.toml", 'part_of = "greens"', 'part_of = "greenz"')
    assert "actors/all.toml:34: 'part_of' of 'light_greens' names an unknown actor 'greenz' " \
           "(hint: did you mean 'greens'?)" in report(pack)


def test_a_part_of_that_goes_round_in_a_circle(pack):
    edit(pack, "actors/all.toml", 'kind = "list"\ndescription = "The third list."',
         'kind = "list"\npart_of = "light_greens"\ndescription = "The third list."')
    found = report(pack)
    assert ("actors/all.toml:25: 'part_of' of 'greens' goes round in a circle: "
            "greens -> light_greens -> greens (hint: a faction sits inside a list, "
            "never inside itself)") in found


def test_members_on_an_actor_that_is_not_a_bloc(pack):
    edit(pack, "actors/all.toml", 'aliases = ["Reds"]', 'aliases = ["Reds"]\nmembers = ["blues"]')
    assert "actors/all.toml:6: 'reds' has 'members' but is a list, not a bloc" in report(pack)


def test_a_person_cannot_hold_seats(pack):
    edit(pack, "actors/all.toml", 'pronoun = "she"', 'pronoun = "she"\nseats = 1\n'
         'seats_source = "https://example.org/results"')
    assert ("actors/all.toml:60: a person cannot hold seats ('ann') "
            "(hint: seats belong to lists, factions and parties)") in report(pack)


def test_stands_for_an_unknown_actor_or_one_without_seats(pack):
    edit(pack, "actors/all.toml", 'stands_for = "blues"', 'stands_for = "bluez"')
    edit(pack, "actors/all.toml", 'stands_for = "reds"', 'stands_for = "capital"')
    found = report(pack)
    assert "actors/all.toml:68: 'stands_for' of 'bob' names an unknown actor 'bluez' " \
           "(hint: did you mean 'blues'?)" in found
    assert "actors/all.toml:60: 'ann' stands for 'capital', which holds no seats" in found


def test_formed_by_an_unknown_event(pack):
    edit(pack, "actors/all.toml", 'since = "2020-03-01"', 'formed_by = "mergr"')
    assert report(pack) == ["actors/all.toml:51: 'formed_by' names an unknown event 'mergr' "
                            "(hint: did you mean 'merger'?)"]


def test_formed_by_gives_a_bloc_its_date():
    pack = load_pack(MINI)
    bloc = pack.actors["blue_green"]
    bloc.since, bloc.formed_by = None, "merger"
    assert validate(pack) == []
    assert str(bloc.since) == "2020-03-01"  # the event's (month) date


def test_until_before_since(pack):
    edit(pack, "actors/all.toml", 'since = "2020-03-01"',
         'since = "2020-03-01"\nuntil = "2020-02-01"')
    assert report(pack) == [
        "actors/all.toml:52: 'blue_green': 'until' 2020-02-01 is not after 'since' 2020-03-01"]


BLOCS = (actor("empty", "bloc")
         + actor("seated", "bloc", 'members = ["reds", "blues"]\nseats = 7\n'
                 'seats_source = "https://example.org/x"\n')
         + actor("odd", "bloc",
                 'members = [\n  "reds",\n  "nobody",\n  "odd",\n  "blue_green",\n'
                 '  "ann",\n  "light_greens",\n]\n'))


def test_the_checks_of_a_bloc(pack):
    add(pack, "actors/blocs.toml", BLOCS)
    found = [p for p in report(pack) if p.startswith("actors/blocs.toml")]
    assert found == [
        "actors/blocs.toml:1: bloc 'empty' has no 'members' "
        "(hint: list the ids of the lists that merged)",
        "actors/blocs.toml:12: bloc 'seated' declares seats; a bloc's seats are its members' "
        "(hint: remove 'seats': they are added up from the members)",
        "actors/blocs.toml:22: bloc 'odd' names an unknown actor 'nobody'",
        "actors/blocs.toml:23: bloc 'odd' lists itself as a member",
        "actors/blocs.toml:24: bloc member 'blue_green' is a bloc "
        "(hint: a bloc lists the lists that merged, not other blocs)",
        "actors/blocs.toml:25: bloc member 'ann' holds no seats",
        "actors/blocs.toml:26: bloc member 'light_greens' is inside 'greens' "
        "(hint: blocs join whole lists)",
    ]


def test_the_lists_must_add_up_to_the_parliament(pack):
    edit(pack, "actors/all.toml", "seats = 4", "seats = 5")
    assert report(pack) == [
        "pack.toml:5: the seats of the top-level lists add up to 11, not the parliament's 10 "
        "(hint: reds 5 + blues 3 + greens 3)"]


def test_a_faction_cannot_claim_more_than_its_list(pack):
    edit(pack, "actors/all.toml", "seats = 2\n", "seats = 4\n")
    edit(pack, "actors/all.toml", "seats = [1, 2]", "seats = [4, 5]")
    assert report(pack) == [
        "actors/all.toml:30: faction 'light_greens' claims 4 seats, more than its list "
        "'greens' has (3)"]


def test_the_factions_of_a_list_cannot_need_more_than_it_has(pack):
    add(pack, "actors/more.toml", actor("dark_greens", "faction", 'part_of = "greens"\n'
                                        'seats = 3\nseats_source = "https://example.org/x"\n'))
    assert report(pack) == [
        "actors/all.toml:27: the factions of 'greens' need at least 4 seats, more than its 3 "
        "(hint: light_greens 1 + dark_greens 3)"]


def test_a_relation_to_an_unknown_actor(pack):
    edit(pack, "relations/all.toml", 'to = "blues"', 'to = "bluez"')
    edit(pack, "relations/all.toml", 'from = "ann"', 'from = "anne"')
    assert report(pack) == [
        "relations/all.toml:2: relation 'from' names an unknown actor 'anne' "
        "(hint: did you mean 'ann'?)",
        "relations/all.toml:10: relation 'to' names an unknown actor 'bluez' "
        "(hint: did you mean 'blues'?)",
    ]


def test_an_actor_that_failed_to_load_is_not_also_unknown_everywhere(pack):
    edit(pack, "actors/all.toml", 'kind = "person"\npronoun = "she"', 'kind = "persn"')
    found = report(pack)
    assert any(p.startswith("actors/all.toml:58: ") and "persn" in p for p in found)
    assert not any("unknown actor 'ann'" in p for p in found)


EVENTS = """
[[event]]
id = "vote"
date = "2021-01-05"
title = "Again"
summary = "x."
place = "reds"
participants = [
  "reds",
  "bluez",
]
sources = ["https://example.org/x"]

[[event]]
id = "trip"
date = "2020-05-01"
title = "A trip"
summary = "x."
place = "harbour"
sources = ["https://example.org/x"]
"""


def test_the_checks_of_events(pack):
    path = pack / "events.toml"
    path.write_text(path.read_text(encoding="utf-8") + EVENTS, encoding="utf-8")
    assert sorted(p for p in report(pack) if p.startswith("events.toml")) == sorted([
        "events.toml:35: event 'trip' names an unknown place 'harbour'",
        "events.toml:19: duplicate event id 'vote'",
        "events.toml:20: event 'vote' (2021-01-05) is outside the pack's dates "
        "(2020-01-01 to 2020-12-31) (hint: change the date, or start_date/end_date in pack.toml)",
        "events.toml:23: event 'vote': 'reds' is a list, not a place",
        "events.toml:26: event 'vote' names an unknown actor 'bluez' (hint: did you mean 'blues'?)",
    ])


def test_the_start_place_must_be_a_known_place(pack):
    edit(pack, "pack.toml", 'start_place = "capital"', 'start_place = "capitol"')
    assert report(pack) == ["pack.toml:9: start_place names an unknown actor 'capitol' "
                            "(hint: did you mean 'capital'?)"]
    edit(pack, "pack.toml", 'start_place = "capitol"', 'start_place = "reds"')
    assert report(pack) == ["pack.toml:9: start_place 'reds' is a list, not a place"]


CHALLENGE = """[[challenge]]
id = "bad"
title = "Bad"
role = "anne"
date = "2021-01-10"
intro = "x."
start_coalition = [
  "reds",
  "bluez",
]
pm = "bobb"
hints = []
history = "x."
sources = ["https://example.org/history"]

[challenge.goal]
threshold = "half"
include = ["reds", "greenz"]
exclude = []
"""


def test_the_references_of_a_challenge(pack):
    add(pack, "challenges.toml", CHALLENGE)
    assert report(pack) == [
        "challenges.toml:4: challenge 'bad' names an unknown actor 'anne' "
        "(hint: did you mean 'ann'?)",
        "challenges.toml:11: challenge 'bad' names an unknown actor 'bobb' "
        "(hint: did you mean 'bob'?)",
        "challenges.toml:9: challenge 'bad' names an unknown actor 'bluez' "
        "(hint: did you mean 'blues'?)",
        "challenges.toml:18: challenge 'bad' names an unknown actor 'greenz' "
        "(hint: did you mean 'greens'?)",
        "challenges.toml:17: challenge 'bad': unknown threshold 'half' "
        "(hint: known: majority, two_thirds)",
        "challenges.toml:5: challenge 'bad': date 2021-01-10 is outside the pack's dates",
    ]


LESSON = """[lesson]
id = "odd"
title = "Odd"
summary = "x."

[[step]]
title = "One"
narration = "x."
date = "2019-12-31"
coalition = ["reds", "bluez"]
pm = "anne"
focus = "nobody"
"""


def test_the_references_of_a_lesson_step(pack):
    add(pack, "lessons/odd.toml", LESSON)
    assert report(pack) == [
        "lessons/odd.toml:10: lesson 'odd' step 'One' names an unknown actor 'bluez' "
        "(hint: did you mean 'blues'?)",
        "lessons/odd.toml:11: lesson 'odd' step 'One' names an unknown actor 'anne' "
        "(hint: did you mean 'ann'?)",
        "lessons/odd.toml:12: lesson 'odd' step 'One' names an unknown actor 'nobody'",
        "lessons/odd.toml:9: lesson 'odd' step 'One': date 2019-12-31 is outside the pack's dates",
    ]


def test_without_the_parsed_files_a_problem_is_on_its_table_line():
    pack = load_pack(MINI)
    pack.actors["light_greens"].part_of = "greenz"
    assert [(p.line, p.message) for p in validate(pack)] == [
        (30, "'part_of' of 'light_greens' names an unknown actor 'greenz'")]

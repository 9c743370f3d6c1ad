"""The adventure's grammar: patterns checked against their verb at registration."""

from __future__ import annotations

import pytest

from explorer.adventure.grammar import Answer, Verbs
from explorer.adventure.parser import Grammar, GrammarError


def test_a_slot_without_a_parameter_is_refused_at_registration():
    verbs = Verbs("Test")
    with pytest.raises(GrammarError, match="no parameter for slot"):
        @verbs.when("give THING to PERSON")
        def give(e, thing):
            return ""


def test_a_required_parameter_without_a_slot_is_refused():
    verbs = Verbs("Test")
    with pytest.raises(GrammarError, match="have no slot and no default"):
        @verbs.when("wave")
        def wave(e, person):
            return ""


def test_an_optional_parameter_may_go_without_its_slot():
    verbs = Verbs("Test")

    @verbs.when("save NAME")
    @verbs.when("save")
    def save(e, name=None):
        return ""

    assert [p.text for p in verbs.table.patterns] == ["save", "save NAME"]


def test_a_slot_named_twice_is_refused():
    with pytest.raises(GrammarError, match="twice"):
        Grammar().add("swap A for A", lambda e, a: "")


def test_help_rows_come_from_the_patterns():
    verbs = Verbs("Moving")

    @verbs.when("go PLACE", help="travel")
    @verbs.when("go to PLACE")
    @verbs.when("walk to PLACE")
    def go(e, place):
        return ""

    assert verbs.table.help_rows() == {"Moving": [("go PLACE", "go to, walk to", "travel")]}


def test_an_answer_can_be_prefixed_and_remember_an_actor():
    base = Answer("Baghdad", sources=("a:1",))
    told = base.after("You travel. ").about("maliki")
    assert told.text == "You travel. Baghdad" and told.sources == ("a:1",) and told.it == "maliki"

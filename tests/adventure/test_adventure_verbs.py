"""Every verb, its abbreviations, disambiguation, oops, undo and again, on the bundled pack."""

from __future__ import annotations

import pytest
from adventure_support import load_atlas, mini_with_challenges, play

from explorer.adventure import Engine
from explorer.adventure.grammar import build_grammar


@pytest.fixture
def game(bundled_atlas):
    return Engine(bundled_atlas)


def test_intro_and_look(game, bundled_atlas):
    pack = bundled_atlas.pack
    intro = game.intro()
    start = pack.actors[pack.start_place].name
    assert pack.title in intro and start in intro
    look, short = play(game, "look", "l")
    assert look == short
    assert look.startswith(start)
    assert "Here:" in look and "Threads lead from here" in look and "It is " in look
    assert "  1. " in look


def test_examine_describes_from_the_graph(game, bundled_atlas):
    sadr = bundled_atlas.pack.actors["sadr"]
    text = game.handle("examine sadr")
    assert text.startswith(sadr.name)
    home = bundled_atlas.actor(bundled_atlas.location("sadr", game.on)).name
    assert f"is in {home}" in text
    assert "Sadrist movement" in text and "seats" in text
    assert "Threads (go N or follow a relation):" in text
    assert game.handle("x sadr") == text
    assert game.handle("look at Mooky") == text  # an alias
    assert game.handle("Sadr") == text  # a bare name examines it


def test_go_by_place_person_and_number(game, bundled_atlas):
    qom = bundled_atlas.actor("qom").name
    text = game.handle("go to qom")
    assert text.startswith(f"You travel to {qom}") and game.location == "qom"
    assert game.handle("go qom").startswith(f"You are already in {qom}")
    text = game.handle("go to maliki")
    assert game.location == game.world.whereabouts("maliki", game.on)[0].place
    assert text.splitlines()[0].startswith("You travel to Baghdad, where Nouri al-Maliki ")
    game.handle("look")
    first = game.threads[0]
    text = game.handle("go 1")
    assert game.location == first.target
    assert "Choose a thread between 1" in game.handle("go 99")


def test_follow_a_relation(game):
    game.handle("examine sadr")
    text = game.handle("follow rival")
    assert "Nouri al-Maliki" in text.splitlines()[0] or "Nouri al-Maliki" in text
    game.handle("examine sadr")
    assert "No thread here matches" in game.handle("follow banana")


def test_talk_and_ask(game, bundled_atlas):
    text = game.handle("talk to sadr")
    assert "Muqtada al-Sadr" in text and "invite him" in text
    text = game.handle("ask sadr about maliki")
    assert text.startswith("Muqtada al-Sadr (in Qom) on Nouri al-Maliki")
    assert "refuses to serve under Nouri al-Maliki" in text
    assert "[" in text and "]" in text  # sources
    why = game.handle("why")
    assert why.startswith("The evidence for Muqtada al-Sadr on Nouri al-Maliki")
    assert "(in Qom)" not in game.handle("ask maliki about sadr").splitlines()[0]
    refusal = next(r for r in bundled_atlas.relations
                   if r.source == "sadrists" and r.target == "maliki" and r.type == "refuses_pm")
    assert refusal.sources[0] in why
    assert "has nothing to say about “kirkuk oil”" in game.handle("ask sadr about kirkuk oil")


def test_ask_falls_back_to_a_path(game, bundled_atlas):
    # on the default date only Ammar al-Hakim is alive: 'hakim' means him (names by date)
    text = game.handle("ask obama about hakim")
    assert "Barack Obama" in text and ("thread connects" in text or " on Ammar al-Hakim" in text)


def test_names_mean_the_actors_of_the_date(game):
    # Abdel Aziz al-Hakim died in August 2009: on the default date 'hakim' is Ammar, and the
    # elder is named as gone rather than found
    assert game.handle("x hakim").startswith("Ammar al-Hakim")
    assert "was gone by" in game.handle("x Abdel Aziz al-Hakim")


def test_disambiguation_by_number_name_and_word(bundled_atlas):
    from datetime import date

    game = Engine(bundled_atlas, on=date(2009, 8, 1))  # both Hakims are alive
    question = game.handle("x hakim")
    assert "Which do you mean: Abdel Aziz al-Hakim or Ammar al-Hakim?" in question
    assert game.handle("2").startswith("Ammar al-Hakim")
    game.handle("x hakim")
    assert game.handle("Abdel Aziz").startswith("Abdel Aziz al-Hakim")
    game.handle("x hakim")
    assert game.handle("ammar").startswith("Ammar al-Hakim")
    game.handle("x hakim")
    look = game.handle("look")  # not an answer: a new command
    assert "Which do you mean" not in look and "Ammar al-Hakim" not in look.split("\n")[0]
    assert "invite ammar_hakim" not in game.history


def test_misspelling_and_oops(game):
    text = game.handle("invite malikki")
    assert "Did you mean" in text and "Maliki" in text
    text = game.handle("oops maliki")
    assert "joins your coalition" in text
    assert "sol" in game.coalition.members
    assert game.history[-1] == "invite maliki"
    assert "Did you mean 'examine'" in game.handle("exmaine sadr")
    assert game.handle("oops examine").startswith("Muqtada al-Sadr")
    assert "no unknown word" in game.handle("oops sadr")
    game.handle("x malikki")
    game.handle("look")
    assert "no unknown word" in game.handle("oops maliki")  # only the command just before


def test_undo_and_again(game):
    game.handle("go to erbil")
    game.handle("invite barzani")
    members = game.coalition.members
    assert members
    assert "already in your coalition" in game.handle("again")
    assert game.history[-1] == "invite barzani" and game.coalition.members == members
    text = game.handle("undo")
    assert text.startswith("Undone.") and game.coalition.members == ()
    assert game.location == "erbil"
    assert "back in Baghdad" in game.handle("undo") and game.location == "baghdad"
    assert game.handle("undo") == "There is nothing to undo."
    game.handle("x sadr")
    assert game.handle("g") == game.handle("again")


def test_invite_refused_in_character(bundled_atlas):
    game = Engine(bundled_atlas, challenge="win-back-sadrists")
    text = game.handle("invite ina")
    assert "turns the invitation down" in text
    assert "refuses to serve under Nouri al-Maliki" in text and "[" in text
    assert "ina" not in game.coalition.members
    assert "Nothing has changed" in text
    why = game.handle("why")
    assert "The evidence for why" in why


def test_invite_dismiss_pm_and_coalition(game, bundled_atlas):
    assert "joins your coalition" in game.handle("recruit allawi")
    assert "iraqiya" in game.coalition.members
    assert "already in your coalition" in game.handle("invite iraqiya")
    assert "holds no seats" in game.handle("invite iran")
    assert "is a place" in game.handle("invite tehran")
    assert "Only a person" in game.handle("pm iraqiya")
    text = game.handle("propose pm allawi")
    assert "You put Ayad Allawi forward" in text and game.coalition.pm == "allawi"
    text = game.handle("i")
    assert text == game.handle("inventory") == game.handle("coalition")
    assert "Ayad Allawi as candidate" in text and "of 325" in text
    assert "(163)" in text and "(217)" in text and "Feasible:" in text
    assert "leaves your coalition" in game.handle("dismiss allawi")
    assert "is not in your coalition" in game.handle("dismiss maliki")
    assert "withdraw" in game.handle("pm none") and game.coalition.pm is None


def test_power(game):
    game.handle("invite allawi")
    text = game.handle("power")
    assert "Banzhaf" in text and "Shapley" in text and "* Iraqiya" in text
    assert "no refusal" in game.handle("power feasible")
    assert "Try 'power'" in game.handle("power banana")


def test_path_where_who(game):
    text = game.handle("path sadr allawi")
    assert text.startswith("From Muqtada al-Sadr to Ayad Allawi")
    assert game.handle("path Muqtada al-Sadr Ayad Allawi") == text
    assert game.handle("path from sadr to allawi") == text
    assert "same" in game.handle("path sadr sadr")
    assert game.handle("where is barzani").startswith("Massoud Barzani is in Erbil")
    assert "In Baghdad on" in game.handle("who")


def test_date_and_hint_and_challenges(game, bundled_atlas):
    assert game.handle("date").startswith("It is ")
    text = game.handle("date 2010-10-02")
    assert text.startswith("You step to 2 October 2010")
    assert "Between the two dates" in text
    assert "needs a day" in game.handle("date 2010-10")
    assert "The story runs from" in game.handle("date 1999-01-01")
    assert "No challenge is running" in game.handle("hint")
    listing = game.handle("challenges")
    for cid in bundled_atlas.pack.challenges:
        assert cid in listing
    text = game.handle("challenge allawi-163")
    assert "Challenge: Allawi to 163" in text and game.on.isoformat() == "2010-04-01"
    assert "cannot change" in game.handle("date 2010-05-01")
    hints = bundled_atlas.pack.challenges["allawi-163"].hints
    assert game.handle("hint") == f"Hint 1 of {len(hints)}: {hints[0]}"
    assert game.handle("hint").startswith("Hint 2")
    assert "fixed" in game.handle("pm maliki")


def test_help_lists_every_verb_with_abbreviations(game):
    text = game.handle("help")
    rows = build_grammar().help_rows()
    assert list(rows) == ["Looking and moving", "Talking and evidence", "Building a coalition",
                          "Bargaining", "Challenges and time", "The game"]
    for section, lines in rows.items():
        assert section in text
        for usage, _, _ in lines:
            assert usage in text
    for short in ("[l, look around]", "[x, look at,", "[inventory, i,", "[g]", "[q,"):
        assert short in text
    assert game.handle("?") == text
    assert game.handle("help invite").strip().startswith("invite ACTOR")
    assert "no verb" in game.handle("help xyzzy")
    assert game.handle("help fly").strip().startswith("go PLACE")  # a synonym finds its verb
    verbs, _ = game.vocabulary()
    assert verbs.index("invite") < verbs.index("inventory")
    assert set(verbs) == set(build_grammar().verbs())


def test_every_verb_with_a_pattern_has_one_help_line():
    """Help is generated from the patterns: each verb function is listed exactly once."""
    grammar = build_grammar()
    helped = [p.handler for p in grammar.patterns if p.help]
    assert len(helped) == len(set(helped))
    listed = {p.handler for p in grammar.patterns if p.help}
    unlisted = {p.handler.__name__ for p in grammar.patterns if p.handler not in listed}
    assert unlisted <= {"challenges", "hints"}, unlisted


def test_history_and_quit(game):
    play(game, "look", "x sadr", "help")
    assert game.handle("history").splitlines()[1:] == ["  1. look", "  2. x sadr"]
    assert not game.finished
    assert game.handle("q") == "Goodbye." and game.finished


def test_transcript(game, tmp_path):
    from explorer.adventure.saves import transcripts_dir

    assert "No transcript" in game.handle("transcript")
    text = game.handle("transcript on")
    path = game.transcript
    assert path is not None and str(path) in text and path.parent == transcripts_dir()
    game.handle("x [bold]sadr")
    game.handle("look")
    assert str(path) in game.handle("transcript")
    assert str(path) in game.handle("transcript off")
    body = path.read_text(encoding="utf-8")
    assert body.startswith("# Kingmaker transcript")
    assert "**\\> look**" in body and "**\\> x \\[bold\\]sadr**" in body
    assert "**\\> transcript**" in body
    game.handle("look")
    assert path.read_text(encoding="utf-8") == body


def test_unknown_verbs_and_usage_help(game):
    assert "I don't know the verb “xyzzy”" in game.handle("xyzzy")
    asked = game.handle("ask sadr")
    assert "I only understood the verb “ask”" in asked and "'ask PERSON about TOPIC'" in asked
    assert "'ask ACTOR what they want'" in asked  # the bargaining verb is offered too
    assert "Say something" in game.handle("   ")
    assert game.handle("x " + "a" * 600).startswith("That's too long")
    assert "“[@click=app.quit]”" in game.handle("x [@click=app.quit]")


def test_pronouns(game):
    game.handle("x sadr")
    assert game.handle("invite him").startswith("Word goes to")
    assert "sadrists" in game.coalition.members


def test_mini_pack_free_play_across_dates(tmp_path):
    atlas = load_atlas(mini_with_challenges(tmp_path))
    game = Engine(atlas, role="ann")
    play(game, "invite reds", "invite greens", "pm ann")
    assert not game.state.evaluate().feasible
    game.handle("date 2020-07-01")
    assert game.state.evaluate().feasible  # the refusal ends on 1 June
    text = game.handle("x bob")
    assert "is in Harbour Town" in text
    assert "Harbour Town" in game.handle("look").split("any place by name:")[1]

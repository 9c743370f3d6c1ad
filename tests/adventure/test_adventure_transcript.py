"""Whole challenges played through `explorer play --script`: a win and dead ends."""

from __future__ import annotations

from adventure_support import mini_with_challenges

from explorer.cli import main


def run_script(capsys, tmp_path, lines, *args):
    script = tmp_path / "script.txt"
    script.write_text("# a comment\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    code = main(["play", "--script", str(script), *args])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def test_tehran_shia_alliance_to_a_win(capsys, tmp_path, bundled_atlas):
    challenge = bundled_atlas.pack.challenges["tehran-shia-alliance"]
    out = run_script(capsys, tmp_path, [
        "look", "x sadr", "talk to sadr", "invite ina", "invite sadr", "coalition", "hint",
        "invite kurdistan alliance", "why",
    ], "--challenge", "tehran-shia-alliance")
    assert out.startswith(bundled_atlas.pack.title)
    assert f"Challenge: {challenge.title}" in out
    # one "> command" line per command, comments and blank lines skipped
    assert out.count("\n> ") == 9 and "> # a comment" not in out
    assert "> invite sadr\n" in out
    invite_ina = out.split("> invite ina\n")[1].split("\n> ")[0]
    assert "turns the invitation down" in invite_ina and "refuses to serve under" in invite_ina
    assert "You have won" in out
    assert out.index("You have won") > out.index("> invite kurdistan alliance")
    assert challenge.history.split()[0] in out.split("You have won")[1]
    assert challenge.sources[0] in out.split("> why")[1]
    assert "Hint 1 of" in out


def test_allawi_narrow_road_to_a_dead_end(capsys, tmp_path, bundled_atlas):
    challenge = bundled_atlas.pack.challenges["allawi-narrow-road"]
    out = run_script(capsys, tmp_path, [
        "go to erbil", "go to jaafari", "invite ina", "coalition", "undo", "coalition",
    ], "--challenge", "allawi-narrow-road")
    assert "Dead end" in out
    dead = out.split("Dead end")[1].split("\n> ")[0]
    assert "the goal rules it out" in dead
    assert "What happened: " + " ".join(challenge.history.split()[:4]) in dead
    assert "The way is open again" in out.split("> undo")[1]
    assert out.count("Dead end") == 1


def test_must_travel_and_a_seat_dead_end_on_the_mini_pack(capsys, tmp_path):
    pack = mini_with_challenges(tmp_path)
    out = run_script(capsys, tmp_path, [
        "invite bob", "go to bob", "invite light greens", "undo", "invite bob",
    ], "--content", str(pack), "--challenge", "reds-to-seven")
    first = out.split("> invite bob\n")[1].split("\n> ")[0]
    assert "face to face" in first and "Harbour Town" in first
    dead = out.split("> invite light greens\n")[1].split("\n> ")[0]
    assert "Dead end" in dead and "the most within reach from here is 5 seats" in dead
    assert "In the tiny parliament" in dead
    assert "You have won" in out.split("> undo")[1]


def test_play_reports_a_bad_pack_like_check(capsys, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "pack.toml").write_text("[pack\n", encoding="utf-8")
    code = main(["play", "--content", str(bad), "--script", str(bad / "pack.toml")])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{bad / 'pack.toml'}:" in err


def test_unknown_challenge_and_missing_script(capsys, tmp_path):
    assert main(["play", "--challenge", "nope", "--script", __file__]) == 2
    assert "no challenge 'nope'" in capsys.readouterr().err
    assert main(["play", "--script", str(tmp_path / "missing.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_repl_reads_stdin_until_eof(capsys, monkeypatch, tmp_path):
    import io

    pack = mini_with_challenges(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("look\nx ann\n"))
    assert main(["play", "--content", str(pack), "--role", "ann"]) == 0
    out = capsys.readouterr().out
    assert "You are the envoy of Ann Red" in out
    assert "> look\nCapital City" in out and "> x ann\nAnn Red" in out


def test_repl_quit(capsys, monkeypatch, tmp_path):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("quit\nlook\n"))
    assert main(["play", "--content", str(mini_with_challenges(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("Goodbye.")

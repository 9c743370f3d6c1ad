"""The bargaining challenges: each one's shortest win (the solver), proved by replaying it in the
game; a dead end reachable in each; and `play --script` transcripts of a win and a dead end."""

from __future__ import annotations

import pytest
from deal_solver import solve

from explorer.adventure.engine import Engine
from explorer.cli import main

DEAL_CHALLENGES = {  # id -> (the PM candidates the player may name, the shortest win found)
    "allawi-163": (None, 13),
    "win-back-sadrists": (None, 9),
    "kurdish-kingmaker": (["maliki", "allawi", "abdul_mahdi", "jaafari"], 14),
}


def run_script(capsys, tmp_path, lines, challenge):
    script = tmp_path / "script.txt"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["play", "--script", str(script), "--challenge", challenge])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def replies(out: str) -> dict[str, str]:
    """The reply to each command of a transcript (the last one when a command repeats)."""
    parts = out.split("\n> ")[1:]
    return {p.split("\n", 1)[0]: p.split("\n", 1)[1] if "\n" in p else "" for p in parts}


@pytest.mark.parametrize("cid", sorted(DEAL_CHALLENGES))
def test_the_shortest_win_is_at_least_six_commands_and_wins_in_the_game(bundled_atlas, cid):
    pms, expected = DEAL_CHALLENGES[cid]
    win = solve(bundled_atlas, cid, pms=pms)
    # solve() deepens one command at a time: no table reachable in fewer commands forms a
    # government that meets the goal
    assert len(win.commands) == expected >= 6
    engine = Engine(bundled_atlas, challenge=cid)
    answers = [engine.handle(line) for line in win.commands]
    assert engine.status == "won", answers[-1]
    assert all("You have won" not in a for a in answers[:-1])
    assert "Every member accepts" in answers[-1] and "You have won" in answers[-1]


def test_allawi_win_and_dead_end_transcripts(capsys, tmp_path, bundled_atlas):
    out = run_script(capsys, tmp_path, [
        "demands kurdistan alliance", "demands hadba", "invite kurdistan alliance", "deal",
        "undo", "invite sadrists", "demands sadrists", "promise detainees to sadrists",
        "invite isci", "invite badr", "invite gorran", "invite minorities",
        "propose", "offer president to sadrists", "offer first deputy pm to isci",
        "offer second deputy pm to badr", "offer speaker to gorran",
        "offer third deputy pm to minorities", "deal", "propose",
    ], "allawi-163")
    said = replies(out)
    assert "Article 140" in said["demands hadba"] and "002_734202a49323b238.txt:78" in \
        said["demands hadba"]
    dead = said["invite kurdistan alliance"]
    assert "Dead end" in dead and "al-Hadba will not accept" in dead
    assert "The way is open again" in said["undo"]
    assert "The deal does not carry" in said["propose"] or "You have won" in said["propose"]
    assert out.count("Dead end") == 1
    assert "You have won “Allawi to 163”" in out
    assert out.index("You have won") > out.index("> offer third deputy pm to minorities")


def test_maliki_win_and_dead_end_transcripts(capsys, tmp_path):
    out = run_script(capsys, tmp_path, [
        "demands sadr", "invite sadrists", "promise detainees to sadr",
        "promise withdrawal to sadrists", "offer first deputy speaker to sadr", "invite iraqiya",
        "demands iraqiya", "offer speaker to iraqiya", "offer strategic council to allawi",
        "promise lifting the bans to iraqiya", "withdraw bans", "promise curbs to iraqiya",
        "deal", "propose",
    ], "win-back-sadrists")
    said = replies(out)
    assert "the release of detainees" in said["demands sadr"]
    dead = said["promise lifting the bans to iraqiya"]
    assert "Dead end" in dead and "The bargain is stuck" in dead
    assert "Sadrist movement will not accept lifting the de-Baathification bans" in dead
    assert "Ready: every member accepts" in said["deal"]
    assert "You have won “Maliki's second term”" in said["propose"]


def test_kurdish_kingmaker_win_and_dead_end_transcripts(capsys, tmp_path):
    out = run_script(capsys, tmp_path, [
        "demands kurdish coalition", "pm allawi", "invite iraqiya", "undo", "undo",
        "pm maliki", "invite sol", "invite iraqiya", "offer president to talabani",
        "promise article 140 to barzani", "offer speaker to iraqiya",
        "offer strategic council to iraqiya", "promise curbs to iraqiya", "propose",
        "promise census to barzani", "promise oil law to barzani",
        "promise peshmerga to barzani", "promise federal council to barzani",
        "promise curbs to barzani", "deal", "propose",
    ], "kurdish-kingmaker")
    said = replies(out)
    assert "Article 140" in said["demands kurdish coalition"]
    dead = said["pm allawi"]  # State of Law and the INA will not have him: too few seats left
    assert "Dead end" in dead and "the most within reach from here is" in dead
    under_allawi = out.split("> invite iraqiya\n")[1].split("\n> ")[0]
    assert "Dead end" not in under_allawi  # still the same dead end, not announced twice
    assert "The way is open again" in out.split("> undo\n")[2].split("\n> ")[0]
    first_propose = out.split("> propose\n")[1].split("\n> ")[0]
    assert "Every member accepts" in first_propose and "You have won" not in first_propose
    assert "demands met, 8 wanted" in said["deal"] or "You have won" in out.split("> propose")[-1]
    assert "You have won “The Kurdish kingmaker”" in out.split("> propose")[-1]

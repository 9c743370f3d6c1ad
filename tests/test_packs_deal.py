"""Bargaining on any parliament: `explorer deal` (all its forms), the adventure's bargaining verbs
and the builder's deal view on both bundled packs, with what each pack's demands, red lines and
real deal say. The first tests read everything from the pack; the Belgian ones check that pack's
own story (a real post and minister, the francophone red line on BHV that ends with the
September 2011 agreement, the FDF binding the MR only while it sits in it)."""

from __future__ import annotations

import json

import pytest

from explorer.cli import main
from explorer.core.loader import load_pack

BUNDLED = ["iraq-2010", "belgium-2010"]


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def run_json(capsys, *argv):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture(scope="module", params=BUNDLED, ids=["iraq", "belgium"])
def pack(request):
    return request.param, load_pack(request.param)


def _give_args(p):
    real = p.negotiation.actual
    args = [f"--give={a.post}={a.holder}" for a in real.allocations]
    args += [f"--promise={x.policy}={x.to}" for x in real.promises]
    return args


def test_every_bundled_pack_can_bargain(pack):
    _, p = pack
    neg = p.negotiation
    assert neg is not None and neg.posts and neg.pm_post in neg.posts
    assert neg.demands and neg.red_lines and neg.actual is not None
    for item in [*neg.posts.values(), *neg.policies.values(), *neg.demands, *neg.red_lines,
                 *neg.actual.allocations, *neg.actual.promises]:
        assert item.sources, item


def test_actual_deal_json_is_judged(capsys, pack):
    content, p = pack
    data = run_json(capsys, "deal", "--content", content, "--actual")
    real = p.negotiation.actual
    assert data["title"] == real.title and data["pm"] == real.pm
    assert [a["post"] for a in data["allocations"]] == [a.post for a in real.allocations]
    assert all(a["post_name"] == p.negotiation.posts[a["post"]].name for a in data["allocations"])
    judged = data["evaluation"]
    assert judged["date"] == real.date.isoformat()
    assert judged["need"] == p.government_threshold.seats
    assert {m["member"] for m in judged["members"]} <= set(real.members)


def test_giving_the_real_posts_by_hand_matches_the_actual_deal(capsys, pack):
    """`deal MEMBERS --pm --give --promise` on the real deal's terms gives the verdicts of
    `deal --actual`: the two paths judge alike."""
    content, p = pack
    real = p.negotiation.actual
    members = [m for m in real.members if p.actors[m].exists_on(real.date)]
    by_hand = run_json(capsys, "deal", "--content", content, "--date", real.date.isoformat(),
                       *members, "--pm", real.pm, *_give_args(p))
    actual = run_json(capsys, "deal", "--content", content, "--actual")["evaluation"]
    assert by_hand["formed"] == actual["formed"]
    assert by_hand["threshold"] == p.government_threshold.id
    assert ([(m["member"], m["accepts"], m["weight"]) for m in by_hand["members"]]
            == [(m["member"], m["accepts"], m["weight"]) for m in actual["members"]])


def test_deal_text_forms_and_its_errors_are_clear(capsys, pack):
    content, p = pack
    real = p.negotiation.actual
    code, out, _ = run(capsys, "deal", "--content", content, "--actual")
    assert code == 0 and real.title in out and "How the model judges it:" in out
    first = real.allocations[0]
    assert p.negotiation.posts[first.post].name in out and first.person in out
    code, _, err = run(capsys, "deal", "--content", content, real.members[0])
    assert code == 2 and "--pm" in err
    code, _, err = run(capsys, "deal", "--content", content, real.members[0], "--pm", real.pm,
                       "--threshold", "no-such-line")
    assert code == 2 and "unknown threshold 'no-such-line'" in err
    code, _, err = run(capsys, "deal", "--content", content, real.members[0], "--pm", real.pm,
                       "--give", "no such post=" + real.members[0])
    assert code == 2 and "There is no post called" in err and "Traceback" not in err


def test_every_threshold_can_judge_a_deal(capsys, pack):
    content, p = pack
    real = p.negotiation.actual
    for th in p.thresholds:
        data = run_json(capsys, "deal", "--content", content, "--date", real.date.isoformat(),
                        *real.members, "--pm", real.pm, "--threshold", th.id)
        assert data["threshold"] == th.id and data["need"] == th.seats


def test_adventure_posts_and_demands_speak_of_the_pack(capsys, tmp_path, pack):
    content, p = pack
    neg = p.negotiation
    asker = neg.red_lines[0].actor
    script = tmp_path / "s.txt"
    script.write_text(f"date {p.negotiation.actual.date.isoformat()}\nposts\n"
                      f"demands of {p.actors[asker].name}\n", encoding="utf-8")
    code, out, _ = run(capsys, "play", "--content", content, "--script", str(script))
    assert code == 0 and "Traceback" not in out
    day = p.negotiation.actual.date
    for post in neg.posts_on(day):
        assert post.name[:1].upper() + post.name[1:] in out
    asked = out.split("> demands of", 1)[1]
    assert p.actors[asker].name in asked and "wants on" in asked and "Red line:" in asked


# -- the Belgian pack's own story ----------------------------------------------------------------

BE = "belgium-2010"
GOV = ["ps", "mr", "cdh", "cd-v", "sp-a", "open-vld"]


def _verdict(data, member):
    return next(m for m in data["members"] if m["member"] == member)


def test_belgian_actual_deal_names_its_posts_and_forms(capsys):
    code, out, _ = run(capsys, "deal", "--content", BE, "--actual")
    assert code == 0
    out = " ".join(out.split())  # the console wraps long lines
    assert "Finance and Sustainable Development: Steven Vanackere, CD&V" in out
    assert "secretary of state for Asylum, Immigration and Social Integration: Maggie De Block" \
        in out
    assert out.rstrip().endswith("The government forms.")
    data = run_json(capsys, "deal", "--content", BE, "--actual")
    assert data["evaluation"]["seats"] == 96 and data["evaluation"]["formed"]
    assert len(data["allocations"]) == 19  # 13 ministers with the premier, 6 secretaries of state


def test_francophone_red_line_on_bhv_holds_until_the_september_2011_agreement(capsys):
    terms = ["--pm", "di-rupo", "--promise", "bhv=cd-v", "--give", "finance=cd-v"]
    before = run_json(capsys, "deal", "--content", BE, "--date", "2011-06-01", *GOV, *terms)
    ps = _verdict(before, "ps")
    assert not ps["accepts"]
    line = next(r for r in ps["reasons"] if r["kind"] == "red line")
    assert "splitting Brussels-Halle-Vilvoorde" in line["text"] and line["sources"]
    assert not before["formed"]
    after = run_json(capsys, "deal", "--content", BE, "--date", "2011-10-14", *GOV, *terms)
    assert not any(r["kind"] == "red line" for r in _verdict(after, "ps")["reasons"])
    cdv = _verdict(after, "cd-v")
    assert any(r["kind"] == "demand" and r["ok"] for r in cdv["reasons"])


def test_cdv_will_not_sit_with_groen_after_13_october_2011(capsys):
    data = run_json(capsys, "deal", "--content", BE, "--date", "2011-10-14", *GOV, "groen",
                    "--pm", "di-rupo")
    reasons = _verdict(data, "cd-v")["reasons"]
    assert any(r["kind"] == "red line" and "will not sit with Groen!" in r["text"]
               for r in reasons)
    earlier = run_json(capsys, "deal", "--content", BE, "--date", "2011-10-12", *GOV, "groen",
                       "--pm", "di-rupo")
    assert not any(r["kind"] == "red line" for r in _verdict(earlier, "cd-v")["reasons"])


def test_a_faction_binds_its_list_only_while_it_sits_in_it(capsys):
    """The FDF's wish counts for the MR on 20 September 2011; it left on the 25th."""
    def fdf_reasons(day):
        data = run_json(capsys, "deal", "--content", BE, "--date", day, *GOV, "--pm", "di-rupo")
        return [r for r in _verdict(data, "mr")["reasons"] if r["text"].startswith("FDF")]
    assert fdf_reasons("2011-09-20")
    assert not fdf_reasons("2011-12-06")


def test_belgian_bargaining_in_the_adventure_forms_a_government(capsys, tmp_path):
    lines = ["demands of cd&v", "invite mr", "invite cd&v", "invite sp.a", "invite open vld",
             "invite cdh", "offer finance to cd&v", "offer foreign affairs to mr",
             "offer interior to cdh", "offer pensions to open vld", "offer economy to sp.a",
             "deal", "promise bhv to cd&v", "promise bhv to sp.a", "promise bhv to open vld",
             "offer defence to cd&v", "offer justice to open vld", "offer employment to sp.a",
             "offer budget to mr", "propose"]
    script = tmp_path / "be.txt"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "play", "--content", BE, "--challenge", "di-rupo-76",
                       "--script", str(script))
    assert code == 0 and "Traceback" not in out
    assert "Red line: CD&V will not accept sitting with Groen!" in out
    assert "CD&V refuses: CD&V is not promised splitting Brussels-Halle-Vilvoorde" in out
    assert "Every member accepts. With 96 seats (of 76 needed) the government is formed" in out


def test_belgian_promise_of_a_red_line_policy_is_refused_in_the_adventure(capsys, tmp_path):
    script = tmp_path / "be.txt"
    script.write_text("date 2011-06-01\ninvite mr\ninvite cd&v\npromise bhv to cd&v\n",
                      encoding="utf-8")
    code, out, _ = run(capsys, "play", "--content", BE, "--script", str(script))
    assert code == 0
    assert ("MR objects: MR will not accept splitting Brussels-Halle-Vilvoorde, promised to "
            "CD&V") in out



def test_the_belgian_deal_challenge_is_won_only_by_a_deal_all_accept(capsys, tmp_path):
    table = ["invite mr", "invite cd&v", "invite sp.a", "invite open vld", "invite cdh"]
    posts = ["offer finance to cd&v", "offer foreign affairs to mr", "offer interior to cdh",
             "offer pensions to open vld", "offer economy to sp.a", "offer defence to cd&v",
             "offer justice to open vld", "offer employment to sp.a", "offer budget to mr",
             "promise bhv to cd&v", "promise bhv to sp.a"]
    script = tmp_path / "be.txt"
    script.write_text("\n".join([*table, *posts, "propose", "promise bhv to open vld",
                                 "promise budget to open vld", "propose"]) + "\n",
                      encoding="utf-8")
    code, out, _ = run(capsys, "play", "--content", BE, "--challenge", "butterfly-government",
                       "--script", str(script))
    assert code == 0
    first, second = out.split("> propose")[1:3]
    assert "The deal does not carry" in first and "Open Vld refuses" in first
    assert "You have won" not in first
    assert "the government is formed" in second and "You have won" in second
    assert out.count("You have won") == 1  # 96 seats at the table were not enough on their own


def test_the_coalition_report_carries_the_deal(capsys, tmp_path, pack):
    content, p = pack
    real = p.negotiation.actual
    members = [m for m in real.members if p.actors[m].exists_on(real.date)]
    out = tmp_path / "report.md"
    assert main(["export", "coalition", "--content", content, "--date", real.date.isoformat(),
                 *members, "--pm", real.pm, *_give_args(p), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "## The deal" in text
    assert p.negotiation.posts[real.allocations[0].post].name in text
    formed = run_json(capsys, "deal", "--content", content, "--actual")["evaluation"]["formed"]
    assert ("The government **forms**" in text) == formed

"""The story order: month-dated events after what they follow, each event Now exactly once,
`explorer events --json` in that order, and bad `after` values reported as path:line."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from explorer.cli import main
from explorer.core.story import story
from explorer.core.timeline import current_event, next_event
from tests.conftest import MINI


def test_a_month_event_follows_what_it_says(bundled_atlas):
    st = story(bundled_atlas.pack)
    ids = [e.id for e in st.events]
    assert ids.index("talabani-tehran") == ids.index("results") + 1
    assert st.day_of(st.events[ids.index("talabani-tehran")]) == date(2010, 3, 26)
    assert ids.index("allawi-riyadh") == ids.index("sadrists-endorse-maliki") + 1
    assert list(st.days) == sorted(st.days)
    assert [e.id for e in bundled_atlas.pack.events] == ids  # the pack is kept in story order


def test_stepping_shows_every_event_as_now_exactly_once(bundled_atlas):
    pack = bundled_atlas.pack
    st = story(pack)
    on, at, seen = pack.start_date, None, []
    while (nxt := st.next(on, at)) is not None:
        on, at = st.days[nxt], nxt
        seen.append(st.events[st.current(on, at)].id)
    assert seen == [e.id for e in st.events]
    # and back again
    back = []
    while (prev := st.previous(on, at)) is not None:
        on, at = st.days[prev], prev
        back.append(st.events[st.current(on, at)].id)
    assert back == [e.id for e in reversed(st.events)][1:]


def test_standing_on_a_day_shows_the_last_event_of_that_day(bundled_atlas):
    pack = bundled_atlas.pack
    assert current_event(pack, date(2010, 10, 1)).id == "allawi-riyadh"
    assert current_event(pack, date(2010, 3, 27)).id == "talabani-tehran"
    assert current_event(pack, date(2010, 3, 1)).id == "debaathification-bans"
    assert next_event(pack, date(2010, 9, 16)).id == "sadrists-endorse-maliki"


def test_events_json_is_the_story_order(capsys):
    assert main(["events", "--json", "--date", "2010-03-27"]) == 0
    rows = json.loads(capsys.readouterr().out)
    ids = [r["id"] for r in rows]
    assert ids.index("talabani-tehran") == ids.index("results") + 1
    row = rows[ids.index("talabani-tehran")]
    assert row["after"] == "results" and row["standing_date"] == "2010-03-26"
    assert row["date"] == "2010-03" and row["current"] is True
    assert [r["position"] for r in rows] == list(range(len(rows)))


def _pack_with_events(tmp_path, extra: str):
    root = tmp_path / "pack"
    shutil.copytree(MINI, root)
    with open(root / "events.toml", "a", encoding="utf-8") as f:
        f.write(extra)
    return root


EVENT = '''
[[event]]
id = "{id}"
date = "{date}"
after = "{after}"
title = "A meeting"
summary = "Someone meets someone."
sources = ["https://example.org/meeting"]
'''


@pytest.mark.parametrize("events, message", [
    ([("talks", "2020-03", "nothing-like-it")], "'after' names an unknown event 'nothing-like-it'"),
    ([("a", "2020-04", "b"), ("b", "2020-04", "a")], "goes round in a circle"),
    ([("talks", "2020-01-20", "vote")], "dated to the day"),
    ([("talks", "2020-01", "merger")], "comes after the whole of January 2020"),
])
def test_bad_after_is_reported_on_its_line(tmp_path, capsys, events, message):
    text = "".join(EVENT.format(id=i, date=d, after=a) for i, d, a in events)
    root = _pack_with_events(tmp_path, text)
    code = main(["check", "--content", str(root)])
    err = capsys.readouterr()
    report = err.out + err.err
    assert code == 2 and "Traceback" not in report
    lines = (root / "events.toml").read_text().splitlines()
    after_lines = [n for n, line in enumerate(lines, 1) if line.startswith("after =")]
    assert any(f"events.toml:{n}: " in report and message in report for n in after_lines), report


def test_a_cycle_does_not_hang_or_lose_events(tmp_path):
    from explorer.core.loader import load_pack

    text = "".join(EVENT.format(id=i, date="2020-04", after=a) for i, a in (("a", "b"),
                                                                             ("b", "a")))
    root = _pack_with_events(tmp_path, text)
    pack = load_pack(root, check=False)
    assert sorted(e.id for e in story(pack).events) == sorted(e.id for e in pack.events)

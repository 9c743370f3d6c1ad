"""Quotes are quotes: quotation marks only around words taken from a cited source."""

from __future__ import annotations

import re
from datetime import date

from explorer.adventure.engine import Engine

QUOTED = re.compile(r"“([^”]*)”")


def test_the_packs_summaries_are_not_in_quotation_marks(bundled_atlas):
    game = Engine(bundled_atlas, on=date(2010, 6, 1))
    reply = game.handle("ask sadr about maliki")
    descriptions = {r.description for r in bundled_atlas.pack.relations}
    shown = [d for d in descriptions if d in reply]
    assert shown, reply  # the pack's summaries are there ...
    assert not any(q in descriptions for q in QUOTED.findall(reply))  # ... but never quoted


def test_with_the_sources_the_seed_line_itself_is_quoted(bundled_atlas, tmp_path):
    seed = "002_734202a49323b238.txt"
    lines = [f"line {n} of the article" for n in range(1, 80)]
    lines[55] = "The words the article itself uses on line fifty-six."
    (tmp_path / seed).write_text("\n".join(lines), encoding="utf-8")
    game = Engine(bundled_atlas, on=date(2010, 6, 1), sources_dir=tmp_path)
    game.handle("ask sadr about maliki")
    reply = game.handle("why")
    assert f"{seed}:56: “The words the article itself uses on line fifty-six.”" in reply
    assert all(q.startswith(("line ", "The words")) for q in QUOTED.findall(reply))

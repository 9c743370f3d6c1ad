"""One date rule: the explore list shows what `explorer actors --date` lists, on every date."""

from __future__ import annotations

import json
from datetime import date

from tui_helpers import settle

from explorer.cli import main
from explorer.tui.actor_list import ACTOR
from explorer.tui.app import make_app


def cli_ids(capsys, on: date) -> set[str]:
    assert main(["actors", "--json", "--date", on.isoformat()]) == 0
    return {a["id"] for a in json.loads(capsys.readouterr().out)}


async def test_the_explore_list_and_the_actors_command_agree(bundled_atlas, capsys):
    blocs = [a for a in bundled_atlas.pack.actors.values() if a.kind == "bloc" and a.since]
    assert blocs, "the bundled pack has a bloc formed after the vote"
    bloc = blocs[0]
    before, after = date.fromordinal(bloc.since.toordinal() - 1), bloc.since
    expected = {on: cli_ids(capsys, on) for on in (before, after)}  # before the app runs
    app = make_app(atlas=bundled_atlas, on=before)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        for on in (before, after):
            app.set_date(on)
            await settle(pilot, app)
            shown = {r[1] for r in app.screen.actor_list.rows if r[0] == ACTOR}
            assert shown == expected[on]
            assert (bloc.id in shown) == (on >= bloc.since)

"""Seats exist from the day they were declared, and dated seat claims may change them later."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date

import pytest

from explorer.cli import main
from explorer.core.seats import default_picture
from tests.conftest import MINI


def test_no_results_before_they_were_declared(bundled_atlas):
    pack = bundled_atlas.pack
    assert pack.seats_from == date(2010, 3, 26)
    assert default_picture(pack, date(2010, 3, 25)).units == ()
    assert default_picture(pack, date(2010, 3, 26)).total == 325


@pytest.mark.parametrize("argv", [
    ["coalition", "iraqiya", "--date", "2010-03-01"],
    ["power", "--date", "2010-03-01"],
    ["power", "--explain", "iraqiya", "--date", "2010-03-07"],
    ["minimal", "--date", "2010-03-25"],
])
def test_the_cli_says_no_results_yet(capsys, argv):
    assert main([*argv, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"] is False and data["results_from"] == "2010-03-26"
    assert main(argv) == 0
    assert "No results yet" in capsys.readouterr().out


DATED = '''
[[actor]]
id = "oranges"
name = "Orange List"
kind = "list"
description = "A list that loses a seat to a defection."
sources = ["https://example.org/oranges"]

[[actor.seat_claim]]
seats = 0
source = "https://example.org/results"
until = "{until}"

[[actor.seat_claim]]
seats = 1
source = "https://example.org/defection"
since = "{since}"
'''


def _pack(tmp_path, since="2020-08-01", until="2020-08-01"):
    root = tmp_path / "pack"
    shutil.copytree(MINI, root)
    (root / "actors" / "dated.toml").write_text(DATED.format(since=since, until=until))
    return root


def test_a_dated_claim_changes_the_seats_on_its_day(tmp_path):
    from explorer.core.loader import load_pack

    pack = load_pack(_pack(tmp_path))
    assert pack.seat_range("oranges", date(2020, 7, 31)) == (0, 0)
    assert pack.seat_range("oranges", date(2020, 8, 1)) == (1, 1)
    after = default_picture(pack, date(2020, 8, 2))
    assert after.unit("oranges").primary == 1


def test_a_seat_claim_dated_outside_the_pack_is_reported_at_its_line(tmp_path, capsys):
    root = _pack(tmp_path, since="2031-08-01")
    assert main(["check", "--content", str(root)]) == 2
    err = capsys.readouterr().err
    lines = (root / "actors" / "dated.toml").read_text().splitlines()
    line = 1 + lines.index('since = "2031-08-01"')
    assert re.search(rf"dated\.toml:{line}: a seat claim of 'oranges' is dated outside the pack",
                     err), err
    assert "Traceback" not in err


def test_seats_from_outside_the_pack_is_reported(tmp_path, capsys):
    root = tmp_path / "pack"
    shutil.copytree(MINI, root)
    text = (root / "pack.toml").read_text()
    (root / "pack.toml").write_text(text.replace('default_date = "2020-01-10"\n',
                                                 'default_date = "2020-01-10"\n'
                                                 'seats_from = "2019-01-01"\n'))
    assert main(["check", "--content", str(root)]) == 2
    assert "pack.toml:7: seats_from 2019-01-01 is outside the pack's dates" in \
        capsys.readouterr().err

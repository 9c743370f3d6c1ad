"""`explorer` with only the app's options skips the command parsers; nothing else changes."""

from __future__ import annotations

import pytest

from explorer import cli


@pytest.mark.parametrize("argv", [
    [], ["--present"], ["--content", "x"], ["--content=x"], ["--date", "2010-11-11", "--present"],
    ["--theme", "projector", "--sources", "seeds"], ["--version"],
])
def test_the_app_options_alone_open_the_app_directly(argv):
    assert cli._opens_the_app(argv)


@pytest.mark.parametrize("argv", [
    ["check"], ["-h"], ["--help"], ["--cont", "x"], ["--content"], ["--present=yes"],
    ["--present", "show", "maliki"], ["chek"], ["--", "check"], ["-x"],
])
def test_anything_else_goes_through_the_full_parser(argv):
    assert not cli._opens_the_app(argv)


def test_the_top_level_options_are_the_same_in_both_parsers():
    top = {a.dest for a in cli._top_parser()._actions}
    full = {a.dest for a in cli.build_parser()._actions}
    assert top == full - {"command"}
    spelled = {s for a in cli._top_parser()._actions for s in a.option_strings}
    assert set(cli.APP_VALUE_OPTIONS) | set(cli.APP_FLAGS) == spelled - {"-h", "--help"}


def test_help_still_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "check" in out and "coalition" in out and "play" in out


def test_an_unknown_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--nope"])
    assert exit_.value.code == 2
    assert "unrecognized arguments: --nope" in capsys.readouterr().err


def test_a_bad_pack_is_refused_on_the_fast_path(tmp_path, capsys):
    assert cli.main(["--content", str(tmp_path / "missing")]) == 2
    assert "no such content pack folder" in capsys.readouterr().err


def test_a_bad_date_is_refused_on_the_fast_path(capsys):
    assert cli.main(["--date=2010-13-01"]) == 2
    assert "--date" in capsys.readouterr().err

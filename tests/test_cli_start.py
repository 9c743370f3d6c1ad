"""`explorer` with only the app's options skips the command parsers; nothing else changes."""

from __future__ import annotations

import pytest

from explorer import cli


@pytest.mark.parametrize("argv", [
    [], ["--present"], ["--content", "x"], ["--content=x"], ["--date", "2010-11-11", "--present"],
    ["--theme", "projector", "--sources", "seeds"], ["--version"],
    ["--cont", "x"],  # an abbreviation the full parser takes the same way
])
def test_the_app_options_alone_open_the_app_directly(argv):
    assert cli._app_options_only(argv) is not None


@pytest.mark.parametrize("argv", [
    ["check"], ["-h"], ["--help"], ["--content"], ["--present=yes"],
    ["--present", "show", "maliki"], ["chek"], ["--", "check"], ["-x"],
])
def test_anything_else_goes_through_the_full_parser(argv):
    assert cli._app_options_only(argv) is None


def test_options_before_the_command_apply_to_it(tmp_path, capsys):
    """`explorer --content BROKEN check` checks BROKEN (it used to check the bundled pack)."""
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "pack.toml").write_text("id = \n", encoding="utf-8")
    assert cli.main(["--content", str(broken), "check"]) == 2
    assert "pack.toml:1" in capsys.readouterr().err


def test_date_before_the_command_applies_to_it(capsys):
    assert cli.main(["--date", "2010-04-01", "coalition", "iraqiya", "ina"]) == 0
    assert "On 2010-04-01" in capsys.readouterr().out


def test_an_option_after_the_command_wins(capsys):
    assert cli.main(["--date", "2010-04-01", "coalition", "--date", "2010-10-02",
                     "iraqiya", "ina"]) == 0
    assert "On 2010-10-02" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["--present", "check"], "--present does not apply to `explorer check`"),
    (["--date", "2010-04-01", "diff", "2010-03-01", "2010-04-01"],
     "--date does not apply to `explorer diff`"),
    (["--theme", "projector", "actors"], "--theme does not apply to `explorer actors`"),
])
def test_a_top_level_option_a_command_does_not_take_is_refused(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


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

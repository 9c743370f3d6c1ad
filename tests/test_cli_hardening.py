"""Command-line input that cannot hurt: dates outside the pack, scripts that are devices, FIFOs,
endless or full of escape sequences, and a reader that goes away (`| head`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("argv", [
    ["actors", "--date", "2030-01-01"], ["coalition", "iraqiya", "--date", "1999-01-01"],
    ["power", "--date", "2030-01-01"], ["relations", "--date", "2030-01-01"],
])
def test_dates_outside_the_pack_are_refused(capsys, argv):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "is outside the pack's dates" in err and "Traceback" not in err


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_a_script_that_is_not_a_regular_file_is_refused_at_once(capsys, tmp_path, target):
    if target == "fifo":
        target = str(tmp_path / "fifo")
        os.mkfifo(target)
    assert main(["play", "--script", target]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_a_script_line_longer_than_the_limit_is_refused(capsys, tmp_path):
    from explorer.cli.play import LINE_LIMIT

    script = tmp_path / "long.txt"
    script.write_text("look\n" + "x" * (LINE_LIMIT + 1) + "\n", encoding="utf-8")
    assert main(["play", "--script", str(script)]) == 2
    assert "long.txt:2: the line is longer than" in capsys.readouterr().err


def test_a_huge_script_is_refused_unread(capsys, tmp_path):
    from explorer.cli.play import SCRIPT_LIMIT

    script = tmp_path / "huge.txt"
    with open(script, "wb") as handle:
        handle.truncate(SCRIPT_LIMIT + 1)
    assert main(["play", "--script", str(script)]) == 2
    assert "too large" in capsys.readouterr().err


def test_escape_sequences_in_a_script_never_reach_the_output(capsys, tmp_path):
    script = tmp_path / "esc.txt"
    script.write_text("\x1b[31mlook\x07\nx \x1b]0;title\x07maliki\n", encoding="utf-8")
    assert main(["play", "--script", str(script)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "> [31mlook" in out


def test_endless_input_on_stdin_stops(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "EXPLORER_CONTENT"}
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run([sys.executable, "-m", "explorer", "play"], stdin=zero,
                              capture_output=True, cwd=ROOT, env=env, timeout=60)
    assert proc.returncode == 0
    assert b"longer than" in proc.stdout and len(proc.stdout) < 100_000


@pytest.mark.parametrize("argv", [["relations"], ["events"], ["actors", "--json"],
                                  ["play", "--script", "-"]])
def test_a_reader_that_goes_away_ends_quietly_with_0(argv, tmp_path):
    """The reader closes the pipe before the command writes: with rich's console that used to
    be exit status 1."""
    if argv[-1] == "-":
        script = tmp_path / "s.txt"
        script.write_text("look\n" * 300, encoding="utf-8")
        argv = ["play", "--script", str(script)]
    env = {k: v for k, v in os.environ.items() if k != "EXPLORER_CONTENT"}
    env["EXPLORER_DATA_DIR"] = str(tmp_path / "data")
    proc = subprocess.Popen([sys.executable, "-m", "explorer", *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env=env)
    proc.stdout.close()  # like `| head -c 0`
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0, err
    assert err == b""

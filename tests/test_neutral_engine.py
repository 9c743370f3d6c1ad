"""The engine speaks of no particular parliament: no string a user can read in explorer/ (the
engine, the TUI, the CLI) names an actor or place of the Iraq pack, or its numbers 163/217/325.
Docstrings and comments may use the Iraq pack as the worked example; strings may not."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from explorer.core.loader import load_pack

EXPLORER = Path(__file__).resolve().parent.parent / "explorer"
NUMBERS = ("163", "217", "325")
# words a name may share with ordinary English, which strings may use
COMMON = {"City", "House", "Leader", "Hill", "Washington", "Amin"}


def iraq_names() -> set[str]:
    """The specific names of the Iraq pack: its people's and places' surnames, its lists' short
    names, and the country."""
    pack = load_pack("iraq-2010")
    names = {"Iraq", "Iraqi", "Iraqiya", "Sadrist", "Sadrists", "ISCI", "INA", "Kurdistan"}
    for actor in pack.actors.values():
        if actor.kind not in ("person", "place"):
            continue
        for spelling in actor.names():
            words = re.findall(r"[A-Za-z][A-Za-z\-]+", spelling)
            if words and len(words[-1]) >= 4 and words[-1][0].isupper():
                names.add(words[-1])
    return names - COMMON


def user_strings(path: Path):
    """(line, text) of every string constant in a module except docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docs.add(id(body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.value


def test_the_name_list_is_not_empty():
    names = iraq_names()
    assert {"Maliki", "Allawi", "Baghdad", "Iraqiya"} <= names and len(names) > 40


def test_no_user_facing_string_names_the_iraq_pack():
    names = iraq_names()
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(names))) + r")\b"
                         r"|(?<![\d.])(" + "|".join(NUMBERS) + r")(?![\d.])")
    found = []
    for path in sorted(EXPLORER.rglob("*.py")):
        for line, text in user_strings(path):
            m = pattern.search(text)
            if m:
                found.append(f"{path.relative_to(EXPLORER.parent)}:{line}: {m.group(0)!r} in "
                             f"{text[:70]!r}")
    for path in sorted(EXPLORER.rglob("*.tcss")):
        for line, text in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            m = pattern.search(text)
            if m and not text.strip().startswith("/*"):
                found.append(f"{path.relative_to(EXPLORER.parent)}:{line}: {m.group(0)!r}")
    assert not found, "\n".join(found)


def test_the_grep_would_catch_a_planted_name(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('"""Docstring about Maliki: allowed."""\nX = "vote for Maliki at 163"\n',
                      encoding="utf-8")
    texts = [t for _, t in user_strings(module)]
    assert texts == ["vote for Maliki at 163"]


def test_the_help_of_the_command_line_names_no_pack(capsys):
    import pytest

    from explorer.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "Iraq" not in out and "Maliki" not in out

"""The one key map: docs/keys.md matches the code, one meaning per letter, rebinding by name."""

from __future__ import annotations

from pathlib import Path

from explorer.tui import keymap
from explorer.tui.app import make_app

ROOT = Path(__file__).resolve().parents[2]


def test_docs_keys_md_is_the_generated_table():
    assert (ROOT / "docs" / "keys.md").read_text(encoding="utf-8") == keymap.markdown(), \
        "docs/keys.md is stale: python -m explorer.tui.keymap > docs/keys.md"


def test_one_meaning_per_letter_across_screens():
    meanings: dict[str, set[str]] = {}
    for _title, cls in keymap.place_classes():
        for row in keymap.default_rows(cls):
            for key in row.keys:
                if len(key) == 1 and key.isalpha():
                    meanings.setdefault(key, set()).add(row.action)
    clashes = {k: v for k, v in meanings.items() if len(v) > 1}
    assert not clashes, clashes
    # the clashes the first-time student met are gone
    assert meanings["b"] == {"back"} and meanings["p"] == {"path"} and meanings["a"] == {
        "adventure"}


def test_unknown_action_and_key_are_reported_by_name():
    known = keymap.action_names()
    mapping, errors = keymap.parse_keymap(
        '[keys]\nbakc = "x"\nback = "ctrl+nosuchkey"\npath = "ctrl+w"\n', known)
    assert mapping == {"path": "ctrl+w"}
    assert any("unknown action 'bakc'" in e and "'back'" in e for e in errors), errors
    assert any("unknown key 'ctrl+nosuchkey'" in e for e in errors), errors
    assert keymap.parse_keymap("[keys\n", known)[1][0].startswith("keys.toml is not valid TOML")


async def test_a_rebound_key_works_and_shows_on_f1(bundled_atlas, tmp_path, monkeypatch):
    keys = tmp_path / "kingmaker" / "keys.toml"
    keys.parent.mkdir()
    keys.write_text('[keys]\nback = "z"\nfrobnicate = "y"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=(120, 40)) as pilot:
        assert any("frobnicate" in e for e in app._key_errors)
        app.go_to_actor("maliki")
        app.go_to_actor("allawi")
        await pilot.pause()
        await pilot.press("z")
        assert app.screen.current == "maliki"
        await pilot.press("f1")
        rows = dict((d, k) for k, d in
                    __import__("explorer.tui.help_screen", fromlist=["x"])._screen_rows(
                        app.screen.target))
        assert rows["Back"] == "z"

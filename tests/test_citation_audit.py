"""The maintainer's citation audit (tests/citation_audit.py): each seed citation beside its line."""

from __future__ import annotations

import io
import sys

import pytest
from conftest import ROOT, SEEDS
from tests_support import copy_mini

sys.path.insert(0, str(ROOT / "tests"))
import citation_audit  # noqa: E402

from explorer.core.loader import load_pack  # noqa: E402


def seeded_mini(tmp_path):
    """The mini pack citing a two-line seed file: one good citation, one past its end."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "x.txt").write_text("The first paragraph.\nThe Red List led the count.\n",
                                 encoding="utf-8")
    pack = copy_mini(tmp_path, "pack")
    actors = pack / "actors" / "all.toml"
    text = actors.read_text(encoding="utf-8")
    text = text.replace('sources = ["https://example.org/reds"]',
                        'sources = ["x.txt:2", "x.txt:9"]', 1)
    actors.write_text(text, encoding="utf-8")
    return pack, seeds


def test_lists_each_citation_with_its_line_and_flags_missing_lines(tmp_path):
    pack, seeds = seeded_mini(tmp_path)
    out = io.StringIO()
    n_seed, n_url, broken = citation_audit.audit(load_pack(pack), citation_audit.Seeds(seeds),
                                                 out=out)
    text = out.getvalue()
    assert (n_seed, broken) == (2, 1) and n_url > 0
    assert "actor reds\n  = The largest list." in text
    assert "x.txt:2\n      > The Red List led the count." in text
    assert "x.txt:9  !! no such line" in text
    assert citation_audit.main(["--content", str(pack), "--seeds", str(seeds)]) == 1


def test_missing_seed_folder_is_a_clear_error(tmp_path, capsys):
    assert citation_audit.main(["--seeds", str(tmp_path / "nowhere")]) == 2
    assert "no seed folder" in capsys.readouterr().err


def test_bundled_pack_every_seed_citation_resolves(capsys):
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not beside the checkout ({SEEDS})")
    assert citation_audit.main(["--seeds", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "0 broken seed citations" in out
    assert "relation khamenei backs national_alliance since 2010-10-18 [reported]" in out

"""Write a generated pack of many actors and relations (not committed) for the scale benchmarks.

    python benchmarks/gen_bigpack.py [OUT_DIR] [--actors 10000] [--relations 50000]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

KINDS = ["person", "party", "group", "institution", "state"]
TYPES = ["allied_with", "backs", "rival_of", "opposes", "met_with", "pressures", "negotiates_with",
         "member_of", "leads"]
DEFAULT_OUT = Path(__file__).resolve().parent / "_generated" / "bigpack"


def generate(out: Path, actors: int = 10_000, relations: int = 50_000, seed: int = 7) -> Path:
    rng = random.Random(seed)
    (out / "actors").mkdir(parents=True, exist_ok=True)
    (out / "relations").mkdir(parents=True, exist_ok=True)
    lists = 20
    seats = [rng.randint(5, 30) for _ in range(lists)]
    size = sum(seats)
    (out / "pack.toml").write_text(
        "[pack]\n"
        'id = "bigpack"\n'
        'title = "A generated pack for benchmarks"\n'
        f"parliament_size = {size}\n"
        'default_date = "2010-06-01"\n'
        'start_date = "2010-01-01"\n'
        'end_date = "2010-12-31"\n\n'
        "[[threshold]]\n"
        'id = "majority"\n'
        'name = "Majority"\n'
        f"seats = {size // 2 + 1}\n"
        'source = "https://example.org/rules"\n',
        encoding="utf-8",
    )
    chunks = []
    for i in range(lists):
        chunks.append(
            f'[[actor]]\nid = "list{i}"\nname = "List {i}"\nkind = "list"\n'
            f'aliases = ["L{i}"]\ndescription = "Generated list {i}."\n'
            f'sources = ["https://example.org/l{i}"]\nseats = {seats[i]}\n'
            f'seats_source = "https://example.org/results"\n'
        )
    syllables = ["ka", "ri", "mo", "sa", "tel", "an", "dur", "bi", "zo", "lem", "qa", "hu"]
    for i in range(lists, actors):
        name = "".join(rng.choice(syllables) for _ in range(3)).capitalize()
        kind = rng.choice(KINDS)
        chunks.append(
            f'[[actor]]\nid = "a{i}"\nname = "{name} {i}"\nkind = "{kind}"\n'
            f'aliases = ["{name.lower()}-{i}"]\ndescription = "Generated actor number {i}."\n'
            f'sources = ["https://example.org/a{i}"]\n'
        )
    per_file = 2000
    for n in range(0, len(chunks), per_file):
        (out / "actors" / f"actors{n // per_file:02d}.toml").write_text(
            "\n".join(chunks[n:n + per_file]), encoding="utf-8")
    ids = [f"list{i}" for i in range(lists)] + [f"a{i}" for i in range(lists, actors)]
    rels = []
    for j in range(relations):
        a, b = rng.sample(ids, 2)
        rels.append(
            f'[[relation]]\nfrom = "{a}"\nto = "{b}"\ntype = "{rng.choice(TYPES)}"\n'
            f'description = "Generated relation {j}."\nsources = ["https://example.org/r{j}"]\n'
        )
    for n in range(0, len(rels), 10_000):
        (out / "relations" / f"rel{n // 10_000:02d}.toml").write_text(
            "\n".join(rels[n:n + 10_000]), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", default=str(DEFAULT_OUT))
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--relations", type=int, default=50_000)
    args = parser.parse_args()
    print(generate(Path(args.out), args.actors, args.relations))


if __name__ == "__main__":
    main()

"""Rebuild (or check) the texts of the real-news corpus from saved search answers.

The repository keeps only pointers (pointers.tsv); the article excerpts are
third-party text and live in the git-ignored texts/ directory.  They are
reconstructed from the raw JSON answers of the `search` tool (corpus `pages`)
saved in the git-ignored search-answers/ directory, one file per distinct
query, named <sha256 of the query>.json (any other *.json file whose "query"
field matches is accepted too).

    python3 data/eval/realnews/rebuild.py          # write texts/<id>.txt, verify
    python3 data/eval/realnews/rebuild.py --check  # only verify existing texts/
    python3 data/eval/realnews/rebuild.py --frozen data/eval/frozen-3 [--check]

--frozen DIR rebuilds another set (frozen-2, frozen-3) the same way; such a set is a test
set as a whole, so its split rule is that every row is split=test.

Each pointer is looked up by its exact query and URL (the rank breaks ties);
the excerpt is written byte-exact as UTF-8 without an added newline and must
match the pointer's sha256 and length (in characters).  --check also verifies
that the split column follows the frozen rule described in README.md.
Prints a summary; exits 1 if any text is missing or differs.
"""
import csv
import hashlib
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
SALT = "geokg-frozen-2026-12"
TEST_PER_LANG = {"en": 33, "de": 32}


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_pointers(folder=HERE):
    with open(folder / "pointers.tsv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def load_answers(folder=HERE):
    """query -> list of results, from every JSON answer in search-answers/."""
    answers = {}
    for p in sorted((folder / "search-answers").glob("*.json")):
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(d, dict) and "query" in d:
            answers.setdefault(d["query"], []).extend(d.get("results") or [])
    return answers


def find_excerpt(results, url, rank):
    hits = [r for r in results if r.get("url") == url and "excerpt" in r]
    hits.sort(key=lambda r: r.get("rank") != rank)
    return hits[0]["excerpt"] if hits else None


def expected_split(rows):
    split = {}
    for lang, n in TEST_PER_LANG.items():
        ids = sorted((r["id"] for r in rows if r["lang"] == lang), key=lambda i: sha(SALT + i))
        split.update({i: ("test" if k < n else "dev") for k, i in enumerate(ids)})
    return split


def all_test(rows):
    """A frozen set (frozen-2, frozen-3) as a whole: no dev part, nothing is tuned on it."""
    return {r["id"]: "test" for r in rows}


def main(argv, folder=HERE, split_rule=expected_split):
    """Rebuild or check the texts of the set in `folder` (this one, or another set such as
    ../frozen-2, which passes its own split rule)."""
    check_only = "--check" in argv
    rows = load_pointers(folder)
    answers = {} if check_only else load_answers(folder)
    (folder / "texts").mkdir(exist_ok=True)
    ok = missing = differ = 0
    for r in rows:
        path = folder / "texts" / f"{r['id']}.txt"
        if check_only:
            text = path.read_bytes().decode("utf-8") if path.exists() else None
        else:
            text = find_excerpt(answers.get(r["query"], []), r["url"], int(r["rank"]))
        if text is None:
            missing += 1
            print(f"missing  {r['id']}  {r['url']}")
            continue
        if sha(text) != r["sha256"] or len(text) != int(r["length"]):
            differ += 1
            print(f"differs  {r['id']}  len {len(text)} vs {r['length']}  {r['url']}")
            continue
        if not check_only:
            path.write_bytes(text.encode("utf-8"))
        ok += 1
    rule = split_rule(rows)
    bad_split = [r["id"] for r in rows if rule[r["id"]] != r["split"]] if check_only else []
    for i in bad_split:
        print(f"split    {i} does not follow the frozen rule")
    verb = "verified" if check_only else "rebuilt"
    print(f"{len(rows)} pointers: {ok} {verb}, {missing} missing, {differ} with a different hash/length"
          + (f", {len(bad_split)} off the split rule" if check_only else ""))
    print(f"languages: " + ", ".join(f"{l} {sum(r['lang'] == l for r in rows)}" for l in sorted({r['lang'] for r in rows}))
          + f"; splits: test {sum(r['split'] == 'test' for r in rows)}, dev {sum(r['split'] == 'dev' for r in rows)}"
          + f"; {len({r['outlet'] for r in rows})} outlets")
    return 1 if (missing or differ or bad_split) else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--frozen" in args:
        where = pathlib.Path(args[args.index("--frozen") + 1]).resolve()
        sys.exit(main(args, folder=where, split_rule=all_test))
    sys.exit(main(args))

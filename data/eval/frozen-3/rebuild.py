"""Rebuild (or check) the texts of the frozen-3 real-news test set from saved search answers,
with the real-news corpus's procedure (../realnews/rebuild.py: texts/ from search-answers/,
each byte-exact and matching its pointer's sha256 and length).

    python3 data/eval/frozen-3/rebuild.py          # write texts/<id>.txt, verify
    python3 data/eval/frozen-3/rebuild.py --check  # only verify existing texts/

--check also verifies the split rule of README.md: the whole set is frozen, every row is
split=test. Prints a summary; exits 1 if any text is missing or differs.
"""
import importlib.util
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("realnews_rebuild", HERE.parent / "realnews" / "rebuild.py")
realnews = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(realnews)


def all_test(rows):
    """frozen-3 is a test set as a whole: no dev part, nothing is tuned on it."""
    return {r["id"]: "test" for r in rows}


if __name__ == "__main__":
    sys.exit(realnews.main(sys.argv[1:], folder=HERE, split_rule=all_test))

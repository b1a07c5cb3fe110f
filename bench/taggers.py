"""Can a tagger whose model ships inside its PyPI package pay for itself (issue 16, item 3)?

Measures the tokens per second of each candidate that installs from the package registry with
its model inside (no download at run time) on the real-news texts rebuilt under
`data/eval/realnews/texts/` (see that folder's README), sentence by sentence, and prints what
that means for ingestion, whose target is 50 articles/s end to end on one core.

    pip install HanTa   # the one candidate found; spaCy and Stanza models are downloads
    python bench/taggers.py [--articles 20]
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

TEXTS = Path(__file__).resolve().parent.parent / "data" / "eval" / "realnews" / "texts"
MODELS = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}


def sentences(lang: str, articles: int) -> tuple[list[list[str]], int]:
    files = sorted(TEXTS.glob(f"rn-{lang}-*.txt"))[:articles]
    out = []
    for path in files:
        for sentence in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8")):
            words = re.findall(r"\w+|[^\w\s]", sentence)
            if words:
                out.append(words)
    return out, len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20)
    args = parser.parse_args()
    try:
        from HanTa import HanoverTagger  # type: ignore[import-not-found]
    except ImportError:
        raise SystemExit("HanTa is not installed: pip install HanTa") from None
    for lang, model in MODELS.items():
        tagger = HanoverTagger.HanoverTagger(model)
        text, files = sentences(lang, args.articles)
        if not files:
            raise SystemExit(f"no texts under {TEXTS}: rebuild them first (its README)")
        tokens = sum(map(len, text))
        started = time.perf_counter()
        for words in text:
            tagger.tag_sent(words)
        seconds = time.perf_counter() - started
        print(f"HanTa {lang}: {tokens} tokens in {seconds:.2f} s = {tokens / seconds:,.0f} tokens/s; "
              f"{tokens / files:.0f} tokens per article, so {files / seconds:.1f} articles/s "
              "for tagging alone")


if __name__ == "__main__":
    main()

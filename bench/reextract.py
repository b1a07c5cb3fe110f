"""Speed of `geokg reextract --all` (articles/s): every article read again, validated and
replaced, through the real command in a process of its own.

The store: the bundled samples plus `--articles` generated ones (the samples with leader
names and years swapped, as `bench/ingest.py` makes them), ingested by `geokg ingest`.

    python bench/reextract.py --articles 300 --store /tmp/geokg-bench/reextract
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from geokg.resources import SAMPLE_ARTICLES
from ingest import corpus


def geokg(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOKG_")}
    env["GEOKG_STORE"] = f"oxigraph:{store}"
    command = [str(Path(sys.executable).with_name("geokg")), *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="generated articles")
    parser.add_argument("--store", type=Path, required=True, help="store folder (replaced)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.store.exists():
        shutil.rmtree(args.store)
    args.store.mkdir(parents=True)
    generated = args.store.parent / f"{args.store.name}-articles.jsonl"
    with generated.open("w", encoding="utf-8") as out:
        for article in corpus(args.articles, args.seed):
            out.write(json.dumps({**article, "published": str(article["published"])}) + "\n")
    geokg(args.store / "data", "ingest", str(SAMPLE_ARTICLES), str(generated))
    started = time.perf_counter()
    done = geokg(args.store / "data", "reextract", "--all")
    wall = time.perf_counter() - started
    summary = json.loads(done.stdout)
    print(json.dumps({
        "articles": summary["articles"], "reread": summary["reread"],
        "failed": summary["failed"], "skipped_curated": summary["skipped_curated"],
        "events": summary["events_after"],
        "reextract_seconds": summary["seconds"],
        "articles_per_s": summary["articles_per_s"],
        "command_seconds": round(wall, 2),  # with start-up, store opening, statistics
    }))


if __name__ == "__main__":
    main()

"""Bulk ingest throughput: `geokg ingest FILE.jsonl --jobs N` for several N, fresh store each.

The corpus is the sample articles repeated with small variations (a numbered update note
appended, the published date moved by a few days), so every text has its own hash and is
really read, and extraction does the same kind of work as on the samples.

    python bench/bulk_ingest.py --articles 150 --jobs 1 2 [--keep DIR]

Prints one JSON line per run: jobs, articles, wall seconds of the whole command (start-up,
worker start, gazetteer load included), the CPU seconds it and its workers used, the
machine's load average (the speed-up needs idle cores), and the articles/s the command
itself reports.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from geokg.resources import SAMPLE_ARTICLES

NOTES = {"de": "(Aktualisierte Fassung {n}.)", "en": "(Updated version {n}.)"}


def write_corpus(path: Path, count: int) -> None:
    samples = [json.loads(line) for line in SAMPLE_ARTICLES.read_text("utf-8").splitlines()
               if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            sample = samples[n % len(samples)]
            lang = sample.get("lang") or "en"
            published = dt.date.fromisoformat(sample["published"]) + dt.timedelta(days=n % 5)
            text = sample["text"].rstrip() + "\n\n" + NOTES.get(lang, NOTES["en"]).format(n=n)
            out.write(json.dumps({"text": text, "lang": lang, "published": published.isoformat()},
                                 ensure_ascii=False) + "\n")


def run(corpus: Path, store: Path, jobs: int) -> dict[str, object]:
    geokg = str(Path(sys.executable).with_name("geokg"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOKG_")}
    env["GEOKG_STORE"] = f"oxigraph:{store}"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    done = subprocess.run([geokg, "ingest", str(corpus), "--jobs", str(jobs)], env=env,
                          capture_output=True, text=True, check=False)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"geokg ingest failed ({done.returncode}):\n{done.stderr}")
    reported = re.search(r"(\d+) articles in ([\d.]+) s \(([\d.]+)/s", done.stderr)
    return {"jobs": jobs, "summary": done.stdout.strip(), "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 2), "load_avg_1min": round(os.getloadavg()[0], 2),
            "ingest_s": float(reported.group(2)) if reported else None,
            "articles_per_s": float(reported.group(3)) if reported else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="Write corpus and stores here (kept).")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="geokg-bulk-"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.jsonl"
    write_corpus(corpus, args.articles)
    try:
        for jobs in args.jobs:
            store = folder / f"store-jobs{jobs}"
            shutil.rmtree(store, ignore_errors=True)
            print(json.dumps({"articles": args.articles, "cpus": os.cpu_count(),
                              **run(corpus, store, jobs)}), flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

"""End-to-end ingestion speed (articles/s on one core) and the share of each stage.

Why the stages are timed by hand: `Pipeline.ingest` is one call; the target (≥ 50
articles/s with 10M triples stored) needs to know which stage to fix. The stages are the
pipeline's own functions in its own order: read_article → article_graph → SHACL check →
N-Triples → store.put_graph. The corpus is composed from the sample articles with leader
names and years swapped, so every text (and so every article id) differs.

    python bench/ingest.py --articles 300 --store /tmp/geokg-bench/ingest-empty
    python bench/ingest.py --articles 300 --store /tmp/geokg-bench/ingest-10m \
        --from-store /tmp/geokg-bench/store-10m [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import pstats
import random
import re
import shutil
import time
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from geokg.config import Settings
from geokg.extract import read_article
from geokg.extract.gazetteer import load_gazetteer
from geokg.graph.build import article_graph
from geokg.graph.validate import check
from geokg.pipeline import Pipeline, parse_published
from geokg.resources import SAMPLE_ARTICLES
from geokg.store.oxigraph import OxigraphStore

STAGES = ("read_article", "article_graph", "shacl_check", "serialize_nt", "store_put")


def corpus(count: int, seed: int) -> list[dict[str, object]]:
    """`count` distinct articles: samples with leader names and years substituted."""
    rng = random.Random(seed)
    samples = [json.loads(line) for line in SAMPLE_ARTICLES.read_text(encoding="utf-8").splitlines()]
    gaz = load_gazetteer()
    leaders = [e for e in gaz.entities.values() if e.kind == "leader"]
    articles, seen = [], set()
    while len(articles) < count:
        sample = rng.choice(samples)
        text = str(sample["text"])
        for leader in leaders:
            if leader.label_en in text or leader.label_de in text:
                other = rng.choice(leaders)
                text = text.replace(leader.label_de, other.label_de).replace(leader.label_en, other.label_en)
        year = rng.randint(2016, 2025)
        text = re.sub(r"\b20(1\d|2\d)\b", str(year), text)
        if text in seen:
            text += f"\n\n(Meldung {len(articles)})"
        seen.add(text)
        published = parse_published(sample["published"])
        assert published is not None
        articles.append({"text": text, "lang": sample["lang"],
                         "published": published.replace(year=year, day=min(published.day, 28))})
    return articles


def ingest_all(pipeline: Pipeline, articles: list[dict[str, object]]) -> dict[str, float]:
    """Ingest every article stage by stage; returns seconds per stage."""
    spent: dict[str, float] = defaultdict(float)
    gaz, mint, store = pipeline.gazetteer, pipeline.mint, pipeline.store
    for item in articles:
        t0 = time.perf_counter()
        article = read_article(str(item["text"]), published=item["published"],  # type: ignore[arg-type]
                               lang=str(item["lang"]), gazetteer=gaz)
        t1 = time.perf_counter()
        graph = article_graph(article, gaz, mint, dt.datetime.now(dt.UTC).replace(microsecond=0))
        t2 = time.perf_counter()
        check(graph)
        t3 = time.perf_counter()
        ntriples = graph.serialize(format="nt")
        t4 = time.perf_counter()
        store.put_graph(str(mint.article(article.id)), ntriples)
        t5 = time.perf_counter()
        for stage, seconds in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
            spent[stage] += seconds
    return spent


def open_pipeline(store_dir: Path, from_store: Path | None) -> Pipeline:
    """A pipeline on a fresh store, or on a backup (hard links, instant) of a loaded one."""
    if store_dir.exists():
        shutil.rmtree(store_dir)
    if from_store is not None:
        ox.Store.read_only(str(from_store)).backup(str(store_dir))
    settings = Settings(store=f"oxigraph:{store_dir}")
    return Pipeline.open(settings, OxigraphStore(store_dir))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--store", type=Path, required=True, help="store folder (replaced)")
    parser.add_argument("--from-store", type=Path, help="start from a copy of this loaded store")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="print the cProfile top 25")
    args = parser.parse_args(argv)
    articles = corpus(args.articles, args.seed)
    pipeline = open_pipeline(args.store, args.from_store)
    quads_before = pipeline.store.quad_count()
    check(article_graph(read_article(str(articles[0]["text"]), gazetteer=pipeline.gazetteer),
                        pipeline.gazetteer, pipeline.mint, dt.datetime.now(dt.UTC)))  # warm caches
    profiler = cProfile.Profile() if args.profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    spent = ingest_all(pipeline, articles)
    if profiler:
        profiler.disable()
    total = time.perf_counter() - started
    print(json.dumps({
        "articles": len(articles), "quads_before": quads_before,
        "quads_after": pipeline.store.quad_count(), "seconds": round(total, 2),
        "articles_per_s": round(len(articles) / total, 1),
        "ms_per_article": {s: round(spent[s] / len(articles) * 1000, 2) for s in STAGES},
        "share": {s: round(spent[s] / total, 3) for s in STAGES},
    }))
    pipeline.store.close()
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()

"""Bulk ingest: many articles, read in worker processes, written one by one in this one.

Extraction, graph building and SHACL validation are CPU-bound and need no store, so with
`jobs > 1` they run in a pool of processes (`ingest.prepare_article`); the store write
stays here, one article per transaction, so a crash loses at most the article being
written. Work is skipped before it starts when the article's text is already stored (its
graph IRI is the hash of the text), which makes a bulk ingest resumable: run it again and
only what is missing is read. One broken file or line is a rejection in the summary; the
rest goes in.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from geokg.errors import GeokgError
from geokg.extract.gazetteer import Gazetteer, load_gazetteer
from geokg.graph.iris import Minter
from geokg.pipeline.ingest import Pipeline, PreparedArticle, prepare_article
from geokg.pipeline.inputs import ArticleInput, article_files, read_inputs, read_jsonl_line
from geokg.pipeline.revision import revised

#: Articles handed to the pool per worker before waiting for results: keeps every worker
#: busy while the main process writes, without reading a whole corpus into memory.
IN_FLIGHT_PER_JOB = 4

#: Called once per article read: where it came from, and "accepted", "skipped" or "rejected".
Progress = Callable[[str, str], None]


@dataclass(frozen=True)
class Rejection:
    where: str  # file, or file:line for JSON Lines
    reason: str


@dataclass
class BulkSummary:
    accepted: int = 0
    skipped: int = 0  # already stored, or the same text twice in this run
    rejected: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return self.accepted + self.skipped + len(self.rejected)


def count_articles(paths: Iterable[Path]) -> int:
    """How many articles `read_articles` will yield (for a progress bar), cheaply."""
    total = 0
    for file in (f for path in paths for f in article_files(path)):
        if file.suffix == ".jsonl":
            with file.open("rb") as lines:
                total += sum(1 for line in lines if line.strip())
        elif file.suffix == ".json":
            try:
                total += max(1, len(list(read_inputs(file))))
            except (GeokgError, OSError):
                total += 1
        else:
            total += 1
    return total


def read_articles(paths: Iterable[Path]) -> Iterator[tuple[str, ArticleInput | GeokgError]]:
    """Every article of the files and folders, or the error that stands in for it.

    A .jsonl file is streamed and judged line by line; a .txt or .json file is one unit.
    """
    for file in (f for path in paths for f in article_files(path)):
        if file.suffix == ".jsonl":
            yield from _jsonl_articles(file)
            continue
        try:
            items = list(read_inputs(file))
        except GeokgError as exc:
            yield str(file), exc
        except OSError as exc:
            yield str(file), GeokgError(f"{file}: cannot read: {exc.strerror or exc}")
        else:
            yield from ((str(file), item) for item in items)


def _jsonl_articles(file: Path) -> Iterator[tuple[str, ArticleInput | GeokgError]]:
    try:
        with file.open("rb") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    where = f"{file}:{number}"
                    try:
                        yield where, read_jsonl_line(line, where)
                    except GeokgError as exc:
                        yield where, exc
    except OSError as exc:
        yield str(file), GeokgError(f"{file}: cannot read: {exc.strerror or exc}")


def bulk_ingest(pipeline: Pipeline, paths: Iterable[Path], *, jobs: int = 1,
                progress: Progress | None = None) -> BulkSummary:
    """Ingest every article under `paths` with `jobs` processes; see the module doc."""
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    started = time.monotonic()
    summary = BulkSummary()
    report = progress or (lambda where, status: None)

    def reject(where: str, reason: str) -> None:
        summary.rejected.append(Rejection(where, _strip_where(reason, where)))
        report(where, "rejected")

    new = _new_articles(pipeline, read_articles(paths), summary, reject, report)
    for where, outcome in _prepared(new, pipeline, jobs):
        if isinstance(outcome, str):
            reject(where, outcome)
            continue
        pipeline.store.replace_graphs(revised(pipeline.mint, {outcome.iri: outcome.ntriples}))
        summary.accepted += 1
        report(where, "accepted")
    summary.seconds = time.monotonic() - started
    return summary


def _new_articles(pipeline: Pipeline, items: Iterator[tuple[str, ArticleInput | GeokgError]],
                  summary: BulkSummary, reject: Callable[[str, str], None],
                  report: Progress) -> Iterator[tuple[str, ArticleInput]]:
    """The articles not stored yet (checked by hash before any work), each text once."""
    seen: set[str] = set()
    for where, item in items:
        if isinstance(item, GeokgError):
            reject(where, str(item))
            continue
        try:
            item = item.checked(pipeline.settings.max_article_chars)
        except GeokgError as exc:
            reject(where, str(exc))
            continue
        iri = pipeline.iri_of(item)
        if iri in seen or pipeline.store.has_graph(iri):
            summary.skipped += 1
            report(where, "skipped")
            continue
        seen.add(iri)
        yield where, item


def _prepared(items: Iterator[tuple[str, ArticleInput]], pipeline: Pipeline,
              jobs: int) -> Iterator[tuple[str, PreparedArticle | str]]:
    """(where, prepared article or the reason it was rejected), in input order."""
    if jobs == 1:
        for where, item in items:
            yield where, _prepare(item, pipeline.gazetteer, pipeline.mint)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a process holding RocksDB
    try:
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                                 initargs=(pipeline.settings.base_iri, os.getpid())) as pool:
            waiting: deque[tuple[str, Future[PreparedArticle | str]]] = deque()
            for where, item in items:
                waiting.append((where, pool.submit(_prepare_in_worker, item)))
                if len(waiting) >= jobs * IN_FLIGHT_PER_JOB:
                    done_where, future = waiting.popleft()
                    yield done_where, future.result()
            while waiting:
                done_where, future = waiting.popleft()
                yield done_where, future.result()
    except BrokenProcessPool:
        raise GeokgError("a worker process died (out of memory, or killed); the articles "
                         "stored so far are kept: run the same command again to go on") from None


def _prepare(item: ArticleInput, gazetteer: Gazetteer, mint: Minter) -> PreparedArticle | str:
    """The prepared article, or why not. Any failure is this article's alone: a bug that
    one odd text triggers must not stop the thousands behind it (it is reported)."""
    try:
        return prepare_article(item, gazetteer, mint)
    except GeokgError as exc:
        return str(exc)
    except Exception as exc:  # reported as this article's rejection, see above
        return f"internal error while reading the article ({type(exc).__name__}: {exc})"


_worker: tuple[Gazetteer, Minter] | None = None


def _start_worker(base_iri: str, parent: int) -> None:
    """Load what every article needs once per worker process."""
    global _worker
    end_with_parent(parent)
    _worker = (load_gazetteer(), Minter(base_iri))


#: prctl(2) option: the signal this process gets when its parent ends (Linux).
PR_SET_PDEATHSIG = 1


def end_with_parent(parent: int) -> None:
    """Make this worker end when `parent` does, even when it is killed (-9); a pool's
    `initializer` (also of the feed watcher's page reader).

    Why: a pool worker waits on a queue whose writing end its siblings hold too, so a
    parent's death is never seen there and the workers would run on for minutes. Linux
    signals the death itself (it fires when the thread that started the worker ends:
    `bulk_ingest`'s caller, which waits for the pool); elsewhere a thread watches the
    parent's pid."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before prctl took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True,
                     name="geokg-watch-parent").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _prepare_in_worker(item: ArticleInput) -> PreparedArticle | str:
    assert _worker is not None, "worker not initialised"
    return _prepare(item, *_worker)


def _strip_where(reason: str, where: str) -> str:
    """Errors from the readers start with the file name; the summary prints it once."""
    return reason.removeprefix(f"{where}: ")

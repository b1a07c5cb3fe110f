"""The `geokg` command: a thin shell over the library that turns domain errors into clean exits."""

from __future__ import annotations

import errno
import json
import os
import socket
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import click

from geokg.config import Settings
from geokg.errors import GeokgError, ShapeViolation

if TYPE_CHECKING:  # imported where used: extraction and SHACL take seconds to load, and
    # `geokg query`, `dump` and `load` need neither
    from rdflib import Graph

    from geokg.feeds.service import WatcherProcess
    from geokg.pipeline import Pipeline
    from geokg.pipeline.bulk import BulkSummary
    from geokg.pipeline.statistics import StatisticsSummary
    from geokg.store.base import QueryResult, Store

FORMATS = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "ttl": "text/turtle",
    "nt": "application/n-triples", "rdf": "application/rdf+xml", "jsonld": "application/ld+json",
}


class GeokgGroup(click.Group):
    """Every GeokgError ends the command with its message and exit code 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ShapeViolation as exc:
            click.echo(exc.report, err=True)
            raise click.ClickException(str(exc)) from None
        except GeokgError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=GeokgGroup)
@click.option("--store", envvar="GEOKG_STORE", help="oxigraph:PATH | memory | sparql:URL[,URL] "
              "(default oxigraph:./geokg-data)")
@click.pass_context
def main(ctx: click.Context, store: str | None) -> None:
    """geokg: news articles to a SHACL-validated knowledge graph served over SPARQL 1.1."""
    ctx.obj = Settings.from_env(store=store)


@main.command()
@click.option("--host", default=None, help="Interface to listen on (GEOKG_HOST).")
@click.option("--port", type=int, default=None, help="Port (GEOKG_PORT).")
@click.option("--samples/--no-samples", default=True,
              help="Load the bundled sample articles first (already stored ones are skipped).")
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="Worker processes (GEOKG_WORKERS; default: one per core, at most 8).")
@click.option("--dev", is_flag=True,
              help="werkzeug's development server (one process, threads) instead of gunicorn.")
@click.option("--watch/--no-watch", default=None,
              help="Follow the feeds of GEOKG_FEEDS in the background (default: when it is set).")
@click.pass_obj
def serve(settings: Settings, host: str | None, port: int | None, samples: bool,
          workers: int | None, dev: bool, watch: bool | None) -> None:
    """Start the SPARQL endpoint and ingest API (gunicorn; --dev: the development server).

    With GEOKG_FEEDS set it also follows those feeds (see `geokg watch`): a watcher process
    of its own beside gunicorn's workers, or a thread of the development server; /feeds
    reports on them.
    """
    from geokg.logs import configure_logging
    from geokg.pipeline import Pipeline
    from geokg.store import open_store

    settings = replace(settings, host=settings.host if host is None else host,
                       port=settings.port if port is None else port,
                       workers=settings.workers if workers is None else workers)
    follow_feeds = bool(settings.feeds) and watch is not False
    listener = _listen(settings.host, settings.port)  # a taken port fails before any work
    configure_logging()  # JSON lines, as under gunicorn.conf.py (the app adds request ids)
    # The one opening of the store, in this process (the embedded store: its engine process)
    pipeline = Pipeline(settings, open_store(settings, stoppable=True))
    pipeline.prepare()
    if pipeline.unindexed:  # a store written by an older version
        _reindex_periods(pipeline.store, pipeline.settings)
    if samples:
        from geokg.resources import SAMPLE_ARTICLES

        _ingest_all(pipeline, [SAMPLE_ARTICLES])
    # Background work of the server (the feed watcher) lives as long as the server: a
    # process of its own beside gunicorn's workers, a thread of the development server.
    if dev:
        _serve_dev(settings, pipeline, listener, follow_feeds)
    else:
        _serve_production(settings, pipeline, listener, follow_feeds)


def _serve_production(settings: Settings, pipeline: Pipeline, listener: socket.socket,
                      follow_feeds: bool) -> None:
    """gunicorn with this process as its master (`geokg.web.server`). Each worker makes its
    own app on the master's store: the engine's socket for the embedded and the `memory`
    store, a client of its own for a remote one."""
    from geokg.web import create_app, server

    store = pipeline.store
    engine_socket = store.engine_socket
    workers_settings = replace(settings, engine_socket=engine_socket or settings.engine_socket)

    def load() -> server.WsgiApp:
        return create_app(workers_settings)

    watcher = _start_watcher_process(settings, engine_socket) if follow_feeds else None

    def on_exit() -> None:  # the watcher writes through the store: it stops first
        if watcher is not None:
            watcher.stop()
        store.close()

    options = server.server_options(
        settings, workers=settings.workers or server.default_workers(),
        heartbeat_dir=os.path.dirname(engine_socket) if engine_socket else settings.run_dir,
        on_exit=on_exit)
    _announce(settings, listener)
    server.run(listener, options, load)


def _start_watcher_process(settings: Settings, engine_socket: str | None) -> WatcherProcess:
    """The deployment's one feed watcher, as under gunicorn.conf.py: a process that reads
    its settings from the environment, so the command line's store and feed list are
    passed there, with the engine's socket it writes through."""
    from geokg.feeds.service import WatcherProcess

    os.environ["GEOKG_STORE"] = settings.store
    os.environ["GEOKG_FEEDS"] = str(settings.feeds)
    if engine_socket:
        os.environ["GEOKG_ENGINE_SOCKET"] = engine_socket
    watcher = WatcherProcess()
    click.echo(f"following the feeds of {settings.feeds} (watcher {watcher.pid}; report: /feeds)")
    return watcher


def _serve_dev(settings: Settings, pipeline: Pipeline, listener: socket.socket,
               follow_feeds: bool) -> None:
    """werkzeug's development server: one process, a thread per request."""
    import signal
    import threading

    from werkzeug.serving import make_server

    from geokg.web import create_app, statistics_refresher

    app = create_app(settings, pipeline=pipeline, json_logs=True)
    server = make_server(settings.host, settings.port, app, threaded=True, fd=listener.fileno())
    _announce(settings, listener)
    listener.close()  # the server holds its own duplicate of the socket
    watcher = None
    if follow_feeds:
        from geokg.feeds.service import WatcherThread

        watcher = WatcherThread(settings, pipeline, on_stored=statistics_refresher(app).schedule)
        click.echo(f"following the feeds of {settings.feeds} (report: /feeds)")
    # SIGTERM ends the server loop like Ctrl-C does, so the watcher stops between items and
    # the store is closed (flushed) before the process ends
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        if watcher is not None:
            watcher.stop()
        pipeline.store.close()


@main.command()
@click.option("--once", is_flag=True,
              help="Poll every feed once, read the items that are due, and exit (for cron).")
@click.option("--feeds", "feed_list", type=click.Path(exists=True, dir_okay=False), default=None,
              help="The feed list, a TOML or YAML file (GEOKG_FEEDS).")
@click.pass_obj
def watch(settings: Settings, once: bool, feed_list: str | None) -> None:
    """Follow news feeds: poll each when due, read every new item's page and ingest it.

    The feeds (RSS, Atom, JSON Feed) come from the feed list (--feeds or GEOKG_FEEDS). Runs
    in the foreground, a line per poll and item on stderr, until Ctrl-C or SIGTERM; --once
    polls every feed once and exits (status 1 if a feed could not be read). The state (items
    seen, validators, errors) is kept in GEOKG_FEEDS_STATE, so a restart, also after kill -9,
    neither reads an item twice nor skips one. One watcher per state file.
    """
    import signal
    import threading
    import time

    from geokg.feeds import open_watcher
    from geokg.pipeline import Pipeline
    from geokg.pipeline.statistics import StatisticsRefresher

    if feed_list:
        settings = replace(settings, feeds=feed_list)
    if not settings.feeds:
        raise click.UsageError("name the feed list with --feeds FILE or GEOKG_FEEDS")

    def say(line: str) -> None:
        click.echo(f"{time.strftime('%H:%M:%S')} {line}", err=True)

    pipeline = Pipeline.open(settings)
    refresher = StatisticsRefresher(pipeline.refresh_statistics, settings.statistics_delay)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        # --once is a batch, like `geokg ingest`: the statistics are counted once, at its end
        # (not every GEOKG_STATISTICS_DELAY seconds while it stores a backlog)
        with open_watcher(settings, pipeline, on_stored=None if once else refresher.schedule,
                          say=say) as watcher:
            say(f"following {len(watcher.feeds)} feeds; state in {watcher.state.path}")
            if once:
                summary = watcher.run_once()
                if summary.ingested or summary.updated:
                    refresher.schedule()
            else:
                try:
                    watcher.run(stop)
                except KeyboardInterrupt:
                    say("stopping")
                summary = watcher.summary
        refresher.wait()
    finally:
        pipeline.store.close()
    failed = f" ({len(summary.failed_feeds)} failed: {', '.join(summary.failed_feeds)})" \
        if summary.failed_feeds else ""
    click.echo(f"{summary.polled} polls{failed}, {summary.new_items} new items: "
               f"{summary.ingested} ingested, {summary.updated} updated, {summary.rejected} "
               f"rejected, {summary.duplicates} duplicates, {summary.retried} to retry")
    if once and summary.failed_feeds:
        sys.exit(1)


def _announce(settings: Settings, listener: socket.socket) -> None:
    url = f"http://{_url_host(settings.host)}:{listener.getsockname()[1]}"  # port 0: the one got
    click.echo(f"geokg serving {settings.store} at {url}/ (SPARQL endpoint: {url}/sparql)")


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket, bound before the server says where it serves, or a clean exit
    naming the port and the settings that choose another."""
    from werkzeug.serving import get_sockaddr, select_address_family

    family = select_address_family(host, port)
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as werkzeug's own server
    try:
        listener.bind(get_sockaddr(host, port, family))
        listener.listen(socket.SOMAXCONN)
    except OSError as exc:
        listener.close()
        reason = "the port is already in use" if exc.errno == errno.EADDRINUSE else \
            (exc.strerror or str(exc))
        raise click.ClickException(f"cannot listen on {host}:{port}: {reason}; choose another "
                                   "port with --port or GEOKG_PORT (or another interface with "
                                   "--host or GEOKG_HOST)") from None
    return listener


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes reading articles; the store is written by this one.")
@click.pass_obj
def ingest(settings: Settings, paths: tuple[Path, ...], jobs: int) -> None:
    """Ingest articles: .txt files, .json objects or lists, .jsonl lines, or folders of them.

    Already stored texts are skipped before any work, so an interrupted run can simply be
    started again. Exit status 1 when an article was rejected (each is listed on stderr).
    The statistics graph is recomputed once at the end.
    """
    from geokg.pipeline import Pipeline

    summary = _ingest_all(Pipeline.open(settings), list(paths), jobs=jobs)
    if summary.rejected:
        sys.exit(1)


def _ingest_all(pipeline: Pipeline, paths: list[Path], *, jobs: int = 1) -> BulkSummary:
    """Bulk ingest with a progress bar on stderr, then the summary (counts on stdout)."""
    from geokg.pipeline.bulk import bulk_ingest, count_articles

    with click.progressbar(length=count_articles(paths), label="ingesting",
                           file=sys.stderr) as bar:
        summary = bulk_ingest(pipeline, paths, jobs=jobs, progress=lambda where, s: bar.update(1))
    for rejection in summary.rejected:
        click.echo(f"{rejection.where}: rejected: {rejection.reason}", err=True)
    rate = summary.total / summary.seconds if summary.seconds else 0.0
    click.echo(f"{summary.total} articles in {summary.seconds:.1f} s ({rate:.2f}/s, "
               f"{jobs} job{'s' if jobs > 1 else ''})", err=True)
    click.echo(f"{summary.accepted} ingested, {summary.skipped} already stored, "
               f"{len(summary.rejected)} rejected")
    if summary.accepted:  # nothing new stored: the counts stand
        _refresh_statistics(pipeline.store, settings=pipeline.settings)
    return summary


@main.command()
@click.option("--all", "everything", is_flag=True,
              help="Read every article again, also those the current extractor read.")
@click.option("--dry-run", is_flag=True,
              help="Read and validate, write nothing: the summary says what would change.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Read at most N articles again (skipped curated ones do not count).")
@click.option("--force", is_flag=True,
              help="Also overwrite article graphs changed by curation since they were read.")
@click.option("--every", type=click.IntRange(min=1), default=100, show_default=True,
              help="A progress line on stderr every N articles.")
@click.pass_obj
def reextract(settings: Settings, everything: bool, dry_run: bool, limit: int | None,
              force: bool, every: int) -> None:
    """Read stored articles again with the current extractor and replace their graphs.

    Finds the article graphs another extractor read (or that do not say: older graphs), or
    all with --all, reads each again from the text and metadata its graph keeps (its
    ingest time and content hash stay), validates it and replaces the old graph in one
    transaction. A graph changed by curation since it was read is skipped unless --force;
    one that fails keeps its old version. A JSON summary goes to stdout; exit status 1
    when an article failed. The statistics graph is recomputed at the end.
    """
    import time

    from geokg.pipeline import Pipeline
    from geokg.pipeline.reextract import reextract as reextract_articles

    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if done % every == 0 or done == total:
            rate = done / (time.perf_counter() - started)
            click.echo(f"reextract: {done}/{total} articles checked ({rate:.1f}/s)", err=True)

    pipeline = Pipeline.open(settings)
    try:
        summary = reextract_articles(pipeline, everything=everything, dry_run=dry_run,
                                     limit=limit, force=force, progress=progress)
    finally:
        pipeline.store.close()
    for skipped in summary.curated:
        click.echo(f"{skipped.article}: skipped: {skipped.reason}", err=True)
    for failure in summary.failed:
        click.echo(f"{failure.article}: failed, its old graph is kept: {failure.reason}", err=True)
    if summary.statistics is not None:
        _say_statistics(summary.statistics)
    click.echo(json.dumps(summary.to_json(), indent=2))
    if summary.failed:
        sys.exit(1)


def _refresh_statistics(store: Store, settings: Settings) -> None:
    """Recompute the statistics graph once, after a run's writes, with a status line."""
    from geokg.pipeline.statistics import refresh_statistics_of

    _say_statistics(refresh_statistics_of(store, settings))


def _say_statistics(summary: StatisticsSummary) -> None:
    click.echo(f"statistics: {summary.observations} observations over {summary.source_quads} "
               f"quads in {summary.seconds:.2f} s ({summary.graph})", err=True)


#: File name endings -> dataset format of `geokg dump` / `geokg load`.
DATASET_SUFFIXES = {".nq": "nquads", ".nquads": "nquads", ".trig": "trig"}


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["nquads", "trig"]), default=None,
              help="Default: from the file name (.nq, .trig), N-Quads on stdout.")
@click.pass_obj
def dump(settings: Settings, file: Path | None, fmt: str | None) -> None:
    """Write every quad of the store to FILE (or stdout) for backup or another backend.

    A file is written beside its final name and renamed at the end, so an interrupted dump
    never leaves a complete-looking backup.
    """
    from geokg.store import open_store

    fmt = fmt or _dataset_format(file)
    store = open_store(settings)
    try:
        count = store.quad_count()
        if file is None or str(file) == "-":
            _write_chunks(store.dump(fmt), sys.stdout.buffer)
        else:
            partial = file.with_name(file.name + ".partial")
            try:
                with partial.open("wb") as out:
                    _write_chunks(store.dump(fmt), out)
                partial.replace(file)
            except OSError as exc:
                partial.unlink(missing_ok=True)
                raise click.ClickException(f"cannot write {file}: {exc.strerror or exc}") from None
    finally:
        store.close()
    click.echo(f"dumped {count} quads as {fmt}", err=True)


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["nquads", "trig"]), default=None,
              help="Default: from the file name (.nq, .trig), N-Quads on stdin.")
@click.pass_obj
def load(settings: Settings, file: Path | None, fmt: str | None) -> None:
    """Add the quads of an N-Quads or TriG FILE (or stdin) to the store, all or nothing.

    Meant for dumps of a geokg store (restore, migration): the graphs are taken as they
    are, without running the shapes again. The statistics graph is recomputed at the end.
    """
    from geokg.graph.iris import Minter
    from geokg.pipeline.maintenance import load_dump
    from geokg.store import open_store

    fmt = fmt or _dataset_format(file)
    if file is None or str(file) == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise click.ClickException(f"cannot read {file}: {exc.strerror or exc}") from None
    store = open_store(settings)
    try:
        added, total = load_dump(store, Minter(settings.base_iri), data, fmt)
        click.echo(f"loaded {added} new quads ({total} in the store)", err=True)
        _reindex_periods(store, settings)
        _refresh_statistics(store, settings)
    finally:
        store.close()


@main.command()
@click.pass_obj
def reindex(settings: Settings) -> None:
    """Complete the period index (gk:inPeriod) in article graphs whose dates it misses.

    Graphs written by an older geokg, or loaded from its dumps, lack it and drop out of
    every query that asks about a period. `load` and the first start of a new version run
    this themselves.
    """
    from geokg.store import open_store

    store = open_store(settings)
    try:
        _reindex_periods(store, settings)
    finally:
        store.close()


def _reindex_periods(store: Store, settings: Settings) -> None:
    """Complete the period index, with a progress bar, and say how many graphs it took."""
    from geokg.graph.iris import Minter
    from geokg.pipeline.maintenance import reindex_graph, unindexed_graphs

    graphs = unindexed_graphs(store)
    if graphs:
        with click.progressbar(graphs, label="period index", file=sys.stderr) as bar:
            for iri in bar:
                reindex_graph(store, Minter(settings.base_iri), iri)
    click.echo(f"period index: {len(graphs)} article graph{'s' if len(graphs) != 1 else ''} "
               "completed", err=True)


@main.command()
@click.pass_obj
def statistics(settings: Settings) -> None:
    """Recompute the statistics graph: the counts three competency queries read.

    `ingest`, `load` and the web app's writes refresh it themselves; run this after writing
    to the store some other way.
    """
    from geokg.store import open_store

    store = open_store(settings)
    try:
        _refresh_statistics(store, settings)
    finally:
        store.close()


def _dataset_format(file: Path | None) -> str:
    if file is None or str(file) == "-":
        return "nquads"
    fmt = DATASET_SUFFIXES.get(file.suffix.lower())
    if fmt is None:
        raise click.UsageError(f"cannot tell the format of {file.name}; name it .nq or .trig, "
                               "or pass --format nquads|trig")
    return fmt


def _write_chunks(chunks: Iterable[bytes], out: BinaryIO) -> None:
    for chunk in chunks:
        out.write(chunk)
    out.flush()


@main.command()
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", *FORMATS]), default="table",
              help="Output format; `table` for reading in a terminal.")
@click.option("--timeout", type=click.FloatRange(0, min_open=True), default=None,
              help="Seconds the query may run before it is stopped (GEOKG_QUERY_TIMEOUT, default 30).")
@click.pass_obj
def query(settings: Settings, query: str, fmt: str, timeout: float | None) -> None:
    """Run a SPARQL query given as text or as the path of a .rq file.

    It is stopped after GEOKG_QUERY_TIMEOUT seconds (exit status 1): an embedded store runs
    it in an engine process that is killed then, as under the web server, since pyoxigraph
    cannot cancel a query; a remote store gets the limit as its HTTP timeout.
    """
    from geokg.store import open_store

    text = _query_text(query)
    if timeout is not None:
        settings = replace(settings, query_timeout=timeout)
    store = open_store(settings, stoppable=True)
    try:
        result = store.query(text)
        if fmt == "table":
            _print_table(result)
            return
        result.write(sys.stdout.buffer, FORMATS[fmt])
        sys.stdout.flush()
    finally:
        store.close()


def _query_text(query: str) -> str:
    """The query itself, or the text of the .rq file it names. A long query is no file name
    (stat fails with "File name too long"), so that is not an error."""
    try:
        is_file = Path(query).is_file()
    except OSError:
        is_file = False
    if not is_file:
        return query
    try:
        return Path(query).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"{query}: not UTF-8 text ({exc.reason})") from None


def _print_table(result: QueryResult) -> None:
    if result.kind == "ask":
        click.echo("true" if result.boolean else "false")
        return
    if result.kind == "graph":
        result.write(sys.stdout.buffer, "text/turtle")
        return
    rows = result.rows()
    click.echo("\t".join(result.variables))
    for row in rows:
        click.echo("\t".join("" if row.get(v) is None else str(row[v]) for v in result.variables))
    click.echo(f"({len(rows)} rows)", err=True)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--union", is_flag=True,
              help="Validate the union of all graphs (the SPARQL default graph) as one graph.")
def validate(file: Path, union: bool) -> None:
    """Check an RDF file against the SHACL shapes; exit status 1 when it does not conform.

    A dataset (.nq, .trig: a `geokg dump`) is checked graph by graph, as ingest checks each
    article's graph, or as one graph with --union. A file without triples is an error: a
    check of nothing must not pass.
    """
    from rdflib import Graph

    from geokg.graph.validate import validate as run_shapes

    graphs = _read_graphs(file)
    if not graphs:
        raise click.ClickException(f"{file}: no triples read, nothing to validate (an empty file, "
                                   "or its name's ending does not say its format: .ttl, .nt, "
                                   ".nq, .trig, .jsonld, .rdf)")
    if union:
        merged = Graph()
        for _, graph in graphs:
            merged += graph
        graphs = [("union of all graphs", merged)]
    failed = 0
    for name, graph in graphs:
        result = run_shapes(graph)
        click.echo(f"{name} ({len(graph)} triples): Conforms: {result.conforms}")
        if not result.conforms:
            failed += 1
            click.echo(result.report_text)
    if len(graphs) > 1:
        click.echo(f"{len(graphs) - failed} of {len(graphs)} graphs conform")
    if failed:
        sys.exit(1)


def _read_graphs(file: Path) -> list[tuple[str, Graph]]:
    """The file's non-empty graphs by name, as plain rdflib graphs: the default graph (where
    the triples of Turtle & co. go) first, named by the file, then the named graphs."""
    from rdflib import Dataset, Graph
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    dataset = Dataset()
    try:
        dataset.parse(file)  # the format from the name's ending, as rdflib guesses it
    except Exception as exc:  # rdflib raises many parser-specific types
        raise click.ClickException(f"{file}: cannot parse as RDF: {exc}") from None
    graphs = []
    for graph in sorted(dataset.graphs(), key=lambda g: (g.identifier != DATASET_DEFAULT_GRAPH_ID,
                                                         str(g.identifier))):
        if len(graph):
            plain = Graph()
            plain += graph
            default = graph.identifier == DATASET_DEFAULT_GRAPH_ID
            graphs.append((file.name if default else str(graph.identifier), plain))
    return graphs


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the report as JSON to this file.")
@click.option("--predictions", type=click.Path(dir_okay=False, path_type=Path),
              help="Write what the system read, in the gold format, to this file.")
def evaluate(gold: Path, json_out: Path | None, predictions: Path | None) -> None:
    """Score extraction against a gold file (see shared/gold-format.md)."""
    from geokg.evaluation.gold import (
        format_report,
        predictions_to_gold_format,
        report_to_json,
        run_eval,
    )

    def progress(index: int, total: int, article: str) -> None:
        click.echo(f"[{index + 1}/{total}] {article}", err=True)

    report, predicted = run_eval(gold, progress=progress)
    click.echo(format_report(report))
    if json_out:
        json_out.write_text(json.dumps(report_to_json(report), indent=2, ensure_ascii=False))
    if predictions:
        entries = json.loads(gold.read_text(encoding="utf-8"))
        predictions.write_text(json.dumps(predictions_to_gold_format(predicted, entries),
                                          indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

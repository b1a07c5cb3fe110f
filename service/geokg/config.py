"""Settings: every limit and location is a named, documented GEOKG_* environment variable.

`Settings.from_env()` reads them; tests build `Settings(...)` directly. The README's
settings table is checked against `SETTINGS_DOC` by a test, so the two cannot drift.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from urllib.parse import urlsplit

from geokg.errors import ConfigError

#: Setting name -> (environment variable, documentation). Kept beside the dataclass so a
#: new setting without documentation fails `tests/test_docs.py`.
SETTINGS_DOC: dict[str, tuple[str, str]] = {
    "store": ("GEOKG_STORE", "Where the graph lives: `oxigraph:PATH` (embedded, on disk; the "
              "default is `oxigraph:./geokg-data`), `memory` (lost at exit; tests; served, it "
              "lives in a store engine process like the embedded store, and is emptied when "
              "that engine is stopped for a timeout or crashes), or "
              "`sparql:QUERY_URL[,UPDATE_URL]` (a remote SPARQL 1.1 store)."),
    "base_iri": ("GEOKG_BASE_IRI", "Prefix of every IRI geokg mints (entities, events, articles). "
                 "Set it to the public URL when serving behind a proxy; changing it later "
                 "needs a reload of the data."),
    "host": ("GEOKG_HOST", "Interface `geokg serve` listens on (default 127.0.0.1)."),
    "port": ("GEOKG_PORT", "Port `geokg serve` listens on (default 5000)."),
    "query_timeout": ("GEOKG_QUERY_TIMEOUT", "Seconds a SPARQL query may run before it is "
                      "stopped and answered with 503 (default 30)."),
    "max_body_bytes": ("GEOKG_MAX_BODY_BYTES", "Largest accepted request body; larger gets 413 "
                       "(default 10 MB)."),
    "max_article_chars": ("GEOKG_MAX_ARTICLE_CHARS", "Longest accepted article text in characters "
                          "(default 200000, about 30,000 words; extraction takes about 2.5 s per "
                          "100,000 characters); longer gets 400."),
    "max_query_length": ("GEOKG_MAX_QUERY_LENGTH", "Longest accepted SPARQL text in characters; "
                         "longer gets 400 (default 100000)."),
    "max_query_depth": ("GEOKG_MAX_QUERY_DEPTH", "Deepest nesting of groups, brackets and "
                        "parentheses a SPARQL query or update may have; deeper gets 400 (default "
                        "128). A text that uses the word SERVICE or LOAD is also read by rdflib's "
                        "parser, which gives up at about 30 levels."),
    "max_query_operators": ("GEOKG_MAX_QUERY_OPERATORS", "Most operators (`!`, `&&`, `||`, "
                            "comparisons, arithmetic), property-path steps, group keywords "
                            "(UNION, OPTIONAL, MINUS, FILTER, BIND, GRAPH, SERVICE) and object "
                            "and predicate list separators (`,` `;`) one SPARQL text may hold; "
                            "more gets 400 (default 2000)."),
    "max_iri_length": ("GEOKG_MAX_IRI_LENGTH", "Longest IRI a curation write (`/update`, "
                       "`/store`) may store, in characters; longer gets 400 (default 4096)."),
    "max_literal_length": ("GEOKG_MAX_LITERAL_LENGTH", "Longest literal a curation write may "
                           "store, in characters; longer gets 400 (default 250000: an "
                           "article's whole text fits)."),
    "remote_user": ("GEOKG_REMOTE_USER", "User name for a remote `sparql:` store (optional)."),
    "remote_password": ("GEOKG_REMOTE_PASSWORD", "Password for a remote `sparql:` store."),
    "remote_dialect": ("GEOKG_REMOTE_DIALECT", "What engine a remote `sparql:` store runs: "
                       "`sparql11` (the default: Oxigraph, Fuseki and other stores that follow "
                       "SPARQL 1.1 and serve the union of the named graphs as their default "
                       "graph) or `virtuoso` (OpenLink Virtuoso 7; see \"Remote stores\")."),
    "write_token": ("GEOKG_WRITE_TOKEN", "Bearer token every curation write needs (`/update`, "
                    "`/store` PUT/POST/DELETE, `DELETE /articles/{id}`); at least 16 characters. "
                    "Unset (the default): those writes are refused with 403."),
    "ingest_requires_token": ("GEOKG_INGEST_REQUIRES_TOKEN", "`on`: `POST /articles` needs the "
                              "write token too (default `off`: ingest is open)."),
    "federation": ("GEOKG_FEDERATION", "`on` lets SPARQL queries use `SERVICE` to the "
                   "endpoints of GEOKG_FEDERATION_ENDPOINTS (default `off`: any SERVICE is "
                   "refused with 403)."),
    "federation_endpoints": ("GEOKG_FEDERATION_ENDPOINTS", "Comma-separated SPARQL endpoint "
                             "URLs a SERVICE clause may name (default "
                             "`https://query.wikidata.org/sparql`)."),
    "federation_max_rows": ("GEOKG_FEDERATION_MAX_ROWS", "Most solutions one SERVICE clause may "
                            "bring back; more is answered with 502 (default 10000)."),
    "federation_max_bytes": ("GEOKG_FEDERATION_MAX_BYTES", "Largest response read from a "
                             "federated endpoint (default 50 MB)."),
    "federation_allow_loopback": ("GEOKG_FEDERATION_ALLOW_LOOPBACK", "Tests only: `on` lets an "
                                  "allowlisted SERVICE endpoint on 127.0.0.0/8 or ::1 pass the "
                                  "network guard (default `off`)."),
    "max_result_rows": ("GEOKG_MAX_RESULT_ROWS", "Most rows a response built in memory (JSON "
                        "of `/articles` and other pages) may hold; more gets 422 "
                        "`result-too-large` (default 10000). Streamed `/sparql` results are "
                        "not limited."),
    "engine_socket": ("GEOKG_ENGINE_SOCKET", "Unix socket of a running store engine to share "
                      "instead of starting one; `gunicorn.conf.py` sets it for its workers "
                      "(leave unset otherwise)."),
    "run_dir": ("GEOKG_RUN_DIR", "Folder of the server's sockets: the store engine's "
                "(`engine.sock`) and, under gunicorn, its control socket (`gunicorn.ctl`, for "
                "`gunicornc`); at most 94 bytes long (a Unix socket path has at most 107). "
                "Default: a new private temporary folder per server, removed when it stops "
                "(gunicorn then opens no control socket)."),
    "data_license": ("GEOKG_DATA_LICENSE", "IRI of the licence the dataset is published under, "
                     "stated as `dcterms:license` in the VoID description (default: Apache-2.0, "
                     "the project's licence; set the terms your sources allow, or empty for none)."),
    "page_size": ("GEOKG_PAGE_SIZE", "Items per page of the lists on the pages of resources: "
                  "an entity's events, an event's evidence sentences, an article's events "
                  "(default 50); `?page=N` shows the others."),
    "description_page_size": ("GEOKG_DESCRIPTION_PAGE_SIZE", "Statements per page of a "
                              "resource's description (RDF, and the statements of its HTML "
                              "page); a longer description is served in pages linked with "
                              "`Link: rel=\"next\"` (default 1000)."),
    "export_page_size": ("GEOKG_EXPORT_PAGE_SIZE", "Events per page of "
                         "`/export/events.jsonld` (default 1000); `?page=N` and `Link: "
                         "rel=\"next\"` lead to the others."),
    "feeds": ("GEOKG_FEEDS", "The feed list the watcher follows (`geokg watch`, `geokg serve`, "
              "gunicorn): a TOML or YAML file of RSS, Atom and JSON Feed URLs with optional "
              "name, language and interval (see \"Following news feeds\"). Unset (the "
              "default): no feed is followed."),
    "feeds_state": ("GEOKG_FEEDS_STATE", "SQLite file of the watcher's state (items seen, "
                    "validators, errors, lags), written transactionally. Default: beside an "
                    "embedded store (`PATH.feeds.sqlite` for `oxigraph:PATH`), else "
                    "`feeds.sqlite` in GEOKG_RUN_DIR."),
    "feeds_interval": ("GEOKG_FEEDS_INTERVAL", "Seconds between two polls of a feed whose "
                       "entry names no `interval` (default 300; at least 1)."),
    "feeds_allow_private": ("GEOKG_FEEDS_ALLOW_PRIVATE", "Comma-separated `host:port` entries "
                            "whose loopback, private or link-local addresses the watcher may "
                            "fetch (default none: such targets are refused, also after a "
                            "redirect). Exact: `127.0.0.1:8080` admits neither "
                            "`localhost:8080` nor another port."),
    "feeds_timeout": ("GEOKG_FEEDS_TIMEOUT", "Seconds one fetch of a feed, page or robots.txt "
                      "may take, connecting, headers and body together (default 20); "
                      "slower is a failure that is retried."),
    "feeds_max_bytes": ("GEOKG_FEEDS_MAX_BYTES", "Largest feed document or page the watcher "
                        "reads, after decompression (default 5 MB); larger is refused."),
    "feeds_host_delay": ("GEOKG_FEEDS_HOST_DELAY", "Seconds between two requests of the "
                         "watcher to the same host (default 1)."),
    "feeds_retries": ("GEOKG_FEEDS_RETRIES", "Retries of a fetch that failed for a reason that "
                      "may pass (connection error, timeout, 429, 5xx) within one poll "
                      "(default 2)."),
    "feeds_retry_delay": ("GEOKG_FEEDS_RETRY_DELAY", "Seconds before the first retry of a "
                          "failed fetch, doubled for each further one; a `Retry-After` of up "
                          "to GEOKG_FEEDS_MAX_BACKOFF is honoured (default 2)."),
    "feeds_max_backoff": ("GEOKG_FEEDS_MAX_BACKOFF", "Longest pause of a feed that keeps "
                          "failing (it waits its interval times 2 to the number of failed "
                          "polls) or of a page that keeps failing (default 3600 s)."),
    "feeds_item_attempts": ("GEOKG_FEEDS_ITEM_ATTEMPTS", "Rounds in which the page of an item "
                            "that fails to download is tried again before the item is "
                            "rejected (default 5)."),
    "feeds_max_items": ("GEOKG_FEEDS_MAX_ITEMS", "Most new items taken from one poll of one "
                        "feed (default 200); the others are taken by the next polls."),
    "feeds_fetchers": ("GEOKG_FEEDS_FETCHERS", "Pages the watcher downloads and reads at once "
                       "(threads; default 4); each host still gets one request per "
                       "GEOKG_FEEDS_HOST_DELAY."),
    "feeds_user_agent": ("GEOKG_FEEDS_USER_AGENT", "User-Agent of every request of the watcher "
                         "(default `geokg-feeds/0.1 (+https://w3id.org/geokg)`); add a contact "
                         "address for the sites you follow."),
    "workers": ("GEOKG_WORKERS", "Worker processes of `geokg serve` (gunicorn, gthread); "
                "default: one per CPU core it may use, at most 8."),
    "threads": ("GEOKG_THREADS", "Threads per worker process, of `geokg serve` and of "
                "`gunicorn.conf.py` (default 8)."),
    "statistics_delay": ("GEOKG_STATISTICS_DELAY", "Seconds the web app waits after a write before "
                         "it recomputes the statistics graph in the background, so that a burst "
                         "of writes costs one refresh (default 2; 0: right after the write)."),
    "hub_events": ("GEOKG_HUB_EVENTS", "Events an entity takes part in from which the statistics "
                   "graph keeps its page's figures (statements, events, events per month), so "
                   "that its page reads no more than one page of its events (default 2000)."),
}


#: GEOKG_BASE_IRI when unset. Data is minted under it; where the server itself is named
#: (the endpoint in the service description, the base of relative IRIs in requests) the
#: request's own URL is used instead while it is the default.
DEFAULT_BASE_IRI = "http://localhost:5000/"

#: The engines a remote `sparql:` store may run (GEOKG_REMOTE_DIALECT); `geokg.store.remote`
#: holds what each does differently.
REMOTE_DIALECTS = ("sparql11", "virtuoso")

#: Shortest accepted GEOKG_WRITE_TOKEN.
MIN_WRITE_TOKEN_LENGTH = 16


@dataclass(frozen=True)
class Settings:
    store: str = "oxigraph:./geokg-data"
    base_iri: str = DEFAULT_BASE_IRI
    host: str = "127.0.0.1"
    port: int = 5000
    query_timeout: float = 30.0
    max_body_bytes: int = 10_000_000
    max_query_length: int = 100_000
    max_article_chars: int = 200_000
    max_query_depth: int = 128
    max_query_operators: int = 2000
    max_iri_length: int = 4096
    max_literal_length: int = 250_000
    remote_user: str | None = None
    remote_password: str | None = field(default=None, repr=False)
    remote_dialect: str = "sparql11"
    write_token: str | None = field(default=None, repr=False)
    ingest_requires_token: bool = False
    federation: bool = False
    federation_endpoints: str = "https://query.wikidata.org/sparql"
    federation_max_rows: int = 10_000
    federation_max_bytes: int = 50_000_000
    federation_allow_loopback: bool = False
    data_license: str = "https://www.apache.org/licenses/LICENSE-2.0"
    max_result_rows: int = 10_000
    engine_socket: str | None = None
    run_dir: str | None = None
    statistics_delay: float = 2.0
    hub_events: int = 2000
    feeds: str | None = None
    feeds_state: str | None = None
    feeds_interval: float = 300.0
    feeds_allow_private: str = ""
    feeds_timeout: float = 20.0
    feeds_max_bytes: int = 5_000_000
    feeds_host_delay: float = 1.0
    feeds_retries: int = 2
    feeds_retry_delay: float = 2.0
    feeds_max_backoff: float = 3600.0
    feeds_item_attempts: int = 5
    feeds_max_items: int = 200
    feeds_fetchers: int = 4
    feeds_user_agent: str = "geokg-feeds/0.1 (+https://w3id.org/geokg)"
    workers: int | None = None
    threads: int = 8
    page_size: int = 50
    description_page_size: int = 1000
    export_page_size: int = 1000

    def __post_init__(self) -> None:
        _check_write_token(self.write_token, self.ingest_requires_token)
        if not self.base_iri.endswith(("/", "#")):
            raise ConfigError(f"GEOKG_BASE_IRI must end with '/' or '#', got {self.base_iri!r}")
        if self.query_timeout <= 0:
            raise ConfigError("GEOKG_QUERY_TIMEOUT must be a positive number of seconds")
        if self.max_literal_length < self.max_article_chars:
            raise ConfigError("GEOKG_MAX_LITERAL_LENGTH must be at least GEOKG_MAX_ARTICLE_CHARS: "
                              "an article's text is stored as one literal")
        if self.statistics_delay < 0:
            raise ConfigError("GEOKG_STATISTICS_DELAY must be 0 or more seconds")
        if self.hub_events < 1:
            raise ConfigError("GEOKG_HUB_EVENTS must be 1 or more")
        if self.run_dir:
            _check_run_dir(self.run_dir)
        if self.remote_dialect not in REMOTE_DIALECTS:
            raise ConfigError(f"GEOKG_REMOTE_DIALECT={self.remote_dialect!r} is not known; use "
                              f"{' or '.join(REMOTE_DIALECTS)}")
        if (self.workers is not None and self.workers < 1) or self.threads < 1:
            raise ConfigError("GEOKG_WORKERS and GEOKG_THREADS must be 1 or more")
        if min(self.page_size, self.description_page_size, self.export_page_size) < 1:
            raise ConfigError("GEOKG_PAGE_SIZE, GEOKG_DESCRIPTION_PAGE_SIZE and "
                              "GEOKG_EXPORT_PAGE_SIZE must be 1 or more")
        _check_feeds(self)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from a TOML file named by GEOKG_CONFIG (optional), then GEOKG_* variables
        over it, then explicit overrides (e.g. CLI flags) over both."""
        values: dict[str, object] = _from_file(os.environ.get(CONFIG_VARIABLE))
        for f in fields(cls):
            var = SETTINGS_DOC[f.name][0]
            raw = os.environ.get(var)
            if raw is None:
                continue
            try:
                values[f.name] = _coerce(f.type, raw)
            except ValueError as exc:
                raise ConfigError(f"{var}={raw!r} is not a valid value: {exc}") from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    @property
    def feeds_private_hosts(self) -> list[tuple[str, int]]:
        """GEOKG_FEEDS_ALLOW_PRIVATE as (host, port) pairs, host in lower case."""
        return _host_ports(self.feeds_allow_private)

    @property
    def feeds_state_path(self) -> Path | None:
        """Where the watcher keeps its state (GEOKG_FEEDS_STATE, or its default), or None
        when there is no place for it (a memory or remote store without a run folder)."""
        if self.feeds_state:
            return Path(self.feeds_state)
        if self.data_dir is not None:
            folder = self.data_dir.absolute()
            return folder.with_name(folder.name + ".feeds.sqlite")
        if self.run_dir:
            return Path(self.run_dir) / "feeds.sqlite"
        return None

    @property
    def data_dir(self) -> Path | None:
        """The on-disk folder of an embedded store, or None for memory/remote stores."""
        if self.store.startswith("oxigraph:"):
            return Path(self.store.removeprefix("oxigraph:"))
        return None


CONFIG_VARIABLE = "GEOKG_CONFIG"


def _from_file(path: str | None) -> dict[str, object]:
    """A deployment's settings file: keys are the setting names of SETTINGS_DOC in lower case
    without the GEOKG_ prefix (store = "oxigraph:/var/lib/geokg", query_timeout = 10)."""
    if not path:
        return {}
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as exc:
        raise ConfigError(f"{CONFIG_VARIABLE}={path!r} cannot be read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{CONFIG_VARIABLE}={path!r} is not valid TOML: {exc}") from None
    unknown = sorted(set(data) - set(SETTINGS_DOC))
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}; "
                          f"known: {', '.join(sorted(SETTINGS_DOC))}")
    return dict(data)


def _check_write_token(token: str | None, ingest_requires_token: bool) -> None:
    """A guessable token is no protection, and requiring a token nobody can have is a typo."""
    if token is not None and token != "" and len(token) < MIN_WRITE_TOKEN_LENGTH:
        raise ConfigError(f"GEOKG_WRITE_TOKEN must be at least {MIN_WRITE_TOKEN_LENGTH} "
                          "characters; make one with: python -c 'import secrets; "
                          "print(secrets.token_urlsafe())'")
    if ingest_requires_token and not token:
        raise ConfigError("GEOKG_INGEST_REQUIRES_TOKEN is on but GEOKG_WRITE_TOKEN is not set")


#: Longest path of a Unix socket (sun_path holds 108 bytes with the closing NUL on Linux;
#: macOS allows 103, so keep run folders well below the limit there).
MAX_SOCKET_PATH_BYTES = 107
#: The longest socket name a run folder holds (gunicorn's control socket).
RUN_DIR_SOCKETS = ("engine.sock", "gunicorn.ctl")
MAX_RUN_DIR_BYTES = MAX_SOCKET_PATH_BYTES - 1 - max(len(name) for name in RUN_DIR_SOCKETS)


def _check_run_dir(run_dir: str) -> None:
    """A socket path over the limit fails only when the socket is bound, deep in a child
    process; refuse the folder up front, naming the setting."""
    length = len(os.fsencode(os.path.abspath(run_dir)))
    if length > MAX_RUN_DIR_BYTES:
        raise ConfigError(f"GEOKG_RUN_DIR={run_dir!r} is {length} bytes long as an absolute "
                          f"path; at most {MAX_RUN_DIR_BYTES} fit, because the sockets in it "
                          f"must stay within the {MAX_SOCKET_PATH_BYTES}-byte limit of Unix "
                          "socket paths: choose a shorter folder")


def _check_feeds(settings: Settings) -> None:
    """The watcher's limits: each must leave it able to fetch something, at some pace."""
    if settings.feeds_interval < 1:
        raise ConfigError("GEOKG_FEEDS_INTERVAL must be at least 1 second")
    if min(settings.feeds_timeout, settings.feeds_max_backoff) <= 0:
        raise ConfigError("GEOKG_FEEDS_TIMEOUT and GEOKG_FEEDS_MAX_BACKOFF must be positive")
    if min(settings.feeds_host_delay, settings.feeds_retry_delay, settings.feeds_retries) < 0:
        raise ConfigError("GEOKG_FEEDS_HOST_DELAY, GEOKG_FEEDS_RETRY_DELAY and "
                          "GEOKG_FEEDS_RETRIES must be 0 or more")
    if min(settings.feeds_max_bytes, settings.feeds_item_attempts, settings.feeds_max_items,
           settings.feeds_fetchers) < 1:
        raise ConfigError("GEOKG_FEEDS_MAX_BYTES, GEOKG_FEEDS_ITEM_ATTEMPTS, "
                          "GEOKG_FEEDS_MAX_ITEMS and GEOKG_FEEDS_FETCHERS must be 1 or more")
    if not settings.feeds_user_agent.strip() or any(c in settings.feeds_user_agent
                                                    for c in "\r\n"):
        raise ConfigError("GEOKG_FEEDS_USER_AGENT must be one line of text")
    _host_ports(settings.feeds_allow_private)


def _host_ports(listing: str) -> list[tuple[str, int]]:
    """`host:port` entries of a comma-separated setting (`[::1]:8080` for IPv6); a
    ConfigError names a malformed entry, so a typo never admits something else."""
    found = []
    for entry in (e.strip() for e in listing.split(",")):
        if not entry:
            continue
        try:
            parts = urlsplit(f"http://{entry}")
            port = parts.port
        except ValueError:
            port = None
        if not parts.hostname or port is None or parts.path or parts.username is not None \
                or parts.query or parts.fragment:
            raise ConfigError(f"GEOKG_FEEDS_ALLOW_PRIVATE: {entry!r} is not host:port")
        found.append((parts.hostname.lower().rstrip("."), port))
    return found


def _coerce(type_name: object, raw: str) -> object:
    name = str(type_name)
    if name.startswith("bool"):
        return _boolean(raw)
    if name.startswith("int"):
        return int(raw)
    if name.startswith("float"):
        return float(raw)
    return raw


def _boolean(raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("on", "true", "yes", "1"):
        return True
    if value in ("off", "false", "no", "0", ""):
        return False
    raise ValueError("use on or off")

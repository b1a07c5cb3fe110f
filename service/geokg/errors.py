"""Domain errors, raised low and translated once at the edges (web, cli)."""


class GeokgError(Exception):
    """Base of every error geokg raises on purpose."""


class ConfigError(GeokgError):
    """A setting has a value geokg cannot use; the message names the setting."""


class InputError(GeokgError):
    """An article or request body cannot be read (wrong encoding, empty, unknown format)."""


class QuerySyntaxError(GeokgError):
    """The SPARQL text does not parse; the message is the parser's."""


class QueryTooComplex(InputError):
    """A SPARQL text nests or chains more than the limits allow (GEOKG_MAX_QUERY_*), or is
    too long; the message names the setting. Refused before any engine reads it."""


class RefusedUpdate(GeokgError):
    """The update asks for something the server never does on a client's behalf (LOAD,
    SERVICE: both make the server fetch URLs)."""


class ExtensionRefused(GeokgError):
    """The text uses an engine's own extension that geokg never passes on (Virtuoso's
    `bif:`/`sql:` functions and DEFINE/OPTION pragmas can read files and fetch URLs)."""


class QueryTimeout(GeokgError):
    """A query ran past the configured limit (GEOKG_QUERY_TIMEOUT) and was stopped."""


class StoreError(GeokgError):
    """The store failed to read or write (disk, remote endpoint)."""


class ShapeViolation(GeokgError):
    """A graph does not conform to the SHACL shapes; nothing was stored.

    `report` is the human-readable pySHACL report, `results` a list of
    dicts (focus node, path, message, severity) for APIs.
    """

    def __init__(self, message: str, report: str, results: list[dict[str, str]]):
        super().__init__(message)
        self.report = report
        self.results = results


class ServiceRefused(GeokgError):
    """A query's SERVICE clause may not run here (federation off, endpoint not allowed)."""


class RemoteServiceError(StoreError):
    """A federated endpoint failed, answered garbage, or answered too much."""


class StoreUnavailable(StoreError):
    """The store cannot be reached right now (its engine is restarting, the remote is down);
    the same request may succeed a moment later."""


class ResultTooLarge(GeokgError):
    """A result has more rows than GEOKG_MAX_RESULT_ROWS allows for a response built in
    memory (streamed SPARQL results are not limited)."""

    def __init__(self, limit: int | str):
        if isinstance(limit, str):  # re-raised from a message (the store engine's reply)
            super().__init__(limit)
            return
        super().__init__(f"the answer has more than GEOKG_MAX_RESULT_ROWS={limit} rows; ask "
                         "for a smaller page (limit/offset) or use /sparql, which streams")


class ForbiddenTarget(GeokgError):
    """A URL the server was asked to fetch is not allowed: not on the allowlist, or it
    leads to a loopback, private, link-local or otherwise non-public address."""


class GraphNotFound(GeokgError):
    """A write or read names a graph the store does not hold."""


class PreconditionFailed(GeokgError):
    """A conditional write found the graph in another state than the caller expected: it
    changed since the caller read its ETag (If-Match), or exists (If-None-Match: *).
    Nothing was written."""


class DefaultGraphWrite(GeokgError):
    """A write would put statements in the default graph, which is the union view of all
    named graphs and read-only."""


class AccessDenied(GeokgError):
    """A write without the right bearer token (GEOKG_WRITE_TOKEN); each subclass is its own
    problem type, so a client can tell them apart."""


class WritesDisabled(AccessDenied):
    """No write token is configured: nothing a client sends can help."""


class TokenMissing(AccessDenied):
    """The request carries no usable `Authorization: Bearer …` header."""


class TokenWrong(AccessDenied):
    """The bearer token is not the configured one."""


class FetchError(GeokgError):
    """A fetch of the feed watcher that failed. `kind` names the reason for reports and
    metrics; `temporary` says whether trying again later may help; `retry_after` is the
    server's wish, if any."""

    def __init__(self, message: str, *, kind: str, temporary: bool,
                 retry_after: float | None = None):
        super().__init__(message)
        self.kind = kind
        self.temporary = temporary
        self.retry_after = retry_after


class DocumentError(GeokgError):
    """A feed or page that cannot be read; `kind` names why (reports and metrics)."""

    def __init__(self, message: str, kind: str):
        super().__init__(message)
        self.kind = kind


class WatcherBusy(GeokgError):
    """Another feed watcher follows the feeds of this state file."""

"""Domain errors, raised low and translated once at the edges (web, cli)."""


class GeokgError(Exception):
    """Base of every error geokg raises on purpose."""


class ConfigError(GeokgError):
    """A setting has a value geokg cannot use; the message names the setting."""


class InputError(GeokgError):
    """An article or request body cannot be read (wrong encoding, empty, unknown format)."""


class QuerySyntaxError(GeokgError):
    """The SPARQL text does not parse; the message is the parser's."""


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

"""Polite and safe fetching of feeds, pages and robots.txt.

Polite: a clear User-Agent (GEOKG_FEEDS_USER_AGENT), robots.txt obeyed (RFC 9309, read with
urllib.robotparser), one request per host every GEOKG_FEEDS_HOST_DELAY seconds, conditional
GET (If-None-Match, If-Modified-Since), retries of what may pass (timeouts, connection
errors, 429, 5xx) after a doubling delay, and a server's Retry-After respected.

Safe: every address is checked by the network guard (`geokg.query.netguard`, the feeds'
policy: public addresses, or an operator's exact `host:port` exceptions), redirects
included, and connections go only to the addresses just checked; one fetch takes at most
GEOKG_FEEDS_TIMEOUT seconds in all (a watchdog shuts the socket of a server that trickles
its headers or body), and reads at most GEOKG_FEEDS_MAX_BYTES, also after gzip.
"""

from __future__ import annotations

import email.utils
import http.client
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from geokg.config import Settings
from geokg.errors import FetchError, ForbiddenTarget
from geokg.query.netguard import Watchdog, check_url, feeds_policy, guarded_opener

#: How long a robots.txt is trusted before it is read again (RFC 9309 §2.4: at most 24 h).
ROBOTS_CACHE_SECONDS = 3600.0
#: The part of a robots.txt that is read (RFC 9309 §2.5 asks for at least 500 KiB).
ROBOTS_MAX_BYTES = 512_000
_CHUNK = 65_536


@dataclass(frozen=True)
class Fetched:
    """A response: 200 with its body, or 304 (the validators still hold) with none."""

    url: str  # after redirects
    status: int
    body: bytes
    media_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class HostPacer:
    """One request per host every `delay` seconds, whichever thread asks."""

    def __init__(self, delay: float, clock: Callable[[], float] = time.monotonic):
        self.delay = delay
        self.clock = clock
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self._lock:
            now = self.clock()
            turn = max(now, self._next.get(host, now))
            self._next[host] = turn + self.delay
        if turn > now:
            time.sleep(turn - now)


class Fetcher:
    """GET with the rules of the module doc; one per watcher, shared by its threads."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.policy = feeds_policy(settings)
        self.pacer = HostPacer(settings.feeds_host_delay)
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None]] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._robots_lock = threading.Lock()  # guards the two dicts

    def get(self, url: str, *, accept: str, etag: str | None = None,
            last_modified: str | None = None) -> Fetched:
        """The resource at `url` (FetchError otherwise), after robots.txt allowed it;
        retried GEOKG_FEEDS_RETRIES times when the failure may pass."""
        self._check(url)
        self.check_robots(url)
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                return self._once(url, headers, self.settings.feeds_max_bytes)
            except FetchError as exc:
                wait = self.settings.feeds_retry_delay * 2 ** attempt
                if not exc.temporary or attempt >= self.settings.feeds_retries \
                        or (exc.retry_after or 0) > wait:
                    raise
            attempt += 1
            time.sleep(wait)

    # -- robots.txt --------------------------------------------------------------------------
    def check_robots(self, url: str) -> None:
        """FetchError unless the site's robots.txt lets our User-Agent fetch `url`."""
        parts = urllib.parse.urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._robots_lock:
            origin_lock = self._robots_locks.setdefault(origin, threading.Lock())
        with origin_lock:  # one read per site, however many threads want it
            with self._robots_lock:
                cached = self._robots.get(origin)
            if cached is None or time.monotonic() - cached[0] > ROBOTS_CACHE_SECONDS:
                cached = (time.monotonic(), self._read_robots(origin))
                with self._robots_lock:
                    self._robots[origin] = cached
        rules = cached[1]
        if rules is not None and not rules.can_fetch(self.settings.feeds_user_agent, url):
            raise FetchError(f"{origin}/robots.txt disallows {url} for our User-Agent",
                             kind="robots", temporary=False)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The rules of a site; None (everything allowed) when it has none (a 4xx answer).
        A server error or no answer is a temporary failure: RFC 9309 §2.3.1.4 has it read
        as "disallow everything" until the file can be read."""
        try:
            fetched = self._once(f"{origin}/robots.txt", {"Accept": "text/plain"}, ROBOTS_MAX_BYTES,
                                 truncate=True)
        except FetchError as exc:
            if exc.kind in ("not-found", "http"):
                return None
            if exc.kind == "refused":  # a redirect to where nothing is fetched
                raise FetchError(f"{origin}/robots.txt: {exc}", kind="refused",
                                 temporary=False) from None
            raise FetchError(f"{origin}/robots.txt cannot be read ({exc}); nothing of the site is "
                             "fetched until it can", kind="robots", temporary=True) from None
        rules = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        rules.parse(fetched.body.decode(fetched.charset or "utf-8", "replace").splitlines())
        return rules

    # -- one request -------------------------------------------------------------------------
    def _check(self, url: str) -> None:
        try:
            check_url(url, self.policy)
        except ForbiddenTarget as exc:
            raise FetchError(str(exc), kind="refused", temporary=False) from None

    def _once(self, url: str, headers: dict[str, str], limit: int, *,
              truncate: bool = False) -> Fetched:
        self._check(url)
        self.pacer.wait(urllib.parse.urlsplit(url).hostname or "")
        watchdog = Watchdog(self.settings.feeds_timeout)
        opener = guarded_opener(self.policy, on_socket=watchdog.add)
        request = urllib.request.Request(url, headers={
            **headers, "User-Agent": self.settings.feeds_user_agent, "Accept-Encoding": "gzip"})
        try:
            with opener.open(request, timeout=self.settings.feeds_timeout) as response:
                body = _read_body(response, limit, watchdog, truncate)
                return _fetched(response, body)
        except FetchError:
            raise
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return _not_modified(url, exc, headers)
            raise _http_failure(url, exc) from None
        except ForbiddenTarget as exc:  # a redirect, or an address at connect time
            raise FetchError(str(exc), kind="refused", temporary=False) from None
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if watchdog.expired:
                raise FetchError(f"{url} took longer than GEOKG_FEEDS_TIMEOUT="
                                 f"{self.settings.feeds_timeout:g} s", kind="timeout",
                                 temporary=True) from None
            reason = getattr(exc, "reason", exc)
            kind = "timeout" if isinstance(reason, TimeoutError) else "network"
            raise FetchError(f"{url}: {reason}", kind=kind, temporary=True) from None
        finally:
            watchdog.cancel()


def _read_body(response: Any, limit: int, watchdog: Watchdog, truncate: bool) -> bytes:
    """The body, decompressed, at most `limit` bytes (FetchError beyond, or cut there when
    `truncate`); a body cut short by the watchdog is a timeout, not a short page."""
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip"):
        raise FetchError(f"{response.url}: unsupported Content-Encoding {encoding!r}",
                         kind="unreadable", temporary=False)
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit and not truncate:
        raise FetchError(f"{response.url} is {int(declared)} bytes long; at most {limit} are read "
                         "(GEOKG_FEEDS_MAX_BYTES)", kind="too-large", temporary=False)
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding != "identity" else None
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = response.read1(_CHUNK)
        if watchdog.expired:
            raise OSError("timed out")
        if not chunk:
            break
        if inflater is not None:
            try:
                chunk = inflater.decompress(chunk, limit + 1 - size)
            except zlib.error as exc:
                raise FetchError(f"{response.url}: broken gzip body ({exc})", kind="unreadable",
                                 temporary=False) from None
            if inflater.unconsumed_tail:
                size = limit + 1  # more is waiting to be inflated than the limit allows
        parts.append(chunk)
        size += len(chunk)
    body = b"".join(parts)
    if size > limit:
        if truncate:
            return body[:limit]
        raise FetchError(f"{response.url} is larger than {limit} bytes (GEOKG_FEEDS_MAX_BYTES)",
                         kind="too-large", temporary=False)
    return body


def _fetched(response: Any, body: bytes) -> Fetched:
    content_type = response.headers.get_content_type()
    return Fetched(url=response.url, status=response.status, body=body, media_type=content_type,
                   charset=response.headers.get_content_charset(),
                   etag=response.headers.get("ETag"),
                   last_modified=response.headers.get("Last-Modified"))


def _not_modified(url: str, error: urllib.error.HTTPError, sent: dict[str, str]) -> Fetched:
    """A 304 (urllib raises it as an error): the validators sent still hold."""
    headers = error.headers
    error.close()
    return Fetched(url=url, status=304, body=b"", media_type="", charset=None,
                   etag=headers.get("ETag") or sent.get("If-None-Match"),
                   last_modified=headers.get("Last-Modified") or sent.get("If-Modified-Since"))


def _http_failure(url: str, error: urllib.error.HTTPError) -> FetchError:
    """An HTTP status other than 2xx and 304 as a FetchError of its kind."""
    status = error.code
    headers = error.headers
    error.close()
    message = f"{url} answered {status} {error.reason}"
    if status in (404, 410):
        return FetchError(message, kind="not-found", temporary=False)
    if status == 429 or status >= 500:
        return FetchError(message, kind="server" if status >= 500 else "throttled", temporary=True,
                          retry_after=_retry_after(headers.get("Retry-After")))
    if 300 <= status < 400:
        return FetchError(f"{message} (too many or broken redirects)", kind="http", temporary=False)
    return FetchError(message, kind="http", temporary=False)


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds from now: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())

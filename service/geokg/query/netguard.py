"""The network guard: every URL the server fetches on a client's behalf passes here first.

Why: a SPARQL `SERVICE <url>` or `LOAD <url>` makes the server send a request from inside
its network; unguarded, any client can read cloud metadata (169.254.169.254), admin ports
on 127.0.0.1 or hosts on the private LAN (server-side request forgery). The rule:

* only `http`/`https` URLs whose scheme, host and port are those of an endpoint in
  GEOKG_FEDERATION_ENDPOINTS (the allowlist) may be fetched, and
* every address the host resolves to must be public: loopback, private, link-local,
  shared (CGNAT), multicast, reserved and unspecified addresses are refused, also when
  hidden in IPv4-mapped, 6to4, Teredo or NAT64 IPv6 addresses, in decimal or hex IPv4
  spellings (the resolver normalises them), or behind a DNS name.

`check_url` is the check. `guarded_opener` is a urllib opener that applies it to every
redirect and connects only to the addresses it has just checked (no second DNS lookup a
rebinding name could answer differently), without environment proxies.
GEOKG_FEDERATION_ALLOW_LOOPBACK (tests only) admits loopback addresses, nothing else.

Who may be fetched is a `Policy`. Federation's (`federation_policy`, what a `Settings` stands
for here) allows the allowlisted endpoints only. The feed watcher's (`feeds_policy`) allows
any origin, since news links point anywhere, but the address rule holds all the same; an
operator admits a non-public server by its exact `host:port` (GEOKG_FEEDS_ALLOW_PRIVATE),
and that admits nothing else: a redirect from it to another port or host is checked anew.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import threading
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from geokg.config import Settings
from geokg.errors import ForbiddenTarget

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_DEFAULT_PORTS = {"http": 80, "https": 443}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


Origin = tuple[str, str, int]  # scheme, host (lower case), port


@dataclass(frozen=True)
class Policy:
    """Which targets one kind of server-side fetch may reach.

    `origins`: the only origins allowed (None: any origin). Every address a host resolves
    to must be public, except loopback with `allow_loopback`, and any address of a
    `(host, port)` in `non_public_ok` (an operator's explicit exception)."""

    origins: frozenset[Origin] | None
    allowlist_setting: str = "GEOKG_FEDERATION_ENDPOINTS"
    allow_loopback: bool = False
    non_public_ok: frozenset[tuple[str, int]] = frozenset()


Guard = Policy | Settings


def federation_policy(settings: Settings) -> Policy:
    """SERVICE endpoints: the allowlist GEOKG_FEDERATION_ENDPOINTS, public addresses only."""
    return Policy(frozenset(_allowed_origins(settings)),
                  allow_loopback=settings.federation_allow_loopback)


def feeds_policy(settings: Settings) -> Policy:
    """Feeds and the pages they link: any origin with public addresses, and the `host:port`
    entries of GEOKG_FEEDS_ALLOW_PRIVATE whatever their addresses."""
    return Policy(None, non_public_ok=frozenset(settings.feeds_private_hosts))


def _policy(guard: Guard) -> Policy:
    return guard if isinstance(guard, Policy) else federation_policy(guard)


def check_url(url: str, guard: Guard) -> None:
    """Raise ForbiddenTarget unless the server may fetch `url` (see the module doc)."""
    policy = _policy(guard)
    scheme, host, port = _origin(url)
    if policy.origins is not None and (scheme, host, port) not in policy.origins:
        raise ForbiddenTarget(f"{url} is not on the allowlist ({policy.allowlist_setting})")
    resolve_checked(host, port, policy)


def resolve_checked(host: str, port: int, guard: Guard) -> list[str]:
    """The addresses of `host`, all checked; ForbiddenTarget if any one is not public."""
    policy = _policy(guard)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise ForbiddenTarget(f"cannot resolve {host!r}: {exc}") from None
    addresses = sorted({str(info[4][0]) for info in infos})
    if not addresses:
        raise ForbiddenTarget(f"{host!r} has no address")
    if (host.lower().rstrip("."), port) in policy.non_public_ok:
        return addresses
    for address in addresses:
        reason = refusal(address, allow_loopback=policy.allow_loopback)
        if reason:
            raise ForbiddenTarget(f"{host} resolves to {address}, {reason}; the server never "
                                  "fetches from such addresses")
    return addresses


def refusal(address: str, *, allow_loopback: bool = False) -> str | None:
    """Why the address may not be contacted, or None when it is a public address."""
    try:
        ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    for embedded in _embedded_ipv4(ip):
        reason = refusal(str(embedded), allow_loopback=allow_loopback)
        if reason:
            return f"{reason} (embedded in {ip})"
    if ip.is_loopback:
        return None if allow_loopback else "a loopback address"
    checks = (("is_unspecified", "an unspecified address"), ("is_link_local", "a link-local address"),
              ("is_multicast", "a multicast address"), ("is_private", "a private address"),
              ("is_reserved", "a reserved address"))
    for attribute, reason in checks:
        if getattr(ip, attribute):
            return reason
    if not ip.is_global:
        return "not a public address"
    return None


def _embedded_ipv4(ip: IPAddress) -> list[ipaddress.IPv4Address]:
    if not isinstance(ip, ipaddress.IPv6Address):
        return []
    found = [ip.ipv4_mapped, ip.sixtofour, ip.teredo[1] if ip.teredo else None]
    if ip in _NAT64:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [a for a in found if a is not None]


def _origin(url: str) -> Origin:
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise ForbiddenTarget(f"{url!r} is not a valid URL: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise ForbiddenTarget(f"{url!r}: only http and https URLs are fetched")
    if not parts.hostname:
        raise ForbiddenTarget(f"{url!r} names no host")
    if parts.username is not None or parts.password is not None:
        raise ForbiddenTarget(f"{url!r}: URLs with credentials are not fetched")
    return scheme, parts.hostname.lower().rstrip("."), port or _DEFAULT_PORTS[scheme]


def _allowed_origins(settings: Settings) -> set[Origin]:
    origins = set()
    for endpoint in settings.federation_endpoints.split(","):
        if endpoint.strip():
            try:
                origins.add(_origin(endpoint))
            except ForbiddenTarget:
                continue  # a malformed allowlist entry allows nothing
    return origins


# --- fetching -----------------------------------------------------------------------------

SocketHook = Callable[[socket.socket], None]


def _pinned_connection(policy: Policy, on_socket: SocketHook | None = None) -> Any:
    """socket.create_connection that only connects to the checked addresses of the host;
    `on_socket` sees each connected socket (a caller's deadline can shut it down)."""

    def create(address: tuple[str, int], timeout: Any = socket._GLOBAL_DEFAULT_TIMEOUT,  # type: ignore[attr-defined]
               source_address: Any = None) -> socket.socket:
        host, port = address
        error: OSError | None = None
        for ip in resolve_checked(host, port, policy):
            try:
                connected = socket.create_connection((ip, port), timeout, source_address)
                if on_socket is not None:
                    on_socket(connected)
                return connected
            except OSError as exc:
                error = exc
        try:
            raise error or OSError(f"cannot connect to {host}")
        finally:
            # the local would keep the error, its traceback and so this frame in a cycle,
            # and with it the caller's frames (and any pyoxigraph result there) until the
            # cyclic collector runs on some other thread
            error = None

    return create


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, guard: Policy, on_socket: SocketHook | None = None,
                 **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._create_connection = _pinned_connection(guard, on_socket)


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, guard: Policy, on_socket: SocketHook | None = None,
                 **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._create_connection = _pinned_connection(guard, on_socket)


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, policy: Policy, on_socket: SocketHook | None):
        super().__init__()
        self.policy = policy
        self.on_socket = on_socket

    def http_open(self, req: Any) -> Any:
        return self.do_open(cast(Any, _GuardedHTTPConnection), req, guard=self.policy,
                            on_socket=self.on_socket)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, policy: Policy, on_socket: SocketHook | None):
        super().__init__()
        self.policy = policy
        self.on_socket = on_socket

    def https_open(self, req: Any) -> Any:
        return self.do_open(cast(Any, _GuardedHTTPSConnection), req, guard=self.policy,
                            on_socket=self.on_socket,
                            context=self._context)  # type: ignore[attr-defined]


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is a new fetch: its target must pass `check_url` again."""

    def __init__(self, policy: Policy):
        super().__init__()
        self.policy = policy

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> Any:
        try:
            check_url(newurl, self.policy)
        except ForbiddenTarget:
            fp.close()  # the 3xx response: nobody else reads or closes it now (its socket leaked)
            raise
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def guarded_opener(guard: Guard, *, on_socket: SocketHook | None = None
                   ) -> urllib.request.OpenerDirector:
    """A urllib opener for server-side fetches: checked URLs, redirects and addresses."""
    policy = _policy(guard)
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _GuardedHTTPHandler(policy, on_socket),
        _GuardedHTTPSHandler(policy, on_socket), _CheckedRedirects(policy))


class Watchdog:
    """Shuts the sockets of one fetch when its time is up (pass `add` as `on_socket`): a
    socket timeout bounds each read, not a server that sends one byte just before every
    timeout."""

    def __init__(self, seconds: float):
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # closed already


def fetch(url: str, settings: Settings, *, data: bytes | None = None,
          headers: dict[str, str] | None = None, timeout: float | None = None,
          on_socket: SocketHook | None = None) -> Any:
    """Open `url` after `check_url`, through `guarded_opener` (the caller closes it)."""
    check_url(url, settings)
    request = urllib.request.Request(url, data=data, headers=headers or {})
    opener = guarded_opener(settings, on_socket=on_socket)
    return opener.open(request, timeout=timeout or settings.query_timeout)

"""Attacks on the watcher's guards: a feed or page that leads to a private address (by a
redirect, a link, an IPv6 or IPv4-mapped spelling, another port of the admitted host), a
document that names a local file or external entities, and settings that would admit more
than an operator wrote. Every refusal is checked where it matters: nothing reached the target."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from feedsite import FeedSite, Route, feed_site, watcher_settings, write_feed_list
from geokg.config import Settings
from geokg.errors import ConfigError, DocumentError, FetchError
from geokg.feeds import open_watcher
from geokg.feeds.documents import read_feed
from geokg.feeds.fetch import Fetcher
from geokg.pipeline import Pipeline
from geokg.query import netguard


@pytest.fixture
def other() -> Iterator[FeedSite]:
    """A second server on another port of 127.0.0.1: not admitted, must never be reached."""
    with feed_site() as running:
        yield running


class Listener:
    """A bare socket that counts connections (for targets no HTTP server should see)."""

    def __init__(self, host: str = "127.0.0.1"):
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.sock = socket.socket(family)
        self.sock.bind((host, 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.sock.close()


def _fetcher(site: FeedSite, **overrides: object) -> Fetcher:
    values: dict[str, object] = {"store": "memory", "feeds_allow_private": f"127.0.0.1:{site.port}",
                                 "feeds_retries": 0, "feeds_host_delay": 0, "feeds_timeout": 3}
    values.update(overrides)
    return Fetcher(Settings(**values))  # type: ignore[arg-type]


def _refused(fetcher: Fetcher, url: str) -> FetchError:
    with pytest.raises(FetchError) as raised:
        fetcher.get(url, accept="*/*")
    assert raised.value.kind == "refused", raised.value
    assert not raised.value.temporary
    return raised.value


# --- the admitted host:port, and nothing else ----------------------------------------------

def test_the_admitted_host_and_port_is_reachable(site: FeedSite) -> None:
    site.routes["/x"] = Route(b"<p>hello</p>")
    assert _fetcher(site).get(f"{site.url}/x", accept="*/*").body == b"<p>hello</p>"


def test_private_addresses_are_refused_unless_admitted(site: FeedSite) -> None:
    site.routes["/x"] = Route(b"hi")
    _refused(_fetcher(site, feeds_allow_private=""), f"{site.url}/x")
    assert site.hits == []


@pytest.mark.parametrize("spelling", ["localhost:{port}", "[::ffff:127.0.0.1]:{port}",
                                      "127.1:{port}", "2130706433:{port}", "0x7f000001:{port}",
                                      "127.0.0.2:{port}"])
def test_other_spellings_of_the_admitted_host_are_not_admitted(site: FeedSite, spelling: str) -> None:
    site.routes["/x"] = Route(b"hi")
    _refused(_fetcher(site), "http://" + spelling.format(port=site.port) + "/x")
    assert site.hits == []


def test_another_port_of_the_admitted_host_is_refused(site: FeedSite) -> None:
    listener = Listener()
    try:
        _refused(_fetcher(site), f"http://127.0.0.1:{listener.port}/")
        assert listener.connections == 0
    finally:
        listener.close()


@pytest.mark.parametrize("target", ["http://127.0.0.1:{other}/", "http://localhost:{port}/x",
                                    "http://[::1]:{other}/", "http://[::ffff:127.0.0.1]:{other}/",
                                    "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/",
                                    "http://[fe80::1]/", "http://[64:ff9b::7f00:1]/",
                                    "file:///etc/passwd", "gopher://127.0.0.1:{other}/"])
def test_a_redirect_to_another_private_target_is_refused_and_nothing_is_fetched(
        site: FeedSite, other: FeedSite, target: str) -> None:
    location = target.format(other=other.port, port=site.port)
    other.routes["/"] = Route(b"secret")
    site.routes["/jump"] = Route(b"", status=302, headers={"Location": location})
    with pytest.raises(FetchError) as raised:
        _fetcher(site).get(f"{site.url}/jump", accept="*/*")
    # the guard refuses; urllib itself refuses other schemes: either way for good
    assert raised.value.kind in ("refused", "http") and not raised.value.temporary
    assert other.hits == []
    assert [hit.path for hit in site.hits] == ["/robots.txt", "/jump"]


def test_a_redirect_chain_back_to_the_admitted_host_is_followed(site: FeedSite) -> None:
    site.routes["/a"] = Route(b"", status=301, headers={"Location": "/b"})
    site.routes["/b"] = Route(b"", status=307, headers={"Location": f"{site.url}/c"})
    site.routes["/c"] = Route(b"end")
    fetched = _fetcher(site).get(f"{site.url}/a", accept="*/*")
    assert fetched.body == b"end" and fetched.url == f"{site.url}/c"


def test_a_redirect_loop_ends(site: FeedSite) -> None:
    site.routes["/loop"] = Route(b"", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError) as raised:
        _fetcher(site).get(f"{site.url}/loop", accept="*/*")
    assert not raised.value.temporary
    assert len(site.requests_for("/loop")) <= 11


def test_robots_txt_redirected_to_a_private_target_reaches_nothing(site: FeedSite,
                                                                   other: FeedSite) -> None:
    site.routes["/robots.txt"] = Route(b"", status=302,
                                       headers={"Location": f"{other.url}/robots.txt"})
    site.routes["/page"] = Route(b"x")
    with pytest.raises(FetchError):
        _fetcher(site).get(f"{site.url}/page", accept="*/*")
    assert other.hits == [] and site.requests_for("/page") == []


# --- through the watcher: a feed whose items point at private targets -----------------------

def test_items_linking_to_private_targets_are_rejected_and_never_fetched(
        tmp_path: Path, site: FeedSite, other: FeedSite) -> None:
    other.routes["/news/grain"] = Route(b"secret")
    site.routes["/news/ok"] = Route(b"x", status=302,
                                    headers={"Location": f"{other.url}/news/grain"})
    links = [f"{other.url}/news/grain", "http://[::1]:1/", "http://169.254.169.254/",
             f"{site.url}/news/ok"]
    body = b"".join(f"<item><title>t{n}</title><link>{link}</link></item>".encode()
                    for n, link in enumerate(links))
    site.routes["/rss.xml"] = Route(b'<?xml version="1.0"?><rss version="2.0"><channel><title>t'
                                    b"</title>" + body + b"</channel></rss>",
                                    content_type="application/rss+xml")
    feeds = write_feed_list(tmp_path, [{"url": f"{site.url}/rss.xml", "name": "hostile"}])
    settings = watcher_settings(tmp_path, site, feeds)
    pipeline = Pipeline.open(settings)
    with open_watcher(settings, pipeline) as watcher:
        summary = watcher.run_once()
        report = watcher.state.report()["feeds"]["hostile"]
    assert summary.rejected == 4 and summary.ingested == 0
    assert report["rejected_by_kind"] == {"refused": 4}  # type: ignore[index]
    assert other.hits == []
    pipeline.store.close()


def test_links_that_are_no_web_pages_are_not_followed(site: FeedSite) -> None:
    body = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            b"<item><link>file:///etc/passwd</link></item>"
            b"<item><link>javascript:alert(1)</link></item>"
            b"<item><link>ftp://files.example/a</link></item>"
            b"<item><link>http://user:secret@news.example/a</link></item>"
            b"<item><link>https://news.example/fine?utm_source=x&amp;id=3#top</link></item>"
            b"</channel></rss>")
    document = read_feed(body, "application/rss+xml", "https://news.example/rss.xml")
    assert [e.url for e in document.entries] == ["http://user:secret@news.example/a",
                                                 "https://news.example/fine?id=3"]
    assert document.without_link == 3
    with pytest.raises(FetchError, match="credentials"):
        _fetcher(site).get(document.entries[0].url, accept="*/*")


# --- hostile documents ---------------------------------------------------------------------

def test_a_feed_body_naming_a_local_file_is_not_read_as_that_file(tmp_path: Path) -> None:
    """feedparser opens a string that names a file: the watcher only ever hands it a stream."""
    secret = tmp_path / "local-feed.xml"
    secret.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>local</title>'
                      "<item><link>https://secret.example/a</link></item></channel></rss>")
    with pytest.raises(DocumentError):
        read_feed(str(secret).encode(), "application/rss+xml", "https://news.example/rss.xml")


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    body = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<rss version="2.0"><channel><title>t</title><item><title>&x;</title>'
            "<link>https://news.example/a</link></item></channel></rss>").encode()
    try:
        document = read_feed(body, "application/rss+xml", "https://news.example/rss.xml")
    except DocumentError:
        return  # refused as a whole: fine too
    assert all("TOP-SECRET" not in (entry.title or "") for entry in document.entries)


def test_entity_expansion_cannot_blow_up() -> None:
    lol = '<!ENTITY a "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8))
    body = (f'<?xml version="1.0"?><!DOCTYPE rss [{lol}]><rss version="2.0"><channel>'
            "<title>t</title><item><title>&i;</title><link>https://news.example/a</link>"
            "</item></channel></rss>").encode()
    try:
        document = read_feed(body, "application/rss+xml", "https://news.example/rss.xml")
    except DocumentError:
        return
    assert all(len(entry.title or "") < 100_000 for entry in document.entries)


def test_a_json_feed_must_be_one() -> None:
    for body in (b"[]", b'{"items": []}', b'{"version": "https://jsonfeed.org/version/1.1"}',
                 b"{not json"):
        with pytest.raises(DocumentError):
            read_feed(body, "application/feed+json", "https://news.example/feed.json")


# --- settings an operator writes ----------------------------------------------------------

@pytest.mark.parametrize("listing", ["127.0.0.1", "127.0.0.1:http", "http://127.0.0.1:80",
                                     "127.0.0.1:80/path", "user@127.0.0.1:80", "[::1]", "*:*"])
def test_admitting_needs_an_exact_host_and_port(listing: str) -> None:
    with pytest.raises(ConfigError, match="GEOKG_FEEDS_ALLOW_PRIVATE"):
        Settings(feeds_allow_private=listing)


def test_the_feeds_policy_admits_only_its_entries() -> None:
    policy = netguard.feeds_policy(Settings(feeds_allow_private="127.0.0.1:8001, [::1]:8002"))
    assert policy.non_public_ok == {("127.0.0.1", 8001), ("::1", 8002)}
    assert policy.origins is None and not policy.allow_loopback
    with pytest.raises(Exception, match="loopback"):
        netguard.resolve_checked("127.0.0.1", 8003, policy)
    assert netguard.resolve_checked("127.0.0.1", 8001, policy) == ["127.0.0.1"]


def test_federation_keeps_its_own_allowlist() -> None:
    """The feeds' exceptions admit nothing to SERVICE clauses."""
    settings = Settings(federation=True, federation_endpoints="http://127.0.0.1:8001/sparql",
                        feeds_allow_private="127.0.0.1:8001")
    with pytest.raises(Exception, match="loopback"):
        netguard.check_url("http://127.0.0.1:8001/sparql", settings)

"""No server-side request forgery: SERVICE and LOAD to loopback, private, link-local or
non-allowlisted targets are refused before anything is sent, also behind DNS names,
odd IP spellings and redirects. All traffic stays on 127.0.0.1; names that must not be
looked up for real (no network here) go through a monkeypatched resolver."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from geokg.config import Settings
from geokg.errors import ForbiddenTarget
from geokg.query import netguard
from geokg.store.oxigraph import OxigraphStore
from geokg.web import create_app
from reliability import PROBLEM

TOKEN = "t" * 24
HOSTILE = ["http://127.0.0.1:9/sparql", "http://[::1]/", "http://169.254.169.254/latest/meta-data/",
           "http://10.0.0.1/", "http://localtest.me/", "http://2130706433/", "http://0x7f.1/",
           "http://[::ffff:127.0.0.1]/", "file:///etc/passwd", "gopher://127.0.0.1/"]


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Names -> addresses for the guard's resolver; numeric hosts resolve as usual."""
    names: dict[str, list[str]] = {"localtest.me": ["127.0.0.1"],
                                   "rebind.example": ["93.184.215.14", "127.0.0.1"],
                                   "public.example": ["93.184.215.14"]}
    real = socket.getaddrinfo

    def resolve(host: str, port: object, *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
        if host in names:
            return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "",
                     (a, port)) for a in names[host]]
        return real(host, port, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(netguard.socket, "getaddrinfo", resolve)
    return names


def _settings(endpoints: str) -> Settings:
    return Settings(store="memory", federation=True, federation_endpoints=endpoints)


@pytest.mark.parametrize("url", HOSTILE)
def test_hostile_targets_are_refused_even_when_allowlisted(url: str,
                                                           fake_dns: dict[str, list[str]]) -> None:
    with pytest.raises(ForbiddenTarget):
        netguard.check_url(url, _settings(url))


def test_a_name_is_refused_if_any_of_its_addresses_is_not_public(fake_dns: dict[str, list[str]]) -> None:
    with pytest.raises(ForbiddenTarget, match="127.0.0.1"):
        netguard.check_url("http://rebind.example/sparql", _settings("http://rebind.example/sparql"))
    netguard.check_url("http://public.example/sparql", _settings("http://public.example/sparql"))
    with pytest.raises(ForbiddenTarget, match="allowlist"):
        netguard.check_url("http://public.example:8080/sparql",
                           _settings("http://public.example/sparql"))


@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1",
                                     "169.254.169.254", "fe80::1", "fc00::1", "100.64.0.1", "0.0.0.0",
                                     "224.0.0.1", "::ffff:10.0.0.1", "2002:7f00:1::", "64:ff9b::a00:1"])
def test_non_public_addresses_have_a_reason(address: str) -> None:
    assert netguard.refusal(address)


def test_public_addresses_pass() -> None:
    assert netguard.refusal("93.184.215.14") is None
    assert netguard.refusal("2606:4700:4700::1111") is None


class _Redirect(BaseHTTPRequestHandler):
    target = "http://169.254.169.254/latest/meta-data/"
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        _Redirect.hits.append(self.path)
        self.send_response(302)
        self.send_header("Location", _Redirect.target)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def redirector() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Redirect)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/",
                                    "http://[::1]:9/"])
def test_redirects_are_checked_again(redirector: str, target: str) -> None:
    """The first hop is allowed (loopback admitted for the test); the redirect is not."""
    _Redirect.target = target
    _Redirect.hits.clear()
    settings = Settings(store="memory", federation=True, federation_endpoints=redirector,
                        federation_allow_loopback=True)
    with pytest.raises(ForbiddenTarget):
        netguard.fetch(redirector, settings, timeout=5)
    assert _Redirect.hits == ["/sparql"]


def test_connections_go_only_to_checked_addresses(fake_dns: dict[str, list[str]]) -> None:
    """A name that answers a private address at connect time is refused before connecting."""
    settings = _settings("http://rebind.example/")
    with pytest.raises(ForbiddenTarget):
        netguard.guarded_opener(settings).open("http://rebind.example/", timeout=5)


def test_sparql_service_and_update_load_are_refused(tmp_path: Path) -> None:
    store = OxigraphStore()
    app = create_app(Settings(store="memory", write_token=TOKEN), store=store)
    client = app.test_client()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    targets = [f"http://127.0.0.1:{port}/sparql", "http://[::1]/", "http://169.254.169.254/",
               "http://localtest.me/"]
    try:
        for target in targets:
            query = f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}"
            answered = client.post("/sparql", data={"query": query})
            assert answered.status_code == 403 and answered.mimetype == PROBLEM, answered.data
            for update in (f"LOAD <{target}>", f"LOAD SILENT <{target}> INTO GRAPH <http://g>"):
                loaded = client.post("/update", data={"update": update},
                                     headers={"Authorization": f"Bearer {TOKEN}"})
                assert loaded.status_code == 403 and loaded.mimetype == PROBLEM, loaded.data
        with pytest.raises(TimeoutError):
            listener.accept()  # nothing ever connected to the loopback target
    finally:
        listener.close()
        store.close()

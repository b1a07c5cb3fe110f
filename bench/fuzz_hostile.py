"""Hostile clients against a real `geokg serve` (embedded store, write token, short timeout):
over 10,000 SPARQL queries and updates that try to make the server fetch a URL or crash
its engine (the corpus of tests/hostile.py, with the triples its glued forms match stored
first, so that a SERVICE that got through would run), and over 10,000 hostile article and
RDF uploads. Prints, per part and in a summary line, what must be zero: connections to a
loopback listener, 5xx answers other than 503/504, engine deaths other than the kills of
timed-out calls, and answers to the wrong request (a `BIND(n)` probe after every 50
requests must return its own n).

    python fuzz_hostile.py [--clients 4] [--quick]
    python fuzz_hostile.py --only uploads --parts 2 --part 1 > up1.out   # one slice, own server
    python fuzz_hostile.py --summarize q.out up1.out up2.out             # the runs' summary

Each run starts its own server on a new store; `--parts N --part K` sends the K-th of N
consecutive slices of each corpus, so that N runs of K = 1..N send the whole corpus once, in
its order (a PUT that empties a graph still comes before the POSTs that add to it; every
other item would send only the POSTs, and the graphs they add to would grow for the whole
part).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from common import BIN, free_port  # noqa: E402
from hostile import BAIT, LOOPBACK_HOSTS, deep_texts, load_updates, service_queries  # noqa: E402

TOKEN = "b" * 24
AUTH = {"Authorization": f"Bearer {TOKEN}"}


class Listener:
    """Counts every TCP connection made to it (nothing may ever connect)."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.hits = 0
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            self.hits += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self.server.close()


def texts(listener: Listener, quick: bool) -> Iterator[tuple[str, str]]:
    """(path, text) of every hostile query and update."""
    hosts = LOOPBACK_HOSTS[:2] if quick else LOOPBACK_HOSTS
    for host in hosts:
        target = f"http://{host}:{listener.port}/sparql"
        yield from (("/sparql", q) for q in service_queries(target))
        yield from (("/update", u) for u in load_updates(target))
    for size in (1000, 5000, 20000, 60000, 100000):
        yield from (("/sparql", t) for t in deep_texts(size).values())
        yield from (("/update", "INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> 1 } } ; "
                     f"DELETE WHERE {{ GRAPH <urn:g> {{ ?s ?p ?o }} }} ; {t.removeprefix('ASK ')}")
                    for t in deep_texts(size).values())


def uploads(listener: Listener, quick: bool) -> Iterator[tuple[str, str, dict[str, str], bytes]]:
    """(method, path, headers, body) of hostile article and RDF uploads."""
    here = f"http://127.0.0.1:{listener.port}/x"
    dates = ["0001-01-01", "9999-12-31", "2024-02-30", "", "2024-13-01", "yesterday", 12345, None,
             ["2024-01-01"], "2024-01-01T25:00", "-2024-01-01", "+12024-01-01", "2024-W01"]
    langs = ["de", "en", "xx", "", None, 5, "DE", "en-GB"]
    urls = [None, "javascript:alert(1)", here, "file:///etc/passwd", "http://" + "a" * 60000,
            "http://[::1]/", "gopher://127.0.0.1/", "https://example.org/ok"]
    bodies = ["Scholz telefonierte am Freitag mit Putin.", "", "   ", "\x00\x01\x02",
              "\u202eevil\u202c Merkel traf Macron.", "<script>alert(1)</script> Biden met Xi.",
              "Biden met Xi. " * 2000]
    for text, published, lang, url in itertools.product(bodies, dates, langs, urls):
        body = {"text": text, "published": published, "lang": lang, "url": url}
        yield "POST", "/articles", {"Content-Type": "application/json"}, json.dumps(body).encode()
        if quick:
            break
    html = [f'<html><body><img src="{here}"><iframe src="{here}"></iframe><link rel=stylesheet '
            f'href="{here}"><p>Macron traf Scholz in Berlin.</p></body></html>',
            "<html>" + "<div>" * 20000 + "Merkel" + "</div>" * 20000 + "</html>"]
    for page, charset in itertools.product(html, ["utf-8", "utf-16", "latin-1", "nonsense"]):
        yield "POST", "/articles", {"Content-Type": f"text/html; charset={charset}"}, page.encode()
    for junk, charset in itertools.product([b"\xff\xfe\x00", b"Putin \xc3\x28 Biden", b""],
                                           ["utf-8", "utf-16", "x-no-such"]):
        yield "POST", "/articles", {"Content-Type": f"text/plain; charset={charset}"}, junk
    rdf = {
        "text/turtle": [f"@base <{here}> . <a> <b> <c> .", "@prefix : <x> . :a :b :c",
                        f"<{'http://e/' + 'a' * 100000}> <http://e/p> 1 .",
                        "<http://e/s> <http://e/p> " + "(" * 5000 + ")" * 5000 + " ."],
        "application/n-triples": ["<http://e/s> <http://e/p> \"x\" .", "<s> <p> <o> .",
                                  "<http://e/s> <http://e/p> \"" + "x" * 300000 + "\" ."],
        "application/rdf+xml": [
            f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "{here}">]><rdf:RDF xmlns:rdf='
            '"http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="http://e/s">'
            '<p xmlns="http://e/">&x;</p></rdf:Description></rdf:RDF>',
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;'
            '&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rdf:RDF xmlns:rdf='
            '"http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="http://e/s">'
            '<p xmlns="http://e/">&c;</p></rdf:Description></rdf:RDF>'],
        "application/ld+json": [json.dumps({"@context": here, "@id": "http://e/s", "p": 1}),
                                json.dumps({"@context": {"@base": here}, "@id": "s", "http://e/p": 1}),
                                "[" * 10000 + "]" * 10000],
        "application/n-quads": ["<http://e/s> <http://e/p> <http://e/o> _:g .",
                                "<http://e/s> <http://e/p> <http://e/o> ."],
        "application/trig": [f"@base <{here}> . <g> {{ <a> <b> <c> }}", "{ <http://e/a> <http://e/b> 1 }"],
    }
    graphs = [{"graph": "http://example.org/g"}, {"graph": here}, {"graph": "x"}, {"default": ""},
              {}, {"graph": "http://example.org/" + "g" * 10000}]
    rounds = 1 if quick else 40
    for n, (kind, docs) in itertools.product(range(rounds), rdf.items()):
        for doc, params, method in itertools.product(docs, graphs, ["PUT", "POST"]):
            query = "&".join(f"{k}={v}" if v else k for k, v in params.items())
            body = doc.replace("http://e/s", f"http://e/s{n}").encode()
            yield method, f"/store?{query}", {"Content-Type": kind, **AUTH}, body


def start(store: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "GEOKG_STORE": f"oxigraph:{store}", "GEOKG_WRITE_TOKEN": TOKEN,
           "GEOKG_QUERY_TIMEOUT": "5", "GEOKG_MAX_BODY_BYTES": "2000000"}
    process = subprocess.Popen([str(BIN / "geokg"), "serve", "--no-samples", "--port", str(port)],
                               env=env, stdout=subprocess.DEVNULL, stderr=log.open("wb"))
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            requests.get(f"{url}/healthz", timeout=10)
            return process, url
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.1)
    process.terminate()
    process.wait(30)
    raise RuntimeError("geokg serve did not start")


def probe(session: requests.Session, url: str, n: int) -> bool:
    """Whether `BIND(n)` comes back as n. A kept-alive connection the server closed just as
    it was reused (gunicorn's keep-alive timeout) is retried once on a new one."""
    for attempt in (1, 2):
        try:
            answer = session.post(f"{url}/sparql",
                                  data={"query": f"SELECT ?n WHERE {{ BIND({n} AS ?n) }}"},
                                  headers={"Accept": "application/sparql-results+json"}, timeout=60)
            return bool(answer.json()["results"]["bindings"][0]["n"]["value"] == str(n))
        except requests.ConnectionError:
            if attempt == 2:
                raise
            session.close()
    return False


def run(url: str, work: list[tuple[str, str, dict[str, str], bytes]], clients: int) -> Counter[str]:
    counts: Counter[str] = Counter()
    local = threading.local()

    def send(index: int) -> None:
        session = getattr(local, "session", None) or requests.Session()
        local.session = session
        method, path, headers, body = work[index]
        try:
            status = session.request(method, f"{url}{path}", headers=headers, data=body,
                                     timeout=120).status_code
        except requests.RequestException as exc:
            counts[f"connection error {type(exc).__name__}"] += 1
            print(f"connection error {exc!r:.300} on {method} {path:.80} {headers.get('Content-Type')} "
                  f"({len(body)} bytes)", file=sys.stderr, flush=True)
            return
        counts["requests"] += 1
        counts[f"status {status}"] += 1
        if status >= 500 and status not in (503, 504):
            counts["5xx other than 503/504"] += 1
        if index % 50 == 0:
            counts["probes"] += 1
            counts["wrong answers"] += not probe(session, url, 1000 + index)

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(send, range(len(work))))
    return counts


DEATH = re.compile(r"store engine (\d+) ended \((signal \d+|exit status \d+)\)")
TIMEOUT_KILL = re.compile(r"stopping the store engine (\d+): .* ran past GEOKG_QUERY_TIMEOUT")


def deaths(log: str) -> tuple[Counter[str], int]:
    """Engine deaths in a server log by cause, and how many were not the kill of a call that
    ran past the deadline (a crash: a signal other than 9, an exit, or a kill nobody logged)."""
    killed = set(TIMEOUT_KILL.findall(log))
    causes: Counter[str] = Counter()
    crashes = 0
    for pid, cause in DEATH.findall(log):
        causes[cause] += 1
        crashes += not (cause == "signal 9" and pid in killed)
    return causes, crashes


def totals(part: str, items: int, seconds: float, counts: Counter[str], loopback: int,
           log: str) -> dict[str, object]:
    """One part's line: what it sent and what came back, and what must be zero."""
    by_cause, crashes = deaths(log)
    statuses = {k.removeprefix("status "): n for k, n in sorted(counts.items())
                if k.startswith("status ")}
    return {"part": part, "items": items, "seconds": round(seconds, 1),
            "requests": counts["requests"], "probes": counts["probes"],
            "status": statuses,
            "5xx by status": {k: n for k, n in statuses.items() if k.startswith("5")},
            "connection errors": {k: n for k, n in counts.items() if k.startswith("connection")},
            "loopback connections": loopback, "engine deaths": dict(by_cause),
            "engine crashes": crashes, "wrong answers": counts["wrong answers"],
            "5xx other than 503/504": counts["5xx other than 503/504"]}


def summary(parts: list[dict[str, Any]]) -> dict[str, object]:
    """The parts' lines added up; `goal met` when every figure that must be zero is."""
    added: dict[str, Counter[str]] = {k: Counter() for k in
                                      ("status", "5xx by status", "engine deaths",
                                       "connection errors")}
    for part in parts:
        for key, counter in added.items():
            counter.update(part[key])
    zero = {k: sum(int(p[k]) for p in parts) for k in
            ("loopback connections", "engine crashes", "wrong answers", "5xx other than 503/504")}
    # A 200 whose stream the deadline broke off reaches requests as ChunkedEncodingError: the
    # documented cut (the client sees it), one per query killed after its answer began.
    cut = added["connection errors"]["connection error ChunkedEncodingError"]
    others = sum(added["connection errors"].values()) - cut
    return {"part": "summary", "parts": [p["part"] for p in parts],
            "requests": sum(int(p["requests"]) for p in parts),
            "probes": sum(int(p["probes"]) for p in parts),
            **{k: dict(sorted(v.items())) for k, v in added.items()}, **zero,
            "streams cut by the deadline": cut, "other connection errors": others,
            "goal met": not any(zero.values()) and not others}


Request = tuple[str, str, dict[str, str], bytes]


def slice_of(work: list[Request], part: int, parts: int) -> list[Request]:
    """The `part`-th of `parts` consecutive slices of `work` (1-based)."""
    return work[len(work) * (part - 1) // parts:len(work) * part // parts]


def parts_of(only: str, listener: Listener, quick: bool, part: int, parts: int
             ) -> Iterator[tuple[str, list[Request]]]:
    """(name, requests) of each part this run sends (`slice_of` each corpus)."""
    if only in ("all", "queries"):
        sparql = [("POST", path, {"Content-Type": "application/x-www-form-urlencoded", **AUTH},
                   urlencode({"query" if path == "/sparql" else "update": text}).encode())
                  for path, text in texts(listener, quick)]
        yield "queries and updates", slice_of(sparql, part, parts)
    if only in ("all", "uploads"):
        yield "article and RDF uploads", slice_of(list(uploads(listener, quick)), part, parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--quick", action="store_true", help="a small sample (smoke test)")
    parser.add_argument("--only", choices=["all", "queries", "uploads"], default="all")
    parser.add_argument("--parts", type=int, default=1, help="split each corpus in this many")
    parser.add_argument("--part", type=int, default=1, help="which of them to send (1-based)")
    parser.add_argument("--summarize", nargs="+", type=Path, metavar="OUTPUT",
                        help="add up the part lines of earlier runs' outputs; send nothing")
    args = parser.parse_args()
    if args.summarize:
        lines = [json.loads(line) for path in args.summarize
                 for line in path.read_text().splitlines() if line.startswith("{")]
        print(json.dumps(summary([p for p in lines if p.get("part") not in ("summary", None)])))
        return
    if not 1 <= args.part <= args.parts:
        parser.error("--part must be between 1 and --parts")
    listener = Listener()
    folder = Path(tempfile.mkdtemp(prefix="geokg-fuzz-"))
    log = folder / "server.log"
    process, url = start(folder / "store", log)
    lines = []
    try:
        bait = requests.put(f"{url}/store?graph=urn:ex:bait", data=BAIT.encode(), timeout=60,
                            headers={"Content-Type": "text/turtle", **AUTH})
        bait.raise_for_status()
        for name, work in parts_of(args.only, listener, args.quick, args.part, args.parts):
            seen, hits = len(log.read_text(errors="replace")), listener.hits
            started = time.monotonic()
            counts = run(url, work, args.clients)
            time.sleep(1)  # the last deaths reach the log
            lines.append(totals(f"{name} {args.part}/{args.parts}", len(work),
                                time.monotonic() - started, counts, listener.hits - hits,
                                log.read_text(errors="replace")[seen:]))
            print(json.dumps(lines[-1]), flush=True)
    finally:
        process.terminate()
        process.wait(30)
        listener.close()
    print(json.dumps(summary(lines)), flush=True)


if __name__ == "__main__":
    main()

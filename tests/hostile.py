"""Hostile SPARQL texts: ways to make the server fetch a URL (SERVICE, LOAD) that a text
scanner could miss, and texts that nest or chain deep enough to crash an engine.

Shared by tests/test_security_engine.py (a sample, every family) and
bench/fuzz_hostile.py (the whole product, over 10,000 texts)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

#: Spellings of the loopback address a listener on 127.0.0.1:PORT answers to.
LOOPBACK_HOSTS = ["127.0.0.1", "2130706433", "127.1", "0x7f000001", "0177.0.0.1", "localhost",
                  "[::ffff:127.0.0.1]"]


def _service_keywords() -> list[str]:
    return ["SERVICE", "service", "SeRvIcE", r"\u0053ERVICE", r"SERVIC\u0045",
            r"\U00000053ERVICE"]


def _wrappers() -> list[tuple[str, str]]:
    """(before, after) around a SERVICE clause inside a WHERE group."""
    return [
        ("", ""),
        ("OPTIONAL { ?s ex:a\\#b ?o } ", ""),
        ("?s ex:a\\#b ?o . ", ""),
        ("PREFIX_TRICK", ""),
        ("?s ?p ?o # a comment\n", ""),
        ("{ { { ", " } } }"),
        ("OPTIONAL { ", " }"),
        ("{ ?s ?p ?o } UNION { ", " }"),
        ("MINUS { ", " }"),
        ("FILTER EXISTS { ", " }"),
        ("{ SELECT * WHERE { ", " } }"),
        ('BIND("\\"#" AS ?q) ', ""),
        ("BIND('''x''' AS ?q) ", ""),
        ('BIND("\\u0022" AS ?q) ', ""),
        ("GRAPH ?g { ", " }"),
    ]


def _endpoints(target: str) -> Iterator[tuple[str, str]]:
    """(prologue, endpoint term) naming `target` directly, by prefix, or against BASE."""
    scheme_host, _, path = target.partition("//")[2].partition("/")
    origin = target[: target.index(scheme_host) + len(scheme_host)]
    yield "", f"<{target}>"
    yield f"PREFIX t: <{origin}/>\n", f"t:{path}"
    yield f"PREFIX : <{origin}/>\n", f":{path}"
    yield f"BASE <{origin}/>\n", f"<{path}>"
    yield f"BASE <{origin}/x/>\n", f"<../{path}>"
    yield "BASE <http://public.example/>\n", f"<//{scheme_host}/{path}>"
    yield f"PREFIX t: <{origin}/>\n", f"t:{path.replace('/', chr(92) + '/')}"  # t:a\/b


#: Triples that the glued forms' patterns match, so that an engine which read one of them
#: would get as far as calling the SERVICE (an empty join ends before it does).
BAIT = ('<urn:ex:s> <urn:ex:p> 1, 1.5, "1e1"^^<http://www.w3.org/2001/XMLSchema#double>, true, '
        '"x", <urn:ex:o> ; <urn:ex:a#b> 1 ; <urn:ex:x> 1 .')


def glued_service_queries(target: str) -> list[str]:
    """SERVICE glued to what stands before or after it: Oxigraph matches a keyword as so many
    letters in a row, with no word boundary, so each of these calls `target` there (a test
    proves it on a bare pyoxigraph store), while a scanner for the word finds nothing."""
    origin, _, path = target.rpartition("/")
    clause = f"<{target}> {{ ?x ?y ?z }}"
    where = [
        f"?s ?p 1SERVICE {clause}", f"?s ?p 1SERVICE SILENT {clause}",
        f"SERVICESILENT{clause}", f"?s ?p 1SeRvIcEsIlEnT{clause}", f"?s ?p trueSERVICE {clause}",
        f"?s ?p 1e1SERVICE {clause}", f"?s ?p 1.5SERVICE {clause}", f'?s ?p "x"SERVICE{clause}',
        f"?s ?p <urn:ex:o>SERVICE{clause}", f"?s ?p ?o FILTER(true)SERVICE{clause}",
        f"?s ?p 1#SERVICE\nSERVICE {clause}", f"?s ?p 1 # \\\nSERVICE {clause}",
        f"?s ex:a\\#b 1SERVICE {clause}", f"?s service:x 1SERVICE {clause}",
        f"_:b ?p 1SERVICE {clause}", f"?s ?p 1SERVICE{clause}",
    ]
    prologue = "PREFIX ex: <urn:ex:> PREFIX service: <urn:ex:> "
    return [*(f"{prologue}SELECT * WHERE {{ {w} }}" for w in where),
            f"ASK {{ ?s ?p 1SERVICE {clause} }}",
            f"PREFIX : <{origin}/> SELECT * WHERE {{ ?s ?p 1 . SERVICE:{path} {{ ?x ?y ?z }} }}",
            f"PREFIX : <{origin}/> SELECT * WHERE {{ ?s ?p 1SERVICE:{path} {{ ?x ?y ?z }} }}"]


def glued_load_updates(target: str) -> list[str]:
    """LOAD glued to its neighbours, as Oxigraph reads it (see glued_service_queries)."""
    origin, _, path = target.rpartition("/")
    data = "INSERT DATA { GRAPH <urn:ex:g> { <urn:ex:a> <urn:ex:b> 1 } }"
    return [f"LOADSILENT<{target}>", f"LOADSILENT<{target}>INTOGRAPH<urn:ex:g>",
            f"loadSILENT<{target}>INTO GRAPH<urn:ex:g>", f"LOAD<{target}>INTO GRAPH<urn:ex:g>",
            f"{data};LOADSILENT<{target}>", f"{data};LOAD SILENT<{target}>INTOGRAPH<urn:ex:g>",
            f"CLEAR SILENT GRAPH <urn:ex:g>;LoAdSiLeNt<{target}>", f"# x\nLOADSILENT<{target}>",
            f"PREFIX : <{origin}/> LOAD SILENT:{path}", f"PREFIX : <{origin}/> LOADSILENT:{path}",
            f"INSERT{{GRAPH<urn:ex:g>{{?x ?y ?z}}}}WHERE{{?s ?p 1SERVICE<{target}>{{?x ?y ?z}}}}",
            f"INSERT{{GRAPH<urn:ex:g>{{?x ?y ?z}}}}WHERE{{SERVICESILENT<{target}>{{?x ?y ?z}}}}"]


def service_queries(target: str, *, keywords: int = 6) -> Iterator[str]:
    """Queries that would make an engine call `target` if anything let them through
    (`keywords`: how many spellings of the keyword to use), the glued forms first."""
    yield from glued_service_queries(target)
    yield from (q.replace("1SERVICE", r"1\u0053ERVICE") for q in glued_service_queries(target))
    for (prologue, endpoint), keyword, (before, after), silent in itertools.product(
            _endpoints(target), _service_keywords()[:keywords], _wrappers(), ["", " SILENT"]):
        if before == "PREFIX_TRICK":
            prologue, before = prologue + "PREFIX service: <urn:ex:>\n", "?s service:x ?o . "
        yield (f"PREFIX ex: <urn:ex:> {prologue}SELECT * WHERE {{ {before}{keyword}{silent} "
               f"{endpoint} {{ ?x ?y ?z }}{after} }}")


def load_updates(target: str) -> Iterator[str]:
    """Updates that would make an engine fetch `target` (LOAD, or SERVICE in a WHERE)."""
    yield from glued_load_updates(target)
    loads = ["LOAD", "load", r"\u004cOAD", r"LOA\u0044"]
    for (prologue, endpoint), keyword in itertools.product(_endpoints(target), loads):
        yield f"{prologue}{keyword} {endpoint}"
        yield f"{prologue}{keyword} SILENT {endpoint} INTO GRAPH <urn:ex:g>"
        yield f"{prologue}INSERT DATA {{ GRAPH <urn:ex:g> {{ <urn:ex:a> <urn:ex:b> 1 }} }} ;\n" \
              f"{keyword} {endpoint}"
        yield f"{prologue}# comment \\\n{keyword} {endpoint}"
        yield (f"PREFIX ex: <urn:ex:> {prologue}INSERT DATA {{ GRAPH <urn:ex:g> {{ <urn:ex:a> "
               f"ex:a\\#b 1 }} }} ; {keyword} {endpoint}")
    for query in itertools.islice(service_queries(target), 0, None, 7):
        prologue, _, where = query.partition("SELECT * WHERE ")
        yield f"{prologue}INSERT {{ GRAPH <urn:ex:g> {{ ?x ?y ?z }} }} WHERE {where}"
        yield f"{prologue}WITH <urn:ex:g> DELETE {{ ?x ?y ?z }} WHERE {where}"
        yield f"{prologue}DELETE WHERE {{ GRAPH <urn:ex:g> {{ ?x ?y ?z }} }} ;\n" \
              f"INSERT {{ GRAPH <urn:ex:g> {{ ?x ?y ?z }} }} USING <urn:ex:g> WHERE {where}"


def deep_texts(size: int) -> dict[str, str]:
    """Texts of about `size` characters that nest or chain as deep as that allows."""
    n = size // 2
    return {
        "nested groups": "ASK " + "{" * n + "}" * n,
        "negations": "ASK { FILTER(" + "!" * (size - 20) + "true) }",
        "parentheses": "ASK { FILTER(" + "(" * n + "true" + ")" * n + ") }",
        "property path": "ASK { ?s " + "/".join(["<urn:p>"] * (size // 8)) + " ?o }",
        "conjunction": "ASK { FILTER(" + " && ".join(["true"] * (size // 8)) + ") }",
        "sub-selects": "SELECT * WHERE " + "{ SELECT * WHERE " * (size // 18) + "{ ?s ?p ?o }"
                       + "}" * (size // 18),
        "binds": "SELECT * WHERE { " + " ".join(f"BIND(1 AS ?v{i})" for i in range(size // 16))
                 + " }",
        "unions": "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * (size // 20)) + " }",
        "object list": "ASK { ?s <urn:p> " + ",".join(["1"] * n) + " }",
        "predicate list": "ASK { ?s " + ";".join(["<urn:p> 1"] * (size // 10)) + " }",
    }

"""ETags of graphs and the conditional requests that use them (RFC 9110 §8.8.3, §13).

A graph's ETag is its tag (`Store.graph_tag`: a hash of its content) with the format of the
representation after a dot, `"3f…9a.ttl"`: a strong validator differs between the Turtle
and the JSON-LD of the same graph. A write's If-Match compares the part before the dot,
the graph's state, whichever format the client read it in. Write responses carry no ETag:
what is stored is not the request's body (it is validated, indexed, re-serialized), so the
client GETs the graph again for its new ETag (RFC 9110 §9.3.4).

The headers are read by werkzeug, which is lenient (an unquoted tag passes, a broken list
reads as no header at all); a write must not lose its condition that way, so what werkzeug
read is held against the header as sent, and anything else is a 400.
"""

from __future__ import annotations

from flask import Response, request
from werkzeug.datastructures import ETags
from werkzeug.exceptions import BadRequest
from werkzeug.http import parse_etags

from geokg.errors import PreconditionFailed
from geokg.pipeline.curation import Precondition

#: Representation media type -> the name after the dot.
FORMATS = {
    "text/turtle": "ttl",
    "application/n-triples": "nt",
    "application/rdf+xml": "rdf",
    "application/ld+json": "jsonld",
    "application/json": "json",
}
CONDITIONS = ("If-Match", "If-None-Match")


def etag(tag: str, media_type: str) -> str:
    """The ETag value (without quotes) of a graph in state `tag` written as `media_type`."""
    return f"{tag}.{FORMATS[media_type]}"


def with_etag(response: Response, tag: str | None, media_type: str) -> Response:
    """`response` with the ETag of the graph's representation, or 304 Not Modified when
    the client's If-None-Match already names it (weak comparison, as for any GET). A graph
    without triples has no ETag."""
    if tag is None:
        return response
    value = etag(tag, media_type)
    if request.if_none_match.contains_weak(value):
        not_modified = Response(status=304)
        for name in ("Vary", "Cache-Control"):
            if name in response.headers:
                not_modified.headers[name] = response.headers[name]
        response = not_modified
    response.set_etag(value)
    return response


def precondition() -> Precondition | None:
    """The write request's If-Match / If-None-Match as graph states, or None without either.

    If-Match compares strongly (RFC 9110 §13.1.1): weak tags are left out, and a list of
    weak tags alone is a 412 at once, saying why."""
    match, none_match = _header("If-Match"), _header("If-None-Match")
    if match is None and none_match is None:
        return None
    if match is not None and not match.star_tag and not match.as_set():
        raise PreconditionFailed(
            "If-Match compares entity tags strongly, so a weak tag (W/\"…\") never matches; "
            "send the ETag exactly as GET gave it (a proxy that compresses may have weakened "
            "it); nothing was written")
    none_match = none_match or ETags()
    return Precondition(
        match=frozenset(_state(t) for t in match.as_set()) if match is not None else None,
        match_any=match is not None and match.star_tag,
        none_match=frozenset(_state(t) for t in none_match.as_set(include_weak=True)),
        none_match_any=none_match.star_tag)


def no_precondition(why: str) -> None:
    """400 for a conditional request where there is no one graph to hold it against: a
    condition silently ignored would let the write through unchecked."""
    for name in CONDITIONS:
        if name in request.headers:
            raise BadRequest(f"{name} applies to one graph's write (/store?graph=IRI, "
                             f"DELETE /articles/{{id}}); {why}")


def _header(name: str) -> ETags | None:
    """The header as werkzeug reads it, or None when absent; BadRequest unless it is `*` or
    a comma-separated list of quoted entity tags (each as werkzeug read it, quoted, in the
    header as sent)."""
    raw = request.headers.get(name)
    if raw is None:
        return None
    tags = parse_etags(raw)
    values = tags.as_set(include_weak=True)
    well_formed = (raw.strip() == "*") if tags.star_tag else bool(values) and all(
        value and value != "*" and f'"{value}"' in raw for value in values)
    if not well_formed:
        raise BadRequest(f'{name}: {raw!r} is not * nor a list of quoted entity tags '
                         '("…", as the ETag header gave them, separated by commas)')
    return tags


def _state(value: str) -> str:
    return value.split(".", 1)[0]

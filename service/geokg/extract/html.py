"""Saved web pages: the article's main text and metadata, by trafilatura.

Navigation, footers and comments are dropped by trafilatura's content extraction; what is
left keeps one paragraph per line, which is the layout `text.parse_layout` reads.
"""

from __future__ import annotations

import json

from geokg.errors import InputError


def read_html(html: str | bytes) -> dict[str, str | None]:
    """{text, title, published (YYYY-MM-DD), url} of the main article of a page."""
    import trafilatura  # imported here: it takes a third of a second and only pages need it

    raw = trafilatura.extract(html, output_format="json", with_metadata=True,
                              include_comments=False, include_tables=False)
    if not raw:
        raise InputError("no article text found in the HTML page")
    data = json.loads(raw)
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError("no article text found in the HTML page")
    return {"text": text, "title": data.get("title"), "published": data.get("date"),
            "url": data.get("source") or data.get("url")}

"""Articles as they arrive, read from requests and files: `ArticleInput` and the formats
(plain text, JSON, JSON Lines, saved web pages).

Every check of an article's text and metadata happens here (`ArticleInput.checked`), before
any extraction, so bad input is a clear InputError naming the problem (and the file and
line it came from) and never a failure halfway through a write.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from geokg.config import Settings
from geokg.errors import InputError
from geokg.extract.html import read_html
from geokg.graph.build import ArticleOrigin

#: Languages geokg reads; an article in another is refused, not misread.
LANGUAGES = ("de", "en")

#: Characters an IRI may not contain (RFC 3987); a URL with them cannot become schema:url.
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


@dataclass(frozen=True)
class ArticleInput:
    """An article as it arrives: text plus optional metadata (JSON, JSON Lines, plain text,
    a saved web page). `checked` gives the article as ingest reads it."""

    text: str
    published: dt.date | None = None
    lang: str | None = None
    url: str | None = None
    title: str | None = None
    #: The feed the article was read from (only the feed watcher sets it: a client of
    #: POST /articles cannot claim a feed's provenance).
    origin: ArticleOrigin | None = None

    @classmethod
    def from_html(cls, html: str | bytes, **overrides: str | None) -> ArticleInput:
        """A saved web page: main text and metadata by trafilatura; explicit values win."""
        found = read_html(html)
        found.update({k: v for k, v in overrides.items() if v})
        return cls.from_mapping(found)

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> ArticleInput:
        text = data.get("text")
        if not isinstance(text, str):
            raise InputError("the article needs a 'text' field with the article as a string")
        for name in ("url", "lang", "title"):
            value = data.get(name)
            if value is not None and not isinstance(value, str):
                raise InputError(f"'{name}' must be a string")
        return cls(text=text, published=parse_published(data.get("published")),
                   lang=_opt_str(data.get("lang")), url=_opt_str(data.get("url")),
                   title=_opt_str(data.get("title")))

    def checked(self, max_chars: int = Settings.max_article_chars) -> ArticleInput:
        """This article as ingest reads it: the text cleaned (byte order mark, CRLF) and
        within `max_chars`, the metadata checked; InputError naming the problem otherwise.
        A `published` still given as text is read here (`parse_published`)."""
        text = _clean_text(self.text, max_chars)
        if self.lang is not None and self.lang not in LANGUAGES:
            raise InputError(f"'lang' must be 'de' or 'en', got {self.lang!r}")
        _check_metadata(self.url, self.title)
        if self.origin is not None:
            _check_metadata(self.origin.feed_url, self.origin.feed_name)
            if self.origin.version < 1 or (self.origin.revision_of and self.origin.version < 2):
                raise InputError(f"version {self.origin.version} of an article is not possible "
                                 "(1 for the first, 2 or more for a revision)")
        return replace(self, text=text, published=parse_published(self.published))

    @cached_property
    def content_hash(self) -> str:
        """`sha256:` and the hex digest of the text: the article graph's gk:contentHash, and
        (its first 16 digits) the article's id. Computed once per article."""
        return f"sha256:{hashlib.sha256(self.text.encode('utf-8')).hexdigest()}"

    @property
    def article_id(self) -> str:
        """The content address of the text (`geokg.extract.article_id`: the same text is the
        same article, whatever its source)."""
        return self.content_hash.removeprefix("sha256:")[:16]


#: Publication dates geokg reads articles of. Why a range: relative dates ("last Friday",
#: "im Vormonat") are resolved by date arithmetic from the publication day, which overflows
#: near the years 1 and 9999, and the gazetteer's offices and states are those of modern
#: news; a date outside is a typo or a placeholder ("0001-01-01"), not an article's.
PUBLISHED_RANGE = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))


def parse_published(value: object) -> dt.date | None:
    """A date, or an ISO 8601 date-time of which the day is kept, within PUBLISHED_RANGE;
    anything else is refused (a prefix of garbage such as "2024-11-16T99" is not a date).
    Every way in (JSON, query string, HTML metadata, files, `Pipeline.ingest`) comes here."""
    if value is None or value == "":
        return None
    day: dt.date | None = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    if day is None:
        raise InputError(f"'published' must be a date as YYYY-MM-DD, got {value!r}")
    earliest, latest = PUBLISHED_RANGE
    if not earliest <= day <= latest:
        raise InputError(f"'published' must be a date from {earliest} to {latest}, got {value!r}")
    return day


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


ARTICLE_SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".htm")


def article_files(path: Path) -> list[Path]:
    """The article files a path names: itself, or a folder's .txt/.json/.jsonl/.html files.

    Why apart from `read_inputs`: a caller reading a folder file by file can reject one
    broken file and still read the others.
    """
    if path.is_dir():
        return sorted(c for c in path.iterdir() if c.suffix in ARTICLE_SUFFIXES and c.is_file())
    return [path]


def read_inputs(path: Path) -> Iterator[ArticleInput]:
    """Articles from a file: `.txt` (plain text), `.json` (one object or a list), `.jsonl`,
    `.html` (a saved web page).

    Every problem is an InputError naming the file (and the line of a .jsonl)."""
    if path.is_dir():
        for child in article_files(path):
            yield from read_inputs(child)
        return
    if path.suffix in (".html", ".htm"):
        yield ArticleInput.from_html(path.read_bytes())
        return
    text = _decode(path.read_bytes(), path)
    if path.suffix == ".jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                where = f"{path}:{number}"
                yield _article_from_json(_json_value(line, where), where)
    elif path.suffix == ".json":
        data = _json_value(text, str(path))
        items = data if isinstance(data, list) else [data]
        for number, item in enumerate(items, 1):
            yield _article_from_json(item, f"{path}: item {number}")
    else:
        yield ArticleInput(text=text)


def read_jsonl_line(raw: bytes, where: str) -> ArticleInput:
    """One line of a .jsonl file as an article; InputError naming `where` otherwise.

    Why apart from `read_inputs`: bulk ingest streams big files line by line and rejects a
    broken line alone, where `read_inputs` stops at the first problem.
    """
    return _article_from_json(_json_value(_decode(raw, where), where), where)


def _article_from_json(data: object, where: str) -> ArticleInput:
    if not isinstance(data, dict):
        raise InputError(f"{where}: each article must be a JSON object")
    try:
        return ArticleInput.from_mapping(data)
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None


def _json_value(text: str, where: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc})") from None


def _decode(raw: bytes, where: object) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _clean_text(text: object, limit: int) -> str:
    if not isinstance(text, str):
        raise InputError("the article text must be a string")
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    _check_chars("the article text", text)
    if not text.strip():
        raise InputError("the article text is empty")
    if len(text) > limit:
        raise InputError(f"the article has {len(text)} characters; at most "
                         f"{limit} are accepted (GEOKG_MAX_ARTICLE_CHARS)")
    return text


def _check_chars(what: str, text: str) -> None:
    """Refuse text that is not text: NUL (a binary file) and lone surrogates (which JSON's
    \\ud800 escapes can smuggle in, and which cannot be written as UTF-8)."""
    if "\x00" in text:
        raise InputError(f"{what} contains NUL characters; is it a binary file?")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{what} is not valid Unicode (a lone surrogate at character "
                         f"{exc.start})") from None


def _check_metadata(url: str | None, title: str | None) -> None:
    """Refuse a title or URL the graph cannot hold before anything is read, so a bad value
    is a clear 400 and not a failure while the graph is written."""
    if title is not None:
        _check_chars("'title'", title)
    if url is not None:
        _check_chars("'url'", url)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or _NOT_IN_IRI.search(url):
            raise InputError(f"'url' must be an absolute http(s) URL, got {url!r}")

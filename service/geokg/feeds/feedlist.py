"""The feed list: which feeds to follow, from the TOML or YAML file named by GEOKG_FEEDS.

    [[feeds]]                                   # feeds.toml
    url = "https://news.example/rss.xml"
    name = "Example News"                       # optional; default: host and path of the URL
    lang = "de"                                 # optional: de or en; default: the page's own
    interval = 120                              # optional: seconds; default GEOKG_FEEDS_INTERVAL

    feeds:                                      # feeds.yaml, the same keys
      - url: https://news.example/feed.json

Every mistake is a ConfigError naming the file and the entry, before anything is fetched.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from geokg.config import Settings
from geokg.errors import ConfigError

KEYS = {"url", "name", "lang", "interval"}
LANGUAGES = ("de", "en")
#: Longest feed name: it is a label in the graph and a column on /feeds.
MAX_NAME = 100


@dataclass(frozen=True)
class Feed:
    """One followed feed."""

    name: str
    url: str
    lang: str | None
    interval: float  # seconds between polls


def load_feeds(settings: Settings) -> list[Feed]:
    """The feeds GEOKG_FEEDS names; none when it is unset."""
    if not settings.feeds:
        return []
    return read_feed_list(Path(settings.feeds), settings.feeds_interval)


def read_feed_list(path: Path, default_interval: float) -> list[Feed]:
    entries = _entries(path)
    feeds = [_feed(entry, f"{path}: feed {number}", default_interval)
             for number, entry in enumerate(entries, 1)]
    for attribute in ("name", "url"):
        values = [getattr(feed, attribute) for feed in feeds]
        twice = sorted({v for v in values if values.count(v) > 1})
        if twice:
            raise ConfigError(f"{path}: the same {attribute} names several feeds: {', '.join(twice)}")
    return feeds


def _entries(path: Path) -> list[object]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"GEOKG_FEEDS={str(path)!r} cannot be read: {exc.strerror}") from None
    data: object
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(raw)
        elif path.suffix.lower() == ".toml":
            data = tomllib.loads(raw.decode("utf-8"))
        else:
            raise ConfigError(f"GEOKG_FEEDS={str(path)!r}: name the feed list .toml, .yaml or .yml")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError) as exc:
        raise ConfigError(f"{path} is not a valid feed list: {exc}") from None
    except Exception as exc:  # yaml.YAMLError and its kin; yaml is imported only for YAML
        raise ConfigError(f"{path} is not valid YAML: {exc}") from None
    if data is None:
        return []
    if not isinstance(data, dict) or set(data) - {"feeds"} or not isinstance(data.get("feeds", []), list):
        raise ConfigError(f"{path}: the feed list is a table `feeds` holding a list of feeds "
                          "(TOML: [[feeds]] entries; YAML: feeds: followed by - url: ... items)")
    return list(data.get("feeds", []))


def _feed(entry: object, where: str, default_interval: float) -> Feed:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: each feed is a table with at least `url`")
    unknown = sorted(set(entry) - KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(KEYS))}")
    url = entry.get("url")
    if not isinstance(url, str) or not _is_http_url(url):
        raise ConfigError(f"{where}: `url` must be an absolute http(s) URL, got {url!r}")
    name = entry.get("name", _default_name(url))
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME \
            or not name.isprintable():
        raise ConfigError(f"{where}: `name` must be one line of at most {MAX_NAME} characters")
    lang = entry.get("lang")
    if lang is not None and lang not in LANGUAGES:
        raise ConfigError(f"{where}: `lang` must be de or en, got {lang!r}")
    interval = entry.get("interval", default_interval)
    if isinstance(interval, bool) or not isinstance(interval, int | float) or interval < 1:
        raise ConfigError(f"{where}: `interval` must be a number of seconds, at least 1")
    return Feed(name=name.strip(), url=url, lang=lang, interval=float(interval))


def _is_http_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is no number
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and url.isprintable() \
        and " " not in url


def _default_name(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}{parts.path}"[:MAX_NAME]

"""Following news feeds: the watcher polls RSS, Atom and JSON Feed documents, reads each new
item's page and ingests it through the pipeline (see README.md in this folder)."""

from geokg.feeds.feedlist import Feed, load_feeds
from geokg.feeds.watcher import Summary, Watcher, open_watcher

__all__ = ["Feed", "Summary", "Watcher", "load_feeds", "open_watcher"]

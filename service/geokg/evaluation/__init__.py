"""`geokg eval`: how well extraction reads the gold articles (see `gold.py`).

A tool beside the CLI: it ingests through `geokg.pipeline` into a store of its own and
reads back with SPARQL, as a user would; nothing in the service imports it.
"""

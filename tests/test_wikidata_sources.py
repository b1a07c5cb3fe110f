"""Every Wikidata ID in the gazetteer says where it was checked (data/gazetteer/wikidata-sources.tsv).

A wrong sameAs link is worse than none, so an ID must either come with the public source
that pairs it with the entity, or be marked as one that was in the gazetteer before the
sources were recorded ("pre-existing ..."). Plain csv reading only, like the other data tests.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

GAZETTEER = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
SOURCES = GAZETTEER / "wikidata-sources.tsv"
ENTITY_FILES = ["states", "regions", "cities", "organisations", "treaties", "leaders"]
DEVCORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "devcorpus" / "entities.tsv"

PRE_DEVCORPUS = "pre-existing (devcorpus entities.tsv)"
PRE_UNVERIFIED = "pre-existing, unverified"
# A checked source names a public file (`owner/repo:path`) or a URL; several are joined by "; ".
SOURCE_RE = re.compile(r"^(?:[\w.-]+/[\w.-]+:\S.*|https?://\S+)$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")

# QIDs that two gazetteer entries may share on purpose (none so far).
SHARED_ON_PURPOSE: dict[str, set[str]] = {}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def entities() -> dict[str, str]:
    """key -> qid for every gazetteer entity that has one."""
    found: dict[str, str] = {}
    for name in ENTITY_FILES:
        for row in _rows(GAZETTEER / f"{name}.tsv"):
            if row["qid"]:
                found[row["key"]] = row["qid"]
    return found


@pytest.fixture(scope="module")
def sources() -> list[dict[str, str]]:
    return _rows(SOURCES)


def test_sources_header_and_cells(sources):
    with SOURCES.open(encoding="utf-8") as fh:
        assert fh.readline().rstrip("\n").split("\t") == ["key", "qid", "source", "checked"]
    for line, row in enumerate(sources, start=2):
        assert QID_RE.match(row["qid"]), f"line {line}: bad qid {row['qid']!r}"
        assert DATE_RE.match(row["checked"]), f"line {line}: bad date {row['checked']!r}"
        source = row["source"]
        assert source in {PRE_DEVCORPUS, PRE_UNVERIFIED} or all(
            SOURCE_RE.match(part) for part in source.split("; ")
        ), f"line {line}: source {source!r} names no public file or URL"


def test_one_source_row_per_entity(sources):
    keys = [row["key"] for row in sources]
    doubled = sorted({k for k in keys if keys.count(k) > 1})
    assert not doubled, f"entities with several source rows: {doubled}"


def test_every_qid_has_its_source(entities, sources):
    recorded = {row["key"]: row["qid"] for row in sources}
    missing = sorted(k for k in entities if k not in recorded)
    assert not missing, f"QIDs without a row in wikidata-sources.tsv: {missing[:20]}"
    differ = sorted(f"{k}: {entities[k]} vs {recorded[k]}" for k in entities if recorded[k] != entities[k])
    assert not differ, "source rows for another QID than the gazetteer has:\n" + "\n".join(differ)


def test_no_stale_source_rows(entities, sources):
    stale = sorted(row["key"] for row in sources if row["key"] not in entities)
    assert not stale, f"source rows for entities without that QID: {stale}"


def test_devcorpus_marks_hold(sources):
    """'pre-existing (devcorpus entities.tsv)' is only claimed for IDs the dev corpus lists."""
    if not DEVCORPUS.exists():
        pytest.skip(f"development corpus not found at {DEVCORPUS}")
    listed = {row["qid"] for row in _rows(DEVCORPUS)}
    wrong = sorted(r["key"] for r in sources if r["source"] == PRE_DEVCORPUS and r["qid"] not in listed)
    assert not wrong, f"marked as dev-corpus IDs but not in entities.tsv: {wrong}"


def test_no_two_entities_share_a_qid(entities):
    owners: dict[str, set[str]] = defaultdict(set)
    for key, qid in entities.items():
        owners[qid].add(key)
    shared = {
        qid: sorted(keys)
        for qid, keys in owners.items()
        if len(keys) > 1 and keys != SHARED_ON_PURPOSE.get(qid)
    }
    assert not shared, f"one QID for several entities: {shared}"

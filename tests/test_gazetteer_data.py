"""Consistency checks for the gazetteer data files in data/gazetteer/.

Only files whose header is exactly COLUMNS are checked (states, regions,
cities, organisations, treaties and, if present, leaders). Files with another
layout (e.g. offices.tsv) are ignored here.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

GAZETTEER = Path(__file__).resolve().parent.parent / "data" / "gazetteer"

COLUMNS = [
    "key",
    "kind",
    "qid",
    "label_en",
    "label_de",
    "aliases_en",
    "aliases_de",
    "demonyms_en",
    "demonyms_de",
    "lat",
    "lon",
    "part_of",
    "metonym_of",
]

# The files this test owns; each must exist and use COLUMNS.
REQUIRED_FILES = ["states.tsv", "regions.tsv", "cities.tsv", "organisations.tsv", "treaties.tsv"]

VALID_KINDS = {"state", "region", "city", "organisation", "treaty", "leader"}
KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")

# QIDs verified against the dev corpus (shared/devcorpus/entities.tsv):
# qid -> (key, kind, label_en)
VERIFIED = {
    "Q159": ("russia", "state", "Russia"),
    "Q142": ("france", "state", "France"),
    "Q212": ("ukraine", "state", "Ukraine"),
    "Q794": ("iran", "state", "Iran"),
    "Q30": ("united-states", "state", "United States"),
    "Q148": ("china", "state", "China"),
    "Q183": ("germany", "state", "Germany"),
    "Q851": ("saudi-arabia", "state", "Saudi Arabia"),
    "Q184": ("belarus", "state", "Belarus"),
    "Q668": ("india", "state", "India"),
    "Q155": ("brazil", "state", "Brazil"),
    "Q1000": ("gabon", "state", "Gabon"),
    "Q717": ("venezuela", "state", "Venezuela"),
    "Q734": ("guyana", "state", "Guyana"),
    "Q757": ("saint-vincent-and-the-grenadines", "state", "Saint Vincent and the Grenadines"),
    "Q423": ("north-korea", "state", "North Korea"),
    "Q884": ("south-korea", "state", "South Korea"),
    "Q55": ("netherlands", "state", "Netherlands"),
    "Q36": ("poland", "state", "Poland"),
    "Q38": ("italy", "state", "Italy"),
    "Q865": ("taiwan", "state", "Taiwan"),
    "Q145": ("united-kingdom", "state", "United Kingdom"),
    "Q408": ("australia", "state", "Australia"),
    "Q43": ("turkey", "state", "Turkey"),
    "Q1028": ("morocco", "state", "Morocco"),
    "Q262": ("algeria", "state", "Algeria"),
    "Q29": ("spain", "state", "Spain"),
    "Q7835": ("crimea", "region", "Crimea"),
    "Q2012050": ("donetsk-oblast", "region", "Donetsk Oblast"),
    "Q171965": ("luhansk-oblast", "region", "Luhansk Oblast"),
    "Q171334": ("zaporizhzhia-oblast", "region", "Zaporizhzhia Oblast"),
    "Q163271": ("kherson-oblast", "region", "Kherson Oblast"),
    "Q6250": ("western-sahara", "region", "Western Sahara"),
    "Q797": ("alaska", "region", "Alaska"),
    "Q1065": ("united-nations", "organisation", "United Nations"),
    "Q37470": ("un-security-council", "organisation", "United Nations Security Council"),
    "Q7801": ("international-court-of-justice", "organisation", "International Court of Justice"),
    "Q458": ("european-union", "organisation", "European Union"),
    "Q7184": ("nato", "organisation", "NATO"),
    "Q81299": (
        "osce",
        "organisation",
        "Organization for Security and Co-operation in Europe",
    ),
    "Q41984": ("iaea", "organisation", "International Atomic Energy Agency"),
    "Q205995": ("caricom", "organisation", "Caribbean Community"),
    "Q186444": ("npt", "treaty", "Treaty on the Non-Proliferation of Nuclear Weapons"),
}

# Known wrong QIDs that must never appear for these entities.
FORBIDDEN = {
    "Q2105": "Jacques Chirac",
    "Q171331": "Khmelnytskyi Oblast",
    "Q3159": "Kursk (city)",
}


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = list(reader)
    assert rows, f"{path.name} is empty"
    header, body = rows[0], rows[1:]
    records = []
    for lineno, values in enumerate(body, start=2):
        assert len(values) == len(header), (
            f"{path.name}:{lineno}: expected {len(header)} fields, got {len(values)}: {values!r}"
        )
        rec = dict(zip(header, values, strict=True))
        rec["_where"] = f"{path.name}:{lineno}"
        records.append(rec)
    return header, records


def _header_of(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.readline().rstrip("\r\n").split("\t")


def _gazetteer_files() -> list[Path]:
    """All *.tsv files in data/gazetteer whose header is exactly COLUMNS."""
    return sorted(p for p in GAZETTEER.glob("*.tsv") if _header_of(p) == COLUMNS)


@pytest.fixture(scope="module")
def records() -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for path in _gazetteer_files():
        _, recs = _read(path)
        out.extend(recs)
    return out


@pytest.fixture(scope="module")
def by_key(records) -> dict[str, dict[str, str]]:
    return {r["key"]: r for r in records}


@pytest.mark.parametrize("name", REQUIRED_FILES)
def test_required_file_has_exact_header(name):
    path = GAZETTEER / name
    assert path.is_file(), f"missing gazetteer file {path}"
    header = _header_of(path)
    assert header == COLUMNS, f"{name}: header {header!r} != expected {COLUMNS!r}"


def test_required_files_are_included():
    names = {p.name for p in _gazetteer_files()}
    missing = set(REQUIRED_FILES) - names
    assert not missing, f"files not picked up by the column-layout filter: {sorted(missing)}"


def test_no_empty_or_padded_cells(records):
    bad = [
        f"{r['_where']} {col}={val!r}"
        for r in records
        for col, val in r.items()
        if col != "_where" and val != val.strip()
    ]
    assert not bad, "cells with leading/trailing whitespace:\n" + "\n".join(bad[:20])
    for r in records:
        for col in ("aliases_en", "aliases_de", "demonyms_en", "demonyms_de"):
            if r[col]:
                items = r[col].split("|")
                assert all(items), f"{r['_where']}: empty list item in {col}: {r[col]!r}"


def test_keys_unique_and_slug_shaped(records):
    counts = Counter(r["key"] for r in records)
    dupes = {k: n for k, n in counts.items() if n > 1}
    assert not dupes, f"keys used more than once across files: {dupes}"
    bad = [f"{r['_where']}: {r['key']!r}" for r in records if not KEY_RE.match(r["key"])]
    assert not bad, "keys that are not lowercase ASCII slugs:\n" + "\n".join(bad)


def test_kinds_valid(records):
    bad = [f"{r['_where']}: {r['kind']!r}" for r in records if r["kind"] not in VALID_KINDS]
    assert not bad, f"invalid kind (allowed: {sorted(VALID_KINDS)}):\n" + "\n".join(bad)


def test_kind_matches_file(records):
    expected = {
        "states.tsv": "state",
        "regions.tsv": "region",
        "cities.tsv": "city",
        "organisations.tsv": "organisation",
        "treaties.tsv": "treaty",
    }
    bad = []
    for r in records:
        fname = r["_where"].split(":")[0]
        if fname in expected and r["kind"] != expected[fname]:
            bad.append(f"{r['_where']}: kind {r['kind']!r}, expected {expected[fname]!r}")
    assert not bad, "\n".join(bad)


def test_labels_present(records):
    bad = [r["_where"] for r in records if not r["label_en"] or not r["label_de"]]
    assert not bad, f"rows without label_en/label_de: {bad}"


def test_qids_well_formed_and_unique(records):
    bad = [
        f"{r['_where']}: {r['qid']!r}" for r in records if r["qid"] and not QID_RE.match(r["qid"])
    ]
    assert not bad, "malformed QIDs (expected ^Q[1-9][0-9]*$ or empty):\n" + "\n".join(bad)
    counts = Counter(r["qid"] for r in records if r["qid"])
    dupes = {
        q: [r["_where"] + " " + r["key"] for r in records if r["qid"] == q]
        for q, n in counts.items()
        if n > 1
    }
    assert not dupes, f"QIDs used more than once: {dupes}"


def test_forbidden_qids_absent(records):
    bad = [
        f"{r['_where']} {r['key']}: {r['qid']} is {FORBIDDEN[r['qid']]}"
        for r in records
        if r["qid"] in FORBIDDEN
    ]
    assert not bad, "known-wrong QIDs used:\n" + "\n".join(bad)


@pytest.mark.parametrize("qid", sorted(VERIFIED))
def test_verified_qids_present(records, qid):
    key, kind, label = VERIFIED[qid]
    rows = [r for r in records if r["qid"] == qid]
    assert rows, f"verified QID {qid} ({label}) missing from the gazetteer"
    (row,) = rows
    assert (row["key"], row["kind"], row["label_en"]) == (key, kind, label), (
        f"{row['_where']}: {qid} should be key={key!r} kind={kind!r} label_en={label!r}, "
        f"got key={row['key']!r} kind={row['kind']!r} label_en={row['label_en']!r}"
    )


def test_coordinates_in_range(records):
    bad = []
    for r in records:
        lat, lon = r["lat"], r["lon"]
        if not lat and not lon:
            continue
        try:
            la, lo = float(lat), float(lon)
        except ValueError:
            bad.append(f"{r['_where']} {r['key']}: lat={lat!r} lon={lon!r} not numeric/paired")
            continue
        if not (-90 <= la <= 90 and -180 <= lo <= 180):
            bad.append(f"{r['_where']} {r['key']}: lat={la} lon={lo} out of range")
    assert not bad, "\n".join(bad)


def test_places_have_coordinates(records):
    bad = [
        f"{r['_where']} {r['key']}"
        for r in records
        if r["kind"] in {"state", "region", "city"} and not (r["lat"] and r["lon"])
    ]
    assert not bad, "states/regions/cities without coordinates:\n" + "\n".join(bad)


def test_references_resolve(records, by_key):
    bad = []
    for r in records:
        for col in ("part_of", "metonym_of"):
            ref = r[col]
            if ref and ref not in by_key:
                bad.append(f"{r['_where']} {r['key']}: {col}={ref!r} is not a known key")
            if ref == r["key"]:
                bad.append(f"{r['_where']} {r['key']}: {col} refers to itself")
    assert not bad, "\n".join(bad)


def test_places_part_of_states(records, by_key):
    bad = [
        f"{r['_where']} {r['key']}: part_of={r['part_of']!r} is a {by_key[r['part_of']]['kind']}"
        for r in records
        if r["kind"] in {"region", "city"}
        and r["part_of"]
        and by_key[r["part_of"]]["kind"] != "state"
    ]
    assert not bad, "\n".join(bad)


def test_every_state_has_a_capital_metonym(records):
    states = {r["key"] for r in records if r["kind"] == "state"}
    organisations = {r["key"] for r in records if r["kind"] == "organisation"}
    with_capital = {r["metonym_of"] for r in records if r["kind"] == "city" and r["metonym_of"]}
    # a capital that names an organisation seated there ("Brüssel" = the EU) still counts
    with_capital |= {r["part_of"] for r in records if r["kind"] == "city"
                     and r["metonym_of"] in organisations}
    missing = sorted(states - with_capital)
    assert not missing, f"states without a capital city row (metonym_of): {missing}"


def test_un_member_count(records):
    n = sum(1 for r in records if r["kind"] == "state")
    # 193 UN members + Holy See, Palestine, Taiwan, Kosovo
    assert n >= 197, f"expected at least 197 states (193 UN members + 4), found {n}"
    keys = {r["key"] for r in records if r["kind"] == "state"}
    for extra in ("holy-see", "palestine", "taiwan", "kosovo"):
        assert extra in keys, f"state {extra!r} missing"


def test_german_demonyms_are_lowercase_stems(records):
    """German demonyms are stems ('russisch', 'US-amerikanisch'); code adds the endings."""
    inflected = ("ische", "ischen", "ischer", "isches", "ischem")
    bad = []
    for r in records:
        for stem in filter(None, r["demonyms_de"].split("|")):
            last = stem.split("-")[-1]
            if last != last.lower() or stem.endswith(inflected):
                bad.append(f"{r['_where']} {r['key']}: {stem!r}")
    assert not bad, "German demonyms must be lowercase stems without ending:\n" + "\n".join(bad)


def test_no_genitive_s_aliases(records):
    """German genitives that are only name + 's' are generated by code, not listed."""
    allowed = {"Kremls"}
    bad = []
    for r in records:
        if r["kind"] == "leader":
            continue
        names = {r["label_de"], *r["aliases_de"].split("|")}
        for alias in r["aliases_de"].split("|"):
            if alias and alias not in allowed and alias.endswith("s") and alias[:-1] in names:
                bad.append(f"{r['_where']} {r['key']}: {alias!r}")
    assert not bad, "genitive-s aliases that code generates anyway:\n" + "\n".join(bad)

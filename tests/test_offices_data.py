"""Consistency checks for data/gazetteer/leaders.tsv and data/gazetteer/offices.tsv.

Plain csv reading only (no project imports): the files are tab-separated, UTF-8,
unquoted, with `|` separating items inside a cell.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest

GAZETTEER = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
LEADERS = GAZETTEER / "leaders.tsv"
OFFICES = GAZETTEER / "offices.tsv"

LEADER_COLUMNS = [
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
OFFICE_COLUMNS = ["holder", "office_of", "label_en", "label_de", "roles", "start", "end"]

ROLES = {"head_of_state", "head_of_government", "leader", "monarch", "secretary_general"}

# State and organisation keys agreed with the gazetteer (used when states.tsv /
# organisations.tsv are not present); keys from any gazetteer file are accepted too.
KNOWN_OFFICE_OF = {
    "russia", "france", "ukraine", "iran", "united-states", "china", "germany",
    "saudi-arabia", "belarus", "india", "brazil", "venezuela", "guyana", "north-korea",
    "south-korea", "netherlands", "poland", "italy", "united-kingdom", "australia",
    "turkey", "morocco", "spain", "argentina", "canada", "indonesia", "japan", "mexico",
    "south-africa", "israel", "hungary", "syria", "azerbaijan", "armenia", "pakistan",
    "united-nations", "nato", "european-union",
}  # fmt: skip

KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# QIDs verified against shared/devcorpus/entities.tsv: qid -> leader key.
VERIFIED_QIDS = {
    "Q7747": "vladimir-putin",
    "Q3052772": "emmanuel-macron",
    "Q61053": "olaf-scholz",
    "Q567": "angela-merkel",
    "Q22686": "donald-trump",
    "Q6279": "joe-biden",
    "Q3874799": "volodymyr-zelenskyy",
    "Q15031": "xi-jinping",
    "Q58132": "nicolas-maduro",
    "Q56226": "kim-jong-un",
    "Q39259": "recep-tayyip-erdogan",
    "Q180589": "boris-johnson",
    "Q57792": "mark-rutte",
    "Q311440": "antonio-guterres",
    "Q157": "francois-hollande",
}
FORBIDDEN_QIDS = {"Q2105": "Jacques Chirac"}

# (office_of, role, date) -> holder expected in office on that date.
KNOWN_HOLDERS = [
    ("germany", "leader", "2015-02-12", "angela-merkel"),
    ("germany", "leader", "2024-11-15", "olaf-scholz"),
    ("germany", "leader", "2025-07-01", "friedrich-merz"),
    ("germany", "head_of_state", "2020-01-01", "frank-walter-steinmeier"),
    ("united-states", "leader", "2016-06-01", "barack-obama"),
    ("united-states", "leader", "2021-09-22", "joe-biden"),
    ("united-states", "leader", "2025-02-12", "donald-trump"),
    ("united-states", "head_of_state", "2019-03-01", "donald-trump"),
    ("france", "head_of_state", "2015-02-12", "francois-hollande"),
    ("france", "head_of_state", "2022-06-01", "emmanuel-macron"),
    ("france", "head_of_government", "2024-10-01", "michel-barnier"),
    ("russia", "leader", "2025-07-01", "vladimir-putin"),
    ("russia", "leader", "2010-01-01", "dmitry-medvedev"),
    ("russia", "head_of_government", "2010-01-01", "vladimir-putin"),
    ("russia", "head_of_government", "2021-01-01", "mikhail-mishustin"),
    ("united-kingdom", "leader", "2022-10-01", "liz-truss"),
    ("united-kingdom", "leader", "2025-01-01", "keir-starmer"),
    ("united-kingdom", "monarch", "2020-01-01", "elizabeth-ii"),
    ("united-kingdom", "monarch", "2023-05-06", "charles-iii"),
    ("ukraine", "leader", "2016-01-01", "petro-poroshenko"),
    ("ukraine", "leader", "2022-02-24", "volodymyr-zelenskyy"),
    ("iran", "leader", "2023-01-01", "ali-khamenei"),
    ("iran", "head_of_government", "2023-01-01", "ebrahim-raisi"),
    ("israel", "leader", "2022-01-01", "naftali-bennett"),
    ("israel", "leader", "2023-10-07", "benjamin-netanyahu"),
    ("saudi-arabia", "leader", "2020-01-01", "salman-of-saudi-arabia"),
    ("saudi-arabia", "leader", "2023-01-01", "mohammed-bin-salman"),
    ("china", "leader", "2020-01-01", "xi-jinping"),
    ("china", "head_of_government", "2020-01-01", "li-keqiang"),
    ("japan", "leader", "2019-01-01", "shinzo-abe"),
    ("italy", "leader", "2021-06-01", "mario-draghi"),
    ("turkey", "leader", "2013-01-01", "recep-tayyip-erdogan"),
    ("turkey", "leader", "2020-01-01", "recep-tayyip-erdogan"),
    ("brazil", "leader", "2020-01-01", "jair-bolsonaro"),
    ("european-union", "leader", "2017-01-01", "jean-claude-juncker"),
    ("european-union", "leader", "2022-01-01", "ursula-von-der-leyen"),
    ("united-nations", "secretary_general", "2015-01-01", "ban-ki-moon"),
    ("nato", "secretary_general", "2020-01-01", "jens-stoltenberg"),
    ("nato", "secretary_general", "2025-01-01", "mark-rutte"),
    ("netherlands", "leader", "2020-01-01", "mark-rutte"),
    ("syria", "leader", "2020-01-01", "bashar-al-assad"),
    ("syria", "leader", "2025-06-01", "ahmed-al-sharaa"),
]


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows, f"{path.name} is empty"
    header, body = rows[0], rows[1:]
    out = []
    for lineno, values in enumerate(body, start=2):
        assert len(values) == len(header), f"{path.name}:{lineno}: {len(values)} fields"
        rec = dict(zip(header, values, strict=True))
        rec["_where"] = f"{path.name}:{lineno}"
        out.append(rec)
    return header, out


@pytest.fixture(scope="module")
def leaders() -> list[dict[str, str]]:
    return _read(LEADERS)[1]


@pytest.fixture(scope="module")
def offices() -> list[dict[str, str]]:
    return _read(OFFICES)[1]


def _day(value: str) -> date:
    return date.fromisoformat(value)


def _span(row: dict[str, str]) -> tuple[date, date]:
    return _day(row["start"]), _day(row["end"]) if row["end"] else date.max


def _holders_on(offices, office_of: str, role: str, day: str) -> set[str]:
    d = _day(day)
    found = set()
    for r in offices:
        if r["office_of"] != office_of or role not in r["roles"].split("|"):
            continue
        start, end = _span(r)
        # start inclusive, end exclusive (the handover day belongs to the successor)
        if start <= d < end:
            found.add(r["holder"])
    return found


def test_headers_exact():
    assert _read(LEADERS)[0] == LEADER_COLUMNS
    assert _read(OFFICES)[0] == OFFICE_COLUMNS


def test_leader_rows(leaders):
    keys = [r["key"] for r in leaders]
    assert len(keys) == len(set(keys)), "duplicate leader keys"
    for r in leaders:
        where = r["_where"]
        assert KEY_RE.match(r["key"]), f"{where}: bad key {r['key']!r}"
        assert r["kind"] == "leader", where
        assert r["label_en"] and r["label_de"], where
        assert not r["qid"] or QID_RE.match(r["qid"]), f"{where}: bad qid {r['qid']!r}"
        for col in ("demonyms_en", "demonyms_de", "lat", "lon", "part_of", "metonym_of"):
            assert r[col] == "", f"{where}: {col} must stay empty for leaders"
        for col, value in r.items():
            assert value == value.strip(), f"{where}: padded cell {col}={value!r}"
        for col in ("aliases_en", "aliases_de"):
            if r[col]:
                assert all(r[col].split("|")), f"{where}: empty alias item in {col}"


def test_leader_qids_unique_and_not_forbidden(leaders):
    seen: dict[str, str] = {}
    for r in leaders:
        q = r["qid"]
        if not q:
            continue
        assert q not in FORBIDDEN_QIDS, f"{r['_where']}: {q} is {FORBIDDEN_QIDS[q]}"
        assert q not in seen, f"{q} used by {seen[q]} and {r['key']}"
        seen[q] = r["key"]


@pytest.mark.parametrize("qid", sorted(VERIFIED_QIDS))
def test_verified_qids(leaders, qid):
    rows = [r for r in leaders if r["qid"] == qid]
    assert len(rows) == 1, f"verified QID {qid} missing or duplicated"
    assert rows[0]["key"] == VERIFIED_QIDS[qid]


def test_aliases_do_not_collide_between_leaders(leaders):
    owners: dict[str, set[str]] = defaultdict(set)
    for r in leaders:
        for col in ("label_en", "label_de", "aliases_en", "aliases_de"):
            for name in filter(None, r[col].split("|")):
                owners[name.casefold()].add(r["key"])
    clashes = {name: sorted(keys) for name, keys in owners.items() if len(keys) > 1}
    assert not clashes, f"names shared by several leaders: {clashes}"


def test_no_genitive_or_title_aliases(leaders):
    titles = ("president", "präsident", "chancellor", "kanzler", "minister", "the ")
    for r in leaders:
        names = {r["label_en"], r["label_de"], *r["aliases_en"].split("|")}
        names |= set(r["aliases_de"].split("|"))
        for alias in filter(None, (r["aliases_en"] + "|" + r["aliases_de"]).split("|")):
            assert not (alias.endswith("s") and alias[:-1] in names), (
                f"{r['_where']}: genitive alias {alias!r} is generated by code"
            )
            assert not alias.casefold().startswith(titles), f"{r['_where']}: title {alias!r}"


def test_office_rows(offices, leaders):
    holders = {r["key"] for r in leaders}
    known = set(KNOWN_OFFICE_OF)
    for path in GAZETTEER.glob("*.tsv"):
        if path.name in {"leaders.tsv", "offices.tsv"}:
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            if reader.fieldnames and "key" in reader.fieldnames:
                known |= {row["key"] for row in reader}
    for r in offices:
        where = r["_where"]
        assert r["holder"] in holders, f"{where}: unknown holder {r['holder']!r}"
        assert r["office_of"] in known, f"{where}: unknown office_of {r['office_of']!r}"
        assert r["label_en"] and r["label_de"], where
        roles = r["roles"].split("|")
        assert roles and set(roles) <= ROLES, f"{where}: bad roles {r['roles']!r}"
        assert len(roles) == len(set(roles)), f"{where}: repeated role"
        assert DATE_RE.match(r["start"]), f"{where}: bad start {r['start']!r}"
        assert not r["end"] or DATE_RE.match(r["end"]), f"{where}: bad end {r['end']!r}"
        start, end = _span(r)
        assert start <= end, f"{where}: start after end"


def test_every_leader_holds_an_office(offices, leaders):
    holders = {r["holder"] for r in offices}
    idle = sorted(r["key"] for r in leaders if r["key"] not in holders)
    assert not idle, f"leaders without an office row: {idle}"


def test_no_overlapping_terms_per_role(offices):
    by_slot: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in offices:
        for role in r["roles"].split("|"):
            by_slot[(r["office_of"], role)].append(r)
    clashes = []
    for (office_of, role), rows in by_slot.items():
        for a, b in combinations(rows, 2):
            a_start, a_end = _span(a)
            b_start, b_end = _span(b)
            # touching on the handover day is fine
            if a_start < b_end and b_start < a_end:
                clashes.append(
                    f"{office_of}/{role}: {a['holder']} {a['start']}..{a['end']} vs "
                    f"{b['holder']} {b['start']}..{b['end']}"
                )
    assert not clashes, "overlapping terms:\n" + "\n".join(clashes)


def test_every_office_of_has_a_leader_in_2020(offices):
    """Every state/organisation with office rows has someone in the `leader` role on
    2020-01-01 (one at a time is checked by the overlap test)."""
    states = {r["office_of"] for r in offices}
    skip = {"syria"}  # covered by explicit dates below
    missing = sorted(
        s for s in states - skip if not _holders_on(offices, s, "leader", "2020-01-01")
    )
    assert not missing, f"no leader on 2020-01-01 for: {missing}"


@pytest.mark.parametrize(("office_of", "role", "day", "holder"), KNOWN_HOLDERS)
def test_known_holders(offices, office_of, role, day, holder):
    assert _holders_on(offices, office_of, role, day) == {holder}

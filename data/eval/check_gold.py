#!/usr/bin/env python3
"""Sanity check of a hand-written gold file: python3 data/eval/check_gold.py [GOLD.json]

One checker for every evaluation set (default: data/eval/gold.json). It reads the
`entities.tsv` next to the gold file (verified QIDs, types, office terms of leaders) and the
set's own writing rules from an optional `checks.json` there:
  {"words": [150, 400], "max_quoted_articles": 0, "events_per_article": [2, 6],
   "exact_keys": true, "not_in_office_ok": [["h-en-06", "Q22686", "why"]]}
Checks: JSON parses; ids unique; files exist; word counts; published/event dates well-formed
and not after publication; event/entity types valid; key sets as in shared/gold-format.md;
every QID (entities, participants, addressees, QID objects, unscored) is in entities.tsv with
the same type; TERRITORIAL_CLAIM objects are region/state QIDs; a leader used as participant or
addressee held office on the event date. Exit status 1 on any error.
"""

import csv
import datetime
import json
import os
import re
import sys
from collections import Counter

QID = re.compile(r"^Q[1-9][0-9]*$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ETYPES = {"CALL", "MEETING", "DEMAND", "TERRITORIAL_CLAIM", "AGREEMENT", "SUPPORT"}
KINDS = {"leader", "state", "region", "organisation", "treaty"}
ENTRY_KEYS = {"id", "file", "lang", "published", "entities", "events", "negatives", "unscored"}
ENTITY_KEYS = {"label", "type", "wikidata"}
EVENT_KEYS = {"type", "participants", "addressee", "object", "date", "evidence"}
UNSCORED_KEYS = {"type", "participants", "why"}
DEFAULT_RULES = {
    "words": [150, 400],
    "max_quoted_articles": 0,
    "events_per_article": None,
    "exact_keys": False,
    "not_in_office_ok": [],
}

gold_path = os.path.abspath(
    sys.argv[1]
    if len(sys.argv) > 1
    else os.path.join(os.path.dirname(os.path.abspath(__file__)), "gold.json")
)
folder = os.path.dirname(gold_path)
gold = json.load(open(gold_path, encoding="utf-8"))
rows = list(csv.DictReader(open(os.path.join(folder, "entities.tsv"), encoding="utf-8"), delimiter="\t"))
rules_path = os.path.join(folder, "checks.json")
rules = {**DEFAULT_RULES, **(json.load(open(rules_path)) if os.path.exists(rules_path) else {})}
not_in_office_ok = {(a, q): why for a, q, why in rules["not_in_office_ok"]}
types = {r["qid"]: r["type"] for r in rows}
terms = {}
for r in rows:
    if r["type"] == "leader":
        terms.setdefault(r["qid"], []).append((r["office_start"], r["office_end"] or "9999-12-31"))
err, warn, quoted = [], [], []
for i, n in Counter(e["id"] for e in gold).items():
    if n > 1:
        err.append(f"duplicate id {i}")
for r in rows:
    if not QID.match(r["qid"]) or r["type"] not in KINDS:
        err.append(f"entities.tsv bad row {r}")
    for k in ("office_start", "office_end"):
        if r[k] and not DAY.match(r[k]):
            err.append(f"entities.tsv bad {k} {r}")
    if r["type"] == "leader" and not (r["leads"] and r["office_start"]):
        err.append(f"leader {r['qid']} lacks leads/office_start")


def in_office(q, d):
    if d is None:
        return True
    lo = d + "-01-01"[len(d) - 4 :] if len(d) < 10 else d  # start of the period
    hi = d + "-12-31"[len(d) - 4 :] if len(d) < 10 else d
    return any(s <= hi and lo <= e for s, e in terms[q])


def check_keys(a, e):
    if set(e) - ENTRY_KEYS:
        err.append(f"{a}: unknown keys {set(e) - ENTRY_KEYS}")
    for x in e["entities"]:
        if set(x) != ENTITY_KEYS:
            err.append(f"{a}: entity keys {set(x)}")
    for ev in e["events"]:
        if set(ev) != EVENT_KEYS:
            err.append(f"{a}: event keys {set(ev)}")
    for u in e.get("unscored", []):
        if set(u) != UNSCORED_KEYS:
            err.append(f"{a}: unscored keys {set(u)}")


per_type, per_lang = Counter(), Counter()
for e in gold:
    a = e["id"]
    for k in ("id", "file", "lang", "published", "entities", "events", "negatives"):
        if k not in e:
            err.append(f"{a}: missing {k}")
    path = os.path.join(folder, e["file"])
    if not os.path.isfile(path):
        err.append(f"{a}: missing file {e['file']}")
        continue
    text = open(path, encoding="utf-8").read()
    w = len(text.split())
    lo, hi = rules["words"]
    if not lo <= w <= hi:
        err.append(f"{a}: {w} words (want {lo}-{hi})")
    if re.search(r'["„“”]', text):
        quoted.append(a)
    if e["lang"] not in ("de", "en"):
        err.append(f"{a}: lang {e['lang']}")
    if not DAY.match(e["published"]):
        err.append(f"{a}: published {e['published']}")
    if rules["exact_keys"]:
        check_keys(a, e)
    if rules["events_per_article"]:
        lo, hi = rules["events_per_article"]
        if not lo <= len(e["events"]) <= hi:
            err.append(f"{a}: {len(e['events'])} events (want {lo}-{hi})")
    listed = set()
    for x in e["entities"]:
        q = x["wikidata"]
        listed.add(q)
        if x["type"] not in KINDS:
            err.append(f"{a}: entity type {x}")
        if q not in types:
            err.append(f"{a}: entity {q} not in entities.tsv")
        elif types[q] != x["type"]:
            err.append(f"{a}: {q} typed {x['type']} but {types[q]} in entities.tsv")
    for ev in e["events"]:
        t = ev["type"]
        per_type[t] += 1
        per_lang[(e["lang"], t)] += 1
        if t not in ETYPES:
            err.append(f"{a}: event type {t}")
        if not ev["participants"]:
            err.append(f"{a}: {t} without participants")
        if not isinstance(ev.get("addressee"), list):
            err.append(f"{a}: {t} addressee must be a list")
        if not ev.get("evidence"):
            warn.append(f"{a}: {t} without evidence")
        d = ev.get("date")
        if d is not None and not DATE.match(d):
            err.append(f"{a}: bad date {d}")
        if d is not None and d > e["published"][: len(d)]:
            err.append(f"{a}: {t} date {d} after published")
        used = list(ev["participants"]) + list(ev["addressee"])
        o = ev.get("object")
        if t == "TERRITORIAL_CLAIM":
            if not (isinstance(o, str) and QID.match(o)):
                err.append(f"{a}: claim object must be a QID")
            elif types.get(o) not in ("region", "state"):
                err.append(f"{a}: claim object {o} is {types.get(o)}")
        if isinstance(o, str) and QID.match(o):
            used.append(o)
        for q in used:
            if q not in types:
                err.append(f"{a}: {t} uses {q}, not in entities.tsv")
                continue
            if q not in listed:
                warn.append(f"{a}: {t} uses {q}, not in the article's entities")
            if types[q] == "leader" and q in ev["participants"] + ev["addressee"] and not in_office(q, d):
                if (a, q) in not_in_office_ok:
                    warn.append(
                        f"{a}: {t}: leader {q} not in office on {d} (accepted: {not_in_office_ok[(a, q)]})"
                    )
                else:
                    err.append(f"{a}: {t}: leader {q} not in office on {d}")
    for u in e.get("unscored", []):
        if u.get("type") not in ETYPES or not isinstance(u.get("participants"), list) or not u.get("why"):
            err.append(f"{a}: bad unscored {u}")
        for q in u.get("participants", []):
            if q not in types:
                err.append(f"{a}: unscored uses {q}, not in entities.tsv")
    if not isinstance(e["negatives"], list) or not e["negatives"]:
        err.append(f"{a}: negatives must be a non-empty list")
    wd = datetime.date.fromisoformat(e["published"]).strftime("%a")
    print(
        f"{a}: {e['lang']} {e['published']} ({wd}) {w} words, {len(e['events'])} events, "
        f"{len(e['entities'])} entities, "
        f"{len(e['negatives'])} negatives, {len(e.get('unscored', []))} unscored"
    )
print(f"articles: {len(gold)} {dict(Counter(e['lang'] for e in gold))}")
print(f"events: {sum(per_type.values())} {dict(sorted(per_type.items()))}")
for lang in ("de", "en"):
    print(f"  {lang}: " + ", ".join(f"{t}={per_lang[(lang, t)]}" for t in sorted(ETYPES)))
print(
    f"entity annotations: {sum(len(e['entities']) for e in gold)}; "
    f"distinct QIDs: {len({x['wikidata'] for e in gold for x in e['entities']})}; "
    f"rows in entities.tsv: {len(rows)}"
)
print(
    f"negatives: {sum(len(e['negatives']) for e in gold)}; "
    f"unscored: {sum(len(e.get('unscored', [])) for e in gold)}"
)
print(f"articles with quotation marks: {len(quoted)} {quoted}")
if len(quoted) > rules["max_quoted_articles"]:
    err.append(f"quotation marks in {len(quoted)} articles (at most {rules['max_quoted_articles']})")
for w_ in warn:
    print("WARNING:", w_)
for x in err:
    print("ERROR:", x)
sys.exit(1 if err else 0)

#!/usr/bin/env python3
"""Build the real-news gold files from the annotators' parts:

    python3 data/eval/realnews/assemble.py [FOLDER]

Reads FOLDER/annotations/part-*.json (one list per annotator) and FOLDER/pointers.tsv (the
split; FOLDER is this one unless given, e.g. ../frozen-2), and writes gold-dev.json and
gold-test.json for the splits it has (entries in id order) and entities.tsv (every QID
the gold uses, with labels and, for leaders, one row per office term from the gazetteer;
the format check_gold.py reads). Standard library only.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GAZETTEER = HERE.parent.parent / "gazetteer"
DEVCORPUS_ENTITIES = HERE.parents[3] / "shared" / "devcorpus" / "entities.tsv"
COLUMNS = ["qid", "type", "label_en", "label_de", "aliases", "leads", "office_start", "office_end"]


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def gold_qids(gold: list[dict]) -> set[str]:
    used: set[str] = set()
    for entry in gold:
        used |= {e["wikidata"] for e in entry["entities"]}
        for event in entry["events"] + entry.get("unscored", []):
            used |= set(event["participants"]) | set(event.get("addressee") or [])
            if str(event.get("object") or "").startswith("Q"):
                used.add(event["object"])
    return used


def entity_rows(used: set[str]) -> list[dict[str, str]]:
    """Gazetteer rows for the QIDs used; the devcorpus table for any the gazetteer lacks."""
    entities = {r["key"]: r for f in sorted(GAZETTEER.glob("*.tsv"))
                for r in read_tsv(f) if r.get("kind") and "qid" in r}  # entity tables only
    qid_of = {key: r["qid"] for key, r in entities.items() if r["qid"]}
    offices = read_tsv(GAZETTEER / "offices.tsv")
    rows: list[dict[str, str]] = []
    for key, r in sorted(entities.items(), key=lambda kv: kv[1]["qid"]):
        if r["qid"] not in used:
            continue
        base = {"qid": r["qid"], "type": r["kind"], "label_en": r["label_en"],
                "label_de": r["label_de"], "aliases": "|".join(
                    a for a in (r["aliases_en"], r["aliases_de"]) if a),
                "leads": "", "office_start": "", "office_end": ""}
        terms = [o for o in offices if o["holder"] == key and qid_of.get(o["office_of"])]
        if r["kind"] == "leader" and terms:
            rows += [{**base, "leads": qid_of[o["office_of"]], "office_start": o["start"],
                      "office_end": o["end"]} for o in terms]
        elif r["kind"] != "leader":
            rows.append(base)
    known = {r["qid"] for r in rows}
    if DEVCORPUS_ENTITIES.exists():
        rows += [r for r in read_tsv(DEVCORPUS_ENTITIES) if r["qid"] in used - known]
    return rows


def main() -> int:
    folder = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE
    split = {r["id"]: r["split"] for r in read_tsv(folder / "pointers.tsv")}
    entries = [e for part in sorted((folder / "annotations").glob("part-*.json"))
               for e in json.loads(part.read_text(encoding="utf-8"))]
    missing = sorted(set(split) - {e["id"] for e in entries})
    if missing:
        print(f"no gold yet for {len(missing)} articles: {' '.join(missing)}", file=sys.stderr)
    for name in sorted(set(split.values())):
        part = sorted((e for e in entries if split[e["id"]] == name), key=lambda e: e["id"])
        (folder / f"gold-{name}.json").write_text(
            json.dumps(part, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"gold-{name}.json: {len(part)} entries, "
              f"{sum(len(e['events']) for e in part)} events")
    rows = entity_rows(gold_qids(entries))
    with (folder / "entities.tsv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, delimiter="\t", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    print(f"entities.tsv: {len(rows)} rows")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

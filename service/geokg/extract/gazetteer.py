"""The gazetteer: entities with Wikidata IDs, their names in both languages, and offices.

Read once from `data/gazetteer/*.tsv` (entities) and `offices.tsv` (who held which office
when). Names are indexed as folded token sequences, so "Russlands", "Russia's" and
"Erdoğan" all reach their entry; German genitives are generated, not listed.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path

from geokg.extract.model import Entity, Office
from geokg.extract.text import fold, tokenize
from geokg.resources import GAZETTEER_DIR

ACTOR_KINDS = frozenset({"leader", "state", "organisation"})
GERMAN_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")


@dataclass(frozen=True)
class NameEntry:
    entity: str
    how: str  # name | alias | demonym | people ("the Palestinians") | official
    exact_case: bool  # short all-caps names (US, EU) must match as written
    capitalized: bool  # proper names must start uppercase in the text
    #: An official's name stands for the state they serve only during their term.
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    #: A form of one language only: the German genitive "Islands" (of Island, Iceland) is
    #: no name in English, where it is a plural ("Pacific Islands Forum").
    lang: str | None = None

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to)


@dataclass
class Gazetteer:
    entities: dict[str, Entity] = field(default_factory=dict)
    offices: list[Office] = field(default_factory=list)
    names: dict[tuple[str, ...], list[NameEntry]] = field(default_factory=dict)
    longest_name: int = 1
    # first token of a name -> the token lengths of names starting with it, longest first
    lengths: dict[str, list[int]] = field(default_factory=dict)
    _words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def name_words(self, key: str) -> frozenset[str]:
        """The folded words of an entity's names ("UN-Sicherheitsrat": un, sicherheitsrat):
        a body is told by a word of its name ("der Gerichtshof", "the Council"). Cached, as
        the same few bodies are asked about again and again."""
        if key not in self._words:
            e = self.entities[key]
            self._words[key] = frozenset(w for name in (e.label_en, e.label_de, *e.aliases)
                                         for w in fold(name).replace("-", " ").split())
        return self._words[key]

    @cached_property
    def terms_of(self) -> dict[str, list[Office]]:
        """Office terms by holder: `state_of` runs for every side of every event."""
        terms: dict[str, list[Office]] = {}
        for office in self.offices:
            terms.setdefault(office.holder, []).append(office)
        return terms

    def office_holder(self, office_of: str, roles: Iterable[str], on: dt.date) -> str | None:
        """Who held an office of `office_of` with one of `roles` on a date (first role wins)."""
        for role in roles:
            for office in self.offices:
                if (office.office_of == office_of and role in office.roles
                        and office.start <= on and (office.end is None or on <= office.end)):
                    return office.holder
        return None

    def holder_of(self, key: str, on: dt.date) -> str:
        """The state a region belongs to in the gazetteer (Crimea: Ukraine), else `state_of`."""
        entity = self.entities[key]
        return entity.part_of if entity.kind == "region" and entity.part_of else self.state_of(key, on)

    def other_leader(self, these: Iterable[str], those: Iterable[str], on: dt.date) -> bool:
        """Whether `these` name a leader of a state for which `those` name only other
        leaders ("Steinmeier und Selenskyj" beside "Scholz und Selenskyj": Germany's
        president, not its chancellor). A state named without a leader fits any of them."""
        led: dict[str, set[str]] = {}
        for key in those:
            if self.entities[key].kind == "leader":
                led.setdefault(self.state_of(key, on), set()).add(key)
        return any(key not in led.get(self.state_of(key, on), {key})
                   for key in these if self.entities[key].kind == "leader")

    def stands_for(self, key: str) -> str:
        """What a name stands for as a side: a capital or seat of government its state
        ("Moskau", "the Kremlin"), anything else itself."""
        return self.entities[key].metonym_of or key

    def state_of_place(self, key: str) -> str:
        """The side a place stands for: a capital or seat of government its state, any other
        city the state it is in ("landed in Karachi"), anything else itself."""
        entity = self.entities[key]
        return entity.metonym_of or (entity.part_of if entity.kind == "city" and entity.part_of else key)

    def states_of(self, keys: Iterable[str], on: dt.date) -> set[str]:
        """The sides `keys` stand for on a date (`state_of` of each)."""
        return {self.state_of(key, on) for key in keys}

    def in_office(self, key: str, on: dt.date) -> bool:
        """Whether a leader held one of their offices on a date."""
        return any(o.start <= on and (o.end is None or on <= o.end) for o in self.terms_of.get(key, []))

    def state_of(self, key: str, on: dt.date) -> str:
        """The state (or organisation) a leader led on a date; other entities stand for
        themselves. This is how "Putin" and "Russia" become the same side of an event."""
        if self.entities[key].kind != "leader":
            return self.stands_for(key)
        terms = self.terms_of.get(key, [])
        current = [o for o in terms if o.start <= on and (o.end is None or on <= o.end)]
        chosen = current or sorted(terms, key=lambda o: abs((o.start - on).days))
        return chosen[0].office_of if chosen else key

    def incoming_state(self, key: str, on: dt.date) -> str | None:
        """The state a leader elected but not yet sworn in will lead ("President-elect Trump
        spoke with Tsai" in December 2016): the side such a leader speaks for, as news and
        annotators count it. None for anyone in office or not about to be."""
        if self.entities[key].kind != "leader":
            return None
        terms = self.terms_of.get(key, [])
        if self.in_office(key, on):
            return None
        upcoming = [o for o in terms if on < o.start <= on + dt.timedelta(days=INCOMING_DAYS)]
        return min(upcoming, key=lambda o: o.start).office_of if upcoming else None

    def add_name(self, text: str, entry: NameEntry) -> None:
        key = tuple(t.key for t in tokenize(text, lang="en"))
        if not key:
            return
        if "-" in key[1:-1]:  # "Neu-Delhi" is also written "Neu Delhi", "Kim Jong-un" "Kim Jong Un"
            self._add_key(tuple(k for k in key if k != "-"), entry)
        self._add_key(key, entry)

    def _add_key(self, key: tuple[str, ...], entry: NameEntry) -> None:
        bucket = self.names.setdefault(key, [])
        if entry in bucket:
            return  # an official's listed genitive and the one generated, a folded duplicate
        # one entry per entity and use: "U.S." is a name ("the U.S. and Japan") and a
        # demonym ("U.S. officials"); the name, indexed first, is chosen
        same = [e for e in bucket if e.entity == entry.entity and e.how == entry.how
                and entry.how != "official"]
        if not same:
            bucket.append(entry)
        elif same[0].exact_case and not entry.exact_case:  # "NATO" and "Nato": either spelling
            bucket[bucket.index(same[0])] = entry
        self.longest_name = max(self.longest_name, len(key))
        sizes = self.lengths.setdefault(key[0], [])
        if len(key) not in sizes:
            sizes.append(len(key))
            sizes.sort(reverse=True)


# Tables beside the entity files that hold no entities: who held which office, and
# where each Wikidata ID was checked (data/gazetteer/README.md).
NOT_ENTITY_FILES = frozenset({"offices.tsv", "wikidata-sources.tsv", "officials.tsv",
                              "surnames.tsv"})
#: How long before a term a leader counts as elected and about to take office (Mexico's
#: president-elect waits five months, from the June vote to 1 December).
INCOMING_DAYS = 160
#: How long around their terms a leader's bare surname still means them.
SURNAME_BEFORE = dt.timedelta(days=365)
SURNAME_AFTER = dt.timedelta(days=3 * 365)


@lru_cache(maxsize=4)
def load_gazetteer(folder: Path = GAZETTEER_DIR) -> Gazetteer:
    gazetteer = Gazetteer()
    for path in sorted(folder.glob("*.tsv")):
        if path.name in NOT_ENTITY_FILES:
            continue
        for row in _read_tsv(path):
            entity = _entity_from_row(row)
            gazetteer.entities[entity.key] = entity
            _index_names(gazetteer, entity, row)
    offices = folder / "offices.tsv"
    if offices.exists():
        gazetteer.offices = [_office_from_row(r) for r in _read_tsv(offices)]
    officials = folder / "officials.tsv"
    if officials.exists():
        for row in _read_tsv(officials):
            _index_official(gazetteer, row)
    surnames = folder / "surnames.tsv"
    if surnames.exists():
        _index_surnames(gazetteer, _read_tsv(surnames))
    return gazetteer


def _index_surnames(gazetteer: Gazetteer, rows: list[dict[str, str]]) -> None:
    """"Sharif said …", "Präsident Abbas": news names a leader by surname alone. A bare
    surname is weaker than a full name, so it means the leader only around their terms,
    and not at all while two leaders of that surname are both in that window."""
    windows: dict[str, list[tuple[str, dt.date, dt.date | None]]] = {}
    for row in rows:
        terms = gazetteer.terms_of.get(row["key"], [])
        if not terms:
            continue
        start = min(o.start for o in terms) - SURNAME_BEFORE
        ends = [o.end for o in terms]
        end = None if None in ends else max(e for e in ends if e) + SURNAME_AFTER
        windows.setdefault(fold(row["surname"]), []).append((row["key"], start, end))
    for group in windows.values():
        for key, start, end in group:
            if any(other != key and _overlap(start, end, s2, e2) for other, s2, e2 in group):
                continue
            surname = next(r["surname"] for r in rows if r["key"] == key)
            entry = NameEntry(key, "name", False, True, start, end)
            gazetteer.add_name(surname, entry)
            if not fold(surname).endswith(("s", "x", "z")):
                gazetteer.add_name(surname + "s", replace(entry, lang="de"))  # genitive: Sharifs


def _overlap(a_start: dt.date, a_end: dt.date | None, b_start: dt.date, b_end: dt.date | None) -> bool:
    return (b_end is None or a_start <= b_end) and (a_end is None or b_start <= a_end)


def _index_official(gazetteer: Gazetteer, row: dict[str, str]) -> None:
    """A minister, envoy or spokesperson acts for the state or organisation they serve
    ("Baerbock urged Beijing …" is Germany urging China), during their term only: their
    names become names of that state, valid from `start` to `end`."""
    if row["serves"] not in gazetteer.entities:
        return
    start = dt.date.fromisoformat(row["start"]) if row.get("start") else None
    end = dt.date.fromisoformat(row["end"]) if row.get("end") else None
    names = [row["name_en"], row["name_de"], *_split(row.get("aliases_en", "")),
             *_split(row.get("aliases_de", ""))]
    for name in dict.fromkeys(n for n in names if n):
        entry = NameEntry(row["serves"], "official", False, True, start, end)
        gazetteer.add_name(name, entry)
        if not fold(name).endswith(("s", "x", "z")):
            gazetteer.add_name(name + "s", replace(entry, lang="de"))  # German genitive: Lawrows


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()}
                for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _entity_from_row(row: dict[str, str]) -> Entity:
    aliases = tuple(_split(row.get("aliases_en", "")) + _split(row.get("aliases_de", "")))
    return Entity(
        key=row["key"], kind=row["kind"], qid=row.get("qid") or None,
        label_en=row["label_en"], label_de=row.get("label_de") or row["label_en"],
        aliases=aliases,
        lat=float(row["lat"]) if row.get("lat") else None,
        lon=float(row["lon"]) if row.get("lon") else None,
        part_of=row.get("part_of") or None, metonym_of=row.get("metonym_of") or None,
    )


def _index_names(gazetteer: Gazetteer, entity: Entity, row: dict[str, str]) -> None:
    names = [entity.label_en, entity.label_de, *entity.aliases]
    english = {entity.label_en, *_split(row.get("aliases_en", ""))}
    for name in names:
        # the German label, when no English name, is German only: "Taiping Island" is no
        # Iceland (German aliases are often English spellings too: "Opec", "Dbeiba")
        german_only = name == entity.label_de and name not in english
        entry = NameEntry(entity.key, "name", _is_acronym(name), name[:1].isupper(),
                          lang="de" if german_only else None)
        gazetteer.add_name(name, entry)
        if name[:1].isupper() and not fold(name).endswith(("s", "x", "z")):
            gazetteer.add_name(name + "s", replace(entry, lang="de"))  # German genitive: Russlands
    for form in _split(row.get("demonyms_en", "")):
        gazetteer.add_name(form, NameEntry(entity.key, "demonym", False, True))
        if form.endswith("an"):  # "the Palestinians want …": the people as a side
            gazetteer.add_name(form + "s", NameEntry(entity.key, "people", False, True))
    for stem in _split(row.get("demonyms_de", "")):
        for ending in GERMAN_ADJECTIVE_ENDINGS:
            gazetteer.add_name(stem + ending, NameEntry(entity.key, "demonym", False, False))
        people = stem[:-4] + "er"  # "ukrainisch": "Waffen an die Ukrainer", "den Syrern"
        if stem.endswith("isch") and entity.kind in ("state", "region") and people not in NOT_PEOPLE:
            for form in (people, people + "n", people + "s"):
                gazetteer.add_name(form[:1].upper() + form[1:], NameEntry(entity.key, "people", False, True,
                                                                          lang="de"))
    for name in [entity.label_de, *_split(row.get("aliases_de", ""))]:
        for form in declined(name):
            gazetteer.add_name(form, NameEntry(entity.key, "name", False, True, lang="de"))


#: German people nouns made from a demonym that are other words ("malisch": not "die Maler";
#: "die Malteser" are an aid service, "die Dominikaner" an order).
NOT_PEOPLE = frozenset({"maler", "letter", "malteser", "dominikaner"})

#: Stems of adjectives in German names besides those in "-isch" ("Vereinigte Arabische Emirate").
NAME_ADJECTIVES = frozenset({"vereinigt", "neu", "rot", "schwarz", "groß", "gelb", "weiß", "hoh", "frei",
                             "vereint", "autonom", "besetzt", "ständig", "international", "zentral"})


def declined(name: str) -> list[str]:
    """A German name's other cases, its adjectives declined together: "Südchinesisches Meer"
    is also "das Südchinesische Meer", "im Südchinesischen Meer"; "Europäisches Parlament" also
    "Europäische", "Europäischen Parlament"."""
    words = name.split()
    head = 0  # the adjectives before the first noun ("Internationales Komitee vom Roten Kreuz")
    while head < len(words) - 1 and _adjective_stem(words[head]) is not None:
        head += 1
    if head == 0:
        return []
    stems = [_adjective_stem(w) or w for w in words[:head]]
    forms = [" ".join([stem + ending for stem in stems] + words[head:])
             for ending in GERMAN_ADJECTIVE_ENDINGS[1:]]
    return [form for form in forms if form != name]


def _adjective_stem(word: str) -> str | None:
    """"Europäisches" → "Europäisch", "Vereinigte" → "Vereinigt"; None for a word that is no
    inflected adjective."""
    if not word[:1].isupper():
        return None
    for ending in ("es", "er", "en", "em", "e"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and (stem.lower().endswith("isch") or stem.lower() in NAME_ADJECTIVES):
            return stem
    return None


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) <= 4 and all(c.isupper() for c in letters)


def _office_from_row(row: dict[str, str]) -> Office:
    return Office(
        holder=row["holder"], office_of=row["office_of"],
        label_en=row["label_en"], label_de=row.get("label_de") or row["label_en"],
        roles=frozenset(_split(row["roles"])),
        start=dt.date.fromisoformat(row["start"]),
        end=dt.date.fromisoformat(row["end"]) if row.get("end") else None,
    )

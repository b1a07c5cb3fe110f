"""What extraction produces: plain data, no RDF. `graph/` turns these into triples."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class EventType(StrEnum):
    """Event types of the ontology; the value is the gold-format name."""

    CALL = "CALL"
    MEETING = "MEETING"
    DEMAND = "DEMAND"
    TERRITORIAL_CLAIM = "TERRITORIAL_CLAIM"
    AGREEMENT = "AGREEMENT"
    SUPPORT = "SUPPORT"


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class FuzzyDate:
    """A date known to a day, a month or a year ("Anfang 2025" is 2025 at year precision)."""

    value: dt.date
    precision: Precision

    def bounds(self) -> tuple[dt.date, dt.date]:
        """First and last day of the period the date covers (for range filters in SPARQL)."""
        if self.precision is Precision.DAY:
            return self.value, self.value
        if self.precision is Precision.MONTH:
            start = self.value.replace(day=1)
            following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return start, following - dt.timedelta(days=1)
        return dt.date(self.value.year, 1, 1), dt.date(self.value.year, 12, 31)

    def iso(self) -> str:
        if self.precision is Precision.DAY:
            return self.value.isoformat()
        if self.precision is Precision.MONTH:
            return self.value.strftime("%Y-%m")
        return f"{self.value.year:04d}"


@dataclass(frozen=True)
class Office:
    """A term in office: who led what, in which role, from when to when (end None = ongoing)."""

    holder: str  # entity key of the leader
    office_of: str  # entity key of the state or organisation
    label_en: str
    label_de: str
    roles: frozenset[str]
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True)
class Entity:
    """A gazetteer entry. `key` is our stable identifier (it becomes the IRI's last segment)."""

    key: str
    kind: str  # leader | state | region | city | organisation | treaty
    qid: str | None
    label_en: str
    label_de: str
    aliases: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    part_of: str | None = None  # region/city -> state key
    metonym_of: str | None = None  # capital "Moskau" -> state key "russia"


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # character offsets into Article.text
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True)
class Mention:
    """A span of text that names an entity (directly, by title, metonym or pronoun)."""

    entity: str  # entity key
    start: int
    end: int
    text: str
    sentence: int
    how: str = "name"  # name | alias | title | metonym | pronoun | demonym


@dataclass
class Event:
    type: EventType
    participants: list[str]  # entity keys; for TERRITORIAL_CLAIM the claimant
    sentence: Sentence
    trigger: str
    addressees: list[str] = field(default_factory=list)
    territories: list[str] = field(default_factory=list)  # TERRITORIAL_CLAIM
    treaty: str | None = None  # entity key of a named treaty (AGREEMENT / DEMAND object)
    topic: str | None = None  # what is demanded, agreed, supplied: a phrase from the text
    support_kind: str | None = None  # SUPPORT: its kinds, sorted and comma-joined ("money,weapons")
    date: FuzzyDate | None = None
    place: str | None = None  # entity key
    confidence: float = 0.8
    extra_sentences: list[Sentence] = field(default_factory=list)  # merged reports
    conjunct: int = 0  # "agreed to X and to Y": 0 for X, 1 for Y — separate events


@dataclass
class Article:
    """One article as read: text, metadata, and what extraction found in it."""

    id: str  # first 16 hex digits of sha256 of the text
    text: str
    lang: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    sources: list[str] = field(default_factory=list)  # the "Quellen" of a Details block
    place: str | None = None  # default place of its events (dateline / "Ort")
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

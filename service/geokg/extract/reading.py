"""One sentence as the event rules read it: its tokens, the names found in it, its dates
and clauses, and the day the article speaks from. Shared by `events` (triggers, cues) and
`roles` (who is which side), so neither needs the other's module to know its shape."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from geokg.extract.clauses import Clause
from geokg.extract.dates import DateMention
from geokg.extract.mentions import Found
from geokg.extract.model import Sentence
from geokg.extract.text import Token


@dataclass
class SentenceReading:
    sentence: Sentence
    tokens: list[Token]
    found: list[Found]
    dates: list[DateMention]
    clauses: list[Clause] = field(default_factory=list)
    #: The day the article speaks from (its publication date, else today): whose office a
    #: leader holds, and so which state they speak for, depends on it.
    day: dt.date = field(default_factory=dt.date.today)
    #: Token indexes of call nouns that point back ("bei dem Telefonat"): set by reading.
    call_references: list[int] = field(default_factory=list)
    #: Token indexes where the sentence's demands, supplies and claims start ("met Fidan and
    #: urged Ankara …": a second verb, whose names are its own): set by reading.
    trigger_starts: list[int] = field(default_factory=list)
    #: Token indexes where its meetings start, but talks ("Nach dem Telefonat mit Xi reiste
    #: Scholz nach Peking und traf dort Li": the call's names end at "traf"): set by reading.
    meeting_starts: list[int] = field(default_factory=list)

    @cached_property
    def named(self) -> frozenset[int]:
        """Token indexes inside a name found: several rules ask whether a word is part of one."""
        return frozenset(i for f in self.found for i in range(f.first, f.last + 1))

"""Events from sentences: a trigger word, the sides around it, a date, and what is at stake.

Each sentence is read on its own first (`read_sentence`); the article then links sentences
(`Discourse`): "das Telefonat" or "the agreement" refers back to an event already read,
"beide Länder"/"the two leaders" names the last two sides, a demand made "im Gespräch" is
addressed to the other side of that call, and undated events inherit the date of the event
they continue.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from geokg.extract.clauses import Clause, clause_of, has_cue, is_blocked, split_clauses
from geokg.extract.dates import DateMention
from geokg.extract.gazetteer import Gazetteer
from geokg.extract.lexicon import Lexicon, Trigger
from geokg.extract.mentions import Found
from geokg.extract.model import Event, EventType, FuzzyDate, Sentence
from geokg.extract.text import Token

MULTI_SIDED = (EventType.CALL, EventType.MEETING, EventType.AGREEMENT)
ALL_CUES = ("negation", "modality", "planned", "denial", "question")
BASE_CONFIDENCE = 0.85


@dataclass
class SentenceReading:
    sentence: Sentence
    tokens: list[Token]
    found: list[Found]
    dates: list[DateMention]
    clauses: list[Clause] = field(default_factory=list)


@dataclass
class Candidate:
    """An event as one sentence states it, before the article links it to others."""

    event: Event
    trigger: Trigger
    anchor: int  # token index of the trigger
    definite: bool  # "das Telefonat", "the agreement": refers to an event already named
    group: str | None  # "leaders" / "states" when sides are named as "beide"/"the two"
    anchored: bool  # "im Gespräch", "during the call": part of the last call or meeting
    support_kinds: tuple[str, ...] = ()


class SentenceReader:
    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon):
        self.gaz = gazetteer
        self.lex = lexicon

    def read(self, reading: SentenceReading) -> list[Candidate]:
        reading.clauses = split_clauses(reading.tokens, self.lex)
        out: list[Candidate] = []
        for trigger, first, last in self._triggers(reading):
            candidate = self._candidate(reading, trigger, first, last)
            if candidate is not None:
                out.append(candidate)
        return out

    # -- triggers --------------------------------------------------------------------------
    def _triggers(self, reading: SentenceReading) -> list[tuple[Trigger, int, int]]:
        hits = [(t, a, b) for t in self.lex.triggers for a, b in t.pattern.find(reading.tokens)]
        hits.sort(key=lambda h: (h[1], -(h[2] - h[1])))
        kept: list[tuple[Trigger, int, int]] = []
        used: set[int] = set()
        for trigger, a, b in hits:
            if a in used or b in used:
                continue
            used.update({a, b})
            kept.append((trigger, a, b))
        kept = self._drop_complements(kept)
        if any(t.type is EventType.CALL for t, _, _ in kept):
            kept = [h for h in kept if "generic" not in h[0].flags]
        return kept

    @staticmethod
    def _drop_complements(hits: list[tuple[Trigger, int, int]]) -> list[tuple[Trigger, int, int]]:
        """Whatever follows a demand or an agreement is its content ("urged X to stop arming
        Y", "vereinbarten, Gespräche zu führen"), not a further event."""
        out = []
        for hit in hits:
            out.append(hit)
            if hit[0].type in (EventType.DEMAND, EventType.AGREEMENT):
                out += [h for h in hits if h[1] < hit[1] and h not in out]
                return sorted(out, key=lambda h: h[1])
        return out

    # -- one event -------------------------------------------------------------------------
    def _candidate(self, r: SentenceReading, trigger: Trigger, first: int,
                   last: int) -> Candidate | None:
        clause = clause_of(r.clauses, first)
        if self._not_factual(r, trigger, clause, first, last):
            return None
        actors = self._actors(r, clause)
        event = Event(trigger.type, [], r.sentence,
                      r.sentence.text[r.tokens[first].start - r.sentence.start:
                                      r.tokens[last].end - r.sentence.start])
        kinds: tuple[str, ...] = ()
        if trigger.type is EventType.DEMAND:
            self._demand_roles(r, event, actors, first, last)
        elif trigger.type is EventType.SUPPORT:
            kinds = self._support_kinds(r, clause)
            if not kinds:
                return None  # "support for sovereignty" is a stance, not a supply
            self._support_roles(r, event, actors, first)
        elif trigger.type is EventType.TERRITORIAL_CLAIM:
            if not self._claim_roles(r, event, actors, trigger, first):
                return None
        else:
            event.participants = _unique(f.mention.entity for f in actors)
            if trigger.type is EventType.MEETING:
                self._add_host(r, event, clause)
        event.treaty = self._treaty(r)
        event.topic = self._topic(r, last) if trigger.type in (
            EventType.DEMAND, EventType.AGREEMENT, EventType.SUPPORT) else None
        event.date = self._date(r, clause, first)
        event.place = self._place(r)
        event.confidence = BASE_CONFIDENCE
        return Candidate(event, trigger, first, self._definite(r, first), self._group(r, first),
                         self._anchored(r), kinds)

    def _not_factual(self, r: SentenceReading, trigger: Trigger, clause: Clause, first: int,
                     last: int) -> bool:
        kinds = ("negation", "denial") if trigger.type is EventType.TERRITORIAL_CLAIM else ALL_CUES
        if has_cue(r.tokens, clause.first, clause.last, self.lex, kinds, (first, last)):
            return True
        # A denial or accusation earlier in the sentence governs its complement:
        # "warf Moskau vor, die Separatisten zu versorgen", "denied sending drones".
        return has_cue(r.tokens, 0, first - 1, self.lex, ("denial",)) and (
            clause.complement or clause.first > 0)

    def _actors(self, r: SentenceReading, clause: Clause) -> list[Found]:
        """Sides named in the sentence's main clauses and in the trigger's own clause."""
        out = []
        for f in r.found:
            if not f.actor or is_blocked(r.tokens, f, self.lex):
                continue
            own = clause_of(r.clauses, f.first)
            if own.relative and own is not clause:
                continue
            out.append(f)
        return out

    def _demand_roles(self, r: SentenceReading, event: Event, actors: list[Found], first: int,
                      last: int) -> None:
        before = [f for f in actors if f.last < first]
        after = [f for f in actors if f.first > last]
        demander = before[0] if before else (after.pop(0) if after else None)
        if demander is None:
            return
        event.participants = [demander.mention.entity]
        addressee = next((f for f in after if f.mention.entity != demander.mention.entity), None)
        if addressee is not None:
            event.addressees = [addressee.mention.entity]

    def _support_roles(self, r: SentenceReading, event: Event, actors: list[Found],
                       first: int) -> None:
        receivers = self.lex.word_class("receiver_prep")
        by_prep = [f for f in r.found if f.actor and f.first > 0 and
                   r.tokens[_before_determiners(r.tokens, f.first - 1)].key in receivers]
        if not actors:
            return
        supplier = actors[0]
        event.participants = [supplier.mention.entity]
        receiver = next((f for f in by_prep + actors[1:]
                         if f.mention.entity != supplier.mention.entity), None)
        if receiver is not None:
            event.addressees = [receiver.mention.entity]

    def _claim_roles(self, r: SentenceReading, event: Event, actors: list[Found],
                     trigger: Trigger, first: int) -> bool:
        regions = [f for f in r.found if self.gaz.entities[f.mention.entity].kind == "region"
                   and f.mention.how != "place"]
        territories = _unique(f.mention.entity for f in regions)
        claimants = [f for f in actors if self.gaz.entities[f.mention.entity].kind != "region"]
        if not territories and "territory_state" in trigger.flags:
            territories = self._territory_after(r, first, claimants)
        if not territories or not claimants:
            return False
        event.participants = [claimants[0].mention.entity]
        event.territories = [t for t in territories if t != claimants[0].mention.entity]
        return bool(event.territories)

    def _territory_after(self, r: SentenceReading, first: int, claimants: list[Found]) -> list[str]:
        """"reunified with the island": a state named after the trigger, or named just before
        and referred to by a territory word ("the island", "die Insel")."""
        own = {f.mention.entity for f in claimants[:1]}
        for f in r.found:
            if f.first > first and self.gaz.entities[f.mention.entity].kind == "state" \
                    and f.mention.entity not in own:
                return [f.mention.entity]
        anaphor = any(t.key in self.lex.word_class("territory_anaphor")
                      for t in r.tokens[first + 1:])
        if anaphor:
            states = [f.mention.entity for f in r.found if f.first < first
                      and self.gaz.entities[f.mention.entity].kind == "state"
                      and f.mention.entity not in own and f not in claimants[:1]]
            return states[-1:]
        return []

    def _add_host(self, r: SentenceReading, event: Event, clause: Clause) -> None:
        """A visit "in Pjöngjang"/"in China" has the host state as its other side."""
        if len({self.gaz.state_of(p, _date_or_today(event)) for p in event.participants}) >= 2:
            return
        for f in r.found:
            entity = self.gaz.entities[f.mention.entity]
            host = entity.metonym_of or entity.part_of if entity.kind == "city" else (
                entity.key if entity.kind == "state" and is_blocked(r.tokens, f, self.lex) else None)
            if host and f.first > 0 and host not in event.participants:
                event.participants.append(host)
                return

    def _support_kinds(self, r: SentenceReading, clause: Clause) -> tuple[str, ...]:
        span = r.tokens
        return tuple(kind for kind, pattern in self.lex.support_kinds.items() if pattern.find(span))

    def _treaty(self, r: SentenceReading) -> str | None:
        return next((f.mention.entity for f in r.found
                     if self.gaz.entities[f.mention.entity].kind == "treaty"), None)

    @staticmethod
    def _topic(r: SentenceReading, last: int) -> str | None:
        start = r.tokens[last].end - r.sentence.start
        text = r.sentence.text[start:].strip(" ,.;:–-\"“”„")
        return text[:200] or None

    @staticmethod
    def _date(r: SentenceReading, clause: Clause, first: int) -> FuzzyDate | None:
        if not r.dates:
            return None
        anchor = r.tokens[first].start - r.sentence.start
        inside = [d for d in r.dates if r.tokens[clause.first].start - r.sentence.start <= d.start
                  <= r.tokens[clause.last].end - r.sentence.start]
        pool = inside or r.dates
        return min(pool, key=lambda d: abs(d.start - anchor)).date

    def _place(self, r: SentenceReading) -> str | None:
        for f in r.found:
            if f.mention.how == "place":
                return f.mention.entity
        return None

    def _definite(self, r: SentenceReading, first: int) -> bool:
        """"das Telefonat", "the agreement": a noun trigger with a definite article."""
        j = first - 1
        while j >= 0 and r.tokens[j].is_word and r.tokens[j].text.islower() \
                and r.tokens[j].key not in self.lex.word_class("definite"):
            j -= 1
        return j >= 0 and j >= first - 3 and r.tokens[j].key in self.lex.word_class("definite") \
            and r.tokens[first].capitalized | (self.lex.lang == "en")

    def _group(self, r: SentenceReading, first: int) -> str | None:
        keys = [t.key for t in r.tokens]
        text = " ".join(keys)
        if not any(g in keys or f" {g} " in f" {text} " for g in self.lex.word_class("group")):
            return None
        leaders = self.lex.word_class("group_leaders")
        return "leaders" if any(k in leaders for k in keys) else "states"

    def _anchored(self, r: SentenceReading) -> bool:
        return any(t.key in self.lex.word_class("anchor") for t in r.tokens)


def _before_determiners(tokens: list[Token], j: int) -> int:
    from geokg.extract.mentions import DETERMINERS

    while j > 0 and (tokens[j].key in DETERMINERS or (tokens[j].text.islower() and
                                                      tokens[j].key.endswith(("en", "e")))):
        j -= 1
    return max(j, 0)


def _unique(items) -> list[str]:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def _date_or_today(event: Event):  # type: ignore[no-untyped-def]
    import datetime as dt

    return event.date.value if event.date else dt.date.today()

"""Events from sentences: a trigger word, the sides around it, a date, and what is at stake.

Each sentence is read on its own first (`read_sentence`); the article then links sentences
(`Discourse`): "das Telefonat" or "the agreement" refers back to an event already read,
"beide Länder"/"the two leaders" names the last two sides, a demand made "im Gespräch" is
addressed to the other side of that call, and undated events inherit the date of the event
they continue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from geokg.extract.clauses import Clause, clause_of, has_cue, is_adjective, is_blocked, split_clauses
from geokg.extract.dates import DateMention
from geokg.extract.gazetteer import Gazetteer
from geokg.extract.lexicon import Lexicon, Trigger, sentence_forms
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
    territory_anaphor: bool = False  # "the former Spanish colony": a region named before
    same_day: bool = False  # "am selben Tag", "the same day"


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
                out.extend(self._split_commitments(candidate))
        return out

    def _split_commitments(self, candidate: Candidate) -> list[Candidate]:
        """"agreed to resume talks and to curb fentanyl": two agreements, one per infinitive."""
        event = candidate.event
        marker = {"en": " and to ", "de": " sowie "}.get(self.lex.lang, "")
        if event.type is not EventType.AGREEMENT or not event.topic or marker not in event.topic \
                or self.lex.lang != "en":
            return [candidate]
        parts = [p.strip() for p in event.topic.split(marker) if p.strip()]
        return [replace(candidate, event=replace(event, topic=part, conjunct=i,
                                                 participants=list(event.participants)))
                for i, part in enumerate(parts)]

    # -- triggers --------------------------------------------------------------------------
    def _triggers(self, reading: SentenceReading) -> list[tuple[Trigger, int, int]]:
        forms = sentence_forms(reading.tokens)
        hits = [(t, a, b) for t in self.lex.triggers for a, b in t.pattern.find(reading.tokens, forms)]
        hits.sort(key=lambda h: (h[1], h[2] - h[1]))  # the tightest match: nearest particle
        kept: list[tuple[Trigger, int, int]] = []
        used: set[int] = set()
        for trigger, a, b in hits:
            if a in used:
                continue
            used.add(a)
            kept.append((trigger, a, b))
        kept = [h for h in kept if h[1] != h[2] or not self._reference_in_pp(reading.tokens, h[1])]
        kept = self._drop_complements(kept, reading.tokens, reading.clauses)
        if any(t.type is EventType.CALL for t, _, _ in kept):
            kept = [h for h in kept if "generic" not in h[0].flags]
        return kept

    def _reference_in_pp(self, tokens: list[Token], first: int) -> bool:
        """"nach dem Treffen", "in the talks": a noun that points back to an event already
        told, inside a prepositional phrase; "bei seinem Besuch" still tells a new one."""
        j = first - 1
        while j >= 0 and tokens[j].is_word and tokens[j].text.islower() and \
                tokens[j].key not in self.lex.word_class("definite") and tokens[j].key not in \
                self.lex.word_class("block_prep"):
            j -= 1
        return j >= 1 and tokens[j].key in self.lex.word_class("definite") and \
            tokens[j - 1].key in self.lex.word_class("preposition")

    def _drop_complements(self, hits: list[tuple[Trigger, int, int]], tokens: list[Token],
                          clauses: list[Clause]) -> list[tuple[Trigger, int, int]]:
        """What a demand or an agreement is about is not a further event: once its
        complement begins ("urged X to stop arming Y", "vereinbarten, Gespräche zu führen",
        "agreed that …"), later triggers are its content — until the sentence turns to
        something else ("…, while …"). A trigger before the complement ("agreed in their
        first phone call to …") is a circumstance and stays."""
        out: list[tuple[Trigger, int, int]] = []
        content_from: int | None = None
        for hit in hits:
            if content_from is not None and hit[1] >= content_from and not self._turns_away(
                    tokens, clauses, content_from, hit[1]):
                continue
            out.append(hit)
            if hit[0].type in (EventType.DEMAND, EventType.AGREEMENT) and content_from is None:
                # "calls for sovereignty talks": the object of "for"/"nach" is the content
                direct = tokens[hit[2]].key in ("for", "nach", "auf")
                content_from = hit[2] + 1 if direct else self._complement_start(tokens, hit[2])
        return out

    def _complement_start(self, tokens: list[Token], after: int) -> int | None:
        markers = {"zu", "dass", "to", "that", "um"}
        for i in range(after + 1, len(tokens)):
            if tokens[i].key in markers or tokens[i].key.startswith("zu") and \
                    tokens[i].key not in ("zur", "zum", "zugleich", "zudem", "zuvor"):
                return i
        return None

    def _turns_away(self, tokens: list[Token], clauses: list[Clause], start: int, pos: int) -> bool:
        """A clause between them that starts something new: "…, while …", or an English
        participle after a comma ("…, reasserting its claim to …")."""
        return any(c.first > start and c.first <= pos and (
            tokens[c.first].key in self.lex.word_class("contrast")
            or (self.lex.lang == "en" and tokens[c.first].key.endswith("ing")
                and tokens[c.first - 1].text == "," and c.first + 1 < len(tokens)
                and tokens[c.first + 1].key in self.lex.word_class("determiner")))
            for c in clauses)

    # -- one event -------------------------------------------------------------------------
    def _candidate(self, r: SentenceReading, trigger: Trigger, first: int,
                   last: int) -> Candidate | None:
        clause = clause_of(r.clauses, first)
        if self._not_factual(r, trigger, clause, first, last):
            return None
        if trigger.type not in MULTI_SIDED and first == last and self._definite(r, first):
            return None  # "the deliveries", "die Forderung": told before, not a new event
        actors = self._actors(r, clause, (first, last), trigger.type in MULTI_SIDED)
        event = Event(trigger.type, [], r.sentence,
                      r.sentence.text[r.tokens[first].start - r.sentence.start:
                                      r.tokens[last].end - r.sentence.start])
        kinds: tuple[str, ...] = ()
        anaphor = False
        if trigger.type is EventType.DEMAND:
            self._demand_roles(r, event, actors, trigger, first, last)
        elif trigger.type is EventType.SUPPORT:
            kinds = self._support_kinds(r, clause)
            if not kinds or not self._support_roles(r, event, actors, trigger, first, last):
                return None  # "support for sovereignty" is a stance, not a supply
        elif trigger.type is EventType.TERRITORIAL_CLAIM:
            anaphor = self._claim_roles(r, event, actors, trigger, first)
            if not event.territories and not anaphor:
                return None
        else:
            definite = self._definite(r, first)
            event.participants = self._sides(r, actors, first, last, definite)
            if trigger.type is EventType.MEETING and "visit" in trigger.flags:
                self._add_host(r, event, clause)
        event.treaty = self._treaty(r)
        event.topic = self._topic(r, clause, last) if trigger.type in (
            EventType.DEMAND, EventType.AGREEMENT, EventType.SUPPORT) else None
        event.date = self._date(r, clause, first)
        event.place = self._place(r)
        event.confidence = BASE_CONFIDENCE
        return Candidate(event, trigger, first, self._definite(r, first), self._group(r, first),
                         self._anchored(r), kinds, anaphor, self._same_day(r))

    def _not_factual(self, r: SentenceReading, trigger: Trigger, clause: Clause, first: int,
                     last: int) -> bool:
        # a claim is an assertion: "would be reunified" still claims; "plans to annex" does not
        kinds = ("negation", "denial", "planned") if trigger.type is EventType.TERRITORIAL_CLAIM \
            else ALL_CUES
        scope_first = clause.first
        if self._is_complement(r, clause, first) and clause.first > 0:
            # "kündigte an, mit der Nato zu beraten": the governing clause's cue counts
            # (not a sibling complement's: "said that X would …, and that they had decided").
            governing = [c for c in r.clauses if c.last < clause.first and not c.complement
                         and not c.relative]
            if governing:
                scope_first = governing[-1].first
        if has_cue(r.tokens, scope_first, clause.last, self.lex, kinds, (first, last)):
            return True
        # A denial or accusation earlier in the sentence governs its complement:
        # "warf Moskau vor, die Separatisten zu versorgen", "denied sending drones".
        return has_cue(r.tokens, 0, first - 1, self.lex, ("denial",)) and (
            clause.complement or clause.first > 0)

    def _is_complement(self, r: SentenceReading, clause: Clause, first: int) -> bool:
        """An infinitive or that-clause: "…, mit der Nato zu beraten", "to meet", "dass …"."""
        before = r.tokens[max(clause.first, first - 3):first]
        marker = "zu" if self.lex.lang == "de" else "to"
        return clause.complement or any(t.key == marker for t in before)

    def _actors(self, r: SentenceReading, clause: Clause, trigger: tuple[int, int],
                multi_sided: bool = False) -> list[Found]:
        """Sides named in the sentence's main clauses and in the trigger's own clause; the
        sides of a call, meeting or agreement are not looked for in its complement."""
        out = []
        for f in r.found:
            if not f.actor or is_blocked(r.tokens, f, self.lex, r.found, trigger):
                continue
            own = clause_of(r.clauses, f.first)
            if own is not clause and (own.relative or (own.complement and multi_sided)):
                continue
            out.append(f)
        return out

    def _sides(self, r: SentenceReading, actors: list[Found], first: int, last: int,
               definite: bool) -> list[str]:
        """Sides of a call, meeting or agreement: names in the trigger's clause and the
        lists they belong to ("Merkel, Hollande, Putin und Poroschenko"), then the closest
        main clause before it. A noun like "the agreement" takes only its own clause and its
        agents ("brokered by Turkey") — the rest of the sentence is about something else."""
        own = {id(clause_of(r.clauses, first)), id(clause_of(r.clauses, last))}
        inside = [f for f in actors if id(clause_of(r.clauses, f.first)) in own]
        chosen = self._with_lists(inside, [f for f in r.found if f.actor], r)
        if definite:
            determiners = self.lex.word_class("determiner")
            agents = [f for f in r.found if f.actor and f.first > 0 and
                      r.tokens[_before_determiners(r.tokens, f.first - 1, determiners)].key in
                      self.lex.word_class("passive_agent")]
            return _unique(f.mention.entity for f in self._with_lists(chosen + agents, r.found, r))
        sides = {self.gaz.state_of(f.mention.entity, dt.date.today()) for f in chosen}
        if len(sides) < 2:
            earlier = [f for f in actors if f.last < first and f not in chosen]
            chosen = earlier + chosen
        return _unique(f.mention.entity for f in sorted(chosen, key=lambda f: f.first))

    def _with_lists(self, chosen: list[Found], pool: list[Found], r: SentenceReading) -> list[Found]:
        out = list(chosen)
        changed = True
        while changed:
            changed = False
            for f in pool:
                if f in out or not f.actor:
                    continue
                if any(self._joined(f, g, r) or self._joined(g, f, r) for g in out):
                    out.append(f)
                    changed = True
        return sorted(out, key=lambda f: f.first)

    def _joined(self, a: Found, b: Found, r: SentenceReading) -> bool:
        """`a` directly before `b` with only "," / "und" / "and" / articles between."""
        if a.last >= b.first:
            return False
        between = r.tokens[a.last + 1:b.first]
        if not between or len(between) > 4 or not (
                between[0].text == "," or between[0].key in self.lex.word_class("conjunction")):
            return False
        # list punctuation, articles, and an unknown title ("…, Ratspräsident Charles Michel")
        return all(t.text == "," or t.key in self.lex.word_class("conjunction")
                   or t.key in self.lex.word_class("determiner") or t.capitalized
                   for t in between)

    def _demand_roles(self, r: SentenceReading, event: Event, actors: list[Found], trigger: Trigger,
                      first: int, last: int) -> None:
        """The demander is the subject; the addressee the object, which a German verb-final
        clause puts before the verb ("hatte Venezuela … aufgefordert")."""
        before = [f for f in actors if f.last < first]
        after = [f for f in actors if f.first > first]  # "wanted Kyiv to": inside the match too
        if "addressee_in_pp" in trigger.flags:  # "Antrag auf Beitritt zur Nato"
            after = [f for f in r.found if f.first > first and f.actor]
        # German inverts ("forderte Putin …"); in English the demander precedes the verb
        inverted = self.lex.lang == "de" and bool(after)
        demander = before[0] if before else (after.pop(0) if inverted else None)
        if demander is None:
            return
        event.participants = [demander.mention.entity]
        side = demander.mention.entity
        own = clause_of(r.clauses, last)
        asked_of = self._asked_of(r, last, side)  # "verlangte von den USA", "demanded from"
        same_clause = [f for f in after if clause_of(r.clauses, f.first) is own]
        verb_final = [f for f in before[1:] if f.mention.entity != side][-1:]
        candidates = asked_of or same_clause or verb_final or after
        addressees = self._coordinated([f for f in candidates if f.mention.entity != side], r)
        event.addressees = _unique(f.mention.entity for f in addressees)

    def _asked_of(self, r: SentenceReading, last: int, side: str) -> list[Found]:
        """The addressee in a "von"/"from" phrase right after the demand verb."""
        for f in r.found:
            if f.first <= last or f.first > last + 8 or not f.actor or f.mention.entity == side:
                continue
            j = _before_determiners(r.tokens, f.first - 1, self.lex.word_class("determiner"))
            if r.tokens[j].key in ("von", "vom", "from") and j > last - 1:
                return [f]
        return []

    def _coordinated(self, found: list[Found], r: SentenceReading) -> list[Found]:
        """The first name and those joined to it by "und"/"and"/","."""
        if not found:
            return []
        out = [found[0]]
        for f in found[1:]:
            between = r.tokens[out[-1].last + 1:f.first]
            if between and all(t.key in self.lex.word_class("conjunction") or t.text == ","
                               or t.key in ("the", "der", "die", "das", "den", "dem") for t in between):
                out.append(f)
            else:
                break
        return out

    def _support_roles(self, r: SentenceReading, event: Event, actors: list[Found], trigger: Trigger,
                       first: int, last: int) -> bool:
        receivers = self.lex.word_class("receiver_prep")
        by_prep = [f for f in r.found if f.actor and f.first > 0 and self._receiver_prep(r, f, receivers)]
        if "needs_receiver_prep" in trigger.flags or self._english_noun(r, first):
            # a noun names its receiver after it: "aid to Kyiv", "Lieferant von Waffen an Kiew";
            # "an important supplier of gas" or "thanked India for its aid" names none
            by_prep = [f for f in by_prep if f.first > last]
            if not by_prep:
                return False
        if not actors:
            return False
        if "receiver_subject" in trigger.flags:  # "Russland bezieht aus dem Iran Drohnen"
            receiver = actors[0].mention.entity
            suppliers = [f for f in r.found if f.actor and f.first > first
                         and f.mention.entity != receiver]
            if not suppliers:
                return False
            event.participants = [suppliers[0].mention.entity]
            event.addressees = [receiver]
            return True
        own = clause_of(r.clauses, first)
        in_clause = [f for f in actors if clause_of(r.clauses, f.first) is own]
        supplier = (in_clause or actors)[0]
        event.participants = [supplier.mention.entity]
        rest = [f for f in (in_clause or actors) if f is not supplier]
        receiver = next((f for f in by_prep + rest
                         if f.mention.entity != supplier.mention.entity), None)
        if receiver is not None:
            event.addressees = [receiver.mention.entity]
        return True

    def _english_noun(self, r: SentenceReading, first: int) -> bool:
        """"relief supplies", "the shipping": an English trigger after an article or a noun
        is a noun, which must name its receiver after it like the other supply nouns."""
        if self.lex.lang != "en" or first == 0:
            return False
        prev = r.tokens[first - 1]
        return prev.key in self.lex.word_class("determiner") or (
            prev.is_word and prev.text.islower() and prev.key not in self.lex.word_class("verb_context"))

    def _receiver_prep(self, r: SentenceReading, f: Found, receivers: frozenset[str]) -> bool:
        """"an Kiew", "to Russia", "nach Russland" — "nach" only right before a bare name,
        since "nach den Vereinigten Staaten" is "after", not "to"."""
        determiners = self.lex.word_class("determiner")
        prev = r.tokens[f.first - 1]
        if prev.key == "nach":
            return r.tokens[f.first].capitalized and r.tokens[f.first].key not in determiners
        j = _before_determiners(r.tokens, f.first - 1, determiners)
        return r.tokens[j].key in receivers - {"nach"}

    def _claim_roles(self, r: SentenceReading, event: Event, actors: list[Found],
                     trigger: Trigger, first: int) -> bool:
        """Fill claimant and territories; True when the territory is only referred to
        ("the former colony", "das Gebiet") and must come from earlier sentences."""
        regions = [f for f in r.found if self.gaz.entities[f.mention.entity].kind == "region"
                   and f.mention.how != "place"]
        territories = _unique(f.mention.entity for f in regions)
        claimants = [f for f in actors if self.gaz.entities[f.mention.entity].kind != "region"]
        if not territories and "territory_state" in trigger.flags:
            territories = self._territory_after(r, first, claimants)
        if not claimants:
            return False
        event.participants = [claimants[0].mention.entity]
        event.territories = [t for t in territories if t != claimants[0].mention.entity]
        anaphor = any(t.key in self.lex.word_class("territory_anaphor") for t in r.tokens[first + 1:])
        return not event.territories and anaphor

    def _territory_after(self, r: SentenceReading, first: int, claimants: list[Found]) -> list[str]:
        """"reunified with the island": a state named after the trigger, or named just before
        and referred to by a territory word ("the island", "die Insel")."""
        on = dt.date.today()
        own = {self.gaz.state_of(f.mention.entity, on) for f in claimants[:1]}
        states = [f for f in r.found if self.gaz.entities[f.mention.entity].kind == "state"
                  and f.mention.how not in ("demonym", "compound") and f.mention.entity not in own]
        for f in states:
            if f.first > first:
                return [f.mention.entity]
        anaphor = any(t.key in self.lex.word_class("territory_anaphor")
                      for t in r.tokens[first + 1:])
        if anaphor:
            return [f.mention.entity for f in states if f.first < first][-1:]
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
        """What is supplied, from the trigger's clause (or the sentence if the clause says
        nothing): weapons, troops, money, access, energy, humanitarian goods."""
        for span in (r.tokens[clause.first:clause.last + 1], r.tokens):
            forms = sentence_forms(span)
            kinds = tuple(k for k, patterns in self.lex.support_kinds.items()
                          if any(p.find(span, forms) for p in patterns))
            if kinds:
                return kinds
        return ()

    def _treaty(self, r: SentenceReading) -> str | None:
        return next((f.mention.entity for f in r.found
                     if self.gaz.entities[f.mention.entity].kind == "treaty"), None)

    def _topic(self, r: SentenceReading, clause: Clause, last: int) -> str | None:
        """The words after the trigger, up to a clause that turns to something else
        ("…, während Russland …", "…, a U.S. official said"): what is demanded, agreed or
        supplied."""
        end = len(r.tokens)
        for c in r.clauses:
            if c.first > last and (c.relative or r.tokens[c.first].key in self.lex.word_class("contrast")
                                   or not c.complement and c.first > clause.last):
                end = c.first
                break
        start = r.tokens[last].end - r.sentence.start
        stop = r.tokens[end - 1].end - r.sentence.start if end > last + 1 else start
        text = r.sentence.text[start:stop].strip(" ,.;:–-\"“”„")
        return text[:200] or None

    @staticmethod
    def _date(r: SentenceReading, clause: Clause, first: int) -> FuzzyDate | None:
        """The date nearest the trigger in its clause, else in its sentence — but the date of
        a reporting clause ("acknowledged on Saturday that it had supplied …") is when it
        was said, not when it happened."""
        if not r.dates:
            return None
        anchor = r.tokens[first].start - r.sentence.start
        inside = [d for d in r.dates if r.tokens[clause.first].start - r.sentence.start <= d.start
                  <= r.tokens[clause.last].end - r.sentence.start]
        if clause.complement and not inside:
            return None
        pool = inside or r.dates
        return min(pool, key=lambda d: abs(d.start - anchor)).date

    def _place(self, r: SentenceReading) -> str | None:
        for f in r.found:
            if f.mention.how == "place":
                return f.mention.entity
        return None

    def _definite(self, r: SentenceReading, first: int) -> bool:
        """"das Telefonat", "the agreement": a noun trigger right after a definite article
        (adjectives may stand between); "the two met" is not one."""
        j = first - 1
        while j >= 0 and r.tokens[j].is_word and r.tokens[j].text.islower() \
                and r.tokens[j].key not in self.lex.word_class("definite"):
            if not _looks_attributive(r.tokens[j]):
                return False
            j -= 1
        is_noun = r.tokens[first].capitalized if self.lex.lang == "de" else True
        return j >= 0 and r.tokens[j].key in self.lex.word_class("definite") and is_noun

    def _group(self, r: SentenceReading, first: int) -> str | None:
        """"beide Länder" → states; "beide Staatsoberhäupter", "the two leaders" → leaders;
        "beide Seiten", "the two" → sides: who is meant comes from what was told before."""
        keys = [t.key for t in r.tokens]
        groups = self.lex.word_class("group")
        for i, key in enumerate(keys):
            two = key == "two" and i > 0 and keys[i - 1] == "the"
            if key not in groups and not two:
                continue
            if key == "both" and i + 1 < len(keys) and r.tokens[i + 1].capitalized:
                continue  # "both Moscow and Kyiv" lists names, it does not refer back
            following = set(keys[i + 1:i + 3])
            if following & self.lex.word_class("group_states"):
                return "states"
            if following & self.lex.word_class("group_leaders"):
                return "leaders"
            return "sides"
        return None

    def anchored(self, r: SentenceReading) -> bool:
        return self._anchored(r)

    def _anchored(self, r: SentenceReading) -> bool:
        return any(t.key in self.lex.word_class("anchor") for t in r.tokens)

    def _same_day(self, r: SentenceReading) -> bool:
        keys = [t.key for t in r.tokens]
        return any(k in self.lex.word_class("same_day") and nxt in ("tag", "day")
                   for k, nxt in zip(keys, keys[1:], strict=False))


def _looks_attributive(token: Token) -> bool:
    return is_adjective(token) or token.key.endswith(("ige", "igen", "ische", "ischen", "liche",
                                                       "lichen", "ary", "al", "ful"))


def _before_determiners(tokens: list[Token], j: int, determiners: frozenset[str]) -> int:
    while j > 0 and (tokens[j].key in determiners or is_adjective(tokens[j])):
        j -= 1
    return max(j, 0)


def _unique(items: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def _date_or_today(event: Event) -> dt.date:
    return event.date.value if event.date else dt.date.today()

"""Events from sentences: a trigger word, the sides around it, a date, and what is at stake.

`SentenceReader` reads each sentence on its own: trigger patterns from the lexicon, cues that
make a trigger not a fact, and the sides around the trigger from clause structure. What a
sentence cannot know alone ("das Telefonat" refers back, "beide Länder" are named before) is
left to `discourse.Discourse`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from geokg.extract.clauses import (
    SEPARABLE_ZU,
    Clause,
    after_a_judgement,
    clause_of,
    finite_verb,
    has_cue,
    is_adjective,
    is_blocked,
    owned_thing,
    split_clauses,
)
from geokg.extract.dates import DateMention, calendar_words, year_named
from geokg.extract.gazetteer import Gazetteer
from geokg.extract.lexicon import Lexicon, Trigger, sentence_forms
from geokg.extract.mentions import CURRENCY_SIGNS, Found
from geokg.extract.model import Event, EventType, FuzzyDate, Precision
from geokg.extract.reading import SentenceReading
from geokg.extract.roles import (
    GROUP_SIZES,
    RoleReader,
    before_determiners,
    group_of,
    headline_colon,
    unique,
)
from geokg.extract.text import QUOTE_MARKS, Token

MULTI_SIDED = (EventType.CALL, EventType.MEETING, EventType.AGREEMENT)
TALKS = (EventType.CALL, EventType.MEETING)
#: A wish or a plan before "in the presence of": no one was present yet ("wants any deal to be
#: signed in the presence of Biden", "was meant to be signed …")
WISH_WORDS = frozenset({"wants", "want", "wanted", "meant", "ready", "willing", "wolle", "wollen", "will"})
CAPTIONS = frozenset({"caption", "caption_marker"})  # flags of a picture's caption
ALL_CUES = ("negation", "modality", "planned", "future", "announced", "ended", "shelved",
            "denial", "question", "intended")
#: Cues of a supply only: prospects of one are not one (of a talk, they are its topic).
SUPPORT_ONLY_CUES = ("prospects",)
#: A claim cue only: recognising or backing another state's sovereignty is no claim of one's
#: own ("erkennt Marokkos Souveränität über die Westsahara an").
#: Cues by event type. A support announced, or said for the future, is a pledge and counts
#: ("will send"); a claim is an assertion, and wanting the territory asserts it too ("would be
#: reunified", "will die Wiedervereinigung erzwingen"), unless the plan was shelved; what a demand
#: or an agreement is about often ends something ("urged Russia to stop", "agreed to halt").
CUES_OF: dict[EventType, tuple[str, ...]] = {
    EventType.SUPPORT: tuple(k for k in ALL_CUES if k not in ("future", "announced", "intended"))
    + SUPPORT_ONLY_CUES,
    EventType.TERRITORIAL_CLAIM: ("negation", "denial", "announced", "shelved", "recognition"),
    EventType.DEMAND: tuple(k for k in ALL_CUES if k != "ended"),
    # an agreement announced has been reached ("Lawrow kündigte die Einigung an")
    EventType.AGREEMENT: tuple(k for k in ALL_CUES if k not in ("ended", "announced")),
    # "Botschafter zu Konsultationen zurückbeordert": envoys called home meet no one;
    # talks someone says must be held have not been ("Russland und die Ukraine müssten verhandeln")
    EventType.MEETING: ALL_CUES + ("recall", "obligation"),
    EventType.CALL: ALL_CUES + ("obligation",),
}
BASE_CONFIDENCE = 0.85
#: The group size of "sie"/"they": the sides of the event told before, however many.
ANY_GROUP = -1
#: Words of a sum between its currency and what it qualifies ("$1.85 billion military aid").
SCALE_WORDS = frozenset({"million", "millions", "billion", "billions", "trillion", "mio", "mrd",
                         "millionen", "milliarde", "milliarden", "billionen"})

#: A separable verb's infinitive with zu inside: "auszurichten", "anzuerkennen", "einzustellen".
_ZU_INFIX = re.compile(r"^(ab|an|auf|aus|bei|ein|fest|her|hin|mit|nach|vor|weg|zurück|zusammen|"
                       r"statt|teil|frei|bereit|dar|fort|los|um|vorbei|weiter)zu\w{3,}en$")




@dataclass
class Candidate:
    """An event as one sentence states it, before the article links it to others."""

    event: Event
    trigger: Trigger
    anchor: int  # token index of the trigger
    definite: bool  # "das Telefonat", "the agreement": refers to an event already named
    group: str | None  # "leaders" / "states" / … when sides are named as "beide"/"the two"
    anchored: bool  # "im Gespräch", "during the call": part of the last call or meeting
    support_kinds: tuple[str, ...] = ()
    #: "the former Spanish colony": a region named before; "alle vier Regionen": four of them
    territory_anaphor: int = 0
    same_day: bool = False  # "am selben Tag", "the same day"
    background: bool = False  # "immer wieder", "had demanded": not of the story's day
    caller: str | None = None  # "X telefonierte mit A und B": one call of X with each
    group_subject: int = 0  # "Die drei Regierungen forderten …": that many sides told before
    additional: bool = False  # "also agreed", "vereinbarten zudem": another accord, not the same
    #: "appealed to allies", "rief die Verbündeten auf": addressed to many, named by no entity
    open_addressee: bool = False
    respective: bool = False  # "jeweils", "respectively": one supply per supplier
    #: a demand's one other side named in its sentence, for when nothing else names whom it asks
    named_addressees: list[str] = field(default_factory=list)
    #: an accord whose sentence leaves its other side to the story: told in the passive ("Es
    #: sei vereinbart worden"), or by one side that did not sign alone (`_partner_untold`)
    partner_untold: bool = False
    named: tuple[str, ...] = ()  # every entity its sentence names, sides or not
    #: "Auch Sharif sprach mit Anwar", "Biden also talked with Scholz": like the event before
    likewise: bool = False
    #: "traf sich Trump mit beiden Außenministern": the group is whom a named side met
    group_partner: bool = False
    #: goods or money handed over by a plain verb of giving ("kündigte Hilfsgelder … an"), not
    #: "granted asylum", "armed groups" or troops: whom the story is about may receive them
    story_receiver: bool = False
    #: "called on both countries to …", "die Forderung an die drei Staaten": that many told before
    addressed_group: int = 0
    #: "called on each other to …", "forderten die jeweilige Gegenseite auf": each asks the other
    reciprocal: bool = False


class SentenceReader:
    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon):
        self.gaz = gazetteer
        self.lex = lexicon
        self.roles = RoleReader(gazetteer, lexicon)

    def read(self, reading: SentenceReading) -> list[Candidate]:
        reading.clauses = split_clauses(reading.tokens, self.lex)
        out: list[Candidate] = []
        named = tuple(f.mention.entity for f in reading.found)
        for trigger, first, last in self._triggers(reading):
            candidate = self._candidate(reading, trigger, first, last)
            if candidate is not None:
                candidate.partner_untold = self._partner_untold(reading, candidate)
                candidate.named = named
                for commitment in self._split_commitments(candidate):
                    out.extend(self._gapped_supplies(reading, commitment))
                out.extend(self._gapped_partners(reading, candidate))
                out.extend(self._signed_in_person(reading, candidate))
        out = [one for candidate in out for one in self._hosts_one_by_one(reading, candidate)
               if not self._visits_of_several(reading, one)]
        self._signed_on_a_visit(reading, out)
        return out

    def _signed_on_a_visit(self, r: SentenceReading, candidates: list[Candidate]) -> None:
        """"Erdogan signs accords on first visit to Sudan": an accord one side signs on a
        visit the same sentence tells is with the host."""
        visits = [c for c in candidates if c.event.type is EventType.MEETING and "visit" in c.trigger.flags
                  and not self._before_it(r.tokens, c.anchor)]  # not "a day before his visit"
        for candidate in candidates:
            event = candidate.event
            sides = self.gaz.states_of(event.participants, r.day)
            if event.type is not EventType.AGREEMENT or len(sides) != 1:
                continue
            # (not "Scholz, who visited Kenya last year, signed …": a visit told of the signer;
            # "paid a visit to Tehran, where he … signed" is where the accord was signed)
            told_of_signer = not clause_of(r.clauses, candidate.anchor).relative
            visit = next((v.event for v in visits
                          if not (told_of_signer and clause_of(r.clauses, v.anchor).relative)
                          and self.gaz.states_of(v.event.participants, r.day) > sides), None)
            if visit is not None:
                event.participants = unique(event.participants + visit.participants)

    def _signed_in_person(self, r: SentenceReading, candidate: Candidate) -> list[Candidate]:
        """"Scholz und Selenskyj haben in Berlin ein Sicherheitsabkommen unterzeichnet":
        leaders who sign together at a place told in the sentence meet there."""
        event = candidate.event
        clause = clause_of(r.clauses, candidate.anchor)  # not "…, bevor Scholz nach Washington flog"
        leaders = [p for p in event.participants if self.gaz.entities[p].kind == "leader"]
        if not leaders:  # "Trudeau, Tusk and Juncker signed the EU-Canada agreement": the signers
            # (a minister named signs for their state: "Außenministerin Joly und ihr dänischer
            # Kollege Kofod unterzeichneten in Ottawa")
            leaders = unique(f.mention.entity for f in r.found if f.actor and f.first < candidate.anchor
                             and clause_of(r.clauses, f.first) is clause
                             and (self.gaz.entities[f.mention.entity].kind == "leader"
                                  or f.mention.how == "official"))
        elif self.gaz.states_of(event.participants, r.day) - \
                self.gaz.states_of(leaders, r.day):
            return []  # a side that is no signer's state: not all of them were there
        # a place before what was agreed ("einigen sich in Windsor auf …", not "auf eine
        # Waffenruhe in Idlib")
        after = candidate.anchor + (2 if candidate.anchor + 1 < len(r.tokens)
                                    and r.tokens[candidate.anchor + 1].key == "sich" else 1)
        content = after if after <= clause.last and \
            r.tokens[after].key in self.lex.word_class("agreed_on") else clause.last + 1
        places = [f for f in r.found if f.mention.how == "place" and clause_of(r.clauses, f.first)
                  is clause and f.first < content and self.gaz.entities[f.mention.entity].kind == "city"]
        present = self._present(r)
        if present and not leaders:  # "Aserbaidschan und Armenien unterzeichneten im Beisein von Trump"
            leaders = list(event.participants)
        # (with no place, only leaders named as the signers, no one else looking on)
        together = not present and all(p in leaders for p in event.participants) and \
            self._signed_together(r, clause, candidate)
        if "in_person" not in candidate.trigger.flags or len(
                self.gaz.states_of(leaders, r.day)) < 2 or not (places or together):
            return []
        meeting = replace(event, type=EventType.MEETING, participants=unique(leaders + present),
                          topic=None, addressees=[], territories=[], extra_sentences=[])
        return [replace(candidate, event=meeting, definite=False, additional=False)]

    def _partner_untold(self, r: SentenceReading, candidate: Candidate) -> bool:
        """Whether an accord's other side is left to the story (`Discourse`). With no side
        named: when told in the passive ("Es sei … vereinbart worden"), by "we" or "they", or
        by someone unknown with a partner ("Heil unterzeichnete mit seinem Kollegen"); not
        "Die Parteien der Ampel einigten sich", which names its own. With one side named:
        unless it signed with no partner named ("With Kishida standing beside him, Biden
        signed the document": a text of one's own)."""
        event = candidate.event
        if event.type is not EventType.AGREEMENT:
            return False
        clause = clause_of(r.clauses, candidate.anchor)
        words = {t.key for t in r.tokens[clause.first:clause.last + 1]}
        sides = self.gaz.states_of(event.participants, r.day)
        if not sides:  # ("The Senate agreed on a deal with the House" names its own sides)
            passive = bool(words & self.lex.word_class("passive_aux"))
            return bool(words & self.lex.word_class("partner_untold")) and (
                passive or r.tokens[clause.first].key not in self.lex.word_class("definite"))
        signed = r.tokens[candidate.anchor].key in self.lex.word_class("sign_verb")
        return len(sides) == 1 and not (signed and not words & self.lex.word_class("partner_prep"))

    def _signed_together(self, r: SentenceReading, clause: Clause, candidate: Candidate) -> bool:
        """"Kishida and Sunak signed a reciprocal access agreement at the Tower of London",
        "Moon Jae-in and Kim Jong Un signed a military agreement": leaders who sign a text
        together were there together, place named or not (not when each signed apart or
        online; agreeing, unlike signing, is often done by phone)."""
        apart = self.lex.word_class("separately") | self.lex.word_class("remote_medium")
        span = r.tokens[clause.first:clause.last + 1]
        each = any(t.key == "each" and (i + 1 == len(span) or span[i + 1].key != "other")
                   for i, t in enumerate(span))  # "have each signed", not "each other's"
        return r.tokens[candidate.anchor].key in self.lex.word_class("sign_verb") and not each \
            and not any(t.key in apart for t in span)

    def sides_told(self, r: SentenceReading) -> list[str]:
        """The sides a sentence names, for "beide Länder" and "the two" later on: not a state
        that is only where two others met ("ein Gipfel zwischen Trump und Putin in
        Saudi-Arabien")."""
        actors = [f for f in r.found if f.actor and not self._onlooker(r, f)]  # not "with Trump looking on"
        kept = []
        for f in actors:
            venue = f.first > 0 and r.tokens[f.first - 1].key in ("in", "im") and \
                self.gaz.entities[f.mention.entity].kind == "state" and len(self.gaz.states_of(
                    (g.mention.entity for g in actors if g is not f), r.day) - {f.mention.entity}) >= 2
            if not venue:
                kept.append(f.mention.entity)
        return kept

    def refers_to_a_call(self, reading: SentenceReading) -> bool:
        """"Bei dem Vierer-Telefonat sei es um … gegangen", "in the call": the sentence
        points back to talks told before as a call (read by `read` first); "seit dem letzten
        Telefonat", "since their previous call" points to another one."""
        earlier = self.lex.word_class("earlier_adjective")
        return any(not any(t.key in earlier for t in reading.tokens[max(0, i - 2):i])
                   for i in reading.call_references)

    def _split_commitments(self, candidate: Candidate) -> list[Candidate]:
        """"agreed to resume talks and to curb fentanyl": two agreements, one per infinitive.
        (German repeats "zu" in every infinitive, so only English marks separate commitments.)"""
        event = candidate.event
        marker = " and to "
        if event.type is not EventType.AGREEMENT or self.lex.lang != "en" or not event.topic \
                or marker not in event.topic:
            return [candidate]
        parts = [p.strip() for p in event.topic.split(marker) if p.strip()]
        return [replace(candidate, event=replace(event, topic=part, conjunct=i,
                                                 participants=list(event.participants)))
                for i, part in enumerate(parts)]

    def _gapped_supplies(self, r: SentenceReading, candidate: Candidate) -> list[Candidate]:
        """"Turkey pledged $5 billion, Saudi Arabia 1.5 billion", "Germany pledged 500 million
        euros and the EU 400 million": a name followed by a sum, after a comma or "and",
        repeats the supply with its verb left out. The name gives when the first supply named
        no receiver, or with its own ("Russia 2 billion to Syria"), or as a German subject
        ("die EU 400 Millionen"); it receives from the same giver when the first named one
        ("gave Ukraine 500 million, Moldova 100 million", "dem Libanon 100 Millionen")."""
        event = candidate.event
        if event.type is not EventType.SUPPORT or "money" not in candidate.support_kinds:
            return [candidate]
        joiners = self.lex.word_class("conjunction") | {","}
        determiners = self.lex.word_class("determiner")
        gapped: list[tuple[Found, str]] = []  # the name, and its article
        reach = candidate.anchor + 12  # each item of the list carries it further
        for f in r.found:
            j = before_determiners(r.tokens, f.first - 1, determiners)
            if f.actor and candidate.anchor + 1 < f.first <= reach and self._a_sum(r.tokens, f.last + 1) \
                    and r.tokens[j].key in joiners and f.mention.entity not in event.participants:
                article = next((t.key for t in r.tokens[j + 1:f.first + 1] if t.key in determiners), "")
                gapped.append((f, article))
                reach = f.last + 8
        if not gapped:
            return [candidate]
        # (the first supply's receivers, without the names the list tells after it)
        names = {f.mention.entity for f, _ in gapped}
        first_receivers = [a for a in event.addressees if a not in names]
        out = [replace(candidate, event=replace(event, addressees=first_receivers))]
        for f, article in gapped:
            own_receiver = next((g for g in r.found if g.actor and f.last + 1 < g.first <= f.last + 6
                                 and r.tokens[g.first - 1].key in self.lex.word_class("receiver_prep")), None)
            gives = own_receiver is not None or not first_receivers or (
                self.lex.lang == "de" and article in ("die", "der", "das"))
            if article == "dem" or "receiver_subject" in candidate.trigger.flags or not gives:
                parts = (list(event.participants), [f.mention.entity])
            else:
                receivers = [own_receiver.mention.entity] if own_receiver else first_receivers
                parts = ([f.mention.entity], receivers)
            out.append(replace(candidate, event=replace(event, participants=parts[0], addressees=parts[1])))
        return out

    def _a_sum(self, tokens: list[Token], i: int) -> bool:
        """A sum opens at token i: a currency sign, or a number with a scale or a currency
        after it ("1.5 billion", "500 million dollars", "$500m"), not "3 days later"."""
        if i >= len(tokens):
            return False
        token = tokens[i]
        if token.text in CURRENCY_SIGNS or token.text in ("US$", "USD", "EUR"):
            return True
        j = i + 1
        while j + 1 < len(tokens) and tokens[j].text in (".", ",") and tokens[j + 1].text[:1].isdigit():
            j += 2  # "1.5 billion" told as "1", ".", "5"
        after = tokens[j].key if j < len(tokens) else ""
        return token.text[:1].isdigit() and (re.fullmatch(r"[\d.,]+(m|bn|mn|mio|mrd)", token.key) is not None
                                             or after in SCALE_WORDS | self.lex.word_class("currency"))

    def _hosts_one_by_one(self, r: SentenceReading, candidate: Candidate) -> list[Candidate]:
        """"Raisi is visiting Pakistan and Sri Lanka", "besuchte Pakistan und Sri Lanka": a
        visit to each host, who do not meet one another (and no visit at all when no visitor
        is named: "a delegation visiting Pakistan and Sri Lanka")."""
        event = candidate.event
        if event.type is not EventType.MEETING or "visit" not in candidate.trigger.flags:
            return [candidate]
        if "visitor_only" in candidate.trigger.flags:
            return self._visitor_and_hosts(r, candidate)
        determiners = self.lex.word_class("determiner")
        listed = [f for f in r.found if f.first > candidate.anchor and f.mention.how != "pronoun"]
        # the list opens right after the verb or noun, or after "to"/"nach" ("reiste am Montag
        # nach Berlin und Warschau")
        start = next((k for k, f in enumerate(listed) if (j := before_determiners(
            r.tokens, f.first - 1, determiners)) == candidate.anchor or r.tokens[j].key in
            self.lex.word_class("host_prep")), None)
        joined = self.roles.coordinated(listed[start:], r) if start is not None else []
        after = joined[-1].last + 1 if joined else len(r.tokens)
        if after < len(r.tokens) and r.tokens[after].is_word and finite_verb(r.tokens, after, self.lex):
            return [candidate]  # "During Xi's visit to Saudi Arabia, China and Egypt signed …"
        # (a name owning the next noun is no host: "visited Paris and Beijing's ally Serbia")
        owning = next((k for k, f in enumerate(joined) if f.last + 1 < len(r.tokens)
                       and r.tokens[f.last + 1].text in ("'", "’")), len(joined))
        places = [self.gaz.entities[f.mention.entity] for f in joined[:owning]]
        # (states and their cities, not the visitor's own: not "visited Putin and Xi met …",
        # "Zelensky visited Kharkiv and Warsaw" is a visit to Poland)
        leaders = [p for p in event.participants if self.gaz.entities[p].kind == "leader"]
        home = self.gaz.states_of(leaders, r.day)
        hosts = [h for h in unique(p.key if p.kind == "state" else p.metonym_of or p.part_of or ""
                                   for p in places if p.kind in ("state", "city")) if h not in home]
        if len(self.gaz.states_of(hosts, r.day)) < 2 or not set(hosts) & set(event.participants):
            return [candidate]
        own = self.gaz.states_of(hosts, r.day)
        visitors = [p for p in event.participants if not self.gaz.states_of([p], r.day) & own]
        return [replace(candidate, event=replace(event, participants=visitors + [host]))
                for host in hosts] if visitors else []

    def _visitor_and_hosts(self, r: SentenceReading, candidate: Candidate) -> list[Candidate]:
        """"Before Kenya, Erdogan was in Uganda", "Einen Tag nach seinem Treffen mit Putin ist
        Macron in Kiew eingetroffen", "Zuvor war sie in Georgien und Armenien": one who stays
        or arrives, the person nearest the verb, visits each state or city after "in" in the
        verb's clause; no other name there is a side."""
        anchor, clause = candidate.anchor, clause_of(r.clauses, candidate.anchor)
        named = [f for f in r.found if clause.first <= f.first <= clause.last]
        people = [f for f in named if f.actor and (self._person(f) or f.mention.how == "pronoun")]
        visitor = min(people, key=lambda f: abs(f.first - anchor), default=None)
        if visitor is None or self._envoy(r, visitor):  # ("Der israelische Botschafter ist … eingetroffen")
            return []
        visitors = self.roles.list_before(r, visitor, people) + [visitor]  # ("Scholz und Macron")
        places = [f for f in named if f.first > 0 and r.tokens[f.first - 1].key == "in"
                  and self.gaz.entities[f.mention.entity].kind in ("state", "city")]
        if places:  # ("in Georgien und Armenien")
            later = [f for f in named if f.first > places[0].last]
            places += self.roles.coordinated(places[:1] + later, r)[1:]
        home = self.gaz.states_of([f.mention.entity for f in visitors], r.day)
        hosts = unique(h for f in places if (h := self._host_state(f)) and h not in home)
        event, guests = candidate.event, unique(f.mention.entity for f in visitors)
        return [replace(candidate, event=replace(event, participants=guests + [host])) for host in hosts]

    def _region_before_comma(self, r: SentenceReading, first: int) -> bool:
        """"the Senkaku Islands, claimed by China": a region right before the comma the
        participle follows (not "the islands, claimed by Japan": whose, the sentence may not say)."""
        return first >= 2 and r.tokens[first - 1].text == "," and any(
            f.last == first - 2 and self.gaz.entities[f.mention.entity].kind == "region" for f in r.found)

    def _own_envoy(self, r: SentenceReading, first: int, last: int) -> bool:
        """"sent its ambassador to Turkey back home": a state's own envoy recalled, no expulsion."""
        own = self.lex.word_class("possessive_leader") | self.lex.word_class("group_possessive") | \
            self.lex.word_class("pronoun_state_possessive")
        return any(t.key in own for t in r.tokens[first:last + 1])

    def _visits_of_several(self, r: SentenceReading, candidate: Candidate) -> bool:
        """"the visits by Modi and Xi", "die Besuche von Macron und Scholz in Peking": a plural
        visit noun with several visitors tells visits of each, no meeting of the visitors."""
        event, i = candidate.event, candidate.anchor
        token = r.tokens[i]
        k = i - 1
        while k > 0 and is_adjective(r.tokens[k]):
            k -= 1
        plural_noun = token.key != token.lemma and k >= 0 \
            and r.tokens[k].key in self.lex.word_class("determiner")
        if event.type is not EventType.MEETING or "visit" not in candidate.trigger.flags or not plural_noun:
            return False
        agents = self.lex.word_class("passive_agent") | {"of", "von"}
        by = i + 1 < len(r.tokens) and r.tokens[i + 1].key in agents
        named = [f for f in r.found if f.first > i + 1 and f.actor]
        visitors = self.roles.coordinated(named, r) if by else []
        return len(self.gaz.states_of([f.mention.entity for f in visitors], r.day)) >= 2

    def _gapped_partners(self, r: SentenceReading, candidate: Candidate) -> list[Candidate]:
        """"hatte Biden mit Johnson telefoniert, am Sonntag mit Macron (und am Montag mit
        Meloni)": a chunk after the event's clause with only a time and "mit"/"with" and a
        side repeats the event with its verb left out — the same caller with another partner,
        on the chunk's own day."""
        event = candidate.event
        if event.type not in (EventType.CALL, EventType.MEETING) or len(event.participants) != 2:
            return []
        tokens, clause = r.tokens, clause_of(r.clauses, candidate.anchor)
        named = [f for f in r.found if f.actor and f.mention.entity in event.participants]
        callers = [f.mention.entity for f in named if not self._after_with(r, f)]
        caller = candidate.caller or (callers[0] if len(set(callers)) == 1 else None)
        joiners = self.lex.word_class("conjunction") | {","}
        out: list[Candidate] = []
        start = max(clause.last, candidate.anchor) + 1
        while caller is not None and start < len(tokens) - 2 and tokens[start].key in joiners:
            with_at = next((j for j in range(start + 1, min(len(tokens), start + 6))
                            if tokens[j].key in ("mit", "with")), None)
            partner = next((f for f in r.found if f.actor and f.first > (with_at or len(tokens))), None)
            if with_at is None or partner is None or not self._only_a_time(r, start + 1, with_at) \
                    or not self._after_with(r, partner) or partner.mention.entity in event.participants:
                break
            end = partner.last + 1
            if end < len(tokens) and tokens[end].text not in (".", ";") and tokens[end].key not in joiners:
                break  # ("…, am Sonntag mit Macron über die Lage beraten": a clause of its own)
            chunk = (tokens[start].end - r.sentence.start, tokens[partner.last].end - r.sentence.start)
            own_day = next((d.date for d in r.dates if chunk[0] <= d.start < chunk[1]), event.date)
            out.append(replace(candidate, caller=None, event=replace(
                event, participants=[caller, partner.mention.entity], date=own_day)))
            start = end
        return out

    def _only_a_time(self, r: SentenceReading, first: int, end: int) -> bool:
        """Whether tokens first..end-1 tell only when: a date, a preposition before it ("am
        Sonntag", "on Monday") or an adverb ("then", "dann")."""
        dated = {k for d in r.dates for k in range(first, end)
                 if d.start <= r.tokens[k].start - r.sentence.start < d.end}
        adverbs = self.lex.word_class("opening_adverb") | self.lex.word_class("verb_adverb")
        prepositions = self.lex.word_class("preposition")
        return all(k in dated or r.tokens[k].key in adverbs
                   or r.tokens[k].key in prepositions and k + 1 in dated for k in range(first, end))

    def _after_with(self, r: SentenceReading, f: Found) -> bool:
        """A side named right after "mit"/"with", past articles, adjectives and titles."""
        j = f.first - 1
        people = self.lex.word_class("counterpart") | self.lex.word_class("colleague") | \
            self.lex.word_class("other_person")
        while j >= 0 and (r.tokens[j].key in self.lex.word_class("determiner") or is_adjective(r.tokens[j])
                          or r.tokens[j].key in self.roles.title_words or r.tokens[j].key in people
                          or any(g.first <= j <= g.last for g in r.found)):
            j -= 1
        return j >= 0 and r.tokens[j].key in ("mit", "with")

    # -- triggers --------------------------------------------------------------------------
    def _triggers(self, reading: SentenceReading) -> list[tuple[Trigger, int, int]]:
        # (a match its row's own test rules out must not hide others: a bare accord noun is an
        # event only with its year, a participle in apposition only after a region, an envoy
        # sent back only another state's)
        kept = self._one_per_word([
            h for h in self._matches(reading)
            if ("dated_accord" not in h[0].flags or self._accord_of_years_ago(reading, *h))
            and ("apposition" not in h[0].flags or self._region_before_comma(reading, h[1]))
            and ("match_is_topic" not in h[0].flags or not self._own_envoy(reading, h[1], h[2]))])
        # ("the so-called Golden Gate": an adjective, no call)
        kept = [h for h in kept if not (h[1] >= 2 and reading.tokens[h[1] - 1].text == "-"
                                        and reading.tokens[h[1] - 2].key == "so")]
        # ("met on the sidelines of the G20 summit", "am Rande des Nato-Gipfels": a venue)
        # (not a visit: "am Rande des Besuchs von von der Leyen in Tunis" tells one; and only
        # beside another word of talks: "spoke on the sidelines of the NATO summit" met there)
        kept = [h for h in kept if not (h[0].type is EventType.MEETING and h[1] == h[2]
                                        and "visit" not in h[0].flags and self._venue(reading, h[1])
                                        and any(o[0].type in TALKS and o[1] != h[1]
                                                and not self.roles.venue_phrase_at(reading.tokens, o[1])
                                                for o in kept))]
        medium = self.lex.word_class("call_medium")  # "talked on the phone": a manner
        reading.call_references = [h[1] for h in kept if h[0].type is EventType.CALL and h[1] == h[2]
                                   and self._reference_in_pp(reading.tokens, h[1])
                                   and not self._names_its_sides(reading, h[2])]
        # (a claim told by a participle is still one: "in the Israeli-annexed Golan Heights")
        # ("nach dem Besuch von Xi in Moskau": a visit noun with its guest and host; "vor dem
        # Besuch", "before the visit" may tell one still to come)
        kept = [h for h in kept if h[1] != h[2] or not self._reference_in_pp(reading.tokens, h[1])
                or self._names_its_sides(reading, h[2]) or reading.tokens[h[1]].key in medium
                or h[0].type is EventType.TERRITORIAL_CLAIM
                or self._owner_and_partner(reading, h[1], h[2], "visit" in h[0].flags)
                and not self._before_it(reading.tokens, h[1])]
        # ("Israeli-annexed Golan", "US-supplied bombs": a name's participle tells the event)
        kept = [h for h in kept if not self._compound_adjective(reading.tokens, h[1]) or (
            h[0].type in (EventType.TERRITORIAL_CLAIM, EventType.SUPPORT)
            and any(f.last == h[1] - 2 for f in reading.found))]
        kept = [h for h in kept if "obligation_first" not in h[0].flags
                or self._modal_verb(reading.tokens, h[1])]  # not "Ukraine's needs were …"
        kept = self._thanked_for(self._consents_to_supply(kept, reading), reading)
        kept = self._told_otherwise(self._drop_complements(kept, reading), reading)
        kept = self._without_purpose_of_meeting(kept, reading)
        # ("war in Kigali eingetroffen, um eine Normalisierung der Beziehungen einzuleiten": an
        # accord a journey is for has not been reached)
        kept = [h for h in kept if not (h[0].type is EventType.AGREEMENT and self._in_purpose(reading, h[1]))]
        # ("visiting Uzbekistan as part of his trip to …": the journey a visit is part of is
        # no visit of its own)
        kept = [h for h in kept if not (h[0].type is EventType.MEETING and any(
            o[0].type is EventType.MEETING and o[2] < h[1] for o in kept) and self._framed(reading, h[1]))]
        # ("Wenige Stunden vor seinem Treffen mit Putin hat Trump mit Lukaschenko telefoniert",
        # "ahead of his meeting with Xi, Biden called …": talks still to come time another event)
        kept = [h for h in kept if not (h[0].type in TALKS and h[1] == h[2]
                                        and self._noun(reading.tokens, h[1])
                                        and self._before_it(reading.tokens, h[1])
                                        and any(o[1] > h[2] for o in kept))]
        # ("at the request of Foreign Minister Mahuta, who is unable to travel": the noun of the
        # phrase tells who asked, not a request "to" do what follows)
        kept = [h for h in kept if not any("at_request" in o[0].flags and o[1] < h[1] <= o[2]
                                           for o in kept)]
        # ("hat die Uno gebeten, um Ankara zum Rückzug zu zwingen": "um" right after the verb
        # and a comma opens a purpose, not what is asked for)
        kept = [h for h in kept if not (h[2] == h[1] + 2 and reading.tokens[h[2]].key == "um"
                                        and reading.tokens[h[2] - 1].text == ",")]
        # ("a highly trained U.S. brigade", "well-armed forces": a participle as an adjective)
        kept = [h for h in kept if not self._participle_adjective(reading.tokens, h[1])]
        # ("Finance Minister Tarin", "the Trade Ministry": a word of a title tells no event)
        kept = [h for h in kept if not self._in_a_title(reading, h[1], h[2])]
        # ("the International Monetary Fund approved …": a word of a name tells no event)
        kept = [h for h in kept if not any(f.first <= h[1] and h[2] <= f.last and f.mention.how == "name"
                                           for f in reading.found)]
        # (a demand, supply or claim: "met … and urged Ankara"; not "griff zum Hörer und sprach mit")
        reading.trigger_starts = [h[1] for h in kept if h[0].type not in MULTI_SIDED]
        reading.meeting_starts = [h[1] for h in kept if h[0].type is EventType.MEETING
                                  and "generic" not in h[0].flags]
        calls = [a for t, a, _ in kept if t.type is EventType.CALL]
        if calls:
            # a talk beside a call is that call; a summit noun after it that the call talked
            # about is its topic ("sprach per Telefon über die Vorbereitung des Brics-Gipfels")
            tokens = reading.tokens
            kept = [h for h in kept if "generic" not in h[0].flags and not (
                h[0].type is EventType.MEETING and h[1] == h[2] and "visit" not in h[0].flags
                and self._noun(tokens, h[1]) and self._talked_about(tokens, min(calls), h[1]))]
        return kept

    def _participle_adjective(self, tokens: list[Token], i: int) -> bool:
        """"a highly trained brigade", "the well-armed forces": an adverb after an article or a
        comma makes the participle an adjective ("Germany has fully financed …" is a verb)."""
        j = i - 2 if i >= 2 and tokens[i - 1].text == "-" else i - 1
        return self.lex.lang == "en" and j >= 1 and tokens[i].key.endswith("ed") and \
            tokens[j].key in self.lex.word_class("participle_adverb") and (
                tokens[j - 1].text == "," or tokens[j - 1].key in self.lex.word_class("determiner"))

    def _in_purpose(self, r: SentenceReading, first: int) -> bool:
        """Whether the word opens or lies in a purpose clause ("…, um … zu …")."""
        clause = clause_of(r.clauses, first)
        return clause.complement and r.tokens[clause.first].key in self.lex.word_class("purpose_marker")

    def _without_purpose_of_meeting(self, hits: list[tuple[Trigger, int, int]],
                                    r: SentenceReading) -> list[tuple[Trigger, int, int]]:
        """"kamen in Berlin zusammen, um über die Unterstützung der Ukraine zu beraten", "met
        to discuss …": talks in the purpose of a meeting told before them are that meeting."""
        return [h for h in hits if not (
            h[0].type is EventType.MEETING and self._in_purpose(r, h[1])
            and any(o[0].type in TALKS and o[2] < clause_of(r.clauses, h[1]).first for o in hits))]

    def _matches(self, reading: SentenceReading) -> list[tuple[Trigger, int, int]]:
        """Every pattern that matches, with the conditions its flags set on its words."""
        visible = self._visible_to_patterns(reading)
        tokens = [reading.tokens[i] for i in visible]
        hits = [(trigger, visible[a], visible[b])
                for n, positions in self.lex.trigger_starts.starts(tokens).items()
                for trigger in (self.lex.triggers[n],)
                for a, b in trigger.pattern.find_at(tokens, positions)]
        course = self.lex.word_class("conflict_course")
        r = reading
        conditions: dict[str, Callable[[tuple[Trigger, int, int]], bool]] = {
            # "received the first F-16s from Denmark": no guest, so no meeting (a supply)
            "guest_object": lambda h: self._guest(r, h[2]) is not None,
            "callee": lambda h: self._phoned(r, h[2]),
            # (against every match, filtered or not: a meeting word anywhere rules a call out)
            "talk_partner": lambda h: self._spoke_from_afar(r, hits, h),
            "talk_pair": lambda h: self._pair_spoke(r, hits, h),
            "person_partner": lambda h: self._person_after(r, h[2]),
            "present_together": lambda h: self._present_together(r, h[1], h[2]),
            # "…, so Scholz", "…, so der Kreml"; not "…, so dass …", "…, so wie es die Ukraine tue"
            "speaker_next": lambda h: h[2] + 1 < len(r.tokens) and (
                r.tokens[h[2] + 1].capitalized or r.tokens[h[2] + 1].key in self.lex.word_class("determiner"))
            and any(f.actor and h[2] < f.first <= h[2] + 4 for f in r.found),
            "courtesy_call": lambda h: self._courtesy_call(r, h[2]),
            "not_courtesy_call": lambda h: not self._courtesy_call(r, h[2]),
            "person_subject": lambda h: self._person_before(r, h[1]),
            "stay": lambda h: self._stays_at(r, h[1], h[2]),
            "person_arrived": lambda h: self._arrived_in(r, h[1]),
            "in_the_room": lambda h: not any(t.key in self.lex.word_class("remote_medium") for t in r.tokens[
                clause_of(r.clauses, h[1]).first:clause_of(r.clauses, h[1]).last + 1]),
            # ("führt Krieg gegen die Ukraine, Gespräche lehnt Moskau ab": two clauses)
            "one_clause": lambda h: not any(t.text in (",", ";", ":") for t in r.tokens[h[1]:h[2] + 1]),
            "colon_speaker": lambda h: self._headline_speaker(r, h[1]),
            # "Putin (l.) und Modi (r.)": two people placed, not "Johnson (R)" or a map's "(left)"
            "caption_marker": lambda h: self._placed_people(r, hits) >= 2,
            # "warb für eine Waffenruhe" asks something of the sides; "für freien Handel" not
            "course_object": lambda h: any(t.key in course for t in r.tokens[h[1]:h[2] + 8]),
            # "wants Kyiv to …" demands, "wants to talk" does not: the row leaves the word to
            # the other rows ("pressed for tougher measures")
            "needs_object": lambda h: any(f.actor and h[1] < f.first < h[2] for f in r.found),
            # "pressed Iran to …", "pressed them to …", "pressed Congress to …", "pressed the
            # government to …"; not "pressing hard on claims to …"
            "pressed_object": lambda h: any(f.actor and h[1] < f.first < h[2] for f in r.found)
            or r.tokens[h[1] + 1].key in self.lex.word_class("object_pronoun")
            or r.tokens[h[1] + 1].capitalized or r.tokens[h[1] + 1].key == "the",
            # "erwartet von Ankara, dass …" asks Ankara; "erwartet von dem Gipfel Fortschritte" not
            "object_after": lambda h: self._names_next(r, h[2]),
            "state_predicate": lambda h: self._territory_is_state(r, h[1]),
            # "von Katar 60 Millionen erhalten" tells it; "…, von Chile Zugang zu erhalten" wants it
            "no_zu": lambda h: r.tokens[h[2] - 1].key != "zu",
            # "sending tensions spiralling", "sent a message": nothing is handed over
            "sent": lambda h: not self._sends_a_figure(r, h[2]),
            # "sent ships" is a verb, "two of its ships", "the Armed Forces" are no verbs
            "verb_only": lambda h: self._used_as_verb(r, h[1]),
            # "told Trump to …" asks him; "told Trump he hoped to …" reports a wish of its own
            # ("told Zelenskiy he had to make a deal" still asks)
            "no_new_subject": lambda h: not any(
                t.key in self.lex.word_class("personal_pronoun")
                and r.tokens[i + 1].key not in self.lex.word_class("obligation_verb")
                for i, t in enumerate(r.tokens[h[1] + 1:h[2]], h[1] + 1)),
        }
        hits = [h for h in hits if all(holds(h) for flag, holds in conditions.items() if flag in h[0].flags)]
        # "den strategisch wichtigen Berggipfel": a word that only ends like a trigger
        lookalikes = self.lex.word_class("trigger_lookalike")
        return [h for h in hits if not (h[1] == h[2] and r.tokens[h[1]].key in lookalikes)]

    def _sends_a_figure(self, r: SentenceReading, verb: int) -> bool:
        """The verb's object, right after it or after its article, is no goods ("sending
        tensions spiralling", "sent a message to Xi"); a word further on is not its object
        ("deployed troops to Estonia amid tensions"), nor after whom it goes to and a length
        ("delivered Russia a 60-day ultimatum")."""
        tokens, j = r.tokens, verb + 1
        receiver = next((f for f in r.found if f.first == j), None)
        j = receiver.last + 1 if receiver is not None else j
        if j < len(tokens) and tokens[j].key in self.lex.word_class("determiner"):
            j += 1
        length = self.lex.word_class("duration_unit") | self.lex.word_class("number_word")
        while j < len(tokens) and (not tokens[j].is_word or tokens[j].key[:1].isdigit()
                                   or tokens[j].key in length):
            j += 1
        return j < len(tokens) and tokens[j].key in self.lex.word_class("not_sent")

    def _modal_inside(self, r: SentenceReading, first: int, last: int) -> bool:
        """A modal verb or a negation inside a gapped pattern ("a peace agreement could be
        signed"), not in a clause of its own there ("signed what could be a landmark deal",
        "ein Abkommen, das Manöver erleichtern soll, unterzeichnet")."""
        span = r.tokens[first + 1:last]
        modal = next((i for i, t in enumerate(span)  # (not the month: "signed in May a treaty")
                      if t.key in self.lex.word_class("inside_modal") and t.text.islower()), None)
        clause_openers = self.lex.word_class("relative") | {"what"}
        # ("concluded talks on Friday without an agreement": "without" right before the accord
        # the match ends on; not "signed without fanfare an agreement", "ohne Zögern")
        without = any(t.key in self.lex.word_class("without") and last - (first + 1 + i) <= 2
                      for i, t in enumerate(span))
        return without or modal is not None and not any(
            t.key in clause_openers or t.text == "," for t in span[:modal])

    def _used_as_verb(self, r: SentenceReading, i: int) -> bool:
        """An English word that may be a noun is a verb only without an article, possessive or
        number before it ("two of its ships") and, outside a title-case headline ("US Sends
        Patriot Missiles To Ukraine"), not inside a name ("the Saudi Armed Forces")."""
        if i == 0:
            return True
        before = r.tokens[i - 1].key
        nouns_after = self.lex.word_class("noun_marker") | self.lex.word_class("number_word")
        if before.isdigit() or before in nouns_after:
            return False
        if any(f.last == i - 1 and f.mention.how in ("demonym", "demonym-actor") for f in r.found):
            return False  # "importing the Egyptian arms": a noun after its origin
        in_a_name = r.tokens[i].capitalized and i + 1 < len(r.tokens) and r.tokens[i + 1].capitalized
        return not in_a_name or self.roles.title_case(r)

    def _territory_is_state(self, r: SentenceReading, verb: int) -> bool:
        """"Crimea is Ukraine", "Die Krim ist Russland": a territory right before the verb and
        a state's name right after it, closing the clause, says whose the territory is."""
        territory = next((f for f in r.found if f.last == verb - 1
                          and self.gaz.entities[f.mention.entity].kind in ("region", "state")), None)
        state = next((f for f in r.found if f.first == verb + 1 and f.actor
                      and self.gaz.entities[f.mention.entity].kind == "state"), None)
        if territory is None or state is None or territory.mention.entity == state.mention.entity:
            return False
        after = r.tokens[state.last + 1] if state.last + 1 < len(r.tokens) else None
        # (the clause may go on "and always will be", "und wird es bleiben"; not "France's")
        return after is None or not after.is_word and after.text not in ("'", "’") \
            or after.key in ("and", "und") and not any(
                f.first == state.last + 2 for f in r.found)

    @staticmethod
    def _one_per_word(hits: list[tuple[Trigger, int, int]]) -> list[tuple[Trigger, int, int]]:
        """One match per starting word, as one word tells one event."""
        # a `prefer` row first ("trafen eine Vereinbarung" is no meeting), then the tightest
        # match (nearest particle), a `fallback` pattern only if nothing else; of two matching
        # the same words, the one that spells more of them ("told .. not to" over "told .. to")
        hits.sort(key=lambda h: (h[1], "prefer" not in h[0].flags, "fallback" in h[0].flags,
                                 h[2] - h[1], -h[0].pattern.words))
        kept: list[tuple[Trigger, int, int]] = []
        used: set[int] = set()
        for trigger, a, b in hits:
            if a in used:
                continue
            used.add(a)
            kept.append((trigger, a, b))
        return kept

    def _told_otherwise(self, kept: list[tuple[Trigger, int, int]],
                        reading: SentenceReading) -> list[tuple[Trigger, int, int]]:
        """Matches the rest of the sentence makes no event of their own: inside a preferred
        pattern, a caption beside a told event, a pledge to act, a meeting agreed on, the talks
        that led to an agreement."""
        # "held a virtual meeting": the meeting noun inside a preferred call of a few words;
        # "eine Vereinbarung … getroffen": the verb a preferred pattern ends on
        # ("a three-way call with …": the call word inside a preferred conference call)
        kept = [h for h in kept if not any(
            "prefer" in o[0].flags and (o[0].type is not h[0].type or "conference" in o[0].flags)
            and o[1] < h[1] and (h[1] <= o[2] <= o[1] + 3 or h[1] == h[2] == o[2]) for o in kept)]
        # "Bild: Biden und Trudeau vor dem Parlament": a caption shows a meeting only when it
        # tells nothing else
        if any(not CAPTIONS & h[0].flags for h in kept):
            kept = [h for h in kept if not CAPTIONS & h[0].flags]
        kept = [h for h in kept if "caption" not in h[0].flags or (
            h[1] == 0 and len(reading.tokens) > 1 and reading.tokens[1].text == ":")]
        # "pledged to work to avoid arms trafficking": a pledge to do something is a supply
        # only through its own verb ("pledged to send tanks": the "send")
        kept = [h for h in kept if not (h[0].type is EventType.SUPPORT and h[1] == h[2]
                                        and self._pledge_to_act(reading.tokens, h[1]))]
        # "fordert ein Treffen mit Russland", "demanded a prisoner swap": what a demand asks
        # for has not happened
        # ("discussed a prisoner exchange": what talks are about has not happened either)
        demanded = [b for t, _, b in kept if t.type is EventType.DEMAND]
        talked = [b for t, _, b in kept if t.type is EventType.MEETING and "generic" in t.flags] + [
            i for i, t in enumerate(reading.tokens) if t.key in self.lex.word_class("topic_verb")]
        kept = [h for h in kept if not (h[0].type in MULTI_SIDED and "generic" not in h[0].flags and (
            any(self._object_of(reading, b, h[1]) for b in demanded)
            or any(self._object_of(reading, b, h[1], talk=True) for b in talked)))]
        # "vereinbarten ein weiteres Treffen": a meeting agreed on is still to come (German
        # may put it before a final verb: "haben ein Treffen im November vereinbart")
        final = [h for h in kept if self._meeting_before_final_verb(reading, h)]
        agreed_meetings = [b for t, _, b in kept if t.type is EventType.AGREEMENT
                           and self._meeting_as_object(reading, b)]
        kept = [h for h in kept if not (h[0].type is EventType.MEETING and any(
            clause_of(reading.clauses, h[1]) is clause_of(reading.clauses, b) and h[1] < b
            for _, b, _ in final))]
        # ("ein Treffen am Rande des Nato-Gipfels": nor is the summit it is to be held at)
        kept = [h for h in kept if not (h[0].type is EventType.MEETING and any(
            b < h[1] <= b + 5 or b < h[1] and clause_of(reading.clauses, b) is clause_of(
                reading.clauses, h[1]) for b in agreed_meetings))]
        # "hat die Abkommen zur Annexion … unterzeichnet", "signed the treaties annexing four
        # regions": an accord that is an annexation is a claim, no accord with the state annexed from
        annexing = [a for t, a, _ in kept if t.type is EventType.TERRITORIAL_CLAIM
                    and reading.tokens[a].key in self.lex.word_class("annexation")]
        annexed = {h[2] for h in kept if h[0].type is EventType.AGREEMENT and any(
            h[1] < c <= h[1] + 3 or h[2] < c <= h[2] + 2 for c in annexing)}
        kept = [h for h in kept if h[0].type is not EventType.AGREEMENT or h[2] not in annexed]
        # "unterzeichneten ein Abkommen, über das sie 16 Jahre verhandelt hatten": the talks
        # that led to an agreement told before are no meeting of their own
        agreed = min((a for t, a, _ in kept if t.type is EventType.AGREEMENT), default=None)
        kept = [h for h in kept if agreed is None or h[1] < agreed or not (
            h[0].type is EventType.MEETING and "generic" in h[0].flags
            and self._relative_after_preposition(reading, h[1]))]
        return kept

    def _object_of(self, r: SentenceReading, verb: int, noun: int, talk: bool = False) -> bool:
        """The noun is the verb's object: only articles and adjectives between them. What
        talks are about needs an article or "über"/"about" ("discussed a prisoner exchange";
        "berieten telefonisch", "beraten am Telefon" tell how they talked)."""
        between = r.tokens[verb + 1:noun]
        if not 0 < noun - verb <= 4 or r.tokens[noun].key in self.lex.word_class("preposition"):
            return False
        topic = self.lex.word_class("talk_topic_prep")
        if talk and not (between and (between[0].key in topic
                                      or between[0].key in self.lex.word_class("determiner"))):
            return False
        return all(t.key in self.lex.word_class("determiner") or is_adjective(t) or t.key in topic
                   or t.key in self.lex.word_class("object_modifier") for t in between)

    def _indicative(self, r: SentenceReading, last: int) -> bool:
        """The clause after "insists that" states a fact ("is its territory", "has been part
        of"); a demand puts a modal or the bare subjunctive there ("should leave", "be held").
        Insisting on a sovereignty or claim ("pocht auf seine Souveränität") asserts it."""
        if last + 1 >= len(r.tokens):
            return False
        if any(t.key in self.lex.word_class("claim_noun") for t in r.tokens[last + 1:last + 4]):
            return True
        keys = {t.key for t in r.tokens[last + 1:clause_of(r.clauses, last + 1).last + 1]}
        return bool(keys & self.lex.word_class("indicative_verb")) and \
            not keys & self.lex.word_class("obligation_modal")

    def _relative_after_preposition(self, reading: SentenceReading, i: int) -> bool:
        """", über das sie verhandelt hatten", ", on which they had negotiated": a relative
        clause opened by a preposition, describing the noun before it."""
        clause = clause_of(reading.clauses, i)
        tokens = reading.tokens
        return clause.first + 1 < i and tokens[clause.first].key in self.lex.word_class("block_prep") \
            and tokens[clause.first + 1].key in self.lex.word_class("relative")

    def _names_next(self, reading: SentenceReading, last: int) -> bool:
        """A side is named right after the match (its articles aside)."""
        j = last + 1
        while j < len(reading.tokens) and reading.tokens[j].key in self.lex.word_class("determiner"):
            j += 1
        return any(last < f.first <= j and (f.actor or f.mention.how == "compound"  # "Nato-Verbündeten"
                                     or self.gaz.entities[f.mention.entity].metonym_of)
                   for f in reading.found)

    def _modal_verb(self, tokens: list[Token], i: int) -> bool:
        """"needs" as a verb, not a noun after an article or a possessive ("Ukraine's needs");
        a modal opening its clause is a condition, not an obligation ("Sollte Russland
        zustimmen, wäre Kanada bereit …", "Should Russia agree, …")."""
        opens = i == 0 or tokens[i - 1].text in (",", ";", ":")
        if tokens[i].key in ("sollte", "sollten", "should") and opens:
            return False
        return tokens[i].key not in ("needs", "need") or i == 0 or not (
            tokens[i - 1].key in self.lex.word_class("determiner") or tokens[i - 1].key == "s")

    def _talked_about(self, tokens: list[Token], call: int, noun: int) -> bool:
        """"über"/"about" between the call and the noun: the noun is what the call was about."""
        return call < noun and any(t.key in self.lex.word_class("talk_topic_prep")
                                   for t in tokens[call + 1:noun])

    def _noun(self, tokens: list[Token], i: int) -> bool:
        """A German noun (capitalized), or an English "summit"/"meeting" after an article, an
        adjective or a name ("the summit", "a BRICS summit"), not a verb ("after Modi met Putin")."""
        if self.lex.lang == "de":
            return tokens[i].capitalized
        prev = tokens[i - 1] if i > 0 else None
        return prev is not None and tokens[i].key in self.lex.word_class("meeting_noun") \
            and (prev.key in self.lex.word_class("determiner") or is_adjective(prev)
                 or prev.text == "-" or prev.text[:1].isupper())

    def _visible_to_patterns(self, r: SentenceReading) -> list[int]:
        """Indexes of the tokens trigger patterns see: a date and its preposition are
        transparent, so "called on Monday for a ceasefire" reads as "called for" and "their
        phone call on Tuesday to extend" is no "call on"; a person's name or title is one
        word, so a gap counts words of the sentence, not of the names in it."""
        skipped: set[int] = set()
        for date in r.dates:
            inside = [i for i, t in enumerate(r.tokens)
                      if date.start <= t.start - r.sentence.start < date.end]
            if inside and inside[0] > 0 and \
                    r.tokens[inside[0] - 1].key in self.lex.word_class("preposition"):
                inside.append(inside[0] - 1)
            skipped.update(inside)
        # a person's name or title counts as one word: "unterzeichneten Russlands Präsident
        # Wladimir Putin und die Präsidenten von Kasachstan und Weißrussland … den Vertrag"
        for f in r.found:
            if f.last > f.first and f.mention.how in ("name", "title") \
                    and self.gaz.entities[f.mention.entity].kind == "leader":
                skipped.update(range(f.first + 1, f.last + 1))
        return [i for i in range(len(r.tokens)) if i not in skipped]

    def _reference_in_pp(self, tokens: list[Token], first: int) -> bool:
        """"nach dem Treffen", "in the talks": a noun that points back to an event already
        told, inside a prepositional phrase; "bei seinem Besuch" still tells a new one.
        The first part of a compound is the noun's own ("bei dem Vierer-Telefonat"). An
        English past form is a verb, not such a noun ("the vaccine against the virus landed")."""
        if self.lex.lang == "en" and tokens[first].key.endswith("ed"):
            return False
        j = first - 1
        while j >= 1 and tokens[j].text == "-":
            j -= 2
        # at most three words between the article and its noun ("in the first two calls"):
        # further back the article is another phrase's ("In the coming months we will
        # ensure free supplies")
        stop = j - 3
        while j >= 0 and j > stop and tokens[j].is_word and tokens[j].text.islower() and \
                tokens[j].key not in self.lex.word_class("definite") and tokens[j].key not in \
                self.lex.word_class("block_prep"):
            j -= 1
        return j >= 1 and tokens[j].key in self.lex.word_class("definite") and \
            tokens[j - 1].key in self.lex.word_class("preposition")

    def _adverbial_talks(self, r: SentenceReading, actors: list[Found], first: int, last: int) -> list[str]:
        """"after speaking with Putin", "before meeting Xi": an English participle clause of
        talks has the main clause's subject and the partner after it as its sides, not the
        main verb's object."""
        if self.lex.lang == "en" and first + 1 < len(r.tokens) and \
                r.tokens[first].key in self.lex.word_class("clause_break"):
            first += 1  # (the match may begin on its "after": "after speaking with Putin")
        if self.lex.lang != "en" or first == 0 or not r.tokens[first].key.endswith("ing") or \
                r.tokens[first - 1].key not in self.lex.word_class("clause_break"):
            return []
        partners = self.roles.coordinated([f for f in actors if last < f.first <= last + 4], r)
        # (the nearest name before it that no verb has as its object: "Tusk told a news
        # conference after meeting …", "Trump called Zelenskyy after speaking with Putin")
        quoted = {i for i, t in enumerate(r.tokens[:first]) if t.text in QUOTE_MARKS}
        subject = next((f for f in reversed(actors) if f.last < first - 1 and not self._past_verb_object(r, f)
                        and not any(q > f.last for q in quoted)), None)
        if subject is None and partners:  # "After talking to Macron, Biden called Scholz"
            cut = next((i for i in range(1, len(partners)) if any(
                t.text == "," for t in r.tokens[partners[i - 1].last + 1:partners[i].first])), len(partners))
            partners = partners[:cut]
            subject = next((f for f in r.found if f.actor and f.first > partners[-1].last and any(
                t.text == "," for t in r.tokens[partners[-1].last + 1:f.first])), None)
        if not partners or subject is None:
            return []
        return unique([subject.mention.entity] + [f.mention.entity for f in partners])

    def _talks_just_held(self, r: SentenceReading, first: int, last: int) -> bool:
        """"Maduro said after the meeting with Santos", "sagte Maduro nach der Zusammenkunft
        mit Santos": talks with someone, right after which one speaks, are the speaker's (not a
        summit, which others may have held: "Zelensky said after the summit with Putin")."""
        j = before_determiners(r.tokens, first - 1, self.lex.word_class("determiner"))
        summit = r.tokens[last].key in self.lex.word_class("summit_noun")
        return j >= 0 and r.tokens[j].key in self.lex.word_class("after_prep") and not summit and \
            last + 1 < len(r.tokens) and r.tokens[last + 1].key in ("with", "mit")

    def _speaker_before(self, r: SentenceReading, first: int) -> list[str]:
        """Who speaks right before the phrase of the talks ("Maduro said after the meeting")."""
        j = before_determiners(r.tokens, first - 1, self.lex.word_class("determiner"))
        speech = self.lex.word_class("speech_verb")
        return [f.mention.entity for f in r.found if f.actor and f.last < j <= f.last + 3
                and all(t.key in speech or t.key in self.lex.word_class("verb_adverb")
                        for t in r.tokens[f.last + 1:j])][-1:]

    def _reacted_to(self, tokens: list[Token], first: int) -> bool:
        """"welcomed the agreement", "begrüßten die Vereinbarung": a verb of reaction right
        before the definite noun of an event told before."""
        j = self._before_noun_phrase(tokens, first)
        return j >= 0 and tokens[j].key in self.lex.word_class("reaction_verb")

    def _judged_after(self, r: SentenceReading, clause: Clause, first: int, last: int) -> int | None:
        """A German clause that opens with an event noun, told anew, as the object of a verb
        that judges it ("Auch ein Telefonat mit Tsai wertete China als Provokation"): where
        that verb stands; who judges it, after the verb, is no side. ("Das Treffen mit Xi
        nannte Scholz konstruktiv" judges one told before, which the judge may have had.)"""
        if self.lex.lang != "de" or first - clause.first > 3 or first == 0 or \
                r.tokens[first - 1].key not in self.lex.word_class("indefinite_article"):
            return None
        verbs = self.lex.word_class("judging_verb")
        return next((i for i in range(last + 1, min(clause.last + 1, last + 9))
                     if r.tokens[i].key in verbs), None)

    def _timed_by_another(self, r: SentenceReading, first: int, last: int) -> int | None:
        """"His visit came as the US revealed …": an event noun as the subject of "came" is
        timed by what follows, whose names are not its sides; where "came" stands."""
        verb = last + 1
        if first != last or verb + 1 >= len(r.tokens) or \
                r.tokens[verb].key not in self.lex.word_class("timed_verb"):
            return None
        return verb if r.tokens[verb + 1].key in self.lex.word_class("timed_by") else None

    def _before_noun_phrase(self, tokens: list[Token], first: int) -> int:
        """The word before a noun's articles and adjectives (-1 at the sentence start)."""
        j = first - 1
        while j >= 0 and (tokens[j].key in self.lex.word_class("determiner") or is_adjective(tokens[j])):
            j -= 1
        return j

    def _pledge_to_act(self, tokens: list[Token], i: int) -> bool:
        return tokens[i].key in self.lex.word_class("pledge_verb") and i + 2 < len(tokens) and \
            tokens[i + 1].key == "to" and tokens[i + 2].key in self.lex.word_class("pledged_effort")

    def _meeting_before_final_verb(self, r: SentenceReading, hit: tuple[Trigger, int, int]) -> bool:
        """A German accord verb closing its clause whose object, before it, is a meeting
        ("… haben ein Treffen im November vereinbart")."""
        trigger, first, last = hit
        if self.lex.lang != "de" or trigger.type is not EventType.AGREEMENT or first != last or \
                last + 1 < len(r.tokens) and r.tokens[last + 1].is_word:
            return False
        clause = clause_of(r.clauses, first)
        determiners = self.lex.word_class("determiner")
        for i in range(clause.first + 1, first):
            if r.tokens[i].key not in self.lex.word_class("meeting_noun"):
                continue
            j = i - 1  # "ein persönliches Treffen"
            while j > clause.first and is_adjective(r.tokens[j]):
                j -= 1
            # (not a meeting in a phrase: "bei ihrem Treffen eine Waffenruhe vereinbart")
            if r.tokens[j].key in determiners and \
                    (j == 0 or r.tokens[j - 1].key not in self.lex.word_class("preposition")):
                return True
        return False

    def _meeting_as_object(self, r: SentenceReading, last: int) -> bool:
        """The object right after the verb is a meeting (articles and adjectives before it,
        or a preposition of what was agreed on: "agreed to a meeting in May", "einigten sich
        auf ein Treffen"; no other preposition: "agreed at their meeting to …" agrees on
        something else)."""
        stop = self.lex.word_class("block_prep") | self.lex.word_class("preposition") | \
            self.lex.word_class("circumstance") | self.lex.word_class("agreement_object")
        start, on = last + 1, self.lex.word_class("agreed_on_prep")
        while start < min(len(r.tokens), last + 3) and r.tokens[start].key in on:
            start += 1
        if start > last + 1 and start < len(r.tokens) and r.tokens[start].key not in (
                self.lex.word_class("determiner") | self.lex.word_class("meeting_noun")):
            return False  # "agreed to hold a trilateral summit": an accord to act
        for t in r.tokens[start:start + 5]:
            if t.key in self.lex.word_class("meeting_noun"):
                return True
            if t.key in stop or not t.is_word:
                return False
        return False

    def _agreed_to_meet(self, r: SentenceReading, last: int) -> bool:
        """Whether what was agreed is only to meet ("agreed to meet", "vereinbarten, sich
        bald zu treffen"). (Agreeing to stay in touch is an accord: readers of a readout
        count it as one.)"""
        if self._meeting_as_object(r, last):
            return True  # "vereinbarten ein weiteres Treffen", "agreed a summit in May"
        meet = self.lex.word_class("meet_verb")
        to = next((i for i in range(last + 1, min(len(r.tokens) - 1, last + 10))
                   if r.tokens[i].key in ("to", "zu")), None)
        # the first infinitive, as a verb: "agreed to resume talks and to meet" is an accord
        return to is not None and r.tokens[to + 1].key in meet and \
            r.tokens[to + 1].text.islower() and not any(
                t.key in self.lex.word_class("agreement_object") for t in r.tokens[last + 1:])

    def _between(self, r: SentenceReading, clause: Clause, first: int) -> list[str]:
        """The sides named after "between"/"zwischen" in the trigger's clause: up to the
        trigger when it comes first ("zwischen Armenien und Aserbaidschan vereinbarte")."""
        at = next((i for i in range(clause.first, clause.last + 1)
                   if r.tokens[i].key in ("between", "zwischen")), None)
        if at is None:
            return []
        end = first if at < first else clause.last + 1
        # not "traf Erdogan inmitten der Spannungen zwischen Russland und der Ukraine"
        return list(dict.fromkeys(f.mention.entity for f in r.found if f.actor and at < f.first < end
                                  and not is_blocked(r.tokens, f, self.lex, r.found, (first, first))))

    def _hyphenated_sides(self, r: SentenceReading, first: int, last: int) -> list[str]:
        """"the Scholz-Macron call", "Putin-Trump summit", "Steinmeier-Selenskyj-Telefonat":
        names joined by hyphens right before the event noun, perhaps with words of its own
        between ("the China-Pakistan boundary agreement"), or right after it, are its sides."""
        by_last = {f.last: f for f in r.found}
        chain: list[str] = []
        k = first - 1  # ("the India-Mercosur Preferential Trade Agreement"; not "the
        # Russia-Ukraine conflict in a phone call")
        plain = self.lex.word_class("preposition") | self.lex.word_class("determiner")
        between = plain | self.lex.word_class("conflict_noun")
        while r.tokens[first].key not in plain and k > 0 and first - k <= 3 and k not in by_last \
                and r.tokens[k].is_word and r.tokens[k].key not in between:
            k -= 1
        if k in by_last and k < first - 1:
            first = k + 1
        j = first - 1 if first > 0 and r.tokens[first - 1].text == "-" else first
        while j > 0 and (j == first or r.tokens[j].text == "-") and (f := by_last.get(j - 1)):
            chain.insert(0, f.mention.entity)
            j = f.first - 1
            if j < 0 or r.tokens[j].text != "-":
                break
        return chain if len(chain) >= 2 else self._hyphenated_after(r, last)

    def _hyphenated_after(self, r: SentenceReading, last: int) -> list[str]:
        """"Telefonat Merz–Selenskyj", "the summit Trump-Putin": the joined names right
        after the noun."""
        by_first = {f.first: f for f in r.found if f.actor or f.mention.how == "compound"}
        chain: list[str] = []
        j = last + 1
        while (f := by_first.get(j)) is not None:
            chain.append(f.mention.entity)
            if f.last + 1 >= len(r.tokens) or r.tokens[f.last + 1].text != "-":
                break
            j = f.last + 2
        return chain if len(chain) >= 2 else []

    def _owner_and_partner(self, r: SentenceReading, first: int, last: int,
                           visit: bool = False) -> list[str]:
        """The sides a noun names itself: its possessor and the partner after "with"
        ("Solomon Islands' security pact with China", "Russlands Abkommen mit Iran"), or the
        host of a visit ("Xi's visit to Moscow", "nach dem Besuch von Xi in Moskau")."""
        owner = self._noun_owner(r, first, last, visit)
        if owner is None:
            return []
        after = max(last, owner.last)  # "der Besuch Xis in Moskau": the owner after the noun
        # (a noun's match that ends on it: "Gesprächen mit")
        after -= r.tokens[after].key in ("with", "mit") and self._noun(r.tokens, first)
        if after + 2 < len(r.tokens) and r.tokens[after + 1].key in ("with", "mit"):
            partner = next((f for f in r.found if f.actor and after + 2 <= f.first <= after + 4), None)
            return [owner.mention.entity, partner.mention.entity] if partner else []
        if visit and first >= 2 and r.tokens[first - 1].text == "-":
            # "beim Panama-Besuch von Hegseth": the host before the hyphen
            compound = next((f for f in r.found if f.last == first - 2), None)
            host = self._host_state(compound) if compound is not None else None
            if host is not None and host != self.gaz.state_of(owner.mention.entity, r.day):
                return [owner.mention.entity, host]
        if not visit or after + 2 >= len(r.tokens) or \
                r.tokens[after + 1].key not in self.lex.word_class("host_prep"):
            return []
        place = after + 2
        while place < len(r.tokens) - 1 and r.tokens[place].key in self.lex.word_class("determiner"):
            place += 1
        host = next((self._host_state(f) for f in r.found if f.first == place), None)
        if host is None and self._unnamed_place(r, place):
            return [owner.mention.entity]  # "Medvedev's visit to the island": no host named
        if host is None or host == self.gaz.state_of(owner.mention.entity, r.day):
            return []
        return [owner.mention.entity, host]

    def _unnamed_place(self, r: SentenceReading, place: int) -> bool:
        """"to the island", "to the front", "auf die Insel": a place told by a common noun
        that is neither a name, nor named right after it ("to the capital Belgrade"), nor one
        that stands for a state ("to the country")."""
        token = r.tokens[place]
        named = any(f.first <= place + 1 <= f.last for f in r.found)
        return token.is_word and not named and not any(f.first <= place <= f.last for f in r.found) \
            and token.key not in self.lex.word_class("territory_noun") and \
            (token.text.islower() or self.lex.lang == "de") and place > 0 and \
            r.tokens[place - 1].key in self.lex.word_class("definite")

    def _noun_owner(self, r: SentenceReading, first: int, last: int, visit: bool) -> Found | None:
        """Whose the event noun is: "Xi's visit", "Russlands Abkommen"; a visit's also after
        it ("der Besuch Xis", "der Besuch von Xi"); "bei ihrem Treffen mit Selenskyj", "his
        talks with Xi": the one a possessive pronoun stands for."""
        pronoun = next((f for f in r.found if f.mention.how == "possessive" and f.last == first - 1), None)
        if pronoun is not None:
            return pronoun
        # "nach ihren Gesprächen mit Vucic", a pronoun no mention stands for: the person
        # named before it (the pronoun may begin the match: the row "ihren|ihrem … Gesprächen")
        k = first if first < last and r.tokens[first].key in self.lex.word_class("possessive_person") \
            else first - 1
        if k >= 0 and r.tokens[k].key in self.lex.word_class("possessive_person"):
            return next((f for f in reversed(r.found) if f.actor and f.last < k and self._person(f)), None)
        if self.lex.lang == "en":
            owner = next((f for f in r.found if f.actor and f.last < last <= f.last + 5
                          and r.tokens[f.last + 1].text in ("'", "’")), None)
            # "China's Xi visited …": the possessive belongs to a name, not to the event
            if owner is not None and visit and any(
                    f.actor and owner.last < f.first < first for f in r.found):
                return None
            return owner
        before = next((f for f in r.found if f.actor and f.last == first - 1
                       and r.tokens[f.last].text.endswith("s")), None)
        if before is not None or not visit or not r.tokens[last].capitalized:
            return before  # (a noun: "Macron empfing Lula in Paris" names its guest)
        start = last + 2 if last + 1 < len(r.tokens) and r.tokens[last + 1].key == "von" else last + 1
        # (a minister by title too: "beim Panama-Besuch von US-Außenminister Rubio")
        return next((f for f in r.found if f.actor and f.first == start
                     and (self.gaz.entities[f.mention.entity].kind == "leader"
                          or f.mention.how in ("official", "title", "title-state"))), None)

    def _host_state(self, f: Found) -> str | None:
        """The state a visit's place names: the state itself, or the state of a capital
        or city ("to Moscow")."""
        entity = self.gaz.entities[f.mention.entity]
        if entity.kind == "city":
            return entity.metonym_of or entity.part_of
        return entity.key if entity.kind == "state" else None

    def _guest(self, r: SentenceReading, last: int) -> Found | None:
        """The side named as the object right after token `last`, past its owner ("hosted
        Azerbaijan's Ilham Aliyev" names Aliyev; "greeted Berlin's announcement" no one):
        "welcomed the agreement" or "received fighter jets from Norway" names no guest, so it
        is no meeting; "received Chinese President Xi" does."""
        guest = next((f for f in r.found if f.actor and last < f.first <= last + 4), None)
        if guest is None:
            return None
        after = r.tokens[guest.last + 1:guest.last + 3]
        if after and after[0].text in ("'", "’"):
            guest = next((f for f in r.found if f.actor and guest.last < f.first <= guest.last + 6), None)
            if guest is None:
                return None
        # ("welcomed U.S. troops": soldiers are no guest; "the Czech Army chief", "a Russian
        # military delegation" are)
        head = [t.key for t in r.tokens[guest.last + 1:guest.last + 3]] + [""]
        if head[0] in self.lex.word_class("troops_noun") and head[1] not in self.roles.title_words \
                and head[1] not in self.lex.word_class("government") | self.lex.word_class("force_leader"):
            return None
        return guest if self._only_titles(r.tokens[last + 1:guest.first]) else None

    def _only_titles(self, tokens: list[Token]) -> bool:
        """Whether the words before a name are its titles and owner ("the French President",
        "Syria's interim president"), not a phrase of their own."""
        return all(t.capitalized or t.key in self.roles.title_words or not t.is_word or t.key == "s"
                   or t.key in self.lex.word_class("determiner")
                   or t.key in self.lex.word_class("title_modifier")
                   or t.key in self.lex.word_class("possessive_person") for t in tokens)

    def _spoke_from_afar(self, r: SentenceReading, hits: list[tuple[Trigger, int, int]],
                         hit: tuple[Trigger, int, int]) -> bool:
        """"Trump spoke with Putin for two hours": a leader spoken with, and no place of the
        talk ("spoke with Xi in Beijing") nor a meeting in the sentence: news tells a phone
        call so."""
        partner = self._guest(r, hit[2])  # "spoke with South Korea's new President Moon"
        prior = self.lex.word_class("prior_to")  # "ahead of the summit": a meeting still to come
        if partner is None or not self._person(partner) or any(
                t.type is EventType.MEETING and not {u.key for u in r.tokens[max(0, a - 4):a]} & prior
                for t, a, _ in hits):
            return False  # not "spoke to the US Congress", "spoke with his Security Council"
        return not self._talk_placed(r, clause_of(r.clauses, hit[1])) and not self._in_person_occasion(r)

    def _in_person_occasion(self, r: SentenceReading) -> bool:
        """"Before the signing ceremony, Zelensky spoke with Scholz": an occasion of the
        sentence the two attended in person."""
        return any(t.key in self.lex.word_class("in_person_occasion") for t in r.tokens)

    def _person_after(self, r: SentenceReading, last: int) -> bool:
        """"discussed policing with Fiji's prime minister": a talk with a person is a meeting
        with their state; "discussed US engagement with Egypt" names no one to meet."""
        # ("his Mauritian counterpart": a person of the state the adjective names)
        people = [f for f in r.found if f.actor and last < f.first <= last + 7 and (
            self._person(f) or f.last + 1 < len(r.tokens)
            and r.tokens[f.last + 1].key in self.lex.word_class("counterpart"))]
        return bool(people) and self._guest(r, last) is not None

    def _present_together(self, r: SentenceReading, first: int, last: int) -> bool:
        """"Modi … in the presence of his counterpart", "Im Beisein von Buhari spricht Gauck",
        "signed in the presence of Modi and Hasina": people of two states in one place — not
        "was signed in the presence of Erdogan and Guterres", onlookers of one state at a
        signing by no one named in person, nor a presence wished for ("wants to negotiate only
        in the presence of Biden", "was meant to be signed …")."""
        opening = clause_of(r.clauses, first).first
        if first > 0 and r.tokens[first - 1].key in ("only", "nur") or any(
                t.key in WISH_WORDS for t in r.tokens[opening:first]) or has_cue(
                r.tokens, opening, first - 1, self.lex, ("modality", "future", "planned")):
            return False
        people = [f for f in r.found if f.actor and self._person(f)]
        present = [f for f in people if last < f.first <= last + 10
                   and clause_of(r.clauses, f.first) is clause_of(r.clauses, last)]
        states = {self.gaz.state_of(f.mention.entity, r.day) for f in present}
        return len(people) > len(present) or len(
            {s for s in states if self.gaz.entities[s].kind == "state"}) >= 2

    def _courtesy_call(self, r: SentenceReading, last: int) -> bool:
        """"called on President Xi Jinping." or "… in Beijing on Monday." pays a visit; "called
        on Xi to …", "… for talks", "…: end this war" or "…, urging a ceasefire" asks
        something, and so does a call on a state ("called on Russia")."""
        called = next((f for f in r.found if f.actor and last < f.first <= last + 3), None)
        if called is None or not self._person(called):
            return False
        # only a place, a time and other people may follow: not "…: end this war", "…,
        # urging a ceasefire", "… in an open letter", "… to withdraw"
        end = max([called.last] + [f.last for f in self.roles.coordinated(
            [called] + [f for f in r.found if f.actor and f.first > called.last], r)])
        setting = {"in", "at", "on", "during", "and", "the", "his", "her", "their"} | \
            calendar_words(self.lex.lang)
        rest = r.tokens[end + 1:]
        medium = self.lex.word_class("appeal_medium")
        # (a quote that tells the visit is the statement's: 'stated, "Prime Minister Rabuka
        # called on President Murmu at Rashtrapati Bhavan.')
        marks = [i for i, t in enumerate(r.tokens) if t.text in QUOTE_MARKS and not (  # (not "President's")
            i + 1 < len(r.tokens) and r.tokens[i + 1].key == "s" and r.tokens[i + 1].start == t.end)]
        told_in_quote = len(marks) in (1, 2) and marks[0] < last and (len(marks) == 1 or marks[1] > end)
        told = r.tokens[marks[0]:] if told_in_quote else r.tokens
        if any(t.text == ":" or t.key in medium for t in told) or marks and not told_in_quote \
                or not r.sentence.text.rstrip().rstrip("\"”“").endswith("."):
            # '"Send the tanks," Zelensky called on Scholz', "in his Christmas message", a headline
            return False
        return all(t.key in setting or t.capitalized or t.text.isdigit() or t.text in QUOTE_MARKS
                   or t is rest[-1] and t.text in ".!" for t in rest)

    def _person_before(self, r: SentenceReading, first: int) -> bool:
        """A leader or an official as the verb's subject, right before it ("Blinken flew
        to Beijing", "Blinken also flew …"): not an owner ("Zelensky's wife was flown"), nor
        someone reporting what others did ("Biden said Ukrainian pilots flew …")."""
        gap = 2 if first > 0 and r.tokens[first - 1].key in self.lex.word_class("verb_adverb") else 1
        gap += self._rest_of_a_name(r, first - gap)
        subject = next((f for f in r.found if f.actor and f.last == first - gap), None)
        return subject is not None and self._person(subject)

    def _arrived_in(self, r: SentenceReading, participle: int) -> bool:
        """"Putin ist am Montag in Peking eingetroffen": a person as the clause's subject and
        a state or city after "in" before the participle (goods arriving are supplies)."""
        clause = clause_of(r.clauses, participle)
        named = [f for f in r.found if clause.first <= f.first and f.last < participle]
        person = any(f.actor and (self._person(f) or f.mention.how == "pronoun") for f in named)
        return person and any(f.first > 0 and r.tokens[f.first - 1].key == "in" and
                              self.gaz.entities[f.mention.entity].kind in ("state", "city") for f in named)

    def _envoy(self, r: SentenceReading, f: Found) -> bool:
        """An ambassador or envoy ("Der deutsche Botschafter", "the U.S. ambassador"), who
        lives where he stays or arrives: no visit."""
        envoys = self.lex.word_class("envoy_noun")
        return any(t.key in envoys or t.lemma in envoys for t in r.tokens[max(0, f.first - 2):f.last + 1])

    def _stays_at(self, r: SentenceReading, first: int, last: int) -> bool:
        """"Sie ist derzeit in Beirut und forderte …", "Zuvor war Merkel in Georgien", "Biden
        was in Warsaw on Tuesday": a leader or an official (no envoy, who lives there), right
        before the verb or right after it, staying in the states or cities that end the phrase
        (not "ist in Indonesien äußerst beliebt", "ist in Polen und Litauen sehr beliebt",
        "is in Italy on holiday")."""
        # (a personal pronoun is a person: "Sie ist derzeit in Beirut")
        subjects = [f for f in r.found if f.actor and (
            f.first in (first - 1, first + 1) or (f.last < first and self._person_before(r, first)))
            and (self._person(f) or f.mention.how == "pronoun")]
        subject = max(subjects, key=lambda f: f.last if f.last < first else -1, default=None)
        if subject is None or self._envoy(r, subject):
            return False
        if any(t.key in self.lex.word_class("stay_habit") for t in r.tokens[first:last]):
            return False  # "war oft in Paris", "was twice in Washington last year": no one visit
        place = next((f for f in r.found if f.first == last + 1), None)
        if place is None or self.gaz.entities[place.mention.entity].kind not in ("state", "city"):
            return False
        listed = self.roles.coordinated([place] + [f for f in r.found if f.first > place.last], r)
        k = listed[-1].last + 1
        if k >= len(r.tokens) or not r.tokens[k].is_word:
            return True
        nxt, after = r.tokens[k].key, r.tokens[k + 1] if k + 1 < len(r.tokens) else None
        if nxt in self.lex.word_class("conjunction") | {"on", "am"}:
            # "… in Beirut und forderte …" goes on with a verb; "on Tuesday" tells when
            return after is not None and (after.key in calendar_words(self.lex.lang) if nxt in ("on", "am")
                                          else after.is_word and after.text.islower())
        return nxt in self.lex.word_class("after_a_stay")

    def _rest_of_a_name(self, r: SentenceReading, last: int) -> int:
        """How many words before `last` (inclusive) continue a name the gazetteer knows in a
        shorter form with a patronymic ("King Salman Bin Abdul Aziz addressed …"): English
        capitalized words after a name particle, at most four, none of them a name of its own."""
        if self.lex.lang != "en":
            return 0
        named = {i for f in r.found for i in range(f.first, f.last + 1)}
        n = 0
        while n < 4 and last - n > 0 and last - n not in named and r.tokens[last - n].is_word and \
                r.tokens[last - n].text[:1].isupper():
            n += 1
        # (only a patronymic: "Salman Bin Abdul Aziz"; not a headline's "Xi Jinping Envoy Li Hui")
        return n if n and last - n in named and \
            r.tokens[last - n + 1].key in self.lex.word_class("name_particle") else 0

    def _person(self, f: Found) -> bool:
        """A leader, an official or a titled person: someone who speaks for a state."""
        return self.gaz.entities[f.mention.entity].kind == "leader" or f.mention.how in ("official", "title")

    def _pair_spoke(self, r: SentenceReading, hits: list[tuple[Trigger, int, int]],
                    hit: tuple[Trigger, int, int]) -> bool:
        """"Sheinbaum and Trump spoke for about 45 minutes": two people of two sides named
        together right before the verb, with no place nor meeting: a phone call."""
        people = [f for f in r.found if f.actor and f.last < hit[1] and self._person(f)]
        # a talk told by its length ("spoke for about 45 minutes"), not "spoke on television",
        # "spoke of a new era", "spoke separately"
        after = [t.key for t in r.tokens[hit[2] + 1:hit[2] + 3]]
        lasted = after[:1] == ["for"] and len(after) == 2 and (
            after[1] in self.lex.word_class("duration_start") or after[1][:1].isdigit())
        if len(people) < 2 or people[-1].last + 1 != hit[1] or not lasted or any(
                t.type is EventType.MEETING for t, _, _ in hits):
            return False
        first, second = people[-2], people[-1]
        between = r.tokens[first.last + 1:second.first]  # "and U.S. President"
        joined = any(t.key in ("and", "und") for t in between) and all(
            t.key in ("and", "und") or t.capitalized or not t.is_word for t in between)
        sides = self.gaz.states_of((first.mention.entity, second.mention.entity), r.day)
        return joined and len(sides) == 2 and not self._talk_placed(r, clause_of(r.clauses, hit[1]))

    def _talk_placed(self, r: SentenceReading, clause: Clause) -> bool:
        """A place of the talk, named or not: "in Paris", "at the Chancellery" — not a place
        in what the talk was about ("about the situation in Crimea")."""
        topic = next((k for k in range(clause.first, clause.last + 1)
                      if r.tokens[k].key in self.lex.word_class("talk_topic_prep")), clause.last + 1)
        placed = any(t.key in ("in", "at") and k + 1 <= clause.last and r.tokens[k + 1].capitalized
                     or t.key in ("in", "at") and k + 2 <= clause.last and r.tokens[k + 1].key == "the"
                     and r.tokens[k + 2].capitalized
                     for k, t in enumerate(r.tokens[clause.first:topic], clause.first))
        # ("about the grain deal in Sochi": a city after the topic is still where they talked)
        return placed or any(topic < f.first <= clause.last and r.tokens[f.first - 1].key in ("in", "at")
                             and self.gaz.entities[f.mention.entity].kind == "city" for f in r.found)

    def _placed_people(self, r: SentenceReading, hits: list[tuple[Trigger, int, int]]) -> int:
        """How many leaders or officials a caption's position markers stand right after."""
        ends = {f.last for f in r.found if self.gaz.entities[f.mention.entity].kind == "leader"
                or f.mention.how == "official"}
        return sum(1 for t, a, _ in hits if "caption_marker" in t.flags and a - 1 in ends)

    @staticmethod
    def _headline_speaker(r: SentenceReading, modal: int) -> bool:
        """"Macron: Russia must pay": a name, a colon, a name, then the modal."""
        colon = headline_colon(r, modal)
        return colon is not None and any(f.actor and f.last == colon - 1 for f in r.found) and \
            any(f.actor and colon < f.first < modal for f in r.found)

    def _phoned(self, r: SentenceReading, last: int) -> bool:
        """"Macron called Putin on Friday" phoned him; "called Putin a war criminal", "called
        Russia's move illegal" or "called Xi to account" name what he is called. A side right
        after the verb (past its titles, "called French President Macron", and through a list,
        "called Ghani and Hasina"), then the sentence's end, a comma, a time, a circumstance
        or "and" with the next verb."""
        if last > 0 and r.tokens[last - 1].key in self.lex.word_class("passive_aux"):
            return False  # "The agreement is called …": a name given
        callee = self._titled_side_after(r, last)
        while callee is not None:
            after = r.tokens[callee.last + 1] if callee.last + 1 < len(r.tokens) else None
            owned = self._titled_side_after(r, callee.last + 2) if after is not None and \
                after.text in ("'", "’") and callee.last + 2 < len(r.tokens) and \
                r.tokens[callee.last + 2].key == "s" else None
            if owned is not None and owned.first > callee.last + 3:
                callee = owned  # "called Mexico's president-elect Lopez Obrador": the titled one
                continue
            if after is not None and after.text in QUOTE_MARKS:
                return False  # "called Israel's response …", "called Putin “a killer”"
            if callee.last + 2 < len(r.tokens) and r.tokens[callee.last + 2].text in ("'", "’"):
                return False  # "called Orban and Fico Moscow's allies": what they are called
            if after is None or not after.is_word or after.capitalized and \
                    after.key not in self.lex.word_class("determiner") or \
                    after.key in self.lex.word_class("after_callee"):
                return True
            if after.key in self.lex.word_class("conjunction") and callee.last + 2 < len(r.tokens) \
                    and finite_verb(r.tokens, callee.last + 2, self.lex):
                return True  # "called Zelensky and assured him of support": the next verb
            callee = self._titled_side_after(r, callee.last + 1) \
                if after.key in self.lex.word_class("conjunction") else None
        return False

    def _titled_side_after(self, r: SentenceReading, last: int) -> Found | None:
        """The side named right after token `last`, or past its titles ("French President
        Macron"; not "the UK Navy's move"); not a place."""
        # ("called Mexico's president-elect Lopez Obrador": up to seven words of titles)
        side = next((f for f in r.found if f.actor and last < f.first <= last + 7), None)
        if side is None or side.mention.how == "place":
            return None
        titles = r.tokens[last + 1:side.first]
        titled = self._only_titles(titles) and any(t.key in self.roles.title_words for t in titles)
        return side if titled or not titles else None

    def _compound_adjective(self, tokens: list[Token], first: int) -> bool:
        """"the nuclear-armed neighbours": an English trigger word as the second half of a
        hyphenated adjective describes, it tells nothing (German "Nato-Gipfel" still does)."""
        return self.lex.lang == "en" and first >= 2 and tokens[first - 1].text == "-" and \
            tokens[first - 1].start == tokens[first - 2].end and \
            tokens[first].start == tokens[first - 1].end and tokens[first].text.islower()

    @staticmethod
    def _with_the_whole_group(r: SentenceReading, keys: list[str]) -> list[str]:
        """"They" standing for the sides listed before (one mention each at the same word):
        one of them read as a side brings the others ("… and Germany condemned the invasion.
        They said Russia must withdraw")."""
        return unique(keys + [g.mention.entity for f in r.found if f.mention.entity in keys
                              for g in group_of(r.found, f)])

    def _vowing_subject(self, r: SentenceReading, actors: list[Found], clause: Clause,
                        first: int) -> list[Found]:
        """Who vows or decides: the names before the verb, not the object of a verb before
        ("called India an abuser and vowed to …"); those of the verb's own clause when it
        names any ("Trump and Modi enjoyed warm relations, but the American leader … vowed";
        not "…, but the two leaders vowed", which refers back)."""
        before = [f for f in actors if f.last < first and not self._past_verb_object(r, f)]
        own = [f for f in before if clause_of(r.clauses, f.first) is clause]
        return own or before

    def _past_verb_object(self, r: SentenceReading, f: Found) -> bool:
        """A name right after an English past verb (past its article): the verb's object."""
        j = before_determiners(r.tokens, f.first - 1, self.lex.word_class("determiner"))
        return self.lex.lang == "en" and j >= 0 and r.tokens[j].text.islower() and (
            r.tokens[j].key.endswith("ed") or r.tokens[j].key in self.lex.word_class("irregular_past"))

    def _venue(self, r: SentenceReading, first: int) -> bool:
        """The meeting noun that heads the phrase after "on the sidelines of", "am Rande des"
        ("des G20-Gipfels", "of the G20 foreign ministers summit"); not a later one ("Am Rande
        des Gipfels gab es ein Treffen zwischen …", "On the sidelines of APEC, a summit …")."""
        tokens = r.tokens
        start = next((j + 2 for j in range(max(0, first - 7), first - 1)
                      if self.roles.venue_phrase_at(tokens, j)), None)
        if start is None:
            return False
        named = {k for f in r.found for k in range(f.first, f.last + 1)}
        for k in range(start, first):
            t = tokens[k]
            if not t.is_word and t.text not in ("-", "'", "’"):
                return False
            # (an earlier head: a German noun or name not in a compound, an English meeting word)
            german_head = t.capitalized and (k not in named or tokens[k + 1].text != "-")
            if german_head if self.lex.lang == "de" else \
                    k not in named and t.key in self.lex.word_class("meeting_noun"):
                return False
        return tokens[first].capitalized if self.lex.lang == "de" else \
            tokens[first].key in self.lex.word_class("meeting_noun")

    def _before_it(self, tokens: list[Token], first: int) -> bool:
        """"vor dem Besuch", "before his visit", "ahead of the visit": a time before it."""
        start = max(0, first - 4)
        return any(t.key in self.lex.word_class("before_event") for t in tokens[start:first])

    def _names_its_sides(self, r: SentenceReading, last: int) -> bool:
        """"für das Telefonat zwischen den beiden Präsidenten", "after the talks between X and
        Y", "Nach dem Gespräch mit Putin sagte Abe": a noun followed by its sides tells the
        event, even inside a phrase."""
        if last + 1 >= len(r.tokens):
            return False
        after = r.tokens[last + 1].key
        if after in ("von", "of"):  # "Nach dem Gipfeltreffen von Trump und Xi": both sides
            named = self.roles.coordinated([f for f in r.found if f.actor and f.first > last + 1], r)
            return len(named) >= 2 and named[0].first <= last + 3
        return after in ("zwischen", "between") or after in ("mit", "with") and any(
            f.actor and last + 2 <= f.first <= last + 4 for f in r.found)

    def _drop_complements(self, hits: list[tuple[Trigger, int, int]],
                          r: SentenceReading) -> list[tuple[Trigger, int, int]]:
        """What a demand or an agreement is about is not a further event: once its
        complement begins ("urged X to stop arming Y", "vereinbarten, Gespräche zu führen",
        "agreed that …"), later triggers are its content — until the sentence turns to
        something else ("…, while …"). A trigger before the complement ("agreed in their
        first phone call to …") is a circumstance and stays."""
        tokens, clauses = r.tokens, r.clauses
        # "China insists that the sea is its territory": an assertion, no demand
        hits = [h for h in hits if "indicative_assertion" not in h[0].flags
                or not self._indicative(r, h[2])]
        out: list[tuple[Trigger, int, int]] = []
        content_from: int | None = None
        vow = aside = False
        quoted = [(h[1], h[2]) for h in hits if "obligation_first" in h[0].flags]
        for hit in hits:
            if any(a < hit[1] < b and clause_of(clauses, hit[1]) is clause_of(clauses, a)
                   for a, b in quoted):
                continue  # "Hamas must hand over its weapons …, Abbas said": what is demanded
            if content_from is not None and hit[1] >= content_from and not self._turns_away(
                    tokens, clauses, content_from, hit[1]) and not (
                    vow and hit[0].type in (EventType.TERRITORIAL_CLAIM, EventType.SUPPORT)) \
                    and not self._says_its_own(r, hit[1]) and not (
                    aside and self._back_in_main_clause(clauses, content_from, hit[1])):
                continue  # (a vow to reunify with Taiwan claims it; "decided to supply" supplies)
            out.append(hit)
            if hit[0].type in (EventType.DEMAND, EventType.AGREEMENT) and content_from is None:
                vow = "subject_sides" in hit[0].flags
                aside = clause_of(clauses, hit[1]).relative  # ", which includes a demand that …,"
                # "calls for sovereignty talks": the object of "for"/"nach" is the content
                direct = tokens[hit[2]].key in ("for", "nach", "auf", "against", "vor", "gegen")
                if hit[0].type is EventType.DEMAND and hit[1] == hit[2]:
                    # "drängte in den vergangenen Tagen auf ein Abkommen": its object after a gap
                    hit = (hit[0], hit[1], self._demanded_object(r, hit[2]))
                    direct = tokens[hit[2]].key in ("for", "auf")
                # "warned Putin to agree …": the pattern ends on the complement's marker
                marker = tokens[hit[2]].key in ("to", "zu", "that", "dass")
                content_from = hit[2] + 1 if direct else hit[2] if marker else \
                    self._complement_start(tokens, hit[2])
                if content_from is not None:
                    content_from = self._from_the_comma(r, content_from, hit[1])
        return out

    def _in_a_title(self, r: SentenceReading, first: int, last: int) -> bool:
        """"Finance Minister Tarin", "the Trade Ministry", "Kenyan Finance Minister": a
        capitalized word that opens a title. Not a headline's verb after a name ("Erdogan
        Calls Secretary-General …")."""
        tokens = r.tokens
        if last + 1 >= len(tokens) or tokens[last + 1].key not in self.lex.word_class("title_head") \
                or not tokens[last].capitalized:
            return False
        before = tokens[first - 1] if first > 0 else None
        adjective = any(f.last == first - 1 and "demonym" in f.mention.how for f in r.found)
        return before is None or not before.is_word or before.key in self.lex.word_class("determiner") \
            or before.text.islower() or adjective

    def _thanked_for(self, hits: list[tuple[Trigger, int, int]],
                     r: SentenceReading) -> list[tuple[Trigger, int, int]]:
        """"thanked the US for agreeing to sell aircraft": what the thanks are for is the
        thanks' own supply, no other supply, accord or demand ("thanked him for urging his
        supporters to stay calm") until "and" starts something else."""
        thanked = [b for t, _, b in hits if t.type is EventType.SUPPORT and "receiver_subject" in t.flags
                   and r.tokens[b].key in ("for", "für")]
        joiners = self.lex.word_class("conjunction")

        def thanks_for(b: int, i: int) -> bool:
            """In the clause of "for", or in a relative clause right after it ("dankte Russland
            für die Waffen, die es uns geschenkt hat")."""
            clause = clause_of(r.clauses, i)
            return clause is clause_of(r.clauses, b) or clause.relative and clause.first >= 2 and \
                clause_of(r.clauses, clause.first - 2) is clause_of(r.clauses, b)
        # ("and" starts something else, unless it joins two verbs of giving: "geschenkt und übergeben")
        verbs = {a for t, a, _ in hits if t.type is EventType.SUPPORT}
        content = (EventType.SUPPORT, EventType.AGREEMENT, EventType.DEMAND)
        return [h for h in hits if not (h[0].type in content and any(
            b < h[1] and thanks_for(b, h[1])
            and not any(r.tokens[j].key in joiners and not {j - 1, j + 1} <= verbs for j in range(b, h[1]))
            for b in thanked))]

    def _consents_to_supply(self, hits: list[tuple[Trigger, int, int]],
                            r: SentenceReading) -> list[tuple[Trigger, int, int]]:
        """"Saudi Arabia had agreed to provide oil on deferred payment to Pakistan": agreeing
        to supply is the supply, promised by its subject, not an accord with the receiver
        ("agrees to send more water to the US", no kind of supply, stays an accord)."""
        supplies = {a: b for t, a, b in hits if t.type is EventType.SUPPORT}

        def agreed_to_supply(h: tuple[Trigger, int, int]) -> bool:
            verb = h[2] + 2  # "agreed" "to" <supply verb>
            return h[0].type is EventType.AGREEMENT and self.lex.lang == "en" \
                and r.tokens[h[2]].key in self.lex.word_class("agree_verb") \
                and verb in supplies and r.tokens[h[2] + 1].key == "to" \
                and self._one_side_before(r, h[1]) \
                and bool(self._support_kinds(r, clause_of(r.clauses, verb), (verb, supplies[verb])))
        return [h for h in hits if not agreed_to_supply(h)]

    def _one_side_before(self, r: SentenceReading, first: int) -> bool:
        """One side is the subject ("Qatar has agreed to provide gas to …"), not two that
        agree with each other ("Israel and Egypt agreed to send aid trucks to Gaza")."""
        clause = clause_of(r.clauses, first)
        return len([f for f in r.found if f.actor and clause.first <= f.first < first]) == 1

    @staticmethod
    def _back_in_main_clause(clauses: list[Clause], start: int, pos: int) -> bool:
        """"The declaration, which includes a demand that Qatar close the base, was announced
        after Salman talked with Erdogan": past a demand told in a relative clause, a main
        clause takes up its own story again."""
        return any(start < c.first <= pos and not c.relative and not c.complement for c in clauses)

    def _says_its_own(self, r: SentenceReading, first: int) -> bool:
        """A relative clause with a subject of its own tells its own event, not what was
        demanded ("demanded that Kyiv cede the Donetsk region, which Russia claims as its own")."""
        clause = clause_of(r.clauses, first)
        return clause.relative and any(f.actor and clause.first < f.first < first for f in r.found)

    def _content_start(self, r: SentenceReading, last: int, kind: EventType) -> int:
        """Where what is demanded or agreed begins: its cues are its content ("agreed not to
        use force", "urged Russia not to escalate", "agreed on a joint action plan"), not the
        event's; German puts the negation of the event itself after the verb ("erzielten
        beide nicht"), so only a complement marker ends the scope, and a negation right
        before it belongs to it."""
        start = self._complement_start(r.tokens, last)
        if kind is EventType.DEMAND and r.tokens[last].key in ("to", "that", "dass"):
            start = last  # the pattern ends on its marker: "asked Modi to consider …"
        if kind is EventType.AGREEMENT and last + 1 < len(r.tokens) and \
                r.tokens[last + 1].key in ("on", "upon") and (start is None or start > last + 1):
            start = last + 1
        if kind is EventType.AGREEMENT and r.tokens[last].key in ("agreed", "agree", "agrees") and any(
                f.first == last + 1 for f in r.found) and (start is None or start > last + 1):
            start = last + 1  # "agreed China would curb …": a clause without "that"
        if start is None:
            return len(r.tokens)
        while start - 1 > last and r.tokens[start - 1].key in ("not", "nicht", "never", "nie"):
            start -= 1
        return start

    def _demanded_object(self, r: SentenceReading, verb: int) -> int:
        """Where "auf"/"for" opens what a demand verb asks for, a few words after it in its
        clause ("drängte am Freitag auf …", "pushed hard for …"), else the verb itself. A
        German "auf" with a dative is a place ("forderte auf dem Nato-Gipfel mehr Waffen")."""
        clause = clause_of(r.clauses, verb)
        return next((i for i in range(verb + 1, min(verb + 7, clause.last))
                     if r.tokens[i].key in ("for", "auf")
                     and r.tokens[i + 1].key not in ("dem", "der", "einem", "einer")), verb)

    def _complement_start(self, tokens: list[Token], after: int) -> int | None:
        markers = {"zu", "dass", "to", "that", "um"}
        determiners = self.lex.word_class("determiner")
        for i in range(after + 1, len(tokens)):
            if tokens[i].key in ("zu", "to") and i + 1 < len(tokens) and (
                    tokens[i + 1].capitalized or tokens[i + 1].key in determiners):
                continue  # "Beziehungen zu Israel", "aid to the UN": a preposition
            if tokens[i].key in markers or tokens[i].key.startswith("zu") and \
                    tokens[i].key not in ("zur", "zum", "zugleich", "zudem", "zuvor"):
                return i
            if self.lex.lang == "de" and SEPARABLE_ZU.match(tokens[i].key):
                return i  # "… gebeten, Panzer an die Ukraine abzugeben"
            if tokens[i].key in self.lex.word_class("content_relative") or (
                    tokens[i].key == "which" and tokens[i - 1].key == "under"):
                # "a memorandum under which Washington will give …", "ein Abkommen, wonach …":
                # what the agreement says, not whether it was made
                return i - 1 if tokens[i].key == "which" else i
        return None

    def _turns_away(self, tokens: list[Token], clauses: list[Clause], start: int, pos: int) -> bool:
        """A clause between them that starts something new: "…, while …", an English
        participle after a comma ("…, reasserting its claim to …"), or a circumstance
        ("called for a ceasefire during a phone call with …"); not the place of a meeting
        that is the content ("agreed to meet at the NATO summit": no summit of theirs told)."""
        end = clause_of(clauses, pos).last
        meets = any(t.key in self.lex.word_class("meet_verb") for t in tokens[start:end + 1])
        # (a German infinitive's clause is its content as a whole: "…, beim Gipfel … zu sprechen")
        own = clause_of(clauses, start) if self.lex.lang == "de" and start > 0 and \
            tokens[start - 1].text == "," else None
        # (only the place of the meeting agreed: "during their summit" tells one that was held)
        place = self.lex.word_class("meeting_place_prep")
        if any(tokens[i].key in self.lex.word_class("circumstance")
               and not (own and own.first <= i <= own.last)
               and not (meets and tokens[i].key in place) for i in range(start, pos)):
            return True
        # ("decided to withdraw its ambassador and demanded …": a verb told as done after
        # "and" is the subject's next act, no part of what was decided)
        if pos > start and tokens[pos - 1].key in self.lex.word_class("and_word") \
                and finite_verb(tokens, pos, self.lex):
            return True
        # ("signed an agreement for Russia to build a plant, with Russia extending a loan")
        if self.lex.lang == "en" and any(
                tokens[i].text == "," and tokens[i + 1].key == "with" and tokens[i + 2].capitalized
                and any(t.key.endswith("ing") for t in tokens[i + 3:min(pos + 1, i + 6)])
                for i in range(start, pos - 2)):
            return True
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
        if not self._told_as_fact(r, trigger, clause, first, last):
            return None
        actors = self._actors(r, clause, (first, last), trigger.type in MULTI_SIDED,
                              trigger.type is EventType.CALL)
        if trigger.type in TALKS:  # ("discussed the conflict between Israel and Hamas on a phone call")
            actors = [f for f in actors
                      if not self._side_of_a_conflict(r, f) and not self._ties_with(r, f, actors)]
            actors = self._without_demanded(r, actors, (first, last))
        event = Event(trigger.type, [], r.sentence,
                      " ".join(r.sentence.text[r.tokens[first].start - r.sentence.start:
                                               r.tokens[last].end - r.sentence.start].split()))
        kinds: tuple[str, ...] = ()
        anaphor = 0
        group_subject = self._group_subject(r, clause, first)
        if trigger.type is EventType.DEMAND:
            self._demand_roles(r, event, actors, trigger, (first, last), group_subject)
            if "other_subject" in trigger.flags and self._own_side_must(r, event, first, last):
                return None  # "Macron told Modi that France has to keep its promise"
            if "order" in trigger.flags and not event.addressees:
                return None  # "habe alle türkischen Sicherheitsbehörden angewiesen": its own
        elif trigger.type is EventType.SUPPORT:
            supplied = self._supply_roles(r, event, actors, trigger, clause, (first, last))
            if supplied is None:
                return None
            kinds = supplied
        elif trigger.type is EventType.TERRITORIAL_CLAIM:
            anaphor = self.roles.claim(r, event, actors, trigger, first, last)
            if not event.territories and not anaphor:
                return None
        elif not self._sides_of(r, event, actors, trigger, clause, (first, last)):
            return None
        event.participants = self._with_the_whole_group(r, event.participants)
        if trigger.type is EventType.DEMAND:
            event.addressees = self._with_the_whole_group(r, event.addressees)
        if trigger.type in (EventType.DEMAND, EventType.SUPPORT) and \
                self._unnamed_subject(r, clause, first):
            # "Arabische Länder fordern Israel zum Rückzug auf", "Junta bittet Mali um Hilfe":
            # the subject before the verb is no one the gazetteer knows; who follows is asked
            event.addressees = unique(event.participants + event.addressees)
            event.participants = []
        event.treaty = self._treaty(r)
        event.topic = None
        if "match_is_topic" in trigger.flags:
            event.topic = event.trigger  # "expelled the Canadian ambassador": to leave
        elif trigger.type in (EventType.DEMAND, EventType.AGREEMENT, EventType.SUPPORT):
            event.topic = self._topic(r, clause, trigger, first, last)
        event.date = self._accord_year(r, trigger, first, last) if "dated_accord" in trigger.flags else \
            self._date(r, clause, first, self._content_offset(r, trigger.type, last)) \
            or self._treaty_year(r, trigger, first, last)
        if "apposition" in trigger.flags:
            # "The Kurils, disputed by Russia and Japan, were seized in 1945": a standing claim
            event.date = None
        event.place = self._place(r)
        event.confidence = BASE_CONFIDENCE
        additive = self.lex.word_class("additive")
        additional = any(t.key in additive for t in r.tokens[max(clause.first, first - 4):last + 3])
        open_addressee = trigger.type is EventType.DEMAND and any(
            t.key in self.lex.word_class("open_addressee") for t in r.tokens[clause.first:clause.last + 1])
        # "Saudi-Arabien, die Emirate und Kuwait sicherten jeweils vier Milliarden zu": one each
        respective = trigger.type is EventType.SUPPORT and (any(
            t.key in self.lex.word_class("respective")
            for t in r.tokens[clause.first:max(clause.last, last) + 1]) or self._each_gives(r, clause, first))
        named = self._other_side_named(r, event, (first, last)) if trigger.type is EventType.DEMAND \
            and not event.addressees and not open_addressee else []
        likewise = "generic" in trigger.flags and self._talks_told_as_also(r, clause, first, last)
        group_partner = any(t.key in ("mit", "with") and k + 1 < len(r.tokens)
                            and r.tokens[k + 1].key in self.lex.word_class("group")
                            for k, t in enumerate(r.tokens[clause.first:clause.last + 1], clause.first))
        # (a pledge of its subject: "Kuwait decided to freeze committees between the two
        # countries" is Kuwait's alone)
        group = self._group(r, first, subject_only="subject_sides" in trigger.flags
                            and any(f.last < first for f in actors))
        return Candidate(event, trigger, first, self._definite(r, first), group,
                         self.anchored(r), kinds, anaphor, self._same_day(r),
                         self._background(r, clause, first, trigger.type),
                         self._caller(r, trigger, actors, first, last),
                         group_subject, additional, open_addressee, respective, named, likewise=likewise,
                         group_partner=group_partner,
                         story_receiver=trigger.type is EventType.SUPPORT
                         and self._goods_given(r, kinds, first),
                         addressed_group=self._addressed_group(r, clause, first, last)
                         if trigger.type is EventType.DEMAND and not event.addressees else 0,
                         reciprocal=trigger.type is EventType.DEMAND and self._reciprocal(r, first, last))

    def _reciprocal(self, r: SentenceReading, first: int, last: int) -> bool:
        """"called on each other to stop", "forderten sich gegenseitig auf": the words right
        after the verb say each side asked the other."""
        # (the verb's own object, before any comma: not "riefen die Parteien auf, einander
        # zuzuhören", nor "each other's interests")
        span = r.tokens[first:last + 5]
        span = span[:next((k for k, t in enumerate(span) if t.text == ","), len(span))]
        words = [t.key for t in span] + ["", ""]
        reciprocal = self.lex.word_class("reciprocal")
        for k in range(len(span)):
            size = 1 if words[k] in reciprocal else 2 if " ".join(words[k:k + 2]) in reciprocal else 0
            if size and words[k + size] not in ("'", "’"):
                return True
        return False

    def _without_demanded(self, r: SentenceReading, actors: list[Found],
                          span: tuple[int, int]) -> list[Found]:
        """"in einem Gespräch mit dem Emir von Katar eine Freilassung der Geiseln der Hamas
        gefordert", "in talks with the Emir demanded that Hamas free the hostages": past the
        partners after "mit"/"with", a name after a verb that asks, gives or claims (or before
        a German final one) is that verb's, not a partner of the talks — but the subject a
        fronted phrase of talks puts after it stays ("Bei einem Treffen mit Macron hat Scholz
        Russland aufgefordert")."""
        first, last = span
        if last + 1 < len(r.tokens) and r.tokens[last + 1].key in ("mit", "with"):
            last += 1  # ("talks with": the noun alone may be the match)
        if r.tokens[last].key not in ("mit", "with"):
            return actors
        partners = self.roles.coordinated([f for f in actors if f.first > last], r)
        if not partners:
            return actors
        end, starts = partners[-1].last, [t for t in r.trigger_starts if t > partners[-1].last]
        fronted = not any(f.last < first for f in actors)
        subject = self.roles.coordinated([f for f in actors if f.first > end], r) \
            if self.lex.lang == "de" and fronted else []

        def the_verbs(f: Found) -> bool:
            if self.lex.lang == "en":  # after the verb
                return any(t < f.first for t in starts)
            # before a German final verb, or after a fronted one but not the first name after
            # it, its subject ("Bei einem Treffen mit Abdullah sagte Kanzlerin Merkel … zu")
            return any(f.first < t <= clause_of(r.clauses, f.first).last or t < f.first and any(
                t < g.first < f.first for g in actors) for t in starts)
        return [f for f in actors if f.first <= end or f in subject or not the_verbs(f)]

    def _side_of_a_conflict(self, r: SentenceReading, f: Found) -> bool:
        """"the ongoing conflict between Israel and Hamas", "der Krieg zwischen Russland und
        der Ukraine": the sides of a conflict that talks are about are not their partners (an
        accord that ends it is theirs: "a ceasefire ending the conflict between Israel and …")."""
        skip = self.lex.word_class("determiner") | self.lex.word_class("conjunction") | {","}
        j = f.first - 1
        while j > 0 and (r.tokens[j].key in skip or any(g.first <= j <= g.last for g in r.found)):
            j -= 1
        return j > 0 and r.tokens[j].key in ("between", "zwischen") \
            and r.tokens[j - 1].key in self.lex.word_class("conflict_noun")

    def _goods_given(self, r: SentenceReading, kinds: tuple[str, ...], first: int) -> bool:
        """Money, relief, arms or energy handed over by a verb that says only that (not "give
        shelter", "granted asylum", "heavily armed"; not troops, who may occupy, or access)."""
        given, vague = set(kinds), self.lex.word_class("vague_giving")
        return bool(given & {"money", "humanitarian", "weapons", "energy"}) \
            and not given & {"troops", "access"} and r.tokens[first].key not in vague

    def _talks_told_as_also(self, r: SentenceReading, clause: Clause, first: int, last: int) -> bool:
        """"Auch Sharif sprach mit Anwar", "Biden also talked with Macron": talks told as
        "also" — but not in a named place or at a meeting ("In Tokyo, Biden also talked with
        Kishida", "bei ihrem Treffen"), which are in person; the topic's place does not count
        ("also discussed with Putin the summit to be held in St Petersburg")."""
        if not any(t.key in self.lex.word_class("likewise") for t in r.tokens[clause.first:last + 1]):
            return False
        topic = next((k for k in range(first, len(r.tokens))
                      if r.tokens[k].key in self.lex.word_class("topic_verb")), len(r.tokens))
        place = any(f.first < topic and (self.gaz.entities[f.mention.entity].kind == "city"
                                         or f.mention.how == "place") for f in r.found)
        return not place and not any(t.key in self.lex.word_class("in_person") for t in r.tokens[:topic])

    def _supply_roles(self, r: SentenceReading, event: Event, actors: list[Found], trigger: Trigger,
                      clause: Clause, span: tuple[int, int]) -> tuple[str, ...] | None:
        """The kinds of what is supplied, with the supplier and receiver set on the event;
        None when nothing is: a stance, a purchase, an attack or a deployment at home."""
        first, last = span
        kinds = self._support_kinds(r, clause, span)
        # "handed Somalia control of the sea", "gave India a deadline": what is handed over
        # is no supply (a ruling, an ultimatum)
        # ("hat von Biden eine Zusage über Patriots erhalten": a promise received, inside the match)
        inside = first + 1 if "receiver_subject" in trigger.flags else last + 1
        handed = any(t.key in self.lex.word_class("not_supplied") for t in r.tokens[inside:last + 6])
        figurative = any(t.key in self.lex.word_class("figurative_goods") for t in r.tokens[inside:last + 6])
        handed = handed or figurative and not {"money", "weapons"} & set(kinds)  # ("a $2 billion boost")
        ends, links = self.lex.word_class("supply_end"), self.lex.word_class("ending_link")
        if any(t.key in ends and r.tokens[i + 1].key in links
               for i, t in enumerate(r.tokens[first:last], first)):
            return None  # "announced the suspension of US funding" (not "sagten Kiew Ende Mai Hilfe zu")
        if "money_object" in trigger.flags and "money" not in kinds:
            return None  # "zahlt Russland für Gas" buys; "zahlt Kenia 50 Millionen Dollar" gives
        if kinds == ("troops",) and self._sent_to_a_border(r, clause, last):
            return None  # "agreed to send 10,000 troops to the border": a deployment
        if "goods_after" in trigger.flags and not self._goods_right_after(r, last):
            return None  # "backed Kyiv with drones"; not "supports Ukraine with its bid for …"
        if "stationed" in trigger.flags and "weapons" not in kinds:
            return None  # "hat Truppen in der Ukraine stationiert" may be an occupation
        if not kinds or handed or not self.roles.support(r, event, actors, trigger, first, last, kinds):
            return None  # "support for sovereignty" is a stance, not a supply
        if self._in_an_attack(r, clause, first, event):
            return None  # "Hamas infiltrated southern Israel, sending fighters": an attack
        return kinds

    def _own_side_must(self, r: SentenceReading, event: Event, first: int, last: int) -> bool:
        """"told X that Y must …": the subject of what was told is the speaker's own side."""
        that = next((i for i in range(first, last + 1) if r.tokens[i].key in self.lex.word_class(
            "complementizer")), None)
        subject = next((f for f in r.found if f.actor and that is not None and that < f.first <= last
                        and f.mention.how != "pronoun"), None)  # ("he should …": whoever he is)
        own = self.gaz.states_of(event.participants, r.day)
        return subject is not None and self.gaz.state_of(subject.mention.entity, r.day) in own

    def _each_gives(self, r: SentenceReading, clause: Clause, first: int) -> bool:
        """"Saudi Arabia, Kuwait and the UAE each pledged $4 billion", "pledged $4 billion
        each": one supply per supplier; not "each other", "each year"."""
        tokens, units = r.tokens, self.lex.word_class("time_unit")

        def each(i: int) -> bool:  # not "each year", "each month"
            return tokens[i].key == "each" and (i + 1 == len(tokens) or tokens[i + 1].key not in units)
        return first > 0 and each(first - 1) or any(
            each(i) and (tokens[i - 1].key in SCALE_WORDS or tokens[i - 1].key[:1].isdigit())
            for i in range(first + 1, clause.last + 1))

    def _in_an_attack(self, r: SentenceReading, clause: Clause, first: int, event: Event) -> bool:
        """Troops or weapons the supplier sends in the course of its own attack, told in the
        trigger's clause (or the one a participle continues: "infiltrated Israel, sending
        fighters"), are no supply to the state attacked; another's attack is no matter ("the
        missiles Russia fired at Kharkiv were supplied by Pyongyang")."""
        before = [c for c in r.clauses if c.last < clause.first]
        participle = first == clause.first and r.tokens[first].key.endswith("ing")
        start = before[-1].first if before and participle else clause.first
        supplier = self.gaz.states_of(event.participants, r.day)
        for i in range(start, clause.last + 1):
            if r.tokens[i].key in self.lex.word_class("hostile_act"):
                attacker = next((f for f in reversed(r.found) if f.actor and f.last < i), None)
                if attacker is not None and self.gaz.states_of([attacker.mention.entity], r.day) & supplier:
                    return True
        return False

    def _told_as_fact(self, r: SentenceReading, trigger: Trigger, clause: Clause, first: int,
                      last: int) -> bool:
        """Whether the trigger tells an event of its own: not negated, planned or asked; not
        a reference to one told before; with what its row's flags require around it."""
        if "dated_accord" in trigger.flags:
            return self._accord_of_years_ago(r, trigger, first, last)
        if not (self._owned_claim(r, trigger, clause, first, last)  # Russia's claim stands
                or self._in_circumstance(r, trigger, first)  # the visit is no announcement
                or self._after_it(r, trigger, first, last)  # "Nach dem Telefonat … wird gearbeitet"
                or not self._not_factual(r, trigger, clause, first, last)):
            return False
        if self._refers_back(r, trigger, first, last):
            return False  # "the deliveries", "die Forderung": told before, not a new event
        if self._topic_of_talk(r, first):
            return False  # "debattierte über Waffenlieferungen", "sprachen über eine Normalisierung"
        if "place_after" in trigger.flags and not any(f.first == last + 1 for f in r.found):
            return False  # "kam nach Berlin" is a visit, "kam nach dem Staatsbesuch" is not
        if "hyphen_sides" in trigger.flags and not self._hyphenated_sides(r, first, last):
            return False  # a bare "call" is a call only as "the Scholz-Macron call"
        if trigger.type is EventType.MEETING and self._light_treffen(r, clause, first):
            return False  # "hat eine Entscheidung über das Abkommen mit Iran getroffen"
        if trigger.type in TALKS + (EventType.AGREEMENT,) and self._talks_called_for(
                r, clause, first, trigger.type is EventType.AGREEMENT):
            return False  # "rief beide Seiten zu Gesprächen auf", "urged talks between …"
        if trigger.type is EventType.MEETING and "generic" in trigger.flags and self._ongoing(r, clause):
            return False  # "verhandle derzeit mit Frankreich": a process, not a meeting
        if trigger.type is EventType.MEETING and self._trip_ahead(r, clause, first, last):
            return False  # "Am Freitag reist Macron nach Südafrika weiter": a coming Friday
        if trigger.type is EventType.MEETING and self._where_lands_meet(r, first):
            return False  # "the area where Laos, Cambodia and Thailand meet"
        if "with_partner" in trigger.flags and not self._with_partner(r, clause, first):
            return False  # "hat am Montag gesprochen", "addressed parliament by video": no partner
        if trigger.type is EventType.DEMAND and self._no_political_demand(r, first, last):
            return False  # "strong demand growth", "Aufruf zur Einreichung von Projektanträgen"
        asking = trigger.type is EventType.DEMAND and r.tokens[first].key in self.lex.word_class("ask_verb")
        if asking and first + 1 < len(r.tokens) and \
                r.tokens[first + 1].key in self.lex.word_class("question_word"):
            return False  # "Trump asked how long …", "bat … ob": a question, no demand
        return True

    def _accord_of_years_ago(self, r: SentenceReading, trigger: Trigger, first: int, last: int) -> bool:
        """An accord named with a year before the one the story is told in ("the China-Pakistan
        boundary agreement of 1963") was made then, whatever the sentence says of it now; not
        a planned one ("the proposed 2019 treaty")."""
        year = self._accord_year(r, trigger, first, last)
        planned = first > 0 and r.tokens[first - 1].key in self.lex.word_class("planned_adjective")
        return year is not None and year.value.year < r.day.year and not planned \
            and self._accord_names_a_side(r, first, last)

    def _accord_year(self, r: SentenceReading, trigger: Trigger, first: int, last: int) -> FuzzyDate | None:
        """The year an accord is named with ("the 1963 agreement", "the treaty of 1904"), or,
        for one held, the year it is held since ("have had an extradition treaty since 1962";
        not "their first agreement since 2013")."""
        year = self._treaty_year(r, trigger, first, last)
        since = last + 2 < len(r.tokens) and r.tokens[last + 1].key in self.lex.word_class("held_since")
        if year is None and since and r.tokens[self._accord_phrase_start(r, first)].key in \
                self.lex.word_class("possession_verb"):
            year = year_named(r.tokens[last + 2].text)
        return year

    def _accord_names_a_side(self, r: SentenceReading, first: int, last: int) -> bool:
        """A side named in the accord's own phrase: joined by hyphens before it ("the
        China-Pakistan boundary agreement"), its owner ("Israel's 1979 peace treaty"), the
        subject of a verb of having ("have had an extradition treaty since 1962"), or after
        "between"/"with" ("the treaty of 1904 with Bolivia"); else whom the sentence names is
        no party of it ("implementation of the 2016 peace accord" in a story of a call)."""
        if self._hyphenated_sides(r, first, last):
            return True
        j = self._accord_phrase_start(r, first)
        owner = any(f.actor and (f.last == j - 1 and r.tokens[j].text in ("'", "’")
                                 or f.last == j and f.mention.how in ("demonym", "compound"))
                    for f in r.found)
        # (not "have had no peace treaty since 1947": none held since)
        held = r.tokens[j].key in self.lex.word_class("possession_verb") and not has_cue(
            r.tokens, max(0, j - 3), first - 1, self.lex, ("negation",))
        joiners = self.lex.word_class("between") | self.lex.word_class("partner_prep")
        joined = next((k for k in range(last + 1, min(last + 6, len(r.tokens)))
                       if r.tokens[k].key in joiners), None)
        partner = joined is not None and any(f.actor and 0 < f.first - joined <= 3 for f in r.found)
        return owner or held or partner

    def _accord_phrase_start(self, r: SentenceReading, first: int) -> int:
        """The token right before an accord noun's phrase ("the 2009 … Preferential Trade"):
        a possessive mark, a name, a verb of having, or the word before the article."""
        j = first - 1
        while j > 0:
            t = r.tokens[j]
            if t.text in ("'", "’") or any(f.last == j for f in r.found) \
                    or t.key in self.lex.word_class("possession_verb"):
                break
            modifier = t.key in self.lex.word_class("determiner") or not t.is_word or t.text.isdigit() \
                or is_adjective(t) or self.lex.lang == "en" and t.text.islower() \
                and t.key not in self.lex.word_class("preposition") \
                and not t.key.endswith(("ed", "ing", "en"))
            if not modifier:
                break
            j -= 1
        return j

    def _talks_called_for(self, r: SentenceReading, clause: Clause, first: int,
                          accord: bool = False) -> bool:
        """Talks or an accord that are what a demand asks for ("forderte Gespräche zwischen
        Serbien und dem Kosovo", "riefen Kolumbien und Venezuela zu Gesprächen auf", "called on
        both sides to hold talks", "hat zu einem Waffenstillstand … aufgerufen") have not taken
        place; talks that are where the demand was made ("urged Putin at their meeting",
        "forderte bei dem Treffen") have."""
        demand, asking = self.lex.word_class("demand_verb"), self.lex.word_class("asking_prep")
        words = [t for t in r.tokens[first:clause.last + 1] if t.is_word]
        j = before_determiners(r.tokens, first - 1, self.lex.word_class("determiner"))
        while j > clause.first and is_adjective(r.tokens[j]):
            j -= 1
        # (what is asked of an accord that exists is no accord asked for: "die Einhaltung der
        # Waffenruhe gefordert", "urged the extension of the truce")
        object_of = r.tokens[j].key in {"zu", "zum", "zur"} | self.lex.word_class("auxiliary")
        if accord and self.lex.lang == "de" and words and words[-1].key in demand and object_of:
            return True  # "hat zu einem Waffenstillstand zwischen … aufgerufen": the participle last
        settings = self.lex.word_class("circumstance") | self.lex.word_class("opening_prep") | \
            self.lex.word_class("circumstance_start")
        joiners = self.lex.word_class("conjunction")
        for j in range(first - 1, max(clause.first, first - 9) - 1, -1):
            token = r.tokens[j]
            if token.key in settings or not token.is_word:
                return False
            if token.key in joiners and not (j - 1 in r.named and j + 1 in r.named):
                return False  # "demanded a ceasefire and met Zelensky": the meeting is its own
            if accord and (token.key == "of" or self.lex.lang == "de" and token.capitalized
                           and j > clause.first):
                return False  # "die Umsetzung des Abkommens", "the extension of the truce": it exists
            nxt = r.tokens[j + 1].key
            if token.key in demand or token.key in self.lex.word_class("call_verb") and nxt in asking:
                return True
        return False

    def _ongoing(self, r: SentenceReading, clause: Clause) -> bool:
        """Negotiations told as going on ("verhandelt derzeit mit Frankreich über …", "is
        currently negotiating with"), not a meeting on a day."""
        in_progress = self.lex.word_class("in_progress")  # (not talks of a day about "die derzeit …")
        return any(t.key in in_progress for t in r.tokens[clause.first:clause.last + 1]) and \
            not self._dated_clause(r, clause)

    def _trip_ahead(self, r: SentenceReading, clause: Clause, first: int, last: int) -> bool:
        """News tells a coming trip in the present ("Am Mittwoch reist Trump nach Südkorea",
        "Biden arrives in Israel on Wednesday"):
        a travel verb in the present, or a summit that "stattfindet", with a weekday (which
        dates resolve to the past week) is a plan, unless a perfect auxiliary makes it past
        ("ist gereist")."""
        words = r.tokens[min(first, clause.first):max(last, clause.last) + 1]
        # (a verb in lower case: not "nach mehreren Reisen"; nor after a modal or auxiliary:
        # "musste nach Paris reisen", "ist gereist")
        if not any(t.key in self.lex.word_class("present_trip") and t.text.islower()
                                            for t in words) \
                or any(t.key in self.lex.word_class("perfect_aux") | self.lex.word_class("modal_verb")
                       for t in words):
            return False
        # (the weekday may date the clause a summit's "wo … stattfindet" hangs on)
        return any(d.date.precision is Precision.DAY and 0 < (r.day - d.date.value).days < 7
                   for d in r.dates)

    def _where_lands_meet(self, r: SentenceReading, first: int) -> bool:
        """"the area where Laos, Cambodia and Thailand meet", "das Dreiländereck, wo Polen,
        Tschechien und Deutschland aufeinandertreffen": borders meet, not people."""
        joiners = self.lex.word_class("conjunction") | self.lex.word_class("determiner")
        j = first - 1
        while j > 0 and (j in r.named or r.tokens[j].text == "," or r.tokens[j].key in joiners):
            j -= 1
        if j < 1 or r.tokens[j].key not in ("where", "wo"):
            return False
        place = j - 1 - (r.tokens[j - 1].text == ",")  # "das Gebiet, wo …"
        return place >= 0 and r.tokens[place].key in self.lex.word_class("land_meeting_place")

    def _no_political_demand(self, r: SentenceReading, first: int, last: int) -> bool:
        """A market's demand ("strong demand growth", "oil demand"), a call for entries ("a
        call for proposals", "Aufruf zur Einreichung von Projektanträgen") or one by people
        the sentence does not name asks no one of the story's sides."""
        if r.tokens[first].key not in self.lex.word_class("demand_noun"):
            return False  # a verb ("demanded energy aid") asks someone whatever follows
        before, after = r.tokens[first - 1:first] if first else [], r.tokens[first + 1:first + 2]
        # ("mit Forderungen von Exporteuren", "demands by protesters": made by no one named)
        time = self.lex.word_class("period_noun") | self.lex.word_class("duration_unit") | \
            calendar_words(self.lex.lang)
        unnamed_maker = first + 2 < len(r.tokens) and r.tokens[first + 1].key in ("von", "by", "from") \
            and not any(f.actor and first + 2 <= f.first <= first + 4 for f in r.found) \
            and not any(t.key in time for t in r.tokens[first + 2:first + 5])  # "von vergangener Woche"
        return unnamed_maker or any(t.key in self.lex.word_class("market_before") for t in before) or any(
            t.key in self.lex.word_class("market_after") for t in after) or any(
            t.key in self.lex.word_class("entries_noun") for t in r.tokens[first + 1:last + 5])

    def _light_treffen(self, r: SentenceReading, clause: Clause, first: int) -> bool:
        """"treffen" with a decision noun as its object ("traf eine Entscheidung", "hat eine
        Entscheidung … getroffen") is no meeting: the noun within five words after the verb,
        or before a participle at the end of its clause. An inflected participle ("eine kürzlich
        getroffene Anweisung") is an adjective, and the meeting word never one."""
        key = r.tokens[first].key
        if not key.startswith(("traf", "treff", "getroff")):
            return False
        if key.startswith("getroffen") and key != "getroffen":
            return True
        span = r.tokens[max(clause.first, first - 10):first] if key.startswith("getroff") \
            else r.tokens[first + 1:first + 6]
        return any(t.key in self.lex.word_class("decision_noun") for t in span)

    def _refers_back(self, r: SentenceReading, trigger: Trigger, first: int, last: int) -> bool:
        """A definite supply or demand noun refers to one told before, unless it names its
        receiver ("die Lieferung von Panzern an die Ukraine") or its maker ("die Forderung
        Kiews nach Kampfjets")."""
        if trigger.type in (*MULTI_SIDED, EventType.TERRITORIAL_CLAIM) or first != last \
                or not self._definite(r, first):
            return False
        if trigger.type is EventType.DEMAND:
            return self.roles.agent_of_noun(r, first, last) is None
        return not self._names_its_receiver(r, trigger, last)

    def _topic_of_talk(self, r: SentenceReading, first: int) -> bool:
        """An event noun after "über"/"about" (articles and adjectives between) is what was
        talked about, not an event told."""
        if self.lex.lang == "de" and not r.tokens[first].capitalized:
            return False
        j = self._before_noun_phrase(r.tokens, first)
        return j >= 0 and r.tokens[j].key in self.lex.word_class("talk_topic_prep")

    def _with_partner(self, r: SentenceReading, clause: Clause, first: int) -> bool:
        """A side named after "mit"/"with" in the clause, talking "miteinander", or two sides
        as the subject ("Sánchez and Meloni spoke by video")."""
        named = [f for f in r.found if f.actor and clause.first <= f.first < first]
        both = len(named) >= 2 and any(t.key in self.lex.word_class("conjunction")
                                       for t in r.tokens[named[0].last + 1:named[1].first])
        together = any(t.key in ("miteinander", "each") for t in r.tokens[clause.first:clause.last + 1])
        partner = any(r.tokens[i].key in ("mit", "with") and
                      any(i < f.first <= i + 4 and f.actor for f in r.found)
                      for i in range(clause.first, clause.last + 1))
        return both or together or partner

    def _agreed_before(self, r: SentenceReading, clause: Clause, trigger: Trigger,
                       first: int) -> int | None:
        """Where a German agreement says before its verb what was agreed ("haben sich auf
        einen Vorschlag für eine Waffenruhe verständigt"): the "auf" that begins it."""
        if trigger.type is not EventType.AGREEMENT or self.lex.lang != "de":
            return None
        return next((i for i in range(first - 1, clause.first - 1, -1)
                     if r.tokens[i].key in ("auf", "über")), None)

    def _names_its_receiver(self, r: SentenceReading, trigger: Trigger, last: int) -> bool:
        """"hat die Lieferung von Panzern an die Ukraine genehmigt": a definite supply that
        says what goes to whom is told here, not referred to."""
        return trigger.type is EventType.SUPPORT and any(
            0 < f.first - last <= 8 for f, _ in self.roles.receivers_by_prep(r))

    def _demand_roles(self, r: SentenceReading, event: Event, actors: list[Found], trigger: Trigger,
                      span: tuple[int, int], group_subject: int) -> None:
        first, last = span
        self.roles.demand(r, event, actors, trigger, first, last)
        # (whom the demand was made to in talks is not asked to free what another holds; one
        # asked to help free them is: "called on Qatar to help secure the release of …")
        captor = self.roles.captor_asked(r, last, self.gaz.states_of(event.participants, r.day))
        if captor and event.participants and all(self._talk_partner(r, a) for a in event.addressees):
            event.addressees = captor
        if self._asks_asylum(r, first, last):
            event.participants = []  # "wo er Asyl beantragt hat": a person's plea, not a state's demand
            return
        people = [i for i in range(first + 1, min(last + 5, len(r.tokens)))  # ("asked aides to")
                  if r.tokens[i].key in self.lex.word_class("own_people")
                  and not (i + 1 < len(r.tokens) and r.tokens[i + 1].key in ("of", "der", "des", "in", "im"))]
        # "urged Russian citizens" asks another's people; "urged his supporters" its own
        others = any(f.last == i - 1 and f.mention.how not in ("possessive", "pronoun")
                     for i in people for f in r.found)
        if not event.addressees and (people and not others or self._own_demonym_asked(r, event, last)
                                     or self._mobilised(r, first, last)):
            event.participants = []  # "forderte von den Bürgern, mehr … zu kaufen": its own people
            return
        if not event.addressees and self._asks_its_own_side(r, event, first, last):
            event.participants = []  # "Minister Buschmann hat Kanzler Scholz um Entlassung gebeten"
            return
        if not event.addressees and self._asked_in_headline(r, actors, first):
            event.addressees, event.participants = event.participants, []
            return
        if not event.addressees and event.participants:
            event.addressees = self._whose_forces_leave(r, event, last)
        suppliers = self._whose_supply_ends(r, event, last) if event.participants else None
        if suppliers is not None:
            event.addressees = suppliers
        if group_subject:  # the name the rules took for the demander is addressed
            named = event.participants or event.addressees or \
                [f.mention.entity for f in actors if f.first > first][:1]
            event.addressees = list(dict.fromkeys(named))
            event.participants = []

    def _asks_asylum(self, r: SentenceReading, first: int, last: int) -> bool:
        """"hat Asyl beantragt", "bat um Asyl", "requested asylum": asylum itself is what is
        asked, right at the verb (not "urged Italy to register asylum seekers", "Asylanträge
        schneller zu bearbeiten")."""
        for i in range(max(0, first - 2), min(len(r.tokens), last + 3)):
            after = r.tokens[i + 1].key if i + 1 < len(r.tokens) else ""
            if r.tokens[i].key in self.lex.word_class("asylum") and \
                    after not in self.lex.word_class("asylum_compound_head"):
                return True
        return False

    def _talk_partner(self, r: SentenceReading, key: str) -> bool:
        """Whether a side is named as the partner of talks ("in einem Gespräch mit dem Emir")."""
        determiners = self.lex.word_class("determiner")
        return any(f.mention.entity == key and f.first > 0 and r.tokens[
            before_determiners(r.tokens, f.first - 1, determiners)].key in ("mit", "with") for f in r.found)

    def _asked_in_headline(self, r: SentenceReading, actors: list[Found], first: int) -> bool:
        """A German headline of a bare participle ("Japan zum Respekt vor Fischereirechten
        aufgerufen", "Russland zur Zurückhaltung aufgefordert"): the name right before "zu"
        is whom it asks, as in "Taiwan hat Japan zum Respekt aufgerufen"; no one is named
        who asked."""
        if r.tokens[first].key not in self.lex.word_class("headline_participle") or \
                any(t.key in self.lex.word_class("auxiliary") for t in r.tokens):
            return False
        clause = clause_of(r.clauses, first)  # (the headline's clause: "…, Biden besorgt")
        if clause.first > 0 or first + 1 < len(r.tokens) and r.tokens[first + 1].is_word:
            return False
        before = [f for f in actors if f.first < first]
        return len(before) == 1 and before[0].last + 1 < first and \
            r.tokens[before[0].last + 1].key in ("zu", "zum", "zur")

    def _own_demonym_asked(self, r: SentenceReading, event: Event, last: int) -> bool:
        """"Sisi urged Egyptians to work for security": a leader's appeal to their own people
        (a people's name as a noun, not an adjective: "nach Angaben syrischer Staatsmedien"),
        and to no one else ("urged Ukrainians and the West")."""
        own = self.gaz.states_of(event.participants, r.day)
        near = [f for f in r.found if last < f.first <= last + 6]

        def noun(f: Found) -> bool:
            after = r.tokens[f.last + 1].key if f.last + 1 < len(r.tokens) else "."
            return r.tokens[f.first].capitalized and after in ("to", "zu", ",", ".")
        people = [f for f in near[:1] if f.mention.how in ("demonym", "demonym-actor") and noun(f)]
        return bool(people) and all(self.gaz.state_of(f.mention.entity, r.day) in own for f in near)

    def _mobilised(self, r: SentenceReading, first: int, last: int) -> bool:
        """"rief zu Protesten auf", "called for rallies": a call to take to the streets asks
        people, not a state (not "called for protests in Iran to be respected")."""
        for k in range(first + 1, min(last + 4, len(r.tokens))):
            after = r.tokens[k + 1].key if k + 1 < len(r.tokens) else "."
            if r.tokens[k].key in self.lex.word_class("mobilisation_noun") and \
                    r.tokens[k - 1].key in ("for", "zu", "zum", "zur") and \
                    after not in ("in", "im", "on", "of", "against", "gegen", "to", "zu", "der", "des"):
                return True
        return False

    def _unnamed_subject(self, r: SentenceReading, clause: Clause, first: int) -> bool:
        """A German main clause that opens with a noun phrase no entity is named in, right
        before its finite verb ("Arabische Länder fordern …", "Die Junta bittet …"): that phrase
        is the subject (an adverbial opening — "Am Montag", "Gestern" — is not)."""
        if self.lex.lang != "de" or first - clause.first > 4 or first == clause.first or \
                clause.relative or not r.tokens[first].text.islower():  # ("Die Forderung Kiews")
            return False
        if clause.first > 0 and r.tokens[clause.first - 1].text not in (":", "–", "—"):
            return False  # the rest of a main clause after a relative one, or a subordinate
        opening = r.tokens[clause.first:first]
        # ("Weitere Panzer sagte Deutschland der Ukraine zu": a side right after the verb that
        # agrees with it in number is the subject of a fronted object — unlike "Arabische
        # Länder fordern Israel …", "Junta bittet Mali und Burkina Faso …"; "Vergangene Woche
        # forderte …" opens with a time)
        if any(t.key in self.lex.word_class("period_noun") for t in opening):
            return False
        after = [f for f in r.found if f.actor and f.first > first]
        if after and after[0].first == first + 1 and \
                r.tokens[first].key.endswith("n") == (len(self.roles.coordinated(after, r)) > 1):
            return False
        if any(f.first < first and f.last >= clause.first for f in r.found) or \
                not opening[-1].capitalized or not all(t.is_word for t in opening):
            return False
        words = self.lex.word_class("preposition") | self.lex.word_class("opening_adverb") | \
            calendar_words(self.lex.lang) | self.lex.word_class("person_anaphor")
        if any(t.key in words for t in opening):
            return False
        # one word alone is a subject only when it names a government or a group of states
        # ("Junta bittet …", "Golfstaaten sichern Jordanien … zu"); a capitalized first word
        # may be an adverb ("Erstmals gewährt …", "Zusätzlich liefert …")
        if len(opening) == 1:
            return opening[0].key in self.lex.word_class("government") | self.lex.word_class("group_states")
        # ("Arabische Länder": an inflected adjective and its noun)
        adjective = opening[0].key.endswith(("e", "en", "er", "es")) and len(opening) == 2
        return opening[0].key in self.lex.word_class("determiner") or adjective

    def _whose_forces_leave(self, r: SentenceReading, event: Event, last: int) -> list[str]:
        """"hat den Abzug von US-Truppen gefordert", "demanding the departure of French
        forces": the state whose forces are asked to leave is asked."""
        own = self.gaz.states_of(event.participants, r.day)
        clause = clause_of(r.clauses, last)  # (German puts it before a final verb)
        span = range(last + 1, min(len(r.tokens), last + 6)) if self.lex.lang == "en" else \
            range(clause.first, min(len(r.tokens), max(clause.last, last) + 1))
        for i in span:
            if r.tokens[i].key not in self.lex.word_class("withdrawal_noun"):
                continue
            window = range(i + 1, min(len(r.tokens), i + 6))
            if not any(r.tokens[j].key.endswith(tuple(self.lex.word_class("force_word"))) for j in window):
                return []
            owners = [f.mention.entity for f in r.found if f.first in window
                      and self.gaz.entities[f.mention.entity].kind == "state"
                      and r.tokens[f.first - 1].key not in self.lex.word_class("source_prep")
                      and self.gaz.state_of(f.mention.entity, r.day) not in own]
            return owners[:1]
        return []

    def _whose_supply_ends(self, r: SentenceReading, event: Event, last: int) -> list[str] | None:
        """"demanded an end to US military aid to Ukraine", "forderte ein Ende der
        Waffenlieferungen an die Ukraine durch die USA": the state whose supply is to end is
        asked (its name before the supply noun, or its agent after it), never the receiver
        ("an end to Western arms deliveries to Ukraine" asks no state it names). None when
        the demand is not to end a supply, or asks someone named before it."""
        tokens, ends = r.tokens, self.lex.word_class("supply_end")
        supply_noun = self.lex.word_test("supply_noun")
        verb_clause = clause_of(r.clauses, last)  # ("forderte Putin in dem Telefonat ein Ende der …")
        end = next((i for i in range(last + 1, min(verb_clause.last, last + 8)) if tokens[i].key in ends),
                   None)
        noun = None if end is None else next(
            (j for j in range(end + 1, min(len(tokens), end + 7)) if supply_noun(tokens[j])), None)
        if end is None or noun is None or any(f.mention.entity in event.addressees and f.first < noun
                                              for f in r.found):
            return None  # "urged Germany to put an end to Russian gas supplies": Germany is asked
        determiners, agents = self.lex.word_class("determiner"), self.lex.word_class("passive_agent")
        noun_clause = clause_of(r.clauses, noun)

        def supplier(f: Found) -> bool:
            if end < f.first and f.last < noun:  # "an end to US military aid"
                return True
            return noun < f.first <= noun_clause.last and \
                tokens[before_determiners(tokens, f.first - 1, determiners)].key in agents  # "durch die USA"
        own = self.gaz.states_of(event.participants, r.day)
        states = [self.gaz.state_of(f.mention.entity, r.day) for f in r.found
                  if supplier(f) and self.gaz.entities[f.mention.entity].kind == "state"]
        return [s for s in states if s not in own][:1]

    def _other_side_named(self, r: SentenceReading, event: Event, trigger: tuple[int, int]) -> list[str]:
        """The one side other than the demander's that a demand's sentence names as an actor
        (by name, title, or an adjective with its government or forces: "asking the Indian
        government for …", "Antworten von dem marokkanischen Botschafter"): news names whom a
        demand is made of beside it. A bare adjective is no one ("frozen Russian assets",
        "a Palestinian state"), nor a side named as a place, a target, a beneficiary or a
        source ("in Gaza", "gegen die Angriffe Russlands", "weapons for Ukraine", "nach
        Angaben von Polen"), nor who reports the demand, nor a name inside a compound
        ("UN-Resolutionen"); none when the sentence names two or more. `Discourse` uses it
        only when neither the talks it was made in nor the story name an addressee."""
        if not event.participants:
            return []
        own = self.gaz.states_of(event.participants, r.day)
        speakers = self._speakers(r, trigger)  # "Trump sagte, Kim habe … verlangt"
        named: dict[str, str] = {}
        for f in r.found:
            kind = self.gaz.entities[f.mention.entity].kind
            if not (f.actor or self.roles.names_a_force(r, f)) or f.mention.how in ("pronoun", "compound") \
                    or f.mention.entity in speakers or kind not in ("state", "leader", "organisation") \
                    or self._after_blocking_prep(r, f, trigger):
                continue
            side = self.gaz.state_of(f.mention.entity, r.day)
            if side not in own:
                named.setdefault(side, f.mention.entity)
        return list(named.values()) if len(named) == 1 else []

    def _after_blocking_prep(self, r: SentenceReading, f: Found, trigger: tuple[int, int]) -> bool:
        """Whether a preposition that names no addressee governs the phrase a name begins or
        ends ("gegen russische Angriffe", "gegen die Angriffe Russlands", "in der Ukraine"),
        or a source names it ("nach Angaben von Polen", "according to"). The trigger's own
        words govern nothing here ("calls for Saudi Arabia's apology"); the phrase ends at
        another name or a punctuation mark ("in Berlin Putin")."""
        addressing = self.lex.word_class("addressee_prep")
        blocking = (self.lex.word_class("block_prep") - addressing) \
            | self.lex.word_class("not_addressed") | self.lex.word_class("source")
        others = {i for g in r.found if g is not f for i in range(g.first, g.last + 1)}
        for i in range(f.first - 1, max(-1, f.first - 5), -1):
            if trigger[0] <= i <= trigger[1]:
                continue
            if r.tokens[i].key in blocking:
                # (not the embassy whose official was summoned: "an official at the Chinese embassy")
                return not (i > 0 and r.tokens[i - 1].key in self.lex.word_class("staff_noun"))
            if r.tokens[i].key in addressing:  # "13 demands to Qatar", not "nach Angaben von Polen"
                # (nor a supply's receiver: "an end to arms deliveries to Ukraine")
                return i > 0 and (r.tokens[i - 1].key in self.lex.word_class("source")
                                  or self.lex.word_test("supply_noun")(r.tokens[i - 1]))
            if not r.tokens[i].is_word or i in others:
                return False
        return False

    def _asks_its_own_side(self, r: SentenceReading, event: Event, first: int, last: int) -> bool:
        """Whether the only sides named as objects of a demand's clause are of the demander's
        own state: a request at home. German objects stand between the demander and a
        verb-final trigger, English ones after the verb."""
        own = self.gaz.states_of(event.participants, r.day)
        clause = clause_of(r.clauses, first)
        # (a German verb in second place has its objects after it: "Irans oberster Führer Ali
        # Chamenei forderte die islamischen Staaten auf" names no object before it)
        verb_final = last + 2 >= clause.last
        start = min((f.last + 1 for f in r.found if f.mention.entity in event.participants
                     and clause.first <= f.first < first), default=first) \
            if self.lex.lang == "de" and verb_final else first + 1  # English objects follow the verb
        objects = [f for f in r.found if f.actor and start <= f.first <= max(last, first + 4)
                   and clause.first <= f.first <= clause.last
                   and f.mention.entity not in event.participants]
        return bool(objects) and all(self.gaz.state_of(f.mention.entity, r.day) in own for f in objects)

    def _sides_of(self, r: SentenceReading, event: Event, actors: list[Found], trigger: Trigger,
                  clause: Clause, span: tuple[int, int]) -> bool:
        """The sides of a call, meeting or agreement; False when it has none of its own."""
        first, last = span
        if trigger.type is EventType.AGREEMENT and self._agreed_to_meet(r, last):
            return False  # "agreed to meet in Washington soon": a meeting planned, no accord
        if "subject_sides" in trigger.flags:  # "Xi vowed to reunify with Taiwan": a pledge of its own
            actors = self._vowing_subject(r, actors, clause, first)
        if "topic_inside" in trigger.flags:  # "sich über die Lage in der Ukraine einig": what, not who
            actors = [f for f in actors if not first < f.first < last]
        if "founded" in trigger.flags:  # "gründeten ein Bündnis", "founded the Eurasian Economic Union"
            actors = [f for f in actors if not (f.first <= last and f.last > first)]
        if "venue_after" in trigger.flags:  # "bei Gesprächen in Angola (und Abu Dhabi)": where, not who
            places = self.roles.coordinated([f for f in r.found if f.first > last], r)
            places = places if places and places[0].first == last + 1 else []
            actors = [f for f in actors if f not in places]
        definite = self._definite(r, first)
        if definite and (self._reference_in_pp(r.tokens, first) and not self._talks_just_held(r, first, last)
                         or self._reacted_to(r.tokens, first)):
            # "was disappointed by the signing of the deal", "Scholz begrüßte die
            # Vereinbarung": who reacts to it is no side
            actors = [f for f in actors if f.first > first]
        judged = self._judged_after(r, clause, first, last)
        if judged is not None:  # "Ein Telefonat mit Tsai wertete China als Provokation"
            actors = [f for f in actors if f.first < judged]
        framed = self._timed_by_another(r, first, last)
        if framed is not None:  # "His visit came as the US began joint patrols with Manila"
            actors = [f for f in actors if f.first < framed]
        if trigger.type is EventType.AGREEMENT:
            actors = self._not_in_what_was_agreed(r, actors, first, last)
        event.participants = self._without_speakers(
            r, self.roles.sides(r, actors, first, last, definite), span, definite)
        adverbial = self._adverbial_talks(r, actors, first, last)
        if adverbial:  # "Trump called Zelenskyy after speaking with Putin": Trump and Putin
            event.participants = adverbial
        if definite and self._talks_just_held(r, first, last):
            event.participants = unique(self._speaker_before(r, first) + event.participants)
        # (an owner also named as a side elsewhere stays: "Biden … met in Wilmington, Biden's hometown")
        owning = {id(f) for f in actors if self._owner_of_a_thing(r, f, span)}
        owners = {f.mention.entity for f in actors if id(f) in owning} - \
            {f.mention.entity for f in actors if id(f) not in owning}
        rest = [p for p in event.participants if p not in owners]
        if owners and len(self.gaz.states_of(rest, r.day)) >= 2:
            event.participants = rest  # (not "Blinken met Israel's war cabinet": its only partner)
        # (a quote that names both sides is of others' talks: "'I welcome that Putin and Trump
        # spoke,' Erdogan said")
        sides = self.gaz.states_of(event.participants, r.day)
        speaker = self._first_person_speaker(r, span) if trigger.type in TALKS and len(sides) < 2 else None
        if speaker is not None and not self.gaz.states_of([speaker], r.day) & sides:
            event.participants.insert(0, speaker)
        if not self._without_mediators(r, event, clause, span):
            return False
        self._without_adversary(r, event, actors)
        own_sides = self._hyphenated_sides(r, first, last) or self._owner_and_partner(
            r, first, last, "visit" in trigger.flags)
        if own_sides:  # "Solomon Islands' security pact with China": not who deplores it
            event.participants = own_sides
        between = self._between(r, clause, first)
        right_after = any(t.key in ("between", "zwischen") for t in r.tokens[last:last + 3])
        if (trigger.type is not EventType.CALL or right_after) and len(between) >= 2 and any(
                r.tokens[i].key in ("between", "zwischen") for i in range(first + 1, clause.last + 1)):
            # "die Einigung auf eine Waffenruhe zwischen Armenien und Aserbaidschan", "protested
            # over a call between Trump and Tsai": the sides are the ones named after
            # "zwischen", not who announced it or objects to it
            event.participants = between
        appeal = r.tokens[first].key in self.lex.word_class("appeal_verb")
        if trigger.type is EventType.CALL and appeal and any(  # (not "rief IAEA-Chef Grossi an")
                self.gaz.entities[f.mention.entity].kind == "organisation" and f.mention.how == "name"
                and f.mention.entity in event.participants for f in r.found):
            return False  # "hat die Uno angerufen, um …": an appeal to a body, no phone call
        if CAPTIONS & trigger.flags and len(
                self.gaz.states_of(event.participants, r.day)) < 2:
            return False  # "Foto: Scholz und Merz im Bundestag": no meeting of two states
        if self._cue_before_list(r, clause, event.participants):
            return False  # "Am Donnerstag sollen Berater Deutschlands, …, zusammenkommen"
        if trigger.type is EventType.AGREEMENT and "subject_sides" not in trigger.flags and len(
                self.gaz.states_of(event.participants, r.day)) == 1:
            event.participants += self._partner_in_what_was_agreed(r, event, first, last) or \
                self._partner_in_the_talks(r, event, clause)
        if trigger.type is EventType.AGREEMENT and len(event.participants) >= 2 and len(
                self.gaz.states_of(event.participants, r.day)) < 2:
            return False  # "a law signed by President Putin" in Russia: no accord with anyone
        if trigger.type is EventType.MEETING and len(own_sides) != 1:  # (a visit "to the island")
            self._meeting_sides(r, event, trigger, clause, span)
        # ("… signed agreements. They also met with business leaders", "They were greeted by
        # Zelensky": who "they" are at a meeting is too loose to tell; a call, an accord or a
        # demand of theirs is the listed sides')
        if trigger.type is EventType.MEETING:
            group = {f.mention.entity for f in r.found if group_of(r.found, f)}
            named = {f.mention.entity for f in r.found if f.mention.how != "pronoun"}
            told = [p for p in event.participants if p not in group - named]
            if told != event.participants and len(self.gaz.states_of(told, r.day)) < 2:
                return False
            event.participants = told
        return True

    def _first_person_speaker(self, r: SentenceReading, span: tuple[int, int]) -> str | None:
        """"'I had a good call with President Macron,' Biden wrote", "„Wir haben uns in Berlin
        getroffen“, sagte Selenskyj": the "I" or "we" of a quote is its speaker,
        named after it, a side of the talks the quote tells (who merely reports stays none; "I
        have decided to break relations" is no accord of two)."""
        quote = self.roles.first_person_quote(r, *span)
        return quote[2].mention.entity if quote is not None and quote[2] is not None else None

    def _meeting_sides(self, r: SentenceReading, event: Event, trigger: Trigger, clause: Clause,
                       span: tuple[int, int]) -> None:
        """Who else a meeting has: whoever was present ("…, with Crown Prince Mohammed also
        present"); a visit's host ("Borrell sagte, Orban sei nach Moskau gereist": with its
        host, the visit has its two sides without whoever reports it)."""
        event.participants = unique(event.participants + self._present(r))
        if "visit" not in trigger.flags:
            return
        speakers = self._speakers(r, span)
        visit = replace(event, participants=[p for p in event.participants if p not in speakers])
        self.roles.add_host(r, visit, clause, span)
        if len(self.gaz.states_of(visit.participants, r.day)) >= 2:
            event.participants = visit.participants
        else:
            self.roles.add_host(r, event, clause)

    def _partner_in_what_was_agreed(self, r: SentenceReading, event: Event, first: int,
                                    last: int) -> list[str]:
        """"Mexico agreed to send more water to the U.S.", "Armenia agreed to return four
        villages to Azerbaijan": one side agrees to do something for another, named after
        "to" in what it agreed (an English to-infinitive); that one is the other side of the accord."""
        to = next((i for i in range(last, min(last + 5, len(r.tokens) - 1)) if r.tokens[i].key == "to"),
                  None)
        verb = first == 0 or r.tokens[first - 1].key not in self.lex.word_class("determiner")
        if not verb or to is None or not r.tokens[to + 1].text.islower() or \
                r.tokens[to + 1].key in self.lex.word_class("determiner"):
            return []  # only what a side agreed to do ("the agreement sends a message to the …")
        own = self.gaz.states_of(event.participants, r.day)
        determiners = self.lex.word_class("determiner")
        partner = next((f for f in r.found if f.actor and f.first > last + 1 and r.tokens[
            before_determiners(r.tokens, f.first - 1, determiners)].key in self.lex.word_class("handed_to")
            and not self.gaz.states_of([f.mention.entity], r.day) & own), None)
        # ("agreed to send a delegation to Saudi Arabia": where talks are held is no partner)
        sent = partner is not None and any(t.key in self.lex.word_class("government")
                                           for t in r.tokens[last + 1:partner.first])
        return [partner.mention.entity] if partner and not sent else []

    def _partner_in_the_talks(self, r: SentenceReading, event: Event, clause: Clause) -> list[str]:
        """"verständigte sich Abe in einem Telefonat mit Trump", "agreed in talks with Modi": an
        accord reached in talks with someone is with them."""
        own, talks = self.gaz.states_of(event.participants, r.day), self.lex.word_class("talk_noun")
        # (the talks told as where it was said, in its clause or opening the sentence: "In a
        # call with Trump, Abe agreed …")
        start = 0 if clause.first > 0 and r.tokens[clause.first - 1].text == "," else clause.first
        for i in range(max(start, 1), clause.last):
            if r.tokens[i].key in talks and r.tokens[i + 1].key in ("mit", "with") and \
                    (r.tokens[i - 1].key in self.lex.word_class("in_call") or self._call_as_medium(r, i)):
                partner = self._guest(r, i + 1)
                if partner is not None and not self.gaz.states_of([partner.mention.entity], r.day) & own:
                    return [partner.mention.entity]
        return []

    def _not_in_what_was_agreed(self, r: SentenceReading, actors: list[Found], first: int,
                                last: int) -> list[Found]:
        """"Estonia, Latvia and Lithuania agreed to build a defence line along their borders
        with Russia and Belarus": with two or more sides before the verb, names inside what
        was agreed are none of its sides."""
        subject = self.roles.coordinated([f for f in actors if f.last < first], r)
        # ("… and the two agreed to work closely in dealing with North Korea": a pair told
        # by "the two", "beide" is a subject of two as well)
        before = [t.key for t in r.tokens[max(0, first - 3):first]]
        pair = before[-2:] == ["the", "two"] or before[-1:] in (["both"], ["beide"]) or \
            self._group_subject(r, clause_of(r.clauses, first), first) == 2
        if len(subject) < 2 and not pair:
            return actors
        content = self._content_start(r, last, EventType.AGREEMENT)
        # "Beziehungen zu Israel", "agreed with Poland", "agreed to establish relations with
        # Israel": the partner of the accord, or of the relations agreed
        relations = any(t.key in self.lex.word_class("relations") for t in r.tokens[content:])
        determiners = self.lex.word_class("determiner")

        def partner(f: Found) -> bool:
            j = before_determiners(r.tokens, f.first - 1, determiners)
            return r.tokens[j].key in ("mit", "with", "zu", "to") and (j == content or relations)
        return [f for f in actors if f.first < content or partner(f)]

    def _without_mediators(self, r: SentenceReading, event: Event, clause: Clause,
                           span: tuple[int, int]) -> bool:
        """"Turkey mediated talks between Russia and Ukraine", "a grain deal mediated by
        Turkey": the mediator is no side; False when no sides are left ("Qatar and Egypt
        mediated the talks")."""
        first, last = span
        mediation = self.lex.word_class("mediation")
        said = [i for i in range(clause.first, len(r.tokens)) if r.tokens[i].key in mediation]
        if any(i < first for i in said):
            between = self._between(r, clause, first)
            if len(between) >= 2:
                event.participants = between
                return True
        # "Unter Vermittlung der Türkei haben sich Russland und die USA …", "with U.S.
        # mediation", "Qatar, Egypt and the United States mediated the talks": the names of
        # the mediation are no sides
        mediators = {f.mention.entity for f in r.found for i in said if i < f.first <= min(i + 4, first)}
        # ("ein von den USA vermitteltes Friedensabkommen": the agent before the participle)
        determiners = self.lex.word_class("determiner")
        mediators |= {f.mention.entity for f in r.found for i in said if f.last == i - 1 and f.first > 0
                      and r.tokens[before_determiners(r.tokens, f.first - 1, determiners)].key
                      in ("von", "durch")}
        for i in said:
            if i + 1 < len(r.tokens) and r.tokens[i + 1].key in ("by", "von", "durch"):
                continue  # ("between Russia and the United States, facilitated by Turkey")
            head = next((f for f in r.found if f.actor and i - 3 <= f.last < i and not any(
                t.is_word for t in r.tokens[f.last + 1:i])), None)
            if head is not None:
                listed = self.roles.list_before(r, head, [f for f in r.found if f.actor])
                mediators |= {f.mention.entity for f in listed + [head]}
        event.participants = [p for p in event.participants if p not in mediators]
        agents = self._agents_of_mediation(r, clause, last)
        event.participants = [p for p in event.participants if p not in agents]
        return len(event.participants) >= 2 or not mediators

    def _agents_of_mediation(self, r: SentenceReading, clause: Clause, last: int) -> set[str]:
        """"… mediated by Turkey", "in a deal brokered by China", "an agreement, facilitated by
        China, to resume relations" (the phrase before the accord's infinitive): the agents,
        unless present at the signing ("the agreement, brokered by Turkey, was signed in the
        presence of President Erdogan")."""
        mediation = self.lex.word_class("mediation")
        start = clause.first
        earlier = [c for c in r.clauses if c.last < clause.first]
        infinitive = clause.complement or r.tokens[clause.first].key in ("to", "zu")
        if infinitive and earlier and r.tokens[earlier[-1].first].key in mediation:
            start = earlier[-1].first
        present = self.lex.word_class("presence_word") | {"with", "mit"}
        agents: set[str] = set()
        for i in range(start, len(r.tokens) - 1):
            if r.tokens[i].key not in mediation or r.tokens[i + 1].key not in ("by", "von", "durch"):
                continue
            later = [f for f in r.found if f.first > max(last, i + 5)]
            at = next((k for k, f in enumerate(later)
                       if any(t.key in present for t in r.tokens[f.first - 4:f.first])), None)
            within = clause_of(r.clauses, later[at].first) if at is not None else None
            again = self.gaz.states_of([f.mention.entity for f in later[at or 0:]
                                        if within is not None and f.first in within], r.day)
            agents |= {f.mention.entity for f in r.found if i + 1 < f.first <= i + 5
                       and self.gaz.state_of(f.mention.entity, r.day) not in again}
        return agents

    def _in_circumstance(self, r: SentenceReading, trigger: Trigger, first: int) -> bool:
        """A call or meeting noun in a phrase of circumstance ("bei einem Besuch in Kiew",
        "during a visit to Kyiv") is the setting of the clause's verb: what the verb is
        (announced, planned, refused) is not said of the visit."""
        if trigger.type not in TALKS:
            return False
        j = before_determiners(r.tokens, first - 1, self.lex.word_class("determiner")) \
            if first > 0 else 0
        while j > 0 and r.tokens[j].key in self.lex.word_class("possessive_person"):
            j -= 1
        # ("in einem Telefonat mit Putin", "in a phone call with Xi": "in" before the noun)
        if first == 0 or not (r.tokens[j].key in self.lex.word_class("circumstance")
                              or r.tokens[j].key in ("in", "im") and r.tokens[first].key not in ("in", "im")):
            return False
        # only the saying is not the visit's: a visit still to come is not factual either —
        # as the phrase tells it, up to its partner ("in einem Telefonat mit Putin eine
        # Einladung abgelehnt": the invitation is the verb's, the call took place)
        others = tuple(k for k in ALL_CUES if k not in ("announced", "denial"))
        clause = clause_of(r.clauses, first)
        partner = next((f for f in r.found if f.actor and first < f.first <= first + 8
                        and self._after_with(r, f)), None)
        end = partner.last if partner is not None else clause.last
        if j > clause.first:  # ("emphasized during a phone call the importance of continuing
            end = min(end, first + 3)  # efforts to …": the verb's object after the phrase)
        return not has_cue(r.tokens, clause.first, end, self.lex, others, (first, first))

    def _after_it(self, r: SentenceReading, trigger: Trigger, first: int, last: int) -> bool:
        """"Nach dem Telefonat zwischen Merkel und Davutoğlu wird … gearbeitet", "after the
        call with Xi": a call or meeting the clause comes after has taken place, whatever the
        clause says of its own verb; only the phrase itself can say otherwise ("nach dem
        geplanten Treffen")."""
        if trigger.type not in TALKS or first == 0:
            return False
        j = before_determiners(r.tokens, first - 1, self.lex.word_class("determiner"))
        if r.tokens[j].key not in self.lex.word_class("after_prep") or not self._names_its_sides(r, last):
            return False
        # the phrase runs over its sides and the names, articles, prepositions and times
        # after them ("… mit Putin in der kommenden Woche", "with Putin next week"), up to
        # the verb
        after = [f for f in r.found if f.actor and f.first > last]
        end = max((f.last for f in self.roles.coordinated(after, r)), default=last)
        phrase = self.lex.word_class("preposition") | self.lex.word_class("determiner") | \
            self.lex.word_class("next") | self.lex.word_class("period_noun")
        while end + 1 < len(r.tokens) and (r.tokens[end + 1].key in phrase or r.tokens[end + 1].capitalized):
            end += 1
        return not has_cue(r.tokens, j, end, self.lex, ALL_CUES, (first, last))

    def _owned_claim(self, r: SentenceReading, trigger: Trigger, clause: Clause, first: int,
                     last: int) -> bool:
        """A claim whose owner its form names ("Russia's annexation", "annexed by Russia")
        is told as a fact whatever the clause says of it, unless another side recognises it
        ("recognised Israel's sovereignty over the Golan" reports a recognition, no claim)."""
        if trigger.type is not EventType.TERRITORIAL_CLAIM or \
                self.roles.claim_owner(r, first, last) is None:
            return False
        recognised = has_cue(r.tokens, clause.first, first - 1, self.lex, ("recognition",))
        negated = has_cue(r.tokens, clause.first, first - 1, self.lex, ("negation", "denial"))
        return not recognised or negated

    @staticmethod
    def _dated_clause(r: SentenceReading, clause: Clause) -> bool:
        """Whether a date is told in the clause ("held their regular summit on Monday")."""
        start, end = r.tokens[clause.first].start, r.tokens[clause.last].end
        offset = r.sentence.start
        return any(start <= offset + d.start < end for d in r.dates)

    def _recurring(self, tokens: list[Token], first: int) -> bool:
        """A talks noun after "regular", "regelmäßige", "periodic" among its adjectives."""
        recurring = self.lex.word_class("recurring_adjective")
        k = first - 1
        while k >= 0 and (is_adjective(tokens[k]) or tokens[k].key in recurring or "-" in (
                tokens[k].text, tokens[k + 1].text, tokens[k - 1].text if k > 0 else "")):
            if tokens[k].key in recurring:
                return True
            k -= 1
        return False

    def _not_factual(self, r: SentenceReading, trigger: Trigger, clause: Clause, first: int,
                     last: int) -> bool:
        kinds = CUES_OF.get(trigger.type, ALL_CUES)
        if trigger.type is EventType.CALL and self._call_as_medium(r, first):
            kinds = tuple(k for k in kinds if k != "announced")  # announced in the call, not the call
        if trigger.type is not EventType.TERRITORIAL_CLAIM and first > 0 and \
                r.tokens[first - 1].key in self.lex.word_class("planned_adjective"):
            return True  # "das geplante Freihandelsabkommen zwischen …", "the proposed summit"
        if trigger.type in TALKS and self._recurring(r.tokens, first) and not self._dated_clause(r, clause):
            return True  # "commitment to regular high-level meetings": a habit to be, no event
        if trigger.type is not EventType.SUPPORT and self._headline_to(r, first):
            return True  # "India, Pakistan to sign trade deal", "Pompeo to witness signing of …"
        if trigger.type is EventType.AGREEMENT and has_cue(r.tokens, max(clause.first, first - 3), first - 1,
                                                           self.lex, ("ended",), (first, last)):
            return True  # "cancel signing of minerals deal": the signing is called off
        if trigger.type is EventType.AGREEMENT and self._ended_at_clause_end(r, clause, last):
            return True  # "hatte eine Vereinbarung über … mit den USA beendet"
        if trigger.type is EventType.DEMAND and [t.key for t in r.tokens[last + 1:last + 3]] in (
                ["zu", "haben"], ["zu", "sein"]):
            return True  # "beschuldigte Israel, das Flugzeug in die Schusslinie gedrängt zu haben"
        if r.sentence.text.rstrip().rstrip("\"'»«“”").endswith("?"):
            return True  # "Will the United States send Tomahawks to Kyiv?" asks
        if "refusal" in trigger.flags:
            return False  # "will never give up Crimea", "weigert sich, … abzutreten": a claim
        judged = after_a_judgement(r.tokens, clause.first, first, self.lex)
        if trigger.type is EventType.DEMAND and judged is None and has_cue(
                r.tokens, clause.first, clause.last, self.lex, ("denial",), (first, last), before=first):
            return True  # "Russland wies Forderungen nach … zurück": someone else's demand
        if "reported_obligation" in trigger.flags:
            # "sagte, Russland müsse nicht …" still demands: what comes after the modal is
            # the content; cues before it, around the saying, decide
            # ("said he would not say whether Ukraine should …" is no demand either)
            return has_cue(r.tokens, clause.first, last - 1, self.lex, kinds, (first, first))
        if trigger.type in MULTI_SIDED and self._modal_inside(r, first, last):
            return True  # "say a peace agreement could be signed": the modal inside the pattern
        scope_first = clause.first
        if self._is_complement(r, clause, first) and clause.first > 0:
            # "kündigte an, mit der Nato zu beraten": the governing clause's cue counts
            # (not a sibling complement's: "said that X would …, and that they had decided").
            governing = [c for c in r.clauses if c.last < clause.first and not c.complement
                         and not c.relative]
            if governing:
                scope_first = governing[-1].first
            if self._announced(r, clause, scope_first, kinds):
                scope_first = clause.first
        if judged is not None:
            scope_first = judged  # "lehnte den Vorschlag ab und forderte …": what it did next
        elif (earlier := self._next_act(r, scope_first, first)) is not None:
            # "diskutierten die Bemühungen um Frieden und vereinbarten …": what was said of the
            # first verb's object does not govern the next act; what governs the first verb
            # does ("unclear whether Iran supplied drones and signed a pact")
            if has_cue(r.tokens, scope_first, earlier, self.lex, kinds, (first, last)):
                return True
            scope_first = first - 1
        scope_last = self._next_verb_phrase(r, clause, last) - 1
        if trigger.type in TALKS and first == last and \
                self._subject_noun(r, first):
            # "Netanyahu's visit to Washington, scheduled for next week, was postponed": the
            # sentence says of its subject what became of it
            scope_last = len(r.tokens) - 1
        if trigger.type in TALKS:  # not what it caused ("the visit raised hopes of peace")
            scope_last = next((k - 1 for k in range(last + 1, scope_last + 1)
                               if r.tokens[k].key in self.lex.word_class("caused_verb")), scope_last)
        if trigger.type in (EventType.DEMAND, EventType.AGREEMENT):
            scope_last = min(scope_last, self._content_start(r, last, trigger.type) - 1)
        scope_last = self._before_purpose_or_words(r, trigger, (first, last), scope_last)
        if trigger.type is EventType.DEMAND and self._negated_light_verb(r, first, last):
            return True  # "Konkrete Forderungen habe Trump jedoch nicht gestellt"
        if trigger.type is EventType.DEMAND and scope_last > last + 2:
            # what is demanded is content ("verlangte von Kanada Beweise für die Vorwürfe",
            # "eine Erklärung zur geplanten Ratifizierung"); only a negation after the verb,
            # or a modal right after a German final verb ("verlangen könnte"), is the demand's
            if has_cue(r.tokens, last + 1, scope_last, self.lex, ("negation",), (first, last)):
                return True
            scope_last = last + 2
        # "sich auf einen Vorschlag … verständigt": no plan or wish of what was agreed
        # makes the agreement one
        content = self._agreed_before(r, clause, trigger, first)
        wishes = ("planned", "modality") if content is not None else ()
        if has_cue(r.tokens, scope_first, scope_last, self.lex,
                   tuple(k for k in kinds if k not in wishes), (first, last),
                   pledge=trigger.type is EventType.SUPPORT):
            return True
        if content is not None and has_cue(r.tokens, scope_first, scope_last, self.lex,
                                           wishes, (content, last)):
            return True
        if self._negated_in_gap(r, trigger, first, last):
            return True  # "kamen am Freitag nicht überein", "rief Macron nicht an"
        # A denial or accusation earlier in the sentence governs its complement:
        # "warf Moskau vor, die Separatisten zu versorgen", "denied sending drones".
        return judged is None and has_cue(r.tokens, 0, first - 1, self.lex, ("denial",)) and (
            clause.complement or clause.first > 0) and not self._contrasted(r, clause, first)

    def _next_act(self, r: SentenceReading, scope_first: int, first: int) -> int | None:
        """A verb told as done after "and" that follows another verb told as done: the
        subject's next act. The first verb's position, or None."""
        tokens = r.tokens
        if scope_first >= first - 1 or tokens[first - 1].key not in self.lex.word_class("and_word") \
                or not self._told_verb(tokens, first):
            return None
        return next((i for i in range(scope_first, first - 1) if self._told_verb(tokens, i)), None)

    def _negated_light_verb(self, r: SentenceReading, first: int, last: int) -> bool:
        """A demand noun whose verb is negated right before it ("Forderungen habe Trump jedoch
        nicht gestellt", "demands were not made"); not a negation inside what is demanded
        ("Russia's demand that Ukraine never join NATO was raised"). "jedoch" may cut the
        clause, so the verb is looked for up to the next punctuation."""
        end = next((i for i in range(last + 1, len(r.tokens)) if r.tokens[i].text in ",;:."), len(r.tokens))
        light = next((i for i in range(last + 1, end)
                      if r.tokens[i].key in self.lex.word_class("demand_light_verb")), None)
        return light is not None and has_cue(r.tokens, max(last + 1, light - 2), light, self.lex,
                                             ("negation",), (first, last))

    def _ended_at_clause_end(self, r: SentenceReading, clause: Clause, last: int) -> bool:
        """A German clause whose final verb ends the accord it names ("hatte der Niger eine
        Vereinbarung über militärische Zusammenarbeit mit den USA beendet", "das Abkommen
        gekündigt"): no accord made."""
        end = max(clause.last, last)
        while end > last and not r.tokens[end].is_word:
            end -= 1
        return self.lex.lang == "de" and end > last and \
            r.tokens[end].key in self.lex.word_class("accord_ended")

    def _before_purpose_or_words(self, r: SentenceReading, trigger: Trigger, span: tuple[int, int],
                                 scope_last: int) -> int:
        """Where the cues of a supply or a call end: before the purpose the help serves ("a
        bailout for Argentina to support Milei's efforts to revive …"), and before what was
        said in a call told as where it was said ("sprachen sich bei einem Telefonat für
        Verhandlungen über eine Waffenruhe aus"): their plans are not the event's."""
        first, last = span
        if trigger.type is EventType.SUPPORT:
            purpose, marker = self.lex.word_class("support_purpose"), self.lex.word_class("purpose_marker")
            return next((i - 1 for i in range(last + 1, scope_last)
                         if r.tokens[i].key in marker and r.tokens[i + 1].key in purpose), scope_last)
        if trigger.type is EventType.CALL and self._call_as_medium(r, first):
            said = self.lex.word_class("said_in_call")
            return next((i - 1 for i in range(last + 1, scope_last + 1) if r.tokens[i].key in said),
                        scope_last)
        return scope_last

    def _contrasted(self, r: SentenceReading, clause: Clause, first: int) -> bool:
        """"Ungarn lehnt Lieferungen ab, die Slowakei dagegen übergab …": a clause set against
        the one before says what its own subject did; the refusal does not reach it."""
        words = self.lex.word_class("contrast") | self.lex.word_class("contrast_adverb")
        # ("rejects any role for the Dalai Lama, insisting Tibet has been part of China": a
        # participle after a comma says what the subject holds instead)
        opening = r.tokens[clause.first]
        insisting = self.lex.lang == "en" and clause.first > 0 and r.tokens[clause.first - 1].text == "," \
            and opening.key in self.lex.word_class("speech_participle")
        # ("wies Kiew zurück: Die Halbinsel sei ukrainisch": what the colon opens is their own)
        after_colon = clause.first > 0 and r.tokens[clause.first - 1].text == ":"
        return insisting or after_colon or any(t.key in words for t in r.tokens[clause.first:first])

    def _subject_noun(self, r: SentenceReading, first: int) -> bool:
        """An event noun opening the sentence ("A visit to Paris …", "Netanyahu's visit …",
        "Ein Treffen zwischen Erdoğan und Assad …") is its subject: nothing but an article or
        its owner's name comes first."""
        if first == 0 or first > 6:
            return False
        before = r.tokens[first - 1]
        if not (before.key in self.lex.word_class("determiner") or
                (before.key == "s" and first > 1 and r.tokens[first - 2].text in ("'", "’"))):
            return False  # "Beijing regards …": a verb
        return all(t.key in self.lex.word_class("determiner") or i in r.named or t.text in ("'", "’")
                   or (t.key == "s" and i > 0 and r.tokens[i - 1].text in ("'", "’"))
                   for i, t in enumerate(r.tokens[:first]))

    def _negated_in_gap(self, r: SentenceReading, trigger: Trigger, first: int, last: int) -> bool:
        """A negation inside a pattern's gap (a separable verb negated before its particle)
        negates the event, unless the pattern itself speaks of negation ("never … cede")."""
        words = self.lex.word_class("gap_negation")
        if any(w in words for w in re.split(r"[|\s.]+", trigger.pattern.source)):
            return False
        # not one of a relative clause inside the gap ("regards X, which … not recognised
        # internationally, as its capital")
        own = clause_of(r.clauses, first)
        return any(r.tokens[i].key in words and clause_of(r.clauses, i) is own
                   for i in range(first + 1, last))

    def _cue_before_list(self, r: SentenceReading, clause: Clause, sides: list[str]) -> bool:
        """A list's commas cut clauses: the cue of a clause whose list of sides ends in the
        trigger's clause ("sollen Berater Deutschlands, Frankreichs und Russlands
        zusammenkommen") is the trigger's cue too."""
        # (a side's adjective before is no list member: "Deutsche Parlamentarier könnten …",
        # sagte Cavusoglu nach einem Gespräch mit Gabriel")
        starts = [f.first for f in r.found
                  if f.actor and f.mention.entity in sides and f.first < clause.first]
        if not starts or (self.lex.lang == "de" and
                          r.tokens[clause.first].key in self.lex.word_class("clause_break")):
            return False  # "…, nachdem sich die beiden getroffen hatten": a clause of its own
        first = clause_of(r.clauses, min(starts)).first
        between = [c for c in r.clauses if first <= c.first < clause.first]
        return not any(c.complement or c.relative for c in between) and has_cue(
            r.tokens, first, clause.first - 1, self.lex, ALL_CUES)

    def _announced(self, r: SentenceReading, clause: Clause, governing_first: int,
                   kinds: tuple[str, ...]) -> bool:
        """"kündigte an, dass Deutschland … liefert", "announced that …": a decision
        announced in a that-clause is told as a fact ("dass … liefern werde" has its own
        cue); "proposed that the two hold talks" or "kündigte an, … zu" are not."""
        if r.tokens[clause.first].key not in self.lex.word_class("complementizer"):
            return False
        end = clause.first - 1
        announce = next((i for i in range(governing_first, clause.first)
                         if r.tokens[i].key in self.lex.word_class("announce")), None)
        return announce is not None and not has_cue(r.tokens, governing_first, end, self.lex,
                                                     kinds, (announce, announce))

    def _next_verb_phrase(self, r: SentenceReading, clause: Clause, last: int) -> int:
        """Where a main clause goes on with another verb after the trigger ("betrachtet den
        Golan als Teil ihres Staatsgebiets und kündigte an, …"): its cues are not the
        trigger's. Not "und Putin", "and the", nor in a verb-final clause, whose closing
        modal governs every conjunct ("dass … überlassen und … erhalten könnte"; an English
        that-clause is not verb-final: "that Taiwan is part of China and said …")."""
        if clause.complement and self.lex.lang == "de":
            return clause.last + 1
        determiners = self.lex.word_class("determiner")
        for i in range(last + 1, clause.last):
            nxt = r.tokens[i + 1]
            if r.tokens[i].key in ("und", "and") and nxt.is_word and nxt.text.islower() \
                    and nxt.key not in determiners:
                return i
        return clause.last + 1

    def _is_complement(self, r: SentenceReading, clause: Clause, first: int) -> bool:
        """An infinitive or that-clause: "…, mit der Nato zu beraten", "to meet", "dass …",
        "…, einen Gipfel … auszurichten" (German: the clause ends in an infinitive with zu)."""
        before = r.tokens[max(clause.first, first - 3):first]
        marker = "zu" if self.lex.lang == "de" else "to"
        return clause.complement or any(t.key == marker for t in before) or (
            self.lex.lang == "de" and self._ends_in_zu_infinitive(r, clause))

    @staticmethod
    def _ends_in_zu_infinitive(r: SentenceReading, clause: Clause) -> bool:
        words = [t for t in r.tokens[clause.first:clause.last + 1] if t.is_word]
        if len(words) < 2:
            return False
        last = words[-1]
        return last.text.islower() and last.key.endswith("en") and (
            words[-2].key == "zu" or _ZU_INFIX.match(last.key) is not None)

    def _actors(self, r: SentenceReading, clause: Clause, trigger: tuple[int, int],
                multi_sided: bool = False, call: bool = False) -> list[Found]:
        """Sides named in the sentence's main clauses and in the trigger's own clause; the
        sides of a call, meeting or agreement are not looked for in its complement."""
        out = []
        for f in r.found:
            if not f.actor or is_blocked(r.tokens, f, self.lex, r.found, trigger) and not (
                    call and self._spoken_to_in_a_call(r, f, trigger[0])):
                continue
            own = clause_of(r.clauses, f.first)
            # "the deal that Greece and North Macedonia struck": names inside the pattern
            inside = trigger[0] < f.first < trigger[1]
            if own is not clause and not inside and (own.relative or (own.complement and multi_sided)):
                continue
            if multi_sided and (self._of_another_event(r, f, trigger) or self._in_the_frame(r, f, trigger)
                                or self._between_of_an_earlier_noun(r, f, trigger)
                                or self._after_a_second_verb(r, f, trigger, call)
                                or self._pronoun_after_and(r, f, trigger)
                                or self._agent_of_a_participle(r, f, trigger)):
                continue
            # (one looking on is no side, unless their presence is what the match tells:
            # "commissioned the ship in the presence of his Mauritian counterpart")
            present_told = trigger[1] < f.first <= trigger[1] + 4 and any(
                t.key in self.lex.word_class("presence_word") for t in r.tokens[trigger[0]:trigger[1] + 1])
            if (own is not clause and self._looking_on(r, own)) or self._onlooker(r, f) and not present_told:
                continue
            out.append(f)
        return out

    def _without_adversary(self, r: SentenceReading, event: Event, actors: list[Found]) -> None:
        """"Iran and China entered into a partnership amid tensions with the US": a party
        named as the other side of a conflict ("tensions with", "im Streit mit") is no side
        when two others are named (it is in "nach jahrzehntelangem Streit mit China ein
        Abkommen geschlossen", where it is the only partner)."""
        determiners = self.lex.word_class("determiner")
        adversaries = set()
        for f in actors:
            j = before_determiners(r.tokens, f.first - 1, determiners)
            if j > 0 and r.tokens[j].key in ("with", "mit") and \
                    r.tokens[j - 1].key in self.lex.word_class("conflict_noun"):
                adversaries.add(f.mention.entity)
        rest = [p for p in event.participants if p not in adversaries]
        if adversaries and len(self.gaz.states_of(rest, r.day)) >= 2:
            event.participants = rest

    def _agent_of_a_participle(self, r: SentenceReading, f: Found, trigger: tuple[int, int]) -> bool:
        """"visited an island claimed by both Russia and Japan": who claims the place
        visited is named by a participle after it, and is no side of the visit."""
        if self.lex.lang != "en":
            return False
        spans = {i for g in r.found for i in range(g.first, g.last + 1)}
        glue = self.lex.word_class("conjunction") | {",", "both", "the"}
        j = f.first - 1
        while j > trigger[1] and (r.tokens[j].key in glue or j in spans):
            j -= 1
        return j - 2 > trigger[1] and r.tokens[j].key == "by" \
            and r.tokens[j - 1].key in self.lex.word_class("claim_participle") \
            and r.tokens[j - 2].key not in self.lex.word_class("passive_aux") and r.tokens[j - 2].is_word

    def _headline_to(self, r: SentenceReading, first: int) -> bool:
        """"India, Pakistan to sign trade deal": in a headline, "X to <verb>" right after the
        names it opens with is news English for what is to come (not "Biden is in Israel to
        meet Netanyahu")."""
        headline = r.sentence.index == 0 or not r.sentence.text.rstrip().endswith((".", "!", "?"))
        if self.lex.lang != "en" or not headline:
            return False
        to = next((i for i in (first - 1, first - 2) if i > 0 and r.tokens[i].key == "to"), None)
        if to is None or not all(t.is_word and t.text.islower() for t in r.tokens[to + 1:first]):
            return False
        names = [f for f in r.found if f.actor and f.last < to]
        joiners = self.lex.word_class("conjunction") | {","}
        covered = {i for f in names for i in range(f.first, f.last + 1)}
        return bool(names) and names[-1].last == to - 1 and all(
            i in covered or r.tokens[i].key in joiners for i in range(0, to))

    def _call_as_medium(self, r: SentenceReading, first: int) -> bool:
        """"hatte das Dekret Scholz in einem Telefonat angekündigt", "announced in a phone
        call": a call noun after "in a" is where something was said."""
        within = self.lex.word_class("in_call")
        return r.tokens[first].key in within or first > 1 and r.tokens[first - 1].key in \
            self.lex.word_class("indefinite_article") and r.tokens[first - 2].key in within

    def _spoken_to_in_a_call(self, r: SentenceReading, f: Found, first: int) -> bool:
        """"apologised to Aliyev in a phone call", "hat sich bei Alijew in einem Telefonat
        entschuldigt": whom the subject speaks to in a call told by its noun is its other side."""
        same_clause = f.last < first and clause_of(r.clauses, f.first) is clause_of(r.clauses, first)
        return same_clause and self._call_as_medium(r, first) and any(
            t.key in self.lex.word_class("spoken_to") for t in r.tokens[max(0, f.first - 3):f.first])

    def _onlooker(self, r: SentenceReading, f: Found) -> bool:
        """"signed a peace deal as Trump looked on", "während Trump zusah", "in the presence
        of Rubio": who watches an event is no side of it."""
        if self.roles.attending(r, f):
            return True
        before = {t.key for t in r.tokens[max(0, f.first - 4):f.first]}
        after = r.tokens[f.last + 1:f.last + 2]
        return bool(before & self.lex.word_class("onlooker_start")) and bool(after) and \
            after[0].key in self.lex.word_class("onlooker_verb")

    def _present(self, r: SentenceReading) -> list[str]:
        """The people the sentence says were there in person without being sides ("…, with
        Trump looking on"): present at a meeting. Not who watched from afar."""
        return unique(f.mention.entity for f in r.found
                      if f.actor and self.roles.attending(r, f) and self._person(f)
                      and not self.roles.at_venue(r, f))

    def _looking_on(self, r: SentenceReading, own: Clause) -> bool:
        """"With Netanyahu standing by him, Trump signed the document": a fronted "with"
        and a participle tell who was there, not who signed."""
        return own.first == 0 and r.tokens[0].key == "with" and any(
            t.key.endswith("ing") and t.text.islower() for t in r.tokens[own.first:own.last + 1])

    def _without_speakers(self, r: SentenceReading, sides: list[str],
                          trigger: tuple[int, int], definite: bool = False) -> list[str]:
        """The sides without whoever reports the event, when the others still make an event
        or the sentence refers to its sides ("Tillerson said the two leaders had agreed"), or
        refers to an event told before ("Peskov said the visit showed …": not Russia's)."""
        speakers = self._speakers(r, trigger)
        rest = [s for s in sides if s not in speakers]
        if rest == sides:
            return sides
        states = {self.gaz.state_of(s, r.day) for s in rest}
        return rest if len(states) >= 2 or definite or self._group(r, trigger[0]) else sides

    def _speakers(self, r: SentenceReading, trigger: tuple[int, int]) -> set[str]:
        """Who reports the event ("Moscow says NATO violated the agreement Russia concluded
        with it", "Marles said Foreign Minister Wong raised it during their meeting": named
        again after the report's verb, a side after all)."""
        return {f.mention.entity for f in r.found if self._speaker(r, f, trigger) and not any(
            g is not f and g.actor and g.mention.entity == f.mention.entity
            and g.first > min(f.last, trigger[0]) for g in r.found)}

    def _speaker(self, r: SentenceReading, f: Found, trigger: tuple[int, int]) -> bool:
        """"Tillerson said the two leaders had agreed …", "sagte Trump, beide Staaten hätten
        sich geeinigt": who reports a call, meeting or agreement is no side of it."""
        speech = self.lex.word_class("speech_verb")
        after = any(t.key in speech for t in r.tokens[f.last + 1:min(f.last + 3, trigger[0])])
        # German inversion: "erklärte Trump, die beiden hätten …" ("said Israel and …" is the
        # report's own subject in English)
        before = self.lex.lang == "de" and f.first > 0 and r.tokens[f.first - 1].key in speech \
            and f.first < trigger[0] and any(t.text == "," for t in r.tokens[f.last + 1:f.last + 3])
        # "announced the breakthrough after hosting …": the rest is no report of the event
        other = self.lex.word_class("clause_break") - self.lex.word_class("complementizer")
        reported = not any(t.key in other for t in r.tokens[f.last + 1:trigger[0]])
        # "… in Call With Netanyahu, White House Says": the source after the report
        j = before_determiners(r.tokens, f.first - 1, self.lex.word_class("determiner"))
        source = f.first > trigger[1] and r.tokens[j].text == "," and f.last + 1 < len(r.tokens) \
            and r.tokens[f.last + 1].key in speech
        # ("von der Leyen said so during a visit to Tunis", "sagte Maduro nach der Zusammenkunft
        # mit Santos": the talks are when she spoke, hers)
        k = before_determiners(r.tokens, trigger[0] - 1, self.lex.word_class("determiner"))
        when = f.last < k <= f.last + 4 and r.tokens[k].key in \
            self.lex.word_class("circumstance") | self.lex.word_class("after_prep")
        return (after or before) and reported and not when or source

    def _after_a_second_verb(self, r: SentenceReading, f: Found, trigger: tuple[int, int],
                             call: bool = False) -> bool:
        """"Blinken met Fidan on Saturday and urged Ankara to complete Sweden's NATO
        membership": a name after a second event's verb joined by "and"/"und" is that event's
        (a call's names end at a meeting's verb too: "… und traf dort Li Qiang")."""
        starts = r.trigger_starts + (r.meeting_starts if call else [])
        return any(trigger[1] < v < f.first and r.tokens[v - 1].key in self.lex.word_class("conjunction")
                   for v in starts)

    def _pronoun_after_and(self, r: SentenceReading, f: Found, trigger: tuple[int, int]) -> bool:
        """"hatte mit Selenskyj telefoniert und ihm seine Unterstützung versichert": a pronoun
        after "und"/"and" past the event's words is the object of the next verb, no side."""
        conjunctions = self.lex.word_class("conjunction")
        return f.mention.how == "pronoun" and f.first > trigger[1] and any(
            t.key in conjunctions for t in r.tokens[trigger[1] + 1:f.first])

    def _owner_of_a_thing(self, r: SentenceReading, f: Found, trigger: tuple[int, int]) -> bool:
        """"Im Gespräch mit Peseschkian verurteilte Putin Israels Vorgehen", "condemned
        Israel's actions": a name in the possessive before a common noun owns a thing the
        talk is about; it is no side ("Russia's talks with China", "Deutschlands Regierung",
        "Iran's delegation" are) — when two sides are left without it."""
        if f.mention.how not in ("name", "alias", "metonym"):
            return False
        tokens, noun = r.tokens, f.last + 1
        if self.lex.lang == "en":
            if not (noun + 2 < len(tokens) and tokens[noun].text in ("'", "’")
                    and tokens[noun + 1].key == "s"):
                return False
            noun += 2
            if not tokens[noun].text.islower():
                return False
        elif f.first != f.last or tokens[f.last].key == tokens[f.last].lemma \
                or not tokens[f.last].key.endswith("s") or noun >= len(tokens):
            return False  # (German: "Israels", one word inflected in the genitive)
        determiners = self.lex.word_class("determiner")
        while noun + 1 < len(tokens) and is_adjective(tokens[noun]) and tokens[noun].key not in determiners:
            noun += 1  # ("Israels brutales Vorgehen"; not "… Südkoreas eine gemeinsame Erklärung")
        # ("Canada's new prime minister": a title, whatever stands before it)
        if any(t.key in self.lex.title_starts for t in tokens[noun:noun + 3]):
            return False
        if trigger[0] <= noun <= trigger[1] or tokens[noun].key in self.lex.word_class("anchor") \
                or tokens[noun].key in self.lex.word_class("conjunction"):
            return False  # ("Japan's and South Korea's leaders")
        return owned_thing(tokens[noun], self.lex)

    def _in_the_frame(self, r: SentenceReading, f: Found, trigger: tuple[int, int]) -> bool:
        """"visited Uzbekistan as part of his trip to Central Asia and Russia", "im Rahmen
        seiner Reise nach …": names after a frame phrase that follows the event are of the
        wider journey, not its sides."""
        return any(self._frame_at(r, k) and f.first <= self._frame_end(r, k)
                   for k in range(trigger[1] + 2, f.first))

    def _frame_end(self, r: SentenceReading, k: int) -> int:
        """Where the frame phrase at `k` ends: after the places of the journey its noun goes to
        ("his eight-day trip to Central Asia and Russia", "seiner Reise nach Indien" — then
        "auch Premierminister Modi" is the verb's object again), else after its noun phrase
        ("im Rahmen seines Besuchs auch Präsident Castro")."""
        window = range(k + 1, min(len(r.tokens), k + 10))
        prep = next((j for j in window if r.tokens[j].key in self.lex.word_class("journey_prep")), None)
        if prep is None:
            return next((j for j in window if r.tokens[j].text[:1].isupper() and j > k + 1), k + 3)
        j, joiners = prep + 1, self.lex.word_class("conjunction") | {","}
        while j < len(r.tokens) and (r.tokens[j].text[:1].isupper() or r.tokens[j].key in joiners
                                     and j + 1 < len(r.tokens) and r.tokens[j + 1].text[:1].isupper()):
            j += 1
        return j - 1

    def _framed(self, r: SentenceReading, first: int) -> bool:
        """Whether a frame phrase ("as part of", "im Rahmen") stands just before `first`."""
        return any(self._frame_at(r, k) for k in range(max(1, first - 6), first))

    def _frame_at(self, r: SentenceReading, k: int) -> bool:
        return r.tokens[k].key in self.lex.word_class("frame_noun") and \
            r.tokens[k - 1].key in self.lex.word_class("frame_prep")

    def _ties_with(self, r: SentenceReading, f: Found, actors: list[Found]) -> bool:
        """"Lee, Ishiba stress trilateral cooperation with the U.S. in first phone call": the
        partner of ties that two sides named before spoke of is no side of their talks (not
        "Biden discussed cooperation with Modi": his partner)."""
        j = before_determiners(r.tokens, f.first - 1, self.lex.word_class("determiner"))
        if j < 1 or r.tokens[j].key not in ("with", "mit", "zu") or self._person(f) or \
                r.tokens[j - 1].key not in self.lex.word_class("ties_noun"):
            return False  # (a person after "with" is spoken with: "discussed relations with Xi")
        return len(self.gaz.states_of([a.mention.entity for a in actors if a.last < j - 1], r.day)) >= 2

    def _between_of_an_earlier_noun(self, r: SentenceReading, f: Found, trigger: tuple[int, int]) -> bool:
        """"The two leaders discussed peace between Russia and Ukraine and agreed to …": the
        names after "between" that follow the object of an earlier verb, before the event's
        word, are that noun's parties (not in "Talks between Russia and Ukraine ended in a deal")."""
        theirs = any(t.key in self.lex.word_class("group_possessive")
                     for t in r.tokens[trigger[0]:trigger[0] + 6])
        if f.last >= trigger[0] or clause_of(r.clauses, trigger[0]).relative or theirs:
            # ("mediated talks between Israel and Hamas, which agreed to a truce", "praised the
            # swap between Russia and Ukraine and hosted a meeting of their negotiators")
            return False
        glue = self.lex.word_class("determiner") | self.lex.word_class("conjunction") | {","}
        j = f.first - 1
        while j > 0 and (r.tokens[j].key in glue or any(g.first <= j <= g.last for g in r.found)):
            j -= 1
        noun = r.tokens[j - 1] if j > 0 else None
        if r.tokens[j].key not in self.lex.word_class("between") or noun is None or not noun.is_word \
                or (self.lex.lang == "de" and not noun.capitalized):
            return False
        start = clause_of(r.clauses, j).first
        return any(self._told_verb(r.tokens, i) for i in range(start, j - 1))

    def _told_verb(self, tokens: list[Token], i: int) -> bool:
        """A verb surely told as done: an English past, a German weak past ("diskutierten")
        or a strong one the lexicon lists ("sprachen") — not any lower-case word."""
        token = tokens[i]
        if not token.is_word or not finite_verb(tokens, i, self.lex) or is_adjective(token):
            return False
        return token.key in self.lex.word_class("irregular_past") or (
            token.key.endswith(("te", "ten") if self.lex.lang == "de" else "ed"))

    def _of_another_event(self, r: SentenceReading, f: Found, trigger: tuple[int, int]) -> bool:
        """"Nach einem ersten Gespräch mit Putin hatte Macron mit Selenskyj telefoniert": a
        name after "mit"/"with" that follows another event noun is a side of that event."""
        j = f.first - 1
        while j >= 0 and (r.tokens[j].key in self.lex.word_class("determiner")
                          or is_adjective(r.tokens[j])):
            j -= 1
        if j < 1 or r.tokens[j].key not in ("mit", "with", "to"):
            return False
        noun = j - 1
        # "called Zelensky after speaking with Putin": a gerund after "after" is another
        # event, even inside a gapped pattern ("called … with"); not the trigger itself
        # ("made the remarks when meeting with Bhutan's foreign minister")
        own = trigger[0] <= noun - 1 <= trigger[0] + 1 or noun == trigger[0]
        if r.tokens[noun].key.endswith("ing") and not own and \
                r.tokens[noun - 1].key in self.lex.word_class("circumstance_start"):
            return True
        # "a telephone conversation with X": the noun of the trigger itself
        return not trigger[0] <= noun <= trigger[1] + 2 and r.tokens[j].key != "to" and \
            r.tokens[noun].key in self.lex.word_class("anchor")

    def _support_kinds(self, r: SentenceReading, clause: Clause,
                       trigger: tuple[int, int]) -> tuple[str, ...]:
        """What is supplied, from the trigger's clause (or the sentence if the clause says
        nothing): weapons, troops, money, access, energy, humanitarian goods, training, else
        aid as such. "as Russia
        pounded Ukraine's energy infrastructure" is a clause of its own, whatever it names."""
        last = next((i - 1 for i in range(clause.first + 1, clause.last + 1)
                     if r.tokens[i].key in ("as", "als") and any(
                         f.actor and i < f.first <= i + 2 for f in r.found)), clause.last)
        # (the sentence, but not what it says might happen: "… if Hezbollah armed itself")
        told = next((c.first for c in r.clauses if c.first > clause.last
                     and r.tokens[c.first].key in self.lex.word_class("condition")), len(r.tokens))
        for start, span in ((clause.first, r.tokens[clause.first:last + 1]), (0, r.tokens[:told])):
            forms = sentence_forms(span)
            verb = (trigger[0] - start, trigger[1] - start)
            kinds = self._kinds_named(span, forms)
            if "money" in kinds and len(kinds) > 1 and (
                    self._money_is_a_value(span, forms) or self._money_only_in(span, forms, verb)):
                kinds = tuple(k for k in kinds if k != "money")
            if "money" in kinds and len(kinds) > 1:
                kinds = self._money_for_purchases(span, forms, kinds)
            if "training" in kinds and len(kinds) > 1:  # "auszubilden und auszurüsten": one pledge
                kinds = tuple(k for k in kinds if k != "training")
            if "vehicles" in kinds and len(kinds) > 1:  # "200 trucks of food aid": the food
                kinds = tuple(k for k in kinds if k != "vehicles")
            if kinds:
                return kinds
        # "airlifted aid to Turkey": aid of no named kind, told in the verb's own clause
        # (not "technische Hilfe", "technical aid": advice)
        aid, advice = self.lex.word_class("generic_aid"), self.lex.word_class("advisory_modifier")
        return ("aid",) if any(r.tokens[i].key in aid and (i == 0 or r.tokens[i - 1].key not in advice)
                               for i in range(clause.first, last + 1)) else ()

    def _kinds_named(self, span: list[Token], forms: str) -> tuple[str, ...]:
        """The kinds of goods a span names; not a vehicle that carries them ("a plane carrying
        tents": the tents) nor a kind beside a negation ("politisch, aber nicht militärisch")."""
        negation = self.lex.word_class("kind_negation")
        not_after = self.lex.word_class("carrier_word") | negation
        return tuple(k for k, patterns in self.lex.support_kinds.items()
                     if any((b + 1 >= len(span) or span[b + 1].key not in not_after)
                            and (a == 0 or span[a - 1].key not in negation)
                            for p in patterns for a, b in p.find(span, forms)))

    def _goods_right_after(self, r: SentenceReading, last: int) -> bool:
        """What "with" introduces is supplied only when its noun phrase, up to the next
        preposition, names a kind of goods ("with 4.5 billion dollars in budget support", "with
        drones and advisers"; not "with its bid for EU membership")."""
        stop = self.lex.word_class("block_prep")
        end = next((i for i in range(last + 1, min(len(r.tokens), last + 9))
                    if r.tokens[i].key in stop or r.tokens[i].text in (",", ";", ":")), last + 9)
        span = r.tokens[last + 1:end]
        if any(t.key in self.lex.word_class("purchase_noun") for t in span):
            return False  # "backed Russia with record energy purchases": it buys
        return bool(self._kinds_named(span, sentence_forms(span)))

    def _sent_to_a_border(self, r: SentenceReading, clause: Clause, last: int) -> bool:
        """Troops sent "to the border", "an die Grenze", with no side named after the verb: a
        state guarding its own border supplies no one."""
        borders = self.lex.word_class("border_noun")
        if any(f.actor and f.first > last and clause.first <= f.first <= clause.last for f in r.found):
            return False  # "sent 400 police officers to Haiti to help secure the border"
        return any(r.tokens[i].key in borders and r.tokens[i - 1].key in self.lex.word_class("determiner")
                   for i in range(last + 1, clause.last + 1))

    def _money_for_purchases(self, span: list[Token], forms: str, kinds: tuple[str, ...]) -> tuple[str, ...]:
        """"a $500 million credit line to fund its fuel purchases", "a loan for the acquisition
        of patrol vessels", "Kredite zur Finanzierung von Gasimporten": money given to pay for
        something; what it pays for is not supplied besides."""
        purpose = next((i for i in range(1, len(span)) if span[i].key in self.lex.word_class(
            "purchase_purpose") and (self.lex.lang == "de" or span[i - 1].key in ("to", "the", "for"))), None)
        if purpose is None:
            return kinds
        before = sentence_forms(span[:purpose + 1])
        return tuple(k for k in kinds if k == "money" or any(
            p.find(span[:purpose + 1], before) for p in self.lex.support_kinds[k]))

    def _money_only_in(self, span: list[Token], forms: str, verb: tuple[int, int]) -> bool:
        """"financed artillery shells": the verb tells how the shells were paid for; what is
        supplied are the shells, not money besides. Only the verb's own first or last word
        counts: a gapped pattern ("sagte … Finanzhilfen … zu") holds what it supplies inside."""
        return all(a in (verb[0], verb[1]) for p in self.lex.support_kinds["money"]
                   for a, _ in p.find(span, forms))

    def _money_is_a_value(self, span: list[Token], forms: str) -> bool:
        """"2.7 billion euros in military aid", "Rüstungspaket im Wert von 2,7 Milliarden
        Euro": the sum is what the other supply is worth, not a supply of money besides."""
        matches = [(a, b) for p in self.lex.support_kinds["money"] for a, b in p.find(span, forms)]
        currency = self.lex.word_class("currency")
        if any(span[a].key not in currency for a, _ in matches):
            return False  # "Finanzhilfen …", "in loans": money is supplied as such
        if any(t.key in self.lex.word_class("value_marker") for t in span):
            return True
        # "2.7 billion euros in military aid", "a $1.85 billion military aid package": the
        # sum qualifies the supply after it ("1 billion euros and 50 tanks" are two)
        return any(self._qualifies(span, b) for _, b in matches)

    @staticmethod
    def _qualifies(span: list[Token], b: int) -> bool:
        j = b + 1
        while j < len(span) and (span[j].key[:1].isdigit() or span[j].key in SCALE_WORDS
                                 or span[j].text in (".", ",") and span[j - 1].key[:1].isdigit()):
            j += 1
        # (German nouns are capitalized: "500 Millionen Euro Militärhilfe")
        return j < len(span) and (span[j].key in ("in", "of") or (
            span[j].is_word and span[j].key not in ("and", "und")))

    def _treaty(self, r: SentenceReading) -> str | None:
        return next((f.mention.entity for f in r.found
                     if self.gaz.entities[f.mention.entity].kind == "treaty"), None)

    def _topic(self, r: SentenceReading, clause: Clause, trigger: Trigger, first: int,
               last: int) -> str | None:
        """The words after the trigger, up to a clause that turns to something else
        ("…, während Russland …", "…, a U.S. official said"): what is demanded, agreed or
        supplied. A German demand ending its clause says it before ("hat Putin zu einem
        Friedensvertrag aufgerufen"): the words between the last name and the verb."""
        agents = self.lex.word_class("passive_agent")  # (not "fordert von der Türkei …")
        by = last if r.tokens[last].key in agents else last + 1
        if trigger.type is EventType.AGREEMENT and by < len(r.tokens) and r.tokens[by].key in agents \
                and self._names_the_signers(r, clause, by):
            return None  # "The agreement was signed by MBS and Sharif": who signed, not what
        ends_clause = last >= min(clause.last, len(r.tokens) - 1) or not r.tokens[last + 1].is_word
        complement = self._complement_start(r.tokens, last)  # "verlangt, dass …" says it after
        if self.lex.lang == "de" and ends_clause and trigger.type is EventType.DEMAND and (
                complement is None or complement > last + 2):
            names = [f.last for f in r.found if clause.first <= f.last < first]
            start = max(names) + 1 if names else clause.first
            while start < first and r.tokens[start].key in self.lex.word_class("perfect_aux"):
                start += 1  # "Kim habe die Aufhebung … verlangt"
            if first - start >= 2:
                text = r.sentence.text[r.tokens[start].start - r.sentence.start:
                                       r.tokens[first - 1].end - r.sentence.start]
                return " ".join(text.split()).strip(" ,.;:–-\"“”„")[:200] or None
        end = len(r.tokens)
        for c in r.clauses:
            if c.first > last and (c.relative or r.tokens[c.first].key in self.lex.word_class("contrast")
                                   or not c.complement and c.first > clause.last):
                end = c.first
                break
        # ("bat Takaichi, eine Eskalation zu vermeiden": a match that runs past a comma
        # holds what is asked after it)
        commas = [i for i in range(first, last + 1) if r.tokens[i].text == ","]
        if self._only_circumstance(r.tokens, (commas[-1] if commas else last) + 1, end):
            return None  # "signed the deal on Friday with Cambodia's Interior Minister Sar Kheng"
        start = r.tokens[commas[-1] if commas else last].end - r.sentence.start
        stop = r.tokens[end - 1].end - r.sentence.start if end > last + 1 else start
        text = " ".join(r.sentence.text[start:stop].split()).strip(" ,.;:–-\"“”„")  # (a wrapped line's break)
        return text[:200] or None

    def _only_circumstance(self, tokens: list[Token], begin: int, end: int) -> bool:
        """Whether the words after a trigger tell only when and with whom ("on Friday with
        Cambodia's Interior Minister"), not what was agreed, asked or given."""
        days = calendar_words(self.lex.lang)
        k, before = begin, -1
        while k != before:  # ("with Haiti on Friday" too)
            before = k
            if k + 1 < end and tokens[k].key in ("on", "am") and tokens[k + 1].key in days:
                k += 2
            if k < end and tokens[k].key in ("with", "mit"):
                k = next((i for i in range(k + 1, end) if tokens[i].key in ("on", "am") or not (
                    tokens[i].capitalized or not tokens[i].is_word or tokens[i].key == "s"
                    or tokens[i].key in self.lex.word_class("determiner"))), end)
        return k > begin and all(not t.is_word for t in tokens[k:end])

    def _names_the_signers(self, r: SentenceReading, clause: Clause, by: int) -> bool:
        """Whether "by"/"von" at `by` names who signed: after a passive auxiliary ("wurde von
        … unterzeichnet"), or, in English, a side right after it ("the declaration signed by
        President Aliyev"); not "agreed by phone", "die Vereinbarung von Russland und …"."""
        if any(t.key in self.lex.word_class("passive_aux") for t in r.tokens[clause.first:by]):
            return True
        return self.lex.lang == "en" and any(f.actor and by < f.first <= by + 3 for f in r.found)

    def _content_offset(self, r: SentenceReading, kind: EventType, last: int) -> int | None:
        """Where what a demand asks or an agreement settles begins (a character offset in
        the sentence), or None for other events."""
        if kind not in (EventType.DEMAND, EventType.AGREEMENT):
            return None
        start = self._complement_start(r.tokens, last)  # ("agreed on Monday to …": to, not on)
        if start is None or r.tokens[start].key not in self.lex.word_class("complement_marker"):
            return None
        start = self._from_the_comma(r, start, last)  # "forderte X auf, bis Montag … abzuziehen"
        return r.tokens[start].start - r.sentence.start

    def _from_the_comma(self, r: SentenceReading, start: int, trigger: int) -> int:
        """German puts an infinitive's "zu" last ("bat Biden, beim Gipfel über Kampfjets zu
        sprechen"): what is asked begins at the comma that opens its clause."""
        own = clause_of(r.clauses, start)
        if self.lex.lang == "de" and own.first > trigger and r.tokens[own.first - 1].text == "," \
                and self._zu_infinitive(r.tokens[own.first:own.last + 1]):
            return min(start, own.first)
        return start  # (not "…, bei Telefonaten zu Friedensschritten auf": a noun after "zu")

    def _zu_infinitive(self, tokens: list[Token]) -> bool:
        """"zu sprechen", "abzugeben": a German infinitive with its "zu" (not "zu einer Waffenruhe")."""
        determiners = self.lex.word_class("determiner")
        return any(t.key == "zu" and i + 1 < len(tokens) and tokens[i + 1].is_word
                   and not tokens[i + 1].capitalized and tokens[i + 1].key not in determiners
                   or SEPARABLE_ZU.match(t.key) for i, t in enumerate(tokens))

    def _date(self, r: SentenceReading, clause: Clause, first: int,
              content: int | None = None) -> FuzzyDate | None:
        """The date nearest the trigger in its clause, else in the sentence's other clauses
        that can speak of it — but the date of a reporting clause ("acknowledged on Saturday
        that it had supplied …") is when it was said, not when it happened, a date in a
        relative clause or a fronted circumstance ("Following Yoon's decision in March, …",
        ", which Seoul scrapped in 2019") is another event's, and one in what a demand asks
        or an accord settles ("urged Beijing to abide by the July 12, 2016 award", "agreed to
        meet on Monday") is its content's."""
        # (a treaty's year is `_treaty_year`'s: "met on Thursday and recalled the 1965 treaty")
        dates = [d for d in r.dates if (content is None or d.start < content) and d.treaty_at < 0]
        if not dates:
            return None
        anchor = r.tokens[first].start - r.sentence.start

        def in_clause(d: DateMention, c: Clause) -> bool:
            # overlapping, not only starting inside: "…, a day after they agreed" reaches
            # into the clause that "after" opens
            return d.start <= r.tokens[c.last].end - r.sentence.start and \
                d.end > r.tokens[c.first].start - r.sentence.start

        inside = [d for d in dates if in_clause(d, clause)]
        if clause.complement and not inside:
            return None
        others = [c for c in r.clauses if c is not clause and (clause.relative or not c.relative)
                  and r.tokens[c.first].key not in self.lex.word_class("circumstance_start")]
        pool = inside or [d for d in dates if any(in_clause(d, c) for c in others)]
        return min(pool, key=lambda d: abs(d.start - anchor)).date if pool else None

    def _treaty_year(self, r: SentenceReading, trigger: Trigger, first: int, last: int) -> FuzzyDate | None:
        """An accord or annexation with no date of its own told with its year ("the 1974
        disengagement agreement between Israel and Syria", "das Abkommen von 1974", "Israel's
        1981 annexation of the Golan"): that year, when the noun is the trigger's word."""
        if trigger.type not in (EventType.AGREEMENT, EventType.TERRITORIAL_CLAIM):
            return None
        span = (r.tokens[first].start - r.sentence.start, r.tokens[last].end - r.sentence.start)
        return next((d.date for d in r.dates if span[0] <= d.treaty_at < span[1]), None)

    def _place(self, r: SentenceReading) -> str | None:
        for f in r.found:
            if f.mention.how == "place":
                return f.mention.entity
        return None

    def _definite(self, r: SentenceReading, first: int) -> bool:
        """"das Telefonat", "the agreement": a noun trigger right after a definite article
        (adjectives may stand between); "the two met" is not one, nor "talked on the
        phone", where the article belongs to the medium ("the 20-minute phone call" is one)."""
        nxt = r.tokens[first + 1].key if first + 1 < len(r.tokens) else ""
        if r.tokens[first].key in self.lex.word_class("call_medium") and nxt not in ("call", "calls"):
            return False
        j = first - 1
        definite = self.lex.word_class("definite")
        while j >= 0 and (r.tokens[j].text == "-" or r.tokens[j].text.isdigit() or r.tokens[j].is_word
                          and r.tokens[j].text.islower()) and r.tokens[j].key not in definite:
            compound = j > 0 and r.tokens[j - 1].text == "-"  # ("20-minute")
            if r.tokens[j].is_word and not r.tokens[j].text.isdigit() and not compound \
                    and not _looks_attributive(r.tokens[j]):
                return False
            j -= 1
        is_noun = r.tokens[first].capitalized if self.lex.lang == "de" else True
        return j >= 0 and r.tokens[j].key in definite and is_noun

    def _group(self, r: SentenceReading, first: int, subject_only: bool = False) -> str | None:
        """"beide Länder" → states; "beide Staatsoberhäupter", "the two leaders" → leaders;
        "beide Seiten", "the two" → sides: who is meant comes from what was told before
        (`subject_only`: told before the trigger)."""
        keys = [t.key for t in (r.tokens[:first] if subject_only else r.tokens)]
        groups = self.lex.word_class("group")
        owner = next((i for i in range(max(0, first - 4), first)
                      if keys[i] in self.lex.word_class("group_possessive")), None)
        if owner is not None and not {"to", "zu"} & set(keys[owner:first]):
            return "sides"  # "since their October 2024 meeting in Kazan" ("their efforts to
            # reach a deal" is not the deal's)
        # "Parties agreed to …", "Die Seiten einigten sich": the sides told before
        opening = next((i for i, t in enumerate(r.tokens) if t.is_word), len(keys))
        while opening < first and keys[opening] in self.lex.word_class("determiner"):
            opening += 1
        # (the whole subject: not "Die Parteien der Ampel", "Parties in the Bundestag")
        whole = not any(k in self.lex.word_class("determiner") or k in self.lex.word_class("preposition")
                        for k in keys[opening + 1:first])
        if opening < first and keys[opening] in self.lex.word_class("sides_noun") and whole:
            return "sides"
        leaders, definite = self.lex.word_class("plural_leaders"), self.lex.word_class("definite")
        # (not "In Riad vereinbarten die Staatschefs der Golfstaaten …": leaders of others)
        genitive = first + 3 < len(keys) and keys[first + 3] in ("der", "des")
        if first >= 2 and keys[first - 1] in leaders and keys[first - 2] in definite or \
                self.lex.lang == "de" and first + 2 < len(keys) and keys[first + 1] in definite \
                and keys[first + 2] in leaders and not genitive:
            return "the leaders"  # "Die Staatschefs vereinbarten …", "The leaders agreed …"
        quoted = self._quoted_span(r, first)
        for i, key in enumerate(keys):
            if i in quoted:
                continue  # "„Wir glauben beide …“, sagte sie nach Gesprächen mit Lula"
            # "the two", and "Two sides agreed" opening a sentence
            two = key == "two" and (i > 0 and keys[i - 1] == "the" or i == 0 and len(keys) > 1 and (
                keys[1] in self.lex.word_class("sides_noun") | self.lex.word_class("group_states")
                | self.lex.word_class("group_leaders")))
            if key not in groups and not two:
                continue
            if key == "both" and i + 1 < len(keys) and r.tokens[i + 1].capitalized:
                continue  # "both Moscow and Kyiv" lists names, it does not refer back
            following = set(keys[i + 1:i + 3])
            if following & self.lex.word_class("group_states"):
                # "the leaders of the two countries", "die Staatschefs beider Länder": the leaders
                # of the talks just told (else, as of "the two countries", the states)
                leaders_of = set(keys[max(0, i - 3):i]) & self.lex.word_class("group_leaders")
                return "leaders of states" if leaders_of else "states"
            if following & self.lex.word_class("group_presidents"):
                return "presidents"  # "die beiden Präsidenten": not the prime minister told with them
            if following & self.lex.word_class("group_leaders"):
                return "leaders"
            return "sides"
        return None

    @staticmethod
    def _quoted_span(r: SentenceReading, outside: int) -> range:
        """The tokens of a quotation that opens the sentence, when `outside` is not in it."""
        if not r.tokens or r.tokens[0].text not in QUOTE_MARKS:
            return range(0)
        closing = next((i for i in range(1, len(r.tokens)) if r.tokens[i].text in QUOTE_MARKS), None)
        return range(1, closing) if closing is not None and outside > closing else range(0)

    def anchored(self, r: SentenceReading) -> bool:
        """Whether the sentence speaks of a call or meeting ("im Gespräch", "the talks")."""
        return any(t.key in self.lex.word_class("anchor") for t in r.tokens)

    def _addressed_group(self, r: SentenceReading, clause: Clause, first: int, last: int) -> int:
        """How many sides a demand's object like "both countries", "die drei Staaten", "beide
        Seiten" stands for, inside the match or right after it ("called on Congress to approve
        aid for both countries" asks Congress); else 0."""
        nouns = self.lex.word_class("group_states") | self.lex.word_class("sides_noun")
        for i in range(first + 1, min(last + 4, clause.last + 1, len(r.tokens) - 1)):
            if r.tokens[i].key in GROUP_SIZES and i + 1 < len(r.tokens) and r.tokens[i + 1].key in nouns:
                return GROUP_SIZES[r.tokens[i].key]
        return 0

    def _group_subject(self, r: SentenceReading, clause: Clause, first: int) -> int:
        """How many sides a subject like "die drei Regierungen", "the two leaders" stands
        for, when no name comes before the trigger in its clause; else 0."""
        nouns = self.lex.word_class("group_states") | self.lex.word_class("group_leaders")
        if any(f.actor and clause.first <= f.first < first for f in r.found):
            return 0
        if self._they(r, clause, first):
            return ANY_GROUP  # "forderten sie Putin auf", "They urged Iran to …": those told before
        for i in range(clause.first, first - 1):
            if r.tokens[i].key in GROUP_SIZES and r.tokens[i + 1].key in nouns:
                return GROUP_SIZES[r.tokens[i].key]
        # "Beide forderten Israel auf", "Both urged Iran to …", "The two urged …": the pronoun
        # alone, right before the verb
        before = [t.key for t in r.tokens[clause.first:first] if t.is_word]
        pair = self.lex.word_class("group") | {"two"}
        if before and before[-1] in pair and len(before) <= 2 and (
                len(before) == 1 or before[0] in self.lex.word_class("definite")):
            return 2
        return 0

    def _they(self, r: SentenceReading, clause: Clause, first: int) -> bool:
        """A plural "sie"/"they" as the subject: German puts it right after a plural verb
        ("forderten sie"), English right before the verb."""
        if self.lex.lang == "de":
            return first + 1 < len(r.tokens) and r.tokens[first + 1].text == "sie" and \
                r.tokens[first].key.endswith("en")
        return first > clause.first and r.tokens[first - 1].key == "they"

    def _caller(self, r: SentenceReading, trigger: Trigger, actors: list[Found],
                first: int, last: int) -> str | None:
        """The one side that calls several others named after "mit"/"with" ("telefonierte
        Trump mit Moon und Abe", "spoke with Trump and then with Biden"): each is its own
        call, unless it is a conference or said to be joint."""
        if trigger.type is EventType.AGREEMENT and any(
                t.key in self.lex.word_class("relations") for t in r.tokens[first:]):
            return self._partner_of_each(r, actors, first)  # "agreed to establish ties with"
        if trigger.type is EventType.AGREEMENT and any(
                t.key in self.lex.word_class("plural_accord") for t in r.tokens[first:last + 1]) and not any(
                t.key in self.lex.word_class("joint") for t in r.tokens):  # not "trilateral", "joint"
            return self._one_with_each(r, actors, first)
        separate = any(t.key in self.lex.word_class("separately") for t in r.tokens)
        if trigger.type is EventType.MEETING and not separate:
            return None  # "met Macron and Biden": one meeting of three, unless "separate talks"
        if trigger.type not in TALKS or "conference" in \
                trigger.flags or any(t.key in self.lex.word_class("joint") for t in r.tokens):
            return None
        with_at = next((i for i in range(first, len(r.tokens))
                        if r.tokens[i].key in ("mit", "with")), None)
        if with_at is None and self.lex.lang == "de":
            # "…, Putin habe mit Aliyev und Sargsjan telefoniert": the verb comes last
            clause = clause_of(r.clauses, first)
            with_at = next((i for i in range(clause.first, first) if r.tokens[i].key == "mit"), None)
            if with_at is not None:
                actors = [f for f in actors if clause.first <= f.first < first]
        if with_at is None:
            # "briefed Moon and Abe by telephone", "informierte A und B telefonisch": the
            # subject calls each of the objects the call is the manner of
            # ("called Ghani and Hasina": the subject phoned each of them)
            # ("phoned Aliyev and Sargsyan", "rief Aliyev und Sargsjan an": a verb whose object
            # is called; "rief A und B bei Telefonaten zu … auf": calls, one with each)
            if not (first > 0 and r.tokens[first - 1].key in self.lex.word_class("call_manner")
                    or r.tokens[first].key in self.lex.word_class("call_manner")
                    or r.tokens[first].key in self.lex.word_class("transitive_call")
                    or r.tokens[first].key in self.lex.word_class("plural_call")
                    or "callee" in trigger.flags):
                return None
            if len(self.roles.coordinated(actors, r)) > 1:
                return None  # "Scholz, Macron und Biden berieten telefonisch": one call of all
            callers = {f.mention.entity for f in actors[:1]}
            called = {f.mention.entity for f in actors[1:]}
        else:
            # ("Egypt's Sisi speaks with Erdogan, Assad": one side by two names calls)
            before = [f.mention.entity for f in actors if f.last < with_at]
            callers = {before[-1]} if len(self.gaz.states_of(before, r.day)) == 1 else set(before)
            called = {f.mention.entity for f in actors if f.first > with_at}
        return next(iter(callers)) if len(callers) == 1 and len(called) >= 2 else None

    def _one_with_each(self, r: SentenceReading, actors: list[Found], first: int) -> str | None:
        """"Ähnliche Vereinbarungen schloss die US-Regierung auch mit Ecuador, Guatemala und
        El Salvador": accords in the plural, one side before "mit"/"with" and several after
        it, are one accord with each of them."""
        clause = clause_of(r.clauses, first)
        joined = next((i for i in range(first, clause.last + 1) if r.tokens[i].key in ("mit", "with")), None)
        if joined is None:
            return None
        before = {f.mention.entity for f in actors
                  if f.last < joined and clause_of(r.clauses, f.first) is clause}
        partners = self.roles.coordinated([f for f in actors if f.first > joined], r)
        return next(iter(before)) if len(before) == 1 and len(partners) >= 2 else None

    def _partner_of_each(self, r: SentenceReading, actors: list[Found], first: int) -> str | None:
        """"die Emirate, Bahrain und der Sudan … Beziehungen zu Israel": the one side after
        "with"/"zu"/"mit", when two or more come before the trigger, pairs with each of them."""
        joined = next((i for i in range(first, len(r.tokens))
                       if r.tokens[i].key in ("mit", "with", "zu", "to")), None)
        if joined is None:
            return None
        before = {f.mention.entity for f in actors if f.last < first}
        partners = {f.mention.entity for f in actors if f.first > joined}
        return next(iter(partners)) if len(partners) == 1 and len(before) >= 2 else None

    def _background(self, r: SentenceReading, clause: Clause, first: int, kind: EventType) -> bool:
        """Said again and again ("immer wieder", "repeatedly") or before the story's time
        (a pluperfect auxiliary in the trigger's clause: "hatte … verlangt", "had urged"); a
        supply that goes on ("liefert seit 2022", "has provided … since 2015", "still")."""
        keys = {t.key for t in r.tokens[clause.first:clause.last + 1]}
        auxiliaries = {t.key for t in r.tokens[clause.first:first]}
        # ("ist größter Lieferant", "Iran unterstützt Russland mit Waffen, während Russland
        # Iran Zugang gewährt": a role, a state, told anywhere in the sentence)
        ongoing = kind is EventType.SUPPORT and bool(
            keys & self.lex.word_class("ongoing") or self._since_a_date(r, clause)
            or {t.key for t in r.tokens} & self.lex.word_class("ongoing_supply")
            or self._english_present(r, first))
        return bool(keys & self.lex.word_class("habitual") or ongoing
                    or auxiliaries & self.lex.word_class("pluperfect") or self._for_long(r, clause, first)
                    or kind is EventType.TERRITORIAL_CLAIM and self._claims_in_present(r, clause, first))

    def _claims_in_present(self, r: SentenceReading, clause: Clause, first: int) -> bool:
        """"India and Pakistan each lay claim to Kashmir", "Marokko beansprucht die
        Westsahara": a claim told in the present is held, not made that day; a headline's
        present tells the day's news, and "hat … beansprucht" an act."""
        verb = r.tokens[first]
        if r.sentence.index == 0 or verb.key not in self.lex.word_class("claim_present"):
            return False
        noun = first > 0 and r.tokens[first - 1].key in self.lex.word_class("determiner")  # "its claims"
        act = {t.key for t in r.tokens[clause.first:first]} & self.lex.word_class("perfect_aux")
        return not noun and not act

    def _for_long(self, r: SentenceReading, clause: Clause, first: int) -> bool:
        """"fordert seit Jahrzehnten", "has for years demanded": a standing position, not
        an act of the story's day ("pledged to pay … a year for four years" is one act:
        English tells the standing with "for" before the verb)."""
        spans = self.lex.word_class("long_span")
        since = self.lex.word_class("since_duration")
        return any(r.tokens[i].key in since and (self.lex.lang == "de" or i < first)
                   and any(u.key in spans for u in r.tokens[i + 1:i + 4])
                   for i in range(clause.first, clause.last + 1))

    @staticmethod
    def _since_a_date(r: SentenceReading, clause: Clause) -> bool:
        """"has supplied drones since 2022": "since" opens a clause of its own, which goes on
        the trigger's (not "since Kyiv needs them", a cause)."""
        after = r.tokens[clause.last + 1:clause.last + 3]
        return len(after) == 2 and after[0].key in ("since", "seit") and (
            after[1].key[:1].isdigit() or after[1].key in ("then", "dem", "der"))

    def _english_present(self, r: SentenceReading, first: int) -> bool:
        """"Iran supplies drones to Russia", "is supplying": an English supply verb in the
        present tells what goes on; "pledges", "announces" tell an act of the day, and so
        does a headline ("US sends Patriot battery to Ukraine")."""
        # (a headline tells without "officials said"; a report of the state of things does)
        reported = any(t.key in self.lex.word_class("speech_verb") or t.key == "according" for t in r.tokens)
        if self.lex.lang != "en" or (r.sentence.index == 0 and not reported):
            return False
        verb = r.tokens[first]
        if verb.key in self.lex.word_class("act_verb") or not verb.text.islower():
            return False
        progressive = verb.key.endswith("ing") and first > 0 and r.tokens[first - 1].key in ("is", "are")
        # a verb right after its subject ("Iran supplies", "Iran also supplies"), not a plural
        # noun ("arms deliveries", "loans to Kyiv")
        adverb = first > 0 and (r.tokens[first - 1].key in self.lex.word_class("verb_adverb")
                                or r.tokens[first - 1].key.endswith("ly"))
        subject = any(f.actor and f.last in (first - 1, first - 2 if adverb else first - 1)
                      for f in r.found)
        return progressive or subject and verb.key.endswith("s") and verb.lemma != verb.key

    def aid_conference_for(self, r: SentenceReading) -> list[str]:
        """The states a donors' conference is held for ("bei einer internationalen Konferenz
        zum Sudan", "die Geberkonferenz für den Jemen", "a pledging conference for Syria",
        "the Sudan conference"): the side what is pledged there goes to."""
        nouns = self.lex.word_test("aid_conference")
        preps = self.lex.word_class("aid_conference_prep")
        determiners = self.lex.word_class("determiner")
        out = []
        for f in r.found:
            if self.gaz.entities[f.mention.entity].kind != "state" or f.first == 0:
                continue
            j = before_determiners(r.tokens, f.first - 1, determiners)
            # (not a press conference: "a news conference on Iran")
            for_it = j > 0 and r.tokens[j].key in preps and nouns(r.tokens[j - 1]) and not (
                j > 1 and r.tokens[j - 2].key in self.lex.word_class("press_word"))
            compound = f.last + 2 < len(r.tokens) and r.tokens[f.last + 1].text == "-" \
                and nouns(r.tokens[f.last + 2])  # "die Sudan-Konferenz"
            named_before = f.last + 1 < len(r.tokens) and nouns(r.tokens[f.last + 1]) \
                and self.lex.lang == "en"  # "the Sudan conference"
            if for_it or compound or named_before:
                out.append(f.mention.entity)
        return out

    def told_earlier(self, r: SentenceReading) -> bool:
        """The sentence's main verb is a pluperfect ("Ungarn hatte … übernommen", "had
        taken over"): what it dates happened before the story. An auxiliary needs its
        participle: "hatte am Dienstag ein Gespräch", "had talks" are simple pasts."""
        if not r.clauses:
            return False
        words = [t for t in r.tokens[r.clauses[0].first:r.clauses[0].last + 1] if t.is_word]
        at = next((i for i, t in enumerate(words) if t.key in self.lex.word_class("pluperfect")), None)
        if at is None:
            return False
        if self.lex.lang == "de":  # the participle ends the clause: "übernommen", "eingetroffen"
            last = words[-1]
            return last.text.islower() and last.key.endswith(("t", "en"))
        rest = [t for t in words[at + 1:] if not t.key.endswith("ly")
                and t.key not in self.lex.word_class("negation_word")]
        return bool(rest) and (rest[0].key.endswith(("ed", "en")) or rest[0].key in self.lex.word_class(
            "irregular_participle"))

    def _same_day(self, r: SentenceReading) -> bool:
        keys = [t.key for t in r.tokens]
        return any(k in self.lex.word_class("same_day") and nxt in ("tag", "day")
                   for k, nxt in zip(keys, keys[1:], strict=False))


def _looks_attributive(token: Token) -> bool:
    return is_adjective(token) or token.key.endswith(("ige", "igen", "ische", "ischen", "liche",
                                                       "lichen", "ary", "al", "ful"))

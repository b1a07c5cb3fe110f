"""Linking what sentences say into the article's events.

News repeats itself: the headline, the lead and the body report the same call; "Der Kreml
bestätigte das Telefonat" is that call again, not a second one. Events of one article are
therefore merged when they have the same type and the same sides (a leader counts as the
state they lead), and sentences that only refer back ("the agreement", "beide Länder") are
completed from what came before.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from geokg.extract.events import ANY_GROUP, MULTI_SIDED, TALKS, Candidate
from geokg.extract.gazetteer import Gazetteer
from geokg.extract.model import Event, EventType, FuzzyDate, Precision, Sentence

INFERRED_CONFIDENCE = 0.7
TALKS_WINDOW = 6  # sentences: how far after talks an accord told without its partner is theirs
#: How long before the story's day a dated talk is another occasion than an undated one.
LONG_BEFORE = dt.timedelta(days=180)
INHERIT_WINDOW = 2  # sentences: an undated event continues a dated one told this close before
#: How many sentences on a story still speaks of the talks it opened with.
STORY_REACH = 6
RECENT_DAYS = 31  # a date this close before publication is the story's time, not background
STORY_SIDE_MENTIONS = 3  # how often a story names a side for it to be the story's other side


class Discourse:
    def __init__(self, gazetteer: Gazetteer, published: dt.date | None,
                 dateline: FuzzyDate | None = None, generic_topic: frozenset[str] = frozenset()):
        self.gaz = gazetteer
        #: stems every accord's topic may share ("cooperation", "Beziehungen"): no sign of one accord
        self.generic_stems = {w[:6] for w in generic_topic}
        self.published = published
        self.dateline = dateline  # "MOSCOW, JAN 23 -": the day the story is told from
        self.on = published or dt.date.today()
        self.events: list[Event] = []
        self.actors: list[str] = []  # entity keys of sides, in reading order
        self.sentence_actors: list[list[str]] = []
        self.sentence_openers: list[list[str]] = []  # the sides a sentence begins with
        self.mentioned: list[str] = []  # every entity named so far, in reading order
        self.sentences: list[SentenceContext] = []
        self.background_sentences: set[int] = set()  # habitual or pluperfect ("hatte … verlangt")
        self.addressed_to_many: list[Event] = []  # demands made of allies, partners, …
        self.generic_talks: list[Event] = []  # meetings read from "talks", "beraten", …
        self.continuing_sentences: set[int] = set()  # "also", "separately", "ebenfalls": adds to the story
        self.pending_claims: list[Candidate] = []  # "vier Regionen", not yet named
        self.chained_sentences: set[int] = set()  # "am Tag danach": dated from a day told before
        #: demands with the one other side their sentence names (`_named_addressees`); the
        #: event itself is kept, not its id, which a merged and freed event could pass on
        self.named_addressees: list[tuple[Event, list[str]]] = []
        #: receivers of supplies whose givers are named by no name ("Arabische Länder sichern
        #: Ägypten Milliarden zu"): whom the story's supplies go to
        self.story_receivers: set[tuple[str, ...]] = set()
        #: supplies the story's side may receive (`_receivers_from_salience`)
        self.goods_given: list[Event] = []

    def saw_sentence(self, sentence: Sentence, actors: list[str], mentioned: list[str],
                     dates: list[FuzzyDate], anchored: bool, opening: list[str] | None = None,
                     earlier: bool = False, continuing: bool = False, chained: bool = False,
                     receiving: list[str] | None = None) -> None:
        """Record what a sentence named: sides (for "beide"/"the two"), all entities (for
        "the territory"), its dates and whether it speaks of a call or meeting ("im
        Gespräch") — the narrative context later sentences of its paragraph continue. The
        dates of a sentence told in the pluperfect (`earlier`: "Ungarn hatte am 1. Juli …
        übernommen") are of its background, not the story's, unless they are the report's
        eve ("In der Nacht auf Samstag hatte es noch Gefechte gegeben" on Sunday). A day
        counted from such a date (`chained`: "Am Tag danach besuchte Orban Kiew") dates its
        own events but is not the story's day. `receiving`: the states a donors' conference
        of the sentence is held for, who receive what the story's givers pledge."""
        self.story_receivers.update((key,) for key in receiving or [])
        self.actors.extend(actors)
        self.sentence_actors.append(actors)
        self.sentence_openers.append(opening or [])
        self.mentioned.extend(mentioned)
        self._name_pending_territories(sentence, mentioned)
        if earlier:
            dates = [d for d in dates if self.on - d.bounds()[1] <= dt.timedelta(days=1)]
        if continuing:
            self.continuing_sentences.add(sentence.index)
        if chained:
            self.chained_sentences.add(sentence.index)
        self.sentences.append(SentenceContext(sentence, dates, anchored))

    def _name_pending_territories(self, sentence: Sentence, mentioned: list[str]) -> None:
        """A claim on "vier Regionen" told before the story names any: the next sentence or
        the one after that names exactly that many regions names them. (Otherwise the claim
        stays unread: "two regions … Russian missiles hit the Kharkiv and Odesa regions".)"""
        named = _dedupe([k for k in mentioned if self.gaz.entities[k].kind == "region"])
        for candidate in list(self.pending_claims):
            if sentence.index - candidate.event.sentence.index > 2:
                self.pending_claims.remove(candidate)
            elif len(named) == candidate.territory_anaphor and \
                    sentence.index > candidate.event.sentence.index:
                self.pending_claims.remove(candidate)
                candidate.event.territories = named
                candidate.event.confidence = INFERRED_CONFIDENCE
                self.add(candidate)

    def finish(self, elected: set[str] | frozenset[str] = frozenset()) -> list[Event]:
        """Date what is still undated: a call, meeting or agreement without a date of its own,
        and whatever the headline announces, is part of the story the article tells, dated by
        its first precisely dated event — or, when the article dates none, by its day of
        publication (news reports the day's events: "Macron und Putin haben telefoniert")."""
        reference = self._reference_date() or self.dateline
        if reference is None and self.published is not None:
            reference = FuzzyDate(self.published, Precision.DAY)
        for event in self.events:
            background = event.sentence.index in self.background_sentences
            headline = event.sentence.index == 0 and not (event.type is EventType.SUPPORT and background)
            # a demand or a supply the story tells is of its day ("sagte zu", "pledged"); one
            # said again and again, before the story ("hatte … verlangt", "has repeatedly
            # demanded") or going on ("liefert seit 2022") is not
            told = event.type in (EventType.DEMAND, EventType.SUPPORT) and not background
            if event.date is None and (event.type in MULTI_SIDED or headline or told) \
                    and reference is not None:
                event.date = reference
                event.confidence = min(event.confidence, INFERRED_CONFIDENCE)
        self._receivers_from_story()
        self._addressees_from_story()
        self._named_addressees()
        self._addressees_from_salience()
        self._receivers_from_salience()
        self._demands_told_twice()
        self._talks_into_calls()
        self._joint_supplies_told_one_by_one()
        self._incoming_leaders(elected)
        return self.events

    def _demands_told_twice(self) -> None:
        """"Fukushima: China fordert Stopp der Einleitung" and "China fordert Japan
        nachdrücklich auf, …": a demand told without whom it asks, by a side that asked
        someone the same day, is that demand (unless each says what it asks, and they ask
        different things, or one is told as another: "also", "zudem"; an undated one said
        again and again is not of that day)."""
        kept: list[Event] = []
        for event in self.events:
            twin = next((k for k in kept if self._told_twice(k, event)), None)
            if twin is None:
                kept.append(event)
                continue
            twin.addressees = twin.addressees or list(event.addressees)
            self._absorb(twin, event, union=False)
        self.events = kept

    def _told_twice(self, a: Event, b: Event) -> bool:
        distinct = _informative(a) and _informative(b) and not _topics_overlap(a, b)
        return a.type is b.type is EventType.DEMAND and self.sides(a) == self.sides(b) \
            and not (a.addressees and b.addressees) and _same_day(a, b) and not distinct \
            and not {a.sentence.index, b.sentence.index} & self.continuing_sentences \
            and not self._other_persons(a, b)

    def _joint_supplies_told_one_by_one(self) -> None:
        """"Russland und Weißrussland senden Truppen nach Kasachstan" in a headline, then
        each one's troops told on their own: the joint supply was those supplies."""
        def one_by_one(joint: Event) -> bool:
            receivers = self.sides(joint, joint.addressees)
            return len(self.sides(joint)) > 1 and all(any(
                e is not joint and e.type is EventType.SUPPORT and self.sides(e) == {side}
                and self.sides(e, e.addressees) == receivers and _kinds(e) == _kinds(joint)
                and _dates_agree(e, joint) for e in self.events)
                for side in self.sides(joint))
        self.events = [e for e in self.events if e.type is not EventType.SUPPORT or not one_by_one(e)]

    def _incoming_leaders(self, elected: set[str] | frozenset[str]) -> None:
        """A leader the article names as elected ("President-elect Trump"), and not yet in
        office, acts for the state they will lead; a candidate before the vote does not."""
        def incoming(key: str, on: dt.date) -> str:
            return (self.gaz.incoming_state(key, on) if key in elected else None) or key

        for event in self.events:
            on = event.date.value if event.date else self.on
            event.participants = _dedupe([incoming(p, on) for p in event.participants])
            event.addressees = _dedupe([incoming(p, on) for p in event.addressees])
        # ("President-elect Trump met Biden": one state, no meeting between two)
        self.events = [e for e in self.events if e.type not in MULTI_SIDED or len(self.sides(e)) >= 2]

    def talks_were_a_call(self, sentence: Sentence, dated: bool = False, sides: list[str] | None = None,
                          days: list[FuzzyDate] | None = None, partnered: bool = False) -> None:
        """"… haben mit Putin beraten. Bei dem Vierer-Telefonat ging es um …": talks told
        just before, that the next sentence calls a call, were that call; further on ("…
        haben sich ausgetauscht. … Russland sei mit dem Telefongespräch zufrieden"), within a
        story's few sentences on it, when no other call was told in between and the
        reference has no date of its own ("seit dem letzten Telefonat im März")."""
        reach = 2 if dated else STORY_REACH
        talk = next((e for e in reversed(self.generic_talks)
                     if 0 <= sentence.index - e.sentence.index <= reach), None)
        if talk is not None and any(talk is e for e in self.events) and not any(
                e.type is EventType.CALL and (self.sides(e) == self.sides(talk) or talk.sentence.index
                                              < e.sentence.index <= sentence.index)
                for e in self.events):
            talk.type = EventType.CALL
            self.generic_talks = [e for e in self.generic_talks if e is not talk]
        elif talk is None and sides and partnered:
            self._call_told_by_reference(sentence, sides, days or [])

    def _other_side_just_told(self, event: Event) -> str | None:
        """"Trump hat Takaichi gebeten, … Trump habe in einem Telefonat den Wunsch geäußert":
        a call with no partner told at all ("mit", "with" nobody the gazetteer knows: "mit dem
        Papst"), right after an undated demand of its one side of one other, is with that
        other."""
        last = self.events[-1] if self.events else None
        if last is None or last.type is not EventType.DEMAND or \
                not 0 < event.sentence.index - last.sentence.index <= 1 or \
                re.search(r"\b(?:mit|with)\b", event.sentence.text, re.IGNORECASE) or \
                (last.date is not None and event.date is not None and last.date != event.date) or \
                any(c.dates for c in self.sentences if c.sentence.index == last.sentence.index):
            return None  # (a demand dated in its own sentence is of another occasion)
        keys = last.participants + last.addressees
        others = self.sides(last, keys) - self.sides(event)
        if not self.sides(event) <= self.sides(last, keys) or len(others) != 1:
            return None
        return next(k for k in keys if self.sides(last, [k]) == others)

    def _one_other_named(self, candidate: Candidate) -> str | None:
        """"Ardern said the tone of the phone call was warm and that Biden spoke …": the one
        leader or state of another side that the sentence of "the call" names."""
        own = self.sides(candidate.event)
        if any(e.type is EventType.CALL for e in self.events):
            return None  # a call told before is what "the call" refers to
        others = [k for k in candidate.named if self.gaz.entities[k].kind in ("leader", "state")
                  and self.gaz.state_of(k, self.on) not in own]
        return others[0] if len({self.gaz.state_of(k, self.on) for k in others}) == 1 else None

    def _call_told_by_reference(self, sentence: Sentence, sides: list[str], days: list[FuzzyDate]) -> None:
        """"Ich hatte vor der Rede mit ihm gesprochen … in dem Telefongespräch": a call the story
        names only by referring to it, with no call told before, is a call of the two sides its
        sentence names with a partner word ("mit", "with", "zwischen"; `partnered`)."""
        named = list({self.gaz.state_of(k, self.on): k for k in sides}.values())
        if len(named) != 2 or any(e.type is EventType.CALL for e in self.events):
            return
        day = next((d for d in days if d.precision is Precision.DAY), None) or self._reference_date()
        self.events.append(Event(EventType.CALL, named, sentence, "call", date=day,
                                 confidence=INFERRED_CONFIDENCE))

    def _talks_into_calls(self) -> None:
        """"Merkel und Macron haben mit Putin und Poroschenko beraten" in the lead of a story
        whose call is told after it: talks of exactly a call's sides on its day are that
        call."""
        for talk in list(self.generic_talks):
            call = next((e for e in self.events if e.type is EventType.CALL and e is not talk
                         and self.sides(e) == self.sides(talk) and _same_occasion(e, talk)), None)
            if call is not None and any(talk is e for e in self.events):
                self._absorb(call, talk, union=False)
                self.events = [e for e in self.events if e is not talk]

    def _addressees_from_story(self) -> None:
        """"Biden requested that both countries institutionalize …" in the story of his
        summit with Xi: a demand with no addressee, by a side of the only call or meeting
        the article tells of that side, is made of the other side of it — unless its
        sentence names a third side."""
        for event in self.events:
            if event.type is not EventType.DEMAND or event.addressees or not event.participants \
                    or any(event is e for e in self.addressed_to_many):
                continue
            demander = self.sides(event)
            talks = [e for e in self.events if e.type in TALKS
                     and demander <= self.sides(e)]
            if len(talks) != 1 or not _dates_agree(talks[0], event):
                continue
            named = self.sides_on(self.sentence_actors[event.sentence.index], self.on)
            if named - demander - self.sides(talks[0]):
                continue  # "Putin's demands for territory that belongs to Ukraine": of a third
            others = [p for p in talks[0].participants if not self.sides(talks[0], [p]) & demander]
            if others:
                event.addressees = others
                event.confidence = min(event.confidence, INFERRED_CONFIDENCE)

    def _addressees_from_salience(self) -> None:
        """"Nigeria demanded full compensation" in a story of Nigeria and South Africa: a
        demand that names no one it asks asks the side the story is about. The weakest
        evidence of all, used after every other."""
        for event in self.events:
            if event.type is not EventType.DEMAND or event.addressees or not event.participants \
                    or any(event is e for e in self.addressed_to_many):
                continue
            other = self._story_other_side(self.sides(event))
            if other is not None:
                event.addressees = [other]
                event.confidence = min(event.confidence, INFERRED_CONFIDENCE)

    def _receivers_from_salience(self) -> None:
        """"Für Deutschland kündigte Baerbock Hilfsgelder in Höhe von 244 Millionen Euro an" in
        the story of a conference that pledged aid to Sudan: a supply that names no receiver,
        after its story had its say, goes to the side the story is about — only a side the
        story tells as receiving (in a war story the side named most may be the aggressor:
        "… Germany sent more air defence systems"). The weakest evidence, used last."""
        receivers = [k for e in self.events if e.type is EventType.SUPPORT for k in e.addressees]
        receivers += [k for keys in self.story_receivers for k in keys]
        received = {self.gaz.state_of(k, self.on) for k in receivers}
        for event in self.events:
            if event.type is not EventType.SUPPORT or event.addressees or not event.participants \
                    or not any(event is e for e in self.goods_given):
                continue
            other = self._story_other_side(self.sides(event))
            # (not past a third side its sentence names: "… in einen Fonds für erneuerbare
            # Energien in der Ukraine einzuzahlen" in a story of Germany and the US)
            named = self.sides_on(self.sentence_actors[event.sentence.index], self.on) - {
                self.gaz.state_of(p, self.on) for e in self.events if e.type is EventType.SUPPORT
                and e.sentence.index == event.sentence.index for p in e.participants}
            if other in received and not named - self.sides(event) - {other}:
                event.addressees = [other]
                event.confidence = min(event.confidence, INFERRED_CONFIDENCE)

    def _story_other_side(self, own: frozenset[str]) -> str | None:
        """The one side besides `own` the story names most, of the sentences read so far (all
        of them once the story is read): STORY_SIDE_MENTIONS times or more, more often than any
        other, and in its first three sentences (its headline and lead). Three mentions and a
        strict lead scored best on the readable sets (two: the same; five: three events fewer)."""
        states = (self.gaz.state_of(k, self.on) for k in self.actors)
        named = Counter(s for s in states if s not in own).most_common(2)
        if not named or named[0][1] < STORY_SIDE_MENTIONS or len(named) == 2 and named[0][1] == named[1][1]:
            return None
        opening = self.sides_on([k for keys in self.sentence_actors[:3] for k in keys], self.on)
        return named[0][0] if named[0][0] in opening else None

    def _named_addressees(self) -> None:
        """A demand still without an addressee, after the talks it was made in and the story
        had their say, asks the one other side its own sentence names ("Hanoi verlangte, dass
        die chinesische Regierung die Bohrinsel abzieht"): the weakest evidence, used last."""
        for event, named in self.named_addressees:
            if not event.addressees and any(event is e for e in self.events):
                event.addressees = list(named)
                event.confidence = min(event.confidence, INFERRED_CONFIDENCE)

    def _receivers_from_story(self) -> None:
        """"Washington has already supplied HIMARS, which Ukrainian forces have used …" in a
        story of US aid to Ukraine: a supply whose sentence names no receiver goes where
        every other supply of the same supplier in the article goes."""
        for event in self.events:
            if event.type is not EventType.SUPPORT or event.addressees:
                continue
            # (a receiver found for an earlier supply counts: "hat die Bundesregierung … im
            # Gespräch mit der indonesischen Regierung …; … gewährt die EU ebenfalls …")
            supplies = [e for e in self.events if e.type is EventType.SUPPORT and e.addressees]
            supplier = {self.gaz.state_of(p, self.on) for p in event.participants}
            receivers = {tuple(e.addressees) for e in supplies
                         if {self.gaz.state_of(p, self.on) for p in e.participants} == supplier}
            # "Sweden announced aid for Ukraine … Finland separately said it would send air
            # defence": the one receiver of the story's other supplies, when the sentence says
            # it adds to them (not "North Korea shipped shells to Russia. Germany will deliver
            # tanks"); "Zelenskiy met Frederiksen … She promised another package": the other
            # side of the supplier's only talks
            if not receivers and event.sentence.index in self.continuing_sentences:
                # (never to the supplier's own side: a receiver misread elsewhere)
                receivers = {tuple(e.addressees) for e in supplies
                             if not self.sides(event, e.addressees) & supplier}
            # (the givers of the sentence's other supplies are no third side: "sicherten
            # Saudi-Arabien, die Emirate und Kuwait jeweils vier Milliarden zu")
            givers = {self.gaz.state_of(p, self.on) for e in self.events if e.type is EventType.SUPPORT
                      and e.sentence.index == event.sentence.index for p in e.participants}
            if not receivers:
                receivers = self._other_side_of_talks(event)
            if not receivers and len(givers) > 1:
                # "Golfstaaten sichern Jordanien … zu": the group's pledges, told giver by giver
                # (not "Der Iran liefert unterdessen Waffen", one giver of another story); a
                # list of donors ("Germany pledged 500 million euros and the EU 400 million")
                # gives where the story's other supplies go
                receivers = set(self.story_receivers) or ({tuple(e.addressees) for e in supplies}
                                                          if self._list_of_donors(event) else set())
            named = self.sides_on(self.sentence_actors[event.sentence.index], self.on) - givers
            if len(receivers) == 1:
                receiver = list(receivers.pop())
                # (who gives to the same receiver is no third side: "Neben der Soforthilfe der
                # Bundesregierung gewährt die EU ebenfalls …")
                named -= {self.gaz.state_of(p, self.on) for e in supplies if e.addressees == receiver
                          for p in e.participants}
                if self.sides(event, receiver) & supplier or named - supplier - self.sides(event, receiver):
                    continue  # a third side named in its own sentence may be the receiver
                event.addressees = receiver
                event.confidence = min(event.confidence, INFERRED_CONFIDENCE)

    def _list_of_donors(self, event: Event) -> bool:
        """"Germany pledged 500 million euros and the EU 400 million": several givers of one
        verb of one sentence (not "Während Deutschland der Ukraine Panzer liefert, schickt
        Frankreich Haubitzen": two verbs, two stories)."""
        return any(e.type is EventType.SUPPORT and e is not event and e.sentence.index == event.sentence.index
                   and e.trigger == event.trigger for e in self.events)

    def _other_side_of_talks(self, event: Event) -> set[tuple[str, ...]]:
        sides = self.sides(event)
        talks = [e for e in self.events if e.type in TALKS
                 and sides <= self.sides(e) and len(self.sides(e)) == 2]
        return {tuple(p for p in talks[0].participants if not self.sides(talks[0], [p]) & sides)} \
            if len(talks) == 1 and _dates_agree(talks[0], event) else set()

    def add(self, candidate: Candidate) -> None:
        event = candidate.event
        if candidate.story_receiver:
            self.goods_given.append(event)
        if candidate.background:
            self.background_sentences.add(event.sentence.index)
        if candidate.same_day and event.date is None:  # "am selben Tag": the story's day
            event.date = next((e.date for e in reversed(self.events) if e.date
                               and e.date.precision is Precision.DAY and self._is_recent(e.date)), None)
        self._complete_sides(candidate)
        if candidate.group_subject and not event.participants:
            self._group_demanders(event, candidate.group_subject)
        if event.type is EventType.DEMAND:
            self._address_demand(candidate)
            if candidate.named_addressees:
                self.named_addressees.append((event, candidate.named_addressees))
            if candidate.open_addressee:
                self.addressed_to_many.append(event)
        if event.type in MULTI_SIDED:
            self._call_like_the_last(candidate)
            if self._merge_into_call(candidate):
                return
            if candidate.definite and self._merge_into_latest(event):
                return
            if len(self.sides(event)) < 2 and candidate.additional and \
                    event.type is EventType.AGREEMENT:
                # "They also agreed to …": another accord of the sides of the last one
                last = next((e for e in reversed(self.events) if e.type in MULTI_SIDED), None)
                if last is not None:
                    event.participants = list(last.participants)
                    event.date = event.date or last.date
            if len(self.sides(event)) < 2:
                if self._merge_into_previous(event):
                    return
                if candidate.definite and event.type is not EventType.AGREEMENT:
                    # "die Vereinbarung sei mangelhaft" judges a known treaty, it tells no new one
                    self._sides_from_previous_sentence(event)
                if event.type is EventType.AGREEMENT and not event.participants and candidate.anchored:
                    self._signed_at_the_meeting(event)
                if candidate.partner_untold and not candidate.background:
                    self._agreed_in_the_talks(candidate)
                if event.type is EventType.CALL and len(self.sides(event)) == 1:
                    # "Assad's office said Putin phoned him": a call has two ends, the other
                    # is the side the story is about
                    other = self._story_other_side(self.sides(event)) or (
                        self._one_other_named(candidate) if candidate.definite else None) or \
                        self._other_side_just_told(event)
                    if other is not None:
                        event.participants.append(other)
                        event.confidence = min(event.confidence, INFERRED_CONFIDENCE)
                if len(self.sides(event)) < 2:
                    return
        elif not event.participants:
            if event.type is EventType.SUPPORT and event.addressees:
                self.story_receivers.add(tuple(event.addressees))
            return
        if candidate.territory_anaphor and not event.territories:
            # "die Insel": the region named last, or a state where a state can be claimed
            # ("betrachtet die Insel als Teil ihres Staatsgebiets" after Taiwan); "alle vier
            # Regionen": the last four regions named; a state only where no region was named
            kinds = ("region", "state") if "territory_state" in candidate.trigger.flags else ("region",)
            named = _dedupe([k for k in reversed(self.mentioned)
                             if not self.sides(event, [k]) & self.sides(event)])
            by_kind = [[k for k in named if self.gaz.entities[k].kind == kind] for kind in kinds]
            regions = next((keys for keys in by_kind if keys), [])
            if not regions and candidate.territory_anaphor > 1:
                # "die Abkommen zur Annexion von vier Regionen", the four named after it
                self.pending_claims.append(candidate)
                return
            if not regions:
                return
            event.territories = regions[:candidate.territory_anaphor]
            event.confidence = INFERRED_CONFIDENCE
        self._inherit_date(candidate)
        if event.type in MULTI_SIDED:  # "Nach dem Treffen mit Macron sagte Xi, China sei …"
            event.participants = self._prefer_leaders(event.participants, event)
        for part in self._split(candidate):
            self._add_or_merge(part, candidate)
            if event.type is EventType.MEETING and "generic" in candidate.trigger.flags:
                self.generic_talks.append(part)

    # -- sides -----------------------------------------------------------------------------
    def sides(self, event: Event, keys: list[str] | None = None) -> frozenset[str]:
        """The states an event's participants (or `keys`) stand for on the event's date."""
        on = event.date.value if event.date else self.on
        return self.sides_on(event.participants if keys is None else keys, on)

    def sides_on(self, keys: list[str], on: dt.date) -> frozenset[str]:
        return frozenset(self.gaz.state_of(k, on) for k in keys)

    def _complete_sides(self, candidate: Candidate) -> None:
        """"beide Länder" are the last two states named; "beide Seiten", "the two leaders"
        are the sides of the last call, meeting or agreement."""
        event = candidate.event
        if event.type not in MULTI_SIDED or candidate.group is None or len(self.sides(event)) >= 2:
            return
        if candidate.group == "the leaders" and any(
                self._organisation(key) for key in self.mentioned):
            return  # "The leaders agreed …" in a story of the G7 or the EU: the summit's, unnamed
        picked: list[str] = []
        previous = self._event_referred_to(candidate)
        # "the two countries" right after a meeting of two is that pair; further on, the
        # last two states named ("… Iran und Russland … Anfang 2025 unterzeichneten beide Länder")
        recent = previous is not None and len(self.sides(previous)) == 2 and \
            event.sentence.index - previous.sentence.index <= 2 and not any(
                len(self.sides_on(opening, self.on) - self.sides(previous)) >= 2  # "Russia and Ukraine …"
                for opening in self.sentence_openers[previous.sentence.index + 1:event.sentence.index])
        presidents = candidate.group == "presidents"
        states = candidate.group == "states" or (candidate.group == "leaders of states" and not recent)
        if previous is not None and (not states or recent):
            picked = [p for p in previous.participants if (not presidents or self._president(p))
                      and not (states and self._organisation(p))]  # "both countries": not the court
        if len(self.sides(event, picked)) < 2:
            picked = self._last_two(leaders_only=candidate.group in ("leaders", "the leaders", "presidents"),
                                    presidents=presidents, states_only=states)
        if states:  # "the two countries": the states, whoever led them then
            picked = _dedupe([self.gaz.state_of(p, self.on) for p in picked])
        if len(self.sides(event, picked)) >= 2:
            # ("traf sich Trump mit beiden Außenministern": the group joins who met it)
            own = [p for p in event.participants if not self.sides(event, [p]) & self.sides(event, picked)] \
                if candidate.group_partner else []
            event.participants = own + picked
            event.confidence = INFERRED_CONFIDENCE
            if previous is not None and picked == list(previous.participants):
                event.date = event.date or previous.date  # "beide vereinbarten": same occasion

    def _organisation(self, key: str) -> bool:
        return self.gaz.entities[key].kind == "organisation"

    def _event_referred_to(self, candidate: Candidate) -> Event | None:
        """The event "beide"/"the two" refer to: one told in this very sentence ("Am Ende des
        Telefonats hätten sich die beiden … verständigt"), the last one of its own type when
        the trigger is definite ("in dem Telefonat äußerten beide …"), else the last one."""
        index = candidate.event.sentence.index
        multi = [e for e in reversed(self.events) if e.type in MULTI_SIDED]
        here = next((e for e in multi if index in {x.index for x in [e.sentence, *e.extra_sentences]}), None)
        same_type = next((e for e in multi if e.type is candidate.event.type), None) \
            if candidate.definite else None
        return here or same_type or next(iter(multi), None)

    def _president(self, key: str) -> bool:
        """Whether a side is a president on the article's day ("die beiden Präsidenten").
        The offices' roles do not tell a president from a monarch (both head a state), so
        the office's English name does."""
        return any(o.start <= self.on and (o.end is None or self.on <= o.end)
                   and "President" in o.label_en and "Vice" not in o.label_en
                   for o in self.gaz.terms_of.get(key, []))

    def _last_two(self, leaders_only: bool, presidents: bool = False,
                  states_only: bool = False) -> list[str]:
        picked: list[str] = []
        for key in reversed(self.actors):
            if leaders_only and self.gaz.entities[key].kind != "leader":
                continue
            if states_only and self._organisation(key):
                continue
            if presidents and not self._president(key):
                continue
            if self.sides_on([key], self.on) & self.sides_on(picked, self.on):
                continue
            picked.append(key)
            if len(picked) == 2:
                break
        return picked[::-1]

    def _signed_at_the_meeting(self, event: Event) -> None:
        """"Deals worth $13.5 billion were signed during the visit": an accord with no sides
        named, told of the last meeting or call, is between that meeting's sides (as far as
        talks reach an accord told after them: "Am Rande des Treffens wurde vereinbart" a few
        sentences on)."""
        meeting = next((e for e in reversed(self.events)
                        if e.type in TALKS), None)
        # (from the last sentence that told the meeting: a visit is told again and again)
        if meeting is not None and event.sentence.index - max(
                s.index for s in [meeting.sentence, *meeting.extra_sentences]) <= TALKS_WINDOW:
            event.participants = list(meeting.participants)
            event.date = event.date or meeting.date
            event.confidence = INFERRED_CONFIDENCE

    def _agreed_in_the_talks(self, candidate: Candidate) -> None:
        """"Ardern emerged from the meeting with Li saying a deal had been agreed", "Es sei
        eine Energiepartnerschaft vereinbart worden, sagte Scholz nach dem Gespräch": an
        accord with its other side untold (`Candidate.partner_untold`), told a few sentences
        after talks, was reached in them. Not one that names anyone or any city else
        ("Meanwhile, a ceasefire was agreed in Sudan", "in Berlin" after talks in Doha)."""
        event = candidate.event
        talk = next((e for e in reversed(self.events) if e.type in TALKS), None)
        if talk is None or event.sentence.index - talk.sentence.index > TALKS_WINDOW:
            return
        talk_sides, on = self.sides(talk), self.on
        named = {self.gaz.state_of_place(k) if self.gaz.entities[k].kind == "city"
                 else self.gaz.state_of(k, on) for k in candidate.named}
        # ("Am Abend wurde in Berlin ein Kompromiss vereinbart" after talks in Doha)
        elsewhere = any(self.gaz.entities[k].kind == "city" and k != talk.place for k in candidate.named)
        if named - talk_sides or elsewhere or not self.sides(event) <= talk_sides:
            return
        event.participants = self._prefer_leaders(_dedupe(event.participants + talk.participants), event)
        event.confidence = INFERRED_CONFIDENCE

    def _sides_from_previous_sentence(self, event: Event) -> None:
        """"Das Telefonat am Mittwoch …" right after "Trump hat mit Putin gesprochen"."""
        if len(self.sentence_actors) < 1:
            return
        previous = self.sentence_actors[-1]
        if len(self.sides(event, previous)) >= 2:
            event.participants = _dedupe(previous)
            event.confidence = INFERRED_CONFIDENCE

    def _address_demand(self, candidate: Candidate) -> None:
        """A demand made during a call or meeting is addressed to the other side of it."""
        event = candidate.event
        if not event.addressees and event.participants and (candidate.group == "sides"
                                                             or candidate.addressed_group):
            # ("beide Seiten", as ever: the last two named when no event tells them)
            self._address_both_sides(event, candidate.addressed_group or 2,
                                     named_only=candidate.group != "sides")
        if event.addressees or not event.participants or not candidate.anchored:
            return
        demander = self.sides(event)
        for previous in reversed(self.events):
            if previous.type in TALKS and demander <= self.sides(previous):
                event.addressees = [p for p in previous.participants
                                    if not self.sides(previous, [p]) & demander]
                event.date = event.date or previous.date
                return

    def _group_demanders(self, event: Event, size: int) -> None:
        """"Die drei Regierungen forderten …": the sides of the last event with that many
        (its first that many when it has more: "Starmer, Macron und Merz telefonierten mit
        Selenskyj. Die drei Europäer …"), else the sides the last sentence opened with, else
        the last that many named, other than those addressed."""
        addressed = self.sides(event, event.addressees)
        for previous in reversed(self.events):
            # "Scholz und Macron haben mit Putin gesprochen. … forderten sie Putin auf": the
            # sides of the call other than the one addressed
            rest = [p for p in previous.participants if not self.sides(previous, [p]) & addressed]
            if len(self.sides(previous, rest)) == size or (size == ANY_GROUP and rest):
                event.participants = rest
                return
            if 0 < size < len(self.sides(previous, rest)):
                event.participants = self._first_sides(rest, size)
                return
        opened = [p for p in (self.sentence_openers[-1] if self.sentence_openers else [])
                  if not self.sides_on([p], self.on) & addressed]
        if size > 0 and len(self.sides_on(opened, self.on)) == size:
            event.participants = opened  # "Ägypten und Katar legten … vor. Beide Vermittler …"
            event.confidence = INFERRED_CONFIDENCE
            return
        size = 2 if size == ANY_GROUP else size  # "they" with no event before: the last two named
        picked = self._first_sides(self.actors[::-1], size, addressed)
        if len(picked) == size:
            event.participants = picked[::-1]
            event.confidence = INFERRED_CONFIDENCE

    def _first_sides(self, keys: list[str], size: int, besides: frozenset[str] = frozenset()) -> list[str]:
        """The first `size` keys of distinct states (none of `besides`), in the order given."""
        picked: list[str] = []
        for key in keys:
            if not self.sides_on([key], self.on) & (besides | self.sides_on(picked, self.on)):
                picked.append(key)
            if len(picked) == size:
                break
        return picked

    def _address_both_sides(self, event: Event, size: int = 2, named_only: bool = False) -> None:
        """"called on both sides": the two sides of the last event between two others, or
        the last two states named other than the demander's. "both countries", "the three
        countries" (`named_only`): that many sides of the last event, or the sides the sentence
        before opened with, never a guess among the last names ("Macron and Scholz spoke with
        Putin. Zelenskiy urged both countries …")."""
        demander = self.sides(event)
        for previous in reversed(self.events):
            others = [p for p in previous.participants if not self.sides(previous, [p]) & demander]
            if previous.type in MULTI_SIDED and len(self.sides(previous, others)) == size:
                event.addressees = others
                return
        if named_only:
            before = event.sentence.index - 1
            opened = self.sentence_openers[before] if 0 <= before < len(self.sentence_openers) else []
            opened = [p for p in opened if not self.sides_on([p], self.on) & demander]
            if len(self.sides_on(opened, self.on)) == size:
                event.addressees = opened
                event.confidence = INFERRED_CONFIDENCE
            return
        picked: list[str] = []
        for key in reversed(self.actors):
            if not self.sides_on([key], self.on) & (demander | self.sides_on(picked, self.on)):
                picked.append(key)
            if len(picked) == size:
                event.addressees = picked[::-1]
                event.confidence = INFERRED_CONFIDENCE
                return

    # -- merging ---------------------------------------------------------------------------
    def _merge_into_latest(self, event: Event) -> bool:
        """A definite noun ("das Telefonat", "the agreement") is the last event of its type;
        sides it adds ("brokered by Turkey and the UN") join that event."""
        previous = next((e for e in reversed(self.events) if e.type is event.type), None)
        if previous is None or not _dates_agree(previous, event):
            return False  # "the treaty, signed in 2010 by …" after its extension in 2021
        mine = self.sides(event)
        if event.type is not EventType.AGREEMENT and len(mine) >= 2 and mine != self.sides(previous):
            return False  # "Der Besuch von Xi in Moskau": another meeting, told with its sides
        if len(mine) >= 2 and not mine & self.sides(previous) and \
                event.sentence.index in self.background_sentences:
            return False  # "Die Türkei hatte die Allianz mit Libyen geschmiedet": an earlier accord
        # "Das Gespräch findet in Litauens Hauptstadt statt": one side named again with a
        # meeting of two is its place or speaker, no third side (a broker of an accord is)
        union = event.type is EventType.AGREEMENT or len(self.sides(previous)) < 2
        self._absorb(previous, event, union=union)
        return True

    def _call_like_the_last(self, candidate: Candidate) -> None:
        """"Lukaschenko hatte mit Tokajew telefoniert. Auch Putin und Lukaschenko sprachen
        miteinander": talks told as "also" right after a call with one of their sides are
        another call."""
        event = candidate.event
        if event.type is not EventType.MEETING or "generic" not in candidate.trigger.flags \
                or not candidate.likewise or not self.events:
            return
        last = self.events[-1]
        if last.type is EventType.CALL and self.sides(last) & self.sides(event) and \
                0 < event.sentence.index - last.sentence.index <= 2:
            event.type = EventType.CALL

    def _merge_into_call(self, candidate: Candidate) -> bool:
        """"Das Gespräch zwischen Macron und Putin" after their phone call, "Scholz sprach
        mit ihm über …": a talk of a call's sides on its day is that call, told again."""
        event = candidate.event
        if event.type is not EventType.MEETING or "generic" not in candidate.trigger.flags:
            return False
        mine = self.sides(event)
        call = next((e for e in reversed(self.events) if e.type is EventType.CALL
                     and _same_occasion(e, event) and (
                         mine == self.sides(e) or candidate.definite and mine <= self.sides(e))),
                    None)
        if call is None:
            return False
        self._absorb(call, event, union=False)
        return True

    def _merge_into_previous(self, event: Event) -> bool:
        """"Der Kreml bestätigte das Telefonat": one side of an earlier event, told again."""
        mine = self.sides(event)
        for previous in reversed(self.events):
            if previous.type is event.type and (not mine or mine & self.sides(previous)):
                self._absorb(previous, event, union=True)
                return True
        return False

    def _split(self, candidate: Candidate) -> list[Event]:
        """One claim per claimant and territory; two supplies for two named receivers ("nach
        Kamerun und Nigeria"), one for a longer list (a programme: "free grain to six African
        states"), one per supplier when each gives its own; one call (or separate meeting) per
        pair of a caller and those called one after the other — as analysts count them."""
        event = candidate.event
        if event.type is EventType.TERRITORIAL_CLAIM and (
                len(event.territories) > 1 or len(event.participants) > 1):
            return [_copy(event, participants=[p], territories=[t])
                    for p in event.participants for t in event.territories]
        if event.type is EventType.SUPPORT and len(self.sides(event, event.addressees)) == 2:
            # "entsendet Truppen nach Kamerun und Nigeria": two supplies; a longer list is one
            # programme ("free grain to Burkina Faso, Zimbabwe, Mali, …")
            return [_copy(event, addressees=[a]) for a in event.addressees]
        if event.type is EventType.SUPPORT and candidate.respective and len(self.sides(event)) > 1:
            return [_copy(event, participants=[p]) for p in event.participants]
        if event.type is EventType.DEMAND and candidate.reciprocal and not event.addressees \
                and len(self.sides(event)) == 2 and all(
                    p in candidate.named or self.gaz.entities[p].kind == "state" for p in event.participants):
            # "Thailand and Cambodia called on each other to …": two demands, one of each (of
            # sides named here, or states: "beide Länder" after a call of Trump is not him)
            return [_copy(event, participants=[a], addressees=[b])
                    for a, b in (event.participants, event.participants[::-1])]
        caller = candidate.caller  # set for calls, and for meetings said to be separate
        if caller in event.participants and len(event.participants) > 2:
            return [_copy(event, participants=[caller, other])
                    for other in event.participants if other != caller]
        return [event]

    def _add_or_merge(self, event: Event, candidate: Candidate) -> None:
        # "sends weapons and money", "stockt ihre Nothilfen auf": one supply of its kinds, as
        # annotators count it (one event per kind cost six false alarms and found nothing)
        event.support_kind = ",".join(sorted(set(candidate.support_kinds))) or None
        for previous in self.events:
            if self._same(previous, event, candidate.additional):
                self._absorb(previous, event, union=False)
                return
        self.events.append(event)

    def _same(self, a: Event, b: Event, additional: bool = False) -> bool:
        if a.type is not b.type or self.sides(a) != self.sides(b):
            return False
        if a.type is EventType.TERRITORIAL_CLAIM:
            return a.territories == b.territories and _dates_agree(a, b)
        if a.type is EventType.SUPPORT:
            # ("will send aid to Turkey. Tokyo pledged $5 million": the aid is the money)
            receivers = self.sides(a, a.addressees) == self.sides(b, b.addressees)
            kinds_a, kinds_b = _kinds(a), _kinds(b)
            if "aid" in kinds_a | kinds_b and kinds_a != kinds_b:
                return receivers or not (a.addressees and b.addressees)
            # ("a credit line on Thursday … had also granted a swap last month": two grants)
            # (one sentence tells one supply by two of its words: "stockt ihre Nothilfen auf")
            one_sentence = a.sentence.index == b.sentence.index
            same_kinds = kinds_a == kinds_b or (one_sentence and bool(kinds_a & kinds_b))
            return same_kinds and receivers and (not additional or _dates_agree(a, b))
        if a.type is EventType.DEMAND:
            # "ruft Peking auf, auf Russland einzuwirken" and "…, keine Waffen zu liefern": two
            # demands of one day when each says what it asks and they ask different things
            distinct = _informative(a) and _informative(b) and not _topics_overlap(a, b)
            # told apart in separate paragraphs, each with what it asks: two demands ("ruft
            # Putin zu einem Friedensvertrag auf" … "Japan fordert die Rückgabe der Inseln");
            # a headline tells the body's demand in other words ("Ruf nach Kampfjets")
            told_apart = a.sentence.paragraph != b.sentence.paragraph and not (
                _headline(a.sentence) or _headline(b.sentence))
            distinct = distinct or (told_apart and bool(a.topic and b.topic)
                                    and not _topics_overlap(a, b))
            # ("the US asked it to close its consulate in Houston" before "it" is known, and
            # "The US asked China to close the consulate in Houston": one demand)
            # (not one said again and again before: "Kiew hatte immer wieder verlangt, dass …")
            unaddressed = bool(a.addressees) != bool(b.addressees) and _topics_overlap(a, b) and \
                not {a.sentence.index, b.sentence.index} & self.background_sentences
            # ("Iran's supreme leader has called on Saudi Arabia …" and "Rouhani … called for an
            # investigation": one state, two of its leaders, two demands)
            return (self.sides(a, a.addressees) == self.sides(b, b.addressees) or unaddressed) and \
                _dates_agree(a, b) and not distinct and not self._other_persons(a, b)
        if a.type is EventType.AGREEMENT:
            # news tells one deal again and again (headline, caption, lead, quotes); a second
            # accord of the same sides is said to be one ("also agreed to …", "vereinbarten
            # zudem"); "agreed to X and to Y" was split on purpose
            if a.conjunct != b.conjunct or not _dates_agree(a, b):
                return False  # the 2021 extension of a treaty is not its signing in 2010
            headline = 0 in (a.sentence.index, b.sentence.index)
            if not additional and (headline or not (_informative(a) and _informative(b))):
                return True
            same_sentence = a.sentence.index == b.sentence.index
            # ("They also agreed to further strengthen communication" after "agreed to enhance
            # efforts within the framework of cooperation": only generic words shared, two accords)
            shared = _topic_stems(a) & _topic_stems(b) - (self.generic_stems if additional else set())
            return same_sentence or bool(shared) or (
                a.treaty is not None and a.treaty == b.treaty)
        return _dates_agree(a, b) and not self._other_persons(a, b) and not self._earlier_occasion(a, b) \
            and not self._long_before(a, b)

    def _long_before(self, a: Event, b: Event) -> bool:
        """"Das betonte die Kanzlerin nach ihrem Gespräch mit Widodo … Sie erinnerte daran,
        dass sie mit Widodo erstmals im November 2014 zusammengetroffen sei": a talk the story
        tells undated is of its own days; one dated half a year or more before is another
        occasion."""
        undated = [e for e in (a, b) if e.date is None and e.sentence.index not in self.background_sentences]
        dates = [e.date for e in (a, b) if e.date is not None]
        if len(undated) != 1 or len(dates) != 1:
            return False
        if dates[0].precision is Precision.YEAR:
            return dates[0].value.year < self.on.year
        return self.on - dates[0].value > LONG_BEFORE  # (not "am 28. Dezember" in early January)

    def _earlier_occasion(self, a: Event, b: Event) -> bool:
        """"Am Donnerstag telefonierten Biden und Putin … Anfang Dezember hatten die beiden
        per Video gesprochen": a talk told in the pluperfect with a date of its own that is
        not the other's is an earlier occasion (background events keep their own dates)."""
        background = [e for e in (a, b) if e.sentence.index in self.background_sentences]
        if a.type is EventType.MEETING and a.participants == b.participants and a.date and b.date \
                and abs((a.date.value - b.date.value).days) <= 3:
            return False  # "war am Dienstag in Hanoi eingetroffen" … "beendet am Mittwoch den Besuch"
        return len(background) == 1 and a.date is not None and b.date is not None and a.date != b.date

    def _other_persons(self, a: Event, b: Event) -> bool:
        """"Scholz telefonierte mit Selenskyj" and "ein Telefonat zwischen Steinmeier und
        Selenskyj": the same states, but another leader of one of them, so another call."""
        return self.gaz.other_leader(a.participants, b.participants,
                                     a.date.value if a.date else self.on)

    def _absorb(self, kept: Event, other: Event, union: bool) -> None:
        if union:
            for p in other.participants:
                if not self.sides(kept, [p]) & self.sides(kept):
                    kept.participants.append(p)
        # (without a union, only the same sides by other names: a leader for their state)
        named = [p for p in other.participants if union or self.sides(kept, [p]) <= self.sides(kept)]
        kept.participants = self._prefer_leaders(kept.participants + named, kept)
        if kept.date is None or (other.date and other.date.precision.value < kept.date.precision.value
                                 and other.date.value.year == kept.date.value.year):
            kept.date = other.date or kept.date
        kept.topic = kept.topic or other.topic
        kept.addressees = kept.addressees or other.addressees
        kept.treaty = kept.treaty or other.treaty
        kept.place = kept.place or other.place
        if kept.sentence.index == 0 and other.sentence.index != 0:
            kept.extra_sentences.append(kept.sentence)
            kept.sentence = other.sentence
        elif other.sentence not in kept.extra_sentences and other.sentence != kept.sentence:
            kept.extra_sentences.append(other.sentence)

    def _prefer_leaders(self, keys: list[str], event: Event) -> list[str]:
        """Keep one entity per side, the leader when both the leader and the state appear."""
        chosen: dict[str, str] = {}
        on = event.date.value if event.date else self.on
        for key in keys:
            side = next(iter(self.sides(event, [key])))
            current = chosen.get(side)
            if current is None or self.gaz.entities[key].kind == "leader" and (
                    self.gaz.entities[current].kind != "leader" or self._better_in_office(current, key, on)):
                chosen[side] = key
        order = [next(iter(self.sides(event, [k]))) for k in keys]
        return [chosen[s] for s in dict.fromkeys(order)]

    def _better_in_office(self, current: str, key: str, on: dt.date) -> bool:
        """A leader in office over one out of it ("Biden's trip comes weeks before Trump takes
        office" is Biden's); else the leader the event named first stays ("a meeting with
        Premier Li" absorbing a later "Xi" is Li's)."""
        return not self.gaz.in_office(current, on) and self.gaz.in_office(key, on)

    # -- dates -----------------------------------------------------------------------------
    @staticmethod
    def _standing_claim(candidate: Candidate) -> bool:
        flags = candidate.trigger.flags
        return candidate.trigger.type is EventType.TERRITORIAL_CLAIM and (
            "standing" in flags or "territory_subject" in flags)

    def _inherit_date(self, candidate: Candidate) -> None:
        """An undated event continues the call or meeting its paragraph speaks of ("im
        Gespräch"), the date its paragraph just gave ("On Saturday, … . Kyiv urged …"), or
        a recent event told just before it. Background dates (long before publication)
        are not continued, and ongoing supplies (`Candidate.background`) and standing
        claims ("Moskau betrachtet die Regionen als Teil des eigenen Staatsgebiets", "Crimea
        is part of Russia") stay undated; a claim made ("erneuerte seine Gebietsansprüche") is of its day."""
        event = candidate.event
        if event.date is not None or candidate.background or self._standing_claim(candidate):
            return
        paragraph = [c for c in self.sentences[-INHERIT_WINDOW:]
                     if c.sentence.paragraph == event.sentence.paragraph]
        if candidate.anchored or any(c.anchored for c in paragraph):
            for previous in reversed(self.events):
                if previous.type in TALKS and previous.date:
                    event.date = previous.date
                    return
        for context in reversed(paragraph):
            recent = [d for d in context.dates if self._is_recent(d)]
            if recent:
                event.date = recent[0]
                return
        for previous in reversed(self.events):
            if event.sentence.index - previous.sentence.index > INHERIT_WINDOW:
                return
            if previous.date and self._is_recent(previous.date):
                event.date = previous.date
                return

    def _is_recent(self, date: FuzzyDate) -> bool:
        """The period ends within a month before publication: the story's time, not its
        background ("im März 2014" in an article of 2022)."""
        last_day = date.bounds()[1]  # compared as a difference: `on - 31 days` can overflow
        return self.on - last_day <= dt.timedelta(days=RECENT_DAYS) and date.value <= self.on

    def _reference_date(self) -> FuzzyDate | None:
        """The story's day: its first precisely dated event, else the first recent day the
        article names ("in der Nacht auf Samstag" in a report filed on Sunday)."""
        for event in self.events:
            if event.date and event.date.precision is Precision.DAY and self._is_recent(event.date) \
                    and event.sentence.index not in self.chained_sentences:
                return event.date
        for context in self.sentences:
            for date in context.dates:
                if date.precision is Precision.DAY and self._is_recent(date) \
                        and context.sentence.index not in self.chained_sentences:
                    return date
        return None


@dataclass(frozen=True)
class SentenceContext:
    sentence: Sentence
    dates: list[FuzzyDate]
    anchored: bool


def _copy(event: Event, **changes: Any) -> Event:
    """A copy with lists of its own, so merging into one part leaves the others alone."""
    lists = {"participants": list(event.participants), "addressees": list(event.addressees),
             "territories": list(event.territories),
             "extra_sentences": list(event.extra_sentences)}
    return replace(event, **{**lists, **changes})


def _kinds(event: Event) -> set[str]:
    """The kinds a supply is of ("money,weapons")."""
    return set(event.support_kind.split(",")) if event.support_kind else set()


def _dates_agree(a: Event, b: Event) -> bool:
    """Dates that could be one occasion: the same year, and the same month when both name
    one ("telefonierten Ende Juni" is not the call "Mitte Juli")."""
    if a.date is None or b.date is None:
        return True
    if a.date.precision is Precision.YEAR or b.date.precision is Precision.YEAR:
        return a.date.value.year == b.date.value.year
    return (a.date.value.year, a.date.value.month) == (b.date.value.year, b.date.value.month)


def _same_occasion(a: Event, b: Event) -> bool:
    """Dates that could be one conversation: the same day when both are dated to the day
    ("am 3. Juni telefoniert" is not "am 20. Juni verhandelt"), else as `_dates_agree`."""
    if a.date and b.date and a.date.precision is Precision.DAY and b.date.precision is Precision.DAY:
        return a.date.value == b.date.value
    return _dates_agree(a, b)


def _headline(sentence: Sentence) -> bool:
    """The first line when it ends without a full stop: a headline, not the lead."""
    return sentence.index == 0 and not sentence.text.rstrip().rstrip("\"'»«“”’").endswith(".")


def _same_day(a: Event, b: Event) -> bool:
    return a.date is not None and b.date is not None and _dates_agree(a, b)


def _informative(event: Event) -> bool:
    """A topic that says what was agreed ("to curb exports of fentanyl precursors"), not only
    that something was ("signed the historic pact", "to boost ties")."""
    return len(_topic_stems(event)) >= 4


def _topics_overlap(a: Event, b: Event) -> bool:
    return bool(_topic_stems(a) & _topic_stems(b))


def _topic_stems(event: Event) -> set[str]:
    """The topic's longer words without quotes or inflection ("‘show love’ for all Muslims"
    and "show “sympathy and love” to all Muslim communities" share "love" and "muslim")."""
    words = (w.strip(".,;:!?\"'‘’“”„«»()[]|") for w in (event.topic or "").lower().split())
    return {w[:6] for w in words if len(w) > 4}


def _dedupe(keys: list[str]) -> list[str]:
    return list(dict.fromkeys(keys))

"""Find who and what a sentence names: gazetteer names, titles, metonyms and pronouns.

Titles are resolved through the offices in the gazetteer on the article's date ("der
Kremlchef" in 2024 is Putin; "Frankreichs Präsident" in 2015 is Hollande); when no holder is
known the state itself stands in, which is how scoring treats it too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property
from typing import cast

from geokg.extract.dates import calendar_words
from geokg.extract.gazetteer import ACTOR_KINDS, Gazetteer, NameEntry
from geokg.extract.lexicon import Lexicon
from geokg.extract.model import Mention, Office, Sentence
from geokg.extract.text import Token, fold, is_dictionary_word, is_quote_mark, word_forms

#: Prepositions that tie a government word to its state: "die Regierung in Kiew", "officials
#: from Tehran", "Vertreter aus Moskau", "the leaders of Fiji".
ORIGIN_PREPOSITIONS = frozenset({"in", "im", "from", "aus", "of"})
CURRENCY_SIGNS = frozenset({"$", "€", "£", "¥"})
#: Where a group comes from ("Vertreter aus Neuseeland", "officials from the EU"), not where it is.
GROUP_ORIGINS = ORIGIN_PREPOSITIONS - {"in", "im"}
KIND_PRIORITY = {"leader": 0, "state": 1, "organisation": 2, "region": 3, "treaty": 4, "city": 5}


@dataclass
class Found:
    """A mention with the token span it covers (the span matters for role assignment)."""

    mention: Mention
    first: int  # token indices, inclusive
    last: int
    actor: bool  # can be a side of an event (not a place, an adjective or a compound part)


class MentionFinder:
    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon, published: dt.date | None):
        self.gaz = gazetteer
        self.lex = lexicon
        self.on = published or dt.date.today()
        self.history: list[Mention] = []  # every mention so far, for pronouns and ambiguity
        self.by_sentence: list[list[Mention]] = []
        # "Kim", "Ali", "Wang": once a leader or an official is named in full, parts of the
        # name refer to them (the entity found, and how: an official stands for a state)
        self.local_names: dict[tuple[str, ...], tuple[str, str]] = {}
        # "Außenminister Ali Yusef Sharif … Sharifs Angaben": a leader's surname that the
        # article gave to someone else means that other person, not the leader, again
        self.others_surnames: set[str] = set()
        # "President-elect Trump", "der designierte Kanzler Merz": leaders the article names
        # as elected and not yet in office (see `Discourse.finish`)
        self.elected: set[str] = set()
        # "an Israeli court … The court": the sentence a body's word was last used outside a name
        self.plain_use: dict[str, int] = {}
        # "South Korea's Foreign Ministry protested … The ministry demanded": a state body
        # named with its state (body word, its modifier) -> (the state, the sentence)
        self.bodies: dict[tuple[str, str | None], tuple[str, int]] = {}
        # the mentions named only inside a prepositional phrase ("abide by the Gulf Cooperation
        # Council"), by id: a body told back is rather one named as a side
        self.in_phrase: set[int] = set()
        # "Saudi Arabia, the UAE and Bahrain recalled … . They also asked Qatar …": the list
        # of sides that opened each sentence, for a "they" that opens the next
        self.opening_lists: list[list[Found]] = []

    def look_ahead(self, sentences: list[tuple[Sentence, list[Token]]]) -> None:
        """A headline names leaders by the surname the lead gives in full after it ("Lee,
        Ishiba stress …" before "President Lee Jae-myung held …"): learn those names first."""
        ahead = MentionFinder(self.gaz, self.lex, self.on)
        for sentence, tokens in sentences:
            ahead.find(sentence, tokens)
        for key, (entity, how) in ahead.local_names.items():
            if how == "alias":
                self.local_names.setdefault(key, (entity, how))

    def find(self, sentence: Sentence, tokens: list[Token]) -> list[Found]:
        names = self._bodies_of_others(tokens, self._names(sentence, tokens))
        self._note_elected(tokens, names)
        found = self._not_of_another_state(tokens, self._titles(sentence, tokens, names))
        found += self._pronouns(sentence, tokens, found)
        found.sort(key=lambda f: f.first)
        self.history.extend(f.mention for f in found)
        # subjects first: "er" in the next sentence is Macron in "Nach seinem Treffen mit
        # Putin ist Macron in Kiew eingetroffen", not the leader named first
        self.by_sentence.append([f.mention for f in sorted(
            found, key=lambda f: self._in_phrase(tokens, f.first))])
        self._learn_short_names(found)
        self._learn_abbreviations(tokens, found)
        self._note_plain_uses(sentence, tokens, found)
        self._note_bodies(sentence, tokens, found)
        self._note_phrases(tokens, found)
        self.opening_lists.append(self._opening_list(tokens, found))
        return found

    def _opening_list(self, tokens: list[Token], found: list[Found]) -> list[Found]:
        """Two or more sides listed at the start of a sentence, before any other word (past
        a few capitalized ones: "Regional heavyweight Saudi Arabia, the UAE and Bahrain"), and
        the whole of its sides (not "A, B and C signed the declaration with Qatar")."""
        sides = [f for f in found if f.actor and f.mention.how != "pronoun"]
        if not sides or sides[0].first > 3 or any(
                t.is_word and not t.capitalized for t in tokens[:sides[0].first]):
            return []
        listed = [sides[0]]
        joiners = self.lex.word_class("conjunction") | self.lex.word_class("determiner") | {","}
        for f in sides[1:]:
            between = tokens[listed[-1].last + 1:f.first]
            if not between or not all(t.key in joiners for t in between):
                break
            listed.append(f)
        partner = any(t.key in ("with", "mit") and any(f.first == i + 1 or f.first == i + 2 for f in sides)
                      and tokens[i - 1].key not in self.lex.word_class("partner_not")
                      for i, t in enumerate(tokens) if listed[-1].last < i <= listed[-1].last + 8)
        return listed if len(listed) >= 2 and not partner else []

    def _note_phrases(self, tokens: list[Token], found: list[Found]) -> None:
        """The mentions inside a prepositional phrase ("abide by the Gulf Cooperation
        Council"): a preposition before the name, past its article and up to two adjectives."""
        determiners, prepositions = self.lex.word_class("determiner"), self.lex.word_class("preposition")
        for f in found:
            j = f.first - 1
            while j >= 0 and (tokens[j].key in determiners or j >= f.first - 2 and tokens[j].is_word
                              and tokens[j].text.islower() and tokens[j].key not in prepositions):
                j -= 1
            if j >= 0 and tokens[j].key in prepositions:
                self.in_phrase.add(id(f.mention))

    def _not_of_another_state(self, tokens: list[Token], found: list[Found]) -> list[Found]:
        """"ihren nigrischen Kollegen Kalla Moutari", "his Nigerien counterpart Kalla": a
        person's name right after another state's adjective and a role is someone of that
        state, not the person of ours whose surname it shares (Indonesia's Jusuf Kalla)."""
        roles = self.lex.word_class("colleague") | self.lex.word_class("counterpart") | \
            self.lex.word_class("person_anaphor")
        out = []
        for f in found:
            # (a surname alone: a full name is the person's own)
            person = f.first == f.last and (
                f.mention.how == "official" or self.gaz.entities[f.mention.entity].kind == "leader")
            before = next((d for d in found if d.mention.how in ("demonym", "demonym-actor", "title",
                                                                  "title-demonym")
                           and f.first - 3 <= d.last < f.first), None)
            between = tokens[before.last + 1:f.first] if before else []
            if person and before is not None and all(t.key in roles for t in between) \
                    and self.gaz.state_of(f.mention.entity, self.on) != before.mention.entity:
                continue
            out.append(f)
        return out

    def _bodies_of_others(self, tokens: list[Token], names: list[Found]) -> list[Found]:
        """"der Kollektive Sicherheitsrat der OVKS", "the Security Council of the CSTO": a
        body that another organisation owns stands for that organisation, not for the body of
        the same name elsewhere (the UN's; "the Security Council of the United Nations",
        whose own name holds "United Nations", stays the UN's); "the Russian Security
        Council" is Russia's."""
        by_first = {f.first: f for f in names}
        by_last = {f.last: f for f in names}
        out = []
        for f in names:
            state = by_last.get(f.first - 1)
            if self._council(f) and state is not None and state.mention.how == "demonym" and \
                    self.gaz.entities[state.mention.entity].kind == "state":
                # "Russian Security Council Secretary Shoigu": Russia's council, not the UN's
                out.append(replace(f, mention=replace(f.mention, entity=state.mention.entity)))
                continue
            j = f.last + 1
            while j < len(tokens) and tokens[j].key in ("der", "des", "of", "the"):
                j += 1
            owner = by_first.get(j) if j > f.last + 1 and tokens[f.last + 1].key != "the" else None
            # ("der Sicherheitsrat Russlands", "the Security Council of Russia": a state's own)
            owner = owner or (by_first.get(f.last + 1) if self._council(f) else None)
            if owner is not None and self._organisation(f) and (
                    self._organisation(owner) or self.gaz.entities[owner.mention.entity].kind == "state") \
                    and not self._named_after(f.mention.entity, owner.mention.entity):
                f = replace(f, mention=replace(f.mention, entity=owner.mention.entity))
            out.append(f)
        return out

    def _organisation(self, f: Found) -> bool:
        return self.gaz.entities[f.mention.entity].kind == "organisation"

    def _council(self, f: Found) -> bool:
        """A body many states and organisations have one of (a security council), whose name
        alone is the UN's: "the Russian Security Council" is Russia's."""
        entity = self.gaz.entities[f.mention.entity]
        if entity.kind != "organisation":
            return False  # (most mentions: no label to split)
        return any(
            fold(w) in self.lex.word_class("council_noun") or fold(w) == "council"
            for name in (entity.label_en, entity.label_de) for w in name.replace("-", " ").split())

    def _named_after(self, body: str, owner: str) -> bool:
        """Whether a body's own names hold one of the owner's ("UN-Sicherheitsrat")."""
        o, words = self.gaz.entities[owner], self.gaz.name_words(body)
        return any(all(w in words for w in fold(name).replace("-", " ").split())
                   for name in (o.label_en, o.label_de, *o.aliases))

    def _in_phrase(self, tokens: list[Token], first: int) -> bool:
        """Whether a name stands after a preposition (determiners and adjectives between)."""
        j = first - 1
        determiners = self.lex.word_class("determiner")
        while j >= 0 and (tokens[j].key in determiners or tokens[j].text.islower()
                          and tokens[j].key not in self.lex.word_class("preposition")):
            j -= 1
        return j >= 0 and tokens[j].key in self.lex.word_class("preposition")

    def _note_elected(self, tokens: list[Token], names: list[Found]) -> None:
        """A leader's name with an "elect" word just before it ("President-elect Donald
        Trump", "der gewählte US-Präsident Biden"), or in a sentence that tells of an election
        won ("congratulated Trump on his election victory", "seit Trumps Wiederwahl"; not
        "claimed victory in the debate"): such a leader acts for the state to be led only
        when the gazetteer has their term begin within INCOMING_DAYS (`Discourse.finish`)."""
        leaders = [f for f in names if self.gaz.entities[f.mention.entity].kind == "leader"]
        if not leaders:
            return  # (most sentences: no need to look for an election)
        cues = self.lex.word_class("elect_cue")
        keys = {t.key for t in tokens} | {  # ("re-election" is three tokens)
            tokens[i - 1].key + tokens[i + 1].key for i in range(1, len(tokens) - 1) if tokens[i].text == "-"}
        won = bool(keys & self.lex.word_class("election_won")) or bool(
            keys & self.lex.word_class("won_word")) and bool(keys & self.lex.word_class("election_noun"))
        for f in leaders:
            # (a nickname in quotes may stand between: "president-elect Ferdinand “Bongbong” Marcos")
            if won or any(t.key in cues for t in tokens[max(0, f.first - 6):f.first]):
                self.elected.add(f.mention.entity)

    def _learn_short_names(self, found: list[Found]) -> None:
        for f in found:
            entity = self.gaz.entities[f.mention.entity]
            if len(f.mention.text.split()) < 2:
                continue
            if entity.kind == "leader" and f.mention.how in ("name", "alias"):
                parts, how = {*entity.label_en.split(), *entity.label_de.split()}, "alias"
            elif f.mention.how == "official":  # "Wang Yi … Wang said": family name first or last
                parts, how = set(f.mention.text.split()), "official"
            else:
                continue
            # (a two-letter family name comes first: "Premier Li Qiang … Li met Ramaphosa")
            family = {label.split()[0] for label in (entity.label_en, entity.label_de)} \
                if entity.kind == "leader" else set()
            for part in parts:
                if (len(part) >= 3 or part in family and len(part) == 2 and part.isalpha()) \
                        and part[:1].isupper():
                    self.local_names.setdefault((fold(part),), (entity.key, how))

    def _learn_abbreviations(self, tokens: list[Token], found: list[Found]) -> None:
        """"der Demokratischen Republik Kongo (DRK)", "the Economic Community of West African
        States (ECOWAS)": an abbreviation in brackets after the name of a state or a body stands
        for it from then on (not a party after a person's name: "Friedrich Merz (CDU)")."""
        for f in found:
            k = f.last + 1
            if k + 2 < len(tokens) and tokens[k].text == "(" and tokens[k + 2].text == ")" \
                    and f.mention.how in ("name", "alias") and 2 <= len(tokens[k + 1].text) <= 6 \
                    and tokens[k + 1].text.isupper() and tokens[k + 1].text.isalpha() \
                    and self.gaz.entities[f.mention.entity].kind in ("state", "organisation", "region") \
                    and _abbreviates(tokens[k + 1].text, f.mention.text):
                self.local_names.setdefault((tokens[k + 1].key,), (f.mention.entity, f.mention.how))

    # -- names -----------------------------------------------------------------------------
    def _names(self, sentence: Sentence, tokens: list[Token]) -> list[Found]:
        found: list[Found] = []
        i = 0
        while i < len(tokens):
            match = self._longest_name(tokens, i)
            if match is None:
                i += 1
                continue
            end, entry = match
            if any(self._reaches_beyond(tokens, k, end) for k in range(i + 1, end + 1)):
                i += 1  # "Die EU-Kommission": not "die EU", the longer name inside it
                continue
            if end == i and self._other_first_name(tokens, i, entry):
                self.others_surnames |= {tokens[i].key, tokens[i].key + "s"}
                i += 1  # "Außenminister Ali Yusef Sharif" is not Shehbaz Sharif
                continue
            if end + 1 < len(tokens) and tokens[end + 1].text in CURRENCY_SIGNS and \
                    tokens[end + 1].start == tokens[end].end:
                i = end + 1  # "US$5 million", "NZ$": a currency, not the state
                continue
            compass = i > 0 and tokens[i - 1].capitalized and \
                tokens[i - 1].key in self.lex.word_class("compass_word")
            feature = end + 1 < len(tokens) and tokens[end + 1].key in self.lex.word_class("feature_after")
            if self.gaz.entities[entry.entity].kind == "state" and (compass or feature):
                i = end + 1  # "South Georgia", "Latin America", "the Congo Basin": another place
                continue
            if i > 0 and self._state_demonym(tokens[i - 1]) and self._role_of_a_body(tokens, end) and \
                    self.gaz.entities[entry.entity].kind == "organisation":
                i = end + 1  # "the Chinese UN envoy": the state's envoy to the body, not the body
                continue
            if i > 0 and tokens[i - 1].key in self.lex.word_class("medium_noun") \
                    and self.gaz.entities[entry.entity].metonym_of and self._ends_a_phrase(tokens, end):
                i = end + 1  # "the official Syrian agency Sana": the medium, not Yemen's capital
                continue
            if end == i and (self._official_follows(tokens, i, entry)
                             or tokens[i].key in self.others_surnames and entry.how in ("name", "alias")
                             and self.gaz.entities[entry.entity].kind == "leader"):
                i += 1
                continue
            found.append(self._classify(sentence, tokens, i, end, entry))
            i = end + 1
        return found

    def _other_first_name(self, tokens: list[Token], i: int, entry: NameEntry) -> bool:
        """A leader's surname after two first names that are none of the leader's own, right
        after a title ("Außenminister Ali Yusef Sharif"), is another person with that surname.
        A single unknown word may be a spelling of the leader's own first name ("Binyamin
        Netanyahu") and a capitalized word without a title before it a German noun ("Besuch
        Putins") or a headline's ("Biden Meets Xi")."""
        if self.gaz.entities[entry.entity].kind != "leader" or entry.how not in ("name", "alias"):
            return False
        leader = self.gaz.entities[entry.entity]
        own = {fold(w) for name in (leader.label_en, leader.label_de, *leader.aliases)
               for w in name.replace("-", " ").split()}
        offices = tuple(self.lex.word_class("office_suffix"))
        j = i - 1
        while j >= 0 and tokens[j].is_word and tokens[j].capitalized and tokens[j].key not in own \
                and tokens[j].key not in self.lex.title_starts and not tokens[j].key.endswith(offices) \
                and tokens[j].key not in calendar_words(self.lex.lang):
            j -= 1
        return i - j > 2 and j >= 0 and (tokens[j].key in self.lex.title_starts
                                         or tokens[j].key.endswith(offices))

    def _official_follows(self, tokens: list[Token], i: int, entry: NameEntry) -> bool:
        """A leader's one-word name right before an official's name is that official's first
        name ("Foreign Minister Abbas Araqchi" is not Mahmoud Abbas)."""
        if self.gaz.entities[entry.entity].kind != "leader" or i + 1 >= len(tokens):
            return False
        after = self._longest_name(tokens, i + 1)
        return after is not None and after[1].how == "official" and after[1].entity != entry.entity

    def _reaches_beyond(self, tokens: list[Token], k: int, end: int) -> bool:
        later = self._longest_name(tokens, k)
        return later is not None and later[0] > end

    def _longest_name(self, tokens: list[Token], i: int) -> tuple[int, NameEntry] | None:
        if not tokens[i].is_word:
            return None
        for size in self.gaz.lengths.get(tokens[i].key, ()):
            if i + size > len(tokens):
                continue
            key = tuple(t.key for t in tokens[i:i + size])
            entries = [e for e in self.gaz.names.get(key, ()) if self._case_ok(e, tokens[i:i + size])
                       and e.valid_on(self.on) and e.lang in (None, self.lex.lang)]
            if entries and size == 1 and self._inside_another_name(tokens, i) and all(
                    self.gaz.entities[e.entity].kind == "leader" for e in entries):
                continue  # "Abdul Ghani Baradar" is not Ashraf Ghani
            if entries:
                return i + size - 1, self._choose(entries)
        local = self.local_names.get((tokens[i].key,))
        # ("Wang Xiaoming", "Analyst Ahmad Wang": a part next to another name is someone else's)
        beside = [tokens[k] for k in (i - 1, i + 1) if 0 <= k < len(tokens) and k != 0]
        if local and tokens[i].capitalized and not any(
                t.is_word and t.capitalized and t.key not in self.lex.title_starts
                and t.key not in calendar_words(self.lex.lang) for t in beside):  # ("On Tuesday Tuya")
            return i, NameEntry(local[0], local[1], False, True)
        return self._elliptic_name(tokens, i)

    def _inside_another_name(self, tokens: list[Token], i: int) -> bool:
        """A leader's surname between two other capitalized words, no titles or days, one of
        them no word of the language ("Abdul Ghani Baradar"): a part of someone else's name
        (not "der Besuch Putins Ende Mai")."""
        if i < 2 or i + 1 >= len(tokens):
            return False
        beside = (tokens[i - 1], tokens[i + 1])
        return all(t.is_word and t.capitalized and t.key not in self.lex.title_starts
                   and t.key not in calendar_words(self.lex.lang) for t in beside) and \
            any(not is_dictionary_word(t.text, self.lex.lang) for t in beside)

    def _elliptic_name(self, tokens: list[Token], i: int) -> tuple[int, NameEntry] | None:
        """German ellipsis: "die Spratly- und die Paracel-Inseln" names the Spratly-Inseln;
        the first part borrows the head of the next hyphenated compound of the list."""
        if i + 2 >= len(tokens) or tokens[i + 1].text != "-" or \
                tokens[i + 2].key not in self.lex.word_class("conjunction") | {","}:
            return None
        for j in range(i + 3, min(len(tokens) - 2, i + 7)):
            if tokens[j + 1].text == "-" and tokens[j + 2].is_word:
                key = (tokens[i].key, "-", tokens[j + 2].key)
                entries = [e for e in self.gaz.names.get(key, ()) if not e.exact_case]
                return (i + 1, self._choose(entries)) if entries else None
        return None

    @staticmethod
    def _case_ok(entry: NameEntry, span: list[Token]) -> bool:
        if entry.exact_case:
            return all(t.text == t.text.upper() for t in span if t.is_word)
        return not entry.capitalized or span[0].capitalized

    def _choose(self, entries: list[NameEntry]) -> NameEntry:
        """An ambiguous name means what it meant earlier in the article, else the likelier kind;
        a former leader serving as minister on the day ("Lars Løkke Rasmussen" in 2025)
        speaks for the state they serve."""
        seen = {m.entity for m in self.history}
        if any(e.how == "official" for e in entries):
            out_of_office = {e.entity for e in entries if self.gaz.entities[e.entity].kind ==
                             "leader" and not self.gaz.in_office(e.entity, self.on)}
            entries = [e for e in entries if e.entity not in out_of_office] or entries
        return min(entries, key=lambda e: (e.entity not in seen,
                                           KIND_PRIORITY.get(self.gaz.entities[e.entity].kind, 9)))

    def _classify(self, sentence: Sentence, tokens: list[Token], first: int, last: int,
                  entry: NameEntry) -> Found:
        entity = self.gaz.entities[entry.entity]
        key, how, actor = entity.key, entry.how, entity.kind in ACTOR_KINDS
        compound = last + 2 < len(tokens) and tokens[last + 1].text == "-" and tokens[last + 2].is_word \
            and tokens[last + 1].start == tokens[last].end
        if entity.metonym_of:
            place = self._after_locative(tokens, first) or self._named_as_a_city(tokens, first)
            if place and not self._government_in(tokens, first):
                how, actor = "place", False
            else:
                key, how, actor = entity.metonym_of, "metonym", True
        elif entity.kind == "state" and (self._country_of_a_place(tokens, first, last, entity.key)
                                         or self._owns_a_city(tokens, last)):
            how, actor = "place", False
        if how == "demonym":
            actor = self._government_follows(tokens, last)
            how = "demonym-actor" if actor else how
        elif how == "people":
            actor = self._people_as_side(tokens, first)
            how = "demonym-actor" if actor else "demonym"
        if compound and tokens[last + 2].key in self.lex.word_class("government") and \
                entity.kind in ACTOR_KINDS | {"city"}:
            actor = True  # "der US-Regierung", "die Kreml-Führung": that state's government
        elif compound and tokens[last + 2].key in self.lex.word_class("member_body") and \
                entity.kind == "organisation":
            actor = True  # "die EU-Staaten", "die Nato-Außenminister" act for their alliance
        elif compound:
            how, actor = "compound", False
        elif actor and self._modifies_a_noun(tokens, first, last):
            how, actor = "modifier", False
        return Found(self._mention(sentence, tokens, first, last, key, how), first, last, actor)

    def _people_as_side(self, tokens: list[Token], first: int) -> bool:
        """"the Palestinians want …", "aid for Palestinians", "Waffen an die Ukrainer", "Die
        Palästinenser beanspruchen …" name a side; "Scholz met Ukrainians", "besuchte die
        Ukrainer", "Die Iraner, die gegen das Regime protestieren, …" (people, not a state) do not."""
        receiving = self.lex.word_class("receiver_prep")
        before = [t.key for t in tokens[max(0, first - 2):first]]
        return bool(before) and (before[-1] == "the" or before[-1] in receiving or (
            len(before) == 2 and before[1] in ("die", "den") and before[0] in receiving)
            or first == 1 and before == ["die"] and first + 1 < len(tokens) and tokens[first + 1].text != ",")

    def _modifies_a_noun(self, tokens: list[Token], first: int, last: int) -> bool:
        """"the Ukraine war", "a Gaza ceasefire": an English name between an article and a
        noun it qualifies names a topic, not a side; before a word for a conflict it does so
        without an article too (headlines drop theirs)."""
        determiners = self.lex.word_class("determiner")  # ("the Ukraine" is a name of its own)
        if self.lex.lang == "en" and last + 1 < len(tokens) and \
                tokens[last + 1].key in self.lex.word_class("conflict_noun") and not (
                    first > 0 and tokens[first - 1].key in self.lex.word_class("conjunction")):
            return True  # "to end Ukraine war", "the Russia-Ukraine conflict": names of a war
        return self.lex.lang == "en" and last + 1 < len(tokens) and (
            tokens[first].key in determiners or first > 0 and tokens[first - 1].key in determiners) \
            and tokens[last + 1].key in self.lex.word_class("modified_noun")

    def _after_locative(self, tokens: list[Token], first: int) -> bool:
        j = first - 1
        while j >= 0 and tokens[j].key in self.lex.word_class("determiner"):
            j -= 1
        return j >= 0 and tokens[j].key in self.lex.word_class("locative")

    def _staff_at(self, tokens: list[Token], first: int) -> bool:
        """"summoned a senior official at the Chinese embassy": one of its staff, who speaks
        for it, not a place where something happens."""
        j = first - 1
        while j >= 0 and tokens[j].key in self.lex.word_class("determiner"):
            j -= 1
        return j >= 1 and tokens[j].key in self.lex.word_class("locative") and \
            tokens[j - 1].key in self.lex.word_class("staff_noun")

    def _named_as_a_city(self, tokens: list[Token], first: int) -> bool:
        """"in Turkmenistan's capital Ashgabat": a city after "capital" in a place's phrase (not
        "Turkey and the Syrian capital Damascus agreed", "officials in the capital Kyiv")."""
        if first == 0 or tokens[first - 1].key not in self.lex.word_class("city_noun"):
            return False
        start = max(0, first - 6)
        # ("mit seinem Kollegen in Ecuadors Hauptstadt Quito": its state's genitive before it)
        noun_after = 1 if self.lex.lang == "de" else 3  # "Ecuadors Hauptstadt", "Ecuador's capital"
        for j in range(start, first - 1):
            owner = self._longest_name(tokens, j)
            if owner is not None and owner[0] + noun_after == first - 1 and self._owns_a_city(
                    tokens, owner[0]) and self.gaz.entities[owner[1].entity].kind == "state":
                return True
        preps = [j for j in range(start, first - 1) if tokens[j].key in self.lex.word_class("place_prep")]
        government = self.lex.word_class("government")
        return bool(preps) and not any(t.key in government for t in tokens[start:first])

    def _role_of_a_body(self, tokens: list[Token], end: int) -> bool:
        """An envoy right after a body's name ("UN envoy", "UN-Botschafter"); not the body
        itself or its own people ("Lebanese Hezbollah", "Palestinian Hamas officials")."""
        return end + 1 < len(tokens) and tokens[end + 1].key in self.lex.word_class("envoy_noun")

    def _state_demonym(self, token: Token) -> bool:
        return any(e.how == "demonym" and self.gaz.entities[e.entity].kind == "state"
                   for e in self.gaz.names.get((token.key,), ()))

    def _owns_a_city(self, tokens: list[Token], last: int) -> bool:
        """"in Ecuador's capital Quito", "in Ecuadors Hauptstadt Quito": where, not who."""
        k = last + 1
        if k + 1 < len(tokens) and tokens[k].text in ("'", "’") and tokens[k + 1].key == "s":
            k += 2
        elif not (self.lex.lang == "de" and tokens[last].text.endswith("s")):
            return False
        return k < len(tokens) and tokens[k].key in self.lex.word_class("city_noun")

    def _ends_a_phrase(self, tokens: list[Token], end: int) -> bool:
        """No verb of a clause of its own follows ("told the newspaper Moscow must withdraw")."""
        after = tokens[end + 1] if end + 1 < len(tokens) else None
        return after is None or not after.is_word or after.key in self.lex.word_class("block_prep") \
            or after.key in self.lex.word_class("speech_verb")

    def _country_of_a_place(self, tokens: list[Token], first: int, last: int, state: str) -> bool:
        """"in Asunción, Paraguay, Macri asked …", "met in Sochi, Russia.": the country after
        a place's name says where the place is; it takes no part."""
        if first < 3 or tokens[first - 1].text != "," or not (
                last + 1 == len(tokens) or tokens[last + 1].text in (",", ".", ")", ";")):
            return False
        # (the first of a list of sides is none: "in Madrid, Spain, France and Portugal agreed")
        definite = self.lex.word_class("definite")
        after = last + 2 + (last + 3 < len(tokens) and tokens[last + 2].key in definite)
        following = self._longest_name(tokens, after) if after < len(tokens) and \
            tokens[last + 1].text == "," else None
        if following is not None and following[1].how != "official" \
                and self.gaz.entities[following[1].entity].kind == "state":
            return False
        j = first - 2
        places = self.lex.word_class("place_prep")
        while j > first - 5 and tokens[j].is_word and tokens[j].capitalized and tokens[j].key not in places:
            j -= 1  # (up to "In" opening the sentence: "In Geneva, Switzerland, Blinken met …")
        # (a list of states is none: "grain to Burkina Faso, Zimbabwe, Mali"; nor a state a
        # known city lies outside of: "In Brussels, Hungary, which holds the presidency, …")
        place = self._longest_name(tokens, j + 1)
        city = self.gaz.entities[place[1].entity] if place is not None else None
        listed = city is not None and (city.kind != "city" or bool(city.part_of)
                                       and city.part_of != state)
        # (nor a time or a part of the world: "In January, Ukraine, …", "In Asia, Japan, …"; nor,
        # after a town the gazetteer does not know, a state a relative clause tells of)
        vague = any(t.key in calendar_words(self.lex.lang) or t.key in self.lex.word_class("world_region")
                    for t in tokens[j + 1:first - 1])
        relative = last + 2 < len(tokens) and tokens[last + 2].key in self.lex.word_class("relative")
        told_of = city is None and relative
        k = j
        while k >= 0 and tokens[k].key in self.lex.word_class("determiner"):
            k -= 1
        return j < first - 2 and k >= 0 and tokens[k].key in self.lex.word_class("place_prep") \
            and not (listed or vague or told_of)

    def _government_in(self, tokens: list[Token], first: int) -> bool:
        """"die Regierung in Kiew", "officials from Tehran": the capital stands for the state
        (not after another state's adjective: "his Colombian counterpart in Quito" is where)."""
        return first >= 2 and tokens[first - 1].key in ORIGIN_PREPOSITIONS and (
            tokens[first - 2].key in self.lex.word_class("government")
            or tokens[first - 2].lemma in self.lex.word_class("government")) and not (
            first >= 3 and self._state_demonym(tokens[first - 3]))

    def _government_follows(self, tokens: list[Token], last: int) -> bool:
        """"die russische Regierung", "Russian officials", "dem russischen Militär", and the
        first of coordinated adjectives ("Ukrainian and Russian delegations")."""
        k = last + 1
        if k + 1 < len(tokens) and tokens[k].key in self.lex.word_class("conjunction") | {","} \
                and any(e.how == "demonym" for e in self.gaz.names.get((tokens[k + 1].key,), ())):
            k += 2  # "ukrainische und russische Delegationen"
        modifiers, joiners = self.lex.word_class("government_modifier"), self.lex.word_class("conjunction")
        if k + 1 < len(tokens) and tokens[k].key in modifiers:
            k += 1  # "Saudi security chiefs", "Russian defence officials"
            while k + 1 < len(tokens) and tokens[k].key in joiners and tokens[k + 1].key in modifiers:
                k += 2  # "the Japanese foreign and defence ministers"
        nxt = tokens[k] if k < len(tokens) else None
        after = self._longest_name(tokens, k) if nxt is not None else None
        if after is not None and self.gaz.entities[after[1].entity].kind == "organisation" \
                and self._role_of_a_body(tokens, after[0]):
            return True  # "the Chinese UN envoy": the state's own
        # ("told the Iranian embassy to …" asks Iran; "asylum in the Mexican embassy" is where)
        embassy = nxt is not None and nxt.key in self.lex.word_class("embassy") \
            and not (self._after_locative(tokens, last) and not self._staff_at(tokens, last))
        # ("mit seinem kolumbianischen Kollegen": his counterpart; not "seine französischen
        # Kollegen von den Grünen", "die deutschen Kollegen seien gereist")
        colleague = nxt is not None and nxt.key in self.lex.word_class("colleague") and last >= 1 and \
            tokens[last - 1].key in self.lex.word_class("possessive_person") and \
            not (k + 1 < len(tokens) and tokens[k + 1].key in ("von", "vom", "aus"))
        return nxt is not None and (nxt.key in self.lex.word_class("government")
                                    or nxt.lemma in self.lex.word_class("government") or embassy or colleague)

    # -- titles ----------------------------------------------------------------------------
    def _titles(self, sentence: Sentence, tokens: list[Token], names: list[Found]) -> list[Found]:
        by_first = {f.first: f for f in names}
        by_last = {f.last: f for f in names}
        out = list(names)
        i = 0
        while i < len(tokens):
            title = self._title_at(tokens, i)
            if title is None:
                i += 1
                continue
            end, roles, implied = title
            if end + 2 < len(tokens) and tokens[end + 1].text == "-" and \
                    tokens[end + 2].key in ("elect", "designate"):
                i = end + 3  # "President-elect Donald Trump" does not hold the office yet
                continue
            state_found = self._title_state(tokens, i, end, by_last, by_first)
            state = state_found.mention.entity if state_found else implied
            # (a first name the gazetteer lacks may stand between: "President Recep Erdogan";
            # never a verb: "The Chinese leader urged Trump …" is not Trump)
            person = by_first.get(end + 1) or (by_first.get(end + 2) if end + 1 < len(tokens)
                                                and tokens[end + 1].capitalized else None)
            # ("Die frisch gewählte Präsidentin der Republik Moldau, Maia Sandu, …": the person
            # in apposition holds the title, whoever held the office that day; not "After talks
            # with the Turkish president, Vladimir Putin said …": a leader of another state)
            tail = state_found.last if state_found and state_found.first > end else end
            comma = tail + 2 < len(tokens) and tokens[tail + 1].text == ","
            apposed = by_first.get(tail + 2) if comma else None
            if apposed is not None and state is not None and \
                    self.gaz.state_of(apposed.mention.entity, self.on) == state:
                person = person or apposed
            former = any(t.key in self.lex.word_class("past_office") for t in tokens[max(0, i - 3):i])
            if person and not former and self._minister_before_office(person, roles, state):
                # "Georgia's Economy Minister Giorgi Gakharia" two years before he led its
                # government: a minister speaks for his state, not as the leader he became
                self._absorb(out, state_found)
                person.mention = replace(person.mention, entity=cast(str, state), how="official")
                person.first = min(person.first, state_found.first if state_found else i, i)
            elif person and self.gaz.entities[person.mention.entity].kind == "leader":
                self._absorb(out, state_found)  # "Chinese President Xi": Xi is the actor
                # the title belongs to the person's phrase ("of Turkish President Erdogan")
                person.first = min(person.first, state_found.first if state_found else i, i)
            elif state and self.gaz.entities.get(state) and self.gaz.entities[state].kind in ACTOR_KINDS:
                first = state_found.first if state_found and state_found.first < i else i
                # "der damalige US-Präsident", "the former prime minister": not today's holder
                past = any(t.key in self.lex.word_class("past_office")
                           for t in tokens[max(0, first - 2):first])
                holder = None if past else self.gaz.office_holder(state, roles, self.on)
                last = max(end, state_found.last) if state_found else end
                self._absorb(out, state_found)
                out.append(Found(self._mention(sentence, tokens, first, last, holder or state,
                                               "title"), first, last, True))
                if holder is None:
                    self._learn_unlisted_official(tokens, end, state, set(by_first))
            elif state is None and not self._after_group_word(tokens, i) \
                    and self._singular(tokens, i) and (holder := self._recent_leader(
                        roles, " ".join(t.key for t in tokens[i:end + 1]))):
                out.append(Found(self._mention(sentence, tokens, i, end, holder, "title"), i, end,
                                 True))
            i = end + 1
        return out

    def _learn_unlisted_official(self, tokens: list[Token], end: int, state: str,
                                 named: set[int]) -> None:
        """"Verteidigungsminister Boris Pistorius … Pistorius sagte": a minister the
        gazetteer does not list, named right after a state's title, speaks for that state when
        the article names them again by a part of the name. Only words the language's word
        list lacks count as parts of a name: German capitalizes every noun ("Außenminister
        Wadephul Gespräche"), and a headline every word."""
        # (or set off by commas: "Syrian Finance Minister, Mohammed Barnieh, announced …")
        k = end + 1
        if k < len(tokens) and tokens[k].text == ",":
            closing = next((i for i in range(k + 1, min(len(tokens), k + 7))
                            if not tokens[i].is_word and tokens[i].text not in ("-", "'", "’")), None)
            if closing is None or tokens[closing].text != "," or closing + 1 < len(tokens) and \
                    tokens[closing + 1].key in self.lex.word_class("conjunction"):
                return  # (not a list: "the Egyptian Foreign Minister, Witkoff, and Qatar's …")
            k += 1
        while k < len(tokens) and k <= end + 4 and k not in named and tokens[k].is_word \
                and tokens[k].capitalized and tokens[k].key not in self.lex.title_starts:
            word = tokens[k].text
            if len(word) >= 3 and not is_dictionary_word(word, self.lex.lang):
                self.local_names.setdefault((tokens[k].key,), (state, "official"))
                if self.lex.lang == "de" and not tokens[k].key.endswith(("s", "x", "z")):
                    self.local_names.setdefault((tokens[k].key + "s",), (state, "official"))
            k += 1

    def _title_at(self, tokens: list[Token], i: int) -> tuple[int, tuple[str, ...], str | None] | None:
        starts = self.lex.title_starts
        # "Vizeaußenminister", "Übergangsministerpräsident": a deputy or a stand-in, not the
        # holder the gazetteer lists; the state speaks through them as through a minister
        prefix = next((p for p in self.lex.word_class("title_prefix") if tokens[i].key.startswith(p)), "")
        if prefix and len(tokens[i].key) > len(prefix) + 3:
            rest = tokens[i].text[len(prefix):]
            for word in word_forms(rest[0].upper() + rest[1:], self.lex.lang):
                if (word,) in self.lex.titles:
                    return i, ("minister",), self.lex.titles[(word,)][1]
        if tokens[i].key not in starts and tokens[i].lemma not in starts:
            return None
        for size in (4, 3, 2, 1):
            span = tokens[i:i + size]
            if len(span) < size:
                continue
            for key in (tuple(t.key for t in span), tuple(t.lemma for t in span)):
                if key in self.lex.titles:
                    roles, state = self.lex.titles[key]
                    return i + size - 1, roles, state
            # "US-Präsident", "Nato-Generalsekretär": a name, a hyphen and a title.
        return None

    def _title_state(self, tokens: list[Token], first: int, last: int,
                     by_last: dict[int, Found], by_first: dict[int, Found]) -> Found | None:
        """The state a title belongs to: right before it ("Frankreichs", "russische", "US-",
        "Kenya's"),
        or a genitive/"of" right after it ("Präsident Russlands", "President of Russia")."""
        j = first - 1
        # ("Australia's Immigration Minister", "Britain's Home Affairs Minister": the ministry's
        # own words before a bare "Minister")
        while self.lex.lang == "en" and tokens[last].key in ("minister", "secretary") and j >= first - 3 \
                and j > 0 and tokens[j].capitalized and j not in by_last and tokens[j].is_word:
            j -= 1
        if j >= 2 and tokens[j].key == "s" and tokens[j - 1].text in ("'", "’"):
            j -= 2  # "Kenya's Defence Minister"
        before = by_last.get(j) or (by_last.get(j - 1) if tokens[j].text == "-"
                                    else None) if j >= 0 else None
        if before and self._is_state_like(before):
            return before
        after = by_first.get(last + 1)
        if after is not None and after.mention.how == "official":
            return None  # "Foreign Minister Wang Yi" holds the title; China is not named
        if after is None and last + 1 < len(tokens) and tokens[last + 1].key in ("of", "des", "der", "von"):
            after = by_first.get(last + 2) or by_first.get(last + 3)
        if after and self._is_state_like(after) and after.mention.how != "place":
            return after
        return None

    def _is_state_like(self, found: Found) -> bool:
        return self.gaz.entities[found.mention.entity].kind in ("state", "organisation")

    @staticmethod
    def _absorb(out: list[Found], state_found: Found | None) -> None:
        if state_found is not None:  # "der französische Präsident" names France by adjective only
            state_found.actor = False
            how = "title-demonym" if state_found.mention.how.startswith("demonym") else "title-state"
            state_found.mention = replace(state_found.mention, how=how)

    def _recent_leader(self, roles: tuple[str, ...], title: str) -> str | None:
        """"der Präsident", "the chancellor": the leader last named who holds such an office,
        one whose office is called so first ("the Prime Minister" after "President Biden …
        Prime Minister Netanyahu" is Netanyahu, though both head a government)."""
        holding = self._holding(roles, self.history[-12:])
        named = [key for key, o in holding
                 if title in fold(o.label_en) or title in fold(o.label_de)]
        if not named and title in self.lex.word_class("premier_title"):
            # "der Premierminister" after Trump and, earlier, Netanyahu: a head of government
            # who is not their state's president too, however long ago the article named them
            named = [key for key, o in self._holding(roles, self.history)
                     if "head_of_state" not in o.roles and _premier_office(o)]
        return (named or [key for key, _ in holding] or cast("list[str | None]", [None]))[0]

    def _holding(self, roles: tuple[str, ...], mentions: list[Mention]) -> list[tuple[str, Office]]:
        """The leaders of `mentions`, the last named first, with their offices of `roles` that day."""
        recent = [m.entity for m in reversed(mentions) if self.gaz.entities[m.entity].kind == "leader"]
        return [(key, o) for key in dict.fromkeys(recent) for o in self.gaz.offices
                if o.holder == key and o.roles & set(roles)
                and o.start <= self.on and (o.end is None or self.on <= o.end)]

    def _minister_before_office(self, person: Found, roles: tuple[str, ...], state: str | None) -> bool:
        """A minister's title before someone the gazetteer lists for a leader's office they
        did not hold that day (before it, or after it: "Foreign Secretary David Cameron")."""
        entity = self.gaz.entities[person.mention.entity]
        return state is not None and set(roles) == {"minister"} and entity.kind == "leader" \
            and self.gaz.entities[state].kind == "state" and not self.gaz.in_office(entity.key, self.on)

    def _singular(self, tokens: list[Token], i: int) -> bool:
        """A bare title names one person only in the singular: "der Kanzler", "des Kanzlers",
        not "die Regierungschefs", "Staats- und Regierungschefs", "the leaders"."""
        token = tokens[i]
        if token.key == token.lemma:
            return not (self.lex.lang == "de" and i > 0 and tokens[i - 1].key in ("die", "und"))
        return self.lex.lang == "de" and i > 0 and tokens[i - 1].key in ("des", "dem", "den", "der")

    def _after_group_word(self, tokens: list[Token], i: int) -> bool:
        """"Beide Staatsoberhäupter", "the two leaders": a group, not one person."""
        before = [t.key for t in tokens[max(0, i - 2):i]]
        return any(k in self.lex.word_class("group") for k in before) or before == ["the", "two"]

    # -- pronouns --------------------------------------------------------------------------
    def _pronouns(self, sentence: Sentence, tokens: list[Token], found: list[Found]) -> list[Found]:
        """"er"/"he" is the leader named last in this sentence, else the first leader of the
        previous sentence that names one (its subject, in news prose); "it" after a state in
        the same sentence is that state ("Iran said it had supplied…")."""
        out = []
        for i, token in enumerate(tokens):
            if token.key not in self._pronoun_words:
                continue  # (most words: one lookup instead of a dozen)
            if token.key in self.lex.word_class("possessive_leader") and \
                    self._government_follows(tokens, i):
                # "seine Regierung", "his government": the state of the leader meant by "his"
                leader = self._leader_for_pronoun([f.mention for f in found if f.last < i])
                key = self.gaz.state_of(leader, self.on) if leader else None
                if key:
                    out.append(Found(self._mention(sentence, tokens, i, i + 1, key, "pronoun"),
                                     i, i + 1, True))
                continue
            official = self._possessive_official(sentence, tokens, i, found)
            if official is not None:
                out.append(official)
                continue
            how = "pronoun"
            if self._event_possessive(tokens, i) or self._singular_sie(tokens, i):
                # "bei ihrem Besuch in Peking", "during his visit"; "sie sagte" (she, not they)
                # ("Gemeinsam mit ihrem Kollegen X eröffnete sie …": after an inverted verb,
                # the phrase before it names someone else; she is the one told before)
                inverted = self._after_inverted_verb(tokens, i)
                if inverted and any(f.last == i - 2 and f.actor and _opens_clause(tokens, f.first)
                                    for f in found):
                    continue  # "…, Japan verlangt sie zurück": the subject came first, "sie" is its object
                told_here = not inverted or self._singular_sie(tokens, i, or_inverted=False)
                key = self._leader_for_pronoun([f.mention for f in found if f.last < i] if told_here else [])
                how = "possessive" if self._event_possessive(tokens, i) else how
            elif token.key in self.lex.word_class("pronoun_leader") or self._person_anaphor(tokens, i, found):
                # "er", "she"; "Die Grünen-Politikerin ruft Peking auf", "the minister urged":
                # the person told before (not one the speaker's own quote names: "«Ich habe
                # mit Claudia Sheinbaum telefoniert», schreibt er")
                quoted = _quoted_before(tokens, i)
                key = self._leader_for_pronoun([f.mention for f in found
                                                if f.last < i and f.first not in quoted])
            elif token.key in self.lex.word_class("pronoun_leader_object") or \
                    self._other_person(tokens, i, found):
                # "Scholz empfing ihn", "Putin empfing seinen Gast", "bat seinen Gastgeber":
                # not the subject of its own sentence, someone told before
                # (nor the one an earlier pronoun of the sentence stands for: "She urged him")
                mine = {f.mention.entity for f in found + out}
                key = self._leader_for_pronoun([], exclude=mine)
            elif (token.key in self.lex.word_class("pronoun_state") and (token.text.islower() or i == 0)) \
                    or self._body_anaphor(tokens, i, found):
                # "it", "the Foreign Ministry", "das Außenministerium": the state named before
                # it in the sentence ("In Cairo, the ministry demanded …"), else the state whose
                # body this is, told before, else the state of the sentence before — the body
                # told before first when it reports after a comma ("Tokyo repeated its claim,
                # the ministry said": the state named is what it reports)
                here = [] if self._reports_after_comma(tokens, i) else [f for f in found if f.last < i]
                opening = next((self.gaz.state_of_place(f.mention.entity) for f in here
                                if f.mention.how == "place" and f.first == 1), None)  # "In Cairo, …"
                key = self._state_for_pronoun([f for f in here if f.actor], nearby=False) or opening \
                    or self._body_owner(sentence, tokens, i) or self._state_for_pronoun([])
            elif i == 0 and token.key in self.lex.word_class("pronoun_group") and self.opening_lists \
                    and self.opening_lists[-1]:
                # "They": the sides listed at the start of the sentence before, each one
                out.extend(Found(self._mention(sentence, tokens, i, i, f.mention.entity, how), i, i, True)
                           for f in self.opening_lists[-1])
                continue
            elif token.key in self.lex.word_class("government_anaphor"):
                key = self._government_meant(tokens, i, found)
            elif token.key in self.lex.word_class("organisation_anaphor"):
                key = self._organisation_meant(tokens, i, found)
            else:
                continue
            if key:
                out.append(Found(self._mention(sentence, tokens, i, i, key, how), i, i, True))
        return out

    @cached_property
    def _pronoun_words(self) -> frozenset[str]:
        """Every word `_pronouns` may read as referring back: the first test of each case."""
        classes = ("possessive_leader", "possessive_person", "possessive_official", "pronoun_leader",
                   "person_anaphor", "pronoun_leader_object", "other_person", "pronoun_state",
                   "body_anaphor", "government_anaphor", "organisation_anaphor", "pronoun_group")
        return frozenset({"sie"}).union(*(self.lex.word_class(c) for c in classes))

    def _organisation_meant(self, tokens: list[Token], i: int, found: list[Found]) -> str | None:
        """"the court", "der Gerichtshof", "the Council": after a definite article and with
        no name of its own ("the Council of Europe", "the EU court"), the organisation last
        named whose name holds that word — or, when that one was named only in a phrase, one
        named more often ("the Council" in a story of the Security Council that asks parties to
        abide by the Gulf Cooperation Council's plan) — unless the word was used since for
        something else ("an Israeli court heard the petition. The court …")."""
        if i == 0 or tokens[i - 1].key not in self.lex.word_class("definite") or \
                any(i - 1 <= f.last and f.first <= i + 1 for f in found) or \
                i + 1 < len(tokens) and tokens[i + 1].key in ("of", "des", "der", "für", "for"):
            return None
        word = tokens[i].key
        named = [m for m in self.history[-40:] if self.gaz.entities[m.entity].kind == "organisation"
                 and any(w == word or w.endswith(word) for w in self.gaz.name_words(m.entity))]
        if not named:
            return None
        meant = named[-1]
        if id(meant) in self.in_phrase:  # (the last named only in a phrase, another named more)
            counts = Counter(m.entity for m in named)
            other = max(reversed(named), key=lambda m: counts[m.entity])
            if counts[other.entity] >= 2 and counts[other.entity] > counts[meant.entity]:
                meant = next(m for m in reversed(named) if m.entity == other.entity)
        return meant.entity if self.plain_use.get(word, -1) < meant.sentence else None

    def _note_plain_uses(self, sentence: Sentence, tokens: list[Token], found: list[Found]) -> None:
        """Where a word for a body was last used outside any name ("an Israeli court")."""
        words = self.lex.word_class("organisation_anaphor")
        for k, t in enumerate(tokens):
            if t.key in words and not any(f.first <= k <= f.last for f in found):
                self.plain_use[t.key] = sentence.index

    def _person_anaphor(self, tokens: list[Token], i: int, found: list[Found]) -> bool:
        """"die Ministerin", "the chancellor", "die Grünen-Politikerin": a role right after a
        definite article, with no name, state or qualifier of its own ("der französische
        Präsident", "the defence minister", "die Ministerin für Entwicklung" are others)."""
        if tokens[i].key not in self.lex.word_class("person_anaphor"):
            return False
        j = i - 1
        while j >= 1 and tokens[j].text == "-":  # "Grünen-Politikerin": a compound's first part
            j -= 2
        qualified = i + 1 < len(tokens) and tokens[i + 1].key in ("für", "for", "of")
        # "die Minister" are several: a German masculine role word is one person only after a
        # singular article ("der Minister", "dem Minister")
        plural = tokens[i].key.endswith("minister") and tokens[j].key in ("die", "diese")
        return j >= 0 and tokens[j].key in self.lex.word_class("definite") and not qualified \
            and not plural and not any(j < f.first <= i + 1 for f in found)

    def _possessive_official(self, sentence: Sentence, tokens: list[Token], i: int,
                             found: list[Found]) -> Found | None:
        """"Seine Außenministerin …", "its foreign minister": the state told before (or the
        state of the leader told before) speaks through its official — not when the gazetteer
        names the official ("His foreign minister, Mevlut Cavusoglu, …": the name says whose),
        and not a counterpart, who is the other side."""
        if tokens[i].key not in self.lex.word_class("possessive_official"):
            return None
        k = i + 1
        if k < len(tokens) and tokens[k].key in self.lex.word_class("government_modifier"):
            k += 1
        roles = self.lex.word_class("person_anaphor") - self.lex.word_class("counterpart")
        comma = k + 1 < len(tokens) and tokens[k + 1].text == ","
        named = any(i < f.first <= k + 1 + comma for f in found)
        if k >= len(tokens) or tokens[k].key not in roles or named:
            return None
        leader = self._leader_for_pronoun([f.mention for f in found if f.last < i])
        key = self._state_for_pronoun([f for f in found if f.last < i and f.actor]) or (
            self.gaz.state_of(leader, self.on) if leader else None)
        return Found(self._mention(sentence, tokens, i, k, key, "pronoun"), i, k, True) if key else None

    def _government_meant(self, tokens: list[Token], i: int, found: list[Found]) -> str | None:
        """"urging the government to pull back", "forderte die Regierung auf": a government
        without a state of its own, as a verb's object, is that of a state named before it in
        the sentence — not the subject's own ("Washington warned of Serbia's buildup, urging the
        government …" asks Serbia). Only this sentence's: "The government urged China …"
        opening a sentence is the story's own, which the sentence before may not name first."""
        if not self._object_after_verb(tokens, i) or not self._body_anaphor(
                tokens, i, found, self.lex.word_class("government_anaphor")):
            return None
        subject = self.gaz.state_of(found[0].mention.entity, self.on) if found else None
        others = [f for f in found if f.last < i and f.actor
                  and self.gaz.state_of(f.mention.entity, self.on) != subject]
        return self._state_for_pronoun(others, nearby=False)

    def _object_after_verb(self, tokens: list[Token], i: int) -> bool:
        """A noun after its article right after a lower-case word, a verb's object ("urging
        the government to", "forderte die Regierung auf"), not a subject after "and"."""
        j = i - 2
        return j >= 0 and tokens[j].is_word and tokens[j].text.islower() and \
            tokens[j].key not in self.lex.word_class("conjunction")

    def _body_anaphor(self, tokens: list[Token], i: int, found: list[Found],
                      words: frozenset[str] | None = None) -> bool:
        """"The Foreign Ministry demanded …", "das Außenministerium": a state's body after a
        definite article with no state of its own ("the Russian government", "the ministry
        in Kyiv" name theirs). `words` replaces the body words (the government anaphor's), and
        then a genitive name right after it is its own too ("der Regierung Myanmars")."""
        if tokens[i].key not in (words or self.lex.word_class("body_anaphor")):
            return False
        j = i - 1
        if j >= 1 and tokens[j].key in self.lex.word_class("government_modifier"):
            j -= 1  # "the foreign ministry"
        # ("the government of then-President Santos", "die Regierung in Kiew": its own)
        linked = i + 1 < len(tokens) and tokens[i + 1].key in ("in", "of", "des", "der", "von")
        # ("der Regierung Myanmars": a genitive name after a government is its own; not after
        # a ministry, where it may open the object: "hat das Außenministerium Frankreichs
        # Botschafter … aufgefordert")
        own = linked or any(j < f.first <= i + (words is not None) for f in found)
        return j >= 0 and tokens[j].key in self.lex.word_class("definite") and not own

    def _reports_after_comma(self, tokens: list[Token], i: int) -> bool:
        """", the ministry said", ", teilte das Ministerium mit": a body word after a comma
        (and its article and modifier) with a verb of saying right after it or, inverted, right
        before it."""
        speech = self.lex.word_class("speech_verb")
        j = i - 1
        while j > 0 and (tokens[j].key in self.lex.word_class("definite")
                         or tokens[j].key in self.lex.word_class("government_modifier")):
            j -= 1
        if j > 0 and tokens[j].key in speech and tokens[j - 1].text == ",":
            return True
        return j >= 0 and tokens[j].text == "," and i + 1 < len(tokens) and tokens[i + 1].key in speech

    def _note_bodies(self, sentence: Sentence, tokens: list[Token], found: list[Found]) -> None:
        """A state's body named with its state: "South Korea's Foreign Ministry", "das
        russische Außenministerium", "the ministry in Kyiv"."""
        words = self.lex.word_class("body_anaphor")
        modifiers = self.lex.word_class("government_modifier")
        glue = {"'s", "'", "s", "’s", "’"} | modifiers
        for k, t in enumerate(tokens):
            if not any(t.key.endswith(w) for w in words):
                continue
            owner = next((f for f in found if self._state_like(f) and f.last < k and f.last >= k - 4
                          and all(u.key in glue for u in tokens[f.last + 1:k])), None)
            if owner is None and k + 2 < len(tokens) and tokens[k + 1].key in ("in", "of", "des", "der"):
                owner = next((f for f in found if self._state_like(f) and f.first == k + 2), None)
            # (a body told back keeps the chain: "… the ministry said. The ministry demanded …")
            owner = owner or next((f for f in found if f.first == k and f.mention.how == "pronoun"), None)
            if owner is not None:
                self.bodies[(t.key, self._body_modifier(tokens, k))] = (owner.mention.entity, sentence.index)

    def _state_like(self, f: Found) -> bool:
        return self.gaz.entities[f.mention.entity].kind == "state" and \
            f.mention.how not in ("pronoun", "place")

    def _body_modifier(self, tokens: list[Token], k: int) -> str | None:
        """"foreign" in "the foreign ministry": which of a state's bodies."""
        before = tokens[k - 1].key if k else ""
        return before if before in self.lex.word_class("government_modifier") else None

    def _body_owner(self, sentence: Sentence, tokens: list[Token], i: int) -> str | None:
        """"The ministry demanded …" after "South Korea's Foreign Ministry protested …": the
        state of the last such body named with its state (or told back) in this sentence or
        the one before."""
        modifier = self._body_modifier(tokens, i)
        told = [(at, state) for (word, mod), (state, at) in self.bodies.items()
                if word.endswith(tokens[i].key) and (modifier is None or mod in (None, modifier))
                and sentence.index - at <= 1]
        return max(told)[1] if told else None

    def _other_person(self, tokens: list[Token], i: int, found: list[Found]) -> bool:
        """"seinen Gast", "ihrem Gastgeber", "his host": the other leader of the story, when
        no name follows ("seinen Amtskollegen Lawrow" names him)."""
        if tokens[i].key not in self.lex.word_class("other_person") or i == 0:
            return False
        if tokens[i - 1].key not in self.lex.word_class("possessive_person") | \
                self.lex.word_class("possessive_leader"):
            return False
        # (a name right after it, perhaps after a first name the gazetteer lacks, is his;
        # not one after a particle or a comma: "forderte seinen Gast auf, Russland …")
        return not any(i < f.first <= i + 3 and all(
            t.is_word and t.capitalized for t in tokens[i + 1:f.first]) for f in found)

    def _event_possessive(self, tokens: list[Token], i: int) -> bool:
        """"ihrem Besuch", "his visit", "seinem Telefonat": whose event it is."""
        if tokens[i].key not in self.lex.word_class("possessive_person"):
            return False
        return any(t.key in self.lex.word_class("anchor") for t in tokens[i + 1:i + 4])

    def _singular_sie(self, tokens: list[Token], i: int, or_inverted: bool = True) -> bool:
        """German "sie" before a singular verb ("sie sagte", "sie traf"), or after a singular
        verb of saying ("…“, sagte sie"), is one woman; with `or_inverted`, also after any
        singular verb in second place ("Zudem übergab sie …")."""
        if self.lex.lang != "de" or tokens[i].key != "sie":
            return False

        def singular(verb: Token) -> bool:
            return verb.text.islower() and verb.key.endswith(("te", "t")) and \
                not verb.key.endswith(("ten", "en"))
        after = i + 1 < len(tokens) and singular(tokens[i + 1])
        said = i > 0 and singular(tokens[i - 1]) and tokens[i - 1].key in self.lex.word_class("speech_verb")
        return after or said or or_inverted and self._after_inverted_verb(tokens, i)

    def _after_inverted_verb(self, tokens: list[Token], i: int) -> bool:
        """"Zudem übergab sie …", "Am Montag traf sie …": a singular verb in second place, a
        phrase before it and "sie" right after (a plural verb ends in -en: "trafen sie");
        not after a word that opens a clause ("weil sie", "als sie", "und sie")."""
        if self.lex.lang != "de" or tokens[i].key != "sie" or i < 2 or not tokens[i - 1].is_word \
                or not tokens[i - 1].text.islower():
            return False
        verb = tokens[i - 1].key
        not_verbs = self.lex.word_class("not_a_verb_before_sie")
        plural = verb.endswith(("en", "ern", "eln", "un"))  # ("trafen sie", "tun sie")
        return not plural and verb not in not_verbs and tokens[i - 2].is_word

    def _state_for_pronoun(self, earlier: list[Found], nearby: bool = True) -> str | None:
        """"it": a state or organisation named before it in the sentence, else (when `nearby`)
        the first side the previous sentence named ("The leadership urged … . Last week it had
        urged …")."""
        kinds = ("state", "organisation")
        for f in earlier:
            if self.gaz.entities[f.mention.entity].kind in kinds:
                return f.mention.entity
        for mentions in reversed(self.by_sentence[-1:] if nearby else []):
            for m in mentions:
                if self.gaz.entities[m.entity].kind in kinds and m.how in (
                        "name", "alias", "metonym", "demonym-actor"):
                    return m.entity
        return None

    def _leader_for_pronoun(self, earlier: list[Mention],
                            exclude: frozenset[str] | set[str] = frozenset()) -> str | None:
        def leaders(mentions: list[Mention]) -> list[str]:
            # a person: a leader, an official or a titled person ("Außenministerin …"), who
            # speak for their state
            return [m.entity for m in mentions if (self.gaz.entities[m.entity].kind == "leader"
                                                   or m.how in ("official", "title"))
                    and m.entity not in exclude]

        if leaders(earlier):
            return leaders(earlier)[-1]
        for mentions in reversed(self.by_sentence[-3:]):
            if leaders(mentions):
                return leaders(mentions)[0]
        return None

    @staticmethod
    def _mention(sentence: Sentence, tokens: list[Token], first: int, last: int, entity: str,
                 how: str) -> Mention:
        start, end = tokens[first].start, tokens[last].end
        text = sentence.text[start - sentence.start:end - sentence.start]
        return Mention(entity, start, end, text, sentence.index, how)


def _premier_office(office: Office) -> bool:
    """An office its holder is called prime minister or premier in ("Prime Minister of Israel",
    "Ministerpräsident Israels"), not chancellor."""
    return "Prime Minister" in office.label_en or "Premier" in office.label_en \
        or "Ministerpräsident" in office.label_de or "Premierminister" in office.label_de


def _quoted_before(tokens: list[Token], i: int) -> range:
    """The words of a quotation that closes right before token i (", schreibt er", "he said")."""
    closing = next((k for k in range(i - 1, max(-1, i - 5), -1) if is_quote_mark(tokens, k)), None)
    if closing is None:
        return range(0)
    opening = next((k for k in range(closing - 1, -1, -1) if is_quote_mark(tokens, k)), None)
    return range(opening + 1, closing) if opening is not None else range(0)


def _opens_clause(tokens: list[Token], i: int) -> bool:
    """Whether token i begins a clause: the sentence's first, or after a comma or "und"."""
    return i == 0 or tokens[i - 1].text in (",", ";", ":") or tokens[i - 1].key in ("und", "aber", "doch")


def _abbreviates(abbreviation: str, name: str) -> bool:
    """Whether the letters of an abbreviation are initials of the name's words, in order
    ("DRK": "Demokratischen Republik Kongo"; "ECOWAS": "Economic Community of West African
    States", where a small word may lend its initial)."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    while words and words[0][0].islower():
        words.pop(0)  # ("der Demokratischen Republik Kongo", "the Economic Community …")
    initials = [w[0].lower() for w in words]
    letters = iter(initials)
    return initials[:1] == [abbreviation[0].lower()] and all(
        ch.lower() in letters for ch in abbreviation)

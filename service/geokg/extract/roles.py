"""Who does what to whom: the sides of an event around its trigger.

A call, meeting or agreement takes the names of its clause and the lists they are part of;
a demand its subject and the object (after the verb, or before it in a German verb-final
clause); a supply its subject and the receiver named with "an"/"to"; a claim its subject and
the regions named. Clause structure (see `clauses`) decides what counts as a subject or an
object, since no parser is available offline for both languages.
"""

from __future__ import annotations

from collections.abc import Iterable

from geokg.extract.clauses import Clause, after_a_judgement, clause_of, is_adjective, is_blocked
from geokg.extract.dates import calendar_words
from geokg.extract.gazetteer import Gazetteer
from geokg.extract.lexicon import Lexicon, Trigger, sentence_forms
from geokg.extract.mentions import GROUP_ORIGINS, ORIGIN_PREPOSITIONS, Found
from geokg.extract.model import Event
from geokg.extract.reading import SentenceReading
from geokg.extract.text import QUOTE_MARKS, Token, is_quote_mark

#: Words before a name that make it no object of "give up"/"verzichten auf" ("give up on
#: Ukraine", "auf Sanktionen gegen Russland verzichten").
REFUSAL_NOT_OBJECT = frozenset({"on", "against", "for", "about", "gegen", "für", "über", "wegen"})

#: Marks that open or close a quotation, in German and English typography.

#: Numerals of a group ("die drei Regierungen", "the two leaders", "alle vier Regionen").
#: Lower-case words inside a person's name ("Tamim bin Hamad Al Thani", "Ursula von der Leyen").
NAME_PARTICLES = frozenset({"bin", "ibn", "al", "el", "von", "van", "der", "de", "da", "di", "du", "la"})
#: Words that make a group a pair ("the two countries", "beide Seiten").
PAIR_WORDS = frozenset({"two", "both", "zwei", "beide", "beiden"})
GROUP_SIZES = {"zwei": 2, "beiden": 2, "beide": 2, "drei": 3, "vier": 4,
               "two": 2, "both": 2, "three": 3, "four": 4}

#: German auxiliaries of an active perfect ("Kritiker haben Scholz aufgefordert"), not a passive
ACTIVE_PERFECT = frozenset({"hat", "haben", "hatte", "hatten", "habe"})
#: German adverbs and adjectives that may open a sentence ("Nachdrücklich drängte …")
ADVERB_ENDINGS = ("lich", "ig", "isch", "weise", "mals", "falls", "wärts")


class RoleReader:
    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon):
        self.gaz = gazetteer
        self.lex = lexicon
        self.title_words = frozenset(w for title in lexicon.titles for w in title)

    def sides(self, r: SentenceReading, actors: list[Found], first: int, last: int,
               definite: bool) -> list[str]:
        """Sides of a call, meeting or agreement: names in the trigger's clause and the
        lists they belong to ("Merkel, Hollande, Putin und Poroschenko"), then the closest
        main clause before it. A noun like "the agreement" takes only its own clause and its
        agents ("brokered by Turkey") — the rest of the sentence is about something else."""
        own = {id(clause_of(r.clauses, first)), id(clause_of(r.clauses, last))}
        actors = self._without_opening_setting(r, first, actors)
        inside = [f for f in actors if id(clause_of(r.clauses, f.first)) in own]
        after_colon = self._after_headline_colon(r, clause_of(r.clauses, last), first, last)
        if not inside and after_colon is not None:  # "Gipfel in Genf: Biden und Putin …"
            own.add(id(after_colon))
            inside = [f for f in actors if clause_of(r.clauses, f.first) is after_colon]
        inside = self._antecedent(r, first) + inside
        named = self._without_opening_setting(
            r, first, [f for f in r.found if f.actor and not self.attending(r, f)])
        chosen = self._with_lists(inside, named, r)
        # a list's commas split clauses too: "Macron hatte Merkel, Putin und Selenskyj
        # empfangen" — the clause a list member stands in is the trigger's clause as well
        own |= {id(clause_of(r.clauses, f.first)) for f in chosen}
        inside = [f for f in actors if id(clause_of(r.clauses, f.first)) in own]
        chosen = self._with_lists(inside, named, r)
        if definite:
            determiners = self.lex.word_class("determiner")
            agents = [f for f in r.found if f.actor and f.first > 0 and
                      r.tokens[before_determiners(r.tokens, f.first - 1, determiners)].key in
                      self.lex.word_class("passive_agent")]
            return unique(f.mention.entity for f in self._with_lists(chosen + agents, r.found, r))
        sides = {self.gaz.state_of(f.mention.entity, r.day) for f in chosen}
        if len(sides) < 2 and not self._unnamed_inverted_subject(r, last):
            # only other sides: "Einladungen an Steinmeier und Scholz …, reiste Baerbock
            # nach Kiew" is Germany's visit to Ukraine, not a meeting of three Germans
            earlier = [f for f in actors if f.last < first and f not in chosen
                       and self.gaz.state_of(f.mention.entity, r.day) not in sides]
            chosen = earlier + chosen + self._participle_subject(r, actors, first)
        if len({self.gaz.state_of(f.mention.entity, r.day) for f in chosen}) < 2:
            chosen += self._clause_after_opening_phrase(r, actors, first)
        return unique(f.mention.entity for f in sorted(chosen, key=lambda f: f.first))

    def _without_opening_setting(self, r: SentenceReading, first: int, found: list[Found]) -> list[Found]:
        """"During Xi's visit to Saudi Arabia, China and Egypt signed a trade deal": a phrase
        of circumstance opening the sentence sets the scene; when the event's own clause names
        two sides, none named there is one (nor does its last name begin their list)."""
        opening, clause = r.clauses[0], clause_of(r.clauses, first)
        openers = self.lex.word_class("circumstance") | self.lex.word_class("opening_prep")
        if self.lex.lang != "en" or opening is clause or r.tokens[opening.first].key not in openers:
            return found  # (German opens with the phrase and its verb: "In Reykjavík kamen …")
        own = {self.gaz.state_of(f.mention.entity, r.day) for f in found
               if f.actor and clause_of(r.clauses, f.first) is clause}
        return found if len(own) < 2 else [f for f in found if clause_of(r.clauses, f.first) is not opening]

    def _opening_setting(self, r: SentenceReading, first: int, before: list[Found]) -> list[Found]:
        """The names of an English phrase of circumstance that opens the sentence ("In talks
        with the Emir, Biden demanded …"), when the trigger's own clause has a subject of its
        own before the verb; else none."""
        opening, clause = r.clauses[0], clause_of(r.clauses, first)
        openers = self.lex.word_class("circumstance") | self.lex.word_class("opening_prep")
        if self.lex.lang != "en" or opening is clause or r.tokens[opening.first].key not in openers:
            return []
        if not any(clause_of(r.clauses, f.first) is clause for f in before):
            return []
        return [f for f in before if clause_of(r.clauses, f.first) is opening]

    def _clause_after_opening_phrase(self, r: SentenceReading, actors: list[Found],
                                     first: int) -> list[Found]:
        """"In a call that lasted two hours, Xi urged Biden …", "Bei ihrem Treffen in Rom
        sprachen Meloni und Modi …": a phrase opening the sentence is the setting of the main
        clause after it, whose names are the event's sides."""
        opening = clause_of(r.clauses, first)
        if opening is not r.clauses[0] or r.tokens[0].key not in self.lex.word_class("opening_prep"):
            return []
        if any(f.mention.how == "place" and f.last <= opening.last for f in r.found):
            return []  # "During a visit to Damascus, the Saudi minister said …": its host is the place
        main = next((c for c in r.clauses
                     if c.first > opening.last and not c.relative and not c.complement), None)
        named = [f for f in actors if main is not None and clause_of(r.clauses, f.first) is main]
        subject = self.coordinated(named, r)
        if len(subject) > 1:
            return subject  # "During a meeting …, Meloni and Modi discussed trade"
        # "…, Xi urged Biden": the subject and whom it addressed ("…, Lavrov criticised the
        # United States" names no partner)
        addressed = main is not None and any(main.first <= i <= main.last for i in r.trigger_starts)
        return named[:2] if addressed else []

    def _unnamed_inverted_subject(self, r: SentenceReading, last: int) -> bool:
        """"…, beschloss der Oberste Verteidigungsrat": a German verb followed by its subject,
        a body with no name; the names before it are no sides of what that body did ("die
        beiden" refers back to them, and stays)."""
        if self.lex.lang != "de" or last + 2 >= len(r.tokens):
            return False
        article, head = r.tokens[last + 1], r.tokens[last + 2]
        own = clause_of(r.clauses, last)
        return article.key in self.lex.word_class("definite") and head.key not in GROUP_SIZES \
            and not any(f.actor and last < f.first <= own.last for f in r.found)

    def _after_headline_colon(self, r: SentenceReading, clause: Clause, first: int,
                              last: int) -> Clause | None:
        """The clause after a colon that ends a headline's event noun ("Gipfeltreffen in
        Genf: Biden und Putin sprechen über Abrüstung"); None when no colon follows."""
        colon = clause.last + 1
        if colon >= len(r.tokens) or r.tokens[colon].text != ":" or clause.first > 0:
            return None
        # a noun phrase, no verb: "So kam es zur Einigung: …" tells its sides itself
        plain = self.lex.word_class("preposition") | self.lex.word_class("determiner") | \
            self.lex.word_class("conjunction")
        if any(t.is_word and t.text.islower() and t.key not in plain and not is_adjective(t)
               for i, t in enumerate(r.tokens[clause.first:clause.last + 1], clause.first)
               if not first <= i <= last):
            return None
        return next((c for c in r.clauses if c.first > colon), None)

    def attending(self, r: SentenceReading, f: Found) -> bool:
        """"in the presence of Rubio", "im Beisein von Trump", "with Trump looking on", "with
        the crown prince also present", "on the sidelines of the UN General Assembly": there,
        without being a side."""
        before = " " + " ".join(t.key for t in r.tokens[max(0, f.first - 4):f.first]) + " "
        if any(f" {phrase} " in before for phrase in self.lex.word_class("presence_phrase")):
            return True
        if self.at_venue(r, f):
            return True
        if not {t.key for t in r.tokens[max(0, f.first - 4):f.first]} & self.lex.word_class("onlooker_start"):
            return False
        after = [t.key for t in r.tokens[f.last + 1:f.last + 4]]
        closes = len(after) < 2 or not r.tokens[f.last + 2].is_word  # "…, with X present."
        return any(after[:len(phrase.split())] == phrase.split()
                   for phrase in self.lex.word_class("onlooker_phrasal")) or \
            bool(after) and after[0] == "present" and closes

    def at_venue(self, r: SentenceReading, f: Found) -> bool:
        """"on the sidelines of the G20 foreign ministers' meeting": the body whose gathering
        is the venue (only right before the name: not "On the sidelines of the conference
        Germany …")."""
        j = before_determiners(r.tokens, f.first - 1, self.lex.word_class("determiner"))
        return j > 0 and self.venue_phrase_at(r.tokens, j - 1)

    def venue_phrase_at(self, tokens: list[Token], i: int) -> bool:
        """"on the sidelines of", "am Rande des": its two words from token `i`."""
        venues = self.lex.word_class("venue_phrase")
        return i + 1 < len(tokens) and f"{tokens[i].key} {tokens[i + 1].key}" in venues

    def _participle_subject(self, r: SentenceReading, actors: list[Found], first: int) -> list[Found]:
        """"After meeting Trump in Davos, Zelensky said …": a fronted participle clause has
        the subject of the clause after it; so has a fronted "At their summit, the leaders of
        A, B and C adopted …" (the subject and its list)."""
        clause = clause_of(r.clauses, first)
        if self.lex.lang != "en" or clause.first != 0:
            return []
        theirs = first > 0 and r.tokens[first - 1].key in ("their", "his", "her")
        # "In a phone call on Tuesday, Scholz and Erdogan discussed …": a fronted phrase
        # around the event noun; its sides are the subject after it
        fronted = r.tokens[0].key in self.lex.word_class("fronted_prep")
        if not (r.tokens[first].key.endswith("ing") or theirs or fronted):
            return []
        following = [c for c in r.clauses if c.first > clause.last]
        if not following:
            return []
        start = following[0].first
        subject = [f for f in actors if start <= f.first <= start + 6][:1]
        if not (theirs or fronted):
            return subject
        sides = self.coordinated(subject + [f for f in actors if subject and f.first > subject[0].last], r)
        # "In a phone conversation on Monday, Qatar's emir urged Iranian President
        # Pezeshkian to …": the verb's object is the other side
        if len(sides) != 1:
            return sides
        side = self.gaz.state_of(sides[0].mention.entity, r.day)
        after = [f for f in actors if f.first > sides[0].last
                 and self.gaz.state_of(f.mention.entity, r.day) != side]
        # ("Qatar's Emir Sheikh Tamim … urged": the subject's own names before the verb)
        own_last = max((f.last for f in actors if after and sides[0].first <= f.first < after[0].first),
                       default=sides[0].last)
        if after and self._verb_then(r, own_last, after[0].first):
            sides.append(after[0])
        return sides

    def _verb_then(self, r: SentenceReading, last: int, first: int) -> bool:
        """Only a verb (one lower-case word) and a title stand between two names."""
        between = [t for t in r.tokens[last + 1:first] if t.is_word]
        verbs = [t for t in between if t.text.islower()]
        return 1 <= len(between) <= 4 and len(verbs) == 1 and between[0] is verbs[0]

    def _unnamed_antecedent(self, r: SentenceReading, first: int) -> bool:
        """A subject relative clause ("…, die eine Unabhängigkeit fordern", "…, who demand …")
        that hangs on no side named and names none before its verb: its subject is no side."""
        clause = clause_of(r.clauses, first)
        if not clause.relative or clause.first < 2 or \
                r.tokens[clause.first].key not in self.lex.word_class("subject_relative"):
            return False
        if any(f.actor and clause.first < f.first < first and not self._after_preposition(r, f)
               for f in r.found) or self._antecedent(r, first):
            return False
        # (the phrase it hangs on, up to its comma: "Poland and the Baltic states, which …")
        return not any(f.actor and clause.first - 7 <= f.last < clause.first and not any(
            not t.is_word for t in r.tokens[f.last + 1:clause.first - 1]) for f in r.found)

    def _antecedent(self, r: SentenceReading, first: int) -> list[Found]:
        """"Modi, who held talks with Putin": the name a subject relative clause hangs on is
        the subject of its verb."""
        clause = clause_of(r.clauses, first)
        if not clause.relative or clause.first < 2 or \
                r.tokens[clause.first].key not in self.lex.word_class("subject_relative"):
            return []
        # "which Russia supplied" has its own subject; German "die Baku … ausgerüstet hatte"
        # reads the pronoun as the subject (its case shows it: "den Baku …" would not)
        if self.lex.lang == "en" and any(f.first == clause.first + 1 for f in r.found):
            return []
        # ("Saudi-Arabien, die Vereinigten Arabischen Emirate und Kuwait": an article in a list)
        joiners = self.lex.word_class("conjunction") | {","}
        if any(f.first == clause.first + 1 and f.last + 1 < len(r.tokens)
               and r.tokens[f.last + 1].key in joiners for f in r.found):
            return []
        # "the Trump administration, which …": a government word between name and comma
        government = self.lex.word_class("government")
        gap = 3 if r.tokens[clause.first - 2].key in government else 2
        return [f for f in r.found if f.actor and f.last == clause.first - gap]

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
        """`a` directly before `b` with only "," / "und" / "and" / articles between, and the
        titles of the next name ("…, US-Präsident Joe Biden sowie dem britischen Premier
        Boris Johnson"); a bracket after a name ("Olaf Scholz (SPD), …") is skipped."""
        if a.last >= b.first:
            return False
        between = r.tokens[a.last + 1:b.first]
        if not between and a.mention.entity == b.mention.entity:
            return True  # a title and the name it is followed by ("President of Tajikistan Emomali Rahmon")
        # ("Scholz und Meloni Russland": the list ends on Meloni; Russland is no member)
        listed = next((f for f in r.found if f.actor and f.first <= b.first - 1 <= f.last), None)
        if listed is not None and a.last < listed.first - 1 and (
                r.tokens[listed.first - 1].key in self.lex.word_class("conjunction")):
            return False
        if between and between[0].text == "(":
            close = next((i for i, t in enumerate(between[:6]) if t.text == ")"), None)
            between = between[close + 1:] if close is not None else between
        if not between or len(between) > 7 or not (
                between[0].text == "," or between[0].key in self.lex.word_class("conjunction")):
            return False
        own = clause_of(r.clauses, a.first)
        if own is not clause_of(r.clauses, b.first) and a.first > 0 and \
                r.tokens[a.first - 1].key in ("with", "to", "mit") and \
                r.tokens[own.first].key in self.lex.word_class("circumstance_start"):
            return False  # "After speaking with Putin, Trump called …": a fronted phrase ends
        # list punctuation, articles, and an unknown title ("…, Ratspräsident Charles Michel");
        # in an English headline in title case every word is capitalized ("Panama Establishes
        # Ties With China, Cuts Relations With Taiwan"): only known title words count there
        plain = [t for t in between if not (t.text in (",", "-") or is_adjective(t)
                                             or t.key in self.lex.word_class("conjunction")
                                             or t.key in self.lex.word_class("determiner"))]
        return all(t.capitalized for t in plain) and (
            not plain or not self.title_case(r) or all(t.key in self.title_words for t in plain))

    def title_case(self, r: SentenceReading) -> bool:
        """An English headline in title case ("US Sends Patriot Missiles To Ukraine"), where
        capitals mark no names."""
        words = [t for t in r.tokens[1:] if t.is_word and t.text[:1].isalpha()]
        return self.lex.lang == "en" and len(words) >= 4 and \
            sum(t.text[:1].isupper() for t in words) >= 0.7 * len(words)

    def demand(self, r: SentenceReading, event: Event, actors: list[Found], trigger: Trigger,
                      first: int, last: int) -> None:
        """The demander is the subject; the addressee the object, which a German verb-final
        clause puts before the verb ("hatte Venezuela … aufgefordert")."""
        if "colon_speaker" in trigger.flags:
            self._colon_demand(r, event, actors, first)
            return
        if self.lex.lang == "en" and r.tokens[first].key.endswith("ing") and first > 0 and \
                r.tokens[first - 1].key in self.lex.word_class("crowd_noun"):
            return  # "protests demanding the expulsion of …", "Serb protesters demanding …": no state asks
        if "at_request" in trigger.flags:
            self._at_request(r, event, actors, first, last)
            return
        if "pressure_from" in trigger.flags:  # "Maduro has been under pressure from Trump to …"
            pressing = next((f for f in actors if first < f.first < last), None)
            pressed = next((f for f in reversed(actors) if f.last < first), None)
            # (an infinitive after "to", not a direction: "fighters advancing to the capital")
            infinitive = last + 1 < len(r.tokens) and r.tokens[last + 1].text.islower() and \
                r.tokens[last + 1].key not in self.lex.word_class("determiner")
            if pressing is not None and pressed is not None and infinitive:
                event.participants, event.addressees = [pressing.mention.entity], [pressed.mention.entity]
            return
        if "condition_asked" in trigger.flags:  # "threatened tariffs on Mexico unless it …"
            self._threatened(r, event, actors, first, last)
            return
        if "object_asked" in trigger.flags:  # "erinnerte den Iran an seine Verpflichtungen"
            self._reminded(r, event, actors, first, last)
            return
        if "reported_obligation" in trigger.flags:
            self._reported_demand(r, event, actors, first, last)
            return
        if "obligation_first" in trigger.flags:
            self._quoted_obligation(r, event, actors, first, last)
            return
        if self._fronted_participle_demand(r, event, actors, first) or \
                self._passive_demand(r, event, actors, first, last) or \
                self._first_person_quote(r, event, first, last) or \
                self._first_person_subject(r, event, actors, first) or \
                self._people_demand(r, event, first, last):
            return
        if self._impersonal_demand(r, event, actors, first) or \
                self._perfect_demand(r, event, actors, first, last):
            return
        agent = self.agent_of_noun(r, first, last)
        if agent is not None:  # "A request by Kyiv for F-16 jets was turned down by Washington"
            event.participants = [agent.mention.entity]
            self._address(r, event, [agent], [agent], [f for f in actors if f.first > agent.last],
                          (first, last))
            return
        if self._unnamed_antecedent(r, first):
            return  # "Verhandlungen zwischen den Lagern, die die Unabhängigkeit fordern": they ask
        # "the Biden administration, which called on …": the relative's antecedent demands
        before = self._antecedent(r, first) or [
            f for f in actors if f.last < first and not self._infinitive_object(r, f)]
        # ("In talks with Macron, Biden urged Russia …": the opening phrase sets the scene)
        setting = self._opening_setting(r, first, before)
        before = [f for f in before if f not in setting]
        actors = [f for f in actors if f not in setting]
        # the subject of the trigger's own clause: "Trump sagte, Kim habe … verlangt" (not a
        # name after a preposition: "ending an agreement with Britain and called on London")
        trigger_clause = clause_of(r.clauses, first)
        if self._fronted_demand(r, event, actors, before, first, trigger_clause):
            return
        asked = [f for f in actors if trigger_clause.first < f.first and f.first != first]
        if self._only_the_asked_named(r, asked, trigger_clause) and \
                self._unnamed_group_subject(r, trigger_clause, first) and not (
                asked and self._compared(r, asked[0])):
            # "Kritiker haben Scholz aufgefordert": the name after the verb is asked
            event.addressees = [asked[0].mention.entity] if asked else []
            return
        subjects = [f for f in before if clause_of(r.clauses, f.first) is trigger_clause
                    and not self._after_preposition(r, f) and not self._dative(r, f)]
        # German puts the subject after the verb when something else comes first ("Im
        # Telefonat mit Netanjahu forderte Biden …"): a name in that phrase is no subject
        inverted_subject = self.lex.lang == "de" and r.tokens[first - 1].is_word and any(
            f.first == last + 1 or f.first == first + 1 for f in actors) if first > 0 else False
        if not subjects and (speaker := self._participle_subject_before(r, first, before)):
            subjects = [speaker]
        if subjects:  # "Merz, Macron, Starmer und Tusk forderten": commas split clauses
            subjects = self.list_before(r, subjects[0], actors) + subjects
        # "Bei seinem Treffen mit Wang Yi pochte Wadephul auf …": the opening phrase's names
        # are its setting, the subject follows the verb (the partner there may be asked)
        opening_subject = self._subject_after_opening(r, first)
        setting = subjects if opening_subject is not None else []
        if opening_subject is not None:
            later = [f for f in actors if f.first > opening_subject.last]
            subjects = self.coordinated([opening_subject] + later, r)
        before = subjects or ([] if inverted_subject else before)
        after = [f for f in actors if f.first > first]  # "wanted Kyiv to": inside the match too
        if "addressee_in_pp" in trigger.flags:  # "Antrag auf Beitritt zur Nato"
            after = [f for f in r.found if f.first > first and f.actor]
        # German inverts ("forderte Putin …"); in English the demander precedes the verb
        inverted = self.lex.lang == "de" and bool(after)
        appealed = self._appealed_to(r, trigger_clause, "")
        # "Die Ministerin für Entwicklung forderte Russland auf" (not "Dem Iran stellte Trump …")
        unnamed_subject = r.tokens[trigger_clause.first].key in self.lex.word_class("definite") \
            and trigger_clause.first < first and not any(f.first == trigger_clause.first for f in r.found)
        if inverted and not before and (unnamed_subject or (appealed and appealed[0] is after[0])):
            # "Forderungen an China": whom a demand is made of, not who makes it ("appellierten
            # die G7-Außenminister an China" names who makes it first)
            event.addressees = [(appealed or after)[0].mention.entity]
            return
        demander = before[0] if before else (after.pop(0) if inverted else None)
        if demander is None:
            return
        # "Brasilia and Beijing called on …", "verlangten Starmer, Macron und Carney von
        # Netanjahu": a coordinated subject demands together
        demanders = self.coordinated(before, r) if before else self.coordinated([demander] + after, r)
        # ("Dem Iran stellte Trump eine Frist": a dative before the verb is asked)
        after = [f for f in actors if f.last < first and self._dative(r, f)] + \
            [f for f in after if f not in demanders] + setting
        event.participants = unique(f.mention.entity for f in demanders)
        self._address(r, event, demanders, before, after, (first, last))

    def _participle_subject_before(self, r: SentenceReading, first: int, before: list[Found]) -> Found | None:
        """"Chile's lawsuit is no surprise, Morales said, calling on Santiago to …": a
        participle after a comma has the subject of the clause right before it, not the first
        name of the sentence."""
        if self.lex.lang != "en" or first < 2 or r.tokens[first - 1].text != "," or \
                not r.tokens[first].key.endswith("ing"):
            return None
        previous = clause_of(r.clauses, first - 2)
        speaker = next((f for f in before if previous.first <= f.first <= previous.last
                        and not self._after_preposition(r, f)), None)
        # (a person who speaks; "Hungary blocked the package, EU diplomats said, demanding …":
        # sources who report it demand nothing)
        person = speaker is not None and (self.gaz.entities[speaker.mention.entity].kind == "leader"
                                          or speaker.mention.how in ("official", "title"))
        return speaker if person else None

    @staticmethod
    def _clause_subject(r: SentenceReading, actors: list[Found], first: int) -> list[Found]:
        """The side named last before the verb in its own clause (none or one)."""
        clause = clause_of(r.clauses, first)
        return [f for f in actors if clause.first <= f.first and f.last < first][-1:]

    def _threatened(self, r: SentenceReading, event: Event, actors: list[Found], first: int,
                    last: int) -> None:
        """"threatened measures against Egypt if Cairo did not …", "drohte Mexiko mit Zöllen,
        falls das Land nicht …": the condition's subject is asked — the name after "if", or
        the object told before it when "it", "das Land" stands for it; a target whose people
        or fighters must act is not ("strike Beirut's suburbs if residents did not leave")."""
        condition = next((i for i in range(first, last + 1)
                          if r.tokens[i].key in self.lex.word_class("condition_word")), None)
        if condition is None or condition + 2 >= len(r.tokens):
            return
        subject = self._clause_subject(r, actors, first) or \
            [f for f in actors if first < f.first < condition][:1]
        determiners = self.lex.word_class("determiner")
        named = next((f for f in actors if f.first == condition + 1 or (
            f.first == condition + 2 and r.tokens[condition + 1].key in determiners)), None)
        nxt, after = r.tokens[condition + 1].key, r.tokens[condition + 2].key
        anaphor = nxt in self.lex.word_class("condition_anaphor") or (
            nxt in self.lex.word_class("determiner") and after in self.lex.word_class("condition_anaphor"))
        objects = [f for f in actors if subject and subject[0].last < f.first < condition]
        asked = [named] if named is not None else objects[:1] if anaphor else []
        if subject and asked and self.gaz.state_of(asked[0].mention.entity, r.day) != \
                self.gaz.state_of(subject[0].mention.entity, r.day):
            event.participants = [subject[0].mention.entity]
            event.addressees = [self.gaz.stands_for(asked[0].mention.entity)]

    def _reminded(self, r: SentenceReading, event: Event, actors: list[Found], first: int,
                  last: int) -> None:
        """"Merz erinnerte Trump an seine Zusage, …", "reminded China of its commitments": the
        one reminded is the verb's object, inside the match; its "an"/"of" phrase names what
        is owed, not whom it is asked of ("an ihre Zusage von Bukarest")."""
        inside = [f for f in actors if first < f.first < last]
        subject = self._clause_subject(r, actors, first) or inside[:1]
        if not subject:
            return
        own = self.gaz.state_of(subject[0].mention.entity, r.day)
        asked = [f for f in inside
                 if f is not subject[0] and self.gaz.state_of(f.mention.entity, r.day) != own]
        if asked:
            event.participants, event.addressees = [subject[0].mention.entity], [asked[0].mention.entity]

    def _reduced_passive(self, r: SentenceReading, first: int, last: int) -> bool:
        """"Ukraine's first F-16 jets, supplied by Denmark and the Netherlands, …", "Iran,
        urged by the IAEA to …": an English participle after a comma with its agent is a
        passive without an auxiliary."""
        return self.lex.lang == "en" and first > 0 and r.tokens[first - 1].text == "," and \
            last + 1 < len(r.tokens) and r.tokens[last + 1].key == "by"

    def _colon_demand(self, r: SentenceReading, event: Event, actors: list[Found], modal: int) -> None:
        """"Macron: Russia must pay": a headline names its speaker before a colon, and whom
        the obligation binds after it. Nothing without that colon."""
        colon = headline_colon(r, modal)
        speaker = next((f for f in actors if colon is not None and f.last == colon - 1), None)
        bound = next((f for f in actors if colon is not None and colon < f.first < modal), None)
        if speaker is None or bound is None or self.gaz.states_of(
                [speaker.mention.entity], r.day) == self.gaz.states_of([bound.mention.entity], r.day):
            return
        event.participants = [speaker.mention.entity]
        event.addressees = [bound.mention.entity]

    def _fronted_participle_demand(self, r: SentenceReading, event: Event, actors: list[Found],
                                   first: int) -> bool:
        """"Urging Baku to reopen the corridor, the EU's Borrell warned …": a participle opening
        the sentence has the subject of the clause after it; its object is asked."""
        subject = self._participle_subject(r, actors, first) if first == 0 else []
        if not subject:
            return False
        own = clause_of(r.clauses, first)
        asked = [f for f in actors if first < f.first <= own.last]
        event.participants = [subject[0].mention.entity]
        event.addressees = [asked[0].mention.entity] if asked else []
        return True

    def _impersonal_demand(self, r: SentenceReading, event: Event, actors: list[Found], first: int) -> bool:
        """"Man habe Südkorea wiederholt aufgefordert, …, sagte Regierungssprecher Suga": with
        the impersonal "man" as subject, the names before the verb are asked, and who says
        it speaks for those who ask."""
        clause = clause_of(r.clauses, first)  # ("Man habe …", "Deshalb habe man …")
        if self.lex.lang != "de" or not any(t.key == "man" for t in r.tokens[clause.first:first + 1]):
            return False
        asked = [f for f in actors if clause.first < f.first <= clause.last]  # ("Man fordere Russland auf")
        speech = self.lex.word_class("speech_verb")
        speaker = next((f for f in r.found if f.actor and f.first > first and any(
            t.key in speech for t in r.tokens[max(first, f.first - 5):f.first])), None)
        if not asked or speaker is None:
            return False
        event.participants = [speaker.mention.entity]
        event.addressees = unique(f.mention.entity for f in self.coordinated(asked, r))
        return True

    def _perfect_demand(self, r: SentenceReading, event: Event, actors: list[Found], first: int,
                        last: int) -> bool:
        """"Der Iran hat Deutschland, Frankreich und Großbritannien aufgefordert, …": in a German
        perfect the subject stands before the auxiliary and whom it asks between the auxiliary
        and the verb at the clause's end (the list's commas may split clauses there). After an
        opening phrase the subject, or the list it heads, follows the auxiliary ("Nach dem
        Gipfel haben Deutschland und Frankreich China aufgefordert"), and whom it asks may
        follow "von" ("hat Algier von Paris Respekt eingefordert")."""
        verb_final = last + 1 >= len(r.tokens) or not r.tokens[last + 1].is_word
        if self.lex.lang != "de" or not verb_final:
            return False
        auxiliaries = self.lex.word_class("perfect_aux")
        main = [i for i in range(first - 1, -1, -1)
                if not clause_of(r.clauses, i).relative and not clause_of(r.clauses, i).complement]
        aux = next((i for i in main if r.tokens[i].key in auxiliaries), None)
        if aux is None or any(aux < c.first <= first and (c.relative or c.complement) for c in r.clauses):
            return False
        inverted = self._subject_after_opening(r, aux)
        subject = inverted or next(
            (f for f in reversed(actors) if f.last < aux and not clause_of(r.clauses, f.first).relative),
            None)
        if subject is None or aux == 0 or r.tokens[aux - 1].key in self.lex.word_class("conjunction"):
            return False
        demanders = self.coordinated([subject] + [f for f in actors if subject.last < f.first < first], r) \
            if inverted else self.list_before(r, subject, actors) + [subject]
        # (not "von" after a noun: "nach Angaben von Polen" is a source)
        asked = actors + [f for f in r.found if f not in actors and f.first >= 2
                          and r.tokens[f.first - 1].key == "von" and f.mention.how in ("name", "metonym")
                          and (f.first - 2 in r.named or not r.tokens[f.first - 2].capitalized)]
        start = max(aux, demanders[-1].last)
        judged = after_a_judgement(r.tokens, aux, first, self.lex)
        if judged is not None:  # "hat Ruanda kritisiert und die EU aufgefordert": whom it
            start = max(start, judged - 1)  # criticised is not asked
        objects = self.coordinated(sorted((f for f in asked if start < f.first < first),
                                          key=lambda f: f.first), r)
        if not objects:
            return False
        own = self.gaz.states_of([f.mention.entity for f in demanders], r.day)
        event.participants = unique(f.mention.entity for f in demanders)
        event.addressees = unique(f.mention.entity for f in objects
                                  if not self.gaz.states_of([f.mention.entity], r.day) & own)
        return bool(event.addressees)

    def _address(self, r: SentenceReading, event: Event, demanders: list[Found], before: list[Found],
                 after: list[Found], span: tuple[int, int]) -> None:
        """Whom a demand is made of: "von"/"an" phrases first, then a name in the trigger's
        clause, a German verb-final object, any name after it; never the demander's own side
        ("Poland's President Duda demanded that Germany …" asks Germany)."""
        first, last = span
        sides = {f.mention.entity for f in demanders}
        # ("bat Takaichi, eine Eskalation mit China zu vermeiden": a match that runs into the
        # complement asks whom its verb's own clause names, not a name of what is asked)
        crosses = any(t.text == "," for t in r.tokens[first:last + 1])
        own = clause_of(r.clauses, first if crosses else last)
        asked_of = self._asked_of(r, last, demanders[0].mention.entity) or self._appealed_to(
            r, clause_of(r.clauses, first), demanders[0].mention.entity) or \
            self._addressed_to(r)  # "von den USA", "an Xi", "an die Adresse Moskaus"
        own_sides = {self.gaz.state_of(f.mention.entity, r.day) for f in demanders}

        def others(found: list[Found]) -> list[Found]:
            return [f for f in found if f.mention.entity not in sides
                    and self.gaz.state_of(f.mention.entity, r.day) not in own_sides
                    and not self._joining(r, f)]

        same_clause = [f for f in after if clause_of(r.clauses, f.first) is own]
        verb_final = others(before[len(demanders):])[-1:]
        candidates = others(asked_of) if self._group_asked(r, first, last) else \
            others(asked_of) or others(same_clause) or verb_final or others(after)
        # "appellierte an Israel und die Hamas": the list the first addressee begins
        pool = others([f for f in r.found if f.actor and candidates and f.first > candidates[0].last])
        addressees = self.coordinated(candidates[:1] + pool, r) if candidates else []
        # "demand for missiles from Washington": a capital asked stands for its state
        event.addressees = self._holder_asked_to_return(r, last, own_sides) or unique(
            self.gaz.stands_for(f.mention.entity) for f in addressees)
        if not event.addressees:  # "forderte vor dem UN-Sicherheitsrat den Abzug": its audience
            event.addressees = self._audience(r, clause_of(r.clauses, first), own_sides)
        that = last + 2 if last + 2 < len(r.tokens) and r.tokens[last + 1].text == "," else last + 1
        if not event.addressees and that < len(r.tokens) and \
                r.tokens[that].key in self.lex.word_class("complementizer"):
            # "demanded that the Chinese ships move out", "hat gefordert, dass die chinesischen
            # Schiffe abziehen": the people asked name their state
            people = self._demonym_subject(r, clause_of(r.clauses, that), len(r.tokens))
            event.addressees = [people.mention.entity] if people and \
                people.mention.entity not in own_sides else []
        country = self._country_asked(r, first, last, own_sides, demanders)
        if country:
            event.addressees = country

    def _group_asked(self, r: SentenceReading, first: int, last: int) -> bool:
        """"urged the international community to stand by Azerbaijan", "rief die Verbündeten
        auf, …": a group no name stands for is asked, right after the verb (or inside a German
        verb's frame); a name in what it is asked to do is not asked."""
        ends = ("auf",) if self.lex.lang == "de" else ("to",)  # ("die Partner, darunter Deutschland, auf")
        end = next((i for i in range(first + 1, min(len(r.tokens), last + 8))
                    if r.tokens[i].key in ends), None)
        span = range(first + 1, end) if end is not None else range(0)
        groups = self.lex.word_class("open_addressee")
        return any(r.tokens[i].key in groups for i in span) and \
            not any(f.first in span for f in r.found)

    def _country_asked(self, r: SentenceReading, first: int, last: int, own_sides: set[str],
                       demanders: list[Found]) -> list[str]:
        """"Vor der Einweihung des Staudamms in Äthiopien fordern Ägypten und Sudan das Land zu
        einem Kurswechsel auf", "After the coup in Niger, France urged the country to …": the
        object of the verb is the state where the sentence's scene is, not the demanders'."""
        for i in range(first + 1, min(len(r.tokens), last + 6)):
            if r.tokens[i].key in self.lex.word_class("country_anaphor") and \
                    r.tokens[i - 1].key in ("das", "the") and r.tokens[i + 1:i + 2] and \
                    r.tokens[i + 1].text not in ("'", "’") and \
                    r.tokens[i - 2].key not in self.lex.word_class("preposition"):  # not "für das Land"
                if any(f.actor and last < f.first < i and f not in demanders for f in r.found):
                    return []  # "urged Russia and the country's allies": named first
                # only a state where what the sentence tells takes place ("vor der Wahl in
                # Georgien", "after the coup in Gabon"): "the country" is often the speaker's own
                states = [f.mention.entity for f in r.found if f.last < i and f.first > 0
                          and r.tokens[f.first - 1].key in ("in", "im")
                          and self.gaz.entities[f.mention.entity].kind == "state"]
                return [s for s in states if s not in own_sides][-1:]
        return []

    def _audience(self, r: SentenceReading, clause: Clause, own_sides: set[str]) -> list[str]:
        """"hat vor dem UN-Sicherheitsrat den Abzug gefordert", "demanded before the General
        Assembly": a body a demand is made before is asked to act on it."""
        determiners = self.lex.word_class("determiner")
        for f in r.found:
            if not f.actor or not clause.first <= f.first <= clause.last or self.gaz.entities[
                    f.mention.entity].kind != "organisation" or f.mention.entity in own_sides \
                    or not self._deliberative(f.mention.entity):
                continue
            j = f.first - 1
            while j > clause.first and r.tokens[j].key in determiners:
                j -= 1
            if j >= clause.first and r.tokens[j].key in self.lex.word_class("audience_prep"):
                return [f.mention.entity]
        return []

    def _deliberative(self, key: str) -> bool:
        """A council, an assembly, a court: a body demands are made before (not "Schutz vor
        der Hisbollah")."""
        bodies = self.lex.word_class("deliberative_body")
        return any(w in bodies or any(w.endswith(b) for b in bodies if len(b) > 4)
                   for w in self.gaz.name_words(key))

    def agent_of_noun(self, r: SentenceReading, first: int, last: int) -> Found | None:
        """The maker of a demand noun named after "by" ("a request by Kyiv for …") or in the
        genitive right after it ("die Forderung Kiews nach Kampfjets", "der Appell der
        Ukraine")."""
        if first == 0 or first + 2 >= len(r.tokens) or \
                r.tokens[first - 1].key not in self.lex.word_class("determiner"):
            return None
        if self.lex.lang == "en":
            return next((f for f in r.found if f.actor and f.first == first + 2
                         and r.tokens[first + 1].key == "by"), None)
        genitive = r.tokens[first + 1].key in ("der", "des")
        return next((f for f in r.found if f.actor and r.tokens[first].capitalized and (
            f.first == first + 1 and r.tokens[f.last].text.endswith("s")
            or genitive and f.first == first + 2)), None)

    def _joining(self, r: SentenceReading, f: Found) -> bool:
        """"Aufnahme Schwedens", "Sweden's accession": the state a demanded admission is for
        is not whom the demand is made of."""
        nouns = self.lex.word_class("accession")
        before = r.tokens[f.first - 1] if f.first > 0 else None
        after = r.tokens[f.last + 1:f.last + 4]
        possessive = [t.key for t in after[:2]] == ["s"] or (after and after[0].text in ("'", "’"))
        return (before is not None and before.key in nouns) or bool(
            possessive and any(t.key in nouns for t in after))

    def list_before(self, r: SentenceReading, head: Found, actors: list[Found]) -> list[Found]:
        """The names listed before `head` with only commas and "und"/"and" (and an article:
        "Qatar, Egypt and the United States") between."""
        joiners = self.lex.word_class("conjunction") | {","}
        articles = joiners | self.lex.word_class("determiner")
        out: list[Found] = []
        current = head
        while True:
            prev = next((f for f in reversed(actors) if f.last < current.first), None)
            between = r.tokens[prev.last + 1:current.first] if prev else []
            if prev is None or not all(t.key in articles for t in between) or \
                    not any(t.key in joiners for t in between):
                return out
            out.insert(0, prev)
            current = prev

    def captor_asked(self, r: SentenceReading, last: int, own_sides: set[str]) -> list[str]:
        """"forderte eine Freilassung der Geiseln der Hamas", "demanded the release of the
        hostages held by Hamas": whoever holds the captives is asked to free them. Only
        hostages belong to their captor in the genitive ("die Freilassung der Soldaten der
        Ukraine" frees Ukraine's soldiers); "held by" names the captor of anyone."""
        clause = clause_of(r.clauses, last)  # (German names what it asks before its final verb)
        release = next((i for i in range(clause.first if self.lex.lang == "de" else last,
                                         min(last + 8, len(r.tokens)))
                        if r.tokens[i].key in self.lex.word_class("release_noun")), None)
        if release is None:
            return []
        for f in r.found:
            if not f.actor or not release < f.first <= release + 9:
                continue
            # back over lower-case words to the genitive article or "by" (which a name like
            # "der Hamas" may hold itself)
            j = f.first if r.tokens[f.first].key in ("der", "des") else f.first - 1
            while j > release and r.tokens[j].text.islower() and r.tokens[j].key not in ("by", "der", "des"):
                j -= 1  # ("der islamistischen Hamas", "held by the")
            words = r.tokens[release:j]
            held = r.tokens[j].key == "by" and any(t.key in self.lex.word_class("held") for t in words[-2:])
            hostages = r.tokens[j].key in ("der", "des") and any(
                t.key in self.lex.word_class("hostage_noun") for t in words[-2:])
            if held or hostages:
                state = self.gaz.state_of(f.mention.entity, r.day)
                return [] if state in own_sides else [f.mention.entity]
        return []

    def _holder_asked_to_return(self, r: SentenceReading, last: int, own_sides: set[str]) -> list[str]:
        """"Japan fordert die Rückgabe der südlichen Kurilen": a territory asked back is
        asked of the state that holds it."""
        words = r.tokens[last + 1:]
        if not any(t.key in self.lex.word_class("return") for t in words):
            return []
        holders = [self.gaz.holder_of(f.mention.entity, r.day) for f in r.found if f.first > last
                   and self.gaz.entities[f.mention.entity].kind == "region"]
        return [h for h in holders if h and h not in own_sides][:1]

    def _at_request(self, r: SentenceReading, event: Event, actors: list[Found], first: int,
                    last: int) -> None:
        """"Germany sends the experts at the request of the Mexican authorities", "auf Bitte
        der mexikanischen Behörden": who requested is named after the match; who acts on it,
        the sentence's other side, was asked (else the story says whom)."""
        determiners = self.lex.word_class("determiner")
        requester = next((f for f in r.found if f.first > last and f.actor and all(
            t.key in determiners or is_adjective(t) for t in r.tokens[last + 1:f.first])), None)
        if requester is None:
            return
        own = self.gaz.state_of(requester.mention.entity, r.day)
        subject = [f for f in actors if f.last < first]
        if subject and self.gaz.state_of(subject[-1].mention.entity, r.day) == own:
            return  # "The US Senate, at the request of President Biden, approved …": its own side
        clause = clause_of(r.clauses, last)
        # the one acting on it: another side of the match's own clause, before it ("Germany
        # sends … at the request of …") or after it ("auf Bitte der Ukraine liefert Deutschland")
        others = [f for f in actors if f is not requester and clause_of(r.clauses, f.first) is clause
                  and self.gaz.state_of(f.mention.entity, r.day) != own]
        event.participants = [requester.mention.entity]
        event.addressees = [f.mention.entity for f in others][:1]

    def _passive_demand(self, r: SentenceReading, event: Event, actors: list[Found], first: int,
                        last: int) -> bool:
        """"Russland bleibe aufgerufen, …", "Iran was urged by the IAEA to …": in a passive
        the subject is asked; the agent asks, else whoever says so ("betonte der Kanzler,
        dass Russland aufgerufen bleibe"); the participle may end the match too ("wurde von
        Israel zur Persona non grata erklärt")."""
        participles = self.lex.word_class("passive_demand")
        if r.tokens[first].key not in participles and (
                r.tokens[last].key not in participles or self.lex.lang != "de"):
            return False
        auxiliaries = self.lex.word_class("passive_aux") | \
            self.lex.word_class("passive_aux_present") | self.lex.word_class("copula_stay")
        own = clause_of(r.clauses, first)
        # German puts the auxiliary second and the participle last, however far apart
        start = own.first if self.lex.lang == "de" else max(own.first, first - 4)
        near = r.tokens[start:first] + r.tokens[last + 1:last + 3]
        if not self._reduced_passive(r, first, last) and not any(t.key in auxiliaries for t in near):
            return False
        agents = self.lex.word_class("passive_agent")
        # "wurde von Biden aufgefordert": a German agent before the participle
        by = next((f for f in r.found if (first < f.first <= last + 4 or own.first < f.first < first)
                   and r.tokens[before_determiners(r.tokens, f.first - 1,
                                                   self.lex.word_class("determiner"))].key in agents),
                  None)
        asked = next((f for f in reversed(actors) if own.first <= f.first and f.last < first
                      and f is not by), None)
        if asked is None:
            return False
        speaker = by or self._land_to_leave(r, first) or next((f for f in actors if f.last < own.first), None)
        event.addressees = [asked.mention.entity]
        event.participants = [speaker.mention.entity] if speaker else []
        return True

    def _land_to_leave(self, r: SentenceReading, first: int) -> Found | None:
        """"Die iranischen Diplomaten seien aufgefordert worden, Saudi-Arabien zu verlassen",
        "were ordered to leave Kenya": the state to be left asks its envoys to go (not "US
        citizens were urged to leave Russia": their own state's advice)."""
        envoys = self.lex.word_class("envoy_noun")
        if not any(t.key in envoys for t in r.tokens[clause_of(r.clauses, first).first:first]):
            return None
        leave = next((i for i in range(first + 1, min(first + 14, len(r.tokens)))
                      if r.tokens[i].key in self.lex.word_class("leave_verb")), None)
        if leave is None:
            return None
        near = [f for f in r.found if f.actor and self.gaz.entities[f.mention.entity].kind == "state"
                and (first < f.first < leave if self.lex.lang == "de" else leave < f.first <= leave + 2)]
        return near[0] if near else None

    def _people_demand(self, r: SentenceReading, event: Event, first: int, last: int) -> bool:
        """"after months of Ukrainian pleas", "die polnischen Forderungen an Berlin": the
        demonym before a demand noun names who demands, whoever reports it."""
        people = next((f for f in r.found if f.last == first - 1 and f.mention.how == "demonym"), None)
        noun = r.tokens[first].capitalized if self.lex.lang == "de" else \
            not r.tokens[first].key.endswith(("ed", "ing"))  # "Ukrainian pleas", not "… urged"
        if people is None or not noun:
            return False
        event.participants = [people.mention.entity]
        side = self.gaz.state_of(people.mention.entity, r.day)
        asked = self._asked_of(r, last, people.mention.entity) or [
            f for f in r.found if f.actor and f.first > last and r.tokens[f.first - 1].key in
            self.lex.word_class("receiver_prep") and self.gaz.state_of(f.mention.entity, r.day) != side][:1]
        event.addressees = [f.mention.entity for f in asked]
        return True

    def _first_person_quote(self, r: SentenceReading, event: Event, first: int, last: int) -> bool:
        """"'We urge Iran to return to the talks,' Blinken said", "„Ich rufe China auf, …",
        sagte Lai": "I"/"we" in a quote is whoever is named as its speaker after it; the
        name inside the quote is asked."""
        quote = self.first_person_quote(r, first, last)
        if quote is None:
            return False
        opening, closing, speaker = quote
        # "…, sagte der Politiker": a speaker not named here is no one inside the quote
        side = self.gaz.state_of(speaker.mention.entity, r.day) if speaker else None
        asked = [f for f in r.found if f.actor and opening < f.first < closing
                 and self.gaz.state_of(f.mention.entity, r.day) != side] or self._addressed_to(r)
        event.participants = [speaker.mention.entity] if speaker else []
        event.addressees = unique(self.gaz.stands_for(f.mention.entity)
                                  for f in self.coordinated(asked, r))
        return True

    def _first_person_subject(self, r: SentenceReading, event: Event, actors: list[Found],
                              first: int) -> bool:
        """"Wir fordern die georgischen Behörden auf, …" with no quote speaker named in the
        sentence (a quote opened sentences before, a statement): who says "we" demands, and
        this sentence does not name them; the names after the verb are asked, not asking."""
        clause = clause_of(r.clauses, first)
        if first == 0 or clause.first != first - 1 or \
                r.tokens[first - 1].key not in self.lex.word_class("first_person"):
            return False
        asked = [f for f in actors if f.first > first and clause_of(r.clauses, f.first) is clause]
        event.participants = []
        event.addressees = unique(self.gaz.stands_for(f.mention.entity) for f in self.coordinated(asked, r))
        return True

    def first_person_quote(self, r: SentenceReading, first: int,
                           last: int) -> tuple[int, int, Found | None] | None:
        """The quote marks around a trigger told in the first person, and the speaker named
        after the quote (None when no name is: "…, sagte der Politiker")."""
        quote = self._first_person_quote_span(r, first, last)
        return (*quote, self._quote_speaker(r, quote[1])) if quote is not None else None

    def _first_person_quote_span(self, r: SentenceReading, first: int,
                                 last: int) -> tuple[int, int] | None:
        """The quote marks around a trigger told in the first person ("'We urge …'")."""
        opening = next((i for i in range(first - 1, -1, -1) if is_quote_mark(r.tokens, i)), None)
        closing = next((i for i in range(last + 1, len(r.tokens)) if is_quote_mark(r.tokens, i)), None)
        # ("„Wir erwarten, dass …“": the pattern may begin with the "we"; "'Spoke to PM Sharif
        # and wished him,' Modi tweeted": a post opens with its verb, its "I" left out)
        if opening is None or closing is None:
            return None
        # ("„Unsere Regierung fordert …“", "'My government asks …'": the speaker's own side)
        own_government = any(r.tokens[i].key in self.lex.word_class("first_person_possessive")
                             and r.tokens[i + 1].key in self.lex.word_class("government")
                             for i in range(opening + 1, first))
        first_person = own_government or any(t.key in self.lex.word_class("first_person")
                                             for t in r.tokens[opening + 1:first + 1])
        subjectless = r.tokens[opening + 1].key in self.lex.word_class("subjectless_opener")
        return (opening, closing) if first_person or subjectless else None

    def _quote_speaker(self, r: SentenceReading, closing: int) -> Found | None:
        """Who is named as the speaker right after a quote ("…," Blinken said)."""
        speech = self.lex.word_class("speech_verb")
        return next((f for f in r.found if f.actor and closing < f.first <= closing + 6 and any(
            t.key in speech for t in r.tokens[closing + 1:f.last + 3])), None)

    def _fronted_demand(self, r: SentenceReading, event: Event, actors: list[Found],
                        before: list[Found], first: int, trigger_clause: Clause) -> bool:
        """"Kiew müsse seine Truppen abziehen, verlangte der Kremlchef": what is demanded
        comes first, the verb opens the next clause and its subject follows it. The demander
        is that subject, the addressee the subject of the fronted clause."""
        if self.lex.lang != "de" or trigger_clause.first != first or first == 0 \
                or r.tokens[first - 1].text != ",":
            return False
        obligations = self.lex.word_class("obligation")
        # not "Macron, der …, forderte Iran auf": a relative clause before the verb
        if clause_of(r.clauses, first - 2).relative or not any(
                t.key in obligations for t in r.tokens[:first - 1]):
            return False
        speaker = next((f for f in actors if f.first > first
                        and clause_of(r.clauses, f.first) is trigger_clause), None)
        fronted = [f for f in before if not clause_of(r.clauses, f.first).relative
                   and not self._after_preposition(r, f)]
        if speaker is None or not fronted:
            return False
        event.participants = [speaker.mention.entity]
        event.addressees = [f.mention.entity for f in fronted[:1]
                            if f.mention.entity != speaker.mention.entity]
        return True

    def _after_preposition(self, r: SentenceReading, f: Found) -> bool:
        if f.first == 0:
            return False
        j = before_determiners(r.tokens, f.first - 1, self.lex.word_class("determiner"))
        if j == clause_of(r.clauses, j).first and r.tokens[j].key in self.lex.word_class("clause_break"):
            return False  # "…, after President Zelenskiy appealed …": a conjunction, then the subject
        return r.tokens[j].key in self.lex.word_class("preposition")

    def _infinitive_object(self, r: SentenceReading, f: Found) -> bool:
        """"took time out to visit Honiara and to ask …": the object of an English
        infinitive is not who acts."""
        j = before_determiners(r.tokens, f.first - 1, self.lex.word_class("determiner"))
        return self.lex.lang == "en" and j > 0 and r.tokens[j - 1].key == "to" and \
            r.tokens[j].is_word and r.tokens[j].key not in self.lex.word_class("preposition")

    def _reported_demand(self, r: SentenceReading, event: Event, actors: list[Found],
                         first: int, last: int) -> None:
        """"Merkel sagte, Russland müsse abziehen", "Lula said the United States should
        stop …": the speaker demands, of the subject of the obligation. Nothing when
        either is missing or both are one side ("Putin sagte, Russland müsse sich …")."""
        # not a name in a phrase before the speaker ("In talks with Scholz, Biden stressed …")
        speakers = [f for f in actors if f.last < first and not self._after_preposition(r, f)]
        after = next((f for f in actors if first < f.first and clause_of(r.clauses, f.first)
                      is clause_of(r.clauses, first)), None)
        # "Bei ihrem Besuch im Sahel-Staat Niger sagte Baerbock, …": German puts the subject
        # right after the verb when a phrase comes first
        clause = clause_of(r.clauses, first)
        fronted = r.tokens[clause.first].key in self.lex.word_class("preposition") or not any(
            clause.first <= f.first < first for f in actors)
        inverted = self.lex.lang == "de" and after is not None and after.first <= first + 3 \
            and first > 0 and r.tokens[first - 1].is_word and fronted
        speaker = after if inverted else (speakers[0] if speakers else None) or after
        modal_clause = clause_of(r.clauses, last)
        # the obligation's subject comes after the saying ("Guyana's President Ali said
        # Venezuela should …": not Ali, a part of the speaker's phrase)
        subject = next((f for f in actors if first < f.first < last and f is not speaker
                        and clause_of(r.clauses, f.first) is modal_clause), None) or next(
            # "made clear the need for Israel to …"
            (f for f in r.found if last < f.first <= last + 3 and f.mention.how != "place"
             and r.tokens[f.first - 1].key in ("for", "für")), None) or \
            self._demonym_subject(r, modal_clause, last)
        # whom it was said to is asked ("hatte Trump … gesagt, eine Lösung müsse …")
        joiners = self.lex.word_class("conjunction") | {","}
        told = next((f for f in actors if speaker.last < f.first < first and not
                     self._after_preposition(r, f) and self.gaz.state_of(f.mention.entity, r.day)
                     != self.gaz.state_of(speaker.mention.entity, r.day) and not any(
                         t.key in joiners for t in r.tokens[speaker.last + 1:f.first])),
                    None) if speaker else None  # not "Scholz und Macron betonten"
        # "Merkel told Trump (that) a solution must be found", "told Xi he should …": whom
        # it was told to is asked, whatever the obligation's subject
        told_to = self._told_to(r, actors, first)
        if speaker is not None and told_to is not None and told_to is not speaker and (
                subject is None or subject is told_to):
            event.participants = [speaker.mention.entity]
            event.addressees = [told_to.mention.entity]
            return
        if speaker is not None and subject is None and (told is not None or self._impersonal_obligation(
                r, max(modal_clause.first, first + 1), last)):
            # "die Industriestaaten müssten …", "insisted there should be peace", "stressed
            # that an operation should not proceed": a call with no one state addressed
            event.participants = [speaker.mention.entity]
            event.addressees = [told.mention.entity] if told else []
            return
        if speaker is None or subject is None:
            return
        # "said Sweden and Finland must hand over …": each of the obligation's subjects; a list
        # with the speaker's own side asks no one ("Putin said Russia and Ukraine must negotiate")
        listed = self.coordinated([subject] + [f for f in actors if subject.last < f.first < last], r)
        if self._own_side_among(speaker, listed, r):
            return
        event.participants = [speaker.mention.entity]
        event.addressees = unique(f.mention.entity for f in listed)

    def _told_to(self, r: SentenceReading, actors: list[Found], first: int) -> Found | None:
        """Whom a saying is addressed to: the object of "told" ("told Xi he should …"), or
        to whom something is made clear ("Xi machte Trump klar, dass …", "made it clear to
        Trump that …")."""
        if r.tokens[first].key in self.lex.word_class("tell_verb"):
            return next((f for f in actors if f.first == first + 1), None)
        if not any(t.key in self.lex.word_class("made_clear") for t in r.tokens[first + 1:first + 4]):
            return None
        return next((f for f in actors if f.first == first + 1 or (
            first < f.first <= first + 4 and r.tokens[f.first - 1].key == "to")), None)

    def _impersonal_obligation(self, r: SentenceReading, start: int, last: int) -> bool:
        """A demand with no one addressee, from `start` to the modal: states in general are
        obliged ("sagte Baerbock, die wohlhabenden Industriestaaten müssten …") or, in
        English, a course of the conflict is ("insisted there should be peace", "stressed that
        an operation should not proceed"). Not "said he must leave" (a person's own duty),
        nor "said the meeting should take place in June" or "the economy must grow": plans and
        wishes; German tells every statement in the subjunctive, so only its first rule."""
        subject = r.tokens[start:last]
        if any(t.key in self.lex.word_class("personal_pronoun") for t in subject):
            return False
        if any(t.key in PAIR_WORDS for t in subject):
            return False  # "Xi said the two countries should …": the speaker's own side is one of them
        return self._group_obligated(subject) or self._course_obligated(r, subject, last)

    def _group_obligated(self, subject: list[Token]) -> bool:
        nouns = self.lex.word_class("group_states") | self.lex.word_class("open_addressee")
        return any(t.key in nouns or self.lex.lang == "de" and t.key.endswith(("staaten", "länder"))
                   for t in subject)

    def _course_obligated(self, r: SentenceReading, subject: list[Token], last: int) -> bool:
        expletive = bool(subject) and subject[-1].key == "there"  # "there should be peace"
        course = self.lex.word_class("conflict_course")
        if self.lex.lang == "en" and r.tokens[last].key == "need" and last + 1 < len(r.tokens) \
                and r.tokens[last - 1].key in ("the", "a") and r.tokens[last + 1].key == "to":
            # "stressed the need to prevent further escalation": what is needed is the course
            # (not "the measures are needed to prevent violence": what they are for)
            return any(t.key in course for t in r.tokens[last + 2:last + 12])
        return self.lex.lang == "en" and r.tokens[last].key in self.lex.word_class("obligation") and (
            expletive or any(t.key in course for t in subject))

    def _demonym_subject(self, r: SentenceReading, clause: Clause, last: int) -> Found | None:
        """"demanded that the Chinese ships move out", "said French troops should leave": a
        demonym in the obliged subject names the state whose people are asked."""
        return next((f for f in r.found if f.mention.how == "demonym"
                     and clause.first <= f.first < last and f.first <= clause.first + 3), None)

    def _quoted_obligation(self, r: SentenceReading, event: Event, actors: list[Found],
                           first: int, last: int) -> None:
        """"»Großbritannien muss verhandeln«, sagte der Außenminister", "'Israel must act,'
        Biden said": the speaker after the quote demands of the obligation's subject. The
        speech verb must follow the end of the quote or clause (a comma or quote mark)."""
        closers = QUOTE_MARKS | {","}
        # "…, South Korean President Yoon said", "…, Finland's President Alexander Stubb said",
        # "…, Qatar's prime minister said": the speaker's phrase between quote and verb
        closing = max((i for i in range(first + 1, last) if r.tokens[i].text in closers
                       and r.tokens[i + 1].key != "s"), default=None)  # not "Qatar's"
        before_verb = next((f for f in actors if closing is not None and closing < f.first < last
                            and last - closing <= 9), None)
        if before_verb is None and not any(t.text in closers for t in r.tokens[last - 3:last]):
            return
        speaker = before_verb or next(
            (f for f in actors if f.first > last - 3 and f.first <= last + 6), None)
        # "Israel must …" names it before the modal; "Es ist an der Zeit, dass London …" after
        # ("It is time for Hamas to …": the subject after "for" as well)
        end = closing if closing is not None else last - 1
        # (after the modal only right after it, past adverbs: "Nun müsse auch Russland …",
        # not "Es solle die Zusammenarbeit mit Peking verbessern")
        subject = next((f for f in reversed(actors) if f.last < first), None) or next(
            (f for f in r.found if f.actor and first < f.first < end
             and self._right_after_modal(r, first, f)), None)
        if speaker is None or subject is None:
            return
        # "Die Ukraine müsse weiter unterstützt werden", "Israel müsse sich verteidigen können":
        # the subject is helped or allowed, not asked
        modal_end = next((i for i in range(first + 1, end + 1) if r.tokens[i].text in closers), end)
        if r.tokens[modal_end - 1].key in ("werden", "worden", "können", "dürfen"):
            return  # (the modal's own clause ends so, not a "damit …" or relative clause after it)
        # (a list with the speaker's own side asks no one: "'Brasilien und Venezuela müssen
        # vereint sein', sagte Maduro")
        listed = self._list_ending_at(r, subject, actors)
        if self._own_side_among(speaker, listed, r):
            return
        # ("…, erklärten Scholz und Macron": both ask)
        speakers = self.coordinated([speaker] + [f for f in actors if f.first > speaker.last], r) \
            if speaker.first > last else [speaker]
        event.participants = unique(f.mention.entity for f in speakers)
        event.addressees = unique(f.mention.entity for f in listed)

    def _right_after_modal(self, r: SentenceReading, modal: int, f: Found) -> bool:
        """A subject after the modal, past adverbs or "for" ("Nun müsse auch Russland …", "It
        is time for Hamas to …") or as the place of a government ("müsse die Regierung in
        Moskau einlenken"), not a name in a phrase ("Es solle die Zusammenarbeit mit Peking …")."""
        between = r.tokens[modal + 1:f.first]
        government = self.lex.word_class("government")
        if len(between) >= 2 and (between[-2].key in government or between[-2].lemma in government) \
                and between[-1].key in ("in", "der", "des"):
            return True
        prepositions = self.lex.word_class("preposition") - {"for", "für"}
        return not any(t.capitalized or t.key in prepositions for t in between)

    def _own_side_among(self, speaker: Found, listed: list[Found], r: SentenceReading) -> bool:
        side = self.gaz.state_of(speaker.mention.entity, r.day)
        return any(self.gaz.state_of(f.mention.entity, r.day) == side for f in listed)

    def _list_ending_at(self, r: SentenceReading, end: Found, actors: list[Found]) -> list[Found]:
        """The names joined to `end` before it ("Putin and Zelensky must meet"), and it."""
        chain = [end]
        for f in reversed([f for f in actors if f.last < end.first]):
            if self.coordinated([f, chain[0]], r) != [f, chain[0]]:
                break
            chain.insert(0, f)
        return chain

    def _asked_of(self, r: SentenceReading, last: int, side: str) -> list[Found]:
        """The addressee in a "von"/"from" phrase right after the demand verb, or before a
        German verb at the end of its clause ("nachdem Kiew von Budapest verlangt hatte")."""
        own = clause_of(r.clauses, last)
        verb_final = self.lex.lang == "de" and not any(
            t.is_word for t in r.tokens[last + 1:own.last + 1]
            if t.key not in self.lex.word_class("auxiliary"))
        for f in r.found:
            before = verb_final and own.first < f.first < last
            if not before and (f.first <= last or f.first > last + 8) or f.mention.entity == side:
                continue
            determiners = self.lex.word_class("determiner")
            j = before_determiners(r.tokens, f.first - 1, determiners)
            if j > 1 and r.tokens[j].key in ("in", "im") and \
                    r.tokens[j - 1].key in self.lex.word_class("government"):
                j = before_determiners(r.tokens, j - 2, determiners)  # "von der Führung in Minsk"
            # "plea to Washington", "Appell an Moskau": the pattern ends on whom it is made to
            made_to = j == last and r.tokens[j].key in ("to", "an") and f.first <= last + 3
            # "nach Angaben von Polen", "laut einem Bericht von Katar": of a noun, not asked
            of_noun = before and j > own.first and r.tokens[j - 1].capitalized and \
                r.tokens[j - 1].is_word and not any(g.first <= j - 1 <= g.last for g in r.found)
            # "called on Russia to withdraw its troops from Ukraine": a name asked first (in
            # English; German puts the subject there: "verlangten Starmer und Macron von …")
            passed = self.lex.lang == "en" and any(g.actor and last < g.first < f.first for g in r.found)
            if passed and not made_to:
                continue
            if (made_to or r.tokens[j].key in ("von", "vom", "from") and (j > last - 1 or before)
                    and not of_noun) and (
                    f.actor or self.gaz.entities[f.mention.entity].metonym_of):
                return [f]
        return []

    def _addressed_to(self, r: SentenceReading) -> list[Found]:
        """"sagte Selenskyj an die Adresse Moskaus", "a message addressed to Beijing": whom
        the words were aimed at, anywhere in the sentence."""
        for k, token in enumerate(r.tokens):
            # only "addressed to X" and "an die Adresse X", not "who addressed NATO leaders"
            marked = k + 1 < len(r.tokens) and r.tokens[k + 1].key == "to" if self.lex.lang == "en" \
                else k > 1 and r.tokens[k - 1].key == "die" and r.tokens[k - 2].key == "an"
            if token.key in self.lex.word_class("address_noun") and marked:
                return [f for f in r.found if k < f.first <= k + 3 and (
                    f.actor or self.gaz.entities[f.mention.entity].metonym_of)][:1]
        return []

    def _appealed_to(self, r: SentenceReading, clause: Clause, side: str) -> list[Found]:
        """"hat an Chinas Staatschef Xi appelliert", "appellierte an Moskau": German names
        whom a demand is made of after "an" in the demand's clause."""
        if self.lex.lang != "de":
            return []
        for k in range(clause.first, clause.last + 1):
            named = [f for f in r.found if f.actor and k < f.first <= k + 4
                     and f.mention.entity != side] if r.tokens[k].key == "an" else []
            if named:  # "hält an seiner Forderung an Washington fest": the "an" before a name
                return named[:1]
        return []

    def coordinated(self, found: list[Found], r: SentenceReading) -> list[Found]:
        """The first name and those joined to it by "und"/"and"/"," or "als auch"."""
        if not found:
            return []
        out = [found[0]]
        joiners = self.lex.word_class("conjunction") | {","}
        for f in found[1:]:
            if f in group_of(r.found, out[-1]):
                out.append(f)  # "They": the sides of a list told before, together
                continue
            between = r.tokens[out[-1].last + 1:f.first]
            # an article alone joins nothing: "Abe den russischen Präsidenten Putin" is
            # subject and object
            articles = ("the", "der", "die", "das", "den", "dem")
            words = " ".join(t.key for t in between if t.key not in articles)
            # ("Koenders and his French counterpart Fabius": a possessive after "and" too)
            fillers = self.lex.word_class("determiner")
            if any(t.key in joiners for t in between) and all(
                    t.key in joiners or t.key in articles or t.key in fillers for t in between) \
                    or words in self.lex.word_class("correlative") \
                    or self._origin_repeated(words.split()):  # "sowohl X als auch Y"
                out.append(f)
            else:
                break
        return out

    def _origin_repeated(self, keys: list[str]) -> bool:
        """"Vertreter der EU und aus Neuseeland", "officials from the EU and from New
        Zealand": "and" and an origin (the words between two names, articles left out) join
        two names that each say whom a group comes from (whether a name is a side at all is
        `is_blocked`'s question)."""
        return len(keys) == 2 and keys[0] in self.lex.word_class("conjunction") and \
            keys[1] in GROUP_ORIGINS

    def support(self, r: SentenceReading, event: Event, actors: list[Found], trigger: Trigger,
                       first: int, last: int, kinds: tuple[str, ...] = ()) -> bool:
        if "arrival" in trigger.flags:
            return self._arrived_supply(r, event, first)
        by_prep = self.receivers_by_prep(r)
        if "stationed" in trigger.flags:  # "stationiert Atomwaffen in Belarus": where they stand receives
            if not self._stations(r, first):
                return False
            by_prep += self._stationed_in(r, last)
        if "needs_receiver_prep" in trigger.flags or (
                self._english_noun(r, first) and "receiver_subject" not in trigger.flags):
            # ("took receipt of": its subject receives)
            # a noun names its receiver after it: "aid to Kyiv", "Lieferant von Waffen an Kiew";
            # "an important supplier of gas" or "thanked India for its aid" names none
            by_prep = [(f, key) for f, key in by_prep if f.first > last or self._owes(r, f)]
            if not by_prep:
                return False
        if self._participle_agents(r, first, last):  # "die von Japan finanzierten Schiffe"
            return self._attributive_supply(r, event, first, last)
        receiver_subject = "receiver_subject" in trigger.flags  # ("'We thank Qatar for …'")
        if not receiver_subject and self._quoted_supply(r, event, by_prep, first, last) or \
                self._goods_of_a_state(r, event, actors, by_prep, first):
            return True
        actors = self._not_receiving(r, actors, by_prep, last)
        if not actors:
            return False
        passive = self._passive_supply(r, event, actors, first, last)
        if passive is not None:
            return passive
        if receiver_subject:  # "Russland bezieht aus dem Iran Drohnen"
            return self._received_supply(r, event, actors, first, last, "giver_after" in trigger.flags)
        return self._subject_supply(r, event, actors, by_prep, trigger, (first, last), kinds)

    def _subject_supply(self, r: SentenceReading, event: Event, actors: list[Found],
                        by_prep: list[tuple[Found, str]], trigger: Trigger, span: tuple[int, int],
                        kinds: tuple[str, ...]) -> bool:
        """The subject (or a list of subjects) supplies; whom a preposition, an object or a
        demonym names receives, never the suppliers' own side."""
        first, last = span
        own = clause_of(r.clauses, first)
        supplier, joint, pool = self._supplier_and_pool(r, actors, by_prep, own, span)
        if self._object_taken_for_supplier(r, supplier, own, first, last):
            return False
        # "ukrainische Bataillone auszubilden", "arm Ukrainian forces": a side named by a
        # demonym after the verb names the receiver when no name does
        # (German: "hat ukrainische Rekruten ausgebildet", the object before the verb)
        # (a force of another clause is none: "verlegte Kampfjets nach Natuna, nachdem
        # von der chinesischen Küstenwache begleitete Fangschiffe …")
        demonyms = [(f, f.mention.entity) for f in r.found if (
            f.mention.how == "demonym-actor" and f.first > last or self.names_a_force(r, f)
            and (f.first > first or self.lex.lang == "de") and clause_of(r.clauses, f.first) is own)]
        at_border = [f for f in r.found if self._at_the_border(r, f)]
        # the list that supplies together, with no other side between it and the verb ("Biden
        # and Zelenskyy will discuss the systems the US has provided" is no joint supply; "Die
        # Türkei, die Baku mit Drohnen ausgerüstet hatte": a relative, not a list)
        partners = joint if joint and not self._antecedent(r, first) and not any(
            joint[-1].last < f.first < first for f in pool) else []
        if at_border and not by_prep:
            return False  # "ordered troops to the border with Ukraine": a deployment at home
        for suppliers in ([joint] if len(joint) > 1 else []) + [[supplier]]:
            # never the suppliers' own side: "US-Präsident Biden sagte der Ukraine … zu"
            sides = {self.gaz.state_of(f.mention.entity, r.day) for f in suppliers}
            # (never one named as the source: "Panzer aus Südkorea", "jets from France")
            # (nor one coordinated with them: "Saudi-Arabien und die VAE sagten dem Land
            # Hilfe zu" is a joint pledge to someone named elsewhere, not one to the other)
            rest = [(f, f.mention.entity) for f in pool
                    if f not in suppliers and f not in at_border and f not in partners
                    and (f.first == 0 or r.tokens[f.first - 1].key not in self.lex.word_class("source_prep"))]
            addressee = next((key for _, key in by_prep + rest + demonyms
                              if self.gaz.state_of(key, r.day) not in sides), None)
            if addressee is not None or len(suppliers) == 1:
                break
        if addressee is None:  # a joint pledge to someone unnamed, or to "dem Land"
            suppliers = partners if len(partners) > 1 else suppliers
            sides = {self.gaz.state_of(f.mention.entity, r.day) for f in suppliers}
            addressee = self._country_meant(r, suppliers, last)
        if any(t.key in self.lex.word_class("own_benefit") and r.tokens[i - 1].key in ("for", "zur", "zu")
               for i, t in enumerate(r.tokens[1:], 1)):
            return False  # "Wounded Ukrainian soldiers flown to Germany for treatment"
        if "not_a_visit" in trigger.flags and any(
                self.gaz.entities[f.mention.entity].kind == "leader" for f in suppliers):
            return False  # "Macron flew to Kyiv with a promise of artillery": a visit
        event.participants = unique(f.mention.entity for f in suppliers)
        if addressee is not None:
            event.addressees = self._receiver_list(r, by_prep, addressee, sides) or [addressee]
        elif any(self.gaz.state_of(key, r.day) in sides and not self._on_behalf_of(r, f)
                 for f, key in by_prep):
            return False  # "… Budgethilfe nach Amman, bestätigte die jordanische Regierung": who
            # receives is no supplier; the one who gives is named elsewhere
        elif "sent" in trigger.flags and (kinds != ("troops",) or any(
                t.key in self.lex.word_class("support_purpose") for t in r.tokens)):
            # (troops sent somewhere may occupy it: only with a word that they support or
            # serve there, "um die Regierung in Maputo zu unterstützen", "their base in Qatar")
            addressee = self._destination(r, own, first, sides)
            event.addressees = [addressee] if addressee else []
        return addressee is not None or "needs_receiver" not in trigger.flags

    @staticmethod
    def _on_behalf_of(r: SentenceReading, f: Found) -> bool:
        """"Für Deutschland kündigte Baerbock Hilfsgelder … an": a sentence that opens with
        "für"/"for" and a side speaks for that side; it names no receiver."""
        return f.first == 1 and r.tokens[0].key in ("fur", "für", "for")

    def _country_meant(self, r: SentenceReading, suppliers: list[Found], verb: int) -> str | None:
        """"Nach dem Sturz des sudanesischen Präsidenten haben Saudi-Arabien und die VAE dem
        Land Hilfe zugesagt", "pledged aid to the country", "gave the country tanks": the
        country receiving is the last state named before its givers ("after Russia attacked
        the country" names an attacker after them; "the country's army" receives nothing)."""
        sides = {self.gaz.state_of(f.mention.entity, r.day) for f in suppliers}
        start = min(f.first for f in suppliers)
        for i, t in enumerate(r.tokens[2:-1], 2):
            before = (r.tokens[i - 2].key, r.tokens[i - 1].key)
            # ("dem Land", "to the country", "gave the country …")
            receiving = before[1] == "dem" or before == ("to", "the") or \
                (before[1] == "the" and i - 2 == verb)
            if t.key in self.lex.word_class("country_anaphor") and receiving \
                    and r.tokens[i + 1].text not in ("'", "’"):
                states = [self.gaz.state_of(f.mention.entity, r.day) for f in r.found if f.last < start]
                states = [s for s in states if self.gaz.entities[s].kind == "state" and s not in sides]
                return states[-1] if states else None
        return None

    def _object_taken_for_supplier(self, r: SentenceReading, supplier: Found, own: Clause,
                                   first: int, last: int) -> bool:
        """"Chine said it would give Cambodia doses": in English, with no name before the verb in
        its clause, the name after it receives (not a passive's agent, an inverted copula's
        subject, "Also pledging aid was Japan", nor the subject after a fronted clause,
        "Having sent tanks to Ukraine, Poland …")."""
        return self.lex.lang == "en" and supplier.first > last and r.tokens[first].text.islower() \
            and not any(own.first <= f.first < first for f in r.found) \
            and r.tokens[supplier.first - 1].key not in ("by", "was", "were", "is", "are", "be") \
            and not any(t.text == "," for t in r.tokens[last + 1:supplier.first]) \
            and not self._english_noun(r, first)

    def _supplier_and_pool(self, r: SentenceReading, actors: list[Found], by_prep: list[tuple[Found, str]],
                           own: Clause, span: tuple[int, int]) -> tuple[Found, list[Found], list[Found]]:
        """Who supplies (one, and the list it heads when several give together) and the
        names among which the receiver is found."""
        first, last = span
        # "Russia, which has provided Assad with warplanes": the relative's antecedent supplies
        # (a name after "an"/"für" receives: "Island … bezahlt für die Ukraine Munition")
        in_clause = self._antecedent(r, first) + [
            f for f in actors if clause_of(r.clauses, f.first) is own
            and not any(f is g for g, _ in by_prep)]
        # "Dort sagte ihm Scholz … zu": an object pronoun receives, it never supplies;
        # "Iran räumte ein, Russland Drohnen geliefert zu haben": the governing clause's
        # subject supplies what its zu-infinitive tells
        governing = self._infinitive_subject(r, own, first, last, actors)
        subjects = [f for f in in_clause or actors if not self._object_pronoun(r, f)]
        supplier = governing or (subjects or in_clause or actors)[0]
        inverted = self._subject_after_opening(r, first)
        if governing is None and inverted is not None and supplier.first < first:
            supplier = inverted  # "Bei einem Treffen mit König Abdullah sagte Merkel … zu"
        reported = self._reported_subject(r, supplier, subjects, first) if governing is None else None
        if reported is not None:  # "Zelenskiy said Japan would provide Ukraine with …"
            supplier = reported
            in_clause = [f for f in in_clause if f.first >= reported.first]
        if governing is not None:  # "sagte der Ukraine zu, … zu liefern": its objects receive
            ruling = clause_of(r.clauses, governing.first)
            in_clause = [f for f in actors if clause_of(r.clauses, f.first) is ruling] + in_clause
        # "Italy and France will supply … to Ukraine": a coordinated subject supplies
        # together when someone else receives ("Biden and Zelenskyy will discuss the aid
        # the US has provided" names no joint supply)
        # ("Deutschland, Dänemark und Schweden finanzieren": the list's commas split clauses)
        before = [f for f in in_clause or actors if f.last < first]
        joint = self.coordinated(self.list_before(r, before[0], actors) + before, r) \
            if supplier.last < first and before else []
        pool = in_clause or actors
        if self.lex.lang == "de" and supplier.first > first and self._subject_right_after(
                r.tokens[first + 1:supplier.first]):
            # "sicherten Saudi-Arabien, die Emirate und Kuwait Ägypten … zu": a subject list
            # right after the verb (its commas cut the clause), then whom it is given to
            # ("sagten auch Indien und die EU Hilfe zu": an adverb may stand before it;
            # "sagten Vertreter aus Großbritannien, den USA und Saudi-Arabien … zu": so may
            # the people the list says where they come from)
            joint = self.coordinated([f for f in actors if f.first >= supplier.first], r)
            pool = pool + [f for f in actors if f.first > joint[-1].last and f not in pool]
        return supplier, joint, pool

    def _subject_right_after(self, between: list[Token]) -> bool:
        """Whether the words between a German verb and a name leave the name its subject:
        adverbs ("sagten auch Indien …", "unter anderem"), or people from it ("sagten Vertreter
        aus Indien …")."""
        keys = " ".join(t.key for t in between)
        if keys.startswith("unter anderem"):
            between = between[2:]
        words = [t for t in between if t.key not in self.lex.word_class("verb_adverb")]
        if len(words) == 2 and words[0].capitalized and words[1].key in ("aus", "von"):
            return True
        return not words

    def _destination(self, r: SentenceReading, own: Clause, first: int, sides: set[str]) -> str | None:
        """Where goods or people were sent, when no one is named as receiving them: an
        institution of a state ("with the State Bank of Pakistan", "bei der pakistanischen
        Zentralbank"), or a part of a state named by its adjective ("in die mosambikanische
        Provinz Cabo Delgado"). A place as such is not enough: "nach dem Treffen in Washington",
        "to fight in Ukraine", "an air show in Milan" name no receiver."""
        if any(t.key in self.lex.word_class("not_for_anyone") for t in r.tokens[own.first:own.last + 1]):
            return None  # "Truppen für ein Manöver in Litauen", "jets to an air show"
        for f in r.found:
            if not (own.first < f.first <= own.last and (f.first > first or self.lex.lang == "de")):
                continue
            j = self._institution_start(r, f)
            preps = self.lex.word_class("institution_prep")
            if j is None and f.mention.how == "demonym" and f.last + 1 < len(r.tokens) \
                    and r.tokens[f.last + 1].key in self.lex.word_class("region_noun"):
                j = before_determiners(r.tokens, f.first - 1, self.lex.word_class("determiner"))
                preps = self.lex.word_class("destination_prep")
            if j is None or r.tokens[j].key not in preps:
                continue
            state = self.gaz.state_of_place(f.mention.entity)
            if self.gaz.entities[state].kind == "state" and state not in sides:
                return state
        return None

    def _institution_start(self, r: SentenceReading, f: Found) -> int | None:
        """Where the phrase naming an institution of a state begins ("the State Bank of
        Pakistan", "der pakistanischen Zentralbank"), or None when f names none."""
        tokens, institutions = r.tokens, self.lex.word_class("institution_noun")
        if f.mention.how == "demonym" and f.last + 1 < len(tokens) and tokens[f.last + 1].key in institutions:
            return before_determiners(tokens, f.first - 1, self.lex.word_class("determiner"))
        j = f.first - 1
        if j < 2 or tokens[j].key != "of" or tokens[j - 1].key not in institutions:
            return None
        j -= 1
        while j > 0 and (tokens[j].text[:1].isupper() or tokens[j].key in self.lex.word_class("determiner")):
            j -= 1
        return j

    def _only_the_asked_named(self, r: SentenceReading, asked: list[Found], clause: Clause) -> bool:
        """One side named after the verb, one list: not "Zunächst forderte Scholz Putin auf" nor
        "Zurückhaltung hat Biden von Netanjahu gefordert", where the subject is named there too."""
        joiners = self.lex.word_class("conjunction") | self.lex.word_class("determiner") | {","}
        gaps = [r.tokens[a.last + 1:b.first] for a, b in zip(asked, asked[1:], strict=False)]
        listed = all(gap and all(t.key in joiners for t in gap) for gap in gaps)
        determiners = self.lex.word_class("determiner")
        marked = any(r.tokens[before_determiners(r.tokens, f.first - 1, determiners)].key
                     in ("von", "an", "bei") for f in r.found if f.actor and f.first > clause.first)
        return listed and not marked

    def _unnamed_group_subject(self, r: SentenceReading, clause: Clause, first: int) -> bool:
        """German, before the finite verb ("haben", "hat" or the match itself): a noun phrase
        that names no one ("Kritiker haben", "Nichtregierungsorganisationen haben", "Die
        Opposition hat"), not an adverb or a phrase ("Gestern haben", "Als Folge habe"): the
        subject is unnamed. Not a passive ("Botschafter Meyer sei aufgefordert")."""
        if self.lex.lang != "de":
            return False
        finite = next((k for k in range(clause.first + 1, first)
                       if r.tokens[k].key in self.lex.word_class("auxiliary")), first)
        if r.tokens[finite].key not in ACTIVE_PERFECT and finite != first:
            return False
        field = r.tokens[clause.first:finite]
        openers = self._no_subject_words()
        # (a noun ends it, not an adverb: "Nachdrücklich drängte Steinmeier …")
        adverb = not field or field[-1].key.endswith(ADVERB_ENDINGS)
        # a subject's shape: "Die Opposition", "Kritiker", "Menschenrechtsgruppen" — not an
        # adverb ("Zunächst", "Mehrfach") nor an object ("Einen Waffenstillstand forderte …")
        subject_like = bool(field) and (field[0].key in ("die", "der", "das") or field[-1].key.endswith(
            ("er", "en", "innen")) and field[0].key not in self.lex.word_class("indefinite_article"))
        return 1 <= len(field) <= 4 and field[-1].capitalized and not adverb and subject_like and all(
            t.is_word and t.key not in openers for t in field) \
            and not any(clause.first <= f.first < finite for f in r.found)

    def _no_subject_words(self) -> frozenset[str]:
        """Words that open a German clause without being its unnamed subject: adverbs, times
        ("Vergangene Woche"), prepositions, conjunctions, someone's ("sein Land"), someone
        told before ("Beide", "Der Gast") — but not the articles ("die" opens relatives too)."""
        words = self.lex.word_class("opening_adverb") | self.lex.word_class("verb_second_opening") | \
            self.lex.word_class("preposition") | self.lex.word_class("not_a_verb_before_sie") | \
            calendar_words("de")
        words -= self.lex.word_class("determiner")
        return words | self.lex.word_class("possessive_own") | self.lex.word_class("group") | \
            self.lex.word_class("other_person") | self.lex.word_class("duration_unit") | \
            self.lex.word_class("period_noun")

    def _compared(self, r: SentenceReading, f: Found) -> bool:
        """"hatten wie die USA … gefordert": a name compared with, or after a preposition."""
        j = before_determiners(r.tokens, f.first - 1, self.lex.word_class("determiner"))
        return r.tokens[j].key in ("wie", "like", "as") or self._after_preposition(r, f)

    def _dative(self, r: SentenceReading, f: Found) -> bool:
        """"Dem Iran stellte Trump eine Frist": a German name in the dative is no subject."""
        datives = self.lex.word_class("dative_article")
        article = f.first if r.tokens[f.first].key in datives else f.first - 1
        # (not after a preposition: "nach einem Gespräch mit dem Iran")
        return article >= 0 and r.tokens[article].key in datives and (
            article == 0 or r.tokens[article - 1].key not in self.lex.word_class("preposition"))

    def _subject_after_opening(self, r: SentenceReading, first: int) -> Found | None:
        """A German sentence that opens with a phrase ("Bei einem Treffen mit König Abdullah
        in Berlin sagte Merkel … zu", "Laut einer Erklärung der Bundesregierung forderte
        Merz …") has its subject right after the finite verb; a name inside the opening
        phrase is its setting or its source."""
        if self.lex.lang != "de":
            return None
        # (after a headline's colon: "Mehr Hilfe: Bei einem Treffen mit … sagte Merkel … zu")
        start = next((i + 1 for i in range(first - 1, -1, -1) if r.tokens[i].text == ":"), 0)
        opening = r.tokens[start].key if start < first else ""
        breaks = self.lex.word_class("clause_break")
        openers = self.lex.word_class("opening_prep") | self.lex.word_class("verb_second_opening")
        if opening not in openers or opening in breaks \
                or any(t.text in (",", ";") or t.key in breaks
                       for t in r.tokens[start + 1:first]):
            return None  # ("Während Deutschland … liefert, …": a conjunction, no phrase)
        subject = next((f for f in r.found if f.actor and first < f.first <= first + 4
                        and not self._dative(r, f)), None)
        # only names or title words between: "sagte sie Jordanien … zu" has a pronoun subject
        # ("hatte die Militärjunta in Mali …": a government and where it sits)
        government = self.lex.word_class("government")
        if subject is None or any(not t.is_word or t.text.islower() and t.key not in self.lex.word_class(
                "determiner") and not (t.key in ORIGIN_PREPOSITIONS and r.tokens[k - 1].key in government)
                for k, t in enumerate(r.tokens[first + 1:subject.first], first + 1)):
            return None
        return subject

    def _at_the_border(self, r: SentenceReading, f: Found) -> bool:
        """"to the border with Ukraine", "an die Grenze zur Ukraine": the state whose border
        it is, not a receiver."""
        borders = self.lex.word_class("border_noun")
        return f.first > 1 and r.tokens[f.first - 1].key in self.lex.word_class("border_link") and any(
            t.key in borders for t in r.tokens[max(0, f.first - 4):f.first - 1])

    def _reported_subject(self, r: SentenceReading, speaker: Found, subjects: list[Found],
                          first: int) -> Found | None:
        """The subject after an English verb of saying with no "that" ("Zelenskiy said Japan
        would provide …"): it, not the speaker, does what the verb tells."""
        if self.lex.lang != "en":
            return None
        speech = self.lex.word_class("speech_verb")
        said = [i for i in range(speaker.last + 1, first) if r.tokens[i].key in speech]
        return next((f for f in subjects if said and said[-1] < f.first < first), None)

    def _arrived_supply(self, r: SentenceReading, event: Event, first: int) -> bool:
        """"Die ersten Kampfjets aus China sind in Pakistan eingetroffen", "the first tanks
        from Germany arrived in Ukraine": goods that arrive from one state in another were
        supplied by it ("doses donated by the United States arrived in Jakarta" too); without
        "aus"/"from" or "by" no one is said to have sent them."""
        def after(words: Iterable[str]) -> list[Found]:
            return [f for f in r.found if f.first > 0 and (f.actor or f.mention.how == "place" or city(f))
                    and r.tokens[before_determiners(r.tokens, f.first - 1, determiners)].key in words]

        def city(f: Found) -> bool:  # "landed in Karachi": a city of the gazetteer is in its state
            return self.gaz.entities[f.mention.entity].kind == "city"
        determiners = self.lex.word_class("determiner")
        struck = r.tokens[first].key in self.lex.word_class("landing_verb") and any(
            t.key in self.lex.word_class("projectile") for t in r.tokens[:first])
        if struck or any(t.key in self.lex.word_class("not_goods") for t in r.tokens[:first]) or any(
                t.key in self.lex.word_class("not_for_anyone") for t in r.tokens):
            return False  # "Missiles … landed in Kharkiv", "Refugees from Kharkiv arrived", exercises
        agents = [f for f in after(self.lex.word_class("passive_agent")) if f.last < first and not city(f)
                  and self._supplied_by(r, f)]
        sources = after(("aus", "from")) or agents or self._helpers_of_a_state(r, first)
        start = sources[0].last if sources else 0
        targets = [f for f in after(("in", "im", "nach", "to")) if f.first > start]
        if not sources or not targets or self.gaz.state_of_place(sources[0].mention.entity) == \
                self.gaz.state_of_place(targets[0].mention.entity) or \
                any(f.actor and f.last < first and f not in sources + targets
                    and self.gaz.entities[f.mention.entity].kind == "leader" for f in r.found):
            return False  # "Macron arrived in Kyiv from Paris" is a visit
        # ("Spanish and British rescue teams", "aus Dänemark und den Niederlanden")
        listed = self.coordinated(sources[:1] + [f for f in r.found if f.first > sources[0].last
                                                 and f not in targets], r)
        event.participants = unique(self.gaz.state_of_place(f.mention.entity) for f in listed)
        event.addressees = [self.gaz.state_of_place(targets[0].mention.entity)]
        return True

    def _supplied_by(self, r: SentenceReading, f: Found) -> bool:
        """The agent of a supply's participle: "doses donated by the United States" (not
        "Americans freed by Iran"). German puts the participle before the goods ("die von den
        USA gelieferten Patriots"), where it is a supply trigger of its own."""
        j = before_determiners(r.tokens, f.first - 1, self.lex.word_class("determiner"))
        return j > 0 and r.tokens[j - 1].key in self.lex.word_class("supplied_participle")

    def _helpers_of_a_state(self, r: SentenceReading, first: int) -> list[Found]:
        """"Cuban medics arrived in Mexico City", "Spanish rescue teams arrived in Morocco":
        relief named by its state's adjective; also police or peacekeepers sent to a state,
        not into a region of it, where they may be an occupation's ("the first
        Australian Federal Police officers have arrived in Honiara") and a delivery of weapons
        ("Die erste Lieferung des russischen Systems S-400 ist in der Türkei angekommen").
        Troops arriving may be an invasion, so they do not count."""
        span = r.tokens[:first]
        forms = sentence_forms(span)
        regions = any(self.gaz.entities[f.mention.entity].kind == "region"
                      for f in r.found if f.first > first)
        relief = any(p.find(span, forms) for p in self.lex.support_kinds["humanitarian"]
                     + self.lex.support_kinds["training"]) or any(
            t.key in self.lex.word_class("peacekeepers") for t in span) and not regions
        delivered = any(t.key in self.lex.word_class("delivery_noun") for t in span) and any(
            p.find(span, forms) for p in self.lex.support_kinds["weapons"])
        # troops only with a word that they come to help ("um die Armee … zu schulen", "to join
        # the multinational force") or of an allied force ("der Nato-Kampfgruppe"), as troops sent
        helping = any(p.find(span, forms) for p in self.lex.support_kinds["troops"]) and (
            any(t.key in self.lex.word_class("support_purpose") for t in r.tokens[first:])
            or any(t.key in self.lex.word_class("allied_force") for t in r.tokens))
        if not (relief or delivered or helping):
            return []
        return [f for f in r.found if f.mention.how in ("demonym", "demonym-actor") and f.last < first]

    def _goods_of_a_state(self, r: SentenceReading, event: Event, actors: list[Found],
                          by_prep: list[tuple[Found, str]], first: int) -> bool:
        """"Russische Atomwaffen nach Belarus verlegt": with no side but the receiver named,
        the state whose adjective the goods carry sent them."""
        receivers = {key for _, key in by_prep}
        # ("Lukaschenko: …": who a headline quotes is no side)
        sides = [f for f in actors if not (f.first == 0 and r.tokens[f.last + 1].text == ":")]
        if not receivers or any(f.mention.entity not in receivers and not any(f is g for g, _ in by_prep)
                                for f in sides):
            return False
        # (goods, not people: "Wounded Ukrainian soldiers flown to Germany" are no supply)
        origin = next((f for f in r.found if f.mention.how == "demonym" and f.last < first
                       and self.gaz.state_of(f.mention.entity, r.day) not in receivers
                       and not self.names_a_force(r, f)
                       and r.tokens[f.last + 1].key not in self.lex.word_class("person_noun")), None)
        if origin is None:
            return False
        event.participants = [origin.mention.entity]
        event.addressees = [by_prep[0][1]]
        return True

    def names_a_force(self, r: SentenceReading, f: Found) -> bool:
        """"trained Ukrainian recruits", "Burkina Faso's army", "die ukrainische Marine":
        armed forces named by their state's adjective or owner receive what arms or trains them."""
        after = [t for t in r.tokens[f.last + 1:f.last + 4] if t.key not in ("'", "’", "s")]
        if after and after[0].key in self.lex.word_class("force_modifier"):
            after = after[1:]  # "the Afghan air force"
        return f.mention.how in ("demonym", "name", "metonym") and bool(after) and \
            after[0].key in self.lex.word_class("force_noun")

    def _not_receiving(self, r: SentenceReading, actors: list[Found],
                       by_prep: list[tuple[Found, str]], last: int) -> list[Found]:
        """"supplies of grain to Burkina Faso, Zimbabwe and Mali": no name of the receiver
        list after the verb supplies."""
        after = next((f for f, _ in by_prep if f.first > last), None)
        listed = self._listed_after(r, after) if after else []
        return [f for f in actors if f not in listed] if len(listed) > 1 else actors

    def _received_supply(self, r: SentenceReading, event: Event, actors: list[Found],
                         first: int, last: int, giver_after: bool = False) -> bool:
        """The subject receives ("Russland bezieht aus dem Iran Drohnen", "received … from
        Berlin": a capital after "from" stands for its state): the side named last before the
        verb, not who reports it ("Kyiv said Russia struck Kharkiv with the help of North
        Korean soldiers"; "Macron said Malian troops retook Kidal with the help of …")."""
        relatives = self.lex.word_class("relative")
        # ("getting supplies to Tuvalu, which suffered surges from …": "from" is the relative's)
        if any(r.tokens[i].text == "," and r.tokens[i + 1].key in relatives for i in range(first, last)):
            return False
        before = [f for f in r.found if f.last < first and (f.actor or self.names_a_force(r, f))]
        receiver = (before[-1] if before else actors[0]).mention.entity
        quote = None if before else self.first_person_quote(r, first, last)
        if quote is not None and self._receiver_named_in_quote(r, last, quote[1]):
            return False
        if quote is not None and quote[2] is not None:
            receiver = quote[2].mention.entity  # "'We thank Qatar for the grant,' said Barnieh"
        own = self.gaz.states_of([receiver], r.day)  # ("…, Zelenskiy said": its own side supplies nothing)
        # (nor where the goods go: "grünes Licht für eine Entsendung von Truppen nach Libyen bekommen")
        determiners, going = self.lex.word_class("determiner"), self.lex.word_class("destination_prep")
        suppliers = [f for f in r.found if f.first > first and f.mention.entity != receiver and (
            f.actor or f.mention.how == "place" and self.gaz.entities[f.mention.entity].metonym_of)
            and not self.gaz.states_of([f.mention.entity], r.day) & own
            and r.tokens[before_determiners(r.tokens, f.first - 1, determiners)].key not in going]
        if giver_after:  # "donated by China (and …)": right after "by" (not "by rail through Poland"),
            # to a receiver named before the verb
            adjacent = [f for f in suppliers
                        if before_determiners(r.tokens, f.first - 1, determiners) == last]
            suppliers = [f for f in suppliers if adjacent and before and f.first >= adjacent[0].first]
        # "took receipt of German-supplied Patriots": the state the compound names, when no
        # "from X" names the supplier
        suppliers = suppliers or [f for f in r.found if f.first > first and f.last + 1 == last - 1
                                  and f.mention.how in ("compound", "demonym")]
        # "with the help of the Russian air force": a force named by its state's adjective
        suppliers = suppliers or [f for f in r.found if f.first > last and self.names_a_force(r, f)
                                  and not self.gaz.states_of([f.mention.entity], r.day) & own]
        if not suppliers:
            return False
        # "from Denmark and the Netherlands": each supplier of the list
        event.participants = unique(self.gaz.stands_for(f.mention.entity)
                                    for f in self.coordinated(suppliers, r))
        event.addressees = [receiver]
        return True

    def _receiver_named_in_quote(self, r: SentenceReading, last: int, closing: int) -> bool:
        """"'We thank Germany for the jets it sent to Ukraine,' Duda said": a name after "to"
        inside the quote received, not the speaker who thanks."""
        going = self.lex.word_class("receiver_prep") - {"for", "für"}
        return any(last < f.first < closing and self._receiver_prep(r, f, going) for f in r.found)

    def _quoted_supply(self, r: SentenceReading, event: Event, by_prep: list[tuple[Found, str]],
                       first: int, last: int) -> bool:
        """"'We will ensure free grain supplies to Mali, Somalia and Eritrea,' Putin said":
        "we" is the speaker named after the quote; every name of the list after "to" (or
        else a name inside the quote) receives."""
        quote = self.first_person_quote(r, first, last)
        speaker = quote[2] if quote else None
        if quote is None or speaker is None or not self._we_supply(r, quote[0], first):
            return False
        side = self.gaz.state_of(speaker.mention.entity, r.day)
        inside = [f for f in r.found if quote[0] < f.first < quote[1] and (f.actor or any(
            f is g for g, _ in by_prep))]
        listed = self.coordinated([f for f, _ in by_prep if quote[0] < f.first < quote[1]][:1] +
                                  [f for f in inside if by_prep and f.first > by_prep[0][0].last], r)
        receivers = [f for f in listed or inside if self.gaz.state_of(f.mention.entity, r.day) != side]
        if not receivers:
            return False
        event.participants = [speaker.mention.entity]
        event.addressees = unique(self.gaz.stands_for(f.mention.entity)
                                  for f in receivers)
        return True

    def _receiver_list(self, r: SentenceReading, by_prep: list[tuple[Found, str]], receiver: str,
                       sides: set[str]) -> list[str]:
        """"tanks to Ukraine and Moldova": every name of the list the receiver begins."""
        head = next((f for f, key in by_prep if key == receiver), None)
        keys = [self.gaz.stands_for(f.mention.entity)
                for f in self._listed_after(r, head)] if head else []
        return unique(k for k in keys if self.gaz.state_of(k, r.day) not in sides)

    def _listed_after(self, r: SentenceReading, head: Found) -> list[Found]:
        """The names of the list `head` begins ("to Burkina Faso, Mali and Eritrea")."""
        listed = self.coordinated([head] + [f for f in r.found if f.actor and f.first > head.last], r)
        # "to Ukraine and France sent guns": a name followed by its verb starts a clause
        ends = next((i for i, f in enumerate(listed) if i and self._verb_follows(r, f)), len(listed))
        listed = listed[:ends]
        # a list ends with "and"/"und": "to Russia, U.S. Secretary Blinken said" lists no one
        conjunctions = self.lex.word_class("conjunction")
        joined = [i for i in range(1, len(listed)) if any(
            t.key in conjunctions for t in r.tokens[listed[i - 1].last + 1:listed[i].first])]
        return listed[:joined[-1] + 1] if joined else listed[:1]

    def _verb_follows(self, r: SentenceReading, f: Found) -> bool:
        """An English lower-case word right after a name that is no preposition, article or
        joiner: most likely the name's verb ("France sent"). (German adjectives and verb-final
        participles follow a list of receivers: "der Ukraine und Moldau weitere Panzer".)"""
        if self.lex.lang != "en" or f.last + 1 >= len(r.tokens):
            return False
        nxt = r.tokens[f.last + 1]
        other = self.lex.word_class("block_prep") | self.lex.word_class("determiner") | \
            self.lex.word_class("conjunction") | self.lex.word_class("not_a_verb")
        return nxt.is_word and nxt.text.islower() and nxt.key not in other

    def _we_supply(self, r: SentenceReading, opening: int, first: int) -> bool:
        """"We" is the supply verb's own subject: no name and no "that"/"dass" between them
        ("'We know that Iran supplies drones …'" tells Iran's supply)."""
        we = max((i for i in range(opening + 1, first)
                  if r.tokens[i].key in self.lex.word_class("first_person")), default=None)
        return we is not None and not any(we < f.first < first for f in r.found if f.actor) and \
            not any(t.key in self.lex.word_class("complementizer") for t in r.tokens[we + 1:first])

    def _object_pronoun(self, r: SentenceReading, f: Found) -> bool:
        return f.mention.how == "pronoun" and \
            r.tokens[f.first].key in self.lex.word_class("pronoun_leader_object")

    def _infinitive_subject(self, r: SentenceReading, own: Clause, first: int, last: int,
                            actors: list[Found]) -> Found | None:
        """The subject of the clause governing a German zu-infinitive ("räumte ein, …
        geliefert zu haben"), when that clause names one."""
        near = {r.tokens[i].key for i in range(first - 1, last + 2) if 0 <= i < len(r.tokens)}
        if self.lex.lang != "de" or "zu" not in near or own.first == 0:
            return None
        before = [f for f in actors if f.last < own.first and not self._object_pronoun(r, f)
                  and clause_of(r.clauses, f.first).last >= own.first - 2]
        return before[0] if before else None

    def _passive_supply(self, r: SentenceReading, event: Event, actors: list[Found], first: int,
                        last: int) -> bool | None:
        """"Ukraine was given 50 tanks by Poland", "Kiew wurden von Berlin Panzer geliefert":
        in a passive the agent supplies and the subject receives. None: no passive; False: a
        passive that names a receiver and no supplier ("the US, which has been granted
        rights") — its subject is no supplier."""
        auxiliaries = self.lex.word_class("passive_aux") | self.lex.word_class("passive_aux_present")
        own = clause_of(r.clauses, first)  # German puts the auxiliary first, the verb last
        start = own.first if self.lex.lang == "de" else max(0, first - 3)
        near = r.tokens[start:first] + r.tokens[last + 1:last + 3]
        if not self._reduced_passive(r, first, last) and not any(t.key in auxiliaries for t in near):
            return None
        agents = self.lex.word_class("passive_agent")
        # German puts the agent anywhere in the clause before its verb
        start = own.first if self.lex.lang == "de" else first - 8
        agent = next((f for f in r.found if start <= f.first <= last + 8 and f.first > 0
                      and r.tokens[f.first - 1].key in agents
                      and self.gaz.entities[f.mention.entity].kind != "region"), None)
        # ("the United States, which has been granted …": the relative's antecedent)
        receiver = next((f for f in self._antecedent(r, first) + actors
                         if f.last < first and f is not agent), None)
        if receiver is None:
            return None
        if agent is None:
            return False if self._subject_receives(r, receiver, first) else None
        event.participants = unique(self.gaz.stands_for(f.mention.entity)
                                    for f in [agent] + self._listed_after(r, agent))
        event.addressees = [receiver.mention.entity]
        return True

    def _subject_receives(self, r: SentenceReading, receiver: Found, first: int) -> bool:
        """"the United States, which has been granted rights", "Ukraine was given tanks",
        "der Ukraine wurden Panzer geliefert": the name right before the passive's auxiliary
        is who was given something."""
        auxiliaries = self.lex.word_class("passive_aux") | self.lex.word_class("passive_aux_present")
        between = r.tokens[receiver.last + 1:first]
        if self.lex.lang == "de":  # ("Deutschland ist größter Waffenlieferant": no passive)
            return bool(between) and between[0].key in self.lex.word_class("passive_aux_past")
        if r.tokens[first].key.endswith("ing"):
            return False  # "Japan is providing boats": a progressive, no passive
        glue = self.lex.word_class("passive_glue") | {","}
        return any(t.key in auxiliaries for t in between) and all(
            t.key in glue | auxiliaries for t in between)

    def _attributive_supply(self, r: SentenceReading, event: Event, first: int, last: int) -> bool:
        """"die von Deutschland an die Ukraine gelieferten Panzer", "Ukraine's German-supplied
        batteries": a participle before its noun names the supplier as its agent or in its
        compound; a preposition names the receiver, or else the other side of the sentence,
        which uses what it was given ("Israel used US-supplied bombs")."""
        suppliers = self._participle_agents(r, first, last)
        # "received American-supplied Patriots from Germany": who handed them over is named
        if not suppliers or any(f.first > last and r.tokens[f.first - 1].key in ("from", "aus")
                                for f in r.found if f.actor or f.mention.how == "place"):
            return False
        sides = {self.gaz.state_of(key, r.day) for key in suppliers}
        # "drones launched by Russia": who used them; else the side before the noun that owns
        # or uses them ("Israel used …", "Die philippinische Küstenwache nahm … in Empfang"),
        # never a side after it, which is hit by them ("Die gelieferten Raketen trafen Kiew")
        agents = self.lex.word_class("passive_agent")
        determiners = self.lex.word_class("determiner")
        # (or where they arrived: "… in der Ukraine angekommen")
        used_by = [f.mention.entity for f in r.found if f.actor and f.first > last and (
            r.tokens[f.first - 1].key in agents or
            r.tokens[before_determiners(r.tokens, f.first - 1, determiners)].key in ("in", "nach", "into"))]
        named = [key for _, key in self.receivers_by_prep(r)] + used_by + [
            f.mention.entity for f in r.found if f.last < first and (
                f.actor or f.mention.how in ("demonym-actor", "demonym"))]
        receiver = next((key for key in named if self.gaz.state_of(key, r.day) not in sides), None)
        if receiver is None:
            return False
        event.participants = suppliers
        event.addressees = [receiver]
        return True

    def _participle_agents(self, r: SentenceReading, first: int, last: int) -> list[str]:
        """The suppliers a participle before its noun names: "US-supplied" (joined to the
        name by a hyphen), or "von Japan finanzierte", "von den Niederlanden und Dänemark zugesagten"
        (the agents right before it, or before the receiver phrase "an die Ukraine"); an
        inflected German participle, as "Japan finanzierte" (finite) has no "von"."""
        token = r.tokens[first]
        if self.lex.lang == "en":  # "German-supplied": name, hyphen, the trigger
            inside = next((f for f in r.found if f.last == first - 2 and r.tokens[first - 1].text == "-"
                           and f.mention.how in ("compound", "demonym")), None) if first > 1 else None
            return [inside.mention.entity] if inside else []
        if first != last or not token.key.endswith(("e", "en", "er", "es", "em")):
            return []
        agents = self.lex.word_class("passive_agent")
        determiners = self.lex.word_class("determiner")
        plain = self.lex.word_class("receiver_prep") | determiners | self.lex.word_class("conjunction")
        before = [f for f in r.found if f.actor and 0 < f.first and f.last < first]
        for f in reversed(before):
            between = r.tokens[f.last + 1:first]
            if len(between) > 7 or not all(t.key in plain or any(
                    g.first <= i <= g.last for g in r.found)
                    for i, t in enumerate(between, f.last + 1)):
                return []
            if r.tokens[before_determiners(r.tokens, f.first - 1, determiners)].key in agents:
                listed = self.coordinated([f] + [g for g in before if g.first > f.last], r)
                return unique(self.gaz.stands_for(g.mention.entity)
                              for g in listed)
        return []

    def _stationed_in(self, r: SentenceReading, last: int) -> list[tuple[Found, str]]:
        """The states named after "in" (German: anywhere, the verb comes last)."""
        return [(f, f.mention.entity) for f in r.found
                if f.actor and f.first > 0 and r.tokens[f.first - 1].key == "in"
                and (f.first > last or self.lex.lang == "de")]

    def _stations(self, r: SentenceReading, first: int) -> bool:
        """"Russia will station missiles in Belarus" brings them; "5,000 US troops are
        stationed in Iraq", "troops stationed in the region" tell where they are."""
        clause = clause_of(r.clauses, first)
        if first == 0 or any(t.key in self.lex.word_class("state_aux") for t in r.tokens[clause.first:first]):
            return False
        # the verb after its subject or an auxiliary ("Russia will station", "Russland hat … in
        # Belarus stationiert"), not a participle after a noun ("die in der Region stationierten")
        return any(f.last == first - 1 for f in r.found) or r.tokens[first - 1].key in (
            self.lex.word_class("verb_context") | self.lex.word_class("perfect_aux"))

    def receivers_by_prep(self, r: SentenceReading) -> list[tuple[Found, str]]:
        """Actors after a receiver preposition ("an Kiew", "to Russia"), and those whose debts
        are forgiven (`_owes`), with the entity they stand for. A capital there read as a
        destination ("supplied HIMARS to Kyiv") is the state receiving, as a supply goes to a
        state, not to a city."""
        receivers = self.lex.word_class("receiver_prep")
        found = []
        for f in r.found:
            if f.first == 0 or not self._receiver_prep(r, f, receivers):
                continue
            entity = self.gaz.entities[f.mention.entity]
            if f.actor:
                found.append((f, f.mention.entity))
            elif f.mention.how == "place" and (entity.metonym_of or entity.kind == "city" and entity.part_of):
                # (any city: "firefighters to Los Angeles", "aid convoys to Derna")
                found.append((f, self.gaz.state_of_place(f.mention.entity)))
        return found + [(f, f.mention.entity) for f in r.found if self._owes(r, f)
                        and not any(f is g for g, _ in found)]

    def _owes(self, r: SentenceReading, f: Found) -> bool:
        """"writing off Cuba's debts", "cover part of Syria's wage bill": in a sentence that
        forgives or covers what is owed, whose debts or bills they are receives (not "repay
        China's loans": a lender; not "Russia's drones": the owner of goods supplies). What
        is owed follows the owner within a few words ("Syria's public-sector wage bill")."""
        tokens = r.tokens
        if not f.actor or f.last + 2 >= len(tokens) or tokens[f.last + 1].text not in ("'", "’") \
                or tokens[f.last + 2].key != "s":
            return False
        owed = any(t.key in self.lex.word_class("owed_noun") for t in tokens[f.last + 3:f.last + 7])
        return owed and any(t.key in self.lex.word_class("debt_relief_verb") for t in tokens)

    def _english_noun(self, r: SentenceReading, first: int) -> bool:
        """"relief supplies", "the shipping": an English trigger after an article or a noun
        is a noun, which must name its receiver after it like the other supply nouns."""
        if self.lex.lang != "en" or first == 0:
            return False
        prev = r.tokens[first - 1]
        adverb = prev.key.endswith("ly")  # "will jointly supply Ukraine"
        return prev.key in self.lex.word_class("determiner") or (
            prev.is_word and prev.text.islower() and not adverb
            and prev.key not in self.lex.word_class("verb_context")
            and not self._past_tense_before_object(r, first))

    def _past_tense_before_object(self, r: SentenceReading, first: int) -> bool:
        """"the Indian government extended the immediate relief": a past tense with its
        object right after it (an article, a number, a currency) is a verb, not a participle
        ("vaccine doses donated by the US", "the tanks delivered last year")."""
        after = r.tokens[first + 1] if first + 1 < len(r.tokens) else None
        return r.tokens[first].key.endswith("ed") and after is not None and (
            after.key in self.lex.word_class("determiner") or after.text[:1].isdigit()
            or after.text in ("$", "€", "£"))

    def _receiver_prep(self, r: SentenceReading, f: Found, receivers: frozenset[str]) -> bool:
        """"an Kiew", "to Russia", "nach Russland" — "nach" only right before a bare name,
        since "nach den Vereinigten Staaten" is "after", not "to"."""
        determiners = self.lex.word_class("determiner")
        start = f.first
        tokens = r.tokens
        while start > 3 and tokens[start - 2].text == "-" and tokens[start - 1].text.islower() \
                and tokens[start - 3].text.islower():
            start -= 3  # "to crisis-hit Lebanon"
        prev = r.tokens[start - 1]
        if prev.key == "nach":
            return r.tokens[f.first].capitalized and r.tokens[f.first].key not in determiners
        j = before_determiners(r.tokens, start - 1, determiners)
        forces = self.lex.word_class("force_noun")
        if j > 1 and r.tokens[j].key == "of" and r.tokens[j - 1].key in forces:
            j = before_determiners(r.tokens, j - 2, determiners)  # "to the navy of Myanmar"
        elif j > 0 and r.tokens[j].key in forces:
            j = before_determiners(r.tokens, j - 1, determiners)  # "an die Marine Myanmars"
        if r.tokens[j].key == "in" and r.tokens[j + 1].key == "die":
            return True  # "schicken Raketen in die Ukraine": a direction, not "in der Ukraine"
        if r.tokens[j].key == "in" and any(t.key in self.lex.word_class("people_noun")
                                            for t in r.tokens[max(0, j - 3):j]):
            return True  # "für die notleidende Bevölkerung in Syrien", "for civilians in Gaza"
        if j > 0 and r.tokens[j - 1].key in self.lex.word_class("source") | self.lex.word_class("phrase_to"):
            # "according to U.S. officials": who says so, not who receives; "in addition to
            # these Turkey pledged": a phrase ends at "to", its subject follows
            return False
        return r.tokens[j].key in receivers - {"nach"}

    def claim(self, r: SentenceReading, event: Event, actors: list[Found],
              trigger: Trigger, first: int, last: int) -> int:
        """Fill claimant and territories; when the territories are only referred to ("the
        former colony", "das Gebiet", "alle vier Regionen"), how many regions named before
        they stand for (else 0)."""
        if "territory_subject" in trigger.flags:
            if "claimed_by" in trigger.flags:
                return int(self._passive_claim(r, event, first, last, "apposition" in trigger.flags))
            return int(self._belongs_to(r, event, first, last, "adjective_predicate" in trigger.flags))
        if not self._part_of_a_state(r, first, last):
            return 0  # "sees Ukraine as part of the European family": no state's territory
        if "object_next" in trigger.flags:
            return self._region_taken(r, event, actors, first, last)
        regions = [f for f in r.found if self.gaz.entities[f.mention.entity].kind == "region"
                   and f.mention.how != "place"]
        # "beansprucht im Südchinesischen Meer die Spratly-Inseln": where, not what
        determiners = self.lex.word_class("determiner")
        locative = self.lex.word_class("locative")
        regions = [f for f in regions if f.first == 0 or r.tokens[
            before_determiners(r.tokens, f.first - 1, determiners)].key not in locative] or regions
        if "refusal" in trigger.flags:  # "will never give up on …", "Sanktionen gegen Russland"
            regions = [f for f in regions if f.first == 0 or r.tokens[
                before_determiners(r.tokens, f.first - 1, determiners)].key not in REFUSAL_NOT_OBJECT]
        if "territory_object" in trigger.flags:
            regions = self._claimed_objects(r, regions, first) or self._claimed_antecedent(r, first)
        # "betrachtet Taiwan als Teil …": the territory inside the pattern, not one claimed
        # in the next clause ("… und beansprucht die Spratly-Inseln")
        inside = [f for f in r.found if first < f.first and f.last < last and f.mention.how != "place"
                  and self.gaz.entities[f.mention.entity].kind in ("region", "state")
                  and not self._near(r, f)]
        if "named_before_as" in trigger.flags:  # "shows Taiwan as …", not "a map of the US State Department"
            as_at = max((i for i in range(first, last) if r.tokens[i].key in ("as", "als")), default=last)
            # (a region before its state: "shows the Essequibo region of Guyana as …")
            inside = [f for f in inside if f.last < as_at and as_at - f.last <= 5]
            regions_named = [f for f in inside if self.gaz.entities[f.mention.entity].kind == "region"]
            inside = regions_named or inside[-1:]
            inside = self.list_before(r, inside[-1], r.found) + inside[-1:] if inside else []
        if inside and "territory_state" in trigger.flags:
            regions = inside
        # "claims the Spanish enclaves of Ceuta and Melilla": whose they are now is not claimed
        named = [f for f in regions if f.mention.how not in ("demonym", "demonym-actor")]
        territories = unique(f.mention.entity for f in named or regions)
        claimants = [f for f in actors if self.gaz.entities[f.mention.entity].kind != "region"]
        # "Taiwan, which Beijing claims as its own territory": what the relative hangs on, before
        # a state named after the verb (Beijing)
        antecedent = [] if territories else unique(
            f.mention.entity for f in self._claimed_antecedent(r, first))
        if not territories and "territory_state" in trigger.flags:
            territories = antecedent or self._territory_after(r, first, claimants)
        territories = territories or antecedent
        owner = self._said_owner(r, first) or self._owner_found(r, first, last)
        if owner is not None:  # "betrachten die Golanhöhen als israelisches Staatsgebiet"
            claimants = [owner]
        if not claimants:
            return 0
        # "India and Pakistan each lay claim to Kashmir": a claim of each (split later);
        # "Beijing, which claims Taiwan as …": the relative's antecedent claims
        own = clause_of(r.clauses, first)
        claimants = self._antecedent(r, first) or \
            [f for f in claimants if clause_of(r.clauses, f.first) is own] or claimants
        # ("she believes Trump is serious about wanting to take over Greenland": the
        # nearest subject before the verb of a complement clause, with the list it ends)
        preceding = [f for f in claimants if f.last < first]
        if own.complement and len(preceding) > 1:
            claimants = self.list_before(r, preceding[-1], claimants) + [preceding[-1]]
        claimants = self.coordinated(claimants, r) if claimants[0].first < first else claimants[:1]
        # "Moscow-annexed": a capital stands for its state
        event.participants = unique(self.gaz.entities[f.mention.entity].metonym_of
                                    or f.mention.entity for f in claimants)
        # "reasserted Tokyo's claim to the southern Kurils": not a claim on Japan itself
        own_states = {self.gaz.state_of(p, r.day) for p in event.participants}
        # ("does not recognise Abkhazia's independence" claims it only for Georgia)
        seceded = "seceded" in trigger.flags
        event.territories = [t for t in territories
                             if t not in event.participants and t not in own_states
                             and (not seceded or self.gaz.entities[t].part_of in own_states)]
        if event.territories:
            return 0
        nouns = [i for i in range(first + 1, len(r.tokens)) if self._territory_noun(r.tokens[i])]
        if not nouns:
            return 0
        size = self._group_size_before(r, nouns[0])
        # "at the event for the Falklands War, the president claimed the islands": the
        # region this sentence named before (the story's earlier ones are the discourse's)
        earlier = unique(f.mention.entity for f in r.found if f.last < first and f.mention.how != "demonym"
                         and self.gaz.entities[f.mention.entity].kind == "region"
                         and self.gaz.entities[f.mention.entity].part_of not in own_states)
        if size == 1 and earlier:
            event.territories = earlier[-1:]
            return 0
        return size

    def _group_size_before(self, r: SentenceReading, noun: int) -> int:
        """How many a territory noun counts ("alle vier Regionen", "vier ganz oder teilweise
        von Moskau kontrollierten Regionen"): a number before it, with only modifiers (and a
        name after "von"/"by") between; 1 when none is told."""
        determiners = self.lex.word_class("determiner")
        for j in range(noun - 1, max(-1, noun - 9), -1):
            token = r.tokens[j]
            if token.key in GROUP_SIZES:
                return GROUP_SIZES[token.key]
            named = any(f.first <= j <= f.last for f in r.found)
            if not token.is_word or token.key in determiners or (token.capitalized and not named):
                break
        return 1

    def _part_of_a_state(self, r: SentenceReading, first: int, last: int) -> bool:
        """A match that ends on "part"/"Teil" declares a territory part of a state only when
        a state or a territory noun follows ("part of Moldova", "Teil ihres Territoriums",
        "Teil Chinas", "part of the motherland")."""
        if r.tokens[last].key == "land":
            return self._someones_land(r, first, last)
        if r.tokens[last].key not in ("part", "teil", "bestandteil"):
            return True
        nouns = self.lex.word_class("territory_noun")
        if any(t.key in nouns for t in r.tokens[last + 1:last + 5]):
            return True  # "Teil ihres Territoriums", "part of the motherland" (not "of our family")
        j = last + 1
        while j < len(r.tokens) and (r.tokens[j].key in self.lex.word_class("determiner")
                                     or r.tokens[j].key in ("of", "von")):
            j += 1
        return any(f.first == j and (self.gaz.entities[f.mention.entity].kind == "state"
                                     or self.gaz.entities[f.mention.entity].metonym_of)
                   for f in r.found)

    def _someones_land(self, r: SentenceReading, first: int, last: int) -> bool:
        """"Land" is a country, not territory, unless it is someone's: "als sein
        Land", "als chinesisches Land", "als Land Chinas" claim; "bezeichnete Russland als
        freundliches Land" only praises."""
        owners = self.lex.word_class("possessive_own") | self.lex.word_class("group_possessive")
        start = max((i for i in range(first, last) if r.tokens[i].key in ("als", "as")), default=first)
        if any(t.key in owners for t in r.tokens[start:last]):
            return True
        # (an owner after the noun in the genitive: "Land Chinas", "Land der Ukraine", "land of
        # China"; not "ein verlässliches Land für Deutschland")
        genitive = last + 2 < len(r.tokens) and r.tokens[last + 1].key in ("des", "der", "of")
        return any(f.mention.how in ("demonym", "demonym-actor") and start < f.first < last
                   or f.first == last + 1 and r.tokens[f.last].text.endswith("s")
                   or f.first == last + 2 and genitive for f in r.found)

    def _territory_noun(self, token: Token) -> bool:
        """"die Insel", "the enclave", and German compounds of them ("das Wüstengebiet",
        "die Inselkette"): a territory named before."""
        nouns = self.lex.word_class("territory_anaphor")
        return token.key in nouns or self.lex.lang == "de" and token.capitalized and any(
            token.key.endswith(n) and len(token.key) > len(n) + 2 for n in nouns if len(n) >= 5)

    def _owner_of_no_land(self, r: SentenceReading, f: Found) -> bool:
        """"is part of the Pentagon's operation": a name owning a thing that is not land
        ("part of China's territory") owns nothing by "part of"."""
        k = f.last + 1
        if k + 1 >= len(r.tokens) or r.tokens[k].text not in ("'", "’") or r.tokens[k + 1].key != "s":
            return False
        land = self.lex.word_class("territory_noun")
        return not any(t.key in land for t in r.tokens[k + 2:k + 5])

    def _belongs_to(self, r: SentenceReading, event: Event, first: int, last: int,
                    adjective_only: bool = False) -> bool:
        """"Crimea is part of Russia", "Grönland gehöre zum dänischen Königreich", "Taiwan
        ist ein Teil Chinas", "the Donbas is Russian land": the territory is named before
        the verb, its owner (the claimant) at the end of the phrase."""
        own = clause_of(r.clauses, first)
        locative = self.lex.word_class("locative")
        if r.tokens[last].key in self.lex.word_class("group_states") or any(
                t.key in locative for t in r.tokens[max(first, last - 3):last]):
            return False  # "seien als wichtige Länder in ihrer jeweiligen Region Partner"
        if any(t.key in ("until", "bis") for t in r.tokens[last + 1:own.last + 1]):
            return False  # "Alaska had been Russian territory until 1867": a rule that ended
        territory, before = self._subject_territories(r, own, first, last)
        # the owner after the phrase ("part of Russia", "Teil Chinas") or as its adjective
        # ("die Westsahara sei marokkanisch": the adjective the pattern ends on, as the
        # predicate, not "is surrounded by Russian ships")
        # (adverbs may stand between: "sei für immer aserbaidschanisch")
        phrase = self.lex.word_class("locative") | self.lex.word_class("passive_agent") | \
            self.lex.word_class("determiner") | {"of", "with", "mit"}
        adjective = [f for f in r.found if f.first <= last <= f.last and f.mention.how == "demonym"
                     and self.gaz.entities[f.mention.entity].kind == "state"]
        if adjective:
            after = adjective if not any(t.key in phrase for t in r.tokens[first + 1:last]) else []
        elif adjective_only:
            return False  # "Die Krim ist für Russland strategisch": no state's adjective
        else:
            # (not an owner of something else: "is part of the Pentagon's operation", only
            # of land: "is part of China's territory")
            after = [f for f in r.found if (last < f.first <= min(own.last, last + 3) or f.last == last - 1)
                     and self.gaz.entities[f.mention.entity].kind in ("state", "leader")
                     and f.mention.how != "people" and not self._owner_of_no_land(r, f)]
        if before and not after and any(t.key in self.lex.word_class("possessive_own")
                                        for t in r.tokens[first + 1:last + 3]):
            # "China insists Taiwan is part of its territory": the one who says so owns it
            after = [f for f in r.found if f.actor and f.last < before[-1].first
                     and self.gaz.entities[f.mention.entity].kind in ("state", "leader")][-1:]
        if not before and after and self.lex.lang == "de" and any(
                t.key in self.lex.word_class("territory_anaphor") for t in r.tokens[own.first:first]):
            # "Die Inseln seien Teil des japanischen Staatsgebiets": the islands told before
            event.participants, event.territories = [after[0].mention.entity], []
            return True
        if not before or not after:
            return False
        owner = after[0].mention.entity
        # "Abchasien und Südossetien seien Teile Georgiens": each of the list is claimed
        listed = self.list_before(r, before[-1], territory) + [before[-1]]
        claimed = [f.mention.entity for f in listed
                   if self.gaz.state_of(owner, r.day) != self.gaz.state_of(f.mention.entity, r.day)]
        if not claimed:
            return False
        event.participants, event.territories = [owner], unique(claimed)
        return False

    def _passive_claim(self, r: SentenceReading, event: Event, first: int, last: int,
                       apposition: bool = False) -> bool:
        """"The Spratlys are claimed in whole or in part by Vietnam, China and Brunei", "Kashmir
        is claimed by India and Pakistan": each agent claims the territories named before the
        verb, whoever holds them now (not a place: "the attack on Crimea was claimed by Kyiv";
        not a rule that ended: "was claimed by Spain until 1975"). True when the territory is
        only referred to ("Die Inseln werden von Japan beansprucht"): the story names it."""
        own = clause_of(r.clauses, first)
        if any(t.key in ("until", "bis") for t in r.tokens[own.first:own.last + 1]):
            return False
        territory, before = self._subject_territories(r, own, first, last, apposition)
        agents = self._passive_agents(r, first, own)
        if not agents:
            return False
        if not before:
            anaphor = any(self._territory_noun(t) for t in r.tokens[own.first:first])
            event.participants, event.territories = unique(f.mention.entity for f in agents), []
            return anaphor
        j = before_determiners(r.tokens, before[-1].first - 1, self.lex.word_class("determiner"))
        if before[-1].first > 0 and r.tokens[j].key in self.lex.word_class("preposition"):
            return False
        listed = self.list_before(r, before[-1], territory) + [before[-1]]
        event.participants = unique(f.mention.entity for f in agents)
        event.territories = unique(f.mention.entity for f in listed)
        return False

    def _passive_agents(self, r: SentenceReading, first: int, own: Clause) -> list[Found]:
        """Who a passive claim names after "by"/"von" ("are claimed in whole or in part by
        Vietnam, China and Brunei", "werden von China und Japan beansprucht"), with those
        joined to the first; not a place after it ("claimed by fishermen in Vietnam")."""
        agents = self.lex.word_class("passive_agent")
        agent = next((i for i in range(first, own.last + 1) if r.tokens[i].key in agents), None)
        if agent is None:
            return []
        named = [f for f in r.found if agent < f.first and f.mention.how != "people"  # a list crosses commas
                 and self.gaz.entities[f.mention.entity].kind in ("state", "leader")]
        # ("by both India and Pakistan", "by the Philippines"; not "by fishermen from Vietnam")
        allowed = self.lex.word_class("determiner") | self.lex.word_class("group")
        if not named or any(t.key not in allowed for t in r.tokens[agent + 1:named[0].first]):
            return []
        return self.coordinated(named, r)

    def _attributive(self, r: SentenceReading, f: Found, verb: int) -> bool:
        """"those killed in the US boat strikes were Colombian": a name before a lower-case
        noun modifies it; it is not what the verb says is someone's."""
        if self.lex.lang != "en" or f.last + 2 >= verb:
            return False
        nxt, then = r.tokens[f.last + 1], r.tokens[f.last + 2]
        verbs = {"is", "are", "was", "were", "has", "have", "had", "been", "be", "will", "would", "should"}
        return f.first > 0 and r.tokens[f.first - 1].key == "the" and all(
            t.is_word and t.text.islower()
            and t.key not in verbs | self.lex.word_class("determiner") | self.lex.word_class("conjunction")
            for t in (nxt, then))

    def _subject_territories(self, r: SentenceReading, own: Clause, first: int, last: int,
                             apposition: bool = False) -> tuple[list[Found], list[Found]]:
        """The territories a belonging's clause names, and the one it is about: before the
        verb, or right after it in German inversion ("Peking zufolge ist Tibet ein Teil
        Chinas"); before a relative clause that interrupts it ("the Senkakus, which it calls
        the Diaoyu Islands, belong to China"); or, referred to ("insists the islands are
        British"), the last region named before in the sentence."""
        start = own.first
        previous = [c for c in r.clauses if c.last < own.first]
        if previous and previous[-1].relative:
            start = max((c.first for c in previous[:-1]), default=0)
        elif previous and (apposition or own.first >= 2 and r.tokens[own.first - 1].text == ","
                           and r.tokens[own.first - 2].key in self.lex.word_class("copula")):
            # "the Senkaku Islands, claimed by China and Japan, …", "The Malvinas were, are and
            # will be Argentine"
            start = previous[-1].first
        territory = [f for f in r.found if start <= f.first and f.last < last
                     and self.gaz.entities[f.mention.entity].kind in ("region", "state")
                     and f.mention.how not in ("place", "demonym")  # not "russisches (Land)"
                     and not self._attributive(r, f, first)]
        inverted = self.lex.lang == "de" and r.tokens[first].key not in ("zu", "zum", "zur")
        # (an article between: "Für Belgrad bleibt das Kosovo eine serbische Provinz")
        after_verb = first + 2 if first + 1 < len(r.tokens) and \
            r.tokens[first + 1].key in self.lex.word_class("determiner") else first + 1
        before = [f for f in territory if inverted and first + 1 <= f.first <= after_verb] or \
            [f for f in territory if f.last < first and (
                clause_of(r.clauses, f.first) is own or not clause_of(r.clauses, f.first).relative)]
        # a region rather than a state in a phrase about it ("ganz Kaschmir einschließlich
        # der von Pakistan verwalteten Gebiete gehöre zu Indien")
        before = [f for f in before if self.gaz.entities[f.mention.entity].kind == "region"] or before
        if not before and any(t.key in self.lex.word_class("territory_anaphor")
                              for t in r.tokens[own.first:first]):
            before = [f for f in r.found if f.last < own.first and f.mention.how != "demonym"
                      and self.gaz.entities[f.mention.entity].kind == "region"][-1:]
            territory = territory + before
        return territory, before

    def _claimed_objects(self, r: SentenceReading, regions: list[Found], first: int) -> list[Found]:
        """The object of a bare "claims": the first region within a few words ("claims almost
        all of the South China Sea"), not in a place phrase ("claimed responsibility for
        the attack in Crimea"), with those listed after it ("including the Spratly Islands
        and the Paracel Islands")."""
        locative = self.lex.word_class("locative") - {"of"}
        def in_object(f: Found) -> bool:  # not "claimed that troops shelled Donetsk"
            clause = clause_of(r.clauses, f.first)
            return not (clause.complement or clause.relative) or clause.first <= first

        objects = [f for f in regions if first < f.first <= first + 12 and in_object(f)
                   and r.tokens[f.first - 1].key not in locative]
        # the sea, then what it includes ("… the South China Sea, a waterway, including the
        # Spratly Islands"), close after what is claimed, not "drills in areas including …"
        after = objects[0].last if objects else first
        including = None
        for i in range(after + 1, len(r.tokens)):
            if r.tokens[i].key in self.lex.word_class("conjunction") and i + 1 < len(r.tokens) \
                    and r.tokens[i + 1].text.islower():
                break  # "… and has protested drills in areas including …": another clause's
            if r.tokens[i].key in self.lex.word_class("including"):
                including = i
                break
        included = [f for f in regions if including is not None
                    and including < f.first <= including + 3 and in_object(f)]
        chain: list[Found] = []
        for head in objects[:1] + included[:1]:
            chain.append(head)
            for f in regions:  # a list goes on while names follow closely ("X, Y and Z")
                if f.first > chain[-1].last and f.first - chain[-1].last <= 4:
                    chain.append(f)
        return list({id(f): f for f in chain}.values())

    def _claimed_antecedent(self, r: SentenceReading, first: int) -> list[Found]:
        """"the Senkaku Islands, which China also claims": an object relative clause claims
        the region it hangs on — or the state, when the clause names its own subject right
        after the pronoun ("Taiwan, which Beijing claims as its own") or an agent ("Taiwan,
        das von China beansprucht wird"), and the verb claims rather than says ("Ukraine,
        which Russia claims is run by …"). A German pronoun may be the subject itself ("China,
        das Taiwan beansprucht"): there only an agent tells who claims."""
        clause = clause_of(r.clauses, first)
        if not clause.relative or clause.first < 2:
            return []
        subject = clause.first + 1
        agent = any(clause.first < f.first < first and f.actor and r.tokens[f.first - 1].key in ("von", "by")
                    for f in r.found)
        own_subject = agent or self.lex.lang == "en" and (
            any(f.first == subject and f.actor for f in r.found)
            or subject < first and r.tokens[subject].key in self.lex.word_class("personal_pronoun"))
        after = r.tokens[first + 1] if first + 1 < len(r.tokens) else None
        claims = after is None or not after.is_word or after.key in self.lex.word_class("claimed_as")
        kinds = ("region", "state") if own_subject and claims else ("region",)
        # (a region word may follow the name: "the Nagorno-Karabakh region, which …")
        return [f for f in r.found if (f.last == clause.first - 2 or f.last == clause.first - 3
                                       and r.tokens[f.last + 1].key in self.lex.word_class("region_noun"))
                and self.gaz.entities[f.mention.entity].kind in kinds]

    def claim_owner(self, r: SentenceReading, first: int, last: int) -> str | None:
        """The state (or leader) `_owner_found` names, a capital standing for its state."""
        f = self._owner_found(r, first, last)
        if f is None:
            return None
        entity = self.gaz.entities[f.mention.entity]
        return entity.metonym_of if entity.kind == "city" else entity.key

    def _owner_found(self, r: SentenceReading, first: int, last: int) -> Found | None:
        """Whose claim a noun or participle names by its form: "Russia's annexation",
        "China's sovereignty claims", "Russlands Annexion", "the annexation of Crimea by
        Russia", "die von Russland annektierte Krim", "Russian-annexed Crimea". Such a claim
        is told as a fact even where the clause withholds recognition of it."""
        agents = self.lex.word_class("passive_agent")
        own = clause_of(r.clauses, first)
        for f in r.found:
            entity = self.gaz.entities[f.mention.entity]
            if not (entity.kind in ("state", "leader") or entity.metonym_of) or \
                    f.mention.how in ("place", "people"):
                continue
            after = [t.text for t in r.tokens[f.last + 1:first]]
            # (a German genitive before a noun, not before a verb: "Nach dem Abzug Spaniens
            # annektierte Marokko …")
            possessive = after[:2] in (["'", "s"], ["’", "s"]) and len(after) <= 3 or (
                not after and self.lex.lang == "de" and r.tokens[f.last].text.endswith("s")
                and r.tokens[first].capitalized)
            hyphenated = after == ["-"] and f.mention.how in ("compound", "demonym")
            # "die von Marokko seit knapp 50 Jahren beanspruchte Westsahara": an adverbial
            # may stand between the agent and the participle, no comma
            agent = f.first > 0 and r.tokens[f.first - 1].key in agents and f.first in own and (
                first - 3 <= f.first <= last + 8 or first - 9 <= f.first < first and all(
                    t.is_word or t.text.isdigit() for t in r.tokens[f.last + 1:first]))
            if f.first < first and (possessive or hyphenated) or agent:
                return f
        return None

    def _said_owner(self, r: SentenceReading, first: int) -> Found | None:
        """The state a territory is declared part of by its adjective ("als israelisches
        Staatsgebiet", "as Israeli territory"): a recognition names that state's claim,
        not one of the recognising side."""
        nouns = self.lex.word_class("territory_noun")
        for f in r.found:
            if f.first > first and f.mention.how == "demonym" and f.last + 1 < len(r.tokens) \
                    and r.tokens[f.last + 1].key in nouns and self._names_the_territory(r, f.first - 1):
                return f
        return None

    def _region_taken(self, r: SentenceReading, event: Event, actors: list[Found], first: int,
                      last: int) -> int:
        """"reclaimed Nagorno-Karabakh", "Russia's seizure of the Crimean peninsula", "the
        region, which Azerbaijan reclaimed": the region right after the match (or the one a
        relative clause hangs on) is taken by the side before it (not "reclaimed land on reefs
        in the Spratlys", "the seizure of the Zaporizhzhia nuclear plant"). "Argentina seized
        the islands": the territory noun right after stands for the one told before (1)."""
        k = last + 1
        while k < len(r.tokens) and r.tokens[k].key in self.lex.word_class("determiner"):
            k += 1
        region = next((f for f in r.found if f.first == k
                       and self.gaz.entities[f.mention.entity].kind == "region"), None)
        j = region.last + 1 if region is not None else len(r.tokens)
        while j < len(r.tokens) and r.tokens[j].key in self.lex.word_class("territory_anaphor"):
            j += 1  # ("the Karabakh enclave's main roads")
        nxt = r.tokens[j] if j < len(r.tokens) else None
        if nxt is not None and (nxt.key in self.lex.word_class("site_noun") or nxt.text in ("'", "’")):
            return 0  # (nor "seized Kherson's city council building": the region owns what was taken)
        if region is not None and region.mention.how == "demonym":
            return 0  # (nor what a region's adjective qualifies: "seized Crimean grain")
        region = region or next(iter(self._claimed_antecedent(r, first)), None)
        if region is None and k < len(r.tokens) and r.tokens[k].key in self.lex.word_class("pronoun_state"):
            # "the contested region of Karabakh …, Azerbaijan retook it": the region named before
            region = next((f for f in reversed(r.found) if f.last < first
                           and self.gaz.entities[f.mention.entity].kind == "region"), None)
        sides = [f for f in actors if f.last < k and self.gaz.entities[f.mention.entity].kind != "region"]
        anaphor = region is None and last + 1 < k < len(r.tokens) \
            and r.tokens[k].key in self.lex.word_class("territory_anaphor")
        if not sides or region is None and not anaphor:
            return 0
        event.participants = [self.gaz.stands_for(sides[-1].mention.entity)]
        if region is None:
            return 1  # ("the islands": the story names them)
        event.territories = [region.mention.entity]
        return 0

    def _near(self, r: SentenceReading, f: Found) -> bool:
        """"the islands off Japan's Shimane Prefecture": a place near a state is not the state."""
        j = before_determiners(r.tokens, f.first - 1, self.lex.word_class("determiner"))
        return f.first > 0 and r.tokens[j].key in self.lex.word_class("nearby_prep")

    def _names_the_territory(self, r: SentenceReading, j: int) -> bool:
        """"als"/"as" before the owner's adjective, or the territory itself ("considers the
        Kherson region Russian territory")."""
        return r.tokens[j].key in ("als", "as") or any(
            f.last == j and self.gaz.entities[f.mention.entity].kind == "region" for f in r.found)

    def _territory_after(self, r: SentenceReading, first: int, claimants: list[Found]) -> list[str]:
        """"reunified with the island": a state named after the trigger, or named just before
        and referred to by a territory word ("the island", "die Insel")."""
        own = {self.gaz.state_of(f.mention.entity, r.day) for f in claimants[:1]}
        states = [f for f in r.found if self.gaz.entities[f.mention.entity].kind == "state"
                  and f.mention.how not in ("demonym", "compound") and f.mention.entity not in own
                  and not self._near(r, f)]
        for f in states:
            if f.first > first:
                return [f.mention.entity]
        if r.tokens[first].key in ("als", "as"):  # "weil Peking Taiwan als Teil … betrachtet"
            right_before = [f for f in states if f.last == first - 1]
            if right_before:
                return [right_before[0].mention.entity]
        anaphor = any(self._territory_noun(t) for t in r.tokens[first + 1:])
        if anaphor:
            return [f.mention.entity for f in states if f.first < first][-1:]
        return []

    def add_host(self, r: SentenceReading, event: Event, clause: Clause,
                 trigger: tuple[int, int] | None = None) -> None:
        """A visit "in Pjöngjang"/"in China" has the host state as its other side; a visit of
        two sides to a third state too, when the place is told right at the visit word ("bei
        einem Besuch in der Hauptstadt Nouakchott mit Spaniens Regierungschef", "nach Kairo
        gereist"), not a venue further off ("hosted Erdogan and Kristersson for talks in
        Vilnius")."""
        on = event.date.value if event.date else r.day
        sides = {self.gaz.state_of(p, on) for p in event.participants}
        if len(sides) >= 2 and (trigger is None or not self._went_together(r, trigger)):
            return
        span = self._past_appositions(r, clause)
        for f in r.found:
            if not span[0] <= f.first <= span[1]:  # "der Besuch, …, den die Richter in Den Haag erlassen"
                continue
            entity = self.gaz.entities[f.mention.entity]
            j = before_determiners(r.tokens, f.first - 1, self.lex.word_class("determiner"))
            if entity.kind == "city" and r.tokens[j].key in self.lex.word_class("city_noun"):
                # ("in der Hauptstadt Nouakchott")
                j = before_determiners(r.tokens, j - 1, self.lex.word_class("determiner"))
            if len(sides) >= 2 and trigger is not None and not trigger[0] <= j <= trigger[1] + 1 \
                    and f.last != trigger[0] - 1:
                continue
            if entity.kind == "leader" and r.tokens[j].key in self.lex.word_class("host_person_prep"):
                host: str | None = entity.key  # "der Besuch Merkels bei Trump": the person visited
            elif r.tokens[j].key not in self.lex.word_class("host_prep"):
                continue  # a place of the visit, not "gegen die Ukraine" or "from Moscow"
            else:
                host = entity.metonym_of or entity.part_of if entity.kind == "city" else (
                    entity.key if entity.kind == "state" and is_blocked(r.tokens, f, self.lex) else None)
            if host and f.first > 0 and host not in event.participants and host not in sides:
                event.participants.append(host)
                return

    def _went_together(self, r: SentenceReading, trigger: tuple[int, int]) -> bool:
        """Two sides visit together: one went "with" the other, with no comma between that
        and the visit word ("war mit Macron nach Kiew gereist", "a visit to Tunis with Meloni");
        not "During a visit to Hiroshima, Biden and Zelensky signed …", nor with whom another
        event was ("After a dinner with Macron, Scholz travelled …", "Nach einer
        Pressekonferenz mit Meloni reiste …"); or they are listed as its subject, right before
        the verb ("Scholz, Macron and Draghi travelled to Kyiv")."""
        subject = [f for f in r.found if f.actor and f.last < trigger[0]]
        listed = self.coordinated(subject, r) if subject else []
        if len(listed) >= 2 and listed == subject and trigger[0] - listed[-1].last <= 2 \
                and listed[0].first <= 1:
            return True
        for m, t in enumerate(r.tokens):
            if t.key not in self.lex.word_class("partner_prep") or m == 0:
                continue
            lo, hi = sorted((m, trigger[0]))
            if any(u.text in (",", ";") for u in r.tokens[lo:hi]):
                continue
            before = r.tokens[m - 1]
            named = any(f.last == m - 1 for f in r.found)
            moved = before.text.islower() and (self.lex.lang == "de" or before.key.endswith("ed"))
            if named or moved or m - 1 == trigger[1]:
                return True
        return False

    @staticmethod
    def _past_appositions(r: SentenceReading, clause: Clause) -> tuple[int, int]:
        """The clause with its phrase resumed after a name in commas ("Bei einem Besuch des
        Emirs, Scheich Tamim Al Thani, am Freitag in Berlin"): the commas cut no clause there."""
        later = [c for c in r.clauses if c.first > clause.last]
        if len(later) < 2:
            return clause.first, clause.last
        words = r.tokens[later[0].first:later[0].last + 1]
        name = any(f.first <= later[0].first + 1 and f.last >= later[0].first for f in r.found)
        if name and len(words) <= 7 and all(t.capitalized or t.key in NAME_PARTICLES for t in words):
            return clause.first, later[1].last
        return clause.first, clause.last


def headline_colon(r: SentenceReading, modal: int) -> int | None:
    """The colon after a headline's speaker, within the first words before the modal
    ("Macron: Russia must pay")."""
    return next((i for i in range(1, min(modal, 6)) if r.tokens[i].text == ":"), None)


def before_determiners(tokens: list[Token], j: int, determiners: frozenset[str]) -> int:
    while j > 0 and (tokens[j].key in determiners or is_adjective(tokens[j])):
        j -= 1
    return max(j, 0)


def group_of(found: list[Found], f: Found) -> list[Found]:
    """The mentions a "they" stands for (`MentionFinder._pronouns`: one per side, all at its
    word), `f` among them; none when `f` is no such pronoun."""
    if f.mention.how != "pronoun":
        return []
    group = [g for g in found if g.first == f.first and g.mention.how == "pronoun"]
    return group if len(group) > 1 else []


def unique(items: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


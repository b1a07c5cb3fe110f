"""Clauses and argument positions inside a sentence, from punctuation and function words.

No parser is available offline for both languages, so roles are read from surface cues that
hold across news prose: a name after a preposition such as "in", "über" or "about" is a
circumstance, not a side of an event; a relative clause (", der …," / ", who …,") describes
someone instead of saying what happened; cues of negation or modality act within a clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geokg.extract.dates import calendar_words
from geokg.extract.lexicon import Lexicon, sentence_forms
from geokg.extract.mentions import GROUP_ORIGINS, ORIGIN_PREPOSITIONS, Found
from geokg.extract.text import Token

BREAK_PUNCTUATION = frozenset({",", ";", "–", "—", ":"})


@dataclass(frozen=True)
class Clause:
    first: int
    last: int
    relative: bool  # ", der ... ," / ", who ... ,": a description, not the main assertion
    complement: bool  # "dass/that/ob" or an infinitive: content of a demand or report

    def __contains__(self, index: int) -> bool:
        return self.first <= index <= self.last


def split_clauses(tokens: list[Token], lex: Lexicon) -> list[Clause]:
    clauses: list[Clause] = []
    breaks, adverbs = lex.word_class("clause_break"), lex.word_class("adverb_too")
    relatives = lex.word_class("relative")
    start, relative, complement = 0, False, False
    for i, token in enumerate(tokens):
        after_comma = i > 0 and tokens[i - 1].text == ","
        if token.text == "," and _decimal_comma(tokens, i):
            continue  # "0,25 Prozent"
        # ("Moskau stützt damit die Regierung …", "und damit": after a lower-case word, which
        # a verb or a conjunction is in German, "damit" is an adverb)
        adverb = token.key in adverbs and i > 0 and tokens[i - 1].is_word \
            and tokens[i - 1].text.islower()
        if token.text in BREAK_PUNCTUATION or (token.key in breaks and i > start and not adverb):
            if i > start:
                clauses.append(Clause(start, i - 1, relative, complement))
            start = i + 1 if token.text in BREAK_PUNCTUATION else i
            # "dass"/"that" opens what is said or demanded; "after"/"weil" only a circumstance
            relative, complement = False, token.key in lex.word_class("complementizer")
            if _relative_that(tokens, i, lex):
                relative, complement = True, False
            continue
        if after_comma and i == start and token.key in relatives:
            relative = True
        if i == start and token.key in lex.word_class("complementizer"):
            complement = True  # ", dass …": the comma already opened the clause
    if start < len(tokens):
        clauses.append(Clause(start, len(tokens) - 1, relative, complement))
    clauses = [_verb_second(c, tokens, lex) for c in clauses]
    return [_mark_infinitive(c, tokens, lex) if i else c for i, c in enumerate(clauses)]


def _relative_that(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """"the Gulf Cooperation Council that is headquartered in Riyadh pledged …": "that"
    after a name and before a verb of its own is a relative pronoun, not what a report says
    (not after a day: "said on Monday that was …")."""
    return tokens[i].key == "that" and 0 < i < len(tokens) - 1 and tokens[i - 1].capitalized \
        and tokens[i - 1].key not in calendar_words(lex.lang) \
        and tokens[i + 1].key in lex.word_class("verb_after_relative")


def _decimal_comma(tokens: list[Token], i: int) -> bool:
    return 0 < i < len(tokens) - 1 and tokens[i - 1].key.isdigit() and tokens[i + 1].key.isdigit() \
        and tokens[i - 1].end == tokens[i].start and tokens[i].end == tokens[i + 1].start


def _verb_second(clause: Clause, tokens: list[Token], lex: Lexicon) -> Clause:
    """", die Slowakei dagegen übergab der Ukraine Kampfjets": a German relative clause puts
    its finite verb last, so one that ends in a noun (or in a zu-infinitive: ", der Ukraine
    Hilfe zur Verfügung zu stellen") began with an article, not a relative pronoun."""
    if lex.lang != "de" or not clause.relative:
        return clause
    words = [t for t in tokens[clause.first + 1:clause.last + 1] if t.is_word]
    # (nor in a verb's separated particle after a noun: "sagten Vertreter aus Großbritannien,
    # den USA und Saudi-Arabien zusätzliches Geld zu" lists the main clause's subjects)
    particle = len(words) > 2 and words[-1].key in SEPARATED_PARTICLES and words[-2].capitalized
    if not words or not (words[-1].capitalized or len(words) > 2 and words[-2].key == "zu" or particle):
        return clause
    return Clause(clause.first, clause.last, False, clause.complement)


#: Particles a German main clause leaves at its end ("sagte … Geld zu", "kündigte … Hilfe an").
SEPARATED_PARTICLES = frozenset({"zu", "an", "ab", "auf", "aus", "ein", "vor", "bei", "fest", "zurück"})

#: A German zu-infinitive of a separable verb, written as one word ("abzugeben", "freizulassen").
SEPARABLE_ZU = re.compile(r"^(ab|an|auf|aus|bei|bereit|dar|ein|fest|fort|frei|her|hin|los|mit|nach|vor|"
                          r"weg|weiter|wieder|zurück|zusammen|zu)zu[a-zäöüß]+(en|ern|eln)$")


def is_zu_infinitive(token: Token) -> bool:
    return token.key == "zu" or bool(SEPARABLE_ZU.match(token.key))


def _mark_infinitive(clause: Clause, tokens: list[Token], lex: Lexicon) -> Clause:
    """", ihre Bemühungen zu koordinieren", ", Panzer an die Ukraine abzugeben": a German
    zu-infinitive is a complement too."""
    words = [t for t in tokens[clause.first:clause.last + 1] if t.is_word]
    # (a "zu" that ends the clause is a verb's particle: "…, den USA … Geld zu.")
    if lex.lang == "de" and not clause.complement and any(
            is_zu_infinitive(t) and not (t.key == "zu" and t is words[-1]) for t in words):
        return Clause(clause.first, clause.last, clause.relative, True)
    return clause


def clause_of(clauses: list[Clause], index: int) -> Clause:
    return next((c for c in clauses if index in c), clauses[-1])


def _person_of_origin(tokens: list[Token], found: Found, lex: Lexicon, found_all: list[Found]) -> Found:
    """The person whose state `found` names ("Nursultan Nazarbayev of Kazakhstan and Aleksandr
    Lukashenko of Belarus": the name after "and" is coordinated with Nazarbayev, not with the
    state that only says where he comes from), else `found` itself."""
    j = _skip_back(lex, tokens, found.first - 1)
    if j < 1 or tokens[j].key not in ("of", "von"):
        return found
    return next((f for f in found_all if f.last == j - 1 and f.actor), found)


def _source_named_before(tokens: list[Token], comma: int, lex: Lexicon) -> bool:
    """A source's name right before the comma, the source told after a comma itself ("…,
    according to Zed Seselja, Australia's minister", "…, laut Peter Stano, Sprecher …"): what
    follows is its apposition, when a side was named before the source. Not a source that
    opens the sentence or follows its opening phrase ("According to Axios, Trump …", "On
    Monday, according to TASS, Putin met …")."""
    k = comma - 1
    while k > comma - 5 and k >= 0 and tokens[k].is_word and tokens[k].capitalized:
        k -= 1
    start = k if tokens[k].key == "laut" else k - 1
    source = 0 <= k < comma - 1 and (tokens[k].key == "laut" or tokens[k].key == "to" and k > 0
                                     and tokens[k - 1].key in lex.word_class("source"))
    return source and start > 0 and tokens[start - 1].text == ","


def is_blocked(tokens: list[Token], found: Found, lex: Lexicon, found_all: list[Found] | None = None,
               keep: tuple[int, int] = (-1, -1)) -> bool:
    """True when a mention sits in a prepositional phrase that makes it a circumstance:
    "in der Ukraine", "über Iran", "auf der Karibikinsel St. Vincent", "nach Angaben der
    Nato", "according to Kyiv". A preposition inside `keep` (the trigger, as in "called on
    Beijing") does not count; a coordinated or bracketed name ("Nato und der EU", "(APEC)")
    shares the status of the name before it."""
    if found.mention.how == "possessive":
        return False  # "bei ihrem Besuch": whose visit it is, whatever the preposition
    same = next((f for f in found_all or [] if f.last == found.first - 1
                 and f.mention.entity == found.mention.entity), None)
    if same is not None:  # "der Wirtschaftsgemeinschaft Apec": the name's abbreviation shares it
        return is_blocked(tokens, same, lex, found_all, keep)
    j = _skip_back(lex, tokens, found.first - 1)
    # (a direction inside a gapped pattern is no word of it: "rief zu einem Ende der Gewalt
    # im Osten der Republik Kongo auf" names a place, not whom it calls on)
    inside_gap = j >= 0 and tokens[j].key in lex.word_class("direction_noun")
    if j < 0 or keep[0] <= j <= keep[1] and not inside_gap:
        return False
    prev = tokens[j]
    if prev.text == "," and _source_named_before(tokens, j, lex) and any(
            f.actor and f.last < j - 3 for f in found_all or []):
        return True  # "according to Zed Seselja, Australia's minister": the source's apposition
    if prev.key in ("mit", "with") and _partner_of_a_noun(lex, tokens, j, keep, found_all or []):
        return True  # "telefonierten nach dem Deal der Weltmächte mit dem Iran": the deal's partner
    vehicle = prev.key in lex.word_class("source_prep") and j > 0 and (
        tokens[j - 1].key in lex.word_class("vehicle") or tokens[j - 1].key in lex.word_class("colleague"))
    government = j > 0 and tokens[j - 1].key in lex.word_class("government")
    if prev.key in ORIGIN_PREPOSITIONS and government or vehicle:
        # "die Regierung in Kiew", "diplomats from Russia", "planes from Japan", "ihren Kollegen
        # aus Frankreich": as blocked as "die Regierung"
        j = _skip_back(lex, tokens, j - 2)
        if j < 0 or keep[0] <= j <= keep[1]:
            return False
        prev = tokens[j]
    if prev.text == "-" and found_all is not None:
        # "ahead of the U.S.-Russia summit": the second name of a compound shares the first's
        left = next((f for f in found_all if f.last == j - 1), None)
        if left is not None:
            return is_blocked(tokens, left, lex, found_all, keep)
    if prev.key in lex.word_class("between") and j >= 2 and tokens[j - 1].is_word and \
            not any(f.first <= j - 1 <= f.last for f in found_all or []):
        # "sprachen über den Konflikt zwischen Israel und Iran", "met amid tensions between
        # Moscow and Kyiv": the names of a topic or of the background
        k = _skip_back(lex, tokens, j - 2)
        if k >= 0 and not keep[0] <= j - 1 <= keep[1] and (
                tokens[k].key in lex.word_class("topic_prep") or any(
                    t.key in lex.word_class("background_prep") for t in tokens[max(0, j - 4):j - 1])):
            return True
        if tokens[j - 1].key in lex.word_class("border_noun") and not keep[0] <= j - 1 <= keep[1]:
            return True  # "an der EU-Außengrenze zwischen Polen und Belarus": a place
    if prev.key in lex.word_class("conjunction") and found_all is not None:
        before = next((f for f in found_all if f.last < j and f.last >= _skip_back(lex, tokens, j - 1)), None)
        if before is not None:
            return is_blocked(tokens, _person_of_origin(tokens, before, lex, found_all), lex, found_all, keep)
        # "sprach über Migration und die Ukraine": a name coordinated with a common noun
        # of the phrase shares its preposition
        k = _skip_back(lex, tokens, j - 2)
        if k >= 0 and not keep[0] <= k <= keep[1] and tokens[j - 1].is_word and \
                tokens[k].key in lex.word_class("block_prep"):
            return True
    if prev.text == "," and _listed_topic(tokens, found, j, lex, found_all or []) \
            and not keep[0] <= j <= keep[1]:
        return True  # "sprach mit Xi über Handel, Taiwan, den Krieg …": an item of the topics
    if prev.key in GROUP_ORIGINS and j > 0 and found_all is not None \
            and tokens[j - 1].key in lex.word_class("conjunction"):
        # "Vertreter der EU und aus Neuseeland": the origin repeated after "und" is as
        # blocked as the name before it
        before = next((f for f in found_all if f.last == _skip_back(lex, tokens, j - 2)), None)
        if before is not None:
            return is_blocked(tokens, before, lex, found_all, keep)
    noun = j - 1 - (j > 0 and tokens[j - 1].text == ",")
    if prev.key in lex.word_class("including") and noun >= 1 and \
            (lex.lang == "de" or tokens[noun].text.islower()) and \
            not any(f.first <= noun <= f.last for f in found_all or []):
        # "the situation in the region including Afghanistan": an example shares the place of
        # the common noun it exemplifies ("leaders, including Macron", "presidents from
        # Africa including Ruto" stay sides)
        k = _skip_back(lex, tokens, noun)
        k = _skip_back(lex, tokens, k - 1) if k >= 0 and tokens[k].is_word else k
        if k >= 0 and not keep[0] <= k <= keep[1] and tokens[k].key in lex.word_class("block_prep"):
            return True
    if prev.key == "of" and j > 0 and tokens[j - 1].key in lex.word_class("state_form"):
        return False  # "the kingdom of Bahrain" is Bahrain
    if prev.key == "of" and found.mention.how == "demonym-actor" and j > 0 and \
            tokens[j - 1].key in lex.word_class("withdrawal"):
        return False  # "the withdrawal of French troops": whom the demand is made of
    if lex.lang == "de" and prev.capitalized and tokens[j + 1].key in NOT_GENITIVE \
            and prev.key not in lex.word_class("block_prep"):  # (not "In den USA …")
        return False  # "nach eigenen Angaben das syrische Militär": the article starts a phrase
    if _is_preposition(prev, lex):
        return True
    named = found_all is not None and any(f.first <= j <= f.last for f in found_all)
    # (the article may open the name itself: "im Osten der Demokratischen Republik Kongo")
    genitive = j == found.first - 2 and tokens[j + 1].key in ("der", "des") or \
        j == found.first - 1 and tokens[found.first].key in ("der", "des") \
        and prev.key in lex.word_class("direction_noun")
    if lex.lang == "de" and genitive \
            and owned_thing(prev, lex) and not named and found.mention.how != "demonym-actor":
        # "die Bedeutung der Nato", "das Schicksal des Iran": whose thing, no side (but "den
        # Rückzug der russischen Truppen" names whom a demand is made of)
        return True
    if lex.lang == "de" and prev.capitalized and prev.is_word and j > 0 and not named and \
            prev.key not in lex.word_class("occasion_noun"):
        # (not after an occasion: "hatte bei seiner Amtseinführung Peking … aufgefordert")
        # "nach Erkenntnissen der Nato", "auf der Karibikinsel St. Vincent": a noun between
        # (German capitalizes its nouns; "On Sunday he …" is no phrase around "he")
        k = _skip_back(lex, tokens, j - 1)
        return k >= 0 and not keep[0] <= k <= keep[1] and (
            _is_preposition(tokens[k], lex) or tokens[k].key in {"nach", "laut"}
            or tokens[k].key in lex.word_class("besides_prep") and tokens[found.first].key in ("der", "des"))
    return False


def _listed_topic(tokens: list[Token], found: Found, comma: int, lex: Lexicon,
                  found_all: list[Found]) -> bool:
    """A name in a list that a topic's preposition opens with a common noun ("über Handel,
    Taiwan, den Krieg …", "about trade, Taiwan and Iran"); the list goes on after it."""
    item = comma - 1
    noun = tokens[item].is_word and tokens[item].key not in calendar_words(lex.lang) and (
        tokens[item].capitalized if lex.lang == "de" else tokens[item].text.islower())
    if item < 1 or not noun or any(f.first <= item <= f.last for f in found_all):
        return False
    k = _skip_back(lex, tokens, item - 1)
    after = tokens[found.last + 1] if found.last + 1 < len(tokens) else None
    goes_on = after is not None and (after.text == "," or after.key in lex.word_class("conjunction"))
    # (only after a side the talk is with, in the same stretch: "sprach mit Xi über …"; not
    # "After talks about trade, Xi and Biden agreed …", "Regarding the hostages, Qatar and …")
    talked_with = k > 0 and any(f.last < k and all(t.is_word for t in tokens[f.last + 1:k])
                                for f in found_all)
    return k >= 0 and tokens[k].key in lex.word_class("topic_list_prep") and goes_on and talked_with


def _partner_of_a_noun(lex: Lexicon, tokens: list[Token], j: int, keep: tuple[int, int],
                       found_all: list[Found]) -> bool:
    """"nach dem Deal der Weltmächte mit dem Iran", "over the deal with Iran": "mit"/"with"
    after a deal's noun in a circumstance's phrase belongs to that deal (its genitives may
    stand between), not to the sentence's verb ("war in Rom mit Meloni zusammengetroffen",
    "nach eigenen Angaben mit Xi telefoniert": other nouns leave "mit" to the verb; "agreed to
    a ceasefire with Israel": a verb's own preposition is no circumstance)."""
    k, deals = j - 1, lex.word_class("agreement_object") | {"deal"}
    for _ in range(3):  # the noun, and up to two genitives before it ("dem Deal der Weltmächte")
        noun = k >= 1 and tokens[k].is_word and (tokens[k].capitalized if lex.lang == "de"
                                                  else tokens[k].text.islower()) \
            and not any(f.first <= k <= f.last for f in found_all)
        if not noun or keep[0] <= k <= keep[1]:
            return False
        head, k = tokens[k].key, _skip_back(lex, tokens, k - 1)
        if k >= 0 and tokens[k].key in lex.word_class("deal_context_prep"):
            return head in deals and not keep[0] <= k <= keep[1]
        if lex.lang != "de" or k < 0:
            return False
    return False


NOT_GENITIVE = frozenset({"das", "dem", "den", "die", "ein", "eine", "einen", "einem"})


def owned_thing(noun: Token, lex: Lexicon) -> bool:
    """A common noun (in German capitalized, not an article) that is no government, title or
    group word: its genitive attribute names an owner, not an actor ("die Regierungschefs der
    EU" and "Präsident der Ukraine" do name one). An adverb opening the sentence is
    capitalized too ("Auch der belarussische Präsident telefonierte …")."""
    people = lex.word_class("government") | lex.word_class("group_leaders") | \
        lex.word_class("member_body") | lex.word_class("person_anaphor") | lex.word_class("council_noun")
    adverbs = lex.word_class("opening_adverb") | lex.word_class("verb_second_opening")
    capitalized = noun.capitalized or lex.lang == "en"  # (English: "Israel's actions")
    return noun.is_word and capitalized and noun.key not in lex.word_class("determiner") \
        and noun.key not in adverbs and noun.key not in people \
        and not noun.key.endswith(("chef", "chefs", "minister", "präsident", "präsidenten", "führer",
                                   "vertreter", "vertretern"))


def _is_preposition(token: Token, lex: Lexicon) -> bool:
    """A preposition of a circumstance, or a verb of a topic ("discussed Syria")."""
    return token.key in lex.word_class("block_prep") or token.key in lex.word_class("source") \
        or token.lemma in lex.word_class("source") or token.key in lex.word_class("topic_verb")


def _skip_back(lex: Lexicon, tokens: list[Token], j: int) -> int:
    # ("In addition to these Turkey pledged …": "these" ends the phrase, it is no article)
    determiners, pronouns = lex.word_class("determiner"), lex.word_class("demonstrative_pronoun")
    while j >= 0 and tokens[j].key not in pronouns and (
            tokens[j].key in determiners or is_adjective(tokens[j])):
        j -= 1
    return j


ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em", "ste", "sten", "ster", "stes", "stem", "te", "ten")
ENGLISH_ADJECTIVE_SUFFIXES = ("ern", "ian", "ese", "ic", "al", "ive", "ous", "ful", "ish", "ary")


def is_adjective(token: Token) -> bool:
    """Lower-case attributive words before a noun: German inflected forms of their lemma
    ("sofortige" ← sofortig, "ostukrainischen"), English adjective suffixes ("eastern")."""
    if not token.is_word or not token.text.islower():
        return False
    if token.lemma != token.key and token.key.startswith(token.lemma):
        return token.key[len(token.lemma):] in ADJECTIVE_ENDINGS
    return token.key.endswith(ENGLISH_ADJECTIVE_SUFFIXES) and len(token.key) > 4


def has_cue(tokens: list[Token], first: int, last: int, lex: Lexicon, kinds: tuple[str, ...],
            exclude: tuple[int, int] = (-1, -1), *, pledge: bool = False,
            before: int | None = None) -> bool:
    """Whether a cue of one of `kinds` occurs between token indices first..last (with
    `before`, one that starts before that index). With `pledge`, a reported "would" ("said
    it would supply") is the future of a promise."""
    span = tokens[first:last + 1]
    forms = sentence_forms(span)
    for kind in kinds:
        for pattern in lex.cues.get(kind, ()):
            for a, _b in pattern.find(span, forms):
                pos = first + a
                # (a recall may start at its trigger: "zu Beratungen … zurückbeordert")
                if exclude[0] <= pos <= exclude[1] and kind != "recall" or \
                        before is not None and pos >= before:
                    continue
                if kind == "negation" and _not_only(tokens, pos, lex):
                    continue
                if kind == "negation" and pos > exclude[1] >= 0 and \
                        tokens[pos].key in lex.word_class("negative_article") and \
                        _event_noun(tokens, exclude[0], lex):
                    continue  # "the talks brought no breakthrough": of the noun after, not the talks
                if kind == "negation" and tokens[pos].key in lex.word_class("without") and \
                        not pos < exclude[0] <= pos + 4:
                    continue  # "ends without a deal", "ohne Vermittler": of what follows it
                if kind == "modality" and pos > 0 and tokens[pos - 1].key in ("wie", "as"):
                    continue  # "so schnell wie möglich", "as soon as possible": urgency
                if kind == "modality" and tokens[pos].key == "may" and tokens[pos].text[:1].isupper():
                    continue  # "in May", "on May 5": the month
                if kind == "modality" and pledge and _reported_would(tokens, pos, lex):
                    continue
                if kind == "denial" and _by_others(tokens, first + _b, lex):
                    continue
                if kind in ("intended", "prospects") and pos > exclude[0] >= 0:
                    continue  # "a memorandum of intention", "a supply that dims the prospects"
                if kind in ("negation", "recognition") and _recognition_withheld(tokens, pos, lex):
                    continue
                if kind in ("planned", "future", "announced") and pos > exclude[1] >= 0 and \
                        _noun_after(tokens, pos, lex):
                    continue
                if kind == "planned" and pos > 0 and tokens[pos].key in lex.word_class("plan_noun") \
                        and tokens[pos - 1].key in lex.word_class("possessive_own") \
                        and not (pos + 1 < len(tokens) and tokens[pos + 1].key in ("to", "zu")):
                    continue  # "informed Abbas of his plans in a phone call": a noun, the topic
                if kind == "planned" and _aim_of_another_verb(tokens, first + _b, exclude, lex):
                    continue  # "support for efforts to end the war in a call with Putin"
                if kind == "planned" and _at_the_invitation(tokens, pos, lex):
                    continue  # "Auf Einladung von Xi besuchte Felipe Peking": it took place
                if kind == "planned" and 0 < pos < len(tokens) - 1 and tokens[pos - 1].key == "the" \
                        and tokens[pos + 1].key in lex.word_class("counted_day"):
                    continue  # "The next day Orban met Zelenskyy": a day counted from one told
                if kind == "planned" and pledge and pos < len(tokens) - 1 \
                        and tokens[pos].key in lex.word_class("next") \
                        and tokens[pos + 1].key in lex.word_class("period_noun"):
                    continue  # "will be given 25 tanks next year": when a pledge is kept
                if pos > exclude[1] >= 0 and tokens[pos].key in lex.word_class("prior_to"):
                    continue  # "held a call … ahead of the summit": the summit is to come

                if kind == "ended" and not _ends_the_event(tokens, pos, exclude, lex):
                    continue
                return True
    return False


def _aim_of_another_verb(tokens: list[Token], end: int, exclude: tuple[int, int],
                         lex: Lexicon) -> bool:
    """"expressed support for efforts to end the conflict in a phone call with Putin": an
    effort or plan "to" do something else does not reach an event told after it in a phrase
    of its own ("in a call", "during talks"); it does reach "efforts to hold talks"."""
    if tokens[end].key not in ("to", "zu") or not end + 1 < exclude[0]:
        return False
    openers = lex.word_class("opening_prep") | lex.word_class("circumstance")
    return any(t.key in openers for t in tokens[max(end + 2, exclude[0] - 3):exclude[0] + 1])


def _at_the_invitation(tokens: list[Token], pos: int, lex: Lexicon) -> bool:
    """"auf Einladung von", "at the invitation of": the reason a visit was made."""
    if tokens[pos].key not in lex.word_class("invitation_noun") or pos == 0:
        return False
    prev = tokens[pos - 1].key
    return prev == "auf" or (prev == "the" and pos > 1 and tokens[pos - 2].key == "at")


def _ends_the_event(tokens: list[Token], pos: int, exclude: tuple[int, int], lex: Lexicon) -> bool:
    """"halted arms deliveries", "the meeting was cancelled": the event is called off. Not a
    purpose or a topic ("sent air defence to stop attacks", "talks about a halt to the
    fighting"): after the event only in a passive, never after "to"/"zu"/an article. An
    infinitive before its object ("provoked Cohen to cancel a meeting with him") ends it."""
    # ("the suspension of US funding", "die Aussetzung der Zahlungen", "an end to US military
    # aid": a noun of ending whose genitive, or whose "to", is the event ends it)
    of_the_event = pos + 1 < len(tokens) and tokens[pos + 1].key in lex.word_class("ending_link") \
        and pos < exclude[0] <= pos + 4
    if pos > 0 and tokens[pos - 1].key in lex.word_class("ended_not_after") and not of_the_event \
            and not (0 <= pos < exclude[0] <= pos + 4 and tokens[pos - 1].key in ("to", "zu")):
        return False
    if pos > exclude[1] >= 0:  # "was cancelled", "remains frozen"
        stative = lex.word_class("passive_aux") | lex.word_class("copula_stay")
        return any(t.key in stative for t in tokens[exclude[1] + 1:pos]) or \
            _final_perfect(tokens, pos, exclude, lex)
    return True


def _final_perfect(tokens: list[Token], pos: int, exclude: tuple[int, int], lex: Lexicon) -> bool:
    """"Die USA haben die Militärhilfe … eingefroren": a German participle that ends the
    clause after a perfect auxiliary before the event is the verb the event is object of."""
    last_word = pos + 1 >= len(tokens) or not tokens[pos + 1].is_word
    return lex.lang == "de" and last_word and any(
        t.key in lex.word_class("perfect_aux") for t in tokens[max(0, exclude[0] - 6):exclude[0]])


def _noun_after(tokens: list[Token], pos: int, lex: Lexicon) -> bool:
    """An English cue word used as a noun after the event ("talks … with an agreement on a
    100-day plan"): it names something else, it does not plan the event before it."""
    if lex.lang != "en" or pos == 0:
        return False
    before = tokens[pos - 1]
    # (or after a noun it ends: "signed a Belt and Road cooperation plan", not "plans to")
    compound = tokens[pos].key in lex.word_class("plan_noun") and before.is_word and \
        not (pos + 1 < len(tokens) and tokens[pos + 1].key == "to")
    return before.key in lex.word_class("determiner") or compound or (
        pos > 1 and tokens[pos - 2].text == "-")


def _by_others(tokens: list[Token], end: int, lex: Lexicon) -> bool:
    """"a move rejected by most of the world": others reject it; it still happened."""
    return end + 1 < len(tokens) and tokens[end + 1].key in lex.word_class("passive_agent")


def after_a_judgement(tokens: list[Token], first: int, trigger: int, lex: Lexicon) -> int | None:
    """Where the trigger's own predicate starts when a criticism or denial is joined to it by
    "und"/"and": "Belgien hat Ruanda kritisiert und die EU aufgefordert, …", "Putin lehnte den
    Vorschlag ab und forderte …", "Japan rejected the claim and demanded …" tell what the
    subject did next; the judgement, and whatever it was about, is done before it. ("warf
    Moskau vor, … zu versorgen und … zu liefern", "accused Moscow of arming … and sending …"
    still report the accusation: no finite verb follows.)"""
    joins = [k for k in range(first + 1, trigger) if tokens[k].key in lex.word_class("and_word")]
    if not joins or not finite_verb(tokens, trigger, lex) or \
            any(not t.is_word for t in tokens[joins[-1]:trigger]) or trigger - joins[-1] > 8:
        return None
    # ("rejected accusations it threatened Kyiv and demanded …": a second past verb before
    # "and" opens a clause the judgement is about; the verb after "and" may belong to it)
    if lex.lang == "en" and sum(finite_verb(tokens, k, lex) for k in range(first, joins[-1])) > 1:
        return None
    return joins[-1] + 1 if has_cue(tokens, first, joins[-1] - 1, lex, ("denial",)) else None


def finite_verb(tokens: list[Token], pos: int, lex: Lexicon) -> bool:
    """A verb told as done or doing, not an infinitive or a noun: German lower-case forms
    other than "-en" infinitives ("forderte", "aufgefordert", "verlangten"); English past
    forms and irregular pasts ("urged", "told")."""
    token = tokens[pos]
    around = {tokens[k].key for k in (pos - 1, pos + 1) if 0 <= k < len(tokens)}
    if around & lex.word_class("infinitive_marker"):
        return False  # "zu liefern", "geliefert zu haben", "to urge"
    if token.text[:1].isupper() or token.key.endswith("ing"):
        return False
    if lex.lang == "de":
        return not token.key.endswith("n") or token.key.endswith("ten")
    return token.key.endswith("ed") or token.key in lex.word_class("irregular_past")


def _reported_would(tokens: list[Token], pos: int, lex: Lexicon) -> bool:
    """"The Netherlands said it would supply …", "… would provide …, Blinken said": the
    future of a reported promise, its speech verb just before or after the report."""
    if tokens[pos].key != "would":
        return False
    speech = lex.word_class("speech_verb")
    if any(t.key in speech for t in tokens[max(0, pos - 5):pos]):
        return True
    return any(t.text == "," and any(u.key in speech for u in tokens[k + 1:k + 5])
               for k, t in enumerate(tokens[pos + 1:], pos + 1))


def _recognition_withheld(tokens: list[Token], pos: int, lex: Lexicon) -> bool:
    """"a move not recognised by most countries", "wird international nicht anerkannt":
    others withhold recognition in a passive; what they do not recognise did happen."""
    participles = lex.word_class("recognised")
    auxiliaries = lex.word_class("passive_aux") | lex.word_class("passive_aux_present")
    for k in range(pos, min(pos + 3, len(tokens))):
        if tokens[k].key in participles:
            # "not recognised by most countries", "a move not recognized internationally"
            agent = k + 1 < len(tokens) and (tokens[k + 1].key in lex.word_class("passive_agent")
                                             or tokens[k + 1].key in lex.word_class("by_others"))
            return agent or any(t.key in auxiliaries for t in tokens[max(0, pos - 4):pos])
    return False


def _event_noun(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """The trigger is a noun ("bei den Gesprächen", "the talks"), not a verb whose object a
    negative article negates ("verkaufte keine Panzer")."""
    if lex.lang == "de":
        return i > 0 and tokens[i].capitalized
    return i > 0 and tokens[i - 1].key in lex.word_class("determiner")


def _not_only(tokens: list[Token], pos: int, lex: Lexicon) -> bool:
    """"nicht nur … sondern auch", "not only": emphasis, not negation."""
    window = tokens[pos + 1:pos + 4]
    return any(t.key in lex.word_class("not_only") for t in window)

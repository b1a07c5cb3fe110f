"""Clauses and argument positions inside a sentence, from punctuation and function words.

No parser is available offline for both languages, so roles are read from surface cues that
hold across news prose: a name after a preposition such as "in", "über" or "about" is a
circumstance, not a side of an event; a relative clause (", der …," / ", who …,") describes
someone instead of saying what happened; cues of negation or modality act within a clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from geokg.extract.lexicon import Lexicon
from geokg.extract.mentions import DETERMINERS, Found
from geokg.extract.text import Token

BREAK_PUNCTUATION = frozenset({",", ";", "–", "—", ":", "(", ")"})


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
    breaks = lex.word_class("clause_break")
    relatives = lex.word_class("relative")
    start, relative, complement = 0, False, False
    for i, token in enumerate(tokens):
        after_comma = i > 0 and tokens[i - 1].text == ","
        if token.text in BREAK_PUNCTUATION or (token.key in breaks and i > start):
            if i > start:
                clauses.append(Clause(start, i - 1, relative, complement))
            start = i + 1 if token.text in BREAK_PUNCTUATION else i
            relative, complement = False, token.key in breaks
            continue
        if after_comma and i == start and token.key in relatives:
            relative = True
    if start < len(tokens):
        clauses.append(Clause(start, len(tokens) - 1, relative, complement))
    return clauses


def clause_of(clauses: list[Clause], index: int) -> Clause:
    return next((c for c in clauses if index in c), clauses[-1])


def is_blocked(tokens: list[Token], found: Found, lex: Lexicon) -> bool:
    """True when a mention sits in a prepositional phrase that makes it a circumstance:
    "in der Ukraine", "über Iran", "nach Angaben der Nato", "according to Kyiv"."""
    j = _skip_back(tokens, found.first - 1)
    if j < 0:
        return False
    prev = tokens[j]
    if prev.key in lex.word_class("block_prep"):
        return True
    if prev.key in lex.word_class("source") or prev.lemma in lex.word_class("source"):
        return True
    if prev.capitalized and prev.is_word and j > 0:  # "nach Erkenntnissen der Nato"
        k = _skip_back(tokens, j - 1)
        return k >= 0 and tokens[k].key in lex.word_class("source") | {"nach", "laut"}
    return False


def _skip_back(tokens: list[Token], j: int) -> int:
    while j >= 0 and (tokens[j].key in DETERMINERS or _is_adjective(tokens[j])):
        j -= 1
    return j


def _is_adjective(token: Token) -> bool:
    """Lower-case inflected words before a noun ("sofortige", "ostukrainischen")."""
    return token.is_word and token.text.islower() and token.key.endswith(
        ("e", "en", "er", "es", "em")) and len(token.key) > 4 and not token.key.endswith("ten")


def has_cue(tokens: list[Token], first: int, last: int, lex: Lexicon, kinds: tuple[str, ...],
            exclude: tuple[int, int] = (-1, -1)) -> bool:
    """Whether a cue of one of `kinds` occurs between token indices first..last."""
    span = tokens[first:last + 1]
    for kind in kinds:
        for pattern in lex.cues.get(kind, ()):
            for a, _b in pattern.find(span):
                pos = first + a
                if exclude[0] <= pos <= exclude[1]:
                    continue
                if kind == "negation" and _not_only(tokens, pos, lex):
                    continue
                return True
    return False


def _not_only(tokens: list[Token], pos: int, lex: Lexicon) -> bool:
    """"nicht nur … sondern auch", "not only": emphasis, not negation."""
    window = tokens[pos + 1:pos + 4]
    return any(t.key in lex.word_class("not_only") for t in window)

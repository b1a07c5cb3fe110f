"""Text layout: headline, dateline, body, a trailing "Details" block; sentences and tokens.

Offsets always index the original text, because evidence is stored as character offsets into
the article string (NIF). Layout cleaning therefore marks spans as excluded instead of
rewriting the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma

from geokg.extract.model import Sentence

#: Marks that open or close a quotation (straight, typographic, German and French).
QUOTE_MARKS = frozenset({'"', "'", "„", "“", "”", "»", "«", "‚", "‘", "’"})

WORD = re.compile(r"\w+", re.UNICODE)
TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)

# A "Details" block as news aggregators append it: a line "Details", then "Key<TAB>value"
# lines, continuation lines starting with a tab or a bullet.
DETAILS_HEAD = re.compile(r"^[ \t]*Details[ \t]*$", re.MULTILINE)
DETAILS_LINE = re.compile(r"^(?P<key>[A-ZÄÖÜ][\wäöü]+)\t+(?P<value>.*)$")
BOILERPLATE = re.compile(r"^\s*(Besuchen Sie uns auf|Visit us at|Folgen Sie uns|Follow us)\b.*$",
                         re.MULTILINE | re.IGNORECASE)
# "BERLIN (dpa) – ", "WOODSIDE, California (Reuters) - ", "DUBAI/KYIV, Nov 6 - ", "TOKYO | ",
# "Ukraine, Land - ": a short place part, an optional agency, then a dash.
DATELINE = re.compile(
    r"^(?P<place>[A-ZÄÖÜ][\w./ ,äöüÄÖÜ-]{1,50}?)(?:\s*\((?P<agency>[^)\n]{1,25})\))?"
    r"(?:\s+[–—|-]{1,2}\s+|:\s+)(?=\S)")
#: "Helsinki (AFP) Bei seinem …": a wire dateline without a dash, known by its agency.
AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-ZÄÖÜ][\w./ äöüÄÖÜ-]{1,40}?)\s*\((?P<agency>AFP|dpa|Reuters|AP|KNA|epd|APA|"
    r"SDA|sid|Xinhua|ANSA|EFE|TASS|AA|dts|Yonhap|Kyodo|IANS|PTI|dpa-AFX|Bernama|Antara|Anadolu|"
    r"Lusa|Tanjug)\)\s*[–—:-]?\s*(?=[A-ZÄÖÜ\"„“])")
#: "Hanoi (VNA) - Australia …": another agency's capitals, then a dash (not "The Republic of
#: Korea (ROK) Navy received …").
CAPITALS_DATELINE = re.compile(
    r"^(?P<place>[A-ZÄÖÜ][\w./ äöüÄÖÜ-]{1,40}?)\s*\((?P<agency>[A-Z]{2,5})\)\s+[–—-]\s+(?=[A-ZÄÖÜ\"„“])")
#: "TBILISI, July 20 European Council President …", "HANOI/BEIJING May 7 Vietnam said": a
#: wire archive's capitals and day, without a dash.
DAY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z./ -]{1,40}?),? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? "
    r"\d{1,2}\s+(?=[A-Z\"“(])")
#: "[HANOI] US President …": a dateline in brackets.
BRACKET_DATELINE = re.compile(r"^\[(?P<place>[A-ZÄÖÜ][A-ZÄÖÜ./ -]{1,30})\]\s*(?=\S)")
#: A search index's marker before an excerpt (" date 2023-04 …"): not part of the text.
INDEX_DATE = re.compile(r"^\s*date \d{4}-\d{2}(?:-\d{2})?\s+")
#: (or a full stop glued to the next sentence, as scraped pages lose the space: "mitteilte.Merz")
SENTENCE_END = re.compile(r"[.!?…]+[\"”“»«')\]]*(?=\s+[\"„“«»‚‘'(]?[A-ZÄÖÜ0-9])"
                          r"|(?<=[a-zäöüß]{3})\.(?=[A-ZÄÖÜ][a-zäöüß]{2})")

ABBREVIATIONS = {
    "u", "s", "n", "a", "z", "b", "dr", "mr", "mrs", "ms", "st", "gen", "sen", "rep", "gov",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "okt", "dez", "bzw", "ca", "vgl", "etc", "inc", "ltd", "co", "corp", "no", "nr", "prof",
    "jr", "sr", "vs", "evtl", "ggf", "usw", "sog", "d", "h", "i", "e", "v", "mio", "mrd",
}


def fold(text: str) -> str:
    """Case- and accent-insensitive form used for every lookup (Erdoğan = Erdogan).

    German umlauts are kept: folding "würde" to "wurde" would turn a hypothetical into a fact.
    A typographic apostrophe is the plain one ("People’s Republic of China" is the PRC).
    """
    text = unicodedata.normalize("NFC", text.replace("ß", "ss").replace("’", "'").casefold())
    return "".join(c if c in _KEEP else _strip_accents(c) for c in text)


_KEEP = frozenset("äöü")


@lru_cache(maxsize=4096)
def _strip_accents(char: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    key: str  # fold(text)
    lemma: str  # fold(lemma)

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, offset: int = 0, lang: str = "de") -> list[Token]:
    tokens = []
    for m in TOKEN.finditer(text):
        word = m.group()
        if word == "–" and 0 < m.start() and m.end() < len(text) and text[m.start() - 1].isalpha() \
                and text[m.end()].isupper():
            word = "-"  # "Telefonat Merz–Selenskyj": an en dash between two names joins them
        key, lemma = word_forms(word, lang)
        tokens.append(Token(word, m.start() + offset, m.end() + offset, key, lemma))
    return tokens


@lru_cache(maxsize=65536)
def word_forms(word: str, lang: str) -> tuple[str, str]:
    """A word's folded form and folded lemma. Cached: news repeats its words, and folding
    plus lemmatizing every token was a fifth of the extraction time (bench/ingest.py)."""
    lemma = simplemma.lemmatize(word, lang=lang) if word[0].isalpha() else word
    return fold(word), fold(lemma)


@dataclass
class Layout:
    """Where the parts of an article are; `body` spans exclude dateline and Details block."""

    title: str | None = None
    dateline_place: str | None = None
    dateline: str | None = None  # the whole dateline ("MOSCOW, JAN 23"): it may hold the day
    details: dict[str, list[str]] = field(default_factory=dict)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)


@lru_cache(maxsize=16384)
def is_dictionary_word(word: str, lang: str) -> bool:
    """Whether a word is in the language's word list: a capitalized word that is not is
    likely a name ("Pistorius", "Wadephul"), one that is may be a German noun ("Gespräche")."""
    return bool(simplemma.is_known(word, lang=lang))


def detect_language(text: str) -> str:
    """German or English, whichever simplemma's stop-word model finds more of; on a tie
    (short texts of names: "China claims the Spratly Islands."), the articles decide."""
    scores = dict(simplemma.langdetect(text[:5000], lang=("de", "en")))
    en, de = scores.get("en", 0), scores.get("de", 0)
    if en == de:
        words = [fold(w) for w in TOKEN.findall(text[:5000])]
        en = sum(w in ("the", "a", "an", "of") for w in words)
        de = sum(w in ("der", "die", "das", "den", "dem", "des", "ein", "eine") for w in words)
    return "en" if en > de else "de"


def parse_layout(text: str, is_place: Callable[[str], bool] | None = None) -> Layout:
    """`is_place` tells a known city, so that "Riad - Außenministerin Baerbock …" is read
    as a dateline too (not only "RIAD (dpa) -"), and its place is no side of the story."""
    layout = Layout()
    end = len(text)
    details = DETAILS_HEAD.search(text)
    if details and _looks_like_details(text[details.end():]):
        layout.details = _parse_details(text[details.end():])
        end = details.start()
    boiler = BOILERPLATE.search(text, 0, end)
    if boiler:
        end = boiler.start()
    wrapped = _hard_wrapped(text[:end])
    for block in re.finditer(r"[^\n]+", text[:end]):
        line_start, line_end = block.start(), block.end()
        line = block.group()
        if not line.strip():
            continue
        marker = INDEX_DATE.match(line)  # an index's "date 2024-07" before the first line
        if marker and not layout.paragraphs:
            line, line_start = line[marker.end():], line_start + marker.end()
        # (a wrapped text's first line is its headline only before a blank line)
        if not layout.paragraphs and layout.title is None and _is_headline(line) and (
                not wrapped or re.match(r"\n[ \t]*\n", text[block.end():]) is not None):
            layout.title = line.strip()
        else:
            m = DATELINE.match(line)
            m = m if m and (_is_dateline(m.group("place")) or _is_place_dateline(m, line, is_place)) \
                else AGENCY_DATELINE.match(line) or (
                BRACKET_DATELINE.match(line) or CAPITALS_DATELINE.match(line) or DAY_DATELINE.match(line)
                if layout.dateline is None else None)  # (the story's first dateline only)
            if m:
                layout.dateline_place = layout.dateline_place or m.group("place").strip(" ,")
                layout.dateline = layout.dateline or m.group().strip()
                line_start += m.end()
            headline_only = layout.title is not None and len(layout.paragraphs) == 1
            # a line cut mid-sentence continues on the next line, not across a blank line
            # (a subheading: "Buschmann und Stark-Watzinger bitten um Entlassung\n\n…")
            gap = text[layout.paragraphs[-1][1]:block.start()] if layout.paragraphs else ""
            blank = re.search(r"\n\s*\n", gap) is not None
            if layout.paragraphs and not headline_only and not blank and not m and \
                    _is_broken_line(text, layout.paragraphs[-1], wrapped):
                line_start = layout.paragraphs.pop()[0]
        layout.paragraphs.append((line_start, line_end))
    return layout


def _is_headline(line: str) -> bool:
    return len(line) <= 160 and not line.rstrip().endswith((".", ":", ";", ","))


def _is_broken_line(text: str, paragraph: tuple[int, int], wrapped: bool = False) -> bool:
    """A long line that stops mid-sentence ("... bleiben die") continues in the next one; in
    a hard-wrapped text every line does that does not end a sentence ("… by the Russian")."""
    line = text[paragraph[0]:paragraph[1]].rstrip()
    if wrapped:
        return not line.endswith((".", "!", "?", ":", '"', "”", "“", "»", "«", ")"))
    return len(WORD.findall(line)) >= 5 and line[-1:].isalpha() and line[-1:].islower()


def _hard_wrapped(text: str) -> bool:
    """A wire archive's text broken into lines of 50–80 characters, most of them mid-sentence:
    its line breaks are no paragraphs. (Scraped pages keep a paragraph to a line.)"""
    lines = [line.rstrip() for line in text.splitlines() if line.strip()][:-1]
    if len(lines) < 4:
        return False
    wrapped = [line for line in lines if 45 <= len(line) <= 80]
    unended = [line for line in lines if not line.endswith((".", "!", "?", ":", '"', "”"))]
    # (cut mid-sentence, many lines go on in lower case: a digest of headlines starts each
    # line anew)
    going_on = [line for line in lines[1:] if line[:1].islower()]
    return len(wrapped) >= 0.7 * len(lines) and len(unended) >= 0.5 * len(lines) \
        and len(going_on) >= 0.3 * (len(lines) - 1)


def _looks_like_details(rest: str) -> bool:
    return any(DETAILS_LINE.match(line) for line in rest.splitlines()[:6])


def _parse_details(rest: str) -> dict[str, list[str]]:
    details: dict[str, list[str]] = {}
    key = None
    for raw in rest.splitlines():
        m = DETAILS_LINE.match(raw)
        if m:
            key = m.group("key")
            value = m.group("value")
        elif key and raw.startswith(("\t", " ")):
            value = raw
        else:
            key = None if raw.strip() else key
            continue
        value = value.strip().lstrip("•·*- ").strip()
        if value:
            details.setdefault(key, []).append(value)
    return details


def _is_place_dateline(m: re.Match[str], line: str, is_place: Callable[[str], bool] | None) -> bool:
    """"Riad - Außenministerin …", "Cape Town – A strong …": a known city of one or two words
    before a dash ("Atomstreit - Iran: …" is a topic, "Moskau: Putin sagt …" a speaker, and
    "Washington - and its allies - urged …" an aside between two dashes)."""
    place = m.group("place").strip()
    sentence = re.split(r"[.!?](?:\s|$)", line[m.end():], maxsplit=1)[0]
    return is_place is not None and len(place.split()) <= 2 and not any(c.isdigit() for c in place) \
        and m.group().rstrip().endswith(("-", "–", "—")) and not re.search(r"\s[–—-]\s", sentence) \
        and is_place(place)


def _is_dateline(place: str) -> bool:
    """Uppercase datelines (BERLIN), or "Place, Land"/"Brüssel/Seoul": short and without verbs."""
    words = WORD.findall(place)
    if not words or len(words) > 5:
        return False
    return words[0].isupper() or "/" in place or place.rstrip().endswith(("Land", "Country"))


def split_sentences(text: str, layout: Layout, lang: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for para_index, (start, end) in enumerate(layout.paragraphs):
        chunk_start = start
        for m in SENTENCE_END.finditer(text, start, end):
            if _is_abbreviation(text, m.start(), lang) or _glued_inside_a_word(text, m.end()):
                continue
            _add_sentence(sentences, text, chunk_start, m.end(), para_index)
            chunk_start = m.end()
        _add_sentence(sentences, text, chunk_start, end, para_index)
    return sentences


def _glued_inside_a_word(text: str, end: int) -> bool:
    """A full stop with no space after it ends a sentence only after a plain word: not in
    "www.Spiegel.de", "t-online.Politik" or "U.S.Officials"."""
    if end >= len(text) or text[end].isspace():
        return False
    word = re.search(r"\S*$", text[max(0, end - 41):end - 1])
    return word is None or not word.group().isalpha() or word.group().lower() == "www"


def _is_abbreviation(text: str, dot: int, lang: str) -> bool:
    if text[dot] != ".":
        return False
    before = re.search(r"(\w+)$", text[max(0, dot - 12):dot])
    if not before:
        return False
    word = before.group(1)
    if word.isdigit():  # German ordinals: "am 1. Juli", "der 2. Weltkrieg" — not "Leopard 2. Auch"
        return lang == "de" and len(word) <= 2 and _ordinal_context(text, dot)
    return fold(word) in ABBREVIATIONS or (len(word) == 1 and word.isupper())


ORDINAL_BEFORE = re.compile(r"(?:\b(?:am|im|vom|zum|bis|der|die|das|dem|den|des|ab|seit)\s+|^\s*)\d{1,2}$",
                            re.IGNORECASE)
MONTH_AFTER = re.compile(r"\.\s+(?:Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)", re.IGNORECASE)


def _ordinal_context(text: str, dot: int) -> bool:
    """A number with a period is an ordinal before a month name, or after an article or a
    preposition; otherwise the period ends the sentence."""
    return bool(MONTH_AFTER.match(text, dot) or ORDINAL_BEFORE.search(text[max(0, dot - 12):dot]))


def _add_sentence(out: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 3 and WORD.search(text, start, end):
        out.append(Sentence(len(out), start, end, text[start:end], para))


def is_quote_mark(tokens: list[Token], i: int) -> bool:
    """A quotation mark, not an apostrophe: inside "Russia’s" or "don't", or ending a word
    in a possessive or an elision ("Scholz' Sprecher", "the allies' weapons")."""
    token = tokens[i]
    if token.text not in QUOTE_MARKS:
        return False
    if token.text not in ("’", "'"):
        return True
    before = i > 0 and tokens[i - 1].end == token.start
    after = i + 1 < len(tokens) and tokens[i + 1].start == token.end and tokens[i + 1].is_word
    elision = before and not after and tokens[i - 1].is_word \
        and tokens[i - 1].key.endswith(("s", "x", "z", "ß"))
    return not (before and after) and not elision

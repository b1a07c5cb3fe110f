"""Text in, plain data out: `read_article` finds the entities and events an article reports.

Nothing here knows RDF; `geokg.graph` turns the result into triples.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from geokg.extract.dates import find_dates
from geokg.extract.discourse import Discourse
from geokg.extract.events import SentenceReader
from geokg.extract.gazetteer import Gazetteer, load_gazetteer
from geokg.extract.lexicon import load_lexicon
from geokg.extract.mentions import MentionFinder
from geokg.extract.model import Article, Event, EventType, FuzzyDate, Mention, Precision
from geokg.extract.reading import SentenceReading
from geokg.extract.text import detect_language, parse_layout, split_sentences, tokenize

__all__ = ["read_article", "article_id", "Article", "Event", "EventType", "FuzzyDate",
           "Mention", "Precision", "load_gazetteer"]


def article_id(text: str) -> str:
    """Content address of an article: the same text is the same article, whatever its source."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_article(text: str, *, published: dt.date | None = None, lang: str | None = None,
                 url: str | None = None, title: str | None = None,
                 gazetteer: Gazetteer | None = None, content_id: str | None = None) -> Article:
    """Read one article. `content_id` is its `article_id` when the caller hashed the text
    already (ingest does, for the graph's gk:contentHash): the text is hashed once."""
    gaz = gazetteer or load_gazetteer()
    lang = lang or detect_language(text)
    layout = parse_layout(text, lambda name: _city(gaz, name))
    article = Article(id=content_id or article_id(text), text=text, lang=lang, title=title or layout.title,
                      published=published, url=url, sources=layout.details.get("Quellen", []))
    article.sentences = split_sentences(text, layout, lang)
    article.place = _default_place(gaz, layout.details.get("Ort", []) + [layout.dateline_place or ""])
    lex = load_lexicon(lang)
    finder = MentionFinder(gaz, lex, published)
    headline = len(article.sentences) > 1 and not article.sentences[0].text.rstrip().endswith(".")
    if layout.title or headline:
        finder.look_ahead([(s, tokenize(s.text, s.start, lang)) for s in article.sentences[1:3]])
    reader = SentenceReader(gaz, lex)
    dated = find_dates(layout.dateline, lang, published) if layout.dateline else []
    discourse = Discourse(gaz, published, dated[0].date if dated else None,
                          generic_topic=lex.word_class("generic_topic"))
    last_day: dt.date | None = None  # the last day told, for "am Tag danach"
    for sentence in article.sentences:
        tokens = tokenize(sentence.text, sentence.start, lang)
        found = finder.find(sentence, tokens)
        article.mentions.extend(f.mention for f in found)
        dates = find_dates(sentence.text, lang, published, last_day)
        days = [d.date.value for d in dates if d.date.precision is Precision.DAY]
        last_day = days[-1] if days else last_day
        reading = SentenceReading(sentence, tokens, found, dates, day=published or dt.date.today())
        for candidate in reader.read(reading):
            candidate.event.place = candidate.event.place or article.place
            discourse.add(candidate)
        if reader.refers_to_a_call(reading):
            partnered = any(t.key in lex.word_class("partner_prep") for t in tokens)
            discourse.talks_were_a_call(sentence, dated=bool(dates), sides=reader.sides_told(reading),
                                        days=[d.date for d in dates], partnered=partnered)
        discourse.saw_sentence(sentence, reader.sides_told(reading),
                               [f.mention.entity for f in found], [d.date for d in reading.dates],
                               reader.anchored(reading),
                               opening=[f.mention.entity for f in found if f.actor and f.first <= 3],
                               earlier=reader.told_earlier(reading),
                               continuing=any(t.key in lex.word_class("continuing") for t in tokens),
                               chained=any(d.chained for d in dates),
                               receiving=reader.aid_conference_for(reading))
    article.events = discourse.finish(finder.elected)
    return article


def _city(gaz: Gazetteer, name: str) -> bool:
    """Whether a name is a city of the gazetteer ("Riad", "Cape Town"; not "Die Türkei")."""
    key = tuple(t.key for t in tokenize(name, lang="en"))
    return any(gaz.entities[e.entity].kind == "city" for e in gaz.names.get(key, []))


def _default_place(gaz: Gazetteer, names: list[str]) -> str | None:
    """The first gazetteer place in the "Ort" line or the dateline ("MINSK", "Ukraine, Land")."""
    for name in names:
        for part in name.replace("/", ",").split(","):
            key = tuple(t.key for t in tokenize(part.strip(), lang="en"))
            entries = gaz.names.get(key, [])
            places = [e for e in entries if gaz.entities[e.entity].kind in ("city", "state", "region")]
            if places:
                return places[0].entity
    return None

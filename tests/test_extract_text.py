"""Layout, language, sentences, dates and entity mentions: the ground events stand on."""

from __future__ import annotations

import datetime as dt

import pytest

from geokg.extract import read_article
from geokg.extract.dates import find_dates
from geokg.extract.model import Precision
from geokg.extract.text import detect_language, parse_layout, split_sentences

SEED_LIKE = """

Gipfel in Genf: Biden trifft Putin

Joe Biden und Wladimir Putin haben sich am 16. Juni 2021 in Genf getroffen.

Schweiz, Land - Das Treffen dauerte knapp vier Stunden. Der U.S.-Präsident sprach von einem guten Gespräch.

Details\t
Vorfall	Treffen
Ort	Genf, Schweiz
Quellen	• www.example.org
	www.example.com

Besuchen Sie uns auf: example-news.at"""


def test_details_block_gives_sources_and_place_and_is_not_read_as_text() -> None:
    article = read_article(SEED_LIKE, published=dt.date(2021, 6, 17))
    assert article.sources == ["www.example.org", "www.example.com"]
    assert article.place == "geneva"
    assert article.title == "Gipfel in Genf: Biden trifft Putin"
    assert not any("Quellen" in s.text or "Besuchen" in s.text for s in article.sentences)


@pytest.mark.parametrize("dateline,place", [
    ("BERLIN (dpa) – Scholz reiste am Montag nach Paris.", "berlin"),
    ("WASHINGTON, June 3 (Reuters) - Biden met Zelenskiy on Monday.", "washington-dc"),
    ("KYIV/MOSCOW, Nov 6 - Iran admitted sending drones.", "kyiv"),
])
def test_datelines_become_the_default_place_and_leave_the_text(dateline: str, place: str) -> None:
    article = read_article("Headline\n\n" + dateline, published=dt.date(2023, 6, 5))
    assert article.place == place
    assert article.sentences[-1].text[0] not in "(–-"
    assert all(m.how != "metonym" or m.start > dateline.index(" ") for m in article.mentions)


def test_language_is_detected_per_article() -> None:
    assert detect_language("Der Kanzler telefonierte am Dienstag mit dem Präsidenten.") == "de"
    assert detect_language("The chancellor spoke by phone with the president on Tuesday.") == "en"
    # names alone tie the stop-word model; the articles decide
    assert detect_language("China claims the Spratly Islands.") == "en"
    assert detect_language("Die USA und China.") == "de"


def test_sentences_do_not_break_at_ordinals_or_abbreviations() -> None:
    text = ("Headline\n\nAm 1. Juli 2025 sprach er mit dem U.S. President. Die Gespräche "
            "sollen z.B. in Genf stattfinden. Sept. 15 was the date.")
    layout = parse_layout(text)
    sentences = [s.text for s in split_sentences(text, layout, "de")]
    assert sentences[1] == "Am 1. Juli 2025 sprach er mit dem U.S. President."
    assert len(sentences) == 4


@pytest.mark.parametrize("text,lang,published,expected,precision", [
    ("The EU offered aid earlier this month.", "en", "2014-03-25", "2014-03-01", Precision.MONTH),
    ("Sie trafen sich im vergangenen Monat.", "de", "2014-03-25", "2014-02-01", Precision.MONTH),
    ("Sweden applied to join NATO in May last year.", "en", "2023-07-11", "2022-05-01",
     Precision.MONTH),
    ("Das Abkommen wurde Ende vergangenen Jahres geschlossen.", "de", "2014-03-25", "2013-01-01",
     Precision.YEAR),
    ("The talks resumed in mid-March.", "en", "2014-03-25", "2014-03-01", Precision.MONTH),
    ("am Freitag", "de", "2024-11-16", "2024-11-15", Precision.DAY),
    ("am Samstag", "de", "2024-11-16", "2024-11-16", Precision.DAY),
    ("gestern", "de", "2024-11-16", "2024-11-15", Precision.DAY),
    ("on Tuesday", "en", "2022-07-24", "2022-07-19", Precision.DAY),
    ("yesterday", "en", "2022-07-24", "2022-07-23", Precision.DAY),
    ("am 1. Dezember", "de", "2023-12-15", "2023-12-01", Precision.DAY),
    ("im Dezember", "de", "2023-03-15", "2022-12-01", Precision.MONTH),
    ("Anfang April", "de", "2023-04-27", "2023-04-01", Precision.MONTH),
    ("Anfang 2025", "de", "2025-07-01", "2025-01-01", Precision.YEAR),
    ("in March 2014", "en", "2022-10-01", "2014-03-01", Precision.MONTH),
    ("on Sept. 15", "en", "2021-09-23", "2021-09-15", Precision.DAY),
    ("July 1, 2025", "en", "2025-07-03", "2025-07-01", Precision.DAY),
    ("am 22.01.2019", "de", "2024-05-15", "2019-01-22", Precision.DAY),
    ("am 3.2.2021", "de", "2024-05-15", "2021-02-03", Precision.DAY),
    ("last March", "en", "2024-05-15", "2024-03-01", Precision.MONTH),
    ("last March", "en", "2024-03-15", "2023-03-01", Precision.MONTH),
    ("im vergangenen Oktober", "de", "2024-05-15", "2023-10-01", Precision.MONTH),
    ("the day before yesterday", "en", "2024-05-15", "2024-05-13", Precision.DAY),
    ("two days earlier", "en", "2024-05-15", "2024-05-13", Precision.DAY),
    ("zwei Tage zuvor", "de", "2024-05-15", "2024-05-13", Precision.DAY),
    ("am Vortag", "de", "2024-05-15", "2024-05-14", Precision.DAY),
    ("vor drei Tagen", "de", "2024-05-15", "2024-05-12", Precision.DAY),
    ("12 days ago", "en", "2024-05-15", "2024-05-03", Precision.DAY),
    ("vor zwei Wochen", "de", "2024-05-15", "2024-05-01", Precision.MONTH),
    ("three weeks ago", "en", "2024-05-15", "2024-04-01", Precision.MONTH),
    ("the day before  yesterday", "en", "2024-05-15", "2024-05-13", Precision.DAY),
])
def test_dates_explicit_and_relative(text: str, lang: str, published: str, expected: str,
                                     precision: Precision) -> None:
    found = find_dates(f"Es geschah {text}." if lang == "de" else f"It happened {text}.", lang,
                       dt.date.fromisoformat(published))
    assert [(d.date.value.isoformat(), d.date.precision) for d in found] == [(expected, precision)]


def test_since_does_not_date_an_event() -> None:
    assert find_dates("erstmals seit Dezember 2022", "de", dt.date(2024, 11, 16)) == []
    assert find_dates("the first time since 2019", "en", dt.date(2024, 11, 16)) == []


def test_may_the_month_is_not_confused_with_may_the_verb() -> None:
    assert find_dates("Talks may resume soon.", "en", dt.date(2024, 5, 20)) == []


@pytest.mark.parametrize("text,published,entity", [
    ("Russlands Präsident sprach.", "2024-01-10", "vladimir-putin"),
    ("Der Kremlchef sprach.", "2024-01-10", "vladimir-putin"),
    ("Chinas Staatschef sprach.", "2024-01-10", "xi-jinping"),
    ("The French president spoke.", "2016-01-10", "francois-hollande"),
    ("The French president spoke.", "2024-01-10", "emmanuel-macron"),
    ("Die Bundeskanzlerin sprach.", "2019-01-10", "angela-merkel"),
    ("Moskau warnte.", "2024-01-10", "russia"),
    ("The White House warned.", "2024-01-10", "united-states"),
    ("Peking warnte.", "2024-01-10", "china"),
    ("Die Regierung in Kiew warnte.", "2024-01-10", "ukraine"),
    ("Erdoğan warnte.", "2024-01-10", "recep-tayyip-erdogan"),
    ("Erdogan warned.", "2024-01-10", "recep-tayyip-erdogan"),
    ("Die Lage der Ukraine bleibt schwierig.", "2024-01-10", "ukraine"),
    ("Donezk und Donetsk sind dieselbe Region.", "2024-01-10", "donetsk-oblast"),
])
def test_mentions_names_titles_metonyms_inflections(text: str, published: str, entity: str) -> None:
    article = read_article(text, published=dt.date.fromisoformat(published))
    assert entity in {m.entity for m in article.mentions}


def test_a_capital_after_in_is_a_place_not_the_state() -> None:
    article = read_article("Biden traf Xi in Peking.", published=dt.date(2024, 1, 10))
    assert ("beijing", "place") in {(m.entity, m.how) for m in article.mentions}


def test_pronouns_and_short_names_refer_to_the_leader_named_before() -> None:
    text = "Nordkoreas Machthaber Kim Jong Un empfing Putin. Kim lobte den Besuch. Er sprach lange."
    article = read_article(text, published=dt.date(2024, 6, 20))
    by_text = {m.text: m.entity for m in article.mentions}
    assert by_text["Kim"] == "kim-jong-un"
    assert by_text["Er"] == "kim-jong-un"


def test_days_counted_back_from_the_sentences_own_day() -> None:
    """"…on Sunday, a day after they agreed": the agreement is Saturday's; a fronted "Einen
    Tag nach dem Gipfel" counts from an unknown day and dates nothing."""
    found = find_dates("The truce held on Sunday, a day after they agreed to it.", "en",
                       dt.date(2025, 5, 14))
    assert [d.date.value.isoformat() for d in found] == ["2025-05-11", "2025-05-10"]
    assert find_dates("Einen Tag nach dem Gipfel telefonierte Scholz mit Biden.", "de",
                      dt.date(2025, 5, 14)) == []
    # "…, two days after the summit" with no day of its own dates neither event
    assert find_dates("Scholz spoke with Biden, two days after the summit.", "en",
                      dt.date(2025, 5, 14)) == []
    # "ago" counts from the day of the report, not from another date in the sentence
    found = find_dates("The summit on June 3 was agreed two days ago.", "en", dt.date(2025, 6, 20))
    assert [d.date.value.isoformat() for d in found] == ["2025-06-03", "2025-06-18"]
    assert find_dates("They met twenty-two days ago.", "en", dt.date(2025, 6, 20)) == []


def test_a_subheading_before_a_blank_line_is_a_sentence_of_its_own() -> None:
    from geokg.extract.text import parse_layout, split_sentences
    text = ("Der Kanzler sprach am Mittwoch im Bundestag über den Haushalt.\n\n"
            "Zwei Minister bitten um ihre Entlassung\n\n"
            "Der Justizminister hat den Kanzler offiziell um seine Entlassung gebeten.")
    sentences = [s.text for s in split_sentences(text, parse_layout(text), "de")]
    assert "Zwei Minister bitten um ihre Entlassung" in sentences


def test_a_date_of_what_a_range_starts_from_dates_no_event() -> None:
    import datetime as dt

    from geokg.extract.dates import find_dates
    assert find_dates("Es ist der zweite Besuch Merkels bei Trump seit dessen Amtsübernahme im "
                      "Januar 2017.", "de", dt.date(2018, 4, 27)) == []
    assert find_dates("It was their first meeting since the summit in June 2021.", "en",
                      dt.date(2024, 4, 27)) == []
    assert len(find_dates("Scholz traf Macron im Januar 2024.", "de", dt.date(2024, 4, 27))) == 1


# A wire archive's text, hard-wrapped as such archives keep it (our own sentences).
WRAPPED = (
    "SUVA, March 3 Japan will give four patrol boats to\n"
    "Fiji to help it watch its fishing grounds, the Japanese foreign\n"
    "minister said on Tuesday, as Tokyo deepens its ties with the\n"
    "Pacific island states.\n"
    "The boats, worth about 300 million yen, would come with\n"
    "training for the crews of the Fijian navy, a spokesman for\n"
    "the ministry in Tokyo told reporters after the talks.\n"
)


def test_a_hard_wrapped_text_is_read_sentence_by_sentence() -> None:
    layout = parse_layout(WRAPPED)
    sentences = [" ".join(s.text.split()) for s in split_sentences(WRAPPED, layout, "en")]
    assert layout.title is None and layout.dateline == "SUVA, March 3"
    assert sentences[0] == ("Japan will give four patrol boats to Fiji to help it watch its fishing grounds, "
                            "the Japanese foreign minister said on Tuesday, as Tokyo deepens its ties with "
                            "the Pacific island states.")
    assert len(sentences) == 2


def test_short_lines_of_a_page_stay_paragraphs() -> None:
    # (scraped pages keep a paragraph to a line; a headline before a blank line stays one)
    text = ("Japan gives Fiji patrol boats\n\nJapan will give four patrol boats to Fiji, the foreign "
            "minister said on Tuesday in Tokyo after talks with his Fijian counterpart.\n"
            "Photo: a patrol boat\nThe boats come with training.\n")
    layout = parse_layout(text)
    assert layout.title == "Japan gives Fiji patrol boats"
    assert [" ".join(s.text.split()) for s in split_sentences(text, layout, "en")][2:] == [
        "Photo: a patrol boat", "The boats come with training."]


@pytest.mark.parametrize("line, dateline", [
    ("Riad - Außenministerin Baerbock hat Syrien Hilfe zugesagt.", "Riad -"),
    ("Cape Town – A strong commitment was made on Monday.", "Cape Town –"),
    # a topic before a dash, a speaker before a colon: no datelines
    ("Atomstreit - Iran weist die Vorwürfe zurück.", None),
    ("Moskau: Putin sagt, er sei zu Gesprächen bereit.", None),
])
def test_a_known_place_before_a_dash_is_a_dateline(line: str, dateline: str | None) -> None:
    text = "Überschrift\n\n" + line
    assert parse_layout(text, lambda name: name in ("Riad", "Cape Town", "Moskau")).dateline == dateline


def test_a_digest_of_headlines_is_no_wrapped_text() -> None:
    # (lines of 45-80 characters that end without a full stop, each starting anew)
    text = ("Zelenskiy meets the chief of NATO in Kyiv on Monday, May 6\n"
            "Macron hosts Xi for talks on trade and tariffs with the EU\n"
            "Scholz welcomes Modi for consultations on Tuesday, May 7\n"
            "Biden speaks with Netanyahu by phone about aid from the UN\n"
            "Putin and Xi sign a partnership pact on Thursday, May 16\n")
    assert len(parse_layout(text).paragraphs) == 5


def test_an_aside_between_dashes_is_no_dateline() -> None:
    text = "Überschrift\n\nWashington - and its allies - urged China to stop the drills."
    assert parse_layout(text, lambda name: name == "Washington").dateline is None

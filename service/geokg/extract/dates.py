"""Dates in news text, explicit or relative to the published date, with their precision.

Month and weekday names come from babel's CLDR data, so both languages (and their
abbreviations) are covered without word lists of our own. Dates introduced by "seit"/"since"
and similar are ranges that began earlier; they never date an event.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import get_day_names, get_month_names

from geokg.extract.model import FuzzyDate, Precision
from geokg.extract.text import fold


@dataclass(frozen=True)
class DateMention:
    date: FuzzyDate
    start: int  # offsets in the sentence text
    end: int
    chained: bool = False  # counted from a day told before ("am Tag danach")
    #: where the treaty whose year this is is named ("the 1974 agreement"), or -1: a
    #: treaty's year dates that treaty only
    treaty_at: int = -1


#: Words that make the date after them the end or start of a span, not an event's day; whole
#: words only ("Sie gab am Montag bekannt" is no "ab am Montag").
NOT_EVENT_DATE = {
    "de": r"\b(?:seit|bis|ab|vor|nach|zuvor|bereits seit)",
    "en": r"\b(?:since|until|till|before|after|by|from)",
}
RELATIVE_DAYS = {
    "de": {"heute": 0, "gestern": -1, "vorgestern": -2},
    "en": {"the day before yesterday": -2, "today": 0, "yesterday": -1},
}
# "two days earlier", "zwei Tage zuvor", "am Vortag" count back from the sentence's own day
# (else the published day); "three days ago" from the published day; "…, a day after they
# agreed" only from a day the sentence names ("on Sunday, a day after …")
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
           "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "ein": 1, "einen": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
           "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10}
# (not "twenty-two")
_COUNT = {"de": r"(?<![-\w])(?:einen|ein|einem|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|\d{1,2})",
          "en": r"(?<![-\w])(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"}
DAYS_BACK = {
    "de": rf"\b(?P<earlier>{_COUNT['de']})\s+Tage?n?\s+(?:zuvor|vorher|davor)"
          rf"|\bvor\s+(?P<ago>{_COUNT['de']})\s+Tage?n\b"
          rf"|(?<=,\s)(?P<after>{_COUNT['de']})\s+Tage?n?\s+nach"
          r"|(?P<eve>am\s+Vortag|am\s+Tag\s+zuvor|tags\s+zuvor)",
    "en": rf"\b(?P<earlier>{_COUNT['en']})\s+days?\s+earlier"
          rf"|\b(?P<ago>{_COUNT['en']})\s+days?\s+ago"
          rf"|(?:(?<=,\s)|(?:came|comes|followed)\s+)(?P<after>{_COUNT['en']})\s+days?\s+after"
          r"|(?P<eve>the\s+previous\s+day)",
}
# "am Tag danach", "the next day": the day after the last day the article told before
NEXT_DAY = {
    "de": r"am\s+Tag\s+danach|tags\s+darauf|am\s+Folgetag"
          r"|am\s+(?:nächsten|folgenden|darauffolgenden)\s+Tag",
    "en": r"the\s+(?:next|following)\s+day|a\s+day\s+later",
}
# "vor zwei Wochen", "three weeks ago": known only to the month it falls in
WEEKS_BACK = {
    "de": rf"\bvor\s+(?P<weeks>{_COUNT['de']}|einer)\s+Wochen?",
    "en": rf"\b(?P<weeks>{_COUNT['en']})\s+weeks?\s+ago",
}
# "five years ago", "vor fünf Jahren": known only to the year it falls in
YEARS_BACK = {
    "de": rf"\bvor\s+(?P<years>{_COUNT['de']})\s+Jahre?n?",
    "en": rf"\b(?P<years>{_COUNT['en']})\s+years?\s+ago",
}
# "last week": seven days back, known only to its month
LAST_WEEK = {"de": r"(?:vergangene|letzte|vorige)[nr]?\s+Woche", "en": r"last\s+week"}
# "earlier this month", "im vergangenen Monat", "Ende vergangenen Jahres": a period counted
# back from the published date, known to its month or year
_EDGE = {"de": r"(?:(?:Anfang|Mitte|Ende|Beginn)\s+)?", "en": r"(?:(?:earlier|later|early|late)\s+)?"}
_PAST = {"de": r"(?:vergangene[nms]?|letzte[nms]?|vorige[nms]?)", "en": r"(?:last|past)"}
RELATIVE_PERIODS = {
    "de": {
        "this_month": rf"{_EDGE['de']}(?:dieses|des)\s+Monats|in\s+diesem\s+Monat",
        "last_month": rf"(?:im\s+)?{_PAST['de']}\s+Monat|{_EDGE['de']}(?:des\s+)?{_PAST['de']}\s+Monats",
        "this_year": rf"{_EDGE['de']}dieses\s+Jahres|(?:in\s+)?diesem\s+Jahr|dieses\s+Jahr",
        "last_year": rf"(?:im\s+)?{_PAST['de']}\s+Jahr|{_EDGE['de']}(?:des\s+)?{_PAST['de']}\s+Jahres",
    },
    "en": {
        "this_month": rf"{_EDGE['en']}this\s+month",
        "last_month": rf"{_EDGE['en']}last\s+month",
        "this_year": rf"{_EDGE['en']}this\s+year",
        "last_year": rf"{_EDGE['en']}last\s+year",
    },
}
LAST_YEAR = {"de": r"(?:des\s+)?(?:vergangenen|letzten|vorigen)\s+Jahres", "en": r"last\s+year"}
#: The year of a treaty named with it ("the 1974 disengagement agreement", "the treaty of 1922",
#: "das Abkommen von 1974"): when that treaty was concluded, not a span's start. Each pattern
#: marks the treaty's noun (`treaty`), so the year dates that noun's event only; `_patterns`
#: puts the year's group where "{year}" stands. An annexation's year dates it as well ("Israel's
#: 1981 annexation of the Golan").
_TREATY_EN = r"(?P<treaty>treaty|treaties|agreement|agreements|accord|accords|deal|pact|declaration|" \
    r"memorandum|ceasefire|truce|armistice|convention|protocol|annexation|seizure)"
_TREATY_DE = r"(?P<treaty>\w*(?:abkommen|vertrag|vertrags|vertrages|vereinbarung|pakt|paktes|erklärung|" \
    r"waffenstillstand|waffenstillstands|waffenruhe|deal|deals|memorandum|annexion))"
# (after "of"/"from" the year ends the phrase: not "an agreement from 2023 talks", "from 2024 onwards")
_YEAR_ENDS = r"(?=\s*(?:[,.;:)]|$)|\s+(?:that|which|between|with|and|in|at|on|by|under|to|for|" \
    r"was|were|is|has|had|still|remains|expired|signed)\b)"
#: A year as news names one (1900–2099).
YEAR_DIGITS = r"(?:19|20)\d\d"


def year_named(word: str) -> FuzzyDate | None:
    """The year a word is ("since 1962"), where no date pattern reads it."""
    return FuzzyDate(dt.date(int(word), 1, 1), Precision.YEAR) \
        if re.fullmatch(YEAR_DIGITS, word) else None


TREATY_YEAR = {
    "en": ("{year}(?=\\s+(?:[\\w-]+\\s+){0,3}" + _TREATY_EN + "\\b)",
           "(?<=\\s)" + _TREATY_EN + "\\s+(?:of|from)\\s+{year}" + _YEAR_ENDS),
    "de": ("(?<=\\s)" + _TREATY_DE + "\\s+(?:von|aus\\s+dem\\s+Jahre?)\\s+{year}",),
}
PERIOD_WORDS = {
    "de": r"(?:Anfang|Mitte|Ende|Beginn|Frühjahr|Herbst|Sommer|Winter)",
    "en": r"(?:early|mid|late|the end of|the beginning of|the start of)",
}


@lru_cache(maxsize=2)
def _names(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    months: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale=lang).items():
            months[fold(name).rstrip(".")] = number
    if lang == "en":
        months["sept"] = 9
    days = {fold(name): number for number, name in get_day_names("wide", locale=lang).items()}
    return months, days


@lru_cache(maxsize=2)
def calendar_words(lang: str) -> frozenset[str]:
    """Month and weekday names (folded): capitalized words that name no person."""
    months, days = _names(lang)
    return frozenset(months) | frozenset(days)


@lru_cache(maxsize=2)
def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    months, days = _names(lang)
    month = "(?P<month>" + "|".join(sorted(map(re.escape, months), key=len, reverse=True)) + r")\.?"
    day_name = "(?P<weekday>" + "|".join(sorted(days, key=len, reverse=True)) + ")"
    year = rf"(?P<year>{YEAR_DIGITS})"
    relative_days = sorted(RELATIVE_DAYS[lang], key=len, reverse=True)  # longest first
    rel = "(?P<relative>" + "|".join(relative_days).replace(" ", r"\s+") + ")"
    period = "(?:" + PERIOD_WORDS[lang] + r"(?:\s+|-)(?:des\s+Jahres\s+)?)"
    found = [
        ("day", rf"(?P<day>[0-3]?\d)\.?\s+{month}(?:\s+{year})?"),
        ("day", rf"{month}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{year})?"),
        # "am 22.01.2019", "22.1.2019": the German numeric form, day first
        ("numeric", rf"(?P<day>[0-3]?\d)\.(?P<month_number>[01]?\d)\.{year}"),
        # "last March", "im vergangenen März": the latest such month before the report
        ("last_month_name", rf"(?:im\s+)?{_PAST[lang]}\s+{month}"),
        ("year_only", rf"{period}{year}"),
        ("month", rf"(?:{period})?{month}(?:\s+{year}|\s+(?P<last_year>{LAST_YEAR[lang]}))?"),
        ("weekday", rf"{day_name}(?:abend|morgen|nachmittag|vormittag|nacht|night|morning|evening)?"),
        ("relative", rel),
        ("last_week", LAST_WEEK[lang]),
        ("days_back", DAYS_BACK[lang]),
        ("next_day", NEXT_DAY[lang]),
        ("weeks_back", WEEKS_BACK[lang]),
        ("years_back", YEARS_BACK[lang]),
        ("year", rf"(?:im\s+Jahr|in|im|in\s+the\s+year)\s+{year}"),
        *(("treaty_year", rx.replace("{year}", year)) for rx in TREATY_YEAR[lang]),
        *RELATIVE_PERIODS[lang].items(),
    ]
    return [(kind, re.compile(rf"\b{rx}\b", re.IGNORECASE)) for kind, rx in found]


@lru_cache(maxsize=2)
def _needs(lang: str) -> dict[str, tuple[str, ...]]:
    """Words (folded) one of which a sentence must hold for a kind of date to be looked for:
    most sentences have no date, and running every pattern on them was a third of reading."""
    months, days = _names(lang)
    period = ("monat", "month", "jahr", "year")
    return {"month": tuple(months), "last_month_name": tuple(months), "weekday": tuple(days),
            "relative": tuple(fold(k).split()[-1] for k in RELATIVE_DAYS[lang]),
            "last_week": ("woche", "week"), "weeks_back": ("woche", "week"), "years_back": ("jahr", "year"),
            "days_back": ("tag", "day"), "next_day": ("tag", "day"),
            "this_month": period, "last_month": period,
            "this_year": period, "last_year": period}


def find_dates(text: str, lang: str, published: dt.date | None,
               told_before: dt.date | None = None) -> list[DateMention]:
    """Every event-dating expression in a sentence, in text order, overlaps resolved;
    `told_before` is the last day the article named before the sentence ("Am 1. Juli …
    Am Tag danach …")."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    counted_back: list[re.Match[str]] = []
    folded, digits = fold(text), any(ch.isdigit() for ch in text)
    needs = _needs(lang)
    for kind, rx in _patterns(lang):
        words = needs.get(kind)
        if (not digits if words is None else not any(w in folded for w in words)):
            continue  # "day", "numeric", "year" need a digit; the others a word of their own
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            if kind == "days_back":
                counted_back.append(m)
                continue
            if kind == "next_day":
                after = told_before + dt.timedelta(days=1) if told_before else None
                if after and (published is None or after <= published):
                    found.append(DateMention(FuzzyDate(after, Precision.DAY), m.start(), m.end(), True))
                continue
            date = _resolve(kind, m, lang, published)
            # (a treaty's year names the treaty: "created by the 1974 agreement" is no "by 1974")
            if date and kind != "treaty_year" and _introduced_by_range_word(text, m.start(), lang):
                date = _since_recent_day(date, kind, text, m.start(), lang, published)
            if date:
                # (a treaty's year spans the year alone: its noun stays a word to read)
                treaty = kind == "treaty_year"
                span = m.span("year") if treaty else m.span()
                found.append(DateMention(date, *span, treaty_at=m.start("treaty") if treaty else -1))
    found += [d for m in counted_back if (d := _days_back(m, found, published))]
    return sorted(found, key=lambda d: d.start)


def _days_back(m: re.Match[str], found: list[DateMention], published: dt.date | None) -> DateMention | None:
    """The day some days before the sentence's own day-precise date, or before the published
    day (news counts from the day it reports); "…, a day after …" needs the sentence's own."""
    days = [d.date.value for d in found if d.date.precision is Precision.DAY]
    if m.group("ago") or not days:
        reference = None if m.group("after") else published
    else:
        reference = days[0]
    if reference is None:
        return None
    count = m.group("earlier") or m.group("ago") or m.group("after")
    back = 1 if m.group("eve") else (int(count) if count.isdigit() else _COUNTS[fold(count)])
    return DateMention(FuzzyDate(reference - dt.timedelta(days=back), Precision.DAY), m.start(), m.end())


def _since_recent_day(date: FuzzyDate, kind: str, text: str, start: int, lang: str,
                      published: dt.date | None) -> FuzzyDate | None:
    """"seit Mittwochabend beraten": an event running from a recent day until the report is
    known only to the period covering both ends (the month, or the year)."""
    since = {"de": r"seit\s*$", "en": r"since\s*$"}[lang]
    if kind not in ("weekday", "relative") or published is None or not re.search(
            since, text[max(0, start - 8):start], re.IGNORECASE):
        return None
    if (date.value.year, date.value.month) == (published.year, published.month):
        return FuzzyDate(date.value.replace(day=1), Precision.MONTH)
    return FuzzyDate(dt.date(date.value.year, 1, 1), Precision.YEAR)


def _introduced_by_range_word(text: str, start: int, lang: str) -> bool:
    before = text[max(0, start - 30):start]
    filler = r"(?:\s+(?:the|dem|der|den|einem|einer|Mitte|Ende|Anfang|early|late|mid|am|on))?"
    if re.search(NOT_EVENT_DATE[lang] + filler + r"\s*$", before, re.IGNORECASE):
        return True
    # "seit dessen Amtsübernahme im Januar 2016", "since his inauguration in January": the
    # date of what the range starts from
    since = {"de": r"\bseit(?:\s+\w+){1,3}\s+(?:im|am|vom|in)\s*$",
             "en": r"\bsince(?:\s+\w+){1,3}\s+(?:in|on|of)\s*$"}[lang]
    return re.search(since, text[max(0, start - 50):start], re.IGNORECASE) is not None


def _resolve(kind: str, m: re.Match[str], lang: str, published: dt.date | None) -> FuzzyDate | None:
    months, days = _names(lang)
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    try:
        if kind == "day":
            month = months[fold(groups["month"]).rstrip(".")]
            y = year or _year_for(month, published)
            return FuzzyDate(dt.date(y, month, int(groups["day"])), Precision.DAY) if y else None
        if kind == "month":
            if not year and not _month_word_is_date(m, lang):
                return None
            month = months[fold(groups["month"]).rstrip(".")]
            y = year or _year_for(month, published)
            if groups.get("last_year") and published:  # "im Mai vergangenen Jahres"
                y = published.year - 1
            return FuzzyDate(dt.date(y, month, 1), Precision.MONTH) if y else None
        if kind == "numeric":
            return FuzzyDate(dt.date(int(groups["year"]), int(groups["month_number"]), int(groups["day"])),
                             Precision.DAY)
        if kind == "last_month_name" and published:
            month = months[fold(groups["month"]).rstrip(".")]
            y = published.year if month < published.month else published.year - 1
            return FuzzyDate(dt.date(y, month, 1), Precision.MONTH)
        if kind in ("year", "year_only", "treaty_year"):
            return FuzzyDate(dt.date(int(groups["year"]), 1, 1), Precision.YEAR)
    except (KeyError, ValueError):
        return None
    if published is None:
        return None
    if kind == "weekday":
        weekday = days[fold(groups["weekday"])]
        back = (published.weekday() - weekday) % 7
        return FuzzyDate(published - dt.timedelta(days=back), Precision.DAY)
    if kind == "weeks_back":
        count = fold(groups["weeks"])
        weeks = int(count) if count.isdigit() else _COUNTS[count]
        return FuzzyDate((published - dt.timedelta(weeks=weeks)).replace(day=1), Precision.MONTH)
    if kind == "years_back":
        count = fold(groups["years"])
        years = int(count) if count.isdigit() else _COUNTS[count]
        return FuzzyDate(dt.date(published.year - years, 1, 1), Precision.YEAR)
    if kind == "last_week":
        return FuzzyDate((published - dt.timedelta(days=7)).replace(day=1), Precision.MONTH)
    if kind == "relative":
        delta = RELATIVE_DAYS[lang][" ".join(fold(groups["relative"]).split())]  # "the day  before"
        return FuzzyDate(published + dt.timedelta(days=delta), Precision.DAY)
    return _relative_period(kind, published)


def _relative_period(kind: str, published: dt.date) -> FuzzyDate | None:
    month_start = published.replace(day=1)
    if kind == "this_month":
        return FuzzyDate(month_start, Precision.MONTH)
    if kind == "last_month":
        return FuzzyDate((month_start - dt.timedelta(days=1)).replace(day=1), Precision.MONTH)
    if kind == "this_year":
        return FuzzyDate(dt.date(published.year, 1, 1), Precision.YEAR)
    if kind == "last_year":
        return FuzzyDate(dt.date(published.year - 1, 1, 1), Precision.YEAR)
    return None


def _month_word_is_date(m: re.Match[str], lang: str) -> bool:
    """A bare month name dates only after a preposition ("im März", "in March", "Anfang April");
    otherwise "May" or "März" may be a name or a noun."""
    before = m.string[max(0, m.start() - 12):m.start()]
    preposition = r"(?:im|in|Anfang|Mitte|Ende|seit)\s*$" if lang == "de" else r"(?:in|early|mid|late|of)\s*$"
    return bool(re.search(preposition, before, re.IGNORECASE)) or m.group(0)[:1].isdigit() or bool(
        re.match(PERIOD_WORDS[lang], m.group(0), re.IGNORECASE))


def _year_for(month: int, published: dt.date | None) -> int | None:
    """News reports the past: a month later than the published month was last year's."""
    if published is None:
        return None
    return published.year if month <= published.month else published.year - 1

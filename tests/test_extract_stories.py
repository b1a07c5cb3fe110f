"""Rules that read a story across its sentences (issue 16): which talks were calls, which
occasions are one, who the sides of an event told without them are.

Every text here is our own wording, not a sentence of any corpus, so the tests check that
a rule covers the language rather than fitting an article.
"""

from __future__ import annotations

import datetime as dt

from geokg.extract import read_article
from geokg.extract.model import Article, EventType

CALL, MEETING = EventType.CALL, EventType.MEETING


def read(text: str, published: str) -> Article:
    return read_article(text, published=dt.date.fromisoformat(published))


def told(article: Article) -> list[tuple[EventType, frozenset[str], str | None]]:
    return sorted(((e.type, frozenset(e.participants), e.date.iso() if e.date else None)
                   for e in article.events), key=str)


def test_talks_the_story_later_calls_the_call_were_a_call() -> None:
    story = ("Der chinesische Präsident Xi Jinping und Bundeskanzler Olaf Scholz haben sich am "
             "Mittwoch ausgetauscht.\n\nBeide warnten vor einer Ausweitung der Kämpfe. Ein "
             "Sprecher der Bundesregierung nannte keine Einzelheiten. Es gehe um den Handel und "
             "um Klimafragen. Peking äußerte sich zunächst nicht. Scholz sei mit dem Telefonat "
             "zufrieden gewesen, hieß es.")
    assert told(read(story, "2023-04-07")) == [(CALL, frozenset({"xi-jinping", "olaf-scholz"}), "2023-04-05")]


def test_a_later_call_of_other_sides_is_what_the_reference_points_to() -> None:
    story = ("Olaf Scholz und Emmanuel Macron haben am Mittwoch in Paris beraten. Danach "
             "telefonierte Scholz mit Wolodymyr Selenskyj. Bei dem Telefonat ging es um Waffen.")
    events = told(read(story, "2023-04-07"))
    assert (MEETING, frozenset({"olaf-scholz", "emmanuel-macron"}), "2023-04-05") in events
    assert not any(kind is CALL and "emmanuel-macron" in sides for kind, sides, _ in events)


def test_an_earlier_talk_told_in_the_pluperfect_is_another_occasion() -> None:
    story = ("US-Präsident Joe Biden und Chinas Staatschef Xi Jinping haben am Freitag "
             "telefoniert. Mitte Juli hatten die beiden Präsidenten in einer Video-Schalte "
             "miteinander gesprochen.")
    assert told(read(story, "2022-07-30")) == [
        (CALL, frozenset({"joe-biden", "xi-jinping"}), "2022-07"),
        (CALL, frozenset({"joe-biden", "xi-jinping"}), "2022-07-29")]


def test_an_accord_told_in_the_pluperfect_with_sides_of_its_own_is_another_one() -> None:
    story = ("Kolumbien hat am Donnerstag mit Ecuador ein Abkommen über die Grenze geschlossen. "
             "Peru hatte die Allianz mit Bolivien auch geschmiedet, weil es sich ausgeschlossen sah.")
    assert [frozenset(e.participants) for e in read(story, "2023-11-20").events
            if e.type is EventType.AGREEMENT] == [frozenset({"colombia", "ecuador"}),
                                                  frozenset({"peru", "bolivia"})]


def test_a_joint_supply_told_again_supplier_by_supplier_is_those_supplies() -> None:
    story = ("Kenia und Ruanda schicken Polizisten nach Haiti.\n\nKenia schickte am Dienstag 400 "
             "Polizisten nach Haiti. Ruanda schickte am Mittwoch 200 Polizisten nach Haiti.")
    supplies = [frozenset(e.participants) for e in read(story, "2024-06-27").events
                if e.type is EventType.SUPPORT]
    assert sorted(supplies, key=sorted) == [frozenset({"kenya"}), frozenset({"rwanda"})]


def test_an_annexation_signed_is_a_claim_on_the_regions_named_after_it() -> None:
    story = ("Russlands Präsident Wladimir Putin hat die Abkommen zur Annexion von zwei ganz oder "
             "teilweise von Moskau kontrollierten Regionen in Georgien unterzeichnet. Die Anführer "
             "der Regionen Abchasien und Südossetien setzten am Freitag ihre Unterschrift unter "
             "die Abkommen.")
    events = read(story, "2026-09-30").events
    assert not [e for e in events if e.type is EventType.AGREEMENT]
    assert sorted(t for e in events if e.type is EventType.TERRITORIAL_CLAIM for t in e.territories) == \
        ["abkhazia", "south-ossetia"]


def test_regions_named_later_for_another_matter_are_not_the_ones_annexed() -> None:
    story = ("Putin signed the treaties annexing two regions of Ukraine. Meanwhile, Russian missiles "
             "hit the Kharkiv region and the Odesa region and the Kyiv region.")
    assert [e for e in read(story, "2022-09-30").events if e.type is EventType.TERRITORIAL_CLAIM] == []


def test_an_earlier_call_a_story_mentions_does_not_make_its_talks_a_call() -> None:
    story = ("Scholz und Macron haben am Mittwoch im Élysée-Palast beraten. Es ging um die Ukraine. "
             "Die beiden aßen zu Abend. Seit dem letzten Telefonat habe sich viel verändert, sagte Macron.")
    assert [e.type for e in read(story, "2024-05-02").events] == [MEETING]


def test_a_joint_supply_of_another_kind_stays_beside_each_one_s_own() -> None:
    story = ("Die USA und Großbritannien sagten der Ukraine am Montag gemeinsam Kampfjets zu. "
             "Zudem liefern die USA der Ukraine Munition. Großbritannien schickt der Ukraine außerdem "
             "Soldaten.")
    supplies = {frozenset(e.participants) for e in read(story, "2024-05-02").events
                if e.type is EventType.SUPPORT}
    assert frozenset({"united-states", "united-kingdom"}) in supplies

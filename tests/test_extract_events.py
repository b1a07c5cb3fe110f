"""Events read from sentences an analyst would recognise, in both languages.

None of these sentences is from the development corpus: they check that the rules cover the
language (other verbs, word orders, titles, metonyms), not that they fit those articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geokg.extract import read_article
from geokg.extract.model import Article, EventType

CALL, MEETING, DEMAND = EventType.CALL, EventType.MEETING, EventType.DEMAND
CLAIM, AGREEMENT, SUPPORT = EventType.TERRITORIAL_CLAIM, EventType.AGREEMENT, EventType.SUPPORT


def read(text: str, published: str = "2023-06-16", lang: str | None = None) -> Article:
    return read_article(text, published=dt.date.fromisoformat(published), lang=lang)


def events(article: Article, kind: EventType) -> list[tuple[frozenset[str], ...]]:
    return [(frozenset(e.participants), frozenset(e.addressees), frozenset(e.territories))
            for e in article.events if e.type is kind]


def sides(article: Article, kind: EventType) -> list[frozenset[str]]:
    return [frozenset(e.participants) for e in article.events if e.type is kind]


@pytest.mark.parametrize("text", [
    "Bundeskanzler Olaf Scholz hat am Dienstag mit Chinas Staatschef Xi Jinping telefoniert.",
    "Scholz und Xi sprachen am Dienstag am Telefon über den Krieg in der Ukraine.",
    "Das Telefongespräch zwischen Scholz und Xi dauerte nach Angaben aus Berlin eine Stunde.",
    "German Chancellor Olaf Scholz spoke by phone with Chinese President Xi Jinping on Tuesday.",
    "Scholz held a phone call with Xi on Tuesday, a government spokesman said.",
])
def test_calls_in_many_phrasings(text: str) -> None:
    article = read(text)
    assert frozenset({"olaf-scholz", "xi-jinping"}) in sides(article, CALL)


def test_a_caller_calling_two_leaders_makes_two_calls_a_conference_one() -> None:
    two = read("Auf dem Rückflug telefonierte Trump mit Japans Ministerpräsidenten Shinzo Abe und "
               "Frankreichs Präsident Emmanuel Macron.", "2019-03-01")
    assert sorted(sides(two, CALL), key=sorted) == [
        frozenset({"donald-trump", "emmanuel-macron"}), frozenset({"donald-trump", "shinzo-abe"})]
    one = read("Merkel, Macron und Putin telefonierten am Dienstag miteinander.", "2019-03-01")
    assert sides(one, CALL) == [frozenset({"angela-merkel", "emmanuel-macron", "vladimir-putin"})]


def test_a_demand_made_during_a_call_keeps_the_call() -> None:
    article = read("French President Emmanuel Macron called for a ceasefire in Ukraine during a "
                   "phone call with Vladimir Putin on Tuesday.", "2025-07-02")
    assert frozenset({"emmanuel-macron", "vladimir-putin"}) in sides(article, CALL)
    assert events(article, DEMAND)[0][1] == frozenset({"vladimir-putin"})


def test_a_confirmation_of_the_call_is_not_a_second_call() -> None:
    article = read("Scholz telefonierte am Dienstag mit Xi. Peking bestätigte das Telefonat.")
    assert len(sides(article, CALL)) == 1


@pytest.mark.parametrize("text", [
    "Ein Telefonat zwischen Scholz und Xi ist nicht geplant.",
    "Scholz lehnte ein Telefonat mit Xi ab.",
    "Scholz könnte nächste Woche mit Xi telefonieren.",
    "Scholz will not speak by phone with Xi, his spokesman said.",
    "A call between Scholz and Xi could take place next week.",
])
def test_calls_that_did_not_happen_are_not_events(text: str) -> None:
    assert sides(read(text), CALL) == []


@pytest.mark.parametrize("text", [
    "Indiens Premierminister Narendra Modi traf am Montag in Paris den französischen Präsidenten "
    "Emmanuel Macron.",
    "Macron empfing Modi am Montag im Élysée-Palast.",
    "Indian Prime Minister Narendra Modi met French President Emmanuel Macron in Paris on Monday.",
])
def test_meetings(text: str) -> None:
    article = read(text)
    assert frozenset({"narendra-modi", "emmanuel-macron"}) in sides(article, MEETING)


def test_a_host_and_the_list_of_guests_meet() -> None:
    article = read("Gastgeber Emmanuel Macron hatte Bundeskanzlerin Angela Merkel, Kremlchef "
                   "Wladimir Putin und den ukrainischen Präsidenten Wolodymyr Selenskyj am Montag "
                   "im Élysée-Palast empfangen.", "2019-12-10")
    assert sides(article, MEETING) == [frozenset({"emmanuel-macron", "angela-merkel",
                                                  "vladimir-putin", "volodymyr-zelenskyy"})]


def test_a_planned_meeting_of_a_listed_group_is_no_meeting() -> None:
    article = read("Am Donnerstag sollen Berater Deutschlands, Frankreichs, Russlands und der "
                   "Ukraine in der Hauptstadt zusammenkommen.", "2022-02-08")
    assert sides(article, MEETING) == []


@pytest.mark.parametrize("text", [
    "U.S. President Joe Biden welcomed the agreement and said he looked forward to working with "
    "the Turkish leader.",
    "Turkey drops objection to Sweden's NATO bid on eve of Vilnius summit",
    "Spanien werde den Austrittsvertrag beim Sondergipfel der EU an diesem Sonntag mittragen.",
])
def test_welcomed_deals_and_summits_ahead_are_no_meetings(text: str) -> None:
    assert sides(read(text), MEETING) == []


@pytest.mark.parametrize("text", [
    "Selenskyj reiste am Sonntag nach Berlin. Bundeskanzler Olaf Scholz empfing ihn mit "
    "militärischen Ehren im Kanzleramt.",
    "Zelenskiy arrived in Berlin on Sunday. Chancellor Olaf Scholz received him with military "
    "honours.",
])
def test_him_is_the_leader_told_before_not_the_subject(text: str) -> None:
    assert sides(read(text, "2023-05-15"), MEETING) == [
        frozenset({"olaf-scholz", "volodymyr-zelenskyy"})]


def test_a_plan_named_after_the_talks_does_not_make_them_planned() -> None:
    article = read("Trump and Xi ended two days of talks at Mar-a-Lago on Friday with an agreement "
                   "on a 100-day plan for trade negotiations.", "2017-04-08")
    assert sides(article, MEETING) == [frozenset({"donald-trump", "xi-jinping"})]


def test_a_visit_counts_the_host_state_as_the_other_side() -> None:
    article = read("Bundeskanzler Scholz besuchte am Freitag Indien.")
    assert any({"olaf-scholz", "india"} <= s for s in sides(article, MEETING))


@pytest.mark.parametrize("text,demander,addressee", [
    ("Der Bundeskanzler forderte Russland auf, seine Truppen abzuziehen.", "olaf-scholz", "russia"),
    ("Macron rief Moskau zu einer Waffenruhe auf.", "emmanuel-macron", "russia"),
    ("Die Europäische Union verlangte von Belarus die Freilassung der Gefangenen.",
     "european-union", None),
    ("U.S. President Joe Biden urged Beijing to rein in North Korea.", "joe-biden", "china"),
    ("The Kremlin called on Kyiv to accept the new realities.", "russia", "ukraine"),
    ("Washington demanded that Tehran release the detained sailors.", "united-states", "iran"),
    # a minister speaks for the state whose office the title names
    ("US-Außenminister Antony Blinken forderte die chinesische Führung am Montag auf, ihren "
     "Einfluss zu nutzen.", "united-states", "china"),
    # a date between the verb and its particle is read past ("called … for")
    ("The European Union called on Monday for an immediate ceasefire.", "european-union", None),
])
def test_demands(text: str, demander: str, addressee: str | None) -> None:
    found = events(read(text), DEMAND)
    assert found, f"no demand in {text!r}"
    participants, addressees, _ = found[0]
    assert demander in participants
    if addressee:
        assert addressee in addressees


@pytest.mark.parametrize("text,demanders,addressee", [
    # what a leader says another side must do is a demand of that side
    ("Merkel sagte am Montag, Russland müsse seine Truppen abziehen.", {"angela-merkel"}, "russia"),
    ("Lula said on Saturday that the United States should stop encouraging the war.",
     {"luiz-inacio-lula-da-silva"}, "united-states"),
    # the subject of the clause that holds the verb, not the one reporting it
    ("Trump sagte vor Journalisten, Kim Jong Un habe die Aufhebung der Sanktionen verlangt.",
     {"kim-jong-un"}, None),
    # a coordinated subject demands together
    ("In a joint statement, Brasilia and Beijing called on developed countries to honour their "
     "pledges.", {"brazil", "china"}, None),
])
def test_demanders_and_reported_obligations(text: str, demanders: set[str],
                                            addressee: str | None) -> None:
    found = events(read(text, "2023-04-17"), DEMAND)
    assert [participants for participants, _, _ in found] == [frozenset(demanders)], found
    if addressee:
        assert found[0][1] == frozenset({addressee})


def test_whose_side_a_leader_speaks_for_is_read_on_the_articles_day() -> None:
    """Rutte led the Dutch government until July 2024 and NATO from October 2024: the same
    words are a demand of NATO on the Netherlands only in an article written after that."""
    text = "Rutte said the Netherlands should raise its defence spending."
    assert events(read(text, "2023-05-10"), DEMAND) == []
    assert events(read(text, "2025-05-10"), DEMAND) == [
        (frozenset({"mark-rutte"}), frozenset({"netherlands"}), frozenset())]


def test_requests_and_demands_of_both_sides() -> None:
    request = read("Am Dienstag beantragte Syrien eine Dringlichkeitssitzung des "
                   "UN-Sicherheitsrats.", "2019-03-27")
    assert events(request, DEMAND) == [(frozenset({"syria"}),
                                        frozenset({"un-security-council"}), frozenset())]
    both = read("India and Pakistan agreed to a ceasefire on Saturday. China had called on both "
                "sides on Wednesday to exercise restraint.", "2025-05-11")
    assert events(both, DEMAND) == [(frozenset({"china"}), frozenset({"india", "pakistan"}),
                                     frozenset())]


@pytest.mark.parametrize("text,published,demanders,addressee", [
    ("Merkel, Macron und Putin bedauerten die Entscheidung. Die drei Regierungen forderten die "
     "USA auf, die Vereinbarung einzuhalten.", "2018-05-09",
     {"angela-merkel", "emmanuel-macron", "vladimir-putin"}, "united-states"),
    ("Merkel and Macron met in Berlin on Tuesday. The two leaders called on Washington to respect "
     "the deal.", "2018-05-09", {"angela-merkel", "emmanuel-macron"}, "united-states"),
])
def test_a_group_named_before_demands(text: str, published: str, demanders: set[str],
                                      addressee: str) -> None:
    assert events(read(text, published), DEMAND) == [
        (frozenset(demanders), frozenset({addressee}), frozenset())]


def test_a_judgement_of_the_agreement_is_no_new_agreement() -> None:
    article = read("Trump kündigte den Ausstieg der USA aus dem Atomabkommen mit dem Iran an. "
                   "Die Vereinbarung sei im Kern mangelhaft, sagte er.", "2018-05-09")
    assert sides(article, AGREEMENT) == []


@pytest.mark.parametrize("text", [
    "Putin said Russia must defend itself against the West.",
    "Biden said he would not say whether Ukraine should join NATO.",
])
def test_obligations_that_are_no_demands(text: str) -> None:
    assert events(read(text), DEMAND) == []


@pytest.mark.parametrize("text,claimant,territory", [
    ("Argentinien erhebt weiterhin Anspruch auf die Falklandinseln.", "argentina", "falkland-islands"),
    ("Russland annektierte im März 2014 die Krim.", "russia", "crimea"),
    ("China claims sovereignty over the Spratly Islands.", "china", "spratly-islands"),
    ("Azerbaijan claimed Nagorno-Karabakh as its own territory.", "azerbaijan", "nagorno-karabakh"),
    ("China claims the Spratly Islands.", "china", "spratly-islands"),
    ("Putin signed a treaty absorbing Crimea into the Russian Federation.", "vladimir-putin",
     "crimea"),
    # a recognition names the claim of the state the territory is said to belong to
    ("Die Vereinigten Staaten betrachten die Golanhöhen künftig als israelisches Staatsgebiet.",
     "israel", "golan-heights"),
])
def test_territorial_claims(text: str, claimant: str, territory: str) -> None:
    found = events(read(text, "2023-10-01"), CLAIM)
    assert (frozenset({claimant}), frozenset(), frozenset({territory})) in found


def test_an_elliptic_list_of_compounds_names_each_territory() -> None:
    found = events(read("China beansprucht die Spratly- und die Paracel-Inseln.", "2023-10-01"), CLAIM)
    assert {t for _, _, territories in found for t in territories} == \
        {"spratly-islands", "paracel-islands"}


def test_a_cue_of_the_next_verb_is_not_the_claims_but_a_closing_modal_is() -> None:
    claim = read("Die syrische Führung betrachtet den Golan weiterhin als Teil ihres "
                 "Staatsgebiets und kündigte an, ihn zurückzugewinnen.", "2019-03-26")
    assert sides(claim, CLAIM) == [frozenset({"syria"})]
    feared = read("Westliche Regierungen befürchten, dass Pjöngjang dem russischen Militär "
                  "Munition überlassen und im Gegenzug Technologie erhalten könnte.", "2024-01-05")
    assert sides(feared, SUPPORT) == []


def test_lists_of_claimants_and_of_territories_are_one_claim_each() -> None:
    article = read("China claims almost all of the South China Sea, including the Spratly Islands "
                   "and the Paracel Islands. India and Pakistan each lay claim to Kashmir in full.",
                   "2016-07-13")
    assert sorted(events(article, CLAIM), key=str) == sorted([
        (frozenset({"china"}), frozenset(), frozenset({"south-china-sea"})),
        (frozenset({"china"}), frozenset(), frozenset({"spratly-islands"})),
        (frozenset({"china"}), frozenset(), frozenset({"paracel-islands"})),
        (frozenset({"india"}), frozenset(), frozenset({"kashmir"})),
        (frozenset({"pakistan"}), frozenset(), frozenset({"kashmir"}))], key=str)


def test_the_island_can_be_a_state_named_before_when_a_state_can_be_claimed() -> None:
    article = read("Pelosi landete am Dienstag in Taiwan. Die Volksrepublik betrachtet die Insel "
                   "als abtrünnigen Teil ihres Staatsgebiets.", "2022-08-03")
    assert events(article, CLAIM) == [(frozenset({"china"}), frozenset(), frozenset({"taiwan"}))]


@pytest.mark.parametrize("text", [
    "Russia claimed that Ukrainian forces shelled Donetsk.",
    "Russia claimed responsibility for the deadly attack on the bridge in Crimea.",
    "Caracas beansprucht das Gebiet, das zwei Drittel des guyanischen Staatsgebiets ausmacht.",
])
def test_no_claim_of_the_wrong_side(text: str) -> None:
    found = events(read(text, "2023-10-01"), CLAIM)
    assert all(not ({"russia", "guyana"} & participants) for participants, _, _ in found), found


def test_a_rejected_claim_is_not_a_claim_of_the_one_rejecting_it() -> None:
    found = events(read("Kiew wies den Anspruch Moskaus auf die Krim zurück."), CLAIM)
    assert all("ukraine" not in participants for participants, _, _ in found)


@pytest.mark.parametrize("text,parties", [
    ("Deutschland und Frankreich unterzeichneten am Mittwoch ein Abkommen über Rüstungsexporte.",
     {"germany", "france"}),
    ("Israel und die Vereinigten Arabischen Emirate einigten sich auf die Aufnahme diplomatischer "
     "Beziehungen.", {"israel", "united-arab-emirates"}),
    ("Washington and Moscow agreed to extend the New START treaty by five years.",
     {"united-states", "russia"}),
    ("Trump and Xi ended two days of talks on Friday with an agreement on a 100-day plan for "
     "trade negotiations.", {"donald-trump", "xi-jinping"}),
])
def test_agreements(text: str, parties: set[str]) -> None:
    assert any(parties <= s for s in sides(read(text, "2021-02-04"), AGREEMENT))


def test_a_call_on_a_weekday_is_no_call_on_someone() -> None:
    article = read("Biden and Putin agreed in their first phone call on Tuesday to extend the "
                   "New START treaty.", "2021-01-27")
    assert sides(article, DEMAND) == []
    assert any({"joe-biden", "vladimir-putin"} <= s for s in sides(article, AGREEMENT))


def test_a_treaty_signed_years_earlier_is_not_the_agreement_to_extend_it() -> None:
    article = read("Biden and Putin agreed on Tuesday to extend the New START treaty. The treaty, "
                   "signed in 2010 by Barack Obama and Dmitry Medvedev, would otherwise expire "
                   "on February 5.", "2021-01-27")
    agreements = {frozenset(e.participants): e.date for e in article.events
                  if e.type is AGREEMENT}
    assert agreements[frozenset({"joe-biden", "vladimir-putin"})].value.year == 2021
    assert agreements[frozenset({"barack-obama", "dmitry-medvedev"})].value.year == 2010


def test_his_government_and_brussels_are_sides_of_an_agreement() -> None:
    article = read("Ministerpräsident Pedro Sánchez sagte gestern in Madrid, seine Regierung habe "
                   "sich mit London und Brüssel auf Zusicherungen zum künftigen Status von "
                   "Gibraltar verständigt.", "2018-11-25")
    assert sides(article, AGREEMENT) == [frozenset({"spain", "united-kingdom", "european-union"})]


def test_failed_talks_are_not_an_agreement() -> None:
    article = read("The talks between Washington and Tehran ended without an agreement.")
    assert sides(article, AGREEMENT) == []


@pytest.mark.parametrize("text,supplier,receiver,kind", [
    ("Die USA liefern der Ukraine weitere Patriot-Systeme.", "united-states", "ukraine", "weapons"),
    ("Deutschland schickt Leopard-Panzer an die Ukraine.", "germany", "ukraine", "weapons"),
    ("The European Union granted Ukraine a loan of 18 billion euros.", "european-union", "ukraine",
     "money"),
    ("North Korea has sent troops to Russia, Seoul said.", "north-korea", "russia", "troops"),
    # pledges, verb-final clauses, weapon systems by name, capitals as receivers
    ("Wenige Stunden später sagte auch US-Präsident Joe Biden der Ukraine 31 Kampfpanzer vom "
     "Typ Abrams zu.", "joe-biden", "ukraine", "weapons"),
    ("Scholz kündigte an, dass Deutschland der Ukraine 14 Leopard 2 A6 zur Verfügung stellt.",
     "germany", "ukraine", "weapons"),
    ("Britain pledged more air defence systems to Kyiv.", "united-kingdom", "ukraine", "weapons"),
    ("Washington has already supplied HIMARS to Kyiv.", "united-states", "ukraine", "weapons"),
])
def test_supplies(text: str, supplier: str, receiver: str, kind: str) -> None:
    article = read(text, "2023-01-26")
    assert any(e.participants == [supplier] and e.addressees == [receiver] and e.support_kind == kind
               for e in article.events if e.type is SUPPORT), [e for e in article.events]


@pytest.mark.parametrize("text", [
    "Frankreich betonte seine Unterstützung für die territoriale Integrität der Ukraine.",
    "Berlin lehnt die Lieferung von Taurus-Marschflugkörpern an Kiew ab.",
    "Seoul erwägt, Waffen an die Ukraine zu liefern.",
    "Washington accused Tehran of supplying missiles to Moscow; Iran denied the accusation.",
])
def test_stances_refusals_and_accusations_are_not_supplies(text: str) -> None:
    assert [e for e in read(text).events if e.type is SUPPORT] == []


def test_a_demand_of_the_story_has_its_day_one_said_again_and_again_has_none() -> None:
    article = read("Macron und Selenskyj trafen sich am Montag in Paris. Selenskyj forderte "
                   "weitere Sanktionen gegen Russland. Kiew hatte immer wieder verlangt, dass "
                   "Russland sich zurückzieht.", "2023-05-16")
    dates = {e.sentence.index: e.date for e in article.events if e.type is DEMAND}
    assert dates[1] is not None and dates[1].value == dt.date(2023, 5, 15)
    assert dates[2] is None


def test_titles_resolve_to_the_office_holder_on_the_article_date() -> None:
    before = read("Der französische Präsident telefonierte mit dem Kremlchef.", "2015-02-12")
    after = read("Der französische Präsident telefonierte mit dem Kremlchef.", "2023-02-12")
    assert frozenset({"francois-hollande", "vladimir-putin"}) in sides(before, CALL)
    assert frozenset({"emmanuel-macron", "vladimir-putin"}) in sides(after, CALL)


def test_every_event_keeps_its_sentence_and_offsets() -> None:
    text = "Berlin (dpa) – Scholz telefonierte am Montag mit Xi. Danach traf er Macron in Paris."
    article = read(text)
    assert article.events
    for event in article.events:
        assert text[event.sentence.start:event.sentence.end] == event.sentence.text
        assert 0 < event.confidence <= 1


def test_a_separable_particle_before_and_still_closes_the_call() -> None:
    article = read("Am Abend rief Scholz bei Macron an und dankte ihm für die Hilfe.", "2023-06-16")
    assert frozenset({"olaf-scholz", "emmanuel-macron"}) in sides(article, CALL)


@pytest.mark.parametrize("text", [
    "Scholz hatte sich wochenlang vergeblich um ein Telefonat mit Xi bemüht.",
    "Xi bekundete seine Bereitschaft, mit Scholz zu telefonieren.",
    "Biden tried unsuccessfully to reach Xi by phone last week.",
    "Xi said he was willing to speak by phone with Scholz.",
])
def test_calls_tried_in_vain_or_only_offered_are_not_events(text: str) -> None:
    assert sides(read(text), CALL) == []


def test_a_demand_stated_first_is_made_by_the_subject_after_the_verb() -> None:
    fronted = read("Russland müsse seine Truppen sofort abziehen, forderte Scholz am Montag.")
    assert events(fronted, DEMAND) == [(frozenset({"olaf-scholz"}), frozenset({"russia"}),
                                        frozenset())]
    relative = read("Scholz, der die Lage als ernst bezeichnete, forderte Russland zum Abzug auf.")
    assert events(relative, DEMAND)[0][:2] == (frozenset({"olaf-scholz"}), frozenset({"russia"}))


def test_a_dative_pronoun_is_the_leader_told_before() -> None:
    article = read("Scholz empfing Macron am Montag in Berlin. Macron hatte zuvor mehrmals mit "
                   "ihm telefoniert.")
    assert frozenset({"olaf-scholz", "emmanuel-macron"}) in sides(article, CALL)


@pytest.mark.parametrize("text", [
    "Biden briefed Scholz and Macron by phone on Tuesday.",
    "Biden informierte Scholz und Macron am Dienstag telefonisch über seine Pläne.",
])
def test_briefing_two_leaders_by_phone_is_a_call_with_each(text: str) -> None:
    assert sorted(sides(read(text), CALL), key=sorted) == [
        frozenset({"joe-biden", "emmanuel-macron"}), frozenset({"joe-biden", "olaf-scholz"})]


def test_a_people_named_in_the_plural_is_a_side() -> None:
    article = read("The Palestinians regard East Jerusalem as the capital of their future state.",
                   "2023-06-16", "en")
    assert events(article, CLAIM) == [(frozenset({"palestine"}), frozenset(),
                                       frozenset({"east-jerusalem"}))]


def test_support_announced_for_the_future_is_a_pledge_a_future_meeting_is_not_a_fact() -> None:
    pledge = read("Germany will deliver two more Patriot systems to Ukraine, Scholz said on "
                  "Tuesday.", "2023-06-16", "en")
    assert [e[:2] for e in events(pledge, SUPPORT)] == [(frozenset({"germany"}),
                                                         frozenset({"ukraine"}))]
    assert sides(read("Scholz will meet Macron in Paris next week.", "2023-06-16", "en"),
                 MEETING) == []


def test_separate_talks_in_a_relative_clause_are_one_meeting_with_each() -> None:
    article = read("Scholz, who held separate talks with Macron and with Biden on Monday, "
                   "returned to Berlin in the evening.", "2023-06-16", "en")
    assert sorted(sides(article, MEETING), key=sorted) == [
        frozenset({"olaf-scholz", "emmanuel-macron"}), frozenset({"olaf-scholz", "joe-biden"})]
    together = read("Scholz met Macron and Biden on Monday.", "2023-06-16", "en")
    assert sides(together, MEETING) == [frozenset({"olaf-scholz", "emmanuel-macron", "joe-biden"})]


def test_calls_of_the_same_pair_in_different_months_are_two_calls() -> None:
    article = read("Scholz und Macron telefonierten am 3. Juni. Am 8. Juli telefonierte Scholz "
                   "erneut mit Macron.", "2023-07-10")
    dates = sorted(str(e.date.value) for e in article.events if e.type is CALL and e.date)
    assert dates == ["2023-06-03", "2023-07-08"]


def test_a_call_in_a_phrase_that_names_its_sides_is_told() -> None:
    article = read("Ein Brief ebnete den Weg für das Telefonat zwischen Scholz und Macron im Mai.",
                   "2023-07-10")
    assert [(sorted(e.participants), e.date.value.month if e.date else None)
            for e in article.events if e.type is CALL] == [(["emmanuel-macron", "olaf-scholz"], 5)]


@pytest.mark.parametrize(("text", "demander", "addressee"), [
    ("Die Nato verlangt von der Regierung in Moskau, die Truppen abzuziehen.", "nato", "russia"),
    ("Scholz hat an Russlands Präsidenten Putin appelliert, den Krieg zu beenden.", "olaf-scholz",
     "vladimir-putin"),
    ("Kiew hält an seiner Forderung an Berlin fest, weitere Flugabwehr bereitzustellen.",
     "ukraine", "germany"),
])
def test_whom_a_german_demand_is_made_of(text: str, demander: str, addressee: str) -> None:
    assert [e[:2] for e in events(read(text), DEMAND)] == [(frozenset({demander}),
                                                            frozenset({addressee}))]


def test_a_passive_past_is_a_fact_the_future_is_not() -> None:
    past = read("Scholz wurde am Montag in Peking mit militärischen Ehren empfangen.")
    assert sides(past, MEETING) == [frozenset({"olaf-scholz", "china"})]
    assert sides(read("Scholz und Macron werden sich am Montag in Paris treffen."), MEETING) == []


def test_a_place_outside_the_visits_clause_is_not_its_host() -> None:
    article = read("Scholz besuchte am Montag Kiew. Überschattet wurde der Besuch von einem "
                   "Urteil, das die Richter in Den Haag am Freitag verkündet hatten.")
    assert sides(article, MEETING) == [frozenset({"olaf-scholz", "ukraine"})]


def test_the_antecedent_of_which_supplies() -> None:
    article = read("Iran, which has supplied Russia with drones, faces new sanctions.",
                   "2023-06-16", "en")
    assert [e[:2] for e in events(article, SUPPORT)] == [(frozenset({"iran"}),
                                                          frozenset({"russia"}))]


def test_he_is_the_subject_before_not_a_name_in_a_phrase() -> None:
    article = read("Nach seinem Treffen mit Putin ist Scholz am Dienstag in Kiew eingetroffen. "
                   "Dort beriet er mit Selenskyj über die Lage.", "2023-06-16")
    assert frozenset({"olaf-scholz", "volodymyr-zelenskyy"}) in sides(article, MEETING)


@pytest.mark.parametrize(("text", "lang"), [
    ("Die Türkei hatte Aserbaidschan mit Kampfdrohnen ausgerüstet.", "de"),
    ("Turkey had equipped Azerbaijan with combat drones.", "en"),
])
def test_equipping_with_weapons_is_support(text: str, lang: str) -> None:
    assert [e[:2] for e in events(read(text, "2020-11-10", lang), SUPPORT)] == [
        (frozenset({"turkey"}), frozenset({"azerbaijan"}))]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Turkey mediated talks between Russia and Ukraine in Istanbul on Tuesday.", "en",
     [frozenset({"russia", "ukraine"})]),
    ("Qatar and Egypt mediated the indirect talks for many months.", "en", []),
    ("Die Türkei vermittelte ein Treffen zwischen Russland und der Ukraine.", "de",
     [frozenset({"russia", "ukraine"})]),
])
def test_mediators_are_not_sides_of_the_talks(text: str, lang: str,
                                              expected: list[frozenset[str]]) -> None:
    assert sides(read(text, "2023-06-16", lang), MEETING) == expected


def test_an_agreement_reached_through_mediation_is_between_the_parties() -> None:
    article = read("Eine nach Vermittlung Moskaus zwischen Armenien und Aserbaidschan "
                   "vereinbarte Waffenruhe wurde am Sonntag gebrochen.", "2020-10-20")
    assert sides(article, AGREEMENT) == [frozenset({"armenia", "azerbaijan"})]


def test_agreeing_only_to_meet_is_no_agreement() -> None:
    assert sides(read("Scholz and Macron agreed to meet in Paris soon.", "2023-06-16", "en"),
                 AGREEMENT) == []
    assert sides(read("Scholz und Macron vereinbarten, sich bald in Paris zu treffen.",
                      "2023-06-16", "de"), AGREEMENT) == []
    assert sides(read("Scholz and Macron agreed to meet the terms of the ceasefire deal.",
                      "2023-06-16", "en"), AGREEMENT) == [frozenset({"olaf-scholz",
                                                                     "emmanuel-macron"})]
    assert sides(read("Scholz und Macron vereinbarten beim Treffen in Paris, die Gespräche "
                      "fortzusetzen.", "2023-06-16", "de"), AGREEMENT) == [
        frozenset({"olaf-scholz", "emmanuel-macron"})]


def test_a_state_claimed_as_ones_own_territory() -> None:
    article = read("China claims Taiwan as its own territory.", "2023-06-16", "en")
    assert events(article, CLAIM) == [(frozenset({"china"}), frozenset(), frozenset({"taiwan"}))]


@pytest.mark.parametrize(("text", "lang", "count"), [
    ("Germany pledged 2.7 billion euros in military aid to Ukraine.", "en", 1),
    ("Die Bundesregierung kündigte ein Rüstungspaket für die Ukraine im Wert von 2,7 Milliarden "
     "Euro an.", "de", 1),
    # money and tanks given together are one supply of two kinds, as annotators count it
    ("Germany gave Ukraine 1 billion euros and 50 tanks.", "en", 1),
])
def test_a_sum_that_is_what_the_aid_is_worth_is_no_second_supply(text: str, lang: str,
                                                                 count: int) -> None:
    assert len(events(read(text, "2023-06-16", lang), SUPPORT)) == count


def test_an_announced_package_is_a_pledge_an_announced_meeting_has_not_happened() -> None:
    pledge = read("Italien kündigte ein weiteres Waffenpaket für die Ukraine an.")
    assert [e[:2] for e in events(pledge, SUPPORT)] == [(frozenset({"italy"}),
                                                         frozenset({"ukraine"}))]
    assert sides(read("Scholz kündigte ein Treffen mit Macron an."), MEETING) == []
    assert events(read("Die EU beschloss ein neues Sanktionspaket gegen Russland."), SUPPORT) == []


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Poland's President Duda demanded that Germany pay war reparations.", "en",
     [(frozenset({"andrzej-duda"}), frozenset({"germany"}))]),
    ("Im Telefonat mit Netanjahu forderte Biden einen besseren Schutz der Zivilisten.", "de",
     [(frozenset({"joe-biden"}), frozenset({"benjamin-netanyahu"}))]),
])
def test_the_demander_and_whom_the_demand_is_made_of(text: str, lang: str,
                                                     expected: list[tuple[frozenset[str], ...]]) -> None:
    assert [e[:2] for e in events(read(text, "2023-06-16", lang), DEMAND)] == expected


def test_giving_aid_with_leisten_is_support_resistance_is_not() -> None:
    aid = read("Deutschland leistete der Ukraine umfangreiche Militärhilfe.")
    assert [e[:2] for e in events(aid, SUPPORT)] == [(frozenset({"germany"}),
                                                      frozenset({"ukraine"}))]
    assert events(read("Die ukrainischen Truppen leisteten erbitterten Widerstand."), SUPPORT) == []


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("The meeting between Scholz and Macron was cancelled.", "en", MEETING),
    ("Das Treffen zwischen Scholz und Macron wurde abgesagt.", "de", MEETING),
    ("Germany halted arms deliveries to Saudi Arabia.", "en", SUPPORT),
    ("Deutschland stoppte Waffenlieferungen an Saudi-Arabien.", "de", SUPPORT),
    ("Scholz wird Macron am Montag in Paris treffen.", "de", MEETING),
    ("Scholz wird mit Macron telefonieren.", "de", CALL),
    ("Russia equipped its troops with Iranian drones.", "en", SUPPORT),
    ("Polen rüstet seine Armee mit Panzern aus Südkorea auf.", "de", SUPPORT),
    ("The nuclear-armed neighbours agreed to halt all attacks.", "en", SUPPORT),
    ("Scholz met Ukrainians in Berlin.", "en", MEETING),
    ("Macron wants to talk to Putin again soon.", "en", DEMAND),
])
def test_called_off_halted_or_only_wished_is_no_event(text: str, lang: str,
                                                      kind: EventType) -> None:
    assert events(read(text, "2023-06-16", lang), kind) == []


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("Macron urged Putin to stop the war.", "en", DEMAND),
    ("India and Pakistan agreed to halt all military action.", "en", AGREEMENT),
    ("Biden wants Kyiv to hold elections.", "en", DEMAND),
])
def test_what_a_demand_or_an_agreement_ends_does_not_cancel_it(text: str, lang: str,
                                                               kind: EventType) -> None:
    assert len(events(read(text, "2023-06-16", lang), kind)) == 1


@pytest.mark.parametrize(("text", "lang", "kind", "expected"), [
    ("The United States sent Ukraine air defence systems to stop Russian missile attacks.", "en",
     SUPPORT, [frozenset({"united-states"})]),
    ("Biden spoke by phone with Netanyahu about a halt to the fighting in Gaza.", "en", CALL,
     [frozenset({"joe-biden", "benjamin-netanyahu"})]),
    ("Putin met Xi in Moscow on Tuesday to discuss ways to halt the fighting.", "en", MEETING,
     [frozenset({"vladimir-putin", "xi-jinping"})]),
    ("Scholz telefonierte mit Macron über den gestoppten Getreidedeal.", "de", CALL,
     [frozenset({"olaf-scholz", "emmanuel-macron"})]),
    ("Biden met Macron in Paris to discuss mediation efforts in Sudan.", "en", MEETING,
     [frozenset({"joe-biden", "emmanuel-macron"})]),
    ("Russia and Ukraine signed a grain deal mediated by Turkey.", "en", AGREEMENT,
     [frozenset({"russia", "ukraine"})]),
    ("Scholz, Macron und Biden berieten telefonisch über die Ukraine.", "de", CALL,
     [frozenset({"olaf-scholz", "emmanuel-macron", "joe-biden"})]),
    ("Biden and Xi agreed to resume military talks and to meet again next year.", "en",
     AGREEMENT, [frozenset({"joe-biden", "xi-jinping"})] * 2),
])
def test_a_purpose_a_topic_or_a_group_does_not_undo_the_event(
        text: str, lang: str, kind: EventType, expected: list[frozenset[str]]) -> None:
    assert sides(read(text, "2023-06-16", lang), kind) == expected


@pytest.mark.parametrize(("text", "lang", "kinds"), [
    ("Deutschland sagte der Ukraine Finanzhilfen in Höhe von fünf Milliarden Euro sowie 20 Panzer "
     "zu.", "de", ["money,weapons"]),
    ("Germany gave Ukraine 1 billion euros in loans and 50 tanks.", "en", ["money,weapons"]),
    ("Die EU stockt ihre Nothilfen für den Libanon weiter auf.", "de", ["humanitarian,money"]),
])
def test_money_named_as_such_is_a_kind_of_the_supply(text: str, lang: str, kinds: list[str]) -> None:
    article = read(text, "2023-06-16", lang)
    assert [e.support_kind or "" for e in article.events if e.type is SUPPORT] == kinds


def test_a_talk_with_someone_told_as_a_noun_is_a_meeting() -> None:
    text = "Nach dem Gespräch mit Erdogan sagte Scholz, man habe offen über Schweden geredet."
    assert sides(read(text, lang="de"), MEETING) == [frozenset({"recep-tayyip-erdogan", "olaf-scholz"})]


def test_the_talk_between_two_who_phoned_is_their_call_told_again() -> None:
    text = ("Scholz telefonierte am Dienstag mit Erdogan.\n\n"
            "Das Gespräch zwischen Scholz und Erdogan dauerte eine Stunde.")
    article = read(text, lang="de")
    assert sides(article, CALL) == [frozenset({"olaf-scholz", "recep-tayyip-erdogan"})]
    assert sides(article, MEETING) == []


def test_two_demands_told_in_two_paragraphs_with_different_content_are_two() -> None:
    text = ("Beim Gipfel in Ankara hat Scholz den türkischen Präsidenten Erdogan zu einem "
            "Ende der Blockade aufgerufen.\n\n"
            "Deutschland fordert von der Türkei die Freilassung inhaftierter Journalisten.")
    assert len(events(read(text, lang="de"), DEMAND)) == 2


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Canada would send Ukraine 200 armoured vehicles, Trudeau said on Tuesday.", "en",
     ("canada", "ukraine")),
    ("He mentioned that Poland would supply Ukraine with more tanks.", "en", ("poland", "ukraine")),
    ("Italien sagte zu, ukrainische Brigaden mit Haubitzen auszurüsten.", "de", ("italy", "ukraine")),
    ("Britain pledged to train Ukrainian soldiers.", "en", ("united-kingdom", "ukraine")),
])
def test_a_reported_would_and_a_receiver_named_by_its_troops(text: str, lang: str,
                                                             expected: tuple[str, str]) -> None:
    got = events(read(text, lang=lang), SUPPORT)
    assert [(next(iter(p)), next(iter(a))) for p, a, _ in got] == [expected]


def test_a_german_request_ends_with_its_verb() -> None:
    text = "Litauen hat die Bundesregierung offiziell um weitere Flugabwehrsysteme gebeten."
    assert [e[:2] for e in events(read(text, lang="de"), DEMAND)] == [
        (frozenset({"lithuania"}), frozenset({"germany"}))]


def test_a_claim_on_all_n_regions_named_before_is_one_claim_each() -> None:
    text = ("Die Kämpfe um den Donbass und die Krim dauern an.\n\n"
            "Moskau betrachtet beide Gebiete als Teil des eigenen Staatsgebiets.")
    claims = events(read(text, lang="de"), CLAIM)
    assert sorted(next(iter(ts)) for _, _, ts in claims) == ["crimea", "donbas"]
    assert {p for ps, _, _ in claims for p in ps} == {"russia"}


def test_a_compound_of_a_territory_noun_refers_to_the_region_named_before() -> None:
    text = ("Die Westsahara ist seit 1975 umstritten.\n\n"
            "Rabat beansprucht das rohstoffreiche Küstengebiet für sich.")
    assert events(read(text, lang="de"), CLAIM) == [
        (frozenset({"morocco"}), frozenset(), frozenset({"western-sahara"}))]


def test_the_territory_inside_the_pattern_not_the_next_clauses() -> None:
    text = ("Peking betrachtet Taiwan als Teil seines Staatsgebiets und beansprucht zudem "
            "die Paracel-Inseln.")
    assert sorted(next(iter(ts)) for _, _, ts in events(read(text, lang="de"), CLAIM)) == [
        "paracel-islands", "taiwan"]


@pytest.mark.parametrize(("text", "claimant", "territories"), [
    ("Vietnam claims most of the disputed waters off its coast, including the Paracel Islands "
     "and the Spratly Islands.", "vietnam", ["paracel-islands", "spratly-islands"]),
    ("Morocco regards Western Sahara, which it took over in 1975 in a move not recognised "
     "internationally, as part of its territory.", "morocco", ["western-sahara"]),
    ("The Palestinian Authority regards East Jerusalem, which Israel captured in the war of 1967 "
     "and later annexed, as the capital of a future state.", "palestine", ["east-jerusalem"]),
])
def test_claims_of_a_list_after_including_and_past_a_long_relative_clause(
        text: str, claimant: str, territories: list[str]) -> None:
    claims = events(read(text, lang="en"), CLAIM)
    # (Israel's annexation told in the relative clause is a claim of its own)
    assert sorted(next(iter(ts)) for ps, _, ts in claims if claimant in ps) == territories


def test_a_german_genitive_is_no_name_in_english() -> None:
    # "Islands" is the German genitive of "Island" (Iceland), in English a plural
    text = "Ardern met Fiji's prime minister at the Pacific Islands Forum in Suva on Tuesday."
    assert "iceland" not in {k for e in read(text, lang="en").events for k in e.participants}
    text = "Die Regierung Islands traf sich am Dienstag mit Vertretern Norwegens."
    assert {k for e in read(text, lang="de").events for k in e.participants} == {"iceland", "norway"}


def test_a_states_government_in_a_german_compound_is_that_state() -> None:
    text = ("Am Montag fand in Genf ein Gespräch zwischen dem Präsidenten Serbiens Aleksandar "
            "Vučić und Vertretern der US-Regierung statt.")
    assert sides(read(text, lang="de"), MEETING) == [frozenset({"aleksandar-vucic", "united-states"})]


@pytest.mark.parametrize(("text", "lang", "suppliers", "receiver"), [
    ("Taiwan received the first Abrams tanks from Washington.", "en", {"united-states"}, "taiwan"),
    ("Poland got new Patriot batteries from Germany and the United States.", "en",
     {"germany", "united-states"}, "poland"),
    ("Spain and Portugal will send a field hospital and ambulances to Ukraine.", "en",
     {"spain", "portugal"}, "ukraine"),
    ("Schweden und Finnland stellen der Ukraine gemeinsam weitere Panzer bereit.", "de",
     {"sweden", "finland"}, "ukraine"),
    ("China lieferte die ersten Teile des Flugabwehrsystems HQ-9 an Serbien.", "de",
     {"china"}, "serbia"),
])
def test_suppliers_after_from_and_coordinated_before_the_verb(
        text: str, lang: str, suppliers: set[str], receiver: str) -> None:
    assert events(read(text, lang=lang), SUPPORT)[0][:2] == (frozenset(suppliers),
                                                            frozenset({receiver}))


def test_two_named_before_a_supply_only_one_of_which_supplies() -> None:
    text = ("Biden and Zelenskyy will discuss the air defence systems the United States has "
            "provided since January.")
    assert all(len(p) == 1 for p, _, _ in events(read(text, lang="en"), SUPPORT))


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("The U.S. and Canada signed a border agreement on Friday.", AGREEMENT,
     [frozenset({"united-states", "canada"})]),
    ("The US sent Patriot batteries to Poland.", SUPPORT, [frozenset({"united-states"})]),
])
def test_us_is_a_name_as_well_as_a_demonym(text: str, kind: EventType,
                                            expected: list[frozenset[str]]) -> None:
    assert sides(read(text, lang="en"), kind) == expected


@pytest.mark.parametrize(("text", "supplier", "receiver"), [
    ("Duda kam am Montag nach Kiew. Dort sagte ihm Selenskyj Getreide für den Winter zu.",
     "volodymyr-zelenskyy", "andrzej-duda"),
    ("Belarus räumte ein, Russland Munition geliefert zu haben.", "belarus", "russia"),
    ("Die Regierung in Rom hat die Lieferung von Haubitzen an die Ukraine genehmigt.",
     "italy", "ukraine"),
])
def test_who_supplies_past_pronouns_infinitives_and_an_approved_delivery(
        text: str, supplier: str, receiver: str) -> None:
    got = events(read(text, lang="de"), SUPPORT)
    assert got and got[-1][:2] == (frozenset({supplier}), frozenset({receiver}))


@pytest.mark.parametrize(("text", "lang", "kind", "expected"), [
    ("Armenien und Aserbaidschan haben sich auf einen Vorschlag für einen Gefangenenaustausch "
     "verständigt.", "de", AGREEMENT, [frozenset({"armenia", "azerbaijan"})]),
    ("Serbien und das Kosovo haben dem Plan zur Normalisierung ihrer Beziehungen zugestimmt.", "de",
     AGREEMENT, [frozenset({"serbia", "kosovo"})]),
    ("Ethiopia and Eritrea signed off on a plan to reopen their border.", "en", AGREEMENT,
     [frozenset({"ethiopia", "eritrea"})]),
    ("Erdogan erhielt am Freitag einen Anruf von Putin.", "de", CALL,
     [frozenset({"recep-tayyip-erdogan", "vladimir-putin"})]),
    ("Scholz hat am Montag mit Erdogan gesprochen. Das Gespräch am Telefon dauerte eine Stunde.",
     "de", CALL, [frozenset({"olaf-scholz", "recep-tayyip-erdogan"})]),
])
def test_agreements_on_proposals_approvals_and_calls_received(
        text: str, lang: str, kind: EventType, expected: list[frozenset[str]]) -> None:
    assert sides(read(text, lang=lang), kind) == expected


def test_wanting_to_agree_on_a_proposal_is_no_agreement() -> None:
    text = "Armenien und Aserbaidschan wollen sich auf einen Vorschlag verständigen."
    assert sides(read(text, lang="de"), AGREEMENT) == []


@pytest.mark.parametrize(("text", "lang", "kind", "expected"), [
    ("Scholz und Modi sprachen am Telefon über den Konflikt zwischen Armenien und Aserbaidschan.",
     "de", CALL, [frozenset({"olaf-scholz", "narendra-modi"})]),
    ("Macron and Modi discussed Afghanistan by phone on Friday.", "en", CALL,
     [frozenset({"emmanuel-macron", "narendra-modi"})]),
    ("Scholz and Macron held a video call with Zelenskiy ahead of the China-EU summit.", "en",
     CALL, [frozenset({"olaf-scholz", "emmanuel-macron", "volodymyr-zelenskyy"})]),
])
def test_names_of_what_was_talked_about_are_no_sides(text: str, lang: str, kind: EventType,
                                                      expected: list[frozenset[str]]) -> None:
    assert sides(read(text, lang=lang), kind) == expected


@pytest.mark.parametrize(("text", "lang", "region"), [
    ("Vietnam sent a patrol boat to the Paracel Islands, which China also claims.", "en",
     "paracel-islands"),
    ("Manila verwaltet Teile der Spratly-Inseln, die auch China beansprucht.", "de",
     "spratly-islands"),
])
def test_an_object_relative_clause_claims_the_region_it_hangs_on(text: str, lang: str,
                                                                  region: str) -> None:
    claims = events(read(text, lang=lang), CLAIM)
    assert (frozenset({"china"}), frozenset(), frozenset({region})) in claims


def test_a_demand_in_the_story_of_a_meeting_is_made_of_the_other_side() -> None:
    text = ("Modi met Albanese in Canberra on Tuesday.\n\n"
            "Modi later demanded that the attacks on Hindu temples be investigated.")
    assert events(read(text, "2023-05-24", "en"), DEMAND) == [
        (frozenset({"narendra-modi"}), frozenset({"anthony-albanese"}), frozenset())]


@pytest.mark.parametrize(("text", "lang", "kind", "expected"), [
    ("Sandu thanked Macron for the 100 million euros in budget support.", "en", SUPPORT,
     [(frozenset({"emmanuel-macron"}), frozenset({"maia-sandu"}), frozenset())]),
    ("Selenskyj dankte Rutte für die Lieferung weiterer Kampfjets.", "de", SUPPORT,
     [(frozenset({"mark-rutte"}), frozenset({"volodymyr-zelenskyy"}), frozenset())]),
    ("Beijing reaffirmed its claim to Taiwan on Monday.", "en", CLAIM,
     [(frozenset({"china"}), frozenset(), frozenset({"taiwan"}))]),
])
def test_thanks_for_aid_and_a_claim_to_a_state(text: str, lang: str, kind: EventType,
                                               expected: list[tuple[frozenset[str], ...]]) -> None:
    assert events(read(text, "2023-06-16", lang), kind) == expected


def test_a_talk_of_a_calls_sides_on_its_day_is_that_call() -> None:
    article = read("Merz telefonierte am Montag mit Meloni. Merz führte dabei Gespräche mit "
                   "Meloni über Migration.", "2025-06-17", "de")
    assert (sides(article, CALL), sides(article, MEETING)) == (
        [frozenset({"friedrich-merz", "giorgia-meloni"})], [])


@pytest.mark.parametrize(("text", "lang", "kind", "expected"), [
    ("Qatar and Bahrain agreed to restore diplomatic ties in a deal brokered by Kuwait.", "en",
     AGREEMENT, [(frozenset({"qatar", "bahrain"}), frozenset(), frozenset())]),
    ("Serbia maintains Kosovo is part of its territory.", "en", CLAIM,
     [(frozenset({"serbia"}), frozenset(), frozenset({"kosovo"}))]),
    ("Nach dem Treffen mit Sánchez sagte Macron, Frankreich sei zu Gesprächen bereit.", "de",
     MEETING, [(frozenset({"pedro-sanchez", "emmanuel-macron"}), frozenset(), frozenset())]),
])
def test_brokers_owners_by_pronoun_and_one_entity_per_side(
        text: str, lang: str, kind: EventType, expected: list[tuple[frozenset[str], ...]]) -> None:
    assert events(read(text, "2023-06-16", lang), kind) == expected


def test_a_source_is_no_receiver_and_fighter_jets_are_no_troops() -> None:
    text = "Moscow has supplied Iran with Su-35 fighter jets, according to U.S. officials."
    article = read(text, "2024-03-13", "en")
    assert [(e.participants, e.addressees, e.support_kind) for e in article.events] == [
        (["russia"], ["iran"], "weapons")]


@pytest.mark.parametrize(("text", "lang"), [
    ("Armenian and Azerbaijani delegations met in Geneva on Friday.", "en"),
    ("Armenische und aserbaidschanische Unterhändler trafen sich am Freitag in Genf.", "de"),
])
def test_delegations_named_by_coordinated_demonyms_meet(text: str, lang: str) -> None:
    assert sides(read(text, "2024-06-23", lang), MEETING) == [frozenset({"armenia", "azerbaijan"})]


def test_the_subject_after_a_conjunction_demands_and_allies_are_no_one_in_particular() -> None:
    text = ("Scholz spoke with Sandu by phone on Friday.\n\n"
            "Germany will send Moldova more generators, the ministry said, after President Maia "
            "Sandu appealed to allies for help with the power supply.")
    assert events(read(text, "2024-03-16", "en"), DEMAND) == [
        (frozenset({"maia-sandu"}), frozenset(), frozenset())]


@pytest.mark.parametrize(("text", "lang"), [
    ("Beide vereinbarten, in engem Kontakt zu bleiben.", "de"),
    ("Sunak and Meloni agreed to stay in close contact.", "en"),
])
def test_agreeing_to_stay_in_touch_is_an_agreement_of_the_two(text: str, lang: str) -> None:
    # (readers of a call's readout count it as an accord: four gold events, no negative)
    text = ("Sunak telefonierte am Montag mit Meloni. " if lang == "de" else
            "Sunak spoke with Meloni by phone on Monday. ") + text
    assert sides(read(text, "2023-06-16", lang), AGREEMENT) == [frozenset({"rishi-sunak", "giorgia-meloni"})]


def test_a_name_in_the_phrase_before_the_speaker_is_not_the_speaker() -> None:
    text = "In talks with Macron, Scholz stressed the need for unity."
    assert events(read(text, "2023-06-16", "en"), DEMAND) == []


def test_a_demand_about_a_third_side_is_not_addressed_from_the_story() -> None:
    text = ("Putin met Witkoff in the Kremlin on Thursday.\n\n"
            "Putin's demands for control over territory that belongs to Ukraine remain a "
            "sticking point.")
    assert all(not a or a == frozenset({"ukraine"})
               for _, a, _ in events(read(text, "2025-12-05", "en"), DEMAND))


def test_talks_told_before_the_call_they_were_are_that_call() -> None:
    text = ("Scholz und Macron berieten am Montag mit Selenskyj über die Lage an der Front. "
            "Scholz, Macron und Selenskyj telefonierten dabei eine Stunde lang.")
    article = read(text, "2024-06-18", "de")
    assert (sides(article, CALL), sides(article, MEETING)) == (
        [frozenset({"olaf-scholz", "emmanuel-macron", "volodymyr-zelenskyy"})], [])


def test_talks_the_next_sentence_calls_a_call_were_a_call() -> None:
    text = ("Scholz und Macron haben mit Selenskyj über die Lage beraten. Bei dem Dreier-Telefonat "
            "ging es vor allem um die Flugabwehr.")
    article = read(text, "2024-06-18", "de")
    assert (sides(article, CALL), sides(article, MEETING)) == (
        [frozenset({"olaf-scholz", "emmanuel-macron", "volodymyr-zelenskyy"})], [])


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Die Nato erwartet von der Regierung in Belgrad, dass sie die Lage beruhigt.", "de",
     [(frozenset({"nato"}), frozenset({"serbia"}), frozenset())]),
    ("The sanctions came from the Biden administration, which called on Lukashenko to free "
     "all prisoners.", "en",
     [(frozenset({"joe-biden"}), frozenset({"alexander-lukashenko"}), frozenset())]),
    ("In Nairobi sagte Scholz, die reichen Industriestaaten müssten ihre Klimahilfen erhöhen.",
     "de", [(frozenset({"olaf-scholz"}), frozenset(), frozenset())]),
])
def test_expectations_of_a_government_relative_demanders_and_obligations_of_states_in_general(
        text: str, lang: str, expected: list[tuple[frozenset[str], ...]]) -> None:
    assert events(read(text, "2023-06-16", lang), DEMAND) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # no one named is obliged: a call of the speaker's, addressed to no state
    ("Lula insisted that there should be a ceasefire before any talks.",
     [(frozenset({"luiz-inacio-lula-da-silva"}), frozenset(), frozenset())]),
    ("Scholz stressed that the offensive must not go ahead without a plan for civilians.",
     [(frozenset({"olaf-scholz"}), frozenset(), frozenset())]),
    # the obliged people name their state
    ("Poland demanded that the Belarusian guards leave the border zone at once.",
     [(frozenset({"poland"}), frozenset({"belarus"}), frozenset())]),
    ("Tusk said the Russian diplomats must leave Warsaw within a week.",
     [(frozenset({"donald-tusk"}), frozenset({"russia"}), frozenset())]),
    # a person's own duty, and the speaker's own people, are no demand
    ("Scholz said he must leave the summit early.", []),
    ("Macron said French soldiers should stay in Estonia.", []),
    # German reports every statement in the subjunctive: a plan, not a call
    ("Scholz sagte, die Mittel sollten in die Schulen fließen.", []),
])
def test_reported_obligations_without_a_named_state(
        text: str, expected: list[tuple[frozenset[str], ...]]) -> None:
    lang = "de" if " sagte" in text else "en"
    assert events(read(text, "2024-05-16", lang), DEMAND) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("“We call on Moscow to free the journalists,” Blinken said on Tuesday.", "en",
     [(frozenset({"united-states"}), frozenset({"russia"}), frozenset())]),
    ("„Ich fordere Serbien auf, die Truppen abzuziehen“, sagte Kurti am Montag.", "de",
     [(frozenset({"albin-kurti"}), frozenset({"serbia"}), frozenset())]),
    # a speaker the sentence does not name is not the state inside the quote
    ("„Wir rufen Aserbaidschan auf, die Blockade zu beenden“, sagte der Sprecher.", "de", []),
])
def test_i_and_we_in_a_quote_are_its_speaker(text: str, lang: str,
                                             expected: list[tuple[frozenset[str], ...]]) -> None:
    assert events(read(text, "2024-05-16", lang), DEMAND) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Diplomats from Serbia and Kosovo met in Brussels on Monday.", "en"),
    ("Vertreter aus Serbien und dem Kosovo trafen sich am Montag in Brüssel.", "de"),
    ("Senior officials from Belgrade and Pristina held talks in Brussels on Monday.", "en"),
])
def test_officials_from_a_state_are_its_side(text: str, lang: str) -> None:
    assert sides(read(text, "2023-02-27", lang), MEETING) == [frozenset({"serbia", "kosovo"})]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Lithuania took receipt of its first Norwegian-supplied air defence systems on Tuesday.", "en",
     [(frozenset({"norway"}), frozenset({"lithuania"}), frozenset())]),
    ("Die Ukraine erhielt am Montag weitere US-gelieferte Raketen.", "de",
     [(frozenset({"united-states"}), frozenset({"ukraine"}), frozenset())]),
])
def test_a_receiver_names_its_supplier_by_a_compound(
        text: str, lang: str, expected: list[tuple[frozenset[str], ...]]) -> None:
    assert events(read(text, "2024-07-05", lang), SUPPORT) == expected


@pytest.mark.parametrize(("text", "lang", "demanders"), [
    ("The minister spoke after weeks of Moldovan pleas for gas.", "en", [frozenset({"moldova"})]),
    ("Die Regierung reagierte auf georgische Forderungen nach Visafreiheit.", "de",
     [frozenset({"georgia"})]),
])
def test_a_demonym_before_a_demand_noun_names_who_demands(
        text: str, lang: str, demanders: list[frozenset[str]]) -> None:
    assert sides(read(text, "2024-07-05", lang), DEMAND) == demanders


@pytest.mark.parametrize(("text", "lang", "kind", "expected"), [
    ("Gipfeltreffen in Wien: Macron und Meloni beraten über Migration", "de", MEETING,
     [frozenset({"emmanuel-macron", "giorgia-meloni"})]),
    ("Summit in Geneva: Biden and Putin discuss arms control", "en", MEETING,
     [frozenset({"joe-biden", "vladimir-putin"})]),
    # a clause with a verb before the colon tells its own sides
    ("So kam es zur Einigung: Norwegen hat zwischen Kolumbien und den Rebellen vermittelt.", "de",
     AGREEMENT, []),
])
def test_a_headline_noun_before_a_colon_takes_the_sides_after_it(
        text: str, lang: str, kind: EventType, expected: list[frozenset[str]]) -> None:
    assert sides(read(text, "2023-06-16", lang), kind) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Serbien und Kosovo einigten sich auf einen Plan. Macron begrüßte die Vereinbarung.", "de"),
    ("Serbia and Kosovo agreed on a plan. Macron welcomed the agreement.", "en"),
])
def test_who_welcomes_an_agreement_is_no_side_of_it(text: str, lang: str) -> None:
    assert sides(read(text, "2023-03-18", lang), AGREEMENT) == [frozenset({"serbia", "kosovo"})]


@pytest.mark.parametrize(("text", "lang"), [
    ("Norwegen bemüht sich zusammen mit Kuba um eine Einigung zwischen Kolumbien und den Rebellen.", "de"),
    ("Norway and Cuba continued their efforts to reach a deal between Colombia and the rebels.", "en"),
])
def test_an_effort_towards_an_agreement_is_none_yet(text: str, lang: str) -> None:
    assert sides(read(text, "2023-03-18", lang), AGREEMENT) == []


@pytest.mark.parametrize(("text", "lang", "territories"), [
    # where the claim is made is not what is claimed
    ("Vietnam beansprucht im Südchinesischen Meer die Spratly-Inseln.", "de", [["spratly-islands"]]),
    # the sea, and what it includes
    ("Vietnam claims much of the South China Sea, a busy waterway, including the Spratly "
     "Islands.", "en", [["south-china-sea"], ["spratly-islands"]]),
])
def test_the_claimed_sea_and_what_it_includes(text: str, lang: str,
                                              territories: list[list[str]]) -> None:
    claims = [e.territories for e in read(text, "2024-05-16", lang).events if e.type is CLAIM]
    assert sorted(claims) == territories


def test_pushing_someone_for_something_is_a_demand() -> None:
    article = read("Scholz pushed Erdogan hard for a quick decision on Sweden.", "2023-06-16", "en")
    assert events(article, DEMAND) == [
        (frozenset({"olaf-scholz"}), frozenset({"recep-tayyip-erdogan"}), frozenset())]


def test_member_states_named_by_a_compound_act_for_their_union() -> None:
    article = read("Die Nato-Staaten einigten sich am Mittwoch mit Schweden auf ein Abkommen.",
                   "2023-07-12", "de")
    assert sides(article, AGREEMENT) == [frozenset({"nato", "sweden"})]


def test_an_adverbial_between_agent_and_participle_keeps_the_claimant() -> None:
    text = ("Im Streit um die von Argentinien seit fast zwei Jahrhunderten beanspruchten "
            "Falklandinseln hat Großbritannien neue Gespräche abgelehnt.")
    claims = [(e.participants, e.territories) for e in read(text, "2024-05-16", "de").events
              if e.type is CLAIM]
    assert claims == [(["argentina"], ["falkland-islands"])]


@pytest.mark.parametrize(("text", "lang", "meetings"), [
    ("Macron und Meloni haben am Dienstag in Rom ein Migrationsabkommen unterzeichnet.", "de",
     [frozenset({"emmanuel-macron", "giorgia-meloni"})]),
    ("Albanese and Marape signed a security treaty in Canberra on Monday.", "en",
     [frozenset({"anthony-albanese", "james-marape"})]),
    ("Japan and the Philippines signed a defence pact in Manila.", "en", []),
])
def test_leaders_who_sign_together_at_a_place_meet_there(text: str, lang: str,
                                                         meetings: list[frozenset[str]]) -> None:
    assert sides(read(text, "2023-06-16", lang), MEETING) == meetings


@pytest.mark.parametrize(("text", "expected"), [
    # talks on another day are no call told again
    ("Scholz telefonierte am 3. Juni mit Macron. Am 20. Juni verhandelten Scholz und Macron in "
     "Paris über Migration.", {"CALL", "MEETING"}),
    # a call with someone else refers to no earlier talks
    ("Scholz und Macron verhandelten am Dienstag in Paris über Migration. Nach dem Telefonat "
     "mit Biden sagte Scholz, er sei zufrieden.", {"MEETING", "CALL"}),
    # the city of another clause is not where the signing was (here by video link)
    ("Scholz und Macron unterzeichneten am Montag per Videoschalte das Abkommen, bevor Scholz "
     "nach Washington flog.", {"AGREEMENT", "CALL"}),
    # an expectation of a summit is no demand of anyone
    ("Deutschland erwartet von dem Gipfel mit Russland Fortschritte.", set()),
])
def test_folding_talks_into_calls_and_signings_into_meetings_stays_within_bounds(
        text: str, expected: set[str]) -> None:
    assert {e.type.name for e in read(text, "2023-06-21", "de").events} == expected

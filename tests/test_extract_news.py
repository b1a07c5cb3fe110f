"""Rules for real news prose (issue 16): ministers and envoys acting for their state, lists
with brackets and titles, reported speech, visits and hosts, more phrasings per event type.

Every sentence here is our own wording about events the corpora do not contain, so these
tests check that the rules cover the language, not that they fit an article.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geokg.extract import load_gazetteer, read_article
from geokg.extract.model import Article, EventType, Precision

CALL, MEETING, DEMAND = EventType.CALL, EventType.MEETING, EventType.DEMAND
CLAIM, AGREEMENT, SUPPORT = EventType.TERRITORIAL_CLAIM, EventType.AGREEMENT, EventType.SUPPORT


def read(text: str, published: str = "2023-06-16") -> Article:
    return read_article(text, published=dt.date.fromisoformat(published))


def sides(article: Article, kind: EventType) -> list[frozenset[str]]:
    return [frozenset(e.participants) for e in article.events if e.type is kind]


def demands(article: Article) -> list[tuple[frozenset[str], frozenset[str]]]:
    return [(frozenset(e.participants), frozenset(e.addressees))
            for e in article.events if e.type is DEMAND]


def state_demands(text: str, published: str) -> list[tuple[set[str], set[str]]]:
    """Demanders and addressees as the states they stood for that day."""
    gaz, day = load_gazetteer(), dt.date.fromisoformat(published)
    return [({gaz.state_of(p, day) for p in e.participants}, {gaz.state_of(a, day) for a in e.addressees})
            for e in read(text, published).events if e.type is DEMAND]


def state_sides(text: str, published: str, kind: EventType, lang: str | None = None) -> list[set[str]]:
    """The sides of each event of a kind, as the states they stood for that day."""
    gaz, day = load_gazetteer(), dt.date.fromisoformat(published)
    return [gaz.states_of(e.participants, day)
            for e in read_article(text, published=day, lang=lang).events if e.type is kind]


def state_calls_with_days(text: str, published: str) -> list[tuple[set[str], str | None]]:
    """Each call's sides as the states they stood for that day, with the call's day."""
    gaz, day = load_gazetteer(), dt.date.fromisoformat(published)
    return [(gaz.states_of(e.participants, day), e.date.value.isoformat() if e.date else None)
            for e in read(text, published).events if e.type is CALL]


def state_claims(text: str, published: str) -> set[tuple[str, str]]:
    """(claimant as the state it stood for that day, territory) of every claim read."""
    gaz, day = load_gazetteer(), dt.date.fromisoformat(published)
    return {(gaz.state_of(p, day), t) for e in read(text, published).events
            if e.type is CLAIM for p in e.participants for t in e.territories}


# --- dates ------------------------------------------------------------------------------------

def test_an_undated_story_event_is_of_the_publication_day() -> None:
    article = read("Brasiliens Präsident Lula und Argentiniens Präsident Milei haben erstmals "
                   "miteinander telefoniert. Das Gespräch dauerte eine halbe Stunde.", "2024-03-05")
    call = next(e for e in article.events if e.type is CALL)
    assert (call.date.value, call.date.precision) == (dt.date(2024, 3, 5), Precision.DAY)


@pytest.mark.parametrize(("text", "dated"), [
    ("Lettland fordert seit Jahren von Russland die Rückgabe der Archive.", False),
    ("Latvia has for many years demanded that Russia return the archives.", False),
    ("Lettland forderte vor zwei Jahren von Russland die Rückgabe der Archive.", True),
])
def test_a_demand_made_for_years_is_a_standing_one_without_a_day(text: str, dated: bool) -> None:
    article = read("Riga (dpa) - Der Streit um die Archive geht weiter. " + text, "2024-03-05")
    demand = next(e for e in article.events if e.type is DEMAND)
    assert (demand.date is not None) is dated, demand.date


# --- officials ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Sergei Lavrov met Wang Yi in Beijing on Monday.", "2024-04-09",
     frozenset({"russia", "china"})),
    ("Außenminister Lawrow traf am Montag in Ankara seinen türkischen Amtskollegen Mevlüt "
     "Çavuşoğlu.", "2022-03-10", frozenset({"russia", "turkey"})),
    ("Antony Blinken held talks with Dmytro Kuleba in Kyiv on Wednesday.", "2023-09-07",
     frozenset({"united-states", "ukraine"})),
])
def test_ministers_meet_for_their_states(text: str, published: str, expected: frozenset[str]) -> None:
    assert expected in sides(read(text, published), MEETING)


def test_an_official_outside_their_term_is_nobody() -> None:
    """The same name a year before the term began stands for no state."""
    assert sides(read("Annalena Baerbock met Wang Yi in Beijing on Monday.", "2019-05-06"),
                 MEETING) == []


def test_a_former_leader_serving_as_minister_speaks_for_the_state() -> None:
    article = read("Lars Løkke Rasmussen met Antony Blinken in Washington on Tuesday, the "
                   "ministry said.", "2023-03-21")
    assert sides(article, MEETING) == [frozenset({"denmark", "united-states"})]


def test_a_descriptive_anaphor_is_the_person_told_before() -> None:
    article = read("Außenministerin Annalena Baerbock reiste am Montag nach Delhi. Die "
                   "Grünen-Politikerin rief Indien auf, sich für Frieden einzusetzen.", "2023-03-06")
    assert (frozenset({"germany"}), frozenset({"india"})) in demands(article)


# --- lists, phrases and speakers --------------------------------------------------------------

def test_a_list_of_sides_runs_past_brackets_and_titles() -> None:
    article = read("Merkel beriet sich telefonisch mit Präsident Emmanuel Macron (LREM), "
                   "US-Präsident Barack Obama sowie dem italienischen Regierungschef Matteo Renzi.",
                   "2016-06-08")
    assert sorted(sides(article, CALL), key=sorted) == sorted([
        frozenset({"angela-merkel", "emmanuel-macron"}), frozenset({"angela-merkel", "barack-obama"}),
        frozenset({"angela-merkel", "matteo-renzi"})], key=sorted)


def test_a_name_of_an_earlier_talk_is_no_side_of_the_next_event() -> None:
    article = read("Nach einem Gespräch mit Erdoğan am Mittag telefonierte Scholz am Abend mit "
                   "Selenskyj.", "2023-05-03")
    assert frozenset({"olaf-scholz", "volodymyr-zelenskyy"}) in sides(article, CALL)
    assert not any("recep-tayyip-erdogan" in s and "volodymyr-zelenskyy" in s
                   for s in sides(article, CALL))


def test_who_reports_an_agreement_is_no_side_of_it() -> None:
    article = read("U.S. Secretary of State Antony Blinken said Israel and Bahrain had agreed "
                   "to open embassies.", "2021-08-10")
    assert sides(article, AGREEMENT) == [frozenset({"israel", "bahrain"})]


def test_a_country_naming_a_topic_is_no_side() -> None:
    article = read("Macron met Biden in Paris on Friday to discuss the Ukraine war.", "2024-06-07")
    assert sides(article, MEETING) == [frozenset({"emmanuel-macron", "joe-biden"})]


# --- visits and hosts ------------------------------------------------------------------------

def test_thanking_ones_host_tells_the_meeting() -> None:
    article = read("Scholz dankte seinem Gastgeber Xi Jinping für die offenen Gespräche.",
                   "2024-04-16")
    assert frozenset({"olaf-scholz", "xi-jinping"}) in sides(article, MEETING)


def test_a_subject_relative_clause_takes_its_antecedent() -> None:
    article = read("Modi, der am Montag nach Moskau gereist war, sprach von einer "
                   "Partnerschaft.", "2024-07-09")
    assert frozenset({"narendra-modi", "russia"}) in sides(article, MEETING)


def test_a_visits_host_comes_from_its_place_not_from_any_phrase() -> None:
    article = read("Lukaschenko traf am Dienstag zu einem Staatsbesuch in Peking ein und sprach "
                   "über den Krieg gegen die Ukraine.", "2023-02-28")
    assert frozenset({"alexander-lukashenko", "china"}) in sides(article, MEETING)
    assert not any("ukraine" in s for s in sides(article, MEETING))


def test_a_finite_subordinate_clause_is_not_under_the_main_clauses_cue() -> None:
    article = read("Erdoğan lud Putin zu einem Besuch in die Türkei ein, nachdem sich die beiden "
                   "im Juli in Teheran getroffen hatten.", "2022-09-16")
    assert frozenset({"recep-tayyip-erdogan", "vladimir-putin"}) in sides(article, MEETING)


# --- more phrasings per type -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Chinas Außenminister Wang Yi führte am Montag Gespräche mit Kanzler Scholz.",
    "Polish President Duda held talks with Joe Biden in Warsaw on Monday.",
    "Japanese Prime Minister Fumio Kishida travelled to Kyiv on Tuesday.",
    "Kishida reiste am Dienstag überraschend nach Kiew.",
    "Zelensky and Scholz gave a joint press conference in Berlin.",
    "Erdoğan shook hands with Assad in Moscow.",
])
def test_meetings_in_news_phrasings(text: str) -> None:
    assert sides(read(text, "2023-03-21"), MEETING)


@pytest.mark.parametrize(("text", "expected"), [
    ("Der türkische Präsident Erdoğan warnte Athen vor einer Aufrüstung der Inseln.",
     (frozenset({"recep-tayyip-erdogan"}), frozenset({"greece"}))),
    ("Biden encouraged Israel to allow more aid into Gaza.",
     (frozenset({"joe-biden"}), frozenset({"israel"}))),
    ("Macron told Putin to withdraw his troops.",
     (frozenset({"emmanuel-macron"}), frozenset({"vladimir-putin"}))),
    ("Scholz forderte von Putin so schnell wie möglich einen Waffenstillstand.",
     (frozenset({"olaf-scholz"}), frozenset({"vladimir-putin"}))),
])
def test_demands_in_news_phrasings(text: str, expected: tuple[frozenset[str], frozenset[str]]) -> None:
    assert expected in demands(read(text, "2023-06-16"))


@pytest.mark.parametrize("text", [
    "Scholz warnte vor Illusionen.",
    "Kyiv warned that ceding ground would embolden Moscow.",
    "Biden told reporters he had objected to China's conduct.",
])
def test_warnings_and_tellings_without_an_addressee_are_no_demands(text: str) -> None:
    assert demands(read(text)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Moskau erklärte erneut, die Kurilen gehörten zu Russland.", ("russia", "kuril-islands")),
    ("The Chinese foreign ministry said Taiwan is part of China.", ("china", "taiwan")),
    ("Argentina reaffirmed its sovereignty over the Falkland Islands.", ("argentina", "falkland-islands")),
    # the owner named by the form of the word, whatever the clause says of the claim
    ("Most governments never accepted Morocco's annexation of Western Sahara.",
     ("morocco", "western-sahara")),
    ("Kämpfe gab es auch auf den von Japan annektierten Kurilen.", ("japan", "kuril-islands")),
    ("Shelling hit a village in Moscow-annexed Crimea.", ("russia", "crimea")),
    ("Die Angliederung Südossetiens durch Russland wird international nicht anerkannt.",
     ("russia", "south-ossetia")),
    # ownership said with a copula, a genitive or the owner's adjective
    ("The speaker said that Zaporizhzhia is and will stay Russian soil.",
     ("russia", "zaporizhzhia-oblast")),
    ("Peking zufolge ist Taiwan seit Jahrhunderten ein untrennbarer Teil Chinas.", ("china", "taiwan")),
    ("Venezuela considers Essequibo an inseparable part of its national territory.",
     ("venezuela", "essequibo")),
    ("Buenos Aires said it would never cede the Falkland Islands.", ("argentina", "falkland-islands")),
])
def test_claims_in_news_phrasings(text: str, expected: tuple[str, str]) -> None:
    claims = [(e.participants[0], e.territories[0]) for e in read(text).events if e.type is CLAIM]
    assert expected in claims


@pytest.mark.parametrize("text", [
    "Brasilien erkennt die Souveränität Argentiniens über die Falklandinseln an.",
    "The United States recognized Morocco's sovereignty over Western Sahara.",
])
def test_recognising_anothers_sovereignty_is_no_claim(text: str) -> None:
    assert not any(e.type is CLAIM and e.participants[0] in ("brazil", "united-states")
                   for e in read(text).events)


@pytest.mark.parametrize("text", [
    "Egypt and Turkey restored diplomatic relations on Tuesday.",
    "Indonesia and the European Union clinched a trade deal in Jakarta.",
    "Die EU und die Türkei verabschiedeten am Freitag eine gemeinsame Erklärung.",
])
def test_agreements_in_news_phrasings(text: str) -> None:
    assert sides(read(text, "2023-07-04"), AGREEMENT)


# --- datelines ----------------------------------------------------------------------------------

def test_a_wire_dateline_without_a_dash_is_no_side() -> None:
    article = read("Kairo (AFP) Bei seinem Treffen mit Präsident Abdel Fattah al-Sisi hat "
                   "Kanzler Scholz über Gaza gesprochen.", "2023-10-22")
    assert all("egypt" not in s or "olaf-scholz" in s for s in sides(article, MEETING))
    assert not any(s == frozenset({"egypt"}) for s in sides(article, MEETING))


def test_the_day_of_the_dateline_dates_the_story() -> None:
    article = read("WARSAW, March 3 (Reuters) - Zelenskiy and Duda held talks in the Polish "
                   "capital, officials said.", "2023-03-05")
    meeting = next(e for e in article.events if e.type is MEETING)
    assert meeting.date.value == dt.date(2023, 3, 3)


def test_a_search_index_date_marker_is_not_text() -> None:
    article = read(" date 2021-06 Genf (dpa) Biden und Putin haben sich in Genf getroffen.",
                   "2021-06-17")
    assert sides(article, MEETING) == [frozenset({"joe-biden", "vladimir-putin"})]


# --- quotes ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("»Russland muss seine Truppen sofort abziehen«, sagte Kanzler Scholz am Freitag.",
     (frozenset({"olaf-scholz"}), frozenset({"russia"}))),
    ("»Es ist an der Zeit, dass China seinen Einfluss nutzt«, sagte Baerbock in Peking.",
     (frozenset({"germany"}), frozenset({"china"}))),
    ('"Iran must stop enriching uranium," Macron said on Tuesday.',
     (frozenset({"emmanuel-macron"}), frozenset({"iran"}))),
])
def test_an_obligation_quoted_before_its_speaker_is_a_demand(
        text: str, expected: tuple[frozenset[str], frozenset[str]]) -> None:
    assert expected in demands(read(text, "2023-04-14"))


def test_a_quote_in_guillemets_starts_a_sentence() -> None:
    article = read("Scholz reiste nach Paris. »Frankreich muss mehr tun«, sagte er dort.",
                   "2023-04-14")
    assert len(article.sentences) == 2


# --- one deal told many times ---------------------------------------------------------------

def test_one_deal_told_in_headline_caption_and_body_is_one_agreement() -> None:
    article = read("Japan and Vietnam sign landmark security pact\n\nThe leaders after signing "
                   "the pact in Hanoi.\n\nJapan and Vietnam signed a security agreement on "
                   "Thursday that will deepen defence cooperation.", "2024-11-07")
    assert sides(article, AGREEMENT) == [frozenset({"japan", "vietnam"})]


def test_a_second_accord_said_to_be_one_stays_apart() -> None:
    article = read("Biden and Xi agreed on Wednesday to resume talks between their armed forces "
                   "after a long pause. They also agreed to curb exports of chemicals used to make "
                   "fentanyl in Chinese factories.", "2023-11-16")
    assert len(sides(article, AGREEMENT)) == 2


def test_the_sides_of_an_agreement_are_those_named_after_between() -> None:
    article = read("Lawrow kündigte am Samstag die Einigung auf eine Waffenruhe zwischen Armenien "
                   "und Aserbaidschan an.", "2020-10-10")
    assert sides(article, AGREEMENT) == [frozenset({"armenia", "azerbaijan"})]


# --- supplies ------------------------------------------------------------------------------------

def supplies(article: Article) -> list[tuple[frozenset[str], frozenset[str]]]:
    return [(frozenset(e.participants), frozenset(e.addressees))
            for e in article.events if e.type is SUPPORT]


@pytest.mark.parametrize(("text", "supplier", "receiver"), [
    # German dative receiver, no preposition
    ("Norwegen stellte der Ukraine zwei weitere Flugabwehrsysteme bereit.", "norway", "ukraine"),
    ("Kanada gewährte der Republik Moldau einen Kredit über 50 Millionen Dollar.", "canada", "moldova"),
    # direction, not place
    ("Schweden schickt Radarflugzeuge in die Ukraine.", "sweden", "ukraine"),
    # the receiver as subject, each supplier of a list
    ("Poland received the first Apache helicopters from the United States.", "united-states", "poland"),
    # a promise reported with "would" is a pledge
    ("Spain said it would deliver six more Leopard tanks to Ukraine.", "spain", "ukraine"),
    # vehicles, bombs, loans
    ("Britain sent armoured vehicles to Ukraine.", "united-kingdom", "ukraine"),
    ("The World Bank approved a new loan for Moldova.", "world-bank", "moldova"),
])
def test_supplies_in_news_phrasings(text: str, supplier: str, receiver: str) -> None:
    assert any(supplier in s and receiver in r for s, r in supplies(read(text, "2024-05-02")))


def test_each_supplier_of_a_list_after_from() -> None:
    found = supplies(read("Romania received fighter jets from Norway and the Netherlands.",
                          "2024-05-02"))
    assert (frozenset({"norway", "netherlands"}), frozenset({"romania"})) in found


def test_an_expected_delivery_is_no_supply() -> None:
    assert supplies(read("Ukraine expects Germany to deliver more air defence systems this "
                         "month.", "2024-05-02")) == []


def test_what_a_clause_after_as_names_is_not_supplied() -> None:
    """One supply of weapons, not a second of energy from "as Russia pounded … energy grid"."""
    article = read("Norway supplied Ukraine with tanks as Russia pounded Ukraine's energy grid.",
                   "2024-05-02")
    assert [(e.participants, e.addressees, e.support_kind) for e in article.events
            if e.type is SUPPORT] == [(["norway"], ["ukraine"], "weapons")]


@pytest.mark.parametrize(("text", "demander", "holder"), [
    ("Japan fordert erneut die Rückgabe der Kurilen.", "japan", "russia"),
    ("Tokyo demanded the return of the Kuril Islands.", "japan", "russia"),
])
def test_a_territory_asked_back_is_asked_of_its_holder(text: str, demander: str, holder: str) -> None:
    assert (frozenset({demander}), frozenset({holder})) in demands(read(text))


# --- meetings -------------------------------------------------------------------------------------

def test_a_fronted_participle_clause_has_the_main_clause_subject() -> None:
    article = read("After meeting Erdogan in Ankara, Orban told reporters the talks went well.",
                   "2024-05-02")
    assert frozenset({"recep-tayyip-erdogan", "viktor-orban"}) in sides(article, MEETING)


def test_a_trip_after_invitations_to_others_of_the_same_state() -> None:
    """The earlier clause names only the traveller's compatriots: no three-German meeting."""
    article = read("Es gab Einladungen an Steinmeier und Scholz, am Montag reiste "
                   "Außenministerin Baerbock als erstes Kabinettsmitglied nach Kiew.", "2022-05-10")
    assert [frozenset(e.participants) for e in article.events if e.type is MEETING] == [
        frozenset({"germany", "ukraine"})]  # a minister acts for her state


def test_the_prime_minister_is_the_recent_prime_minister() -> None:
    article = read("President Biden spoke with Prime Minister Netanyahu on Monday. Biden urged "
                   "the Prime Minister to agree to a ceasefire.", "2024-04-08")
    assert (frozenset({"joe-biden"}), frozenset({"benjamin-netanyahu"})) in demands(article)


# --- agreements -------------------------------------------------------------------------------------

def test_a_pact_names_its_own_sides() -> None:
    """Who deplores a deal is no party to it: the possessor and the partner after "with" are."""
    article = read("Japan deeply regrets the signing of Cambodia's defence pact with China. "
                   "Tokyo said it was troubled by the signing of the deal.", "2024-05-02")
    assert sides(article, AGREEMENT) == [frozenset({"cambodia", "china"})]


@pytest.mark.parametrize(("text", "published", "leader"), [
    ("Sharif forderte Indien zu Gesprächen über Kaschmir auf.", "2024-03-20", "shehbaz-sharif"),
    ("Sharif forderte Indien zu Gesprächen über Kaschmir auf.", "2015-03-20", "nawaz-sharif"),
    ("Präsident Abbas verlangte von Israel einen Baustopp.", "2023-06-16", "mahmoud-abbas"),
])
def test_a_leader_named_by_surname_alone(text: str, published: str, leader: str) -> None:
    """The surname means the leader of that name in office around the day (two Sharifs)."""
    assert [e.participants for e in read(text, published).events if e.type is DEMAND] == [[leader]]


@pytest.mark.parametrize(("text", "published", "demanders", "addressees"), [
    ("Scholz, Macron, Sunak und Meloni forderten Iran auf, die Angriffe einzustellen.",
     "2024-04-15", {"germany", "france", "united-kingdom", "italy"}, {"iran"}),
    ("Guterres appellierte an Armenien und Aserbaidschan, die Waffen ruhen zu lassen.",
     "2023-09-20", None, {"armenia", "azerbaijan"}),
    ("The International Court of Justice ordered Israel to allow aid into Gaza.",
     "2024-03-28", {"international-court-of-justice"}, {"israel"}),
    ("Hungary must stop blocking the aid, Polish Prime Minister Tusk said on Friday.",
     "2024-01-26", {"poland"}, {"hungary"}),
    ("Warsaw renewed its request for more Patriot batteries from Washington.",
     "2024-01-26", {"poland"}, {"united-states"}),
])
def test_demands_with_lists_orders_and_reported_obligations(
        text: str, published: str, demanders: set[str] | None, addressees: set[str]) -> None:
    gaz_day = dt.date.fromisoformat(published)
    from geokg.extract import load_gazetteer
    gaz = load_gazetteer()
    found = [({gaz.state_of(p, gaz_day) for p in e.participants}, set(e.addressees))
             for e in read(text, published).events if e.type is DEMAND]
    assert any((demanders is None or d == demanders) and a == addressees for d, a in found), found


def test_what_a_warning_asks_is_no_event_of_its_own() -> None:
    article = read("Biden warned Kim to stop the missile tests and agree to talks.", "2022-05-02")
    assert [e.type for e in article.events] == [DEMAND]


# --- calls ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Scholz and Erdogan talked on the phone on Tuesday.", {"germany", "turkey"}),
    ("Sunak rang Zelenskiy on Saturday to discuss the war, Downing Street said.",
     {"united-kingdom", "ukraine"}),
    ("In a call between Macron and Lula on Friday, the two discussed trade.", {"france", "brazil"}),
    ("Erdogan received a phone call from Pezeshkian on Wednesday.", {"turkey", "iran"}),
    ("Biden and Scholz held a video call on Monday ahead of the G7 summit.",
     {"united-states", "germany"}),
])
def test_calls_in_news_phrasings(text: str, expected: set[str]) -> None:
    from geokg.extract import load_gazetteer
    gaz, day = load_gazetteer(), dt.date(2023, 9, 10)
    found = [{gaz.state_of(p, day) for p in e.participants}
             for e in read(text, "2023-09-10").events if e.type is CALL]
    assert expected in found, found


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("The Macron-Modi call lasted an hour, the Elysee said.", CALL, {"france", "india"}),
    ("Das Merz-Macron-Treffen in Paris dauerte drei Stunden.", MEETING, {"germany", "france"}),
    ("Erdogan-Aliyev summit in Baku ends without agreement", MEETING, {"turkey", "azerbaijan"}),
])
def test_names_joined_by_hyphens_are_the_sides(text: str, kind: EventType, expected: set[str]) -> None:
    from geokg.extract import load_gazetteer
    gaz, day = load_gazetteer(), dt.date(2025, 6, 10)
    found = [{gaz.state_of(p, day) for p in e.participants}
             for e in read(text, "2025-06-10").events if e.type is kind]
    assert expected in found, found


@pytest.mark.parametrize(("text", "published", "expected"), [
    # English capitalizes weekdays: "On Sunday he and Xi" is no phrase around "he"
    ("Lula flew to Beijing. On Sunday he and Xi held talks in the Great Hall.", "2023-04-16",
     {"brazil", "china"}),
    ("Macron was Biden's guest at the White House on Thursday.", "2022-12-02",
     {"france", "united-states"}),
    ("Rutte war am Montag zu Gast bei Scholz im Kanzleramt.", "2023-03-13",
     {"netherlands", "germany"}),
    ("Orban kam am Dienstag nach Peking.", "2024-07-09", {"hungary", "china"}),
    # a visit as the setting of an announcement happened
    ("Blinken kündigte bei einem Besuch in Kiew neue Hilfen an.", "2024-05-15",
     {"united-states", "ukraine"}),
])
def test_meetings_with_their_sides(text: str, published: str, expected: set[str]) -> None:
    from geokg.extract import load_gazetteer
    gaz, day = load_gazetteer(), dt.date.fromisoformat(published)
    found = [{gaz.state_of(p, day) for p in e.participants}
             for e in read(text, published).events if e.type is MEETING]
    assert expected in found, found


@pytest.mark.parametrize("text", [
    "Spanien werde das Abkommen beim Sondergipfel der EU an diesem Sonntag mittragen.",
])
def test_no_visit_or_summit_beyond_what_is_said(text: str) -> None:
    assert sides(read(text, "2023-04-20"), MEETING) == []


def test_their_summit_has_the_sides_of_the_clause_after_it() -> None:
    article = read("At their summit in Hiroshima, the leaders of Canada, Italy and Japan adopted a "
                   "joint statement on energy.", "2023-05-20")
    meetings = [{_leader_state(p) for p in e.participants} for e in article.events
                if e.type is MEETING]
    assert {"canada", "italy", "japan"} in meetings, meetings


def test_agreed_in_their_call_is_a_call_too() -> None:
    article = read("Tokyo said Kishida and Albanese had agreed in their call to expand defence "
                   "cooperation.", "2023-05-20")
    assert sides(article, CALL) == [frozenset({"fumio-kishida", "anthony-albanese"})]


def _leader_state(key: str) -> str:
    from geokg.extract import load_gazetteer
    return load_gazetteer().state_of(key, dt.date(2023, 5, 20))


# --- what is not (yet) an event -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kasachstan weigert sich, Munition an Russland zu liefern.",
    "Lula hofft auf ein baldiges Treffen mit Macron.",
    "Der Kanzler hat ein Treffen mit Maduro ausgeschlossen.",
    "Chile bot an, einen Gipfel zwischen Peru und Bolivien auszurichten.",
    "Die Verhandlungen über ein Handelsabkommen zwischen Kanada und Mexiko dauern an.",
    "Brazil and Argentina failed to agree on a new trade deal.",
    "Mexico and Canada have yet to agree on a date for talks.",
    "Will France send Mirage jets to Kyiv? The ministry declined to comment.",
    "An accord between Seoul and Tokyo on the dispute is within reach, an official said.",
    "Reports that Spain had delivered tanks to Morocco were false, the ministry said.",
    "Kiew wies Forderungen nach Gebietsabtretungen zurück.",
])
def test_refused_hoped_failed_asked_or_denied_is_no_event(text: str) -> None:
    events = read(text, "2024-05-02").events
    assert events == [], [(e.type, e.participants) for e in events]


@pytest.mark.parametrize(("text", "expected"), [
    ("Lula ist zu Besuch in Paris. Macron empfing seinen Gast am Abend im Élysée-Palast.",
     {"luiz-inacio-lula-da-silva", "emmanuel-macron"}),
    ("Modi flew to Tokyo. Kishida welcomed his guest with a state banquet.",
     {"narendra-modi", "fumio-kishida"}),
])
def test_his_guest_is_the_other_leader_of_the_story(text: str, expected: set[str]) -> None:
    assert frozenset(expected) in sides(read(text, "2023-05-20"), MEETING)


def test_an_undated_story_event_takes_the_day_the_story_names() -> None:
    """A report filed on Sunday about Saturday: the agreement is of Saturday, not of the day
    the report appeared."""
    article = read("Chile und Peru haben eine Waffenruhe vereinbart. In der Nacht auf Samstag "
                   "hatte es noch Gefechte gegeben.", "2024-03-10")
    agreement = next(e for e in article.events if e.type is AGREEMENT)
    assert agreement.date is not None and agreement.date.value == dt.date(2024, 3, 9)


def test_made_clear_the_need_for_a_state_to_act_is_a_demand_of_it() -> None:
    article = read("Scholz made clear the need for Serbia to recognise the election result.",
                   "2023-06-16")
    assert (frozenset({"olaf-scholz"}), frozenset({"serbia"})) in demands(article)


def test_two_demands_of_one_day_asking_different_things_stay_two() -> None:
    article = read("Scholz rief Peking auf, seinen Einfluss auf Moskau für ein Ende des Krieges "
                   "zu nutzen. Außerdem forderte Scholz China auf, keine Waffen und Bauteile an "
                   "Russland zu liefern.", "2023-04-14")
    assert len([e for e in article.events if e.type is DEMAND]) == 2


@pytest.mark.parametrize(("text", "supplier", "receiver"), [
    ("Moldova was given two radar systems by Romania last year.", "romania", "moldova"),
    ("Der Ukraine wurden von Norwegen weitere Panzer geliefert.", "norway", "ukraine"),
])
def test_in_a_passive_the_agent_supplies(text: str, supplier: str, receiver: str) -> None:
    assert (frozenset({supplier}), frozenset({receiver})) in supplies(read(text, "2024-05-02"))


@pytest.mark.parametrize(("text", "kind"), [
    ("Rom und Madrid trafen eine Vereinbarung über Flüchtlingsquoten.", AGREEMENT),
    ("Scholz und Sunak sprachen in einem Videogipfel über die Ukraine.", CALL),
])
def test_a_preferred_row_wins_at_its_word(text: str, kind: EventType) -> None:
    assert [e.type for e in read(text, "2023-05-02").events] == [kind]


@pytest.mark.parametrize(("text", "demander", "addressee"), [
    ("Macron betonte, dass Russland aufgerufen bleibe, die Angriffe einzustellen.",
     "emmanuel-macron", "russia"),
    ("Venezuela was urged by Brazil to publish the vote count.", "brazil", "venezuela"),
])
def test_in_a_passive_demand_the_subject_is_asked(text: str, demander: str, addressee: str) -> None:
    assert (frozenset({demander}), frozenset({addressee})) in demands(read(text, "2024-08-02"))


# --- session 2026-12-05b: demands in more forms, background meetings, agreed clauses ------------

@pytest.mark.parametrize(("text", "published", "demanders", "addressees"), [
    # a pattern that ends on its complement marker: what follows is what is asked
    ("Albanese asked Modi to consider dropping the tariffs.", "2024-05-15",
     {"australia"}, {"india"}),
    ("Before the talks, Erdogan told Biden that he should help end the war.", "2024-05-15",
     {"turkey"}, {"united-states"}),
    ("Maduro gave American diplomats 72 hours to leave the country.", "2019-01-24",
     {"venezuela"}, {"united-states"}),
    ("Mali demanded the withdrawal of French troops from the country.", "2022-02-18",
     {"mali"}, {"france"}),
])
def test_demands_told_asked_warned_and_given_a_deadline(
        text: str, published: str, demanders: set[str], addressees: set[str]) -> None:
    found = state_demands(text, published)
    assert (demanders, addressees) in found, found


@pytest.mark.parametrize("text", [
    "Maduro gave the army 48 hours to prepare.",  # his own side: an order, no demand of another
    "Scholz hat vor zwei Wochen vor einer Eskalation gewarnt.",  # no one warned
    "Scholz told reporters that Germany should not send troops.",  # of his own state
])
def test_no_demand_without_another_side_asked(text: str) -> None:
    assert demands(read(text, "2024-05-15")) == []


def test_the_object_of_an_infinitive_does_not_ask() -> None:
    article = read("The minister took time out last week to visit Honiara and to ask Prime "
                   "Minister Sogavare to reconsider the pact.", "2022-04-20")
    assert all("solomon-islands" not in e.participants for e in article.events
               if e.type is DEMAND), article.events
    assert demands(read("Scholz asked Prime Minister Sogavare to reconsider the pact.",
                        "2022-04-20")) == [(frozenset({"olaf-scholz"}), frozenset({"manasseh-sogavare"}))]


def test_their_earlier_meeting_is_a_meeting_of_its_own_date() -> None:
    article = read("Modi held talks with Xi Jinping in Tianjin on Sunday. The discussion aimed "
                   "to consolidate the thaw since their October 2024 meeting at the BRICS "
                   "summit in Kazan.", "2025-09-01")
    meetings = sorted((str(e.date.value)[:7], frozenset(e.participants)) for e in article.events
                      if e.type is MEETING)
    pair = frozenset({"narendra-modi", "xi-jinping"})
    assert meetings == [("2024-10", pair), ("2025-08", pair)], meetings


def test_their_meeting_without_a_date_is_the_one_told() -> None:
    article = read("Modi held talks with Xi Jinping in Tianjin on Sunday. Their meeting lasted "
                   "two hours.", "2025-09-01")
    assert len(sides(article, MEETING)) == 1


def test_agreed_with_a_clause_without_that() -> None:
    article = read("Biden and Xi agreed China would curb the export of fentanyl precursors.",
                   "2023-11-16")
    assert sides(article, AGREEMENT) == [frozenset({"joe-biden", "xi-jinping"})]


def supplies_in_order(article: Article) -> list[tuple[frozenset[str], tuple[str, ...]]]:
    return [(frozenset(e.participants), tuple(e.addressees))
            for e in article.events if e.type is SUPPORT]


@pytest.mark.parametrize(("text", "expected"), [
    ("Germany sent tanks to Ukraine, Moldova and Georgia last year.",
     ("ukraine", "moldova", "georgia")),
    ("Deutschland hat Panzer an die Ukraine und Moldau geliefert.", ("ukraine", "moldova")),
    # the next name with its own verb starts a clause of its own
    ("Germany sent tanks to Ukraine and France sent guns.", ("ukraine",)),
])
def test_every_name_of_a_receiver_list_receives(text: str, expected: tuple[str, ...]) -> None:
    """(Two receivers are two supplies, see below; a list of three is one.)"""
    read_ = supplies_in_order(read(text, "2024-05-15"))
    assert {suppliers for suppliers, _ in read_} == {frozenset({"germany"})}
    assert tuple(r for _, receivers in read_ for r in receivers) == expected


@pytest.mark.parametrize(("text", "supplier", "receivers"), [
    ('"In the coming months we will ensure free supplies of grain to Mali, Somalia and '
     'Eritrea," Putin said.', "vladimir-putin", ("mali", "somalia", "eritrea")),
    ("„Wir liefern der Ukraine weitere Panzer“, sagte Scholz am Montag.", "olaf-scholz",
     ("ukraine",)),
])
def test_we_in_a_quote_supplies_as_its_speaker(text: str, supplier: str,
                                                 receivers: tuple[str, ...]) -> None:
    assert supplies_in_order(read(text, "2024-05-15")) == [(frozenset({supplier}), receivers)]


def test_a_state_named_with_its_form_of_state_is_a_side() -> None:
    article = read("Leaders from Israel, the United Arab Emirates and the kingdom of Bahrain signed "
                   "a deal normalizing their relations.", "2020-09-16")
    assert sides(article, AGREEMENT) == [frozenset({"israel", "united-arab-emirates", "bahrain"})]


@pytest.mark.parametrize("text", [
    "Chinas Präsident Xi Jinping will die Wiedervereinigung mit Taiwan notfalls mit Gewalt erzwingen.",
    "Xi vowed on Wednesday to achieve reunification with Taiwan.",
])
def test_wanting_or_vowing_reunification_claims(text: str) -> None:
    article = read(text, "2024-05-15")
    assert [(e.type, e.territories) for e in article.events] == [(CLAIM, ["taiwan"])]


def test_an_annexation_put_on_hold_is_no_claim() -> None:
    article = read("Israel has put on hold its plans to annex parts of the West Bank.", "2020-09-16")
    assert sides(article, CLAIM) == []


def test_a_name_after_an_occasion_is_the_object() -> None:
    article = read("Lai hatte bei seiner Amtseinführung Peking zu einem Ende der Spannungen "
                   "aufgefordert.", "2024-05-21")
    assert demands(article) == [(frozenset({"lai-ching-te"}), frozenset({"china"}))]


@pytest.mark.parametrize("text", [
    "Außerdem forderte Trump von den Bürgern, mehr amerikanische Produkte zu kaufen.",
    "Macron urged voters to reject the far right.",
])
def test_asking_ones_own_people_is_no_demand_between_sides(text: str) -> None:
    assert demands(read(text, "2024-05-15")) == []


@pytest.mark.parametrize("text", [
    "Trump hat nach eigenen Angaben eine Entscheidung über das Atomabkommen mit dem Iran getroffen.",
    "Scholz traf mit Macron eine Verabredung für den Herbst.",
])
def test_treffen_as_a_light_verb_is_no_meeting(text: str) -> None:
    assert sides(read(text, "2024-05-15"), MEETING) == []


@pytest.mark.parametrize("text", [
    "Unter US-Vermittlung hatten die Vereinigten Arabischen Emirate, Bahrain und der Sudan eine "
    "Aufnahme diplomatischer Beziehungen zu Israel angekündigt.",
    "The UAE, Bahrain and Sudan agreed to establish diplomatic relations with Israel.",
])
def test_relations_with_one_side_are_an_accord_of_each(text: str) -> None:
    assert sorted(sides(read(text, "2020-12-11"), AGREEMENT), key=sorted) == sorted([
        frozenset({"israel", "united-arab-emirates"}), frozenset({"israel", "bahrain"}),
        frozenset({"israel", "sudan"})], key=sorted)


@pytest.mark.parametrize(("text", "expected"), [
    ("Der Vertrag, unterzeichnet von Polen und Litauen, tritt im Mai in Kraft.", {"poland", "lithuania"}),
    ("Neuer Friedensfahrplan, unterzeichnet von Vertretern der Ukraine, Russlands und der OSZE.",
     {"ukraine", "russia", "osce"}),
    ("Der heute von Putin und Kim unterzeichnete Partnerschaftsvertrag sieht Beistand vor.",
     {"vladimir-putin", "kim-jong-un"}),
])
def test_german_participles_signed_by_name_the_sides(text: str, expected: set[str]) -> None:
    assert sides(read(text, "2024-06-19"), AGREEMENT) == [frozenset(expected)]


@pytest.mark.parametrize(("text", "claims"), [
    ("Schließlich betrachtet die Kommunistische Partei Chinas, die seit 1949 über das Festland "
     "regiert, die Insel Taiwan als Teil ihres Territoriums.", [(["china"], ["taiwan"])]),
    ("China considers Taiwan part of its territory.", [(["china"], ["taiwan"])]),
    ("Beijing regards Taiwan as a breakaway province.", [(["china"], ["taiwan"])]),
    ("Peking betrachtet Taiwan als Teil Chinas.", [(["china"], ["taiwan"])]),
    # part of a family, not of a state's territory
    ("Scholz sieht die Ukraine als Teil der europäischen Familie.", []),
    ("Scholz sees Ukraine as part of our European family.", []),
])
def test_regarded_as_part_of_a_state_claims(text: str, claims: list) -> None:
    found = [(e.participants, e.territories) for e in read(text, "2024-05-24").events
             if e.type is CLAIM]
    assert found == claims


def test_bundes_ministers_act_for_germany_and_ask_nothing_of_their_own_chancellor() -> None:
    assert demands(read("Bundesjustizminister Marco Buschmann hat Bundeskanzler Scholz offiziell "
                        "um seine Entlassung gebeten.", "2024-11-07")) == []
    assert demands(read("Bundesaußenministerin Baerbock forderte Russland auf, die Truppen "
                        "abzuziehen.", "2023-03-01")) == [(frozenset({"germany"}), frozenset({"russia"}))]


def test_his_plans_is_the_topic_of_a_call_not_a_plan_of_it() -> None:
    article = read("Trump informed Abbas and Jordan's King Abdullah of his plans in telephone "
                   "calls on Tuesday.", "2020-01-29")
    assert sorted(sides(article, CALL), key=sorted) == [
        frozenset({"donald-trump", "abdullah-ii-of-jordan"}), frozenset({"donald-trump", "mahmoud-abbas"})]
    assert read("Macron announced his plans to visit China next month.", "2023-03-01").events == []


def test_another_leader_of_the_same_state_calls_apart() -> None:
    article = read("Bundeskanzler Scholz hat am Mittwoch mit Selenskyj telefoniert. Zuvor waren "
                   "Verstimmungen in einem Telefonat zwischen Bundespräsident Steinmeier und "
                   "Selenskyj ausgeräumt worden.", "2022-05-11")
    assert sorted(sides(article, CALL), key=sorted) == [
        frozenset({"frank-walter-steinmeier", "volodymyr-zelenskyy"}),
        frozenset({"olaf-scholz", "volodymyr-zelenskyy"})]


@pytest.mark.parametrize(("text", "demanders", "addressees"), [
    ("Die Spannungen nahmen zu, nachdem Kiew von Budapest verlangt hatte, seine Blockade "
     "aufzugeben.", {"ukraine"}, {"hungary"}),
    ("Die Ukraine wurde von Biden aufgefordert, mehr Soldaten zu mobilisieren.",
     {"joe-biden"}, {"ukraine"}),
    ("In einem gemeinsamen Brief verlangten Starmer, Macron und Carney von Netanjahu ein Ende "
     "der Blockade.", {"keir-starmer", "emmanuel-macron", "mark-carney"}, {"benjamin-netanyahu"}),
    # (the Commission speaks for the EU, as the Kremlin for Russia)
    ("Die EU-Kommission forderte Ungarn auf, das Gesetz zurückzunehmen.",
     {"european-union"}, {"hungary"}),
    ("Am Telefon legte Macron Peseschkian am Sonntag nahe, auf einen Vergeltungsschlag zu "
     "verzichten.", {"emmanuel-macron"}, {"masoud-pezeshkian"}),
    ("Trump gave Qatar until Sunday evening to deliver an answer.",
     {"donald-trump"}, {"qatar"}),
])
def test_german_verb_final_passive_and_listed_demands(text: str, demanders: set[str],
                                                      addressees: set[str]) -> None:
    assert (frozenset(demanders), frozenset(addressees)) in demands(read(text, "2025-06-19"))


def test_what_an_obligation_quoted_first_demands_is_no_event_of_its_own() -> None:
    article = read("Hamas must hand over its weapons to the Palestinian Authority, Abbas said on "
                   "Thursday.", "2025-06-19")
    assert [e.type for e in article.events] == [DEMAND]


@pytest.mark.parametrize(("text", "expected"), [
    ("Unter Vermittlung der Türkei haben sich Russland und die USA auf einen Gefangenenaustausch "
     "verständigt.", [{"russia", "united-states"}]),
    ("Rwanda and DR Congo hammered out a draft peace agreement with U.S. mediation.",
     [{"rwanda", "democratic-republic-of-the-congo"}]),
    ("Qatar, Egypt and the United States mediated the indirect talks for many months.", []),
    ("Saudi-Arabien und Pakistan haben einen Pakt zur gegenseitigen Verteidigung geschmiedet.",
     [{"saudi-arabia", "pakistan"}]),
    ("Die zwischen Ankara und Moskau ausgehandelte Feuerpause in Idlib hielt zunächst.",
     [{"turkey", "russia"}]),
    ("The United States and the European Union came to terms on a trade deal.",
     [{"united-states", "european-union"}]),
])
def test_accords_without_their_mediators(text: str, expected: list[set[str]]) -> None:
    article = read(text, "2025-06-19")
    assert [set(e.participants) for e in article.events
            if e.type in (AGREEMENT, MEETING)] == expected


@pytest.mark.parametrize("text", [
    "Die Lieferung von Tomahawk-Marschflugkörpern an die Ukraine ist vorerst vom Tisch.",
    "Analysts doubt that Beijing will ever openly give weapons to Russia.",
])
def test_a_supply_off_the_table_or_doubted_is_none(text: str) -> None:
    assert read(text, "2025-06-19").events == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Estonia, Latvia and Lithuania agreed to build a joint defence line along their borders "
     "with Russia and Belarus.", {"estonia", "latvia", "lithuania"}),
    ("France and Germany agreed with Poland to build a joint tank.", {"france", "germany", "poland"}),
])
def test_names_inside_what_was_agreed_are_no_sides(text: str, expected: set[str]) -> None:
    assert sides(read(text, "2025-06-19"), AGREEMENT) == [frozenset(expected)]


@pytest.mark.parametrize(("text", "claimant", "territory"), [
    ("Japanese Prime Minister Sanae Takaichi reasserted Tokyo's claim to the southern Kurils.",
     "japan", "kuril-islands"),
    ("Morocco claims the Spanish enclaves of Ceuta and Melilla as its own.", "morocco", "ceuta"),
])
def test_a_claim_is_not_on_the_claimant_nor_on_the_holder_named_by_adjective(
        text: str, claimant: str, territory: str) -> None:
    claims = state_claims(text, "2025-11-01")
    assert (claimant, territory) in claims and all(t not in ("japan", "spain") for _, t in claims)


def test_supplies_talked_about_are_no_supply() -> None:
    assert read("Der Bundestag debattierte erneut über Waffenlieferungen an die Ukraine.",
                "2025-06-19").events == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Modi and Biden held a virtual meeting on Monday.", [CALL]),
    ("Mit Brasiliens Präsidenten Lula sprach Ramaphosa am Mittwoch per Telefon über die "
     "Vorbereitung des Brics-Gipfels.", [CALL]),
    ("In a 30-minute call on Saturday, Takaichi and Trump discussed his upcoming trip to Tokyo.",
     [CALL]),
    ("Der Kreml teilte mit, Putin sei am Mittwoch vom kasachischen Präsidenten Kassym-Schomart "
     "Tokajew angerufen worden.", [CALL]),
    # a verb after the call is an event of its own
    ("The call came less than three weeks after Modi met Putin in Samarkand.", [MEETING]),
])
def test_a_summit_talked_about_in_a_call_is_no_meeting(text: str, expected: list[EventType]) -> None:
    assert [e.type for e in read(text, "2025-10-26").events] == expected


def test_after_a_fronted_phrase_the_german_speaker_follows_the_verb() -> None:
    article = read("Bei ihrem Besuch im Sahel-Staat Niger sagte Baerbock, gerade die wohlhabenden "
                   "Industriestaaten müssten ihre Hilfen deutlich erhöhen.", "2022-04-12")
    assert all(e.participants == ["germany"] for e in article.events if e.type is DEMAND)
    assert demands(article)


@pytest.mark.parametrize(("text", "addressee"), [
    ("Biden urged Turkey to approve Sweden's accession to NATO.", {"turkey"}),
    ("Biden called for Sweden's accession to NATO to be approved.", set()),
    ("Scholz forderte den Abzug Russlands aus der Ukraine.", {"russia"}),
])
def test_the_state_whose_admission_is_demanded_is_not_asked(text: str, addressee: set[str]) -> None:
    assert [a for _, a in demands(read(text, "2023-07-10"))] == [frozenset(addressee)]


def test_a_leader_named_with_the_possessive_of_its_state_does_not_ask_itself() -> None:
    article = read("Malaysia's Anwar Ibrahim lobbied fellow leaders to speed up East Timor's "
                   "accession to the bloc.", "2023-09-06")
    assert [d for d, _ in demands(article)] == [frozenset({"malaysia"})]


@pytest.mark.parametrize(("text", "supplier", "receiver"), [
    ("Spain dispatched search-and-rescue teams to Morocco after the earthquake.", "spain", "morocco"),
    ("Cuba sent a brigade of doctors and nurses to Italy.", "cuba", "italy"),
    ("The United States airlifted emergency aid to Jamaica.", "united-states", "jamaica"),
    ("China furnished Sri Lanka with emergency rice supplies.", "china", "sri-lanka"),
    ("China hat Kambodscha zwei Korvetten geschenkt.", "china", "cambodia"),
    ("Kenia entsendet die ersten 400 Polizisten nach Haiti.", "kenya", "haiti"),
])
def test_more_kinds_of_supply(text: str, supplier: str, receiver: str) -> None:
    assert (frozenset({supplier}), frozenset({receiver})) in supplies(read(text, "2024-06-19"))


@pytest.mark.parametrize(("text", "claimant", "territory"), [
    ("Maduro erklärte Essequibo per Gesetz zum 24. Bundesstaat Venezuelas.", "venezuela", "essequibo"),
    ("Israel hat Ost-Jerusalem 1980 per Gesetz zum Teil seiner Hauptstadt erklärt.", "israel",
     "east-jerusalem"),
    ("Milei said Argentina wanted the Malvinas back through diplomacy, not war.", "argentina",
     "falkland-islands"),
])
def test_declared_part_of_a_state_or_wanted_back_claims(text: str, claimant: str,
                                                        territory: str) -> None:
    assert state_claims(text, "2024-06-19") == {(claimant, territory)}


@pytest.mark.parametrize("text", ["The EU declared the summit a success.",
                                  "Die Regierung erklärte den Tag zum Feiertag."])
def test_declaring_something_else_claims_nothing(text: str) -> None:
    assert read(text, "2024-06-19").events == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Bei den Gesprächen zwischen Russland und Japan im Kreml gab es erneut keine Annäherung.",
     [MEETING]),
    ("The talks between Russia and Japan brought no breakthrough.", [MEETING]),
    ("Es gab keine Gespräche zwischen Russland und Japan.", []),
    ("There were no talks between Russia and Japan.", []),
])
def test_no_result_after_the_talks_does_not_undo_them(text: str, expected: list[EventType]) -> None:
    assert [e.type for e in read(text, "2019-01-22").events] == expected


def test_a_past_holders_title_is_the_state_not_todays_holder() -> None:
    article = read("Im Jahr 1956 kam der damalige US-Präsident Eisenhower mit dem kubanischen "
                   "Präsidenten Batista zusammen.", "2015-04-10")
    assert [e.participants[0] for e in article.events if e.type is MEETING] == ["united-states"]


def test_states_called_countries_in_their_region_claim_nothing() -> None:
    article = read("Steinmeier sagte, Deutschland und Kenia seien als wichtige Länder in ihrer "
                   "jeweiligen Region natürliche Partner.", "2023-10-30")
    assert sides(article, CLAIM) == []


def test_a_standing_claim_takes_no_date_from_the_story_but_a_claim_made_does() -> None:
    article = read("Putin und Trump telefonierten am Dienstag. Moskau betrachtet die Krim als "
                   "Teil des eigenen Staatsgebiets. Putin erneuerte auch seine Ansprüche auf die "
                   "Region Cherson.", "2025-07-02")
    dates = {e.territories[0]: e.date for e in article.events if e.type is CLAIM}
    assert dates["crimea"] is None
    assert dates["kherson-oblast"] is not None and str(dates["kherson-oblast"].value) == "2025-07-01"


@pytest.mark.parametrize(("text", "demanders", "addressees"), [
    ("Guyana's President Irfaan Ali said Venezuela should stop threatening his country.",
     {"irfaan-ali"}, {"venezuela"}),
    ("Merkel hatte Trump in dem Telefonat gesagt, eine diplomatische Lösung müsse gefunden "
     "werden.", {"angela-merkel"}, {"donald-trump"}),
])
def test_reported_obligations_of_whom_it_was_said_to(text: str, demanders: set[str],
                                                     addressees: set[str]) -> None:
    assert demands(read(text, "2017-09-20")) == [(frozenset(demanders), frozenset(addressees))]


def test_an_obligation_of_the_speakers_own_state_asks_no_one() -> None:
    assert demands(read("Merkel hatte Trump gesagt, Deutschland müsse mehr zahlen.", "2017-09-20")) == []


def test_a_plea_to_a_capital_is_made_to_its_state() -> None:
    assert demands(read("Zelenskiy's plea to Washington for Tomahawk missiles has so far gone "
                        "unanswered.", "2025-10-20")) == [
        (frozenset({"volodymyr-zelenskyy"}), frozenset({"united-states"}))]


def test_a_request_by_a_side_is_its_demand() -> None:
    assert demands(read("A request by Kyiv for F-16 fighter jets was turned down by Washington.",
                        "2023-02-01")) == [(frozenset({"ukraine"}), frozenset({"united-states"}))]


@pytest.mark.parametrize(("text", "demander"), [
    ("Die Forderung Kiews nach westlichen Kampfjets stößt weiter auf Zurückhaltung.", "ukraine"),
    ("Danach bekräftigte Putin die Forderung Moskaus nach verbindlichen Garantien.", "russia"),
])
def test_a_demand_noun_with_its_maker_in_the_genitive_is_told_here(text: str, demander: str) -> None:
    assert [d for d, _ in state_demands(text, "2024-06-19")] == [{demander}]


def test_a_definite_demand_noun_without_its_maker_refers_back() -> None:
    assert demands(read("Die Forderung wurde zurückgewiesen.", "2024-06-19")) == []


def test_one_side_deciding_to_supply_supplies() -> None:
    article = read("The United States has decided to supply NASAMS to Ukraine.", "2022-07-01")
    assert [(e.type, e.participants, e.addressees) for e in article.events] == [
        (SUPPORT, ["united-states"], ["ukraine"])]


# --- guards from the review of this session's rules -------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # "we" in a quote supplies only as the supply verb's own subject
    ('"We know that Iran supplies drones to Russia," Blinken said.', [(SUPPORT, ["iran"], ["russia"])]),
    # a co-speaker is no addressee; the object of the saying is no speaker
    ("Scholz und Macron betonten, eine Lösung müsse gefunden werden.", "no-addressee"),
    ("Scholz sagte Putin am Telefon, Russland müsse die Truppen abziehen.",
     [(DEMAND, ["olaf-scholz"], ["russia"]), (CALL, ["olaf-scholz", "vladimir-putin"], [])]),
    # stopping something else does not undo an annexation
    ("Russia stopped gas deliveries and annexed Crimea.", [(CLAIM, ["russia"], [])]),
    # a noun before the verb-final demand verb owns the 'von' phrase
    ("Die Ukraine hat nach Angaben von Polen mehr Munition verlangt.", [(DEMAND, ["ukraine"], [])]),
    # a commitment of one's own is no demand: its supply stays
    ("Polen hat sich verpflichtet, der Ukraine weitere Panzer zu liefern.",
     [(SUPPORT, ["poland"], ["ukraine"])]),
])
def test_review_guards_for_demands_supplies_and_claims(text: str, expected: object) -> None:
    events = read(text, "2024-06-19").events
    got = [(e.type, e.participants, e.addressees if e.type is not CLAIM else []) for e in events]
    if expected == "no-addressee":
        assert all(not e.addressees for e in events if e.type is DEMAND), got
    else:
        assert got == expected


@pytest.mark.parametrize(("text", "kinds"), [
    ("Vor der Wahl traf Scholz Macron in Paris.", [MEETING]),
    ("After a phone call with Biden, Scholz held a meeting with Macron in Paris.", [CALL, MEETING]),
    ("China betrachtet Taiwan, dessen Präsident Lai am Montag mit Biden telefonierte, als Teil "
     "seines Staatsgebiets.", [CALL, CLAIM]),
    ("Russia must withdraw, and Germany will send more tanks to Ukraine, Scholz said.",
     [DEMAND, SUPPORT]),
    ("Ukraine's needs were the focus when Scholz met Biden in Berlin, the government said.", [MEETING]),
    ("China regards Taiwan as an inalienable part of the motherland.", [CLAIM]),
])
def test_review_guards_for_events_beside_others(text: str, kinds: list[EventType]) -> None:
    assert sorted(e.type.value for e in read(text, "2024-06-19").events) == sorted(k.value for k in kinds)


@pytest.mark.parametrize("text", [
    "Ukraine declared a state of emergency in the Donetsk region.",
    "Alaska had been Russian territory until 1867, when the tsar sold it to the United States.",
    "Israel wants its hostages back from Gaza.",
    "Orbán betrachtet die Ukraine als Gefahr für die Sicherheit seines Landes.",
    "The IMF expects Germany to grow by 0.2 percent this year.",
    "Biden moved to dial back tensions with China.",
    "Russian troops gathered in Belarus near the border with Ukraine.",
    "Scholz hat vor zwei Wochen in Kiew vor einer Eskalation durch Russland gewarnt.",
])
def test_review_guards_for_phrases_that_are_no_event(text: str) -> None:
    assert read(text, "2024-06-19").events == []


@pytest.mark.parametrize("text", [
    "Saudi-Arabien strebt eine Normalisierung der Beziehungen zu Israel an.",
    "Die Türkei und Armenien sprachen über eine Normalisierung ihrer Beziehungen.",
    "Biden and Xi talked about the summit in Lima.",
])
def test_an_aim_or_a_topic_is_no_event(text: str) -> None:
    assert read(text, "2024-06-19").events == []


@pytest.mark.parametrize(("text", "claimant", "territory"), [
    ("A rocket hit a football pitch in the Israeli-annexed Golan Heights on Saturday.",
     "israel", "golan-heights"),
    ("Peking untermauerte seine Gebietsansprüche im Südchinesischen Meer mit einer neuen Karte.",
     "china", "south-china-sea"),
    ("Moscow has demanded that Kyiv cede the rest of the Donetsk region, which Russia claims as "
     "its own.", "russia", "donetsk-oblast"),
])
def test_claims_told_by_participle_noun_or_relative_clause(text: str, claimant: str,
                                                          territory: str) -> None:
    claims = [(e.participants, e.territories) for e in read(text, "2024-07-28").events
              if e.type is CLAIM]
    assert claims == [([claimant], [territory])]


def test_each_territory_of_a_list_declared_part_of_a_state_is_claimed() -> None:
    article = read("Abchasien und Südossetien seien untrennbare Teile Georgiens, erklärte "
                   "Regierungschef Irakli Kobachidse.", "2024-07-28")
    assert sorted(t for e in article.events if e.type is CLAIM for t in e.territories) == [
        "abkhazia", "south-ossetia"]


# --- supplies told by participles, lists and contrasts -------------------------------------------

@pytest.mark.parametrize(("text", "supplier", "receiver"), [
    ("Die von Frankreich an Rumänien gelieferten Radargeräte sind seit Mai im Einsatz.",
     "france", "romania"),
    ("Die lettische Armee erhielt im Frühjahr mehrere von Schweden gespendete Fahrzeuge.",
     "sweden", "latvia"),
    ("Poland's British-supplied air defence radars went into service on Friday.",
     "united-kingdom", "poland"),
    ("Egypt deployed French-donated patrol boats along its coast.", "france", "egypt"),
])
def test_a_participle_before_its_noun_names_the_supplier(text: str, supplier: str,
                                                         receiver: str) -> None:
    assert supplies(read(text)) == [(frozenset({supplier}), frozenset({receiver}))]


def test_who_launched_supplied_goods_received_them_not_whom_they_hit() -> None:
    assert supplies(read("Kyiv's air defences shot down 20 Iranian-supplied drones launched by Russia.",
                         "2024-05-15")) == [(frozenset({"iran"}), frozenset({"russia"}))]


def test_a_supplier_named_after_from_outranks_the_participle() -> None:
    assert supplies(read("Latvia received German-supplied howitzers from Norway.")) == [
        (frozenset({"norway"}), frozenset({"latvia"}))]


@pytest.mark.parametrize("text", [
    "Russian-made missiles struck the port of Odesa on Tuesday.",
    "Die von Russland kontrollierten Gebiete sollen an die Ukraine zurückgegeben werden.",
    "Die von Russland gelieferten Raketen trafen Kiew am Morgen.",
])
def test_origin_and_control_participles_supply_nothing(text: str) -> None:
    assert supplies(read(text)) == []


def test_every_supplier_of_a_list_split_by_commas_supplies() -> None:
    article = read("Finnland, Estland und Lettland finanzieren gemeinsam Minenräumboote für die Ukraine.")
    assert supplies(article) == [(frozenset({"finland", "estonia", "latvia"}), frozenset({"ukraine"}))]


def test_a_clause_set_against_a_refusal_tells_its_own_supply() -> None:
    article = read("Österreich lehnt Waffenlieferungen ab, Tschechien hingegen übergab der Ukraine "
                   "zwanzig Kampfhubschrauber.")
    assert supplies(article) == [(frozenset({"czech-republic"}), frozenset({"ukraine"}))]


def test_a_refusal_still_governs_what_it_refuses() -> None:
    assert supplies(read("Österreich lehnt es ab, der Ukraine Kampfhubschrauber zu übergeben.")) == []


def test_a_speaker_after_the_receiver_is_not_a_receiver() -> None:
    article = read("Belarus has shipped artillery shells to Russia, Lithuania's foreign minister said.")
    assert supplies(article) == [(frozenset({"belarus"}), frozenset({"russia"}))]


def test_paying_for_weapons_is_one_supply_of_weapons() -> None:
    article = read("Canada funds 800 drones for Ukraine.")
    assert [(e.participants, e.addressees, e.support_kind) for e in article.events] == [
        (["canada"], ["ukraine"], "weapons")]


@pytest.mark.parametrize("text", [
    "Portugal handed Mozambique two patrol boats.",
    "Portugal kündigte an, Mosambik zwei Patrouillenboote zur Verfügung zu stellen.",
    "Portugal kündigte an, der Regierung Mosambiks 2,5 Millionen Euro zur Verfügung zu stellen.",
])
def test_handing_over_and_the_german_infinitive_supply(text: str) -> None:
    assert supplies(read(text)) == [(frozenset({"portugal"}), frozenset({"mozambique"}))]


def test_a_german_clause_after_a_comma_starting_with_an_article_is_no_relative_clause() -> None:
    from geokg.extract.clauses import split_clauses
    from geokg.extract.lexicon import load_lexicon
    from geokg.extract.text import tokenize
    lex = load_lexicon("de")
    main = tokenize("Ungarn zögert, die Slowakei dagegen liefert Munition.", 0, "de")
    relative = tokenize("Ungarn zögert, die Slowakei dagegen beliefert hatte.", 0, "de")
    decimal = tokenize("Sie sagte 0,25 Prozent zu.", 0, "de")
    assert not split_clauses(main, lex)[1].relative
    assert split_clauses(relative, lex)[1].relative
    assert len(split_clauses(decimal, lex)) == 1


# --- agreements: what they say, signatures, disputes settled ---------------------------------------

@pytest.mark.parametrize("text", [
    "Kenya and Uganda signed a pipeline accord under which Nairobi will buy Ugandan oil.",
    "Kenya and Uganda signed a pipeline accord whereby Nairobi would buy Ugandan oil.",
    "Kenia und Uganda unterzeichneten ein Abkommen, wonach Nairobi künftig Öl aus Uganda kaufen soll.",
])
def test_what_an_agreement_says_is_not_a_plan_of_the_agreement(text: str) -> None:
    assert sides(read(text), AGREEMENT) == [frozenset({"kenya", "uganda"})]


@pytest.mark.parametrize("text", [
    "In Nairobi setzten Ruto und Museveni ihre Unterschriften unter ein Handelsabkommen.",
    "Kenia und Uganda legten nach langen Verhandlungen ihren Grenzstreit am Viktoriasee bei.",
    "Kenia und Uganda haben ihren Streit um die Migingo-Insel beigelegt.",
    "Kenia und Uganda verpflichteten sich gegenseitig, keine Truppen an die Grenze zu verlegen.",
    "The pact that Kenya and Uganda sealed last year ended the row over Migingo island.",
])
def test_signatures_settled_disputes_and_mutual_commitments_are_agreements(text: str) -> None:
    assert [frozenset(_states(e.participants, "2023-06-16")) for e in read(text).events
            if e.type is AGREEMENT] == [frozenset({"kenya", "uganda"})]


@pytest.mark.parametrize("text", [
    "Kenia und Uganda legten ihren Grenzstreit auch diesmal nicht bei.",
    "Die Minister Kenias verpflichteten sich zu höheren Verteidigungsausgaben.",
])
def test_a_dispute_to_be_settled_or_one_sided_commitment_is_no_agreement(text: str) -> None:
    assert sides(read(text), AGREEMENT) == []


def _states(keys: list[str], published: str) -> set[str]:
    gaz, day = load_gazetteer(), dt.date.fromisoformat(published)
    return {gaz.state_of(k, day) for k in keys}


@pytest.mark.parametrize(("text", "claimant", "territory"), [
    ("Moldau sieht Transnistrien als moldauisches Gebiet an.", "moldova", "transnistria"),
    ("Officials in Baku said Karabakh had been Azerbaijani land for centuries.", "azerbaijan",
     "nagorno-karabakh"),
])
def test_a_territory_seen_or_said_to_have_been_a_states_land_is_claimed(
        text: str, claimant: str, territory: str) -> None:
    assert state_claims(text, "2023-06-16") == {(claimant, territory)}


def test_a_rule_that_lasted_until_a_date_is_no_claim() -> None:
    claims = state_claims("Crimea had been Ukrainian territory until 2014, when Russia seized it.",
                          "2023-06-16")
    assert ("ukraine", "crimea") not in claims


# --- demands: speakers after a quote, whom words are addressed to, asking for help --------------

@pytest.mark.parametrize(("text", "demanders", "addressees"), [
    ("Belgrade must stop the provocations, Croatia's prime minister said on Friday.",
     {"croatia"}, {"serbia"}),
    ("It is time for Serbia to recognise Kosovo, Albania's foreign minister said.",
     {"albania"}, {"serbia"}),
    ("Armenia needs to return the villages before any peace deal can be signed, Azerbaijan's "
     "President Ilham Aliyev said.", {"azerbaijan"}, {"armenia"}),
    ("„Wir verlangen die Freilassung aller Gefangenen“, sagte Paschinjan an die Adresse Bakus.",
     {"armenia"}, {"azerbaijan"}),
    ("'We demand that the blockade ends,' Pashinyan said in remarks addressed to Baku.",
     {"armenia"}, {"azerbaijan"}),
    ("Das Auswärtige Amt forderte Eritrea auf, die Journalisten freizulassen.",
     {"germany"}, {"eritrea"}),
    ("The Foreign Office urged Eritrea to free the journalists.", {"united-kingdom"}, {"eritrea"}),
    ("Sri Lanka sought emergency loans from India on Tuesday.", {"sri-lanka"}, {"india"}),
])
def test_demands_with_their_speaker_or_addressee_named_apart(text: str, demanders: set[str],
                                                             addressees: set[str]) -> None:
    assert state_demands(text, "2023-06-16") == [(demanders, addressees)]


def test_seeking_to_keep_a_distance_is_no_request() -> None:
    assert state_demands("Hungary sought to distance itself from Russia on Monday.", "2023-06-16") == []


# --- supplies: debts, handing on, arrivals, forces as receivers -----------------------------------

@pytest.mark.parametrize(("text", "supplier", "receiver"), [
    ("China erlässt Sambia einen Teil seiner Schulden.", "china", "zambia"),
    ("Frankreich hat Kamerun Schulden in Höhe von 300 Millionen Euro erlassen.", "france", "cameroon"),
    ("China has written off part of Zambia's debt.", "china", "zambia"),
    ("Japan forgave Myanmar's debts worth $3 billion.", "japan", "myanmar"),
    ("Die Slowakei hat Kampfjets vom Typ MiG-29 an die Ukraine abgegeben.", "slovakia", "ukraine"),
    ("Frankreich hat Ägypten die ersten Rafale-Kampfjets ausgeliefert.", "france", "egypt"),
    ("Die ersten Kampfjets aus Frankreich sind in Indien eingetroffen.", "france", "india"),
    ("The first Rafale jets from France arrived in India on Wednesday.", "france", "india"),
    ("Japan handed over two patrol boats to the navy of Sri Lanka.", "japan", "sri-lanka"),
    ("Japan übergab der Marine Sri Lankas zwei Patrouillenboote.", "japan", "sri-lanka"),
    ("Die Bundeswehr hat Litauen zwei Flugabwehrsysteme überlassen.", "germany", "lithuania"),
    ("Kenia wurden von Japan im vergangenen Jahr mehrere Patrouillenboote übergeben.", "japan", "kenya"),
    ("Der Internationale Währungsfonds bewilligte Ghana einen Kredit über drei Milliarden Dollar.",
     "imf", "ghana"),
    ("China hat Laos mit Krediten in Milliardenhöhe unter die Arme gegriffen.", "china", "laos"),
])
def test_more_ways_to_tell_a_supply(text: str, supplier: str, receiver: str) -> None:
    assert supplies(read(text, "2024-05-15")) == [(frozenset({supplier}), frozenset({receiver}))]


def test_every_agent_of_a_participle_list_supplies() -> None:
    article = read("Die von Norwegen und Schweden zugesagten Haubitzen sind in Estland angekommen.")
    assert supplies(article) == [(frozenset({"norway", "sweden"}), frozenset({"estonia"}))]


@pytest.mark.parametrize("text", [
    "Refugees from Sudan arrived in Chad on Monday.",
    "Der französische Präsident Macron ist aus Paris in Kiew eingetroffen.",
])
def test_people_arriving_are_no_supply(text: str) -> None:
    assert supplies(read(text, "2024-05-15")) == []


def test_a_body_deciding_is_no_agreement_with_the_states_it_decides_about() -> None:
    article = read("Polen überlässt der Ukraine zwei Flugabwehrsysteme, beschloss das Kabinett "
                   "am Montag.", "2024-05-15")
    assert sides(article, AGREEMENT) == []
    assert supplies(article) == [(frozenset({"poland"}), frozenset({"ukraine"}))]


@pytest.mark.parametrize(("text", "demanders", "addressees"), [
    ("Brasilien verlangte von Paraguay Aufklärung über die geplanten Grenzanlagen.",
     {"brazil"}, {"paraguay"}),
    ("Die Afrikanische Union forderte die Militärjunta in Mali auf, die Wahlen nicht länger "
     "zu verschieben.", {"african-union"}, {"mali"}),
    ("Man verlange von Ottawa eine Entschuldigung, teilte das Außenministerium in Neu-Delhi mit.",
     {"india"}, {"canada"}),
    ("Serbien wurde von der EU-Kommission in einem Bericht aufgefordert, die Sanktionen "
     "mitzutragen.", {"european-union"}, {"serbia"}),
])
def test_demands_of_objects_juntas_ministries_and_long_passives(
        text: str, demanders: set[str], addressees: set[str]) -> None:
    assert state_demands(text, "2023-06-16") == [(demanders, addressees)]


def test_a_negation_after_the_demand_verb_still_counts() -> None:
    assert state_demands("Brasilien verlangte von Paraguay keine Entschädigung.", "2023-06-16") == []


@pytest.mark.parametrize("text", [
    "Kenia und Uganda haben eine Vereinbarung über gemeinsame Grenzkontrollen getroffen.",
    "Kenia und Uganda haben ihr Handelsabkommen um weitere fünf Jahre verlängert.",
    "Kenya and Uganda renewed their trade agreement for another five years.",
    "Kenia und Uganda haben die Verhandlungen über einen Freihandelsvertrag abgeschlossen.",
    "Kenia und Uganda haben eine Energiepartnerschaft geschlossen.",
    "Kenia und Uganda unterzeichneten einen Fahrplan für den Bau der Pipeline.",
    "Kenya and Uganda exchanged instruments of ratification for their border treaty.",
    "Kenia und Uganda unterzeichneten ein Grenzabkommen, über das sie zehn Jahre lang "
    "verhandelt hatten.",
])
def test_agreements_made_extended_concluded_or_ratified_and_nothing_else(text: str) -> None:
    article = read(text)
    assert [(e.type, frozenset(e.participants)) for e in article.events] == [
        (AGREEMENT, frozenset({"kenya", "uganda"}))]


def test_talks_held_beside_a_signing_are_a_meeting_of_their_own() -> None:
    article = read("Kenia und Uganda unterzeichneten ein Grenzabkommen, als Ruto in Kampala "
                   "Gespräche mit Museveni führte.", "2024-05-15")
    assert {e.type for e in article.events} == {AGREEMENT, MEETING}


# --- claims told by a predicate adjective, a label, or an insistence -------------------------------

@pytest.mark.parametrize(("text", "claimant", "territory"), [
    ("Der Präsident betonte in Buenos Aires, die Malwinen seien und blieben argentinisch.",
     "argentina", "falkland-islands"),
    ("Transnistrien ist und bleibt moldauisch, sagte Präsidentin Maia Sandu.", "moldova", "transnistria"),
    ("Madrid says Gibraltar is Spanish.", "spain", "gibraltar"),
    ("Die Krim sei russisches Land, sagte der Kremlsprecher.", "russia", "crimea"),
    ("Putin bezeichnete die Krim in einer Rede als russisches Staatsgebiet.", "russia", "crimea"),
    ("Beijing described the Paracel Islands as its inherent territory.", "china", "paracel-islands"),
    ("Beijing insists that the Paracel Islands are its territory.", "china", "paracel-islands"),
    ("China rejected the ruling, insisting the Paracel Islands have been part of China for centuries.",
     "china", "paracel-islands"),
])
def test_claims_told_by_adjective_label_or_insistence(text: str, claimant: str, territory: str) -> None:
    assert state_claims(text, "2024-05-15") == {(claimant, territory)}


@pytest.mark.parametrize("text", [
    "Greenland is a strategic location surrounded by Russian and Chinese ships.",
    "Die Lage in Transnistrien ist für Moldau kritisch.",
    "Die Krim ist für Russland strategisch.",
])
def test_an_adjective_that_is_no_predicate_of_the_territory_claims_nothing(text: str) -> None:
    assert state_claims(text, "2024-05-15") == set()


def test_insisting_on_a_fact_is_no_demand_but_insisting_on_an_act_is() -> None:
    assert state_demands("Washington insisted that Russia is responsible for the attack.",
                         "2024-05-15") == []
    assert state_demands("Washington insisted that Russia withdraw its troops.", "2024-05-15") == [
        ({"united-states"}, {"russia"})]


# --- meetings and calls in other words; what did not happen ---------------------------------------

@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Nach dem Gipfeltreffen von Ruto und Museveni zeigten sich beide zufrieden.", MEETING,
     {"kenya", "uganda"}),
    ("Auf Einladung von Museveni besuchte Ruto am Mittwoch Kampala.", MEETING, {"kenya", "uganda"}),
    ("Ruto held a bilateral with Museveni on the sidelines of the summit.", MEETING, {"kenya", "uganda"}),
    ("Ruto sat across the table from Museveni in Nairobi on Tuesday.", MEETING, {"kenya", "uganda"}),
    ("Standing beside Museveni in Kampala, Ruto praised the new pipeline.", MEETING, {"kenya", "uganda"}),
    ("Ruto war am Dienstag Gast von Museveni in Entebbe.", MEETING, {"kenya", "uganda"}),
    ("Ruto war am Montag zu Gesprächen bei Museveni in Kampala.", MEETING, {"kenya", "uganda"}),
    ("Ruto und Museveni begrüßten sich in Arusha mit Handschlag.", MEETING, {"kenya", "uganda"}),
    ("Ruto was on the line with Museveni for an hour on Monday.", CALL, {"kenya", "uganda"}),
    ("Ruto held a three-way call with Museveni and Tanzania's President Samia Suluhu Hassan.", CALL,
     {"kenya", "uganda", "tanzania"}),
])
def test_meetings_and_calls_in_other_words(text: str, kind: EventType, expected: set[str]) -> None:
    gaz, day = load_gazetteer(), dt.date(2024, 5, 15)
    events = read(text, "2024-05-15").events
    assert [(e.type, gaz.states_of(e.participants, day)) for e in events] == [(kind, expected)]


@pytest.mark.parametrize("text", [
    "Ein Treffen zwischen Ruto und Museveni, über das lange spekuliert wurde, kam nie zustande.",
    "A World Bank loan for Kenya remains frozen over hidden debt.",
    "Nairobi said it was too early to talk about a Ruto-Museveni meeting.",
    "Uganda's president said a visit to Nairobi was out of the question.",
    "Sollte Uganda einer Waffenruhe zustimmen, wäre Kenia bereit, Soldaten zu entsenden, sagte Ruto.",
])
def test_what_did_not_happen_or_is_a_condition_is_no_event(text: str) -> None:
    assert read(text, "2024-05-15").events == []


@pytest.mark.parametrize(("text", "supplier", "receiver"), [
    ("Kuwait will inject $500 million into Jordan's central bank.", "kuwait", "jordan"),
    ("India extended a new $300 million credit line to Nepal on Friday.", "india", "nepal"),
    ("China has written off $2 billion of Laos' Soviet-era and later debt.", "china", "laos"),
    ("Turkey flew 300 rescue workers into Morocco after the earthquake.", "turkey", "morocco"),
])
def test_injecting_extending_writing_off_and_flying_in_are_supplies(text: str, supplier: str,
                                                                   receiver: str) -> None:
    assert supplies(read(text, "2024-05-15")) == [(frozenset({supplier}), frozenset({receiver}))]


def test_a_law_signed_by_one_states_leader_is_no_agreement() -> None:
    assert sides(read("Russia passed a law signed by President Vladimir Putin on Monday.", "2024-05-15"),
                 AGREEMENT) == []


@pytest.mark.parametrize(("text", "demanders", "addressees"), [
    ("The African Union called on Rwanda to pull its troops out of Congo.", {"african-union"}, {"rwanda"}),
    ("Urging Kigali to withdraw its troops, the African Union warned of a wider war.",
     {"african-union"}, {"rwanda"}),
    ("Warning Kinshasa not to escalate, President Paul Kagame said Rwanda would defend itself.",
     {"rwanda"}, {"democratic-republic-of-the-congo"}),
])
def test_demands_with_a_place_after_the_addressee_or_a_fronted_participle(
        text: str, demanders: set[str], addressees: set[str]) -> None:
    assert state_demands(text, "2024-05-15") == [(demanders, addressees)]


@pytest.mark.parametrize(("text", "claimant", "territory"), [
    ("Argentina has never renounced its claim to the Falkland Islands.", "argentina", "falkland-islands"),
    ("Japan will never abandon its claim to the Kuril Islands.", "japan", "kuril-islands"),
    ("Guyana refused to cede the Essequibo region.", "guyana", "essequibo"),
])
def test_refusing_to_drop_a_claim_or_cede_a_territory_claims_it(text: str, claimant: str,
                                                                 territory: str) -> None:
    assert state_claims(text, "2024-05-15") == {(claimant, territory)}


def test_a_meeting_told_in_a_when_clause_after_an_agreement_is_its_own_event() -> None:
    article = read("Ruto and Museveni agreed to build a pipeline when they met in Arusha on Friday.",
                   "2024-05-15")
    assert {e.type for e in article.events} == {AGREEMENT, MEETING}


@pytest.mark.parametrize("text", [
    "Ruto und Museveni vereinbarten ein weiteres Treffen im Mai.",
    "Ruto and Museveni agreed a further summit in May.",
    "Kenya pledged to work to stop the trafficking of weapons to Uganda.",
])
def test_a_meeting_agreed_on_or_a_pledged_effort_is_no_event(text: str) -> None:
    assert read(text, "2024-05-15").events == []


@pytest.mark.parametrize("text", [
    "Ruto and Museveni agreed during their summit in Arusha to open the border.",
    "Ruto and Museveni agreed at their meeting on Friday to open the border.",
])
def test_an_agreement_made_at_a_meeting_stays_one(text: str) -> None:
    assert sides(read(text, "2024-05-15"), AGREEMENT) == [frozenset({"william-ruto", "yoweri-museveni"})]


@pytest.mark.parametrize(("text", "claimant", "territory"), [
    ("Buenos Aires pocht auf seine Souveränität über die Falklandinseln.", "argentina", "falkland-islands"),
    ("Argentina insists on its sovereignty over the Falkland Islands.", "argentina", "falkland-islands"),
    ("Argentinien gebe seinen Anspruch auf die Falklandinseln niemals auf, sagte Milei.",
     "argentina", "falkland-islands"),
    ("Guyana werde keinen Zentimeter des Essequibo-Gebiets abtreten, sagte Ali.", "guyana", "essequibo"),
    ("Not one inch of the Essequibo region will be given up, President Irfaan Ali said.", "guyana",
     "essequibo"),
])
def test_insisting_on_sovereignty_and_not_giving_an_inch_claim(text: str, claimant: str,
                                                               territory: str) -> None:
    assert state_claims(text, "2024-05-15") == {(claimant, territory)}


def test_insisting_on_something_else_is_still_a_demand() -> None:
    assert state_demands("Buenos Aires pocht auf den Abzug der britischen Truppen.", "2024-05-15") == [
        ({"argentina"}, {"united-kingdom"})]


@pytest.mark.parametrize(("text", "claimant", "territory"), [
    ("Islamabad betonte erneut, dass das gesamte Kaschmir samt der von Indien kontrollierten "
     "Täler zu Pakistan gehöre.", "pakistan", "kashmir"),
    ("Russland hat das Gebiet Cherson per Gesetz zu seinem Staatsgebiet erklärt.", "russia",
     "kherson-oblast"),
])
def test_german_verb_final_belonging_and_declaration_claim(text: str, claimant: str,
                                                           territory: str) -> None:
    assert state_claims(text, "2024-05-15") == {(claimant, territory)}


@pytest.mark.parametrize(("text", "claims"), [
    ("Argentina has long contested the Falklands and insists the islands are Argentine.",
     {("argentina", "falkland-islands")}),
    ("Beijing insists the Paracels, which Hanoi also claims, belong to China.",
     {("china", "paracel-islands"), ("vietnam", "paracel-islands")}),
    ("Moskau erklärte, die Krim gehöre zu Russland; Kiew wies das zurück: Die Halbinsel sei "
     "ukrainisch.", {("russia", "crimea"), ("ukraine", "crimea")}),
])
def test_a_territory_referred_to_or_interrupted_by_a_relative_clause_is_claimed(
        text: str, claims: set[tuple[str, str]]) -> None:
    assert state_claims(text, "2024-05-15") == claims


@pytest.mark.parametrize(("text", "demanders", "addressees"), [
    ("Die Afrikanische Union erwartet von Kigali, dass es seine Truppen abzieht.",
     {"african-union"}, {"rwanda"}),
    ("„Wir erwarten, dass Ruanda seine Truppen abzieht“, sagte Präsident Tshisekedi.",
     {"democratic-republic-of-the-congo"}, {"rwanda"}),
    ("'We expect Rwanda to withdraw its troops,' Tshisekedi said.",
     {"democratic-republic-of-the-congo"}, {"rwanda"}),
    ("Tshisekedi pressed Western partners for sanctions against Kigali.",
     {"democratic-republic-of-the-congo"}, set()),
])
def test_expecting_of_someone_and_pressing_partners_are_demands(
        text: str, demanders: set[str], addressees: set[str]) -> None:
    assert state_demands(text, "2024-05-15") == [(demanders, addressees)]


@pytest.mark.parametrize("text", [
    "Analysts expect Rwanda to withdraw its troops.",
    "Experten erwarten, dass Ruanda seine Truppen abzieht.",
    "Kenia erwartet von dem Gipfel mit Ruanda Fortschritte.",
])
def test_expecting_as_a_forecast_or_of_a_meeting_is_no_demand(text: str) -> None:
    assert state_demands(text, "2024-05-15") == []


@pytest.mark.parametrize(("text", "suppliers", "receivers"), [
    ("Katar und Kuwait sagen Jordanien eine Milliarde Dollar zu", {"qatar", "kuwait"}, {"jordan"}),
    ("Island, das keine Armee hat, bezahlt für die Ukraine Munition aus Tschechien.",
     {"iceland"}, {"ukraine"}),
    ("Iceland paid for Ukraine's ammunition made in the Czech Republic.", {"iceland"}, {"ukraine"}),
    ("Algerien liefert Tunesien weiterhin Rohöl zu Vorzugspreisen.", {"algeria"}, {"tunisia"}),
    ("Die WHO hat 20 Tonnen Medikamente nach Libyen gebracht.", {"who"}, {"libya"}),
    ("Portugal schickt 80 Feuerwehrleute nach Griechenland.", {"portugal"}, {"greece"}),
    ("Die ersten Kampfjets aus Schweden sind in Thailand gelandet.", {"sweden"}, {"thailand"}),
])
def test_supplies_promised_paid_for_brought_or_landed(text: str, suppliers: set[str],
                                                      receivers: set[str]) -> None:
    assert supplies(read(text, "2024-05-15")) == [(frozenset(suppliers), frozenset(receivers))]


def test_paying_a_state_for_goods_is_no_supply_to_it() -> None:
    assert supplies(read("Deutschland zahlt Russland für Gas.", "2024-05-15")) == []


def test_a_supply_asked_for_in_a_one_word_zu_infinitive_is_content() -> None:
    article = read("Polen hatte Berlin um die Genehmigung gebeten, eigene Panzer an die Ukraine "
                   "abzugeben.", "2023-01-20")
    assert [e.type for e in article.events] == [DEMAND]


@pytest.mark.parametrize(("text", "supplier", "receiver"), [
    ("Ruto: Kenianische Polizisten nach Haiti verlegt", "kenya", "haiti"),
    ("US Patriot batteries shipped to Poland", "united-states", "poland"),
])
def test_goods_named_by_their_state_and_a_receiver_are_its_supply(text: str, supplier: str,
                                                                  receiver: str) -> None:
    assert supplies(read(text, "2024-05-15")) == [(frozenset({supplier}), frozenset({receiver}))]


@pytest.mark.parametrize(("text", "suppliers", "receivers"), [
    ("Japan donates masks and ventilators to Laos", {"japan"}, {"laos"}),
    ("Qatar begins shipping fuel to crisis-hit Lebanon", {"qatar"}, {"lebanon"}),
    ("Japan handed over a patrol boat to the Philippines' coast guard.", {"japan"}, {"philippines"}),
    ("More than 300 Mexican firefighters have been deployed to Canada.", {"mexico"}, {"canada"}),
    ("Cuban doctors arrived in Caracas on Sunday to help fight the epidemic.", {"cuba"}, {"venezuela"}),
    ("Spanish and French rescue teams arrived in Turkey after the earthquake.", {"spain", "france"},
     {"turkey"}),
    ("The first tanks from Denmark and the Netherlands arrived in Ukraine.", {"denmark", "netherlands"},
     {"ukraine"}),
])
def test_relief_and_goods_sent_deployed_or_arriving(text: str, suppliers: set[str],
                                                    receivers: set[str]) -> None:
    assert supplies(read(text, "2024-05-15")) == [(frozenset(suppliers), frozenset(receivers))]


@pytest.mark.parametrize("text", [
    "Russian troops arrived in Kherson on Sunday.",
    "Putin ordered troops to the border with Ukraine.",
    "Russia sent more troops to the border with Ukraine.",
    "Russland schickte weitere Truppen an die Grenze zur Ukraine.",
])
def test_troops_arriving_or_ordered_to_a_border_are_no_supply(text: str) -> None:
    assert supplies(read(text, "2024-05-15")) == []


@pytest.mark.parametrize(("text", "published"), [
    ("Ruto und Museveni einigten sich in Nairobi auf einen gemeinsamen Zolltarif.", "2024-05-15"),
    ("Trudeau, Tusk and Juncker signed the EU-Canada trade agreement in Brussels on Sunday.",
     "2016-10-30"),
])
def test_leaders_agreeing_or_signing_in_a_named_city_also_meet(text: str, published: str) -> None:
    assert {e.type for e in read(text, published).events} == {AGREEMENT, MEETING}


@pytest.mark.parametrize("text", [
    "Ruto und Museveni einigten sich auf eine Waffenruhe in Kinshasa.",
    "Kenia und Uganda einigten sich in Nairobi auf einen gemeinsamen Zolltarif.",
])
def test_a_place_in_what_was_agreed_or_states_agreeing_make_no_meeting(text: str) -> None:
    assert {e.type for e in read(text, "2024-05-15").events} == {AGREEMENT}


def test_a_handshake_pictured_is_a_meeting() -> None:
    article = read("Bild: Ruto und Museveni beim Händedruck in Kampala.", "2024-05-15")
    assert sides(article, MEETING) == [frozenset({"william-ruto", "yoweri-museveni"})]


@pytest.mark.parametrize(("text", "expected"), [
    ("Bild: Ruto und Museveni am Freitag vor dem Parlament in Kampala.", [MEETING]),
    ("Photo: Kenyan President William Ruto and Uganda's Yoweri Museveni at the border on Monday.",
     [MEETING]),
    ("Foto: Ruto und sein Stellvertreter im Parlament.", []),
    ("Photo: Ruto speaks with Museveni by phone.", [CALL]),
    ("A photo of Ruto and Museveni was published.", []),
    ("Abendessen in Nairobi: Ruto bewirtet Museveni in seiner Residenz", [MEETING]),
    ("Foto: Ruto und Museveni schreiten in Nairobi eine Ehrenformation ab.", [MEETING]),
])
def test_captions_hosts_and_honours(text: str, expected: list[EventType]) -> None:
    assert [e.type for e in read(text, "2024-05-15").events] == expected


@pytest.mark.parametrize(("text", "claimant", "territory"), [
    ("Für Chișinău bleibt Transnistrien eine moldauische Provinz.", "moldova", "transnistria"),
    ("Für Belgrad bleibt das Kosovo eine serbische Provinz, sagte Vučić.", "serbia", "kosovo"),
    ("Die Paracel-Inseln seien historisch wie völkerrechtlich unbestreitbar chinesisches "
     "Hoheitsgebiet, sagte ein Sprecher.", "china", "paracel-islands"),
    ("Damaskus betont, die Golanhöhen blieben auf immer ein Teil Syriens.", "syria", "golan-heights"),
    ("Alijew erklärte, Karabach sei für immer aserbaidschanisch.", "azerbaijan", "nagorno-karabakh"),
])
def test_german_copula_claims_with_articles_adverbs_and_plural_verbs(text: str, claimant: str,
                                                                     territory: str) -> None:
    assert state_claims(text, "2024-05-15") == {(claimant, territory)}


def test_a_territory_in_a_states_hands_is_no_claim_by_adjective() -> None:
    assert state_claims("Crimea is in Russian hands.", "2024-05-15") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Ruto und Museveni beraten am Telefon über den Grenzhandel", {"kenya", "uganda"}),
    ("In a phone conversation on Monday, Kenya's President William Ruto urged Ugandan President "
     "Yoweri Museveni to reopen the border.", {"kenya", "uganda"}),
])
def test_calls_told_by_german_counsel_and_fronted_phrases(text: str, expected: set[str]) -> None:
    gaz, day = load_gazetteer(), dt.date(2024, 5, 15)
    calls = [{gaz.state_of(p, day) for p in e.participants} for e in read(text, "2024-05-15").events
             if e.type is CALL]
    assert calls == [expected]


def test_a_fronted_call_and_a_verb_with_no_second_side_is_no_call() -> None:
    assert read("In a phone call on Tuesday, Ruto told reporters that Uganda had closed the border.",
                "2024-05-15").events == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Der sudanesische Außenminister Ali Yusef Sharif traf in Moskau ein.", set()),
    ("Sudan's Foreign Minister Ali Yusef Sharif arrived in Moscow.", set()),
    ("Premier Sharif traf Xi in Peking.", {"shehbaz-sharif"}),
    ("On Monday Sharif met Xi in Beijing.", {"shehbaz-sharif"}),
    ("Der Besuch Sharifs in Peking dauerte zwei Tage.", {"shehbaz-sharif"}),
    ("Sharif Meets Xi In Beijing", {"shehbaz-sharif"}),
    ("Prime Minister Muhammad Shehbaz Sharif met Xi in Beijing.", {"shehbaz-sharif"}),
])
def test_a_leaders_surname_after_another_first_name_is_another_person(text: str,
                                                                      expected: set[str]) -> None:
    article = read(text, "2025-02-12")
    assert {m.entity for m in article.mentions if m.entity == "shehbaz-sharif"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ruto and Museveni signed a new border treaty on Tuesday in Nairobi.", {AGREEMENT, MEETING}),
    # a leader who flies to a capital visits it; the promise is no supply
    ("Ruto flew to Kampala with a promise of more grain.", {MEETING}),
    ("Wounded Kenyan soldiers were flown to Uganda for treatment.", set()),
    ("Verwundete kenianische Soldaten wurden zur Behandlung nach Uganda geflogen.", set()),
    ("Uganda handed over 40 prisoners to Kenya in a swap.", set()),
    ("Kenia und Uganda verpflichteten sich, ihre Grenzstreitigkeiten friedlich zu lösen.", {AGREEMENT}),
])
def test_review_guards_of_the_probe_session(text: str, expected: set[EventType]) -> None:
    assert {e.type for e in read(text, "2024-05-15").events} == expected


def test_whom_someone_addressed_is_no_addressee_of_their_demand() -> None:
    assert state_demands("Ruto, who addressed Ugandan lawmakers on Tuesday, urged Rwanda to withdraw.",
                         "2024-05-15") == [({"kenya"}, {"rwanda"})]


# --- background phrases, calls "between", other events, "called X" ------------------------------

@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Indonesia's President Joko Widodo met Japanese Prime Minister Fumio Kishida in Tokyo amid "
     "rising tensions between Beijing and Manila.", "2023-12-17", {"joko-widodo", "fumio-kishida"}),
    ("Bundeskanzler Scholz traf den kenianischen Präsidenten Ruto in Nairobi inmitten der "
     "Spannungen zwischen Äthiopien und Eritrea.", "2023-05-05", {"olaf-scholz", "william-ruto"}),
    ("Macron empfing Lula in Paris angesichts des Streits zwischen Venezuela und Guyana.",
     "2023-06-23", {"emmanuel-macron", "luiz-inacio-lula-da-silva"}),
])
def test_names_in_a_background_phrase_are_no_sides(text: str, published: str,
                                                   expected: set[str]) -> None:
    assert sides(read(text, published), MEETING) == [frozenset(expected)]


def test_who_objects_to_a_call_between_two_leaders_is_no_side_of_it() -> None:
    article = read("Beijing lodged a protest with Washington over a phone call between President "
                   "Biden and Philippine President Marcos on Tuesday.", "2023-05-04")
    assert sides(article, CALL) == [frozenset({"joe-biden", "bongbong-marcos"})]


@pytest.mark.parametrize("text", [
    "Biden phoned Scholz on Monday after speaking with Macron.",
    "After talking to Macron, Biden called Scholz on Monday.",
])
def test_a_talk_told_as_a_gerund_after_after_is_another_call(text: str) -> None:
    assert sorted(sides(read(text, "2023-03-06"), CALL), key=sorted) == [
        frozenset({"joe-biden", "emmanuel-macron"}), frozenset({"joe-biden", "olaf-scholz"})]


@pytest.mark.parametrize(("text", "expected"), [
    ("Erdogan called Putin on Friday to discuss grain exports.", [frozenset(
        {"recep-tayyip-erdogan", "vladimir-putin"})]),
    ("Erdogan called Putin, the Kremlin said.", [frozenset({"recep-tayyip-erdogan", "vladimir-putin"})]),
    ("Erdogan called Putin a reliable partner.", []),
    ("Erdogan called Putin's remarks unacceptable.", []),
    ("Erdogan called Russia's move illegal.", []),
])
def test_a_leader_called_is_phoned_unless_what_he_is_called_follows(
        text: str, expected: list[frozenset[str]]) -> None:
    assert sides(read(text, "2023-06-16"), CALL) == expected


# --- spellings, captions by position, prisoner exchanges, demanded events, "the parties" -------

def test_a_hyphenated_name_written_with_a_space_is_found() -> None:
    """(leaders who sign in a city named also meet there: only when "Neu Delhi" is that city)"""
    article = read("Bundeskanzler Scholz und Premierminister Modi unterzeichneten am Freitag in "
                   "Neu Delhi ein Abkommen über Fachkräfte.", "2023-02-25")
    assert sides(article, MEETING) == [frozenset({"olaf-scholz", "narendra-modi"})]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenias Präsident William Ruto (l.) und Tansanias Präsidentin Samia Suluhu Hassan (r.) am "
     "Montag in Nairobi.", [frozenset({"william-ruto", "samia-suluhu-hassan"})]),
    ("Brazil's President Lula (left) and Argentina's President Milei (right) in Brasilia on "
     "Monday.", [frozenset({"luiz-inacio-lula-da-silva", "javier-milei"})]),
    ("Bundeskanzler Scholz (l.) und Finanzminister Lindner (r.) im Bundestag.", []),
])
def test_a_caption_telling_where_leaders_of_two_states_stand_shows_a_meeting(
        text: str, expected: list[frozenset[str]]) -> None:
    assert sides(read(text, "2024-03-04"), MEETING) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Armenia and Azerbaijan swapped prisoners at their border on Wednesday.",
     [frozenset({"armenia", "azerbaijan"})]),
    ("Serbia and Kosovo each freed three detainees on Friday in a prisoner exchange brokered by "
     "the European Union.", [frozenset({"serbia", "kosovo"})]),
    ("Äthiopien und Eritrea haben am Dienstag Kriegsgefangene ausgetauscht.",
     [frozenset({"ethiopia", "eritrea"})]),
    ("Beim Gefangenenaustausch zwischen Jemen und Saudi-Arabien kamen 800 Menschen frei.",
     [frozenset({"yemen", "saudi-arabia"})]),
    ("Armenia and Azerbaijan failed to agree on a prisoner swap.", []),
    ("Armenien fordert einen Gefangenenaustausch mit Aserbaidschan.", []),
])
def test_prisoners_exchanged_are_an_agreement_carried_out(
        text: str, expected: list[frozenset[str]]) -> None:
    assert sides(read(text, "2023-12-13"), AGREEMENT) == expected


@pytest.mark.parametrize("text", [
    "Serbia demanded a meeting with Kosovo.",
    "Serbien fordert ein Treffen mit dem Kosovo.",
    "Kosovo urged a new deal with Belgrade.",
])
def test_an_event_noun_that_a_demand_asks_for_has_not_happened(text: str) -> None:
    article = read(text, "2023-03-18")
    assert [e.type for e in article.events] == [DEMAND]


@pytest.mark.parametrize("text", [
    "Envoys of Serbia and Kosovo met in Brussels on Monday. Parties agreed to continue the dialogue.",
    "Vertreter Serbiens und des Kosovo trafen sich am Montag in Brüssel. Die Seiten einigten sich "
    "auf eine Fortsetzung des Dialogs.",
])
def test_the_parties_that_agree_are_the_sides_told_before(text: str) -> None:
    assert sides(read(text, "2023-03-20"), AGREEMENT) == [frozenset({"serbia", "kosovo"})]


def test_a_meeting_told_again_with_its_place_gains_no_side() -> None:
    article = read("Der kenianische Präsident Ruto und der äthiopische Regierungschef Abiy trafen "
                   "sich am Montag. Wie am Tag danach auch der Gipfel fand das Gespräch in Ugandas "
                   "Hauptstadt Kampala statt.", "2023-05-08")
    assert sides(article, MEETING) == [frozenset({"william-ruto", "abiy-ahmed"})]


# --- supplies: equipping, relative clauses, decisions to send, forces flying, bodies ------------

@pytest.mark.parametrize(("text", "published", "supplier", "receiver"), [
    ("Frankreich hatte nach eigenen Angaben das ägyptische Militär mit Rafale-Kampfjets ausgestattet.",
     "2021-05-04", "france", "egypt"),
    ("Die Vereinigten Arabischen Emirate, die Khartum mit Drohnen ausgerüstet hatten, wiesen die "
     "Vorwürfe zurück.", "2024-03-02", "united-arab-emirates", "sudan"),
    ("Ruanda beschloss, Soldaten nach Mosambik zu entsenden.", "2021-07-09", "rwanda", "mozambique"),
    ("Tschadische Fallschirmjäger fliegen nach Mali.", "2013-01-17", "chad", "mali"),
    ("China sagte Pakistan einen Milliardenkredit zu.", "2023-06-27", "china", "pakistan"),
])
def test_equipping_relatives_decisions_to_send_and_compound_words(text: str, published: str,
                                                                   supplier: str, receiver: str) -> None:
    gaz, day = load_gazetteer(), dt.date.fromisoformat(published)
    assert [({gaz.state_of(p, day) for p in who}, {gaz.state_of(a, day) for a in to})
            for who, to in supplies(read(text, published))] == [({supplier}, {receiver})]


@pytest.mark.parametrize(("text", "expected"), [
    ("Der Ständige Rat der OSZE beschloss, Polizisten nach Georgien zu entsenden.",
     [(frozenset({"osce"}), frozenset({"georgia"}))]),
    ("The Security Council of the African Union decided to send troops to Somalia.",
     [(frozenset({"african-union"}), frozenset({"somalia"}))]),
])
def test_a_body_of_another_organisation_stands_for_that_organisation(
        text: str, expected: list[tuple[frozenset[str], frozenset[str]]]) -> None:
    assert supplies(read(text, "2023-03-01")) == expected


def test_the_security_council_of_the_united_nations_stays_the_security_council() -> None:
    article = read("The Security Council of the United Nations urged Israel to halt the strikes.",
                   "2023-03-01")
    assert demands(article) == [(frozenset({"un-security-council"}), frozenset({"israel"}))]


# --- dates: the index's date marker, pluperfect background -------------------------------------

def test_an_index_date_marker_before_a_headline_is_no_part_of_it() -> None:
    article = read(" date 2023-03 Scholz und Lula in Brasília: Kanzler wirbt für Handelsabkommen\n\n"
                   "Bundeskanzler Scholz traf am Montag Präsident Lula.", "2023-01-31")
    assert article.title is not None and not article.title.startswith("date")
    assert all("2023-03" not in s.text for s in article.sentences)


@pytest.mark.parametrize("text", [
    "Kristersson traf Scholz in Berlin. Schweden hatte am 1. Juli den Vorsitz im Rat der EU übernommen.",
    "Kristersson met Scholz in Berlin. Sweden had taken over the presidency of the EU Council on July 1.",
])
def test_a_date_told_in_the_pluperfect_is_not_the_storys_day(text: str) -> None:
    article = read(text, "2023-07-07")
    met = next(e for e in article.events if e.type is MEETING)
    assert met.date is not None and met.date.value == dt.date(2023, 7, 7)


def test_a_simple_past_of_to_be_still_dates_the_story() -> None:
    article = read("Kristersson traf Scholz in Berlin. Das Treffen war am Dienstag.", "2023-07-07")
    met = next(e for e in article.events if e.type is MEETING)
    assert met.date is not None and met.date.value == dt.date(2023, 7, 4)


# --- demands: told to someone, advocacy of a course, "is needed" ---------------------------------

@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Scholz told Erdogan that the fighting must stop.", "2022-03-14",
     [(frozenset({"olaf-scholz"}), frozenset({"recep-tayyip-erdogan"}))]),
    ("Macron told Netanyahu he should stop the offensive.", "2024-02-12",
     [(frozenset({"emmanuel-macron"}), frozenset({"benjamin-netanyahu"}))]),
    ("Nach dem Treffen in Ankara warb Scholz bei Erdogan für eine Waffenruhe in Syrien.", "2022-03-14",
     [(frozenset({"olaf-scholz"}), frozenset({"recep-tayyip-erdogan"}))]),
    ("Brazil advocated new peace talks between Israel and Hamas.", "2023-10-20",
     [(frozenset({"brazil"}), frozenset({"israel", "hamas"}))]),
    ("Indien sprach sich für eine sofortige Waffenruhe aus.", "2023-10-20",
     [(frozenset({"india"}), frozenset())]),
    ("Scholz warb in Washington für freien Handel.", "2023-03-03", []),
])
def test_told_to_someone_and_advocating_a_course_of_the_conflict(
        text: str, published: str, expected: list[tuple[frozenset[str], frozenset[str]]]) -> None:
    assert demands(read(text, published)) == expected


def test_saying_a_ceasefire_is_needed_demands_it() -> None:
    article = read("Scholz said a lasting ceasefire in Gaza is needed now.", "2024-02-12")
    assert demands(article) == [(frozenset({"olaf-scholz"}), frozenset())]


# --- agreements: long lists of signers, deals signed at a meeting, speakers named again ---------

def test_every_signer_of_a_long_list_of_titled_names_is_a_side() -> None:
    article = read("The charter was signed by Brazilian President Lula, President of Argentina Javier "
                   "Milei, President of Paraguay Santiago Peña, President of Uruguay Luis Lacalle Pou "
                   "and President of Bolivia Luis Arce on Friday.", "2024-07-05")
    assert sides(article, AGREEMENT) == [frozenset({
        "luiz-inacio-lula-da-silva", "javier-milei", "santiago-pena", "luis-lacalle-pou", "luis-arce"})]


@pytest.mark.parametrize("text", [
    "Lula visited Xi in Beijing. Fifteen deals worth ten billion dollars were signed during the visit.",
    "Lula besuchte Xi in Peking. Während des Besuchs wurden fünfzehn Abkommen unterzeichnet.",
])
def test_deals_signed_during_a_visit_are_between_its_sides(text: str) -> None:
    assert sides(read(text, "2023-04-14"), AGREEMENT) == [
        frozenset({"luiz-inacio-lula-da-silva", "xi-jinping"})]


def test_two_sides_opening_a_sentence_are_the_sides_of_the_meeting() -> None:
    article = read("Lula and Milei met in Brasília. Two sides agreed to reopen the border crossings.",
                   "2024-07-05")
    assert sides(article, AGREEMENT) == [frozenset({"luiz-inacio-lula-da-silva", "javier-milei"})]


def test_a_speaker_named_again_as_a_party_stays_a_side() -> None:
    article = read("Ankara says Athens broke the accord Turkey concluded with Greece in 2016.", "2022-06-09")
    assert sides(article, AGREEMENT) == [frozenset({"turkey", "greece"})]


# --- calls over the phone, headline calls; training, airlifts, weapons packages ------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Ruto spoke to Abiy over the phone on Tuesday.", [frozenset({"william-ruto", "abiy-ahmed"})]),
    ("Ruto calls Abiy, thanks him for mediation", [frozenset({"william-ruto", "abiy-ahmed"})]),
    ("Ruto calls Abiy a brother.", []),
])
def test_calls_over_the_phone_and_in_headlines(text: str, expected: list[frozenset[str]]) -> None:
    assert sides(read(text, "2024-03-20"), CALL) == expected


@pytest.mark.parametrize(("text", "supplier", "receiver"), [
    ("Britain will train Ukrainian marines.", "united-kingdom", "ukraine"),
    ("Die Niederlande bilden ukrainische Piloten aus.", "netherlands", "ukraine"),
    ("Kuwait airlifted aid to Jordan on Sunday.", "kuwait", "jordan"),
    ("Italien kündigt neues Militärpaket für die Ukraine an", "italy", "ukraine"),
])
def test_training_airlifts_and_weapons_packages_are_supplies(text: str, supplier: str,
                                                               receiver: str) -> None:
    assert supplies(read(text, "2024-03-20")) == [(frozenset({supplier}), frozenset({receiver}))]


@pytest.mark.parametrize("text", [
    "Russia trained its own pilots for years.",
    "Die Bundeswehr bildet eigene Soldaten aus.",
    "Ukrainian pilots trained in Arizona.",
])
def test_training_ones_own_forces_is_no_supply(text: str) -> None:
    assert supplies(read(text, "2024-03-20")) == []


def test_training_and_equipping_told_together_are_one_supply() -> None:
    article = read("Frankreich sagte zu, ukrainische Bataillone auszubilden und mit Panzern auszurüsten.",
                   "2023-05-14")
    assert supplies(article) == [(frozenset({"france"}), frozenset({"ukraine"}))]


# --- meetings shaking hands, headline hosts; claims: taking over, non-recognition, "the country" -

@pytest.mark.parametrize("text", [
    "Modi and Albanese shook hands in New Delhi.",
    "Albanese und Modi schüttelten sich in Neu-Delhi die Hände.",
    "Modi receives Albanese in Delhi",
])
def test_leaders_shaking_hands_or_received_in_a_headline_meet(text: str) -> None:
    assert sides(read(text, "2024-03-20"), MEETING) == [frozenset({"narendra-modi", "anthony-albanese"})]


@pytest.mark.parametrize("text", [
    "Modi refused to shake hands with Sharif.",
    "Modi welcomes the deal.",
])
def test_a_refused_handshake_or_a_welcomed_deal_is_no_meeting(text: str) -> None:
    assert sides(read(text, "2024-03-20"), MEETING) == []


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Egede said on Friday that in his view Trump remains intent on wanting to take over Greenland.",
     "2025-03-31", {("united-states", "greenland")}),
    ("Trump wants to buy Greenland.", "2025-01-10", {("united-states", "greenland")}),
    ("Trump will Grönland kaufen.", "2025-01-10", {("united-states", "greenland")}),
    ("Georgia refuses to recognise the independence of Abkhazia.", "2024-03-20", {("georgia", "abkhazia")}),
    ("Pakistan regards all of Kashmir as an integral part of the country.", "2024-03-20",
     {("pakistan", "kashmir")}),
    ("Spain does not recognize Kosovo's independence.", "2024-03-20", set()),
    ("Hamas took over Gaza in 2007.", "2024-03-20", set()),
])
def test_claims_by_wanting_a_territory_refusing_its_independence_or_as_part_of_the_country(
        text: str, published: str, expected: set[tuple[str, str]]) -> None:
    assert state_claims(text, published) == expected


# --- demands: seeking a release, a headline's speaker before a colon ----------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Germany is seeking the release of its citizens held by Iran.",
     [(frozenset({"germany"}), frozenset({"iran"}))]),
    ("Scholz: Russia must pay for the damage", [(frozenset({"olaf-scholz"}), frozenset({"russia"}))]),
    ("Scholz: Russland muss für die Schäden zahlen", [(frozenset({"olaf-scholz"}), frozenset({"russia"}))]),
    ("Scholz: Germany must do more", []),
    ("Analysis: Russia must rethink its strategy", []),
])
def test_seeking_a_release_and_a_headline_speaker_before_a_colon(
        text: str, expected: list[tuple[frozenset[str], frozenset[str]]]) -> None:
    assert demands(read(text, "2024-03-20")) == expected


# --- who reports a visit, headlines in title case, onlookers ------------------------------------

@pytest.mark.parametrize("text", [
    "Borrell sagte, Orban sei nach Moskau gereist.",
    "Die Kommissionspräsidentin von der Leyen betonte, Fico sei am Montag nach Peking gereist.",
])
def test_who_reports_a_visit_is_no_side_of_it(text: str) -> None:
    expected = {"Borrell": {"viktor-orban", "russia"}, "von der": {"robert-fico", "china"}}
    want = next(v for k, v in expected.items() if k in text)
    assert sides(read(text, "2024-07-05"), MEETING) == [frozenset(want)]


def test_words_of_a_title_case_headline_do_not_join_a_list() -> None:
    article = read("Nicaragua Restores Diplomatic Relations With China, Drops Recognition Of Taiwan",
                   "2021-12-10")
    assert sides(article, AGREEMENT) == [frozenset({"nicaragua", "china"})]


@pytest.mark.parametrize(("text", "expected"), [
    ("With Japanese Prime Minister Kishida standing beside him, Biden signed the document.", []),
    ("With Macron looking on, Scholz and Meloni signed the declaration.",
     [frozenset({"olaf-scholz", "giorgia-meloni"})]),
])
def test_an_onlooker_told_with_a_fronted_with_is_no_signer(text: str,
                                                          expected: list[frozenset[str]]) -> None:
    assert sides(read(text, "2023-06-13"), AGREEMENT) == expected


def test_both_inside_an_opening_quote_refers_to_no_sides_of_the_talks_after_it() -> None:
    article = read("Meloni flog am Sonntag nach Buenos Aires. „Beide Länder profitieren“, betonte sie "
                   "später nach einem Treffen mit Milei im Präsidentenpalast.", "2024-06-10")
    assert sides(article, MEETING) == [frozenset({"giorgia-meloni", "javier-milei"})]


def test_aid_announced_then_specified_is_one_supply() -> None:
    article = read("South Korea will send aid to Turkey. Seoul pledged $5 million and a rescue team.",
                   "2023-02-07")
    assert supplies(article) == [(frozenset({"south-korea"}), frozenset({"turkey"}))]


# --- supplies across a story; reported subjects; reduced passives; adverbs; states' councils ----

@pytest.mark.parametrize(("text", "expected"), [
    ("Norway announced a new aid package for Moldova on Tuesday. Sweden separately said it would send "
     "more generators.", {(frozenset({"norway"}), frozenset({"moldova"})),
                          (frozenset({"sweden"}), frozenset({"moldova"}))}),
    ("Sandu met Danish Prime Minister Frederiksen in Copenhagen on Monday. Frederiksen promised "
     "another aid package worth 500 million crowns.",
     {(frozenset({"mette-frederiksen"}), frozenset({"maia-sandu"}))}),
])
def test_a_supply_with_no_receiver_goes_where_the_story_sends_it(
        text: str, expected: set[tuple[frozenset[str], frozenset[str]]]) -> None:
    assert set(supplies(read(text, "2024-03-05"))) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Sandu said Romania would provide Moldova with two gas turbines.",
     [(frozenset({"romania"}), frozenset({"moldova"}))]),
    ("Moldova's first patrol boats, supplied by Romania and Germany, entered service on Monday.",
     [(frozenset({"romania", "germany"}), frozenset({"moldova"}))]),
    ("Romania and Germany will jointly supply Moldova with an air defence system.",
     [(frozenset({"romania", "germany"}), frozenset({"moldova"}))]),
])
def test_reported_subjects_reduced_passives_and_adverbs_before_the_verb(
        text: str, expected: list[tuple[frozenset[str], frozenset[str]]]) -> None:
    assert supplies(read(text, "2024-03-05")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian Security Council Secretary Shoigu met Kim Jong Un in Pyongyang on Tuesday.",
     [frozenset({"russia", "kim-jong-un"})]),
    ("Der Sicherheitsrat Russlands empfing am Dienstag Kim Jong Un in Moskau.",
     [frozenset({"russia", "kim-jong-un"})]),
])
def test_a_states_security_council_is_that_state(text: str, expected: list[frozenset[str]]) -> None:
    assert sides(read(text, "2025-06-17"), MEETING) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Scholz spoke with Erdogan for an hour on Monday.",
     [frozenset({"olaf-scholz", "recep-tayyip-erdogan"})]),
    ("A government spokesman said Scholz had spoken to Erdogan on Monday.",
     [frozenset({"olaf-scholz", "recep-tayyip-erdogan"})]),
    ("Scholz spoke with Erdogan in Ankara on Monday.", []),
    ("Scholz spoke to reporters on Monday.", []),
])
def test_speaking_with_a_leader_at_no_place_is_a_call(text: str, expected: list[frozenset[str]]) -> None:
    assert sides(read(text, "2024-03-04"), CALL) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Korea hat Japan aufgefordert, seine Ansprüche auf die Liancourt-Felsen aufzugeben. Die Inseln "
     "seien ein untrennbarer Teil des koreanischen Staatsgebiets, sagte ein Sprecher.", set()),
    ("Indien hat China aufgefordert, die Umbenennung von Orten in Arunachal Pradesch zu unterlassen. "
     "Der Bundesstaat sei ein untrennbarer Teil Indiens, erklärte das Außenministerium.",
     {("india", "arunachal-pradesh")}),
    ("China hat Vietnam aufgefordert, den Bau auf den Paracel-Inseln zu unterlassen. Die Inselgruppe "
     "gehöre zu China.", {("china", "paracel-islands")}),
])
def test_a_territory_told_before_and_declared_part_of_a_state(text: str,
                                                             expected: set[tuple[str, str]]) -> None:
    assert state_claims(text, "2025-05-14") == expected


# --- pronouns, first names of officials, counterparts, letters of intent ------------------------

def test_the_object_pronoun_is_not_the_subject_pronoun_of_the_same_sentence() -> None:
    article = read("Meloni met Erdogan in Ankara on Tuesday. She urged him to use his influence in Libya.",
                   "2024-12-17")
    assert demands(article) == [(frozenset({"giorgia-meloni"}), frozenset({"recep-tayyip-erdogan"}))]


def test_a_leaders_name_as_the_first_name_of_an_official_is_no_mention_of_the_leader() -> None:
    article = read("Foreign Minister Abbas Araqchi met IAEA chief Rafael Grossi in Cairo on Tuesday.",
                   "2025-09-09")
    assert sides(article, MEETING) == [frozenset({"iran", "iaea"})]


@pytest.mark.parametrize(("text", "expected"), [
    ("Lula welcomed Xi to Brasília on Thursday. The Chinese leader and his Brazilian counterpart "
     "signed a joint statement.", [frozenset({"xi-jinping", "brazil"})]),
    ("Kristersson met Zelenskiy in Kyiv on Monday. The two had signed a letter of intent in October.",
     [frozenset({"ulf-kristersson", "volodymyr-zelenskyy"})]),
])
def test_counterparts_and_letters_of_intent(text: str, expected: list[frozenset[str]]) -> None:
    assert sides(read(text, "2024-11-20"), AGREEMENT) == expected


# --- guards from the review of this session's rules --------------------------------------------

@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("In den USA traf Scholz am Montag Macron.", MEETING, [frozenset({"olaf-scholz", "emmanuel-macron"})]),
    ("Biden called Putin “a killer”.", CALL, []),
    ("Biden called Putin and Xi dictators.", CALL, []),
    ("Zelensky spoke to the US Congress on Wednesday.", CALL, []),
    ("Putin spoke with his Security Council on Friday.", CALL, []),
    ("Scholz spoke with Erdogan at the Chancellery on Monday.", CALL, []),
    ("Scholz urged restraint after meeting Xi in Beijing.", MEETING,
     [frozenset({"olaf-scholz", "xi-jinping"})]),
    ("Scholz traf Macron in Paris. Die Parteien der Ampel einigten sich am Dienstag auf den Haushalt.",
     AGREEMENT, []),
    ("Russia and Ukraine discussed a prisoner exchange on Monday.", AGREEMENT, []),
    ("House Speaker Mike Johnson (R) praised Netanyahu on Tuesday.", MEETING, []),
    ("The map shows Russia (left) and Ukraine (right).", MEETING, []),
    ("Scholz, Macron und Biden berieten telefonisch über die Ukraine.", CALL,
     [frozenset({"olaf-scholz", "emmanuel-macron", "joe-biden"})]),
])
def test_review_guards_of_the_article_level_session(text: str, kind: EventType,
                                                     expected: list[frozenset[str]]) -> None:
    assert sides(read(text, "2024-05-10"), kind) == expected


def test_a_supply_named_after_an_adversarys_gets_no_receiver_from_it() -> None:
    article = read("North Korea shipped artillery shells to Russia. Germany said it would deliver more "
                   "tanks.", "2024-05-10")
    assert (frozenset({"germany"}), frozenset({"russia"})) not in supplies(article)


def test_the_us_buying_alaska_in_1867_is_no_claim() -> None:
    assert state_claims("The US bought Alaska from Russia in 1867.", "2024-05-10") == set()


@pytest.mark.parametrize("text", [
    "Scholz had talks with business leaders in Shanghai on Tuesday. He urged China to open its markets.",
    "Scholz hatte am Dienstag ein Gespräch mit Wirtschaftsvertretern in Shanghai. Er forderte China auf, "
    "seine Märkte zu öffnen.",
])
def test_had_as_a_main_verb_is_no_pluperfect(text: str) -> None:
    demand = next(e for e in read(text, "2024-05-10").events if e.type is DEMAND)
    assert demand.date is not None and demand.date.value == dt.date(2024, 5, 7)


@pytest.mark.parametrize("text", [
    "The court handed Guyana control of most of the disputed waters.",
    "Niger has given France a deadline to withdraw its troops.",
    "Das Gericht sprach Kolumbien die Kontrolle über die Inseln zu.",
])
def test_control_or_a_deadline_handed_over_is_no_supply(text: str) -> None:
    assert supplies(read(text, "2023-08-10")) == []


@pytest.mark.parametrize(("text", "day", "expected"), [
    # the event's own gerund after "while"/"when" is not another event the name belongs to
    ("Indian Foreign Minister Subrahmanyam Jaishankar made the comments when meeting with "
     "Chinese Foreign Minister Wang Yi in New Delhi.", "2023-03-02", {"india", "china"}),
    # an official named in full, then by one part of the name, is still that state's official
    ("Chinese Foreign Minister Wang Yi arrived in Jakarta on Monday. Wang later held talks "
     "with Indonesian President Joko Widodo.", "2023-03-02", {"china", "joko-widodo"}),
    # a visit noun with its guest and host names a meeting, also inside a phrase
    ("Kyiv reacted coolly to Modi's visit to Moscow, which lasted two days.", "2024-07-10",
     {"narendra-modi", "russia"}),
    ("Kiew reagierte kühl auf den Besuch Modis in Moskau.", "2024-07-10", {"narendra-modi", "russia"}),
    # a past visit told as the time of another event happened too
    ("Der Anruf kam zwei Wochen nach dem Staatsbesuch Macrons in China.", "2023-04-20",
     {"emmanuel-macron", "china"}),
])
def test_meetings_told_by_a_gerund_a_short_name_or_a_visit_noun(text: str, day: str,
                                                                expected: set[str]) -> None:
    assert sides(read(text, day), MEETING) == [frozenset(expected)]


@pytest.mark.parametrize("text", [
    "Vor dem Besuch Modis in Moskau warnte Kiew vor Zugeständnissen.",
    "Chinese Foreign Minister Wang Yi gave a speech on Monday. Wang Xiaoming, a scholar, met Japanese "
    "officials on Tuesday.",
    "Xi's visit to Moscow is planned for next week.",
    "Der Besuch von Xi in Moskau ist für nächste Woche geplant.",
    "Nach dem Besuch in Moskau sagte Xi, die Beziehungen seien gut.",
])
def test_a_planned_visit_or_one_without_its_guest_named_is_no_meeting(text: str) -> None:
    assert sides(read(text, "2023-03-20"), MEETING) == []


@pytest.mark.parametrize(("text", "kind", "expected"), [
    # who looks on is no side of what is signed
    ("Azerbaijan and Armenia signed a peace deal in Washington as Trump looked on.",
     AGREEMENT, {"azerbaijan", "armenia"}),
    ("Aliyev and Pashinyan signed the accord as Trump watched.", AGREEMENT,
     {"ilham-aliyev", "nikol-pashinyan"}),
    # German "Gespräche führen" with a long middle field
    ("Scholz und Macron führten am Montag in Paris nach Angaben der Regierung mehrere "
     "Stunden lang Gespräche über die Lage in Nahost.", MEETING, {"olaf-scholz", "emmanuel-macron"}),
])
def test_onlookers_are_no_sides_and_long_light_verb_talks(text: str, kind: EventType,
                                                          expected: set[str]) -> None:
    assert sides(read(text, "2025-08-09"), kind) == [frozenset(expected)]


@pytest.mark.parametrize("text", [
    "Washington, which has been granted landing rights at the base, welcomed the treaty.",
    "Ukraine was given 50 tanks last year.",
    "Der Ukraine wurden im vergangenen Jahr Panzer geliefert.",
])
def test_a_passive_that_names_only_who_was_given_something_has_no_supplier(text: str) -> None:
    assert sides(read(text, "2024-08-09"), SUPPORT) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Ukraine was given 50 tanks by Poland last year.", ({"poland"}, {"ukraine"})),
    ("Der Ukraine wurden von Polen Panzer geliefert.", ({"poland"}, {"ukraine"})),
    ("Frankreich ist nach den USA der größte Lieferant von Munition an Kiew.", ({"france"}, {"ukraine"})),
])
def test_a_passive_with_its_agent_still_names_the_supplier(text: str,
                                                          expected: tuple[set[str], set[str]]) -> None:
    assert supplies(read(text, "2024-08-09")) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # a supply pledged or sent in the story is of the story's day
    ("Frankreich sagte der Ukraine am Mittwoch weitere Haubitzen zu. Macron kündigte an, "
     "Frankreich werde Kiew auch Munition überlassen.", {"2024-03-13"}),
    ("Biden pledges more air defence for Ukraine\nThe United States will send Ukraine another "
     "Patriot battery, the White House said.", {"2024-03-14"}),
    # one that goes on, or a supplier's role, is not dated
    ("Iran unterstützt Russland seit Jahren mit Drohnen.", {None}),
    ("Japan has been the largest donor of aid to Ukraine in Asia since 2022.", {None}),
    ("Drones struck Kyiv overnight. Officials said that Iran also supplies drones to Russia.", {None}),
    ("Iran unterstützt Russland mit Drohnen, während Russland Iran Zugang zu Technik gewährt.", {None}),
    # a plural noun after its subject is no present verb; a headline in the present is news
    ("Qatar's ports reopened on Wednesday. Turkey sent food supplies to Qatar.", {"2024-03-13"}),
    ("US sends Patriot battery to Ukraine", {"2024-03-14"}),
])
def test_a_supply_told_in_the_story_is_dated_one_that_goes_on_is_not(
        text: str, expected: set[str | None]) -> None:
    article = read(text, "2024-03-14")
    supplies = [e for e in article.events if e.type is SUPPORT]
    assert supplies, article.events
    assert {e.date.value.isoformat() if e.date else None for e in supplies} == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # elected, not yet sworn in: the leader speaks for the state they will lead
    ("On Friday President-elect Donald Trump took a telephone call from Tsai Ing-wen, Taiwan's leader.",
     "2016-12-03", {"united-states", "tsai-ing-wen"}),
    # a candidate before the vote is the person
    ("Merz traf Macron am Mittwoch in Paris.", "2025-02-05", {"friedrich-merz", "emmanuel-macron"}),
    # the president-elect and the president are one state: no meeting between two
    ("President-elect Donald Trump met President Joe Biden at the White House on Wednesday.",
     "2024-11-13", None),
    ("Der gewählte US-Präsident Joe Biden telefonierte am Dienstag mit Bundeskanzlerin Angela Merkel.",
     "2020-11-11", {"united-states", "angela-merkel"}),
    # months before a term, a leader is still the person
    ("Donald Trump met Benjamin Netanyahu in Florida on Friday.", "2024-07-27",
     {"donald-trump", "benjamin-netanyahu"}),
])
def test_an_incoming_leader_acts_for_the_state_they_will_lead(text: str, published: str,
                                                               expected: set[str] | None) -> None:
    found = [set(e.participants) for e in read(text, published).events if e.type in (CALL, MEETING)]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(("text", "expected"), [
    # two leaders of two states who "spoke", at no place and with no meeting told: a call
    ("Mexican President Claudia Sheinbaum and U.S. President Donald Trump spoke for nearly an "
     "hour on Monday about tariffs.", [frozenset({"claudia-sheinbaum", "donald-trump"})]),
    ("Putin and Zelensky spoke on television on Monday about the war.", []),
    ("Macron and Putin spoke of a new era in their relations.", []),
    ("Macron and Putin spoke for about an hour on Friday.",
     [frozenset({"emmanuel-macron", "vladimir-putin"})]),
    ("Macron and Putin spoke in Moscow on Friday about the grain deal.", []),
    ("Macron and Putin spoke with reporters on Friday.", []),
    ("Biden and Harris spoke for an hour on Friday.", []),
])
def test_two_leaders_who_spoke_at_no_place_had_a_call(text: str, expected: list[frozenset[str]]) -> None:
    assert sides(read(text, "2025-02-03"), CALL) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Egyptian and Jordanian intelligence chiefs held two days of talks in Amman.",
     [frozenset({"egypt", "jordan"})]),
    ("On the summit's second day Ardern discussed fisheries with Fiji's Prime Minister Frank "
     "Bainimarama.", [frozenset({"jacinda-ardern", "frank-bainimarama"})]),
    ("Ardern discussed fisheries with reporters at the summit.", []),
    ("Biden discussed U.S. engagement with Egypt and other partners.", []),
])
def test_talks_of_officials_named_by_office_and_discussions_with_a_leader(
        text: str, expected: list[frozenset[str]]) -> None:
    assert sides(read(text, "2022-07-13"), MEETING) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a monarch's title with "von"/"of" and the state is that state's monarch
    ("Scholz kam am Montag in Doha mit dem Emir von Katar zusammen.", {"olaf-scholz", "tamim-bin-hamad"}),
    ("On Saturday the Emir of Qatar received Germany's economy minister Robert Habeck in Doha.",
     {"germany", "tamim-bin-hamad"}),
    # "der Minister" is the official told before; "die Minister" are several
    ("Wirtschaftsminister Robert Habeck landete am Samstag in Doha. Dort traf der Minister den "
     "Emir von Katar.", {"germany", "tamim-bin-hamad"}),
])
def test_monarchs_by_title_and_a_minister_told_before(text: str, expected: set[str]) -> None:
    met = [set(e.participants) for e in read(text, "2022-03-20").events if e.type is MEETING]
    assert met == [expected]


@pytest.mark.parametrize("text", [
    "Habeck schickte noch eine Botschaft an Putin hinterher: «Wir brauchen euer Gas bald nicht mehr.»",
    "Biden sent a message to Putin: the United States will keep supplying gas to Europe.",
    "Scholz schickte seinen Gesandten nach Kiew.",
])
def test_a_message_letter_or_envoy_sent_is_no_supply(text: str) -> None:
    assert sides(read(text, "2022-03-20"), SUPPORT) == []


def test_a_leaders_surname_given_to_an_official_is_that_official_again() -> None:
    article = read("Während des Besuchs des sudanesischen Außenministers Ali Yusef Sharif in Moskau "
                   "einigten sich beide Staaten auf mehr Handel. Laut Sharifs Sprecher habe er mit "
                   "Lawrow auch über Getreide verhandelt.", "2025-02-12")
    assert "shehbaz-sharif" not in {m.entity for m in article.mentions}
    assert sides(article, AGREEMENT) == [frozenset({"sudan", "russia"})]


@pytest.mark.parametrize(("text", "expected"), [
    ("A government-to-government contract was signed between Armenia and India on Friday.",
     [frozenset({"armenia", "india"})]),
    ("A memorandum on gas supplies was signed by Azerbaijan and the European Union in Baku.",
     [frozenset({"azerbaijan", "european-union"})]),
    ("A contract was signed between Airbus and Lufthansa on Friday.", []),
])
def test_a_contract_or_memorandum_told_in_the_passive_is_an_agreement(
        text: str, expected: list[frozenset[str]]) -> None:
    assert sides(read(text, "2023-07-28"), AGREEMENT) == expected


def test_a_title_with_a_demonym_and_a_verb_after_it_is_the_office_holder_not_the_object() -> None:
    article = read("The Chinese leader urged Trump to handle the Taiwan question with caution.", "2025-06-05")
    assert demands(article) == [({"xi-jinping"}, {"donald-trump"})]


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia summoned Moldova's ambassador on Wednesday. The Foreign Ministry demanded that "
     "Chisinau reverse its decision to expel three diplomats.", [({"russia"}, {"moldova"})]),
    ("Russland hat am Mittwoch den Botschafter Moldaus einbestellt. Das Außenministerium forderte "
     "Chisinau auf, die Ausweisung rückgängig zu machen.", [({"russia"}, {"moldova"})]),
    # a body with its own state is that state's
    ("Russia said it was ready to talk. The government in Kyiv urged Moscow to withdraw first.",
     [({"ukraine"}, {"russia"})]),
])
def test_a_ministry_or_government_told_without_its_state_is_the_state_told_before(
        text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert demands(read(text, "2024-05-15")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Trudeau announced C$5 billion in new funding for Ukraine on Monday.",
     [({"justin-trudeau"}, {"ukraine"})]),
    # a sum right before the noun of the supply is what it is worth: one supply, not two
    ("Scholz kündigte weitere 500 Millionen Euro Militärhilfe für die Ukraine an.",
     [({"olaf-scholz"}, {"ukraine"})]),
    ("Congress voted to fund the government through the fiscal year.", []),
])
def test_funding_for_a_state_and_a_sum_of_aid_are_one_supply(
        text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert supplies(read(text, "2025-02-24")) == expected


@pytest.mark.parametrize(("text", "agreement", "meeting"), [
    # who is present meets the signers, and signs nothing
    ("Aserbaidschan und Armenien unterzeichneten in Washington im Beisein von Donald Trump ein "
     "Friedensabkommen.", {"azerbaijan", "armenia"}, {"azerbaijan", "armenia", "donald-trump"}),
    ("Anutin Charnvirakul and Hun Manet signed a peace declaration in Kuala Lumpur on Sunday, "
     "with Donald Trump looking on.", {"anutin-charnvirakul", "hun-manet"},
     {"anutin-charnvirakul", "hun-manet", "donald-trump"}),
])
def test_who_is_present_at_a_signing_meets_the_signers(text: str, agreement: set[str],
                                                       meeting: set[str]) -> None:
    article = read(text, "2025-10-26")
    assert sides(article, AGREEMENT) == [frozenset(agreement)]
    assert sides(article, MEETING) == [frozenset(meeting)]


def test_a_leader_flying_to_a_capital_visits_and_a_state_flying_aid_supplies() -> None:
    assert sides(read("Blinken flew to Beijing on Sunday for talks.", "2023-06-18"), MEETING) == \
        [frozenset({"united-states", "china"})]
    article = read("Germany flew aid to Turkey on Tuesday.", "2023-02-08")
    assert sides(article, MEETING) == [] and sides(article, SUPPORT) == [frozenset({"germany"})]


def test_a_two_letter_family_name_told_before_in_full_is_that_leader() -> None:
    article = read("Premier Li Qiang led the delegation. Li met South African President Cyril "
                   "Ramaphosa on Friday.", "2025-11-22")
    assert sides(article, MEETING) == [frozenset({"li-qiang", "cyril-ramaphosa"})]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # "die beiden Präsidenten" are the two presidents told before, not the prime minister
    ("Putin hat am Montag mit dem indischen Premierminister Modi telefoniert und ihn über sein "
     "Treffen mit Donald Trump unterrichtet. Die beiden Präsidenten hatten sich am Freitag in "
     "Anchorage getroffen.", "2025-08-18", {"united-states", "russia"}),
    # a state that is only where two others met is not one of "beider Länder"
    ("Ein Gipfeltreffen zwischen Trump und Putin in Saudi-Arabien sei nicht vereinbart, sagte "
     "Kremlsprecher Peskow. Die Außenminister beider Länder hatten sich vergangene Woche in Riad "
     "getroffen.", "2025-02-25", {"united-states", "russia"}),
])
def test_the_two_presidents_or_countries_told_before(text: str, published: str, expected: set[str]) -> None:
    assert state_sides(text, published, MEETING) == [expected]


@pytest.mark.parametrize("text", [
    "Macron hat mit dem ägyptischen Präsidenten al-Sisi telefoniert. Beide forderten Israel auf, "
    "die Blockade aufzuheben.",
    "Macron spoke with Egypt's President Abdel Fattah al-Sisi by phone. The two urged Israel to "
    "lift the blockade.",
])
def test_both_as_the_subject_of_a_demand_are_its_demanders(text: str) -> None:
    assert demands(read(text, "2025-04-07")) == [({"emmanuel-macron", "abdel-fattah-el-sisi"}, {"israel"})]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # "seinen Gast" is the guest told before, even with a name after the particle
    ("Olaf Scholz hat den chinesischen Ministerpräsidenten Li Qiang am Dienstag in Berlin "
     "empfangen. Der Kanzler forderte seinen Gast auf, Russland keine Waffen zu liefern.",
     "2023-06-20", [({"olaf-scholz"}, {"li-qiang"})]),
    ("Trump hat am Montag mit Netanjahu telefoniert. Der US-Präsident habe darauf gedrungen, "
     "mehr Hilfslieferungen in den Gazastreifen zu lassen.", "2025-07-28",
     [({"donald-trump"}, {"benjamin-netanyahu"})]),
])
def test_a_guest_asked_and_insisting_on_something_in_a_call(
        text: str, published: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert demands(read(text, published)) == expected


def test_who_looked_on_is_none_of_the_two_told_later() -> None:
    agreements = state_sides("Anutin Charnvirakul and Hun Manet signed a peace declaration in Kuala "
                             "Lumpur on Sunday, with Donald Trump looking on. The two neighbours had "
                             "agreed to a ceasefire in July.", "2025-10-26", AGREEMENT)
    assert agreements and all(states == {"thailand", "cambodia"} for states in agreements), agreements


@pytest.mark.parametrize(("text", "expected"), [
    # "bat X, … zu tun": the infinitive is what X is asked to do, however far it stands
    ("Macron bat Tebboune, die Grenze für die Hilfskonvois zu öffnen.",
     [({"emmanuel-macron"}, {"abdelmadjid-tebboune"})]),
    ("Macron bat darum, die Grenze für die Hilfskonvois zu öffnen.", []),
    # advocating weapons for one side asks for them ("warb für Waffen"), as it does a ceasefire
    ("Selenskyj warb in Brüssel eindringlich für mehr Waffen.", [({"volodymyr-zelenskyy"}, set())]),
    ("Zelensky lobbied hard at the summit in Brussels for more weapons.", [({"volodymyr-zelenskyy"}, set())]),
])
def test_asked_to_do_something_or_lobbying_for_arms(
        text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert demands(read(text, "2024-05-15")) == expected


@pytest.mark.parametrize(("text", "dated"), [
    ("Neu-Delhi (dpa) - Indien hat am Montag den Sonderstatus Kaschmirs aufgehoben. Indien und "
     "Pakistan beanspruchen die Region.", False),
    ("NEW DELHI (AP) - India revoked the special status of Kashmir on Monday. India and Pakistan "
     "each lay claim to the region.", False),
    # a headline's present tells the day's news
    ("India lays claim to Kashmir\nNEW DELHI (AP) - India revoked its special status on Monday.", True),
])
def test_a_claim_told_in_the_present_is_held_not_made_that_day(text: str, dated: bool) -> None:
    claim = next(e for e in read(text, "2019-08-05").events if e.type is EventType.TERRITORIAL_CLAIM)
    assert (claim.date is not None) is dated, claim.date


@pytest.mark.parametrize(("text", "expected"), [
    # "am Tag danach", "the next day": the day after the last day told before
    ("Budapest (dpa) - Orban ist in Moskau mit Putin zusammengetroffen. Ungarn hatte am 1. Juli "
     "den EU-Ratsvorsitz übernommen. Am Tag danach traf Orban in Kiew Selenskyj.",
     {"russia": dt.date(2024, 7, 5), "ukraine": dt.date(2024, 7, 2)}),
    ("BUDAPEST (AP) - Orban met Putin in Moscow. Hungary had taken over the EU presidency on July 1. "
     "The next day Orban met Zelenskyy in Kyiv.",
     {"russia": dt.date(2024, 7, 5), "ukraine": dt.date(2024, 7, 2)}),
])
def test_the_day_after_a_day_told_before(text: str, expected: dict[str, dt.date]) -> None:
    gaz, article = load_gazetteer(), read(text, "2024-07-05")
    days = {state: e.date.value for e in article.events if e.type is MEETING and e.date
            for state in gaz.states_of(e.participants, dt.date(2024, 7, 5)) if state != "hungary"}
    assert days == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Australia will pay Papua New Guinea 600 million dollars over ten years.",
     [({"australia"}, {"papua-new-guinea"})]),
    ("Australien zahlt Papua-Neuguinea 600 Millionen Dollar.", [({"australia"}, {"papua-new-guinea"})]),
    ("Merkel lobte Jordanien für die Aufnahme großer Zahlen von Flüchtlingen.", []),  # numbers, no pay
    # stationing brings weapons or troops to the state they stand in; being stationed is a state
    ("Russland hat taktische Atomwaffen in Belarus stationiert.", [({"russia"}, {"belarus"})]),
    ("Russia will station nuclear missiles in Belarus.", [({"russia"}, {"belarus"})]),
    ("About 5,000 US troops are stationed in Iraq.", []),
    ("Die in der Region stationierten russischen Truppen griffen nicht ein.", []),
    ("Britain has trained 50,000 Ukrainian soldiers.", [({"united-kingdom"}, {"ukraine"})]),
    ("Berlin will hand 18 Leopard tanks to Kyiv.", [({"germany"}, {"ukraine"})]),
    ("Deutschland übernimmt die Kosten für zwei Patriot-Systeme für die Ukraine.",
     [({"germany"}, {"ukraine"})]),
    ("Der IWF gab Pakistan eine weitere Kredittranche von einer Milliarde Dollar frei.",
     [({"imf"}, {"pakistan"})]),
    ("Mit Kampfhubschraubern rüstet Moskau die malische Armee auf.", [({"russia"}, {"mali"})]),
    # "next year" says when a pledge is kept, not that the pledge is only planned
    ("Kyiv will be given 25 more Leopard tanks by Berlin early next year.", [({"germany"}, {"ukraine"})]),
    # goods flown somewhere are a supply, a leader flying somewhere visits
    ("Indien flog Hilfsgüter nach Afghanistan.", [({"india"}, {"afghanistan"})]),
])
def test_paying_stationing_training_and_handing_over_supply(
        text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert supplies(read(text, "2024-05-15")) == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # whom the subject speaks to in a call told by its noun is the call's other side
    ("Putin apologised to Aliyev in a phone call on Sunday.", "2024-12-30",
     {"vladimir-putin", "ilham-aliyev"}),
    ("Putin hat sich bei Alijew in einem Telefonat entschuldigt.", "2024-12-30",
     {"vladimir-putin", "ilham-aliyev"}),
    # a summit still to come does not make a talk a meeting
    ("Ramaphosa said on Tuesday he had spoken to Putin ahead of the Alaska summit.", "2025-08-12",
     {"cyril-ramaphosa", "vladimir-putin"}),
    # names joined by an en dash after the noun are its sides
    ("Telefonat Merz–Selenskyj: Gespräch über den Friedensplan", "2025-11-22",
     {"friedrich-merz", "volodymyr-zelenskyy"}),
])
def test_calls_told_by_their_noun_or_by_speaking_to_someone(text: str, published: str,
                                                            expected: set[str]) -> None:
    assert sides(read(text, published), CALL) == [frozenset(expected)]


def test_a_parenthesis_between_em_dashes_is_no_compound_of_names() -> None:
    article = read("Soon after taking office, Muizzu—who is regarded as pro-China—formally asked "
                   "India to withdraw its troops.", "2024-01-14")
    assert demands(article) == [({"mohamed-muizzu"}, {"india"})]


@pytest.mark.parametrize(("text", "expected"), [
    # a group named by its role stands for the first that many sides of the call before it
    ("Keir Starmer, Emmanuel Macron und Friedrich Merz haben am Sonntag gemeinsam mit Wolodymyr "
     "Selenskyj telefoniert. Die drei Europäer forderten Russland auf, einer Waffenruhe zuzustimmen.",
     [({"keir-starmer", "emmanuel-macron", "friedrich-merz"}, {"russia"})]),
    # … or for the sides the sentence before opened with
    ("Egypt and Qatar presented a new truce proposal on Sunday. The two mediators urged Israel to "
     "accept it.", [({"egypt", "qatar"}, {"israel"})]),
])
def test_a_group_named_by_its_role_demands(text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert demands(read(text, "2025-05-11")) == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Biden, Modi, Kishida and Albanese gathered in Wilmington on Saturday.", "2024-09-22",
     {"united-states", "india", "japan", "australia"}),
    ("Biden gave Ruto a lavish welcome at the White House on Thursday.", "2024-05-24",
     {"united-states", "kenya"}),
    ("King Charles hosted a state banquet for Trump at Windsor Castle on Wednesday.", "2025-09-18",
     {"united-kingdom", "united-states"}),
    ("König Charles gab im Schloss Windsor ein Staatsbankett zu Ehren von Trump.", "2025-09-18",
     {"united-kingdom", "united-states"}),
    # a title's modifier stands between the host and the guest's name
    ("Mohammed bin Salman hosted Syria's interim president Ahmed al-Sharaa in Riyadh on Sunday.",
     "2025-02-03", {"saudi-arabia", "syria"}),
])
def test_leaders_gathered_or_honoured_at_a_banquet_met(text: str, published: str, expected: set[str]) -> None:
    assert state_sides(text, published, MEETING) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # one side agrees to do something for another, named after "to" in what it agreed
    ("Mexico agreed on Monday to send more water to the United States.", {"mexico", "united-states"}),
    ("Armenia agreed to return four border villages to Azerbaijan.", {"armenia", "azerbaijan"}),
])
def test_agreeing_to_do_something_for_another_is_an_accord_with_it(text: str, expected: set[str]) -> None:
    assert state_sides(text, "2024-04-22", AGREEMENT) == [expected]


def test_a_message_to_someone_about_an_accord_makes_no_side_of_it() -> None:
    text = ("Scholz and Zelensky signed a security agreement on Friday. Scholz said the agreement sends "
            "a message to the Russian president.")
    assert all("russia" not in sides for sides in state_sides(text, "2024-02-16", AGREEMENT))


def test_agreeing_to_a_text_addressed_to_someone_is_no_accord_with_it() -> None:
    # only a to-infinitive is what a side agreed to do ("agreed to return … to Azerbaijan")
    sides_read = state_sides("Poland agreed to the text of a letter to Russia.", "2024-02-16", AGREEMENT)
    assert all("russia" not in sides for sides in sides_read), sides_read


@pytest.mark.parametrize(("text", "expected"), [
    ("\"Crimea is Ukraine,\" Zelenskiy said on Wednesday.", {("ukraine", "crimea")}),
    ("„Die Krim ist Russland“, sagte Peskow am Montag.", {("russia", "crimea")}),
    ("Tbilisi still counts Abkhazia as part of Georgia.", {("georgia", "abkhazia")}),
    ("Syria called the Golan Heights occupied Syrian land.", {("syria", "golan-heights")}),
    ("Putin called the Donbas region a priority.", set()),
    # a state after "is" that does not close the clause says nothing of whose a territory is
    ("Germany is France's closest partner, Macron said.", set()),
    ("The biggest buyer of Russian oil is China.", set()),
])
def test_a_territory_said_to_be_a_state_is_claimed_by_it(text: str, expected: set[tuple[str, str]]) -> None:
    assert state_claims(text, "2025-04-23") == expected



def test_the_states_of_a_border_named_as_a_place_are_no_sides() -> None:
    text = ("Merkel hat angesichts der Not von Migranten an der EU-Außengrenze zwischen Polen und Belarus "
            "mit Lukaschenko telefoniert.")
    assert state_sides(text, "2021-11-16", CALL) == [{"germany", "belarus"}]


def test_past_a_demand_in_a_relative_clause_the_main_clause_tells_its_own_event() -> None:
    text = ("The declaration, which includes a demand that Qatar close the Turkish base, was announced "
            "after King Salman talked on the phone with Erdogan.")
    expected = frozenset({"salman-of-saudi-arabia", "recep-tayyip-erdogan"})
    assert sides(read(text, "2017-06-27"), CALL) == [expected]


@pytest.mark.parametrize("text", ["Iran has shipped 1,100 tons of fruit and vegetables to Qatar.",
                                  "Der Iran lieferte 1100 Tonnen Obst und Gemüse nach Katar."])
def test_food_shipped_to_a_state_is_a_supply(text: str) -> None:
    assert supplies(read(text, "2017-06-27")) == [({"iran"}, {"qatar"})]


@pytest.mark.parametrize(("text", "expected"), [
    # what was announced in a call does not make the call an announced one
    ("Putin kündigte Scholz in einem Telefonat das Dekret an.",
     [frozenset({"vladimir-putin", "olaf-scholz"})]),
    ("The Kremlin announced a phone call between Putin and Scholz for next week.", []),
])
def test_a_call_in_which_something_was_announced_took_place(
        text: str, expected: list[frozenset[str]]) -> None:
    assert sides(read(text, "2022-02-22"), CALL) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "X to <verb>" in news English is what is to come; a supply pledged so still counts
    ("India, Pakistan to sign trade deal", []),
    ("Pompeo to witness signing of US-Taliban deal", []),
    # a signing called off did not take place
    ("Trump, Zelensky cancel signing of minerals deal after White House shouting match", []),
    # what the sides agreed to halt is no halt of the accord
    ("Russia and Ukraine agreed to halt attacks on energy sites.", [{"russia", "ukraine"}]),
])
def test_signings_to_come_or_called_off_are_no_accord(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2025-03-01", AGREEMENT) == expected


def test_a_pledge_in_headline_english_is_a_supply() -> None:
    article = read("US to send more tanks to Ukraine\nWASHINGTON (AP) - The Pentagon confirmed the plan "
                   "on Friday.", "2025-03-01")
    assert supplies(article) == [({"united-states"}, {"ukraine"})]


@pytest.mark.parametrize(("text", "expected"), [
    # fighters sent in an attack supply no one; a supply beside an attack still does
    ("Hamas infiltrated southern Israel, sending fighters and firing rockets.", []),
    ("Russia fired missiles at Kyiv, while the United States sent Patriot missiles to Ukraine.",
     [({"united-states"}, {"ukraine"})]),
    ("The missiles that Russian forces fired at Kharkiv were supplied to Moscow by Pyongyang.",
     [({"north-korea"}, {"russia"})]),
    # a list handed over is no supply
    ("Biden said he had given Putin a list of 16 kinds of infrastructure, from energy to water supply.", []),
])
def test_what_is_sent_in_an_attack_or_a_list_handed_over_supplies_nothing(
        text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert supplies(read(text, "2023-10-08")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Der IWF hat ein Hilfsprogramm über drei Milliarden Dollar für Sri Lanka gebilligt.",
     [({"imf"}, {"sri-lanka"})]),
    ("Der Libanon hat von Katar 60 Millionen Dollar für die Bezahlung seiner Soldaten erhalten.",
     [({"qatar"}, {"lebanon"})]),
    ("Ukraine has received its first Abrams tanks from the United States, Zelenskiy said.",
     [({"united-states"}, {"ukraine"})]),
    ("Pakistan flew tents, blankets and a search-and-rescue team to Turkey after the earthquake.",
     [({"pakistan"}, {"turkey"})]),
    ("Japan approves export of Patriot missiles to U.S.", [({"japan"}, {"united-states"})]),
    ("Saudi-Arabien hinterlegt zwei Milliarden Dollar bei Pakistans Zentralbank.",
     [({"saudi-arabia"}, {"pakistan"})]),
    ("Deutschland hat 300 Millionen Euro für die notleidende Bevölkerung in Syrien zugesagt.",
     [({"germany"}, {"syria"})]),
    ("Britain condemned the attacks on civilians in Sudan.", []),
])
def test_supplies_flown_approved_received_deposited_or_for_the_people_of_a_state(
        text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert supplies(read(text, "2023-07-12")) == expected


def test_access_wanted_from_another_state_is_no_supply_received() -> None:
    article = read("Die bolivianische Regierung drang seit Jahren darauf, von Chile wieder einen Zugang "
                   "zum Pazifik zu erhalten.", "2018-10-01")
    assert supplies(article) == []


@pytest.mark.parametrize(("text", "published", "kind", "expected"), [
    # a call the clause comes after has taken place, whatever the clause says of its own verb
    ("Nach dem Telefonat zwischen Merkel und Davutoğlu am Montagabend wird in Berlin an einem "
     "Aktionsplan gearbeitet; beschlossen ist noch nichts.", "2015-10-06", CALL, [{"germany", "turkey"}]),
    ("Nach dem geplanten Treffen zwischen Merkel und Davutoğlu wird an einem Aktionsplan gearbeitet.",
     "2015-10-06", MEETING, []),
    # a phrase opening the sentence sets the main clause after it, whose names are the sides
    ("In a call that lasted more than two hours, Xi Jinping urged Joe Biden to lift the tariffs.",
     "2021-09-10", CALL, [{"china", "united-states"}]),
    ("During a meeting that lasted two hours, Meloni and Modi discussed trade.", "2024-06-14", MEETING,
     [{"italy", "india"}]),
    # … but not someone the main clause only speaks of
    ("During a meeting that lasted two hours, Lavrov criticised the United States.", "2024-06-14",
     MEETING, []),
    # the phrase's own time still says the event is to come
    ("After his meeting with Putin next week, Trump will fly to Rome.", "2025-05-10", MEETING, []),
    ("Nach dem Treffen mit Putin in der kommenden Woche will Trump nach Rom reisen.", "2025-05-10",
     MEETING, []),
])
def test_a_call_or_meeting_told_as_the_setting_of_another_clause(
        text: str, published: str, kind: EventType, expected: list[set[str]]) -> None:
    assert state_sides(text, published, kind) == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # talks in the purpose of a meeting are that meeting, and what they are about names no side
    ("Die Verteidigungsminister Deutschlands, Frankreichs, Großbritanniens, Italiens und Polens sind am "
     "Montag in Berlin zusammengekommen, um über die weitere Unterstützung der Ukraine zu beraten.",
     "2024-06-14", [{"germany", "france", "united-kingdom", "italy", "poland"}]),
    ("Mehr als zwei Stunden saßen Donald Trump und Wladimir Putin im finnischen Präsidentenpalast "
     "zusammen.", "2018-07-17", [{"united-states", "russia"}]),
])
def test_a_meeting_and_what_it_was_held_for_are_one_meeting(
        text: str, published: str, expected: list[set[str]]) -> None:
    assert state_sides(text, published, MEETING) == expected


def test_names_after_a_second_verb_are_no_sides_of_the_first_event() -> None:
    text = ("Antony Blinken met his Turkish counterpart Hakan Fidan on Saturday and urged Ankara to "
            "complete ratification of Sweden's NATO membership.")
    assert state_sides(text, "2024-01-07", MEETING) == [{"united-states", "turkey"}]


@pytest.mark.parametrize(("text", "expected"), [
    # in a German perfect the subject stands before the auxiliary, whom it asks after it
    ("Der Iran hat Deutschland, Frankreich und Großbritannien aufgefordert, auf die Sanktionen zu "
     "verzichten.", [({"iran"}, {"germany", "france", "united-kingdom"})]),
    ("Grossi hat Russland und die Ukraine aufgefordert, eine Schutzzone einzurichten.",
     [({"iaea"}, {"russia", "ukraine"})]),
    ("Lula, der im Wahlkampf eine Vermittlerrolle angeboten hatte, hat die USA und die EU "
     "aufgefordert, sich für Frieden einzusetzen.",
     [({"luiz-inacio-lula-da-silva"}, {"united-states", "european-union"})]),
    ("Deutschland und Frankreich haben Russland aufgefordert, die Truppen abzuziehen.",
     [({"germany", "france"}, {"russia"})]),
])
def test_a_german_perfect_demand_asks_everyone_between_auxiliary_and_verb(
        text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert demands(read(text, "2023-04-20")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # in a passive the agent after "by" asks, however far the infinitive
    ("Israel has been asked by Washington to open more land crossings into Gaza.",
     [({"united-states"}, {"israel"})]),
    ("Iran was told by the IAEA on Wednesday to step up cooperation with the inspectors.",
     [({"iaea"}, {"iran"})]),
    ("Putin told reporters in Moscow on Tuesday that he wanted to go to Beijing.", []),
])
def test_asked_or_told_by_someone_in_a_passive(text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert demands(read(text, "2024-03-20")) == expected


@pytest.mark.parametrize(("text", "published", "kind", "expected"), [
    # review counter-examples: none of these is the event the new rules read
    ("Russia has stationed 100,000 troops in Ukraine.", "2022-02-10", SUPPORT, []),
    ("Biden is in Israel to meet Netanyahu.", "2023-10-18", MEETING, [{"united-states", "israel"}]),
    ("Macron bat Scholz zu einem Abendessen.", "2024-06-14", DEMAND, []),
    ("Die Türkei gab den Weg für die Aufnahme Schwedens in die NATO frei.", "2024-01-24", SUPPORT, []),
    ("Kiew hat von den USA grünes Licht für den Einsatz von ATACMS erhalten.", "2024-11-18", SUPPORT, []),
    ("Ukraine agreed to send a delegation to Saudi Arabia for talks.", "2025-03-01", AGREEMENT, []),
    ("In a call with Scholz, Biden pledged to send tanks to Ukraine.", "2023-01-25", CALL,
     [{"germany", "united-states"}]),
    ("Kyiv called the Russian strikes on Ukrainian territory in Kharkiv a war crime.", "2024-05-25",
     CLAIM, []),
    ("Russia suspended gas deliveries to Europe and signed a supply deal with China on Monday.",
     "2022-09-05", AGREEMENT, [{"russia", "china"}]),
    ("Russland und China sitzen im UN-Sicherheitsrat zusammen.", "2018-07-17", MEETING, []),
])
def test_ordinary_news_the_new_rules_must_leave_alone(text: str, published: str, kind: EventType,
                                                       expected: list[set[str]]) -> None:
    assert state_sides(text, published, kind) == expected


@pytest.mark.parametrize(("text", "lang"), [
    # the summit a meeting is agreed to be held at is not a meeting of theirs
    ("Lula and Milei agreed to meet at the Mercosur summit in July.", "en"),
    ("Lula, Milei in first phone call agree to meet at Mercosur summit", "en"),
    ("Lula und Milei vereinbarten, sich beim Mercosur-Gipfel zu treffen.", "de"),
    ("Lula und Milei vereinbarten ein Treffen am Rande des Mercosur-Gipfels.", "de"),
    # a German infinitive's clause is what is asked as a whole, circumstance included
    ("Lula bat Milei, beim Mercosur-Gipfel über Zölle zu sprechen.", "de"),
])
def test_a_summit_where_a_meeting_is_to_be_held_is_no_meeting(text: str, lang: str) -> None:
    assert sides(read_article(text, published=dt.date(2024, 5, 2), lang=lang), MEETING) == []


@pytest.mark.parametrize("text", [
    "Lula and Milei met at the Mercosur summit in July.",
    "Lula und Milei trafen sich am Rande des Mercosur-Gipfels.",
    "„Wir liefern Weizen“, sagte Lula bei einem Besuch von Milei in Brasília.",
])
def test_a_summit_or_visit_that_took_place_stays_a_meeting(text: str) -> None:
    assert state_sides(text, "2024-07-10", MEETING) == [{"brazil", "argentina"}]


def state_events(text: str, published: str, lang: str) -> list[tuple[EventType, set[str], set[str]]]:
    """(type, sides, addressees) of every event read, as the states they stood for that day."""
    gaz, day = load_gazetteer(), dt.date.fromisoformat(published)
    return [(e.type, gaz.states_of(e.participants, day), gaz.states_of(e.addressees, day))
            for e in read_article(text, published=day, lang=lang).events]


def state_supplies(text: str, published: str, lang: str = "en") -> list[tuple[set[str], set[str]]]:
    """(suppliers, receivers) of every supply read, as the states they stood for that day."""
    return [(sides, to) for kind, sides, to in state_events(text, published, lang) if kind is SUPPORT]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # agreeing to supply is the supply, not an accord with the receiver
    ("Qatar has agreed to provide liquefied gas to Bangladesh on deferred payment.", "en",
     [({"qatar"}, {"bangladesh"})]),
    # what a thanks is for is that supply, told once, by the thanked side
    ("Ruto thanked Japan for agreeing to sell four coast guard boats to Kenya.", "en",
     [({"japan"}, {"kenya"})]),
    ("Ruto expressed his gratitude to the Japanese government for extending a loan to Nairobi.", "en",
     [({"japan"}, {"kenya"})]),
    ("Ruto said he was grateful to Japan for supplying coast guard boats.", "en", [({"japan"}, {"kenya"})]),
    # money given to pay for something: one supply of money, not of what it buys as well
    ("Japan extended a $300 million credit line to Kenya to fund its fuel imports.", "en",
     [({"japan"}, {"kenya"})]),
    ("Japan granted Kenya a loan for the acquisition of four patrol boats.", "en", [({"japan"}, {"kenya"})]),
    # troops sent to a state's own border supply no one
    ("Ruto said Kenya had agreed to send 2,000 troops to the border to stop smuggling.", "en", []),
    # a word of a title tells no supply of its own
    ("Finance Minister Njuguna Ndung'u had said earlier this month that Japan had agreed to provide "
     "Kenya with oil.", "en", [({"japan"}, {"kenya"})]),
    ("Kenyan Finance Minister Njuguna Ndung'u met the Japanese ambassador in Nairobi on Monday.", "en", []),
])
def test_supplies_agreed_thanked_for_or_paid_for(text: str, lang: str,
                                                 expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_supplies(text, "2024-02-08", lang) == expected


def test_a_supply_told_as_another_one_with_its_own_date_is_another_supply() -> None:
    text = ("Ruto thanked Japan on Thursday for extending a $300 million loan to Kenya. Last month, "
            "Japan had also granted Kenya a $100 million loan.")
    assert state_supplies(text, "2024-02-09") == [({"japan"}, {"kenya"})] * 2


@pytest.mark.parametrize(("text", "lang", "kind"), [
    # an infinitive before its object calls the event off
    ("The speech provoked Peruvian Foreign Minister Javier González-Olaechea to cancel a meeting "
     "with Petro.", "en", MEETING),
    # an accusation reports no demand of the accuser's
    ("Peru beschuldigte Kolumbien, die Demonstranten zum Aufstand gedrängt zu haben.", "de", DEMAND),
    # who claims the place visited is no side of the visit
    ("Petro visited an island claimed by both Colombia and Nicaragua on Monday.", "en", MEETING),
    ("MANAGUA | Petro visited an island in the Caribbean on Monday, triggering protests from Managua.",
     "en", MEETING),
    ("In Bogotá, Foreign Minister Álvaro Leyva called Managua's reaction to Petro's visit to the island "
     "unacceptable and said he would summon Nicaragua's ambassador.", "en", MEETING),
])
def test_events_called_off_reported_or_only_near_a_side(text: str, lang: str, kind: EventType) -> None:
    assert sides(read_article(text, published=dt.date(2023, 11, 20), lang=lang), kind) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Daniel Ortega was welcomed in Caracas by Maduro on Monday.", [{"nicaragua", "venezuela"}]),
    ("Petro's visit to Caracas was a success, the foreign ministry said.", [{"colombia", "venezuela"}]),
    ("Petro met Maduro in a palace built by the Spanish.", [{"colombia", "venezuela"}]),
])
def test_visits_with_their_hosts_stay_meetings(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2023-11-20", MEETING) == expected


@pytest.mark.parametrize(("text", "kind", "expected"), [
    # what an accord is made for does not make it one
    ("Petro und Maduro haben eine enge Zusammenarbeit vereinbart mit dem Ziel einer Öffnung der Grenze.",
     AGREEMENT, [{"colombia", "venezuela"}]),
    # who judges a call told anew is no side of it
    ("Auch ein Telefonat mit Venezuelas Präsident Maduro wertete Peru als Provokation.", CALL, []),
])
def test_purposes_and_judgements_are_no_events_of_their_own(text: str, kind: EventType,
                                                         expected: list[set[str]]) -> None:
    assert state_sides(text, "2023-11-20", kind) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a dateline's city is where the story was filed, not a side
    ("Hanoi (VNA) - Peru and Ecuador on Tuesday signed a border treaty.", [{"peru", "ecuador"}]),
    ("[HANOI] Peru and Ecuador on Tuesday signed a border treaty.", [{"peru", "ecuador"}]),
    # an organisation in a name of a building or a convention, and a witness named by title
    ("Peru and Ecuador signed a border treaty at the UN Headquarters in New York in the presence of "
     "UN Secretary-General Antonio Guterres.", [{"peru", "ecuador"}]),
    ("The treaty between Peru and Ecuador follows the United Nations Convention on the Law of the Sea.",
     [{"peru", "ecuador"}]),
])
def test_datelines_buildings_and_witnesses_are_no_parties(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2023-11-22", AGREEMENT) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # one supply per receiver, as analysts count them
    ("Kenia entsendet Polizisten nach Haiti und Jamaika.", "de",
     [({"kenya"}, {"haiti"}), ({"kenya"}, {"jamaica"})]),
    # a longer list is one programme
    ("Kenya sent police officers to Haiti, Jamaica and the Bahamas.", "en",
     [({"kenya"}, {"haiti", "jamaica", "bahamas"})]),
    # a list of suppliers gives together, unless each gives its own
    ("Saudi-Arabien, die Vereinigten Arabischen Emirate und Katar sicherten Jordanien Kredite zu.", "de",
     [({"saudi-arabia", "united-arab-emirates", "qatar"}, {"jordan"})]),
    ("Am Montag sicherten Saudi-Arabien, die Vereinigten Arabischen Emirate und Katar Jordanien "
     "jeweils eine Milliarde Dollar zu.", "de",
     [({"saudi-arabia"}, {"jordan"}), ({"united-arab-emirates"}, {"jordan"}), ({"qatar"}, {"jordan"})]),
    ("Qatar and Kuwait gave Jordan $500 million and $300 million respectively.", "en",
     [({"qatar"}, {"jordan"}), ({"kuwait"}, {"jordan"})]),
])
def test_one_supply_per_receiver_and_per_supplier_that_gives_its_own(
        text: str, lang: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_supplies(text, "2024-02-08", lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # police or a delivery of weapons arriving, named by their state's adjective
    ("The first Kenyan police officers have arrived in Port-au-Prince.", "en", [({"kenya"}, {"haiti"})]),
    ("Die erste Lieferung des chinesischen Luftabwehrsystems HQ-9 ist in Serbien angekommen.", "de",
     [({"china"}, {"serbia"})]),
    # troops arriving, or police arriving in a region, may be an occupation's
    ("The first Russian troops have arrived in Donetsk.", "en", []),
    ("The first Russian police officers have arrived in Ukraine's Zaporizhzhia region.", "en", []),
])
def test_helpers_and_deliveries_arriving_were_supplied(text: str, lang: str,
                                                       expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_supplies(text, "2024-06-25", lang) == expected


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("On Tuesday, Lula urged Milei to honour the July 12, 2019 trade agreement.", "en", DEMAND),
    ("Lula urged Milei on Tuesday to help under a treaty both countries signed in 2019.", "en", DEMAND),
    ("Lula forderte Milei am Dienstag auf, bis zum 1. Januar 2026 die Zölle zu senken.", "de", DEMAND),
    ("Lula and Milei agreed to cut tariffs on steel from 3 March 2025.", "en", AGREEMENT),
])
def test_a_date_in_what_is_asked_or_settled_is_not_the_event_s(text: str, lang: str, kind: EventType) -> None:
    dateline = "BRASÍLIA, 21. Mai (dpa) - " if lang == "de" else "BRASILIA, May 21 (Reuters) - "
    article = read_article(dateline + text, published=dt.date(2024, 5, 22), lang=lang)
    event = next(e for e in article.events if e.type is kind)
    assert event.date is not None and event.date.iso() == "2024-05-21"


@pytest.mark.parametrize(("text", "lang"), [
    ("Das Parlament Nigers hat den Abzug von US-Truppen aus dem Land gefordert.", "de"),
    ("Niger fordert den Abzug der amerikanischen Soldaten.", "de"),
    ("Niger demanded the departure of American troops.", "en"),
])
def test_whose_forces_are_asked_to_leave_is_asked(text: str, lang: str) -> None:
    day = dt.date(2024, 3, 17)
    events = read_article(text, published=day, lang=lang).events
    assert [(set(e.participants), set(e.addressees)) for e in events
            if e.type is DEMAND] == [({"niger"}, {"united-states"})]


@pytest.mark.parametrize(("text", "kind"), [
    # a German subject before the verb that names no known side: who follows is asked or given
    ("Arabische Länder fordern Israel zum Rückzug auf.", DEMAND),
    ("Junta bittet Mali und Burkina Faso um Hilfe", DEMAND),
    ("Arabische Länder sichern Ägypten zwölf Milliarden Dollar zu.", SUPPORT),
])
def test_a_german_subject_no_one_knows_leaves_no_side_to_the_object(text: str, kind: EventType) -> None:
    assert [e.participants for e in read(text, "2023-08-20").events if e.type is kind] == []


@pytest.mark.parametrize("text", [
    "Gestern forderte Russland die Ukraine zum Rückzug auf.",
    "Am Montag forderte Russland die Ukraine zum Rückzug auf.",
])
def test_an_adverbial_opening_leaves_the_subject_after_the_verb(text: str) -> None:
    assert demands(read(text, "2023-08-20")) == [(frozenset({"russia"}), frozenset({"ukraine"}))]


@pytest.mark.parametrize(("text", "lang", "kind", "expected"), [
    # an independent review of this session's rules found these ordinary sentences misread by
    # a first draft of them (each a different rule); the parent read them right
    ("Scholz bezeichnete das Telefonat mit Putin am Dienstag als notwendig.", "de", CALL,
     [{"germany", "russia"}]),
    ("Biden described the call with Xi on Tuesday as candid and constructive.", "en", CALL,
     [{"united-states", "china"}]),
    ("Weitere Panzer sagte Deutschland der Ukraine am Montag zu.", "de", SUPPORT, [{"germany"}]),
    ("Vergangene Woche forderte Russland die Ukraine zum Rückzug auf.", "de", DEMAND, [{"russia"}]),
    ("Aserbaidschan und Georgien unterzeichneten am Montag ein Abkommen zum Anschluss an das "
     "europäische Stromnetz.", "de", AGREEMENT, [{"azerbaijan", "georgia"}]),
    ("Iran and Russia signed an annex to their trade agreement on Monday.", "en", AGREEMENT,
     [{"iran", "russia"}]),
    ("Kenya sent 400 police officers to Haiti on Tuesday to help secure the border.", "en", SUPPORT,
     [{"kenya"}]),
    ("Mit dem Ziel einer Entspannung trafen sich Biden und Xi am Mittwoch in Woodside.", "de", MEETING,
     [{"united-states", "china"}]),
    ("Biden and Xi agreed to meet again during their summit in Woodside on Wednesday.", "en", MEETING,
     [{"united-states", "china"}]),
    ("Lula and Milei agreed to meet in Brasilia during a phone call on Monday.", "en", CALL,
     [{"brazil", "argentina"}]),
    ("Erdogan Calls Secretary-General Guterres Over Gaza\nThe two discussed the war.", "en", CALL,
     [{"turkey", "united-nations"}]),
    ("Blinken met a delegation headed by Sergei Lavrov in Geneva on Friday.", "en", MEETING,
     [{"united-states", "russia"}]),
    ("Polen beschuldigte Belarus der Provokation und forderte Minsk auf, die Grenze zu schließen.",
     "de", DEMAND, [{"poland"}]),
    ("Frigates delivered\nThe Republic of Korea (ROK) Navy received two frigates from Germany on "
     "Monday.", "en", SUPPORT, [{"germany"}]),
    ("Xi's visit to the capital Belgrade on Tuesday was his first in eight years.", "en", MEETING,
     [{"china", "serbia"}]),
    ("Zelensky visited the NATO headquarters in Brussels on Thursday for talks with allies.", "en",
     MEETING, [{"ukraine", "nato"}]),
])
def test_ordinary_news_a_first_draft_misread(text: str, lang: str, kind: EventType,
                                            expected: list[set[str]]) -> None:
    day = dt.date(2024, 5, 2)
    gaz = load_gazetteer()
    assert [gaz.states_of(e.participants, day) for e in read_article(text, published=day, lang=lang).events
            if e.type is kind] == expected


def test_an_accord_to_supply_thanked_for_is_only_the_thanked_supply() -> None:
    article = read_article("Ruto thanked Japan for agreeing to sell four coast guard boats to Kenya.",
                           published=dt.date(2024, 2, 8), lang="en")
    assert [e.type for e in article.events] == [SUPPORT]


# --- supplies told by the kind of backing, and what is not a supply ------------------------------

@pytest.mark.parametrize("text, lang, published, expected", [
    # what is supplied, told by an adjective or an adverb ("financial", "militarily")
    ("Merkel sagte der Ukraine weitere finanzielle Unterstützung zu.", "de", "2016-05-10",
     [({"germany"}, {"ukraine"})]),
    ("Scholz sagte Moldau weitere Hilfe zu.", "de", "2023-06-01", [({"germany"}, {"moldova"})]),
    ("Indien schenkte den Malediven 100.000 Impfdosen.", "de", "2021-01-20", [({"india"}, {"maldives"})]),
    ("Deutschland unterstützt Jordanien finanziell bei der Aufnahme der Flüchtlinge.", "de", "2016-05-10",
     [({"germany"}, {"jordan"})]),
    ("Japan backed Ukraine with 4.5 billion dollars in budget support on Tuesday.", "en", "2024-05-10",
     [({"japan"}, {"ukraine"})]),
    ("Iran has propped up the Syrian government militarily for years.", "en", "2019-05-10",
     [({"iran"}, {"syria"})]),
    # approvals, deployments and deposits in more words
    ("The United States has cleared the sale of F-16 jets to Turkey.", "en", "2024-01-27",
     [({"united-states"}, {"turkey"})]),
    ("Die USA genehmigten den Verkauf von F-16-Kampfjets an die Türkei.", "de", "2024-01-27",
     [({"united-states"}, {"turkey"})]),
    ("Kenya deployed police officers to Haiti.", "en", "2024-06-26", [({"kenya"}, {"haiti"})]),
    ("Saudi Arabia deposited 3 billion dollars in Pakistan's central bank.", "en", "2021-12-01",
     [({"saudi-arabia"}, {"pakistan"})]),
    # a German sentence opening with a phrase: its subject follows the verb
    ("Bei einem Treffen mit dem jordanischen König Abdullah II. in Berlin sagte Merkel weitere "
     "finanzielle Unterstützung zu.", "de", "2016-05-27", [({"germany"}, {"jordan"})]),
    ("Mehr Hilfe: Während eines Besuchs von König Abdullah II. sagte Merkel Jordanien weitere Hilfe zu.",
     "de", "2016-05-27", [({"germany"}, {"jordan"})]),
    # backing as such is a stance, and advice is no supply
    ("Turkey backs Azerbaijan with its voice in the talks on gas.", "en", "2021-05-10", []),
    ("Kim sicherte Russland volle Unterstützung zu.", "de", "2023-09-13", []),
    ("Deutschland und Frankreich leisten der Ukraine technische Hilfe beim Aufbau der Banken.", "de",
     "2023-06-01", []),
    ("Japan pledged to help the Philippines cope with China's pressure.", "en", "2024-05-10", []),
])
def test_a_supply_told_by_its_kind(text: str, lang: str, published: str,
                                   expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_supplies(text, published, lang) == expected


@pytest.mark.parametrize("text, lang, kind, expected", [
    ("Kanada und die EU haben ein Freihandelsabkommen unter Dach und Fach gebracht.", "de", AGREEMENT,
     {"canada", "european-union"}),
    ("Russland weigert sich, die Kurilen herauszugeben.", "de", CLAIM, {"russia"}),
])
def test_more_phrasings_of_accords_and_claims(text: str, lang: str, kind: EventType,
                                              expected: set[str]) -> None:
    events = [e for e in read_article(text, published=dt.date(2024, 5, 10), lang=lang).events
              if e.type is kind]
    assert [set(e.participants) for e in events] == [expected]


@pytest.mark.parametrize("text, lang, published, expected", [
    # sent to an institution of a state, or to a part of it named by its adjective
    ("Ruanda hat 1000 Soldaten in die mosambikanische Provinz Cabo Delgado entsandt, um die Regierung "
     "zu unterstützen.", "de", "2021-07-10", [({"rwanda"}, {"mozambique"})]),
    # troops alone may occupy where they go: no receiver without a word that they support it
    ("Russland hat 1000 Soldaten in die ukrainische Region Cherson verlegt.", "de", "2022-03-01",
     [({"russia"}, set())]),
    # a place as such names no receiver: a setting, an air show, a base
    ("Nach dem Treffen in Washington schickte Deutschland weitere Panzer.", "de", "2024-05-02",
     [({"germany"}, set())]),
    ("Germany sent Eurofighter jets to an air show in Singapore.", "en", "2024-05-02",
     [({"germany"}, set())]),
    ("Die Türkei hat weitere Soldaten auf ihren Stützpunkt in Syrien verlegt.", "de", "2024-05-02",
     [({"turkey"}, set())]),
    # what arrived, sent by whom the participle names, or by the state its adjective names
    ("A shipment of vaccine doses donated by the United States arrived in Jakarta on Sunday.", "en",
     "2021-07-11", [({"united-states"}, {"indonesia"})]),
    ("A Turkish cargo plane carrying tents and medicine landed in Karachi on Tuesday.", "en", "2022-08-30",
     [({"turkey"}, {"pakistan"})]),
    ("Russian military instructors have arrived in Mali.", "en", "2021-12-27", [({"russia"}, {"mali"})]),
    # people, strikes and exercises are no supply
    ("The five Americans freed by Iran landed in Doha on Monday.", "en", "2023-09-18", []),
    ("Macron arrived in Kyiv on Thursday, accompanied by Scholz.", "en", "2022-06-16", []),
    ("Russia sent troops into Ukraine on Thursday.", "en", "2022-02-24", [({"russia"}, set())]),
    ("Missiles supplied by North Korea landed in Kharkiv on Tuesday.", "en", "2024-05-02",
     [({"north-korea"}, set())]),
    ("Refugees from Kharkiv arrived in Warsaw with food and blankets.", "en", "2022-03-02", []),
    ("Russian military instructors have arrived in Belarus for joint exercises.", "en", "2022-02-10", []),
])
def test_a_supply_received_where_it_went(text: str, lang: str, published: str,
                                         expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_supplies(text, published, lang) == expected


@pytest.mark.parametrize("text, lang, published, expected", [
    ("President Joe Biden told Chinese leader Xi Jinping on Friday not to provide military aid to Moscow.",
     "en", "2022-03-18", [({"united-states"}, {"china"})]),
    ("Trump told Putin during a two-hour phone call on Monday that the bloodbath had to end.", "en",
     "2025-05-20", [({"united-states"}, {"russia"})]),
    ("The IAEA's board passed a resolution on Wednesday ordering Iran to explain the traces.", "en",
     "2022-06-08", [({"iaea"}, {"iran"})]),
    ("Dem Iran stellte Trump in einem Brief eine Frist von zwei Monaten.", "de", "2025-03-20",
     [({"united-states"}, {"iran"})]),
    ("Das Europäische Parlament hat Aserbaidschan aufgefordert, die Gefangenen freizulassen.", "de",
     "2024-03-14", [({"european-parliament"}, {"azerbaijan"})]),
    # a German sentence opening with a phrase: its demander follows the verb
    ("Bei seinem Treffen mit Amtskollege Wang Yi pochte Außenminister Johann Wadephul auf fairen "
     "Marktzugang.", "de", "2025-12-08", [({"germany"}, {"china"})]),
])
def test_more_ways_to_demand(text: str, lang: str, published: str,
                             expected: list[tuple[set[str], set[str]]]) -> None:
    got = [(sides, to) for kind, sides, to in state_events(text, published, lang) if kind is DEMAND]
    assert got == expected


@pytest.mark.parametrize("text, lang, published, claimant, territories", [
    # a map that shows a territory as one's own
    ("Auf seiner neuen Landkarte weist China den indischen Bundesstaat Arunachal Pradesh und das "
     "Aksai-Chin-Plateau als chinesisches Staatsgebiet aus.", "de", "2023-08-29", "china",
     ["arunachal-pradesh", "aksai-chin"]),
    ("Imran Khan unveiled a new political map of Pakistan that shows all of Kashmir as Pakistani "
     "territory.", "en", "2020-08-04", "pakistan", ["kashmir"]),
    ("Selenskyj lehnt jede Abtretung des Donbass ab: „Das ist ukrainisches Land, wir werden es nicht "
     "hergeben.“", "de", "2025-08-12", "ukraine", ["donbas"]),
])
def test_claims_by_map_and_refusal(text: str, lang: str, published: str, claimant: str,
                                                  territories: list[str]) -> None:
    gaz, day = load_gazetteer(), dt.date.fromisoformat(published)
    claims = [(gaz.state_of(e.participants[0], day), e.territories[0])
              for e in read_article(text, published=day, lang=lang).events if e.type is CLAIM]
    assert claims == [(claimant, t) for t in territories]


def test_a_map_of_no_one_claims_nothing() -> None:
    assert read_article("Google Maps shows Crimea as Ukrainian territory again.",
                        published=dt.date(2024, 5, 2), lang="en").events == []


@pytest.mark.parametrize("text, lang, expected", [
    # a German name's adjectives declined with its article ("der Europäische Rat", not the EU)
    ("Der Europäische Rat und das Internationale Komitee vom Roten Kreuz haben eine Vereinbarung "
     "unterzeichnet.", "de", {"european-council", "icrc"}),
    ("Das Europäische Parlament und die Afrikanische Union haben eine Vereinbarung unterzeichnet.", "de",
     {"european-parliament", "african-union"}),
    ("Australia, Britain and the United States struck a security pact on Wednesday.", "en",
     {"australia", "united-kingdom", "united-states"}),
])
def test_accords_struck_and_declined_names(text: str, lang: str, expected: set[str]) -> None:
    events = read_article(text, published=dt.date(2021, 9, 16), lang=lang).events
    assert [set(e.participants) for e in events] == [expected]


def test_a_strike_beside_a_pact_is_no_accord() -> None:
    events = read_article("Israel struck Beirut hours after the ceasefire pact took effect.",
                          published=dt.date(2024, 11, 28), lang="en").events
    assert [e.type for e in events if e.type is AGREEMENT] == []


@pytest.mark.parametrize("text, lang, published, expected", [
    # one supply per supplier when each gives its own
    ("Saudi Arabia, Kuwait and the United Arab Emirates each pledged $4 billion to Egypt.", "en",
     "2015-03-14",
     [({"saudi-arabia"}, {"egypt"}), ({"kuwait"}, {"egypt"}), ({"united-arab-emirates"}, {"egypt"})]),
    # an institution of the receiving state
    ("Saudi-Arabien hat drei Milliarden Dollar bei der pakistanischen Zentralbank hinterlegt.", "de",
     "2021-12-06", [({"saudi-arabia"}, {"pakistan"})]),
    ("The United Arab Emirates has deposited $1 billion with the State Bank of Pakistan.", "en",
     "2019-01-23", [({"united-arab-emirates"}, {"pakistan"})]),
    ("India handed over two attack helicopters to the Afghan air force on Thursday.", "en", "2019-05-10",
     [({"india"}, {"afghanistan"})]),
    # long German brackets, approvals told noun first, flows, intelligence and power
    ("Norwegen stellt der Ukraine in den kommenden fünf Jahren insgesamt 75 Milliarden Kronen an "
     "militärischer und ziviler Hilfe zur Verfügung.", "de", "2023-02-20", [({"norway"}, {"ukraine"})]),
    ("Das US-Außenministerium hat den Verkauf von Kampfdrohnen im Wert von 360 Millionen Dollar an "
     "Taiwan gebilligt.", "de", "2024-06-19", [({"united-states"}, {"taiwan"})]),
    ("Moskau stützt damit die Regierung von Präsident Baschar al-Assad nun auch militärisch.", "de",
     "2015-09-30", [({"russia"}, {"syria"})]),
    # kinds named only beside a negation, in a condition or in what is bought are not supplied
    ("China unterstützt Russland politisch, aber nicht militärisch.", "de", "2023-03-20", []),
    ("China backed Russia with record energy purchases.", "en", "2023-03-20", []),
    ("Germany and France pledged $10 million each year to Mali.", "en", "2023-03-20",
     [({"germany", "france"}, {"mali"})]),
    ("Rumänien hat die Republik Moldau kurzfristig mit Notstrom versorgt.", "de", "2022-11-24",
     [({"romania"}, {"moldova"})]),
    # who arms itself receives nothing from whoever spoke
    ("Netanyahu promised that Israel would resume fighting in Lebanon if Hezbollah armed itself.", "en",
     "2024-11-27", []),
])
def test_supplies_by_each_to_institutions_and_in_long_phrases(
        text: str, lang: str, published: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_supplies(text, published, lang) == expected


@pytest.mark.parametrize("text, lang, published, expected", [
    # the body whose sidelines a meeting was held on is no side of it
    ("On the sidelines of the U.N. General Assembly, Iranian Foreign Minister Abbas Araghchi met his "
     "French counterpart Jean-Noel Barrot.", "en", "2024-09-25", [(MEETING, {"iran", "france"})]),
    # a place in what a talk was about is no place of the talk
    ("President Barack Obama spoke with Russian President Vladimir Putin for 90 minutes on Saturday "
     "about the situation in Crimea.", "en", "2014-03-01", [(CALL, {"united-states", "russia"})]),
    # a market's demand and a call for entries ask no one
    ("Oil prices rose on Tuesday after OPEC kept its forecast for strong demand growth this year.", "en",
     "2024-06-11", []),
    ("Das Auswärtige Amt hat einen Aufruf zur Einreichung von Projektanträgen veröffentlicht.", "de",
     "2023-02-01", []),
    ("Trump rejected the demands of the protesters.", "en", "2020-06-01", []),
])
def test_venues_topics_and_demands_of_no_one(text: str, lang: str, published: str,
                                             expected: list[tuple[EventType, set[str]]]) -> None:
    assert [(kind, sides) for kind, sides, _ in state_events(text, published, lang)] == expected


@pytest.mark.parametrize("text, lang, expected", [
    # what an independent review of the first drafts found misread, now read as an analyst would
    ("Während Deutschland der Ukraine Panzer liefert, schickt Frankreich Haubitzen.", "de",
     [(SUPPORT, {"germany"}, {"ukraine"}), (SUPPORT, {"france"}, set())]),
    ("Am Rande der Konferenz unterzeichneten Deutschland und Kenia ein Migrationsabkommen.", "de",
     [(AGREEMENT, {"germany", "kenya"}, set())]),
    ("On the sidelines of the conference Germany and Kenya signed a migration deal.", "en",
     [(AGREEMENT, {"germany", "kenya"}, set())]),
    ("Die Schweiz liefert Munition mit Verzögerung an Deutschland.", "de",
     [(SUPPORT, {"switzerland"}, {"germany"})]),
    ("Russland forderte die Ukraine zur Teilnahme an Gesprächen in Istanbul auf.", "de",
     [(DEMAND, {"russia"}, {"ukraine"})]),
    ("Zelensky demanded energy aid from the EU.", "en", [(DEMAND, {"ukraine"}, {"european-union"})]),
    ("The US urged Iran to make proposals on its nuclear program.", "en",
     [(DEMAND, {"united-states"}, {"iran"})]),
    ("Macron told Modi that France has to keep its promise to deliver jets.", "en", []),
    ("Biden promised that the US would send more air defence systems to Ukraine.", "en",
     [(SUPPORT, {"united-states"}, {"ukraine"})]),
    ("Japan donated one million doses to Vietnam.", "en", [(SUPPORT, {"japan"}, {"vietnam"})]),
    ("Russland will die Kontrolle über das Atomkraftwerk Saporischschja nicht abgeben.", "de", []),
    ("Die Türkei unterstützt Aserbaidschan mit allen Mitteln.", "de", []),
])
def test_review_of_the_new_supply_and_demand_rules(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2024-05-02", lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # whom a demand asks is the one other side its sentence names as an actor: by name, title,
    # or an adjective with its government or forces
    ("Hanoi verlangte, dass die chinesische Regierung die Bohrinsel abzieht.", "de",
     [(DEMAND, {"vietnam"}, {"china"})]),
    ("Die Niederlande haben Erklärungen von dem türkischen Botschafter verlangt.", "de",
     [(DEMAND, {"netherlands"}, {"turkey"})]),
    ("Nepal sent a protest note to the Indian government, asking for the return of the land.", "en",
     [(DEMAND, {"nepal"}, {"india"})]),
    ("Seoul called for an apology from the Japanese government.", "en",
     [(DEMAND, {"south-korea"}, {"japan"})]),
    # not a bare adjective, nor a side named as a place, a target or a beneficiary, nor who
    # reports the demand
    ("Sánchez demanded the recognition of a Palestinian state.", "en", [(DEMAND, {"spain"}, set())]),
    ("Selenskyj forderte die Freigabe eingefrorener russischer Vermögen.", "de",
     [(DEMAND, {"ukraine"}, set())]),
    ("Selenskyj forderte mehr Flugabwehr gegen die Angriffe Russlands.", "de",
     [(DEMAND, {"ukraine"}, set())]),
    ("Scholz called for more humanitarian aid for Ukraine.", "en", [(DEMAND, {"germany"}, set())]),
    ("Biden sagte, Kim habe die Aufhebung aller Sanktionen verlangt.", "de",
     [(DEMAND, {"north-korea"}, set())]),
    # two other sides named: whom it asks is not told
    ("Japan called for restraint, citing Chinese and Russian naval drills.", "en",
     [(DEMAND, {"japan"}, set())]),
    # the other side of the talks it was made in comes first
    ("Zelenskiy met Mette Frederiksen in Aarhus on Tuesday. He urged her to push for the use of "
     "frozen Russian assets.", "en",
     [(MEETING, {"ukraine", "denmark"}, set()), (DEMAND, {"ukraine"}, {"denmark"})]),
])
def test_a_demand_asks_the_one_other_side_its_sentence_names(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2024-05-02", lang) == expected


@pytest.mark.parametrize("text, published, expected", [
    # a leader named beside an election won, and not yet sworn in, acts for the state to be led
    ("Albanese spoke by phone with Donald Trump, who secured re-election this week.", "2024-11-09",
     {"anthony-albanese", "united-states"}),
    ("Scholz gratulierte Trump in einem Telefonat zum Wahlsieg.", "2024-11-07",
     {"olaf-scholz", "united-states"}),
    # a victory that is no election's, and a candidate before the vote, are no one's side but their own
    ("Netanyahu spoke by phone with Donald Trump, who claimed victory in the debate.", "2024-10-15",
     {"benjamin-netanyahu", "donald-trump"}),
])
def test_a_leader_who_won_an_election_acts_for_the_state_before_taking_office(
        text: str, published: str, expected: set[str]) -> None:
    assert sides(read(text, published), CALL) == [frozenset(expected)]


@pytest.mark.parametrize("text, lang, expected", [
    # the "I" or "we" of a quote is the speaker named after it, a side of the talks it tells
    ('"I had a good call with President Lula this morning," Biden wrote.', "en",
     [(CALL, {"united-states", "brazil"}, set())]),
    ('"We met Chancellor Scholz in Berlin today," Zelensky said.', "en",
     [(MEETING, {"ukraine", "germany"}, set())]),
    ("„Ich habe heute mit Präsident Erdogan telefoniert“, sagte Meloni.", "de",
     [(CALL, {"italy", "turkey"}, set())]),
    # a post that opens with its verb leaves its "I" out
    ('"Spoke to President Ramaphosa and thanked him for his support," Modi tweeted.', "en",
     [(CALL, {"india", "south-africa"}, set())]),
    # who reports talks of others in a quote is no side; a decision of one is no accord
    ('"I welcome that Putin and Trump spoke by phone," Erdogan said.', "en",
     [(CALL, {"russia", "united-states"}, set())]),
    ('"Putin spoke with Xi today," Peskov said.', "en", [(CALL, {"russia", "china"}, set())]),
    ('"I have decided to break relations with Colombia," Maduro said.', "en", []),
])
def test_the_speaker_of_a_first_person_quote_is_a_side_of_its_talks(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2023-05-02", lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # a meeting agreed on is still to come, and agreeing on it is no accord
    ("Erdogan and Trump agreed to a meeting in Washington in November.", "en", []),
    ("Erdogan and Trump agreed on a meeting in November.", "en", []),
    ("Erdoğan und Trump einigten sich auf ein Treffen im November.", "de", []),
    # an accord to act is one, and a meeting it was reached at took place
    ("Erdogan and Trump agreed to a ceasefire deal at their meeting.", "en",
     [(AGREEMENT, {"turkey", "united-states"}, set()), (MEETING, {"turkey", "united-states"}, set())]),
])
def test_a_meeting_agreed_on_is_neither_a_meeting_nor_an_accord(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2024-06-03", lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # a supply halted, frozen or suspended is no supply, however the halt is told
    ("Trump announced the suspension of US funding to the World Health Organization.", "en", []),
    ("Die USA stoppen ihre Militärhilfe für die Ukraine.", "de", []),
    ("Die USA haben die Militärhilfe für die Ukraine eingefroren.", "de", []),
    # a halt that is what the supply is for stops nothing of it
    ("Germany sent air defence systems to Ukraine to stop the attacks.", "en",
     [(SUPPORT, {"germany"}, {"ukraine"})]),
    ("Die USA haben der Ukraine Militärhilfe geliefert.", "de", [(SUPPORT, {"united-states"}, {"ukraine"})]),
])
def test_a_supply_halted_is_none(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2024-06-03", lang) == expected


@pytest.mark.parametrize("text, expected", [
    # an appeal to one's own nation asks no other side
    ("In his inaugural speech, Mahama urged the nation to support the new government.", []),
    # another state's nation is asked; one's colleagues abroad make a demand of no one named
    ("Lavrov urged his Western colleagues to lift the sanctions.", [(DEMAND, {"russia"}, set())]),
    ("Biden urged the Russian nation to stop the war.", [(DEMAND, {"united-states"}, set())]),
])
def test_an_appeal_to_ones_own_nation_is_no_demand(
        text: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2025-01-08", "en") == expected


@pytest.mark.parametrize("text, lang, expected", [
    # money in any currency, and help "with the help of" a force named by its state's adjective
    ("Beijing injected a further 50 million yuan of aid into Vanuatu.", "en",
     [(SUPPORT, {"china"}, {"vanuatu"})]),
    ("India extended USD 2 million in relief to Tonga.", "en", [(SUPPORT, {"india"}, {"tonga"})]),
    ("Japan lent Sri Lanka 300 billion yen.", "en", [(SUPPORT, {"japan"}, {"sri-lanka"})]),
    ("Government troops of Mali are fighting with the help of the Russian air force.", "en",
     [(SUPPORT, {"russia"}, {"mali"})]),
    ("Assad eroberte Aleppo mit Hilfe der russischen Luftwaffe zurück.", "de",
     [(SUPPORT, {"russia"}, {"syria"})]),
    # help with no goods, troops or money named is no supply; who reports the help receives none
    ("The deal was reached with the help of Qatar.", "en", []),
    ("Kyiv said Russia had struck Kharkiv with the help of North Korean soldiers.", "en",
     [(SUPPORT, {"north-korea"}, {"russia"})]),
])
def test_supplies_in_any_currency_and_with_the_help_of_a_force(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2016-03-02", lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # a deployment approved, told noun first or after the verb, with its air force or troops
    ("Das türkische Parlament billigte die Entsendung von Truppen nach Libyen.", "de",
     [(SUPPORT, {"turkey"}, {"libya"})]),
    ("Die Entsendung von Soldaten nach Mali hat die Bundesregierung gebilligt.", "de",
     [(SUPPORT, {"germany"}, {"mali"})]),
    ("Russia approved the deployment of its troops to Syria.", "en", [(SUPPORT, {"russia"}, {"syria"})]),
    # forces that fight beside another are no supply; forces that receive arms are one receiver
    ("South African volunteers are fighting alongside Russian forces in Ukraine.", "en", []),
    ("Deutschland lieferte Panzer an die ukrainischen Streitkräfte.", "de",
     [(SUPPORT, {"germany"}, {"ukraine"})]),
    ("India handed over two helicopters to the Afghan air force.", "en",
     [(SUPPORT, {"india"}, {"afghanistan"})]),
])
def test_a_deployment_approved_is_a_supply(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2019-12-27", lang) == expected


@pytest.mark.parametrize("text, expected", [
    # whose debts or bills are paid or forgiven receives
    ("Moscow signed a decree writing off Laos's debts.", [(SUPPORT, {"russia"}, {"laos"})]),
    ("Saudi Arabia will cover part of Lebanon's public-sector wage bill for six months.",
     [(SUPPORT, {"saudi-arabia"}, {"lebanon"})]),
    # the owner of goods supplies them; a lender whose loans are repaid receives nothing
    ("Iran's drones were shipped to Russia.", [(SUPPORT, {"iran"}, {"russia"})]),
    ("Pakistan used the money from its partners to repay China's loans.", []),
])
def test_whose_debts_are_forgiven_receives(
        text: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2024-05-02", "en") == expected


@pytest.mark.parametrize("text, lang, expected", [
    # a territory said to be as much a state's as its heartland is claimed
    ('"Ceuta is as Spanish as Madrid," Sánchez said.', "en", {("spain", "ceuta")}),
    ("Die Krim ist so russisch wie Moskau, sagte Putin.", "de", {("russia", "crimea")}),
    # any other comparison claims nothing
    ("Die Lage auf der Krim ist so kritisch wie nie, sagte Putin.", "de", set()),
])
def test_a_territory_as_much_a_states_as_its_heartland_is_claimed(
        text: str, lang: str, expected: set[tuple[str, str]]) -> None:
    events = [e for e in read_article(text, published=dt.date(2024, 1, 8), lang=lang).events
              if e.type is CLAIM]
    gaz = load_gazetteer()
    assert {(gaz.state_of(p, dt.date(2024, 1, 8)), t) for e in events
            for p in e.participants for t in e.territories} == expected


@pytest.mark.parametrize("text, lang, expected", [
    # leaders who sign a text together met, place named or not
    ("Moon Jae-in and Kim Jong Un signed a military agreement on Wednesday.", "en",
     [(AGREEMENT, {"south-korea", "north-korea"}, set()), (MEETING, {"south-korea", "north-korea"}, set())]),
    ("Scholz und Trudeau unterzeichneten am Dienstag eine Wasserstoff-Erklärung.", "de",
     [(AGREEMENT, {"germany", "canada"}, set()), (MEETING, {"germany", "canada"}, set())]),
    # not when they signed at a distance or agreed, which is often done by phone
    ("Scholz und Macron unterzeichneten per Videoschalte eine Erklärung.", "de",
     [(AGREEMENT, {"germany", "france"}, set()), (CALL, {"germany", "france"}, set())]),
    ("Putin and Erdogan agreed on a ceasefire in Idlib.", "en", [(AGREEMENT, {"russia", "turkey"}, set())]),
    ("Starmer and Zelensky have each signed the declaration.", "en",
     [(AGREEMENT, {"united-kingdom", "ukraine"}, set())]),
    # a reception given for a guest, told at length
    ("Scholz bereitete dem kanadischen Premierminister Justin Trudeau am Montag einen festlichen "
     "Empfang im Kanzleramt.", "de", [(MEETING, {"germany", "canada"}, set())]),
])
def test_leaders_who_sign_together_meet(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2022-08-23", lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # a minister the gazetteer does not list, named again by surname, acts for the state
    ("Die kenianische Verteidigungsministerin Soipan Tuya sprach am Montag in Nairobi über "
     "Sicherheit. Am Dienstag telefonierte Tuya mit Präsident Selenskyj.", "de",
     [(CALL, {"kenya", "ukraine"}, set())]),
    ("Kenya's Defence Minister Soipan Tuya addressed parliament on Monday. On Tuesday Tuya "
     "spoke by phone with President Zelensky.", "en", [(CALL, {"kenya", "ukraine"}, set())]),
    # so does a listed one whose title comes before the name
    ("Foreign Minister Wang Yi addressed a forum in Pretoria. Wang later met President "
     "Cyril Ramaphosa.", "en", [(MEETING, {"china", "south-africa"}, set())]),
    # a possessive state before the title ("Kuwait's emir") is the office's state
    ("Kuwait's emir met US President Donald Trump at the White House on Thursday.", "en",
     [(MEETING, {"kuwait", "united-states"}, set())]),
    # a word the dictionary knows is no name ("Gespräche" is a noun)
    ("Der kenianische Außenminister Gespräche führte er nicht. Gespräche mit Präsident "
     "Selenskyj gab es am Dienstag.", "de", []),
])
def test_a_minister_named_again_by_surname_acts_for_the_state(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2023-05-17", lang) == expected


@pytest.mark.parametrize("text, expected", [
    # an effort "to" do something else does not make a call told after it a plan
    ("Brazilian President Lula expressed support for efforts to end the war in a phone call "
     "with President Zelensky on Monday.", [(CALL, {"brazil", "ukraine"}, set())]),
    ("Lula backs efforts to end Ukraine war in call with Putin", [(CALL, {"brazil", "russia"}, set())]),
    # calls "to" someone to do something are no phone calls
    ("Protesters renewed their calls to Prime Minister Sharif to step down.", []),
    # an effort to hold the talks still is one
    ("Lula welcomed efforts to hold talks with President Zelensky.", []),
])
def test_an_effort_to_do_another_thing_leaves_the_call_a_fact(
        text: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2023-05-17", "en") == expected


@pytest.mark.parametrize("text, expected", [
    # a German sentence that opens with its source has its subject after the verb
    ("Laut einer Erklärung der französischen Regierung forderte Macron in dem Telefonat eine "
     "sofortige Waffenruhe.", [(DEMAND, {"france"}, set())]),
    ("Laut einer Mitteilung der deutschen Bundesregierung verlangte Scholz eine Waffenruhe.",
     [(DEMAND, {"germany"}, set())]),
])
def test_the_subject_after_a_source_that_opens_the_sentence_demands(
        text: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2023-11-02", "de") == expected


@pytest.mark.parametrize("text, expected", [
    # "the need to" end or halt a course of the conflict is a call on no one in particular
    ("The Egyptian President stressed the need to make every effort to halt the fighting in Sudan.",
     [(DEMAND, {"egypt"}, set())]),
    # not a need of the economy, nor what measures are needed for
    ("Chancellor Scholz stressed the need to modernise the German economy.", []),
    ("New Delhi says the new rules are needed to prevent violence.", []),
])
def test_the_need_to_end_a_course_of_the_conflict_is_a_demand(
        text: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2023-11-02", "en") == expected


@pytest.mark.parametrize("text, lang, expected", [
    # an accord told after talks, with no other side named, was reached in those talks
    ("Scholz traf am Montag in Doha den Emir von Katar, Tamim bin Hamad Al Thani. Es sei eine "
     "langfristige Energiepartnerschaft fest vereinbart worden, sagte Scholz nach dem Gespräch.", "de",
     [(MEETING, {"germany", "qatar"}, set()), (AGREEMENT, {"germany", "qatar"}, set())]),
    ("Prime Minister Jacinda Ardern met Chinese Premier Li Keqiang in Beijing on Monday. Ardern "
     "emerged from the meeting saying an upgrade of the free trade deal had been agreed.", "en",
     [(MEETING, {"new-zealand", "china"}, set()), (AGREEMENT, {"new-zealand", "china"}, set())]),
    # not an accord of the background, reached elsewhere with a side the story does not name
    ("Scholz traf am Montag in Doha den Emir von Katar, Tamim bin Hamad Al Thani. Schon 2019 hatte "
     "sich Scholz mit der Regierung von Fajes al-Serradsch auf eine Zusammenarbeit verständigt.", "de",
     [(MEETING, {"germany", "qatar"}, set())]),
    # nor one that names someone or some city else, nor one whose own subject is named
    ("Scholz traf am Montag in Doha den Emir von Katar. Am Abend wurde in Berlin ein Kompromiss "
     "zum Heizungsgesetz vereinbart.", "de", [(MEETING, {"germany", "qatar"}, set())]),
    ("Chancellor Scholz met President Macron in Paris on Monday. Meanwhile, a ceasefire was "
     "agreed in Sudan.", "en", [(MEETING, {"germany", "france"}, set())]),
    ("Biden met Xi in San Francisco. The Senate agreed on a spending deal with the House.", "en",
     [(MEETING, {"united-states", "china"}, set())]),
])
def test_an_accord_told_after_talks_was_reached_in_them(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2018-04-03", lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # the people a German "dass" clause obliges name the state asked, as in English
    ("Manila habe gefordert, dass die chinesischen Schiffe das Riff verlassen.", "de",
     [(DEMAND, {"philippines"}, {"china"})]),
    # a body a demand is made before is asked to act on it
    ("Der malische Außenminister hat vor dem UN-Sicherheitsrat den Abzug der Blauhelme gefordert.",
     "de", [(DEMAND, {"mali"}, {"un-security-council"})]),
    # only a body that deliberates: protection "vor" a militia asks no one
    ("Ägypten forderte Schutz vor der Hisbollah.", "de", [(DEMAND, {"egypt"}, set())]),
    # not a meeting it is made before ("EU" is part of the word for the summit)
    ("Vor dem EU-Gipfel forderte Scholz mehr Geld für die Ukraine.", "de", [(DEMAND, {"germany"}, set())]),
])
def test_whom_a_demand_obliges_or_is_made_before_is_asked(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2023-06-17", lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # "der Gerichtshof", "the Council": the organisation named before by a word of its name
    ("Guyana hat vor dem Internationalen Gerichtshof Klage gegen Venezuela erhoben. Guyana "
     "forderte den Gerichtshof zur Anordnung vorläufiger Maßnahmen auf.", "de",
     [(DEMAND, {"guyana"}, {"international-court-of-justice"})]),
    ("The UN Security Council met on Sudan on Monday. The Council urged Khartoum to allow aid "
     "convoys in.", "en", [(DEMAND, {"un-security-council"}, {"sudan"})]),
    # an abbreviation in brackets stands for the name before it; "sowohl … als auch" joins
    ("Die Kämpfe im Osten der Demokratischen Republik Kongo (DRK) dauern an. Der Sicherheitsrat "
     "forderte sowohl die DRK als auch Ruanda zu direkten Verhandlungen auf.", "de",
     [(DEMAND, {"un-security-council"}, {"democratic-republic-of-the-congo", "rwanda"})]),
    # an alliance "with" someone is a bond of two sides, not the body named before
    ("Die EU kritisierte Ankara. Die Türkei hatte die Allianz mit Libyen im November geschmiedet.",
     "de", [(AGREEMENT, {"turkey", "libya"}, set())]),
    # a word used since for another body, a party after a person's name, "die Union"
    ("The ICJ ruled in January. Separately, an Israeli court heard a petition. The court urged "
     "the government to act.", "en", []),
    ("Bundeskanzler Friedrich Merz (CDU) traf Macron in Paris. Die CDU forderte von China mehr "
     "Druck auf Russland.", "de", [(MEETING, {"germany", "france"}, set())]),
    ("Die Europäische Union hat neue Sanktionen beschlossen. Die Union forderte die "
     "Bundesregierung auf, mehr Waffen zu liefern.", "de", []),
])
def test_an_organisation_named_again_by_a_word_or_an_abbreviation(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2024-02-05", lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # an appeal to one's own people, aides or to the streets asks no other side
    ("In a televised address, Sisi urged Egyptians to stand together.", "en", []),
    ("Trump asked aides to look into buying the island.", "en", []),
    ("Der Oppositionsführer sprach von Wahlbetrug. Maduro rief zu Protesten auf.", "de", []),
    # an appeal to one's people and others, and a call for protests to be respected, ask
    ("Zelensky urged Ukrainians and the West to stand together.", "en", [(DEMAND, {"ukraine"}, set())]),
    ("Rubio called for protests in Iran to be respected.", "en", [(DEMAND, {"united-states"}, set())]),
    # a people's name as an adjective is no appeal to them
    ("Scharaa forderte nach Angaben syrischer Staatsmedien von Russland die Auslieferung Assads.",
     "de", [(DEMAND, {"syria"}, {"russia"})]),
])
def test_an_appeal_to_ones_own_people_or_to_the_streets_is_no_demand(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2025-10-16", lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # an ultimatum: time given to do something (not when the one given it is the subject)
    ("Niger's junta gave France one month to withdraw its troops.", "en",
     [(DEMAND, {"niger"}, {"france"})]),
    ("Maduro gave the army 48 hours to prepare.", "en", []),
    # what is made clear to someone must be done asks them
    ("Xi made it clear to Biden that the agreed arrangements must be kept.", "en",
     [(DEMAND, {"china"}, {"united-states"})]),
    ("Xi machte Biden klar, dass Washington die Vereinbarungen einhalten müsse.", "de",
     [(DEMAND, {"china"}, {"united-states"})]),
    ("Scholz machte Putin deutlich, dass Russland seine Truppen abziehen müsse.", "de",
     [(DEMAND, {"germany"}, {"russia"})]),
    # not damages a strike is claimed to have caused
    ("Russia claimed the Ukrainian strike caused damages in Belgorod.", "en", []),
    # soliciting arms ("warb um Waffen") asks for them
    ("Selenskyj warb beim Gipfel in Vilnius um weitere Waffen.", "de", [(DEMAND, {"ukraine"}, set())]),
    # reparations claimed from a state are demanded of it
    ("Greece's parliament voted to claim war reparations from Germany.", "en",
     [(DEMAND, {"greece"}, {"germany"})]),
])
def test_ultimatums_what_is_made_clear_and_claims_for_reparations_are_demands(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2023-07-12", lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # ties raised, partnerships entered into, joint plans adopted are accords
    ("Vietnam and the United States elevated their ties to a comprehensive strategic partnership.",
     "en", [(AGREEMENT, {"vietnam", "united-states"}, set())]),
    ("Iran and China entered into a long-term comprehensive partnership in 2021.", "en",
     [(AGREEMENT, {"iran", "china"}, set())]),
    ("China and Egypt adopted a joint action plan on Friday.", "en",
     [(AGREEMENT, {"china", "egypt"}, set())]),
    ("Vietnam und die USA werteten ihre Beziehungen am Sonntag deutlich auf.", "de",
     [(AGREEMENT, {"vietnam", "united-states"}, set())]),
    ("China und Ägypten verabschiedeten eine gemeinsame Erklärung.", "de",
     [(AGREEMENT, {"china", "egypt"}, set())]),
    # a phrase that opens the sentence sets the scene: its host is no side of the accord
    ("During Xi's visit to Saudi Arabia, China and Egypt signed a trade agreement.", "en",
     [(MEETING, {"china", "saudi-arabia"}, set()), (AGREEMENT, {"china", "egypt"}, set())]),
    # the other party of a conflict is no third side; it is the partner when the only one
    ("Iran and China entered into a partnership amid tensions with the United States.", "en",
     [(AGREEMENT, {"iran", "china"}, set())]),
    ("Der Vatikan hat nach jahrzehntelangem Streit mit China ein Abkommen geschlossen.", "de",
     [(AGREEMENT, {"holy-see", "china"}, set())]),
])
def test_ties_raised_and_plans_adopted_are_accords_of_the_sides_named(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2023-09-11", lang) == expected


def test_telephonic_talks_are_a_call_a_courtesy_call_a_visit() -> None:
    # Indian and African English: "telephonic conversation", "spoke telephonically"
    assert state_events("Modi held telephonic talks with President Macron on Monday.", "2023-02-14",
                        "en") == [(CALL, {"india", "france"}, set())]
    # a courtesy call is paid in person
    assert state_events("Marcos received Japan's foreign minister in a courtesy call on Monday.",
                        "2023-02-14", "en") == [(MEETING, {"philippines", "japan"}, set())]


def test_a_participle_after_a_noun_is_no_supply_by_the_speaker() -> None:
    # "the tanks delivered last year by Germany": a participle, not Ukraine supplying Germany
    events = state_events("Ukraine said the tanks delivered last year by Germany had been destroyed.",
                          "2024-05-10", "en")
    assert (SUPPORT, {"ukraine"}, {"germany"}) not in events


@pytest.mark.parametrize("text, lang, expected", [
    # a country's land is claimed only when it is someone's, not when it is praised
    ("Lukaschenko bezeichnete China als freundliches und verlässliches Land.", "de", []),
    ("Marokko bezeichnet die Westsahara als sein Land.", "de",
     [(CLAIM, {"morocco"}, set())]),
    # a person's name or title counts as one word between a verb and its object
    ("In Minsk unterzeichneten Russlands Präsident Wladimir Putin und die Präsidenten von "
     "Kasachstan und Belarus, Kassym-Schomart Tokajew und Alexander Lukaschenko, den Vertrag.", "de",
     [(AGREEMENT, {"russia", "kazakhstan", "belarus"}, set()),
      (MEETING, {"russia", "kazakhstan", "belarus"}, set())]),
    # a promise to meet is no meeting; a promise to send is a pledge
    ("Biden promised to meet Zelenskyy at the NATO summit in Vilnius.", "en", []),
    ("Biden promised to send more air defence systems to Ukraine.", "en",
     [(SUPPORT, {"united-states"}, {"ukraine"})]),
])
def test_praise_promises_and_long_lists_of_names(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2024-06-20", lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # two states pledging together: neither receives; "dem Land" is the state named before
    ("Nach dem Putsch im nigrischen Parlament haben Algerien und Katar dem Land Hilfe in Höhe "
     "von 200 Millionen Dollar zugesagt.", "de", [({"algeria", "qatar"}, {"niger"})]),
    ("After the port explosion in Lebanon's capital, Jordan and Egypt pledged emergency aid to the "
     "country.", "en",
     [({"jordan", "egypt"}, {"lebanon"})]),
    # a relative clause after a name is no list: its antecedent gives to the name inside it
    ("Der Iran, der Armenien seit Monaten mit Drohnen ausgerüstet hatte, begrüßte die Waffenruhe.",
     "de", [({"iran"}, {"armenia"})]),
])
def test_joint_pledges_go_to_whom_the_sentence_names_not_to_a_giver(
        text: str, lang: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_supplies(text, "2023-08-20", lang) == expected


def test_a_headline_demand_told_again_in_other_words_is_one_demand() -> None:
    text = ("Irish PM urges Biden to ‘show courage’ for all refugees\n\n"
            "DUBLIN: Irish Prime Minister Leo Varadkar said he told US President Joe Biden to show "
            "“courage and compassion” to all refugee families.")
    assert len(demands(read(text, "2023-04-12"))) == 1


def test_a_gift_thanked_for_in_a_relative_clause_goes_to_the_thanker() -> None:
    text = ('Der bosnische Präsident dankte der Türkei "für die Drohnen, die sie uns geschenkt und '
            'geliefert hat".')
    assert state_supplies(text, "2023-03-01", "de") == [({"turkey"}, {"bosnia-and-herzegovina"})]


@pytest.mark.parametrize("text, expected", [
    # after an opening phrase the subject follows the auxiliary; whom it asks may follow "von"
    ("Nach monatelangem Streit zwischen Polen und Deutschland hat Warschau von Berlin "
     "Reparationen eingefordert.", [({"poland"}, {"germany"})]),
    ("Polen hat von Deutschland Reparationen gefordert.", [({"poland"}, {"germany"})]),
])
def test_a_german_perfect_after_an_opening_phrase_asks_whom_von_names(
        text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_demands(text, "2023-10-08") == expected


def test_a_typographic_apostrophe_spells_the_same_name() -> None:
    # "People’s Republic of China" is the PRC, not the "Republic of China" (Taiwan) inside it
    text = "Mongolia’s president held a phone call with the President of the People’s Republic of China."
    assert state_events(text, "2022-06-01", "en") == [(CALL, {"mongolia", "china"}, set())]


def test_an_example_after_including_shares_the_place_of_its_noun() -> None:
    # an example of a place talked about is no side; an example of the people met is one
    talks = state_events("Xi’s talks in Kazakhstan focused on trade and the security situation in "
                         "the region including Afghanistan.", "2022-09-14", "en")
    assert not any("afghanistan" in sides for _, sides, _ in talks)
    met = state_events("Biden met European leaders including Macron in Brussels.", "2022-09-14", "en")
    assert any("france" in sides for kind, sides, _ in met if kind is MEETING)


def test_a_headline_receiver_given_by_unnamed_givers_receives_the_storys_pledges() -> None:
    text = ("Golfstaaten sichern Jordanien Milliardenhilfe zu\n\n"
            "Bei einem Treffen in Mekka sagten Saudi-Arabien, Kuwait und die Emirate jeweils "
            "800 Millionen Dollar zu.")
    assert sorted(state_supplies(text, "2018-06-11", "de"), key=str) == [
        ({"kuwait"}, {"jordan"}), ({"saudi-arabia"}, {"jordan"}), ({"united-arab-emirates"}, {"jordan"})]


@pytest.mark.parametrize("text, lang", [
    ("Macron drängte in den vergangenen Tagen auf ein Abkommen zwischen Serbien und dem Kosovo.", "de"),
    ("Macron pushed hard for a deal between Serbia and Kosovo.", "en"),
])
def test_an_accord_pressed_for_is_a_demand_not_an_accord(text: str, lang: str) -> None:
    kinds = [kind for kind, _, _ in state_events(text, "2023-05-20", lang)]
    assert kinds == [DEMAND]


@pytest.mark.parametrize("text, lang, expected", [
    # troops named by their state's adjective arriving to help support the state they arrive in
    ("Die ersten belgischen Soldaten der neuen Nato-Kampfgruppe sind in der Slowakei eingetroffen.", "de",
     [({"belgium"}, {"slovakia"})]),
    ("The first 200 Kenyan police officers arrived in Haiti on Tuesday to join the multinational "
     "security mission.", "en", [({"kenya"}, {"haiti"})]),
    # troops arriving with no word that they help may be an occupation
    ("Russian troops arrived in Georgia on Friday.", "en", []),
])
def test_troops_arriving_to_help_are_a_supply_of_their_state(
        text: str, lang: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_supplies(text, "2024-06-25", lang) == expected


@pytest.mark.parametrize("text, expected", [
    ("Erdogan declared that Northern Cyprus is Turkey and always will be.",
     {("turkey", "northern-cyprus")}),
    ("Die Krim ist Russland und wird es immer bleiben, sagte Kremlsprecher Peskow.",
     {("russia", "crimea")}),
    # a second state after "and" is no continuation of the first
    ("Crimea is Ukraine and Russia must leave it, Zelenskyy said.", set()),
])
def test_a_territory_is_a_state_even_when_the_clause_goes_on(
        text: str, expected: set[tuple[str, str]]) -> None:
    assert state_claims(text, "2023-05-20") == expected


@pytest.mark.parametrize("text", [
    # what someone is thanked for is their own act, no demand of the one who thanks
    "Biden congratulated Ruto on his victory and thanked him for urging his supporters to stay calm.",
    # asking what one can do is a question
    "Scholz said Biden asked what he could do to help after the floods.",
    # telling someone one's own wish asks nothing of them
    "In the call Lula told Biden he hoped to see him in Brasilia next year.",
])
def test_thanks_questions_and_wishes_are_no_demands(text: str) -> None:
    assert demands(read(text, "2022-09-01")) == []


def test_telling_someone_what_they_must_do_is_a_demand() -> None:
    assert state_demands("Macron told Netanyahu he had to stop the strikes on Rafah.", "2024-05-01") == [
        ({"france"}, {"israel"})]


@pytest.mark.parametrize("text, lang", [
    # a meeting agreed on is still to come (German puts it before the final verb)
    ("Biden und Lula haben ein persönliches Treffen im Dezember vereinbart.", "de"),
    # borders meet, not people
    ("The town lies in the area where Laos, Cambodia and Thailand meet.", "en"),
    ("Es ist das Gebiet, wo Polen, Tschechien und Deutschland aufeinandertreffen.", "de"),
    # envoys recalled for consultations meet no one; a meeting scrapped did not happen
    ("Am Donnerstag beorderten Quito und Lima ihre Botschafter zu Konsultationen zurück.", "de"),
    ("Lula scraps meeting with Milei over insults", "en"),
    ("Canada recalled its ambassador from Riyadh for consultations after a row with Saudi Arabia.", "en"),
])
def test_meetings_agreed_on_recalled_or_scrapped_and_meeting_borders_are_no_meetings(
        text: str, lang: str) -> None:
    assert MEETING not in [kind for kind, _, _ in state_events(text, "2023-10-05", lang)]


def test_a_building_named_after_a_body_is_a_place_not_the_body() -> None:
    events = state_events("Biden visited the ASEAN Hall in Jakarta on Monday and was welcomed by "
                          "Indonesian President Joko Widodo.", "2023-09-05", "en")
    assert events == [(MEETING, {"united-states", "indonesia"}, set())]


@pytest.mark.parametrize("text", [
    # a word of a name that looks like a verb of giving
    "In Amman, King Abdullah welcomed Erdogan, whose motorcade was escorted by the Jordan Armed Forces.",
    # what is sent figuratively is handed over to no one
    "Japan said Chinese coast guard boats circled the Senkaku Islands, where Tokyo has stationed "
    "radar, sending tensions spiralling in the region.",
])
def test_nouns_and_figures_of_speech_are_no_supplies(text: str) -> None:
    assert state_supplies(text, "2014-05-07") == []


@pytest.mark.parametrize("text, lang, expected", [
    # a list after a German opening phrase demands together; whom it asks follows the list
    ("Nach dem Gipfel haben Deutschland und Frankreich China aufgefordert, mehr Druck auf Russland "
     "auszuüben.", "de", [(DEMAND, {"germany", "france"}, {"china"})]),
    # "Emirate" as a common noun is no state
    ("Die Golf-Emirate Katar und Bahrain sagten Ägypten Hilfe zu.", "de",
     [(SUPPORT, {"qatar", "bahrain"}, {"egypt"})]),
    # a German promise of goods leaves a meeting in the same sentence told
    ("Scholz traf Selenskyj in Kiew und versprach weitere Luftabwehrsysteme.", "de",
     [(MEETING, {"germany", "ukraine"}, set()), (SUPPORT, {"germany"}, {"ukraine"})]),
    # verbs of giving after "that", "both", or in a title-case headline stay verbs
    ("Germany is one of the countries that sent Leopard tanks to Ukraine.", "en",
     [(SUPPORT, {"germany"}, {"ukraine"})]),
    ("Britain and France both sent fighter jets to Poland.", "en",
     [(SUPPORT, {"united-kingdom", "france"}, {"poland"})]),
    ("US Sends Patriot Missiles To Ukraine", "en", [(SUPPORT, {"united-states"}, {"ukraine"})]),
    # a figurative word further on is not what is sent
    ("Britain deployed troops to Estonia amid tensions with Russia.", "en",
     [(SUPPORT, {"united-kingdom"}, {"estonia"})]),
    # a mission named after troops arrive is no purpose of theirs
    ("Russian troops arrived in Georgia days after an EU monitoring mission left.", "en", []),
    # the country attacked after the givers are named is not the one they give to
    ("The US and Britain pledged more weapons after Russia attacked the country again.", "en",
     [(SUPPORT, {"united-states", "united-kingdom"}, set())]),
    # an example after a proper name exemplifies no place
    ("Biden met with presidents from Africa including William Ruto and Bola Tinubu.", "en",
     [(MEETING, {"united-states", "kenya", "nigeria"}, set())]),
    # a country described for another is no land claimed
    ("Scholz bezeichnete Kasachstan als verlässliches Land für Deutschland.", "de", []),
])
def test_second_review_guards(text: str, lang: str,
                              expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    assert state_events(text, "2024-05-01", lang) == expected


def test_a_demand_made_at_a_summit_leaves_the_meeting_there_told() -> None:
    # "auf dem Nato-Gipfel" is where, not what, a demand asks
    events = state_events("Selenskyj forderte auf dem Nato-Gipfel mehr Luftabwehr und traf am Rande "
                          "US-Präsident Biden.", "2024-05-01", "de")
    assert (MEETING, {"ukraine", "united-states"}, set()) in events


def test_a_story_receiver_is_given_to_a_group_of_givers_only() -> None:
    text = ("Golfstaaten sichern Jordanien Milliardenhilfe zu\n\n"
            "Bei einem Treffen in Mekka sagten Saudi-Arabien, Kuwait und die Emirate jeweils "
            "800 Millionen Dollar zu. Der Iran liefert unterdessen weiter Waffen.")
    assert ({"iran"}, {"jordan"}) not in state_supplies(text, "2018-06-11", "de")


@pytest.mark.parametrize("text, expected", [
    ("The Paracel Islands are claimed in whole or in part by Vietnam, China and Taiwan.",
     {("vietnam", "paracel-islands"), ("china", "paracel-islands"), ("taiwan", "paracel-islands")}),
    ("Die Kurilen werden von Japan beansprucht.", {("japan", "kuril-islands")}),
    # a territory only referred to is the one the story named
    ("Die Kurilen sind seit 1945 russisch. Die Inseln werden von Japan beansprucht.",
     {("russia", "kuril-islands"), ("japan", "kuril-islands")}),
    # an agent who is no state claims nothing, nor does a state only named after the agent
    ("The islands near Crimea were claimed by fishermen from Russia.", set()),
])
def test_a_passive_claim_is_a_claim_of_each_agent(text: str, expected: set[tuple[str, str]]) -> None:
    assert state_claims(text, "2021-03-02") == expected


@pytest.mark.parametrize("text, lang, expected", [
    # the other side named after its owner and a title with lowercase modifiers
    ("Biden spoke with Kenya's newly elected President William Ruto on Tuesday.", "en",
     [{"united-states", "kenya"}]),
    # what is said in a call ("for talks about a truce") does not make the call a plan
    ("Scholz und Macron haben sich bei einem Telefonat für neue Verhandlungen über eine Feuerpause "
     "ausgesprochen.", "de", [{"germany", "france"}]),
    # a call still to come stays one
    ("Scholz will bei einem Telefonat mit Macron über eine Feuerpause sprechen.", "de", []),
])
def test_calls_told_by_spoke_with_or_by_a_call_as_medium(
        text: str, lang: str, expected: list[set[str]]) -> None:
    article = read_article(text, published=dt.date(2022, 10, 4), lang=lang)
    gaz = load_gazetteer()
    assert [gaz.states_of(e.participants, dt.date(2022, 10, 4)) for e in article.events
            if e.type is CALL] == expected


def test_a_german_name_is_no_name_in_english_text() -> None:
    """"Island" is Iceland in German only: an English island is not the state."""
    english = read_article("Ma Ying-jeou flew to Itu Aba Island on Monday.",
                           published=dt.date(2016, 1, 27), lang="en")
    german = read_article("Merkel flog am Montag nach Island.", published=dt.date(2016, 1, 27), lang="de")
    assert "iceland" not in {m.entity for m in english.mentions}
    assert "iceland" in {m.entity for m in german.mentions}


@pytest.mark.parametrize("text, expected", [
    # the purpose the help serves ("to support … efforts to …") is not a plan of the help
    ("The World Bank approved a $2 billion loan for Egypt to support the government's efforts "
     "to reform subsidies.", [({"world-bank"}, {"egypt"})]),
    # the lending instruments of the IMF are its loans
    ("The IMF board approved a $1.3 billion Extended Fund Facility for Sri Lanka on Monday.",
     [({"imf"}, {"sri-lanka"})]),
    ("On Friday the International Monetary Fund approved a stand-by arrangement for Ghana.",
     [({"imf"}, {"ghana"})]),
    # a word of a name ("Fund") tells no event
    ("The International Monetary Fund predicted a large deficit for Saudi Arabia this year.", []),
])
def test_lenders_loans_and_the_purpose_they_serve(
        text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    article = read(text, "2023-03-20")
    assert [(set(e.participants), set(e.addressees)) for e in article.events if e.type is SUPPORT] == expected


@pytest.mark.parametrize("text, lang, expected", [
    # an order to one's own authorities or army demands nothing of another side
    ("Er habe die Sicherheitsbehörden seines Landes angewiesen, die Grenze zu schützen, sagte Lukaschenko.",
     "de", []),
    ("Putin ordered the army to pull back from the Finnish border.", "en", []),
    # an order to another state is a demand of it
    ("The ICJ ordered Uganda to pay reparations to Congo.", "en",
     [({"international-court-of-justice"}, {"uganda"})]),
])
def test_an_order_is_a_demand_only_of_another_side(
        text: str, lang: str, expected: list[tuple[set[str], set[str]]]) -> None:
    article = read_article(text, published=dt.date(2022, 2, 9), lang=lang)
    assert [(set(e.participants), set(e.addressees)) for e in article.events if e.type is DEMAND] == expected


@pytest.mark.parametrize("text, lang, expected", [
    # whose supply is to end is asked, not its receiver; the demander supplies nothing
    ("The Kremlin leader demanded an end to British arms deliveries to Kyiv, Putin said.", "en",
     [(DEMAND, {"russia"}, {"united-kingdom"})]),
    ("Lawrow verlangte ein Ende der Waffenlieferungen an die Ukraine durch Deutschland.", "de",
     [(DEMAND, {"russia"}, {"germany"})]),
    # someone asked before the supply is the one asked
    ("Zelensky urged Germany to put an end to Russian gas supplies.", "en",
     [(DEMAND, {"ukraine"}, {"germany"})]),
    # a supply's receiver is never asked to end it
    ("Russia demanded an end to Western arms deliveries to Poland.", "en", [(DEMAND, {"russia"}, set())]),
])
def test_a_demand_to_end_a_supply_asks_its_supplier(
        text: str, lang: str, expected: list[tuple[EventType, set[str], set[str]]]) -> None:
    day = dt.date(2023, 4, 12)
    gaz, article = load_gazetteer(), read_article(text, published=day, lang=lang)
    assert [(e.type, gaz.states_of(e.participants, day), gaz.states_of(e.addressees, day))
            for e in article.events] == expected


@pytest.mark.parametrize("text, lang, expected", [
    # an accord reached in talks with someone is with them
    ("Darauf einigte sich Kanzler Scholz nach eigenen Angaben in einem Telefonat mit Präsident Macron.",
     "de", [{"germany", "france"}]),
    ("In a call with Kishida, Biden agreed to expand missile defence cooperation.", "en",
     [{"united-states", "japan"}]),
    # one named with "with" after the verb is the partner, not whoever one met before
    ("After a meeting with Modi, Kishida agreed with Biden to build a new port.", "en",
     [{"japan", "united-states"}]),
])
def test_an_accord_reached_in_talks_is_with_whom_they_were_held(
        text: str, lang: str, expected: list[set[str]]) -> None:
    day = dt.date(2023, 5, 22)
    gaz, article = load_gazetteer(), read_article(text, published=day, lang=lang)
    assert [gaz.states_of(e.participants, day) for e in article.events if e.type is AGREEMENT] == expected


def test_a_demand_naming_no_one_asks_the_side_the_story_names_most() -> None:
    story = ("Nigeria recalls envoy from South Africa after attacks\n\n"
             "Nigeria recalled its ambassador to South Africa on Friday after a wave of attacks on "
             "foreign-owned shops in Johannesburg. South Africa's police said 12 people had died. "
             "Nigeria demanded full compensation for the victims. South Africa's president condemned "
             "the violence.")
    assert state_demands(story, "2019-09-13") == [({"nigeria"}, {"south-africa"})]


def test_a_demand_in_a_story_of_two_other_sides_asks_neither() -> None:
    story = ("Kenya hosts talks\n\nEthiopia and Egypt met in Nairobi on Monday. Ethiopia and Egypt "
             "disagree over the dam. Ethiopia said Egypt was to blame. Sudan demanded a binding "
             "deal on the dam.")
    assert state_demands(story, "2021-04-05") == [({"sudan"}, set())]


def test_a_call_with_one_end_named_is_with_the_side_the_story_is_about() -> None:
    story = ("Syria receives Russian air defence\n\nSyria's army has received the first S-300 "
             "batteries, Syria's state media said on Tuesday. Israel protested. Putin telephoned on "
             "Monday to confirm the delivery, the Kremlin said.")
    assert state_sides(story, "2018-10-02", CALL) == [{"russia", "syria"}]


@pytest.mark.parametrize("text, expected", [
    # agreeing about something, told with what they agreed on in between, is an accord
    ("Scholz und Macron seien sich über eine engere Zusammenarbeit bei der Rüstung einig gewesen.",
     [{"germany", "france"}]),
    # agreeing in condemning something is no accord between the two
    ("Scholz und Macron sind sich in der Verurteilung des Angriffs einig.", []),
])
def test_sich_ueber_etwas_einig_is_an_accord(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2023-01-22", AGREEMENT) == expected


@pytest.mark.parametrize("text, expected", [
    # looking forward to a meeting, or a meeting on an agenda, has not happened
    ("Lula said he looked forward to meeting with Boric soon.", []),
    ("Erdogan's agenda in Tehran includes meetings with Raisi and Khamenei.", []),
    ("Lula met Boric in Santiago on Monday.", [{"brazil", "chile"}]),
])
def test_a_meeting_looked_forward_to_or_on_an_agenda_is_to_come(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2023-08-08", MEETING) == expected


@pytest.mark.parametrize("text, expected_agreement, expected_support", [
    # one side committed to doing something for another pledges it; two sides commit together
    ("Germany is committed to sending more air defence systems to Ukraine.", [],
     [({"germany"}, {"ukraine"})]),
    ("India and Japan committed to expanding their defence ties.", [{"india", "japan"}], []),
])
def test_committed_to_is_an_accord_only_of_those_who_commit(
        text: str, expected_agreement: list[set[str]],
        expected_support: list[tuple[set[str], set[str]]]) -> None:
    assert state_sides(text, "2023-08-08", AGREEMENT) == expected_agreement
    assert state_supplies(text, "2023-08-08", "en") == expected_support


def test_a_demand_told_without_whom_it_asks_is_the_one_told_with_it() -> None:
    story = ("Fukushima: China fordert Stopp der Einleitung\n\n"
             "»China fordert Japan nachdrücklich auf, seine Entscheidung zu korrigieren«, sagte ein "
             "Sprecher des Pekinger Außenministeriums am Dienstag.")
    assert state_demands(story, "2023-08-22") == [({"china"}, {"japan"})]


def test_two_demands_of_different_things_stay_two() -> None:
    story = ("Die Ukraine forderte am Montag die rasche Lieferung weiterer moderner Flugabwehrsysteme "
             "aus Europa. Zugleich forderte die Ukraine Deutschland auf, die Ausbildung ukrainischer "
             "Piloten deutlich zu beschleunigen.")
    assert sorted(state_demands(story, "2023-08-22"), key=lambda d: len(d[1])) == [
        ({"ukraine"}, set()), ({"ukraine"}, {"germany"})]


@pytest.mark.parametrize("text, lang, expected", [
    # "we" is the subject: the state named after the verb is asked, never the one asking
    ("Wir fordern die serbischen Behörden dringend auf, das Gesetz zurückzunehmen.", "de", []),
    ("Wir fordern die serbischen Behörden auf, das Gesetz zurückzunehmen.", "de", []),
    ("We urge the Serbian authorities to withdraw the law.", "en", []),
    # "dringend" is no form of "dringen"; "dringt auf" still demands
    ("Die EU dringt auf eine Rücknahme des Gesetzes.", "de", [({"european-union"}, set())]),
])
def test_we_ask_and_the_name_after_the_verb_is_asked(
        text: str, lang: str, expected: list[tuple[set[str], set[str]]]) -> None:
    day = dt.date(2024, 5, 29)
    gaz, article = load_gazetteer(), read_article(text, published=day, lang=lang)
    assert [(gaz.states_of(e.participants, day), gaz.states_of(e.addressees, day))
            for e in article.events if e.type is DEMAND] == expected


def test_a_planned_accord_spoken_of_is_no_accord() -> None:
    text = "Beim Treffen war auch das geplante Handelsabkommen zwischen Kanada und der EU Thema."
    assert state_sides(text, "2023-05-05", AGREEMENT) == []


@pytest.mark.parametrize("text", [
    # "calling it …" names something; "so-called" is an adjective: no call either way
    "Kenya's government joined the meeting, calling it a chance to reset its ties with the U.S.",
    "Ruto held a meeting on Saturday in Kampala with Museveni. The meeting lasted three hours in the "
    "palace, where Museveni received Ruto. One car stopped in front of the so-called Unity Gate, where "
    "they greeted each other with a handshake.",
])
def test_calling_something_a_name_is_no_phone_call(text: str) -> None:
    assert state_sides(text, "2024-02-03", CALL) == []


@pytest.mark.parametrize("text, expected", [
    # an ultimatum handed to a state is no supply to it, whatever length it gives
    ("Washington delivered Tehran a 30-day ultimatum on Friday over its arms programme.", []),
    ("Washington delivered Kyiv 31 Abrams tanks on Friday.", [({"united-states"}, {"ukraine"})]),
])
def test_an_ultimatum_delivered_is_no_supply(text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_supplies(text, "2023-09-22") == expected


@pytest.mark.parametrize("text, lang, kind, expected", [
    # a plan word in the topic leaves the event told a fact
    ("Biden met Lula in Brasilia on Monday to discuss a joint agenda on climate.", "en", MEETING,
     [{"united-states", "brazil"}]),
    ("Scholz said he looked forward to closer ties after he met Macron in Paris on Monday.", "en", MEETING,
     [{"germany", "france"}]),
    ("Scholz und Macron einigten sich am Montag auf die geplante Reform des Stabilitätspakts.", "de",
     AGREEMENT, [{"germany", "france"}]),
    # a planned or possible accord right before its noun is none
    ("Die beiden sprachen über mögliche Handelsabkommen zwischen Kenia und Uganda.", "de", AGREEMENT, []),
    # what two agree about names no side
    ("Scholz und Macron seien sich über die Lage in der Ukraine einig gewesen.", "de", AGREEMENT,
     [{"germany", "france"}]),
])
def test_second_review_of_session_twenty(text: str, lang: str, kind: EventType,
                                         expected: list[set[str]]) -> None:
    day = dt.date(2024, 3, 4)
    gaz, article = load_gazetteer(), read_article(text, published=day, lang=lang)
    assert [gaz.states_of(e.participants, day) for e in article.events if e.type is kind] == expected


@pytest.mark.parametrize("text, expected", [
    # responsibility for an attack claimed is no territory claimed
    ("Responsibility for the drone attack on Crimea was claimed by Ukraine.", set()),
    ("The blast in Crimea was claimed by Ukraine's military intelligence.", set()),
])
def test_a_claim_of_responsibility_is_no_territorial_claim(text: str, expected: set[tuple[str, str]]) -> None:
    assert state_claims(text, "2024-03-04") == expected


def test_a_demand_told_as_another_stays_apart() -> None:
    story = ("Warschau fordert Reparationen\n\nPolen forderte am Montag Reparationen. Polen forderte "
             "zudem am Montag Russland auf, seine Truppen aus Belarus abzuziehen.")
    assert sorted(state_demands(story, "2024-03-05"), key=lambda d: len(d[1])) == [
        ({"poland"}, set()), ({"poland"}, {"russia"})]


def test_an_english_spelling_among_german_aliases_still_names() -> None:
    article = read_article("Saudi Arabia urged Opec to cut output.", published=dt.date(2024, 3, 4), lang="en")
    assert [(e.participants, e.addressees) for e in article.events if e.type is DEMAND] == [
        (["saudi-arabia"], ["opec"])]


@pytest.mark.parametrize("text, expected", [
    # a criticism or denial joined by "and" to what the subject did next does not govern it
    ("Belgien hat Ruanda kritisiert und die Europäische Union aufgefordert, Sanktionen zu verhängen.",
     [({"belgium"}, {"european-union"})]),
    ("Moskau lehnte den Vorschlag ab und forderte von der Ukraine den Abzug ihrer Truppen.",
     [({"russia"}, {"ukraine"})]),
    ("Japan rejected the allegation and demanded that China withdraw its ships.", [({"japan"}, {"china"})]),
    ("Germany condemned the shelling and called on Russia to stop it.", [({"germany"}, {"russia"})]),
    # controls: the accusation still governs an infinitive or a noun after "and"
    ("Die Ukraine warf Russland vor, Kämpfer zu schicken und Reparationen zu fordern.", []),
    ("Japan rejected the allegation and the demand that China withdraw its ships.", []),
    ("Kyiv accused Moscow of arming the rebels and demanding Ukraine's surrender.", []),
    ("The Kremlin rejected accusations it threatened Kyiv and demanded Ukraine's surrender.", []),
])
def test_what_is_done_after_a_criticism_is_told_as_fact(
        text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_demands(text, "2024-03-04") == expected


@pytest.mark.parametrize("text, expected", [
    # "my government", "unsere Regierung" in a quote is the speaker's side
    ("\"My government asks the government of Peru to withdraw its ships,\" Boric said on Monday.",
     [({"chile"}, {"peru"})]),
    ("„Unsere Regierung fordert Russland auf, die Truppen abzuziehen“, sagte Scholz am Montag.",
     [({"germany"}, {"russia"})]),
    # control: "our neighbours" are not the speaker
    ("\"Our neighbours have urged Russia to withdraw its troops,\" Tusk said on Monday.", []),
])
def test_my_government_in_a_quote_is_the_speakers(text: str,
                                                 expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_demands(text, "2023-03-04") == expected


@pytest.mark.parametrize("text, expected", [
    # expelling a state's envoy asks that state to withdraw them
    ("Chile expelled the Peruvian ambassador on Monday.", [({"chile"}, {"peru"})]),
    ("Venezuela declared the German ambassador persona non grata.", [({"venezuela"}, {"germany"})]),
    ("Estland hat den russischen Botschafter ausgewiesen.", [({"estonia"}, {"russia"})]),
    ("Polen wies am Montag zwei belarussische Diplomaten aus.", [({"poland"}, {"belarus"})]),
    ("Malaysia hat den nordkoreanischen Botschafter zur persona non grata erklärt.",
     [({"malaysia"}, {"north-korea"})]),
    # controls: rejecting an envoy's words is no expulsion
    ("Russland wies die Kritik des deutschen Botschafters zurück.", []),
    ("The ambassador said Chile had expelled no one.", []),
    ("Russia threatened to expel the Estonian ambassador.", []),
    ("Russland drohte, den estnischen Botschafter auszuweisen.", []),
])
def test_an_expelled_envoy_is_a_demand_on_their_state(text: str,
                                                      expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_demands(text, "2023-03-06") == expected


@pytest.mark.parametrize("text, expected", [
    # "called" with the callee's titles before the name, and a list of callees: one call each
    ("Modi called Afghan President Ashraf Ghani on Tuesday.", [{"india", "afghanistan"}]),
    ("Scholz also called Italian Prime Minister Giorgia Meloni and Polish President Andrzej Duda.",
     [{"germany", "italy"}, {"germany", "poland"}]),
    # controls: what something is called, and a move called something, are no calls
    ("The treaty is called The Lisbon Treaty.", []),
    ("Iran called the UK Navy's seizure piracy.", []),
    ("Scholz called French President Emmanuel Macron a close friend.", []),
    ("Zelensky called Hungarian Prime Minister Viktor Orban and Slovak Prime Minister Robert Fico "
     "Moscow's allies.", []),
])
def test_called_past_titles_and_through_a_list(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2023-03-06", CALL) == expected


@pytest.mark.parametrize("text, expected", [
    # an accord one side signs on a visit told in the same sentence is with the host
    ("Scholz signed three accords during his visit to Kenya on Monday.", [{"germany", "kenya"}]),
    ("Scholz signs accords on first visit to Kenya", [{"germany", "kenya"}]),
    # control: an accord with a side of its own keeps it
    ("During his visit to Kenya, Scholz signed an accord with Uganda.", [{"germany", "uganda"}]),
    ("Scholz, who visited Kenya last year, signed a climate accord in Berlin on Monday.", []),
])
def test_an_accord_signed_on_a_visit_is_with_the_host(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2023-03-08", EventType.AGREEMENT) == expected


@pytest.mark.parametrize("text, expected", [
    # air strikes for an ally are military support; "the regime in <capital>" is its state
    ("Russland unterstützt das Regime in Damaskus mit Luftangriffen.", [({"russia"}, {"syria"})]),
    ("Russia backed the regime in Damascus with weapons.", [({"russia"}, {"syria"})]),
    # controls: backing a policy with words supplies nothing, whatever the words are about
    ("Russia backed the plan with a statement.", []),
    ("China unterstützt den Iran mit einer Erklärung gegen die Luftangriffe der USA.", []),
])
def test_air_strikes_for_a_regime_are_support(text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert supplies(read(text, "2020-03-02")) == expected


@pytest.mark.parametrize("text, expected", [
    # raising aid for a receiver supplies it
    ("Österreich erhöht seine Hochwasserhilfe für Slowenien um zwei Millionen Euro.",
     [({"austria"}, {"slovenia"})]),
    ("Die Regierung in Wien hat die Hilfe für Slowenien um zwei Millionen Euro erhöht.",
     [({"austria"}, {"slovenia"})]),
    # controls: raising pressure or tariffs supplies nothing
    ("Österreich erhöht den Druck auf Slowenien.", []),
    ("Österreich erhöhte die Zölle für Slowenien.", []),
])
def test_raised_aid_is_support(text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert supplies(read(text, "2023-08-09")) == expected


@pytest.mark.parametrize("text, expected", [
    # ministers who sign together at a place meet there, as leaders do
    ("Außenministerin Annalena Baerbock und ihr argentinischer Kollege Santiago Cafiero "
     "unterzeichneten das Abkommen in Buenos Aires.", [{"germany", "argentina"}]),
])
def test_ministers_who_sign_together_meet(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2023-09-15", MEETING) == expected


@pytest.mark.parametrize("text, expected", [
    # whoever is told to leave a state is asked by that state
    ("Die russischen Diplomaten seien aufgefordert worden, Estland binnen 72 Stunden zu verlassen.",
     [({"estonia"}, {"russia"})]),
    ("Russian diplomats were ordered to leave Estonia within 72 hours.", [({"estonia"}, {"russia"})]),
])
def test_the_state_to_be_left_asks_to_leave(text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_demands(text, "2023-03-06") == expected


def test_an_island_chain_is_named_as_its_islands() -> None:
    # "the Paracel chain", "das Spratly-Archipel": the island group under another common name
    assert state_claims("The Paracel chain is also claimed by Vietnam and Taiwan.", "2016-01-04") == {
        ("vietnam", "paracel-islands"), ("taiwan", "paracel-islands")}


def test_coordinated_ministries_after_a_demonym_name_a_side() -> None:
    # "the Japanese foreign and defence ministers" act for Japan as "the Japanese ministers" do
    assert state_sides("Marcos received the Japanese foreign and defence ministers on Monday.", "2023-11-06",
                       MEETING) == [{"philippines", "japan"}]


@pytest.mark.parametrize("text, expected", [
    # talks a demand asks for have not taken place
    ("Die USA riefen Kolumbien und Venezuela am Samstag zu Gesprächen auf.", []),
    ("Scholz forderte Gespräche zwischen Serbien und dem Kosovo.", []),
    ("The US urged talks between Colombia and Venezuela.", []),
    ("The EU called for talks between Serbia and Kosovo.", []),
    # control: talks where the demand was made took place
    ("Biden urged Xi at their meeting in Bali to rein in North Korea.", [{"united-states", "china"}]),
    ("Trump demanded a ceasefire and met Zelensky in Paris on Saturday.",
     [{"united-states", "ukraine"}]),
    ("Putin's demands dominated the talks between Russia and Ukraine in Istanbul.",
     [{"russia", "ukraine"}]),
])
def test_talks_a_demand_asks_for_are_no_meeting(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2023-09-18", MEETING) == expected


@pytest.mark.parametrize("text, kind, expected", [
    # an intention told is a plan, not an event
    ("Scholz und Macron äußerten ihre Absicht, sich im Mai in Paris zu treffen.", MEETING, []),
    ("Scholz and Macron expressed their intention to meet in Paris in May.", MEETING, []),
    # control: an intention to supply announced is a pledge
    ("Sunak announced his intention to supply Challenger 2 tanks to Ukraine.", EventType.SUPPORT,
     [{"united-kingdom"}]),
    # controls: an intention after the event is what it says, not a plan of it
    ("India and Japan signed a memorandum of intention on defence cooperation.",
     EventType.AGREEMENT, [{"india", "japan"}]),
])
def test_an_intention_told_is_a_plan(text: str, kind: EventType, expected: list[set[str]]) -> None:
    assert state_sides(text, "2023-01-14", kind) == expected


def test_the_two_in_a_sentence_about_the_call_are_its_sides() -> None:
    # "die beiden" in a sentence that refers to the call are the call's sides, not the two
    # leaders named last
    story = ("Scholz telefonierte am Montag mit Macron. Scholz trifft am Dienstag Meloni in Rom. "
             "Am Ende des Telefonats hätten sich die beiden Staatschefs darauf verständigt, "
             "die Zusammenarbeit zu vertiefen.")
    assert state_sides(story, "2023-06-12", EventType.AGREEMENT) == [{"germany", "france"}]


@pytest.mark.parametrize("text", [
    # prospects of a supply are no supply
    "Die Äußerung dämpft die Aussichten, dass die USA der Ukraine Raketen liefern werden.",
    "The remark dimmed the prospects that the US will supply Ukraine with missiles.",
])
def test_prospects_of_a_supply_are_none(text: str) -> None:
    assert supplies(read(text, "2025-10-16")) == []


def test_who_signed_is_not_what_was_agreed() -> None:
    # the agent of a passive signing names the signers, not what was agreed
    article = read("A defence pact was signed by Crown Prince Mohammed bin Salman and Prime Minister "
                   "Shehbaz Sharif in Riyadh.", "2025-09-17")
    assert [e.topic for e in article.events if e.type is EventType.AGREEMENT] == [None]


def test_talks_about_prospects_are_talks() -> None:
    assert state_sides("Scholz and Macron discussed the prospects for peace at their meeting in Paris on "
                       "Monday.", "2024-03-04", MEETING) == [{"germany", "france"}]


def test_the_state_to_be_left_asks_only_its_envoys_to_go() -> None:
    # an evacuation advice to one's own citizens asks nothing of the state they leave
    assert state_demands("US citizens were urged to leave Russia immediately, the State Department said.",
                         "2024-03-04") == []


def test_an_accord_agreed_by_phone_keeps_what_was_agreed() -> None:
    article = read_article("Russia and Ukraine agreed by phone to extend the grain deal.",
                           published=dt.date(2024, 3, 4), lang="en")
    assert [e.topic for e in article.events if e.type is EventType.AGREEMENT] == [
        "by phone to extend the grain deal"]


# --- session 23 -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # an air force or navy named by its state's adjective acts for that state
    ("The Indian Air Force sent two transport planes with spare parts to Vietnam.",
     [({"india"}, {"vietnam"})]),
    ("Die brasilianische Marine hat zwei Patrouillenboote an Uruguay geliefert.",
     [({"brazil"}, {"uruguay"})]),
    # medical teams and police officers are what a state sends
    ("Kuba hat ein Ärzteteam nach Peru geschickt.", [({"cuba"}, {"peru"})]),
    ("Ruanda hat 300 Polizeibeamte in die Zentralafrikanische Republik geschickt.",
     [({"rwanda"}, {"central-african-republic"})]),
    # controls: an air force that flies home, a medical team that travels on its own
    ("The Indian Air Force flew its planes back to India.", []),
    ("Ein Ärzteteam ist nach Peru gereist.", []),
])
def test_forces_and_teams_of_a_state_supply(text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert supplies(read(text, "2023-04-12")) == expected


def test_a_force_in_another_clause_receives_nothing() -> None:
    # the coast guard of the reason clause is not who the jets are moved to
    text = ("Vietnam verlegte sechs Kampfflugzeuge auf die Insel Phu Quoc, nachdem Schiffe der "
            "chinesischen Küstenwache in die Gewässer eingedrungen waren.")
    assert supplies(read(text, "2023-04-12")) == [({"vietnam"}, set())]
    # control: a force in the supply's own clause still receives
    assert supplies(read("Deutschland hat ukrainische Soldaten ausgebildet.", "2023-04-12")) == [
        ({"germany"}, {"ukraine"})]


@pytest.mark.parametrize("text, expected", [
    # the subjunctive of reported speech: "dringe auf"
    ("Der Minister sagte, Schweden dringe auf die Freilassung des Journalisten in Eritrea.",
     [({"sweden"}, set())]),
    # a verb told as done after "and" is no part of what was decided before it
    ("Brazil decided to recall its ambassador and demanded that Israel apologise.",
     [({"brazil"}, {"israel"})]),
    # controls: what was decided or urged stays the content
    ("Brazil decided to recall its ambassador and to demand an apology.", []),
    ("Brazil urged Israel to stop the strikes and withdraw.", [({"brazil"}, {"israel"})]),
])
def test_demands_in_reported_speech_and_after_a_decision(
        text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_demands(text, "2024-02-19") == expected


@pytest.mark.parametrize("text", [
    # "aus"/"from" repeated after "and": both groups sign
    "Vertreter der Afrikanischen Union und aus Kanada haben ein Abkommen unterzeichnet.",
    "Officials of the African Union and from Canada signed an accord.",
])
def test_a_repeated_origin_joins_the_sides(text: str) -> None:
    assert sides(read(text, "2023-05-10"), AGREEMENT) == [{"african-union", "canada"}]


def test_who_is_asked_is_named_before_the_comma_of_a_request() -> None:
    # "bat X, … mit Y zu …": X is asked; Y is part of what is asked
    article = read("Lula bat Petro, eine weitere Eskalation im Streit mit Venezuela zu vermeiden.",
                   "2023-05-08")
    demand = next(e for e in article.events if e.type is DEMAND)
    assert demand.addressees == ["gustavo-petro"]
    assert demand.topic == "eine weitere Eskalation im Streit mit Venezuela zu vermeiden"


@pytest.mark.parametrize("text, expected", [
    # after an opening adverb the German subject follows the verb, also as "the junta in Mali"
    ("Zuletzt hatte die Regierung in Niger Frankreich zum Abzug seiner Truppen aufgefordert.",
     [({"niger"}, {"france"})]),
    ("Kürzlich hatte die Militärregierung in Niger Frankreich zum Abzug aufgefordert.",
     [({"niger"}, {"france"})]),
    # control: a plain subject-first sentence is unchanged
    ("Niger hatte Frankreich zum Abzug seiner Truppen aufgefordert.", [({"niger"}, {"france"})]),
])
def test_the_subject_after_an_opening_adverb_demands(text: str,
                                                     expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_demands(text, "2023-08-10") == expected


def test_a_leader_out_of_office_does_not_replace_the_one_in_it() -> None:
    # a successor named in the same story is not the visitor
    text = ("Crowds cheer Biden's arrival in Angola for his promised Africa visit\n"
            "President Joe Biden arrived in Angola on Monday for his first visit to Africa.\n"
            "Biden's trip comes weeks before Republican Donald Trump takes office, finally "
            "delivering on Biden's pledge to visit Africa.")
    meeting = next(e for e in read(text, "2024-12-03").events if e.type is MEETING)
    assert "joe-biden" in meeting.participants and "donald-trump" not in meeting.participants


@pytest.mark.parametrize("text, expected", [
    # a possessive before a role word: the official of the state (or leader) told before
    ("Kolumbien protestierte. Sein Außenminister rief die Vereinten Nationen auf, zu vermitteln.",
     ({"colombia"}, {"united-nations"})),
    ("Colombia protested. Its foreign minister called on the United Nations to mediate.",
     ({"colombia"}, {"united-nations"})),
])
def test_a_possessive_official_speaks_for_the_state_told_before(
        text: str, expected: tuple[set[str], set[str]]) -> None:
    assert state_demands(text, "2023-02-14") == [expected]


@pytest.mark.parametrize("text, expected", [
    # an official the gazetteer names is that official's state; a counterpart is the other side
    ("Putin hosted Erdogan in Sochi on Monday. His foreign minister, Mevlut Cavusoglu, urged Sweden "
     "to act.", [({"turkey"}, {"sweden"})]),
    ("Baerbock reiste am Montag nach Kiew. Ihr Amtskollege forderte mehr Waffen von Deutschland.", []),
])
def test_a_named_or_counterpart_official_is_not_the_possessor(
        text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_demands(text, "2023-06-01") == expected


def test_a_possessive_official_of_a_leader_is_the_leaders_state() -> None:
    text = "Lula spoke in Brasilia on Monday. His foreign minister met Blinken in Washington."
    assert state_sides(text, "2023-02-14", MEETING) == [{"brazil", "united-states"}]


@pytest.mark.parametrize("text, expected", [
    # addressing another state's parliament is a visit to it; a leader's longer name still acts
    ("Modi addressed the Australian parliament on Wednesday.", [{"india", "australia"}]),
    ("Modi hielt am Mittwoch eine Rede vor dem australischen Parlament.", [{"india", "australia"}]),
    ("Modi addressed the Australian parliament, a day after a video call with Albanese.",
     [{"india", "australia"}]),
    ("President Cyril Matamela Ramaphosa addressed the Kenyan parliament.", [{"south-africa", "kenya"}]),
    # controls: a speech by video link is no visit; a leader before their own parliament none;
    # the UN General Assembly is no host; "sprach sich vor dem Parlament für … aus" no speech
    ("Modi addressed the Australian parliament by video link.", []),
    ("Lula addressed the UN General Assembly in New York on Tuesday.", []),
    ("Modi sprach sich vor dem Parlament für mehr Hilfe an Sri Lanka aus.", []),
    ("Albanese addressed the Australian parliament on Wednesday.", []),
])
def test_addressing_a_foreign_parliament_is_a_visit(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2023-05-24", MEETING) == expected


@pytest.mark.parametrize("text, expected", [
    # money injected into a state supplies it, in any currency
    ("China injected a further 70 million yuan (US$11.4 million) of aid money into Laos.",
     [({"china"}, {"laos"})]),
    # a currency sign makes no state of its prefix: "US$" is no receiver
    ("Japan pledged US$40 million to Laos.", [({"japan"}, {"laos"})]),
    # controls: money put into one's own economy, gas into a pipeline; a pledge in US dollars
    # with no receiver
    ("Japan's central bank injected 10 trillion yen into the economy.", []),
    ("Russia pumped gas into the pipeline.", []),
    ("Japan pledged US$40 million in aid.", [({"japan"}, set())]),
])
def test_money_injected_into_a_state_supplies_it(text: str,
                                                 expected: list[tuple[set[str], set[str]]]) -> None:
    assert supplies(read(text, "2023-03-03")) == expected


@pytest.mark.parametrize("text, expected", [
    # more ways to ask: advocacy before the one asked, a reminder, a wish, help sought
    ("Tusk warb bei Orbán für eine Waffenruhe in der Ukraine.", [({"poland"}, {"hungary"})]),
    ("Polen setzte sich bei Ungarn für einen Waffenstillstand ein.", [({"poland"}, {"hungary"})]),
    ("Polen wünscht sich von Ungarn mehr Solidarität.", [({"poland"}, {"hungary"})]),
    ("Poland reminded Hungary to honour its commitments.", [({"poland"}, {"hungary"})]),
    ("Poland sought Hungary's support for the sanctions.", [({"poland"}, {"hungary"})]),
    # controls: advocacy of trade on a visit asks nothing of the host; a reminder to the press
    ("Tusk warb bei seinem Besuch in Ungarn für mehr Handel.", []),
    ("The prime minister reminded reporters to wait.", []),
])
def test_more_ways_to_ask(text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_demands(text, "2023-06-01") == expected


@pytest.mark.parametrize("text, expected", [
    # "the government" with no state of its own, after a state named in the sentence, is its
    ("Washington warned of Serbia's troop buildup, urging the government to pull back its forces.",
     [({"united-states"}, {"serbia"})]),
    ("Berlin kritisierte die Truppenbewegungen Serbiens und forderte die Regierung auf, die Soldaten "
     "abzuziehen.", [({"germany"}, {"serbia"})]),
    # controls: a government opening the sentence is the story's own, not the state named
    # before; a government with its own name keeps it
    ("Chinese vessels massed at the reef. The government urged China to withdraw them.", []),
    ("Washington warned of the buildup, urging the government of Serbia to pull back.",
     [({"united-states"}, {"serbia"})]),
    # the government as a subject after "and" is the subject's own
    ("Sunak returned from Ukraine on Monday, and the government urged Russia to withdraw.",
     [({"united-kingdom"}, {"russia"})]),
])
def test_the_government_of_the_state_just_named(text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_demands(text, "2023-06-01") == expected


@pytest.mark.parametrize("text, expected", [
    # "may" hedges what follows; the month May does not
    ("Lula may finally make his first visit to Angola when the country hosts the summit.", []),
    ("Lula visited Angola in May.", [{"brazil", "angola"}]),
    ("In May Lula visited Angola.", [{"brazil", "angola"}]),
])
def test_may_hedges_but_the_month_does_not(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2023-08-25", MEETING) == expected


@pytest.mark.parametrize("text, expected", [
    # the journey a visit is part of names no further host
    ("Modi is visiting Kenya as part of his five-day trip to Africa and South Africa.",
     [{"india", "kenya"}]),
    ("Modi besucht Kenia im Rahmen seiner Reise nach Afrika und Südafrika.", [{"india", "kenya"}]),
    # control: the object after a German frame phrase is still met
    ("Modi traf im Rahmen seines Besuchs in Nairobi auch Präsident William Ruto.", [{"india", "kenya"}]),
    ("Scholz traf im Rahmen seiner Reise nach Asien auch Premierminister Modi.", [{"germany", "india"}]),
])
def test_the_journey_a_visit_is_part_of_names_no_host(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2023-07-06", MEETING) == expected


# --- session 24 -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # an adverb opening the sentence is capitalized, but no noun whose genitive follows
    ("Auch der belarussische Präsident Lukaschenko telefonierte mit Tokajew.", [{"belarus", "kazakhstan"}]),
    ("Auch der Präsident Lukaschenko hatte am Samstag mit Tokajew telefoniert.", [{"belarus", "kazakhstan"}]),
    # control: a noun's genitive still owns a thing ("Die Sorge der Ukraine")
    ("Die Sorge der Ukraine wuchs, als Lukaschenko mit Tokajew telefonierte.", [{"belarus", "kazakhstan"}]),
])
def test_an_opening_adverb_is_no_noun(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2022-01-08", CALL) == expected


@pytest.mark.parametrize("text, expected", [
    # a possessive name before a common noun owns what the talk is about; it is no side
    ("Im Gespräch mit dem iranischen Präsidenten Peseschkian verurteilte Putin Israels Vorgehen.",
     [{"iran", "russia"}]),
    ("Im Gespräch mit Peseschkian verurteilte Putin Israels brutales Vorgehen.", [{"iran", "russia"}]),
    ("In talks with Pezeshkian, Putin condemned Israel's actions.", [{"iran", "russia"}]),
    # controls: the owner of the talks, or of a title or a delegation, is a side
    ("Russia's talks with China ended on Friday.", [{"russia", "china"}]),
])
def test_the_owner_of_a_thing_talked_about_is_no_side(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2025-06-13", MEETING) == expected


def test_a_title_after_a_possessive_keeps_its_state() -> None:
    text = "Sheinbaum said she had a good conversation by phone with Canada's new prime minister on Monday."
    assert state_sides(text, "2025-03-18", CALL) == [{"mexico", "canada"}]


@pytest.mark.parametrize("text, expected", [
    # "sprachen … miteinander" with the pair between
    ("Am Freitag sprachen in Paris auch Macron und Scholz miteinander.", [{"france", "germany"}]),
    # control: talks denied
    ("Am Freitag sprachen Macron und Scholz nicht miteinander.", []),
])
def test_german_talks_with_each_other_after_the_pair(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2023-06-16", MEETING) == expected


@pytest.mark.parametrize("text, calls, meetings", [
    # talks told as "also" right after a call with one of their sides are another call
    ("Lukaschenko hatte am Samstag mit Tokajew telefoniert. Darüber hinaus sprachen auch Putin und "
     "Lukaschenko miteinander.", [{"belarus", "kazakhstan"}, {"russia", "belarus"}], []),
    ("Biden called Scholz on Monday. Biden also talked with Macron.",
     [{"united-states", "germany"}, {"united-states", "france"}], []),
    # controls: without "also", or after a call of other sides, talks stay talks
    ("Biden called Scholz on Monday. Biden talked with Macron.",
     [{"united-states", "germany"}], [{"united-states", "france"}]),
    ("Biden called Scholz on Monday. Lula also talked with Macron.",
     [{"united-states", "germany"}], [{"brazil", "france"}]),
])
def test_talks_told_as_also_after_a_call_are_a_call(text: str, calls: list[set[str]],
                                                     meetings: list[set[str]]) -> None:
    assert state_sides(text, "2022-01-08", CALL) == calls
    assert state_sides(text, "2022-01-08", MEETING) == meetings


def test_a_meeting_dated_years_before_is_not_the_story_talk() -> None:
    text = ("Das betonte die Kanzlerin nach ihrem Gespräch mit dem indonesischen Präsidenten Widodo. "
            "Sie erinnerte daran, dass sie mit Widodo erstmals im November 2014 in Brisbane "
            "zusammengetroffen sei.")
    article = read(text, "2016-04-18")
    dates = sorted((e.date.value.isoformat(), e.date.precision) for e in article.events
                   if e.type is MEETING and e.date)
    assert dates == [("2014-11-01", Precision.MONTH), ("2016-04-18", Precision.DAY)]


@pytest.mark.parametrize("text, expected", [
    # a meeting noun after a possessive pronoun is that person's, with the partner after "mit"
    ("Russland hat die Äußerungen von Kanzlerin Merkel bei ihrem Treffen mit Präsident Selenskyj "
     "kritisiert.", [{"germany", "ukraine"}]),
    ("Russia criticized remarks by Chancellor Merkel during her meeting with President Zelensky.",
     [{"germany", "ukraine"}]),
])
def test_a_possessive_pronoun_owns_the_meeting(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2021-08-23", MEETING) == expected


@pytest.mark.parametrize("text, expected", [
    # a virtual meeting or an online summit is held remotely: a call
    ("Biden und Xi hielten am Dienstag ein virtuelles Treffen ab.", [{"united-states", "china"}]),
    ("Merkel und Macron hielten einen Online-Gipfel mit Putin ab.", [{"germany", "france", "russia"}]),
])
def test_german_virtual_meetings_are_calls(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2021-04-02", CALL) == expected


@pytest.mark.parametrize("text, expected", [
    # a name and a sum after a comma or "and" repeat the pledge with its verb left out
    ("Kuwait will lend 1 billion dollars to Iraq. Turkey pledged 5 billion dollars, Saudi Arabia 1.5 "
     "billion, Qatar 1 billion, the United Arab Emirates 500 million dollars.",
     [({"kuwait"}, {"iraq"}), ({"turkey"}, {"iraq"}), ({"saudi-arabia"}, {"iraq"}), ({"qatar"}, {"iraq"}),
      ({"united-arab-emirates"}, {"iraq"})]),
    ("Deutschland sagte dem Irak 500 Millionen Euro zu, die EU 400 Millionen Euro.",
     [({"germany"}, {"iraq"}), ({"european-union"}, {"iraq"})]),
    # a name after the first receiver receives from the same giver, unless it has its own
    ("Germany pledged 100 million euros to Jordan, and Lebanon 50 million euros.",
     [({"germany"}, {"jordan"}), ({"germany"}, {"lebanon"})]),
    ("Die EU sagte Jordanien 200 Millionen Euro zu, dem Libanon 100 Millionen Euro.",
     [({"european-union"}, {"jordan"}), ({"european-union"}, {"lebanon"})]),
    ("Germany pledged 500 million euros to Ukraine, Russia 2 billion to Syria.",
     [({"germany"}, {"ukraine"}), ({"russia"}, {"syria"})]),

])
def test_gapped_pledges_are_one_supply_per_giver(text: str,
                                                 expected: list[tuple[set[str], set[str]]]) -> None:
    gaz, day = load_gazetteer(), dt.date(2018, 2, 14)
    assert [({gaz.state_of(p, day) for p in s}, {gaz.state_of(a, day) for a in r})
            for s, r in supplies(read(text, "2018-02-14"))] == expected


def test_a_list_of_donors_gives_where_the_story_supplies_go() -> None:
    text = ("Kuwait will lend 1 billion dollars to Iraq. In addition to these Turkey pledged to give 5 "
            "billion, Saudi Arabia 1.5 billion dollars. Germany pledged 500 million euros and the European "
            "Union 400 million euros.")
    assert supplies(read(text, "2018-02-14")) == [
        (frozenset({"kuwait"}), frozenset({"iraq"})), (frozenset({"turkey"}), frozenset({"iraq"})),
        (frozenset({"saudi-arabia"}), frozenset({"iraq"})), (frozenset({"germany"}), frozenset({"iraq"})),
        (frozenset({"european-union"}), frozenset({"iraq"}))]


@pytest.mark.parametrize("text, expected", [
    # "in addition to these" ends at its pronoun: the name after it is the subject
    ("In addition to these Turkey pledged 5 billion dollars to Iraq.", [({"turkey"}, {"iraq"})]),
    # control: a name inside the phrase is no supplier
    ("In addition to Turkey, Saudi Arabia pledged 1 billion dollars to Iraq.",
     [({"saudi-arabia"}, {"iraq"})]),
])
def test_a_phrase_ending_in_to_names_no_receiver(text: str,
                                                 expected: list[tuple[set[str], set[str]]]) -> None:
    assert [(set(s), set(r)) for s, r in supplies(read(text, "2018-02-14"))] == expected


@pytest.mark.parametrize("text, expected", [
    # an adverb between the verb and a German subject list after it
    ("Am Dienstag sagten auch Indien und die Europäische Union Fidschi Hilfe zu.",
     [({"india", "european-union"}, {"fiji"})]),
    ("Am Dienstag sagte auch Indien Fidschi Hilfe zu.", [({"india"}, {"fiji"})]),
])
def test_a_german_subject_list_after_an_adverb_supplies(text: str,
                                                        expected: list[tuple[set[str], set[str]]]) -> None:
    assert [(set(s), set(r)) for s, r in supplies(read(text, "2016-02-23"))] == expected


def test_a_full_stop_glued_to_the_next_sentence_ends_it() -> None:
    # scraped pages lose the space after a full stop; domains and initials keep theirs
    text = ("Merz hat am Donnerstag mit Trump telefoniert, wie Kornelius mitteilte.Zuvor hatte Merz mit "
            "Selenskyj telefoniert. Mehr auf www.Spiegel.de und bei U.S.Officials. Das Portal "
            "t-online.Politik und Yahoo!News berichteten.")
    assert [s.text for s in read(text, "2025-05-09").sentences] == [
        "Merz hat am Donnerstag mit Trump telefoniert, wie Kornelius mitteilte.",
        "Zuvor hatte Merz mit Selenskyj telefoniert.",
        "Mehr auf www.Spiegel.de und bei U.S.Officials.",
        "Das Portal t-online.Politik und Yahoo!News berichteten."]
    assert state_sides(text, "2025-05-09", CALL) == [{"germany", "united-states"}, {"germany", "ukraine"}]


@pytest.mark.parametrize("text, expected", [
    # a pronoun after "und"/"and" past the event's words is the next verb's object, no side
    ("Merz telefonierte mit Trump. Danach hatte Merz mit Selenskyj telefoniert und ihm seine "
     "Unterstützung versichert.", [{"germany", "united-states"}, {"germany", "ukraine"}]),
    ("Merz called Trump. Later Merz called Zelensky and assured him of his support.",
     [{"germany", "united-states"}, {"germany", "ukraine"}]),
])
def test_a_pronoun_after_and_is_no_side_of_the_call(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2025-05-09", CALL) == expected


@pytest.mark.parametrize("text, expected", [
    # a clause with only a time and "mit"/"with" and a side repeats the call, on its own day
    ("Bereits am Samstag hatte Biden mit Premierminister Johnson telefoniert, am Sonntag mit dem "
     "französischen Präsidenten Macron.",
     [({"united-states", "united-kingdom"}, "2021-01-23"), ({"united-states", "france"}, "2021-01-24")]),
    ("Biden spoke with Johnson by phone on Saturday, on Sunday with Macron.",
     [({"united-states", "united-kingdom"}, "2021-01-23"), ({"united-states", "france"}, "2021-01-24")]),
    # control: a clause with a verb of its own is no repeated call
    ("Biden hatte am Samstag mit Johnson telefoniert, am Sonntag sprach er mit Macron über Handel.",
     [({"united-states", "united-kingdom"}, "2021-01-23")]),
])
def test_a_call_repeated_with_its_verb_left_out(text: str, expected: list[tuple[set[str], str]]) -> None:
    assert state_calls_with_days(text, "2021-01-26") == expected


@pytest.mark.parametrize("text, expected", [
    # a group met by a named side joins it
    ("Ruanda und die Demokratische Republik Kongo haben ein Abkommen unterzeichnet. Später traf sich "
     "Trump mit beiden afrikanischen Außenministern im Oval Office.",
     [{"united-states", "rwanda", "democratic-republic-of-the-congo"}]),
    ("Rwanda and the Democratic Republic of the Congo signed a peace deal. Later Trump met with both "
     "foreign ministers in the Oval Office.",
     [{"united-states", "rwanda", "democratic-republic-of-the-congo"}]),
    # control: the group as the subject is the sides themselves
    ("Rwanda and the Democratic Republic of the Congo signed a peace deal. Both foreign ministers "
     "later met in the Oval Office.", [{"rwanda", "democratic-republic-of-the-congo"}]),
])
def test_a_group_met_by_a_named_side_joins_it(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2025-06-28", MEETING) == expected


def test_an_abbreviation_after_its_name_shares_its_phrase() -> None:
    text = ("Vor dem Gipfel der Asiatisch-pazifischen Wirtschaftsgemeinschaft Apec ist Chinas Präsident "
            "Xi Jinping mit dem japanischen Regierungschef Shinzo Abe zusammengetroffen.")
    assert sides(read(text, "2014-11-10"), MEETING) == [frozenset({"xi-jinping", "shinzo-abe"})]


@pytest.mark.parametrize("text, expected", [
    # a possessive owner of a body met stays a side when it is the only partner
    ("Blinken met Israel's war cabinet in Tel Aviv on Monday.", [{"united-states", "israel"}]),
    ("Blinken traf am Montag in Tel Aviv Israels Kriegskabinett.", [{"united-states", "israel"}]),
    ("Biden met with Japan's and South Korea's leaders at Camp David on Friday.",
     [{"united-states", "japan", "south-korea"}]),
])
def test_an_owner_that_is_the_only_partner_stays_a_side(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2024-05-06", MEETING) == expected


@pytest.mark.parametrize("text, calls, meetings", [
    # talks in a named place or at a meeting are in person, "also" or not
    ("Biden called Scholz on Monday. In Tokyo, Biden also talked with Kishida.",
     [{"united-states", "germany"}], [{"united-states", "japan"}]),
    ("Scholz telefonierte am Montag mit Biden. In Paris sprach Scholz auch mit Macron.",
     [{"germany", "united-states"}], [{"germany", "france"}]),
])
def test_also_talks_in_person_stay_meetings(text: str, calls: list[set[str]],
                                            meetings: list[set[str]]) -> None:
    assert state_sides(text, "2024-05-06", CALL) == calls
    assert state_sides(text, "2024-05-06", MEETING) == meetings


def test_a_meeting_days_before_a_new_year_is_the_story_talk() -> None:
    text = "Nach seinem Treffen mit Xi lobte Biden die Beziehungen. Biden traf Xi am 28. Dezember in Peking."
    meetings = [e for e in read(text, "2024-01-03").events if e.type is MEETING]
    assert [(e.date.value.isoformat() if e.date else None) for e in meetings] == ["2023-12-28"]


@pytest.mark.parametrize("text, expected", [
    # the chunk's "mit" must name the partner; a later date of a relative clause is not its day
    ("Scholz spoke with Macron by phone on Monday, with a focus on Russia.",
     [({"germany", "france"}, "2024-05-06")]),
    ("Scholz telefonierte am Montag mit Macron, auch mit Blick auf Russland.",
     [({"germany", "france"}, "2024-05-06")]),
    ("Mit Johnson hatte Biden am Samstag telefoniert, am Sonntag mit Macron.",
     [({"united-kingdom", "united-states"}, "2024-05-04"), ({"united-states", "france"}, "2024-05-05")]),
    ("Scholz telefonierte am Samstag mit Biden, am Sonntag mit Macron und am Montag mit Meloni.",
     [({"germany", "united-states"}, "2024-05-04"), ({"germany", "france"}, "2024-05-05"),
      ({"germany", "italy"}, "2024-05-06")]),
])
def test_a_repeated_call_needs_its_partner_after_with(text: str,
                                                      expected: list[tuple[set[str], str]]) -> None:
    assert state_calls_with_days(text, "2024-05-06") == expected


def test_a_call_names_no_one_a_later_meeting_met() -> None:
    text = "Nach dem Online-Gipfel mit Xi reiste Scholz am Freitag nach Peking und traf dort Li Qiang."
    assert state_sides(text, "2024-05-06", CALL) == [{"china", "germany"}]


@pytest.mark.parametrize("text", [
    # a possessive after "and" still joins the second name to the list
    "Koenders and his French counterpart Fabius urged Mali to implement the deal.",
    "Koenders und sein französischer Amtskollege Fabius forderten Mali auf, das Abkommen umzusetzen.",
])
def test_a_possessive_after_and_joins_the_list(text: str) -> None:
    assert state_demands(text, "2015-06-19") == [({"netherlands", "france"}, {"mali"})]


@pytest.mark.parametrize("text, expected", [
    # a leader elected and months from office acts for the state to be led
    ("Trump called Mexico's president-elect Andres Manuel Lopez Obrador on Monday.",
     [frozenset({"donald-trump", "mexico"})]),
    ("Biden congratulated presumptive president-elect Ferdinand “Bongbong” Marcos Jr. in a call on "
     "Wednesday.", [frozenset({"joe-biden", "philippines"})]),
    # controls: what someone is called is no call
    ("Biden called Israel's response disproportionate.", []),
    ("Biden called Russia's Putin a killer.", []),
])
def test_a_call_to_a_president_elect(text: str, expected: list[frozenset[str]]) -> None:
    published = "2018-07-03" if "Obrador" in text else "2022-05-12"
    assert sides(read(text, published), CALL) == expected


@pytest.mark.parametrize("text, expected", [
    # a call told as the setting ("in einem Telefonat mit X") took place, whatever the verb
    # refused; a plan before it or inside the phrase still tells one to come
    ("Brasiliens Präsident Lula hat in einem Telefonat mit seinem russischen Kollegen Wladimir Putin "
     "eine Einladung nach Russland abgelehnt.", [{"brazil", "russia"}]),
    ("In a phone call with Putin, Lula declined an invitation to Russia.", [{"brazil", "russia"}]),
    ("Lula lehnte ein Telefonat mit Putin ab.", []),
    ("Lula will in einem Telefonat mit Putin nächste Woche über den Krieg sprechen.", []),
])
def test_a_call_as_the_setting_of_a_refusal(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2023-05-26", CALL) == expected


@pytest.mark.parametrize("text, published, expected", [
    # a German pluperfect passive of a reception names its host after "von"
    ("Macron war nach seiner Ankunft von Präsident Paul Kagame empfangen worden.", "2021-05-28",
     [{"france", "rwanda"}]),
    # "who has been elected … next president": elected, and acting for the state to be led
    ("Kishida and Yoon Suk-yeol, who has been elected South Korea's next president, talked over the "
     "phone on Friday.", "2022-03-11", []),
])
def test_receptions_and_elections_told_otherwise(text: str, published: str, expected: list[set[str]]) -> None:
    assert state_sides(text, published, MEETING) == expected


def test_a_leader_who_has_been_elected_acts_for_the_state() -> None:
    text = ("Kishida and Yoon Suk-yeol, who has been elected South Korea's next president, talked over "
            "the phone on Friday.")
    assert sides(read(text, "2022-03-11"), CALL) == [frozenset({"fumio-kishida", "south-korea"})]


# --- session 25 -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, published, expected", [
    # an English past form after a prepositional phrase is the verb, no noun referring back
    ("A plane carrying the Chinese vaccine against the coronavirus landed in Serbia on Saturday.",
     "2021-01-17", [({"china"}, {"serbia"})]),
    # an installment is a delivery: the state that names the equipment sent it
    ("The second installment of German military equipment arrived in Lithuania on Monday.",
     "2023-05-08", [({"germany"}, {"lithuania"})]),
    # control: tanks that arrive may invade
    ("German tanks arrived in Lithuania on Monday.", "2023-05-08", []),
])
def test_goods_that_arrive(text: str, published: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_supplies(text, published) == expected


def test_a_dateline_in_mixed_case_is_no_side() -> None:
    text = ("Baerbock sagt Syrien Hilfe zu\n\n"
            "Riad - Außenministerin Annalena Baerbock hat Syrien weitere Hilfen zugesagt.")
    assert state_supplies(text, "2025-01-12", "de") == [({"germany"}, {"syria"})]


@pytest.mark.parametrize("text, expected", [
    # where the troops go is no supplier of what was received
    ("Erdogan hat vom Parlament grünes Licht für die Entsendung von Soldaten nach Libyen bekommen.", []),
    # control: who it was received from
    ("Die Ukraine hat von Deutschland weitere Panzer bekommen.", [({"germany"}, {"ukraine"})]),
])
def test_received_from_is_not_sent_to(text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert state_supplies(text, "2020-01-02", "de") == expected


def test_a_supply_told_with_an_absolute_with_after_an_accord() -> None:
    text = ("Moscow and Cairo signed a deal on Thursday for Russia to build a power plant in Egypt, "
            "with Russia extending a loan to Egypt for its cost.")
    assert state_supplies(text, "2015-11-19") == [({"russia"}, {"egypt"})]
    assert state_sides(text, "2015-11-19", AGREEMENT) == [{"russia", "egypt"}]


def test_besides_a_supply_another_giver_gives_to_the_same_receiver() -> None:
    text = ("Nach dem Erdbeben ist die Bundesregierung im Gespräch mit der indonesischen Regierung. "
            "Die Bundesregierung hat 1,5 Millionen Euro Soforthilfe bereitgestellt. "
            "Neben der Soforthilfe der Bundesregierung gewährt die EU ebenfalls umgehend 1,5 Millionen Euro.")
    assert state_supplies(text, "2018-10-01", "de") == [({"germany"}, {"indonesia"}),
                                                  ({"european-union"}, {"indonesia"})]


def test_aid_announced_at_a_conference_goes_to_the_side_the_story_is_about() -> None:
    # (a side the story tells as receiving: the EU's pledge to Sudan)
    text = ("Konferenz für den Sudan\n\nBei einer Konferenz zum Sudan in Paris sagte die EU dem Sudan "
            "350 Millionen Euro zu. Für Deutschland kündigte Außenministerin Annalena Baerbock "
            "Hilfsgelder in Höhe von 244 Millionen Euro an. Im Sudan herrscht seit einem Jahr Krieg.")
    assert state_supplies(text, "2024-04-16", "de") == [({"european-union"}, {"sudan"}),
                                                         ({"germany"}, {"sudan"})]


@pytest.mark.parametrize("text, published, lang", [
    # a verb of giving that hands over no goods gets no receiver from the story
    ("Ecuador and Mexico\n\nEcuador raided Mexico's embassy. Ecuador said Mexico had no right. The former "
     "vice president had been granted political asylum in the embassy. Ecuador arrested him.",
     "2024-04-06", "en"),
    # the end of a supply is none
    ("Trump und die WHO\n\nTrump kritisierte die WHO. US-Präsident Donald Trump kündigte die Aussetzung der "
     "Hilfen für die Weltgesundheitsorganisation WHO an. Die WHO bedauerte das.", "2020-04-15", "de"),
])
def test_no_supply_from_the_story_alone(text: str, published: str, lang: str) -> None:
    assert state_supplies(text, published, lang) == []


def test_two_leaders_of_one_state_make_two_demands() -> None:
    text = ("Iran's supreme leader has called on Saudi Arabia to apologise for the stampede. Khamenei's "
            "remarks came after a speech by President Hassan Rouhani at the UN in which he called for an "
            "investigation.")
    assert [(set(d), set(a)) for d, a in demands(read(text, "2015-09-27"))] == [
        ({"ali-khamenei"}, {"saudi-arabia"}), ({"hassan-rouhani"}, set())]


def test_a_title_with_a_name_in_apposition_is_that_person() -> None:
    text = ("Die frisch gewählte Präsidentin der Republik Moldau, Maia Sandu, fordert einen Abzug "
            "russischer Truppen aus Transnistrien.")
    assert [(set(d), set(a)) for d, a in demands(read(text, "2020-11-30"))] == [({"moldova"}, {"russia"})]


def test_a_hard_wrapped_wire_text_is_read() -> None:
    text = ("SUVA, March 3 Japan will give four patrol boats to\n"
            "Fiji to help it watch its fishing grounds, the Japanese foreign\n"
            "minister said on Tuesday.\n"
            "The boats would come with training for the crews of the\n"
            "navy, a spokesman for the ministry in Tokyo told reporters.\n")
    assert state_supplies(text, "2015-03-03") == [({"japan"}, {"fiji"})]


@pytest.mark.parametrize("text, expected", [
    # whom a deal in a circumstance was made with is no partner of the call
    ("Obama und Netanyahu telefonierten nach dem Deal der Weltmächte mit dem Iran.",
     [{"united-states", "israel"}]),
    # controls: "mit" after a phrase of another noun, or after a place, belongs to the verb
    ("Am Donnerstag hatte Lula nach eigenen Angaben mit dem chinesischen Staatschef Xi Jinping telefoniert.",
     [{"brazil", "china"}]),
])
def test_the_partner_of_a_deal_is_no_partner_of_the_call(text: str, expected: list[set[str]]) -> None:
    assert state_sides(text, "2015-07-14", CALL) == expected


def test_the_partner_of_a_dispute_still_signs() -> None:
    text = "Der Vatikan hat nach jahrzehntelangem Streit mit China ein historisches Abkommen geschlossen."
    assert state_sides(text, "2018-09-22", AGREEMENT) == [{"holy-see", "china"}]


def test_an_accord_agreed_on_the_sidelines_of_a_visit_told_sentences_before() -> None:
    text = ("Steinmeier beginnt Staatsbesuch in Kasachstan\n\nBundespräsident Steinmeier hat einen "
            "Staatsbesuch in Kasachstan begonnen. Präsident Tokajew begrüßte Steinmeier in Astana mit "
            "militärischen Ehren. Steinmeier will die Bedeutung der Region betonen. Deutschland wolle sich "
            "als Partner anbieten. Kasachstan verfügt über große Erdölvorkommen. Das Land ist reich an "
            "Seltenen Erden. Die Wirtschaft wächst seit Jahren. Am Rande des Treffens wurde "
            "vereinbart, dass Kasachstan jeden Monat 100.000 Tonnen Rohöl nach Schwedt liefert.")
    assert state_sides(text, "2023-06-20", AGREEMENT) == [{"germany", "kazakhstan"}]



@pytest.mark.parametrize("text, lang, expected", [
    # declared persona non grata, with the words in quotes and the envoy named before them
    ("Ecuador declared the Mexican ambassador to the country 'persona non grata' on Thursday.", "en",
     [({"ecuador"}, {"mexico"})]),
    # in the passive, the agent declares
    ('Brasiliens Präsident Lula wurde von Israel zur "Persona non grata" erklärt.', "de",
     [({"israel"}, {"brazil"})]),
])
def test_declared_persona_non_grata(text: str, lang: str, expected: list[tuple[set[str], set[str]]]) -> None:
    demands = [(sides, to) for kind, sides, to in state_events(text, "2024-04-06", lang) if kind is DEMAND]
    assert demands == expected


@pytest.mark.parametrize("text, lang", [
    ("Germany sends two experts to Mexico at the request of the Mexican authorities.", "en"),
    ("Deutschland schickt auf Bitte der mexikanischen Behörden zwei Experten nach Mexiko.", "de"),
])
def test_acted_on_at_a_request(text: str, lang: str) -> None:
    day = dt.date(2017, 9, 20)
    assert [(e.participants, e.addressees) for e in read_article(text, published=day, lang=lang).events
            if e.type is DEMAND] == [(["mexico"], ["germany"])]


@pytest.mark.parametrize("text, lang", [
    # "the call" with no partner of it named: critics, or a side of what was said in it
    ("Poland said it had not been informed in advance of the phone call, and Ukraine called it a mistake.",
     "en"),
    ("Erdogan said in the phone call that Israel must stop its attacks.", "en"),
])
def test_a_call_referred_to_without_its_partner_is_none(text: str, lang: str) -> None:
    assert sides(read_article(text, published=dt.date(2024, 5, 6), lang=lang), CALL) == []


@pytest.mark.parametrize("text, lang, published, expected", [
    # "the 20-minute phone call" of a story that told no call before: its sentence's two sides
    ("New Zealand Prime Minister Jacinda Ardern has congratulated President-elect Joe Biden on his election "
     "victory. Ardern said the tone of the 20-minute phone call Monday was warm and that Biden spoke very "
     "favorably about how New Zealand was handling the pandemic.", "en", "2020-11-23",
     [{"new-zealand", "united-states"}]),
    ("Merkel kritisierte die Rede von Trump scharf. Merkel sagte, sie habe vor der Rede mit Trump "
     "gesprochen und in dem Telefongespräch deutlich gemacht, dass eine Lösung gefunden werden muss.",
     "de", "2017-09-20",
     [{"germany", "united-states"}]),
])
def test_a_call_the_story_only_refers_to(text: str, lang: str, published: str,
                                        expected: list[set[str]]) -> None:
    assert [sides for kind, sides, _ in state_events(text, published, lang) if kind is CALL] == expected


def test_the_sides_of_a_conflict_talked_about_are_no_partners() -> None:
    text = ("Saudi Arabia's Crown Prince Mohammed bin Salman and Iranian President Ebrahim Raisi on "
            "Wednesday discussed the ongoing conflict between Israel and Hamas on a phone call. This is the "
            "first such call since the two countries restored diplomatic ties in March this year.")
    assert state_sides(text, "2023-10-12", CALL) == [{"saudi-arabia", "iran"}]
    assert state_sides(text, "2023-10-12", AGREEMENT) == [{"saudi-arabia", "iran"}]


# --- session 25: what an independent review found the new rules must leave alone -----------
@pytest.mark.parametrize("text, lang, expected", [
    # "Ende" as a time is no end of the supply
    ("Die USA sagten Kiew Ende Mai weitere Militärhilfe zu.", "de",
     [("SUPPORT", {"united-states"}, {"ukraine"})]),
    # a press inquiry is no request of a side
    ("Das Auswärtige Amt bestätigte auf Anfrage des SPIEGEL, dass Deutschland der Ukraine weitere "
     "Hilfe zusagt.", "de", [("SUPPORT", {"germany"}, {"ukraine"})]),
    # a verb's own preposition before a deal is no circumstance: the partner signs
    ("Hamas agreed to a ceasefire with Israel, the group said.", "en",
     [("AGREEMENT", {"hamas", "israel"}, set())]),
    ("Die EU einigte sich am Montag auf ein Abkommen mit Tunesien.", "de",
     [("AGREEMENT", {"european-union", "tunisia"}, set())]),
    # an accord that ends a conflict is its sides'
    ("A ceasefire ending the conflict between Israel and Hezbollah was agreed on Tuesday.", "en",
     [("AGREEMENT", {"israel", "hezbollah"}, set())]),
    # in a war story the side named most is no receiver of the aid told last
    ("Russia attacked Kyiv again on Sunday. Russia fired more than 100 missiles. Russia said it hit military "
     "targets. Germany sent more air defence systems.", "en", [("SUPPORT", {"germany"}, set())]),
    # a leader of another state after a title is no apposition
    ("After talks with the Turkish president, Vladimir Putin said the meeting was useful.", "en",
     [("MEETING", {"turkey", "russia"}, set())]),
    # efforts towards an accord before it was reached do not undo it
    ("Nach monatelangen Bemühungen von Katar und Ägypten um eine Einigung haben Israel und die Hamas eine "
     "Waffenruhe vereinbart.", "de", [("AGREEMENT", {"israel", "hamas"}, set())]),
])
def test_what_the_new_rules_leave_alone(text: str, lang: str,
                                        expected: list[tuple[str, set[str], set[str]]]) -> None:
    events = [(kind.name, sides, to) for kind, sides, to in state_events(text, "2024-05-06", lang)]
    assert events == expected


# --- session 26 -----------------------------------------------------------------------------
def dated(text: str, published: str, lang: str) -> list[tuple[str, set[str], str | None]]:
    """(type, sides, date as ISO text with its precision's initial) of every event read."""
    gaz, day = load_gazetteer(), dt.date.fromisoformat(published)
    return [(e.type.name, gaz.states_of(e.participants, day),
             e.date and e.date.value.isoformat() + e.date.precision.value[0])
            for e in read_article(text, published=day, lang=lang).events]


@pytest.mark.parametrize("text", [
    "Bundespräsident Steinmeier gab am Donnerstag mit Srettha Thavisin eine gemeinsame Pressekonferenz.",
    "Die Regierung gab am Donnerstag bekannt, Steinmeier habe mit Srettha Thavisin telefoniert.",
])
def test_a_weekday_after_a_verb_ending_like_a_range_word_dates_the_event(text: str) -> None:
    # "gab am Donnerstag" holds no "ab am Donnerstag" (a span's start)
    [(_, sides, date)] = dated(text, "2024-01-26", "de")
    assert sides == {"germany", "thailand"} and date == "2024-01-25d"


def test_a_span_word_still_undates_the_day_after_it() -> None:
    text = "Russland fordert von der Ukraine ab Donnerstag eine Waffenruhe."
    [(_, _, date)] = dated(text, "2024-01-26", "de")
    assert date != "2024-01-25d"


@pytest.mark.parametrize("text, lang, date", [
    ("UN observers patrol the zone set up by the 1974 disengagement agreement between Israel and Syria.",
     "en", "1974-01-01y"),
    ("Peru and Colombia signed the treaty of 1922 in Lima.", "en", "1922-01-01y"),
    ("Das Abkommen von 1974 zwischen Israel und Syrien schuf eine Pufferzone.", "de", "1974-01-01y"),
])
def test_a_treaty_named_with_its_year_is_dated_by_it(text: str, lang: str, date: str) -> None:
    assert [d for kind, _, d in dated(text, "2024-12-10", lang) if kind == "AGREEMENT"] == [date]


def test_a_treaty_year_dates_no_other_event_of_its_sentence() -> None:
    text = ("Kishida and Yoon met in Tokyo on Thursday after long talks about the 1965 treaty "
            "between Japan and South Korea.")
    assert [d for kind, _, d in dated(text, "2023-03-17", "en") if kind == "MEETING"] == ["2023-03-16d"]


def test_the_two_countries_of_a_background_accord_are_the_states() -> None:
    # whoever led them then: Modi and Obama were not in office in 2008
    text = ("Modi welcomed Obama in New Delhi on Sunday. Picking up from a stalled 2008 civil nuclear "
            "agreement between the two countries, the new deal lets U.S. firms invest in India.")
    events = read_article(text, published=dt.date(2015, 1, 26), lang="en").events
    accord = [e for e in events if e.type is AGREEMENT and e.date and e.date.value.year == 2008]
    assert [sorted(e.participants) for e in accord] == [["india", "united-states"]]


@pytest.mark.parametrize("text, expected", [
    ("Cambodia received 600,000 doses of vaccine donated by China on Sunday.",
     [({"china"}, {"cambodia"})]),
    ("Ukraine received weapons provided by the United States and Britain.",
     [({"united-states", "united-kingdom"}, {"ukraine"})]),
])
def test_what_a_side_received_from_a_giver_named_after_by(text: str, expected: list) -> None:
    assert state_supplies(text, "2024-04-15") == expected


def test_people_from_a_list_of_states_after_the_verb_give_together() -> None:
    text = ("Zum Abschluss sagten unter anderem Vertreter aus Großbritannien, den USA und Saudi-Arabien "
            "dem Sudan zusätzliches Geld zu.")
    assert state_supplies(text, "2024-04-15", "de") == [
        ({"united-kingdom", "united-states", "saudi-arabia"}, {"sudan"})]


@pytest.mark.parametrize("text, lang, expected", [
    # a year of what is no accord stays no date ("the 2024 elections")
    ("Biden called Macron on Monday before the 2024 elections.", "en", [("CALL", {"united-states", "france"},
                                                                          "2024-01-15d")]),
    # received by someone, not from someone: no supply told
    ("The letter was received by Kyiv on Monday.", "en", []),
    # people from a state after the verb, and a receiver named after them
    ("Am Montag sagten Diplomaten aus Japan der Ukraine weitere Hilfe zu.", "de",
     [("SUPPORT", {"japan"}, "2024-01-15d")]),
])
def test_what_the_session_26_rules_leave_alone(text: str, lang: str, expected: list) -> None:
    assert dated(text, "2024-01-16", lang) == expected


@pytest.mark.parametrize("text, lang, addressees", [
    ("Erdogan said on Sunday that Sweden and Finland must hand over the suspects.", "en",
     {"sweden", "finland"}),
    ("Merkel sagte am Montag, Russland und die Ukraine müssten verhandeln.", "de", {"russia", "ukraine"}),
    ("»Russland und Belarus müssen ihre Truppen abziehen«, sagte Scholz am Montag.", "de",
     {"russia", "belarus"}),
])
def test_an_obligation_of_several_sides_asks_each(text: str, lang: str, addressees: set[str]) -> None:
    assert [to for kind, _, to in state_events(text, "2023-01-16", lang) if kind is DEMAND] == [addressees]


@pytest.mark.parametrize("text, lang", [
    ("Merkel sagte am Montag, Russland und die Ukraine müssten verhandeln.", "de"),
    ("Putin und Selenskyj müssen sich treffen, sagte Erdogan.", "de"),
    ("Biden and Xi need to talk more often, Blinken said on Monday.", "en"),
])
def test_talks_that_must_be_held_have_not_been(text: str, lang: str) -> None:
    assert [kind for kind, _, _ in state_events(text, "2023-01-16", lang) if kind in (MEETING, CALL)] == []


def test_talks_held_stay_talks_whatever_must_follow() -> None:
    text = "Biden and Xi met in Bali on Monday, and both said their teams must now deliver."
    assert state_sides(text, "2022-11-15", MEETING) == [{"united-states", "china"}]


@pytest.mark.parametrize("text, lang", [
    ("Putin phoned Azerbaijan's President Ilham Aliyev and Armenia's President Serzh Sargsyan on Tuesday.",
     "en"),
    ("Putin rief am Dienstag Aliyev und Sargsjan an.", "de"),
    ("Der Kreml teilte am Dienstag mit, Putin habe mit dem aserbaidschanischen Präsidenten Aliyev und dem "
     "armenischen Präsidenten Sargsjan telefoniert.", "de"),
])
def test_a_caller_who_phoned_two_leaders_had_two_calls(text: str, lang: str) -> None:
    assert sorted(sorted(s) for s in state_sides(text, "2016-04-05", CALL)) == [
        ["armenia", "russia"], ["azerbaijan", "russia"]]


@pytest.mark.parametrize("text, lang", [
    ("Biden and Scholz phoned Macron on Tuesday.", "en"),
    ("Scholz hat am Dienstag mit Macron und Biden gemeinsam telefoniert.", "de"),
])
def test_a_call_of_three_stays_one(text: str, lang: str) -> None:
    assert state_sides(text, "2016-04-05", CALL) == [{"germany", "france", "united-states"}]


@pytest.mark.parametrize("text, lang", [
    ("He urged Washington to cease military contact with Taiwan, which China considers as a renegade "
     "province.", "en"),
    ("The US sold arms to Taiwan, which Beijing claims as its own territory.", "en"),
])
def test_a_state_a_relative_clause_hangs_on_is_what_its_subject_claims(text: str, lang: str) -> None:
    article = read_article(text, published=dt.date(2016, 12, 3), lang=lang)
    assert [(e.participants, e.territories) for e in article.events if e.type is CLAIM] == [
        (["china"], ["taiwan"])]


@pytest.mark.parametrize("text, expected", [
    # the antecedent is the claimant when the relative has no subject of its own
    ("China, which regards Taiwan as a renegade province, protested the sale.", [(["china"], ["taiwan"])]),
    # a relative without a subject of its own describes the state: no claim on it
    ("The US sold arms to Taiwan, which considers itself a sovereign state.", []),
])
def test_a_relative_clause_without_its_own_subject_claims_no_antecedent(text: str, expected: list) -> None:
    article = read_article(text, published=dt.date(2016, 12, 3), lang="en")
    assert [(e.participants, e.territories) for e in article.events if e.type is CLAIM] == expected


@pytest.mark.parametrize("text, lang", [
    ("Die USA liefern Waffen an Taiwan, das von China beansprucht wird.", "de"),
    ("The US sold arms to Taiwan, which Beijing claims as its own.", "en"),
])
def test_a_state_a_relative_clause_hangs_on_is_claimed_by_its_agent(text: str, lang: str) -> None:
    article = read_article(text, published=dt.date(2016, 12, 3), lang=lang)
    assert [(e.participants, e.territories) for e in article.events if e.type is CLAIM] == [
        (["china"], ["taiwan"])]


def test_a_german_relative_pronoun_that_may_be_the_subject_claims_nothing_by_guess() -> None:
    # "China, das Taiwan beansprucht": the pronoun may be subject or object; only an agent
    # ("von China") tells who claims the state the clause hangs on
    article = read_article("China, das Taiwan beansprucht, protestierte am Montag.",
                           published=dt.date(2016, 12, 3), lang="de")
    assert [(e.participants, e.territories) for e in article.events if e.type is CLAIM] == []


@pytest.mark.parametrize("text, kind, expected", [
    # "sie" right after an inverted singular verb is the woman told before
    ("Verteidigungsministerin Ursula von der Leyen besuchte am Sonntag Niger. Zudem übergab sie "
     "Lastwagen an die nigrischen Streitkräfte.", SUPPORT, [{"germany"}]),
    ("Kanzlerin Merkel reiste am Montag nach Albanien. In der Hauptstadt Tirana traf sie Regierungschef "
     "Edi Rama.", MEETING, [{"germany", "albania"}]),
])
def test_sie_after_an_inverted_singular_verb_is_the_woman_told_before(text: str, kind: EventType,
                                                                        expected: list[set[str]]) -> None:
    assert [s for s in state_sides(text, "2018-11-12", kind) if s != {"germany", "niger"}] == expected


@pytest.mark.parametrize("text, expected", [
    # after a subject of its own, "sie" is the object
    ("Die Inseln sind seit 1945 besetzt, Japan verlangt sie zurück.", [({"japan"}, set())]),
    # a plural verb: "sie" are they
    ("Merkel und Macron reisten nach Peking. Dort trafen sie Xi Jinping.", []),
])
def test_sie_that_is_no_woman_told_before(text: str, expected: list) -> None:
    assert state_demands(text, "2018-11-12") == expected


@pytest.mark.parametrize("text, lang, expected", [
    # a surname after another state's adjective and a role is that state's person
    ("Von der Leyen traf am Sonntag den nigrischen Verteidigungsminister Kalla Moutari.", "de",
     [{"germany", "niger"}]),
    ("Von der Leyen met her Nigerien counterpart Kalla Moutari on Sunday.", "en", [{"germany", "niger"}]),
    # the state's own person keeps the name
    ("Scholz traf am Sonntag seinen französischen Amtskollegen Macron.", "de", [{"germany", "france"}]),
    ("Biden met his French counterpart Macron on Sunday.", "en", [{"united-states", "france"}]),
])
def test_a_surname_after_another_states_role_is_that_states_person(text: str, lang: str,
                                                                    expected: list[set[str]]) -> None:
    assert [s for kind, s, _ in state_events(text, "2018-11-12", lang) if kind is MEETING] == expected


def test_a_mountain_peak_is_no_summit() -> None:
    text = ("Dafür profitierte Kroatien von Begradigungen der Landgrenze mit Slowenien und erhielt den "
            "strategisch wichtigen Berggipfel Trdinov vrh zugesprochen.")
    assert state_sides(text, "2017-06-29", MEETING) == []
    assert state_sides("Merkel und Macron trafen sich am Donnerstag beim EU-Gipfel in Brüssel.", "2017-06-29",
                       MEETING) == [{"germany", "france"}]


# --- session 26: what an independent review found the new rules must leave alone -----------
@pytest.mark.parametrize("text, lang, expected", [
    # a treaty's year dates its treaty only when nothing else dates the event
    ("Serbia and Kosovo signed a 2025 trade deal on Monday.", "en", [("AGREEMENT", {"serbia", "kosovo"},
                                                                       "2024-03-04d")]),
    ("Japan and South Korea signed an agreement from 2024 onwards on Monday.", "en",
     [("AGREEMENT", {"japan", "south-korea"}, "2024-03-04d")]),
    # "the leaders of the two countries" are the leaders (as the states they lead here)
    ("Putin and Erdogan met in Sochi on Monday. The leaders of the two countries agreed to extend the "
     "grain deal.", "en", [("MEETING", {"russia", "turkey"}, "2024-03-04d"),
                           ("AGREEMENT", {"russia", "turkey"}, "2024-03-04d")]),
    # "claims" that says, not claims
    ("Moscow launched missiles at Ukraine, which Russia claims is run by extremists.", "en", []),
    # a call that had to be made was made
    ("Scholz musste am Montag mit Putin telefonieren, nachdem der Gasstreit eskaliert war.", "de",
     [("CALL", {"germany", "russia"}, "2024-03-04d")]),
    # "by rail", "sent by" an attacker: no giver
    ("Ukraine received ammunition delivered by rail through Poland on Tuesday.", "en", []),
    ("Ukraine received drones sent by Russia overnight, the air force said.", "en", []),
    # "sind sie" are they
    ("Baerbock traf am Montag die Außenminister Polens und Litauens. Am Dienstag sind sie nach Kiew "
     "gereist.", "de", [("MEETING", {"germany", "poland", "lithuania"}, "2024-03-04d")]),
])
def test_what_the_session_26_rules_must_leave_alone(text: str, lang: str, expected: list) -> None:
    assert dated(text, "2024-03-05", lang) == expected


@pytest.mark.parametrize("text, lang", [
    ("'Russia and Ukraine must negotiate,' Putin said on Monday.", "en"),
    ("Putin said on Monday that Russia and Ukraine must negotiate.", "en"),
    ("»Brasilien und Venezuela müssen vereint sein«, sagte Maduro am Montag.", "de"),
])
def test_an_obligation_the_speakers_own_side_shares_asks_no_one(text: str, lang: str) -> None:
    assert [to for kind, _, to in state_events(text, "2024-03-05", lang) if kind is DEMAND] == []


def test_trucks_beside_the_goods_they_carry_are_no_kind_of_their_own() -> None:
    article = read_article("Egypt sent 200 trucks of food aid to Gaza on Monday.",
                           published=dt.date(2024, 3, 5), lang="en")
    assert [e.support_kind for e in article.events if e.type is SUPPORT] == ["humanitarian"]


def test_what_givers_pledge_at_a_conference_for_a_state_goes_to_it() -> None:
    text = ("Bei einer internationalen Konferenz zum Sudan haben Geber am Montag Hunderte Millionen Euro "
            "zugesagt. Der Sudan leidet seit einem Jahr unter dem Krieg. Im Sudan sind Millionen Menschen "
            "auf der Flucht. Deutschland kündigte Hilfsgelder in Höhe von 244 Millionen Euro an. Die USA "
            "sagten 94 Millionen Euro zu.")
    assert state_supplies(text, "2024-04-15", "de") == [({"germany"}, {"sudan"}),
                                                        ({"united-states"}, {"sudan"})]


@pytest.mark.parametrize("text, lang", [
    # a press conference is held for no one
    ("Bei einer Pressekonferenz zum Iran sagte Deutschland am Montag weitere 50 Millionen Euro zu.", "de"),
    ("Biden spoke at a news conference on Iran on Monday. Germany pledged 50 million euros.", "en"),
])
def test_a_press_conference_on_a_state_names_no_receiver(text: str, lang: str) -> None:
    assert state_supplies(text, "2024-04-15", lang) == [({"germany"}, set())]


# --- session 27 -----------------------------------------------------------------------------
def kinds_and_sides(text: str, published: str, lang: str) -> list[tuple[str, set[str]]]:
    """(type, sides) of every event read: `dated` without the dates."""
    return [(kind, sides) for kind, sides, _ in dated(text, published, lang)]


def asked(text: str, published: str, lang: str) -> list[tuple[set[str], set[str]]]:
    """(demanders, addressees) of every demand read, as the states they stood for that day."""
    gaz, day = load_gazetteer(), dt.date.fromisoformat(published)
    return [(gaz.states_of(e.participants, day), gaz.states_of(e.addressees, day))
            for e in read_article(text, published=day, lang=lang).events if e.type is DEMAND]


@pytest.mark.parametrize("text, lang", [
    ("Presidents Emmanuel Macron of France and Olaf Scholz of Germany met Xi Jinping in Beijing on Monday.",
     "en"),
    ("Serzh Sarkisian of Armenia and Ilham Aliyev of Azerbaijan met Xi Jinping in Beijing on Monday.", "en"),
])
def test_a_leader_listed_after_another_leaders_state_is_a_side(text: str, lang: str) -> None:
    # "A of X and B of Y": B is coordinated with A, not with A's state after "of"
    [(kind, sides, _)] = dated(text, "2023-04-04", lang)
    assert kind == "MEETING" and len(sides) == 3 and "china" in sides


@pytest.mark.parametrize("text, lang, published, parties", [
    ("Bahrain and Qatar restored ties in April. It followed an agreement in January, facilitated by "
     "Kuwait, to resume diplomatic relations.", "en", "2023-04-04", {"bahrain", "qatar"}),
    # the agent before a German participle
    ("Armenien und Aserbaidschan haben am Freitag ein von den USA vermitteltes Friedensabkommen "
     "unterzeichnet.", "de", "2025-08-09", {"armenia", "azerbaijan"}),
])
def test_who_facilitated_an_accord_is_no_side_of_it(text: str, lang: str, published: str,
                                                    parties: set) -> None:
    assert kinds_and_sides(text, published, lang) == [("AGREEMENT", parties)]


def test_a_broker_present_at_the_signing_stays_a_side() -> None:
    text = ("Armenia and Azerbaijan reached a deal on Monday. The agreement, brokered by Qatar, was signed "
            "in Doha in the presence of Emir Tamim bin Hamad Al Thani.")
    [(kind, sides, _)] = dated(text, "2025-06-24", "en")
    assert kind == "AGREEMENT" and sides == {"armenia", "azerbaijan", "qatar"}


@pytest.mark.parametrize("text, expected", [
    # a headline of a bare participle names whom it asks before "zu", not who asks
    ("Iran zur Freilassung der Seeleute aufgefordert", []),
    ("Kanada hat Indien zur Zusammenarbeit aufgerufen.", [({"canada"}, {"india"})]),
])
def test_a_participle_headline_asks_the_name_before_zu(text: str, expected: list) -> None:
    assert asked(text, "2023-04-04", "de") == expected


@pytest.mark.parametrize("text, lang", [
    ("Der frühere Präsident Evo Morales hat in Mexiko Asyl beantragt.", "de"),
    ("Former president Evo Morales requested asylum in Mexico on Monday.", "en"),
])
def test_a_plea_for_asylum_is_no_states_demand(text: str, lang: str) -> None:
    assert asked(text, "2019-11-12", lang) == []


def test_a_call_during_which_leaders_stressed_efforts_took_place() -> None:
    text = ("Emir Tamim congratulated President Erdogan on his re-election on Monday. The two leaders "
            "stressed during a phone call the importance of continuing efforts to expand trade.")
    assert kinds_and_sides(text, "2023-05-30", "en") == [("CALL", {"qatar", "turkey"})]


def test_a_sides_adjective_in_an_earlier_clause_lends_no_cue_to_its_talks() -> None:
    text = ('Polnische Abgeordnete könnten das Lager besuchen, "nicht aber Kiew", sagte der ukrainische '
            "Außenminister Dmytro Kuleba am Montag nach einem Gespräch mit seinem polnischen Kollegen "
            "Zbigniew Rau in Warschau.")
    assert kinds_and_sides(text, "2023-04-04", "de") == [("MEETING", {"ukraine", "poland"})]


def test_that_after_a_name_before_its_verb_opens_a_relative_clause() -> None:
    # the main clause's date is the pledge's, not the report's day
    text = ("In March 2019, the African Union that is based in Ethiopia pledged to give $1 billion in "
            "aid to Sudan.")
    article = read_article(text, published=dt.date(2023, 4, 4), lang="en")
    assert [e.date.value.isoformat() + e.date.precision.value[0] for e in article.events
            if e.type is SUPPORT] == ["2019-03-01m"]


def test_pressing_hard_on_claims_is_no_demand() -> None:
    text = "The pact is likely to irk China, which is pressing hard on claims to the whole sea."
    assert asked(text, "2023-04-04", "en") == []


@pytest.mark.parametrize("text, lang", [
    ("Conceding defeat, Jair Bolsonaro urged his backers to stay calm for the sake of Brazil.", "en"),
    ("Präsident Vucic wiederholte seine Aufforderung an die Öffentlichkeit, über die Lage in Serbien "
     "nachzudenken.", "de"),
])
def test_an_appeal_to_ones_own_followers_asks_no_state(text: str, lang: str) -> None:
    assert asked(text, "2023-05-30", lang) == []


@pytest.mark.parametrize("text", [
    "Man habe Russland wiederholt aufgefordert, die Gefangenen freizulassen, sagte Außenministerin Baerbock.",
    "Deshalb habe man Russland aufgefordert, die Gefangenen freizulassen, sagte Außenministerin Baerbock.",
    "Man fordere Russland auf, die Gefangenen freizulassen, sagte Außenministerin Baerbock.",
])
def test_the_impersonal_man_asks_for_whoever_reports_it(text: str) -> None:
    assert asked(text, "2023-04-04", "de") == [({"germany"}, {"russia"})]


@pytest.mark.parametrize("text, expected", [
    # a weekday with a travel verb in the present is a coming trip (published on a Thursday)
    ("Am Freitag reist Kanzler Scholz nach Indien weiter.", []),
    ("Am Samstag reist Baerbock nach Japan, wo der Gipfel der G7 stattfindet.", []),
    ("Am Freitag trifft Kanzler Scholz in Washington Präsident Biden.", []),
    # past and perfect tell a trip that was made
    ("Am Montag reiste Kanzler Scholz nach Indien.", [("MEETING", {"germany", "india"}, "2023-02-20d")]),
    ("Am Montag ist Kanzler Scholz nach Indien gereist.", [("MEETING", {"germany", "india"}, "2023-02-20d")]),
])
def test_a_german_present_trip_on_a_weekday_is_still_to_come(text: str, expected: list) -> None:
    assert dated(text, "2023-02-23", "de") == expected


@pytest.mark.parametrize("text, lang", [
    ("Präsident Putin rief die Staatschefs Armeniens und Aserbaidschans, Serzh Sarksyan und Ilham Aliyev, "
     "am Dienstag bei Telefonaten zu einer Waffenruhe auf.", "de"),
    ("Putin urged Serzh Sargsyan and Ilham Aliyev in phone calls on Tuesday to stop the fighting.", "en"),
])
def test_calls_in_the_plural_are_one_call_with_each(text: str, lang: str) -> None:
    calls = [sides for kind, sides, _ in dated(text, "2016-04-05", lang) if kind == "CALL"]
    assert sorted(calls, key=sorted) == [{"russia", "armenia"}, {"russia", "azerbaijan"}]


def test_a_demand_noun_whose_verb_is_negated_is_no_demand() -> None:
    text = "Konkrete Forderungen habe Xi jedoch nicht gestellt, hieß es am Mittwoch."
    assert asked(text, "2025-11-27", "de") == []


def test_a_demand_noun_with_its_verb_is_a_demand() -> None:
    text = "Xi habe am Dienstag Forderungen an Japan gestellt, hieß es am Mittwoch."
    assert asked(text, "2025-11-27", "de") == [({"china"}, {"japan"})]


def test_a_call_with_one_end_told_is_with_whom_that_side_just_asked() -> None:
    text = ("Präsident Biden hat Premierminister Kishida gebeten, die Exporte nach China zu begrenzen. "
            "Biden habe in einem Telefonat am Dienstag seinen Wunsch erklärt, sagten Regierungsvertreter.")
    assert [(k, s) for k, s in kinds_and_sides(text, "2023-01-18", "de") if k == "CALL"] == \
        [("CALL", {"united-states", "japan"})]


@pytest.mark.parametrize("text, lang, expected", [
    ("The Chilean Foreign Ministry on Monday ordered Venezuelan diplomats to leave the country.", "en",
     [({"chile"}, {"venezuela"})]),
    ("Das kubanische Außenministerium forderte die USA am Montag auf, die Sanktionen aufzuheben.", "de",
     [({"cuba"}, {"united-states"})]),
])
def test_a_states_ministry_asks_for_that_state(text: str, lang: str, expected: list) -> None:
    assert asked(text, "2024-07-30", lang) == expected


def test_an_obligation_told_at_length_before_its_speaker_is_still_asked() -> None:
    text = ('Serbia and Kosovo must hand over up to 40 suspects to the court in The Hague before the EU '
            'approves their applications to open accession talks, the Italian foreign minister '
            'Antonio Tajani has said.')
    assert ({"italy"}, {"serbia", "kosovo"}) in asked(text, "2024-07-30", "en")


@pytest.mark.parametrize("text, lang", [
    ("Kanzler Scholz hat in einem Gespräch mit Präsident Erdogan eine rasche Freilassung der Geiseln "
     "der Hamas gefordert.", "de"),
    ("In talks with President Erdogan, Chancellor Scholz demanded the release of the hostages held by "
     "Hamas.", "en"),
])
def test_the_captor_is_asked_to_free_captives_not_the_partner_of_the_talks(text: str, lang: str) -> None:
    article = read_article(text, published=dt.date(2023, 10, 20), lang=lang)
    assert [(e.participants, e.addressees) for e in article.events if e.type is DEMAND] == \
        [(["olaf-scholz"], ["hamas"])]
    assert [set(e.participants) for e in article.events if e.type is MEETING] == \
        [{"olaf-scholz", "recep-tayyip-erdogan"}]


@pytest.mark.parametrize("text, lang", [
    ("In talks with President Macron, Biden urged Russia to withdraw its troops.", "en"),
    # a German subject after the fronted verb stays one
    ("Bei einem Treffen mit Präsident Macron forderte Präsident Biden Russland zum Abzug auf.", "de"),
])
def test_names_of_an_opening_phrase_of_talks_do_not_demand(text: str, lang: str) -> None:
    assert asked(text, "2023-10-20", lang) == [({"united-states"}, {"russia"})]
    assert [s for k, s, _ in dated(text, "2023-10-20", lang) if k == "MEETING"] == \
        [{"united-states", "france"}]


def test_a_name_inside_what_the_two_agreed_is_no_side() -> None:
    text = ("President Biden congratulated Japan's new prime minister Fumio Kishida on his victory, and "
            "the two agreed to work closely in dealing with China.")
    assert kinds_and_sides(text, "2021-10-05", "en") == \
        [("AGREEMENT", {"united-states", "japan"})]


@pytest.mark.parametrize("text, lang", [
    ("Im März hatte Mali eine Vereinbarung über Zusammenarbeit mit Frankreich gekündigt.", "de"),
    ("In March Mali terminated an agreement on military cooperation with France.", "en"),
])
def test_an_accord_ended_is_no_accord_made(text: str, lang: str) -> None:
    assert [k for k, _, _ in dated(text, "2022-05-03", lang)] == []


# --- session 27: what an independent review found the new rules must leave alone -----------
@pytest.mark.parametrize("text, lang, expected", [
    # one asked to help free captives is asked; a genitive of belonging is no captor
    ("Biden called on Qatar to help secure the release of the hostages held by Hamas.", "en",
     [({"united-states"}, {"qatar"})]),
    ("Scholz forderte von Russland die Freilassung der Soldaten der Ukraine.", "de",
     [({"germany"}, {"russia"})]),
    # asylum seekers and asylum applications are what is asked about, not a plea
    ("Scholz urged Italy to register asylum seekers.", "en", [({"germany"}, {"italy"})]),
    ("Die Bundesregierung forderte Polen auf, Asylanträge zu prüfen.", "de", [({"germany"}, {"poland"})]),
    # a negation inside what is demanded does not undo the demand
    ("Russia's demand that Ukraine never join NATO was raised again by Lavrov on Monday.", "en",
     [({"russia"}, {"ukraine"})]),
    # a verb-final "aufrief" is no headline participle
    ("Die Lage entspannte sich erst, als Scholz zur Besonnenheit aufrief.", "de", [({"germany"}, set())]),
    # the backers of another are not one's own people
    ("Erdogan called on the backers of Hamas to pressure the group to free the hostages.", "en",
     [({"turkey"}, set())]),
])
def test_demands_the_session_27_rules_must_leave_alone(text: str, lang: str, expected: list) -> None:
    assert asked(text, "2024-03-05", lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # the subject after a fronted phrase of talks is a side of them
    ("Bei einem Treffen mit Macron hat Scholz Russland zum Abzug aufgefordert.", "de",
     [("MEETING", {"germany", "france"}), ("DEMAND", {"germany"})]),
    ("In einem Telefonat mit Erdogan hat Scholz am Montag die Freilassung der Geiseln gefordert.", "de",
     [("CALL", {"germany", "turkey"}), ("DEMAND", {"germany"})]),
    # a call with a partner of its own, or after an event of another day, is with no one told before
    ("Kanzler Scholz traf am Montag Präsident Macron in Paris. Am Dienstag telefonierte Scholz dann mit "
     "dem Papst.", "de", [("MEETING", {"germany", "france"})]),
    ("Macron urged Xi to press Russia over Ukraine on Monday. Macron said in a phone call on Tuesday that "
     "Europe would stay united.", "en", [("DEMAND", {"france"})]),
    # a mediation phrase of one side's list is not its head: "…the United States, facilitated by Turkey"
    ("The prisoner swap between Russia and the United States, facilitated by Turkey, took place on Thursday.",
     "en", [("AGREEMENT", {"russia", "united-states"})]),
    # a noun, or an infinitive after a modal, tells no coming trip
    ("Am Montag musste Scholz überraschend nach Paris reisen und traf dort Macron.", "de",
     [("MEETING", {"germany", "france"})]),
    ("Am Montag traf Scholz nach mehreren Reisen in die Region in Doha den Emir von Katar.", "de",
     [("MEETING", {"germany", "qatar"})]),
    # asking Congress for aid gives no aid
    ("Biden pressed Congress to approve aid to Ukraine.", "en", [("DEMAND", {"united-states"})]),
])
def test_events_the_session_27_rules_must_leave_alone(text: str, lang: str, expected: list) -> None:
    assert kinds_and_sides(text, "2023-02-23", lang) == expected


def test_a_visits_host_may_follow_its_guests_name_in_commas() -> None:
    text = ("Bei einem Besuch des Emirs von Katar, Scheich Tamim bin Hamad Al Thani, am Freitag in Berlin "
            "hieß es, Katar wolle bald Gas liefern.")
    assert [(k, s) for k, s in kinds_and_sides(text, "2022-05-22", "de") if k == "MEETING"] == \
        [("MEETING", {"qatar", "germany"})]


def test_a_list_ends_where_no_joiner_follows_its_last_name() -> None:
    text = "Bei einem Treffen mit Macron haben Scholz und Meloni Russland zum Abzug aufgefordert."
    assert [(k, s) for k, s in kinds_and_sides(text, "2023-10-20", "de") if k == "MEETING"] == \
        [("MEETING", {"france", "germany", "italy"})]


@pytest.mark.parametrize("text, expected", [
    ("Beim China-Besuch von Kanzler Scholz am Freitag ging es um Handel.", {"germany", "china"}),
    ("Beim Panama-Besuch von US-Außenminister Rubio am Sonntag ging es um den Kanal.",
     {"united-states", "panama"}),
])
def test_a_compound_visit_noun_names_its_host_before_the_hyphen(text: str, expected: set) -> None:
    assert kinds_and_sides(text, "2025-04-11", "de") == [("MEETING", expected)]


def test_a_former_president_named_in_the_background_is_his_state_then() -> None:
    text = "Bill Clinton was the last sitting U.S. president to visit Argentina, in 1997."
    assert dated(text, "2016-03-23", "en") == [("MEETING", {"united-states", "argentina"}, "1997-01-01y")]


@pytest.mark.parametrize("text, lang", [
    ("Putin said the two countries should deepen their cooperation in energy.", "en"),
    ("Erdogan sagte, beide Länder müssten ihre Zusammenarbeit vertiefen.", "de"),
    ("France and Italy urged their nationals to leave the country at once.", "en"),
])
def test_a_duty_of_the_speakers_own_pair_or_people_asks_no_state(text: str, lang: str) -> None:
    assert asked(text, "2024-03-05", lang) == []


# --- session 28 -----------------------------------------------------------------------------
def participants_of(text: str, published: str, lang: str, kind: EventType) -> list[list[str]]:
    """The participants of each event of a kind, as read (a leader or the state itself)."""
    article = read_article(text, published=dt.date.fromisoformat(published), lang=lang)
    return [e.participants for e in article.events if e.type is kind]


@pytest.mark.parametrize("text, published, lang, expected", [
    # a minister who led the government years later: his state that day, not himself
    ("Japan's Defence Minister Shigeru Ishiba met Chinese Defence Minister Cao Gangchuan in Tokyo on Friday.",
     "2008-05-10", "en", ["japan", "china"]),
    ("Japans Verteidigungsminister Shigeru Ishiba traf am Freitag in Tokio den chinesischen "
     "Verteidigungsminister Cao Gangchuan.", "2008-05-10", "de", ["japan", "china"]),
    # (in the office the gazetteer lists, the leader himself)
    ("Japan's Prime Minister Shigeru Ishiba met Chinese Premier Li Qiang in Vientiane on Thursday.",
     "2024-10-12", "en", ["shigeru-ishiba", "li-qiang"]),
])
def test_a_minister_who_led_at_another_time_speaks_for_his_state(text: str, published: str, lang: str,
                                                                 expected: list) -> None:
    assert participants_of(text, published, lang, MEETING) == [expected]


@pytest.mark.parametrize("text, lang, expected", [
    ("Belarus müsse die inhaftierten Journalisten sofort freilassen, teilte das Auswärtige Amt mit.", "de",
     [({"germany"}, {"belarus"})]),
    ("Serbien müsse die Blockade der Grenze beenden, so Kosovos Premier Kurti.", "de",
     [({"kosovo"}, {"serbia"})]),
    # (a name after the modal in a phrase of its own is not who is bound)
    ("Das Abkommen solle den Handel mit Vietnam erleichtern, teilte Tokio mit.", "de", []),
])
def test_an_obligation_attributed_after_it_is_the_speakers_demand(text: str, lang: str,
                                                                   expected: list) -> None:
    assert asked(text, "2023-05-10", lang) == expected


@pytest.mark.parametrize("text, expected", [
    ("Lula called on President Ramaphosa in Pretoria on Monday.", [("MEETING", {"brazil", "south-africa"})]),
    ("During the visit Lula also called on President Ramaphosa.", [("MEETING", {"brazil", "south-africa"})]),
    ("Lula called on President Ramaphosa to join the initiative.", [("DEMAND", {"brazil"})]),
    ("Lula called on South Africa on Monday for a ceasefire.", [("DEMAND", {"brazil"})]),
])
def test_calling_on_a_person_with_nothing_asked_is_a_visit(text: str, expected: list) -> None:
    assert kinds_and_sides(text, "2023-08-21", "en") == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("Japan signed similar agreements with Vietnam, Indonesia and the Philippines.", "en",
     [{"japan", "vietnam"}, {"japan", "indonesia"}, {"japan", "philippines"}]),
    ("Entsprechende Verträge unterzeichnete Indien auch mit Nepal und Bhutan.", "de",
     [{"india", "nepal"}, {"india", "bhutan"}]),
    # (one accord, in the singular, is one accord of all)
    ("Japan signed an agreement with Vietnam, Indonesia and the Philippines.", "en",
     [{"japan", "vietnam", "indonesia", "philippines"}]),
])
def test_accords_in_the_plural_with_a_list_are_one_with_each(text: str, lang: str, expected: list) -> None:
    assert [s for k, s in kinds_and_sides(text, "2023-05-10", lang) if k == "AGREEMENT"] == expected


@pytest.mark.parametrize("text, lang", [
    ("Ramaphosa and Lula reaffirmed their commitment to regular high-level meetings.", "en"),
    ("Ramaphosa und Lula vereinbarten regelmäßige Treffen der Außenminister.", "de"),
])
def test_meetings_promised_as_a_habit_are_no_meeting(text: str, lang: str) -> None:
    assert "MEETING" not in [k for k, _ in kinds_and_sides(text, "2023-08-21", lang)]


@pytest.mark.parametrize("text, lang, expected", [
    ("Lula opened the bridge on Friday in the presence of his Paraguayan counterpart.", "en",
     [{"brazil", "paraguay"}]),
    ("Im Beisein von Macron sprach Scholz am Montag in Paris über Europa.", "de", [{"france", "germany"}]),
    ("The accord was signed in the presence of Modi and Hasina on Saturday.", "en",
     [{"india", "bangladesh"}]),
    # (onlookers of one state at a signing told in the passive meet no one)
    ("The accord was signed in the presence of Erdogan and Guterres on Saturday.", "en", []),
])
def test_being_present_with_another_leader_is_a_meeting(text: str, lang: str, expected: list) -> None:
    assert [s for k, s in kinds_and_sides(text, "2023-06-10", lang) if k == "MEETING"] == expected


@pytest.mark.parametrize("text", [
    "Kritiker haben Scholz aufgefordert, die Lieferungen zu stoppen.",
    "Menschenrechtsgruppen forderten Macron auf, das Thema in Peking anzusprechen.",
    "Die Opposition hat Meloni aufgefordert, zurückzutreten.",
    # (a demand by people the sentence does not name)
    "Lula begründete den Schritt mit Forderungen von Landwirten.",
    "Lula pointed to demands by farmers for lower tariffs.",
])
def test_a_demand_by_someone_unnamed_is_no_demand_of_the_named(text: str) -> None:
    lang = "en" if " by " in text else "de"
    assert [demanders for demanders, _ in asked(text, "2023-03-02", lang) if demanders] == []


@pytest.mark.parametrize("text, expected", [
    ("Scholz hat Putin aufgefordert, die Truppen abzuziehen.", [({"germany"}, {"russia"})]),
    ("Gestern hat Scholz Russland aufgefordert, die Truppen abzuziehen.", [({"germany"}, {"russia"})]),
    ("Die Bundesregierung hat Russland aufgefordert, die Truppen abzuziehen.", [({"germany"}, {"russia"})]),
    ("Brasiliens Präsident hat Russland aufgefordert, die Truppen abzuziehen.", [({"brazil"}, {"russia"})]),
])
def test_a_named_subject_before_the_auxiliary_still_demands(text: str, expected: list) -> None:
    assert asked(text, "2023-03-02", "de") == expected


def test_a_headline_names_leaders_by_the_surnames_its_lead_gives_in_full() -> None:
    text = ("Ruto, Ramaphosa stress closer cooperation with China in first phone call\n\n"
            "Kenyan President William Ruto held his first phone call with South African President "
            "Cyril Ramaphosa on Monday, his office said.")
    assert kinds_and_sides(text, "2022-09-20", "en") == [("CALL", {"kenya", "south-africa"})]


@pytest.mark.parametrize("text, lang, expected", [
    ("Ruto and Ramaphosa stressed their cooperation with China in a phone call on Monday.", "en",
     [("CALL", {"kenya", "south-africa"})]),
    ("Ruto und Ramaphosa betonten am Montag in einem Telefonat die Zusammenarbeit mit China.", "de",
     [("CALL", {"kenya", "south-africa"})]),
    # (with one side named, the name after "cooperation with" is the partner)
    ("Ruto discussed cooperation with Ramaphosa in Pretoria on Monday.", "en",
     [("MEETING", {"kenya", "south-africa"})]),
])
def test_the_partner_of_ties_two_sides_spoke_of_is_no_side(text: str, lang: str, expected: list) -> None:
    assert kinds_and_sides(text, "2022-09-20", lang) == expected


@pytest.mark.parametrize("text, expected", [
    ("Die Regierung in Oslo liefert Waffen an die Ukrainer.", {"ukraine"}),
    ("Japan schickte Hilfsgüter an die Syrer.", {"syria"}),
])
def test_a_german_people_noun_receives_for_its_state(text: str, expected: set) -> None:
    gaz, day = load_gazetteer(), dt.date(2023, 3, 1)
    events = read_article(text, published=day, lang="de").events
    assert [gaz.states_of(e.addressees, day) for e in events if e.type is SUPPORT] == [expected]


def test_a_word_that_is_also_a_people_noun_is_no_state() -> None:
    assert "mali" not in {m.entity for m in read_article(
        "Die Maler in Berlin stellten ihre Bilder aus.", published=dt.date(2023, 3, 1), lang="de").mentions}


@pytest.mark.parametrize("text, expected", [
    ("Lula hat zu einem sofortigen Waffenstillstand zwischen Äthiopien und Eritrea aufgerufen.", []),
    ("Lula rief zu einer Waffenruhe zwischen Äthiopien und Eritrea auf.", []),
    # (an accord the sides made, whoever asked for it)
    ("Äthiopien und Eritrea haben einen Waffenstillstand vereinbart.", [{"ethiopia", "eritrea"}]),
])
def test_an_accord_called_for_is_no_accord(text: str, expected: list) -> None:
    assert [s for k, s in kinds_and_sides(text, "2023-05-10", "de") if k == "AGREEMENT"] == expected


@pytest.mark.parametrize("text, lang", [
    ("Serbien verhandelt derzeit mit Frankreich über den Kauf von Kampfjets.", "de"),
    ("Serbia is currently negotiating with France over the purchase of fighter jets.", "en"),
])
def test_negotiations_told_as_going_on_are_no_meeting(text: str, lang: str) -> None:
    assert kinds_and_sides(text, "2022-04-30", lang) == []


# --- session 28: what an independent review found the new rules must leave alone -----------
@pytest.mark.parametrize("text, lang, expected", [
    # a subject right after the verb is named, whatever comes first
    ("Zunächst forderte Scholz Putin auf, die Truppen abzuziehen.", "de", [("DEMAND", {"germany"})]),
    ("Einen Waffenstillstand forderte Macron von Putin.", "de", [("DEMAND", {"france"})]),
    ("Zurückhaltung hat Biden von Netanjahu gefordert.", "de", [("DEMAND", {"united-states"})]),
    ("Scholz erneuerte seine Forderung von vergangener Woche an Russland, die Truppen abzuziehen.", "de",
     [("DEMAND", {"germany"})]),
    # an appeal by other means than "to" stays an appeal
    ("Scholz called on Putin: withdraw your troops.", "en", [("DEMAND", {"germany"})]),
    ("Macron called on Xi, warning against any arms deliveries.", "en", [("DEMAND", {"france"})]),
    ("Scholz called on Putin in an open letter published on Friday.", "en", [("DEMAND", {"germany"})]),
    # forecasts, schedules, abilities and "so dass" ask no one
    ("Germany's economy should shrink this year, according to the IMF.", "en", []),
    ("Macron solle am Freitag in Berlin eintreffen, teilte die Bundesregierung mit.", "de", []),
    ("Serbien müsse die Blockade beenden, so dass der Handel mit dem Kosovo wieder möglich werde.", "de", []),
    ("Israel müsse sich verteidigen können, so Scholz.", "de", []),
    ("Jetzt müsse die Regierung in Moskau einlenken, sagte Scholz.", "de", [("DEMAND", {"germany"})]),
    # an aid service and refugees visited are no states
    ("Die Malteser schickten am Montag Hilfsgüter in die Türkei.", "de", []),
    ("Scholz besuchte am Montag die Ukrainer in einer Flüchtlingsunterkunft in Berlin.", "de", []),
    # a regular summit held on a day was held; a leader after "relations with" is met
    ("Modi and Kishida held their regular summit in Tokyo on Monday.", "en",
     [("MEETING", {"india", "japan"})]),
    ("Macron and von der Leyen discussed relations with Xi Jinping in Beijing on Thursday.", "en",
     [("MEETING", {"france", "european-union", "china"})]),
    # presence wished for is no meeting; a joint accord in the plural is one accord
    ("Zelensky wants to negotiate only in the presence of Biden and Xi.", "en", []),
    ("Japan signed joint agreements with the U.S. and South Korea at Camp David.", "en",
     [("AGREEMENT", {"japan", "united-states", "south-korea"})]),
])
def test_events_the_session_28_rules_must_leave_alone(text: str, lang: str, expected: list) -> None:
    assert kinds_and_sides(text, "2023-05-10", lang) == expected


def test_a_former_minister_speaks_for_no_state() -> None:
    text = "Former Japanese Defence Minister Shigeru Ishiba met Tsai Ing-wen in Taipei on Friday."
    assert participants_of(text, "2019-08-10", "en", MEETING) == [["shigeru-ishiba", "tsai-ing-wen"]]


@pytest.mark.parametrize("text, expected", [
    ("Lula's visit to Angola last month raised hopes of closer trade.", [("MEETING", {"brazil", "angola"})]),
    # (a hope to meet is no meeting yet)
    ("Lula hopes to visit Angola next month.", []),
    ("Lula said he hoped Lourenço would visit Brazil.", []),
])
def test_hopes_a_visit_raised_are_no_plan(text: str, expected: list) -> None:
    assert kinds_and_sides(text, "2023-09-05", "en") == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("Vor der Wahl in Georgien forderten Polen und Litauen das Land zu fairen Abstimmungen auf.", "de",
     [({"poland", "lithuania"}, {"georgia"})]),
    ("After the coup in Gabon, Kenya urged the country to free the president.", "en",
     [({"kenya"}, {"gabon"})]),
])
def test_the_country_asked_is_the_state_named_before(text: str, lang: str, expected: list) -> None:
    assert asked(text, "2023-09-05", lang) == expected


def test_setting_ones_hopes_on_talks_is_no_talk() -> None:
    assert kinds_and_sides("Marcos setzt darauf, mit Peking über die Fischerei zu verhandeln.", "2023-09-05",
                           "de") == []


@pytest.mark.parametrize("text, expected", [
    ("After Lula's visit, farmers staged protests demanding the expulsion of Chinese diplomats.", []),
    ("A day after clashes with Albanian protesters demanding the release of prisoners, Vucic met Kurti.", []),
    # (a leader demanding is a demander)
    ("Lula is demanding that Venezuela publish the results.", [({"brazil"}, {"venezuela"})]),
])
def test_crowds_demanding_are_no_state(text: str, expected: list) -> None:
    assert asked(text, "2023-09-05", "en") == expected


@pytest.mark.parametrize("text, expected", [
    ("Maduro said some of those killed in the US boat strikes were Venezuelan.", set()),
    ("Putin said Crimea is Russian.", {("russia", "crimea")}),
])
def test_a_name_modifying_a_noun_is_no_territory_said_to_be_someones(text: str, expected: set) -> None:
    assert state_claims(text, "2025-10-20") == expected


@pytest.mark.parametrize("text, lang, expected", [
    # a passive or an ability in a clause after the modal's own leaves the demand
    ("Russland müsse die Truppen abziehen, damit Verhandlungen beginnen können, sagte Scholz.", "de",
     [("DEMAND", {"germany"})]),
    # keeping or extending an accord that exists: the accord is told too
    ("Die USA haben die Einhaltung der Waffenruhe zwischen Israel und der Hamas gefordert.", "de",
     [("AGREEMENT", {"israel", "hamas"}), ("DEMAND", {"united-states"})]),
    # "derzeit" inside the topic of talks held on a day
    ("Scholz sprach am Montag mit Macron über die derzeit angespannte Lage.", "de",
     [("MEETING", {"germany", "france"})]),
    # hoping to meet is no meeting
    ("Zelensky is hoping to meet Biden.", "en", []),
    # an adverb or an object first: the name after the verb demands
    ("Mehrfach forderte Scholz einen Waffenstillstand.", "de", [("DEMAND", {"germany"})]),
    # a headline's "calls on" and an appeal in a message are appeals
    ("Zelensky calls on Biden, Scholz", "en", [("DEMAND", {"ukraine"})]),
])
def test_events_the_second_review_found_the_session_28_rules_must_leave_alone(text: str, lang: str,
                                                                                expected: list) -> None:
    assert kinds_and_sides(text, "2023-05-10", lang) == expected


@pytest.mark.parametrize("text, expected", [
    ("Scholz urged Russia to withdraw from Ukraine and called on the country to negotiate.",
     [({"germany"}, {"russia"})]),
    ("Nach seiner Rückkehr aus China forderte Scholz das Land zu mehr Offenheit auf.",
     [({"germany"}, set())]),
])
def test_the_country_asked_is_not_one_come_from(text: str, expected: list) -> None:
    assert asked(text, "2023-05-10", "en" if " the " in text else "de") == expected


@pytest.mark.parametrize("text, lang", [
    ("Nach dem Besuch in Washington rief Macron das Land zur Einheit auf.", "de"),
    ("After Russia's attack on Ukraine, Scholz urged the country to halt the offensive.", "en"),
])
def test_the_country_asked_is_only_the_scene_of_the_sentence(text: str, lang: str) -> None:
    assert [addressees for _, addressees in asked(text, "2023-05-10", lang)] == [set()]


# --- session 29 -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, lang, expected", [
    # the country after a place's name says where the place lies; it takes no part
    ("On Tuesday, at a summit in Asunción, Paraguay, Lula urged Maduro to free the prisoners.", "en",
     [("DEMAND", {"brazil"})]),
    ("Scholz traf Modi am Montag in Antalya, Türkei.", "de", [("MEETING", {"germany", "india"})]),
    # a list of states after "to" is a list, each of them a receiver
    ("Russia will send grain to Mali, Zimbabwe, Somalia and Eritrea.", "en",
     [("SUPPORT", {"russia"})]),
])
def test_the_country_of_a_place_takes_no_part(text: str, lang: str, expected: list) -> None:
    assert kinds_and_sides(text, "2023-05-10", lang) == expected


def test_every_state_of_a_list_after_to_still_receives() -> None:
    text = "Russia will send grain to Mali, Zimbabwe, Somalia and Eritrea."
    assert state_supplies(text, "2023-05-10") == [({"russia"}, {"mali", "zimbabwe", "somalia", "eritrea"})]


def test_who_thanks_for_a_grant_in_a_quote_receives_it_and_the_medium_is_no_city() -> None:
    text = ("Syrian Finance Minister, Karim Haddad, announced the payment of salaries.\n\n"
            "\"We thank the Qatari government for its generous grant,\" Haddad said, as quoted by "
            "the state agency Sana.")
    assert state_supplies(text, "2025-05-08") == [({"qatar"}, {"syria"})]


def test_the_prime_minister_is_the_head_of_government_named_before_not_the_president() -> None:
    text = ("Trump telefonierte am Sonntag mit Netanyahu.\n\n"
            "Trump nannte Frankreich, Deutschland, Großbritannien, Italien, Spanien, Polen, Japan, "
            "Kanada, Ägypten und Jordanien als Partner.\n\n"
            "Der Präsident und der Premierminister kamen überein, die engen Konsultationen fortzusetzen.")
    article = read_article(text, published=dt.date(2017, 1, 23), lang="de")
    assert {m.text: m.entity for m in article.mentions if m.sentence == 2} == {
        "Präsident": "donald-trump", "Premierminister": "benjamin-netanyahu"}


@pytest.mark.parametrize("text, lang", [
    ("Putin traf am Samstag in Buenos Aires Präsidentin Cristina Kirchner. Die Staatschefs "
     "vereinbarten eine engere Zusammenarbeit in der Atomenergie.", "de"),
    ("Putin met Cristina Kirchner in Buenos Aires on Saturday. The leaders agreed to expand "
     "cooperation in nuclear energy.", "en"),
])
def test_the_leaders_as_a_subject_are_those_told_before(text: str, lang: str) -> None:
    assert [s for kind, s in kinds_and_sides(text, "2014-07-13", lang) if kind == "AGREEMENT"] == [
        {"russia", "argentina"}]


@pytest.mark.parametrize("text, lang", [
    ("Mali, Burkina Faso und Niger haben am Samstag einen Staatenbund gegründet.", "de"),
    ("Mali, Burkina Faso and Niger founded a confederation on Saturday.", "en"),
])
def test_states_founding_an_alliance_agree(text: str, lang: str) -> None:
    assert kinds_and_sides(text, "2024-07-08", lang) == [("AGREEMENT", {"mali", "burkina-faso", "niger"})]


def test_the_speaker_after_a_quote_is_not_whom_the_quote_names() -> None:
    text = ("Trump gibt Mexiko mehr Zeit für einen Zoll-Deal.\n\n"
            "«Ich habe gerade mit Präsidentin Claudia Sheinbaum telefoniert», schreibt er auf Truth "
            "Social.")
    assert kinds_and_sides(text, "2025-07-31", "de") == [("CALL", {"united-states", "mexico"})]


@pytest.mark.parametrize("text, lang", [
    ("Trump telefonierte am Mittwoch mit Xi. Er sagte, dass er mit Xi über Handel, Taiwan, den "
     "Krieg in der Ukraine und den Iran gesprochen habe.", "de"),
    ("Trump spoke with Xi by phone on Wednesday. He said he talked with Xi about trade, Taiwan, "
     "and Iran.", "en"),
])
def test_a_name_in_a_list_of_topics_is_no_side(text: str, lang: str) -> None:
    assert all("taiwan" not in s for _, s in kinds_and_sides(text, "2026-02-05", lang))


@pytest.mark.parametrize("text, lang", [
    ("Erdogan and Raisi met last month in Turkmenistan's capital Ashgabat.", "en"),
    ("Erdogan und Raisi trafen sich im Oktober in der Hauptstadt Aschgabat.", "de"),
])
def test_a_city_named_after_capital_is_the_place_not_its_state(text: str, lang: str) -> None:
    assert kinds_and_sides(text, "2021-12-01", lang) == [("MEETING", {"turkey", "iran"})]


@pytest.mark.parametrize("text, lang", [
    ("Erdogan called on the international community to stand by Azerbaijan.", "en"),
    ("Scholz urged the international community to pressure Russia.", "en"),
    ("Erdogan rief die internationale Gemeinschaft auf, an der Seite Aserbaidschans zu stehen.", "de"),
])
def test_a_group_asked_leaves_the_names_of_what_it_is_asked_to_do_unasked(text: str, lang: str) -> None:
    assert [addressees for _, addressees in asked(text, "2024-01-10", lang)] == [set()]


def test_a_state_asked_is_still_asked() -> None:
    assert asked("Scholz urged Russia's allies to stop arming it.", "2024-01-10", "en") == [
        ({"germany"}, {"russia"})]


def test_an_accord_also_agreed_sharing_only_generic_words_is_a_second_accord() -> None:
    text = ("Lee Jae-myung held a phone call with Shigeru Ishiba on Monday and agreed to enhance "
            "efforts within the framework of trilateral cooperation.\n\n"
            "They also agreed to further strengthen communication and cooperation between their "
            "governments.")
    assert [s for kind, s in kinds_and_sides(text, "2025-06-09", "en") if kind == "AGREEMENT"] == [
        {"south-korea", "japan"}, {"south-korea", "japan"}]


@pytest.mark.parametrize("text, expected", [
    ("Armenia and Azerbaijan still say a peace agreement could be signed by the end of 2023.", []),
    # German reported speech tells a signing that happens
    ("Duterte traf Xi am Donnerstag in Peking. Wirtschaftsabkommen über 13,5 Milliarden Dollar "
     "würden unterzeichnet, so der Handelsminister.",
     [("MEETING", {"philippines", "china"}), ("AGREEMENT", {"philippines", "china"})]),
])
def test_a_modal_inside_a_signing_pattern_leaves_it_unsigned(text: str, expected: list) -> None:
    lang = "en" if " the " in text else "de"
    assert kinds_and_sides(text, "2023-12-08", lang) == expected


@pytest.mark.parametrize("text", [
    # a subject the gazetteer does not know: the name after the verb receives, it gives nothing
    "Chine said it would give Cambodia one million doses of the vaccine.",
    # a noun after its origin's demonym is the goods, not the verb "to arm"
    "Somalia was playing with fire by importing the Egyptian arms and antagonising Ethiopia.",
])
def test_supplies_given_by_no_one_the_sentence_names_are_none(text: str) -> None:
    givers = [sides for sides, _ in state_supplies(text, "2016-01-10")]
    assert all(not ({"cambodia", "somalia"} & sides) for sides in givers)


def test_a_receiving_pattern_does_not_run_into_a_relative_clause() -> None:
    text = ("Officials said Wellington was getting medical supplies to Tuvalu, which suffered storm "
            "surges from the cyclone.")
    assert state_supplies(text, "2016-01-10") == [({"new-zealand"}, {"tuvalu"})]


def test_a_state_looking_at_sending_aid_has_sent_none() -> None:
    assert state_supplies("New Zealand is looking at sending medical supplies to Tuvalu.", "2016-01-10") == []


def test_the_verb_to_arm_still_supplies() -> None:
    assert state_supplies("The United States heavily arms Israel.", "2016-01-10") == [
        ({"united-states"}, {"israel"})]


@pytest.mark.parametrize("text, lang, expected", [
    # what an independent review found the first session-29 rules broke, kept as guards
    ("At the end of the talks, Xi and Putin signed a joint statement.", "en",
     [("AGREEMENT", {"china", "russia"}), ("MEETING", {"china", "russia"})]),
    ("Regarding the hostages, Qatar and Egypt urged Hamas to release them.", "en",
     [("DEMAND", {"qatar", "egypt"})]),
    ("At a summit in Madrid, Spain, France and Portugal agreed to build a hydrogen pipeline.", "en",
     [("AGREEMENT", {"spain", "france", "portugal"}), ("MEETING", {"spain", "france", "portugal"})]),
    ("Scholz discussed possible security guarantees with Zelensky.", "en",
     [("MEETING", {"germany", "ukraine"})]),
    ("Germany and France form the core of the union.", "en", []),
    ("Scholz found support in the European Union for his plan.", "en", []),
    ("Scholz told the newspaper Moscow must withdraw its troops from Ukraine.", "en",
     [("DEMAND", {"germany"})]),
])
def test_events_the_review_found_the_session_29_rules_must_leave_alone(text: str, lang: str,
                                                                        expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2024-05-10", lang), key=str) == sorted(expected, key=str)


def test_the_founded_body_is_no_side_of_its_founding() -> None:
    assert kinds_and_sides("Polen und Tschechien gründeten ein neues Bündnis gegen die Migrationspolitik.",
                           "2024-05-10", "de") == [("AGREEMENT", {"poland", "czech-republic"})]


def test_the_leaders_of_a_summit_story_are_not_the_last_two_named() -> None:
    text = ("Leaders of the G7 gathered in Apulia on Thursday. Meloni welcomed Biden at the resort. "
            "The leaders agreed to use frozen Russian assets for Ukraine.")
    assert all(kind != "AGREEMENT" for kind, _ in kinds_and_sides(text, "2024-06-14", "en"))


@pytest.mark.parametrize("text, lang", [
    ("In Geneva, Switzerland, Blinken met Lavrov.", "en"),
])
def test_a_country_after_a_city_opening_the_sentence_takes_no_part(text: str, lang: str) -> None:
    assert kinds_and_sides(text, "2024-05-10", lang) == [("MEETING", {"united-states", "russia"})]


@pytest.mark.parametrize("text", [
    "\"We thank Germany for the Patriot systems it sent to Ukraine,\" Duda said.",
    "\"We thank the people of Germany for their hospitality,\" Erdogan said in Berlin.",
])
def test_thanks_for_what_went_to_another_or_for_hospitality_are_no_supply(text: str) -> None:
    assert state_supplies(text, "2024-05-10") == []


def test_a_minister_named_without_a_closing_comma_is_not_learnt() -> None:
    text = ("He met Iraq's foreign minister, Ayman Safadi and Wang Yi on Monday. Safadi later "
            "called Blinken.")
    assert all(kind != "CALL" for kind, _ in kinds_and_sides(text, "2024-05-10", "en"))


@pytest.mark.parametrize("text", [
    "Selenskyj forderte die Verbündeten auf, Russland stärker zu sanktionieren.",
    "Zelensky asked the international community to isolate Russia.",
])
def test_allies_asked_leave_the_state_they_are_to_act_against_unasked(text: str) -> None:
    lang = "de" if "forderte" in text else "en"
    assert [addressees for _, addressees in asked(text, "2024-05-10", lang)] == [set()]


def test_a_leader_named_before_a_verb_in_second_place_demands() -> None:
    text = ("Irans oberster Führer Ali Chamenei forderte die islamischen Staaten auf, alle "
            "Handelsbeziehungen zu Israel abzubrechen.")
    assert asked(text, "2023-11-01", "de") == [({"iran"}, set())]


def test_a_meeting_with_one_leader_stays_theirs_when_another_of_the_state_is_named_after() -> None:
    text = ("Ardern held talks with President Xi Jinping in Beijing on Monday. Later, Ardern emerged "
            "from a meeting with Premier Li Keqiang. Xi later praised her brief visit.")
    assert sorted(sorted(p) for p in participants_of(text, "2019-04-02", "en", MEETING)) == [
        ["jacinda-ardern", "li-keqiang"], ["jacinda-ardern", "xi-jinping"]]


@pytest.mark.parametrize("text, lang, expected", [
    # what a second review found, kept as guards
    ("After talks about trade, Xi and Biden agreed to resume military contacts.", "en",
     [("AGREEMENT", {"china", "united-states"}), ("MEETING", {"china", "united-states"})]),
    ("In Brussels, Hungary, which holds the rotating EU presidency, urged Ukraine to start talks.", "en",
     [("DEMAND", {"hungary"})]),
    ("In Riyadh, Ukraine, the United States and Saudi Arabia agreed to hold another round of talks.", "en",
     [("AGREEMENT", {"ukraine", "united-states", "saudi-arabia"})]),
    ("Turkey and the Syrian capital Damascus agreed to restore diplomatic ties, Erdogan said.", "en",
     [("AGREEMENT", {"turkey", "syria"})]),
    ("Sunak and Meloni signed what could be a landmark migration deal.", "en",
     [("AGREEMENT", {"united-kingdom", "italy"}), ("MEETING", {"united-kingdom", "italy"})]),
    ("Japan und die Philippinen haben ein Abkommen, das gemeinsame Manöver erleichtern soll, "
     "unterzeichnet.", "de", [("AGREEMENT", {"japan", "philippines"})]),
    ("Also pledging aid at the conference was Japan.", "en", [("SUPPORT", {"japan"})]),
    ("After Biden's call with Xi, Scholz's spokesman said he had spoken with Xi on Monday.", "en",
     [("CALL", {"united-states", "china"}), ("CALL", {"germany", "china"})]),
    ("Erdoğan telefonierte mit Putin. In Riad vereinbarten die Staatschefs der Golfstaaten einen "
     "gemeinsamen Fonds.", "de", [("CALL", {"turkey", "russia"})]),
])
def test_events_the_second_review_found_the_session_29_rules_must_leave_alone(text: str, lang: str,
                                                                               expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2024-05-10", lang), key=str) == sorted(expected, key=str)


def test_a_state_named_in_an_apposition_of_the_allies_is_asked() -> None:
    text = "Der Kanzler forderte die Verbündeten, vor allem die USA, auf, mehr Flugabwehr zu liefern."
    assert [addressees for _, addressees in asked(text, "2024-05-10", "de")] == [{"united-states"}]


def test_one_leader_speaking_with_two_has_two_calls() -> None:
    text = "Egypt's Sisi speaks with Erdogan, Assad"
    assert sorted(sorted(p) for p in participants_of(text, "2023-02-08", "en", CALL)) == [
        ["abdel-fattah-el-sisi", "bashar-al-assad"], ["abdel-fattah-el-sisi", "recep-tayyip-erdogan"]]


@pytest.mark.parametrize("text, lang, expected", [
    # what a third review found, kept as guards
    ("In January, Ukraine, which has been short of shells for months, asked Germany for more "
     "ammunition.", "en", [("DEMAND", {"ukraine"})]),
    ("In Asia, Japan, a close U.S. ally, signed a defence pact with the Philippines on Monday.", "en",
     [("AGREEMENT", {"japan", "united-states", "philippines"})]),
    ("Officials in the Iranian capital Tehran said they had asked Russia to help.", "en",
     [("DEMAND", {"iran"})]),
    ("Ukraine and Japan signed in May a ten-year security agreement, officials said.", "en",
     [("AGREEMENT", {"ukraine", "japan"})]),
    ("Having sent Leopard tanks to Ukraine last year, Poland is now sending howitzers.", "en",
     [("SUPPORT", {"poland"})]),
    ("The United States gave a $2 billion boost to Ukraine's air defence.", "en",
     [("SUPPORT", {"united-states"})]),
    ("Netanjahu sprach am Montag mit Biden. Scholz traf am Abend Macron. Der Regierungschef "
     "forderte Putin auf, den Krieg zu beenden.", "de",
     [("MEETING", {"israel", "united-states"}), ("MEETING", {"germany", "france"}), ("DEMAND", {"germany"})]),
])
def test_events_the_third_review_found_the_session_29_rules_must_leave_alone(text: str, lang: str,
                                                                              expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2024-05-10", lang), key=str) == sorted(expected, key=str)


def test_a_figure_of_speech_for_help_supplies_nothing() -> None:
    text = "He said membership in the union will give a further boost to Armenia's trade with Russia."
    assert state_supplies(text, "2014-10-10") == []


@pytest.mark.parametrize("text, lang, expected", [
    # an elision or a possessive ends no quote; a single-quoted English quote is one
    ("„Gute Gespräche“ nannte Macron das Treffen mit Xi; Scholz' Sprecher sagte, er habe ebenfalls "
     "mit Xi telefoniert.", "de", [("CALL", {"germany", "china"}), ("MEETING", {"france", "china"})]),
    ("Biden met Zelensky. 'I told Putin he must withdraw,' he said.", "en",
     [("DEMAND", {"united-states"}), ("MEETING", {"united-states", "ukraine"})]),
])
def test_apostrophes_of_possessives_are_no_quote_marks(text: str, lang: str, expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2024-05-10", lang), key=str) == sorted(expected, key=str)


# --- session 30 -----------------------------------------------------------------------------
def test_both_countries_are_states_not_the_court_between_them() -> None:
    text = ("Chile took Bolivia to the International Court of Justice in 2013. "
            "Both countries had agreed to accept the court's ruling.")
    assert state_sides(text, "2018-10-01", AGREEMENT) == [{"bolivia", "chile"}]


def test_the_council_is_the_body_the_story_is_about() -> None:
    text = ("The UN Security Council adopted a resolution on Yemen on Tuesday. In it, the Security "
            "Council backed the peace initiative of the Gulf Cooperation Council. The Council also "
            "called on Iran to stop arming the rebels.")
    assert [(set(e.participants), set(e.addressees)) for e in read(text, "2015-04-14").events
            if e.type is DEMAND] == [({"un-security-council"}, {"iran"})]


@pytest.mark.parametrize("text, lang", [
    ("Japan's Foreign Ministry protested China's new map on Monday. Beijing had published it last "
     "week, the ministry said. The ministry demanded that China withdraw the map.", "en"),
    ("Das japanische Außenministerium protestierte am Montag gegen Chinas neue Karte. Peking habe sie "
     "vergangene Woche veröffentlicht, teilte das Ministerium mit. Das Ministerium forderte China auf, "
     "die Karte zurückzuziehen.", "de"),
])
def test_the_ministry_is_the_one_named_with_its_state_before(text: str, lang: str) -> None:
    assert asked(text, "2023-08-30", lang) == [({"japan"}, {"china"})]


def test_islands_off_a_state_are_not_that_state() -> None:
    text = "Seoul reasserted its claim on the islets off Japan's Shimane Prefecture on Tuesday."
    assert state_claims(text, "2024-04-16") == set()


def test_a_genitive_in_a_fronted_phrase_is_not_who_annexed() -> None:
    text = "Nach dem Rückzug Frankreichs annektierte Marokko Teile der Westsahara."
    assert {(e.participants[0], e.territories[0]) for e in read_article(
        text, published=dt.date(2024, 7, 30), lang="de").events if e.type is CLAIM} == {
        ("morocco", "western-sahara")}


def test_an_order_made_is_no_meeting() -> None:
    text = "Kenia reagierte am Dienstag auf eine am Montag getroffene Anordnung Washingtons."
    assert kinds_and_sides(text, "2015-03-03", "de") == []


@pytest.mark.parametrize("text, lang, expected", [
    ("Raisi is visiting Pakistan and Sri Lanka this week.", "en",
     [("MEETING", {"iran", "pakistan"}), ("MEETING", {"iran", "sri-lanka"})]),
    ("Macron reiste am Montag nach Berlin und Warschau.", "de",
     [("MEETING", {"france", "germany"}), ("MEETING", {"france", "poland"})]),
    ("A delegation visiting Pakistan and Sri Lanka this week signed nothing.", "en", []),
])
def test_a_visit_to_two_hosts_is_a_visit_to_each(text: str, lang: str, expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2024-04-24", lang), key=str) == sorted(expected, key=str)


def test_a_framework_finalized_with_a_state_is_an_accord() -> None:
    text = "Japan finalized a security framework with Australia on Monday."
    assert state_sides(text, "2024-04-24", AGREEMENT) == [{"japan", "australia"}]


def test_the_commission_promising_aid_is_the_eu() -> None:
    text = "Die EU-Kommission hat Tunesien Finanzhilfen in Höhe von 100 Millionen Euro in Aussicht gestellt."
    assert state_supplies(text, "2023-06-11", "de") == [({"european-union"}, {"tunisia"})]


@pytest.mark.parametrize("text, lang, expected", [
    ("Scholz war mit Macron nach Kiew gereist.", "de", {"germany", "france", "ukraine"}),
    ("Das sagte Ursula von der Leyen bei einem Besuch in der Hauptstadt Tunis mit der italienischen "
     "Regierungschefin Giorgia Meloni am Sonntag.", "de", {"european-union", "italy", "tunisia"}),
    ("Von der Leyen said so during a visit to Tunis with Italy's Prime Minister Giorgia Meloni on Sunday.",
     "en", {"european-union", "italy", "tunisia"}),
])
def test_two_visiting_together_meet_their_host(text: str, lang: str, expected: set) -> None:
    assert kinds_and_sides(text, "2023-06-11", lang) == [("MEETING", expected)]


def test_a_venue_away_from_the_visit_word_is_no_host() -> None:
    text = ("Stoltenberg announced the deal after hosting Erdogan and Swedish Prime Minister Ulf "
            "Kristersson for talks in the Lithuanian capital Vilnius.")
    assert "lithuania" not in set().union(*(s for _, s in kinds_and_sides(text, "2023-07-10", "en")))


@pytest.mark.parametrize("text, lang", [
    ("Xi spoke with Lula on Monday. The two leaders discussed efforts toward peace between Russia and "
     "Ukraine and agreed to expand cooperation in health.", "en"),
    ("Xi telefonierte am Montag mit Lula. Die beiden Führer diskutierten die Bemühungen um Frieden "
     "zwischen Russland und der Ukraine und vereinbarten eine engere Zusammenarbeit.", "de"),
])
def test_parties_of_a_peace_discussed_are_not_who_agreed_next(text: str, lang: str) -> None:
    assert state_sides(text, "2025-08-12", AGREEMENT, lang) == [{"china", "brazil"}]


def test_talks_between_two_that_ended_in_a_deal_keep_their_sides() -> None:
    text = "Die Gespräche zwischen Russland und der Ukraine endeten am Montag mit einer Vereinbarung."
    assert state_sides(text, "2025-08-12", AGREEMENT, "de") == [{"russia", "ukraine"}]



def test_days_given_to_a_state_to_act_are_a_demand_in_german_too() -> None:
    text = ("Venezuelas Außenministerin hat den Vereinigten Staaten 15 Tage Zeit gegeben, um das Personal "
            "ihrer Botschaft in Caracas zu reduzieren.")
    assert asked(text, "2015-03-03", "de") == [({"venezuela"}, {"united-states"})]


@pytest.mark.parametrize("text, expected, year", [
    ("India never accepted the China-Pakistan boundary agreement of 1963.", {"china", "pakistan"}, 1963),
    ("Modi praised the 2009 India-Mercosur Preferential Trade Agreement.", {"india", "mercosur"}, 2009),
    ("Chile and Venezuela have had an extradition treaty since 1962.", {"chile", "venezuela"}, 1962),
    ("Venezuela invokes the 1966 agreement with the United Kingdom.", {"venezuela", "united-kingdom"}, 1966),
])
def test_an_accord_named_with_its_year_was_made_that_year(text: str, expected: set, year: int) -> None:
    events = [e for e in read(text, "2024-05-10").events if e.type is AGREEMENT]
    on = dt.date(year, 6, 1)
    assert [(load_gazetteer().states_of(e.participants, on), e.date.value.year if e.date else None)
            for e in events] == [(expected, year)]


@pytest.mark.parametrize("text, expected", [
    # an accord's year with no party in its phrase names no sides; "According" is no accord
    ("Biden looks forward to working with Petro, including on implementation of the 2016 Peace Accord.", []),
    ("According to officials, Putin told Trump that Moscow wanted Kyiv to withdraw its troops.",
     [("DEMAND", {"russia"})]),
    ("Ramaphosa backed efforts to end the Russia-Ukraine conflict in a phone call with Putin on Tuesday.",
     [("CALL", {"south-africa", "russia"})]),
])
def test_accord_years_and_hyphens_read_no_more_than_that(text: str, expected: list) -> None:
    assert kinds_and_sides(text, "2024-05-10", "en") == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("Sisi voiced his condolences at a press conference held with Croatian President Zoran Milanovic.",
     "en", {"egypt", "croatia"}),
    ("Scholz sagte das am Montag auf einer Pressekonferenz mit Macron in Paris.", "de",
     {"germany", "france"}),
])
def test_a_press_conference_with_a_leader_is_a_meeting(text: str, lang: str, expected: set) -> None:
    assert kinds_and_sides(text, "2023-02-10", lang) == [("MEETING", expected)]


@pytest.mark.parametrize("text, expected", [
    ("The sanctions followed Russia's seizure of the Crimean peninsula.", {("russia", "crimea")}),
    ("Azerbaijan reclaimed Nagorno-Karabakh after a lightning offensive in September.",
     {("azerbaijan", "nagorno-karabakh")}),
    ("The Senkaku Islands, claimed by China and Japan, lie nearby.",
     {("china", "senkaku-islands"), ("japan", "senkaku-islands")}),
    ("The Senkaku Islands are disputed by China and Japan.",
     {("china", "senkaku-islands"), ("japan", "senkaku-islands")}),
    # a place's attack claimed by a side claims no land; a seized ship is no territory
    ("The attack on Crimea, claimed by Kyiv, killed two.", set()),
    ("Russia's seizure of the tanker angered Britain.", set()),
])
def test_seizures_reclaimed_land_and_claims_told_in_passing(text: str, expected: set) -> None:
    assert state_claims(text, "2023-10-23") == expected


def test_an_annexation_told_with_its_year_is_of_that_year() -> None:
    text = "The UN never recognised Israel's 1981 annexation of the Golan Heights."
    claims = [e for e in read(text, "2023-10-23").events if e.type is CLAIM]
    assert [(e.participants, e.date.value.year if e.date else None) for e in claims] == [(["israel"], 1981)]


def test_an_armed_forces_chief_speaks_for_the_state() -> None:
    text = "The Philippine armed forces chief, Romeo Brawner, demanded the return of the seized weapons."
    assert asked(text, "2024-06-20", "en") == [({"philippines"}, set())]


@pytest.mark.parametrize("text, expected", [
    ("Kenya sent the Somali ambassador back to Mogadishu on Saturday.", [({"kenya"}, {"somalia"})]),
    ("Russia sent its ambassador back to Kyiv after consultations.", []),
])
def test_an_envoy_sent_back_is_told_to_leave(text: str, expected: list) -> None:
    assert asked(text, "2019-02-16", "en") == expected


@pytest.mark.parametrize("text, expected", [
    # what the first review of the session 30 rules found, kept as guards
    ("Zelensky visited Kharkiv and Warsaw this week.", [("MEETING", {"ukraine", "poland"})]),
    ("Xi visited Paris and Beijing's ally Serbia.", [("MEETING", {"china", "france", "serbia"})]),
    ("Israel's Defence Ministry ordered the evacuation of Rafah. Egypt warned of consequences. In Cairo, "
     "the ministry demanded that Israel halt the offensive.", [("DEMAND", {"egypt"})]),
    ("Japan's Foreign Ministry protested against the Chinese buoy. Beijing responded hours later, when "
     "the Foreign Ministry demanded that Tokyo respect China's sovereignty.", [("DEMAND", {"china"})]),
    ("The European Council met in Brussels on Thursday. The European Council backed new aid for "
     "Ukraine. On Friday the Security Council debated Gaza. The Council demanded an immediate ceasefire.",
     [("DEMAND", {"un-security-council"}), ("SUPPORT", {"european-council"})]),
    ("The UN Security Council met on Monday. On Tuesday, the Gulf Cooperation Council held an "
     "emergency summit in Riyadh. The Council demanded that Iran stop arming the militia.",
     [("DEMAND", {"gulf-cooperation-council"})]),
    ("India and Pakistan have had no peace treaty since 1947.", []),
    ("Kyiv says Moscow has violated every agreement since 2014.", []),
    ("India finalized its position ahead of talks with China on a border framework.", []),
    ("Officials said it was unclear whether Iran supplied the drones and signed a pact with Russia.", []),
    ("Qatar mediated talks between Israel and Hamas, which agreed to a truce.",
     [("AGREEMENT", {"qatar", "israel", "hamas"}), ("MEETING", {"israel", "hamas"})]),
    ("During a visit to Hiroshima for the G7 summit, Biden and Zelensky signed a security agreement.",
     [("AGREEMENT", {"united-states", "ukraine"}), ("MEETING", {"united-states", "ukraine"})]),
])
def test_events_the_first_review_found_the_session_30_rules_must_leave_alone(text: str,
                                                                              expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2024-05-10", "en"), key=str) == sorted(expected, key=str)


def test_the_governments_of_a_list_of_states_are_all_its_sides() -> None:
    text = "The governments of Brazil, Mexico and Colombia called on Venezuela to release the minutes."
    assert asked(text, "2024-08-01", "en") == [({"brazil", "mexico", "colombia"}, {"venezuela"})]


@pytest.mark.parametrize("text, expected", [
    # visits of several are no meeting of the visitors; a commitment to visit is a plan
    ("On Tuesday, Bainimarama said the visits by Modi and Chinese President Xi Jinping were the symbols "
     "of Fiji's new status.", []),
    ("Obama reaffirmed to Kenyan President Uhuru Kenyatta his commitment to visiting Kenya in July.", []),
    ("The neighbours fought over the Nagorno-Karabakh region, which Azerbaijan reclaimed in September.",
     [("TERRITORIAL_CLAIM", {"azerbaijan"})]),
])
def test_visits_of_several_plans_and_land_reclaimed(text: str, expected: list) -> None:
    assert kinds_and_sides(text, "2014-06-20", "en") == expected


@pytest.mark.parametrize("text, expected", [
    # what the second review of the session 30 rules found, kept as guards
    ("Israel and Saudi Arabia have been negotiating a normalisation deal since 2022.", []),
    ("Britain and India have been seeking a free trade agreement since 2022.", []),
    ("Germany sent the German ambassador back to Moscow after consultations in Berlin.", []),
    ("At a virtual press conference with Zelensky, Trudeau announced new aid.", []),
    ("China has reclaimed land on reefs in the Spratly Islands.", []),
    ("Russia's seizure of the Zaporizhzhia nuclear plant alarmed the IAEA.", []),
    ("After a dinner with Macron, Scholz travelled to Beijing.", [("MEETING", {"france", "germany"})]),
])
def test_events_the_second_review_found_the_session_30_rules_must_leave_alone(text: str,
                                                                               expected: list) -> None:
    assert kinds_and_sides(text, "2024-05-10", "en") == expected


def test_a_new_accord_is_not_dated_by_the_last_one() -> None:
    text = "Serbia and Kosovo reached their first agreement since 2013 on Monday."
    assert [e.date.value.year for e in read(text, "2024-05-10").events if e.type is AGREEMENT] == [2024]


@pytest.mark.parametrize("text, expected", [
    # what the third review of the session 30 rules found, kept as guards
    ("Russian bombers flew near the Kuril Islands, which are claimed by Japan, on Monday.",
     [("TERRITORIAL_CLAIM", {"japan"})]),
    ("Japan published its defence white paper on Friday. Seoul said the islets, claimed by Japan, were "
     "South Korean territory.", []),
    ("Israel sent its ambassador to Turkey back home for consultations on Tuesday.", []),
    ("Modi kept his commitment to visiting Kyiv, arriving by train on Friday to meet Zelensky.",
     [("MEETING", {"india", "ukraine"})]),
    ("The International Criminal Court's prosecutor sought arrest warrants this week. South Africa had "
     "filed a new request with the International Court of Justice. On Friday, the court ordered Israel "
     "to halt its offensive in Rafah.", [("DEMAND", {"international-court-of-justice"})]),
    ("The Gulf Cooperation Council backed Saudi Arabia. Iran sent a letter to the UN Security Council. "
     "The Council demanded that Iran stop arming the Houthis.", [("DEMAND", {"un-security-council"})]),
    ("Erdogan praised the prisoner swap between Russia and Ukraine and hosted a meeting of their "
     "negotiators in Istanbul.", [("AGREEMENT", {"russia", "ukraine"}),
                                   ("MEETING", {"turkey", "russia", "ukraine"})]),
])
def test_events_the_third_review_found_the_session_30_rules_must_leave_alone(text: str,
                                                                              expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2024-05-24", "en"), key=str) == sorted(expected, key=str)


# --- session 31 -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("President Xi visits Latin America, encouraging free trade.", []),
    ("Chile was the first country in South America to sign a free trade agreement with China, in 2005.",
     [("AGREEMENT", {"chile", "china"})]),
])
def test_a_part_of_the_world_named_after_a_state_is_not_that_state(text: str, expected: list) -> None:
    assert kinds_and_sides(text, "2016-11-23", "en") == expected


def test_islands_claimed_in_the_sentence_that_names_them() -> None:
    text = ("Milei led the event for the Falklands War, where the president claimed the sovereignty "
            "of the islands.")
    assert state_claims(text, "2024-04-02") == {("argentina", "falkland-islands")}


def test_a_state_that_seized_the_islands_told_before_claims_them() -> None:
    text = "The Falklands are disputed. On April 2, 1982, Argentina seized the islands."
    claims = [e for e in read(text, "2024-04-02").events
              if e.type is CLAIM and e.participants == ["argentina"]]
    assert [(c.territories, c.date.value.isoformat() if c.date else None) for c in claims] == [
        (["falkland-islands"], "1982-04-02")]


@pytest.mark.parametrize("text", [
    "Iran seized the tanker on Friday.",
    "Russia seized the Zaporizhzhia nuclear plant in 2022.",
])
def test_seizing_what_is_no_territory_claims_nothing(text: str) -> None:
    assert [e for e in read(text, "2024-04-02").events if e.type is CLAIM] == []


@pytest.mark.parametrize("text, lang", [
    ("«Es war ein Treffen im Klima der Brüderlichkeit», sagte Maduro nach der Zusammenkunft mit seinem "
     "kolumbianischen Kollegen in Ecuadors Hauptstadt Quito.", "de"),
    ("Maduro said after the meeting with his Colombian counterpart in Quito that it went well.", "en"),
])
def test_who_speaks_right_after_talks_with_a_colleague_held_them(text: str, lang: str) -> None:
    assert state_sides(text, "2015-09-22", MEETING, lang) == [{"venezuela", "colombia"}]


def test_a_deputy_minister_speaks_for_his_state() -> None:
    text = ("Der russische Vizeaußenminister Sergej Riabkow äußerte sich am Donnerstag in Teheran. "
            "Er habe sich zuvor mit seinem iranischen Kollegen getroffen.")
    assert state_sides(text, "2018-05-11", MEETING, "de") == [{"russia", "iran"}]


@pytest.mark.parametrize("text, lang", [
    ("Wenige Stunden vor seinem Treffen mit Kreml-Chef Wladimir Putin hat US-Präsident Donald Trump mit "
     "dem belarussischen Präsidenten Alexander Lukaschenko telefoniert.", "de"),
    ("Hours before his meeting with Putin, Trump called Lukashenko.", "en"),
])
def test_talks_still_to_come_only_time_the_event_told(text: str, lang: str) -> None:
    assert kinds_and_sides(text, "2025-08-15", lang) == [("CALL", {"united-states", "belarus"})]


@pytest.mark.parametrize("text, lang, expected", [
    ("Am Rande des G20-Gipfels traf Scholz den chinesischen Präsidenten Xi.", "de",
     [("MEETING", {"germany", "china"})]),
    ("Marles said Foreign Minister Penny Wong raised the issue with her Chinese counterpart, Wang Yi, "
     "during their meeting on the sidelines of the G20 foreign ministers summit in South Africa.", "en",
     [("MEETING", {"australia", "china"})]),
])
def test_a_summit_on_whose_sidelines_two_met_is_only_where(text: str, lang: str, expected: list) -> None:
    assert kinds_and_sides(text, "2024-02-22", lang) == expected


def test_a_deadline_given_to_a_capital_asks_its_state() -> None:
    text = ("The African Union will send a 5,000 strong force to Burundi, giving Bujumbura a four-day "
            "deadline to agree.")
    assert asked(text, "2015-12-19", "en") == [({"african-union"}, {"burundi"})]


def test_they_opening_a_sentence_are_the_sides_listed_before() -> None:
    text = ("Saudi Arabia, the United Arab Emirates and Bahrain recalled their ambassadors. They have "
            "also asked Qatar not to support any party aiming to threaten security.")
    assert asked(text, "2014-03-05", "en") == [({"saudi-arabia", "united-arab-emirates", "bahrain"},
                                                {"qatar"})]


def test_congo_in_todays_news_is_the_democratic_republic() -> None:
    text = ("Im Osten des Kongo soll ab Freitagabend ein Waffenstillstand gelten. Darauf haben sich der "
            "kongolesische Präsident und der ruandische Außenminister bei Gesprächen in Angola geeinigt.")
    assert sorted(kinds_and_sides(text, "2022-11-24", "de"), key=str) == [
        ("AGREEMENT", {"democratic-republic-of-the-congo", "rwanda"}),
        ("MEETING", {"democratic-republic-of-the-congo", "rwanda"})]


def test_a_courtesy_call_told_in_a_quoted_statement_is_a_visit() -> None:
    text = ('In a statement shared on X, President\'s Secretariat stated, "Prime Minister Sitiveni '
            'Ligamamada Rabuka of Fiji called on President Droupadi Murmu at Rashtrapati Bhavan.')
    assert kinds_and_sides(text, "2025-08-25", "en") == [("MEETING", {"fiji", "india"})]


@pytest.mark.parametrize("text, expected", [
    ("President Trump and PM Modi enjoyed warm relations in his first term, but during his campaign the "
     "American leader called India a \"very big abuser\" of trade and vowed to use tariffs.", []),
    ("Xi and Putin, who met in Moscow, vowed to deepen their partnership.",
     [("AGREEMENT", {"china", "russia"}), ("MEETING", {"china", "russia"})]),
])
def test_a_vow_is_an_accord_only_of_the_sides_that_vow(text: str, expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2025-01-27", "en"), key=str) == expected


@pytest.mark.parametrize("text, lang", [
    ("Reports suggest that the Indian side was working on an early meeting between Modi and Trump.", "en"),
    ("Die Regierungen in Berlin und Paris arbeiten an einem Treffen der beiden Präsidenten.", "de"),
])
def test_talks_being_worked_on_have_not_been_held(text: str, lang: str) -> None:
    assert kinds_and_sides(text, "2025-01-27", lang) == []


@pytest.mark.parametrize("text, lang", [
    ("Macron hatte daraufhin Verhandlungen zwischen den politischen Lagern vorgeschlagen, die eine "
     "Unabhängigkeit der Inselgruppe oder den Verbleib bei Frankreich fordern.", "de"),
    ("Biden met leaders of the parties who demand independence from France.", "en"),
])
def test_a_demand_of_a_relative_clause_on_no_side_is_none(text: str, lang: str) -> None:
    assert asked(text, "2025-07-12", lang) == []


@pytest.mark.parametrize("text, lang, expected", [
    ("Xi met Boluarte in Lima on Thursday. After the talks the two presidents witnessed the signing of a "
     "Belt and Road cooperation plan.", "en",
     [("AGREEMENT", {"china", "peru"}), ("MEETING", {"china", "peru"})]),
    ("Modi und Putin wohnten der Unterzeichnung von zwölf Abkommen bei.", "de",
     [("AGREEMENT", {"india", "russia"})]),
    ("Thousands of people witnessed the signing of the document.", "en", []),
])
def test_leaders_who_witnessed_their_sides_signing_agreed(text: str, lang: str, expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2024-11-16", lang), key=str) == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("Indonesia and Vietnam concluded talks on Friday without an agreement.", "en",
     [("MEETING", {"indonesia", "vietnam"})]),
    # ("without" elsewhere in the pattern tells how it was signed)
    ("Saudi Arabia and Iran signed without fanfare an agreement to restore relations.", "en",
     [("AGREEMENT", {"saudi-arabia", "iran"})]),
    ("Armenien und Aserbaidschan unterzeichneten ohne Zögern eine Waffenstillstandsvereinbarung.", "de",
     [("AGREEMENT", {"armenia", "azerbaijan"})]),
])
def test_talks_ended_without_an_accord_are_none(text: str, lang: str, expected: list) -> None:
    assert kinds_and_sides(text, "2024-06-16", lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("Kuwait told the Iranian embassy to reduce its staff.", "en", [({"kuwait"}, {"iran"})]),
    ("Kuwait forderte die iranische Botschaft auf, ihr Personal zu reduzieren.", "de",
     [({"kuwait"}, {"iran"})]),
])
def test_an_embassy_told_to_act_is_its_state_asked(text: str, lang: str, expected: list) -> None:
    assert asked(text, "2024-06-16", lang) == expected


@pytest.mark.parametrize("text, lang", [
    ("Police arrested Glas, who had been granted political asylum in the Mexican embassy since December.",
     "en"),
    ("Photo: U.S. Embassy in Hanoi", "en"),
    ("Kuwait told the Iranian embassy to reduce its staff. The agency said Kuwait also decided to freeze any "
     "activities involving joint committees between the two countries.", "en"),
    ("Venezuela hat den Geschäftsträger seiner Botschaft in den USA zu Beratungen nach Caracas "
     "zurückbeordert.", "de"),
])
def test_an_embassy_as_a_place_and_a_decision_of_one_side_make_no_event_of_two(text: str, lang: str) -> None:
    assert [kind for kind, _ in kinds_and_sides(text, "2024-06-16", lang) if kind != "DEMAND"] == []


@pytest.mark.parametrize("text, expected", [
    ("Chinas neue Standardkarte zeigt Taiwan als chinesisches Territorium.", {("china", "taiwan")}),
    ("China released a new official map showing Taiwan as Chinese territory.", {("china", "taiwan")}),
    ("After three decades of the contested region of Karabakh being run by Armenia, Azerbaijan retook it "
     "in a surprise invasion in September 2023.", {("azerbaijan", "nagorno-karabakh")}),
    ("Ukrainian troops recaptured the village of Robotyne.", set()),
])
def test_maps_names_and_retaking_claim_a_territory(text: str, expected: set) -> None:
    assert state_claims(text, "2023-09-01") == expected


def test_a_state_adjective_before_a_bodys_envoy_makes_the_envoy_the_states() -> None:
    mentions = read_article("The Chinese UN envoy told the council that Japan must withdraw the remarks.",
                            published=dt.date(2023, 9, 1), lang="en").mentions
    assert [m.entity for m in mentions if m.how == "demonym-actor"] == ["china"]
    assert not any(m.entity == "united-nations" for m in mentions)


@pytest.mark.parametrize("text, lang, expected", [
    ("Israel demanded that Lebanese Hezbollah withdraw north of the Litani river.", "en",
     [({"israel"}, {"hezbollah"})]),
    ("Die palästinensische Hamas forderte Israel auf, die Angriffe auf Gaza einzustellen.", "de",
     [({"hamas"}, {"israel"})]),
])
def test_a_state_adjective_before_a_group_leaves_the_group(text: str, lang: str, expected: list) -> None:
    assert asked(text, "2024-10-01", lang) == expected


def test_her_talks_with_a_partner_are_hers_and_the_partners_only() -> None:
    text = ("In Belgrad hatte Merkel nach ihren Gesprächen mit Präsident Aleksandar Vucic das Interesse "
            "Deutschlands und der EU an der Integration der Westbalkan-Staaten betont.")
    assert participants_of(text, "2021-09-14", "de", MEETING) == [["angela-merkel", "aleksandar-vucic"]]


@pytest.mark.parametrize("text, lang, expected", [
    ("Am Rande des Gipfels gab es ein Treffen zwischen Bundeskanzler Olaf Scholz und dem türkischen "
     "Präsidenten Recep Tayyip Erdogan.", "de", [("MEETING", {"germany", "turkey"})]),
    ("Am Rande der Apec kam es zum Treffen zwischen Biden und Xi.", "de",
     [("MEETING", {"united-states", "china"})]),
    ("On the sidelines of APEC, a summit between Biden and Xi took place in Woodside.", "en",
     [("MEETING", {"united-states", "china"})]),
    ("Die EU und der Mercosur unterzeichneten nach 20 Jahren Verhandlungen ohne großes Aufsehen ein "
     "Handelsabkommen.", "de", [("AGREEMENT", {"european-union", "mercosur"})]),
    ("Russian troops seized Zaporizhzhia's nuclear power plant, Europe's largest.", "en", []),
    ("Azerbaijan seized the Karabakh enclave's main roads after a lightning offensive.", "en", []),
    ("Trump and Modi enjoyed warm relations, but the two leaders vowed on Sunday to resolve their trade "
     "dispute.", "en", [("AGREEMENT", {"united-states", "india"})]),
    ("Iran and Saudi Arabia, while long bitter rivals, decided to restore diplomatic relations.", "en",
     [("AGREEMENT", {"iran", "saudi-arabia"})]),
    ("Iraqi and Kuwaiti officials met in Baghdad. The officials decided to reactivate the joint "
     "committees between the two countries.", "en",
     [("AGREEMENT", {"iraq", "kuwait"}), ("MEETING", {"iraq", "kuwait"})]),
    ("Poland and the Baltic states, which have demanded more NATO troops on the eastern flank, welcomed "
     "the decision.", "en", [("DEMAND", {"poland"})]),
    ("Norway pledged $200 million to protect the Congo Basin rainforest.", "en", [("SUPPORT", {"norway"})]),
    ("Russia signed a military cooperation agreement with Republic of Congo on Thursday.", "en",
     [("AGREEMENT", {"russia", "republic-of-the-congo"})]),
    ("Scholz, Macron and Draghi travelled to Ukraine's capital Kyiv, where they met Ukrainian President "
     "Volodymyr Zelensky.", "en", [("MEETING", {"germany", "france", "italy", "ukraine"})]),
    ("India and the United States signed several defence agreements. They also met with business leaders "
     "in Washington.", "en", [("AGREEMENT", {"india", "united-states"})]),
    ("Egypt's Sisi speaks with Erdogan, Assad", "en",
     [("CALL", {"egypt", "syria"}), ("CALL", {"egypt", "turkey"})]),
])
def test_events_the_first_review_found_the_session_31_rules_must_leave_alone(text: str, lang: str,
                                                                              expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2023-07-11", lang), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("text", [
    "Britain, France and Germany condemned the invasion. They said Russia must withdraw its forces.",
    "The United States, Britain, France and Germany issued a joint statement. They said Russia must "
    "withdraw its forces.",
])
def test_they_who_demand_are_every_side_listed_before(text: str) -> None:
    demands = asked(text, "2022-02-24", "en")
    assert len(demands) == 1 and demands[0][1] == {"russia"} and len(demands[0][0]) >= 3


@pytest.mark.parametrize("text, lang, expected", [
    ("Planes from New Zealand and Japan have also delivered aid to Tonga.", "en",
     [({"new-zealand", "japan"}, {"tonga"})]),
    ("Flugzeuge aus Neuseeland und Japan haben Hilfsgüter nach Tonga gebracht.", "de",
     [({"new-zealand", "japan"}, {"tonga"})]),
    ("Turkey has assisted Azerbaijan with drones and military advisers.", "en",
     [({"turkey"}, {"azerbaijan"})]),
    ("Planes from Japan delivered aid to Tonga, according to Zed Seselja, Australia's minister for the "
     "Pacific.", "en", [({"japan"}, {"tonga"})]),
])
def test_suppliers_named_by_where_their_planes_come_from_and_regions_receiving(text: str, lang: str,
                                                                               expected: list) -> None:
    assert [(set(e.participants), set(e.addressees)) for e in read_article(
        text, published=dt.date(2022, 1, 22), lang=lang).events if e.type is SUPPORT] == expected


@pytest.mark.parametrize("text, expected", [
    ("Maduro has been under pressure from U.S. President Donald Trump to leave office.",
     [({"united-states"}, {"venezuela"})]),
    ("The Kremlin is under pressure from sanctions to cut spending.", []),
])
def test_who_puts_a_side_under_pressure_to_act_demands(text: str, expected: list) -> None:
    assert asked(text, "2025-12-11", "en") == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("Guyana called on Venezuela to respect its territory, including the oil-rich Essequibo region.", "en",
     [("DEMAND", {"guyana"})]),
    ("Zelensky called on Russia to withdraw its troops from its territory.", "en", [("DEMAND", {"ukraine"})]),
    ("Ukraine's security service said it had seized Crimean wine worth millions at the port of Odesa.",
     "en", []),
    ("Biden and Zelensky spoke on the sidelines of the NATO summit in Vilnius about security guarantees.",
     "en", [("MEETING", {"united-states", "ukraine"})]),
    ("Modi und Xi sprachen am Rande des Brics-Gipfels in Johannesburg kurz miteinander.", "de",
     [("MEETING", {"india", "china"})]),
    ("Trump and Kim arrived at the Capella hotel on Sentosa island on Tuesday morning. They were greeted by "
     "Singaporean officials before heading inside.", "en", []),
    ("Russia and Ukraine exchanged 35 prisoners each on Saturday. They were greeted by Zelensky at Kyiv's "
     "Boryspil airport.", "en", [("AGREEMENT", {"russia", "ukraine"})]),
    ("Zelensky said after the summit with Putin in Alaska that he had spoken with Trump for an hour.",
     "en", []),
    ("Egyptian President Abdel Fattah al-Sisi met Palestinian Hamas officials in Cairo to discuss hostages.",
     "en", [("MEETING", {"egypt", "hamas"})]),
])
def test_events_the_second_review_found_the_session_31_rules_must_leave_alone(text: str, lang: str,
                                                                               expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2023-07-11", lang), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("text, lang, expected", [
    ("India and Pakistan exchanged fire. Biden called on both countries to show restraint.", "en",
     [({"united-states"}, {"india", "pakistan"})]),
    # (never a guess among the last names: the three countries are not the list that opened)
    ("Saudi Arabia, the UAE and Bahrain cut ties with Qatar. Kuwait called on the three countries to "
     "resolve the dispute through dialogue.", "en", [({"kuwait"}, set())]),
    ("Macron and Scholz spoke with Putin by phone on Saturday. Zelenskiy urged both countries to send more "
     "heavy weapons.", "en", [({"ukraine"}, {"france", "germany"})]),
    ("Indien und Pakistan lieferten sich Gefechte. Biden rief beide Länder zur Zurückhaltung auf.", "de",
     [({"united-states"}, {"india", "pakistan"})]),
    ("India and Pakistan exchanged fire. Biden called on Congress to approve aid for both countries.", "en",
     [({"united-states"}, set())]),
])
def test_a_demand_of_both_countries_asks_the_sides_told_before(text: str, lang: str, expected: list) -> None:
    assert asked(text, "2024-11-26", lang) == expected


@pytest.mark.parametrize("text, expected", [
    ("Australian Prime Minister Anthony Albanese reassured the public after speaking with New Zealand Prime "
     "Minister Christopher Luxon on Friday.", [{"australia", "new-zealand"}]),
    ('Trump called Zelenskyy after speaking with Putin to "inform him of the conversation."',
     [{"united-states", "ukraine"}, {"united-states", "russia"}]),
])
def test_speaking_with_a_leader_after_or_before_another_act_is_a_call_of_its_own(text: str,
                                                                                 expected: list) -> None:
    assert sorted(state_sides(text, "2025-03-19", CALL, "en"), key=sorted) == sorted(expected, key=sorted)


def test_meeting_told_after_a_quote_is_the_speakers() -> None:
    text = ('"It is clearly a provocation," Tusk told a news conference after meeting Georgian President '
            'Georgy Margvelashvili.')
    assert participants_of(text, "2015-07-20", "en", MEETING) == [["donald-tusk", "giorgi-margvelashvili"]]


@pytest.mark.parametrize("text, lang, expected", [
    ("According to Axios, Trump and Netanyahu spoke by phone on Sunday evening about the hostages.", "en",
     [("CALL", {"united-states", "israel"})]),
    ("Kabul's defences collapsed under pressure from Taliban fighters advancing to the capital on Sunday.",
     "en", []),
    ("Washington gave Kyiv billions of dollars over three months to keep its government running.", "en",
     [("SUPPORT", {"united-states"})]),
    ("Ukrainian forces retook Kherson city on Friday, nine months after Russian troops occupied it.", "en",
     []),
    ("Morocco welcomed a new official map published by the US State Department that shows Western Sahara "
     "as Moroccan territory.", "en", [("TERRITORIAL_CLAIM", {"morocco"})]),
    ("The European Commission presented a new map on Wednesday that shows Ukraine and Moldova as candidate "
     "states for the first time.", "en", []),
    ("Saudi Arabia, the UAE and Bahrain signed the Al-Ula declaration with Qatar on Tuesday. They agreed "
     "to restore air, land and sea links.", "en",
     [("AGREEMENT", {"saudi-arabia", "united-arab-emirates", "bahrain", "qatar"})]),
    ("Die deutschen Kollegen seien nach Kiew gereist, um sich ein Bild zu machen, sagte ein französischer "
     "Abgeordneter.", "de", []),
    ("Habeck und seine französischen Kollegen von den Grünen forderten die EU auf, einen Gaspreisdeckel "
     "einzuführen.", "de", [("DEMAND", {"germany"})]),
    ("Ships from Russia were banned from Britain's ports under new sanctions.", "en", []),
])
def test_events_the_third_review_found_the_session_31_rules_must_leave_alone(text: str, lang: str,
                                                                              expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2022-11-11", lang), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("text, lang, expected", [
    ("On Monday, according to Axios, Trump and Netanyahu spoke by phone about the hostages.", "en",
     [("CALL", {"united-states", "israel"})]),
    ("Macron said he was speaking with Zelenskiy every week about the war.", "en", []),
    ("Venezuela published an official map that shows the Essequibo region of Guyana as Venezuela's 24th "
     "state.", "en", [("TERRITORIAL_CLAIM", {"venezuela"})]),
    ("Britain, France and Germany triggered the snapback mechanism in coordination with Washington. They "
     "demanded that Iran restore cooperation with the IAEA.", "en",
     [("DEMAND", {"united-kingdom", "france", "germany"})]),
    ("Baerbock telefonierte mit ihren Kollegen aus Frankreich und Polen.", "de",
     [("CALL", {"germany", "france"}), ("CALL", {"germany", "poland"})]),
])
def test_events_the_fourth_review_found_the_session_31_rules_must_leave_alone(text: str, lang: str,
                                                                               expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2025-02-04", lang), key=str) == sorted(expected, key=str)


# --- session 32 -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, lang, expected", [
    # a stand-in's title ("Übergangs-", "Interims-") speaks for the state, as a deputy's does
    ("Trump hatte in separaten Telefonaten mit dem kambodschanischen Ministerpräsidenten Hun Manet und dem "
     "thailändischen Übergangsministerpräsidenten Phumtham Wechayachai gesprochen.", "de",
     [("CALL", {"united-states", "cambodia"}), ("CALL", {"united-states", "thailand"})]),
    # a participle after "X said," has X as its subject, not the sentence's first name
    ("Chile's lawsuit is no surprise, Bolivian President Evo Morales said, calling on Santiago to drop it.",
     "en", [("DEMAND", {"bolivia"})]),
])
def test_who_the_session_32_rules_find_as_sides(text: str, lang: str, expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2016-06-07", lang), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("text, lang, expected", [
    ("Thailand and Cambodia called on each other to stop the fighting.", "en",
     [({"thailand"}, {"cambodia"}), ({"cambodia"}, {"thailand"})]),
    ("Die Kämpfe zwischen Thailand und Kambodscha dauerten an. Beide Länder forderten die jeweilige "
     "Gegenseite auf, die Kämpfe einzustellen.", "de",
     [({"thailand"}, {"cambodia"}), ({"cambodia"}, {"thailand"})]),
    ("Ungeachtet der Geschäfte erinnerte François Hollande den Iran an seine Verpflichtungen aus dem "
     "Atomabkommen.", "de", [({"france"}, {"iran"})]),
    ("Biden reminded China of its commitments under the trade deal.", "en", [({"united-states"}, {"china"})]),
    ("Die Brüsseler Behörde forderte die polnische Regierung auf, ihre Justizreform auszusetzen.", "de",
     [({"european-union"}, {"poland"})]),
    ("Die irakische Regierung hat die Uno um die Einberufung des Sicherheitsrates gebeten, um Ankara zum "
     "Rückzug zu zwingen.", "de", [({"iraq"}, {"united-nations"})]),
    ("Japan's vice foreign minister summoned a senior official at the Chinese embassy in Tokyo, and strongly "
     "demanded that such an incident not be repeated.", "en", [({"japan"}, {"china"})]),
    ("Mr Sio is attending at the request of Foreign Minister Nanaia Mahuta, who is unable to travel to the "
     "meeting.", "en", []),
])
def test_whom_the_session_32_demands_ask(text: str, lang: str, expected: list) -> None:
    assert sorted(asked(text, "2016-01-28", lang), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("text, lang", [
    # soldiers welcomed are no guests; a visit timed by something else has none of its names as sides
    ("Polish authorities and ordinary Poles welcomed Saturday U.S. troops who arrived this week.", "en"),
    ("His visit came as the US revealed it had begun joint patrols with the Philippines.", "en"),
    # an owner of something other than land is no claimant; a participle after "highly" an adjective
    ("Estonia joined NATO in 2004. It is part of the Pentagon's operation aimed at countering Russia.", "en"),
    ('"This is a highly trained U.S. armoured brigade," U.S. ambassador to Poland Paul Jones said.', "en"),
])
def test_what_the_session_32_rules_read_as_no_event(text: str, lang: str) -> None:
    assert kinds_and_sides(text, "2017-01-14", lang) == []


def test_the_ministrys_own_words_stand_between_a_state_and_its_minister() -> None:
    text = ("Australia's Immigration Minister Scott Morrison signed the deal on Friday with Cambodia's "
            "Interior Minister Sar Kheng.")
    assert participants_of(text, "2014-09-26", "en", AGREEMENT) == [["australia", "cambodia"]]


@pytest.mark.parametrize("text", [
    "Kenya signed the agreement with Haiti on Friday.",
    "Australia signed the deal on Friday with Cambodia's Interior Minister Sar Kheng.",
])
def test_when_and_with_whom_a_deal_was_signed_is_not_what_it_is_about(text: str) -> None:
    """(a topic of its own would keep it apart from the deal told before)"""
    article = read_article(text, published=dt.date(2014, 9, 27), lang="en")
    assert [(e.type, e.topic) for e in article.events] == [(AGREEMENT, None)]


def test_land_owned_by_a_state_is_still_claimed_as_part_of_it() -> None:
    text = "Crimea is part of Russia's territory, Putin said."
    assert state_claims(text, "2016-06-07") == {("russia", "crimea")}


@pytest.mark.parametrize("text, expected", [
    ("Biden met Xi in Bali on Monday, urging China to rein in North Korea.",
     [({"united-states"}, {"china"})]),
    ("Zelensky said on Monday, calling on Germany to send more air defence, that attacks had grown.",
     [({"ukraine"}, {"germany"})]),
])
def test_a_participle_after_a_clause_asks_in_that_clauses_subjects_name(text: str, expected: list) -> None:
    assert asked(text, "2022-11-14", "en") == expected


@pytest.mark.parametrize("text, lang, expected", [
    # a threat on a condition asks the other side to meet it
    ('Gentiloni on Tuesday threatened "immediate and proportional" measures against Egypt if Cairo did not '
     "speed up the probe.", "en", [({"italy"}, {"egypt"})]),
    ("Trump threatened tariffs on Mexico unless it stopped migrants from crossing the border.", "en",
     [({"united-states"}, {"mexico"})]),
    ("Trump drohte Mexiko mit Strafzöllen, falls das Land die Migration nicht stoppe.", "de",
     [({"united-states"}, {"mexico"})]),
    ("Iran threatened to close the Strait of Hormuz if attacked.", "en", []),
    ("Iran threatened to close the Strait of Hormuz if it could not export its oil.", "en", []),
    # a target whose people or fighters must act is not asked; a group named after "if" is
    ("Israel threatened to strike Beirut's southern suburbs if residents did not leave.", "en", []),
    ("Israel drohte mit einem Großangriff auf den Libanon, falls die Hisbollah ihre Angriffe nicht "
     "einstelle.", "de", [({"israel"}, {"hezbollah"})]),
    ("Bulgarien hatte bereits gedroht, das zu verhindern, sollte Nordmazedonien nicht anerkennen, dass "
     "dessen Sprache ein Dialekt des Bulgarischen sei.", "de", [({"bulgaria"}, {"north-macedonia"})]),
    # a state's electoral authorities are the state's
    ("The United States continued to appeal to the Venezuelan electoral authorities to disclose complete "
     "voting results.", "en", [({"united-states"}, {"venezuela"})]),
    ("Die USA forderten die venezolanische Wahlbehörde auf, die Ergebnisse offenzulegen.", "de",
     [({"united-states"}, {"venezuela"})]),
])
def test_threats_and_electoral_authorities_the_session_32_rules_read(text: str, lang: str,
                                                                     expected: list) -> None:
    assert asked(text, "2025-02-01", lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("Selenskyj ist in Berlin. Der ukrainische Präsident will mit Scholz über Waffen sprechen.", "de",
     [("MEETING", {"ukraine", "germany"})]),
    ("Außenministerin Annalena Baerbock reist durch den Kaukasus. Zuvor war sie in Georgien und Armenien.",
     "de", [("MEETING", {"germany", "georgia"}), ("MEETING", {"germany", "armenia"})]),
    ("Biden was in Warsaw on Tuesday, a year after the invasion.", "en",
     [("MEETING", {"united-states", "poland"})]),
    ("Erdogan arrived in Nairobi on Wednesday. Before Kenya, Mr Erdogan was in Uganda where he spent two "
     "days.", "en", [("MEETING", {"turkey", "kenya"}), ("MEETING", {"turkey", "uganda"})]),
    # not a leader in their own state, nor one staying that is judged or liked there
    ("Widodo ist in Indonesien äußerst beliebt.", "de", []),
    ("Der Präsident war in Deutschland heftig kritisiert worden.", "de", []),
    ("Xi was in no mood for talks.", "en", []),
])
def test_a_leader_staying_in_another_state_visits_it(text: str, lang: str, expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2023-02-21", lang), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("text, lang, published, expected", [
    # a veto or talks broken off elsewhere in the sentence leave a meeting held
    ("Two days after the U.S. veto, Blinken met Brazil's President Lula in Brasilia on Wednesday.", "en",
     "2024-02-22", [("MEETING", {"united-states", "brazil"})]),
    ("Trump abruptly broke off the Oval Office meeting with Zelensky on Friday after a heated exchange.",
     "en", "2025-02-28", [("MEETING", {"united-states", "ukraine"})]),
    # a delegation or a chief of the armed forces is a guest
    ("Chinese Defence Minister Dong Jun welcomed a Russian military delegation in Beijing on Tuesday.", "en",
     "2024-05-21", [("MEETING", {"china", "russia"})]),
    ("Trump welcomed Pakistani Army Chief Asim Munir at the White House on Wednesday.", "en", "2025-06-18",
     [("MEETING", {"united-states", "pakistan"})]),
    # "has fully financed" is a verb
    ("Germany has fully financed a third Patriot system for Ukraine, the defence ministry said.", "en",
     "2024-06-18", [("SUPPORT", {"germany"})]),
    ("Frederiksen said Greenland is part of Denmark's realm and not for sale.", "en", "2025-01-08",
     [("TERRITORIAL_CLAIM", {"denmark"})]),
    # calling on a body ("die Uno anrufen") is no phone call
    ("Griechenland hat die Uno angerufen, um die Türkei zum Abzug ihrer Forschungsschiffe zu bewegen.", "de",
     "2024-04-30", []),
])
def test_events_the_first_review_found_the_session_32_rules_must_leave_alone(
        text: str, lang: str, published: str, expected: list) -> None:
    assert sorted(kinds_and_sides(text, published, lang), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("text, lang, expected", [
    # the one reminded is the verb's object, not a name in what is owed
    ("Selenskyj erinnerte die Nato an ihre Zusage von Bukarest 2008, die Ukraine aufzunehmen.", "de",
     [({"ukraine"}, {"nato"})]),
    ("Merz erinnerte Trump an seine Zusage, die Ukraine nicht fallen zu lassen.", "de",
     [({"germany"}, {"united-states"})]),
    ("Stoltenberg reminded reporters of NATO's commitment that Ukraine's future is in NATO.", "en", []),
    # sources who report what a state did demand nothing
    ("Hungary blocked the new sanctions package on Monday, EU diplomats said, demanding exemptions for "
     "Russian gas.", "en", [({"hungary"}, {"european-union"})]),
])
def test_demands_the_first_review_found_the_session_32_rules_must_leave_alone(text: str, lang: str,
                                                                              expected: list) -> None:
    assert asked(text, "2025-05-30", lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # a leader arriving in another state visits it; goods arriving are supplies
    ("Putin arrived in Beijing on Monday.", "en", [("MEETING", {"russia", "china"})]),
    ("Putin ist am Montag in Peking eingetroffen.", "de", [("MEETING", {"russia", "china"})]),
    ("Am Montag ist Putin in Peking gelandet.", "de", [("MEETING", {"russia", "china"})]),
    ("One million Chinese Sinopharm vaccine doses arrived in Belgrade on Saturday.", "en",
     [("SUPPORT", {"china"})]),
    ("Flugzeuge mit Hilfsgütern aus Australien landeten in Fidschi.", "de", [("SUPPORT", {"australia"})]),
    ("Ukrainian refugees arrived in Poland.", "en", []),
    ("Der israelische Botschafter Ron Prosor ist in Berlin eingetroffen.", "de", []),
    ("Scholz und Macron sind am Montag in Kiew eingetroffen.", "de",
     [("MEETING", {"germany", "france", "ukraine"})]),
    ("A Ukrainian grain ship docked in Istanbul.", "en", []),
    # the one who arrives and the host, not whom they met the day before
    ("Einen Tag nach seinem Krisentreffen mit Kremlchef Wladimir Putin ist der französische Präsident "
     "Emmanuel Macron am Dienstag in Kiew eingetroffen.", "de", [("MEETING", {"france", "ukraine"})]),
])
def test_who_or_what_arrives_in_another_state(text: str, lang: str, expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2021-01-16", lang), key=str) == sorted(expected, key=str)


def test_a_visit_told_from_its_arrival_to_its_end_is_one_meeting() -> None:
    text = ("Mit einem Abstecher in den Süden des Landes beendet Bundespräsident Frank-Walter Steinmeier am "
            "Mittwoch seinen Staatsbesuch in Vietnam. Der Bundespräsident war am Dienstag zu seinem "
            "Staatsbesuch in Hanoi eingetroffen.")
    assert kinds_and_sides(text, "2024-01-24", "de") == [("MEETING", {"germany", "vietnam"})]


@pytest.mark.parametrize("text, lang, expected", [
    ("Der stellvertretende Regierungschef Abdul Ghani Baradar besuchte die Region.", "de", set()),
    ("Deputy Prime Minister Abdul Ghani Baradar visited the region.", "en", set()),
    ("Der Besuch Putins Ende Mai war lange geplant.", "de", {"vladimir-putin"}),
])
def test_a_leaders_surname_inside_someone_elses_name_is_not_that_leader(text: str, lang: str,
                                                                       expected: set) -> None:
    article = read_article(text, published=dt.date(2023, 10, 10), lang=lang)
    assert {m.entity for m in article.mentions} == expected


@pytest.mark.parametrize("text, lang, expected", [
    # being liked, known or an envoy somewhere is no visit; nor a holiday
    ("Putin is deeply unpopular in Ukraine.", "en", []),
    ("Selenskyj ist in Polen und Litauen sehr beliebt.", "de", []),
    ("Macron ist in Deutschland für seine Reden bekannt.", "de", []),
    ("Der deutsche Botschafter war in Teheran, als die Proteste begannen.", "de", []),
    ("Scholz is in Italy on holiday.", "en", []),
    ("Merz war als Oppositionsführer oft in Paris.", "de", []),
    # "droht" of what may befall a state is no threat
    ("Deutschland droht ein Vertragsverletzungsverfahren, falls die Regierung die Richtlinie nicht umsetzt.",
     "de", []),
    # "einander" in what a third side is asked is no demand of each other
    ("Brasilien und China riefen die Konfliktparteien auf, einander zuzuhören.", "de",
     [("DEMAND", {"brazil", "china"})]),
    # a call to the head of a body is a phone call; a force's commander is a guest
    ("Selenskyj rief IAEA-Chef Grossi an.", "de", [("CALL", {"ukraine", "iaea"})]),
    ("Duda welcomed U.S. forces commander Gen. Christopher Cavoli in Warsaw.", "en",
     [("MEETING", {"poland", "united-states"})]),
    # an accord a journey is for has not been reached
    ("Macron war am Donnerstag früh in Kigali eingetroffen, um eine Normalisierung in den Beziehungen "
     "einzuleiten.", "de", [("MEETING", {"france", "rwanda"})]),
])
def test_events_the_second_review_found_the_session_32_rules_must_leave_alone(text: str, lang: str,
                                                                               expected: list) -> None:
    assert sorted(kinds_and_sides(text, "2025-03-10", lang), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("text, lang, expected", [
    ("Bilateral cooperation between China and Laos has grown since the two formed a comprehensive strategic "
     "partnership five years ago.", "en", ("AGREEMENT", {"china", "laos"}, "2016-01-01y")),
    ("China und Laos gingen eine umfassende strategische Partnerschaft ein.", "de",
     ("AGREEMENT", {"china", "laos"}, "2021-05-17d")),
    ("Merkel hatte Indonesien vor neun Jahren besucht.", "de",
     ("MEETING", {"germany", "indonesia"}, "2012-01-01y")),
])
def test_partnerships_formed_and_years_ago(text: str, lang: str, expected: tuple) -> None:
    assert dated(text, "2021-05-17", lang) == [expected]


@pytest.mark.parametrize("text, lang, expected", [
    # a right to ask is no asking
    ("Chile has every right to demand compliance from Venezuela.", "en", []),
    # all parties in a state are not that state
    ("Madagascar's military took power on Tuesday after President Rajoelina fled Madagascar. In a statement, "
     "the AU Commission chairperson said the rule of law must prevail, urging all parties in Madagascar to "
     "pursue dialogue.", "en", [({"african-union"}, set())]),
])
def test_demands_of_no_one_named(text: str, lang: str, expected: list) -> None:
    assert asked(text, "2025-10-15", lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # talks beside a signing the two attended are no phone call
    ("Vor der Unterzeichnung hatte Selenskyj fast eine Stunde lang mit Scholz gesprochen.", "de",
     [("MEETING", {"ukraine", "germany"})]),
    ("Before the signing ceremony, Zelensky spoke with Scholz for almost an hour.", "en", []),
    ("Zelensky spoke with Scholz for almost an hour.", "en", [("CALL", {"ukraine", "germany"})]),
])
def test_talks_beside_a_signing_are_no_phone_call(text: str, lang: str, expected: list) -> None:
    assert kinds_and_sides(text, "2024-02-16", lang) == expected


def test_a_trip_told_in_the_present_with_a_weekday_to_come_is_no_meeting_yet() -> None:
    assert kinds_and_sides("Biden arrives in Israel on Wednesday.", "2023-10-17", "en") == []
    assert dated("Biden arrived in Israel on Wednesday.", "2023-10-17", "en") == [
        ("MEETING", {"united-states", "israel"}, "2023-10-11d")]

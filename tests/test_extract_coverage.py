"""Coverage rows of data/lexicons/triggers.tsv written from a reading of public event-coding
dictionaries (issue 16, item 2): for each family of phrasings, sentences that must yield the
event with the right sides, and sentences that must not (negated, planned, a noun use that is
not the event).

Every sentence is our own wording, written for these tests; none comes from a corpus.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geokg.extract import read_article
from geokg.extract.model import Article, EventType

CALL, MEETING, DEMAND = EventType.CALL, EventType.MEETING, EventType.DEMAND
CLAIM, AGREEMENT, SUPPORT = EventType.TERRITORIAL_CLAIM, EventType.AGREEMENT, EventType.SUPPORT


def read(text: str, published: str = "2024-05-15") -> Article:
    return read_article(text, published=dt.date.fromisoformat(published))


def sides(article: Article, kind: EventType) -> list[frozenset[str]]:
    return [frozenset(e.participants) for e in article.events if e.type is kind]


def directed(article: Article, kind: EventType) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Who demands of whom, who supplies whom."""
    return [(frozenset(e.participants), frozenset(e.addressees))
            for e in article.events if e.type is kind]


def claims(article: Article) -> list[tuple[str, str]]:
    return [(e.participants[0], e.territories[0]) for e in article.events
            if e.type is CLAIM and e.territories]


def kinds(article: Article) -> set[EventType]:
    return {e.type for e in article.events}


# --- CALL: telephone and video contacts -------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Erdoğan and Putin held a conference call about grain exports on Thursday.",
     {"recep-tayyip-erdogan", "vladimir-putin"}),
    ("The two foreign ministers, Wang Yi and Sergei Lavrov, spoke in a teleconference on Friday.",
     {"china", "russia"}),
    ("Biden and Kishida held virtual talks on Tuesday.", {"joe-biden", "fumio-kishida"}),
    ("Macron called Zelensky to congratulate him on the vote.",
     {"emmanuel-macron", "volodymyr-zelenskyy"}),
    ("Kanzler Scholz hat am Mittwoch den brasilianischen Präsidenten Lula angerufen.",
     {"olaf-scholz", "luiz-inacio-lula-da-silva"}),
    ("Nachdem Meloni am Dienstag Erdoğan angerufen hatte, reiste sie ab.",
     {"giorgia-meloni", "recep-tayyip-erdogan"}),
    ("Die Außenminister Baerbock und Kuleba berieten in einem Videotreffen über Munition.",
     {"germany", "ukraine"}),
    ("Der Kanzler stand in engem Telefonkontakt mit Präsident Macron, sagte Scholz.",
     {"olaf-scholz", "emmanuel-macron"}),
    ("Scholz und Macron sprachen in einer virtuellen Konferenz über die Lage.",
     {"olaf-scholz", "emmanuel-macron"}),
])
def test_calls_in_coder_phrasings(text: str, expected: set[str]) -> None:
    assert frozenset(expected) in sides(read(text), CALL)


@pytest.mark.parametrize("text", [
    "Emmanuel Macron called Vladimir Putin a dictator on Monday.",  # "call" as naming
    "Macron called on Zelensky to discuss the grain corridor.",  # a demand, not a call
    "Macron did not call Zelensky to congratulate him.",
    "Macron wanted to call Zelensky to congratulate him.",
    "Biden and Xi would hold virtual talks next week.",
    "Scholz will Lula am Montag anrufen.",
    "Scholz hat Lula nicht angerufen.",
])
def test_no_call_in_coder_phrasings(text: str) -> None:
    assert sides(read(text), CALL) == []


# --- MEETING: meet, host, visit, consult in person -------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Xi Jinping and Emmanuel Macron talked face to face for three hours in Guangzhou.",
     {"xi-jinping", "emmanuel-macron"}),
    ("Biden held a one-on-one meeting with Xi in Woodside.", {"joe-biden", "xi-jinping"}),
    ("Erdoğan played host to Putin in Sochi on Monday.",
     {"recep-tayyip-erdogan", "vladimir-putin"}),
    ("Antony Blinken conferred with Dmytro Kuleba in Kyiv on Thursday.",
     {"united-states", "ukraine"}),
    ("Antony Blinken consulted with Jordan's King Abdullah in Amman on Saturday.",
     {"united-states", "abdullah-ii-of-jordan"}),  # "Jordan's King": the holder
    ("Wang Yi talked with Sergei Lavrov on the sidelines of the G20 meeting.", {"china", "russia"}),
    ("Kishida toured Kyiv on Tuesday.", {"fumio-kishida", "ukraine"}),
    ("Macron dined with Xi Jinping in Guangzhou on Friday.", {"emmanuel-macron", "xi-jinping"}),
    ("Scholz had dinner with Macron in Hamburg on Monday.", {"olaf-scholz", "emmanuel-macron"}),
    ("King Charles held an audience with Emmanuel Macron at Windsor on Thursday.",
     {"charles-iii", "emmanuel-macron"}),
    ("Narendra Modi received a guard of honour in Paris on Friday.", {"narendra-modi", "france"}),
    ("Lula was given a welcome ceremony in Beijing on Friday.",
     {"luiz-inacio-lula-da-silva", "china"}),
    ("Steinmeier sprach am Freitag mit Duda unter vier Augen.",
     {"frank-walter-steinmeier", "andrzej-duda"}),
    ("Merkel und Macron hatten am Abend in Aachen lange miteinander gesprochen.",
     {"angela-merkel", "emmanuel-macron"}),
    ("Scholz und Macron haben sich am Montag in Paris ausgetauscht.",
     {"olaf-scholz", "emmanuel-macron"}),
    ("Lula and Xi exchanged views on trade in Beijing on Friday.",
     {"luiz-inacio-lula-da-silva", "xi-jinping"}),
    ("The presidents of Brazil and Argentina came together in Brasília on Monday.",
     {"luiz-inacio-lula-da-silva", "argentina"}),
    ("Die dritte Verhandlungsrunde zwischen Armenien und Aserbaidschan fand in Washington statt.",
     {"armenia", "azerbaijan"}),
    ("Die deutsch-indischen Regierungskonsultationen fanden am Montag in Berlin statt.",
     {"germany", "india"}),
    ("Scholz konferierte am Dienstag in Washington mit Biden.", {"olaf-scholz", "joe-biden"}),
    ("Der Bundespräsident weilte am Donnerstag in Warschau.",
     {"frank-walter-steinmeier", "poland"}),
    ("Außenministerin Baerbock flog am Dienstag überraschend nach Kiew.", {"germany", "ukraine"}),
    ("Macron legte bei seiner Stippvisite in Berlin einen Kranz nieder.",
     {"emmanuel-macron", "germany"}),
    ("Xi Jinping wurde in Paris mit militärischen Ehren begrüßt.", {"xi-jinping", "france"}),
    ("Macron kam am Abend zu einem Arbeitsessen mit Scholz ins Kanzleramt.",
     {"emmanuel-macron", "olaf-scholz"}),
    ("Scholz und Xi hatten zuvor ein Zweiergespräch in Peking.", {"olaf-scholz", "xi-jinping"}),
])
def test_meetings_in_coder_phrasings(text: str, expected: set[str]) -> None:
    assert frozenset(expected) in sides(read(text), MEETING)


@pytest.mark.parametrize("text", [
    "Germany has kept to the sidelines of the dispute between Serbia and Kosovo.",
    "Modi and Albanese have never met face to face.",
    "Kishida plans to tour Kyiv next month.",
    "The dinner with Macron was cancelled, Scholz said.",
    "Scholz soll am Dienstag nach Peking fliegen.",
    "Scholz wird am Montag in Tokio weilen.",
    "Macron und Scholz haben nicht miteinander gesprochen.",
    "Lula and Xi have not exchanged views on trade.",
    # a name in the topic is no side; the mere naming of a tour is no visit of its stops
    "Kishida, back from a tour of G7 capitals, gave a speech in Tokyo.",
    # welcoming a decision names no guest; talks favoured are no talks held
    "Scholz begrüßte Russlands Entscheidung am Dienstag.",
    "Baerbock sprach sich am Montag für Gespräche mit Russland aus.",
])
def test_no_meeting_in_coder_phrasings(text: str) -> None:
    assert sides(read(text), MEETING) == []


# --- DEMAND: exhort, lobby, press, plead; ermahnen, anmahnen, beharren, Frist ----------------

@pytest.mark.parametrize(("text", "demander", "addressee"), [
    ("Blinken exhorted Israel to let more trucks into Gaza.", "united-states", "israel"),
    ("Zelensky begged Germany for more air defence systems.", "volodymyr-zelenskyy", "germany"),
    ("Poland lobbied Washington to send more troops.", "poland", "united-states"),
    ("Washington piled pressure on Beijing to rein in North Korea.", "united-states", "china"),
    ("The EU set a deadline for Serbia to recognise the vote.", "european-union", "serbia"),
    ("Biden pushed Netanyahu to allow more aid into Gaza.", "joe-biden", "benjamin-netanyahu"),
    ("Biden pressed Xi on fentanyl during the summit.", "joe-biden", "xi-jinping"),
    ("Macron leaned on Erdoğan to approve Sweden's membership.", "emmanuel-macron",
     "recep-tayyip-erdogan"),
    ("Kyiv petitioned the EU for faster accession.", "ukraine", "european-union"),
    ("Zelensky made a plea to NATO for fighter jets.", "volodymyr-zelenskyy", "nato"),
    ("Baerbock ermahnte China, sich an das Völkerrecht zu halten.", "germany", "china"),
    ("Selenskyj beschwor die Nato, die Ukraine aufzunehmen.", "volodymyr-zelenskyy", "nato"),
    ("Moldau ersuchte die EU um Hilfe bei der Energieversorgung.", "moldova", "european-union"),
    ("Scholz beharrte auf dem Abzug der russischen Truppen.", "olaf-scholz", "russia"),
    ("Die EU setzte Serbien eine Frist bis Ende Mai.", "european-union", "serbia"),
    ("Die Ukraine richtete ein Hilfegesuch an die Europäische Union.", "ukraine",
     "european-union"),
    ("Scholz richtete eine Mahnung an Peking.", "olaf-scholz", "china"),
    ("Moskau stellte der Ukraine einen Forderungskatalog.", "russia", "ukraine"),
])
def test_demands_in_coder_phrasings(text: str, demander: str, addressee: str) -> None:
    assert (frozenset({demander}), frozenset({addressee})) in directed(read(text), DEMAND)


@pytest.mark.parametrize(("text", "demander"), [
    ("Scholz mahnte bei Serbien Reformen an.", "olaf-scholz"),
    ("Guterres wiederholte seinen Aufruf zu einem Waffenstillstand im Gazastreifen.",
     "antonio-guterres"),
    ("Selenskyj flehte den Westen um Flugabwehr an.", "volodymyr-zelenskyy"),
])
def test_demands_without_a_named_addressee(text: str, demander: str) -> None:
    assert frozenset({demander}) in [d for d, _ in directed(read(text), DEMAND)]


@pytest.mark.parametrize("text", [
    "Blinken did not exhort Israel to let more trucks into Gaza.",
    "Poland might lobby Washington to send more troops.",
    "Scholz begged for patience.",  # no one is asked
    "Biden pressed ahead with the plan.",
    "Biden will press Xi on fentanyl at the summit.",
    "Zelensky made no plea to NATO for fighter jets.",
    "Baerbock hat China nicht ermahnt.",
    "Scholz lehnte es ab, bei Serbien Reformen anzumahnen.",
    "Selenskyj beschwor die Einheit Europas, als er in Brüssel sprach.",  # invoked, not urged
    "Die EU will Serbien eine Frist setzen.",
    "Polen hat nie Reparationen eingefordert.",
    # whose request it is: the genitive asks, the subject grants
    "Berlin kam der Bitte Kiews um Kampfjets nach.",
])
def test_no_demand_in_coder_phrasings(text: str) -> None:
    assert directed(read(text), DEMAND) == []


# --- AGREEMENT: initial, reach an understanding, settle, conclude, restore ties --------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Armenia and Azerbaijan initialled a peace treaty on Thursday.", {"armenia", "azerbaijan"}),
    ("India and China reached an understanding on border patrols.", {"india", "china"}),
    ("Israel and Hamas struck a compromise on the hostage exchange.", {"israel", "hamas"}),
    ("Greece and North Macedonia came to an agreement on the name.",
     {"greece", "north-macedonia"}),
    ("Croatia and Slovenia settled their border dispute in The Hague.", {"croatia", "slovenia"}),
    ("Iran and Russia entered into a strategic partnership on Friday.", {"iran", "russia"}),
    ("Vietnam and the United States upgraded ties to a comprehensive strategic partnership.",
     {"vietnam", "united-states"}),
    ("Russia and Ukraine extended the grain deal by two months.", {"russia", "ukraine"}),
    ("The EU and Turkey worked out a deal on migrants.", {"european-union", "turkey"}),
    ("Armenia and Azerbaijan concluded a treaty in Washington.", {"armenia", "azerbaijan"}),
    ("Moscow and Pyongyang sealed a pact on mutual defence.", {"russia", "north-korea"}),
    ("China and Russia issued a joint statement on Tuesday.", {"china", "russia"}),
    ("Macron and Scholz vowed to deepen their cooperation.", {"emmanuel-macron", "olaf-scholz"}),
    ("Germany and Ukraine signed a security arrangement on Friday.", {"germany", "ukraine"}),
    ("Aserbaidschan und Armenien haben den Friedensvertrag paraphiert.",
     {"azerbaijan", "armenia"}),
    ("Russland und Nordkorea schlossen eine Partnerschaft.", {"russia", "north-korea"}),
    ("Die Türkei und Schweden fanden einen Kompromiss.", {"turkey", "sweden"}),
    ("Israel und die Hamas kamen am Freitag überein, die Feuerpause zu verlängern.",
     {"israel", "hamas"}),
    ("Serbien und Kosovo handelten in Brüssel ein Abkommen aus.", {"serbia", "kosovo"}),
    ("Die EU und die Schweiz erzielten einen Durchbruch bei den Verhandlungen.",
     {"european-union", "switzerland"}),
    ("Saudi-Arabien und Iran nahmen ihre diplomatischen Beziehungen wieder auf.",
     {"saudi-arabia", "iran"}),
    ("Israel und Marokko normalisierten ihre Beziehungen.", {"israel", "morocco"}),
    ("Saudi-Arabien und Iran stellten ihre Beziehungen wieder her.", {"saudi-arabia", "iran"}),
    ("China und Russland gaben eine gemeinsame Erklärung ab.", {"china", "russia"}),
    ("Russland und die Ukraine verlängerten das Getreideabkommen.", {"russia", "ukraine"}),
    ("Xi und Putin beschlossen eine Vertiefung der Beziehungen.",
     {"xi-jinping", "vladimir-putin"}),
    ("Scholz und Macron unterzeichneten eine Absichtserklärung.",
     {"olaf-scholz", "emmanuel-macron"}),
    ("Canada and Mexico made a breakthrough on trade rules on Tuesday.", {"canada", "mexico"}),
    ("Polen und Litauen waren sich darin einig, dass die Grenze sicher sein muss.",
     {"poland", "lithuania"}),
])
def test_agreements_in_coder_phrasings(text: str, expected: set[str]) -> None:
    assert frozenset(expected) in sides(read(text), AGREEMENT)


@pytest.mark.parametrize("text", [
    "Russia vowed to retaliate.",  # one side vows, no one agrees with it
    "Der Bundestag beschloss ein neues Gesetz.",
    "Russland und Belarus schlossen die Grenze.",  # "schließen" of a border
    "India and China did not reach an understanding on border patrols.",
    "Israel and Hamas might strike a compromise next week.",
    "Die Türkei und Schweden fanden keinen Kompromiss.",
    "Serbien und Kosovo wollen in Brüssel ein Abkommen aushandeln.",
    "Iran and Russia plan to enter into a strategic partnership.",
    "Polen und Litauen waren sich nicht einig.",
    "China und Russland gaben keine gemeinsame Erklärung ab.",
])
def test_no_agreement_in_coder_phrasings(text: str) -> None:
    assert sides(read(text), AGREEMENT) == []



# --- SUPPORT: extend, allocate, disburse, lend, airlift, dispatch, sell; überweisen, Kredit ---

@pytest.mark.parametrize(("text", "supplier", "receiver"), [
    ("Japan extended a 500 million dollar loan to Ukraine.", "japan", "ukraine"),
    ("The EU allocated 50 billion euros to Ukraine on Thursday.", "european-union", "ukraine"),
    ("The IMF disbursed a 900 million dollar tranche to Ukraine.", "imf", "ukraine"),
    ("China lent Pakistan 2 billion dollars.", "china", "pakistan"),
    ("Britain dispatched Storm Shadow missiles to Ukraine.", "united-kingdom", "ukraine"),
    ("The United States sold F-35 jets to Poland.", "united-states", "poland"),
    ("South Korea exported howitzers to Poland.", "south-korea", "poland"),
    ("The EU released a tranche of aid to Ukraine.", "european-union", "ukraine"),
    ("Japan contributed 100 million dollars to Ukraine.", "japan", "ukraine"),
    ("NATO allies rushed air defences to Ukraine.", "nato", "ukraine"),
    ("The World Bank approved a loan to Egypt.", "world-bank", "egypt"),
    ("Germany increased its financial support for Moldova.", "germany", "moldova"),
    ("Deutschland sandte Munition in die Ukraine.", "germany", "ukraine"),
    ("Kanada verschiffte Panzer nach Polen.", "canada", "poland"),
    ("Südkorea verkaufte Panzer an Polen.", "south-korea", "poland"),
    ("Deutschland finanziert Munition für die Ukraine.", "germany", "ukraine"),
    ("Die EU überwies der Ukraine 4,5 Milliarden Euro.", "european-union", "ukraine"),
    ("Der IWF zahlte der Ukraine eine Tranche von 900 Millionen Dollar aus.", "imf", "ukraine"),
    ("China vergab einen Kredit an Pakistan.", "china", "pakistan"),
    ("Deutschland stockte die Militärhilfe für die Ukraine auf.", "germany", "ukraine"),
    ("Scholz stellte der Ukraine weitere Panzer in Aussicht.", "olaf-scholz", "ukraine"),
    ("Biden versprach der Ukraine weitere Raketen.", "joe-biden", "ukraine"),
    ("Die EU beschloss eine Finanzspritze für Griechenland.", "european-union", "greece"),
    ("Die Weltbank sagte der Ukraine Wiederaufbauhilfe über 2 Milliarden Dollar zu.",
     "world-bank", "ukraine"),
])
def test_supplies_in_coder_phrasings(text: str, supplier: str, receiver: str) -> None:
    assert (frozenset({supplier}), frozenset({receiver})) in directed(read(text), SUPPORT)


@pytest.mark.parametrize("text", [
    "China's oil exports to India rose sharply in May.",  # a trade figure, no supply told
    "Germany sold its stake in the company.",
    "Japan did not extend a loan to Ukraine.",
    "The EU might allocate 50 billion euros to Ukraine.",
    "Germany denied that it had sold tanks to Saudi Arabia.",
    "Hungary refused to release the tranche of aid to Ukraine.",
    "Poland has never exported weapons to Iran.",
    "Deutschland verkaufte keine Panzer an Saudi-Arabien.",
    "Die EU wollte der Ukraine kein Geld überweisen.",
    "Die Weltbank lehnte einen Kredit für Argentinien ab.",
    "Der IWF hat die Tranche für die Ukraine nicht ausgezahlt.",
    "Scholz versprach, Reformen umzusetzen.",  # a promise of no goods
    "Deutschland stockt die Bundeswehr auf.",  # arming oneself
    "Deutschland exportiert Autos nach China.",  # trade in goods of no supply kind
])
def test_no_supply_in_coder_phrasings(text: str) -> None:
    assert directed(read(text), SUPPORT) == []


# --- TERRITORIAL_CLAIM: rightful owner, historic rights, inherent part; reklamiert, Hoheit ----

@pytest.mark.parametrize(("text", "claimant", "territory"), [
    ("Beijing says it is the rightful owner of the Spratly Islands.", "china", "spratly-islands"),
    ("Buenos Aires stressed its historic rights to the Falkland Islands.", "argentina",
     "falkland-islands"),
    ("Tokyo calls the Kuril Islands an inherent part of Japan.", "japan", "kuril-islands"),
    ("Japan describes the Kuril Islands as its inherent territory.", "japan", "kuril-islands"),
    ("China asserts sovereign rights over the Paracel Islands.", "china", "paracel-islands"),
    ("Officials in Beijing said Taiwan is part and parcel of China.", "china", "taiwan"),
    ("China reklamiert Taiwan für sich.", "china", "taiwan"),
    ("Argentinien hält an seinem Souveränitätsanspruch auf die Falklandinseln fest.",
     "argentina", "falkland-islands"),
    ("Peking bezeichnet Taiwan als untrennbaren Bestandteil Chinas.", "china", "taiwan"),
    ("Die Annektierung der Krim durch Russland verstieß gegen das Völkerrecht.", "russia",
     "crimea"),
    ("Marokko beansprucht die Hoheit über die Westsahara.", "morocco", "western-sahara"),
    ("Russland zählt die Krim zu seinem Staatsgebiet.", "russia", "crimea"),
    ("Beijing considers Taiwan its own.", "china", "taiwan"),
])
def test_claims_in_coder_phrasings(text: str, claimant: str, territory: str) -> None:
    assert (claimant, territory) in claims(read(text))


@pytest.mark.parametrize("text", [
    "Germany is the rightful owner of the painting.",
    "The historic rights of fishermen were discussed.",
    "Ukraine is an inseparable part of the European family, Scholz said.",
    "Die Ukraine reklamierte bei der EU fehlende Munitionslieferungen.",  # a complaint
    "Tokyo does not call the Kuril Islands an inherent part of Japan.",
    "Russia considers Ukraine its own sphere of influence.",  # "its own" must end the phrase
])
def test_no_claim_in_coder_phrasings(text: str) -> None:
    assert claims(read(text)) == []


@pytest.mark.parametrize(("headline", "expected"), [
    ("India, China reach understanding on border patrols", {"india", "china"}),
    ("Putin, Kim seal defence pact", {"vladimir-putin", "kim-jong-un"}),
    ("Israel, Hamas strike truce", {"israel", "hamas"}),
    ("Iran, Russia enter into strategic partnership", {"iran", "russia"}),
    ("Putin und Kim besiegeln Partnerschaft", {"vladimir-putin", "kim-jong-un"}),
    ("Israel und Hamas schließen Waffenstillstand", {"israel", "hamas"}),
    ("Türkei und Schweden finden Kompromiss", {"turkey", "sweden"}),
])
def test_agreements_in_headlines_without_articles(headline: str, expected: set[str]) -> None:
    assert frozenset(expected) in sides(read(headline), AGREEMENT)


@pytest.mark.parametrize("text", [
    "Russland und die Ukraine fanden keinen Kompromiss.",
    "The troops struck the ceasefire line.",
])
def test_no_agreement_in_headline_forms(text: str) -> None:
    assert sides(read(text), AGREEMENT) == []



# --- passives with their agents ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("A peace treaty was initialled by Armenia and Azerbaijan on Thursday.", AGREEMENT,
     {"armenia", "azerbaijan"}),
    ("Der Friedensvertrag wurde am Donnerstag von Armenien und Aserbaidschan paraphiert.",
     AGREEMENT, {"armenia", "azerbaijan"}),
    ("Das Abkommen wurde von Serbien und Kosovo in Brüssel unterzeichnet.", AGREEMENT,
     {"serbia", "kosovo"}),
    ("Lula wurde am Montag von Scholz angerufen.", CALL,
     {"luiz-inacio-lula-da-silva", "olaf-scholz"}),
])
def test_passives_name_their_agents_as_sides(text: str, kind: EventType, expected: set[str]) -> None:
    assert frozenset(expected) in sides(read(text), kind)


@pytest.mark.parametrize("text", [
    "A decree signed by Putin took effect on Monday.",  # one side signs alone
    "Der Vertrag von Lissabon wurde 2007 unterzeichnet.",  # "von" names the treaty, no side
])
def test_no_agreement_from_a_lone_signature(text: str) -> None:
    assert sides(read(text), AGREEMENT) == []

# --- a negation inside a pattern's gap (a separable verb negated before its particle) -------

@pytest.mark.parametrize("text", [
    "Israel und die Hamas kamen am Freitag nicht überein.",
    "Der IWF zahlte der Ukraine die Tranche nicht aus.",
    "Scholz stellte der Ukraine keine Panzer in Aussicht.",
])
def test_a_negation_before_the_particle_is_seen(text: str) -> None:
    assert kinds(read(text)) == set()


def test_every_lexicon_file_defines_each_row_key_once() -> None:
    """A second row of a word class (or title) silently replaces the first when loaded, so the
    words of the first would stop working without any test of them failing."""
    from geokg.resources import LEXICON_DIR
    for name, key in (("words.tsv", ("lang", "class")), ("titles.tsv", ("lang", "title"))):
        rows = [line.rstrip("\n").split("\t") for line in
                (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
        header = rows[0]
        keys = [tuple(row[header.index(k)] for k in key) for row in rows[1:]]
        assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_every_word_class_the_rules_ask_for_is_in_the_lexicon() -> None:
    """`Lexicon.word_class` answers an empty set for a name it does not know, so a misspelt
    class in a rule would switch the rule off without any other test failing."""
    import re

    import geokg.extract
    from geokg.resources import LEXICON_DIR
    folder = Path(geokg.extract.__file__).parent
    asked = {name for path in folder.glob("*.py")
             for name in re.findall(r'word_class\("([a-z_]+)"\)', path.read_text(encoding="utf-8"))}
    defined = {line.split("\t")[1] for line in
               (LEXICON_DIR / "words.tsv").read_text(encoding="utf-8").splitlines()[1:]
               if line.strip() and not line.startswith("#")}
    assert len(asked) > 50 and asked <= defined, sorted(asked - defined)


@pytest.mark.parametrize(("text", "lang", "demander"), [
    ("Außenministerin Baerbock besuchte China. Die Ministerin rief Peking auf, Russland keine "
     "Waffen zu liefern.", "de", "germany"),
    ("Foreign Minister Penny Wong visited Beijing. The minister urged China to lift the trade "
     "barriers.", "en", "australia"),
])
def test_the_minister_is_the_minister_named_before(text: str, lang: str, demander: str) -> None:
    article = read_article(text, published=dt.date(2023, 4, 14), lang=lang)
    assert [(e.participants, e.addressees) for e in article.events if e.type is EventType.DEMAND] \
        == [([demander], ["china"])]


@pytest.mark.parametrize(("text", "expected"), [
    ("Scholz und Macron lobten nach ihren Gesprächen in Paris die Zusammenarbeit.",
     [frozenset({"olaf-scholz", "emmanuel-macron"})]),
    ("Kurti verhandelte am Samstag in Ohrid mit Vučić über das Abkommen.",
     [frozenset({"albin-kurti", "aleksandar-vucic"})]),
    # accession negotiations are no meeting of their own
    ("Die EU-Verhandlungen mit der Türkei liegen seit Jahren brach.", []),
])
def test_talks_named_as_theirs_and_negotiating_with(text: str, expected: list[frozenset[str]]) -> None:
    article = read_article(text, published=dt.date(2023, 3, 19), lang="de")
    assert [frozenset(e.participants) for e in article.events if e.type is EventType.MEETING] \
        == expected


@pytest.mark.parametrize(("text", "lang", "claimant", "territory"), [
    ("Argentina will never give up its claim to the Falkland Islands, Milei said.", "en",
     "argentina", "falkland-islands"),
    ("Argentina refuses to give up the Falkland Islands.", "en", "argentina", "falkland-islands"),
    ("Argentinien will die Falklandinseln niemals aufgeben.", "de", "argentina", "falkland-islands"),
    ("Argentinien weigert sich, die Falklandinseln preiszugeben.", "de", "argentina", "falkland-islands"),
])
def test_a_refusal_to_give_a_territory_up_claims_it(text: str, lang: str, claimant: str,
                                                    territory: str) -> None:
    article = read_article(text, published=dt.date(2024, 5, 15), lang=lang)
    claims = [(e.participants, e.territories) for e in article.events
              if e.type is EventType.TERRITORIAL_CLAIM]
    assert claims == [([claimant], [territory])]


@pytest.mark.parametrize(("text", "demander", "addressee"), [
    ("Macron admonished Tehran to respect the inspectors.", "emmanuel-macron", "iran"),
    ("Scholz cautioned Beijing against arming Moscow.", "olaf-scholz", "china"),
])
def test_admonishing_and_cautioning_are_demands(text: str, demander: str, addressee: str) -> None:
    article = read_article(text, published=dt.date(2024, 5, 15), lang="en")
    assert [(e.participants, e.addressees) for e in article.events
            if e.type is EventType.DEMAND] == [([demander], [addressee])]


@pytest.mark.parametrize(("text", "lang", "kind", "expected"), [
    ("Treffen von Sánchez und Meloni in Rom", "de", EventType.MEETING,
     [frozenset({"pedro-sanchez", "giorgia-meloni"})]),
    ("In a phone call on Tuesday, Sánchez and Meloni discussed migration.", "en", EventType.CALL,
     [frozenset({"pedro-sanchez", "giorgia-meloni"})]),
    ("After a call with Meloni, Sánchez said the talks had gone well.", "en", EventType.CALL,
     [frozenset({"pedro-sanchez", "giorgia-meloni"})]),
])
def test_headline_and_fronted_forms_of_talks(text: str, lang: str, kind: EventType,
                                             expected: list[frozenset[str]]) -> None:
    article = read_article(text, published=dt.date(2024, 5, 15), lang=lang)
    assert [frozenset(e.participants) for e in article.events if e.type is kind] == expected


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_lexicon_pattern_holds_a_word_the_tokenizer_splits(lang: str) -> None:
    """The tokenizer splits "F-16" into "f", "-", "16": a pattern word with a hyphen inside
    ("f-16*") can never match, and its phrasings would be silently lost."""
    from geokg.extract.lexicon import load_lexicon
    lex = load_lexicon(lang)
    patterns = [t.pattern for t in lex.triggers] + [p for ps in lex.cues.values() for p in ps] \
        + [p for ps in lex.support_kinds.values() for p in ps]
    from geokg.extract.lexicon import TokenTest
    dead = [p.source for p in patterns for step in p.steps if isinstance(step, TokenTest)
            for word in (*step.exact, *step.prefixes, *step.suffixes) if "-" in word.strip("-")]
    assert dead == []


@pytest.mark.parametrize(("text", "lang", "supplier", "receiver"), [
    ("Japan is providing patrol boats to Vietnam.", "en", "japan", "vietnam"),
    ("Kiew hat aus Norwegen die ersten F-16 erhalten.", "de", "norway", "ukraine"),
    ("The Pentagon announced a new $300 million security assistance package for Taiwan.", "en",
     "united-states", "taiwan"),
])
def test_supplies_in_further_phrasings(text: str, lang: str, supplier: str, receiver: str) -> None:
    article = read_article(text, published=dt.date(2024, 5, 15), lang=lang)
    assert [(e.participants, e.addressees) for e in article.events
            if e.type is EventType.SUPPORT] == [([supplier], [receiver])]


def test_supporting_with_words_is_no_supply() -> None:
    article = read_article("Canada is supporting Ukraine with strong statements at the UN.",
                           published=dt.date(2024, 5, 15), lang="en")
    assert [e for e in article.events if e.type is EventType.SUPPORT] == []


@pytest.mark.parametrize(("text", "expected"), [
    # right after a meeting of two, "the two countries" are that pair (as the states they
    # lead), not the last two named
    ("Kishida and Yoon met in Seoul on Sunday. They discussed North Korea's missile tests and "
     "the role of the United States. The two countries agreed to resume their security dialogue.",
     frozenset({"japan", "south-korea"})),
    # further on in the story, the last two states named
    ("Macron and Putin spoke by phone on Monday. Iran sells drones to Russia. Both have "
     "suffered from sanctions for years. Neither expects them to end soon. In 2025 the two "
     "countries signed a partnership treaty.", frozenset({"iran", "russia"})),
])
def test_the_two_countries_of_the_story(text: str, expected: frozenset[str]) -> None:
    article = read_article(text, published=dt.date(2023, 3, 16), lang="en")
    assert [frozenset(e.participants) for e in article.events
            if e.type is EventType.AGREEMENT] == [expected]


def test_a_genitive_owner_is_no_side_of_the_call() -> None:
    text = ("Sánchez telefonierte am Montag mit Meloni. Bei ihrem Telefonat betonten sie die "
            "Bedeutung der Nato.")
    article = read_article(text, published=dt.date(2024, 5, 13), lang="de")
    assert [frozenset(e.participants) for e in article.events if e.type is EventType.CALL] == [
        frozenset({"pedro-sanchez", "giorgia-meloni"})]


@pytest.mark.parametrize(("text", "lang"), [
    ("Sánchez asked how long the talks with Meloni would take.", "en"),
    ("Sánchez is set to meet Meloni in Rome later today.", "en"),
    ("Sánchez is to meet with Meloni in Rome on Friday.", "en"),
    ("Leaders aiming to promote talks between Spain and Italy arrived in Rome.", "en"),
    ("Leaders committed to encouraging talks between Spain and Italy arrived in Rome.", "en"),
])
def test_questions_and_plans_are_no_events(text: str, lang: str) -> None:
    assert read_article(text, published=dt.date(2024, 5, 15), lang=lang).events == []


def test_the_person_a_visit_is_paid_to_is_its_other_side() -> None:
    article = read_article("Es ist der dritte Besuch Sánchez' bei Meloni in diesem Jahr.",
                           published=dt.date(2024, 5, 15), lang="de")
    assert [frozenset(e.participants) for e in article.events
            if e.type is EventType.MEETING] == [frozenset({"pedro-sanchez", "giorgia-meloni"})]


def test_demands_on_a_state_in_a_headline_make_it_the_addressee() -> None:
    article = read_article("Forderungen an Serbien\n\nDie EU verlangt von Serbien, die "
                           "Sanktionen mitzutragen.", published=dt.date(2024, 5, 15), lang="de")
    assert [(e.participants, e.addressees) for e in article.events
            if e.type is EventType.DEMAND] == [(["european-union"], ["serbia"])]


@pytest.mark.parametrize(("text", "lang", "claimant", "territory"), [
    ("Caracas, which claims the Essequibo region as its own territory, held a referendum.", "en",
     "venezuela", "essequibo"),
    ("Beijing, which claims Taiwan as its own territory, held drills around the island.", "en",
     "china", "taiwan"),
    ("Die Lage bleibt gespannt, weil Peking Taiwan als Teil seines Staatsgebiets betrachtet.",
     "de", "china", "taiwan"),
])
def test_claims_in_relative_and_verb_final_clauses(text: str, lang: str, claimant: str,
                                                    territory: str) -> None:
    article = read_article(text, published=dt.date(2024, 5, 15), lang=lang)
    assert [(e.participants, e.territories) for e in article.events
            if e.type is EventType.TERRITORIAL_CLAIM] == [([claimant], [territory])]


@pytest.mark.parametrize(("text", "lang"), [
    ("The foreign ministers of Serbia and Kosovo met in Brussels on Monday.", "en"),
    ("Die Minister aus Serbien und dem Kosovo trafen sich am Montag in Brüssel.", "de"),
])
def test_ministers_of_two_states_are_their_sides(text: str, lang: str) -> None:
    article = read_article(text, published=dt.date(2023, 2, 27), lang=lang)
    assert [frozenset(e.participants) for e in article.events
            if e.type is EventType.MEETING] == [frozenset({"serbia", "kosovo"})]


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("Sánchez and Meloni agreed on a joint action plan for migration.", "en", EventType.AGREEMENT),
    ("Sánchez und Meloni haben am Sonntag per Video miteinander gesprochen.", "de", EventType.CALL),
    ("Sánchez and Meloni spoke by video on Sunday.", "en", EventType.CALL),
])
def test_an_agreed_plan_and_talks_by_video(text: str, lang: str, kind: EventType) -> None:
    article = read_article(text, published=dt.date(2024, 5, 15), lang=lang)
    assert [(e.type, frozenset(e.participants)) for e in article.events] == [
        (kind, frozenset({"pedro-sanchez", "giorgia-meloni"}))]


def test_talks_with_a_partner_then_called_a_call_and_they_demand() -> None:
    text = ("Sánchez und António Costa haben mit Erdogan am Samstag eine Stunde lang über Migration "
            "gesprochen. In dem Telefonat forderten sie Erdogan auf, die Grenzen zu sichern.")
    article = read_article(text, published=dt.date(2023, 5, 20), lang="de")
    both, erdogan = frozenset({"pedro-sanchez", "antonio-costa"}), frozenset({"recep-tayyip-erdogan"})
    assert [(e.type, frozenset(e.participants), frozenset(e.addressees)) for e in article.events] == [
        (EventType.CALL, both | erdogan, frozenset()), (EventType.DEMAND, both, erdogan)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Sánchez and Meloni met in Rome. They urged Tunisia to stop the departures.", "en",
     [(frozenset({"pedro-sanchez", "giorgia-meloni"}), frozenset({"tunisia"}))]),
    # talking, with no one named to talk with, is no meeting
    ("Sánchez hat am Montag im Parlament über die Lage gesprochen.", "de", []),
])
def test_they_demand_and_talking_alone(text: str, lang: str,
                                       expected: list[tuple[frozenset[str], ...]]) -> None:
    article = read_article(text, published=dt.date(2024, 5, 18), lang=lang)
    assert [(frozenset(e.participants), frozenset(e.addressees)) for e in article.events
            if e.type is EventType.DEMAND] == expected
    assert not [e for e in article.events if e.type is EventType.MEETING and len(e.participants) < 2]


@pytest.mark.parametrize(("text", "lang"), [
    # review counter-examples: none of these is an event of ours
    ("Biden said the United States would never give up on Ukraine.", "en"),
    ("Die EU wird nicht auf Sanktionen gegen Russland verzichten.", "de"),
    ("Deutschland wird nie auf russisches Gas verzichten.", "de"),
    ("Scholz said the meeting should take place in June.", "en"),
    ("Biden said the economy must grow faster.", "en"),
    ("Russia pushed deeper into Ukraine for a third day.", "en"),
    ("Scholz cautioned that Germany could not send more tanks.", "en"),
    ("Poland supports Ukraine with its bid for EU membership.", "en"),
    ("Scholz hat von Biden eine Zusage über Patriot-Systeme erhalten.", "de"),
    ("Zelensky addressed the European Parliament by video on Tuesday.", "en"),
    ("Vietnam and China have argued for decades; both sides will never give up.", "en"),
])
def test_review_counter_examples_are_no_events(text: str, lang: str) -> None:
    assert read_article(text, published=dt.date(2024, 5, 15), lang=lang).events == []


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # events a cue word must not undo
    ("The talks between Sánchez and Meloni in Rome on Monday were encouraging.", "en",
     (EventType.MEETING, frozenset({"pedro-sanchez", "giorgia-meloni"}))),
    ("Nach monatelangen Bemühungen unterzeichneten Serbien und Kosovo das Abkommen.", "de",
     (EventType.AGREEMENT, frozenset({"serbia", "kosovo"}))),
    ("Macron forderte wie Scholz von Russland einen sofortigen Waffenstillstand.", "de",
     (EventType.DEMAND, frozenset({"emmanuel-macron"}))),
    ("Ukraine received American-supplied Patriot systems from Germany.", "en",
     (EventType.SUPPORT, frozenset({"germany"}))),
])
def test_review_counter_examples_keep_their_event(text: str, lang: str,
                                                  expected: tuple[EventType, frozenset[str]]) -> None:
    article = read_article(text, published=dt.date(2024, 5, 15), lang=lang)
    assert [(e.type, frozenset(e.participants)) for e in article.events] == [expected]


def test_questions_after_asking_are_no_demands() -> None:
    article = read_article("Trump asked how Ukraine would pay for the weapons.",
                           published=dt.date(2024, 5, 15), lang="en")
    assert article.events == []


def test_a_qualified_office_is_no_one_named_before() -> None:
    text = ("Macron met Scholz in Berlin on Monday. The defence minister urged Russia to "
            "withdraw its troops.")
    article = read_article(text, published=dt.date(2024, 5, 15), lang="en")
    assert [e.participants for e in article.events if e.type is EventType.DEMAND] in ([], [[]])


def test_an_apostrophe_is_no_quote() -> None:
    text = ("Russia’s envoy said we must stop, and Blinken urged Moscow to free the journalists, "
            "Lavrov’s aide said.")
    article = read_article(text, published=dt.date(2024, 5, 15), lang="en")
    assert [(e.participants, e.addressees) for e in article.events
            if e.type is EventType.DEMAND] == [(["united-states"], ["russia"])]


def test_the_two_countries_after_another_pair_opens_a_sentence() -> None:
    text = ("Biden and Xi met in San Francisco on Wednesday. Russia and Ukraine traded "
            "accusations. The two countries agreed to further prisoner swaps.")
    article = read_article(text, published=dt.date(2023, 11, 16), lang="en")
    assert [frozenset(e.participants) for e in article.events
            if e.type is EventType.AGREEMENT] == [frozenset({"russia", "ukraine"})]


def test_including_belongs_to_the_claim_only_close_after_it() -> None:
    text = ("Vietnam claims the Paracel Islands and has protested Chinese drills in several "
            "areas including the Spratly Islands.")
    article = read_article(text, published=dt.date(2024, 5, 15), lang="en")
    assert [e.territories for e in article.events if e.type is EventType.TERRITORIAL_CLAIM] == [
        ["paracel-islands"]]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "After speaking with Putin, Trump called Zelenskyy and agreed to send Patriot missiles."),
    ("de", "Scholz telefonierte am Montag mit Xi und forderte China auf, Russland keine Waffen zu liefern."),
])
def test_trigger_starts_find_what_scanning_every_word_finds(lang: str, text: str) -> None:
    """The start index only saves time: the triggers it finds are those a scan of every word
    with every pattern finds."""
    from geokg.extract.lexicon import load_lexicon
    from geokg.extract.text import tokenize
    lex = load_lexicon(lang)
    tokens = tokenize(text, 0, lang)
    scanned = {(n, hit) for n, t in enumerate(lex.triggers) for hit in t.pattern.find(tokens)}
    indexed = {(n, hit) for n, positions in lex.trigger_starts.starts(tokens).items()
               for hit in lex.triggers[n].pattern.find_at(tokens, positions)}
    assert indexed == scanned and len(scanned) >= 3

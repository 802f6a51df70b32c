"""Event coding on wire-style sentences written for these tests (not from the samples).

Each case is one sentence, published 2026-03-10 (a Tuesday), and the exact events expected as
(source id, CAMEO code, target id). Families follow issue #5's list of news verbs.
"""

from datetime import date

import pytest

from tidings.pipeline import Pipeline
from tidings.records import Document

PUBLISHED = date(2026, 3, 10)

CASES = [
    # consult: verbs, light verbs, symmetric subjects, visits, hosting
    ("Kaja Kallas met Andrii Sybiha in Brussels on 3 March.", [("kaja-kallas", "040", "andrii-sybiha")]),
    ("Poland and Ukraine held talks in Warsaw.", [("POL", "040", "UKR")]),
    ("Belarus and Poland discussed border security.", [("BLR", "040", "POL")]),
    ("Zelensky visited Poland on Friday.", [("volodymyr-zelensky", "042", "POL")]),
    ("Poland hosted Zelensky.", [("POL", "043", "volodymyr-zelensky")]),
    (
        "Tikhanovskaya, who leads the Belarusian opposition in exile, met Polish Prime Minister "
        "Donald Tusk in Warsaw on Tuesday.",
        [("sviatlana-tsikhanouskaya", "040", "donald-tusk")],
    ),
    # agree, sign, promise
    ("China and Russia signed an agreement on energy cooperation.", [("CHN", "057", "RUS")]),
    ("Belarus promised to release political prisoners.", [('BLR', '030', '?political prisoners#BLR.OPP')]),
    # appeals and demands
    ("The United States urged Belarus to release political prisoners.", [("USA", "020", "BLR")]),
    (
        "Lithuania called on the European Union to impose sanctions on Minsk.",
        [("LTU", "020", "european-union")],
    ),
    ("Poland demanded that Belarus stop the flow of migrants.", [("POL", "100", "BLR")]),
    # disapprove, reject, deny
    ("Poland accused Belarus of orchestrating the migrant crisis.", [("POL", "112", "BLR")]),
    ("Minsk accused Warsaw of provoking tensions on the border.", [("BLR", "112", "POL")]),
    ("Latvia condemned Russia's attack.", [("LVA", "111", "RUS")]),
    ("Ukraine criticised Hungary.", [("UKR", "111", "HUN")]),
    ("Ukraine rejected Russia's proposal.", [("UKR", "120", "RUS")]),
    ("Belarus denied the accusations.", [("BLR", "016", None)]),
    # praise, thanks, congratulations, solidarity, apology
    ("Kazakhstan congratulated Ukraine.", [("KAZ", "051", "UKR")]),
    ("Zelensky thanked Lithuania for its support.", [("volodymyr-zelensky", "051", "LTU")]),
    (
        "Tsikhanouskaya praised Lithuania for hosting Belarusian exiles.",
        [("sviatlana-tsikhanouskaya", "051", "LTU")],
    ),
    (
        "Lithuania expressed solidarity with Ukraine, Moldova and Georgia.",
        [("LTU", "051", "UKR"), ("LTU", "051", "MDA"), ("LTU", "051", "GEO")],
    ),
    ("Lithuania apologised to Poland.", [("LTU", "055", "POL")]),
    # threaten, warn
    ("Moscow threatened Warsaw.", [("RUS", "130", "POL")]),
    ("Putin warned NATO against expanding eastward.", [("vladimir-putin", "130", "nato")]),
    # sanctions, expulsions
    ("The European Union imposed new sanctions on Belarus.", [("european-union", "163", "BLR")]),
    ("Lukashenka was sanctioned by the European Union.", [("european-union", "163", "alyaksandr-lukashenka")]),
    ("Lithuania expelled two Russian diplomats.", [('LTU', '174', '?Russian diplomats#RUS.GOV')]),
    # coerce: arrest, detain; yield: release, pardon
    ("The KGB arrested Ales Bialiatski.", [("blr-kgb", "173", "ales-bialiatski")]),
    ("Belarusian authorities arrested a journalist.",
     [('?Belarusian authorities#BLR.GOV', '173', '?journalist#BLR.MED')]),
    (
        "Belarusian police detained dozens of protesters in Minsk.",
        [('?Belarusian police#BLR.COP', '173', '?protesters#BLR.CVL')],
    ),
    ("Belarus released 14 political prisoners.", [('BLR', '0841', '?political prisoners#BLR.OPP')]),
    (
        "Belarusian leader Alexander Lukashenko pardoned 52 prisoners, state news agency BelTA reported.",
        [('alyaksandr-lukashenka', '0841', '?prisoners#BLR.CVL')],
    ),
    # force posture and fighting, active and passive
    ("Russia deployed troops to Belarus.", [("RUS", "154", "BLR")]),
    ("Russia mobilised 300,000 reservists.", [('RUS', '154', None)]),
    ("Russia attacked Ukraine on Monday.", [("RUS", "190", "UKR")]),
    ("Russia struck Ukraine's energy infrastructure.", [("RUS", "190", "UKR")]),
    ("Ukraine was shelled by Russia overnight.", [("RUS", "194", "UKR")]),
    # protest
    ("Georgia protested against Russia's decision.", [("GEO", "140", "RUS")]),
    # agents named by a demonym, and victims named by one
    (
        "Polish police detained two Belarusian activists in Warsaw.",
        [('?Polish police#POL.COP', '173', '?Belarusian activists#BLR.CVL')],
    ),
    ("Russian troops shelled the Ukrainian town of Kupiansk overnight.", [("rus-armed-forces", "194", "UKR")]),
    ("Belarusian workers staged a strike at the Grodno Azot plant.", [('?Belarusian workers#BLR.LAB', '143', None)]),
    # yield: curfews, emergencies, ceasefires, borders; aid and judicial cooperation
    ("Georgia lifted the curfew in Tbilisi.", [("GEO", "0813", None)]),
    ("Russia declared a unilateral ceasefire.", [("RUS", "0871", None)]),
    ("Estonia opened its border to Ukrainian refugees.", [('EST', '086', '?Ukrainian refugees#UKR.REF')]),
    ("Germany donated 200 tonnes of medicine to Ukraine.", [("DEU", "073", "UKR")]),
    ("Lithuania extradited the suspect to Poland.", [("LTU", "063", "POL")]),
    # reduce relations, coerce, investigate, agree, restore relations
    ("Poland suspended military aid to Belarus.", [("POL", "1622", "BLR")]),
    ("Latvia imposed a curfew in Riga.", [("LVA", "1723", None)]),
    ("Moldova declared a state of emergency.", [("MDA", "1724", None)]),
    ("Ukraine opened an investigation into the attack.", [("UKR", "090", None)]),
    ("Kazakhstan and Kyrgyzstan reached an agreement on water sharing.", [("KAZ", "030", "KGZ")]),
    ("Poland and Lithuania restored diplomatic relations.", [("POL", "050", "LTU")]),
    ("Belarus rejected the demands from Poland.", [("BLR", "120", "POL")]),
    # announced acts: intent (03x), threat (13x), refusal (12x), obligation said by another (10x)
    ("Russia will withdraw its troops from Belarus.", [("RUS", "0356", "BLR")]),
    ("Lithuania is ready to send humanitarian aid to Ukraine.", [("LTU", "0333", "UKR")]),
    ("Poland will not accept the migrants.", [('POL', '120', '?migrants#REF')]),
    ("Belarus threatened to cut gas supplies to Lithuania.", [("BLR", "1311", "LTU")]),
    ("Poland said Belarus must release the journalist.", [("POL", "1053", "BLR")]),
    # reported speech: an attributed hostile act is the speaker's accusation
    (
        "Lithuanian President Gitanas Nausėda said Russia was trying to destabilise the region.",
        [("gitanas-nauseda", "112", "RUS")],
    ),
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _ref(actor_id: str | None, name: str | None, code: str | None) -> str | None:
    """An actor as the cases write it: its id, or for a generic agent "?words#CODE"."""
    return actor_id or (f"?{name}#{code or ''}" if name else None)


def code(pipeline: Pipeline, text: str, published: date = PUBLISHED):
    return pipeline.process(Document(id="t", text=text, source="test", published=published)).events


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_events(pipeline, sentence, expected):
    got = [(_ref(e.source_id, e.source_name, e.source_code), e.cameo, _ref(e.target_id, e.target_name, e.target_code))
           for e in code(pipeline, sentence)]
    assert got == expected


def test_every_event_carries_both_codebooks(pipeline):
    (event,) = code(pipeline, "Russia attacked Ukraine on Monday.")
    assert (event.plover_type, event.quad_class, event.cameo_name) == ("ASSAULT", 4, event.cameo_name)
    assert event.goldstein is not None and event.goldstein < 0
    assert event.evidence == "Russia attacked Ukraine on Monday"  # the act with its doer


def test_dates_resolve_against_publication(pipeline):
    (monday,) = code(pipeline, "Russia attacked Ukraine on Monday.")
    assert (monday.date, monday.date_precision, monday.date_origin) == (date(2026, 3, 9), "day", "text")
    (meeting,) = code(pipeline, "Kaja Kallas met Andrii Sybiha in Brussels on 3 March.")
    assert (meeting.date, meeting.location) == (date(2026, 3, 3), "Brussels")
    (undated,) = code(pipeline, "Poland hosted Zelensky.")
    assert (undated.date, undated.date_origin) == (PUBLISHED, "published")


def test_negation_is_flagged(pipeline):
    (event,) = code(pipeline, "Russia did not attack Finland.")
    assert (event.source_id, event.cameo, event.target_id, event.negated) == ("RUS", "190", "FIN", True)


def test_modal_and_expected_events_are_hypothetical(pipeline):
    (attack,) = code(pipeline, "Russia may attack Lithuania.")
    assert attack.hypothetical and attack.date is None
    (meeting,) = code(pipeline, "Nausėda and Tusk are expected to meet next week.")
    # a meeting not yet held is an intent to meet
    assert (meeting.source_id, meeting.cameo, meeting.target_id) == ("gitanas-nauseda", "036", "donald-tusk")
    assert meeting.hypothetical


def test_purpose_clause_is_part_of_the_meeting(pipeline):
    events = code(pipeline, "Lithuania's Nausėda met Zelensky in Vilnius to discuss security guarantees.")
    assert [(e.source_id, e.cameo, e.target_id) for e in events] == [
        ("gitanas-nauseda", "040", "volodymyr-zelensky")
    ]
    assert events[0].location == "Vilnius"


def test_reported_speech_keeps_speaker_and_relay(pipeline):
    text = (
        "Tsikhanouskaya met Kaja Kallas in Brussels. "
        "The two discussed sanctions against the regime, her adviser Franak Viachorka told reporters."
    )
    events = code(pipeline, text)
    second = [e for e in events if e.sentence == 1]
    assert [(e.source_id, e.cameo, e.target_id, e.via_id) for e in second] == [
        ("sviatlana-tsikhanouskaya", "040", "kaja-kallas", "franak-viachorka")
    ]


def test_event_nouns_with_their_own_date_and_place(pipeline):
    text = (
        "Kallas recalled the meeting between Poland and Ukraine that took place in Warsaw on 3 February."
    )
    events = code(pipeline, text)
    meeting = [e for e in events if e.pattern == "meeting-noun"]
    assert [(e.source_id, e.cameo, e.target_id, e.date, e.location) for e in meeting] == [
        ("POL", "040", "UKR", date(2026, 2, 3), "Warsaw")
    ]


def test_conditional_announcement_is_a_threat(pipeline):
    text = "The European Union will impose new sanctions on Belarus unless Minsk releases the prisoners."
    events = code(pipeline, text)
    threat = events[0]
    assert (threat.source_id, threat.cameo, threat.target_id) == ("european-union", "1312", "BLR")
    assert not threat.hypothetical and threat.plover_type == "THREATEN"


GENERIC_CASES = [
    # agents the actor base does not know keep their event under a generic "?" id
    ("Riot police fired tear gas at protesters in Minsk.", [('?riot police#.COP', '175', '?protesters#BLR.CVL')]),
    ("Rebels ambushed a police convoy near the border.", [('?rebels#.REB', '190', None)]),
    ("Thousands of students demonstrated in Tbilisi on Sunday.", [('?students#.EDU', '141', 'GEO')]),
    ("Farmers blocked roads across Poland to protest grain imports.", [('?farmers#.AGR', '144', 'POL')]),
    ("The teachers' union called off a strike after talks with the government.", [('?union#.LAB', '082', None)]),
    ("Protesters rioted in the capital on Monday.", [('?protesters#.CVL', '145', None)]),
    ("The guerrillas have been demobilized.", [('?guerrillas#.REB', '0873', None)]),
    # an attack with no agent named: the attacker is unknown, the victims' state the target
    (
        "Four Ukrainian soldiers were killed in a drone strike near Bakhmut.",
        [('?unknown', '190', '?Ukrainian soldiers#UKR.MIL')],
    ),
    # a pronoun subject of reported speech is the one who reports it
    (
        "Sudanese rebels said they would release three aid workers.",
        [('?Sudanese rebels#SDN.REB', '0353', '?aid workers#.NGO')],
    ),
    ("Striking miners said they would blockade the port of Gdansk.", [('?striking miners#.LAB', '1381', None)]),
    # a people is coded by the state it lives in; a place named with the agent gives its state
    ("Bosnian Croats demanded a halt to the arrests.", [("BIH", "100", None)]),
    ("Ethnic Hungarians in Romania demonstrated in Cluj on Sunday.", [("ROU", "141", None)]),
    ("Teachers throughout Poland staged a strike on Monday.", [('?teachers#POL.EDU', '143', None)]),
    ("Protesters in Minsk blocked a highway.", [('?protesters#BLR.CVL', '144', None)]),
    ("Chinese-led peacekeepers have retaken the town.", [('?Chinese-led peacekeepers#CHN.IGO', '190', None)]),
    ("Riot police in Minsk prevented the demonstration.", [('?riot police#BLR.COP', '1721', None)]),
    # a passive attack with its agent named, whatever the patient
    ("The village was attacked by gunmen on Sunday.", [('?gunmen#.REB', '190', None)]),
    # expulsions, bans, stative opposition, failure, demands stated as nouns
    ("The junta forced the UN refugee agency out of the country.", [('?junta#.MIL', '1663', 'unhcr')]),
    ("Belarus expelled inspectors of the OSCE.", [("BLR", "1662", "osce")]),
    (
        "The Belarusian government outlawed the largest opposition party.",
        [('blr-council-of-ministers', '1722', '?largest opposition party#.OPP')],
    ),
    ("Ukraine is opposed to Hungarian mediation in the dispute.", [("UKR", "120", "HUN")]),
    ("Poland and Belarus failed to reach agreement on the border crossings.", [("POL", "120", "BLR")]),
    ("Lithuania reiterated its demand that Belarus release the detained journalist.", [("LTU", "1053", "BLR")]),
    ("Poland said it will support the EU resolution on Belarus.", [('POL', '032', 'european-union')]),
    (
        "The former minister has been indicted by a Warsaw court.",
        [('?Warsaw court#POL.JUD', '115', '?former minister#.GOV')],
    ),
    # the subject is the attack itself: its owner, else an unknown attacker, is the source
    (
        "A car bombing in central Baghdad killed four Iraqi policemen on Monday.",
        [('?unknown', '190', '?Iraqi policemen#IRQ.COP')],
    ),
    ("A landmine explosion killed two Ukrainian deminers near Kherson on Tuesday.", [("?unknown", "190", "UKR")]),
    ("Israeli air strikes killed 12 militants in southern Lebanon.", [('ISR', '190', '?militants#LBN.REB')]),
    ("Police foiled an attempt to assassinate Zelensky.", [("?unknown", "186", "volodymyr-zelensky")]),
    # protests and riots named as what the clause is about
    ("Georgian protests against Russia continued on Saturday.", [("GEO", "141", "RUS")]),
    ("Greek riots against austerity erupted in Athens.", [("GRC", "145", None)]),
    # arrivals on a visit; investigations and arrests stated with "under"
    ("Zelensky arrived in Warsaw on an official visit on Monday.", [("volodymyr-zelensky", "042", "POL")]),
    (
        "A Belarusian journalist was placed under investigation in Poland.",
        [('?authorities#POL.GOV', '090', '?Belarusian journalist#BLR.MED')],
    ),
    (
        "Polish prosecutors put the former minister under investigation.",
        [('?Polish prosecutors#POL.JUD', '090', '?former minister#.GOV')],
    ),
    ("The junta placed the former president under house arrest.", [('?junta#.MIL', '173', '?former president#.ELI')]),
    ("The IAEA dispatched inspectors to Iran.", [("iaea", "090", "IRN")]),
    # force posture: alert status, patrols
    ("Ukrainian troops remained on high alert along the border.", [('?Ukrainian troops#UKR.MIL', '152', None)]),
    (
        "The Georgian government ordered patrols along the boundary line.",
        [('?Georgian government#GEO.GOV', '150', None)],
    ),
    # restitution, refusals of permission, verbal defence, arms, evacuation of the wounded
    ("Germany paid compensation to Polish victims of forced labour.",
     [('DEU', '0842', '?Polish victims of forced labour#POL.CVL')]),
    ("Belarus denied entry to two Lithuanian journalists.", [('BLR', '120', '?Lithuanian journalists#LTU.MED')]),
    ("China defended Russia's decision to recognise the separatist regions.", [("CHN", "052", "RUS")]),
    ("Germany continued to send arms to Ukraine.", [("DEU", "072", "UKR")]),
    ("Polish helicopters evacuated the wounded from the border area.", [('?Polish helicopters#POL.MIL', '073', None)]),
    # violence stated with light verbs and particles
    (
        "Armenian forces engaged in fighting with Azerbaijani troops.",
        [('?Armenian forces#ARM.MIL', '190', '?Azerbaijani troops#AZE.MIL')],
    ),
    (
        "Serb paramilitaries engaged in ethnic cleansing against Bosnian Muslims.",
        [('?Serb paramilitaries#SRB.MIL', '203', 'BIH')],
    ),
    ("Rebels held villagers as human shields.", [('?rebels#.REB', '184', '?villagers#.CVL')]),
    ("Insurgents blew up a gas pipeline near Kirkuk.", [('?insurgents#.INS', '1712', 'IRQ')]),
    ("A suicide bomber blew himself up outside a police station in Kabul.", [('?suicide bomber#.REB', '183', 'AFG')]),
    # the act named by a noun under a light verb, its target on the noun's own object
    ("Lithuania announced a suspension of flights with Belarus on Monday.", [("LTU", "160", "BLR")]),
    ("The European Union ordered a freeze of aid to Niger.", [("european-union", "162", "NER")]),
    # "X is guilty of violating": the adjective's subject is the agent
    (
        "Both Armenia and Azerbaijan are guilty of violating the ceasefire.",
        [("ARM", "196", None), ("AZE", "196", None)],
    ),
    # "the Armenian and Azerbaijani sides": the states the adjectives name
    ("The Armenian and Azerbaijani sides agreed to exchange prisoners.", [("ARM", "030", "AZE")]),
    # a pledge to fight is the actor's own threat, even when others report it
    (
        "Armenian militias have sworn to fight until the siege is lifted, Russian officials said.",
        [('?Armenian militias#ARM.REB', '138', None)],
    ),
    # a named body whose head noun is a common word still speaks; "concluded that" frames its content
    (
        "The Eastern Partnership Forum concluded that Belarus must release all political prisoners.",
        [("?Eastern Partnership Forum", "1053", "BLR")],
    ),
    # a minority people is coded by the state the sentence says it lives in, else by none
    ("Ethnic Russians protested against Latvia's new language law on Saturday.", [("LVA", "140", None)]),
    (
        "Ethnic Albanian rebels operating in Macedonia have been disarmed.",
        [('?ethnic Albanian rebels#MKD.REB', '0873', None)],
    ),
    ("Hundreds of ethnic Uzbeks blocked a highway on Monday.", [("?ethnic Uzbeks", "144", None)]),
    # multi-word demonyms; an agent "based in" a capital; followers of a person
    ("The Sri Lankan army shelled rebel positions near Jaffna.", [('?Sri Lankan army#LKA.MIL', '194', 'LKA')]),
    ("A newspaper based in Tehran accused the United States of espionage.", [("IRN", "112", "USA")]),
    (
        "Gunmen loyal to Polish General Jan Kowalski attacked Ukrainian border guards.",
        [('?gunmen#POL.REB', '190', '?Ukrainian border guards#UKR.COP')],
    ),
    # an agentless violent act is coded by the state the clause places it in (never a non-violent one)
    ("Two Turkish soldiers were shot dead in Baghdad on Sunday.", [('IRQ', '190', '?Turkish soldiers#TUR.MIL')]),
    ("A Turkish engineer was abducted in Lebanon on Friday.", [('LBN', '181', '?Turkish engineer#TUR.CVL')]),
    (
        "Two Turkish soldiers were killed by a roadside bomb outside the Iraqi city of Mosul.",
        [('IRQ', '190', '?Turkish soldiers#TUR.MIL')],
    ),
    (
        "A Turkish engineer was placed under investigation in Lebanon.",
        [('?authorities#LBN.GOV', '090', '?Turkish engineer#TUR.CVL')],
    ),
    # a surname that may not stand alone names the person after a title, or as owner of a government
    ("President Bush threatened new sanctions against Cuba.", [('george-w-bush', '130', 'CUB')]),
    ("The Clinton administration accused Iraq of violating the ceasefire.", [("bill-clinton", "112", "IRQ")]),
]


def test_titles_with_an_of_phrase_give_the_country(pipeline):
    result = pipeline.process(Document(id="t", text="Polish Minister of Foreign Affairs Jan Kowalski met "
                                       "Andrii Sybiha.", source="test", published=PUBLISHED))
    learned = {a.id: a for a in result.actors}
    assert learned["jan-kowalski"].country == "POL"
    result = pipeline.process(Document(id="t", text="U.S. Secretary of State Jane Doyle telephoned "
                                       "Andrii Sybiha.", source="test", published=PUBLISHED))
    assert {a.id: a for a in result.actors}["jane-doyle"].country == "USA"


@pytest.mark.parametrize(("sentence", "expected"), GENERIC_CASES, ids=[c[0][:40] for c in GENERIC_CASES])
def test_generic_agents_keep_their_events(pipeline, sentence, expected):
    doc = pipeline.nlp(sentence)
    coded = pipeline.coder.code(doc, pipeline.resolver.resolve(doc))
    assert [(e.source, e.code, e.target) for e in coded.events] == expected


def test_every_code_the_pattern_book_can_emit_is_in_the_codebook():
    from tidings.events.codebook import Codebook
    from tidings.events.patterns import PatternBook

    codes = PatternBook.load().codes()
    assert len(codes) > 100
    codebook = Codebook.load()
    assert sorted(c for c in codes if not codebook.is_code(c)) == []

"""Place resolution: places named in a sentence, and the place that belongs to an event."""


import pytest

from tidings.events.places import document_place_context, event_place, find_places


def first(nlp, text):
    return next(nlp(text).sents)


def sentence_with(doc, words):
    return next(s for s in doc.sents if words in s.text)


def token(sent, word):
    return next(t for t in sent if t.text == word)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The foreign ministers met in Warsaw on Tuesday.", "Warsaw"),
        ("The president spoke at the Shangri-La Dialogue.", "Singapore"),
        ("The talks were held in Minsk, Belarus.", "Minsk"),  # a city before its country
        ("He visited Kyiv last year.", "Kyiv"),
        ("Protesters gathered in Tbilisi.", "Tbilisi"),
        ("The chancellor spoke at the Davos forum on Tuesday.", "Davos"),
        ("Thousands rallied in Belarus.", "Belarus"),
        ("The leaders met on the sidelines of the UN General Assembly.", "New York"),
    ],
)
def test_event_place_of_the_main_verb(nlp, text, expected):
    sent = first(nlp, text)
    assert event_place(sent, sent.root, None) == expected


def test_find_places_names_venues_by_their_city(nlp):
    sent = first(nlp, "Officials gathered at the Munich Security Conference and later flew to Kiev.")
    assert [p.name for p in find_places(sent)] == ["Munich", "Kyiv"]
    assert (
        sent.doc.text[find_places(sent)[0].start : find_places(sent)[0].end] == "Munich Security Conference"
    )


def test_place_of_a_relative_clause_does_not_leak(nlp):
    sent = first(
        nlp, "The diplomat drew attention to Lithuanian trucks that have been in Belarus since October."
    )
    assert event_place(sent, sent.root, "Geneva") == "Geneva"


def test_recipient_and_war_target_are_not_places(pozirk):
    sent = sentence_with(pozirk, "is providing to Russia in its war against Ukraine")
    assert event_place(sent, token(sent, "shared"), None) is None
    assert event_place(sent, token(sent, "providing"), None) is None


def test_pozirk_lead_session_place_is_not_the_agreement_place(pozirk):
    sent = sentence_with(pozirk, "have agreed to hold public")
    assert event_place(sent, token(sent, "agreed"), "Munich") == "Munich"
    assert event_place(sent, token(sent, "session"), None) == "Vilnius"


def test_pozirk_zelensky_meeting_in_vilnius(pozirk):
    sent = sentence_with(pozirk, "Volodymyr Zelensky that took place in Vilnius")
    meeting = next(t for t in sent if t.text == "meeting")
    assert event_place(sent, meeting, "Munich") == "Vilnius"
    assert event_place(sent, token(sent, "met"), "Munich") == "Munich"


def test_pozirk_meeting_on_the_sidelines(pozirk):
    sent = sentence_with(pozirk, "had a meeting on the sidelines")
    assert event_place(sent, token(sent, "had"), None) == "Munich"
    assert event_place(sent, token(sent, "meeting"), None) == "Munich"


def test_pozirk_visit_to_nato_headquarters(pozirk):
    sent = sentence_with(pozirk, "a possible visit by")
    assert event_place(sent, token(sent, "visit"), None) == "Brussels"


def test_mfa_address_at_the_un_office(mfa):
    sent = sentence_with(mfa, "addressed the high-level segment")
    assert event_place(sent, token(sent, "addressed"), None) == "Geneva"


def test_document_place_context(mfa, pozirk):
    title = (
        "Deputy Minister of Foreign Affairs of Belarus I.Sekreta participates in high-level events"
        " at the UN Office in Geneva (Switzerland)"
    )
    assert document_place_context(mfa, title, None) == "Geneva"
    assert document_place_context(mfa, None, None) == "Geneva"  # from the lead sentence
    pozirk_title = "Cichanoŭskaja, NATO assembly’s secretary general agree to hold joint events on Belarus"
    assert document_place_context(pozirk, pozirk_title, None) is None
    assert document_place_context(pozirk, pozirk_title, "VILNIUS, Feb 14") == "Vilnius"

"""Date resolution: expressions against the publication date, and dates that belong to an event."""

from datetime import date

import pytest

from tidings.events.dates import DateInfo, document_date_context, event_date, find_dates

FEB14 = date(2026, 2, 14)  # a Saturday
FEB23 = date(2026, 2, 23)




def first(nlp, text):
    return next(nlp(text).sents)


def token(sent, word):
    return next(t for t in sent if t.text == word)


def only_date(nlp, text, published=FEB14):
    sent = first(nlp, text)
    mentions = find_dates(sent, published)
    assert len(mentions) == 1, mentions
    return mentions[0].info.date, mentions[0].info.precision


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("The two leaders met in Vilnius on 25 January.", date(2026, 1, 25), "day"),
        ("The ministers met on February 23, 2026 in Geneva.", date(2026, 2, 23), "day"),
        (
            "Protests erupted in the capital on 20 February.",
            date(2025, 2, 20),
            "day",
        ),  # past, after published
        ("The envoy will arrive on 20 February.", date(2026, 2, 20), "day"),
        ("The conference is scheduled for February 13-15.", date(2026, 2, 13), "day"),
        ("The session will take place in Vilnius between May 29 and June 1.", date(2026, 5, 29), "day"),
        ("The talks were held from 13 to 15 February in Geneva.", date(2026, 2, 13), "day"),
        ("The minister met his counterpart on Monday.", date(2026, 2, 9), "day"),
        ("The envoy will visit Warsaw on Monday.", date(2026, 2, 16), "day"),
        ("The summit ended last Tuesday.", date(2026, 2, 10), "day"),
        ("The opposition leader spoke yesterday.", date(2026, 2, 13), "day"),
        ("The delegation arrived in Minsk today.", date(2026, 2, 14), "day"),
        ("The ministers met two days ago in Riga.", date(2026, 2, 12), "day"),
        ("Lithuanian trucks have been stuck in Belarus since last October.", date(2025, 10, 1), "month"),
        ("The ministers will meet again in March.", date(2026, 3, 1), "month"),
        ("Elections were held in March 2020.", date(2020, 3, 1), "month"),
        ("The two sides spoke by phone earlier this month.", date(2026, 2, 1), "month"),
        ("She has taken part in the conference since 2022.", date(2022, 1, 1), "year"),
        ("The president visited Kyiv last year.", date(2025, 1, 1), "year"),
        ("This year, she has already participated as a speaker.", date(2026, 1, 1), "year"),
    ],
)
def test_find_dates_resolves_against_publication(nlp, text, expected, precision):
    assert only_date(nlp, text) == (expected, precision)


def test_without_publication_date_only_absolute_dates_resolve(nlp):
    sent = first(nlp, "The minister met his counterpart on Monday and on February 23, 2026.")
    assert [m.info.date for m in find_dates(sent, None)] == [date(2026, 2, 23)]


def test_same_day_takes_the_context_date(nlp):
    sent = first(
        nlp, "At a high-level meeting of the Group of Friends held on the same day, the minister spoke."
    )
    context = DateInfo(FEB23, "day", "text", "February 23, 2026")
    info = event_date(sent, token(sent, "held"), FEB23, context)
    assert (info.date, info.origin) == (FEB23, "context")


def test_event_date_prefers_own_clause_over_relative_clause(nlp):
    sent = first(nlp, "The minister met his counterpart, who had arrived on Monday, to discuss trade.")
    info = event_date(sent, token(sent, "met"), FEB14, None)
    assert (info.date, info.origin) == (FEB14, "published")


def test_event_date_governing_clause_lends_its_date(nlp):
    sent = first(nlp, "The foreign ministers met on Tuesday and discussed border security.")
    assert event_date(sent, token(sent, "discussed"), FEB14, None).date == date(2026, 2, 10)


def test_since_is_a_state_not_an_event_date(nlp):
    sent = first(nlp, "Lithuanian trucks have been stuck in Belarus since last October.")
    context = DateInfo(FEB14, "day", "published", None)
    assert event_date(sent, sent.root, FEB14, context) == DateInfo(FEB14, "day", "context", None)


def test_never_falls_back_to_today(nlp):
    sent = first(nlp, "The minister met his counterpart.")
    assert event_date(sent, sent.root, None, None).date is None


# --- the sample articles ------------------------------------------------------------------------






def sentence_with(doc, words):
    return next(s for s in doc.sents if words in s.text)


def test_zelensky_meeting_noun_gets_its_own_date_and_met_does_not(pozirk):
    sent = sentence_with(pozirk, "Volodymyr Zelensky that took place in Vilnius")
    meeting = next(t for t in sent if t.text == "meeting")
    assert event_date(sent, meeting, FEB14, None) == DateInfo(date(2026, 1, 25), "day", "text", "25 January")
    assert event_date(sent, token(sent, "met"), FEB14, None).origin == "published"


def test_lead_date_of_the_samples(pozirk, mfa):
    assert document_date_context(mfa, FEB23) == DateInfo(FEB23, "day", "text", "February 23, 2026")
    assert document_date_context(pozirk, FEB14).date == FEB14


def test_mfa_same_day_resolves_to_the_lead_date(mfa):
    context = document_date_context(mfa, FEB23)
    sent = sentence_with(mfa, "held on the same day")
    held = token(sent, "held")
    assert event_date(sent, held, FEB23, context).date == FEB23
    assert event_date(sent, sent.root, FEB23, context).date == FEB23


def test_mfa_since_last_october_is_found(mfa):
    sent = sentence_with(mfa, "since last October")
    infos = [m.info for m in find_dates(sent, FEB23)]
    assert [(i.date, i.precision) for i in infos] == [(date(2025, 10, 1), "month")]
    assert event_date(sent, token(sent, "drew"), FEB23, None).origin == "published"

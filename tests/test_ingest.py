"""Ingest stage: samples' metadata, every input format, errors, deduplication, boilerplate rules."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tidings.errors import IngestError
from tidings.ingest import Deduplicator, IngestReport, Merge, document_id, ingest_paths, read_path
from tidings.ingest.boilerplate import is_boilerplate_line
from tidings.ingest.text import extract

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
DATA = Path(__file__).resolve().parent / "data" / "ingest"
POZIRK = CORPUS / "pozirk-2026-02-14-tsikhanouskaya-nato-pa.txt"
MFA = CORPUS / "mfa-belarus-2026-02-23-sekreta-geneva.txt"


def _one(path: Path, **kwargs: object):
    docs = read_path(path, **kwargs)
    assert len(docs) == 1
    return docs[0]


# --- the two sample documents ---------------------------------------------------------------


def test_pozirk_sample_metadata():
    doc = _one(POZIRK)
    assert doc.title == "Cichanoŭskaja, NATO assembly’s secretary general agree to hold joint events on Belarus"
    assert doc.outlet == "Pozirk"
    assert doc.published == date(2026, 2, 14)
    assert doc.published_inferred is True
    assert doc.published_origin == "dateline"
    assert doc.author == "Viktar Ivicki"
    assert doc.distributor is None
    assert doc.distributed_at is None
    assert doc.language == "en"
    assert doc.text.startswith("Belarus’ exiled opposition leader")
    for furniture in ("Minsk 06:15", "Share:", "press office)", "By Viktar"):
        assert furniture not in doc.text
    assert doc.text.endswith("the European commissioner for defense and space.")
    assert "Minsk 06:15" in doc.boilerplate
    assert "Share:" in doc.boilerplate
    assert "(Śviatłana Cichanoŭskaja's press office)" in doc.boilerplate
    assert doc.disclaimer is None
    assert doc.carried_by == ["Pozirk"]
    assert doc.id == document_id(doc.text)
    assert doc.source == str(POZIRK)


def test_mfa_sample_metadata():
    doc = _one(MFA)
    assert doc.title == (
        "Deputy Minister of Foreign Affairs of Belarus I.Sekreta participates in high-level events "
        "at the UN Office in Geneva (Switzerland)"
    )
    assert doc.outlet == "Ministry of Foreign Affairs of the Republic of Belarus"
    assert doc.published == date(2026, 2, 23)
    assert doc.published_inferred is False
    assert doc.author is None
    assert doc.distributor == "Public Technologies (PUBT)"
    assert doc.distributed_at == datetime(2026, 2, 26, 8, 6, tzinfo=UTC)
    assert doc.language == "en"
    assert doc.text.startswith("On February 23, 2026 the Deputy Minister")
    assert doc.text.endswith("unilateral sanctions against UN member states.")
    for furniture in ("print version", "Archived content", "Distributed via", "published this content"):
        assert furniture not in doc.text
    assert doc.disclaimer is not None
    assert doc.disclaimer.startswith("Ministry of Foreign Affairs of the Republic of Belarus published this content")
    assert "Distributed via Public Technologies (PUBT)" in doc.disclaimer
    assert "print version" in doc.boilerplate
    assert "02/23/2026 | Press release | Archived content" in doc.boilerplate
    assert "23 February 2026" in doc.boilerplate
    assert doc.title in doc.boilerplate  # the repeated title
    assert doc.title not in doc.text


def test_same_file_read_twice_has_same_id():
    assert _one(POZIRK).id == _one(POZIRK).id
    assert _one(POZIRK).id != _one(MFA).id


# --- formats ------------------------------------------------------------------------------


def test_html_page_keeps_the_article_only():
    doc = _one(DATA / "news_page.html")
    assert doc.title == "Lithuania reopens two border checkpoints with Belarus"
    assert doc.author == "Ruta Kazlauskiene"
    assert doc.outlet == "Baltic Ledger"
    assert doc.published == date(2025, 11, 20)
    assert doc.published_inferred is False
    assert doc.language == "en"
    assert doc.text.startswith("Lithuania reopened the Medininkai and Šalčininkai checkpoints")
    assert doc.text.endswith("further sanctions against Minsk if they continued.")
    assert len(doc.text.split("\n\n")) == 4  # one paragraph each, as in plain text
    for furniture in ("Politics", "Economy", "Subscribe", "Facebook", "Email", "Most read", "Latvian farmers",
                      "All rights reserved", "Privacy policy", "About us", "Contact the newsroom", "By Ruta"):
        assert furniture not in doc.text


def test_jsonl_reads_good_lines_and_reports_the_bad_one():
    path = DATA / "articles.jsonl"
    errors: list[IngestError] = []
    docs = read_path(path, errors=errors)
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:3"]

    plain, html = docs
    assert plain.outlet == "BNS"
    assert plain.dateline == "Vilnius"
    assert plain.published == date(2026, 1, 12)
    assert plain.published_origin == "meta"
    assert plain.url == "https://bns.example.lt/1"
    assert plain.text.startswith("Lithuanian President Gitanas Nausėda met")

    assert html.title == "Belarus frees 14 prisoners ahead of talks"
    assert html.outlet == "Baltic Ledger"
    assert html.author == "Ruta Kazlauskiene"
    assert html.published == date(2026, 1, 13)
    assert html.text.startswith("Belarusian authorities released fourteen political prisoners")
    assert "Belarus frees 14 prisoners" not in html.text  # the heading is the title, not text

    assert len(errors) == 1
    assert errors[0].path == str(path)
    assert errors[0].line == 2
    assert str(errors[0]).startswith(f"{path}:2: not valid JSON")


def test_jsonl_in_a_batch():
    report = ingest_paths([DATA / "articles.jsonl"])
    assert len(report.documents) == 2
    assert [str(e).split(": ")[0] for e in report.errors] == [f"{DATA / 'articles.jsonl'}:2"]


def test_jsonl_line_without_text(tmp_path):
    path = tmp_path / "notext.jsonl"
    path.write_text('{"title": "Nothing here"}\n', encoding="utf-8")
    with pytest.raises(IngestError) as info:
        read_path(path)
    assert str(info.value) == f"{path}:1: no 'text' or 'html' field"


@pytest.mark.parametrize(
    ("name", "outlet", "expected"),
    [
        ("feed.rss", "Vilnius Daily Wire", [
            ("Belarusian opposition opens office in Warsaw", date(2025, 10, 6), None,
             "The Belarusian democratic forces opened a representative office in Warsaw"),
            ("Latvia extends state of emergency on Belarus border", date(2025, 10, 8), None,
             "The Latvian government extended the state of emergency"),
        ]),
        ("feed.atom", "Eastern Europe Monitor", [
            ("OSCE envoy visits Minsk for talks on prisoners", date(2025, 12, 1), "Marta Nowak",
             "An OSCE special envoy arrived in Minsk on Monday"),
            ("Poland and Lithuania agree joint patrols on Belarus border", date(2025, 12, 2), "Jonas Petraitis",
             "Poland and Lithuania agreed on Tuesday to run joint patrols"),
        ]),
    ],
)
def test_feeds(name, outlet, expected):
    path = DATA / name
    docs = read_path(path)
    assert [(d.title, d.published, d.author) for d in docs] == [e[:3] for e in expected]
    for number, (doc, (title, _, _, start)) in enumerate(zip(docs, expected, strict=True), 1):
        assert doc.outlet == outlet
        assert doc.source == f"{path}#{number}"
        assert doc.published_origin == "meta"
        assert doc.text.startswith(start)
        assert title not in doc.text
        assert doc.url and doc.url.startswith("https://")


def test_feeds_in_one_batch_give_four_documents():
    report = ingest_paths([DATA / "feed.rss", DATA / "feed.atom"])
    assert report.errors == []
    assert len(report.documents) == 4
    assert [d.outlet for d in report.documents] == ["Vilnius Daily Wire"] * 2 + ["Eastern Europe Monitor"] * 2


def test_feed_sniffed_without_feed_suffix(tmp_path):
    path = tmp_path / "feed.txt"
    path.write_bytes((DATA / "feed.rss").read_bytes())
    assert [d.title for d in read_path(path)][0] == "Belarusian opposition opens office in Warsaw"


def test_wire_dateline():
    doc = _one(DATA / "reuters_wire.txt")
    assert doc.dateline == "Minsk"
    assert doc.outlet == "Reuters"
    assert doc.published == date(2026, 2, 3)  # the year from "since the start of 2026"
    assert doc.published_inferred is True
    assert doc.published_origin == "dateline"
    assert doc.text.startswith("Belarus said on Tuesday it had detained")
    assert "(Reuters)" not in doc.text
    assert "Reporting by" not in doc.text
    assert "(Reporting by Andrius Sytas; Editing by Alex Richardson)" in doc.boilerplate


def test_no_year_anywhere_means_no_date():
    doc = _one(DATA / "undated.txt")
    assert doc.dateline == "Vilnius"
    assert doc.published is None
    assert doc.published != date.today()
    assert doc.published_inferred is False
    assert doc.published_origin is None
    assert doc.text.startswith("Belarusian opposition activists gathered")


def test_published_override():
    day = date(2026, 3, 1)
    for path in (POZIRK, MFA, DATA / "undated.txt", DATA / "news_page.html"):
        doc = _one(path, published=day)
        assert (doc.published, doc.published_inferred, doc.published_origin) == (day, False, "user")
    report = ingest_paths([DATA / "feed.rss", DATA / "articles.jsonl"], published=day)
    assert len(report.documents) == 4
    assert {(d.published, d.published_origin) for d in report.documents} == {(day, "user")}


def test_folder_is_expanded():
    report = ingest_paths([CORPUS])
    assert report.errors == []
    assert sorted(d.outlet for d in report.documents) == ["Ministry of Foreign Affairs of the Republic of Belarus",
                                                          "Pozirk"]


# --- errors ---------------------------------------------------------------------------------


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Łukašenka met Putin in Minsk on Tuesday. Café talks followed.".encode("cp1250"))
    return {"missing": tmp_path / "missing.txt", "empty": empty, "binary": binary, "latin": latin}


@pytest.mark.parametrize(
    ("kind", "problem"),
    [("missing", "no such file or directory"), ("empty", "empty file"), ("binary", "binary file, not text"),
     ("latin", "not UTF-8 text (byte 0)")],
)
def test_read_errors_name_the_file(tmp_path, kind, problem):
    path = _bad_files(tmp_path)[kind]
    with pytest.raises(IngestError) as info:
        read_path(path)
    assert info.value.path == str(path)
    assert info.value.line is None
    assert str(info.value) == f"{path}: {problem}"


def test_batch_collects_errors_and_goes_on(tmp_path):
    bad = _bad_files(tmp_path)
    seen: list[Path] = []
    report = ingest_paths([bad["missing"], bad["empty"], POZIRK, bad["binary"], bad["latin"], MFA],
                          on_file=seen.append)
    assert isinstance(report, IngestReport)
    assert [d.source for d in report.documents] == [str(POZIRK), str(MFA)]
    assert [e.path for e in report.errors] == [str(bad[k]) for k in ("missing", "empty", "binary", "latin")]
    for error in report.errors:
        assert str(error).startswith(f"{error.path}: ")
        assert "\n" not in str(error)
    assert seen == [bad["empty"], POZIRK, bad["binary"], bad["latin"], MFA]


# --- deduplication ------------------------------------------------------------------------


def _syndicated_copy(tmp_path: Path) -> Path:
    text = POZIRK.read_text(encoding="utf-8")
    assert "February 14, Pozirk." in text
    changed = "Cichanoŭskaja spoke about the militarization of the Belarusian economy"
    assert changed in text
    text = text.replace("February 14, Pozirk.", "February 14, Belsat.").replace(
        changed, "The opposition leader also described the growing militarization of the economy of Belarus")
    copy = tmp_path / "belsat-copy.txt"
    copy.write_text(text, encoding="utf-8")
    return copy


def test_same_file_twice_is_one_document():
    report = ingest_paths([POZIRK, POZIRK])
    assert len(report.documents) == 1
    assert report.documents[0].id == _one(POZIRK).id
    assert report.duplicates == [(str(POZIRK), report.documents[0].id)]
    assert report.documents[0].carried_by == ["Pozirk"]


def test_syndicated_copy_is_a_near_duplicate(tmp_path):
    copy = _syndicated_copy(tmp_path)
    copied = _one(copy)
    assert copied.outlet == "Belsat"
    assert copied.id != _one(POZIRK).id

    report = ingest_paths([POZIRK, copy])
    assert len(report.documents) == 1
    kept = report.documents[0]
    assert kept.source == str(POZIRK)
    assert kept.outlet == "Pozirk"
    assert kept.carried_by == ["Pozirk", "Belsat"]
    assert report.duplicates == [(str(copy), kept.id)]


def test_deduplicator_directly(tmp_path):
    original, copy, other = _one(POZIRK), _one(_syndicated_copy(tmp_path)), _one(MFA)
    dedup = Deduplicator()
    assert dedup.add(original) is original
    assert dedup.add(copy) is None
    assert dedup.add(other) is other
    assert dedup.merges == [Merge(original.id, "Belsat", copy.source)]
    assert original.carried_by == ["Pozirk", "Belsat"]

    # against documents already stored: a later copy is recognised, the store's document gains the carrier
    stored = _one(POZIRK)
    again = Deduplicator(existing=[stored])
    assert again.add(_one(POZIRK)) is None
    assert again.add(_one(DATA / "reuters_wire.txt")) is not None
    assert stored.carried_by == ["Pozirk"]


def test_different_stories_are_all_kept():
    paths = [POZIRK, MFA, DATA / "reuters_wire.txt", DATA / "undated.txt", DATA / "news_page.html",
             DATA / "feed.rss", DATA / "feed.atom"]
    report = ingest_paths(paths)
    assert report.errors == []
    assert report.duplicates == []
    assert len(report.documents) == 9
    assert len({d.id for d in report.documents}) == 9


# --- boilerplate rules -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Share:", "share"),
        ("Share this article", "share"),
        ("Share on Facebook", "share"),
        ("Tweet", "share"),
        ("Print version", "share"),
        ("print version", "share"),
        ("Read more", "share"),
        ("Archived content", "archived"),
        ("Minsk 06:15", "clock"),
        ("Vilnius, 9:05 PM", "clock"),
        ("(Photo: Reuters)", "caption"),
        ("(Photo: Reuters.)", "caption"),
        ("(Belsat press office)", "caption"),
        ("© 2026 Baltic Ledger. All rights reserved.", "copyright"),
        ("02/23/2026 | Press release | Archived content", "header"),
    ],
)
def test_furniture_lines(line, rule):
    assert is_boilerplate_line(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "The delegations met in the morning, and at 10:30 the talks began.",
        "At 10:30 the talks began.",
        "The Lithuanian side (which had asked for the meeting) brought customs officials.",
        "(The Belarusian foreign ministry did not respond to a request for comment.)",
        "Share prices in Minsk fell on Monday.",
        "Print media in Belarus are under pressure.",
        "Minsk",
    ],
)
def test_text_lines_survive(line):
    assert is_boilerplate_line(line) is None


def test_extract_removes_furniture_and_keeps_text():
    raw = (
        "Vilnius 14:05\n\n"
        "Talks on the border resume in Vilnius\n\n"
        "Share on Facebook\n\n"
        "(Photo: Reuters)\n\n"
        "Delegations from Lithuania and Belarus met in Vilnius on Tuesday. The meeting opened late, "
        "and at 10:30 the talks began.\n"
        "The Lithuanian side (which had asked for the meeting in January) brought customs officials. "
        "(Neither side released a statement afterwards.) Officials said more talks would follow.\n\n"
        "(The Belarusian foreign ministry did not respond to a request for comment.)\n\n"
        "Print version\n\n"
        "Tweet\n\n"
        "© 2026 Baltic Ledger\n"
    )
    ex = extract(raw)
    assert ex.title == "Talks on the border resume in Vilnius"
    assert ex.text == (
        "Delegations from Lithuania and Belarus met in Vilnius on Tuesday. The meeting opened late, "
        "and at 10:30 the talks began.\n"
        "The Lithuanian side (which had asked for the meeting in January) brought customs officials. "
        "(Neither side released a statement afterwards.) Officials said more talks would follow.\n\n"
        "(The Belarusian foreign ministry did not respond to a request for comment.)"
    )
    assert ex.boilerplate == ["Vilnius 14:05", "Share on Facebook", "(Photo: Reuters)", "Print version", "Tweet",
                              "© 2026 Baltic Ledger"]


def test_site_clock_glued_to_a_line_is_cut_off():
    ex = extract("Talks end in Vilnius\n\nThe talks ended on Friday.\n\n"
                 "For tips, contact us at desk@example.orgMinsk 06:15")
    assert ex.title == "Talks end in Vilnius"
    assert ex.text == "The talks ended on Friday.\n\nFor tips, contact us at desk@example.org"
    assert ex.boilerplate == ["Minsk 06:15"]


@pytest.mark.parametrize(
    "line",
    ["Press release | Archived content", "News | 12/03/2025", "12 March 2025 | Statement",
     "2026-01-05 | Speech | Archived content"],
)
def test_header_lines_in_other_shapes(line):
    assert is_boilerplate_line(line) == "header"


def test_header_line_date_is_the_publication_date():
    ex = extract("Speech | 12 March 2025\n\nMinister opens the new embassy\n\nThe minister opened it today.")
    assert ex.published == date(2025, 3, 12)
    assert ex.title == "Minister opens the new embassy"


def test_organisation_line_over_a_release_is_the_outlet():
    ex = extract("Embassy of the Republic of Poland in Vilnius\n\nAmbassador meets the mayor of Vilnius\n\n"
                 "The ambassador met the mayor on Monday to discuss the city partnership.\n\nThey will meet again.")
    assert ex.outlet == "Embassy of the Republic of Poland in Vilnius"
    assert ex.title == "Ambassador meets the mayor of Vilnius"
    assert ex.text.startswith("The ambassador met the mayor")


def test_short_story_about_a_ministry_keeps_its_title():
    ex = extract("Ministry of Defence\n\nThe ministry said nothing on Monday.")
    assert ex.outlet is None
    assert ex.text == "The ministry said nothing on Monday."


@pytest.mark.parametrize(
    ("opening", "place", "outlet"),
    [
        ("VILNIUS (AP) — The opposition met", "Vilnius", "AP"),
        ("Minsk, 3 February (BelTA) - The opposition met", "Minsk", "BelTA"),
        ("NEW YORK, Feb 3 — The opposition met", "New York", None),
        # the wires' variants: the state after the city, the credit set off by dashes or a comma
        ("DHAKA, Bangladesh (AP) — The opposition met", "Dhaka", "AP"),
        ("CHISINAU, Moldova — (AP) — The opposition met", "Chisinau", "AP"),
        ("RIO DE JANEIRO — (AP) — The opposition met", "Rio De Janeiro", "AP"),
        ("MANAGUA, (Reuters) – The opposition met", "Managua", "Reuters"),
        # agencies' own shapes: the credit with no dash, the agency's name with no parentheses
        ("Taipei, July 30 (CNA) The opposition met", "Taipei", "CNA"),
        ("Tehran, IRNA – The opposition met", "Tehran", "IRNA"),
        # place, state and agency set off by bars
        ("ISTANBUL, TURKEY | Xinhua | The opposition met", "Istanbul", "Xinhua"),
        # a rights group's office in parentheses is taken off but sets no place; an agency's name there is
        # its credit
        ("(Nairobi) – The opposition met", None, None),
        ("(Reuters) – The opposition met", None, "Reuters"),
    ],
)
def test_dateline_shapes(opening, place, outlet):
    ex = extract(f"Opposition meets again\n\n{opening} on Monday in 2026.\n\nMore followed.")
    assert ex.dateline == place
    assert ex.outlet == outlet
    assert ex.text.startswith("The opposition met")


def test_a_rights_groups_place_after_its_summary_line_is_taken_off():
    # HRW (held-out set): a one-sentence summary, then "(Nairobi) – ..." opens the story
    ex = extract("Army kills 9\n\nBurkina Faso should ensure that provost marshals are present.\n\n(Nairobi) – The "
                 "Burkina Faso armed forces executed at least 9 men, Human Rights Watch said today.\n\nMore followed.")
    assert ex.text.startswith("Burkina Faso should ensure")
    assert "\n\nThe Burkina Faso armed forces executed" in ex.text and "(Nairobi)" not in ex.text
    # counterexample: only the parenthesised place follows a summary; a capitalised city there is the story's
    ex = extract("Leaders meet\n\nThe sides agreed.\n\nVILNIUS (AP) — The opposition met on Monday.")
    assert "VILNIUS (AP)" in ex.text


def test_two_names_before_a_dash_are_no_dateline():
    # counterexamples: names in a list, a city and a two-letter state code
    openings = ("Lukashenko, Putin – the two met", "Washington, DC — the two met", "Biden, McConnell – the two met")
    for opening in openings:
        ex = extract(f"Leaders meet\n\n{opening} on Monday.")
        assert ex.dateline is None and ex.text.startswith(opening[:10]), opening


def test_words_between_bars_are_no_dateline_without_a_place_in_capitals():
    # counterexamples: a headline's bar between names, a section label
    openings = ("Russia | Ukraine talks resumed", "News | Today | the ministry said", "(Updated) – the ministry said",
                "OPINION | John Smith | the ministry said", "U.S. | Politics | the ministry said")
    for opening in openings:
        ex = extract(f"Leaders meet\n\n{opening} on Monday.")
        assert ex.dateline is None and ex.text.startswith(opening[:10]), opening


def test_a_name_and_a_title_before_a_dash_are_no_dateline():
    # counterexample: a person in capitals, then Title Case words and a dash, is the story's first words
    ex = extract("Opposition meets again\n\nMARIA Kolesnikova, Opposition Leader — she met them on Monday.")
    assert ex.dateline is None
    assert ex.text.startswith("MARIA Kolesnikova")


def test_year_comes_from_the_distribution_date_not_after_it():
    ex = extract(
        "Year-end talks in Minsk\n\nDecember 30, Pozirk. Talks were held in Minsk.\n\n"
        "Pozirk Media published this content and is read by many. The talks will go on."
    )
    assert ex.published is None  # no year anywhere: unknown, not today's year
    ex = extract(
        "Year-end talks in Minsk\n\nDecember 30, Pozirk. Talks were held in Minsk.\n\n"
        "Pozirk Media published this content on January 2, 2026, and is solely responsible for the information "
        "contained herein. Distributed via Public Technologies (PUBT), unedited and unaltered, on January 2, 2026 "
        "at 10:00 UTC."
    )
    assert ex.published == date(2025, 12, 30)
    assert ex.published_inferred is True
    assert ex.published_origin == "dateline"


def test_year_ignores_future_targets():
    ex = extract("Budget talks in Minsk\n\nMarch 3, Pozirk. The plan runs until 2030. The 2026 budget passed.")
    assert ex.published == date(2026, 3, 3)
    assert ex.published_inferred is True


def test_read_path_without_an_error_list_raises_the_bad_line():
    with pytest.raises(IngestError) as caught:
        read_path(DATA / "articles.jsonl")
    assert caught.value.line == 2


def test_feed_file_holding_a_url_is_not_fetched(tmp_path):
    path = tmp_path / "links.xml"
    path.write_text("http://127.0.0.1:9/feed.xml", encoding="utf-8")
    with pytest.raises(IngestError, match="not an RSS or Atom feed"):
        read_path(path)

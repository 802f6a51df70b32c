"""Clean a plain-text article and read its metadata from the page's own furniture.

In: raw text (a .txt file, or text extracted from HTML, a feed entry or a JSONL line) and what
is already known of it. Out: ``Extracted``: clean body text, title, outlet, author, dateline place,
publication date (with whether it was inferred and from where), distributor and distribution time,
the disclaimer and the other lines removed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import dateparser

from tidings.ingest.boilerplate import (
    find_disclaimer,
    header_dates,
    is_boilerplate_line,
    is_organisation_name,
    strip_glued_clock,
)
from tidings.ingest.outlets import OutletBook

__all__ = ["Extracted", "extract"]

_DATE_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
                  "RETURN_AS_TIMEZONE_AWARE": False}
# A dateline's date: "Feb 3", "February 14, 2026", "3 February"
_STAMP = r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}\.?)(?:,? \d{4})?"
_CREDIT = r"(?:\s*\((?P<outlet>[^)]{2,40})\))?"
_REGION = r"[A-Z][a-z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}"  # "Bangladesh", "South Korea", "Ill."
# "(Nairobi) – Malian armed forces ...": the rights groups' place in parentheses before a dash (an agency's
# name there, "(Reuters) –", is its credit); the one dateline printed after a summary line
_DECK = re.compile(r"^\((?P<place>[A-Z][a-z][\w'-]*(?: [A-Z][a-z][\w'-]*)?)\)\s*[-—–]+\s+")
_DATELINES = [
    # "February 14, Pozirk. Belarus’ exiled ..." (month day, outlet.)
    re.compile(rf"^(?P<date>{_STAMP}),\s+(?P<outlet>[A-Z][\w.&-]{{1,40}})\.\s+"),
    # "MINSK, Feb 3 (Reuters) - ...", "VILNIUS (AP) — ...", "VILNIUS — ...": a place in capitals; the
    # wires' variants name the state or region after it and set the credit off with dashes or a comma
    # ("DHAKA, Bangladesh (AP) —", "CHISINAU, Moldova — (AP) —", "MANAGUA, (Reuters) –")
    re.compile(rf"^(?P<place>[A-Z][A-Z .'-]{{2,30}}?)(?:,\s+{_REGION})?(?:,\s+(?P<date>{_STAMP}))?,?"
               rf"(?:\s*[-—–]+(?=\s*\())?{_CREDIT}\s*[-—–]+\s+"),
    # "Minsk, 3 February (BelTA) - ...": a place in Title Case only when a date follows it, or the
    # agency's credit with no dash ("Taipei, July 30 (CNA) Taiwan's coast guard ...")
    re.compile(rf"^(?P<place>[A-Z][\w .'-]{{2,30}}?),\s+(?P<date>{_STAMP})"
               rf"(?:{_CREDIT}\s*[-—–]+|\s*\((?P<credit>[A-Z][\w.&-]{{1,20}})\))\s+"),
    # "ISTANBUL, TURKEY | Xinhua | ...": place, state and agency set off by bars, as some sites print them
    re.compile(r"^(?P<place>[A-Z][A-Z .'-]{2,30}?)(?:,\s+[A-Z][A-Za-z .'-]{1,30}?)?\s*\|\s*"
               r"(?P<outlet>[A-Z][\w .&-]{1,30}?)\s*\|\s+"),
    _DECK,
    # "Tehran, IRNA – ...": a place in Title Case, then an agency's name in capitals and a dash
    re.compile(r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?),\s+"
               r"(?P<outlet>[A-Z]{3,6})\s*[-—–]+\s+"),
]
_NAME_WORD = r"(?!(?:The|A|An|In|On|At|This|That|It|He|She|They|We|As|For|After|Before)\b)[A-Z][\w'’.-]+"
_BYLINE = re.compile(rf"^By (?P<author>{_NAME_WORD}(?: {_NAME_WORD}){{1,3}})(?:,\s*|\s+(?=[A-Z0-9“\"])|$)")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
# "by 2030", "until 2030": a target in the future says nothing of when the article was written
_FUTURE_YEAR = re.compile(r"\b(?:by|until|till|through|before|to)\s+(?:the\s+end\s+of\s+)?$", re.I)
_TEASER_END = ("…", "...")


@dataclass
class Extracted:
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    dateline: str | None = None
    published: date | None = None
    published_inferred: bool = False
    published_origin: str | None = None
    distributor: str | None = None
    distributed_at: datetime | None = None
    disclaimer: str | None = None
    boilerplate: list[str] = field(default_factory=list)
    undated_stamp: str | None = None  # a dateline's "February 14" waiting for its year


def _parse_date(text: str) -> date | None:
    parsed = dateparser.parse(text, languages=["en"], settings=_DATE_SETTINGS)
    return parsed.date() if parsed else None


def _paragraphs(raw: str) -> list[str]:
    raw = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    # runs of spaces inside a line ("The EU  also calls") are typing, not structure, and they break the
    # parser's sentence; one space keeps every word's meaning
    return [re.sub(r"[ \t]{2,}", " ", p.strip()) for p in re.split(r"\n\s*\n", raw) if p.strip()]


def _is_headline(paragraph: str) -> bool:
    """One line, no closing full stop, not too long: a title or a section heading."""
    return "\n" not in paragraph and not paragraph.rstrip().endswith((".", ":")) and len(paragraph.split()) <= 30


def extract(raw: str, title: str | None = None, outlet: str | None = None) -> Extracted:
    out = Extracted(text="", title=title, outlet=outlet)
    paragraphs = _drop_lines(_paragraphs(raw), out)
    paragraphs = _take_disclaimer(paragraphs, out)
    paragraphs = _take_header(paragraphs, out)
    paragraphs = _take_teasers(paragraphs, out)
    paragraphs = _take_dateline(paragraphs, out)
    paragraphs = _take_byline(paragraphs, out)
    out.text = "\n\n".join(paragraphs).strip()
    if out.published is None or out.published_inferred:
        _infer_year(out)
    return out


def _drop_lines(paragraphs: list[str], out: Extracted) -> list[str]:
    kept = []
    for paragraph in paragraphs:
        lines = []
        for line in paragraph.split("\n"):
            line, clock = strip_glued_clock(line.strip())
            if clock:
                out.boilerplate.append(clock)
            rule = is_boilerplate_line(line)
            if rule == "header":
                _read_header_line(line, out)
            if rule or not line.strip():
                if line.strip():
                    out.boilerplate.append(line.strip())
                continue
            lines.append(line)
        if lines:
            kept.append("\n".join(lines))
    return kept


def _read_header_line(line: str, out: Extracted) -> None:
    dates = header_dates(line)
    if dates and out.published is None:
        parsed = _parse_date(dates[0])
        if parsed:
            out.published, out.published_origin = parsed, "meta"


def _take_disclaimer(paragraphs: list[str], out: Extracted) -> list[str]:
    kept = []
    for paragraph in paragraphs:
        match = find_disclaimer(paragraph.replace("\n", " "))
        if match is None:
            kept.append(paragraph)
            continue
        out.disclaimer = paragraph
        out.outlet = out.outlet or match["publisher"].strip()
        out.distributor = match["distributor"].strip()
        day = _parse_date(match["date"])
        if day:
            hour, minute = (int(x) for x in match["time"].split(":"))
            out.distributed_at = datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)
        published = _parse_date(match["published"])
        if published and out.published is None:
            out.published, out.published_origin = published, "meta"
    return kept


def _take_header(paragraphs: list[str], out: Extracted) -> list[str]:
    """A release's masthead: outlet line, title (often twice), then a date line."""
    if not paragraphs:
        return paragraphs
    first = paragraphs[0]
    # the publisher's name over a release; a ministry named alone is an outlet line only when
    # a headline still follows it, so a one-line story is not taken for its masthead
    if (out.outlet and first == out.outlet) or (
        len(paragraphs) > 2 and is_organisation_name(first) and _is_headline(paragraphs[1])
    ):
        out.outlet = out.outlet or first
        out.boilerplate.append(paragraphs.pop(0))
    while paragraphs and _is_headline(paragraphs[0]):
        head = paragraphs.pop(0)
        day = _parse_date(head) if len(head.split()) <= 4 else None
        if day is not None:
            out.boilerplate.append(head)
            if out.published is None or out.published_origin != "meta":
                out.published, out.published_origin = day, "text"
        elif out.title is None:
            out.title = head
        elif head == out.title:
            out.boilerplate.append(head)
        else:
            paragraphs.insert(0, head)
            break
    return paragraphs


def _take_teasers(paragraphs: list[str], out: Extracted) -> list[str]:
    """Related-article teasers at the foot of a page: a headline and a paragraph cut off with '…'."""
    while len(paragraphs) > 1 and paragraphs[-1].rstrip().endswith(_TEASER_END):
        teaser = paragraphs.pop()
        byline = _BYLINE.match(teaser)
        if byline and out.author is None:
            out.author = byline.group("author")
        out.boilerplate.append(teaser)
        if len(paragraphs) > 1 and _is_headline(paragraphs[-1]):
            out.boilerplate.append(paragraphs.pop())
    return paragraphs


# what a page prints where a dateline may stand that is no place: "(Updated) –", "OPINION | John Smith |"
_LABELS = frozenset({"updated", "update", "video", "videos", "opinion", "corrected", "correction", "photos", "photo",
                     "analysis", "live", "watch", "exclusive", "breaking", "editorial", "comment", "news", "world",
                     "politics", "explainer", "feature", "interview", "listen", "audio", "podcast", "sponsored"})


def _take_dateline(paragraphs: list[str], out: Extracted) -> list[str]:
    if not paragraphs:
        return paragraphs
    first = paragraphs[0]
    match = next((m for m in (p.match(first) for p in _DATELINES) if m), None)
    if match is None and len(paragraphs) > 1 and _DECK.match(paragraphs[1]):
        # a rights group's summary line before the story: "(Nairobi) – ..." opens the second paragraph
        return [paragraphs[0], *_take_dateline(paragraphs[1:], out)]
    groups = match.groupdict() if match is not None else {}
    if match is None or any((groups.get(k) or "").strip().lower() in _LABELS for k in ("place", "outlet")):
        return paragraphs
    if groups.get("place") and first.startswith("("):
        # "(Nairobi) –" is where a rights group's office wrote it, not where the story is: taken off the
        # text, it sets no place; "(Reuters) –" is a credit
        named = OutletBook.load().named(groups["place"])
        groups["outlet"], groups["place"] = (groups["place"] if named else None), None
    if groups.get("place"):
        out.dateline = groups["place"].strip().title()
    if groups.get("outlet") or groups.get("credit"):
        out.outlet = out.outlet or (groups.get("outlet") or groups["credit"]).strip()
    stamp = groups.get("date")
    if stamp and out.published is not None and not re.search(r"\d{4}", stamp):
        # a header or disclaimer date is when the page went up; the dateline's day is the story's
        day = _nearest_not_after(stamp, out.published)
        if day is not None and day != out.published:
            out.published, out.published_inferred, out.published_origin = day, True, "dateline"
    elif out.published is None and stamp:
        if re.search(r"\d{4}", stamp):
            out.published, out.published_origin = _parse_date(stamp), "dateline"
        else:
            out.published_origin = "dateline"
            out.published_inferred = True
            out.undated_stamp = stamp
    paragraphs[0] = first[match.end():]
    return paragraphs


def _take_byline(paragraphs: list[str], out: Extracted) -> list[str]:
    for i, paragraph in enumerate(paragraphs[:3]):
        match = _BYLINE.match(paragraph)
        if match:
            out.author = out.author or match.group("author")
            paragraphs[i] = paragraph[match.end():]
            break
    return [p for p in paragraphs if p.strip()]


def _infer_year(out: Extracted) -> None:
    """A dateline without a year ("February 14, Pozirk."): never today's year by default.

    With a distribution date, the nearest year that does not put the story after its
    distribution; otherwise the latest year the article itself names (its title included),
    leaving out targets such as "by 2030". No year anywhere leaves the date unknown.
    """
    stamp = out.undated_stamp
    if stamp is None:
        return
    if out.distributed_at is not None:
        out.published = _nearest_not_after(stamp, out.distributed_at.date())
    else:
        text = f"{out.title or ''} {out.text}"
        years = [
            int(m.group()) for m in _YEAR.finditer(text)
            if not _FUTURE_YEAR.search(text[max(0, m.start() - 30) : m.start()])
        ]
        out.published = _parse_date(f"{stamp} {max(years)}") if years else None
    out.published_inferred = out.published is not None
    if out.published is None:
        out.published_origin = None


def _nearest_not_after(stamp: str, limit: date) -> date | None:
    """A year-less "December 30" placed in the latest year that keeps it on or before ``limit``."""
    day = _parse_date(f"{stamp} {limit.year}")
    return day if day is None or day <= limit else _parse_date(f"{stamp} {limit.year - 1}")

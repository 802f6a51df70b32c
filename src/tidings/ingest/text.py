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

from tidings.ingest.boilerplate import DISCLAIMER, HEADER_DATE_LINE, is_boilerplate_line, strip_glued_clock

__all__ = ["Extracted", "extract"]

_DATE_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
                  "RETURN_AS_TIMEZONE_AWARE": False}
# "February 14, Pozirk. Belarus’ exiled ..." (month day, outlet.)
_DATELINE_OUTLET = re.compile(
    r"^(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?),\s+(?P<outlet>[A-Z][\w.&-]{1,40})\.\s+"
)
# "MINSK, Feb 3 (Reuters) - ...", "VILNIUS, Feb 14 — ..."
_DATELINE_PLACE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'-]{2,30}),\s+(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)"
    r"(?:\s*\((?P<outlet>[^)]{2,40})\))?\s*[-—–]+\s*"
)
_NAME_WORD = r"(?!(?:The|A|An|In|On|At|This|That|It|He|She|They|We|As|For|After|Before)\b)[A-Z][\w'’.-]+"
_BYLINE = re.compile(rf"^By (?P<author>{_NAME_WORD}(?: {_NAME_WORD}){{1,3}})(?:,\s*|\s+(?=[A-Z0-9“\"])|$)")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
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
    return [p.strip() for p in re.split(r"\n\s*\n", raw) if p.strip()]


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
    match = HEADER_DATE_LINE.match(line.strip())
    if match and out.published is None:
        parsed = _parse_date(match.group("date"))
        if parsed:
            out.published, out.published_origin = parsed, "meta"


def _take_disclaimer(paragraphs: list[str], out: Extracted) -> list[str]:
    kept = []
    for paragraph in paragraphs:
        match = DISCLAIMER.search(paragraph.replace("\n", " "))
        if match is None:
            kept.append(paragraph)
            continue
        out.disclaimer = paragraph
        out.outlet = out.outlet or match.group("publisher").strip()
        out.distributor = match.group("distributor").strip()
        day = _parse_date(match.group("date"))
        if day:
            hour, minute = (int(x) for x in match.group("time").split(":"))
            out.distributed_at = datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)
        published = _parse_date(match.group("published"))
        if published and out.published is None:
            out.published, out.published_origin = published, "meta"
    return kept


def _take_header(paragraphs: list[str], out: Extracted) -> list[str]:
    """A release's masthead: outlet line, title (often twice), then a date line."""
    if not paragraphs:
        return paragraphs
    if out.outlet and paragraphs[0] == out.outlet:
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


def _take_dateline(paragraphs: list[str], out: Extracted) -> list[str]:
    if not paragraphs:
        return paragraphs
    first = paragraphs[0]
    match = _DATELINE_OUTLET.match(first) or _DATELINE_PLACE.match(first)
    if match is None:
        return paragraphs
    groups = match.groupdict()
    if groups.get("place"):
        out.dateline = groups["place"].strip().title()
    if groups.get("outlet"):
        out.outlet = out.outlet or groups["outlet"].strip()
    if out.published is None:
        stamp = groups["date"]
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
    """A dateline without a year ("February 14, Pozirk."): the latest year the article itself
    names, never after the distribution date; never today's year by default."""
    stamp = out.undated_stamp
    if stamp is None:
        return
    limit = out.distributed_at.year if out.distributed_at else 9999
    years = [int(y) for y in _YEAR.findall(f"{out.title or ''} {out.text}") if int(y) <= limit]
    if not years:
        out.published_origin = None
        out.published_inferred = False
        return
    out.published = _parse_date(f"{stamp} {max(years)}")
    out.published_inferred = out.published is not None

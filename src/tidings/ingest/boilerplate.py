"""Rules of news pages for what is not article text, kept as data in one place.

In: paragraphs of raw text. Out: the paragraphs that are article text, plus the removed lines
(kept on the document as metadata) and what the removed lines told (outlet, dates, distributor).
"""

from __future__ import annotations

import re

__all__ = [
    "DISCLAIMER",
    "LINE_RULES",
    "find_disclaimer",
    "header_dates",
    "is_boilerplate_line",
    "is_organisation_name",
    "strip_glued_clock",
]

# A whole line that is page furniture, not text. Each rule is (name, pattern).
LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("share", re.compile(
        r"^(share( this( article| story)?)?|share on \w+|tweet|e-?mail|print|print version|print this page|"
        r"subscribe|follow us|read more|related( articles| news| stories)?|advertisement|comments?)\s*:?$",
        re.I)),
    ("archived", re.compile(r"^archived content$", re.I)),
    # "Minsk 06:15": a site clock, a place and a time alone on a line
    ("clock", re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?,?\s\d{1,2}:\d{2}(?:\s?[AP]M)?$")),
    # "(Śviatłana Cichanoŭskaja's press office)", "(Photo: Reuters)": a picture credit alone on a line;
    # "(The ministry did not respond to a request for comment.)" is a sentence of the text, not a credit
    ("caption", re.compile(
        r"^\((?:(?:photo|image|picture|credit)s?\s*:\s*[^()]{2,90}|[^()]{2,90}(?<![.!?]))\)$", re.I)),
    ("copyright", re.compile(r"^(©|\(c\)|copyright)\s.{0,120}$", re.I)),
]

# Segments of a release's header line ("02/23/2026 | Press release | Archived content"): each one
# is a date or a label of the page kind; a line made only of such segments is furniture.
HEADER_SEPARATOR = re.compile(r"\s+[|•·]\s+")
HEADER_DATE = re.compile(
    r"^(?:\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]+\.? \d{4}|[A-Z][a-z]+\.? \d{1,2},? \d{4})"
    r"(?:,? \d{1,2}:\d{2})?$"
)
HEADER_LABEL = re.compile(
    r"^(?:press releases?|news(?: release)?|statements?|articles?|archived(?: content)?|opinion|analysis|"
    r"interview|commentary|feature|speech(?:es)?|announcements?|media advisory|briefing|updated)$",
    re.I,
)

# Words that make a Title Case line an organisation's name ("Ministry of Foreign Affairs of ...");
# such a line standing above a headline is the publisher of a press release.
ORGANISATION_WORD = re.compile(
    r"\b(?:Ministry|Embassy|Consulate|Office|Agency|Council|Committee|Commission|Government|Parliament|"
    r"Department|Administration|Presidency|Mission|Secretariat|Chancellery|Authority|Bureau|Service)\b"
)
_NAME_GLUE = frozenset({"of", "the", "and", "for", "in", "on", "to", "&"})

# Distribution disclaimers of press-release wires (PUBT and the like).
DISCLAIMER = re.compile(
    r"(?P<publisher>[^.\n]+?) published this content on (?P<published>[A-Z][a-z]+ \d{1,2},? \d{4}),? and is solely "
    r"responsible.*?Distributed via (?P<distributor>.+?),(?: unedited and unaltered,)? on "
    r"(?P<date>[A-Z][a-z]+ \d{1,2},? \d{4}) at (?P<time>\d{1,2}:\d{2}) UTC\.(?P<rest>.*)$",
    re.S,
)

_DISCLAIMER_ANCHOR = " published this content on "
_DISCLAIMER_REST = re.compile(
    r" published this content on (?P<published>[A-Z][a-z]+ \d{1,2},? \d{4}),? and is solely "
    r"responsible.*?Distributed via (?P<distributor>.+?),(?: unedited and unaltered,)? on "
    r"(?P<date>[A-Z][a-z]+ \d{1,2},? \d{4}) at (?P<time>\d{1,2}:\d{2}) UTC\.(?P<rest>.*)$",
    re.S,
)


def find_disclaimer(text: str) -> dict[str, str] | None:
    """The groups of ``DISCLAIMER`` in ``text`` (publisher, published, distributor, date, time, rest).

    The same answer as ``DISCLAIMER.search``, in time linear in the text: the search starts only
    where the fixed words "published this content on" stand, and the publisher is read backwards
    from there to the sentence's start, instead of retrying the pattern at every character of a long
    paragraph without full stops.
    """
    at = text.find(_DISCLAIMER_ANCHOR)
    while at > 0:
        begin = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
        match = _DISCLAIMER_REST.match(text, at) if begin < at else None
        if match is not None:
            return {"publisher": text[begin:at], **match.groupdict()}
        at = text.find(_DISCLAIMER_ANCHOR, at + 1)
    return None


# "…contact us at someone@example.orgMinsk 06:15": a site clock glued to the end of a line
_GLUED_CLOCK = re.compile(r"(?<=\S)(?P<clock>[A-Z][a-z]+ \d{1,2}:\d{2})$")


def is_boilerplate_line(line: str) -> str | None:
    """The name of the rule a line breaks, or ``None`` when it may be text."""
    stripped = line.strip()
    if header_dates(stripped) is not None:
        return "header"
    for name, pattern in LINE_RULES:
        if pattern.match(stripped):
            return name
    return None


def strip_glued_clock(line: str) -> tuple[str, str | None]:
    match = _GLUED_CLOCK.search(line)
    if match is None:
        return line, None
    return line[: match.start()], match.group("clock")


def header_dates(line: str) -> list[str] | None:
    """The dates of a "02/23/2026 | Press release" header line; ``None`` when it is not one."""
    segments = HEADER_SEPARATOR.split(line.strip())
    if len(segments) < 2:
        return None
    dates = [seg for seg in segments if HEADER_DATE.match(seg)]
    if any(not (HEADER_DATE.match(seg) or HEADER_LABEL.match(seg)) for seg in segments):
        return None
    return dates


def is_organisation_name(line: str) -> bool:
    """A short Title Case line naming a ministry, embassy, agency and the like."""
    words = line.split()
    if not 2 <= len(words) <= 14 or not ORGANISATION_WORD.search(line):
        return False
    return all(w[0].isupper() or w in _NAME_GLUE for w in words)

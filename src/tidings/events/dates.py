"""Event dates: resolve a sentence's date expressions and pick the one that belongs to an event.

In: spaCy sentences (``Span``; tagger, parser and NER run) and the document's publication date.
Out: ``DateMention`` (character offsets into ``doc.text`` plus a resolved ``DateInfo``) for each
expression that can be resolved, the ``DateInfo`` of one event (its own date, else a date that governs
its clause, else the context date, else the publication date), and the date a document's lead sets.

Nothing here reads the clock: without a publication date, relative expressions stay unresolved.
Month and year precision dates are stored as the first day of the month or year.

The clause-attachment helpers (``attachment``, ``event_scopes``, ``lead_sentence``) are shared with
``tidings.events.places``: a date and a place belong to an event by the same syntax.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span, Token

from tidings.nlp import doc_text, sentence_entities, sentences

__all__ = [
    "Attachment",
    "DateInfo",
    "DateMention",
    "find_date_text",
    "attachment",
    "document_date_context",
    "event_date",
    "event_scopes",
    "find_dates",
    "lead_sentence",
    "paragraph_sentences",
]


@dataclass(frozen=True)
class DateInfo:
    """A resolved date. ``precision``: "day" | "month" | "year"; ``origin``: "text" | "context" |
    "published"; ``text``: the words it came from."""

    date: date | None
    precision: str | None
    origin: str | None
    text: str | None = None


@dataclass(frozen=True)
class DateMention:
    """A date expression in a sentence; ``start``/``end`` are character offsets into ``doc.text``."""

    start: int
    end: int
    info: DateInfo


class Attachment(NamedTuple):
    """Where a date or place phrase attaches: ``head`` after climbing through venue/event nouns,
    ``rel`` the preposition (or dependency label) that introduces the phrase, ``near`` its first head,
    ``path`` the indices of every word from ``near`` up to ``head`` (each is a host of the phrase)."""

    head: Token
    rel: str
    near: Token
    path: tuple[int, ...]

    def rank(self, scopes: dict[int, int]) -> int | None:
        """The best rank a word on the path has in ``scopes``; ``None`` when the phrase is not in them."""
        ranks = [scopes[i] for i in self.path if i in scopes]
        return min(ranks) if ranks else None


# --- vocabulary --------------------------------------------------------------------------------

# Nouns that name an event: a date or place attached to them is the event's, and they pass it on
# to the clause they sit in ("at a meeting held on the same day, X said").
EVENT_NOUNS = frozenset(
    "meeting talk conference summit session forum visit trip event ceremony segment participation "
    "dialogue negotiation consultation discussion briefing gathering congress rally protest election "
    "vote exercise drill hearing signing interview speech round tour debate celebration parade "
    "funeral assembly".split()
)
# Nouns that only frame another phrase ("on the sidelines of", "as part of", "within the framework of").
BRIDGE_NOUNS = frozenset("sideline sidelines margin margins fringe fringes part framework course".split())
# Verbs that carry no event of their own: the event is their object or the noun they describe.
LIGHT_VERBS = frozenset(
    "have hold take be attend host convene chair conduct organize organise begin start end open close "
    "happen occur schedule set slate plan due".split()
)
# Prepositions through which an event noun passes its date or place up to the clause.
_EVENT_PREPS = frozenset("at during in on of as within amid following after before".split())
_LOCATIVE = frozenset("in at near outside inside during within throughout".split())
_MOTION = frozenset("visit trip travel go come fly arrive journey return head tour".split())
# A date introduced by these is a state or a bound, not the time the event happened.
_NOT_EVENT_TIME = frozenset("since until till by before after through".split())
_MODIFIER_RELS = frozenset("compound nummod poss amod".split())
# Clause links through which a governing clause lends its date to the anchor's clause.
DATE_LINKS = frozenset("conj xcomp advcl ccomp parataxis".split())

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(_WEEKDAYS)
_NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}

# Expressions spaCy's NER often leaves out; found by pattern so they can still be resolved.
_EXTRA_RE = re.compile(
    rf"\b(?:(?:on\s+)?(?:that\s+|the\s+)?same\s+(?:day|date)|that\s+day|the\s+(?:previous|following|next)"
    rf"\s+day|the\s+day\s+(?:before|after)|yesterday|today|tomorrow"
    rf"|(?:(?:last|next|this)\s+)?(?:{_WEEKDAY_RE}))\b",
    re.IGNORECASE,
)
_LEADING_PREP_RE = re.compile(r"^(?:on|in|at|since|from|by|until|till|during|of|for|as of)\s+")
_RANGE_RES = (
    # "between May 29 and June 1", "from 13 to 15 February"
    re.compile(r"^(?:between|from)\s+(?P<a>.+?)\s+(?:and|to|until|till|through|-|–)\s+(?P<b>.+)$"),
    # "May 29 - June 1"
    re.compile(r"^(?P<a>.+?)\s+(?:-|–|to|through|until)\s+(?P<b>.+)$"),
)
_DAY_RANGE_RES = (
    # "February 13-15, 2026" -> "February 13, 2026"
    (
        re.compile(
            rf"^((?:{_MONTH_RE})\.?\s+\d{{1,2}})(?:st|nd|rd|th)?\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?\b"
        ),
        r"\1",
    ),
    # "13-15 February" -> "13 February"
    (re.compile(rf"^(\d{{1,2}})\s*[-–]\s*\d{{1,2}}(\s+(?:{_MONTH_RE})\b)"), r"\1\2"),
)


# --- resolution of one expression ----------------------------------------------------------------


def _normalise(text: str) -> str:
    """Lower-case, drop a possessive and a leading preposition or article: "This year’s" -> "this year"."""
    s = re.sub(r"[’']s$", "", text.strip()).lower()
    s = re.sub(r"\s+", " ", s)
    s = _LEADING_PREP_RE.sub("", s)
    return re.sub(r"^the\s+", "", s)


def _range_start(s: str) -> str:
    """The start of a range; the end lends its month (and year) when the start lacks one."""
    for pattern, repl in _DAY_RANGE_RES:
        if pattern.search(s):
            return pattern.sub(repl, s, count=1)
    for pattern in _RANGE_RES:
        m = pattern.match(s)
        if m and (re.search(rf"\b(?:{_MONTH_RE})\b", m["b"]) or re.search(r"\d", m["b"])):
            a, b = _normalise(m["a"]), m["b"]
            if not re.search(rf"\b(?:{_MONTH_RE})\b", a):
                month = re.search(rf"\b(?:{_MONTH_RE})\b\.?", b)
                a = f"{a} {month.group(0)}" if month else a
            year = re.search(r"\b\d{4}\b", b)
            if year and not re.search(r"\b\d{4}\b", a):
                a = f"{a} {year.group(0)}"
            return a
    return s


def _context_offset(text: str) -> int | None:
    """Days from the context date for "the same day" / "the day before" / "the next day"; else None."""
    s = _normalise(text)
    if re.fullmatch(r"(?:that )?same (?:day|date)|that day", s):
        return 0
    if re.fullmatch(r"(?:previous|preceding) day|day before", s):
        return -1
    if re.fullmatch(r"(?:next|following) day|day after", s):
        return 1
    return None


def _month_year(month: int, published: date, tense: str | None, strict: bool = False) -> int:
    """The year of a month named without one: not after the publication month in the past tense, not
    before it in the future tense, else the nearest; ``strict`` excludes the publication month."""
    options = [published.year - 1, published.year, published.year + 1]
    here = published.year * 12 + published.month

    def key(y: int) -> int:
        return y * 12 + month - here

    if tense == "future":
        return min(y for y in options if key(y) > 0 or (key(y) == 0 and not strict))
    if tense == "past" or strict:
        return max(y for y in options if key(y) < 0 or (key(y) == 0 and not strict))
    return min(options, key=lambda y: abs(key(y)))


def _day_year(month: int, day: int, published: date, tense: str | None) -> date | None:
    """A day named without a year: past tense never lands after ``published``, future never before."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:  # 29 February in a common year
            continue
    if not options:
        return None
    if tense == "past":
        return max((d for d in options if d <= published), default=None)
    if tense == "future":
        return min((d for d in options if d >= published), default=None)
    return min(options, key=lambda d: abs((d - published).days))


def _weekday(name: str, modifier: str | None, published: date, tense: str | None) -> date:
    """Last/next/bare weekday: the most recent on or before ``published`` for past (and unknown) tense,
    the next one after it for the future tense."""
    back = (published.weekday() - _WEEKDAYS[name]) % 7
    forward = (_WEEKDAYS[name] - published.weekday()) % 7
    if modifier == "last" or (modifier is None and tense != "future"):
        return published - timedelta(days=back or (7 if modifier == "last" else 0))
    if modifier == "this" and tense != "future":
        return published - timedelta(days=back)
    return published + timedelta(days=forward or (0 if modifier == "this" else 7))


def _relative(s: str, published: date, tense: str | None) -> tuple[date, str] | None:
    """Expressions relative to the publication date; dateparser misses most of these."""
    y, m = published.year, published.month
    fixed = {"today": 0, "yesterday": -1, "tomorrow": 1, "day before yesterday": -2}
    if s in fixed:
        return published + timedelta(days=fixed[s]), "day"
    if mt := re.fullmatch(
        rf"(?:(last|this|next|past|coming) )?({_WEEKDAY_RE})(?: (?:morning|afternoon|evening|night))?", s
    ):
        modifier = {"past": "last", "coming": "next"}.get(mt[1], mt[1])
        return _weekday(mt[2], modifier, published, tense), "day"
    if mt := re.fullmatch(
        r"(?:(?:earlier|later|early|late) (?:in )?)?(last|this|next|past|coming) (year|month)", s
    ):
        step = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[mt[1]]
        if mt[2] == "year":
            return date(y + step, 1, 1), "year"
        total = y * 12 + (m - 1) + step
        return date(total // 12, total % 12 + 1, 1), "month"
    if mt := re.fullmatch(
        rf"(?:(last|this|next|past|coming|early|late|mid-?|earlier|later) ?)?({_MONTH_RE})\.?", s
    ):
        month = _MONTHS[mt[2]]
        modifier = mt[1] or ""
        if modifier in ("last", "past"):
            return date(_month_year(month, published, "past", strict=True), month, 1), "month"
        if modifier in ("next", "coming"):
            return date(_month_year(month, published, "future", strict=True), month, 1), "month"
        if modifier == "this":
            return date(y, month, 1), "month"
        return date(_month_year(month, published, tense), month, 1), "month"
    if mt := re.fullmatch(r"(\w+) (day|week|month|year)s? ago", s):
        n = int(mt[1]) if mt[1].isdigit() else _NUMBER_WORDS.get(mt[1])
        if n is None:
            return None
        if mt[2] in ("day", "week"):
            return published - timedelta(days=n * (7 if mt[2] == "week" else 1)), "day"
        if mt[2] == "month":
            total = y * 12 + (m - 1) - n
            return date(total // 12, total % 12 + 1, 1), "month"
        return date(y - n, 1, 1), "year"
    return None


def _absolute(s: str) -> tuple[date, str] | None:
    """Years and month-year pairs, which need no publication date."""
    if mt := re.fullmatch(r"(?:(?:early|late|mid-?|the year) ?)?(\d{4})", s):
        return date(int(mt[1]), 1, 1), "year"
    if mt := re.fullmatch(rf"(?:(?:early|late|mid-?) ?)?({_MONTH_RE})\.?,? (\d{{4}})", s):
        return date(int(mt[2]), _MONTHS[mt[1]], 1), "month"
    return None


def _calendar_day(s: str, published: date | None, tense: str | None) -> date | None:
    """A calendar day ("25 January", "February 23, 2026", "02/23/2026") parsed by dateparser; a year the
    text leaves out is chosen by tense against ``published`` rather than by dateparser's default."""
    has_year = re.search(r"\b\d{4}\b", s) is not None
    if not (re.search(rf"\b(?:{_MONTH_RE})\b", s) or re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", s)):
        return None
    if published is None and not has_year:
        return None
    parts = ["day", "month", "year"] if has_year else ["day", "month"]
    # The base only fills parts the text leaves out; REQUIRE_PARTS makes sure none of those is the day.
    base = datetime.combine(published or date(2000, 1, 1), datetime.min.time())
    parser = DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "REQUIRE_PARTS": parts,
            "PREFER_DATES_FROM": "past",
            "DATE_ORDER": "MDY",
        },
    )
    found = parser.get_date_data(s).date_obj
    if found is None:
        return None
    if has_year or published is None:
        return found.date()
    return _day_year(found.month, found.day, published, tense)


def find_date_text(text: str, published: date | None) -> DateInfo | None:
    """Resolve one date expression on its own ("on 5 March" against a publication date)."""
    return _resolve(text, published, None)


@lru_cache(maxsize=4096)
def _resolve(text: str, published: date | None, tense: str | None) -> DateInfo | None:
    """Resolve one expression; ``None`` when it names no date (durations, weeks, decades). Pure, so
    cached: dateparser costs milliseconds a call and news repeats its date phrases."""
    if _context_offset(text) is not None:
        # Resolved later against the context date (see ``event_date``).
        return DateInfo(None, "day", "context", text)
    s = _range_start(_normalise(text))
    found = _absolute(s)
    if found is None and published is not None:
        found = _relative(s, published, tense)
    if found is None:
        day = _calendar_day(s, published, tense)
        found = (day, "day") if day else None
    return DateInfo(found[0], found[1], "text", text) if found else None


# --- syntax ----------------------------------------------------------------------------------------


def _tense(token: Token) -> str | None:
    """ "past", "future" or None (present, or a bare participle such as "scheduled for")."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "shall", "'ll", "wo"} or (verb.tag_ == "VB" and "to" in aux):
        return "future"
    if verb.tag_ == "VBD" or aux & {"was", "were", "had", "has", "have", "did"}:
        return "past"
    if not aux and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _tense(verb.head)  # "will travel to Paris and meet ..." shares the first verb's tense
    return None


def _governor(token: Token) -> tuple[Token, str] | None:
    """One step up: the word that the phrase headed by ``token`` modifies, and the linking word."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head  # "in Lithuania and Germany": Germany attaches where Lithuania does
    if token.dep_ == "pobj" and token.head.dep_ in ("prep", "agent", "dative", "pcomp"):
        prep = token.head
        head = prep.head
        while head.pos_ == "ADP" and head.dep_ == "prep" and head.head.i != head.i:
            head = head.head  # "from 13 to 15 February in Geneva": "in" hangs on "from"
        return head, prep.lower_
    if token.dep_ == "prep":  # a DATE entity that starts with its preposition ("between May 29 and ...")
        return token.head, token.lower_
    if token.dep_ in ("npadvmod", "tmod", "advmod", "nmod", "dobj") or token.dep_ in _MODIFIER_RELS:
        return token.head, token.dep_
    return None


def _climb(head: Token) -> Token | None:
    """The next word up when ``head`` only frames the phrase: a bridge noun ("sidelines of"), a venue
    noun inside a locative phrase ("the UN Office in Geneva"), an event noun inside a locative or
    temporal phrase, or a light verb describing an event noun ("the meeting that took place in X")."""
    framing = EVENT_NOUNS | BRIDGE_NOUNS  # the parser often hangs the clause on "framework of <event>"
    if head.lemma_ in LIGHT_VERBS and head.dep_ in ("relcl", "acl") and head.head.lemma_.lower() in framing:
        return head.head
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    step = _governor(head)
    if step is None or step[0] is head:
        return None
    upper, rel = step
    if head.lemma_.lower() in BRIDGE_NOUNS or head.lower_ in BRIDGE_NOUNS:
        return upper
    if head.lemma_.lower() in EVENT_NOUNS:
        return upper if rel in _EVENT_PREPS else None
    if rel in _LOCATIVE or (rel == "to" and upper.lemma_ in _MOTION):
        return upper
    return None


def attachment(root: Token) -> Attachment | None:
    """Where the phrase rooted at ``root`` (a date or place) attaches, climbing through frame words."""
    step = _governor(root)
    if step is None or step[0] is root:
        return None
    near, rel = step
    path = [near]
    for _ in range(12):  # parse trees are shallow; the bound only guards against odd cycles
        upper = _climb(path[-1])
        if upper is None or upper in path:
            break
        path.append(upper)
    return Attachment(path[-1], rel, near, tuple(t.i for t in path))


def event_scopes(anchor: Token, links: frozenset[str]) -> dict[int, int]:
    """Token indices whose attachments belong to ``anchor``'s event, with a rank (lower is closer):
    0 the anchor, 1 its light verb or its event-noun object, 2+ clauses that govern it via ``links``."""
    scopes = {anchor.i: 0}
    if anchor.pos_ in ("NOUN", "PROPN"):
        if anchor.dep_ in ("dobj", "attr", "nsubjpass") and anchor.head.lemma_ in LIGHT_VERBS:
            scopes[anchor.head.i] = 1  # "had a meeting on the sidelines of ..."
        frame = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" else None
        if frame is not None and frame.lemma_.lower() in BRIDGE_NOUNS:
            scopes[frame.i] = 1  # "the framework of the session that will take place in ..."
        return scopes
    if anchor.lemma_ in LIGHT_VERBS:
        for child in anchor.children:
            if child.dep_ in ("dobj", "attr") and child.lemma_ in EVENT_NOUNS:
                scopes.setdefault(child.i, 1)
    for child in anchor.children:
        if child.dep_ == "dobj" and child.pos_ == "PROPN":
            scopes.setdefault(child.i, 1)  # "met Zelensky in Vilnius": the parser hangs it on the name
    rank, clause = 2, anchor
    while clause.dep_ in links and clause.head.i != clause.i:
        clause = clause.head
        scopes.setdefault(clause.i, rank)
        rank += 1
    return scopes


def paragraph_sentences(doc: Doc) -> Iterator[Span]:
    """Sentences cut at paragraph breaks: the parser often runs a header line, a title and a
    dateline into one sentence, and a blank line is the surer boundary."""
    sents = sentences(doc)
    first = 0  # both lists run in text order: walk them together, not one inside the other
    for para in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", doc_text(doc), re.DOTALL):
        while first < len(sents) and sents[first].end_char <= para.start():
            first += 1
        for sent in sents[first:]:
            if sent.start_char >= para.end():
                break
            start, end = max(sent.start_char, para.start()), min(sent.end_char, para.end())
            if start < end:
                piece = doc.char_span(start, end, alignment_mode="expand")
                if piece is not None and len(piece) > 0:
                    yield piece


def lead_sentence(doc: Doc) -> Span | None:
    """The first full sentence of the body: a finite main verb, six words or more, ending like prose.
    Header lines, titles (no final stop) and datelines ("February 14, Pozirk.") are skipped."""
    for sent in paragraph_sentences(doc):
        words = [t for t in sent if not (t.is_space or t.is_punct)]
        root = sent.root
        finite = root.pos_ in ("VERB", "AUX") and (
            root.tag_ in ("VBD", "VBZ", "VBP", "MD")
            or any(c.dep_ in ("aux", "auxpass") for c in root.children)
        )
        if finite and len(words) >= 6 and sent.text.rstrip().endswith((".", "!", "?", '"', "”")):
            return sent
    return None


# --- public API -------------------------------------------------------------------------------------


def _candidate_spans(sent: Span) -> list[Span]:
    """DATE entities (and TIME ones, which hold "Monday morning"), plus pattern matches NER missed."""
    doc = sent.doc
    spans = [e for e in sentence_entities(sent) if e.label_ in ("DATE", "TIME")]
    taken = [(e.start_char, e.end_char) for e in spans]
    for m in _EXTRA_RE.finditer(sent.text):
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        if any(s < end and start < e for s, e in taken):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            spans.append(span)
            taken.append((start, end))
    return sorted(spans, key=lambda s: s.start_char)


def find_dates(sent: Span, published: date | None) -> list[DateMention]:
    """Every date expression in ``sent`` that resolves against ``published``. "the same day" comes back
    with ``date=None`` and origin "context": only ``event_date`` knows the context to resolve it.
    Found once per sentence and publication date, kept on the ``Doc``: every event of the sentence asks."""
    cache = sent.doc.user_data.setdefault("tidings.dates", {})
    key = (sent.start, sent.end, published)
    if key not in cache:
        cache[key] = _find_dates(sent, published)
    return cache[key]


def _find_dates(sent: Span, published: date | None) -> list[DateMention]:
    mentions = []
    for span in _candidate_spans(sent):
        info = _resolve(span.text, published, _tense(span.root))
        if info is not None:
            mentions.append(DateMention(span.start_char, span.end_char, info))
    return mentions


def _from_context(info: DateInfo, context: DateInfo | None, published: date | None) -> DateInfo:
    """Resolve "the same day" / "the day before" against the context date (else the publication date)."""
    offset = _context_offset(info.text or "") or 0
    if context is not None and context.date is not None:
        shift = timedelta(days=offset) if context.precision == "day" else timedelta(0)
        return DateInfo(context.date + shift, context.precision, "context", info.text)
    if published is not None:
        return DateInfo(published + timedelta(days=offset), "day", "published", info.text)
    return DateInfo(None, None, None, info.text)


def _attached_date(sent: Span, anchor: Token, published: date | None) -> DateInfo | None:
    """The date phrase that belongs to ``anchor``'s event: closest scope first, then nearest word."""
    scopes = event_scopes(anchor, DATE_LINKS)
    best: tuple[int, int, DateInfo] | None = None
    for mention in find_dates(sent, published):
        span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        where = attachment(span.root) if span is not None else None
        rank = where.rank(scopes) if where is not None else None
        if where is None or rank is None or where.rel in _NOT_EVENT_TIME:
            continue
        if where.rel in _MODIFIER_RELS and where.near.lemma_ not in EVENT_NOUNS and where.near.i != anchor.i:
            continue  # "the 2026 edition" dates the edition, not the clause's event
        key = (rank, abs(span.root.i - anchor.i), mention.info)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def event_date(
    sent: Span, anchor: Token | None, published: date | None, context: DateInfo | None
) -> DateInfo:
    """The date of the event anchored at ``anchor`` (the sentence's root when ``None``): a date attached
    to its clause, else one on a clause that governs it, else ``context`` (origin "context"), else the
    publication date (origin "published"). Dates of other clauses (relative clauses, noun modifiers)
    never leak in; "since ..." states are not event dates."""
    found = _attached_date(sent, anchor if anchor is not None else sent.root, published)
    if found is not None:
        return _from_context(found, context, published) if found.origin == "context" else found
    if context is not None and context.date is not None:
        return DateInfo(context.date, context.precision, "context", context.text)
    if published is not None:
        return DateInfo(published, "day", "published", None)
    return DateInfo(None, None, None, None)


def document_date_context(doc: Doc, published: date | None) -> DateInfo | None:
    """The date the document's lead sets: the date attached to the lead sentence's main event, else a
    dateline date just before it ("February 14, Pozirk."), else the publication date."""
    lead = lead_sentence(doc)
    dateline: DateInfo | None = None
    for sent in paragraph_sentences(doc):
        if lead is not None and sent.start >= lead.start:
            break
        for mention in find_dates(sent, published):
            if dateline is None and mention.info.precision == "day" and mention.info.date is not None:
                dateline = mention.info
    if lead is not None:
        found = _attached_date(lead, lead.root, published)
        if found is not None and found.date is not None:
            return found
    if dateline is not None:
        return dateline
    return DateInfo(published, "day", "published", None) if published is not None else None

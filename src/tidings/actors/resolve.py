"""Find every actor mention in a parsed document and resolve it to a canonical actor.

In: a spaCy ``Doc`` of a document's clean text, the ``ActorKB`` and the reference lexicon.
Out: ``ResolvedDoc``: mentions (names, initial+surname, surnames, titles, pronouns, metonyms,
demonyms; plural references left for the event coder, which knows the last meeting), a token →
mention map for the coder, and actors learned from the text ("Benedetta Berti, secretary general of
the NATO Parliamentary Assembly").

Names are found by one Aho-Corasick pass over the accent-folded text, so that spellings NER misses
(Cichanoŭskaja, I.Sekreta) are found; spaCy's PERSON entities catch people the base does not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import ahocorasick
from spacy.tokens import Doc, Span, Token

from tidings.actors.kb import ActorKB
from tidings.actors.references import References
from tidings.actors.translit import fold
from tidings.nlp import child as _child_of_token
from tidings.nlp import doc_text, entities
from tidings.records import Actor, Role

__all__ = ["ActorResolver", "DocMention", "ResolvedDoc"]

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "from", "to", "into", "throughout"}
_INITIAL = re.compile(r"([A-ZА-ЯЁІЎ])\.\s?$")
_INITIAL_NAME = re.compile(r"^[A-ZА-ЯЁІЎ]\.\s?\w")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,5}")  # "D.R.C.": an acronym, not a person's initials
_GOVERNMENT_NOUNS = {"administration", "government", "cabinet", "presidency"}
_MOTION_VERBS = {"return", "go", "come", "travel", "fly", "arrive", "flee", "move", "head", "retreat", "withdraw"}
_MODIFIER_WORDS = {"deputy", "assistant", "vice", "first", "acting", "former", "chief", "senior", "special"}
_GENERIC_OFFICE_WORDS = {"of", "the", "and", "for", "on", "in"}
# spellings of one office word ("Defense Minister", "Minister of Defence")
_SPELLINGS = {"defense": "defence"}
# words of a title that fit the head of any office ("the Deputy Head of the Foreign Ministry" is its deputy
# minister)
_ANY_HEAD = {"head", "chief"}


@dataclass
class DocMention:
    """A mention during resolution: a token span and zero or more actors."""

    start: int  # token indices, end exclusive
    end: int
    kind: str
    actor_ids: list[str] = field(default_factory=list)
    confidence: float = 1.0

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


@dataclass(frozen=True)
class Home:
    """The states a document speaks from: the state whose own release it is (``issuer``) and the state
    its dateline places it in (``setting``)."""

    issuer: str | None = None
    setting: str | None = None


@dataclass
class ResolvedDoc:
    mentions: list[DocMention]
    token_mention: dict[int, int]  # token index → index into mentions
    learned: list[Actor]
    person_ids: set[str] = field(default_factory=set)

    def mention_at(self, token: Token) -> DocMention | None:
        idx = self.token_mention.get(token.i)
        return self.mentions[idx] if idx is not None else None

    def name_after(self, token: Token) -> DocMention | None:
        return _name_after(token, self.token_mention, self.mentions, self.person_ids)


@dataclass
class _Context:
    """What the resolver remembers while reading one document."""

    names: list[DocMention]
    name_index: dict[int, int]
    person_ids: set[str]
    titles_seen: dict[str, set[str]]
    learned: dict[str, Actor]
    history: list[tuple[int, str, bool]] = field(default_factory=list)  # people: (token, actor, subject)
    things: list[tuple[int, str, bool]] = field(default_factory=list)  # organisations and states
    state_lists: list[list[str]] = field(default_factory=list)
    state_list_pos: list[int] = field(default_factory=list)
    head_owner: dict[str, str] = field(default_factory=dict)  # head lemma → actor ("regime" → Łukašenka)

    def state_list_at(self) -> int:
        return self.state_list_pos[-1] if self.state_list_pos else -1


class _NameMatcher:
    """Aho-Corasick over folded surface forms; maps matches back to the original text."""

    def __init__(self, kb: ActorKB) -> None:
        self._automaton = ahocorasick.Automaton()
        entries: dict[str, list[tuple[str, str]]] = {}
        for form in kb.forms():
            for text in (form.text, *_dotted(form.text)):
                key = fold(text)
                if len(key) < 2:
                    continue
                entries.setdefault(key, []).append((form.actor_id, form.kind))
        for key, values in entries.items():
            self._automaton.add_word(key, (len(key), values))
        self._automaton.make_automaton()
        self._fold_cache: dict[str, str] = {}

    def _fold_with_offsets(self, text: str) -> tuple[str, list[int]]:
        parts: list[str] = []
        offsets: list[int] = []
        cache = self._fold_cache
        for i, ch in enumerate(text):
            folded = cache.get(ch)
            if folded is None:
                folded = fold(ch) if not ch.isspace() else " "
                # fold() may drop a lone character entirely; keep alignment with a neutral mark
                folded = folded if folded else ("" if not ch.isalnum() else ch.lower())
                cache[ch] = folded
            for f in folded:
                parts.append(f)
                offsets.append(i)
        return "".join(parts), offsets

    def find(self, text: str) -> list[tuple[int, int, list[tuple[str, str]]]]:
        """Longest non-overlapping matches at word boundaries: (start char, end char, [(actor, kind)])."""
        folded, offsets = self._fold_with_offsets(text)
        if not folded:
            return []
        candidates = []
        for end_idx, (length, values) in self._automaton.iter(folded):
            start, end = offsets[end_idx - length + 1], offsets[end_idx] + 1
            if _is_word_bounded(text, start, end) and _looks_like_name(text[start:end], values):
                candidates.append((start, end, values))
        # longest match first at each position, then no overlaps (leftmost-longest)
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        found: list[tuple[int, int, list[tuple[str, str]]]] = []
        for cand in candidates:
            if not found or cand[0] >= found[-1][1]:
                found.append(cand)
        return found


def _dotted(form: str) -> tuple[str, ...]:
    """The dotted spelling of a short acronym, as news writes it: "C.A.R." for "CAR", "D.R.C." for "DRC"."""
    if 2 <= len(form) <= 5 and form.isalpha() and form.isupper():
        return (".".join(form) + ".",)
    return ()


def _is_word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


_PARTICLE_NAME = re.compile(r"^[a-z]{1,3}-[A-Z]")


def _looks_like_name(surface: str, values: list[tuple[str, str]]) -> bool:
    """Proper names start with a capital; short acronyms must match case ("US" is not "us")."""
    first = surface[0]
    if first.isalpha() and not first.isupper() and not _PARTICLE_NAME.match(surface):
        return False  # (but an Arabic surname opens with its article: "al-Sudani", "el-Sisi")
    if any(kind == "acronym" for _, kind in values) and len(surface) <= 4:
        return surface.isupper() or surface[:1].isupper() and any(c.isupper() for c in surface[1:])
    return True


class ActorResolver:
    """Resolves the mentions of one document at a time; holds only read-only lookup structures."""

    def __init__(self, kb: ActorKB, refs: References) -> None:
        self.kb = kb
        self.refs = refs
        self._names = _NameMatcher(kb)
        # the words titles are made of ("foreign", "minister"), for comparing two people's offices
        self._office_vocabulary = {w for key in refs.titles for w in key.split()} - {"of", "the", "and", "for"}
        # people whose surname may not stand alone, by folded surname: "President Bush" still names one
        self._titled: dict[str, list[Actor]] = {}
        for actor in kb.actors():
            words = actor.name.split()
            # a dynasty's name ("Khalid bin Salman Al Saud") is shared by too many to name one after a title
            if actor.type == "person" and not actor.bare_surname and len(words) > 1 and words[-2].lower() != "al":
                self._titled.setdefault(fold(words[-1]), []).append(actor)

    # -- public ------------------------------------------------------------------------------
    def resolve(self, doc: Doc, home: Home | None = None) -> ResolvedDoc:
        """``home``: the states a document's untitled-by-country officials most likely serve (its issuer's,
        its dateline's), for the people it names with an office and no country."""
        mentions = _defined_acronyms(doc, self._name_mentions(doc))
        mentions = self._titled_surname_mentions(doc, mentions)
        learned, mentions = self._learn_people(doc, mentions, home or Home())
        person_ids = {a.id for a in learned} | {
            a for m in mentions for a in m.actor_ids if (actor := self.kb.get(a)) and actor.type == "person"
        }
        token_mention = _index(mentions)
        titles_seen: dict[str, set[str]] = {}
        self._attach_titles(doc, mentions, token_mention, titles_seen)
        self._contextual_mentions(doc, mentions, token_mention, titles_seen, learned, person_ids)
        mentions.extend(self._compound_titles(doc, mentions))
        mentions.sort(key=lambda m: m.start)
        return ResolvedDoc(mentions, _index(mentions), learned, person_ids)

    # -- names -------------------------------------------------------------------------------
    def _name_mentions(self, doc: Doc) -> list[DocMention]:
        text = doc_text(doc)
        mentions: list[DocMention] = []
        for start, end, values in self._names.find(text):
            kind = _best_kind(values)
            actor_ids = _unique(a for a, _ in values)
            initial = _INITIAL.search(text[max(0, start - 3) : start])
            if initial and kind in {"surname", "name", "alias"}:
                start -= len(initial.group(0))
                actor_ids = self._filter_initial(actor_ids, initial.group(1)) or actor_ids
                kind = "initial"
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            if _INITIAL_NAME.match(span.text) and not _DOTTED_ACRONYM.fullmatch(span.text):
                kind = "initial"  # a base alias written as "I.Sekreta"
            if kind == "metonym" and _is_place_use(span):
                continue
            if self._named_after(doc, span, actor_ids) or self._in_person_name(span, actor_ids) \
                    or kind == "surname" and self._other_given_name(span, actor_ids):
                continue
            mentions.append(DocMention(span.start, span.end, _public_kind(kind), actor_ids))
        self._disambiguate_surnames(mentions)
        return _drop_overlaps(mentions)

    def _named_after(self, doc: Doc, span: Span, actor_ids: list[str]) -> bool:
        """A person's name that opens the name of a place, body or prize ("Charles University", "the
        Sakharov Prize"): not the person."""
        if span.end >= len(doc) or doc[span.end].lower_ not in self.refs.named_after \
                or not doc[span.end].text[:1].isupper():
            return False
        return all((actor := self.kb.get(a)) is not None and actor.type == "person" for a in actor_ids)

    def _other_given_name(self, span: Span, actor_ids: list[str]) -> bool:
        """A surname of the base after a given name that is not its holder's ("Politician Enrique
        Marquez" is not Iván Duque Márquez): another person, whom the parser's PERSON entity names."""
        if span.start == 0:
            return False
        given = span.doc[span.start - 1]
        if given.ent_type_ != "PERSON" or not _name_word(given) or self.refs.title_key([given.text]) is not None:
            return False
        # a given name that starts like one of the holder's may be its short or long form ("Joseph Biden"
        # for Joe Biden); one that starts otherwise is another person's, unless the base knows the pair
        initials = {fold(form.split()[0])[:1] for a in actor_ids if (actor := self.kb.get(a)) is not None
                    for form in [actor.name, *actor.aliases] if len(form.split()) > 1}
        if not initials or fold(given.text)[:1] in initials:
            return False
        return self.kb.fuzzy(f"{given.text} {span.text}") not in actor_ids

    def _in_person_name(self, span: Span, actor_ids: list[str]) -> bool:
        """A state's name that is one word of a person's name ("Israel Katz", "Senator Chad Smith",
        "Ambassador Neil Holland"): the parser's PERSON entity runs on past it, with no possessive
        between ("Jordan's King Abdullah" is Jordan's king)."""
        doc = span.doc
        if span[0].ent_type_ != "PERSON" or span.start > 0 and doc[span.start - 1].lower_ == "of":
            return False  # (the end of a title: "Minister of Foreign Affairs of Armenia Edward Nalbandian")
        if not all((actor := self.kb.get(a)) is not None and actor.type == "state" for a in actor_ids):
            return False
        start, end = span.start, span.end  # the PERSON entity around the span, from the tokens' IOB tags
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if (start, end) == (span.start, span.end):
            return False
        return not any(t.tag_ == "POS" or t.lower_ in {"'s", "’s"} for t in doc[start:end])

    def _titled_surname_mentions(self, doc: Doc, mentions: list[DocMention]) -> list[DocMention]:
        """"President Bush", "the Bush administration": a surname that may not stand alone names the
        person when a title his office fits comes before it, or when it owns his government. Of two
        holders (the two Presidents Bush), the one named in full earlier, else the later in office."""
        if not self._titled:
            return mentions
        covered = {i for m in mentions for i in range(m.start, m.end)}
        named = {a for m in mentions for a in m.actor_ids}
        added = []
        for token in doc:
            if token.i in covered or token.pos_ != "PROPN" or not token.text[:1].isupper():
                continue
            people = self._titled.get(fold(token.text))
            if not people or self._named_in_full_before(doc, token, covered):
                continue
            if token.dep_ == "compound" and token.head.lemma_.lower() in _GOVERNMENT_NOUNS:
                # "the Bush administration": a head of government's
                fits = [a for a in people if any(w in (r.office or "").lower() for r in a.roles
                                                 for w in ("president", "prime minister", "chancellor"))]
            else:
                words = [t.text for t in doc[max(token.sent.start, token.i - 3) : token.i]
                         if t.pos_ in {"NOUN", "PROPN"}]
                key = self.refs.title_key(words) if words and words[-1] == doc[token.i - 1].text else None
                fits = [a for a in people if key and self._title_fits(key, a, set())]
            if not fits:
                continue
            earlier = [a for a in fits if a.id in named]
            best = earlier[0] if earlier else max(fits, key=_latest_role)
            added.append(DocMention(token.i, token.i + 1, "name", [best.id], 0.8 if earlier else 0.6))
        return _drop_overlaps(sorted(mentions + added, key=lambda m: m.start)) if added else mentions

    def _named_in_full_before(self, doc: Doc, token: Token, covered: set[int]) -> bool:
        """Someone the base does not hold was named in full with this surname earlier ("Foreign Minister NP
        Saud ... Minister Saud"): the document's own person, not a namesake of the base."""
        return any(ent.label_ == "PERSON" and len(ent) > 1 and ent.end <= token.i and ent[-1].text == token.text
                   and not any(t.i in covered for t in ent) for ent in entities(doc))

    def _filter_initial(self, actor_ids: list[str], initial: str) -> list[str]:
        folded = fold(initial)
        keep = []
        for actor_id in actor_ids:
            actor = self.kb.get(actor_id)
            if actor and any(fold(n)[:1] == folded for n in actor.all_names()):
                keep.append(actor_id)
        return keep

    def _disambiguate_surnames(self, mentions: list[DocMention]) -> None:
        """A bare surname or a shared acronym means the actor already named in full earlier, if there is
        one; else the one of a state the document names ("the RSF" in a story that names Sudan is the
        Rapid Support Forces, not Reporters Without Borders); else one of no state; else the base's first."""
        named: list[str] = []
        states = {c for m in mentions if len(m.actor_ids) == 1
                  for c in [self._state_of(m.actor_ids[0])] if c is not None}
        for m in mentions:
            if m.kind == "name" and len(m.actor_ids) == 1:
                named.append(m.actor_ids[0])
            elif len(m.actor_ids) > 1:
                earlier = [a for a in m.actor_ids if a in named]
                local = [a for a in m.actor_ids if self._state_of(a) in states]
                # with no state to go by, a body of no state (an NGO, an IGO) before one of some state
                unplaced = [a for a in m.actor_ids if self._state_of(a) is None]
                m.actor_ids = earlier[-1:] or local[:1] or unplaced[:1] or m.actor_ids[:1]
                m.confidence = 0.9 if earlier else 0.6

    def _state_of(self, actor_id: str) -> str | None:
        actor = self.kb.get(actor_id)
        if actor is None:
            return None
        return actor.id if actor.type == "state" else actor.country

    # -- people the base does not know -------------------------------------------------------
    def _learn_people(
        self, doc: Doc, mentions: list[DocMention], home: Home
    ) -> tuple[list[Actor], list[DocMention]]:
        covered = {i for m in mentions for i in range(m.start, m.end)}
        learned: dict[str, Actor] = {}
        surnames: dict[str, str] = {}
        firsts: dict[str, str] = {}
        for m in mentions:
            # "Foreign Minister Cho Tae-yul ... Foreign Minister Cho": a family name written first, named
            # again after a title, is the person of the base named in full earlier
            actor = self.kb.get(m.actor_ids[0]) if m.kind == "name" and len(m.actor_ids) == 1 else None
            if actor is not None and actor.type == "person" and m.end - m.start >= 2:
                firsts.setdefault(doc[m.start].text, actor.id)
                if not actor.bare_surname:
                    # a surname the base lets no one use alone ("Lai Ching-te ... Lai", "George W. Bush ...
                    # Bush") names, in this document, the person named in full here; either end of the
                    # name may be the family name
                    for token in (doc[m.start], doc[m.end - 1]):
                        if _name_word(token) and len(token.text) > 1:
                            surnames.setdefault(token.text, actor.id)
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            ent = self._widen_person(doc, _uncovered_tail(ent, covered), covered)
            if ent is None or any(t.i in covered for t in ent):
                continue
            name = _clean_person(ent)
            if name is None:
                continue
            name = self._without_office(name)
            if " ".join(t.lower_ for t in name) in self.refs.titles:
                continue  # "State Councilor": an office the recogniser took for a name
            bare = _without_honorifics(name, self.refs.honorifics)
            known = self.kb.fuzzy(bare.text)
            if len(bare) >= 2 or bare.text in surnames or known:
                # "Mr. Bennett" after "Richard Bennett" is he; an unknown "Mr. Sevyarynets" stays as written
                name = bare
            actor_id = (known if name is bare else self.kb.fuzzy(name.text)) or self._learned_suffix(name, learned)
            if actor_id is None and len(name) >= 2:
                actor = self._learned_actor(name, mentions, home)
                learned.setdefault(actor.id, actor)
                actor_id = actor.id
                surnames[name[-1].text] = actor.id
                # a family name may come first ("Cho Tae-yul" → "Foreign Minister Cho"): after a title only
                firsts.setdefault(name[0].text, actor.id)
            elif actor_id is None:
                actor_id = surnames.get(name.text) or (firsts.get(name.text) if self._after_title(name[0]) else None)
            elif len(name) >= 2 and actor_id not in self.kb.lookup(name[-1].text):
                # a spelling the base matched only loosely ("John Cole" for John Coale): the surname as this
                # document writes it names the same person
                surnames.setdefault(name[-1].text, actor_id)
            if actor_id:
                mentions.append(DocMention(name.start, name.end, "name", [actor_id], 0.8))
                covered.update(range(name.start, name.end))
        titled_firsts = {k: v for k, v in firsts.items() if k not in surnames}
        self._surname_mentions(doc, mentions, covered, surnames, titled_firsts)
        return list(learned.values()), _drop_overlaps(sorted(mentions, key=lambda m: m.start))

    def _without_office(self, name: Span) -> Span:
        """A name without the office the recogniser read into its front: "State Councilor" (a title), or
        a ministry's portfolio after "Minister of" ("Foreign Affairs Abdisaid Muse Ali"); two words of
        the name always stay."""
        doc, start = name.doc, name.start
        while name.end - start > 2:
            after_of = start > 0 and doc[start - 1].lower_ == "of"
            words = {k: " ".join(t.lower_ for t in doc[start : start + k]) for k in (4, 3, 2, 1)
                     if name.end - start - k >= 2}
            size = next((k for k, text in words.items()
                         if text in self.refs.titles or after_of and text in self.refs.portfolios), 0)
            if not size:
                break
            start += size
        return doc[start : name.end]

    def _after_title(self, token: Token) -> bool:
        """"Foreign Minister Cho", "Secretary Blinken": a title word just before the name."""
        doc = token.doc
        words = [t.text for t in doc[max(token.sent.start, token.i - 3) : token.i] if t.pos_ in {"NOUN", "PROPN"}]
        return bool(words) and words[-1] == doc[token.i - 1].text and self.refs.title_key(words[-2:]) is not None \
            or bool(words) and self.refs.title_key(words[-1:]) is not None

    def _widen_person(self, doc: Doc, ent: Span | None, covered: set[int]) -> Span | None:
        """"Secretary of State Antony J. Blinken", where the parser's name starts at "J.": the given
        names just before it belong to it (capitalised proper nouns that are no title word)."""
        if ent is None:
            return None
        start = ent.start
        while start > 0:
            prev = doc[start - 1]
            if prev.i in covered or prev.pos_ != "PROPN" or not prev.text[:1].isupper() or prev.dep_ != "compound" \
                    or not start <= prev.head.i < ent.end or prev.ent_type_ not in {"", "PERSON"} \
                    or self.refs.title_key([prev.text]) is not None or prev.lower_ in self.refs.sector_words:
                break  # nor a body's word: "Speaker of Parliament Berri"
            start -= 1
        return doc[start : ent.end]

    def _learned_suffix(self, name: Span, learned: dict[str, Actor]) -> str | None:
        """"Al-Sudani" after "Mohammed Shia al-Sudani": a shorter form that ends a name learned earlier
        in the document is that person."""
        short = fold(name.text)
        for actor in learned.values():
            full = fold(actor.name)
            if full != short and full.endswith(" " + short) or full.endswith("-" + short.split("-")[-1]) \
                    and short.split("-")[-1] != short and full.endswith(short.split(" ")[-1]):
                return actor.id
        return None

    def _surname_mentions(
        self, doc: Doc, mentions: list[DocMention], covered: set[int], surnames: dict[str, str],
        titled_firsts: dict[str, str],
    ) -> None:
        for token in doc:
            if token.i in covered or token.pos_ != "PROPN":
                continue
            # a family name written first ("Liu Dejun ... Liu added", "Foreign Minister Cho"): news calls
            # no one by a given name alone, so the first word of a name no one ends with is its family name
            found = surnames.get(token.text) or (titled_firsts.get(token.text) if self._after_title(token)
                                                 or _stands_alone(token) else None)
            if found:
                mentions.append(DocMention(token.i, token.i + 1, "surname", [found], 0.8))

    def _learned_actor(self, name: Span, mentions: list[DocMention], home: Home) -> Actor:
        title_tokens = _title_context(name)
        words = [t.text for t in title_tokens]
        key = self.refs.title_key([t.text for t in title_tokens if t.pos_ in {"NOUN", "PROPN"}])
        country, org_code = self._title_affiliation(title_tokens)
        sector = self._sector(key, words)
        if country is None and org_code is None and key is not None and not self.refs.titles[key].generic:
            # a state's own release names its officials with no country ("Ambassador Neil Holland" at
            # GOV.UK); a wire story names the officials of the state it is datelined in so ("DHAKA (AP) —
            # ... Prime Minister Sheikh Hasina"), but an ambassador there is most likely a foreign one
            country = self._home_state(name, mentions) or home.issuer or (
                home.setting if sector != "DIP" else None)
        code = org_code or (f"{country}.{sector}" if country and sector else country)
        office = " ".join(words).strip(" ,") or None
        roles = [Role(office=office, code=code)] if office else []
        slug = re.sub(r"[^a-z0-9]+", "-", fold(name.text)).strip("-")
        return Actor(
            id=slug, name=name.text, type="person", country=country, code=code, roles=roles, learned=True
        )

    def _title_affiliation(self, tokens: list[Token]) -> tuple[str | None, str | None]:
        """The country (demonym) and organisation code named in a title ("of the NATO PA"); the state an
        envoy is sent to ("Russia's Ambassador to Chișinău", "the US envoy in Kyiv") is not his own."""
        country: str | None = None
        tokens = [t for t in tokens if not _posted_to(t)]
        for token in tokens:
            found = self.kb.demonym(token.text)
            if found:
                country = country or found
        text = " ".join(t.text for t in tokens)
        for _start, _end, values in self._names.find(text):
            actor = self.kb.get(values[0][0])
            if actor and actor.type in {"organisation", "group"}:
                return actor.country or country, actor.code
            if actor and actor.type == "state":
                country = country or actor.id
        return country, None

    def _home_state(self, name: Span, mentions: list[DocMention]) -> str | None:
        """"President Yoweri Museveni has banned Ugandan opposition candidates", "President Gbagbo
        extended the curfew in Abidjan": an office-holder the text gives no country is the official of
        the one state his sentence names (by name, demonym or capital), unless that state is only
        what the sentence acts on ("called for sanctions against Nigeria")."""
        sent = name.sent
        found: set[str] = set()
        for m in mentions:
            if not (sent.start <= m.start < sent.end) or name.start <= m.start < name.end:
                continue
            states = [a for a in m.actor_ids if self._is_state(a)]
            if not states:
                continue
            head = m.span(name.doc).root
            if m.kind != "demonym" and _is_acted_on(head):
                return None
            found.update(states[:1])
        for token in sent:
            if token.ent_type_ in {"GPE", "LOC"} and token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPS:
                found.update(a for a in self.kb.lookup(token.text) if self._is_state(a))
        return next(iter(found)) if len(found) == 1 else None

    def _sector(self, key: str | None, words: list[str]) -> str | None:
        for word in words:
            if word.lower() in self.refs.sector_words:
                return self.refs.sector_words[word.lower()]
        return self.refs.titles[key].sector if key else None

    def _compound_titles(self, doc: Doc, mentions: list[DocMention]) -> list[DocMention]:
        """"NATO Assistant Secretary General Boris Ruge", "Ukrainian President Volodymyr Zelensky":
        the title written before a name is a mention of that person."""
        found = []
        titled = {m.start for m in mentions if m.kind == "title"}
        for m in mentions:
            if m.kind != "name" or len(m.actor_ids) != 1:
                continue
            i = m.start - 1
            while i >= 0 and doc[i].dep_ in {"compound", "amod", "nmod"} and i < doc[i].head.i < m.end:
                i -= 1
            if i + 1 < m.start:
                words = [t.text for t in doc[i + 1 : m.start] if t.pos_ in {"NOUN", "PROPN"}]
                if self.refs.title_key(words) and i + 1 not in titled:
                    found.append(DocMention(i + 1, m.start, "title", list(m.actor_ids), 1.0))
        return found

    # -- titles attached to names ------------------------------------------------------------
    def _attach_titles(
        self,
        doc: Doc,
        mentions: list[DocMention],
        token_mention: dict[int, int],
        titles_seen: dict[str, set[str]],
    ) -> None:
        """Record the titles written next to a name ("the Deputy Minister ..., Igor Sekreta")."""
        for m in mentions:
            if len(m.actor_ids) != 1:
                continue
            head = m.span(doc).root
            for title in _titles_around(head, token_mention):
                key = self.refs.title_key([t.text for t in title if t.pos_ in {"NOUN", "PROPN"}])
                if key:
                    titles_seen.setdefault(m.actor_ids[0], set()).add(key)

    # -- titles, pronouns, demonyms, plurals -------------------------------------------------
    def _contextual_mentions(
        self,
        doc: Doc,
        mentions: list[DocMention],
        token_mention: dict[int, int],
        titles_seen: dict[str, set[str]],
        learned: list[Actor],
        person_ids: set[str],
    ) -> None:
        ctx = _Context(names=list(mentions), name_index=_index(mentions), person_ids=person_ids,
                       titles_seen=titles_seen, learned={a.id: a for a in learned})
        by_start = {m.start: m for m in mentions}
        added: list[DocMention] = []
        for token in doc:
            named = by_start.get(token.i)
            if named is not None:
                self._remember(doc, named, ctx)
                continue
            if token.i in token_mention:
                continue
            new = self._reference_at(doc, token, ctx)
            if new is None:
                continue
            added.append(new)
            covered_end = token.i + 1 if new.kind == "title" else new.end
            for i in range(new.start, covered_end):
                token_mention[i] = -1  # placeholder: covered
            self._remember(doc, new, ctx)
        mentions.extend(added)

    def _remember(self, doc: Doc, m: DocMention, ctx: _Context) -> None:
        head = m.span(doc).root
        if m.kind in {"title", "description", "pronoun"}:
            head = doc[m.end - 1] if m.kind != "description" else head
        for actor_id in m.actor_ids[:1] if m.kind != "plural" else []:
            actor = self.kb.get(actor_id) or ctx.learned.get(actor_id)
            if actor is None:
                continue
            if actor.type == "person":
                ctx.history.append((head.i, actor_id, _is_subject(_np_head(head))))
            else:
                ctx.things.append((head.i, actor_id, _is_subject(_np_head(head))))
        for key, owner in self._owners(m, head):
            ctx.head_owner[key] = owner
            if key in self.refs.collectives:
                ctx.things.append((head.i, owner, False))  # "Łukašenka’s regime ... its"
        if m.kind == "name" and len(m.actor_ids) == 1 and self._is_state(m.actor_ids[0]):
            conj_states = [a for a in _conjunct_actor_ids(head, m, doc, self) if self._is_state(a)]
            if len(conj_states) >= 2 and conj_states not in ctx.state_lists:
                ctx.state_lists.append(conj_states)
                ctx.state_list_pos.append(head.i)

    def _owners(self, m: DocMention, head: Token) -> list[tuple[str, str]]:
        """Head nouns an actor can later be called by: "the Assembly" after "NATO Parliamentary
        Assembly", "the regime" after "Łukašenka’s regime" or "the Łukašenka regime"."""
        if len(m.actor_ids) != 1 or m.kind not in {"name", "surname", "initial", "description"}:
            return []
        actor_id = m.actor_ids[0]
        found = []
        noun = _np_head(head)
        if m.kind in {"name", "description"} and not (noun.i != head.i and noun.pos_ == "PROPN" and m.kind == "name"
                                                      and self._is_state(actor_id)):
            # (a state named inside another name is not what that name's head refers back to: "the
            # Bangladesh Nationalist Party ... The party" is no Bangladesh)
            found.append((noun.lemma_.lower(), actor_id))
        if noun.dep_ in {"poss", "compound"} and noun.head.pos_ == "NOUN":
            found.append((noun.head.lemma_.lower(), actor_id))
        return found

    def _is_state(self, actor_id: str) -> bool:
        actor = self.kb.get(actor_id)
        return actor is not None and actor.type == "state"

    def _reference_at(self, doc: Doc, token: Token, ctx: _Context) -> DocMention | None:
        lower = token.lower_
        if lower in {"it", "its", "their", "they", "them"}:
            return self._neuter_pronoun(token, ctx)
        if lower in self.refs.pronoun_gender and (token.pos_ == "PRON" or lower in {"her", "his"}):
            gender = self.refs.pronoun_gender[lower]
            actor_id = self._pronoun_antecedent(token, gender, ctx.history, ctx.learned)
            return DocMention(token.i, token.i + 1, "pronoun", [actor_id] if actor_id else [], 0.8)
        if lower in {"two", "both"} and token.dep_ in {"nsubj", "nsubjpass"}:
            if lower == "both" or any(c.lower_ == "the" for c in token.children):
                return DocMention(_det_start(token), token.i + 1, "plural", [], 0.8)  # "the two discussed"
        if token.pos_ not in {"NOUN", "PROPN"}:
            return None
        if token.dep_ == "compound":
            # "Deputy Minister of Foreign Affairs of Belarus I.Sekreta": a title the parser made a
            # modifier of the name that follows it
            title = self._title_mention(doc, token, ctx)
            if title is not None and title.confidence == 1.0:
                return title
            return self._description_mention(doc, token, ctx) if token.head.lemma_.lower() == "member" else None
        determined = any(c.lower_ in {"the", "both", "two", "these", "those"} for c in token.children)
        if lower in self.refs.plural_participants and token.tag_ in {"NNS", "NNPS"}:
            if _owned_by_name(token):
                return None  # "the ECOWAS leaders", "the leaders of the SAF": their own body's, not the talks'
            return DocMention(_det_start(token), token.i + 1, "plural", [], 0.8) if determined else None
        if lower in self.refs.plural_states and token.tag_ == "NNS":
            if determined and ctx.state_lists:
                return DocMention(_det_start(token), token.i + 1, "plural", list(ctx.state_lists[-1]), 0.7)
            return None
        return self._title_mention(doc, token, ctx) or self._description_mention(doc, token, ctx) \
            or self._class_mention(token, ctx)

    def _neuter_pronoun(self, token: Token, ctx: _Context) -> DocMention | None:
        """"its"/"it" → the latest organisation or state; "their" → the latest list of states."""
        if token.pos_ != "PRON":
            return None
        if token.lower_ in {"their", "they", "them"}:
            if ctx.state_lists and (not ctx.history or ctx.history[-1][0] < ctx.state_list_at()):
                return DocMention(token.i, token.i + 1, "pronoun", list(ctx.state_lists[-1]), 0.6)
            if token.lower_ != "their" and token.dep_ in {"nsubj", "nsubjpass"}:
                # "They discussed ...": perhaps the sides of recent talks; the event coder, which
                # knows the last meeting, decides
                return DocMention(token.i, token.i + 1, "plural", [], 0.6)
            return None
        near = [(index, actor_id, subject) for index, actor_id, subject in ctx.things
                if index < token.i and index >= token.sent.start - 60]
        if token.lower_ == "it" and token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "advcl":
            # the subject "it" of an adverbial clause is the main clause's subject, not an owner or object
            # told between: "Iraq summoned Turkey's ambassador as it blamed Ankara" (but "Israel struck
            # Iran and it responded": a clause joined by "and" may turn to the object)
            main = {t.i for c in token.head.head.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
            subject = next((actor_id for index, actor_id, _ in reversed(near) if index in main), None)
            if subject is not None:
                return DocMention(token.i, token.i + 1, "pronoun", [subject], 0.6)
        if near:
            return DocMention(token.i, token.i + 1, "pronoun", [near[-1][1]], 0.6)
        return None

    def _title_mention(self, doc: Doc, token: Token, ctx: _Context) -> DocMention | None:
        left = [c for c in token.lefts if c.dep_ in {"compound", "amod"}]
        words = [t.text for t in left if t.pos_ in {"NOUN", "PROPN"}] + [token.text]
        key = self.refs.title_key(words)
        if key is None or token.tag_ in {"NNS", "NNPS"}:
            return None
        if token.dep_ == "poss" and _name_word(token.head):
            return None  # "The Prosecutor General's Office", "the Prime Minister's Office": a body
        start, end = _det_start(token), _title_end(token)
        owner = _child_of(token, {"poss", "nmod"})
        named = _name_after(token, ctx.name_index, ctx.names, ctx.person_ids)
        holder = self._office_holder(key, owner, ctx) if named is None and owner is not None else None
        if named is None and holder is None and token.dep_ == "appos":
            named = _name_before(doc, start, ctx.name_index, ctx.names, ctx.person_ids)
        if named is not None or holder is not None:
            return DocMention(start, end, "title", list(named.actor_ids) if named else [holder], 1.0)
        country = next((self.kb.demonym(t.text) for t in left if self.kb.demonym(t.text)), None)
        # a bare title refers back only when it is definite ("the Deputy Minister"), or when it names
        # someone of a state by relation to its owner ("his Russian counterpart")
        relative = self.refs.titles[key].relative and owner is not None and country is not None
        if not relative and not any(c.lower_ in {"the", "this", "that"} for c in token.children):
            return None
        if relative:
            actor_id = self._counterpart(owner, country, token, ctx)  # type: ignore[arg-type]
            return DocMention(start, end, "title", [actor_id], 0.8)
        actor_id = self._title_antecedent(key, country, token, ctx.history, ctx.titles_seen, ctx.learned)
        if actor_id is not None and not self._serves(actor_id, _of_named(token, ctx), ctx):
            actor_id = None  # "the head of IS" is no earlier head of another body
        return DocMention(start, end, "title", [actor_id] if actor_id else [], 0.8)

    def _counterpart(self, owner: Token, country: str, token: Token, ctx: _Context) -> str:
        """"his Russian counterpart": the latest person of that state named before whose office shares a
        word with the owner's ("Lavrov ... his French counterpart" is France's foreign minister, not its
        president), else the state itself ("met his Chinese counterpart": China's)."""
        owner_id = next((a for i, a, _ in ctx.history if i == owner.i), None)
        own = self._office_words(owner_id, ctx) if owner_id else set()
        for index, actor_id, _ in reversed(ctx.history):
            actor = self.kb.get(actor_id) or ctx.learned.get(actor_id)
            if index >= token.i or actor is None or actor.type != "person" or actor.country != country:
                continue
            theirs = self._office_words(actor_id, ctx)
            if not own or not theirs or own & theirs:
                return actor_id
        return country

    def _office_words(self, actor_id: str, ctx: _Context) -> set[str]:
        """The words of titles a person's recorded offices and the document's titles for them hold
        ("foreign", "minister"), for comparing offices."""
        actor = self.kb.get(actor_id) or ctx.learned.get(actor_id)
        offices = [r.office or "" for r in actor.roles] if actor is not None else []
        offices += list(ctx.titles_seen.get(actor_id, set()))
        words = {w for office in offices for w in re.sub(r"[-()]", " ", office.lower()).split()}
        return words & self._office_vocabulary

    def _serves(self, actor_id: str, bodies: set[str], ctx: _Context) -> bool:
        """The person holds, or held, an office in one of ``bodies`` or of their state (no bodies: yes)."""
        if not bodies:
            return True
        actor = self.kb.get(actor_id) or ctx.learned.get(actor_id)
        if actor is None:
            return False
        return actor.country in bodies or any(r.organisation in bodies for r in actor.roles)

    def _office_holder(self, key: str, owner: Token, ctx: _Context) -> str | None:
        """"NATO assembly's secretary general": the person the base knows in that office there."""
        org_ids = set()
        idx = ctx.name_index.get(owner.i)
        if idx is not None:
            org_ids.update(ctx.names[idx].actor_ids)
        for found in self._names.find(" ".join(t.text for t in owner.subtree)):
            org_ids.update(a for a, _ in found[2])
        if not org_ids or self.refs.titles[key].generic:
            return None  # "the United Nations' top official": no one office, so no one person
        holders = {actor.id for actor in self.kb.actors() if actor.type == "person"
                   for role in actor.roles if role.organisation in org_ids and self._title_fits(key, actor, set())}
        return next(iter(holders)) if len(holders) == 1 else None

    def _description_mention(self, doc: Doc, token: Token, ctx: _Context) -> DocMention | None:
        """"the regime", "the Assembly", "the conference", "the Foreign Ministry": a definite noun
        that names what an earlier mention was, or the ministry of the person last spoken of."""
        # "Council members" are the members of the council just named, as "the Council" is that council
        members = token.dep_ == "compound" and token.head.lemma_.lower() == "member" and token.text[:1].isupper()
        if not (members or any(c.lower_ == "the" for c in token.children)) or token.tag_ in {"NNS", "NNPS"}:
            return None
        lemma = token.lemma_.lower()
        actor_id = ctx.head_owner.get(lemma)
        if actor_id is None:
            actor_id = self._parent_org(token, ctx)
        if actor_id is None:
            return None
        if any(c.dep_ == "compound" and (i := ctx.name_index.get(c.i)) is not None
               and any(self._is_state(a) for a in ctx.names[i].actor_ids) for c in token.lefts):
            return None  # "The DPRK Foreign Ministry": a body of the state it names, not the state
        return DocMention(_det_start(token), token.i + 1, "description", [actor_id], 0.7)

    def _class_mention(self, token: Token, ctx: _Context) -> DocMention | None:
        """"The country also summoned ...", "The group also attacked ...", "the bloc threatened": a
        definite singular class noun (references.yaml ``class_nouns``) refers back to the nearest actor
        of its class named in its sentence or the two before; a demonym on it must agree ("the Yemeni
        group"). Not "the group of seven", "a group", nor a name's head ("the Wagner group")."""
        wanted = self.refs.class_nouns.get(token.lemma_.lower())
        if wanted is None or token.pos_ != "NOUN" or token.tag_ != "NN" or token.dep_ == "compound" \
                or not any(c.lower_ == "the" and c.dep_ == "det" for c in token.children) \
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children) \
                or token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPS:
            return None  # "barred him from the country", "fighting in the country": a place, not an actor
        modifiers = [c for c in token.lefts if c.dep_ in {"amod", "compound", "nmod"}]
        demonyms = {d for c in modifiers if (d := self.kb.demonym(c.text))}
        if any(c.pos_ == "PROPN" for c in modifiers) and not demonyms:
            return None  # "the Wagner group": a name's own head
        earliest = _sentence_start_back(token, 2)
        fitting = []  # (was a subject, actor) of the class, the nearest first
        for index, actor_id, was_subject in reversed(ctx.things):
            if index >= token.i:
                continue
            if index < earliest:
                break
            actor = self.kb.get(actor_id) or ctx.learned.get(actor_id)
            if actor is not None and _of_class(actor, wanted) and (not demonyms or actor.country in demonyms
                                                                    or actor.id in demonyms):
                fitting.append((was_subject, actor_id))
        # the nearest that was a subject ("Iran condemned the Israeli strike. The country also summoned"),
        # else the nearest
        chosen = next((a for subject, a in fitting if subject), None) or next((a for _, a in fitting), None)
        return DocMention(_det_start(token), token.i + 1, "description", [chosen], 0.7) if chosen else None

    def _parent_org(self, token: Token, ctx: _Context) -> str | None:
        words = {fold(t.text) for t in token.lefts if t.dep_ == "compound"} | {fold(token.text)}
        if len(words) < 2 or not token.text[:1].isupper():
            return None
        for _, person_id, _ in reversed(ctx.history):
            person = self.kb.get(person_id) or ctx.learned.get(person_id)
            org = self.kb.get(person.parent) if person and person.parent else None
            if org is not None and _describes(words, org):
                return org.id
        return None

    # -- antecedents -------------------------------------------------------------------------
    def _pronoun_antecedent(
        self, token: Token, gender: str, history: list[tuple[int, str, bool]], learned: dict[str, Actor]
    ) -> str | None:
        """The latest compatible subject within three sentences, else the nearest compatible person. The
        "he" of "..., he said" after what is said is the one who spoke before: the people its content names
        are what is said about ("The conviction of Andrzej Poczobut is a violation, he said")."""
        earliest = _sentence_start_back(token, 3)
        latest = token.sent.start if _says_after_content(token) else token.i
        fallback = None
        for index, actor_id, was_subject in reversed(history):
            if index >= latest:
                continue
            if index < earliest:
                break
            actor = self.kb.get(actor_id) or learned.get(actor_id)
            if actor is None or (actor.gender and actor.gender != gender):
                continue
            if was_subject:
                return actor_id
            fallback = fallback or actor_id
        return fallback

    def _title_antecedent(
        self,
        key: str,
        country: str | None,
        token: Token,
        history: list[tuple[int, str, bool]],
        titles_seen: dict[str, set[str]],
        learned: dict[str, Actor],
    ) -> str | None:
        generic = self.refs.titles[key].generic
        sector = self.refs.titles[key].sector
        # the clause's own subject is not the one its object names ("The Belarusian leader thanked the diplomat")
        clause_subject = {t.i for c in token.head.children if c.dep_ == "nsubj" and token.dep_ in {"dobj", "pobj"}
                          for t in c.subtree}
        candidates = [(index, actor_id, was_subject) for index, actor_id, was_subject in history
                      if index < token.i and index not in clause_subject]
        if generic and sector == "DIP":
            # "the diplomat" goes back to a diplomat when the text named one
            envoys = [c for c in candidates if _code_sector(self.kb.get(c[1]) or learned.get(c[1])) == "DIP"]
            candidates = envoys or candidates
        best: str | None = None
        for _index, actor_id, was_subject in reversed(candidates):
            actor = self.kb.get(actor_id) or learned.get(actor_id)
            if actor is None or (country and actor.country and actor.country != country):
                continue
            if generic or self._title_fits(key, actor, titles_seen.get(actor_id, set())):
                if was_subject:
                    return actor_id
                best = best or actor_id
        return best

    def _title_fits(self, key: str, actor: Actor, seen: set[str]) -> bool:
        words = set(key.split())
        offices = [set(re.sub(r"[-()]", " ", (r.office or "").lower()).split()) for r in actor.roles]
        offices += [set(t.split()) for t in seen]
        if not offices:
            return True  # an office the base does not record cannot contradict the title
        required = {_SPELLINGS.get(w, w) for w in words - _GENERIC_OFFICE_WORDS - _MODIFIER_WORDS - _ANY_HEAD}
        for office in offices:
            office = {_SPELLINGS.get(w, w) for w in office}
            # "the Deputy Minister" must not bind the Minister: modifiers on both sides must agree; "the
            # Foreign Minister" must not bind the Prime Minister: every word of the title is in the office
            if required <= office and words & _MODIFIER_WORDS == office & _MODIFIER_WORDS:
                return True
        return False


# -- helpers -----------------------------------------------------------------------------------
def _best_kind(values: list[tuple[str, str]]) -> str:
    order = ["name", "native", "alias", "acronym", "surname", "metonym", "demonym"]
    kinds = {k for _, k in values}
    return next((k for k in order if k in kinds), values[0][1])


def _public_kind(kind: str) -> str:
    return {"native": "name", "alias": "name", "acronym": "name"}.get(kind, kind)


def _unique(items: object) -> list[str]:
    seen: list[str] = []
    for item in items:  # type: ignore[attr-defined]
        if item not in seen:
            seen.append(item)
    return seen


def _index(mentions: list[DocMention]) -> dict[int, int]:
    """Token → mention; where a title spans a name ("Ukrainian President"), the shorter one wins."""
    order = sorted(range(len(mentions)), key=lambda n: -(mentions[n].end - mentions[n].start))
    return {i: n for n in order for i in range(mentions[n].start, mentions[n].end)}


_child_of = _child_of_token


def _describes(words: set[str], org: Actor) -> bool:
    """"Foreign Ministry" describes the "Ministry of Foreign Affairs of the Republic of Belarus"."""
    names = [fold(n) for n in org.all_names()]
    return any(all(w in name or (w == "ministry" and "ministry" in name) for w in words) for name in names)


def _drop_overlaps(mentions: list[DocMention]) -> list[DocMention]:
    """Keep the longer mention where two overlap (the expanded span of a name wins)."""
    kept: list[DocMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def _is_place_use(span: Span) -> bool:
    """A capital used as a place ("in Minsk") is not a metonym for its government."""
    head = span.root
    return head.dep_ == "pobj" and head.head.lower_ in _PLACE_PREPS


def _latest_role(actor: Actor) -> str:
    return max((str(r.start or "") for r in actor.roles), default="")


def _is_acted_on(head: Token) -> bool:
    """A state named as the object of an act ("against Nigeria", "urged Russia"), not as a place."""
    head = _np_head(head)
    if head.dep_ in {"dobj", "dative"}:
        return True
    if head.dep_ != "pobj":
        return False
    prep = head.head
    if prep.lower_ == "to":  # "returning to Kyrgyzstan" is a place, "an appeal to Russia" is not
        return prep.head.lemma_.lower() not in _MOTION_VERBS
    return prep.lower_ in {"against", "with", "toward", "towards", "on", "upon"}


def _uncovered_tail(ent: Span, covered: set[int]) -> Span | None:
    """"Mali Assimi Goita" where "Mali" is already a mention: the name after it, if two words remain."""
    start = ent.start
    while start < ent.end and start in covered:
        start += 1
    return ent.doc[start : ent.end] if ent.end - start >= 2 else (ent if start == ent.start else None)


_CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                       "saturday", "sunday"})


def _of_named(token: Token, ctx: _Context) -> set[str]:
    """The actors an "of" phrase after a title names: "the head of IS in Iraq" → IS."""
    found: set[str] = set()
    for prep in (c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            index = ctx.name_index.get(pobj.i)
            if index is not None:
                found.update(ctx.names[index].actor_ids)
    return found


def _without_honorifics(name: Span, honorifics: tuple[tuple[str, ...], ...]) -> Span:
    """A person's name without the courtesy titles before it ("Dato' Sri Saifuddin Abdullah" → "Saifuddin
    Abdullah"), one word of the name kept at least; apostrophes and the tokens they make are skipped, a
    title's dot is part of it ("H.E." is an honorific, "He Lifeng" is a name)."""
    words = [(t.i - name.start, t.lower_.replace("'", "").replace("’", "")) for t in name if not t.is_punct]
    start = 0
    while True:
        texts = tuple(w for _, w in words[start:])
        found = next((h for h in honorifics if texts[: len(h)] == h and len(h) < len(texts)), None)
        if found is None:
            return name[words[start][0]:] if start < len(words) else name
        start += len(found)


def _clean_person(ent: Span) -> Span | None:
    tokens = [t for t in ent if _name_word(t)]
    while len(tokens) > 1 and tokens[0].lower_ in _CALENDAR:
        tokens.pop(0)  # "in March al-Sudani announced": the month is not part of his name
    if not tokens:
        return None
    end = tokens[-1].i + 1
    doc = ent.doc
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end].whitespace_ and doc[end + 1].is_alpha \
            and not doc[end - 1].whitespace_:
        end += 2  # "Cho Tae-yul": the given name's second half is lower case
    span = doc[tokens[0].i : end]
    if span.text.endswith("’s") or span.text.endswith("'s"):
        return None
    return span


def _name_after(
    token: Token, token_mention: dict[int, int], mentions: list[DocMention], person_ids: set[str]
) -> DocMention | None:
    """The person named right after a title and a comma, wherever the parser attached the name."""
    doc = token.doc
    title_end = _title_run(doc, _title_end(token), token_mention)
    limit = min(len(doc), max(token.right_edge.i, token.i, title_end) + 4)
    for i in range(token.i + 1, limit):
        if doc[i].pos_ in {"VERB", "AUX"}:
            return None
        idx = token_mention.get(i)
        if idx is None or idx < 0:
            continue
        m = mentions[idx]
        adjacent = i in {token.i + 1, title_end}  # "Cichanoŭskaja’s aide Franak Viačorka"
        # headline style: "Deputy Minister of Foreign Affairs of Belarus I.Sekreta"
        first = i  # a given name the base does not know stands before the mention: "Joseph Biden"
        while first - 1 > token.i and doc[first - 1].pos_ == "PROPN" and token_mention.get(first - 1) is None:
            first -= 1
        prev = token_mention.get(first - 1)
        after_place = prev is not None and prev >= 0 and mentions[prev].end == first and not (
            set(mentions[prev].actor_ids) & person_ids)
        if m.start == i and (adjacent or after_place or doc[i - 1].text == ",") and \
                set(m.actor_ids) & person_ids:
            return m
    return _name_after_posting(token, token_mention, mentions, person_ids)


_POSTING_WORDS = frozenset({"PROPN", "ADP", "DET", "CCONJ", "ADJ", "NOUN"})


def _name_after_posting(
    token: Token, token_mention: dict[int, int], mentions: list[DocMention], person_ids: set[str]
) -> DocMention | None:
    """The person named after a long title and its posting, a comma between: "the Ambassador
    Extraordinary and Plenipotentiary of the Russian Federation to the Republic of Belarus, Dmitry
    Mezentsev" (the parser hangs the name on the last place); not a name that starts a clause ("met the
    Russian ambassador, Putin said")."""
    doc = token.doc
    end = token.i + 1
    while end < len(doc) and end - token.i <= 16 and doc[end].pos_ in _POSTING_WORDS:
        end += 1
    if end >= len(doc) - 1 or doc[end].text != ",":
        return None
    idx = token_mention.get(end + 1)
    if idx is None or idx < 0 or mentions[idx].start != end + 1 or not set(mentions[idx].actor_ids) & person_ids:
        return None
    after = mentions[idx].end
    return mentions[idx] if after >= len(doc) or doc[after].pos_ not in {"VERB", "AUX"} else None


def _name_before(
    doc: Doc, start: int, token_mention: dict[int, int], mentions: list[DocMention], person_ids: set[str]
) -> DocMention | None:
    """"Kajsa Ollongren, the EU special representative": a title in apposition after a name."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    idx = token_mention.get(start - 2)
    if idx is None or idx < 0:
        return None
    m = mentions[idx]
    return m if set(m.actor_ids) & person_ids else None


def _title_context(name: Span) -> list[Token]:
    """Words describing a person: "Ukrainian President" before the name, or an apposition."""
    doc = name.doc
    before: list[Token] = []
    i = name.start - 1
    while i >= 0 and (doc[i].dep_ in {"compound", "amod", "nmod", "poss", "case"} or doc[i].tag_ == "HYPH") and \
            (doc[i].dep_ == "case" or i < doc[i].head.i < name.end):
        before.insert(0, doc[i])  # "Arab League Secretary-General Chedli Klibi": the hyphen too
        i -= 1
    first = before[0].i if before else name.start
    if first > 0 and doc[first - 1].dep_ == "pobj":
        # "U.S. Secretary of State Warren Christopher": a title with its own "of" phrase
        title = doc[first - 1].head.head
        if doc[first - 1].head.dep_ == "prep" and title.dep_ in {"nmod", "compound"} and \
                name.start <= title.head.i < name.end:
            return [t for t in title.subtree if t.i < name.start and t.dep_ != "punct"]
    if before:
        return before
    head = name.root
    for child in head.children:
        if child.dep_ == "appos":
            return [t for t in child.subtree if t.dep_ != "punct"]
    if head.dep_ == "appos":
        return [t for t in head.head.subtree if t.i < name.start and t.dep_ != "punct"]
    if head.dep_ == "conj" and head.head.i < name.start and head.head.tag_ == "NNP":
        # "Belarusian opposition politicians Anatol Lyabedzka, Pavel Sevyarynets and Alyaksandr Kazulin":
        # a title before a list of names describes each of them
        first = head.head
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        if first.dep_ == "appos" and first.head.tag_ == "NNS":  # a plural title: "politicians", not "minister"
            return [t for t in first.head.subtree if t.i <= first.head.i and t.dep_ != "punct"]
        lefts = [t for t in first.lefts if t.pos_ != "PROPN" and t.dep_ not in {"punct", "det"}]
        return lefts if any(t.tag_ == "NNS" for t in lefts) else []
    return []


def _titles_around(head: Token, token_mention: dict[int, int]) -> list[list[Token]]:
    titles: list[list[Token]] = []
    if head.dep_ == "appos" and head.head.i not in token_mention:
        noun = head.head
        titles.append([c for c in noun.lefts if c.dep_ == "compound"] + [noun])
    for child in head.children:
        if child.dep_ == "appos" and child.i not in token_mention:
            titles.append([c for c in child.lefts if c.dep_ == "compound"] + [child])
    compounds = [c for c in head.lefts if c.dep_ == "compound" and c.i not in token_mention]
    if compounds:
        titles.append(compounds)
    return titles


def _det_start(token: Token) -> int:
    lefts = [c for c in token.lefts if c.dep_ in {"det", "amod", "compound", "nummod", "poss"}]
    return min([token.i, *[c.left_edge.i for c in lefts]])


def _title_run(doc: Doc, end: int, token_mention: dict[int, int]) -> int:
    """A title's capitalised words run on through "for", "of", "on" and "and" to the name, wherever the
    parser hung them: "U.S. Assistant Secretary of State for East Asian and Pacific Affairs Daniel
    Kritenbrink"."""
    i = end
    while i < len(doc) and token_mention.get(i) is None and (
            doc[i].lower_ in {"for", "of", "on", "and", "the"} or _name_word(doc[i])):
        i += 1
    return i if i > end and doc[i - 1].pos_ == "PROPN" else end


def _title_end(token: Token) -> int:
    """A title runs on through its "of" phrase ("the Deputy Head of the Foreign Ministry")."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            return child.right_edge.i + 1
    return token.i + 1


def _says_after_content(token: Token) -> bool:
    """``token`` is the subject of a verb whose clause of content comes before it ("..., he said")."""
    verb = token.head
    return token.dep_ == "nsubj" and any(c.dep_ == "ccomp" and c.i < token.i for c in verb.children)


def _np_head(token: Token) -> Token:
    while token.dep_ in {"compound", "flat"} and token.head.i != token.i:
        token = token.head
    return token


def _is_subject(token: Token) -> bool:
    token = _np_head(token)
    if token.dep_ in _SUBJECT_DEPS:
        return True
    # "the Deputy Minister ..., Igor Sekreta, addressed": the name is an apposition of the subject
    return token.dep_ == "appos" and token.head.dep_ in _SUBJECT_DEPS


def _conjunct_actor_ids(head: Token, m: DocMention, doc: Doc, resolver: ActorResolver) -> list[str]:
    root = head
    while root.dep_ == "conj":
        root = root.head
    ids: list[str] = []
    for t in [root, *[c for c in root.subtree if c.dep_ == "conj" and _conj_chain(c, root)]]:
        found = resolver._names.find(t.text)
        for _, _, values in found:
            ids.extend(a for a, _ in values[:1])
    return _unique(ids)


def _conj_chain(token: Token, root: Token) -> bool:
    while token.dep_ == "conj":
        token = token.head
    return token.i == root.i


def _defined_acronyms(doc: Doc, mentions: list[DocMention]) -> list[DocMention]:
    """"the Rapid Support Forces (RSF) ... the RSF": an acronym a document defines after a name stands
    for that name's actor throughout the document, over any other body the base gives it (Reporters
    Without Borders is also "RSF")."""
    defined: dict[str, list[str]] = {}
    for m in mentions:
        if m.actor_ids and m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")":
            acronym = doc[m.end + 1].text
            if acronym.isupper() and 2 <= len(acronym) <= 8:
                defined.setdefault(acronym, list(m.actor_ids))
    for m in mentions:
        # "the Rapid Support Forces ... the RSF": a body the document names in full is what the
        # initials of its name stand for there, though no parenthesis defines them
        if m.actor_ids and len(m.actor_ids) == 1:
            defined.setdefault(_initials(doc[m.start : m.end]) or "-", list(m.actor_ids))
    defined.pop("-", None)
    if not defined:
        return mentions
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        if m.end - m.start == 1 and doc[m.start].text in defined:
            m.actor_ids = list(defined[doc[m.start].text])
    added = [DocMention(t.i, t.i + 1, "alias", list(defined[t.text]), 0.9)
             for t in doc if t.text in defined and t.i not in covered]
    return sorted(mentions + added, key=lambda m: m.start)


def _owned_by_name(token: Token) -> bool:
    """A noun with a name of its own: a capitalised compound or owner ("the ECOWAS leaders", "Russia's
    delegations"), or an "of" phrase with a name ("the leaders of the SAF"). Demonyms name the sides
    ("the Armenian and Azerbaijani sides") and are read there."""
    if any(c.dep_ in {"compound", "poss", "nmod"} and c.text[:1].isupper() for c in token.lefts):
        return True
    return any(o.pos_ == "PROPN" for p in token.rights if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj")


_NAME_LINKS = frozenset({"the", "of", "and", "for"})  # small words of a body's name, not in its initials


def _initials(span: Span) -> str | None:
    """The initials of a body's name of two words or more ("Sudanese Armed Forces" → "SAF"); None for a
    person's name or a single word."""
    content = [t for t in span if t.is_alpha and t.lower_ not in _NAME_LINKS]
    words = [t for t in content if t.text[:1].isupper() and t.ent_type_ != "PERSON"]
    if len(words) < 2 or len(words) != len(content):
        return None
    return "".join(t.text[0] for t in words)


_ENVOYS = frozenset({"ambassador", "envoy", "representative", "consul", "emissary", "delegate", "affaires",
                     "commissioner", "coordinator", "chargé", "charge", "attaché", "attache"})


def _posted_to(token: Token) -> bool:
    """A word of the place an envoy is posted to: the object of "to" or "in" after an envoy's title
    ("Ambassador to Chișinău"), or a word of that object's phrase; not "loyal to Polish General X"."""
    node = token
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.lower_ in {"to", "in"} and (
                node.head.head.lemma_.lower() in _ENVOYS or _after_envoy(node.head)):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _after_envoy(prep: Token) -> bool:
    """"met with the Ambassador of the Russian Federation to the Republic of Belarus": the parser hangs
    "to" on the verb, but it follows the envoy's title, words of a name between."""
    doc = prep.doc
    for i in range(prep.i - 1, max(prep.sent.start, prep.i - 9) - 1, -1):
        if doc[i].lemma_.lower() in _ENVOYS:
            return True
        if doc[i].pos_ not in {"PROPN", "ADP", "DET", "CCONJ", "ADJ", "NOUN"}:
            return False
    return False


def _stands_alone(token: Token) -> bool:
    """A one-word name: no name word next to it ("Liu added", not "Liu Dejun" again)."""
    doc = token.doc
    return not any(0 <= i < len(doc) and _name_word(doc[i]) for i in (token.i - 1, token.i + 1))


def _name_word(token: Token) -> bool:
    """A word of a proper name as written: a capitalised proper noun."""
    return token.pos_ == "PROPN" and token.text[:1].isupper()


# prepositions whose object is a place: "the country" after them is where, not who
_PLACE_PREPS = frozenset({"in", "into", "from", "to", "across", "throughout", "within", "inside", "outside",
                          "around", "over", "out"})


def _sentence_start_back(token: Token, back: int) -> int:
    """The first token of the sentence ``back`` sentences before the token's own."""
    start = token.sent.start
    for _ in range(back):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return start


def _of_class(actor: Actor, wanted: str) -> bool:
    """Whether an actor is of a class noun's class: a state; an organisation of states (IGO: its own
    code, no parent, not an NGO); an armed or civic group (a group, or an organisation that is no
    state organ and no IGO); any organisation or group."""
    if wanted == "state":
        return actor.type == "state"
    if actor.type not in {"organisation", "group"}:
        return False
    igo = actor.code == "IGO" or actor.type == "organisation" and actor.parent is None and bool(actor.code) \
        and "." not in (actor.code or "") and actor.code != "NGO"  # the EU, ECOWAS, the SCO, BRICS
    if wanted == "igo":
        return igo
    if wanted == "group":
        return actor.type == "group" or (not igo and actor.parent is None and (actor.code or "").endswith(
            ("NGO", "REB", "OPP", "PTY", "MED")))
    return actor.parent is None


def _code_sector(actor: Actor | None) -> str | None:
    """The sector an actor's code ends with ("RUS.DIP" → DIP)."""
    return actor.code.rsplit(".", 1)[-1] if actor is not None and actor.code and "." in actor.code else None

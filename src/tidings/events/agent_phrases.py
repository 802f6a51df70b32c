"""Actors of noun phrases: known actors, the owners of collectives, and agents the base does not know
(generic agents with sector and country, named bodies by their head noun).

A mixin of ``tidings.events.coder._SentenceCoder``; in: the parsed sentence and its resolved
mentions; out: actor ids or ``RawEvent`` records added through ``self._add``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from tidings.actors.agents import GenericAgent, parse_raw_id, raw_country
from tidings.actors.kb import NAME_SUFFIXES, ActorKB
from tidings.actors.resolve import DocMention
from tidings.events.lexicon import LEXICON
from tidings.events.places import find_places, place_country
from tidings.events.syntax import _AGENT_ENTS, _ORG_ENTS, _QUANTITIES, _SUBJ, _inside, _is_consult, _prep_objects
from tidings.nlp import entity_at
from tidings.records import Actor

__all__ = ["AgentPhrases"]

# prepositions of place, which end a body's name ("the Court of Grave Crimes in Baku")
_PLACE_WORDS = frozenset({"in", "at", "near", "outside", "inside"})
# sectors of armed men a leader commands ("Burhan's forces"): coded as the leader's state's agents
_ARMED_SECTORS = frozenset({"MIL", "COP", "SPY", "SEC"})
# sentences after talks within which a bare "they" may still be their sides
_THEY_REACH = 2


# prefixes that make a demonym a region or a relation, not a state: "Inter-American", "Pan-African"
_SPANNING = frozenset({"inter", "pan", "trans", "intra"})


# "the families of those": no kind of people is named
_DEICTIC_OBJECTS = frozenset({"those", "these", "them", "it", "this", "that", "which", "whom"})


class AgentPhrases:
    """A part of ``_SentenceCoder``: its methods read the sentence coder's state (``self.c``, ``self.doc``,
    ``self.sent``, ``self.resolved``, ``self.state``, ``self.events``)."""

    # -- actors of a noun phrase -----------------------------------------------------------
    def actors(self, token: Token | None, depth: int = 0) -> list[str]:
        """The actors a noun phrase headed by ``token`` stands for, conjuncts included."""
        if token is None or depth > 4:
            return []
        found = self._head_actors(token, depth)
        stray = self._of_list_conjuncts(token)
        for conj in token.children:
            if conj.dep_ == "conj" and conj not in stray:
                found += [a for a in self.actors(conj, depth + 1) if a not in found]
        return found

    def _of_list_conjuncts(self, token: Token) -> list[Token]:
        """The last states of an "of" list that the parser hung on the list's head: in "the foreign
        ministers of Iran, China, and Russia", Russia is made a conjunct of "ministers", not of Iran."""
        if token.tag_ != "NNS" or not any(c.dep_ == "conj" for c in token.children) \
                or not any(self._is_state(a) for t in _prep_objects(token, "of")
                                           for a in self._head_actors(t, 1)):
            return []
        return [c for c in token.children if c.dep_ == "conj" and c.pos_ == "PROPN"
                and (found := self._head_actors(c, 1)) and all(self._is_state(a) for a in found)]

    def _head_actors(self, token: Token, depth: int) -> list[str]:
        mention = self.resolved.mention_at(token)
        if mention is not None and mention.kind != "title":
            return self._mention_actors(mention)
        for child in token.children:
            if any(c.dep_ == "conj" and c.i < child.i for c in token.children):
                break  # an apposition after a conjunct is the conjunct's ("President of X Putin and leader of Y Biden")
            if child.dep_ == "appos" and not (token.pos_ == "PROPN" and child.ent_type_ in {"GPE", "LOC", "FAC"}):
                # (a named body's place in apposition is where it sits, not what it is: "the Court of
                # Grave Crimes in Azerbaijan's capital Baku")
                # "leader Cichanoŭskaja and Berti, ...": the names in apposition, conjuncts included
                found = self.actors(child, depth + 1)
                if found:
                    return found
        if mention is not None and (mention.actor_ids or mention.kind != "title"):
            return self._mention_actors(mention)
        if token.lower_ == "them":
            return self._plural_agent_before(token.i)
        named = self._name_after(token)
        if named:
            return named
        body = self._office_of_body(token)
        if body:
            return body
        if token.lemma_.lower() in self.c.refs.collectives or token.lower_ in self.c.refs.collectives:
            owners: list[str] = []
            for child in token.children:
                if child.dep_ in {"poss", "compound"} and self.resolved.mention_at(child):
                    owners = self._head_actors(child, depth + 1)
                    break
                if child.dep_ == "prep" and child.lower_ == "of":
                    owners = next((self.actors(p, depth + 1) for p in child.children if p.dep_ == "pobj"), [])
                    break
            else:
                owners = next(([s] for c in token.children if c.dep_ == "amod" for s in [self._demonym(c)] if s), [])
                # "Russian and Ukrainian delegations": the sides of both states
                owners += self._conjoined_owners(token, owners[0]) if owners else []
            # "Sudan's army", "the Belarusian police": a kind of actor of a state is coded with its sector;
            # "Łukašenka's regime", "NATO's members" stand for their owner
            if owners and all(self._is_state(o) for o in owners):
                hit = self.c.agents.sector_of(token)
                sides = self._per_side(token, hit[1], list(owners)) if hit else None
                if sides:
                    return sides
            if len(owners) == 1:
                # "Burhan's forces", "Putin's troops": a leader's armed men are his state's, not the leader
                hit = self.c.agents.sector_of(token)
                owner = self.c.kb.get(owners[0])
                if hit and hit[1] in _ARMED_SECTORS and owner is not None and owner.type == "person" and owner.country:
                    return [GenericAgent(self._phrase(token), hit[1], owner.country).raw_id()]
            return owners
        return []

    def _office_of_body(self, token: Token) -> list[str]:
        """An office of a body named with no holder speaks for the body: "the chairperson of the OSCE",
        "the head of the UN mission" (as "inspectors of the OSCE" do); an office of a state is left to
        the generic agents ("the president of Belarus" is the state's official)."""
        if token.pos_ not in {"NOUN", "PROPN"} or self.c.refs.title_key([token.text]) is None:
            return []
        owners = _prep_objects(token, "of")
        body = next((a for t in owners for a in self.actors(t)
                     if not self._is_state(a) and not a.startswith("?")), None)
        office = f"office:{token.lemma_.lower()}"
        if body is not None:
            self.state.bodies[office] = body
            return [body]
        # the same office named bare later: "The Chairperson of the AU Commission ... The Chairperson also"
        return [self.state.bodies[office]] if office in self.state.bodies and not owners else []

    def _per_side(self, token: Token, sector: str, states: list[str | None]) -> list[str] | None:
        """Each state's agents of an agent phrase, named with its own demonym ("Armenian and Azerbaijani
        troops": "Armenian troops" of Armenia, "Azerbaijani troops" of Azerbaijan), when the phrase names
        as many sides as there are states; else None."""
        names = self._side_names(token)
        if len(names) != len(states):
            return None
        return [GenericAgent(name, sector, state).raw_id() for name, state in zip(names, states, strict=True)]

    def _side_names(self, token: Token) -> list[str]:
        """The phrase of each side an agent's conjoined demonyms name: "Armenian and Azerbaijani troops" is
        "Armenian troops" and "Azerbaijani troops"; a phrase of one demonym is itself."""
        phrase = self._phrase(token)
        first = next((c for c in token.children if c.dep_ in {"amod", "compound", "nmod"} and self._state_named(c)),
                     None)
        others = [c for c in first.children if c.dep_ == "conj"] if first is not None else []
        if first is None or not others:
            return [phrase]
        # a state's name may be several words ("South Sudan and Central African Republic troops")
        sides = [self._words_of(d) for d in [first, *others]]
        joined = self.doc[sides[0].start : sides[-1].end].text
        return [phrase.replace(joined, side.text) for side in sides]

    def _words_of(self, token: Token) -> Span:
        """The words of the name a token ends, or the token alone ("Central African Republic", "Russian")."""
        mention = self.resolved.mention_at(token)
        if mention is not None and mention.start <= token.i < mention.end:
            return mention.span(self.doc)
        return self.doc[token.i : token.i + 1]

    def _phrase(self, token: Token) -> str:
        """An agent's words as written, without determiners or numbers: "Belarusian riot police"."""
        # a title that owns a body is part of its name: "the Prosecutor General's Office"
        mods = [t for t in token.lefts if t.dep_ in {"compound", "amod", "nmod"} or t.dep_ == "poss"
                and token.text[:1].isupper() and t.text[:1].isupper() and not self._mention_actors_at(t)]
        start = min((m.left_edge.i for m in mods), default=token.i)
        while start < token.i and (self.doc[start].pos_ in {"DET", "NUM", "PUNCT", "ADP"}
                                   or self.doc[start].text in {"(", ")"}
                                   or self.doc[start].ent_type_ in {"DATE", "TIME"}):  # "On 14 September police"
            start += 1
        end = token.i + 1
        if token.text[:1].isupper():
            # a name of a body runs on through "of", "on" or "for" and a capitalised object: "Ministry of
            # Foreign Affairs", "Inter-American Commission on Human Rights"
            of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ in {"of", "on", "for"}), None)
            inner = [t for t in of.subtree] if of is not None else []
            # where the body sits is not its name: "the Court of Grave Crimes in Baku"
            # nor is a second body joined to it: "... on Human Rights and the Office of ..."
            inner = next((inner[:k] for k, t in enumerate(inner) if k and (t.lower_ in _PLACE_WORDS or t.pos_ == "CCONJ"
                          and t.i + 1 < len(self.doc) and self.doc[t.i + 1].pos_ == "DET")), inner)
            if any(t.ent_type_ in {"DATE", "TIME"} for t in inner):
                inner = []  # a day is no part of a name: "Police on Sunday detained", "the Foreign Ministry on Friday"
            if inner and all(t.text[:1].isupper() or t.pos_ in {"ADP", "CCONJ", "DET", "PUNCT"} for t in inner[1:]):
                end = inner[-1].i + 1
        if end == token.i + 1:
            end = self._of_state_end(token) or self._of_kind_end(token) or end
        # names keep their spelling ("Sri Lankan army", "Chinese-led"); common nouns are lower-cased
        return "".join((t.text if self._proper(t) else t.lower_) + t.whitespace_
                       for t in self.doc[start:end] if t.text not in {"(", ")"}).strip()

    def _mention_actors_at(self, token: Token) -> list[str]:
        mention = self.resolved.mention_at(token)
        return list(mention.actor_ids) if mention is not None else []

    def _of_state_end(self, token: Token) -> int | None:
        """The end of a state named in the agent's "of" phrase, which belongs to its name as written:
        "the chargé d'affaires of the Russian Federation" (not its places: "... in Estonia")."""
        for pobj in _prep_objects(token, "of"):
            mention = self.resolved.mention_at(pobj)
            if mention is not None and any(self._is_state(a) for a in mention.actor_ids):
                return mention.end
        return None

    def _of_kind_end(self, token: Token) -> int | None:
        """The end of the "of" phrase that says which of a kind of people is meant, part of the name
        as written: "the families of the victims", "perpetrators of human rights violations" (not a
        clause or an aside after it: "... of the victims, who ...")."""
        if token.text[:1].isupper() or token.pos_ != "NOUN" or token.dep_ == "dobj" \
                and token.head.lemma_ in LEXICON.charging_verbs:
            return None
        of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None or self._mention_actors_at(pobj) or pobj.lower_ in _DEICTIC_OBJECTS \
                or pobj.lemma_.lower() in self.c.refs.class_nouns and all(c.dep_ == "det" for c in pobj.children):
            return None  # "the military leadership of the country" is the country's, named apart
        cut = [t.left_edge.i for t in pobj.subtree if t.dep_ in {"relcl", "acl", "appos", "prep"} and t.i > pobj.i]
        cut += [t.i for t in pobj.subtree if t.text in {",", "(", ";"}]
        return min([pobj.right_edge.i + 1, *cut])

    def _proper(self, token: Token) -> bool:
        return token.ent_type_ in _ORG_ENTS or token.i != self.sent.start and token.text[:1].isupper()

    # -- agents the base does not know ------------------------------------------------------
    def _agent(self, token: Token | None, generic: bool) -> list[str]:
        if token is not None and token.lower_.rstrip(".") in NAME_SUFFIXES and token.i >= 2 \
                and self.doc[token.i - 1].text == "," and self.doc[token.i - 2].ent_type_ == "PERSON":
            token = self.doc[token.i - 2]  # "Joseph R. Biden, Jr. spoke": the parser may take "Jr." as the subject
        found = self.actors(token)
        if token is None:
            return found
        if not found and generic:
            found = self._generic(token)
        if not found:
            # "International organizations, including the Inter-American Commission on Human Rights and
            # the OHCHR, have accused ...": the named members of a group that is no actor act ("Russian
            # aircraft including helicopter gunships" are an actor, Russia's)
            members = [t for word in ("including", "like") for t in _prep_objects(token, word)]
            found = [a for t in members for a in self._agent(t, generic)]
        if not generic:
            return found
        for conj in token.children:
            # "the Sudanese government and the rebels": a conjunct the base does not know is an agent too
            if conj.dep_ == "conj":
                found += [a for a in self._agent(conj, True) if a not in found]
        return found

    def _generic(self, token: Token) -> list[str]:
        """An agent that names no known actor: the state it belongs to ("Israeli troops", "rebels in
        the Ivory Coast", "Palestinians"), else a generic actor "?police", "?demonstrators" that keeps
        the event (the pipeline records it by name, with no actor id)."""
        if token.pos_ not in {"NOUN", "PROPN"} or token.ent_type_ in _DAY_ENTS:
            return []  # "on 7 September" is a day, never an agent
        if token.lemma_.lower() in self.book.agent_stop and not (token.pos_ == "PROPN" and token.ent_type_ == "ORG"):
            return []  # "the meeting", "the explosion"; but "the World Water Forum" is a body
        named = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == token.i + 1),
                     None)
        if named is not None and token.pos_ == "NOUN":
            # "the rights group Licadho", "the militant group Jama'at Nusrat al-Islam": the name it describes
            return self._agent(named, True)
        if token.lemma_.lower() in _QUANTITIES:
            # "thousands of students", "a group of refugees": the people counted are the agent
            inner = next((c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                          for c in p.children if c.dep_ == "pobj"), None)
            if inner is not None:
                return self._agent(inner, True)
        if _addressees(token) and token.dep_ not in _SUBJ and token.head.dep_ != "agent":
            # "called on all parties", never "both sides discussed": who acts are sides someone names
            return ["?" + " ".join(w.lower_ for w in token.subtree if w.i <= token.i)]
        if self.resolved.mention_at(token) is not None and self.resolved.mention_at(token).kind == "plural":
            return []
        if token.lemma_.lower() in LEXICON.spokespeople:
            spoken_for = self._spoken_for(token)
            if spoken_for:
                return spoken_for
        owner = self._affiliation(token, 0) or self._based_in(token) or self._followers_of(token)
        hit = self.c.agents.sector_of(token)
        if hit:
            body = next((a for t in _prep_objects(token, "of") for a in self.actors(t)
                         if not self._is_state(a) and not a.startswith("?")), None)
            if body is not None:
                return [body]  # "inspectors of the OSCE": the body they serve stands for them
            states = [a for t in _prep_objects(token, "of") + self._of_list_conjuncts(token) for a in self.actors(t)
                      if self._is_state(a)]
            if token.tag_ in {"NNS", "NNPS"} and len(states) > 1:
                return states  # "the presidents of the United States and Russia met": each for its state
            if owner is None:
                # "Russian MiG-31 fighter jets": a demonym anywhere in the phrase places it
                owner = next((s for t in self.doc[token.left_edge.i : token.i] for s in [self._demonym(t)] if s), None)
            named = self._body_named_before(token) if owner is None else None
            if named is not None:
                return [named]
            # "Russian and Ukrainian negotiators": each state's agents, each named with its own demonym
            others = self._conjoined_owners(token, owner) if owner else []
            sides = self._per_side(token, hit[1], [self._country_of(owner), *others]) if others else None
            if sides:
                return sides
            return [self._body(token, GenericAgent(self._phrase(token), hit[1], self._country_of(owner)).raw_id())]
        if owner and not (token.pos_ == "PROPN" and token.text[:1].isupper() and self.c.agents.institution(token)):
            # "Israeli bulldozers", "a newspaper based in Beirut": the state they belong to; "Russian and
            # Ukrainian delegations": each of the states
            return [owner, *self._conjoined_owners(token, owner)]
        named = self._body_named_before(token) if token.lemma_.lower() in self.c.agents.institutions else None
        if named is not None:
            return [named]  # "The party" after "the Bangladesh Nationalist Party"
        if token.pos_ != "PROPN" and token.ent_type_ not in _AGENT_ENTS:
            # a common noun that names no kind of actor and belongs to none is no agent: "the storm",
            # "the truck", "fans"
            return []
        sector = self.c.agents.institution(token)
        if sector is not None:
            # "the Foreign, Commonwealth and Development Office", "the Court of Grave Crimes": a body the
            # base does not know, its sector from its head noun, its country from its words
            # ("the Bangladesh Nationalist Party": a body of the state its name holds, not that state)
            country = next((s for t in self.doc[token.left_edge.i : token.i] for s in [self._demonym(t)] if s),
                           None) or (self._country_of(owner) if owner else None)
            agent = GenericAgent(self._phrase(token), sector, country or self._of_state(token))
            return [self._body(token, agent.raw_id())]
        words = [t for t in token.lefts if t.dep_ in {"compound", "amod"} and t.pos_ in {"NOUN", "PROPN", "ADJ"}]
        # names keep their spelling ("?APEC"); common nouns are lower-cased, wherever they stand
        return ["?" + " ".join(t.text if t.ent_type_ in _ORG_ENTS else t.lower_ for t in [*words, token])]

    def _body(self, token: Token, raw_id: str) -> str:
        """Remember a body named in full ("the Court of Grave Crimes") under its head noun."""
        if token.text[:1].isupper() and token.i != self.sent.start:
            self.state.bodies[token.lemma_.lower()] = raw_id
        return raw_id

    def note_bodies(self) -> None:
        """Remember every body the sentence names in full, acting or not ("arrested a key opposition
        figure from the Bangladesh Nationalist Party ... The party had called"), for a later "the party"."""
        for token in self.tokens:
            if token.pos_ == "PROPN" and token.dep_ != "compound" and token.i != self.sent.start \
                    and self.resolved.mention_at(token) is None and self.c.agents.institution(token):
                self._generic(token)

    def _body_named_before(self, token: Token) -> str | None:
        """"the same court", "the court" after "the Court of Grave Crimes": the body the document last
        named with that head noun, when the phrase adds no words of its own."""
        if token.text[:1].isupper() or token.tag_ in {"NNS", "NNPS"}:
            return None
        words = [t for t in token.lefts if t.dep_ not in {"det", "punct"} and t.lower_ != "same"]
        det = _child_det(token)
        if words or det not in {"the", "this", "that"}:
            return None
        return self.state.bodies.get(token.lemma_.lower())

    def _spoken_for(self, token: Token) -> list[str]:
        """The body or state an unnamed spokesperson speaks for: "an FCDO spokesperson", "the ministry's
        spokeswoman", "a spokesman for the Kremlin", "a Chinese foreign ministry spokesman"."""
        demonym = next((s for c in token.children if c.dep_ == "amod" for s in [self._demonym(c)] if s), None)
        owners = [c for c in token.children if c.dep_ in {"compound", "poss", "nmod"}]
        owners += _prep_objects(token, "for") + _prep_objects(token, "of")
        for owner in owners:
            found = self._agent(owner, True)
            if found and demonym and found[0].startswith("?") and raw_country(found[0]) is None:
                # "a Chinese foreign ministry spokesman": China's foreign ministry
                name, code = parse_raw_id(found[0])
                return [GenericAgent(name, (code or "GOV").split(".")[-1], demonym).raw_id()]
            if found:
                return found[:1]
            if owner.dep_ == "compound" and owner.text.isupper() and len(owner.text) > 1:
                return ["?" + owner.text]  # "an FCDO spokesperson": a body known by its acronym (tagged a noun)
        return [demonym] if demonym else []

    def _of_state(self, token: Token) -> str | None:
        """"the Ministry of Foreign Affairs of the Republic of Belarus": the state in its "of" phrases."""
        for pobj in _prep_objects(token, "of"):
            states = [a for a in self.actors(pobj) if self._is_state(a)] or self._place_state(pobj)
            if states:
                return states[0]
            inner = self._of_state(pobj)
            if inner:
                return inner
        return None

    def _country_of(self, actor_id: str | None) -> str | None:
        """The country (or organisation) code an owner gives an agent: a state's own code, else the
        actor's country ("NATO troops" → NATO)."""
        if actor_id is None or actor_id.startswith("?"):
            return None
        actor = self._known(actor_id)
        if actor is None:
            return None
        return actor.id if actor.type == "state" else actor.country

    def _own_states(self, actor_ids: list[str]) -> set[str]:
        """The states the actors belong to, known actors and generic agents alike ("?Sri Lankan
        army#LKA.MIL" → LKA): an act is not done "to" one's own state."""
        return {c for a in actor_ids for c in (self._country_of(a), raw_country(a), self._home_body(a)) if c}

    def _home_body(self, actor_id: str) -> str | None:
        """The organisation a known actor's code puts it in ("EU.EEAS" → EU: Borrell's "the bloc" is his
        own side, as the EU itself is)."""
        actor = self._known(actor_id) if not actor_id.startswith("?") else None
        if actor is None or actor.type == "state" or not actor.code:
            return None
        head = actor.code.split(".")[0]
        return head if head in _organisation_codes(self.c.kb) else None

    def _affiliation(self, token: Token, depth: int) -> str | None:
        """The actor an agent noun belongs to: its demonym, owner or compound, or the state it is in.
        A people is coded by the state it lives in: "Bosnian Serbs", "ethnic Albanians in Serbia"."""
        if self._is_minority(token):
            # "ethnic Albanians in Macedonia", "ethnic Turks ... Sweden's decision": a minority people
            # is coded by the state it lives in, which only the rest of the sentence can say
            return self._home_of_minority(token)
        own = self._demonym(token)
        for child in token.children:
            if child.dep_ in {"amod", "compound", "nmod", "poss"}:
                state = self._demonym(child) or self._led_by(child)
                if state and state != own:
                    return state
                found = self.actors(child) if self.resolved.mention_at(child) is not None else []
                if found and not (own and not self._is_state(found[0])):
                    return found[0]
        if own and depth > 0:
            return own
        if depth > 0:
            return None
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "of", "from", "throughout", "across"}:
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    found = [a for a in self.actors(pobj) if self._is_state(a)] or self._place_state(pobj)
                    if found:
                        return found[0]
                    owner = self._affiliation(pobj, depth + 1)
                    if owner:
                        return owner
        for acl in token.children:
            # "refugees fleeing the war in Liberia", "rebels operating in Macedonia": the state of the
            # place their own clause names
            if acl.dep_ == "acl" and acl.tag_ in {"VBG", "VBN"}:
                for pobj in [o for p in acl.children if p.dep_ == "prep" and p.lower_ in {"in", "from"}
                             for o in p.children if o.dep_ == "pobj"] + [
                        o for d in acl.children if d.dep_ == "dobj" for p in d.children
                        if p.dep_ == "prep" and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"]:
                    found = [a for a in self.actors(pobj) if self._is_state(a)] or self._place_state(pobj)
                    if found:
                        return found[0]
        return own

    def _state_named(self, token: Token) -> str | None:
        """The state a modifier names: a demonym ("Russian") or the state's own name ("Cameroon", "DPRK")."""
        state = self._demonym(token)
        if state is None and self.resolved.mention_at(token) is not None:
            state = next((a for a in self.actors(token) if self._is_state(a)), None)
        return state

    def _demonym(self, token: Token) -> str | None:
        """The state a demonym names, a multi-word one included ("Sri Lankan", "South Korean"); none
        inside a word of region or relation ("the Inter-American Commission", "pan-African")."""
        if token.i >= 2 and self.doc[token.i - 1].text == "-" and not self.doc[token.i - 2].whitespace_ \
                and self.doc[token.i - 2].lower_ in _SPANNING:
            return None
        state = self.c.kb.demonym(token.text)
        if state:
            return state
        mention = self.resolved.mention_at(token)
        if mention is not None and mention.kind == "demonym" and mention.actor_ids and \
                mention.end - 1 == token.i:
            return mention.actor_ids[0]
        return None

    def _is_minority(self, token: Token) -> bool:
        """"ethnic Albanians", "ethnic Albanian guerrillas", "the Turkish minority"."""
        if token.lemma_.lower() == "minority":
            return True
        mods = [c for c in token.children if c.dep_ in {"amod", "compound"}]
        mods += [g for c in mods for g in c.children if g.dep_ in {"amod", "advmod", "compound"}]
        return any(m.lower_ == "ethnic" for m in mods)

    def _home_of_minority(self, token: Token) -> str | None:
        """The one state a sentence names, other than the minority's own ("in Macedonia",
        "Sweden's decision"): a name, a capital or a place."""
        own = self._demonym(token) or next(
            (s for c in token.children if c.dep_ in {"amod", "compound"} for s in [self._demonym(c)] if s), None)
        for other in self.tokens:
            if other.i == token.i:
                continue
            mention = self.resolved.mention_at(other)
            if mention is not None and mention.kind in {"name", "metonym"}:
                states = [a for a in mention.actor_ids if self._is_state(a) and a != own]
            else:
                states = [a for a in self._place_state(other) if a != own] if other.dep_ == "pobj" else []
            if states:
                return states[0]
        return None

    def _based_in(self, token: Token) -> str | None:
        """"a newspaper based in east Beirut", "a group headquartered in Kabul": the state of the place."""
        for acl in token.children:
            if acl.dep_ != "acl" or acl.lemma_.lower() not in {"base", "headquarter", "locate"}:
                continue
            for pobj in _prep_objects(acl, "in"):
                found = [a for a in self.actors(pobj) if self._is_state(a)] or self._place_state(pobj)
                if found:
                    return found[0]
        return None

    def _followers_of(self, token: Token) -> str | None:
        """"supporters of former President X", "militants loyal to X": the country of the person they
        follow."""
        objects = _prep_objects(token, "of") + [o for c in token.children if c.dep_ == "amod"
                                                for o in _prep_objects(c, "to")]
        for pobj in objects:
            for actor_id in self.actors(pobj):
                actor = self._known(actor_id)
                if actor is not None and actor.type == "person" and actor.country:
                    return actor.country
        return None

    def _learned(self, actor_id: str) -> Actor | None:
        return next((a for a in self.resolved.learned if a.id == actor_id), None)

    def _known(self, actor_id: str) -> Actor | None:
        """The actor of the base, else the one this document taught the resolver (None for a generic)."""
        return self.c.kb.get(actor_id) or self._learned(actor_id)

    def _led_by(self, token: Token) -> str | None:
        """"Vietnamese-led forces": the state that leads them."""
        if token.lemma_.lower() != "lead" or token.tag_ != "VBN":
            return None
        return next((s for c in token.children if c.dep_ in {"npadvmod", "compound", "amod"}
                     for s in [self.c.kb.demonym(c.text)] if s), None)

    def _place_state(self, token: Token, gazetteer: bool = False) -> list[str]:
        """"demonstrators in Baghdad": a capital named as a place is in its state; with ``gazetteer``,
        any city the gazetteer knows (only where the place is what an act is done to, not where a
        thing stands: "masonry in central London" is no British agent)."""
        if token.ent_type_ != "GPE":
            # "shelled Kharkiv": a city the tagger missed but the gazetteer knows, where an act is done to it
            return self._gazetteer_place_state(token) if gazetteer else []
        ent = entity_at(token)
        if ent is None:
            return []
        states = [a for a in self.c.kb.lookup(ent.text) if self._is_state(a)][:1]
        if not states and gazetteer:
            # a city the base does not hold is in the state the gazetteer puts it ("Kirkuk", "Abidjan")
            country = place_country(ent.text)
            states = [country] if country and self._is_state(country) else []
        return states

    def _gazetteer_place_state(self, token: Token) -> list[str]:
        """The state of the gazetteer place the token is the head of, if any."""
        if token.pos_ != "PROPN" or token.ent_type_ == "PERSON":
            return []
        name = next((m.name for m in find_places(token.sent)
                     for span in [token.doc.char_span(m.start, m.end, alignment_mode="expand")]
                     if span is not None and span.root.i == token.i), None)
        if name is None and not any(t.pos_ == "PROPN" for t in token.lefts):
            name = token.text  # a one-word name the curated gazetteer lacks ("Belgorod"): GeoNames
        country = place_country(name) if name else None
        return [country] if country and self._is_state(country) else []

    def _is_state(self, actor_id: str) -> bool:
        actor = self.c.kb.get(actor_id)
        return actor is not None and actor.type == "state"

    def _name_after(self, token: Token) -> list[str]:
        """"the UN Assistant High Commissioner for Refugees, Ruvendrini Menikdiwela": a title followed
        by a comma and a name is that person, wherever the parser hung the name."""
        if self.c.refs.title_key([t.text for t in token.lefts if t.dep_ == "compound"] + [token.text]) is None \
                and not (token.pos_ == "NOUN" and _prep_objects(token, "of")):
            # a common noun is a title when its "of" phrase names a place and then the person, as state
            # media write ("leader of the United States of America Joseph Biden"); the resolver's
            # ``name_after`` takes a name after an "of" place only when it follows the place at once
            return []
        mention = self.resolved.name_after(token)
        return list(mention.actor_ids) if mention is not None else []

    def _mention_actors(self, mention: DocMention) -> list[str]:
        if mention.kind == "pronoun" and self._speaker_as_third_person(mention):
            return []
        if mention.kind == "plural" and not mention.actor_ids:
            named = self._sides_named(mention)
            if not named and (len(self.state.last_meeting) < 2 or not _acting_subject(self.doc[mention.end - 1])):
                # the sides of a conflict the sentence names ("between A and B ..., called for the sides to
                # show restraint"), unless they are the subject of what follows talks ("the two leaders
                # discussed the conflict between A and B")
                named = self._sides_between()
            if named:
                return named
            if len(self.state.pact_sides) >= 2 and self.state.pact_sentence > self.state.last_meeting_sentence \
                    and self.doc[mention.start].lower_ not in {"they", "them"}:
                # "... a cessation of hostilities between A and B. We commend the parties"
                self.state.coded.plural_resolutions[mention.start] = list(self.state.pact_sides)
                return list(self.state.pact_sides)
            if self.doc[mention.start].lower_ == "they" and self.doc[mention.start].dep_ in {"nsubj", "nsubjpass"} \
                    and self.state.plural_agent and self.index - self.state.plural_agent_sentence == 1 \
                    and self.state.plural_agent_sentence > self.state.last_meeting_sentence \
                    and not _is_consult(self.doc[mention.start].head, self.book):
                # the agents named in the plural who acted in the sentence before, when "they" acts too
                # ("Police detained ... They also accused", "Burhan's forces advanced ... They retook")
                return [self.state.plural_agent]
            if self.doc[mention.start].lower_ == "them" and (earlier := self._plural_agent_before(mention.start)):
                return earlier
            if self.doc[mention.start].lower_ in {"they", "them"} and self.index - max(
                    self.state.last_meeting_sentence, self.state.last_sides_sentence) > _THEY_REACH:
                return []  # a bare "they" far from the talks is someone else
            if len(self.state.last_meeting) >= 2:
                self.state.coded.plural_resolutions[mention.start] = list(self.state.last_meeting)
                return list(self.state.last_meeting)
            return []
        if mention.kind == "demonym":
            return []
        return list(mention.actor_ids)

    def _plural_agent_before(self, start: int) -> list[str]:
        """"Protesters went berserk as the police used teargas against them": "them" is the nearest kind of
        agent named in the plural earlier in the sentence, other than the subject of the clause that
        acts on them (who would be "themselves")."""
        pronoun = self.doc[start]
        clause = next((a for a in pronoun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        acting = {t.i for t in clause.subtree if t.dep_ in {"nsubj", "nsubjpass"} and t.head.i == clause.i} \
            if clause is not None else set()
        for token in reversed(self.doc[self.sent.start : start]):
            if token.tag_ != "NNS" or token.i in acting or self.resolved.mention_at(token) is not None:
                continue
            if self.c.agents.sector_of(token):
                return self._generic(token)
        return []

    def _speaker_as_third_person(self, mention: DocMention) -> bool:
        """"If he thinks he can overwhelm (Eritrean forces), he is mistaken," Afwerki told: in what a
        speaker says, "he" or "she" is someone else (a speaker says "I")."""
        speaker = self.state.quote_speakers.get(self.index)
        return speaker is not None and speaker in mention.actor_ids and self._quoted_other(self.doc[mention.start])

    def _quoted_other(self, token: Token) -> bool:
        """A third-person "he" or "she" inside a quote: never the quote's speaker."""
        return token.lower_ in {"he", "she", "him", "her", "his"} and _inside(token.idx, self.state.quotes)

    def _sides_between(self) -> list[str]:
        """"escalation between Armenian and Azerbaijani forces, ... called for the sides to show
        restraint": the two states a "between" phrase of the sentence names, by name or adjective."""
        if self._reading_between:
            return []  # "talks between the two presidents": the plural inside the phrase is no side of it
        self._reading_between = True
        try:
            return self._between_sides()
        finally:
            self._reading_between = False

    def _between_sides(self) -> list[str]:
        for prep in (t for t in self.tokens if t.lower_ == "between" and t.dep_ == "prep"):
            found: list[str] = []
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for node in [pobj, *(c for c in pobj.children if c.dep_ == "conj")]:
                    mods = [c for c in node.children if c.dep_ in {"amod", "compound"}]
                    for word in [node, *mods, *(c for m in mods for c in m.children if c.dep_ == "conj")]:
                        side = self.c.kb.demonym(word.text) or next(
                            (a for a in self.actors(word) if not a.startswith("?")), None)
                        if side and side not in found:
                            found.append(side)
            if len(found) == 2:
                return found
        return []

    def _sides_named(self, mention: DocMention) -> list[str]:
        """"the Turkish and Greek sides": the states their adjectives name."""
        head = self.doc[mention.end - 1]
        found: list[str] = []
        for mod in head.children:
            if mod.dep_ != "amod":
                continue
            for word in [mod, *(c for c in mod.children if c.dep_ == "conj")]:
                state = self.c.kb.demonym(word.text)
                if state and state not in found:
                    found.append(state)
        return found

    def _is_plural_ref(self, token: Token | None) -> bool:
        mention = self.resolved.mention_at(token) if token is not None else None
        return mention is not None and mention.kind == "plural" and not mention.actor_ids


# nouns that, with "all" or "both" and no sides of talks to refer to, name the parties an appeal or a
# reminder is addressed to ("called on all parties", "urged both sides", "urged all States")
_ADDRESSEE_NOUNS = frozenset({"party", "side", "state", "stakeholder", "actor", "belligerent"})
_DAY_ENTS = frozenset({"DATE", "TIME"})
_STRIFE_NOUNS = frozenset({"conflict", "war", "fighting", "hostilities", "dispute", "crisis"})


@lru_cache(maxsize=4)
def _organisation_codes(kb: ActorKB) -> frozenset[str]:
    """The codes of the base's intergovernmental organisations ("EU", "UN", "NATO"), not the codes of
    kinds ("NGO", "IGO")."""
    return frozenset(a.code for a in kb.actors() if a.type == "organisation" and a.code and "." not in a.code
                     and a.code not in {"NGO", "IGO"} and (kb.get(a.code) is None or kb.get(a.code).type != "state"))


def _addressees(token: Token) -> bool:
    lemma = token.lemma_.lower()
    singular = lemma[:-1] if lemma.endswith("s") else lemma  # the parser keeps "States" as its own lemma
    # "all parties", "both sides", "the parties to the conflict": whoever takes part, not the sides of talks
    return (lemma in _ADDRESSEE_NOUNS or singular in _ADDRESSEE_NOUNS) and token.tag_ in {"NNS", "NNPS"} and (any(
        c.dep_ in {"det", "predet"} and c.lower_ in {"all", "both"} for c in token.children)
        or any(t.lemma_.lower() in _STRIFE_NOUNS for t in _prep_objects(token, "to")))


def _child_det(token: Token) -> str | None:
    return next((c.lower_ for c in token.children if c.dep_ == "det"), None)


def _acting_subject(token: Token) -> bool:
    """The subject of a clause of its own, not of one asked for ("called for the sides to show")."""
    return token.dep_ in _SUBJ and not any(c.dep_ == "mark" and c.lower_ == "for" for c in token.head.children)

"""The sentence coder's word lists and code sets, read from ``data/coder.yaml``.

In: the YAML file (every key required, no other accepted). Out: ``LEXICON``, a frozen ``CoderLexicon``
of frozensets (and the ordered target prepositions) that the coder's parts consult.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from tidings.datafiles import load_mapping, packaged_text
from tidings.errors import DataFileError

__all__ = ["LEXICON", "CoderLexicon", "act_kind"]


@dataclass(frozen=True)
class CoderLexicon:
    modals: frozenset[str]
    intent_heads: frozenset[str]
    hypothetical_mods: frozenset[str]
    victim_preps: frozenset[str]
    measures: frozenset[str]
    place_nouns: frozenset[str]
    place_preps: frozenset[str]
    quantities: frozenset[str]
    personal: frozenset[str]
    anaphors: frozenset[str]
    target_preps: tuple[str, ...]
    voice_roots: frozenset[str]
    speech_roots: frozenset[str]
    material_roots: frozenset[str]
    private_sectors: frozenset[str]
    victim_sectors: frozenset[str]
    describing_verbs: frozenset[str]
    meeting_nouns: frozenset[str]
    pact_nouns: frozenset[str]
    document_nouns: frozenset[str]
    spokespeople: frozenset[str]
    enforcers: dict[str, str]
    act_nouns: frozenset[str]
    act_kinds: dict[str, str]
    patient_acts: frozenset[str]
    warning_verbs: frozenset[str]
    issuing_verbs: frozenset[str]
    suffering_verbs: frozenset[str]
    unarmed_sectors: frozenset[str]
    charging_verbs: frozenset[str]
    attributes: frozenset[str]

    @classmethod
    def load(cls, text: str | None = None, name: str = "coder.yaml") -> CoderLexicon:
        keys = {f.name for f in fields(cls)}
        raw = load_mapping(packaged_text(name) if text is None else text, name, keys, keys, what="word lists")
        values = {}
        for key in keys:
            items = raw[key]
            if key in {"enforcers", "act_kinds"}:
                if not isinstance(items, dict) or not all(isinstance(v, str) for v in items.values()):
                    raise DataFileError(name, f"{key}: expected a map of words to words")
                values[key] = {str(k): v for k, v in items.items()}
                continue
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise DataFileError(name, f"{key}: expected a list of words")
            values[key] = tuple(items) if key == "target_preps" else frozenset(items)
        return cls(**values)


LEXICON = CoderLexicon.load()


def act_kind(lemma: str) -> str:
    """The kind of act a word names, one word for its synonyms ("exercise", "drill" → "drill")."""
    return LEXICON.act_kinds.get(lemma, lemma)

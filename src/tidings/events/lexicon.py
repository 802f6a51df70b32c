"""The sentence coder's word lists and code sets, read from ``data/coder.yaml``.

In: the YAML file (every key required, no other accepted). Out: ``LEXICON``, a frozen ``CoderLexicon``
of frozensets (and the ordered target prepositions) that the coder's parts consult.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from importlib import resources

import yaml

from tidings.errors import DataFileError

__all__ = ["LEXICON", "CoderLexicon"]


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

    @classmethod
    def load(cls, text: str | None = None, name: str = "coder.yaml") -> CoderLexicon:
        if text is None:
            text = resources.files("tidings.data").joinpath(name).read_text("utf-8")
        try:
            raw = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise DataFileError(name, f"not valid YAML: {exc}") from None
        keys = {f.name for f in fields(cls)}
        if not isinstance(raw, dict) or set(raw) != keys:
            got = set(raw) if isinstance(raw, dict) else set()
            raise DataFileError(name, f"unknown keys {sorted(got - keys)}, missing keys {sorted(keys - got)}")
        values = {}
        for key in keys:
            items = raw[key]
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise DataFileError(name, f"{key}: expected a list of words")
            values[key] = tuple(items) if key == "target_preps" else frozenset(items)
        return cls(**values)


LEXICON = CoderLexicon.load()

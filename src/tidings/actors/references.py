"""The reference-word lexicon (titles, plurals, collectives, pronouns) read from ``data/references.yaml``.

In: the YAML file. Out: a frozen ``References`` object the resolver and the coder consult.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from tidings.errors import DataFileError

__all__ = ["References", "TitleInfo"]


@dataclass(frozen=True)
class TitleInfo:
    key: str
    sector: str
    generic: bool
    relative: bool = False  # names someone by relation to its owner: "his Russian counterpart"


@dataclass(frozen=True)
class References:
    titles: dict[str, TitleInfo]
    sector_words: dict[str, str]
    plural_participants: frozenset[str]
    plural_states: frozenset[str]
    collectives: frozenset[str]
    pronoun_gender: dict[str, str]
    named_after: frozenset[str] = frozenset()
    honorifics: tuple[tuple[str, ...], ...] = ()  # courtesy titles, longest first ("tan sri", "dr")
    class_nouns: dict[str, str] = field(default_factory=dict)  # "the country" -> state, "the bloc" -> igo
    portfolios: frozenset[str] = frozenset()  # "foreign affairs": what a ministry is of

    @classmethod
    def load(cls, path: Path | None = None) -> References:
        if path is None:
            text = resources.files("tidings.data").joinpath("references.yaml").read_text("utf-8")
            name = "references.yaml"
        else:
            text, name = path.read_text("utf-8"), str(path)
        try:
            raw = yaml.safe_load(text)
            titles = {
                k.lower(): TitleInfo(k.lower(), v["sector"], bool(v.get("generic", False)),
                                     bool(v.get("relative", False)))
                for k, v in raw["titles"].items()
            }
            genders = {w: g for g, words in raw["pronouns"].items() for w in words}
            return cls(
                titles=titles,
                sector_words={k.lower(): v for k, v in raw["sector_words"].items()},
                plural_participants=frozenset(w.lower() for w in raw["plural_participants"]),
                plural_states=frozenset(w.lower() for w in raw["plural_states"]),
                collectives=frozenset(w.lower() for w in raw["collectives"]),
                pronoun_gender=genders,
                named_after=frozenset(w.lower() for w in raw.get("named_after", [])),
                honorifics=tuple(sorted((tuple(w.lower().split()) for w in raw.get("honorifics", [])),
                                        key=len, reverse=True)),
                class_nouns=_class_nouns(raw.get("class_nouns", {})),
                portfolios=frozenset(w.lower() for w in raw.get("portfolios", [])),
            )
        except (yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
            raise DataFileError(name, f"malformed reference lexicon: {exc}") from exc

    def title_key(self, words: list[str]) -> str | None:
        """The longest title at the end of ``words`` ("deputy foreign minister" before "minister")."""
        lowered = [w.lower() for w in words]
        for size in range(min(4, len(lowered)), 0, -1):
            key = " ".join(lowered[-size:])
            if key in self.titles:
                return key
        return None


_CLASSES = frozenset({"state", "group", "organisation", "igo"})


def _class_nouns(raw: dict[str, str]) -> dict[str, str]:
    unknown = sorted(v for v in raw.values() if v not in _CLASSES)
    if unknown:
        raise KeyError(f"class_nouns: unknown class {unknown[0]!r} (one of {', '.join(sorted(_CLASSES))})")
    return {k.lower(): v for k, v in raw.items()}

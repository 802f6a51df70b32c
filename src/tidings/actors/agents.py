"""Generic agents: nouns that name a kind of actor ("riot police", "protesters", "the army").

In: ``data/agents.yaml`` (curated) and, where present, ``data/agents_petrarch2.yaml`` (derived from
PETRARCH2's agent dictionary; curated terms win). Out: an ``AgentBook`` that tells the coder whether a
noun phrase head names a generic agent and with which sector (CAMEO agent code: COP, MIL, CVL...).
The country of an agent is not here: the coder takes it from the sentence and the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from tidings.datafiles import load_mapping
from tidings.errors import DataFileError

__all__ = ["AgentBook", "GenericAgent", "SECTORS", "parse_raw_id", "raw_country"]

SECTORS = frozenset({
    "GOV", "MIL", "COP", "JUD", "OPP", "REB", "INS", "MED", "CVL", "REF", "PTY", "BUS", "NGO", "IGO",
    "LEG", "SPY", "CRM", "LAB", "EDU", "HLH", "ELI", "AGR", "DIP", "REL", "UAF", "SEC",
})
_FIELDS = {"term", "sector", "mass"}
_FILES = ("agents.yaml", "agents_petrarch2.yaml")


@dataclass(frozen=True)
class GenericAgent:
    """A generic agent found in text: its words as written, its sector, and its country if known."""

    name: str
    sector: str
    country: str | None = None

    def raw_id(self) -> str:
        """The coder's id for an actor the base does not hold: ``?words#COUNTRY.SECTOR``."""
        return f"?{self.name}#{self.country or ''}.{self.sector}"


def parse_raw_id(raw: str) -> tuple[str, str | None]:
    """``?riot police#BLR.COP`` → ("riot police", "BLR.COP"); ``?police#.COP`` → ("police", "COP");
    ``?gunmen`` → ("gunmen", None)."""
    body = raw[1:]
    name, _, code = body.partition("#")
    if not code:
        return name, None
    country, _, sector = code.partition(".")
    return name, f"{country}.{sector}" if country else sector


def raw_country(raw: str | None) -> str | None:
    """The country of a generic agent's raw id (``?Sri Lankan army#LKA.MIL`` → "LKA"); None for an
    actor id or an agent placed nowhere."""
    if raw is None or not raw.startswith("?"):
        return None
    code = parse_raw_id(raw)[1]
    return code.split(".")[0] if code and "." in code else None


@dataclass(frozen=True)
class AgentBook:
    terms: dict[str, str]  # lemma phrase → sector
    longest: int
    institutions: dict[str, str] = field(default_factory=dict)  # head noun of a named body → sector
    mass: frozenset[str] = frozenset()  # terms whose bare singular is an abstract noun ("use force")

    @classmethod
    def load(cls, paths: tuple[Path, ...] = ()) -> AgentBook:
        terms: dict[str, str] = {}
        institutions: dict[str, str] = {}
        mass: set[str] = set()
        sources: list[tuple[str, str]] = []
        for name in _FILES:
            ref = resources.files("tidings.data").joinpath(name)
            if ref.is_file():
                sources.append((name, ref.read_text("utf-8")))
        sources += [(str(p), p.read_text("utf-8")) for p in paths]
        for index, (name, text) in enumerate(sources):
            # curated first: a later (derived) file never overrides a term; user files (last) do
            override = index >= len(_FILES) or name == _FILES[0]
            entries, heads = _entries(name, text)
            institutions.update(heads)
            for term, sector, is_mass in entries:
                if override or term not in terms:
                    terms[term] = sector
                    mass.discard(term)
                    if is_mass:
                        mass.add(term)
        return cls(terms, max((t.count(" ") + 1 for t in terms), default=1), institutions, frozenset(mass))

    def institution(self, token: Token) -> str | None:
        """The sector of a named body by its head noun ("Ministry" → GOV, "Court" → JUD): only for a
        capitalised head, which is a name, not a description ("the court said")."""
        if not token.text[:1].isupper() or token.i == token.sent.start and token.pos_ != "PROPN":
            return None
        return self.institutions.get(token.lemma_.lower()) or self.institutions.get(token.lower_)

    def sector_of(self, token: Token) -> tuple[str, str] | None:
        """(term, sector) for a noun whose lemma, with the modifiers just before it, is a listed term:
        "riot police" before "police"; None for a noun that names no kind of actor."""
        if token.pos_ not in {"NOUN", "PROPN"}:
            return None
        mods = [t for t in token.lefts if t.dep_ in {"compound", "amod"} and t.i < token.i]
        head = token.lemma_.lower()
        for size in range(min(len(mods), self.longest - 1), -1, -1):
            near = mods[len(mods) - size:]
            # a plural modifier keeps its form: "rights groups" is not "right group"
            for words in dict.fromkeys((tuple(m.lemma_.lower() for m in near), tuple(m.lower_ for m in near))):
                for last in (head, token.lower_):
                    term = " ".join([*words, last])
                    if term in self.terms and not (term in self.mass and _bare_singular(token)):
                        return term, self.terms[term]
        return None


def _bare_singular(token: Token) -> bool:
    """A singular noun with no determiner, number, owner or modifier: "threatened to use force"."""
    return token.tag_ == "NN" and not any(
        c.dep_ in {"det", "nummod", "poss", "amod", "compound", "nmod"} for c in token.lefts)


def _entries(name: str, text: str) -> tuple[list[tuple[str, str, bool]], dict[str, str]]:
    raw = load_mapping(text, name, {"agents", "institutions"}, {"agents"}, what="an 'agents' list")
    if not isinstance(raw["agents"], list):
        raise DataFileError(name, "agents: expected a list of {term, sector}")
    heads = raw.get("institutions") or {}
    if not isinstance(heads, dict) or any(str(v).upper() not in SECTORS for v in heads.values()):
        raise DataFileError(name, "'institutions' maps head nouns to known sectors")
    institutions = {str(k).lower(): str(v).upper() for k, v in heads.items()}
    out = []
    for i, entry in enumerate(raw["agents"]):
        if not isinstance(entry, dict) or set(entry) - _FIELDS or not {"term", "sector"} <= set(entry):
            raise DataFileError(name, f"agent {i}: needs the keys term and sector (and may have mass), got {entry!r}")
        term, sector = str(entry["term"]).strip().lower(), str(entry["sector"]).strip().upper()
        if sector not in SECTORS:
            raise DataFileError(name, f"agent {i} ({term}): unknown sector {sector!r}")
        mass = entry.get("mass", False)
        if not isinstance(mass, bool):
            raise DataFileError(name, f"agent {i} ({term}): 'mass' is true or false, got {mass!r}")
        out.append((term, sector, mass))
    return out, institutions

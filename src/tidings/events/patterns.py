"""Load and validate the event pattern book (``data/verbs.yaml``).

In: the YAML pattern file (and optionally a user file whose patterns come first).
Out: a frozen ``PatternBook`` indexed by lemma, read by the coder.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tidings.datafiles import load_mapping
from tidings.errors import DataFileError
from tidings.events.codebook import Codebook

__all__ = ["Accusation", "Modality", "NounPattern", "PatternBook", "VerbPattern"]

_VERB_KEYS = frozenset({
    "id", "lemmas", "code", "targets", "particle", "object", "object_code", "object_mod_code", "object_kind",
    "requires", "symmetric", "context_target", "intent_for", "needs_intent", "source_from", "inherit_target",
    "requires_target", "patient_source", "stative", "received", "political_source", "bare", "armed_source",
    "held",
})
_TARGET_KINDS = ("dobj", "dative", "prep:", "obj.prep:", "obj.poss", "xcomp.dobj", "ccomp.nsubj", "for.nsubj", "acomp",
                 "predicate.nsubj")


@dataclass(frozen=True)
class VerbPattern:
    id: str
    lemmas: tuple[str, ...]
    code: str
    targets: tuple[str, ...] = ()
    particle: str | None = None
    objects: frozenset[str] | None = None
    object_code: dict[str, str] = field(default_factory=dict)
    object_mod_code: dict[str, str] = field(default_factory=dict)
    object_kind: str | None = None
    requires: tuple[str, ...] = ()
    symmetric: bool = False
    context_target: bool = False
    intent_for: str | None = None
    needs_intent: bool = False
    source_from: str | None = None
    inherit_target: bool = False
    requires_target: bool = False
    patient_source: bool = False
    stative: bool = False
    received: bool = False  # "drew criticism from X": X is the source, the subject (or its doer) the target
    political_source: bool = False  # people at large do not do it ("refugees traveled to Poland" is no visit)
    bare: bool = False  # fits only with nothing asked: "called on the Crown Prince" is a courtesy call
    armed_source: bool = False  # no person does it: "Trump clashed with Zelensky" is no fighting
    held: bool = False  # "has been in custody since": the subject is held by the enforcers of the setting

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects) + len(self.requires) + bool(self.particle) + bool(self.object_kind)


@dataclass(frozen=True)
class NounPattern:
    id: str
    lemmas: tuple[str, ...]
    code: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    symmetric: bool = False
    requires_mod: frozenset[str] = frozenset()
    optional_target: bool = False
    subject_of: frozenset[str] = frozenset()
    generic_target: bool = False  # a kind of actor may be the target ("his call for the military to")


@dataclass(frozen=True)
class Accusation:
    code: str
    needs_modifier: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Modality:
    """How a verb's code changes when the act is announced rather than done (``modality:`` in
    verbs.yaml): "X will / is ready to DO" is an intent (03x) for a cooperative act and a threat (13x)
    for a hostile one; "X will not DO" a cooperative act is a refusal (12x)."""

    future: frozenset[str] = frozenset()
    speculative: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()
    conditions: frozenset[str] = frozenset()
    pledges: frozenset[str] = frozenset()
    obligation: frozenset[str] = frozenset()
    advice: frozenset[str] = frozenset()
    failures: frozenset[str] = frozenset()
    decisions: frozenset[str] = frozenset()
    wishes: frozenset[str] = frozenset()
    demand_nouns: frozenset[str] = frozenset()
    necessity: frozenset[str] = frozenset()
    demand: dict[str, str] = field(default_factory=dict)
    appeal: dict[str, str] = field(default_factory=dict)
    intent: dict[str, str] = field(default_factory=dict)
    threat: dict[str, str] = field(default_factory=dict)
    refusal: dict[str, str] = field(default_factory=dict)

    @staticmethod
    def lookup(table: dict[str, str], code: str) -> str | None:
        """The entry of the longest prefix of ``code`` in ``table`` ("0841" before "08")."""
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                return table[code[:n]]
        return None

    def codes(self) -> set[str]:
        return set(self.intent.values()) | set(self.threat.values()) | set(self.refusal.values()) | set(
            self.demand.values()) | set(self.appeal.values())


@dataclass(frozen=True)
class PatternBook:
    verbs: dict[str, tuple[VerbPattern, ...]]
    nouns: dict[str, tuple[NounPattern, ...]]  # lemma → its patterns, the first that codes wins
    frames: frozenset[str]
    speaker_dobj: frozenset[str]
    nominal_content: frozenset[str]
    accusing: frozenset[str]  # reporting verbs that accuse the subject of what they report ("alleged that X")
    accusations: dict[str, Accusation]
    hostile: frozenset[str]
    hostile_code: str
    appeals: frozenset[str]
    intent_nouns: frozenset[str]
    intent_verbs: frozenset[str]
    intent_code: str
    intent_meeting_code: str
    modality: Modality = field(default_factory=Modality)
    agent_stop: frozenset[str] = frozenset()
    instruments: frozenset[str] = frozenset()

    @classmethod
    def load(cls, extra: Sequence[Path] = (), derived: bool = True) -> PatternBook:
        """The curated book, the user's files before it, and (``derived``) the verb patterns converted
        from PETRARCH2 (``verbs_petrarch2.yaml``) after it: a derived pattern is tried for a lemma only
        when none of its curated or user patterns fits."""
        base = resources.files("tidings.data").joinpath("verbs.yaml").read_text("utf-8")
        raw = _parse(base, "verbs.yaml")
        user_verbs: list[dict[str, Any]] = []
        for path in extra:
            user = _parse(path.read_text("utf-8"), str(path))
            user_verbs.extend(user.get("verbs", []))
        try:
            book = cls._build(raw, user_verbs)
        except (KeyError, TypeError, ValueError) as exc:
            raise DataFileError("verbs.yaml", f"malformed pattern: {exc}") from exc
        return book._with_derived() if derived else book

    def _with_derived(self, text: str | None = None) -> PatternBook:
        name = "verbs_petrarch2.yaml"
        if text is None:
            text = resources.files("tidings.data").joinpath(name).read_text("utf-8")
        codebook = Codebook.load()
        derived: dict[str, list[VerbPattern]] = {}
        try:  # the C loader: the derived book is large
            raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as exc:
            raise DataFileError(name, f"not valid YAML: {exc}") from exc
        if not isinstance(raw, dict) or not isinstance(raw.get("verbs"), list):
            raise DataFileError(name, "expected a mapping with a 'verbs' list")
        for index, entry in enumerate(raw["verbs"]):
            try:
                unknown = set(entry) - _VERB_KEYS
                if unknown:
                    raise ValueError(f"unknown keys {sorted(unknown)}")
                pattern = _verb_pattern(entry)
                bad = [c for c in {pattern.code, *pattern.object_code.values()} if not codebook.is_code(c)]
                if bad:
                    raise ValueError(f"codes not in the codebook: {sorted(bad)}")
            except (KeyError, TypeError, ValueError) as exc:
                raise DataFileError(name, f"pattern {index} ({entry.get('id', '?')}): {exc}") from exc
            for lemma in pattern.lemmas:
                derived.setdefault(lemma, []).append(pattern)
        verbs = dict(self.verbs)
        for lemma, patterns in derived.items():
            # below every curated pattern of the lemma, the more specific derived ones first
            verbs[lemma] = (*verbs.get(lemma, ()), *sorted(patterns, key=lambda p: -p.specificity))
        return replace(self, verbs=verbs)

    @classmethod
    def _build(cls, raw: dict[str, Any], user_verbs: list[dict[str, Any]]) -> PatternBook:
        verbs: dict[str, list[VerbPattern]] = {}
        for entry in [*user_verbs, *raw["verbs"]]:
            pattern = _verb_pattern(entry)
            for lemma in pattern.lemmas:
                verbs.setdefault(lemma, []).append(pattern)
        nouns: dict[str, tuple[NounPattern, ...]] = {}
        for entry in raw["nouns"]:
            noun = NounPattern(
                id=entry["id"],
                lemmas=tuple(entry["lemmas"]),
                code=str(entry["code"]),
                sources=tuple(entry.get("sources", [])),
                targets=tuple(entry.get("targets", [])),
                symmetric=bool(entry.get("symmetric", False)),
                requires_mod=frozenset(entry.get("requires_mod", [])),
                optional_target=bool(entry.get("optional_target", False)),
                subject_of=frozenset(entry.get("subject_of", [])),
                generic_target=bool(entry.get("generic_target", False)),
            )
            for lemma in noun.lemmas:
                nouns[lemma] = (*nouns.get(lemma, ()), noun)
        frames = raw["frames"]
        intents = raw["intents"]
        return cls(
            # user patterns first, then the more specific ones: the first that fits wins
            verbs={k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in verbs.items()},
            nouns=nouns,
            frames=frozenset(frames["lemmas"]),
            speaker_dobj=frozenset(frames.get("speaker_dobj", [])),
            nominal_content=frozenset(frames.get("nominal_content", [])),
            accusing=frozenset(frames.get("accusing", [])),
            accusations={k: _accusation(v) for k, v in raw["accusations"].items()},
            hostile=frozenset(raw["hostile"]["lemmas"]),
            hostile_code=str(raw["hostile"]["code"]),
            appeals=frozenset(raw["appeals"]),
            intent_nouns=frozenset(intents["nouns"]),
            intent_verbs=frozenset(intents["verbs"]),
            intent_code=str(intents["code"]),
            intent_meeting_code=str(intents["meeting_code"]),
            modality=_modality(raw.get("modality", {})),
            agent_stop=frozenset(raw.get("agents", {}).get("not_agents", [])),
            instruments=frozenset(raw.get("agents", {}).get("instruments", [])),
        )

    def codes(self) -> set[str]:
        """Every CAMEO code the book can emit (validated against the codebook by tests)."""
        found = {p.code for ps in self.verbs.values() for p in ps}
        found |= {c for ps in self.verbs.values() for p in ps for c in p.object_code.values()}
        found |= {c for ps in self.verbs.values() for p in ps for c in p.object_mod_code.values()}
        found |= {p.intent_for for ps in self.verbs.values() for p in ps if p.intent_for}
        found |= {n.code for group in self.nouns.values() for n in group} | {a.code for a in self.accusations.values()}
        found |= self.modality.codes()
        return found | {self.hostile_code, self.intent_code, self.intent_meeting_code}


def _parse(text: str, name: str) -> dict[str, Any]:
    return load_mapping(text, name, what="'verbs', 'nouns', 'frames', ...")


def _verb_pattern(entry: dict[str, Any]) -> VerbPattern:
    targets = tuple(entry.get("targets", []))
    for target in targets:
        if not target.startswith(_TARGET_KINDS):
            raise ValueError(f"{entry['id']}: unknown target path {target!r}")
    objects = entry.get("object")
    return VerbPattern(
        id=entry["id"],
        lemmas=tuple(entry["lemmas"]),
        code=str(entry["code"]),
        targets=targets,
        particle=entry.get("particle"),
        objects=frozenset(objects) if objects else None,
        object_code=dict(entry.get("object_code", {})),
        object_mod_code=dict(entry.get("object_mod_code", {})),
        object_kind=entry.get("object_kind"),
        requires=tuple(entry.get("requires", [])),
        symmetric=bool(entry.get("symmetric", False)),
        context_target=bool(entry.get("context_target", False)),
        intent_for=entry.get("intent_for"),
        needs_intent=bool(entry.get("needs_intent", False)),
        source_from=entry.get("source_from"),
        inherit_target=bool(entry.get("inherit_target", False)),
        requires_target=bool(entry.get("requires_target", False)),
        patient_source=bool(entry.get("patient_source", False)),
        stative=bool(entry.get("stative", False)),
        received=bool(entry.get("received", False)),
        political_source=bool(entry.get("political_source", False)),
        bare=bool(entry.get("bare", False)),
        armed_source=bool(entry.get("armed_source", False)),
        held=bool(entry.get("held", False)),
    )


def _modality(raw: dict[str, Any]) -> Modality:
    unknown = sorted(set(raw) - {f.name for f in fields(Modality)})
    if unknown:
        raise DataFileError("verbs.yaml", f"modality: unknown key(s) {unknown}")
    return Modality(
        future=frozenset(raw.get("future", [])),
        speculative=frozenset(raw.get("speculative", [])),
        heads=frozenset(raw.get("heads", [])),
        conditions=frozenset(raw.get("conditions", [])),
        pledges=frozenset(raw.get("pledges", [])),
        obligation=frozenset(raw.get("obligation", [])),
        advice=frozenset(raw.get("advice", [])),
        failures=frozenset(raw.get("failures", [])),
        decisions=frozenset(raw.get("decisions", [])),
        wishes=frozenset(raw.get("wishes", [])),
        demand_nouns=frozenset(raw.get("demand_nouns", [])),
        necessity=frozenset(raw.get("necessity", [])),
        demand={str(k): str(v) for k, v in raw.get("demand", {}).items()},
        appeal={str(k): str(v) for k, v in raw.get("appeal", {}).items()},
        intent={str(k): str(v) for k, v in raw.get("intent", {}).items()},
        threat={str(k): str(v) for k, v in raw.get("threat", {}).items()},
        refusal={str(k): str(v) for k, v in raw.get("refusal", {}).items()},
    )


def _accusation(value: str | dict[str, Any]) -> Accusation:
    if isinstance(value, dict):
        return Accusation(str(value["code"]), frozenset(value.get("needs_modifier", [])))
    return Accusation(str(value))

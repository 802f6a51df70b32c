"""The coder's working records: a raw event before dates, places and labels are added, the coded
document, a reporting frame, and what the coder remembers while reading a document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["CodedDoc", "RawEvent"]


@dataclass
class RawEvent:
    sentence: int
    trigger: int  # token index of the verb or noun
    source: str
    target: str | None
    code: str
    pattern: str
    evidence_start: int  # token indices, end exclusive
    evidence_end: int
    symmetric: bool = False
    speaker: str | None = None
    via: str | None = None
    negated: bool = False
    hypothetical: bool = False
    core: bool = True
    from_speech: bool = False
    target_inferred: bool = False  # the target comes from the context, not from the act's clause


@dataclass
class CodedDoc:
    events: list[RawEvent] = field(default_factory=list)
    plural_resolutions: dict[int, list[str]] = field(default_factory=dict)  # mention start token → actors


@dataclass
class _Frame:
    speaker: list[str]
    via: list[str]


@dataclass
class _State:
    """What the coder remembers while reading a document from top to bottom."""

    last_meeting: list[str] = field(default_factory=list)
    last_meeting_sentence: int = -1
    last_meeting_visit: bool = False  # the last meeting remembered is a visit (042, 043), not talks
    # the last sentence in which the sides of the last meeting acted toward each other ("She congratulated
    # him ... The Prime Minister thanked ..."): "they" still refers to them
    last_sides_sentence: int = -1
    pact_sides: list[str] = field(default_factory=list)  # the sides of the last agreement or truce named
    pact_sentence: int = -1
    protagonist: str | None = None
    coded: CodedDoc = field(default_factory=CodedDoc)
    # who speaks: the speaker of each sentence inside an attributed quote; the last actor that made a
    # statement (the issuer whose "we" a press release speaks in), where, and about whom
    quote_speakers: dict[int, str] = field(default_factory=dict)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    voice: str | None = None
    voice_sentence: int = -1
    voice_target: str | None = None
    issuer: str | None = None  # whom a government's or IGO's own release speaks for
    byline: str | None = None  # the person a statement is by ("Statement by Ambassador X"): its "I"
    aggressor: str | None = None  # the source of the last violent or coercive act coded
    attacker: str | None = None  # the source of the last act of violence or force coded (18-20)
    # the last kind of agent named in the plural that acted ("Sudanese forces retook ...") and where:
    # a "they" just after it that no talks explain is them
    plural_agent: str | None = None
    plural_agent_sentence: int = -10
    # head noun → the last body named with it ("court" → the Court of Grave Crimes): "the same court"
    bodies: dict[str, str] = field(default_factory=dict)
    # what was done and by whom: the lemma of an act's trigger and object → its source ("launched
    # exercises" → exercise: China), and the source of the last act: "condemned the exercises"
    acts: dict[str, str] = field(default_factory=dict)
    last_act: str | None = None
    # who last accused, charged or criticised each actor: "X denies the charges" denies them to that one
    accusers: dict[str, str] = field(default_factory=dict)

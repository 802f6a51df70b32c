"""Convert PETRARCH2's verb dictionary (CAMEO.2.0.txt) into a derived pattern book for tidings.

    .venv/bin/python scripts/petrarch2_verbs.py ../shared/resources/petrarch2

In: the PETRARCH2 dictionary folder (CAMEO.2.0.txt and LICENSE; MIT licence, Open Event Data
Alliance), this package's curated pattern book ``verbs.yaml`` and codebook ``cameo.yaml``. Out:
``src/tidings/data/verbs_petrarch2.yaml``, a ``verbs:`` list in the pattern book's own format that
``PatternBook.load`` reads after the curated book and below it (a curated pattern for a lemma is
always tried first).

What maps cleanly, and is kept (every pattern's id starts with ``p2-``):
  (a) a verb group with a default code (``--- NAME [code] ---``): one pattern for the group's
      one-word verbs, targets from ``dobj, prep:with, prep:to, prep:against, prep:on`` as fits the code;
  (b) ``- * NOUN [code]`` (one object word, or a ``&SYNSET`` of one-word members): one pattern per
      group and code, ``object:`` the nouns (singular and as written);
  (c) ``- * (PREP)`` and ``- * (PREP X)`` with one preposition: ``requires: [prep:PREP]`` (or
      ``prep:PREP=x``, the preposition's object) and ``targets: [prep:PREP, ...]``.
What is skipped: codes with a source/target split (``[042:043]``), null codes, codes not in the
codebook; patterns with a subject, more than one phrase, a braced noun phrase or a special token
(``$ + ^ %``); multi-word and hyphenated verbs; a verb listed in two groups with different default
codes; an object or preposition given two codes in one group; frame verbs and verbs that in news are
mostly not political acts (``_COMMON``); verbs whose curated patterns already cover the same code root
without conditions (a derived pattern for them could never be tried); curated (verb, object) pairs.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "tidings" / "data"
OUT = DATA / "verbs_petrarch2.yaml"
COMMAND = ".venv/bin/python scripts/petrarch2_verbs.py ../shared/resources/petrarch2"

# verbs that in news are mostly not political acts, or are reporting verbs: never given a derived pattern
_COMMON = frozenset(
    """
say tell make take give get go come see know think find show use work call try put keep let begin seem
help turn start run move live play win lose beat hit score look appear set place base post pose stage
hold have do be become leave bring carry hold stand sit lie fall rise grow raise lead follow open close
meet feel ask need want like love hope wish mean end change write read speak talk hear listen watch
add include continue remain stay wait return reach pass spend cost pay buy sell offer serve send build
create produce cut break drive ride fly travel walk drop pull push drink eat sleep wear fill clear
pick catch throw shoot kill spread mark note state report claim expect estimate predict decide plan
consider believe understand explain describe discuss mention repeat quote observe announce declare
emphasize stress confirm reveal circulate share join fix check count measure test train teach learn
study visit host welcome receive accept agree express voice receive charge fire launch press push
""".split()
)

# targets tried for a code, by CAMEO root (from dobj, prep:with, prep:to, prep:against, prep:on): who is
# addressed, met, helped or hit ("delivered a warning to X")
_TARGETS: dict[str, list[str]] = {
    "01": ["prep:to", "prep:on"],
    "02": ["dobj", "prep:to", "prep:on"],
    "03": ["prep:to", "prep:with", "dobj"],
    "04": ["prep:with", "dobj"],
    "05": ["dobj", "prep:with", "prep:to"],
    "06": ["prep:with", "prep:to", "dobj"],
    "07": ["prep:to", "dobj"],
    "08": ["prep:to", "dobj"],
    "09": ["dobj", "prep:against"],
    "10": ["dobj", "prep:to", "prep:on"],
    "11": ["dobj", "prep:against", "prep:on", "prep:to"],
    "12": ["dobj", "prep:against"],
    "13": ["dobj", "prep:against", "prep:with", "prep:on", "prep:to"],
    "14": ["prep:against", "prep:on"],
    "15": ["prep:against", "prep:on", "prep:to"],
    "16": ["prep:with", "prep:against", "prep:on", "dobj"],
    "17": ["dobj", "prep:against", "prep:on"],
    "18": ["dobj", "prep:against", "prep:on"],
    "19": ["dobj", "prep:against", "prep:on"],
    "20": ["dobj", "prep:against", "prep:on"],
}
_SYMMETRIC = {"040", "041", "046", "060", "061", "062", "057"}
_PREPS = frozenset(
    """
about against among at between by for from in into of on onto over to toward towards under upon with
within without across after before behind beyond during near through
""".split()
)

_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]\s*$")
_WORD = re.compile(r"^[A-Z][A-Z'-]*$")
_SYN = re.compile(r"^&[A-Z_]+$")


@dataclass
class Group:
    name: str
    code: str | None
    verbs: list[str] = field(default_factory=list)
    objects: list[tuple[list[str], str]] = field(default_factory=list)  # (nouns, code)
    preps: list[tuple[str, list[str], str]] = field(default_factory=list)  # (prep, words or [], code)


@dataclass
class Counts:
    groups: int = 0
    groups_coded: int = 0
    patterns_read: int = 0
    patterns_clean: int = 0
    skipped_code: int = 0
    ambiguous: int = 0


def clean_code(raw: str, codebook: set[str]) -> str | None:
    """The code of ``[...]`` if it is a plain code in the codebook ("---", "042:043" give None)."""
    code = raw.strip().rstrip("-").strip()
    if not code or ":" in code or code not in codebook:
        return None
    return code


def singular(word: str) -> str:
    """A rough singular of an upper- or lower-case English plural noun (PETRARCH writes some plurals)."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def noun_forms(words: Iterable[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        for form in (singular(word), word.lower()):
            if form not in out:
                out.append(form)
    return out


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """``&NAME`` followed by ``+WORD`` lines; only one-word members (a trailing ``_`` is dropped)."""
    synsets: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            current = text.split()[0]
            synsets[current] = []
        elif text.startswith("+") and current:
            word = text[1:].split()[0].rstrip("_")
            if _WORD.match(word):
                synsets[current].append(word)
        elif not text:
            current = None if not line.strip() else current
    return synsets


def parse_phrase(body: str, synsets: dict[str, list[str]]) -> tuple[str, Any] | None:
    """``* NOUN``, ``* &SYN``, ``* (PREP)``, ``* (PREP X)`` → (kind, value); anything else → None."""
    tokens = body.split()
    if len(tokens) < 2 or tokens[0] != "*":
        return None
    rest = " ".join(tokens[1:])
    if len(tokens) == 2:
        word = tokens[1]
        if _SYN.match(word) and synsets.get(word):
            return "object", synsets[word]
        if _WORD.match(word):
            return "object", [word]
    m = re.fullmatch(r"\(([^\s()]+)(?:\s+([^\s()]+))?\)", rest)
    if not m:
        return None
    prep, word = m.group(1).lower(), m.group(2)
    if prep not in _PREPS:
        return None
    if word is None:
        return "prep", (prep, [])
    if _SYN.match(word) and synsets.get(word):
        return "prep", (prep, synsets[word])
    if _WORD.match(word):
        return "prep", (prep, [word])
    return None


def read_groups(text: str, codebook: set[str], counts: Counts) -> list[Group]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    synsets = read_synsets(lines[:start])
    groups: list[Group] = []
    group: Group | None = None
    for line in lines[start + 1 :]:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        header = _HEADER.match(line)
        if header:
            group = Group(header.group(1), clean_code(header.group(2), codebook))
            groups.append(group)
            counts.groups += 1
            counts.groups_coded += group.code is not None
            continue
        if group is None:
            continue
        text_ = line.split("#", 1)[0].rstrip()
        if text_.startswith("-"):
            counts.patterns_read += 1
            m = _CODE.search(text_)
            if not m:
                continue
            code = clean_code(m.group(1), codebook)
            parsed = parse_phrase(text_[1 : m.start()].strip(), synsets)
            if parsed is None:
                continue
            if code is None:
                counts.skipped_code += 1
                continue
            counts.patterns_clean += 1
            kind, value = parsed
            if kind == "object":
                group.objects.append((value, code))
            else:
                group.preps.append((value[0], value[1], code))
            continue
        # a verb line: VERB {IRREGULAR FORMS} [code] ; a verb with its own code is not the group's
        verb = text_.split()[0] if text_.split() else ""
        own = _CODE.search(text_)
        if not _WORD.match(verb) or "-" in verb or "'" in verb:
            continue  # multi-word (+CALL_OFF, WIRE_+TAP) and hyphenated verbs
        if own and own.group(1).strip().rstrip("-").strip() != (group.code or "---"):
            continue
        group.verbs.append(verb.lower())
    return groups


def curated_index(book: dict[str, Any]) -> tuple[dict[str, set[str]], dict[str, set[str]], set[str]]:
    """From verbs.yaml: lemma → roots it has unconditional patterns for; lemma → curated object nouns;
    lemmas with an unconditional pattern (any derived pattern for them would never be tried)."""
    roots: dict[str, set[str]] = defaultdict(set)
    objects: dict[str, set[str]] = defaultdict(set)
    blocked: set[str] = set()
    for entry in book["verbs"]:
        conditional = any(entry.get(k) for k in ("object", "requires", "particle", "object_kind", "needs_intent"))
        for lemma in entry["lemmas"]:
            if conditional:
                objects[lemma].update(entry.get("object") or [])
            else:
                roots[lemma].add(str(entry["code"])[:2])
                blocked.add(lemma)
    return roots, objects, blocked


def convert(
    folder: Path,
    roots: set[str] | None = None,
    require_target: bool = False,
    kinds: set[str] | None = None,
    actor_object: bool = False,
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    codebook = {str(e["code"]) for e in yaml.safe_load((DATA / "cameo.yaml").read_text("utf-8"))["codes"]}
    book = yaml.safe_load((DATA / "verbs.yaml").read_text("utf-8"))
    frames = set(book["frames"]["lemmas"]) | set(book.get("intents", {}).get("verbs", []))
    _, curated_objects, blocked = curated_index(book)
    counts = Counts()
    groups = read_groups((folder / "CAMEO.2.0.txt").read_text("utf-8", errors="replace"), codebook, counts)
    kinds = kinds or {"group", "object", "prep"}

    # a verb in two groups with different default codes is ambiguous: left out everywhere
    codes_of: dict[str, set[str]] = defaultdict(set)
    for g in groups:
        for v in g.verbs:
            codes_of[v].add(g.code or "---")
    ambiguous = {v for v, cs in codes_of.items() if len(cs) > 1}
    counts.ambiguous = len(ambiguous)
    seen_verbs: set[str] = set()

    def keep(code: str) -> bool:
        return roots is None or code[:2] in roots

    out: list[dict[str, Any]] = []
    for g in groups:
        lemmas = [
            v
            for v in dict.fromkeys(g.verbs)
            if v not in _COMMON and v not in frames and v not in ambiguous and v not in blocked and v not in seen_verbs
        ]
        seen_verbs.update(lemmas)
        if not lemmas:
            continue
        slug = g.name.lower().replace("_", "-").strip("-")
        # (b) objects: one pattern per code; a noun given two codes in the group is left out
        noun_codes: dict[str, set[str]] = defaultdict(set)
        for nouns, code in g.objects:
            for n in noun_forms(nouns):
                noun_codes[n].add(code)
        by_code: dict[str, list[str]] = defaultdict(list)
        for nouns, code in g.objects:
            for n in noun_forms(nouns):
                if len(noun_codes[n]) > 1 or not keep(code) or n in by_code.get(code, []):
                    continue
                if all(n in curated_objects.get(v, set()) for v in lemmas):
                    continue  # the curated book codes this verb and object already
                by_code[code].append(n)
        if "object" in kinds:
            for code, nouns in sorted(by_code.items()):
                if not nouns:
                    continue
                out.append(_pattern(f"p2-{slug}-{code}", lemmas, code, {"object": nouns}, require_target))
        # (c) prepositions: one pattern per preposition and code
        prep_codes: dict[tuple[str, str], set[str]] = defaultdict(set)
        for prep, words, code in g.preps:
            for w in noun_forms(words) or [""]:
                prep_codes[(prep, w)].add(code)
        by_prep: dict[tuple[str, str], list[str]] = defaultdict(list)
        for prep, words, code in g.preps:
            if not keep(code):
                continue
            for w in noun_forms(words) or [""]:
                if len(prep_codes[(prep, w)]) == 1 and w not in by_prep.get((prep, code), []):
                    by_prep[(prep, code)].append(w)
        if "prep" in kinds:
            for (prep, code), words in sorted(by_prep.items()):
                bare = "" in words
                listed = [w for w in words if w]
                if bare:  # "(TO)": the preposition's object is the other actor, so one must be found
                    out.append(
                        _pattern(
                            f"p2-{slug}-{prep}-{code}", lemmas, code, {"requires": [f"prep:{prep}"], "prep": prep}, True
                        )
                    )
                if listed:
                    out.append(
                        _pattern(
                            f"p2-{slug}-{prep}-x-{code}",
                            lemmas,
                            code,
                            {"requires": [f"prep:{prep}={'|'.join(listed)}"], "prep": prep},
                            require_target,
                        )
                    )
        # (a) the group's default code, for its plain use: last, the least specific
        if "group" in kinds and g.code is not None and keep(g.code):
            extra: dict[str, Any] = {"object_kind": "actor"} if actor_object else {}
            out.append(_pattern(f"p2-{slug}", lemmas, g.code, extra, require_target))
    stats = {
        "groups": counts.groups,
        "groups_with_code": counts.groups_coded,
        "patterns_read": counts.patterns_read,
        "patterns_clean": counts.patterns_clean,
        "skipped_code": counts.skipped_code,
        "ambiguous_verbs": counts.ambiguous,
        "patterns_out": len(out),
        "lemmas_out": len({lemma for p in out for lemma in p["lemmas"]}),
    }
    return out, stats


def _pattern(pid: str, lemmas: list[str], code: str, extra: dict[str, Any], require_target: bool) -> dict[str, Any]:
    targets = ["dobj"] if extra.get("object_kind") == "actor" else list(_TARGETS[code[:2]])
    if "prep:to" in targets:  # "sent X aid", and the parser's "to" of "delivered a warning to X"
        targets.insert(targets.index("prep:to") + 1, "dative")
    if "object" in extra:  # "a warning to X": the target may hang on the object
        targets += [f"obj.{t}" for t in targets if t.startswith("prep:")]
    prep = extra.pop("prep", None)
    if prep:
        targets = [f"prep:{prep}", *[t for t in targets if t != f"prep:{prep}"]]
    entry: dict[str, Any] = {"id": pid, "lemmas": lemmas}
    entry.update(extra)
    entry["code"] = code
    entry["targets"] = targets
    if code in _SYMMETRIC:
        entry["symmetric"] = True
    if require_target:
        entry["requires_target"] = True
    return entry


def dump(patterns: list[dict[str, Any]], stats: dict[str, int], command: str) -> str:
    head = [
        "# PETRARCH2 verb patterns, derived (read by tidings.events.patterns after verbs.yaml, below it).",
        "# Derived from the PETRARCH2 verb dictionary CAMEO.2.0.txt of the Open Event Data Alliance",
        "# (openeventdata/petrarch2, data/dictionaries, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf),",
        "# MIT licence:",
        "# Copyright (c) 2015 Open Event Data Alliance",
        "# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and",
        "# associated documentation files, to deal in them without restriction, subject to this notice being",
        "# included in all copies or substantial portions (full text: LICENSE beside the source dictionaries).",
        f"# Generated by: {command}",
        "# Do not edit by hand: a curated pattern for a lemma is always tried before these; format as verbs.yaml.",
        "# " + ", ".join(f"{k} {v}" for k, v in stats.items()),
        "verbs:",
    ]
    body = ["  - {" + ", ".join(f"{k}: {_flow(k, v)}" for k, v in p.items()) + "}" for p in patterns]
    return "\n".join(head + body) + "\n"


def _flow(key: str, value: Any) -> str:
    if key == "code":
        return f'"{value}"'  # "090" stays a string in any YAML reader
    return yaml.safe_dump(value, default_flow_style=True, width=10_000).strip().removesuffix("...").strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folder", type=Path, help="the PETRARCH2 dictionary folder (CAMEO.2.0.txt)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--roots", default="", help="comma-separated CAMEO roots to keep (default: all)")
    parser.add_argument(
        "--kinds",
        default="object,prep",
        help="which of group, object, prep to convert (default object,prep: the groups' "
        "default codes lowered the development figures)",
    )
    parser.add_argument(
        "--actor-object", action="store_true", help="a group's default code only when the verb's object is an actor"
    )
    parser.add_argument(
        "--require-target", action="store_true", help="directed derived patterns code only with a target actor"
    )
    args = parser.parse_args(argv)
    roots = {r.strip().zfill(2) for r in args.roots.split(",") if r.strip()} or None
    kinds = {k.strip() for k in args.kinds.split(",") if k.strip()}
    patterns, stats = convert(args.folder, roots, args.require_target, kinds, args.actor_object)
    command = " ".join([COMMAND, *(sys.argv[2:] if argv is None else argv[1:])]).strip()
    args.out.write_text(dump(patterns, stats, command), "utf-8")
    print(f"{args.out}: " + ", ".join(f"{k} {v}" for k, v in stats.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

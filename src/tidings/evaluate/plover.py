"""Scoring a coder against the PLOVER gold standard records (``PLOVER_GSR_CAMEO.json``).

In: the gold file (``load_plover_gold``) and, for each gold record in order, the events the coder
predicted for its sentence (``PredictedEvent``: PLOVER type, source and target country). Out: a
``PloverScore``: event-type accuracy, source- and target-country accuracy, per-type precision/recall
and a gold × predicted confusion table ("NONE" where nothing was predicted).

Rules and choices:
- The ``DOCUMENT`` record is skipped. Old 0.5b1 labels are mapped to current PLOVER (DEMAND →
  REQUEST, DISAPPROVE → ACCUSE, INVESTIGATE → ACCUSE, FIGHT → ASSAULT), in the gold and in the
  predictions alike; types are compared upper-cased.
- Country codes: the file's non-ISO codes for countries are normalised (JAP → JPN, ITL → ITA,
  VTN → VNM); other non-country codes (IGO, NGO, IMG, ISM) are kept as they are. A ``target`` that is
  not a list ("", "diplomatic") or is missing means no target; ``source`` likewise. ``SRC/TAR``
  actors (joint actors of a symmetric event) are listed as sources with no target.
- The prediction scored for a sentence is the first predicted event whose type equals the gold type,
  else the first predicted event, else none ("NONE", no countries).
- Source accuracy is over records with a source; target accuracy over records with a target. A
  predicted country is right when it is one of the gold actors' codes on that side (a sentence may
  name several actors); when no gold actor on that side has an ISO country code (only IGO, NGO,
  ...), a prediction of ``None`` is right too.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry

from tidings.errors import DataFileError

__all__ = [
    "CODE_FIXES",
    "LABEL_MAP",
    "NONE",
    "PloverRecord",
    "PloverScore",
    "PredictedEvent",
    "load_plover_gold",
    "normalise_country",
    "normalise_type",
    "score_plover",
]

LABEL_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CODE_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
NONE = "NONE"


def normalise_type(label: str | None) -> str:
    if not label or not label.strip():
        return NONE
    upper = label.strip().upper()
    return LABEL_MAP.get(upper, upper)


def normalise_country(code: str | None) -> str | None:
    if code is None or not code.strip():
        return None
    upper = code.strip().upper()
    return CODE_FIXES.get(upper, upper)


def _is_country(code: str | None) -> bool:
    return bool(code) and len(code or "") == 3 and pycountry.countries.get(alpha_3=code) is not None


@dataclass
class PloverRecord:
    id: str
    text: str
    event: str  # current PLOVER type (old labels mapped)
    original_event: str  # the label in the file
    mode: str | None
    source: list[tuple[str, str | None]]  # (actor text, normalised code)
    target: list[tuple[str, str | None]]
    joint: bool = False  # SRC/TAR markup: the sources act together, no separate target


@dataclass
class PredictedEvent:
    plover_type: str | None
    source_country: str | None = None
    target_country: str | None = None


def _actors(value: Any, where: str) -> list[tuple[str, str | None]]:
    if not isinstance(value, list):
        return []
    out = []
    for actor in value:
        if not isinstance(actor, dict):
            raise DataFileError(where, f"actor is not an object: {actor!r}")
        out.append((str(actor.get("actorText", "")), normalise_country(actor.get("code"))))
    return out


def load_plover_gold(path: Path) -> list[PloverRecord]:
    """Read the gold JSON array; a malformed file or record raises ``DataFileError``."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{path}:{exc.lineno}", f"not JSON: {exc.msg}") from exc
    if not isinstance(data, list):
        raise DataFileError(str(path), "expected a JSON array of records")
    records = []
    for number, raw in enumerate(data):
        where = f"{path} record {number}"
        if not isinstance(raw, dict):
            raise DataFileError(where, "not an object")
        if raw.get("event") == "DOCUMENT":
            continue
        if not isinstance(raw.get("text"), str) or not isinstance(raw.get("event"), str):
            raise DataFileError(where, "needs 'text' and 'event' strings")
        markup = (
            (raw.get("textInfo") or {}).get("markup", "") if isinstance(raw.get("textInfo"), dict) else ""
        )
        records.append(
            PloverRecord(
                id=str(raw.get("id", number)),
                text=raw["text"].strip(),
                event=normalise_type(raw["event"]),
                original_event=raw["event"],
                mode=raw.get("mode") or None,
                source=_actors(raw.get("source"), where),
                target=_actors(raw.get("target"), where),
                joint="SRC/TAR:" in markup,
            )
        )
    return records


@dataclass
class PloverScore:
    records: int
    type_correct: int
    type_accuracy: float
    source_total: int
    source_correct: int
    source_accuracy: float
    target_total: int
    target_correct: int
    target_accuracy: float
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)  # gold -> predicted -> count
    per_type: dict[str, dict[str, float]] = field(default_factory=dict)  # precision, recall, f1, support

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "type_correct": self.type_correct,
            "type_accuracy": self.type_accuracy,
            "source_total": self.source_total,
            "source_correct": self.source_correct,
            "source_accuracy": self.source_accuracy,
            "target_total": self.target_total,
            "target_correct": self.target_correct,
            "target_accuracy": self.target_accuracy,
            "confusion": {g: dict(row) for g, row in self.confusion.items()},
            "per_type": {t: dict(v) for t, v in self.per_type.items()},
        }


def _country_right(predicted: str | None, gold: list[tuple[str, str | None]]) -> bool:
    codes = {c for _, c in gold if c}
    predicted = normalise_country(predicted)
    if predicted is not None and predicted in codes:
        return True
    return predicted is None and not any(_is_country(c) for c in codes)


def _choose(gold_type: str, predicted: list[PredictedEvent]) -> PredictedEvent | None:
    for p in predicted:
        if normalise_type(p.plover_type) == gold_type:
            return p
    return predicted[0] if predicted else None


def score_plover(records: list[PloverRecord], predictions: list[list[PredictedEvent]]) -> PloverScore:
    """Score ``predictions[i]`` (the events predicted for ``records[i].text``) against the gold."""
    if len(records) != len(predictions):
        raise ValueError(f"{len(records)} gold records but {len(predictions)} prediction lists")
    confusion: dict[str, Counter[str]] = {}
    type_ok = src_total = src_ok = tgt_total = tgt_ok = 0
    for record, predicted in zip(records, predictions, strict=True):
        chosen = _choose(record.event, predicted)
        ptype = normalise_type(chosen.plover_type) if chosen else NONE
        confusion.setdefault(record.event, Counter())[ptype] += 1
        type_ok += ptype == record.event
        if record.source:
            src_total += 1
            src_ok += _country_right(chosen.source_country if chosen else None, record.source)
        if record.target:
            tgt_total += 1
            tgt_ok += _country_right(chosen.target_country if chosen else None, record.target)

    labels = sorted({g for g in confusion} | {p for row in confusion.values() for p in row} - {NONE})
    per_type: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = confusion.get(label, Counter())[label]
        support = sum(confusion.get(label, Counter()).values())
        predicted_n = sum(row[label] for row in confusion.values())
        p = tp / predicted_n if predicted_n else 0.0
        r = tp / support if support else 0.0
        per_type[label] = {
            "precision": p,
            "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "support": float(support),
        }
    n = len(records)
    return PloverScore(
        records=n,
        type_correct=type_ok,
        type_accuracy=type_ok / n if n else 0.0,
        source_total=src_total,
        source_correct=src_ok,
        source_accuracy=src_ok / src_total if src_total else 0.0,
        target_total=tgt_total,
        target_correct=tgt_ok,
        target_accuracy=tgt_ok / tgt_total if tgt_total else 0.0,
        confusion={g: dict(sorted(row.items())) for g, row in sorted(confusion.items())},
        per_type=per_type,
    )

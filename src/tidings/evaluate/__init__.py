"""Evaluation of the coder against gold standards.

In: gold files (the hand-coded seed events, the PLOVER gold standard records) and the coder's
output for the same texts. Out: scores (precision/recall/F1, accuracies, confusion tables) as
dataclasses with ``to_dict()``. ``seeds`` scores stored-style records against ``seeds.jsonl``;
``plover`` scores sentence-level predictions against ``PLOVER_GSR_CAMEO.json``.
"""

from __future__ import annotations

from tidings.evaluate.plover import (
    PloverRecord,
    PloverScore,
    PredictedEvent,
    load_plover_gold,
    score_plover,
)
from tidings.evaluate.seeds import (
    ActorNames,
    DocRecords,
    GoldEvent,
    SeedScore,
    load_seed_gold,
    score_seeds,
)

__all__ = [
    "ActorNames",
    "DocRecords",
    "GoldEvent",
    "PloverRecord",
    "PloverScore",
    "PredictedEvent",
    "SeedScore",
    "load_plover_gold",
    "load_seed_gold",
    "score_plover",
    "score_seeds",
]

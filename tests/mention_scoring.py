"""Score resolved mentions against the hand-annotated gold mentions of the two samples."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from tidings.records import Mention

NAMED_KINDS = {"name", "initial", "surname", "metonym", "demonym"}


@dataclass
class MentionScore:
    right: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    wrong: list[tuple[str, str, object, object]] = field(default_factory=list)

    def add(self, group: str, ok: bool, item: tuple[str, str, object, object]) -> None:
        self.total[group] = self.total.get(group, 0) + 1
        self.right[group] = self.right.get(group, 0) + ok
        if not ok:
            self.wrong.append(item)

    def accuracy(self, group: str) -> float:
        return self.right.get(group, 0) / self.total[group]


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _best_match(mentions: list[Mention], start: int, end: int) -> set[str]:
    """The actors of the system mention that best covers the gold span (titles hold nested names:
    "the Deputy Minister of ... Belarus" is scored on the title, "Belarus" on the name)."""
    spans: dict[tuple[int, int], set[str]] = {}
    for m in mentions:
        if m.start < end and start < m.end and m.actor_id:
            spans.setdefault((m.start, m.end), set()).add(m.actor_id)
    if not spans:
        return set()

    def fit(span: tuple[int, int]) -> tuple[int, int]:
        overlap = min(end, span[1]) - max(start, span[0])
        return overlap, -abs((span[1] - span[0]) - (end - start))

    return spans[max(spans, key=fit)]


def score(gold: list[dict], texts: dict[str, str], mentions: dict[str, list[Mention]]) -> MentionScore:
    result = MentionScore()
    for g in gold:
        text = texts[g["doc"]]
        start = text.index(g["context"]) + g["context"].index(g["text"])
        end = start + len(g["text"])
        found = _best_match(mentions[g["doc"]], start, end)
        want = set(g["actor"]) if isinstance(g["actor"], list) else {g["actor"]}
        group = "named" if g["kind"] in NAMED_KINDS else "reference"
        result.add(group, found == want, (g["doc"][:5], g["text"], sorted(want), sorted(found)))
    return result

"""A synthetic benchmark corpus: documents assembled from the paragraphs of the bundled samples.

In: examples/corpus and tests/data texts. Out: ``Document`` records (deterministic for a seed).
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from tidings.ingest import document_id
from tidings.records import Document

ROOT = Path(__file__).resolve().parents[1]


def paragraphs() -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "examples" / "corpus").glob("*.txt"))]
    texts.append((ROOT / "tests" / "data" / "russian_style_story.txt").read_text("utf-8"))
    found = []
    for text in texts:
        found += [p.strip() for p in text.split("\n\n") if len(p.split()) >= 12]
    return found


def documents(n: int, seed: int = 7, words: tuple[int, int] = (250, 700)) -> list[Document]:
    rng = random.Random(seed)
    pool = paragraphs()
    docs = []
    for i in range(n):
        target = rng.randint(*words)
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < target:
            parts.append(rng.choice(pool))
        text = "\n\n".join(parts) + f"\n\n(Document {i}.)"
        docs.append(Document(id=document_id(text), text=text, source=f"bench-{i}", published=date(2026, 2, 14)))
    return docs

"""Generated news articles for the ingest tests and ``benchmarks/scale.py``: deterministic for a seed,
varied enough that no two articles are near-duplicates (names, places, numbers and topics change in
every sentence), with events the coder finds (meetings, sanctions, appeals, protests, aid).

In: a count, a seed and a length in words. Out: plain-text articles (``articles``) or files written
into a folder (``write_corpus``), one ``.txt`` per article, with a title and a wire dateline.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

__all__ = ["article", "articles", "write_corpus"]

PEOPLE = [
    "Sviatlana Tsikhanouskaya", "Alyaksandr Lukashenka", "Volodymyr Zelensky", "Gitanas Nauseda",
    "Donald Tusk", "Emmanuel Macron", "Olaf Scholz", "Jonas Petraitis", "Marta Nowak", "Ilze Berzina",
    "Andrius Kubilius", "Kaja Kallas", "Antony Blinken", "Sergei Lavrov", "Annalena Baerbock",
    "Radoslaw Sikorski", "Edgars Rinkevics", "Alar Karis", "Petr Fiala", "Viktor Orban",
]
STATES = ["Lithuania", "Poland", "Latvia", "Estonia", "Belarus", "Ukraine", "Germany", "France", "Russia",
          "Sweden", "Finland", "Moldova", "Georgia", "Hungary", "Romania", "Slovakia", "Norway", "Denmark"]
CITIES = ["Vilnius", "Warsaw", "Riga", "Tallinn", "Minsk", "Kyiv", "Berlin", "Paris", "Geneva", "Brussels",
          "Helsinki", "Stockholm", "Chisinau", "Tbilisi", "Prague", "Budapest", "Oslo", "Copenhagen"]
TOPICS = ["energy security", "border patrols", "grain exports", "political prisoners", "visa rules",
          "railway freight", "cyber defence", "refugee housing", "electricity links", "fishing quotas",
          "air defence", "trade tariffs", "media freedom", "election monitoring", "nuclear safety",
          "customs checks", "river pollution", "gas storage", "road tolls", "student exchanges"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
SENTENCES = [
    "{p1} met {p2} in {city} on {day} to discuss {topic}.",
    "{s1} condemned the detention of {n} activists in {s2} on {day}.",
    "{p1} urged {s1} to release {n} political prisoners before {month}.",
    "The foreign ministers of {s1} and {s2} signed an agreement on {topic} in {city}.",
    "{s1} imposed sanctions on {n} officials from {s2} over {topic}.",
    "{p1} said {s1} would send {n} tonnes of humanitarian aid to {s2}.",
    "Hundreds of protesters gathered outside the embassy of {s1} in {city} on {day}.",
    "{p1} accused {s2} of blocking talks on {topic} for {n} months.",
    "{s1} recalled its ambassador from {s2} after the dispute over {topic}.",
    "{p1} praised {s1} for its support on {topic}, a spokesman said in {city}.",
    "Officials from {s1} and {s2} will hold a further round of talks on {topic} in {month}.",
    "The talks in {city} covered {topic} and {topic2}, according to a statement of {n} pages.",
    "{p1} visited {city} on {day} and laid flowers at a memorial to {n} victims.",
    "{s1} promised {s2} a loan of {n} million euros for {topic}.",
]


def _sentence(rng: random.Random) -> str:
    p1, p2 = rng.sample(PEOPLE, 2)
    s1, s2 = rng.sample(STATES, 2)
    t1, t2 = rng.sample(TOPICS, 2)
    return rng.choice(SENTENCES).format(
        p1=p1, p2=p2, s1=s1, s2=s2, city=rng.choice(CITIES), day=rng.choice(DAYS), topic=t1, topic2=t2,
        month=rng.choice(MONTHS), n=rng.randint(2, 990),
    )


def article(rng: random.Random, words: int) -> str:
    """One article of about ``words`` words: a title, a dateline, paragraphs of three sentences."""
    city = rng.choice(CITIES)
    title = f"{rng.choice(STATES)} and {rng.choice(STATES)} talk {rng.choice(TOPICS)} ({rng.randint(1, 10**6)})"
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = " ".join(_sentence(rng) for _ in range(3))
        count += len(paragraph.split())
        paragraphs.append(paragraph)
    paragraphs[0] = f"{city.upper()}, {rng.choice(MONTHS)} {rng.randint(1, 28)} (Wire) - {paragraphs[0]}"
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def articles(n: int, seed: int = 9, words: tuple[int, int] = (60, 120)) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(n):
        yield article(rng, rng.randint(*words))


def write_corpus(folder: Path, n: int, seed: int = 9, words: tuple[int, int] = (60, 120)) -> list[Path]:
    """``n`` articles as ``folder/article-00000.txt`` ... (the folder is created)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(articles(n, seed, words)):
        path = folder / f"article-{i:05d}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths

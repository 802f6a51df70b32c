"""Event coding: sentences → CAMEO and PLOVER events with source, target, speaker and relay.

In: a spaCy ``Doc`` and its ``ResolvedDoc`` (actor mentions). Out: ``RawEvent`` records, to which the
pipeline adds dates, places and codebook labels. The parts:

- ``coder``: ``EventCoder`` walks the sentences; ``_SentenceCoder`` is made of the parts below.
- ``frames``: reporting frames (who speaks, through whom) and what they report.
- ``verb_patterns``, ``noun_patterns``: the pattern book (``data/verbs.yaml``) applied to verbs and nouns.
- ``announcements``: modality: intents, threats, refusals, speculation.
- ``statements``: quoted speech and blame or praise in what a known speaker says (``speech``: quotes,
  valence from ``data/evaluative.yaml``).
- ``agent_phrases``: the actors of noun phrases, generic agents and named bodies the base lacks.
- ``syntax``, ``lexicon``, ``raw``: parse helpers, the word lists of ``data/coder.yaml``, working records.
- ``patterns``, ``codebook``: the pattern book and the CAMEO/PLOVER codebooks; ``dates``, ``places``:
  when and where; ``domains``: sport sentences that code nothing.
"""

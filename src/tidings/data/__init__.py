"""Curated dictionaries shipped with tidings: actors, countries, codebooks, verb patterns (see README.md)."""

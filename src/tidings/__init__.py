"""tidings: turn political and diplomatic news into a source-aware record of events.

In: articles (text, HTML, feeds, JSONL). Out: documents, actors, mentions and coded events
(CAMEO and PLOVER), stored in SQLite or PostgreSQL and served by a CLI.
"""

__version__ = "0.1.0"

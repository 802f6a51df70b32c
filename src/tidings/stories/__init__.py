"""Story fusion: one story event per real-world event, however many documents reported it.

In: the events of the store (each with its document's outlet and camp). Out: stories, each keeping
every report (document, outlet, camp, evidence and the report's own actors, code, date and place).
``fusion`` holds the matching rules (pure); the SQL, ``fuse_pending`` and ``stories``, is in
:mod:`tidings.store.stories`, called by the ingest core after each batch is saved.
"""

from tidings.stories.fusion import Report, StorySummary, family, fits, lookup_keys, report_keys, story_id

__all__ = ["Report", "StorySummary", "family", "fits", "lookup_keys", "report_keys", "story_id"]

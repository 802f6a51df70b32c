"""Exports: stored events written as files that other tools load as they are.

In: ``Event`` records (from ``tidings.explore.Explorer``) with the stored documents and actors they
refer to. Out: bytes in one of ``FORMATS``: ``csv`` (a header, then one row per event), ``jsonl`` (one
JSON object per event), ``parquet`` (typed columns: dates, booleans, floats) and ``gdelt`` (the GDELT
2.0 event table's 61 tab-separated columns, no header, empty where tidings has no value; see
:mod:`tidings.export.gdelt`). Every format carries each event's stable ``event_id``.
"""

from __future__ import annotations

from tidings.export.formats import EVENT_COLUMNS, FORMATS, MEDIA_TYPES, SUFFIXES, EventExport, collect, write_events
from tidings.export.gdelt import GDELT_COLUMNS, gdelt_row

__all__ = ["EVENT_COLUMNS", "FORMATS", "GDELT_COLUMNS", "MEDIA_TYPES", "SUFFIXES", "EventExport", "collect",
           "gdelt_row", "write_events"]

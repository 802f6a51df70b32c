"""Writers for each export format; all take the same ``EventExport`` and write to a binary stream.

In: an ``EventExport`` (events plus the documents and actors they name) and a format name. Out: the
bytes of the file, written to the stream given. CSV and JSONL carry ``event_id`` then every ``Event``
field under its own name (CSV: empty for none, ``True``/``False`` for flags, dates as YYYY-MM-DD);
Parquet has one typed column per field; GDELT is described in :mod:`tidings.export.gdelt`.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import IO, Any

from tidings.explore.filters import EventFilters, Explorer, event_key
from tidings.export.gdelt import gdelt_row
from tidings.records import Actor, Document, Event, to_plain

__all__ = ["EVENT_COLUMNS", "FORMATS", "MEDIA_TYPES", "SUFFIXES", "EventExport", "collect", "write_events"]

FORMATS = ("csv", "jsonl", "parquet", "gdelt")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
    "gdelt": "text/tab-separated-values; charset=utf-8",
}
SUFFIXES = {"csv": ".csv", "jsonl": ".jsonl", "parquet": ".parquet", "gdelt": ".tsv"}

EVENT_COLUMNS = ["event_id", *(f.name for f in dataclasses.fields(Event))]


@dataclass
class EventExport:
    events: list[Event]
    documents: Mapping[str, Document] = field(default_factory=dict)  # by id
    actors: Mapping[str, Actor] = field(default_factory=dict)  # by id


def collect(explorer: Explorer, filters: EventFilters) -> EventExport:
    """The events matching ``filters`` with the documents and actors they name."""
    events = explorer.events(filters)
    doc_ids = {e.doc_id for e in events}
    documents = {d.id: d for d in explorer.store.documents() if d.id in doc_ids}
    actor_ids = {a for e in events for a in (e.source_id, e.target_id) if a}
    actors = {a.id: a for a in explorer.store.actors() if a.id in actor_ids}
    return EventExport(events, documents, actors)


def _plain(e: Event) -> dict[str, Any]:
    return {"event_id": event_key(e), **to_plain(e)}


def _csv(data: EventExport, out: IO[bytes]) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(EVENT_COLUMNS)
    for e in data.events:
        plain = _plain(e)
        writer.writerow(["" if plain[c] is None else plain[c] for c in EVENT_COLUMNS])
    text.detach()  # leave the caller's stream open


def _jsonl(data: EventExport, out: IO[bytes]) -> None:
    for e in data.events:
        out.write((json.dumps(_plain(e), ensure_ascii=False) + "\n").encode("utf-8"))


def _gdelt(data: EventExport, out: IO[bytes]) -> None:
    for e in data.events:
        row = gdelt_row(e, data.documents.get(e.doc_id), data.actors.get(e.source_id or ""),
                        data.actors.get(e.target_id or ""))
        out.write(("\t".join(row) + "\n").encode("utf-8"))


def _arrow_schema() -> Any:
    import pyarrow as pa

    types = {int: pa.int64(), float: pa.float64(), bool: pa.bool_(), "date": pa.date32()}
    fields = [pa.field("event_id", pa.string(), nullable=False)]
    for f in dataclasses.fields(Event):
        hint = str(f.type)
        if "bool" in hint:
            kind = types[bool]
        elif "float" in hint:
            kind = types[float]
        elif "int" in hint:
            kind = types[int]
        elif "date" in hint:
            kind = types["date"]
        else:
            kind = pa.string()
        fields.append(pa.field(f.name, kind))
    return pa.schema(fields)


def _parquet(data: EventExport, out: IO[bytes]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema()
    columns: dict[str, list[Any]] = {name: [] for name in schema.names}
    for e in data.events:
        columns["event_id"].append(event_key(e))
        for f in dataclasses.fields(Event):
            columns[f.name].append(getattr(e, f.name))
    pq.write_table(pa.table(columns, schema=schema), out)


_WRITERS = {"csv": _csv, "jsonl": _jsonl, "parquet": _parquet, "gdelt": _gdelt}


def write_events(data: EventExport, fmt: str, out: IO[bytes]) -> None:
    """Write the events in format ``fmt`` (one of ``FORMATS``) to the binary stream ``out``."""
    if fmt not in _WRITERS:
        raise ValueError(f"format: expected one of {', '.join(FORMATS)}, got {fmt!r}")
    _WRITERS[fmt](data, out)

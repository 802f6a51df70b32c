"""The database tables (SQLAlchemy Core), one per record type, plus actor roles.

In: nothing. Out: ``metadata`` and the ``Table`` objects ``documents``, ``sentences``, ``actors``,
``actor_roles``, ``mentions``, ``events``, ``claims``, and ``doc_bands`` (the near-duplicate index:
each document's LSH band keys, looked up by key). Column names equal the dataclass field names
of :mod:`tidings.records`, so rows convert to records field by field. Lists and dicts are JSON
columns (JSONB on PostgreSQL); dates are ``Date``/``DateTime``. A tz-aware
``Document.distributed_at`` is stored as naive UTC plus its UTC offset in seconds, so it comes
back equal on both SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

__all__ = [
    "actor_roles",
    "actors",
    "claims",
    "doc_bands",
    "documents",
    "events",
    "mentions",
    "metadata",
    "sentences",
    "stories",
    "story_keys",
    "story_reports",
    "watches",
]

metadata = MetaData()

# The one dialect difference in the schema: JSONB on PostgreSQL, JSON (text) elsewhere.
Json = JSON().with_variant(JSONB(), "postgresql")

documents = Table(
    "documents",
    metadata,
    Column("id", String, primary_key=True),
    Column("text", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("dateline", Text),
    Column("published", Date),
    Column("published_inferred", Boolean, nullable=False, default=False),
    Column("published_origin", String),
    Column("distributor", Text),
    Column("distributed_at", DateTime),  # naive; UTC when distributed_at_offset is not null
    Column("distributed_at_offset", Integer),  # UTC offset in seconds of a tz-aware value
    Column("language", String),
    Column("url", Text),
    Column("disclaimer", Text),
    Column("boilerplate", Json, nullable=False),
    Column("carried_by", Json, nullable=False),
    Column("camp", String),
    Index("ix_documents_source", "source"),
    Index("ix_documents_outlet", "outlet"),
)

sentences = Table(
    "sentences",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("index", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String, nullable=False),
    Column("country", String),
    Column("code", String),
    Column("native", Json, nullable=False),
    Column("aliases", Json, nullable=False),
    Column("gender", String),
    Column("parent", String),  # no foreign key: a parent may be outside the stored actors
    Column("bare_surname", Boolean, nullable=False, default=True),
    Column("learned", Boolean, nullable=False, default=False),
)

actor_roles = Table(
    "actor_roles",
    metadata,
    Column("actor_id", String, ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),  # order within Actor.roles
    Column("office", Text, nullable=False),
    Column("organisation", Text),
    Column("code", String),
    Column("start", Date),
    Column("end", Date),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # insertion order = list order
    Column("doc_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String, nullable=False),
    Column("actor_id", String, ForeignKey("actors.id")),
    Column("sentence", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Index("ix_mentions_doc", "doc_id"),
    Index("ix_mentions_actor", "actor_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("source_id", String, ForeignKey("actors.id")),
    Column("source_name", Text),
    Column("source_code", String),
    Column("target_id", String, ForeignKey("actors.id")),
    Column("target_name", Text),
    Column("target_code", String),
    Column("cameo", String, nullable=False),
    Column("cameo_name", Text, nullable=False),
    Column("plover_type", String),
    Column("plover_mode", String),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("date", Date),
    Column("date_precision", String),
    Column("date_origin", String),
    Column("location", Text),
    Column("speaker_id", String),  # no foreign key: reported-speech actors may be unresolved ids
    Column("via_id", String),
    Column("negated", Boolean, nullable=False),
    Column("hypothetical", Boolean, nullable=False),
    Column("symmetric", Boolean, nullable=False),
    Column("core", Boolean, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("pattern", String),
    Column("coder_version", String, nullable=False),
    Index("ix_events_doc", "doc_id"),
    Index("ix_events_date", "date"),
    Index("ix_events_cameo", "cameo"),
    Index("ix_events_source", "source_id"),
    Index("ix_events_target", "target_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("speaker_id", String),
    Column("topic", Text, nullable=False),
    Column("stance", String, nullable=False),
    Column("quote", Text, nullable=False),
    Column("speaker_name", Text),
    Column("via_id", String),
    Column("target_id", String),
    Column("target_stance", String),
    Column("verb", String),
    Column("quoted", Boolean),
    Index("ix_claims_doc", "doc_id"),
    Index("ix_claims_speaker", "speaker_id"),
    Index("ix_claims_topic", "topic"),
)

# The near-duplicate index: one row per LSH band of each document's MinHash (tidings.ingest.dedup),
# so a new document finds its candidates by key look-up, without loading any stored text.
doc_bands = Table(
    "doc_bands",
    metadata,
    Column("key", BigInteger, primary_key=True),
    Column("doc_id", String, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_doc_bands_doc", "doc_id"),
)

# Saved searches (``tidings watch add``): a name and its feed's filters as given (tidings.watch).
watches = Table(
    "watches",
    metadata,
    Column("name", String, primary_key=True),
    Column("filters", Json, nullable=False),
    Column("created", DateTime, nullable=False),
)

# Story fusion (tidings.stories): one story per real-world event, however many reports carried it.
# A story's id is made from its first report and never changes; every event joins exactly one story.
stories = Table(
    "stories",
    metadata,
    Column("id", String, primary_key=True),
    Column("family", String, nullable=False),  # CAMEO root or group of related roots ("04-05")
    Column("date", Date),
    Column("date_precision", String),
    Column("date_origin", String),  # text | context | published: how far the date may be trusted
    Column("location", Text),
    Column("sides", Json, nullable=False),  # [source side, target side] (country or organisation code)
    Column("people", Json, nullable=False),  # named actors by side: {"RUS": ["person:vladimir-putin"]}
    Column("reports", Integer, nullable=False),
    Column("outlets", Json, nullable=False),
    Column("camps", Json, nullable=False),
    Index("ix_stories_date", "date"),
)

story_reports = Table(
    "story_reports",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", String, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("doc_id", String, nullable=False),
    Index("ix_story_reports_story", "story_id"),
)

# Blocking keys (family, sides, day or month): a new report finds its candidate stories by key look-up,
# so fusing a document costs the same however many stories are stored.
story_keys = Table(
    "story_keys",
    metadata,
    Column("key", String, primary_key=True),
    Column("story_id", String, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
)

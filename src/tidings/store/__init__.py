"""Storage of coded documents: SQLite by default, PostgreSQL by URL, all SQL behind ``Store``.

In: ``DocResult`` batches from the pipeline. Out: the stored records, as the same dataclasses,
through ``Store``'s query methods. See :mod:`tidings.store.store` for the saving rules.
"""

from __future__ import annotations

from tidings.store.store import Store

__all__ = ["Store"]

"""Bring an older database up to the current schema: add the nullable columns it lacks.

In: a connection inside the schema transaction and the current ``MetaData``. Out: ``ALTER TABLE ...
ADD COLUMN`` for each nullable column a stored table is missing (columns added since the database was
made, such as ``documents.camp`` and the claim columns), so a store written by an older tidings opens
and keeps every row. Columns are only ever added, never changed or dropped.
"""

from __future__ import annotations

from sqlalchemy import Connection, MetaData, inspect, text

__all__ = ["add_missing_columns"]


def add_missing_columns(conn: Connection, metadata: MetaData) -> list[str]:
    """Add the missing nullable columns; returns them as "table.column"."""
    inspector = inspect(conn)
    preparer = conn.dialect.identifier_preparer
    added: list[str] = []
    for table in metadata.sorted_tables:
        if not inspector.has_table(table.name):
            continue
        have = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in have or not column.nullable:
                continue
            kind = column.type.compile(dialect=conn.dialect)
            conn.execute(text(f"ALTER TABLE {preparer.quote(table.name)} "
                              f"ADD COLUMN {preparer.quote(column.name)} {kind}"))
            added.append(f"{table.name}.{column.name}")
    return added

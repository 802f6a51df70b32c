"""Code documents on Spark: the same pure core, one pipeline per executor process, batch by batch.

In: ``Document`` batches from the streaming ingest core (:mod:`tidings.service`), a
``PipelineConfig`` and a Spark master (``local[2]`` by default, or ``spark://host:port``). Out: for
each document its ``DocResult`` or a ``CodingFailure``, in order, exactly as ``Coder`` gives them,
so the events equal the single-process path's; and, on request, the stored results written as
Parquet (``documents`` partitioned by ``published``, ``events`` by ``date``, ``mentions`` by their
document's ``published``), appended batch by batch.

Rules: ``SparkCoder`` has ``Coder``'s interface (``code``, ``learn``, ``close``). Reading,
deduplication and saving stay on the driver, which streams; each batch is one Spark job whose
tasks each code a group of its documents (groups of about equal text length, four per core, so no
core waits on a last, long task). The pipeline is built once per Python worker and reused by later
tasks (Spark reuses its Python workers), and is told of learned actors with every task. pyspark
and a Java runtime are needed only here (``pip install tidings[spark]``; Debian's
``default-jre-headless``).
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import types
import typing
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tidings.errors import TidingsError
from tidings.pipeline import Pipeline, PipelineConfig
from tidings.records import Actor, DocResult, Document, Event, Mention
from tidings.scale.pool import CodingFailure, _code_safely

__all__ = ["SparkCoder"]

TASKS_PER_CORE = 4  # tasks per batch and core: enough to even out, few enough that each is cheap
_PIPELINE: Pipeline | None = None  # one per Spark Python worker process
_CONFIG: PipelineConfig | None = None


def _code_partition(
    groups: Iterator[list[tuple[int, Document]]], config: PipelineConfig, learned: tuple[Actor, ...]
) -> Iterator[tuple[int, DocResult | str]]:
    global _PIPELINE, _CONFIG
    if _PIPELINE is None or _CONFIG != config:
        _PIPELINE, _CONFIG = Pipeline(config), config
    _PIPELINE.learn(learned)
    numbered = [row for group in groups for row in group]
    results = _code_safely(_PIPELINE, [doc for _, doc in numbered])
    for (index, _), result in zip(numbered, results, strict=True):
        yield index, result


def _groups(docs: Sequence[Document], count: int) -> list[list[tuple[int, Document]]]:
    """``count`` groups of about equal text length (longest document first onto the lightest group),
    heaviest first: one task each, so no core waits long on a last, longer task."""
    groups: list[list[tuple[int, Document]]] = [[] for _ in range(min(count, len(docs)))]
    loads = [0] * len(groups)
    for index in sorted(range(len(docs)), key=lambda i: -len(docs[i].text)):
        lightest = loads.index(min(loads))
        groups[lightest].append((index, docs[index]))
        loads[lightest] += len(docs[index].text)
    return [group for _, group in sorted(zip(loads, groups, strict=True), key=lambda pair: -pair[0])]


class SparkCoder:
    """``Coder``'s interface over a Spark session (local mode unless ``master`` says otherwise)."""

    def __init__(self, config: PipelineConfig | None = None, master: str = "local[2]") -> None:
        try:
            from pyspark.sql import SparkSession
        except ImportError as exc:
            raise TidingsError("--engine spark needs pyspark: pip install 'tidings[spark]'") from exc
        self.config = config or PipelineConfig()
        self._learned: dict[str, Actor] = {a.id: a for a in self.config.learned}
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this interpreter, with tidings
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        try:
            self.spark = (
                SparkSession.builder.master(master).appName("tidings-ingest")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.log.level", "ERROR")
                .config("spark.python.worker.reuse", "true")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate()
            )
        except Exception as exc:  # no Java, a master that does not answer
            raise TidingsError(f"Spark at {master} could not start: {' '.join(str(exc).split())[:300]}") from exc
        self.spark.sparkContext.setLogLevel("ERROR")
        self.parallelism = max(1, self.spark.sparkContext.defaultParallelism)

    def __enter__(self) -> SparkCoder:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def parallel(self) -> bool:
        """Coding runs in other processes (the executors), so the driver is free meanwhile."""
        return True

    def learn(self, actors: Sequence[Actor]) -> None:
        for actor in actors:
            self._learned.setdefault(actor.id, actor)

    def code(self, documents: Sequence[Document]) -> list[DocResult | CodingFailure]:
        docs = list(documents)
        if not docs:
            return []
        config = self.config
        learned = tuple(self._learned[i] for i in sorted(self._learned))
        groups = _groups(docs, self.parallelism * TASKS_PER_CORE)
        rdd = self.spark.sparkContext.parallelize(groups, len(groups))  # one group per partition
        coded = dict(rdd.mapPartitions(lambda rows: _code_partition(rows, config, learned)).collect())
        return [r if isinstance(r, DocResult) else CodingFailure(d, r) for d, r in
                ((doc, coded[i]) for i, doc in enumerate(docs))]

    def write_parquet(self, results: Sequence[DocResult], folder: Path) -> None:
        """Append results as Parquet: documents by ``published``, events by ``date``, mentions by
        their document's ``published``."""
        if not results:
            return
        published = {r.document.id: r.document.published for r in results}
        tables: list[tuple[str, type, list[Any], str, dict[str, Any]]] = [
            ("documents", Document, [r.document for r in results], "published", {}),
            ("events", Event, [e for r in results for e in r.events], "date", {}),
            ("mentions", Mention, [m for r in results for m in r.mentions], "published", {"published": date}),
        ]
        for name, cls, records, partition, extra in tables:
            if not records:
                continue
            schema = _schema(cls, extra)
            rows = []
            for record in records:
                row = [_cell(getattr(record, f.name)) for f in dataclasses.fields(cls)]
                if extra:
                    row.append(published.get(record.doc_id))
                rows.append(row)
            frame = self.spark.createDataFrame(rows, schema)
            frame.write.mode("append").partitionBy(partition).parquet(str(folder / name))

    def close(self) -> None:
        self.spark.stop()


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo is None else value
    return value


def _spark_type(annotation: Any) -> Any:
    from pyspark.sql import types as T

    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return _spark_type(args[0])
    origin = typing.get_origin(annotation) or annotation
    return {str: T.StringType(), int: T.LongType(), float: T.DoubleType(), bool: T.BooleanType(),
            date: T.DateType(), datetime: T.TimestampType()}.get(origin, T.StringType())  # lists, dicts: JSON


def _schema(cls: type, extra: dict[str, Any]) -> Any:
    from pyspark.sql import types as T

    hints = typing.get_type_hints(cls)
    fields = [T.StructField(f.name, _spark_type(hints[f.name]), True) for f in dataclasses.fields(cls)]
    fields += [T.StructField(name, _spark_type(kind), True) for name, kind in extra.items()]
    return T.StructType(fields)

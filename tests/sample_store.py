"""A store of the two sample documents, made once per test run through the library's ingest core."""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path

from tidings.service import ingest
from tidings.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@cache
def _built() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="tidings-samples-"))
    db = folder / "samples.db"
    with Store(str(db)) as store:
        totals = ingest([CORPUS], store)
    assert totals.new == 2 and totals.errors == 0, totals
    return db


def sample_db(folder: Path) -> Path:
    """A fresh copy of the sample store in ``folder`` (tests may write to it)."""
    target = folder / "samples.db"
    source = _built()
    shutil.copyfile(source, target)
    wal = source.with_name(source.name + "-wal")  # normally checkpointed on close; copied if not
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    return target

"""One loader for tidings' data files: YAML text → a validated top-level mapping.

In: a file's text, its name as the user knows it (a packaged file's name, or the user's own path), the
keys it may hold and those it must hold. Out: the parsed mapping, or a ``DataFileError`` naming the
file: not valid YAML, not a mapping, an unknown key, a missing key. Each stage's loader then checks its
own entries (codes against the codebook, sectors, camps) and names the entry in its errors.
"""

from __future__ import annotations

from collections.abc import Collection
from importlib import resources
from typing import Any

import yaml

from tidings.errors import DataFileError

__all__ = ["load_mapping", "packaged_text"]


def packaged_text(name: str) -> str:
    """The text of a data file shipped in ``tidings.data``."""
    return resources.files("tidings.data").joinpath(name).read_text("utf-8")


def load_mapping(
    text: str, name: str, allowed: Collection[str] | None = None, required: Collection[str] = (), what: str = ""
) -> dict[str, Any]:
    """Parse ``text`` as a YAML mapping whose keys are among ``allowed`` (any, when None) and include
    ``required``; ``what`` says in errors what the file should hold."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataFileError(name, f"not valid YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(raw, dict):
        raise DataFileError(name, f"expected a mapping{' with ' + what if what else ''}")
    if allowed is not None:
        unknown = set(raw) - set(allowed)
        if unknown:
            raise DataFileError(name, f"unknown key(s) {sorted(unknown)}; expected {sorted(allowed)}")
    missing = set(required) - set(raw)
    if missing:
        raise DataFileError(name, f"missing key(s) {sorted(missing)}")
    return raw

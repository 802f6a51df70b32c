"""CAMEO and PLOVER event codebooks: code lookup, Goldstein weights, and the CAMEO -> PLOVER mapping.

In: ``data/cameo.yaml`` (CAMEO 1.1b3 codes with names, Goldstein values and root quad classes) and
``data/plover.yaml`` (PLOVER types, modes, contexts and one mapping entry per CAMEO code), read from
the installed package by default or from paths the caller gives.
Out: a validated, read-only ``Codebook`` that the caller loads once and keeps, answering
``cameo(code) -> CameoCode`` and ``plover(code) -> PloverLabel | None``; plus ``apply_modality``
and ``modality_contexts`` for hypothetical / negated events. A malformed file raises
``tidings.errors.DataFileError`` naming the file and the bad entry.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tidings.errors import DataFileError

__all__ = [
    "QUAD_CLASS_NAMES",
    "CameoCode",
    "Codebook",
    "PloverLabel",
    "apply_modality",
    "modality_contexts",
]

QUAD_CLASS_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

_CODE_RE = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code. ``root`` is the two-digit cue category; ``quad_class`` is 1..4 (see module)."""

    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True)
class PloverLabel:
    """A PLOVER event type with an optional mode of that type."""

    type: str
    mode: str | None


@dataclass(frozen=True)
class _PloverType:
    name: str
    quad_class: int
    definition: str
    modes: dict[str, str]


def apply_modality(label: PloverLabel, *, hypothetical: bool, negated: bool) -> PloverLabel:
    """Return the label for a hypothetical and/or negated event: PLOVER leaves it unchanged.

    PLOVER (manual 0.8, "Special contexts") has no type or mode for intent or possibility; it records
    ``hypothetical`` and ``negation`` as special *contexts* beside an unchanged event type, and tells
    coders to return the single fitting type (AGREE, THREATEN) rather than re-label another type plus
    a special context. So the label is returned as is; callers keep the flags on the event record
    (see ``modality_contexts``). Negated events may be dropped from a final data set.
    """
    del hypothetical, negated  # carried on the event record, not in the label
    return label


def modality_contexts(*, hypothetical: bool, negated: bool) -> list[str]:
    """The PLOVER special-context codes for the given flags (``hypothetical``, ``negation``)."""
    out: list[str] = []
    if hypothetical:
        out.append("hypothetical")
    if negated:
        out.append("negation")
    return out


@contextmanager
def _data_path(given: Path | None, filename: str) -> Iterator[Path]:
    if given is not None:
        yield Path(given)
        return
    with resources.as_file(resources.files("tidings").joinpath("data", filename)) as path:
        yield path


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise DataFileError(str(path), f"not valid YAML{where}: {exc}") from exc


def _check_code(value: Any, where: str, path: str) -> str:
    if not isinstance(value, str) or not _CODE_RE.match(value):
        raise DataFileError(path, f'{where}: code {value!r} must be a quoted string of 2-4 digits (e.g. "040")')
    return value


def _parse_cameo(data: Any, path: str) -> dict[str, CameoCode]:
    if not isinstance(data, dict) or not isinstance(data.get("codes"), list):
        raise DataFileError(path, "top level must be a mapping with a 'codes' list")
    raw: dict[str, dict[str, Any]] = {}
    for i, entry in enumerate(data["codes"], start=1):
        where = f"codes entry {i}"
        if not isinstance(entry, dict):
            raise DataFileError(path, f"{where}: must be a mapping with code, name, goldstein")
        code = _check_code(entry.get("code"), where, path)
        where = f"code {code}"
        if code in raw:
            raise DataFileError(path, f"{where}: duplicate entry")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise DataFileError(path, f"{where}: 'name' must be a non-empty string")
        gold = entry.get("goldstein")
        if isinstance(gold, bool) or not isinstance(gold, int | float) or not math.isfinite(gold):
            raise DataFileError(path, f"{where}: 'goldstein' must be a number, got {gold!r}")
        if not -10.0 <= float(gold) <= 10.0:
            raise DataFileError(path, f"{where}: goldstein {gold} outside -10..10")
        if len(code) == 2:
            quad = entry.get("quad_class")
            if quad not in QUAD_CLASS_NAMES or isinstance(quad, bool):
                raise DataFileError(path, f"{where}: root needs 'quad_class' 1..4, got {quad!r}")
        elif "quad_class" in entry:
            raise DataFileError(path, f"{where}: only roots carry 'quad_class'")
        raw[code] = entry
    out: dict[str, CameoCode] = {}
    for code, entry in raw.items():
        root = code[:2]
        if root not in raw:
            raise DataFileError(path, f"code {code}: root {root} is missing")
        if len(code) == 4 and code[:3] not in raw:
            raise DataFileError(path, f"code {code}: parent {code[:3]} is missing")
        out[code] = CameoCode(
            code=code,
            name=entry["name"].strip(),
            root=root,
            goldstein=float(entry["goldstein"]),
            quad_class=int(raw[root]["quad_class"]),
        )
    if not out:
        raise DataFileError(path, "'codes' is empty")
    return out


def _str_list(value: Any, where: str, path: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DataFileError(path, f"{where} must be a list of strings")
    return list(value)


_ParsedPlover = tuple[
    dict[str, _PloverType], list[str], list[str], dict[str, PloverLabel | None], dict[str, tuple[str, ...]]
]


def _parse_plover(data: Any, path: str, cameo: dict[str, CameoCode]) -> _ParsedPlover:
    if not isinstance(data, dict):
        raise DataFileError(path, "top level must be a mapping with 'types', 'contexts' and 'mapping'")
    types_raw = data.get("types")
    if not isinstance(types_raw, dict) or not types_raw:
        raise DataFileError(path, "'types' must be a non-empty mapping of PLOVER type -> details")
    types: dict[str, _PloverType] = {}
    for name, info in types_raw.items():
        where = f"type {name}"
        if not isinstance(name, str) or not name.isupper():
            raise DataFileError(path, f"{where}: type names must be upper-case strings")
        if not isinstance(info, dict):
            raise DataFileError(path, f"{where}: must be a mapping with quad_class, definition, modes")
        quad = info.get("quad_class")
        if quad not in QUAD_CLASS_NAMES or isinstance(quad, bool):
            raise DataFileError(path, f"{where}: 'quad_class' must be 1..4, got {quad!r}")
        definition = info.get("definition")
        if not isinstance(definition, str) or not definition.strip() or "\n" in definition.strip():
            raise DataFileError(path, f"{where}: 'definition' must be a one-line string")
        modes = info.get("modes")
        if not isinstance(modes, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v for k, v in modes.items()
        ):
            raise DataFileError(path, f"{where}: 'modes' must be a mapping of mode -> one-line definition")
        types[name] = _PloverType(name, int(quad), definition.strip(), dict(modes))
    contexts = _str_list(data.get("contexts"), "'contexts'", path)
    special = _str_list(data.get("special_contexts", []), "'special_contexts'", path)
    known_contexts = set(contexts) | set(special)

    mapping_raw = data.get("mapping")
    if not isinstance(mapping_raw, dict):
        raise DataFileError(path, "'mapping' must be a mapping of CAMEO code -> {type, mode}")
    mapping: dict[str, PloverLabel | None] = {}
    mcontexts: dict[str, tuple[str, ...]] = {}
    for code, entry in mapping_raw.items():
        code = _check_code(code, "mapping key", path)
        where = f"mapping {code}"
        if code not in cameo:
            raise DataFileError(path, f"{where}: not a CAMEO code in the CAMEO codebook")
        if not isinstance(entry, dict) or "type" not in entry:
            raise DataFileError(path, f"{where}: must be a mapping with 'type' and 'mode'")
        ptype, mode = entry.get("type"), entry.get("mode")
        ctx = tuple(_str_list(entry.get("context", []), f"{where}: 'context'", path))
        for c in ctx:
            if c not in known_contexts:
                raise DataFileError(path, f"{where}: unknown context {c!r}")
        if ptype is None:
            if mode is not None:
                raise DataFileError(path, f"{where}: a mode needs a type")
            mapping[code] = None
        else:
            if ptype not in types:
                raise DataFileError(path, f"{where}: unknown PLOVER type {ptype!r}")
            if mode is not None and mode not in types[ptype].modes:
                raise DataFileError(path, f"{where}: {mode!r} is not a mode of {ptype}")
            mapping[code] = PloverLabel(ptype, mode)
        mcontexts[code] = ctx
    missing = [c for c in cameo if c not in mapping]
    if missing:
        shown = ", ".join(missing[:10]) + (" ..." if len(missing) > 10 else "")
        raise DataFileError(path, f"{len(missing)} CAMEO code(s) have no mapping entry: {shown}")
    return types, contexts, special, mapping, mcontexts


class Codebook:
    """Read-only CAMEO + PLOVER codebook. Build it with ``Codebook.load()`` once and pass it around."""

    def __init__(
        self,
        cameo: dict[str, CameoCode],
        types: dict[str, _PloverType],
        contexts: list[str],
        special_contexts: list[str],
        mapping: dict[str, PloverLabel | None],
        mapping_contexts: dict[str, tuple[str, ...]],
    ) -> None:
        self._cameo = dict(cameo)
        self._types = dict(types)
        self._contexts = list(contexts)
        self._special = list(special_contexts)
        self._mapping = dict(mapping)
        self._mapping_contexts = dict(mapping_contexts)

    @classmethod
    def load(cls, cameo_path: Path | None = None, plover_path: Path | None = None) -> Codebook:
        """Read and validate both files (package data by default); raise DataFileError on any problem."""
        with _data_path(cameo_path, "cameo.yaml") as cpath:
            cameo = _parse_cameo(_read_yaml(cpath), str(cpath))
        with _data_path(plover_path, "plover.yaml") as ppath:
            types, contexts, special, mapping, mctx = _parse_plover(_read_yaml(ppath), str(ppath), cameo)
        return cls(cameo, types, contexts, special, mapping, mctx)

    # --- CAMEO -------------------------------------------------------------------------------
    def cameo(self, code: str) -> CameoCode:
        """The CAMEO entry for ``code``; KeyError if it is not a CAMEO 1.1b3 code."""
        try:
            return self._cameo[code]
        except (KeyError, TypeError):
            raise KeyError(f"unknown CAMEO code: {code!r}") from None

    def codes(self) -> list[str]:
        """All CAMEO codes (roots included), in codebook order."""
        return list(self._cameo)

    def roots(self) -> list[str]:
        """The 20 two-digit cue categories."""
        return [c for c in self._cameo if len(c) == 2]

    def is_code(self, code: str) -> bool:
        return isinstance(code, str) and code in self._cameo

    # --- PLOVER ------------------------------------------------------------------------------
    def _resolve(self, code: str) -> str:
        if not isinstance(code, str) or not _CODE_RE.match(code):
            raise KeyError(f"not a CAMEO code: {code!r}")
        for candidate in (code, code[:3], code[:2]):
            if candidate in self._mapping:
                return candidate
        raise KeyError(f"no PLOVER mapping for CAMEO code {code!r} or its parents")

    def plover(self, code: str) -> PloverLabel | None:
        """PLOVER type and mode for a CAMEO code; None where PLOVER does not code it (CAMEO 01).

        A code without its own entry (e.g. a post-1.1b3 extension such as 1213) falls back to its
        3-digit parent, then its root. KeyError if neither the code nor a parent is known.
        """
        return self._mapping[self._resolve(code)]

    def is_plover_coded(self, code: str) -> bool:
        """True if the code maps to a PLOVER type (False for CAMEO 01 statements)."""
        return self.plover(code) is not None

    def plover_contexts(self, code: str) -> list[str]:
        """PLOVER context codes the crosswalk attaches to this CAMEO code (may be empty)."""
        return list(self._mapping_contexts[self._resolve(code)])

    def plover_types(self) -> list[str]:
        return list(self._types)

    def modes(self, plover_type: str) -> list[str]:
        """Modes of a PLOVER type (may be empty); KeyError for an unknown type."""
        try:
            return list(self._types[plover_type].modes)
        except KeyError:
            raise KeyError(f"unknown PLOVER type: {plover_type!r}") from None

    def plover_definition(self, plover_type: str) -> str:
        try:
            return self._types[plover_type].definition
        except KeyError:
            raise KeyError(f"unknown PLOVER type: {plover_type!r}") from None

    def plover_quad_class(self, plover_type: str) -> int:
        try:
            return self._types[plover_type].quad_class
        except KeyError:
            raise KeyError(f"unknown PLOVER type: {plover_type!r}") from None

    def contexts(self) -> list[str]:
        """PLOVER general context codes (special contexts excluded)."""
        return list(self._contexts)

    def special_contexts(self) -> list[str]:
        """PLOVER special contexts: historical, future, hypothetical, negation."""
        return list(self._special)

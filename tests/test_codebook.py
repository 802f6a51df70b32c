"""Tests for tidings.events.codebook against the shipped CAMEO 1.1b3 / PLOVER data files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tidings.errors import DataFileError
from tidings.events.codebook import (
    CameoCode,
    Codebook,
    PloverLabel,
    apply_modality,
    modality_contexts,
)

DATA = Path(__file__).resolve().parents[1] / "src" / "tidings" / "data"


@pytest.fixture(scope="module")
def cb() -> Codebook:
    return Codebook.load()


ROOTS = {
    "01": "MAKE PUBLIC STATEMENT",
    "02": "APPEAL",
    "03": "EXPRESS INTENT TO COOPERATE",
    "04": "CONSULT",
    "05": "ENGAGE IN DIPLOMATIC COOPERATION",
    "06": "ENGAGE IN MATERIAL COOPERATION",
    "07": "PROVIDE AID",
    "08": "YIELD",
    "09": "INVESTIGATE",
    "10": "DEMAND",
    "11": "DISAPPROVE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "EXHIBIT FORCE POSTURE",
    "16": "REDUCE RELATIONS",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "FIGHT",
    "20": "USE UNCONVENTIONAL MASS VIOLENCE",
}


def test_all_twenty_roots_with_names(cb: Codebook) -> None:
    assert cb.roots() == list(ROOTS)
    for code, name in ROOTS.items():
        assert cb.cameo(code).name == name


def test_code_counts(cb: Codebook) -> None:
    codes = cb.codes()
    assert len(codes) == 311
    assert len(set(codes)) == 311
    assert sum(len(c) == 2 for c in codes) == 20
    assert sum(len(c) == 3 for c in codes) == 147
    assert sum(len(c) == 4 for c in codes) == 144


# code, exact CAMEO 1.1b3 name, Goldstein value, PLOVER type, PLOVER mode
KNOWN = [
    ("040", "Consult, not specified below", 1.0, "CONSULT", None),
    ("041", "Discuss by telephone", 1.0, "CONSULT", "phone"),
    ("042", "Make a visit", 1.9, "CONSULT", "visit"),
    ("051", "Praise or endorse", 3.4, "SUPPORT", None),
    ("1122", "Accuse of human rights abuses", -2.0, "ACCUSE", "allege"),
    ("173", "Arrest, detain, or charge with legal action", -5.0, "COERCE", "arrest"),
    ("190", "Use conventional military force, not specified below", -10.0, "ASSAULT", None),
    ("020", "Make an appeal or request, not specified below", 3.0, "REQUEST", None),
    ("030", "Express intent to cooperate, not specified below", 4.0, "AGREE", None),
    ("070", "Provide aid, not specified below", 7.0, "AID", None),
    ("061", "Cooperate economically", 6.4, "COOPERATE", None),
    ("112", "Accuse, not specified below", -2.0, "ACCUSE", "allege"),
    ("120", "Reject, not specified below", -4.0, "REJECT", None),
    ("130", "Threaten, not specified below", -4.4, "THREATEN", None),
    ("140", "Engage in political dissent, not specified below", -6.5, "PROTEST", None),
    ("150", "Demonstrate military or police power, not specified below", -7.2, "MOBILIZE", None),
    ("163", "Impose embargo, boycott, or sanctions", -8.0, "SANCTION", "discontinue"),
    ("0874", "Retreat or surrender militarily", 10.0, "RETREAT", "disarm"),
    ("0871", "Declare truce, ceasefire", 9.0, "RETREAT", "ceasefire"),
    ("083", "Accede to requests or demands for political reform, not specified below", 5.0, "CONCEDE", None),
    ("182", "Physically assault, not specified below", -9.5, "ASSAULT", "beat"),
    ("2042", "Detonate nuclear weapons", -10.0, "ASSAULT", "unconventional"),
    ("1823", "Kill by physical assault", -10.0, "ASSAULT", None),
    ("191", "Impose blockade, restrict movement", -9.5, "COERCE", "restrict"),
]


@pytest.mark.parametrize(("code", "name", "goldstein", "ptype", "mode"), KNOWN)
def test_known_codes(cb: Codebook, code: str, name: str, goldstein: float, ptype: str, mode: str | None) -> None:
    entry = cb.cameo(code)
    assert entry == CameoCode(code, name, code[:2], goldstein, entry.quad_class)
    assert cb.plover(code) == PloverLabel(ptype, mode)


@pytest.mark.parametrize(
    ("code", "ptype"),
    [
        # PLOVER crosswalk and manual: signing agreements is SUPPORT; promising to sign is AGREE.
        ("057", "SUPPORT"),
        # PLOVER README / crosswalk: CAMEO 084-087 (material yielding) -> RETREAT, 080-083 -> CONCEDE.
        ("084", "RETREAT"),
        ("087", "RETREAT"),
        ("082", "CONCEDE"),
        ("090", "ACCUSE"),
        ("116", "SANCTION"),
        ("1712", "ASSAULT"),
        ("175", "ASSAULT"),
    ],
)
def test_plover_types_where_cameo_roots_split(cb: Codebook, code: str, ptype: str) -> None:
    label = cb.plover(code)
    assert label is not None and label.type == ptype


def test_quad_classes(cb: Codebook) -> None:
    assert cb.cameo("051").quad_class == 1
    assert cb.cameo("0874").quad_class == 2
    assert cb.cameo("094").quad_class == 3
    assert cb.cameo("1313").quad_class == 3
    assert cb.cameo("141").quad_class == 4
    assert cb.cameo("2041").quad_class == 4
    assert [cb.cameo(r).quad_class for r in ROOTS] == [1] * 5 + [2] * 3 + [3] * 5 + [4] * 7
    assert cb.plover_quad_class("CONSULT") == 1
    assert cb.plover_quad_class("RETREAT") == 2
    assert cb.plover_quad_class("REQUEST") == 3
    assert cb.plover_quad_class("ASSAULT") == 4


def test_goldstein_range_and_extremes(cb: Codebook) -> None:
    values = {c: cb.cameo(c).goldstein for c in cb.codes()}
    assert all(-10.0 <= v <= 10.0 for v in values.values())
    assert max(values.values()) == 10.0 and values["0874"] == 10.0
    assert values["057"] == 8.0
    assert values["1823"] == -10.0 and values["182"] == -9.5


def test_plover_types_and_modes(cb: Codebook) -> None:
    assert cb.plover_types() == [
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    ]  # fmt: skip
    assert set(cb.modes("CONSULT")) >= {"phone", "visit", "third-party", "multilateral"}
    assert set(cb.modes("RETREAT")) == {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"}
    assert cb.modes("REQUEST") == cb.modes("REJECT") == ["assist", "change", "yield", "meet"]
    assert set(cb.modes("ACCUSE")) == {"disapprove", "investigate", "allege"}
    assert {"abduct", "beat", "torture", "firearms", "explosives", "heavy-weapons", "massacre"} <= set(
        cb.modes("ASSAULT")
    )
    assert cb.modes("AGREE") == []
    for t in cb.plover_types():
        assert cb.plover_definition(t) and "\n" not in cb.plover_definition(t)
    with pytest.raises(KeyError):
        cb.modes("DEMAND")


def test_every_cameo_code_maps(cb: Codebook) -> None:
    types = set(cb.plover_types())
    unmapped = []
    for code in cb.codes():
        label = cb.plover(code)
        if label is None:
            unmapped.append(code)
            continue
        assert label.type in types
        assert label.mode is None or label.mode in cb.modes(label.type)
        assert set(cb.plover_contexts(code)) <= set(cb.contexts())
    # PLOVER drops only CAMEO 01 (public statements).
    assert unmapped == ["01", "010", "011", "012", "013", "014", "015", "016", "017", "018", "019"]
    assert not cb.is_plover_coded("013") and cb.is_plover_coded("020")


def test_mapping_file_has_explicit_entry_per_code(cb: Codebook) -> None:
    data = yaml.safe_load((DATA / "plover.yaml").read_text(encoding="utf-8"))
    assert set(data["mapping"]) == set(cb.codes())


def test_fallback_to_parent_and_root(cb: Codebook) -> None:
    # 1213/1214 exist in later CAMEO variants but not in 1.1b3: fall back to 121.
    assert not cb.is_code("1213")
    assert cb.plover("1213") == cb.plover("121") == PloverLabel("REJECT", "assist")
    # 199 is not a code and has no 3-digit parent: falls back to root 19.
    assert cb.plover("199") == cb.plover("19")
    with pytest.raises(KeyError):
        cb.plover("99")
    with pytest.raises(KeyError):
        cb.plover("abc")


def test_unknown_cameo_code(cb: Codebook) -> None:
    with pytest.raises(KeyError):
        cb.cameo("999")
    with pytest.raises(KeyError):
        cb.cameo("1213")
    assert cb.is_code("0874") and not cb.is_code("874") and not cb.is_code("")


def test_modality_leaves_label_and_gives_contexts() -> None:
    label = PloverLabel("ASSAULT", "firearms")
    assert apply_modality(label, hypothetical=True, negated=False) == label
    assert apply_modality(label, hypothetical=False, negated=True) == label
    assert modality_contexts(hypothetical=True, negated=True) == ["hypothetical", "negation"]
    assert modality_contexts(hypothetical=False, negated=False) == []


def test_special_contexts(cb: Codebook) -> None:
    assert cb.special_contexts() == ["historical", "future", "hypothetical", "negation"]


# --- corrupted files ---------------------------------------------------------------------


def _copy(tmp_path: Path, name: str, edit: str | None = None, new: str = "") -> Path:
    text = (DATA / name).read_text(encoding="utf-8")
    if edit is not None:
        assert edit in text
        text = text.replace(edit, new, 1)
    out = tmp_path / name
    out.write_text(text, encoding="utf-8")
    return out


def test_bad_yaml_names_file(tmp_path: Path) -> None:
    bad = tmp_path / "cameo.yaml"
    bad.write_text('codes:\n  - {code: "01", name: [unclosed\n', encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        Codebook.load(cameo_path=bad)
    assert str(bad) in str(err.value) and err.value.path == str(bad)


def test_missing_file_names_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(DataFileError, match="nope.yaml"):
        Codebook.load(plover_path=missing)


def test_unquoted_code_rejected(tmp_path: Path) -> None:
    bad = _copy(tmp_path, "cameo.yaml", '{code: "040",', "{code: 040,")
    with pytest.raises(DataFileError, match="quoted string"):
        Codebook.load(cameo_path=bad)


def test_bad_goldstein_rejected(tmp_path: Path) -> None:
    bad = _copy(tmp_path, "cameo.yaml", '{code: "051", name: "Praise or endorse", goldstein: 3.4}',
                '{code: "051", name: "Praise or endorse", goldstein: 34}')  # fmt: skip
    with pytest.raises(DataFileError, match="code 051") as err:
        Codebook.load(cameo_path=bad)
    assert str(bad) in str(err.value)


def test_unmapped_code_rejected(tmp_path: Path) -> None:
    line = '  "1122": {type: ACCUSE, mode: "allege", context: [human_rights], basis: manual}\n'
    bad = _copy(tmp_path, "plover.yaml", line)
    with pytest.raises(DataFileError, match="1122") as err:
        Codebook.load(plover_path=bad)
    assert str(bad) in str(err.value)


def test_unknown_type_rejected(tmp_path: Path) -> None:
    bad = _copy(tmp_path, "plover.yaml", '"173": {type: COERCE,', '"173": {type: ARREST,')
    with pytest.raises(DataFileError, match=r"mapping 173: unknown PLOVER type 'ARREST'"):
        Codebook.load(plover_path=bad)


def test_unknown_mode_rejected(tmp_path: Path) -> None:
    bad = _copy(tmp_path, "plover.yaml", '"041": {type: CONSULT, mode: "phone"', '"041": {type: CONSULT, mode: "fax"')
    with pytest.raises(DataFileError, match=r"mapping 041: 'fax' is not a mode of CONSULT"):
        Codebook.load(plover_path=bad)


def test_mapping_of_non_code_rejected(tmp_path: Path) -> None:
    bad = _copy(tmp_path, "plover.yaml", "mapping:\n", 'mapping:\n  "0999": {type: AID, mode: null}\n')
    with pytest.raises(DataFileError, match="0999"):
        Codebook.load(plover_path=bad)

"""Fixtures shared by the tests: the spaCy model and the two sample documents, parsed once."""

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tidings.nlp import load_nlp

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def pozirk(nlp: Language) -> Doc:
    return nlp((CORPUS / "pozirk-2026-02-14-tsikhanouskaya-nato-pa.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def mfa(nlp: Language) -> Doc:
    return nlp((CORPUS / "mfa-belarus-2026-02-23-sekreta-geneva.txt").read_text(encoding="utf-8"))

"""The one loader every data file's top level goes through: errors name the file and the key."""

from __future__ import annotations

import pytest

from tidings.actors.agents import AgentBook
from tidings.datafiles import load_mapping
from tidings.errors import DataFileError
from tidings.events.lexicon import CoderLexicon


def test_unknown_and_missing_keys_are_named_with_the_file():
    with pytest.raises(DataFileError, match=r"mine.yaml: unknown key\(s\) \['colour'\]"):
        load_mapping("agents: []\ncolour: red\n", "mine.yaml", {"agents"})
    with pytest.raises(DataFileError, match=r"mine.yaml: missing key\(s\) \['agents'\]"):
        load_mapping("institutions: {}\n", "mine.yaml", {"agents", "institutions"}, {"agents"})
    with pytest.raises(DataFileError, match="mine.yaml: not valid YAML"):
        load_mapping("agents: [\n", "mine.yaml")
    with pytest.raises(DataFileError, match="mine.yaml: expected a mapping"):
        load_mapping("- a\n- b\n", "mine.yaml")


def test_a_users_agent_file_is_checked_and_named(tmp_path):
    mine = tmp_path / "my-agents.yaml"
    mine.write_text("agents:\n  - {term: coast guard, sector: NAVY}\n", "utf-8")
    with pytest.raises(DataFileError, match="my-agents.yaml: agent 0 .*unknown sector 'NAVY'"):
        AgentBook.load((mine,))
    mine.write_text("agents:\n  - {term: coast guard, sector: MIL}\n", "utf-8")
    assert AgentBook.load((mine,)).terms["coast guard"] == "MIL"
    mine.write_text("agents:\n  - {term: guard, sector: MIL, mass: yes please}\n", "utf-8")
    with pytest.raises(DataFileError, match="my-agents.yaml: agent 0 .*'mass' is true or false"):
        AgentBook.load((mine,))
    # a user's entry for a mass term overrides it whole: "force" is no longer a mass noun
    mine.write_text("agents:\n  - {term: force, sector: MIL}\n", "utf-8")
    assert "force" in AgentBook.load().mass and "force" not in AgentBook.load((mine,)).mass


def test_the_coders_word_lists_need_every_key():
    with pytest.raises(DataFileError, match=r"coder.yaml: unknown key\(s\)"):
        CoderLexicon.load("modals: [will]\nverbs: [say]\n")
    with pytest.raises(DataFileError, match=r"missing key\(s\)"):
        CoderLexicon.load("modals: [will]\n")


def test_the_modality_table_refuses_unknown_keys():
    from tidings.events.patterns import _modality

    with pytest.raises(DataFileError, match=r"verbs.yaml: modality: unknown key\(s\) \['wishs'\]"):
        _modality({"wishs": ["call"]})
    assert "call" in _modality({"wishes": ["call"]}).wishes

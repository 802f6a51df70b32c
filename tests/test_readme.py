"""The README a newcomer opens first stays readable and names commands that exist."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from tidings.cli.main import app

README = Path(__file__).resolve().parents[1] / "README.md"
MAKEFILE = README.parent / "Makefile"


def test_readme_is_small_and_has_each_section_once():
    text = README.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 30_000
    headings = re.findall(r"^#+ .+$", text, flags=re.M)
    assert len(headings) == len(set(headings)), "a heading stands twice"


def test_the_two_commands_are_make_targets():
    text = README.read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", MAKEFILE.read_text(encoding="utf-8"), flags=re.M))
    named = set(re.findall(r"^make ([a-z-]+)", text, flags=re.M))
    assert {"demo", "test"} <= named
    assert named <= targets


def test_every_tidings_subcommand_in_the_readme_exists():
    text = README.read_text(encoding="utf-8")
    commands = set(get_command(app).commands)  # type: ignore[attr-defined]
    named = set(re.findall(r"`(?:\.venv/bin/)?tidings ([a-z-]+)", text))
    named |= set(re.findall(r"^\.venv/bin/tidings ([a-z-]+)", text, flags=re.M))
    assert named, "the README names no tidings command"
    assert named <= commands, f"README names missing commands: {named - commands}"

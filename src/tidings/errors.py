"""One exception tree for tidings; every message names the file (and line) it is about.

In: nothing. Out: ``TidingsError`` and its subclasses, raised by every stage and turned into a
one-line message and a non-zero exit by the CLI.
"""

from __future__ import annotations

__all__ = ["DataFileError", "IngestError", "StoreError", "TidingsError"]


class TidingsError(Exception):
    """Base of every error tidings reports to a user."""


class IngestError(TidingsError):
    """A file (or one line of it) could not be read as a document."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


class DataFileError(TidingsError):
    """A dictionary file (actors, patterns, codebook) is malformed."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        super().__init__(f"{path}: {problem}")


class StoreError(TidingsError):
    """The database could not be opened or written."""

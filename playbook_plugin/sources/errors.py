"""The one error type for bad playbook sources: it always names a file and line."""

from __future__ import annotations


class SourceError(Exception):
    """A problem in an author's file, reported as ``path:line: message``."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


class SourceErrors(Exception):
    """Every problem found in one validation pass, so an author fixes them all at once."""

    def __init__(self, errors: list[SourceError]) -> None:
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors

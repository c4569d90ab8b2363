"""The exception tree. Every error that reaches a user carries a path and, where known, a line.

::

    DatelineError
    ├── ConfigError        dateline.yaml is missing, unreadable or invalid
    ├── ContentError       one content file cannot become an article (carries a Diagnostic)
    ├── TemplateError      a template failed to load or render (template file and line)
    └── OutputError        the output folder is unsafe or could not be written
        └── CollisionError two articles map to one URL

Expected problems inside extraction are not exceptions: they are collected as ``Diagnostic`` values.
"""

from __future__ import annotations

from .model import Diagnostic, Level


class DatelineError(Exception):
    """Base class of every error dateline reports to a user."""

    def __init__(self, message: str, path: str = "", line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def diagnostic(self, code: str = "") -> Diagnostic:
        """This error as a Diagnostic, for uniform reporting."""
        return Diagnostic(self.path, self.line, Level.ERROR, self.message, self.column, code)

    def __str__(self) -> str:
        return self.diagnostic().format() if self.path else self.message


class ConfigError(DatelineError):
    """The site configuration cannot be used."""


class ContentError(DatelineError):
    """A content file cannot be turned into an article."""

    def __init__(self, message: str, path: str = "", line: int = 0, column: int = 0, code: str = "") -> None:
        super().__init__(message, path, line, column)
        self.code = code

    def diagnostic(self, code: str = "") -> Diagnostic:
        return Diagnostic(self.path, self.line, Level.ERROR, self.message, self.column, code or self.code)


class TemplateError(DatelineError):
    """A template could not be compiled or rendered."""


class OutputError(DatelineError):
    """The output folder is unsafe to use or could not be written."""


class CollisionError(OutputError):
    """Two sources map to the same output URL."""

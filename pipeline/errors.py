"""Errors and their messages, in one module.

``ReadError`` is what a reader raises for a file it cannot read; the batch turns
it into an ``ErrorRecord`` and goes on. ``UsageError`` is a caller mistake.
"""
from __future__ import annotations

MESSAGES = {
    "not_found": "file not found",
    "empty": "file is empty",
    "too_large": "file is larger than the limit of {limit} MB",
    "unsupported": "unsupported format ({detail})",
    "encrypted": "PDF is encrypted and cannot be read without a password",
    "corrupt": "file is damaged or not a valid {fmt} ({detail})",
    "no_text": "no readable text ({detail})",
    "timeout": "reading took longer than {seconds} s",
    "internal": "unexpected error while reading ({detail})",
}


class VanbanError(Exception):
    """Base of the project's exceptions."""


class UsageError(VanbanError):
    """The caller asked for something that cannot be done (bad option, missing database...)."""


class ReadError(VanbanError):
    """A file could not be read; ``code`` is one of ErrorRecord.code."""

    def __init__(self, code: str, **details: object) -> None:
        self.code = code
        self.details = details
        template = MESSAGES.get(code, "{detail}")
        try:
            message = template.format(**details)
        except KeyError:
            message = template
        super().__init__(message)


def one_line(path: object, error: BaseException) -> str:
    """'path: cause' on one line, for the CLI and error records."""
    text = " ".join(str(error).split()) or type(error).__name__
    return f"{path}: {text}"

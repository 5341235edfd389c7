"""Errors of the casework services: specific, naming the field, and changing nothing."""

from __future__ import annotations


class CaseworkError(Exception):
    """A request the law or the record does not allow; the message is shown to the user."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class ConcurrentEditError(CaseworkError):
    """Someone else saved first; the caller must reload, nothing was overwritten."""

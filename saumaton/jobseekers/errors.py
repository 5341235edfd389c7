"""Errors of the jobseeker services: specific, naming the field, and changing nothing."""

from __future__ import annotations


class JobseekerError(Exception):
    """A change the law or the record does not allow; the message is shown to the user.

    ``field`` names the form field the message belongs to (None: the whole form).
    """

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

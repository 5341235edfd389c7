"""The one error the rules raise for bad or out-of-scope input, naming the offending field.

Why: the JSON interface must answer ``{"error": ..., "field": ...}`` for the exact input field
that made a question unanswerable, and the rules know best which of their inputs that was.
"""

from __future__ import annotations


class RuleInputError(ValueError):
    """An input the rules cannot judge; ``field`` is its name in the question."""

    def __init__(self, message: str, field: str | None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

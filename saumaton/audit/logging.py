"""A logging filter that keeps personal data out of every log line (nothing personal in logs)."""

from __future__ import annotations

import logging

from .personal_data import scrub


class PersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True

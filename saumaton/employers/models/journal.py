"""The change journal the process-level matching indexes catch up from (``employers.index``).

Why a table and not an in-process signal only: every web and worker process keeps its own
index; a change saved in one process must reach the others. Each process remembers the last
journal id it applied and, before a query, re-reads only the rows changed since.
"""

from __future__ import annotations

from django.db import models


class IndexChange(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "person"
        VACANCY = "vacancy", "vacancy"

    kind = models.CharField(max_length=8, choices=Kind.choices)
    key = models.UUIDField()  # Person.id or Vacancy.id; no personal data
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"

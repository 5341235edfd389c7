"""``{{ person_id|person_url }}``: the person page's address without a URL lookup per row.

Work queues list dozens of people; resolving the URL pattern for each row was a measurable part
of rendering. The address is built from the pattern once (for a placeholder id) and reused.
"""

from functools import lru_cache
from uuid import UUID

from django import template
from django.urls import reverse

register = template.Library()
_PLACEHOLDER = UUID(int=0)


@lru_cache(maxsize=1)
def _pattern() -> tuple[str, str]:
    url = reverse("jobseekers:detail", args=[_PLACEHOLDER])
    before, after = url.split(str(_PLACEHOLDER))
    return before, after


@register.filter
def person_url(person_id) -> str:
    before, after = _pattern()
    return f"{before}{person_id}{after}"

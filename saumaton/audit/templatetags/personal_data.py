"""``{{ value|mask:"identity_code" }}``: mask a personal-data value by its registry category."""

from django import template

from saumaton.audit.personal_data import Category
from saumaton.audit.personal_data import mask as mask_value

register = template.Library()


@register.filter
def mask(value, category: str) -> str:
    return mask_value(value, Category(category))

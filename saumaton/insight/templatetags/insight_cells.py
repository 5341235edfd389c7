"""Formatting of dashboard cells by kind (count, share, euros, ...), localised."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from saumaton.insight.tables import SUPPRESSED

register = template.Library()


@register.simple_tag
def cell(value):
    kind, raw = value
    if raw is None:
        return "–"
    if raw == SUPPRESSED:
        return format_html(
            '<abbr title="{}">..</abbr>',
            _("not shown: fewer than 5 people, or a figure that would reveal one"),
        )
    if kind == "metric":
        url = reverse("insight:definitions") + f"#{raw[0]}"
        return format_html('<a href="{}">{}</a>', url, raw[1])
    if kind == "cell":
        return raw[1]
    if kind == "share":
        return f"{number_format(raw * 100, 1)} %"
    if kind == "points":
        return _("%(value)s %%-points") % {
            "value": number_format(raw * 100, 1, force_grouping=True)
        }
    if kind == "interval":
        low, high = (number_format(v * 100, 1) for v in raw)
        return f"{low} … {high}"
    if kind == "eur":
        return f"{number_format(raw, 2, force_grouping=True)} €"
    if kind in ("persons", "spells", "meetings", "referrals", "number", "days"):
        return number_format(round(raw), 0, force_grouping=True)
    return raw

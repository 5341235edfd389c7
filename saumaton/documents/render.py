"""Render a document template to HTML and to PDF, in the person's language.

Why this shape: the text is a Django template (the same gettext catalogue as the UI, so a
document reads like the screens the person knows), rendered inside
``translation.override(language)`` so dates, labels and headings follow the person's language
and not the staff member's. WeasyPrint may fetch nothing but ``data:`` URLs: a document holding
personal data must not make network requests (a tracking pixel, a remote font) or read local
files while it renders. Styles are inline and fonts are generic families (``sans-serif``)
resolved by fontconfig on the server, so rendering works offline.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher


def offline_fetcher() -> URLFetcher:
    """A fetcher that refuses every URL except inline ``data:`` ones."""
    return URLFetcher(allowed_protocols={"data"})


def render_html(template_name: str, context: dict, language: str) -> str:
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"unknown document language {language!r}")
    with translation.override(language):
        return render_to_string(template_name, context)


def render_pdf(template_name: str, context: dict, language: str) -> bytes:
    """The template rendered in ``language`` as a tagged PDF (assistive technology reads it)."""
    html = render_html(template_name, context, language)
    return HTML(string=html, url_fetcher=offline_fetcher()).write_pdf(pdf_tags=True)

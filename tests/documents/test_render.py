"""Each document renders to a PDF in fi, sv and en, with the person's name and the heading in
the document's language, and fetches nothing from outside.

pypdf is not installed, so the PDF's text is not extracted: the tests read the PDF's own
metadata and outline (the document title and the bookmarks WeasyPrint makes from the headings)
and check the full text on the HTML that the PDF is made from.
"""

from __future__ import annotations

import re
import socket
import zlib
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from django.utils.translation import gettext

from saumaton.documents import render
from saumaton.documents.contexts import (
    Acceptance,
    JobSearchDuty,
    PlanAction,
    PlanDocument,
    StatementDocument,
)

NAME = "Åsa Mäkelä-Öberg"
PLAN = PlanDocument(
    person_name=NAME,
    identity_code="131052-308T",
    plan_date=date(2026, 3, 2),
    version=2,
    survey="Trukkikortti, kymmenen vuotta varastotyötä.\nEi ajokorttia.",
    goals=["Työ logistiikka-alalta"],
    actions=[PlanAction("Trukkikoulutus", "Työvoimakoulutus", date(2026, 3, 10), None)],
    duty=JobSearchDuty(period_months=1, applications_required=4),
    follow_up_method="Puhelu",
    follow_up_deadline=date(2026, 4, 2),
    acceptance=Acceptance("electronic", datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("UTC"))),
)
STATEMENT = StatementDocument(
    kind="statement",
    person_name=NAME,
    identity_code="131052-308T",
    failure_kind="Missed meeting",
    failure_date=date(2026, 3, 5),
    consequence="Benefit loss",
    issuer="Demo työvoimaviranomainen",
    statement_deadline=date(2026, 3, 19),
    basis=["TTL 2a:9", "380/2023 §41"],
    days=7,
)
HEADINGS = {PlanDocument: "Employment plan", StatementDocument: "Labour policy statement"}
PLAN_DATES = {"fi": "2.3.2026", "sv": "2 mars 2026", "en": "March 2, 2026"}


def _pdf_strings(pdf: bytes) -> list[str]:
    """The ``/Title`` strings of a PDF (document title and outline), from every inflated stream."""
    chunks = [pdf]
    for match in re.finditer(rb"stream\r?\n", pdf):
        end = pdf.find(b"endstream", match.end())
        try:
            chunks.append(zlib.decompress(pdf[match.end() : end]))
        except zlib.error:
            continue
    titles = []
    for chunk in chunks:
        for raw in re.findall(rb"/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9a-fA-F]+>)", chunk):
            if raw.startswith(b"<"):
                titles.append(bytes.fromhex(raw[1:-1].decode()).decode("utf-16"))
            else:
                titles.append(re.sub(rb"\\(.)", rb"\1", raw[1:-1]).decode("latin-1"))
    return titles


def _heading(document, language: str) -> str:
    with translation.override(language):
        return gettext(HEADINGS[type(document)])


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("document", [PLAN, STATEMENT], ids=["plan", "statement"])
def test_pdf_in_each_language_carries_the_name_and_heading(document, language):
    pdf = render.render_pdf(document.template_name, {"document": document}, language)

    assert pdf.startswith(b"%PDF")
    heading = _heading(document, language)
    titles = _pdf_strings(pdf)
    assert f"{heading} – {NAME}" in titles, titles  # the document title
    bookmarks = [title for title in titles if NAME not in title]
    assert bookmarks[0].startswith(heading), titles  # the first bookmark, from the h1


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_plan_html_is_in_the_persons_language(language):
    html = render.render_html(PLAN.template_name, {"document": PLAN}, language)

    assert f'<html lang="{language}">' in html
    assert f"<h1>{_heading(PLAN, language)}</h1>" in html
    assert NAME in html and "131052-308T" in html
    assert PLAN_DATES[language] in html  # Django's own date format for the language
    assert "380/2023 §§35–38" in html
    assert "Trukkikoulutus" in html and "Työvoimakoulutus" in html


def test_a_draft_reminder_without_valid_reason_says_so():
    reminder = StatementDocument(
        kind="reminder",
        person_name=NAME,
        identity_code="",
        failure_kind="Job-search duty",
        failure_date=date(2025, 11, 3),
        consequence="Written reminder",
        issuer="Demo",
        statement_deadline=date(2025, 11, 17),
    )

    html = render.render_html(reminder.template_name, {"document": reminder}, "en")

    assert "<h1>Written reminder" in html and "(draft)" in html
    assert "No valid reason was presented." in html
    assert "Days without benefit" not in html


def test_a_plan_without_duty_or_acceptance_renders():
    plan = PlanDocument(**{**PLAN.__dict__, "duty": None, "acceptance": None})
    html = render.render_html(plan.template_name, {"document": plan}, "en")
    assert "No job-search duty." in html and "Not accepted yet." in html


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        render.render_pdf(PLAN.template_name, {"document": PLAN}, "de")


@pytest.mark.parametrize(
    "url", ["http://example.com/x.png", "https://example.com/f.woff", "file:///etc/passwd"]
)
def test_the_fetcher_refuses_everything_but_data_urls(url):
    with pytest.raises(ValueError, match="disallowed protocol"):
        render.offline_fetcher()(url)


def test_rendering_never_opens_a_connection(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("a document tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    hostile = (
        '<html><head><link rel="stylesheet" href="https://example.com/s.css"></head>'
        '<body><img src="http://example.com/pixel.png"><p>text</p></body></html>'
    )
    monkeypatch.setattr(render, "render_html", lambda *args: hostile)

    assert render.render_pdf("unused", {}, "fi").startswith(b"%PDF")
    for document in (PLAN, STATEMENT):
        render.render_pdf(document.template_name, {"document": document}, "sv")

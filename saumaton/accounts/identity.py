"""Strong identification: the verified henkilötunnus of the person using this session.

Self-service registration (380/2023 §27) must know who the person is without asking them to
type an identity code: the code comes from the strong-identification service (Suomi.fi
tunnistus or another OIDC provider, Act 617/2009 on strong electronic identification). The OIDC
backend puts the claim named by ``settings.OIDC_HETU_CLAIM`` (default ``national_id``) into the
session at login; the demo's test identification page does the same with a synthetic code.

The code lives only in the server-side session: never in a URL, a cookie value or a log line.
It is dropped from the session once the job search has been started with it.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.conf import settings

from saumaton.rules.identifiers import make_hetu, validate_hetu

SESSION_KEY = "saumaton_verified_hetu"
DEFAULT_CLAIM = "national_id"
DEMO_SOURCE = "demo_test_identification"
TEST_RANGE = range(900, 1000)  # individual numbers used for test and temporary codes


def hetu_claim() -> str:
    return getattr(settings, "OIDC_HETU_CLAIM", DEFAULT_CLAIM)


def remember(request, hetu: str, *, source: str) -> bool:
    """Keep a verified code in the session; an invalid code is ignored (returns False)."""
    if not hetu or not validate_hetu(hetu).valid:
        return False
    request.session[SESSION_KEY] = {"hetu": hetu, "source": source}
    return True


def remember_from_claims(request, claims: dict) -> bool:
    """Called by the OIDC backend with the identity provider's user info."""
    return remember(request, claims.get(hetu_claim(), ""), source="oidc")


def verified_hetu(request) -> str | None:
    """The strongly identified code of this session's person, or None."""
    stored = request.session.get(SESSION_KEY)
    return stored["hetu"] if stored else None


def identified_by_demo(request) -> bool:
    stored = request.session.get(SESSION_KEY)
    return bool(stored) and stored["source"] == DEMO_SOURCE


def forget(request) -> None:
    request.session.pop(SESSION_KEY, None)


def is_test_hetu(hetu: str) -> bool:
    """A valid code from the test range (individual number 900–999)."""
    return bool(validate_hetu(hetu).temporary)


def test_hetu_suggestions(seed: int, count: int = 6) -> list[str]:
    """Synthetic test-range codes for the demo identification page, stable per user."""
    rng = random.Random(seed)
    suggestions: list[str] = []
    while len(suggestions) < count:
        birth = date(1960, 1, 1) + timedelta(days=rng.randrange(45 * 365))
        code = make_hetu(birth, rng.choice(TEST_RANGE))
        if code not in suggestions:
            suggestions.append(code)
    return suggestions

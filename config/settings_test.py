"""Test settings: the real settings, with a throwaway key, fast hashing and strict templates."""

import os

os.environ.setdefault("SAUMATON_SECRET_KEY", "tests-only-not-a-secret")

from .settings import *  # noqa: F403
from .settings import TEMPLATES


class InvalidTemplateVariable(str):
    """Undefined template variables fail the test instead of rendering as empty."""

    def __mod__(self, name):
        raise NameError(f"Undefined template variable: {name!r}")


TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = InvalidTemplateVariable("%s")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Build matching indexes in the request: another connection cannot see a test's data.
SAUMATON_MATCHING_BUILD_IN_BACKGROUND = False

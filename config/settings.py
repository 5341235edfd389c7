"""Django settings, read from the environment (django-environ).

Defaults serve the embedded SQLite demo; production sets ``DATABASE_URL`` (PostgreSQL) and
``SAUMATON_SECRET_KEY``. No production secret has a default: without a secret key the settings
refuse to load unless ``SAUMATON_DEMO=1`` (set by ``saumaton demo`` and the test suite), which
uses a key generated once into ``var/``.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("SAUMATON_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env(
    DEBUG=(bool, False),
    SAUMATON_DEMO=(bool, False),
    SAUMATON_OIDC_ENABLED=(bool, False),
)

DEBUG = env("DEBUG")
DEMO = env("SAUMATON_DEMO")


def _secret_key() -> str:
    key = env.str("SAUMATON_SECRET_KEY", default="")
    if key:
        return key
    if not DEMO:
        raise ImproperlyConfigured(
            "SAUMATON_SECRET_KEY is not set. Production needs its own secret; "
            "for a local demo run `saumaton demo` (or set SAUMATON_DEMO=1)."
        )
    key_file = VAR_DIR / "demo-secret-key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "simple_history",
    "saumaton.core",
    "saumaton.reference",
    "saumaton.organisations",
    "saumaton.accounts",
    "saumaton.audit",
    "saumaton.jobseekers",
    "saumaton.casework",
    "saumaton.employers",
    "saumaton.ecosystem",
    "saumaton.outbox",
    "saumaton.insight",
    "saumaton.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "saumaton.accounts.middleware.StaffSessionExpiryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "saumaton" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "saumaton.core.context_processors.navigation",
            ],
            "string_if_invalid": env.str("SAUMATON_TEMPLATE_INVALID", default=""),
        },
    }
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'saumaton.sqlite3'}"),
}
# Persistent connections: opening a PostgreSQL connection (a forked backend, authentication)
# cost more than a logged-in page's own queries. Each server thread keeps its connection this
# many seconds, checked before reuse; ``?conn_max_age=`` in DATABASE_URL takes precedence.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("SAUMATON_DB_CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the demo server read while a sweep or import writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["saumaton.accounts.backends.SaumatonModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:front"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Staff sessions end after this much inactivity (sliding) and after the absolute maximum.
SESSION_COOKIE_AGE = env.int("SAUMATON_SESSION_IDLE_SECONDS", default=30 * 60)
# The idle timeout slides: StaffSessionExpiryMiddleware renews the session at most once a minute
# (renewing on every request would cost a database write per page).
SESSION_RENEW_AFTER_SECONDS = 60
SAUMATON_STAFF_SESSION_MAX = timedelta(
    hours=env.int("SAUMATON_STAFF_SESSION_MAX_HOURS", default=10)
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env.bool("SAUMATON_SECURE_COOKIES", default=not DEMO and not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Login throttling: this many failures for one username or one address within the window.
SAUMATON_LOGIN_MAX_FAILURES = env.int("SAUMATON_LOGIN_MAX_FAILURES", default=5)
SAUMATON_LOGIN_WINDOW = timedelta(minutes=env.int("SAUMATON_LOGIN_WINDOW_MINUTES", default=15))

# OpenID Connect (mozilla-django-oidc), e.g. Suomi.fi identification or the municipality's IdP.
OIDC_ENABLED = env("SAUMATON_OIDC_ENABLED")
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.insert(0, "saumaton.accounts.oidc.SaumatonOIDCBackend")
    OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
    OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT")
    OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid email profile")
    OIDC_CREATE_USER = env.bool("OIDC_CREATE_USER", default=False)
    # The claim carrying the strongly identified person's henkilötunnus (accounts/identity.py).
    OIDC_HETU_CLAIM = env.str("OIDC_HETU_CLAIM", default="national_id")

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "saumaton" / "locale"]
LANGUAGE_COOKIE_NAME = "saumaton_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Set STATIC_ROOT in production and run collectstatic; the demo serves through finders.
STATIC_ROOT = env.str("STATIC_ROOT", default=None)
STATICFILES_DIRS = [BASE_DIR / "saumaton" / "static"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "saumaton.api.authentication.OrganisationTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["saumaton.api.permissions.DeclaredPermission"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Saumaton API",
    "DESCRIPTION": "REST API of the Saumaton employment-services platform.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Outbox (saumaton.outbox): where messages to people, Kela and unemployment funds go.
# Transport per channel: "directory" (files under SAUMATON_OUTBOX_DIR/<channel>/, the demo) or,
# for e-mail, "smtp"; the environment overrides channels, e.g. SAUMATON_OUTBOX_TRANSPORTS=email=smtp
SAUMATON_OUTBOX_DIR = Path(env.str("SAUMATON_OUTBOX_DIR", default=str(VAR_DIR / "outbox")))
SAUMATON_OUTBOX_TRANSPORTS = {
    "email": "directory",
    "sms": "directory",
    "kela_statement": "directory",
    "fund_statement": "directory",
    "keha_statement": "directory",
    **env.dict("SAUMATON_OUTBOX_TRANSPORTS", default={}),
}
# The overall picture does not wait for a process's first build of an area's matching index
# (employers/index.py); off in the tests, whose data another connection cannot see.
SAUMATON_MATCHING_BUILD_IN_BACKGROUND = env.bool(
    "SAUMATON_MATCHING_BUILD_IN_BACKGROUND", default=True
)
# A process rebuilds an area's matching index from scratch once it is this old, so the change
# journal older than that (plus a margin) is never read again and is pruned (employers/index.py).
SAUMATON_MATCHING_INDEX_MAX_AGE_HOURS = env.int("SAUMATON_MATCHING_INDEX_MAX_AGE_HOURS", default=6)
# Seam-guard finders contributed by apps other than casework (see casework/sweep.py).
SAUMATON_SEAM_FINDERS: list[str] = [
    "saumaton.employers.seams.unanswered_assignments",
    "saumaton.ecosystem.seam.find_referral_seams",
]
# Where insight's refresh finds service participations (insight/extract.py; docs/insight.md).
SAUMATON_INSIGHT_PARTICIPATION_SOURCES: list[str] = [
    "saumaton.insight.extract.participations_from_status",
    "saumaton.insight.extract.participations_from_referrals",
]

SAUMATON_OUTBOX_MAX_ATTEMPTS = env.int("SAUMATON_OUTBOX_MAX_ATTEMPTS", default=5)
# E-mail over SMTP (Django's backend), used when the e-mail channel's transport is "smtp".
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="saumaton@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"personal_data": {"()": "saumaton.audit.logging.PersonalDataFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["personal_data"]},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

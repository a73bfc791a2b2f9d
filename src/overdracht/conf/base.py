"""Settings shared by every environment. Everything that differs per installation is read
from the environment; see docs/developers/configuration.md."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from django.utils.translation import gettext_lazy as _

from csp.constants import NONE, SELF

from overdracht.conf.databases import audit_is_separate_database, database_settings
from overdracht.conf.env import env_bool, env_int, env_list, env_str

SRC_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SRC_DIR.parent.parent
VAR_DIR = Path(env_str("OVERDRACHT_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "overdracht.core",
    "overdracht.audit",
    "overdracht.accounts",
    "overdracht.schools",
    "overdracht.outbox",
    "overdracht.pupils",
    "overdracht.dossiers",
    "overdracht.consent",
    "overdracht.passports",
    "overdracht.meetings",
    "overdracht.steps",
    "overdracht.regional_calendar",
    "overdracht.roster",
    "overdracht.promotion",
    "overdracht.mentor_handover",
    "overdracht.group_plans",
    "overdracht.feedback",
    "overdracht.aftercare",
    "overdracht.analytics",
    "overdracht.careers",
    "overdracht.further_education",
    "overdracht.intake",
    "overdracht.worklist",
    "overdracht.operations",
    "overdracht.api",
    "overdracht.sso",
    "ninja",
    "overdracht.care",
    "overdracht.retention",
    "overdracht.oso",
    "overdracht.portal",
    "overdracht.dashboard",
    "overdracht.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "overdracht.core.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "overdracht.accounts.middleware.SessionTimeoutMiddleware",
    "overdracht.schools.middleware.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "overdracht.core.middleware.NoStoreMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "overdracht.conf.urls"
WSGI_APPLICATION = "overdracht.conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "overdracht.core.context_processors.product",
            ],
        },
    },
]

DATABASES = database_settings(
    database_url=env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'overdracht.sqlite3'}"),
    audit_url=env_str("AUDIT_DATABASE_URL", "") or None,
    var_dir=VAR_DIR,
)
AUDIT_DATABASE_SEPARATE = audit_is_separate_database(DATABASES)
DATABASE_ROUTERS = ["overdracht.audit.routers.AuditRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions: an idle and an absolute limit, enforced by SessionTimeoutMiddleware.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_IDLE_TIMEOUT = timedelta(minutes=env_int("OVERDRACHT_SESSION_IDLE_MINUTES", 30))
SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=env_int("OVERDRACHT_SESSION_ABSOLUTE_HOURS", 10))
SESSION_COOKIE_AGE = int(SESSION_ABSOLUTE_TIMEOUT.total_seconds())

# Lockout after repeated failed logins (django-axes), per e-mail address and IP address.
AXES_FAILURE_LIMIT = env_int("OVERDRACHT_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("OVERDRACHT_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The ceiling per account across all addresses (a spread-out guessing attack), higher than
# the per-address limit so that nobody locks a colleague out by typing wrong on purpose.
OVERDRACHT_ACCOUNT_FAILURE_CEILING = env_int("OVERDRACHT_ACCOUNT_FAILURE_CEILING", 20)
# Days between the retention job first reporting something due and deleting it: time for
# the school administrator to place a legal hold.
OVERDRACHT_RETENTION_NOTICE_DAYS = env_int("OVERDRACHT_RETENTION_NOTICE_DAYS", 14)
AXES_USERNAME_FORM_FIELD = "email"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "overdracht.accounts.views.lockout_response"
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = False

# Background tasks (OSO import batches, reminders): a queue in the database, worked by
# `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The progress of a long job (core.progress), shared by the web server and the task worker,
# which `manage.py serve` runs on one server with one var folder.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "progress": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "progress"),
    },
}

# Fernet keys for special-category data at rest (core.crypto): the first encrypts, all decrypt.
OVERDRACHT_ENCRYPTION_KEYS = env_list("OVERDRACHT_ENCRYPTION_KEYS")

# OSO: where the official schema and examples live (outside the project), and input caps.
OSO_STANDARD_DIR = Path(env_str("OSO_STANDARD_DIR", str(BASE_DIR.parent / "shared" / "oso")))
# Production refuses to start without the official schema and rules (`oso.checks`).
OSO_STANDARD_REQUIRED = env_bool("OSO_STANDARD_REQUIRED", default=False)
OSO_MAX_FILE_BYTES = env_int("OVERDRACHT_OSO_MAX_FILE_MB", 25) * 1_000_000
OSO_MAX_ATTACHMENT_BYTES = env_int("OVERDRACHT_OSO_MAX_ATTACHMENT_MB", 10) * 1_000_000
OSO_MAX_ZIP_ENTRIES = env_int("OVERDRACHT_OSO_MAX_ZIP_ENTRIES", 2000)
OSO_MAX_ZIP_TOTAL_BYTES = env_int("OVERDRACHT_OSO_MAX_ZIP_MB", 500) * 1_000_000

OTP_TOTP_ISSUER = "Overdracht"
OVERDRACHT_RECOVERY_CODE_COUNT = 10
INVITATION_VALID_DAYS = env_int("OVERDRACHT_INVITATION_VALID_DAYS", 14)
OVERDRACHT_PASSPORT_REMINDER_DAYS = env_int("OVERDRACHT_PASSPORT_REMINDER_DAYS", 5)

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [SRC_DIR / "static"]
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))

EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "Overdracht <noreply@localhost>")
OVERDRACHT_BASE_URL = env_str("OVERDRACHT_BASE_URL", "http://127.0.0.1:8000")

# Security headers on every response.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name} {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("OVERDRACHT_LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

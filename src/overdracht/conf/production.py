"""Production settings. Refuses to start without a secret key and allowed hosts."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from overdracht.conf.base import *  # noqa: F403
from overdracht.conf.env import env_bool, env_int, env_list, env_str

DEBUG = False
OSO_STANDARD_REQUIRED = env_bool("OSO_STANDARD_REQUIRED", default=True)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters."
    )
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must name the host(s) this site serves.")

SECURE_SSL_REDIRECT = True
# A load balancer asks these over plain HTTP, from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/$", r"^ready/$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
ADMINS = [("Beheer", addr) for addr in env_list("DJANGO_ADMIN_EMAILS")]
SERVER_EMAIL = env_str("DJANGO_SERVER_EMAIL", "overdracht@localhost")

# One JSON object per line (for the log collector); no request bodies, no names.
LOGGING["formatters"]["json"] = {"()": "overdracht.core.logs.JsonFormatter"}  # noqa: F405
LOGGING["handlers"]["console"]["formatter"] = "json"  # noqa: F405

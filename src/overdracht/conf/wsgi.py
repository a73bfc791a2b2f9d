import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "overdracht.conf.production")
application = get_wsgi_application()

# The application server runs no system checks itself: refuse to serve when a serious one
# fails (the OSO schema or the encryption key missing in production), as `manage.py check` would.
from django.core import checks  # noqa: E402
from django.core.exceptions import ImproperlyConfigured  # noqa: E402

_serious = [m for m in checks.run_checks(tags=["oso", "security"]) if m.is_serious()]
if _serious:
    raise ImproperlyConfigured("; ".join(f"{m.id}: {m.msg}" for m in _serious))

"""Smoke test of the production server: `manage.py serve` with the production settings on a
throwaway SQLite database, then health, readiness, a login and the start page over HTTP, as
a reverse proxy would pass them on (X-Forwarded-Proto: https). Exits non-zero on a failure.
Run by .ci/run; by hand: .venv/bin/python .ci/smoke.py"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv/bin/python")
MANAGE = [PY, str(ROOT / "manage.py")]
EMAIL, PASSWORD = "rooktest@school.example", secrets.token_urlsafe(16)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _environment(folder: Path) -> dict[str, str]:
    from cryptography.fernet import Fernet

    standard = Path(os.environ.get("OSO_STANDARD_DIR", ROOT.parent / "shared/oso"))
    present = (standard / "OSO_gegevensset_2019.1.xsd").is_file()
    if not present:
        print(f"The OSO standard is not at {standard}: served with OSO_STANDARD_REQUIRED=false.")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "overdracht.conf.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "OVERDRACHT_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "DATABASE_URL": f"sqlite:///{folder / 'overdracht.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(folder / "static"),
        "OSO_STANDARD_DIR": str(standard),
        "OSO_STANDARD_REQUIRED": "true" if present else "false",
    }


def _run(env: dict[str, str], *args: str) -> None:
    subprocess.run([*MANAGE, *args], env=env, check=True, cwd=ROOT)  # noqa: S603


class Session:
    """Just enough of a browser: cookies (the __Host- ones are Secure, so kept by hand)."""

    def __init__(self, port: int) -> None:
        self.port, self.cookies = port, {}

    def ask(
        self, method: str, path: str, body: dict[str, str] | None = None
    ) -> tuple[int, str, dict[str, str]]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"https://127.0.0.1{path}"
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        text = response.read().decode("utf-8", "replace")
        return response.status, text, dict(response.getheaders())


def _check(ok: bool, what: str) -> None:
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        raise SystemExit(1)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="overdracht-smoke-") as name:
        folder = Path(name)
        env = _environment(folder)
        _run(env, "migrate", "--no-input", "-v0")
        _run(env, "migrate", "--no-input", "-v0", "--database=audit")
        _run(env, "collectstatic", "--no-input", "-v0")
        _run(
            env,
            "shell",
            "-c",
            "from overdracht.accounts.services import user_create; "
            f"user_create(email='{EMAIL}', full_name='Rook Test', password='{PASSWORD}')",
        )
        port = _free_port()
        server = subprocess.Popen(  # noqa: S603
            [*MANAGE, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"], env=env, cwd=ROOT
        )
        try:
            session = Session(port)
            deadline = time.monotonic() + 60
            while True:
                try:
                    status, _text, _headers = session.ask("GET", "/health/")
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("the production server did not start") from None
                    time.sleep(0.5)
            _check(status == 200, "GET /health/ → 200")
            status, text, _headers = session.ask("GET", "/ready/")
            _check(status == 200 and '"status": "ok"' in text, f"GET /ready/ → 200 ({text})")
            status, text, headers = session.ask("GET", "/accounts/login/")
            _check(status == 200 and "Inloggen" in text, "GET /accounts/login/ → 200, in Dutch")
            _check("Strict-Transport-Security" in headers, "HSTS header on the login page")
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
            _check(token is not None, "the login form carries a CSRF token")
            assert token is not None
            status, _text, headers = session.ask(
                "POST",
                "/accounts/login/",
                {"csrfmiddlewaretoken": token.group(1), "email": EMAIL, "password": PASSWORD},
            )
            _check(status == 302, f"POST /accounts/login/ → 302 (got {status})")
            status, text, _headers = session.ask("GET", "/")
            _check(status == 200 and "Welkom, Rook" in text, "GET / → 200, the start page")
            status, text, _headers = session.ask("GET", "/bestaat-niet/")
            _check(status == 404 and "Pagina niet gevonden" in text, "the product's own 404")
        finally:
            server.send_signal(signal.SIGTERM)
            code = server.wait(timeout=60)
        _check(code == 0, f"manage.py serve stopped cleanly on SIGTERM (exit {code})")
        _worker_dies(env)


def _worker_dies(env: dict[str, str]) -> None:
    """When the task worker dies, `serve` stops the application server too and ends with
    a failure, so the service manager restarts both."""
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603
        [*MANAGE, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"], env=env, cwd=ROOT
    )
    try:
        deadline = time.monotonic() + 60
        worker: list[str] = []
        while not worker and time.monotonic() < deadline:
            found = subprocess.run(  # noqa: S603
                ["pgrep", "-P", str(server.pid), "-f", "db_worker"],  # noqa: S607
                capture_output=True,
                text=True,
                check=False,
            )
            worker = found.stdout.split()
            time.sleep(0.5)
        _check(bool(worker), "manage.py serve started the task worker")
        os.kill(int(worker[0]), signal.SIGKILL)
        code = server.wait(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
    _check(code != 0, f"the worker killed: manage.py serve stopped the server too (exit {code})")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()

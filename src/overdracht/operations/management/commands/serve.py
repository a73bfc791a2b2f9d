"""`manage.py serve`: Overdracht in production — the application server (gunicorn, on the
WSGI application, which refuses to start when a serious system check fails) and the task
worker that imports OSO batches, started together and stopped together. Unfinished import
batches are queued again first. See docs/operations.md."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

SRC = Path(__file__).resolve().parents[4]


class Command(BaseCommand):
    help = (
        "Serve Overdracht: gunicorn and the task worker together; when one stops, the other "
        "is stopped too and the command ends with its exit status."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--bind",
            default=os.environ.get("OVERDRACHT_BIND", "127.0.0.1:8000"),
            help="Address and port for gunicorn (OVERDRACHT_BIND; default 127.0.0.1:8000).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("OVERDRACHT_WEB_WORKERS", "3")),
            help="gunicorn worker processes (OVERDRACHT_WEB_WORKERS; default 3).",
        )
        parser.add_argument(
            "--no-task-worker",
            action="store_true",
            help="Only the application server (when the worker runs elsewhere).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("import_batches_resume")
        call_command("roster_imports_resume")
        call_command("rollovers_resume")
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
        }
        server = [
            sys.executable,
            "-m",
            "gunicorn",
            "overdracht.conf.wsgi:application",
            "--config",
            "python:overdracht.conf.gunicorn",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            "--timeout",
            "120",  # a PDF of a class overview, an OSO file with attachments
            "--forwarded-allow-ips",
            os.environ.get("OVERDRACHT_PROXY_IPS", "127.0.0.1"),
            # No access log (conf/gunicorn.py): it would write every address and path; the
            # product logs what it needs itself, as JSON without personal data.
        ]
        children = [subprocess.Popen(server, env=env)]  # noqa: S603 - our own command line
        if not options["no_task_worker"]:
            worker = [sys.executable, sys.argv[0], "db_worker", "--interval", "2", "--no-reload"]
            children.append(subprocess.Popen(worker, env=env))  # noqa: S603

        def stop(signum: int, frame: object) -> None:
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        status = 0
        while children:
            for child in [c for c in children if c.returncode is not None]:
                children.remove(child)  # reaped already (by poll() in `stop`)
                status = status or child.returncode
            if not children:
                break
            try:
                pid, code = os.wait()
            except ChildProcessError:
                break
            ended = next((c for c in children if c.pid == pid), None)
            if ended is None:
                continue
            ended.returncode = os.waitstatus_to_exitcode(code)
            children.remove(ended)
            status = status or ended.returncode
            stop(signal.SIGTERM, None)
        if status:
            sys.exit(status)

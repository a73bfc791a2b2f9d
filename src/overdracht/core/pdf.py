"""PDF copies with WeasyPrint, fetching nothing from outside."""

from __future__ import annotations

from typing import Any

import weasyprint


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"PDF rendering fetches nothing: {url}")


def render(html: str) -> bytes:
    return bytes(weasyprint.HTML(string=html, url_fetcher=_no_fetch).write_pdf())

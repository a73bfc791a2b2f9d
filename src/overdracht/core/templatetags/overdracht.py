from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict[str, Any] | None, key: str) -> Any:
    return (mapping or {}).get(key)


@register.filter
def split_words(text: str) -> list[str]:
    return text.split()


@register.filter
def join_if_list(value: Any) -> str:
    return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)

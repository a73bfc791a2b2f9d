from __future__ import annotations

from typing import Any

from django import template
from django.forms import BoundField

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


@register.filter
def described(field: BoundField) -> str:
    """The field's widget, tied to its hint and its errors by `aria-describedby` (and marked
    `aria-invalid` while it has errors), as `includes/field.html` shows them."""
    ids = []
    if field.help_text:
        ids.append(f"{field.id_for_label}_helptext")
    attrs: dict[str, str | bool] = {}
    if field.errors:
        ids.append(f"{field.id_for_label}_error")
        attrs["aria-invalid"] = "true"
    if ids:
        attrs["aria-describedby"] = " ".join(ids)
    return field.as_widget(attrs=attrs)

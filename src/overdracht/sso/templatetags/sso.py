"""The login page's buttons for the identity providers of the installation."""

from __future__ import annotations

from typing import Any

from django import template

from overdracht.sso.selectors import providers_for_login

register = template.Library()


@register.inclusion_tag("sso/login_options.html", takes_context=True)
def sso_login_options(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    next_url = request.GET.get("next", "") if request is not None else ""
    return {"providers": list(providers_for_login()), "next": next_url}

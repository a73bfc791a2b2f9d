"""The school administrator's page of API tokens: make one (shown once), revoke one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from overdracht.accounts.actor import Actor
from overdracht.api import services
from overdracht.api.forms import TokenForm
from overdracht.api.models import ApiToken
from overdracht.schools.permissions import Perm, school_or_404


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.MANAGE_API_TOKENS)
    form = TokenForm(request.POST or None)
    made = ""
    if request.method == "POST" and form.is_valid():
        try:
            _token, made = services.token_create(
                actor=Actor.of(request), school=school, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            form = TokenForm()
    return render(
        request,
        "api/tokens.html",
        {
            "school": school,
            "form": form,
            "made": made,
            "tokens": ApiToken.objects.filter(school=school),
            "scopes": services.SCOPES,
        },
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, school_id: int, token_id: int) -> HttpResponse:
    school = school_or_404(request, school_id, Perm.MANAGE_API_TOKENS)
    found = ApiToken.objects.filter(school=school, pk=token_id).first()
    if found is None:
        raise Http404
    services.token_revoke(actor=Actor.of(request), token=found)
    messages.success(request, _("The token no longer works."))
    return redirect("api_tokens:tokens", school_id=school.pk)

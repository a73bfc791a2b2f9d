"""*Mijn taken*, and the personal calendar feed with its settings."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from overdracht.accounts.selectors import authenticated_user
from overdracht.audit.services import list_viewed
from overdracht.meetings import ics
from overdracht.worklist import services
from overdracht.worklist.feed import feed_events
from overdracht.worklist.models import CalendarFeed
from overdracht.worklist.selectors import worklist_of


@login_required
def worklist(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    found = worklist_of(user)
    list_viewed(request, name="worklist", rows=len(found.steps) + len(found.items))
    return render(
        request, "worklist/worklist.html", {"today": timezone.localdate(), "worklist": found}
    )


class FeedForm(forms.Form):
    # "renew" (from the security page) keeps the choice of names; "rotate" takes the form's.
    action = forms.ChoiceField(choices=[("rotate", "rotate"), ("renew", "renew"), ("end", "end")])
    full_names = forms.BooleanField(
        required=False, label=gettext_lazy("Show pupils' full names in my calendar app")
    )


@login_required
@require_http_methods(["GET", "POST"])
def feed_settings(request: HttpRequest) -> HttpResponse:
    """The personal calendar address: made anew (the old one stops), or ended. The address
    is shown once, in the answer to the POST that made it."""
    user = authenticated_user(request)
    current = CalendarFeed.objects.filter(
        user=user, session_generation=user.session_generation
    ).first()
    form = FeedForm(
        request.POST or None, initial={"full_names": bool(current and current.full_names)}
    )
    feed_url = ""
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["action"] == "end":
            services.calendar_feed_end(user=user)
            messages.success(request, _("Your calendar address no longer works."))
            return redirect("worklist:feed_settings")
        full_names = form.cleaned_data["full_names"]
        if form.cleaned_data["action"] == "renew":
            full_names = bool(current and current.full_names)
        token = services.calendar_feed_rotate(user=user, full_names=full_names)
        feed_url = request.build_absolute_uri(reverse("worklist:feed", args=[token]))
        current = CalendarFeed.objects.get(user=user)
    return render(
        request,
        "worklist/feed_settings.html",
        {"form": form, "feed": current, "feed_url": feed_url},
    )


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The user's warm handovers, agreements and milestones for a calendar app, behind a
    secret address."""
    found = (
        CalendarFeed.objects.filter(token_hash=services.feed_token_hash(token))
        .select_related("user")
        .first()
    )
    if (
        found is None
        or not found.user.is_active
        or found.session_generation != found.user.session_generation  # logged out everywhere
    ):
        raise Http404
    return HttpResponse(
        ics.calendar(
            feed_events(found.user, full_names=found.full_names),
            name=_("Overdracht: my calendar"),
        ),
        content_type="text/calendar; charset=utf-8",
    )

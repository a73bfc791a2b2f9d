"""Who sees an evaluation: the region's figures are for the staff of its partnerships (the
regional coordinator); a school's figures for its team leads, care coordinators and
administrators (`Perm.EVALUATION`). Anyone else gets 404."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from overdracht.accounts.selectors import authenticated_user
from overdracht.schools.models import Region
from overdracht.schools.selectors import regions_coordinated_by


def region_or_404(request: HttpRequest, region_id: int) -> Region:
    region = regions_coordinated_by(authenticated_user(request)).filter(pk=region_id).first()
    if region is None:
        raise Http404
    return region

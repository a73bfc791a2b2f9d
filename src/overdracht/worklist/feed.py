"""The personal calendar feed (`/calendar/<token>.ics`): what a calendar app shows of the
user's work in Overdracht."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from overdracht.accounts.models import User
from overdracht.core.school_year import current_school_year
from overdracht.meetings import ics
from overdracht.meetings.selectors import meetings_as_participant, open_agreements
from overdracht.meetings.services import meeting_event, pupil_initials
from overdracht.regional_calendar.models import Milestone
from overdracht.schools.models import School
from overdracht.schools.permissions import school_roles


def feed_events(user: User, *, full_names: bool = False) -> list[ics.Event]:
    """The user's warm handovers (cancelled ones marked so), the due dates of their open
    agreements, and this school year's milestones that name one of their roles in the
    region of their school, the last two as all-day items. Pupils by their initials unless
    the user chose full names."""
    events = [meeting_event(m, full_names=full_names) for m in meetings_as_participant(user)]
    for agreement in open_agreements(user):
        pupil = agreement.meeting.transition.pupil
        events.append(
            ics.Event(
                uid=f"agreement-{agreement.pk}@overdracht",
                starts_at=agreement.due_date,
                ends_at=agreement.due_date + dt.timedelta(days=1),
                summary=_("Agreement: %(text)s") % {"text": agreement.text},
                description=pupil.name if full_names else pupil_initials(pupil),
            )
        )
    roles = school_roles(user)
    roles_in_region: dict[int, set[str]] = {}
    for school_id, region_id in School.objects.filter(pk__in=roles).values_list("pk", "region"):
        roles_in_region.setdefault(region_id, set()).update(roles[school_id])
    for milestone in Milestone.objects.filter(
        region__in=roles_in_region, school_year=current_school_year()
    ):
        if milestone.role in roles_in_region[milestone.region_id]:
            events.append(
                ics.Event(
                    uid=f"milestone-{milestone.pk}@overdracht",
                    starts_at=milestone.date,
                    ends_at=milestone.date + dt.timedelta(days=1),
                    summary=milestone.title,
                    description="\n".join(milestone.checklist),
                )
            )
    return events

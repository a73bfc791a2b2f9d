from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from overdracht.accounts.selectors import authenticated_user
from overdracht.core.school_year import current_school_year, school_year_label
from overdracht.dashboard.selectors import classes_to_read, next_due, school_tiles
from overdracht.pupils.selectors import children_of_user
from overdracht.schools.permissions import Perm, school_permissions
from overdracht.schools.selectors import (
    memberships_for_user,
    partnership_schools,
    regions_coordinated_by,
)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    year = current_school_year()
    perms = school_permissions(authenticated_user(request))
    memberships = list(memberships_for_user(authenticated_user(request)))
    if not memberships and children_of_user(authenticated_user(request)):
        return redirect("portal:home")  # guardians and pupils have a portal of their own
    schools = {m.school.pk: m.school for m in memberships if m.school is not None}
    context = {
        "year_label": school_year_label(year),
        "school_cards": [
            {
                "school": school,
                "roles": [m.get_role_display() for m in memberships if m.school_id == sid],
                "tiles": school_tiles(
                    authenticated_user(request), school, perms.get(sid, set()), year
                ),
                "can_view_pupils": Perm.VIEW_PUPILS in perms.get(sid, set()),
                "can_view_transitions": Perm.VIEW_TRANSITIONS in perms.get(sid, set()),
                "can_view_reading": Perm.VIEW_ALL_PASSPORTS in perms.get(sid, set()),
                "can_intake": Perm.INTAKE in perms.get(sid, set()),
                "can_manage_packs": Perm.MANAGE_PACKS in perms.get(sid, set()),
                "can_manage_classes": Perm.MANAGE_CLASSES in perms.get(sid, set()),
                "can_promote": Perm.PROMOTION in perms.get(sid, set()),
                "can_manage_retention": Perm.MANAGE_RETENTION in perms.get(sid, set()),
                "can_care_team": Perm.CARE_TEAM in perms.get(sid, set()),
                "can_read_in_results": Perm.EDIT_DOSSIER in perms.get(sid, set()),
                "can_meet": Perm.HANDOVER_MEETINGS in perms.get(sid, set()),
                "has_mentor_handovers": Perm.VIEW_TRANSITIONS in perms.get(sid, set())
                and not school.is_primary,
                "has_former_pupils": Perm.VIEW_TRANSITIONS in perms.get(sid, set()),
                "can_evaluate": Perm.EVALUATION in perms.get(sid, set()),
                "can_guide_careers": Perm.CAREER_GUIDANCE in perms.get(sid, set())
                and school.kind in ("VO", "VSO"),
                "has_incoming_registrations": Perm.INTAKE in perms.get(sid, set())
                and school.kind in ("MBO", "HO"),
                "can_register": Perm.IMPORT_DOSSIERS in perms.get(sid, set())
                and not school.is_primary,
                "can_edit_details": Perm.MANAGE_SCHOOL_DETAILS in perms.get(sid, set()),
                "can_view_incoming": bool(
                    {Perm.VIEW_RECEIVED_DOSSIERS, Perm.IMPORT_DOSSIERS} & perms.get(sid, set())
                ),
            }
            for sid, school in sorted(schools.items(), key=lambda item: item[1].name)
        ],
        "classes": classes_to_read(authenticated_user(request), year),
        "next_due": next_due(authenticated_user(request)),
        "children": list(children_of_user(authenticated_user(request))),
        "partnership_schools": list(partnership_schools(authenticated_user(request))),
        "coordinated_regions": list(regions_coordinated_by(authenticated_user(request))),
        "is_partnership_staff": any(m.partnership_id for m in memberships),
    }
    return render(request, "dashboard/home.html", context)

"""Public API of the oso app for sending: `dossier_export` — the OSO dossier of one pupil.

Built from our records (pupil, guardians) and the dossier the school received for the
pupil, with `categorie_uitlevering` as the sending school delivers it. Our own output is
validated (schema and rules) before it is handed out. A real transfer is refused while the
guardians' review (inzage) is not recorded; a provisional dossier (`voorlopigdossier`) is
what guardians are shown before they review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from overdracht.audit.models import AuditAction
from overdracht.audit.services import audit_record
from overdracht.consent.selectors import export_review
from overdracht.oso.builder import ReviewData, build_dossier
from overdracht.oso.constants import CATEGORY_NAMES, PAO_CROSSINGS, PAO_KIND
from overdracht.oso.content import DossierContent
from overdracht.oso.data import AddressData, GuardianData, PupilData, SchoolData
from overdracht.oso.mapping import WITHIN_SCHOOL
from overdracht.oso.models import DossierState, ReceivedDossier
from overdracht.oso.problems import Problem
from overdracht.oso.validation import validate_file
from overdracht.pupils.models import Pupil, Relationship
from overdracht.schools.models import PRIMARY_KINDS, School

# What a sending school delivers by default, per crossing (editable per school later).
_MANDATORY = (
    "cat_metadata",
    "cat_ouderinzage",
    "cat_school",
    "cat_leerling",
    "cat_oudersverzorgers",
    "cat_schoolloopbaan",
    "cat_overstapadvies",
)
DEFAULT_DELIVERY: dict[str, dict[str, str]] = {
    crossing: {
        name: (
            "VERPLICHT" if name in _MANDATORY else "VERBODEN" if name in forbidden else "OPTIONEEL"
        )
        for name in CATEGORY_NAMES
    }
    for crossing, forbidden in {
        "POVO": ("cat_vve", "cat_vombo"),
        "POPO": ("cat_vombo",),
        "VOVO": ("cat_vve",),
    }.items()
}
# To the partnership the support category is mandatory, the advice and the review optional;
# the categories the PaO rules forbid for a PO or a VO school stay out.
_PAO_MANDATORY = (
    *(name for name in _MANDATORY if name not in ("cat_ouderinzage", "cat_overstapadvies")),
    "cat_onderwijsondersteuning",
)
DEFAULT_DELIVERY.update(
    {
        crossing: {
            name: (
                "VERPLICHT"
                if name in _PAO_MANDATORY
                else "VERBODEN"
                if name in forbidden
                else "OPTIONEEL"
            )
            for name in CATEGORY_NAMES
        }
        for crossing, forbidden in {
            "POSWV": ("cat_eindtoetsbo", "cat_vombo"),
            "VOSWV": ("cat_vve",),
        }.items()
    }
)


CROSSING_OF_KIND = {"po_vo": "POVO", "po_po": "POPO"}


def crossing_for(transition_kind: str) -> str:
    """The OSO crossing code of a transition kind (everything from VO travels as VOVO)."""
    return CROSSING_OF_KIND.get(transition_kind, "VOVO")


def partnership_crossing(school: School) -> str:
    """The PaO profile of a school's dossier to its partnership: POSWV or VOSWV."""
    return "POSWV" if school.kind in PRIMARY_KINDS else "VOSWV"


class ExportRefusedError(Exception):
    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []


def recorded_review(pupil: Pupil, school: School) -> ReviewData:
    """The guardians' review of the pupil's outgoing transition, as the export carries it;
    ExportRefusedError naming who is still missing when it is not complete."""
    found = export_review(pupil, school)
    if found.record is None:
        raise ExportRefusedError(found.refusal)
    return ReviewData(
        provisional=False,
        date=found.record.date,  # type: ignore[arg-type]
        agreed=found.record.agreed,
        reason_not_agreed=found.record.reason_not_agreed,
        consent=found.record.consent,
    )


@dataclass(frozen=True)
class Export:
    filename: str
    content: bytes


def dossier_export(
    *,
    pupil: Pupil,
    school: School,
    to_brin: str,
    crossing: str,
    review: ReviewData | None,
    actor_id: int | None = None,
    delivery: dict[str, str] | None = None,
    content: DossierContent | None = None,
) -> Export:
    """The pupil's dossier as an OSO file, checked against the schema and, when installed,
    Edustandaard's business rules; ExportRefusedError lists every problem in Dutch."""
    if review is None:
        raise ExportRefusedError(
            _(
                "The guardians' review (inzage) of this dossier is not recorded yet. Record the "
                "review first; until then only a provisional dossier can be made."
            )
        )
    if crossing in PAO_CROSSINGS:
        transfer_kind = PAO_KIND
    elif to_brin.upper() == school.brin:
        transfer_kind = WITHIN_SCHOOL
    else:
        transfer_kind = "overstapdossier"
    chosen = dict(DEFAULT_DELIVERY.get(crossing, DEFAULT_DELIVERY["VOVO"]))
    chosen.update(delivery or {})
    received = (
        ReceivedDossier.objects.filter(pupil=pupil, school=school, state=DossierState.CURRENT)
        .prefetch_related("attachments")
        .first()
    )
    pupil_children: list[dict[str, object]] = []
    attachments: list[bytes] = []
    if received is not None:
        attachments = [bytes(a.content) for a in received.attachments.all()]
        pupil_children = _pupil_children(received.tree)
    missing = school.details_missing
    if missing:
        raise ExportRefusedError(
            _(
                "The school details are not complete: %(missing)s. The school administrator fills "
                "them in on the page School details."
            )
            % {"missing": ", ".join(missing)}
        )
    data = build_dossier(
        pupil=pupil_data(pupil, school),
        school=school_data(school),
        content=content,
        crossing=crossing,
        transfer_kind=transfer_kind,
        delivery=chosen,
        review=review,
        received_pupil_children=pupil_children,
        attachments=attachments,
    )
    receiver = re.sub(r"[^A-Z0-9]", "", to_brin.upper())
    filename = f"OSO_{school.brin}_{receiver}_{pupil.pk.hex[:8]}.xml"
    # A provisional dossier breaks one official rule by its nature (no review yet): the
    # official rules check what is sent, the schema and our rules check both.
    checked = validate_file(data, name=filename, official=not review.provisional)
    if checked.errors:
        raise ExportRefusedError(_("The dossier is not complete enough to send."), checked.errors)
    audit_record(
        AuditAction.OSO_EXPORTED,
        actor_id=actor_id,
        school_id=school.pk,
        subject_pupil_id=pupil.pk,
        details={"to": to_brin.upper(), "crossing": crossing, "provisional": review.provisional},
    )
    return Export(filename=filename, content=data)


def _pupil_children(tree: dict[str, object]) -> list[dict[str, object]]:
    for node in tree.get("c", []):  # type: ignore[attr-defined]
        if node["t"] == "huidigeschool":
            for child in node.get("c", []):
                if child["t"] == "leerling":
                    return list(child.get("c", []))
    return []


def school_data(school: School) -> SchoolData:
    location = school.locations.order_by("number").values_list("number", flat=True).first()
    return SchoolData(
        name=school.name,
        brin=school.brin,
        location=location or "00",
        address=AddressData(school.street, school.house_number, school.postal_code, school.city),
        phone=school.phone,
        email=school.email,
        website=school.website,
    )


def pupil_data(pupil: Pupil, school: School) -> PupilData:
    enrolments = list(pupil.enrolments.filter(school=school).order_by("school_year"))
    number = next((e.pupil_number for e in reversed(enrolments) if e.pupil_number), "")
    guardians = [
        GuardianData(
            initials=r.guardian.initials,
            call_name=r.guardian.call_name,
            surname_prefix=r.guardian.surname_prefix,
            surname=r.guardian.surname,
            relationship=r.relationship if r.relationship != Relationship.OTHER else "",
            has_authority=r.has_authority,
            address_is_secret=r.guardian.address_is_secret,
            email=r.guardian.email,
            phone=r.guardian.phone,
        )
        for r in pupil.guardian_relations.select_related("guardian").order_by("id")
    ]
    return PupilData(
        given_names=pupil.given_names.split(),
        call_name=pupil.call_name,
        surname_prefix=pupil.surname_prefix,
        surname=pupil.surname,
        birth_date=pupil.birth_date,
        gender=pupil.gender,
        bsn=pupil.bsn,
        onderwijsnummer=pupil.onderwijsnummer,
        pupil_number=number,
        guardians=guardians,
        address=AddressData(pupil.street, pupil.house_number, pupil.postal_code, pupil.city),
        address_is_secret=pupil.address_is_secret,
        enrolled_on=enrolments[0].start_date if enrolments else None,
    )

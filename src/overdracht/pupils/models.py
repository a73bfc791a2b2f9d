"""Pupils, guardians and enrolments. Fields and constraints only; flows are in services."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from overdracht.core.names import full_name
from overdracht.core.validators import mask_identifier, validate_bsn, validate_onderwijsnummer
from overdracht.schools.models import ClassGroup, Location, School


class Gender(models.IntegerChoices):
    """As OSO codes it (codelijst 14)."""

    UNKNOWN = 0, _("Unknown")
    FEMALE = 1, _("Female")
    MALE = 2, _("Male")


class Pupil(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    given_names = models.CharField(_("given names"), max_length=120)
    call_name = models.CharField(_("call name"), max_length=60)
    surname_prefix = models.CharField(_("surname prefix"), max_length=20, blank=True)
    surname = models.CharField(_("surname"), max_length=120)
    birth_date = models.DateField(_("date of birth"))
    gender = models.PositiveSmallIntegerField(
        _("gender"), choices=Gender.choices, default=Gender.UNKNOWN
    )
    bsn = models.CharField(_("BSN"), max_length=9, blank=True, validators=[validate_bsn])
    onderwijsnummer = models.CharField(
        _("onderwijsnummer"), max_length=9, blank=True, validators=[validate_onderwijsnummer]
    )
    # Derived from the name fields by pupils.services; indexed for sorting and search.
    street = models.CharField(_("street"), max_length=120, blank=True)
    house_number = models.CharField(_("house number"), max_length=12, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=7, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    address_is_secret = models.BooleanField(_("secret address"), default=False)
    sort_key = models.CharField(max_length=260, db_index=True, editable=False)
    search_text = models.CharField(max_length=400, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pupil",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sort_key", "id"]
        indexes = [models.Index(fields=["sort_key", "id"], name="pupil_sort_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["bsn"], condition=~models.Q(bsn=""), name="pupil_bsn_unique"
            ),
            models.UniqueConstraint(
                fields=["onderwijsnummer"],
                condition=~models.Q(onderwijsnummer=""),
                name="pupil_onderwijsnummer_unique",
            ),
            models.CheckConstraint(
                condition=~models.Q(bsn="") | ~models.Q(onderwijsnummer=""),
                name="pupil_has_identifier",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return full_name(self.call_name, self.surname_prefix, self.surname)

    @property
    def masked_identifier(self) -> str:
        return mask_identifier(self.bsn or self.onderwijsnummer)

    @property
    def identifier_kind(self) -> str:
        return "BSN" if self.bsn else "onderwijsnummer"


class Relationship(models.TextChoices):
    """As OSO codes it (codelijst 41), plus 'other'."""

    FATHER = "1", _("Father")
    MOTHER = "2", _("Mother")
    GUARDIAN = "3", _("Legal guardian")
    FOSTER_PARENT = "4", _("Foster parent")
    OTHER = "9", _("Other")


class Guardian(models.Model):
    """A parent or carer. One guardian can have several children (GuardianRelation)."""

    call_name = models.CharField(_("call name"), max_length=60, blank=True)
    initials = models.CharField(_("initials"), max_length=20, blank=True)
    surname_prefix = models.CharField(_("surname prefix"), max_length=20, blank=True)
    surname = models.CharField(_("surname"), max_length=120)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    street = models.CharField(_("street and number"), max_length=120, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=7, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    address_is_secret = models.BooleanField(_("secret address"), default=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guardian",
    )

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return full_name(self.call_name or self.initials, self.surname_prefix, self.surname)


class GuardianRelation(models.Model):
    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="guardian_relations")
    guardian = models.ForeignKey(Guardian, on_delete=models.CASCADE, related_name="relations")
    relationship = models.CharField(_("relationship"), max_length=2, choices=Relationship.choices)
    has_authority = models.BooleanField(_("has parental authority"), default=True)
    # From 18 the pupil decides whether guardians keep access (set by the consent app).
    adult_pupil_allows_access = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["-has_authority", "id"]
        constraints = [
            models.UniqueConstraint(fields=["pupil", "guardian"], name="guardian_relation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.guardian_id} → {self.pupil_id}"


class Level(models.TextChoices):
    """Level or stream in secondary and vocational education."""

    PRO = "pro", _("praktijkonderwijs")
    VMBO_BB = "vmbo-bb", _("vmbo basis")
    VMBO_KB = "vmbo-kb", _("vmbo kader")
    VMBO_GT = "vmbo-gt", _("vmbo gemengd/theoretisch")
    HAVO = "havo", _("havo")
    VWO = "vwo", _("vwo")
    MBO = "mbo", _("mbo")


class Enrolment(models.Model):
    """A pupil at a school in one school year: year, class group, level, pupil number."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="enrolments")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="enrolments")
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, null=True, blank=True, related_name="enrolments"
    )
    school_year = models.PositiveSmallIntegerField(_("school year"))
    year_group = models.PositiveSmallIntegerField(_("year"))
    class_group = models.ForeignKey(
        ClassGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="enrolments"
    )
    level = models.CharField(_("level"), max_length=8, choices=Level.choices, blank=True)
    pupil_number = models.CharField(_("pupil number"), max_length=20, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        ordering = ["-school_year", "-start_date"]
        indexes = [models.Index(fields=["school", "school_year"], name="enrolment_school_year_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["pupil", "school", "school_year"], name="enrolment_once_per_school_year"
            ),
            models.UniqueConstraint(
                fields=["school", "pupil_number", "school_year"],
                condition=~models.Q(pupil_number=""),
                name="enrolment_pupil_number_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="enrolment_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pupil_id} @ {self.school_id} {self.school_year}"

    @property
    def year_label(self) -> str:
        if self.school.is_primary:
            return gettext("group %(n)s") % {"n": self.year_group}
        return gettext("year %(n)s") % {"n": self.year_group}


class TransitionKind(models.TextChoices):
    PO_VO = "po_vo", _("Primary to secondary")
    PO_PO = "po_po", _("Primary to primary")
    VO_VO = "vo_vo", _("Secondary to secondary")
    WITHIN_SCHOOL = "within_school", _("Within the school")
    VO_MBO = "vo_mbo", _("Secondary to MBO")
    VO_HO = "vo_ho", _("Secondary to higher education")


class TransitionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Transition(models.Model):
    """One step of a pupil's school career: to another school, or to the next year or
    department within a school. The handover work (dossier, review, meetings) hangs on it."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="transitions")
    kind = models.CharField(_("kind"), max_length=16, choices=TransitionKind.choices)
    from_school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outgoing_transitions",
        help_text=_("Empty when the sending school does not use this installation."),
    )
    from_school_brin = models.CharField(_("BRIN of the sending school"), max_length=4, blank=True)
    from_school_name = models.CharField(_("name of the sending school"), max_length=200, blank=True)
    to_school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incoming_transitions",
        help_text=_("Empty while the pupil has not registered yet."),
    )
    school_year = models.PositiveSmallIntegerField(
        _("school year"), help_text=_("The school year in which the pupil starts after the step.")
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=TransitionStatus.choices,
        default=TransitionStatus.PLANNED,
    )
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    requested_on = models.DateField(_("dossier requested on"), null=True, blank=True)
    request_due = models.DateField(_("dossier wanted by"), null=True, blank=True)
    sent_at = models.DateTimeField(_("dossier sent at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-school_year", "-created_at"]
        indexes = [
            models.Index(fields=["from_school", "school_year"], name="transition_from_idx"),
            models.Index(fields=["to_school", "school_year"], name="transition_to_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["pupil", "kind", "school_year"], name="transition_once_per_kind_and_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.pupil_id} {self.school_year}"

    @property
    def from_name(self) -> str:
        return self.from_school.name if self.from_school else self.from_school_name


class InvitationKind(models.TextChoices):
    GUARDIAN = "guardian", _("Guardian")
    PUPIL = "pupil", _("Pupil")


class Invitation(models.Model):
    """A one-time link by e-mail that lets a guardian or pupil set a password. Only the hash
    of the token is stored."""

    kind = models.CharField(max_length=10, choices=InvitationKind.choices)
    guardian = models.ForeignKey(
        Guardian, on_delete=models.CASCADE, null=True, blank=True, related_name="invitations"
    )
    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="invitations")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="pupil", guardian__isnull=True)
                | models.Q(kind="guardian", guardian__isnull=False),
                name="invitation_kind_matches_target",
            ),
        ]

    def __str__(self) -> str:
        return f"invitation {self.pk} ({self.kind})"

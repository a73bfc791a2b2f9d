"""The way from secondary school to the vervolgopleiding: the pupil's intended programmes
(`Choice`, with plan B and the skills each asks, `SkillCheck`), the registration with the
status the national registration for MBO reports (`Registration` and its history,
`RegistrationChange`), the transfer dossier (`TransferDossier`), what the institution
reports in the first weeks (`StartReport`) and the secondary school's aftercare contacts
(`AftercareContact`)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.core.fields import EncryptedJSONField
from overdracht.pupils.models import Pupil, Transition
from overdracht.schools.models import School


class ProgrammeLevel(models.TextChoices):
    MBO_1 = "mbo-1", _("MBO level 1 (entree)")
    MBO_2 = "mbo-2", _("MBO level 2")
    MBO_3 = "mbo-3", _("MBO level 3")
    MBO_4 = "mbo-4", _("MBO level 4")
    HBO_AD = "hbo-ad", _("HBO associate degree")
    HBO = "hbo", _("HBO bachelor")
    WO = "wo", _("WO bachelor")


class Choice(models.Model):
    """A programme the pupil intends to follow: the first choice (rank 1) and plan B."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="programme_choices")
    school_year = models.PositiveSmallIntegerField()  # the year the programme would start
    rank = models.PositiveSmallIntegerField(default=1)
    programme = models.CharField(_("programme"), max_length=160)
    level = models.CharField(_("level"), max_length=8, choices=ProgrammeLevel.choices)
    institution = models.ForeignKey(
        School, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    institution_name = models.CharField(_("institution"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["school_year", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["pupil", "school_year", "rank"], name="programme_choice_once_per_rank"
            )
        ]

    def __str__(self) -> str:
        return f"{self.programme} ({self.rank}) of {self.pupil_id}"

    @property
    def institution_label(self) -> str:
        return self.institution.name if self.institution else self.institution_name


class Skill(models.TextChoices):
    SOCIAL = "social", _("Social skills")
    COMMUNICATION = "communication", _("Communication")
    STUDY = "study", _("Study skills")
    TASK = "task", _("Task approach and planning")
    LANGUAGE = "language", _("Dutch (reference level)")
    MATHS = "maths", _("Maths (reference level)")


class SkillCheck(models.Model):
    """What the programme asks of one skill against what the pupil has, and for a gap the
    plan and who helps."""

    choice = models.ForeignKey(Choice, on_delete=models.CASCADE, related_name="skills")
    skill = models.CharField(max_length=16, choices=Skill.choices)
    asked = models.CharField(_("what the programme asks"), max_length=200, blank=True)
    present = models.CharField(_("what the pupil has"), max_length=200, blank=True)
    gap = models.BooleanField(_("a gap to close"), default=False)
    plan = models.CharField(_("plan"), max_length=300, blank=True)
    helper = models.CharField(_("who helps"), max_length=120, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["choice", "skill"], name="skill_check_once")]

    def __str__(self) -> str:
        return f"{self.skill} for {self.choice_id}"


class Status(models.TextChoices):
    """The statuses the national registration for MBO reports (for HBO/WO the school only
    knows what the pupil or the institution says)."""

    REGISTERED = "registered", _("Registered (aangemeld)")
    OFFERED = "offered", _("Place offered (onderwijsovereenkomst aangeboden)")
    NOT_ADMITTED = "not_admitted", _("Does not lead to enrolment")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ENROLLED = "enrolled", _("Enrolled (ingeschreven)")


ACTIVE_STATUSES = (Status.REGISTERED, Status.OFFERED, Status.ENROLLED)


class IntakeOutcome(models.TextChoices):
    ATTENDED = "attended", _("Attended the intake")
    NO_SHOW = "no_show", _("Did not show up at the intake")


class Registration(models.Model):
    """The pupil's registration at an institution for one programme, on the pupil's
    outgoing transition."""

    transition = models.ForeignKey(
        Transition, on_delete=models.CASCADE, related_name="registrations"
    )
    institution = models.ForeignKey(
        School, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )  # empty: an institution outside the installation
    institution_name = models.CharField(_("institution"), max_length=200, blank=True)
    programme = models.CharField(_("programme"), max_length=160)
    level = models.CharField(_("level"), max_length=8, choices=ProgrammeLevel.choices)
    registered_on = models.DateField(_("registered on"))
    status = models.CharField(
        _("status"), max_length=14, choices=Status.choices, default=Status.REGISTERED
    )
    status_on = models.DateField(_("status since"))
    intake_on = models.DateField(_("intake on"), null=True, blank=True)
    intake_outcome = models.CharField(
        _("intake"), max_length=10, choices=IntakeOutcome.choices, blank=True
    )
    study_check_done = models.BooleanField(_("study-choice check done"), default=False)
    guidance = models.TextField(_("agreements on guidance at the start"), blank=True)
    created_by_id = models.BigIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-registered_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.programme} at {self.institution_label} ({self.status})"

    @property
    def institution_label(self) -> str:
        return self.institution.name if self.institution else self.institution_name

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


class RegistrationChange(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="changes")
    status = models.CharField(max_length=14, choices=Status.choices)
    changed_on = models.DateField()
    changed_by_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.status} on {self.changed_on}"


class TransferDossier(models.Model):
    """The doorstroomdossier: the pupil's part, the school's part (the advice and the support
    that worked), the sign-off by the pupil (and a parent under 16), sending and the
    institution's first look. Only the categories the law allows: no care records, no home
    situation, no diagnoses beyond what the pupil writes as support they need."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="dossier"
    )
    pupil_part = EncryptedJSONField(default=dict)
    school_part = EncryptedJSONField(default=dict)
    include_career_dossier = models.BooleanField(default=False)
    pupil_signed_at = models.DateTimeField(null=True, blank=True)
    guardian_signed_at = models.DateTimeField(null=True, blank=True)
    guardian_signed_by_id = models.BigIntegerField(null=True, blank=True)
    school_written_by_id = models.BigIntegerField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by_id = models.BigIntegerField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"transfer dossier of registration {self.registration_id}"


class StartKind(models.TextChoices):
    NO_SHOW = "no_show", _("Did not show up at the start")
    DROPPED_OUT = "dropped_out", _("Dropped out early")
    CHANGED = "changed", _("Changed programme")
    STARTED = "started", _("Started well")
    FIRST_YEAR = "first_year", _("Completed the first year")


class StartReport(models.Model):
    """What the institution reports back: the start in the first weeks, and the first year."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="start_reports"
    )
    kind = models.CharField(_("what happened"), max_length=12, choices=StartKind.choices)
    reported_on = models.DateField(_("date"))
    notes = models.TextField(_("notes"), blank=True)
    reported_by_id = models.BigIntegerField()
    seen_at = models.DateTimeField(null=True, blank=True)  # the mentor saw the notice

    class Meta:
        ordering = ["-reported_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} on {self.reported_on}"


class AftercareContact(models.Model):
    """The secondary school's aftercare contact with the institution about a former pupil."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="aftercare_contacts"
    )
    contacted_on = models.DateField(_("date"))
    going_well = models.BooleanField(_("going well"))
    notes = models.TextField(_("notes"), blank=True)
    contacted_by_id = models.BigIntegerField()

    class Meta:
        ordering = ["-contacted_on"]

    def __str__(self) -> str:
        return f"aftercare contact on {self.contacted_on}"

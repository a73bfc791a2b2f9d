"""Regions, partnerships, boards, schools, locations, class groups and memberships."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from overdracht.schools.roles import Role

brin_validator = RegexValidator(
    r"^[0-9]{2}[A-Z]{2}$", _("A BRIN number is two digits and two capital letters, e.g. 12AB.")
)


class Region(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    review_days = models.PositiveSmallIntegerField(
        _("days for the guardians' review"),
        default=14,
        help_text=_("Agreed in the region: how long guardians have to review a dossier."),
    )
    reminder_days_before = models.PositiveSmallIntegerField(
        _("remind this many days before the deadline"), default=3
    )

    def __str__(self) -> str:
        return self.name


class Partnership(models.Model):
    """Samenwerkingsverband passend onderwijs: the regional body for extra support."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="partnerships")
    name = models.CharField(_("name"), max_length=120)
    code = models.CharField(_("code"), max_length=12, unique=True, help_text=_("e.g. PO 27-05"))

    def __str__(self) -> str:
        return self.name


class SchoolBoard(models.Model):
    name = models.CharField(_("name"), max_length=120)
    board_number = models.CharField(_("board number"), max_length=8, unique=True)

    def __str__(self) -> str:
        return self.name


class SchoolKind(models.TextChoices):
    PO = "PO", _("Primary school")
    SBO = "SBO", _("Special primary school")
    SO = "SO", _("Special school (primary)")
    VO = "VO", _("Secondary school")
    VSO = "VSO", _("Special secondary school")
    MBO = "MBO", _("Vocational school (MBO)")
    HO = "HO", _("Higher education")


PRIMARY_KINDS = frozenset({SchoolKind.PO, SchoolKind.SBO, SchoolKind.SO})
SECONDARY_KINDS = frozenset({SchoolKind.VO, SchoolKind.VSO})


class School(models.Model):
    """The tenant. Every pupil-related query is scoped to the schools of the user."""

    board = models.ForeignKey(SchoolBoard, on_delete=models.PROTECT, related_name="schools")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="schools")
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="schools", null=True, blank=True
    )
    name = models.CharField(_("name"), max_length=160)
    brin = models.CharField(_("BRIN"), max_length=4, unique=True, validators=[brin_validator])
    kind = models.CharField(_("kind"), max_length=3, choices=SchoolKind.choices)
    # Schoolgegevens: what an OSO dossier says about the sending school.
    street = models.CharField(_("street"), max_length=120, blank=True)
    house_number = models.CharField(_("house number"), max_length=12, blank=True)
    postal_code = models.CharField(
        _("postal code"),
        max_length=7,
        blank=True,
        validators=[
            RegexValidator(r"^[1-9][0-9]{3} ?[A-Za-z]{2}$", _("A postal code, e.g. 6511 AB."))
        ],
    )
    city = models.CharField(_("city"), max_length=80, blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    website = models.CharField(_("website"), max_length=200, blank=True)
    contact_name = models.CharField(
        _("contact person for transitions"),
        max_length=120,
        blank=True,
        help_text=_("Named in every dossier the school sends, e.g. the intern begeleider."),
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_primary(self) -> bool:
        return self.kind in PRIMARY_KINDS

    @property
    def details_missing(self) -> list[str]:
        """What an OSO dossier needs of the school and is not filled in yet, in words."""
        missing = []
        if not (self.street and self.house_number and self.postal_code and self.city):
            missing.append(str(_("the address")))
        if not (self.phone or self.email):
            missing.append(str(_("a phone number or e-mail address")))
        return missing


class Location(models.Model):
    """A vestiging: BRIN plus a two-digit location number."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="locations")
    number = models.CharField(
        _("location number"),
        max_length=2,
        validators=[RegexValidator(r"^[0-9]{2}$", _("Two digits, e.g. 00 or 01."))],
    )
    name = models.CharField(_("name"), max_length=160)
    city = models.CharField(_("city"), max_length=80)

    class Meta:
        ordering = ["school", "number"]
        constraints = [
            models.UniqueConstraint(fields=["school", "number"], name="location_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.school.brin}{self.number})"


class ClassGroup(models.Model):
    """A class in one school year, e.g. groep 8b or 1H2, with its mentors."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="class_groups")
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="class_groups", null=True, blank=True
    )
    school_year = models.PositiveSmallIntegerField(_("school year"))
    name = models.CharField(_("name"), max_length=40)
    year_group = models.PositiveSmallIntegerField(_("year"))
    mentors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="mentored_class_groups", blank=True
    )

    class Meta:
        ordering = ["school_year", "year_group", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "school_year", "name"], name="class_group_name_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ClassTeacher(models.Model):
    """A subject teacher of a class group in its school year."""

    class_group = models.ForeignKey(ClassGroup, on_delete=models.CASCADE, related_name="teachers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="taught_class_groups"
    )
    subject = models.CharField(_("subject"), max_length=60)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["class_group", "user", "subject"], name="class_teacher_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} teaches {self.subject} in {self.class_group_id}"


class Membership(models.Model):
    """A user works at a school in a role. Partnership staff hold a membership of their
    partnership instead of a school."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="memberships", null=True, blank=True
    )
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships", null=True, blank=True
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "school", "role"], name="membership_unique_school_role"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(school__isnull=False, partnership__isnull=True)
                    | models.Q(
                        school__isnull=True, partnership__isnull=False, role="partnership_staff"
                    )
                ),
                name="membership_school_or_partnership",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.role} @ {self.school_id or self.partnership_id}"

"""Public API of the demo app: `demo_region_load()` builds the demo region once.

Deterministic (a fixed seed, fixed dates relative to the school year) and idempotent: when
the region exists nothing is written again. One transaction: it is there whole, or not at all.
No real BSNs: every BSN is drawn from the 99999xxxx range kept for testing.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from stdnum.nl import bsn as bsn_check
from stdnum.nl import onderwijsnummer as onr_check

from overdracht.accounts.models import User
from overdracht.analytics.further import further_cohorts, further_refresh
from overdracht.analytics.refresh import cohort_refresh, cohorts_to_refresh
from overdracht.core.school_year import current_school_year
from overdracht.demo.activity import former_pupils, school_year_in_progress
from overdracht.demo.end_of_year import end_of_year_ready
from overdracht.demo.further import further_education_in_progress
from overdracht.demo.history import cohort_history
from overdracht.demo.leaving import brugklas_dossiers_arrived, groep8_at_every_stage
from overdracht.demo.names import CALL_NAMES, EXTRA_GIVEN, STAFF_NAMES, SURNAMES
from overdracht.oso.generator import dossier_xml
from overdracht.pupils import services as pupils
from overdracht.pupils.models import Guardian, Pupil
from overdracht.schools.models import (
    ClassGroup,
    Location,
    Partnership,
    Region,
    School,
    SchoolBoard,
    SchoolKind,
)
from overdracht.schools.services import (
    class_group_mentor_add,
    class_group_teacher_add,
    membership_grant,
)

REGION_NAME = "Regio Waalstad (demo)"
DEMO_PASSWORD = "demo-overdracht-2026"
SEED = 20261130


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: str
    school: str
    two_factor: bool


@dataclass(frozen=True)
class DemoResult:
    created: bool
    accounts: list[DemoAccount]
    pupils: int


ACCOUNTS: list[DemoAccount] = [
    DemoAccount("mentor@waalstad-college.example", "mentor (klas 1A)", "Waalstad College", True),
    DemoAccount("docent@waalstad-college.example", "teacher", "Waalstad College", False),
    DemoAccount("zorg@waalstad-college.example", "care_coordinator", "Waalstad College", True),
    DemoAccount("teamleider@waalstad-college.example", "team_lead", "Waalstad College", True),
    DemoAccount("decaan@waalstad-college.example", "career_counsellor", "Waalstad College", True),
    DemoAccount("mentor4k@waalstad-college.example", "mentor (klas 4K)", "Waalstad College", True),
    DemoAccount("beheer@waalstad-college.example", "school_admin", "Waalstad College", True),
    DemoAccount("mentor@erasmus-lyceum.example", "mentor (klas 1H1)", "Erasmus Lyceum", True),
    DemoAccount("groep8@regenboog.example", "teacher + mentor (groep 8)", "OBS De Regenboog", True),
    DemoAccount("ib@regenboog.example", "care_coordinator (IB'er)", "OBS De Regenboog", True),
    DemoAccount("intake@roc-waalstad.example", "intake_officer", "ROC Waalstad", True),
    DemoAccount("swv@swv-waalstad.example", "partnership_staff", "SWV Waalstad", True),
    DemoAccount("ouder@mail.example", "guardian (two children)", "—", False),
    DemoAccount("ouder2@mail.example", "guardian (separated father)", "—", False),
    DemoAccount("leerling@mail.example", "pupil (16)", "Waalstad College", False),
]


class _Builder:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.year = current_school_year()
        self.bsn_pool = (
            n for n in (f"99999{i:04d}" for i in range(10000)) if bsn_check.is_valid(n)
        )
        self.onr_pool = (
            n for n in (f"10{i:07d}" for i in range(10000, 10_000_000, 7)) if onr_check.is_valid(n)
        )
        self.staff_names = iter(STAFF_NAMES * 4)
        self.staff_counter = 0
        self.guardian_counter = 0
        self.pupil_count = 0

    # -- people ---------------------------------------------------------------------------
    def user(self, email: str, full_name: str, *, usable: bool = True) -> User:
        user = User.objects.create_user(
            email=email, full_name=full_name, password=DEMO_PASSWORD if usable else None
        )
        return user

    def staff(self, school: School) -> User:
        self.staff_counter += 1
        name = next(self.staff_names)
        return self.user(
            f"medewerker{self.staff_counter}@{school.brin.lower()}.example", name, usable=False
        )

    def pupil(
        self,
        *,
        age_on_1_oct: int,
        name: tuple[str, str, str] | None = None,
        birth_date: dt.date | None = None,
    ) -> Pupil:
        rng = self.rng
        call = name[0] if name else rng.choice(CALL_NAMES)
        prefix, surname = (name[1], name[2]) if name else rng.choice(SURNAMES)
        born = birth_date or dt.date(self.year - age_on_1_oct, 10, 1) - dt.timedelta(
            days=rng.randrange(0, 365)
        )
        use_onr = rng.random() < 0.04
        drawn = rng.choice([1, 2])  # drawn as before, so the rest of the region stays the same
        # The call names alternate boy, girl (names.CALL_NAMES): 2 is male, 1 female (OSO).
        gender = (2 if CALL_NAMES.index(call) % 2 == 0 else 1) if call in CALL_NAMES else drawn
        self.pupil_count += 1
        return pupils.pupil_create(
            given_names=f"{call} {rng.choice(EXTRA_GIVEN)}",
            call_name=call,
            surname_prefix=prefix,
            surname=surname,
            birth_date=born,
            gender=gender,
            bsn="" if use_onr else next(self.bsn_pool),
            onderwijsnummer=next(self.onr_pool) if use_onr else "",
        )

    def guardians(self, pupil: Pupil, *, count: int | None = None) -> list[Guardian]:
        rng = self.rng
        made = []
        for index in range(count or rng.choice([1, 2, 2, 2])):
            self.guardian_counter += 1
            relation = "2" if index == 0 else "1"
            street = rng.choice(["Dorpsstraat", "Waalkade", "Kerkpad", "Molenweg"])
            number = str(rng.randrange(1, 180))
            postal_code = f"{rng.randrange(6500, 6599)} {rng.choice(['AB', 'KL', 'TS'])}"
            guardian = pupils.guardian_create(
                initials=rng.choice("ABCDEHJKLMNPRSTW") + ".",
                surname_prefix=pupil.surname_prefix,
                surname=pupil.surname,
                email=f"ouder.{self.guardian_counter}@mail.example",
                phone=f"06-{rng.randrange(10_000_000, 99_999_999)}",
                street=f"{street} {number}",
                postal_code=postal_code,
                city="Waalstad",
            )
            if index == 0:  # the pupil lives with the first parent
                Pupil.objects.filter(pk=pupil.pk).update(
                    street=street, house_number=number, postal_code=postal_code, city="Waalstad"
                )
            pupils.guardian_link(
                pupil=pupil, guardian=guardian, relationship=relation, has_authority=True
            )
            made.append(guardian)
        return made


def _school(
    board: SchoolBoard,
    region: Region,
    partnership: Partnership | None,
    name: str,
    brin: str,
    kind: str,
    city: str = "Waalstad",
) -> School:
    serial = int(brin[:2]) + ord(brin[2]) + ord(brin[3])
    school = School.objects.create(
        board=board,
        region=region,
        partnership=partnership,
        name=name,
        brin=brin,
        kind=kind,
        street=("Schoolstraat", "Lindelaan", "Waalkade", "Parkweg")[serial % 4],
        house_number=str(serial % 90 + 1),
        postal_code=f"65{serial % 90 + 10:02d} {'AB' if serial % 2 else 'CD'}",
        city=city,
        phone=f"024-{3_000_000 + serial * 1371:07d}",
        email=f"info@{brin.lower()}.example",
        contact_name="Intern begeleider" if kind in ("PO", "SBO") else "Zorgcoördinator",
    )
    Location.objects.create(school=school, number="00", name=name, city=city)
    return school


@transaction.atomic
def demo_region_load() -> DemoResult:
    if Region.objects.filter(name=REGION_NAME).exists():
        return DemoResult(created=False, accounts=ACCOUNTS, pupils=Pupil.objects.count())
    b = _Builder()
    year = b.year
    region = Region.objects.create(name=REGION_NAME)
    swv = Partnership.objects.create(
        region=region, name="SWV Passend Onderwijs Waalstad", code="DEMO 99-01"
    )
    po_board = SchoolBoard.objects.create(
        name="Stichting Primair Onderwijs Waalstad", board_number="99001"
    )
    vo_board = SchoolBoard.objects.create(
        name="Stichting Voortgezet Onderwijs Waalstad", board_number="99002"
    )
    mbo_board = SchoolBoard.objects.create(name="ROC Waalstad", board_number="99003")

    po_names = [
        "OBS De Regenboog",
        "CBS Het Kompas",
        "De Wilgenhoek",
        "Sint-Jozefschool",
        "IKC De Vlinder",
        "SBO De Brug",
    ]
    po_schools = [
        _school(
            po_board,
            region,
            swv,
            name,
            f"99A{chr(65 + i)}",
            SchoolKind.SBO if name.startswith("SBO") else SchoolKind.PO,
        )
        for i, name in enumerate(po_names)
    ]
    college = _school(vo_board, region, swv, "Waalstad College", "99BA", SchoolKind.VO)
    noord = Location.objects.create(
        school=college, number="01", name="Waalstad College Noord", city="Waalstad-Noord"
    )
    centrum = college.locations.get(number="00")
    lyceum = _school(vo_board, region, swv, "Erasmus Lyceum Waalstad", "99BB", SchoolKind.VO)
    roc = _school(mbo_board, region, None, "ROC Waalstad", "99CA", SchoolKind.MBO)

    # -- named demo accounts -----------------------------------------------------------------
    mentor = b.user("mentor@waalstad-college.example", "Lotte Vermeer")
    docent = b.user("docent@waalstad-college.example", "Jeroen Smits")
    zorg = b.user("zorg@waalstad-college.example", "Fatima El Idrissi")
    teamleider = b.user("teamleider@waalstad-college.example", "Arjen Mulder")
    decaan = b.user("decaan@waalstad-college.example", "Monique de Lange")
    mentor4k = b.user("mentor4k@waalstad-college.example", "Karim Bouzid")
    beheer = b.user("beheer@waalstad-college.example", "Ronald Vink")
    mentor_lyceum = b.user("mentor@erasmus-lyceum.example", "Hanneke Bos")
    groep8 = b.user("groep8@regenboog.example", "Karin Overbeek")
    ib = b.user("ib@regenboog.example", "Joost van 't Hek")
    intake = b.user("intake@roc-waalstad.example", "Samira Haddou")
    swv_user = b.user("swv@swv-waalstad.example", "Erik Janssen")
    for user, school, role in [
        (docent, college, "teacher"),
        (zorg, college, "care_coordinator"),
        (teamleider, college, "team_lead"),
        (decaan, college, "career_counsellor"),
        (beheer, college, "school_admin"),
        (groep8, po_schools[0], "teacher"),
        (ib, po_schools[0], "care_coordinator"),
        (intake, roc, "intake_officer"),
    ]:
        membership_grant(user=user, school=school, role=role)
    swv_user.memberships.create(partnership=swv, role="partnership_staff")
    for school in po_schools[1:]:
        membership_grant(user=b.staff(school), school=school, role="care_coordinator")
    membership_grant(user=b.staff(lyceum), school=lyceum, role="care_coordinator")

    def class_group(
        school: School,
        name: str,
        year_group: int,
        the_year: int,
        mentor_user: User | None = None,
        location: Location | None = None,
    ) -> ClassGroup:
        cg = ClassGroup.objects.create(
            school=school,
            school_year=the_year,
            name=name,
            year_group=year_group,
            location=location or school.locations.first(),
        )
        if the_year == year:
            class_group_mentor_add(class_group=cg, user=mentor_user or b.staff(school))
        return cg

    start = dt.date(year, 8, 20)
    # -- groep 8: about to move to secondary school ----------------------------------------------
    groep8_pupils: dict[int, list[Pupil]] = {}
    for index, school in enumerate(po_schools):
        cg = class_group(school, "Groep 8", 8, year, groep8 if index == 0 else None)
        groep8_pupils[school.pk] = []
        for n in range(1, 30 if school.kind == SchoolKind.PO else 14):
            pupil = b.pupil(age_on_1_oct=11)
            b.guardians(pupil)
            pupils.enrolment_create(
                pupil=pupil,
                school=school,
                school_year=year,
                year_group=8,
                class_group=cg,
                start_date=dt.date(year - 7, 8, 20),
                pupil_number=f"{n:04d}",
            )
            pupils.transition_create(
                pupil=pupil, kind="po_vo", from_school=school, school_year=year + 1
            )
            groep8_pupils[school.pk].append(pupil)

    # -- brugklas: arrived this year from the primary schools --------------------------------
    brug_classes = [
        (college, "1A", "vmbo-gt", centrum, mentor),
        (college, "1B", "havo", centrum, None),
        (college, "1K", "vmbo-kb", noord, None),
        (lyceum, "1H1", "havo", None, mentor_lyceum),
        (lyceum, "1V1", "vwo", None, None),
    ]
    brugklassers: list[Pupil] = []
    number = 1000
    last_year_groep8 = {s.pk: class_group(s, "Groep 8", 8, year - 1) for s in po_schools}
    for school, name, level, location, mentor_user in brug_classes:
        cg = class_group(school, name, 1, year, mentor_user, location)
        for _ in range(18):
            pupil = b.pupil(age_on_1_oct=12)
            b.guardians(pupil)
            from_school = b.rng.choice(po_schools)
            pupils.enrolment_create(
                pupil=pupil,
                school=from_school,
                school_year=year - 1,
                year_group=8,
                class_group=last_year_groep8[from_school.pk],
                start_date=dt.date(year - 8, 8, 20),
                end_date=dt.date(year, 7, 31),
            )
            number += 1
            pupils.enrolment_create(
                pupil=pupil,
                school=school,
                school_year=year,
                year_group=1,
                class_group=cg,
                location=cg.location,
                level=level,
                start_date=start,
                pupil_number=str(number),
            )
            pupils.transition_create(
                pupil=pupil,
                kind="po_vo",
                from_school=from_school,
                to_school=school,
                school_year=year,
                status="completed",
            )
            brugklassers.append(pupil)

    # -- leerjaar 4 vmbo: heading for MBO; five have registered at the ROC already ----------
    cg4 = class_group(college, "4K", 4, year, mentor4k, noord)
    sixteen = b.pupil(
        age_on_1_oct=16, name=("Noa", "van 't", "Hof"), birth_date=dt.date(year - 16, 3, 14)
    )
    leerjaar4 = [sixteen] + [b.pupil(age_on_1_oct=15) for _ in range(19)]
    for pupil in leerjaar4:
        b.guardians(pupil)
        number += 1
        pupils.enrolment_create(
            pupil=pupil,
            school=college,
            school_year=year,
            year_group=4,
            class_group=cg4,
            location=noord,
            level="vmbo-kb",
            start_date=start,
            pupil_number=str(number),
        )
        pupils.transition_create(
            pupil=pupil,
            kind="vo_mbo",
            from_school=college,
            to_school=None,
            school_year=year + 1,
            status="planned",
        )

    # -- havo 5: heading for higher education; one pupil is 18 -----------------------------
    cg5 = class_group(lyceum, "5H", 5, year)
    eighteen = b.pupil(
        age_on_1_oct=18, name=("Sven", "", "Ødegård"), birth_date=dt.date(year - 18, 2, 2)
    )
    for pupil in [eighteen] + [b.pupil(age_on_1_oct=16) for _ in range(19)]:
        b.guardians(pupil)
        number += 1
        pupils.enrolment_create(
            pupil=pupil,
            school=lyceum,
            school_year=year,
            year_group=5,
            class_group=cg5,
            level="havo",
            start_date=start,
            pupil_number=str(number),
        )
        pupils.transition_create(
            pupil=pupil, kind="vo_ho", from_school=lyceum, school_year=year + 1
        )

    # -- a family: separated parents who both have authority; mother's address is secret ---
    older = brugklassers[0]
    pupils.pupil_rename(pupil=older, call_name="Elif", surname_prefix="", surname="Çelik")
    younger = groep8_pupils[po_schools[0].pk][0]
    pupils.pupil_rename(pupil=younger, call_name="Emre", surname_prefix="", surname="Çelik")
    Pupil.objects.filter(pk=older.pk).update(given_names="Elif Ayşe", gender=1)
    Pupil.objects.filter(pk=younger.pk).update(given_names="Emre Mehmet", gender=2)
    for pupil in (older, younger):
        pupil.guardian_relations.all().delete()
    mother = pupils.guardian_create(
        call_name="Ayşe",
        initials="A.",
        surname="Çelik",
        email="ouder@mail.example",
        phone="06-12345678",
        street="Lindelaan 4",
        postal_code="6512 AB",
        city="Waalstad",
        address_is_secret=True,
        user=b.user("ouder@mail.example", "Ayşe Çelik"),
    )
    father = pupils.guardian_create(
        call_name="Mark",
        initials="M.",
        surname_prefix="de",
        surname="Vries-Bakker",
        email="ouder2@mail.example",
        phone="06-87654321",
        street="Havenstraat 19",
        postal_code="6541 KL",
        city="Waalstad",
        user=b.user("ouder2@mail.example", "Mark de Vries-Bakker"),
    )
    for pupil in (older, younger):
        pupils.guardian_link(pupil=pupil, guardian=mother, relationship="2", has_authority=True)
    pupils.guardian_link(pupil=younger, guardian=father, relationship="1", has_authority=True)
    pupils.guardian_link(pupil=older, guardian=father, relationship="1", has_authority=True)

    # The demo teacher teaches Dutch in the demo mentor's class 1A.
    class_group_teacher_add(
        class_group=ClassGroup.objects.get(school=college, name="1A", school_year=year),
        user=docent,
        subject="Nederlands",
    )

    # Every transition got its steps when it was made: the brugklassers' PO->VO steps are
    # done as they went (`history`), but for the ones the product itself marks when their
    # facts are there (a dossier received, an analysis, a passport: the demo's activity below
    # makes those); of the vmbo pupils, the five registered at the ROC have done "registered".
    cohort_history(year)

    # The demo mentor's class holds the family's older child; the pupil of 16 has an account.
    Pupil.objects.filter(pk=sixteen.pk).update(
        user=b.user("leerling@mail.example", "Noa van 't Hof")
    )
    Pupil.objects.filter(pk__in=[older.pk, younger.pk]).update(
        street="", house_number="", postal_code="", city="", address_is_secret=True
    )
    brugklas_dossiers_arrived(year, [(college, "1A"), (college, "1B")])
    school_year_in_progress(year, older)
    end_of_year_ready(year, older)
    groep8_at_every_stage(year, groep8_pupils[po_schools[0].pk], po_schools[0])
    former_pupils(year)
    further_education_in_progress(year)
    # the evaluation's figures, as the nightly job would have made them
    for cohort in cohorts_to_refresh():
        cohort_refresh(cohort)
    for cohort in further_cohorts(year):
        further_refresh(cohort)
    return DemoResult(created=True, accounts=ACCOUNTS, pupils=b.pupil_count)


def demo_oso_files_write(folder: Path) -> Path:
    """Three OSO dossiers from a primary school outside the region, for trying the upload.
    Their BSNs are outside the range the demo pupils use."""
    folder.mkdir(parents=True, exist_ok=True)
    pupils = [("Lieke", "", "Verbeek"), ("Youssef", "", "El Khatib"), ("Bram", "van", "Dam")]
    numbers = (n for n in (f"99998{i:04d}" for i in range(10000)) if bsn_check.is_valid(n))
    for seed, (call, prefix, surname) in enumerate(pupils, start=1):
        data = dossier_xml(
            bsn=next(numbers),
            call_name=call,
            surname_prefix=prefix,
            surname=surname,
            seed=seed,
            birth_date=dt.date(2015, seed, 10),
            sending_brin="98ZZ",
            tests=3,
        )
        (folder / f"OSO_98ZZ_{surname.replace(' ', '_')}.xml").write_bytes(data)
    return folder

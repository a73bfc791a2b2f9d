"""The mapping table: which OSO element becomes which of our fields — kept as data.

Each `Field` names an element by its path from <dossier> (element names, no namespace, no
positions), the field it fills in the mapped reading of a dossier, its Dutch label for the
review screen, and its sensitivity (general / support / care). Repeated blocks are
`Record`s: every field under a record's path fills one entry of a list.

What a dossier delivers beyond this table is not dropped: the whole delivered tree is kept
verbatim with the import, and the import report lists each path that is not mapped.
docs/developers/oso-mapping.md is generated from this table (a test keeps it in step).
"""

from __future__ import annotations

from dataclasses import dataclass

from overdracht.oso.constants import CATEGORIES, TRANSFER_KINDS, category_of

L = "huidigeschool/leerling"

# Code values of the standard that our code reads and writes (the code lists people read are
# `oso.codes`). No other module spells them.
HOME_ADDRESS = "woon"  # soortadres of the address one lives at
EMAIL, PHONE = "e-mail", "telefoon"  # soort of a communicatie
TRUE, FALSE = "true", "false"  # an xs:boolean, as the standard writes it
TRANSFER_DOSSIER, WITHIN_SCHOOL, PARTNERSHIP_DOSSIER = TRANSFER_KINDS
KIND_OF_CROSSING = {"POPO": "po_po", "POVO": "po_vo", "VOVO": "vo_vo"}  # overstap → ours


def xs_boolean(value: bool | None) -> str:
    return TRUE if value else FALSE


E = f"{L}/eindtoets_basisonderwijs/eindtoetsresultaat"


@dataclass(frozen=True)
class Field:
    path: str
    field: str
    label: str
    sensitivity: str = "general"
    codes: str = ""  # the code list (oso.codes.CODE_LISTS) whose labels people read
    technical: bool = False  # for the software only: never shown to families

    @property
    def category(self) -> str:
        return category_of(self.path)


@dataclass(frozen=True)
class Record:
    path: str
    name: str
    label: str


RECORDS: tuple[Record, ...] = (
    Record(f"{L}/verzorger", "guardians", "Ouder/verzorger"),
    Record(f"{L}/schoolloopbaanlijst/schoolloopbaan", "school_career", "Schooljaar"),
    Record(f"{L}/onderwijsondersteuning/diagnose", "diagnoses", "Diagnose"),
    Record(f"{L}/onderwijsondersteuning/handelingsplan", "action_plans", "Handelingsplan"),
    Record(f"{L}/onderwijsondersteuning/tlv", "admission_statements", "Toelaatbaarheidsverklaring"),
    Record(
        f"{L}/onderwijsondersteuning/arrangement_cluster12",
        "arrangements_cluster12",
        "Arrangement cluster 1/2",
    ),
    Record(f"{L}/onderwijsondersteuning/arrangement_pao", "arrangements", "Arrangement"),
    Record(
        f"{L}/eindtoets_basisonderwijs/eindtoetsresultaat/onderdelen/onderdeel",
        "final_test_parts",
        "Onderdeel eindtoets",
    ),
    Record(f"{E}/onderdelen/onderdeel/domeinen/domein", "domains", "Domein"),
    Record(f"{L}/toetslijst/toets", "tests", "Toets"),
    Record(
        f"{L}/toetslijst/toets/resultaat/referentiescore", "reference_scores", "Referentiescore"
    ),
    Record(f"{L}/cijferlijstlijst/cijferlijst", "report_cards", "Cijferlijst"),
    Record(f"{L}/resultaatvakkenvo", "subject_results", "Resultaat vak"),
    Record(f"{L}/competenties", "competences", "Competentie"),
    Record(f"{L}/stage", "internships", "Stage"),
    Record("document", "documents", "Document"),
)

S, C = "support", "care"

FIELDS: tuple[Field, ...] = (
    # metadata
    Field("metadata/deeldossier", "metadata.part", "Deeldossier", technical=True),
    Field("metadata/pakketnaam", "metadata.package", "Pakket", technical=True),
    Field("metadata/pakketversie", "metadata.package_version", "Pakketversie", technical=True),
    Field("metadata/datum", "metadata.date", "Datum van het dossier"),
    Field(
        "metadata/standaardversie", "metadata.standard_version", "Versie standaard", technical=True
    ),
    Field(
        "metadata/validatieversie",
        "metadata.validation_version",
        "Versie validatie",
        technical=True,
    ),
    Field("metadata/overstap", "metadata.crossing", "Overstap", technical=True),
    Field("overdrachtsoort", "metadata.transfer_kind", "Soort overdracht", technical=True),
    # the guardians' review (inzage)
    Field("inzage/voorlopigdossier", "review.provisional", "Voorlopig dossier", technical=True),
    Field("inzage/inzage", "review.done", "Inzage gegeven"),
    Field("inzage/inzagedatum", "review.date", "Datum inzage"),
    Field("inzage/akkoord", "review.agreed", "Akkoord ouders", codes="yes_no"),
    Field("inzage/redennietakkoord", "review.reason_not_agreed", "Reden niet akkoord"),
    Field("inzage/toestemming", "review.consent", "Toestemming", codes="yes_no"),
    # the sending school
    Field("huidigeschool/naam", "school.name", "Naam school"),
    Field("huidigeschool/brincode", "school.brin", "BRIN"),
    Field("huidigeschool/vestigingscode", "school.location", "Vestiging", technical=True),
    Field("huidigeschool/aanleverpunt", "school.delivery_point", "Aanleverpunt", technical=True),
    Field("huidigeschool/soort", "school.kind", "Soort school"),
    Field("huidigeschool/type", "school.type", "Type school"),
    Field("huidigeschool/naamdirecteur", "school.director", "Directeur"),
    Field("huidigeschool/website", "school.website", "Website"),
    # the pupil
    Field(f"{L}/voornaam", "pupil.given_names[]", "Voornamen"),
    Field(f"{L}/voorletters-1", "pupil.initials", "Voorletters"),
    Field(f"{L}/voorvoegsel", "pupil.surname_prefix", "Voorvoegsel"),
    Field(f"{L}/achternaam", "pupil.surname", "Achternaam"),
    Field(f"{L}/roepnaam", "pupil.call_name", "Roepnaam"),
    Field(f"{L}/geboortedatum", "pupil.birth_date", "Geboortedatum"),
    Field(f"{L}/geboortemaand", "pupil.birth_month", "Geboortemaand"),
    Field(f"{L}/geslacht", "pupil.gender", "Geslacht", codes="gender"),
    Field(f"{L}/adresgeheim", "pupil.address_is_secret", "Geheim adres"),
    Field(f"{L}/postcode4adres", "pupil.postal_code4", "Postcode (cijfers)"),
    Field(f"{L}/geboorteplaats", "pupil.birth_place", "Geboorteplaats"),
    Field(f"{L}/nationaliteit", "pupil.nationalities[]", "Nationaliteit"),
    Field(f"{L}/onderwijsnummer", "pupil.onderwijsnummer", "Onderwijsnummer"),
    Field(f"{L}/bsn", "pupil.bsn", "BSN"),
    Field(f"{L}/leerlingid", "pupil.sending_school_id", "Leerling-id bij de school"),
    Field(f"{L}/onderwijssinds", "pupil.in_education_since", "In het onderwijs sinds"),
    Field(
        f"{L}/startdatumhuidigonderwijs", "pupil.current_education_since", "Start huidig onderwijs"
    ),
    Field(f"{L}/datuminschrijving", "pupil.enrolled_on", "Datum inschrijving"),
    Field(f"{L}/datumuitschrijving", "pupil.unenrolled_on", "Datum uitschrijving"),
    Field(f"{L}/teruggeplaatstnaarbrin", "pupil.placed_back_to_brin", "Teruggeplaatst naar"),
    Field(f"{L}/leerlinggewicht", "pupil.weight", "Leerlinggewicht", S),
    Field(f"{L}/nnca", "pupil.newcomer", "Nieuwkomer (NNCA)"),
    Field(f"{L}/tehuis", "pupil.in_care_home", "Woont in een tehuis", S),
    # guardians
    Field(f"{L}/verzorger/voornaam", "given_names[]", "Voornamen"),
    Field(f"{L}/verzorger/voorletters-1", "initials", "Voorletters"),
    Field(f"{L}/verzorger/voorvoegsel", "surname_prefix", "Voorvoegsel"),
    Field(f"{L}/verzorger/achternaam", "surname", "Achternaam"),
    Field(f"{L}/verzorger/roepnaam", "call_name", "Roepnaam"),
    Field(f"{L}/verzorger/geslacht", "gender", "Geslacht", codes="gender"),
    Field(f"{L}/verzorger/adresgeheim", "address_is_secret", "Geheim adres"),
    Field(
        f"{L}/verzorger/relatietotkind",
        "relationship",
        "Relatie tot het kind",
        codes="relationship",
    ),
    Field(f"{L}/verzorger/overleden", "deceased", "Overleden"),
    Field(f"{L}/verzorger/overlijdensdatum", "date_of_death", "Datum overlijden"),
    Field(
        f"{L}/verzorger/wettigevertegenwoordiger", "has_authority", "Wettelijk vertegenwoordiger"
    ),
    Field(f"{L}/verzorgersaansprakelijk", "guardians_liable", "Ouders aansprakelijk"),
    # the advice
    Field(f"{L}/overstapadvies/advies", "advice.recommendation", "Schooladvies", codes="advice"),
    Field(f"{L}/overstapadvies/wensouders", "advice.wish_guardians", "Wens ouders", codes="advice"),
    Field(f"{L}/overstapadvies/wensleerling", "advice.wish_pupil", "Wens leerling", codes="advice"),
    Field(f"{L}/overstapadvies/herzienadvies", "advice.revised", "Herzien advies", codes="advice"),
    Field(
        f"{L}/overstapadvies/motivatie_herzienadvies",
        "advice.revision_reason",
        "Motivatie herzien advies",
    ),
    Field(f"{L}/overstapadvies/profiel", "advice.profile", "Profiel"),
    Field(f"{L}/overstapadvies/argumentatie", "advice.argumentation", "Onderbouwing"),
    Field(f"{L}/overstapadvies/contactnodig", "advice.contact_wanted", "Contact gewenst"),
    Field(f"{L}/overstapadvies/contactpersoon", "advice.contact_person", "Contactpersoon"),
    Field(f"{L}/overstapadvies/contacttelefoon", "advice.contact_phone", "Telefoon contact"),
    Field(f"{L}/overstapadvies/contactemail", "advice.contact_email", "E-mail contact"),
    Field(
        f"{L}/overstapadvies/aandachtspunten", "advice.points_of_attention", "Aandachtspunten", S
    ),
    # school career
    Field(f"{L}/schoolloopbaanlijst/schoolloopbaan/schooljaar", "school_year", "Schooljaar"),
    Field(f"{L}/schoolloopbaanlijst/schoolloopbaan/groepscode", "group_code", "Groepscode"),
    Field(f"{L}/schoolloopbaanlijst/schoolloopbaan/groepsnaam", "group_name", "Groep"),
    Field(f"{L}/schoolloopbaanlijst/schoolloopbaan/jaargroep", "year_group", "Jaargroep"),
    Field(f"{L}/schoolloopbaanlijst/schoolloopbaan/begindatum", "start_date", "Begindatum"),
    Field(f"{L}/schoolloopbaanlijst/schoolloopbaan/einddatum", "end_date", "Einddatum"),
    Field(f"{L}/schoolloopbaanlijst/schoolloopbaan/brincode", "brin", "BRIN"),
    Field(
        f"{L}/schoolloopbaanlijst/schoolloopbaan/vestigingscode",
        "location",
        "Vestiging",
        technical=True,
    ),
    Field(f"{L}/schoolloopbaanlijst/schoolloopbaan/schoolsoort", "school_kind", "Schoolsoort"),
    Field(f"{L}/schoolloopbaanlijst/schoolloopbaan/schooltype", "school_type", "Schooltype"),
    Field(
        f"{L}/schoolloopbaanlijst/schoolloopbaan/voelementcode", "programme_code", "Opleidingscode"
    ),
    Field(
        f"{L}/schoolloopbaanlijst/schoolloopbaan/voelementomschrijving", "programme", "Opleiding"
    ),
    Field(
        f"{L}/schoolloopbaanlijst/schoolloopbaan/schoolsoortomschrijving",
        "school_kind_description",
        "Omschrijving schoolsoort",
    ),
    # support (onderwijsondersteuning)
    Field(f"{L}/onderwijsondersteuning/diagnose/code", "codes[]", "Code", C),
    Field(f"{L}/onderwijsondersteuning/diagnose/naam", "name", "Diagnose", C),
    Field(f"{L}/onderwijsondersteuning/diagnose/datum", "date", "Datum", C),
    Field(f"{L}/onderwijsondersteuning/diagnose/doorwie", "by_whom", "Door wie", C),
    Field(f"{L}/onderwijsondersteuning/diagnose/instantie", "organisation", "Instantie", C),
    Field(
        f"{L}/onderwijsondersteuning/medicijngebruik", "support.medication", "Medicijngebruik", C
    ),
    Field(f"{L}/onderwijsondersteuning/handelingsplan/startdatum", "start_date", "Startdatum", S),
    Field(f"{L}/onderwijsondersteuning/handelingsplan/einddatum", "end_date", "Einddatum", S),
    Field(f"{L}/onderwijsondersteuning/handelingsplan/isgerichtop", "aimed_at", "Gericht op", S),
    Field(
        f"{L}/onderwijsondersteuning/opp/opp_ingangdatum",
        "support.development_plan_start",
        "OPP vanaf",
        S,
    ),
    Field(
        f"{L}/onderwijsondersteuning/opp/opp_einddatum",
        "support.development_plan_end",
        "OPP tot",
        S,
    ),
    Field(f"{L}/onderwijsondersteuning/tlv/tlvingangdatum", "start_date", "Ingangsdatum", S),
    Field(f"{L}/onderwijsondersteuning/tlv/tlvswvnummer", "partnership_code", "SWV", S),
    Field(f"{L}/onderwijsondersteuning/tlv/tlvcategorie", "category", "Categorie", S),
    Field(
        f"{L}/onderwijsondersteuning/tlv/tlvbeschikkingsnummer",
        "decision_number",
        "Beschikkingsnummer",
        S,
    ),
    Field(f"{L}/onderwijsondersteuning/tlv/tlveinddatum", "end_date", "Einddatum", S),
    Field(
        f"{L}/onderwijsondersteuning/arrangement_cluster12/arrangement_datum", "date", "Datum", S
    ),
    Field(f"{L}/onderwijsondersteuning/arrangement_cluster12/arrangement_brin", "brin", "BRIN", S),
    Field(
        f"{L}/onderwijsondersteuning/arrangement_cluster12/arrangement_vestigingscode",
        "location",
        "Vestiging",
        S,
    ),
    Field(f"{L}/onderwijsondersteuning/arrangement_pao/arrangement_datum", "date", "Datum", S),
    Field(
        f"{L}/onderwijsondersteuning/arrangement_pao/arrangement_kenmerk", "reference", "Kenmerk", S
    ),
    Field(
        f"{L}/onderwijsondersteuning/arrangement_pao/arrangement_beschikkingsnr",
        "decision_number",
        "Beschikkingsnummer",
        S,
    ),
    Field(
        f"{L}/onderwijsondersteuning/arrangement_pao/arrangement_einddatum",
        "end_date",
        "Einddatum",
        S,
    ),
    Field(
        f"{L}/onderwijsondersteuning/lwoo/lwoo_ingangdatum", "support.lwoo_start", "Lwoo vanaf", S
    ),
    Field(
        f"{L}/onderwijsondersteuning/lwoo/lwoo_swvnummer", "support.lwoo_partnership", "Lwoo SWV", S
    ),
    Field(
        f"{L}/onderwijsondersteuning/lwoo/lwoo_beschikkingsnummer",
        "support.lwoo_decision",
        "Lwoo beschikking",
        S,
    ),
    Field(f"{L}/onderwijsondersteuning/lwoo/lwoo_einddatum", "support.lwoo_end", "Lwoo tot", S),
    Field(
        f"{L}/onderwijsondersteuning/rvc/centraleproblematiek",
        "support.rvc_problem",
        "Centrale problematiek (RVC)",
        C,
    ),
    Field(
        f"{L}/onderwijsondersteuning/rvc/maatregelen",
        "support.rvc_measures",
        "Maatregelen (RVC)",
        S,
    ),
    Field(f"{L}/onderwijsondersteuning/rvc/rvcdatum", "support.rvc_date", "Datum RVC", S),
    Field(
        f"{L}/onderwijsondersteuning/rvc/rvcindicatie", "support.rvc_indication", "Indicatie RVC", S
    ),
    # absence
    Field(
        f"{L}/verzuim/dagdelengeoorloofd",
        "absence.half_days_authorised",
        "Dagdelen geoorloofd verzuim",
    ),
    Field(
        f"{L}/verzuim/dagdelenongeoorloofd",
        "absence.half_days_unauthorised",
        "Dagdelen ongeoorloofd verzuim",
    ),
    Field(f"{L}/verzuim/urengeoorloofd", "absence.hours_authorised", "Uren geoorloofd verzuim"),
    Field(
        f"{L}/verzuim/urenongeoorloofd", "absence.hours_unauthorised", "Uren ongeoorloofd verzuim"
    ),
    Field(f"{L}/verzuim/meerdan25percent", "absence.over_25_percent", "Meer dan 25% verzuim"),
    Field(f"{L}/verzuim/frequentie", "absence.frequency", "Frequentie"),
    Field(
        f"{L}/verzuim/contactleerplicht",
        "absence.attendance_officer_contact",
        "Contact leerplicht",
        S,
    ),
    Field(f"{L}/verzuim/rmcmelding", "absence.rmc_report", "RMC-melding", S),
    # end-of-primary test
    Field(f"{L}/eindtoets_basisonderwijs/deelgenomen", "final_test.taken", "Deelgenomen"),
    Field(f"{E}/toetssoort", "final_test.kind", "Toets", codes="final_test"),
    Field(f"{E}/toetsniveau", "final_test.level", "Niveau", technical=True),
    Field(f"{E}/toetsomschrijving", "final_test.description", "Omschrijving"),
    Field(f"{E}/datum_afname", "final_test.date", "Datum afname"),
    Field(f"{E}/wettelijke_ontheffing", "final_test.exemption", "Vrijgesteld", codes="yes_no"),
    Field(f"{E}/standaardscore", "final_test.standard_score", "Standaardscore"),
    Field(f"{E}/toets_advies", "final_test.advice", "Toetsadvies"),
    Field(f"{E}/onderdelen/onderdeel/onderdeelcode", "code", "Onderdeel", technical=True),
    Field(f"{E}/onderdelen/onderdeel/onderdeelomschrijving", "description", "Omschrijving"),
    Field(
        f"{E}/onderdelen/onderdeel/ond_referentieniveau",
        "reference_level",
        "Referentieniveau",
        codes="reference_level",
    ),
    Field(f"{E}/onderdelen/onderdeel/domeinen/domein/domeincode", "code", "Domein", technical=True),
    Field(f"{E}/onderdelen/onderdeel/domeinen/domein/domeinomschrijving", "description", "Domein"),
    Field(
        f"{E}/onderdelen/onderdeel/domeinen/domein/dom_referentieniveau",
        "reference_level",
        "Referentieniveau",
        codes="reference_level",
    ),
    # tests
    Field(f"{L}/toetslijst/toets/toetsidentificatie/eldtoetscode", "code", "Toetscode"),
    Field(f"{L}/toetslijst/toets/toetsidentificatie/leergebied", "subject", "Leergebied"),
    Field(f"{L}/toetslijst/toets/toetsidentificatie/toetsnaam", "name", "Toets"),
    Field(f"{L}/toetslijst/toets/toetsidentificatie/toetsversie", "version", "Versie"),
    Field(f"{L}/toetslijst/toets/afname/afnamedatum", "date", "Afnamedatum"),
    Field(f"{L}/toetslijst/toets/afname/jaargroep", "year_group", "Jaargroep"),
    Field(
        f"{L}/toetslijst/toets/resultaat/toetsscore/vaardigheidsscore",
        "ability_score",
        "Vaardigheidsscore",
    ),
    Field(
        f"{L}/toetslijst/toets/resultaat/toetsscore/codevaardigheidsschaal",
        "ability_scale",
        "Vaardigheidsschaal",
    ),
    Field(f"{L}/toetslijst/toets/resultaat/toetsscore/aantalopgaven", "items", "Aantal opgaven"),
    Field(f"{L}/toetslijst/toets/resultaat/toetsscore/aantalgoed", "correct", "Aantal goed"),
    Field(f"{L}/toetslijst/toets/resultaat/referentiescore/codereferentiescore", "code", "Code"),
    Field(
        f"{L}/toetslijst/toets/resultaat/referentiescore/codevergelijkingsgroep",
        "comparison_group",
        "Vergelijkingsgroep",
    ),
    Field(f"{L}/toetslijst/toets/resultaat/referentiescore/waarde", "value", "Waarde"),
    Field(
        f"{L}/toetslijst/toets/resultaat/referentiescore/kwalificatie",
        "qualification",
        "Kwalificatie",
    ),
    Field(f"{L}/toetslijst/toets/opmerking", "remark", "Opmerking"),
    # report cards
    Field(f"{L}/cijferlijstlijst/cijferlijst/cijferlijstTypelijst/naam", "name", "Cijferlijst"),
    Field(f"{L}/cijferlijstlijst/cijferlijst/afnamedatum", "date", "Datum"),
    Field(f"{L}/cijferlijstlijst/cijferlijst/jaargroep", "year_group", "Jaargroep"),
    Field(f"{L}/cijferlijstlijst/cijferlijst/periode", "period", "Periode"),
    # secondary and vocational (vo/mbo): results and LOB
    Field(f"{L}/bevorderd/elementcode", "progress.programme_code", "Bevorderd naar opleiding"),
    Field(f"{L}/bevorderd/leerjaar", "progress.year", "Bevorderd naar leerjaar"),
    Field(f"{L}/examenresultaat/soortdiploma", "exam.diploma", "Diploma"),
    Field(f"{L}/examenresultaat/examenjaar", "exam.year", "Examenjaar"),
    Field(f"{L}/examenresultaat/datumuitslag", "exam.result_date", "Datum uitslag"),
    Field(f"{L}/examenresultaat/examenuitslag", "exam.result", "Uitslag"),
    Field(f"{L}/resultaatvakkenvo/vakcode", "subject", "Vak"),
    Field(f"{L}/resultaatvakkenvo/vakleergebied", "subject_area", "Leergebied"),
    Field(f"{L}/resultaatvakkenvo/afgerond", "completed", "Afgerond"),
    Field(f"{L}/resultaatvakkenvo/examenvak", "exam_subject", "Examenvak"),
    Field(f"{L}/resultaatvakkenvo/exameneindcijfer", "final_grade", "Eindcijfer"),
    Field(f"{L}/resultaatvakkenvo/rapportcijfer", "report_grade", "Rapportcijfer"),
    Field(f"{L}/certificaat", "certificates[]", "Certificaten"),
    Field(f"{L}/competenties/competentiecategorie", "category", "Categorie"),
    Field(f"{L}/competenties/competentiebeschrijving", "description", "Beschrijving"),
    Field(f"{L}/competenties/competentiestatus", "status", "Status"),
    Field(f"{L}/stage/begindatum", "start_date", "Begindatum"),
    Field(f"{L}/stage/einddatum", "end_date", "Einddatum"),
    Field(f"{L}/stage/soortstage", "kind", "Soort stage"),
    Field(f"{L}/stage/functierol", "role", "Functie"),
    Field(f"{L}/stage/beoordeling", "assessment", "Beoordeling"),
    Field(
        f"{L}/overigvombo/keuzevervolgopleiding",
        "career.chosen_programme",
        "Keuze vervolgopleiding",
    ),
    Field(f"{L}/overigvombo/beroepskeuzetest", "career.career_test", "Beroepskeuzetest gedaan"),
    Field(f"{L}/overigvombo/portfolio", "career.portfolio", "Portfolio"),
    Field(f"{L}/overigvombo/pop", "career.personal_plan", "Persoonlijk ontwikkelingsplan"),
    Field(f"{L}/overigvombo/motivatiebrief", "career.motivation_letter", "Motivatiebrief"),
    Field(f"{L}/overigvombo/lobdossier", "career.lob_dossier", "LOB-dossier"),
    # documents, wherever they occur: one record each
    Field("document/bestandsnaam", "filename", "Bestandsnaam"),
    Field("document/omschrijving", "description", "Omschrijving"),
    Field("document/bestandsinhoud", "attachment", "Bijlage"),
)


def _addresses_and_contacts(base: str, prefix: str) -> tuple[tuple[Record, ...], tuple[Field, ...]]:
    address, contact = f"{base}/adreslijst/adres", f"{base}/communicatielijst/communicatie"
    records = (
        Record(address, f"{prefix}addresses", "Adres"),
        Record(contact, f"{prefix}contacts", "Contact"),
    )
    fields = (
        Field(f"{address}/soortadres", "kind", "Soort adres"),
        Field(f"{address}/straat", "street", "Straat"),
        Field(f"{address}/nummer", "number", "Huisnummer"),
        Field(f"{address}/toevoeging", "addition", "Toevoeging"),
        Field(f"{address}/aanduiding", "label", "Aanduiding"),
        Field(f"{address}/locatieomschrijving", "location_description", "Locatie"),
        Field(f"{address}/postcode", "postal_code", "Postcode"),
        Field(f"{address}/plaats", "city", "Plaats"),
        Field(f"{address}/gemeente", "municipality", "Gemeente"),
        Field(f"{address}/land", "country", "Land"),
        Field(f"{contact}/soort", "kind", "Soort"),
        Field(f"{contact}/aanduiding", "label", "Aanduiding"),
        Field(f"{contact}/nummer", "value", "Nummer of adres"),
        Field(f"{contact}/geheim", "secret", "Geheim"),
        Field(f"{contact}/noodnummer", "emergency", "Noodnummer"),
    )
    return records, fields


FIELDS += tuple(
    Field(f"metadata/categorie_uitlevering/{name}", f"metadata.delivery.{name}", label)
    for name, label in CATEGORIES
)

# A guardian's addresses sit inside the guardian's record; the school's and the pupil's
# are top-level lists of their own.
for _base, _prefix in (("huidigeschool", "school_"), (L, "pupil_"), (f"{L}/verzorger", "")):
    _records, _fields = _addresses_and_contacts(_base, _prefix)
    RECORDS += _records
    FIELDS += _fields

FIELD_BY_PATH: dict[str, Field] = {f.path: f for f in FIELDS}
RECORD_BY_PATH: dict[str, Record] = {r.path: r for r in RECORDS}

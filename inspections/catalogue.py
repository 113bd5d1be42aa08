"""The indicator catalogue: the official figures SEND boards track, each with its publication,
unit, better direction and periods. Officers pick from it when adding an indicator; the
official statistics importer fills the indicator from the publication's file.

Publications: Department for Education, Explore Education Statistics (EES, official
statistics); OHID Fingertips (health). The DfE SEND and AP dashboard is "in development" and not
for accountability, so no entry relies on it.
"""

from dataclasses import dataclass

EES = "Department for Education, Explore Education Statistics"


@dataclass(frozen=True)
class CatalogueEntry:
    slug: str
    name: str
    publication: str
    unit: str  # Indicator.Unit
    direction: str  # Indicator.Direction
    period_kind: str  # Indicator.PeriodKind
    source_format: str = "ees"  # "ees" or "fingertips"

    @property
    def data_source(self) -> str:
        return f"{self.publication} ({self.source_label})"

    @property
    def source_label(self) -> str:
        return "OHID Fingertips" if self.source_format == "fingertips" else EES


def _ees(slug, name, publication, unit, direction, period_kind) -> CatalogueEntry:
    return CatalogueEntry(slug, name, publication, unit, direction, period_kind)


CATALOGUE: list[CatalogueEntry] = [
    _ees(
        "ehcp-within-20-weeks",
        "EHC plans issued within 20 weeks (excluding exceptions)",
        "Education, health and care plans",
        "percent",
        "higher",
        "year",
    ),
    _ees(
        "ehc-assessment-requests-refused",
        "EHC needs assessment requests refused",
        "Education, health and care plans",
        "percent",
        "lower",
        "year",
    ),
    _ees(
        "pupils-with-ehc-plan",
        "Pupils with an EHC plan",
        "Special educational needs in England",
        "percent",
        "higher",
        "academic_year",
    ),
    _ees(
        "pupils-on-sen-support",
        "Pupils on SEN support",
        "Special educational needs in England",
        "percent",
        "higher",
        "academic_year",
    ),
    _ees(
        "ehc-plans-in-mainstream",
        "EHC plans in mainstream settings",
        "Education, health and care plans",
        "percent",
        "higher",
        "year",
    ),
    _ees(
        "send-tribunal-appeal-rate",
        "SEND tribunal appeal rate",
        "Tribunal statistics quarterly: SEND (Ministry of Justice)",
        "percent",
        "lower",
        "academic_year",
    ),
    _ees(
        "ks2-expected-standard-sen-support",
        "KS2 expected standard in reading, writing and maths: pupils on SEN support",
        "Key stage 2 attainment",
        "percent",
        "higher",
        "academic_year",
    ),
    _ees(
        "ks2-expected-standard-ehc-plan",
        "KS2 expected standard in reading, writing and maths: pupils with an EHC plan",
        "Key stage 2 attainment",
        "percent",
        "higher",
        "academic_year",
    ),
    _ees(
        "attainment-8-sen",
        "Attainment 8: pupils with SEN",
        "Key stage 4 performance",
        "number",
        "higher",
        "academic_year",
    ),
    _ees(
        "overall-absence-sen",
        "Overall absence: pupils with SEN",
        "Pupil absence in schools in England",
        "percent",
        "lower",
        "academic_year",
    ),
    _ees(
        "persistent-absence-sen",
        "Persistent absence: pupils with SEN",
        "Pupil absence in schools in England",
        "percent",
        "lower",
        "academic_year",
    ),
    _ees(
        "suspensions-sen",
        "Suspensions: pupils with SEN (rate)",
        "Suspensions and permanent exclusions in England",
        "percent",
        "lower",
        "academic_year",
    ),
    _ees(
        "permanent-exclusions-sen",
        "Permanent exclusions: pupils with SEN (rate)",
        "Suspensions and permanent exclusions in England",
        "percent",
        "lower",
        "academic_year",
    ),
    _ees(
        "ks4-sustained-destinations-sen",
        "KS4 sustained destinations: pupils with SEN",
        "Key stage 4 destination measures",
        "percent",
        "higher",
        "academic_year",
    ),
    _ees(
        "16-17-sen-in-education-or-training",
        "16 and 17 year olds with SEN in education or training",
        "Participation in education, training and NEET age 16 to 17 by local authority",
        "percent",
        "higher",
        "year",
    ),
    CatalogueEntry(
        "autism-assessment-waits",
        "Waits for an autism assessment",
        "Autism waiting time statistics",
        "weeks",
        "lower",
        "quarter",
        source_format="fingertips",
    ),
]

BY_SLUG = {entry.slug: entry for entry in CATALOGUE}


def entry(slug: str) -> CatalogueEntry | None:
    return BY_SLUG.get(slug)

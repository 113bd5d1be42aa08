"""Demo inspections (called by `manage.py load_demo`; idempotent).

Kent: joint local area SEND inspection, 28 January – 1 February 2019, 9 areas of significant
weakness managed through 5 workstreams (seed 004). The wording is the inspectors', verbatim.
The inspections issue adds Surrey's inspection, revisit and monitoring (seed 003) and indicators.
"""

from datetime import date

from .models import AreaOfWeakness, Inspection

KENT_INSPECTION = {
    "kind": Inspection.Kind.JOINT,
    "local_area": "Kent",
    "start_date": date(2019, 1, 28),
    "end_date": date(2019, 2, 1),
}

# (number, workstream code, wording verbatim from seed 004)
KENT_WEAKNESSES: list[tuple[int, str, str]] = [
    (
        1,
        "A",
        "The widely held concern of parents that the local area is not able, or in some "
        "cases not willing, to meet their children's needs",
    ),
    (
        2,
        "A",
        "The limited role parents and carers have in reviewing and designing services for "
        "children and young people with SEND",
    ),
    (
        3,
        "B",
        "The variable quality of provision and commitment to inclusion in schools, and the "
        "lack of willingness of some schools to accommodate children and young people with SEND",
    ),
    (
        4,
        "B",
        "The poor standards achieved and progress made, by children and young people with SEND",
    ),
    (
        5,
        "B",
        "The lack of effective systems to track and improve outcomes for those children and "
        "young people whose progress to date has been limited by weakness in provision",
    ),
    (
        6,
        "C",
        "The inconsistent quality of the EHC process; the lack of up to date assessment and "
        "limited contributions from health and care professionals; the poor processes to check and "
        "review the quality of EHC plans",
    ),
    (
        7,
        "D",
        "The inability of current joint commissioning arrangements to address known gaps and "
        "eliminate longstanding weaknesses in the services for children and young people with SEND",
    ),
    (
        8,
        "D",
        "The governance of SEND arrangements across the EHC system at strategic and "
        "operational level and absence of robust action plans to address known weaknesses",
    ),
    (
        9,
        "E",
        "The unacceptable waiting times for children and young people to be seen by some "
        "health services, particularly CAMHS, tier 2 services, SALT, the wheelchair service, and ASD "
        "and ADHD assessment and reviews",
    ),
]


def kent_inspection() -> Inspection:
    inspection, _ = Inspection.objects.update_or_create(
        local_area=KENT_INSPECTION["local_area"],
        kind=KENT_INSPECTION["kind"],
        start_date=KENT_INSPECTION["start_date"],
        defaults={
            "end_date": KENT_INSPECTION["end_date"],
            "ofsted": True,
            "cqc": True,
            "wsoa_required": True,
            "outcome_summary": (
                "Ofsted and the Care Quality Commission (CQC) conducted an inspection of services "
                "for children with SEND in Kent between 28th January and 1st February 2019 and "
                "identified 9 areas of significant weakness."
            ),
        },
    )
    for number, _code, wording in KENT_WEAKNESSES:
        AreaOfWeakness.objects.update_or_create(
            inspection=inspection, number=number, defaults={"wording": wording}
        )
    return inspection


def load(stdout) -> None:
    kent_inspection()

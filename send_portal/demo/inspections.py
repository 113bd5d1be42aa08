"""Demo inspections (called by `manage.py load_demo`; idempotent).

Kent: joint local area SEND inspection, 28 January – 1 February 2019, 9 areas of significant
weakness managed through 5 workstreams (seed 004). The wording is the inspectors', verbatim.

Surrey (seed 003): inspected 17–21 October 2016, five areas of significant weakness and a WSoA;
revisited 18–20 March 2019, with sufficient progress in four of the five areas; an updated
action plan on the fifth (persistent absences) with milestones at 3, 6 and 12 months, monitoring
visits in June and December 2019 and a review after 12 months (circa May 2020).
The seed quotes the wording of only two of Surrey's five areas ("Theme 4" and "Priority 3"), so
only those two are recorded; the other three are not invented. Both were judged to have made
sufficient progress (the one that had not was persistent absences). The seed gives no per-area
words from the inspectors, so the judgements carry none. Milestone due dates are counted from
the revisit's last day (or the end of the month the seed names); no outcome is recorded.

Indicators: seed 003's "Figure 1" (% of pupils with SEN support, 2016–2018, with the South
East, statistical neighbours and England) and its Initial Health Assessment figures (March 2018
and February 2019). The seeds give no figures for EHCP 20-week timeliness: Kent's indicator for
it carries illustrative values, by area too, and its data source says so.
"""

import calendar
from datetime import date
from decimal import Decimal
from pathlib import Path

from inspections.models import (
    AreaOfWeakness,
    Indicator,
    IndicatorValue,
    Inspection,
    MonitoringMilestone,
    WeaknessJudgement,
)
from inspections.periods import parse_period
from inspections.services import inspection_plan_follow_ups
from send_portal.core.models import Area

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


SURREY_INSPECTION = {
    "kind": Inspection.Kind.JOINT,
    "local_area": "Surrey",
    "start_date": date(2016, 10, 17),
    "end_date": date(2016, 10, 21),
    "outcome_summary": (
        "Ofsted and CQC identified five areas of significant weakness and required Surrey "
        "County Council and Surrey's CCGs to produce a Written Statement of Action (WSoA). "
        "We were the second area in the country to produce a WSoA."
    ),
}

SURREY_REVISIT = {
    "kind": Inspection.Kind.REVISIT,
    "local_area": "Surrey",
    "start_date": date(2019, 3, 18),
    "end_date": date(2019, 3, 20),
    "outcome_summary": (
        "The inspectors judged that we had made sufficient progress in four of the five areas "
        "of weakness.\n"
        "A letter from DfE and NHS England expressing disappointment at lack of sufficient "
        "progress and requirements for an updated action plan.\n"
        "Submission by SCC and Surrey CCGs to DfE and NHS England an updated action plan on the "
        "one area where sufficient progress has not been made – persistent absences – with "
        "milestones at 3, 6 and 12 months."
    ),
}

# (number, wording verbatim from seed 003): the two areas the seed quotes.
SURREY_WEAKNESSES: list[tuple[int, str]] = [
    (
        3,
        "The inefficient management and coordination of area information, in administrative "
        "processes, to inform evaluation of services and outcomes, and to hold leaders and staff "
        "at all levels to account for rapid improvement.",
    ),
    (
        4,
        "The relatively low identification of need at school support level, indicating "
        "inefficiencies in the early identification of special educational needs and/or "
        "disabilities",
    ),
]


def _months_after(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def surrey_inspections() -> tuple[Inspection, Inspection]:
    first, _ = Inspection.objects.update_or_create(
        local_area="Surrey",
        kind=SURREY_INSPECTION["kind"],
        start_date=SURREY_INSPECTION["start_date"],
        defaults={
            "end_date": SURREY_INSPECTION["end_date"],
            "outcome_summary": SURREY_INSPECTION["outcome_summary"],
            "ofsted": True,
            "cqc": True,
            "wsoa_required": True,
        },
    )
    revisit, _ = Inspection.objects.update_or_create(
        local_area="Surrey",
        kind=SURREY_REVISIT["kind"],
        start_date=SURREY_REVISIT["start_date"],
        defaults={
            "end_date": SURREY_REVISIT["end_date"],
            "outcome_summary": SURREY_REVISIT["outcome_summary"],
            "ofsted": True,
            "cqc": True,
            "wsoa_required": False,
            "revisit_of": first,
        },
    )
    for number, wording in SURREY_WEAKNESSES:
        weakness, _ = AreaOfWeakness.objects.update_or_create(
            inspection=first, number=number, defaults={"wording": wording}
        )
        WeaknessJudgement.objects.update_or_create(
            revisit=revisit, weakness=weakness, defaults={"sufficient_progress": True}
        )
    end = revisit.end_date
    milestones = [
        (
            f"Updated action plan on persistent absences: {m}-month milestone",
            m,
            _months_after(end, m),
        )
        for m in (3, 6, 12)
    ]
    milestones += [
        (
            "Monitoring visit with DfE SEND adviser and NHS England adviser (June 2019)",
            None,
            _month_end(2019, 6),
        ),
        (
            "Monitoring visit with DfE SEND adviser and NHS England adviser (December 2019)",
            None,
            _month_end(2019, 12),
        ),
        (
            "Review by DfE and NHSE after 12 months of progress (circa May 2020)",
            None,
            _month_end(2020, 5),
        ),
    ]
    for title, months, due in milestones:
        MonitoringMilestone.objects.update_or_create(
            inspection=revisit, title=title, defaults={"months_after": months, "due_date": due}
        )
    return first, revisit


def _indicator(weakness: AreaOfWeakness, name: str, **fields) -> Indicator:
    indicator, _ = Indicator.objects.update_or_create(weakness=weakness, name=name, defaults=fields)
    return indicator


def _values(indicator: Indicator, rows, area: Area | None = None) -> None:
    for period_text, value, region, neighbours, england in rows:
        period = parse_period(period_text, indicator.period_kind)
        IndicatorValue.objects.update_or_create(
            indicator=indicator,
            period_start=period.start,
            area=area,
            defaults={
                "period": period.label,
                "value": Decimal(value),
                "region": None if region is None else Decimal(region),
                "statistical_neighbours": None if neighbours is None else Decimal(neighbours),
                "england": None if england is None else Decimal(england),
            },
        )


# Seed 003, Figure 1: (period, Surrey, South East, statistical neighbours, England)
FIGURE_1 = [
    ("2016", "11.00", "11.20", "10.29", "11.60"),
    ("2017", "11.30", "11.10", "10.69", "11.60"),
    ("2018", "11.70", "11.40", "10.78", "11.70"),
]

# Illustrative only (the seeds give no EHCP timeliness figures): whole local area, then by area.
EHCP_ILLUSTRATIVE = [
    ("2019 Q2", "35"),
    ("2019 Q3", "41"),
    ("2019 Q4", "48"),
    ("2020 Q1", "52"),
    ("2020 Q2", "57"),
    ("2020 Q3", "61"),
]
EHCP_ILLUSTRATIVE_BY_AREA = {
    "North East": [("2020 Q2", "52"), ("2020 Q3", "58")],
    "Mid": [("2020 Q2", "60"), ("2020 Q3", "66")],
    "South": [("2020 Q2", "55"), ("2020 Q3", "59")],
    "West": [("2020 Q2", "61"), ("2020 Q3", "63")],
}


def indicators(kent: Inspection, surrey: Inspection) -> None:
    theme_4 = AreaOfWeakness.objects.get(inspection=surrey, number=4)
    priority_3 = AreaOfWeakness.objects.get(inspection=surrey, number=3)
    sen_support = _indicator(
        theme_4,
        "% of pupils with special educational needs (SEN) support",
        unit=Indicator.Unit.PERCENT,
        direction=Indicator.Direction.HIGHER,
        target=None,
        data_source=(
            "Figure 1 of Surrey's revisit presentation: % of pupils with SEN support – local "
            "authority, region and England (DfE SEN in England). No target is set in the source."
        ),
        monitoring_only=False,
        region_name="South East",
        period_kind=Indicator.PeriodKind.YEAR,
    )
    _values(sen_support, FIGURE_1)
    assessments = _indicator(
        priority_3,
        "Children with Initial Health Assessments",
        unit=Indicator.Unit.PERCENT,
        direction=Indicator.Direction.HIGHER,
        target=None,
        data_source="Surrey's revisit presentation: evidence of impact for Priority 3.",
        monitoring_only=False,
        period_kind=Indicator.PeriodKind.MONTH,
    )
    _values(
        assessments,
        [("March 2018", "3", None, None, None), ("February 2019", "90", None, None, None)],
    )
    in_time = _indicator(
        priority_3,
        "Initial Health Assessments in time",
        unit=Indicator.Unit.PERCENT,
        direction=Indicator.Direction.HIGHER,
        target=None,
        data_source="Surrey's revisit presentation: evidence of impact for Priority 3.",
        monitoring_only=True,
        period_kind=Indicator.PeriodKind.MONTH,
    )
    _values(
        in_time, [("March 2018", "13", None, None, None), ("February 2019", "29", None, None, None)]
    )

    ehc_process = AreaOfWeakness.objects.get(inspection=kent, number=6)
    timeliness = _indicator(
        ehc_process,
        "New EHC plans issued within 20 weeks",
        unit=Indicator.Unit.PERCENT,
        direction=Indicator.Direction.HIGHER,
        target=Decimal("60"),
        data_source=(
            "Illustrative demo values: the council papers give no figures for EHCP 20-week "
            "timeliness. Replace them with the local area's own figures (SEN2 return)."
        ),
        monitoring_only=False,
        period_kind=Indicator.PeriodKind.QUARTER,
    )
    _values(timeliness, [(p, v, None, None, None) for p, v in EHCP_ILLUSTRATIVE])
    for area in Area.objects.filter(name__in=EHCP_ILLUSTRATIVE_BY_AREA):
        _values(
            timeliness,
            [(p, v, None, None, None) for p, v in EHCP_ILLUSTRATIVE_BY_AREA[area.name]],
            area=area,
        )


# Illustrative: the seeds hold no 2023-framework report, so this inspection of the demo council
# and its findings are made up to show the framework; its page says so.
DEMO_2023_INSPECTION = {
    "kind": Inspection.Kind.AREA_SEND,
    "local_area": "Demo County",
    "start_date": date(2025, 11, 10),
    "end_date": date(2025, 11, 14),
}
DEMO_2023_SUMMARY = (
    "Illustrative. Ofsted and the CQC carried out an area SEND inspection of the Demo County "
    "local area partnership (Demo County Council, the Demo County integrated care board and "
    "their partners) under the area SEND framework and handbook."
)
# (number, kind, partners, partners named, wording): illustrative wording.
DEMO_2023_FINDINGS = [
    (
        1,
        AreaOfWeakness.Kind.PRIORITY_ACTION,
        AreaOfWeakness.Partners.BOTH,
        "",
        "Leaders across the partnership should urgently improve the timeliness and quality of "
        "education, health and care needs assessments and plans, so that children and young "
        "people's needs are identified and met without delay.",
    ),
    (
        2,
        AreaOfWeakness.Kind.PRIORITY_ACTION,
        AreaOfWeakness.Partners.ICB,
        "",
        "The ICB should reduce the waiting times for neurodevelopmental assessments and for "
        "speech and language therapy, and make sure families know how to get help while they "
        "wait.",
    ),
    (
        3,
        AreaOfWeakness.Kind.IMPROVEMENT,
        AreaOfWeakness.Partners.LOCAL_AUTHORITY,
        "",
        "Leaders should strengthen the oversight of pupils who attend alternative provision and "
        "of those on reduced timetables.",
    ),
    (
        4,
        AreaOfWeakness.Kind.IMPROVEMENT,
        AreaOfWeakness.Partners.OTHERS,
        "The local authority, the ICB and the parent carer forum",
        "Leaders should make sure that the Local Offer is up to date and that families can find "
        "the information they need.",
    ),
    (
        5,
        AreaOfWeakness.Kind.IMPROVEMENT,
        AreaOfWeakness.Partners.BOTH,
        "",
        "Leaders should improve the preparation for adulthood of young people with SEND, "
        "including their transition from children's to adults' health services.",
    ),
]
DEMO_2023_ENGAGEMENT = (
    date(2026, 11, 12),
    "Illustrative. First annual engagement meeting with Ofsted and the CQC: the partnership "
    "presented progress on the priority action plan and the updated strategic plan.",
)


def demo_2023_inspection() -> Inspection:
    inspection, _ = Inspection.objects.update_or_create(
        local_area=DEMO_2023_INSPECTION["local_area"],
        kind=DEMO_2023_INSPECTION["kind"],
        start_date=DEMO_2023_INSPECTION["start_date"],
        defaults={
            "end_date": DEMO_2023_INSPECTION["end_date"],
            "framework": Inspection.Framework.F2023,
            "outcome": Inspection.Outcome.SYSTEMIC,
            "outcome_summary": DEMO_2023_SUMMARY,
            "ofsted": True,
            "cqc": True,
            "wsoa_required": False,
            "illustrative": True,
        },
    )
    for number, kind, partners, named, wording in DEMO_2023_FINDINGS:
        AreaOfWeakness.objects.update_or_create(
            inspection=inspection,
            number=number,
            defaults={
                "kind": kind,
                "partners": partners,
                "partners_named": named,
                "wording": wording,
            },
        )
    inspection_plan_follow_ups(inspection=inspection)
    on, notes = DEMO_2023_ENGAGEMENT
    MonitoringMilestone.objects.update_or_create(
        inspection=inspection,
        kind=MonitoringMilestone.Kind.ENGAGEMENT_MEETING,
        due_date=on,
        defaults={
            "title": f"Annual engagement meeting, {on:%-d %B %Y}",
            "notes": notes,
            "state": MonitoringMilestone.State.MET,
        },
    )
    return inspection


# An Explore Education Statistics tidy CSV as published (a few authorities, the South East,
# England, suppression symbols), with illustrative figures: the seeds give none.
DEMO_OFFICIAL_FILE = Path(__file__).resolve().parent / "data" / "ees_ehcp_timeliness.csv"
DEMO_LA_CODE = "E10000016"  # Kent
DEMO_NEIGHBOURS = ["E10000012", "E10000014", "E10000032", "E10000030", "E06000035"]


def official_statistics(kent: Inspection) -> Indicator:
    """Kent's EHC plans within 20 weeks from the catalogue, filled from the demo EES file."""
    from inspections.services import indicator_from_catalogue, official_values_import

    weakness = AreaOfWeakness.objects.get(inspection=kent, number=6)
    indicator = Indicator.objects.filter(
        weakness=weakness, catalogue="ehcp-within-20-weeks"
    ).first()
    if indicator is None:
        indicator = indicator_from_catalogue(
            weakness=weakness, slug="ehcp-within-20-weeks", target=Decimal("60")
        )
        indicator.data_source = (
            "Illustrative demo figures in a file laid out as the Department for Education's "
            "Explore Education Statistics tidy CSV (Education, health and care plans): the seeds "
            "give no such figures. Replace them by importing the published file."
        )
        indicator.save(update_fields=["data_source"])
    if not indicator.official_imports.exists():
        official_values_import(
            indicator=indicator,
            name=DEMO_OFFICIAL_FILE.name,
            data=DEMO_OFFICIAL_FILE.read_bytes(),
            value_column="within_20_weeks_percent",
            filters={"exceptions": "Excluding exceptions"},
            publication="Education, health and care plans (illustrative demo file)",
            la_code=DEMO_LA_CODE,
            neighbours=DEMO_NEIGHBOURS,
        )
    return indicator


def load(stdout) -> None:
    demo_2023_inspection()
    kent = kent_inspection()
    surrey, _revisit = surrey_inspections()
    indicators(kent, surrey)
    official_statistics(kent)

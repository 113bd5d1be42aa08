"""A small programme with every status, used by several reporting tests."""

from datetime import date

from pypdf import PdfReader

from workstreams.status import ActionStatus

from .factories import ActionFactory, MonthlyUpdateFactory, RiskFactory, WorkstreamFactory

OCTOBER = date(2026, 10, 1)
AFTER_OCTOBER = date(2026, 11, 3)


def build_programme(programme, *, area_ne=None, area_south=None):
    """Workstream A (green, 3 actions), B (red: one overdue), C (blue: all done)."""
    a = WorkstreamFactory(programme=programme, code="A", title="Identification of need")
    b = WorkstreamFactory(programme=programme, code="B", title="Joint commissioning")
    c = WorkstreamFactory(programme=programme, code="C", title="Preparing for adulthood")
    ActionFactory(workstream=a, ref="A.1", title="Train every SENCO", status=ActionStatus.ON_TARGET)
    ActionFactory(
        workstream=a,
        ref="A.2",
        title="Publish the graduated response",
        status=ActionStatus.NOT_STARTED,
        start_date=date(2026, 12, 1),
        areas=[area_ne] if area_ne else None,
    )
    ActionFactory(
        workstream=a,
        ref="A.3",
        title="Audit EHCP quality",
        status=ActionStatus.ON_TARGET,
        areas=[area_south] if area_south else None,
    )
    ActionFactory(
        workstream=b,
        ref="B.1",
        title="Agree a joint commissioning strategy",
        status=ActionStatus.BEHIND,
        due_date=date(2026, 10, 15),
    )
    ActionFactory(
        workstream=b, ref="B.2", title="Review therapy provision", status=ActionStatus.BEHIND
    )
    ActionFactory(
        workstream=c,
        ref="C.1",
        title="Launch the transition pathway",
        status=ActionStatus.COMPLETED,
    )
    MonthlyUpdateFactory(
        workstream=b,
        month=OCTOBER,
        rag="red",
        decisions_needed="Fund two posts.",
        risks_and_issues="Speech therapists are leaving for the NHS.",
    )
    RiskFactory(workstream=b, description="Therapists cannot be recruited", likelihood=4, impact=5)
    RiskFactory(workstream=a, description="A low risk", likelihood=1, impact=2)
    return a, b, c


def pdf_text(report) -> str:
    """The PDF's text, whitespace collapsed."""
    with report.pdf.open("rb") as handle:
        reader = PdfReader(handle)
        text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split())  # table cells wrap: compare words, not line breaks


def kent_programme_with_an_indicator():
    """A WSoA programme answering Kent's inspection, with one finding and its percentage
    indicator (values for 2024 to 2026, with England's): ``(programme, indicator)``."""
    from decimal import Decimal

    from inspections.models import AreaOfWeakness, Indicator, IndicatorValue, Inspection

    from .factories import ProgrammeFactory

    inspection = Inspection.objects.create(
        kind="joint", local_area="Kent", start_date=date(2019, 1, 1), end_date=date(2019, 1, 5)
    )
    programme = ProgrammeFactory(name="Kent WSoA", slug="kent", inspection=inspection)
    build_programme(programme)
    weakness = AreaOfWeakness.objects.create(inspection=inspection, number=1, wording="W")
    indicator = Indicator.objects.create(
        weakness=weakness,
        name="EHC plans issued within 20 weeks",
        unit="percent",
        direction="higher",
        target=Decimal("60"),
        data_source="SEN2",
    )
    for year, value in [(2024, 40), (2025, 50), (2026, 55)]:
        IndicatorValue.objects.create(
            indicator=indicator,
            period=str(year),
            period_start=date(year, 1, 1),
            value=Decimal(value),
            england=Decimal(value + 5),
        )
    return programme, indicator

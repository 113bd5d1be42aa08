"""Objects the access matrix's reporting URLs point at (created when a URL is built).

A ready report of area X (the ``world``'s ``area_x``): head_x may read it, head_y never.
"""

from datetime import date

from django.core.files.base import ContentFile

from workstreams.reporting.models import Report, ReportingPeriod


def area_x_report_pk(world) -> dict:
    if "report_x" not in world:
        period = ReportingPeriod.objects.create(
            month=date(2026, 1, 1), deadline=date(2026, 2, 5), state="locked"
        )
        report = Report(
            period=period,
            scope="area",
            area=world["area_x"],
            scope_key=f"area:{world['area_x'].pk}",
            state="ready",
        )
        report.pdf.save("area-x.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
        report.save()
        world["report_x"] = report
    return {"pk": world["report_x"].pk}


def open_period_pk(world) -> dict:
    if "period_open" not in world:
        world["period_open"] = ReportingPeriod.objects.create(
            month=date(2026, 2, 1), deadline=date(2026, 3, 5)
        )
    return {"pk": world["period_open"].pk}


def locked_period_pk(world) -> dict:
    """A locked month with no report: it may still be reopened (an empty POST lacks a reason)."""
    if "period_locked" not in world:
        world["period_locked"] = ReportingPeriod.objects.create(
            month=date(2025, 12, 1), deadline=date(2026, 1, 5), state="locked"
        )
    return {"pk": world["period_locked"].pk}

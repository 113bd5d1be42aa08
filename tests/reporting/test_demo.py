"""The demo: three locked months and a ready portfolio report, loaded twice without change."""

import pytest
from django.core.management import call_command

from workstreams.reporting.models import ActionSnapshot, Report, ReportingPeriod

pytestmark = pytest.mark.django_db


def test_the_demo_locks_three_months_and_readies_a_report_idempotently(settings):
    settings.DEBUG = True
    call_command("load_demo")
    periods = list(ReportingPeriod.objects.order_by("month"))
    assert len(periods) == 3 and all(p.is_locked for p in periods)
    report = Report.objects.get()
    assert report.state == Report.State.READY and report.period == periods[-1]
    first = (report.sha256, report.pdf.name, ActionSnapshot.objects.count())
    call_command("load_demo")
    report.refresh_from_db()
    assert (report.sha256, report.pdf.name, ActionSnapshot.objects.count()) == first
    assert ReportingPeriod.objects.count() == 3 and Report.objects.count() == 1

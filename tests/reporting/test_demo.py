"""The demo: three locked months and a ready portfolio report."""

import pytest

from workstreams.reporting.models import ActionSnapshot, Report, ReportingPeriod

pytestmark = pytest.mark.django_db


def test_the_demo_locks_three_months_and_readies_a_report(demo):
    periods = list(ReportingPeriod.objects.order_by("month"))
    assert len(periods) == 3 and all(p.is_locked for p in periods)
    report = Report.objects.get()
    assert report.state == Report.State.READY and report.period == periods[-1]
    assert ActionSnapshot.objects.filter(period=periods[-1]).exists()
    with report.pdf.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

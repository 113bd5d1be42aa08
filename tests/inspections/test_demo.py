"""The demo: Kent's and Surrey's inspections, Surrey's revisit and monitoring, the indicators."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from inspections.models import Indicator, Inspection, MonitoringMilestone, WeaknessJudgement
from send_portal.demo.inspections import KENT_WEAKNESSES

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")


def test_kent_keeps_its_nine_weaknesses_verbatim(demo):
    kent = Inspection.objects.get(local_area="Kent")
    assert list(kent.weaknesses.values_list("number", "wording")) == [
        (number, wording) for number, _code, wording in KENT_WEAKNESSES
    ]


def test_surrey_inspection_revisit_and_monitoring(demo):
    surrey = Inspection.objects.get(local_area="Surrey", kind=Inspection.Kind.JOINT)
    assert (str(surrey.start_date), str(surrey.end_date)) == ("2016-10-17", "2016-10-21")
    revisit = surrey.revisits.get()
    assert (str(revisit.start_date), str(revisit.end_date)) == ("2019-03-18", "2019-03-20")
    assert "sufficient progress in four of the five areas" in revisit.outcome_summary
    assert WeaknessJudgement.objects.filter(revisit=revisit, sufficient_progress=True).count() == 2
    months = sorted(
        m.months_after
        for m in MonitoringMilestone.objects.filter(inspection=revisit, months_after__isnull=False)
    )
    assert months == [3, 6, 12]
    assert (
        MonitoringMilestone.objects.get(inspection=revisit, months_after=3).due_date.isoformat()
        == "2019-06-20"
    )


def test_figure_1_is_the_seeds_own(demo):
    indicator = Indicator.objects.get(name__startswith="% of pupils with special")
    rows = list(
        indicator.values.filter(area=None).values_list(
            "period", "value", "region", "statistical_neighbours", "england"
        )
    )
    assert rows == [
        ("2016", Decimal("11.00"), Decimal("11.20"), Decimal("10.29"), Decimal("11.60")),
        ("2017", Decimal("11.30"), Decimal("11.10"), Decimal("10.69"), Decimal("11.60")),
        ("2018", Decimal("11.70"), Decimal("11.40"), Decimal("10.78"), Decimal("11.70")),
    ]
    assert indicator.region_name == "South East"


def test_ehcp_timeliness_says_its_values_are_illustrative_and_has_areas(demo):
    indicator = Indicator.objects.get(name="New EHC plans issued within 20 weeks")
    assert indicator.data_source.startswith("Illustrative demo values")
    assert indicator.values.filter(area__isnull=False).values("area").distinct().count() == 4
    assert Indicator.objects.filter(monitoring_only=True).exists()


def test_kent_has_an_official_figure_from_the_demo_ees_file(demo):
    indicator = Indicator.objects.get(catalogue="ehcp-within-20-weeks")
    assert indicator.data_source.startswith("Illustrative demo figures")
    latest = indicator.values.get(period="2024")
    assert (latest.value, latest.region, latest.england) == (
        Decimal("45.80"),
        Decimal("41.90"),
        Decimal("46.40"),
    )
    assert (latest.neighbours_with_value, latest.neighbours_total) == (4, 5)
    assert indicator.official_imports.count() == 1

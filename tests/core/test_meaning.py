"""Values checked by meaning, as pure rules and where officers enter them."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from inspections.imports import parse_indicator_csv
from inspections.models import Indicator, IndicatorValue
from send_portal.core.meaning import value_problem
from tests.inspections.factories import IndicatorFactory


@pytest.mark.parametrize(
    ("number", "unit", "problem"),
    [
        ("0", "percent", None),
        ("100", "percent", None),
        ("140", "percent", "Value must be between 0 and 100 for a percentage"),
        ("-0.5", "percent", "Value must be between 0 and 100 for a percentage"),
        ("12", "number", None),
        ("12.5", "number", "Value must be a whole number, 0 or more, for a count"),
        ("-1", "number", "Value must be a whole number, 0 or more, for a count"),
        ("0", "weeks", None),
        ("-3", "weeks", "Value must be 0 or more weeks"),
        ("-3", "days", "Value must be 0 or more days"),
        ("400", "days", None),
    ],
)
def test_value_problem(number, unit, problem):
    assert value_problem(Decimal(number), unit=unit, label="value") == problem


@pytest.mark.django_db
def test_a_percentage_of_140_is_refused_with_the_range(client, officer):
    indicator = IndicatorFactory(unit=Indicator.Unit.PERCENT)
    client.force_login(officer)
    url = reverse("inspections:indicator_value_add", args=[indicator.pk])
    html = client.post(url, {"period": "2020", "value": "140", "england": "101"}).content.decode()
    assert "Value must be between 0 and 100 for a percentage" in html
    assert "England must be between 0 and 100 for a percentage" in html
    assert not IndicatorValue.objects.filter(indicator=indicator).exists()
    assert client.post(url, {"period": "2020", "value": "100"}).status_code == 302


@pytest.mark.django_db
def test_indicator_target_is_checked_by_its_unit(client, officer):
    indicator = IndicatorFactory(unit=Indicator.Unit.WEEKS)
    client.force_login(officer)
    url = reverse("inspections:indicator_edit", args=[indicator.pk])
    from tests.forms_as_rendered import form_data

    data = form_data(client.get(url).content.decode())
    data["target"] = ["-2"]
    html = client.post(url, data).content.decode()
    assert "The target must be 0 or more weeks" in html


def test_csv_values_are_checked_by_the_indicator_unit():
    body = "period,value,region,statistical_neighbours,england,area\n2016,140,,,,\n2017,3.5,,,,\n"
    _rows, errors = parse_indicator_csv(body.encode(), period_kind="year", areas={}, unit="percent")
    assert [(e.row, e.column, e.reason) for e in errors] == [
        (2, "value", "Value must be between 0 and 100 for a percentage")
    ]
    _rows, errors = parse_indicator_csv(body.encode(), period_kind="year", areas={}, unit="number")
    assert [(e.row, e.reason) for e in errors] == [
        (3, "Value must be a whole number, 0 or more, for a count")
    ]


def test_adoption_date_cannot_be_in_the_future():
    from inclusion.forms import AdoptForm

    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    form = AdoptForm({"adopted_on": tomorrow.isoformat()})
    assert not form.is_valid()
    assert form.errors["adopted_on"] == ["The date adopted must be today or in the past"]

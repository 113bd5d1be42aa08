"""Indicator CSV: the exact columns, every bad row reported, nothing half-saved."""

from decimal import Decimal

import pytest

from inspections.imports import parse_indicator_csv
from inspections.models import Indicator, IndicatorValue
from inspections.services import IndicatorImportError, indicator_values_import
from send_portal.core.tabular import RowError
from tests.inspections.factories import IndicatorFactory, IndicatorValueFactory

HEADER = "period,value,region,statistical_neighbours,england,area\n"
AREAS = {"north east": 1, "north-east": 1, "south": 2}


def parse(body: str, kind: str = "year"):
    return parse_indicator_csv((HEADER + body).encode(), period_kind=kind, areas=AREAS)


def test_good_rows_are_read():
    rows, errors = parse("2016,11.00,11.20,10.29,11.60,\n2017,11.3,,,,North East\n")
    assert errors == []
    assert [(r.period, r.value, r.region, r.england, r.area_id) for r in rows] == [
        ("2016", Decimal("11.00"), Decimal("11.20"), Decimal("11.60"), None),
        ("2017", Decimal("11.3"), None, None, 1),
    ]


def test_every_bad_row_is_reported_with_row_column_and_reason():
    rows, errors = parse(
        "2016,11.0,,,,\n16,abc,,,,\n2018,,x,,,Atlantis\n2016,12,,,,\n2019,1.234,,,,\n"
    )
    assert rows == []
    assert errors == [
        RowError(3, "period", "Enter the year as 4 digits, like 2018"),
        RowError(3, "value", "“abc” is not a number"),
        RowError(4, "value", "Enter the value"),
        RowError(4, "region", "“x” is not a number"),
        RowError(4, "area", "“Atlantis” is not one of the portal's areas"),
        RowError(5, "period", "2016 appears twice (also on row 2)"),
        RowError(6, "value", "Use no more than 2 decimal places"),
    ]


@pytest.mark.parametrize(
    "header",
    [
        "period,value\n",
        "period,value,region,statistical_neighbours,england\n",
        "value,period,region,statistical_neighbours,england,area\n",
        "period,value,region,neighbours,england,area\n",
    ],
)
def test_columns_must_be_exactly_the_contract(header):
    rows, errors = parse_indicator_csv(
        (header + "2016,1,,,,\n").encode(), period_kind="year", areas={}
    )
    assert rows == []
    assert len(errors) == 1 and errors[0].row == 1 and errors[0].column == ""
    assert errors[0].reason.endswith(
        "The header row must have exactly these columns, in this order: "
        "period, value, region, statistical_neighbours, england, area"
    )


def test_a_row_with_too_many_cells():
    _rows, errors = parse("2016,1,2,3,4,,5\n")
    assert errors == [RowError(2, "", "This row has more cells than there are columns")]


def test_a_short_row_is_read_as_blank_cells():
    _rows, errors = parse("2016\n")
    assert errors == [RowError(2, "value", "Enter the value")]


def test_empty_file_and_header_only():
    assert parse_indicator_csv(b"", period_kind="year", areas={})[1] == [
        RowError(1, "", "The file is empty")
    ]
    assert parse("")[1] == [RowError(2, "", "The file has a header row but no values")]


def test_same_period_in_different_areas_is_fine():
    rows, errors = parse("2016,1,,,,\n2016,2,,,,South\n2016,3,,,,North East\n")
    assert errors == []
    assert len(rows) == 3


@pytest.mark.django_db
def test_import_is_all_or_nothing():
    indicator = IndicatorFactory(period_kind=Indicator.PeriodKind.YEAR)
    IndicatorValueFactory(indicator=indicator, period="2016", value=Decimal("5"))
    data = (HEADER + "2016,11,,,,\n2017,abc,,,,\n").encode()
    with pytest.raises(IndicatorImportError) as raised:
        indicator_values_import(indicator=indicator, data=data)
    assert raised.value.errors == [RowError(3, "value", "“abc” is not a number")]
    assert list(indicator.values.values_list("period", "value")) == [("2016", Decimal("5.00"))]


@pytest.mark.django_db
def test_import_adds_and_replaces(area_ne):
    indicator = IndicatorFactory(period_kind=Indicator.PeriodKind.ACADEMIC_YEAR)
    data = (HEADER + "2017/18,40,41,42,43,\n2018-19,50,,,,\n2018/19,45,,,,North East\n").encode(
        "utf-8-sig"
    )
    outcome = indicator_values_import(indicator=indicator, data=data)
    assert (outcome.created, outcome.updated) == (3, 0)
    outcome = indicator_values_import(
        indicator=indicator, data=(HEADER + "2018/19,55,,,,\n").encode()
    )
    assert (outcome.created, outcome.updated) == (0, 1)
    values = {
        (v.period, v.area_id): (v.value, v.region)
        for v in IndicatorValue.objects.filter(indicator=indicator)
    }
    assert values == {
        ("2017/18", None): (Decimal("40"), Decimal("41")),
        ("2018/19", None): (Decimal("55"), None),
        ("2018/19", area_ne.pk): (Decimal("45"), None),
    }


@pytest.mark.django_db
def test_a_utf16_file_is_refused():
    indicator = IndicatorFactory()
    with pytest.raises(IndicatorImportError) as raised:
        indicator_values_import(indicator=indicator, data="period,café\n".encode("utf-16"))
    assert raised.value.errors[0].reason.startswith("The file is not a CSV file")
    assert not indicator.values.exists()


@pytest.mark.django_db
def test_a_windows_1252_file_is_read(area_ne):
    indicator = IndicatorFactory(period_kind=Indicator.PeriodKind.YEAR)
    data = (HEADER + "2016,11,,,,North East\n").encode("cp1252")
    assert indicator_values_import(indicator=indicator, data=data).created == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_imports_of_one_indicator_do_not_collide():
    """Two uploads of the same new periods at once: both succeed, one row per period."""
    import threading

    from django.db import connection

    indicator = IndicatorFactory(period_kind=Indicator.PeriodKind.YEAR)
    data = (HEADER + "".join(f"{year},{year % 100},,,,\n" for year in range(2000, 2030))).encode()
    barrier = threading.Barrier(2)
    outcomes, failures = [], []

    def upload():
        try:
            barrier.wait()
            outcomes.append(indicator_values_import(indicator=indicator, data=data))
        except Exception as exc:
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=upload) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert sorted((o.created, o.updated) for o in outcomes) == [(0, 30), (30, 0)]
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 30

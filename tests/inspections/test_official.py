"""Official statistics in: an Explore Education Statistics tidy CSV (or OHID Fingertips CSV)
fills an indicator's council, region, neighbours and England values, with rank and quartile
when the file holds every local authority; a bad file is refused whole."""

import csv
import io
import math
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from inspections.models import Indicator, IndicatorValue, OfficialImport, StatisticalNeighbour
from inspections.official import ees_period
from inspections.periods import PeriodError
from inspections.services import IndicatorImportError, official_values_import
from tests.inspections.factories import IndicatorFactory, IndicatorValueFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
KENT = "E10000016"
NEIGHBOURS = "E10000012,E10000014,E10000032,E10000030,E06000035"


@pytest.fixture
def kent(settings):
    settings.PORTAL_LA_CODE = KENT
    settings.PORTAL_STATISTICAL_NEIGHBOURS = NEIGHBOURS.split(",")


def _ehcp_indicator(**fields):
    return IndicatorFactory(
        slug="ehcp-within-20-weeks",
        name="EHC plans issued within 20 weeks (excluding exceptions)",
        period_kind="year",
        direction="higher",
        **fields,
    )


@pytest.mark.parametrize(
    "time_period, identifier, kind, label",
    [
        ("202223", "Academic year", "academic_year", "2022/23"),
        ("2023", "Calendar year", "year", "2023"),
        ("202324", "Financial year", "financial_year", "2023-24"),
    ],
)
def test_ees_periods(time_period, identifier, kind, label):
    assert ees_period(time_period, identifier, kind).label == label


def test_an_ees_period_of_another_kind_is_refused():
    with pytest.raises(PeriodError, match="academic years but the indicator's periods are years"):
        ees_period("202223", "Academic year", "year")


def test_the_command_fills_council_region_neighbours_and_england(kent, capsys):
    indicator = _ehcp_indicator()
    call_command(
        "import_official_values",
        str(FIXTURES / "ees_ehcp_timeliness.csv"),
        "--indicator",
        "ehcp-within-20-weeks",
        "--value-column",
        "within_20_weeks_percent",
        "--where",
        "exceptions=Excluding exceptions",
        "--publication",
        "Education, health and care plans, 2025",
    )
    values = {v.period: v for v in IndicatorValue.objects.filter(indicator=indicator)}
    assert list(values) == ["2022", "2023", "2024"]
    v2022 = values["2022"]
    assert (v2022.value, v2022.region, v2022.england) == (
        Decimal("38.60"),
        Decimal("44.10"),
        Decimal("49.20"),
    )
    # neighbours: Essex 60.3, Hampshire 70.2, West Sussex 21.4, Surrey 28.7, Medway c
    assert v2022.statistical_neighbours == Decimal("45.15")
    assert (v2022.neighbours_with_value, v2022.neighbours_total) == (4, 5)
    assert v2022.rank is None  # a few local authorities only: no rank
    assert values["2024"].statistical_neighbours == Decimal("54.65")  # West Sussex "u"
    indicator.refresh_from_db()
    assert indicator.region_name == "South East"
    record = OfficialImport.objects.get()
    assert record.file_name == "ees_ehcp_timeliness.csv"
    assert record.publication == "Education, health and care plans, 2025"
    assert record.filters == {"exceptions": "Excluding exceptions"}
    assert v2022.official_import == record
    assert "3 periods (2022, 2023, 2024), 3 added and 0 replaced" in capsys.readouterr().out


def test_rank_and_quartile_when_the_file_holds_every_local_authority(kent):
    indicator = IndicatorFactory(slug="sen-support", period_kind="academic_year")
    outcome = official_values_import(
        indicator=indicator,
        name="ees_sen_support_every_la.csv",
        data=(FIXTURES / "ees_sen_support_every_la.csv").read_bytes(),
        value_column="sen_support_percent",
        filters={"phase_type_grouping": "Total"},
    )
    assert outcome.created == 2
    latest = IndicatorValue.objects.get(indicator=indicator, period="2023/24")
    assert latest.value == Decimal("14.90")
    # worked out here from the file itself: every local authority's number in 2023/24
    others = _every_la_figures("202324")
    assert len(others) == 152  # 153 authorities, Medway "z"
    assert latest.rank_of == 152
    assert latest.rank == sum(1 for v in others if v > Decimal("14.9")) + 1
    assert latest.quartile == math.ceil(4 * latest.rank / 152)
    assert latest.suppressed == {}
    # lower is better: the same figures ranked the other way
    lower = IndicatorFactory(
        slug="sen-support-lower", period_kind="academic_year", direction="lower"
    )
    official_values_import(
        indicator=lower,
        name="f.csv",
        data=(FIXTURES / "ees_sen_support_every_la.csv").read_bytes(),
        value_column="sen_support_percent",
        filters={"phase_type_grouping": "Total"},
    )
    flipped = IndicatorValue.objects.get(indicator=lower, period="2023/24")
    assert flipped.rank == sum(1 for v in others if v < Decimal("14.9")) + 1
    assert flipped.rank != latest.rank


def _every_la_figures(time_period: str) -> list[Decimal]:
    with open(FIXTURES / "ees_sen_support_every_la.csv", newline="") as f:
        return [
            Decimal(row["sen_support_percent"])
            for row in csv.DictReader(f)
            if row["time_period"] == time_period
            and row["geographic_level"] == "Local authority"
            and row["phase_type_grouping"] == "Total"
            and row["sen_support_percent"] != "z"
        ]


def test_suppressed_council_figures_store_no_number_and_keep_the_symbol(kent, settings):
    settings.PORTAL_LA_CODE = "E06000035"  # Medway: "c" in 2022
    indicator = _ehcp_indicator()
    official_values_import(
        indicator=indicator,
        name="ees_ehcp_timeliness.csv",
        data=(FIXTURES / "ees_ehcp_timeliness.csv").read_bytes(),
        value_column="within_20_weeks_percent",
        filters={"exceptions": "Excluding exceptions"},
        neighbours=[],
    )
    value = IndicatorValue.objects.get(indicator=indicator, period="2022")
    assert value.value is None and value.suppressed == {"value": "c"}


def test_a_bad_file_is_refused_whole_with_every_problem_by_row_and_column(kent):
    indicator = _ehcp_indicator()
    IndicatorValueFactory(indicator=indicator, period="2022", value=Decimal("1"))
    with pytest.raises(IndicatorImportError) as refused:
        official_values_import(
            indicator=indicator,
            name="bad.csv",
            data=(FIXTURES / "ees_ehcp_timeliness_bad.csv").read_bytes(),
            value_column="within_20_weeks_percent",
            filters={"exceptions": "Excluding exceptions"},
        )
    problems = {(e.row, e.column) for e in refused.value.errors}
    assert problems == {(4, "within_20_weeks_percent"), (6, "time_period")}
    reasons = " ".join(e.reason for e in refused.value.errors)
    assert "“about 40” is neither a number nor a suppression symbol" in reasons
    assert IndicatorValue.objects.get(indicator=indicator).value == Decimal("1")  # untouched
    assert not OfficialImport.objects.exists()


def test_without_filters_two_rows_for_one_area_and_period_are_refused(kent):
    with pytest.raises(IndicatorImportError) as refused:
        official_values_import(
            indicator=_ehcp_indicator(),
            name="f.csv",
            data=(FIXTURES / "ees_ehcp_timeliness.csv").read_bytes(),
            value_column="within_20_weeks_percent",
            filters={},
        )
    assert "add --where COLUMN=VALUE filters" in refused.value.errors[0].reason


def test_missing_columns_and_unknown_council_are_explained(kent, settings):
    indicator = _ehcp_indicator()
    data = (FIXTURES / "ees_ehcp_timeliness.csv").read_bytes()
    with pytest.raises(IndicatorImportError) as refused:
        official_values_import(
            indicator=indicator, name="f.csv", data=data, value_column="rate", filters={}
        )
    assert refused.value.errors[0].column == "rate"
    settings.PORTAL_LA_CODE = "E10000099"
    with pytest.raises(IndicatorImportError) as refused:
        official_values_import(
            indicator=indicator,
            name="f.csv",
            data=data,
            value_column="within_20_weeks_percent",
            filters={"exceptions": "Excluding exceptions"},
        )
    assert "No row for the council (E10000099" in refused.value.errors[0].reason


def test_a_reimport_replaces_the_same_periods(kent):
    indicator = _ehcp_indicator()
    kwargs = {
        "indicator": indicator,
        "name": "ees_ehcp_timeliness.csv",
        "data": (FIXTURES / "ees_ehcp_timeliness.csv").read_bytes(),
        "value_column": "within_20_weeks_percent",
    }
    official_values_import(**kwargs, filters={"exceptions": "Excluding exceptions"})
    outcome = official_values_import(**kwargs, filters={"exceptions": "Including exceptions"})
    assert (outcome.created, outcome.replaced) == (0, 3)
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 3
    assert IndicatorValue.objects.get(indicator=indicator, period="2022").value == Decimal("35.60")


def test_fingertips_format(kent):
    indicator = IndicatorFactory(slug="autism", period_kind="year")
    official_values_import(
        indicator=indicator,
        name="fingertips_autism.csv",
        data=(FIXTURES / "fingertips_autism.csv").read_bytes(),
        value_column="Value",
        filters={"Sex": "Persons"},
        file_format="fingertips",
        neighbours=["E10000012", "E10000014"],
    )
    v2022, v2023 = IndicatorValue.objects.filter(indicator=indicator)
    assert (v2022.value, v2022.region, v2022.england) == (
        Decimal("2.10"),
        Decimal("1.80"),
        Decimal("1.90"),
    )
    assert v2022.statistical_neighbours == Decimal("1.65")
    assert (v2023.neighbours_with_value, v2023.neighbours_total) == (0, 2)


def test_the_command_refuses_an_unknown_indicator_and_a_bad_file(kent, capsys):
    _ehcp_indicator()
    with pytest.raises(CommandError, match="no indicator with the slug “nope”"):
        call_command(
            "import_official_values",
            str(FIXTURES / "ees_ehcp_timeliness.csv"),
            "--indicator",
            "nope",
            "--value-column",
            "x",
        )
    with pytest.raises(CommandError, match=r"2 problems\. Nothing was imported"):
        call_command(
            "import_official_values",
            str(FIXTURES / "ees_ehcp_timeliness_bad.csv"),
            "--indicator",
            "ehcp-within-20-weeks",
            "--value-column",
            "within_20_weeks_percent",
            "--where",
            "exceptions=Excluding exceptions",
        )
    assert "Row 4, column within_20_weeks_percent" in capsys.readouterr().err


def test_statistical_neighbours_from_the_workbook_layout(kent, capsys):
    call_command("import_statistical_neighbours", str(FIXTURES / "statistical_neighbours.csv"))
    assert list(
        StatisticalNeighbour.objects.filter(la_code=KENT).values_list("neighbour_code", flat=True)
    ) == ["E10000012", "E10000014", "E10000032", "E10000030", "E06000035", "E10000017", "E10000029"]
    indicator = _ehcp_indicator()
    official_values_import(
        indicator=indicator,
        name="f.csv",
        data=(FIXTURES / "ees_ehcp_timeliness.csv").read_bytes(),
        value_column="within_20_weeks_percent",
        filters={"exceptions": "Excluding exceptions"},
    )
    value = IndicatorValue.objects.get(indicator=indicator, period="2022")
    assert (value.neighbours_with_value, value.neighbours_total) == (6, 7)


@pytest.mark.postgres
def test_the_import_on_postgresql_is_all_or_nothing(kent):
    indicator = _ehcp_indicator()
    official_values_import(
        indicator=indicator,
        name="f.csv",
        data=(FIXTURES / "ees_ehcp_timeliness.csv").read_bytes(),
        value_column="within_20_weeks_percent",
        filters={"exceptions": "Excluding exceptions"},
    )
    with pytest.raises(IndicatorImportError):
        official_values_import(
            indicator=indicator,
            name="bad.csv",
            data=(FIXTURES / "ees_ehcp_timeliness_bad.csv").read_bytes(),
            value_column="within_20_weeks_percent",
            filters={"exceptions": "Excluding exceptions"},
        )
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 3
    assert OfficialImport.objects.count() == 1


# The pages: the catalogue, the upload, and the comparisons on the indicator page ------------


def test_an_officer_adds_an_indicator_from_the_catalogue(client_for):
    weakness = IndicatorFactory().weakness
    url = reverse("inspections:indicator_from_catalogue", args=[weakness.pk])
    refused = client_for("officer").post(url, {"entry": "", "target": "sixty"})
    assert "Select the official figure" in refused.content.decode()
    response = client_for("officer").post(url, {"entry": "persistent-absence-sen", "target": ""})
    indicator = Indicator.objects.get(catalogue="persistent-absence-sen")
    assert response.url == reverse("inspections:indicator_official_upload", args=[indicator.pk])
    assert (indicator.slug, indicator.unit, indicator.direction, indicator.period_kind) == (
        "persistent-absence-sen",
        "percent",
        "lower",
        "academic_year",
    )
    assert indicator.publication == "Pupil absence in schools in England"
    client_for("officer").post(url, {"entry": "persistent-absence-sen"})
    assert Indicator.objects.filter(slug="persistent-absence-sen-2").exists()


def test_the_upload_page_imports_and_the_indicator_page_shows_the_comparisons(
    kent, client_for, officer
):
    indicator = _ehcp_indicator(target=Decimal("60"))
    url = reverse("inspections:indicator_official_upload", args=[indicator.pk])
    with open(FIXTURES / "ees_ehcp_timeliness_bad.csv", "rb") as f:
        refused = client_for("officer").post(
            url,
            {
                "file": f,
                "file_format": "ees",
                "value_column": "within_20_weeks_percent",
                "where": "exceptions=Excluding exceptions",
            },
        )
    text = refused.content.decode()
    assert "The file has 2 problems; nothing was saved" in text
    assert "neither a number nor a suppression symbol" in text
    assert not IndicatorValue.objects.exists()
    with open(FIXTURES / "ees_ehcp_timeliness.csv", "rb") as f:
        response = client_for("officer").post(
            url,
            {
                "file": f,
                "file_format": "ees",
                "value_column": "within_20_weeks_percent",
                "where": "exceptions=Excluding exceptions",
                "publication": "Education, health and care plans, June 2025",
            },
        )
    assert response.status_code == 302
    assert OfficialImport.objects.get().imported_by == officer
    page = client_for("head_x").get(reverse("inspections:indicator_detail", args=[indicator.pk]))
    text = page.content.decode()
    assert "Worse than England in 2024: 45.8% against England&#x27;s 46.4%" in text
    assert "South East" in text and "Statistical neighbours" in text
    assert "4 of 5" in text  # neighbours with a figure in 2022 (Medway "c")
    assert "Education, health and care plans, June 2025, from the file ees_ehcp_timeliness.csv" in (
        text
    )
    assert f"by {officer.full_name}" in text.replace("&#x27;", "'")


def test_a_suppressed_latest_period_says_why_and_the_rank_shows(kent, client_for, settings):
    indicator = IndicatorFactory(slug="sen", period_kind="academic_year", name="SEN support")
    settings.PORTAL_LA_CODE = "E06000035"  # Medway: "z" in 2023/24
    official_values_import(
        indicator=indicator,
        name="ees_sen_support_every_la.csv",
        data=(FIXTURES / "ees_sen_support_every_la.csv").read_bytes(),
        value_column="sen_support_percent",
        filters={"phase_type_grouping": "Total"},
        neighbours=[],
    )
    text = (
        client_for("board")
        .get(reverse("inspections:indicator_detail", args=[indicator.pk]))
        .content.decode()
    )
    assert "No figure for 2023/24 (z: not applicable)" in text
    assert "z: not applicable" in text
    first = IndicatorValue.objects.get(indicator=indicator, period="2022/23")
    assert f"Ranked {first.rank} of {first.rank_of} local authorities in 2022/23" in text


def test_an_officer_imports_the_statistical_neighbour_workbook(kent, client_for):
    url = reverse("inspections:statistical_neighbours")
    page = client_for("officer").get(url).content.decode()
    assert "From the setting PORTAL_STATISTICAL_NEIGHBOURS" in page and "E10000032" in page
    bad = io.BytesIO(b"LA number,new_la_code,SN1\n881,E10000012,E10000016\n")
    bad.name = "neighbours.csv"
    refused = client_for("officer").post(url, {"file": bad})
    assert "The file has no row for the council (E10000016)" in refused.content.decode()
    assert not StatisticalNeighbour.objects.exists()
    with open(FIXTURES / "statistical_neighbours.csv", "rb") as f:
        response = client_for("officer").post(url, {"file": f})
    assert response.status_code == 302
    assert StatisticalNeighbour.objects.filter(la_code=KENT).count() == 7
    page = client_for("officer").get(url).content.decode()
    assert "From the imported workbook" in page and "E10000029" in page

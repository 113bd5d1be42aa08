"""SEN information report reviews: recording, compliance by area, and who sees what."""

from datetime import date

import pytest
from django.urls import reverse

from localoffer.models import SenReportItem, SenReportReview
from localoffer.selectors import area_compliance, county_compliance
from localoffer.services import sen_review_record
from tests.core.factories import SettingFactory

pytestmark = pytest.mark.django_db


def all_items(judgement="met", overrides=None):
    values = {item.value: judgement for item in SenReportItem}
    values.update(overrides or {})
    return values


def test_the_ten_items_are_seed_004s():
    assert len(SenReportItem) == 10
    assert SenReportItem(10).label == (
        "Arrangements for handling complaints from parents of children with SEN."
    )


def test_compliance_counts_the_latest_review_of_each_setting(area_ne, area_south):
    good = SettingFactory(name="Good School", area=area_ne)
    patchy = SettingFactory(name="Patchy School", area=area_ne)
    SettingFactory(name="Unreviewed School", area=area_ne)
    SettingFactory(name="Southern School", area=area_south)
    sen_review_record(
        setting=good,
        report_url="https://g.example",
        review_date=date(2025, 1, 1),
        judgements=all_items("not_met"),
    )
    sen_review_record(
        setting=good,
        report_url="https://g.example",
        review_date=date(2026, 1, 1),
        judgements=all_items(),
    )
    sen_review_record(
        setting=patchy,
        report_url="https://p.example",
        review_date=date(2026, 2, 1),
        judgements=all_items(overrides={3: "partly_met", 7: "not_met", 10: "not_met"}),
    )
    ne = area_compliance(area=area_ne)
    assert (ne.setting_count, ne.reviewed_count, ne.fully_met_count) == (3, 2, 1)
    assert (ne.items_met, ne.items_partly_met, ne.items_not_met) == (17, 1, 2)
    by_name = {row.setting.name: row for row in ne.settings}
    assert by_name["Good School"].review.review_date == date(2026, 1, 1)
    assert by_name["Unreviewed School"].review is None
    county = {row.area.name: row for row in county_compliance()}
    assert (county["South"].setting_count, county["South"].reviewed_count) == (1, 0)
    assert county["North East"].fully_met_count == 1


def test_compliance_queries_do_not_grow_with_settings(area_ne, django_assert_max_num_queries):
    for n in range(30):
        setting = SettingFactory(name=f"School {n}", area=area_ne)
        sen_review_record(
            setting=setting,
            report_url="https://s.example",
            review_date=date(2026, 1, 1),
            judgements=all_items(),
        )
    with django_assert_max_num_queries(4):
        rows = county_compliance()
        assert sum(r.fully_met_count for r in rows) == 30


def review_data(**overrides):
    data = {"report_url": "https://school.example/sen", "review_date": "31/03/2026"}
    data.update({f"item_{item.value}": "met" for item in SenReportItem})
    data.update(overrides)
    return data


def test_officer_records_a_review(client_for, head_ne):
    setting = head_ne.setting
    client = client_for("officer")
    url = reverse("localoffer:sen_review_create", args=[setting.pk])
    response = client.post(url, review_data(item_4="partly_met", item_9="not_met"))
    review = SenReportReview.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "localoffer:sen_review", args=[review.pk]
    )
    assert review.review_date == date(2026, 3, 31) and review.setting == setting
    judgements = dict(review.judgements.values_list("item", "judgement"))
    assert len(judgements) == 10 and judgements[4] == "partly_met" and judgements[9] == "not_met"
    page = client.get(response.url).content.decode()
    assert "Partly met" in page and "Not met" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"report_url": ""}, "Enter the web address of the report"),
        ({"report_url": "not a url"}, "Enter the web address in the correct format"),
        ({"review_date": ""}, "Enter the date of the review"),
        ({"review_date": "31/02/2026"}, "Enter the date of the review as a real date"),
        ({"review_date": "01/01/2099"}, "The date of the review must be today or in the past"),
        ({"item_5": ""}, "Select met, partly met or not met for item 5"),
        ({"item_2": "brilliant"}, "Select a valid choice"),
    ],
)
def test_review_form_errors(client_for, head_ne, overrides, message):
    url = reverse("localoffer:sen_review_create", args=[head_ne.setting.pk])
    response = client_for("officer").post(url, review_data(**overrides))
    body = response.content.decode()
    assert message in body and "<title>Error: " in body
    assert not SenReportReview.objects.exists()


def test_headteacher_sees_own_area_compliance_on_the_dashboard(client_for, head_ne, head_south):
    sen_review_record(
        setting=head_ne.setting,
        report_url="https://ne.example",
        review_date=date(2026, 1, 1),
        judgements=all_items(),
    )
    client = client_for("head_x")
    dashboard = client.get(head_ne.area.get_absolute_url()).content.decode()
    assert "SEN information reports in North East" in dashboard
    assert "1 of 1 settings reviewed; 1 meet all 10 requirements" in dashboard
    own = client.get(reverse("localoffer:sen_reports_area", args=["north-east"]))
    assert own.status_code == 200 and head_ne.setting.name in own.content.decode()
    assert client.get(reverse("localoffer:sen_reports_area", args=["south"])).status_code == 403
    assert client.get(reverse("localoffer:sen_reports")).status_code == 403


def test_headteacher_cannot_open_another_areas_review(client_for, head_ne, head_south):
    review = sen_review_record(
        setting=head_south.setting,
        report_url="https://s.example",
        review_date=date(2026, 1, 1),
        judgements=all_items(),
    )
    url = reverse("localoffer:sen_review", args=[review.pk])
    assert client_for("head_x").get(url).status_code == 403
    assert client_for("head_y").get(url).status_code == 200


def _review(setting, **kwargs):
    return sen_review_record(
        setting=setting,
        report_url="https://school.example/sen",
        review_date=date(2026, 1, 12),
        judgements=all_items(),
        **kwargs,
    )


def test_an_officer_corrects_a_review_and_its_page_shows_the_history(client, officer):
    from django.utils.html import escape

    from tests.forms_as_rendered import form_data

    review = _review(SettingFactory(), reviewer=officer)
    client.force_login(officer)
    url = reverse("localoffer:sen_review_edit", args=[review.pk])
    data = form_data(client.get(url).content.decode())
    assert (data["review_date_day"], data["item_10"]) == (["12"], ["met"])
    data.update(item_10=["partly_met"], comments=["The complaints item is thin."])
    assert client.post(url, data).status_code == 302
    review.refresh_from_db()
    assert review.judgements.get(item=10).judgement == "partly_met"
    assert review.comments == "The complaints item is thin." and review.version == 2
    assert review.reviewed_by == officer  # the reviewer stays who recorded it
    html = client.get(reverse("localoffer:sen_review", args=[review.pk])).content.decode()
    assert escape("Judgement: Met → Partly met") in html and "Item 10: Changed" in html
    assert "Item 1: Created" not in html  # recorded with the review, not news
    assert escape("Comments: (none) → The complaints item is thin.") in html


def test_a_review_date_in_the_future_is_refused_by_name(client, officer):
    from send_portal.core.dates import today
    from tests.forms_as_rendered import form_data

    review = _review(SettingFactory())
    client.force_login(officer)
    url = reverse("localoffer:sen_review_edit", args=[review.pk])
    data = form_data(client.get(url).content.decode())
    tomorrow = date.fromordinal(today().toordinal() + 1)
    data.update(
        review_date_day=[str(tomorrow.day)],
        review_date_month=[str(tomorrow.month)],
        review_date_year=[str(tomorrow.year)],
    )
    html = client.post(url, data).content.decode()
    assert "The date of the review must be today or in the past" in html
    review.refresh_from_db()
    assert review.review_date == date(2026, 1, 12) and review.version == 1


def test_headteachers_and_board_members_cannot_correct_a_review(client_for, head_ne):
    review = _review(head_ne.setting)
    url = reverse("localoffer:sen_review_edit", args=[review.pk])
    for role in ("head_x", "board"):
        assert client_for(role).get(url).status_code == 403
    page = client_for("head_x").get(reverse("localoffer:sen_review", args=[review.pk]))
    assert "Correct this review" not in page.content.decode()

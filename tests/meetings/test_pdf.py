import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.core.test_richtext import XSS_PAYLOADS
from tests.inclusion.test_rich_text_fields import FORBIDDEN, assert_clean
from tests.meetings.factories import (
    AttendeeFactory,
    DecisionFactory,
    MeetingFactory,
    MinuteItemFactory,
)

pytestmark = pytest.mark.django_db


def _pdf_text(client, meeting) -> tuple[str, PdfReader]:
    response = client.get(reverse("meetings:meeting_pdf", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def test_minutes_pdf_holds_the_minutes_and_is_tagged(client_for):
    meeting = MeetingFactory(title="SEND Strategy Round Table", venue="Hamptons Social Club")
    AttendeeFactory(meeting=meeting, name="Clare Kershaw", role="Director of Education")
    MinuteItemFactory(meeting=meeting, number=1, title="High Needs Block review feedback")
    DecisionFactory(meeting=meeting, text="It was agreed that a statement would be helpful.")
    text, reader = _pdf_text(client_for("board"), meeting)
    for expected in ["SEND Strategy Round Table", "Hamptons Social Club", "Clare Kershaw",
                     "1. High Needs Block review feedback", "It was agreed that a statement"]:  # fmt: skip
        assert expected in text, expected
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog, "PDF/UA output is tagged"
    assert catalog["/MarkInfo"]["/Marked"]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_rich_text_payloads_reach_neither_page_nor_pdf(client_for, payload):
    meeting = MeetingFactory()
    MinuteItemFactory(meeting=meeting, number=1, title="Item", discussion=f"<p>Talk</p>{payload}")
    DecisionFactory(meeting=meeting, text=f"It was agreed {payload}")
    meeting.group.description = f"<p>Group</p>{payload}"
    meeting.group.save()
    client = client_for("officer")
    for url in (
        reverse("meetings:meeting_detail", args=[meeting.pk]),
        reverse("meetings:group_detail", args=[meeting.group.slug]),
        reverse("meetings:decisions"),
    ):
        assert_clean(client.get(url).content.decode())
    text, _ = _pdf_text(client, meeting)
    assert "Talk" in text
    lowered = text.lower()
    for bad in FORBIDDEN:
        assert bad not in lowered, bad


ROUND_TABLE = (
    "<p>Participants by phase and provision:</p>"
    "<h3>Who took part</h3>"
    '<table><thead><tr><th scope="col">Phase</th><th scope="col">Mainstream</th>'
    '<th scope="col">Special</th></tr></thead><tbody>'
    '<tr><th scope="row">Primary</th><td>31</td><td>4</td></tr>'
    '<tr><th scope="row">Secondary</th><td>17</td><td>6</td></tr></tbody></table>'
    "<h3>Respondents by area</h3>"
    '<table><thead><tr><th scope="col">Area</th><th scope="col">Respondents</th></tr></thead>'
    '<tbody><tr><td>North East</td><td onclick="x()">22</td></tr></tbody></table>'
)


def test_minutes_keep_headings_and_tables_on_the_page_and_in_the_pdf(client_for, settings):
    settings.COUNCIL_NAME = "Essex County Council"
    meeting = MeetingFactory(title="Headteacher Round Table")
    MinuteItemFactory(meeting=meeting, number=1, title="Consultation", discussion=ROUND_TABLE)
    client = client_for("officer")
    page = client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    assert '<h3 class="govuk-heading-s">Who took part</h3>' in page
    assert '<th class="govuk-table__header" scope="row">Secondary</th>' in page
    assert '<td class="govuk-table__cell">22</td>' in page and "onclick" not in page
    text, _ = _pdf_text(client, meeting)
    assert text.lstrip().startswith("Essex County Council")
    flat = " ".join(text.split())
    assert "Who took part Phase Mainstream Special Primary 31 4 Secondary 17 6" in flat
    assert "Respondents by area Area Respondents North East 22" in flat

import io

import pytest
from django.urls import reverse

from inclusion.models import Consultation, ResponseFigure, StatementVersion
from workstreams.meetings.models import Group

pytestmark = pytest.mark.django_db


def test_essex_round_table_in_full(demo, client_for):
    group = Group.objects.get(slug="headteacher-round-table")
    meeting = group.meetings.get(date="2018-02-21")
    assert meeting.is_published
    assert meeting.venue == "Hamptons Social Club"
    assert meeting.attendees.filter(kind="attended").count() == 17
    assert list(meeting.attendees.filter(kind="apologies").values_list("name", flat=True)) == [
        "Catherine Hutley",
        "Andrew Smith",
        "Dan Woodham",
    ]
    assert [i.title for i in meeting.items.all()][:3] == [
        "In attendance",
        "High Needs Block review feedback",
        "Inclusion definition for Essex",
    ]
    assert meeting.next_steps.count() == 6
    assert [str(m.date) for m in meeting.future_meetings.order_by("date")] == [
        "2018-04-18",
        "2018-06-13",
        "2018-07-17",
    ]
    body = client_for("head_x").get(meeting.get_absolute_url()).content.decode()
    for text in [
        "Harriet Phelps-Knights",
        "EPHA Chair/Headteacher",
        "It was agreed that developing a definition or statement of Inclusion in Essex",
        "Draft Position Statement developed by Headteacher Roundtable",
        "To challenge and be challenged by colleagues",
        "Outcomes framework – draft by beginning of Spring Term",
        "Wednesday 18 April 2018, 10.00 a.m. to 12.00 p.m. (Hamptons Social Club)",
        "Tuesday 17 July 2018",
    ]:
        assert text in body, text
    # The seed's tables of participants by phase and provision, and respondents by area.
    assert '<h3 class="govuk-heading-s">Profile of participants</h3>' in body
    assert '<th class="govuk-table__header" scope="col">Enhanced Provision</th>' in body
    assert '<th class="govuk-table__header" scope="row">North East</th>' in body
    pdf = client_for("head_x").get(reverse("meetings:meeting_pdf", args=[meeting.pk]))
    from pypdf import PdfReader

    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages).split()
    )
    assert "Mainstream only Enhanced Provision Special Secondary 4 3 0 Primary 7 2 0" in text
    assert "Area Respondents Mid 5 North East 5 South 5 West 2 Other 2" in text


def test_kent_consultation_figures_in_the_papers_words(demo, client_for):
    consultation = Consultation.objects.get(slug="inclusion-in-kent-schools")
    counts = list(
        ResponseFigure.objects.filter(consultation=consultation).values_list(
            "respondent_type", "count"
        )
    )
    assert ("Schools", 79) in counts and ("Settings", 63) in counts and ("Schools", 53) in counts
    assert [t.title for t in consultation.topics.all()] == [
        "Statement of Inclusion",
        "Inclusion Framework",
        "Mainstream Core Standards (MCS)",
        "System Leadership of Inclusion",
        "Inclusion Dashboard",
        "Parent Voice",
        "Characteristics of an Inclusive School",
    ]
    body = client_for("head_x").get(consultation.get_absolute_url()).content.decode()
    assert "81%" in body
    assert (
        "of the online responses identified that the SENCO was part of the leadership team" in body
    )
    assert "Strong agreement with the underpinning values described in the statement." in body


def test_essex_draft_statement_is_a_draft_and_not_public(demo, client):
    version = StatementVersion.objects.get(number=1)
    assert version.state == StatementVersion.State.DRAFT
    assert [s.heading for s in version.sections.all()] == [
        "What we stand for",
        "We recognise",
        "We strive",
        "We commit",
    ]
    body = client.get(reverse("inclusion:statement")).content.decode()
    assert "has not adopted an inclusion statement yet" in body

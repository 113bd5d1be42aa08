import datetime

import pytest
from django.urls import reverse

from inclusion.models import StatementVersion, TopicPoint
from tests.inclusion.factories import (
    ActionFactory,
    ConsultationTopicFactory,
    TopicPointFactory,
    WorkstreamFactory,
    statement_version,
)
from workstreams.models import Action

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "head_x", "head_y", "board", "officer", "admin"]


@pytest.fixture
def data():
    adopted = statement_version(
        1,
        {"What we stand for": ["Every child has a sense of belonging."]},
        state=StatementVersion.State.ADOPTED,
        title="Adopted statement",
        adopted_on=datetime.date(2020, 11, 1),
    )
    draft = statement_version(
        2, {"What we stand for": ["Secret draft wording about belonging."]}, title="Draft"
    )
    topic = ConsultationTopicFactory(consultation__slug="kent", title="Parent Voice")
    theme = TopicPointFactory(topic=topic, kind=TopicPoint.Kind.KEY_THEME)
    step = TopicPointFactory(
        topic=topic, kind=TopicPoint.Kind.NEXT_STEP, text="Guidance disseminated"
    )
    return {"adopted": adopted, "draft": draft, "topic": topic, "theme": theme, "step": step}


def _urls(d):
    s = d["draft"].sections.get()
    return {
        "version_list": reverse("inclusion:version_list"),
        "version_detail": reverse("inclusion:version_detail", args=[2]),
        "compare": reverse("inclusion:version_compare") + "?old=1&new=2",
        "version_create": reverse("inclusion:version_create"),
        "section_add": reverse("inclusion:section_add", args=[2]),
        "statement_add": reverse("inclusion:statement_add", args=[2, s.position]),
        "statement_edit": reverse("inclusion:statement_edit", args=[s.statements.get().pk]),
        "adopt": reverse("inclusion:version_adopt", args=[2]),
        "consultations": reverse("inclusion:consultation_list"),
        "consultation": reverse("inclusion:consultation_detail", args=["kent"]),
        "you_said": reverse("inclusion:you_said_we_did", args=["kent"]),
        "consultation_create": reverse("inclusion:consultation_create"),
        "topic_add": reverse("inclusion:topic_add", args=["kent"]),
        "point_add": reverse("inclusion:topic_point_add", args=[d["topic"].pk]),
        "we_did": reverse("inclusion:point_we_did", args=[d["theme"].pk]),
        "step_action": reverse("inclusion:next_step_action", args=[d["step"].pk]),
        "search": reverse("search:search") + "?q=belonging",
    }


READERS = {"board": 200, "officer": 200, "admin": 200, "head_x": 403, "head_y": 403}
EDITORS = {"board": 403, "officer": 200, "admin": 200, "head_x": 403, "head_y": 403}
EVERYONE_SIGNED_IN = dict.fromkeys(["board", "officer", "admin", "head_x", "head_y"], 200)
EXPECTED = {
    "version_list": READERS,
    "version_detail": READERS,
    "compare": READERS,
    "version_create": EDITORS,
    "section_add": EDITORS,
    "statement_add": EDITORS,
    "statement_edit": EDITORS,
    "adopt": EDITORS,
    "consultations": EVERYONE_SIGNED_IN,
    "consultation": EVERYONE_SIGNED_IN,
    "you_said": EVERYONE_SIGNED_IN,
    "consultation_create": EDITORS,
    "topic_add": EDITORS,
    "point_add": EDITORS,
    "we_did": EDITORS,
    "step_action": EDITORS,
    "search": EVERYONE_SIGNED_IN,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_access_per_role(client_for, data, role, page):
    url = _urls(data)[page]
    response = client_for(role).get(url)
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == EXPECTED[page][role], (page, role)


@pytest.mark.parametrize("role", ROLES)
def test_the_adopted_statement_is_public_and_drafts_are_not(client_for, data, role):
    response = client_for(role).get(reverse("inclusion:statement"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Every child has a sense of belonging." in body
    assert "Secret draft wording" not in body


def test_the_public_page_without_an_adopted_version(client):
    statement_version(1, {"We commit": ["Draft only"]})
    body = client.get(reverse("inclusion:statement")).content.decode()
    assert "has not adopted an inclusion statement yet" in body
    assert "Draft only" not in body


def test_comparison_marks_insertions_and_deletions_not_by_colour_alone(client_for, data):
    body = client_for("board").get(_urls(data)["compare"]).content.decode()
    assert '<del class="portal-del"><span class="govuk-visually-hidden">[removed: </span>' in body
    assert '<ins class="portal-ins"><span class="govuk-visually-hidden">[added: </span>' in body
    assert "Secret draft wording" in body


def test_officer_adds_a_statement_and_it_is_cleaned(client_for, data):
    url = _urls(data)["statement_add"]
    response = client_for("officer").post(
        url, {"text": "<p>We <strong>commit</strong><script>alert(1)</script></p>"}
    )
    assert response.status_code == 302
    texts = [s.text for s in data["draft"].sections.get().statements.all()]
    assert "<p>We <strong>commit</strong></p>" in texts


def test_an_empty_statement_gets_a_clear_error_and_nothing_is_saved(client_for, data):
    before = data["draft"].sections.get().statements.count()
    response = client_for("officer").post(_urls(data)["statement_add"], {"text": ""})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in body
    assert "Enter the statement" in body
    assert data["draft"].sections.get().statements.count() == before


def test_adopting_through_the_page(client_for, data):
    response = client_for("officer").post(_urls(data)["adopt"], {"adopted_on": "2021-02-01"})
    assert response.status_code == 302
    data["adopted"].refresh_from_db()
    data["draft"].refresh_from_db()
    assert data["adopted"].state == "superseded"
    assert data["draft"].state == "adopted"
    public = client_for("anonymous").get(reverse("inclusion:statement")).content.decode()
    assert "Secret draft wording" in public


def test_an_adopted_version_cannot_be_edited_through_the_page(client_for, data):
    statement = data["adopted"].sections.get().statements.get()
    response = client_for("officer").get(reverse("inclusion:statement_edit", args=[statement.pk]))
    assert response.status_code == 404


def test_starting_a_new_version_copies_the_latest(client_for, data):
    response = client_for("officer").post(_urls(data)["version_create"], {"title": "Third"})
    assert response.status_code == 302
    v3 = StatementVersion.objects.get(number=3)
    assert v3.sections.get().statements.get().text == "Secret draft wording about belonging."


def test_next_step_creates_a_programme_action(client_for, data):
    workstream = WorkstreamFactory()
    response = client_for("officer").post(
        _urls(data)["step_action"],
        {
            "programme": "create",
            "workstream": workstream.pk,
            "ref": "A.7",
            "title": "Disseminate guidance",
            "owner_name": "Head of SEND",
            "due_date": "2021-03-31",
        },
    )
    assert response.status_code == 302
    data["step"].refresh_from_db()
    assert data["step"].action.ref == "A.7"


def test_next_step_with_a_taken_reference_says_so_and_saves_nothing(client_for, data):
    existing = ActionFactory(ref="A.1")
    response = client_for("officer").post(
        _urls(data)["step_action"],
        {"programme": "create", "workstream": existing.workstream.pk, "ref": "A.1", "title": "X"},
    )
    assert response.status_code == 200
    assert "The reference A.1 is already used in this programme" in response.content.decode()
    data["step"].refresh_from_db()
    assert data["step"].action is None
    assert Action.objects.count() == 1


def test_next_step_links_an_existing_action(client_for, data):
    action = ActionFactory()
    client_for("officer").post(
        _urls(data)["step_action"], {"programme": "link", "programme_action": action.pk}
    )
    data["step"].refresh_from_db()
    assert data["step"].action == action


def test_next_step_form_errors_in_plain_english(client_for, data):
    body = client_for("officer").post(_urls(data)["step_action"], {"programme": "create"}).content
    body = body.decode()
    assert "Select the workstream for the new action" in body
    assert "Enter a reference for the new action" in body


def test_you_said_we_did_lists_themes_with_what_was_done(client_for, data):
    TopicPointFactory(
        topic=data["topic"], kind=TopicPoint.Kind.IMMEDIATE_ACTIVITY, text="Guidance developed"
    )
    client_for("officer").post(_urls(data)["we_did"], {"we_did": "We wrote the guidance."})
    body = client_for("head_x").get(_urls(data)["you_said"]).content.decode()
    assert "Schools would welcome further guidance" in body
    assert "We wrote the guidance." in body
    assert "Guidance developed" in body

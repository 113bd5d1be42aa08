import pytest
from django.urls import reverse

from inclusion.models import StatementVersion
from send_portal.search import selectors as portal_search
from tests.inclusion.factories import ActionFactory, TopicPointFactory, statement_version
from tests.meetings.factories import (
    DecisionFactory,
    GroupFactory,
    MeetingFactory,
    MinuteItemFactory,
)
from workstreams.meetings.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["fallback", "full_text"])
def engine(request, monkeypatch):
    """Run a test on the icontains fallback (any database) and on PostgreSQL full-text search."""
    if request.param == "fallback":
        monkeypatch.setattr(portal_search, "uses_full_text", lambda: False)
    else:
        request.applymarker(pytest.mark.postgres)
        from tests.conftest import pytest_runtest_setup

        pytest_runtest_setup(request.node)
    return request.param


@pytest.fixture
def world(area_ne, area_south):
    countywide = GroupFactory(name="SEND Executive", area=None)
    ne_group = GroupFactory(name="North East DSPL group", area=area_ne)
    south_group = GroupFactory(name="South DSPL group", area=area_south)
    published = MeetingFactory(group=countywide, status=Meeting.Status.PUBLISHED)
    draft = MeetingFactory(group=countywide, status=Meeting.Status.DRAFT)
    ne_meeting = MeetingFactory(group=ne_group)
    south_meeting = MeetingFactory(group=south_group)
    MinuteItemFactory(meeting=published, title="Kitemark published", discussion="<p>kitemark</p>")
    MinuteItemFactory(meeting=draft, title="Kitemark draft", discussion="<p>kitemark secret</p>")
    MinuteItemFactory(meeting=ne_meeting, title="Kitemark north east", discussion="kitemark")
    MinuteItemFactory(meeting=south_meeting, title="Kitemark south", discussion="kitemark")
    DecisionFactory(meeting=published, text="It was agreed to pilot the kitemark.")
    DecisionFactory(meeting=draft, text="It was agreed to fund the kitemark in secret.")
    statement_version(
        1, {"We commit": ["To a kitemark for inclusion."]}, state=StatementVersion.State.ADOPTED
    )
    statement_version(2, {"We commit": ["To a kitemark draft wording."]})
    TopicPointFactory(text="A kitemark was suggested by schools.")
    ActionFactory(title="Design the kitemark", ref="B.1")
    ne_action = ActionFactory(title="Kitemark pilot in the north east", ref="B.2")
    ne_action.areas.add(area_ne)
    south_action = ActionFactory(title="Kitemark pilot in the south", ref="B.3")
    south_action.areas.add(area_south)
    return {"draft": draft}


def _found(client, q="kitemark"):
    response = client.get(reverse("search:search"), {"q": q})
    assert response.status_code == 200
    groups = response.context["groups"]
    return {g.slug: [r.title for r in g.results] for g in groups}, response.content.decode()


def test_headteacher_sees_only_published_minutes_of_own_and_countywide_groups(
    engine, world, client_for
):
    found, body = _found(client_for("head_x"))
    assert sorted(t.split(". ", 1)[1] for t in found["minutes"]) == [
        "Kitemark north east",
        "Kitemark published",
    ]
    assert "secret" not in body
    assert all("secret" not in t for t in found["decisions"])
    assert len(found["decisions"]) == 1


def test_headteacher_never_finds_actions_only_touching_another_area(engine, world, client_for):
    found, _ = _found(client_for("head_x"))
    titles = " ".join(found["actions"])
    assert "Design the kitemark" in titles
    assert "north east" in titles
    assert "south" not in titles


def test_headteacher_finds_only_the_adopted_statement(engine, world, client_for):
    found, body = _found(client_for("head_y"))
    assert len(found["statements"]) == 1
    assert "draft wording" not in body
    assert "Kitemark south" in " ".join(found["minutes"])


def test_board_finds_published_minutes_everywhere_but_no_drafts(engine, world, client_for):
    found, body = _found(client_for("board"))
    assert len(found["minutes"]) == 3
    assert "secret" not in body
    assert len(found["statements"]) == 2
    assert len(found["actions"]) == 3


def test_officer_finds_draft_minutes_too(engine, world, client_for):
    found, body = _found(client_for("officer"))
    assert len(found["minutes"]) == 4
    assert "secret" in body


def test_results_are_grouped_by_kind_in_a_fixed_order(engine, world, client_for):
    found, body = _found(client_for("officer"))
    assert list(found) == ["minutes", "decisions", "statements", "themes", "actions"]
    assert body.index("Minutes (") < body.index("Decisions (") < body.index("Programme actions (")


def test_nothing_found_says_so(engine, world, client_for):
    found, body = _found(client_for("officer"), q="zebra")
    assert found == {}
    assert "Nothing you can see matches" in body


@pytest.mark.postgres
def test_full_text_search_stems_english_words_and_ranks(world, client_for):
    DecisionFactory(
        meeting=MeetingFactory(group=GroupFactory(area=None)),
        text="The kitemark kitemark kitemark was agreed: kitemark for everyone.",
    )
    found, _ = _found(client_for("board"), q="agreeing")
    assert found["decisions"], "stemming: 'agreeing' finds 'agreed'"
    found, _ = _found(client_for("board"), q="kitemarks")
    assert found["decisions"][0].startswith("The kitemark kitemark"), "best match ranked first"

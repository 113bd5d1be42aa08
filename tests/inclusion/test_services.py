import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from inclusion import services
from inclusion.models import StatementVersion, TopicPoint
from tests.inclusion.factories import (
    ActionFactory,
    TopicPointFactory,
    WorkstreamFactory,
    statement_version,
)
from workstreams.models import Action

State = StatementVersion.State
pytestmark = pytest.mark.django_db


def _texts(version):
    return [
        (s.heading, [st.text for st in s.statements.order_by("position")])
        for s in version.sections.order_by("position")
    ]


def test_a_new_version_starts_as_a_copy_of_the_latest():
    v1 = statement_version(1, {"We recognise": ["<p>One</p>"], "We commit": ["Two", "Three"]})
    v2 = services.version_create(title="Revised after consultation")
    assert v2.number == 2
    assert v2.state == State.DRAFT
    assert v2.based_on == v1
    assert _texts(v2) == _texts(v1)
    # A copy, not shared rows: changing the new version leaves the old one alone.
    statement = v2.sections.get(heading="We commit").statements.get(position=1)
    services.statement_update(statement=statement, text="Changed")
    assert _texts(v1)[1][1] == ["Two", "Three"]


def test_the_first_version_starts_empty():
    v1 = services.version_create(title="First draft")
    assert v1.number == 1 and v1.sections.count() == 0


def test_adopting_supersedes_the_previously_adopted_version():
    v1 = statement_version(1, {"We commit": ["A"]})
    services.version_adopt(version=v1, adopted_on=datetime.date(2020, 1, 1))
    v2 = services.version_create(title="Second")
    services.version_send_for_consultation(version=v2)
    services.version_adopt(version=v2, adopted_on=datetime.date(2021, 1, 1))
    v1.refresh_from_db()
    v2.refresh_from_db()
    assert v1.state == State.SUPERSEDED
    assert v2.state == State.ADOPTED and v2.adopted_on == datetime.date(2021, 1, 1)
    assert StatementVersion.objects.filter(state=State.ADOPTED).count() == 1


def test_adopted_and_superseded_versions_cannot_be_changed_or_adopted_again():
    v1 = statement_version(1, {"We commit": ["A"]})
    services.version_adopt(version=v1, adopted_on=datetime.date(2020, 1, 1))
    statement = v1.sections.get().statements.get()
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.statement_update(statement=statement, text="B")
    with pytest.raises(ValidationError, match="only a draft"):
        services.version_adopt(version=v1, adopted_on=datetime.date(2020, 2, 1))
    statement.refresh_from_db()
    assert statement.text == "A"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_adopting_at_once_leave_exactly_one_adopted_version():
    old = statement_version(1, {"We commit": ["A"]})
    services.version_adopt(version=old, adopted_on=datetime.date(2020, 1, 1))
    a = services.version_create(title="A")
    b = services.version_create(title="B")
    barrier = threading.Barrier(2)
    errors: list[Exception] = []

    def adopt(version):
        try:
            barrier.wait()
            services.version_adopt(version=version, adopted_on=datetime.date(2021, 1, 1))
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=adopt, args=(v,)) for v in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    states = dict(StatementVersion.objects.values_list("number", "state"))
    assert list(states.values()).count(State.ADOPTED) == 1
    assert states[1] == State.SUPERSEDED
    assert sorted([states[a.number], states[b.number]]) == [State.ADOPTED, State.SUPERSEDED]


def test_rich_text_is_cleaned_when_saved():
    v1 = statement_version(1, {"We commit": ['<p onclick="x()">Hi<script>alert(1)</script></p>']})
    assert v1.sections.get().statements.get().text == "<p>Hi</p>"


def test_a_next_step_becomes_a_linked_programme_action():
    point = TopicPointFactory(kind=TopicPoint.Kind.NEXT_STEP, text="Guidance disseminated")
    workstream = WorkstreamFactory()
    action = services.next_step_create_action(
        point=point,
        workstream=workstream,
        ref="A.9",
        title="Disseminate guidance on parental feedback",
        owner_name="Head of SEND",
        due_date=datetime.date(2021, 3, 31),
    )
    point.refresh_from_db()
    assert point.action == action
    assert action.programme == workstream.programme and action.ref == "A.9"
    # Linked, not copied: the point keeps its own words, the action its own title.
    assert point.text == "Guidance disseminated"


def test_a_duplicate_reference_is_refused_and_nothing_is_saved():
    existing = ActionFactory(ref="A.1")
    point = TopicPointFactory(kind=TopicPoint.Kind.NEXT_STEP)
    with pytest.raises(ValidationError, match="already used"):
        services.next_step_create_action(
            point=point, workstream=existing.workstream, ref="A.1", title="Another"
        )
    point.refresh_from_db()
    assert point.action is None
    assert Action.objects.count() == 1


def test_only_a_next_step_can_be_linked_to_an_action():
    theme = TopicPointFactory(kind=TopicPoint.Kind.KEY_THEME)
    with pytest.raises(ValidationError):
        services.next_step_link_action(point=theme, action=ActionFactory())

"""Removal and undo of the records that take others with them: workstreams, actions, meetings,
services, SEN report reviews, indicators, statement sections and statements. Each removal asks
for a reason, says what goes with it, takes its rows (and their links) out of every page, and
undoing it from the history puts back the record with the same id, its rows and its links."""

import datetime
from dataclasses import dataclass, field

import pytest
from django.urls import reverse

from send_portal.core.removal import KINDS, CannotRemove, record_remove, unrestorable
from tests.core.factories import AreaFactory, SettingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

REASON = "Entered in error"


@dataclass
class Case:
    record: object
    undo_page: str  # where the removal shows, with its undo
    reader_page: str  # a page a board member reads that shows the record
    text: str  # how that page names it
    rows: list = field(default_factory=list)  # what goes with it
    links: object = None  # () -> what it is linked to, compared before and after
    with_it: str = ""  # on the confirmation page


def _programme_parts(action):
    from tests.inspections.factories import AreaOfWeaknessFactory
    from workstreams.models import Evidence, Milestone, ProgressUpdate

    area = AreaFactory(name="Harlow", slug="harlow")
    weakness = AreaOfWeaknessFactory()
    action.areas.set([area])
    action.weaknesses.set([weakness])
    update = ProgressUpdate.objects.create(
        action=action, date=datetime.date(2026, 1, 5), narrative="Half done", status=action.status
    )
    return [
        Milestone.objects.create(action=action, title="Plan agreed"),
        update,
        Evidence.objects.create(progress_update=update, url="https://example.org/a"),
    ], weakness


def _action_links(action, point, arising):
    def links():
        point.refresh_from_db()
        arising.refresh_from_db()
        return (
            set(action.areas.values_list("pk", flat=True)),
            set(action.weaknesses.values_list("pk", flat=True)),
            point.action_id,
            arising.programme_action_id,
        )

    return links


def _workstream():
    from tests.reporting.factories import RiskFactory
    from tests.workstreams.factories import ActionFactory
    from workstreams.models import Representative

    action = ActionFactory(title="Train every SENCo")
    ws = action.workstream
    rows, weakness = _programme_parts(action)
    ws.weaknesses.set([weakness])
    rows += [
        action,
        Representative.objects.create(workstream=ws, name="Ruth Sturdy", role_label="Parent"),
        RiskFactory(workstream=ws, description="Too few places"),
    ]
    programme = reverse("workstreams:programme_detail", args=[ws.programme.slug])

    def links():
        return (
            set(ws.weaknesses.values_list("pk", flat=True)),
            set(action.areas.values_list("pk", flat=True)),
            set(action.weaknesses.values_list("pk", flat=True)),
        )

    return Case(ws, programme, programme, ws.title, rows, links, "1 action")


def _action():
    from tests.inclusion.factories import TopicPointFactory
    from tests.meetings.factories import ActionArisingFactory
    from tests.workstreams.factories import ActionFactory

    action = ActionFactory(title="Train every SENCo")
    rows, _ = _programme_parts(action)
    point = TopicPointFactory(action=action)  # no history of its own: a kept link
    arising = ActionArisingFactory(programme_action=action)  # unlinked in its history
    ws = action.workstream
    page = reverse("workstreams:workstream_detail", args=[ws.programme.slug, ws.code])
    links = _action_links(action, point, arising)
    return Case(action, page, page, action.title, rows, links, "1 progress update")


def _meeting():
    from tests.meetings.factories import (
        ActionArisingFactory,
        AttendeeFactory,
        DecisionFactory,
        MeetingFactory,
        MinuteItemFactory,
        NextStepFactory,
    )

    meeting = MeetingFactory(date=datetime.date(2018, 2, 21))
    item = MinuteItemFactory(meeting=meeting, number=1)
    later = MeetingFactory(
        group=meeting.group, date=datetime.date(2018, 4, 2), announced_at=meeting
    )
    rows = [
        AttendeeFactory(meeting=meeting),
        item,
        DecisionFactory(meeting=meeting, item=item),
        ActionArisingFactory(meeting=meeting, item=item),
        NextStepFactory(meeting=meeting, text="Report back"),
    ]
    group = reverse("meetings:group_detail", args=[meeting.group.slug])

    def links():
        later.refresh_from_db()
        return later.announced_at_id, rows[2].__class__.objects.get(pk=rows[2].pk).item_id

    return Case(meeting, group, reverse("meetings:meeting_detail", args=[meeting.pk]),
                "County Hall", rows, links, "1 attendee")  # fmt: skip


def _service():
    from localoffer.models import Feedback, ReviewRequest, Schedule
    from tests.localoffer.factories import ContactFactory, LocationFactory, ServiceFactory, need

    area = AreaFactory(name="Harlow", slug="harlow")
    service = ServiceFactory(needs=[need("sensory-and-or-physical")], areas=[area])
    rows = [
        ContactFactory(service=service),
        LocationFactory(service=service),
        Schedule.objects.create(
            service=service, days="MO", opens_at=datetime.time(9), closes_at=datetime.time(12)
        ),
    ]
    request, _ = ReviewRequest.objects.get_or_create(email="a@provider.example", month="2026-11-01")
    request.services.add(service)
    feedback = Feedback.objects.create(service=service, you_said="Lovely staff")

    def links():
        feedback.refresh_from_db()
        return (
            set(service.categories.values_list("pk", flat=True)),
            set(service.needs.values_list("pk", flat=True)),
            set(service.areas.values_list("pk", flat=True)),
            set(request.services.values_list("pk", flat=True)),
            feedback.service_id,
            # the service's history keeps its categories: its latest record holds them again
            set(service.history.first().categories.values_list("category_id", flat=True)),
        )

    return Case(service, reverse("localoffer:manage"), reverse("localoffer:search"),
                service.name, rows, links, "1 contact")  # fmt: skip


def _sen_review():
    from localoffer.services import sen_review_record

    setting = SettingFactory(area=AreaFactory(name="Harlow", slug="harlow"))
    review = sen_review_record(
        setting=setting,
        report_url="https://willow.example/sen",
        review_date=datetime.date(2026, 10, 1),
        judgements=dict.fromkeys(range(1, 11), "met"),
    )
    area = reverse("localoffer:sen_reports_area", args=["harlow"])
    return Case(review, area, area, "1 Oct 2026", list(review.judgements.all()), None,
                "10 SEN report judgements")  # fmt: skip


def _indicator():
    from inspections.models import OfficialImport
    from tests.inspections.factories import IndicatorFactory, IndicatorValueFactory

    indicator = IndicatorFactory(name="EHC plans issued within 20 weeks")
    imported = OfficialImport.objects.create(
        indicator=indicator, file_name="ees.csv", value_column="pct", la_code="E10000012"
    )
    value = IndicatorValueFactory(indicator=indicator, official_import=imported)

    def links():
        value.refresh_from_db()
        return value.official_import_id

    page = reverse("inspections:indicator_list")
    return Case(indicator, page, page, indicator.name, [imported, value], links,
                "1 official import")  # fmt: skip


def _section():
    from tests.inclusion.factories import StatementFactory, StatementSectionFactory

    section = StatementSectionFactory(heading="We strive")
    statements = [StatementFactory(section=section), StatementFactory(section=section)]
    page = reverse("inclusion:version_detail", args=[section.version.number])
    return Case(section, page, page, "We strive", statements, None, "2 statements")


def _statement():
    from tests.inclusion.factories import StatementFactory

    statement = StatementFactory(text="To listen to every family first.")
    page = reverse("inclusion:version_detail", args=[statement.section.version.number])
    return Case(statement, page, page, "To listen to every family first.")


CASES = {
    "workstream": _workstream,
    "action": _action,
    "meeting": _meeting,
    "service": _service,
    "sen-report-review": _sen_review,
    "indicator": _indicator,
    "statement-section": _section,
    "statement": _statement,
}


OWN_PAGE = {  # where an officer is offered the record's removal
    "workstream": lambda r: reverse(
        "workstreams:workstream_detail", args=[r.programme.slug, r.code]
    ),
    "action": lambda r: reverse("workstreams:action_detail", args=[r.pk]),
    "meeting": lambda r: reverse("meetings:meeting_detail", args=[r.pk]),
    "service": lambda r: reverse("localoffer:service_edit", args=[r.pk]),
    "sen-report-review": lambda r: reverse("localoffer:sen_review", args=[r.pk]),
    "indicator": lambda r: reverse("inspections:indicator_detail", args=[r.pk]),
    "statement-section": lambda r: reverse("inclusion:version_detail", args=[r.version.number]),
    "statement": lambda r: reverse("inclusion:version_detail", args=[r.section.version.number]),
}


def _exists(row) -> bool:
    return type(row)._base_manager.filter(pk=row.pk).exists()


def _rows(rows) -> list[tuple]:
    """(model, id) of each row: a removal empties the ids of the instances it deletes."""
    return [(type(row), row.pk) for row in rows]


def _there(rows: list[tuple]) -> list[bool]:
    return [model._base_manager.filter(pk=pk).exists() for model, pk in rows]


@pytest.mark.parametrize("kind", sorted(CASES))
def test_remove_then_undo_puts_back_the_record_its_rows_and_links(
    client, officer, board_member, kind
):
    case = CASES[kind]()
    pk, rows = case.record.pk, _rows([case.record, *case.rows])
    before = case.links() if case.links else None
    url = reverse("record_remove", args=[kind, pk])
    client.force_login(board_member)
    assert case.text in client.get(case.reader_page).content.decode()
    client.force_login(officer)
    assert f'href="{url}"' in client.get(OWN_PAGE[kind](case.record)).content.decode()
    confirm = client.get(url).content.decode()
    assert "Are you sure you want to remove this" in confirm
    assert case.with_it in confirm

    assert client.post(url, {"reason": REASON}).url == case.undo_page
    assert not any(_there(rows))
    client.force_login(board_member)
    assert case.text not in client.get(case.reader_page).content.decode()
    assert REASON not in client.get(case.undo_page).content.decode()  # nor its trace

    client.force_login(officer)
    page = client.get(case.undo_page).content.decode()
    restore = reverse("record_restore", args=[kind, pk])
    assert f"Reason: {REASON}" in page and f'action="{restore}"' in page
    assert client.post(restore).status_code == 302
    assert all(_there(rows))
    if case.links:
        assert case.links() == before
    assert f'action="{restore}"' not in client.get(case.undo_page).content.decode()
    client.force_login(board_member)
    assert case.text in client.get(case.reader_page).content.decode()


@pytest.mark.parametrize("kind", sorted(CASES))
def test_headteachers_and_board_members_may_not_remove_or_undo(
    client, officer, head_ne, board_member, kind
):
    record = CASES[kind]().record
    removed = CASES[kind]().record
    removed_pk = removed.pk
    record_remove(kind=KINDS[kind], record=removed, reason=REASON, by=officer)
    for reader in (head_ne, board_member):
        client.force_login(reader)
        url = reverse("record_remove", args=[kind, record.pk])
        assert client.get(url).status_code == 403
        assert client.post(url, {"reason": REASON}).status_code == 403
        assert client.post(reverse("record_restore", args=[kind, removed_pk])).status_code == 403
    assert _there([(type(record), record.pk), (type(record), removed_pk)]) == [True, False]


def test_every_kind_removes_only_what_its_undo_can_put_back():
    """Every row a removal takes with it (the cascade, all the way down) keeps a history; a new
    child without one fails here until it has one, or its parent refuses the removal."""
    assert {slug: unrestorable(kind.model) for slug, kind in KINDS.items()} == {
        slug: [] for slug in KINDS
    }


def test_a_protected_relation_refuses_the_removal_in_plain_words(client, officer, monkeypatch):
    """Django refuses to delete an area a setting is in (PROTECT): the page says what blocks it."""
    from send_portal.core.models import Area
    from send_portal.core.removal import RemovableKind

    kind = RemovableKind("area", Area, "core.remove_record", "area", lambda a: "/")
    monkeypatch.setitem(KINDS, "area", kind)
    setting = SettingFactory(name="Willow Brook Primary")
    client.force_login(officer)
    url = reverse("record_remove", args=["area", setting.area_id])
    page = client.get(url).content.decode()
    assert "You cannot remove this area" in page
    assert "1 setting depends on it (“Willow Brook Primary”)" in page
    assert 'name="reason"' not in page
    assert client.post(url, {"reason": REASON}).status_code == 409
    assert Area.objects.filter(pk=setting.area_id).exists()


def test_a_statement_of_an_adopted_version_is_not_removed(client, officer):
    from inclusion.models import StatementVersion
    from tests.inclusion.factories import StatementFactory

    statement = StatementFactory(section__version__state=StatementVersion.State.ADOPTED)
    client.force_login(officer)
    response = client.post(
        reverse("record_remove", args=["statement", statement.pk]), {"reason": REASON}
    )
    assert response.status_code == 409
    assert "is adopted: its wording is kept as it was" in response.content.decode()
    with pytest.raises(CannotRemove):
        record_remove(kind=KINDS["statement"], record=statement, reason=REASON, by=officer)
    assert _exists(statement)


def test_removing_an_action_leaves_a_locked_periods_snapshots_as_they_were(officer):
    from tests.workstreams.factories import ActionFactory
    from workstreams.reporting.models import ActionSnapshot, ReportingPeriod, WorkstreamSnapshot

    action = ActionFactory(title="Train every SENCo")
    period = ReportingPeriod.objects.create(
        month=datetime.date(2026, 10, 1),
        deadline=datetime.date(2026, 10, 25),
        state=ReportingPeriod.State.LOCKED,
    )
    ws_snap = WorkstreamSnapshot.objects.create(
        period=period, workstream=action.workstream, programme_name="P", code="A", title="W"
    )
    ActionSnapshot.objects.create(
        period=period, workstream_snapshot=ws_snap, action=action, ref=action.ref,
        title=action.title, status=action.status, rag="green",
    )  # fmt: skip
    before = list(ActionSnapshot.objects.values()), list(WorkstreamSnapshot.objects.values())
    record_remove(kind=KINDS["workstream"], record=action.workstream, reason=REASON, by=officer)
    assert (
        list(ActionSnapshot.objects.values()),
        list(WorkstreamSnapshot.objects.values()),
    ) == before


def test_an_undo_is_refused_plainly_when_what_it_belonged_to_is_removed(officer):
    """An action removed on its own, then its workstream: the action's undo names the
    workstream (undoing the workstream's removal puts back the workstream, not the action)."""
    from send_portal.core.removal import CannotRestore, record_restore
    from tests.workstreams.factories import ActionFactory

    action = ActionFactory()
    workstream, rows = action.workstream, _rows([action])
    record_remove(kind=KINDS["action"], record=action, reason=REASON, by=officer)
    ws_pk = workstream.pk
    record_remove(kind=KINDS["workstream"], record=workstream, reason=REASON, by=officer)
    with pytest.raises(CannotRestore, match="the workstream it belonged to has been removed"):
        record_restore(kind=KINDS["action"], pk=rows[0][1], by=officer)
    record_restore(kind=KINDS["workstream"], pk=ws_pk, by=officer)
    assert _there(rows) == [False]
    record_restore(kind=KINDS["action"], pk=rows[0][1], by=officer)
    assert _there(rows) == [True]


def test_an_undo_is_refused_plainly_when_another_record_has_taken_its_place(officer):
    from send_portal.core.removal import CannotRestore, record_restore
    from tests.workstreams.factories import ActionFactory

    action = ActionFactory(ref="C.3")
    pk, workstream = action.pk, action.workstream
    record_remove(kind=KINDS["action"], record=action, reason=REASON, by=officer)
    ActionFactory(workstream=workstream, ref="C.3", title="Entered again")
    with pytest.raises(CannotRestore, match="another record has taken its place"):
        record_restore(kind=KINDS["action"], pk=pk, by=officer)
    assert _there([(type(action), pk)]) == [False]


def test_two_removals_at_once_remove_once(transactional_db):
    """Two officers remove the same action at the same moment: one removes it (one trace in its
    history, its links kept once); the other is told it has been removed already."""
    import threading

    from django.db import connection

    from send_portal.core.models import RemovedLink
    from tests.core.factories import UserFactory
    from tests.workstreams.factories import ActionFactory
    from workstreams.models import Action

    action = ActionFactory(areas=[AreaFactory(name="Harlow", slug="harlow")])
    officers = [UserFactory(role="LA officer"), UserFactory(role="LA officer")]
    barrier = threading.Barrier(2)
    outcomes = []

    def remove(by):
        try:
            record = Action.objects.get(pk=action.pk)
            barrier.wait(timeout=10)
            record_remove(kind=KINDS["action"], record=record, reason=REASON, by=by)
            outcomes.append("removed")
        except CannotRemove as exc:
            outcomes.append(str(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=remove, args=(by,)) for by in officers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["This action has been removed already", "removed"]
    assert Action.history.filter(id=action.pk, history_type="-").count() == 1
    assert RemovedLink.objects.filter(record_pk=str(action.pk)).count() == 1

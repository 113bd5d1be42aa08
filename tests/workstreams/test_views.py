"""The pages: overview, workstream, list with filters and exports, action page, edits."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from openpyxl import load_workbook

from send_portal.core.rag import RAG
from workstreams.models import Action, Evidence, MonthlyUpdate, ProgressUpdate
from workstreams.status import ActionStatus

from .factories import ActionFactory, WorkstreamFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def test_programme_overview_shows_the_progress_summary_in_seed_003s_words(
    client_for, programme, workstream
):
    ActionFactory.create_batch(
        12, workstream=workstream, status=ActionStatus.COMPLETED, evidence_of_impact="Impact"
    )
    ActionFactory(workstream=workstream, status=ActionStatus.BEHIND)
    ActionFactory.create_batch(2, workstream=workstream, status=ActionStatus.ON_TARGET)
    html = client_for("board").get(f"/programmes/{programme.slug}/").content.decode()
    summary = html[html.index('id="progress-summary"') :]
    for label, count in [
        ("Action not started", 0),
        ("Action underway (but behind target)", 1),
        ("Action underway (on target)", 2),
        ("Completed", 12),
    ]:
        assert f'<dt class="govuk-summary-list__key">{label}</dt>' in summary
        assert f'<dd class="govuk-summary-list__value">{count}</dd>' in summary
    assert summary.index("Action not started") < summary.index("Completed")


def test_workstream_shows_roll_up_beside_the_leads_stated_rag(client_for, workstream):
    ActionFactory(workstream=workstream, status=ActionStatus.ON_TARGET)
    ActionFactory(
        workstream=workstream, status=ActionStatus.BEHIND, due_date=datetime.date(2020, 1, 1)
    )
    workstream.stated_rag = RAG.GREEN
    workstream.stated_rag_reason = "We are confident"
    workstream.save()
    html = (
        client_for("board")
        .get(f"/programmes/{workstream.programme.slug}/workstreams/{workstream.code}/")
        .content.decode()
    )
    roll_up = html[html.index('id="roll-up"') :][:300]
    stated = html[html.index('id="stated-rag"') :][:300]
    assert ">Red</strong>" in roll_up
    assert ">Green</strong>" in stated and "We are confident" in html


def test_lead_submits_the_monthly_update(client_for, workstream, officer):
    from django.utils import timezone

    from workstreams.reporting.selectors import update_month

    url = f"/programmes/{workstream.programme.slug}/workstreams/{workstream.code}/"
    client = client_for("officer")
    month = update_month(on=timezone.localdate())[0].isoformat()
    response = client.post(url, {"month": month, "current_position": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>Error: " in html
    for message in [
        "Enter the summary of current position",
        "Select your RAG for the workstream",
        "Enter the reason for the RAG",
    ]:
        assert message in html
    assert not MonthlyUpdate.objects.exists()
    response = client.post(
        url,
        {
            "month": month,
            "current_position": "New template in use",
            "rag": "amber",
            "rag_reason": "Backlog not yet cleared",
            "achievements": "QA framework implemented",
            "planned_next": "Clear backlog",
            "risks_and_issues": "Capacity",
            "decisions_needed": "Agree extra funding",
        },
    )
    assert response.status_code == 302
    update = MonthlyUpdate.objects.get()
    assert update.submitted_by == officer and update.decisions_needed == "Agree extra funding"
    workstream.refresh_from_db()
    assert workstream.stated_rag == "amber" and workstream.current_position == "New template in use"


def test_action_list_filters(client_for, actions, area_ne, officer):
    client = client_for("officer")

    def refs(query):
        html = client.get("/actions/?" + query).content.decode()
        return {ref for ref in ("C.1", "C.2", "C.3") if f">{ref}</span>" in html}

    assert refs("") == {"C.1", "C.2", "C.3"}
    assert refs("status=underway_behind") == {"C.3"}
    assert refs("rag=red") == {"C.3"}
    assert refs("overdue=true") == {"C.3"}
    assert refs(f"owner={officer.pk}") == {"C.1"}
    assert refs(f"area={area_ne.pk}") == {"C.1", "C.2"}  # county-wide touches every area
    assert refs(
        f"programme={actions['ne'].programme_id}&workstream={actions['ne'].workstream_id}"
    ) == {"C.1", "C.2", "C.3"}


def test_action_list_paginates(client_for, workstream):
    ActionFactory.create_batch(55, workstream=workstream)
    client = client_for("officer")
    first = client.get("/actions/").content.decode()
    assert "55 actions" in first
    assert 'aria-label="Page 1" aria-current="page">1</a>' in first
    assert 'href="?page=2" aria-label="Page 2">2</a>' in first
    second = client.get("/actions/?page=2").content.decode()
    assert second.count('class="govuk-table__row"') == 5 + 1


def test_exports_are_exactly_what_is_filtered(client_for, actions, area_ne):
    client = client_for("officer")
    text = client.get("/actions/export.csv?status=underway_behind").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["ref"] for r in rows] == ["C.3"]
    assert rows[0]["areas"] == "South" and rows[0]["rag"] == "red"
    response = client.get(f"/actions/export.xlsx?area={area_ne.pk}")
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0])[:5] == [
        "programme",
        "workstream_code",
        "workstream_title",
        "weakness",
        "ref",
    ]
    assert sorted(r[4] for r in values[1:]) == ["C.1", "C.2"]


def test_an_exported_file_imports_again_unchanged(client_for, actions):
    from workstreams.importer import import_actions

    data = client_for("officer").get("/actions/export.csv").content
    result = import_actions(name="export.csv", data=data)
    assert result.ok, result.problems
    assert (result.created, result.updated) == (0, 0)


def test_my_actions_overdue_first(client_for, workstream, officer):
    today = datetime.date.today()
    ActionFactory(
        workstream=workstream, ref="M.1", owner=officer, due_date=today + datetime.timedelta(days=5)
    )
    ActionFactory(
        workstream=workstream, ref="M.2", owner=officer, due_date=today - datetime.timedelta(days=5)
    )
    ActionFactory(
        workstream=workstream, ref="M.3", owner=officer, due_date=today + datetime.timedelta(days=1)
    )
    ActionFactory(workstream=workstream, ref="M.4", due_date=today - datetime.timedelta(days=50))
    html = client_for("officer").get("/actions/mine/").content.decode()
    positions = [html.index(f">{ref}</span>") for ref in ("M.2", "M.3", "M.1")]
    assert positions == sorted(positions)
    assert ">M.4</span>" not in html


def test_action_page_shows_suggestion_and_override(client_for, workstream):
    action = ActionFactory(
        workstream=workstream,
        status=ActionStatus.ON_TARGET,
        rag_override=RAG.AMBER,
        rag_override_reason="Staff shortage",
    )
    html = client_for("head_x").get(f"/actions/{action.pk}/").content.decode()
    assert ">Amber</strong>" in html[html.index('id="action-rag"') :][:200]
    assert ">Green</strong>" in html[html.index('id="suggested-rag"') :][:200]
    assert "Staff shortage" in html
    assert "hx-post" not in html  # headteachers get no form
    assert "htmx.min.js" not in html


def test_edit_refuses_completed_without_evidence_and_override_without_reason(
    client_for, workstream
):
    action = ActionFactory(workstream=workstream)
    client = client_for("officer")
    response = client.post(
        f"/actions/{action.pk}/edit/",
        {"title": action.title, "status": "completed", "rag_override": "red", "version": 1},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Add evidence of impact before marking this action completed" in html
    assert "Enter the reason for overriding the suggested RAG" in html
    action.refresh_from_db()
    assert action.status == ActionStatus.ON_TARGET and action.version == 1


def test_edit_saves_and_the_timeline_shows_who_changed_what(client_for, workstream, officer):
    action = ActionFactory(workstream=workstream)
    client = client_for("officer")
    response = client.post(
        f"/actions/{action.pk}/edit/",
        {
            "title": action.title,
            "status": "completed",
            "evidence_of_impact": "Waiting times down from 30 to 18 weeks",
            "due_date_day": "31",
            "due_date_month": "3",
            "due_date_year": "2026",
            "owner": officer.pk,
            "version": 1,
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.COMPLETED and action.due_date == datetime.date(2026, 3, 31)
    html = client.get(f"/actions/{action.pk}/").content.decode()
    timeline = html[html.index('id="timeline"') :]
    assert "Status: Action underway (on target) → Completed" in timeline
    assert "Due date: (none) → 31 March 2026" in timeline
    assert f"By {escape(officer.full_name)}" in timeline  # Faker's names may hold an apostrophe


def test_edit_conflict_keeps_what_the_officer_typed_and_shows_what_changed(
    client_for, workstream, administrator
):
    from workstreams import services

    action = ActionFactory(workstream=workstream, title="Original")
    services.action_update(
        action_id=action.pk,
        expected_version=1,
        data={"status": "underway_behind"},
        by=administrator,
    )
    response = client_for("officer").post(
        f"/actions/{action.pk}/edit/",
        {"title": "My better title", "status": "underway_on_target", "version": 1},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed this action while you were working on it" in html
    assert escape(administrator.full_name) in html
    assert "Action underway (but behind target)" in html
    assert 'value="My better title"' in html  # nothing lost
    assert 'name="version" value="2"' in html
    action.refresh_from_db()
    assert action.title == "Original"


def test_quick_status_update_without_javascript(client_for, workstream):
    action = ActionFactory(workstream=workstream)
    client = client_for("officer")
    response = client.post(
        f"/actions/{action.pk}/status/", {"status": "underway_behind", "version": 1}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.BEHIND
    page = client.get(response["Location"]).content.decode()
    assert f"Status of {action.ref} updated" in page


def test_quick_status_update_with_htmx_returns_the_panel(client_for, workstream):
    action = ActionFactory(workstream=workstream)
    response = client_for("officer").post(
        f"/actions/{action.pk}/status/",
        {"status": "underway_behind", "version": 1},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="status-panel"')
    assert "<html" not in html and f"Status of {action.ref} updated" in html


def test_quick_status_refuses_completed_without_evidence(client_for, workstream):
    action = ActionFactory(workstream=workstream)
    response = client_for("officer").post(
        f"/actions/{action.pk}/status/", {"status": "completed", "version": 1}
    )
    assert response.status_code == 400
    assert "Add evidence of impact" in response.content.decode()
    action.refresh_from_db()
    assert action.status == ActionStatus.ON_TARGET


def test_quick_status_conflict(client_for, workstream, administrator):
    from workstreams import services

    action = ActionFactory(workstream=workstream)
    services.action_set_status(
        action_id=action.pk, expected_version=1, status="not_started", by=administrator
    )
    response = client_for("officer").post(
        f"/actions/{action.pk}/status/", {"status": "underway_behind", "version": 1}
    )
    assert "Someone else changed this action" in response.content.decode()
    action.refresh_from_db()
    assert action.status == ActionStatus.NOT_STARTED


def test_progress_update_with_link_and_files(client_for, workstream, settings, officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    action = ActionFactory(workstream=workstream, status=ActionStatus.BEHIND)
    client = client_for("officer")
    response = client.post(
        f"/actions/{action.pk}/updates/new/",
        {
            "narrative": "Backlog halved",
            "link": "https://www.example.org/report",
            "link_description": "Published report",
            "files": [SimpleUploadedFile("audit.pdf", PDF, content_type="application/pdf")],
        },
    )
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert (update.status, update.rag, update.author) == (ActionStatus.BEHIND, RAG.AMBER, officer)
    assert {e.url or e.original_name for e in update.evidence.all()} == {
        "https://www.example.org/report",
        "audit.pdf",
    }
    evidence = Evidence.objects.exclude(file="").get()
    download = client.get(f"/evidence/{evidence.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("virus.exe", b"MZ\x90", "The selected file must be a PDF"),
        ("fake.pdf", b"MZ\x90 not a pdf", "its content is not a .pdf file"),
        ("big.pdf", PDF + b"x" * 2048, "the file must be smaller than 1 KB"),
    ],
)
def test_progress_update_refuses_bad_files_and_saves_nothing(
    client_for, workstream, settings, name, data, message
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.EVIDENCE_MAX_UPLOAD_BYTES = 1024
    action = ActionFactory(workstream=workstream)
    response = client_for("officer").post(
        f"/actions/{action.pk}/updates/new/",
        {"narrative": "Update", "files": [SimpleUploadedFile(name, data)]},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ProgressUpdate.objects.exists() and not Evidence.objects.exists()


def test_evidence_download_follows_the_action_rule(client_for, workstream, area_south):
    from django.core.files.base import ContentFile

    action = ActionFactory(workstream=workstream, areas=[area_south])
    update = ProgressUpdate.objects.create(
        action=action,
        date=datetime.date(2026, 1, 1),
        narrative="x",
        status="underway_on_target",
        rag="green",
    )
    evidence = Evidence(progress_update=update, original_name="a.pdf")
    evidence.file.save("a.pdf", ContentFile(PDF))
    assert client_for("head_x").get(f"/evidence/{evidence.pk}/").status_code == 403
    assert client_for("head_y").get(f"/evidence/{evidence.pk}/").status_code == 200


def test_import_page_lists_every_problem_and_imports_nothing(client_for, programme):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from workstreams.importer import COLUMNS

    header = ",".join(COLUMNS)
    body = f"{programme.name},C,Title,,C.1,Do it,,,2026-01-01,bad,done-ish,,\r\n"
    response = client_for("officer").post(
        "/actions/import/",
        {"file": SimpleUploadedFile("plan.csv", (header + "\r\n" + body).encode())},
    )
    html = response.content.decode()
    assert response.status_code == 400 and "<title>Error: " in html
    assert "2 problems found in the file. Nothing was imported" in html
    assert "is not a date" in html and "is not a status" in html
    assert not Action.objects.exists()


def test_import_page_imports_a_good_file(client_for, programme):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from workstreams.importer import COLUMNS

    header = ",".join(COLUMNS)
    body = f"{programme.name},C,Title,,C.1,Do it,,,2026-01-01,31/01/2026,not started,,\r\n"
    client = client_for("officer")
    response = client.post(
        "/actions/import/",
        {"file": SimpleUploadedFile("plan.csv", (header + "\r\n" + body).encode())},
    )
    assert response.status_code == 302
    assert "Imported plan.csv: 1 actions added" in client.get(response["Location"]).content.decode()
    assert Action.objects.get().title == "Do it"


def test_import_page_wrong_file_type(client_for, programme):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for("officer").post(
        "/actions/import/", {"file": SimpleUploadedFile("plan.pdf", PDF)}
    )
    assert (
        "The file must be a CSV file (.csv) or an Excel workbook (.xlsx). Nothing was imported"
        in response.content.decode()
    )


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("role", ["officer", "head_x", "board"])
def test_queries_per_page_are_bounded_and_independent_of_size(
    role, client_for, programme, area_ne, officer
):
    """The number of SQL queries per page does not grow with the data (a later issue: ≤ 15)."""
    from workstreams.services import progress_update_create

    client = client_for(role)
    editor = role == "officer"

    def add(n):
        for i in range(n):
            ws = WorkstreamFactory(programme=programme)
            a = ActionFactory(
                workstream=ws, areas=[area_ne], owner=officer, due_date=datetime.date(2020, 1, 1)
            )
            progress_update_create(
                action=a, narrative=f"Update {i}", by=officer, links=[("https://example.org", "x")]
            )
        return a

    action = add(2)
    ws = action.workstream
    urls = lambda a: [  # noqa: E731
        "/programmes/",
        f"/programmes/{programme.slug}/",
        f"/programmes/{programme.slug}/workstreams/{a.workstream.code}/",
        "/actions/",
        "/actions/?overdue=true&rag=red",
        f"/actions/{a.pk}/",
        *(["/actions/mine/", f"/actions/{a.pk}/edit/"] if editor else []),
    ]
    small = {u: _queries(client, u) for u in urls(action)}
    action2 = add(20)
    for i in range(10):
        ActionFactory(workstream=action2.workstream, ref=f"Z.{i}", areas=[area_ne])
        progress_update_create(action=action2, narrative=f"More {i}", by=officer)
    large = {u: _queries(client, u) for u in urls(action2)}
    for (url, n_small), n_large in zip(small.items(), large.values(), strict=True):
        assert n_large == n_small, (url, n_small, n_large)
        assert n_large <= 16, (url, n_large)  # the workstream page: its removed actions too
    assert ws.pk


def test_milestones_are_added_and_marked_done(client_for, workstream):
    action = ActionFactory(workstream=workstream)
    client = client_for("officer")
    response = client.post(f"/actions/{action.pk}/milestones/new/", {"title": ""})
    assert response.status_code == 400 and "Enter the milestone" in response.content.decode()
    response = client.post(
        f"/actions/{action.pk}/milestones/new/",
        {
            "title": "Plan agreed",
            "due_date_day": "1",
            "due_date_month": "4",
            "due_date_year": "2026",
        },
    )
    assert response.status_code == 302
    milestone = action.milestones.get()
    assert milestone.due_date == datetime.date(2026, 4, 1) and not milestone.done
    done_url = f"/actions/{action.pk}/milestones/{milestone.pk}/done/"
    assert client.post(done_url, {"done": "done", "version": "1"}).status_code == 302
    milestone.refresh_from_db()
    assert milestone.done and milestone.version == 2
    stale = client.post(done_url, {"done": "not_done", "version": "1"})  # an old copy
    assert stale.status_code == 409
    milestone.refresh_from_db()
    assert milestone.done and milestone.version == 2
    other = ActionFactory(workstream=workstream)
    response = client.post(
        f"/actions/{other.pk}/milestones/{milestone.pk}/done/", {"done": "not_done"}
    )
    assert response.status_code == 404


def test_roll_ups_count_every_action_so_a_headteacher_never_sees_a_red_hidden(
    client_for, workstream, area_south
):
    """head_x cannot open the South action, but the workstream's roll-up still shows its red."""
    ActionFactory(workstream=workstream, ref="C.1", status=ActionStatus.ON_TARGET)
    ActionFactory(
        workstream=workstream,
        ref="C.2",
        areas=[area_south],
        status=ActionStatus.BEHIND,
        due_date=datetime.date(2020, 1, 1),
    )
    client = client_for("head_x")
    html = client.get(f"/programmes/{workstream.programme.slug}/workstreams/C/").content.decode()
    assert ">Red</strong>" in html[html.index('id="roll-up"') :][:300]
    assert ">C.2</span>" not in html
    overview = client.get(f"/programmes/{workstream.programme.slug}/").content.decode()
    assert "Overall RAG" in overview and ">Red</strong>" in overview


def test_the_pages_roll_up_is_the_rule_over_all_actions(workstream):
    from workstreams.models import Workstream
    from workstreams.rag import roll_up
    from workstreams.selectors import with_rag, with_roll_ups

    other = WorkstreamFactory(programme=workstream.programme, code="D")
    empty = WorkstreamFactory(programme=workstream.programme, code="E")
    ActionFactory(workstream=workstream, status=ActionStatus.COMPLETED, evidence_of_impact="x")
    ActionFactory(workstream=workstream, status=ActionStatus.BEHIND)
    ActionFactory(workstream=other, status=ActionStatus.NOT_STARTED)
    ActionFactory(workstream=other, status=ActionStatus.COMPLETED, evidence_of_impact="x")
    annotated = {w.pk: w.roll_up for w in with_roll_ups(Workstream.objects.all())}
    for ws in (workstream, other, empty):
        rags = with_rag(ws.actions.all()).values_list("rag", flat=True)
        assert annotated[ws.pk] == roll_up(list(rags))
    assert annotated[workstream.pk] == "amber" and annotated[empty.pk] is None


def test_every_form_has_one_form_element_and_one_csrf_token(client_for, actions):
    """No nested forms: templates own the <form>, crispy renders the fields."""
    from workstreams.models import Milestone

    action = actions["county"]
    Milestone.objects.create(action=action, title="Plan agreed")
    client = client_for("officer")
    for url in [
        f"/actions/{action.pk}/",
        f"/actions/{action.pk}/edit/",
        f"/actions/{action.pk}/updates/new/",
        f"/actions/{action.pk}/milestones/new/",
        "/actions/import/",
        f"/programmes/{action.programme.slug}/workstreams/{action.workstream.code}/",
    ]:
        main = client.get(url).content.decode().split('id="main-content"', 1)[1]
        post_forms = main.count('<form method="post"')
        assert post_forms >= 1, url
        assert main.count("csrfmiddlewaretoken") == post_forms, url
        assert main.count("</form>") == main.count("<form"), url


def test_officers_keep_the_risks_and_issues_log(client_for, workstream):
    from workstreams.models import Risk

    client = client_for("officer")
    base = f"/programmes/{workstream.programme.slug}/workstreams/{workstream.code}"
    response = client.post(f"{base}/risks/new/", {"kind": "risk"})
    html = response.content.decode()
    assert response.status_code == 400 and "<title>Error: " in html
    assert "Describe the risk or issue" in html and "Select the likelihood, from 1 to 5" in html
    assert not Risk.objects.exists()
    data = {
        "kind": "issue",
        "description": "Significant Covid impact",
        "likelihood": "5",
        "impact": "4",
        "mitigation": "Short term action plan",
        "owner_name": "Workstream E lead",
        "status": "open",
    }
    assert client.post(f"{base}/risks/new/", data).status_code == 302
    risk = Risk.objects.get()
    assert (risk.kind, risk.score) == ("issue", 20)
    page = client.get(f"{base}/").content.decode()
    assert "Significant Covid impact" in page and ">20<br>" in page
    assert (
        client.post(
            f"{base}/risks/{risk.pk}/edit/",
            {**data, "impact": "2", "status": "closed", "version": risk.version},
        ).status_code
        == 302
    )
    risk.refresh_from_db()
    assert (risk.score, risk.status) == (10, "closed")
    assert client.post(f"{base}/risks/new/", {**data, "likelihood": "6"}).status_code == 400
    assert client_for("board").get(f"{base}/risks/new/").status_code == 403

"""Workstreams and actions in a real browser: zero axe violations, and it all works without JS."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from send_portal.core.rag import RAG
from tests.browser.conftest import assert_accessible, sign_in
from tests.workstreams.factories import ActionFactory, ProgrammeFactory, WorkstreamFactory
from workstreams.models import Action, MonthlyUpdate, Representative
from workstreams.services import progress_update_create
from workstreams.status import ActionStatus


@pytest.fixture
def data(officer, area_ne, area_south):
    programme = ProgrammeFactory(name="Kent SEND Improvement Programme (WSoA)", slug="kent-wsoa")
    workstream = WorkstreamFactory(
        programme=programme,
        code="C",
        title="Quality of Education, Health and Care Plans",
        lead_name="Jennie Newman",
        objectives=["Review the EHC process"],
        outcomes=["Plans are good"],
        current_position="<ul><li>New template in use</li></ul>",
        stated_rag=RAG.AMBER,
        stated_rag_reason="Backlog",
    )
    Representative.objects.create(workstream=workstream, name="Leise Cooper", role_label="Parent")
    today = datetime.date.today()
    overdue = ActionFactory(
        workstream=workstream,
        ref="C.1",
        title="Clear the backlog",
        owner=officer,
        status=ActionStatus.BEHIND,
        due_date=today - datetime.timedelta(days=3),
        areas=[area_ne],
    )
    ActionFactory(
        workstream=workstream,
        ref="C.2",
        title="Quality assurance framework",
        status=ActionStatus.COMPLETED,
        evidence_of_impact="Audits show better plans",
    )
    ActionFactory(workstream=workstream, ref="C.3", title="South only", areas=[area_south])
    progress_update_create(
        action=overdue,
        narrative="Extra capacity agreed",
        by=officer,
        links=[("https://www.example.org/report", "Published report")],
    )
    return {"programme": programme, "workstream": workstream, "action": overdue}


REMOVE_WORKSTREAM = "Are you sure you want to remove this workstream?"


def test_officer_pages_are_accessible(page, officer, data):
    sign_in(page, officer.email)
    action = data["action"]
    for url, heading in [
        ("/programmes/", "Programmes"),
        ("/programmes/kent-wsoa/", "Kent SEND Improvement Programme (WSoA)"),
        ("/programmes/kent-wsoa/workstreams/C/", "C – Quality of Education, Health and Care Plans"),
        ("/programmes/kent-wsoa/workstreams/C/edit/", "Change workstream C"),
        (f"/records/workstream/{action.workstream_id}/remove/", REMOVE_WORKSTREAM),
        (f"/records/action/{action.pk}/remove/", "Are you sure you want to remove this action?"),
        ("/actions/", "Actions"),
        ("/actions/?overdue=true&rag=red", "Actions"),
        ("/actions/mine/", "My actions"),
        (f"/actions/{action.pk}/", "C.1 Clear the backlog"),
        (f"/actions/{action.pk}/edit/", "Edit C.1"),
        (f"/actions/{action.pk}/updates/new/", "Add a progress update"),
        (f"/actions/{action.pk}/milestones/new/", "Add a milestone"),
        ("/programmes/kent-wsoa/workstreams/C/risks/new/", "Add a risk or issue"),
        ("/actions/import/", "Import actions from a spreadsheet"),
    ]:
        page.goto(url)
        assert page.get_by_role("heading", level=1).inner_text() == heading, url
        assert_accessible(page)


def test_readers_pages_are_accessible(page, head_ne, data):
    sign_in(page, head_ne.email)
    page.goto("/actions/")
    expect(page.get_by_role("link", name="Clear the backlog")).to_be_visible()
    assert page.get_by_role("link", name="South only").count() == 0
    assert_accessible(page)
    page.goto(f"/actions/{data['action'].pk}/")
    assert page.get_by_role("button", name="Update status").count() == 0
    assert_accessible(page)
    page.goto("/programmes/kent-wsoa/workstreams/C/")
    assert page.get_by_role("heading", name="Monthly update").count() == 0
    assert_accessible(page)


def test_form_errors_are_accessible(page, officer, data):
    sign_in(page, officer.email)
    action = data["action"]
    page.goto(f"/actions/{action.pk}/edit/")
    page.get_by_label("Completed").check()
    page.get_by_role("button", name="Save changes").click()
    assert page.title().startswith("Error: ")
    expect(
        page.locator(".govuk-error-summary").get_by_text("Add evidence of impact")
    ).not_to_have_count(0)
    assert_accessible(page)
    page.goto(f"/actions/{action.pk}/updates/new/")
    page.get_by_role("button", name="Add progress update").click()
    expect(
        page.locator(".govuk-error-summary").get_by_text("Enter what has happened")
    ).not_to_have_count(0)
    assert_accessible(page)
    page.goto(f"/actions/{action.pk}/milestones/new/")
    page.get_by_role("button", name="Add milestone").click()
    expect(
        page.locator(".govuk-error-summary").get_by_text("Enter the milestone")
    ).not_to_have_count(0)
    assert_accessible(page)
    page.goto("/programmes/kent-wsoa/workstreams/C/risks/new/")
    page.get_by_role("button", name="Save the risk or issue").click()
    expect(
        page.locator(".govuk-error-summary").get_by_text("Describe the risk or issue")
    ).not_to_have_count(0)
    assert_accessible(page)
    page.goto("/actions/import/")
    page.get_by_role("button", name="Import actions").click()
    assert (
        page.locator(".govuk-error-summary").get_by_text("Choose a spreadsheet to upload").count()
    )
    assert_accessible(page)
    page.goto("/programmes/kent-wsoa/workstreams/C/")
    page.get_by_label("Reason for the RAG").fill("")
    page.get_by_role("button", name="Submit the monthly update").click()
    expect(
        page.locator(".govuk-error-summary").get_by_text("Enter the reason for the RAG")
    ).not_to_have_count(0)
    assert_accessible(page)


def test_import_problems_page_is_accessible(page, officer, data, tmp_path):
    from workstreams.importer import COLUMNS

    bad = tmp_path / "plan.csv"
    bad.write_text(
        ",".join(COLUMNS) + "\nKent SEND Improvement Programme (WSoA),C,,,C.9,T,,,bad,,what,,\n"
    )
    sign_in(page, officer.email)
    page.goto("/actions/import/")
    page.get_by_label("Spreadsheet of actions").set_input_files(str(bad))
    page.get_by_role("button", name="Import actions").click()
    expect(page.get_by_role("heading", name="Problems found")).to_be_visible()
    assert_accessible(page)
    assert Action.objects.filter(ref="C.9").count() == 0


def test_quick_status_update_with_htmx(page, officer, data):
    action = data["action"]
    sign_in(page, officer.email)
    page.goto(f"/actions/{action.pk}/")
    url_before = page.url
    page.locator("#status-panel").get_by_label("Action underway (on target)").check()
    page.get_by_role("button", name="Update status").click()
    page.locator("#status-panel").get_by_text("Status of C.1 updated").wait_for()
    assert page.url == url_before  # the panel was swapped in place
    expect(page.locator("#action-status")).to_have_text("Action underway (on target)")
    # workstreams-status.js moves focus on htmx:afterSettle, which comes after the swap that
    # showed the message: wait for the focus itself, not for the text.
    expect(page.locator("#status-panel")).to_be_focused()
    assert_accessible(page)
    action.refresh_from_db()
    assert action.status == ActionStatus.ON_TARGET


def test_quick_status_update_without_javascript(page_without_js, officer, data):
    page = page_without_js
    action = data["action"]
    sign_in(page, officer.email)
    page.goto(f"/actions/{action.pk}/")
    page.locator("#status-panel").get_by_label("Action not started").check()
    page.get_by_role("button", name="Update status").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Status of C.1 updated")).to_be_visible()
    action.refresh_from_db()
    assert action.status == ActionStatus.NOT_STARTED

    page.get_by_role("link", name="Add a milestone").click()
    page.get_by_label("Milestone").fill("Extra staff in post")
    page.get_by_role("button", name="Add milestone").click()
    page.wait_for_url(f"**/actions/{action.pk}/")
    page.locator("#milestones").get_by_role("button", name="Mark done").click()
    page.wait_for_load_state()
    assert action.milestones.get().done


def test_filters_edit_and_monthly_update_without_javascript(page_without_js, officer, data):
    page = page_without_js
    sign_in(page, officer.email)
    page.goto("/actions/")
    page.get_by_label("Overdue only").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"overdue=true"))
    expect(page.get_by_text("1 action", exact=True)).to_be_visible()
    page.goto(f"/actions/{data['action'].pk}/edit/")
    page.get_by_label("Override the suggested RAG").select_option("red")
    page.get_by_label("Reason for the override").fill("Capacity gap")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url(f"**/actions/{data['action'].pk}/")
    expect(page.locator("#rag-override").get_by_text("Capacity gap")).to_be_visible()
    page.goto("/programmes/kent-wsoa/workstreams/C/")
    page.get_by_role("link", name="Add a risk or issue").click()
    page.get_by_label("Risk", exact=True).check()
    page.get_by_label("Description").fill("Staff turnover")
    page.get_by_role("group", name="Likelihood").get_by_label("3").check()
    page.get_by_role("group", name="Impact").get_by_label("4").check()
    page.get_by_label("Open").check()
    page.get_by_role("button", name="Save the risk or issue").click()
    page.wait_for_url("**/workstreams/C/")
    expect(page.get_by_role("cell", name="Risk: Staff turnover", exact=True)).to_be_visible()
    page.get_by_label("Summary of current position").fill("Backlog halved")
    page.locator("#monthly-update ~ form").get_by_label("Amber").check()
    page.get_by_label("Reason for the RAG").fill("Capacity")
    page.get_by_role("button", name="Submit the monthly update").click()
    page.wait_for_load_state()
    assert MonthlyUpdate.objects.get().current_position == "Backlog halved"


def test_action_list_filter_fits_a_390px_screen(browser, live_server, data, officer):
    """GOV.UK selects (govuk-select), and no sideways scrolling at 390 px, long names included."""
    programme = Action.objects.get(ref="C.1").programme
    WorkstreamFactory(
        programme=programme,
        code="Z",
        title="A very long workstream title that names every partner of the local area partnership",
    )
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page, officer.email)
    page.goto("/actions/")
    classes = page.eval_on_selector_all("form select", "els => els.map(e => e.className)")
    assert classes and all("govuk-select" in c for c in classes)
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > 391)
        .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
        .slice(0, 8)"""
    )
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 390, f"the page is {scroll_width} px wide at 390 px: {wide}"
    assert_accessible(page)
    context.close()


def test_a_late_update_is_refused_accessibly_and_kept_for_the_next_month(page, officer, data):
    from django.utils import timezone

    from workstreams.reporting import services as reporting
    from workstreams.reporting.periods import next_month
    from workstreams.reporting.selectors import update_month

    month, _ = update_month(on=timezone.localdate())
    sign_in(page, officer.email)
    page.goto("/programmes/kent-wsoa/workstreams/C/")
    page.get_by_label("Summary of current position").fill("Backlog halved")
    page.get_by_label("Risks and issues").fill("Agency staff leave in March")
    reporting.period_open_and_lock(month=month, today=timezone.localdate())  # locked meanwhile
    page.get_by_role("button", name="Submit the monthly update").click()
    page.wait_for_load_state()
    summary = page.locator(".govuk-error-summary")
    expect(
        summary.get_by_text(f"{month:%B %Y} is locked, so this update was not saved")
    ).to_be_visible()
    expect(page.get_by_label("Risks and issues")).to_have_value("Agency staff leave in March")
    following = next_month(month)
    expect(
        page.get_by_role("heading", name=f"Monthly update for {following:%B %Y}")
    ).to_be_visible()
    assert not MonthlyUpdate.objects.exists()
    assert_accessible(page)


def _no_sideways_scroll(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{page.url} scrolls sideways by {overflow} px"


@pytest.mark.parametrize("width", [1200, 390])
def test_correction_and_removal_pages_are_accessible(page, officer, data, width):
    from django.core.files.base import ContentFile

    from send_portal.core.removal import KINDS, record_remove
    from tests.reporting.factories import RiskFactory
    from workstreams.models import Evidence, Milestone

    action = data["action"]
    update = action.progress_updates.get()
    link = update.evidence.get()
    upload = Evidence(progress_update=update, original_name="plan.pdf", description="The plan")
    upload.file.save("plan.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    gone = Evidence(progress_update=update, original_name="old.pdf", description="Old plan")
    gone.file.save("old.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    record_remove(kind=KINDS["evidence"], record=gone, reason="Superseded", by=officer)
    milestone = Milestone.objects.create(action=action, title="Extra staff in post")
    risk = RiskFactory(workstream=data["workstream"], owner=officer, owner_name="")
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, officer.email)
    for url, heading in [
        (f"/actions/{action.pk}/milestones/{milestone.pk}/edit/", "Change a milestone"),
        (f"/actions/{action.pk}/updates/{update.pk}/edit/", "Correct a progress update"),
        (f"/evidence/{link.pk}/edit/", "Correct a piece of evidence"),
        (f"/evidence/{upload.pk}/edit/", "Correct a piece of evidence"),
        (f"/records/milestone/{milestone.pk}/remove/", "remove this milestone?"),
        (f"/records/progress-update/{update.pk}/remove/", "remove this progress update?"),
        (f"/records/evidence/{upload.pk}/remove/", "remove this evidence?"),
        (f"/programmes/kent-wsoa/workstreams/C/risks/{risk.pk}/edit/", "Change a risk or issue"),
        (f"/actions/{action.pk}/", "C.1 Clear the backlog"),
    ]:
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        assert_accessible(page)
        _no_sideways_scroll(page)
    expect(page.get_by_role("link", name="Download the removed file")).to_be_visible()

    page.goto(f"/actions/{action.pk}/milestones/{milestone.pk}/edit/")
    page.get_by_label("Milestone").fill("")
    page.get_by_role("button", name="Save the milestone").click()
    expect(page.locator(".govuk-error-summary").get_by_text("Enter the milestone")).to_be_visible()
    assert_accessible(page)
    _no_sideways_scroll(page)
    page.goto(f"/programmes/kent-wsoa/workstreams/C/risks/{risk.pk}/edit/")
    expect(page.get_by_label("Owner")).to_have_value(officer.full_name)


def test_correct_remove_and_undo_without_javascript(page_without_js, officer, data):
    from workstreams.models import Evidence, Milestone

    page = page_without_js
    action = data["action"]
    milestone = Milestone.objects.create(action=action, title="Extra staf in post")
    sign_in(page, officer.email)
    page.goto(f"/actions/{action.pk}/")
    page.get_by_role("link", name="Change milestone: Extra staf in post").click()
    page.get_by_label("Milestone").fill("Extra staff in post")
    page.get_by_role("button", name="Save the milestone").click()
    page.wait_for_url(f"**/actions/{action.pk}/")
    expect(page.get_by_role("link", name="Change milestone: Extra staff in post")).to_be_visible()
    milestone.refresh_from_db()
    assert milestone.title == "Extra staff in post"

    page.get_by_role("link", name="Correct the evidence: Published report").click()
    page.get_by_label("Link to the evidence").fill("https://www.example.org/report-2026")
    page.get_by_role("button", name="Save the correction").click()
    page.wait_for_url(f"**/actions/{action.pk}/")
    expect(page.get_by_role("link", name="Published report", exact=True)).to_have_attribute(
        "href", "https://www.example.org/report-2026"
    )

    page.get_by_role("link", name="Remove this progress update").click()
    page.get_by_label("Why are you removing it?").fill("Entered on the wrong action")
    page.get_by_role("button", name="Yes, remove it").click()
    page.wait_for_url(f"**/actions/{action.pk}/")
    expect(page.get_by_text("Reason: Entered on the wrong action")).to_be_visible()
    expect(page.get_by_role("link", name="Published report", exact=True)).to_have_count(0)
    page.get_by_role("button", name="Undo this removal").click()
    page.wait_for_url(f"**/actions/{action.pk}/")
    expect(page.get_by_role("link", name="Published report", exact=True)).to_be_visible()
    assert Evidence.objects.filter(progress_update__action=action).count() == 1


@pytest.mark.parametrize("width", [1200, 390])
def test_removing_an_action_and_undoing_it_is_accessible(page, officer, data, width):
    """The action's Remove button, the confirmation (what goes with it), the workstream page's
    history with the undo: zero axe violations; the action comes back with its progress."""
    from workstreams.models import Action

    action = data["action"]
    updates = action.progress_updates.count()
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, officer.email)
    page.goto(f"/actions/{action.pk}/")
    page.get_by_role("button", name="Remove this action").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Are you sure you want to remove this action?"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Yes, remove it").click()
    expect(page.get_by_role("alert")).to_be_visible()  # the reason is required
    assert_accessible(page)
    page.get_by_label("Why are you removing it?").fill("Entered twice")
    page.get_by_role("button", name="Yes, remove it").click()
    page.wait_for_url("**/programmes/kent-wsoa/workstreams/C/")
    expect(page.get_by_text("Reason: Entered twice")).to_be_visible()
    assert not Action.objects.filter(pk=action.pk).exists()
    assert_accessible(page)
    page.get_by_role("button", name="Undo this removal").first.click()
    page.wait_for_load_state()
    expect(page.get_by_role("link", name="Clear the backlog").first).to_be_visible()
    assert Action.objects.get(pk=action.pk).progress_updates.count() == updates

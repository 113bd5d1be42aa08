"""Correct and remove, with a trace, on an action: its milestones, progress updates and
evidence. An officer corrects each on its own page (history kept and shown); a removal of a
progress update takes its evidence with it and undoing it brings both back; a removed file is
downloadable only by officers, from the history; readers never see a removed row."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from send_portal.core.removal import KINDS, record_remove
from tests.core.factories import UserFactory
from tests.forms_as_rendered import form_data
from workstreams.models import Evidence, Milestone, ProgressUpdate

from .factories import ActionFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"


@pytest.fixture
def action():
    return ActionFactory(title="Clear the backlog")  # county-wide: every reader may see it


@pytest.fixture
def ruth():
    return UserFactory(role="LA officer", full_name="Ruth Sturdy")


def _update(action, narrative="<p>Extra capacity agreed.</p>"):
    return ProgressUpdate.objects.create(
        action=action, date=datetime.date(2026, 1, 5), narrative=narrative,
        status=action.status, rag="green",
    )  # fmt: skip


def _file(update, name="plan.pdf", data=PDF):
    evidence = Evidence(progress_update=update, original_name=name, description="The plan")
    evidence.file.save(name, ContentFile(data))
    return evidence


def _post_as_rendered(client, page, **changes):
    data = form_data(client.get(page).content.decode())
    data.update({k: [v] for k, v in changes.items()})
    return client.post(page, data)


def test_correct_a_milestone_its_history_shows_old_and_new(client, action, ruth):
    milestone = Milestone.objects.create(action=action, title="Plan agred")
    client.force_login(ruth)
    url = reverse("workstreams:milestone_edit", args=[action.pk, milestone.pk])
    response = _post_as_rendered(
        client, url, title="Plan agreed", due_date_day="30", due_date_month="6",
        due_date_year="2026",
    )  # fmt: skip
    assert response.status_code == 302 and response.url == f"/actions/{action.pk}/"
    milestone.refresh_from_db()
    assert (milestone.title, milestone.due_date) == ("Plan agreed", datetime.date(2026, 6, 30))
    page = client.get(url).content.decode()
    assert "Title: Plan agred → Plan agreed" in page and "Ruth Sturdy" in page
    timeline = client.get(f"/actions/{action.pk}/").content.decode()
    assert "Milestone “Plan agreed”: Title: Plan agred → Plan agreed" in timeline


def test_a_milestone_needs_its_wording(client, action, ruth):
    milestone = Milestone.objects.create(action=action, title="Plan agreed")
    client.force_login(ruth)
    url = reverse("workstreams:milestone_edit", args=[action.pk, milestone.pk])
    response = _post_as_rendered(client, url, title=" ")
    assert response.status_code == 400 and "Enter the milestone" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.title == "Plan agreed"


def test_correct_a_progress_update_keeps_its_date_status_and_rag(client, action, ruth):
    update = _update(action)
    client.force_login(ruth)
    url = reverse("workstreams:progress_update_edit", args=[action.pk, update.pk])
    response = _post_as_rendered(client, url, narrative="<p>Extra capacity agreed in May.</p>")
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.narrative == "<p>Extra capacity agreed in May.</p>"
    assert (update.date, update.rag) == (datetime.date(2026, 1, 5), "green")
    page = client.get(url).content.decode()
    assert "Narrative: Extra capacity agreed. → Extra capacity agreed in May." in page


def test_correct_a_link(client, action, ruth):
    evidence = Evidence.objects.create(
        progress_update=_update(action), url="https://www.example.org/reprot", description="R"
    )
    client.force_login(ruth)
    url = reverse("workstreams:evidence_edit", args=[evidence.pk])
    refused = _post_as_rendered(client, url, url="javascript:alert(1)")
    assert refused.status_code == 400
    assert "Enter a link in the correct format" in refused.content.decode()
    response = _post_as_rendered(
        client, url, url="https://www.example.org/report", description="Published report"
    )
    assert response.status_code == 302
    evidence.refresh_from_db()
    assert (evidence.url, evidence.description) == (
        "https://www.example.org/report",
        "Published report",
    )
    assert "Link: https://www.example.org/reprot → https://www.example.org/report" in (
        client.get(url).content.decode()
    )


def test_replace_a_file_the_old_one_is_kept_in_storage(client, action, ruth):
    evidence = _file(_update(action), name="old-plan.pdf")
    old_name = evidence.file.name
    client.force_login(ruth)
    url = reverse("workstreams:evidence_edit", args=[evidence.pk])
    page = client.get(url).content.decode()
    assert 'enctype="multipart/form-data"' in page and 'name="url"' not in page
    data = {k: v[0] for k, v in form_data(page).items()}

    bad = client.post(url, {**data, "replacement": SimpleUploadedFile("plan.pdf", b"MZ\x90")})
    assert bad.status_code == 400
    assert "plan.pdf: " in bad.content.decode()
    new = b"%PDF-1.4\n% the corrected plan\n%%EOF\n"
    response = client.post(url, {**data, "replacement": SimpleUploadedFile("new-plan.pdf", new)})
    assert response.status_code == 302
    evidence.refresh_from_db()
    assert evidence.original_name == "new-plan.pdf"
    download = client.get(reverse("workstreams:evidence_download", args=[evidence.pk]))
    assert b"".join(download.streaming_content) == new
    assert evidence.file.storage.exists(old_name)  # the history still names it
    assert "Original name: old-plan.pdf → new-plan.pdf" in client.get(url).content.decode()


def test_a_file_chosen_in_a_refused_save_is_asked_for_again(client, action, ruth):
    evidence = _file(_update(action))
    client.force_login(ruth)
    url = reverse("workstreams:evidence_edit", args=[evidence.pk])
    data = {k: v[0] for k, v in form_data(client.get(url).content.decode()).items()}
    Evidence.objects.filter(pk=evidence.pk).update(version=evidence.version + 1)  # a colleague
    refused = client.post(
        url, {**data, "replacement": SimpleUploadedFile("new.pdf", PDF), "description": "New"}
    )
    assert refused.status_code == 409
    html = refused.content.decode()
    assert "Choose the replacement file again" in html
    assert form_data(html)["description"] == ["New"]  # what was typed is kept
    evidence.refresh_from_db()
    assert evidence.original_name == "plan.pdf"


def test_undoing_a_progress_update_removal_brings_back_its_evidence(client, action, ruth):
    update = _update(action, narrative="Too few specialist places")
    link = Evidence.objects.create(
        progress_update=update, url="https://www.example.org/a", description="Minutes"
    )
    upload = _file(update)
    earlier = Evidence.objects.create(
        progress_update=update, url="https://www.example.org/b", description="Wrong link"
    )
    client.force_login(ruth)
    client.post(reverse("record_remove", args=["evidence", earlier.pk]), {"reason": "Wrong"})
    response = client.post(
        reverse("record_remove", args=["progress-update", update.pk]),
        {"reason": "Entered on the wrong action"},
    )
    assert response.status_code == 302
    assert not Evidence.objects.filter(progress_update_id=update.pk).exists()
    page = client.get(f"/actions/{action.pk}/").content.decode()
    assert "With the progress update: Entered on the wrong action" in page
    restore = reverse("record_restore", args=["progress-update", update.pk])
    # the evidence that went with it has no undo of its own: undoing the update brings it back
    assert reverse("record_restore", args=["evidence", link.pk]) not in page
    assert page.count("Undo this removal") == 1

    assert client.post(restore).status_code == 302
    assert set(Evidence.objects.filter(progress_update=update).values_list("pk", flat=True)) == {
        link.pk,
        upload.pk,
    }  # the evidence removed on its own before stays removed, with its own undo
    download = client.get(reverse("workstreams:evidence_download", args=[upload.pk]))
    assert b"".join(download.streaming_content) == PDF
    page = client.get(f"/actions/{action.pk}/").content.decode()
    assert reverse("record_restore", args=["evidence", earlier.pk]) in page
    assert client.post(reverse("record_restore", args=["evidence", earlier.pk])).status_code == 302
    assert Evidence.objects.filter(pk=earlier.pk).exists()


def test_a_removed_file_only_officers_download_from_the_history(
    client, action, ruth, head_ne, board_member
):
    evidence = _file(_update(action))
    pk = evidence.pk
    record_remove(kind=KINDS["evidence"], record=evidence, reason="Wrong file", by=ruth)
    client.force_login(ruth)
    assert client.get(reverse("workstreams:evidence_download", args=[pk])).status_code == 404
    removed = reverse("workstreams:evidence_download_removed", args=[pk])
    assert f'href="{removed}"' in client.get(f"/actions/{action.pk}/").content.decode()
    assert b"".join(client.get(removed).streaming_content) == PDF
    for reader in (head_ne, board_member):
        client.force_login(reader)
        assert client.get(removed).status_code == 403
        assert client.get(reverse("workstreams:evidence_download", args=[pk])).status_code == 404
    client.force_login(ruth)
    client.post(reverse("record_restore", args=["evidence", pk]))
    assert client.get(removed).status_code == 404  # back: the ordinary download serves it


def test_readers_never_see_removed_milestones_updates_or_evidence(
    client, action, ruth, head_ne, board_member
):
    kept = Milestone.objects.create(action=action, title="Kept milestone")
    gone = Milestone.objects.create(action=action, title="Mistaken milestone")
    update = _update(action, narrative="Mistaken update")
    Evidence.objects.create(
        progress_update=update, url="https://www.example.org/x", description="Mistaken link"
    )
    other = _update(action, narrative="Kept update")
    kept_evidence = Evidence.objects.create(
        progress_update=other, url="https://www.example.org/y", description="Mistaken evidence"
    )
    client.force_login(ruth)
    for kind, pk in (
        ("milestone", gone.pk),
        ("progress-update", update.pk),
        ("evidence", kept_evidence.pk),
    ):
        client.post(reverse("record_remove", args=[kind, pk]), {"reason": "Entered in error"})
    officer_page = client.get(f"/actions/{action.pk}/").content.decode()
    assert "Mistaken milestone" in officer_page and "Entered in error" in officer_page
    for reader in (head_ne, board_member):
        client.force_login(reader)
        html = client.get(f"/actions/{action.pk}/").content.decode()
        assert "Kept milestone" in html and "Kept update" in html
        for trace in ("Mistaken", "Entered in error", "removed", "Undo this removal"):
            assert trace not in html, (reader.full_name, trace)
    assert kept.pk  # still there


@pytest.mark.parametrize(
    "url",
    [
        lambda a, m, u, e: reverse("workstreams:milestone_edit", args=[a.pk, m.pk]),
        lambda a, m, u, e: reverse("workstreams:progress_update_edit", args=[a.pk, u.pk]),
        lambda a, m, u, e: reverse("workstreams:evidence_edit", args=[e.pk]),
    ],
    ids=["milestone", "progress update", "evidence"],
)
def test_readers_cannot_correct(client, action, head_ne, board_member, url):
    milestone = Milestone.objects.create(action=action, title="Plan agreed")
    update = _update(action)
    evidence = _file(update)
    page = url(action, milestone, update, evidence)
    for reader in (head_ne, board_member):
        client.force_login(reader)
        assert client.get(page).status_code == 403
        assert client.post(page, {"title": "x", "narrative": "x"}).status_code == 403
    milestone.refresh_from_db()
    update.refresh_from_db()
    assert milestone.title == "Plan agreed" and "Extra capacity" in update.narrative


def test_a_record_of_another_action_is_not_found(client, action, ruth):
    other = ActionFactory()
    milestone = Milestone.objects.create(action=other, title="Elsewhere")
    update = _update(other)
    client.force_login(ruth)
    assert client.get(f"/actions/{action.pk}/milestones/{milestone.pk}/edit/").status_code == 404
    assert client.get(f"/actions/{action.pk}/updates/{update.pk}/edit/").status_code == 404

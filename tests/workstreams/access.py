"""Objects the access matrix points the workstreams URLs at: an action in area X (North East),
with a progress update and an uploaded evidence file. Created once per test, kept in ``world``."""

import datetime

from django.core.files.base import ContentFile

from workstreams.models import Evidence, Milestone, ProgressUpdate, Risk

from .factories import ActionFactory, ProgrammeFactory, WorkstreamFactory


def action_in_area_x(world):
    if "ws_action" not in world:
        programme = ProgrammeFactory(name="Matrix programme", slug="matrix-programme")
        workstream = WorkstreamFactory(programme=programme, code="M")
        action = ActionFactory(workstream=workstream, ref="M.1", areas=[world["area_x"]])
        update = ProgressUpdate.objects.create(
            action=action,
            date=datetime.date(2026, 1, 1),
            narrative="Progress",
            status=action.status,
            rag="green",
        )
        evidence = Evidence(progress_update=update, original_name="evidence.pdf")
        evidence.file.save("evidence.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
        world.update(ws_programme=programme, ws_workstream=workstream, ws_action=action)
        world["ws_evidence"] = evidence
        world["ws_update"] = update
        world["ws_milestone"] = Milestone.objects.create(action=action, title="Plan agreed")
        world["ws_risk"] = Risk.objects.create(
            workstream=workstream, description="Capacity", likelihood=3, impact=4
        )
    return world["ws_action"]


def programme_kwargs(world) -> dict:
    return {"slug": action_in_area_x(world).programme.slug}


def workstream_kwargs(world) -> dict:
    action = action_in_area_x(world)
    return {"slug": action.programme.slug, "code": action.workstream.code}


def action_kwargs(world) -> dict:
    return {"pk": action_in_area_x(world).pk}


def evidence_kwargs(world) -> dict:
    action_in_area_x(world)
    return {"pk": world["ws_evidence"].pk}


def update_kwargs(world) -> dict:
    action = action_in_area_x(world)
    return {"pk": action.pk, "update_pk": world["ws_update"].pk}


def removed_evidence_kwargs(world) -> dict:
    """A file that was removed from the progress update: officers may still download it."""
    from send_portal.core.removal import KINDS, record_remove

    action_in_area_x(world)
    evidence = Evidence(progress_update=world["ws_update"], original_name="removed.pdf")
    evidence.file.save("removed.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    pk = evidence.pk
    record_remove(kind=KINDS["evidence"], record=evidence, reason="Wrong file", by=None)
    return {"pk": pk}


def milestone_kwargs(world) -> dict:
    action = action_in_area_x(world)
    return {"pk": action.pk, "milestone_pk": world["ws_milestone"].pk}


def risk_kwargs(world) -> dict:
    return {**workstream_kwargs(world), "risk_pk": world["ws_risk"].pk}


def risk_to_remove_kwargs(world) -> dict:
    action_in_area_x(world)
    return {"kind": "risk", "pk": world["ws_risk"].pk}


def removed_risk_kwargs(world) -> dict:
    """A risk that was removed: undoing it puts it back."""
    from send_portal.core.removal import KINDS, record_remove

    action_in_area_x(world)
    risk = world["ws_risk"]
    pk = risk.pk
    record_remove(kind=KINDS["risk"], record=risk, reason="Entered twice", by=None)
    return {"kind": "risk", "pk": pk}

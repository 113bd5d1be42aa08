"""Writes for actions, progress updates and monthly updates. Keyword-only, typed, atomic."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction

from send_portal.core.dates import today
from send_portal.core.rag import RAG
from send_portal.core.richtext import clean_rich_text

from .models import (
    Action,
    Evidence,
    Milestone,
    ProgressUpdate,
    Risk,
    Workstream,
)
from .rag import effective_rag
from .selectors import TRACKED_FIELDS, display_value
from .status import ActionStatus

# The fields an officer edits on an action (the optimistic lock covers them all).
EDITABLE_FIELDS = (
    "title",
    "owner",
    "start_date",
    "due_date",
    "status",
    "rag_override",
    "rag_override_reason",
    "evidence_of_impact",
    "areas",
    "weaknesses",
)
LINK_FIELDS = {"areas", "weaknesses"}  # many-to-many: set after the save

COMPLETED_NEEDS_EVIDENCE = (
    "Add evidence of impact before marking this action completed: what changed, and how you know"
)
OVERRIDE_NEEDS_REASON = "Enter the reason for overriding the suggested RAG"


@dataclass
class Change:
    label: str
    before: str
    after: str


class ActionConflict(Exception):
    """Someone else saved the action after this copy was loaded: the save is refused."""

    def __init__(self, *, current: Action, changes: list[Change], changed_by, changed_at):
        self.current = current
        self.changes = changes
        self.changed_by = changed_by
        self.changed_at = changed_at
        super().__init__(f"Action {current.ref} changed since version was loaded")


def action_rules_problems(
    *, status: str, evidence_of_impact: str, rag_override: str, rag_override_reason: str
) -> dict[str, str]:
    """The rules every save of an action obeys, as {field: message}."""
    problems = {}
    if status == ActionStatus.COMPLETED and not (evidence_of_impact or "").strip():
        problems["evidence_of_impact"] = COMPLETED_NEEDS_EVIDENCE
    if rag_override and not (rag_override_reason or "").strip():
        problems["rag_override_reason"] = OVERRIDE_NEEDS_REASON
    return problems


def _changes_since(action: Action, version: int) -> tuple[list[Change], object, object]:
    """What changed between ``version`` and the action as it is now, and who changed it last."""
    from send_portal.core.models import User

    records = list(action.history.select_related("history_user").order_by("-history_id")[:50])
    then = next((r for r in records if r.version == version), None)
    latest = records[0] if records else None
    changes = []
    if then is not None:
        owner_ids = {then.owner_id, action.owner_id} - {None}
        users = {u.pk: u for u in User.objects.filter(pk__in=owner_ids)}
        for field, label in TRACKED_FIELDS.items():
            attname = "owner_id" if field == "owner" else field
            before, after = getattr(then, attname), getattr(action, attname)
            if before != after:
                changes.append(
                    Change(
                        label,
                        display_value(field, before, users),
                        display_value(field, after, users),
                    )
                )
    return (
        changes,
        latest.history_user if latest else None,
        latest.history_date if latest else None,
    )


@transaction.atomic
def action_update(*, action_id: int, expected_version: int, data: dict, by) -> Action:
    """Save an officer's changes to an action, refusing them if someone saved it meanwhile.

    ``data`` holds some of ``EDITABLE_FIELDS``. Raises ``ActionConflict`` (nothing saved)
    when the action's version is no longer ``expected_version``, and ``ValidationError`` when
    the result would break a rule (completed without evidence, override without reason).
    """
    action = Action.objects.select_for_update().get(pk=action_id)
    if action.version != expected_version:
        changes, who, when = _changes_since(action, expected_version)
        raise ActionConflict(current=action, changes=changes, changed_by=who, changed_at=when)
    links = {f: data[f] for f in LINK_FIELDS if f in data}
    for field, value in data.items():
        if field not in EDITABLE_FIELDS:
            raise ValueError(f"{field} is not an editable field of an action")
        if field in LINK_FIELDS:
            continue
        if field in {"rag_override_reason", "evidence_of_impact"}:
            value = clean_rich_text(value or "")
        setattr(action, field, value)
    if not action.rag_override:
        action.rag_override_reason = ""
    problems = action_rules_problems(
        status=action.status,
        evidence_of_impact=action.evidence_of_impact,
        rag_override=action.rag_override,
        rag_override_reason=action.rag_override_reason,
    )
    if problems:
        raise ValidationError(problems)
    action.version += 1
    action._history_user = by  # type: ignore[attr-defined]  # django-simple-history's way
    action.save()
    for field, value in links.items():
        getattr(action, field).set(value)
    return action


def action_set_status(*, action_id: int, expected_version: int, status: str, by) -> Action:
    """The quick status update."""
    return action_update(
        action_id=action_id, expected_version=expected_version, data={"status": status}, by=by
    )


@transaction.atomic
def progress_update_create(
    *,
    action: Action,
    narrative: str,
    on: date | None = None,
    by,
    links: Sequence[tuple[str, str]] = (),
    files: Sequence[UploadedFile] = (),
) -> ProgressUpdate:
    """A dated narrative with the action's status and RAG at this moment, and its evidence.

    ``links`` are (url, description) pairs; ``files`` have been checked by the form
    (``evidence.evidence_file_problem``).
    """
    on = on or today()
    rag = effective_rag(
        status=action.status,
        start=action.start_date,
        due=action.due_date,
        override=action.rag_override,
        today=on,
    )
    update = ProgressUpdate.objects.create(
        action=action,
        date=on,
        author=by,
        narrative=clean_rich_text(narrative),
        status=action.status,
        rag=rag or RAG.GREY,
    )
    for url, description in links:
        Evidence.objects.create(progress_update=update, url=url, description=description)
    for upload in files:
        evidence = Evidence(progress_update=update, original_name=(upload.name or "")[:255])
        evidence.file.save(upload.name, upload, save=False)
        evidence.save()
    return update


@transaction.atomic
def milestone_add(*, action: Action, title: str, due: date | None) -> Milestone:
    return Milestone.objects.create(action=action, title=title.strip(), due_date=due)


@transaction.atomic
def milestone_set_done(*, milestone: Milestone, done: bool) -> Milestone:
    """Tick (or untick) a milestone; its history records who did it and when. The version
    check (``core.concurrency.save_versioned``) around it raises the version."""
    milestone.done = done
    milestone.save(update_fields=["done", "version"])
    return milestone


@transaction.atomic
def milestone_correct(*, milestone: Milestone, title: str, due: date | None) -> Milestone:
    """Correct a milestone's wording or due date (its history keeps what it was)."""
    milestone.title = title.strip()
    milestone.due_date = due
    milestone.save(update_fields=["title", "due_date", "version"])
    return milestone


@transaction.atomic
def progress_update_correct(*, update: ProgressUpdate, narrative: str) -> ProgressUpdate:
    """Correct what a progress update says; its date, author, status and RAG stay as recorded."""
    update.narrative = clean_rich_text(narrative)
    update.save(update_fields=["narrative", "version"])
    return update


@transaction.atomic
def evidence_correct(
    *,
    evidence: Evidence,
    description: str,
    url: str = "",
    replacement: UploadedFile | None = None,
) -> Evidence:
    """Correct a piece of evidence: what it shows, its link, or (for a file) the file itself.

    A replaced file stays in storage: the history names it, and an officer can still see
    which file the evidence held before."""
    evidence.description = description.strip()
    if evidence.file:
        if replacement is not None:
            evidence.original_name = (replacement.name or "")[:255]
            evidence.file.save(replacement.name, replacement, save=False)
    else:
        if not url:
            raise ValidationError({"url": "Enter the link to the evidence"})
        evidence.url = url
    evidence.save()
    return evidence


@transaction.atomic
def workstream_update(*, workstream_id: int, data: dict) -> Workstream:
    """An officer's change to a workstream, run under ``core.concurrency.save_versioned`` (which
    checks and raises its version). A new summary of current position is dated today; saved
    unchanged, nothing is written."""
    workstream = Workstream.objects.select_for_update().get(pk=workstream_id)
    data = dict(data)
    for prose in ("current_position", "stated_rag_reason"):
        if prose in data:
            data[prose] = clean_rich_text(data[prose] or "")
    fields = [name for name, value in data.items() if getattr(workstream, name) != value]
    if not fields:
        return workstream
    for name in fields:
        setattr(workstream, name, data[name])
    if "current_position" in fields:
        workstream.current_position_date = today()
        fields.append("current_position_date")
    workstream.save(update_fields=fields)
    return workstream


@transaction.atomic
def risk_save(*, workstream: Workstream, data: dict, risk: Risk | None = None) -> Risk:
    """Add an entry to a workstream's risks and issues log, or change one.

    The owner (``data["owner_name"]``, as typed) is linked to the portal's account when one
    matches the name or email address, as an action's owner is; a free name is kept only
    when none does."""
    from .owners import AmbiguousOwner, match_owner

    risk = risk or Risk(workstream=workstream)
    data = dict(data)
    if "owner_name" in data:
        try:
            risk.owner_id, data["owner_name"] = match_owner(data["owner_name"])
        except AmbiguousOwner as exc:
            raise ValidationError({"owner_name": str(exc)}) from exc
    for field, value in data.items():
        setattr(risk, field, value)
    risk.save()
    risk.refresh_from_db(fields=["score"])
    return risk


def programme_action_create(
    *,
    workstream: Workstream,
    ref: str,
    title: str,
    owner_name: str = "",
    due_date: date | None = None,
) -> Action:
    """A new programme action in a workstream (a consultation's next step, a meeting's action
    arising); raises ValidationError with a plain-English message when the reference is taken.

    The owner is linked to the portal's account when one matches the name or email typed
    (as the importer does), so the action reaches their "My work" and reminders."""
    from .owners import AmbiguousOwner, match_owner

    try:
        owner_id, owner_name = match_owner(owner_name)
    except AmbiguousOwner as exc:
        raise ValidationError({"owner_name": str(exc)}) from exc
    if Action.objects.filter(programme_id=workstream.programme_id, ref=ref).exists():
        raise ValidationError(
            {"ref": f"The reference {ref} is already used in this programme. Enter another one."}
        )
    try:
        with transaction.atomic():
            return Action.objects.create(
                programme_id=workstream.programme_id,
                workstream=workstream,
                ref=ref,
                title=title,
                owner_id=owner_id,
                owner_name=owner_name,
                due_date=due_date,
            )
    except IntegrityError as exc:
        raise ValidationError(
            {"ref": f"The reference {ref} is already used in this programme. Enter another one."}
        ) from exc

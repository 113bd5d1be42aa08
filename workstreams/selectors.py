"""Reads for programmes, workstreams and actions. Querysets, bounded queries, no N+1.

The RAG shown for an action is computed in the database by ``rag_expression`` (the same rule as
``rag.effective_rag``, which the tests prove), so lists can filter, sort and count by it.
"""

from datetime import date
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
    Window,
    prefetch_related_objects,
)

from send_portal.core.dates import today
from send_portal.core.history import removed_history
from send_portal.core.permissions import reads_everything
from send_portal.core.rag import RAG, worst

from .models import Action, Evidence, Milestone, Programme, ProgressUpdate, Risk, Workstream
from .rag import is_overdue, roll_up
from .status import ActionStatus, progress_summary


def suggested_rag_expression(on: date) -> Case:
    """``rag.suggest_rag`` as a database expression."""
    return Case(
        When(status=ActionStatus.COMPLETED, then=Value(RAG.BLUE)),
        When(due_date__lt=on, then=Value(RAG.RED)),
        When(status=ActionStatus.NOT_STARTED, start_date__lt=on, then=Value(RAG.RED)),
        When(status=ActionStatus.NOT_STARTED, then=Value(RAG.GREY)),
        When(status=ActionStatus.BEHIND, then=Value(RAG.AMBER)),
        default=Value(RAG.GREEN),
        output_field=CharField(),
    )


def rag_expression(on: date) -> Case:
    """``rag.effective_rag`` as a database expression: the RAG shown for an action."""
    suggested = suggested_rag_expression(on)
    return Case(
        When(rag_override="", then=suggested),
        When(
            Q(rag_override=RAG.GREEN, due_date__lt=on) & ~Q(status=ActionStatus.COMPLETED),
            then=suggested,
        ),
        When(Q(rag_override=RAG.BLUE) & ~Q(status=ActionStatus.COMPLETED), then=suggested),
        default=F("rag_override"),
        output_field=CharField(),
    )


def overdue_expression(on: date) -> Case:
    return Case(
        When(Q(due_date__lt=on) & ~Q(status=ActionStatus.COMPLETED), then=Value(True)),
        default=Value(False),
    )


def with_rag(actions: QuerySet[Action], on: date | None = None) -> QuerySet[Action]:
    on = on or today()
    return actions.annotate(
        rag=rag_expression(on),
        suggested_rag=suggested_rag_expression(on),
        overdue=overdue_expression(on),
    )


def _area_filter(area_id: int) -> Q:
    through = Action.areas.through.objects
    touches = Exists(through.filter(action_id=OuterRef("pk"), area_id=area_id))
    county_wide = ~Exists(through.filter(action_id=OuterRef("pk")))
    return touches | county_wide


def actions_visible_to(user) -> QuerySet[Action]:
    """Every action for those who read everything; for a headteacher, the actions touching
    their own area and the county-wide ones; nothing for anyone else."""
    actions = Action.objects.all()
    if reads_everything(user):
        return actions
    area = getattr(user, "area", None) if user.is_authenticated else None
    if area is None:
        return actions.none()
    return actions.filter(_area_filter(area.pk))


def action_list(*, user, on: date | None = None) -> QuerySet[Action]:
    return (
        with_rag(actions_visible_to(user), on)
        .select_related("programme", "workstream", "owner")
        .prefetch_related("areas")
        .order_by("programme__start_date", "programme__name", "workstream__code", "ref")
    )


def my_actions(*, user, on: date | None = None) -> QuerySet[Action]:
    """The actions the person owns, overdue first, then by due date."""
    return (
        with_rag(Action.objects.filter(owner=user), on)
        .select_related("programme", "workstream", "owner")
        .prefetch_related("areas")
        .order_by("-overdue", F("due_date").asc(nulls_last=True), "ref")
    )


def programmes() -> QuerySet[Programme]:
    return Programme.objects.annotate(
        workstream_count=Count("workstreams", distinct=True),
        action_count=Count("actions", distinct=True),
    )


def action_progress_summary(actions: QuerySet[Action]) -> list[tuple[str, int]]:
    """``status.progress_summary`` of the actions, counted in the database."""
    return progress_summary(dict(actions.order_by().values_list("status").annotate(n=Count("pk"))))


def rag_roll_ups(actions: QuerySet[Action], on: date | None = None) -> dict[int, str | None]:
    """Each workstream's roll-up (``rag.roll_up``, the worst of its actions' RAGs), in one query."""
    rows = with_rag(actions, on).order_by().values_list("workstream_id", "rag")  # type: ignore[misc]  # rag is annotated
    by_workstream: dict[int, list[str]] = {}
    for workstream_id, rag in rows:
        by_workstream.setdefault(workstream_id, []).append(rag)
    return {pk: roll_up(rags) for pk, rags in by_workstream.items()}


def with_roll_ups(workstreams, on: date | None = None) -> list[Workstream]:
    """The workstreams, each with ``roll_up``: its RAG from ALL of its actions (whoever looks),
    by ``rag.roll_up``, the one function the snapshot and every report use too. One query."""
    workstreams = list(workstreams)
    rags = rag_roll_ups(Action.objects.filter(workstream__in=[w.pk for w in workstreams]), on)
    for workstream in workstreams:
        workstream.roll_up = rags.get(workstream.pk)
    return workstreams


def programme_overview(*, programme: Programme, user, on: date | None = None) -> dict:
    """The programme's figures (progress summary, roll-ups) count every action: a roll-up never
    hides a red. The action counts per workstream are those the person may open."""
    visible = actions_visible_to(user).filter(programme=programme)
    workstreams = with_roll_ups(
        programme.workstreams.select_related("lead")
        .prefetch_related("weaknesses")
        .annotate(visible_actions=Count("actions", filter=Q(actions__in=visible.values("pk")))),
        on,
    )
    return {
        "summary": action_progress_summary(Action.objects.filter(programme=programme)),
        "workstreams": workstreams,
        "overall_rag": worst(w.roll_up for w in workstreams),  # type: ignore[attr-defined]  # set by the roll-up
    }


def workstream_detail(*, slug: str, code: str, on: date | None = None) -> Workstream:
    """The workstream with its roll-up (``rag.roll_up`` over ALL its actions, as every page,
    snapshot and report has it) and what its page lists beside its actions."""
    workstream = (
        Workstream.objects.select_related("programme", "lead")
        .prefetch_related(
            "representatives",
            "weaknesses",
            Prefetch("risks", queryset=Risk.objects.select_related("owner")),
        )
        .get(programme__slug=slug, code=code)
    )
    return with_roll_ups([workstream], on)[0]


def first_rows(queryset: QuerySet, limit: int) -> tuple[list, int]:
    """The first ``limit`` rows and how many there are in all, in one query (a window count)."""
    rows = list(queryset.annotate(listed_total=Window(Count("pk")))[:limit])
    return rows, rows[0].listed_total if rows else 0


def workstream_actions(*, workstream: Workstream, user, on: date | None = None):
    return (
        with_rag(actions_visible_to(user).filter(workstream=workstream), on)
        .select_related("owner")
        .prefetch_related("areas")
        .order_by("ref")
    )


def _progress_updates() -> Prefetch:
    return Prefetch(
        "progress_updates",
        queryset=ProgressUpdate.objects.select_related("author").prefetch_related("evidence"),
    )


def action_detail(pk: int) -> Action:
    """The action with what its page shows."""
    return (
        Action.objects.select_related("programme", "workstream", "owner")
        .prefetch_related("areas", "weaknesses", "milestones", _progress_updates())
        .get(pk=pk)
    )


def is_overdue_action(action: Action, on: date | None = None) -> bool:
    return is_overdue(status=action.status, due=action.due_date, today=on or today())


def action_rag(action: Action, on: date | None = None) -> tuple[str, str]:
    """(RAG shown, RAG suggested) for one loaded action."""
    from .rag import effective_rag, suggest_rag

    on = on or today()
    args: dict[str, Any] = {
        "status": action.status,
        "start": action.start_date,
        "due": action.due_date,
    }
    return (
        effective_rag(**args, override=action.rag_override, today=on),
        suggest_rag(**args, today=on),
    )


# The changes the timeline shows, in plain words.
TRACKED_FIELDS = {
    "status": "Status",
    "rag_override": "RAG override",
    "rag_override_reason": "Reason for the override",
    "owner": "Owner",
    "owner_name": "Owner",
    "start_date": "Start date",
    "due_date": "Due date",
    "evidence_of_impact": "Evidence of impact",
    "title": "Title",
}


def display_value(field: str, value, users: dict | None = None) -> str:
    if value in (None, ""):
        return "(none)"
    if field == "status":
        return ActionStatus(value).label
    if field == "rag_override":
        return RAG(value).label
    if field == "owner":
        user = (users or {}).get(value)
        return user.full_name if user else "(someone no longer listed)"
    if isinstance(value, date):
        return f"{value:%-d %B %Y}"
    return str(value)


def action_timeline(action: Action, *, for_editor: bool = True) -> list[dict]:
    """Every recorded change (who, when, what) and every progress update, newest first.

    ``for_editor=False`` (headteachers, board members): no removed row nor any trace of one,
    and no corrections of progress updates or evidence (only what they say now)."""
    from send_portal.core.history import is_baseline
    from send_portal.core.models import User

    prefetch_related_objects([action], _progress_updates())  # nothing when already prefetched
    records = list(action.history.select_related("history_user").order_by("history_date"))
    owner_ids = {r.owner_id for r in records if r.owner_id}
    users = {u.pk: u for u in User.objects.filter(pk__in=owner_ids)} if owner_ids else {}
    entries = []
    previous = None
    for record in records:
        baseline = previous is None and is_baseline(record)
        if baseline:
            changes = [("The action as it stood when its history began", "", "")]
        elif previous is None:
            changes = [("Action created", "", "")]
        else:
            changes = []
            for field, label in TRACKED_FIELDS.items():
                attname = "owner_id" if field == "owner" else field
                old, new = getattr(previous, attname), getattr(record, attname)
                if old != new:
                    changes.append(
                        (label, display_value(field, old, users), display_value(field, new, users))
                    )
        if changes:
            entries.append(
                {
                    "kind": "change",
                    "when": record.history_date,
                    "who": record.history_user,
                    "changes": changes,
                    "baseline": baseline,
                }
            )
        previous = record
    for entry in _sub_record_entries(action, for_editor=for_editor):
        entries.append(entry)
    for update in action.progress_updates.all():
        entries.append(
            {
                "kind": "update",
                "when": update.created_at,
                "date": update.date,
                "who": update.author,
                "update": update,
            }
        )
    entries.sort(key=lambda e: e["when"], reverse=True)
    return entries


def _sub_subject(record) -> str:
    if record.instance_type is Milestone:
        return f"Milestone “{record.title}”"
    if record.instance_type is Evidence:
        return f"Evidence “{record.description or record.original_name or record.url}”"
    return f"Progress update of {record.date:%-d %B %Y}"


def _sub_record_entries(action: Action, *, for_editor: bool) -> list[dict]:
    """Timeline entries for the action's milestones, progress updates and evidence: who
    added, ticked, corrected, removed and put back each one, and when."""
    from django.urls import reverse

    from send_portal.core.history import history_of

    milestones = Milestone.history.filter(action_id=action.pk)
    updates = ProgressUpdate.history.filter(action_id=action.pk)
    evidence = Evidence.history.filter(progress_update_id__in=updates.values("id"))
    if for_editor:
        sources = [milestones, updates, evidence]
    else:  # only the history of milestones that are there (who ticked them, and when)
        sources = [milestones.filter(id__in=Milestone.objects.filter(action=action).values("id"))]
    entries = []
    evidence_kept: set[int] | None = None
    for entry in history_of(*sources, subject=_sub_subject):
        record: Any = entry.record  # a history record (django-simple-history)
        milestone = record.instance_type is Milestone
        if entry.action == "Created" and not milestone:
            continue  # the progress update and its evidence are in the timeline themselves
        if entry.baseline:
            continue  # the timeline shows its values from its first change (old → new)
        if not for_editor and entry.action in {"Removed", "Put back"}:
            continue
        changes = [(f"{entry.subject}: {label}", old, new) for label, old, new in entry.changes]
        if not changes:
            changes = [(f"{entry.subject} {entry.action.lower()}", "", "")]
        item = {
            "kind": "change",
            "when": entry.when,
            "who": entry.who,
            "changes": changes,
            "reason": entry.reason,
            "restore_url": entry.restore_url,
            "subject": entry.subject,
        }
        if entry.removed and record.instance_type is Evidence and record.file:
            if evidence_kept is None:
                evidence_kept = set(
                    Evidence.objects.filter(progress_update__action=action).values_list(
                        "pk", flat=True
                    )
                )
            if record.id not in evidence_kept:
                item["download_url"] = reverse(
                    "workstreams:evidence_download_removed", args=[record.id]
                )
        entries.append(item)
    return entries


def correction_history(record) -> list:
    """The history of a milestone, a progress update (with its evidence) or a piece of
    evidence, for its correction page."""
    from send_portal.core.history import history_of

    if isinstance(record, ProgressUpdate):
        return history_of(
            record.history.all(),
            Evidence.history.filter(progress_update_id=record.pk),
            subject=lambda r: _sub_subject(r) if r.instance_type is Evidence else "",
        )
    return history_of(record)


class NotRemoved(Exception):
    pass


def removed_evidence(pk: int):
    """(the history record of a removed piece of evidence, its action), for an officer."""
    if Evidence.objects.filter(pk=pk).exists():
        raise NotRemoved("This evidence is not removed")
    removed = (
        Evidence.history.filter(id=pk, history_type="-")
        .order_by("-history_date", "-history_id")
        .first()
    )
    if removed is None:
        raise NotRemoved("There is no removed evidence with that number")
    update = ProgressUpdate.objects.filter(pk=removed.progress_update_id).first()
    if update is None:  # removed with its progress update: the update's history names the action
        update = (
            ProgressUpdate.history.filter(id=removed.progress_update_id)
            .order_by("-history_date", "-history_id")
            .first()
        )
    action = Action.objects.filter(pk=update.action_id).first() if update else None
    if action is None:
        raise NotRemoved("The action this evidence was on is no longer there")
    return removed, action


def evidence_for_download(pk: int) -> Evidence:
    return Evidence.objects.select_related("progress_update__action").get(pk=pk)


def officers() -> QuerySet:
    """People who may own actions: LA officers and administrators."""
    from send_portal.core.models import User
    from send_portal.core.roles import Role

    return User.objects.filter(
        is_active=True, groups__name__in=[Role.OFFICER, Role.ADMINISTRATOR]
    ).distinct()


def workstream_history(workstream: Workstream) -> list:
    """Who changed the workstream (its position and stated RAG), its risks and issues and its
    monthly updates."""
    from send_portal.core.history import history_of

    from .models import MonthlyUpdate, Risk

    def subject(record) -> str:
        if record.instance_type is Risk:
            return f"{record.get_kind_display()} “{record.description[:60]}”"
        if record.instance_type is MonthlyUpdate:
            return f"Monthly update for {record.month:%B %Y}"
        return "Workstream"

    entries = history_of(
        Workstream.history.filter(id=workstream.pk),
        Risk.history.filter(workstream_id=workstream.pk),
        MonthlyUpdate.history.filter(workstream_id=workstream.pk),
        subject=subject,
    )
    # Its actions' removals (each action's own page has the rest of its history), with undo
    entries += removed_history(
        Action.history.filter(workstream_id=workstream.pk),
        subject=lambda r: f"Action {r.ref} “{r.title[:60]}”",
    )
    return sorted(entries, key=lambda e: e.when, reverse=True)


def removed_workstreams(programme: Programme) -> list:
    """The programme's workstreams that were removed (and not put back), with their undo."""
    return removed_history(
        Workstream.history.filter(programme_id=programme.pk),
        subject=lambda r: f"Workstream {r.code} “{r.title[:60]}”",
    )

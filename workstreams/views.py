"""Programmes, workstreams and actions. Thin: parse, call a service or selector, render."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from send_portal.core.concurrency import (
    VersionConflict,
    merge_after_conflict,
    merge_outside_change,
    submit_versioned,
)
from send_portal.core.dates import today
from send_portal.core.pages import add_service_errors, form_page, post_data
from send_portal.core.permissions import permission_required

from . import exports, selectors, services
from .filters import ActionFilter
from .forms import (
    UPDATE_SETS_WORKSTREAM,
    ActionForm,
    CreateMissingForm,
    EvidenceCorrectForm,
    ImportForm,
    MilestoneCorrectForm,
    MilestoneDoneForm,
    MilestoneForm,
    MonthlyUpdateForm,
    ProgressUpdateCorrectForm,
    ProgressUpdateForm,
    QuickStatusForm,
    RiskForm,
    WorkstreamForm,
    workstream_snapshot,
)
from .importer import COLUMNS, ImportFileError, import_actions
from .models import Action, Milestone, Programme, ProgressUpdate, Risk, Workstream
from .reporting import services as reporting_services
from .reporting.selectors import month_is_locked, update_month

PAGE_SIZE = 50
# The workstream page lists this many of its actions, then links to the action list.
WORKSTREAM_ACTIONS = 50
# Timeline entries (changes and progress updates) per page of an action's page.
TIMELINE_PAGE_SIZE = 20


def _programme(request, slug: str) -> Programme:
    return get_object_or_404(Programme, slug=slug)


def _workstream(request, slug: str, code: str, **kwargs) -> Workstream:
    try:
        return selectors.workstream_detail(slug=slug, code=code)
    except Workstream.DoesNotExist as exc:
        raise Http404("No such workstream") from exc


def _action(request, pk: int, **kwargs) -> Action:
    try:
        return selectors.action_detail(pk)
    except Action.DoesNotExist as exc:
        raise Http404("No such action") from exc


def _evidence(request, pk: int):
    try:
        evidence = selectors.evidence_for_download(pk)
    except Exception as exc:
        raise Http404("No such evidence") from exc
    request.evidence = evidence
    return evidence.progress_update.action


def _removed_evidence(request, pk: int):
    try:
        request.removed_evidence, action = selectors.removed_evidence(pk)
    except selectors.NotRemoved as exc:
        raise Http404(str(exc)) from exc
    return action


@permission_required("workstreams.view_programme")
@require_safe
def programme_list(request):
    return render(
        request, "workstreams/programme_list.html", {"programmes": selectors.programmes()}
    )


@permission_required("workstreams.view_programme", get_object=_programme)
@require_safe
def programme_detail(request, slug: str):
    programme = request.permission_object
    overview = selectors.programme_overview(programme=programme, user=request.user)
    can_remove = request.user.has_perm("workstreams.change_workstream")
    removed = selectors.removed_workstreams(programme) if can_remove else None
    return render(
        request,
        "workstreams/programme_detail.html",
        {"programme": programme, "removed": removed, **overview},
    )


@permission_required("workstreams.view_workstream", get_object=_workstream)
def workstream_detail(request, slug: str, code: str):
    workstream = request.permission_object
    status = 200
    actions, action_count = selectors.first_rows(
        selectors.workstream_actions(workstream=workstream, user=request.user), WORKSTREAM_ACTIONS
    )
    # The month updates are collected for: last month until it is locked, then this one.
    month, _period = update_month(on=today())
    form = conflict = None
    conflict_noun = "monthly update"
    recent_updates = list(workstream.monthly_updates.select_related("submitted_by")[:6])
    if request.user.has_perm("workstreams.submit_monthly_update", workstream):
        existing = next((u for u in recent_updates if u.month == month), None)
        if request.method == "POST":
            # An update already submitted for the month is edited with the version check: a
            # form opened before someone else submitted or changed it is refused and merged.
            form = _monthly_update_form(request.POST, existing, month, workstream)
            if form.is_valid():
                data = {name: form.cleaned_data[name] for name in MonthlyUpdateForm.Meta.fields}
                posted_month = form.cleaned_data["month"].replace(day=1)

                def submit(_form, first=False):
                    return reporting_services.monthly_update_submit(
                        workstream=workstream, month=month, data=data, by=request.user,
                        first=first,
                        workstream_version=(_form.workstream_seen() or {}).get("version"),
                    )  # fmt: skip

                def merged(r, d=None):  # after a refusal: the workstream as it is now
                    now = Workstream.objects.get(pk=workstream.pk)
                    return _monthly_update_form(d, r, month, now)

                try:
                    if posted_month != month:  # the form was for a month since locked
                        raise reporting_services.MonthLocked(
                            posted_month, locked=month_is_locked(posted_month)
                        )
                    if existing is None:
                        try:
                            submit(form, first=True)
                        except reporting_services.UpdateAlreadySubmitted as exc:
                            # A colleague submitted the month's first update in the meantime:
                            # refused and merged with theirs, as any later edit would be.
                            existing = exc.update
                            form = _monthly_update_form(request.POST, existing, month, workstream)
                            form.is_valid()
                            _saved, form, conflict = submit_versioned(form, merged, submit)
                    else:
                        _saved, form, conflict = submit_versioned(form, merged, submit)
                except reporting_services.WorkstreamChanged as exc:
                    # An officer changed the workstream's position or stated RAG meanwhile.
                    form, conflict = _merged_with_workstream(form, exc.workstream, existing, month)
                    conflict_noun = "workstream"
                except reporting_services.MonthLocked as exc:
                    month, _period = update_month(on=today())
                    existing = next((u for u in recent_updates if u.month == month), None)
                    form = _refused_update_form(request, exc, month, existing, workstream)
                else:
                    if conflict is None:
                        messages.success(
                            request,
                            f"Your update for {month:%B %Y} on workstream {workstream.code} "
                            "is saved",
                        )
                        return redirect(request.path)
            status = 409 if conflict else 400
        else:
            initial = {"month": month}
            if existing is None:
                initial.update(
                    current_position=workstream.current_position,
                    rag=workstream.stated_rag or None,
                    rag_reason=workstream.stated_rag_reason,
                )
            form = _monthly_update_form(None, existing, month, workstream, initial=initial)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "workstreams/workstream_detail.html",
        {
            "workstream": workstream,
            "programme": workstream.programme,
            "actions": actions,
            "action_count": action_count,
            "roll_up": workstream.roll_up,
            "form": form,
            "month": month,
            "recent_updates": recent_updates,
            "history": selectors.workstream_history(workstream)
            if request.user.has_perm("workstreams.change_risk", workstream)
            else None,
            "conflict": conflict,
            "conflict_noun": conflict_noun,
        },
        status=status,
    )


@permission_required("workstreams.change_workstream", get_object=_workstream)
def workstream_edit(request, slug: str, code: str):
    """An officer changes the workstream's title, lead, position or stated RAG; a save based on
    an old copy (an officer's edit or the lead's monthly update since) is refused and merged."""
    workstream = request.permission_object
    page = reverse("workstreams:workstream_detail", args=[workstream.programme.slug, code])

    def make(record, data=None):
        return WorkstreamForm(data, instance=record)

    def save(form):
        services.workstream_update(
            workstream_id=workstream.pk,
            data={name: form.cleaned_data[name] for name in WorkstreamForm.Meta.fields},
        )
        messages.success(request, f"Workstream {workstream.code} saved")
        return page

    return form_page(
        request,
        make(workstream, post_data(request)),
        title=f"Change workstream {workstream.code}",
        caption=workstream.programme.name,
        back_url=page,
        on_valid=save,
        make=make,
    )


def _monthly_update_form(
    data, update, month: date, workstream: Workstream, initial=None
) -> MonthlyUpdateForm:
    """The month's update form: a new one, or the submitted ``update`` to edit."""
    return MonthlyUpdateForm(
        data, instance=update, workstream=workstream, initial={**(initial or {}), "month": month}
    )


def _merged_with_workstream(form: MonthlyUpdateForm, now: Workstream, update, month: date):
    """The lead's update shown again after an officer changed the workstream's position or
    stated RAG meanwhile: theirs where the lead left a field as it was, the lead's (with theirs
    beside it) where both changed it; the lead's other text kept."""
    seen = form.workstream_seen() or {}
    conflict = VersionConflict(current=now)

    def make(data):
        # Shown now: the next submission is checked against the workstream as it is now.
        data[form.add_prefix("workstream_base")] = workstream_snapshot(now)
        return _monthly_update_form(data, update, month, now)

    merged = merge_outside_change(
        form,
        make,
        conflict,
        seen={name: seen.get(field) for name, field in UPDATE_SETS_WORKSTREAM.items()},
        now={name: getattr(now, field) for name, field in UPDATE_SETS_WORKSTREAM.items()},
    )
    return merged, conflict


def _refused_update_form(
    request, refused: reporting_services.MonthLocked, month: date, instance, workstream
) -> MonthlyUpdateForm:
    """The lead's text kept in the form, now for ``month``, with why nothing was saved."""
    data = request.POST.copy()
    data["month"] = month.isoformat()
    form = _monthly_update_form(data, instance, month, workstream)
    form.is_valid()
    if refused.locked:
        why = (
            f"{refused.month:%B %Y} is locked, so this update was not saved: its reports are "
            "built from the snapshot taken when it was locked."
        )
    else:
        why = f"Updates are not collected for {refused.month:%B %Y}, so this was not saved."
    form.add_error(
        None,
        f"{why} The update can go into {month:%B %Y}: your text is kept below, check it and "
        "submit it again.",
    )
    return form


def _filtered_actions(request):
    actions = selectors.action_list(user=request.user)
    return ActionFilter(request.GET or None, queryset=actions, request=request)


@permission_required("workstreams.list_actions")
@require_safe
def action_list(request):
    action_filter = _filtered_actions(request)
    paginator = Paginator(action_filter.qs, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "workstreams/action_list.html",
        {
            "filter": action_filter,
            "page": page,
            "query": query.urlencode(),
            "paginator": paginator,
        },
    )


@permission_required("workstreams.list_actions")
@require_safe
def action_export(request, fmt: str):
    actions = _filtered_actions(request).qs
    name = f"actions-{today():%Y-%m-%d}"
    if fmt == "csv":
        response = HttpResponse(exports.to_csv(actions), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    response = HttpResponse(
        exports.to_xlsx(actions),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@permission_required("workstreams.view_my_actions")
@require_safe
def my_actions(request):
    actions = selectors.my_actions(user=request.user)
    paginator = Paginator(actions, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "workstreams/my_actions.html", {"page": page, "paginator": paginator})


def _action_context(request, action: Action, **extra) -> dict:
    rag, suggested = selectors.action_rag(action)
    can_change = request.user.has_perm("workstreams.change_action", action)
    context = {
        "action": action,
        "rag": rag,
        "suggested_rag": suggested,
        "overdue": selectors.is_overdue_action(action),
        "can_change": can_change,
    }
    timeline = Paginator(
        selectors.action_timeline(action, for_editor=can_change), TIMELINE_PAGE_SIZE
    )
    context["timeline_page"] = timeline.get_page(request.GET.get("page"))
    context["timeline"] = context["timeline_page"].object_list
    context["timeline_paginator"] = timeline
    # Each milestone's tick button carries its version (and what it showed).
    context["milestones"] = [
        (m, MilestoneDoneForm(record=m, auto_id=False) if can_change else None)
        for m in action.milestones.all()
    ]
    if can_change and "status_form" not in extra:
        context["status_form"] = QuickStatusForm(
            action=action, initial={"status": action.status, "version": action.version}
        )
    context.update(extra)
    return context


@permission_required("workstreams.view_action", get_object=_action)
@require_safe
def action_detail(request, pk: int):
    action = request.permission_object
    return render(request, "workstreams/action_detail.html", _action_context(request, action))


@permission_required("workstreams.change_action", get_object=_action)
@require_POST
def action_status(request, pk: int):
    """The quick status update: a plain form; with htmx, only the status panel is replaced."""
    action = request.permission_object
    form = QuickStatusForm(request.POST, action=action)
    conflict = None
    if form.is_valid():
        try:
            services.action_set_status(
                action_id=action.pk,
                expected_version=form.cleaned_data["version"],
                status=form.cleaned_data["status"],
                by=request.user,
            )
        except services.ActionConflict as exc:
            conflict = exc
            form = QuickStatusForm(
                action=exc.current,
                initial={"status": form.cleaned_data["status"], "version": exc.current.version},
            )
        except ValidationError as exc:
            form.add_error("status", " ".join(exc.messages))
        else:
            message = f"Status of {action.ref} updated"
            if not request.htmx:
                messages.success(request, message)
                return redirect("workstreams:action_detail", pk=action.pk)
            action = selectors.action_detail(action.pk)
            return render(
                request,
                "workstreams/_status_panel.html",
                _action_context(request, action, saved_message=message),
            )
    action = selectors.action_detail(action.pk)
    context = _action_context(request, action, status_form=form, conflict=conflict)
    template = (
        "workstreams/_status_panel.html" if request.htmx else "workstreams/action_detail.html"
    )
    return render(request, template, context, status=200 if request.htmx else 400)


@permission_required("workstreams.change_action", get_object=_action)
def action_edit(request, pk: int):
    action = request.permission_object
    conflict = None

    def make(record, data=None):
        return ActionForm(data, instance=record)

    if request.method == "POST":
        form = make(Action.objects.get(pk=action.pk), request.POST)
        if form.is_valid():
            try:
                services.action_update(
                    action_id=action.pk,
                    expected_version=form.cleaned_data["version"],
                    data=form.changed_data_for_service(),
                    by=request.user,
                )
            except services.ActionConflict as exc:
                # Their saved values where this officer changed nothing, this officer's where
                # they did, both shown where both changed the same field.
                conflict = VersionConflict(current=exc.current)
                form = merge_after_conflict(form, make, conflict)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, f"Action {action.ref} saved")
                return redirect("workstreams:action_detail", pk=action.pk)
    else:
        form = ActionForm(instance=action)
    rag, suggested = selectors.action_rag(action)
    return render(
        request,
        "workstreams/action_edit.html",
        {
            "action": action,
            "form": form,
            "conflict": conflict,
            "rag": rag,
            "suggested_rag": suggested,
        },
        status=409 if conflict else (400 if form.errors else 200),
    )


@permission_required("workstreams.add_progress_update", get_object=_action)
def progress_update_new(request, pk: int):
    action = request.permission_object
    if request.method == "POST":
        form = ProgressUpdateForm(request.POST, request.FILES)
        if form.is_valid():
            link = form.cleaned_data["link"]
            services.progress_update_create(
                action=action,
                narrative=form.cleaned_data["narrative"],
                by=request.user,
                links=[(link, form.cleaned_data["link_description"])] if link else [],
                files=form.cleaned_data["files"],
            )
            messages.success(request, f"Progress update on {action.ref} added")
            return redirect("workstreams:action_detail", pk=action.pk)
    else:
        form = ProgressUpdateForm()
    return render(
        request,
        "workstreams/progress_update_form.html",
        {"action": action, "form": form},
        status=400 if form.errors else 200,
    )


@permission_required("workstreams.change_action", get_object=_action)
def milestone_new(request, pk: int):
    action = request.permission_object
    form = MilestoneForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.milestone_add(
            action=action, title=form.cleaned_data["title"], due=form.cleaned_data["due_date"]
        )
        messages.success(request, f"Milestone added to {action.ref}")
        return redirect("workstreams:action_detail", pk=action.pk)
    return render(
        request,
        "workstreams/milestone_form.html",
        {"action": action, "form": form},
        status=400 if form.errors else 200,
    )


@permission_required("workstreams.change_action", get_object=_action)
def milestone_done(request, pk: int, milestone_pk: int):
    """Tick or untick a milestone (the action's page posts here; GET shows the form alone).
    Refused, and shown again merged, when someone changed the milestone meanwhile."""
    action = request.permission_object
    milestone = get_object_or_404(action.milestones.all(), pk=milestone_pk)

    def make(record, data=None):
        return MilestoneDoneForm(data, record=record)

    def save(form):
        return services.milestone_set_done(milestone=form.record, done=form.is_done())

    form, conflict = make(milestone, request.POST if request.method == "POST" else None), None
    if request.method == "POST" and form.is_valid():
        saved, form, conflict = submit_versioned(form, make, save)
        if conflict is None:
            done = "done" if saved.done else "not done"
            messages.success(request, f"Milestone marked {done}: {saved.title}")
            return redirect("workstreams:action_detail", pk=action.pk)
    return render(
        request,
        "workstreams/milestone_done.html",
        {
            "action": action,
            "milestone": milestone,
            "form": form,
            "conflict": conflict,
            "conflict_noun": "milestone",
        },
        status=409 if conflict else (400 if form.errors else 200),
    )


def _correction_page(
    request, action: Action, record, form, make, save, *, title: str, refused=None, **extra
):
    """The page that corrects a record on an action (a milestone, a progress update, a piece
    of evidence): a version check on save, the merged form when refused, its history.
    ``refused(submitted, merged)`` may add to the merged form what it cannot carry over."""
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            submitted = form
            _saved, form, conflict = submit_versioned(form, make, save)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if conflict is not None and refused is not None:
                refused(submitted, form)
            if conflict is None:
                messages.success(request, f"{title} on {action.ref}: saved")
                return redirect("workstreams:action_detail", pk=action.pk)
    return render(
        request,
        "workstreams/correction_form.html",
        {
            "action": action,
            "record": record,
            "form": form,
            "conflict": conflict,
            "title": title,
            "history": selectors.correction_history(record),
            **extra,
        },
        status=409 if conflict else (400 if form.errors else 200),
    )


@permission_required("workstreams.change_action", get_object=_action)
def milestone_edit(request, pk: int, milestone_pk: int):
    action = request.permission_object
    milestone = get_object_or_404(Milestone, action=action, pk=milestone_pk)

    def make(record, data=None):
        return MilestoneCorrectForm(data, instance=record)

    def save(form):
        return services.milestone_correct(
            milestone=form.instance,
            title=form.cleaned_data["title"],
            due=form.cleaned_data["due_date"],
        )

    form = make(milestone, request.POST if request.method == "POST" else None)
    return _correction_page(
        request, action, milestone, form, make, save,
        title="Change a milestone", conflict_noun="milestone", remove_kind="milestone",
    )  # fmt: skip


@permission_required("workstreams.add_progress_update", get_object=_action)
def progress_update_edit(request, pk: int, update_pk: int):
    action = request.permission_object
    update = get_object_or_404(ProgressUpdate, action=action, pk=update_pk)

    def make(record, data=None):
        return ProgressUpdateCorrectForm(data, instance=record)

    def save(form):
        return services.progress_update_correct(
            update=form.instance, narrative=form.cleaned_data["narrative"]
        )

    form = make(update, request.POST if request.method == "POST" else None)
    return _correction_page(
        request, action, update, form, make, save,
        title="Correct a progress update", conflict_noun="progress update",
        remove_kind="progress-update",
    )  # fmt: skip


@permission_required("workstreams.add_progress_update", get_object=_evidence)
def evidence_edit(request, pk: int):
    action = request.permission_object
    evidence = request.evidence

    def make(record, data=None, files=None):
        return EvidenceCorrectForm(data, files, instance=record)

    def save(form):
        return services.evidence_correct(
            evidence=form.instance,
            description=form.cleaned_data.get("description") or "",
            url=form.cleaned_data.get("url") or "",
            replacement=form.cleaned_data.get("replacement"),
        )

    def refused(submitted, merged):
        if submitted.cleaned_data.get("replacement"):  # a browser cannot be sent a file back
            merged.add_error(
                "replacement",
                "Choose the replacement file again: it was not saved, because someone else "
                "changed this evidence while you were working on it",
            )

    posted = request.method == "POST"
    form = make(evidence, request.POST if posted else None, request.FILES if posted else None)
    return _correction_page(
        request, action, evidence, form, make, save, refused=refused,
        title="Correct a piece of evidence", conflict_noun="evidence", remove_kind="evidence",
    )  # fmt: skip


def _risk_page(request, workstream: Workstream, risk: Risk | None):
    def make(record, data=None):
        return RiskForm(data, instance=record)

    def save(form):
        return services.risk_save(
            workstream=workstream,
            risk=form.instance if risk else None,
            data={name: form.cleaned_data[name] for name in RiskForm.Meta.fields},
        )

    form, conflict = make(risk, request.POST if request.method == "POST" else None), None
    if request.method == "POST" and form.is_valid():
        if risk is None:
            save(form)
        else:
            _saved, form, conflict = submit_versioned(form, make, save)
        if conflict is None:
            messages.success(request, f"Risks and issues log of workstream {workstream.code} saved")
            return redirect(
                "workstreams:workstream_detail",
                slug=workstream.programme.slug,
                code=workstream.code,
            )
    return render(
        request,
        "workstreams/risk_form.html",
        {"workstream": workstream, "risk": risk, "form": form, "conflict": conflict},
        status=409 if conflict else (400 if form.errors else 200),
    )


@permission_required("workstreams.change_risk", get_object=_workstream)
def risk_new(request, slug: str, code: str):
    return _risk_page(request, request.permission_object, None)


@permission_required("workstreams.change_risk", get_object=_workstream)
def risk_edit(request, slug: str, code: str, risk_pk: int):
    workstream = request.permission_object
    risk = get_object_or_404(Risk, pk=risk_pk, workstream=workstream)
    return _risk_page(request, workstream, risk)


@permission_required("workstreams.view_action", get_object=_evidence)
@require_safe
def evidence_download(request, pk: int):
    evidence = request.evidence
    if not evidence.file:
        raise Http404("This evidence is a link, not a file")
    name = evidence.original_name or evidence.file.name.rsplit("/", 1)[-1]
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=name)


@permission_required("workstreams.view_removed_evidence", get_object=_removed_evidence)
@require_safe
def evidence_download_removed(request, pk: int):
    """A removed file, for an officer reading the history (nobody else can reach it)."""
    removed = request.removed_evidence
    if not removed.file:
        raise Http404("This evidence was a link, not a file")
    name = removed.original_name or removed.file.rsplit("/", 1)[-1]
    from django.core.files.storage import default_storage

    if not default_storage.exists(removed.file):
        raise Http404("The removed file is no longer kept")
    return FileResponse(default_storage.open(removed.file, "rb"), as_attachment=True, filename=name)


@permission_required("workstreams.import_actions")
def action_import(request):
    """Upload a spreadsheet of actions. When it names a programme the portal does not have,
    offer to make it (its kind, and for a plan that answers an inspection, the framework and
    first day), show a preview of what will be created and changed, then import."""
    import base64
    import binascii

    result = None
    file_error = None
    create_form = None
    step = request.POST.get("step", "") if request.method == "POST" else ""
    form = ImportForm()
    if step in ("preview", "confirm"):
        create_form = CreateMissingForm(request.POST)
        if create_form.is_valid():
            try:
                data = base64.b64decode(create_form.cleaned_data["data"], validate=True)
            except (binascii.Error, ValueError):
                data = b""
            file_name = create_form.cleaned_data["file_name"]
            try:
                result = import_actions(
                    name=file_name,
                    data=data,
                    by=request.user,
                    create_missing=create_form.create_missing(),
                    preview=step == "preview",
                )
            except ImportFileError as exc:
                create_form.add_error(None, f"{exc}. Nothing was imported")
            else:
                if result.ok and step == "confirm":
                    made = len(result.programmes_created)
                    messages.success(
                        request,
                        f"Imported {file_name}: {made} programme{'s' if made != 1 else ''} "
                        f"created, {result.created} actions added, {result.updated} updated, "
                        f"{result.workstreams_created} workstreams added",
                    )
                    return redirect(reverse("workstreams:action_list"))
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read()
            try:
                result = import_actions(name=upload.name, data=data, by=request.user)
            except ImportFileError as exc:
                file_error = str(exc)
                form.add_error("file", f"{exc}. Nothing was imported")
            else:
                if result.ok:
                    messages.success(
                        request,
                        f"Imported {upload.name}: {result.created} actions added, "
                        f"{result.updated} updated, {result.workstreams_created} workstreams "
                        "added",
                    )
                    return redirect(reverse("workstreams:action_list"))
                if result.missing_programmes:
                    create_form = CreateMissingForm(
                        initial={
                            "data": base64.b64encode(data).decode(),
                            "file_name": upload.name,
                        }
                    )
                form.add_error(
                    "file",
                    f"{len(result.problems)} problem{'s' if len(result.problems) != 1 else ''} "
                    "found in the file. Nothing was imported: correct the rows listed below "
                    "and upload the file again",
                )
    has_errors = form.errors or (create_form is not None and create_form.errors)
    return render(
        request,
        "workstreams/action_import.html",
        {
            "form": form,
            "result": result,
            "file_error": file_error,
            "columns": COLUMNS,
            "create_form": create_form,
            "step": step,
        },
        status=400 if has_errors else 200,
    )

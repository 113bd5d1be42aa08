"""The inspection's page (its timeline names the plans answering it) and a finding's pages (the
weakness page, the readiness narrative and its PDF: the workstreams and actions answering it)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_safe

from inspections import selectors as inspection_selectors
from inspections.models import AreaOfWeakness, Inspection
from inspections.rag import AMBER_BAND
from send_portal.core.permissions import permission_required

from ..status import progress_summary
from . import selectors

VIEW = "inspections.view_inspections"


def _inspection(request, pk: int) -> Inspection:
    return get_object_or_404(Inspection, pk=pk)


def _weakness(request, pk: int) -> AreaOfWeakness:
    return get_object_or_404(AreaOfWeakness.objects.select_related("inspection"), pk=pk)


def _rule_context() -> dict:
    return {"amber_band_percent": int(AMBER_BAND * 100)}


@permission_required(VIEW, get_object=_inspection)
@require_safe
def inspection_detail(request, pk: int):
    inspection = inspection_selectors.inspection_with_findings(pk)
    events = selectors.inspection_timeline(inspection)
    today = timezone.localdate()
    for event in events:
        if event.milestone:
            event.state_text = inspection_selectors.milestone_state_text(event.milestone, today)
    return render(
        request,
        "inspections/inspection_detail.html",
        {
            "inspection": inspection,
            "events": events,
            "finding_groups": [
                ("Areas for priority action", AreaOfWeakness.Kind.PRIORITY_ACTION),
                ("Areas for improvement", AreaOfWeakness.Kind.IMPROVEMENT),
            ],
        },
    )


def _weakness_context(request, pk: int) -> dict:
    area_ids = inspection_selectors.visible_area_ids(request.user)
    weakness = selectors.weakness_detail(pk, area_ids=area_ids)
    today = timezone.localdate()
    milestones = list(weakness.milestones.all())
    for milestone in milestones:
        milestone.state_text = inspection_selectors.milestone_state_text(milestone, today)
    actions = selectors.action_lines(weakness, today)
    statuses = [line.action.status for line in actions]
    return {
        "weakness": weakness,
        "progress_summary": progress_summary(statuses),
        "evidence_count": sum(1 for line in actions if line.action.evidence_of_impact),
        "inspection": weakness.inspection,
        "workstreams": list(weakness.workstreams.all()),
        "actions": actions,
        "judgements": list(weakness.judgements.all()),
        "milestones": milestones,
        "summaries": [
            inspection_selectors.indicator_summary(indicator, area_ids=area_ids)
            for indicator in weakness.indicators.all()
        ],
        "today": today,
        **_rule_context(),
    }


@permission_required(VIEW, get_object=_weakness)
@require_safe
def weakness_detail(request, pk: int):
    """The weakness at a glance: its first actions and pieces of evidence (counted in the
    database), its indicators as one table; the readiness narrative and each indicator's page
    have everything."""
    area_ids = inspection_selectors.visible_area_ids(request.user)
    weakness = selectors.weakness_detail(
        pk, area_ids=area_ids, with_actions=False, periods=2, local_only=True
    )
    counts = selectors.weakness_action_counts(weakness, area_ids=area_ids)
    today = timezone.localdate()
    milestones = list(weakness.milestones.all())
    for milestone in milestones:
        milestone.state_text = inspection_selectors.milestone_state_text(milestone, today)
    actions = selectors.action_lines(
        weakness,
        today,
        selectors.weakness_actions(
            weakness, area_ids=area_ids, limit=selectors.WEAKNESS_PAGE_ACTIONS
        ),
    )
    return render(
        request,
        "inspections/weakness_detail.html",
        {
            "weakness": weakness,
            "action_count": counts.total,
            "evidence_count": counts.with_evidence,
            "evidence_lines": [line for line in actions if line.action.evidence_of_impact][
                : selectors.WEAKNESS_PAGE_EVIDENCE
            ],
            "inspection": weakness.inspection,
            "workstreams": list(weakness.workstreams.all()),
            "actions": actions,
            "judgements": list(weakness.judgements.all()),
            "milestones": milestones,
            "summaries": [
                inspection_selectors.indicator_summary(indicator, area_ids=area_ids, charts=False)
                for indicator in weakness.indicators.all()
            ],
            "today": today,
            **_rule_context(),
        },
    )


@permission_required(VIEW, get_object=_weakness)
@require_safe
def weakness_readiness(request, pk: int):
    return render(request, "inspections/readiness.html", _weakness_context(request, pk))


@permission_required(VIEW, get_object=_weakness)
@require_safe
def weakness_readiness_pdf(request, pk: int):
    from send_portal.core.pdf import render_pdf  # WeasyPrint loads on import: only when needed

    context = _weakness_context(request, pk)
    pdf = render_pdf(render_to_string("inspections/readiness_pdf.html", context))
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"readiness-{context['inspection'].local_area.lower()}-weakness-{context['weakness'].number}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

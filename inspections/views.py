"""Inspections, areas of weakness, key indicators of impact and inspection readiness."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from send_portal.core.concurrency import submit_versioned
from send_portal.core.pages import add_service_errors
from send_portal.core.permissions import permission_required

from . import selectors, services
from .catalogue import CATALOGUE
from .forms import (
    CatalogueIndicatorForm,
    EngagementMeetingForm,
    IndicatorForm,
    IndicatorUploadForm,
    IndicatorValueForm,
    JudgementForm,
    MilestoneForm,
    NeighbourWorkbookForm,
    OfficialValuesForm,
)
from .imports import COLUMNS
from .models import AreaOfWeakness, Indicator, Inspection, MonitoringMilestone
from .periods import EXAMPLES
from .rag import AMBER_BAND

VIEW = "inspections.view_inspections"
EDIT_INDICATORS = "inspections.edit_indicators"


def _weakness(request, pk: int) -> AreaOfWeakness:
    return get_object_or_404(AreaOfWeakness.objects.select_related("inspection"), pk=pk)


def _indicator(request, pk: int, **kwargs) -> Indicator:
    return get_object_or_404(Indicator.objects.select_related("weakness__inspection"), pk=pk)


def _revisit_weakness(request, pk: int, weakness_pk: int) -> tuple[Inspection, AreaOfWeakness]:
    revisit = get_object_or_404(
        Inspection,
        pk=pk,
        kind__in=[Inspection.Kind.REVISIT, Inspection.Kind.MONITORING_INSPECTION],
    )
    weakness = get_object_or_404(
        AreaOfWeakness, pk=weakness_pk, inspection_id=revisit.revisit_of_id
    )
    return revisit, weakness


def _milestone(request, pk: int) -> MonitoringMilestone:
    return get_object_or_404(MonitoringMilestone.objects.select_related("inspection"), pk=pk)


def _posted(request):
    """The submitted data on POST (bound even when empty), None otherwise."""
    return request.POST if request.method == "POST" else None


INDICATOR_PAGE_SIZE = 50


def _rule_context() -> dict:
    return {"amber_band_percent": int(AMBER_BAND * 100)}


@permission_required(VIEW)
@require_safe
def inspection_list(request):
    return render(
        request, "inspections/inspection_list.html", {"inspections": selectors.inspection_list()}
    )


def _inspection_2023(request, pk: int) -> Inspection:
    return get_object_or_404(Inspection, pk=pk, framework=Inspection.Framework.F2023)


@permission_required("inspections.edit_milestones", get_object=_inspection_2023)
def engagement_meeting_add(request, pk: int):
    inspection = request.permission_object
    form = EngagementMeetingForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        meeting = services.engagement_meeting_record(
            inspection=inspection,
            on=form.cleaned_data["date"],
            notes=form.cleaned_data["notes"],
        )
        messages.success(request, f"“{meeting.title}” was recorded.")
        return redirect("inspections:inspection_detail", pk=inspection.pk)
    return render(
        request,
        "inspections/engagement_meeting_form.html",
        {"inspection": inspection, "form": form},
    )


@permission_required(VIEW)
@require_safe
def indicator_list(request):
    """A row for each indicator (RAG, latest value, trend, target), a page at a time; the
    charts and the figures by area are on each indicator's own page."""
    indicators = selectors.indicator_list(periods=2, local_only=True)  # latest and trend only
    page = Paginator(indicators, INDICATOR_PAGE_SIZE).get_page(request.GET.get("page"))
    summaries = [
        selectors.indicator_summary(indicator, charts=False) for indicator in page.object_list
    ]
    return render(
        request,
        "inspections/indicator_list.html",
        {
            "summaries": summaries,
            "page": page,
            "removed": selectors.removed_indicators()
            if request.user.has_perm(EDIT_INDICATORS)
            else None,
            **_rule_context(),
        },
    )


@permission_required(VIEW, get_object=_indicator)
@require_safe
def indicator_detail(request, pk: int):
    indicator = selectors.indicator_detail(pk)
    summary = selectors.indicator_summary(
        indicator, area_ids=selectors.visible_area_ids(request.user)
    )
    return render(
        request,
        "inspections/indicator_detail.html",
        {
            "indicator": indicator,
            "summary": summary,
            "history": selectors.indicator_history(indicator)
            if request.user.has_perm(EDIT_INDICATORS)
            else None,
            "recorded_values": indicator.values.select_related("area").order_by(
                "-period_start", "area__name"
            )
            if request.user.has_perm(EDIT_INDICATORS)
            else None,
            **_rule_context(),
        },
    )


@permission_required(EDIT_INDICATORS, get_object=_weakness)
def indicator_add(request, pk: int):
    weakness = request.permission_object
    form = IndicatorForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        indicator = services.indicator_create(weakness=weakness, **form.cleaned_data)
        messages.success(request, f"The indicator “{indicator.name}” was added.")
        return redirect("inspections:indicator_detail", pk=indicator.pk)
    return render(
        request,
        "inspections/indicator_form.html",
        {"form": form, "weakness": weakness, "indicator": None},
    )


@permission_required(EDIT_INDICATORS, get_object=_indicator)
def indicator_edit(request, pk: int):
    indicator = request.permission_object

    def make(record, data=None):
        return IndicatorForm(data, instance=record)

    form, conflict = make(indicator, _posted(request)), None
    if request.method == "POST" and form.is_valid():
        _saved, form, conflict = submit_versioned(
            form,
            make,
            lambda f: services.indicator_update(indicator=f.instance, **f.edited_data()),
        )
        if conflict is None:
            messages.success(request, f"The indicator “{indicator.name}” was saved.")
            return redirect("inspections:indicator_detail", pk=indicator.pk)
    return render(
        request,
        "inspections/indicator_form.html",
        {
            "form": form,
            "weakness": indicator.weakness,
            "indicator": indicator,
            "conflict": conflict,
        },
        status=409 if conflict else 200,
    )


@permission_required(EDIT_INDICATORS, get_object=_indicator)
def indicator_value_add(request, pk: int):
    indicator = request.permission_object
    form = IndicatorValueForm(_posted(request), indicator=indicator)
    if request.method == "POST" and form.is_valid():
        period = form.cleaned_data["period"]
        _value, created = services.indicator_value_record(
            indicator=indicator,
            period=period.label,
            period_start=period.start,
            value=form.cleaned_data["value"],
            region=form.cleaned_data["region"],
            statistical_neighbours=form.cleaned_data["statistical_neighbours"],
            england=form.cleaned_data["england"],
            area=form.cleaned_data["area"],
        )
        verb = "added" if created else "replaced"
        messages.success(request, f"The value for {period.label} was {verb}.")
        return redirect("inspections:indicator_detail", pk=indicator.pk)
    return render(
        request, "inspections/indicator_value_form.html", {"indicator": indicator, "form": form}
    )


@permission_required(EDIT_INDICATORS, get_object=_indicator)
def indicator_value_edit(request, pk: int, value_pk: int):
    """Correct one recorded value; refused (and merged) when someone saved it meanwhile."""
    indicator = request.permission_object
    value = get_object_or_404(indicator.values.select_related("area"), pk=value_pk)

    def make(record, data=None):
        return IndicatorValueForm(
            data,
            indicator=indicator,
            record=record,
            initial=selectors.indicator_value_initial(record),
        )

    def save(form):
        data = form.cleaned_data
        return services.indicator_value_correct(
            value=form.record,
            period=data["period"].label,
            period_start=data["period"].start,
            figure=data["value"],
            region=data["region"],
            statistical_neighbours=data["statistical_neighbours"],
            england=data["england"],
            area=data["area"],
        )

    form, conflict = make(value, _posted(request)), None
    if request.method == "POST" and form.is_valid():
        try:
            saved, form, conflict = submit_versioned(form, make, save)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if conflict is None:
                messages.success(request, f"The value for {saved.period} was corrected.")
                return redirect("inspections:indicator_detail", pk=indicator.pk)
    return render(
        request,
        "inspections/indicator_value_form.html",
        {
            "indicator": indicator,
            "form": form,
            "value": value,
            "conflict": conflict,
            "conflict_noun": "value",
        },
        status=409 if conflict else 200,
    )


@permission_required(EDIT_INDICATORS, get_object=_indicator)
def indicator_values_upload(request, pk: int):
    indicator = request.permission_object
    posted = request.method == "POST"
    form = IndicatorUploadForm(_posted(request), request.FILES if posted else None)
    row_errors = []
    if request.method == "POST" and form.is_valid():
        try:
            outcome = services.indicator_values_import(
                indicator=indicator, data=form.cleaned_data["file"].read()
            )
        except services.IndicatorImportError as exc:
            row_errors = exc.errors
            form.add_error(
                "file",
                f"The file has {len(row_errors)} problem{'s' if len(row_errors) != 1 else ''}; "
                "nothing was saved. Fix them and upload it again.",
            )
        else:
            messages.success(
                request,
                f"{outcome.created} value{'s' if outcome.created != 1 else ''} added and "
                f"{outcome.updated} replaced.",
            )
            return redirect("inspections:indicator_detail", pk=indicator.pk)
    return render(
        request,
        "inspections/indicator_upload.html",
        {
            "indicator": indicator,
            "form": form,
            "row_errors": row_errors,
            "columns": COLUMNS,
            "period_example": EXAMPLES[indicator.period_kind],
        },
    )


@permission_required("inspections.edit_milestones", get_object=_milestone)
def milestone_edit(request, pk: int):
    milestone = request.permission_object

    def make(record, data=None):
        return MilestoneForm(
            data, record=record, initial={"state": record.state, "notes": record.notes}
        )

    form, conflict = make(milestone, _posted(request)), None
    if request.method == "POST" and form.is_valid():
        _saved, form, conflict = submit_versioned(
            form,
            make,
            lambda f: services.milestone_update(milestone=f.record, **f.edited_data()),
        )
        if conflict is None:
            messages.success(request, f"The outcome of “{milestone.title}” was saved.")
            root = milestone.inspection.revisit_of_id or milestone.inspection_id
            return redirect("inspections:inspection_detail", pk=root)
    return render(
        request,
        "inspections/milestone_form.html",
        {"milestone": milestone, "form": form, "conflict": conflict},
        status=409 if conflict else 200,
    )


@permission_required("inspections.edit_judgements", get_object=_revisit_weakness)
def judgement_edit(request, pk: int, weakness_pk: int):
    revisit, weakness = request.permission_object
    current = revisit.judgements.filter(weakness=weakness).first()
    initial = (
        {
            "sufficient_progress": "yes" if current.sufficient_progress else "no",
            "inspectors_words": current.inspectors_words,
        }
        if current
        else None
    )
    form = JudgementForm(_posted(request), initial=initial)
    # The framework's own question ("sufficient progress" is the 2016 framework's words).
    form.fields["sufficient_progress"].label = weakness.inspection.words.progress_question
    if request.method == "POST" and form.is_valid():
        services.judgement_record(revisit=revisit, weakness=weakness, **form.cleaned_data)
        messages.success(request, f"The judgement on {weakness.label.lower()} was saved.")
        return redirect("inspections:inspection_detail", pk=revisit.revisit_of_id)
    return render(
        request,
        "inspections/judgement_form.html",
        {"form": form, "revisit": revisit, "weakness": weakness},
    )


@permission_required(EDIT_INDICATORS, get_object=_weakness)
def indicator_from_catalogue(request, pk: int):
    weakness = request.permission_object
    form = CatalogueIndicatorForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        indicator = services.indicator_from_catalogue(
            weakness=weakness, slug=form.cleaned_data["entry"], target=form.cleaned_data["target"]
        )
        messages.success(
            request,
            f"The indicator “{indicator.name}” was added. Import its figures from "
            f"{indicator.publication}.",
        )
        return redirect("inspections:indicator_official_upload", pk=indicator.pk)
    return render(
        request,
        "inspections/indicator_catalogue.html",
        {"form": form, "weakness": weakness, "catalogue": CATALOGUE},
    )


@permission_required(EDIT_INDICATORS, get_object=_indicator)
def indicator_official_upload(request, pk: int):
    from django.conf import settings

    indicator = request.permission_object
    posted = request.method == "POST"
    form = OfficialValuesForm(
        _posted(request),
        request.FILES if posted else None,
        initial={"publication": indicator.publication},
    )
    row_errors = []
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            outcome = services.official_values_import(
                indicator=indicator,
                name=upload.name,
                data=upload.read(),
                value_column=form.cleaned_data["value_column"].strip(),
                filters=form.cleaned_data["where"],
                file_format=form.cleaned_data["file_format"],
                publication=form.cleaned_data["publication"],
                by=request.user,
            )
        except services.IndicatorImportError as exc:
            row_errors = exc.errors
            form.add_error(
                "file",
                f"The file has {len(row_errors)} problem{'s' if len(row_errors) != 1 else ''}; "
                "nothing was saved. Fix them (or the column and filters) and import it again.",
            )
        else:
            periods = outcome.official_import.periods
            messages.success(
                request,
                f"Figures for {len(periods)} period{'s' if len(periods) != 1 else ''} imported "
                f"({', '.join(periods)}): {outcome.created} added and {outcome.replaced} replaced.",
            )
            return redirect("inspections:indicator_detail", pk=indicator.pk)
    return render(
        request,
        "inspections/indicator_official_upload.html",
        {
            "indicator": indicator,
            "form": form,
            "row_errors": row_errors,
            "la_code": settings.PORTAL_LA_CODE,
            "neighbours": services.statistical_neighbours(settings.PORTAL_LA_CODE),
        },
    )


@permission_required(EDIT_INDICATORS)
def statistical_neighbours(request):
    """The council's statistical neighbours, and the workbook import that replaces them."""
    from django.conf import settings

    from send_portal.core.tabular import TableFileError, read_rows

    la_code = settings.PORTAL_LA_CODE
    posted = request.method == "POST"
    form = NeighbourWorkbookForm(_posted(request), request.FILES if posted else None)
    row_errors = []
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        if not la_code:
            form.add_error("file", "Set PORTAL_LA_CODE first: the council's code says which row")
        else:
            try:
                rows = read_rows(upload.read(), name=upload.name)
                (_n, header), body = rows[0], rows[1:]
                saved = services.statistical_neighbours_import(
                    header=[str(h) for h in header],
                    rows=[(n, [str(c) for c in cells]) for n, cells in body],
                    la_code=la_code,
                )
            except TableFileError as exc:
                form.add_error("file", f"{exc.reason}. Nothing was imported")
            except services.IndicatorImportError as exc:
                row_errors = exc.errors
                form.add_error("file", "The workbook could not be read; nothing was imported")
            else:
                messages.success(request, f"{len(saved)} statistical neighbours imported.")
                return redirect("inspections:statistical_neighbours")
    imported = list(services.StatisticalNeighbour.objects.filter(la_code=la_code))
    return render(
        request,
        "inspections/statistical_neighbours.html",
        {
            "form": form,
            "row_errors": row_errors,
            "la_code": la_code,
            "imported": imported,
            "from_setting": [] if imported else list(settings.PORTAL_STATISTICAL_NEIGHBOURS),
        },
    )

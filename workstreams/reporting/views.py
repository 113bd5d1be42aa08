"""Reports page, report status and download, generate now; reporting periods."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from send_portal.core.permissions import permission_required

from . import selectors, services
from .forms import (
    GenerateReportForm,
    LockPeriodForm,
    OpenPeriodForm,
    ReopenPeriodForm,
    ReportFilterForm,
)
from .models import Report, ReportingPeriod
from .periods import BadPeriod, next_month, parse_period


def _generate_form(data=None) -> GenerateReportForm:
    return GenerateReportForm(
        data,
        periods=selectors.locked_periods(),
        programmes=selectors.active_programmes(),
        areas=selectors.areas(),
    )


@permission_required("reporting.view_reports")
@require_safe
def report_list(request):
    return _render_list(request)


def _render_list(request, form: GenerateReportForm | None = None):
    filters = ReportFilterForm(request.GET)
    filters.is_valid()  # a bad value is named on the page (400) and that filter left off
    year = filters.cleaned_data.get("year")
    scope = filters.cleaned_data.get("scope") or ""
    reports = selectors.reports_visible_to(user=request.user, year=year, scope=scope)
    page = Paginator(reports, 25).get_page(request.GET.get("page"))
    can_generate = request.user.has_perm("reporting.generate_report")
    if can_generate and form is None:
        form = _generate_form()
    return render(
        request,
        "reporting/report_list.html",
        {
            "page": page,
            "reports": page.object_list,
            "years": selectors.report_years(),
            "year": year,
            "scope": scope,
            "scopes": Report.Scope.choices,
            "filters": filters,
            "form": form if can_generate else None,
            "can_generate": can_generate,
            "can_manage_periods": request.user.has_perm("reporting.manage_periods"),
        },
        status=400 if filters.errors or (form is not None and form.errors) else 200,
    )


@permission_required("reporting.generate_report")
@require_POST
def report_generate(request):
    form = _generate_form(request.POST)
    if not form.is_valid():
        return _render_list(request, form=form)
    data = form.cleaned_data
    try:
        report, enqueued = services.report_request(
            period=data["period"],
            scope=data["scope"],
            programme=data.get("programme"),
            area=data.get("area"),
            requested_by=request.user,
        )
    except services.ReportingError as exc:
        form.add_error(None, str(exc))
        return _render_list(request, form=form)
    report.refresh_from_db()
    if report.awaiting_broker:
        messages.warning(request, _broker_down_message(report))
    elif enqueued:
        messages.success(request, f"{report.title} is being generated.")
    else:
        messages.info(
            request, f"{report.title} already exists ({report.get_state_display().lower()})."
        )
    return redirect(f"{reverse('reporting:list')}#report-{report.pk}")


def _broker_down_message(report: Report) -> str:
    return (
        f"{report.title} could not be started: the task queue is not answering. It is saved, "
        "and starts by itself within a few minutes of the queue answering again. You do not "
        "need to ask again."
    )


def _report(request, pk: int) -> Report:
    return get_object_or_404(Report.objects.select_related("period", "programme", "area"), pk=pk)


@permission_required("reporting.view_report", get_object=_report)
@require_safe
def report_status(request, pk: int):
    report = request.permission_object
    return JsonResponse(
        {
            "id": report.pk,
            "state": report.state,
            "state_label": report.get_state_display(),
            "progress": report.progress,
            "failure_reason": report.failure_reason,
            "finished": report.is_finished,
            "download_url": (
                reverse("reporting:download", args=[report.pk])
                if report.state == Report.State.READY
                else None
            ),
        }
    )


@permission_required("reporting.view_report", get_object=_report)
@require_safe
def report_download(request, pk: int):
    report = request.permission_object
    if report.state != Report.State.READY or not report.pdf:
        raise Http404("This report is not ready")
    return FileResponse(
        report.pdf.open("rb"),
        as_attachment=True,
        filename=(f"highlight-report-{report.period.key}-{report.scope_key.replace(':', '-')}.pdf"),
        content_type="application/pdf",
    )


@permission_required("reporting.manage_periods")
@require_safe
def period_list(request):
    return _render_periods(request)


def _render_periods(request, form: OpenPeriodForm | None = None):
    form = form or OpenPeriodForm(months=selectors.recent_months(today=timezone.localdate()))
    return render(
        request,
        "reporting/period_list.html",
        {"periods": selectors.periods(), "form": form},
        status=400 if form.errors else 200,
    )


@permission_required("reporting.manage_periods")
@require_POST
def period_open(request):
    form = OpenPeriodForm(request.POST, months=selectors.recent_months(today=timezone.localdate()))
    if not form.is_valid():
        return _render_periods(request, form=form)
    try:
        month = parse_period(form.cleaned_data["month"], today=timezone.localdate())
    except BadPeriod as exc:
        form.add_error("month", str(exc))
        return _render_periods(request, form=form)
    period = services.period_open(month=month, opened_by=request.user)
    messages.success(request, f"The period {period} is open.")
    return redirect("reporting:periods")


def _period(request, pk: int) -> ReportingPeriod:
    return get_object_or_404(ReportingPeriod, pk=pk)


@permission_required("reporting.lock_period", get_object=_period)
@require_http_methods(["GET", "HEAD", "POST"])
def period_lock(request, pk: int):
    """A confirmation page listing what the month still lacks; the second click locks it."""
    period = request.permission_object
    form = LockPeriodForm(request.POST if request.method == "POST" else None, period=period)
    status = 200
    if request.method == "POST" and not period.is_locked:
        if form.is_valid():
            if services.period_lock(period=period, locked_by=request.user):
                messages.success(
                    request,
                    f"{period} is locked and its snapshot taken. Updates for it now go into "
                    f"{next_month(period.month):%B %Y}.",
                )
            else:
                messages.info(request, f"{period} was already locked.")
            return redirect("reporting:periods")
        status = 400
    return render(
        request,
        "reporting/period_lock.html",
        {
            "period": period,
            "form": form,
            "summary": None if period.is_locked else selectors.lock_summary(period),
            "today": timezone.localdate(),
        },
        status=status,
    )


@permission_required("reporting.reopen_period", get_object=_period)
@require_http_methods(["GET", "HEAD", "POST"])
def period_reopen(request, pk: int):
    """Reopen a locked month with a written reason, only while none of its reports is ready."""
    period = request.permission_object
    form = ReopenPeriodForm(request.POST if request.method == "POST" else None, period=period)
    final = period.is_locked and selectors.period_is_final(period)
    status = 400 if request.method == "POST" else 200  # refused unless it succeeds below
    if request.method == "POST" and period.is_locked and not final and form.is_valid():
        try:
            services.period_reopen(
                period=period, reason=form.cleaned_data["reason"], by=request.user
            )
        except services.ReportingError as exc:
            form.add_error("reason", str(exc))
        else:
            messages.success(
                request, f"{period} is open again. Lock it here when its updates are in."
            )
            return redirect("reporting:periods")
    return render(
        request,
        "reporting/period_reopen.html",
        {
            "period": period,
            "form": form,
            "final": final,
            "events": period.events.select_related("by"),
        },
        status=status,
    )


@permission_required("reporting.generate_report", get_object=_report)
@require_POST
def report_retry(request, pk: int):
    """ "Try again" on a failed report."""
    try:
        report = services.report_retry(report_id=pk, requested_by=request.user)
    except services.ReportingError as exc:
        messages.info(request, str(exc))
        return redirect(f"{reverse('reporting:list')}#report-{pk}")
    if report.awaiting_broker:
        messages.warning(request, _broker_down_message(report))
    else:
        messages.success(request, f"{report.title} is being generated again.")
    return redirect(f"{reverse('reporting:list')}#report-{report.pk}")

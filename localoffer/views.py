"""The Local Offer's pages: public search and service pages, feedback, and officers' pages."""

from django.contrib import messages
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from send_portal.core.concurrency import submit_versioned
from send_portal.core.dates import today
from send_portal.core.models import Area, Setting
from send_portal.core.permissions import permission_required, public

from . import oruk, selectors, services
from .csvimport import COLUMNS
from .filters import ServiceFilter
from .forms import (
    ContactForm,
    FeedbackForm,
    FeedbackModerationForm,
    LocationForm,
    SelfEvaluationForm,
    SenReviewForm,
    ServiceForm,
    ServiceImportForm,
)
from .freshness import is_stale
from .models import (
    Contact,
    Feedback,
    Location,
    SelfEvaluation,
    SelfEvaluationQuestion,
    SenReportItem,
    Service,
    Strand,
)
from .ratelimit import client_ip, feedback_allowed

RESULTS_PER_PAGE = 20
API_DEFAULT_PER_PAGE = 50
API_MAX_PER_PAGE = 100


def _posted(request):
    """The submitted data on POST (even when empty, so the form is bound), None on GET."""
    return request.POST if request.method == "POST" else None


def _page(request, queryset, per_page: int):
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


# Public -------------------------------------------------------------------------------------


@public
@require_safe
def service_search(request):
    filterset = ServiceFilter(request.GET or None, queryset=selectors.public_services())
    page = _page(request, filterset.qs, RESULTS_PER_PAGE)
    return render(
        request,
        "localoffer/search.html",
        {
            "filterset": filterset,
            "form": filterset.form,
            "page_obj": page,
            "services": page.object_list,
            "today": today(),
            "searched": bool(request.GET),
        },
    )


@public
@require_safe
def service_detail(request, slug: str):
    try:
        service = selectors.public_service(slug=slug)
    except Service.DoesNotExist:
        raise Http404("No such service") from None
    return render(request, "localoffer/service.html", {"service": service})


@public
def feedback(request):
    if request.method == "POST":
        if not feedback_allowed(client_ip(request)):
            form = FeedbackForm()
            return render(
                request,
                "localoffer/feedback.html",
                {"form": form, "rate_limited": True},
                status=429,
            )
        form = FeedbackForm(request.POST)
        if form.is_valid():
            if not form.is_spam:
                services.feedback_submit(
                    you_said=form.cleaned_data["you_said"],
                    service=form.cleaned_data["service"],
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                )
            return redirect("localoffer:feedback_sent")
    else:
        initial = {}
        slug = request.GET.get("service")
        if slug:
            initial["service"] = Service.objects.public().filter(slug=slug).first()
        form = FeedbackForm(initial=initial)
    return render(request, "localoffer/feedback.html", {"form": form})


@public
@require_safe
def feedback_sent(request):
    return render(request, "localoffer/feedback_sent.html")


@public
@require_safe
def you_said_we_did(request):
    page = _page(request, selectors.you_said_we_did(), RESULTS_PER_PAGE)
    return render(request, "localoffer/you_said_we_did.html", {"page_obj": page})


def _positive_int(value: str | None, default: int) -> int:
    if value in (None, ""):
        return default
    if not value.isdigit() or int(value) < 1:
        raise ValueError(value)
    return int(value)


@public
@require_safe
def api_services(request):
    """Active services as Open Referral UK JSON, ``?page=1&per_page=50`` (at most 100)."""
    try:
        page_number = _positive_int(request.GET.get("page"), 1)
        per_page = min(
            _positive_int(request.GET.get("per_page"), API_DEFAULT_PER_PAGE), API_MAX_PER_PAGE
        )
    except ValueError:
        return JsonResponse(
            {"error": "page and per_page must be whole numbers of 1 or more"}, status=400
        )
    queryset = selectors.api_services()
    total = queryset.count()
    start = (page_number - 1) * per_page
    items = list(queryset[start : start + per_page]) if start < total else []
    response = JsonResponse(
        oruk.page_json(items=items, total_items=total, page=page_number, per_page=per_page)
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


# Officers: services -------------------------------------------------------------------------


@permission_required("localoffer.manage_services")
@require_safe
def manage(request):
    only_stale = request.GET.get("show") == "out-of-date"
    queryset = selectors.stale_services() if only_stale else selectors.officer_services()
    page = _page(request, queryset.prefetch_related("categories"), 50)
    return render(
        request,
        "localoffer/manage.html",
        {
            "page_obj": page,
            "only_stale": only_stale,
            "today": today(),
            "stale_count": selectors.stale_services().count(),
            "pending_count": selectors.pending_feedback().count(),
        },
    )


def _service(request, pk: int) -> Service:
    return get_object_or_404(Service.objects.select_related("organisation"), pk=pk)


def _save_service_form(request, form, service=None):
    if form.is_valid():
        saved = services.service_save(
            service=form.save(commit=False),
            categories=form.cleaned_data["categories"],
            needs=form.cleaned_data["needs"],
            areas=form.cleaned_data["areas"],
        )
        return saved
    return None


@permission_required("localoffer.manage_services")
def service_create(request):
    form = ServiceForm(_posted(request))
    if request.method == "POST":
        saved = _save_service_form(request, form)
        if saved:
            messages.success(request, f"{saved.name} has been added.")
            return redirect("localoffer:service_edit", pk=saved.pk)
    return render(request, "localoffer/service_form.html", {"form": form, "service": None})


@permission_required("localoffer.manage_services")
def service_edit(request, pk: int):
    service = _service(request, pk)

    def make(record, data=None):
        return ServiceForm(data, instance=record)

    form, conflict = make(service, _posted(request)), None
    if request.method == "POST" and form.is_valid():
        saved, form, conflict = submit_versioned(
            form, make, lambda f: _save_service_form(request, f, service)
        )
        if conflict is None:
            messages.success(request, f"{saved.name} has been saved.")
            return redirect("localoffer:service_edit", pk=saved.pk)
    return render(
        request,
        "localoffer/service_form.html",
        {
            "form": form,
            "service": service,
            "contacts": service.contacts.all(),
            "locations": service.locations.all(),
            "stale": is_stale(service.assured_date, today=today()),
            "review_requests": service.review_requests.order_by("-month")[:12],
            "conflict": conflict,
            "history": selectors.service_history(service),
        },
        status=409 if conflict else 200,
    )


@require_POST
@permission_required("localoffer.manage_services")
def service_assure(request, pk: int):
    service = services.service_assure(service=_service(request, pk))
    messages.success(request, f"{service.name} is marked as checked today.")
    return redirect("localoffer:service_edit", pk=service.pk)


def _child_form(request, service, form_class, template_title, instance):
    form = form_class(_posted(request), instance=instance)
    if request.method == "POST" and form.is_valid():
        child = form.save(commit=False)
        child.service = service
        if isinstance(child, Contact):
            services.contact_save(contact=child)
        else:
            services.location_save(location=child)
        messages.success(request, f"{template_title} saved.")
        return redirect("localoffer:service_edit", pk=service.pk)
    return render(
        request,
        "localoffer/child_form.html",
        {"form": form, "service": service, "title": template_title},
    )


@permission_required("localoffer.manage_services")
def contact_create(request, pk: int):
    return _child_form(request, _service(request, pk), ContactForm, "Contact", None)


@permission_required("localoffer.manage_services")
def location_create(request, pk: int):
    return _child_form(request, _service(request, pk), LocationForm, "Location", None)


@require_POST
@permission_required("localoffer.manage_services")
def contact_delete(request, pk: int):
    contact = get_object_or_404(Contact, pk=pk)
    contact.delete()
    messages.success(request, f"{contact.name} has been removed.")
    return redirect("localoffer:service_edit", pk=contact.service_id)


@require_POST
@permission_required("localoffer.manage_services")
def location_delete(request, pk: int):
    location = get_object_or_404(Location, pk=pk)
    location.delete()
    messages.success(request, f"{location.name} has been removed.")
    return redirect("localoffer:service_edit", pk=location.service_id)


@permission_required("localoffer.manage_services")
def services_import(request):
    form = ServiceImportForm(_posted(request), request.FILES if request.method == "POST" else None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = services.services_import(content=form.cleaned_data["file"].read())
        if result.ok:
            messages.success(
                request,
                f"Import finished: {result.created} services added and {result.updated} updated.",
            )
            return redirect("localoffer:manage")
    status = 400 if result is not None and not result.ok else 200
    return render(
        request,
        "localoffer/import.html",
        {"form": form, "result": result, "columns": COLUMNS},
        status=status,
    )


# Officers: feedback -------------------------------------------------------------------------


@permission_required("localoffer.moderate_feedback")
@require_safe
def feedback_list(request):
    show = request.GET.get("show", "pending")
    queryset = Feedback.objects.select_related("service")
    if show in {s.value for s in Feedback.Status}:
        queryset = queryset.filter(status=show)
    page = _page(request, queryset, 50)
    return render(
        request,
        "localoffer/feedback_list.html",
        {"page_obj": page, "show": show, "statuses": Feedback.Status.choices},
    )


@permission_required("localoffer.moderate_feedback")
def feedback_moderate(request, pk: int):
    item = get_object_or_404(Feedback.objects.select_related("service"), pk=pk)
    initial = {"decision": item.status if item.status != Feedback.Status.PENDING else None}
    initial["we_did"] = item.we_did
    form = FeedbackModerationForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        services.feedback_moderate(
            feedback=item,
            status=form.cleaned_data["decision"],
            we_did=form.cleaned_data["we_did"],
            moderator=request.user,
        )
        messages.success(request, "Your decision has been saved.")
        return redirect("localoffer:feedback_list")
    return render(request, "localoffer/feedback_moderate.html", {"form": form, "item": item})


# SEN information reports --------------------------------------------------------------------


@permission_required("localoffer.view_county_sen_reports")
@require_safe
def sen_reports(request):
    return render(
        request,
        "localoffer/sen_reports.html",
        {"areas": selectors.county_compliance(), "item_count": len(SenReportItem)},
    )


def _area(request, slug: str) -> Area:
    return get_object_or_404(Area, slug=slug)


@permission_required("localoffer.view_area_sen_reports", get_object=_area)
@require_safe
def sen_reports_area(request, slug: str):
    area = request.permission_object
    return render(
        request,
        "localoffer/sen_reports_area.html",
        {
            "area": area,
            "compliance": selectors.area_compliance(area=area),
            "item_count": len(SenReportItem),
        },
    )


def _setting(request, pk: int) -> Setting:
    return get_object_or_404(Setting.objects.select_related("area"), pk=pk)


@permission_required("localoffer.review_sen_report", get_object=_setting)
def sen_review_create(request, pk: int):
    setting = request.permission_object
    form = SenReviewForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        review = services.sen_review_record(
            setting=setting,
            report_url=form.cleaned_data["report_url"],
            review_date=form.cleaned_data["review_date"],
            judgements=form.judgements(),
            comments=form.cleaned_data["comments"],
            reviewer=request.user,
        )
        messages.success(request, f"The review of {setting.name}'s report has been saved.")
        return redirect("localoffer:sen_review", pk=review.pk)
    return render(request, "localoffer/sen_review_form.html", {"form": form, "setting": setting})


def _review_setting(request, pk: int) -> Setting:
    from .models import SenReportReview

    review = get_object_or_404(SenReportReview.objects.select_related("setting__area"), pk=pk)
    return review.setting


@permission_required("localoffer.view_area_sen_reports", get_object=_review_setting)
@require_safe
def sen_review_detail(request, pk: int):
    review = selectors.sen_review(pk=pk)
    labels = dict(SenReportItem.choices)
    rows = [(j.item, labels[j.item], j) for j in review.judgements.all()]
    return render(request, "localoffer/sen_review.html", {"review": review, "rows": rows})


# Self-evaluation ----------------------------------------------------------------------------


@permission_required("localoffer.view_self_evaluation")
@require_safe
def self_evaluation_list(request):
    return render(
        request,
        "localoffer/self_evaluation_list.html",
        {"evaluations": selectors.self_evaluations()},
    )


def _evaluation_grid(evaluation: SelfEvaluation) -> list[dict]:
    answers = {(a.strand, a.question): a for a in evaluation.answers.all()}
    return [
        {
            "strand": strand,
            "questions": [
                (q, answers.get((strand.value, q.value))) for q in SelfEvaluationQuestion
            ],
        }
        for strand in Strand
    ]


@permission_required("localoffer.view_self_evaluation")
@require_safe
def self_evaluation_detail(request, year: int):
    evaluation = get_object_or_404(selectors.self_evaluations(), year=year)
    return render(
        request,
        "localoffer/self_evaluation.html",
        {"evaluation": evaluation, "grid": _evaluation_grid(evaluation)},
    )


def _self_evaluation_form(request, evaluation: SelfEvaluation | None):
    initial = {}
    if evaluation is not None:
        for answer in evaluation.answers.all():
            key = f"{answer.strand}_{answer.question}"
            initial[f"score_{key}"] = answer.score
            initial[f"comment_{key}"] = answer.comment
    form = SelfEvaluationForm(
        _posted(request), initial=initial, year=evaluation.year if evaluation else None
    )
    if request.method == "POST" and form.is_valid():
        saved = services.self_evaluation_record(
            year=form.year, answers=form.answers(), recorder=request.user
        )
        messages.success(request, f"The self-evaluation for {saved.year} has been saved.")
        return redirect("localoffer:self_evaluation", year=saved.year)
    return render(
        request, "localoffer/self_evaluation_form.html", {"form": form, "evaluation": evaluation}
    )


@permission_required("localoffer.record_self_evaluation")
def self_evaluation_create(request):
    return _self_evaluation_form(request, None)


@permission_required("localoffer.record_self_evaluation")
def self_evaluation_edit(request, year: int):
    return _self_evaluation_form(
        request, get_object_or_404(selectors.self_evaluations(), year=year)
    )

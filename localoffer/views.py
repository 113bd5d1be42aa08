"""The Local Offer's pages: public search and service pages, feedback, and officers' pages."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from send_portal.core.concurrency import submit_versioned
from send_portal.core.dates import today
from send_portal.core.models import Area, Setting
from send_portal.core.permissions import permission_required, public

from . import oruk, selectors, services, shortlist
from .csvimport import COLUMNS
from .filters import ServiceFilter
from .forms import (
    ContactForm,
    FeedbackForm,
    FeedbackModerationForm,
    LocationForm,
    ScheduleForm,
    SelfEvaluationForm,
    SenReviewForm,
    ServiceForm,
    ServiceImportForm,
    ShortlistEmailForm,
    SynonymGroupForm,
)
from .freshness import is_stale
from .models import (
    AreaOfNeed,
    Contact,
    Feedback,
    Location,
    Schedule,
    SelfEvaluation,
    SelfEvaluationQuestion,
    SenReportItem,
    Service,
    Strand,
    SynonymGroup,
)
from .ratelimit import FEEDBACK_LIMIT, client_key, take_a_send
from .search import search_services

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
    return render(
        request,
        "localoffer/service.html",
        {"service": service, "on_shortlist": service.slug in shortlist.slugs(request)},
    )


@public
@require_POST
def shortlist_add(request, slug: str):
    service = get_object_or_404(Service.objects.public(), slug=slug)
    if shortlist.add(request, service):
        messages.success(request, f"{service.name} is on your shortlist.")
    else:
        messages.error(
            request, f"Your shortlist is full: it holds {shortlist.MAX_SERVICES} services."
        )
    return redirect(service.get_absolute_url())


@public
@require_POST
def shortlist_remove(request, slug: str):
    shortlist.remove(request, slug)
    messages.success(request, "The service has been taken off your shortlist.")
    if request.POST.get("from") == "service":
        return redirect("localoffer:service", slug=slug)
    return redirect("localoffer:shortlist")


@public
def shortlist_page(request):
    """The shortlist, to print or email to yourself (no account needed)."""
    chosen = shortlist.services(request)
    form = ShortlistEmailForm(_posted(request))
    status = 200
    if request.method == "POST" and chosen and form.is_valid():
        key = client_key(request, purpose="shortlist")
        if take_a_send(key):
            shortlist.send_to(
                email=form.cleaned_data["email"],
                services=chosen,
                base_url=settings.PORTAL_BASE_URL.rstrip("/"),
            )
            messages.success(
                request, f"We have emailed your shortlist to {form.cleaned_data['email']}."
            )
            return redirect("localoffer:shortlist")
        form.add_error(
            "email",
            "We cannot send more emails from here this hour. Try again later, or print this "
            "page instead.",
        )
        status = 429
    return render(
        request,
        "localoffer/shortlist.html",
        {"services": chosen, "form": form},
        status=status,
    )


@public
def feedback(request):
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_valid():
            if form.is_spam:
                return redirect("localoffer:feedback_sent")
            saved = services.feedback_submit(
                you_said=form.cleaned_data["you_said"],
                service=form.cleaned_data["service"],
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                client_key=client_key(request),
            )
            if saved is not None:
                return redirect("localoffer:feedback_sent")
            # Refused: the same form again, with the family's words, and where to write instead.
            return render(
                request,
                "localoffer/feedback.html",
                {"form": form, "rate_limited": True, "limit": FEEDBACK_LIMIT},
                status=429,
            )
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


def _api(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _api_error(message: str, status: int = 400) -> JsonResponse:
    return _api({"error": message}, status=status)


def _paging(request) -> tuple[int, int]:
    """``page`` (from 1) and ``per_page`` (default 50, at most 100); ValueError when bad."""
    page_number = _positive_int(request.GET.get("page"), 1)
    per_page = min(
        _positive_int(request.GET.get("per_page"), API_DEFAULT_PER_PAGE), API_MAX_PER_PAGE
    )
    return page_number, per_page


PAGING_ERROR = "page and per_page must be whole numbers of 1 or more"


@public
@require_safe
def api_root(request):
    """The API's root: the HSDS version and profile it follows (ORUK 3.0)."""
    return _api(oruk.api_root_json())


@public
@require_safe
def api_services(request):
    """Active services, an ORUK 3.0 page: ``search``, ``taxonomy_term_id``, ``page``,
    ``per_page`` (at most 100)."""
    try:
        page_number, per_page = _paging(request)
    except ValueError:
        return _api_error(PAGING_ERROR)
    queryset = selectors.api_services()
    term_value = request.GET.get("taxonomy_term_id", "").strip()
    if term_value:
        if not oruk.is_uuid(term_value):
            return _api_error("taxonomy_term_id must be the id of a taxonomy term (a UUID)")
        term = oruk.find_term(term_value)
        if term is None:
            queryset = queryset.none()
        elif isinstance(term, AreaOfNeed):
            # A service naming no area of need is for every need.
            queryset = queryset.filter(
                Q(pk__in=Service.objects.filter(needs=term).values("pk"))
                | ~Q(pk__in=Service.objects.filter(needs__isnull=False).values("pk"))
            )
        else:
            queryset = queryset.filter(pk__in=Service.objects.filter(categories=term).values("pk"))
    search = request.GET.get("search", "").strip()[:200]
    if search:
        queryset = search_services(queryset, search)
    total = queryset.count()
    start = (page_number - 1) * per_page
    items = list(queryset[start : start + per_page]) if start < total else []
    return _api(
        oruk.page_json(
            contents=[oruk.service_list_json(s) for s in items],
            total_items=total,
            page=page_number,
            per_page=per_page,
        )
    )


@public
@require_safe
def api_service(request, id):
    """One active service in full (``/services/{id}``); 404 with an ``error`` otherwise."""
    service = selectors.api_services().filter(uuid=id).first()
    if service is None:
        return _api_error("There is no active service with this id", status=404)
    return _api(oruk.service_json(service))


def _list_page(request, items: list[dict]):
    try:
        page_number, per_page = _paging(request)
    except ValueError:
        return _api_error(PAGING_ERROR)
    start = (page_number - 1) * per_page
    return _api(
        oruk.page_json(
            contents=items[start : start + per_page],
            total_items=len(items),
            page=page_number,
            per_page=per_page,
        )
    )


@public
@require_safe
def api_taxonomies(request):
    return _list_page(request, [oruk.taxonomy_json(t) for t in oruk.TAXONOMIES])


@public
@require_safe
def api_taxonomy(request, id):
    taxonomy = oruk.find_taxonomy(str(id))
    if taxonomy is None:
        return _api_error("There is no taxonomy with this id", status=404)
    return _api(oruk.taxonomy_json(taxonomy))


@public
@require_safe
def api_taxonomy_terms(request):
    terms = oruk.all_terms()
    taxonomy_value = request.GET.get("taxonomy_id", "").strip()
    if taxonomy_value:
        terms = [t for t in terms if oruk.taxonomy_of(t).id == taxonomy_value]
    return _list_page(request, [oruk.taxonomy_term_json(t) for t in terms])


@public
@require_safe
def api_taxonomy_term(request, id):
    term = oruk.find_term(str(id))
    if term is None:
        return _api_error("There is no taxonomy term with this id", status=404)
    return _api(oruk.taxonomy_term_json(term))


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
            "removed": selectors.removed_services(),
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
            "schedules": service.schedules.all(),
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
        elif isinstance(child, Schedule):
            services.schedule_save(schedule=child)
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


@permission_required("localoffer.manage_services")
def schedule_create(request, pk: int):
    return _child_form(request, _service(request, pk), ScheduleForm, "Opening times", None)


@require_POST
@permission_required("localoffer.manage_services")
def schedule_delete(request, pk: int):
    schedule = get_object_or_404(Schedule, pk=pk)
    schedule.delete()
    messages.success(request, f"The opening times {schedule} have been removed.")
    return redirect("localoffer:service_edit", pk=schedule.service_id)


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


# Officers: the words families use ------------------------------------------------------------


@permission_required("localoffer.manage_synonyms")
@require_safe
def synonym_list(request):
    return render(request, "localoffer/synonym_list.html", {"groups": SynonymGroup.objects.all()})


def _synonym_form(request, group: SynonymGroup | None):
    form = SynonymGroupForm(_posted(request), instance=group)
    if request.method == "POST" and form.is_valid():
        saved = services.synonym_group_save(group=form.save(commit=False))
        messages.success(request, f"Saved: {saved}.")
        return redirect("localoffer:synonym_list")
    return render(request, "localoffer/synonym_form.html", {"form": form, "group": group})


@permission_required("localoffer.manage_synonyms")
def synonym_create(request):
    return _synonym_form(request, None)


@permission_required("localoffer.manage_synonyms")
def synonym_edit(request, pk: int):
    return _synonym_form(request, get_object_or_404(SynonymGroup, pk=pk))


@require_POST
@permission_required("localoffer.manage_synonyms")
def synonym_delete(request, pk: int):
    group = get_object_or_404(SynonymGroup, pk=pk)
    group.delete()
    messages.success(request, f"Removed: {group}.")
    return redirect("localoffer:synonym_list")


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
            "removed": selectors.removed_sen_reviews(area)
            if request.user.has_perm("localoffer.review_sen_report")
            else None,
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
    can_correct = request.user.has_perm("localoffer.review_sen_report", review.setting)
    return render(
        request,
        "localoffer/sen_review.html",
        {
            "review": review,
            "rows": rows,
            "can_correct": can_correct,
            "history": selectors.sen_review_history(review) if can_correct else None,
        },
    )


@permission_required("localoffer.review_sen_report", get_object=_review_setting)
def sen_review_edit(request, pk: int):
    """Correct a review; refused (and merged) when someone else saved it meanwhile."""
    review = selectors.sen_review(pk=pk)

    def make(record, data=None):
        record = selectors.sen_review(pk=record.pk)
        return SenReviewForm(data, record=record, initial=selectors.sen_review_initial(record))

    def save(form):
        return services.sen_review_correct(
            review=form.record,
            report_url=form.cleaned_data["report_url"],
            review_date=form.cleaned_data["review_date"],
            judgements=form.judgements(),
            comments=form.cleaned_data["comments"],
        )

    form, conflict = make(review, _posted(request)), None
    if request.method == "POST" and form.is_valid():
        saved, form, conflict = submit_versioned(form, make, save)
        if conflict is None:
            messages.success(request, f"The review of {review.setting.name}'s report is corrected.")
            return redirect("localoffer:sen_review", pk=saved.pk)
    return render(
        request,
        "localoffer/sen_review_form.html",
        {
            "form": form,
            "setting": review.setting,
            "review": review,
            "conflict": conflict,
            "conflict_noun": "review",
        },
        status=409 if conflict else 200,
    )


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

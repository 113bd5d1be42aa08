"""Inclusion statements, consultations and "You said, we did"."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from send_portal.core.pages import form_page, post_data
from send_portal.core.permissions import permission_required, public

from . import selectors, services
from .compare import compare_versions
from .forms import (
    AdoptForm,
    CompareForm,
    ConsultationForm,
    NextStepActionForm,
    ResponseFigureForm,
    SectionForm,
    StatementForm,
    TopicFigureForm,
    TopicForm,
    TopicPointForm,
    VersionForm,
    WeDidForm,
)
from .models import (
    Consultation,
    ConsultationTopic,
    ResponseFigure,
    Statement,
    StatementSection,
    StatementVersion,
    TopicFigure,
    TopicPoint,
)


@public
@require_safe
def adopted_statement(request):
    """The adopted inclusion statement: public, no sign-in."""
    return render(
        request, "inclusion/statement_public.html", {"version": selectors.adopted_version()}
    )


def _version(request, number: int, **kwargs) -> StatementVersion:
    try:
        return selectors.version_detail(number)
    except StatementVersion.DoesNotExist as exc:
        raise Http404("No such version") from exc


@permission_required("inclusion.view_statement_versions")
@require_safe
def version_list(request):
    return render(request, "inclusion/version_list.html", {"versions": list(selectors.versions())})


@permission_required("inclusion.edit_statement")
def version_create(request):
    form = VersionForm(post_data(request))
    return form_page(
        request, form, title="Start a new version", caption="Inclusion statement",
        back_url="inclusion:version_list",
        on_valid=lambda f: services.version_create(**f.cleaned_data).get_absolute_url(),
    )  # fmt: skip


@permission_required("inclusion.view_statement_versions", get_object=_version)
@require_safe
def version_detail(request, number: int):
    version = request.permission_object
    can_edit = request.user.has_perm("inclusion.edit_statement")
    return render(
        request,
        "inclusion/version_detail.html",
        {
            "version": version,
            "can_edit": can_edit,
            "history": selectors.version_history(version) if can_edit else None,
        },
    )


def _editable_version(request, number: int, **kwargs) -> StatementVersion:
    version = _version(request, number)
    if not version.is_editable:
        raise Http404("This version can no longer be changed")
    return version


@permission_required("inclusion.edit_statement", get_object=_editable_version)
def section_add(request, number: int):
    version = request.permission_object
    form = SectionForm(post_data(request))
    return form_page(
        request, form, title="Add a section", caption=str(version),
        back_url=version.get_absolute_url(),
        on_valid=lambda f: (services.section_add(version=version, **f.cleaned_data),
                            version.get_absolute_url())[1],
    )  # fmt: skip


@permission_required("inclusion.edit_statement", get_object=_editable_version)
def section_edit(request, number: int, position: int):
    version = request.permission_object
    section = get_object_or_404(StatementSection, version=version, position=position)

    def make(record, data=None):
        return SectionForm(data, record=record, initial={"heading": record.heading})

    return form_page(
        request, make(section, post_data(request)), title="Change the section heading",
        caption=str(version), back_url=version.get_absolute_url(),
        on_valid=lambda f: (services.section_update(section=f.record, **f.edited_data()),
                            version.get_absolute_url())[1],
        make=make,
    )  # fmt: skip


@permission_required("inclusion.edit_statement", get_object=_editable_version)
def statement_add(request, number: int, position: int):
    version = request.permission_object
    section = get_object_or_404(StatementSection, version=version, position=position)
    form = StatementForm(post_data(request))
    return form_page(
        request, form, title=f"Add a statement to “{section.heading}”", caption=str(version),
        back_url=version.get_absolute_url(),
        on_valid=lambda f: (services.statement_add(section=section, **f.cleaned_data),
                            version.get_absolute_url())[1],
    )  # fmt: skip


def _statement(request, pk: int, **kwargs) -> Statement:
    statement = get_object_or_404(
        Statement.objects.select_related("section", "section__version"), pk=pk
    )
    if not statement.section.version.is_editable:
        raise Http404("This version can no longer be changed")
    return statement


@permission_required("inclusion.edit_statement", get_object=_statement)
def statement_edit(request, pk: int):
    statement = request.permission_object
    version = statement.section.version

    def make(record, data=None):
        return StatementForm(data, record=record, initial={"text": record.text})

    form = make(statement, post_data(request))
    if request.method == "POST" and request.POST.get("delete"):
        services.statement_delete(statement=statement)
        messages.success(request, "Statement removed")
        return redirect(version.get_absolute_url())
    return form_page(
        request, form, title=f"Change a statement in “{statement.section.heading}”",
        caption=str(version), back_url=version.get_absolute_url(),
        on_valid=lambda f: (services.statement_update(statement=f.record, **f.edited_data()),
                            version.get_absolute_url())[1],
        make=make,
    )  # fmt: skip


@permission_required("inclusion.edit_statement", get_object=_version)
@require_POST
def version_send_for_consultation(request, number: int):
    version = request.permission_object
    try:
        services.version_send_for_consultation(version=version)
        messages.success(request, f"Version {version.number} is out for consultation")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(version.get_absolute_url())


@permission_required("inclusion.edit_statement", get_object=_version)
def version_adopt(request, number: int):
    version = request.permission_object
    form = AdoptForm(post_data(request))

    def adopt(f):
        services.version_adopt(version=version, adopted_on=f.cleaned_data["adopted_on"])
        messages.success(
            request, f"Version {version.number} adopted: it is now the public statement"
        )
        return version.get_absolute_url()

    return form_page(
        request, form, title=f"Adopt version {version.number}", caption=str(version),
        back_url=version.get_absolute_url(), on_valid=adopt,
    )  # fmt: skip


@permission_required("inclusion.view_statement_versions")
@require_safe
def version_compare(request):
    numbers = list(selectors.versions().values_list("number", flat=True))
    form = CompareForm(request.GET or None, numbers=numbers)
    comparison = old = new = None
    if form.is_valid():
        old = selectors.version_detail(form.cleaned_data["old"])
        new = selectors.version_detail(form.cleaned_data["new"])
        comparison = compare_versions(
            selectors.version_as_sections(old), selectors.version_as_sections(new)
        )
    return render(
        request,
        "inclusion/compare.html",
        {"form": form, "comparison": comparison, "old": old, "new": new},
    )


# Consultations -------------------------------------------------------------------------------


def _consultation(request, slug: str, **kwargs) -> Consultation:
    try:
        return selectors.consultation_detail(slug)
    except Consultation.DoesNotExist as exc:
        raise Http404("No such consultation") from exc


@permission_required("inclusion.view_consultations")
@require_safe
def consultation_list(request):
    return render(
        request, "inclusion/consultation_list.html", {"consultations": selectors.consultations()}
    )


@permission_required("inclusion.edit_consultation")
def consultation_create(request):
    form = ConsultationForm(post_data(request))
    return form_page(
        request, form, title="Add a consultation", caption="Consultations",
        back_url="inclusion:consultation_list",
        on_valid=lambda f: f.save().get_absolute_url(),
    )  # fmt: skip


@permission_required("inclusion.view_consultations", get_object=_consultation)
@require_safe
def consultation_detail(request, slug: str):
    return render(
        request,
        "inclusion/consultation_detail.html",
        {
            "consultation": request.permission_object,
            "can_edit": request.user.has_perm("inclusion.edit_consultation"),
        },
    )


@permission_required("inclusion.view_consultations", get_object=_consultation)
@require_safe
def you_said_we_did(request, slug: str):
    return render(
        request, "inclusion/you_said_we_did.html", {"consultation": request.permission_object}
    )


@permission_required("inclusion.edit_consultation", get_object=_consultation)
def response_figure_add(request, slug: str):
    consultation = request.permission_object
    form = ResponseFigureForm(post_data(request))

    def save(f):
        figure: ResponseFigure = f.save(commit=False)
        figure.consultation = consultation
        figure.position = consultation.response_figures.count() + 1
        figure.save()
        return consultation.get_absolute_url()

    return form_page(
        request, form, title="Add a response figure", caption=consultation.title,
        back_url=consultation.get_absolute_url(), on_valid=save,
    )  # fmt: skip


@permission_required("inclusion.edit_consultation", get_object=_consultation)
def topic_add(request, slug: str):
    consultation = request.permission_object
    form = TopicForm(post_data(request))

    def save(f):
        topic: ConsultationTopic = f.save(commit=False)
        topic.consultation = consultation
        topic.position = consultation.topics.count() + 1
        topic.save()
        return consultation.get_absolute_url()

    return form_page(
        request, form, title="Add a topic", caption=consultation.title,
        back_url=consultation.get_absolute_url(), on_valid=save,
    )  # fmt: skip


def _topic(request, pk: int, **kwargs) -> ConsultationTopic:
    return get_object_or_404(ConsultationTopic.objects.select_related("consultation"), pk=pk)


@permission_required("inclusion.edit_consultation", get_object=_topic)
def topic_point_add(request, pk: int):
    topic = request.permission_object
    form = TopicPointForm(post_data(request))
    back = f"{topic.consultation.get_absolute_url()}#topic-{topic.position}"
    return form_page(
        request, form, title=f"Add to “{topic.title}”", caption=topic.consultation.title,
        back_url=back,
        on_valid=lambda f: (services.topic_point_add(topic=topic, **f.cleaned_data), back)[1],
    )  # fmt: skip


@permission_required("inclusion.edit_consultation", get_object=_topic)
def topic_figure_add(request, pk: int):
    topic = request.permission_object
    form = TopicFigureForm(post_data(request), initial={"unit": "%"})
    back = f"{topic.consultation.get_absolute_url()}#topic-{topic.position}"

    def save(f):
        figure: TopicFigure = f.save(commit=False)
        figure.topic = topic
        figure.save()
        return back

    return form_page(
        request, form, title=f"Add a figure to “{topic.title}”",
        caption=topic.consultation.title, back_url=back, on_valid=save,
    )  # fmt: skip


def _point(request, pk: int, **kwargs) -> TopicPoint:
    return get_object_or_404(
        TopicPoint.objects.select_related("topic", "topic__consultation"), pk=pk
    )


@permission_required("inclusion.edit_consultation", get_object=_point)
def point_we_did(request, pk: int):
    point = request.permission_object
    form = WeDidForm(post_data(request), initial={"we_did": point.we_did})
    back = f"{point.topic.consultation.get_absolute_url()}#topic-{point.topic.position}"
    return form_page(
        request, form, title="What we did in response", caption=point.topic.title,
        back_url=back,
        on_valid=lambda f: (services.theme_record_response(point=point, **f.cleaned_data), back)[1],
    )  # fmt: skip


@permission_required("inclusion.edit_consultation", get_object=_point)
def next_step_action(request, pk: int):
    point = request.permission_object
    if point.kind != TopicPoint.Kind.NEXT_STEP:
        raise Http404("Only a next step becomes a programme action")
    form = NextStepActionForm(
        post_data(request), initial={"title": " ".join(point.text.split())[:500]}
    )
    back = f"{point.topic.consultation.get_absolute_url()}#topic-{point.topic.position}"

    def save(f):
        data = f.cleaned_data
        if data["programme"] == f.LINK:
            services.next_step_link_action(point=point, action=data["programme_action"])
        else:
            services.next_step_create_action(
                point=point,
                workstream=data["workstream"],
                ref=data["ref"].strip(),
                title=data["title"].strip(),
                owner_name=data["owner_name"],
                due_date=data["due_date"],
            )
        messages.success(request, "The next step is now linked to a programme action")
        return back

    return form_page(
        request, form, title="Turn the next step into a programme action",
        caption=point.topic.title, back_url=back, on_valid=save,
    )  # fmt: skip

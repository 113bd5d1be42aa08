"""Groups, meetings and their minutes. Officers write; readers see published minutes only."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from send_portal.core.pages import form_page, post_data
from send_portal.core.permissions import permission_required, public

from . import selectors, services
from .forms import (
    ActionArisingForm,
    AttendeeForm,
    DecisionForm,
    DecisionSearchForm,
    FutureDateForm,
    GroupForm,
    ItemForm,
    MeetingForm,
    NextStepForm,
)
from .ical import group_calendar, meetings_calendar
from .models import (
    ActionArising,
    Attendee,
    CalendarSubscription,
    Decision,
    Group,
    Meeting,
    MinuteItem,
)


def _group(request, slug: str) -> Group:
    return get_object_or_404(Group.objects.select_related("area"), slug=slug)


def _meeting(request, pk: int, **kwargs) -> Meeting:
    try:
        return selectors.meeting_detail(pk)
    except Meeting.DoesNotExist as exc:
        raise Http404("No such meeting") from exc


@permission_required("meetings.view_groups")
@require_safe
def group_list(request):
    return render(
        request, "meetings/group_list.html", {"groups": selectors.groups_for(request.user)}
    )


@permission_required("meetings.edit_minutes")
def group_create(request):
    form = GroupForm(post_data(request))
    return form_page(
        request,
        form,
        title="Add a group",
        caption="Meetings",
        back_url="meetings:group_list",
        on_valid=lambda f: f.save().get_absolute_url(),
    )


@permission_required("meetings.view_group", get_object=_group)
@require_safe
def group_detail(request, slug: str):
    group = request.permission_object
    page = Paginator(selectors.meetings_for(request.user, group=group), 25).get_page(
        request.GET.get("page")
    )
    removed = None
    if request.user.has_perm("meetings.edit_minutes"):
        removed = selectors.removed_meetings(group)
    return render(
        request,
        "meetings/group_detail.html",
        {"group": group, "page": page, "removed": removed},
    )


@permission_required("meetings.view_group", get_object=_group)
@require_safe
def group_ical(request, slug: str):
    group = request.permission_object
    # Only the meetings this person may open: no drafts for those who cannot see them.
    meetings = selectors.meetings_for(request.user, group=group).order_by("date", "start_time")
    body = group_calendar(group, meetings, base_url=settings.PORTAL_BASE_URL)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{group.slug}.ics"'
    return response


def _calendar_url(request, subscription: CalendarSubscription | None) -> str | None:
    if subscription is None:
        return None
    path = reverse("meetings:calendar_feed", kwargs={"token": subscription.token})
    return settings.PORTAL_BASE_URL.rstrip("/") + path


@permission_required("meetings.subscribe_calendar")
def calendar_address(request):
    """The person's private calendar address, to create, replace or switch off."""
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.calendar_address_revoke(user=request.user)
            messages.success(request, "Your calendar address has been switched off.")
        else:
            services.calendar_address_regenerate(user=request.user)
            messages.success(
                request,
                "You have a new calendar address. The old one, if you had one, no longer works.",
            )
        return redirect("meetings:calendar_address")
    subscription = CalendarSubscription.objects.filter(user=request.user).first()
    return render(
        request,
        "meetings/calendar_address.html",
        {"calendar_url": _calendar_url(request, subscription)},
    )


@public
@require_safe
def calendar_feed(request, token: str):
    """A person's meetings by their secret address: no session needed (calendar apps have none).

    Lists only what its owner may see now; an unknown or switched-off address is 404, as is
    the address of someone whose account is switched off.
    """
    subscription = CalendarSubscription.objects.select_related("user").filter(token=token).first()
    if subscription is None or not subscription.user.is_active:
        raise Http404("No such calendar")
    user = subscription.user
    meetings = selectors.meetings_for(user).order_by("date", "start_time")
    body = meetings_calendar(
        f"{settings.SERVICE_NAME}: meetings", meetings, base_url=settings.PORTAL_BASE_URL
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@permission_required("meetings.edit_minutes", get_object=_group)
def meeting_create(request, slug: str):
    group = request.permission_object
    form = MeetingForm(post_data(request), initial={"title": group.name})

    def save(form):
        return services.meeting_create(group=group, **form.cleaned_data).get_absolute_url()

    return form_page(
        request, form, title="Add a meeting", caption=group.name,
        back_url=group.get_absolute_url(), on_valid=save,
    )  # fmt: skip


@permission_required("meetings.view_meeting", get_object=_meeting)
@require_safe
def meeting_detail(request, pk: int):
    meeting = request.permission_object
    previous, open_actions = selectors.open_actions_from_previous(meeting)
    can_see_previous = previous is not None and request.user.has_perm(
        "meetings.view_meeting", previous
    )
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "previous": previous if can_see_previous else None,
            "open_actions": open_actions if can_see_previous else [],
            "can_edit": request.user.has_perm("meetings.edit_minutes"),
            "history": selectors.meeting_history(meeting)
            if request.user.has_perm("meetings.edit_minutes")
            else None,
        },
    )


@permission_required("meetings.view_meeting", get_object=_meeting)
@require_safe
def meeting_pdf(request, pk: int):
    meeting = request.permission_object
    from send_portal.core.pdf import render_pdf  # WeasyPrint loads on import: only when needed

    context = {"meeting": meeting, "council_name": settings.COUNCIL_NAME}
    pdf = render_pdf(render_to_string("meetings/meeting_pdf.html", context))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{meeting.group.slug}-{meeting.date:%Y-%m-%d}.pdf"'
    )
    return response


@permission_required("meetings.edit_minutes", get_object=_meeting)
def meeting_edit(request, pk: int):
    meeting = request.permission_object

    def make(record, data=None):
        return MeetingForm(data, instance=record)

    return form_page(
        request, make(meeting, post_data(request)), title="Change meeting details",
        caption=str(meeting), back_url=meeting.get_absolute_url(),
        on_valid=lambda f: services.meeting_update(meeting=f.save(commit=False)).get_absolute_url(),
        make=make,
    )  # fmt: skip


def _child_form(request, meeting, form, title, save, make=None):
    return form_page(
        request, form, title=title, caption=str(meeting), back_url=meeting.get_absolute_url(),
        on_valid=lambda f: (save(f), meeting.get_absolute_url())[1], make=make,
    )  # fmt: skip


@permission_required("meetings.edit_minutes", get_object=_meeting)
def attendee_add(request, pk: int):
    meeting = request.permission_object
    form = AttendeeForm(post_data(request), initial={"kind": "attended"})
    return _child_form(
        request, meeting, form, "Add a person to the attendance list",
        lambda f: services.attendee_add(meeting=meeting, **f.cleaned_data),
    )  # fmt: skip


@permission_required("meetings.edit_minutes", get_object=_meeting)
def item_add(request, pk: int):
    meeting = request.permission_object
    form = ItemForm(post_data(request))
    return _child_form(
        request, meeting, form, "Add an item",
        lambda f: services.item_add(meeting=meeting, **f.cleaned_data),
    )  # fmt: skip


@permission_required("meetings.edit_minutes", get_object=_meeting)
def item_edit(request, pk: int, number: int):
    meeting = request.permission_object
    item = get_object_or_404(MinuteItem, meeting=meeting, number=number)

    def make(record, data=None):
        return ItemForm(data, instance=record)

    return _child_form(
        request, meeting, make(item, post_data(request)), f"Change item {item.number}",
        lambda f: services.item_update(item=f.instance, **f.edited_data()), make,
    )  # fmt: skip


@permission_required("meetings.edit_minutes", get_object=_meeting)
def decision_add(request, pk: int):
    meeting = request.permission_object
    form = DecisionForm(post_data(request), meeting=meeting)
    return _child_form(
        request, meeting, form, "Add a decision",
        lambda f: services.decision_add(meeting=meeting, **f.cleaned_data),
    )  # fmt: skip


@permission_required("meetings.edit_minutes", get_object=_meeting)
def decision_edit(request, pk: int, decision_pk: int):
    meeting = request.permission_object
    decision = get_object_or_404(Decision, meeting=meeting, pk=decision_pk)

    def make(record, data=None):
        return DecisionForm(
            data,
            meeting=meeting,
            record=record,
            initial={"text": record.text, "item": record.item_id},
            submit_text="Save decision",
        )

    return _child_form(
        request, meeting, make(decision, post_data(request)), "Change a decision",
        lambda f: services.decision_update(decision=f.record, **f.edited_data()), make,
    )  # fmt: skip


@permission_required("meetings.edit_minutes", get_object=_meeting)
@require_POST
def attendee_remove(request, pk: int, attendee_pk: int):
    meeting = request.permission_object
    attendee = get_object_or_404(Attendee, meeting=meeting, pk=attendee_pk)
    services.attendee_remove(attendee=attendee)
    messages.success(request, f"{attendee.name} removed from the attendance list")
    return redirect(meeting.get_absolute_url())


@permission_required("meetings.edit_minutes", get_object=_meeting)
def next_step_add(request, pk: int):
    meeting = request.permission_object
    form = NextStepForm(post_data(request))
    return _child_form(
        request, meeting, form, "Add a next step",
        lambda f: services.next_step_add(meeting=meeting, **f.cleaned_data),
    )  # fmt: skip


@permission_required("meetings.edit_minutes", get_object=_meeting)
def future_date_add(request, pk: int):
    meeting = request.permission_object
    form = FutureDateForm(post_data(request), initial={"venue": meeting.venue})
    return _child_form(
        request, meeting, form, "Add the date of a future meeting",
        lambda f: services.meeting_add_future_date(meeting=meeting, **f.cleaned_data),
    )  # fmt: skip


@permission_required("meetings.edit_minutes", get_object=_meeting)
def action_add(request, pk: int):
    meeting = request.permission_object
    form = ActionArisingForm(post_data(request))

    def save(f):
        data = f.cleaned_data
        choice = data["programme"]
        services.action_arising_add(
            meeting=meeting,
            description=data["description"],
            owner_name=data["owner_name"],
            due_date=data["due_date"],
            programme_action=data["programme_action"] if choice == f.LINK else None,
            create_in_workstream=data["workstream"] if choice == f.CREATE else None,
            ref=(data["ref"] or "").strip(),
        )

    return _child_form(request, meeting, form, "Add an action arising", save)


@permission_required("meetings.edit_minutes", get_object=_meeting)
@require_POST
def action_toggle_done(request, pk: int, action_pk: int):
    meeting = request.permission_object
    action = get_object_or_404(ActionArising, pk=action_pk)
    services.action_arising_set_done(action=action, is_done=not action.is_done)
    messages.success(request, "Action marked as done" if action.is_done else "Action reopened")
    return redirect(meeting.get_absolute_url())


@permission_required("meetings.edit_minutes", get_object=_meeting)
@require_POST
def meeting_publish(request, pk: int):
    meeting = request.permission_object
    if request.POST.get("unpublish"):
        services.meeting_unpublish(meeting=meeting)
        messages.success(request, "The minutes are a draft again: only officers can see them")
    else:
        services.meeting_publish(meeting=meeting)
        messages.success(request, "Minutes published: members can now read them")
    return redirect(meeting.get_absolute_url())


@permission_required("meetings.view_decisions")
@require_safe
def decisions_register(request):
    form = DecisionSearchForm(request.GET or None)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    page = Paginator(selectors.decisions_register(request.user, q=q), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "meetings/decisions.html", {"form": form, "q": q, "page": page})

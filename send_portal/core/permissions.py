"""The one permissions module: who may do what.

Every rule the portal checks is registered here with django-rules. Views (all function views) ask
through ``permission_required``; templates ask with ``{% load rules %}{% has_perm "..." user obj as can %}``.

Every view is marked with its ``access_rule`` (a permission name, or ``PUBLIC``), so the access
matrix test can prove that no URL pattern was added without a rule.

Roles (see ``roles.py``): administrators and LA officers edit the programme; board members read
everything; headteachers read their own area and county-wide items and edit nothing;
anonymous visitors see only the public pages (Local Offer, adopted inclusion statement).
"""

from collections.abc import Callable
from functools import wraps

import rules
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from .roles import Role

PUBLIC = "public"


# Predicates ---------------------------------------------------------------------------------


def _has_role(role: Role) -> rules.Predicate:
    @rules.predicate(name=f"has_role_{role.name.lower()}")
    def predicate(user) -> bool:
        return bool(user and user.is_authenticated and user.has_role(role))

    return predicate


@rules.predicate
def is_superuser(user) -> bool:
    return bool(user and user.is_authenticated and user.is_superuser)


is_signed_in = rules.is_authenticated
is_administrator = is_superuser | _has_role(Role.ADMINISTRATOR)
is_officer = _has_role(Role.OFFICER)
is_headteacher = _has_role(Role.HEADTEACHER)
is_board_member = _has_role(Role.BOARD_MEMBER)

# Those who run the programme and may change it.
is_programme_editor = is_administrator | is_officer
# Those who may read all of the programme, restricted data included.
reads_everything = is_administrator | is_officer | is_board_member


@rules.predicate
def is_own_area(user, area) -> bool:
    """The object is the signed-in headteacher's own area (an Area or anything with .area)."""
    if area is None or not user.is_authenticated or user.area is None:
        return False
    area_id = getattr(area, "area_id", None) or getattr(area, "pk", None)
    return area_id == user.area.pk


# Rules --------------------------------------------------------------------------------------

# core: home pages and dashboards
rules.add_perm("core.view_signed_in_floor", is_signed_in)
rules.add_perm("core.view_officer_home", is_programme_editor)
rules.add_perm("core.view_board_dashboard", reads_everything)
rules.add_perm("core.view_area_dashboard", reads_everything | (is_headteacher & is_own_area))
rules.add_perm("core.manage_reference_data", is_administrator)
# Removing a record officers edit, and undoing it (each kind also checks its own rule).
rules.add_perm("core.remove_record", is_programme_editor)

# workstreams: programmes, workstreams, actions, progress updates, risks, import


@rules.predicate
def action_touches_own_area(user, action) -> bool:
    """The action touches the headteacher's own area, or is county-wide (touches no area)."""
    if action is None or not user.is_authenticated or user.area is None:
        return False
    area_ids = {area.pk for area in action.areas.all()}
    return not area_ids or user.area.pk in area_ids


reads_programme = reads_everything | is_headteacher
rules.add_perm("workstreams.view_programme", reads_programme)
rules.add_perm("workstreams.view_workstream", reads_programme)
rules.add_perm("workstreams.list_actions", reads_programme)
rules.add_perm(
    "workstreams.view_action", reads_everything | (is_headteacher & action_touches_own_area)
)
rules.add_perm("workstreams.change_action", is_programme_editor)
rules.add_perm("workstreams.add_progress_update", is_programme_editor)
rules.add_perm("workstreams.submit_monthly_update", is_programme_editor)
rules.add_perm("workstreams.import_actions", is_programme_editor)
rules.add_perm("workstreams.view_my_actions", is_programme_editor)
rules.add_perm("workstreams.change_risk", is_programme_editor)
rules.add_perm("workstreams.change_workstream", is_programme_editor)
# A removed evidence file: only officers reach it, from the history (readers never see it).
rules.add_perm("workstreams.view_removed_evidence", is_programme_editor)

# inspections: inspections, weaknesses, indicators, readiness
# Everyone signed in to the programme reads them (headteachers see only their own area's
# breakdown of an indicator); officers and administrators record values and milestones.
rules.add_perm("inspections.view_inspections", reads_everything | is_headteacher)
rules.add_perm("inspections.edit_indicators", is_programme_editor)
rules.add_perm("inspections.edit_milestones", is_programme_editor)
rules.add_perm("inspections.edit_judgements", is_programme_editor)

# inclusion: inclusion statements, consultations, search
has_a_role = reads_everything | is_headteacher
rules.add_perm("inclusion.view_statement_versions", reads_everything)
rules.add_perm("inclusion.edit_statement", is_programme_editor)
rules.add_perm("inclusion.view_consultations", has_a_role)
rules.add_perm("inclusion.edit_consultation", is_programme_editor)
rules.add_perm("search.search", has_a_role)

# meetings: groups, meetings, minutes, decisions


@rules.predicate
def is_own_or_countywide_group(user, group) -> bool:
    """A county-wide group (no area), or one of the headteacher's own area."""
    if group is None or not user.is_authenticated:
        return False
    group = getattr(group, "group", group)  # a Meeting or a Group
    return group.area_id is None or (user.area is not None and group.area_id == user.area.pk)


@rules.predicate
def is_published_meeting(user, meeting) -> bool:
    return bool(meeting is not None and meeting.status == "published")


rules.add_perm("meetings.view_groups", has_a_role)
rules.add_perm(
    "meetings.view_group", reads_everything | (is_headteacher & is_own_or_countywide_group)
)
rules.add_perm(
    "meetings.view_meeting",
    is_programme_editor
    | (is_published_meeting & (is_board_member | (is_headteacher & is_own_or_countywide_group))),
)
rules.add_perm("meetings.view_decisions", has_a_role)
rules.add_perm("meetings.edit_minutes", is_programme_editor)
rules.add_perm("meetings.subscribe_calendar", has_a_role)

# localoffer: services, feedback, SEN information reports, self-evaluation
# (the public pages are marked `public`; everything below is for signed-in people)
rules.add_perm("localoffer.manage_services", is_programme_editor)
rules.add_perm("localoffer.moderate_feedback", is_programme_editor)
rules.add_perm("localoffer.manage_synonyms", is_programme_editor)
rules.add_perm("localoffer.view_county_sen_reports", reads_everything)
rules.add_perm(
    "localoffer.view_area_sen_reports", reads_everything | (is_headteacher & is_own_area)
)
rules.add_perm("localoffer.review_sen_report", is_programme_editor)
rules.add_perm("localoffer.view_self_evaluation", reads_everything)
rules.add_perm("localoffer.record_self_evaluation", is_programme_editor)

# reporting: reporting periods and highlight reports


@rules.predicate
def is_own_area_report(user, report) -> bool:
    """A report of one area, and that area is the signed-in headteacher's own."""
    if report is None or not user.is_authenticated or user.area is None:
        return False
    return report.scope == "area" and report.area_id == user.area.pk


rules.add_perm("reporting.view_reports", reads_everything | is_headteacher)
rules.add_perm("reporting.view_report", reads_everything | (is_headteacher & is_own_area_report))
rules.add_perm("reporting.generate_report", is_programme_editor)
rules.add_perm("reporting.manage_periods", is_programme_editor)
# Locking goes through a confirmation page; reopening needs a written reason, and the view
# refuses it once one of the month's reports is ready (the month is then final).
rules.add_perm("reporting.lock_period", is_programme_editor)
rules.add_perm("reporting.reopen_period", is_programme_editor)


# Enforcement ---------------------------------------------------------------------------------


def public(view: Callable) -> Callable:
    """Mark a view as open to everyone, anonymous visitors included."""
    view.access_rule = PUBLIC  # type: ignore[attr-defined]  # read by the access-matrix test
    return view


def check(request, perm: str, obj=None) -> None:
    """Refuse the request unless its user holds ``perm`` (on ``obj``).

    Anonymous visitors are sent to sign in; a signed-in user without the right gets 403.
    """
    if request.user.has_perm(perm, obj):
        return
    raise PermissionDenied


def permission_required(perm: str, *, get_object: Callable | None = None) -> Callable:
    """Decorate a function view: sign-in first, then the object (404 if missing), then the rule.

    ``get_object(request, **kwargs)`` returns the object the rule is checked against.
    """

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            obj = get_object(request, *args, **kwargs) if get_object else None
            check(request, perm, obj)
            if get_object:
                request.permission_object = obj
            return view(request, *args, **kwargs)

        wrapped.access_rule = perm  # type: ignore[attr-defined]
        return wrapped

    return decorator

"""The access matrix: every URL pattern × every role → the expected answer, for GET and POST.

A URL pattern added without an entry here fails ``test_every_url_pattern_is_in_the_matrix``.
Roles: anonymous; head_x (headteacher in area X, North East); head_y (headteacher in area Y,
South); board; officer; admin. Objects in ``world`` belong to area X where that matters, so
head_y's answers prove that a headteacher cannot read another area's data by its URL.

Answers: an HTTP status, or ``LOGIN`` (a redirect to sign in).
"""

from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.inclusion import matrix_world as mw
from tests.inspections import matrix as insp
from tests.localoffer import matrix as lo
from tests.reporting import matrix as rp
from tests.workstreams import access as ws

ROLES = ("anonymous", "head_x", "head_y", "board", "officer", "admin")
LOGIN = "login"


def answers(anonymous, head_x, head_y, board, officer, admin) -> dict:
    return dict(zip(ROLES, (anonymous, head_x, head_y, board, officer, admin), strict=True))


PUBLIC = answers(200, 200, 200, 200, 200, 200)
OFFICERS = answers(LOGIN, 403, 403, 403, 200, 200)
READERS = answers(LOGIN, 403, 403, 200, 200, 200)  # board, officers, admins
SIGNED_IN = answers(LOGIN, 200, 200, 200, 200, 200)
AREA_X = answers(LOGIN, 200, 403, 200, 200, 200)  # objects of area X (or county-wide reads)
NOT_ALLOWED = answers(405, 405, 405, 405, 405, 405)


def read_only(get: dict) -> dict:
    """A read-only page's POST answers: refused as GET is, else 405 Method Not Allowed."""
    return {role: 405 if answer == 200 else answer for role, answer in get.items()}


def calendar_token(world) -> dict:
    from tests.core.factories import UserFactory
    from workstreams.meetings.services import calendar_address_regenerate

    return {"token": calendar_address_regenerate(user=UserFactory()).token}


@dataclass
class Entry:
    get: dict
    post: dict
    kwargs: object = field(default=lambda world: {})


MATRIX: dict[str, Entry] = {
    # core
    "home": Entry(get=answers(200, 302, 302, 302, 302, 302), post=NOT_ALLOWED),
    "healthz": Entry(get=PUBLIC, post=NOT_ALLOWED),
    "signed_in_floor": Entry(get=SIGNED_IN, post=read_only(SIGNED_IN)),
    "healthz_ready": Entry(get=PUBLIC, post=NOT_ALLOWED),
    "accessibility": Entry(get=PUBLIC, post=NOT_ALLOWED),
    "privacy": Entry(get=PUBLIC, post=NOT_ALLOWED),
    "admin_sign_in": Entry(
        get=answers(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN),
        post=answers(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN),
    ),
    "login": Entry(
        get=answers(200, 302, 302, 302, 302, 302), post=answers(200, 302, 302, 302, 302, 302)
    ),
    "logout": Entry(get=NOT_ALLOWED, post=answers(302, 302, 302, 302, 302, 302)),
    "password_reset": Entry(get=PUBLIC, post=PUBLIC),
    "password_reset_done": Entry(get=PUBLIC, post=NOT_ALLOWED),
    "password_reset_confirm": Entry(
        get=PUBLIC, post=PUBLIC, kwargs=lambda w: {"uidb64": "MQ", "token": "bad-token"}
    ),
    "password_reset_complete": Entry(get=PUBLIC, post=NOT_ALLOWED),
    # removing a record (an empty POST has no reason: 400) and undoing a removal (POST only)
    "record_remove": Entry(
        get=OFFICERS,
        post=answers(LOGIN, 403, 403, 403, 400, 400),
        kwargs=ws.risk_to_remove_kwargs,
    ),
    "record_restore": Entry(
        get=answers(LOGIN, 403, 403, 403, 405, 405),
        post=answers(LOGIN, 403, 403, 403, 302, 302),
        kwargs=ws.removed_risk_kwargs,
    ),
    # dashboards
    "officer_home": Entry(get=OFFICERS, post=read_only(OFFICERS)),
    "board_dashboard": Entry(get=READERS, post=read_only(READERS)),
    "area_dashboard": Entry(
        get=AREA_X, post=read_only(AREA_X), kwargs=lambda w: {"slug": w["area_x"].slug}
    ),
    # localoffer: public pages, officers' pages, SEN information reports, self-evaluation
    "localoffer:search": Entry(get=PUBLIC, post=NOT_ALLOWED),
    "localoffer:service": Entry(get=PUBLIC, post=NOT_ALLOWED, kwargs=lo.service_slug),
    "localoffer:shortlist": Entry(get=PUBLIC, post=PUBLIC),  # empty shortlist: the page again
    "localoffer:shortlist_add": Entry(
        get=NOT_ALLOWED, post=answers(302, 302, 302, 302, 302, 302), kwargs=lo.service_slug
    ),
    "localoffer:shortlist_remove": Entry(
        get=NOT_ALLOWED, post=answers(302, 302, 302, 302, 302, 302), kwargs=lo.service_slug
    ),
    "localoffer:feedback": Entry(get=PUBLIC, post=PUBLIC),  # an empty form: errors, 200
    "localoffer:feedback_sent": Entry(get=PUBLIC, post=NOT_ALLOWED),
    "localoffer:you_said_we_did": Entry(get=PUBLIC, post=NOT_ALLOWED),
    "localoffer:api_root": Entry(get=PUBLIC, post=NOT_ALLOWED),
    "localoffer:api_services": Entry(get=PUBLIC, post=NOT_ALLOWED),
    "localoffer:api_service": Entry(get=PUBLIC, post=NOT_ALLOWED, kwargs=lo.service_uuid),
    "localoffer:api_taxonomies": Entry(get=PUBLIC, post=NOT_ALLOWED),
    "localoffer:api_taxonomy": Entry(get=PUBLIC, post=NOT_ALLOWED, kwargs=lo.taxonomy_id),
    "localoffer:api_taxonomy_terms": Entry(get=PUBLIC, post=NOT_ALLOWED),
    "localoffer:api_taxonomy_term": Entry(get=PUBLIC, post=NOT_ALLOWED, kwargs=lo.taxonomy_term_id),
    "localoffer:manage": Entry(get=OFFICERS, post=read_only(OFFICERS)),
    "localoffer:service_create": Entry(get=OFFICERS, post=OFFICERS),
    "localoffer:service_edit": Entry(get=OFFICERS, post=OFFICERS, kwargs=lo.service_pk),
    "localoffer:service_assure": Entry(
        get=NOT_ALLOWED, post=answers(LOGIN, 403, 403, 403, 302, 302), kwargs=lo.service_pk
    ),
    "localoffer:contact_create": Entry(get=OFFICERS, post=OFFICERS, kwargs=lo.service_pk),
    "localoffer:location_create": Entry(get=OFFICERS, post=OFFICERS, kwargs=lo.service_pk),
    "localoffer:contact_delete": Entry(
        get=NOT_ALLOWED, post=answers(LOGIN, 403, 403, 403, 302, 302), kwargs=lo.contact_pk
    ),
    "localoffer:location_delete": Entry(
        get=NOT_ALLOWED, post=answers(LOGIN, 403, 403, 403, 302, 302), kwargs=lo.location_pk
    ),
    "localoffer:schedule_create": Entry(get=OFFICERS, post=OFFICERS, kwargs=lo.service_pk),
    "localoffer:schedule_delete": Entry(
        get=NOT_ALLOWED, post=answers(LOGIN, 403, 403, 403, 302, 302), kwargs=lo.schedule_pk
    ),
    "localoffer:synonym_list": Entry(get=OFFICERS, post=read_only(OFFICERS)),
    "localoffer:synonym_create": Entry(get=OFFICERS, post=OFFICERS),
    "localoffer:synonym_edit": Entry(get=OFFICERS, post=OFFICERS, kwargs=lo.synonym_pk),
    "localoffer:synonym_delete": Entry(
        get=NOT_ALLOWED, post=answers(LOGIN, 403, 403, 403, 302, 302), kwargs=lo.synonym_pk
    ),
    "localoffer:import": Entry(get=OFFICERS, post=OFFICERS),
    "localoffer:feedback_list": Entry(get=OFFICERS, post=read_only(OFFICERS)),
    "localoffer:feedback_moderate": Entry(get=OFFICERS, post=OFFICERS, kwargs=lo.feedback_pk),
    "localoffer:sen_reports": Entry(get=READERS, post=read_only(READERS)),
    "localoffer:sen_reports_area": Entry(get=AREA_X, post=read_only(AREA_X), kwargs=lo.area_slug),
    "localoffer:sen_review_create": Entry(get=OFFICERS, post=OFFICERS, kwargs=lo.setting_pk),
    "localoffer:sen_review": Entry(get=AREA_X, post=read_only(AREA_X), kwargs=lo.review_pk),
    "localoffer:sen_review_edit": Entry(get=OFFICERS, post=OFFICERS, kwargs=lo.review_pk),
    "localoffer:self_evaluations": Entry(get=READERS, post=read_only(READERS)),
    "localoffer:self_evaluation_create": Entry(get=OFFICERS, post=OFFICERS),
    "localoffer:self_evaluation": Entry(
        get=READERS, post=read_only(READERS), kwargs=lo.evaluation_year
    ),
    "localoffer:self_evaluation_edit": Entry(
        get=OFFICERS, post=OFFICERS, kwargs=lo.evaluation_year
    ),
    # inclusion
    "inclusion:statement": Entry(get=PUBLIC, post=read_only(PUBLIC)),
    "inclusion:version_list": Entry(get=READERS, post=read_only(READERS)),
    "inclusion:version_create": Entry(get=OFFICERS, post=OFFICERS),
    "inclusion:version_compare": Entry(get=READERS, post=read_only(READERS)),
    "inclusion:version_detail": Entry(get=READERS, post=read_only(READERS), kwargs=mw.version),
    "inclusion:version_send_for_consultation": Entry(
        get=answers(LOGIN, 403, 403, 403, 405, 405),
        post=answers(LOGIN, 403, 403, 403, 302, 302),
        kwargs=mw.version,
    ),
    "inclusion:version_adopt": Entry(get=OFFICERS, post=OFFICERS, kwargs=mw.version),
    "inclusion:section_add": Entry(get=OFFICERS, post=OFFICERS, kwargs=mw.version),
    "inclusion:section_edit": Entry(get=OFFICERS, post=OFFICERS, kwargs=mw.section),
    "inclusion:statement_add": Entry(get=OFFICERS, post=OFFICERS, kwargs=mw.section),
    "inclusion:statement_edit": Entry(
        get=OFFICERS, post=OFFICERS, kwargs=lambda w: {"pk": mw.inclusion_world(w)["statement"].pk}
    ),
    "inclusion:consultation_list": Entry(get=SIGNED_IN, post=read_only(SIGNED_IN)),
    "inclusion:consultation_create": Entry(get=OFFICERS, post=OFFICERS),
    "inclusion:consultation_detail": Entry(
        get=SIGNED_IN, post=read_only(SIGNED_IN), kwargs=mw.consultation
    ),
    "inclusion:you_said_we_did": Entry(
        get=SIGNED_IN, post=read_only(SIGNED_IN), kwargs=mw.consultation
    ),
    "inclusion:response_figure_add": Entry(get=OFFICERS, post=OFFICERS, kwargs=mw.consultation),
    "inclusion:topic_add": Entry(get=OFFICERS, post=OFFICERS, kwargs=mw.consultation),
    "inclusion:topic_point_add": Entry(
        get=OFFICERS, post=OFFICERS, kwargs=lambda w: {"pk": mw.inclusion_world(w)["topic"].pk}
    ),
    "inclusion:topic_figure_add": Entry(
        get=OFFICERS, post=OFFICERS, kwargs=lambda w: {"pk": mw.inclusion_world(w)["topic"].pk}
    ),
    "inclusion:point_we_did": Entry(
        get=OFFICERS, post=OFFICERS, kwargs=lambda w: {"pk": mw.inclusion_world(w)["theme"].pk}
    ),
    "inclusion:next_step_action": Entry(
        get=OFFICERS, post=OFFICERS, kwargs=lambda w: {"pk": mw.inclusion_world(w)["step"].pk}
    ),
    "search:search": Entry(get=SIGNED_IN, post=read_only(SIGNED_IN)),
    # meetings
    "meetings:group_list": Entry(get=SIGNED_IN, post=read_only(SIGNED_IN)),
    "meetings:group_create": Entry(get=OFFICERS, post=OFFICERS),
    "meetings:group_detail": Entry(get=AREA_X, post=read_only(AREA_X), kwargs=mw.group),
    "meetings:group_ical": Entry(get=AREA_X, post=read_only(AREA_X), kwargs=mw.group),
    "meetings:meeting_create": Entry(get=OFFICERS, post=OFFICERS, kwargs=mw.group),
    "meetings:meeting_detail": Entry(get=AREA_X, post=read_only(AREA_X), kwargs=mw.meeting),
    "meetings:meeting_pdf": Entry(get=AREA_X, post=read_only(AREA_X), kwargs=mw.meeting),
    "meetings:meeting_edit": Entry(get=OFFICERS, post=OFFICERS, kwargs=mw.meeting),
    "meetings:attendee_add": Entry(get=OFFICERS, post=OFFICERS, kwargs=mw.meeting),
    "meetings:item_add": Entry(get=OFFICERS, post=OFFICERS, kwargs=mw.meeting),
    "meetings:item_edit": Entry(
        get=OFFICERS, post=OFFICERS, kwargs=lambda w: {**mw.meeting(w), "number": 1}
    ),
    "meetings:decision_add": Entry(get=OFFICERS, post=OFFICERS, kwargs=mw.meeting),
    "meetings:decision_edit": Entry(
        get=OFFICERS,
        post=OFFICERS,
        kwargs=lambda w: {**mw.meeting(w), "decision_pk": mw.meetings_world(w)["decision"].pk},
    ),
    "meetings:attendee_remove": Entry(
        get=answers(LOGIN, 403, 403, 403, 405, 405),
        post=answers(LOGIN, 403, 403, 403, 302, 302),
        kwargs=lambda w: {**mw.meeting(w), "attendee_pk": mw.meetings_world(w)["attendee"].pk},
    ),
    "meetings:action_add": Entry(get=OFFICERS, post=OFFICERS, kwargs=mw.meeting),
    "meetings:action_toggle_done": Entry(
        get=answers(LOGIN, 403, 403, 403, 405, 405),
        post=answers(LOGIN, 403, 403, 403, 302, 302),
        kwargs=lambda w: {**mw.meeting(w), "action_pk": mw.meetings_world(w)["action"].pk},
    ),
    "meetings:next_step_add": Entry(get=OFFICERS, post=OFFICERS, kwargs=mw.meeting),
    "meetings:future_date_add": Entry(get=OFFICERS, post=OFFICERS, kwargs=mw.meeting),
    "meetings:meeting_publish": Entry(
        get=answers(LOGIN, 403, 403, 403, 405, 405),
        post=answers(LOGIN, 403, 403, 403, 302, 302),
        kwargs=mw.meeting,
    ),
    "meetings:decisions": Entry(get=SIGNED_IN, post=read_only(SIGNED_IN)),
    "meetings:calendar_address": Entry(get=SIGNED_IN, post=answers(LOGIN, 302, 302, 302, 302, 302)),
    # a real person's secret address: it answers everyone, no session needed
    "meetings:calendar_feed": Entry(get=PUBLIC, post=NOT_ALLOWED, kwargs=calendar_token),
    # workstreams (objects: an action touching area X only, see tests/workstreams/access.py)
    "workstreams:programme_list": Entry(get=SIGNED_IN, post=read_only(SIGNED_IN)),
    "workstreams:programme_detail": Entry(
        get=SIGNED_IN, post=read_only(SIGNED_IN), kwargs=ws.programme_kwargs
    ),
    "workstreams:workstream_detail": Entry(
        get=SIGNED_IN, post=answers(LOGIN, 403, 403, 403, 400, 400), kwargs=ws.workstream_kwargs
    ),
    "workstreams:workstream_edit": Entry(get=OFFICERS, post=OFFICERS, kwargs=ws.workstream_kwargs),
    "workstreams:risk_new": Entry(
        get=OFFICERS, post=answers(LOGIN, 403, 403, 403, 400, 400), kwargs=ws.workstream_kwargs
    ),
    "workstreams:risk_edit": Entry(
        get=OFFICERS, post=answers(LOGIN, 403, 403, 403, 400, 400), kwargs=ws.risk_kwargs
    ),
    "workstreams:action_list": Entry(get=SIGNED_IN, post=read_only(SIGNED_IN)),
    "workstreams:action_export_csv": Entry(get=SIGNED_IN, post=read_only(SIGNED_IN)),
    "workstreams:action_export_xlsx": Entry(get=SIGNED_IN, post=read_only(SIGNED_IN)),
    "workstreams:my_actions": Entry(get=OFFICERS, post=read_only(OFFICERS)),
    "workstreams:action_import": Entry(get=OFFICERS, post=answers(LOGIN, 403, 403, 403, 400, 400)),
    "workstreams:action_detail": Entry(get=AREA_X, post=read_only(AREA_X), kwargs=ws.action_kwargs),
    "workstreams:action_edit": Entry(
        get=OFFICERS, post=answers(LOGIN, 403, 403, 403, 400, 400), kwargs=ws.action_kwargs
    ),
    "workstreams:action_status": Entry(
        get=answers(LOGIN, 403, 403, 403, 405, 405),
        post=answers(LOGIN, 403, 403, 403, 400, 400),
        kwargs=ws.action_kwargs,
    ),
    "workstreams:progress_update_new": Entry(
        get=OFFICERS, post=answers(LOGIN, 403, 403, 403, 400, 400), kwargs=ws.action_kwargs
    ),
    "workstreams:milestone_new": Entry(
        get=OFFICERS, post=answers(LOGIN, 403, 403, 403, 400, 400), kwargs=ws.action_kwargs
    ),
    "workstreams:progress_update_edit": Entry(
        get=OFFICERS, post=answers(LOGIN, 403, 403, 403, 400, 400), kwargs=ws.update_kwargs
    ),
    "workstreams:milestone_edit": Entry(
        get=OFFICERS, post=answers(LOGIN, 403, 403, 403, 400, 400), kwargs=ws.milestone_kwargs
    ),
    # an empty POST carries no version: refused as a save over an old copy (409)
    "workstreams:evidence_edit": Entry(
        get=OFFICERS, post=answers(LOGIN, 403, 403, 403, 409, 409), kwargs=ws.evidence_kwargs
    ),
    # a removed file: only officers, from the history
    "workstreams:evidence_download_removed": Entry(
        get=OFFICERS, post=read_only(OFFICERS), kwargs=ws.removed_evidence_kwargs
    ),
    "workstreams:milestone_done": Entry(
        get=OFFICERS,
        post=answers(LOGIN, 403, 403, 403, 400, 400),  # an empty POST: "Select done or not done"
        kwargs=ws.milestone_kwargs,
    ),
    "workstreams:evidence_download": Entry(
        get=AREA_X, post=read_only(AREA_X), kwargs=ws.evidence_kwargs
    ),
    # inspections: everyone signed in reads (county-wide); officers and admins record
    "inspections:inspection_list": Entry(get=SIGNED_IN, post=read_only(SIGNED_IN)),
    "inspections:inspection_detail": Entry(
        get=SIGNED_IN, post=read_only(SIGNED_IN), kwargs=insp.inspection_pk
    ),
    "inspections:weakness_detail": Entry(
        get=SIGNED_IN, post=read_only(SIGNED_IN), kwargs=insp.weakness_pk
    ),
    "inspections:weakness_readiness": Entry(
        get=SIGNED_IN, post=read_only(SIGNED_IN), kwargs=insp.weakness_pk
    ),
    "inspections:weakness_readiness_pdf": Entry(
        get=SIGNED_IN, post=read_only(SIGNED_IN), kwargs=insp.weakness_pk
    ),
    "inspections:indicator_list": Entry(get=SIGNED_IN, post=read_only(SIGNED_IN)),
    "inspections:indicator_detail": Entry(
        get=SIGNED_IN, post=read_only(SIGNED_IN), kwargs=insp.indicator_pk
    ),
    "inspections:indicator_add": Entry(get=OFFICERS, post=OFFICERS, kwargs=insp.weakness_pk),
    "inspections:indicator_edit": Entry(get=OFFICERS, post=OFFICERS, kwargs=insp.indicator_pk),
    "inspections:indicator_value_add": Entry(get=OFFICERS, post=OFFICERS, kwargs=insp.indicator_pk),
    "inspections:indicator_value_edit": Entry(
        get=OFFICERS, post=OFFICERS, kwargs=insp.indicator_value_pks
    ),
    "inspections:indicator_values_upload": Entry(
        get=OFFICERS, post=OFFICERS, kwargs=insp.indicator_pk
    ),
    "inspections:judgement_edit": Entry(get=OFFICERS, post=OFFICERS, kwargs=insp.judgement_kwargs),
    "inspections:milestone_edit": Entry(get=OFFICERS, post=OFFICERS, kwargs=insp.milestone_pk),
    "inspections:indicator_from_catalogue": Entry(
        get=OFFICERS, post=OFFICERS, kwargs=insp.weakness_pk
    ),
    "inspections:indicator_official_upload": Entry(
        get=OFFICERS, post=OFFICERS, kwargs=insp.indicator_pk
    ),
    "inspections:statistical_neighbours": Entry(get=OFFICERS, post=OFFICERS),
    "inspections:engagement_meeting_add": Entry(
        get=OFFICERS, post=OFFICERS, kwargs=insp.inspection_2023_pk
    ),
    # reporting (headteachers read the reports page, listing only their own area's reports;
    # a report of area X is downloaded by head_x, never head_y)
    "reporting:list": Entry(get=SIGNED_IN, post=read_only(SIGNED_IN)),
    "reporting:generate": Entry(
        get=answers(LOGIN, 403, 403, 403, 405, 405), post=answers(LOGIN, 403, 403, 403, 400, 400)
    ),
    "reporting:status": Entry(get=AREA_X, post=read_only(AREA_X), kwargs=rp.area_x_report_pk),
    "reporting:download": Entry(get=AREA_X, post=read_only(AREA_X), kwargs=rp.area_x_report_pk),
    "reporting:retry": Entry(
        get=answers(LOGIN, 403, 403, 403, 405, 405),
        post=answers(LOGIN, 403, 403, 403, 302, 302),
        kwargs=rp.area_x_report_pk,
    ),
    "reporting:periods": Entry(get=OFFICERS, post=read_only(OFFICERS)),
    "reporting:period_open": Entry(
        get=answers(LOGIN, 403, 403, 403, 405, 405), post=answers(LOGIN, 403, 403, 403, 400, 400)
    ),
    # locking: a confirmation page; a POST without its confirm field is refused (400)
    "reporting:period_lock": Entry(
        get=OFFICERS, post=answers(LOGIN, 403, 403, 403, 400, 400), kwargs=rp.open_period_pk
    ),
    "reporting:period_reopen": Entry(
        get=OFFICERS, post=answers(LOGIN, 403, 403, 403, 400, 400), kwargs=rp.locked_period_pk
    ),
}


def _names(resolver, namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _names(entry, ns)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}{entry.name}" if entry.name else f"<unnamed {entry.pattern}>")


def test_every_url_pattern_is_in_the_matrix():
    missing = sorted(set(_names(get_resolver())) - set(MATRIX))
    assert not missing, f"URL patterns with no entry in the access matrix: {missing}"


@pytest.fixture
def world(role_users, area_ne, area_south):
    """The objects the URLs point at, in area X (North East) unless a test says otherwise."""
    return {"area_x": area_ne, "area_y": area_south}


def _check(response, expected, role, name, method):
    where = f"{method} {name} as {role}"
    if expected == LOGIN:
        assert response.status_code == 302, f"{where}: {response.status_code}, expected sign-in"
        assert response.url.startswith(reverse("login")), f"{where}: went to {response.url}"
    else:
        assert response.status_code == expected, (
            f"{where}: {response.status_code}, expected {expected}"
        )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_access(client_for, world, name, role):
    entry = MATRIX[name]
    url = reverse(name, kwargs=entry.kwargs(world))
    client = client_for(role)
    _check(client.get(url), entry.get[role], role, name, "GET")
    client = client_for(role)
    _check(client.post(url, {}), entry.post[role], role, name, "POST")

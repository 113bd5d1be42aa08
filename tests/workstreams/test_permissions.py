"""Who may use each page, per role; headteachers see only their own area and county-wide."""

import pytest
from django.contrib.auth.models import AnonymousUser

from workstreams.selectors import actions_visible_to

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "head_x", "head_y", "board", "officer", "admin"]
READERS = {"head_x", "head_y", "board", "officer", "admin"}
EDITORS = {"officer", "admin"}

RULES = {
    "workstreams.view_programme": READERS,
    "workstreams.view_workstream": READERS,
    "workstreams.list_actions": READERS,
    "workstreams.change_action": EDITORS,
    "workstreams.add_progress_update": EDITORS,
    "workstreams.submit_monthly_update": EDITORS,
    "workstreams.import_actions": EDITORS,
    "workstreams.view_my_actions": EDITORS,
    "workstreams.change_risk": EDITORS,
    "workstreams.change_workstream": EDITORS,
}


@pytest.mark.parametrize("rule", sorted(RULES))
@pytest.mark.parametrize("role", ROLES)
def test_rule_table(rule, role, role_users):
    user = role_users[role] or AnonymousUser()
    assert user.has_perm(rule) is (role in RULES[rule])


# (action, roles that may view it): head_x is North East, head_y is South.
VIEW_ACTION = {
    "county": {"head_x", "head_y", "board", "officer", "admin"},
    "ne": {"head_x", "board", "officer", "admin"},
    "south": {"head_y", "board", "officer", "admin"},
}


@pytest.mark.parametrize("which", sorted(VIEW_ACTION))
@pytest.mark.parametrize("role", ROLES)
def test_view_action_is_object_level(which, role, role_users, actions):
    user = role_users[role] or AnonymousUser()
    assert user.has_perm("workstreams.view_action", actions[which]) is (role in VIEW_ACTION[which])


@pytest.mark.parametrize("role", ROLES)
def test_lists_only_what_the_role_may_see(role, role_users, actions):
    user = role_users[role] or AnonymousUser()
    visible = set(actions_visible_to(user).values_list("ref", flat=True))
    expected = {a.ref for key, a in actions.items() if role in VIEW_ACTION[key]}
    assert visible == expected


def _pages(actions, programme, workstream):
    action = actions["county"]
    return {
        "/programmes/": READERS,
        f"/programmes/{programme.slug}/": READERS,
        f"/programmes/{programme.slug}/workstreams/{workstream.code}/": READERS,
        "/actions/": READERS,
        "/actions/export.csv": READERS,
        "/actions/export.xlsx": READERS,
        "/actions/mine/": EDITORS,
        "/actions/import/": EDITORS,
        f"/actions/{action.pk}/": READERS,
        f"/actions/{actions['ne'].pk}/": {"head_x", "board", "officer", "admin"},
        f"/actions/{actions['south'].pk}/": {"head_y", "board", "officer", "admin"},
        f"/actions/{action.pk}/edit/": EDITORS,
        f"/actions/{action.pk}/updates/new/": EDITORS,
    }


@pytest.mark.parametrize("role", ROLES)
def test_every_page_per_role(role, client_for, actions, programme, workstream):
    client = client_for(role)
    for url, allowed in _pages(actions, programme, workstream).items():
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302 and "/sign-in/" in response["Location"], url
        elif role in allowed:
            assert response.status_code == 200, url
        else:
            assert response.status_code == 403, url


@pytest.mark.parametrize("role", ["head_x", "head_y", "board"])
def test_readers_cannot_post_changes(role, client_for, actions, workstream, programme):
    client = client_for(role)
    action = actions["county"]
    for url in [
        f"/actions/{action.pk}/status/",
        f"/actions/{action.pk}/edit/",
        f"/actions/{action.pk}/updates/new/",
        "/actions/import/",
        f"/programmes/{programme.slug}/workstreams/{workstream.code}/",
    ]:
        assert client.post(url, {"status": "completed", "version": 1}).status_code == 403, url
    action.refresh_from_db()
    assert action.status == "underway_on_target"


def test_headteacher_never_sees_another_areas_action_listed(client_for, actions, programme):
    for url in ["/actions/", f"/programmes/{programme.slug}/workstreams/C/"]:
        html = client_for("head_x").get(url).content.decode()
        assert "North East action" in html and "County-wide action" in html
        assert "South action" not in html
    csv = client_for("head_x").get("/actions/export.csv").content.decode()
    assert "C.2" in csv and "C.1" in csv and "C.3" not in csv


def test_missing_objects_are_404(client_for, actions):
    client = client_for("officer")
    assert client.get("/actions/999999/").status_code == 404
    assert client.get("/programmes/nope/").status_code == 404
    assert client.get("/programmes/kent-wsoa/workstreams/Z/").status_code == 404

"""The permissions module's rules, as a table: rule × role → allowed."""

import pytest

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "head_x", "head_y", "board", "officer", "admin"]

TABLE = {
    # rule: roles allowed (object: the North East area where the rule takes one)
    "core.view_signed_in_floor": {"head_x", "head_y", "board", "officer", "admin"},
    "core.view_officer_home": {"officer", "admin"},
    "core.view_board_dashboard": {"board", "officer", "admin"},
    "core.view_area_dashboard": {"head_x", "board", "officer", "admin"},
    "core.manage_reference_data": {"admin"},
}


@pytest.mark.parametrize("rule", sorted(TABLE))
@pytest.mark.parametrize("role", ROLES)
def test_rule_table(rule, role, role_users, area_ne):
    from django.contrib.auth.models import AnonymousUser

    user = role_users[role] or AnonymousUser()
    obj = area_ne if rule == "core.view_area_dashboard" else None
    assert user.has_perm(rule, obj) is (role in TABLE[rule])


@pytest.mark.django_db
def test_a_denied_rule_costs_no_query_and_superusers_keep_the_admin(
    head_ne, administrator, django_assert_num_queries
):
    """Permissions are the rules only: no Django model permission is looked up."""
    assert head_ne.role_names and head_ne.area  # loaded, as on every page
    with django_assert_num_queries(0):
        assert not head_ne.has_perm("core.view_board_dashboard")
        assert not head_ne.has_perm("auth.change_group")
        assert head_ne.get_all_permissions() == set()
    assert administrator.has_perm("auth.change_group")  # the Django admin
    assert administrator.has_module_perms("auth")


@pytest.mark.django_db
def test_each_request_reads_the_person_and_their_area_in_one_query_and_roles_in_another(
    client, head_ne, django_assert_num_queries
):
    from django.contrib.auth import get_user

    client.force_login(head_ne)
    session = client.session
    assert session.get("_auth_user_id")  # the session's own query is not the person's
    request = type("Request", (), {"session": session})()
    with django_assert_num_queries(1):
        user = get_user(request)
        assert user.area.name == "North East"
    with django_assert_num_queries(1):
        assert user.role_names == {"Headteacher"}
    head_ne.groups.clear()
    assert get_user(request).role_names == frozenset()

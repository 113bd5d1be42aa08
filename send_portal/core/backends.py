"""Signing in, and nothing else, from Django's ModelBackend; each request's person in one query.

Every permission in the portal is a rule in ``permissions.py`` (django-rules, through its
``ObjectPermissionBackend``); no Django model permission is ever given to a person or a role.
ModelBackend would still look for them, two queries for every person on the first permission
the rules deny, on every page: this backend answers "no" without asking the database.
Superusers keep every permission (``User.has_perm`` grants them before any backend is asked),
which is what the Django admin needs.

``get_user`` (run on every request of a signed-in person) reads the person, their setting and its
area, and which roles they hold, in one query instead of three.
"""

from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef

from .roles import ALL_ROLES


class SignInBackend(ModelBackend):
    def get_user(self, user_id):
        from .models import User

        memberships = User.groups.through.objects.filter(user_id=OuterRef("pk"))
        holds = {
            f"holds_role_{index}": Exists(memberships.filter(group__name=role.value))
            for index, role in enumerate(ALL_ROLES)
        }
        try:
            user = (
                User._default_manager.select_related("setting__area")
                .annotate(**holds)
                .get(pk=user_id)
            )
        except User.DoesNotExist:
            return None
        user.__dict__["role_names"] = frozenset(  # User.role_names is a cached_property
            role.value
            for index, role in enumerate(ALL_ROLES)
            if getattr(user, f"holds_role_{index}")
        )
        return user if self.user_can_authenticate(user) else None

    def get_user_permissions(self, user_obj, obj=None) -> set:
        return set()

    def get_group_permissions(self, user_obj, obj=None) -> set:
        return set()

    def get_all_permissions(self, user_obj, obj=None) -> set:
        return set()

    def has_perm(self, user_obj, perm, obj=None) -> bool:
        return False

    def has_module_perms(self, user_obj, app_label) -> bool:
        return False

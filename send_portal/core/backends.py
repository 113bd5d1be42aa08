"""Signing in, and nothing else, from Django's ModelBackend; each request's person and area at once.

Every permission in the portal is a rule in ``permissions.py`` (django-rules, through its
``ObjectPermissionBackend``); no Django model permission is ever given to a person or a role.
ModelBackend would still look for them, two queries for every person on the first permission
the rules deny, on every page: this backend answers "no" without asking the database.
Superusers keep every permission (``User.has_perm`` grants them before any backend is asked),
which is what the Django admin needs.

``get_user`` (run on every request of a signed-in person) reads the person with their setting and
its area in one query (a headteacher's area is on every page they open). Their roles are one more
(``User.role_names``): annotating them onto the same query was measured slower, its four EXISTS
subqueries costing more to compile than the query they save.
"""

from django.contrib.auth.backends import ModelBackend


class SignInBackend(ModelBackend):
    def get_user(self, user_id):
        from .models import User

        try:
            user = User._default_manager.select_related("setting__area").get(pk=user_id)
        except User.DoesNotExist:
            return None
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

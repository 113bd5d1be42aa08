"""Signing in, and nothing else, from Django's ModelBackend.

Every permission in the portal is a rule in ``permissions.py`` (django-rules, through its
``ObjectPermissionBackend``); no Django model permission is ever given to a person or a role.
ModelBackend would still look for them, two queries for every person on the first permission
the rules deny, on every page: this backend answers "no" without asking the database.
Superusers keep every permission (``User.has_perm`` grants them before any backend is asked),
which is what the Django admin needs.
"""

from django.contrib.auth.backends import ModelBackend


class SignInBackend(ModelBackend):
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

"""Reads of the shared reference data."""

from django.db.models import QuerySet

from .models import User
from .roles import Role


def users_with_role(*, role: Role) -> QuerySet[User]:
    return User.objects.filter(groups__name=role.value, is_active=True).order_by("full_name")

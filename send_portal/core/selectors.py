"""Reads of the shared reference data."""

from django.db.models import QuerySet

from .models import Area, Setting, User
from .roles import Role


def area_settings(*, area: Area) -> QuerySet[Setting]:
    return Setting.objects.filter(area=area).order_by("phase", "name")


def users_with_role(*, role: Role) -> QuerySet[User]:
    return User.objects.filter(groups__name=role.value, is_active=True).order_by("full_name")

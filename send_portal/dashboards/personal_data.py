"""Everything held about one person: export it (``manage.py export_person EMAIL``) or forget it
(``manage.py forget_person EMAIL``).

What counts as "about a person" is found from the models, not listed, so a new model is covered:
every row of every project model (historical records included) with an email field equal to
the address, a person's-name field (``PERSON_NAME_FIELDS``) equal to a name the person is known
by, or a foreign key to their account. Core's sign-in log and reset requests hold the address
in plain text fields and are handled by name.

Forgetting replaces names and addresses in place and deactivates the account: every record
(minutes, actions, reports, history) stays, with its links intact, but no longer says who.
Both are logged (the account's id, never the address).
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from send_portal.core.models import PasswordResetRequest, SignInAttempt, SignInLockout

logger = logging.getLogger("send_portal.personal_data")

PROJECT_APPS = (
    "core",
    "workstreams",
    "meetings",
    "reporting",
    "inspections",
    "inclusion",
    "localoffer",
    "dashboards",
)
PERSON_NAME_FIELDS = {"name", "full_name", "owner_name", "lead_name", "contact_name"}
# Models with a "name" that is never a person's.
NOT_PEOPLE = {
    "core.area",
    "core.setting",
    "workstreams.programme",
    "inspections.indicator",
    "localoffer.category",
    "localoffer.areaofneed",
    "localoffer.organisation",
    "localoffer.service",
    "localoffer.location",
    "meetings.group",
    "reporting.indicatorsnapshot",
}
NAME_REMOVED = "Name removed"
PLAIN_LOGS = (SignInAttempt, PasswordResetRequest)


def _project_models():
    for model in apps.get_models():
        if model._meta.app_label in PROJECT_APPS and model not in PLAIN_LOGS:
            yield model


def _email_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, models.EmailField)]


def _name_fields(model):
    if model._meta.label_lower.replace("historical", "") in NOT_PEOPLE:
        return []
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField)
        and not isinstance(f, models.EmailField)
        and f.name in PERSON_NAME_FIELDS
    ]


def _user_fks(model):
    User = get_user_model()
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.ForeignKey) and f.related_model is User
    ]


def _names_of(email: str, user) -> set[str]:
    names = {user.full_name.strip()} if user and user.full_name.strip() else set()
    Contact = apps.get_model("localoffer", "Contact")
    names |= {
        n.strip()
        for n in Contact.objects.filter(email__iexact=email).values_list("name", flat=True)
        if n.strip()
    }
    return names


def _matches(model, *, email: str, names: set[str], user) -> Q | None:
    query = Q()
    found = False
    for field in _email_fields(model):
        query |= Q(**{f"{field.name}__iexact": email})
        found = True
    for field in _name_fields(model):
        for name in names:
            query |= Q(**{f"{field.name}__iexact": name})
            found = True
    if user is not None:
        for field in _user_fks(model):
            query |= Q(**{field.attname: user.pk})
            found = True
    return query if found else None


def person_export(*, email: str) -> dict:
    """Everything held about the person with this address, as plain data (JSON-ready)."""
    email = email.strip().lower()
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    names = _names_of(email, user)
    held: dict[str, list] = defaultdict(list)
    for model in _project_models():
        query = _matches(model, email=email, names=names, user=user)
        if query is None:
            continue
        rows = model._default_manager.filter(query)
        for item in serializers.serialize("python", rows):
            item["fields"].pop("password", None)
            held[model._meta.label].append({"id": item["pk"], **item["fields"]})
    held["core.SignInAttempt"] = list(
        SignInAttempt.objects.filter(email=email).values(
            "attempted_at", "client_address", "outcome"
        )
    )
    held["core.PasswordResetRequest"] = list(
        PasswordResetRequest.objects.filter(email=email).values(
            "requested_at", "client_address", "sent"
        )
    )
    if user is not None:
        held["account.roles"] = sorted(user.role_names)
    logger.info(
        "export_person: account %s, %s records",
        user.pk if user else "none",
        sum(len(v) for v in held.values()),
    )
    return {
        "email": email,
        "exported_at": timezone.now(),
        "held": {label: rows for label, rows in sorted(held.items()) if rows},
    }


def person_export_json(*, email: str) -> str:
    return json.dumps(person_export(email=email), cls=DjangoJSONEncoder, indent=2)


@transaction.atomic
def person_forget(*, email: str) -> dict[str, int]:
    """Replace this person's names and address everywhere; deactivate their account. Returns
    how many rows changed, by model."""
    email = email.strip().lower()
    User = get_user_model()
    user = User.objects.select_for_update().filter(email__iexact=email).first()
    names = _names_of(email, user)
    changed: dict[str, int] = defaultdict(int)
    for model in _project_models():
        if model is User:
            continue
        manager = model._default_manager
        name_fields = _name_fields(model)

        for field in _email_fields(model):
            # A row with the address: its address and the name beside it are the person's.
            updates = {field.name: "" if field.blank else "removed@example.invalid"}
            updates |= {f.name: _removed(model, f) for f in name_fields}
            count = manager.filter(**{f"{field.name}__iexact": email}).update(**updates)
            changed[model._meta.label] += count
        for field in name_fields:
            for name in names:
                count = manager.filter(**{f"{field.name}__iexact": name}).update(
                    **{field.name: _removed(model, field)}
                )
                changed[model._meta.label] += count
    changed["core.SignInAttempt"] = SignInAttempt.objects.filter(email=email).update(email="")
    changed["core.PasswordResetRequest"] = PasswordResetRequest.objects.filter(email=email).update(
        email="removed@example.invalid"
    )
    changed["core.SignInLockout"] = SignInLockout.objects.filter(
        scope=SignInLockout.Scope.ACCOUNT, key=email
    ).delete()[0]
    if user is not None:
        user.email = f"forgotten-{user.pk}@example.invalid"
        user.full_name = NAME_REMOVED
        user.job_title = ""
        user.organisation = ""
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.set_unusable_password()
        user.save()
        changed["core.User"] = 1
        changed["sessions.Session"] = _end_sessions(user.pk)
    logger.warning(
        "forget_person: account %s, %s rows changed",
        user.pk if user else "none",
        sum(changed.values()),
    )
    return {label: count for label, count in sorted(changed.items()) if count}


def _removed(model, field) -> str:
    """What replaces a name: nothing where a name was optional (feedback), else words that
    keep a minute or an action readable."""
    return "" if field.blank and model._meta.model_name == "feedback" else NAME_REMOVED


def _end_sessions(user_id: int) -> int:
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user_id):
            session.delete()
            ended += 1
    return ended

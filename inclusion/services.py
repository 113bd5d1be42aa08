"""Writes for inclusion statements and consultations (keyword-only, atomic)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from workstreams.models import Action, Workstream
from workstreams.services import programme_action_create

from .models import (
    ConsultationTopic,
    Statement,
    StatementSection,
    StatementVersion,
    TopicPoint,
)

State = StatementVersion.State


@transaction.atomic
def version_create(*, title: str, summary: str = "") -> StatementVersion:
    """A new draft version, starting as a copy of the latest version (if there is one)."""
    versions = list(StatementVersion.objects.select_for_update().order_by("number"))
    latest = versions[-1] if versions else None
    version = StatementVersion.objects.create(
        number=(latest.number + 1) if latest else 1,
        title=title,
        summary=summary,
        based_on=latest,
        state=State.DRAFT,
    )
    if latest is not None:
        for section in latest.sections.prefetch_related("statements"):
            copy = StatementSection.objects.create(
                version=version, position=section.position, heading=section.heading
            )
            Statement.objects.bulk_create(
                Statement(section=copy, position=s.position, text=s.text)
                for s in section.statements.all()
            )
    return version


def _require_editable(version: StatementVersion) -> None:
    """Refuse changes to an adopted or superseded version (its state read afresh, locked)."""
    version = StatementVersion.objects.select_for_update().get(pk=version.pk)
    if not version.is_editable:
        raise ValidationError(
            f"Version {version.number} is {version.get_state_display().lower()} and cannot be "
            "changed. Start a new version instead."
        )


@transaction.atomic
def section_add(*, version: StatementVersion, heading: str) -> StatementSection:
    _require_editable(version)
    last = version.sections.aggregate(m=Max("position"))["m"] or 0
    return StatementSection.objects.create(version=version, position=last + 1, heading=heading)


@transaction.atomic
def section_update(*, section: StatementSection, heading: str) -> StatementSection:
    _require_editable(section.version)
    section.heading = heading
    section.save(update_fields=["heading"])
    return section


@transaction.atomic
def statement_add(*, section: StatementSection, text: str) -> Statement:
    _require_editable(section.version)
    last = section.statements.aggregate(m=Max("position"))["m"] or 0
    return Statement.objects.create(section=section, position=last + 1, text=text)


@transaction.atomic
def statement_update(*, statement: Statement, text: str) -> Statement:
    _require_editable(statement.section.version)
    statement.text = text
    statement.save()
    return statement


@transaction.atomic
def statement_delete(*, statement: Statement) -> None:
    _require_editable(statement.section.version)
    statement.delete()


@transaction.atomic
def version_send_for_consultation(*, version: StatementVersion) -> StatementVersion:
    if version.state != State.DRAFT:
        raise ValidationError("Only a draft can be sent out for consultation.")
    version.state = State.CONSULTATION
    version.save(update_fields=["state"])
    return version


@transaction.atomic
def version_adopt(*, version: StatementVersion, adopted_on: datetime.date) -> StatementVersion:
    """Adopt a version; the previously adopted one becomes superseded. Safe when two adopt at once.

    Every version row is locked (in one order, so two adopters queue rather than deadlock); the
    adopted version is then read again after the lock, so the later of two adopters supersedes
    the earlier one and exactly one version is ever adopted.
    """
    list(StatementVersion.objects.select_for_update().order_by("pk").values_list("pk"))
    version = StatementVersion.objects.get(pk=version.pk)
    if version.state not in {State.DRAFT, State.CONSULTATION}:
        raise ValidationError(
            f"Version {version.number} is {version.get_state_display().lower()}: only a draft "
            "or a version out for consultation can be adopted."
        )
    StatementVersion.objects.filter(state=State.ADOPTED).exclude(pk=version.pk).update(
        state=State.SUPERSEDED
    )
    version.state = State.ADOPTED
    version.adopted_on = adopted_on
    version.save(update_fields=["state", "adopted_on"])
    return version


# Consultations ------------------------------------------------------------------------------


@transaction.atomic
def topic_point_add(*, topic: ConsultationTopic, kind: str, text: str) -> TopicPoint:
    last = topic.points.filter(kind=kind).aggregate(m=Max("position"))["m"] or 0
    return TopicPoint.objects.create(topic=topic, kind=kind, position=last + 1, text=text)


@transaction.atomic
def theme_record_response(*, point: TopicPoint, we_did: str) -> TopicPoint:
    point.we_did = we_did
    point.save()
    return point


@transaction.atomic
def next_step_link_action(*, point: TopicPoint, action: Action) -> TopicPoint:
    if point.kind != TopicPoint.Kind.NEXT_STEP:
        raise ValidationError("Only a next step can be turned into a programme action.")
    point.action = action
    point.save(update_fields=["action"])
    return point


@transaction.atomic
def next_step_create_action(
    *,
    point: TopicPoint,
    workstream: Workstream,
    ref: str,
    title: str,
    owner_name: str = "",
    due_date: datetime.date | None = None,
) -> Action:
    """Create a programme action for a next step and link the two (linked, not copied)."""
    action = programme_action_create(
        workstream=workstream, ref=ref, title=title, owner_name=owner_name, due_date=due_date
    )
    next_step_link_action(point=point, action=action)
    return action

"""Reads for inclusion statements and consultations."""

from django.db.models import Prefetch, QuerySet

from .models import (
    Consultation,
    ConsultationTopic,
    StatementSection,
    StatementVersion,
    TopicPoint,
)


def _with_sections(qs: QuerySet[StatementVersion]) -> QuerySet[StatementVersion]:
    return qs.prefetch_related(
        Prefetch(
            "sections",
            queryset=StatementSection.objects.order_by("position").prefetch_related("statements"),
        )
    )


def adopted_version() -> StatementVersion | None:
    return _with_sections(
        StatementVersion.objects.filter(state=StatementVersion.State.ADOPTED)
    ).first()


def versions() -> QuerySet[StatementVersion]:
    return StatementVersion.objects.order_by("-number")


def version_detail(number: int) -> StatementVersion:
    return _with_sections(StatementVersion.objects.all()).get(number=number)


def version_as_sections(version: StatementVersion) -> list[tuple[str, list[str]]]:
    """[(heading, [statement text, ...]), ...] in order, for comparison."""
    return [(s.heading, [st.text for st in s.statements.all()]) for s in version.sections.all()]


def consultations() -> QuerySet[Consultation]:
    return Consultation.objects.prefetch_related("response_figures").order_by(
        "-start_date", "title"
    )


def consultation_detail(slug: str) -> Consultation:
    return (
        Consultation.objects.select_related("statement_version")
        .prefetch_related(
            "response_figures",
            Prefetch(
                "topics",
                queryset=ConsultationTopic.objects.order_by("position").prefetch_related(
                    Prefetch(
                        "points",
                        queryset=TopicPoint.objects.select_related(
                            "action", "action__programme"
                        ).order_by("position"),
                    ),
                    "figures",
                ),
            ),
        )
        .get(slug=slug)
    )


def version_history(version: StatementVersion) -> list:
    """Who changed the version's sections and statements, and when (newest first)."""
    from send_portal.core.history import history_of

    from .models import Statement, StatementSection

    def subject(record) -> str:
        if record.instance_type is Statement:
            return "Statement"
        return f"Section “{record.heading}”"

    section_ids = list(version.sections.values_list("pk", flat=True))
    return history_of(
        StatementSection.history.filter(version_id=version.pk),
        Statement.history.filter(section_id__in=section_ids),
        subject=subject,
    )

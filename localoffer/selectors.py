"""Reads for the Local Offer: querysets with their relations fetched up front (no N+1)."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Prefetch, Q, QuerySet

from send_portal.core.dates import today
from send_portal.core.models import Area, Setting

from .freshness import stale_cutoff
from .models import (
    Feedback,
    SelfEvaluation,
    SenReportItem,
    SenReportJudgement,
    SenReportReview,
    Service,
)


def public_services() -> QuerySet[Service]:
    """Services families may see, ready for a list (categories, needs and areas prefetched)."""
    return Service.objects.public().for_lists().order_by("name")


def public_service(*, slug: str) -> Service:
    """One public service with its public contacts and locations; raises DoesNotExist otherwise."""
    from .models import Contact

    return (
        Service.objects.public()
        .for_lists()
        .prefetch_related(
            Prefetch("contacts", queryset=Contact.objects.filter(is_public=True)),
            "locations",
            "schedules",
        )
        .get(slug=slug)
    )


def public_services_in_full() -> QuerySet[Service]:
    """Public services with their public contacts, locations and opening times (shortlist)."""
    from .models import Contact

    return public_services().prefetch_related(
        Prefetch("contacts", queryset=Contact.objects.filter(is_public=True)),
        "locations",
        "schedules",
    )


def officer_services() -> QuerySet[Service]:
    return Service.objects.for_lists().order_by("name")


def stale_services(*, on: date | None = None) -> QuerySet[Service]:
    """Services not checked for 12 months (never-checked ones first); inactive ones excluded."""
    cutoff = stale_cutoff(on or today())
    return (
        Service.objects.exclude(status=Service.Status.INACTIVE)
        .filter(Q(assured_date__isnull=True) | Q(assured_date__lte=cutoff))
        .select_related("organisation")
        .order_by(F("assured_date").asc(nulls_first=True), "name")
    )


def api_services() -> QuerySet[Service]:
    """Active services for the Open Referral UK feed, with everything the feed shows."""
    from .models import Contact

    return (
        Service.objects.filter(status=Service.Status.ACTIVE)
        .for_lists()
        .prefetch_related(
            Prefetch("contacts", queryset=Contact.objects.filter(is_public=True)),
            "locations",
            "schedules",
        )
        .order_by("pk")
    )


def area_services(*, area: Area) -> QuerySet[Service]:
    """Public services that name this area among the areas they serve."""
    return public_services().filter(areas=area)


def county_wide_service_count() -> int:
    return Service.objects.public().filter(areas__isnull=True).count()


def pending_feedback() -> QuerySet[Feedback]:
    return Feedback.objects.filter(status=Feedback.Status.PENDING).select_related("service")


def you_said_we_did() -> QuerySet[Feedback]:
    """Approved feedback only, newest first."""
    return (
        Feedback.objects.filter(status=Feedback.Status.APPROVED)
        .select_related("service")
        .order_by("-moderated_at", "-received_at")
    )


# SEN information reports ----------------------------------------------------------------------


@dataclass
class SettingCompliance:
    setting: Setting
    review: SenReportReview | None
    met: int = 0
    partly_met: int = 0
    not_met: int = 0

    @property
    def fully_met(self) -> bool:
        return self.review is not None and self.met == len(SenReportItem)


@dataclass
class AreaCompliance:
    area: Area
    settings: list[SettingCompliance] = field(default_factory=list)

    @property
    def setting_count(self) -> int:
        return len(self.settings)

    @property
    def reviewed_count(self) -> int:
        return sum(1 for s in self.settings if s.review is not None)

    @property
    def fully_met_count(self) -> int:
        return sum(1 for s in self.settings if s.fully_met)

    def _items(self, attr: str) -> int:
        return sum(getattr(s, attr) for s in self.settings)

    @property
    def items_met(self) -> int:
        return self._items("met")

    @property
    def items_partly_met(self) -> int:
        return self._items("partly_met")

    @property
    def items_not_met(self) -> int:
        return self._items("not_met")


def _settings_with_reviews(settings_qs: QuerySet[Setting]) -> QuerySet[Setting]:
    reviews = SenReportReview.objects.annotate(
        met=Count("judgements", filter=Q(judgements__judgement="met")),
        partly_met=Count("judgements", filter=Q(judgements__judgement="partly_met")),
        not_met=Count("judgements", filter=Q(judgements__judgement="not_met")),
    ).order_by("-review_date", "-pk")
    return settings_qs.select_related("area").prefetch_related(
        Prefetch("sen_reviews", queryset=reviews, to_attr="reviews_newest_first")
    )


def _compliance(setting: Setting) -> SettingCompliance:
    reviews = setting.reviews_newest_first  # type: ignore[attr-defined]  # a Prefetch to_attr
    latest = reviews[0] if reviews else None
    if latest is None:
        return SettingCompliance(setting=setting, review=None)
    return SettingCompliance(
        setting=setting,
        review=latest,
        met=latest.met,
        partly_met=latest.partly_met,
        not_met=latest.not_met,
    )


def area_compliance(*, area: Area) -> AreaCompliance:
    """Each setting of the area with its latest review's counts of met, partly met and not met."""
    settings_qs = _settings_with_reviews(Setting.objects.filter(area=area).order_by("name"))
    return AreaCompliance(area=area, settings=[_compliance(s) for s in settings_qs])


def county_compliance() -> list[AreaCompliance]:
    """Compliance for every area (a fixed number of queries, whatever the number of settings)."""
    by_area: dict[int, AreaCompliance] = {
        area.pk: AreaCompliance(area=area) for area in Area.objects.order_by("name")
    }
    for setting in _settings_with_reviews(Setting.objects.order_by("name")):
        by_area[setting.area_id].settings.append(_compliance(setting))
    return list(by_area.values())


def sen_review(*, pk: int) -> SenReportReview:
    return (
        SenReportReview.objects.select_related("setting__area", "reviewed_by")
        .prefetch_related(
            Prefetch("judgements", queryset=SenReportJudgement.objects.order_by("item"))
        )
        .get(pk=pk)
    )


def sen_review_initial(review: SenReportReview) -> dict:
    """What the correction form shows for a review: its fields and each item's judgement."""
    initial: dict = {
        "report_url": review.report_url,
        "review_date": review.review_date,
        "comments": review.comments,
    }
    initial.update({f"item_{j.item}": j.judgement for j in review.judgements.all()})
    return initial


def sen_review_history(review: SenReportReview) -> list:
    """Who recorded and corrected the review, its items' judgements included (newest first)."""
    from send_portal.core.history import history_of

    def subject(record) -> str:
        if record.instance_type is SenReportJudgement:
            return f"Item {record.item}"
        return ""

    entries = history_of(
        SenReportReview.history.filter(id=review.pk),
        SenReportJudgement.history.filter(review_id=review.pk),
        subject=subject,
    )
    # The ten judgements are recorded with the review: its own "Created" entry says so.
    return [e for e in entries if not (e.subject and e.action == "Created")]


# Self-evaluation -----------------------------------------------------------------------------


def self_evaluations() -> QuerySet[SelfEvaluation]:
    return SelfEvaluation.objects.select_related("recorded_by").prefetch_related("answers")


def service_history(service: Service) -> list:
    """Who changed the service's record, and when (newest first)."""
    from send_portal.core.history import history_of

    return history_of(Service.history.filter(id=service.pk))


def removed_services() -> list:
    """The services that were removed (and not put back), with their undo."""
    from send_portal.core.history import removed_history

    return removed_history(Service.history.all(), subject=lambda r: f"Service “{r.name}”")


def removed_sen_reviews(area) -> list:
    """The reviews of the area's settings' SEN reports that were removed (and not put back)."""
    from send_portal.core.history import removed_history
    from send_portal.core.models import Setting

    names = dict(Setting.objects.filter(area=area).values_list("pk", "name"))
    return removed_history(
        SenReportReview.history.filter(setting_id__in=names),
        subject=lambda r: (
            f"Review of {names.get(r.setting_id, 'a setting')}'s report "
            f"of {r.review_date:%-d %B %Y}"
        ),
    )

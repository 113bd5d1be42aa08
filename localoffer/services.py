"""Writes for the Local Offer. Keyword-only, typed, atomic."""

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from send_portal.core.models import Area, Setting

from . import selectors
from .csvimport import RowError, parse_services_csv
from .freshness import month_of
from .models import (
    AreaOfNeed,
    Category,
    Contact,
    Feedback,
    Location,
    Organisation,
    ReviewRequest,
    Schedule,
    SelfEvaluation,
    SelfEvaluationAnswer,
    SenReportJudgement,
    SenReportReview,
    Service,
    SynonymGroup,
)

logger = logging.getLogger(__name__)


def unique_service_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(name)[:200] or "service"
    slug, n = base, 2
    while Service.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def service_save(*, service: Service, categories, needs, areas) -> Service:
    """Save a service from the officers' form with its categories, needs and areas."""
    if not service.slug:
        service.slug = unique_service_slug(service.name, exclude_pk=service.pk)
    service.full_clean()
    service.save()
    service.categories.set(categories)
    service.needs.set(needs)
    service.areas.set(areas)
    return service


@transaction.atomic
def service_assure(*, service: Service, on: date | None = None) -> Service:
    """Record that an officer checked the service's information today."""
    service.assured_date = on or timezone.localdate()
    service.version += 1  # an edit form opened before this shows it as a change, never reverts it
    service.save(update_fields=["assured_date", "updated_at", "version"])
    return service


@transaction.atomic
def contact_save(*, contact: Contact) -> Contact:
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def location_save(*, location: Location) -> Location:
    location.full_clean()
    location.save()
    return location


@transaction.atomic
def schedule_save(*, schedule: Schedule) -> Schedule:
    schedule.full_clean()
    schedule.save()
    return schedule


@transaction.atomic
def synonym_group_save(*, group: SynonymGroup) -> SynonymGroup:
    group.full_clean()
    group.save()
    return group


# CSV import ---------------------------------------------------------------------------------


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[RowError] | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


def _vocabulary(items) -> dict[str, int]:
    vocab: dict[str, int] = {}
    for item in items:
        vocab[item.name.lower()] = item.pk
        vocab[item.slug.lower()] = item.pk
    return vocab


def services_import(*, content: bytes, today: date | None = None) -> ImportResult:
    """Import services from CSV: all rows or none. Rows are matched on organisation and name."""
    parsed = parse_services_csv(
        content,
        categories=_vocabulary(Category.objects.all()),
        needs=_vocabulary(AreaOfNeed.objects.all()),
        areas=_vocabulary(Area.objects.all()),
        today=today or timezone.localdate(),
    )
    if parsed.errors:
        return ImportResult(errors=parsed.errors)
    result = ImportResult(errors=[])
    with transaction.atomic():
        for row in parsed.rows:
            organisation, _ = Organisation.objects.get_or_create(name=row.organisation)
            service = (
                Service.objects.select_for_update()
                .filter(organisation=organisation, name__iexact=row.name)
                .first()
            )
            if service is None:
                service = Service(organisation=organisation, name=row.name)
                service.slug = unique_service_slug(row.name)
                result.created += 1
            else:
                result.updated += 1
            for attr in (
                "description",
                "min_age",
                "max_age",
                "cost",
                "fees",
                "status",
                "url",
                "email",
                "access",
                "referral_by",
            ):
                setattr(service, attr, getattr(row, attr))
            if row.assured_date is not None:
                service.assured_date = row.assured_date
            service.save()
            service.categories.set(row.category_ids)
            service.needs.set(row.need_ids)
            service.areas.set(row.area_ids)
            if row.contact:
                Contact.objects.update_or_create(
                    service=service,
                    name=row.contact["name"],
                    defaults={k: v for k, v in row.contact.items() if k != "name"},
                )
            if row.location:
                Location.objects.update_or_create(
                    service=service,
                    name=row.location["name"],
                    defaults={k: v for k, v in row.location.items() if k != "name"},
                )
    return result


# Review requests ----------------------------------------------------------------------------


def _review_email(services: list[Service]) -> tuple[str, str]:
    names = "\n".join(
        f"- {s.name} ({settings.PORTAL_BASE_URL}"
        f"{reverse('localoffer:service', kwargs={'slug': s.slug})}), last checked "
        f"{f'{s.assured_date.day} {s.assured_date:%B %Y}' if s.assured_date else 'never'}"
        for s in services
    )
    subject = "Please check your Local Offer information"
    body = (
        "Hello,\n\n"
        "Families rely on the Local Offer being up to date. The information about these services "
        "has not been checked for 12 months or more:\n\n"
        f"{names}\n\n"
        "Please reply to tell us what has changed, or that nothing has. We will then mark the "
        "information as checked.\n\n"
        "The Local Offer team"
    )
    return subject, body


def review_requests_send(*, on: date | None = None) -> int:
    """Email each provider contact of out-of-date services, once a month. Returns emails sent.

    Each email address gets at most one request a month: the ``ReviewRequest`` row is created
    (unique on address and month) in the same transaction as the email is sent, so running the
    task twice, even at the same time, sends nothing twice; a failed send records nothing.
    """
    day = on or timezone.localdate()
    month = month_of(day)
    by_email: dict[str, list[Service]] = {}
    contacts = Contact.objects.filter(service__in=selectors.stale_services(on=day)).exclude(
        email=""
    )
    for contact in contacts.select_related("service").order_by("email", "service__name"):
        by_email.setdefault(contact.email.lower(), [])
        if contact.service not in by_email[contact.email.lower()]:
            by_email[contact.email.lower()].append(contact.service)
    already = set(
        ReviewRequest.objects.filter(month=month, email__in=by_email).values_list(
            "email", flat=True
        )
    )
    sent = 0
    for email, services in by_email.items():
        if email in already:
            continue
        try:
            with transaction.atomic():
                request = ReviewRequest.objects.create(email=email, month=month)
                request.services.set(services)
                subject, body = _review_email(services)
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
        except IntegrityError:
            continue  # another run sent it first
        sent += 1
    return sent


# Feedback -----------------------------------------------------------------------------------


@transaction.atomic
def feedback_submit(
    *,
    you_said: str,
    service: Service | None = None,
    name: str = "",
    email: str = "",
    client_key: str | None = None,
) -> Feedback | None:
    """Save a family's feedback; with ``client_key``, only if that client has sends left this
    hour (None when not: nothing is saved and nothing counted)."""
    from .ratelimit import take_a_send

    if client_key is not None and not take_a_send(client_key):
        return None
    return Feedback.objects.create(you_said=you_said, service=service, name=name, email=email)


@transaction.atomic
def feedback_moderate(*, feedback: Feedback, status: str, we_did: str, moderator) -> Feedback:
    feedback.status = status
    feedback.we_did = we_did
    feedback.moderated_by = moderator
    feedback.moderated_at = timezone.now()
    feedback.save()
    return feedback


# SEN information reports --------------------------------------------------------------------


@transaction.atomic
def sen_review_record(
    *,
    setting: Setting,
    report_url: str,
    review_date: date,
    judgements: dict[int, str],
    comments: str = "",
    reviewer=None,
) -> SenReportReview:
    """Record a review of a setting's SEN information report: a judgement for each of the ten."""
    review = SenReportReview.objects.create(
        setting=setting,
        report_url=report_url,
        review_date=review_date,
        comments=comments,
        reviewed_by=reviewer,
    )
    bulk_create_with_history(
        [
            SenReportJudgement(review=review, item=item, judgement=judgement)
            for item, judgement in sorted(judgements.items())
        ],
        SenReportJudgement,
        default_user=reviewer,
    )
    return review


@transaction.atomic
def sen_review_correct(
    *,
    review: SenReportReview,
    report_url: str,
    review_date: date,
    judgements: dict[int, str],
    comments: str = "",
) -> SenReportReview:
    """Correct a recorded review: its fields and any item's judgement (each change is kept in
    its history, with who made it). The reviewer stays the officer who recorded it."""
    review.report_url = report_url
    review.review_date = review_date
    review.comments = comments
    review.save()
    current = {j.item: j for j in review.judgements.all()}
    for item, judgement in sorted(judgements.items()):
        row = current.get(item)
        if row is None:
            SenReportJudgement.objects.create(review=review, item=item, judgement=judgement)
        elif row.judgement != judgement:
            row.judgement = judgement
            row.save(update_fields=["judgement"])
    return review


# Self-evaluation ----------------------------------------------------------------------------


@transaction.atomic
def self_evaluation_record(
    *, year: int, answers: dict[tuple[str, str], tuple[int, str]], recorder=None
) -> SelfEvaluation:
    """Record (or replace) a year's self-evaluation: (strand, question) → (score, comment)."""
    evaluation, _ = SelfEvaluation.objects.select_for_update().get_or_create(year=year)
    evaluation.recorded_by = recorder
    evaluation.save()
    for (strand, question), (score, comment) in answers.items():
        SelfEvaluationAnswer.objects.update_or_create(
            evaluation=evaluation,
            strand=strand,
            question=question,
            defaults={"score": score, "comment": comment},
        )
    return evaluation


def feedback_forget_old_contact_details(*, now=None) -> int:
    """Remove families' names and email addresses from feedback moderated longer ago than
    ``FEEDBACK_CONTACT_RETENTION_DAYS`` (12 months). The feedback itself, its service and
    what we did are kept (You said, we did shows no name). Returns how many were cleared."""
    cut = (now or timezone.now()) - timedelta(days=settings.FEEDBACK_CONTACT_RETENTION_DAYS)
    cleared = (
        Feedback.objects.filter(moderated_at__lt=cut)
        .exclude(name="", email="")
        .update(name="", email="")
    )
    logger.info("Retention: names and emails removed from %s feedback items", cleared)
    return cleared

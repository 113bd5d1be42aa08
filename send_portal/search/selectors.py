"""Search across minutes, decisions, statements, consultation themes and programme actions.

Results are grouped by kind and limited to what the person may see. On PostgreSQL it is
full-text search (English stemming, ranked with SearchRank); elsewhere (SQLite in development)
a simpler fallback matches every word with icontains and orders by date.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator

from inclusion.models import Statement, StatementVersion, TopicPoint
from send_portal.core.roles import Role
from workstreams.meetings.models import Decision, MinuteItem
from workstreams.meetings.selectors import meeting_visibility
from workstreams.models import Action

LIMIT = 20


@dataclass
class Result:
    title: str
    url: str
    snippet: str
    context: str = ""


@dataclass
class ResultGroup:
    kind: str
    slug: str
    results: list[Result] = field(default_factory=list)


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def _match(qs: QuerySet, fields: list[str], q: str, *, fallback_order: list[str]) -> QuerySet:
    if uses_full_text():
        vector = SearchVector(*fields, config="english")
        query = SearchQuery(q, config="english", search_type="websearch")
        return (
            qs.annotate(search=vector, rank=SearchRank(vector, query))
            .filter(search=query)
            .order_by("-rank", "pk")
        )
    for word in q.split():
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": word})
        qs = qs.filter(condition)
    return qs.order_by(*fallback_order)


def _snippet(text: str, words: int = 30) -> str:
    return Truncator(" ".join(strip_tags(text or "").split())).words(words)


def _action_url(action: Action) -> str:
    for name, kwargs in (
        ("workstreams:action_detail", {"pk": action.pk}),
        ("workstreams:action_detail", {"ref": action.ref}),
    ):
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    return ""


def actions_visible_to(user) -> QuerySet[Action]:
    """Programme actions: all for those who read everything; for a headteacher, the county-wide
    ones and those touching their own area, never actions only touching another area."""
    qs = Action.objects.select_related("programme", "workstream")
    if user.has_perm("core.view_board_dashboard"):
        return qs
    if not user.has_role(Role.HEADTEACHER):
        return qs.none()
    through = Action.areas.through.objects.filter(action=OuterRef("pk"))
    visible = ~Exists(through)
    if user.area is not None:
        visible |= Exists(through.filter(area=user.area))
    return qs.filter(visible)


def _minutes(user, q: str) -> list[Result]:
    qs = MinuteItem.objects.filter(meeting_visibility(user, prefix="meeting__")).select_related(
        "meeting", "meeting__group"
    )
    qs = _match(qs, ["title", "discussion"], q, fallback_order=["-meeting__date", "number"])
    return [
        Result(
            title=f"{i.number}. {i.title}",
            url=f"{i.meeting.get_absolute_url()}#item-{i.number}",
            snippet=_snippet(i.discussion),
            context=f"{i.meeting.group.name}, {i.meeting.date:%-d %B %Y}",
        )
        for i in qs[:LIMIT]
    ]


def _decisions(user, q: str) -> list[Result]:
    qs = Decision.objects.filter(meeting_visibility(user, prefix="meeting__")).select_related(
        "meeting", "meeting__group"
    )
    qs = _match(qs, ["text"], q, fallback_order=["-meeting__date", "position"])
    return [
        Result(
            title=_snippet(d.text, 12),
            url=d.meeting.get_absolute_url(),
            snippet=_snippet(d.text),
            context=f"{d.meeting.group.name}, {d.meeting.date:%-d %B %Y}",
        )
        for d in qs[:LIMIT]
    ]


def _statements(user, q: str) -> list[Result]:
    qs = Statement.objects.select_related("section", "section__version")
    public_url = reverse("inclusion:statement")
    can_see_versions = user.has_perm("inclusion.view_statement_versions")
    if not can_see_versions:
        qs = qs.filter(section__version__state=StatementVersion.State.ADOPTED)
    qs = _match(qs, ["text"], q, fallback_order=["-section__version__number", "pk"])
    results = []
    for s in qs[:LIMIT]:
        version = s.section.version
        results.append(
            Result(
                title=s.section.heading,
                url=version.get_absolute_url() if can_see_versions else public_url,
                snippet=_snippet(s.text),
                context=f"{version} ({version.get_state_display().lower()})",
            )
        )
    return results


def _themes(user, q: str) -> list[Result]:
    if not user.has_perm("inclusion.view_consultations"):
        return []
    qs = TopicPoint.objects.select_related("topic", "topic__consultation")
    qs = _match(qs, ["text", "we_did"], q, fallback_order=["topic__consultation", "pk"])
    return [
        Result(
            title=f"{p.topic.title}: {p.get_kind_display().lower()}",
            url=f"{p.topic.consultation.get_absolute_url()}#topic-{p.topic.position}",
            snippet=_snippet(p.text),
            context=p.topic.consultation.title,
        )
        for p in qs[:LIMIT]
    ]


def _actions(user, q: str) -> list[Result]:
    qs = _match(
        actions_visible_to(user),
        ["ref", "title", "owner_name"],
        q,
        fallback_order=["programme", "ref"],
    )
    return [
        Result(
            title=f"{a.ref} {a.title}",
            url=_action_url(a),
            snippet=f"Owner: {a.owner_display}" if a.owner_display else "",
            context=f"{a.programme.name}, workstream {a.workstream.code}",
        )
        for a in qs[:LIMIT]
    ]


KINDS: list[tuple[str, str, Callable]] = [
    ("Minutes", "minutes", _minutes),
    ("Decisions", "decisions", _decisions),
    ("Inclusion statements", "statements", _statements),
    ("Consultation themes", "themes", _themes),
    ("Programme actions", "actions", _actions),
]


def search(user, q: str) -> list[ResultGroup]:
    """Every kind with at least one result, in a fixed order."""
    q = " ".join((q or "").split())
    if not q:
        return []
    groups = []
    for label, slug, find in KINDS:
        results = find(user, q)
        if results:
            groups.append(ResultGroup(kind=label, slug=slug, results=results))
    return groups

"""GOV.UK form fidelity on every form page, and the done-when check: every edit form submitted
as rendered saves and changes nothing (its history shows no change)."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from send_portal.core.history import history_of
from tests.core.factories import UserFactory
from tests.core.test_concurrency import KINDS
from tests.forms_as_rendered import error_summary_targets, form_data, read_page

pytestmark = pytest.mark.django_db

TEXT_TYPES = {"text", "email", "url", "number", "tel", "search", "password", None}


class _Controls(HTMLParser):
    """Every select and text input inside a POST form, with its classes."""

    def __init__(self):
        super().__init__()
        self.controls: list[tuple[str, str, str]] = []  # (tag, name, class)
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._in_form = (a.get("method") or "").lower() == "post"
        if not self._in_form or not a.get("name"):
            return
        if tag == "select" or (tag == "input" and a.get("type") in TEXT_TYPES):
            self.controls.append((tag, a["name"], a.get("class") or ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False


def _controls(html: str):
    parser = _Controls()
    parser.feed(html)
    return parser.controls


def _pages():
    """(name, builder) for form pages: builder() -> url of a page with a form."""
    from tests.inspections.factories import IndicatorFactory
    from tests.meetings.factories import GroupFactory, MeetingFactory
    from tests.reporting.factories import WorkstreamFactory
    from tests.workstreams.factories import ActionFactory

    def ws_page(suffix):
        def build():
            ws = WorkstreamFactory()
            return f"/programmes/{ws.programme.slug}/workstreams/{ws.code}/{suffix}"

        return build

    pages = {f"edit {kind.name}": (lambda k=kind: k.make()[1]) for kind in KINDS}
    pages.update(
        {
            "new meeting": lambda: reverse("meetings:meeting_create", args=[GroupFactory().slug]),
            "add item": lambda: reverse("meetings:item_add", args=[MeetingFactory().pk]),
            "add decision": lambda: reverse("meetings:decision_add", args=[MeetingFactory().pk]),
            "add action arising": lambda: reverse(
                "meetings:action_add", args=[MeetingFactory().pk]
            ),
            "add attendee": lambda: reverse("meetings:attendee_add", args=[MeetingFactory().pk]),
            "add future date": lambda: reverse(
                "meetings:future_date_add", args=[MeetingFactory().pk]
            ),
            "progress update": lambda: reverse(
                "workstreams:progress_update_new", args=[ActionFactory().pk]
            ),
            "milestone": lambda: reverse("workstreams:milestone_new", args=[ActionFactory().pk]),
            "new risk": ws_page("risks/new/"),
            "indicator value": lambda: reverse(
                "inspections:indicator_value_add", args=[IndicatorFactory().pk]
            ),
            "new service": lambda: reverse("localoffer:service_create"),
            "new consultation": lambda: reverse("inclusion:consultation_create"),
        }
    )
    return pages


PAGES = _pages()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_error_summary_link_reaches_a_field_and_controls_are_govuk(client, name):
    client.force_login(UserFactory(role="LA officer"))
    url = PAGES[name]()
    shown = client.get(url).content.decode()
    for tag, field, classes in _controls(shown):
        if field in {"csrfmiddlewaretoken"}:
            continue
        expected = "govuk-select" if tag == "select" else "govuk-input"
        assert expected in classes.split(), f"{name}: {tag} {field} has class {classes!r}"
    data = {k: v for k, v in form_data(shown).items() if k in {"version", "base"}}
    html = client.post(url, data).content.decode()
    targets = error_summary_targets(html)
    assert targets, f"{name}: an empty form shows no error summary"
    ids = read_page(html).ids
    missing = [t for t in targets if t not in ids]
    assert not missing, f"{name}: error-summary links to ids that do not exist: {missing}"
    for tag, field, classes in _controls(html):
        if f"id_{field}" in targets or any(t.startswith(f"id_{field}_") for t in targets):
            error = "govuk-select--error" if tag == "select" else "govuk-input--error"
            if tag == "select" or "govuk-date-input__input" not in classes:
                assert error in classes.split(), f"{name}: {tag} {field} in error: {classes!r}"


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_every_edit_form_resubmitted_as_rendered_changes_nothing(client, kind):
    record, url = kind.make()
    client.force_login(UserFactory(role="LA officer"))
    before = len(history_of(type(record).objects.get(pk=record.pk)))
    response = client.post(url, form_data(client.get(url).content.decode()))
    assert response.status_code == 302, response.content.decode()[:3000]
    after = history_of(type(record).objects.get(pk=record.pk))
    assert len(after) == before, [(e.action, e.changes) for e in after]

"""The page cache (send_portal/core/pagecache.py): pages are built once per viewer scope and data
generation, every change shows at once, and one scope never sees another's fragment."""

import re

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from send_portal.core import pagecache
from tests.workstreams.factories import ActionFactory, WorkstreamFactory
from workstreams.models import Action

pytestmark = pytest.mark.page_cache

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def _get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return CSRF.sub("", response.content.decode()), len(queries)


@pytest.mark.django_db
def test_a_page_is_built_once_and_then_read_from_the_cache(client_for, area_ne):
    action = ActionFactory(title="Graduated response toolkit")
    url = reverse(
        "workstreams:workstream_detail",
        args=[action.programme.slug, action.workstream.code],
    )
    officer = client_for("officer")
    first, built = _get(officer, url)
    second, cached = _get(officer, url)
    assert "Graduated response toolkit" in first
    assert second == first
    assert cached < built, (cached, built)


@pytest.mark.django_db(transaction=True)
def test_a_saved_change_shows_at_once(client_for):
    action = ActionFactory(title="Graduated response toolkit")
    url = reverse("workstreams:action_list")
    officer = client_for("officer")
    assert "Graduated response toolkit" in _get(officer, url)[0]
    action.title = "Inclusion toolkit"
    action.save()  # committed: the generation changes
    html = _get(officer, url)[0]
    assert "Inclusion toolkit" in html and "Graduated response toolkit" not in html


@pytest.mark.django_db(transaction=True)
def test_a_form_post_starts_a_new_generation_whatever_it_wrote(client_for):
    action = ActionFactory(title="Graduated response toolkit")
    url = reverse("workstreams:action_list")
    officer = client_for("officer")
    assert "Graduated response toolkit" in _get(officer, url)[0]
    Action.objects.filter(pk=action.pk).update(title="Changed by update()")  # no signal
    assert "Changed by update()" not in _get(officer, url)[0]  # still the cached page
    officer.post(reverse("workstreams:action_status", args=[action.pk]), {"status": "x"})
    assert "Changed by update()" in _get(officer, url)[0]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_keeps_the_generation():
    WorkstreamFactory()
    before = pagecache.generation()
    with pytest.raises(RuntimeError), transaction.atomic():
        WorkstreamFactory()
        raise RuntimeError("rolled back")
    assert pagecache.generation() == before
    WorkstreamFactory()
    assert pagecache.generation() != before


@pytest.mark.django_db
def test_a_transaction_bumps_once_however_many_rows_it_writes(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks() as callbacks:
        ActionFactory.create_batch(5)
    assert [c for c in callbacks if c is pagecache.bump] == [pagecache.bump]


@pytest.mark.django_db
def test_a_finished_celery_task_starts_a_new_generation():
    from celery.signals import task_postrun

    before = pagecache.generation()
    task_postrun.send(sender=None, task_id="t", task=None, args=(), kwargs={})
    assert pagecache.generation() != before


@pytest.mark.django_db
def test_each_scope_has_its_own_fragments(client_for, area_ne, area_south):
    workstream = WorkstreamFactory()
    ActionFactory(workstream=workstream, title="County-wide action")
    ActionFactory(workstream=workstream, title="Southern outreach", areas=[area_south])
    url = reverse(
        "workstreams:workstream_detail", args=[workstream.programme.slug, workstream.code]
    )
    assert "Southern outreach" in _get(client_for("head_y"), url)[0]  # cached for the south
    north = _get(client_for("head_x"), url)[0]
    assert "County-wide action" in north and "Southern outreach" not in north
    assert "Southern outreach" in _get(client_for("board"), url)[0]


@pytest.mark.django_db
def test_the_officer_home_is_each_officers_own(client_for, officer, administrator):
    ActionFactory(title="Mine", owner=officer)
    ActionFactory(title="The administrator's", owner=administrator)
    url = reverse("officer_home")
    mine = _get(client_for("officer"), url)[0]
    theirs = _get(client_for("admin"), url)[0]
    assert "Mine" in mine and "The administrator&#x27;s" not in mine
    assert "The administrator&#x27;s" in theirs


def test_the_scope_is_what_the_rules_decide_on(officer, board_member, head_ne, head_south):
    from django.contrib.auth.models import AnonymousUser

    from send_portal.core.permissions import cache_scope

    scopes = {cache_scope(u) for u in [officer, board_member, head_ne, head_south]}
    assert len(scopes) == 4
    assert cache_scope(AnonymousUser()) == "public"


@pytest.mark.django_db
def test_a_cached_form_gets_each_viewers_own_csrf_token(officer):
    template = Template('{% load portal %}{% pagecache "form" %}{% csrf_token %}{% endpagecache %}')

    def render(token):
        request = RequestFactory().get("/")
        request.user = officer
        html = template.render(Context({"request": request, "csrf_token": token}))
        return html, cache.get(pagecache.key_for(request, "form", ()))

    first, stored = render("first-viewers-token")
    second, _ = render("second-viewers-token")
    assert 'value="first-viewers-token"' in first and 'value="second-viewers-token"' in second
    assert pagecache.CSRF_PLACEHOLDER in stored and "viewers-token" not in stored  # none kept


@pytest.mark.django_db
def test_a_form_shown_again_with_errors_is_not_cached(officer):
    template = Template('{% load portal %}{% pagecache "form" %}{{ n }}{% endpagecache %}')
    request = RequestFactory().post("/")
    request.user = officer
    assert template.render(Context({"request": request, "n": 1})) == "1"
    assert template.render(Context({"request": request, "n": 2})) == "2"


def test_today_is_part_of_the_key(rf, monkeypatch, db):
    import datetime

    from django.contrib.auth.models import AnonymousUser

    def key_on(day):
        monkeypatch.setattr(pagecache.timezone, "localdate", lambda: day)
        request = rf.get("/")
        request.user = AnonymousUser()
        return pagecache.key_for(request, "page", ())

    assert key_on(datetime.date(2026, 11, 23)) != key_on(datetime.date(2026, 11, 24))


@pytest.mark.redis
@pytest.mark.django_db
def test_processes_share_the_generation_through_redis(settings):
    """Two cache clients (two gunicorn workers, say) on the same Redis see one generation."""
    from django.core.cache.backends.redis import RedisCache

    url = settings.CELERY_BROKER_URL
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "pagecache-test",
        }
    }
    other = RedisCache(url, {"KEY_PREFIX": "pagecache-test"})
    first = pagecache.generation()
    assert other.get(pagecache.GENERATION_KEY) == first
    pagecache.bump()
    assert other.get(pagecache.GENERATION_KEY) not in (None, first)
    cache.delete(pagecache.GENERATION_KEY)


def test_a_new_release_of_the_templates_or_code_starts_afresh(settings, tmp_path):
    (tmp_path / "templates").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<p>Old</p>")
    settings.BASE_DIR = tmp_path
    try:
        pagecache.code_version.cache_clear()
        old = pagecache.code_version()
        page.write_text("<p>New wording</p>")
        pagecache.code_version.cache_clear()
        assert pagecache.code_version() != old
    finally:
        pagecache.code_version.cache_clear()


@pytest.mark.django_db(transaction=True)
def test_an_import_of_actions_starts_a_new_generation():
    """The importer writes with bulk_create (no signal): it bumps itself once it commits."""
    from tests.workstreams.factories import ProgrammeFactory, WorkstreamFactory
    from tests.workstreams.test_importer import row, to_csv
    from workstreams.importer import import_actions

    programme = ProgrammeFactory(name="Kent SEND Improvement Programme (WSoA)", slug="kent")
    WorkstreamFactory(programme=programme, code="C")
    assert import_actions(name="plan.csv", data=to_csv([row(weakness="")])).ok
    before = pagecache.generation()
    result = import_actions(name="plan.csv", data=to_csv([row(weakness="", title="Renamed")]))
    assert result.ok and result.updated == 1, result.problems  # a bulk update: no save signal
    assert pagecache.generation() != before

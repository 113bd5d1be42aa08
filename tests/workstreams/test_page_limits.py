"""Long lists are cut, with a way to the rest: the workstream page's actions, an action's timeline."""

import pytest

from workstreams import views

from .factories import ActionFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db


def test_workstream_page_lists_its_first_actions_and_links_to_all(
    client_for, workstream, monkeypatch
):
    monkeypatch.setattr(views, "WORKSTREAM_ACTIONS", 3)
    actions = [ActionFactory(workstream=workstream, ref=f"W.{n}") for n in range(1, 6)]
    html = (
        client_for("officer")
        .get(f"/programmes/{workstream.programme.slug}/workstreams/{workstream.code}/")
        .content.decode()
    )
    table = html[html.index('id="actions"') : html.index("</table>", html.index('id="actions"'))]
    assert table.count('class="govuk-table__row"') == 1 + 3  # heading row and 3 actions
    assert actions[0].title in table and actions[4].title not in table
    more = html[html.index('id="more-actions"') :][:400]
    assert "Showing the first 3 of 5 actions" in more
    assert f"/actions/?workstream={workstream.pk}" in more


def test_workstream_page_with_few_actions_has_no_see_all_link(client_for, workstream):
    ActionFactory(workstream=workstream)
    html = (
        client_for("officer")
        .get(f"/programmes/{workstream.programme.slug}/workstreams/{workstream.code}/")
        .content.decode()
    )
    assert 'id="more-actions"' not in html


def test_action_timeline_is_paginated(client_for, workstream, monkeypatch):
    monkeypatch.setattr(views, "TIMELINE_PAGE_SIZE", 2)
    action = ActionFactory(workstream=workstream)
    for day in range(1, 5):
        ProgressUpdateFactory(action=action, narrative=f"Update number {day}")
    client = client_for("officer")
    first = client.get(f"/actions/{action.pk}/").content.decode()
    timeline = first[
        first.index('id="timeline"') : first.index("</ol>", first.index('id="timeline"'))
    ]
    assert timeline.count("<li class=") == 2
    assert 'aria-label="Pages of the timeline"' in first  # 4 updates and the creation: 3 pages
    assert 'aria-label="Page 3"' in first and 'aria-label="Page 4"' not in first
    last = client.get(f"/actions/{action.pk}/?page=3").content.decode()
    assert "Action created" in last
    assert 'aria-label="Page 3" aria-current="page"' in last
    beyond = client.get(f"/actions/{action.pk}/?page=99").content.decode()
    assert 'aria-label="Page 3" aria-current="page"' in beyond  # past the end: the last page

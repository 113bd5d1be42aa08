import datetime

import pytest

from workstreams.status import ActionStatus

from .factories import ActionFactory, ProgrammeFactory, WorkstreamFactory


@pytest.fixture
def programme(db):
    return ProgrammeFactory(name="Kent SEND Improvement Programme (WSoA)", slug="kent-wsoa")


@pytest.fixture
def workstream(programme):
    return WorkstreamFactory(programme=programme, code="C", title="Quality of EHC plans")


@pytest.fixture
def county_wide_action(workstream, officer):
    return ActionFactory(
        workstream=workstream, ref="C.1", title="County-wide action", owner=officer
    )


@pytest.fixture
def ne_action(workstream, area_ne):
    return ActionFactory(
        workstream=workstream, ref="C.2", title="North East action", areas=[area_ne]
    )


@pytest.fixture
def south_action(workstream, area_south):
    return ActionFactory(
        workstream=workstream,
        ref="C.3",
        title="South action",
        areas=[area_south],
        status=ActionStatus.BEHIND,
        due_date=datetime.date(2020, 1, 1),
    )


@pytest.fixture
def actions(county_wide_action, ne_action, south_action):
    return {"county": county_wide_action, "ne": ne_action, "south": south_action}

"""Reporting tests: Celery runs tasks in the test process unless a test starts a real worker.

``celery.contrib.pytest`` (off by default) provides ``celery_app`` and ``celery_worker``; its
fixtures are imported here so that only the tests that ask for them use a real worker.
"""

import pytest
from celery.contrib.pytest import (  # noqa: F401  (fixtures)
    celery_app,
    celery_class_tasks,
    celery_config,
    celery_enable_logging,
    celery_includes,
    celery_parameters,
    celery_session_app,
    celery_session_worker,
    celery_worker,
    celery_worker_parameters,
    celery_worker_pool,
    depends_on_current_app,
    use_celery_app_trap,
)

from send_portal.celery import app as project_app


@pytest.fixture(autouse=True)
def _eager_celery(request):
    """Tasks run at once, in the test (after the transaction commits, as in production)."""
    if "celery_worker" in request.fixturenames:
        yield
        return
    previous = project_app.conf.task_always_eager, project_app.conf.task_eager_propagates
    project_app.conf.task_always_eager = True
    project_app.conf.task_eager_propagates = False
    yield
    project_app.conf.task_always_eager, project_app.conf.task_eager_propagates = previous

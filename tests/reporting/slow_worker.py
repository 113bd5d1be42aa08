"""A real Celery worker (the project's app, its settings from the environment) whose first
report render pauses at 40 % for ``SLOW_RENDER_SECONDS``, writing its process id to
``SLOW_RENDER_PID_FILE`` first: the killed-worker test kills it there. Later renders run at
full speed. Run as ``python tests/reporting/slow_worker.py worker --loglevel=INFO ...``.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "send_portal.settings")

import django

django.setup()

from workstreams.reporting import render  # noqa: E402

real_html_to_pdf = render.html_to_pdf


def slow_first_render(html, **kwargs):
    pid_file = Path(os.environ["SLOW_RENDER_PID_FILE"])
    if not pid_file.exists():
        pid_file.write_text(str(os.getpid()))
        time.sleep(float(os.environ.get("SLOW_RENDER_SECONDS", "60")))
    return real_html_to_pdf(html, **kwargs)


render.html_to_pdf = slow_first_render

from send_portal.celery import app  # noqa: E402

if __name__ == "__main__":
    app.worker_main(sys.argv[1:])

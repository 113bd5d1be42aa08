from django.apps import AppConfig
from django.urls import reverse


def _action_page(action_id: int) -> str:
    return reverse("workstreams:action_detail", args=[action_id])


class WorkstreamsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "workstreams"
    verbose_name = "Workstreams and actions"

    def ready(self):
        from send_portal.core.removal import register

        from .models import Action, Evidence, Milestone, ProgressUpdate, Risk, Workstream

        register(
            "workstream",
            Workstream,
            permission="workstreams.change_workstream",
            noun="workstream",
            back_url=lambda w: reverse("workstreams:programme_detail", args=[w.programme.slug]),
        )
        register(
            "action",
            Action,
            permission="workstreams.change_action",
            noun="action",
            back_url=lambda a: reverse(
                "workstreams:workstream_detail",
                kwargs={"slug": a.workstream.programme.slug, "code": a.workstream.code},
            ),
        )
        register(
            "risk",
            Risk,
            permission="workstreams.change_risk",
            noun="risk or issue",
            back_url=lambda r: reverse(
                "workstreams:workstream_detail",
                kwargs={"slug": r.workstream.programme.slug, "code": r.workstream.code},
            ),
        )
        register(
            "milestone",
            Milestone,
            permission="workstreams.change_action",
            noun="milestone",
            back_url=lambda m: _action_page(m.action_id),
        )
        register(
            "progress-update",
            ProgressUpdate,
            permission="workstreams.add_progress_update",
            noun="progress update",
            back_url=lambda u: _action_page(u.action_id),
        )
        register(
            "evidence",
            Evidence,
            permission="workstreams.add_progress_update",
            noun="evidence",
            back_url=lambda e: _action_page(e.progress_update.action_id),
        )

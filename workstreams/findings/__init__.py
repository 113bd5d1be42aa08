"""The inspection pages that show the programme's answer to an inspection's findings.

An inspection's timeline names the plans made in answer to it (the WSoA, the strategic plan, the
priority action plan: programmes); a finding's pages (the weakness page, the readiness narrative
and its PDF) list the workstreams and actions that answer it. They read both apps, so they live
here, above ``inspections``: the programme owns every link between the two. Their URLs keep the
``inspections`` namespace (``inspections:weakness_detail`` and the others): ``send_portal/urls.py``
serves ``inspections/urls.py``'s patterns and these as one namespace.
"""

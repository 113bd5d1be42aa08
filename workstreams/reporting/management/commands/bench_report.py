"""`make bench-report`: pages per second of the PDF highlight report (a benchmark, not a test).

Measures the demo portfolio (the latest locked demo month) and a large generated programme
(40 workstreams, 1,000 actions), and splits the time between gathering the data (queries and
the HTML template) and rendering (WeasyPrint). Run it on a throwaway database: it adds the
large programme and a locked period for it.

Beside each case it prints the ceiling: WeasyPrint's own speed, in the same run, printing the
same number of full pages of plain text with the same tagging (PDF/UA-1, title and language, through
the same renderer), and the report's speed as a share of it (`of ceiling`).
"""

import time
from datetime import date, timedelta

from django.core.management.base import BaseCommand
from django.db import transaction

from workstreams.models import Action, MonthlyUpdate, Programme, Risk, Workstream
from workstreams.reporting import services
from workstreams.reporting.models import Report, ReportingPeriod
from workstreams.reporting.render import html_to_pdf, render_html
from workstreams.status import ActionStatus

PLAIN_LINE = (
    "The local area partnership reviewed the plan, agreed the next steps and recorded who "
    "will do each of them by when."
)
# One-line paragraphs that fill an A4 page: one more would start a second page (a test checks).
# (It was 24 two-line paragraphs, but each paragraph fits on one line: the ceiling's pages were
# half empty, so it counted half a page of text as a page.)
PLAIN_PARAGRAPHS_PER_PAGE = 45


def plain_text_html(pages: int, *, per_page: int = PLAIN_PARAGRAPHS_PER_PAGE) -> str:
    """``pages`` full A4 pages of plain paragraphs: no tables, no images, one font."""
    page = "".join(f"<p>{PLAIN_LINE}</p>" for _ in range(per_page))
    body = "".join(f'<section class="page">{page}</section>' for _ in range(pages))
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        "<title>Plain text pages</title><style>"
        "@page { size: A4; margin: 20mm 15mm 16mm 15mm; } "
        "html { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 9.5pt; } "
        ".page { break-after: page; } p { margin: 0 0 2mm; }"
        f"</style></head><body>{body}</body></html>"
    )


def best_seconds(run, repeat: int) -> float:
    best = None
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best


BENCH_SLUG = "bench-large-programme"
BENCH_MONTH = date(2020, 1, 1)
STATUSES = [
    ActionStatus.ON_TARGET,
    ActionStatus.ON_TARGET,
    ActionStatus.COMPLETED,
    ActionStatus.BEHIND,
    ActionStatus.NOT_STARTED,
]


class Command(BaseCommand):
    help = "Benchmark the PDF report: pages, seconds and pages per second."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=3, help="Runs per case (best is kept).")

    def handle(self, *args, repeat: int, **options):
        cases = []
        demo_period = (
            ReportingPeriod.objects.filter(state=ReportingPeriod.State.LOCKED)
            .exclude(month=BENCH_MONTH)
            .first()
        )
        if demo_period is not None:
            cases.append(("demo portfolio", Report(period=demo_period, scope="portfolio")))
        else:
            self.stdout.write("No locked demo month: run `manage.py load_demo` first.")
        programme, period = self._large_programme()
        cases.append(
            (
                "large programme (40 workstreams, 1,000 actions)",
                Report(period=period, scope="programme", programme=programme),
            )
        )
        self.stdout.write(
            f"{'case':<50} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'gather':>7} {'render':>7}"
            f" {'CPU s':>6} {'pages/CPU s':>11} {'ceiling pages/s':>15} {'of ceiling':>10}"
        )
        for name, report in cases:
            best = None
            for _ in range(repeat):
                started, cpu_started = time.perf_counter(), time.process_time()
                html = render_html(report)
                gathered = time.perf_counter()
                _pdf, pages, _fetcher = html_to_pdf(html, title=report.title)
                finished = time.perf_counter()
                cpu = time.process_time() - cpu_started
                run = (finished - started, gathered - started, finished - gathered, pages, cpu)
                if best is None or run[0] < best[0]:
                    best = run
            total, gather, render, pages, cpu = best
            plain = plain_text_html(pages)
            _pdf, plain_pages, _fetcher = html_to_pdf(plain, title="Plain text pages")
            ceiling = plain_pages / best_seconds(
                lambda html=plain: html_to_pdf(html, title="Plain text pages"), repeat
            )
            speed = pages / total
            self.stdout.write(
                f"{name:<50} {pages:>6} {total:>8.2f} {speed:>8.1f} "
                f"{gather / total:>7.0%} {render / total:>7.0%} {cpu:>6.2f} {pages / cpu:>11.1f}"
                f" {ceiling:>15.1f} {speed / ceiling:>10.0%}"
            )
        self.stdout.write(
            "gather = queries and HTML template; render = WeasyPrint layout and PDF. "
            "CPU s = this process's CPU time (steadier than seconds on a busy machine). "
            "ceiling = WeasyPrint printing as many pages of plain text, same tagging, same run; "
            "of ceiling = the report's pages/s as a share of it (aim: 80% or more)."
        )

    @transaction.atomic
    def _large_programme(self) -> tuple[Programme, ReportingPeriod]:
        existing = ReportingPeriod.objects.filter(month=BENCH_MONTH).first()
        programme = Programme.objects.filter(slug=BENCH_SLUG).first()
        if existing and programme:
            return programme, existing
        programme = Programme.objects.create(
            name="Generated programme for the benchmark",
            slug=BENCH_SLUG,
            kind=Programme.Kind.STRATEGY,
            start_date=date(2019, 1, 1),
        )
        workstreams = Workstream.objects.bulk_create(
            Workstream(
                programme=programme,
                code=f"{n + 1}",
                title=f"Workstream {n + 1}: improving the timeliness and quality of EHC plans",
                lead_name=f"Lead {n + 1}",
                current_position=(
                    "Multi-agency audits show plans are improving; health advice is now returned "
                    "within six weeks in most cases. " * 3
                ),
                stated_rag="amber" if n % 3 else "green",
            )
            for n in range(40)
        )
        actions = []
        for w, workstream in enumerate(workstreams):
            for a in range(25):
                status = STATUSES[(w + a) % len(STATUSES)]
                actions.append(
                    Action(
                        programme=programme,
                        workstream=workstream,
                        ref=f"{w + 1}.{a + 1}",
                        title=(
                            "Co-produce with parents and carers a clear description of the "
                            f"graduated response, step {a + 1}"
                        ),
                        owner_name=f"Owner {a % 7 + 1}",
                        start_date=date(2019, 1, 1) + timedelta(days=a * 7),
                        due_date=date(2019, 6, 1) + timedelta(days=(w * 25 + a) % 400),
                        status=status,
                    )
                )
        Action.objects.bulk_create(actions, batch_size=500)
        MonthlyUpdate.objects.bulk_create(
            MonthlyUpdate(
                workstream=workstream,
                month=BENCH_MONTH,
                current_position="Progress continues; two actions are behind target.",
                rag="amber",
                rag_reason="Recruitment of therapists is slower than planned.",
                achievements="Parent carer forum co-produced the new leaflet.",
                planned_next="Launch the new panel process.",
                decisions_needed="Agree funding for two further posts." if w % 4 == 0 else "",
            )
            for w, workstream in enumerate(workstreams)
        )
        Risk.objects.bulk_create(
            Risk(
                workstream=workstream,
                description="Capacity in the therapy workforce",
                likelihood=3 + w % 3,
                impact=4,
                owner_name="Head of SEN",
            )
            for w, workstream in enumerate(workstreams)
        )
        period = services.period_open(month=BENCH_MONTH)
        services.period_lock(period=period, today=date(2020, 1, 31))
        period.refresh_from_db()
        return programme, period

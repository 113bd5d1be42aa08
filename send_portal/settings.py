"""The one settings module. Everything that differs between machines comes from the environment.

Defaults suit a developer's machine (``make run``): SQLite and a filesystem broker, no servers.
Production sets DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL and
CELERY_BROKER_URL (see README and docker-compose.yml).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DJANGO_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0 (true or false), not {value!r}")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

SERVICE_NAME = os.environ.get("PORTAL_SERVICE_NAME", "SEND programme portal")
COUNCIL_NAME = os.environ.get("PORTAL_COUNCIL_NAME", "Demo County Council")
# The Local Offer team: shown wherever a service has no contact of its own, on the feedback
# form when a send is refused, and in the accessibility statement.
PORTAL_LOCAL_OFFER_EMAIL = os.environ.get("PORTAL_LOCAL_OFFER_EMAIL", "localoffer@council.example")
PORTAL_LOCAL_OFFER_PHONE = os.environ.get("PORTAL_LOCAL_OFFER_PHONE", "01632 960 000")
# The accessibility statement: who to ask for another format or tell about a problem, and the
# dates the statement was prepared and last reviewed (update them at each review).
PORTAL_ACCESSIBILITY_EMAIL = os.environ.get(
    "PORTAL_ACCESSIBILITY_EMAIL", "send-programme@council.example"
)
PORTAL_ACCESSIBILITY_PHONE = os.environ.get("PORTAL_ACCESSIBILITY_PHONE", "01632 960 001")
PORTAL_ACCESSIBILITY_PREPARED = os.environ.get("PORTAL_ACCESSIBILITY_PREPARED", "2026-12-01")
PORTAL_ACCESSIBILITY_REVIEWED = os.environ.get("PORTAL_ACCESSIBILITY_REVIEWED", "2026-12-01")
PORTAL_LOCAL_OFFER_HOURS = os.environ.get(
    "PORTAL_LOCAL_OFFER_HOURS", "Monday to Friday, 9am to 5pm"
)
# Official statistics: the council's code as the statistics write it in `new_la_code` (for
# example E10000016) and its statistical neighbours' codes, in order (comma-separated; an
# imported statistical neighbour workbook takes their place).
PORTAL_LA_CODE = os.environ.get("PORTAL_LA_CODE", "").strip().upper()
PORTAL_STATISTICAL_NEIGHBOURS = [
    code.upper() for code in env_list("PORTAL_STATISTICAL_NEIGHBOURS", "")
]
# A file "holds every local authority" (so a rank and quartile are given) when a period has
# at least this many local authorities (England has 153 since April 2023).
PORTAL_RANK_MIN_AUTHORITIES = int(os.environ.get("PORTAL_RANK_MIN_AUTHORITIES", "150"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_forms_gds",
    "django_filters",
    "django_celery_beat",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "csp",
    "django_htmx",
    "send_portal.core",
    "workstreams",
    "inspections",
    "inclusion",
    "localoffer",
    "workstreams.meetings",
    "workstreams.reporting",
    "send_portal.dashboards",
    "send_portal.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "send_portal.core.middleware.RequestBodyLimitMiddleware",
    "send_portal.core.middleware.QueryStringGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "send_portal.urls"
WSGI_APPLICATION = "send_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "send_portal.core.context_processors.portal",
            ],
            "builtins": ["django.templatetags.static"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds only counters every process must share (the Local Offer feedback rate limit):
# Redis where there is one (DJANGO_CACHE_URL=redis://...), else a database table (made by
# `manage.py createcachetable`, which `make migrate` runs). Pages are never cached.
CACHE_URL = os.environ.get("DJANGO_CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            # A cache that does not answer costs a page half a second, not a hang.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }
# Sessions in the database: signed-in pages keep working when Redis is down.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "send_portal.core.backends.SignInBackend",  # signs in; permissions are the rules only
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sign-in limits (send_portal/core/signin.py): 5 wrong passwords from one client lock that client,
# 10 for one account from any clients lock that account (and email its holder), for 15 minutes.
SIGN_IN_CLIENT_FAILURE_LIMIT = int(os.environ.get("PORTAL_SIGN_IN_CLIENT_FAILURE_LIMIT", "5"))
SIGN_IN_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("PORTAL_SIGN_IN_ACCOUNT_FAILURE_LIMIT", "10"))
SIGN_IN_LOCKOUT = timedelta(minutes=int(os.environ.get("PORTAL_SIGN_IN_LOCKOUT_MINUTES", "15")))
# At most this many password reset emails an hour to one address, and requests from one client.
PASSWORD_RESET_EMAILS_PER_HOUR = int(os.environ.get("PORTAL_PASSWORD_RESET_EMAILS_PER_HOUR", "3"))

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Request bodies are bounded: the form fields of one request (not its files) at 2.5 MB, each
# evidence file at PORTAL_EVIDENCE_MAX_BYTES, a whole request at PORTAL_REQUEST_MAX_BYTES when
# signed in and PORTAL_ANONYMOUS_REQUEST_MAX_BYTES when not (core/middleware.py: 413).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
EVIDENCE_MAX_UPLOAD_BYTES = int(os.environ.get("PORTAL_EVIDENCE_MAX_BYTES", str(10 * 1024 * 1024)))
PORTAL_REQUEST_MAX_BYTES = int(
    os.environ.get("PORTAL_REQUEST_MAX_BYTES", str(5 * EVIDENCE_MAX_UPLOAD_BYTES + 1024 * 1024))
)
PORTAL_ANONYMOUS_REQUEST_MAX_BYTES = int(
    os.environ.get("PORTAL_ANONYMOUS_REQUEST_MAX_BYTES", str(256 * 1024))
)

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "send-portal@localhost")
# Links in emails (report ready, reminders) are built from this.
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000")
# How many proxies in front of the portal append to X-Forwarded-For (0: none, the socket address
# is the client's). send_portal.core.client.client_address reads it.
PORTAL_PROXY_COUNT = int(os.environ.get("PORTAL_PROXY_COUNT", "0"))

# Celery: a filesystem broker by default so `make run` needs no server; Redis in production.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = VAR_DIR / "broker"
    for _folder in ("queue", "processed", "control"):
        (_broker_dir / _folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "store_processed": False,
        # the exchange tables (kombu's default is ./control, beside the code)
        "control_folder": str(_broker_dir / "control"),
    }
else:
    # An unacknowledged message (its worker was killed) goes back to the queue after this:
    # longer than a task may run (CELERY_TASK_TIME_LIMIT) and any retry countdown, not an hour.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": int(os.environ.get("CELERY_TASK_TIME_LIMIT", "300")) + 60
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_ENABLE_UTC = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = int(os.environ.get("CELERY_TASK_TIME_LIMIT", "300"))
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 60
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A page that enqueues a task waits at most about a second for a broker that does not answer.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
REPORT_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.3,
    "interval_max": 0.5,
}
# Report leases (workstreams/reporting/services.py): the worker renews a generating report's
# lease every third of REPORT_LEASE; a queued report's task must start within
# REPORT_QUEUED_LEASE. Past its lease the sweeper queues a report REPORT_SWEEP_REQUEUES times
# more, then marks it failed.
REPORT_LEASE = timedelta(seconds=int(os.environ.get("PORTAL_REPORT_LEASE_SECONDS", "60")))
REPORT_QUEUED_LEASE = timedelta(
    seconds=int(os.environ.get("PORTAL_REPORT_QUEUED_LEASE_SECONDS", "900"))
)
REPORT_SWEEP_REQUEUES = 1
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Periodic jobs, in code; django-celery-beat copies them into its tables when beat starts.
CELERY_BEAT_SCHEDULE: dict[str, dict] = {}
# The Local Offer: on the 1st of each month at 08:00 (Europe/London), ask provider contacts of
# services not checked for 12 months to check them (at most one email an address a month).
CELERY_BEAT_SCHEDULE["localoffer-review-requests"] = {
    "task": "localoffer.send_review_requests",
    "schedule": crontab(minute=0, hour=8, day_of_month=1),
}
# Every day at 07:00 (Europe/London): remind owners of overdue actions and those due in 7 days.
CELERY_BEAT_SCHEDULE["dashboards-action-reminders"] = {
    "task": "dashboards.send_action_reminders",
    "schedule": crontab(minute=0, hour=7),
}
# Retention (personal data kept only as long as needed), every night: expired sessions cleared,
# the sign-in log pruned after SIGN_IN_LOG_RETENTION_DAYS, families' names and emails removed
# from feedback FEEDBACK_CONTACT_RETENTION_DAYS after it was moderated.
SIGN_IN_LOG_RETENTION_DAYS = int(os.environ.get("PORTAL_SIGN_IN_LOG_RETENTION_DAYS", "90"))
FEEDBACK_CONTACT_RETENTION_DAYS = int(
    os.environ.get("PORTAL_FEEDBACK_CONTACT_RETENTION_DAYS", "365")
)
CELERY_BEAT_SCHEDULE["core-clear-sessions"] = {
    "task": "core.clear_sessions",
    "schedule": crontab(minute=10, hour=2),
}
CELERY_BEAT_SCHEDULE["core-prune-sign-in-log"] = {
    "task": "core.prune_sign_in_log",
    "schedule": crontab(minute=20, hour=2),
}
CELERY_BEAT_SCHEDULE["localoffer-forget-old-feedback-contact-details"] = {
    "task": "localoffer.forget_old_feedback_contact_details",
    "schedule": crontab(minute=30, hour=2),
}
# reporting: every 2 minutes, reports stuck queued or generating past their lease, and those the
# broker could not take when asked for.
CELERY_BEAT_SCHEDULE["reporting-sweep"] = {
    "task": "workstreams.reporting.tasks.sweep_reports",
    "schedule": crontab(minute="*/2"),
}
# reporting: every day at 06:00 London time (CELERY_TIMEZONE), lock each month whose leads'
# deadline has passed (the 5th of the next month by default) if an officer has not, then ask for
# its portfolio highlight report. Most days there is nothing to do.
CELERY_BEAT_SCHEDULE["reporting-monthly-portfolio-report"] = {
    "task": "workstreams.reporting.tasks.generate_previous_month_report",
    "schedule": crontab(minute=0, hour=6),
}

# Security. Production values (DJANGO_DEBUG=0) turn all of these on.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(
    os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000")
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("DJANGO_CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

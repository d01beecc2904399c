"""govex settings: every value comes from the environment (see .env.example).

With nothing set, govex runs on SQLite with Celery tasks executed in-process, so ``make run`` needs no
server. ``DATABASE_URL`` and ``CELERY_BROKER_URL`` switch to PostgreSQL and Redis.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_HASHES, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# The development key is refused by ``check --deploy``; production sets DJANGO_SECRET_KEY.
SECRET_KEY = env("DJANGO_SECRET_KEY", default="django-insecure-govex-development-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "cooperation.admin_site.GovexAdminConfig",  # django.contrib.admin with govex's site (title, index)
    "django.contrib.auth",
    "axes",  # failed sign-ins: lockout and audit (AXES_* below)
    "csp",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_countries",
    "simple_history",
    "import_export",
    "cooperation",
    "cooperation.api",
    "cooperation.importing",
    "cooperation.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # Content-Security-Policy (CONTENT_SECURITY_POLICY below)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # turns a locked-out sign-in into govex.sign_in.locked_out's 429
    "govex.db_retry.DatabaseRetryMiddleware",  # last: a read retried through a database restart reruns only the view
]

ROOT_URLCONF = "govex.urls"
WSGI_APPLICATION = "govex.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
# With persistent connections, a restarted PostgreSQL leaves dead ones behind: test each before a request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Web processes (govex/wsgi.py sets GOVEX_WEB_PROCESS) stop any statement after a few seconds, so that no request
# can occupy PostgreSQL for minutes; Celery workers, migrations and management commands are not limited.
DATABASE_STATEMENT_TIMEOUT = env.float("DATABASE_STATEMENT_TIMEOUT", default=5.0)
if "postgresql" in DATABASES["default"]["ENGINE"] and env.bool("GOVEX_WEB_PROCESS", default=False):
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c statement_timeout={int(DATABASE_STATEMENT_TIMEOUT * 1000)}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://govex")}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "admin:login"

# --- Sign-in lockout (django-axes; govex/sign_in.py) ------------------------------------------------------------
# Axes refuses sign-in once AXES_FAILURE_LIMIT attempts have failed within the cool-off, even with the right
# password, and keeps its counts and audit (AccessAttempt, AccessLog, AccessFailureLog) in the database, so all
# web processes share them. The API's tokens never pass through django.contrib.auth.authenticate: not counted.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out attempt before the password is hashed
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
# Comma-separated; "username+ip_address" counts that pair together. Default: one account from one address, so
# a guesser elsewhere cannot lock staff out. Add ",ip_address" to stop one address trying many accounts too.
AXES_LOCKOUT_PARAMETERS = [
    part.split("+") if "+" in part else part
    for part in env.list("AXES_LOCKOUT_PARAMETERS", default=["username+ip_address"])
]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_CLIENT_IP_CALLABLE = "govex.sign_in.client_address"  # the last X-Forwarded-For entry behind the TLS proxy
AXES_USERNAME_CALLABLE = "govex.sign_in.username_key"
AXES_LOCKOUT_CALLABLE = "govex.sign_in.locked_out"
AXES_ENABLE_ADMIN = False  # registered by cooperation/admin/sign_in.py, for superusers only

# --- Internationalisation: English, Russian, Arabic (right-to-left) ---------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian")), ("ar", _("Arabic"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("DJANGO_TIME_ZONE", default="Asia/Dubai")
# The office's own country (ISO 3166-1 alpha-2): reports count delegations to it as incoming, from it outgoing.
GOVEX_HOME_COUNTRY = env("GOVEX_HOME_COUNTRY", default="AE").upper()
# The protocol office's contacts printed on every visit programme: "name|phone|email" entries joined by ";".
OFFICE_CONTACTS = [
    dict(zip(("name", "phone", "email"), [*(part.strip() for part in entry.split("|")), "", ""][:3], strict=True))
    for entry in env(
        "DJANGO_OFFICE_CONTACTS",
        default="Protocol office, duty officer|+971 2 555 0100|protocol@example.org;"
        "Visits desk|+971 2 555 0101|visits@example.org",
    ).split(";")
    if entry.strip()
]
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files ---------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env("DJANGO_STATICFILES_STORAGE", default="django.contrib.staticfiles.storage.StaticFilesStorage")
    },
}
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = "media/"

# --- Security (HTTPS settings switch on behind a TLS proxy) -----------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_COOKIE_AGE", default=8 * 60 * 60)
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
HTTPS = env.bool("DJANGO_HTTPS", default=False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
# Load balancers probe instances over plain HTTP, from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Scripts and <style> blocks run only from govex's own origin or with the response's nonce
# (``nonce="{{ request.csp_nonce }}"``); style="" attributes stay allowed, as the admin's import/export and history
# pages use them and they cannot run code. The one inline handler left is django-import-export's "Select all"
# on the export form, allowed by the hash of its exact text. The ReDoc page relaxes style-src (api/urls.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # sha256 of onchange="onSelectToggleChange(event)" (import_export/templates/admin/import_export/export.html)
        "script-src": [SELF, NONCE, UNSAFE_HASHES, "'sha256-wid4zL8fR53ZYy1ljOepzR77Dn6vWUUxuNnnWWBP3I8='"],
        "style-src": [SELF, NONCE],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- Celery: Redis in production and tests; in-process when no broker is configured ----------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=180)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=600)}
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="govex")
# The database is the record of imports still to run; beat sends again what a lost message left behind.
IMPORT_STALL_SECONDS = env.int("IMPORT_STALL_SECONDS", default=300)
CELERY_BEAT_SCHEDULE = {
    # Defined in cooperation/importing/tasks.py under its original, stable name.
    "resend-stalled-imports": {
        "task": "cooperation.tasks.resend_stalled_imports",
        "schedule": env.float("IMPORT_SWEEP_SECONDS", default=60.0),
        "options": {"expires": 60},
    },
}
# Workers log through LOGGING below (JSON in production) instead of Celery's own root handler.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# --- REST API ----------------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: its WWW-Authenticate header turns refusals of anonymous requests into 401s.
        "cooperation.api.authentication.PartnerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Read: token or staff session. Write: write-scope token or staff session, plus Django model permissions.
    "DEFAULT_PERMISSION_CLASSES": ["cooperation.api.permissions.ApiAccess"],
    "DEFAULT_THROTTLE_CLASSES": ["cooperation.api.throttling.TokenRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["cooperation.api.renderers.OrjsonRenderer"],
    "EXCEPTION_HANDLER": "cooperation.api.exceptions.api_exception_handler",
    "DEFAULT_FILTER_BACKENDS": ["cooperation.filters.StrictFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "cooperation.api.pagination.UpdatedCursorPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {
        "partner": env("API_PARTNER_RATE", default="1200/hour"),
        "staff": env("API_STAFF_RATE", default="10000/hour"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "govex partner API",
    "DESCRIPTION": "Records of the government experience exchange office: delegations, officials, events, "
    "agreements and training programmes.\n\n"
    "**Authentication.** Every data endpoint needs a partner token: send `Authorization: Token <key>` (or "
    "`Bearer <key>`). Keys are created by the office's staff in the admin and shown once. Requests without one "
    "are answered `401`.\n\n"
    "**Sync.** Walk a list following `next`; the last page carries `sync`, the URL to call next time "
    "(removals first, then created or changed records).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cooperation.api.schema.add_problem_responses",
    ],
    # The schema and its pages are public, as API documentation is: they describe, they hold no records, and a
    # partner must be able to read how to authenticate before it has a key.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],  # public pages: a stale or revoked key does not lock anyone out of the docs
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "DelegationStatusEnum": "cooperation.models.DelegationStatus",
        "EventStatusEnum": "cooperation.models.EventStatus",
        "EventKindEnum": "cooperation.models.EventKind",
        "AgreementStatusEnum": "cooperation.models.AgreementStatus",
        "AgreementKindEnum": "cooperation.models.AgreementKind",
        "ProgrammeStatusEnum": "cooperation.models.ProgrammeStatus",
        "OrganisationKindEnum": "cooperation.models.OrganisationKind",
        "SourceKindEnum": "cooperation.models.SourceKind",
        "ImportStatusEnum": "cooperation.importing.models.ImportStatus",
    },
}

# --- Document imports --------------------------------------------------------------------------------------
IMPORT_MAX_UPLOAD_BYTES = env.int("IMPORT_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE", default=5 * 1024 * 1024)

# --- Admin history and exports -----------------------------------------------------------------------------
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
IMPORT_EXPORT_USE_TRANSACTIONS = True

# --- Logging: one JSON-ish line per record in production, readable text in development -------------------
LOG_LEVEL = env("DJANGO_LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "govex.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": env("DJANGO_LOG_FORMAT", default="plain")},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

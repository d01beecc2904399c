"""gunicorn settings for ``make serve`` (``gunicorn -c govex/gunicorn.conf.py govex.wsgi``).

Every value comes from the environment, like the Django settings, so one file serves a laptop, the CI
machine and a production host.
"""

from __future__ import annotations

import multiprocessing
import os

bind = os.environ.get("GOVEX_BIND", "127.0.0.1:8000")
# The usual 2 × cores + 1 sync workers; a PostgreSQL-bound Django app waits on the database more than it computes.
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
# A request that takes longer than this is a bug (uploads are parsed by Celery, not in the request).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 20))
keepalive = 5
# Recycle workers now and then so a slow leak in any library never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = max_requests // 10
# Heartbeat files in memory: on a busy disk the default tmp directory can stall workers into timeouts.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# X-Forwarded-* are trusted only from the TLS proxy in front (DJANGO_HTTPS=true expects one).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
limit_request_line = 8190

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("DJANGO_LOG_LEVEL", "info").lower()
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'

if os.environ.get("DJANGO_LOG_FORMAT", "plain") == "json":
    # gunicorn's own lines (access and errors) as JSON too, through the same formatter as Django's.
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "govex.logging.JsonFormatter"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
        "loggers": {
            "gunicorn.error": {"handlers": ["console"], "level": loglevel.upper(), "propagate": False},
            "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
        },
    }

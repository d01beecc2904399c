"""Celery application.

With ``CELERY_BROKER_URL`` unset, settings turn on ``task_always_eager`` so that imports run
in-process (``make run`` needs no Redis). Tests and production point it at Redis.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govex.settings")

app = Celery("govex")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

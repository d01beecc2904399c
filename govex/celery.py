"""Celery application.

With ``CELERY_BROKER_URL`` unset, settings turn on ``task_always_eager`` so that imports run
in-process (``make run`` needs no Redis). Tests and production point it at Redis.
"""

from __future__ import annotations

import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govex.settings")

app = Celery("govex")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def load_extraction_models(**_kwargs) -> None:
    """Each worker process loads the extraction models once, before its first import (about 2 s)."""
    from cooperation.importing.extraction import load_models

    load_models()

from __future__ import annotations

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govex.settings")
os.environ.setdefault("GOVEX_WEB_PROCESS", "1")  # a statement timeout for web requests (settings.py)
application = get_wsgi_application()

# What is loaded by now (Django, settings, models, URL map, libraries) lives as long as the process. Moving it to
# the permanent generation keeps the cyclic garbage collector from scanning it again on every collection, which
# a list request building thousands of short-lived rows otherwise triggers several times (see
# docs/performance.md).
gc.freeze()

"""The documented rate holds however many worker processes serve the API: they share one counter in Redis."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REDIS = os.environ.get("CACHE_URL", "")

WORKER = """
import os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "govex.settings"
django.setup()
from types import SimpleNamespace
from cooperation.api.models import PartnerToken
from cooperation.api.throttling import TokenRateThrottle
TokenRateThrottle.THROTTLE_RATES = {"partner": "10/day", "staff": "10/day"}
token = PartnerToken(pk=int(os.environ["TOKEN_ID"]), scope="read")
request = SimpleNamespace(auth=token, user=SimpleNamespace(is_authenticated=True, pk=1))
print(sum(TokenRateThrottle().allow_request(request, None) for _ in range(15)))
"""


@pytest.mark.skipif(not REDIS.startswith("redis://"), reason="needs the shared Redis cache (CACHE_URL), as in CI")
def test_two_processes_together_allow_exactly_the_rate():
    environment = {**os.environ, "TOKEN_ID": str(uuid.uuid4().int % 10**12)}
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER], cwd=ROOT, env=environment, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    allowed = [int(worker.communicate(timeout=120)[0].split()[-1]) for worker in workers]
    assert sum(allowed) == 10, allowed

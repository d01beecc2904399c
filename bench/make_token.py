"""Print a fresh read-only partner token for the benchmark (user "bench"), creating the user if needed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govex.settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from cooperation.api.models import PartnerToken  # noqa: E402

user, _ = get_user_model().objects.get_or_create(username="bench", defaults={"is_staff": False})
token = PartnerToken(name="make bench", user=user)
key = PartnerToken.new_key()
token.set_key(key)
token.save()
print(key)

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportingConfig(AppConfig):
    name = "cooperation.importing"
    label = "importing"
    verbose_name = _("Document imports")

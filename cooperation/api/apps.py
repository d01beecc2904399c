from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "cooperation.api"
    label = "partner_api"
    verbose_name = _("Partner API")

    def ready(self) -> None:
        from . import schema  # noqa: F401  (registers the OpenAPI auth extension)

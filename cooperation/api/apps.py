from __future__ import annotations

from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "cooperation.api"
    label = "partner_api"
    verbose_name = _("Partner API")

    def ready(self) -> None:
        from . import schema  # noqa: F401  (registers the OpenAPI auth extension)

        checks.register(shared_cache_for_rates, checks.Tags.caches, deploy=True)


def shared_cache_for_rates(app_configs, **kwargs):
    """``manage.py check --deploy``: rate limits count in the cache, so several worker processes need one cache."""
    from django.conf import settings

    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("locmem.LocMemCache", "dummy.DummyCache")):
        return [
            checks.Warning(
                "The API's rate limits are counted in a per-process cache: with several workers each allows the "
                "full rate.",
                hint="Set CACHE_URL to the shared Redis (redis://…), as ops/serve.sh does.",
                id="govex.W001",
            )
        ]
    return []

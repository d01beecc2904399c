from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("Cooperation records")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from cooperation.signals import on_post_migrate

        # No sender filter: the groups also cover the importing, reports and partner_api apps' models.
        post_migrate.connect(on_post_migrate, dispatch_uid="cooperation.grant_group_permissions")

        from django.db.models.signals import pre_save

        from cooperation.fixture_loading import derive_name_keys_for_raw_saves, skip_history_for_raw_saves
        from cooperation.models import OfficialName, OrganisationName

        pre_save.connect(skip_history_for_raw_saves, dispatch_uid="cooperation.skip_history_for_raw_saves")
        for model in (OfficialName, OrganisationName):
            pre_save.connect(
                derive_name_keys_for_raw_saves, sender=model, dispatch_uid=f"cooperation.name_keys.{model.__name__}"
            )

        from cooperation import sync

        sync.connect()  # tombstones and parent touches that partner sync relies on

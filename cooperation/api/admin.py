"""Partner tokens are created and revoked in the admin; the key is shown once, right after creation."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperation.models import Change

from .models import PartnerToken


@admin.register(PartnerToken)
class PartnerTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "user", "scope", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["scope", ("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix", "user__username"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]
    autocomplete_fields = ["user"]
    actions = ["revoke"]

    def save_model(self, request, obj, form, change):
        if not change:
            key = PartnerToken.new_key()
            obj.set_key(key)
            super().save_model(request, obj, form, change)
            # Only the hash is kept, so this message is the one chance to copy the key.
            self.message_user(
                request,
                _("Copy this key now; it will not be shown again: %(key)s") % {"key": key},
                level=messages.WARNING,
            )
            return
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, _("%(count)d token(s) revoked.") % {"count": count})


@admin.register(Change)
class ChangeAdmin(admin.ModelAdmin):
    """The change feed as partners see it; read-only, since it is a record of what happened."""

    list_display = ["at", "record_type", "slug", "action", "replaced_by"]
    list_filter = ["record_type", "action"]
    search_fields = ["slug", "replaced_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

"""Follow-up commitments: their own list (what is due, what is late) and an inline on the record they follow up."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperation.models import Commitment

from .base import SHORT_TEXTAREA, RecordAdmin, TabularInline, admin_link


class OverdueFilter(admin.SimpleListFilter):
    title = _("overdue")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        overdue = Commitment.objects.overdue().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=overdue)
        if self.value() == "no":
            return queryset.exclude(pk__in=overdue)
        return queryset


class LinkedRecordFilter(admin.SimpleListFilter):
    title = _("follows up")
    parameter_name = "follows"

    def lookups(self, request, model_admin):
        return [(name, Commitment._meta.get_field(name).verbose_name) for name in ("delegation", "event", "agreement")]

    def queryset(self, request, queryset):
        if self.value() in ("delegation", "event", "agreement"):
            return queryset.filter(**{f"{self.value()}__isnull": False})
        return queryset


class CommitmentInline(TabularInline):
    """Commitments on the page of the visit, event or agreement they came from (the link is the page's own)."""

    model = Commitment
    fields = ("text", "owner_official", "owner_organisation", "owner_user", "deadline", "status")
    autocomplete_fields = ("owner_official", "owner_organisation", "owner_user")
    formfield_overrides = {models.TextField: {"widget": SHORT_TEXTAREA}}
    extra = 0
    verbose_name_plural = _("follow-up commitments (one owner: an official, an organisation or a staff user)")


@admin.register(Commitment)
class CommitmentAdmin(RecordAdmin):
    list_display = ("short_text", "linked_record", "owner_display", "deadline", "status", "is_overdue")
    list_filter = ("status", OverdueFilter, LinkedRecordFilter, ("deadline", admin.DateFieldListFilter))
    list_select_related = ("delegation", "event", "agreement", "owner_official", "owner_organisation", "owner_user")
    search_fields = ("text", "text_ru", "text_ar", "delegation__title", "event__title", "agreement__title")
    search_by_name_forms = False  # the shared selector searches records by name forms; a commitment is text
    autocomplete_fields = ("delegation", "event", "agreement", "owner_official", "owner_organisation", "owner_user")
    date_hierarchy = "deadline"
    fieldsets = (
        (None, {"fields": ("text", ("deadline", "status", "done_at"))}),
        (_("Follows up (one of)"), {"fields": ("delegation", "event", "agreement")}),
        (_("Owner (at most one)"), {"fields": ("owner_official", "owner_organisation", "owner_user")}),
        (_("Text in other languages"), {"fields": ("text_ru", "text_ar"), "classes": ("collapse",)}),
    )
    readonly_fields = ("done_at",)

    @admin.display(description=_("commitment"), ordering="text")
    def short_text(self, obj: Commitment) -> str:
        return str(obj)

    @admin.display(description=_("follows up"))
    def linked_record(self, obj: Commitment) -> str:
        return admin_link(obj.record)

    @admin.display(description=_("owner"))
    def owner_display(self, obj: Commitment) -> str:
        return str(obj.owner or "—")

    @admin.display(description=_("overdue"), boolean=True)
    def is_overdue(self, obj: Commitment) -> bool:
        return obj.is_overdue(timezone.localdate())

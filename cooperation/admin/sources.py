"""Source documents and the citations that tie records to them."""

from __future__ import annotations

from django.contrib import admin
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from cooperation.models import CITABLE, Citation, SourceDocument
from cooperation.resources import CitationResource, SourceDocumentResource

from .base import ReadOnlyInline, RecordAdmin, year_filter


class CitedRecordColumns:
    """The record a citation supports, whichever of its foreign keys holds it."""

    @admin.display(description=_("record kind"))
    def record_kind(self, obj: Citation) -> str:
        return str(type(obj.target)._meta.verbose_name)

    @admin.display(description=_("record"))
    def record(self, obj: Citation) -> str:
        return str(obj.target)


class SourceCitationInline(CitedRecordColumns, ReadOnlyInline):
    """What this document supports, read-only: citations are added on the record they support."""

    model = Citation
    fk_name = "source"
    fields = ("record_kind", "record", "passage", "locator")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*CITABLE)


@admin.register(SourceDocument)
class SourceDocumentAdmin(RecordAdmin):
    resource_classes = [SourceDocumentResource]
    list_display = ("title", "language", "kind", "publisher", "published", "citation_count")
    list_filter = ("language", "kind", year_filter("publication_date", _("year published")))
    search_fields = ("title", "publisher", "url", "summary")
    search_by_name_forms = False
    date_hierarchy = "publication_date"
    prepopulated_fields = {"slug": ("title",)}
    fields = (
        "title",
        ("language", "kind"),
        "publisher",
        "url",
        ("publication_date", "publication_precision"),
        "summary",
        "slug",
    )
    inlines = (SourceCitationInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("citations")

    @admin.display(description=_("published"), ordering="publication_date")
    def published(self, obj: SourceDocument) -> str:
        return str(obj.published or "")

    @admin.display(description=_("citations"))
    def citation_count(self, obj: SourceDocument) -> int:
        return len(obj.citations.all())


@admin.register(Citation)
class CitationAdmin(CitedRecordColumns, RecordAdmin):
    resource_classes = [CitationResource]
    list_display = ("source", "record_kind", "record", "short_passage", "locator")
    list_select_related = ("source", *CITABLE)
    list_filter = ("source__language", "source")
    search_fields = ("passage", "locator", "source__title")
    search_by_name_forms = False
    autocomplete_fields = ("source", *CITABLE)
    fieldsets = (
        (None, {"fields": ("source", "passage", "locator")}),
        (_("The record it supports (exactly one)"), {"fields": tuple(CITABLE)}),
    )

    @admin.display(description=_("passage"))
    def short_passage(self, obj: Citation) -> str:
        return Truncator(obj.passage).chars(90)

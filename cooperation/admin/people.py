"""Officials, organisations, positions and topics."""

from __future__ import annotations

import datetime as dt

from django.contrib import admin
from django.db.models import Q
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from cooperation.models import (
    AgreementSignatory,
    DelegationMember,
    EventParticipant,
    Official,
    OfficialName,
    Organisation,
    OrganisationName,
    Position,
    Topic,
)
from cooperation.resources import OfficialResource, OrganisationResource, PositionResource, TopicResource
from cooperation.selectors import search
from cooperation.services import official_merge, organisation_merge

from .base import (
    ReadOnlyInline,
    RecordAdmin,
    ReferenceAdmin,
    TabularInline,
    citation_inline,
    country_filter,
    dates_column,
    link_column,
)
from .merging import PossibleDuplicatesFilter, merge_action


class OfficialNameInline(TabularInline):
    model = OfficialName
    fields = ("name", "language", "script", "kind", "grammatical_case", "note")
    extra = 1


class PositionInline(TabularInline):
    model = Position
    fields = (
        "title",
        "organisation",
        "start_date",
        "start_precision",
        "end_date",
        "end_precision",
        "title_ru",
        "title_ar",
    )
    autocomplete_fields = ("organisation",)
    extra = 0
    show_change_link = True


class InvolvementInline(ReadOnlyInline):
    """An official's rows in dated records of one kind (visits, events), latest first: see ``involvement_inline``."""

    fk_name = "official"
    record = ""

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related(self.record, "position")
            .order_by(f"-{self.record}__start_date")
        )


def involvement_inline(model, record: str, *, column: str, plural: str) -> type[InvolvementInline]:
    """The rows of ``model`` (which points at ``record``): a link to each record, its dates, role and post."""
    return type(
        f"{record.title()}InvolvementInline",
        (InvolvementInline,),
        {
            "model": model,
            "record": record,
            "fields": (f"{record}_link", f"{record}_dates", "role", "position"),
            "verbose_name_plural": plural,
            f"{record}_link": link_column(column, record),
            f"{record}_dates": dates_column(record),
            "__module__": __name__,
        },
    )


MembershipsInline = involvement_inline(DelegationMember, "delegation", column=_("delegation"), plural=_("delegations"))
ParticipationsInline = involvement_inline(EventParticipant, "event", column=_("event"), plural=_("events"))


class SignaturesInline(ReadOnlyInline):
    model = AgreementSignatory
    fk_name = "official"
    fields = ("agreement_link", "party", "position")
    verbose_name_plural = _("signatures")
    agreement_link = link_column(_("agreement"), "agreement")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("agreement", "party__organisation", "position")


@admin.register(Official)
class OfficialAdmin(RecordAdmin):
    resource_classes = [OfficialResource]
    list_display = ("__str__", "other_names", "current_position", "country_name", "updated_at")
    list_display_links = ("__str__",)
    list_filter = (country_filter("country", _("country")), PossibleDuplicatesFilter)
    search_fields = ("name",)
    ordering = ("sort_name", "name")
    actions = (merge_action(official_merge, _("Merge the two selected officials")),)
    fieldsets = (
        (None, {"fields": ("name", "honorific_prefix", "country", "slug")}),
        (_("Notes"), {"fields": ("sort_name", "summary"), "classes": ("collapse",)}),
    )
    prepopulated_fields = {"slug": ("name",)}
    # Names and posts are edited here; the person's visits, events and signatures are shown for context
    # ("everything about one person", with the title held each time).
    inlines = (
        OfficialNameInline,
        PositionInline,
        citation_inline("official"),
        MembershipsInline,
        ParticipationsInline,
        SignaturesInline,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("names", "positions__organisation__names")

    @admin.display(description=_("name forms"))
    def other_names(self, obj: Official) -> str:
        # <bdi> keeps an Arabic form from reordering its Cyrillic and Latin neighbours.
        forms = [n for n in obj.names.all() if n.name != obj.name]
        return format_html_join(" · ", '<bdi lang="{}">{}</bdi>', ((n.language, n.name) for n in forms))

    @admin.display(description=_("position today or last held"))
    def current_position(self, obj: Official) -> str:
        position = obj.position_on(dt.date.today()) or next(iter(obj.positions.all()), None)
        if position is None:
            return ""
        return f"{position}, {position.organisation}" if position.organisation_id else str(position)

    @admin.display(description=_("country"), ordering="country")
    def country_name(self, obj: Official) -> str:
        return obj.country.name if obj.country else ""


class OrganisationNameInline(TabularInline):
    model = OrganisationName
    fields = ("name", "language", "script", "kind", "note")
    extra = 1


@admin.register(Organisation)
class OrganisationAdmin(RecordAdmin):
    resource_classes = [OrganisationResource]
    list_display = ("__str__", "abbreviation", "kind", "country_name", "parent")
    list_display_links = ("__str__",)
    list_filter = (country_filter("country", _("country")), "kind", PossibleDuplicatesFilter)
    list_select_related = ("parent",)
    actions = (merge_action(organisation_merge, _("Merge the two selected organisations")),)
    search_fields = ("name",)
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "abbreviation", "kind", "country", "city", "parent", "website", "summary", "slug")
    inlines = (OrganisationNameInline, citation_inline("organisation"))

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("names", "parent__names")

    @admin.display(description=_("country"), ordering="country")
    def country_name(self, obj: Organisation) -> str:
        return obj.country.name if obj.country else ""


@admin.register(Position)
class PositionAdmin(RecordAdmin):
    resource_classes = [PositionResource]
    list_display = ("title", "official", "organisation", "dates")
    list_select_related = ("official", "organisation")
    list_filter = (country_filter("official__country", _("country of the official"), "country"),)
    search_fields = ("title",)
    autocomplete_fields = ("official", "organisation")
    fields = (
        "official",
        "title",
        "title_ru",
        "title_ar",
        "organisation",
        ("start_date", "start_precision"),
        ("end_date", "end_precision"),
        "dates_note",
    )
    date_hierarchy = "start_date"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("official__names", "organisation__names")

    def get_search_results(self, request, queryset, search_term):
        # A post is found by its title or by any name form of the person who held it.
        if not search_term.strip():
            return queryset, False
        officials = search(Official.objects.all(), search_term).values("pk")
        matches = Position.objects.filter(Q(title__icontains=search_term) | Q(official__in=officials))
        return queryset.filter(pk__in=matches.values("pk")), False

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj: Position) -> str:
        return obj.dates_display


@admin.register(Topic)
class TopicAdmin(ReferenceAdmin):
    resource_classes = [TopicResource]
    list_display = ("name", "name_ru", "name_ar", "parent")
    list_select_related = ("parent",)
    search_fields = ("name",)
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "name_ru", "name_ar", "parent", "slug")

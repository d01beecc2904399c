"""Delegations, events, agreements and training programmes: where a new visit is entered."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cooperation.approval import APPROVABLE, STATUS_REFUSED, allowed_statuses, approve, can_approve
from cooperation.dates import PartialDate
from cooperation.models import (
    ActionKind,
    Agreement,
    AgreementAction,
    AgreementParty,
    AgreementRelation,
    AgreementSignatory,
    Delegation,
    DelegationMember,
    DelegationStatus,
    Event,
    EventCountry,
    EventOrganiser,
    EventParticipant,
    MemberRole,
    ProgrammeCountry,
    ProgrammeParticipant,
    ProgrammeStage,
    TrainingProgramme,
)
from cooperation.resources import AgreementResource, DelegationResource, EventResource, TrainingProgrammeResource
from cooperation.times import time_zone_choices

from . import visits
from .attachments import AttachmentInline
from .base import (
    ReadOnlyInline,
    RecordAdmin,
    StackedInline,
    TabularInline,
    YearListFilter,
    citation_inline,
    country_filter,
    distinct_rows,
    link_column,
)
from .commitments import CommitmentInline

DATE_FIELDS = (("start_date", "start_precision"), ("end_date", "end_precision"), "dates_note")


class DatesColumnMixin:
    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj) -> str:
        return obj.dates_display


class ParticipantInline(TabularInline):
    """Officials taking part in an event or a programme, with their role and the post they held then."""

    fields = ("official", "role", "position")
    autocomplete_fields = ("official", "position")
    extra = 0


class CountryInline(TabularInline):
    """The countries taking part in an event or benefiting from a programme."""

    fields = ("country",)
    extra = 0


# --- Delegations -------------------------------------------------------------------------------------------


class DelegationMemberInline(TabularInline):
    model = DelegationMember
    fields = ("official", "role", "position", "order")
    autocomplete_fields = ("official", "position")
    formset = distinct_rows(role=MemberRole.HEAD)
    extra = 1
    verbose_name_plural = _("members (the head is the member with role “head of delegation”)")


class DelegationEventInline(DatesColumnMixin, ReadOnlyInline):
    """The programme of the visit, read-only here: events are entered on their own page (with participants)."""

    model = Event
    fk_name = "delegation"
    fields = ("title", "kind", "dates", "city", "status")
    show_change_link = True
    ordering = ("start_date", "slug")
    verbose_name_plural = _("programme (events of this delegation)")


@admin.register(Delegation)
class DelegationAdmin(DatesColumnMixin, RecordAdmin):
    resource_classes = [DelegationResource]
    list_display = ("title", "dates", "origin", "host", "city", "head_of_delegation", "member_count", "status")
    list_filter = (
        "status",
        YearListFilter,
        country_filter("origin_country", _("from")),
        country_filter("host_country", _("to")),
        "topics",
    )
    date_hierarchy = "start_date"
    search_fields = ("title",)
    autocomplete_fields = ("sending_organisation", "host_organisation", "topics")
    prepopulated_fields = {"slug": ("title",)}
    # Both link to the visit page ("Record a visit", "The visit on one page").
    change_list_template = "admin/cooperation/delegation/change_list.html"
    change_form_template = "admin/cooperation/delegation/change_form.html"
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    ("status", "approved_by", "approved_at"),
                    ("origin_country", "host_country"),
                    "city",
                    "programme",
                )
            },
        ),
        (_("Dates"), {"fields": DATE_FIELDS}),
        (None, {"fields": ("sending_organisation", "host_organisation", "topics", "purpose")}),
        (_("After the visit"), {"fields": ("summary", "outcomes")}),
        (
            _("Title in other languages, identifier"),
            {"fields": ("title_ru", "title_ar", "slug"), "classes": ("collapse",)},
        ),
    )
    inlines = (
        DelegationMemberInline,
        DelegationEventInline,
        citation_inline("delegation"),
        CommitmentInline,
        AttachmentInline,
    )
    # Set only by an approval (the action, or a Manager choosing "confirmed"), never typed in.
    readonly_fields = ("approved_by", "approved_at", "programme")
    actions = ("approve_selected",)

    @admin.display(description=_("programme"))
    def programme(self, obj) -> str:
        if obj is None or obj.pk is None:
            return ""
        url = reverse("reports:visit_programme", kwargs={"slug": obj.slug})
        return format_html(
            '<a href="{}">{}</a> · <a href="{}?export=pdf">PDF</a>', url, _("Programme of the visit"), url
        )

    def has_approve_permission(self, request) -> bool:
        return can_approve(request.user)

    def get_urls(self):
        # The visit page (admin/visits.py), before the model's own routes: their "<object_id>/" would take it.
        view = self.admin_site.admin_view
        return [
            path("visit/add/", view(self.visit_view), name="cooperation_delegation_visit_add"),
            path("visit/positions/", view(self.positions_view), name="cooperation_delegation_visit_positions"),
            path("<path:object_id>/visit/", view(self.visit_view), name="cooperation_delegation_visit"),
            *super().get_urls(),
        ]

    def visit_view(self, request, object_id: str | None = None):
        return visits.visit_page(self, request, object_id)

    def positions_view(self, request):
        return visits.positions(self, request)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        status = form.base_fields.get("status")
        if status is not None:
            # Refused statuses are not offered, and a forged POST of one fails as an invalid choice.
            allowed = allowed_statuses(request.user, obj)
            status.choices = [(value, label) for value, label in status.choices if value in allowed]
            status.error_messages = {**status.error_messages, "invalid_choice": STATUS_REFUSED}
        return form

    def save_model(self, request, obj, form, change):
        # A user who may approve and sets "confirmed" by hand approves: the record says who and when.
        # Sent back to a plan, it waits for a new approval (the history keeps the old one).
        if "status" in form.changed_data and can_approve(request.user):
            if obj.status == DelegationStatus.CONFIRMED:
                obj.approved_by, obj.approved_at = request.user, timezone.now()
                obj._change_reason = "approved"
            elif obj.status in APPROVABLE:
                obj.approved_by = obj.approved_at = None
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Approve selected visits"), permissions=["approve"])
    def approve_selected(self, request, queryset):
        approved, refused = 0, []
        for delegation in queryset.order_by("pk"):
            try:
                approve(delegation, request.user)
            except ValidationError as error:
                refused.extend(error.messages)
            else:
                approved += 1
        if approved:
            self.message_user(request, _("Visits approved: %(count)d.") % {"count": approved}, messages.SUCCESS)
        for message in refused:
            self.message_user(request, message, messages.WARNING)

    def get_queryset(self, request):
        members = DelegationMember.objects.select_related("official").prefetch_related("official__names")
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("members", queryset=members), "topics")
            .select_related("host_organisation")
        )

    @admin.display(description=_("from"), ordering="origin_country")
    def origin(self, obj: Delegation) -> str:
        return obj.origin_country.name

    @admin.display(description=_("to"), ordering="host_country")
    def host(self, obj: Delegation) -> str:
        return obj.host_country.name

    @admin.display(description=_("head"))
    def head_of_delegation(self, obj: Delegation) -> str:
        return str(obj.head or "")

    @admin.display(description=_("members"))
    def member_count(self, obj: Delegation) -> int:
        return len(obj.members.all())


# --- Events ------------------------------------------------------------------------------------------------


class EventParticipantInline(ParticipantInline):
    model = EventParticipant
    extra = 1


class EventOrganiserInline(TabularInline):
    model = EventOrganiser
    fields = ("organisation", "role")
    autocomplete_fields = ("organisation",)
    extra = 0


class EventCountryInline(CountryInline):
    model = EventCountry


class SideEventsInline(DatesColumnMixin, ReadOnlyInline):
    model = Event
    fk_name = "parent"
    fields = ("event_link", "kind", "dates", "status")
    verbose_name_plural = _("side events and sessions of this event")
    event_link = link_column(_("event"))


class SignedHereInline(ReadOnlyInline):
    model = Agreement
    fk_name = "signed_at"
    fields = ("agreement_link", "kind", "status")
    verbose_name_plural = _("agreements signed at this event")
    agreement_link = link_column(_("agreement"))


@admin.register(Event)
class EventAdmin(DatesColumnMixin, RecordAdmin):
    resource_classes = [EventResource]
    list_display = ("title", "kind", "dates", "place", "delegation", "parent", "status")
    list_filter = ("kind", "status", YearListFilter, country_filter("country", _("country")), "topics")
    list_select_related = ("delegation", "parent")
    date_hierarchy = "start_date"
    search_fields = ("title",)
    autocomplete_fields = ("venue_organisation", "parent", "delegation", "topics")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("kind", "title", "status", "delegation", "parent")}),
        (_("Dates"), {"fields": (*DATE_FIELDS, ("start_time", "end_time", "time_zone"))}),
        (_("Place"), {"fields": (("city", "country"), "venue", "venue_organisation")}),
        (None, {"fields": ("topics", "summary")}),
        (
            _("Title in other languages, identifier"),
            {"fields": ("title_ru", "title_ar", "slug"), "classes": ("collapse",)},
        ),
    )
    inlines = (
        EventParticipantInline,
        EventOrganiserInline,
        EventCountryInline,
        citation_inline("event"),
        SideEventsInline,
        SignedHereInline,
        CommitmentInline,
        AttachmentInline,
    )

    @admin.display(description=_("place"), ordering="city")
    def place(self, obj: Event) -> str:
        return ", ".join(part for part in (obj.venue or obj.city, obj.country.name if obj.country else "") if part)

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj: Event) -> str:
        # the place's clock, as the programme reads there, not the office's
        return " ".join(part for part in (obj.dates_display, obj.times_display) if part)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "time_zone":
            # a list rather than free text: a misspelt zone would only fail on save
            kwargs["widget"] = forms.Select(choices=time_zone_choices())
        return super().formfield_for_dbfield(db_field, request, **kwargs)


# --- Agreements --------------------------------------------------------------------------------------------


def _action_text(action: AgreementAction) -> str:
    when = PartialDate.of(action.date, action.date_precision)
    return f"{action.get_kind_display()} {when}" if when else action.get_kind_display()


class AgreementPartyInline(TabularInline):
    """Parties here; each party's signature, ratification and entry into force on the party's own page."""

    model = AgreementParty
    fields = ("country", "organisation", "order", "actions_summary")
    readonly_fields = ("actions_summary",)
    autocomplete_fields = ("organisation",)
    formset = distinct_rows("country", "organisation")
    extra = 0
    show_change_link = True
    verbose_name_plural = _("parties (a country or an organisation; open a party to record its actions)")

    @admin.display(description=_("actions with dates"))
    def actions_summary(self, obj: AgreementParty) -> str:
        if not obj.pk:
            return ""
        return "; ".join(_action_text(action) for action in obj.actions.all()) or "—"


class AgreementSignatoryInline(TabularInline):
    model = AgreementSignatory
    fields = ("official", "party", "position")
    autocomplete_fields = ("official", "position")
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # "On behalf of" offers only this agreement's parties, not every party of every agreement.
        if db_field.name == "party":
            agreement_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            parties = AgreementParty.objects.select_related("organisation")
            kwargs["queryset"] = parties.filter(agreement_id=agreement_id) if agreement_id else parties.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AgreementRelationInline(TabularInline):
    model = AgreementRelation
    fk_name = "source"
    fields = ("kind", "target")
    autocomplete_fields = ("target",)
    extra = 0
    verbose_name_plural = _("this agreement implements, amends or supersedes")


class AgreementImplementedByInline(ReadOnlyInline):
    """The other direction, read-only: later agreements and plans that implement or amend this one."""

    model = AgreementRelation
    fk_name = "target"
    fields = ("source", "kind")
    verbose_name_plural = _("implemented, amended or superseded by")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source")


class SignatureYearFilter(YearListFilter):
    """Agreements by the year any party signed them."""

    field = "parties__actions__date"
    title = _("year signed")
    parameter_name = "signed_year"

    def lookups(self, request, model_admin):
        years = AgreementAction.objects.filter(kind=ActionKind.SIGNATURE).dates("date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            signed = AgreementAction.objects.filter(kind=ActionKind.SIGNATURE, date__year=int(value))
            return queryset.filter(pk__in=signed.values("party__agreement"))
        return queryset


@admin.register(Agreement)
class AgreementAdmin(RecordAdmin):
    resource_classes = [AgreementResource]
    # The signing event is on the form; the list keeps to what fits beside the filters.
    list_display = ("title", "kind", "status", "party_list", "signed", "expires_on")
    list_filter = (
        "status",
        "kind",
        "level",
        SignatureYearFilter,
        country_filter("parties__country", _("party"), "party"),
        "topics",
    )
    search_fields = ("title",)
    autocomplete_fields = ("signed_at", "topics")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("kind", "level", "title", ("status", "status_date"), "signed_at", "expires_on")}),
        (None, {"fields": ("topics", "summary", "dates_note")}),
        (
            _("Title in other languages, identifier"),
            {"fields": ("title_ru", "title_ar", "slug"), "classes": ("collapse",)},
        ),
    )
    inlines = (
        AgreementPartyInline,
        AgreementSignatoryInline,
        AgreementRelationInline,
        AgreementImplementedByInline,
        citation_inline("agreement"),
        CommitmentInline,
        AttachmentInline,
    )

    def get_queryset(self, request):
        parties = AgreementParty.objects.select_related("organisation").prefetch_related(
            "organisation__names", "actions"
        )
        return super().get_queryset(request).prefetch_related(Prefetch("parties", queryset=parties), "topics")

    @admin.display(description=_("parties"))
    def party_list(self, obj: Agreement) -> str:
        return "; ".join(str(party) for party in obj.parties.all())

    @admin.display(description=_("signed"))
    def signed(self, obj: Agreement) -> str:
        dates = [
            PartialDate.of(action.date, action.date_precision)
            for party in obj.parties.all()
            for action in party.actions.all()
            if action.kind == ActionKind.SIGNATURE and action.date
        ]
        return str(min(dates, key=lambda d: d.first_day)) if dates else ""


class AgreementActionInline(TabularInline):
    model = AgreementAction
    fields = ("kind", "date", "date_precision", "note")
    extra = 1


@admin.register(AgreementParty)
class AgreementPartyAdmin(RecordAdmin):
    """Reached from an agreement's parties: a party's own actions (Django has no nested inlines)."""

    list_display = ("__str__", "agreement", "actions_summary")
    list_select_related = ("agreement", "organisation")
    search_fields = ("agreement__title", "organisation__name", "country")
    search_by_name_forms = False
    autocomplete_fields = ("agreement", "organisation")
    fields = ("agreement", "country", "organisation", "order")
    inlines = (AgreementActionInline,)

    def get_model_perms(self, request):
        # Not listed on the index: a party is edited from its agreement.
        return {}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("actions")

    @admin.display(description=_("actions with dates"))
    def actions_summary(self, obj: AgreementParty) -> str:
        return "; ".join(_action_text(action) for action in obj.actions.all())


# --- Training programmes -----------------------------------------------------------------------------------


class ProgrammeStageInline(StackedInline):
    model = ProgrammeStage
    fields = (
        ("number", "mode", "title"),
        ("start_date", "start_precision", "end_date", "end_precision"),
        ("city", "country", "event"),
        "topics",
    )
    autocomplete_fields = ("event", "topics")
    extra = 0


class ProgrammeParticipantInline(ParticipantInline):
    model = ProgrammeParticipant


class ProgrammeCountryInline(CountryInline):
    model = ProgrammeCountry


@admin.register(TrainingProgramme)
class TrainingProgrammeAdmin(DatesColumnMixin, RecordAdmin):
    resource_classes = [TrainingProgrammeResource]
    list_display = ("title", "year", "dates", "provider", "beneficiary", "participant_count", "stage_count", "status")
    list_filter = ("status", "year", country_filter("beneficiary_country", _("beneficiary country")), "topics")
    list_select_related = ("provider",)
    date_hierarchy = "start_date"
    search_fields = ("title",)
    autocomplete_fields = ("provider", "partners", "beneficiary_organisation", "agreement", "topics")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("title", "status", ("cohort", "year"), "participant_count")}),
        (_("Dates"), {"fields": DATE_FIELDS}),
        (
            _("Who"),
            {
                "fields": (
                    ("provider", "provider_country"),
                    "partners",
                    ("beneficiary_country", "beneficiary_organisation"),
                    "agreement",
                )
            },
        ),
        (None, {"fields": ("topics", "summary")}),
        (
            _("Title in other languages, identifier"),
            {"fields": ("title_ru", "title_ar", "slug"), "classes": ("collapse",)},
        ),
    )
    inlines = (ProgrammeStageInline, ProgrammeParticipantInline, ProgrammeCountryInline, citation_inline("programme"))

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("provider__names", "countries")
            .annotate(stages_total=Count("stages", distinct=True))
        )

    @admin.display(description=_("beneficiary"), ordering="beneficiary_country")
    def beneficiary(self, obj: TrainingProgramme) -> str:
        if obj.beneficiary_country:
            return obj.beneficiary_country.name
        return ", ".join(str(c.country.name) for c in obj.countries.all())

    @admin.display(description=_("stages"), ordering="stages_total")
    def stage_count(self, obj: TrainingProgramme) -> int:
        return obj.stages_total

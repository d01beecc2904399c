"""FilterSets shared by the partner API and the reports.

Conventions every FilterSet follows, so a partner learns them once:

- related records are named by ``slug`` (``topic=digital-government``, ``official=yulia-shapkina``);
- countries are ISO 3166-1 alpha-2 codes, several separated by commas (``origin_country=BY,KZ``);
- ``date_from``/``date_to`` keep records whose span overlaps the interval (a visit of 14–17 October is in
  ``date_from=2025-10-16``), precision aside: a span stored as "October 2025" counts from its stored date;
- ``q`` matches any name form in any script (``cooperation.selectors.search``);
- ``updated_since`` keeps records changed at or after an ISO 8601 date-time, for incremental sync.

Filters on to-many relations go through ``pk__in`` subqueries so that a record never appears twice. Choice
filters on plain columns say ``distinct=False``: django-filter's default DISTINCT makes PostgreSQL sort the
whole table before the page is cut (1.6 s instead of milliseconds on 200,000 events).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import operator

import django_filters as filters
from django import forms
from django.db.models import Case, CharField, Exists, OuterRef, Q, QuerySet, Value, When
from django.utils.dateparse import parse_datetime
from django_countries import countries
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from cooperation.dates import DatePrecision
from cooperation.models import (
    ActionKind,
    Agreement,
    AgreementAction,
    AgreementKind,
    AgreementLevel,
    AgreementStatus,
    Delegation,
    DelegationStatus,
    Event,
    EventKind,
    EventStatus,
    Official,
    Organisation,
    OrganisationKind,
    Position,
    ProgrammeStatus,
    SourceDocument,
    SourceKind,
    Topic,
    TrainingProgramme,
)
from cooperation.selectors import MAX_SEARCH_WORDS, search

# --- Fields -------------------------------------------------------------------------------------------------


# Bounds on what one request may ask for: every filter value is cheap to check and cheap to run.
MAX_Q_CHARS = 200
MAX_Q_WORDS = MAX_SEARCH_WORDS
MAX_LIST_VALUES = 50


class RepeatedAsCommaList(forms.TextInput):
    """``?origin_country=BY&origin_country=KZ`` means the same as ``?origin_country=BY,KZ`` (not "KZ only")."""

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        joined = ",".join(value for value in values if value)
        return joined or None


class SearchField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if value and (len(value) > MAX_Q_CHARS or len(value.split()) > MAX_Q_WORDS):
            raise forms.ValidationError(
                "Search at most %(words)d words and %(chars)d characters; narrow it with filters instead.",
                code="too_long",
                params={"words": MAX_Q_WORDS, "chars": MAX_Q_CHARS},
            )
        return value


class SearchFilter(filters.CharFilter):
    field_class = SearchField


class CountryCodesField(forms.CharField):
    """Comma-separated ISO 3166-1 alpha-2 codes, upper-cased; an unknown code is an error, not an empty result."""

    widget = RepeatedAsCommaList

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return []
        codes = [code.strip().upper() for code in value.split(",") if code.strip()]
        if len(codes) > MAX_LIST_VALUES:
            raise forms.ValidationError(
                "At most %(count)d country codes.", code="too_many", params={"count": MAX_LIST_VALUES}
            )
        unknown = [code for code in codes if code not in countries]
        if unknown:
            # The codes go in as a parameter, never into the message itself: a "%" in what the client sent
            # would otherwise be read as a format placeholder (a 500 found by fuzzing).
            raise forms.ValidationError(
                "Unknown country code(s): %(codes)s. Use ISO 3166-1 alpha-2.",
                code="invalid",
                params={"codes": ", ".join(unknown)},
            )
        return codes


@extend_schema_field({"type": "string", "example": "BY,KZ"})
class CountryFilter(filters.Filter):
    field_class = CountryCodesField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "in")
        kwargs.setdefault("help_text", "ISO 3166-1 alpha-2 code(s), comma-separated.")
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        if self.method is not None:
            return self.method(qs, self.field_name, value)
        return qs.filter(**{f"{self.field_name}__in": value})


# --- Date helpers shared with the serializers (as_of) ------------------------------------------------------


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def starts_by(day: dt.date, prefix: str = "") -> Q:
    """The span's start (at its precision) is on or before ``day``; an open start counts as always."""
    date, precision = f"{prefix}start_date", f"{prefix}start_precision"
    return (
        Q(**{f"{date}__isnull": True})
        | Q(**{precision: DatePrecision.DAY, f"{date}__lte": day})
        | Q(**{precision: DatePrecision.MONTH, f"{date}__lte": _month_end(day)})
        | Q(**{precision: DatePrecision.YEAR, f"{date}__year__lte": day.year})
    )


def ends_not_before(day: dt.date, prefix: str = "", *, open_end: bool = True) -> Q:
    """The span's end (at its precision) is on or after ``day``; an open end counts as ongoing."""
    date, precision = f"{prefix}end_date", f"{prefix}end_precision"
    condition = (
        Q(**{precision: DatePrecision.DAY, f"{date}__gte": day})
        | Q(**{precision: DatePrecision.MONTH, f"{date}__gte": day.replace(day=1)})
        | Q(**{precision: DatePrecision.YEAR, f"{date}__year__gte": day.year})
    )
    return condition | Q(**{f"{date}__isnull": True}) if open_end else condition


def position_held_on(day: dt.date, prefix: str = "") -> Q:
    """Positions (or ``prefix`` relations to them) held on ``day``, as ``Position.covers`` decides."""
    return starts_by(day, prefix) & ends_not_before(day, prefix)


def overlaps(date_from: dt.date | None, date_to: dt.date | None) -> Q:
    """Spans (start_date/end_date) that overlap [date_from, date_to]; a span without an end is a single day."""
    condition = Q()
    if date_from is not None:
        condition &= Q(end_date__gte=date_from) | Q(end_date__isnull=True, start_date__gte=date_from)
    if date_to is not None:
        condition &= Q(start_date__lte=date_to)
    return condition


def agreement_status_on(day: dt.date) -> Case:
    """An agreement's status on ``day``, derived from what the record says had happened by then.

    Evidence, strongest first: a party's termination or withdrawal; the expiry date passed; a party's entry
    into force or renewal; a party's signature or ratification; the recorded status if it was reached by
    ``day`` (``status_date``). Without any evidence dated by ``day`` the value is ``null`` ("not known yet"),
    never the current status, which would leak the future into the past.
    """

    def acted(*kinds: str) -> Exists:
        return Exists(AgreementAction.objects.filter(party__agreement=OuterRef("pk"), kind__in=kinds, date__lte=day))

    recorded_by_then = Q(status_date__isnull=False, status_date__lte=day)
    return Case(
        When(acted(ActionKind.TERMINATION, ActionKind.WITHDRAWAL), then=Value(AgreementStatus.TERMINATED)),
        When(recorded_by_then & Q(status=AgreementStatus.TERMINATED), then=Value(AgreementStatus.TERMINATED)),
        When(expires_on__lt=day, then=Value(AgreementStatus.EXPIRED)),
        When(acted(ActionKind.ENTRY_INTO_FORCE, ActionKind.RENEWAL), then=Value(AgreementStatus.IN_FORCE)),
        When(recorded_by_then & Q(status=AgreementStatus.IN_FORCE), then=Value(AgreementStatus.IN_FORCE)),
        When(acted(ActionKind.SIGNATURE, ActionKind.RATIFICATION), then=Value(AgreementStatus.SIGNED)),
        When(recorded_by_then, then="status"),
        default=Value(None),
        output_field=CharField(),
    )


# --- Base -------------------------------------------------------------------------------------------------


class UtcDateTimeField(filters.fields.IsoDateTimeField):
    """An ISO 8601 date-time with its offset, turned to UTC before it reaches the database; without one, a 400.

    Python accepts offsets up to ±23:59 and years from 1; PostgreSQL refuses offsets past ±15:59, and a date-time
    near year 1 or 9999 may not survive the shift to UTC. Either is the client's mistake: answer 400, not 500.
    """

    def to_python(self, value):
        # A time without an offset means a different moment in every time zone: ask, rather than guess.
        parsed = parse_datetime(value.strip()) if isinstance(value, str) and value.strip() else None
        if parsed is not None and parsed.tzinfo is None:
            raise forms.ValidationError(
                "Give the time zone: end the date-time with Z (UTC) or an offset such as +04:00.", code="invalid"
            )
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(dt.UTC)
        except (OverflowError, ValueError) as error:
            raise forms.ValidationError("Enter a date-time between years 1 and 9999 in UTC.", code="invalid") from error


class UtcDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


def updated_since_filter() -> UtcDateTimeFilter:
    """``updated_since``, the incremental-sync filter every list of records has."""
    return UtcDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Only records changed at or after this ISO 8601 date-time (incremental sync).",
    )


class RecordFilter(filters.FilterSet):
    """``q`` and ``updated_since`` for every record type."""

    q = SearchFilter(
        method="filter_q",
        label="Search",
        help_text=f"Any name form in any script; at most {MAX_Q_WORDS} words and {MAX_Q_CHARS} characters.",
    )
    updated_since = updated_since_filter()

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return search(queryset, value)


class SpanFilter(RecordFilter):
    date_from = filters.DateFilter(method="filter_span", help_text="Span ends on or after this date (YYYY-MM-DD).")
    date_to = filters.DateFilter(method="filter_span", help_text="Span starts on or before this date (YYYY-MM-DD).")

    def filter_span(self, queryset: QuerySet, name: str, value: dt.date) -> QuerySet:
        if name == "date_from":
            return queryset.filter(overlaps(value, None))
        return queryset.filter(overlaps(None, value))


def _where(queryset: QuerySet, condition: Q) -> QuerySet:
    """Filter through a subquery so a to-many join never duplicates a record."""
    model = queryset.model
    return queryset.filter(pk__in=model._default_manager.filter(condition).values("pk"))


def any_of(*lookups: str, subquery: bool = True):
    """A filter ``method``: records where any of ``lookups`` (``topics__slug``, ``country__in``) matches the value.

    Through ``_where`` unless every lookup stays on to-one relations (``subquery=False``): there a plain WHERE
    cannot duplicate a record and spares PostgreSQL the subquery.
    """

    def method(queryset, name, value):
        condition = functools.reduce(operator.or_, (Q(**{lookup: value}) for lookup in lookups))
        return _where(queryset, condition) if subquery else queryset.filter(condition)

    return method


# --- FilterSets ---------------------------------------------------------------------------------------------


class DelegationFilter(SpanFilter):
    origin_country = CountryFilter(field_name="origin_country", help_text="Country the delegation comes from.")
    host_country = CountryFilter(field_name="host_country", help_text="Country visited.")
    country = CountryFilter(
        method=any_of("origin_country__in", "host_country__in", subquery=False), help_text="Origin or host country."
    )
    status = filters.MultipleChoiceFilter(distinct=False, choices=DelegationStatus.choices)
    topic = filters.CharFilter(method=any_of("topics__slug"), help_text="Topic slug.")
    official = filters.CharFilter(
        method=any_of("members__official__slug"), help_text="Slug of an official among the members."
    )
    organisation = filters.CharFilter(
        method=any_of("sending_organisation__slug", "host_organisation__slug", subquery=False),
        help_text="Slug of the sending or host body.",
    )

    class Meta:
        model = Delegation
        fields = []


class EventFilter(SpanFilter):
    kind = filters.MultipleChoiceFilter(distinct=False, choices=EventKind.choices)
    status = filters.MultipleChoiceFilter(distinct=False, choices=EventStatus.choices)
    country = CountryFilter(
        method=any_of("country__in", "participating_countries__country__in"),
        help_text="Country where it takes place or taking part.",
    )
    topic = filters.CharFilter(method=any_of("topics__slug"), help_text="Topic slug.")
    official = filters.CharFilter(
        method=any_of("participants__official__slug"), help_text="Slug of a participating official."
    )
    organisation = filters.CharFilter(
        method=any_of("organisers__organisation__slug", "venue_organisation__slug"),
        help_text="Slug of an organiser or the venue.",
    )
    delegation = filters.CharFilter(field_name="delegation__slug", help_text="Slug of the delegation.")
    parent = filters.CharFilter(field_name="parent__slug", help_text="Slug of the event this one is part of.")

    class Meta:
        model = Event
        fields = []


class AgreementFilter(RecordFilter):
    kind = filters.MultipleChoiceFilter(distinct=False, choices=AgreementKind.choices)
    level = filters.MultipleChoiceFilter(distinct=False, choices=AgreementLevel.choices)
    status = filters.MultipleChoiceFilter(
        choices=AgreementStatus.choices, method="filter_status", help_text="Status, on `as_of` if given."
    )
    as_of = filters.DateFilter(
        method="filter_as_of", help_text="Adds `status_as_of`: the status on this date (YYYY-MM-DD)."
    )
    country = CountryFilter(
        method=any_of("parties__country__in", "parties__organisation__country__in"), help_text="Country of a party."
    )
    organisation = filters.CharFilter(
        method=any_of("parties__organisation__slug"), help_text="Slug of a party organisation."
    )
    official = filters.CharFilter(method=any_of("signatories__official__slug"), help_text="Slug of a signatory.")
    topic = filters.CharFilter(method=any_of("topics__slug"), help_text="Topic slug.")
    signed_from = filters.DateFilter(method="filter_signed", help_text="A party signed on or after this date.")
    signed_to = filters.DateFilter(method="filter_signed", help_text="A party signed on or before this date.")
    expires_before = filters.DateFilter(field_name="expires_on", lookup_expr="lte")
    expires_after = filters.DateFilter(field_name="expires_on", lookup_expr="gte")

    class Meta:
        model = Agreement
        fields = []

    def filter_queryset(self, queryset):
        # ``status`` means "status on as_of" when both are given, so as_of is applied first.
        as_of = self.form.cleaned_data.get("as_of")
        if as_of:
            queryset = queryset.annotate(status_as_of=agreement_status_on(as_of))
        return super().filter_queryset(queryset)

    def filter_as_of(self, queryset, name, value):
        return queryset  # the annotation is added in filter_queryset

    def filter_status(self, queryset, name, value):
        if not value:
            return queryset
        field = "status_as_of" if self.form.cleaned_data.get("as_of") else "status"
        return queryset.filter(**{f"{field}__in": value})

    def filter_signed(self, queryset, name, value):
        lookup = "gte" if name == "signed_from" else "lte"
        return _where(
            queryset, Q(parties__actions__kind=ActionKind.SIGNATURE, **{f"parties__actions__date__{lookup}": value})
        )


class OfficialFilter(RecordFilter):
    country = CountryFilter(field_name="country")
    organisation = filters.CharFilter(
        method="filter_organisation", help_text="Slug of an organisation where the official holds (held) a post."
    )
    as_of = filters.DateFilter(
        method="filter_as_of",
        help_text="Adds `position_as_of` (the post held on this date); with `organisation`, only officials "
        "holding a post there on this date.",
    )
    topic = filters.CharFilter(
        method=any_of("delegation_memberships__delegation__topics__slug"),
        help_text="Took part in a delegation on this topic (slug).",
    )

    class Meta:
        model = Official
        fields = []

    def filter_organisation(self, queryset, name, value):
        condition = Q(organisation__slug=value)
        as_of = self.form.cleaned_data.get("as_of")
        if as_of:
            condition &= position_held_on(as_of)
        return queryset.filter(pk__in=Position.objects.filter(condition).values("official_id"))

    def filter_as_of(self, queryset, name, value):
        return queryset  # read by filter_organisation and by the serializer


class OrganisationFilter(RecordFilter):
    country = CountryFilter(field_name="country")
    kind = filters.MultipleChoiceFilter(distinct=False, choices=OrganisationKind.choices)
    parent = filters.CharFilter(field_name="parent__slug", help_text="Slug of the parent organisation.")

    class Meta:
        model = Organisation
        fields = []


class TrainingProgrammeFilter(SpanFilter):
    status = filters.MultipleChoiceFilter(distinct=False, choices=ProgrammeStatus.choices)
    provider_country = CountryFilter(field_name="provider_country")
    beneficiary_country = CountryFilter(
        method=any_of("beneficiary_country__in", "countries__country__in"),
        help_text="Beneficiary country, including multi-country programmes.",
    )
    year = filters.NumberFilter(field_name="year")
    topic = filters.CharFilter(
        method=any_of("topics__slug", "stages__topics__slug"), help_text="Topic slug (programme or module)."
    )
    organisation = filters.CharFilter(
        method=any_of("provider__slug", "partners__slug", "beneficiary_organisation__slug"),
        help_text="Slug of the provider, a partner or the beneficiary organisation.",
    )
    official = filters.CharFilter(
        method=any_of("participants__official__slug"), help_text="Slug of a participant or trainer."
    )
    agreement = filters.CharFilter(field_name="agreement__slug", help_text="Slug of the agreement implemented.")

    class Meta:
        model = TrainingProgramme
        fields = []


class TopicFilter(RecordFilter):
    parent = filters.CharFilter(field_name="parent__slug", help_text="Slug of the parent topic.")

    class Meta:
        model = Topic
        fields = []


class SourceDocumentFilter(RecordFilter):
    language = filters.MultipleChoiceFilter(distinct=False, choices=SourceDocument._meta.get_field("language").choices)
    kind = filters.MultipleChoiceFilter(distinct=False, choices=SourceKind.choices)
    published_from = filters.DateFilter(field_name="publication_date", lookup_expr="gte")
    published_to = filters.DateFilter(field_name="publication_date", lookup_expr="lte")

    class Meta:
        model = SourceDocument
        fields = []


class StrictFilterBackend(DjangoFilterBackend):
    """An unknown query parameter is a 400 naming it, not silently ignored (a typo would return everything)."""

    # Parameters that are not filters: paging, sync, content negotiation, a view's extra options.
    CONTROL = frozenset({"cursor", "page_size", "sync", "format"})

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        allowed = set(self.CONTROL) | set(getattr(view, "extra_parameters", ()))
        if filterset_class is not None:
            allowed |= set(filterset_class.base_filters)
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise ValidationError(
                {name: [f"Unknown parameter. Known: {', '.join(sorted(allowed))}."] for name in unknown}
            )
        return super().filter_queryset(request, queryset, view)

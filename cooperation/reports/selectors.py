"""Reads behind the manager reports.

Every function runs a fixed number of queries whatever the data size: lists are fetched with
``select_related``/``prefetch_related`` and figures come from grouped aggregates, never from a query per row.
Records are shown in the reader's language (``localized``/``display_name`` over prefetched name forms).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Window
from django.db.models.functions import Coalesce, ExtractYear, RowNumber
from django.urls import reverse
from django.utils.text import capfirst
from django_countries import countries
from django_countries.fields import Country

from cooperation.dates import PartialDate
from cooperation.models import (
    ActionKind,
    Agreement,
    AgreementAction,
    AgreementParty,
    AgreementSignatory,
    AgreementStatus,
    Delegation,
    DelegationMember,
    DelegationStatus,
    Event,
    EventParticipant,
    EventStatus,
    MemberRole,
    Official,
    OfficialName,
    Position,
    ProgrammeParticipant,
    Topic,
    TrainingProgramme,
)

from .filters import ReportFilters, apply_filters


def home_country() -> str:
    """The office's own country: delegations to it are incoming, from it outgoing."""
    return settings.GOVEX_HOME_COUNTRY


def country_name(code: str | Country) -> str:
    """The country's name in the reader's language (django-countries carries the translations)."""
    code = str(code or "")
    return str(Country(code=code).name) if code else ""


def admin_url(model_name: str, pk: int) -> str:
    return reverse(f"admin:cooperation_{model_name}_change", args=[pk])


def country_url(code: str | Country) -> str:
    code = str(code or "")
    return reverse("reports:country", kwargs={"code": code.lower()}) if code else ""


# Longest list a report table shows; the caption says "N of M" beyond it and filters narrow the rest.
# Pages stay quick at the benchmark scale (100,000 delegations) without pagination on every table.
ROW_LIMIT = 100

ACTIVE_AGREEMENT = (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE)


def _involvement_counts() -> dict[str, Any]:
    """Per-official counts as correlated subqueries: four COUNT(DISTINCT) over joined to-many relations
    would multiply rows (delegations x events x ...) for busy officials."""

    def count(model) -> Coalesce:
        rows = model.objects.filter(official=OuterRef("pk")).order_by().values("official")
        return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")[:1]), 0)

    return {
        "n_delegations": count(DelegationMember),
        "n_events": count(EventParticipant),
        "n_signatures": count(AgreementSignatory),
        "n_programmes": count(ProgrammeParticipant),
    }


def _took_part() -> Q:
    return Q(
        Exists(DelegationMember.objects.filter(official=OuterRef("pk")))
        | Exists(EventParticipant.objects.filter(official=OuterRef("pk")))
        | Exists(AgreementSignatory.objects.filter(official=OuterRef("pk")))
        | Exists(ProgrammeParticipant.objects.filter(official=OuterRef("pk")))
    )


OPEN_AGREEMENT = (AgreementStatus.PROPOSED, AgreementStatus.UNDER_NEGOTIATION)


# --- Prefetch recipes ----------------------------------------------------------------------------------------


def _official_names() -> Prefetch:
    return Prefetch("names", queryset=OfficialName.objects.only("id", "official_id", "name", "language", "kind"))


def _officials() -> QuerySet:
    return Official.objects.prefetch_related(_official_names())


def delegations_with_people(queryset: QuerySet | None = None) -> QuerySet:
    members = DelegationMember.objects.select_related("position").prefetch_related(
        Prefetch("official", queryset=_officials())
    )
    return (queryset if queryset is not None else Delegation.objects.all()).prefetch_related(
        Prefetch("members", queryset=members), "topics"
    )


def agreements_with_parties(queryset: QuerySet | None = None) -> QuerySet:
    parties = AgreementParty.objects.select_related("organisation").prefetch_related(
        "organisation__names", Prefetch("actions", queryset=AgreementAction.objects.order_by("date"))
    )
    signatories = AgreementSignatory.objects.select_related("position", "party").prefetch_related(
        Prefetch("official", queryset=_officials())
    )
    return (
        (queryset if queryset is not None else Agreement.objects.all())
        .select_related("signed_at")
        .prefetch_related(
            Prefetch("parties", queryset=parties), Prefetch("signatories", queryset=signatories), "topics"
        )
    )


# --- Presentation helpers shared by the reports --------------------------------------------------------------


def party_names(agreement: Agreement) -> list[str]:
    return [
        party.organisation.display_name() if party.organisation_id else country_name(party.country)
        for party in agreement.parties.all()
    ]


def signatory_lines(agreement: Agreement) -> list[str]:
    lines = []
    for signatory in agreement.signatories.all():
        title = signatory.position.localized_title() if signatory.position_id else ""
        lines.append(f"{signatory.official.display_name()}, {title}" if title else signatory.official.display_name())
    return lines


def signature_date(agreement: Agreement) -> PartialDate | None:
    """The earliest signature of any party, from prefetched actions."""
    dates = [
        PartialDate.of(action.date, action.date_precision)
        for party in agreement.parties.all()
        for action in party.actions.all()
        if action.kind == ActionKind.SIGNATURE and action.date
    ]
    return min(dates, key=lambda d: d.first_day) if dates else None


def head_of(delegation: Delegation) -> str:
    head = next((m for m in delegation.members.all() if m.role == MemberRole.HEAD), None)
    if head is None:
        return ""
    title = head.position.localized_title() if head.position_id else ""
    return f"{head.official.display_name()}, {title}" if title else head.official.display_name()


def direction(delegation: Delegation, home: str) -> str:
    from django.utils.translation import gettext as _

    if delegation.host_country == home:
        return _("incoming")
    if delegation.origin_country == home:
        return _("outgoing")
    return _("third countries")


# --- Dashboard -----------------------------------------------------------------------------------------------


@dataclass
class Dashboard:
    today: dt.date
    upcoming_delegations: list[Delegation]
    upcoming_events: list[Event]
    recent_delegations: list[Delegation]
    recent_events: list[Event]
    agreements_by_status: list[tuple[str, str, int]]  # (status, label, count)
    years: list[int]
    incoming_by_year: list[int]
    outgoing_by_year: list[int]
    events_by_year: list[int]
    signed_by_year: list[int]
    countries: list[dict[str, Any]]  # counterpart country rows, busiest first


def dashboard(*, today: dt.date, filters: ReportFilters, limit: int = 10) -> Dashboard:
    home = home_country()
    delegations = apply_filters(Delegation.objects.all(), filters)
    events = apply_filters(Event.objects.all(), filters).select_related("delegation")
    agreements = apply_filters(Agreement.objects.all(), filters)
    not_cancelled = ~Q(status__in=[DelegationStatus.CANCELLED])

    upcoming_delegations = list(
        delegations_with_people(delegations.filter(not_cancelled, start_date__gte=today).order_by("start_date"))[:limit]
    )
    recent_delegations = list(
        delegations_with_people(
            # The latest, however long ago: an office between visits still sees what happened last.
            delegations.filter(not_cancelled, start_date__lt=today).order_by("-start_date")
        )[:limit]
    )
    upcoming_events = list(
        events.filter(~Q(status=EventStatus.CANCELLED), start_date__gte=today).order_by("start_date")[:limit]
    )
    recent_events = list(
        events.filter(~Q(status=EventStatus.CANCELLED), start_date__lt=today).order_by("-start_date")[:limit]
    )

    counts = dict(agreements.order_by().values_list("status").annotate(n=Count("pk")))
    by_status = [(value, label, counts.get(value, 0)) for value, label in AgreementStatus.choices]

    # Trends: one grouped query per kind of record.
    per_year_direction = (
        delegations.filter(start_date__isnull=False)
        .filter(Q(host_country=home) | Q(origin_country=home))
        .annotate(year=ExtractYear("start_date"))
        .order_by()
        .values_list("year", "host_country")
        .annotate(n=Count("pk"))
    )
    incoming: Counter[int] = Counter()
    outgoing: Counter[int] = Counter()
    for year, host, n in per_year_direction:
        (incoming if host == home else outgoing)[year] += n
    events_per_year = Counter(
        dict(
            events.filter(start_date__isnull=False)
            .annotate(year=ExtractYear("start_date"))
            .order_by()
            .values_list("year")
            .annotate(n=Count("pk"))
        )
    )
    signed_per_year = Counter(
        dict(
            AgreementAction.objects.filter(
                kind=ActionKind.SIGNATURE, date__isnull=False, party__agreement__in=agreements.values("pk")
            )
            .annotate(year=ExtractYear("date"))
            .order_by()
            .values_list("year")
            .annotate(n=Count("party__agreement", distinct=True))
        )
    )
    all_years = set(incoming) | set(outgoing) | set(events_per_year) | set(signed_per_year)
    years = list(range(min(all_years), max(all_years) + 1)) if all_years else [today.year]
    years = years[-8:]  # the chart stays readable; older years are in the annual reports

    by_country: dict[str, dict[str, Any]] = defaultdict(lambda: {"incoming": 0, "outgoing": 0, "agreements": 0})
    for code, n in (
        delegations.filter(host_country=home).order_by().values_list("origin_country").annotate(n=Count("pk"))
    ):
        by_country[code]["incoming"] += n
    for code, n in (
        delegations.filter(origin_country=home).order_by().values_list("host_country").annotate(n=Count("pk"))
    ):
        by_country[code]["outgoing"] += n
    for code, n in (
        AgreementParty.objects.filter(agreement__in=agreements.values("pk"))
        .exclude(country="")
        .exclude(country=home)
        .order_by()
        .values_list("country")
        .annotate(n=Count("agreement", distinct=True))
    ):
        by_country[code]["agreements"] += n
    country_rows = [
        {"code": code, "name": country_name(code), **figures, "total": sum(figures.values())}
        for code, figures in by_country.items()
        if code
    ]
    country_rows.sort(key=lambda row: (-row["total"], row["name"]))

    return Dashboard(
        today=today,
        upcoming_delegations=upcoming_delegations,
        upcoming_events=upcoming_events,
        recent_delegations=recent_delegations,
        recent_events=recent_events,
        agreements_by_status=by_status,
        years=years,
        incoming_by_year=[incoming[y] for y in years],
        outgoing_by_year=[outgoing[y] for y in years],
        events_by_year=[events_per_year[y] for y in years],
        signed_by_year=[signed_per_year[y] for y in years],
        countries=country_rows,
    )


# --- Country profile -----------------------------------------------------------------------------------------


@dataclass
class TimelineItem:
    date: PartialDate | None
    kind: str
    title: str
    url: str
    detail: str = ""

    @property
    def sort_key(self) -> dt.date:
        return self.date.first_day if self.date else dt.date.min


@dataclass
class StatusStep:
    status: str
    label: str
    since: dt.date


@dataclass
class CountryProfile:
    code: str
    name: str
    delegations: list[Delegation]
    events: list[Event]
    agreements: list[Agreement]
    programmes: list[TrainingProgramme]
    officials: list[Official]
    trainees: list[ProgrammeParticipant]
    topics: list[tuple[Topic, int]]
    totals: dict[str, int] = field(default_factory=dict)  # rows before ROW_LIMIT, per table
    trained_total: int = 0
    agreement_history: dict[int, list[StatusStep]] = field(default_factory=dict)
    timeline: list[TimelineItem] = field(default_factory=list)


# Each "involves this country" condition is an OR of indexed pk subqueries rather than one OR over LEFT JOINs:
# the joins multiply rows and PostgreSQL then scans every event to de-duplicate them.


def country_events(code: str) -> Q:
    from cooperation.models import EventCountry

    return (
        Q(country=code)
        | Q(pk__in=EventCountry.objects.filter(country=code).values("event_id"))
        | Q(delegation__in=Delegation.objects.filter(Q(origin_country=code) | Q(host_country=code)).values("pk"))
        | Q(pk__in=EventParticipant.objects.filter(official__country=code).values("event_id"))
    )


def country_agreements(code: str) -> Q:
    return Q(
        pk__in=AgreementParty.objects.filter(Q(country=code) | Q(organisation__country=code)).values("agreement_id")
    ) | Q(pk__in=AgreementSignatory.objects.filter(official__country=code).values("agreement_id"))


def country_programmes(code: str) -> Q:
    from cooperation.models import ProgrammeCountry

    return (
        Q(beneficiary_country=code)
        | Q(provider_country=code)
        | Q(pk__in=ProgrammeCountry.objects.filter(country=code).values("programme_id"))
    )


def country_profile(*, code: str, filters: ReportFilters) -> CountryProfile:
    from django.utils.translation import gettext as _

    code = code.upper()
    totals: dict[str, int] = {}

    def capped(key: str, queryset: QuerySet) -> list:
        totals[key] = queryset.count()
        return list(queryset[:ROW_LIMIT])

    delegations = capped(
        "delegations",
        delegations_with_people(
            apply_filters(Delegation.objects.filter(Q(origin_country=code) | Q(host_country=code)), filters)
        ).order_by("-start_date", "slug"),
    )
    events = capped(
        "events",
        apply_filters(Event.objects.filter(country_events(code)), filters)
        .select_related("delegation", "venue_organisation")
        .prefetch_related("venue_organisation__names", "topics")
        .order_by("-start_date", "slug"),
    )
    agreements = capped(
        "agreements",
        agreements_with_parties(
            apply_filters(
                Agreement.objects.filter(country_agreements(code)),
                filters,
            )
        ).order_by("title"),
    )
    programme_queryset = apply_filters(
        TrainingProgramme.objects.filter(
            pk__in=TrainingProgramme.objects.filter(country_programmes(code)).values("pk")
        ),
        filters,
    )
    programmes = capped(
        "programmes",
        programme_queryset.select_related("provider", "agreement")
        .prefetch_related("provider__names", "topics")
        .order_by("-year", "title"),
    )
    trained_total = programme_queryset.aggregate(n=Sum("participant_count"))["n"] or 0
    trainees = capped(
        "trainees",
        ProgrammeParticipant.objects.filter(programme__in=programme_queryset.values("pk"), official__country=code)
        .select_related("programme", "position")
        .prefetch_related(Prefetch("official", queryset=_officials()))
        .order_by("programme__title", "official__sort_name"),
    )

    # Officials of the country we have dealt with, busiest first, with every post they held.
    officials = capped(
        "officials",
        Official.objects.filter(country=code)
        .filter(_took_part())
        .annotate(**_involvement_counts())
        .annotate(encounters=F("n_delegations") + F("n_events") + F("n_signatures") + F("n_programmes"))
        .prefetch_related(
            _official_names(),
            Prefetch(
                "positions",
                queryset=Position.objects.select_related("organisation").prefetch_related("organisation__names"),
            ),
        )
        .order_by("-encounters", "sort_name", "name"),
    )

    # Status history from the audit trail: one query for all agreements, steps where the status changed.
    history: dict[int, list[StatusStep]] = defaultdict(list)
    labels = dict(AgreementStatus.choices)
    rows = (
        Agreement.history.filter(id__in=[a.pk for a in agreements])
        .order_by("id", "history_date", "history_id")
        .values_list("id", "status", "status_date", "history_date")
    )
    for pk, status, status_date, history_date in rows:
        steps = history[pk]
        if not steps or steps[-1].status != status:
            steps.append(
                StatusStep(
                    status=status, label=str(labels.get(status, status)), since=status_date or history_date.date()
                )
            )

    topic_counts: Counter[int] = Counter()
    topic_by_id: dict[int, Topic] = {}
    for record in [*delegations, *events, *agreements, *programmes]:
        for topic in record.topics.all():
            topic_counts[topic.pk] += 1
            topic_by_id[topic.pk] = topic
    topics = [(topic_by_id[pk], n) for pk, n in topic_counts.most_common()]

    timeline: list[TimelineItem] = []
    home = home_country()
    for d in delegations:
        timeline.append(
            TimelineItem(
                d.start,
                _("Delegation"),
                d.localized("title"),
                admin_url("delegation", d.pk),
                f"{direction(d, home)} · {capfirst(d.get_status_display())}",
            )
        )
    for e in events:
        timeline.append(
            TimelineItem(
                e.start,
                capfirst(e.get_kind_display()),
                e.localized("title"),
                admin_url("event", e.pk),
                capfirst(e.get_status_display()),
            )
        )
    for a in agreements:
        signed = signature_date(a)
        when = signed or (PartialDate.of(a.status_date, "day") if a.status_date else None)
        timeline.append(
            TimelineItem(
                when,
                _("Agreement"),
                a.localized("title"),
                admin_url("agreement", a.pk),
                capfirst(a.get_status_display()),
            )
        )
    for p in programmes:
        when = p.start or (PartialDate.of(dt.date(p.year, 1, 1), "year") if p.year else None)
        timeline.append(
            TimelineItem(
                when,
                _("Training programme"),
                p.localized("title"),
                admin_url("trainingprogramme", p.pk),
                capfirst(p.get_status_display()),
            )
        )
    timeline.sort(key=lambda item: item.sort_key, reverse=True)

    return CountryProfile(
        code=code,
        name=country_name(code),
        delegations=delegations,
        events=events,
        agreements=agreements,
        programmes=programmes,
        officials=officials,
        trainees=trainees,
        topics=topics,
        totals=totals,
        trained_total=trained_total,
        agreement_history=dict(history),
        timeline=timeline[:ROW_LIMIT],
    )


def countries_with_records() -> list[tuple[str, str]]:
    """(code, name) of every country that appears in a delegation, for the country picker."""
    codes = set(Delegation.objects.order_by().values_list("origin_country", flat=True).distinct())
    codes |= set(Delegation.objects.order_by().values_list("host_country", flat=True).distinct())
    codes |= set(AgreementParty.objects.exclude(country="").order_by().values_list("country", flat=True).distinct())
    codes.discard(home_country())
    codes.discard("")
    return sorted(((c, country_name(c)) for c in codes), key=lambda pair: pair[1])


def is_known_country(code: str) -> bool:
    return code.upper() in dict(countries)


# --- Annual report -------------------------------------------------------------------------------------------


@dataclass
class AnnualReport:
    year: int
    countries: list[dict[str, Any]]  # per counterpart country: incoming/outgoing this year and previous
    totals: dict[str, tuple[int, int]]  # figure -> (this year, previous year)
    signed: list[Agreement]
    in_force: list[Agreement]
    events: list[Event]
    programmes: list[TrainingProgramme]


def annual_report(*, year: int, filters: ReportFilters) -> AnnualReport:
    home = home_country()
    years = (year - 1, year)
    delegations = (
        apply_filters(Delegation.objects.all(), filters, skip=("date",))
        .filter(start_date__year__in=years)
        .exclude(status=DelegationStatus.CANCELLED)
    )
    per_country: dict[str, dict[str, int]] = defaultdict(Counter)
    for y, origin, host, n in (
        delegations.annotate(y=ExtractYear("start_date"))
        .order_by()
        .values_list("y", "origin_country", "host_country")
        .annotate(n=Count("pk"))
    ):
        suffix = "" if y == year else "_previous"
        if host == home:
            per_country[origin]["incoming" + suffix] += n
        elif origin == home:
            per_country[host]["outgoing" + suffix] += n
    country_rows = [
        {
            "code": code,
            "name": country_name(code),
            "incoming": c["incoming"],
            "incoming_previous": c["incoming_previous"],
            "outgoing": c["outgoing"],
            "outgoing_previous": c["outgoing_previous"],
        }
        for code, c in per_country.items()
    ]
    country_rows.sort(key=lambda r: (-(r["incoming"] + r["outgoing"]), r["name"]))

    agreements = apply_filters(Agreement.objects.all(), filters, skip=("date",))
    action_years: dict[str, dict[int, set[int]]] = {
        ActionKind.SIGNATURE: defaultdict(set),
        ActionKind.ENTRY_INTO_FORCE: defaultdict(set),
    }
    for kind, agreement_id, y in (
        AgreementAction.objects.filter(
            kind__in=list(action_years), date__year__in=years, party__agreement__in=agreements.values("pk")
        )
        .annotate(y=ExtractYear("date"))
        .order_by()
        .values_list("kind", "party__agreement_id", "y")
    ):
        action_years[kind][y].add(agreement_id)
    signed_ids = action_years[ActionKind.SIGNATURE][year]
    in_force_ids = action_years[ActionKind.ENTRY_INTO_FORCE][year]
    shown = sorted(signed_ids)[:ROW_LIMIT] + sorted(in_force_ids)[:ROW_LIMIT]
    listed = {a.pk: a for a in agreements_with_parties(Agreement.objects.filter(pk__in=shown))}

    events = (
        apply_filters(Event.objects.all(), filters, skip=("date",))
        .filter(start_date__year__in=years)
        .exclude(status=EventStatus.CANCELLED)
    )
    events_counts = dict(
        events.annotate(y=ExtractYear("start_date")).order_by().values_list("y").annotate(n=Count("pk"))
    )
    events_this_year = list(events.filter(start_date__year=year).order_by("start_date", "slug")[:ROW_LIMIT])

    programmes = apply_filters(TrainingProgramme.objects.all(), filters, skip=("date",)).filter(year__in=years)
    trained = dict(programmes.order_by().values_list("year").annotate(n=Sum("participant_count")))
    programmes_this_year = list(
        programmes.filter(year=year)
        .select_related("provider")
        .prefetch_related("provider__names")
        .order_by("title")[:ROW_LIMIT]
    )

    totals = {
        "incoming": (sum(r["incoming"] for r in country_rows), sum(r["incoming_previous"] for r in country_rows)),
        "outgoing": (sum(r["outgoing"] for r in country_rows), sum(r["outgoing_previous"] for r in country_rows)),
        "signed": (len(signed_ids), len(action_years[ActionKind.SIGNATURE][year - 1])),
        "in_force": (len(in_force_ids), len(action_years[ActionKind.ENTRY_INTO_FORCE][year - 1])),
        "events": (events_counts.get(year, 0), events_counts.get(year - 1, 0)),
        "trained": (trained.get(year) or 0, trained.get(year - 1) or 0),
    }
    return AnnualReport(
        year=year,
        countries=country_rows,
        totals=totals,
        signed=sorted((listed[pk] for pk in signed_ids if pk in listed), key=lambda a: a.localized("title")),
        in_force=sorted((listed[pk] for pk in in_force_ids if pk in listed), key=lambda a: a.localized("title")),
        events=events_this_year,
        programmes=programmes_this_year,
    )


# --- Agreement tracker ---------------------------------------------------------------------------------------


@dataclass
class AgreementTracker:
    today: dt.date
    stale_months: int
    horizon_months: int
    pipeline: list[tuple[str, str, list[Agreement]]]  # (status, label, first ROW_LIMIT agreements)
    counts: dict[str, int]  # all agreements per status
    stalled: list[tuple[Agreement, dt.date]]  # (agreement, last moved)
    expiring: list[Agreement]
    last_moved: dict[int, dt.date]


def _months_before(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return dt.date(year, month + 1, min(day.day, 28))


def agreement_tracker(
    *, today: dt.date, filters: ReportFilters, stale_months: int = 6, horizon_months: int = 12
) -> AgreementTracker:
    agreements = apply_filters(Agreement.objects.all(), filters)
    counts = dict(agreements.order_by().values_list("status").annotate(n=Count("pk")))

    # The first ROW_LIMIT agreements of each status, in one query (a window function numbers them per status).
    ranked = agreements.annotate(
        rank=Window(RowNumber(), partition_by=[F("status")], order_by=[F("title").asc(), F("pk").asc()])
    ).filter(rank__lte=ROW_LIMIT)
    listed = list(agreements_with_parties(Agreement.objects.filter(pk__in=ranked.values("pk"))).order_by("title"))

    stale_before = _months_before(today, stale_months)
    horizon = _months_before(today, -horizon_months)
    # A status cannot have changed before the record existed, so a negotiation recorded after the threshold
    # (created_at) and not dated back (status_date) cannot be stalled: the database prunes the candidates.
    candidates = list(
        agreements_with_parties(
            agreements.filter(status__in=OPEN_AGREEMENT).filter(
                Q(status_date__lte=stale_before) | Q(status_date__isnull=True, created_at__date__lte=stale_before)
            )
        ).order_by("status_date", "created_at")[: ROW_LIMIT * 5]
    )
    expiring = list(
        agreements_with_parties(
            agreements.filter(status__in=ACTIVE_AGREEMENT, expires_on__isnull=False, expires_on__lte=horizon)
        ).order_by("expires_on")[:ROW_LIMIT]
    )

    # When did each agreement last change status? status_date when staff set it; otherwise the audit trail
    # (the first history row carrying the current status after a different one). Records loaded without
    # history (fixtures, bulk imports) have neither: for "stalled" they count from when govex first held them,
    # but no date is shown, since the recording date is not when the status changed.
    shown = {a.pk: a for a in [*listed, *candidates, *expiring]}
    last_moved: dict[int, dt.date] = {}
    previous: dict[int, str] = {}
    for pk, status, history_date in (
        Agreement.history.filter(id__in=list(shown))
        .order_by("id", "history_date", "history_id")
        .values_list("id", "status", "history_date")
    ):
        if previous.get(pk) != status:
            last_moved[pk] = history_date.date()
            previous[pk] = status
    for agreement in shown.values():
        if agreement.status_date:
            last_moved[agreement.pk] = agreement.status_date

    def moved(agreement: Agreement) -> dt.date:
        return last_moved.get(agreement.pk) or agreement.created_at.date()

    stalled = sorted(((a, moved(a)) for a in candidates if moved(a) <= stale_before), key=lambda pair: pair[1])
    grouped: dict[str, list[Agreement]] = defaultdict(list)
    for agreement in listed:
        grouped[agreement.status].append(agreement)
    pipeline = [(value, capfirst(label), grouped.get(value, [])) for value, label in AgreementStatus.choices]
    return AgreementTracker(
        today=today,
        stale_months=stale_months,
        horizon_months=horizon_months,
        pipeline=pipeline,
        counts={value: counts.get(value, 0) for value, _label in AgreementStatus.choices},
        stalled=stalled[:ROW_LIMIT],
        expiring=expiring,
        last_moved=last_moved,
    )


# --- Officials directory -------------------------------------------------------------------------------------


def officials_directory(*, filters: ReportFilters, q: str = "") -> QuerySet:
    """Officials who took part in anything, busiest first; the caller paginates, then ``with_involvement``."""
    from cooperation.selectors import search

    officials = Official.objects.filter(_took_part())
    if filters.country:
        officials = officials.filter(country=filters.country)
    if q:
        officials = search(officials, q)
    if filters.date_from or filters.date_to or filters.topic:
        delegations = apply_filters(Delegation.objects.all(), filters, skip=("country", "status"))
        events = apply_filters(Event.objects.all(), filters, skip=("country", "status"))
        officials = officials.filter(
            Q(Exists(DelegationMember.objects.filter(official=OuterRef("pk"), delegation__in=delegations.values("pk"))))
            | Q(Exists(EventParticipant.objects.filter(official=OuterRef("pk"), event__in=events.values("pk"))))
        )
    return officials.annotate(**_involvement_counts()).order_by("sort_name", "name", "pk")


def with_involvement(officials: list[Official]) -> list[Official]:
    """Prefetch, for one page of officials, every record they took part in and the post held at the time."""
    from django.db.models import prefetch_related_objects

    prefetch_related_objects(
        officials,
        _official_names(),
        Prefetch(
            "positions",
            queryset=Position.objects.select_related("organisation").prefetch_related("organisation__names"),
        ),
        Prefetch("delegation_memberships", queryset=DelegationMember.objects.select_related("delegation", "position")),
        Prefetch("event_participations", queryset=EventParticipant.objects.select_related("event", "position")),
        Prefetch("signatures", queryset=AgreementSignatory.objects.select_related("agreement", "position")),
        Prefetch(
            "programme_participations", queryset=ProgrammeParticipant.objects.select_related("programme", "position")
        ),
    )
    return officials


# --- Calendar ------------------------------------------------------------------------------------------------


@dataclass
class CalendarEntry:
    uid: str
    kind: str
    title: str
    start: PartialDate
    end: PartialDate | None
    place: str
    status: str
    url: str
    dates_display: str


def calendar_entries(
    *, date_from: dt.date, date_to: dt.date, filters: ReportFilters, limit: int = ROW_LIMIT * 5
) -> list[CalendarEntry]:
    """Events and delegations overlapping [date_from, date_to], in date order (two queries, ``limit`` each)."""
    from django.utils.translation import gettext as _

    window = Q(start_date__lte=date_to) & (
        Q(end_date__gte=date_from) | Q(end_date__isnull=True, start_date__gte=date_from)
    )
    entries: list[CalendarEntry] = []
    for event in (
        apply_filters(Event.objects.filter(window), filters, skip=("date",))
        .exclude(status=EventStatus.CANCELLED)
        .order_by("start_date", "slug")[:limit]
    ):
        entries.append(
            CalendarEntry(
                uid=f"event-{event.slug}@govex",
                kind=event.get_kind_display(),
                title=event.localized("title"),
                start=event.start,
                end=event.end,
                place=", ".join(x for x in (event.venue, event.city, country_name(event.country)) if x),
                status=event.get_status_display(),
                url=admin_url("event", event.pk),
                dates_display=event.dates_display,
            )
        )
    for delegation in (
        apply_filters(Delegation.objects.filter(window), filters, skip=("date",))
        .exclude(status=DelegationStatus.CANCELLED)
        .order_by("start_date", "slug")[:limit]
    ):
        entries.append(
            CalendarEntry(
                uid=f"delegation-{delegation.slug}@govex",
                kind=_("Delegation"),
                title=delegation.localized("title"),
                start=delegation.start,
                end=delegation.end,
                place=", ".join(x for x in (delegation.city, country_name(delegation.host_country)) if x),
                status=delegation.get_status_display(),
                url=admin_url("delegation", delegation.pk),
                dates_display=delegation.dates_display,
            )
        )
    entries.sort(key=lambda e: (e.start.first_day, e.title))
    return entries

"""The dashboard: coming and latest records, agreements by status, trends by year and by country."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear

from cooperation.models import (
    ActionKind,
    Agreement,
    AgreementAction,
    AgreementParty,
    AgreementStatus,
    Delegation,
    DelegationStatus,
    Event,
    EventStatus,
)

from ..filters import ReportFilters, apply_filters
from .common import country_name, delegations_with_people, home_country


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

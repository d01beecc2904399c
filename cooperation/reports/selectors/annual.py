"""The annual report: a year's figures against the previous year's."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear

from cooperation.models import (
    ActionKind,
    Agreement,
    AgreementAction,
    Delegation,
    DelegationStatus,
    Event,
    EventStatus,
    TrainingProgramme,
)

from ..filters import ReportFilters, apply_filters
from .common import ROW_LIMIT, agreements_with_parties, country_name, home_country


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

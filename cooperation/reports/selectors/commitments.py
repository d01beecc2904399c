"""Follow-up commitments: what is late first, then what falls due next; the dashboard's count of both."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import BooleanField, Case, Count, F, Q, QuerySet, Value, When

from cooperation.models import Commitment, CommitmentStatus
from cooperation.models.commitments import overdue_on

from .common import ROW_LIMIT


@dataclass(frozen=True)
class CommitmentFilters:
    status: str = ""
    country: str = ""
    year: int | None = None  # of the deadline


@dataclass
class CommitmentCounts:
    open: int
    overdue: int


@dataclass
class CommitmentsReport:
    today: dt.date
    commitments: list[Commitment]  # overdue first, then by deadline (none last); at most ROW_LIMIT * 5
    total: int
    counts: CommitmentCounts


def _concerning(country: str) -> Q:
    """Commitments following up a record of ``country``: a visit from or to it, an event in or with it, an
    agreement it is a party to."""
    return (
        Q(delegation__origin_country=country)
        | Q(delegation__host_country=country)
        | Q(event__country=country)
        | Q(event__participating_countries__country=country)
        | Q(agreement__parties__country=country)
    )


def filtered(filters: CommitmentFilters) -> QuerySet:
    commitments = Commitment.objects.all()
    if filters.status:
        commitments = commitments.filter(status=filters.status)
    if filters.year:
        commitments = commitments.filter(deadline__year=filters.year)
    if filters.country:
        # a subquery: the to-many paths would repeat a commitment once per matching row
        commitments = commitments.filter(pk__in=Commitment.objects.filter(_concerning(filters.country)).values("pk"))
    return commitments


def commitment_counts(*, today: dt.date, commitments: QuerySet | None = None) -> CommitmentCounts:
    """One query: open commitments and, among them, those past their deadline."""
    counts = (commitments if commitments is not None else Commitment.objects.all()).aggregate(
        open=Count("pk", filter=Q(status=CommitmentStatus.OPEN)), overdue=Count("pk", filter=overdue_on(today))
    )
    return CommitmentCounts(open=counts["open"], overdue=counts["overdue"])


def commitments_report(*, today: dt.date, filters: CommitmentFilters, limit: int = ROW_LIMIT * 5) -> CommitmentsReport:
    commitments = filtered(filters)
    ordered = (
        commitments.annotate(
            late=Case(When(overdue_on(today), then=Value(True)), default=False, output_field=BooleanField())
        )
        .select_related("delegation", "event", "agreement", "owner_official", "owner_organisation", "owner_user")
        .prefetch_related("owner_official__names", "owner_organisation__names")
        .order_by(F("late").desc(), F("deadline").asc(nulls_last=True), "pk")
    )
    return CommitmentsReport(
        today=today,
        commitments=list(ordered[:limit]),
        total=commitments.count(),
        counts=commitment_counts(today=today, commitments=commitments),
    )


def deadline_years() -> list[int]:
    return [day.year for day in Commitment.objects.dates("deadline", "year", order="DESC")]

"""The agreement tracker: the pipeline by status, stalled negotiations, agreements about to expire."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils.text import capfirst

from cooperation.models import (
    Agreement,
    AgreementStatus,
)

from ..filters import ReportFilters, apply_filters
from .common import ACTIVE_AGREEMENT, OPEN_AGREEMENT, ROW_LIMIT, agreements_with_parties, status_history


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
    last_moved = {pk: steps[-1].recorded for pk, steps in status_history(list(shown)).items()}
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

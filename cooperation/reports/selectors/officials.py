"""The officials directory: who took part in what, with the post held at the time."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from cooperation.models import (
    AgreementSignatory,
    Delegation,
    DelegationMember,
    Event,
    EventParticipant,
    Official,
    Position,
    ProgrammeParticipant,
)
from cooperation.selectors import search

from ..filters import ReportFilters, apply_filters
from .common import involvement_counts, official_names, took_part


def officials_directory(*, filters: ReportFilters, q: str = "") -> QuerySet:
    """Officials who took part in anything, busiest first; the caller paginates, then ``with_involvement``."""
    officials = Official.objects.filter(took_part())
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
    return officials.annotate(**involvement_counts()).order_by("sort_name", "name", "pk")


def with_involvement(officials: list[Official]) -> list[Official]:
    """Prefetch, for one page of officials, every record they took part in and the post held at the time."""
    from django.db.models import prefetch_related_objects

    prefetch_related_objects(
        officials,
        official_names(),
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

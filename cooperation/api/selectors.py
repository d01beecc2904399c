"""Querysets the API reads through: the page query of each record type.

The six record types with nested data (delegations, events, officials, organisations, agreements,
programmes) take only their own row (and the one-to-one pointers shown in full) from here; their nested data
comes from ``cooperation.api.fast`` / ``fast_agreements`` in one query per relation for the whole page, so the
number of queries per request does not depend on the page size.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from cooperation import models as m


def delegation_rows() -> QuerySet:
    return m.Delegation.objects.all()


def event_rows() -> QuerySet:
    return m.Event.objects.select_related("parent", "delegation")


def official_rows() -> QuerySet:
    return m.Official.objects.all()


def organisation_rows() -> QuerySet:
    return m.Organisation.objects.all()


def agreement_rows() -> QuerySet:
    return m.Agreement.objects.select_related("signed_at")


def programme_rows() -> QuerySet:
    return m.TrainingProgramme.objects.select_related("agreement")


def topics() -> QuerySet:
    return m.Topic.objects.select_related("parent")


def sources() -> QuerySet:
    citations = m.Citation.objects.select_related(
        "official", "organisation", "delegation", "event", "agreement", "programme"
    ).only(
        "id",
        "source_id",
        "passage",
        "locator",
        *[f"{name}__slug" for name in m.CITABLE],
        *[f"{name}__id" for name in m.CITABLE],
    )
    return m.SourceDocument.objects.prefetch_related(Prefetch("citations", queryset=citations))

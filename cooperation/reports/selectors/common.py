"""What the reports share: the home country, links, row limits, prefetch recipes, presentation helpers
and the status-history scan of agreements."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
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
    EventParticipant,
    MemberRole,
    Official,
    OfficialName,
    ProgrammeParticipant,
)


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


def involvement_counts() -> dict[str, Any]:
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


def took_part() -> Q:
    return Q(
        Exists(DelegationMember.objects.filter(official=OuterRef("pk")))
        | Exists(EventParticipant.objects.filter(official=OuterRef("pk")))
        | Exists(AgreementSignatory.objects.filter(official=OuterRef("pk")))
        | Exists(ProgrammeParticipant.objects.filter(official=OuterRef("pk")))
    )


OPEN_AGREEMENT = (AgreementStatus.PROPOSED, AgreementStatus.UNDER_NEGOTIATION)


# --- Prefetch recipes ----------------------------------------------------------------------------------------


def official_names() -> Prefetch:
    return Prefetch("names", queryset=OfficialName.objects.only("id", "official_id", "name", "language", "kind"))


def officials_with_names() -> QuerySet:
    return Official.objects.prefetch_related(official_names())


def delegations_with_people(queryset: QuerySet | None = None) -> QuerySet:
    members = DelegationMember.objects.select_related("position").prefetch_related(
        Prefetch("official", queryset=officials_with_names())
    )
    return (queryset if queryset is not None else Delegation.objects.all()).prefetch_related(
        Prefetch("members", queryset=members), "topics"
    )


def agreements_with_parties(queryset: QuerySet | None = None) -> QuerySet:
    parties = AgreementParty.objects.select_related("organisation").prefetch_related(
        "organisation__names", Prefetch("actions", queryset=AgreementAction.objects.order_by("date"))
    )
    signatories = AgreementSignatory.objects.select_related("position", "party").prefetch_related(
        Prefetch("official", queryset=officials_with_names())
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


@dataclass
class StatusStep:
    status: str
    label: str
    since: dt.date  # the date staff gave the status (status_date) or, failing that, the day it was recorded
    recorded: dt.date  # the day the audit trail recorded the change


def status_history(agreement_ids: list[int]) -> dict[int, list[StatusStep]]:
    """Each agreement's status changes from the audit trail, oldest first, in one query.

    A step starts wherever a history row's status differs from the row before: an edit that leaves the status
    alone (a corrected title) is not movement. The tracker and the country profile both read this one scan.
    """
    labels = dict(AgreementStatus.choices)
    history: dict[int, list[StatusStep]] = defaultdict(list)
    rows = (
        Agreement.history.filter(id__in=agreement_ids)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "status", "status_date", "history_date")
    )
    for pk, status, status_date, history_date in rows:
        steps = history[pk]
        if not steps or steps[-1].status != status:
            recorded = history_date.date()
            steps.append(StatusStep(status, str(labels.get(status, status)), status_date or recorded, recorded))
    return dict(history)

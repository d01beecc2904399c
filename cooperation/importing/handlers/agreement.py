"""Agreements: parties (states, and organisations already on record), signatories and the date of signature."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cooperation.importing import matching
from cooperation.importing.models import CandidateKind
from cooperation.models import (
    ActionKind,
    Agreement,
    AgreementAction,
    AgreementKind,
    AgreementParty,
    AgreementSignatory,
    AgreementStatus,
    Organisation,
)

from .base import (
    DocumentContext,
    Handler,
    Linked,
    RelationItem,
    RelationList,
    country_name,
    date_field,
    parse_date,
    required_title,
    save_checked,
    save_titled,
)


class AgreementHandler(Handler):
    kind = CandidateKind.AGREEMENT
    section = "agreements"
    model = Agreement
    citation_field = "agreement"
    linked = Linked("event", gettext_lazy("signed at"), "signed_at_id")
    edit_fields = {
        "title": lambda: forms.CharField(label=gettext_lazy("title"), max_length=400),
        "kind": lambda: forms.ChoiceField(label=gettext_lazy("kind"), choices=AgreementKind.choices),
        "status": lambda: forms.ChoiceField(label=gettext_lazy("status"), choices=AgreementStatus.choices),
        "signed_date": lambda: date_field(gettext_lazy("signed on")),
    }

    def initial(self, value: dict[str, Any]) -> dict[str, Any]:
        return {**super().initial(value), "kind": _kind(value), "status": _status(value)}

    def match(self, value: dict[str, Any]) -> list[dict[str, Any]]:
        return matching.match_agreement(value)

    def proposed_fields(self, value: dict[str, Any]) -> dict[str, Any]:
        return {"status": value.get("status") if value.get("status") != AgreementStatus.PROPOSED else None}

    def preview(self, value: dict[str, Any]) -> list[tuple[str, str]]:
        rows = [
            (_("kind"), str(AgreementKind(_kind(value)).label)),
            (_("title"), value.get("title", "")),
            (_("status"), str(AgreementStatus(_status(value)).label)),
        ]
        if value.get("signed_date"):
            rows.append((_("signed on"), value["signed_date"]))
        return rows

    def relations(self, value: dict[str, Any], context: DocumentContext) -> list[RelationList]:
        parties = RelationList(
            "parties",
            _("parties"),
            [RelationItem(i, country_name(c)) for i, c in enumerate(value.get("parties") or [])],
        )
        organisations = RelationList(
            "party_organisations",
            _("party organisations (when on record)"),
            [RelationItem(i, name) for i, name in enumerate(value.get("party_organisations") or [])],
        )
        signatories = context.people_list(
            "signatories",
            _("signatories"),
            [
                (item.get("name", ""), country_name(item["party"]) if item.get("party") else "")
                for item in value.get("signatories") or []
            ],
        )
        return self.relation_rows(value, context, parties, organisations, signatories)

    def create(self, candidate, context: DocumentContext, user) -> Agreement:
        value = candidate.value
        title = required_title(value)
        status = _status(value)
        signed = parse_date(value.get("signed_date"))
        agreement = Agreement(
            kind=_kind(value),
            title=title[:400],
            status=status,
            status_date=signed if status == AgreementStatus.SIGNED else None,
        )
        save_titled(agreement, candidate, user, title=title, prefix="agreement")
        return agreement

    def link(self, candidate, record: Agreement, context: DocumentContext, user) -> None:
        value = candidate.value
        self.link_linked(candidate, record, context, user)
        parties = list(record.parties.all())
        by_country = {p.country.code: p for p in parties if p.country}
        by_organisation = {p.organisation_id: p for p in parties if p.organisation_id}
        order = len(parties)
        for code in value.get("parties") or []:
            if code and code not in by_country:
                party = AgreementParty(agreement=record, country=code, order=order)
                save_checked(party, user)
                by_country[code], order = party, order + 1
        for name in value.get("party_organisations") or []:
            organisation = _organisation_named(name)
            if organisation is not None and organisation.pk not in by_organisation:
                party = AgreementParty(agreement=record, organisation=organisation, order=order)
                save_checked(party, user)
                by_organisation[organisation.pk], order = party, order + 1
        signed_by = set(record.signatories.values_list("official_id", flat=True))
        for item in value.get("signatories") or []:
            official_id = context.official_for(item.get("name", ""))
            if official_id is None or official_id in signed_by:
                continue
            party = by_country.get(item.get("party") or "")
            save_checked(AgreementSignatory(agreement=record, official_id=official_id, party=party), user)
            signed_by.add(official_id)
        signed = parse_date(value.get("signed_date"))
        if value.get("status") == AgreementStatus.SIGNED and signed is not None:
            acted = set(
                AgreementAction.objects.filter(party__agreement=record, kind=ActionKind.SIGNATURE).values_list(
                    "party_id", flat=True
                )
            )
            for party in [*by_country.values(), *by_organisation.values()]:
                if party.pk in acted:
                    continue
                action = AgreementAction(
                    party=party, kind=ActionKind.SIGNATURE, date=signed, date_precision=value.get("precision") or "day"
                )
                save_checked(action, user)

    def people_named(self, value: dict[str, Any], context: DocumentContext) -> set[str]:
        return {item.get("name") for item in value.get("signatories") or []}


def _kind(value: dict[str, Any]) -> str:
    return value.get("kind") if value.get("kind") in AgreementKind.values else AgreementKind.AGREEMENT


def _status(value: dict[str, Any]) -> str:
    return value.get("status") if value.get("status") in AgreementStatus.values else AgreementStatus.PROPOSED


def _organisation_named(name: str) -> Organisation | None:
    if not name:
        return None
    return (
        Organisation.objects.filter(Q(name__iexact=name) | Q(abbreviation__iexact=name) | Q(names__name__iexact=name))
        .order_by("pk")
        .first()
    )

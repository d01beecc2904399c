"""Events: kind, dates and place, in the programme of the document's delegation, with its people as participants."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cooperation.importing import matching
from cooperation.importing.models import CandidateKind, Decision
from cooperation.models import Event, EventKind, EventParticipant, EventStatus, ParticipantRole

from .base import (
    CountryCodeField,
    DocumentContext,
    Handler,
    Linked,
    RelationList,
    country_name,
    date_field,
    date_span,
    required_title,
    save_checked,
    save_titled,
    span_fields,
)


class EventHandler(Handler):
    kind = CandidateKind.EVENT
    section = "events"
    model = Event
    citation_field = "event"
    linked = Linked("delegation", gettext_lazy("in the programme of"), "delegation_id")
    edit_fields = {
        "title": lambda: forms.CharField(label=gettext_lazy("title"), max_length=400),
        "kind": lambda: forms.ChoiceField(label=gettext_lazy("kind"), choices=EventKind.choices),
        "start": lambda: date_field(gettext_lazy("start")),
        "end": lambda: date_field(gettext_lazy("end")),
        "city": lambda: forms.CharField(label=gettext_lazy("city"), max_length=120, required=False),
        "country": lambda: CountryCodeField(label=gettext_lazy("country")),
    }

    def label(self, value: dict[str, Any]) -> str:
        # The title already opens on the kind in the article's language ("Встреча — Минск"); the code is not shown.
        kind = value.get("kind", "")
        kind_name = str(EventKind(kind).label) if kind in EventKind.values else kind
        return value.get("title") or kind_name or "?"

    def initial(self, value: dict[str, Any]) -> dict[str, Any]:
        return {**super().initial(value), "kind": _kind(value), "country": _country(value)}

    def match(self, value: dict[str, Any]) -> list[dict[str, Any]]:
        return matching.match_event(value)

    def proposed_fields(self, value: dict[str, Any]) -> dict[str, Any]:
        return {**span_fields(value), "country": _country(value)}

    def preview(self, value: dict[str, Any]) -> list[tuple[str, str]]:
        kind = value.get("kind", "")
        rows = [(_("kind"), str(EventKind(kind).label) if kind in EventKind.values else kind)]
        rows.append((_("title"), value.get("title", "")))
        if value.get("start"):
            rows.append((_("dates"), f"{value['start']}{' – ' + value['end'] if value.get('end') else ''}"))
        place = ", ".join(p for p in (value.get("city") or "", country_name(_country(value))) if p)
        if place:
            rows.append((_("place"), place))
        return rows

    def relations(self, value: dict[str, Any], context: DocumentContext) -> list[RelationList]:
        participants = context.people_list(
            "participants",
            _("participants"),
            [(item.get("name", ""), _role(item.get("role")).label) for item in value.get("participants") or []],
        )
        hosts = context.people_list(
            "host_officials", _("hosts (from the delegation)"), [(name, "") for name in _hosts(value, context)]
        )
        return self.relation_rows(value, context, participants, hosts)

    def create(self, candidate, context: DocumentContext, user) -> Event:
        value = candidate.value
        title = required_title(value)
        event = Event(
            kind=_kind(value),
            title=title[:400],
            status=EventStatus.HELD,
            summary=value.get("summary") or "",
            city=(value.get("city") or "")[:120],
            country=_country(value),
            **date_span(value),
        )
        save_titled(event, candidate, user, title=title, prefix="event")
        return event

    def link(self, candidate, record: Event, context: DocumentContext, user) -> None:
        value = candidate.value
        self.link_linked(candidate, record, context, user)
        present = set(record.participants.values_list("official_id", flat=True))
        wanted = [(item.get("name", ""), _role(item.get("role"))) for item in value.get("participants") or []]
        wanted += [(name, ParticipantRole.HOST) for name in _hosts(value, context)]
        for name, role in wanted:
            official_id = context.official_for(name)
            if official_id is None or official_id in present:
                continue
            save_checked(EventParticipant(event=record, official_id=official_id, role=role), user)
            present.add(official_id)

    def people_named(self, value: dict[str, Any], context: DocumentContext) -> set[str]:
        return {item.get("name") for item in value.get("participants") or []} | set(_hosts(value, context))


def _kind(value: dict[str, Any]) -> str:
    return value.get("kind") if value.get("kind") in EventKind.values else EventKind.OTHER


def _country(value: dict[str, Any]) -> str:
    if value.get("country"):
        return value["country"]
    countries = value.get("countries") or []
    return countries[0] if len(countries) == 1 else ""


def _role(role: str | None) -> ParticipantRole:
    return ParticipantRole(role) if role in ParticipantRole.values else ParticipantRole.PARTICIPANT


def _hosts(value: dict[str, Any], context: DocumentContext) -> list[str]:
    """The host officials: copied from the delegation when the candidates were built; older candidates read them
    from the delegation's candidate, unless the officer rejected it."""
    if "host_officials" in value:
        return list(value["host_officials"] or [])
    delegation = context.at("delegation", value.get("delegation"))
    if delegation is None or delegation.decision == Decision.REJECTED:
        return []
    return list(delegation.value.get("host_officials") or [])

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
    RelationItem,
    RelationList,
    country_name,
    date_field,
    date_span,
    link_once,
    person_keys,
    points_at,
    require,
    save_checked,
    span_fields,
    titled,
    unique_slug,
)


class EventHandler(Handler):
    kind = CandidateKind.EVENT
    section = "events"
    model = Event
    citation_field = "event"
    linked = ("delegation", gettext_lazy("in the programme of"))
    edit_fields = {
        "title": lambda: forms.CharField(label=gettext_lazy("title"), max_length=400),
        "kind": lambda: forms.ChoiceField(label=gettext_lazy("kind"), choices=EventKind.choices),
        "start": lambda: date_field(gettext_lazy("start")),
        "end": lambda: date_field(gettext_lazy("end")),
        "city": lambda: forms.CharField(label=gettext_lazy("city"), max_length=120, required=False),
        "country": lambda: CountryCodeField(label=gettext_lazy("country")),
    }

    def label(self, value: dict[str, Any]) -> str:
        return f"{value.get('kind', '?')}: {value.get('title', '?')}"

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
        participants = RelationList("participants", _("participants"))
        for index, item in enumerate(value.get("participants") or []):
            name, role = item.get("name", ""), _role(item.get("role"))
            participants.items.append(RelationItem(index, f"{name} — {role.label}", context.person_status(name)))
        hosts = RelationList("host_officials", _("hosts (from the delegation)"))
        for index, name in enumerate(_hosts(value, context)):
            hosts.items.append(RelationItem(index, name, context.person_status(name)))
        rows = [r for r in (participants, hosts) if r.items]
        return rows + self.linked_row(value, context)

    def create(self, candidate, context: DocumentContext, user) -> Event:
        value = candidate.value
        title = (value.get("title") or "").strip()
        require(title, _("The title"))
        kind = _kind(value)
        event = Event(
            kind=kind,
            title=title[:400],
            status=EventStatus.HELD,
            summary=value.get("summary") or "",
            city=(value.get("city") or "")[:120],
            country=_country(value),
            slug=unique_slug(Event, title[:60], prefix="event"),
            **date_span(value),
        )
        save_checked(titled(event, title=title, language=candidate.document.language), user)
        return event

    def link(self, candidate, record: Event, context: DocumentContext, user) -> None:
        value = candidate.value
        link_once(record, "delegation_id", context.decided_target("delegation", value.get("delegation")), user)
        present = set(record.participants.values_list("official_id", flat=True))
        wanted = [(item.get("name", ""), _role(item.get("role"))) for item in value.get("participants") or []]
        wanted += [(name, ParticipantRole.HOST) for name in _hosts(value, context)]
        for name, role in wanted:
            official_id = context.official_for(name)
            if official_id is None or official_id in present:
                continue
            save_checked(EventParticipant(event=record, official_id=official_id, role=role), user)
            present.add(official_id)

    def refers_to(self, value: dict[str, Any], decided, context: DocumentContext) -> bool:
        if decided.kind == CandidateKind.DELEGATION:
            return points_at(context.at("delegation", value.get("delegation")), decided)
        if decided.kind != CandidateKind.PERSON:
            return False
        names = {item.get("name") for item in value.get("participants") or []} | set(_hosts(value, context))
        return bool(person_keys(decided.value) & names)


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

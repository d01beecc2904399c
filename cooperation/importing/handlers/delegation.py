"""Delegations: origin, host, city and dates, with the document's accepted people as head and members."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from cooperation.importing import matching
from cooperation.importing.models import CandidateKind
from cooperation.models import Delegation, DelegationMember, DelegationStatus, MemberRole
from cooperation.models.base import reader_language

from .base import (
    CountryCodeField,
    DocumentContext,
    Handler,
    RelationList,
    ReviewError,
    country_name,
    date_field,
    date_span,
    save_checked,
    span_fields,
    unique_slug,
)


class DelegationHandler(Handler):
    kind = CandidateKind.DELEGATION
    section = "delegations"
    model = Delegation
    citation_field = "delegation"
    edit_fields = {
        "title": lambda: forms.CharField(label=gettext_lazy("title"), max_length=400, required=False),
        "origin_country": lambda: CountryCodeField(label=gettext_lazy("from")),
        "host_country": lambda: CountryCodeField(label=gettext_lazy("to")),
        "city": lambda: forms.CharField(label=gettext_lazy("city"), max_length=120, required=False),
        "start": lambda: date_field(gettext_lazy("start")),
        "end": lambda: date_field(gettext_lazy("end")),
    }

    def label(self, value: dict[str, Any]) -> str:
        dates = f" ({value['start']}{' – ' + value['end'] if value.get('end') else ''})" if value.get("start") else ""
        return f"{value.get('origin_country') or '?'} → {value.get('host_country') or '?'}{dates}"

    def title(self, value: dict[str, Any]) -> str:
        # The extracted "title" is the article's headline, not a delegation's name: it is used only when an
        # officer typed it.
        if "title" in value.get("edited", []) and value.get("title"):
            return value["title"]
        return titles(value)["en"]

    def shown_title(self, value: dict[str, Any]) -> str:
        """The name the record will carry in the reviewer's language (it is created with all three), unless an
        officer typed one."""
        title, named = self.title(value), titles(value)
        return named.get(reader_language(), title) if title == named["en"] else title

    def initial(self, value: dict[str, Any]) -> dict[str, Any]:
        return {**super().initial(value), "title": self.title(value)}

    def match(self, value: dict[str, Any]) -> list[dict[str, Any]]:
        return matching.match_delegation(value)

    def proposed_fields(self, value: dict[str, Any]) -> dict[str, Any]:
        return span_fields(value)

    def preview(self, value: dict[str, Any]) -> list[tuple[str, str]]:
        rows = [
            (_("title"), self.shown_title(value)),
            (_("from"), country_name(value.get("origin_country"))),
            (_("to"), country_name(value.get("host_country"))),
        ]
        if value.get("city"):
            rows.append((_("city"), value["city"]))
        if value.get("start"):
            rows.append((_("dates"), f"{value['start']}{' – ' + value['end'] if value.get('end') else ''}"))
        return rows

    def relations(self, value: dict[str, Any], context: DocumentContext) -> list[RelationList]:
        members = context.people_list("members", _("members"), [(name, role.label) for name, role in _members(value)])
        hosts = context.people_list(
            "host_officials",
            _("host officials (hosts of the delegation's events)"),
            [(name, "") for name in value.get("host_officials") or []],
        )
        return self.relation_rows(value, context, members, hosts)

    def keep_relations(self, value: dict[str, Any], keep: dict[str, set[int]]) -> dict[str, Any]:
        value = super().keep_relations(value, {k: v for k, v in keep.items() if k != "members"})
        if "members" in keep:
            kept = [name for i, (name, _role) in enumerate(_members(value)) if i in keep["members"]]
            if value.get("head") and value["head"] not in kept:
                value["head"] = ""
            value["members"] = [name for name in value.get("members") or [] if name in kept]
        return value

    def create(self, candidate, context: DocumentContext, user) -> Delegation:
        value = candidate.value
        origin, host = value.get("origin_country") or "", value.get("host_country") or ""
        if not origin:
            raise ReviewError(_("The country the delegation comes from is not known; correct it before accepting."))
        if not host or host == origin:
            raise ReviewError(_("The host country is not known; correct it before accepting, or merge instead."))
        title = self.title(value)
        named = titles(value)
        delegation = Delegation(
            title=title[:400],
            title_ru=named["ru"][:400] if title == named["en"] else "",
            title_ar=named["ar"][:400] if title == named["en"] else "",
            origin_country=origin,
            host_country=host,
            city=(value.get("city") or "")[:120],
            status=DelegationStatus.COMPLETED,
            slug=unique_slug(Delegation, title + (f" {value['start'][:4]}" if value.get("start") else ""), prefix="d"),
            **date_span(value),
        )
        save_checked(delegation, user)
        return delegation

    def link(self, candidate, record: Delegation, context: DocumentContext, user) -> None:
        """Members are the people of this document the officer accepted or merged; the others are skipped now and
        linked when they are accepted."""
        existing = {m.official_id: m.role for m in record.members.all()}
        has_head = MemberRole.HEAD in existing.values()
        for order, (name, role) in enumerate(_members(candidate.value)):
            official_id = context.official_for(name)
            if official_id is None or official_id in existing:
                continue
            if role == MemberRole.HEAD and has_head:
                role = MemberRole.MEMBER
            member = DelegationMember(delegation=record, official_id=official_id, role=role, order=order)
            save_checked(member, user)
            existing[official_id] = role
            has_head = has_head or role == MemberRole.HEAD

    def people_named(self, value: dict[str, Any], context: DocumentContext) -> set[str]:
        return {name for name, _role in _members(value)}


def _members(value: dict[str, Any]) -> list[tuple[str, MemberRole]]:
    """The head first, then the other members, each once."""
    head = value.get("head") or ""
    names = [(head, MemberRole.HEAD)] if head else []
    names += [(name, MemberRole.MEMBER) for name in dict.fromkeys(value.get("members") or []) if name and name != head]
    return names


# One form per language that needs no grammatical case of the country names.
_TITLE_FORMS = {
    "en": "Delegation of {origin} to {host}",
    "ru": "Делегация: {origin} → {host}",
    "ar": "وفد {origin} إلى {host}",
}


def titles(value: dict[str, Any]) -> dict[str, str]:
    """The delegation's name in English, Russian and Arabic from its two countries, with the month of the visit."""
    origin, host = value.get("origin_country") or "", value.get("host_country") or ""
    result = {}
    for language, form in _TITLE_FORMS.items():
        with translation.override(language):
            title = form.format(
                origin=countries.name(origin) or origin or "?", host=countries.name(host) or host or "?"
            )
        if value.get("start"):
            title += f" ({value['start'][:7]})"
        result[language] = title
    return result

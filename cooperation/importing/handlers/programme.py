"""Training programmes and topics."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from cooperation.importing import matching
from cooperation.importing.models import CandidateKind
from cooperation.models import Organisation, OrganisationKind, Topic, TrainingProgramme
from cooperation.models.base import reader_language

from .base import (
    CountryCodeField,
    DocumentContext,
    Handler,
    country_name,
    require,
    required_title,
    save_titled,
)


class ProgrammeHandler(Handler):
    kind = CandidateKind.PROGRAMME
    section = "programmes"
    model = TrainingProgramme
    citation_field = "programme"
    edit_fields = {
        "title": lambda: forms.CharField(label=gettext_lazy("title"), max_length=400),
        "year": lambda: forms.IntegerField(label=gettext_lazy("year"), min_value=1900, max_value=2200, required=False),
        "participant_count": lambda: forms.IntegerField(
            label=gettext_lazy("participants"), min_value=0, required=False
        ),
        "provider": lambda: CountryCodeField(label=gettext_lazy("provider country")),
        "beneficiary": lambda: CountryCodeField(label=gettext_lazy("beneficiary country")),
    }

    def prepare(self, value: dict[str, Any], *, language: str) -> None:
        # A programme the article does not name was titled with the whole sentence it was read from: staff would
        # retype it. It is named after its two sides instead, in the article's language.
        if value.get("named") is False and value.get("beneficiary"):
            value["title"] = programme_title(value.get("provider") or "", value["beneficiary"], language)

    def match(self, value: dict[str, Any]) -> list[dict[str, Any]]:
        return matching.match_programme(value)

    def proposed_fields(self, value: dict[str, Any]) -> dict[str, Any]:
        return {
            "year": value.get("year"),
            "participant_count": value.get("participant_count"),
            "provider_country": value.get("provider") or "",
            "beneficiary_country": value.get("beneficiary") or "",
        }

    def preview(self, value: dict[str, Any]) -> list[tuple[str, str]]:
        rows = [(_("title"), value.get("title", ""))]
        for key, label in (("year", _("year")), ("participant_count", _("participants"))):
            if value.get(key) not in (None, ""):
                rows.append((label, str(value[key])))
        provider = value.get("provider_organisation") or country_name(value.get("provider"))
        if provider:
            rows.append((_("provider"), provider))
        if value.get("beneficiary"):
            rows.append((_("beneficiary country"), country_name(value["beneficiary"])))
        return rows

    def create(self, candidate, context: DocumentContext, user) -> TrainingProgramme:
        value = candidate.value
        title = required_title(value)
        programme = TrainingProgramme(
            title=title[:400],
            year=value.get("year") or None,
            participant_count=value.get("participant_count"),
            provider=_provider(value),
            provider_country=value.get("provider") or "",
            beneficiary_country=value.get("beneficiary") or "",
        )
        save_titled(programme, candidate, user, title=title, prefix="programme")
        return programme


def _provider(value: dict[str, Any]) -> Organisation | None:
    """The organisation named as provider when it is on record, else the provider country's government; else
    none (the provider country is still kept)."""
    if value.get("provider_organisation"):
        named = Organisation.objects.filter(name__iexact=value["provider_organisation"]).order_by("pk").first()
        if named is not None:
            return named
    if value.get("provider"):
        return (
            Organisation.objects.filter(kind=OrganisationKind.GOVERNMENT, country=value["provider"])
            .order_by("pk")
            .first()
        )
    return None


class TopicHandler(Handler):
    kind = CandidateKind.TOPIC
    section = "topics"
    model = Topic
    citation_field = None  # topics are reference data, not cited

    def prepare(self, value: dict[str, Any], *, language: str) -> None:
        # The card is headed in the article's language, as every other candidate of the document is.
        value["label"] = value.get(f"name_{language}") or value.get("name", "")

    def label(self, value: dict[str, Any]) -> str:
        return value.get("label") or value.get("name") or "?"

    def match(self, value: dict[str, Any]) -> list[dict[str, Any]]:
        return matching.match_topic(value)

    def preview(self, value: dict[str, Any]) -> list[tuple[str, str]]:
        return [(_("name"), _topic_name(value))]

    def create(self, candidate, context: DocumentContext, user) -> Topic:
        require(candidate.value.get("slug"), _("The identifier"))
        value = candidate.value
        topic, _created = Topic.objects.get_or_create(
            slug=value["slug"],
            defaults={
                "name": value.get("name") or value["slug"],
                "name_ru": value.get("name_ru", ""),
                "name_ar": value.get("name_ar", ""),
            },
        )
        return topic


def _topic_name(value: dict[str, Any]) -> str:
    """The proposed topic's name in the reviewer's language (English when the candidate predates the others)."""
    return value.get(f"name_{reader_language()}") or value.get("name", "")


# How an unnamed programme is titled, per article language: the beneficiary's officials, trained by the provider.
_TITLES = {
    "en": ("Training of officials of {beneficiary} by {provider}", "Training of officials of {beneficiary}"),
    "ru": ("Обучение специалистов: {beneficiary} — {provider}", "Обучение специалистов: {beneficiary}"),
    "ar": ("تدريب كوادر {beneficiary} لدى {provider}", "تدريب كوادر {beneficiary}"),
}


def programme_title(provider: str, beneficiary: str, language: str) -> str:
    with_provider, alone = _TITLES.get(language, _TITLES["en"])
    with translation.override(language if language in _TITLES else "en"):
        names = {"provider": str(countries.name(provider)), "beneficiary": str(countries.name(beneficiary))}
    template = with_provider if provider and provider != beneficiary else alone
    return template.format(**names)

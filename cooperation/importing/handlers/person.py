"""Officials: created with their name forms and position; merging adds spellings, never a second preferred name."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cooperation.importing import matching
from cooperation.importing.models import CandidateKind
from cooperation.models import NameKind, Official, OfficialName, Position
from cooperation.names import script_of, transliterate

from .base import CountryCodeField, DocumentContext, Handler, country_name, require, save_checked, unique_slug


class PersonHandler(Handler):
    kind = CandidateKind.PERSON
    section = "people"
    model = Official
    citation_field = "official"
    prefetch = ("names", "positions")
    edit_fields = {
        "normal": lambda: forms.CharField(label=gettext_lazy("name"), max_length=300),
        "title_normal": lambda: forms.CharField(label=gettext_lazy("title"), max_length=300, required=False),
        "country": lambda: CountryCodeField(label=gettext_lazy("country")),
    }

    def label(self, value: dict[str, Any]) -> str:
        title = value.get("title_normal") or value.get("title") or ""
        return f"{value.get('normal', '?')} — {title}" if title else value.get("normal", "?")

    def match(self, value: dict[str, Any]) -> list[dict[str, Any]]:
        return matching.match_official(value)

    def proposed_fields(self, value: dict[str, Any]) -> dict[str, Any]:
        return {"country": value.get("country") or "", "honorific_prefix": value.get("honorific") or ""}

    def additions(self, value: dict[str, Any], target) -> list[tuple[str, str]]:
        known = {n.name for n in target.names.all()} | {target.name}
        titles = {p.title for p in target.positions.all()}
        rows = [(_("name form"), form) for form in _forms(value) if form not in known]
        title = _title(value)
        if title and title not in titles:
            rows.append((_("position"), title))
        return rows

    def preview(self, value: dict[str, Any]) -> list[tuple[str, str]]:
        rows = [(_("name"), value.get("normal", ""))]
        if value.get("honorific"):
            rows.append((_("honorific"), value["honorific"]))
        if _title(value):
            rows.append((_("position"), _title(value)))
        if value.get("country"):
            rows.append((_("country"), country_name(value["country"])))
        others = [form for form in _forms(value) if form != value.get("normal")]
        if others:
            rows.append((_("also written"), ", ".join(others)))
        return rows

    def apply_edits(self, value: dict[str, Any], edits: dict[str, Any]) -> dict[str, Any]:
        old_normal = value.get("normal", "")
        value = super().apply_edits(value, edits)
        if value.get("normal") != old_normal:
            # Other sections of the document name the person by the extracted form: keep it as a key and a form.
            value.setdefault("document_normal", old_normal)
            value["forms"] = list(dict.fromkeys([*value.get("forms", []), old_normal]))
        if "title_normal" in value.get("edited", []):
            value["title"] = value["title_normal"]
        return value

    def create(self, candidate, context: DocumentContext, user) -> Official:
        value = candidate.value
        normal = (value.get("normal") or "").strip()
        require(normal, _("The name"))
        latin = normal if script_of(normal) == "Latn" else transliterate(normal).title()
        official = Official(
            name=normal,
            country=value.get("country") or "",
            honorific_prefix=(value.get("honorific") or "")[:60],
            slug=unique_slug(Official, latin, prefix="official"),
        )
        save_checked(official, user)
        self._add_names_and_position(candidate, official, user)
        return official

    def merge(self, candidate, target: Official, context: DocumentContext, user) -> None:
        self._add_names_and_position(candidate, target, user)

    def _add_names_and_position(self, candidate, official: Official, user) -> None:
        """Every spelling the document uses becomes an alternative name: as written, or a transliteration when it
        is a Latin spelling of a name kept in another script. The preferred form is the officer's to choose."""
        value = candidate.value
        language = candidate.document.language or "en"
        known = {official.name, *official.names.values_list("name", flat=True)}
        for form in _forms(value):
            if form in known:
                continue
            latin_of_other = script_of(form) == "Latn" and script_of(official.name) != "Latn"
            kind = NameKind.TRANSLITERATION if latin_of_other else NameKind.AS_WRITTEN
            name = OfficialName(
                official=official, name=form[:300], language="en" if latin_of_other else language, kind=kind
            )
            save_checked(name, user)
            known.add(form)
        title = _title(value)[:300]
        if title and not official.positions.filter(title=title).exists():
            position = Position(official=official, title=title)
            if language in ("ru", "ar"):
                setattr(position, f"title_{language}", title)
            save_checked(position, user)


def _forms(value: dict[str, Any]) -> list[str]:
    return [form for form in dict.fromkeys([value.get("normal", ""), *value.get("forms", [])]) if form]


def _title(value: dict[str, Any]) -> str:
    return (value.get("title_normal") or value.get("title") or "").strip()

"""What every candidate kind shares: the handler interface, the document context relations resolve in, and the
guarded write every record of an import goes through."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from cooperation.importing.models import CandidateKind, Decision
from cooperation.models import Citation, SourceDocument
from cooperation.names import transliterate

if TYPE_CHECKING:
    from cooperation.importing.models import Candidate, ImportedDocument

IMPORT_REASON = "import"
DECIDED = (Decision.ACCEPTED, Decision.MERGED)


class ReviewError(Exception):
    """A decision that cannot be applied (already decided, wrong target, a required fact missing); the message is
    for the officer."""


# --- writes ------------------------------------------------------------------------------------------------


def audit(instance, user) -> None:
    """History rows of import writes name the officer who decided, and say they came from an import."""
    instance._history_user = user
    instance._change_reason = IMPORT_REASON


def save_checked(instance: models.Model, user, *, exclude: list[str] | None = None) -> None:
    """Save after the model's own validation, so an import can write nothing a form would refuse."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as exc:
        details = "; ".join(
            f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
            for name, messages in exc.message_dict.items()
        )
        raise ReviewError(
            _("The %(model)s could not be saved: %(details)s")
            % {"model": instance._meta.verbose_name, "details": details}
        ) from exc
    audit(instance, user)
    instance.save()


def unique_slug(model, text: str, *, prefix: str) -> str:
    base = slugify(transliterate(text.lower()))[:100].strip("-") or prefix
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


def parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def date_span(value: dict[str, Any]) -> dict[str, Any]:
    """DateSpan fields from an extracted ``start``/``end``/``precision``."""
    start = parse_date(value.get("start"))
    if start is None:
        return {}
    precision = value.get("precision") or "day"
    return {
        "start_date": start,
        "start_precision": precision,
        "end_date": parse_date(value.get("end")),
        "end_precision": precision,
    }


def span_fields(value: dict[str, Any]) -> dict[str, Any]:
    """What a merge proposes for a record with dates and a city: the fields a delegation and an event share."""
    return {
        "start_date": value.get("start"),
        "end_date": value.get("end"),
        "start_precision": value.get("precision") if value.get("start") else None,
        "city": value.get("city") or "",
    }


def required_title(value: dict[str, Any]) -> str:
    title = (value.get("title") or "").strip()
    require(title, _("The title"))
    return title


def save_titled(record: models.Model, candidate: Candidate, user, *, title: str, prefix: str) -> None:
    """Save a new record named by its title: a slug made from the title, and the title also in the document's
    language field (title_ru, title_ar) when it has one."""
    record.slug = unique_slug(type(record), title[:60], prefix=prefix)
    language = candidate.document.language
    if language in ("ru", "ar"):
        setattr(record, f"title_{language}", title[:400])
    save_checked(record, user)


def link_once(record: models.Model, field: str, target_id: int | None, user) -> None:
    """Point ``record.field`` at a record the officer decided, unless it already points somewhere."""
    if target_id is not None and getattr(record, field) is None:
        setattr(record, field, target_id)
        save_checked(record, user)


def country_name(code: str | None) -> str:
    return f"{countries.name(code)} ({code})" if code and countries.name(code) else (code or "")


# --- the document a candidate comes from -------------------------------------------------------------------


class DocumentContext:
    """All candidates of one document: what a candidate's relations (people by ``normal`` name, delegations and
    events by their index in the extraction's section) resolve to.

    Candidates are written in section order (``run.candidates_build``), so the n-th delegation candidate is
    ``delegations[n]`` of the extraction.
    """

    def __init__(self, candidates: list[Candidate]):
        self.candidates = sorted(candidates, key=lambda c: c.order)

    @classmethod
    def of(cls, document: ImportedDocument) -> DocumentContext:
        return cls(list(document.candidates.all()))

    def replace(self, candidate: Candidate) -> None:
        """Take the in-memory state of a candidate just decided (or edited)."""
        self.candidates = [candidate if c.pk == candidate.pk else c for c in self.candidates]
        self.__dict__.pop("people", None)

    def of_kind(self, kind: str) -> list[Candidate]:
        return [c for c in self.candidates if c.kind == kind]

    def at(self, kind: str, index: Any) -> Candidate | None:
        if not isinstance(index, int) or index < 0:
            return None
        section = self.of_kind(kind)
        return section[index] if index < len(section) else None

    def decided_target(self, kind: str, index: Any) -> int | None:
        candidate = self.at(kind, index)
        return candidate.target_id if candidate is not None and candidate.decision in DECIDED else None

    @cached_property
    def people(self) -> dict[str, Candidate]:
        """Person candidates by every name this document refers to them by."""
        found: dict[str, Candidate] = {}
        for candidate in self.of_kind("person"):
            for key in person_keys(candidate.value):
                found.setdefault(key, candidate)
        return found

    def official_for(self, name: str) -> int | None:
        """The official a name of this document resolves to: only people the officer accepted or merged."""
        person = self.people.get(name)
        return person.target_id if person is not None and person.decision in DECIDED else None

    def people_list(self, key: str, label, people: list[tuple[str, str]]) -> RelationList:
        """The people a candidate names, as (name, what they are in it) pairs, each with what accepting will do
        with them."""
        items = [
            RelationItem(index, f"{name} — {detail}" if detail else name, self.person_status(name))
            for index, (name, detail) in enumerate(people)
        ]
        return RelationList(key, label, items)

    def person_status(self, name: str) -> str:
        person = self.people.get(name)
        if person is None:
            return _("not among this document's people")
        if person.decision in DECIDED:
            return _("linked to the official accepted above")
        if person.decision == Decision.REJECTED:
            return _("person rejected: left out")
        return _("linked once the person is accepted")


def person_keys(value: dict[str, Any]) -> set[str]:
    """The names other sections use for a person: the extracted ``normal`` (kept when an officer corrects it)."""
    return {name for name in (value.get("normal"), value.get("document_normal")) if name}


# --- handlers ----------------------------------------------------------------------------------------------


class CountryCodeField(forms.CharField):
    """An ISO code typed with the page's shared list of countries; validated against django-countries."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 2)
        kwargs.setdefault("widget", forms.TextInput(attrs={"list": "country-codes", "size": 3}))
        super().__init__(**kwargs)

    def clean(self, value):
        value = (super().clean(value) or "").strip().upper()
        if value and not countries.name(value):
            raise ValidationError(_("“%(code)s” is not a country code.") % {"code": value})
        return value


def date_field(label) -> forms.DateField:
    return forms.DateField(label=label, required=False, widget=forms.DateInput(attrs={"type": "date"}))


@dataclass
class RelationItem:
    index: int
    text: str
    status: str = ""


@dataclass
class RelationList:
    """Relations of a candidate an officer may drop before accepting (one checkbox per item)."""

    key: str
    label: str
    items: list[RelationItem] = field(default_factory=list)


class Linked(NamedTuple):
    """The one other candidate of the document a kind points at: its kind, the relation's label (an event "in the
    programme of" a delegation, an agreement "signed at" an event) and the foreign key that records it."""

    kind: str
    label: Any
    field: str


class Handler:
    """All of one candidate kind's behaviour: how it is labelled, matched, shown, created and merged."""

    kind: ClassVar[str]
    section: ClassVar[str]  # the extraction's section the candidates come from
    model: ClassVar[type[models.Model]]
    citation_field: ClassVar[str | None] = None  # the Citation foreign key to the record; None: not cited
    # Extraction ``value`` keys an officer may correct before accepting, and the form fields they use.
    edit_fields: ClassVar[dict[str, Any]] = {}

    # --- reading

    def prepare(self, value: dict[str, Any], *, language: str) -> None:
        """Complete an extracted value in place before it becomes a candidate (nothing to do for most kinds)."""

    def label(self, value: dict[str, Any]) -> str:
        return value.get("title") or value.get("name") or "?"

    def match(self, value: dict[str, Any]) -> list[dict[str, Any]]:
        return []

    def proposed_fields(self, value: dict[str, Any]) -> dict[str, Any]:
        """Fields a merge fills or replaces on an existing record."""
        return {}

    def additions(self, value: dict[str, Any], target) -> list[tuple[str, str]]:
        """Rows besides fields that a merge adds (name forms, positions); ``target`` has ``prefetch`` loaded."""
        return []

    prefetch: ClassVar[tuple[str, ...]] = ()

    def preview(self, value: dict[str, Any]) -> list[tuple[str, str]]:
        """The record accepting would create: (field, value) rows for the review page."""
        return []

    def relations(self, value: dict[str, Any], context: DocumentContext) -> list[RelationList]:
        return []

    # --- corrections before accepting

    def edit_form(self, value: dict[str, Any], *, data=None, auto_id: str = "id_%s") -> forms.Form:
        form_class = type(f"{type(self).__name__}Form", (forms.Form,), {k: f() for k, f in self.edit_fields.items()})
        return form_class(data=data, initial=self.initial(value), auto_id=auto_id)

    def initial(self, value: dict[str, Any]) -> dict[str, Any]:
        return {key: value.get(key) or "" for key in self.edit_fields}

    def apply_edits(self, value: dict[str, Any], edits: dict[str, Any]) -> dict[str, Any]:
        """The value with an officer's corrections; the keys corrected are listed under ``edited``."""
        value = dict(value)
        initial = self.initial(value)
        edited = list(value.get("edited", []))
        for key, new in edits.items():
            if key not in self.edit_fields:
                continue
            new = new.isoformat() if isinstance(new, dt.date) else new
            if _text(new) == _text(initial.get(key)):
                continue
            value[key] = new
            if key not in edited:
                edited.append(key)
        if edited:
            value["edited"] = edited
        return value

    def keep_relations(self, value: dict[str, Any], keep: dict[str, set[int]]) -> dict[str, Any]:
        """The value without the relations an officer unchecked (``keep``: indices kept per relation list)."""
        value = dict(value)
        for key, kept in keep.items():
            if isinstance(value.get(key), list):
                value[key] = [item for i, item in enumerate(value[key]) if i in kept]
            elif self.linked and key == self.linked[0] and 0 not in kept:
                value[key] = None  # the officer unchecked the link to the other candidate
        return value

    linked: ClassVar[Linked | None] = None

    def linked_row(self, value: dict[str, Any], context: DocumentContext) -> list[RelationList]:
        if self.linked is None:
            return []
        kind, label, _field = self.linked
        target = context.at(kind, value.get(kind))
        if target is None:
            return []
        status = (
            _("linked to the record accepted above")
            if target.decision in DECIDED
            else _("linked once that record is accepted")
        )
        return [RelationList(kind, label, [RelationItem(0, target.label, status)])]

    def relation_rows(
        self, value: dict[str, Any], context: DocumentContext, *lists: RelationList
    ) -> list[RelationList]:
        """The lists that have items, then the link to the other candidate."""
        return [r for r in lists if r.items] + self.linked_row(value, context)

    # --- writing

    def create(self, candidate: Candidate, context: DocumentContext, user) -> models.Model:
        raise NotImplementedError

    def merge(self, candidate: Candidate, target: models.Model, context: DocumentContext, user) -> None:
        """What a merge adds to an existing record besides fields (name forms, positions)."""
        return None

    def link(self, candidate: Candidate, record: models.Model, context: DocumentContext, user) -> None:
        """Create the relations that can be resolved now; safe to call again (existing ones are skipped)."""
        return None

    def link_linked(self, candidate: Candidate, record: models.Model, context: DocumentContext, user) -> None:
        """Point the record at the one the linked candidate became, once the officer has decided that one."""
        kind, _label, field_name = self.linked
        link_once(record, field_name, context.decided_target(kind, candidate.value.get(kind)), user)

    def refers_to(self, value: dict[str, Any], decided: Candidate, context: DocumentContext) -> bool:
        """Whether this candidate's relations name ``decided`` (so deciding it may complete them)."""
        if self.linked is not None and decided.kind == self.linked[0]:
            return points_at(context.at(decided.kind, value.get(decided.kind)), decided)
        if decided.kind != CandidateKind.PERSON:
            return False
        return bool(person_keys(decided.value) & self.people_named(value, context))

    def people_named(self, value: dict[str, Any], context: DocumentContext) -> set[str]:
        """The names (``normal`` forms) of the document's people this candidate relates to."""
        return set()

    def cite(self, candidate: Candidate, record, source: SourceDocument, user) -> None:
        if self.citation_field is None:
            return
        if Citation.objects.filter(source=source, **{self.citation_field: record}).exists():
            return
        citation = Citation(
            source=source,
            passage=candidate.passage[:2000],
            locator=f"characters {candidate.evidence_start}–{candidate.evidence_end}",
            **{self.citation_field: record},
        )
        audit(citation, user)
        citation.save()


def _text(value: Any) -> str:
    return "" if value in (None, "") else str(value)


REQUIRED = gettext_lazy("%(field)s is missing: correct it before accepting, or merge instead.")


def require(value: Any, field_label) -> None:
    if value in (None, ""):
        raise ReviewError(REQUIRED % {"field": field_label})


def points_at(referenced: Candidate | None, decided: Candidate) -> bool:
    return referenced is not None and referenced.pk == decided.pk

"""The filters every report takes: date range, country, topic and status.

The form validates the query string (bad input gives a message on the page, never a 500); ``ReportFilters``
is what the selectors receive. Narrowing a queryset is done by the shared FilterSets of ``cooperation.filters``,
so the API and the reports agree on what "country" or "date range" mean.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cooperation.filters import AgreementFilter, DelegationFilter, EventFilter, TrainingProgrammeFilter
from cooperation.models import (
    Agreement,
    AgreementStatus,
    Delegation,
    DelegationStatus,
    Event,
    EventStatus,
    ProgrammeStatus,
    Topic,
    TrainingProgramme,
)


@dataclass(frozen=True)
class ReportFilters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str = ""
    topic: str = ""  # topic slug
    status: str = ""

    @property
    def active(self) -> bool:
        return any((self.date_from, self.date_to, self.country, self.topic, self.status))


def _status_choices():
    seen: dict[str, str] = {}
    for choices in (DelegationStatus, EventStatus, AgreementStatus, ProgrammeStatus):
        for value, label in choices.choices:
            seen.setdefault(value, label)
    return [("", _("any status")), *seen.items()]


class ReportFilterForm(forms.Form):
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    country = forms.ChoiceField(label=_("Country"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=_status_choices)

    def __init__(self, *args, with_country: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        # Country names in the reader's language (django-countries translates them).
        self.fields["country"].choices = [("", _("all countries")), *countries]
        self.fields["topic"].choices = [("", _("all topics")), *((t.slug, str(t)) for t in Topic.objects.all())]
        if not with_country:
            del self.fields["country"]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            raise forms.ValidationError(_("The end of the date range is before its start."))
        return data

    def filters(self) -> ReportFilters:
        """The validated filters, or none at all when the query string is invalid."""
        if not self.is_valid():
            return ReportFilters()
        data = self.cleaned_data
        return ReportFilters(
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            country=data.get("country") or "",
            topic=data.get("topic") or "",
            status=data.get("status") or "",
        )


# The shared FilterSets (cooperation.filters) do the narrowing, so "country", "topic" and "date range" mean the
# same in a report as in the partner API. For agreements a date range means "signed by a party in the range".
_FILTERSETS = {
    Delegation: DelegationFilter,
    Event: EventFilter,
    Agreement: AgreementFilter,
    TrainingProgramme: TrainingProgrammeFilter,
}


def apply_filters(queryset: QuerySet, filters: ReportFilters, *, skip: tuple[str, ...] = ()) -> QuerySet:
    """``queryset`` narrowed by ``filters`` through the shared FilterSet of its model."""
    model = queryset.model
    if not filters.active:
        return queryset
    data: dict[str, Any] = {}
    if "date" not in skip:
        start, end = ("signed_from", "signed_to") if model is Agreement else ("date_from", "date_to")
        if filters.date_from:
            data[start] = filters.date_from.isoformat()
        if filters.date_to:
            data[end] = filters.date_to.isoformat()
    if "country" not in skip and filters.country:
        data["beneficiary_country" if model is TrainingProgramme else "country"] = filters.country
    if "topic" not in skip and filters.topic:
        data["topic"] = filters.topic
    if "status" not in skip and filters.status:
        valid = {value for value, _label in model._meta.get_field("status").choices}
        # A status that does not exist for this kind of record (e.g. "held" for agreements) leaves it unfiltered.
        if filters.status in valid:
            data["status"] = [filters.status]
    if not data:
        return queryset
    filterset = _FILTERSETS[model](_as_querydict(data), queryset=queryset)
    return filterset.qs


def _as_querydict(data: dict[str, Any]) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, value in data.items():
        if isinstance(value, list):
            query.setlist(key, value)
        else:
            query[key] = value
    return query

"""Querysets the API reads through: each fetches a page with its nested data in a fixed number of queries.

Every nested list is prefetched (``Prefetch`` with the related rows' own ``select_related``) so the number of
queries per request does not depend on the page size; name forms are ordered so responses, and so ETags,
are stable.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from cooperation import models as m

_NAME_FIELDS = ("id", "name", "language", "script", "kind", "grammatical_case")


def _names(model: type) -> QuerySet:
    owner = "official_id" if model is m.OfficialName else "organisation_id"
    return model.objects.only(*_NAME_FIELDS, owner).order_by("id")


def _people(model: type, parent: str) -> Prefetch:
    """Members, participants, signatories: the official with names and the post held at the time."""
    rows = model.objects.select_related("official", "position", "position__organisation").only(
        "id",
        f"{parent}_id",
        "role",
        "official__id",
        "official__slug",
        "official__name",
        "official__honorific_prefix",
        "official__country",
        "position__id",
        "position__title",
        "position__title_ru",
        "position__title_ar",
        "position__start_date",
        "position__start_precision",
        "position__end_date",
        "position__end_precision",
        "position__organisation__id",
        "position__organisation__slug",
        "position__organisation__name",
    )
    return Prefetch("participants" if model is not m.DelegationMember else "members", queryset=rows)


def _topics() -> Prefetch:
    return Prefetch("topics", queryset=m.Topic.objects.only("id", "slug", "name", "name_ru", "name_ar"))


def _citations() -> Prefetch:
    """A record's sources: one query per page, the source's slug, title, address and kind with each passage."""
    return Prefetch(
        "citations",
        queryset=m.Citation.objects.select_related("source")
        .only(
            "id",
            *m.CITABLE,
            "source_id",
            "passage",
            "locator",
            "source__slug",
            "source__title",
            "source__url",
            "source__kind",
        )
        .order_by("source_id", "id"),
    )


def delegations() -> QuerySet:
    return m.Delegation.objects.select_related("sending_organisation", "host_organisation").prefetch_related(
        _citations(),
        Prefetch("sending_organisation__names", queryset=_names(m.OrganisationName)),
        Prefetch("host_organisation__names", queryset=_names(m.OrganisationName)),
        _people(m.DelegationMember, "delegation"),
        Prefetch("members__official__names", queryset=_names(m.OfficialName)),
        _topics(),
    )


def events() -> QuerySet:
    return m.Event.objects.select_related("venue_organisation", "parent", "delegation").prefetch_related(
        _citations(),
        Prefetch("venue_organisation__names", queryset=_names(m.OrganisationName)),
        _people(m.EventParticipant, "event"),
        Prefetch("participants__official__names", queryset=_names(m.OfficialName)),
        Prefetch("organisers", queryset=m.EventOrganiser.objects.select_related("organisation")),
        Prefetch("organisers__organisation__names", queryset=_names(m.OrganisationName)),
        "participating_countries",
        _topics(),
    )


def agreements() -> QuerySet:
    signatories = m.AgreementSignatory.objects.select_related("official", "position", "position__organisation")
    return m.Agreement.objects.select_related("signed_at").prefetch_related(
        _citations(),
        Prefetch("parties", queryset=m.AgreementParty.objects.select_related("organisation")),
        Prefetch("parties__organisation__names", queryset=_names(m.OrganisationName)),
        Prefetch("parties__actions", queryset=m.AgreementAction.objects.order_by("date", "id")),
        Prefetch("signatories", queryset=signatories),
        Prefetch("signatories__official__names", queryset=_names(m.OfficialName)),
        Prefetch("relations_out", queryset=m.AgreementRelation.objects.select_related("target").order_by("id")),
        _topics(),
    )


def officials() -> QuerySet:
    return m.Official.objects.prefetch_related(
        _citations(),
        Prefetch("names", queryset=_names(m.OfficialName)),
        Prefetch("positions", queryset=m.Position.objects.select_related("organisation")),
    )


def organisations() -> QuerySet:
    return m.Organisation.objects.select_related("parent").prefetch_related(
        _citations(), Prefetch("names", queryset=_names(m.OrganisationName))
    )


def programmes() -> QuerySet:
    return m.TrainingProgramme.objects.select_related(
        "provider", "beneficiary_organisation", "agreement"
    ).prefetch_related(
        _citations(),
        Prefetch("provider__names", queryset=_names(m.OrganisationName)),
        Prefetch("beneficiary_organisation__names", queryset=_names(m.OrganisationName)),
        Prefetch("partners", queryset=m.Organisation.objects.order_by("id")),
        Prefetch("partners__names", queryset=_names(m.OrganisationName)),
        "countries",
        Prefetch("stages", queryset=m.ProgrammeStage.objects.select_related("event")),
        Prefetch("stages__topics", queryset=m.Topic.objects.only("id", "slug", "name", "name_ru", "name_ar")),
        _people(m.ProgrammeParticipant, "programme"),
        Prefetch("participants__official__names", queryset=_names(m.OfficialName)),
        _topics(),
    )


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


def delegation_rows() -> QuerySet:
    """The list's page query; nested data comes from ``cooperation.api.fast`` as tuples."""
    return m.Delegation.objects.all()


def event_rows() -> QuerySet:
    return m.Event.objects.select_related("parent", "delegation")

"""Agreements and training programmes from ``values_list`` rows, list and detail alike (see ``fast``).

A page of agreements holds parties with dated actions, signatories with their post and relations; a page of
programmes holds partners, stages with their modules and participants. Each nested relation is one query for
the whole page, so the count does not grow with the page (``tests/api/test_queries.py``).
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import QuerySet

from cooperation import models as m

from .fast import _countries, _organisations, _people, _record, _record_ref, _supports, _title, _topics
from .prepared import AnyOf, compiled_once
from .serializers import country, partial_date


def _ref(basename: str, slug: str, title: str, title_ru: str, title_ar: str, link) -> dict:
    """A pointer to another record (``RecordRefSerializer``)."""
    title = {"en": title, "ru": title_ru or None, "ar": title_ar or None}
    return {"slug": slug, "url": link(basename, slug), "title": title}


@compiled_once
def _party_rows(ids: list[int]) -> QuerySet:
    return (
        m.AgreementParty.objects.filter(AnyOf("agreement_id", ids))
        .order_by("agreement_id", "order", "id")
        .values_list("agreement_id", "id", "country", "organisation_id")
    )


@compiled_once
def _action_rows(party_ids: list[int]) -> QuerySet:
    # By the parties' own ids, not through a join to their agreements: PostgreSQL hashed the whole actions table
    # for that (8-17 ms at 20,000 agreements), where this is an index scan (1.5 ms).
    return (
        m.AgreementAction.objects.filter(AnyOf("party_id", party_ids))
        .order_by("party_id", "date", "id")
        .values_list("party_id", "kind", "date", "date_precision", "note")
    )


@compiled_once
def _relation_rows(ids: list[int]) -> QuerySet:
    return (
        m.AgreementRelation.objects.filter(AnyOf("source_id", ids))
        .order_by("source_id", "id")
        .values_list("source_id", "kind", "target__slug", "target__title", "target__title_ru", "target__title_ar")
    )


def agreements(page: list[m.Agreement], link, *, partner: bool) -> list[dict]:
    ids = [a.pk for a in page]
    parties = _party_rows(ids)
    organisations = _organisations({row[3] for row in parties}, link)
    actions: dict[int, list[dict]] = defaultdict(list)
    for party_id, kind, date, precision, note in _action_rows([row[1] for row in parties]):
        actions[party_id].append({"kind": kind, "date": partial_date(date, precision), "note": note})
    by_agreement: dict[int, list[dict]] = defaultdict(list)
    on_behalf_of: dict[int, str] = {}
    for agreement_id, party_id, code, organisation_id in parties:
        organisation = organisations.get(organisation_id)
        by_agreement[agreement_id].append(
            {"country": country(code), "organisation": organisation, "actions": actions.get(party_id, [])}
        )
        on_behalf_of[party_id] = organisation["slug"] if organisation else str(code)
    signatories = _people(m.AgreementSignatory, "agreement", ids, ("agreement_id", "id"), link, extra=("party_id",))
    relations: dict[int, list[dict]] = defaultdict(list)
    for source_id, kind, *target in _relation_rows(ids):
        relations[source_id].append({"kind": kind, "agreement": _ref("agreement", *target, link)})
    topics = _topics(m.Agreement, "agreement", ids, link)
    sources = _supports("agreement", ids, link, partner=partner)
    result = []
    for a in page:
        fields = {
            "kind": a.kind,
            "level": a.level,
            "title": _title(a),
            "summary": a.summary,
            "status": a.status,
            "status_date": a.status_date,
        }
        if hasattr(a, "status_as_of"):  # annotated by the FilterSet when ?as_of= is given
            fields["status_as_of"] = a.status_as_of
        fields.update(
            {
                "signed_at": _record_ref(a.signed_at, "event", link) if a.signed_at_id else None,
                "expires_on": a.expires_on,
                "dates_note": a.dates_note,
                "parties": by_agreement.get(a.pk, []),
                "signatories": [
                    {
                        "official": row["official"],
                        "position": row["position"],
                        "on_behalf_of": on_behalf_of.get(row["party_id"]),
                    }
                    for row in signatories.get(a.pk, [])
                ],
                "relations": relations.get(a.pk, []),
                "topics": topics.get(a.pk, []),
            }
        )
        result.append(_record(a, "agreement", link, fields, sources))
    return result


@compiled_once
def _partner_rows(ids: list[int]) -> QuerySet:
    return (
        m.TrainingProgramme.partners.through.objects.filter(AnyOf("trainingprogramme_id", ids))
        .order_by("trainingprogramme_id", "organisation_id")
        .values_list("trainingprogramme_id", "organisation_id")
    )


@compiled_once
def _stage_rows(ids: list[int]) -> QuerySet:
    return (
        m.ProgrammeStage.objects.filter(AnyOf("programme_id", ids))
        .order_by("programme_id", "number", "id")
        .values_list(
            "programme_id", "id", "number", "title", "mode", "city", "country", "start_date", "start_precision",
            "end_date", "end_precision", "event__slug", "event__title", "event__title_ru", "event__title_ar",
        )
    )  # fmt: skip


def programmes(page: list[m.TrainingProgramme], link, *, partner: bool) -> list[dict]:
    ids = [p.pk for p in page]
    partners = _partner_rows(ids)
    organisations = _organisations(
        {p.provider_id for p in page} | {p.beneficiary_organisation_id for p in page} | {row[1] for row in partners},
        link,
    )
    partners_of: dict[int, list[dict]] = defaultdict(list)
    for programme_id, organisation_id in partners:
        partners_of[programme_id].append(organisations[organisation_id])
    countries = _countries(m.ProgrammeCountry, "programme", ids)
    stages = _stage_rows(ids)
    modules = _topics(m.ProgrammeStage, "programmestage", [row[1] for row in stages], link)
    stages_of: dict[int, list[dict]] = defaultdict(list)
    for programme_id, pk, number, title, mode, city, code, start, start_p, end, end_p, *event in stages:
        stages_of[programme_id].append(
            {
                "number": number,
                "title": title,
                "mode": mode,
                "city": city,
                "country": country(code),
                "start": partial_date(start, start_p),
                "end": partial_date(end, end_p),
                "event": _ref("event", *event, link) if event[0] else None,
                "topics": modules.get(pk, []),
            }
        )
    participants = _people(m.ProgrammeParticipant, "programme", ids, ("programme_id", "id"), link)
    topics = _topics(m.TrainingProgramme, "trainingprogramme", ids, link)
    sources = _supports("programme", ids, link, partner=partner)
    return [
        _record(
            p,
            "programme",
            link,
            {
                "title": _title(p),
                "summary": p.summary,
                "status": p.status,
                "start": partial_date(p.start_date, p.start_precision),
                "end": partial_date(p.end_date, p.end_precision),
                "provider": organisations.get(p.provider_id),
                "partners": partners_of.get(p.pk, []),
                "provider_country": country(p.provider_country),
                "beneficiary_country": country(p.beneficiary_country),
                "beneficiary_countries": countries.get(p.pk, []),
                "beneficiary_organisation": organisations.get(p.beneficiary_organisation_id),
                "agreement": _record_ref(p.agreement, "agreement", link) if p.agreement_id else None,
                "cohort": p.cohort,
                "year": p.year,
                "participant_count": p.participant_count,
                "stages": stages_of.get(p.pk, []),
                "participants": participants.get(p.pk, []),
                "topics": topics.get(p.pk, []),
            },
            sources,
        )
        for p in page
    ]

"""Records built from ``values_list`` rows instead of model instances, for the list and the detail alike.

A page of 100 delegations holds about 2,500 nested rows; building a model instance for each (and running the
prefetch machinery) cost most of a request. These builders fetch each nested relation in one query for the
whole page, as tuples, and are the one definition of each record's JSON: a detail view is a page of one
(``views.FastRecordMixin``), the serializers only describe the shape for the schema (tests validate responses
against it), and the benchmark compares every list with the same JSON built by raw SQL (``bench/baseline.py``).
Agreements and programmes are in ``fast_agreements``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import QuerySet

from cooperation import models as m
from cooperation.times import hhmm, starts_at_iso

from .prepared import AnyOf, compiled_once
from .serializers import OrganisationRefSerializer, SupportSerializer, country, partial_date


@compiled_once
def _name_rows(model, owner: str, ids: set[int]) -> QuerySet:
    return (
        model.objects.filter(AnyOf(f"{owner}_id", ids))
        .order_by("id")
        .values_list(f"{owner}_id", "name", "language", "script", "kind", "grammatical_case")
    )


def _names(model, owner: str, ids: set[int]) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = defaultdict(list)
    for owner_id, name, language, script, kind, case in _name_rows(model, owner, ids):
        found[owner_id].append(
            {"name": name, "language": language, "script": script, "kind": kind, "grammatical_case": case or None}
        )
    return found


@compiled_once
def _organisation_rows(ids: set[int]) -> QuerySet:
    return m.Organisation.objects.filter(AnyOf("id", ids)).values_list(
        "id", "slug", "name", "abbreviation", "kind", "country"
    )


def _organisations(ids: set[int], link) -> dict[int, dict]:
    ids.discard(None)
    if not ids:
        return {}
    names = _names(m.OrganisationName, "organisation", ids)
    rows = _organisation_rows(ids)
    return {
        pk: {
            "slug": slug,
            "url": link("organisation", slug),
            "name": name,
            "abbreviation": abbreviation,
            "kind": kind,
            "country": country(code),
            "names": names.get(pk, []),
        }
        for pk, slug, name, abbreviation, kind, code in rows
    }


_PEOPLE_FIELDS = (
    "official_id",
    "position_id",
    "position__title",
    "position__title_ru",
    "position__title_ar",
    "position__start_date",
    "position__start_precision",
    "position__end_date",
    "position__end_precision",
    "position__organisation__slug",
    "position__organisation__name",
)


@compiled_once
def _people_rows(model, parent: str, ids: list[int], ordering: tuple[str, ...], extra: tuple[str, ...]) -> QuerySet:
    return (
        model.objects.filter(AnyOf(f"{parent}_id", ids))
        .order_by(*ordering)
        .values_list(f"{parent}_id", *extra, *_PEOPLE_FIELDS)
    )


@compiled_once
def _official_rows(ids: set[int]) -> QuerySet:
    return m.Official.objects.filter(AnyOf("id", ids)).values_list("id", "slug", "name", "honorific_prefix", "country")


def _people(
    model, parent: str, ids: list[int], ordering: tuple[str, ...], link, extra: tuple[str, ...] = ("role",)
) -> dict[int, list[dict]]:
    """Members/participants/signatories with the official (every name form) and the post held at the time.

    ``extra`` names the row's own columns that come first in each dict (a member's ``role``).

    ``ordering`` names the parent by its column (``event_id``): ordering by ``event`` would join the events
    table to sort by *its* default ordering, which took 100 ms per page at 200,000 events.
    """
    rows = _people_rows(model, parent, ids, ordering, extra)
    width = len(extra)
    # Officials in their own query: joined in, PostgreSQL hashes the whole officials table (130 ms at 50,000).
    official_ids = {row[1 + width] for row in rows}
    names = _names(m.OfficialName, "official", official_ids)
    officials = {pk: (slug, name, honorific, code) for pk, slug, name, honorific, code in _official_rows(official_ids)}
    found: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        parent_id, own = row[0], dict(zip(extra, row[1 : 1 + width], strict=True))
        official_id, position_id = row[1 + width], row[2 + width]
        slug, name, honorific, official_country = officials[official_id]
        # the post's columns, led by its id, are laid out as ``_position_rows``' (led by the official's id)
        position = _post(row[2 + width :], link) if position_id is not None else None
        official = {
            "slug": slug,
            "url": link("official", slug),
            "name": name,
            "honorific_prefix": honorific,
            "country": country(official_country),
            "names": names.get(official_id, []),
        }
        found[parent_id].append({**own, "official": official, "position": position})
    return found


@compiled_once
def _topic_rows(model, owner: str, ids: list[int]) -> QuerySet:
    return (
        model.topics.through.objects.filter(AnyOf(f"{owner}_id", ids))
        .order_by("topic__name")
        .values_list(f"{owner}_id", "topic__slug", "topic__name", "topic__name_ru", "topic__name_ar")
    )


def _topics(model, owner: str, ids: list[int], link) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = defaultdict(list)
    for owner_id, slug, name, name_ru, name_ar in _topic_rows(model, owner, ids):
        found[owner_id].append(
            {
                "slug": slug,
                "url": link("topic", slug),
                "name": {"en": name, "ru": name_ru or None, "ar": name_ar or None},
            }
        )
    return found


@compiled_once
def _country_rows(model, owner: str, ids: list[int]) -> QuerySet:
    return (
        model.objects.filter(AnyOf(f"{owner}_id", ids))
        .order_by(f"{owner}_id", "country")
        .values_list(f"{owner}_id", "country")
    )


def _countries(model, owner: str, ids: list[int]) -> dict[int, list[dict]]:
    """A record's list of countries (participating, beneficiary), in code order."""
    found: dict[int, list[dict]] = defaultdict(list)
    for owner_id, code in _country_rows(model, owner, ids):
        found[owner_id].append(country(code))
    return found


@compiled_once
def _support_rows(owner: str, ids: list[int], partner: bool) -> QuerySet:
    rows = m.Citation.objects.filter(AnyOf(f"{owner}_id", ids)).order_by("source_id", "id")
    if partner:
        rows = rows.exclude(source__kind=m.SourceKind.INTERNAL_NOTE)
    return rows.values_list(f"{owner}_id", "source__slug", "source__title", "source__url", "passage", "locator")


def _supports(owner: str, ids: list[int], link, *, partner: bool) -> dict[int, list[dict]]:
    """The records' ``sources``, one query for the page; partners never see the office's internal notes."""
    found: dict[int, list[dict]] = defaultdict(list)
    for owner_id, slug, title, url, passage, locator in _support_rows(owner, ids, partner):
        found[owner_id].append(SupportSerializer.build(slug, title, url, passage, locator, link))
    return found


def _title(record) -> dict:
    return {"en": record.title, "ru": record.title_ru or None, "ar": record.title_ar or None}


def _record(record, basename: str, link, fields: dict, sources: dict[int, list[dict]]) -> dict:
    """The fields every record has around its own (``RecordSerializer``'s envelope)."""
    data = {"id": str(record.uid), "slug": record.slug, "url": link(basename, record.slug), **fields}
    data["identifiers"] = record.identifiers
    data["sources"] = sources.get(record.pk, [])
    data["created_at"] = record.created_at
    data["updated_at"] = record.updated_at
    return data


def _record_ref(record, basename: str, link) -> dict:
    """A pointer to another record (``RecordRefSerializer``): enough to show it and to fetch it."""
    return {"slug": record.slug, "url": link(basename, record.slug), "title": _title(record)}


def delegations(page: list[m.Delegation], link, *, partner: bool) -> list[dict]:
    ids = [d.pk for d in page]
    organisations = _organisations(
        {d.sending_organisation_id for d in page} | {d.host_organisation_id for d in page}, link
    )
    members = _people(m.DelegationMember, "delegation", ids, ("delegation_id", "order", "id"), link)
    topics = _topics(m.Delegation, "delegation", ids, link)
    sources = _supports("delegation", ids, link, partner=partner)
    result = []
    for d in page:
        people = members.get(d.pk, [])
        head = next((row["official"] for row in people if row["role"] == m.MemberRole.HEAD), None)
        fields = {
            "title": _title(d),
            "status": d.status,
            "approved_at": d.approved_at,
            "origin_country": country(d.origin_country),
            "host_country": country(d.host_country),
            "city": d.city,
            "start": partial_date(d.start_date, d.start_precision),
            "end": partial_date(d.end_date, d.end_precision),
            "dates_note": d.dates_note,
            "purpose": d.purpose,
            "summary": d.summary,
            "outcomes": d.outcomes,
            "sending_organisation": organisations.get(d.sending_organisation_id),
            "host_organisation": organisations.get(d.host_organisation_id),
            "head": head,
            "members": people,
            "topics": topics.get(d.pk, []),
        }
        result.append(_record(d, "delegation", link, fields, sources))
    return result


@compiled_once
def _organiser_rows(ids: list[int]) -> QuerySet:
    return (
        m.EventOrganiser.objects.filter(AnyOf("event_id", ids))
        .order_by("event_id", "id")
        .values_list("event_id", "role", "organisation_id")
    )


def events(page: list[m.Event], link, *, partner: bool) -> list[dict]:
    ids = [e.pk for e in page]
    organisers = _organiser_rows(ids)
    organisations = _organisations({e.venue_organisation_id for e in page} | {row[2] for row in organisers}, link)
    by_event: dict[int, list[dict]] = defaultdict(list)
    for event_id, role, organisation_id in organisers:
        by_event[event_id].append({"role": role, "organisation": organisations[organisation_id]})
    participants = _people(m.EventParticipant, "event", ids, ("event_id", "id"), link)
    countries = _countries(m.EventCountry, "event", ids)
    topics = _topics(m.Event, "event", ids, link)
    sources = _supports("event", ids, link, partner=partner)
    result = []
    for e in page:
        fields = {
            "kind": e.kind,
            "title": _title(e),
            "status": e.status,
            "start": partial_date(e.start_date, e.start_precision),
            "end": partial_date(e.end_date, e.end_precision),
            "start_time": hhmm(e.start_time),
            "end_time": hhmm(e.end_time),
            "time_zone": e.time_zone,
            "starts_at": starts_at_iso(e.start_date, e.start_time, e.time_zone),
            "dates_note": e.dates_note,
            "summary": e.summary,
            "city": e.city,
            "country": country(e.country),
            "venue": e.venue,
            "venue_organisation": organisations.get(e.venue_organisation_id),
            "parent": _record_ref(e.parent, "event", link) if e.parent_id else None,
            "delegation": _record_ref(e.delegation, "delegation", link) if e.delegation_id else None,
            "participants": participants.get(e.pk, []),
            "organisers": by_event.get(e.pk, []),
            "participating_countries": countries.get(e.pk, []),
            "topics": topics.get(e.pk, []),
        }
        result.append(_record(e, "event", link, fields, sources))
    return result


def officials(page: list[m.Official], link, *, partner: bool, as_of: dt.date | None = None) -> list[dict]:
    ids = [o.pk for o in page]
    names = _names(m.OfficialName, "official", set(ids))
    posts: dict[int, list[tuple]] = defaultdict(list)
    for row in _position_rows(ids):
        posts[row[0]].append(row)
    sources = _supports("official", ids, link, partner=partner)
    result = []
    for o in page:
        fields = {
            "name": o.name,
            "sort_name": o.sort_name,
            "honorific_prefix": o.honorific_prefix,
            "country": country(o.country),
            "summary": o.summary,
            "names": names.get(o.pk, []),
            "positions": [_post(row, link) for row in posts[o.pk]],
        }
        if as_of is not None:  # the domain's rule (``Official.position_on``) on the same rows
            held = m.held_on(posts[o.pk], as_of, dates=lambda row: row[4:8])
            fields["position_as_of"] = _post(held, link) if held else None
        result.append(_record(o, "official", link, fields, sources))
    return result


@compiled_once
def _position_rows(ids: list[int]) -> QuerySet:
    # ``id`` breaks ties between posts started the same day so that pages are stable.
    return (
        m.Position.objects.filter(AnyOf("official_id", ids))
        .order_by("official_id", "-start_date", "id")
        .values_list(
            "official_id", "title", "title_ru", "title_ar", "start_date", "start_precision", "end_date",
            "end_precision", "organisation__slug", "organisation__name",
        )
    )  # fmt: skip


def _post(row: tuple, link) -> dict:
    """A post as ``PositionSerializer`` describes it, from a row laid out as ``_position_rows``' (the first column,
    an id, aside)."""
    _id, title, title_ru, title_ar, start, start_precision, end, end_precision, org_slug, org_name = row
    return {
        "title": {"en": title, "ru": title_ru or None, "ar": title_ar or None},
        "organisation": {"slug": org_slug, "url": link("organisation", org_slug), "name": org_name}
        if org_slug
        else None,
        "start": partial_date(start, start_precision),
        "end": partial_date(end, end_precision),
    }


def organisations(page: list[m.Organisation], link, *, partner: bool) -> list[dict]:
    ids = [o.pk for o in page]
    names = _names(m.OrganisationName, "organisation", set(ids))
    sources = _supports("organisation", ids, link, partner=partner)
    return [
        _record(
            o,
            "organisation",
            link,
            {
                "name": o.name,
                "abbreviation": o.abbreviation,
                "kind": o.kind,
                "country": country(o.country),
                "city": o.city,
                "parent": OrganisationRefSerializer.build(o.parent, link) if o.parent_id else None,
                "website": o.website or None,
                "summary": o.summary,
                "names": names.get(o.pk, []),
            },
            sources,
        )
        for o in page
    ]

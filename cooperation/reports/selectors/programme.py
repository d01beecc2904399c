"""The programme of one visit: who comes, who receives them, what happens each day, what is signed.

A fixed number of queries whatever the number of events, participants or agreements (prefetched below).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import F, Prefetch, Q, QuerySet
from django.http import Http404

from cooperation.dates import DatePrecision, PartialDate
from cooperation.models import (
    ActionKind,
    Agreement,
    Attachment,
    Delegation,
    DelegationMember,
    Event,
    EventParticipant,
    MemberRole,
    Official,
    ParticipantRole,
    Position,
)

from .common import agreements_with_parties, country_name, official_names, signature_date

# A visit known only as "March 2026", or spread over months, is no day-by-day programme: the programme then
# lists the days that have events and says nothing of the empty ones.
MAX_DAYS = 31


@dataclass
class Person:
    official: Official
    position: Position | None
    role: str = ""


@dataclass
class ProgrammeDay:
    day: dt.date
    events: list[Event] = field(default_factory=list)


@dataclass
class SignedAgreement:
    agreement: Agreement
    signed: PartialDate | None
    signatories: list[Person]  # ``role`` holds the party signed for


@dataclass
class VisitProgramme:
    delegation: Delegation
    head: Person | None
    members: list[Person]
    hosts: list[Person]
    days: list[ProgrammeDay]
    undated: list[Event]  # events without a day inside the visit (month precision, before or after it)
    agreements: list[SignedAgreement]
    contacts: list[dict[str, str]]
    files: list[Attachment] = field(default_factory=list)  # the visit's, its events' and its agreements'


def _officials() -> QuerySet:
    return Official.objects.prefetch_related(official_names(), "positions")


def _events(delegation: Delegation) -> list[Event]:
    participants = EventParticipant.objects.select_related("position").prefetch_related(
        Prefetch("official", queryset=_officials())
    )
    # Events without a time first: they stand for the whole day ("arrival", "field visit").
    return list(
        Event.objects.filter(Q(delegation=delegation) | Q(parent__delegation=delegation))
        .select_related("venue_organisation")
        .prefetch_related("venue_organisation__names", Prefetch("participants", queryset=participants))
        .order_by("start_date", F("start_time").asc(nulls_first=True), "end_time", "pk")
    )


def _position_at(official: Official, given: Position | None, day: dt.date | None) -> Position | None:
    """The position the record names, else the one the official held on the first day of the visit."""
    if given is not None or day is None:
        return given
    return official.position_on(day)


def _signed_during(delegation: Delegation, events: list[Event], first: dt.date, last: dt.date) -> list[SignedAgreement]:
    """Agreements signed at one of the visit's events, or by a party between its first and last day, between the
    visiting and the host country."""
    both = Agreement.objects.filter(parties__country=delegation.origin_country).filter(
        parties__country=delegation.host_country
    )
    signed_then = both.filter(
        parties__actions__kind=ActionKind.SIGNATURE,
        parties__actions__date__gte=first,
        parties__actions__date__lte=last,
        parties__actions__date_precision=DatePrecision.DAY,
    )
    matching = Agreement.objects.filter(
        Q(pk__in=signed_then.values("pk")) | Q(signed_at__in=[e.pk for e in events])
    ).order_by("title", "pk")
    signed = []
    for agreement in agreements_with_parties(matching):
        parties = {
            party.pk: party.organisation.display_name() if party.organisation_id else country_name(party.country)
            for party in agreement.parties.all()
        }
        signatories = [Person(s.official, s.position, parties.get(s.party_id, "")) for s in agreement.signatories.all()]
        signed.append(SignedAgreement(agreement, signature_date(agreement), signatories))
    return signed


def _days(first: dt.date, last: dt.date, events: list[Event], *, exact: bool) -> tuple[list[ProgrammeDay], list[Event]]:
    every_day = exact and (last - first).days < MAX_DAYS
    days: dict[dt.date, ProgrammeDay] = {}
    if every_day:
        for offset in range((last - first).days + 1):
            day = first + dt.timedelta(days=offset)
            days[day] = ProgrammeDay(day)
    undated = []
    for event in events:
        day = event.start_date if event.start_precision == DatePrecision.DAY else None
        if day is None or not first <= day <= last:
            undated.append(event)
            continue
        days.setdefault(day, ProgrammeDay(day)).events.append(event)
    return sorted(days.values(), key=lambda d: d.day), undated


def visit_programme(*, slug: str) -> VisitProgramme:
    members = DelegationMember.objects.select_related("position").prefetch_related(
        Prefetch("official", queryset=_officials())
    )
    delegation = Delegation.objects.filter(slug=slug).prefetch_related(Prefetch("members", queryset=members)).first()
    if delegation is None:
        raise Http404
    start = delegation.start
    first = start.first_day if start is not None else None
    last = (delegation.end or start).last_day if start is not None else None

    people = [
        Person(m.official, _position_at(m.official, m.position, first), m.get_role_display())
        for m in delegation.members.all()
    ]
    head = next((p for p, m in zip(people, delegation.members.all(), strict=True) if m.role == MemberRole.HEAD), None)

    events = _events(delegation)
    in_delegation = {p.official.pk for p in people}
    hosts: dict[int, Person] = {}
    for event in events:
        for participant in event.participants.all():
            official = participant.official
            if official.pk in in_delegation or official.pk in hosts:
                continue
            # The host side: those hosting, or officials of the host country met during the visit.
            if participant.role == ParticipantRole.HOST or official.country == delegation.host_country:
                hosts[official.pk] = Person(
                    official, _position_at(official, participant.position, event.start_date or first)
                )

    if first is None:
        days, undated, agreements = [], events, []
    else:
        exact = delegation.start_precision == DatePrecision.DAY and (
            delegation.end_date is None or delegation.end_precision == DatePrecision.DAY
        )
        days, undated = _days(first, last, events, exact=exact)
        agreements = _signed_during(delegation, events, first, last)
    files = Attachment.objects.filter(
        Q(delegation=delegation)
        | Q(event__in=[e.pk for e in events])
        | Q(agreement__in=[a.agreement.pk for a in agreements])
    ).order_by("kind", "title", "pk")
    return VisitProgramme(
        delegation=delegation,
        head=head,
        members=[p for p in people if p is not head],
        hosts=list(hosts.values()),
        days=days,
        undated=undated,
        agreements=agreements,
        contacts=list(settings.OFFICE_CONTACTS),
        files=list(files),
    )

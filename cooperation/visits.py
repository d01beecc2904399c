"""Recording a whole visit at once: the delegation, its members and hosts (new officials made in place), the
programme's events and the agreements signed there.

One officer's save is one transaction: every row goes through its model's ``full_clean`` (an official's own
position, no "signed" in the future ...), and the first refusal anywhere leaves nothing written, so a visit is
never half in the records. Host counterparts are stored as the import stores them: as the hosts
(``ParticipantRole.HOST``) of the visit's events; there is no other place for them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperation.importing.handlers.base import unique_slug
from cooperation.models import (
    SIGNED_STATUSES,
    ActionKind,
    Agreement,
    AgreementAction,
    AgreementParty,
    AgreementSignatory,
    AgreementStatus,
    Delegation,
    DelegationMember,
    DelegationStatus,
    Event,
    EventKind,
    EventParticipant,
    EventStatus,
    MemberRole,
    NameKind,
    Official,
    OfficialName,
    ParticipantRole,
    Position,
)
from cooperation.names import language_of_script, script_of


def name_form_of(text: str) -> tuple[str, str]:
    """(language, script) guessed from a typed name: "يوليا" → ("ar", "Arab"); ("", script) when unsure."""
    script = script_of(text)
    return language_of_script(script), script if script != "Zyyy" else ""


@dataclass
class Person:
    """A member or host row: an existing official, or the name of a new one with its name form."""

    key: str  # the row's form prefix, so a refusal is shown beside the row
    official: Official | None = None
    new_name: str = ""
    language: str = ""
    script: str = ""
    role: str = MemberRole.MEMBER
    position: Position | None = None


@dataclass
class ProgrammeItem:
    key: str
    kind: str
    title: str
    date: dt.date | None = None
    city: str = ""
    start_time: dt.time | None = None
    everyone: bool = True


@dataclass
class Signing:
    key: str
    kind: str
    title: str
    status: str = AgreementStatus.SIGNED
    date: dt.date | None = None
    origin_signatory: Person | None = None
    host_signatory: Person | None = None


@dataclass
class Visit:
    delegation: Delegation
    members: list[Person] = field(default_factory=list)
    hosts: list[Person] = field(default_factory=list)
    events: list[ProgrammeItem] = field(default_factory=list)
    agreements: list[Signing] = field(default_factory=list)


class VisitError(Exception):
    """Nothing was saved; ``errors`` pairs a row's key ("delegation", "members-2" ...) with what is wrong."""

    def __init__(self, errors: list[tuple[str, str]]):
        super().__init__("; ".join(message for _key, message in errors))
        self.errors = errors


class _Recorder:
    def __init__(self, user):
        self.user = user
        self.errors: list[tuple[str, str]] = []

    def save(self, key: str, record, *, exclude: list[str] | None = None) -> bool:
        try:
            record.full_clean(exclude=exclude)
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                label = "" if name == "__all__" else f"{_field_label(record, name)}: "
                self.errors.extend((key, f"{label}{message}") for message in messages)
            return False
        # Outside a request (a shell, a test) the history middleware knows no user: name it.
        record._history_user = self.user
        record.save()
        return True


def _field_label(record, name: str) -> str:
    try:
        return str(record._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


@transaction.atomic
def visit_record(visit: Visit, *, user) -> Delegation:
    """Save the delegation and everything typed with it, all or nothing (``VisitError`` lists the refusals)."""
    recorder = _Recorder(user)
    delegation = visit.delegation
    if not delegation.slug:
        year = f" {delegation.start_date.year}" if delegation.start_date else ""
        delegation.slug = unique_slug(Delegation, delegation.title[:60] + year, prefix="d")
    if not recorder.save("delegation", delegation):
        raise VisitError(recorder.errors)

    existing = {m.official_id: m for m in delegation.members.all()}
    order = max((m.order for m in existing.values()), default=-1) + 1
    for person in visit.members:
        if _official_for(recorder, person, delegation.origin_country) is None:
            continue
        member = existing.get(person.official.pk)
        if member is None:
            member = DelegationMember(delegation=delegation, official=person.official, order=order)
            order += 1
        elif (member.role, member.position_id) == (person.role, getattr(person.position, "pk", None)):
            continue
        member.role, member.position = person.role, person.position
        if recorder.save(person.key, member):
            existing[person.official.pk] = member

    hosts = [p for p in visit.hosts if _official_for(recorder, p, delegation.host_country) is not None]
    _record_events(recorder, visit, hosts)
    for signing in visit.agreements:
        _record_agreement(recorder, delegation, signing)
    if recorder.errors:
        raise VisitError(recorder.errors)
    return delegation


def _official_for(recorder: _Recorder, person: Person, country: str) -> Official | None:
    """The row's official; a new one is created with the typed name as a name form of its language."""
    if person.official is not None and person.official.pk:
        return person.official
    name = " ".join(person.new_name.split())
    language, script = name_form_of(name)
    official = Official(name=name, country=country, slug=unique_slug(Official, name, prefix="official"))
    if not recorder.save(person.key, official):
        return None
    form = OfficialName(
        official=official,
        name=name,
        language=person.language or language,
        script=person.script or script,
        kind=NameKind.PREFERRED,
    )
    if not recorder.save(person.key, form):
        return None
    person.official = official
    return official


def _record_events(recorder: _Recorder, visit: Visit, hosts: list[Person]) -> list[Event]:
    delegation = visit.delegation
    events = []
    members = list(delegation.members.select_related("official"))
    for item in visit.events:
        day = item.date or delegation.start_date
        event = Event(
            kind=item.kind,
            title=item.title,
            start_date=day,
            start_time=item.start_time,
            city=item.city or delegation.city,
            country=delegation.host_country,
            delegation=delegation,
            status=_event_status(delegation, day),
            slug=unique_slug(Event, item.title[:60], prefix="event"),
        )
        if not recorder.save(item.key, event):
            continue
        events.append(event)
        if item.everyone:
            for member in members:
                head = member.role == MemberRole.HEAD
                role = ParticipantRole.HEAD_OF_DELEGATION if head else ParticipantRole.PARTICIPANT
                participant = EventParticipant(
                    event=event, official=member.official, role=role, position=member.position
                )
                recorder.save(item.key, participant)
            _add_hosts(recorder, event, hosts, item.key)
    if hosts:
        # Hosts exist only as hosts of events: a host typed for a visit that already has a programme joins it.
        programme = list(delegation.events.exclude(pk__in=[e.pk for e in events]))
        for event in programme:
            _add_hosts(recorder, event, hosts, hosts[0].key)
        if not programme and not any(item.everyone for item in visit.events if item.title):
            recorder.errors.append(
                (
                    hosts[0].key,
                    _(
                        "Host counterparts are recorded as the hosts of the visit's events: add an event in which "
                        "all members and hosts take part."
                    ),
                )
            )
    return events


def _add_hosts(recorder: _Recorder, event: Event, hosts: list[Person], key: str) -> None:
    present = set(event.participants.values_list("official_id", flat=True))
    for host in hosts:
        if host.official.pk in present:
            continue
        participant = EventParticipant(
            event=event, official=host.official, role=ParticipantRole.HOST, position=host.position
        )
        if recorder.save(host.key or key, participant):
            present.add(host.official.pk)


def _event_status(delegation: Delegation, day: dt.date | None) -> str:
    held = delegation.status == DelegationStatus.COMPLETED and day is not None and day <= timezone.localdate()
    return EventStatus.HELD if held else EventStatus.PLANNED


def _signing_event(recorder: _Recorder, delegation: Delegation, signing: Signing, day: dt.date) -> Event | None:
    """Where it was signed: the programme's signing ceremony that day, else its first event that day, else a
    signing ceremony made for it, so the agreement stays in the visit's programme."""
    same_day = [e for e in delegation.events.order_by("start_time", "pk") if e.start_date == day]
    same_day.sort(key=lambda e: e.kind != EventKind.SIGNING)
    if same_day:
        return same_day[0]
    title = _("Signing of %(title)s") % {"title": signing.title}
    event = Event(
        kind=EventKind.SIGNING,
        title=title[:400],
        start_date=day,
        city=delegation.city,
        country=delegation.host_country,
        delegation=delegation,
        status=_event_status(delegation, day),
        slug=unique_slug(Event, title[:60], prefix="event"),
    )
    return event if recorder.save(signing.key, event) else None


def _record_agreement(recorder: _Recorder, delegation: Delegation, signing: Signing) -> None:
    day = signing.date or delegation.start_date
    # Signed (or since in force, expired, ended): each party gets a signature dated on the signing day.
    signed = signing.status in SIGNED_STATUSES
    agreement = Agreement(
        kind=signing.kind,
        title=signing.title,
        status=signing.status,
        status_date=day if signed else None,
        slug=unique_slug(Agreement, signing.title[:60], prefix="agreement"),
    )
    if day is not None:
        agreement.signed_at = _signing_event(recorder, delegation, signing, day) if signed else None
    if not recorder.save(signing.key, agreement):
        return
    sides = ((delegation.origin_country, signing.origin_signatory), (delegation.host_country, signing.host_signatory))
    for order, (country, signatory) in enumerate(sides):
        party = AgreementParty(agreement=agreement, country=country, order=order)
        if not recorder.save(signing.key, party):
            continue
        if signed and day is not None:
            recorder.save(signing.key, AgreementAction(party=party, kind=ActionKind.SIGNATURE, date=day))
        if signatory is not None and signatory.official is not None and signatory.official.pk:
            position = signatory.position or (signatory.official.position_on(day) if day else None)
            recorder.save(
                signing.key,
                AgreementSignatory(agreement=agreement, official=signatory.official, party=party, position=position),
            )

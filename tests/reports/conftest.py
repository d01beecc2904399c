"""Data for the report tests: a small world built with the shared factories, and a way to grow it."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from cooperation.models import AgreementStatus, DelegationStatus, MemberRole, ParticipantRole
from tests import factories as f


def build_world(*, size: int, start_year: int = 2023) -> None:
    """``size`` delegations each way per partner, with members, events, agreements and programmes."""
    topics = [
        f.TopicFactory(slug=f"digital-{i}", name=f"Digital government {i}", name_ru=f"Цифровое правительство {i}")
        for i in range(3)
    ]
    for i in range(size):
        for country in ("BY", "KZ", "KR"):
            head = f.OfficialFactory(country=country, names=[f"Официальное лицо {country} {i}"])
            position = f.PositionFactory(
                official=head, title=f"Deputy Minister {country} {i}", title_ru="Заместитель министра"
            )
            incoming = f.DelegationFactory(
                origin_country=country,
                host_country="AE",
                start_date=dt.date(start_year + i % 3, 3 + i % 9, 10),
                end_date=dt.date(start_year + i % 3, 3 + i % 9, 12),
                topics=[topics[i % 3]],
            )
            f.DelegationMemberFactory(delegation=incoming, official=head, role=MemberRole.HEAD, position=position)
            f.DelegationMemberFactory(delegation=incoming, official=f.OfficialFactory(country=country))
            outgoing = f.DelegationFactory(
                origin_country="AE",
                host_country=country,
                start_date=dt.date(start_year + 1, 5, 1 + i % 27),
                end_date=None,
                status=DelegationStatus.PLANNED,
            )
            f.DelegationMemberFactory(
                delegation=outgoing, official=f.OfficialFactory(country="AE"), role=MemberRole.HEAD
            )
            event = f.EventFactory(delegation=incoming, start_date=incoming.start_date, topics=[topics[0]])
            f.EventParticipantFactory(
                event=event, official=head, role=ParticipantRole.HEAD_OF_DELEGATION, position=position
            )
            agreement = f.AgreementFactory(
                status=AgreementStatus.SIGNED, signed_at=event, status_date=incoming.start_date
            )
            party = f.AgreementPartyFactory(agreement=agreement, country=country)
            f.AgreementPartyFactory(agreement=agreement, country="AE")
            f.AgreementActionFactory(party=party, date=incoming.start_date)
            f.AgreementSignatoryFactory(agreement=agreement, official=head, party=party, position=position)
            stalled = f.AgreementFactory(status=AgreementStatus.UNDER_NEGOTIATION, status_date=dt.date(2024, 1, 1))
            f.AgreementPartyFactory(agreement=stalled, country=country)
            programme = f.TrainingProgrammeFactory(beneficiary_country=country, year=start_year + i % 3)
            f.ProgrammeParticipantFactory(programme=programme, official=f.OfficialFactory(country=country))


# Reports read "today" (coming vs. latest, stalled negotiations, the calendar window), and the factories' records
# carry fixed dates: each report test runs on this fixed day so that none ages out as the calendar moves.
# The clock still ticks from there, so timeouts and sessions behave as usual.
REPORT_DAY = dt.datetime(2026, 1, 15, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def report_day():
    with time_machine.travel(REPORT_DAY, tick=True):
        yield REPORT_DAY.date()


@pytest.fixture
def reader(db):
    """A manager allowed to open the reports."""
    return f.UserFactory(username="mariam.reader", groups=["Managers"])


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client

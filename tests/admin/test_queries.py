"""Changelists run a fixed number of queries however many rows they show."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db

CHANGELISTS = ("official", "organisation", "position", "delegation", "event", "agreement", "trainingprogramme")


def _add_rows(count: int) -> None:
    for _ in range(count):
        official = f.OfficialFactory(names=["Иванова Анна"])
        position = f.PositionFactory(official=official)
        delegation = f.DelegationFactory(topics=[f.TopicFactory()])
        f.DelegationMemberFactory(delegation=delegation, official=official, role="head", position=position)
        f.DelegationMemberFactory(delegation=delegation)
        event = f.EventFactory(delegation=delegation, parent=f.EventFactory())
        f.EventParticipantFactory(event=event, official=official)
        agreement = f.AgreementFactory(signed_at=event)
        party = f.AgreementPartyFactory(agreement=agreement, country="", organisation=f.OrganisationFactory())
        f.AgreementActionFactory(party=party)
        f.AgreementSignatoryFactory(agreement=agreement, official=official, party=party)
        programme = f.TrainingProgrammeFactory(agreement=agreement, beneficiary_country="")
        f.ProgrammeStageFactory(programme=programme)
        f.ProgrammeCountryFactory(programme=programme)


@pytest.mark.parametrize("model_name", CHANGELISTS)
def test_the_changelist_query_count_does_not_grow_with_rows(staff_client, django_assert_max_num_queries, model_name):
    url = reverse(f"admin:cooperation_{model_name}_changelist")
    _add_rows(2)
    with CaptureQueriesContext(connection) as few:
        assert staff_client.get(url).status_code == 200
    _add_rows(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = staff_client.get(url)
    assert response.context["cl"].result_count >= 10

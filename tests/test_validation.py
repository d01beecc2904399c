"""What forms and imports refuse before saving, with a message in the user's language: a status that states a past
fact with a date still to come, another official's position for a person in a role."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import override

from cooperation import models as m
from tests import factories as f

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
SOON = TODAY + dt.timedelta(days=10)
LAST_WEEK = TODAY - dt.timedelta(days=7)


def _errors(record) -> dict[str, list[str]]:
    try:
        record.clean()
    except ValidationError as exc:
        return exc.message_dict
    return {}


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (m.Delegation(origin_country="RW", host_country="AE", status="completed", start_date=SOON), "start_date"),
        (m.Event(kind="meeting", status="held", start_date=SOON), "start_date"),
        (m.Agreement(kind="mou", status="signed", status_date=SOON), "status_date"),
        (m.Agreement(kind="mou", status="in_force", status_date=SOON), "status_date"),
        (m.TrainingProgramme(status="completed", start_date=LAST_WEEK, end_date=SOON), "end_date"),
        (m.TrainingProgramme(status="running", start_date=SOON), "start_date"),
    ],
)
def test_a_past_fact_with_a_future_date_is_refused_on_its_date(record, field):
    errors = _errors(record)
    assert list(errors) == [field]
    assert SOON.isoformat() in errors[field][0]


@pytest.mark.parametrize(
    "record",
    [
        m.Delegation(origin_country="RW", host_country="AE", status="planned", start_date=SOON),
        m.Delegation(origin_country="RW", host_country="AE", status="completed", start_date=TODAY),
        m.Event(kind="meeting", status="held", start_date=LAST_WEEK),
        m.Event(kind="meeting", status="held", start_date=None),
        m.Agreement(kind="mou", status="under_negotiation", status_date=SOON),
        m.Agreement(kind="mou", status="signed", status_date=LAST_WEEK),
        m.TrainingProgramme(status="running", start_date=LAST_WEEK, end_date=SOON),
    ],
)
def test_plans_and_past_facts_with_past_dates_pass(record):
    assert _errors(record) == {}


@pytest.mark.parametrize(("language", "word"), [("en", "still to come"), ("ru", "ещё не наступил"), ("ar", "لم يأت")])
def test_the_message_is_in_the_user_s_language(language, word):
    with override(language):
        errors = _errors(m.Event(kind="meeting", status="held", start_date=SOON))
        assert word in errors["start_date"][0]


def test_a_member_s_position_must_be_one_of_theirs():
    mine, theirs = f.PositionFactory(), f.PositionFactory()
    delegation = f.DelegationFactory()
    member = m.DelegationMember(delegation=delegation, official=mine.official, position=theirs)
    with pytest.raises(ValidationError) as refused:
        member.full_clean()
    assert list(refused.value.message_dict) == ["position"]
    assert theirs.title in refused.value.message_dict["position"][0]
    member.position = mine
    member.full_clean()


@pytest.mark.parametrize(
    ("model", "parent"),
    [("EventParticipant", "event"), ("AgreementSignatory", "agreement"), ("ProgrammeParticipant", "programme")],
)
def test_every_person_in_a_role_takes_only_their_own_position(model, parent):
    mine, theirs = f.PositionFactory(), f.PositionFactory()
    factory = {"event": f.EventFactory, "agreement": f.AgreementFactory, "programme": f.TrainingProgrammeFactory}
    record = getattr(m, model)(**{parent: factory[parent](), "official": mine.official, "position": theirs})
    assert "position" in _errors(record)

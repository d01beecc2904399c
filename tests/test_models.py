"""The database itself refuses records that break the office's invariants."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core import serializers
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from cooperation.models import (
    Agreement,
    AgreementParty,
    Citation,
    Delegation,
    DelegationMember,
    Event,
    Official,
    OfficialName,
    Organisation,
    Position,
    ProgrammeStage,
    SourceDocument,
    TrainingProgramme,
)
from cooperation.names import normalize, search_key

pytestmark = pytest.mark.django_db


def refused(create) -> bool:
    """True when the database rejects what ``create`` writes (constraint, not Python validation)."""
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


@pytest.fixture
def official():
    return Official.objects.create(slug="yulia-shapkina", name="Yulia Shapkina", country="BY")


@pytest.fixture
def delegation():
    return Delegation.objects.create(
        slug="by-ae-2025-10", title="Belarusian delegation", origin_country="BY", host_country="AE"
    )


VISIT, MEETING = {"origin_country": "BY", "host_country": "AE"}, {"kind": "meeting"}


@pytest.mark.parametrize(
    ("model", "fields", "start", "end", "is_refused"),
    [
        pytest.param(Delegation, VISIT, dt.date(2025, 10, 17), dt.date(2025, 10, 14), True, id="end-before-start"),
        pytest.param(Event, MEETING, None, dt.date(2025, 1, 1), True, id="end-without-start"),
        pytest.param(Event, MEETING, dt.date(2025, 1, 1), dt.date(2025, 1, 1), False, id="one-day"),
    ],
)
def test_an_end_before_the_start_is_refused_by_the_database(model, fields, start, end, is_refused):
    def create():
        return model.objects.create(slug="x", title="x", start_date=start, end_date=end, **fields)

    assert refused(create) is is_refused


def test_a_stage_and_a_position_also_keep_their_dates_in_order(official):
    programme = TrainingProgramme.objects.create(slug="kel-2024", title="KEL 2024")
    assert refused(
        lambda: ProgrammeStage.objects.create(
            programme=programme,
            number=1,
            title="Offline",
            mode="offline",
            start_date=dt.date(2024, 5, 17),
            end_date=dt.date(2024, 5, 15),
        )
    )
    assert refused(
        lambda: Position.objects.create(
            official=official, title="Minister", start_date=dt.date(2024, 1, 1), end_date=dt.date(2023, 1, 1)
        )
    )


def test_a_delegation_cannot_visit_its_own_country():
    assert refused(lambda: Delegation.objects.create(slug="x", title="x", origin_country="AE", host_country="AE"))


def test_a_delegation_has_at_most_one_head(delegation, official):
    other = Official.objects.create(slug="sergey-rudnev", name="Sergey Rudnev", country="BY")
    DelegationMember.objects.create(delegation=delegation, official=official, role="head")
    assert refused(lambda: DelegationMember.objects.create(delegation=delegation, official=other, role="head"))
    DelegationMember.objects.create(delegation=delegation, official=other, role="member")
    assert delegation.head == official


def test_the_same_official_is_a_member_once(delegation, official):
    DelegationMember.objects.create(delegation=delegation, official=official)
    assert refused(lambda: DelegationMember.objects.create(delegation=delegation, official=official))


def test_natural_keys_are_unique(official):
    assert refused(lambda: Official.objects.create(slug="yulia-shapkina", name="Someone else"))
    OfficialName.objects.create(official=official, name="Шапкиной Ю.А.", language="ru")
    assert refused(lambda: OfficialName.objects.create(official=official, name="Шапкиной Ю.А.", language="ru"))


def test_an_agreement_party_is_a_country_or_an_organisation_never_both_or_neither():
    agreement = Agreement.objects.create(slug="epa", kind="agreement", title="EAEU–UAE EPA")
    eaeu = Organisation.objects.create(slug="eaeu", name="Eurasian Economic Union", kind="bloc")
    assert refused(lambda: AgreementParty.objects.create(agreement=agreement))
    assert refused(lambda: AgreementParty.objects.create(agreement=agreement, country="AE", organisation=eaeu))
    AgreementParty.objects.create(agreement=agreement, organisation=eaeu)
    AgreementParty.objects.create(agreement=agreement, country="AE")
    assert refused(lambda: AgreementParty.objects.create(agreement=agreement, country="AE"))
    assert refused(lambda: AgreementParty.objects.create(agreement=agreement, organisation=eaeu))


def test_a_citation_points_at_exactly_one_record(official, delegation):
    source = SourceDocument.objects.create(slug="wam", title="Belarusian delegation visits", language="en")
    assert refused(lambda: Citation.objects.create(source=source, passage="no target"))
    assert refused(
        lambda: Citation.objects.create(source=source, official=official, delegation=delegation, passage="x")
    )
    citation = Citation.objects.create(source=source, official=official, passage="Deputy Minister")
    assert citation.target == official
    assert citation.natural_key() == ("wam", "official", "yulia-shapkina")


def test_deleting_an_official_with_history_is_protected(delegation, official):
    DelegationMember.objects.create(delegation=delegation, official=official)
    with pytest.raises(ProtectedError):
        official.delete()


def test_deleting_a_source_that_backs_a_fact_is_protected(official):
    source = SourceDocument.objects.create(slug="wam", title="t", language="en")
    Citation.objects.create(source=source, official=official, passage="p")
    with pytest.raises(ProtectedError):
        source.delete()


def test_an_organisation_and_an_event_cannot_be_their_own_parent():
    organisation = Organisation.objects.create(slug="mca", name="Ministry of Cabinet Affairs")
    organisation.parent = organisation
    assert refused(organisation.save)
    event = Event.objects.create(slug="wgs", kind="summit", title="WGS")
    event.parent = event
    assert refused(event.save)


def test_the_position_held_on_a_day_answers_what_title_she_had_when_she_signed(official):
    Position.objects.create(
        official=official,
        title="Head of Department",
        start_date=dt.date(2019, 1, 1),
        start_precision="year",
        end_date=dt.date(2023, 6, 1),
        end_precision="month",
    )
    Position.objects.create(
        official=official, title="Deputy Minister", start_date=dt.date(2023, 7, 1), start_precision="month"
    )
    official = Official.objects.prefetch_related("positions").get(pk=official.pk)
    assert official.position_on(dt.date(2023, 6, 30)).title == "Head of Department"  # June 2023 is inclusive
    assert official.position_on(dt.date(2025, 10, 14)).title == "Deputy Minister"
    assert official.position_on(dt.date(2018, 12, 31)) is None


def test_name_forms_carry_hidden_search_keys_and_their_script(official):
    genitive = OfficialName.objects.create(official=official, name="Шапкиной Ю.А.", language="ru")
    latin = OfficialName.objects.create(official=official, name="Yulia Shapkina", language="en")
    assert genitive.script == "Cyrl" and latin.script == "Latn"
    assert "shapkin" in genitive.search_key and "shapkin" in latin.search_key


def test_a_name_form_loaded_without_its_keys_gets_them_from_the_model(official):
    # loaddata saves raw (no save()): fixtures and backups carry the name, the model derives the rest.
    entry = {
        "model": "cooperation.officialname",
        "fields": {"official": ["yulia-shapkina"], "name": "Шапкиной Ю.А.", "language": "ru"},
    }
    for obj in serializers.deserialize("json", json.dumps([entry]), handle_forward_references=True):
        obj.save()
    loaded = OfficialName.objects.get(official=official)
    assert (loaded.script, loaded.normalized, loaded.search_key) == (
        "Cyrl",
        normalize("Шапкиной Ю.А."),
        search_key("Шапкиной Ю.А."),
    )


def test_a_record_shows_its_name_in_the_readers_language_with_a_fallback(official):
    OfficialName.objects.create(official=official, name="Юлия Шапкина", language="ru", kind="preferred")
    OfficialName.objects.create(official=official, name="Шапкиной Ю.А.", language="ru", kind="as_written")
    official = Official.objects.prefetch_related("names").get(pk=official.pk)
    assert official.display_name("ru") == "Юлия Шапкина"
    assert official.display_name("ar") == "Yulia Shapkina"
    assert official.display_name("en") == "Yulia Shapkina"
    event = Event.objects.create(slug="m", kind="meeting", title="Meeting", title_ru="Встреча")
    assert event.localized("title", "ru") == "Встреча"
    assert event.localized("title", "ar") == "Meeting"


def test_saving_moves_updated_at_even_with_update_fields(official):
    before = official.updated_at
    official.honorific_prefix = "H.E."
    official.save(update_fields=["honorific_prefix"])
    official.refresh_from_db()
    assert official.updated_at > before

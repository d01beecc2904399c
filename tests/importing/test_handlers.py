"""Accepting a candidate creates its record with the relations the extraction names, in whatever order."""

from __future__ import annotations

import pytest
from django.utils import translation

from cooperation.importing.extraction.topics import extract_topics
from cooperation.importing.handlers import handler_for
from cooperation.importing.models import CandidateKind
from cooperation.importing.services.review import ReviewError, candidate_accept, candidate_reject
from cooperation.models import (
    ActionKind,
    Agreement,
    AgreementAction,
    Delegation,
    Event,
    MemberRole,
    OrganisationKind,
    ParticipantRole,
    Topic,
    TrainingProgramme,
)
from tests import factories as f

PEOPLE = [
    {"name": "Bolormaa Tsendsuren", "normal": "Bolormaa Tsendsuren", "forms": [], "country": "MN"},
    {"name": "Ganbold Erdene", "normal": "Ganbold Erdene", "forms": [], "country": "MN"},
    {"name": "Oyun Batbayar", "normal": "Oyun Batbayar", "forms": [], "country": "MN"},
    {"name": "Fatima Al Kaabi", "normal": "Fatima Al Kaabi", "forms": [], "country": "AE"},
]
VISIT = {
    "origin_country": "MN",
    "host_country": "AE",
    "city": "Abu Dhabi",
    "start": "2025-03-04",
    "end": "2025-03-07",
    "precision": "day",
    "head": "Bolormaa Tsendsuren",
    "members": ["Ganbold Erdene", "Oyun Batbayar"],
    "host_officials": ["Fatima Al Kaabi"],
    "title": "Mongolian delegation studies UAE services",
}
MEETING = {
    "kind": "meeting",
    "title": "Meeting at the Government Experience Exchange Office",
    "start": "2025-03-05",
    "end": None,
    "precision": "day",
    "city": "Dubai",
    "country": "AE",
    "countries": ["AE", "MN"],
    "participants": [{"name": "Bolormaa Tsendsuren", "role": "head_of_delegation"}],
    "delegation": 0,
    "cue": "meeting",
}
MOU = {
    "title": "Memorandum of understanding on government modernisation",
    "kind": "mou",
    "status": "signed",
    "parties": ["MN", "AE"],
    "party_organisations": ["Government Experience Exchange Office"],
    "signatories": [{"name": "Bolormaa Tsendsuren", "party": "MN"}, {"name": "Fatima Al Kaabi", "party": "AE"}],
    "signed_date": "2025-03-06",
    "precision": "day",
    "event": 0,
}


@pytest.fixture
def visit(extracted):
    return extracted(people=PEOPLE, delegations=[VISIT], events=[MEETING], agreements=[MOU])


def accept(doc, kind: str, user, index: int = 0, **corrections):
    candidate = doc.candidates.filter(kind=kind).order_by("order")[index]
    return candidate_accept(candidate_id=candidate.pk, user=user, **corrections)


def accept_person(doc, normal: str, user):
    candidate = doc.candidates.get(kind=CandidateKind.PERSON, value__normal=normal)
    return candidate_accept(candidate_id=candidate.pk, user=user)


def test_accepting_a_delegation_with_head_and_members_creates_the_members_with_roles(visit, protocol_staff):
    people = {p["normal"]: accept_person(visit, p["normal"], protocol_staff).target_id for p in PEOPLE[:3]}
    delegation = Delegation.objects.get(pk=accept(visit, CandidateKind.DELEGATION, protocol_staff).target_id)
    assert (delegation.origin_country.code, delegation.host_country.code, delegation.city) == ("MN", "AE", "Abu Dhabi")
    assert (str(delegation.start_date), str(delegation.end_date)) == ("2025-03-04", "2025-03-07")
    assert set(delegation.members.values_list("official_id", "role")) == {
        (people["Bolormaa Tsendsuren"], MemberRole.HEAD),
        (people["Ganbold Erdene"], MemberRole.MEMBER),
        (people["Oyun Batbayar"], MemberRole.MEMBER),
    }


def test_a_person_accepted_after_the_delegation_joins_it(visit, protocol_staff):
    delegation = Delegation.objects.get(pk=accept(visit, CandidateKind.DELEGATION, protocol_staff).target_id)
    assert not delegation.members.exists()  # nobody accepted yet: relations wait for their people
    head = accept_person(visit, "Bolormaa Tsendsuren", protocol_staff)
    assert delegation.head.pk == head.target_id


def test_a_rejected_person_is_left_out_of_the_delegation(visit, protocol_staff):
    candidate_reject(
        candidate_id=visit.candidates.get(value__normal="Ganbold Erdene").pk,
        user=protocol_staff,
    )
    accept_person(visit, "Oyun Batbayar", protocol_staff)
    delegation = Delegation.objects.get(pk=accept(visit, CandidateKind.DELEGATION, protocol_staff).target_id)
    assert list(delegation.members.values_list("official__name", flat=True)) == ["Oyun Batbayar"]


def test_an_event_belongs_to_its_delegation_with_participants_and_hosts(visit, protocol_staff):
    head = accept_person(visit, "Bolormaa Tsendsuren", protocol_staff).target_id
    host = accept_person(visit, "Fatima Al Kaabi", protocol_staff).target_id
    event = Event.objects.get(pk=accept(visit, CandidateKind.EVENT, protocol_staff).target_id)
    assert event.delegation_id is None  # the delegation is not accepted yet
    assert (event.kind, event.city, event.country.code, str(event.start_date)) == (
        "meeting",
        "Dubai",
        "AE",
        "2025-03-05",
    )
    assert set(event.participants.values_list("official_id", "role")) == {
        (head, ParticipantRole.HEAD_OF_DELEGATION),
        (host, ParticipantRole.HOST),
    }
    delegation = accept(visit, CandidateKind.DELEGATION, protocol_staff)
    event.refresh_from_db()
    assert event.delegation_id == delegation.target_id


def test_an_agreement_gets_parties_signatories_and_a_signature_date(visit, protocol_staff):
    office = f.OrganisationFactory(name="Government Experience Exchange Office", country="AE")
    signer = accept_person(visit, "Bolormaa Tsendsuren", protocol_staff).target_id
    event = accept(visit, CandidateKind.EVENT, protocol_staff).target_id
    agreement = Agreement.objects.get(pk=accept(visit, CandidateKind.AGREEMENT, protocol_staff).target_id)
    assert (agreement.kind, agreement.status, str(agreement.status_date)) == ("mou", "signed", "2025-03-06")
    assert agreement.signed_at_id == event
    parties = list(agreement.parties.order_by("order"))
    assert [(p.country.code, p.organisation_id) for p in parties] == [("MN", None), ("AE", None), ("", office.pk)]
    assert list(agreement.signatories.values_list("official_id", "party__country")) == [(signer, "MN")]
    actions = AgreementAction.objects.filter(party__agreement=agreement)
    assert {(a.party_id, a.kind, str(a.date)) for a in actions} == {
        (p.pk, ActionKind.SIGNATURE, "2025-03-06") for p in parties
    }
    # The other signatory, accepted afterwards, signs for her party.
    other = accept_person(visit, "Fatima Al Kaabi", protocol_staff).target_id
    assert agreement.signatories.get(official_id=other).party.country.code == "AE"


def test_a_programme_is_provided_by_the_government_of_its_country(extracted, protocol_staff):
    government = f.OrganisationFactory(name="Government of the UAE", country="AE", kind=OrganisationKind.GOVERNMENT)
    doc = extracted(
        programmes=[
            {
                "title": "Government Experience Exchange Programme",
                "year": 2025,
                "participant_count": 40,
                "provider": "AE",
                "provider_organisation": "",
                "beneficiary": "MN",
                "countries": ["MN"],
            }
        ]
    )
    programme = TrainingProgramme.objects.get(pk=accept(doc, CandidateKind.PROGRAMME, protocol_staff).target_id)
    assert (programme.provider_id, programme.provider_country.code, programme.beneficiary_country.code) == (
        government.pk,
        "AE",
        "MN",
    )
    assert (programme.year, programme.participant_count) == (2025, 40)


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "Training of officials of Rwanda by Singapore"), ("ru", "Обучение специалистов: Руанда — Сингапур")],
)
def test_a_programme_the_article_does_not_name_is_named_after_its_sides_not_its_sentence(
    extracted, protocol_staff, language, title
):
    sentence = "The college has trained 40 Rwandan officials since 2015, the minister told reporters on Monday."
    programme = {"title": sentence, "named": False, "year": 2024, "participant_count": 40, "provider": "SG"}
    doc = extracted(language=language, programmes=[{**programme, "beneficiary": "RW", "countries": ["RW"]}])
    candidate = doc.candidates.get(kind=CandidateKind.PROGRAMME)
    assert candidate.label == candidate.value["title"] == title
    record = TrainingProgramme.objects.get(pk=accept(doc, CandidateKind.PROGRAMME, protocol_staff).target_id)
    assert record.title == title


def test_dropping_a_member_before_accept_leaves_it_out(visit, protocol_staff):
    for person in PEOPLE[:3]:
        accept_person(visit, person["normal"], protocol_staff)
    # The page lists the head first, then the members: unchecking index 1 drops Ganbold Erdene.
    accepted = accept(visit, CandidateKind.DELEGATION, protocol_staff, keep={"members": {0, 2}})
    delegation = Delegation.objects.get(pk=accepted.target_id)
    assert set(delegation.members.values_list("official__name", flat=True)) == {"Bolormaa Tsendsuren", "Oyun Batbayar"}
    assert accepted.value["members"] == ["Oyun Batbayar"]


def test_editing_the_title_before_accept_is_what_is_saved(visit, protocol_staff):
    accepted = accept(
        visit,
        CandidateKind.DELEGATION,
        protocol_staff,
        edits={"title": "Mongolian e-government delegation", "host_country": "AE"},
    )
    delegation = Delegation.objects.get(pk=accepted.target_id)
    assert delegation.title == "Mongolian e-government delegation"
    assert accepted.value["edited"] == ["title"]


def test_correcting_a_person_keeps_the_relations_that_name_the_extracted_form(visit, protocol_staff):
    candidate = visit.candidates.get(value__normal="Bolormaa Tsendsuren")
    person = candidate_accept(candidate_id=candidate.pk, user=protocol_staff, edits={"normal": "Tsendsuren Bolormaa"})
    delegation = Delegation.objects.get(pk=accept(visit, CandidateKind.DELEGATION, protocol_staff).target_id)
    assert delegation.head.pk == person.target_id and delegation.head.name == "Tsendsuren Bolormaa"


def test_an_event_without_a_title_is_refused_with_a_message(extracted, protocol_staff):
    doc = extracted(events=[{**MEETING, "title": "", "delegation": None}])
    with pytest.raises(ReviewError, match="title is missing"):
        accept(doc, CandidateKind.EVENT, protocol_staff)
    assert not Event.objects.exists()


def test_a_delegation_to_its_own_country_is_refused_by_the_models_rules(visit, protocol_staff):
    with pytest.raises(ReviewError, match="host country"):
        accept(visit, CandidateKind.DELEGATION, protocol_staff, edits={"host_country": "MN"})
    assert not Delegation.objects.exists()


def test_an_event_candidate_is_labelled_in_the_articles_words_not_by_its_code():
    handler = handler_for(CandidateKind.EVENT)
    assert handler.label({"kind": "meeting", "title": "Встреча — Минск"}) == "Встреча — Минск"
    assert handler.label({"kind": "signing", "title": ""}) == "signing ceremony"


@pytest.mark.parametrize(("language", "label"), [("ar", "القيادة"), ("ru", "Лидерство"), ("en", "Leadership")])
def test_a_topic_is_proposed_in_the_articles_language_and_created_with_all_three_names(
    extracted, protocol_staff, language, label
):
    text = {"ar": "برنامج في القيادة للموظفين", "ru": "курс по лидерству для госслужащих", "en": "a leadership course"}
    [topic] = [item.as_dict() for item in extract_topics(text[language])]
    doc = extracted(language=language, topics=[topic])
    candidate = doc.candidates.get(kind=CandidateKind.TOPIC)
    assert candidate.label == label
    created = Topic.objects.get(pk=accept(doc, CandidateKind.TOPIC, protocol_staff).target_id)
    assert (created.name, created.name_ru, created.name_ar) == ("Leadership", "Лидерство", "القيادة")


@pytest.mark.parametrize(
    ("language", "shown"), [("ar", "وفد منغوليا إلى الإمارات"), ("en", "Delegation of Mongolia to")]
)
def test_a_delegations_proposed_name_is_shown_in_the_reviewers_language(language, shown):
    with translation.override(language):
        rows = dict(handler_for(CandidateKind.DELEGATION).preview({**VISIT, "title": ""}))
    assert next(iter(rows.values())).startswith(shown)

from __future__ import annotations

import pytest

from cooperation.importing.models import CandidateKind, Decision, ImportedDocument, ImportStatus
from cooperation.importing.services import (
    ReviewError,
    candidate_accept,
    candidate_merge,
    candidate_reject,
    document_submit,
    hand_edited_fields,
    merge_preview,
)
from cooperation.models import Citation, Delegation, NameKind, Official, SourceDocument
from tests import factories as f

from .conftest import document


@pytest.fixture
def imported(db, django_capture_on_commit_callbacks):
    def _imported(name: str) -> ImportedDocument:
        with django_capture_on_commit_callbacks(execute=True):
            doc = document_submit(data=document(name), name=name).document
        return ImportedDocument.objects.get(pk=doc.pk)

    return _imported


def person(doc: ImportedDocument, normal: str):
    return doc.candidates.get(kind=CandidateKind.PERSON, value__normal=normal)


def test_accepting_a_person_creates_the_official_with_names_position_and_a_citation(imported, protocol_staff):
    doc = imported("ru_meeting_kyrgyzstan.txt")
    candidate = candidate_accept(candidate_id=person(doc, "Валерий Громыко").pk, user=protocol_staff)
    official = Official.objects.get(pk=candidate.target_id)
    assert official.name == "Валерий Громыко" and official.slug == "valeriy-gromyko"
    assert {"Валерия Громыко", "Валерием Громыко"} <= set(official.names.values_list("name", flat=True))
    assert official.positions.get().title_ru == "заместитель Министра цифрового развития"
    source = SourceDocument.objects.get(sha256=doc.sha256)
    citation = Citation.objects.get(source=source, official=official)
    assert "Валерия Громыко" in citation.passage
    assert citation.locator == f"characters {candidate.evidence_start}–{candidate.evidence_end}"


def test_accepted_records_are_in_history_with_the_officer_as_user(imported, protocol_staff):
    doc = imported("en_visit_mongolia.txt")
    candidate = candidate_accept(candidate_id=person(doc, "Bolormaa Tsendsuren").pk, user=protocol_staff)
    record = Official.objects.get(pk=candidate.target_id).history.get()
    assert (record.history_user, record.history_type, record.history_change_reason) == (protocol_staff, "+", "import")


def test_merging_adds_name_forms_and_position_and_keeps_values_edited_by_hand(imported, protocol_staff, client):
    official = f.OfficialFactory(name="Valery Gromyko", slug="valery-gromyko", country="")
    # An officer sets the honorific by hand in the admin (a history row with a user and no import reason).
    official.honorific_prefix = "Dr"
    official._history_user = protocol_staff
    official.save()
    doc = imported("ru_meeting_kyrgyzstan.txt")
    candidate = person(doc, "Валерий Громыко")
    candidate.value = {**candidate.value, "honorific": "H.E.", "country": "BY"}
    candidate.save()
    assert "honorific_prefix" in hand_edited_fields(official)
    preview = {row["field"]: row for row in merge_preview(candidate=candidate, target_id=official.pk)}
    assert preview["honorific_prefix"]["action"] == "keep" and preview["honorific_prefix"]["reason"] == "edited by hand"
    assert preview["country"]["action"] == "fill"
    candidate_merge(candidate_id=candidate.pk, target_id=official.pk, user=protocol_staff)
    official.refresh_from_db()
    assert official.honorific_prefix == "Dr" and official.country.code == "BY"
    assert official.names.filter(name="Валерия Громыко", kind=NameKind.AS_WRITTEN).exists()
    assert official.positions.filter(title="заместитель Министра цифрового развития").exists()
    assert Citation.objects.filter(official=official).count() == 1


def test_a_value_set_by_an_earlier_import_may_be_updated_by_a_later_one(imported, protocol_staff):
    doc = imported("en_visit_mongolia.txt")
    created = candidate_accept(candidate_id=person(doc, "Oyun Batbayar").pk, user=protocol_staff)
    official = Official.objects.get(pk=created.target_id)
    assert hand_edited_fields(official) == set()


def test_accepting_a_delegation_links_the_people_already_accepted(imported, protocol_staff):
    doc = imported("en_visit_mongolia.txt")
    head = candidate_accept(candidate_id=person(doc, "Bolormaa Tsendsuren").pk, user=protocol_staff)
    member = candidate_accept(candidate_id=person(doc, "Ganbold Erdene").pk, user=protocol_staff)
    delegation_candidate = doc.candidates.get(kind=CandidateKind.DELEGATION)
    accepted = candidate_accept(candidate_id=delegation_candidate.pk, user=protocol_staff)
    delegation = Delegation.objects.get(pk=accepted.target_id)
    assert (delegation.origin_country.code, delegation.host_country.code) == ("MN", "AE")
    assert (str(delegation.start_date), str(delegation.end_date)) == ("2025-03-04", "2025-03-07")
    assert delegation.head.pk == head.target_id
    assert set(delegation.members.values_list("official_id", flat=True)) == {head.target_id, member.target_id}
    assert Citation.objects.filter(delegation=delegation).exists()


def test_a_candidate_is_decided_once(imported, protocol_staff):
    doc = imported("ar_mou_jordan.txt")
    candidate = doc.candidates.first()
    candidate_reject(candidate_id=candidate.pk, user=protocol_staff)
    with pytest.raises(ReviewError, match="already decided"):
        candidate_accept(candidate_id=candidate.pk, user=protocol_staff)
    assert doc.candidates.get(pk=candidate.pk).decision == Decision.REJECTED


def test_a_failed_accept_writes_nothing(imported, protocol_staff):
    doc = imported("en_visit_mongolia.txt")
    candidate = doc.candidates.get(kind=CandidateKind.DELEGATION)
    candidate.value = {**candidate.value, "host_country": ""}
    candidate.save()
    with pytest.raises(ReviewError, match="host country"):
        candidate_accept(candidate_id=candidate.pk, user=protocol_staff)
    assert not SourceDocument.objects.exists() and not Delegation.objects.exists()
    assert doc.candidates.get(pk=candidate.pk).decision == Decision.PENDING


def test_deciding_every_candidate_marks_the_document_reviewed(imported, protocol_staff):
    doc = imported("xss_note.txt")
    for candidate in doc.candidates.all():
        candidate_reject(candidate_id=candidate.pk, user=protocol_staff)
    assert ImportedDocument.objects.get(pk=doc.pk).status == ImportStatus.REVIEWED

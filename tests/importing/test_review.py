from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperation.importing.models import CandidateKind, Decision, ImportedDocument, ImportStatus
from cooperation.importing.services.intake import document_submit
from cooperation.importing.services.review import (
    ReviewError,
    candidate_accept,
    candidate_merge,
    candidate_reject,
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


def test_merging_adds_name_forms_and_position_and_keeps_values_edited_by_hand(imported, protocol_staff):
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


def test_accepting_a_delegation_links_the_people_already_accepted(extracted, protocol_staff):
    doc = extracted(
        people=[
            {"name": "Bolormaa Tsendsuren", "normal": "Bolormaa Tsendsuren", "forms": [], "country": "MN"},
            {"name": "Ganbold Erdene", "normal": "Ganbold Erdene", "forms": [], "country": ""},
        ],
        delegations=[
            {
                "origin_country": "MN",
                "host_country": "AE",
                "start": "2025-03-04",
                "end": "2025-03-07",
                "precision": "day",
                "head": "Bolormaa Tsendsuren",
                "members": ["Ganbold Erdene"],
            }
        ],
    )
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


def test_merging_a_person_adds_an_as_written_name_and_keeps_one_preferred(extracted, protocol_staff):
    official = f.OfficialFactory(name="Yulia Shapkina", slug="yulia-shapkina", country="BY")
    f.OfficialNameFactory(official=official, name="Юлия Шапкина", language="ru", kind=NameKind.PREFERRED)
    doc = extracted(
        language="ru",
        people=[{"name": "Шапкиной Ю.А.", "normal": "Шапкина Ю.А.", "forms": ["Шапкиной Ю.А."], "country": "BY"}],
    )
    candidate = doc.candidates.get()
    assert candidate.preselected_id == official.pk
    candidate_merge(candidate_id=candidate.pk, target_id=official.pk, user=protocol_staff)
    names = dict(official.names.values_list("name", "kind"))
    assert names == {
        "Юлия Шапкина": NameKind.PREFERRED,
        "Шапкина Ю.А.": NameKind.AS_WRITTEN,
        "Шапкиной Ю.А.": NameKind.AS_WRITTEN,
    }


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


# --- the review page ---------------------------------------------------------------------------------------


def visit_document(extracted, groups: int = 1):
    """``groups`` × five candidates: two people (one already on record), a delegation naming them, an event and
    an agreement; the first person of the first group is accepted."""
    people, delegations, events, agreements = [], [], [], []
    for k in range(groups):
        suffix = "abcdefghij"[k]
        head, member = f"Oyun Batbayar{suffix}", f"Ganbold Erdene{suffix}"
        f.OfficialFactory(name=member, country="MN")
        people += [
            {"name": head, "normal": head, "forms": [head], "country": "MN", "title": "Minister"},
            {"name": member, "normal": member, "forms": [member], "country": "MN"},
        ]
        delegations.append(
            {
                "origin_country": "MN",
                "host_country": "AE",
                "start": "2025-03-04",
                "end": "2025-03-07",
                "precision": "day",
                "head": head,
                "members": [member, "<b>Evil</b>"],
                "host_officials": [],
            }
        )
        events.append({"kind": "meeting", "title": f"Meeting {k}", "participants": [{"name": head, "role": "speaker"}]})
        agreements.append(
            {
                "title": f"Memorandum {k}",
                "kind": "mou",
                "status": "signed",
                "parties": ["MN", "AE"],
                "signatories": [{"name": head, "party": "MN"}],
                "signed_date": "2025-03-06",
                "precision": "day",
            }
        )
    return extracted(people=people, delegations=delegations, events=events, agreements=agreements)


def review_url(doc) -> str:
    return reverse("admin:importing_importeddocument_review", args=[doc.pk])


def test_the_review_page_shows_the_record_with_its_relations_and_why_a_match_is_offered(extracted, staff_client):
    doc = visit_document(extracted)
    page = staff_client.get(review_url(doc)).content.decode()
    assert "Creating would record" in page and "Mongolia (MN)" in page
    assert "Oyun Batbayara — head of delegation" in page and "Ganbold Erdenea — member" in page
    assert 'name="keep-members" value="1" checked' in page
    assert "same name (Ganbold Erdenea ≈ Ganbold Erdenea), same country" in page
    assert "Signatories" in page and "2025-03-06" in page
    assert "<b>Evil</b>" not in page and "&lt;b&gt;Evil&lt;/b&gt;" in page


def test_the_review_page_query_count_does_not_grow_with_the_candidates(
    extracted, staff_client, protocol_staff, django_assert_max_num_queries
):
    small, large = visit_document(extracted, groups=1), visit_document(extracted, groups=5)
    for doc in (small, large):
        candidate_accept(candidate_id=doc.candidates.order_by("order").first().pk, user=protocol_staff)
    assert (small.candidates.count(), large.candidates.count()) == (5, 25)
    with CaptureQueriesContext(connection) as five:
        assert staff_client.get(review_url(small)).status_code == 200
    with django_assert_max_num_queries(len(five)):
        assert staff_client.get(review_url(large)).status_code == 200


def test_an_officer_corrects_the_title_and_drops_a_member_before_creating(extracted, staff_client):
    doc = visit_document(extracted)
    for candidate in doc.candidates.filter(kind=CandidateKind.PERSON):
        staff_client.post(review_url(doc), {"candidate": candidate.pk, "action": "accept"})
    delegation_candidate = doc.candidates.get(kind=CandidateKind.DELEGATION)
    form = {
        "candidate": delegation_candidate.pk,
        "action": "accept",
        "edit": "1",
        "title": "Mongolian e-government delegation",
        "origin_country": "MN",
        "host_country": "AE",
        "start": "2025-03-04",
        "end": "2025-03-07",
        "keep-members": ["0"],  # the head stays, Ganbold Erdenea is dropped
    }
    staff_client.post(review_url(doc), form)
    delegation_candidate.refresh_from_db()
    delegation = Delegation.objects.get(pk=delegation_candidate.target_id)
    assert delegation.title == "Mongolian e-government delegation"
    assert list(delegation.members.values_list("official__name", "role")) == [("Oyun Batbayara", "head")]
    page = staff_client.get(review_url(doc)).content.decode()
    assert reverse("admin:cooperation_delegation_change", args=[delegation.pk]) in page


def test_an_invalid_correction_creates_nothing(extracted, staff_client):
    doc = visit_document(extracted)
    candidate = doc.candidates.get(kind=CandidateKind.DELEGATION)
    data = {"candidate": candidate.pk, "action": "accept", "edit": "1", "origin_country": "XX", "host_country": "AE"}
    response = staff_client.post(review_url(doc), data, follow=True)
    assert "is not a country code" in response.content.decode()
    assert not Delegation.objects.exists()

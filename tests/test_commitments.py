"""Follow-up commitments: held by the database, entered on the record's page, reported late-first, served to
partners (and synced) without ever naming the staff member who owns one."""

from __future__ import annotations

import datetime as dt

import jsonschema
import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from cooperation.api import urls as api_urls
from cooperation.models import Change, Commitment, CommitmentStatus, Delegation
from tests import factories as f
from tests.admin.conftest import change_form_data
from tests.api.conftest import follow_to_sync, make_token
from tests.api.test_schema import _to_json_schema

pytestmark = pytest.mark.django_db

EXACT = connection.vendor == "postgresql"


def days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


@pytest.fixture
def partner(django_user_model) -> APIClient:
    account = django_user_model.objects.create_user("mfa.crm", password=None)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {make_token(account)[1]}")
    return client


@pytest.fixture
def visit():
    return f.DelegationFactory(slug="belarus-uae-2025", title="Belarusian delegation to the UAE", origin_country="BY")


# --- The database holds the rules ------------------------------------------------------------------------------


def _refused(**fields) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.create(text="Send the list of trainees", **fields)


def test_a_commitment_follows_up_exactly_one_record(visit):
    meeting = f.EventFactory()
    _refused()
    _refused(delegation=visit, event=meeting)
    _refused(event=meeting, agreement=f.AgreementFactory())
    assert Commitment.objects.create(text="Send the list of trainees", event=meeting).record == meeting


def test_a_commitment_has_at_most_one_owner(visit, protocol_staff):
    official, organisation = f.OfficialFactory(), f.OrganisationFactory()
    _refused(delegation=visit, owner_official=official, owner_organisation=organisation)
    _refused(delegation=visit, owner_official=official, owner_user=protocol_staff)
    _refused(delegation=visit, owner_organisation=organisation, owner_user=protocol_staff)
    assert Commitment.objects.create(text="Reply", delegation=visit).owner is None
    assert Commitment.objects.create(text="Reply", delegation=visit, owner_user=protocol_staff).owner == protocol_staff


def test_done_at_is_set_when_done_and_cleared_when_reopened(visit):
    commitment = f.CommitmentFactory(delegation=visit)
    assert commitment.done_at is None

    commitment.status = CommitmentStatus.DONE
    commitment.save(update_fields=["status"])
    commitment.refresh_from_db()
    assert commitment.done_at is not None

    commitment.status = CommitmentStatus.OPEN
    commitment.save()
    commitment.refresh_from_db()
    assert commitment.done_at is None
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.filter(pk=commitment.pk).update(done_at=timezone.now())


def test_a_staff_owner_leaving_the_office_leaves_the_commitment(visit, django_user_model):
    leaver = django_user_model.objects.create_user("leaver", password=None, is_staff=True)
    commitment = f.CommitmentFactory(delegation=visit, owner_user=leaver)
    leaver.delete()
    commitment.refresh_from_db()
    assert commitment.owner_user is None


# --- Admin -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["delegation", "event", "agreement"])
def test_staff_add_a_commitment_on_the_record_page_and_the_history_keeps_it(staff_client, kind):
    record = {"delegation": f.DelegationFactory, "event": f.EventFactory, "agreement": f.AgreementFactory}[kind]()
    official = f.OfficialFactory(name="Yulia Shapkina")
    url = reverse(f"admin:cooperation_{kind}_change", args=[record.pk])
    data = change_form_data(staff_client.get(url)) | {
        "commitments-TOTAL_FORMS": "1",
        "commitments-0-text": "Send the draft memorandum on civil service training",
        "commitments-0-owner_official": str(official.pk),
        "commitments-0-deadline": days(14).isoformat(),
        "commitments-0-status": "open",
    }

    response = staff_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["inline_admin_formsets"]
    commitment = Commitment.objects.get()
    assert (commitment.record, commitment.owner, commitment.deadline) == (record, official, days(14))
    assert commitment.history.count() == 1


def test_the_inline_refuses_two_owners_with_a_message(staff_client, visit, protocol_staff):
    url = reverse("admin:cooperation_delegation_change", args=[visit.pk])
    data = change_form_data(staff_client.get(url)) | {
        "commitments-TOTAL_FORMS": "1",
        "commitments-0-text": "Reply on the dates",
        "commitments-0-owner_organisation": str(f.OrganisationFactory().pk),
        "commitments-0-owner_user": str(protocol_staff.pk),
        "commitments-0-status": "open",
    }

    response = staff_client.post(url, data)

    assert response.status_code == 200
    formset = next(i.formset for i in response.context["inline_admin_formsets"] if i.formset.prefix == "commitments")
    assert formset.forms[0].non_field_errors() == ["Choose one owner: an official, an organisation or a staff user."]
    assert not Commitment.objects.exists()


def test_the_commitments_list_flags_the_overdue(staff_client, visit):
    f.CommitmentFactory(delegation=visit, text="Late reply", deadline=days(-3))
    f.CommitmentFactory(delegation=visit, text="Done late", deadline=days(-3), status=CommitmentStatus.DONE)

    response = staff_client.get(reverse("admin:cooperation_commitment_changelist") + "?overdue=yes")

    assert response.status_code == 200
    assert [str(c) for c in response.context["cl"].result_list] == ["Late reply"]


# --- Reports -----------------------------------------------------------------------------------------------------


@pytest.fixture
def due(visit):
    """Two late, one due soon, one without a deadline, one done after its deadline, one dropped."""
    return {
        "soon": f.CommitmentFactory(delegation=visit, text="Soon", deadline=days(5)),
        "very late": f.CommitmentFactory(delegation=visit, text="Very late", deadline=days(-30)),
        "undated": f.CommitmentFactory(delegation=visit, text="Undated", deadline=None),
        "late": f.CommitmentFactory(delegation=visit, text="Late", deadline=days(-1)),
        "done": f.CommitmentFactory(delegation=visit, text="Done", deadline=days(-40), status="done"),
        "dropped": f.CommitmentFactory(
            event=f.EventFactory(country="KZ"), delegation=None, text="Dropped", deadline=days(2), status="dropped"
        ),
    }


def _report_texts(response) -> list[str]:
    return [str(row[0]) for row in response.context["tables_by_key"]["commitments"].rows]


def test_the_report_lists_the_overdue_first_then_by_deadline(manager_client, due):
    response = manager_client.get(reverse("reports:commitments"))

    assert response.status_code == 200
    assert _report_texts(response) == ["Very late", "Late", "Done", "Dropped", "Soon", "Undated"]
    assert [row[5] for row in response.context["tables_by_key"]["commitments"].rows] == ["overdue"] * 2 + [""] * 4
    assert (response.context["report"].counts.open, response.context["report"].counts.overdue) == (4, 2)


def test_the_report_filters_by_status_country_and_year(manager_client, due):
    url = reverse("reports:commitments")
    assert _report_texts(manager_client.get(url, {"status": "open"})) == ["Very late", "Late", "Soon", "Undated"]
    assert _report_texts(manager_client.get(url, {"country": "KZ"})) == ["Dropped"]
    assert _report_texts(manager_client.get(url, {"country": "BY", "status": "done"})) == ["Done"]
    year = days(5).year
    in_year = manager_client.get(url, {"year": str(year)})
    assert set(_report_texts(in_year)) == {
        c.text for c in due.values() if c.deadline is not None and c.deadline.year == year
    }


@pytest.mark.parametrize(
    ("language", "heading"), [("en", "Commitments"), ("ru", "Обязательства"), ("ar", "الالتزامات")]
)
def test_the_report_and_its_exports_render_in_every_language(manager_client, due, language, heading):
    url = reverse("reports:commitments")
    page = manager_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert page.status_code == 200
    assert f"<h1>{heading}</h1>" in page.content.decode()
    assert manager_client.get(url, {"export": "pdf"}).status_code == 200
    assert manager_client.get(url, {"export": "csv", "table": "commitments"}).status_code == 200
    assert b'href="/reports/commitments/"' in manager_client.get(reverse("reports:dashboard")).content


def test_the_dashboard_card_counts_open_and_overdue_commitments(manager_client, due):
    response = manager_client.get(reverse("reports:dashboard"))

    assert (response.context["commitments"].open, response.context["commitments"].overdue) == (4, 2)
    assert reverse("reports:commitments").encode() in response.content


# --- API and sync ------------------------------------------------------------------------------------------------


def test_the_api_list_and_detail_give_the_same_json(partner, visit):
    official = f.OfficialFactory(slug="yulia-shapkina", name="Yulia Shapkina")
    commitment = f.CommitmentFactory(
        delegation=visit,
        text="Send the list of trainees",
        text_ru="Направить список слушателей",
        owner_official=official,
        deadline=dt.date(2025, 11, 30),
    )

    listed = partner.get("/api/v1/commitments/").json()["results"]
    detail = partner.get(f"/api/v1/commitments/{commitment.uid}/").json()

    assert listed == [detail]
    assert detail == {
        "id": str(commitment.uid),
        "url": f"http://testserver/api/v1/commitments/{commitment.uid}/",
        "text": {"en": "Send the list of trainees", "ru": "Направить список слушателей", "ar": None},
        "record": {
            "record_type": "delegation",
            "slug": "belarus-uae-2025",
            "url": "http://testserver/api/v1/delegations/belarus-uae-2025/",
            "title": {"en": "Belarusian delegation to the UAE", "ru": None, "ar": None},
        },
        "owner": {
            "kind": "official",
            "slug": "yulia-shapkina",
            "url": "http://testserver/api/v1/officials/yulia-shapkina/",
            "name": "Yulia Shapkina",
        },
        "deadline": "2025-11-30",
        "status": "open",
        "done_at": None,
        "created_at": detail["created_at"],
        "updated_at": detail["updated_at"],
    }
    assert detail["updated_at"].startswith(commitment.updated_at.date().isoformat())


def test_partners_never_see_which_staff_member_owns_a_commitment(partner, visit, django_user_model):
    owner = django_user_model.objects.create_user("olga.owner", password=None, is_staff=True, email="o@gov.example")
    commitment = f.CommitmentFactory(delegation=visit, owner_user=owner)

    for url in ("/api/v1/commitments/", f"/api/v1/commitments/{commitment.uid}/", "/api/v1/commitments/?format=csv"):
        response = partner.get(url)
        assert response.status_code == 200
        assert b"olga" not in response.content and b"gov.example" not in response.content
    assert partner.get(f"/api/v1/commitments/{commitment.uid}/").json()["owner"] == {
        "kind": "office",
        "slug": None,
        "url": None,
        "name": None,
    }


def test_the_api_filters_commitments(partner, due):
    def ids(query: str) -> set[str]:
        response = partner.get(f"/api/v1/commitments/?{query}")
        assert response.status_code == 200, response.content
        return {item["id"] for item in response.json()["results"]}

    assert ids("overdue=true") == {str(due["very late"].uid), str(due["late"].uid)}
    assert ids("status=done&status=dropped") == ids("status=done") | ids("status=dropped")
    assert ids("status=dropped") == {str(due["dropped"].uid)}
    assert ids(f"deadline_from={days(0)}&deadline_to={days(5)}") == {str(due["soon"].uid), str(due["dropped"].uid)}
    assert ids("delegation=belarus-uae-2025") == {str(c.uid) for c in due.values() if c.delegation_id}
    assert partner.get("/api/v1/commitments/?owner=me").status_code == 400


@pytest.mark.django_db(transaction=True)
def test_sync_returns_a_new_or_changed_commitment_and_a_tombstone_for_a_deleted_one(partner, visit):
    kept = f.CommitmentFactory(delegation=visit, text="Kept")
    changed = f.CommitmentFactory(delegation=visit, text="Changed")
    gone = f.CommitmentFactory(delegation=visit, text="Deleted")
    walked, sync = follow_to_sync(partner, "/api/v1/commitments/?page_size=2")
    assert {item["text"]["en"] for item in walked} == {"Kept", "Changed", "Deleted"}

    changed.status = CommitmentStatus.DONE
    changed.save()
    new = f.CommitmentFactory(delegation=visit, text="New")
    gone_uid = str(gone.uid)
    gone.delete()
    synced, _ = follow_to_sync(partner, sync)

    present = {item["id"]: item for item in synced if "removed" not in item}
    removed = [item for item in synced if "removed" in item]
    assert [(item["id"], item["slug"], item["removed"]["reason"]) for item in removed] == [
        (gone_uid, gone_uid, "deleted")
    ]
    assert {str(changed.uid), str(new.uid)} <= set(present)
    assert present[str(changed.uid)]["status"] == "done"
    if EXACT:  # PostgreSQL: exactly what changed; SQLite re-sends the last few minutes
        assert set(present) == {str(changed.uid), str(new.uid)}
        assert str(kept.uid) not in present
    assert partner.get(f"/api/v1/commitments/{gone_uid}/").status_code == 410


def test_deleting_a_record_deletes_its_commitments_and_tells_partners(partner, visit):
    commitment = f.CommitmentFactory(delegation=visit)
    uid = str(commitment.uid)

    Delegation.objects.filter(pk=visit.pk).delete()

    assert not Commitment.objects.exists()
    assert Change.objects.filter(record_type="commitment", slug=uid, record_uid=uid, action="deleted").exists()
    assert partner.get(f"/api/v1/commitments/{uid}/").status_code == 410
    assert partner.get("/api/v1/commitments/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_a_commitment_matches_its_schema_exactly(partner, visit, protocol_staff):
    generated = SchemaGenerator(patterns=[*api_urls.urlpatterns], urlconf=None).get_schema(request=None, public=True)
    components = _to_json_schema(generated["components"]["schemas"])
    components["Commitment"]["additionalProperties"] = False
    document = {"$ref": "#/components/schemas/Commitment", "components": {"schemas": components}}
    for owner in ({"owner_official": f.OfficialFactory()}, {"owner_user": protocol_staff}, {}):
        commitment = f.CommitmentFactory(delegation=visit, status="done", **owner)
        jsonschema.validate(partner.get(f"/api/v1/commitments/{commitment.uid}/").json(), document)
    assert "/v1/commitments/{slug}/" in generated["paths"]

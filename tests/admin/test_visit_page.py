"""The visit page: a delegation with its members, hosts, programme and agreements recorded in one save."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from cooperation.models import (
    ActionKind,
    Agreement,
    AgreementAction,
    Delegation,
    DelegationMember,
    Event,
    EventKind,
    EventParticipant,
    MemberRole,
    Official,
    OfficialName,
    ParticipantRole,
)
from cooperation.visits import name_form_of
from tests import factories as f

ADD = reverse("admin:cooperation_delegation_visit_add")
DAY = dt.date(2025, 10, 14)


@pytest.fixture
def people(db):
    minister = f.OfficialFactory(name="Yulia Shapkina", country="BY")
    post = f.PositionFactory(official=minister, title="Deputy Minister")
    adviser = f.OfficialFactory(name="Sergei Kupitayenko", country="BY")
    host = f.OfficialFactory(name="Abdulla Lootah", country="AE")
    other_post = f.PositionFactory(official=host, title="Director General")
    return {"minister": minister, "post": post, "adviser": adviser, "host": host, "other_post": other_post}


def management(prefix: str, total: int, initial: int = 0) -> dict:
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


def visit_data(people, **changes) -> dict:
    data = {
        "title": "Belarusian delegation on government services",
        "origin_country": "BY",
        "host_country": "AE",
        "city": "Dubai",
        "start_date": DAY.isoformat(),
        "end_date": (DAY + dt.timedelta(days=2)).isoformat(),
        "status": "planned",
        **management("members", 3),
        "members-0-official": people["minister"].pk,
        "members-0-role": MemberRole.HEAD,
        "members-0-position": people["post"].pk,
        "members-1-official": people["adviser"].pk,
        "members-1-role": MemberRole.MEMBER,
        "members-2-name": "يوليا شابكينا",
        "members-2-role": MemberRole.EXPERT,
        **management("hosts", 1),
        "hosts-0-official": people["host"].pk,
        **management("events", 1),
        "events-0-kind": EventKind.MEETING,
        "events-0-title": "Meeting at the Government Experience Exchange Office",
        "events-0-everyone": "on",
        **management("agreements", 1),
        "agreements-0-kind": "mou",
        "agreements-0-title": "Memorandum on government experience exchange",
        "agreements-0-status": "signed",
        "agreements-0-origin_signatory": "0",
        "agreements-0-host_signatory": "0",
    }
    data.update(changes)
    return data


def test_a_name_form_takes_its_language_and_script_from_the_letters():
    assert name_form_of("يوليا شابكينا") == ("ar", "Arab")
    assert name_form_of("Юлия Шапкина") == ("ru", "Cyrl")
    assert name_form_of("Yulia Shapkina") == ("en", "Latn")


def test_staff_see_the_empty_visit_page_with_rows_to_fill(staff_client):
    response = staff_client.get(ADD)

    assert response.status_code == 200
    page = response.content.decode()
    for prefix, rows in (("members", 3), ("hosts", 2), ("events", 1), ("agreements", 1)):
        assert f'name="{prefix}-TOTAL_FORMS" value="{rows}"' in page
    assert 'name="events-0-everyone" id="id_events-0-everyone" checked' in page
    assert "cooperation/visit.js" in page


def test_one_post_records_the_whole_visit(staff_client, people, protocol_staff):
    response = staff_client.post(ADD, visit_data(people))

    assert response.status_code == 302, response.context and response.context["form"].errors
    visit = Delegation.objects.get()
    assert response["Location"] == reverse("admin:cooperation_delegation_visit", args=[visit.pk])
    new = Official.objects.get(name="يوليا شابكينا")
    assert new.country == "BY"
    assert list(new.names.values_list("name", "language", "script")) == [("يوليا شابكينا", "ar", "Arab")]
    members = [(m.official, m.role, m.position) for m in visit.members.order_by("order")]
    assert members == [
        (people["minister"], MemberRole.HEAD, people["post"]),
        (people["adviser"], MemberRole.MEMBER, None),
        (new, MemberRole.EXPERT, None),
    ]
    meeting = Event.objects.get()
    assert (meeting.delegation, meeting.start_date, meeting.city, meeting.country) == (visit, DAY, "Dubai", "AE")
    assert {(p.official, p.role) for p in meeting.participants.all()} == {
        (people["minister"], ParticipantRole.HEAD_OF_DELEGATION),
        (people["adviser"], ParticipantRole.PARTICIPANT),
        (new, ParticipantRole.PARTICIPANT),
        (people["host"], ParticipantRole.HOST),
    }
    mou = Agreement.objects.get()
    assert (mou.kind, mou.status, mou.status_date, mou.signed_at) == ("mou", "signed", DAY, meeting)
    assert [(p.country.code, p.order) for p in mou.parties.all()] == [("BY", 0), ("AE", 1)]
    signatures = AgreementAction.objects.filter(party__agreement=mou, kind=ActionKind.SIGNATURE)
    assert sorted((a.party.country.code, a.date) for a in signatures) == [("AE", DAY), ("BY", DAY)]
    signatories = {(s.official, s.party.country.code, s.position) for s in mou.signatories.all()}
    # Without a post given on the page, a signatory signs with the one they held that day.
    assert signatories == {(people["minister"], "BY", people["post"]), (people["host"], "AE", people["other_post"])}
    assert visit.history.get().history_user == protocol_staff
    assert new.history.get().history_user == protocol_staff


def test_a_signatory_can_be_the_official_typed_in_on_the_page(staff_client, people):
    response = staff_client.post(ADD, visit_data(people, **{"agreements-0-origin_signatory": "2"}))

    assert response.status_code == 302
    assert Agreement.objects.get().signatories.get(party__country="BY").official.name == "يوليا شابكينا"


def test_another_officials_position_saves_nothing_and_says_why(staff_client, people):
    data = visit_data(people, **{"members-1-position": people["other_post"].pk})

    response = staff_client.post(ADD, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was saved" in page
    assert "is not a position of Sergei Kupitayenko" in page
    assert Official.objects.count() == 3
    for model in (Delegation, DelegationMember, OfficialName, Event, EventParticipant, Agreement):
        assert not model.objects.exists(), model


def test_a_signed_agreement_dated_in_the_future_saves_nothing(staff_client, people):
    later = (dt.date.today() + dt.timedelta(days=30)).isoformat()

    response = staff_client.post(ADD, visit_data(people, **{"agreements-0-date": later}))

    assert response.status_code == 200
    assert "still to come" in response.content.decode()
    assert not Delegation.objects.exists()
    assert not Official.objects.filter(name="يوليا شابكينا").exists()


def test_two_heads_are_refused(staff_client, people):
    response = staff_client.post(ADD, visit_data(people, **{"members-1-role": MemberRole.HEAD}))

    assert response.status_code == 200
    assert "one head" in response.content.decode()
    assert not Delegation.objects.exists()


def test_the_saved_visit_opens_with_its_rows_and_adds_more(staff_client, people):
    staff_client.post(ADD, visit_data(people))
    visit = Delegation.objects.get()
    url = reverse("admin:cooperation_delegation_visit", args=[visit.pk])

    page = staff_client.get(url).content.decode()
    assert 'name="members-TOTAL_FORMS" value="4"' in page
    assert 'name="hosts-TOTAL_FORMS" value="2"' in page
    assert "Meeting at the Government Experience Exchange Office" in page
    assert "Memorandum on government experience exchange" in page

    newcomer = f.OfficialFactory(name="Olga Ivanova", country="BY")
    data = visit_data(people, **management("members", 4, 3), **management("hosts", 2, 1))
    data.update({"members-2-official": Official.objects.get(name="يوليا شابكينا").pk, "members-2-name": ""})
    data.update({"members-3-official": newcomer.pk, "members-3-role": MemberRole.MEMBER, "hosts-1-role": ""})
    data.update({"events-0-title": "", "agreements-0-title": "", "agreements-0-origin_signatory": ""})
    data["agreements-0-host_signatory"] = ""
    response = staff_client.post(url, data)

    assert response.status_code == 302
    assert visit.members.count() == 4
    assert Event.objects.count() == Agreement.objects.count() == 1


def test_the_position_list_is_the_officials_own(staff_client, people):
    url = reverse("admin:cooperation_delegation_visit_positions")

    response = staff_client.get(url, {"official": people["minister"].pk})

    assert response.json() == {"positions": [{"id": people["post"].pk, "title": "Deputy Minister"}]}


def test_a_manager_sees_the_page_but_cannot_save(manager_client, people):
    assert manager_client.get(ADD).status_code == 200

    response = manager_client.post(ADD, visit_data(people))

    assert response.status_code == 403
    assert not Delegation.objects.exists()


def test_the_delegation_pages_link_to_the_visit_page(staff_client, people):
    staff_client.post(ADD, visit_data(people))
    visit = Delegation.objects.get()

    listing = staff_client.get(reverse("admin:cooperation_delegation_changelist")).content.decode()
    change = staff_client.get(reverse("admin:cooperation_delegation_change", args=[visit.pk])).content.decode()

    assert ADD in listing
    assert reverse("admin:cooperation_delegation_visit", args=[visit.pk]) in change

"""Incremental sync: cursor pages on (updated_at, id), and deletions, merges and renames in the change feed."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from cooperation import models as m
from cooperation.api.pagination import MAX_PAGE_SIZE
from cooperation.services import official_merge, organisation_merge
from tests import factories as f


def walk(api, url: str) -> list[str]:
    """Follow ``next`` links to the end, as a partner does."""
    seen, pages = [], 0
    while url:
        body = api.get(url).json()
        seen += [record["slug"] for record in body["results"]]
        url, pages = body["next"], pages + 1
        assert pages < 50
    return seen


def test_cursor_pages_visit_every_record_once_in_update_order(api, db):
    topics = [f.TopicFactory(slug=f"t-{n:02d}", name=f"T {n}") for n in range(7)]
    # Equal timestamps must not make a record appear twice or not at all: the id breaks ties.
    same = timezone.now()
    m.Topic.objects.filter(slug__in=["t-02", "t-03", "t-04"]).update(updated_at=same)
    expected = [t.slug for t in m.Topic.objects.order_by("updated_at", "id")]
    assert walk(api, "/api/v1/topics/?page_size=2") == expected
    assert len(expected) == len(topics)


def test_a_record_edited_during_the_walk_is_seen_again_at_the_end(api, db):
    for n in range(4):
        f.TopicFactory(slug=f"t-{n}", name=f"T {n}")
    first = api.get("/api/v1/topics/?page_size=2").json()
    edited = m.Topic.objects.get(slug=first["results"][0]["slug"])
    edited.name_ru = "Тема"
    edited.save()
    rest = walk(api, first["next"])
    assert rest[-1] == edited.slug


def test_the_page_size_is_capped(api, db):
    body = api.get("/api/v1/topics/?page_size=100000").json()
    assert body["page_size"] == MAX_PAGE_SIZE


def test_the_next_link_is_also_a_link_header(api, db):
    for n in range(3):
        f.TopicFactory(slug=f"t-{n}", name=f"T {n}")
    response = api.get("/api/v1/topics/?page_size=2&q=T")
    assert response["Link"] == f'<{response.json()["next"]}>; rel="next"'
    assert "q=T" in response.json()["next"]


def changes(api, since=None) -> list[dict]:
    url = "/api/v1/changes/" + (f"?since={since.isoformat().replace('+', '%2B')}" if since else "")
    return [
        {key: change[key] for key in ("record_type", "slug", "action", "replaced_by")}
        for change in api.get(url).json()["results"]
    ]


def test_a_deleted_record_appears_in_the_change_feed(api, world):
    event = f.EventFactory(slug="cancelled-visit")
    event.delete()
    assert changes(api) == [
        {"record_type": "event", "slug": "cancelled-visit", "action": "deleted", "replaced_by": None}
    ]
    assert api.get("/api/v1/events/cancelled-visit/").status_code == 410  # gone, not unknown


def test_since_keeps_only_later_changes(api, db):
    f.TopicFactory(slug="old").delete()
    cutoff = timezone.now() + dt.timedelta(microseconds=1)
    f.TopicFactory(slug="new").delete()
    assert [c["slug"] for c in changes(api, cutoff)] == ["new"]


def test_since_in_any_time_zone_means_the_same_moment(api, db):
    f.TopicFactory(slug="old")
    cutoff = timezone.now()
    f.TopicFactory(slug="new")
    # 17:15 west of UTC is past what PostgreSQL accepts as an offset; the API turns it to UTC first.
    far_west = cutoff.astimezone(dt.timezone(-dt.timedelta(hours=17, minutes=15)))
    url = "/api/v1/topics/?updated_since=" + far_west.isoformat()
    assert [t["slug"] for t in api.get(url).json()["results"]] == ["new"]


def test_a_date_time_that_leaves_the_calendar_in_utc_is_a_400(api, db):
    response = api.get("/api/v1/changes/?since=0001-01-01T00:00:00%2B05:00")
    assert response.status_code == 400
    assert response.json()["fields"] == {"since": ["Enter a date-time between years 1 and 9999 in UTC."]}


def test_merging_officials_leaves_a_tombstone_pointing_at_the_kept_record(api, world):
    duplicate = f.OfficialFactory(slug="shapkina-yu-a", name="Yu. A. Shapkina", country="BY", honorific_prefix="Dr")
    f.OfficialNameFactory(official=duplicate, name="Шапкиной Ю.А.", language="ru")  # also on the kept record
    f.OfficialNameFactory(official=duplicate, name="Yu. A. Shapkina", language="en")
    event = f.EventFactory(slug="forum")
    f.EventParticipantFactory(event=event, official=duplicate, role=m.ParticipantRole.SPEAKER)
    f.EventParticipantFactory(event=world["meeting"], official=duplicate)  # the kept record is there already

    official_merge(duplicate=duplicate, keep=world["shapkina"])

    assert changes(api) == [
        {"record_type": "official", "slug": "shapkina-yu-a", "action": "merged", "replaced_by": "yulia-shapkina"}
    ]
    kept = api.get("/api/v1/officials/yulia-shapkina/").json()
    assert [n["name"] for n in kept["names"]] == ["Шапкина Юлия", "Шапкиной Ю.А.", "Yu. A. Shapkina"]
    assert kept["honorific_prefix"] == "Dr"
    events = api.get("/api/v1/events/?official=yulia-shapkina").json()["results"]
    assert sorted(e["slug"] for e in events) == ["forum", "meeting-gee-office-2025"]
    roles = m.EventParticipant.objects.filter(event=world["meeting"], official=world["shapkina"])
    assert roles.get().role == m.ParticipantRole.HEAD_OF_DELEGATION


def test_merging_organisations_moves_visits_parties_and_children(api, world):
    duplicate = f.OrganisationFactory(slug="gee-office-dup", name="GEEO", country="AE", abbreviation="GEEO")
    child = f.OrganisationFactory(slug="gee-academy", parent=duplicate)
    visit = f.DelegationFactory(slug="second-visit", host_organisation=duplicate)
    mou = world["mou"]
    f.AgreementPartyFactory(agreement=mou, country="", organisation=duplicate, order=2)

    organisation_merge(duplicate=duplicate, keep=world["office"])

    visit.refresh_from_db()
    child.refresh_from_db()
    assert visit.host_organisation == world["office"]
    assert child.parent == world["office"]
    assert mou.parties.filter(organisation=world["office"]).exists()
    assert changes(api) == [
        {"record_type": "organisation", "slug": "gee-office-dup", "action": "merged", "replaced_by": "gee-office"}
    ]
    assert api.get("/api/v1/organisations/gee-office/").json()["abbreviation"] == "GEEO"


def test_a_merge_into_itself_is_refused_and_changes_nothing(world):
    import pytest

    from cooperation.services import MergeError

    with pytest.raises(MergeError):
        official_merge(duplicate=world["shapkina"], keep=world["shapkina"])
    assert m.Official.objects.filter(slug="yulia-shapkina").exists()


def test_a_changed_slug_leaves_a_renamed_tombstone(api, world):
    delegation = world["delegation"]
    delegation.slug = "belarus-uae-october-2025"
    delegation.save()
    assert changes(api) == [
        {
            "record_type": "delegation",
            "slug": "belarus-to-uae-2025",
            "action": "renamed",
            "replaced_by": "belarus-uae-october-2025",
        }
    ]


def test_changing_a_nested_row_moves_the_records_updated_at(api, world):
    cutoff = timezone.now()
    f.DelegationMemberFactory(delegation=world["delegation"], official=world["alromi"])
    f.AgreementActionFactory(
        party=world["mou"].parties.get(country="AE"), kind=m.ActionKind.RATIFICATION, date=dt.date(2025, 11, 1)
    )
    since = cutoff.isoformat().replace("+", "%2B")
    assert [d["slug"] for d in api.get(f"/api/v1/delegations/?updated_since={since}").json()["results"]] == [
        "belarus-to-uae-2025"
    ]
    assert [a["slug"] for a in api.get(f"/api/v1/agreements/?updated_since={since}").json()["results"]] == [
        "by-ae-mou-2025"
    ]
    assert api.get(f"/api/v1/events/?updated_since={since}").json()["results"] == []


def test_an_old_slug_answers_301_to_the_new_address_and_a_deleted_record_410(api, world):
    delegation = world["delegation"]
    delegation.slug = "belarus-uae-october-2025"
    delegation.save()
    delegation.slug = "belarus-uae-2025-10"
    delegation.save()
    response = api.get("/api/v1/delegations/belarus-to-uae-2025/?format=json")
    assert response.status_code == 301
    assert response["Location"] == "http://testserver/api/v1/delegations/belarus-uae-2025-10/?format=json"
    assert api.get(response["Location"]).json()["slug"] == "belarus-uae-2025-10"

    f.EventFactory(slug="cancelled-meeting").delete()
    gone = api.get("/api/v1/events/cancelled-meeting/")
    assert gone.status_code == 410
    assert gone.json()["code"] == "gone"
    assert api.get("/api/v1/events/never-existed/").status_code == 404


def test_a_merged_official_answers_301_to_the_kept_one(api, world):
    kept, duplicate = world["shapkina"], f.OfficialFactory(slug="y-shapkina", name="Y. Shapkina")
    official_merge(keep=kept, duplicate=duplicate)
    response = api.get("/api/v1/officials/y-shapkina/")
    assert response.status_code == 301
    assert response["Location"].endswith(f"/api/v1/officials/{kept.slug}/")


def test_every_record_has_a_permanent_id_that_is_also_an_address(api, world):
    record = api.get("/api/v1/delegations/belarus-to-uae-2025/").json()
    listed = api.get("/api/v1/delegations/").json()["results"][0]
    assert record["id"] == listed["id"] == str(world["delegation"].uid)
    response = api.get(f"/api/v1/delegations/{record['id']}/")
    assert response.status_code == 301
    assert response["Location"].endswith("/api/v1/delegations/belarus-to-uae-2025/")
    world["delegation"].slug = "renamed"
    world["delegation"].save()
    assert api.get("/api/v1/delegations/renamed/").json()["id"] == record["id"], "a rename keeps the id"


def test_a_tombstone_carries_the_records_id(api, world):
    event = f.EventFactory(slug="to-remove")
    uid = str(event.uid)
    _items, sync_link = api.get("/api/v1/events/").json()["results"], api.get("/api/v1/events/").json()["sync"]
    event.delete()
    removed = [item for item in api.get(sync_link).json()["results"] if "removed" in item]
    assert [(item["id"], item["slug"], item["removed"]["reason"]) for item in removed] == [
        (uid, "to-remove", "deleted")
    ]

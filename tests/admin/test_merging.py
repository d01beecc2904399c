"""Merging duplicates from the admin: the list to start from, the preview, the merge, and who may do it."""

from __future__ import annotations

import pytest

from cooperation import models as m
from tests import factories as f

pytestmark = pytest.mark.django_db

OFFICIALS = "/admin/cooperation/official/"


def merge(client, keep, other, *, changelist: str = OFFICIALS):
    """The admin's merge action on two records, confirmed, keeping ``keep``."""
    body = {"action": "merge_selected", "_selected_action": [keep.pk, other.pk], "confirm": "yes", "keep": keep.pk}
    return client.post(changelist, body)


@pytest.fixture
def twins():
    """One official entered twice, in Cyrillic and in Latin script, and someone else."""
    cyrillic = f.OfficialFactory(name="Юлия Шапкина")
    latin = f.OfficialFactory(name="Yulia Shapkina")
    m.OfficialName.objects.create(official=cyrillic, name="Юлия Шапкина", language="ru")
    m.OfficialName.objects.create(official=latin, name="Yulia Shapkina", language="en")
    f.DelegationMemberFactory(official=latin)
    other = f.OfficialFactory(name="Omar Haddad")
    m.OfficialName.objects.create(official=other, name="Omar Haddad", language="en")
    return cyrillic, latin, other


@pytest.mark.usefixtures("twins")
def test_the_duplicates_filter_lists_records_sharing_a_name_key_across_scripts(staff_client):
    page = staff_client.get(OFFICIALS, {"duplicates": "yes"}).content.decode()
    assert "Юлия Шапкина" in page and "Yulia Shapkina" in page and "Omar Haddad" not in page


def test_the_preview_shows_what_points_at_each_and_writes_nothing(staff_client, twins):
    cyrillic, latin, _other = twins
    response = staff_client.post(OFFICIALS, {"action": "merge_selected", "_selected_action": [cyrillic.pk, latin.pk]})
    page = response.content.decode()
    assert response.status_code == 200 and 'name="keep"' in page
    assert "delegation members: 1" in page
    assert m.Official.objects.filter(pk__in=[cyrillic.pk, latin.pk]).count() == 2


def test_confirming_merges_into_the_record_kept_and_history_names_the_officer(staff_client, protocol_staff, twins):
    cyrillic, latin, _other = twins
    response = merge(staff_client, cyrillic, latin)
    assert response.status_code == 302 and response.url == f"{OFFICIALS}{cyrillic.pk}/change/"
    assert not m.Official.objects.filter(pk=latin.pk).exists()
    assert m.DelegationMember.objects.get().official == cyrillic
    assert set(cyrillic.names.values_list("name", flat=True)) == {"Юлия Шапкина", "Yulia Shapkina"}
    assert cyrillic.history.latest().history_user == protocol_staff


def test_merging_needs_exactly_two_records(staff_client, twins):
    response = staff_client.post(
        OFFICIALS, {"action": "merge_selected", "_selected_action": [t.pk for t in twins]}, follow=True
    )
    assert "Select exactly two records to merge." in response.content.decode()
    assert m.Official.objects.count() == 3


def test_managers_cannot_merge(manager_client, twins):
    cyrillic, latin, _other = twins
    response = merge(manager_client, cyrillic, latin)
    assert m.Official.objects.filter(pk=latin.pk).exists()
    assert response.status_code in (200, 302, 403)


def test_organisations_merge_the_same_way(staff_client):
    one, two = f.OrganisationFactory(name="Ministry of Justice"), f.OrganisationFactory(name="Ministry of Justice (RW)")
    response = merge(staff_client, one, two, changelist="/admin/cooperation/organisation/")
    assert response.status_code == 302 and not m.Organisation.objects.filter(pk=two.pk).exists()

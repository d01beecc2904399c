"""Where people land after signing in, and the way from the admin to the reports."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _sign_in(client, user, next_page="/admin/"):
    """As the sign-in form posts it: the page to return to is a hidden field, the admin index unless the form was
    opened with ?next=."""
    form = client.get("/admin/login/?next=" + next_page).content.decode()
    assert f'name="next" value="{next_page}"' in form
    return client.post("/admin/login/", {"username": user.username, "password": PASSWORD, "next": next_page})


def test_a_manager_lands_on_the_reports(client, manager):
    response = _sign_in(client, manager)
    assert response.status_code == 302 and response.url == "/reports/"
    assert client.get(response.url).status_code == 200


def test_protocol_staff_land_on_the_records(client, protocol_staff):
    response = _sign_in(client, protocol_staff)
    assert response.status_code == 302 and response.url == "/admin/"


def test_a_manager_sent_to_sign_in_from_a_page_goes_back_to_it(client, manager):
    response = _sign_in(client, manager, next_page="/admin/cooperation/delegation/")
    assert response.status_code == 302 and response.url == "/admin/cooperation/delegation/"


def test_a_failed_sign_in_stays_on_the_form(client, manager):
    response = client.post("/admin/login/", {"username": manager.username, "password": "wrong"})
    assert response.status_code == 200


@pytest.mark.parametrize("who", ["manager_client", "staff_client"])
def test_the_admin_leads_to_the_reports(request, who):
    client = request.getfixturevalue(who)
    page = client.get("/admin/").content.decode()
    assert 'id="reports-module"' in page
    assert page.count('href="/reports/"') == 2  # the header's link and the index's list
    assert 'href="/reports/calendar/"' in page

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories as f

REPORT_URLS = [
    reverse("reports:dashboard"),
    reverse("reports:countries"),
    reverse("reports:country", kwargs={"code": "by"}),
    reverse("reports:annual"),
    reverse("reports:agreements"),
    reverse("reports:officials"),
    reverse("reports:calendar"),
]


@pytest.mark.parametrize("url", REPORT_URLS)
def test_anonymous_visitors_are_sent_to_the_login_page(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("url", REPORT_URLS)
def test_a_user_outside_both_staff_groups_is_refused(client, db, url):
    client.force_login(f.UserFactory(username="outsider", groups=[]))
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", REPORT_URLS)
def test_managers_and_protocol_staff_can_open_every_report(manager_client, url):
    assert manager_client.get(url).status_code == 200


def test_protocol_staff_can_open_the_dashboard(staff_client):
    assert staff_client.get(reverse("reports:dashboard")).status_code == 200


def test_an_unknown_country_code_is_a_404_not_an_error(manager_client):
    assert manager_client.get(reverse("reports:country", kwargs={"code": "qq"})).status_code == 404


def test_bad_filter_values_show_a_message_instead_of_failing(manager_client):
    response = manager_client.get(
        reverse("reports:dashboard"), {"date_from": "2025-13-40", "country": "ZZ", "status": "nonsense"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    reversed_range = manager_client.get(
        reverse("reports:agreements"), {"date_from": "2025-12-31", "date_to": "2025-01-01"}
    )
    assert "The end of the date range is before its start." in reversed_range.content.decode()


def test_a_malformed_year_or_month_count_falls_back_to_defaults(manager_client):
    assert manager_client.get(reverse("reports:annual"), {"year": "twenty"}).status_code == 200
    assert manager_client.get(reverse("reports:agreements"), {"stale": "x", "horizon": "-4"}).status_code == 200

"""Each report runs a fixed number of queries: the same cap holds for a small world and one five times larger."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.reports.conftest import build_world

# Caps include the session, the user and two permission lookups (4 queries).
REPORTS = [
    # The dashboard lists coming and latest delegations and events, each with its people prefetched.
    (reverse("reports:dashboard"), 20),
    (reverse("reports:country", kwargs={"code": "by"}), 37),
    (reverse("reports:annual") + "?year=2024", 19),
    (reverse("reports:agreements"), 20),
    (reverse("reports:officials"), 14),
    (reverse("reports:calendar") + "?date_from=2022-01-01&date_to=2027-12-31", 8),
    # The country list does not grow (the same three partners); its cap is what matters.
    (reverse("reports:countries"), 8),
]


@pytest.mark.parametrize(("url", "cap"), REPORTS)
def test_the_number_of_queries_does_not_grow_with_the_data(reader_client, django_assert_max_num_queries, url, cap):
    build_world(size=1)
    with django_assert_max_num_queries(cap):
        small = reader_client.get(url)
    build_world(size=5, start_year=2022)
    with django_assert_max_num_queries(cap):
        large = reader_client.get(url)
    assert small.status_code == large.status_code == 200

    # The larger world really is on the page: more rows, same queries.
    def rows(response) -> int:
        return response.content.count(b"<tr>") + response.content.count(b"<li>")

    if url != reverse("reports:countries"):
        assert rows(large) > rows(small)

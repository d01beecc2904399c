"""Each report runs a fixed number of queries: the same cap holds for a small world and one five times larger."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperation.reports.selectors import ROW_LIMIT
from cooperation.reports.selectors.country import PROFILE_ROWS
from tests import factories as f
from tests.reports.conftest import build_world

# Caps include the session, the user and two permission lookups (4 queries).
REPORTS = [
    # The dashboard lists coming and latest delegations and events, each with its people prefetched, and counts
    # the open and overdue commitments.
    (reverse("reports:dashboard"), 21),
    (reverse("reports:country", kwargs={"code": "by"}), 37),
    (reverse("reports:annual") + "?year=2024", 19),
    # The tracker also fetches the files of every agreement it shows, in one query.
    (reverse("reports:agreements"), 21),
    (reverse("reports:officials"), 14),
    # The list view: the month grid shows one month, whose rows cannot grow with the years.
    (reverse("reports:calendar") + "?view=list&date_from=2022-01-01&date_to=2027-12-31", 8),
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


def _busy_partner(events: int) -> None:
    """Belarus with ``events`` meetings of its own, each with a Belarusian participant, newest last."""
    for i in range(events):
        event = f.EventFactory(
            country="BY", title=f"Minsk meeting {i}", start_date=dt.date(2024, 1, 1) + dt.timedelta(i)
        )
        f.EventParticipantFactory(event=event, official=f.OfficialFactory(country="BY"))


def test_the_country_profile_runs_the_same_queries_for_ten_times_the_events(reader_client, django_assert_num_queries):
    url = reverse("reports:country", kwargs={"code": "by"})
    build_world(size=1)
    _busy_partner(PROFILE_ROWS // 2)
    reader_client.get(url)  # sessions and permissions warm, as on any later request
    with CaptureQueriesContext(connection) as few:
        reader_client.get(url)

    _busy_partner(PROFILE_ROWS * 10)
    with django_assert_num_queries(len(few.captured_queries)):
        many = reader_client.get(url)

    profile = many.context["profile"]
    # The latest rows only, newest first, and the page says there is more than it shows.
    assert len(profile.events) == PROFILE_ROWS
    assert profile.events[0].title == f"Minsk meeting {PROFILE_ROWS * 10 - 1}"
    assert "events" in profile.more
    # The officials listed are the people of the records shown; the figure counts all of them.
    assert len(profile.officials) == PROFILE_ROWS
    assert profile.totals["officials"] > PROFILE_ROWS * 10


def test_the_full_list_of_a_profile_table_is_paginated_and_counted(reader_client):
    build_world(size=1)
    _busy_partner(ROW_LIMIT + 5)
    url = reverse("reports:country", kwargs={"code": "by"})
    profile_page = reader_client.get(url).content.decode()
    assert f'href="{url}?all=events"' in profile_page

    first = reader_client.get(url, {"all": "events"})
    second = reader_client.get(url, {"all": "events", "page": 2})
    listed = first.context["profile"].events + second.context["profile"].events
    total = first.context["tables_by_key"]["events"].total
    # Every Belarusian event once: the five meetings of the built world's Belarusian visit and ours.
    assert len(listed) == len({e.pk for e in listed}) == total
    assert total == ROW_LIMIT + 5 + 1
    assert len(first.context["profile"].events) == ROW_LIMIT
    assert 'rel="next"' in first.content.decode()

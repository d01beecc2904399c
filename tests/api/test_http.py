"""HTTP done properly: ETag and Last-Modified with 304s, CSV for lists."""

from __future__ import annotations

import csv
import io

from django.utils.http import http_date

from cooperation import models as m
from tests import factories as f


def test_a_list_has_an_etag_and_answers_304_when_it_matches(api, world):
    first = api.get("/api/v1/delegations/")
    etag = first["ETag"]
    again = api.get("/api/v1/delegations/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


def test_the_etag_changes_when_a_nested_record_changes(api, world):
    etag = api.get("/api/v1/delegations/")["ETag"]
    world["office"].names.update(name="مكتب")
    response = api.get("/api/v1/delegations/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_a_record_has_last_modified_and_answers_if_modified_since(api, world):
    delegation = world["delegation"]
    delegation.refresh_from_db()
    response = api.get("/api/v1/delegations/belarus-to-uae-2025/")
    assert response["Last-Modified"] == http_date(delegation.updated_at.timestamp())
    not_modified = api.get("/api/v1/delegations/belarus-to-uae-2025/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert not_modified.status_code == 304
    delegation.summary = "Changed."
    delegation.save()
    changed = api.get("/api/v1/delegations/belarus-to-uae-2025/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert changed.status_code in (200, 304)  # same second: HTTP dates cannot tell; the ETag can
    assert api.get("/api/v1/delegations/belarus-to-uae-2025/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200


def test_a_stale_etag_gets_the_full_body(api, world):
    response = api.get("/api/v1/delegations/", HTTP_IF_NONE_MATCH='"stale"')
    assert response.status_code == 200
    assert response.json()["results"]


def test_errors_are_not_cached(api, db):
    response = api.get("/api/v1/delegations/none/")
    assert response.status_code == 404
    assert "ETag" not in response


def test_json_is_utf8_without_escapes(api, world):
    response = api.get("/api/v1/delegations/")
    assert response["Content-Type"] == "application/json"
    assert "Белорусская".encode() in response.content


def test_lists_are_available_as_csv(api, world):
    response = api.get("/api/v1/delegations/?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["slug"] == "belarus-to-uae-2025"
    assert row["title.ru"] == "Белорусская делегация в ОАЭ"
    assert row["origin_country.code"] == "BY"
    assert row["start.date"] == "2025-10-14"
    assert row["head.name"] == "Yulia Shapkina"
    assert row["members"] == "Yulia Shapkina (head)"  # lists of objects collapse to readable labels
    assert row["topics"] == "Digital government"


def test_csv_is_negotiable_with_the_accept_header(api, world):
    response = api.get("/api/v1/officials/", HTTP_ACCEPT="text/csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "Yulia Shapkina" in response.content.decode("utf-8-sig")


def test_csv_cells_never_start_a_formula(api, world):
    delegation = m.Delegation.objects.get(slug="belarus-to-uae-2025")
    delegation.title = '=HYPERLINK("http://evil.example","open")'
    delegation.save()
    text = api.get("/api/v1/delegations/?format=csv").content.decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["title.en"] == '\'=HYPERLINK("http://evil.example","open")'
    assert not any(value[:1] in "=+-@" for value in row.values() if value)


def test_csv_columns_are_the_same_on_every_page(api, world):
    # One delegation with a head and an end date, one with neither and with identifiers the other lacks: both
    # pages get the same header, and the identifiers stay in their one cell.
    f.DelegationFactory(slug="open-ended", end_date=None, end_precision="", identifiers={"wikidata": "Q184"})
    headers = []
    url = "/api/v1/delegations/?format=csv&page_size=1"
    while url:
        response = api.get(url)
        headers.append(next(csv.reader(io.StringIO(response.content.decode("utf-8-sig")))))
        url = (
            response.get("Link", "").partition("<")[2].partition(">")[0]
            if 'rel="next"' in response.get("Link", "")
            else None
        )
    assert len(headers) == 2 and headers[0] == headers[1]
    assert {"head.name", "end.date", "id", "identifiers"} <= set(headers[0])
    text = api.get("/api/v1/delegations/?format=csv").content.decode("utf-8-sig")
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["open-ended"]["identifiers"] == "wikidata: Q184"


def test_a_weak_etag_from_a_cache_still_matches(api, world):
    # Proxies may weaken an ETag (W/"...") when they recompress; a GET compares weakly (RFC 9110 13.1.2).
    etag = api.get("/api/v1/delegations/")["ETag"]
    assert api.get("/api/v1/delegations/", HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304


def test_if_none_match_wins_over_if_modified_since(api, world):
    # A stale ETag means the partner's copy differs, whatever the date says (RFC 9110 13.2.2).
    response = api.get("/api/v1/delegations/belarus-to-uae-2025/")
    again = api.get(
        "/api/v1/delegations/belarus-to-uae-2025/",
        HTTP_IF_NONE_MATCH='"stale"',
        HTTP_IF_MODIFIED_SINCE=response["Last-Modified"],
    )
    assert again.status_code == 200


def test_if_match_with_a_stale_etag_is_a_failed_precondition(api, world):
    response = api.get("/api/v1/delegations/belarus-to-uae-2025/", HTTP_IF_MATCH='"stale"')
    assert response.status_code == 412
    current = api.get("/api/v1/delegations/belarus-to-uae-2025/")["ETag"]
    assert api.get("/api/v1/delegations/belarus-to-uae-2025/", HTTP_IF_MATCH=current).status_code == 200

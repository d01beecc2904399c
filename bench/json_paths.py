"""Where a list's time goes, in one process on the benchmark database: JSON built in Python or in PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/govex_bench .venv/bin/python bench/json_paths.py [--repeat N]

For each of the six benchmark scenarios (``bench/measure.py``), on the same first page of 100 records:

- ``python``: the page query through the ORM and the record builder of ``cooperation.api.fast`` (one query per
  nested relation, dicts from value rows), then orjson; for officials and organisations the Python builder
  generated from their declaration (``cooperation.api.shapes``), which the API runs on SQLite only since on
  PostgreSQL the page query builds their JSON (the ``request`` column);
- ``in db``: the floor's way, one query that builds every record's JSON in PostgreSQL (``bench/baseline.py``),
  then orjson;
- ``request``: the whole API request in process (Django's test client: middleware, token, sync watermark,
  filters, pagination, ETag), and the same request for a page of one, which is the cost every request pays
  whatever its size.

Issue 11 asks which way to build the JSON; this measures both without HTTP in between. Medians of ``--repeat``
runs (default 15), milliseconds of wall time on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govex.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/govex_bench")
os.environ.setdefault("API_PARTNER_RATE", "100000000/hour")


def _median_ms(function, repeat: int) -> float:
    function()  # warm: connection, caches
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    import django

    django.setup()
    import orjson
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from bench import baseline, measure
    from cooperation import filters
    from cooperation.api import fast, fast_agreements, selectors
    from cooperation.api.models import PartnerToken
    from cooperation.api.serializers import LinkBuilder

    builders = {
        "delegations": (selectors.delegation_rows, filters.DelegationFilter, fast.delegations),
        "events": (selectors.event_rows, filters.EventFilter, fast.events),
        "officials": (selectors.official_rows, filters.OfficialFilter, fast.officials),
        "organisations": (selectors.organisation_rows, filters.OrganisationFilter, fast.organisations),
        "agreements": (selectors.agreement_rows, filters.AgreementFilter, fast_agreements.agreements),
        "programmes": (selectors.programme_rows, filters.TrainingProgrammeFilter, fast_agreements.programmes),
    }
    user, _ = get_user_model().objects.get_or_create(username="bench", defaults={"is_staff": False})
    token, key = PartnerToken(name="bench/json_paths.py", user=user), PartnerToken.new_key()
    token.set_key(key)
    token.save()
    client = Client(HTTP_AUTHORIZATION=f"Token {key}")
    link = LinkBuilder(None)
    print(f"{'list':<15}{'python':>9}{'in db':>9}{'request':>9}{'page of 1':>11}   (ms, median of {args.repeat})")
    for name, url in measure.SCENARIOS.items():
        selector, filterset, builder = builders[name]
        params = dict(parse_qsl(urlsplit(url).query))
        size = int(params.pop("page_size"))

        def in_python(selector=selector, filterset=filterset, builder=builder, params=params, size=size):
            rows = filterset(params, queryset=selector()).qs.order_by("updated_at", "id")
            if isinstance(builder, fast.Declared):  # the Python builder generated from the declaration
                rows = builder.rows(rows, link, partner=True, in_database=False)
                return orjson.dumps(builder.build(list(rows[:size]), link, partner=True), default=str)
            return orjson.dumps(builder(list(rows[:size]), link, partner=True), default=str)

        sql, column = baseline.ENDPOINTS[name]
        values = {
            "base": "http://testserver/api/v1/",
            "countries": baseline.COUNTRIES,
            "filter": params[column],
            "after": None,
            "after_id": 0,
            "limit": size,
        }

        def in_db(sql=sql, values=values):
            with connection.cursor() as cursor:
                cursor.execute(sql, values)
                return orjson.dumps([row[2] for row in cursor.fetchall()], default=str)

        whole = _median_ms(lambda url=url: client.get(url), args.repeat)
        one = _median_ms(lambda url=url, size=size: client.get(url.replace(f"page_size={size}", "page_size=1")), 15)
        print(
            f"{name:<15}{_median_ms(in_python, args.repeat):>9}{_median_ms(in_db, args.repeat):>9}{whole:>9}{one:>11}"
        )


if __name__ == "__main__":
    main()

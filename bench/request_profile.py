"""Where one API request's time goes, in process: a cProfile of the same GET repeated through Django's test client.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/govex_bench_small \
        .venv/bin/python bench/request_profile.py "/api/v1/organisations/?country=RU&page_size=1" [--repeat 200]

Prints the median wall time per request, the queries it ran (SQL, with the time PostgreSQL took to answer each
one as seen from Python), then the top functions by own and by cumulative time. Used to find the fixed cost per
request (docs/performance.md, "fixed cost per request"); ``--sort`` picks the profile's order.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govex.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/govex_bench_small")
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "600")
os.environ.setdefault("API_PARTNER_RATE", "100000000/hour")
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--header", action="append", default=[], help="extra request header, NAME=value")
    args = parser.parse_args()

    import django

    django.setup()
    import gc

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from cooperation.api.models import PartnerToken

    user, _ = get_user_model().objects.get_or_create(username="bench", defaults={"is_staff": False})
    token, key = PartnerToken(name="bench/request_profile.py", user=user), PartnerToken.new_key()
    token.set_key(key)
    token.save()
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"}
    headers |= {
        f"HTTP_{name.upper().replace('-', '_')}": value for name, value in (h.split("=", 1) for h in args.header)
    }
    client = Client(**headers)
    response = client.get(args.url)
    assert response.status_code in (200, 304), response.content[:300]
    gc.freeze()  # as govex/wsgi.py does
    queries = []

    def timed(execute, sql, params, many, context):
        # request_started empties connection.queries, so the test utilities' capture sees nothing: wrap instead.
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append((time.perf_counter() - started, sql))

    with connection.execute_wrapper(timed):
        client.get(args.url)
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        client.get(args.url)
        times.append(time.perf_counter() - started)
    print(
        f"{args.url}: status {response.status_code}, {len(response.content):,} bytes, median "
        f"{statistics.median(times) * 1000:.2f} ms, p10 {sorted(times)[len(times) // 10] * 1000:.2f} ms "
        f"over {args.repeat}; {len(queries)} queries:"
    )
    for seconds, sql in queries:
        print(f"  {seconds * 1000:6.2f} ms  {sql[:150]}")
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.repeat):
        client.get(args.url)
    profile.disable()
    token.delete()
    stats = pstats.Stats(profile).strip_dirs().sort_stats(args.sort)
    stats.print_stats(args.top)
    if os.environ.get("CALLERS"):
        stats.print_callers(os.environ["CALLERS"])


if __name__ == "__main__":
    main()

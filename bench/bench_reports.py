"""Time the dashboard and a country profile against the bench database (``make bench``, after bench/run.sh).

Runs in-process with Django's test client over ``DATABASE_URL`` (the database run.sh generated), so it
measures the report code and its queries, not the network. For each page: queries per request, and
median/p95 wall time over ``--repeat`` requests after one warm-up. Results go to bench/results/reports.json.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/govex_bench .venv/bin/python bench/bench_reports.py
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govex.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--language", default="en")
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from cooperation.models import Delegation
    from cooperation.reports.selectors import home_country

    user, _ = get_user_model().objects.get_or_create(username="bench-reports", defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name="Managers"))
    client = Client()
    client.force_login(user)

    # The busiest partner country: the largest profile is the one worth timing.
    busiest = (
        Delegation.objects.filter(host_country=home_country())
        .values_list("origin_country")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    code = (busiest[0] if busiest else "BY").lower()
    pages = {
        "dashboard": reverse("reports:dashboard"),
        f"country_{code}": reverse("reports:country", kwargs={"code": code}),
    }
    delegations = Delegation.objects.count()
    results = {"delegations": delegations, "repeat": args.repeat, "language": args.language, "pages": {}}
    print(f"Reports over {delegations} delegations ({args.repeat} requests each, language {args.language})")
    print(f"{'page':<24}{'queries':>8}{'median ms':>11}{'p95 ms':>9}{'KiB':>7}")
    for name, url in pages.items():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=args.language)  # warm-up: imports, caches
        assert response.status_code == 200, (url, response.status_code)
        executed: list[str] = []

        def count(execute, sql, params, many, context, executed=executed):
            executed.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url, HTTP_ACCEPT_LANGUAGE=args.language)
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            response = client.get(url, HTTP_ACCEPT_LANGUAGE=args.language)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        row = {
            "url": url,
            "queries": len(executed),
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(p95, 1),
            "bytes": len(response.content),
        }
        results["pages"][name] = row
        print(f"{name:<24}{row['queries']:>8}{row['median_ms']:>11}{row['p95_ms']:>9}{row['bytes'] // 1024:>7}")
    # Issue 13's bound: the largest country profile within twice the dashboard's median of the same run.
    ratio = results["pages"][f"country_{code}"]["median_ms"] / results["pages"]["dashboard"]["median_ms"]
    results["profile_to_dashboard"] = round(ratio, 2)
    print(f"country profile / dashboard (median): {ratio:.2f} (bound: 2)")
    out = ROOT / "bench" / "results" / "reports.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(f"Written {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

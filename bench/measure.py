"""Measure the partner API against the SQL baseline, side by side; print a table and write JSON results.

Run by ``bench/run.sh`` once both servers are up. For each endpoint it first checks that the API and the
baseline return the same records as the same JSON (the comparison is only fair if they do), counts the API's
queries per request in-process, then loads each server in turn with the same list of page URLs (the first
pages of a filtered list, followed through their cursors) from ``--concurrency`` keep-alive clients. The
searches (``SEARCHES``) have no floor: only the API is loaded and its latency reported.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import orjson

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = {
    "delegations": "/api/v1/delegations/?origin_country=BY&page_size=100",
    "events": "/api/v1/events/?kind=meeting&page_size=100",
    "officials": "/api/v1/officials/?country=BY&page_size=100",
    "organisations": "/api/v1/organisations/?country=RU&page_size=100",
    "agreements": "/api/v1/agreements/?status=in_force&page_size=100",
    "programmes": "/api/v1/programmes/?status=running&page_size=100",
}
# Searches have no floor (the baseline does not search): their latency is the figure, served by the trigram
# indexes of cooperation/api/migrations/0004_name_trigram_indexes.py on PostgreSQL.
SEARCHES = {
    "officials?q": "/api/v1/officials/?q=Шапкина&page_size=100",
}
PAGES = 20  # distinct pages per scenario, walked through the cursor


def quote_path(path: str) -> str:
    """Non-ASCII query values (a Cyrillic search) percent-encoded, as a client sends them."""
    base, _, query = path.partition("?")
    return f"{base}?{urlencode(parse_qsl(query))}" if query else base


def fetch(base: str, path: str, key: str) -> tuple[int, bytes]:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    connection.request("GET", path, headers={"Authorization": f"Token {key}"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def page_paths(base: str, first: str, key: str) -> list[str]:
    paths, path = [], first
    while path and len(paths) < PAGES:
        paths.append(path)
        status, body = fetch(base, path, key)
        assert status == 200, body[:300]
        following = orjson.loads(body)["next"]
        path = None if following is None else following.split(urlsplit(following).netloc, 1)[1]
    return paths


def same_json(api: str, baseline: str, paths: list[str], key: str) -> bool:
    """Both servers return identical records for every page (URLs made host-neutral)."""
    for path in paths[:3]:
        results = []
        for base in (api, baseline):
            _status, body = fetch(base, path, key)
            text = body.decode().replace(urlsplit(base).netloc, "HOST")
            results.append(orjson.loads(text)["results"])
        if results[0] != results[1]:
            return False
    return True


def load(base: str, paths: list[str], key: str, *, seconds: float, concurrency: int) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    parts = urlsplit(base)

    def client(offset: int) -> None:
        nonlocal errors
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        mine, n = [], offset
        while time.perf_counter() < deadline:
            path = paths[n % len(paths)]
            n += 1
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Authorization": f"Token {key}"})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
                ok = False
            if ok:
                mine.append(time.perf_counter() - started)
            else:
                with lock:
                    errors += 1
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i * 3,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "seconds": round(elapsed, 2),
        "throughput_rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1] * 1000, 1) if latencies else None,
    }


def queries_per_request(paths: list[str], key: str) -> int:
    """Counted in-process with Django's test client against the same database."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govex.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_AUTHORIZATION=f"Token {key}")
    client.get(paths[0])  # the token's last_used_at is written once a minute; keep it out of the count
    counts = set()
    for path in paths[:3]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path, HTTP_HOST="127.0.0.1").status_code == 200
        counts.add(len(queries))
    return max(counts)


def machine() -> dict:
    cpu = ""
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor()
    postgres = subprocess.run(["psql", "-tAc", "show server_version"], capture_output=True, text=True).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "postgresql": postgres,
        "system": platform.platform(),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--key", required=True)
    parser.add_argument("--api", required=True)
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scale", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    args = parser.parse_args()

    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine(),
        "scale": args.scale,
        "seed": args.seed,
        "gunicorn_workers": args.workers,
        "concurrency": args.concurrency,
        "seconds_per_run": args.seconds,
        "scenarios": {},
    }
    for name, first in SCENARIOS.items():
        paths = page_paths(args.api, first, args.key)
        identical = same_json(args.api, args.baseline, paths, args.key)
        # Warm both servers (connections, caches) before measuring.
        load(args.api, paths, args.key, seconds=2, concurrency=args.concurrency)
        load(args.baseline, paths, args.key, seconds=2, concurrency=args.concurrency)
        api = load(args.api, paths, args.key, seconds=args.seconds, concurrency=args.concurrency)
        baseline = load(args.baseline, paths, args.key, seconds=args.seconds, concurrency=args.concurrency)
        ratio = round(api["throughput_rps"] / baseline["throughput_rps"], 2) if baseline["throughput_rps"] else None
        report["scenarios"][name] = {
            "url": first,
            "pages": len(paths),
            "same_json_as_baseline": identical,
            "api": api,
            "baseline": baseline,
            "ratio_api_to_baseline": ratio,
        }
    for name, first in SEARCHES.items():
        paths = page_paths(args.api, quote_path(first), args.key)
        load(args.api, paths, args.key, seconds=2, concurrency=args.concurrency)
        api = load(args.api, paths, args.key, seconds=args.seconds, concurrency=args.concurrency)
        report["scenarios"][name] = {"url": first, "pages": len(paths), "api": api}
    for name, scenario in report["scenarios"].items():
        first = quote_path(SCENARIOS.get(name) or SEARCHES[name])
        scenario["api"]["queries_per_request"] = queries_per_request(
            page_paths(args.api, first, args.key)[:3], args.key
        )
        if "baseline" in scenario:
            scenario["baseline"]["queries_per_request"] = 1

    print(f"\ngovex partner API vs SQL baseline: {args.scale:,} delegations, {args.workers} gunicorn workers each, "
          f"{args.concurrency} clients, {args.seconds:.0f} s per run")  # fmt: skip
    print(f"{'scenario':<15}{'server':<10}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}{'errors':>8}")
    for name, scenario in report["scenarios"].items():
        for server in ("api", "baseline"):
            row = scenario.get(server)
            if row is None:
                continue
            print(
                f"{name:<15}{server:<10}{row['throughput_rps']:>8}{row['p50_ms']:>9}{row['p95_ms']:>9}"
                f"{row['queries_per_request']:>9}{row['errors']:>8}"
            )
        if "baseline" in scenario:
            print(
                f"{'':<15}ratio api/baseline = {scenario['ratio_api_to_baseline']}"
                f"  (same JSON: {scenario['same_json_as_baseline']})"
            )
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    path = results / f"api-{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}.json"
    path.write_text(json.dumps(report, indent=2))
    (results / "latest.json").write_text(json.dumps(report, indent=2))
    print(f"\nwritten {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

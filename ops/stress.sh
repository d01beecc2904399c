#!/usr/bin/env bash
# make stress: load, uploads and three faults against a serve-like stack, then a table.
#
# The stack (gunicorn, a Celery worker, beat) runs on a PostgreSQL cluster and a Redis server of its own,
# started here on their own ports in a temporary folder, so the faults (a worker SIGKILLed mid-import, Redis
# restarted while tasks are queued, PostgreSQL restarted while the app serves) touch nothing else on the
# machine. Bounded: every wrk run lasts STRESS_DURATION; waits time out; everything started here is stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
ROOT=$PWD

DURATION=${STRESS_DURATION:-10s}
CONCURRENCIES=${STRESS_CONCURRENCIES:-"1 8 32"}
UPLOADS=${STRESS_UPLOADS:-20}
QUEUED_UPLOADS=${STRESS_QUEUED_UPLOADS:-5}
PORT=${STRESS_PORT:-8105}
PG_PORT=${STRESS_PG_PORT:-5439}
REDIS_PORT=${STRESS_REDIS_PORT:-6389}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/govex-stress.XXXXXX")
chmod 755 "$WORK"

export DJANGO_SETTINGS_MODULE=govex.settings
export DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/govex_stress
export CELERY_BROKER_URL=redis://127.0.0.1:$REDIS_PORT/0
export CACHE_URL=redis://127.0.0.1:$REDIS_PORT/1
export DJANGO_DEBUG=false DJANGO_LOG_FORMAT=json DJANGO_LOG_LEVEL=WARNING DJANGO_HTTPS=false
export DJANGO_STATICFILES_STORAGE=whitenoise.storage.CompressedManifestStaticFilesStorage
export DJANGO_SECRET_KEY
DJANGO_SECRET_KEY=$("$PY" -c "import secrets; print(secrets.token_urlsafe(64))")
export DJANGO_MEDIA_ROOT=$WORK/media
export GOVEX_BIND=127.0.0.1:$PORT GUNICORN_WORKERS=${STRESS_WEB_WORKERS:-4}
# Measure capacity, not the per-token API throttle (tested on its own).
export API_PARTNER_RATE=1000000/hour API_STAFF_RATE=1000000/hour
# Production's recovery, on a shorter clock so that it happens within the run: a lost message is sent again
# after 10 s (300 s in production), a killed worker's message is redelivered after 45 s (600 s).
export IMPORT_STALL_SECONDS=10 IMPORT_SWEEP_SECONDS=3
export CELERY_VISIBILITY_TIMEOUT=45 CELERY_TASK_SOFT_TIME_LIMIT=20 CELERY_TASK_TIME_LIMIT=30

command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null

# --- private PostgreSQL and Redis ------------------------------------------------------------------------
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PG_BIN/initdb" ] || { echo "make stress needs PostgreSQL's server binaries (initdb, pg_ctl)" >&2; exit 1; }
PGDATA=$WORK/pg
as_pg() {  # PostgreSQL refuses to run as root
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
pg() { as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$WORK/postgres.log" -w -t 60 "$@" >/dev/null; }
mkdir -p "$PGDATA"
[ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust --no-sync >/dev/null
touch "$WORK/postgres.log" && { [ "$(id -u)" != 0 ] || chown postgres "$WORK/postgres.log"; }
PG_OPTIONS="-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PGDATA -c max_connections=200"
pg -o "$PG_OPTIONS" start

redis_start() {
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" \
        --daemonize yes --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log"
    for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.1; done
    echo "Redis did not start" >&2; exit 1
}
redis_stop() {
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 || return 0; sleep 0.1; done
}
redis_start

pids=()
stop() {
    trap - EXIT INT TERM
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    redis_stop
    pg -m immediate stop 2>/dev/null || true
    echo "logs and uploads kept in $WORK" >&2
}
trap stop EXIT INT TERM

"$PY" ops/ensure_database.py
"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py loaddata fixtures/govex.yaml -v 0
"$PY" manage.py collectstatic --noinput -v 0
eval "$("$PY" ops/stress_helper.py credentials)"   # PARTNER, WRITER, SESSION
"$PY" ops/stress_helper.py counts > "$WORK/before.json"

start_worker() {
    "$PY" -m celery -A govex worker --loglevel=WARNING --concurrency=1 -n "stress-$1@%h" \
        >> "$WORK/worker.log" 2>&1 &
    WORKER_PID=$!
    pids+=("$WORKER_PID")
}
start_worker 1
"$PY" -m celery -A govex beat --loglevel=WARNING --schedule "$WORK/beat-schedule" > "$WORK/beat.log" 2>&1 &
pids+=($!)
"$PY" -m gunicorn -c govex/gunicorn.conf.py govex.wsgi:application > "$WORK/web.log" 2>&1 &
pids+=($!)
healthy() {  # seconds -> waits until /health/ says 200
    for _ in $(seq "$1"); do curl -sf "$BASE/health/" >/dev/null && return 0; sleep 1; done
    return 1
}
healthy 120 || { echo "the stack did not become healthy" >&2; tail -20 "$WORK/web.log" >&2; exit 1; }

# --- uploads, as a partner system sends them: retried (up to a minute) when the service is briefly away ----
mkdir -p "$WORK/uploads"
: > "$WORK/upload_status"
: > "$WORK/upload_retries"
make_upload() {  # n -> path of a distinct press release
    local f="$WORK/uploads/visit-$1.txt"
    printf 'Press release %s %s\nOn 3 February 2026 a delegation led by the Minister of Cabinet Affairs visited Astana (%s).\n' \
        "$1" "$(date +%s%N)" "$RANDOM" > "$f"
    echo "$f"
}
upload() {  # file -> final HTTP status, one line per attempt that failed in upload_retries
    local status
    for _ in $(seq 30); do
        status=$(curl -s -o /dev/null -m 30 -w "%{http_code}" -H "Authorization: Token $WRITER" -F "file=@$1" \
            "$BASE/api/v1/imports/" || true)
        case "$status" in 200|201|4??) break ;; esac
        echo "$status" >> "$WORK/upload_retries"
        sleep 2
    done
    echo "$status" >> "$WORK/upload_status"
}
uploader() {
    for i in $(seq "$UPLOADS"); do
        f=$(make_upload "$i")
        if (( i % 5 == 0 )); then  # the same file twice at the same moment must give one document
            upload "$f" & upload "$f"; wait
        else
            upload "$f"
        fi
        sleep 0.5
    done
}
uploader &
UPLOADER=$!

ENDPOINTS=(
    "health|$BASE/health/|"
    "api delegations|$BASE/api/v1/delegations/|Authorization: Token $PARTNER"
    "api officials search|$BASE/api/v1/officials/?q=minister|Authorization: Token $PARTNER"
    "report dashboard|$BASE/reports/|Cookie: sessionid=$SESSION"
)
RESULTS="$WORK/results"
: > "$RESULTS"
load() {  # label concurrency name url header -> one line in RESULTS
    local args=(-t "$(( $2 < 2 ? $2 : 2 ))" -c "$2" -d "$DURATION" --timeout 5s -s ops/wrk_report.lua)
    [ -n "$5" ] && args+=(-H "$5")
    line=$(wrk "${args[@]}" "$4" | grep '^RESULT' || echo "RESULT requests=0 p95_ms=0 errors=1 rps=0")
    echo "$1|$3|$2|$line" >> "$RESULTS"
}
run_round() {  # label concurrency
    for entry in "${ENDPOINTS[@]}"; do
        IFS='|' read -r name url header <<< "$entry"
        load "$1" "$2" "$name" "$url" "$header"
    done
}

FAULT_LOG=()
set -- $CONCURRENCIES
run_round steady "$1"

# Fault 1: the worker is SIGKILLed in the middle of an import (no cleanup, its message unacknowledged); a new
# worker takes over and the broker redelivers the message after the visibility timeout.
# A long release (several seconds of extraction) makes sure there is an import to interrupt.
long="$WORK/uploads/long-release.txt"
for i in $(seq 4000); do
    echo "On $(( i % 28 + 1 )) March 2026 H.E. Ahmed Al Mansoori, Minister of Economy, met H.E. Batbayar Ganbold, Minister of Digital Development of Mongolia, in Abu Dhabi (item $i)."
done > "$long"
upload "$long" &
"$PY" ops/stress_helper.py wait-processing 60 >/dev/null || true
sleep 1
killed_on=$("$PY" ops/stress_helper.py processing)
disown "$WORKER_PID"  # no "Killed" line from the shell: the kill is the point
kill -KILL "$WORKER_PID"
start_worker 2
started=$(date +%s)
healthy 90 || true
FAULT_LOG+=("Celery worker SIGKILL (import in progress: ${killed_on:-none}); healthy again after $(( $(date +%s) - started ))s")
run_round steady "${2:-$1}"

# Fault 2: Redis restarted while tasks are queued. The worker is stopped so that new uploads wait in the queue,
# Redis restarts without persistence (the queued messages are gone), then a worker starts again: beat finds
# the documents still queued in the database and sends them again.
kill -TERM "$WORKER_PID"; wait "$WORKER_PID" 2>/dev/null || true
for i in $(seq "$QUEUED_UPLOADS"); do upload "$(make_upload "queued-$i")"; done
queued_in_redis=$(redis-cli -p "$REDIS_PORT" -n 0 llen govex)
redis_stop
redis_start
start_worker 3
started=$(date +%s)
healthy 90 || true
FAULT_LOG+=("Redis restarted with $queued_in_redis import tasks queued (lost with it); healthy again after $(( $(date +%s) - started ))s")

# Fault 3: PostgreSQL restarted while the app serves: a wrk run is under way when the server restarts.
load "during PostgreSQL restart" "${2:-$1}" "api delegations" "$BASE/api/v1/delegations/" "Authorization: Token $PARTNER" &
LOADER=$!
sleep 2
pg_started=$(date +%s.%N)
pg -m fast restart -o "$PG_OPTIONS"
pg_down=$(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $pg_started }")
wait "$LOADER"
started=$(date +%s)
healthy 90 || true
FAULT_LOG+=("PostgreSQL restarted under load (down ${pg_down}s); healthy again after $(( $(date +%s) - started ))s")
run_round steady "${3:-${2:-$1}}"

wait "$UPLOADER" || true

# More API fuzzing than make test does: schemathesis, every operation, STRESS_FUZZ_EXAMPLES each (on a test
# database of the private cluster).
FUZZ_EXAMPLES=${STRESS_FUZZ_EXAMPLES:-50}
if SCHEMATHESIS_EXAMPLES=$FUZZ_EXAMPLES "$PY" -m pytest -q -p no:cacheprovider tests/ops/test_api_fuzz.py \
        > "$WORK/fuzz.log" 2>&1; then
    FUZZ="passed: every operation, $FUZZ_EXAMPLES generated requests each, no 5xx, every response in the schema"
else
    FUZZ="FAILED (see $WORK/fuzz.log)"
fi
IMPORTS=$("$PY" ops/stress_helper.py wait-imports "${STRESS_IMPORT_TIMEOUT:-180}")
CHECK=$("$PY" ops/stress_helper.py check-imports "$WORK/uploads")
LOST=$("$PY" ops/stress_helper.py lost "$WORK/before.json")

UPLOADS_TRIED=$(wc -l < "$WORK/upload_status")
UPLOAD_ERRORS=$(grep -cvE '^(200|201)$' "$WORK/upload_status" || true)
UPLOAD_RETRIES=$(wc -l < "$WORK/upload_retries")
DISTINCT=$(ls "$WORK/uploads" | wc -l)
field() { "$PY" -c "import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2], 0))" "$1" "$2"; }
DOCUMENTS=$(field "$CHECK" documents)
READY=$(field "$CHECK" ready)
MISSING=$(field "$CHECK" files_without_document)
PENDING=$(field "$CHECK" pending)
PARTIAL=$(field "$CHECK" partial)
REDONE=$(field "$CHECK" attempts_after_faults)

printf '\n%-26s %-22s %5s %10s %9s %8s %7s\n' phase endpoint conc requests "req/s" "p95 ms" errors
STEADY_ERRORS=0
WINDOW_ERRORS=0
TOTAL_REQUESTS=0
while IFS='|' read -r phase name c line; do
    eval "${line#RESULT }"
    printf '%-26s %-22s %5s %10s %9s %8s %7s\n' "$phase" "$name" "$c" "$requests" "$rps" "$p95_ms" "$errors"
    TOTAL_REQUESTS=$((TOTAL_REQUESTS + requests))
    if [ "$phase" = steady ]; then STEADY_ERRORS=$((STEADY_ERRORS + errors)); else WINDOW_ERRORS=$((WINDOW_ERRORS + errors)); fi
done < "$RESULTS"
echo
echo "requests served:      $TOTAL_REQUESTS"
echo "HTTP errors:          $STEADY_ERRORS under steady load; $WINDOW_ERRORS while PostgreSQL restarted"
echo "uploads tried:        $UPLOADS_TRIED ($DISTINCT distinct files; $UPLOAD_RETRIES attempts retried by the client; $UPLOAD_ERRORS never accepted)"
echo "documents:            $DOCUMENTS for $DISTINCT distinct files (the same file at the same moment is one document); $MISSING files without one"
echo "imports by status:    $IMPORTS"
echo "imports:              $READY ready for review; $PENDING pending; $PARTIAL partial; $REDONE runs repeated after a fault (each written once)"
echo "faults injected:      ${#FAULT_LOG[@]}"
for fault in "${FAULT_LOG[@]}"; do echo "  - $fault"; done
echo "records lost:         $LOST"
echo "API fuzzing:          $FUZZ"
[ "$STEADY_ERRORS" = 0 ] && [ "$WINDOW_ERRORS" = 0 ] && [ "$LOST" = 0 ] && [ "$DOCUMENTS" = "$DISTINCT" ] && [ "$READY" = "$DISTINCT" ] \
    && [ "$PENDING" = 0 ] && [ "$UPLOAD_ERRORS" = 0 ] && [ "$PARTIAL" = 0 ] && [ "$MISSING" = 0 ] \
    && [[ "$FUZZ" == passed* ]]

#!/usr/bin/env bash
# make stress: load, uploads and a worker fault against a serve-like stack on its own database, then a table.
# Bounded: every wrk run lasts STRESS_DURATION; import waits time out; everything started here is stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

DURATION=${STRESS_DURATION:-10s}
CONCURRENCIES=${STRESS_CONCURRENCIES:-"1 8 32"}
UPLOADS=${STRESS_UPLOADS:-20}
PORT=${STRESS_PORT:-8105}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/govex-stress.XXXXXX")

export DJANGO_SETTINGS_MODULE=govex.settings
export DATABASE_URL=${STRESS_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/govex_stress}
# Redis database 6 is the operations area's; broker and cache share it (cache keys are prefixed).
export CELERY_BROKER_URL=${STRESS_REDIS_URL:-redis://127.0.0.1:6379/6}
export CACHE_URL=$CELERY_BROKER_URL
export DJANGO_DEBUG=false DJANGO_LOG_FORMAT=json DJANGO_LOG_LEVEL=WARNING DJANGO_HTTPS=false
export DJANGO_STATICFILES_STORAGE=whitenoise.storage.CompressedManifestStaticFilesStorage
export DJANGO_SECRET_KEY
DJANGO_SECRET_KEY=$("$PY" -c "import secrets; print(secrets.token_urlsafe(64))")
export DJANGO_MEDIA_ROOT=$WORK/media
export GOVEX_BIND=127.0.0.1:$PORT GUNICORN_WORKERS=${STRESS_WEB_WORKERS:-4}
# Measure capacity, not the per-token API throttle (tested on its own).
export API_PARTNER_RATE=1000000/hour API_STAFF_RATE=1000000/hour

command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
. ops/services.sh
ensure_services

DB_NAME=${DATABASE_URL##*/}
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)"
"$PY" ops/ensure_database.py
redis-cli -u "$CELERY_BROKER_URL" flushdb >/dev/null
"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py loaddata fixtures/govex.yaml -v 0
"$PY" manage.py collectstatic --noinput -v 0
eval "$("$PY" ops/stress_helper.py credentials)"   # PARTNER, WRITER, SESSION
"$PY" ops/stress_helper.py counts > "$WORK/before.json"

pids=()
stop() {
    trap - EXIT INT TERM
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    echo "logs and uploads kept in $WORK" >&2
}
trap stop EXIT INT TERM

start_worker() {
    "$PY" -m celery -A govex worker --loglevel=WARNING --concurrency=1 -n "stress-$1@%h" \
        >> "$WORK/worker.log" 2>&1 &
    WORKER_PID=$!
    pids+=("$WORKER_PID")
}
start_worker 1
"$PY" -m gunicorn -c govex/gunicorn.conf.py govex.wsgi:application > "$WORK/web.log" 2>&1 &
pids+=($!)
for _ in $(seq 120); do curl -sf "$BASE/health/" >/dev/null && break; sleep 1; done
curl -sf "$BASE/health/" >/dev/null || { echo "the stack did not become healthy" >&2; tail -20 "$WORK/web.log" >&2; exit 1; }

# Uploads run beside the load: distinct documents, plus pairs of the same file sent at the same moment.
upload() {  # file -> HTTP status
    curl -s -o /dev/null -w "%{http_code}\n" -H "Authorization: Token $WRITER" -F "file=@$1" "$BASE/api/v1/imports/"
}
uploader() {
    mkdir -p "$WORK/uploads"
    for i in $(seq "$UPLOADS"); do
        f="$WORK/uploads/visit-$i.txt"
        printf 'Press release %s %s\nOn 3 February 2026 a delegation led by the Minister of Cabinet Affairs visited Astana (%s).\n' \
            "$i" "$(date +%s%N)" "$RANDOM" > "$f"
        if (( i % 5 == 0 )); then  # the same file twice at once must give one document
            upload "$f" >> "$WORK/upload_status" & upload "$f" >> "$WORK/upload_status"; wait
        else
            upload "$f" >> "$WORK/upload_status"
        fi
        sleep 0.5
    done
}
: > "$WORK/upload_status"
uploader &
UPLOADER=$!

ENDPOINTS=(
    "health|$BASE/health/|"
    "api delegations|$BASE/api/v1/delegations/|Authorization: Token $PARTNER"
    "api officials search|$BASE/api/v1/officials/?q=minister|Authorization: Token $PARTNER"
    "report dashboard|$BASE/reports/|Cookie: sessionid=$SESSION"
)
FAULTS=0
RECOVERY=-
RESULTS="$WORK/results"
: > "$RESULTS"
round=0
for c in $CONCURRENCIES; do
    round=$((round + 1))
    if [ "$round" = 2 ]; then
        # Fault: the Celery worker dies mid-work (SIGKILL: no cleanup); a new one takes over its queue.
        kill -KILL "$WORKER_PID" 2>/dev/null && FAULTS=$((FAULTS + 1))
        start_worker "$round"
        # /health/ says 503 until the new worker answers its ping; the load resumes once it is back.
        started=$(date +%s)
        for _ in $(seq 90); do curl -sf "$BASE/health/" >/dev/null && break; sleep 1; done
        RECOVERY=$(( $(date +%s) - started ))
    fi
    for entry in "${ENDPOINTS[@]}"; do
        IFS='|' read -r name url header <<< "$entry"
        args=(-t "$(( c < 2 ? c : 2 ))" -c "$c" -d "$DURATION" --timeout 5s -s ops/wrk_report.lua)
        [ -n "$header" ] && args+=(-H "$header")
        line=$(wrk "${args[@]}" "$url" | grep '^RESULT' || echo "RESULT requests=0 p95_ms=0 errors=1 rps=0")
        echo "$name|$c|$line" >> "$RESULTS"
    done
done
wait "$UPLOADER" || true
IMPORTS=$("$PY" ops/stress_helper.py wait-imports "${STRESS_IMPORT_TIMEOUT:-180}")
LOST=$("$PY" ops/stress_helper.py lost "$WORK/before.json")

UPLOADS_TRIED=$(wc -l < "$WORK/upload_status")
UPLOAD_ERRORS=$(grep -cvE '^(200|201)$' "$WORK/upload_status" || true)
DISTINCT=$(ls "$WORK/uploads" | wc -l)
DOCUMENTS=$("$PY" -c "import json,sys; print(sum(json.loads(sys.argv[1]).values()))" "$IMPORTS")
PENDING=$("$PY" -c "import json,sys; d=json.loads(sys.argv[1]); print(d.get('queued',0)+d.get('processing',0))" "$IMPORTS")

printf '\n%-22s %5s %10s %9s %8s %7s\n' endpoint conc requests "req/s" "p95 ms" errors
TOTAL_ERRORS=0
while IFS='|' read -r name c line; do
    eval "${line#RESULT }"
    printf '%-22s %5s %10s %9s %8s %7s\n' "$name" "$c" "$requests" "$rps" "$p95_ms" "$errors"
    TOTAL_ERRORS=$((TOTAL_ERRORS + errors))
done < "$RESULTS"
echo
echo "uploads tried:        $UPLOADS_TRIED ($DISTINCT distinct files, $UPLOAD_ERRORS refused)"
echo "documents:            $DOCUMENTS (expected $DISTINCT: same file at the same moment = one document)"
echo "imports by status:    $IMPORTS (still pending: $PENDING)"
echo "faults injected:      $FAULTS (Celery worker SIGKILL during load; healthy again after ${RECOVERY}s)"
echo "records lost:         $LOST"
echo "HTTP errors:          $TOTAL_ERRORS"
[ "$TOTAL_ERRORS" = 0 ] && [ "$LOST" = 0 ] && [ "$DOCUMENTS" = "$DISTINCT" ] && [ "$PENDING" = 0 ] \
    && [ "$UPLOAD_ERRORS" = 0 ]

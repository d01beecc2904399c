#!/usr/bin/env bash
# govex as it runs in production on one machine: gunicorn + one Celery worker + beat (resends stalled
# imports) on PostgreSQL and Redis, DEBUG off, static files by whitenoise, JSON logs.
# Every setting can be overridden from the environment; see docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

: "${DATABASE_URL:=postgres://postgres@127.0.0.1:5432/govex}"
: "${CELERY_BROKER_URL:=redis://127.0.0.1:6379/0}"
# API rate limits and the health check's worker sightings must be shared by every gunicorn worker: Redis, not memory.
: "${CACHE_URL:=redis://127.0.0.1:6379/1}"
: "${DJANGO_DEBUG:=false}"
: "${DJANGO_LOG_FORMAT:=json}"
: "${DJANGO_HTTPS:=false}"
: "${DJANGO_STATICFILES_STORAGE:=whitenoise.storage.CompressedManifestStaticFilesStorage}"
: "${GOVEX_BIND:=127.0.0.1:8000}"
: "${CELERY_WORKER_CONCURRENCY:=2}"
export DJANGO_SETTINGS_MODULE=govex.settings
export DATABASE_URL CELERY_BROKER_URL CACHE_URL DJANGO_DEBUG DJANGO_LOG_FORMAT DJANGO_HTTPS \
    DJANGO_STATICFILES_STORAGE GOVEX_BIND

# The secret key: from the environment, or generated once into a git-ignored file and reused after that
# (a new key on every start would log everybody out).
if [ -z "${DJANGO_SECRET_KEY:-}" ]; then
    KEY_FILE=${GOVEX_SECRET_KEY_FILE:-.secret_key}
    if [ ! -s "$KEY_FILE" ]; then
        (umask 077 && "$PY" -c "import secrets; print(secrets.token_urlsafe(64))" > "$KEY_FILE")
        echo "generated a secret key into $KEY_FILE" >&2
    fi
    DJANGO_SECRET_KEY=$(cat "$KEY_FILE")
fi
export DJANGO_SECRET_KEY

. ops/services.sh
ensure_services

"$PY" ops/ensure_database.py
"$PY" manage.py migrate --noinput
"$PY" manage.py collectstatic --noinput -v 0
"$PY" manage.py check --deploy --fail-level ERROR

pids=()
stop() {
    trap - EXIT INT TERM
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop EXIT INT TERM

"$PY" -m celery -A govex worker --loglevel=INFO --concurrency="$CELERY_WORKER_CONCURRENCY" \
    -n "govex-${GOVEX_BIND##*:}@%h" &
pids+=($!)

# Beat sends again imports whose task message was lost (a Redis restart) or whose worker died. One beat per
# deployment: with several machines, run it on one of them only.
"$PY" -m celery -A govex beat --loglevel=INFO --schedule "${TMPDIR:-/tmp}/govex-celerybeat-schedule" &
pids+=($!)

"$PY" -m gunicorn -c govex/gunicorn.conf.py govex.wsgi:application &
pids+=($!)

# If any of them dies, stop the others: a half-running stack is worse than a stopped one.
wait -n
echo "a govex process exited; stopping the rest" >&2
exit 1

#!/usr/bin/env bash
# make bench: the partner API against a hand-written SQL baseline, on PostgreSQL, at >= 100,000 delegations.
#
#   BENCH_SCALE=100000 BENCH_SEED=7 BENCH_DB=govex_bench BENCH_SECONDS=20 BENCH_CONCURRENCY=4 bash bench/run.sh
#
# Creates its own database (reused when it already holds the data at that scale and seed), serves the app
# and the baseline with gunicorn on loopback, measures both side by side and writes bench/results/*.json.
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=${BENCH_SCALE:-100000}
SEED=${BENCH_SEED:-7}
DB=${BENCH_DB:-govex_bench}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
CONCURRENCY=${BENCH_CONCURRENCY:-4}
WORKERS=${BENCH_WORKERS:-2}
API_PORT=${BENCH_API_PORT:-8192}
BASE_PORT=${BENCH_BASELINE_PORT:-8193}
PY=${PY:-.venv/bin/python}
export PGHOST PGPORT PGUSER

# PostgreSQL must answer; start the cluster if it is installed but down (see SERVICES.md).
if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
  echo "PostgreSQL is down; starting it"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  for _ in $(seq 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
fi

export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB"
export DJANGO_DEBUG=false
export DATABASE_CONN_MAX_AGE=600
# The benchmark measures serving, not the rate limit: lift the per-token limit for this run only.
export API_PARTNER_RATE=100000000/hour API_STAFF_RATE=100000000/hour
export DJANGO_LOG_LEVEL=WARNING

marker="scale=$SCALE seed=$SEED"
existing=$(psql -d "$DB" -tAc "select obj_description('cooperation_delegation'::regclass)" 2>/dev/null || true)
if [ "$existing" != "$marker" ]; then
  echo "Creating database $DB and generating $SCALE delegations (seed $SEED)"
  dropdb --if-exists "$DB"
  createdb "$DB"
  $PY manage.py migrate --noinput -v0
  $PY manage.py generate_demo_data --scale "$SCALE" --seed "$SEED"
  psql -q -d "$DB" -c "VACUUM ANALYZE" -c "COMMENT ON TABLE cooperation_delegation IS '$marker'"
else
  echo "Reusing $DB ($marker)"
  $PY manage.py migrate --noinput -v0  # data kept; schema brought up to this checkout
fi
[ "${BENCH_GENERATE_ONLY:-0}" = "1" ] && exit 0

KEY=$($PY bench/make_token.py)

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
.venv/bin/gunicorn govex.wsgi:application -b "127.0.0.1:$API_PORT" -w "$WORKERS" --log-level warning &
pids+=($!)
.venv/bin/gunicorn bench.baseline:application -b "127.0.0.1:$BASE_PORT" -w "$WORKERS" --log-level warning &
pids+=($!)
for port in "$API_PORT" "$BASE_PORT"; do
  for _ in $(seq 60); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && break
    sleep 0.5
  done
done

$PY bench/measure.py --key "$KEY" --api "http://127.0.0.1:$API_PORT" --baseline "http://127.0.0.1:$BASE_PORT" \
  --seconds "$SECONDS_PER_RUN" --concurrency "$CONCURRENCY" --workers "$WORKERS" --scale "$SCALE" --seed "$SEED"
$PY bench/bench_reports.py --repeat "${BENCH_REPORT_REPEAT:-10}"

#!/usr/bin/env bash
# `make run`: the web server, a Celery worker and Celery beat together. Ctrl-C stops all three.
# PORT (default 8000) is the web server's port on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_DEBUG="${DJANGO_DEBUG:-1}"
PORT="${PORT:-8000}"
PY=.venv/bin/python

pids=()
stop() {
  trap - INT TERM EXIT
  echo
  echo "Stopping the web server, worker and beat..."
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

$PY manage.py demo_logins --port "$PORT"
$PY -m celery -A send_portal worker --loglevel=INFO --concurrency=1 --pool=solo &
pids+=($!)
$PY -m celery -A send_portal beat --loglevel=INFO --pidfile= &
pids+=($!)
$PY manage.py runserver "127.0.0.1:$PORT" &
pids+=($!)
wait -n
